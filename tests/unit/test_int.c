// Unit tests of vm/int.c and vm/format.c: the small/big boundary and its
// normalisation, CPython's numeric hash, exact int/float comparison and
// correctly rounded conversion and division, text conversion (bases, limits,
// errors), and format-spec parsing and number layout.
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
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

TestSuite(int, .init = setup, .fini = teardown);
TestSuite(format, .init = setup, .fini = teardown);

// "Type: message" of the pending exception (cleared), in a static buffer.
static const char *exc_text(void) {
    static char buf[512];
    cr_assert(ts_has_exc(ts), "an exception should be pending");
    Value e = exc_fetch(ts);
    Value m = obj_str(ts, e);
    snprintf(buf, sizeof buf, "%s: %s", obj_type_name(e), m == CS_ERR ? "?" : str_cstr(m));
    exc_clear(ts);
    return buf;
}

static Value parse(const char *s) {
    Value v = int_from_string(ts, s, strlen(s), 10);
    cr_assert_neq(v, CS_ERR, "parsing %s", s);
    return v;
}

static const char *text(Value v) {
    cr_assert_neq(v, CS_ERR, "%s", ts_has_exc(ts) ? exc_text() : "");
    Value s = obj_repr(ts, v);
    cr_assert_neq(s, CS_ERR);
    return str_cstr(s);
}

// ---------------------------------------------------------------------------
// Representation

Test(int, small_range_edges_stay_small) {
    cr_assert(is_small_int(int_from_i64(ts, SMALL_INT_MAX)));
    cr_assert(is_small_int(int_from_i64(ts, SMALL_INT_MIN)));
    cr_assert(is_obj(int_from_i64(ts, SMALL_INT_MAX + 1)));
    cr_assert(is_obj(int_from_i64(ts, SMALL_INT_MIN - 1)));
    cr_assert(is_obj(int_from_u64(ts, UINT64_MAX)));
    cr_assert_str_eq(text(int_from_u64(ts, UINT64_MAX)), "18446744073709551615");
    cr_assert_str_eq(text(int_from_i64(ts, INT64_MIN)), "-9223372036854775808");
}

Test(int, arithmetic_crosses_the_boundary_both_ways) {
    Value max = small_int_val(SMALL_INT_MAX);
    Value big = int_add(ts, max, small_int_val(1));
    cr_assert(is_obj(big));
    cr_assert_str_eq(text(big), "140737488355328");
    Value back = int_sub(ts, big, small_int_val(1));
    cr_assert(is_small_int(back), "a big result in the small range is normalised");
    cr_assert_eq(back, max);
    cr_assert(is_obj(int_neg(ts, small_int_val(SMALL_INT_MIN))));
    Value sq = int_mul(ts, max, max);
    cr_assert_str_eq(text(sq), "19807040628565802923409276929");
    cr_assert(is_small_int(int_floordiv(ts, sq, max)));
    cr_assert(is_small_int(int_rshift(ts, big, small_int_val(1))));
}

Test(int, checks_cover_bool_small_and_big) {
    cr_assert(int_check(CS_TRUE));
    cr_assert(!int_check_exact(CS_TRUE));
    cr_assert(int_check_exact(small_int_val(3)));
    cr_assert(int_check_exact(parse("123456789012345678901234567890")));
    cr_assert(!int_check(float_val(1.0)));
    cr_assert(!int_check(CS_NONE));
    cr_assert_str_eq(text(int_add(ts, CS_TRUE, CS_TRUE)), "2");
}

Test(int, floor_division_and_modulo_round_down) {
    cr_assert_str_eq(text(int_floordiv(ts, small_int_val(-7), small_int_val(2))), "-4");
    cr_assert_str_eq(text(int_mod(ts, small_int_val(-7), small_int_val(2))), "1");
    cr_assert_str_eq(text(int_mod(ts, small_int_val(7), small_int_val(-2))), "-1");
    Value big = parse("-100000000000000000000");
    cr_assert_str_eq(text(int_floordiv(ts, big, small_int_val(3))), "-33333333333333333334");
    cr_assert_str_eq(text(int_mod(ts, big, small_int_val(3))), "2");
    cr_assert_eq(int_floordiv(ts, big, small_int_val(0)), CS_ERR);
    cr_assert_str_eq(exc_text(), "ZeroDivisionError: integer division or modulo by zero");
    cr_assert_eq(int_mod(ts, big, small_int_val(0)), CS_ERR);
    cr_assert_str_eq(exc_text(), "ZeroDivisionError: integer modulo by zero");
}

