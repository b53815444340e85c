# socketpair(): connected AF_UNIX stream sockets, their attributes, data both ways, shutdown and EOF.
import socket

a, b = socket.socketpair()
print(type(a).__name__, type(a).__module__, isinstance(a, socket.socket))
print(isinstance(a, socket.SocketType), issubclass(socket.socket, socket.SocketType))
print(a.family, a.type, a.proto, repr(a.family), repr(a.type))
print(a.family == socket.AF_UNIX, a.type is socket.SOCK_STREAM)
print(repr(a.getsockname()), repr(b.getpeername()))
print(a.gettimeout(), a.getblocking(), a.timeout)

# The repr shows the descriptor, which varies: compare it through fileno().
text = repr(a).replace("fd=%d," % a.fileno(), "fd=N,")
print(text)

print(a.send(b"hello"))
print(b.recv(100))
a.sendall(b"x" * 100000)
got = bytearray()
while len(got) < 100000:
    got += b.recv(65536)
print(len(got), got == b"x" * 100000)

b.sendall(bytearray(b"from b"))
buf = bytearray(10)
n = a.recv_into(buf)
print(n, buf)
b.send(b"abcdef")
print(a.recv_into(buf, 3), buf)
print(a.recv(10, socket.MSG_PEEK), a.recv(10))
b.send(b"xyz")
data, addr = a.recvfrom(10)
print(data, addr)

# After shutdown(SHUT_WR) the peer reads end of stream.
b.shutdown(socket.SHUT_WR)
print(a.recv(10))
print(a.recv(10))

# Socket options.
print(a.getsockopt(socket.SOL_SOCKET, socket.SO_TYPE) == socket.SOCK_STREAM)
print(a.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR))
a.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 65536)
print(a.getsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF) >= 65536)
raw = a.getsockopt(socket.SOL_SOCKET, socket.SO_TYPE, 4)
print(type(raw).__name__, len(raw), int.from_bytes(raw, "little"))

# Context manager closes; close is idempotent; detach hands the fd out.
with a:
    print("inside", a.fileno() >= 0)
print(a.fileno(), a._closed)
a.close()
text = repr(a)
print(text)
fd = b.detach()
print(b.fileno(), fd >= 0)
c = socket.socket(fileno=fd)
print(c.family, c.type, c.proto)
c.close()

# SOCK_DGRAM pairs keep message boundaries.
x, y = socket.socketpair(socket.AF_UNIX, socket.SOCK_DGRAM)
x.send(b"one")
x.send(b"two")
print(y.recv(100), y.recv(100), y.type)
x.close()
y.close()

# A nonblocking pair.
x, y = socket.socketpair(type=socket.SOCK_STREAM | socket.SOCK_NONBLOCK)
print(x.gettimeout(), x.getblocking(), x.type)
x.close()
y.close()
