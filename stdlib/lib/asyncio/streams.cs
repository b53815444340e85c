"""asyncio streams: start_server, open_connection, StreamReader, StreamWriter.

The transport here is a non-blocking socket driven by loop.add_reader and
loop.add_writer (the selector transport of CPython, without the protocol
layer in between)."""

import socket
from . import events
from . import exceptions
from . import base_events
from . import tasks

__all__ = ('StreamReader', 'StreamWriter', 'open_connection', 'start_server')

_DEFAULT_LIMIT = 2 ** 16
_HIGH_WATER = 64 * 1024
_READ_SIZE = 256 * 1024


class _SocketTransport:
    """Moves bytes between a connected non-blocking socket and a StreamReader
    (incoming) and a write buffer (outgoing)."""

    def __init__(self, loop, sock, reader):
        self._loop = loop
        self._sock = sock
        self._fd = sock.fileno()
        self._reader = reader
        self._buffer = bytearray()
        self._closing = False
        self._closed = False
        self._eof_requested = False
        self._reading = False
        self._writing = False
        self._drain_waiters = []
        self._closed_future = loop.create_future()
        self._extra = {'socket': sock}
        try:
            self._extra['sockname'] = sock.getsockname()
        except OSError:
            self._extra['sockname'] = None
        try:
            self._extra['peername'] = sock.getpeername()
        except OSError:
            self._extra['peername'] = None
        reader._transport = self
        self.resume_reading()

    def get_extra_info(self, name, default=None):
        return self._extra.get(name, default)

    def is_closing(self):
        return self._closing

    # -- reading ---------------------------------------------------------

    def pause_reading(self):
        if self._reading:
            self._reading = False
            self._loop.remove_reader(self._fd)

    def resume_reading(self):
        if not self._reading and not self._closing and not self._reader.at_eof():
            self._reading = True
            self._loop.add_reader(self._fd, self._read_ready)

    def _read_ready(self):
        try:
            data = self._sock.recv(_READ_SIZE)
        except (BlockingIOError, InterruptedError):
            return
        except OSError as exc:
            self.pause_reading()
            self._reader.set_exception(exc)
            self._force_close()
            return
        if data:
            self._reader.feed_data(data)
        else:
            self.pause_reading()
            self._reader.feed_eof()

    # -- writing ---------------------------------------------------------

    def write(self, data):
        if not isinstance(data, (bytes, bytearray)):
            raise TypeError(f'data argument must be a bytes-like object, not '
                            f'{type(data).__name__!r}')
        if self._eof_requested:
            raise RuntimeError('Cannot call write() after write_eof()')
        if self._closed or not data:
            return
        if not self._buffer:
            try:
                n = self._sock.send(data)
            except (BlockingIOError, InterruptedError):
                n = 0
            except OSError as exc:
                self._reader.set_exception(exc)
                self._force_close()
                return
            data = data[n:]
            if not data:
                return
        self._buffer.extend(data)
        if not self._writing:
            self._writing = True
            self._loop.add_writer(self._fd, self._write_ready)

    def _write_ready(self):
        try:
            n = self._sock.send(self._buffer)
        except (BlockingIOError, InterruptedError):
            return
        except OSError as exc:
            self._reader.set_exception(exc)
            self._force_close()
            self._wake_drain(exc)
            return
        del self._buffer[:n]
        if self._buffer:
            return
        self._writing = False
        self._loop.remove_writer(self._fd)
        self._wake_drain(None)
        if self._eof_requested:
            self._shutdown_write()
        if self._closing:
            self._finish_close()

    def get_write_buffer_size(self):
        return len(self._buffer)

    def _wake_drain(self, exc):
        waiters = self._drain_waiters
        self._drain_waiters = []
        for w in waiters:
            if not w.done():
                if exc is None:
                    w.set_result(None)
                else:
                    w.set_exception(exc)

    async def _drain(self):
        if len(self._buffer) <= _HIGH_WATER:
            return
        w = self._loop.create_future()
        self._drain_waiters.append(w)
        await w

    def write_eof(self):
        if self._eof_requested or self._closed:
            return
        self._eof_requested = True
        if not self._buffer:
            self._shutdown_write()

    def _shutdown_write(self):
        try:
            self._sock.shutdown(socket.SHUT_WR)
        except OSError:
            pass

    # -- closing ---------------------------------------------------------

    def close(self):
        if self._closing:
            return
        self._closing = True
        self.pause_reading()
        if not self._buffer:
            self._finish_close()

    def abort(self):
        self._force_close()

    def _force_close(self):
        self._closing = True
        self._buffer.clear()
        self._finish_close()

    def _finish_close(self):
        if self._closed:
            return
        self._closed = True
        self.pause_reading()
        if self._writing:
            self._writing = False
            self._loop.remove_writer(self._fd)
        self._sock.close()
        self._wake_drain(None)
        if not self._closed_future.done():
            self._closed_future.set_result(None)


