# list sort: stability with keys, reverse keeps stability, key errors,
# comparisons failing midway, sorted() on various iterables; slices and
# slice objects (indices, assignment with steps, deletion), range edge cases.
records = [("bob", 3), ("amy", 1), ("cat", 3), ("dan", 1), ("eve", 2)]
print(sorted(records, key=lambda r: r[1]), sorted(records, key=lambda r: r[1], reverse=True))
lst = records[:]
lst.sort(key=lambda r: r[0], reverse=True)
lst.sort(key=lambda r: r[1])
print(lst)
print(sorted("bAcaB"), sorted("bAcaB", key=str.lower), sorted([3, 1, 2], reverse=True), sorted({3: 1, 1: 2}), sorted((x for x in [2, 1])))
print(sorted([[2, 1], [1, 2], [1]]), sorted([(1, "b"), (1, "a")]), sorted([0.5, -1, 3, True]), sorted([]), sorted(range(3), key=lambda x: 0))
for bad in (lambda: sorted([1, "a", 2]), lambda: [3, None].sort(), lambda: sorted([1], key=5), lambda: [].sort(reverse=None) or "ok",
            lambda: [1, 2].sort(lambda a: a), lambda: sorted([1, 2], cmp=None)):
    try:
        print(bad())
    except TypeError as e:
        print(type(e).__name__, e)
class Boom:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        if self.v == 3 or o.v == 3:
            raise ValueError("cannot compare 3")
        return self.v < o.v
    def __repr__(self):
        return "B%d" % self.v
items = [Boom(v) for v in (5, 1, 4, 3, 2)]
try:
    items.sort()
except ValueError as e:
    print(type(e).__name__, e, len(items))
mutating = [3, 2, 1]
def key(x):
    mutating.append(0)
    return x
try:
    mutating.sort(key=key)
except ValueError as e:
    print(type(e).__name__, e)

a = list(range(10))
print(a[2:8:2], a[::-1], a[-3:], a[:-7:-2], a[100:], a[-100:2], a[5:2], a[::3], a[1::-1], a[slice(1, None, 4)])
s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, s.indices(5), slice(None).indices(3), slice(-1, None, -1).indices(4), slice(5).indices(2))
print(slice(1, 2) == slice(1, 2), slice(1, 2) < slice(1, 3), repr(slice("a", [1])), slice(None, None, -1).indices(0))
b = list(range(6))
b[1:3] = "xyz"
print(b)
b[::2] = [0, 0, 0, 0] if len(b[::2]) == 4 else [0] * len(b[::2])
print(b)
del b[::3]
print(b)
b[len(b):] = [99]
b[:0] = [-1]
print(b)
for bad in (lambda: b.__setitem__(slice(None, None, 2), [1]), lambda: slice(1, 2, 0).indices(5), lambda: a[::0],
            lambda: a["x":], lambda: slice(1).indices(-1), lambda: hash(slice(1, 2)) if False else [][1]):
    try:
        print(bad())
    except (ValueError, TypeError, IndexError) as e:
        print(type(e).__name__, e)
t = tuple(range(5))
print(t[1:4], t[::-2], "hello"[1:-1], "hello"[::-1], b"bytes"[1:3], bytearray(b"xyz")[::2], memoryview(b"abc")[1:].tobytes())

r = range(10, 0, -3)
print(list(r), len(r), r[1], r[-1], r[1:3], r[::-1], 4 in r, 7 in r, r.index(4), r.count(7), r.start, r.stop, r.step)
print(range(0), list(range(5, 5)), len(range(0, 10, 20)), range(3) == range(0, 3, 1), range(0) == range(5, 2), hash(range(2)) == hash(range(0, 2)))
print(len(range(-10**20, 10**20, 7)), range(10**20)[-1], range(2**64)[2**63:][:3], repr(range(1, 2, 3)), range(1, 2)[0])
for bad in (lambda: range(1, 2, 0), lambda: range(1.5), lambda: range(3)[5], lambda: range(3).index(9), lambda: len(range(2**64)),
            lambda: range("a"), lambda: range(), lambda: range(1, 2, 3, 4)):
    try:
        print(bad())
    except (ValueError, TypeError, IndexError, OverflowError) as e:
        print(type(e).__name__, e)
print(list(reversed(range(1, 10, 4))), sum(range(101)), max(range(7)), list(range(-3, 3)), range(5)[-100:100], 3.0 in range(5))
