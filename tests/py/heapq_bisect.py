# _heapq and _bisect: the C versions under heapq.py and bisect.py.
import bisect
import heapq
import random

import _bisect
import _heapq

random.seed(5)
data = [random.randrange(1000) for _ in range(500)]
h = []
for x in data:
    heapq.heappush(h, x)
print(all(h[i] <= h[c] for i in range(len(h)) for c in (2 * i + 1, 2 * i + 2) if c < len(h)))
print([heapq.heappop(h) for _ in range(len(h))] == sorted(data))
h = list(data)
heapq.heapify(h)
print(heapq.heappushpop(h, -1), heapq.heappushpop(h, 5000) == min(data), heapq.heapreplace(h, 7))
print(heapq.nsmallest(5, data), heapq.nlargest(5, data), list(heapq.merge([1, 4, 9], [2, 3, 10])))
print(heapq.nsmallest(3, data, key=lambda v: -v), list(heapq.merge([5, 3], [4, 1], reverse=True)))
m = list(data)
heapq._heapify_max(m)
print(heapq._heappop_max(m), heapq._heapreplace_max(m, 0), m[0])
print(heapq.heappushpop([], 3), [heapq.heappop(t) for t in [[(1, 'b'), (1, 'a')]]])
for f, args in [(heapq.heappush, ((), 1)), (heapq.heappop, ([],)), (heapq.heapreplace, ([], 1)),
                (heapq.heapify, ("x",)), (heapq.heappush, ([1], "a")), (heapq.heappop, ()),
                (heapq.heappush, ([],)), (_heapq._heappop_max, ([],))]:
    try:
        f(*args)
        print("no error")
    except Exception as e:
        print(type(e).__name__, e)


class Evil:
    def __init__(self, heap):
        self.heap = heap

    def __lt__(self, other):
        self.heap.clear()
        return False


h = [1, 2]
try:
    heapq.heappush(h, Evil(h))
except RuntimeError as e:
    print("RuntimeError", e)

a = [1, 2, 2, 2, 3, 5, 8]
print(bisect.bisect_left(a, 2), bisect.bisect_right(a, 2), bisect.bisect(a, 4), bisect.bisect(a, 0),
      bisect.bisect(a, 9), bisect.bisect_left(a, 2, 2), bisect.bisect_left(a, 2, 0, 1),
      bisect.bisect_right(a, 2, hi=3), bisect.bisect_left(a, 2, lo=4, hi=None))
bisect.insort(a, 4)
bisect.insort_left(a, 2)
bisect.insort_right(a, 9, 0)
print(a)
recs = [("a", 1), ("b", 3), ("c", 5)]
print(bisect.bisect_left(recs, 3, key=lambda r: r[1]),
      bisect.bisect_right(recs, 3, key=lambda r: r[1]))
bisect.insort(recs, ("z", 4), key=lambda r: r[1])
print(recs)
print(bisect.bisect((1, 3, 5), 4), bisect.bisect(range(0, 100, 10), 35), bisect.bisect("aceg", "d"))
s = []
for x in data[:50]:
    bisect.insort(s, x)
print(s == sorted(data[:50]))
for f, args, kw in [(bisect.bisect, ([1], 1, -1), {}), (bisect.bisect, (5, 1), {}),
                    (bisect.insort, ((1, 2), 1), {}), (bisect.bisect, ([1], 1, "x"), {}),
                    (bisect.bisect, ([1, "a"], 2), {}), (bisect.bisect, ([1],), {}),
                    (bisect.bisect, ([1], 1), {"foo": 1})]:
    try:
        print(f(*args, **kw))
    except Exception as e:
        print(type(e).__name__, e)
print(bisect.bisect is _bisect.bisect_right, heapq.heappush is _heapq.heappush)
