# copy: shallow vs deep copies of nested containers, cycles and shared
# references preserved by deepcopy's memo, __copy__/__deepcopy__ hooks,
# __reduce_ex__-based copying of plain instances, and uncopyable objects.
import copy

nested = [1, [2, 3], {"k": [4]}]
sh = copy.copy(nested)
dp = copy.deepcopy(nested)
nested[1].append("x")
nested[2]["k"].append("y")
print(sh, dp, sh[1] is nested[1], dp[1] is nested[1])

cyc = [1]
cyc.append(cyc)
cc = copy.deepcopy(cyc)
print(cc[1] is cc, cc[1] is not cyc, len(cc))
d = {"self": None}
d["self"] = d
dd = copy.deepcopy(d)
print(dd["self"] is dd)

shared = [0]
holder = [shared, shared]
hc = copy.deepcopy(holder)
print(hc[0] is hc[1], hc[0] is shared)

t = (1, 2, (3, 4))
print(copy.copy(t) is t, copy.deepcopy(t) is t)
t2 = (1, [2])
print(copy.deepcopy(t2) is t2, copy.deepcopy(t2) == t2)
for v in (5, "s", None, 3.5, frozenset({1}), range(3), len, int):
    print(type(v).__name__, copy.copy(v) is v, copy.deepcopy(v) is v)

class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
        self.tags = []
    def __repr__(self):
        return "Point(%r, %r, %r)" % (self.x, self.y, self.tags)
p = Point(1, 2)
p2 = copy.copy(p)
p3 = copy.deepcopy(p)
p.tags.append("shared?")
print(p2, p3, p2.tags is p.tags, p3.tags is p.tags)

class Hooked:
    def __init__(self, v):
        self.v = v
    def __copy__(self):
        print("__copy__ called")
        return Hooked(self.v + ["copied"])
    def __deepcopy__(self, memo):
        print("__deepcopy__ called, memo is dict:", isinstance(memo, dict))
        return Hooked(["deep"])
h = Hooked([1])
print(copy.copy(h).v, copy.deepcopy(h).v, copy.deepcopy([h, h])[0].v)

class Slotted:
    __slots__ = ("a", "b")
    def __init__(self):
        self.a = [1]
        self.b = 2
s = Slotted()
sc = copy.deepcopy(s)
print(sc.a, sc.b, sc.a is s.a)

class WithState:
    def __init__(self):
        self.data = "orig"
    def __getstate__(self):
        return {"data": self.data.upper()}
    def __setstate__(self, st):
        self.data = st["data"] + "!"
print(copy.copy(WithState()).data, copy.deepcopy(WithState()).data)

class Reduced:
    def __init__(self, a):
        self.a = a
    def __reduce__(self):
        return (Reduced, (self.a * 2,))
print(copy.copy(Reduced(3)).a, copy.deepcopy(Reduced(4)).a)

import collections
od = collections.OrderedDict(a=[1])
odc = copy.deepcopy(od)
print(type(odc).__name__, odc, odc["a"] is od["a"])
dq = collections.deque([[1], [2]], maxlen=5)
print(copy.deepcopy(dq), copy.copy(dq)[0] is dq[0], copy.deepcopy(dq).maxlen)
ddf = collections.defaultdict(list, {"x": [1]})
ddc = copy.deepcopy(ddf)
print(ddc.default_factory is list, ddc["x"] is not ddf["x"])
s1 = {1, 2}
print(copy.copy(s1) == s1, copy.copy(s1) is s1, copy.copy(bytearray(b"ab")))

def gen():
    yield
try:
    copy.copy(gen())
except TypeError as e:
    print(type(e).__name__, e)
memo = {}
a = [1, 2]
b = copy.deepcopy(a, memo)
print(memo[id(a)] is b, b)
print(copy.replace if hasattr(copy, "replace") else "no copy.replace in 3.11")
