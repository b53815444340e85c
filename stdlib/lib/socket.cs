# The socket module: the face of the _socket C module (stdlib/mod_socket.c).
# The class socket.socket subclasses _socket.socket and adds what is written
# in cs: accept() returning a socket, the context manager, CPython's repr,
# family/type as enum members; plus socketpair, fromfd, getaddrinfo with
# enum members, create_connection and create_server, and makefile()'s
# file objects (SocketIO, a buffered binary file, a text file).
#
# AddressFamily and SocketKind behave as CPython's IntEnums do where programs
# look: members are ints, str() and format() give the number, repr() gives
# <AddressFamily.AF_INET: 2>, .name and .value, lookup by value. There is no
# enum module yet, so a small int subclass stands in for IntEnum.

import _socket
import os
import sys
from _socket import *

_ss = _socket.socket


# ---------------------------------------------------------------------------
# Enumerations

class EnumType(type):
    """Metaclass of the enum stand-ins: iteration, len and name lookup."""

    def __iter__(cls):
        return iter(cls._member_list_)

    def __len__(cls):
        return len(cls._member_list_)

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __contains__(cls, member):
        return isinstance(member, cls) and member._name_ in cls._member_map_

    @property
    def __members__(cls):
        return dict(cls._member_map_)

    def __repr__(cls):
        kind = "flag" if issubclass(cls, _IntFlag) else "enum"
        return "<%s %r>" % (kind, cls.__name__)


_EnumType = EnumType  # named as enum's metaclass, kept out of the namespace
del EnumType


class _IntEnum(int, metaclass=_EnumType):
    _member_list_ = []
    _member_map_ = {}
    _value2member_map_ = {}

    def __new__(cls, value):
        try:
            return cls._value2member_map_[value]
        except (KeyError, TypeError):
            pass
        raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))

    def __repr__(self):
        return "<%s.%s: %d>" % (type(self).__name__, self._name_, int(self))

    def __str__(self):
        return int.__repr__(self)

    def __format__(self, spec):
        return int.__format__(int(self), spec)

    def __reduce__(self):
        return (type(self), (int(self),))

    @property
    def name(self):
        return self._name_

    @property
    def value(self):
        return int(self)


def _convert_enum(cls, prefix, namespace):
    # Members are the module's constants with the prefix, in value order; a
    # constant that repeats an earlier value stays an alias of that member.
    cls._member_list_ = []
    cls._member_map_ = {}
    cls._value2member_map_ = {}
    names = sorted((value, name) for name, value in _socket.__dict__.items()
                   if name.startswith(prefix) and name.isupper())
    for value, name in names:
        member = cls._value2member_map_.get(value)
        if member is None:
            member = int.__new__(cls, value)
            member._name_ = name
            cls._value2member_map_[value] = member
            cls._member_list_.append(member)
        cls._member_map_[name] = member
        setattr(cls, name, member)
        namespace[name] = member


class _IntFlag(_IntEnum):
    # Flags combine with | & ^ into values that keep the class; their repr
    # names the members set, lowest bit first, and any other bits as a
    # number: <MsgFlag.MSG_PEEK|MSG_DONTWAIT: 66>.

    def __new__(cls, value):
        member = cls._value2member_map_.get(value)
        if member is not None:
            return member
        if not isinstance(value, int):
            raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))
        pseudo = int.__new__(cls, value)
        pseudo._name_ = None
        return pseudo

    def __repr__(self):
        value = int(self)
        cls = type(self).__name__
        if self._name_ is not None:
            return "<%s.%s: %d>" % (cls, self._name_, value)
        if value == 0:
            return "<%s: 0>" % cls
        names = []
        rest = value
        for member in type(self)._member_list_:
            bits = int(member)
            if bits and bits & rest == bits:
                names.append(member._name_)
                rest &= ~bits
        if rest:
            names.append(str(rest))
        return "<%s.%s: %d>" % (cls, "|".join(names), value)

    def __or__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return type(self)(int(self) | int(other))

    def __and__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return type(self)(int(self) & int(other))

    def __xor__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return type(self)(int(self) ^ int(other))

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__


class AddressFamily(_IntEnum):
    pass


class SocketKind(_IntEnum):
    pass


class MsgFlag(_IntFlag):
    pass


class AddressInfo(_IntFlag):
    pass


