# A custom container implementing the container dunders by hand:
# __getitem__ with ints, negative indexes and slices, __setitem__ and
# __delitem__ with slices, __len__, __contains__, __iter__, __reversed__,
# __missing__-free KeyError/IndexError conventions, __bool__ via __len__,
# and how builtins (list(), sorted, in, unpacking, del) use them.
class Ring:
    def __init__(self, items):
        self._items = list(items)
        self.log = []
    def _norm(self, i):
        if not isinstance(i, int):
            raise TypeError(f"ring indices must be integers or slices, not {type(i).__name__}")
        if not self._items:
            raise IndexError("ring is empty")
        return i % len(self._items)
    def __len__(self):
        self.log.append("len")
        return len(self._items)
    def __getitem__(self, i):
        if isinstance(i, slice):
            return Ring(self._items[i])
        return self._items[self._norm(i)]
    def __setitem__(self, i, v):
        if isinstance(i, slice):
            self._items[i] = v
        else:
            self._items[self._norm(i)] = v
    def __delitem__(self, i):
        if isinstance(i, slice):
            del self._items[i]
        else:
            del self._items[self._norm(i)]
    def __contains__(self, v):
        self.log.append("contains")
        return v in self._items
    def __iter__(self):
        self.log.append("iter")
        return iter(self._items)
    def __reversed__(self):
        self.log.append("reversed")
        return reversed(self._items)
    def __repr__(self):
        return f"Ring({self._items})"
    def __eq__(self, other):
        return isinstance(other, Ring) and self._items == other._items
    def __add__(self, other):
        return Ring(self._items + list(other))
    def __mul__(self, n):
        return Ring(self._items * n)
    def __iadd__(self, other):
        self._items.extend(other)
        return self

r = Ring("abcde")
print(r[0], r[7], r[-1], r[1:3], r[::-1], r[10:], len(r), "c" in r, "z" in r, list(r), sorted(r, reverse=True), list(reversed(r)))
r[6] = "B"
r[0:1] = ["A", "A2"]
del r[-1]
del r[::2]
print(r, bool(r), bool(Ring([])))
r += "xy"
print(r, r + ["z"], r * 2, r == Ring(r._items), r != Ring([]), [x.upper() for x in r])
first, *rest = r
print(first, rest, max(r), min(r), "".join(r), dict.fromkeys(r, 0), set(r) == set(r._items), tuple(r))
r.log.clear()
_ = "x" in r
_ = list(r)
_ = list(reversed(r))
_ = len(r)
print(r.log)
for bad in [lambda: r["k"], lambda: Ring([])[0], lambda: r.__setitem__(1.5, 0), lambda: Ring([]).__delitem__(0)]:
    try:
        print(bad())
    except (TypeError, IndexError) as e:
        print(type(e).__name__, e)
class Grid:
    def __init__(self, w, h):
        self.w, self.h = w, h
        self.cells = {}
    def __getitem__(self, pos):
        x, y = pos
        if not (0 <= x < self.w and 0 <= y < self.h):
            raise IndexError(f"{pos} outside {self.w}x{self.h}")
        return self.cells.get(pos, ".")
    def __setitem__(self, pos, v):
        self[pos]
        self.cells[pos] = v
    def __iter__(self):
        return ((x, y) for y in range(self.h) for x in range(self.w))
    def __str__(self):
        return "\n".join("".join(self[x, y] for x in range(self.w)) for y in range(self.h))
g = Grid(5, 3)
g[0, 0] = "#"
g[4, 2] = "@"
g[2, 1] = "*"
print(g)
print(sum(1 for p in g if g[p] != "."), g[4, 2], (2, 1) in g.cells)
try:
    g[5, 0] = "x"
except IndexError as e:
    print(type(e).__name__, e)
class OnlyGetitem:
    def __getitem__(self, i):
        if i > 3:
            raise IndexError
        return i * 10
o = OnlyGetitem()
print(list(o), 20 in o, 25 in o, [v for v in o if v], sorted(o, reverse=True), list(enumerate(o)))
try:
    len(o)
except TypeError as e:
    print(type(e).__name__, e)
try:
    reversed(o)
except TypeError as e:
    print(type(e).__name__, e)
