# An asyncio TCP echo server with several clients, all in one process.
#
# start_server() calls handle() in a new task for every connection; each
# client task connects with open_connection(), sends lines and reads the
# echoes. The event loop multiplexes every socket with epoll, so the
# clients are served concurrently by one thread.
import asyncio


async def handle(reader, writer):
    peer = writer.get_extra_info("peername")
    count = 0
    async for line in reader:              # one line at a time until EOF
        writer.write(b"echo: " + line)
        await writer.drain()               # wait if the socket buffer is full
        count += 1
    writer.close()
    await writer.wait_closed()
    print(f"server: {count} lines from a client on {peer[0]}")


async def client(port, name, lines):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    replies = []
    for text in lines:
        writer.write(f"{name} says {text}\n".encode())
        await writer.drain()
        replies.append((await reader.readline()).decode().rstrip())
    writer.write_eof()                     # tell the server we are done
    await reader.read()                    # wait for it to close its side
    writer.close()
    await writer.wait_closed()
    return replies


async def main():
    # Port 0: the system picks a free port; ask the socket which one.
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        results = await asyncio.gather(
            client(port, "ann", ["hi", "bye"]),
            client(port, "bob", ["hello"]),
            client(port, "cyd", ["one", "two", "three"]),
        )
    for replies in results:
        print(replies)


asyncio.run(main())