Test(int, shifts) {
    cr_assert_str_eq(text(int_lshift(ts, small_int_val(1), small_int_val(100))),
                     "1267650600228229401496703205376");
    cr_assert_str_eq(text(int_rshift(ts, small_int_val(-1), small_int_val(100))), "-1");
    cr_assert_str_eq(text(int_rshift(ts, small_int_val(-5), small_int_val(1))), "-3");
    cr_assert_str_eq(
        text(int_rshift(ts, parse("-1267650600228229401496703205377"), small_int_val(100))), "-2");
    cr_assert_eq(int_lshift(ts, small_int_val(1), small_int_val(-1)), CS_ERR);
    cr_assert_str_eq(exc_text(), "ValueError: negative shift count");
    cr_assert_str_eq(text(int_lshift(ts, small_int_val(0), parse("10000000000000000000000"))), "0");
}

Test(int, powers) {
    cr_assert_str_eq(text(int_pow(ts, small_int_val(2), small_int_val(100), CS_NONE)),
                     "1267650600228229401496703205376");
    cr_assert_str_eq(text(int_pow(ts, small_int_val(-3), small_int_val(3), CS_NONE)), "-27");
    cr_assert_str_eq(text(int_pow(ts, small_int_val(2), small_int_val(-1), CS_NONE)), "0.5");
    cr_assert_str_eq(text(int_pow(ts, small_int_val(3), small_int_val(-1), small_int_val(7))), "5");
    cr_assert_str_eq(text(int_pow(ts, small_int_val(-2), small_int_val(3), small_int_val(-5))),
                     "-3");
    cr_assert_eq(int_pow(ts, small_int_val(0), small_int_val(-1), CS_NONE), CS_ERR);
    cr_assert_str_eq(exc_text(), "ZeroDivisionError: 0.0 cannot be raised to a negative power");
    cr_assert_eq(int_pow(ts, small_int_val(2), small_int_val(-1), small_int_val(4)), CS_ERR);
    cr_assert_str_eq(exc_text(), "ValueError: base is not invertible for the given modulus");
    cr_assert_eq(int_pow(ts, small_int_val(2), small_int_val(3), small_int_val(0)), CS_ERR);
    cr_assert_str_eq(exc_text(), "ValueError: pow() 3rd argument cannot be 0");
}

Test(int, round_with_negative_digits_is_bankers) {
    cr_assert_str_eq(text(int_round(ts, small_int_val(25), small_int_val(-1))), "20");
    cr_assert_str_eq(text(int_round(ts, small_int_val(35), small_int_val(-1))), "40");
    cr_assert_str_eq(text(int_round(ts, small_int_val(-35), small_int_val(-1))), "-40");
    cr_assert_str_eq(text(int_round(ts, small_int_val(1255), small_int_val(-1))), "1260");
    cr_assert_str_eq(text(int_round(ts, small_int_val(7), small_int_val(2))), "7");
    cr_assert_str_eq(text(int_round(ts, small_int_val(5), parse("-100000000000000000000"))), "0");
}

// ---------------------------------------------------------------------------
// Hashing and comparison

Test(int, hash_matches_cpython) {
    cr_assert_eq(int_hash(small_int_val(1)), 1);
    cr_assert_eq(int_hash(small_int_val(-1)), -2);
    cr_assert_eq(int_hash(small_int_val(-2)), -2);
    cr_assert_eq(int_hash(CS_TRUE), 1);
    cr_assert_eq(int_hash(parse("2305843009213693951")), 0); // 2**61 - 1
    cr_assert_eq(int_hash(parse("2305843009213693952")), 1);
    cr_assert_eq(int_hash(parse("-2305843009213693952")), -2);
    cr_assert_eq(int_hash(parse("123456789012345678901234567890")), 248789772095949448);
    cr_assert_eq(int_hash(small_int_val(1)), float_hash(1.0));
    cr_assert_eq(int_hash(parse("9007199254740992")), float_hash(9007199254740992.0));
    cr_assert_eq(int_hash(small_int_val(-1)), float_hash(-1.0));
}

