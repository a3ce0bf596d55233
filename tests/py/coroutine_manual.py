# async def / await driven by hand with coroutine.send(): awaitables with
# __await__, async generators stepped with asend, async with / async for,
# coroutine state, and the errors for misuse.
import types

class Suspend:
    def __init__(self, value):
        self.value = value
    def __await__(self):
        got = yield ("suspend", self.value)
        return got

async def add_later(a, b):
    x = await Suspend(a)
    y = await Suspend(b)
    return x + y

def run(coro, replies):
    trace = []
    reply = None
    try:
        while True:
            trace.append(coro.send(reply))
            reply = replies.pop(0) if replies else None
    except StopIteration as e:
        return trace, e.value

print(run(add_later(1, 2), [10, 20]))

async def nested():
    r1 = await add_later(1, 1)
    r2 = await add_later(2, 2)
    return [r1, r2]
print(run(nested(), [1, 2, 3, 4]))

c = add_later(0, 0)
print(type(c).__name__, c.cr_running, c.cr_frame is not None, c.__name__, c.__qualname__)
c.send(None)
print(c.cr_await is not None)
c.close()
print(c.cr_frame)
try:
    c.send(None)
except RuntimeError as e:
    print(type(e).__name__, e)

async def failing():
    await Suspend(1)
    raise ValueError("inside coroutine")
f = failing()
f.send(None)
try:
    f.send(None)
except ValueError as e:
    print(type(e).__name__, e)

async def catcher():
    try:
        await Suspend("wait")
    except KeyError as e:
        return "caught " + repr(e)
k = catcher()
k.send(None)
try:
    k.throw(KeyError("k"))
except StopIteration as e:
    print(e.value)

@types.coroutine
def legacy():
    v = yield "legacy-yield"
    return v * 2
async def uses_legacy():
    return await legacy()
print(run(uses_legacy(), [21]))

class BadAwait:
    def __await__(self):
        return 5
async def await_bad():
    await BadAwait()
try:
    await_bad().send(None)
except TypeError as e:
    print(type(e).__name__, e)
async def await_int():
    await 5
try:
    await_int().send(None)
except TypeError as e:
    print(type(e).__name__, e)

class AsyncCM:
    async def __aenter__(self):
        print("aenter")
        await Suspend("enter")
        return "resource"
    async def __aexit__(self, et, ev, tb):
        print("aexit", et.__name__ if et else None)
        return True
async def use_cm():
    async with AsyncCM() as r:
        print("inside with", r)
        raise OSError("suppressed")
    return "after with"
print(run(use_cm(), []))

class AsyncIter:
    def __init__(self, n):
        self.i = 0
        self.n = n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        await Suspend(self.i)
        return self.i * 100
async def use_aiter():
    out = []
    async for v in AsyncIter(3):
        out.append(v)
    return out
print(run(use_aiter(), []))

class Ticker:
    def __init__(self, n):
        self.n = n
    def __aiter__(self):
        self.i = 0
        return self
    async def __anext__(self):
        self.i += 1
        if self.i > self.n:
            raise StopAsyncIteration
        return await Suspend(self.i)
async def comp():
    return [v async for v in Ticker(4) if v % 2] + [await add_later(1, 2)]
print(run(comp(), [5, 6, 7, 8, 9, 10]))
async def bad_for():
    async for x in [1, 2]:
        pass
try:
    bad_for().send(None)
except TypeError as e:
    print(type(e).__name__, e)
class NoAnext:
    def __aiter__(self):
        return self
async def bad_for2():
    async for x in NoAnext():
        pass
try:
    bad_for2().send(None)
except TypeError as e:
    print(type(e).__name__, e)
def plain():
    pass
try:
    async def missing():
        async with 5:
            pass
    missing().send(None)
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)
co = add_later(1, 2)
co.close()
import inspect
print(inspect.iscoroutinefunction(add_later), inspect.iscoroutine(co), inspect.isawaitable(co))
print(repr(co).split(" at ")[0])
