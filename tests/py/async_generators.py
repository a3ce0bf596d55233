# Async generators driven by hand: asend/athrow/aclose/__anext__, async
# comprehensions over them, finally blocks on aclose, values passed through
# inner awaits, reuse and protocol errors, and introspection.
import types
class Suspend:
    def __init__(self, v): self.v = v
    def __await__(self):
        return (yield ("suspend", self.v))
def run(coro, replies=()):
    replies = list(replies); trace = []; reply = None
    try:
        while True:
            trace.append(coro.send(reply)); reply = replies.pop(0) if replies else None
    except StopIteration as e:
        return trace, e.value
async def agen(n):
    for i in range(n):
        got = yield i
        if got:
            print("agen got", got)
        await Suspend(i)
async def drive():
    g = agen(3)
    out = [await g.asend(None), await g.asend("x"), await g.__anext__()]
    try:
        await g.__anext__()
    except StopAsyncIteration:
        out.append("stop")
    return out
print(run(drive()))
async def comp():
    return [v async for v in agen(4) if v % 2]
print(run(comp()))
async def fin():
    try:
        yield 1
        yield 2
    finally:
        print("agen finally")
async def close_it():
    g = fin()
    first = await g.__anext__()
    await g.aclose()
    return first, g.ag_frame
print(run(close_it()))
async def thrower():
    try:
        yield 1
    except ValueError as e:
        yield "caught " + str(e)
async def do_throw():
    g = thrower()
    await g.asend(None)
    return await g.athrow(ValueError("boom"))
print(run(do_throw()))
g = agen(1)
print(type(g).__name__, repr(g)[:30], g.__name__, g.ag_running, type(g.asend(None)).__name__)
import inspect
print(inspect.isasyncgen(g), inspect.isasyncgenfunction(agen))
async def bad():
    yield 1
    raise StopAsyncIteration
async def use_bad():
    return [x async for x in bad()]
try:
    run(use_bad())
except RuntimeError as e:
    print(type(e).__name__, e)

async def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield "refuses"
async def close_stubborn():
    g = stubborn()
    await g.__anext__()
    await g.aclose()
try:
    run(close_stubborn())
except RuntimeError as e:
    print(type(e).__name__, e)
async def reuse():
    g = agen(2)
    aw = g.__anext__()
    first = await aw
    try:
        await aw
    except RuntimeError as e:
        return first, str(e)
print(run(reuse()))
async def exhausted_athrow():
    g = agen(0)
    try:
        await g.__anext__()
    except StopAsyncIteration:
        pass
    try:
        await g.athrow(KeyError("late"))
    except KeyError as e:
        return "raised " + repr(e)
    except StopAsyncIteration:
        return "stop"
print(run(exhausted_athrow()))
async def nested_await_values():
    async def inner():
        for i in range(2):
            got = await Suspend("inner%d" % i)
            yield got
    return [v async for v in inner()]
print(run(nested_await_values(), ["r0", "r1"]))
async def send_before_start():
    g = agen(1)
    try:
        await g.asend("too early")
    except TypeError as e:
        return str(e)
print(run(send_before_start()))
print([name for name in ("asend", "athrow", "aclose", "__anext__", "__aiter__") if hasattr(agen(1), name)])
