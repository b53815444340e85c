// Unit tests of stdlib/mod_builtins.c, stdlib/iterators.c and
// stdlib/fileio.c, driven through the builtins module's dict without the
// compiler: sorting and min/max, the sum fast paths, correctly rounded
// round(), divmod, the iterator types, and file objects (buffering, newline
// translation, seek/tell, error messages).
#include <criterion/criterion.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "stdlib/fileio.h"
#include "stdlib/iterators.h"
#include "vm/bytes.h"
#include "vm/dict.h"
#include "vm/exc.h"
#include "vm/func.h"
#include "vm/gc.h"
#include "vm/int.h"
#include "vm/interp.h"
#include "vm/list.h"
#include "vm/state.h"
#include "vm/str.h"

static Interp *interp;
static ThreadState *ts;

static void setup(void) {
    interp = interp_new(0, NULL, &ts);
    cr_assert_not_null(interp);
}

static void teardown(void) {
    interp_free(interp);
}

TestSuite(builtins, .init = setup, .fini = teardown);
TestSuite(iterators, .init = setup, .fini = teardown);
TestSuite(fileio, .init = setup, .fini = teardown);

static Value I(int64_t i) {
    return small_int_val(i);
}

static Value S(const char *s) {
    return str_from_cstr(ts, s);
}

static Value builtin(const char *name) {
    Value v;
    cr_assert(dict_get_cstr(interp->builtins, name, &v), "no builtin %s", name);
    return v;
}

// Calls builtins.name(*args, **kw) where kw names the last nkw args.
static Value callv(const char *name, size_t nargs, size_t nkw, const char *const *kwn,
                   const Value *args) {
    TupleObj *kwnames = NULL;
    if (nkw) {
        Value t = tuple_new(ts, nkw);
        for (size_t i = 0; i < nkw; i++) {
            as_tuple(t)->items[i] = str_intern_cstr(ts, kwn[i]);
        }
        kwnames = as_tuple(t);
    }
    return obj_call(ts, builtin(name), args, nargs - nkw, kwnames);
}

static Value call(const char *name, size_t n, ...) {
    Value args[8];
    va_list ap;
    va_start(ap, n);
    for (size_t i = 0; i < n; i++) {
        args[i] = va_arg(ap, Value);
    }
    va_end(ap);
    return callv(name, n, 0, NULL, args);
}

static const char *repr_of(Value v) {
    cr_assert_neq(v, CS_ERR, "unexpected error");
    Value r = obj_repr(ts, v);
    cr_assert_neq(r, CS_ERR);
    return str_cstr(r);
}

#define ASSERT_REPR(v, text) cr_assert_str_eq(repr_of(v), text)

// The pending exception as "TypeName: message"; clears it.
static const char *error_text(void) {
    cr_assert(ts_has_exc(ts), "expected an exception");
    Value e = exc_fetch(ts);
    Value s = obj_str(ts, e);
    static char buf[512];
    snprintf(buf, sizeof buf, "%s: %s", obj_type_name(e), str_cstr(s));
    return buf;
}

#define ASSERT_RAISES(expr, text)                                                                  \
    do {                                                                                           \
        cr_assert_eq((expr), CS_ERR);                                                              \
        cr_assert_str_eq(error_text(), text);                                                      \
    } while (0)

static Value list_of(size_t n, const int64_t *xs) {
    Value l = list_new(ts, n);
    for (size_t i = 0; i < n; i++) {
        as_list(l)->items[i] = int_from_i64(ts, xs[i]);
    }
    return l;
}

// ---------------------------------------------------------------------------
// builtins

Test(builtins, sorted_min_max) {
    int64_t xs[] = {5, -7, 3, 0, -1};
    Value l = list_of(5, xs);
    ASSERT_REPR(call("sorted", 1, l), "[-7, -1, 0, 3, 5]");
    const char *kw[] = {"key", "reverse"};
    Value args[] = {l, builtin("abs"), CS_TRUE};
    ASSERT_REPR(callv("sorted", 3, 2, kw, args), "[-7, 5, 3, -1, 0]");
    ASSERT_REPR(l, "[5, -7, 3, 0, -1]");
    ASSERT_REPR(call("min", 1, l), "-7");
    ASSERT_REPR(call("max", 3, I(2), I(9), I(4)), "9");
    Value kargs[] = {l, builtin("abs")};
    ASSERT_REPR(callv("min", 2, 1, kw, kargs), "0");
    ASSERT_REPR(callv("max", 2, 1, kw, kargs), "-7");
    ASSERT_RAISES(call("max", 1, list_new(ts, 0)), "ValueError: max() arg is an empty sequence");
    ASSERT_RAISES(call("min", 0), "TypeError: min expected at least 1 argument, got 0");
    ASSERT_RAISES(call("max", 2, I(1), S("a")),
                  "TypeError: '>' not supported between instances of 'str' and 'int'");
    const char *dkw[] = {"default"};
    Value dargs[] = {list_new(ts, 0), S("none")};
    ASSERT_REPR(callv("min", 2, 1, dkw, dargs), "'none'");
}

