# Queue, PriorityQueue, LifoQueue: producers and consumers, maxsize, join.
import asyncio

async def main():
    q = asyncio.Queue(maxsize=2)
    print(q.maxsize, q.empty(), q.full(), q.qsize())
    got = []
    async def producer():
        for i in range(5):
            await q.put(i)
        await q.put(None)
    async def consumer():
        while True:
            item = await q.get()
            q.task_done()
            if item is None:
                break
            got.append(item)
    await asyncio.gather(producer(), consumer())
    print(got, q.empty())
    q.put_nowait("a")
    q.put_nowait("b")
    try:
        q.put_nowait("c")
    except asyncio.QueueFull:
        print("QueueFull")
    print(str(q))
    print(q.get_nowait(), q.get_nowait())
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty")

    # join waits until every item is marked done.
    jq = asyncio.Queue()
    for i in range(3):
        jq.put_nowait(i)
    async def drain():
        while not jq.empty():
            await jq.get()
            await asyncio.sleep(0.001)
            jq.task_done()
    t = asyncio.create_task(drain())
    await jq.join()
    print("joined", t.done() or "pending")
    await t
    try:
        jq.task_done()
    except ValueError as e:
        print("ValueError:", e)

    pq = asyncio.PriorityQueue()
    for x in (5, 1, 4, 2):
        await pq.put((x, str(x)))
    print([pq.get_nowait()[1] for _ in range(4)])
    lq = asyncio.LifoQueue()
    for x in "abc":
        lq.put_nowait(x)
    print([lq.get_nowait() for _ in range(3)])

    # A cancelled get leaves the queue usable.
    g = asyncio.create_task(q.get())
    await asyncio.sleep(0)
    g.cancel()
    await asyncio.sleep(0)
    q.put_nowait("after")
    print(g.cancelled(), await q.get())

asyncio.run(main())
