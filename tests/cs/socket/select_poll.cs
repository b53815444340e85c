# select.select, select.poll, select.epoll readiness on pipes and sockets.
import os
import select
import socket

r, w = os.pipe()
print(select.select([r], [w], [], 0) == ([], [w], []))
os.write(w, b"x")
print(select.select([r], [], [], 0)[0] == [r])
print(select.select([], [], [], 0.01))
os.read(r, 1)

a, b = socket.socketpair()
rl, wl, xl = select.select([a, b], [a], [], 0)
print(rl, wl == [a], xl)
b.send(b"data")
print(select.select([a, b], [], [], 1)[0] == [a])

p = select.poll()
p.register(a, select.POLLIN)
p.register(w, select.POLLOUT)
print(sorted(p.poll(0)) == sorted([(a.fileno(), select.POLLIN), (w, select.POLLOUT)]))
p.modify(a, select.POLLOUT)
p.unregister(w)
print(p.poll(0) == [(a.fileno(), select.POLLOUT)])
try:
    p.unregister(w)
except KeyError as e:
    print("KeyError", e.args == (w,))
try:
    p.modify(12345, select.POLLIN)
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno)

with select.epoll() as ep:
    print(ep.closed, ep.fileno() > 2)
    ep.register(a.fileno(), select.EPOLLIN)
    print(ep.poll(0) == [(a.fileno(), select.EPOLLIN)])
    print(a.recv(10))
    print(ep.poll(0.01))
    ep.modify(a, select.EPOLLOUT)
    print(ep.poll(timeout=1, maxevents=1) == [(a.fileno(), select.EPOLLOUT)])
    ep.unregister(a)
    try:
        ep.unregister(a)
    except FileNotFoundError as e:
        print("FileNotFoundError", e.errno)
    try:
        ep.register(a, select.EPOLLIN)
        ep.register(a, select.EPOLLIN)
    except FileExistsError as e:
        print("FileExistsError", e.errno)
print(ep.closed)
try:
    ep.poll(0)
except ValueError as e:
    print("ValueError:", e)

for bad in ("x", -1):
    try:
        select.select([bad], [], [], 0)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    select.select(1, [], [])
except TypeError as e:
    print("TypeError:", e)
print(select.error is OSError)
a.close(); b.close(); os.close(r); os.close(w)