Test(int, compare_with_doubles_is_exact) {
    Value p53 = parse("9007199254740993"); // 2**53 + 1
    cr_assert_eq(int_compare_double(p53, 9007199254740992.0), 1);
    cr_assert_eq(int_compare_double(p53, 9007199254740994.0), -1);
    Value huge = parse("1"
                       "000000000000000000000000000000000000000000000000000000000000000"
                       "000000000000000000000000000000000000000000000000000000000000000000"
                       "000000000000000000000000000000000000000000000000000000000000000000"
                       "000000000000000000000000000000000000000000000000000000000000000000"
                       "000000000000000000000000000000000000000000000000000000000000000000");
    cr_assert_eq(int_compare_double(huge, 1e308), 1);
    cr_assert_eq(int_compare_double(huge, HUGE_VAL), -1);
    cr_assert_eq(int_compare_double(small_int_val(3), 3.5), -1);
    cr_assert_eq(int_compare_double(small_int_val(-3), -3.0), 0);
    cr_assert_eq(int_compare_double(small_int_val(0), NAN), 2);
    cr_assert_eq(int_compare(parse("-100000000000000000000"), small_int_val(-5)), -1);
}

// ---------------------------------------------------------------------------
// Conversion to double

Test(int, to_double_rounds_half_even) {
    cr_assert_eq(int_as_double(ts, parse("9007199254740993")), 9007199254740992.0);
    cr_assert_eq(int_as_double(ts, parse("9007199254740995")), 9007199254740996.0);
    cr_assert_eq(int_as_double(ts, parse("18014398509481987")), 18014398509481988.0);
    int64_t bits = 1025;
    mpz_t z;
    mpz_init_set_ui(z, 1);
    mpz_mul_2exp(z, z, (mp_bitcnt_t)bits - 1);
    bool overflow;
    cr_assert(isinf(int_mpz_ldexp(z, 0, &overflow)));
    cr_assert(overflow);
    mpz_set_ui(z, 1);
    cr_assert_eq(int_mpz_ldexp(z, -1074, &overflow), 5e-324);
    cr_assert_eq(int_mpz_ldexp(z, -1075, &overflow), 0.0, "a tie rounds to even (zero)");
    mpz_set_ui(z, 3);
    cr_assert_eq(int_mpz_ldexp(z, -1076, &overflow), 5e-324);
    mpz_clear(z);
    cr_assert_eq(int_as_double(ts, parse("1"
                                         "000000000000000000000000000000000000000000000000"
                                         "00000000000000000000000000000000000000000000000000"
                                         "00000000000000000000000000000000000000000000000000"
                                         "00000000000000000000000000000000000000000000000000"
                                         "00000000000000000000000000000000000000000000000000"
                                         "00000000000000000000000000000000000000000000000000"
                                         "0000000000000")),
                 -1.0);
    cr_assert_str_eq(exc_text(), "OverflowError: int too large to convert to float");
}

Test(int, true_division_is_correctly_rounded) {
    Value a = parse("1"
                    "0000000000000000000000000000000000000000000000000000000000");
    Value b = parse("3"
                    "000000000000000000000000000000000000000000000000000000000");
    cr_assert_str_eq(text(int_truediv(ts, a, b)), "3.3333333333333335");
    cr_assert_str_eq(text(int_truediv(ts, small_int_val(1), small_int_val(3))),
                     "0.3333333333333333");
    cr_assert_str_eq(text(int_truediv(ts, small_int_val(0), small_int_val(-5))), "-0.0");
    cr_assert_eq(int_truediv(ts, small_int_val(1), small_int_val(0)), CS_ERR);
    cr_assert_str_eq(exc_text(), "ZeroDivisionError: division by zero");
}

// ---------------------------------------------------------------------------
// Text

Test(int, parse_cpython_syntax) {
    cr_assert_str_eq(text(int_from_string(ts, " -0x_1F ", 8, 0)), "-31");
    cr_assert_str_eq(text(int_from_string(ts, "1_000", 5, 10)), "1000");
    cr_assert_str_eq(text(int_from_string(ts, "000", 3, 0)), "0");
    cr_assert_str_eq(text(int_from_string(ts, "Zz", 2, 36)), "1295");
    cr_assert_str_eq(text(int_from_string(ts, "\xd9\xa1\xd9\xa2", 4, 10)), "12");
    const char *bad[] = {"", "1__0", "_1", "1_", "0777", "0x", "- 1", "4.5", "0x__1"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        cr_assert_eq(int_from_string(ts, bad[i], strlen(bad[i]), 0), CS_ERR, "%s", bad[i]);
        exc_clear(ts);
    }
    cr_assert_eq(int_from_string(ts, "abc", 3, 10), CS_ERR);
    cr_assert_str_eq(exc_text(), "ValueError: invalid literal for int() with base 10: 'abc'");
}

