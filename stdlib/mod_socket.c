// The _socket module: the socket type over a BSD socket descriptor, and the
// module functions (socketpair, getaddrinfo, gethostbyname, inet_aton...).
// stdlib/lib/socket.cs subclasses the type as socket.socket and adds what is
// written in cs (accept returning a socket, the context manager, enums,
// create_connection). Addresses and timeouts are converted by
// stdlib/sockutil.c.
//
// Timeouts follow CPython: a socket's timeout is -1 (blocking), 0
// (non-blocking) or a positive number of nanoseconds. With a positive
// timeout the descriptor is non-blocking and every call first waits with
// poll(2) for at most the time left, then tries the call; EAGAIN sends it
// back to waiting, a wait that runs out raises TimeoutError('timed out').
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "stdlib/modules.h"
#include "stdlib/sockutil.h"
#include "vm/bytes.h"
#include "vm/dict.h"
#include "vm/exc.h"
#include "vm/func.h"
#include "vm/gc.h"
#include "vm/int.h"
#include "vm/list.h"
#include "vm/names.h"
#include "vm/state.h"
#include "vm/str.h"
#include "vm/typeobj.h"

extern TypeObj type_socket;

typedef struct SockObj {
    Obj hdr;
    int fd; // -1 once closed or detached
    int family;
    int type; // without SOCK_NONBLOCK / SOCK_CLOEXEC
    int proto;
    int64_t timeout; // nanoseconds; -1: blocking, 0: non-blocking
} SockObj;

static SockObj *as_sock(Value v) {
    return (SockObj *)as_obj(v);
}

// socket.setdefaulttimeout(): the timeout new sockets start with. Process
// wide as in CPython (and inherited by fork, as the sockets are).
static int64_t default_timeout = -1;

// The GIL hooks around blocking calls live in stdlib/sockutil.c, shared
// with the select module.
#define blocking_begin sockutil_blocking_begin
#define blocking_end   sockutil_blocking_end

// ---------------------------------------------------------------------------
// Argument checks worded as CPython's PyArg_ParseTuple ("recv() takes at
// least 1 argument (0 given)").

static int tuple_args(ThreadState *ts, const char *fname, size_t nargs, size_t min, size_t max) {
    if (nargs >= min && nargs <= max) {
        return 0;
    }
    const char *how = min == max ? "exactly" : nargs < min ? "at least" : "at most";
    size_t n = nargs < min ? min : max;
    return exc_raise_int(ts, exc_TypeError, "%s() takes %s %zu argument%s (%zu given)", fname, how,
                         n, n == 1 ? "" : "s", nargs);
}

// A method without keywords: `qual` is CPython's "socket.recv" spelling.
static int varargs(ThreadState *ts, const char *qual, const char *fname, size_t nargs,
                   TupleObj *kwnames, size_t min, size_t max) {
    if (arg_no_kw(ts, qual, kwnames) < 0) {
        return -1;
    }
    return tuple_args(ts, fname, nargs, min, max);
}

// METH_O and METH_NOARGS methods.
static int exact_args(ThreadState *ts, const char *qual, size_t nargs, TupleObj *kwnames,
                      size_t n) {
    if (arg_no_kw(ts, qual, kwnames) < 0) {
        return -1;
    }
    return arg_count(ts, qual, nargs, n, n);
}

static int raise_errno(ThreadState *ts, int err) {
    exc_raise_errno(ts, err, CS_NONE);
    return -1;
}

static int raise_timeout(ThreadState *ts) {
    return exc_raise_int(ts, exc_TimeoutError, "timed out");
}

// A non-negative buffer size ("negative buffersize in recv").
static int bufsize_arg(ThreadState *ts, Value v, const char *what, ssize_t *out) {
    Value iv = obj_index(ts, v);
    int64_t n;
    if (iv == CS_ERR || int_as_i64(ts, iv, &n) < 0) {
        return -1;
    }
    if (n < 0) {
        return exc_raise_int(ts, exc_ValueError, "negative buffersize in %s", what);
    }
    *out = (ssize_t)n;
    return 0;
}

static int flags_arg(ThreadState *ts, const Value *args, size_t nargs, size_t i, int *out) {
    *out = 0;
    return nargs > i ? sockutil_int_arg(ts, args[i], out) : 0;
}

// ---------------------------------------------------------------------------
// Calls with timeouts

static int set_fd_blocking(int fd, bool blocking) {
    int fl = fcntl(fd, F_GETFL);
    if (fl < 0) {
        return -1;
    }
    int want = blocking ? fl & ~O_NONBLOCK : fl | O_NONBLOCK;
    return want == fl ? 0 : fcntl(fd, F_SETFL, want);
}

// One system call on the descriptor. Runs between the blocking hooks: it
// may touch only its context (plain C memory), never an object. Returns
// the call's result, or -1 with errno set.
typedef ssize_t (*SockOp)(int fd, void *ctx);

// Runs op as the socket's timeout asks: once (blocking or non-blocking), or
// after waiting for readiness, again after every EAGAIN, until `timeout`
// nanoseconds have passed. `connecting`: connect() already ran, so wait
// first even without a timeout. EINTR runs signal handlers and retries
// (PEP 475). Returns 0 with *res set; -1 raised. With err_out, an OS error
// (the timeout included: EWOULDBLOCK) is stored there and 1 returned.
static int sock_call(ThreadState *ts, SockObj *s, bool writing, SockOp op, void *ctx,
                     bool connecting, int64_t timeout, int *err_out, ssize_t *res) {
    int fd = s->fd;
    int64_t deadline = timeout > 0 ? sockutil_now_ns() + timeout : 0;
    bool wait = connecting;
    for (;;) {
        if ((timeout > 0 || wait) && fd >= 0) {
            int64_t left = -1;
            if (timeout > 0) {
                left = deadline - sockutil_now_ns();
                left = left < 0 ? 0 : left;
            }
            int r = sockutil_wait_fd(ts, fd, writing, connecting, left);
            if (r < 0) {
                return -1;
            }
            if (r == 0) {
                if (err_out) {
                    *err_out = EWOULDBLOCK;
                    return 1;
                }
                return raise_timeout(ts);
            }
        }
        wait = false;
        ssize_t n;
        int err;
        for (;;) {
            blocking_begin(ts);
            n = op(fd, ctx);
            err = errno;
            blocking_end(ts);
            if (n >= 0) {
                *res = n;
                return 0;
            }
            if (err != EINTR) {
                break;
            }
            if (sockutil_check_signals(ts) < 0) {
                return -1;
            }
        }
        if (timeout > 0 && (err == EAGAIN || err == EWOULDBLOCK)) {
            continue;
        }
        if (err_out) {
            *err_out = err;
            return 1;
        }
        return raise_errno(ts, err);
    }
}

typedef struct IoCtx {
    char *buf;
    size_t len;
    int flags;
    SockAddr addr; // recvfrom: filled in; sendto: the destination; accept: the peer
} IoCtx;

static ssize_t op_recv(int fd, void *c) {
    IoCtx *x = c;
    return recv(fd, x->buf, x->len, x->flags);
}

static ssize_t op_recvfrom(int fd, void *c) {
    IoCtx *x = c;
    x->addr.len = sizeof x->addr.u;
    memset(&x->addr.u, 0, sizeof x->addr.u);
    return recvfrom(fd, x->buf, x->len, x->flags, &x->addr.u.sa, &x->addr.len);
}

static ssize_t op_send(int fd, void *c) {
    IoCtx *x = c;
    return send(fd, x->buf, x->len, x->flags | MSG_NOSIGNAL);
}

static ssize_t op_sendto(int fd, void *c) {
    IoCtx *x = c;
    return sendto(fd, x->buf, x->len, x->flags | MSG_NOSIGNAL, &x->addr.u.sa, x->addr.len);
}

static ssize_t op_accept(int fd, void *c) {
    IoCtx *x = c;
    x->addr.len = sizeof x->addr.u;
    memset(&x->addr.u, 0, sizeof x->addr.u);
    return accept4(fd, &x->addr.u.sa, &x->addr.len, SOCK_CLOEXEC);
}

