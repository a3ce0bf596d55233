pass
del a, b.c, d[0], (e, f), [g]
del (a)
assert x
assert x, "msg"
raise
raise E
raise E from e
return_ = 1
def f():
    return
    return 1, 2
    return *a, b
    yield
    yield 1, 2
    yield from g()
    x = yield
    y = yield from z
