# Timeouts (TimeoutError('timed out') after a poll), non-blocking errors (BlockingIOError), refused connections.
import socket
import time

print(socket.timeout is TimeoutError, socket.error is OSError)
print(issubclass(socket.gaierror, OSError), issubclass(socket.herror, OSError))
print(socket.getdefaulttimeout())

a, b = socket.socketpair()
b.settimeout(0.05)
print(b.gettimeout(), b.getblocking(), b.timeout)
start = time.monotonic()
try:
    b.recv(10)
except socket.timeout as e:
    print(type(e).__name__, repr(e), e.args, e.errno, e.strerror)
print("waited", time.monotonic() - start >= 0.04)

# Data that arrives in time is returned.
a.send(b"in time")
print(b.recv(100))

# sendall with a timeout on a full buffer times out as well.
b.settimeout(0.05)
try:
    b.sendall(b"x" * 10000000)
except TimeoutError as e:
    print("sendall", e)

# Non-blocking: EAGAIN as BlockingIOError.
a.setblocking(False)
print(a.gettimeout(), a.getblocking())
try:
    while True:
        a.recv(1 << 20)
except BlockingIOError as e:
    print(type(e).__name__, e.errno, e.strerror, e)
a.settimeout(None)
print(a.gettimeout(), a.getblocking())
a.close()
b.close()

# accept() with a timeout and nobody connecting.
server = socket.socket()
server.bind(("127.0.0.1", 0))
server.listen()
server.settimeout(0.02)
try:
    server.accept()
except TimeoutError as e:
    print("accept", e)
# Non-blocking accept.
server.setblocking(False)
try:
    server.accept()
except BlockingIOError as e:
    print("accept", type(e).__name__, e)

# A non-blocking connect is in progress; the listening socket accepts it.
port = server.getsockname()[1]
c = socket.socket()
c.setblocking(False)
try:
    c.connect(("127.0.0.1", port))
except BlockingIOError as e:
    print("connect", e.errno, e)
c.close()
server.close()

# Connecting to a port nobody listens on.
probe = socket.socket()
probe.bind(("127.0.0.1", 0))
closed_port = probe.getsockname()[1]
probe.close()
c = socket.socket()
try:
    c.connect(("127.0.0.1", closed_port))
except ConnectionRefusedError as e:
    print(type(e).__name__, e.errno, e.strerror, e)
print(c.connect_ex(("127.0.0.1", closed_port)))
c.close()
c = socket.socket()
c.settimeout(2)
try:
    c.connect(("127.0.0.1", closed_port))
except ConnectionRefusedError as e:
    print("with timeout:", e)
c.close()
try:
    socket.create_connection(("127.0.0.1", closed_port), timeout=2)
except OSError as e:
    print("create_connection:", type(e).__name__, e)

# The default timeout applies to new sockets.
socket.setdefaulttimeout(1.5)
s = socket.socket()
print(socket.getdefaulttimeout(), s.gettimeout())
s.close()
socket.setdefaulttimeout(None)
s = socket.socket()
print(socket.getdefaulttimeout(), s.gettimeout())
s.close()