for _cls, _prefix in ((AddressFamily, 'AF_'), (SocketKind, 'SOCK_'),
                      (MsgFlag, 'MSG_'), (AddressInfo, 'AI_')):
    _cls.__module__ = 'socket'
    _convert_enum(_cls, _prefix, globals())
del _cls, _prefix


def _intenum_converter(value, enum_klass):
    try:
        return enum_klass(value)
    except ValueError:
        return value


# ---------------------------------------------------------------------------
# The socket class

_GLOBAL_DEFAULT_TIMEOUT = object()
error = OSError
timeout = TimeoutError
SocketType = _socket.socket


class socket(_socket.socket):
    """A subclass of _socket.socket adding the I/O conveniences."""

    def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
        if fileno is None:
            if family == -1:
                family = AF_INET
            if type == -1:
                type = SOCK_STREAM
            if proto == -1:
                proto = 0
        _ss.__init__(self, family, type, proto, fileno)
        self._io_refs = 0
        self._closed = False

    def __enter__(self):
        return self

    def __exit__(self, *args):
        if not self._closed:
            self.close()

    def __repr__(self):
        closed = getattr(self, '_closed', False)
        text = "<%s.%s%s fd=%i, family=%s, type=%s, proto=%i" % (
            type(self).__module__, type(self).__qualname__,
            " [closed]" if closed else "", self.fileno(), self.family,
            self.type, self.proto)
        if not closed:
            for label, method in (("laddr", self.getsockname),
                                  ("raddr", self.getpeername)):
                try:
                    addr = method()
                except (OSError, AttributeError):
                    continue
                if addr:
                    text += ", %s=%s" % (label, str(addr))
        return text + ">"

    def __getstate__(self):
        raise TypeError(f"cannot pickle {type(self).__name__!r} object")

    def dup(self):
        """dup() -> socket object: a new socket over a duplicate descriptor."""
        fd = dup(self.fileno())
        sock = type(self)(self.family, self.type, self.proto, fileno=fd)
        sock.settimeout(self.gettimeout())
        return sock

    def accept(self):
        """accept() -> (socket object, address info)

        Waits for an incoming connection and returns a new socket for it,
        with the peer's address."""
        fd, addr = self._accept()
        sock = socket(self.family, self.type, self.proto, fileno=fd)
        # A listening socket with a timeout hands out blocking sockets, as
        # the descriptor from accept() is, unless a default timeout is set.
        if getdefaulttimeout() is None and self.gettimeout():
            sock.setblocking(True)
        return sock, addr

    def makefile(self, mode="r", buffering=None, *, encoding=None, errors=None,
                 newline=None):
        """makefile(...) -> a file object reading and/or writing the socket.

        Modes are made of r, w and b. Text files decode UTF-8 unless told
        otherwise; buffering=0 gives the raw SocketIO (binary only). The
        socket stays open until the file is closed too."""
        if not set(mode) <= {"r", "w", "b"}:
            raise ValueError("invalid mode %r (only r, w, b allowed)" % (mode,))
        writing = "w" in mode
        reading = "r" in mode or not writing
        binary = "b" in mode
        if buffering is None or buffering < 0:
            buffering = 8192
        if buffering == 0 and not binary:
            raise ValueError("unbuffered streams must be binary")
        raw = SocketIO(self, ("r" if reading else "") + ("w" if writing else ""))
        self._io_refs += 1
        if buffering == 0:
            return raw
        buffer = _SocketBuffer(raw, buffering)
        if binary:
            return buffer
        return _SocketText(buffer, mode, encoding, errors, newline)

    def sendfile(self, file, offset=0, count=None):
        """sendfile(file[, offset[, count]]) -> sent

        Sends a binary file's contents (from offset, count bytes or to its
        end) with send(); the file position ends after the last byte sent."""
        if 'b' not in getattr(file, 'mode', 'b'):
            raise ValueError("file should be opened in binary mode")
        if not self.type & SOCK_STREAM:
            raise ValueError("only SOCK_STREAM type sockets are supported")
        if count is not None:
            if not isinstance(count, int):
                raise TypeError("count must be a positive integer (got {!r})".format(count))
            if count <= 0:
                raise ValueError("count must be a positive integer (got {!r})".format(count))
        if self.gettimeout() == 0:
            raise ValueError("non-blocking sockets are not supported")
        # As with os.sendfile (what CPython uses on Linux), the data starts
        # at offset whatever the file position is.
        file.seek(offset)
        total = 0
        try:
            while count is None or total < count:
                want = 8192 if count is None else min(8192, count - total)
                data = file.read(want)
                if not data:
                    break
                self.sendall(data)
                total += len(data)
            return total
        finally:
            if total > 0 and hasattr(file, 'seek'):
                file.seek(offset + total)

    def _decref_socketios(self):
        if self._io_refs > 0:
            self._io_refs -= 1
        if self._closed:
            self.close()

    def _real_close(self, _ss=_ss):
        _ss.close(self)

    def close(self):
        """close(): closes the socket (once no makefile() object uses it)."""
        self._closed = True
        if self._io_refs <= 0:
            self._real_close()

    def detach(self):
        """detach() -> file descriptor: forgets the descriptor without
        closing it."""
        self._closed = True
        return super().detach()

    @property
    def family(self):
        """Read-only access to the address family for this socket."""
        return _intenum_converter(super().family, AddressFamily)

    @property
    def type(self):
        """Read-only access to the socket type."""
        return _intenum_converter(super().type, SocketKind)

    def get_inheritable(self):
        return os.get_inheritable(self.fileno())

    def set_inheritable(self, inheritable):
        os.set_inheritable(self.fileno(), inheritable)


