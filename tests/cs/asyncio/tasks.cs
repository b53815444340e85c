# Tasks: names, results, exceptions, cancellation at the await point, repr,
# current_task/all_tasks, done callbacks.
import asyncio

async def value(x, delay=0):
    await asyncio.sleep(delay)
    return x

async def fail(msg):
    await asyncio.sleep(0)
    raise RuntimeError(msg)

async def main():
    t = asyncio.create_task(value(1), name="first")
    print(t.get_name(), t.done())
    print(await t, t.done(), t.result(), t.exception())
    t.set_name("renamed")
    print(t.get_name())
    u = asyncio.create_task(value(2))
    print(u.get_name().startswith("Task-"))
    await u

    bad = asyncio.create_task(fail("broken"))
    try:
        await bad
    except RuntimeError as e:
        print("raised:", e)
    print(repr(bad.exception()))

    # cancel() delivers CancelledError where the task waits.
    log = []
    async def sleeper():
        try:
            await asyncio.sleep(5)
        except asyncio.CancelledError as e:
            log.append(("caught", e.args))
            raise
    s = asyncio.create_task(sleeper())
    await asyncio.sleep(0)
    print(s.cancel("enough"), s.cancelling())
    try:
        await s
    except asyncio.CancelledError as e:
        print("awaiting a cancelled task:", e.args)
    print(log, s.cancelled())

    # A task can catch the cancel and return normally.
    async def ignore():
        try:
            await asyncio.sleep(5)
        except asyncio.CancelledError:
            return "ignored"
    i = asyncio.create_task(ignore())
    await asyncio.sleep(0)
    i.cancel()
    print(await i, i.cancelled())

    # current_task and all_tasks.
    me = asyncio.current_task()
    print(me.get_name() == asyncio.current_task().get_name(), me in asyncio.all_tasks())
    w = asyncio.create_task(value(3, 0.01))
    print(len(asyncio.all_tasks()))
    await w
    print(len(asyncio.all_tasks()))

    # Done callbacks run after the task finishes, in order.
    out = []
    x = asyncio.create_task(value(4))
    x.add_done_callback(lambda task: out.append(("done", task.result())))
    await x
    await asyncio.sleep(0)
    print(out)

    # Errors.
    try:
        asyncio.create_task(42)
    except TypeError as e:
        print("TypeError:", e)
    try:
        me.set_result(1)
    except RuntimeError as e:
        print("RuntimeError:", e)
    async def self_await():
        await asyncio.current_task()
    try:
        await asyncio.create_task(self_await())
    except RuntimeError as e:
        print("RuntimeError:", str(e).split(":")[0])

    # A generator-based "yield" of a bad value fails the task.
    class Bad:
        def __await__(self):
            yield 42
    try:
        await asyncio.create_task(asyncio.sleep(0) if False else _wrap(Bad()))
    except RuntimeError as e:
        print("RuntimeError:", str(e))

async def _wrap(aw):
    return await aw

asyncio.run(main())

try:
    asyncio.create_task(value(1))
except RuntimeError as e:
    print("outside a loop:", e)