// After a connect() that is in progress: its outcome, read from SO_ERROR.
static ssize_t op_connect_done(int fd, void *c) {
    (void)c;
    int soerr = 0;
    socklen_t n = sizeof soerr;
    if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &soerr, &n) < 0) {
        return -1;
    }
    if (soerr == 0 || soerr == EISCONN) {
        return 0;
    }
    errno = soerr;
    return -1;
}

// connect(), waiting as the timeout says. With err_out (connect_ex) the OS
// error is returned there (0: connected) instead of raised. -1 raised.
static int sock_connect(ThreadState *ts, SockObj *s, SockAddr *a, int *err_out) {
    int fd = s->fd;
    blocking_begin(ts);
    int r = connect(fd, &a->u.sa, a->len);
    int err = errno;
    blocking_end(ts);
    if (err_out) {
        *err_out = 0;
    }
    if (r == 0) {
        return 0;
    }
    bool wait;
    if (err == EINTR) {
        if (sockutil_check_signals(ts) < 0) {
            return -1;
        }
        wait = s->timeout != 0; // the connection goes on in the background
    } else {
        wait = s->timeout > 0 && err == EINPROGRESS;
    }
    if (!wait) {
        if (err_out) {
            *err_out = err;
            return 0;
        }
        return raise_errno(ts, err);
    }
    ssize_t res;
    r = sock_call(ts, s, true, op_connect_done, NULL, true, s->timeout, err_out, &res);
    return r < 0 ? -1 : 0;
}

// ---------------------------------------------------------------------------
// Construction

static void sock_set_fd(SockObj *s, int fd, int family, int type, int proto) {
    s->fd = fd;
    s->family = family;
    s->type = type & ~(SOCK_NONBLOCK | SOCK_CLOEXEC);
    s->proto = proto;
    if (type & SOCK_NONBLOCK) {
        s->timeout = 0;
    } else {
        s->timeout = default_timeout;
        if (default_timeout >= 0) {
            (void)set_fd_blocking(fd, false);
        }
    }
}

static Value sock_tp_new(ThreadState *ts, TypeObj *type, const Value *args, size_t nargs,
                         TupleObj *kwnames) {
    SockObj *s = gc_alloc(ts, type, type->basicsize);
    s->fd = -1;
    s->family = AF_INET;
    s->type = SOCK_STREAM;
    s->timeout = -1;
    return obj_val(s);
}

static int sockopt_int(int fd, int opt, int *out) {
    socklen_t n = sizeof *out;
    return getsockopt(fd, SOL_SOCKET, opt, out, &n);
}

// socket(family=-1, type=-1, proto=-1, fileno=None): a new socket, or one
// over an existing descriptor whose family/type/proto are asked from the
// kernel when not given.
static int sock_tp_init(ThreadState *ts, Value self, const Value *args, size_t nargs,
                        TupleObj *kwnames) {
    Value a[4];
    int family = -1, type = -1, proto = -1;
    if (nargs > 4) {
        return tuple_args(ts, "socket", nargs, 0, 4);
    }
    if (arg_parse(ts, "socket", args, nargs, kwnames, "|family,type,proto,fileno", a) < 0 ||
        (a[0] != CS_UNBOUND && sockutil_int_arg(ts, a[0], &family) < 0) ||
        (a[1] != CS_UNBOUND && sockutil_int_arg(ts, a[1], &type) < 0) ||
        (a[2] != CS_UNBOUND && sockutil_int_arg(ts, a[2], &proto) < 0)) {
        return -1;
    }
    SockObj *s = as_sock(self);
    int fd;
    if (a[3] != CS_UNBOUND && a[3] != CS_NONE) {
        if (sockutil_int_arg(ts, a[3], &fd) < 0) {
            return -1;
        }
        if (fd < 0) {
            return exc_raise_int(ts, exc_ValueError, "negative file descriptor");
        }
        if (family == -1) {
            SockAddr addr;
            addr.len = sizeof addr.u;
            if (getsockname(fd, &addr.u.sa, &addr.len) < 0) {
                return raise_errno(ts, errno);
            }
            family = addr.u.sa.sa_family;
        }
        if ((type == -1 && sockopt_int(fd, SO_TYPE, &type) < 0) ||
            (proto == -1 && sockopt_int(fd, SO_PROTOCOL, &proto) < 0)) {
            return raise_errno(ts, errno);
        }
    } else {
        family = family == -1 ? AF_INET : family;
        type = type == -1 ? SOCK_STREAM : type;
        proto = proto == -1 ? 0 : proto;
        fd = socket(family, type | SOCK_CLOEXEC, proto);
        if (fd < 0) {
            return raise_errno(ts, errno);
        }
    }
    if (s->fd >= 0) {
        close(s->fd); // __init__ called again: the old descriptor is dropped
    }
    sock_set_fd(s, fd, family, type, proto);
    return 0;
}

static void sock_finalize(Obj *o) {
    SockObj *s = (SockObj *)o;
    if (s->fd >= 0) {
        close(s->fd);
        s->fd = -1;
    }
}

static Value sock_repr(ThreadState *ts, Value self) {
    SockObj *s = as_sock(self);
    return str_format_c(ts, "<socket object, fd=%d, family=%d, type=%d, proto=%d>", s->fd,
                        s->family, s->type, s->proto);
}

// ---------------------------------------------------------------------------
// Methods: descriptor state

static Value sock_fileno(ThreadState *ts, Value self, const Value *args, size_t nargs,
                         TupleObj *kwnames) {
    if (exact_args(ts, "socket.fileno", nargs, kwnames, 0) < 0) {
        return CS_ERR;
    }
    return small_int_val(as_sock(self)->fd);
}

static Value sock_close(ThreadState *ts, Value self, const Value *args, size_t nargs,
                        TupleObj *kwnames) {
    if (exact_args(ts, "socket.close", nargs, kwnames, 0) < 0) {
        return CS_ERR;
    }
    SockObj *s = as_sock(self);
    int fd = s->fd;
    if (fd >= 0) {
        s->fd = -1;
        // The descriptor is released even when close reports an error;
        // ECONNRESET means only that the peer went first.
        if (close(fd) < 0 && errno != ECONNRESET) {
            return exc_raise_errno(ts, errno, CS_NONE);
        }
    }
    return CS_NONE;
}

static Value sock_detach(ThreadState *ts, Value self, const Value *args, size_t nargs,
                         TupleObj *kwnames) {
    if (exact_args(ts, "socket.detach", nargs, kwnames, 0) < 0) {
        return CS_ERR;
    }
    SockObj *s = as_sock(self);
    int fd = s->fd;
    s->fd = -1;
    return small_int_val(fd);
}

static Value sock_setblocking(ThreadState *ts, Value self, const Value *args, size_t nargs,
                              TupleObj *kwnames) {
    if (exact_args(ts, "socket.setblocking", nargs, kwnames, 1) < 0) {
        return CS_ERR;
    }
    Value iv = obj_index(ts, args[0]);
    if (iv == CS_ERR) {
        return CS_ERR;
    }
    SockObj *s = as_sock(self);
    bool block = int_sign(iv) != 0;
    s->timeout = block ? -1 : 0;
    if (set_fd_blocking(s->fd, block) < 0) {
        return exc_raise_errno(ts, errno, CS_NONE);
    }
    return CS_NONE;
}

static Value sock_getblocking(ThreadState *ts, Value self, const Value *args, size_t nargs,
                              TupleObj *kwnames) {
    if (exact_args(ts, "socket.getblocking", nargs, kwnames, 0) < 0) {
        return CS_ERR;
    }
    return bool_val(as_sock(self)->timeout != 0);
}

// None, or a non-negative number of seconds ("Timeout value out of range").
static int timeout_arg(ThreadState *ts, Value v, int64_t *out) {
    if (v == CS_NONE) {
        *out = -1;
        return 0;
    }
    if (sockutil_timeout_ns(ts, v, 1000000000, out) < 0) {
        return -1;
    }
    if (*out < 0) {
        return exc_raise_int(ts, exc_ValueError, "Timeout value out of range");
    }
    return 0;
}

static Value timeout_value(int64_t ns) {
    return ns < 0 ? CS_NONE : float_val((double)ns / 1e9);
}

