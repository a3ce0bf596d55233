# property: getter/setter/deleter chains, docs, inheritance and override,
# read-only and delete-only errors, property objects used directly.

class Temp:
    def __init__(self):
        self._c = 0.0
    @property
    def celsius(self):
        "temperature in C"
        return self._c
    @celsius.setter
    def celsius(self, v):
        if v < -273.15:
            raise ValueError("below absolute zero: %r" % v)
        self._c = v
    @celsius.deleter
    def celsius(self):
        print("deleting celsius")
        self._c = 0.0
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32
    @fahrenheit.setter
    def fahrenheit(self, v):
        self.celsius = (v - 32) * 5 / 9

t = Temp()
t.celsius = 100
print(t.celsius, t.fahrenheit)
t.fahrenheit = 32
print(t.celsius)
try:
    t.celsius = -300
except ValueError as e:
    print(type(e).__name__, e)
del t.celsius
print(t.celsius, Temp.celsius.__doc__)
try:
    del t.fahrenheit
except AttributeError as e:
    print(type(e).__name__, e)

class RO:
    @property
    def value(self):
        return 1
    only_del = property(None, None, lambda self: print("only_del deleted"))
r = RO()
try:
    r.value = 2
except AttributeError as e:
    print(type(e).__name__, e)
try:
    r.only_del
except AttributeError as e:
    print(type(e).__name__, e)
try:
    r.only_del = 3
except AttributeError as e:
    print(type(e).__name__, e)
del r.only_del

p = property(lambda s: "got", doc="documented")
print(p.__doc__, p.fget is not None, p.fset, p.fdel)
p2 = p.setter(lambda s, v: None)
print(p2 is p, p2.__doc__, p2.fset is not None)
print(isinstance(p, property), type(p).__name__)

class Base:
    @property
    def name(self):
        return "base"
class Child(Base):
    @Base.name.getter
    def name(self):
        return "child+" + Base.name.fget(self)
    @Base.name.setter
    def name(self, v):
        print("child set", v)
c = Child()
print(c.name, Base().name)
c.name = "x"
try:
    Base().name = "y"
except AttributeError as e:
    print(type(e).__name__, e)

# A property's getter raising AttributeError falls back to __getattr__.
class Fallback:
    @property
    def broken(self):
        raise AttributeError("inner problem")
    def __getattr__(self, name):
        return "fallback for " + name
print(Fallback().broken)

# Subclassing property.
class loud(property):
    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        return "loud:" + str(super().__get__(obj, owner))
class L:
    x = loud(lambda self: 5)
print(L().x, type(L.x).__name__)

# Property docstring taken from the getter.
class D:
    @property
    def documented(self):
        """getter doc"""
        return 0
print(D.documented.__doc__)
print(property().__doc__ is None or True)
try:
    property(1)(None)
except TypeError as e:
    print(type(e).__name__, e)
pp = property()
try:
    pp.__get__(object())
except AttributeError as e:
    print(type(e).__name__, e)
print(pp.__get__(None, object) is pp)
