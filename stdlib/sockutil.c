// Helpers shared by the socket and select modules: address conversion,
// host resolution, timeouts, file-descriptor arguments and the poll(2) wait
// that gives socket timeouts their meaning. The socket type itself lives in
// stdlib/mod_socket.c, select/poll/epoll in stdlib/mod_select.c.
#include "stdlib/sockutil.h"

#include <arpa/inet.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <netdb.h>
#include <poll.h>
#include <stddef.h>
#include <string.h>
#include <time.h>

#include "vm/bytes.h"
#include "vm/dict.h"
#include "vm/eval.h"
#include "vm/exc.h"
#include "vm/func.h"
#include "vm/int.h"
#include "vm/list.h"
#include "vm/names.h"
#include "vm/state.h"
#include "vm/str.h"
#include "vm/typeobj.h"

// ---------------------------------------------------------------------------
// Blocking sections and signals

void sockutil_blocking_begin(ThreadState *ts) {
    (void)ts;
}

void sockutil_blocking_end(ThreadState *ts) {
    (void)ts;
}

int sockutil_check_signals(ThreadState *ts) {
    if (atomic_load(&ts->interp->eval_breaker)) {
        return vm_handle_breaker(ts);
    }
    return 0;
}

int64_t sockutil_now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (int64_t)t.tv_sec * 1000000000 + t.tv_nsec;
}

// Nanoseconds to poll(2) milliseconds, rounded up so that a wait never ends
// before its deadline; negative means "no limit".
static int ns_to_poll_ms(int64_t ns) {
    if (ns < 0) {
        return -1;
    }
    int64_t ms = (ns + 999999) / 1000000;
    return ms > INT_MAX ? INT_MAX : (int)ms;
}