# ---------------------------------------------------------------------------
# File objects over sockets (makefile)

class SocketIO:
    """Raw I/O over a socket: readinto, write, and the file-object basics.
    Closing it drops the socket's makefile() reference."""

    def __init__(self, sock, mode):
        if mode not in ("r", "w", "rw", "rb", "wb", "rwb"):
            raise ValueError("invalid mode: %r" % mode)
        self._sock = sock
        if "b" not in mode:
            mode += "b"
        self._mode = mode
        self._reading = "r" in mode
        self._writing = "w" in mode
        self.closed = False

    def _check(self, allowed, what):
        if self.closed:
            raise ValueError("I/O operation on closed file.")
        if not allowed:
            raise OSError("File or stream is not %s." % what)

    def readinto(self, b):
        self._check(self._reading, "readable")
        try:
            return self._sock.recv_into(b)
        except BlockingIOError:
            return None

    def read(self, size=-1):
        self._check(self._reading, "readable")
        if size is None or size < 0:
            chunks = []
            while True:
                data = self._sock.recv(8192)
                if not data:
                    return b"".join(chunks)
                chunks.append(data)
        try:
            return self._sock.recv(size)
        except BlockingIOError:
            return None

    def write(self, b):
        self._check(self._writing, "writable")
        try:
            return self._sock.send(b)
        except BlockingIOError:
            return None

    def readable(self):
        self._check(True, "")
        return self._reading

    def writable(self):
        self._check(True, "")
        return self._writing

    def seekable(self):
        self._check(True, "")
        return False

    def fileno(self):
        self._check(True, "")
        return self._sock.fileno()

    @property
    def name(self):
        return -1 if self.closed else self.fileno()

    @property
    def mode(self):
        return self._mode

    def flush(self):
        pass

    def close(self):
        if self.closed:
            return
        self.closed = True
        self._sock._decref_socketios()
        self._sock = None

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()

    def __iter__(self):
        return self

    def __next__(self):
        line = _read_line(self, b"\n", -1)
        if not line:
            raise StopIteration
        return line


def _read_line(reader, end, limit):
    # Reads byte by byte through reader.read(1): for the raw SocketIO only;
    # the buffered file has its own readline.
    out = bytearray()
    while limit < 0 or len(out) < limit:
        b = reader.read(1)
        if not b:
            break
        out += b
        if out.endswith(end):
            break
    return bytes(out)


