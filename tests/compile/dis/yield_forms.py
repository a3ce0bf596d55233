def g():
    yield
    x = yield
    yield from h()
    await_ = 1

async def ag():
    yield 1
    await x
