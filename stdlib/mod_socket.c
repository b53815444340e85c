// The _socket module: BSD sockets (TCP, UDP, Unix) with CPython's blocking,
// non-blocking and timeout modes, plus name resolution. stdlib/lib/socket.cs
// wraps it as socket.socket (context manager, accept() returning sockets).
//
// Timeouts work as in CPython: a socket with a timeout keeps its descriptor
// non-blocking and polls before each operation; "timed out" raises
// TimeoutError. An interrupted system call re-checks signals (so Ctrl-C
// raises KeyboardInterrupt) and is retried with the time that remains.
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include "stdlib/modules.h"
#include "vm/bytes.h"
#include "vm/dict.h"
#include "vm/eval.h"
#include "vm/exc.h"
#include "vm/func.h"
#include "vm/gc.h"
#include "vm/int.h"
#include "vm/list.h"
#include "vm/state.h"
#include "vm/str.h"
#include "vm/typeobj.h"

extern TypeObj type_socket;

typedef struct SockObj {
    Obj hdr;
    int fd;
    int family, type, proto;
    double timeout; // < 0: blocking; 0: non-blocking; > 0: seconds
} SockObj;

static SockObj *sock_self(Value v) {
    return (SockObj *)as_obj(v);
}

static void blocking_begin(ThreadState *ts) {
    (void)ts;
}

static void blocking_end(ThreadState *ts) {
    (void)ts;
}

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static Value raise_errno(ThreadState *ts, int err) {
    return exc_raise_errno(ts, err, CS_NONE);
}

static Value raise_timeout(ThreadState *ts) {
    return exc_raise(ts, exc_TimeoutError, "timed out");
}

static int check_open(ThreadState *ts, SockObj *s) {
    if (s->fd < 0) {
        raise_errno(ts, EBADF);
        return -1;
    }
    return 0;
}

// Waits until fd is ready (timeout mode). 0 ready, -1 raised (TimeoutError,
// KeyboardInterrupt, OSError).
static int wait_ready(ThreadState *ts, SockObj *s, bool writing, double deadline) {
    for (;;) {
        double left = deadline - now();
        if (left <= 0) {
            raise_timeout(ts);
            return -1;
        }
        struct pollfd p = {.fd = s->fd, .events = writing ? POLLOUT : POLLIN};
        blocking_begin(ts);
        int r = poll(&p, 1, (int)ceil(left * 1000.0));
        int err = errno;
        blocking_end(ts);
        if (r > 0) {
            return 0;
        }
        if (r == 0) {
            raise_timeout(ts);
            return -1;
        }
        if (err != EINTR) {
            raise_errno(ts, err);
            return -1;
        }
        if (vm_handle_breaker(ts) < 0) {
            return -1;
        }
    }
}

// One socket operation with CPython's semantics for every mode. `op`
// returns >= 0 or -1 with errno set.
typedef ssize_t (*SockOp)(SockObj *s, void *ctx);

static ssize_t sock_call(ThreadState *ts, SockObj *s, bool writing, SockOp op, void *ctx) {
    if (check_open(ts, s) < 0) {
        return -1;
    }
    double deadline = s->timeout > 0 ? now() + s->timeout : 0;
    for (;;) {
        if (s->timeout > 0 && wait_ready(ts, s, writing, deadline) < 0) {
            return -1;
        }
        blocking_begin(ts);
        ssize_t r = op(s, ctx);
        int err = errno;
        blocking_end(ts);
        if (r >= 0) {
            return r;
        }
        if (err == EINTR) {
            if (vm_handle_breaker(ts) < 0) {
                return -1;
            }
            continue;
        }
        if (s->timeout > 0 && (err == EAGAIN || err == EWOULDBLOCK)) {
            continue;
        }
        raise_errno(ts, err);
        return -1;
    }
}

// ---------------------------------------------------------------------------
// Addresses

typedef struct SockAddr {
    struct sockaddr_storage ss;
    socklen_t len;
} SockAddr;

static int port_arg(ThreadState *ts, Value v, const char *caller, int *port) {
    if (!has_type_flag(v, TYPE_INT_SUBCLASS)) {
        exc_raise(ts, exc_TypeError, "'%s' object cannot be interpreted as an integer",
                  obj_type_name(v));
        return -1;
    }
    int64_t p;
    if (int_as_i64(ts, v, &p) < 0 || p < 0 || p > 65535) {
        exc_clear(ts);
        exc_raise(ts, exc_OverflowError, "%s(): port must be 0-65535.", caller);
        return -1;
    }
    *port = (int)p;
    return 0;
}

// Resolves `host` for family (numeric or by name). 0, or -1 raised (gaierror).
static int resolve_host(ThreadState *ts, const char *host, int family, SockAddr *out);

