# socket.socket subclassed by user code; create_server/create_connection, dup, fromfd, blocking accept in one process.
import os
import socket


class Tagged(socket.socket):
    def __init__(self, *args, tag="none", **kwargs):
        super().__init__(*args, **kwargs)
        self.tag = tag

    def send_line(self, text):
        return self.sendall(text.encode() + b"\n")


server = socket.create_server(("127.0.0.1", 0))
print(type(server).__name__, server.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR) != 0)
port = server.getsockname()[1]

t = Tagged(socket.AF_INET, socket.SOCK_STREAM, tag="mine")
print(isinstance(t, socket.socket), isinstance(t, socket.SocketType), t.tag)
print(repr(t).startswith("<__main__.Tagged fd="), t.family, t.type)
t.connect(("127.0.0.1", port))
conn, addr = server.accept()
print(type(conn).__name__, addr[0], conn.gettimeout())
t.send_line("hello")
print(conn.recv(100))
t.close()
conn.close()

# create_connection returns a connected socket.socket; the timeout is kept.
c = socket.create_connection(("127.0.0.1", port), timeout=3)
conn, addr = server.accept()
print(type(c).__name__, c.gettimeout(), c.getpeername() == ("127.0.0.1", port))
c.sendall(b"via create_connection")
print(conn.recv(100))

# dup: a second socket object over a copy of the descriptor.
d = c.dup()
print(d.fileno() != c.fileno(), d.gettimeout(), type(d).__name__)
d.sendall(b"from dup")
print(conn.recv(100))
d.close()
f = socket.fromfd(c.fileno(), socket.AF_INET, socket.SOCK_STREAM)
f.sendall(b"from fromfd")
print(conn.recv(100), f.family)
f.close()
c.close()
print(conn.recv(100))
conn.close()

# Binding a port already in use.
try:
    socket.create_server(("127.0.0.1", port))
except OSError as e:
    print(type(e).__name__, e.errno, str(e).replace(str(port), "PORT"))
other = socket.socket()
try:
    other.bind(("127.0.0.1", port))
except OSError as e:
    print(type(e).__name__, e)
other.close()
server.close()

# get/set_inheritable follow the descriptor flag.
s = socket.socket()
print(s.get_inheritable())
s.set_inheritable(True)
print(s.get_inheritable(), os.get_inheritable(s.fileno()))
s.close()
