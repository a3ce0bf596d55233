async def f(xs):
    async for x in xs:
        yield x
    return

async def g(xs):
    return [x async for x in xs]