static int parse_addr(ThreadState *ts, SockObj *s, Value addr, const char *caller, SockAddr *out) {
    memset(out, 0, sizeof *out);
    if (s->family == AF_UNIX) {
        const char *path;
        size_t n;
        if (str_check(addr)) {
            path = as_str(addr)->data;
            n = as_str(addr)->len;
        } else if (bytes_like_check(addr)) {
            const unsigned char *p;
            bytes_data(addr, &p, &n);
            path = (const char *)p;
        } else {
            exc_raise(ts, exc_TypeError, "%s(): AF_UNIX address must be str or bytes, not %s",
                      caller, obj_type_name(addr));
            return -1;
        }
        struct sockaddr_un *un = (struct sockaddr_un *)&out->ss;
        if (n >= sizeof un->sun_path) {
            exc_raise(ts, exc_OSError, "AF_UNIX path too long");
            return -1;
        }
        un->sun_family = AF_UNIX;
        memcpy(un->sun_path, path, n);
        out->len = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + n + (n && path[0] ? 1 : 0));
        return 0;
    }
    if (s->family != AF_INET && s->family != AF_INET6) {
        exc_raise(ts, exc_OSError, "%s(): bad family", caller);
        return -1;
    }
    const char *fam = s->family == AF_INET ? "AF_INET" : "AF_INET6";
    if (!has_type_flag(addr, TYPE_TUPLE_SUBCLASS)) {
        exc_raise(ts, exc_TypeError, "%s(): %s address must be tuple, not %s", caller, fam,
                  obj_type_name(addr));
        return -1;
    }
    TupleObj *t = as_tuple(addr);
    size_t want_max = s->family == AF_INET ? 2 : 4;
    if (t->len < 2 || t->len > want_max) {
        if (s->family == AF_INET) {
            exc_raise(ts, exc_TypeError, "AF_INET address must be a pair (host, port)");
        } else {
            exc_raise(ts, exc_TypeError, "AF_INET6 address must be a tuple (host, port[, "
                                         "flowinfo[, scopeid]])");
        }
        return -1;
    }
    Value host = t->items[0];
    if (!str_check(host)) {
        exc_raise(ts, exc_TypeError, "str, bytes or bytearray expected, not %s",
                  obj_type_name(host));
        return -1;
    }
    if (resolve_host(ts, as_str(host)->data, s->family, out) < 0) {
        return -1;
    }
    int port;
    if (port_arg(ts, t->items[1], caller, &port) < 0) {
        return -1;
    }
    if (s->family == AF_INET) {
        ((struct sockaddr_in *)&out->ss)->sin_port = htons((uint16_t)port);
    } else {
        struct sockaddr_in6 *a6 = (struct sockaddr_in6 *)&out->ss;
        a6->sin6_port = htons((uint16_t)port);
        int64_t v;
        if (t->len > 2) {
            if (int_as_i64(ts, t->items[2], &v) < 0) {
                return -1;
            }
            a6->sin6_flowinfo = htonl((uint32_t)v);
        }
        if (t->len > 3) {
            if (int_as_i64(ts, t->items[3], &v) < 0) {
                return -1;
            }
            a6->sin6_scope_id = (uint32_t)v;
        }
    }
    return 0;
}

static Value make_addr(ThreadState *ts, const struct sockaddr *sa, socklen_t len) {
    char buf[INET6_ADDRSTRLEN];
    switch (sa->sa_family) {
    case AF_INET: {
        const struct sockaddr_in *a = (const struct sockaddr_in *)sa;
        inet_ntop(AF_INET, &a->sin_addr, buf, sizeof buf);
        return tuple_pack(ts, 2, str_from_cstr(ts, buf), small_int_val(ntohs(a->sin_port)));
    }
    case AF_INET6: {
        const struct sockaddr_in6 *a = (const struct sockaddr_in6 *)sa;
        inet_ntop(AF_INET6, &a->sin6_addr, buf, sizeof buf);
        return tuple_pack(ts, 4, str_from_cstr(ts, buf), small_int_val(ntohs(a->sin6_port)),
                          small_int_val(ntohl(a->sin6_flowinfo)), small_int_val(a->sin6_scope_id));
    }
    case AF_UNIX: {
        const struct sockaddr_un *a = (const struct sockaddr_un *)sa;
        size_t off = offsetof(struct sockaddr_un, sun_path);
        if (len <= off) {
            return str_from_cstr(ts, "");
        }
        size_t n = len - off;
        if (a->sun_path[0] == '\0') {
            return bytes_new(ts, a->sun_path, n); // abstract namespace
        }
        return str_new(ts, a->sun_path, strnlen(a->sun_path, n));
    }
    default:
        return tuple_pack(ts, 2, small_int_val(sa->sa_family), bytes_new(ts, "", 0));
    }
}

// ---------------------------------------------------------------------------
// The socket type

static Value sock_tp_new(ThreadState *ts, TypeObj *type, const Value *args, size_t nargs,
                         TupleObj *kwnames) {
    (void)args, (void)nargs, (void)kwnames;
    SockObj *s = gc_alloc(ts, type, type->basicsize);
    s->fd = -1;
    s->timeout = -1;
    return obj_val(s);
}

static void sock_finalize(Obj *o) {
    SockObj *s = (SockObj *)o;
    if (s->fd >= 0) {
        close(s->fd);
        s->fd = -1;
    }
}

static int int_arg(ThreadState *ts, Value v, int dflt, int *out) {
    if (v == CS_UNBOUND || v == CS_NONE) {
        *out = dflt;
        return 0;
    }
    int64_t i;
    if (!has_type_flag(v, TYPE_INT_SUBCLASS)) {
        exc_raise(ts, exc_TypeError, "'%s' object cannot be interpreted as an integer",
                  obj_type_name(v));
        return -1;
    }
    if (int_as_i64(ts, v, &i) < 0) {
        return -1;
    }
    *out = (int)i;
    return 0;
}

static int set_nonblocking(int fd, bool on) {
    int fl = fcntl(fd, F_GETFL);
    if (fl < 0) {
        return -1;
    }
    fl = on ? fl | O_NONBLOCK : fl & ~O_NONBLOCK;
    return fcntl(fd, F_SETFL, fl);
}

