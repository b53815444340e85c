// int and bool: 48-bit small ints are immediates (vm/value.h); larger ones
// are BigIntObj on GMP, and so are instances of int subclasses. Arithmetic,
// exact int/float conversion and comparison, CPython's numeric hash, text
// conversion, and the int and bool types. Formatting layout is vm/format.c.
#include "vm/int.h"

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/bytes.h"
#include "vm/exc.h"
#include "vm/func.h"
#include "vm/gc.h"
#include "vm/list.h"
#include "vm/names.h"
#include "vm/state.h"
#include "vm/str.h"
#include "vm/unicode.h"

#define HASH_BITS 61
#define HASH_MOD  ((UINT64_C(1) << HASH_BITS) - 1)
#define HASH_INF  314159

// sys.set_int_max_str_digits (CPython 3.11's default and lower bound).
#define MAX_STR_DIGITS_DEFAULT 4300
#define MAX_STR_DIGITS_MIN     640
static int64_t max_str_digits = MAX_STR_DIGITS_DEFAULT;

// ---------------------------------------------------------------------------
// GMP memory goes through the collector's counted allocator, so that big
// ints (whose limbs dwarf their headers) drive collections. Mixing with the
// default allocator is harmless: both end in malloc/free.

static void *gmp_alloc(size_t n) {
    ThreadState *ts = ts_current();
    void *p = ts ? gc_xmalloc(ts, n) : malloc(n);
    if (!p) {
        fputs("cs: fatal error: out of memory in big-int arithmetic\n", stderr);
        abort();
    }
    return p;
}

static void *gmp_realloc(void *p, size_t old, size_t n) {
    ThreadState *ts = ts_current();
    void *np = ts ? gc_xrealloc(ts, p, old, n) : realloc(p, n);
    if (!np) {
        fputs("cs: fatal error: out of memory in big-int arithmetic\n", stderr);
        abort();
    }
    return np;
}

static void gmp_free(void *p, size_t n) {
    (void)n;
    free(p);
}

static void gmp_hooks(void) {
    static bool done;
    if (!done) {
        done = true;
        mp_set_memory_functions(gmp_alloc, gmp_realloc, gmp_free);
    }
}

// ---------------------------------------------------------------------------
// Representation helpers

// Small ints and bools are the two immediate forms of int; everything else
// that passes int_check is a BigIntObj (big values and subclass instances).
static inline bool is_smallish(Value v) {
    return is_small_int(v) || is_bool(v);
}

static inline int64_t smallish(Value v) {
    return is_small_int(v) ? as_small_int(v) : (int64_t)(v == CS_TRUE);
}

static inline BigIntObj *as_big(Value v) {
    return (BigIntObj *)as_obj(v);
}

// A read-only mpz for any int, without allocating (small values use one
// limb kept in the view).
typedef struct MpzView {
    mpz_t z;
    mp_limb_t limb;
} MpzView;

static mpz_srcptr view_of(Value v, MpzView *vw) {
    if (is_obj(v)) {
        return as_big(v)->z;
    }
    int64_t i = smallish(v);
    vw->limb = (mp_limb_t)(i < 0 ? -(uint64_t)i : (uint64_t)i);
    mpz_roinit_n(vw->z, &vw->limb, i < 0 ? -1 : (i > 0 ? 1 : 0));
    return vw->z;
}

// A zeroed big int of the given type (int, or an int subclass whose
// basicsize covers the instance dict the type machinery appends).
static BigIntObj *new_big(ThreadState *ts, TypeObj *type) {
    gmp_hooks();
    BigIntObj *o = gc_alloc(ts, type, type->basicsize);
    mpz_init(o->z);
    return o;
}

// Whether z fits the 48-bit immediate range (the normalisation test).
static bool mpz_small(mpz_srcptr z, int64_t *out) {
    if (!mpz_fits_slong_p(z)) {
        return false;
    }
    long i = mpz_get_si(z);
    *out = i;
    return small_int_fits(i);
}

// Turns a computed mpz into an int, taking over (and clearing) r.
static Value take_result(ThreadState *ts, mpz_t r) {
    int64_t i;
    if (mpz_small(r, &i)) {
        mpz_clear(r);
        return small_int_val(i);
    }
    BigIntObj *o = new_big(ts, &type_int);
    mpz_swap(o->z, r);
    mpz_clear(r);
    return obj_val(o);
}

// bool and user subclasses carry TYPE_INT_SUBCLASS, so one flag test
// recognises every int that is not an immediate.
bool int_check(Value v) {
    return is_small_int(v) || is_bool(v) ||
           (is_obj(v) && (as_obj(v)->type->flags & TYPE_INT_SUBCLASS));
}

bool int_check_exact(Value v) {
    return is_small_int(v) || (is_obj(v) && as_obj(v)->type == &type_int);
}

Value int_from_i64(ThreadState *ts, int64_t i) {
    if (small_int_fits(i)) {
        return small_int_val(i);
    }
    BigIntObj *o = new_big(ts, &type_int);
    mpz_set_si(o->z, (long)i);
    return obj_val(o);
}

Value int_from_u64(ThreadState *ts, uint64_t u) {
    if (u <= (uint64_t)SMALL_INT_MAX) {
        return small_int_val((int64_t)u);
    }
    BigIntObj *o = new_big(ts, &type_int);
    mpz_import(o->z, 1, 1, sizeof u, 0, 0, &u);
    return obj_val(o);
}

Value int_from_mpz(ThreadState *ts, const mpz_t z) {
    int64_t i;
    if (mpz_small(z, &i)) {
        return small_int_val(i);
    }
    BigIntObj *o = new_big(ts, &type_int);
    mpz_set(o->z, z);
    return obj_val(o);
}

// Truncates towards zero as int(x) does; values beyond 2**47 go through
// mpz_set_d, which is exact for any finite double.
Value int_from_double(ThreadState *ts, double d) {
    if (isinf(d)) {
        return exc_raise(ts, exc_OverflowError, "cannot convert float infinity to integer");
    }
    if (isnan(d)) {
        return exc_raise(ts, exc_ValueError, "cannot convert float NaN to integer");
    }
    double t = trunc(d);
    if (fabs(t) <= (double)SMALL_INT_MAX) {
        return small_int_val((int64_t)t);
    }
    BigIntObj *o = new_big(ts, &type_int);
    mpz_set_d(o->z, t);
    return obj_val(o);
}

Value int_exact(ThreadState *ts, Value v) {
    if (is_smallish(v)) {
        return small_int_val(smallish(v));
    }
    if (as_obj(v)->type == &type_int) {
        return v;
    }
    return int_from_mpz(ts, as_big(v)->z);
}

// ---------------------------------------------------------------------------
// Conversions

// Ints of any size that fit a C long; OverflowError otherwise (callers
// that need an index use obj_as_index, which words it differently).
int int_as_i64(ThreadState *ts, Value v, int64_t *out) {
    if (is_smallish(v)) {
        *out = smallish(v);
        return 0;
    }
    mpz_srcptr z = as_big(v)->z;
    if (!mpz_fits_slong_p(z)) {
        *out = -1;
        return exc_raise_int(ts, exc_OverflowError, "Python int too large to convert to C long");
    }
    *out = mpz_get_si(z);
    return 0;
}

void int_to_mpz(Value v, mpz_t z) {
    MpzView vw;
    mpz_set(z, view_of(v, &vw));
}

int int_sign(Value v) {
    if (is_smallish(v)) {
        int64_t i = smallish(v);
        return (i > 0) - (i < 0);
    }
    return mpz_sgn(as_big(v)->z);
}

