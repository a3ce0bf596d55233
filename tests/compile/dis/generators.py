def gen():
    x = yield 1
    y = yield from x
    return y
