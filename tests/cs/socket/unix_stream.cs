# AF_UNIX stream sockets bound to a path in a fresh temporary directory; abstract-namespace addresses.
import os
import socket

base = "/tmp/cs-sock-test-%d" % os.getpid()
os.mkdir(base)
path = os.path.join(base, "server.sock")
try:
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(path)
    server.listen(5)
    print(server.getsockname() == path, os.path.exists(path))
    print(repr(server).replace(base, "BASE").replace("fd=%d" % server.fileno(), "fd=N"))

    client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    client.connect(path)
    conn, addr = server.accept()
    print(repr(addr), client.getpeername() == path, conn.getsockname() == path)
    client.sendall(b"ping over unix")
    print(conn.recv(100))
    conn.sendall(b"pong")
    print(client.recv(100))
    client.close()
    print(conn.recv(100))
    conn.close()

    # Binding the same path again fails: the file exists.
    other = socket.socket(socket.AF_UNIX)
    try:
        other.bind(path)
    except OSError as e:
        print(type(e).__name__, e.errno, e.strerror)
    # bytes paths work too.
    other.bind(os.fsencode(os.path.join(base, "bytes.sock")))
    print(repr(other.getsockname()).replace(base, "BASE"))
    other.close()

    # Connecting to a path nobody listens on.
    c = socket.socket(socket.AF_UNIX)
    try:
        c.connect(os.path.join(base, "missing.sock"))
    except FileNotFoundError as e:
        print(type(e).__name__, e.errno, e.strerror)
    c.close()
    server.close()
finally:
    for name in os.listdir(base):
        os.unlink(os.path.join(base, name))
    os.rmdir(base)
print(os.path.exists(base))

# The abstract namespace: a leading NUL byte, reported back as bytes.
name = "\0cs-abstract-%d" % os.getpid()
s = socket.socket(socket.AF_UNIX)
s.bind(name)
got = s.getsockname()
print(type(got).__name__, got == name.encode())
s.close()

# An over-long path.
try:
    socket.socket(socket.AF_UNIX).bind("/tmp/" + "x" * 200)
except OSError as e:
    print(type(e).__name__, e, e.errno)
