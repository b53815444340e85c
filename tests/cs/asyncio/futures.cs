# asyncio.Future: states, results, exceptions, callbacks, cancellation, repr.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    print(repr(f), f.done(), f.cancelled(), f.get_loop() is loop)
    try:
        f.result()
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    try:
        f.exception()
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    f.set_result([1, 2])
    print(repr(f), f.result(), f.exception())
    try:
        f.set_result(3)
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    print(f.cancel(), f.cancelled())

    g = loop.create_future()
    g.set_exception(KeyError("k"))
    print(repr(g), repr(g.exception()))
    try:
        g.result()
    except KeyError as e:
        print("raised", repr(e))
    h = loop.create_future()
    h.set_exception(ValueError)
    print(type(h.exception()).__name__)
    try:
        loop.create_future().set_exception(StopIteration())
    except TypeError as e:
        print("TypeError:", e)

    c = loop.create_future()
    print(c.cancel("why"), c.cancel(), c.cancelled(), c.done(), repr(c))
    try:
        c.result()
    except asyncio.CancelledError as e:
        print("CancelledError", e.args)
    try:
        await c
    except asyncio.CancelledError as e:
        print("await raised CancelledError", e.args)

    # Callbacks: order, removal, late additions.
    log = []
    d = loop.create_future()
    def cb1(fut):
        log.append("cb1 " + str(fut.result()))
    def cb2(fut):
        log.append("cb2")
    d.add_done_callback(cb1)
    d.add_done_callback(cb2)
    d.add_done_callback(cb2)
    print(d.remove_done_callback(cb2))
    d.set_result("x")
    print(log)
    await asyncio.sleep(0)
    print(log)
    d.add_done_callback(cb1)
    await asyncio.sleep(0)
    print(log)

    # A Future is awaitable and iterable (yield from).
    e = asyncio.Future()
    loop.call_later(0.01, e.set_result, "later")
    print(await e)
    print(isinstance(e, asyncio.Future), asyncio.isfuture(e), asyncio.isfuture(1))

asyncio.run(main())