static int sock_tp_init(ThreadState *ts, Value self, const Value *args, size_t nargs,
                        TupleObj *kwnames) {
    Value out[4];
    if (arg_parse(ts, "socket", args, nargs, kwnames, "|family,type,proto,fileno", out) < 0) {
        return -1;
    }
    SockObj *s = sock_self(self);
    int family, type, proto;
    if (int_arg(ts, out[0], -1, &family) < 0 || int_arg(ts, out[1], -1, &type) < 0 ||
        int_arg(ts, out[2], -1, &proto) < 0) {
        return -1;
    }
    if (out[3] != CS_UNBOUND && out[3] != CS_NONE) {
        int fd;
        if (int_arg(ts, out[3], -1, &fd) < 0) {
            return -1;
        }
        if (fd < 0) {
            exc_raise(ts, exc_ValueError, "negative file descriptor");
            return -1;
        }
        struct sockaddr_storage ss;
        socklen_t len = sizeof ss;
        if (family < 0) {
            if (getsockname(fd, (struct sockaddr *)&ss, &len) < 0) {
                raise_errno(ts, errno);
                return -1;
            }
            family = ss.ss_family;
        }
        if (type < 0) {
            len = sizeof type;
            if (getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &len) < 0) {
                raise_errno(ts, errno);
                return -1;
            }
        }
        if (proto < 0) {
            len = sizeof proto;
            if (getsockopt(fd, SOL_SOCKET, SO_PROTOCOL, &proto, &len) < 0) {
                proto = 0;
            }
        }
        s->fd = fd;
    } else {
        family = family < 0 ? AF_INET : family;
        type = type < 0 ? SOCK_STREAM : type;
        proto = proto < 0 ? 0 : proto;
        int fd = socket(family, type | SOCK_CLOEXEC, proto);
        if (fd < 0) {
            raise_errno(ts, errno);
            return -1;
        }
        s->fd = fd;
    }
    s->family = family;
    s->type = type & ~(SOCK_NONBLOCK | SOCK_CLOEXEC);
    s->proto = proto;
    s->timeout = (type & SOCK_NONBLOCK) ? 0 : -1;
    if (s->timeout == 0 && set_nonblocking(s->fd, true) < 0) {
        raise_errno(ts, errno);
        return -1;
    }
    return 0;
}

#define SOCK_METHOD(name)                                                                          \
    static Value name(ThreadState *ts, Value self, const Value *args, size_t nargs,               \
                      TupleObj *kwnames)

SOCK_METHOD(sock_fileno) {
    (void)args, (void)nargs, (void)kwnames;
    return int_from_i64(ts, sock_self(self)->fd);
}

SOCK_METHOD(sock_close) {
    (void)args, (void)nargs, (void)kwnames;
    SockObj *s = sock_self(self);
    if (s->fd >= 0) {
        int fd = s->fd;
        s->fd = -1;
        if (close(fd) < 0 && errno != ECONNRESET) {
            return raise_errno(ts, errno);
        }
    }
    return CS_NONE;
}

SOCK_METHOD(sock_detach) {
    (void)args, (void)nargs, (void)kwnames;
    SockObj *s = sock_self(self);
    int fd = s->fd;
    s->fd = -1;
    return int_from_i64(ts, fd);
}

SOCK_METHOD(sock_bind) {
    if (arg_no_kw(ts, "bind", kwnames) < 0 || arg_count(ts, "bind", nargs, 1, 1) < 0) {
        return CS_ERR;
    }
    SockObj *s = sock_self(self);
    SockAddr a;
    if (parse_addr(ts, s, args[0], "bind", &a) < 0 || check_open(ts, s) < 0) {
        return CS_ERR;
    }
    if (bind(s->fd, (struct sockaddr *)&a.ss, a.len) < 0) {
        return raise_errno(ts, errno);
    }
    return CS_NONE;
}

SOCK_METHOD(sock_listen) {
    if (arg_no_kw(ts, "listen", kwnames) < 0 || arg_count(ts, "listen", nargs, 0, 1) < 0) {
        return CS_ERR;
    }
    SockObj *s = sock_self(self);
    int backlog = SOMAXCONN < 128 ? SOMAXCONN : 128;
    if (nargs && int_arg(ts, args[0], backlog, &backlog) < 0) {
        return CS_ERR;
    }
    if (backlog < 0) {
        backlog = 0;
    }
    if (check_open(ts, s) < 0) {
        return CS_ERR;
    }
    if (listen(s->fd, backlog) < 0) {
        return raise_errno(ts, errno);
    }
    return CS_NONE;
}

typedef struct AcceptCtx {
    struct sockaddr_storage ss;
    socklen_t len;
} AcceptCtx;

static ssize_t do_accept(SockObj *s, void *ctx) {
    AcceptCtx *a = ctx;
    a->len = sizeof a->ss;
    return accept4(s->fd, (struct sockaddr *)&a->ss, &a->len, SOCK_CLOEXEC);
}

// _accept() -> (fd, address)
SOCK_METHOD(sock_accept) {
    (void)args, (void)nargs, (void)kwnames;
    AcceptCtx a;
    ssize_t fd = sock_call(ts, sock_self(self), false, do_accept, &a);
    if (fd < 0) {
        return CS_ERR;
    }
    Value addr = make_addr(ts, (struct sockaddr *)&a.ss, a.len);
    return tuple_pack(ts, 2, int_from_i64(ts, fd), addr);
}

// connect with the socket's mode; returns 0 or an errno (connect_ex) and
// raises only for timeouts/interrupts (-1).
static int do_connect(ThreadState *ts, SockObj *s, const SockAddr *a) {
    int r;
    for (;;) {
        blocking_begin(ts);
        r = connect(s->fd, (const struct sockaddr *)&a->ss, a->len);
        int err = errno;
        blocking_end(ts);
        if (r == 0) {
            return 0;
        }
        if (err == EINTR) {
            if (vm_handle_breaker(ts) < 0) {
                return -1;
            }
            if (s->timeout == 0) {
                return EINTR;
            }
            // The connection goes on in the background: wait for it below.
            err = EINPROGRESS;
        }
        if (err == EINPROGRESS && s->timeout != 0) {
            if (s->timeout > 0) {
                if (wait_ready(ts, s, true, now() + s->timeout) < 0) {
                    return -1;
                }
            } else {
                struct pollfd p = {.fd = s->fd, .events = POLLOUT};
                while (poll(&p, 1, -1) < 0) {
                    if (errno != EINTR) {
                        return errno;
                    }
                    if (vm_handle_breaker(ts) < 0) {
                        return -1;
                    }
                }
            }
            int soerr = 0;
            socklen_t len = sizeof soerr;
            if (getsockopt(s->fd, SOL_SOCKET, SO_ERROR, &soerr, &len) < 0) {
                return errno;
            }
            return soerr;
        }
        return err;
    }
}

