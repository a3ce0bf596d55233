# Iterator classes and iterable wrappers: separate iterable/iterator
# objects, reusable vs one-shot iteration, __length_hint__, iterators
# over mutable sources, infinite iterators with islice, chained and
# zipped custom iterators, and the iterator protocol's StopIteration rules.
import itertools
import operator

class Range2:
    def __init__(self, start, stop, step=1):
        self.start, self.stop, self.step = start, stop, step
    def __iter__(self):
        return Range2Iter(self)
    def __len__(self):
        return max(0, (self.stop - self.start + self.step - 1) // self.step)
class Range2Iter:
    def __init__(self, r):
        self.cur, self.r = r.start, r
    def __iter__(self):
        return self
    def __next__(self):
        if self.cur >= self.r.stop:
            raise StopIteration
        v = self.cur
        self.cur += self.r.step
        return v
    def __length_hint__(self):
        return max(0, (self.r.stop - self.cur + self.r.step - 1) // self.r.step)
r = Range2(0, 10, 3)
print(list(r), list(r), len(r), [x * y for x in r for y in r if x < y])
it = iter(r)
print(operator.length_hint(it), next(it), operator.length_hint(it), list(it), operator.length_hint(it), list(it))
class OneShot:
    def __init__(self, data):
        self.data = list(data)
    def __iter__(self):
        return self
    def __next__(self):
        if not self.data:
            raise StopIteration
        return self.data.pop(0)
o = OneShot("abc")
print(list(o), list(o), next(o, "empty"))
class Fib:
    def __iter__(self):
        a, b = 0, 1
        while True:
            yield a
            a, b = b, a + b
print(list(itertools.islice(Fib(), 15)), list(itertools.takewhile(lambda x: x < 100, Fib()))[-1])
print(list(zip(Range2(0, 3), Fib(), "xyz")), list(itertools.chain(Range2(5, 7), OneShot([9]))))
print(sum(Range2(1, 101)), max(Range2(0, 50, 7)), sorted(Range2(0, 5), reverse=True), 6 in Range2(0, 10, 3))
class Buggy:
    def __iter__(self):
        return self
    def __next__(self):
        raise ValueError("iteration failed")
try:
    for x in Buggy():
        pass
except ValueError as e:
    print(type(e).__name__, e)
class NotIterator:
    def __iter__(self):
        return [1, 2]
try:
    list(NotIterator())
except TypeError as e:
    print(type(e).__name__, e)
class IterReturnsIter:
    def __iter__(self):
        return iter([1, 2])
print(list(IterReturnsIter()), [*IterReturnsIter(), *IterReturnsIter()])
src = [1, 2, 3]
it = iter(src)
src.extend([4, 5])
print(list(it))
d = {"a": 1}
ki = iter(d.items())
print(next(ki), next(ki, "done"))
s = "héllo"
si = iter(s)
print(next(si), type(si).__name__ in ("str_iterator", "str_ascii_iterator"), list(si))
class Peekable:
    _sentinel = object()
    def __init__(self, it):
        self.it = iter(it)
        self.buf = self._sentinel
    def peek(self, default=None):
        if self.buf is self._sentinel:
            self.buf = next(self.it, self._sentinel)
        return default if self.buf is self._sentinel else self.buf
    def __iter__(self):
        return self
    def __next__(self):
        if self.buf is not self._sentinel:
            v, self.buf = self.buf, self._sentinel
            return v
        return next(self.it)
p = Peekable(Range2(0, 4))
print(p.peek(), p.peek(), next(p), next(p), p.peek(), list(p), p.peek("none"))
groups = [list(g) for _, g in itertools.groupby(Range2(0, 10), key=lambda x: x // 3)]
print(groups)
