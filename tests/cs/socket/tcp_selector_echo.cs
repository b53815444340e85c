# A TCP echo server and clients on 127.0.0.1 (port 0) in one process: non-blocking sockets driven by selectors.
import selectors
import socket

sel = selectors.DefaultSelector()
print(type(sel).__name__)

server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(("127.0.0.1", 0))
server.listen()
server.setblocking(False)
host, port = server.getsockname()
print(host, isinstance(port, int) and port > 0)
print(repr(server).replace(str(port), "PORT").replace("fd=%d" % server.fileno(), "fd=N"))
sel.register(server, selectors.EVENT_READ, "accept")

clients = []
for i in range(3):
    c = socket.socket()
    c.setblocking(False)
    err = c.connect_ex(("127.0.0.1", port))
    print("connect_ex", err in (0, 115))
    state = {"name": "client%d" % i, "out": ("message %d" % i).encode() * (i + 1), "got": b""}
    sel.register(c, selectors.EVENT_WRITE, state)
    clients.append(c)

done = []
accepted = []
peers = []
conns = 0
while len(done) < 3:
    for key, events in sel.select(timeout=5):
        what = key.data
        if what == "accept":
            conn, addr = server.accept()
            conns += 1
            accepted.append((addr[0], conn.getblocking(), type(conn).__name__))
            conn.setblocking(False)
            sel.register(conn, selectors.EVENT_READ, {"echo": True})
        elif "echo" in what:
            data = key.fileobj.recv(4096)
            if data:
                key.fileobj.sendall(data)
            else:
                sel.unregister(key.fileobj)
                key.fileobj.close()
        elif events & selectors.EVENT_WRITE:
            sock = key.fileobj
            sent = sock.send(what["out"])
            what["out"] = what["out"][sent:]
            if not what["out"]:
                sel.modify(sock, selectors.EVENT_READ, what)
        else:
            sock = key.fileobj
            data = sock.recv(4096)
            what["got"] += data
            if len(what["got"]) == len(("message %s" % what["name"][-1]).encode()) * (int(what["name"][-1]) + 1):
                done.append((what["name"], what["got"]))
                sel.unregister(sock)
                peers.append(sock.getpeername() == ("127.0.0.1", port))
                sock.close()

for name, got in sorted(done):
    print(name, got)
print("connections", conns)
print("accepted", accepted)
print("peers", peers)

# The server sockets see end of stream once the clients are gone.
while len(sel.get_map()) > 1:
    for key, events in sel.select(timeout=5):
        if key.data != "accept":
            if not key.fileobj.recv(4096):
                sel.unregister(key.fileobj)
                key.fileobj.close()
print(sorted(k.data for k in sel.get_map().values()))
sel.unregister(server)
server.close()
sel.close()
print(sel.get_map())