static Value sock_settimeout(ThreadState *ts, Value self, const Value *args, size_t nargs,
                             TupleObj *kwnames) {
    int64_t t;
    if (exact_args(ts, "socket.settimeout", nargs, kwnames, 1) < 0 ||
        timeout_arg(ts, args[0], &t) < 0) {
        return CS_ERR;
    }
    SockObj *s = as_sock(self);
    s->timeout = t;
    if (set_fd_blocking(s->fd, t < 0) < 0) {
        return exc_raise_errno(ts, errno, CS_NONE);
    }
    return CS_NONE;
}

static Value sock_gettimeout(ThreadState *ts, Value self, const Value *args, size_t nargs,
                             TupleObj *kwnames) {
    if (exact_args(ts, "socket.gettimeout", nargs, kwnames, 0) < 0) {
        return CS_ERR;
    }
    return timeout_value(as_sock(self)->timeout);
}

// ---------------------------------------------------------------------------
// Methods: addresses and connections

static Value sock_bind(ThreadState *ts, Value self, const Value *args, size_t nargs,
                       TupleObj *kwnames) {
    SockObj *s = as_sock(self);
    SockAddr a;
    if (exact_args(ts, "socket.bind", nargs, kwnames, 1) < 0 ||
        sockutil_parse_addr(ts, s->family, args[0], "bind", &a) < 0) {
        return CS_ERR;
    }
    if (bind(s->fd, &a.u.sa, a.len) < 0) {
        return exc_raise_errno(ts, errno, CS_NONE);
    }
    return CS_NONE;
}

static Value sock_listen(ThreadState *ts, Value self, const Value *args, size_t nargs,
                         TupleObj *kwnames) {
    int backlog = SOMAXCONN < 128 ? SOMAXCONN : 128;
    if (varargs(ts, "socket.listen", "listen", nargs, kwnames, 0, 1) < 0 ||
        (nargs > 0 && sockutil_int_arg(ts, args[0], &backlog) < 0)) {
        return CS_ERR;
    }
    if (listen(as_sock(self)->fd, backlog < 0 ? 0 : backlog) < 0) {
        return exc_raise_errno(ts, errno, CS_NONE);
    }
    return CS_NONE;
}

// _accept() -> (fd, address): socket.cs wraps the descriptor in a socket.
static Value sock_accept(ThreadState *ts, Value self, const Value *args, size_t nargs,
                         TupleObj *kwnames) {
    if (exact_args(ts, "socket._accept", nargs, kwnames, 0) < 0) {
        return CS_ERR;
    }
    SockObj *s = as_sock(self);
    IoCtx x = {0};
    ssize_t fd;
    if (sock_call(ts, s, false, op_accept, &x, false, s->timeout, NULL, &fd) < 0) {
        return CS_ERR;
    }
    Value addr = sockutil_addr_value(ts, &x.addr.u.sa, x.addr.len);
    if (addr == CS_ERR) {
        close((int)fd);
        return CS_ERR;
    }
    return tuple_pack(ts, 2, small_int_val(fd), addr);
}

static Value sock_connect_method(ThreadState *ts, Value self, const Value *args, size_t nargs,
                                 TupleObj *kwnames) {
    SockObj *s = as_sock(self);
    SockAddr a;
    if (exact_args(ts, "socket.connect", nargs, kwnames, 1) < 0 ||
        sockutil_parse_addr(ts, s->family, args[0], "connect", &a) < 0 ||
        sock_connect(ts, s, &a, NULL) < 0) {
        return CS_ERR;
    }
    return CS_NONE;
}

static Value sock_connect_ex(ThreadState *ts, Value self, const Value *args, size_t nargs,
                             TupleObj *kwnames) {
    SockObj *s = as_sock(self);
    SockAddr a;
    int err;
    if (exact_args(ts, "socket.connect_ex", nargs, kwnames, 1) < 0 ||
        sockutil_parse_addr(ts, s->family, args[0], "connect_ex", &a) < 0 ||
        sock_connect(ts, s, &a, &err) < 0) {
        return CS_ERR;
    }
    return small_int_val(err);
}

static Value sock_getsockname(ThreadState *ts, Value self, const Value *args, size_t nargs,
                              TupleObj *kwnames) {
    if (exact_args(ts, "socket.getsockname", nargs, kwnames, 0) < 0) {
        return CS_ERR;
    }
    SockAddr a;
    memset(&a, 0, sizeof a);
    a.len = sizeof a.u;
    if (getsockname(as_sock(self)->fd, &a.u.sa, &a.len) < 0) {
        return exc_raise_errno(ts, errno, CS_NONE);
    }
    return sockutil_addr_value(ts, &a.u.sa, a.len);
}

static Value sock_getpeername(ThreadState *ts, Value self, const Value *args, size_t nargs,
                              TupleObj *kwnames) {
    if (exact_args(ts, "socket.getpeername", nargs, kwnames, 0) < 0) {
        return CS_ERR;
    }
    SockAddr a;
    memset(&a, 0, sizeof a);
    a.len = sizeof a.u;
    if (getpeername(as_sock(self)->fd, &a.u.sa, &a.len) < 0) {
        return exc_raise_errno(ts, errno, CS_NONE);
    }
    return sockutil_addr_value(ts, &a.u.sa, a.len);
}

static Value sock_shutdown(ThreadState *ts, Value self, const Value *args, size_t nargs,
                           TupleObj *kwnames) {
    int how;
    if (exact_args(ts, "socket.shutdown", nargs, kwnames, 1) < 0 ||
        sockutil_int_arg(ts, args[0], &how) < 0) {
        return CS_ERR;
    }
    if (shutdown(as_sock(self)->fd, how) < 0) {
        return exc_raise_errno(ts, errno, CS_NONE);
    }
    return CS_NONE;
}

// ---------------------------------------------------------------------------
// Methods: options

static Value sock_setsockopt(ThreadState *ts, Value self, const Value *args, size_t nargs,
                             TupleObj *kwnames) {
    int level, opt;
    if (arg_no_kw(ts, "socket.setsockopt", kwnames) < 0) {
        return CS_ERR;
    }
    if (nargs != 3 && nargs != 4) {
        return exc_raise(ts, exc_TypeError, "setsockopt() takes exactly 3 arguments (%zu given)",
                         nargs);
    }
    if (sockutil_int_arg(ts, args[0], &level) < 0 || sockutil_int_arg(ts, args[1], &opt) < 0) {
        return CS_ERR;
    }
    int fd = as_sock(self)->fd, r;
    if (nargs == 4) {
        // setsockopt(level, opt, None, optlen): a NULL option of that length.
        unsigned int optlen;
        int len;
        if (args[2] != CS_NONE) {
            return exc_raise(ts, exc_TypeError, "setsockopt() takes exactly 3 arguments (4 given)");
        }
        if (sockutil_int_arg(ts, args[3], &len) < 0) {
            return CS_ERR;
        }
        optlen = (unsigned int)len;
        r = setsockopt(fd, level, opt, NULL, optlen);
    } else if (int_check(args[2])) {
        int v;
        if (sockutil_int_arg(ts, args[2], &v) < 0) {
            return CS_ERR;
        }
        r = setsockopt(fd, level, opt, &v, sizeof v);
    } else {
        const unsigned char *p;
        size_t n;
        if (bytes_view(ts, args[2], &p, &n) < 0) {
            return CS_ERR;
        }
        r = setsockopt(fd, level, opt, p, (socklen_t)n);
    }
    if (r < 0) {
        return exc_raise_errno(ts, errno, CS_NONE);
    }
    return CS_NONE;
}

