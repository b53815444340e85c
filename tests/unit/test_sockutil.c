// Unit tests of stdlib/sockutil.c, the helpers under the socket and select
// modules: address tuples to struct sockaddr and back (AF_INET, AF_INET6,
// AF_UNIX with the abstract namespace), the error each bad address gets,
// timeout rounding, descriptor arguments and the poll wait.
#include <criterion/criterion.h>
#include <arpa/inet.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "stdlib/sockutil.h"
#include "vm/bytes.h"
#include "vm/exc.h"
#include "vm/gc.h"
#include "vm/int.h"
#include "vm/interp.h"
#include "vm/list.h"
#include "vm/str.h"

static ThreadState *ts;
static Interp *interp;

static void setup(void) {
    static char *argv[] = {(char *)"cs_unit", NULL};
    interp = interp_new(1, argv, &ts);
    cr_assert_not_null(interp);
}

static void teardown(void) {
    interp_free(interp);
}

TestSuite(sockutil, .init = setup, .fini = teardown);

static Value str(const char *s) {
    return str_from_cstr(ts, s);
}

// The pending exception as "TypeName: message", cleared.
static const char *fetch_error(void) {
    static char buf[256];
    Value exc = exc_fetch(ts);
    cr_assert_neq(exc, CS_UNBOUND, "no exception pending");
    Value s = obj_str(ts, exc);
    cr_assert_neq(s, CS_ERR);
    snprintf(buf, sizeof buf, "%s: %s", obj_type_name(exc), str_cstr(s));
    return buf;
}

Test(sockutil, inet_tuple_round_trips) {
    SockAddr a;
    Value addr = tuple_pack(ts, 2, str("127.0.0.1"), small_int_val(8080));
    cr_assert_eq(sockutil_parse_addr(ts, AF_INET, addr, "bind", &a), 0);
    cr_assert_eq(a.len, sizeof(struct sockaddr_in));
    cr_assert_eq(a.u.in4.sin_family, AF_INET);
    cr_assert_eq(ntohs(a.u.in4.sin_port), 8080);
    cr_assert_eq(ntohl(a.u.in4.sin_addr.s_addr), INADDR_LOOPBACK);
    Value back = sockutil_addr_value(ts, &a.u.sa, a.len);
    cr_assert_eq(obj_eq(ts, back, addr), 1);
}

Test(sockutil, inet_special_hosts) {
    SockAddr a;
    cr_assert_eq(sockutil_resolve(ts, "", AF_INET, &a), 0);
    cr_assert_eq(a.u.in4.sin_addr.s_addr, htonl(INADDR_ANY));
    cr_assert_eq(sockutil_resolve(ts, "<broadcast>", AF_INET, &a), 0);
    cr_assert_eq(a.u.in4.sin_addr.s_addr, htonl(INADDR_BROADCAST));
    Value host = bytes_new(ts, "10.1.2.3", 8);
    Value addr = tuple_pack(ts, 2, host, small_int_val(0));
    cr_assert_eq(sockutil_parse_addr(ts, AF_INET, addr, "connect", &a), 0);
    cr_assert_eq(ntohl(a.u.in4.sin_addr.s_addr), 0x0a010203u);
}

Test(sockutil, inet_errors_match_cpython) {
    SockAddr a;
    cr_assert_eq(sockutil_parse_addr(ts, AF_INET, str("x"), "bind", &a), -1);
    cr_assert_str_eq(fetch_error(), "TypeError: bind(): AF_INET address must be tuple, not str");
    Value one = tuple_pack(ts, 1, str("x"));
    cr_assert_eq(sockutil_parse_addr(ts, AF_INET, one, "bind", &a), -1);
    cr_assert_str_eq(fetch_error(), "TypeError: AF_INET address must be a pair (host, port)");
    Value port = tuple_pack(ts, 2, str("127.0.0.1"), small_int_val(65536));
    cr_assert_eq(sockutil_parse_addr(ts, AF_INET, port, "sendto", &a), -1);
    cr_assert_str_eq(fetch_error(), "OverflowError: sendto(): port must be 0-65535.");
    Value host = tuple_pack(ts, 2, small_int_val(1), small_int_val(1));
    cr_assert_eq(sockutil_parse_addr(ts, AF_INET, host, "bind", &a), -1);
    cr_assert_str_eq(fetch_error(), "TypeError: str, bytes or bytearray expected, not int");
}

Test(sockutil, inet6_tuple_has_four_fields) {
    SockAddr a;
    Value addr =
        tuple_pack(ts, 4, str("::1"), small_int_val(443), small_int_val(5), small_int_val(0));
    cr_assert_eq(sockutil_parse_addr(ts, AF_INET6, addr, "bind", &a), 0);
    cr_assert_eq(a.u.in6.sin6_family, AF_INET6);
    cr_assert_eq(ntohs(a.u.in6.sin6_port), 443);
    cr_assert_eq(ntohl(a.u.in6.sin6_flowinfo), 5u);
    Value back = sockutil_addr_value(ts, &a.u.sa, a.len);
    cr_assert_eq(obj_eq(ts, back, addr), 1);
    Value flow = tuple_pack(ts, 3, str("::1"), small_int_val(0), small_int_val(1 << 20));
    cr_assert_eq(sockutil_parse_addr(ts, AF_INET6, flow, "bind", &a), -1);
    cr_assert_str_eq(fetch_error(), "OverflowError: bind(): flowinfo must be 0-1048575.");
}

