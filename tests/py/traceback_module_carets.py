# Lib/traceback.py draws its own markers from code.co_positions() and
# ast.parse() of the failing expression.
import sys
import traceback

d = {"k": 1}


def f(x):
    return x / 0 + 1


def cases():
    yield lambda: f(1)
    yield lambda: [1][5]
    yield lambda: d["missing"] + 1
    yield lambda: (len(
        "abc") + "x")


for case in cases():
    try:
        case()
    except Exception:
        traceback.print_exc()

try:
    x = [1, 2]
    y = x[0] // (x[1] - 2)
except ZeroDivisionError as e:
    for line in traceback.format_exception(e):
        print(line, end="", file=sys.stderr)
    fs = traceback.extract_tb(e.__traceback__)[0]
    print(fs.lineno, fs.end_lineno, fs.colno, fs.end_colno, repr(fs.line))

code = f.__code__
positions = list(code.co_positions())
print(all(len(p) == 4 for p in positions), (10, 10, 11, 16) in positions)
print(sorted(set(p for p in positions if p[0] is not None)) == sorted(set(
    p for p in positions if p[0] is not None)))