static Value sock_getsockopt(ThreadState *ts, Value self, const Value *args, size_t nargs,
                             TupleObj *kwnames) {
    int level, opt, buflen = 0;
    if (varargs(ts, "socket.getsockopt", "getsockopt", nargs, kwnames, 2, 3) < 0 ||
        sockutil_int_arg(ts, args[0], &level) < 0 || sockutil_int_arg(ts, args[1], &opt) < 0 ||
        (nargs > 2 && sockutil_int_arg(ts, args[2], &buflen) < 0)) {
        return CS_ERR;
    }
    int fd = as_sock(self)->fd;
    if (buflen == 0) {
        int v = 0;
        socklen_t n = sizeof v;
        if (getsockopt(fd, level, opt, &v, &n) < 0) {
            return exc_raise_errno(ts, errno, CS_NONE);
        }
        return small_int_val(v);
    }
    if (buflen < 0 || buflen > 1024) {
        return exc_raise(ts, exc_OSError, "getsockopt buflen out of range");
    }
    char buf[1024];
    socklen_t n = (socklen_t)buflen;
    memset(buf, 0, sizeof buf);
    if (getsockopt(fd, level, opt, buf, &n) < 0) {
        return exc_raise_errno(ts, errno, CS_NONE);
    }
    return bytes_new(ts, buf, n);
}

// ---------------------------------------------------------------------------
// Methods: data

static Value sock_recv(ThreadState *ts, Value self, const Value *args, size_t nargs,
                       TupleObj *kwnames) {
    ssize_t size;
    IoCtx x = {0};
    if (varargs(ts, "socket.recv", "recv", nargs, kwnames, 1, 2) < 0 ||
        bufsize_arg(ts, args[0], "recv", &size) < 0 ||
        flags_arg(ts, args, nargs, 1, &x.flags) < 0) {
        return CS_ERR;
    }
    SockObj *s = as_sock(self);
    x.buf = malloc(size ? (size_t)size : 1);
    x.len = (size_t)size;
    if (!x.buf) {
        return exc_no_memory(ts);
    }
    ssize_t n;
    Value r = CS_ERR;
    if (sock_call(ts, s, false, op_recv, &x, false, s->timeout, NULL, &n) == 0) {
        r = bytes_new(ts, x.buf, (size_t)n);
    }
    free(x.buf);
    return r;
}

static Value sock_recvfrom(ThreadState *ts, Value self, const Value *args, size_t nargs,
                           TupleObj *kwnames) {
    ssize_t size;
    IoCtx x = {0};
    if (varargs(ts, "socket.recvfrom", "recvfrom", nargs, kwnames, 1, 2) < 0 ||
        bufsize_arg(ts, args[0], "recvfrom", &size) < 0 ||
        flags_arg(ts, args, nargs, 1, &x.flags) < 0) {
        return CS_ERR;
    }
    SockObj *s = as_sock(self);
    x.buf = malloc(size ? (size_t)size : 1);
    x.len = (size_t)size;
    if (!x.buf) {
        return exc_no_memory(ts);
    }
    ssize_t n;
    Value r = CS_ERR;
    if (sock_call(ts, s, false, op_recvfrom, &x, false, s->timeout, NULL, &n) == 0) {
        Value data = bytes_new(ts, x.buf, (size_t)n);
        Value addr = sockutil_addr_value(ts, &x.addr.u.sa, x.addr.len);
        r = addr == CS_ERR ? CS_ERR : tuple_pack(ts, 2, data, addr);
    }
    free(x.buf);
    return r;
}

// recv_into(buffer, nbytes=0, flags=0) and recvfrom_into: the data lands in
// a bytearray. The kernel writes into private memory, copied afterwards, so
// no object is touched while the call blocks.
static Value recv_into_common(ThreadState *ts, Value self, const Value *args, size_t nargs,
                              TupleObj *kwnames, bool from) {
    const char *fname = from ? "recvfrom_into" : "recv_into";
    Value a[3];
    ssize_t size = 0;
    IoCtx x = {0};
    if (arg_parse(ts, fname, args, nargs, kwnames, "buffer|nbytes,flags", a) < 0) {
        return CS_ERR;
    }
    if (!bytearray_check(a[0])) {
        return exc_raise(ts, exc_TypeError,
                         "%s() argument 1 must be read-write bytes-like object, not %s", fname,
                         obj_type_name(a[0]));
    }
    if ((a[1] != CS_UNBOUND && bufsize_arg(ts, a[1], fname, &size) < 0) ||
        (a[2] != CS_UNBOUND && sockutil_int_arg(ts, a[2], &x.flags) < 0)) {
        return CS_ERR;
    }
    ByteArrayObj *ba = as_bytearray(a[0]);
    if (size == 0) {
        size = (ssize_t)ba->len;
    } else if ((size_t)size > ba->len) {
        return exc_raise(ts, exc_ValueError,
                         from ? "nbytes is greater than the length of the buffer"
                              : "buffer too small for requested bytes");
    }
    SockObj *s = as_sock(self);
    x.buf = malloc(size ? (size_t)size : 1);
    x.len = (size_t)size;
    if (!x.buf) {
        return exc_no_memory(ts);
    }
    ssize_t n;
    Value r = CS_ERR;
    if (sock_call(ts, s, false, from ? op_recvfrom : op_recv, &x, false, s->timeout, NULL, &n) ==
        0) {
        size_t k = (size_t)n < ba->len ? (size_t)n : ba->len; // it may have shrunk meanwhile
        if (k > 0) {
            memcpy(ba->data, x.buf, k);
        }
        r = small_int_val(n);
        if (from) {
            Value addr = sockutil_addr_value(ts, &x.addr.u.sa, x.addr.len);
            r = addr == CS_ERR ? CS_ERR : tuple_pack(ts, 2, r, addr);
        }
    }
    free(x.buf);
    return r;
}

static Value sock_recv_into(ThreadState *ts, Value self, const Value *args, size_t nargs,
                            TupleObj *kwnames) {
    return recv_into_common(ts, self, args, nargs, kwnames, false);
}

static Value sock_recvfrom_into(ThreadState *ts, Value self, const Value *args, size_t nargs,
                                TupleObj *kwnames) {
    return recv_into_common(ts, self, args, nargs, kwnames, true);
}

// The data argument of send/sendall/sendto. A bytes object is used in
// place (immutable, and rooted by the caller's arguments); a bytearray is
// copied, since it could change while the GIL is released. *owned is the
// copy to free, or NULL.
static int data_arg(ThreadState *ts, Value v, IoCtx *x, char **owned) {
    const unsigned char *p;
    size_t n;
    *owned = NULL;
    if (bytes_view(ts, v, &p, &n) < 0) {
        return -1;
    }
    if (bytearray_check(v)) {
        *owned = malloc(n ? n : 1);
        if (!*owned) {
            exc_no_memory(ts);
            return -1;
        }
        memcpy(*owned, p, n);
        p = (const unsigned char *)*owned;
    }
    x->buf = (char *)p;
    x->len = n;
    return 0;
}

static Value sock_send(ThreadState *ts, Value self, const Value *args, size_t nargs,
                       TupleObj *kwnames) {
    IoCtx x = {0};
    char *owned;
    if (varargs(ts, "socket.send", "send", nargs, kwnames, 1, 2) < 0 ||
        flags_arg(ts, args, nargs, 1, &x.flags) < 0 || data_arg(ts, args[0], &x, &owned) < 0) {
        return CS_ERR;
    }
    SockObj *s = as_sock(self);
    ssize_t n;
    int r = sock_call(ts, s, true, op_send, &x, false, s->timeout, NULL, &n);
    free(owned);
    return r < 0 ? CS_ERR : int_from_i64(ts, n);
}

// sendall: one deadline for the whole transfer; signal handlers run between
// chunks so that a long transfer can be interrupted.
static Value sock_sendall(ThreadState *ts, Value self, const Value *args, size_t nargs,
                          TupleObj *kwnames) {
    IoCtx x = {0};
    char *owned;
    if (varargs(ts, "socket.sendall", "sendall", nargs, kwnames, 1, 2) < 0 ||
        flags_arg(ts, args, nargs, 1, &x.flags) < 0 || data_arg(ts, args[0], &x, &owned) < 0) {
        return CS_ERR;
    }
    SockObj *s = as_sock(self);
    int64_t deadline = s->timeout > 0 ? sockutil_now_ns() + s->timeout : 0;
    Value result = CS_NONE;
    do {
        int64_t timeout = s->timeout;
        if (timeout > 0) {
            timeout = deadline - sockutil_now_ns();
            if (timeout <= 0) {
                raise_timeout(ts);
                result = CS_ERR;
                break;
            }
        }
        ssize_t n;
        if (sock_call(ts, s, true, op_send, &x, false, timeout, NULL, &n) < 0 ||
            sockutil_check_signals(ts) < 0) {
            result = CS_ERR;
            break;
        }
        x.buf += n;
        x.len -= (size_t)n;
    } while (x.len > 0);
    free(owned);
    return result;
}

