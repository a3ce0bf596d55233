# Async generators call sys.set_asyncgen_hooks' firstiter when first
# iterated and its finalizer when dropped unfinished: asyncio's loop
# closes them (aclose()), so their finally blocks run.
import asyncio
import gc
import sys

log = []


async def agen(name):
    try:
        yield 1
        yield 2
    finally:
        log.append(name + " finally")


async def main():
    g = agen("dropped")
    print(await g.__anext__())
    async for v in agen("broken out of"):
        break
    async for v in agen("finished"):
        pass


asyncio.run(main())
print(sorted(log))
log.clear()

seen = []
sys.set_asyncgen_hooks(firstiter=lambda g: seen.append("first"),
                       finalizer=lambda g: seen.append("final"))


async def drive():
    g = agen("hooks")
    await g.__anext__()
    await g.__anext__()


async def finish():
    # Unoptimized builds keep the last objects a send() handled in dead C
    # frames: a finished async generator goes the same way after it.
    async for v in agen("finished again"):
        pass


for coroutine in (drive(), finish()):
    try:
        coroutine.send(None)
    except StopIteration:
        pass
del coroutine
for i in range(10):
    gc.collect()
    if "final" in seen:
        break
# The finalizer hook is called instead of closing it: no finally for it.
print(sorted(seen), log)
sys.set_asyncgen_hooks(None, None)
print(sys.get_asyncgen_hooks() == (None, None))
