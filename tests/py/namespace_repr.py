# types.SimpleNamespace: repr, equality, and a namespace that contains
# itself (directly or through a container) shown as namespace(...).
import types

ns = types.SimpleNamespace(a=1, b="x")
print(ns, ns == types.SimpleNamespace(a=1, b="x"), ns != types.SimpleNamespace(a=2))
ns.self = ns
print(repr(ns))


class Point(types.SimpleNamespace):
    pass


p = Point(x=1)
p.history = [p, {"me": p}]
print(repr(p))
deep = types.SimpleNamespace()
cur = deep
for i in range(5):
    cur.child = types.SimpleNamespace(level=i)
    cur = cur.child
print(deep)