static Value sock_sendto(ThreadState *ts, Value self, const Value *args, size_t nargs,
                         TupleObj *kwnames) {
    IoCtx x = {0};
    char *owned = NULL;
    if (arg_no_kw(ts, "socket.sendto", kwnames) < 0) {
        return CS_ERR;
    }
    if (nargs != 2 && nargs != 3) {
        return exc_raise(ts, exc_TypeError, "sendto() takes 2 or 3 arguments (%zu given)", nargs);
    }
    SockObj *s = as_sock(self);
    if ((nargs == 3 && sockutil_int_arg(ts, args[1], &x.flags) < 0) ||
        sockutil_parse_addr(ts, s->family, args[nargs - 1], "sendto", &x.addr) < 0 ||
        data_arg(ts, args[0], &x, &owned) < 0) {
        return CS_ERR;
    }
    ssize_t n;
    int r = sock_call(ts, s, true, op_sendto, &x, false, s->timeout, NULL, &n);
    free(owned);
    return r < 0 ? CS_ERR : int_from_i64(ts, n);
}

// ---------------------------------------------------------------------------
// The type

static Value get_family(ThreadState *ts, Value self) {
    return small_int_val(as_sock(self)->family);
}

static Value get_type(ThreadState *ts, Value self) {
    return small_int_val(as_sock(self)->type);
}

static Value get_proto(ThreadState *ts, Value self) {
    return small_int_val(as_sock(self)->proto);
}

static Value get_timeout(ThreadState *ts, Value self) {
    return timeout_value(as_sock(self)->timeout);
}

static const GetSetDef sock_getsets[] = {
    {"family", get_family, NULL},   {"type", get_type, NULL}, {"proto", get_proto, NULL},
    {"timeout", get_timeout, NULL}, {NULL, NULL, NULL},
};

#define KW METH_KEYWORDS // every method checks its keywords itself, for CPython's wording

static const MethodDef sock_methods[] = {
    {"_accept", sock_accept, KW, "_accept() -> (integer, address info)"},
    {"bind", sock_bind, KW, "bind(address)"},
    {"close", sock_close, KW, "close()"},
    {"connect", sock_connect_method, KW, "connect(address)"},
    {"connect_ex", sock_connect_ex, KW, "connect_ex(address) -> errno"},
    {"detach", sock_detach, KW, "detach()"},
    {"fileno", sock_fileno, KW, "fileno() -> integer"},
    {"getblocking", sock_getblocking, KW, "getblocking()"},
    {"getpeername", sock_getpeername, KW, "getpeername() -> address info"},
    {"getsockname", sock_getsockname, KW, "getsockname() -> address info"},
    {"getsockopt", sock_getsockopt, KW, "getsockopt(level, option[, buffersize]) -> value"},
    {"gettimeout", sock_gettimeout, KW, "gettimeout() -> timeout"},
    {"listen", sock_listen, KW, "listen([backlog])"},
    {"recv", sock_recv, KW, "recv(buffersize[, flags]) -> data"},
    {"recv_into", sock_recv_into, KW, "recv_into(buffer, [nbytes[, flags]]) -> nbytes_read"},
    {"recvfrom", sock_recvfrom, KW, "recvfrom(buffersize[, flags]) -> (data, address info)"},
    {"recvfrom_into", sock_recvfrom_into, KW,
     "recvfrom_into(buffer[, nbytes[, flags]]) -> (nbytes, address info)"},
    {"send", sock_send, KW, "send(data[, flags]) -> count"},
    {"sendall", sock_sendall, KW, "sendall(data[, flags])"},
    {"sendto", sock_sendto, KW, "sendto(data[, flags], address) -> count"},
    {"setblocking", sock_setblocking, KW, "setblocking(flag)"},
    {"setsockopt", sock_setsockopt, KW, "setsockopt(level, option, value: int)"},
    {"settimeout", sock_settimeout, KW, "settimeout(timeout)"},
    {"shutdown", sock_shutdown, KW, "shutdown(flag)"},
    {NULL, NULL, 0, NULL},
};

TypeObj type_socket = {
    .hdr = OBJ_HEADER_INIT(&type_type),
    .name = "_socket.socket",
    .basicsize = sizeof(SockObj),
    .flags = TYPE_BASETYPE,
    .doc = "socket(family=AF_INET, type=SOCK_STREAM, proto=0) -> socket object",
    .methods = sock_methods,
    .getsets = sock_getsets,
    .finalize = sock_finalize,
    .tp_new = sock_tp_new,
    .tp_init = sock_tp_init,
    .repr = sock_repr,
};

// ---------------------------------------------------------------------------
// Module functions

static Value new_socket_obj(ThreadState *ts, int fd, int family, int type, int proto) {
    SockObj *s = gc_alloc(ts, &type_socket, sizeof(SockObj));
    s->fd = -1;
    sock_set_fd(s, fd, family, type, proto);
    return obj_val(s);
}

static Value mod_socketpair(ThreadState *ts, Value self, const Value *args, size_t nargs,
                            TupleObj *kwnames) {
    int family = AF_UNIX, type = SOCK_STREAM, proto = 0, fds[2];
    if (varargs(ts, "socketpair", "socketpair", nargs, kwnames, 0, 3) < 0 ||
        (nargs > 0 && sockutil_int_arg(ts, args[0], &family) < 0) ||
        (nargs > 1 && sockutil_int_arg(ts, args[1], &type) < 0) ||
        (nargs > 2 && sockutil_int_arg(ts, args[2], &proto) < 0)) {
        return CS_ERR;
    }
    if (socketpair(family, type | SOCK_CLOEXEC, proto, fds) < 0) {
        return exc_raise_errno(ts, errno, CS_NONE);
    }
    Value a = new_socket_obj(ts, fds[0], family, type, proto);
    Value b = new_socket_obj(ts, fds[1], family, type, proto);
    return tuple_pack(ts, 2, a, b);
}

static Value mod_gethostname(ThreadState *ts, Value self, const Value *args, size_t nargs,
                             TupleObj *kwnames) {
    if (exact_args(ts, "_socket.gethostname", nargs, kwnames, 0) < 0) {
        return CS_ERR;
    }
    char buf[1024];
    if (gethostname(buf, sizeof buf - 1) < 0) {
        return exc_raise_errno(ts, errno, CS_NONE);
    }
    buf[sizeof buf - 1] = '\0';
    return str_decode(ts, buf, strlen(buf), "utf-8", "replace");
}

static Value mod_gethostbyname(ThreadState *ts, Value self, const Value *args, size_t nargs,
                               TupleObj *kwnames) {
    if (varargs(ts, "gethostbyname", "gethostbyname", nargs, kwnames, 1, 1) < 0) {
        return CS_ERR;
    }
    if (!str_check(args[0]) && !bytes_like_check(args[0])) {
        return exc_raise(ts, exc_TypeError,
                         "gethostbyname() argument 1 must be str, bytes or bytearray, not %s",
                         obj_type_name(args[0]));
    }
    char host[1024];
    SockAddr a;
    if (sockutil_host_arg(ts, args[0], host, sizeof host) < 0 ||
        sockutil_resolve(ts, host, AF_INET, &a) < 0) {
        return CS_ERR;
    }
    char text[INET_ADDRSTRLEN];
    inet_ntop(AF_INET, &a.u.in4.sin_addr, text, sizeof text);
    return str_from_cstr(ts, text);
}

// socket.herror(h_errno, hstrerror(h_errno)) from a failed host lookup.
static Value raise_herror(ThreadState *ts, int herr) {
    TypeObj *type = exc_OSError;
    Value mod, cls;
    if (dict_get_cstr(ts->interp->modules, "_socket", &mod) && is_obj(mod) &&
        type_of(mod) == &type_module &&
        dict_get_cstr(((ModuleObj *)as_obj(mod))->dict, "herror", &cls) &&
        has_type_flag(cls, TYPE_TYPE_SUBCLASS)) {
        type = (TypeObj *)as_obj(cls);
    }
    Value args[2] = {small_int_val(herr), str_from_cstr(ts, hstrerror(herr))};
    return exc_raise_args(ts, type, args, 2);
}

