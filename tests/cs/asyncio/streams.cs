# asyncio streams: a server and clients on 127.0.0.1, readline/readexactly/
# readuntil/read, EOF handling, get_extra_info, errors.
import asyncio

async def handle(reader, writer):
    peer = writer.get_extra_info("peername")
    while True:
        line = await reader.readline()
        if not line:
            break
        if line == b"bye\n":
            writer.write(b"closing\n")
            await writer.drain()
            break
        writer.write(line[::-1][1:] + b"\n")
        await writer.drain()
    writer.close()
    await writer.wait_closed()

async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    host, port = server.sockets[0].getsockname()
    print(host, server.is_serving())
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    print(writer.get_extra_info("peername") == ("127.0.0.1", port))
    writer.write(b"hello\n")
    writer.writelines([b"ab", b"c\n"])
    await writer.drain()
    print(await reader.readline(), await reader.readline())
    writer.write(b"xyz:rest\n")
    print(await reader.readuntil(b":"), await reader.readexactly(4))
    writer.write(b"bye\n")
    print(await reader.read())
    print(reader.at_eof(), await reader.read(), await reader.readline())
    try:
        await reader.readexactly(1)
    except asyncio.IncompleteReadError as e:
        print("IncompleteReadError:", e, e.partial, e.expected)
    writer.close()
    await writer.wait_closed()
    print(writer.is_closing())

    # async for over lines.
    r2, w2 = await asyncio.open_connection("127.0.0.1", port)
    w2.write(b"one\ntwo\nbye\n")
    print([line async for line in r2])
    w2.close()
    await w2.wait_closed()

    server.close()
    await server.wait_closed()
    print(server.is_serving())
    try:
        await asyncio.open_connection("127.0.0.1", port)
    except ConnectionRefusedError as e:
        print("refused:", e.errno == 111)

    # A reader fed by hand.
    r = asyncio.StreamReader()
    r.feed_data(b"abc\ndef")
    r.feed_eof()
    print(await r.readline(), await r.readline(), await r.readline())
    try:
        await asyncio.StreamReader().readuntil(b"")
    except ValueError as e:
        print("ValueError:", e)
    small = asyncio.StreamReader(limit=4)
    small.feed_data(b"toolongline\n")
    try:
        await small.readline()
    except ValueError as e:
        print("ValueError:", e)

asyncio.run(main())
