# tuple, range, slice.
def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

t = (1, 2, 3, 2, 1)
for label, f in [("slices", lambda: (t[1:3], t[::-1], t[::2], t[-2:], t[10:], t[:])),
                 ("index", lambda: (t.index(2), t.index(2, 2), t.index(1, -1))),
                 ("index missing", lambda: t.index(9)), ("count", lambda: (t.count(2), t.count(9))),
                 ("ops", lambda: (t + (4,), t * 2, 2 * (0,), () * 5, (1,) * -1)),
                 ("add bad", lambda: t + [1]), ("cmp", lambda: ((1, 2) < (1, 3), (1,) < (1, 0), (2,) > (1, 5), (1, 2) == (1, 2))),
                 ("repr", lambda: ((), (1,), (1, 'a'), ((),))), ("hash", lambda: (hash(()), hash((1,)), hash((1, 2)), hash((7, (-1, 2.5))))),
                 ("unhashable", lambda: hash((1, []))), ("getitem", lambda: t[5]), ("getitem type", lambda: t['a']),
                 ("contains", lambda: (2 in t, 9 in t)), ("tuple()", lambda: (tuple(), tuple('ab'), tuple([1]), tuple(range(3)))),
                 ("generic", lambda: (tuple[int, str], tuple[int, ...]))]:
    show(label, f)

class P(tuple):
    def total(self):
        return sum(self)
p = P([1, 2, 3])
print(p, p.total(), p[1], p[1:], len(p), p == (1, 2, 3), hash(p) == hash((1, 2, 3)), p + (4,), p * 2)
print(isinstance(p, tuple), type(p[1:]), list(p), p.count(1), p.index(3), 2 in p)
class Pair(tuple):
    def __new__(cls, a, b):
        return tuple.__new__(cls, (a, b))
    def __repr__(self):
        return 'Pair' + tuple.__repr__(self)
print(Pair(1, 2), Pair(1, 2)[0])

r = range(0, 20, 3)
for label, f in [("basic", lambda: (r, len(r), r[0], r[-1], list(r))),
                 ("slices", lambda: (r[1:4], r[::-1], r[::2], r[10:], r[-3:], list(r[::-2]))),
                 ("attrs", lambda: (r.start, r.stop, r.step)),
                 ("search", lambda: (r.index(9), r.count(9), r.count(10), 9 in r, 10 in r, 9.0 in r)),
                 ("index missing", lambda: r.index(10)),
                 ("reversed", lambda: (list(reversed(range(5))), list(reversed(range(0, 10, 4))), list(reversed(range(0))))),
                 ("eq", lambda: (range(0) == range(5, 5), range(0, 3, 2) == range(0, 4, 2), range(1) == range(1, 2, 9), range(3) == [0, 1, 2])),
                 ("hash", lambda: (hash(range(0)) == hash(range(3, 3)), hash(range(1, 2)) == hash(range(1, 3, 5)))),
                 ("truth", lambda: (not range(0), not range(2))),
                 ("neg", lambda: (list(range(5, -5, -3)), range(-5, 5)[::3], range(5)[-100:100], range(10)[3:1])),
                 ("zero step", lambda: range(1, 2, 0)), ("bad arg", lambda: range(1.5)), ("args", lambda: range()),
                 ("index error", lambda: range(3)[3]), ("float index", lambda: range(3)[1.0])]:
    show(label, f)
big = range(10**20, 10**20 + 5)
print(big, len(big), big[2], list(big)[:2], 10**20 + 3 in big, big[::2], list(reversed(big))[:2], big.index(10**20 + 4))
huge = range(10**30)
show("huge len", lambda: len(huge))
print(huge[-1], huge[10**29:10**29 + 3], 10**29 in huge, huge.count(5))

s = slice(1, 10, 2)
for label, f in [("attrs", lambda: (s, s.start, s.stop, s.step)),
                 ("indices", lambda: (s.indices(5), slice(None).indices(3), slice(-100, 100, -3).indices(10), slice(None, None, -1).indices(4))),
                 ("big indices", lambda: slice(10**20, None, 3).indices(10**25)),
                 ("ctor", lambda: (slice(5), slice(1, 2), slice(1, 2, None))),
                 ("cmp", lambda: (slice(1, 2) == slice(1, 2), slice(1, 2) < slice(1, 3), slice(1) != slice(2))),
                 ("zero step", lambda: slice(0, 1, 0).indices(3)), ("neg len", lambda: slice(1).indices(-1)),
                 ("hash", lambda: hash(slice(1)))]:
    show(label, f)
print([0, 1, 2, 3, 4][slice(1, None, 2)], 'abcdef'[slice(None, None, -2)])
