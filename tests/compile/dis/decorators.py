@a
@b.c(1)
def f():
    pass

@d
async def g():
    pass
