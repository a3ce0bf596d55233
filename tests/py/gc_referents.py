import gc, weakref
class Node:
    def __init__(self, name):
        self.name = name
        self.other = None
def make_cycle():
    a, b = Node('a'), Node('b')
    a.other, b.other = b, a
    return weakref.ref(a), weakref.ref(b)
refs = [make_cycle() for _ in range(20)]
for _ in range(3):
    gc.collect()
print(sum(r() is None for pair in refs for r in pair) > 0)
live = Node('live')
r = weakref.ref(live)
gc.collect()
print(r() is live, r().name)
gc.disable()
try:
    data = [[i] * 3 for i in range(10000)]
    print(len(data), gc.isenabled(), gc.collect())
finally:
    gc.enable()
print(gc.isenabled())
# referents of various containers
s = {1, 2, 'z'}
print(sorted(map(repr, gc.get_referents(s))))
fs = frozenset(['q'])
print(gc.get_referents(fs))
class Slotted:
    __slots__ = ('p', 'q')
o = Slotted(); o.p = [1]
print([1] in gc.get_referents(o), Slotted in gc.get_referents(o))
def gen():
    yield 1
g = gen()
print(type(gc.get_referents(g)).__name__, isinstance(gc.get_referents(g), list))
cell_holder = []
def outer():
    x = [42]
    def inner():
        return x
    return inner
fn = outer()
print(any(c.cell_contents == [42] for c in fn.__closure__), fn.__closure__[0] in gc.get_referents(fn.__closure__))
ex = ValueError('boom', [7])
print([7] in gc.get_referents(ex) or any([7] in gc.get_referents(x) for x in gc.get_referents(ex)))
print(gc.get_referents(), gc.get_referrers())
