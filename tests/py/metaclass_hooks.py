# Metaclasses: __prepare__ with a custom namespace, __new__/__init__ order
# and arguments, class keywords, __call__ overriding instantiation,
# metaclass inheritance and conflicts, __init_subclass__ with keywords,
# __set_name__ order, __class_getitem__, and __mro_entries__.
log = []

class OrderedNS(dict):
    def __setitem__(self, k, v):
        if not k.startswith("__"):
            log.append(("ns set", k))
        super().__setitem__(k, v)

class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        log.append(("prepare", name, sorted(kw)))
        return OrderedNS()
    def __new__(mcls, name, bases, ns, **kw):
        log.append(("new", name, type(ns).__name__, sorted(kw)))
        cls = super().__new__(mcls, name, bases, dict(ns))
        cls.options = kw
        return cls
    def __init__(cls, name, bases, ns, **kw):
        log.append(("init", name))
        super().__init__(name, bases, ns)
    def __call__(cls, *args, **kwargs):
        log.append(("call", cls.__name__, args))
        return super().__call__(*args, **kwargs)

class Base(metaclass=Meta, flag=True, level=3):
    x = 1
    def method(self):
        return "m"
print(log, Base.options, type(Base).__name__)
log.clear()
b = Base()
class Child(Base, level=5):
    y = 2
print(log, Child.options, type(Child) is Meta)

class Singleton(type):
    _instances = {}
    def __call__(cls, *a):
        if cls not in cls._instances:
            cls._instances[cls] = super().__call__(*a)
        return cls._instances[cls]
class Config(metaclass=Singleton):
    def __init__(self, v=0):
        self.v = v
print(Config(1) is Config(2), Config().v)

class M1(type):
    pass
class M2(type):
    pass
class A(metaclass=M1):
    pass
class B(metaclass=M2):
    pass
try:
    class C(A, B):
        pass
except TypeError as e:
    print(type(e).__name__, e)
class M3(M1, M2):
    pass
class D(A, B, metaclass=M3):
    pass
print(type(D).__name__)
class E(A):
    pass
print(type(E).__name__)
try:
    class F(metaclass=5):
        pass
except TypeError as e:
    print(type(e).__name__, e)
def func_meta(name, bases, ns):
    return "not a class: " + name
class G(metaclass=func_meta):
    pass
print(G)

class Plugin:
    registry = []
    def __init_subclass__(cls, /, name=None, **kw):
        super().__init_subclass__(**kw)
        cls.plugin_name = name or cls.__name__.lower()
        Plugin.registry.append(cls.plugin_name)
class Alpha(Plugin, name="alpha-plugin"):
    pass
class Beta(Plugin):
    pass
class Gamma(Beta, name="g"):
    pass
print(Plugin.registry, Gamma.plugin_name)
try:
    class Bad(Plugin, unknown=1):
        pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    class Bad2(object, unknown=1):
        pass
except TypeError as e:
    print(type(e).__name__, e)

class Field:
    def __set_name__(self, owner, name):
        log.append(("set_name", owner.__name__, name))
        self.name = name
log.clear()
class Model:
    a = Field()
    b = Field()
    def __init_subclass__(cls):
        log.append(("init_subclass", cls.__name__))
class Sub(Model):
    c = Field()
print(log)
class BadSetName:
    def __set_name__(self, owner, name):
        raise ValueError("set_name failed for " + name)
try:
    class Holder:
        attr = BadSetName()
except Exception as e:
    print(type(e).__name__, e, type(e.__cause__).__name__ if e.__cause__ else None)

class Generic:
    def __class_getitem__(cls, item):
        return (cls.__name__, item)
print(Generic[int], Generic[int, str], Generic["x"])
try:
    Model[int]
except TypeError as e:
    print(type(e).__name__, e)

class Wrapper:
    def __mro_entries__(self, bases):
        return (Model,)
class FromWrapper(Wrapper()):
    pass
print(FromWrapper.__mro__[1].__name__, FromWrapper.__orig_bases__[0].__class__.__name__)

class Abstract(type):
    def __instancecheck__(cls, inst):
        return hasattr(inst, "quack")
    def __subclasscheck__(cls, sub):
        return hasattr(sub, "quack")
class Duck(metaclass=Abstract):
    pass
class Q:
    quack = 1
print(isinstance(Q(), Duck), isinstance(1, Duck), issubclass(Q, Duck))
class Repr(type):
    def __repr__(cls):
        return "<custom class %s>" % cls.__name__
    def __len__(cls):
        return 42
    def __getitem__(cls, k):
        return k * 2
class WithRepr(metaclass=Repr):
    pass
print(repr(WithRepr), len(WithRepr), WithRepr[21], str(WithRepr))
print(type(type), type.__class__, isinstance(type, object), isinstance(object, type), type.mro(type))
