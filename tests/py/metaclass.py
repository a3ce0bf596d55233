class Meta(type):
    @classmethod
    def __prepare__(mcs, name, bases, **kw):
        print("prepare", name, kw)
        return {"injected": 1}
    def __new__(mcs, name, bases, ns, **kw):
        print("new", name, sorted(k for k in ns if not k.startswith("__")))
        return super().__new__(mcs, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        print("init", name)
        super().__init__(name, bases, ns)
    def __call__(cls, *a, **k):
        print("call", cls.__name__, a)
        return super().__call__(*a, **k)
class C(metaclass=Meta, flag=True):
    def m(self): return self.injected
c = C()
print(type(C).__name__, c.m(), isinstance(C, Meta))
class D(C):
    pass
print(type(D).__name__)
Dyn = type("Dyn", (object,), {"x": 5, "f": lambda self: self.x * 2})
print(Dyn().f(), Dyn.__name__, type(Dyn))
class Singleton(type):
    inst = {}
    def __call__(cls, *a):
        if cls not in cls.inst:
            cls.inst[cls] = super().__call__(*a)
        return cls.inst[cls]
class One(metaclass=Singleton):
    pass
print(One() is One())
class MA(type): pass
class MB(type): pass
class XA(metaclass=MA): pass
class XB(metaclass=MB): pass
try:
    class XC(XA, XB): pass
except TypeError as e:
    print(e)
print(type(type), type(object), isinstance(type, object), type.__mro__)
try:
    type("a")
except TypeError as e:
    print(e)
print(type(1), type("a").__name__)
