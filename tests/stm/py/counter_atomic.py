# Shared counters in `with atomic` blocks, more threads than cores: an int
# in a list, an attribute, a global, a dict of counters (read-modify-write
# of several keys in one block), and nested blocks.  Totals are exact.
import threading
from transaction import atomic, is_atomic

NT = 12
N = 200
cell = [0]
total = 0
pairs = [0, 0]


class Obj:
    n = 0


obj = Obj()
words = {}


def bump(k):
    # called inside an atomic block: nesting keeps it one transaction
    with atomic:
        assert is_atomic()
        pairs[k % 2] += 1


def worker(i):
    global total
    for k in range(N):
        with atomic:
            cell[0] += 1
            obj.n += 3
            total += i
            w = "w%d" % (k % 5)
            words[w] = words.get(w, 0) + 1
            words["all"] = words.get("all", 0) + 1
            bump(k)
            # both halves are updated in the same block: never seen apart
            assert words["all"] >= words[w]


ts = [threading.Thread(target=worker, args=(i,)) for i in range(NT)]
for t in ts:
    t.start()
for t in ts:
    t.join()
assert cell[0] == NT * N, cell[0]
assert obj.n == 3 * NT * N
assert total == N * sum(range(NT))
assert words["all"] == NT * N
assert all(words["w%d" % r] == NT * N // 5 for r in range(5)), words
assert pairs == [NT * N // 2, NT * N // 2]
print(cell[0], obj.n, total, sorted(words.items()), pairs)
