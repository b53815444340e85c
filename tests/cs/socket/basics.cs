# socket: socketpair, TCP on 127.0.0.1, UDP, Unix sockets, timeouts,
# non-blocking mode, errors.
import os
import socket

a, b = socket.socketpair()
print(a.family, a.type, repr(a.family), a.proto)
a.sendall(b"hello")
print(b.recv(10))
a.send(b"x" * 3)
print(b.recv(2), b.recv(5))
a.close(); b.close()

srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
print(srv.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR) != 0)
srv.bind(("127.0.0.1", 0))
srv.listen(5)
host, port = srv.getsockname()
print(host, isinstance(port, int) and port > 0)
c = socket.create_connection(("127.0.0.1", port), timeout=2)
conn, addr = srv.accept()
print(addr[0], conn.getpeername() == c.getsockname(), c.getpeername() == (host, port))
c.sendall(b"ping")
print(conn.recv(4))
conn.sendall(b"pong" * 1000)
got = b""
while len(got) < 4000:
    got += c.recv(4096)
print(len(got), got[:8])
print(c.gettimeout(), conn.gettimeout(), conn.getblocking())
conn.settimeout(0.05)
try:
    conn.recv(1)
except TimeoutError as e:
    print("TimeoutError:", e, isinstance(e, socket.timeout))
conn.setblocking(False)
print(conn.gettimeout(), conn.getblocking())
try:
    conn.recv(1)
except BlockingIOError as e:
    print("BlockingIOError:", e.errno)
c.shutdown(socket.SHUT_WR)
conn.setblocking(True)
print(conn.recv(10))
c.close(); conn.close(); srv.close()
print(c.fileno())
try:
    c.recv(1)
except OSError as e:
    print(type(e).__name__, e)
try:
    socket.create_connection(("127.0.0.1", port))
except ConnectionRefusedError as e:
    print("ConnectionRefusedError:", e)
s2 = socket.socket()
print(s2.connect_ex(("127.0.0.1", port)))
s2.close()

u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u.bind(("127.0.0.1", 0))
v = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
v.sendto(b"dgram", u.getsockname())
data, frm = u.recvfrom(100)
print(data, frm[0], frm == v.getsockname())
u.close(); v.close()

path = "/tmp/cs-test-unix-%d.sock" % os.getpid()
if True:
    ls = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    ls.bind(path)
    ls.listen()
    cs = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    cs.connect(path)
    sc, _ = ls.accept()
    cs.sendall(b"unix")
    print(sc.recv(4), ls.getsockname() == path)
    for s in (cs, sc, ls):
        s.close()
    os.unlink(path)

with socket.socket() as s:
    print(s.fileno() >= 0)
print(s.fileno())
for bad in (("127.0.0.1",), "127.0.0.1", ("127.0.0.1", 70000), ("127.0.0.1", "80")):
    try:
        socket.socket().bind(bad)
    except (TypeError, OverflowError) as e:
        print(type(e).__name__, e)
try:
    socket.socket().settimeout(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    socket.socket().send("text")
except TypeError as e:
    print("TypeError:", e)
print(socket.gethostbyname("127.0.0.1"), isinstance(socket.gethostname(), str))
print(sorted({ai[4] for ai in socket.getaddrinfo("127.0.0.1", 80, socket.AF_INET, socket.SOCK_STREAM)}))
print(socket.inet_ntoa(socket.inet_aton("10.1.2.3")))
print(socket.error is OSError, issubclass(socket.gaierror, OSError))
