# Shared counters under a threading.Lock: one int in a list, one attribute
# of an object, one global and the values of a dict, bumped by more
# threads than cores; totals are exact.
import threading

NT = 12
N = 300
lock = threading.Lock()
cell = [0]
total = 0


class Obj:
    def __init__(self):
        self.n = 0
        self.hist = {}


obj = Obj()


def worker(i):
    global total
    for k in range(N):
        with lock:
            cell[0] += 1
            obj.n += 2
            total += k
            obj.hist[k % 7] = obj.hist.get(k % 7, 0) + 1
    # acquire/release by hand, and a non-blocking try
    for k in range(N // 3):
        while not lock.acquire(blocking=False):
            pass
        try:
            cell[0] += 1
        finally:
            lock.release()


ts = [threading.Thread(target=worker, args=(i,)) for i in range(NT)]
for t in ts:
    t.start()
for t in ts:
    t.join()
assert cell[0] == NT * (N + N // 3), cell[0]
assert obj.n == 2 * NT * N
assert total == NT * (N * (N - 1) // 2)
assert sum(obj.hist.values()) == NT * N
assert obj.hist == {r: NT * len(range(r, N, 7)) for r in range(7)}
assert not lock.locked()
print(cell[0], obj.n, total, sorted(obj.hist.items()))
