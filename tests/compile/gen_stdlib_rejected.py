#!/usr/bin/env python3
"""Lists the files under /usr/lib/python3.11 that CPython refuses to compile
(run once with python3.11; the output is stdlib_rejected.txt)."""
import os

root = "/usr/lib/python3.11"
for d, _, files in sorted(os.walk(root)):
    for f in sorted(files):
        if f.endswith(".py"):
            p = os.path.join(d, f)
            try:
                compile(open(p, "rb").read(), p, "exec", dont_inherit=True)
            except (SyntaxError, ValueError):
                print(p)