Test(builtins, sum_paths) {
    int64_t big[] = {INT64_C(1) << 62, INT64_C(1) << 62, INT64_C(1) << 62};
    ASSERT_REPR(call("sum", 1, list_of(3, big)), "13835058055282163712");
    ASSERT_REPR(call("sum", 2, list_of(3, big), float_val(0.5)), "1.3835058055282164e+19");
    Value fl = list_new(ts, 10);
    for (int i = 0; i < 10; i++) {
        as_list(fl)->items[i] = float_val(0.1);
    }
    ASSERT_REPR(call("sum", 1, fl), "0.9999999999999999");
    Value ll = list_new(ts, 2);
    as_list(ll)->items[0] = list_of(1, big);
    as_list(ll)->items[1] = list_of(1, big);
    ASSERT_REPR(call("sum", 2, ll, list_new(ts, 0)), "[4611686018427387904, 4611686018427387904]");
    ASSERT_RAISES(call("sum", 2, list_new(ts, 0), S("")),
                  "TypeError: sum() can't sum strings [use ''.join(seq) instead]");
}

Test(builtins, round_is_correctly_rounded) {
    ASSERT_REPR(call("round", 2, float_val(2.675), I(2)), "2.67");
    ASSERT_REPR(call("round", 2, float_val(0.125), I(2)), "0.12");
    ASSERT_REPR(call("round", 2, float_val(0.375), I(2)), "0.38");
    ASSERT_REPR(call("round", 2, float_val(1234.5), I(-1)), "1230.0");
    ASSERT_REPR(call("round", 2, float_val(-0.4), I(0)), "-0.0");
    ASSERT_REPR(call("round", 1, float_val(2.5)), "2");
    ASSERT_REPR(call("round", 1, float_val(-3.5)), "-4");
    ASSERT_REPR(call("round", 2, I(1250), I(-2)), "1200");
    ASSERT_REPR(call("round", 2, I(1350), I(-2)), "1400");
    ASSERT_REPR(call("round", 1, CS_TRUE), "1");
    ASSERT_RAISES(call("round", 2, float_val(1.7e308), I(-308)),
                  "OverflowError: rounded value too large to represent");
}

Test(builtins, divmod_numbers) {
    ASSERT_REPR(call("divmod", 2, I(-7), I(2)), "(-4, 1)");
    ASSERT_REPR(call("divmod", 2, float_val(-7.5), I(2)), "(-4.0, 0.5)");
    ASSERT_REPR(call("divmod", 2, I(1), float_val(-0.5)), "(-2.0, -0.0)");
    ASSERT_RAISES(call("divmod", 2, I(1), I(0)),
                  "ZeroDivisionError: integer division or modulo by zero");
    ASSERT_RAISES(call("divmod", 2, float_val(1), I(0)), "ZeroDivisionError: float divmod()");
}

Test(builtins, chars) {
    ASSERT_REPR(call("chr", 1, I(0x263A)), "'\xe2\x98\xba'");
    ASSERT_REPR(call("ord", 1, S("\xe2\x82\xac")), "8364");
    ASSERT_REPR(call("hex", 1, I(-255)), "'-0xff'");
    ASSERT_RAISES(call("chr", 1, I(0x110000)), "ValueError: chr() arg not in range(0x110000)");
    ASSERT_RAISES(call("ord", 1, S("ab")),
                  "TypeError: ord() expected a character, but string of length 2 found");
}

Test(builtins, attributes) {
    Value l = list_new(ts, 0);
    ASSERT_REPR(call("hasattr", 2, l, S("append")), "True");
    ASSERT_REPR(call("getattr", 3, l, S("nope"), I(7)), "7");
    ASSERT_RAISES(call("getattr", 2, l, I(5)),
                  "TypeError: attribute name must be string, not 'int'");
    Value names = call("dir", 1, l);
    cr_assert(is_type_exact(names, &type_list));
    Value app = S("append");
    cr_assert_eq(obj_contains(ts, names, app), 1);
}

// ---------------------------------------------------------------------------
// iterators

Test(iterators, zip_strict) {
    int64_t a[] = {1, 2}, b[] = {1, 2, 3};
    const char *kw[] = {"strict"};
    Value args[] = {list_of(2, a), list_of(3, b), CS_TRUE};
    Value z = callv("zip", 3, 1, kw, args);
    ASSERT_RAISES(obj_to_list(ts, z), "ValueError: zip() argument 2 is longer than argument 1");
    Value args2[] = {list_of(3, b), list_of(2, a), list_of(3, b), CS_TRUE};
    z = callv("zip", 4, 1, kw, args2);
    ASSERT_RAISES(obj_to_list(ts, z), "ValueError: zip() argument 2 is shorter than argument 1");
    ASSERT_REPR(obj_to_list(ts, call("zip", 2, list_of(2, a), list_of(3, b))), "[(1, 1), (2, 2)]");
}

