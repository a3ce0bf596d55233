def show(*a, **k):
    return a, sorted(k.items())
args = (1, 2)
kw = {"x": 1}
print(show(*args, 3, *[4], y=2, **kw))
print(show(**{"a": 1}, b=2))
def fixed(a, b, c):
    return a, b, c
print(fixed(*"xyz"), fixed(1, *[2, 3]), fixed(c=3, *[1, 2]))
try:
    fixed(*[1, 2], a=0)
except TypeError as e:
    print(e)
class K:
    def __init__(self, *a, **k):
        self.a, self.k = a, k
o = K(*range(3), **dict(z=1))
print(o.a, o.k)
import collections.abc
class MappingLike(collections.abc.Mapping):
    def __getitem__(self, k): return k.upper()
    def __iter__(self): return iter(["p", "q"])
    def __len__(self): return 2
print(show(**MappingLike()))
def gen():
    yield 1
    yield 2
print(show(*gen()))
print(print(*[], sep="x"))
