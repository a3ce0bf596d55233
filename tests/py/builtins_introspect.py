# vars, dir, getattr/hasattr defaults, isinstance/issubclass with tuples,
# unions and abstract classes, callable, id stability, type() forms, and
# the TypeErrors for wrong arguments.
import types

class Base:
    cls_attr = 1
    def method(self):
        pass
class Child(Base):
    def __init__(self):
        self.inst = 2
c = Child()
print(vars(c), sorted(k for k in vars(Child) if not k.startswith("__")))
print([n for n in dir(c) if not n.startswith("__")])
print("cls_attr" in dir(Child), "inst" in dir(Child), "__init__" in dir(c))
try:
    vars(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    vars(c, c)
except TypeError as e:
    print(type(e).__name__, e)
class CustomDir:
    def __dir__(self):
        return ["b", "a", "c"]
print(dir(CustomDir()))
class BadDir:
    def __dir__(self):
        return 5
try:
    dir(BadDir())
except TypeError as e:
    print(type(e).__name__, e)
mod = types.ModuleType("m")
mod.z = 1
mod.a = 2
print([n for n in dir(mod) if not n.startswith("__")], sorted(vars(mod))[:3])

print(getattr(c, "inst"), getattr(c, "nope", None), getattr(Child, "cls_attr"), hasattr(c, "method"))
print(isinstance(c, Base), isinstance(c, (int, Base)), isinstance(c, (int, (str, Child))))
print(isinstance(1, int | str), isinstance("s", int | None), isinstance(None, int | None))
print(issubclass(Child, Base), issubclass(Child, (int, Base)), issubclass(bool, int | str))
print(issubclass(Base, Base), issubclass(Base, object), isinstance(Base, type), isinstance(type, type))
for args in [(c, 5), (c, (int, 5)), (1, [int]), (Child, "x")]:
    try:
        isinstance(*args)
    except TypeError as e:
        print(type(e).__name__, e)
for args in [(c, Base), (Child, 5), (5, int)]:
    try:
        issubclass(*args)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    isinstance(1, list[int])
except TypeError as e:
    print(type(e).__name__, e)

from collections.abc import Iterable, Sized, Callable, Mapping, Sequence, Hashable
print(isinstance([], Iterable), isinstance(5, Iterable), isinstance({}, Mapping), isinstance("", Sequence))
print(isinstance(len, Callable), isinstance(c, Sized), issubclass(list, Sequence), issubclass(dict, Hashable))
class HasLen:
    def __len__(self):
        return 0
print(isinstance(HasLen(), Sized), issubclass(HasLen, Iterable))

print(callable(len), callable(c), callable(Child), callable(c.method), callable(None), callable(lambda: 0))
class CallMe:
    def __call__(self):
        return "called"
print(callable(CallMe()), CallMe()())
x = object()
print(id(x) == id(x), id(1) == id(1), type(id(x)).__name__)

T = type("T", (Base,), {"extra": 3, "method": lambda self: "overridden"})
print(T.__name__, T.__bases__, T().method(), T.extra, T.cls_attr, type(T).__name__)
print(type(5), type("s"), type(None), type(type), type(T()))
for args in [(), (1, 2), ("N", 5, {}), ("N", (5,), {}), ("N", (), 5)]:
    try:
        type(*args)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    type("X", (), {}, extra=1)
except TypeError as e:
    print(type(e).__name__, e)
print(type.__name__, type(Child).__qualname__, Child.__module__, Child.__qualname__)
def outer():
    class Inner:
        def m(self):
            pass
    return Inner
I = outer()
print(I.__qualname__, I.m.__qualname__, I.__name__)
print(len(dir()) > 5, "c" in dir(), sorted(vars().keys())[:2])