Test(iterators, enumerate_map_filter_reversed) {
    int64_t a[] = {3, -1, 0, 4};
    const char *kw[] = {"start"};
    Value args[] = {list_of(4, a), I(SMALL_INT_MAX)};
    ASSERT_REPR(obj_to_list(ts, callv("enumerate", 2, 1, kw, args)),
                "[(140737488355327, 3), (140737488355328, -1), (140737488355329, 0), "
                "(140737488355330, 4)]");
    ASSERT_REPR(obj_to_list(ts, call("map", 2, builtin("abs"), list_of(4, a))), "[3, 1, 0, 4]");
    ASSERT_REPR(obj_to_list(ts, call("filter", 2, CS_NONE, list_of(4, a))), "[3, -1, 4]");
    ASSERT_REPR(obj_to_list(ts, call("reversed", 1, S("abc"))), "['c', 'b', 'a']");
    ASSERT_RAISES(call("reversed", 1, I(5)), "TypeError: 'int' object is not reversible");
    ASSERT_RAISES(call("map", 1, CS_NONE), "TypeError: map() must have at least two arguments.");
}

Test(iterators, callable_iterator) {
    int64_t a[] = {1, 2, 3, 4};
    Value l = list_of(4, a);
    Value pop = obj_getattr_cstr(ts, l, "pop");
    Value it = call("iter", 2, pop, I(2));
    ASSERT_REPR(obj_to_list(ts, it), "[4, 3]");
    ASSERT_REPR(l, "[1]");
    ASSERT_REPR(call("next", 2, it, S("done")), "'done'");
}

// ---------------------------------------------------------------------------
// fileio

static char path[64];

static Value open2(const char *mode) {
    return call("open", 2, S(path), S(mode));
}

static Value meth(Value obj, const char *name, size_t n, const Value *args) {
    return obj_call_method(ts, obj, str_intern_name(ts, name), args, n);
}

static void set_path(const char *tag) {
    snprintf(path, sizeof path, "/tmp/_cs_unit_%s_%d", tag, (int)getpid());
}

Test(fileio, text_roundtrip_and_newlines) {
    set_path("text");
    Value f = open2("w");
    Value s = S("a\r\nb\rc\nlast \xe2\x98\x83");
    ASSERT_REPR(meth(f, "write", 1, &s), "13");
    cr_assert_eq(meth(f, "close", 0, NULL), CS_NONE);
    f = open2("r");
    ASSERT_REPR(meth(f, "readline", 0, NULL), "'a\\n'");
    ASSERT_REPR(meth(f, "tell", 0, NULL), "3");
    ASSERT_REPR(meth(f, "readlines", 0, NULL), "['b\\n', 'c\\n', 'last \xe2\x98\x83']");
    Value zero = I(0);
    meth(f, "seek", 1, &zero);
    Value four = I(4);
    ASSERT_REPR(meth(f, "read", 1, &four), "'a\\nb\\n'");
    ASSERT_REPR(meth(f, "read", 0, NULL), "'c\\nlast \xe2\x98\x83'");
    meth(f, "close", 0, NULL);
    ASSERT_RAISES(meth(f, "read", 0, NULL), "ValueError: I/O operation on closed file.");
    unlink(path);
}

Test(fileio, binary_and_print_to_file) {
    set_path("bin");
    Value f = open2("wb");
    Value b = bytes_new(ts, "\x00\xff\n", 3);
    ASSERT_REPR(meth(f, "write", 1, &b), "3");
    meth(f, "close", 0, NULL);
    f = open2("a");
    const char *kw[] = {"sep", "file"};
    Value args[] = {I(1), float_val(2.5), S("x"), S("-"), f};
    cr_assert_eq(callv("print", 5, 2, kw, args), CS_NONE);
    meth(f, "close", 0, NULL);
    f = open2("rb");
    ASSERT_REPR(meth(f, "read", 0, NULL), "b'\\x00\\xff\\n1-2.5-x\\n'");
    meth(f, "close", 0, NULL);
    unlink(path);
}

Test(fileio, missing_file_message) {
    set_path("missing");
    char want[160];
    snprintf(want, sizeof want, "FileNotFoundError: [Errno 2] No such file or directory: '%s'",
             path);
    ASSERT_RAISES(open2("r"), want);
}

Test(fileio, repr_and_modes) {
    set_path("repr");
    Value f = open2("w+");
    char want[128];
    snprintf(want, sizeof want, "<_io.TextIOWrapper name='%s' mode='w+' encoding='UTF-8'>", path);
    ASSERT_REPR(f, want);
    Value buf = obj_getattr_cstr(ts, f, "buffer");
    snprintf(want, sizeof want, "<_io.BufferedRandom name='%s'>", path);
    ASSERT_REPR(buf, want);
    ASSERT_REPR(obj_getattr_cstr(ts, buf, "mode"), "'rb+'");
    Value s = S("xyz");
    meth(f, "write", 1, &s);
    Value zero = I(0);
    meth(f, "seek", 1, &zero);
    ASSERT_REPR(meth(f, "read", 0, NULL), "'xyz'");
    meth(f, "close", 0, NULL);
    ASSERT_RAISES(call("open", 2, S(path), S("rw")),
                  "ValueError: must have exactly one of create/read/write/append mode");
    unlink(path);
}
