class P:
    def __init__(self): self._x = 0
    x = property(lambda s: s._x, lambda s, v: setattr(s, "_x", v))
p = P(); p.x = 4; print(p.x)
print(property.__name__ if hasattr(property, "__name__") else "", type(P.x).__name__)
class Base:
    def __repr__(self): return f"<{type(self).__name__}>"
class D(Base): pass
print(D(), [D()], str(D()))
def g():
    x = yield
    while True:
        x = yield x * 2
it = g(); next(it); print(it.send(3), it.send(5))
class CM:
    def __enter__(self): print("in"); return self
    def __exit__(self, *a): print("out", a[0]); return True
with CM() as c:
    raise ValueError
print("after")
def f():
    for i in range(3):
        with CM():
            if i == 1:
                return i
print(f())
a = [1, 2, 3]
b = a[:]
b[0] = 9
print(a, b, a is not b)
print({**{"a": 1}, "b": 2, **dict(c=3)})
print([*range(2), *"ab"], (*[1], 2))
first, *middle, last = range(6)
print(first, middle, last)
print(f"{'nested {}'.format(1)}", f"{3:{'>'}{4}}")
class Num:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == getattr(o, "v", o)
    def __hash__(self): return hash(self.v)
print(Num(1) in [Num(1)], Num(2) == 2, {Num(3): "x"}[Num(3)])
try:
    {}.x
except AttributeError as e:
    print(e)
try:
    object.__getattribute__(1, "y")
except AttributeError as e:
    print(e)
try:
    raise TypeError("a") from ValueError("b")
except TypeError as e:
    print(repr(e.__cause__))
x = [i for i in range(5) if i % 2 for _ in range(2)]
print(x)
print(sum(x for x in range(10) if x > 5), max((3, 1), (2, 5)))
def kw(**kw): return kw
print(kw(a=1, **{"b": 2}))
print(type(lambda: 0).__name__, type(print).__name__, type([].append).__name__, type(len).__name__)
print(callable(type), isinstance(type, type), type.__name__)
class Slotted:
    __slots__ = ()
print(hasattr(Slotted(), "__dict__"))
print(int.__name__, int.__qualname__, list.__module__ if hasattr(list, "__module__") else "?")
print((1).__class__, "".__class__.__name__)
import sys
print(sys.getrecursionlimit(), sys.exc_info()[0])
g2 = (i for i in range(3))
print(g2.gi_frame is not None, list(g2), g2.gi_frame)
