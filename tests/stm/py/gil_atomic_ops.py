# What is atomic under CPython's GIL stays atomic: single operations on
# shared built-in containers need no lock.  list.append/pop, dict
# setdefault/pop/item assignment, set.add/discard, deque append/popleft,
# next() on a shared iterator, list.extend and sort: from more threads
# than cores, with exact results.
import itertools
import threading
from collections import deque

NT = 10
N = 120
lst = []
dct = {}
st = set()
dq = deque()
ticket = itertools.count()
tickets = []
grab = iter(range(NT * N))
grabbed = []


def producer(i):
    for k in range(N):
        lst.append((i, k))
        dct.setdefault(k % 12, []).append(i)
        st.add(i * 1000 + k)
        dq.append(i * 1000 + k)
        tickets.append(next(ticket))
        grabbed.append(next(grab))
        dct[("last", i)] = k


ts = [threading.Thread(target=producer, args=(i,)) for i in range(NT)]
for t in ts:
    t.start()
for t in ts:
    t.join()
assert len(lst) == NT * N and sorted(lst) == [(i, k) for i in range(NT) for k in range(N)]
assert sorted(tickets) == list(range(NT * N))           # each ticket once
assert sorted(grabbed) == list(range(NT * N))           # each item once
assert all(sorted(dct[r]) == sorted(list(range(NT)) * len(range(r, N, 12))) for r in range(12))
assert all(dct[("last", i)] == N - 1 for i in range(NT))
assert st == {i * 1000 + k for i in range(NT) for k in range(N)}
print("append/setdefault/add/next:", len(lst), len(tickets), len(st), len(dq))

# Consumers racing: pop until empty, each item taken exactly once.
taken = [[] for _ in range(NT)]


def consumer(i):
    mine = taken[i]
    while True:
        try:
            mine.append(dq.popleft())
        except IndexError:
            break
        try:
            mine.append(lst.pop())
        except IndexError:
            pass
        st.discard(mine[0])
    dct.pop(("last", i), None)


ts = [threading.Thread(target=consumer, args=(i,)) for i in range(NT)]
for t in ts:
    t.start()
for t in ts:
    t.join()
allt = [x for m in taken for x in m]
nums = sorted(x for x in allt if isinstance(x, int))
pairs = sorted(x for x in allt if isinstance(x, tuple))
assert nums == sorted(i * 1000 + k for i in range(NT) for k in range(N))
assert pairs == [(i, k) for i in range(NT) for k in range(N)]
assert len(dq) == 0 and lst == []
assert not any(("last", i) in dct for i in range(NT))
print("popleft/pop: each item once:", len(nums), len(pairs))

# extend and in-place += on one shared list; sort() of another while read.
big = []
data = list(range(200))


def extender(i):
    global big
    for k in range(20):
        big.extend([i] * 3)
        big += [i]                      # list += is one in-place call
    data.sort(reverse=(i % 2 == 0))
    s = sum(data)                       # data is always complete
    assert s == 19900, s


ts = [threading.Thread(target=extender, args=(i,)) for i in range(NT)]
for t in ts:
    t.start()
for t in ts:
    t.join()
assert sorted(big) == sorted(list(range(NT)) * 80)
print("extend/+=:", len(big), "sort while read:", sorted(data) == list(range(200)))