// One rounding from an exact integer times a power of two: keep the top
// 53 bits (fewer in the subnormal range), then round half to even using
// the first dropped bit and a sticky bit for everything below it. Used for
// int -> float, int / int, float.fromhex and round() with negative digits.
double int_mpz_ldexp(const mpz_t m, int64_t exp, bool *overflow) {
    *overflow = false;
    if (mpz_sgn(m) == 0) {
        return 0.0;
    }
    int64_t n = (int64_t)mpz_sizeinbase(m, 2);
    // Keep 53 significant bits, fewer when the result is subnormal.
    int64_t keep = n + exp + 1074;
    keep = keep < DBL_MANT_DIG ? keep : DBL_MANT_DIG;
    int64_t shift = n - keep;
    mpz_t a;
    mpz_init(a);
    mpz_abs(a, m);
    uint64_t q;
    if (shift <= 0) {
        q = mpz_get_ui(a) << -shift;
    } else {
        bool half = mpz_tstbit(a, (mp_bitcnt_t)(shift - 1));
        bool sticky = mpz_scan1(a, 0) < (mp_bitcnt_t)(shift - 1);
        mpz_tdiv_q_2exp(a, a, (mp_bitcnt_t)shift);
        q = mpz_sgn(a) ? mpz_get_ui(a) : 0;
        if (half && (sticky || (q & 1))) {
            q++;
        }
    }
    mpz_clear(a);
    int64_t e = exp + shift;
    double r;
    if (q != 0 && e + 64 - __builtin_clzll(q) > DBL_MAX_EXP) {
        *overflow = true;
        r = HUGE_VAL;
    } else {
        r = ldexp((double)q, (int)(e < -2000 ? -2000 : e));
    }
    return mpz_sgn(m) < 0 ? -r : r;
}

// Correctly rounded like CPython's PyLong_AsDouble (mpz_get_d truncates,
// which would make float(2**53 + 3) wrong).
double int_as_double(ThreadState *ts, Value v) {
    if (is_smallish(v)) {
        return (double)smallish(v);
    }
    bool overflow;
    double d = int_mpz_ldexp(as_big(v)->z, 0, &overflow);
    if (overflow) {
        exc_raise(ts, exc_OverflowError, "int too large to convert to float");
        return -1.0;
    }
    return d;
}

// ---------------------------------------------------------------------------
// Arithmetic

// Sums of two 48-bit values cannot overflow int64, so the small path needs
// no check beyond int_from_i64's range test.
Value int_add(ThreadState *ts, Value a, Value b) {
    if (is_smallish(a) && is_smallish(b)) {
        return int_from_i64(ts, smallish(a) + smallish(b));
    }
    MpzView va, vb;
    mpz_t r;
    mpz_init(r);
    mpz_add(r, view_of(a, &va), view_of(b, &vb));
    return take_result(ts, r);
}

Value int_sub(ThreadState *ts, Value a, Value b) {
    if (is_smallish(a) && is_smallish(b)) {
        return int_from_i64(ts, smallish(a) - smallish(b));
    }
    MpzView va, vb;
    mpz_t r;
    mpz_init(r);
    mpz_sub(r, view_of(a, &va), view_of(b, &vb));
    return take_result(ts, r);
}

// The small path uses the compiler's overflow builtin; a product that
// overflows int64 (or leaves the small range) is redone exactly in GMP.
Value int_mul(ThreadState *ts, Value a, Value b) {
    int64_t r64;
    if (is_smallish(a) && is_smallish(b) &&
        !__builtin_mul_overflow(smallish(a), smallish(b), &r64)) {
        return int_from_i64(ts, r64);
    }
    MpzView va, vb;
    mpz_t r;
    mpz_init(r);
    mpz_mul(r, view_of(a, &va), view_of(b, &vb));
    return take_result(ts, r);
}

// C division truncates; Python's floors. Adjust when the signs differ and
// the division is inexact.
static int64_t floordiv64(int64_t x, int64_t y) {
    int64_t q = x / y;
    if (x % y != 0 && ((x < 0) != (y < 0))) {
        q--;
    }
    return q;
}

// The remainder takes the divisor's sign, matching floordiv64.
static int64_t mod64(int64_t x, int64_t y) {
    int64_t r = x % y;
    if (r != 0 && ((r < 0) != (y < 0))) {
        r += y;
    }
    return r;
}

// a // b, flooring (mpz_fdiv_q). ZeroDivisionError wording is CPython's.
Value int_floordiv(ThreadState *ts, Value a, Value b) {
    if (int_sign(b) == 0) {
        return exc_raise(ts, exc_ZeroDivisionError, "integer division or modulo by zero");
    }
    if (is_smallish(a) && is_smallish(b)) {
        return int_from_i64(ts, floordiv64(smallish(a), smallish(b)));
    }
    MpzView va, vb;
    mpz_t r;
    mpz_init(r);
    mpz_fdiv_q(r, view_of(a, &va), view_of(b, &vb));
    return take_result(ts, r);
}

// a % b with the divisor's sign. 3.11 words the zero case differently
// from //: "integer modulo by zero".
Value int_mod(ThreadState *ts, Value a, Value b) {
    if (int_sign(b) == 0) {
        return exc_raise(ts, exc_ZeroDivisionError, "integer modulo by zero");
    }
    if (is_smallish(a) && is_smallish(b)) {
        return small_int_val(mod64(smallish(a), smallish(b)));
    }
    MpzView va, vb;
    mpz_t r;
    mpz_init(r);
    mpz_fdiv_r(r, view_of(a, &va), view_of(b, &vb));
    return take_result(ts, r);
}

Value int_divmod(ThreadState *ts, Value a, Value b) {
    if (int_sign(b) == 0) {
        return exc_raise(ts, exc_ZeroDivisionError, "integer division or modulo by zero");
    }
    Value q = int_floordiv(ts, a, b);
    if (q == CS_ERR) {
        return CS_ERR;
    }
    Value r = int_mod(ts, a, b);
    if (r == CS_ERR) {
        return CS_ERR;
    }
    return tuple_pack(ts, 2, q, r);
}

// Correctly rounded a / b for big operands: a quotient of at least 55 bits
// plus a sticky bit for the remainder, then one rounding.
static double big_truediv(mpz_srcptr a, mpz_srcptr b, bool *overflow) {
    int64_t na = (int64_t)mpz_sizeinbase(a, 2), nb = (int64_t)mpz_sizeinbase(b, 2);
    int64_t s = nb - na + 55;
    mpz_t num, den, q, r;
    mpz_inits(num, den, q, r, NULL);
    mpz_abs(num, a);
    mpz_abs(den, b);
    if (s > 0) {
        mpz_mul_2exp(num, num, (mp_bitcnt_t)s);
    } else {
        mpz_mul_2exp(den, den, (mp_bitcnt_t)-s);
    }
    mpz_tdiv_qr(q, r, num, den);
    // An inexact quotient gets a low 1 bit, below the rounding position.
    mpz_mul_2exp(q, q, 1);
    if (mpz_sgn(r)) {
        mpz_setbit(q, 0);
    }
    if (mpz_sgn(a) * mpz_sgn(b) < 0) {
        mpz_neg(q, q);
    }
    double d = int_mpz_ldexp(q, -s - 1, overflow);
    mpz_clears(num, den, q, r, NULL);
    return d;
}

// a / b rounded once, as CPython's long_true_divide: exact for small
// operands, big_truediv otherwise.
Value int_truediv(ThreadState *ts, Value a, Value b) {
    if (int_sign(b) == 0) {
        return exc_raise(ts, exc_ZeroDivisionError, "division by zero");
    }
    if (is_smallish(a) && is_smallish(b)) {
        // Both fit in 53 bits, so one IEEE division rounds correctly.
        return float_val((double)smallish(a) / (double)smallish(b));
    }
    if (int_sign(a) == 0) {
        return float_val(int_sign(b) < 0 ? -0.0 : 0.0);
    }
    MpzView va, vb;
    bool overflow;
    double d = big_truediv(view_of(a, &va), view_of(b, &vb), &overflow);
    if (overflow) {
        return exc_raise(ts, exc_OverflowError, "integer division result too large for a float");
    }
    return float_val(d);
}

// Exponentiation by squaring in int64 while it does not overflow, then
// GMP from the start (the operands are small, recomputing is cheap).
static Value int_pow_small(ThreadState *ts, int64_t base, uint64_t e) {
    int64_t result = 1;
    int64_t b = base;
    uint64_t n = e;
    while (n) {
        if ((n & 1) && __builtin_mul_overflow(result, b, &result)) {
            goto big;
        }
        n >>= 1;
        if (n && __builtin_mul_overflow(b, b, &b)) {
            goto big;
        }
    }
    return int_from_i64(ts, result);
big:;
    mpz_t r;
    mpz_init(r);
    mpz_set_si(r, (long)base);
    mpz_pow_ui(r, r, (unsigned long)e);
    return take_result(ts, r);
}

