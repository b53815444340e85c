"""The event loop class: the C core (_asyncio.EventLoop) plus what is written
in cs: the exception handler, socket operations and servers."""

import sys
import _asyncio
from . import events
from . import exceptions

__all__ = ('BaseEventLoop', 'Server')


def _format_context_value(value):
    return repr(value)


class BaseEventLoop(_asyncio.EventLoop, events.AbstractEventLoop):

    def __repr__(self):
        return (f'<{type(self).__name__} running={self.is_running()} '
                f'closed={self.is_closed()} debug={self.get_debug()}>')

    # -- errors ----------------------------------------------------------

    def default_exception_handler(self, context):
        """Writes the context's message, its other keys and the exception's
        traceback to stderr (what CPython's logger prints by default)."""
        message = context.get('message')
        if not message:
            message = 'Unhandled exception in event loop'
        lines = [message]
        for key in sorted(context):
            if key in {'message', 'exception'}:
                continue
            lines.append(f'{key}: {_format_context_value(context[key])}')
        sys.stdout.flush()
        sys.stderr.write('\n'.join(lines) + '\n')
        exception = context.get('exception')
        if exception is not None:
            _asyncio._print_exception(exception)
        sys.stderr.flush()

    def call_exception_handler(self, context):
        handler = self.get_exception_handler()
        if handler is None:
            try:
                self.default_exception_handler(context)
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as exc:
                sys.stderr.write('Exception in default exception handler\n')
                _asyncio._print_exception(exc)
        else:
            try:
                handler(self, context)
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as exc:
                try:
                    self.default_exception_handler({
                        'message': 'Unhandled error in exception handler',
                        'exception': exc,
                        'context': context,
                    })
                except (SystemExit, KeyboardInterrupt):
                    raise
                except BaseException as exc2:
                    sys.stderr.write('Exception in default exception handler while handling an '
                                     'unexpected error in custom exception handler\n')
                    _asyncio._print_exception(exc2)

    # -- shutdown --------------------------------------------------------

    async def shutdown_asyncgens(self):
        """Async generators are finalised by the collector; nothing to close here."""

    async def shutdown_default_executor(self):
        """There is no default executor before threads exist."""

    def run_in_executor(self, executor, func, *args):
        raise NotImplementedError('run_in_executor() needs threads, which this build of cs '
                                  'does not have yet')

    # -- sockets ---------------------------------------------------------

    def _check_nonblocking(self, sock):
        if sock.gettimeout() != 0:
            raise ValueError('the socket must be non-blocking')

    async def sock_recv(self, sock, n):
        return await self._sock_read(sock, sock.recv, n)

    async def sock_recv_into(self, sock, buf):
        return await self._sock_read(sock, sock.recv_into, buf)

    async def _sock_read(self, sock, op, arg):
        self._check_nonblocking(sock)
        try:
            return op(arg)
        except (BlockingIOError, InterruptedError):
            pass
        fut = self.create_future()
        fd = sock.fileno()
        self.add_reader(fd, self._sock_read_ready, fut, op, arg)
        try:
            return await fut
        finally:
            self.remove_reader(fd)

    def _sock_read_ready(self, fut, op, arg):
        if fut.done():
            return
        try:
            data = op(arg)
        except (BlockingIOError, InterruptedError):
            return
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            fut.set_exception(exc)
        else:
            fut.set_result(data)

    async def sock_sendall(self, sock, data):
        self._check_nonblocking(sock)
        view = bytes(data)
        try:
            n = sock.send(view)
        except (BlockingIOError, InterruptedError):
            n = 0
        if n == len(view):
            return
        fut = self.create_future()
        fd = sock.fileno()
        pos = [n]
        self.add_writer(fd, self._sock_write_ready, fut, sock, view, pos)
        try:
            return await fut
        finally:
            self.remove_writer(fd)

    def _sock_write_ready(self, fut, sock, view, pos):
        if fut.done():
            return
        try:
            n = sock.send(view[pos[0]:])
        except (BlockingIOError, InterruptedError):
            return
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            fut.set_exception(exc)
            return
        pos[0] += n
        if pos[0] == len(view):
            fut.set_result(None)

    async def sock_connect(self, sock, address):
        self._check_nonblocking(sock)
        try:
            sock.connect(address)
            return
        except (BlockingIOError, InterruptedError):
            pass
        fut = self.create_future()
        fd = sock.fileno()
        self.add_writer(fd, self._sock_connect_done, fut, sock, address)
        try:
            return await fut
        finally:
            self.remove_writer(fd)

    def _sock_connect_done(self, fut, sock, address):
        if fut.done():
            return
        import socket
        try:
            err = sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
            if err != 0:
                import os
                raise OSError(err, f'Connect call failed {address}')
        except (BlockingIOError, InterruptedError):
            return
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            fut.set_exception(exc)
        else:
            fut.set_result(None)

    async def sock_accept(self, sock):
        self._check_nonblocking(sock)
        try:
            conn, address = sock.accept()
            conn.setblocking(False)
            return conn, address
        except (BlockingIOError, InterruptedError):
            pass
        fut = self.create_future()
        fd = sock.fileno()
        self.add_reader(fd, self._sock_accept_ready, fut, sock)
        try:
            return await fut
        finally:
            self.remove_reader(fd)

    def _sock_accept_ready(self, fut, sock):
        if fut.done():
            return
        try:
            conn, address = sock.accept()
            conn.setblocking(False)
        except (BlockingIOError, InterruptedError):
            return
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            fut.set_exception(exc)
        else:
            fut.set_result((conn, address))

    async def getaddrinfo(self, host, port, *, family=0, type=0, proto=0, flags=0):
        import socket
        return socket.getaddrinfo(host, port, family, type, proto, flags)


class Server(events.AbstractServer):
    """A listening socket whose connections run a callback (start_server)."""

    def __init__(self, loop, sockets, on_accept):
        self._loop = loop
        self._sockets = list(sockets)
        self._on_accept = on_accept
        self._serving = False
        self._waiters = []
        self._active = 0

    def __repr__(self):
        return f'<{type(self).__name__} sockets={self.sockets!r}>'

    @property
    def sockets(self):
        return tuple(self._sockets)

    def get_loop(self):
        return self._loop

    def is_serving(self):
        return self._serving

    def _start_serving(self):
        if self._serving:
            return
        self._serving = True
        for sock in self._sockets:
            sock.listen(getattr(self, '_backlog', 100))
            self._loop.add_reader(sock.fileno(), self._accept, sock)

    def _accept(self, sock):
        for _ in range(100):
            try:
                conn, addr = sock.accept()
            except (BlockingIOError, InterruptedError):
                return
            except OSError as exc:
                self._loop.call_exception_handler({
                    'message': 'socket.accept() out of system resource',
                    'exception': exc,
                    'socket': sock,
                })
                return
            conn.setblocking(False)
            self._on_accept(conn, addr)

    def close(self):
        if not self._sockets:
            return
        for sock in self._sockets:
            self._loop.remove_reader(sock.fileno())
            sock.close()
        self._sockets = []
        self._serving = False
        self._wake_waiters()

    def _wake_waiters(self):
        waiters = self._waiters
        self._waiters = []
        for w in waiters:
            if not w.done():
                w.set_result(None)

    async def start_serving(self):
        self._start_serving()

    async def serve_forever(self):
        self._start_serving()
        fut = self._loop.create_future()
        self._serving_forever_fut = fut
        try:
            await fut
        finally:
            self.close()

    async def wait_closed(self):
        if not self._sockets:
            return
        w = self._loop.create_future()
        self._waiters.append(w)
        await w

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        self.close()
        await self.wait_closed()
