# deque, defaultdict and the rest of _collections, through collections.
from _collections import deque, defaultdict, _count_elements

def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
print(d, len(d), d[0], d[-1], 2 in d, 9 in d, list(d), not d, not deque())
for n in [2, -3, 0, 5, 7, -12]:
    d.rotate(n)
    print("rotate", n, d)
d.rotate()
print(d, d.pop(), d.popleft(), d)
d.extend('ab')
d.extendleft('xy')
print(d)
b = deque(range(10), maxlen=3)
print(b, b.maxlen)
b.append(10)
b.appendleft(-1)
print(b)
b.extend(range(5))
print(b)
b.extendleft('ab')
print(b, deque(maxlen=0), deque('abc', 0))
z = deque(maxlen=0)
z.append(1)
print(z, deque().maxlen)
for name, args in [("count", (2,)), ("index", (2,)), ("index", (2, 2)), ("index", (9,)), ("remove", (2,)),
                   ("remove", (9,)), ("insert", (1, 'i')), ("insert", (-1, 'j')), ("insert", (99, 'k')),
                   ("reverse", ()), ("copy", ()), ("clear", ()), ("pop", ()), ("popleft", ())]:
    q = deque([1, 2, 3, 2])
    show((name, args), lambda: (getattr(q, name)(*args), q))
show("pop empty", lambda: deque().pop())
show("popleft empty", lambda: deque().popleft())
show("insert full", lambda: deque([1], 1).insert(0, 2))
show("bad maxlen", lambda: deque([], -1))
show("slice", lambda: deque([1])[0:1])
show("index range", lambda: deque([1])[5])
q = deque([1, 2, 3])
del q[1]
q[0] = 'z'
q += [7]
print(q, q + deque([8]), q * 2, 2 * deque([0]), deque([1, 2]) == deque([1, 2]), deque([1]) < deque([2]), deque([1]) == [1])
q *= 0
print(q)
x = deque([1])
x.append(x)
print(x)
it = iter(deque([1, 2]))
print(next(it), list(reversed(deque([1, 2, 3]))))
q = deque([1, 2])
it = iter(q)
q.append(3)
show("mutated", lambda: next(it))
big = deque()
for i in range(1000):
    big.append(i)
    if i % 3 == 0:
        big.popleft()
print(len(big), big[0], big[-1], sum(big), big[500])
class D(deque):
    pass
q = D([1, 2])
q.extra = 5
print(q, q.extra, type(q.copy()).__name__, D('ab', 1))

dd = defaultdict(list)
dd['a'].append(1)
dd['b']
print(dd, dd.default_factory, dict(dd), 'c' in dd, dd.get('c'))
di = defaultdict(lambda: 0, a=3)
di['z'] += 1
print(sorted(di.items()), type(di.copy()).__name__, di.copy() == di)
print(defaultdict(), defaultdict(None, {1: 2}), defaultdict(list).default_factory)
show("no factory", lambda: defaultdict()['x'])
show("bad factory", lambda: defaultdict(5))
dd = defaultdict(set)
dd.default_factory = list
dd[1].append(2)
print(dd, isinstance(dd, dict))
c = {}
_count_elements(c, 'abracadabra')
print(c)