// (name, aliases, addresses) of a hostent, as gethostbyname_ex and
// gethostbyaddr return it.
static Value hostent_value(ThreadState *ts, const struct hostent *h) {
    Value name = str_decode(ts, h->h_name, strlen(h->h_name), "utf-8", "replace");
    Value aliases = list_new(ts, 0);
    Value addrs = list_new(ts, 0);
    for (char **a = h->h_aliases; a && *a; a++) {
        if (list_append(ts, as_list(aliases), str_from_cstr(ts, *a)) < 0) {
            return CS_ERR;
        }
    }
    for (char **a = h->h_addr_list; a && *a; a++) {
        char text[INET6_ADDRSTRLEN];
        inet_ntop(h->h_addrtype, *a, text, sizeof text);
        if (list_append(ts, as_list(addrs), str_from_cstr(ts, text)) < 0) {
            return CS_ERR;
        }
    }
    return tuple_pack(ts, 3, name, aliases, addrs);
}

// The host argument of gethostbyname_ex / gethostbyaddr, resolved.
static int host_lookup_arg(ThreadState *ts, const char *fname, const Value *args, size_t nargs,
                           TupleObj *kwnames, int family, char *host, size_t cap, SockAddr *a) {
    if (varargs(ts, fname, fname, nargs, kwnames, 1, 1) < 0) {
        return -1;
    }
    if (!str_check(args[0]) && !bytes_like_check(args[0])) {
        return exc_raise_int(ts, exc_TypeError,
                             "%s() argument 1 must be str, bytes or bytearray, not %s", fname,
                             obj_type_name(args[0]));
    }
    if (sockutil_host_arg(ts, args[0], host, cap) < 0) {
        return -1;
    }
    return sockutil_resolve(ts, host, family, a);
}

static Value mod_gethostbyname_ex(ThreadState *ts, Value self, const Value *args, size_t nargs,
                                  TupleObj *kwnames) {
    char host[1024], buf[16384];
    SockAddr a;
    if (host_lookup_arg(ts, "gethostbyname_ex", args, nargs, kwnames, AF_INET, host, sizeof host,
                        &a) < 0) {
        return CS_ERR;
    }
    struct hostent he, *h = NULL;
    int herr = 0;
    blocking_begin(ts);
    gethostbyname_r(host, &he, buf, sizeof buf, &h, &herr);
    blocking_end(ts);
    return h ? hostent_value(ts, h) : raise_herror(ts, herr);
}

static Value mod_gethostbyaddr(ThreadState *ts, Value self, const Value *args, size_t nargs,
                               TupleObj *kwnames) {
    char host[1024], buf[16384];
    SockAddr a;
    if (host_lookup_arg(ts, "gethostbyaddr", args, nargs, kwnames, AF_UNSPEC, host, sizeof host,
                        &a) < 0) {
        return CS_ERR;
    }
    const void *ap = &a.u.in4.sin_addr;
    socklen_t alen = sizeof a.u.in4.sin_addr;
    if (a.u.sa.sa_family == AF_INET6) {
        ap = &a.u.in6.sin6_addr;
        alen = sizeof a.u.in6.sin6_addr;
    }
    struct hostent he, *h = NULL;
    int herr = 0;
    blocking_begin(ts);
    gethostbyaddr_r(ap, alen, a.u.sa.sa_family, &he, buf, sizeof buf, &h, &herr);
    blocking_end(ts);
    return h ? hostent_value(ts, h) : raise_herror(ts, herr);
}

// getaddrinfo(host, port, family=0, type=0, proto=0, flags=0) -> a list of
// (family, type, proto, canonname, sockaddr).
static Value mod_getaddrinfo(ThreadState *ts, Value self, const Value *args, size_t nargs,
                             TupleObj *kwnames) {
    Value a[6];
    int ints[4] = {0, 0, 0, 0};
    if (arg_parse(ts, "getaddrinfo", args, nargs, kwnames, "host,port|family,type,proto,flags", a) <
        0) {
        return CS_ERR;
    }
    for (int i = 0; i < 4; i++) {
        if (a[2 + i] != CS_UNBOUND && sockutil_int_arg(ts, a[2 + i], &ints[i]) < 0) {
            return CS_ERR;
        }
    }
    char host[1024], port[64];
    const char *hp = NULL, *pp = NULL;
    if (a[0] != CS_NONE) {
        if (!str_check(a[0]) && !bytes_like_check(a[0])) {
            return exc_raise(ts, exc_TypeError, "getaddrinfo() argument 1 must be string or None");
        }
        if (sockutil_host_arg(ts, a[0], host, sizeof host) < 0) {
            return CS_ERR;
        }
        hp = host;
    }
    if (int_check(a[1])) {
        int64_t p;
        if (int_as_i64(ts, a[1], &p) < 0) {
            return CS_ERR;
        }
        snprintf(port, sizeof port, "%lld", (long long)p);
        pp = port;
    } else if (str_check(a[1]) || bytes_check(a[1])) {
        if (sockutil_host_arg(ts, a[1], port, sizeof port) < 0) {
            return CS_ERR;
        }
        pp = port;
    } else if (a[1] != CS_NONE) {
        return exc_raise(ts, exc_OSError, "Int or String expected");
    }
    struct addrinfo hints = {
        .ai_family = ints[0], .ai_socktype = ints[1], .ai_protocol = ints[2], .ai_flags = ints[3]};
    struct addrinfo *res = NULL;
    blocking_begin(ts);
    int err = getaddrinfo(hp, pp, &hints, &res);
    blocking_end(ts);
    if (err != 0) {
        return sockutil_raise_gai(ts, err);
    }
    Value list = list_new(ts, 0);
    for (struct addrinfo *r = res; r; r = r->ai_next) {
        Value addr = sockutil_addr_value(ts, r->ai_addr, r->ai_addrlen);
        Value canon = addr == CS_ERR ? CS_ERR
                                     : str_decode(ts, r->ai_canonname ? r->ai_canonname : "",
                                                  r->ai_canonname ? strlen(r->ai_canonname) : 0,
                                                  "utf-8", "replace");
        if (canon == CS_ERR ||
            list_append(ts, as_list(list),
                        tuple_pack(ts, 5, small_int_val(r->ai_family),
                                   small_int_val(r->ai_socktype), small_int_val(r->ai_protocol),
                                   canon, addr)) < 0) {
            freeaddrinfo(res);
            return CS_ERR;
        }
    }
    freeaddrinfo(res);
    return list;
}

static Value mod_getservbyname(ThreadState *ts, Value self, const Value *args, size_t nargs,
                               TupleObj *kwnames) {
    if (varargs(ts, "getservbyname", "getservbyname", nargs, kwnames, 1, 2) < 0) {
        return CS_ERR;
    }
    for (size_t i = 0; i < nargs; i++) {
        if (!str_check(args[i])) {
            return exc_raise(ts, exc_TypeError, "getservbyname() argument %zu must be str, not %s",
                             i + 1, obj_type_name(args[i]));
        }
    }
    struct servent *se = getservbyname(str_cstr(args[0]), nargs > 1 ? str_cstr(args[1]) : NULL);
    if (!se) {
        return exc_raise(ts, exc_OSError, "service/proto not found");
    }
    return small_int_val(ntohs((uint16_t)se->s_port));
}

static Value mod_getprotobyname(ThreadState *ts, Value self, const Value *args, size_t nargs,
                                TupleObj *kwnames) {
    if (varargs(ts, "getprotobyname", "getprotobyname", nargs, kwnames, 1, 1) < 0) {
        return CS_ERR;
    }
    if (!str_check(args[0])) {
        return exc_raise(ts, exc_TypeError, "getprotobyname() argument 1 must be str, not %s",
                         obj_type_name(args[0]));
    }
    struct protoent *pe = getprotobyname(str_cstr(args[0]));
    if (!pe) {
        return exc_raise(ts, exc_OSError, "protocol not found");
    }
    return small_int_val(pe->p_proto);
}