// pow(a, b, m): the result has the sign of m (Python's modulo), and a
// negative exponent means the modular inverse (3.8+), if it exists.
static Value int_powmod(ThreadState *ts, Value a, Value b, Value mod) {
    if (!int_check(mod)) {
        return exc_raise(ts, exc_TypeError,
                         "pow() 3rd argument not allowed unless all arguments are integers");
    }
    if (int_sign(mod) == 0) {
        return exc_raise(ts, exc_ValueError, "pow() 3rd argument cannot be 0");
    }
    MpzView va, vb, vm;
    mpz_t m, base, r;
    mpz_inits(m, base, r, NULL);
    mpz_abs(m, view_of(mod, &vm));
    mpz_set(base, view_of(a, &va));
    mpz_srcptr e = view_of(b, &vb);
    if (mpz_sgn(e) < 0) {
        if (!mpz_invert(base, base, m) && mpz_cmp_ui(m, 1) != 0) {
            mpz_clears(m, base, r, NULL);
            return exc_raise(ts, exc_ValueError, "base is not invertible for the given modulus");
        }
        mpz_t ne;
        mpz_init(ne);
        mpz_neg(ne, e);
        mpz_powm(r, base, ne, m);
        mpz_clear(ne);
    } else {
        mpz_powm(r, base, e, m);
    }
    mpz_mod(r, r, m);
    if (int_sign(mod) < 0 && mpz_sgn(r) != 0) {
        mpz_sub(r, r, m);
    }
    mpz_clears(m, base, NULL);
    return take_result(ts, r);
}

// Negative exponents give floats (2 ** -1 == 0.5) through the float rules,
// so 0 ** -1 raises the float message. Exponents beyond 2**40 bits of
// result cannot be held and raise MemoryError, except for bases 0, 1, -1.
Value int_pow(ThreadState *ts, Value a, Value b, Value mod) {
    if (mod != CS_NONE) {
        return int_powmod(ts, a, b, mod);
    }
    if (int_sign(b) < 0) {
        double x = int_as_double(ts, a);
        if (x == -1.0 && ts_has_exc(ts)) {
            return CS_ERR;
        }
        double y = int_as_double(ts, b);
        if (y == -1.0 && ts_has_exc(ts)) {
            return CS_ERR;
        }
        return float_pow_d(ts, x, y);
    }
    if (is_smallish(b) && is_smallish(a)) {
        return int_pow_small(ts, smallish(a), (uint64_t)smallish(b));
    }
    MpzView va, vb;
    mpz_srcptr base = view_of(a, &va);
    mpz_srcptr e = view_of(b, &vb);
    if (mpz_cmpabs_ui(base, 1) <= 0) {
        // 0, 1 and -1 to any power, however large.
        if (mpz_sgn(base) >= 0) {
            return small_int_val(mpz_sgn(base) == 0 ? (mpz_sgn(e) == 0) : 1);
        }
        return small_int_val(mpz_odd_p(e) ? -1 : 1);
    }
    if (!mpz_fits_ulong_p(e) || mpz_get_ui(e) > (UINT64_C(1) << 40)) {
        return exc_no_memory(ts);
    }
    mpz_t r;
    mpz_init(r);
    mpz_pow_ui(r, base, mpz_get_ui(e));
    return take_result(ts, r);
}

// The shift count of a << b or a >> b: -1 with ValueError when negative;
// *huge when it does not fit 62 bits.
static int shift_count(ThreadState *ts, Value b, uint64_t *count, bool *huge) {
    if (int_sign(b) < 0) {
        return exc_raise_int(ts, exc_ValueError, "negative shift count");
    }
    *huge = false;
    if (is_smallish(b)) {
        *count = (uint64_t)smallish(b);
        return 0;
    }
    mpz_srcptr z = as_big(b)->z;
    if (mpz_sizeinbase(z, 2) > 62) {
        *huge = true;
        *count = 0;
        return 0;
    }
    *count = mpz_get_ui(z);
    return 0;
}

// A zero shifted any amount is zero; other huge counts overflow as in
// CPython ("too many digits in integer").
Value int_lshift(ThreadState *ts, Value a, Value b) {
    uint64_t n = 0;
    bool huge = false;
    if (shift_count(ts, b, &n, &huge) < 0) {
        return CS_ERR;
    }
    if (int_sign(a) == 0) {
        return small_int_val(0);
    }
    if (huge) {
        return exc_raise(ts, exc_OverflowError, "too many digits in integer");
    }
    int64_t r64;
    if (is_smallish(a) && n < 63 && !__builtin_mul_overflow(smallish(a), INT64_C(1) << n, &r64)) {
        return int_from_i64(ts, r64);
    }
    if (n > (UINT64_C(1) << 40)) {
        return exc_no_memory(ts);
    }
    MpzView va;
    mpz_t r;
    mpz_init(r);
    mpz_mul_2exp(r, view_of(a, &va), (mp_bitcnt_t)n);
    return take_result(ts, r);
}

// Arithmetic shift, flooring (-5 >> 1 == -3); shifting out every bit gives
// 0 or -1.
Value int_rshift(ThreadState *ts, Value a, Value b) {
    uint64_t n = 0;
    bool huge = false;
    if (shift_count(ts, b, &n, &huge) < 0) {
        return CS_ERR;
    }
    int sign = int_sign(a);
    if (is_smallish(a)) {
        if (huge || n >= 63) {
            return small_int_val(sign < 0 ? -1 : 0);
        }
        return small_int_val(smallish(a) >> n);
    }
    if (huge || n >= mpz_sizeinbase(as_big(a)->z, 2)) {
        return small_int_val(sign < 0 ? -1 : 0);
    }
    mpz_t r;
    mpz_init(r);
    mpz_fdiv_q_2exp(r, as_big(a)->z, (mp_bitcnt_t)n);
    return take_result(ts, r);
}

Value int_neg(ThreadState *ts, Value a) {
    if (is_smallish(a)) {
        return int_from_i64(ts, -smallish(a));
    }
    mpz_t r;
    mpz_init(r);
    mpz_neg(r, as_big(a)->z);
    return take_result(ts, r);
}

// ~x == -x - 1 (mpz_com is two's complement on infinite precision).
static Value int_invert(ThreadState *ts, Value a) {
    if (is_smallish(a)) {
        return int_from_i64(ts, ~smallish(a));
    }
    mpz_t r;
    mpz_init(r);
    mpz_com(r, as_big(a)->z);
    return take_result(ts, r);
}

static Value int_abs(ThreadState *ts, Value a) {
    if (is_smallish(a)) {
        int64_t i = smallish(a);
        return int_from_i64(ts, i < 0 ? -i : i);
    }
    mpz_t r;
    mpz_init(r);
    mpz_abs(r, as_big(a)->z);
    return take_result(ts, r);
}

typedef enum { BIT_AND, BIT_OR, BIT_XOR } BitOp;

// &, |, ^ act on infinite two's complement; for two 48-bit values the
// result is again a 48-bit value, so the small path needs no check.
static Value int_bitop(ThreadState *ts, Value a, Value b, BitOp op) {
    if (is_smallish(a) && is_smallish(b)) {
        int64_t x = smallish(a), y = smallish(b);
        return small_int_val(op == BIT_AND ? (x & y) : op == BIT_OR ? (x | y) : (x ^ y));
    }
    MpzView va, vb;
    mpz_t r;
    mpz_init(r);
    mpz_srcptr x = view_of(a, &va), y = view_of(b, &vb);
    if (op == BIT_AND) {
        mpz_and(r, x, y);
    } else if (op == BIT_OR) {
        mpz_ior(r, x, y);
    } else {
        mpz_xor(r, x, y);
    }
    return take_result(ts, r);
}

