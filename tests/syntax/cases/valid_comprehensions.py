a = [x for x in y]
b = {x for x in y if x if not x}
c = {k: v for k, v in d.items()}
d = (x for x in y for z in x)
async def af():
    e = [x async for x in y]
f = [(a, b) for a in range(3) for b in range(a) if a != b]
g = [y := f(x), y**2]
h = [[y for y in x] for x in z]
i = [x for x, in y]
