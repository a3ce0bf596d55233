def g():
    x = yield 1
    y = (yield)
    z = [(yield)]
    await_ = yield from h()