static Value mod_inet_aton(ThreadState *ts, Value self, const Value *args, size_t nargs,
                           TupleObj *kwnames) {
    if (varargs(ts, "inet_aton", "inet_aton", nargs, kwnames, 1, 1) < 0) {
        return CS_ERR;
    }
    if (!str_check(args[0])) {
        return exc_raise(ts, exc_TypeError, "inet_aton() argument 1 must be str, not %s",
                         obj_type_name(args[0]));
    }
    struct in_addr a;
    if (inet_aton(str_cstr(args[0]), &a) == 0) {
        return exc_raise(ts, exc_OSError, "illegal IP address string passed to inet_aton");
    }
    return bytes_new(ts, &a, sizeof a);
}

static Value mod_inet_ntoa(ThreadState *ts, Value self, const Value *args, size_t nargs,
                           TupleObj *kwnames) {
    const unsigned char *p;
    size_t n;
    if (varargs(ts, "inet_ntoa", "inet_ntoa", nargs, kwnames, 1, 1) < 0 ||
        bytes_view(ts, args[0], &p, &n) < 0) {
        return CS_ERR;
    }
    if (n != 4) {
        return exc_raise(ts, exc_OSError, "packed IP wrong length for inet_ntoa");
    }
    char text[INET_ADDRSTRLEN];
    inet_ntop(AF_INET, p, text, sizeof text);
    return str_from_cstr(ts, text);
}

static Value mod_inet_pton(ThreadState *ts, Value self, const Value *args, size_t nargs,
                           TupleObj *kwnames) {
    int af;
    if (varargs(ts, "inet_pton", "inet_pton", nargs, kwnames, 2, 2) < 0 ||
        sockutil_int_arg(ts, args[0], &af) < 0) {
        return CS_ERR;
    }
    if (!str_check(args[1])) {
        return exc_raise(ts, exc_TypeError, "inet_pton() argument 2 must be str, not %s",
                         obj_type_name(args[1]));
    }
    unsigned char buf[sizeof(struct in6_addr)];
    int r = inet_pton(af, str_cstr(args[1]), buf);
    if (r < 0) {
        return exc_raise_errno(ts, errno, CS_NONE);
    }
    if (r == 0) {
        return exc_raise(ts, exc_OSError, "illegal IP address string passed to inet_pton");
    }
    return bytes_new(ts, buf, af == AF_INET ? 4 : 16);
}

static Value mod_inet_ntop(ThreadState *ts, Value self, const Value *args, size_t nargs,
                           TupleObj *kwnames) {
    int af;
    const unsigned char *p;
    size_t n;
    if (varargs(ts, "inet_ntop", "inet_ntop", nargs, kwnames, 2, 2) < 0 ||
        sockutil_int_arg(ts, args[0], &af) < 0 || bytes_view(ts, args[1], &p, &n) < 0) {
        return CS_ERR;
    }
    if (af != AF_INET && af != AF_INET6) {
        return exc_raise(ts, exc_ValueError, "unknown address family %d", af);
    }
    if (n != (af == AF_INET ? 4u : 16u)) {
        return exc_raise(ts, exc_ValueError, "invalid length of packed IP address string");
    }
    char text[INET6_ADDRSTRLEN];
    if (!inet_ntop(af, p, text, sizeof text)) {
        return exc_raise_errno(ts, errno, CS_NONE);
    }
    return str_from_cstr(ts, text);
}

// htons/ntohs (16 bits) and htonl/ntohl (32 bits), with CPython's messages.
static Value byte_swap(ThreadState *ts, const char *name, const Value *args, size_t nargs,
                       TupleObj *kwnames, bool wide) {
    if (exact_args(ts, name, nargs, kwnames, 1) < 0) {
        return CS_ERR;
    }
    Value iv = obj_index(ts, args[0]);
    if (iv == CS_ERR) {
        return CS_ERR;
    }
    int64_t v;
    bool overflow = int_as_i64(ts, iv, &v) < 0;
    if (overflow) {
        exc_clear(ts);
        v = int_sign(iv) < 0 ? -1 : INT64_MAX;
    }
    if (!wide) {
        if (v < 0) {
            return exc_raise(ts, exc_OverflowError,
                             "%s: can't convert negative Python int to C 16-bit unsigned integer",
                             name);
        }
        if (v > 0xffff) {
            return exc_raise(ts, exc_OverflowError,
                             "%s: Python int too large to convert to C 16-bit unsigned integer",
                             name);
        }
        return small_int_val(htons((uint16_t)v));
    }
    if (v < 0) {
        return exc_raise(ts, exc_OverflowError, "can't convert negative value to unsigned int");
    }
    if (v > 0xffffffffLL) {
        return exc_raise(ts, exc_OverflowError, "int larger than 32 bits");
    }
    return int_from_u64(ts, htonl((uint32_t)v));
}

static Value mod_htons(ThreadState *ts, Value self, const Value *args, size_t nargs,
                       TupleObj *kwnames) {
    return byte_swap(ts, "htons", args, nargs, kwnames, false);
}

static Value mod_ntohs(ThreadState *ts, Value self, const Value *args, size_t nargs,
                       TupleObj *kwnames) {
    return byte_swap(ts, "ntohs", args, nargs, kwnames, false);
}

static Value mod_htonl(ThreadState *ts, Value self, const Value *args, size_t nargs,
                       TupleObj *kwnames) {
    return byte_swap(ts, "htonl", args, nargs, kwnames, true);
}

static Value mod_ntohl(ThreadState *ts, Value self, const Value *args, size_t nargs,
                       TupleObj *kwnames) {
    return byte_swap(ts, "ntohl", args, nargs, kwnames, true);
}

static Value mod_getdefaulttimeout(ThreadState *ts, Value self, const Value *args, size_t nargs,
                                   TupleObj *kwnames) {
    if (exact_args(ts, "_socket.getdefaulttimeout", nargs, kwnames, 0) < 0) {
        return CS_ERR;
    }
    return timeout_value(default_timeout);
}

static Value mod_setdefaulttimeout(ThreadState *ts, Value self, const Value *args, size_t nargs,
                                   TupleObj *kwnames) {
    int64_t t;
    if (exact_args(ts, "_socket.setdefaulttimeout", nargs, kwnames, 1) < 0 ||
        timeout_arg(ts, args[0], &t) < 0) {
        return CS_ERR;
    }
    default_timeout = t;
    return CS_NONE;
}

static Value mod_dup(ThreadState *ts, Value self, const Value *args, size_t nargs,
                     TupleObj *kwnames) {
    int fd;
    if (exact_args(ts, "_socket.dup", nargs, kwnames, 1) < 0 ||
        sockutil_int_arg(ts, args[0], &fd) < 0) {
        return CS_ERR;
    }
    int nfd = fcntl(fd, F_DUPFD_CLOEXEC, 0);
    if (nfd < 0) {
        return exc_raise_errno(ts, errno, CS_NONE);
    }
    return small_int_val(nfd);
}

static Value mod_close(ThreadState *ts, Value self, const Value *args, size_t nargs,
                       TupleObj *kwnames) {
    int fd;
    if (exact_args(ts, "_socket.close", nargs, kwnames, 1) < 0 ||
        sockutil_int_arg(ts, args[0], &fd) < 0) {
        return CS_ERR;
    }
    if (close(fd) < 0 && errno != ECONNRESET) {
        return exc_raise_errno(ts, errno, CS_NONE);
    }
    return CS_NONE;
}

