# UDP on 127.0.0.1: sendto/recvfrom, recvfrom_into, connected datagram sockets, message boundaries and truncation.
import socket

rx = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
rx.bind(("127.0.0.1", 0))
port = rx.getsockname()[1]
tx = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
print(rx.type, tx.family, repr(rx.type))

print(tx.sendto(b"first", ("127.0.0.1", port)))
print(tx.sendto(b"second", 0, ("127.0.0.1", port)))
txport = tx.getsockname()[1]
data, addr = rx.recvfrom(100)
print(data, addr == ("127.0.0.1", txport))
buf = bytearray(10)
n, addr = rx.recvfrom_into(buf)
print(n, bytes(buf[:n]), addr[0])

# A datagram larger than the buffer is truncated, the rest is dropped.
tx.sendto(b"0123456789", ("127.0.0.1", port))
tx.sendto(b"next", ("127.0.0.1", port))
print(rx.recv(4), rx.recv(100))

# A connected datagram socket uses send/recv.
tx.connect(("127.0.0.1", port))
print(tx.getpeername() == ("127.0.0.1", port))
tx.send(b"connected")
print(rx.recvfrom(100)[0])
rx.sendto(b"reply", ("127.0.0.1", txport))
print(tx.recv(100))

# Broadcast option and the "" wildcard address.
any_ = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
any_.bind(("", 0))
print(any_.getsockname()[0])
any_.setsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST, 1)
print(any_.getsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST))

# Non-blocking receive with nothing queued.
rx.setblocking(False)
try:
    rx.recvfrom(10)
except BlockingIOError as e:
    print(type(e).__name__, e.errno, e)
# MSG_DONTWAIT on a blocking socket.
rx.setblocking(True)
try:
    rx.recv(10, socket.MSG_DONTWAIT)
except BlockingIOError as e:
    print(type(e).__name__, e)

# IPv6 loopback, when the machine has it.
try:
    six = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
    six.bind(("::1", 0))
except OSError:
    print("('::1', True, 0, 0)")
else:
    host, p6, flow, scope = six.getsockname()
    print((host, p6 > 0, flow, scope))
    six.close()

for s in (rx, tx, any_):
    s.close()
