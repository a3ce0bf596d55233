class C:
    x = 1
    def f(self): pass
print(C.__name__, C.__qualname__, C.__module__, "f" in C.__dict__, C.__dict__["x"])
C.y = 2
print(C.y, C().y)
del C.y
print(hasattr(C, "y"))
class Outer:
    class Inner:
        def m(self): pass
print(Outer.Inner.__qualname__, Outer.Inner.m.__qualname__)
try:
    C.__dict__["z"] = 1
except TypeError as e:
    print(e)
C.__name__ = "Renamed"
print(C.__name__, C.__qualname__)
try:
    int.x = 1
except TypeError as e:
    print(e)
try:
    C.__dict__ = {}
except (AttributeError, TypeError) as e:
    print(type(e).__name__)
C.__doc__ = "doc"
print(C.__doc__)
def method(self): return "added"
C.added = method
print(C().added())
print(sorted(k for k in vars(C) if not k.startswith("__")))
