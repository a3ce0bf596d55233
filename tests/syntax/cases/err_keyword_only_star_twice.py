def f(*, *a): pass
