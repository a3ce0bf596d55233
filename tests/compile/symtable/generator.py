def f():
    x = yield 1
    yield from x