static const MethodDef socket_functions[] = {
    {"socketpair", mod_socketpair, KW,
     "socketpair([family[, type [, proto]]]) -> (socket object, socket object)"},
    {"gethostname", mod_gethostname, KW, "gethostname() -> string"},
    {"gethostbyname", mod_gethostbyname, KW, "gethostbyname(host) -> address"},
    {"gethostbyname_ex", mod_gethostbyname_ex, KW,
     "gethostbyname_ex(host) -> (name, aliaslist, addresslist)"},
    {"gethostbyaddr", mod_gethostbyaddr, KW,
     "gethostbyaddr(host) -> (name, aliaslist, addresslist)"},
    {"getaddrinfo", mod_getaddrinfo, KW,
     "getaddrinfo(host, port [, family, type, proto, flags]) -> list of (family, type, proto, "
     "canonname, sockaddr)"},
    {"getservbyname", mod_getservbyname, KW,
     "getservbyname(servicename[, protocolname]) -> integer"},
    {"getprotobyname", mod_getprotobyname, KW, "getprotobyname(name) -> integer"},
    {"inet_aton", mod_inet_aton, KW,
     "Convert an IP address in string format to 32-bit packed binary format."},
    {"inet_ntoa", mod_inet_ntoa, KW,
     "Convert an IP address from 32-bit packed binary format to string format."},
    {"inet_pton", mod_inet_pton, KW, "inet_pton(af, ip) -> packed IP address string"},
    {"inet_ntop", mod_inet_ntop, KW, "inet_ntop(af, packed_ip) -> string formatted IP address"},
    {"htons", mod_htons, KW, "Convert a 16-bit unsigned integer from host to network byte order."},
    {"ntohs", mod_ntohs, KW, "Convert a 16-bit unsigned integer from network to host byte order."},
    {"htonl", mod_htonl, KW, "Convert a 32-bit integer from host to network byte order."},
    {"ntohl", mod_ntohl, KW, "Convert a 32-bit integer from network to host byte order."},
    {"getdefaulttimeout", mod_getdefaulttimeout, KW, "getdefaulttimeout() -> timeout"},
    {"setdefaulttimeout", mod_setdefaulttimeout, KW, "setdefaulttimeout(timeout)"},
    {"dup", mod_dup, KW, "dup(integer) -> integer"},
    {"close", mod_close, KW, "close(integer) -> None"},
    {NULL, NULL, 0, NULL},
};

// ---------------------------------------------------------------------------
// Constants and the module

typedef struct IntConst {
    const char *name;
    long value;
} IntConst;

#define C(name)                                                                                    \
    { #name, name }
// clang-format off
static const IntConst socket_constants[] = {
    C(AF_UNSPEC), C(AF_INET), C(AF_INET6), C(AF_UNIX), C(AF_PACKET), C(AF_NETLINK), C(AF_AX25),
    C(AF_IPX), C(AF_APPLETALK), C(AF_NETROM), C(AF_BRIDGE), C(AF_ATMPVC), C(AF_X25), C(AF_ROSE),
    C(AF_NETBEUI), C(AF_SECURITY), C(AF_KEY), C(AF_ASH), C(AF_ECONET), C(AF_ATMSVC), C(AF_RDS),
    C(AF_SNA), C(AF_IRDA), C(AF_PPPOX), C(AF_WANPIPE), C(AF_LLC), C(AF_CAN), C(AF_TIPC), C(AF_ALG),
    C(AF_VSOCK), C(AF_QIPCRTR), C(SOCK_STREAM), C(SOCK_DGRAM), C(SOCK_RAW), C(SOCK_RDM),
    C(SOCK_SEQPACKET), C(SOCK_NONBLOCK), C(SOCK_CLOEXEC), C(SOL_SOCKET), C(SOL_TCP),
    {"SOL_UDP", IPPROTO_UDP}, C(SOL_IP), C(SO_REUSEADDR), C(SO_REUSEPORT), C(SO_KEEPALIVE),
    C(SO_BROADCAST), C(SO_LINGER), C(SO_ERROR), C(SO_TYPE), C(SO_RCVBUF), C(SO_SNDBUF),
    C(SO_RCVLOWAT), C(SO_SNDLOWAT), C(SO_RCVTIMEO), C(SO_SNDTIMEO), C(SO_ACCEPTCONN), C(SO_DOMAIN),
    C(SO_PROTOCOL), C(SO_OOBINLINE), C(SO_DONTROUTE), C(SO_PEERCRED), C(SO_PASSCRED), C(SOMAXCONN),
    C(IPPROTO_IP), C(IPPROTO_TCP), C(IPPROTO_UDP), C(IPPROTO_IPV6), C(IPPROTO_ICMP),
    C(IPPROTO_ICMPV6), C(IPPROTO_RAW), C(IP_TOS), C(IP_TTL), C(IP_MULTICAST_TTL),
    C(IP_MULTICAST_LOOP), C(IP_ADD_MEMBERSHIP), C(IP_DROP_MEMBERSHIP), C(IPV6_V6ONLY),
    C(IPV6_UNICAST_HOPS), C(IPV6_MULTICAST_HOPS), C(IPV6_MULTICAST_LOOP), C(TCP_NODELAY),
    C(TCP_MAXSEG), C(TCP_KEEPIDLE), C(TCP_KEEPINTVL), C(TCP_KEEPCNT), C(TCP_QUICKACK), C(TCP_CORK),
    C(MSG_PEEK), C(MSG_DONTWAIT), C(MSG_WAITALL), C(MSG_OOB), C(MSG_TRUNC), C(MSG_CTRUNC),
    C(MSG_DONTROUTE), C(MSG_EOR), C(MSG_NOSIGNAL), C(MSG_CMSG_CLOEXEC), C(MSG_CONFIRM),
    C(MSG_MORE), C(MSG_ERRQUEUE), C(MSG_FASTOPEN), C(SHUT_RD), C(SHUT_WR), C(SHUT_RDWR),
    C(AI_PASSIVE), C(AI_CANONNAME), C(AI_NUMERICHOST), C(AI_NUMERICSERV), C(AI_V4MAPPED),
    C(AI_ALL), C(AI_ADDRCONFIG), C(NI_NUMERICHOST), C(NI_NUMERICSERV), C(NI_NOFQDN),
    C(NI_NAMEREQD), C(NI_DGRAM), C(NI_MAXHOST), C(NI_MAXSERV), C(EAI_AGAIN), C(EAI_BADFLAGS),
    C(EAI_FAIL), C(EAI_FAMILY), C(EAI_MEMORY), C(EAI_NONAME), C(EAI_SERVICE), C(EAI_SOCKTYPE),
    C(EAI_SYSTEM), C(EAI_OVERFLOW), C(EAI_ADDRFAMILY), C(EAI_NODATA),
    {"INADDR_ANY", (long)INADDR_ANY}, {"INADDR_BROADCAST", (long)INADDR_BROADCAST},
    {"INADDR_LOOPBACK", (long)INADDR_LOOPBACK}, {"INADDR_NONE", (long)INADDR_NONE},
    {NULL, 0},
};
// clang-format on
#undef C

// An OSError subclass of the socket module (gaierror, herror).
static Value make_error(ThreadState *ts, const char *name) {
    Value d = dict_new(ts);
    if (dict_set_str(ts, as_dict(d), STR_NAME(ts, __module__), str_from_cstr(ts, "socket")) < 0) {
        return CS_ERR;
    }
    Value bases = tuple_pack(ts, 1, obj_val(exc_OSError));
    return type_new_class(ts, &type_type, str_from_cstr(ts, name), bases, d, NULL, NULL);
}

Value socket_module_init(ThreadState *ts) {
    Value mv = module_new(ts, "_socket");
    ModuleObj *m = (ModuleObj *)as_obj(mv);
    if (module_add_functions(ts, m, socket_functions) < 0 ||
        module_add_value(ts, m, "socket", obj_val(&type_socket)) < 0 ||
        module_add_value(ts, m, "SocketType", obj_val(&type_socket)) < 0 ||
        module_add_value(ts, m, "error", obj_val(exc_OSError)) < 0 ||
        module_add_value(ts, m, "timeout", obj_val(exc_TimeoutError)) < 0 ||
        module_add_value(ts, m, "has_ipv6", CS_TRUE) < 0) {
        return CS_ERR;
    }
    const char *errors[] = {"herror", "gaierror"};
    for (size_t i = 0; i < 2; i++) {
        Value cls = make_error(ts, errors[i]);
        if (cls == CS_ERR || module_add_value(ts, m, errors[i], cls) < 0) {
            return CS_ERR;
        }
    }
    for (const IntConst *c = socket_constants; c->name; c++) {
        if (module_add_int(ts, m, c->name, c->value) < 0) {
            return CS_ERR;
        }
    }
    return mv;
}
