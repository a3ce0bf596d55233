#!/usr/bin/env python3
"""Times the multi-threaded benchmarks (bench/mt/*.py) with T = 1, 2, ...
threads on every interpreter available, side by side.

    python3 tools/bench_mt.py [--threads 1,2,4] [--rounds N] [NAME ...]

Every program takes T and a size and prints a checksum that must be the
same for every T and every interpreter: a difference is an error (the
cell says so, and the exit status is 1).  Each configuration runs ROUNDS
times (BENCH_ROUNDS, default 3), interleaved so that machine noise hits
them alike; the table shows the median wall time of the whole process,
the speed-up time(T=1) / time(T) per interpreter, and the CPU time over
the wall time at the largest T (about how many cores were busy).

Then, for the STM flavour only, each program runs once more at T=2 (or
the largest T when 2 is not asked for) with STMPY_STATS=1, and the statistics
its threads print on stderr are summed: aborts (count and time thrown
away), time spent waiting for an inevitable transaction, and time in the
collector and its pauses.  See docs/parallel.md for their meaning, and
STMPY_LOG=FILE + `build/stm/stmpy lib/stmlog.py FILE` for the places.
"""
import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# name, size: about 0.5-1 s of CPU at T=1 on build/gil/stmpy (2026-11).
BENCHMARKS = [
    ("listpop", 10000000),
    ("mandelbrot", 220),
    ("richards", 10),
    ("btree", 150000),
    ("tq_primes", 450000),
    ("tq_independent", 400),
]

TIMEOUT = 600


def interpreters(stm, gil):
    found = []
    for name, path in (("stmpy-stm", stm), ("stmpy-gil", gil)):
        full = os.path.join(ROOT, path)
        if os.access(full, os.X_OK):
            found.append((name, full))
    cpython = shutil.which("python3.11") or shutil.which("python3")
    if cpython:
        found.append(("cpython", cpython))
    if shutil.which("pypy3"):
        found.append(("pypy3", shutil.which("pypy3")))
    return found


