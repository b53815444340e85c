# The default exception handler writes the message and the traceback to
# stderr; the program goes on. (Exits 1 at the end so stderr's last line,
# the exception, is checked.)
import asyncio
import gc
import sys

async def boom():
    raise ValueError("nobody retrieved me")

async def main():
    t = asyncio.create_task(boom())
    await asyncio.sleep(0.01)
    del t
    gc.collect()
    await asyncio.sleep(0)
    print("still running")

asyncio.run(main())
sys.exit(1)
