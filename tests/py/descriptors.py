class Desc:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, "unset")
    def __set__(self, obj, value):
        setattr(obj, self.name, value)
    def __delete__(self, obj):
        print("delete", self.name)
class NonData:
    def __get__(self, obj, objtype=None):
        return "nondata " + ("class" if obj is None else "inst")
class C:
    d = Desc()
    n = NonData()
c = C()
print(c.d, type(C.d).__name__)
c.d = 5
print(c.d, c.__dict__)
del c.d
print(c.n, C.n)
c.__dict__["n"] = "shadow"
print(c.n)
c.__dict__["d"] = "no shadow"
print(c.d)
class Meth:
    def __init__(self, f): self.f = f
    def __get__(self, obj, t=None):
        return lambda *a: self.f(obj, *a)
class U:
    @Meth
    def m(self, x): return ("m", x)
print(U().m(3))
import types
def plain(self): return "plain"
print(plain.__get__(5)(), types.MethodType(plain, 7)())
class Slotted:
    __slots__ = ("a", "b")
print(type(Slotted.a).__name__)
