# dict: methods, views, operators, errors.
def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

d = {'a': 1, 'b': 2, 'c': 3}
for name, args in [("get", ('a',)), ("get", ('z',)), ("get", ('z', 0)), ("setdefault", ('a', 9)),
                   ("setdefault", ('z', 9)), ("setdefault", ('y',)), ("pop", ('a',)),
                   ("pop", ('z',)), ("pop", ('z', 'dflt')), ("popitem", ()),
                   ("update", ({'a': 0, 'q': 5},)), ("update", ([('x', 1), ('y', 2)],)),
                   ("copy", ()), ("clear", ()), ("keys", ()), ("values", ()), ("items", ())]:
    e = dict(d)
    show((name, args), lambda: (getattr(e, name)(*args), e))
e = dict(d)
e.update(k=1, a=5)
print(e)
e.update([('z', 0)], w=1)
print(e)
show("update bad", lambda: {}.update([1]))
show("update bad len", lambda: {}.update([(1, 2, 3)]))
show("dict kw", lambda: dict(one=1, two=2))
show("dict pairs", lambda: dict([(1, 2), [3, 4], 'ab']))
show("fromkeys", lambda: (dict.fromkeys('abc'), dict.fromkeys(range(3), 0)))
show("popitem empty", lambda: {}.popitem())
e = {i: i * i for i in range(6)}
print([e.popitem() for _ in range(3)], e)
e[10] = 1
print(e, list(reversed(e)), list(reversed(e.items())), list(reversed(e.values())))
show("or", lambda: {1: 1, 2: 2} | {2: 'b', 3: 'c'})
show("or bad", lambda: {1: 1} | [(2, 2)])
e = {1: 1}
e |= [(2, 2)]
e |= {3: 3}
print(e)
show("missing key", lambda: {}['nope'])
show("unhashable", lambda: {[]: 1})
show("eq", lambda: ({1: 2} == {1: 2}, {1: 2} == {1: 3}, {1: 2} != {2: 1}, {} == {}))
show("lt", lambda: {} < {})

ks = {'a': 1, 'b': 2, 'c': 3}.keys()
its = {'a': 1, 'b': 2}.items()
for label, f in [("k&", lambda: sorted(ks & {'a', 'z'})), ("k|", lambda: sorted(ks | {'z'})), ("k-", lambda: sorted(ks - {'a'})),
                 ("k^", lambda: sorted(ks ^ {'a', 'z'})), ("r&", lambda: sorted({'a', 'q'} & ks)),
                 ("r-", lambda: sorted(['a', 'x'] - ks)), ("i&", lambda: sorted(its & {('a', 1), ('b', 3)})),
                 ("i|", lambda: sorted(its | {('z', 0)})), ("k==", lambda: ks == {'a', 'b', 'c'}),
                 ("k<", lambda: ks < {'a', 'b', 'c', 'd'}), ("k>=", lambda: ks >= {'a'}),
                 ("i==", lambda: its == {('a', 1), ('b', 2)}), ("disj", lambda: ks.isdisjoint(['x'])),
                 ("disj2", lambda: ks.isdisjoint({'a': 0})), ("in", lambda: ('a' in ks, ('a', 1) in its, ('a', 2) in its, 2 in {1: 2}.values())),
                 ("len", lambda: (len(ks), len(its))), ("mapping", lambda: ks.mapping),
                 ("vals==", lambda: {1: 2}.values() == {1: 2}.values()),
                 ("repr", lambda: (ks, its, {1: 2}.values()))]:
    show(label, f)

d = {1: 1, 2: 2}
try:
    for k in d:
        d[k + 10] = 0
except RuntimeError as e:
    print("RuntimeError", e)
d = {1: 1, 2: 2}
for k in d:
    d[k] = 'updated'
print(d)
it = iter(d)
del d[1]
try:
    next(it)
except RuntimeError as e:
    print("RuntimeError", e)
try:
    next(it)
except RuntimeError as e:
    print("again RuntimeError", e)

d = {}
d['self'] = d
print(d, repr({'a': [1, {2: 3}]}))

class Missing(dict):
    def __missing__(self, key):
        return key * 2
m = Missing(a=1)
print(m['a'], m['bb'], m.get('bb'), 'bb' in m, m)

class Counter(dict):
    def __setitem__(self, k, v):
        dict.__setitem__(self, k, v * 10)
c = Counter()
c['x'] = 1
print(c, dict.__getitem__(c, 'x'), dict.__contains__(c, 'x'), dict.__len__(c))

# many keys: growth, deletion, reinsertion keep insertion order
d = {}
for i in range(1000):
    d[i] = i
for i in range(0, 1000, 3):
    del d[i]
for i in range(0, 30, 3):
    d[i] = -i
print(len(d), list(d)[:10], list(d)[-12:], sum(d.values()))
d = {str(i): i for i in range(100)}
print(all(d[str(i)] == i for i in range(100)), len(d))
print(dict[str, int], {1: 2}.__class_getitem__(int))
print({True: 'a', 1: 'b', 1.0: 'c'}, {0: 'x', False: 'y', 0.0: 'z'})
print(hash((1, 2)) == hash((1, 2)), {(1, 2): 'tuple key'}[(1, 2)])