// round(v, ndigits): v itself for ndigits >= 0, else the nearest multiple of
// 10**-ndigits with ties to even.
Value int_round(ThreadState *ts, Value v, Value ndigits) {
    if (int_sign(ndigits) >= 0) {
        return int_exact(ts, v);
    }
    MpzView vv, vn;
    mpz_srcptr x = view_of(v, &vv);
    mpz_srcptr nd = view_of(ndigits, &vn);
    size_t digits = mpz_sizeinbase(x, 10);
    if (mpz_cmpabs_ui(nd, (unsigned long)digits + 1) > 0) {
        return small_int_val(0); // 10**-ndigits exceeds 2*|v|
    }
    mpz_t m, q, r;
    mpz_inits(m, q, r, NULL);
    mpz_ui_pow_ui(m, 10, (unsigned long)-mpz_get_si(nd));
    mpz_fdiv_qr(q, r, x, m);
    mpz_mul_2exp(r, r, 1);
    int c = mpz_cmp(r, m);
    if (c > 0 || (c == 0 && mpz_odd_p(q))) {
        mpz_add_ui(q, q, 1);
    }
    mpz_mul(q, q, m);
    mpz_clears(m, r, NULL);
    return take_result(ts, q);
}

// ---------------------------------------------------------------------------
// Comparison and hashing

// -1, 0, 1 for any two ints (bools and subclasses included).
int int_compare(Value a, Value b) {
    if (is_smallish(a) && is_smallish(b)) {
        int64_t x = smallish(a), y = smallish(b);
        return (x > y) - (x < y);
    }
    MpzView va, vb;
    int c = mpz_cmp(view_of(a, &va), view_of(b, &vb));
    return (c > 0) - (c < 0);
}

// Exact: never converts the int to a double (2**53 + 1 > 2.0**53). A big
// int is compared with floor(d), and equality leaves only d's fraction.
int int_compare_double(Value i, double d) {
    if (isnan(d)) {
        return 2;
    }
    if (is_smallish(i)) {
        double x = (double)smallish(i); // exact: small ints have 48 bits
        return (x > d) - (x < d);
    }
    if (isinf(d)) {
        return d > 0 ? -1 : 1;
    }
    double fl = floor(d);
    mpz_t t;
    mpz_init_set_d(t, fl);
    int c = mpz_cmp(as_big(i)->z, t);
    mpz_clear(t);
    if (c != 0) {
        return (c > 0) - (c < 0);
    }
    return d > fl ? -1 : 0;
}

// CPython's numeric hash: the value modulo 2**61 - 1, with the sign of the
// value, and -1 (reserved for errors) mapped to -2. Equal ints and floats
// hash alike because float_hash reduces the same way.
int64_t int_hash(Value v) {
    int64_t h;
    if (is_smallish(v)) {
        h = smallish(v); // |v| < 2**47 < the modulus
    } else {
        mpz_srcptr z = as_big(v)->z;
        h = (int64_t)mpz_tdiv_ui(z, (unsigned long)HASH_MOD);
        if (mpz_sgn(z) < 0) {
            h = -h;
        }
    }
    return h == -1 ? -2 : h;
}

static Value cmp_result(int c, CmpOp op) {
    switch (op) {
    case CMP_LT:
        return bool_val(c < 0);
    case CMP_LE:
        return bool_val(c <= 0);
    case CMP_EQ:
        return bool_val(c == 0);
    case CMP_NE:
        return bool_val(c != 0);
    case CMP_GT:
        return bool_val(c > 0);
    default:
        return bool_val(c >= 0);
    }
}

// ---------------------------------------------------------------------------
// Text

// CPython 3.11's guard against quadratic-time decimal conversions
// (CVE-2020-10735): limit, 0 for none, at least 640 otherwise. Process-wide,
// like the rest of the number machinery's configuration.
int int_set_max_str_digits(ThreadState *ts, int64_t maxdigits) {
    if (maxdigits != 0 && maxdigits < MAX_STR_DIGITS_MIN) {
        return exc_raise_int(ts, exc_ValueError, "maxdigits must be 0 or larger than %d",
                             MAX_STR_DIGITS_MIN);
    }
    max_str_digits = maxdigits;
    return 0;
}

int64_t int_get_max_str_digits(void) {
    return max_str_digits;
}

static Value raise_str_limit(ThreadState *ts) {
    return exc_raise(ts, exc_ValueError,
                     "Exceeds the limit (%ld digits) for integer string conversion; "
                     "use sys.set_int_max_str_digits() to increase the limit",
                     (long)max_str_digits);
}

// The magnitude of v in base (2..36), lowercase, into a malloc'd string.
// Returns NULL with an exception (limit exceeded, no memory).
static char *magnitude_digits(ThreadState *ts, Value v, int base, size_t *len) {
    char *buf;
    if (is_smallish(v)) {
        int64_t i = smallish(v);
        uint64_t u = i < 0 ? -(uint64_t)i : (uint64_t)i;
        char tmp[72];
        size_t n = 0;
        do {
            tmp[n++] = "0123456789abcdefghijklmnopqrstuvwxyz"[u % (unsigned)base];
            u /= (unsigned)base;
        } while (u);
        buf = malloc(n + 1);
        if (!buf) {
            return exc_no_memory(ts), NULL;
        }
        for (size_t k = 0; k < n; k++) {
            buf[k] = tmp[n - 1 - k];
        }
        buf[n] = '\0';
        *len = n;
        return buf;
    }
    mpz_srcptr z = as_big(v)->z;
    size_t est = mpz_sizeinbase(z, base);
    if (base == 10 && max_str_digits > 0 && est > (size_t)max_str_digits + 1) {
        return raise_str_limit(ts), NULL;
    }
    buf = malloc(est + 2);
    if (!buf) {
        return exc_no_memory(ts), NULL;
    }
    mpz_t a;
    mpz_roinit_n(a, mpz_limbs_read(z), (mp_size_t)mpz_size(z));
    mpz_get_str(buf, base, a);
    *len = strlen(buf);
    if (base == 10 && max_str_digits > 0 && *len > (size_t)max_str_digits) {
        free(buf);
        return raise_str_limit(ts), NULL;
    }
    return buf;
}

// repr/str for base 10; hex()/oct()/bin() for 16/8/2, the prefix after the
// sign ("-0xff").
Value int_to_str(ThreadState *ts, Value v, int base) {
    if (is_small_int(v) && base == 10) {
        char tmp[24];
        int n = snprintf(tmp, sizeof tmp, "%ld", (long)as_small_int(v));
        return str_new(ts, tmp, (size_t)n);
    }
    size_t n;
    char *digits = magnitude_digits(ts, v, base, &n);
    if (!digits) {
        return CS_ERR;
    }
    const char *prefix = base == 16 ? "0x" : base == 8 ? "0o" : base == 2 ? "0b" : "";
    bool neg = int_sign(v) < 0;
    size_t np = strlen(prefix);
    char *out = malloc(n + np + 2);
    if (!out) {
        free(digits);
        return exc_no_memory(ts);
    }
    size_t k = 0;
    if (neg) {
        out[k++] = '-';
    }
    memcpy(out + k, prefix, np);
    memcpy(out + k + np, digits, n);
    Value r = str_new(ts, out, k + np + n);
    free(out);
    free(digits);
    return r;
}

// Raises "invalid literal for int() with base 10: 'abc'": the repr of the
// text, cut to 200 characters as CPython's %.200R.
static Value raise_bad_literal(ThreadState *ts, const char *s, size_t len, int base) {
    Value text = str_new(ts, s, len);
    if (text == CS_ERR) {
        return CS_ERR;
    }
    Value r = str_repr(ts, text);
    if (r == CS_ERR) {
        return CS_ERR;
    }
    StrObj *rs = as_str(r);
    size_t cut = rs->nchars > 200 ? str_offset_of(rs, 200) : rs->len;
    char *c = malloc(cut + 1);
    if (!c) {
        return exc_no_memory(ts);
    }
    memcpy(c, rs->data, cut);
    c[cut] = '\0';
    exc_raise(ts, exc_ValueError, "invalid literal for int() with base %d: %s", base, c);
    free(c);
    return CS_ERR;
}

static int digit_value(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'z') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'Z') {
        return c - 'A' + 10;
    }
    return 99;
}

static bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

