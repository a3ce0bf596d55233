# Hand-offs between threads with Event, Condition, Barrier and Semaphore,
# more threads than cores: a relay race passing an Event along a chain, a
# Condition ping-pong, Barrier phases whose per-phase sums are exact, and
# a Semaphore that never lets more than its limit in.
import threading

# Relay: thread i waits for event i, appends, sets event i+1.
N = 16
events = [threading.Event() for _ in range(N + 1)]
relay = []


def runner(i):
    assert events[i].wait(10)
    relay.append(i)
    events[i + 1].set()


ts = [threading.Thread(target=runner, args=(i,)) for i in reversed(range(N))]
for t in ts:
    t.start()
events[0].set()
assert events[N].wait(10)
for t in ts:
    t.join()
assert relay == list(range(N)), relay
print("relay:", relay)

# One Event releases many waiters at once.
gate = threading.Event()
woke = []
wl = threading.Lock()


def waiter(i):
    gate.wait()
    with wl:
        woke.append(i)


ws = [threading.Thread(target=waiter, args=(i,)) for i in range(12)]
for t in ws:
    t.start()
gate.set()
for t in ws:
    t.join()
assert sorted(woke) == list(range(12))
print("gate released", len(woke))

# Condition ping-pong among three threads, strict rotation.
cond = threading.Condition()
turn = [0]
seq = []
ROUNDS = 60


def player(me):
    for _ in range(ROUNDS):
        with cond:
            while turn[0] % 3 != me:
                cond.wait()
            seq.append(me)
            turn[0] += 1
            cond.notify_all()


ps = [threading.Thread(target=player, args=(i,)) for i in range(3)]
for t in ps:
    t.start()
for t in ps:
    t.join()
assert seq == [0, 1, 2] * ROUNDS
print("ping-pong:", len(seq), seq[:7])

# Barrier: phases in lock step; after each phase one thread checks the sum
# of that phase's contributions.
NB = 10
PHASES = 12
barrier = threading.Barrier(NB)
contrib = [[0] * NB for _ in range(PHASES)]
checks = []


def phased(i):
    for ph in range(PHASES):
        contrib[ph][i] = ph * 100 + i
        barrier.wait()
        if i == 0:
            checks.append(sum(contrib[ph]))
        # nobody may start writing phase ph+1 before the check is done:
        barrier.wait()


bs = [threading.Thread(target=phased, args=(i,)) for i in range(NB)]
for t in bs:
    t.start()
for t in bs:
    t.join()
assert checks == [ph * 100 * NB + sum(range(NB)) for ph in range(PHASES)]
print("barrier phases:", len(checks), checks[:3])

# Barrier with an action and a broken barrier.
acts = []
b2 = threading.Barrier(4, action=lambda: acts.append("act"))
idx = []


def twice():
    for _ in range(2):
        idx.append(b2.wait())


ts = [threading.Thread(target=twice) for _ in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
assert acts == ["act", "act"] and sorted(idx) == [0, 0, 1, 1, 2, 2, 3, 3]
b3 = threading.Barrier(3)
broken = []


def breaker():
    try:
        b3.wait(timeout=0.05)
    except threading.BrokenBarrierError:
        broken.append(1)


ts = [threading.Thread(target=breaker) for _ in range(2)]
for t in ts:
    t.start()
for t in ts:
    t.join()
assert broken == [1, 1] and b3.broken
print("barrier action:", acts, "broken:", len(broken))

# Semaphore: at most LIMIT inside at once.
LIMIT = 3
sem = threading.BoundedSemaphore(LIMIT)
inside = [0]
peak = [0]
ml = threading.Lock()
entries = [0]


def user():
    for _ in range(15):
        with sem:
            with ml:
                inside[0] += 1
                entries[0] += 1
                peak[0] = max(peak[0], inside[0])
            for _ in range(100):
                pass
            with ml:
                inside[0] -= 1


us = [threading.Thread(target=user) for _ in range(12)]
for t in us:
    t.start()
for t in us:
    t.join()
assert 1 <= peak[0] <= LIMIT and inside[0] == 0 and entries[0] == 180
try:
    sem.release()
except ValueError:
    print("bounded semaphore over-release refused")
print("semaphore: entries", entries[0], "peak within limit:", peak[0] <= LIMIT)

# Semaphore as a signal: a producer releases, consumers acquire.
items = []
avail = threading.Semaphore(0)
il = threading.Lock()
taken = []


def produce():
    for k in range(100):
        with il:
            items.append(k)
        avail.release()


def consume(n):
    for _ in range(n):
        avail.acquire()
        with il:
            taken.append(items.pop())


cs = [threading.Thread(target=consume, args=(25,)) for _ in range(4)]
p = threading.Thread(target=produce)
for t in cs + [p]:
    t.start()
for t in cs + [p]:
    t.join()
assert sorted(taken) == list(range(100)) and items == []
print("semaphore signal:", len(taken))
