// int and bool: small ints are immediate (vm/value.h); larger ones are
// BigIntObj backed by GMP. bool is a subclass of int whose two values are
// the immediates CS_TRUE and CS_FALSE. Invariant: a BigIntObj of exact type
// int never holds a value that fits the small range.
#ifndef CS_VM_INT_H
#define CS_VM_INT_H

#include <gmp.h>

#include "vm/object.h"

typedef struct BigIntObj {
    Obj hdr;
    mpz_t z;
} BigIntObj;

// True for every int: small, big, bool, and instances of int subclasses.
bool int_check(Value v);
// True only for small ints, big ints of exact type int (not bool).
bool int_check_exact(Value v);

// Constructors (allocate only outside the small range).
Value int_from_i64(ThreadState *ts, int64_t i);
Value int_from_u64(ThreadState *ts, uint64_t u);
Value int_from_mpz(ThreadState *ts, const mpz_t z); // copies z, normalises to small
// int(float): OverflowError "cannot convert float infinity to integer",
// ValueError "cannot convert float NaN to integer".
Value int_from_double(ThreadState *ts, double d);
// Parses CPython's int() text syntax (sign, whitespace, underscores, base 0
// prefixes); ValueError "invalid literal for int() with base 10: 'abc'".
Value int_from_string(ThreadState *ts, const char *s, size_t len, int base);
// Literal from the front end: digits without underscores, base 2/8/10/16.
Value int_from_literal(ThreadState *ts, const char *digits, size_t len, int base);

// Conversions. Each returns -1 and raises OverflowError ("Python int too large
// to convert to C long") when out of range; callers check ts_has_exc.
int int_as_i64(ThreadState *ts, Value v, int64_t *out);
double int_as_double(ThreadState *ts, Value v); // OverflowError "int too large to convert to float"
// Sets z (initialised by the caller) to the value of any int.
void int_to_mpz(Value v, mpz_t z);
int int_sign(Value v); // -1, 0, 1

// Arithmetic on ints (any of them bool or small or big). These never return
// NotImplemented: both operands must be ints.
Value int_add(ThreadState *ts, Value a, Value b);
Value int_sub(ThreadState *ts, Value a, Value b);
Value int_mul(ThreadState *ts, Value a, Value b);
// ZeroDivisionError "integer division or modulo by zero"
Value int_floordiv(ThreadState *ts, Value a, Value b);
// ZeroDivisionError "integer modulo by zero"
Value int_mod(ThreadState *ts, Value a, Value b);
// A float; ZeroDivisionError "division by zero".
Value int_truediv(ThreadState *ts, Value a, Value b);
// mod CS_NONE if absent; a negative exponent gives a float.
Value int_pow(ThreadState *ts, Value a, Value b, Value mod);
Value int_lshift(ThreadState *ts, Value a, Value b);
Value int_rshift(ThreadState *ts, Value a, Value b);
Value int_neg(ThreadState *ts, Value a);
int int_compare(Value a, Value b); // -1, 0, 1
int64_t int_hash(Value v);         // CPython's numeric hash (mod 2**61 - 1)
// "0x1f" style prefix for 2/8/16, plain for 10.
Value int_to_str(ThreadState *ts, Value v, int base);
Value int_format(ThreadState *ts, Value v, Value spec); // format(v, spec)

// Helpers shared with vm/float.c and the math module.
// -1, 0, 1 comparing an int with a double exactly (huge ints too); 2 when d is nan.
int int_compare_double(Value i, double d);
// m * 2**exp correctly rounded to a double (round-half-even, subnormals);
// *overflow set (result inf) when it exceeds the double range. No exceptions.
double int_mpz_ldexp(const mpz_t m, int64_t exp, bool *overflow);
// divmod(a, b) of two ints as a tuple (q, r); ZeroDivisionError.
Value int_divmod(ThreadState *ts, Value a, Value b);
// round(int, ndigits) with ndigits an int (banker's rounding when negative).
Value int_round(ThreadState *ts, Value v, Value ndigits);
// The exact int a Value of int type holds (copies int subclass instances and
// bools to plain ints).
Value int_exact(ThreadState *ts, Value v);

// float: a plain float is an immediate double (vm/value.h); instances of
// float subclasses (class X(float)) are FloatObj with the subclass type.
typedef struct FloatObj {
    Obj hdr;
    double value;
} FloatObj;
// True for immediate floats and instances of float subclasses.
bool float_check(Value v);
// The double of a float_check value.
double float_value(Value v);
// float ** float with CPython's special cases and errors ("0.0 cannot be
// raised to a negative power", OverflowError (34, 'Numerical result out of range')).
Value float_pow_d(ThreadState *ts, double a, double b);

