class P:
    def __init__(self):
        self.a = 1
p = P()
print(p.__reduce_ex__(2)[0].__name__ if hasattr(p.__reduce_ex__(2)[0], "__name__") else "?", p.__getstate__())
print(format(p, "") == str(p), object.__format__(5, ""), p.__sizeof__() > 0, sorted(p.__dir__())[:3])
try:
    format(p, "x")
except TypeError as e:
    print(e)
print(object.__eq__(p, p), object.__eq__(p, 1), object.__ne__(p, 1), p.__hash__() == hash(p))
print(object.__repr__(p).startswith("<__main__.P object at"), object.__str__(p) == repr(p))
print(P.__init__ is not object.__init__, object.__init_subclass__(), P.__class__)
print(p.__class__ is P, type(object.__dict__["__init__"]).__name__, type(P.__dict__["__init__"]).__name__)
print(object.__getattribute__(p, "a"), object.__setattr__(p, "b", 2), p.b)
print(object.__lt__(p, p), P.__eq__ is object.__eq__)
class S:
    __slots__ = ("x",)
s = S()
s.x = 3
print(s.__getstate__())
import copy
c = copy.copy(p)
print(c.a, c is not p, copy.deepcopy([1, [2]]))