SOCK_METHOD(sock_connect) {
    if (arg_no_kw(ts, "connect", kwnames) < 0 || arg_count(ts, "connect", nargs, 1, 1) < 0) {
        return CS_ERR;
    }
    SockObj *s = sock_self(self);
    SockAddr a;
    if (parse_addr(ts, s, args[0], "connect", &a) < 0 || check_open(ts, s) < 0) {
        return CS_ERR;
    }
    int err = do_connect(ts, s, &a);
    if (err < 0) {
        return CS_ERR;
    }
    return err ? raise_errno(ts, err) : CS_NONE;
}

SOCK_METHOD(sock_connect_ex) {
    if (arg_no_kw(ts, "connect_ex", kwnames) < 0 ||
        arg_count(ts, "connect_ex", nargs, 1, 1) < 0) {
        return CS_ERR;
    }
    SockObj *s = sock_self(self);
    SockAddr a;
    if (parse_addr(ts, s, args[0], "connect_ex", &a) < 0 || check_open(ts, s) < 0) {
        return CS_ERR;
    }
    int err = do_connect(ts, s, &a);
    return err < 0 ? CS_ERR : int_from_i64(ts, err);
}

typedef struct IoCtx {
    const unsigned char *data;
    unsigned char *buf;
    size_t len;
    int flags;
    SockAddr *addr;
} IoCtx;

static ssize_t do_send(SockObj *s, void *ctx) {
    IoCtx *c = ctx;
    return send(s->fd, c->data, c->len, c->flags | MSG_NOSIGNAL);
}

static ssize_t do_sendto(SockObj *s, void *ctx) {
    IoCtx *c = ctx;
    return sendto(s->fd, c->data, c->len, c->flags | MSG_NOSIGNAL,
                  (struct sockaddr *)&c->addr->ss, c->addr->len);
}

static ssize_t do_recv(SockObj *s, void *ctx) {
    IoCtx *c = ctx;
    return recv(s->fd, c->buf, c->len, c->flags);
}

static ssize_t do_recvfrom(SockObj *s, void *ctx) {
    IoCtx *c = ctx;
    c->addr->len = sizeof c->addr->ss;
    return recvfrom(s->fd, c->buf, c->len, c->flags, (struct sockaddr *)&c->addr->ss,
                    &c->addr->len);
}

static int data_arg(ThreadState *ts, Value v, IoCtx *c) {
    if (str_check(v)) {
        exc_raise(ts, exc_TypeError, "a bytes-like object is required, not 'str'");
        return -1;
    }
    return bytes_view(ts, v, &c->data, &c->len);
}

SOCK_METHOD(sock_send) {
    if (arg_no_kw(ts, "send", kwnames) < 0 || arg_count(ts, "send", nargs, 1, 2) < 0) {
        return CS_ERR;
    }
    IoCtx c = {0};
    if (data_arg(ts, args[0], &c) < 0 || (nargs > 1 && int_arg(ts, args[1], 0, &c.flags) < 0)) {
        return CS_ERR;
    }
    ssize_t n = sock_call(ts, sock_self(self), true, do_send, &c);
    return n < 0 ? CS_ERR : int_from_i64(ts, n);
}

SOCK_METHOD(sock_sendall) {
    if (arg_no_kw(ts, "sendall", kwnames) < 0 || arg_count(ts, "sendall", nargs, 1, 2) < 0) {
        return CS_ERR;
    }
    IoCtx c = {0};
    if (data_arg(ts, args[0], &c) < 0 || (nargs > 1 && int_arg(ts, args[1], 0, &c.flags) < 0)) {
        return CS_ERR;
    }
    SockObj *s = sock_self(self);
    double deadline = s->timeout > 0 ? now() + s->timeout : 0;
    while (c.len > 0) {
        if (s->timeout > 0) {
            double left = deadline - now();
            if (left <= 0) {
                return raise_timeout(ts);
            }
        }
        ssize_t n = sock_call(ts, s, true, do_send, &c);
        if (n < 0) {
            return CS_ERR;
        }
        c.data += n;
        c.len -= (size_t)n;
    }
    return CS_NONE;
}

SOCK_METHOD(sock_sendto) {
    if (arg_no_kw(ts, "sendto", kwnames) < 0 || arg_count(ts, "sendto", nargs, 2, 3) < 0) {
        return CS_ERR;
    }
    IoCtx c = {0};
    SockAddr a;
    c.addr = &a;
    Value addr = args[nargs - 1];
    if (data_arg(ts, args[0], &c) < 0 || (nargs == 3 && int_arg(ts, args[1], 0, &c.flags) < 0)) {
        return CS_ERR;
    }
    SockObj *s = sock_self(self);
    if (parse_addr(ts, s, addr, "sendto", &a) < 0 || check_open(ts, s) < 0) {
        return CS_ERR;
    }
    ssize_t n = sock_call(ts, s, true, do_sendto, &c);
    return n < 0 ? CS_ERR : int_from_i64(ts, n);
}

static int size_arg(ThreadState *ts, Value v, const char *what, size_t *out) {
    int64_t n;
    if (!has_type_flag(v, TYPE_INT_SUBCLASS)) {
        exc_raise(ts, exc_TypeError, "'%s' object cannot be interpreted as an integer",
                  obj_type_name(v));
        return -1;
    }
    if (int_as_i64(ts, v, &n) < 0) {
        return -1;
    }
    if (n < 0) {
        exc_raise(ts, exc_ValueError, "negative buffersize in %s", what);
        return -1;
    }
    *out = (size_t)n;
    return 0;
}

// recv(n[, flags]) and recvfrom(n[, flags]): the received bytes (CS_ERR
// raised); `c` keeps the address for recvfrom.
static Value recv_bytes(ThreadState *ts, Value self, const Value *args, size_t nargs,
                        TupleObj *kwnames, const char *name, SockOp op, IoCtx *c) {
    if (arg_no_kw(ts, name, kwnames) < 0 || arg_count(ts, name, nargs, 1, 2) < 0) {
        return CS_ERR;
    }
    if (size_arg(ts, args[0], name, &c->len) < 0 ||
        (nargs > 1 && int_arg(ts, args[1], 0, &c->flags) < 0)) {
        return CS_ERR;
    }
    if (gc_check_size(ts, c->len) < 0) {
        return CS_ERR;
    }
    c->buf = malloc(c->len ? c->len : 1);
    if (!c->buf) {
        return exc_no_memory(ts);
    }
    ssize_t n = sock_call(ts, sock_self(self), false, op, c);
    Value r = n < 0 ? CS_ERR : bytes_new(ts, c->buf, (size_t)n);
    free(c->buf);
    return r;
}

