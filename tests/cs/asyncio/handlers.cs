# The loop's exception handler: errors in callbacks, task exceptions nobody
# retrieved (reported when the task is collected), custom handlers.
import asyncio
import gc

def handler(loop, context):
    keys = sorted(k for k in context if k not in ("message", "exception"))
    print("handler:", context["message"].split(" at ")[0], repr(context.get("exception")), keys)

async def boom():
    raise ValueError("never looked at")

async def spawn_and_forget():
    t = asyncio.create_task(boom())
    await asyncio.sleep(0.01)
    print("task done:", t.done())

async def main():
    loop = asyncio.get_running_loop()
    print(loop.get_exception_handler())
    loop.set_exception_handler(handler)
    print(loop.get_exception_handler() is handler)
    loop.call_soon(lambda: 1 / 0)
    await asyncio.sleep(0)
    await spawn_and_forget()
    gc.collect()
    await asyncio.sleep(0)
    # Retrieved exceptions are not reported.
    t = asyncio.create_task(boom())
    await asyncio.sleep(0.01)
    print(repr(t.exception()))
    del t
    gc.collect()
    await asyncio.sleep(0)
    # A plain future too.
    f = loop.create_future()
    f.set_exception(KeyError("future"))
    del f
    gc.collect()
    await asyncio.sleep(0)
    loop.call_exception_handler({"message": "by hand", "extra": 1})
    try:
        loop.set_exception_handler(5)
    except TypeError as e:
        print("TypeError:", e)
    loop.set_exception_handler(None)
    print("end")

asyncio.run(main())
