// Unit tests of vm/float.c: shortest round-trip repr of tricky doubles,
// PyOS_double_to_string-style formatting, CPython's float hash, float()
// parsing and its errors, format() of floats, and pow's special cases.
#include <criterion/criterion.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/exc.h"
#include "vm/gc.h"
#include "vm/int.h"
#include "vm/interp.h"
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

TestSuite(float, .init = setup, .fini = teardown);

static const char *exc_text(void) {
    static char buf[512];
    cr_assert(ts_has_exc(ts), "an exception should be pending");
    Value e = exc_fetch(ts);
    Value m = obj_str(ts, e);
    snprintf(buf, sizeof buf, "%s: %s", obj_type_name(e), m == CS_ERR ? "?" : str_cstr(m));
    exc_clear(ts);
    return buf;
}

static const char *repr(double d) {
    static char buf[64];
    float_repr_buf(d, buf, sizeof buf);
    return buf;
}

// ---------------------------------------------------------------------------
// repr

Test(float, repr_is_shortest_round_trip) {
    cr_assert_str_eq(repr(0.1), "0.1");
    cr_assert_str_eq(repr(1.0 / 3.0), "0.3333333333333333");
    cr_assert_str_eq(repr(2.0 / 3.0), "0.6666666666666666");
    cr_assert_str_eq(repr(0.1 + 0.2), "0.30000000000000004");
    cr_assert_str_eq(repr(1.1 * 1.1), "1.2100000000000002");
    cr_assert_str_eq(repr(5e-324), "5e-324");
    cr_assert_str_eq(repr(1e-323), "1e-323");
    cr_assert_str_eq(repr(DBL_MAX), "1.7976931348623157e+308");
    cr_assert_str_eq(repr(DBL_MIN), "2.2250738585072014e-308");
    cr_assert_str_eq(repr(9007199254740993.0), "9007199254740992.0"); // 2**53 + 1
    cr_assert_str_eq(repr(2.675), "2.675");
    cr_assert_str_eq(repr(1.0000000000000002), "1.0000000000000002");
}

Test(float, repr_switches_to_exponent_outside_1e_minus_4_to_1e16) {
    cr_assert_str_eq(repr(1e16), "1e+16");
    cr_assert_str_eq(repr(1e15), "1000000000000000.0");
    cr_assert_str_eq(repr(123456789012345.6), "123456789012345.6");
    cr_assert_str_eq(repr(1234567890123456.7), "1234567890123456.8");
    cr_assert_str_eq(repr(1e-4), "0.0001");
    cr_assert_str_eq(repr(1e-5), "1e-05");
    cr_assert_str_eq(repr(1.5e-7), "1.5e-07");
    cr_assert_str_eq(repr(1e22), "1e+22");
    cr_assert_str_eq(repr(1e23), "1e+23");
    cr_assert_str_eq(repr(123456789.0), "123456789.0");
    cr_assert_str_eq(repr(1.0), "1.0");
    cr_assert_str_eq(repr(-0.0), "-0.0");
    cr_assert_str_eq(repr(HUGE_VAL), "inf");
    cr_assert_str_eq(repr(-HUGE_VAL), "-inf");
    cr_assert_str_eq(repr(NAN), "nan");
}

Test(float, repr_of_powers_of_two_takes_the_far_neighbour) {
    // At a power of two the rounding interval is lopsided; the shortest
    // decimal may lie on the wide side.
    cr_assert_str_eq(repr(ldexp(1.0, 60)), "1.152921504606847e+18");
    cr_assert_str_eq(repr(ldexp(1.0, -20)), "9.5367431640625e-07");
    cr_assert_str_eq(repr(ldexp(1.0, 1023)), "8.98846567431158e+307");
    cr_assert_str_eq(repr(ldexp(1.0, -1022)), "2.2250738585072014e-308");
    cr_assert_str_eq(repr(ldexp(1.0, -1000)), "9.332636185032189e-302");
}

static const char *to_cstr(double d, char code, int precision, unsigned flags) {
    static char buf[512];
    char *s = float_to_cstr(d, code, precision, flags);
    cr_assert_not_null(s);
    snprintf(buf, sizeof buf, "%s", s);
    free(s);
    return buf;
}