int sockutil_wait_fd(ThreadState *ts, int fd, bool writing, bool connecting, int64_t timeout_ns) {
    int64_t deadline = timeout_ns >= 0 ? sockutil_now_ns() + timeout_ns : 0;
    for (;;) {
        struct pollfd p = {.fd = fd, .events = writing ? POLLOUT : POLLIN};
        if (connecting) {
            p.events |= POLLERR; // a failed connect reports through SO_ERROR
        }
        int ms = ns_to_poll_ms(timeout_ns);
        sockutil_blocking_begin(ts);
        int n = poll(&p, 1, ms);
        int err = errno;
        sockutil_blocking_end(ts);
        if (n >= 0) {
            return n > 0;
        }
        if (err != EINTR) {
            exc_raise_errno(ts, err, CS_NONE);
            return -1;
        }
        if (sockutil_check_signals(ts) < 0) {
            return -1;
        }
        if (timeout_ns >= 0) {
            timeout_ns = deadline - sockutil_now_ns();
            if (timeout_ns < 0) {
                return 0;
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Integer, timeout and descriptor arguments

int sockutil_int_arg(ThreadState *ts, Value v, int *out) {
    Value iv = obj_index(ts, v);
    int64_t i;
    if (iv == CS_ERR || int_as_i64(ts, iv, &i) < 0) {
        return -1;
    }
    if (i > INT_MAX) {
        return exc_raise_int(ts, exc_OverflowError, "signed integer is greater than maximum");
    }
    if (i < INT_MIN) {
        return exc_raise_int(ts, exc_OverflowError, "signed integer is less than minimum");
    }
    *out = (int)i;
    return 0;
}

int sockutil_timeout_ns(ThreadState *ts, Value v, int64_t unit_ns, int64_t *out) {
    if (is_float(v)) {
        double d = as_float(v);
        if (isnan(d)) {
            return exc_raise_int(ts, exc_ValueError, "Invalid value NaN (not a number)");
        }
        d *= (double)unit_ns;
        d = d >= 0 ? ceil(d) : floor(d); // away from zero: a timeout never shrinks
        if (!(d >= -9223372036854775808.0 && d < 9223372036854775808.0)) {
            return exc_raise_int(ts, exc_OverflowError,
                                 "timestamp out of range for platform time_t");
        }
        *out = (int64_t)d;
        return 0;
    }
    Value iv = obj_index(ts, v);
    if (iv == CS_ERR) {
        return -1;
    }
    int64_t i;
    if (int_as_i64(ts, iv, &i) < 0 || i > INT64_MAX / unit_ns || i < INT64_MIN / unit_ns) {
        exc_clear(ts);
        return exc_raise_int(ts, exc_OverflowError,
                             "timestamp too large to convert to C _PyTime_t");
    }
    *out = i * unit_ns;
    return 0;
}

int sockutil_fd_arg(ThreadState *ts, Value v, int *out) {
    Value iv = v;
    if (!int_check(v)) {
        Value meth = obj_lookup_attr(ts, v, str_intern_name(ts, "fileno"));
        if (meth == CS_ERR) {
            return -1;
        }
        if (meth == CS_UNBOUND) {
            return exc_raise_int(ts, exc_TypeError,
                                 "argument must be an int, or have a fileno() method.");
        }
        iv = obj_call0(ts, meth);
        if (iv == CS_ERR) {
            return -1;
        }
        if (!int_check(iv)) {
            return exc_raise_int(ts, exc_TypeError, "fileno() returned a non-integer");
        }
    }
    int fd;
    if (sockutil_int_arg(ts, iv, &fd) < 0) {
        if (exc_matches(ts, exc_OverflowError)) {
            exc_clear(ts);
            return exc_raise_int(ts, exc_OverflowError, "Python int too large to convert to C int");
        }
        return -1;
    }
    if (fd < 0) {
        return exc_raise_int(ts, exc_ValueError,
                             "file descriptor cannot be a negative integer (%d)", fd);
    }
    *out = fd;
    return 0;
}

// ---------------------------------------------------------------------------
// Host names

Value sockutil_raise_gai(ThreadState *ts, int err) {
    if (err == EAI_SYSTEM) {
        return exc_raise_errno(ts, errno, CS_NONE);
    }
    TypeObj *type = exc_OSError;
    Value mod;
    if (dict_get_cstr(ts->interp->modules, "_socket", &mod) && is_obj(mod) &&
        type_of(mod) == &type_module) {
        Value cls;
        if (dict_get_cstr(((ModuleObj *)as_obj(mod))->dict, "gaierror", &cls) &&
            has_type_flag(cls, TYPE_TYPE_SUBCLASS)) {
            type = (TypeObj *)as_obj(cls);
        }
    }
    Value args[2] = {small_int_val(err), str_from_cstr(ts, gai_strerror(err))};
    return exc_raise_args(ts, type, args, 2);
}

int sockutil_host_arg(ThreadState *ts, Value v, char *buf, size_t cap) {
    const char *p;
    size_t n;
    if (str_check(v)) {
        p = str_cstr(v);
        n = as_str(v)->len;
    } else if (bytes_like_check(v)) {
        const unsigned char *d;
        bytes_data(v, &d, &n);
        p = (const char *)d;
    } else {
        return exc_raise_int(ts, exc_TypeError, "str, bytes or bytearray expected, not %s",
                             obj_type_name(v));
    }
    if (memchr(p, 0, n)) {
        return exc_raise_int(ts, exc_TypeError, "host name must not contain null character");
    }
    if (n >= cap) {
        // Longer than any DNS name: resolution fails as it would in getaddrinfo.
        sockutil_raise_gai(ts, EAI_NONAME);
        return -1;
    }
    memcpy(buf, p, n);
    buf[n] = '\0';
    return 0;
}

int sockutil_resolve(ThreadState *ts, const char *host, int family, SockAddr *out) {
    memset(out, 0, sizeof *out);
    if (family == AF_UNSPEC) {
        // Numeric forms of either family first, then the resolver.
        if (host[0] == '\0' || inet_pton(AF_INET, host, &out->u.in4.sin_addr) == 1) {
            return sockutil_resolve(ts, host, AF_INET, out);
        }
        if (inet_pton(AF_INET6, host, &out->u.in6.sin6_addr) == 1) {
            return sockutil_resolve(ts, host, AF_INET6, out);
        }
    }
    if (family == AF_INET) {
        out->u.in4.sin_family = AF_INET;
        out->len = sizeof out->u.in4;
        if (host[0] == '\0') {
            out->u.in4.sin_addr.s_addr = htonl(INADDR_ANY);
            return 0;
        }
        if (strcmp(host, "<broadcast>") == 0 || strcmp(host, "255.255.255.255") == 0) {
            out->u.in4.sin_addr.s_addr = htonl(INADDR_BROADCAST);
            return 0;
        }
        if (inet_pton(AF_INET, host, &out->u.in4.sin_addr) == 1) {
            return 0;
        }
    } else if (family == AF_INET6) {
        out->u.in6.sin6_family = AF_INET6;
        out->len = sizeof out->u.in6;
        if (host[0] == '\0') {
            out->u.in6.sin6_addr = in6addr_any;
            return 0;
        }
        if (strcmp(host, "<broadcast>") == 0) {
            return exc_raise_int(ts, exc_OSError, "address family mismatched");
        }
        if (strchr(host, '%') == NULL && inet_pton(AF_INET6, host, &out->u.in6.sin6_addr) == 1) {
            return 0;
        }
    }
    struct addrinfo hints = {.ai_family = family}, *res = NULL;
    sockutil_blocking_begin(ts);
    int err = getaddrinfo(host, NULL, &hints, &res);
    sockutil_blocking_end(ts);
    if (err != 0) {
        sockutil_raise_gai(ts, err);
        return -1;
    }
    size_t n = res->ai_addrlen < sizeof out->u ? res->ai_addrlen : sizeof out->u;
    memcpy(&out->u, res->ai_addr, n);
    out->len = (socklen_t)n;
    freeaddrinfo(res);
    return 0;
}

// ---------------------------------------------------------------------------
// Addresses: cs value -> sockaddr

// The port of an address tuple: an int in 0..65535 ("bind(): port must be
// 0-65535." for any other int).
static int port_arg(ThreadState *ts, Value v, const char *caller, int *out) {
    Value iv = obj_index(ts, v);
    if (iv == CS_ERR) {
        return -1;
    }
    int64_t p;
    if (int_as_i64(ts, iv, &p) < 0 || p < 0 || p > 0xffff) {
        exc_clear(ts);
        return exc_raise_int(ts, exc_OverflowError, "%s(): port must be 0-65535.", caller);
    }
    *out = (int)p;
    return 0;
}

// An unsigned 32-bit field (flowinfo, scope_id), truncated as PyArg's "I".
static int u32_arg(ThreadState *ts, Value v, uint32_t *out) {
    Value iv = obj_index(ts, v);
    if (iv == CS_ERR) {
        return -1;
    }
    Value masked = obj_binop(ts, iv, int_from_i64(ts, 0xffffffff), BINOP_AND);
    int64_t u;
    if (masked == CS_ERR || int_as_i64(ts, masked, &u) < 0) {
        return -1;
    }
    *out = (uint32_t)u;
    return 0;
}

static int parse_inet(ThreadState *ts, Value addr, const char *caller, SockAddr *out) {
    if (!tuple_check(addr)) {
        return exc_raise_int(ts, exc_TypeError, "%s(): AF_INET address must be tuple, not %s",
                             caller, obj_type_name(addr));
    }
    TupleObj *t = as_tuple(addr);
    if (t->len != 2) {
        return exc_raise_int(ts, exc_TypeError, "AF_INET address must be a pair (host, port)");
    }
    char host[1024];
    int port;
    if (sockutil_host_arg(ts, t->items[0], host, sizeof host) < 0 ||
        port_arg(ts, t->items[1], caller, &port) < 0 ||
        sockutil_resolve(ts, host, AF_INET, out) < 0) {
        return -1;
    }
    out->u.in4.sin_port = htons((uint16_t)port);
    return 0;
}

static int parse_inet6(ThreadState *ts, Value addr, const char *caller, SockAddr *out) {
    if (!tuple_check(addr)) {
        return exc_raise_int(ts, exc_TypeError, "%s(): AF_INET6 address must be tuple, not %s",
                             caller, obj_type_name(addr));
    }
    TupleObj *t = as_tuple(addr);
    if (t->len < 2 || t->len > 4) {
        return exc_raise_int(
            ts, exc_TypeError,
            "AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])");
    }
    char host[1024];
    int port;
    uint32_t flowinfo = 0, scope_id = 0;
    if (sockutil_host_arg(ts, t->items[0], host, sizeof host) < 0 ||
        port_arg(ts, t->items[1], caller, &port) < 0 ||
        (t->len > 2 && u32_arg(ts, t->items[2], &flowinfo) < 0) ||
        (t->len > 3 && u32_arg(ts, t->items[3], &scope_id) < 0)) {
        return -1;
    }
    if (flowinfo > 0xfffff) {
        return exc_raise_int(ts, exc_OverflowError, "%s(): flowinfo must be 0-1048575.", caller);
    }
    if (sockutil_resolve(ts, host, AF_INET6, out) < 0) {
        return -1;
    }
    out->u.in6.sin6_port = htons((uint16_t)port);
    out->u.in6.sin6_flowinfo = htonl(flowinfo);
    if (t->len > 3) {
        out->u.in6.sin6_scope_id = scope_id;
    }
    return 0;
}

static int parse_unix(ThreadState *ts, Value addr, SockAddr *out) {
    Value path = addr;
    if (!str_check(path) && !bytes_like_check(path)) {
        // os.PathLike: its __fspath__ gives the str or bytes.
        Value fspath = obj_lookup_attr(ts, path, str_intern_name(ts, "__fspath__"));
        if (fspath == CS_ERR) {
            return -1;
        }
        if (fspath != CS_UNBOUND) {
            path = obj_call0(ts, fspath);
            if (path == CS_ERR) {
                return -1;
            }
        }
    }
    const char *p;
    size_t n;
    if (str_check(path)) {
        p = str_cstr(path);
        n = as_str(path)->len;
    } else if (bytes_like_check(path)) {
        const unsigned char *d;
        bytes_data(path, &d, &n);
        p = (const char *)d;
    } else {
        return exc_raise_int(ts, exc_TypeError, "a bytes-like object is required, not '%s'",
                             obj_type_name(path));
    }
    // A leading NUL names the Linux abstract namespace: no terminator, and
    // the whole of sun_path is usable.
    bool abstract = n > 0 && p[0] == '\0';
    if (abstract ? n > sizeof out->u.un.sun_path : n >= sizeof out->u.un.sun_path) {
        return exc_raise_int(ts, exc_OSError, "AF_UNIX path too long");
    }
    memset(out, 0, sizeof *out);
    out->u.un.sun_family = AF_UNIX;
    memcpy(out->u.un.sun_path, p, n);
    out->len = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + n + (abstract ? 0 : 1));
    return 0;
}

int sockutil_parse_addr(ThreadState *ts, int family, Value addr, const char *caller,
                        SockAddr *out) {
    switch (family) {
    case AF_INET:
        return parse_inet(ts, addr, caller, out);
    case AF_INET6:
        return parse_inet6(ts, addr, caller, out);
    case AF_UNIX:
        return parse_unix(ts, addr, out);
    default:
        return exc_raise_int(ts, exc_OSError, "%s(): bad family", caller);
    }
}

// ---------------------------------------------------------------------------
// Addresses: sockaddr -> cs value

static Value numeric_host(ThreadState *ts, const struct sockaddr *sa, socklen_t len) {
    char host[NI_MAXHOST];
    int err = getnameinfo(sa, len, host, sizeof host, NULL, 0, NI_NUMERICHOST);
    if (err != 0) {
        return sockutil_raise_gai(ts, err);
    }
    return str_from_cstr(ts, host);
}

Value sockutil_addr_value(ThreadState *ts, const struct sockaddr *sa, socklen_t len) {
    if (len == 0) {
        return CS_NONE;
    }
    switch (sa->sa_family) {
    case AF_INET: {
        const struct sockaddr_in *a = (const struct sockaddr_in *)sa;
        Value host = numeric_host(ts, sa, sizeof *a);
        if (host == CS_ERR) {
            return CS_ERR;
        }
        return tuple_pack(ts, 2, host, small_int_val(ntohs(a->sin_port)));
    }
    case AF_INET6: {
        const struct sockaddr_in6 *a = (const struct sockaddr_in6 *)sa;
        Value host = numeric_host(ts, sa, sizeof *a);
        if (host == CS_ERR) {
            return CS_ERR;
        }
        return tuple_pack(ts, 4, host, small_int_val(ntohs(a->sin6_port)),
                          int_from_u64(ts, ntohl(a->sin6_flowinfo)),
                          int_from_u64(ts, a->sin6_scope_id));
    }
    case AF_UNIX: {
        const struct sockaddr_un *a = (const struct sockaddr_un *)sa;
        size_t off = offsetof(struct sockaddr_un, sun_path);
        size_t n = len > off ? len - off : 0;
        if (n > sizeof a->sun_path) {
            n = sizeof a->sun_path;
        }
        if (n > 0 && a->sun_path[0] == '\0') {
            return bytes_new(ts, a->sun_path, n);
        }
        n = strnlen(a->sun_path, n);
        return str_decode(ts, a->sun_path, n, "utf-8", "surrogateescape");
    }
    default: {
        size_t off = offsetof(struct sockaddr, sa_data);
        size_t n = len > off ? len - off : 0;
        Value data = bytes_new(ts, sa->sa_data, n < sizeof sa->sa_data ? n : sizeof sa->sa_data);
        return tuple_pack(ts, 2, small_int_val(sa->sa_family), data);
    }
    }
}
