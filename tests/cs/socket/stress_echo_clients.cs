# Stress: one non-blocking listening socket and 250 clients in one process, driven by one selectors loop; every echo is verified.
import selectors
import socket

NCLIENTS = 250
sel = selectors.DefaultSelector()
server = socket.create_server(("127.0.0.1", 0), backlog=512)
server.setblocking(False)
port = server.getsockname()[1]
sel.register(server, selectors.EVENT_READ, ("listen", None))


class Client:
    def __init__(self, i):
        self.i = i
        # Messages of different sizes, some larger than one recv.
        self.payload = (("client %d says hello;" % i) * (1 + (i * 37) % 300)).encode()
        self.to_send = self.payload
        self.received = bytearray()
        self.sock = socket.socket()
        self.sock.setblocking(False)
        self.sock.connect_ex(("127.0.0.1", port))
        sel.register(self.sock, selectors.EVENT_WRITE, ("client", self))


clients = [Client(i) for i in range(NCLIENTS)]
pending = {}  # server-side connection -> bytes waiting to be echoed
finished = 0
accepted = 0
rounds = 0
while finished < NCLIENTS:
    rounds += 1
    events = sel.select(timeout=10)
    if not events:
        raise SystemExit("stalled")
    for key, mask in events:
        kind, obj = key.data
        if kind == "listen":
            while True:
                try:
                    conn, _ = server.accept()
                except BlockingIOError:
                    break
                accepted += 1
                conn.setblocking(False)
                pending[conn] = b""
                sel.register(conn, selectors.EVENT_READ, ("conn", conn))
        elif kind == "conn":
            conn = obj
            if mask & selectors.EVENT_READ:
                data = conn.recv(65536)
                if not data:
                    sel.unregister(conn)
                    conn.close()
                    del pending[conn]
                    continue
                pending[conn] += data
            if pending[conn]:
                try:
                    sent = conn.send(pending[conn])
                except BlockingIOError:
                    sent = 0
                pending[conn] = pending[conn][sent:]
            want = selectors.EVENT_READ | (selectors.EVENT_WRITE if pending[conn] else 0)
            if key.events != want:
                sel.modify(conn, want, key.data)
        else:
            c = obj
            if mask & selectors.EVENT_WRITE and c.to_send:
                try:
                    sent = c.sock.send(c.to_send)
                except BlockingIOError:
                    sent = 0
                c.to_send = c.to_send[sent:]
                if not c.to_send:
                    sel.modify(c.sock, selectors.EVENT_READ, key.data)
            if mask & selectors.EVENT_READ:
                data = c.sock.recv(65536)
                c.received += data
                if len(c.received) >= len(c.payload) or not data:
                    sel.unregister(c.sock)
                    c.sock.close()
                    finished += 1

# Let the server side see every close.
while pending:
    for key, mask in sel.select(timeout=10):
        kind, conn = key.data
        if kind == "conn" and not conn.recv(65536):
            sel.unregister(conn)
            conn.close()
            del pending[conn]

ok = sum(1 for c in clients if bytes(c.received) == c.payload)
print("clients", NCLIENTS, "accepted", accepted, "echoed intact", ok)
print("bytes", sum(len(c.payload) for c in clients) == sum(len(c.received) for c in clients))
print("registered", list(sel.get_map().keys()) == [server.fileno()])
print("loop ran", rounds > 1)
sel.close()
server.close()
