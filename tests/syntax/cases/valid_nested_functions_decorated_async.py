@a.b(c)
async def f(x, /, *, y=lambda: (yield)):
    async with a as (b, c):
        return [i async for i in x if await i]
