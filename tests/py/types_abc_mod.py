# types and abc: SimpleNamespace, MappingProxyType, new_class/prepare_class,
# FunctionType/MethodType, DynamicClassAttribute-free basics; abc's
# ABCMeta, abstractmethod/abstractproperty combos, register, subclasshook.
import types
import abc

ns = types.SimpleNamespace(a=1, b="two")
ns.c = [3]
print(ns, ns.a, vars(ns), ns == types.SimpleNamespace(a=1, b="two", c=[3]))
del ns.a
print(ns, hasattr(ns, "a"))
print(repr(types.SimpleNamespace()), types.SimpleNamespace(**{"x y": 1}))
try:
    types.SimpleNamespace(1)
except TypeError as e:
    print(type(e).__name__, e)

d = {"k": 1}
mp = types.MappingProxyType(d)
print(mp["k"], len(mp), list(mp), "k" in mp, mp.get("z", 0), dict(mp.items()), repr(mp))
d["new"] = 2
print(mp["new"], mp.copy(), type(mp.copy()).__name__, mp | {"x": 9})
for bad in (lambda: mp.__setitem__("a", 1), lambda: mp.pop("k"), lambda: types.MappingProxyType([1])):
    try:
        bad()
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
print(type(int.__dict__).__name__, int.__dict__["real"].__class__.__name__)

def f(x, y=2):
    return x + y
g = types.FunctionType(f.__code__, {"__builtins__": __builtins__}, "renamed", (10,))
print(g.__name__, g(1))
class K:
    pass
k = K()
m = types.MethodType(lambda self, v: (type(self).__name__, v), k)
print(m(5), m.__self__ is k, type(m).__name__)
C = types.new_class("C", (K,), {}, lambda ns: ns.update(attr=7))
print(C.__name__, C.attr, C.__mro__[1].__name__, isinstance(C(), K))
meta, ns2, kwds = types.prepare_class("D", (), {"metaclass": type})
print(meta, ns2, kwds)
print(types.resolve_bases((K, int)), types.NoneType, types.EllipsisType, types.NotImplementedType)
print(isinstance(f, types.FunctionType), isinstance(len, types.BuiltinFunctionType), isinstance(types, types.ModuleType))
print(isinstance((x for x in ()), types.GeneratorType), isinstance(f.__code__, types.CodeType))

class Shape(abc.ABC):
    @abc.abstractmethod
    def area(self):
        ...
    @property
    @abc.abstractmethod
    def name(self):
        ...
    def describe(self):
        return "%s with area %s" % (self.name, self.area())
try:
    Shape()
except TypeError as e:
    print(type(e).__name__, e)
class Half(Shape):
    def area(self):
        return 1
try:
    Half()
except TypeError as e:
    print(type(e).__name__, e)
class Square(Half):
    @property
    def name(self):
        return "square"
print(Square().describe(), sorted(Shape.__abstractmethods__), Square.__abstractmethods__)

class Cmeta(metaclass=abc.ABCMeta):
    @classmethod
    @abc.abstractmethod
    def make(cls):
        ...
    @staticmethod
    @abc.abstractmethod
    def util():
        ...
print(sorted(Cmeta.__abstractmethods__))

class Duck(abc.ABC):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Duck:
            return any("quack" in B.__dict__ for B in C.__mro__)
        return NotImplemented
class Mallard:
    def quack(self):
        pass
print(issubclass(Mallard, Duck), isinstance(Mallard(), Duck), issubclass(int, Duck))
class Registered:
    pass
Shape.register(Registered)
print(issubclass(Registered, Shape), isinstance(Registered(), Shape), Registered.__mro__[-1].__name__)
@Duck.register
class Robot:
    pass
print(issubclass(Robot, Duck), Robot.__name__)
try:
    Shape.register(5)
except TypeError as e:
    print(type(e).__name__, e)
print(abc.get_cache_token() is not None, type(Shape).__name__, isinstance(Shape, abc.ABCMeta))
def dyn():
    pass
class Later(abc.ABC):
    @abc.abstractmethod
    def m(self):
        pass
Later.m = lambda self: 1
print(sorted(Later.__abstractmethods__))
abc.update_abstractmethods(Later)
print(sorted(Later.__abstractmethods__), Later().m())
