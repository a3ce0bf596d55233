#!/usr/bin/env python3
"""Writes errors/NAME.out for every errors/NAME.py: the error CPython's
compile() reports, in the form `stmpy --dis` prints (run with python3.11)."""
import glob

for path in sorted(glob.glob("errors/*.py")):
    with open(path, encoding="utf-8") as f:
        src = f.read()
    try:
        compile(src, path, "exec", dont_inherit=True)
        out = "OK\n"
    except SyntaxError as e:
        out = f"{type(e).__name__}: {e.msg} ({e.lineno}:{e.offset})\n"
    except RecursionError as e:
        out = f"RecursionError: {e}\n"
    with open(path[:-3] + ".out", "w", encoding="utf-8") as f:
        f.write(out)
