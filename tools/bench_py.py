#!/usr/bin/env python3
"""Times bench/py/*.py on every interpreter available, side by side.

Each program runs ROUNDS times per interpreter, interleaved so that noise
hits all columns alike; the table shows the median wall time and its ratio
to CPython's.  The outputs must agree, or the cell says so.
"""
import os
import shutil
import statistics
import subprocess
import sys
import time

ROUNDS = int(os.environ.get("BENCH_ROUNDS", "5"))
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def interpreters():
    found = []
    for name, path in (("stmpy-stm", "build/stm/stmpy"), ("stmpy-gil", "build/gil/stmpy")):
        full = os.path.join(ROOT, path)
        if os.access(full, os.X_OK):
            found.append((name, [full]))
    cpython = shutil.which("python3.11") or shutil.which("python3")
    found.append(("cpython", [cpython]))
    if shutil.which("pypy3"):
        found.append(("pypy3", [shutil.which("pypy3")]))
    return found


def run_once(cmd, program):
    start = time.perf_counter()
    p = subprocess.run(cmd + [program], capture_output=True, text=True)
    return time.perf_counter() - start, p.returncode, p.stdout


def main():
    interps = interpreters()
    programs = sorted(f for f in os.listdir(os.path.join(ROOT, "bench/py")) if f.endswith(".py"))
    if len(sys.argv) > 1:
        programs = [p for p in programs if p[:-3] in sys.argv[1:]]
    header = ["program"] + [name for name, _ in interps]
    rows = []
    for prog in programs:
        path = os.path.join(ROOT, "bench/py", prog)
        times = {name: [] for name, _ in interps}
        outputs = {}
        for _ in range(ROUNDS):
            for name, cmd in interps:
                t, rc, out = run_once(cmd, path)
                times[name].append(t)
                outputs[name] = out if rc == 0 else None
        base = statistics.median(times["cpython"])
        row = [prog[:-3]]
        for name, _ in interps:
            med = statistics.median(times[name])
            if outputs[name] is None:
                row.append("error")
            elif outputs[name] != outputs["cpython"]:
                row.append("wrong output")
            else:
                row.append(f"{med:.3f}s ({med / base:.2f}x)")
        rows.append(row)
    widths = [max(len(r[i]) for r in rows + [header]) for i in range(len(header))]
    print(" | ".join(h.ljust(w) for h, w in zip(header, widths)))
    print("-|-".join("-" * w for w in widths))
    for r in rows:
        print(" | ".join(c.ljust(w) for c, w in zip(r, widths)))
    print(f"(median of {ROUNDS} runs; ratio = time / CPython's time, lower is faster)")


if __name__ == "__main__":
    main()
