# 1 000 clients talking to one asyncio echo server on 127.0.0.1 at once:
# every reply arrives intact, every connection closes, and the heap goes
# back to its baseline afterwards.
import asyncio
import gc
import os

N = 20 if os.environ.get("CS_GC_STRESS") else 1000

async def handle(reader, writer):
    data = await reader.readline()
    writer.write(data * 2)
    await writer.drain()
    writer.close()
    await writer.wait_closed()

async def client(port, i, sem):
    async with sem:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
    msg = f"client {i}\n".encode()
    writer.write(msg)
    await writer.drain()
    reply = await reader.read()
    writer.close()
    await writer.wait_closed()
    return reply == msg * 2

async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0, backlog=1024)
    port = server.sockets[0].getsockname()[1]
    # Connections are opened at most 200 at a time (the listen backlog), all
    # stay open together while the server answers.
    sem = asyncio.Semaphore(200)
    async with server:
        results = await asyncio.gather(*(client(port, i, sem) for i in range(N)))
    return sum(results)

def live_bytes():
    gc.collect()
    stats = getattr(gc, "stats", None)
    return stats()["live_bytes"] if stats else 0

print(asyncio.run(main()) == N)
base = live_bytes()
print(asyncio.run(main()) == N)
print("back to baseline:", live_bytes() <= base + 256 * 1024)
