# A closed socket: fileno() is -1, repr says [closed], and every I/O call fails with EBADF.
import socket


def t(name, f):
    try:
        r = f()
        print(name, "OK", repr(r))
    except OSError as e:
        print(name, type(e).__name__, e.errno, e)


s = socket.socket()
s.close()
print(s.fileno(), repr(s), s.family, s.type, s.proto)
t("recv", lambda: s.recv(1))
t("send", lambda: s.send(b"x"))
t("sendall", lambda: s.sendall(b"x"))
t("sendto", lambda: s.sendto(b"x", ("127.0.0.1", 9)))
t("bind", lambda: s.bind(("127.0.0.1", 0)))
t("listen", lambda: s.listen())
t("accept", lambda: s.accept())
t("connect", lambda: s.connect(("127.0.0.1", 9)))
t("connect_ex", lambda: s.connect_ex(("127.0.0.1", 9)))
t("getsockname", lambda: s.getsockname())
t("getpeername", lambda: s.getpeername())
t("getsockopt", lambda: s.getsockopt(socket.SOL_SOCKET, socket.SO_TYPE))
t("setsockopt", lambda: s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1))
t("shutdown", lambda: s.shutdown(socket.SHUT_RDWR))
t("setblocking", lambda: s.setblocking(False))
t("settimeout", lambda: s.settimeout(1.0))
t("gettimeout", lambda: s.gettimeout())
t("close", lambda: s.close())
t("detach", lambda: s.detach())
t("dup", lambda: s.dup())

# With a timeout set before closing, calls still fail at once.
s = socket.socket()
s.settimeout(5)
s.close()
t("recv with timeout", lambda: s.recv(1))
t("accept with timeout", lambda: s.accept())

# A socket used in a with block is closed after it.
with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as u:
    u.bind(("127.0.0.1", 0))
t("after with", lambda: u.recvfrom(10))
print(repr(u))
