# __getattr__ vs __getattribute__, __setattr__/__delattr__ hooks,
# object.__getattribute__ delegation, AttributeError propagation,
# getattr/hasattr/setattr/delattr builtins with defaults and errors.

class Tracer:
    def __init__(self):
        object.__setattr__(self, "log", [])
    def __getattribute__(self, name):
        if name != "log":
            object.__getattribute__(self, "log").append(("get", name))
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        self.log.append(("missing", name))
        if name.startswith("dyn_"):
            return name[4:].upper()
        raise AttributeError(f"{type(self).__name__!r} has no {name!r}")
    def __setattr__(self, name, value):
        self.log.append(("set", name, value))
        object.__setattr__(self, name, value)
    def __delattr__(self, name):
        self.log.append(("del", name))
        object.__delattr__(self, name)
    def method(self):
        return "method"

t = Tracer()
t.x = 1
print(t.x, t.dyn_abc, t.method())
try:
    t.nothing
except AttributeError as e:
    print(type(e).__name__, e)
del t.x
try:
    del t.x
except AttributeError as e:
    print(type(e).__name__, e)
print(getattr(t, "zzz", "default"), hasattr(t, "dyn_q"), hasattr(t, "qq"))
for entry in t.log:
    print(entry)

class Proxy:
    def __init__(self, target):
        self._target = target
    def __getattr__(self, name):
        return getattr(self._target, name)
p = Proxy([3, 1, 2])
p.append(0)
p.sort()
print(p._target, p.count(1), len(p._target))
try:
    len(p)
except TypeError as e:
    print(type(e).__name__, e)

# __getattribute__ raising something other than AttributeError.
class Strict:
    def __getattribute__(self, name):
        raise KeyError(name)
    def __getattr__(self, name):
        return "never"
try:
    Strict().a
except KeyError as e:
    print(type(e).__name__, e)
print(hasattr(Strict(), "a") if False else "skip hasattr")
try:
    hasattr(Strict(), "a")
except KeyError as e:
    print("hasattr propagates", type(e).__name__, e)

# getattr with non-string names and bad argument counts.
for args in [(1, 2), (object(), 5), (object(), "x", 1, 2)]:
    try:
        getattr(*args)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    setattr(object(), "x", 1)
except AttributeError as e:
    print(type(e).__name__, e)
try:
    setattr(1, "real", 2)
except AttributeError as e:
    print(type(e).__name__, e)
try:
    delattr(int, "real")
except TypeError as e:
    print(type(e).__name__, e)
try:
    int.foo = 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    "abc".upper = None
except AttributeError as e:
    print(type(e).__name__, e)
try:
    object().__dict__
except AttributeError as e:
    print(type(e).__name__, e)

# AttributeError raised inside a property reaches __getattr__.
class Lazy:
    @property
    def value(self):
        return self.compute()
    def __getattr__(self, name):
        return "lazy " + name
print(Lazy().value)

# Setting attributes on classes and functions.
class Box:
    pass
Box.attr = 5
b = Box()
print(b.attr, getattr(Box, "attr"))
b.attr = 6
print(b.attr, Box.attr)
del b.attr
print(b.attr)
del Box.attr
print(hasattr(b, "attr"))
def f():
    pass
f.tag = "t"
print(f.tag, f.__dict__)
setattr(b, "with space", 1)
print(getattr(b, "with space"), vars(b))

# __setattr__ used to make a frozen object.
class Frozen:
    def __init__(self, v):
        object.__setattr__(self, "v", v)
    def __setattr__(self, name, value):
        raise AttributeError(f"cannot assign {name!r}: frozen")
    __delattr__ = __setattr__
fz = Frozen(3)
try:
    fz.v = 4
except AttributeError as e:
    print(type(e).__name__, e)
print(fz.v)