SOCK_METHOD(sock_recv) {
    IoCtx c = {0};
    return recv_bytes(ts, self, args, nargs, kwnames, "recv", do_recv, &c);
}

SOCK_METHOD(sock_recv_into) {
    if (arg_no_kw(ts, "recv_into", kwnames) < 0 || arg_count(ts, "recv_into", nargs, 1, 3) < 0) {
        return CS_ERR;
    }
    if (!bytearray_check(args[0])) {
        return exc_raise(ts, exc_TypeError, "recv_into() argument 'buffer' must be read-write "
                                            "bytes-like object, not %s",
                         obj_type_name(args[0]));
    }
    ByteArrayObj *b = as_bytearray(args[0]);
    IoCtx c = {0};
    c.len = b->len;
    if (nargs > 1) {
        size_t want;
        if (size_arg(ts, args[1], "recv_into", &want) < 0) {
            return CS_ERR;
        }
        if (want > b->len) {
            return exc_raise(ts, exc_ValueError, "buffer too small for requested bytes");
        }
        if (want) {
            c.len = want;
        }
    }
    if (nargs > 2 && int_arg(ts, args[2], 0, &c.flags) < 0) {
        return CS_ERR;
    }
    c.buf = malloc(c.len ? c.len : 1);
    if (!c.buf) {
        return exc_no_memory(ts);
    }
    ssize_t n = sock_call(ts, sock_self(self), false, do_recv, &c);
    if (n > 0 && b->len >= (size_t)n) {
        memcpy(b->data, c.buf, (size_t)n);
    }
    free(c.buf);
    return n < 0 ? CS_ERR : int_from_i64(ts, n);
}

SOCK_METHOD(sock_recvfrom) {
    IoCtx c = {0};
    SockAddr a;
    a.len = 0;
    c.addr = &a;
    Value data = recv_bytes(ts, self, args, nargs, kwnames, "recvfrom", do_recvfrom, &c);
    if (data == CS_ERR) {
        return CS_ERR;
    }
    Value addr = a.len ? make_addr(ts, (struct sockaddr *)&a.ss, a.len) : CS_NONE;
    return tuple_pack(ts, 2, data, addr);
}

SOCK_METHOD(sock_shutdown) {
    if (arg_no_kw(ts, "shutdown", kwnames) < 0 || arg_count(ts, "shutdown", nargs, 1, 1) < 0) {
        return CS_ERR;
    }
    int how;
    SockObj *s = sock_self(self);
    if (int_arg(ts, args[0], 0, &how) < 0 || check_open(ts, s) < 0) {
        return CS_ERR;
    }
    if (shutdown(s->fd, how) < 0) {
        return raise_errno(ts, errno);
    }
    return CS_NONE;
}

static Value apply_timeout(ThreadState *ts, SockObj *s, double t) {
    s->timeout = t;
    if (s->fd >= 0 && set_nonblocking(s->fd, t >= 0) < 0) {
        return raise_errno(ts, errno);
    }
    return CS_NONE;
}

SOCK_METHOD(sock_setblocking) {
    if (arg_no_kw(ts, "setblocking", kwnames) < 0 ||
        arg_count(ts, "setblocking", nargs, 1, 1) < 0) {
        return CS_ERR;
    }
    int on = obj_truthy(ts, args[0]);
    if (on < 0 || check_open(ts, sock_self(self)) < 0) {
        return CS_ERR;
    }
    return apply_timeout(ts, sock_self(self), on ? -1 : 0);
}

SOCK_METHOD(sock_getblocking) {
    (void)ts, (void)args, (void)nargs, (void)kwnames;
    SockObj *s = sock_self(self);
    if (check_open(ts, s) < 0) {
        return CS_ERR;
    }
    return s->timeout == 0 ? CS_FALSE : CS_TRUE;
}

SOCK_METHOD(sock_settimeout) {
    if (arg_no_kw(ts, "settimeout", kwnames) < 0 ||
        arg_count(ts, "settimeout", nargs, 1, 1) < 0) {
        return CS_ERR;
    }
    double t = -1;
    if (args[0] != CS_NONE) {
        Value f = is_float(args[0]) ? args[0] : obj_call1(ts, obj_val(&type_float), args[0]);
        if (f == CS_ERR) {
            exc_clear(ts);
            return exc_raise(ts, exc_TypeError, "Timeout value must be int, float or None");
        }
        t = as_float(f);
        if (t < 0) {
            return exc_raise(ts, exc_ValueError, "Timeout value out of range");
        }
    }
    if (check_open(ts, sock_self(self)) < 0) {
        return CS_ERR;
    }
    return apply_timeout(ts, sock_self(self), t);
}

SOCK_METHOD(sock_gettimeout) {
    (void)ts, (void)args, (void)nargs, (void)kwnames;
    SockObj *s = sock_self(self);
    return s->timeout < 0 ? CS_NONE : float_val(s->timeout);
}

SOCK_METHOD(sock_setsockopt) {
    if (arg_no_kw(ts, "setsockopt", kwnames) < 0 ||
        arg_count(ts, "setsockopt", nargs, 3, 3) < 0) {
        return CS_ERR;
    }
    SockObj *s = sock_self(self);
    int level, opt;
    if (int_arg(ts, args[0], 0, &level) < 0 || int_arg(ts, args[1], 0, &opt) < 0 ||
        check_open(ts, s) < 0) {
        return CS_ERR;
    }
    int r;
    if (bytes_like_check(args[2])) {
        const unsigned char *p;
        size_t n;
        bytes_data(args[2], &p, &n);
        r = setsockopt(s->fd, level, opt, p, (socklen_t)n);
    } else {
        int v;
        if (int_arg(ts, args[2], 0, &v) < 0) {
            return CS_ERR;
        }
        r = setsockopt(s->fd, level, opt, &v, sizeof v);
    }
    return r < 0 ? raise_errno(ts, errno) : CS_NONE;
}

