class P:
    __slots__ = ("x", "y")
    def __init__(self, x): self.x = x
p = P(1)
print(p.x, hasattr(p, "y"), hasattr(p, "__dict__"))
try:
    p.z = 3
except AttributeError as e:
    print(e)
try:
    p.y
except AttributeError as e:
    print(e)
p.y = 2
print(p.y)
del p.y
print(hasattr(p, "y"))
class Q(P):
    pass
q = Q(1)
q.z = 5
print(q.z, q.__dict__)
class R(P):
    __slots__ = ("w",)
r = R(2)
r.w = 3
print(r.x, r.w, R.__slots__)
class D:
    __slots__ = ("__dict__", "a")
d = D()
d.a = 1
d.b = 2
print(d.a, d.b, d.__dict__)
class S:
    __slots__ = "single"
s = S()
s.single = 1
print(s.single)
