# 64 threads on a machine with few cores: all started together behind a
# Barrier, each doing atomic blocks, Lock-protected updates and lock-free
# appends (atomic bytecodes) on shared data; every total is exact and
# every thread's result is accounted for.
import threading
from transaction import atomic

NT = 64
N = 25
barrier = threading.Barrier(NT)
lock = threading.Lock()
shared = {"atomic": 0, "locked": 0}
hits = [0] * 8
appended = []
per_thread = {}
order_seen = []


def worker(i):
    barrier.wait()
    s = 0
    for k in range(N):
        with atomic:
            shared["atomic"] += 1
            hits[(i + k) % 8] += 1
        with lock:
            shared["locked"] += k
        appended.append((i, k))         # one bytecode: no lock needed
        s += i * k
    per_thread[i] = s                   # distinct keys
    if barrier.wait() == 0:             # exactly one thread sees index 0
        with lock:
            order_seen.append(len(per_thread))


ts = [threading.Thread(target=worker, args=(i,), name="w%02d" % i) for i in range(NT)]
for t in ts:
    t.start()
alive = sum(t.is_alive() for t in ts)
for t in ts:
    t.join()
assert not any(t.is_alive() for t in ts)
assert shared["atomic"] == NT * N
assert shared["locked"] == NT * (N * (N - 1) // 2)
assert sum(hits) == NT * N and hits == [NT * N // 8] * 8, hits
assert sorted(appended) == [(i, k) for i in range(NT) for k in range(N)]
for i in range(NT):                     # each thread's appends in its order
    assert [k for ii, k in appended if ii == i] == list(range(N))
assert per_thread == {i: i * (N * (N - 1) // 2) for i in range(NT)}
assert order_seen == [NT]               # all results were in at the barrier
assert 0 <= alive <= NT
assert threading.active_count() == 1
print("threads", NT, "atomic", shared["atomic"], "locked", shared["locked"])
print("hits", hits, "appends", len(appended), "sum", sum(per_thread.values()))
print(sorted(t.name for t in ts)[:3], "...", sorted(t.name for t in ts)[-1])
