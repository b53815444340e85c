# Sequential awaits versus asyncio.gather.
#
# Three "downloads" each wait 0.2 s (asyncio.sleep stands in for the
# network). Awaited one after the other they take about 0.6 s; started
# together with gather they overlap and take about 0.2 s: while one
# coroutine waits, the event loop runs the others. No threads involved.
import asyncio
import time


async def download(name, seconds):
    await asyncio.sleep(seconds)      # gives control back to the event loop
    return f"{name} ({seconds}s)"


async def sequential():
    results = []
    for name in ("a", "b", "c"):
        results.append(await download(name, 0.2))   # waits for each in turn
    return results


async def concurrent():
    return await asyncio.gather(download("a", 0.2), download("b", 0.2), download("c", 0.2))


async def main():
    start = time.perf_counter()
    print("sequential:", await sequential())
    elapsed = time.perf_counter() - start
    # Checked against thresholds, not printed raw, so the output is stable.
    print("  took at least 0.6 s:", elapsed >= 0.6)

    start = time.perf_counter()
    print("gather:    ", await concurrent())
    elapsed = time.perf_counter() - start
    print("  took at least 0.2 s:", elapsed >= 0.2, "- but less than 0.4 s:", elapsed < 0.4)


asyncio.run(main())
