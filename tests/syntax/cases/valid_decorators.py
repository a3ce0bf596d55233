@dec
@dec.attr
@dec(1, 2)
@dec[0]
@(lambda f: f)
@x if y else z
@(a := b)
def f(): pass
@dec
class C: pass
@a
async def g(): pass
