"""The demo `make demo` runs: a small program on stmpy's interpreter.

It solves the N-queens puzzle with generators and classes, and times the
same work in a loop, so that one sees the interpreter do real work.  (The
parallel demo with threads and conflict reports comes with the STM
flavour.)
"""
import sys
import time


class Board:
    def __init__(self, n):
        self.n = n

    def solutions(self, row=0, cols=(), diag1=(), diag2=()):
        if row == self.n:
            yield cols
            return
        for c in range(self.n):
            if c in cols or row + c in diag1 or row - c in diag2:
                continue
            yield from self.solutions(row + 1, cols + (c,), diag1 + (row + c,), diag2 + (row - c,))


def show(cols):
    n = len(cols)
    return "\n".join("".join("Q" if c == col else "." for c in range(n)) for col in cols)


board = Board(8)
first = next(board.solutions())
print(show(first))
start = time.perf_counter()
counts = {n: sum(1 for _ in Board(n).solutions()) for n in range(4, 11)}
elapsed = time.perf_counter() - start
print("solutions:", counts)
print(f"{sys.implementation.name if hasattr(sys, 'implementation') else 'stmpy'}: "
      f"counted in {elapsed:.2f} s")