Test(float, double_to_string_modes) {
    cr_assert_str_eq(to_cstr(1.005, 'f', 2, 0), "1.00");
    cr_assert_str_eq(to_cstr(0.125, 'f', 2, 0), "0.12");
    cr_assert_str_eq(to_cstr(2.5, 'f', 0, 0), "2");
    cr_assert_str_eq(to_cstr(2.5, 'f', 0, FLOAT_FMT_ALT), "2.");
    cr_assert_str_eq(to_cstr(123456.0, 'e', 6, 0), "1.234560e+05");
    cr_assert_str_eq(to_cstr(1e-7, 'E', 2, 0), "1.00E-07");
    cr_assert_str_eq(to_cstr(0.00001, 'g', 6, 0), "1e-05");
    cr_assert_str_eq(to_cstr(1234567.0, 'g', 6, 0), "1.23457e+06");
    cr_assert_str_eq(to_cstr(3.0, 'g', 6, FLOAT_FMT_ALT), "3.00000");
    cr_assert_str_eq(to_cstr(1234.5, 'g', 2, FLOAT_FMT_ADD_DOT_0), "1.2e+03");
    cr_assert_str_eq(to_cstr(-0.0001, 'f', 2, FLOAT_FMT_NO_NEG_0), "0.00");
    cr_assert_str_eq(to_cstr(-0.0001, 'f', 2, 0), "-0.00");
    cr_assert_str_eq(to_cstr(HUGE_VAL, 'F', 2, 0), "INF");
    cr_assert_str_eq(to_cstr(NAN, 'f', 2, FLOAT_FMT_SIGN), "+nan");
    cr_assert_str_eq(to_cstr(1.5, 'r', 0, FLOAT_FMT_SIGN | FLOAT_FMT_ADD_DOT_0), "+1.5");
    cr_assert_str_eq(to_cstr(1e300, 'f', 0, 0),
                     "1000000000000000052504760255204420248704468581108159154915854115511802457988"
                     "9081957863713750804478640437044438328838781769425232353604305756447921847867"
                     "0698284838720092657580373783023379478809005936895323497079994508111903896764"
                     "0880074652742780142494579258788820056842838115669472196386865459400540160");
}

// ---------------------------------------------------------------------------
// Hashing

Test(float, hash_matches_cpython) {
    cr_assert_eq(float_hash(1.0), 1);
    cr_assert_eq(float_hash(-1.0), -2);
    cr_assert_eq(float_hash(0.5), 1152921504606846976);
    cr_assert_eq(float_hash(-0.5), -1152921504606846976);
    cr_assert_eq(float_hash(0.1), 230584300921369408);
    cr_assert_eq(float_hash(1e300), 1224995262755759164);
    cr_assert_eq(float_hash(5e-324), 16777216);
    cr_assert_eq(float_hash(HUGE_VAL), 314159);
    cr_assert_eq(float_hash(-HUGE_VAL), -314159);
    cr_assert_eq(float_hash(0.0), 0);
    cr_assert_eq(float_hash(-0.0), 0);
}

// ---------------------------------------------------------------------------
// Parsing

static double parse(const char *s) {
    Value v = float_from_string(ts, s, strlen(s));
    cr_assert_neq(v, CS_ERR, "%s", s);
    return as_float(v);
}

Test(float, parse_cpython_syntax) {
    cr_assert_eq(parse("  -1.5e3 "), -1500.0);
    cr_assert_eq(parse("1_000.5"), 1000.5);
    cr_assert_eq(parse(".5"), 0.5);
    cr_assert_eq(parse("5."), 5.0);
    cr_assert(isinf(parse("-Infinity")) && parse("-Infinity") < 0);
    cr_assert(isnan(parse("nan")));
    cr_assert(isinf(parse("1e500")));
    cr_assert_eq(parse("2.4703282292062328e-324"), 5e-324);
    cr_assert_eq(parse("\xd9\xa1.\xd9\xa5"), 1.5);
    const char *bad[] = {"",     "abc",  "1.2.3",  "1e",   "1__0", "_1",  "1_",
                         "1._5", "0x10", "nan(1)", "1e_5", "++1",  "- 1", "infinit"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        cr_assert_eq(float_from_string(ts, bad[i], strlen(bad[i])), CS_ERR, "%s", bad[i]);
        exc_clear(ts);
    }
    cr_assert_eq(float_from_string(ts, " abc", 4), CS_ERR);
    cr_assert_str_eq(exc_text(), "ValueError: could not convert string to float: ' abc'");
}