SOCK_METHOD(sock_getsockopt) {
    if (arg_no_kw(ts, "getsockopt", kwnames) < 0 ||
        arg_count(ts, "getsockopt", nargs, 2, 3) < 0) {
        return CS_ERR;
    }
    SockObj *s = sock_self(self);
    int level, opt;
    if (int_arg(ts, args[0], 0, &level) < 0 || int_arg(ts, args[1], 0, &opt) < 0 ||
        check_open(ts, s) < 0) {
        return CS_ERR;
    }
    if (nargs == 3) {
        int buflen;
        if (int_arg(ts, args[2], 0, &buflen) < 0) {
            return CS_ERR;
        }
        if (buflen <= 0 || buflen > 1024) {
            return exc_raise(ts, exc_OSError, "getsockopt buflen out of range");
        }
        char buf[1024];
        socklen_t len = (socklen_t)buflen;
        if (getsockopt(s->fd, level, opt, buf, &len) < 0) {
            return raise_errno(ts, errno);
        }
        return bytes_new(ts, buf, len);
    }
    int v = 0;
    socklen_t len = sizeof v;
    if (getsockopt(s->fd, level, opt, &v, &len) < 0) {
        return raise_errno(ts, errno);
    }
    return int_from_i64(ts, v);
}

static Value sock_name(ThreadState *ts, Value self, bool peer) {
    SockObj *s = sock_self(self);
    if (check_open(ts, s) < 0) {
        return CS_ERR;
    }
    struct sockaddr_storage ss;
    socklen_t len = sizeof ss;
    memset(&ss, 0, sizeof ss);
    int r = peer ? getpeername(s->fd, (struct sockaddr *)&ss, &len)
                 : getsockname(s->fd, (struct sockaddr *)&ss, &len);
    if (r < 0) {
        return raise_errno(ts, errno);
    }
    return make_addr(ts, (struct sockaddr *)&ss, len);
}

SOCK_METHOD(sock_getsockname) {
    (void)args, (void)nargs, (void)kwnames;
    return sock_name(ts, self, false);
}

SOCK_METHOD(sock_getpeername) {
    (void)args, (void)nargs, (void)kwnames;
    return sock_name(ts, self, true);
}

static Value sock_get_family(ThreadState *ts, Value self) {
    return int_from_i64(ts, sock_self(self)->family);
}

static Value sock_get_type(ThreadState *ts, Value self) {
    return int_from_i64(ts, sock_self(self)->type);
}

static Value sock_get_proto(ThreadState *ts, Value self) {
    return int_from_i64(ts, sock_self(self)->proto);
}

static Value sock_get_timeout(ThreadState *ts, Value self) {
    (void)ts;
    SockObj *s = sock_self(self);
    return s->timeout < 0 ? CS_NONE : float_val(s->timeout);
}

