# TransactionQueue calls that add() more calls while they run: a breadth-
# first walk of an implicit binary tree, Collatz chains where each step
# queues the next, a fan-out, and the module-level transaction.add/run.
# run() returns only when all the calls added along the way have run; the
# results equal the serial computation's.
import transaction
from transaction import TransactionQueue, is_atomic

# Implicit tree: node n has children 2n and 2n+1 below LIMIT.
LIMIT = 600
visited = []
depths = {}
tq = TransactionQueue()


def visit(n, depth):
    assert is_atomic()
    visited.append(n)
    depths[depth] = depths.get(depth, 0) + 1
    for c in (2 * n, 2 * n + 1):
        if c < LIMIT:
            tq.add(visit, c, depth + 1)


tq.add(visit, 1, 0)
tq.run()
assert sorted(visited) == list(range(1, LIMIT)), len(visited)
s_depths = {}
for n in range(1, LIMIT):
    d = n.bit_length() - 1
    s_depths[d] = s_depths.get(d, 0) + 1
assert depths == s_depths
print("tree", len(visited), sorted(depths.items()))

# Collatz: each call performs one step and queues the next.
steps = {}
tq2 = TransactionQueue()


def collatz(start, n, count):
    if n == 1:
        steps[start] = count
        return
    tq2.add(collatz, start, n // 2 if n % 2 == 0 else 3 * n + 1, count + 1)


for s in range(1, 31):
    tq2.add(collatz, s, s, 0)
tq2.run(4)


def serial_collatz(n):
    c = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        c += 1
    return c


assert steps == {s: serial_collatz(s) for s in range(1, 31)}
print("collatz", sum(steps.values()), max(steps.values()))

# Fan-out: one call adds 40, each adds 5 leaves; leaves count.
leaves = [0]
tq3 = TransactionQueue()


def leaf():
    leaves[0] += 1


def middle(k):
    for _ in range(5):
        tq3.add(leaf)


def root():
    for k in range(40):
        tq3.add(middle, k)


tq3.add(root)
tq3.run(3)
assert leaves[0] == 200
print("fan-out", leaves[0])

# The module's own queue.
found = set()


def explore(n):
    found.add(n)
    if n < 200:
        transaction.add(explore, n * 2)
        transaction.add(explore, n * 3)


transaction.add(explore, 1)
transaction.run()
expected = set()
todo = [1]
while todo:
    n = todo.pop()
    expected.add(n)
    if n < 200:
        todo += [n * 2, n * 3]
assert found == expected
print("module queue", len(found), max(found))
