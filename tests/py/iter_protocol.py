class Count:
    def __init__(self, n): self.n = n
    def __iter__(self):
        i = 0
        while i < self.n:
            yield i
            i += 1
print(list(Count(3)), [x * 2 for x in Count(2)], max(Count(5)), dict.fromkeys(Count(2)))
it = iter([1, 2])
print(next(it), next(it), next(it, None))
try:
    next(it)
except StopIteration:
    print("stopped")
try:
    next([1])
except TypeError as e:
    print(e)
class BadIter:
    def __iter__(self): return 5
try:
    iter(BadIter())
except TypeError as e:
    print(e)
class NoNext:
    def __iter__(self): return self
try:
    for _ in NoNext():
        pass
except TypeError as e:
    print(e)
a, b, c = Count(3)
print(a, b, c)
e = enumerate(["x", "y"])
print(next(e), list(e))
z = zip([1, 2, 3], "ab")
print(list(z), list(z))
m = map(lambda a, b: a + b, [1, 2], [10, 20, 30])
print(list(m))
print(list(filter(lambda v: v > 1, [0, 1, 2, 3])))
r = range(0, 10, 3)
print(list(r), len(r), r[1], r[-1], 6 in r, 7 in r, r.index(9), list(reversed(r)), range(5)[1:3])
print(range(3) == range(0, 3), repr(range(1, 4)), repr(range(0, 5, 2)))
