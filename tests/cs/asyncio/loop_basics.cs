# The event loop's own methods: call_soon/call_later/call_at ordering, handles,
# run_until_complete, stop/run_forever, closing, and errors.
import asyncio

loop = asyncio.new_event_loop()
log = []
loop.call_soon(log.append, 1)
h = loop.call_soon(log.append, "cancelled")
loop.call_soon(log.append, 2)
h.cancel()
print(h.cancelled())
t0 = loop.time()
loop.call_at(t0 + 0.02, log.append, "at 0.02")
loop.call_later(0.01, log.append, "later 0.01")
loop.call_later(0.03, loop.stop)
print(loop.is_running(), loop.is_closed())
loop.run_forever()
print(log)
print(loop.time() - t0 >= 0.025)

# run_until_complete with a coroutine, a future, and a finished future.
async def add(a, b):
    await asyncio.sleep(0)
    return a + b
print(loop.run_until_complete(add(2, 3)))
f = loop.create_future()
loop.call_soon(f.set_result, "from callback")
print(loop.run_until_complete(f))
print(loop.run_until_complete(f))

# stop() from a callback ends run_forever after the current batch.
order = []
def first():
    order.append("first")
    loop.stop()
loop.call_soon(first)
loop.call_soon(order.append, "same batch")
loop.run_forever()
loop.call_soon(order.append, "next run")
loop.call_soon(loop.stop)
loop.run_forever()
print(order)

# Errors. A callback is checked only in debug mode.
loop.set_debug(True)
try:
    loop.call_soon(42)
except TypeError as e:
    print("TypeError:", e)
async def coro():
    pass
c = coro()
try:
    loop.call_soon(c)
except TypeError as e:
    print("TypeError:", e)
c.close()
loop.set_debug(False)
print(loop.get_debug())
try:
    loop.call_later(None, print)
except TypeError as e:
    print("TypeError:", e)

# A timer handle knows its time; handles compare by time.
h1 = loop.call_at(100.0, print)
h2 = loop.call_at(200.0, print)
print(h1.when(), h1 < h2, h2 > h1)
h1.cancel(); h2.cancel()

# Running inside a running loop is refused.
async def nested():
    try:
        loop.run_until_complete(asyncio.sleep(0))
    except RuntimeError as e:
        print("RuntimeError:", e)
loop.run_until_complete(nested())

loop.close()
print(loop.is_closed())
loop.close()
try:
    loop.call_soon(print)
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    loop.run_forever()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print("RuntimeError:", e)
