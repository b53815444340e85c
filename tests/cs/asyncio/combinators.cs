# gather (order, return_exceptions, cancellation), wait (three modes, timeout),
# wait_for, as_completed, shield, ensure_future.
import asyncio

async def job(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise ValueError(name)
    return name

async def main():
    print(await asyncio.gather(job("a", 0.02), job("b", 0.01), job("c", 0)))
    print(await asyncio.gather())
    res = await asyncio.gather(job("x", 0), job("y", 0, True), return_exceptions=True)
    print([repr(r) for r in res])
    try:
        await asyncio.gather(job("p", 0.01), job("q", 0, True))
    except ValueError as e:
        print("gather raised", e)
    # The same awaitable twice runs once.
    t = asyncio.ensure_future(job("same", 0))
    print(await asyncio.gather(t, t))
    # Cancelling the gather cancels the children.
    slow = [asyncio.create_task(job(str(i), 1)) for i in range(3)]
    g = asyncio.gather(*slow)
    await asyncio.sleep(0)
    print(g.cancel())
    try:
        await g
    except asyncio.CancelledError:
        print("gather cancelled", [s.cancelled() for s in slow])
    # A cancelled child with return_exceptions.
    c = asyncio.create_task(job("c", 1))
    d = asyncio.create_task(job("d", 0))
    c.cancel()
    print([type(r).__name__ for r in await asyncio.gather(c, d, return_exceptions=True)])

    # wait
    tasks = [asyncio.create_task(job(n, d)) for n, d in (("s", 0.01), ("m", 0.05), ("l", 0.1))]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print(sorted(t.result() for t in done), len(pending))
    done, pending = await asyncio.wait(tasks, timeout=0.02)
    print(sorted(t.result() for t in done), len(pending))
    done, pending = await asyncio.wait(tasks)
    print(sorted(t.result() for t in done), len(pending))
    ft = [asyncio.create_task(job("ok", 0.01)), asyncio.create_task(job("bad", 0.02, True)),
          asyncio.create_task(job("late", 0.2))]
    done, pending = await asyncio.wait(ft, return_when=asyncio.FIRST_EXCEPTION)
    print(len(done), len(pending), sorted(type(t.exception()).__name__ for t in done))
    for t in pending:
        t.cancel()
    for bad in ([], 5):
        try:
            await asyncio.wait(bad)
        except (ValueError, TypeError) as e:
            print(type(e).__name__, e)
    co = job("z", 0)
    try:
        await asyncio.wait([co])
    except TypeError as e:
        print("TypeError:", e)
    co.close()
    try:
        await asyncio.wait(ft, return_when="SOMETIMES")
    except ValueError as e:
        print("ValueError:", e)

    # wait_for
    print(await asyncio.wait_for(job("quick", 0), 1))
    try:
        await asyncio.wait_for(job("slow", 1), 0.01)
    except asyncio.TimeoutError:
        print("wait_for timed out")
    try:
        await asyncio.wait_for(job("zero", 1), 0)
    except TimeoutError:
        print("timeout 0")

    # as_completed yields in completion order.
    order = []
    for aw in asyncio.as_completed([job("3", 0.03), job("1", 0.01), job("2", 0.02)]):
        order.append(await aw)
    print(order)
    try:
        for aw in asyncio.as_completed([job("never", 1)], timeout=0.01):
            await aw
    except asyncio.TimeoutError:
        print("as_completed timed out")

    # shield
    inner = asyncio.create_task(job("inner", 0.02))
    outer = asyncio.shield(inner)
    outer.cancel()
    print(await inner, inner.cancelled(), outer.cancelled())

    print(asyncio.iscoroutine(job("i", 0)), asyncio.iscoroutinefunction(job),
          asyncio.iscoroutinefunction(print), asyncio.iscoroutine(1))

asyncio.run(main())
