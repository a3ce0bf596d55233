# transaction.threadlocalproperty: each thread sees its own value of the
# attribute on each instance, starting from the default factory; without
# a factory an unset value is an AttributeError; del removes only this
# thread's value.  Per-thread counters built on it add up exactly.  Also
# threading.local, the usual per-thread storage, under the same load.
import threading
from transaction import threadlocalproperty, atomic


class Worker:
    count = threadlocalproperty(int)
    items = threadlocalproperty(list)
    name = threadlocalproperty()            # no default factory

    def __init__(self, label):
        self.label = label                  # an ordinary attribute


print(type(Worker.__dict__["count"]).__name__, Worker.count is Worker.__dict__["count"])

w1, w2 = Worker("one"), Worker("two")
w1.count += 5
w2.count += 7
w1.items.append("a")
print("main:", w1.count, w2.count, w1.items, w2.items)
try:
    w1.name
except AttributeError as e:
    print("unset:", e)
w1.name = "main-name"
print("set:", w1.name)
del w1.name
try:
    del w1.name
except AttributeError as e:
    print("del twice:", e)

NT = 10
N = 150
results = {}
checks = []


def run(i):
    # a fresh thread starts from the factory on every instance
    fresh = (w1.count, w2.count, list(w1.items), w1.__dict__.get("count"))
    for k in range(N):
        w1.count += 1
        if k % 3 == 0:
            w2.count += 2
        if k % 50 == 0:
            w1.items.append(k)
    w1.name = "thread-%d" % i
    with atomic:
        # inside a transaction the values are still this thread's
        mine = (w1.count, w2.count, list(w1.items), w1.name)
    results[i] = mine
    checks.append(fresh)


ts = [threading.Thread(target=run, args=(i,)) for i in range(NT)]
for t in ts:
    t.start()
for t in ts:
    t.join()
assert checks == [(0, 0, [], None)] * NT, checks
assert results == {i: (N, 2 * len(range(0, N, 3)), [0, 50, 100], "thread-%d" % i)
                   for i in range(NT)}, results
print("threads:", NT, "each saw", results[0][:3])
print("main unchanged:", w1.count, w2.count, w1.items, w1.label, w2.label)
assert sum(r[0] for r in results.values()) == NT * N

# threading.local under the same load, plus a subclass with __init__.
local = threading.local()


class MyLocal(threading.local):
    def __init__(self, base):
        self.value = base
        self.inits = 1


ml = MyLocal(100)
out = {}


def loc(i):
    assert not hasattr(local, "x")
    local.x = i
    for k in range(100):
        local.x += 1
        ml.value += i
    out[i] = (local.x, ml.value, ml.inits)


ts = [threading.Thread(target=loc, args=(i,)) for i in range(NT)]
for t in ts:
    t.start()
for t in ts:
    t.join()
assert out == {i: (i + 100, 100 + 100 * i, 1) for i in range(NT)}, out
assert not hasattr(local, "x") and ml.value == 100
print("threading.local:", sorted(out.items())[:3])
