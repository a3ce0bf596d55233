# Iteration builtins: enumerate (start, negative, keyword), zip (strict,
# unequal lengths, no args), map with several iterables, filter with None,
# reversed, iter/next with defaults, any/all short-circuiting, len errors,
# and the laziness of each (side effects printed in order).
log = []
def src(name, n):
    for i in range(n):
        log.append("%s%d" % (name, i))
        yield i

print(list(enumerate("abc")), list(enumerate("ab", start=10)), list(enumerate([], 5)), list(enumerate("x", -3)))
e = enumerate(src("e", 3), 1)
print(next(e), log)
print(list(zip("abc", [1, 2, 3, 4])), list(zip()), list(zip("a")), list(zip(*[(1, 2), (3, 4)])))
log.clear()
z = zip(src("a", 2), src("b", 3))
print(list(z), log)
for args in [("ab", "abc"), ("abc", "ab"), ("ab", "ab", "a")]:
    try:
        print(list(zip(*args, strict=True)))
    except ValueError as err:
        print(type(err).__name__, err)
print(list(zip("ab", "xy", strict=True)))
print(list(map(pow, [2, 3], [3, 2])), list(map(lambda *a: sum(a), [1, 2], [3, 4], [5, 6, 7])), list(map(str.upper, "ab")))
print(list(filter(None, [0, 1, "", "x", None, [], [0]])), list(filter(str.isdigit, "a1b2")), list(filter(lambda x: x > 1, range(4))))
log.clear()
m = map(lambda x: log.append("map%d" % x) or x, range(3))
print(log, next(m), log)
for bad in [lambda: enumerate(5), lambda: zip(1), lambda: map(len), lambda: map(None, [1]).__next__(), lambda: filter(1, [1]).__next__(),
            lambda: list(zip("a", strict=1, foo=2)), lambda: enumerate("a", "b"), lambda: len(5), lambda: len(iter([]))]:
    try:
        print(bad())
    except TypeError as err:
        print(type(err).__name__, err)
it = iter([1, 2])
print(next(it), next(it), next(it, "default"), next(iter(""), None))
try:
    next(it)
except StopIteration as err:
    print("StopIteration", repr(err))
log.clear()
def check(v):
    log.append(v)
    return v
print(any(check(v) for v in [0, "", 3, 4]), log)
log.clear()
print(all(check(v) for v in [1, 2, 0, 4]), log)
print(any([]), all([]), any([[]]), all([[]]), any(iter([0, 0.0, 1j])), all("abc"))
print(sum(1 for _ in zip(range(5), range(3))), dict(enumerate("ab")), sorted(zip([3, 1, 2], "cab")))
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        while self.n > 0:
            yield self.n
            self.n -= 1
    def __len__(self):
        return self.n
print(list(Countdown(3)), len(Countdown(4)), list(reversed([1, 2, 3])), list(map(len, ["", "ab", [1]])))
print(type(zip()).__name__, type(map(abs, [])).__name__, type(filter(None, [])).__name__, type(enumerate([])).__name__, type(reversed([])).__name__)
print(list(enumerate(zip("ab", "cd"))), [(i, c) for i, c in enumerate("xy", start=1)])
ev = enumerate("ab")
print(iter(ev) is ev, list(ev), list(ev))
print(max(map(len, ["a", "abc", "ab"])), min(zip([3, 1], "xy")), list(filter(None, map(lambda x: x % 3, range(7)))))
print(list(iter([1, 2, 3].pop, 1)), list(zip(*zip("abc", "123"))))
