# Shared counters under a threading.RLock taken re-entrantly (a method
# holding the lock calls another that takes it again), with more threads
# than cores; also Condition over an RLock.  Totals are exact.
import threading

NT = 12
N = 250


class Counter:
    def __init__(self):
        self.lock = threading.RLock()
        self.value = 0
        self.by_thread = {}

    def incr(self, who):
        with self.lock:
            self.value += 1
            self._note(who)

    def _note(self, who):
        with self.lock:                 # re-entered
            with self.lock:             # and again
                self.by_thread[who] = self.by_thread.get(who, 0) + 1

    def add_many(self, who, n):
        self.lock.acquire()
        try:
            for _ in range(n):
                self.incr(who)          # depth 2..4 while held
        finally:
            self.lock.release()


c = Counter()


def worker(i):
    for k in range(N):
        c.incr(i)
    for k in range(10):
        c.add_many(i, 5)


ts = [threading.Thread(target=worker, args=(i,)) for i in range(NT)]
for t in ts:
    t.start()
for t in ts:
    t.join()
assert c.value == NT * (N + 50), c.value
assert c.by_thread == {i: N + 50 for i in range(NT)}
print("rlock", c.value, len(c.by_thread))

# Condition on an RLock: each thread waits for its turn, round robin.
cond = threading.Condition(threading.RLock())
turn = [0]
order = []
ROUNDS = 15
NW = 6


def taker(me):
    for r in range(ROUNDS):
        with cond:
            with cond:                  # the RLock nests
                cond.wait_for(lambda: turn[0] % NW == me)
                order.append(me)
                turn[0] += 1
                cond.notify_all()


ts = [threading.Thread(target=taker, args=(i,)) for i in range(NW)]
for t in ts:
    t.start()
for t in ts:
    t.join()
assert order == list(range(NW)) * ROUNDS
print("round robin", turn[0], order[:8])
