# Lock, Event, Condition, Semaphore, BoundedSemaphore.
import asyncio

async def main():
    lock = asyncio.Lock()
    log = []
    async def worker(n):
        async with lock:
            log.append(("in", n))
            await asyncio.sleep(0.001)
            log.append(("out", n))
    await asyncio.gather(*(worker(i) for i in range(3)))
    print(log)
    print(lock.locked(), repr(lock).endswith("[unlocked]>"))
    try:
        lock.release()
    except RuntimeError as e:
        print("RuntimeError:", e)
    await lock.acquire()
    print(lock.locked(), repr(lock).endswith("[locked]>"))
    # A waiter cancelled while queued does not keep the lock.
    w = asyncio.create_task(lock.acquire())
    await asyncio.sleep(0)
    w.cancel()
    lock.release()
    await asyncio.sleep(0)
    print(w.cancelled(), lock.locked())

    ev = asyncio.Event()
    seen = []
    async def waiter(i):
        await ev.wait()
        seen.append(i)
    ts = [asyncio.create_task(waiter(i)) for i in range(3)]
    await asyncio.sleep(0)
    print(ev.is_set(), seen)
    ev.set()
    await asyncio.gather(*ts)
    print(ev.is_set(), seen, await ev.wait())
    ev.clear()
    print(ev.is_set())

    cond = asyncio.Condition()
    items = []
    async def consumer(i):
        async with cond:
            await cond.wait_for(lambda: items)
            return (i, items.pop())
    cs = [asyncio.create_task(consumer(i)) for i in range(2)]
    await asyncio.sleep(0)
    async with cond:
        items.append("one")
        cond.notify()
    await asyncio.sleep(0)
    async with cond:
        items.append("two")
        cond.notify_all()
    print(sorted(await asyncio.gather(*cs)))
    try:
        cond.notify()
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        await cond.wait()
    except RuntimeError as e:
        print("RuntimeError:", e)

    sem = asyncio.Semaphore(2)
    active = [0, 0]
    async def limited(i):
        async with sem:
            active[0] += 1
            active[1] = max(active[1], active[0])
            await asyncio.sleep(0.001)
            active[0] -= 1
        return i
    print(await asyncio.gather(*(limited(i) for i in range(6))), "max active", active[1])
    print(sem.locked())
    try:
        asyncio.Semaphore(-1)
    except ValueError as e:
        print("ValueError:", e)
    b = asyncio.BoundedSemaphore(1)
    await b.acquire()
    b.release()
    try:
        b.release()
    except ValueError as e:
        print("ValueError:", e)

asyncio.run(main())