// Copies text into ASCII: Unicode decimal digits become '0'..'9' and Unicode
// spaces ' ' (as CPython does before parsing numbers); other non-ASCII
// characters become '?'. Returns a malloc'd NUL-terminated copy or NULL.
static char *ascii_number_text(const char *s, size_t len, size_t *outlen) {
    char *out = malloc(len + 1);
    if (!out) {
        return NULL;
    }
    size_t k = 0;
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            out[k++] = c == 0 ? '?' : (char)c;
            i++;
            continue;
        }
        uint32_t cp;
        size_t n = utf8_decode(s + i, len - i, &cp);
        if (n == 0) {
            n = 1;
            cp = 0xFFFD;
        }
        int d = unicode_decimal(cp);
        out[k++] = d >= 0 ? (char)('0' + d) : unicode_isspace(cp) ? ' ' : '?';
        i += n;
    }
    out[k] = '\0';
    *outlen = k;
    return out;
}

// Strips the sign, base prefix and underscores of CPython's int() syntax;
// writes the bare digits to `digits`. Returns the base, or -1 if invalid.
static int scan_int_text(const char *p, int base, char *digits, size_t *ndigits, bool *neg) {
    while (is_space(*p)) {
        p++;
    }
    *neg = *p == '-';
    if (*p == '+' || *p == '-') {
        p++;
    }
    bool old_octal = false;
    if (base == 0) {
        char c = p[0] ? p[1] : '\0'; // p[1] exists only after a non-NUL p[0]
        if (p[0] != '0') {
            base = 10;
        } else if (c == 'x' || c == 'X') {
            base = 16;
        } else if (c == 'o' || c == 'O') {
            base = 8;
        } else if (c == 'b' || c == 'B') {
            base = 2;
        } else {
            old_octal = true; // "0777" is invalid; "000" is fine
            base = 10;
        }
    }
    if (p[0] == '0' && ((base == 16 && (p[1] == 'x' || p[1] == 'X')) ||
                        (base == 8 && (p[1] == 'o' || p[1] == 'O')) ||
                        (base == 2 && (p[1] == 'b' || p[1] == 'B')))) {
        p += 2;
        if (*p == '_') {
            p++; // one underscore may follow the prefix
        }
    }
    if (*p == '_') {
        return -1;
    }
    size_t n = 0;
    char prev = 0;
    for (; *p; p++) {
        if (*p == '_') {
            if (prev == '_') {
                return -1;
            }
        } else if (digit_value(*p) < base) {
            if (old_octal && *p != '0') {
                return -1;
            }
            digits[n++] = *p;
        } else {
            break;
        }
        prev = *p;
    }
    if (prev == '_' || n == 0) {
        return -1;
    }
    while (is_space(*p)) {
        p++;
    }
    digits[n] = '\0';
    *ndigits = n;
    return *p ? -1 : base;
}

// Up to 12 digits of any base (14 for base <= 10) fit int64 without
// overflow, the common case of int('42'); longer text goes to GMP.
static Value int_from_clean_digits(ThreadState *ts, const char *digits, size_t n, int base,
                                   bool neg) {
    if (n <= 12 || (base <= 10 && n <= 14)) {
        int64_t acc = 0;
        for (size_t i = 0; i < n; i++) {
            acc = acc * base + digit_value(digits[i]);
        }
        return int_from_i64(ts, neg ? -acc : acc);
    }
    gmp_hooks();
    mpz_t r;
    mpz_init(r);
    mpz_set_str(r, digits, base);
    if (neg) {
        mpz_neg(r, r);
    }
    return take_result(ts, r);
}

// The whole int() text conversion (Unicode digits and spaces allowed, the
// digit limit for non-power-of-two bases); *bad reports a syntax error so
// the caller words the message for str or bytes input.
static Value parse_int(ThreadState *ts, const char *s, size_t len, int base, bool *bad) {
    *bad = false;
    size_t alen = 0;
    char *ascii = ascii_number_text(s, len, &alen);
    char *digits = ascii ? malloc(alen + 1) : NULL;
    if (!digits) {
        free(ascii);
        return exc_no_memory(ts);
    }
    size_t n = 0;
    bool neg = false;
    int b = scan_int_text(ascii, base, digits, &n, &neg);
    Value r = CS_ERR;
    if (b < 0) {
        *bad = true;
    } else if ((b & (b - 1)) != 0 && max_str_digits > 0 && n > (size_t)max_str_digits) {
        exc_raise(ts, exc_ValueError,
                  "Exceeds the limit (%ld digits) for integer string conversion: value has %zu "
                  "digits; use sys.set_int_max_str_digits() to increase the limit",
                  (long)max_str_digits, n);
    } else {
        r = int_from_clean_digits(ts, digits, n, b, neg);
    }
    free(ascii);
    free(digits);
    return r;
}

// int(str, base): the error message shows the repr of the whole original
// text, cut at 200 characters.
Value int_from_string(ThreadState *ts, const char *s, size_t len, int base) {
    bool bad;
    Value r = parse_int(ts, s, len, base, &bad);
    if (bad) {
        return raise_bad_literal(ts, s, len, base);
    }
    return r;
}

// The parser strips the base prefix, so "0b1" here is the hex literal 0x0b1.
Value int_from_literal(ThreadState *ts, const char *digits, size_t len, int base) {
    char *clean = malloc(len + 1);
    if (!clean) {
        return exc_no_memory(ts);
    }
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        if (digits[i] != '_') {
            clean[n++] = digits[i];
        }
    }
    clean[n] = '\0';
    size_t skip = 0;
    while (skip + 1 < n && clean[skip] == '0') {
        skip++;
    }
    Value r = int_from_clean_digits(ts, clean + skip, n - skip, base, false);
    free(clean);
    return r;
}

// ---------------------------------------------------------------------------
// Formatting

// Format type 'c': the code point as one character, no sign or '#'.
static Value format_int_char(ThreadState *ts, Value v, const FormatSpec *fs) {
    if (fs->sign) {
        return exc_raise(ts, exc_ValueError, "Sign not allowed with integer format specifier 'c'");
    }
    if (fs->alternate) {
        return exc_raise(ts, exc_ValueError,
                         "Alternate form (#) not allowed with integer format specifier 'c'");
    }
    int64_t x;
    if (int_as_i64(ts, v, &x) < 0) {
        return CS_ERR;
    }
    if (x < 0 || x > 0x10ffff) {
        return exc_raise(ts, exc_OverflowError, "%%c arg not in range(0x110000)");
    }
    char buf[4];
    size_t n = utf8_encode((uint32_t)x, buf);
    return format_number(ts, fs, false, "", "", 0, buf, n, 0);
}

// d b o x X n: the magnitude's digits, an optional 0b/0o/0x prefix, and
// grouping every 3 decimal or 4 binary/octal/hex digits ('n' never groups
// in the C locale).
static Value format_int_digits(ThreadState *ts, Value v, const FormatSpec *fs) {
    char t = fs->type ? fs->type : 'd';
    int base = t == 'b' ? 2 : t == 'o' ? 8 : (t == 'x' || t == 'X') ? 16 : 10;
    size_t n;
    char *digits = magnitude_digits(ts, v, base, &n);
    if (!digits) {
        return CS_ERR;
    }
    const char *prefix = "";
    if (fs->alternate) {
        prefix = t == 'b' ? "0b" : t == 'o' ? "0o" : t == 'x' ? "0x" : t == 'X' ? "0X" : "";
    }
    if (t == 'X') {
        for (size_t i = 0; i < n; i++) {
            if (digits[i] >= 'a') {
                digits[i] = (char)(digits[i] - 'a' + 'A');
            }
        }
    }
    int group = t == 'n' ? 0 : base == 10 ? 3 : 4;
    Value r = format_number(ts, fs, int_sign(v) < 0, prefix, digits, n, "", 0, group);
    free(digits);
    return r;
}

