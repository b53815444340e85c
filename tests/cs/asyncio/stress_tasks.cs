# 100 000 tasks alive at once, all waiting on one Event, then released; the
# results all arrive and the heap returns to its baseline afterwards.
import asyncio
import gc
import os

# The collector's stress mode (a collection at every allocation) and the
# sanitizer build (test.sh sets ASAN_OPTIONS) check rooting and memory
# safety, not scale: they run a small N.
N = 300 if os.environ.get("CS_GC_STRESS") or os.environ.get("ASAN_OPTIONS") else 100_000

async def worker(i, ev, counter):
    await ev.wait()
    counter[0] += 1
    await asyncio.sleep(0)
    return i

async def main():
    ev = asyncio.Event()
    counter = [0]
    tasks = [asyncio.create_task(worker(i, ev, counter)) for i in range(N)]
    await asyncio.sleep(0)
    print("alive:", len(asyncio.all_tasks()) - 1 == N)
    ev.set()
    results = await asyncio.gather(*tasks)
    print(counter[0] == N, sum(results) == N * (N - 1) // 2, results[:3], results[-1] == N - 1)
    print("left:", len(asyncio.all_tasks()) - 1)

def live_bytes():
    gc.collect()
    stats = getattr(gc, "stats", None)
    return stats()["live_bytes"] if stats else 0

asyncio.run(main())
base = live_bytes()
for _ in range(2):
    asyncio.run(main())
after = live_bytes()
# CPython has no gc.stats: both are 0 there.
print("back to baseline:", after <= base + 256 * 1024)
