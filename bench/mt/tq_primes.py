"""Prime counting with transaction.TransactionQueue.

    stmpy bench/mt/tq_primes.py T N

Counts the primes below N by trial division, one queued call per range
of CHUNK numbers, run with TransactionQueue.run(T).  Each call adds its
count and its sum of primes into the running thread's own accumulator
(transaction.threadlocalproperty); the accumulators are registered once
per thread and summed at the end.  Checksum: count and sum of the primes.
"""
import sys

try:
    import transaction
except ImportError:
    import os
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "lib"))
    import transaction

CHUNK = 2000


def is_prime(n):
    if n < 2:
        return False
    if n % 2 == 0:
        return n == 2
    d = 3
    while d * d <= n:
        if n % d == 0:
            return False
        d += 2
    return True


class Totals:
    """Per-thread [count, sum]: no two threads write the same object."""
    mine = transaction.threadlocalproperty()

    def __init__(self):
        self.parts = []

    def part(self):
        try:
            return self.mine
        except AttributeError:
            p = self.mine = [0, 0]
            self.parts.append(p)    # once per thread (inside the call's transaction)
            return p


def count_range(totals, lo, hi):
    count = total = 0
    for n in range(lo, hi):
        if is_prime(n):
            count += 1
            total += n
    p = totals.part()
    p[0] += count
    p[1] += total


def main():
    t = int(sys.argv[1]) if len(sys.argv) > 1 else 2
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 300000
    totals = Totals()
    tq = transaction.TransactionQueue()
    for lo in range(0, n, CHUNK):
        tq.add(count_range, totals, lo, min(lo + CHUNK, n))
    tq.run(t)
    print("tq_primes", n, sum(p[0] for p in totals.parts), sum(p[1] for p in totals.parts))


main()
