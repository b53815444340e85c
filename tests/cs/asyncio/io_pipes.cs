# add_reader/add_writer on pipe descriptors, remove_*, and call_soon_threadsafe.
import asyncio
import os

async def main():
    loop = asyncio.get_running_loop()
    r, w = os.pipe()
    os.set_blocking(r, False)
    got = loop.create_future()
    chunks = []
    def readable():
        data = os.read(r, 100)
        chunks.append(data)
        if b"." in data:
            loop.remove_reader(r)
            got.set_result(b"".join(chunks))
    loop.add_reader(r, readable)
    wrote = []
    def writable():
        os.write(w, b"hello.")
        wrote.append(True)
        print("remove_writer:", loop.remove_writer(w))
    loop.add_writer(w, writable)
    print(await got, wrote)
    print("remove again:", loop.remove_reader(r), loop.remove_writer(w))
    os.close(r)
    os.close(w)

    # call_soon_threadsafe also wakes a loop that is waiting for I/O.
    f = loop.create_future()
    loop.call_soon_threadsafe(f.set_result, "woken")
    print(await f)

    # Replacing a reader keeps only the new callback.
    r2, w2 = os.pipe()
    calls = []
    loop.add_reader(r2, calls.append, "old")
    loop.add_reader(r2, calls.append, "new")
    os.write(w2, b"x")
    await asyncio.sleep(0.01)
    loop.remove_reader(r2)
    print(calls[:1])
    os.close(r2)
    os.close(w2)
    try:
        loop.add_reader("nope", print)
    except ValueError as e:
        print("ValueError:", e)

asyncio.run(main())