class StreamReader:
    """Buffered reading from a connection: read, readline, readexactly, readuntil."""

    def __init__(self, limit=_DEFAULT_LIMIT, loop=None):
        if limit <= 0:
            raise ValueError('Limit cannot be <= 0')
        self._limit = limit
        self._loop = events.get_event_loop() if loop is None else loop
        self._buffer = bytearray()
        self._eof = False
        self._waiter = None
        self._exception = None
        self._transport = None
        self._paused = False

    def __repr__(self):
        info = ['StreamReader']
        if self._buffer:
            info.append(f'{len(self._buffer)} bytes')
        if self._eof:
            info.append('eof')
        if self._limit != _DEFAULT_LIMIT:
            info.append(f'limit={self._limit}')
        if self._waiter:
            info.append(f'waiter={self._waiter!r}')
        if self._exception:
            info.append(f'exception={self._exception!r}')
        if self._transport:
            info.append(f'transport={self._transport!r}')
        if self._paused:
            info.append('paused')
        return '<{}>'.format(' '.join(info))

    def exception(self):
        return self._exception

    def set_exception(self, exc):
        self._exception = exc
        waiter = self._waiter
        if waiter is not None:
            self._waiter = None
            if not waiter.cancelled():
                waiter.set_exception(exc)

    def _wakeup_waiter(self):
        waiter = self._waiter
        if waiter is not None:
            self._waiter = None
            if not waiter.cancelled():
                waiter.set_result(None)

    def set_transport(self, transport):
        self._transport = transport

    def _maybe_resume_transport(self):
        if self._paused and len(self._buffer) <= self._limit:
            self._paused = False
            self._transport.resume_reading()

    def feed_eof(self):
        self._eof = True
        self._wakeup_waiter()

    def at_eof(self):
        return self._eof and not self._buffer

    def feed_data(self, data):
        if not data:
            return
        self._buffer.extend(data)
        self._wakeup_waiter()
        if (self._transport is not None and not self._paused and
                len(self._buffer) > 2 * self._limit):
            self._transport.pause_reading()
            self._paused = True

    async def _wait_for_data(self, func_name):
        if self._waiter is not None:
            raise RuntimeError(f'{func_name}() called while another coroutine is already '
                               f'waiting for incoming data')
        if self._paused:
            self._paused = False
            self._transport.resume_reading()
        self._waiter = self._loop.create_future()
        try:
            await self._waiter
        finally:
            self._waiter = None

    async def readline(self):
        """One line ending in b'\\n' (or what is left before EOF)."""
        sep = b'\n'
        seplen = len(sep)
        try:
            line = await self.readuntil(sep)
        except exceptions.IncompleteReadError as e:
            return e.partial
        except exceptions.LimitOverrunError as e:
            if self._buffer.startswith(sep, e.consumed):
                del self._buffer[:e.consumed + seplen]
            else:
                self._buffer.clear()
            self._maybe_resume_transport()
            raise ValueError(e.args[0])
        return line

    async def readuntil(self, separator=b'\n'):
        seplen = len(separator)
        if seplen == 0:
            raise ValueError('Separator should be at least one-byte string')
        if self._exception is not None:
            raise self._exception
        offset = 0
        while True:
            buflen = len(self._buffer)
            if buflen - offset >= seplen:
                isep = self._buffer.find(separator, offset)
                if isep != -1:
                    break
                offset = buflen + 1 - seplen
                if offset > self._limit:
                    raise exceptions.LimitOverrunError(
                        'Separator is not found, and chunk exceed the limit', offset)
            if self._eof:
                chunk = bytes(self._buffer)
                self._buffer.clear()
                raise exceptions.IncompleteReadError(chunk, None)
            await self._wait_for_data('readuntil')
        if isep > self._limit:
            raise exceptions.LimitOverrunError(
                'Separator is found, but chunk is longer than limit', isep)
        chunk = bytes(self._buffer[:isep + seplen])
        del self._buffer[:isep + seplen]
        self._maybe_resume_transport()
        return chunk

    async def read(self, n=-1):
        """Up to n bytes (n < 0: everything until EOF)."""
        if self._exception is not None:
            raise self._exception
        if n == 0:
            return b''
        if n < 0:
            blocks = []
            while True:
                block = await self.read(self._limit)
                if not block:
                    break
                blocks.append(block)
            return b''.join(blocks)
        if not self._buffer and not self._eof:
            await self._wait_for_data('read')
        data = bytes(self._buffer[:n])
        del self._buffer[:n]
        self._maybe_resume_transport()
        return data

    async def readexactly(self, n):
        """Exactly n bytes, or IncompleteReadError at EOF."""
        if n < 0:
            raise ValueError('readexactly size can not be less than zero')
        if self._exception is not None:
            raise self._exception
        if n == 0:
            return b''
        while len(self._buffer) < n:
            if self._eof:
                incomplete = bytes(self._buffer)
                self._buffer.clear()
                raise exceptions.IncompleteReadError(incomplete, n)
            await self._wait_for_data('readexactly')
        data = bytes(self._buffer[:n])
        del self._buffer[:n]
        self._maybe_resume_transport()
        return data

    def __aiter__(self):
        return self

    async def __anext__(self):
        val = await self.readline()
        if val == b'':
            raise StopAsyncIteration
        return val


