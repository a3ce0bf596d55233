# Stress: 32 threads on few cores move money between accounts under
# per-account locks (taken in a fixed order), feed a bounded buffer built
# on a Condition, and bump shared counters; every invariant is exact.
import threading

NT = 32
ACCOUNTS = 16
accounts = [1000] * ACCOUNTS
locks = [threading.Lock() for _ in range(ACCOUNTS)]


def transfers(seed):
    x = seed * 7919 + 1
    for _ in range(300):
        x = (x * 1103515245 + 12345) % (1 << 31)
        a, b = x % ACCOUNTS, (x // ACCOUNTS) % ACCOUNTS
        if a == b:
            continue
        first, second = min(a, b), max(a, b)
        with locks[first], locks[second]:
            amount = x % 50
            if accounts[a] >= amount:
                accounts[a] -= amount
                accounts[b] += amount


ts = [threading.Thread(target=transfers, args=(i,)) for i in range(NT)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sum(accounts), min(accounts) >= 0)


class Buffer:
    def __init__(self, size):
        self.items = []
        self.size = size
        self.cond = threading.Condition()

    def put(self, v):
        with self.cond:
            while len(self.items) >= self.size:
                self.cond.wait()
            self.items.append(v)
            self.cond.notify_all()

    def get(self):
        with self.cond:
            while not self.items:
                self.cond.wait()
            v = self.items.pop(0)
            self.cond.notify_all()
            return v


buf = Buffer(4)
got = []
glock = threading.Lock()


def produce(p):
    for k in range(100):
        buf.put(p * 1000 + k)


def consume(n):
    mine = [buf.get() for _ in range(n)]
    with glock:
        got.extend(mine)


prods = [threading.Thread(target=produce, args=(p,)) for p in range(NT // 2)]
cons = [threading.Thread(target=consume, args=(100,)) for _ in range(NT // 2)]
for t in cons + prods:
    t.start()
for t in prods + cons:
    t.join()
print(len(got), sorted(got) == sorted(p * 1000 + k for p in range(NT // 2) for k in range(100)))

# Per-thread slots and a shared dict of lists, with no locks at all: each
# bytecode is atomic.
hist = {}


def record(i):
    for k in range(400):
        hist.setdefault(k % 10, []).append(i)


ts = [threading.Thread(target=record, args=(i,)) for i in range(NT)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted((k, len(v)) for k, v in hist.items()))
print(all(sorted(v) == sorted(list(range(NT)) * 40) for v in hist.values()))
