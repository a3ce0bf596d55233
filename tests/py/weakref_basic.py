# weakref without relying on when objects die: ref identity and calls,
# proxies forwarding operations, WeakValueDictionary/WeakKeyDictionary/
# WeakSet basic use with objects kept alive, callbacks stored, and the
# TypeErrors for objects that cannot be weakly referenced.
import weakref

class Node:
    def __init__(self, name):
        self.name = name
    def hello(self):
        return "hello from " + self.name
    def __repr__(self):
        return "Node(%s)" % self.name

a = Node("a")
r = weakref.ref(a)
print(r() is a, r().hello(), weakref.ref(a) == r, hash(r) == hash(weakref.ref(a)), type(r).__name__)
cb_ref = weakref.ref(a, lambda ref: None)
print(cb_ref is not r, cb_ref() is a, r.__callback__, cb_ref.__callback__ is not None)
p = weakref.proxy(a)
print(p.name, p.hello(), type(p).__name__, isinstance(p, Node))
p.name = "renamed"
print(a.name, str(p), repr(a))
class Box:
    def __init__(self, v):
        self.v = v
    def __len__(self):
        return self.v
    def __add__(self, o):
        return self.v + o
    def __call__(self, x):
        return x * self.v
bx = Box(3)
bp = weakref.proxy(bx)
print(len(bp), bp + 1, bp(5), type(bp).__name__, callable(bp))

for obj in (1, "s", (1,), [1], {}, None, 1.5, b"x", object()):
    try:
        weakref.ref(obj)
    except TypeError as e:
        print(type(e).__name__, e)
class Slotted:
    __slots__ = ("x",)
class SlottedWeak:
    __slots__ = ("x", "__weakref__")
for cls in (Slotted, SlottedWeak):
    try:
        weakref.ref(cls())
        print(cls.__name__, "weakrefable")
    except TypeError as e:
        print(type(e).__name__, e)
class MyList(list):
    pass
print(weakref.ref(MyList([1]))() is not None or True, weakref.ref(len)() is len, weakref.ref(Node)() is Node)
def fn():
    pass
print(weakref.ref(fn)() is fn, weakref.ref(weakref)() is weakref)

keep = [Node(str(i)) for i in range(3)]
wvd = weakref.WeakValueDictionary()
for n in keep:
    wvd[n.name] = n
print(sorted(wvd.keys()), wvd["1"], len(wvd), "2" in wvd, wvd.get("9"), sorted(n.name for n in wvd.values()))
wkd = weakref.WeakKeyDictionary()
for i, n in enumerate(keep):
    wkd[n] = i
print(sorted(wkd.values()), wkd[keep[2]], keep[0] in wkd, len(wkd))
del wkd[keep[0]]
print(len(wkd), sorted(k.name for k in wkd.keys()))
ws = weakref.WeakSet(keep)
print(len(ws), keep[1] in ws, Node("new") in ws, sorted(n.name for n in ws))
try:
    wvd["bad"] = 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    wkd["str key"] = 1
except TypeError as e:
    print(type(e).__name__, e)
m = weakref.WeakMethod(keep[0].hello)
print(m()(), type(m).__name__)
try:
    weakref.WeakMethod(len)
except TypeError as e:
    print(type(e).__name__, e)
print(weakref.getweakrefcount(keep[0]) >= 0, isinstance(weakref.getweakrefs(keep[0]), list), weakref.ReferenceType is weakref.ref)
