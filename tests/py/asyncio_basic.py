# asyncio on the pure-Python event loop: run, tasks, gather, sleep,
# queues, events, wait_for with a timeout, cancellation.
import asyncio

order = []

async def worker(name, n):
    for i in range(n):
        order.append((name, i))
        await asyncio.sleep(0)
    return name * n

async def producer(q, n):
    for i in range(n):
        await q.put(i)
    await q.put(None)

async def consumer(q):
    total = 0
    while (item := await q.get()) is not None:
        total += item
        q.task_done()
    q.task_done()
    return total

async def slow():
    await asyncio.sleep(10)

async def waiter(ev, log):
    await ev.wait()
    log.append("woken")
    return "done"

async def cancellable(log):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        log.append("cancelled")
        raise
    finally:
        log.append("finally")

async def failing():
    await asyncio.sleep(0)
    raise ValueError("boom")

async def main():
    print(await worker("x", 2))
    results = await asyncio.gather(worker("a", 3), worker("b", 2))
    print(results, order[2:])

    t = asyncio.create_task(worker("t", 1), name="the-task")
    print(t.get_name(), t.done())
    print(await t, t.done(), t.result())

    q = asyncio.Queue(maxsize=2)
    p = asyncio.create_task(producer(q, 10))
    total = await consumer(q)
    await p
    await q.join()
    print("queue total", total, q.empty())

    try:
        await asyncio.wait_for(slow(), timeout=0.05)
    except asyncio.TimeoutError as e:
        print("wait_for timed out", type(e).__name__, isinstance(e, TimeoutError))
    print(await asyncio.wait_for(worker("w", 1), timeout=5))

    ev = asyncio.Event()
    log = []
    tasks = [asyncio.create_task(waiter(ev, log)) for _ in range(3)]
    await asyncio.sleep(0)
    print(ev.is_set(), log)
    ev.set()
    print(await asyncio.gather(*tasks), log)

    log = []
    c = asyncio.create_task(cancellable(log))
    await asyncio.sleep(0)
    c.cancel()
    try:
        await c
    except asyncio.CancelledError:
        print("caught CancelledError", c.cancelled(), log)

    print(await asyncio.gather(failing(), worker("g", 1), return_exceptions=True))
    try:
        await asyncio.gather(failing())
    except ValueError as e:
        print("ValueError", e)

    done, pending = await asyncio.wait([asyncio.create_task(asyncio.sleep(0.01, "fast")),
                                        asyncio.create_task(asyncio.sleep(5, "slow"))],
                                       return_when=asyncio.FIRST_COMPLETED)
    print([t.result() for t in done], len(pending))
    for t in pending:
        t.cancel()

    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_soon(fut.set_result, 42)
    print(await fut)
    h = loop.call_later(0.01, order.append, "later")
    await asyncio.sleep(0.05)
    print(order[-1], h.cancelled())
    print(await loop.run_in_executor(None, sum, [1, 2, 3]))

    lock = asyncio.Lock()
    async with lock:
        print("locked", lock.locked())
    sem = asyncio.Semaphore(2)
    async def limited(i):
        async with sem:
            await asyncio.sleep(0)
            return i
    print(await asyncio.gather(*(limited(i) for i in range(5))))
    return "main done"

print(asyncio.run(main()))
print(asyncio.run(asyncio.sleep(0, "again")))