// float <-> text (vm/float.c)
Value float_repr_str(ThreadState *ts, double d); // shortest round-trip: "0.1", "1e+16", "inf"
void float_repr_buf(double d, char *buf, size_t n);
// ValueError "could not convert string to float: 'x'".
Value float_from_string(ThreadState *ts, const char *s, size_t len);
Value float_format(ThreadState *ts, double d, Value spec);
int64_t float_hash(double d);
// float() of any value: float, int, __float__, __index__, str.
Value float_from_value(ThreadState *ts, Value v);
// A C double from a float or int (TypeError "must be real number, not str").
int float_as_double(ThreadState *ts, Value v, double *out);

// Shared helpers for format specs: parses
// [[fill]align][sign][z][#][0][width][grouping][.precision][type].
typedef struct FormatSpec {
    char fill[5]; // UTF-8 of the fill character (default " ")
    char align;   // '<', '>', '^', '=' or 0 (default for the type)
    char sign;    // '+', '-', ' ' or 0
    bool alternate;
    bool zero;
    ssize_t width;     // -1 if absent
    char grouping;     // ',', '_' or 0
    ssize_t precision; // -1 if absent
    char type;         // 0 if absent (0x7f: a non-ASCII type character)
    bool no_neg_zero;  // 'z': coerce negative zero to zero (floats only)
} FormatSpec;
// Parses a spec for a str value (type name "str", default type 's'): the
// ValueErrors of CPython 3.11 ("Invalid format specifier 'abc' for object of
// type 'str'", "Format specifier missing precision", "Cannot specify ',' with
// 's'."). A '0' before the width (when no fill is given) sets zero and fill
// "0" but leaves align 0, so strings keep their default '<' alignment.
int format_spec_parse(ThreadState *ts, const char *spec, size_t len, FormatSpec *out);
// The same for any type: type_name goes into messages, default_type is the
// type assumed when absent (for the ',' / '_' check; out->type stays 0).
int format_spec_parse_ex(ThreadState *ts, const char *spec, size_t len, const char *type_name,
                         char default_type, FormatSpec *out);
// Pads `body` (UTF-8, nchars code points) to the spec's width and alignment.
Value format_pad(ThreadState *ts, const FormatSpec *fs, const char *body, size_t len, size_t nchars,
                 char default_align);
// Lays out a formatted number as CPython does: sign (from `negative` and the
// spec), prefix ("0x"), the integer digits (grouped every group_size digits
// with fs->grouping when both are set; zero-padded when the fill is '0' and
// alignment '='), then rest (decimal point, fraction, exponent, '%'; UTF-8),
// padded to the width. Default alignment is '>' ('=' with the '0' flag).
Value format_number(ThreadState *ts, const FormatSpec *fs, bool negative, const char *prefix,
                    const char *digits, size_t ndigits, const char *rest, size_t nrest,
                    int group_size);
// The "Unknown format code 'q' for object of type 'int'" ValueError.
Value format_unknown_code(ThreadState *ts, char code, const char *type_name);

// Formatting with a parsed spec (format(), str.format, f-strings, and the
// str engineer's % operator may call these directly).
Value int_format_spec(ThreadState *ts, Value v, const FormatSpec *fs);
Value float_format_spec(ThreadState *ts, double d, const FormatSpec *fs);

// CPython's PyOS_double_to_string: code 'e' 'E' 'f' 'F' 'g' 'G' or 'r'
// (repr; precision ignored), flags FLOAT_FMT_*. Returns a malloc'd
// NUL-terminated ASCII string (free() it), or NULL when out of memory.
// Never raises.
enum {
    FLOAT_FMT_SIGN = 1u << 0,      // always add a sign
    FLOAT_FMT_ADD_DOT_0 = 1u << 1, // "1.0" rather than "1" for integral values
    FLOAT_FMT_ALT = 1u << 2,       // '#': keep the decimal point and trailing zeros
    FLOAT_FMT_NO_NEG_0 = 1u << 3,  // 'z'
};
char *float_to_cstr(double d, char code, int precision, unsigned flags);

// sys.set_int_max_str_digits / get: 0 disables the limit (default 4300).
// The setter raises ValueError "maxdigits must be 0 or larger than 640".
int int_set_max_str_digits(ThreadState *ts, int64_t maxdigits);
int64_t int_get_max_str_digits(void);

#endif