// Float presentation types convert to float first, as CPython does
// (format(10**400, 'e') is an OverflowError).
Value int_format_spec(ThreadState *ts, Value v, const FormatSpec *fs) {
    switch (fs->type) {
    case 0:
    case 'd':
    case 'n':
    case 'b':
    case 'o':
    case 'x':
    case 'X':
    case 'c':
        break;
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
    case '%': {
        double d = int_as_double(ts, v);
        if (d == -1.0 && ts_has_exc(ts)) {
            return CS_ERR;
        }
        return float_format_spec(ts, d, fs);
    }
    default:
        return format_unknown_code(ts, fs->type, obj_type_name(v));
    }
    if (fs->precision != -1) {
        return exc_raise(ts, exc_ValueError, "Precision not allowed in integer format specifier");
    }
    if (fs->no_neg_zero) {
        return exc_raise(ts, exc_ValueError,
                         "Negative zero coercion (z) not allowed in integer format specifier");
    }
    if (fs->type == 'c') {
        return format_int_char(ts, v, fs);
    }
    return format_int_digits(ts, v, fs);
}

// An empty spec is str(v), which matters for bool ("True") and for
// subclasses with their own __str__.
Value int_format(ThreadState *ts, Value v, Value spec) {
    StrObj *s = as_str(spec);
    if (s->len == 0) {
        return int_check_exact(v) ? int_to_str(ts, v, 10) : obj_str(ts, v);
    }
    FormatSpec fs;
    if (format_spec_parse_ex(ts, s->data, s->len, obj_type_name(v), 'd', &fs) < 0) {
        return CS_ERR;
    }
    return int_format_spec(ts, v, &fs);
}

// ---------------------------------------------------------------------------
// Slots of type int

#define INT_BINOP(name, expr)                                                                      \
    static Value name(ThreadState *ts, Value a, Value b) {                                         \
        if (!int_check(a) || !int_check(b)) {                                                      \
            return CS_NOTIMPL_VAL;                                                                 \
        }                                                                                          \
        return expr;                                                                               \
    }

INT_BINOP(slot_add, int_add(ts, a, b))
INT_BINOP(slot_sub, int_sub(ts, a, b))
INT_BINOP(slot_mul, int_mul(ts, a, b))
INT_BINOP(slot_truediv, int_truediv(ts, a, b))
INT_BINOP(slot_floordiv, int_floordiv(ts, a, b))
INT_BINOP(slot_mod, int_mod(ts, a, b))
INT_BINOP(slot_pow, int_pow(ts, a, b, CS_NONE))
INT_BINOP(slot_lshift, int_lshift(ts, a, b))
INT_BINOP(slot_rshift, int_rshift(ts, a, b))
INT_BINOP(slot_and, int_bitop(ts, a, b, BIT_AND))
INT_BINOP(slot_or, int_bitop(ts, a, b, BIT_OR))
INT_BINOP(slot_xor, int_bitop(ts, a, b, BIT_XOR))

static Value slot_pos(ThreadState *ts, Value a) {
    return int_exact(ts, a);
}

static Value slot_float(ThreadState *ts, Value a) {
    double d = int_as_double(ts, a);
    if (d == -1.0 && ts_has_exc(ts)) {
        return CS_ERR;
    }
    return float_val(d);
}

static Value slot_repr(ThreadState *ts, Value v) {
    return int_to_str(ts, v, 10);
}

static int64_t slot_hash(ThreadState *ts, Value v) {
    return int_hash(v);
}

static int slot_truthy(ThreadState *ts, Value v) {
    return int_sign(v) != 0;
}

// Only int vs int: comparisons with floats return NotImplemented so float's
// slot answers (reflected), exactly as CPython's long_richcompare.
static Value slot_compare(ThreadState *ts, Value a, Value b, CmpOp op) {
    if (!int_check(a)) {
        return CS_NOTIMPL_VAL;
    }
    if (int_check(b)) {
        return cmp_result(int_compare(a, b), op);
    }
    return CS_NOTIMPL_VAL; // int vs float is float's job, as in CPython
}

// Also runs for objects whose construction failed before mpz_init: a
// zeroed mpz has no limbs to free.
static void slot_finalize(Obj *o) {
    BigIntObj *b = (BigIntObj *)o;
    if (b->z->_mp_d) {
        mpz_clear(b->z);
    }
}

// int(x) of a non-string: __int__, __index__, then __trunc__ (CPython's
// PyNumber_Long).
static Value int_of_number(ThreadState *ts, Value x) {
    if (int_check_exact(x)) {
        return x;
    }
    TypeObj *t = type_of(x);
    Value r;
    if (t->to_int) {
        r = t->to_int(ts, x);
        if (r == CS_ERR || int_check_exact(r)) {
            return r;
        }
        if (!int_check(r)) {
            return exc_raise(ts, exc_TypeError, "__int__ returned non-int (type %T)", r);
        }
        return int_exact(ts, r);
    }
    if (t->index) {
        return obj_index(ts, x);
    }
    Value trunc = obj_lookup_attr(ts, x, STR_NAME(ts, __trunc__));
    if (trunc == CS_ERR) {
        return CS_ERR;
    }
    if (trunc != CS_UNBOUND) {
        r = obj_call0(ts, trunc);
        if (r == CS_ERR || int_check_exact(r)) {
            return r;
        }
        if (int_check(r)) {
            return int_exact(ts, r);
        }
        if (!type_of(r)->index) {
            return exc_raise(ts, exc_TypeError, "__trunc__ returned non-Integral (type %T)", r);
        }
        return obj_index(ts, r);
    }
    return CS_UNBOUND;
}

// int(str/bytes/bytearray, base); bytes errors show the bytes repr of at
// most 200 octets.
static Value int_of_text(ThreadState *ts, Value x, int base) {
    if (str_check(x)) {
        return int_from_string(ts, as_str(x)->data, as_str(x)->len, base);
    }
    const unsigned char *data;
    size_t len;
    if (bytes_view(ts, x, &data, &len) < 0) {
        return CS_ERR;
    }
    bool bad;
    Value r = parse_int(ts, (const char *)data, len, base, &bad);
    if (bad) {
        Value shown = bytes_new(ts, data, len < 200 ? len : 200);
        if (shown == CS_ERR) {
            return CS_ERR;
        }
        return exc_raise(ts, exc_ValueError, "invalid literal for int() with base %d: %R", base,
                         shown);
    }
    return r;
}

static bool is_text(Value x) {
    return str_check(x) || bytes_check(x) || type_of(x) == &type_bytearray;
}

// int(x=0, base=10): CPython's long_new_impl, argument by argument.
static Value int_construct(ThreadState *ts, Value x, Value obase) {
    if (x == CS_UNBOUND) {
        if (obase != CS_UNBOUND) {
            return exc_raise(ts, exc_TypeError, "int() missing string argument");
        }
        return small_int_val(0);
    }
    if (obase == CS_UNBOUND) {
        Value r = is_text(x) ? CS_UNBOUND : int_of_number(ts, x);
        if (r != CS_UNBOUND) {
            return r;
        }
        if (is_text(x)) {
            return int_of_text(ts, x, 10);
        }
        return exc_raise(ts, exc_TypeError,
                         "int() argument must be a string, a bytes-like object or a real number, "
                         "not '%T'",
                         x);
    }
    ssize_t base = obj_as_index(ts, obase);
    if (base == -1 && ts_has_exc(ts)) {
        return CS_ERR;
    }
    if ((base != 0 && base < 2) || base > 36) {
        return exc_raise(ts, exc_ValueError, "int() base must be >= 2 and <= 36, or 0");
    }
    if (!is_text(x)) {
        return exc_raise(ts, exc_TypeError, "int() can't convert non-string with explicit base");
    }
    return int_of_text(ts, x, (int)base);
}

// Parsed by hand to keep CPython's messages: x is positional-only, base
// may be a keyword. Subclasses get a BigIntObj of their type even for
// small values.
static Value int_tp_new(ThreadState *ts, TypeObj *type, const Value *args, size_t nargs,
                        TupleObj *kwnames) {
    Value x = nargs > 0 ? args[0] : CS_UNBOUND;
    Value base = nargs > 1 ? args[1] : CS_UNBOUND;
    size_t nkw = kwnames ? kwnames->len : 0;
    if (nargs + nkw > 2) {
        return exc_raise(ts, exc_TypeError, "int() takes at most 2 arguments (%zu given)",
                         nargs + nkw);
    }
    for (size_t i = 0; i < nkw; i++) {
        Value name = kwnames->items[i];
        if (!str_equal_cstr(as_str(name), "base")) {
            return exc_raise(ts, exc_TypeError, "%R is an invalid keyword argument for int()",
                             name);
        }
        if (base != CS_UNBOUND) {
            return exc_raise(ts, exc_TypeError,
                             "argument for int() given by name ('base') and position (2)");
        }
        base = args[nargs + i];
    }
    Value r = int_construct(ts, x, base);
    if (r == CS_ERR || type == &type_int) {
        return r;
    }
    BigIntObj *o = new_big(ts, type);
    MpzView vw;
    mpz_set(o->z, view_of(r, &vw));
    return obj_val(o);
}

