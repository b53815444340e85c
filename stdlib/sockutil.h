// What the socket and select modules share (stdlib/mod_socket.c,
// stdlib/mod_select.c): socket addresses converted between cs values and
// struct sockaddr, host-name resolution with socket.gaierror, timeouts given
// as seconds or milliseconds, file descriptors from ints or fileno(), and the
// PEP 475 wait used around every blocking call.
#ifndef CS_STDLIB_SOCKUTIL_H
#define CS_STDLIB_SOCKUTIL_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <netinet/in.h>

#include "vm/object.h"

// An address as the kernel takes it, with its length.
typedef struct SockAddr {
    union {
        struct sockaddr sa;
        struct sockaddr_in in4;
        struct sockaddr_in6 in6;
        struct sockaddr_un un;
        struct sockaddr_storage storage;
    } u;
    socklen_t len;
} SockAddr;

// Converts the address argument of a socket method for a socket of
// `family`: (host, port) for AF_INET, (host, port[, flowinfo[, scope_id]])
// for AF_INET6, a path (str, bytes, bytearray, os.PathLike) for AF_UNIX.
// `caller` names the method in CPython's messages ("bind(): AF_INET address
// must be tuple, not str"). Host names are resolved (getaddrinfo, may
// block). -1 raised (TypeError, OverflowError, OSError, socket.gaierror).
int sockutil_parse_addr(ThreadState *ts, int family, Value addr, const char *caller, SockAddr *out);

// The cs value of a kernel address: (ip, port) / (ip, port, flowinfo,
// scope_id) / the AF_UNIX path (str, or bytes for the abstract namespace)
// / None when len is 0 / (family, bytes) for other families. Allocates.
Value sockutil_addr_value(ThreadState *ts, const struct sockaddr *sa, socklen_t len);

// Resolves host text for `family` (AF_INET, AF_INET6, or AF_UNSPEC for
// whichever the text names) into out (port 0):
// '' is the wildcard address, '<broadcast>' INADDR_BROADCAST, numeric
// addresses are parsed, names go through getaddrinfo. -1 raised (gaierror).
int sockutil_resolve(ThreadState *ts, const char *host, int family, SockAddr *out);

// The host argument as CPython's idna converter takes it: str, bytes or
// bytearray, copied into buf (NUL-terminated). -1 raised: TypeError "str,
// bytes or bytearray expected, not int", TypeError for an embedded NUL.
int sockutil_host_arg(ThreadState *ts, Value v, char *buf, size_t cap);

// Raises socket.gaierror(err, gai_strerror(err)) (the OSError of errno for
// EAI_SYSTEM). Returns CS_ERR.
Value sockutil_raise_gai(ThreadState *ts, int err);

// A timeout argument (int, float, or an __index__ object) in units of
// `unit_ns` nanoseconds (1e9: seconds, 1e6: milliseconds), rounded up to
// the nanosecond as CPython's _PyTime_ROUND_TIMEOUT. Negative values are
// returned as they are. -1 raised: ValueError "Invalid value NaN (not a
// number)", OverflowError, TypeError "'str' object cannot be interpreted as
// an integer".
int sockutil_timeout_ns(ThreadState *ts, Value v, int64_t unit_ns, int64_t *out);

// The monotonic clock in nanoseconds.
int64_t sockutil_now_ns(void);

// A file descriptor from an int or an object with fileno(), as select and
// poll take them. -1 raised: TypeError "argument must be an int, or have a
// fileno() method.", ValueError "file descriptor cannot be a negative
// integer (-1)". May run cs code (fileno).
int sockutil_fd_arg(ThreadState *ts, Value v, int *out);

// A C int from an integer argument (PyArg "i"): TypeError for non-integers,
// OverflowError "signed integer is greater than maximum". -1 raised.
int sockutil_int_arg(ThreadState *ts, Value v, int *out);

// Waits with poll(2) until fd is readable (or writable), for at most
// timeout_ns (negative: no limit). Runs between the blocking hooks; on
// EINTR runs signal handlers and waits again for the time left. Returns 1
// ready, 0 timed out, -1 raised (an errno OSError or KeyboardInterrupt).
int sockutil_wait_fd(ThreadState *ts, int fd, bool writing, bool connecting, int64_t timeout_ns);

// Runs pending signal handlers after EINTR (KeyboardInterrupt raises): 0,
// or -1 raised.
int sockutil_check_signals(ThreadState *ts);

// Hooks for the GIL: released around blocking calls once threads exist.
// Nothing between the two may touch an object.
void sockutil_blocking_begin(ThreadState *ts);
void sockutil_blocking_end(ThreadState *ts);

#endif
