# Instance creation: __new__ returning other types (then __init__ is
# skipped), __init__ returning non-None, immutable subclasses set up in
# __new__, object.__new__ argument checks, __class__ assignment,
# __init__ called explicitly, and alternative constructors.
class Tracked:
    def __new__(cls, *args, **kw):
        print("__new__", cls.__name__, args, kw)
        return super().__new__(cls)
    def __init__(self, x, y=0):
        print("__init__", x, y)
        self.x, self.y = x, y
t = Tracked(1, y=2)
print(t.x, t.y)

class Other:
    def __new__(cls):
        return 42
    def __init__(self):
        print("never called")
print(Other(), type(Other()).__name__)

class Sub(Tracked):
    pass
class ReturnsSub:
    def __new__(cls):
        return object.__new__(SubOfReturns)
    def __init__(self):
        print("ReturnsSub.__init__ on", type(self).__name__)
class SubOfReturns(ReturnsSub):
    pass
print(type(ReturnsSub()).__name__)

class BadInit:
    def __init__(self):
        return 5
try:
    BadInit()
except TypeError as e:
    print(type(e).__name__, e)

class Celsius(float):
    def __new__(cls, value):
        return super().__new__(cls, round(value, 1))
    def __repr__(self):
        return "%.1f°C" % self
c = Celsius(21.456)
print(c, c + 1, type(c + 1).__name__, isinstance(c, float))
class Upper(str):
    def __new__(cls, s):
        return super().__new__(cls, s.upper())
print(Upper("abc"), Upper("x") + "y", type(Upper("q")).__name__, Upper("a") == "A")
class Pair(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))
    @property
    def first(self):
        return self[0]
pr = Pair(1, 2)
print(pr, pr.first, len(pr), pr + (3,), type(pr[:1]).__name__)

class NoArgs:
    pass
for args, kw in [((1,), {}), ((), {"a": 1})]:
    try:
        NoArgs(*args, **kw)
    except TypeError as e:
        print(type(e).__name__, e)
class OnlyInit:
    def __init__(self, a):
        self.a = a
print(OnlyInit(1).a)
class OnlyNew:
    def __new__(cls, a):
        return super().__new__(cls)
print(type(OnlyNew(1)).__name__)
try:
    object.__new__(OnlyInit, 1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    object.__new__(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    object.__new__(int)
except TypeError as e:
    print(type(e).__name__, e)

class A:
    def who(self):
        return "A"
class B:
    def who(self):
        return "B"
obj = A()
obj.__class__ = B
print(obj.who(), type(obj).__name__, isinstance(obj, B))
try:
    obj.__class__ = int
except TypeError as e:
    print(type(e).__name__, e)
try:
    (1).__class__ = bool
except TypeError as e:
    print(type(e).__name__, e)

class Date:
    def __init__(self, y, m, d):
        self.y, self.m, self.d = y, m, d
    @classmethod
    def from_string(cls, s):
        return cls(*map(int, s.split("-")))
    def __repr__(self):
        return "%s(%d, %d, %d)" % (type(self).__name__, self.y, self.m, self.d)
class MyDate(Date):
    pass
print(Date.from_string("2024-01-05"), MyDate.from_string("1999-12-31"))
d = Date.__new__(Date)
print(hasattr(d, "y"))
Date.__init__(d, 1, 2, 3)
print(d)
class Counted:
    count = 0
    def __init__(self):
        type(self).count += 1
for _ in range(3):
    Counted()
print(Counted.count)
class Cached:
    _cache = {}
    def __new__(cls, key):
        if key not in cls._cache:
            inst = super().__new__(cls)
            inst.key = key
            cls._cache[key] = inst
        return cls._cache[key]
print(Cached("a") is Cached("a"), Cached("a") is Cached("b"))