Test(sockutil, unix_paths_and_abstract_names) {
    SockAddr a;
    cr_assert_eq(sockutil_parse_addr(ts, AF_UNIX, str("/tmp/x.sock"), "bind", &a), 0);
    cr_assert_str_eq(a.u.un.sun_path, "/tmp/x.sock");
    cr_assert_eq(a.len, offsetof(struct sockaddr_un, sun_path) + strlen("/tmp/x.sock") + 1);
    Value back = sockutil_addr_value(ts, &a.u.sa, a.len);
    cr_assert(str_check(back));
    cr_assert_str_eq(str_cstr(back), "/tmp/x.sock");

    // A leading NUL: no terminator counted, and the name comes back as bytes.
    Value abstract = bytes_new(ts, "\0abc", 4);
    cr_assert_eq(sockutil_parse_addr(ts, AF_UNIX, abstract, "bind", &a), 0);
    cr_assert_eq(a.len, offsetof(struct sockaddr_un, sun_path) + 4);
    back = sockutil_addr_value(ts, &a.u.sa, a.len);
    cr_assert(bytes_check(back));
    cr_assert_eq(as_bytes(back)->len, 4);

    // An unbound socket's name is the empty str; no address at all is None.
    a.len = offsetof(struct sockaddr_un, sun_path);
    back = sockutil_addr_value(ts, &a.u.sa, a.len);
    cr_assert(str_check(back));
    cr_assert_eq(as_str(back)->len, 0);
    cr_assert_eq(sockutil_addr_value(ts, &a.u.sa, 0), CS_NONE);

    char longpath[200];
    memset(longpath, 'x', sizeof longpath - 1);
    longpath[sizeof longpath - 1] = '\0';
    cr_assert_eq(sockutil_parse_addr(ts, AF_UNIX, str(longpath), "bind", &a), -1);
    cr_assert_str_eq(fetch_error(), "OSError: AF_UNIX path too long");
    cr_assert_eq(sockutil_parse_addr(ts, AF_UNIX, small_int_val(3), "bind", &a), -1);
    cr_assert_str_eq(fetch_error(), "TypeError: a bytes-like object is required, not 'int'");
}

Test(sockutil, timeouts_round_away_from_zero) {
    int64_t ns;
    cr_assert_eq(sockutil_timeout_ns(ts, float_val(1e-10), 1000000000, &ns), 0);
    cr_assert_eq(ns, 1);
    cr_assert_eq(sockutil_timeout_ns(ts, float_val(0.5), 1000000, &ns), 0);
    cr_assert_eq(ns, 500000);
    cr_assert_eq(sockutil_timeout_ns(ts, small_int_val(-2), 1000000000, &ns), 0);
    cr_assert_eq(ns, -2000000000);
    cr_assert_eq(sockutil_timeout_ns(ts, float_val(NAN), 1000000000, &ns), -1);
    cr_assert_str_eq(fetch_error(), "ValueError: Invalid value NaN (not a number)");
    cr_assert_eq(sockutil_timeout_ns(ts, int_from_i64(ts, 10000000000000ll), 1000000000, &ns), -1);
    cr_assert_str_eq(fetch_error(), "OverflowError: timestamp too large to convert to C _PyTime_t");
    cr_assert_eq(sockutil_timeout_ns(ts, str("1"), 1000000000, &ns), -1);
    cr_assert_str_eq(fetch_error(), "TypeError: 'str' object cannot be interpreted as an integer");
}

Test(sockutil, fd_arguments) {
    int fd;
    cr_assert_eq(sockutil_fd_arg(ts, small_int_val(7), &fd), 0);
    cr_assert_eq(fd, 7);
    cr_assert_eq(sockutil_fd_arg(ts, small_int_val(-1), &fd), -1);
    cr_assert_str_eq(fetch_error(),
                     "ValueError: file descriptor cannot be a negative integer (-1)");
    cr_assert_eq(sockutil_fd_arg(ts, str("x"), &fd), -1);
    cr_assert_str_eq(fetch_error(),
                     "TypeError: argument must be an int, or have a fileno() method.");
}

Test(sockutil, wait_fd_reports_readiness_and_timeout) {
    int sv[2];
    cr_assert_eq(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
    cr_assert_eq(sockutil_wait_fd(ts, sv[0], false, false, 1000000), 0); // 1 ms, nothing yet
    cr_assert_eq(sockutil_wait_fd(ts, sv[0], true, false, 0), 1);        // writable at once
    cr_assert_eq(write(sv[1], "x", 1), 1);
    cr_assert_eq(sockutil_wait_fd(ts, sv[0], false, false, -1), 1);
    close(sv[0]);
    close(sv[1]);
}