def run_once(exe, prog, t, size, env=None):
    """Returns (wall s, CPU s, returncode or 'timeout', stdout, stderr)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    try:
        p = subprocess.run([exe, prog, str(t), str(size)], capture_output=True,
                           text=True, timeout=TIMEOUT, env=env)
    except subprocess.TimeoutExpired:
        return time.perf_counter() - start, 0.0, "timeout", "", ""
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, p.returncode, p.stdout, p.stderr


STAT_LINE = re.compile(r"^\s*([a-z][a-z ]*?)\s+(\d+)\s+([0-9.]+) s\s*$")


def stm_stats(exe, prog, t, size):
    """Runs prog once with STMPY_STATS=1; sums every thread's counters:
    {state: [count, seconds]}, or a string saying what went wrong."""
    env = dict(os.environ, STMPY_STATS="1")
    wall, cpu, rc, out, err = run_once(exe, prog, t, size, env)
    if rc != 0:
        return "exit status %s: %s" % (rc, err.strip()[-300:])
    sums = {}
    for line in err.splitlines():
        m = STAT_LINE.match(line)
        if m:
            s = sums.setdefault(m.group(1), [0, 0.0])
            s[0] += int(m.group(2))
            s[1] += float(m.group(3))
    sums["_wall"] = wall
    sums["_stdout"] = out
    return sums


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--threads", default="1,2",
                    help="comma-separated thread counts (default 1,2); 1 is always run")
    ap.add_argument("--rounds", type=int, default=int(os.environ.get("BENCH_ROUNDS", "3")))
    ap.add_argument("--scale", type=float, default=1.0, help="multiply every size by this")
    ap.add_argument("--stm", default="build/stm/stmpy",
                    help="the STM flavour's binary (default build/stm/stmpy; skipped if absent)")
    ap.add_argument("--gil", default="build/gil/stmpy",
                    help="the GIL flavour's binary (default build/gil/stmpy; skipped if absent)")
    ap.add_argument("names", nargs="*", help="benchmarks to run (default: all)")
    args = ap.parse_args()
    threads = sorted({1} | {int(x) for x in args.threads.split(",") if x})
    benches = [(n, max(1, int(s * args.scale))) for n, s in BENCHMARKS
               if not args.names or n in args.names]
    interps = interpreters(args.stm, args.gil)
    failed = False

    results = {}    # (bench, interp, t) -> (walls, cpus, status)
    references = {}  # bench -> the output every run must print
    for name, size in benches:
        prog = os.path.join(ROOT, "bench/mt", name + ".py")
        walls = {(i, t): [] for i, _ in interps for t in threads}
        cpus = {(i, t): [] for i, _ in interps for t in threads}
        status = {(i, t): "ok" for i, _ in interps for t in threads}
        outputs = {(i, t): [] for i, _ in interps for t in threads}
        for _ in range(args.rounds):
            for iname, exe in interps:
                for t in threads:
                    key = (iname, t)
                    if status[key] != "ok":
                        continue        # failed once: not worth timing again
                    wall, cpu, rc, out, err = run_once(exe, prog, t, size)
                    if rc != 0:
                        status[key] = "timeout" if rc == "timeout" else "error"
                        print("bench_mt: %s T=%d on %s: exit status %s\n%s"
                              % (name, t, iname, rc, err.strip()[-1000:]), file=sys.stderr)
                        failed = True
                        continue
                    outputs[key].append(out)
                    walls[key].append(wall)
                    cpus[key].append(cpu)
        # The checksum most runs printed is the reference; any other is wrong.
        every = [o for outs in outputs.values() for o in outs]
        reference = max(set(every), key=every.count) if every else None
        for key, outs in outputs.items():
            bad = [o for o in outs if o != reference]
            if bad:
                status[key] = "WRONG checksum (%d of %d runs)" % (len(bad), len(outs))
                print("bench_mt: %s T=%d on %s printed %r, the others %r"
                      % (name, key[1], key[0], bad[0].strip(), reference.strip()),
                      file=sys.stderr)
                failed = True
        references[name] = reference
        for iname, _ in interps:
            for t in threads:
                results[(name, iname, t)] = (walls[(iname, t)], cpus[(iname, t)],
                                             status[(iname, t)])
        print("bench_mt: %s done: %s" % (name, reference.strip() if reference else "no output"),
              file=sys.stderr)

    tmax = threads[-1]
    with open("/proc/loadavg") as f:
        load = " ".join(f.read().split()[:3])
    print("Wall time of the whole process, median of %d runs, seconds; speed-up = time(T=1) /"
          " time(T); cores busy = CPU time / wall time at T=%d.  Load average at the end: %s;"
          " %d CPUs." % (args.rounds, tmax, load, os.cpu_count()))
    print()
    header = (["benchmark (size)", "interpreter"] + ["T=%d" % t for t in threads]
              + ["speed-up T=%d" % t for t in threads[1:]] + ["cores busy T=%d" % tmax])
    print("| " + " | ".join(header) + " |")
    print("|" + "|".join("---" for _ in header) + "|")
    for name, size in benches:
        for iname, _ in interps:
            row = ["%s (%d)" % (name, size), iname]
            med = {}
            for t in threads:
                walls, cpus, st = results[(name, iname, t)]
                if st != "ok" or not walls:
                    row.append(st)
                else:
                    med[t] = statistics.median(walls)
                    row.append("%.3f" % med[t])
            for t in threads[1:]:
                row.append("%.2fx" % (med[1] / med[t]) if 1 in med and t in med else "-")
            walls, cpus, st = results[(name, iname, tmax)]
            row.append("%.2f" % (statistics.median(cpus) / statistics.median(walls))
                       if st == "ok" and walls else "-")
            print("| " + " | ".join(row) + " |")

    stm = dict(interps).get("stmpy-stm")
    if stm:
        t = 2 if 2 in threads else tmax
        print()
        print("STM flavour at T=%d, one run with STMPY_STATS=1, all threads summed: run"
              " committed and aborted (count, seconds), waiting for an inevitable"
              " transaction, collector (minor + major gc + sync pause)." % t)
        print()
        head = ["benchmark", "wall", "committed", "aborts", "aborted time",
                "wait inevitable", "gc + pauses"]
        print("| " + " | ".join(head) + " |")
        print("|" + "|".join("---" for _ in head) + "|")
        for name, size in benches:
            prog = os.path.join(ROOT, "bench/mt", name + ".py")
            s = stm_stats(stm, prog, t, size)
            if isinstance(s, str):
                print("| %s | %s |" % (name, s.replace("|", "/").replace("\n", " ")))
                failed = True
                continue
            if references.get(name) is not None and s["_stdout"] != references[name]:
                print("| %s | WRONG checksum: %r |" % (name, s["_stdout"].strip()))
                failed = True
                continue
            aborted = [v for k, v in s.items() if k.startswith("run aborted")]
            n_ab = sum(c for c, _ in aborted)
            t_ab = sum(x for _, x in aborted)
            com = s.get("run committed", [0, 0.0])
            inev = s.get("wait inevitable", [0, 0.0])
            gc = sum(s.get(k, [0, 0.0])[1] for k in ("minor gc", "major gc", "sync pause"))
            detail = ", ".join("%s %d" % (k[len("run aborted "):], v[0])
                               for k, v in sorted(s.items())
                               if k.startswith("run aborted") and v[0])
            print("| %s | %.3f s | %d, %.3f s | %d%s | %.3f s | %d, %.3f s | %.3f s |"
                  % (name, s["_wall"], com[0], com[1], n_ab,
                     " (%s)" % detail if detail else "", t_ab, inev[0], inev[1], gc))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