Test(int, literals_from_the_front_end) {
    cr_assert_str_eq(text(int_from_literal(ts, "ff", 2, 16)), "255");
    cr_assert_str_eq(text(int_from_literal(ts, "0b1", 3, 16)), "177"); // 0x0b1
    cr_assert_str_eq(text(int_from_literal(ts, "0b", 2, 16)), "11");   // 0x0b
    cr_assert_str_eq(text(int_from_literal(ts, "1_0", 3, 10)), "10");
    cr_assert_str_eq(text(int_from_literal(ts, "777", 3, 8)), "511");
    cr_assert_str_eq(text(int_from_literal(ts, "99999999999999999999", 20, 10)),
                     "99999999999999999999");
}

Test(int, to_str_in_bases) {
    Value s = int_to_str(ts, small_int_val(-255), 16);
    cr_assert_str_eq(str_cstr(s), "-0xff");
    cr_assert_str_eq(str_cstr(int_to_str(ts, small_int_val(5), 2)), "0b101");
    cr_assert_str_eq(str_cstr(int_to_str(ts, small_int_val(8), 8)), "0o10");
    cr_assert_str_eq(str_cstr(int_to_str(ts, small_int_val(0), 16)), "0x0");
    cr_assert_str_eq(str_cstr(int_to_str(ts, parse("-18446744073709551616"), 16)),
                     "-0x10000000000000000");
}

Test(int, max_str_digits_limit) {
    char digits[5001];
    memset(digits, '7', 5000);
    digits[5000] = '\0';
    cr_assert_eq(int_from_string(ts, digits, 5000, 10), CS_ERR);
    cr_assert_str_eq(exc_text(), "ValueError: Exceeds the limit (4300 digits) for integer string "
                                 "conversion: value has 5000 digits; use "
                                 "sys.set_int_max_str_digits() to increase the limit");
    cr_assert_neq(int_from_string(ts, digits, 5000, 16), CS_ERR, "powers of two are exempt");
    cr_assert_eq(int_set_max_str_digits(ts, 0), 0);
    Value big = int_from_string(ts, digits, 5000, 10);
    cr_assert_neq(big, CS_ERR);
    cr_assert_eq(int_set_max_str_digits(ts, 4300), 0);
    cr_assert_eq(int_to_str(ts, big, 10), CS_ERR);
    cr_assert_str_eq(exc_text(), "ValueError: Exceeds the limit (4300 digits) for integer string "
                                 "conversion; use sys.set_int_max_str_digits() to increase the "
                                 "limit");
    cr_assert_eq(int_set_max_str_digits(ts, 5), -1);
    cr_assert_str_eq(exc_text(), "ValueError: maxdigits must be 0 or larger than 640");
    cr_assert_eq(int_get_max_str_digits(), 4300);
}

// ---------------------------------------------------------------------------
// Format specs

static FormatSpec spec(const char *s) {
    FormatSpec fs;
    cr_assert_eq(format_spec_parse_ex(ts, s, strlen(s), "int", 'd', &fs), 0, "%s", s);
    return fs;
}

Test(format, parse_every_field) {
    FormatSpec fs = spec("*^+#012,.3f");
    cr_assert_str_eq(fs.fill, "*");
    cr_assert_eq(fs.align, '^');
    cr_assert_eq(fs.sign, '+');
    cr_assert(fs.alternate);
    cr_assert(!fs.zero, "a given fill makes '0' part of the width");
    cr_assert_eq(fs.width, 12);
    cr_assert_eq(fs.grouping, ',');
    cr_assert_eq(fs.precision, 3);
    cr_assert_eq(fs.type, 'f');
    fs = spec("");
    cr_assert_str_eq(fs.fill, " ");
    cr_assert_eq(fs.align, 0);
    cr_assert_eq(fs.width, -1);
    cr_assert_eq(fs.precision, -1);
    cr_assert_eq(fs.type, 0);
}

Test(format, zero_flag_and_unicode_fill) {
    FormatSpec fs = spec("08");
    cr_assert(fs.zero);
    cr_assert_str_eq(fs.fill, "0");
    cr_assert_eq(fs.align, 0, "alignment stays the type's default");
    cr_assert_eq(fs.width, 8);
    fs = spec("\xc3\xa9>5");
    cr_assert_str_eq(fs.fill, "\xc3\xa9");
    cr_assert_eq(fs.align, '>');
    fs = spec("z.2");
    cr_assert(fs.no_neg_zero);
    fs = spec("_x");
    cr_assert_eq(fs.grouping, '_');
}

