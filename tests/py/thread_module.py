# _thread directly: threads, locks, RLock, identities, errors as CPython's.
import _thread
import time


def addr(s):
    # "<... at 0x7f...>" -> "<... at ADDR>"
    head, sep, tail = s.rpartition(" at 0x")
    return head + " at ADDR>" if sep else s


print(_thread.TIMEOUT_MAX, _thread.error is RuntimeError, _thread.LockType)
print(_thread.stack_size())
for bad in (100, -1):
    try:
        _thread.stack_size(bad)
    except ValueError as e:
        print("ValueError", e)

lock = _thread.allocate_lock()
print(addr(repr(lock)))
print(lock.acquire(), lock.locked(), addr(repr(lock)))
print(lock.acquire(False), lock.acquire(True, 0.01), lock.acquire(timeout=0))
lock.release()
print(lock.locked(), lock.acquire_lock(), lock.locked_lock())
lock.release_lock()
with lock:
    print("in with", lock.locked())
print("after with", lock.locked())
for args, kw in [((False, 1), {}), ((True, -2), {}), ((), {"timeout": "x"}), ((1, 2, 3), {}),
                 ((), {"timeout": 1e10})]:
    try:
        lock.acquire(*args, **kw)
    except Exception as e:
        print(type(e).__name__, e)
try:
    lock.release()
except RuntimeError as e:
    print("RuntimeError", e)
try:
    _thread.LockType()
except TypeError as e:
    print("TypeError", e)

r = _thread.RLock()
print(addr(repr(r)))
print(r.acquire(), r.acquire(), r._is_owned())
print(addr(repr(r)).replace("owner=%d" % _thread.get_ident(), "owner=ME"))
r.release()
r.release()
print(r._is_owned())
try:
    r.release()
except RuntimeError as e:
    print("RuntimeError", e)

for args in [(1, ()), (print, []), (print, (), 1)]:
    try:
        _thread.start_new_thread(*args)
    except TypeError as e:
        print("TypeError", e)

# Threads: each reports its identity; the main thread waits on a lock.
done = _thread.allocate_lock()
done.acquire()
results = []
N = 12


go = _thread.allocate_lock()
go.acquire()


def worker(i, scale=1):
    # All N alive at once, so that no thread identity is reused.
    go.acquire()
    go.release()
    total = 0
    for k in range(20000):
        total += k % (i + 1)
    results.append((i, total * scale, _thread.get_ident(), _thread.get_native_id()))
    if len(results) == N:
        done.release()


idents = set()
for i in range(N):
    idents.add(_thread.start_new_thread(worker, (i,), {"scale": 2}))
go.release()
done.acquire()
print([(i, t) for i, t, _, _ in sorted(results)])
print(len(idents), idents == {r[2] for r in results}, _thread.get_ident() not in idents)
print(len({r[3] for r in results}))
while _thread._count():
    time.sleep(0.01)
print("count", _thread._count())

# A thread blocked on a lock does not keep the others (or this one) from running.
gate = _thread.allocate_lock()
gate.acquire()
order = []
fin = _thread.allocate_lock()
fin.acquire()


def blocked():
    gate.acquire()
    order.append("unblocked")
    fin.release()


_thread.start_new_thread(blocked, ())
time.sleep(0.05)
order.append("main")
gate.release()
fin.acquire()
print(order)

# A lock acquired with a timeout gives up in about that time.
t0 = time.monotonic()
print(gate.acquire(timeout=0.1) if False else fin.acquire(timeout=0.1))
print(0.09 <= time.monotonic() - t0 < 2)


# SystemExit ends a thread quietly; _thread.exit raises it.
def quits():
    _thread.exit()


_thread.start_new_thread(quits, ())
while _thread._count():
    time.sleep(0.01)
print("end")