class StreamWriter:
    """Writing to a connection: write, writelines, drain, close, wait_closed."""

    def __init__(self, transport, protocol, reader, loop):
        self._transport = transport
        self._protocol = protocol
        self._reader = reader
        self._loop = loop

    def __repr__(self):
        info = [self.__class__.__name__, f'transport={self._transport!r}']
        if self._reader is not None:
            info.append(f'reader={self._reader!r}')
        return '<{}>'.format(' '.join(info))

    @property
    def transport(self):
        return self._transport

    def write(self, data):
        self._transport.write(data)

    def writelines(self, data):
        for d in data:
            self._transport.write(d)

    def write_eof(self):
        return self._transport.write_eof()

    def can_write_eof(self):
        return True

    def close(self):
        return self._transport.close()

    def is_closing(self):
        return self._transport.is_closing()

    async def wait_closed(self):
        await self._transport._closed_future

    def get_extra_info(self, name, default=None):
        return self._transport.get_extra_info(name, default)

    async def drain(self):
        """Waits until the write buffer is below the high-water mark."""
        if self._reader is not None:
            exc = self._reader.exception()
            if exc is not None:
                raise exc
        if self._transport.is_closing():
            await tasks.sleep(0)
        await self._transport._drain()


def _make_stream(loop, sock, limit):
    sock.setblocking(False)
    reader = StreamReader(limit=limit, loop=loop)
    transport = _SocketTransport(loop, sock, reader)
    writer = StreamWriter(transport, None, reader, loop)
    return reader, writer


async def open_connection(host=None, port=None, *, limit=_DEFAULT_LIMIT, family=0, sock=None,
                          local_addr=None, **kwds):
    """Connects to (host, port): a (StreamReader, StreamWriter) pair."""
    loop = events.get_running_loop()
    if sock is None:
        infos = socket.getaddrinfo(host, port, family, socket.SOCK_STREAM)
        if not infos:
            raise OSError('getaddrinfo() returned empty list')
        errors = []
        for fam, type_, proto, _, addr in infos:
            sock = socket.socket(fam, type_, proto)
            sock.setblocking(False)
            try:
                if local_addr is not None:
                    sock.bind(local_addr)
                await loop.sock_connect(sock, addr)
                break
            except OSError as exc:
                errors.append(exc)
                sock.close()
                sock = None
            except BaseException:
                sock.close()
                raise
        if sock is None:
            if len(errors) == 1:
                raise errors[0]
            raise OSError('Multiple exceptions: {}'.format(', '.join(str(e) for e in errors)))
    return _make_stream(loop, sock, limit)


async def start_server(client_connected_cb, host=None, port=None, *, limit=_DEFAULT_LIMIT,
                       family=socket.AF_UNSPEC, flags=socket.AI_PASSIVE, sock=None, backlog=100,
                       reuse_address=None, reuse_port=None, start_serving=True, **kwds):
    """Listens on (host, port); each connection runs client_connected_cb(reader,
    writer) (as a task when it is a coroutine function)."""
    loop = events.get_running_loop()
    sockets = []
    if sock is not None:
        sockets.append(sock)
    else:
        if host == '':
            host = None
        infos = socket.getaddrinfo(host, port, family, socket.SOCK_STREAM, 0, flags)
        seen = set()
        for fam, type_, proto, _, addr in infos:
            if (fam, addr) in seen:
                continue
            seen.add((fam, addr))
            s = socket.socket(fam, type_, proto)
            if reuse_address is None or reuse_address:
                s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            if reuse_port:
                s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
            if fam == socket.AF_INET6:
                s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
            try:
                s.bind(addr)
            except OSError as err:
                s.close()
                for other in sockets:
                    other.close()
                raise OSError(err.errno, f'error while attempting to bind on address '
                                         f'{addr!r}: {err.strerror.lower()}') from None
            sockets.append(s)
    for s in sockets:
        s.setblocking(False)

    def on_accept(conn, addr):
        reader, writer = _make_stream(loop, conn, limit)
        res = client_connected_cb(reader, writer)
        if hasattr(type(res), '__await__') or hasattr(res, 'send'):
            task = loop.create_task(res)

            def done(t):
                if t.cancelled():
                    writer.close()
                    return
                exc = t.exception()
                if exc is not None:
                    loop.call_exception_handler({
                        'message': 'Unhandled exception in client_connected_cb',
                        'exception': exc,
                        'transport': writer.transport,
                    })
                    writer.close()
            task.add_done_callback(done)

    server = base_events.Server(loop, sockets, on_accept)
    server._backlog = backlog
    if start_serving:
        server._start_serving()
        await tasks.sleep(0)
    return server
