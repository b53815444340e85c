"""Sockets: socket.socket over the native _socket module."""

import _socket
from _socket import *
import os

error = OSError
timeout = TimeoutError

_FAMILIES = {AF_INET: 'AF_INET', AF_INET6: 'AF_INET6', AF_UNIX: 'AF_UNIX'}
_TYPES = {SOCK_STREAM: 'SOCK_STREAM', SOCK_DGRAM: 'SOCK_DGRAM'}


class _Enum(int):
    """An int that prints as its constant's name (AddressFamily/SocketKind)."""

    def __new__(cls, value, name, owner):
        self = int.__new__(cls, value)
        self._name = name
        self._owner = owner
        return self

    def __repr__(self):
        return f'<{self._owner}.{self._name}: {int(self)}>'

    def __str__(self):
        return str(int(self))

    @property
    def name(self):
        return self._name


def _family(value):
    name = _FAMILIES.get(value)
    return _Enum(value, name, 'AddressFamily') if name else value


def _kind(value):
    name = _TYPES.get(value)
    return _Enum(value, name, 'SocketKind') if name else value


class socket(_socket.socket):
    """A socket: family AF_INET/AF_INET6/AF_UNIX, type SOCK_STREAM/SOCK_DGRAM."""

    def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
        if family == -1 and fileno is None:
            family = AF_INET
        if type == -1 and fileno is None:
            type = SOCK_STREAM
        if proto == -1 and fileno is None:
            proto = 0
        _socket.socket.__init__(self, family, type, proto, fileno)

    @property
    def family(self):
        return _family(_socket.socket.family.__get__(self))

    @property
    def type(self):
        return _kind(_socket.socket.type.__get__(self))

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()

    def __repr__(self):
        closed = self.fileno() == -1
        s = (f"<socket.socket{' [closed]' if closed else ''} fd={self.fileno()}, "
             f"family={int(self.family)}, type={int(self.type)}, proto={self.proto}")
        if not closed:
            try:
                laddr = self.getsockname()
                if laddr:
                    s += f', laddr={laddr}'
            except OSError:
                pass
            try:
                raddr = self.getpeername()
                if raddr:
                    s += f', raddr={raddr}'
            except OSError:
                pass
        return s + '>'

    def accept(self):
        """Waits for a connection: (new socket, address of the peer)."""
        fd, addr = self._accept()
        sock = socket(self.family, self.type, self.proto, fileno=fd)
        if self.gettimeout() is None:
            sock.setblocking(True)
        else:
            sock.settimeout(self.gettimeout())
        return sock, addr

    def dup(self):
        fd = os.dup(self.fileno())
        sock = socket(self.family, self.type, self.proto, fileno=fd)
        sock.settimeout(self.gettimeout())
        return sock

    def makefile(self, mode='r', buffering=None, *, encoding=None, errors=None, newline=None):
        raise NotImplementedError('socket.makefile() is not supported by cs yet')


def socketpair(family=AF_UNIX, type=SOCK_STREAM, proto=0):
    """A pair of connected sockets."""
    a, b = _socket._socketpair(family, type, proto)
    return socket(family, type, proto, a), socket(family, type, proto, b)


def fromfd(fd, family, type, proto=0):
    return socket(family, type, proto, os.dup(fd))


_GLOBAL_DEFAULT_TIMEOUT = object()


def create_connection(address, timeout=_GLOBAL_DEFAULT_TIMEOUT, source_address=None):
    """Connects a TCP socket to (host, port), trying each address found."""
    host, port = address
    errors = []
    for family, type_, proto, _, sa in getaddrinfo(host, port, 0, SOCK_STREAM):
        sock = None
        try:
            sock = socket(family, type_, proto)
            if timeout is not _GLOBAL_DEFAULT_TIMEOUT:
                sock.settimeout(timeout)
            if source_address:
                sock.bind(source_address)
            sock.connect(sa)
            return sock
        except OSError as exc:
            errors.append(exc)
            if sock is not None:
                sock.close()
    if errors:
        raise errors[0]
    raise error('getaddrinfo returns an empty list')


def create_server(address, *, family=AF_INET, backlog=None, reuse_port=False,
                  dualstack_ipv6=False):
    """A listening TCP socket bound to address."""
    sock = socket(family, SOCK_STREAM)
    try:
        sock.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1)
        if reuse_port:
            sock.setsockopt(SOL_SOCKET, SO_REUSEPORT, 1)
        sock.bind(address)
        if backlog is None:
            sock.listen()
        else:
            sock.listen(backlog)
        return sock
    except BaseException:
        sock.close()
        raise
