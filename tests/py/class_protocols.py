class Rec(dict):
    def __setitem__(self, k, v):
        print("ns set", k)
        super().__setitem__(k, v)
class Meta(type):
    @classmethod
    def __prepare__(mcs, name, bases): return Rec()
    def __new__(mcs, name, bases, ns): return super().__new__(mcs, name, bases, dict(ns))
class C(metaclass=Meta):
    a = 1
    def f(self): return self.a
print(C().f())
class D:
    def __set_name__(self, owner, name): print("set_name", owner.__name__, name)
T = type("T", (), {"d": D()})
class Base:
    def __init_subclass__(cls, /, **kw):
        super().__init_subclass__()
        print("sub", cls.__name__, kw)
class S(Base, k=2): pass
class G:
    def __class_getitem__(cls, item): return (cls.__name__, item)
print(G[int, str])
import sys
mod = type(sys)("dyn")
mod.__getattr__ = lambda name: "lazy " + name
print(mod.anything)
class W:
    def __getattribute__(self, n):
        if n == "x": raise AttributeError("nope")
        return super().__getattribute__(n)
    def __getattr__(self, n): return "fallback " + n
print(W().x, W().y)
class V:
    def __init__(self): self.__priv = 1
    def get(self): return self.__priv
print(V().get(), V()._V__priv)
class Cnt:
    n = 0
    def __new__(cls, *a):
        cls.n += 1
        return super().__new__(cls)
    def __init__(self, v): self.v = v
Cnt(1); Cnt(2)
print(Cnt.n)
class Frozen:
    def __setattr__(self, k, v): raise AttributeError("frozen")
try:
    Frozen().x = 1
except AttributeError as e: print(e)
class NoInit: pass
try: NoInit(1)
except TypeError as e: print(e)
class Call:
    def __call__(self, x): return x + 1
print(Call()(1), callable(Call()))
print(issubclass(C, object), C.__class__.__name__, type(C).__mro__[1].__name__)
class E(Exception):
    def __init__(self, a, b):
        super().__init__(a)
        self.b = b
try: raise E(1, 2)
except E as e: print(e.args, e.b, str(e))
class Abs:
    def __abs__(self): return "abs!"
print(abs(Abs()))
class Idx:
    def __index__(self): return 2
print([0, 1, 2, 3][Idx()], range(10)[Idx()], "abc"[Idx()])
