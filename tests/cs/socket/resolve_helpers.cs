# Name resolution (numeric and localhost), inet_aton/ntoa/pton/ntop, byte order, enums and constants.
import socket


def t(f):
    try:
        print("OK", repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


print(type(socket.gethostname()).__name__, len(socket.gethostname()) > 0)
t(lambda: socket.gethostbyname("127.0.0.1"))
t(lambda: socket.gethostbyname("localhost"))
t(lambda: socket.gethostbyname(""))
t(lambda: socket.gethostbyname(b"127.0.0.1"))
t(lambda: socket.gethostbyname())
t(lambda: socket.gethostbyname(1))
t(lambda: socket.gethostbyname_ex("127.0.0.1"))
t(lambda: socket.gethostbyaddr("127.0.0.1")[2])
t(lambda: socket.gethostbyaddr(1))
t(lambda: socket.gethostbyname_ex())
t(lambda: socket.getfqdn("127.0.0.1") == socket.gethostbyaddr("127.0.0.1")[0])
t(lambda: socket.getfqdn("no-such-host.invalid"))
t(lambda: socket.getaddrinfo("127.0.0.1", 80, socket.AF_INET, socket.SOCK_STREAM))
t(lambda: socket.getaddrinfo("localhost", 80, socket.AF_INET, socket.SOCK_STREAM))
t(lambda: socket.getaddrinfo(None, 0, socket.AF_INET, socket.SOCK_STREAM, 0, socket.AI_PASSIVE))
t(lambda: socket.getaddrinfo("::1", "80", socket.AF_INET6, socket.SOCK_DGRAM))
t(lambda: socket.getaddrinfo("127.0.0.1", b"80", type=socket.SOCK_STREAM))
t(lambda: socket.getaddrinfo(host="127.0.0.1", port=80, family=socket.AF_INET,
                             type=socket.SOCK_DGRAM, proto=0, flags=0))
t(lambda: socket.getaddrinfo("127.0.0.1", 1.5))
t(lambda: socket.getaddrinfo(1, 1))
t(lambda: socket.getaddrinfo())
t(lambda: socket.getaddrinfo("127.0.0.1", "80", 0, socket.SOCK_STREAM, 0, 0, 1))
t(lambda: socket.getaddrinfo("127.0.0.1", 80, socket.AF_INET, socket.SOCK_STREAM,
                             0, socket.AI_NUMERICHOST | socket.AI_CANONNAME))
try:
    socket.getaddrinfo("host.name.that.does.not.exist.invalid", 80)
except socket.gaierror as e:
    print("gaierror", type(e).__module__, e.errno < 0, isinstance(e, OSError))
try:
    socket.getaddrinfo("127.0.0.1", "no-such-service-name", socket.AF_INET, socket.SOCK_STREAM)
except socket.gaierror as e:
    print("gaierror", e)

print("-- inet")
t(lambda: socket.inet_aton("1.2.3.4"))
t(lambda: socket.inet_aton("1.2.3"))
t(lambda: socket.inet_aton("x"))
t(lambda: socket.inet_aton(1))
t(lambda: socket.inet_ntoa(b"\x01\x02\x03\x04"))
t(lambda: socket.inet_ntoa(b"\x01\x02\x03"))
t(lambda: socket.inet_ntoa("x"))
t(lambda: socket.inet_pton(socket.AF_INET6, "::1"))
t(lambda: socket.inet_pton(socket.AF_INET, "10.0.0.1"))
t(lambda: socket.inet_pton(socket.AF_INET, "x"))
t(lambda: socket.inet_ntop(socket.AF_INET6, b"\0" * 15 + b"\1"))
t(lambda: socket.inet_ntop(socket.AF_INET, b"\x7f\0\0\1"))
t(lambda: socket.inet_ntop(socket.AF_INET, b"\x7f\0\0"))

print("-- byte order")
t(lambda: socket.htons(1))
t(lambda: socket.ntohs(256))
t(lambda: socket.htons(-1))
t(lambda: socket.htons(70000))
t(lambda: socket.htons("x"))
t(lambda: socket.htonl(1))
t(lambda: socket.ntohl(16777216))
t(lambda: socket.htonl(-1))
t(lambda: socket.ntohl(2**33))

print("-- enums")
print(socket.AF_INET, repr(socket.AF_INET), socket.AF_INET.name, socket.AF_INET.value)
print(f"{socket.AF_INET6}", "%s %d %r" % (socket.SOCK_DGRAM, socket.SOCK_DGRAM, socket.SOCK_DGRAM))
print(socket.AddressFamily(2), repr(socket.AddressFamily(10)), socket.SocketKind(1) is socket.SOCK_STREAM)
t(lambda: socket.AddressFamily(12345))
print(isinstance(socket.AF_INET, int), socket.AF_INET == 2, hash(socket.AF_INET) == hash(2))
print(repr(socket.MSG_PEEK), repr(socket.MSG_PEEK | socket.MSG_DONTWAIT), socket.MSG_PEEK | socket.MSG_DONTWAIT)
print(repr(socket.AI_PASSIVE | socket.AI_CANONNAME), repr(socket.MsgFlag(0)), repr(socket.MSG_PEEK + 1))
print([m.name for m in socket.SocketKind], socket.AddressFamily, socket.MsgFlag)
print(socket.SOL_SOCKET, socket.SO_REUSEADDR, socket.SO_REUSEPORT, socket.SO_ERROR, socket.SO_RCVBUF,
      socket.SO_SNDBUF, socket.IPPROTO_TCP, socket.TCP_NODELAY, socket.SHUT_RD, socket.SHUT_WR,
      socket.SHUT_RDWR, socket.SOMAXCONN, socket.SOCK_NONBLOCK, socket.SOCK_CLOEXEC, socket.has_ipv6)
print(socket.INADDR_ANY, socket.INADDR_LOOPBACK, socket.IPPROTO_UDP, socket.SOL_TCP)
