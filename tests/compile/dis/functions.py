def f(a, b=1, *args, c, d=2, **kw) -> int:
    '''doc'''
    return a + b

async def g():
    await f(1, c=2)

lambda x: x
