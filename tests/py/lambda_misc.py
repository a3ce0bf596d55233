sq = lambda x: x * x
print(sq(4), (lambda *a, **k: (a, k))(1, b=2), sq.__name__, sq.__qualname__)
print(list(map(lambda x: x + 1, [1, 2])), sorted(["bb", "a", "ccc"], key=lambda s: len(s)))
compose = lambda f, g: lambda x: f(g(x))
print(compose(sq, lambda x: x + 1)(3))
print((lambda: (yield))().__class__.__name__)
def f():
    return lambda: lambda: 42
print(f()()())
