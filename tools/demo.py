"""The demo `make demo` runs: parallel Python on stmpy's STM flavour.

It counts the solutions of the N-queens puzzle, one task per position of
the first two queens, with transaction.TransactionQueue: every task runs
as one transaction, on as many threads as the machine has cores.

    stmpy tools/demo.py [N] [--shared]

With --shared the tasks add their counts into one shared list, so that
every two tasks running at once conflict; run it with STMPY_LOG=FILE and
`stmpy -m stmlog FILE` names the line.  Without it each thread counts into
its own accumulator (transaction.threadlocalproperty) and the tasks never
conflict.  The program prints the time with 1 thread and with all of them.
"""
import sys
import time
import transaction


def count(n, row, cols, diag1, diag2):
    if row == n:
        return 1
    total = 0
    for c in range(n):
        if c in cols or row + c in diag1 or row - c in diag2:
            continue
        total += count(n, row + 1, cols + (c,), diag1 + (row + c,), diag2 + (row - c,))
    return total


class Counter:
    """Per-thread partial sums: no two threads write the same object."""
    partial = transaction.threadlocalproperty(list)

    def __init__(self):
        self.parts = []

    def add(self, k):
        part = self.partial
        if not part:
            part.append(0)
            with transaction.atomic:
                self.parts.append(part)
        part[0] += k

    def total(self):
        return sum(p[0] for p in self.parts)


def solve(n, threads, shared):
    tq = transaction.TransactionQueue()
    shared_total = [0]
    counter = Counter()

    def task(c0, c1):
        k = count(n, 2, (c0, c1), (c0, 1 + c1), (0 - c0, 1 - c1))
        if shared:
            shared_total[0] += k          # every task writes this one list
        else:
            counter.add(k)

    for c0 in range(n):
        for c1 in range(n):
            if abs(c0 - c1) > 1:
                tq.add(task, c0, c1)
    t0 = time.perf_counter()
    tq.run(threads)
    elapsed = time.perf_counter() - t0
    return (shared_total[0] if shared else counter.total()), elapsed


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    shared = "--shared" in sys.argv
    n = int(args[0]) if args else 8
    cores = transaction.getsegmentlimit()
    impl = sys.implementation.name
    print("%d-queens, %s tasks, on %s (%d transactions at once)"
          % (n, "shared-counter" if shared else "per-thread-counter", impl, cores))
    results = []
    for threads in sorted({1, max(cores, 1)}):
        solutions, elapsed = solve(n, threads, shared)
        results.append(elapsed)
        print("  %2d thread%s: %d solutions in %.3f s" % (threads, " " if threads == 1 else "s",
                                                        solutions, elapsed))
    if len(results) > 1:
        print("  speed-up: %.2fx" % (results[0] / results[-1]))


main()
