# The rest of the transaction API: getsegmentlimit(), hint_commit_soon(),
# signals_enabled, time() and clock(); __all__; blocking calls and other
# irreversible actions inside atomic blocks (sleep, an uncontended lock,
# file I/O) keep the block whole.
import os
import tempfile
import threading
import time as _time
import transaction
from transaction import atomic, is_atomic

print(sorted(transaction.__all__))
n = transaction.getsegmentlimit()
print("segment limit is a positive int:", type(n) is int and n >= 1)
print("hint_commit_soon:", transaction.hint_commit_soon())
with atomic:
    print("hint inside a block:", transaction.hint_commit_soon(), is_atomic())

with transaction.signals_enabled:
    print("signals_enabled in main:", is_atomic())
got = []


def sig_user():
    with transaction.signals_enabled:
        with transaction.signals_enabled:
            got.append("nested")
    got.append("out")


t = threading.Thread(target=sig_user)
t.start()
t.join()
print("signals_enabled in a thread:", got)

t0, c0 = transaction.time(), transaction.clock()
_time.sleep(0.01)
t1, c1 = transaction.time(), transaction.clock()
print("time() advances:", t1 > t0, abs(t1 - _time.time()) < 5)
print("clock() advances:", c1 - c0 >= 0.005, type(c1) is float)
cs = [transaction.clock() for _ in range(100)]
print("clock() is monotonic:", cs == sorted(cs))

# Irreversible actions inside atomic blocks.
shared = {"n": 0}
lock = threading.Lock()
fd, path = tempfile.mkstemp()
os.close(fd)


def irreversible(i):
    for k in range(10):
        with atomic:
            before = shared["n"]
            if k == 3:
                _time.sleep(0.001)          # blocking inside the block
            if k == 5:
                with lock:                  # uncontended: nobody holds it outside
                    pass
            if k == 7:
                with open(path, "a") as f:  # I/O inside the block
                    f.write("%d\n" % i)
            # nobody changed it meanwhile: the block is one transaction
            assert shared["n"] == before
            shared["n"] = before + 1


ts = [threading.Thread(target=irreversible, args=(i,)) for i in range(6)]
for t in ts:
    t.start()
for t in ts:
    t.join()
with open(path) as f:
    lines = sorted(f.read().split())
os.unlink(path)
assert shared["n"] == 60, shared
assert lines == [str(i) for i in range(6)], lines
print("irreversible actions in blocks:", shared["n"], lines)