// ---------------------------------------------------------------------------
// Methods of int

static Value raise_no_args(ThreadState *ts, const char *name, size_t nargs) {
    return exc_raise(ts, exc_TypeError, "%s() takes no arguments (%zu given)", name, nargs);
}

#define NOARGS(fname)                                                                              \
    if (nargs != 0 || (kwnames && kwnames->len)) {                                                 \
        return raise_no_args(ts, fname, nargs + (kwnames ? kwnames->len : 0));                     \
    }

static Value m_bit_length(ThreadState *ts, Value self, const Value *args, size_t nargs,
                          TupleObj *kwnames) {
    NOARGS("int.bit_length");
    if (is_smallish(self)) {
        int64_t i = smallish(self);
        uint64_t u = i < 0 ? -(uint64_t)i : (uint64_t)i;
        return small_int_val(u ? 64 - __builtin_clzll(u) : 0);
    }
    return int_from_u64(ts, mpz_sizeinbase(as_big(self)->z, 2));
}

static Value m_bit_count(ThreadState *ts, Value self, const Value *args, size_t nargs,
                         TupleObj *kwnames) {
    NOARGS("int.bit_count");
    if (is_smallish(self)) {
        int64_t i = smallish(self);
        return small_int_val(__builtin_popcountll(i < 0 ? -(uint64_t)i : (uint64_t)i));
    }
    mpz_srcptr z = as_big(self)->z;
    mpz_t a;
    mpz_roinit_n(a, mpz_limbs_read(z), (mp_size_t)mpz_size(z));
    return int_from_u64(ts, mpz_popcount(a));
}

static Value m_exact(ThreadState *ts, Value self, const Value *args, size_t nargs,
                     TupleObj *kwnames) {
    NOARGS("int.conjugate");
    return int_exact(ts, self);
}

static Value m_as_integer_ratio(ThreadState *ts, Value self, const Value *args, size_t nargs,
                                TupleObj *kwnames) {
    NOARGS("int.as_integer_ratio");
    Value n = int_exact(ts, self);
    if (n == CS_ERR) {
        return CS_ERR;
    }
    return tuple_pack(ts, 2, n, small_int_val(1));
}

static Value m_abs(ThreadState *ts, Value self, const Value *args, size_t nargs,
                   TupleObj *kwnames) {
    NOARGS("int.__abs__");
    return int_abs(ts, self);
}

static Value m_round(ThreadState *ts, Value self, const Value *args, size_t nargs,
                     TupleObj *kwnames) {
    if (arg_no_kw(ts, "__round__", kwnames) < 0 || arg_count(ts, "__round__", nargs, 0, 1) < 0) {
        return CS_ERR;
    }
    if (nargs == 0 || args[0] == CS_NONE) {
        return int_exact(ts, self);
    }
    Value nd = obj_index(ts, args[0]);
    if (nd == CS_ERR) {
        return CS_ERR;
    }
    return int_round(ts, self, nd);
}

static Value m_format(ThreadState *ts, Value self, const Value *args, size_t nargs,
                      TupleObj *kwnames) {
    if (arg_no_kw(ts, "__format__", kwnames) < 0 || arg_count(ts, "__format__", nargs, 1, 1) < 0) {
        return CS_ERR;
    }
    if (!str_check(args[0])) {
        return exc_raise(ts, exc_TypeError, "__format__() argument must be str, not %T", args[0]);
    }
    return int_format(ts, self, args[0]);
}

static Value m_divmod(ThreadState *ts, Value self, const Value *args, size_t nargs,
                      TupleObj *kwnames) {
    if (arg_no_kw(ts, "__divmod__", kwnames) < 0 || arg_count(ts, "__divmod__", nargs, 1, 1) < 0) {
        return CS_ERR;
    }
    return int_check(args[0]) ? int_divmod(ts, self, args[0]) : CS_NOTIMPL_VAL;
}

static Value m_rdivmod(ThreadState *ts, Value self, const Value *args, size_t nargs,
                       TupleObj *kwnames) {
    if (arg_no_kw(ts, "__rdivmod__", kwnames) < 0 ||
        arg_count(ts, "__rdivmod__", nargs, 1, 1) < 0) {
        return CS_ERR;
    }
    return int_check(args[0]) ? int_divmod(ts, args[0], self) : CS_NOTIMPL_VAL;
}

// byteorder argument of to_bytes/from_bytes: 1 little, 0 big, -1 raised.
static int parse_byteorder(ThreadState *ts, const char *fname, Value v) {
    if (v == CS_UNBOUND) {
        return 0;
    }
    if (!str_check(v)) {
        return exc_raise_int(ts, exc_TypeError, "%s() argument 'byteorder' must be str, not %T",
                             fname, v);
    }
    if (str_equal_cstr(as_str(v), "little")) {
        return 1;
    }
    if (str_equal_cstr(as_str(v), "big")) {
        return 0;
    }
    return exc_raise_int(ts, exc_ValueError, "byteorder must be either 'little' or 'big'");
}

static int parse_signed(ThreadState *ts, Value v) {
    return v == CS_UNBOUND ? 0 : obj_truthy(ts, v);
}

// Two's complement bytes of v (len bytes, big-endian) into out; -1 raised.
static int to_twos_complement(ThreadState *ts, Value v, size_t len, bool is_signed,
                              unsigned char *out) {
    MpzView vw;
    mpz_srcptr z = view_of(v, &vw);
    int sign = mpz_sgn(z);
    if (sign < 0 && !is_signed) {
        return exc_raise_int(ts, exc_OverflowError, "can't convert negative int to unsigned");
    }
    mpz_t a;
    mpz_init(a);
    if (sign < 0) {
        mpz_set_ui(a, 1);
        mpz_mul_2exp(a, a, 8 * len);
        mpz_add(a, a, z); // 256**len + v
    } else {
        mpz_set(a, z);
    }
    size_t bits = mpz_sgn(a) ? mpz_sizeinbase(a, 2) : 0;
    bool fits = bits <= 8 * len;
    if (is_signed && len > 0 && fits) {
        // The top bit must match the sign.
        fits = (sign < 0) == (bits == 8 * len);
    } else if (is_signed && len == 0) {
        fits = sign == 0;
    }
    if (!fits) {
        mpz_clear(a);
        return exc_raise_int(ts, exc_OverflowError, "int too big to convert");
    }
    memset(out, 0, len);
    size_t count = 0;
    if (bits) {
        unsigned char *tmp = malloc((bits + 7) / 8);
        if (!tmp) {
            mpz_clear(a);
            exc_no_memory(ts);
            return -1;
        }
        mpz_export(tmp, &count, 1, 1, 1, 0, a);
        memcpy(out + len - count, tmp, count);
        free(tmp);
    }
    mpz_clear(a);
    return 0;
}