class _SocketBuffer:
    """A buffered binary file over a SocketIO: reads ahead into a private
    buffer, collects writes until flush() or the buffer size."""

    def __init__(self, raw, size):
        self.raw = raw
        self._size = size
        self._rbuf = b""
        self._wbuf = bytearray()

    @property
    def closed(self):
        return self.raw.closed

    @property
    def mode(self):
        return self.raw.mode

    @property
    def name(self):
        return self.raw.name

    def fileno(self):
        return self.raw.fileno()

    def readable(self):
        return self.raw.readable()

    def writable(self):
        return self.raw.writable()

    def seekable(self):
        return False

    def _fill(self):
        # One more chunk from the socket: False at end of stream.
        data = self.raw.read(self._size)
        if not data:
            return False
        self._rbuf += data
        return True

    def read(self, size=-1):
        self.raw._check(self.raw._reading, "readable")
        if size is None or size < 0:
            while self._fill():
                pass
            data, self._rbuf = self._rbuf, b""
            return data
        while len(self._rbuf) < size and self._fill():
            pass
        data, self._rbuf = self._rbuf[:size], self._rbuf[size:]
        return data

    def read1(self, size=-1):
        self.raw._check(self.raw._reading, "readable")
        if not self._rbuf:
            self._fill()
        if size is None or size < 0:
            size = len(self._rbuf)
        data, self._rbuf = self._rbuf[:size], self._rbuf[size:]
        return data

    def readline(self, size=-1):
        self.raw._check(self.raw._reading, "readable")
        while True:
            end = self._rbuf.find(b"\n")
            if end >= 0:
                end += 1
                break
            if 0 <= size <= len(self._rbuf) or not self._fill():
                end = len(self._rbuf)
                break
        if size is not None and 0 <= size < end:
            end = size
        line, self._rbuf = self._rbuf[:end], self._rbuf[end:]
        return line

    def readlines(self, hint=-1):
        lines = []
        total = 0
        for line in self:
            lines.append(line)
            total += len(line)
            if 0 < hint <= total:
                break
        return lines

    def __iter__(self):
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def write(self, data):
        self.raw._check(self.raw._writing, "writable")
        self._wbuf += data
        if len(self._wbuf) >= self._size:
            self.flush()
        return len(data)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def flush(self):
        if self._wbuf:
            self.raw._check(True, "")
            self.raw._sock.sendall(self._wbuf)
            self._wbuf = bytearray()

    def close(self):
        if self.raw.closed:
            return
        try:
            self.flush()
        finally:
            self.raw.close()

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()


class _SocketText:
    """A text file over a _SocketBuffer: decodes and encodes, translating
    \r\n and \r to \n on input when newline is None."""

    def __init__(self, buffer, mode, encoding, errors, newline):
        self.buffer = buffer
        self.mode = mode
        self.encoding = encoding or "utf-8"
        self.errors = errors or "strict"
        self._newline = newline
        self._pending = b""

    @property
    def closed(self):
        return self.buffer.closed

    @property
    def name(self):
        return self.buffer.name

    def fileno(self):
        return self.buffer.fileno()

    def readable(self):
        return self.buffer.readable()

    def writable(self):
        return self.buffer.writable()

    def seekable(self):
        return False

    def _decode(self, data):
        text = data.decode(self.encoding, self.errors)
        if self._newline is None:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        return text

    def read(self, size=-1):
        if size is None or size < 0:
            return self._decode(self.buffer.read())
        out = ""
        while len(out) < size:
            line = self.readline(size - len(out))
            if not line:
                break
            out += line
        return out

    def readline(self, size=-1):
        line = self.buffer.readline()
        text = self._decode(line)
        if size is not None and 0 <= size < len(text):
            rest = text[size:].encode(self.encoding, self.errors)
            self.buffer._rbuf = rest + self.buffer._rbuf
            text = text[:size]
        return text

    def readlines(self, hint=-1):
        return list(self)

    def __iter__(self):
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def write(self, text):
        if not isinstance(text, str):
            raise TypeError("write() argument must be str, not %s" % type(text).__name__)
        if self._newline not in (None, "", "\n"):
            text = text.replace("\n", self._newline)
        self.buffer.write(text.encode(self.encoding, self.errors))
        return len(text)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def flush(self):
        self.buffer.flush()

    def close(self):
        self.buffer.close()

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()

    def __repr__(self):
        return "<_io.TextIOWrapper name=%r mode=%r encoding=%r>" % (
            self.name, self.mode, self.encoding)


def fromfd(fd, family, type, proto=0):
    """fromfd(fd, family, type[, proto]) -> socket object over a duplicate
    of the descriptor."""
    nfd = dup(fd)
    return socket(family, type, proto, nfd)


def socketpair(family=None, type=SOCK_STREAM, proto=0):
    """socketpair([family[, type[, proto]]]) -> (socket object, socket object)

    Two connected sockets, AF_UNIX by default."""
    if family is None:
        family = AF_UNIX
    a, b = _socket.socketpair(family, type, proto)
    a = socket(family, type, proto, a.detach())
    b = socket(family, type, proto, b.detach())
    return a, b


