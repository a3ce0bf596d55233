# enumerate, zip, map, filter, reversed, iter() and the iterator protocol.
def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

for label, f in [("enumerate", lambda: (list(enumerate('abc')), list(enumerate('ab', 10)), list(enumerate([], 5)), list(enumerate('a', start=-1)))),
                 ("enumerate big", lambda: list(enumerate('ab', 2**70))),
                 ("zip", lambda: (list(zip()), list(zip('ab', [1, 2, 3])), list(zip('abc', range(3), 'xyz')))),
                 ("zip strict ok", lambda: list(zip('ab', 'cd', strict=True))),
                 ("zip strict short", lambda: list(zip('ab', 'c', strict=True))),
                 ("zip strict long", lambda: list(zip('a', 'cd', strict=True))),
                 ("zip strict 3", lambda: list(zip('ab', 'ab', 'a', strict=True))),
                 ("map", lambda: (list(map(abs, [-1, 2, -3])), list(map(pow, [2, 3], [3, 2, 1])))),
                 ("map err", lambda: map(abs)),
                 ("filter", lambda: (list(filter(None, [0, 1, '', 'a', None])), list(filter(lambda x: x % 2, range(10))))),
                 ("reversed", lambda: (list(reversed('abc')), list(reversed((1, 2))), list(reversed(range(3))), list(reversed({1: 2, 3: 4})))),
                 ("reversed set", lambda: reversed({1})),
                 ("iter sentinel", lambda: list(iter(iter([1, 2, 0, 3]).__next__, 0))),
                 ("iter bad", lambda: iter(5)),
                 ("next bad", lambda: next([1])),
                 ]:
    show(label, f)

class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * 10
    def __len__(self):
        return 3
print(list(Seq()), list(reversed(Seq())), 20 in Seq(), list(enumerate(Seq())))

class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n
c = Countdown(3)
print(list(c), list(c), next(c, 'done'))
print(list(zip(Countdown(3), 'abcdef')), list(map(lambda a, b: a + b, Countdown(2), [10, 20, 30])))

for make in [lambda: iter([1, 2]), lambda: iter((1, 2)), lambda: iter({1: 0, 2: 0}), lambda: iter({1, 2}),
             lambda: iter(range(2)), lambda: iter('ab'), lambda: enumerate([1]), lambda: zip([1]),
             lambda: map(abs, [1]), lambda: filter(None, [1]), lambda: reversed([1, 2])]:
    it = make()
    print(type(it).__name__, list(it), list(it), next(it, 'exhausted'), iter(it) is it)

l = [1, 2, 3]
it = iter(l)
next(it)
l.append(4)
print(list(it))
it = iter(l)
list(it)
l.append(5)
print(list(it))
it = reversed(l)
print(next(it), it.__length_hint__())
e = enumerate('abc')
print(next(e), list(e))

def gen():
    yield 1
    yield 2
g = gen()
print(list(zip(g, g)), list(g))
print(sum(x * x for x in range(5)), min([3, 1, 2]), max('abc'), sorted(enumerate('cab'), key=lambda p: p[1]))
print(dict(zip('abc', range(3))), list(map(str, range(3))), any(map(abs, [0, 0, 1])), all([]))
