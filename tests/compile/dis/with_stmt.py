with open(f) as a, lock:
    a.read()

async def g():
    async with x as y:
        return y
