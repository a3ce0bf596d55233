async def f(x):
    async with x as y:
        async for z in y:
            await z
