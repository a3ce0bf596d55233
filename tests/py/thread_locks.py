# Counters protected by Lock, RLock and Condition: exact totals with more
# threads than cores.
import threading

NTHREADS = 32
N = 400

counter = 0
lock = threading.Lock()


def inc_lock():
    global counter
    for _ in range(N):
        with lock:
            counter += 1


rcounter = [0]
rlock = threading.RLock()


def inc_rlock():
    for _ in range(N):
        with rlock:
            with rlock:
                rcounter[0] += 1


acounter = {"v": 0}
alock = threading.Lock()


def inc_acquire():
    for _ in range(N):
        alock.acquire()
        try:
            v = acounter["v"]
            acounter["v"] = v + 1
        finally:
            alock.release()


for fn in (inc_lock, inc_rlock, inc_acquire):
    ts = [threading.Thread(target=fn) for _ in range(NTHREADS)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
print(counter, rcounter[0], acounter["v"], NTHREADS * N)

# RLock ownership: another thread cannot release it.
r = threading.RLock()
r.acquire()
errors = []


def bad_release():
    try:
        r.release()
    except RuntimeError as e:
        errors.append(str(e))


t = threading.Thread(target=bad_release)
t.start()
t.join()
r.release()
print(errors)

# A lock held by one thread: non-blocking and timed acquires elsewhere fail.
held = threading.Lock()
held.acquire()
res = []


def try_it():
    res.append(held.acquire(blocking=False))
    res.append(held.acquire(timeout=0.02))


t = threading.Thread(target=try_it)
t.start()
t.join()
held.release()
print(res, held.locked())

# Lock handed over between threads: released by a thread other than the owner.
handoff = threading.Lock()
handoff.acquire()
t = threading.Thread(target=handoff.release)
t.start()
t.join()
print(handoff.locked())

# Semaphore limits concurrency.
sem = threading.Semaphore(3)
inside = [0]
peak = [0]
guard = threading.Lock()


def limited():
    for _ in range(20):
        with sem:
            with guard:
                inside[0] += 1
                peak[0] = max(peak[0], inside[0])
            with guard:
                inside[0] -= 1


ts = [threading.Thread(target=limited) for _ in range(12)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(peak[0] <= 3, inside[0])

b = threading.BoundedSemaphore(2)
b.acquire()
b.release()
try:
    b.release()
except ValueError as e:
    print("ValueError", e)
print(threading.Semaphore(0).acquire(timeout=0.01))
