# collections.abc mixins: a Sequence, MutableSequence, Mapping,
# MutableMapping, Set and Iterator written from the abstract methods only,
# with the mixin methods they inherit, plus abstract-method errors and
# virtual subclass checks on builtin types.
from collections import abc

class Squares(abc.Sequence):
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(self.n))]
        if i < 0:
            i += self.n
        if not 0 <= i < self.n:
            raise IndexError("square index out of range")
        return i * i
s = Squares(6)
print(list(s), s[2], s[-1], s[1:4], 9 in s, 10 in s, s.index(16), s.count(4), list(reversed(s)), len(s), bool(Squares(0)))
try:
    s.index(7)
except ValueError as e:
    print(type(e).__name__, e)

class Stack(abc.MutableSequence):
    def __init__(self):
        self.data = []
    def __len__(self):
        return len(self.data)
    def __getitem__(self, i):
        return self.data[i]
    def __setitem__(self, i, v):
        self.data[i] = v
    def __delitem__(self, i):
        del self.data[i]
    def insert(self, i, v):
        self.data.insert(i, v)
st = Stack()
st.append(1)
st.extend([2, 3, 4])
st += [5]
st.reverse()
print(st.data, st.pop(), st.pop(0), st.data)
st.remove(3)
st.insert(0, 9)
print(st.data, st.index(9), list(st), st[-1])
st.clear()
print(st.data)

class Registry(abc.MutableMapping):
    def __init__(self):
        self._d = {}
    def __getitem__(self, k):
        return self._d[k.lower()]
    def __setitem__(self, k, v):
        self._d[k.lower()] = v
    def __delitem__(self, k):
        del self._d[k.lower()]
    def __iter__(self):
        return iter(sorted(self._d))
    def __len__(self):
        return len(self._d)
r = Registry()
r["Alpha"] = 1
r.update(BETA=2, gamma=3)
print(dict(r), r["ALPHA"], r.get("delta", "none"), "Gamma" in r, list(r.keys()), list(r.items()), list(r.values()))
print(r.pop("beta"), r.setdefault("eps", 5), r.popitem(), len(r), r == {"eps": 5, "gamma": 3} or dict(r))
try:
    r.pop("missing")
except KeyError as e:
    print(type(e).__name__, e)

class Bits(abc.Set):
    def __init__(self, items):
        self.items = frozenset(items)
    def __contains__(self, x):
        return x in self.items
    def __iter__(self):
        return iter(sorted(self.items))
    def __len__(self):
        return len(self.items)
    def __repr__(self):
        return "Bits(%s)" % sorted(self.items)
a, b = Bits([1, 2, 3]), Bits([3, 4])
print(a | b, a & b, a - b, a ^ b, a <= Bits([1, 2, 3, 4]), a == Bits([3, 2, 1]), a.isdisjoint(Bits([9])), type(a | b).__name__)

class Countdown(abc.Iterator):
    def __init__(self, n):
        self.n = n
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n
c = Countdown(3)
print(iter(c) is c, list(c), isinstance(c, abc.Iterable))
class Incomplete(abc.Sequence):
    def __len__(self):
        return 0
try:
    Incomplete()
except TypeError as e:
    print(type(e).__name__, e)
for t in (list, tuple, str, bytes, range, dict, set, frozenset, type({}.keys()), type(iter([])), memoryview):
    print(t.__name__, [n for n, c in [("Seq", abc.Sequence), ("MutSeq", abc.MutableSequence), ("Map", abc.Mapping),
                                       ("Set", abc.Set), ("Iter", abc.Iterator), ("Hash", abc.Hashable),
                                       ("Rev", abc.Reversible), ("Coll", abc.Collection)] if issubclass(t, c)])
def g():
    yield
print(isinstance(g(), abc.Generator), isinstance(g(), abc.Iterator), issubclass(type(len), abc.Callable), isinstance(1, abc.Hashable))
