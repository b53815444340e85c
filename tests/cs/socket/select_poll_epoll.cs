# select.select, select.poll and select.epoll report readiness of pipes and sockets; their argument errors.
import os
import select
import socket


class Wrapper:
    def __init__(self, fd):
        self.fd = fd

    def fileno(self):
        return self.fd

    def __repr__(self):
        return "Wrapper"


print(select.error is OSError)
r, w = os.pipe()
a, b = socket.socketpair()

# select: lists of ints and fileno() objects, results keep the objects.
print(select.select([r], [w], [], 0) == ([], [w], []))
os.write(w, b"data")
rr, ww, xx = select.select([Wrapper(r), a], (Wrapper(w),), [], 0.0)
print(rr, ww, xx)
print(select.select([], [], [], 0.01))
b.send(b"x")
print(select.select([a, b], [], [], None)[0] == [a])
print(select.select({r}, [], [], 0)[0] == [r])
print(select.select(iter([a]), [], [])[0] == [a])
os.read(r, 100)
a.recv(10)

for args in [(1, [], [], 0), ([object()], [], [], 0), ([-1], [], [], 0),
             ([Wrapper("x")], [], [], 0), ([5000], [], [], 0), ([r], [], [], -1),
             ([r], [], [], "1"), ([r], [], [], float("nan")),
             ([r], []), ([r], [], [], 0, 1)]:
    try:
        print(select.select(*args))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    select.select([r], [], [], timeout=0)
except TypeError as e:
    print(e)

# poll
p = select.poll()
print(type(p).__name__)
p.register(r)
p.register(Wrapper(w), select.POLLOUT)
print(p.poll(0) == [(w, select.POLLOUT)])
os.write(w, b"more")
print(sorted(p.poll(10)) == sorted([(r, select.POLLIN), (w, select.POLLOUT)]))
p.modify(w, select.POLLIN)
print(p.poll() == [(r, select.POLLIN)])
p.unregister(w)
print(p.poll(0.5) == [(r, select.POLLIN)])
os.read(r, 100)
print(p.poll(1))
# Closing the write end: the read end hangs up.
w2_r, w2_w = os.pipe()
p.register(w2_r, select.POLLIN)
os.close(w2_w)
print(p.poll(0) == [(w2_r, select.POLLHUP)])
p.unregister(w2_r)
os.close(w2_r)
for call, args in [(p.modify, (999, select.POLLIN)), (p.unregister, (999,)),
                   (p.register, (r, 70000)), (p.register, (r, -1)), (p.register, ("x",)),
                   (p.register, (-1,)), (p.poll, ("x",)), (p.register, ()),
                   (p.modify, (1,)), (p.poll, (1, 2))]:
    try:
        call(*args)
    except (TypeError, ValueError, OverflowError, KeyError, OSError) as e:
        print(type(e).__name__, e)
try:
    select.poll(1)
except TypeError as e:
    print(e)

# epoll
ep = select.epoll()
print(ep.closed, type(ep.fileno()).__name__)
ep.register(a.fileno(), select.EPOLLIN)
ep.register(b, select.EPOLLIN | select.EPOLLOUT)
print(ep.poll(0) == [(b.fileno(), select.EPOLLOUT)])
b.send(b"hi")
print(sorted(ep.poll(1)) == sorted([(a.fileno(), select.EPOLLIN), (b.fileno(), select.EPOLLOUT)]))
print(len(ep.poll(timeout=0, maxevents=1)))
ep.modify(b, select.EPOLLIN)
print(ep.poll(0.01) == [(a.fileno(), select.EPOLLIN)])
a.recv(10)
ep.unregister(a)
print(ep.poll(0))
# Edge-triggered: one report per change.
ep.register(a, select.EPOLLIN | select.EPOLLET)
b.send(b"1")
print(ep.poll(0) == [(a.fileno(), select.EPOLLIN)], ep.poll(0))
b.send(b"2")
print(ep.poll(0) == [(a.fileno(), select.EPOLLIN)])
# A peer that closes: EPOLLIN with EPOLLRDHUP / EPOLLHUP bits.
ep.modify(a, select.EPOLLIN | select.EPOLLRDHUP)
b.close()
events = ep.poll(0)
print(len(events), events[0][1] & select.EPOLLRDHUP == select.EPOLLRDHUP)
for call, args in [(ep.register, (a,)), (ep.modify, (r, 1)), (ep.unregister, (r,)),
                   (ep.register, (-1,)), (ep.poll, (0, 0)), (ep.poll, (0, -2)),
                   (ep.poll, ("x",)), (ep.register, ())]:
    try:
        call(*args)
    except (TypeError, ValueError, OSError) as e:
        print(type(e).__name__, e)
ep.close()
print(ep.closed)
ep.close()
for call in (ep.fileno, lambda: ep.poll(0), lambda: ep.register(r)):
    try:
        call()
    except ValueError as e:
        print(e)
with select.epoll() as ep2:
    print("in with", ep2.closed)
print(ep2.closed)
for args in [(0,), (-2,), (1, 2, 3)]:
    try:
        select.epoll(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
select.epoll(sizehint=5, flags=select.EPOLL_CLOEXEC).close()
print(select.EPOLLIN, select.EPOLLOUT, select.EPOLLET, select.POLLIN, select.POLLNVAL, select.POLLPRI)
a.close()
os.close(r)
os.close(w)
