// Unit tests of the native stdlib modules time, posix (os), _random,
// operator and gc, called from C through their module objects: the
// Mersenne Twister against CPython's reference outputs, struct_time and
// stat_result layouts, operator dispatch, and gc's enable switch.
#include <criterion/criterion.h>
#include <string.h>
#include <unistd.h>

#include "stdlib/mod_time.h"
#include "stdlib/modules.h"
#include "vm/bytes.h"
#include "vm/dict.h"
#include "vm/exc.h"
#include "vm/func.h"
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

TestSuite(sysmods, .init = setup, .fini = teardown);

// module.name(*args), asserting that it did not raise.
static Value call(Value module, const char *name, size_t nargs, const Value *args) {
    Value f = obj_getattr_cstr(ts, module, name);
    cr_assert_neq(f, CS_ERR, "no attribute %s", name);
    Value r = obj_call(ts, f, args, nargs, NULL);
    cr_assert_neq(r, CS_ERR, "%s raised", name);
    return r;
}

// module.name(*args), expecting an exception; returns str() of it.
static const char *call_fails(Value module, const char *name, size_t nargs, const Value *args) {
    Value f = obj_getattr_cstr(ts, module, name);
    cr_assert_neq(f, CS_ERR);
    cr_assert_eq(obj_call(ts, f, args, nargs, NULL), CS_ERR, "%s did not raise", name);
    Value exc = exc_fetch(ts);
    Value s = obj_str(ts, exc);
    cr_assert_neq(s, CS_ERR);
    return str_cstr(s);
}

static int64_t as_i64(Value v) {
    int64_t i = 0;
    cr_assert_eq(int_as_i64(ts, v, &i), 0);
    return i;
}

Test(sysmods, mt19937_matches_cpython) {
    Value m = random_module_init(ts);
    cr_assert_neq(m, CS_ERR);
    Value seed = small_int_val(42);
    Value r = call(m, "Random", 1, &seed);
    // random.Random(42).random() in CPython 3.11, three times.
    cr_assert_eq(as_float(call(r, "random", 0, NULL)), 0.6394267984578837);
    cr_assert_eq(as_float(call(r, "random", 0, NULL)), 0.025010755222666936);
    cr_assert_eq(as_float(call(r, "random", 0, NULL)), 0.27502931836911926);
    Value big = int_from_i64(ts, 0x123456789abcdefll);
    call(r, "seed", 1, &big);
    Value k = small_int_val(32);
    cr_assert_eq(as_i64(call(r, "getrandbits", 1, &k)), 3851240871ll);
}

Test(sysmods, random_state_round_trips) {
    Value m = random_module_init(ts);
    Value r = call(m, "Random", 0, NULL);
    Value state = call(r, "getstate", 0, NULL);
    cr_assert_eq(as_tuple(state)->len, 625);
    double a = as_float(call(r, "random", 0, NULL));
    call(r, "setstate", 1, &state);
    cr_assert_eq(as_float(call(r, "random", 0, NULL)), a);
    Value bits = small_int_val(200);
    Value v = call(r, "getrandbits", 1, &bits);
    cr_assert(int_sign(v) >= 0);
    Value wrong = tuple_pack(ts, 1, small_int_val(1));
    cr_assert_str_eq(call_fails(r, "setstate", 1, &wrong), "state vector is the wrong size");
}

Test(sysmods, randbelow_stays_below) {
    Value m = random_module_init(ts);
    Value r = call(m, "Random", 0, NULL);
    for (int n = 1; n < 200; n += 7) {
        Value nv = small_int_val(n);
        int64_t x = as_i64(call(r, "_randbelow", 1, &nv));
        cr_assert(x >= 0 && x < n, "%ld not below %d", (long)x, n);
    }
}

Test(sysmods, gmtime_fields_and_repr) {
    Value m = time_module_init(ts);
    cr_assert_neq(m, CS_ERR);
    Value zero = small_int_val(0);
    Value t = call(m, "gmtime", 1, &zero);
    cr_assert_eq(type_of(t), &type_struct_time);
    cr_assert_eq(as_tuple(t)->len, 9);
    cr_assert_eq(as_small_int(as_tuple(t)->items[0]), 1970);
    cr_assert_eq(as_small_int(as_tuple(t)->items[6]), 3); // Thursday
    Value year = obj_getattr_cstr(ts, t, "tm_year");
    cr_assert_eq(as_small_int(year), 1970);
    Value r = obj_repr(ts, t);
    cr_assert_str_eq(str_cstr(r), "time.struct_time(tm_year=1970, tm_mon=1, tm_mday=1, tm_hour=0, "
                                  "tm_min=0, tm_sec=0, tm_wday=3, tm_yday=1, tm_isdst=0)");
}