// ---------------------------------------------------------------------------
// format()

static const char *fmt(double d, const char *s) {
    Value r = float_format(ts, d, str_from_cstr(ts, s));
    if (r == CS_ERR) {
        return exc_text();
    }
    return str_cstr(r);
}

Test(float, format_specs) {
    cr_assert_str_eq(fmt(1234567.891, ",.2f"), "1,234,567.89");
    cr_assert_str_eq(fmt(3.14159, ".3"), "3.14");
    cr_assert_str_eq(fmt(0.000012345, "g"), "1.2345e-05");
    cr_assert_str_eq(fmt(1e16, ""), "1e+16");
    cr_assert_str_eq(fmt(1.5, ""), "1.5");
    cr_assert_str_eq(fmt(0.25, "%"), "25.000000%");
    cr_assert_str_eq(fmt(0.5, ".0%"), "50%");
    cr_assert_str_eq(fmt(12.5, ">+8.2f"), "  +12.50");
    cr_assert_str_eq(fmt(-1234.5, "012,.1f"), "-0,001,234.5");
    cr_assert_str_eq(fmt(HUGE_VAL, "010"), "0000000inf");
    cr_assert_str_eq(fmt(-0.0, "z.1f"), "0.0");
    cr_assert_str_eq(fmt(2.0, ".3"), "2.0");
    cr_assert_str_eq(fmt(1e-7, "e"), "1.000000e-07");
    cr_assert_str_eq(fmt(1.5, "d"),
                     "ValueError: Unknown format code 'd' for object of type 'float'");
    cr_assert_str_eq(fmt(1.5, "abc"),
                     "ValueError: Invalid format specifier 'abc' for object of type 'float'");
}

// ---------------------------------------------------------------------------
// Arithmetic helpers

Test(float, pow_special_cases) {
    cr_assert_eq(as_float(float_pow_d(ts, NAN, 0.0)), 1.0);
    cr_assert_eq(as_float(float_pow_d(ts, 1.0, NAN)), 1.0);
    cr_assert_eq(as_float(float_pow_d(ts, -1.0, HUGE_VAL)), 1.0);
    cr_assert_eq(as_float(float_pow_d(ts, 0.5, -HUGE_VAL)), HUGE_VAL);
    cr_assert_eq(as_float(float_pow_d(ts, -HUGE_VAL, 3.0)), -HUGE_VAL);
    cr_assert(signbit(as_float(float_pow_d(ts, -0.0, 3.0))));
    cr_assert_eq(as_float(float_pow_d(ts, -2.0, 3.0)), -8.0);
    cr_assert_eq(float_pow_d(ts, 0.0, -1.0), CS_ERR);
    cr_assert_str_eq(exc_text(), "ZeroDivisionError: 0.0 cannot be raised to a negative power");
    cr_assert_eq(float_pow_d(ts, 10.0, 400.0), CS_ERR);
    cr_assert_str_eq(exc_text(), "OverflowError: (34, 'Numerical result out of range')");
}

Test(float, int_conversion_errors) {
    cr_assert_eq(int_from_double(ts, HUGE_VAL), CS_ERR);
    cr_assert_str_eq(exc_text(), "OverflowError: cannot convert float infinity to integer");
    cr_assert_eq(int_from_double(ts, NAN), CS_ERR);
    cr_assert_str_eq(exc_text(), "ValueError: cannot convert float NaN to integer");
    Value big = int_from_double(ts, 1e20);
    cr_assert(is_obj(big));
    cr_assert_str_eq(str_cstr(obj_repr(ts, big)), "100000000000000000000");
    cr_assert_eq(int_from_double(ts, -2.9), small_int_val(-2));
}
