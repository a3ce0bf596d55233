# TransactionQueue with dependent calls, each reading and writing shared
# state.  Where the order does not matter (sums, counts), the result must
# equal the serial loop's.  Where it does (each call reads the shared list
# and appends what it saw), the list must be the trace of SOME serial
# order: entry k records exactly the state left by entries 0..k-1.
from transaction import TransactionQueue

N = 400

# Commutative: a counter, a histogram, a set, a max.
state = {"total": 0, "max": -1}
hist = {}
seen = set()


def commutative(i):
    state["total"] += i * i
    if i > state["max"]:
        state["max"] = i
    key = i % 11
    hist[key] = hist.get(key, 0) + 1
    seen.add(i)


tq = TransactionQueue()
for i in range(N):
    tq.add(commutative, i)
tq.run()
s_total = sum(i * i for i in range(N))
s_hist = {}
for i in range(N):
    s_hist[i % 11] = s_hist.get(i % 11, 0) + 1
assert state == {"total": s_total, "max": N - 1}, state
assert hist == s_hist and seen == set(range(N))
print("commutative", state["total"], state["max"], sorted(hist.items())[:3], len(seen))

# Order-dependent: each call reads the whole list and appends a record of
# what it read.
trace = []


def checksum(items):
    h = 7
    for who, _, _ in items:
        h = (h * 1000003 + who) & 0xFFFFFFFF
    return h


def observe(i):
    trace.append((i, len(trace), checksum(trace)))


tq = TransactionQueue()
for i in range(N):
    tq.add(observe, i)
tq.run()
assert sorted(who for who, _, _ in trace) == list(range(N))
for k, (who, length, h) in enumerate(trace):
    assert length == k, (k, length)
    assert h == checksum(trace[:k]), k
print("trace", len(trace), "is a serial order")

# A chain: each call extends the value left by the previous one; the
# final value depends on the order, and must match a serial replay of the
# recorded order.
chain = {"value": 1, "order": []}


def step(i):
    chain["value"] = (chain["value"] * 31 + i) % 1000000007
    chain["order"].append(i)


tq = TransactionQueue()
for i in range(N):
    tq.add(step, i)
tq.run()
v = 1
for i in chain["order"]:
    v = (v * 31 + i) % 1000000007
assert sorted(chain["order"]) == list(range(N))
assert v == chain["value"]
print("chain replays", len(chain["order"]))

# Transfers between a few hot cells: conserved and exact.
cells = [1000] * 5


def move(i):
    a, b = i % 5, (i * 3 + 1) % 5
    amount = min(cells[a], i % 17)
    cells[a] -= amount
    cells[b] += amount


tq = TransactionQueue()
for i in range(N):
    tq.add(move, i)
tq.run(7)
assert sum(cells) == 5000 and min(cells) >= 0
print("cells", sum(cells))