Test(format, parse_errors_match_cpython) {
    FormatSpec fs;
    cr_assert_eq(format_spec_parse_ex(ts, "abc", 3, "int", 'd', &fs), -1);
    cr_assert_str_eq(exc_text(),
                     "ValueError: Invalid format specifier 'abc' for object of type 'int'");
    cr_assert_eq(format_spec_parse(ts, ".", 1, &fs), -1);
    cr_assert_str_eq(exc_text(), "ValueError: Format specifier missing precision");
    cr_assert_eq(format_spec_parse(ts, ",_", 2, &fs), -1);
    cr_assert_str_eq(exc_text(), "ValueError: Cannot specify both ',' and '_'.");
    cr_assert_eq(format_spec_parse(ts, ",", 1, &fs), -1);
    cr_assert_str_eq(exc_text(), "ValueError: Cannot specify ',' with 's'.");
    cr_assert_eq(format_spec_parse_ex(ts, ",b", 2, "int", 'd', &fs), -1);
    cr_assert_str_eq(exc_text(), "ValueError: Cannot specify ',' with 'b'.");
    cr_assert_eq(format_spec_parse_ex(ts, "99999999999999999999", 20, "int", 'd', &fs), -1);
    cr_assert_str_eq(exc_text(), "ValueError: Too many decimal digits in format string");
}

static const char *fmt_int(Value v, const char *s) {
    Value r = int_format(ts, v, str_from_cstr(ts, s));
    if (r == CS_ERR) {
        return exc_text();
    }
    return str_cstr(r);
}

Test(format, integers) {
    cr_assert_str_eq(fmt_int(small_int_val(255), "#06x"), "0x00ff");
    cr_assert_str_eq(fmt_int(small_int_val(12), "b"), "1100");
    cr_assert_str_eq(fmt_int(small_int_val(-5), "+d"), "-5");
    cr_assert_str_eq(fmt_int(small_int_val(5), "=+6"), "+    5");
    cr_assert_str_eq(fmt_int(small_int_val(1234), "010,"), "00,001,234");
    cr_assert_str_eq(fmt_int(small_int_val(-1234567), "_"), "-1_234_567");
    cr_assert_str_eq(fmt_int(small_int_val(255), "#_b"), "0b1111_1111");
    cr_assert_str_eq(fmt_int(small_int_val(65), "c"), "A");
    cr_assert_str_eq(fmt_int(CS_TRUE, ""), "True");
    cr_assert_str_eq(fmt_int(CS_TRUE, ">5"), "    1");
    cr_assert_str_eq(fmt_int(small_int_val(3), "%"), "300.000000%");
    cr_assert_str_eq(fmt_int(small_int_val(5), ".2"),
                     "ValueError: Precision not allowed in integer format specifier");
    cr_assert_str_eq(fmt_int(small_int_val(5), "q"),
                     "ValueError: Unknown format code 'q' for object of type 'int'");
    cr_assert_str_eq(fmt_int(small_int_val(-1), "c"),
                     "OverflowError: %c arg not in range(0x110000)");
    cr_assert_str_eq(fmt_int(parse("18446744073709551616"), ","), "18,446,744,073,709,551,616");
}

Test(format, pad_strings_and_numbers) {
    FormatSpec fs;
    cr_assert_eq(format_spec_parse(ts, "*^7", 3, &fs), 0);
    cr_assert_str_eq(str_cstr(format_pad(ts, &fs, "ab", 2, 2, '<')), "**ab***");
    cr_assert_eq(format_spec_parse(ts, "05", 2, &fs), 0);
    cr_assert_str_eq(str_cstr(format_pad(ts, &fs, "ab", 2, 2, '<')), "ab000");
    cr_assert_eq(format_spec_parse(ts, "\xc3\xa9>4", 4, &fs), 0);
    cr_assert_str_eq(str_cstr(format_pad(ts, &fs, "x", 1, 1, '<')), "\xc3\xa9\xc3\xa9\xc3\xa9x");
    cr_assert_eq(format_spec_parse(ts, "2", 1, &fs), 0);
    cr_assert_str_eq(str_cstr(format_pad(ts, &fs, "abc", 3, 3, '<')), "abc");
}
