# list: methods, slicing with steps, operators, sort, errors.
def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

base = list(range(10))
for key in [slice(None), slice(2, 8), slice(None, None, 2), slice(None, None, -1),
            slice(8, 2, -2), slice(-3, None), slice(-100, 100), slice(5, 1), slice(1, 9, 3),
            slice(None, None, -3), slice(100, None, -1)]:
    show(("get", key.start, key.stop, key.step), lambda: base[key])

for key, value in [(slice(2, 5), ['a']), (slice(2, 2), ['x', 'y']), (slice(None), []),
                   (slice(None, None, 2), 'abcde'), (slice(None, None, -2), 'ABCDE'),
                   (slice(1, 3), range(5)), (slice(None, None, 3), [1]),
                   (slice(8, 2, -1), ()), (slice(0, 1), 5)]:
    l = list(range(10))
    def f():
        l[key] = value
        return l
    show(("set", key.start, key.stop, key.step), f)

for key in [slice(None, None, 2), slice(None, None, -3), slice(1, 7), slice(7, 1, -2),
            slice(None), 3, -1, 10]:
    l = list(range(10))
    def f():
        del l[key]
        return l
    show(("del", key), f)

l = [1, 2, 3]
l[:] = l
print(l)
l[1:1] = l
print(l)

for name, args in [("append", (4,)), ("extend", ("xy",)), ("insert", (0, 'a')),
                   ("insert", (-1, 'b')), ("insert", (100, 'c')), ("insert", (-100, 'd')),
                   ("pop", ()), ("pop", (0,)), ("pop", (-2,)), ("pop", (10,)),
                   ("remove", (2,)), ("remove", (42,)), ("index", (3,)), ("index", (3, 3)),
                   ("index", (1, -4, -1)), ("index", (42,)), ("count", (1,)), ("reverse", ()),
                   ("copy", ()), ("clear", ())]:
    l = [1, 2, 3, 1, 2, 3]
    show((name, args), lambda: (getattr(l, name)(*args), l))

show("pop empty", lambda: [].pop())
show("add", lambda: [1, 2] + [3])
show("add bad", lambda: [1] + (2,))
show("mul", lambda: [1, 2] * 3)
show("rmul", lambda: 2 * [0])
show("mul neg", lambda: [1] * -1)
show("mul bad", lambda: [1] * 2.0)
l = [1]
l += (2, 3)
l *= 2
print(l)
def iadd_bad():
    x = [1]
    x += 5
show("iadd bad", iadd_bad)
show("cmp", lambda: ([1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 9], [1, 2] == [1, 2], [] != [], [1] <= [1]))
show("cmp mixed", lambda: [1] < [None])
show("contains", lambda: (2 in [1, 2], 5 in [1, 2]))
key = "x"
show("index type", lambda: [1][key])
show("index range", lambda: [1][5])
show("assign range", lambda: [1].__setitem__(5, 0))
show("ext slice size", lambda: [1, 2, 3].__setitem__(slice(None, None, 2), [1]))

a = [1, 2]
a.append(a)
print(a, repr([[]]), str([1, 'a', None, (1,)]))
d = {'k': a}
print(d)

# sort
print(sorted([3, 1, 2]), sorted([3, 1, 2], reverse=True), sorted("banana"))
print(sorted([(1, 'b'), (1, 'a'), (0, 'z')]), sorted([2.5, -1, 3, 0.0]))
words = "the quick brown fox jumps over the lazy dog".split()
print(sorted(words, key=len), sorted(words, key=len, reverse=True))
print(sorted(words, key=str.upper))
data = [(i % 7, i) for i in range(60)]
print(sorted(data, key=lambda p: p[0]) == sorted(data, key=lambda p: p[0]))
print([p[1] for p in sorted(data, key=lambda p: p[0])][:20])
print([p[1] for p in sorted(data, key=lambda p: p[0], reverse=True)][:20])
for n in [0, 1, 2, 5, 31, 32, 33, 64, 100, 257, 1000]:
    xs = [(i * 7919) % 1009 for i in range(n)]
    ys = sorted(xs)
    ok = all(ys[i] <= ys[i + 1] for i in range(len(ys) - 1))
    zs = sorted(xs, reverse=True)
    print(n, ok, ys[:3], zs[:3], sorted(ys) == ys, sorted(zs) == ys)
runs = list(range(50)) + list(range(50, 0, -1)) + [5] * 10 + list(range(30))
print(sorted(runs)[::17])
show("sort mixed", lambda: sorted([1, 'a', 2]))
show("sort positional", lambda: [].sort(None))
show("sort bad kw", lambda: [].sort(foo=1))
l = [3, 2, 1]
def bad_key(x):
    l.append(x)
    return x
show("modified", lambda: l.sort(key=bad_key))
print(l)
def key_err(x):
    if x == 2:
        raise KeyError(x)
    return x
l = [3, 2, 1]
show("key error", lambda: l.sort(key=key_err))
print(sorted(l))
class Rev:
    def __init__(self, v): self.v = v
    def __lt__(self, other): return self.v > other.v
    def __repr__(self): return 'R%d' % self.v
print(sorted([Rev(1), Rev(3), Rev(2)]))
print(list(reversed([1, 2, 3])), [1, 2, 3].__reversed__().__length_hint__())
it = iter([1, 2])
print(next(it), next(it), next(it, 'end'), next(it, 'end'))
print(list[int], list[int].__origin__, list[int].__args__, list[int]([1, 2]))

class L(list):
    def __getitem__(self, i):
        return ('L', list.__getitem__(self, i))
x = L([1, 2, 3])
print(x[0], len(x), x + [4], type(x[:]), isinstance(x, list), x == [1, 2, 3])
print(list('abc'), list(()), list({1: 2}), list(range(3)))
