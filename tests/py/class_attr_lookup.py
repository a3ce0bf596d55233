# Class and instance attributes: class attributes shared until shadowed,
# mutable class attributes, __dict__ contents of class and instance,
# __doc__/__module__/__qualname__/__name__, class attributes referenced
# from methods via self/type(self)/class name, deleting attributes, and
# AttributeError messages for classes and instances.
class Base:
    """Base docstring."""
    shared = []
    count = 0
    def __init__(self, name):
        self.name = name
        type(self).count += 1
    def add(self, item):
        self.shared.append(item)
    def describe(self):
        return f"{self.name} ({type(self).__name__}, count={self.count})"
class Child(Base):
    count = 100
a, b = Base("a"), Base("b")
c = Child("c")
a.add(1)
c.add(2)
print(Base.shared, Child.shared is Base.shared, Base.count, Child.count, a.describe(), c.describe())
a.count = "instance"
print(a.count, Base.count, b.count, "count" in vars(a), "count" in vars(b))
del a.count
print(a.count)
try:
    del a.count
except AttributeError as e:
    print(type(e).__name__, e)
try:
    del Base.nothing
except AttributeError as e:
    print(type(e).__name__, e)
try:
    Base.nothing
except AttributeError as e:
    print(type(e).__name__, e)
try:
    a.nothing
except AttributeError as e:
    print(type(e).__name__, e)
print(Base.__doc__, Child.__doc__, Base.__name__, Base.__qualname__, Base.__module__, Child.__bases__, Base.__base__)
print(sorted(k for k in Base.__dict__ if not k.startswith("__")), sorted(vars(c)), type(Base.__dict__).__name__)
class Outer:
    class Inner:
        class Deepest:
            pass
    def method(self):
        class Local:
            pass
        return Local
print(Outer.Inner.__qualname__, Outer.Inner.Deepest.__qualname__, Outer().method().__qualname__, Outer.method.__qualname__)
Base.added_later = "late"
print(a.added_later, c.added_later)
Child.added_later = "child override"
print(a.added_later, c.added_later)
del Child.added_later
print(c.added_later)
def external(self):
    return "external " + self.name
Base.ext = external
print(a.ext(), c.ext(), Base.ext(b), Base.ext.__name__)
class Counter:
    instances = 0
    def __init__(self):
        Counter.instances += 1
        self.id = Counter.instances
print([Counter().id for _ in range(3)], Counter.instances)
class WithDoc:
    "single-quoted doc"
    x: int = 5
    y: "str"
print(WithDoc.__doc__, WithDoc.__annotations__, WithDoc.x, hasattr(WithDoc, "y"))
class NoDoc:
    pass
print(NoDoc.__doc__, NoDoc().__class__ is NoDoc, NoDoc.__class__, NoDoc.__dict__.get("__weakref__") is not None)
try:
    NoDoc.__dict__["x"] = 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    Base.__name__ = 5
except TypeError as e:
    print(type(e).__name__, e)
Base.__name__ = "Renamed"
print(Base.__name__, Base.__qualname__, repr(Base)[-9:], a.describe())
setattr(Base, "dyn", 42)
print(getattr(c, "dyn"), vars(Base).get("dyn"), "dyn" in dir(c))
