# selectors: register/modify/unregister and their errors, then one
# non-blocking listening socket serving 200 clients in a single-threaded
# selector loop, every echo verified.
import os
import selectors
import socket

sel = selectors.DefaultSelector()
a, b = socket.socketpair()
key = sel.register(a, selectors.EVENT_READ, data="a-data")
print(key.fd == a.fileno(), key.events, key.data, sel.get_key(a).data)
try:
    sel.register(a, selectors.EVENT_READ)
except KeyError as e:
    print("KeyError already registered:", "already registered" in str(e))
try:
    sel.register(b, 0)
except ValueError as e:
    print("ValueError:", e)
print(sel.select(0))
b.send(b"!")
ready = sel.select(1)
print([(k.data, ev) for k, ev in ready])
key = sel.modify(a, selectors.EVENT_READ | selectors.EVENT_WRITE, data="both")
print(sorted(ev for k, ev in sel.select(0)), key.data)
sel.unregister(a)
try:
    sel.unregister(a)
except KeyError:
    print("KeyError not registered")
try:
    sel.get_key(b)
except KeyError:
    print("KeyError get_key")
print(len(sel.get_map()))
sel.close()
a.close(); b.close()

for cls in (selectors.SelectSelector, selectors.PollSelector, selectors.EpollSelector):
    with cls() as s:
        r, w = os.pipe()
        s.register(r, selectors.EVENT_READ, "r")
        s.register(w, selectors.EVENT_WRITE, "w")
        print(cls.__name__, sorted(k.data for k, ev in s.select(0)))
        os.write(w, b"x")
        print(cls.__name__, sorted(k.data for k, ev in s.select(0)))
        os.close(r); os.close(w)

N = 200
server = socket.socket()
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(("127.0.0.1", 0))
server.listen(N)
server.setblocking(False)
port = server.getsockname()[1]
sel = selectors.DefaultSelector()
sel.register(server, selectors.EVENT_READ, "accept")
clients = []
for i in range(N):
    c = socket.socket()
    c.setblocking(False)
    err = c.connect_ex(("127.0.0.1", port))
    clients.append(c)
    sel.register(c, selectors.EVENT_WRITE, ("client", i, b""))
echoed = 0
done = 0
while done < N:
    for key, events in sel.select(5):
        tag = key.data
        if tag == "accept":
            while True:
                try:
                    conn, _ = server.accept()
                except BlockingIOError:
                    break
                conn.setblocking(False)
                sel.register(conn, selectors.EVENT_READ, "echo")
        elif tag == "echo":
            data = key.fileobj.recv(1024)
            if data:
                key.fileobj.sendall(data)
                echoed += 1
            else:
                sel.unregister(key.fileobj)
                key.fileobj.close()
        else:
            _, i, got = tag
            sock = key.fileobj
            if events & selectors.EVENT_WRITE:
                sock.sendall(b"msg %d;" % i)
                sel.modify(sock, selectors.EVENT_READ, ("client", i, b""))
            else:
                got += sock.recv(1024)
                if got == b"msg %d;" % i:
                    sel.unregister(sock)
                    sock.close()
                    done += 1
                else:
                    sel.modify(sock, selectors.EVENT_READ, ("client", i, got))
print("clients done:", done, "echoed:", echoed)
while len(sel.get_map()) > 1:
    for key, events in sel.select(1):
        if key.data == "echo":
            if not key.fileobj.recv(1024):
                sel.unregister(key.fileobj)
                key.fileobj.close()
print("left registered:", len(sel.get_map()))
sel.close()
server.close()
