# Printing from many threads at once: every line must come out whole (no
# other thread's output inside it), none lost, none doubled.  The threads'
# stdout goes to a temporary file (fd 1 redirected); the main thread then
# reads it back, checks every line, and prints a sorted summary so that the
# output is deterministic.  Covers print() with several arguments, one
# sys.stdout.write() per line, prints inside atomic blocks, and long lines.
#
# On stmpy each print() call is one bytecode, hence atomic, and its line
# comes out whole.  CPython does not promise that (print() writes its
# arguments, separators and end one by one, and another thread can write
# in between), so there, and only there, every output call takes a lock.
import contextlib
import os
import sys
import tempfile
import threading
from transaction import atomic

try:
    import _transaction     # stmpy
    guard = contextlib.nullcontext()
    ON_STMPY = True
except ImportError:
    guard = threading.Lock()
    ON_STMPY = False

NT = 24


def payload(t, k, width):
    body = "%02d:%03d:" % (t, k)
    return body + chr(97 + (t + k) % 26) * width


def part_print(t):
    # several arguments and sep: one call, one line
    for k in range(40):
        with guard:
            print("P", "t%02d" % t, payload(t, k, 20 + k % 15), sep="|", flush=True)


def part_write(t):
    for k in range(150):
        with guard:
            sys.stdout.write("W|t%02d|%s\n" % (t, payload(t, k, 10 + (k * 7) % 50)))


def part_atomic(t):
    for k in range(15):
        with atomic, guard:
            print("A|t%02d|%s" % (t, payload(t, k, 30)))
            print("A|t%02d|%s" % (t, payload(t, k + 100, 5)))


def part_long(t):
    for k in range(3):
        with guard:
            sys.stdout.write("L|t%02d|%s\n" % (t, payload(t, k, 20000 + t * 100)))


def expected_lines():
    exp = []
    for t in range(NT):
        exp += ["P|t%02d|%s" % (t, payload(t, k, 20 + k % 15)) for k in range(40)]
        exp += ["W|t%02d|%s" % (t, payload(t, k, 10 + (k * 7) % 50)) for k in range(150)]
        for k in range(15):
            exp += ["A|t%02d|%s" % (t, payload(t, k, 30)),
                    "A|t%02d|%s" % (t, payload(t, k + 100, 5))]
        if t % 4 == 0:
            exp += ["L|t%02d|%s" % (t, payload(t, k, 20000 + t * 100)) for k in range(3)]
    return exp


def worker(t, start):
    start.wait()
    part_print(t)
    part_write(t)
    part_atomic(t)
    if t % 4 == 0:
        part_long(t)


fd, path = tempfile.mkstemp()
sys.stdout.flush()
saved = os.dup(1)
os.dup2(fd, 1)
try:
    start = threading.Barrier(NT)
    ts = [threading.Thread(target=worker, args=(t, start)) for t in range(NT)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    sys.stdout.flush()
finally:
    os.dup2(saved, 1)
    os.close(saved)
    os.close(fd)
with open(path) as f:
    text = f.read()
os.unlink(path)

assert text.endswith("\n")
lines = text[:-1].split("\n")
exp = expected_lines()
expset = set(exp)
bad = [l[:60] for l in lines if l not in expset]
assert bad == [], ("mangled lines", len(bad), bad[:3])
assert sorted(lines) == sorted(exp), (len(lines), len(exp))
# Each thread's own lines stay in the order it printed them.
for t in range(NT):
    mine = [l for l in lines if l[2:5] == "t%02d" % t]
    assert mine == [l for l in exp if l[2:5] == "t%02d" % t], t
# On stmpy an atomic block's output comes out together.
if ON_STMPY:
    for i, l in enumerate(lines):
        if l.startswith("A|") and int(l[9:12]) < 100:
            assert lines[i + 1][:6] == l[:6], (l[:20], lines[i + 1][:20])
            assert int(lines[i + 1][9:12]) == int(l[9:12]) + 100
kinds = {}
for l in lines:
    kinds[l[0]] = kinds.get(l[0], 0) + 1
print("lines:", len(lines), "all whole, per-thread order kept")
print("by kind:", sorted(kinds.items()))
for l in sorted(l for l in lines if l.startswith("A|t0"))[:12]:
    print(l)
