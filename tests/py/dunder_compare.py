import functools
class C:
    def __init__(self, v): self.v = v
    def __eq__(self, o): print("eq", self.v); return isinstance(o, C) and self.v == o.v
    def __lt__(self, o): print("lt", self.v); return self.v < o.v
    def __le__(self, o): return self.v <= o.v
    def __gt__(self, o): print("gt", self.v); return self.v > o.v
    def __ge__(self, o): return self.v >= o.v
    __hash__ = None
a, b = C(1), C(2)
print(a == b, a != b, a < b, a > b, a <= b, b >= a)
print(sorted([C(3), C(1), C(2)], key=lambda c: c.v)[0].v)
try:
    hash(a)
except TypeError as e:
    print(e)
class Sub(C):
    def __gt__(self, o): print("Sub.gt"); return True
print(a < Sub(5))
class NoEq:
    pass
x = NoEq()
print(x == x, x != NoEq(), x == 1)
class R:
    def __lt__(self, o): return NotImplemented
try:
    R() < R()
except TypeError as e:
    print(e)
@functools.total_ordering
class TO:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
print(TO(1) <= TO(2), TO(3) > TO(2), TO(1) >= TO(2))
class H:
    def __eq__(self, o): return True
print(H.__hash__)
