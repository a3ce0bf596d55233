"""Independent TransactionQueue tasks: pure CPU work, no shared writes.

    stmpy bench/mt/tq_independent.py T TASKS

TASKS queued calls, run with TransactionQueue.run(T).  Call i computes
the longest Collatz chain among the RANGE numbers from i*RANGE+1, with a
memo dict of its own (allocation, dict and integer work), and stores its
result in its own result cell (a one-item list made when the call was
queued): the calls read and write only objects of their own.  Checksum:
a hash of the results in task order.
"""
import sys

try:
    import transaction
except ImportError:
    import os
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "lib"))
    import transaction

RANGE = 500


def longest_chain(start, cell):
    memo = {1: 1}
    best = best_n = 0
    for n in range(start, start + RANGE):
        path = []
        m = n
        while m not in memo:
            path.append(m)
            m = m // 2 if m % 2 == 0 else 3 * m + 1
        length = memo[m]
        for x in reversed(path):
            length += 1
            memo[x] = length
        if length > best:
            best, best_n = length, n
    cell[0] = (best_n, best)


def main():
    t = int(sys.argv[1]) if len(sys.argv) > 1 else 2
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    cells = [[None] for _ in range(n)]
    tq = transaction.TransactionQueue()
    for i in range(n):
        tq.add(longest_chain, i * RANGE + 1, cells[i])
    tq.run(t)
    h = 0
    for (best_n, best), in cells:
        h = (h * 1000003 + best_n * 1000 + best) % 1000000007
    print("tq_independent", n, h)


main()
