def gen(n):
    for i in range(n):
        yield i * i
print(list(gen(5)), sum(gen(4)))
g = gen(2)
print(next(g), next(g), next(g, "done"))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.value)
def with_return():
    yield 1
    return "result"
g = with_return()
next(g)
try:
    next(g)
except StopIteration as e:
    print("value:", e.value)
print(type(g).__name__, g.__name__, g.__qualname__)
def inf():
    n = 0
    while True:
        yield n
        n += 1
import itertools
print(list(itertools.islice(inf(), 5)))
ge = (x * 2 for x in range(3))
print(ge.__name__, list(ge), list(ge))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(10)])