static const MethodDef sock_methods[] = {
    {"fileno", sock_fileno, 0, NULL},
    {"close", sock_close, 0, NULL},
    {"detach", sock_detach, 0, NULL},
    {"bind", sock_bind, 0, NULL},
    {"listen", sock_listen, 0, NULL},
    {"_accept", sock_accept, 0, NULL},
    {"connect", sock_connect, 0, NULL},
    {"connect_ex", sock_connect_ex, 0, NULL},
    {"send", sock_send, 0, NULL},
    {"sendall", sock_sendall, 0, NULL},
    {"sendto", sock_sendto, 0, NULL},
    {"recv", sock_recv, 0, NULL},
    {"recv_into", sock_recv_into, 0, NULL},
    {"recvfrom", sock_recvfrom, 0, NULL},
    {"shutdown", sock_shutdown, 0, NULL},
    {"setblocking", sock_setblocking, 0, NULL},
    {"getblocking", sock_getblocking, 0, NULL},
    {"settimeout", sock_settimeout, 0, NULL},
    {"gettimeout", sock_gettimeout, 0, NULL},
    {"setsockopt", sock_setsockopt, 0, NULL},
    {"getsockopt", sock_getsockopt, 0, NULL},
    {"getsockname", sock_getsockname, 0, NULL},
    {"getpeername", sock_getpeername, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static const GetSetDef sock_getsets[] = {
    {"family", sock_get_family, NULL},
    {"type", sock_get_type, NULL},
    {"proto", sock_get_proto, NULL},
    {"timeout", sock_get_timeout, NULL},
    {NULL, NULL, NULL},
};

TypeObj type_socket = {
    .hdr = OBJ_HEADER_INIT(&type_type),
    .name = "_socket.socket",
    .basicsize = sizeof(SockObj),
    .flags = TYPE_BASETYPE,
    .doc = "A socket object.",
    .methods = sock_methods,
    .getsets = sock_getsets,
    .finalize = sock_finalize,
    .tp_new = sock_tp_new,
    .tp_init = sock_tp_init,
};

// ---------------------------------------------------------------------------
// Module functions

static Value raise_gaierror(ThreadState *ts, Value module, int code) {
    Value cls;
    if (!dict_get_cstr(((ModuleObj *)as_obj(module))->dict, "gaierror", &cls)) {
        return exc_raise(ts, exc_OSError, "%s", gai_strerror(code));
    }
    Value args[2] = {small_int_val(code), str_from_cstr(ts, gai_strerror(code))};
    Value e = obj_call(ts, cls, args, 2, NULL);
    return e == CS_ERR ? CS_ERR : exc_raise_value(ts, e);
}

// The module, for gaierror (set at init; one per interpreter through its dict).
static Value socket_module_of(ThreadState *ts) {
    Value m;
    if (dict_get_cstr(ts->interp->modules, "_socket", &m)) {
        return m;
    }
    return CS_NONE;
}

static int resolve_host(ThreadState *ts, const char *host, int family, SockAddr *out) {
    memset(out, 0, sizeof *out);
    if (family == AF_INET) {
        struct sockaddr_in *a = (struct sockaddr_in *)&out->ss;
        a->sin_family = AF_INET;
        out->len = sizeof *a;
        if (host[0] == '\0') {
            a->sin_addr.s_addr = htonl(INADDR_ANY);
            return 0;
        }
        if (strcmp(host, "<broadcast>") == 0) {
            a->sin_addr.s_addr = htonl(INADDR_BROADCAST);
            return 0;
        }
        if (inet_pton(AF_INET, host, &a->sin_addr) == 1) {
            return 0;
        }
    } else {
        struct sockaddr_in6 *a = (struct sockaddr_in6 *)&out->ss;
        a->sin6_family = AF_INET6;
        out->len = sizeof *a;
        if (host[0] == '\0') {
            a->sin6_addr = in6addr_any;
            return 0;
        }
        if (inet_pton(AF_INET6, host, &a->sin6_addr) == 1) {
            return 0;
        }
    }
    struct addrinfo hints = {0}, *res = NULL;
    hints.ai_family = family;
    blocking_begin(ts);
    int rc = getaddrinfo(host, NULL, &hints, &res);
    blocking_end(ts);
    if (rc != 0) {
        raise_gaierror(ts, socket_module_of(ts), rc);
        return -1;
    }
    memcpy(&out->ss, res->ai_addr, res->ai_addrlen);
    out->len = res->ai_addrlen;
    freeaddrinfo(res);
    return 0;
}

static Value mod_gethostname(ThreadState *ts, Value self, const Value *args, size_t nargs,
                             TupleObj *kwnames) {
    (void)self, (void)args, (void)kwnames;
    if (arg_count(ts, "gethostname", nargs, 0, 0) < 0) {
        return CS_ERR;
    }
    char buf[256];
    if (gethostname(buf, sizeof buf) < 0) {
        return raise_errno(ts, errno);
    }
    buf[sizeof buf - 1] = '\0';
    return str_from_cstr(ts, buf);
}

static Value mod_gethostbyname(ThreadState *ts, Value self, const Value *args, size_t nargs,
                               TupleObj *kwnames) {
    (void)self, (void)kwnames;
    if (arg_count(ts, "gethostbyname", nargs, 1, 1) < 0) {
        return CS_ERR;
    }
    if (!str_check(args[0])) {
        return exc_raise(ts, exc_TypeError, "gethostbyname() argument 1 must be str, not %s",
                         obj_type_name(args[0]));
    }
    SockAddr a;
    if (resolve_host(ts, as_str(args[0])->data, AF_INET, &a) < 0) {
        return CS_ERR;
    }
    char buf[INET_ADDRSTRLEN];
    inet_ntop(AF_INET, &((struct sockaddr_in *)&a.ss)->sin_addr, buf, sizeof buf);
    return str_from_cstr(ts, buf);
}

// getaddrinfo(host, port, family=0, type=0, proto=0, flags=0)
static Value mod_getaddrinfo(ThreadState *ts, Value self, const Value *args, size_t nargs,
                             TupleObj *kwnames) {
    Value out[6];
    if (arg_parse(ts, "getaddrinfo", args, nargs, kwnames, "host,port|family,type,proto,flags",
                  out) < 0) {
        return CS_ERR;
    }
    const char *host = NULL;
    if (str_check(out[0])) {
        host = as_str(out[0])->data;
    } else if (out[0] != CS_NONE) {
        return exc_raise(ts, exc_TypeError, "getaddrinfo() argument 1 must be string or None");
    }
    char portbuf[32];
    const char *port = NULL;
    if (has_type_flag(out[1], TYPE_INT_SUBCLASS)) {
        int64_t p;
        if (int_as_i64(ts, out[1], &p) < 0) {
            return CS_ERR;
        }
        snprintf(portbuf, sizeof portbuf, "%lld", (long long)p);
        port = portbuf;
    } else if (str_check(out[1])) {
        port = as_str(out[1])->data;
    } else if (out[1] != CS_NONE) {
        return exc_raise(ts, exc_OSError, "Int or String expected");
    }
    struct addrinfo hints = {0}, *res = NULL;
    if (int_arg(ts, out[2], 0, &hints.ai_family) < 0 || int_arg(ts, out[3], 0, &hints.ai_socktype) < 0 ||
        int_arg(ts, out[4], 0, &hints.ai_protocol) < 0 || int_arg(ts, out[5], 0, &hints.ai_flags) < 0) {
        return CS_ERR;
    }
    blocking_begin(ts);
    int rc = getaddrinfo(host, port, &hints, &res);
    blocking_end(ts);
    if (rc != 0) {
        return raise_gaierror(ts, self, rc);
    }
    Value list = list_new(ts, 0);
    for (struct addrinfo *ai = res; ai; ai = ai->ai_next) {
        Value addr = make_addr(ts, ai->ai_addr, ai->ai_addrlen);
        Value canon = str_from_cstr(ts, ai->ai_canonname ? ai->ai_canonname : "");
        Value item = tuple_pack(ts, 5, small_int_val(ai->ai_family), small_int_val(ai->ai_socktype),
                                small_int_val(ai->ai_protocol), canon, addr);
        if (addr == CS_ERR || list_append(ts, as_list(list), item) < 0) {
            freeaddrinfo(res);
            return CS_ERR;
        }
    }
    freeaddrinfo(res);
    return list;
}

// socketpair(family=AF_UNIX, type=SOCK_STREAM, proto=0) -> (fd, fd)
static Value mod_socketpair(ThreadState *ts, Value self, const Value *args, size_t nargs,
                            TupleObj *kwnames) {
    (void)self;
    Value out[3];
    if (arg_parse(ts, "socketpair", args, nargs, kwnames, "|family,type,proto", out) < 0) {
        return CS_ERR;
    }
    int family, type, proto;
    if (int_arg(ts, out[0], AF_UNIX, &family) < 0 || int_arg(ts, out[1], SOCK_STREAM, &type) < 0 ||
        int_arg(ts, out[2], 0, &proto) < 0) {
        return CS_ERR;
    }
    int fds[2];
    if (socketpair(family, type | SOCK_CLOEXEC, proto, fds) < 0) {
        return raise_errno(ts, errno);
    }
    return tuple_pack(ts, 2, small_int_val(fds[0]), small_int_val(fds[1]));
}

static Value mod_inet_aton(ThreadState *ts, Value self, const Value *args, size_t nargs,
                           TupleObj *kwnames) {
    (void)self, (void)kwnames;
    if (arg_count(ts, "inet_aton", nargs, 1, 1) < 0) {
        return CS_ERR;
    }
    if (!str_check(args[0])) {
        return exc_raise(ts, exc_TypeError, "inet_aton() argument 1 must be str, not %s",
                         obj_type_name(args[0]));
    }
    struct in_addr a;
    if (inet_aton(as_str(args[0])->data, &a) == 0) {
        return exc_raise(ts, exc_OSError, "illegal IP address string passed to inet_aton");
    }
    return bytes_new(ts, &a, sizeof a);
}

static Value mod_inet_ntoa(ThreadState *ts, Value self, const Value *args, size_t nargs,
                           TupleObj *kwnames) {
    (void)self, (void)kwnames;
    if (arg_count(ts, "inet_ntoa", nargs, 1, 1) < 0) {
        return CS_ERR;
    }
    const unsigned char *p;
    size_t n;
    if (bytes_view(ts, args[0], &p, &n) < 0) {
        return CS_ERR;
    }
    if (n != 4) {
        return exc_raise(ts, exc_OSError, "packed IP wrong length for inet_ntoa");
    }
    char buf[INET_ADDRSTRLEN];
    inet_ntop(AF_INET, p, buf, sizeof buf);
    return str_from_cstr(ts, buf);
}

static const MethodDef socket_functions[] = {
    {"gethostname", mod_gethostname, 0, "Return the current host name."},
    {"gethostbyname", mod_gethostbyname, 0, "Return the IPv4 address of a host."},
    {"getaddrinfo", mod_getaddrinfo, METH_KEYWORDS, NULL},
    {"_socketpair", mod_socketpair, METH_KEYWORDS, NULL},
    {"inet_aton", mod_inet_aton, 0, NULL},
    {"inet_ntoa", mod_inet_ntoa, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static const struct {
    const char *name;
    int value;
} socket_constants[] = {
    {"AF_INET", AF_INET}, {"AF_INET6", AF_INET6}, {"AF_UNIX", AF_UNIX}, {"AF_UNSPEC", AF_UNSPEC},
    {"SOCK_STREAM", SOCK_STREAM}, {"SOCK_DGRAM", SOCK_DGRAM}, {"SOCK_RAW", SOCK_RAW},
    {"SOCK_NONBLOCK", SOCK_NONBLOCK}, {"SOCK_CLOEXEC", SOCK_CLOEXEC},
    {"SOL_SOCKET", SOL_SOCKET}, {"SO_REUSEADDR", SO_REUSEADDR}, {"SO_REUSEPORT", SO_REUSEPORT},
    {"SO_ERROR", SO_ERROR}, {"SO_RCVBUF", SO_RCVBUF}, {"SO_SNDBUF", SO_SNDBUF},
    {"SO_KEEPALIVE", SO_KEEPALIVE}, {"SO_BROADCAST", SO_BROADCAST}, {"SO_TYPE", SO_TYPE},
    {"SO_LINGER", SO_LINGER}, {"IPPROTO_TCP", IPPROTO_TCP}, {"IPPROTO_UDP", IPPROTO_UDP},
    {"IPPROTO_IP", IPPROTO_IP}, {"IPPROTO_IPV6", IPPROTO_IPV6}, {"TCP_NODELAY", TCP_NODELAY},
    {"IPV6_V6ONLY", IPV6_V6ONLY}, {"SHUT_RD", SHUT_RD}, {"SHUT_WR", SHUT_WR},
    {"SHUT_RDWR", SHUT_RDWR}, {"SOMAXCONN", SOMAXCONN}, {"MSG_PEEK", MSG_PEEK},
    {"MSG_DONTWAIT", MSG_DONTWAIT}, {"MSG_WAITALL", MSG_WAITALL}, {"AI_PASSIVE", AI_PASSIVE},
    {"AI_CANONNAME", AI_CANONNAME}, {"AI_NUMERICHOST", AI_NUMERICHOST},
    {"AI_NUMERICSERV", AI_NUMERICSERV}, {"INADDR_ANY", INADDR_ANY},
    {"EAI_NONAME", EAI_NONAME}, {"EAI_AGAIN", EAI_AGAIN},
};

Value socket_module_init(ThreadState *ts) {
    Value mv = module_new(ts, "_socket");
    ModuleObj *m = (ModuleObj *)as_obj(mv);
    if (module_add_functions(ts, m, socket_functions) < 0 ||
        module_add_value(ts, m, "socket", obj_val(&type_socket)) < 0) {
        return CS_ERR;
    }
    for (size_t i = 0; i < sizeof socket_constants / sizeof socket_constants[0]; i++) {
        if (module_add_int(ts, m, socket_constants[i].name, socket_constants[i].value) < 0) {
            return CS_ERR;
        }
    }
    // gaierror and herror: OSError subclasses, as in CPython.
    const char *names[2] = {"gaierror", "herror"};
    for (size_t i = 0; i < 2; i++) {
        Value dict = dict_new(ts);
        if (dict_set_cstr(ts, as_dict(dict), "__module__", str_from_cstr(ts, "socket")) < 0) {
            return CS_ERR;
        }
        Value cls = type_new_class(ts, &type_type, str_from_cstr(ts, names[i]),
                                   tuple_pack(ts, 1, obj_val(exc_OSError)), dict, NULL, NULL);
        if (cls == CS_ERR || module_add_value(ts, m, names[i], cls) < 0) {
            return CS_ERR;
        }
    }
    return mv;
}
