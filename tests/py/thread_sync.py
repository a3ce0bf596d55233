# Event, Condition, Barrier, Timer and Semaphore hand-offs between threads.
import threading
import time

# Event: many waiters released at once.
ev = threading.Event()
woke = []
lk = threading.Lock()


def waiter(i):
    r = ev.wait(5)
    with lk:
        woke.append((i, r))


ws = [threading.Thread(target=waiter, args=(i,)) for i in range(10)]
for t in ws:
    t.start()
print(ev.is_set(), ev.wait(0.01))
ev.set()
for t in ws:
    t.join()
print(sorted(woke))
ev.clear()
print(ev.is_set(), ev.wait(0.01))

# Condition: a ping-pong of 200 turns between two threads.
cond = threading.Condition()
state = {"turn": 0, "log": []}


def player(me, other, n):
    for _ in range(n):
        with cond:
            cond.wait_for(lambda: state["turn"] == me)
            state["log"].append(me)
            state["turn"] = other
            cond.notify_all()


a = threading.Thread(target=player, args=(0, 1, 100))
b = threading.Thread(target=player, args=(1, 0, 100))
a.start()
b.start()
a.join()
b.join()
print(len(state["log"]), state["log"][:6], all(state["log"][i] != state["log"][i + 1] for i in range(199)))

# Condition.wait with a timeout, notify(n).
c2 = threading.Condition(threading.Lock())
with c2:
    print(c2.wait(0.01))
counter = [0]
ready = threading.Semaphore(0)


def sleeper():
    with c2:
        ready.release()
        c2.wait()
        counter[0] += 1


ss = [threading.Thread(target=sleeper) for _ in range(5)]
for t in ss:
    t.start()
for _ in ss:
    ready.acquire()
with c2:
    c2.notify(2)
time.sleep(0.05)
with c2:
    print("after notify(2)", counter[0])
    c2.notify_all()
for t in ss:
    t.join()
print("after notify_all", counter[0])

# Barrier: phases stay in lock-step; the action runs once per phase.
N = 8
phases = []
plock = threading.Lock()
actions = []
bar = threading.Barrier(N, action=lambda: actions.append(len(phases)))


def phased(i):
    for ph in range(3):
        with plock:
            phases.append(ph)
        bar.wait()


ps = [threading.Thread(target=phased, args=(i,)) for i in range(N)]
for t in ps:
    t.start()
for t in ps:
    t.join()
print(phases == [0] * N + [1] * N + [2] * N, actions, bar.parties, bar.n_waiting, bar.broken)

# A barrier wait that times out breaks the barrier.
b2 = threading.Barrier(2)
try:
    b2.wait(0.02)
except threading.BrokenBarrierError:
    print("broken", b2.broken)
b2.reset()
print("reset", b2.broken)

# Barrier.wait returns distinct indices.
b3 = threading.Barrier(4)
idx = []


def bw():
    i = b3.wait()
    with plock:
        idx.append(i)


bs = [threading.Thread(target=bw) for _ in range(4)]
for t in bs:
    t.start()
for t in bs:
    t.join()
print(sorted(idx))

# Timer: one fires, one is cancelled.
fired = []
t1 = threading.Timer(0.01, fired.append, args=("t1",))
t2 = threading.Timer(10, fired.append, args=("t2",))
t1.start()
t2.start()
t2.cancel()
t1.join()
t2.join()
print(fired, t1.is_alive(), t2.is_alive())