static Value m_to_bytes(ThreadState *ts, Value self, const Value *args, size_t nargs,
                        TupleObj *kwnames) {
    Value a[3];
    if (arg_parse(ts, "to_bytes", args, nargs, kwnames, "|length,byteorder,$signed", a) < 0) {
        return CS_ERR;
    }
    ssize_t len = 1;
    if (a[0] != CS_UNBOUND) {
        len = obj_as_index(ts, a[0]);
        if (len == -1 && ts_has_exc(ts)) {
            return CS_ERR;
        }
        if (len < 0) {
            return exc_raise(ts, exc_ValueError, "length argument must be non-negative");
        }
    }
    int little = parse_byteorder(ts, "to_bytes", a[1]);
    int is_signed = little < 0 ? -1 : parse_signed(ts, a[2]);
    if (little < 0 || is_signed < 0) {
        return CS_ERR;
    }
    unsigned char *buf = malloc((size_t)len + 1);
    if (!buf) {
        return exc_no_memory(ts);
    }
    if (to_twos_complement(ts, self, (size_t)len, is_signed, buf) < 0) {
        free(buf);
        return CS_ERR;
    }
    if (little) {
        for (ssize_t i = 0; i < len / 2; i++) {
            unsigned char c = buf[i];
            buf[i] = buf[len - 1 - i];
            buf[len - 1 - i] = c;
        }
    }
    Value r = bytes_new(ts, buf, (size_t)len);
    free(buf);
    return r;
}

// The octets of from_bytes' argument: bytes-like, or an iterable of ints.
static Value bytes_of(ThreadState *ts, Value v) {
    if (bytes_check(v) || type_of(v) == &type_bytearray) {
        return v;
    }
    if (str_check(v) || int_check(v)) {
        return exc_raise(ts, exc_TypeError, "cannot convert '%T' object to bytes", v);
    }
    return obj_call1(ts, obj_val(&type_bytes), v);
}

// A classmethod: subclasses get cls(value), as CPython does.
static Value m_from_bytes(ThreadState *ts, Value cls, const Value *args, size_t nargs,
                          TupleObj *kwnames) {
    Value a[3];
    if (arg_parse(ts, "from_bytes", args, nargs, kwnames, "bytes|byteorder,$signed", a) < 0) {
        return CS_ERR;
    }
    int little = parse_byteorder(ts, "from_bytes", a[1]);
    int is_signed = little < 0 ? -1 : parse_signed(ts, a[2]);
    if (little < 0 || is_signed < 0) {
        return CS_ERR;
    }
    Value b = bytes_of(ts, a[0]);
    const unsigned char *data;
    size_t len;
    if (b == CS_ERR || bytes_view(ts, b, &data, &len) < 0) {
        return CS_ERR;
    }
    gmp_hooks();
    mpz_t r;
    mpz_init(r);
    mpz_import(r, len, little ? -1 : 1, 1, 0, 0, data);
    if (is_signed && len > 0 && (data[little ? len - 1 : 0] & 0x80)) {
        mpz_t m;
        mpz_init_set_ui(m, 1);
        mpz_mul_2exp(m, m, 8 * len);
        mpz_sub(r, r, m);
        mpz_clear(m);
    }
    Value v = take_result(ts, r);
    if (v == CS_ERR || as_obj(cls) == (Obj *)&type_int) {
        return v;
    }
    return obj_call1(ts, cls, v);
}

static const MethodDef int_methods[] = {
    {"bit_length", m_bit_length, 0, "Number of bits necessary to represent self in binary."},
    {"bit_count", m_bit_count, 0, "Number of ones in the binary representation of abs(self)."},
    {"conjugate", m_exact, 0, "Returns self, the complex conjugate of any int."},
    {"as_integer_ratio", m_as_integer_ratio, 0, "Return integer ratio."},
    {"to_bytes", m_to_bytes, METH_KEYWORDS, "Return an array of bytes representing an integer."},
    {"from_bytes", m_from_bytes, METH_KEYWORDS | METH_CLASS,
     "Return the integer represented by the given array of bytes."},
    {"__format__", m_format, 0, "Convert to a string according to format_spec."},
    {"__round__", m_round, 0, "Rounding an Integral returns itself."},
    {"__trunc__", m_exact, 0, "Truncating an Integral returns itself."},
    {"__floor__", m_exact, 0, "Flooring an Integral returns itself."},
    {"__ceil__", m_exact, 0, "Ceiling of an Integral returns itself."},
    {"__abs__", m_abs, 0, "abs(self)"},
    {"__divmod__", m_divmod, 0, "Return divmod(self, value)."},
    {"__rdivmod__", m_rdivmod, 0, "Return divmod(value, self)."},
    {NULL, NULL, 0, NULL},
};

static Value get_exact(ThreadState *ts, Value self) {
    return int_exact(ts, self);
}

static Value get_zero(ThreadState *ts, Value self) {
    return small_int_val(0);
}

static Value get_one(ThreadState *ts, Value self) {
    return small_int_val(1);
}

static const GetSetDef int_getsets[] = {
    {"real", get_exact, NULL},      {"imag", get_zero, NULL}, {"numerator", get_exact, NULL},
    {"denominator", get_one, NULL}, {NULL, NULL, NULL},
};

TypeObj type_int = {
    .hdr = OBJ_HEADER_INIT(&type_type),
    .name = "int",
    .base = &type_object,
    .basicsize = sizeof(BigIntObj),
    .flags = TYPE_BASETYPE | TYPE_INT_SUBCLASS,
    .doc = "int([x]) -> integer\nint(x, base=10) -> integer",
    .methods = int_methods,
    .getsets = int_getsets,
    .finalize = slot_finalize,
    .tp_new = int_tp_new,
    .repr = slot_repr,
    .hash = slot_hash,
    .richcompare = slot_compare,
    .truthy = slot_truthy,
    .binop =
        {
            [BINOP_ADD] = slot_add,
            [BINOP_SUB] = slot_sub,
            [BINOP_MUL] = slot_mul,
            [BINOP_TRUEDIV] = slot_truediv,
            [BINOP_FLOORDIV] = slot_floordiv,
            [BINOP_MOD] = slot_mod,
            [BINOP_POW] = slot_pow,
            [BINOP_LSHIFT] = slot_lshift,
            [BINOP_RSHIFT] = slot_rshift,
            [BINOP_AND] = slot_and,
            [BINOP_OR] = slot_or,
            [BINOP_XOR] = slot_xor,
        },
    .unop =
        {
            [UNOP_NEG] = int_neg,
            [UNOP_POS] = slot_pos,
            [UNOP_INVERT] = int_invert,
        },
    .index = slot_pos,
    .to_int = slot_pos,
    .to_float = slot_float,
};

// ---------------------------------------------------------------------------
// bool: a subclass of int with two immediate values; & | ^ of two bools
// stay bool, everything else is int arithmetic.

static Value bool_repr(ThreadState *ts, Value v) {
    return str_from_cstr(ts, v == CS_TRUE ? "True" : "False");
}

// bool & bool stays bool; with any other int it is int arithmetic.
static Value bool_and(ThreadState *ts, Value a, Value b) {
    if (is_bool(a) && is_bool(b)) {
        return bool_val(a == CS_TRUE && b == CS_TRUE);
    }
    return slot_and(ts, a, b);
}

static Value bool_or(ThreadState *ts, Value a, Value b) {
    if (is_bool(a) && is_bool(b)) {
        return bool_val(a == CS_TRUE || b == CS_TRUE);
    }
    return slot_or(ts, a, b);
}

static Value bool_xor(ThreadState *ts, Value a, Value b) {
    if (is_bool(a) && is_bool(b)) {
        return bool_val(a != b);
    }
    return slot_xor(ts, a, b);
}

// bool(x) is truth testing; bool cannot be subclassed (no TYPE_BASETYPE).
static Value bool_tp_new(ThreadState *ts, TypeObj *type, const Value *args, size_t nargs,
                         TupleObj *kwnames) {
    if (arg_no_kw(ts, "bool", kwnames) < 0 || arg_count(ts, "bool", nargs, 0, 1) < 0) {
        return CS_ERR;
    }
    if (nargs == 0) {
        return CS_FALSE;
    }
    int t = obj_truthy(ts, args[0]);
    return t < 0 ? CS_ERR : bool_val(t);
}

TypeObj type_bool = {
    .hdr = OBJ_HEADER_INIT(&type_type),
    .name = "bool",
    .base = &type_int,
    .basicsize = sizeof(BigIntObj),
    .flags = TYPE_INT_SUBCLASS,
    .doc = "bool(x) -> bool",
    .tp_new = bool_tp_new,
    .repr = bool_repr,
    .str = bool_repr,
    .binop =
        {
            [BINOP_AND] = bool_and,
            [BINOP_OR] = bool_or,
            [BINOP_XOR] = bool_xor,
        },
};
