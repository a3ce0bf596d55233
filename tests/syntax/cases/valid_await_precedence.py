async def f():
    x = await a ** 2
    y = -await b
    z = await a.b.c()[0]
