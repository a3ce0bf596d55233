# The iteration protocol: __iter__/__next__, the __getitem__ fallback
# (IndexError ends it), iter() with a sentinel, __contains__ fallbacks,
# __reversed__ and __len__, exhausted iterators, and the error messages.

class Seq:
    def __init__(self, n):
        self.n = n
    def __getitem__(self, i):
        if i >= self.n:
            raise IndexError(i)
        return i * i
s = Seq(5)
print(list(s), 9 in s, 10 in s, sorted(s, reverse=True), tuple(iter(s)))
it = iter(s)
print(type(it).__name__, next(it), next(it), list(it), list(it))
a, b, *rest = Seq(4)
print(a, b, rest)
print(max(Seq(3)), sum(Seq(4)), list(enumerate(Seq(3))), dict(zip("abc", Seq(9))))

class StopEarly:
    def __getitem__(self, i):
        if i == 2:
            raise StopIteration
        return i
print(list(StopEarly()))

class KeyErr:
    def __getitem__(self, i):
        raise KeyError(i)
try:
    list(KeyErr())
except KeyError as e:
    print(type(e).__name__, e)

class Counter:
    def __init__(self, limit):
        self.i = 0
        self.limit = limit
    def __iter__(self):
        return self
    def __next__(self):
        if self.i >= self.limit:
            raise StopIteration
        self.i += 1
        return self.i
c = Counter(3)
print(list(c), list(c), next(c, "done"))
try:
    next(c)
except StopIteration as e:
    print("StopIteration", e.args)

for bad in (5, None, 3.5, object()):
    try:
        iter(bad)
    except TypeError as e:
        print(type(e).__name__, e)
class IterNone:
    __iter__ = None
try:
    iter(IterNone())
except TypeError as e:
    print(type(e).__name__, e)
class IterReturnsInt:
    def __iter__(self):
        return 5
try:
    iter(IterReturnsInt())
except TypeError as e:
    print(type(e).__name__, e)
try:
    for x in IterReturnsInt():
        pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    next([1, 2])
except TypeError as e:
    print(type(e).__name__, e)

# iter(callable, sentinel).
vals = iter([1, 2, 3, 0, 5])
print(list(iter(lambda: next(vals), 0)), list(vals))
n = [0]
def counter():
    n[0] += 1
    return n[0]
print(list(iter(counter, 4)))
ci = iter(counter, 100)
print(type(ci).__name__, next(ci))
try:
    iter(5, 0)
except TypeError as e:
    print(type(e).__name__, e)

# __contains__ fallback order: __contains__, then __iter__, then __getitem__.
class OnlyIter:
    def __iter__(self):
        print("iterating")
        return iter([1, 2, 3])
print(2 in OnlyIter(), 7 in OnlyIter())
class ContainsFalsy:
    def __contains__(self, x):
        return 0
    def __iter__(self):
        return iter([x])
x = 1
print(1 in ContainsFalsy(), 1 not in ContainsFalsy())
try:
    1 in 5
except TypeError as e:
    print(type(e).__name__, e)

# reversed(): __reversed__, or __len__ + __getitem__.
class Rev:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        return "abc"[i]
print(list(reversed(Rev())), list(reversed(range(4))), list(reversed("xyz")), list(reversed([1, 2])))
class CustomRev:
    def __reversed__(self):
        return iter("custom")
print("".join(reversed(CustomRev())))
for bad in (Seq(3), {1: 2}.keys() if False else 5, {1, 2}):
    try:
        reversed(bad)
    except TypeError as e:
        print(type(e).__name__, e)
print(list(reversed({"a": 1, "b": 2})), list(reversed({"a": 1}.items())))

# Exhaustion and mutation during iteration.
lst = [1, 2, 3]
it = iter(lst)
next(it)
lst.append(4)
print(list(it))
d = {1: 1}
try:
    for k in d:
        d[k + 1] = 1
except RuntimeError as e:
    print(type(e).__name__, e)
st = {1}
try:
    for k in st:
        st.add(k + 1)
except RuntimeError as e:
    print(type(e).__name__, e)
print(list(zip()), list(map(abs, [])), next(iter(()), "empty"))
