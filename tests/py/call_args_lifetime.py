# Arguments that only the call itself references: a star-argument built
# from a generator, a keyword dict built in place, a bound method with many
# arguments, map() over more than eight iterables, a struct sequence made
# from a list.  The interpreter copies them into temporary C arrays; under
# GC stress (tests/gcstress) a collection while the callee binds them must
# not free them.
import os


class Box:
    def __init__(self, v):
        self.v = v


def values(*args, **kw):
    return [b.v for b in args] + sorted((k, b.v) for k, b in kw.items())


class Holder:
    def take(self, a, b, c, d, e, f, g, h, i):
        return [x.v for x in (a, b, c, d, e, f, g, h, i)]


total = 0
for k in range(200):
    r = values(*(Box(i * k) for i in range(5)))
    assert r == [i * k for i in range(5)], r
    r = values(**{"x%d" % i: Box(i + k) for i in range(4)})
    assert r == [("x%d" % i, i + k) for i in range(4)], r
    r = Holder().take(*[Box(i) for i in range(9)])
    assert r == list(range(9)), r
    r = list(map(lambda *bs: sum(b.v for b in bs), *[[Box(j + k)] for j in range(10)]))
    assert r == [45 + 10 * k], r
    st = os.stat_result([Box(i).v + k for i in range(10)])
    assert st.st_mode == k and st[9] == 9 + k, st
    total += len(r)
print("ok", total)