# ---------------------------------------------------------------------------
# Name resolution and connection helpers

def getaddrinfo(host, port, family=0, type=0, proto=0, flags=0):
    """Resolve host and port into a list of 5-tuples (family, type, proto,
    canonname, sockaddr), family and type as enum members."""
    result = []
    for af, kind, pr, canonname, sa in _socket.getaddrinfo(host, port, family, type,
                                                            proto, flags):
        result.append((_intenum_converter(af, AddressFamily),
                       _intenum_converter(kind, SocketKind), pr, canonname, sa))
    return result


def getfqdn(name=''):
    """The fully qualified domain name for name (the local host when empty
    or a wildcard): the first of the host's names that has a dot, else its
    primary name; name itself when the lookup fails."""
    name = name.strip()
    if not name or name in ('0.0.0.0', '::'):
        name = gethostname()
    try:
        hostname, aliases, addresses = gethostbyaddr(name)
    except error:
        return name
    for candidate in [hostname] + aliases:
        if '.' in candidate:
            return candidate
    return hostname


def create_connection(address, timeout=_GLOBAL_DEFAULT_TIMEOUT,
                      source_address=None, *, all_errors=False):
    """Connect to (host, port), trying every address getaddrinfo gives, and
    return the connected socket. The error of the last attempt is raised
    when none succeeds (all of them in an ExceptionGroup with all_errors)."""
    host, port = address
    errors = []
    for af, kind, proto, canonname, sa in getaddrinfo(host, port, 0, SOCK_STREAM):
        sock = None
        try:
            sock = socket(af, kind, proto)
            if timeout is not _GLOBAL_DEFAULT_TIMEOUT:
                sock.settimeout(timeout)
            if source_address:
                sock.bind(source_address)
            sock.connect(sa)
            return sock
        except OSError as exc:
            if not all_errors:
                errors.clear()
            errors.append(exc)
            if sock is not None:
                sock.close()
    if not errors:
        raise error("getaddrinfo returns an empty list")
    try:
        if not all_errors:
            raise errors[0]
        raise ExceptionGroup("create_connection failed", errors)
    finally:
        errors = []


def has_dualstack_ipv6():
    """True when an AF_INET6 socket can accept IPv4 connections too."""
    try:
        with socket(AF_INET6, SOCK_STREAM) as sock:
            sock.setsockopt(IPPROTO_IPV6, IPV6_V6ONLY, 0)
            return True
    except OSError:
        return False


def create_server(address, *, family=AF_INET, backlog=None, reuse_port=False,
                  dualstack_ipv6=False):
    """A TCP socket bound to address and listening. SO_REUSEADDR is set;
    SO_REUSEPORT with reuse_port; dualstack_ipv6 makes an AF_INET6 socket
    accept IPv4 as well."""
    if dualstack_ipv6:
        if not has_dualstack_ipv6():
            raise ValueError("dualstack_ipv6 not supported on this platform")
        if family != AF_INET6:
            raise ValueError("dualstack_ipv6 requires AF_INET6 family")
    sock = socket(family, SOCK_STREAM)
    try:
        try:
            sock.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1)
        except OSError:
            pass
        if reuse_port:
            sock.setsockopt(SOL_SOCKET, SO_REUSEPORT, 1)
        if family == AF_INET6:
            sock.setsockopt(IPPROTO_IPV6, IPV6_V6ONLY, 0 if dualstack_ipv6 else 1)
        try:
            sock.bind(address)
        except OSError as err:
            msg = '%s (while attempting to bind on address %r)' % (err.strerror, address)
            raise OSError(err.errno, msg) from None
        if backlog is None:
            sock.listen()
        else:
            sock.listen(backlog)
        return sock
    except OSError:
        sock.close()
        raise


__all__ = ["fromfd", "getfqdn", "SocketIO", "create_connection", "create_server",
           "has_dualstack_ipv6", "AddressFamily", "SocketKind", "MsgFlag",
           "AddressInfo", "socket",
           "socketpair", "getaddrinfo", "SocketType", "error", "timeout"]
__all__.extend(name for name in _socket.__dict__ if not name.startswith('_')
               and name not in __all__)
