async def f():
    await x
    async for a in b:
        pass
    async with c as d, e:
        pass
    [y async for y in z]
    await (await a)
    return await b
async def g():
    yield 1
