# Threads that exit while others are in heavy conflict.  Long-running
# "hammer" threads bump one hot counter in atomic blocks until told to
# stop; meanwhile waves of short-lived threads bump the same counter and
# exit: by returning, by returning from inside an atomic block, by an
# exception (reported through threading.excepthook), by sys.exit().
# Finally a daemon thread is left hammering while the program ends.  The
# counter must equal the sum of every thread's own count.
import sys
import threading
from transaction import atomic

hot = {"n": 0, "log": []}
stop = threading.Event()
counts = {}
clock = threading.Lock()
hooked = []


def excepthook(args):
    with clock:
        hooked.append((args.exc_type.__name__, str(args.exc_value)))


threading.excepthook = excepthook


def hammer(i):
    mine = 0
    while not stop.is_set():
        with atomic:
            hot["n"] += 1
            hot["log"].append(i)
            if len(hot["log"]) > 50:
                del hot["log"][:25]
        mine += 1
    counts[("hammer", i)] = mine


def short(i, how):
    mine = 0
    for k in range(20):
        with atomic:
            hot["n"] += 1
            mine += 1
            if how == "return-in-atomic" and k == 10:
                # (no lock taken here: waiting inside an atomic block for a
                # lock that a thread outside it holds would deadlock)
                counts[("short", i)] = mine
                return
    counts[("short", i)] = mine         # one bytecode: no lock needed
    if how == "raise":
        raise ValueError("short %d" % i)
    if how == "exit":
        sys.exit(3)


hammers = [threading.Thread(target=hammer, args=(i,)) for i in range(4)]
for t in hammers:
    t.start()
HOWS = ["return", "return-in-atomic", "raise", "exit"]
i = 0
for wave in range(6):
    wave_threads = []
    for j in range(8):
        t = threading.Thread(target=short, args=(i, HOWS[i % 4]))
        i += 1
        wave_threads.append(t)
        t.start()
    for t in wave_threads:
        t.join()
stop.set()
for t in hammers:
    t.join()

expected = sum(counts.values())
assert hot["n"] == expected, (hot["n"], expected)
assert len(counts) == 4 + 48
assert all(counts[("short", k)] == (11 if k % 4 == 1 else 20) for k in range(48))
assert all(counts[("hammer", k)] >= 0 for k in range(4))
# (a hook set by the program sees SystemExit too; the default one is silent)
assert sorted(hooked) == sorted([("ValueError", "short %d" % k) for k in range(48) if k % 4 == 2]
                                + [("SystemExit", "3")] * 12), sorted(hooked)
print("short threads", 48, "exceptions hooked", len(hooked))
print("counter equals the sum of all threads' counts:", hot["n"] == expected)

# A daemon thread still running in atomic blocks when the program ends.
def forever():
    while True:
        with atomic:
            hot["n"] += 1


d = threading.Thread(target=forever, daemon=True)
d.start()
for _ in range(200):
    with atomic:
        hot["n"] += 1
print("daemon left running:", d.is_alive())