Test(sysmods, strftime_and_asctime) {
    Value m = time_module_init(ts);
    Value t = tuple_pack(ts, 9, small_int_val(2024), small_int_val(3), small_int_val(5),
                         small_int_val(7), small_int_val(8), small_int_val(9), small_int_val(1),
                         small_int_val(65), small_int_val(0));
    Value args[2] = {str_from_cstr(ts, "%Y-%m-%d %H:%M:%S %j"), t};
    cr_assert_str_eq(str_cstr(call(m, "strftime", 2, args)), "2024-03-05 07:08:09 065");
    cr_assert_str_eq(str_cstr(call(m, "asctime", 1, &t)), "Tue Mar  5 07:08:09 2024");
    as_tuple(t)->items[1] = small_int_val(13);
    cr_assert_str_eq(call_fails(m, "strftime", 2, args), "month out of range");
}

Test(sysmods, clocks_advance) {
    Value m = time_module_init(ts);
    double a = as_float(call(m, "perf_counter", 0, NULL));
    Value d = float_val(0.01);
    call(m, "sleep", 1, &d);
    double b = as_float(call(m, "perf_counter", 0, NULL));
    cr_assert(b - a >= 0.01, "slept %f", b - a);
    Value neg = small_int_val(-1);
    cr_assert_str_eq(call_fails(m, "sleep", 1, &neg), "sleep length must be non-negative");
}

Test(sysmods, posix_stat_and_errors) {
    Value m = os_module_init(ts);
    cr_assert_neq(m, CS_ERR);
    cr_assert_eq(as_i64(call(m, "getpid", 0, NULL)), getpid());
    Value tmp = str_from_cstr(ts, "/tmp");
    Value st = call(m, "stat", 1, &tmp);
    cr_assert_eq(as_tuple(st)->len, 10);
    int64_t mode = as_i64(obj_getattr_cstr(ts, st, "st_mode"));
    cr_assert_eq(mode & 0170000, 0040000);
    cr_assert(is_float(obj_getattr_cstr(ts, st, "st_mtime")));
    Value nope = str_from_cstr(ts, "/nonexistent/cs");
    cr_assert_str_eq(call_fails(m, "stat", 1, &nope),
                     "[Errno 2] No such file or directory: '/nonexistent/cs'");
}

Test(sysmods, posix_pipe_round_trip) {
    Value m = os_module_init(ts);
    Value fds = call(m, "pipe", 0, NULL);
    Value wargs[2] = {as_tuple(fds)->items[1], bytes_new(ts, "abc", 3)};
    cr_assert_eq(as_i64(call(m, "write", 2, wargs)), 3);
    Value rargs[2] = {as_tuple(fds)->items[0], small_int_val(10)};
    Value got = call(m, "read", 2, rargs);
    cr_assert(bytes_check(got));
    cr_assert_eq(as_bytes(got)->len, 3);
    cr_assert(memcmp(as_bytes(got)->data, "abc", 3) == 0);
    call(m, "close", 1, &as_tuple(fds)->items[0]);
    call(m, "close", 1, &as_tuple(fds)->items[1]);
}

Test(sysmods, operator_functions_and_getters) {
    Value m = operator_module_init(ts);
    cr_assert_neq(m, CS_ERR);
    Value two[2] = {small_int_val(2), small_int_val(3)};
    cr_assert_eq(as_small_int(call(m, "add", 2, two)), 5);
    cr_assert_eq(call(m, "lt", 2, two), CS_TRUE);
    Value one = small_int_val(1);
    Value g = call(m, "itemgetter", 1, &one);
    Value seq = tuple_pack(ts, 3, small_int_val(7), small_int_val(8), small_int_val(9));
    cr_assert_eq(as_small_int(obj_call1(ts, g, seq)), 8);
    cr_assert_str_eq(str_cstr(obj_repr(ts, g)), "operator.itemgetter(1)");
    cr_assert_str_eq(call_fails(m, "add", 1, two), "add expected 2 arguments, got 1");
}

Test(sysmods, gc_switch_and_collect) {
    Value m = gc_module_init(ts);
    cr_assert_neq(m, CS_ERR);
    cr_assert_eq(call(m, "isenabled", 0, NULL), CS_TRUE);
    call(m, "disable", 0, NULL);
    call(m, "disable", 0, NULL);
    cr_assert_eq(call(m, "isenabled", 0, NULL), CS_FALSE);
    call(m, "enable", 0, NULL);
    cr_assert_eq(call(m, "isenabled", 0, NULL), CS_TRUE);
    size_t mark = gc_temp_mark(ts);
    for (int i = 0; i < 100; i++) {
        list_new(ts, 2);
    }
    gc_temp_reset(ts, mark);
    cr_assert_geq(as_i64(call(m, "collect", 0, NULL)), 100);
    Value stats = call(m, "stats", 0, NULL);
    Value v;
    cr_assert(dict_get_cstr(as_dict(stats), "collections", &v));
    cr_assert_geq(as_i64(v), 1);
}
