# selectors: keys, get_key/get_map, register/modify/unregister errors, timeouts and closing, for every selector class.
import os
import selectors
import socket


class Named:
    def __init__(self, sock, name):
        self.sock = sock
        self.name = name

    def fileno(self):
        return self.sock.fileno()

    def __repr__(self):
        return "<Named %s>" % self.name


def show(exc):
    text = str(exc).replace("fd=%d," % fd_b, "fd=B,").replace("(FD %d)" % fd_a, "(FD A)")
    text = text.replace("'%d (FD" % fd_a, "'A (FD")
    print("  ", type(exc).__name__, text)


print(selectors.EVENT_READ, selectors.EVENT_WRITE, selectors.DefaultSelector is selectors.EpollSelector)
key = selectors.SelectorKey(1, 2, 3, 4)
print(key, key.fileobj, key.data, selectors.SelectorKey._fields)
try:
    selectors.BaseSelector()
except TypeError as e:
    print(type(e).__name__, e)

for cls in (selectors.SelectSelector, selectors.PollSelector, selectors.EpollSelector):
    print(cls.__name__)
    a, b = socket.socketpair()
    fd_a = a.fileno()
    fd_b = b.fileno()
    na = Named(a, "a")
    sel = cls()
    k = sel.register(na, selectors.EVENT_READ, "data-a")
    print("  key", k.fileobj, k.fd == fd_a, k.events, k.data)
    print("  map", len(sel.get_map()), sel.get_key(na) is k, sel.get_map()[fd_a] is k, na in sel.get_map())
    print("  fd lookup", sel.get_key(fd_a).data, list(sel.get_map()) == [fd_a])
    for args in [(na, selectors.EVENT_READ), (fd_a, selectors.EVENT_WRITE), (b, 0), (b, 4),
                 (b, -1), ("nofile", 1), (-5, 1), (None, 1)]:
        try:
            sel.register(*args)
        except (KeyError, ValueError) as e:
            show(e)
    try:
        sel.get_key(b)
    except KeyError as e:
        show(e)
    try:
        sel.unregister(b)
    except KeyError as e:
        show(e)
    try:
        sel.modify(b, selectors.EVENT_READ)
    except KeyError as e:
        show(e)
    print("  get", sel.get_map().get(b), sel.get_map().get(na).data)

    # Nothing to read yet: a timeout of zero, then of a few milliseconds.
    print("  select", sel.select(0), sel.select(0.01), sel.select(-1))
    b.send(b"ping")
    ready = sel.select()
    print("  ready", [(key.data, ev) for key, ev in ready])
    a.recv(10)
    # modify: new data only, then new events (a socket is always writable).
    k2 = sel.modify(na, selectors.EVENT_READ, "new-data")
    print("  modified data", k2.data, k2.events, sel.get_key(na) is k2)
    k3 = sel.modify(na, selectors.EVENT_READ | selectors.EVENT_WRITE, "rw")
    print("  modified events", k3.events, [(key.data, ev) for key, ev in sel.select(0)])
    sel.register(b, selectors.EVENT_WRITE)
    print("  both", sorted((str(key.data), ev) for key, ev in sel.select(1)))
    print("  unregister", sel.unregister(b).events, len(sel.get_map()))
    # A closed file object can still be unregistered (found by identity).
    a.close()
    print("  closed unregister", sel.unregister(na).data, len(sel.get_map()))
    with sel as s:
        print("  same", s is sel)
    print("  closed map", sel.get_map())
    try:
        sel.get_key(na)
    except RuntimeError as e:
        print("  ", type(e).__name__, e)
    b.close()

# The epoll selector exposes its descriptor.
with selectors.EpollSelector() as sel:
    print(type(sel.fileno()).__name__, sel.select(0))
