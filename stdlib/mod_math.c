// The math module: CPython 3.11's functions and constants over the C
// library, with its domain/range error rules ("math domain error",
// "math range error"), exact integer functions on GMP (factorial, comb,
// isqrt, gcd...), an exactly rounded fsum and an accurate hypot/dist.
#include <errno.h>
#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "stdlib/modules.h"
#include "vm/exc.h"
#include "vm/func.h"
#include "vm/gc.h"
#include "vm/int.h"
#include "vm/list.h"
#include "vm/names.h"
#include "vm/state.h"
#include "vm/str.h"

#define MATH_PI 3.141592653589793238462643383279502884
#define MATH_E  2.718281828459045235360287471352662498

// ---------------------------------------------------------------------------
// Arguments and errors

// CPython's positional-count message: "atan2 expected 2 arguments, got 1".
static int check_args(ThreadState *ts, const char *name, size_t nargs, size_t min, size_t max) {
    if (nargs < min) {
        return exc_raise_int(ts, exc_TypeError, "%s expected %s%zu argument%s, got %zu", name,
                             min == max ? "" : "at least ", min, min == 1 ? "" : "s", nargs);
    }
    if (nargs > max) {
        return exc_raise_int(ts, exc_TypeError, "%s expected %s%zu argument%s, got %zu", name,
                             min == max ? "" : "at most ", max, max == 1 ? "" : "s", nargs);
    }
    return 0;
}

// The METH_O message of CPython's one-argument math functions.
static int check_one(ThreadState *ts, const char *name, size_t nargs) {
    if (nargs != 1) {
        return exc_raise_int(ts, exc_TypeError, "math.%s() takes exactly one argument (%zu given)",
                             name, nargs);
    }
    return 0;
}

static Value domain_error(ThreadState *ts) {
    return exc_raise(ts, exc_ValueError, "math domain error");
}

static Value range_error(ThreadState *ts) {
    return exc_raise(ts, exc_OverflowError, "math range error");
}

// A result with errno set (CPython's is_error): EDOM is a domain error,
// ERANGE an overflow unless the result underflowed towards zero.
static Value checked(ThreadState *ts, double r) {
    if (errno == EDOM) {
        return domain_error(ts);
    }
    if (errno == ERANGE && fabs(r) >= 1.5) {
        return range_error(ts);
    }
    return float_val(r);
}

// One-argument functions (CPython's math_1): a nan from a non-nan is a
// domain error; an infinity from a finite argument is an overflow when the
// function can overflow, else a singularity (domain error).
static Value math_1(ThreadState *ts, Value arg, double (*fn)(double), bool can_overflow) {
    double x;
    if (float_as_double(ts, arg, &x) < 0) {
        return CS_ERR;
    }
    errno = 0;
    double r = fn(x);
    if (isnan(r) && !isnan(x)) {
        return domain_error(ts);
    }
    if (isinf(r) && isfinite(x)) {
        return can_overflow ? range_error(ts) : domain_error(ts);
    }
    if (isfinite(r) && errno) {
        return checked(ts, r);
    }
    return float_val(r);
}

#define FUNC1(name, fn, can_overflow)                                                              \
    static Value m_##name(ThreadState *ts, Value self, const Value *args, size_t nargs,            \
                          TupleObj *kwnames) {                                                     \
        if (check_one(ts, #name, nargs) < 0) {                                                     \
            return CS_ERR;                                                                         \
        }                                                                                          \
        return math_1(ts, args[0], fn, can_overflow);                                              \
    }

// sqrt through a function pointer (glibc may define sqrt as a builtin).
static double m_sqrt_d(double x) {
    return sqrt(x);
}

FUNC1(acos, acos, false)
FUNC1(acosh, acosh, false)
FUNC1(asin, asin, false)
FUNC1(asinh, asinh, false)
FUNC1(atan, atan, false)
FUNC1(atanh, atanh, false)
FUNC1(cbrt, cbrt, false)
FUNC1(cos, cos, false)
FUNC1(cosh, cosh, true)
FUNC1(exp, exp, true)
FUNC1(exp2, exp2, true)
FUNC1(expm1, expm1, true)
FUNC1(fabs, fabs, false)
FUNC1(log1p, log1p, false)
FUNC1(sin, sin, false)
FUNC1(sinh, sinh, true)
FUNC1(sqrt, m_sqrt_d, false)
FUNC1(tan, tan, false)
FUNC1(tanh, tanh, false)

// erf, erfc, gamma, lgamma (CPython's math_1a): errors come from errno only.
static Value math_1a(ThreadState *ts, Value arg, double (*fn)(double)) {
    double x;
    if (float_as_double(ts, arg, &x) < 0) {
        return CS_ERR;
    }
    errno = 0;
    double r = fn(x);
    return errno ? checked(ts, r) : float_val(r);
}

// Gamma and log-gamma by Lanczos' approximation with the coefficients
// CPython uses (g = 6.024680040776729583740234375, 13 terms), so results
// agree to the last bit; libm's tgamma/lgamma differ in the last places.
#define LANCZOS_N 13
static const double lanczos_g = 6.024680040776729583740234375;
static const double lanczos_g_minus_half = 5.524680040776729583740234375;
static const double lanczos_num[LANCZOS_N] = {
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
};
// The denominator x*(x+1)*...*(x+11) expanded.
static const double lanczos_den[LANCZOS_N] = {
    0.0,       39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0, 13339535.0,
    2637558.0, 357423.0,   32670.0,     1925.0,      66.0,        1.0,
};
#define NGAMMA_INTEGRAL 23
static const double log_pi = 1.144729885849400174143427351353058711647;

// L_g(x) for x > 0; for larger x as a rational function in 1/x.
static double lanczos_sum(double x) {
    double num = 0.0, den = 0.0;
    if (x < 5.0) {
        for (int i = LANCZOS_N; --i >= 0;) {
            num = num * x + lanczos_num[i];
            den = den * x + lanczos_den[i];
        }
    } else {
        for (int i = 0; i < LANCZOS_N; i++) {
            num = num / x + lanczos_num[i];
            den = den / x + lanczos_den[i];
        }
    }
    return num / den;
}

// sin(pi * x) for finite x, exact at the integers and half-integers.
static double sinpi(double x) {
    double y = fmod(fabs(x), 2.0);
    int n = (int)round(2.0 * y);
    double r;
    switch (n) {
    case 0:
        r = sin(MATH_PI * y);
        break;
    case 1:
        r = cos(MATH_PI * (y - 0.5));
        break;
    case 2:
        r = sin(MATH_PI * (1.0 - y)); // not -sin(pi*(y-1)): keeps 0.0 at y == 1
        break;
    case 3:
        r = -cos(MATH_PI * (y - 1.5));
        break;
    default:
        r = sin(MATH_PI * (y - 2.0));
        break;
    }
    return copysign(1.0, x) * r;
}

// Lanczos for |x| in a moderate range: z is the rounding error of y.
static double gamma_lanczos(double x, double absx) {
    double y = absx + lanczos_g_minus_half;
    double z;
    if (absx > lanczos_g_minus_half) {
        double q = y - absx;
        z = q - lanczos_g_minus_half;
    } else {
        double q = y - lanczos_g_minus_half;
        z = q - absx;
    }
    z = z * lanczos_g / y;
    double r;
    if (x < 0.0) {
        r = -MATH_PI / sinpi(absx) / absx * exp(y) / lanczos_sum(absx);
        r -= z * r;
        if (absx < 140.0) {
            r /= pow(y, absx - 0.5);
        } else {
            double sqrtpow = pow(y, absx / 2.0 - 0.25);
            r /= sqrtpow;
            r /= sqrtpow;
        }
    } else {
        r = lanczos_sum(absx) / exp(y);
        r += z * r;
        if (absx < 140.0) {
            r *= pow(y, absx - 0.5);
        } else {
            double sqrtpow = pow(y, absx / 2.0 - 0.25);
            r *= sqrtpow;
            r *= sqrtpow;
        }
    }
    return r;
}

// Poles at zero and the negative integers are domain errors; overflow sets ERANGE.
static double gamma_d(double x) {
    errno = 0;
    if (!isfinite(x)) {
        if (isnan(x) || x > 0.0) {
            return x;
        }
        errno = EDOM;
        return NAN;
    }
    if (x == 0.0) {
        errno = EDOM;
        return copysign(HUGE_VAL, x);
    }
    if (x == floor(x)) {
        if (x < 0.0) {
            errno = EDOM;
            return NAN;
        }
        if (x <= NGAMMA_INTEGRAL) {
            double f = 1.0; // (x-1)! is exact for these
            for (int i = 2; i < (int)x; i++) {
                f *= i;
            }
            return f;
        }
    }
    double absx = fabs(x);
    double r;
    if (absx < 1e-20) {
        r = 1.0 / x;
    } else if (absx > 200.0) {
        if (x < 0.0) {
            return 0.0 / sinpi(x);
        }
        r = HUGE_VAL;
    } else {
        r = gamma_lanczos(x, absx);
    }
    if (isinf(r)) {
        errno = ERANGE;
    }
    return r;
}

static double lgamma_d(double x) {
    errno = 0;
    if (!isfinite(x)) {
        return isnan(x) ? x : HUGE_VAL;
    }
    if (x == floor(x) && x <= 2.0) {
        if (x <= 0.0) {
            errno = EDOM;
            return HUGE_VAL;
        }
        return 0.0;
    }
    double absx = fabs(x);
    if (absx < 1e-20) {
        return -log(absx);
    }
    double r = log(lanczos_sum(absx)) - lanczos_g;
    r += (absx - 0.5) * (log(absx + lanczos_g - 0.5) - 1);
    if (x < 0.0) {
        r = log_pi - log(fabs(sinpi(absx))) - log(absx) - r; // reflection
    }
    if (isinf(r)) {
        errno = ERANGE;
    }
    return r;
}

static double erf_d(double x) {
    return erf(x);
}

static double erfc_d(double x) {
    return erfc(x);
}

#define FUNC1A(name, fn)                                                                           \
    static Value m_##name(ThreadState *ts, Value self, const Value *args, size_t nargs,            \
                          TupleObj *kwnames) {                                                     \
        if (check_one(ts, #name, nargs) < 0) {                                                     \
            return CS_ERR;                                                                         \
        }                                                                                          \
        return math_1a(ts, args[0], fn);                                                           \
    }

FUNC1A(erf, erf_d)
FUNC1A(erfc, erfc_d)
FUNC1A(gamma, gamma_d)
FUNC1A(lgamma, lgamma_d)

// Two float arguments.
static int two_doubles(ThreadState *ts, const char *name, const Value *args, size_t nargs,
                       double *x, double *y) {
    if (check_args(ts, name, nargs, 2, 2) < 0 || float_as_double(ts, args[0], x) < 0 ||
        float_as_double(ts, args[1], y) < 0) {
        return -1;
    }
    return 0;
}

static Value m_atan2(ThreadState *ts, Value self, const Value *args, size_t nargs,
                     TupleObj *kwnames) {
    double y, x;
    if (two_doubles(ts, "atan2", args, nargs, &y, &x) < 0) {
        return CS_ERR;
    }
    return float_val(atan2(y, x));
}

static Value m_copysign(ThreadState *ts, Value self, const Value *args, size_t nargs,
                        TupleObj *kwnames) {
    double x, y;
    if (two_doubles(ts, "copysign", args, nargs, &x, &y) < 0) {
        return CS_ERR;
    }
    return float_val(copysign(x, y));
}

// fmod(x, +-inf) is x for finite x; a nan from non-nan arguments is a
// domain error (fmod(inf, y), fmod(x, 0)).
static Value m_fmod(ThreadState *ts, Value self, const Value *args, size_t nargs,
                    TupleObj *kwnames) {
    double x, y;
    if (two_doubles(ts, "fmod", args, nargs, &x, &y) < 0) {
        return CS_ERR;
    }
    if (isinf(y) && isfinite(x)) {
        return float_val(x);
    }
    double r = fmod(x, y);
    if (isnan(r) && !isnan(x) && !isnan(y)) {
        return domain_error(ts);
    }
    return float_val(r);
}

// IEEE 754 remainder: x - n*y with n the nearest integer to x/y (ties to
// even); inf or a zero divisor is a domain error.
static Value m_remainder(ThreadState *ts, Value self, const Value *args, size_t nargs,
                         TupleObj *kwnames) {
    double x, y;
    if (two_doubles(ts, "remainder", args, nargs, &x, &y) < 0) {
        return CS_ERR;
    }
    if (isnan(x) || isnan(y)) {
        return float_val(isnan(x) ? x : y);
    }
    if (isinf(x) || y == 0.0) {
        return domain_error(ts);
    }
    if (isinf(y)) {
        return float_val(x);
    }
    return float_val(remainder(x, y));
}

static Value m_nextafter(ThreadState *ts, Value self, const Value *args, size_t nargs,
                         TupleObj *kwnames) {
    double x, y;
    if (two_doubles(ts, "nextafter", args, nargs, &x, &y) < 0) {
        return CS_ERR;
    }
    return float_val(nextafter(x, y));
}

// pow with C99's special values and CPython's errors.
static double pow_specials(double x, double y) {
    if (isnan(x)) {
        return y == 0.0 ? 1.0 : x;
    }
    if (isnan(y)) {
        return x == 1.0 ? 1.0 : y;
    }
    if (isinf(x)) {
        bool odd_y = isfinite(y) && fmod(fabs(y), 2.0) == 1.0;
        if (y > 0.0) {
            return odd_y ? x : fabs(x);
        }
        if (y == 0.0) {
            return 1.0;
        }
        return odd_y ? copysign(0.0, x) : 0.0;
    }
    // y infinite
    if (fabs(x) == 1.0) {
        return 1.0;
    }
    if (y > 0.0 && fabs(x) > 1.0) {
        return y;
    }
    if (y < 0.0 && fabs(x) < 1.0) {
        return -y;
    }
    return 0.0;
}

// math.pow is always float: unlike **, 0 ** -1 and negative ** fraction
// are domain errors and overflow is a range error.
static Value m_pow(ThreadState *ts, Value self, const Value *args, size_t nargs,
                   TupleObj *kwnames) {
    double x, y;
    if (two_doubles(ts, "pow", args, nargs, &x, &y) < 0) {
        return CS_ERR;
    }
    if (!isfinite(x) || !isfinite(y)) {
        return float_val(pow_specials(x, y));
    }
    errno = 0;
    double r = pow(x, y);
    if (isnan(r)) {
        return domain_error(ts);
    }
    if (isinf(r)) {
        return x == 0.0 ? domain_error(ts) : range_error(ts);
    }
    return float_val(r);
}

// ---------------------------------------------------------------------------
// Rounding, decomposition

// The result of x.__name__() when x's type defines it (not for floats).
static Value special_method(ThreadState *ts, Value x, const char *name) {
    if (is_float(x)) {
        return CS_UNBOUND;
    }
    Value m = obj_lookup_attr(ts, x, str_intern_name(ts, name));
    if (m == CS_ERR || m == CS_UNBOUND) {
        return m;
    }
    return obj_call0(ts, m);
}

// floor/ceil: the argument's __floor__/__ceil__ when it has one (ints
// return themselves), else the float rounded and converted to int.
static Value round_with(ThreadState *ts, const char *fname, const Value *args, size_t nargs,
                        const char *dunder, double (*fn)(double)) {
    if (check_one(ts, fname, nargs) < 0) {
        return CS_ERR;
    }
    Value r = special_method(ts, args[0], dunder);
    if (r != CS_UNBOUND) {
        return r;
    }
    double x;
    if (float_as_double(ts, args[0], &x) < 0) {
        return CS_ERR;
    }
    return int_from_double(ts, fn(x));
}

static Value m_floor(ThreadState *ts, Value self, const Value *args, size_t nargs,
                     TupleObj *kwnames) {
    return round_with(ts, "floor", args, nargs, "__floor__", floor);
}

static Value m_ceil(ThreadState *ts, Value self, const Value *args, size_t nargs,
                    TupleObj *kwnames) {
    return round_with(ts, "ceil", args, nargs, "__ceil__", ceil);
}

// trunc has no float fallback: a type without __trunc__ is a TypeError.
static Value m_trunc(ThreadState *ts, Value self, const Value *args, size_t nargs,
                     TupleObj *kwnames) {
    if (check_one(ts, "trunc", nargs) < 0) {
        return CS_ERR;
    }
    if (is_float(args[0])) {
        return int_from_double(ts, as_float(args[0]));
    }
    Value r = special_method(ts, args[0], "__trunc__");
    if (r == CS_UNBOUND) {
        return exc_raise(ts, exc_TypeError, "type %T doesn't define __trunc__ method", args[0]);
    }
    return r;
}

// modf(inf) is (0.0, inf) with inf's sign; C99 modf agrees elsewhere.
static Value m_modf(ThreadState *ts, Value self, const Value *args, size_t nargs,
                    TupleObj *kwnames) {
    double x;
    if (check_one(ts, "modf", nargs) < 0 || float_as_double(ts, args[0], &x) < 0) {
        return CS_ERR;
    }
    if (isinf(x)) {
        return tuple_pack(ts, 2, float_val(copysign(0.0, x)), float_val(x));
    }
    double ip;
    double frac = modf(x, &ip);
    return tuple_pack(ts, 2, float_val(frac), float_val(ip));
}

// frexp of 0, inf and nan is (x, 0), as CPython special-cases them.
static Value m_frexp(ThreadState *ts, Value self, const Value *args, size_t nargs,
                     TupleObj *kwnames) {
    double x;
    if (check_one(ts, "frexp", nargs) < 0 || float_as_double(ts, args[0], &x) < 0) {
        return CS_ERR;
    }
    int e = 0;
    double m = (isnan(x) || isinf(x) || x == 0.0) ? x : frexp(x, &e);
    return tuple_pack(ts, 2, float_val(m), small_int_val(e));
}

// The exponent must be an int (not __index__); huge exponents saturate,
// so the result is 0.0 or an OverflowError rather than a conversion error.
static Value m_ldexp(ThreadState *ts, Value self, const Value *args, size_t nargs,
                     TupleObj *kwnames) {
    double x;
    if (check_args(ts, "ldexp", nargs, 2, 2) < 0 || float_as_double(ts, args[0], &x) < 0) {
        return CS_ERR;
    }
    if (!int_check(args[1])) {
        return exc_raise(ts, exc_TypeError, "Expected an int as second argument to ldexp.");
    }
    int64_t e;
    if (int_as_i64(ts, args[1], &e) < 0) {
        exc_clear(ts); // huge exponents saturate
        e = int_sign(args[1]) < 0 ? INT64_MIN : INT64_MAX;
    }
    if (x == 0.0 || !isfinite(x)) {
        return float_val(x);
    }
    e = e > 100000 ? 100000 : e < -100000 ? -100000 : e;
    double r = ldexp(x, (int)e);
    if (isinf(r)) {
        return range_error(ts);
    }
    return float_val(r);
}

// The gap to the next float away from zero; at the largest float, the gap
// below it.
static Value m_ulp(ThreadState *ts, Value self, const Value *args, size_t nargs,
                   TupleObj *kwnames) {
    double x;
    if (check_one(ts, "ulp", nargs) < 0 || float_as_double(ts, args[0], &x) < 0) {
        return CS_ERR;
    }
    if (isnan(x) || isinf(x)) {
        return float_val(fabs(x));
    }
    x = fabs(x);
    double up = nextafter(x, HUGE_VAL);
    if (isinf(up)) {
        return float_val(x - nextafter(x, -HUGE_VAL));
    }
    return float_val(up - x);
}

static Value m_degrees(ThreadState *ts, Value self, const Value *args, size_t nargs,
                       TupleObj *kwnames) {
    double x;
    if (check_one(ts, "degrees", nargs) < 0 || float_as_double(ts, args[0], &x) < 0) {
        return CS_ERR;
    }
    return float_val(x * (180.0 / MATH_PI));
}

static Value m_radians(ThreadState *ts, Value self, const Value *args, size_t nargs,
                       TupleObj *kwnames) {
    double x;
    if (check_one(ts, "radians", nargs) < 0 || float_as_double(ts, args[0], &x) < 0) {
        return CS_ERR;
    }
    return float_val(x * (MATH_PI / 180.0));
}

// ---------------------------------------------------------------------------
// Classification and comparison

#define PREDICATE(name, expr)                                                                      \
    static Value m_##name(ThreadState *ts, Value self, const Value *args, size_t nargs,            \
                          TupleObj *kwnames) {                                                     \
        double x;                                                                                  \
        if (check_one(ts, #name, nargs) < 0 || float_as_double(ts, args[0], &x) < 0) {             \
            return CS_ERR;                                                                         \
        }                                                                                          \
        return bool_val(expr);                                                                     \
    }

PREDICATE(isnan, isnan(x))
PREDICATE(isinf, isinf(x))
PREDICATE(isfinite, isfinite(x))

// PEP 485: close if within rel_tol of either value or within abs_tol;
// infinities are close only to themselves, nan to nothing.
static Value m_isclose(ThreadState *ts, Value self, const Value *args, size_t nargs,
                       TupleObj *kwnames) {
    Value a[4];
    if (arg_parse(ts, "isclose", args, nargs, kwnames, "a,b,/|$rel_tol,abs_tol", a) < 0) {
        return CS_ERR;
    }
    double x, y, rel = 1e-09, abs_tol = 0.0;
    if (float_as_double(ts, a[0], &x) < 0 || float_as_double(ts, a[1], &y) < 0 ||
        (a[2] != CS_UNBOUND && float_as_double(ts, a[2], &rel) < 0) ||
        (a[3] != CS_UNBOUND && float_as_double(ts, a[3], &abs_tol) < 0)) {
        return CS_ERR;
    }
    if (rel < 0.0 || abs_tol < 0.0) {
        return exc_raise(ts, exc_ValueError, "tolerances must be non-negative");
    }
    if (x == y) {
        return CS_TRUE;
    }
    if (isinf(x) || isinf(y)) {
        return CS_FALSE;
    }
    double diff = fabs(y - x);
    return bool_val(diff <= fabs(rel * y) || diff <= fabs(rel * x) || diff <= abs_tol);
}

// ---------------------------------------------------------------------------
// Logarithms: ints beyond the float range still have logarithms.

// log with errno set for the domain errors, as CPython's m_log.
static double log_d(double x) {
    if (isfinite(x)) {
        if (x > 0.0) {
            return log(x);
        }
        errno = EDOM;
        return x == 0.0 ? -HUGE_VAL : NAN;
    }
    if (isnan(x) || x > 0.0) {
        return x;
    }
    errno = EDOM;
    return NAN;
}

// log2/log10 exactly at powers of 2/10 where libm's log would round.
static double log2_d(double x) {
    if (isfinite(x) && x > 0.0) {
        return log2(x);
    }
    return log_d(x); // nan, inf and the domain errors
}

static double log10_d(double x) {
    if (isfinite(x) && x > 0.0) {
        return log10(x);
    }
    return log_d(x);
}

// Ints are handled exactly (CPython's loghelper): non-positive ints are
// domain errors, and ints too large for a float still have a logarithm.
static Value log_helper(ThreadState *ts, Value arg, double (*fn)(double)) {
    if (!int_check(arg)) {
        return math_1(ts, arg, fn, false);
    }
    if (int_sign(arg) <= 0) {
        return domain_error(ts);
    }
    double x = int_as_double(ts, arg);
    if (!(x == -1.0 && ts_has_exc(ts))) {
        return float_val(fn(x));
    }
    exc_clear(ts);
    // x ~= m * 2**bits with m in [0.5, 1]: log(x) = log(m) + bits * log(2).
    mpz_t z;
    mpz_init(z);
    int_to_mpz(arg, z);
    int64_t bits = (int64_t)mpz_sizeinbase(z, 2);
    bool overflow;
    double m = int_mpz_ldexp(z, -bits, &overflow);
    mpz_clear(z);
    return float_val(fn(m) + fn(2.0) * (double)bits);
}

// log(x, base) is log(x) / log(base); a base of 1 divides by zero.
static Value m_log(ThreadState *ts, Value self, const Value *args, size_t nargs,
                   TupleObj *kwnames) {
    if (nargs < 1 || nargs > 2) {
        return exc_raise(ts, exc_TypeError, "math.log requires 1 to 2 arguments");
    }
    Value num = log_helper(ts, args[0], log_d);
    if (num == CS_ERR || nargs == 1) {
        return num;
    }
    Value den = log_helper(ts, args[1], log_d);
    if (den == CS_ERR) {
        return CS_ERR;
    }
    if (as_float(den) == 0.0) {
        return exc_raise(ts, exc_ZeroDivisionError, "float division by zero");
    }
    return float_val(as_float(num) / as_float(den));
}

static Value m_log2(ThreadState *ts, Value self, const Value *args, size_t nargs,
                    TupleObj *kwnames) {
    if (check_one(ts, "log2", nargs) < 0) {
        return CS_ERR;
    }
    return log_helper(ts, args[0], log2_d);
}

static Value m_log10(ThreadState *ts, Value self, const Value *args, size_t nargs,
                     TupleObj *kwnames) {
    if (check_one(ts, "log10", nargs) < 0) {
        return CS_ERR;
    }
    return log_helper(ts, args[0], log10_d);
}

// ---------------------------------------------------------------------------
// Integer functions (exact, on GMP)

// __index__ of an argument into z (initialised by the caller); -1 raised.
static int index_mpz(ThreadState *ts, Value v, mpz_t z) {
    Value i = obj_index(ts, v);
    if (i == CS_ERR) {
        return -1;
    }
    int_to_mpz(i, z);
    return 0;
}

// gcd of any number of ints (__index__), always >= 0; gcd() is 0.
static Value m_gcd(ThreadState *ts, Value self, const Value *args, size_t nargs,
                   TupleObj *kwnames) {
    mpz_t g, z;
    mpz_inits(g, z, NULL);
    for (size_t i = 0; i < nargs; i++) {
        if (index_mpz(ts, args[i], z) < 0) {
            mpz_clears(g, z, NULL);
            return CS_ERR;
        }
        mpz_gcd(g, g, z);
    }
    Value r = int_from_mpz(ts, g);
    mpz_clears(g, z, NULL);
    return r;
}

// lcm of any number of ints, always >= 0; lcm() is 1, any 0 gives 0.
static Value m_lcm(ThreadState *ts, Value self, const Value *args, size_t nargs,
                   TupleObj *kwnames) {
    mpz_t l, z;
    mpz_init_set_ui(l, 1);
    mpz_init(z);
    for (size_t i = 0; i < nargs; i++) {
        if (index_mpz(ts, args[i], z) < 0) {
            mpz_clears(l, z, NULL);
            return CS_ERR;
        }
        mpz_lcm(l, l, z);
    }
    Value r = int_from_mpz(ts, l);
    mpz_clears(l, z, NULL);
    return r;
}

// The floor of the exact square root, for ints of any size.
static Value m_isqrt(ThreadState *ts, Value self, const Value *args, size_t nargs,
                     TupleObj *kwnames) {
    if (check_one(ts, "isqrt", nargs) < 0) {
        return CS_ERR;
    }
    mpz_t z;
    mpz_init(z);
    if (index_mpz(ts, args[0], z) < 0) {
        mpz_clear(z);
        return CS_ERR;
    }
    if (mpz_sgn(z) < 0) {
        mpz_clear(z);
        return exc_raise(ts, exc_ValueError, "isqrt() argument must be nonnegative");
    }
    mpz_sqrt(z, z);
    Value r = int_from_mpz(ts, z);
    mpz_clear(z);
    return r;
}

// factorial(n) for int n >= 0 (floats are refused since 3.10).
static Value m_factorial(ThreadState *ts, Value self, const Value *args, size_t nargs,
                         TupleObj *kwnames) {
    if (check_one(ts, "factorial", nargs) < 0) {
        return CS_ERR;
    }
    mpz_t z;
    mpz_init(z);
    if (index_mpz(ts, args[0], z) < 0) {
        mpz_clear(z);
        return CS_ERR;
    }
    if (mpz_sgn(z) < 0) {
        mpz_clear(z);
        return exc_raise(ts, exc_ValueError, "factorial() not defined for negative values");
    }
    if (!mpz_fits_slong_p(z)) {
        mpz_clear(z);
        return exc_raise(ts, exc_OverflowError, "factorial() argument should not exceed %ld",
                         (long)LONG_MAX);
    }
    mpz_fac_ui(z, mpz_get_ui(z));
    Value r = int_from_mpz(ts, z);
    mpz_clear(z);
    return r;
}

// n and k of comb/perm as non-negative ints: -1 raised.
static int comb_args(ThreadState *ts, Value vn, Value vk, mpz_t n, mpz_t k) {
    if (index_mpz(ts, vn, n) < 0 || (vk != CS_NONE && index_mpz(ts, vk, k) < 0)) {
        return -1;
    }
    if (mpz_sgn(n) < 0) {
        return exc_raise_int(ts, exc_ValueError, "n must be a non-negative integer");
    }
    if (vk != CS_NONE && mpz_sgn(k) < 0) {
        return exc_raise_int(ts, exc_ValueError, "k must be a non-negative integer");
    }
    return 0;
}

// comb(n, k) = n! / (k! (n-k)!), 0 when k > n.
static Value m_comb(ThreadState *ts, Value self, const Value *args, size_t nargs,
                    TupleObj *kwnames) {
    if (check_args(ts, "comb", nargs, 2, 2) < 0) {
        return CS_ERR;
    }
    mpz_t n, k, r;
    mpz_inits(n, k, r, NULL);
    Value result = CS_ERR;
    if (comb_args(ts, args[0], args[1], n, k) == 0) {
        if (mpz_cmp(k, n) <= 0) {
            mpz_sub(r, n, k); // use min(k, n - k)
            if (mpz_cmp(r, k) < 0) {
                mpz_set(k, r);
            }
            if (!mpz_fits_slong_p(k)) {
                exc_raise(ts, exc_OverflowError, "min(n - k, k) must not exceed %ld",
                          (long)LONG_MAX);
                goto done;
            }
            mpz_bin_ui(r, n, mpz_get_ui(k));
        } else {
            mpz_set_ui(r, 0);
        }
        result = int_from_mpz(ts, r);
    }
done:
    mpz_clears(n, k, r, NULL);
    return result;
}

// perm(n, k) = n! / (n-k)!, perm(n) = n!, 0 when k > n.
static Value m_perm(ThreadState *ts, Value self, const Value *args, size_t nargs,
                    TupleObj *kwnames) {
    if (check_args(ts, "perm", nargs, 1, 2) < 0) {
        return CS_ERR;
    }
    Value vk = nargs > 1 ? args[1] : CS_NONE;
    if (vk == CS_NONE) {
        return m_factorial(ts, self, args, 1, NULL); // perm(n) is n!
    }
    mpz_t n, k, r;
    mpz_inits(n, k, r, NULL);
    Value result = CS_ERR;
    if (comb_args(ts, args[0], vk, n, k) == 0) {
        if (mpz_cmp(k, n) > 0) {
            mpz_set_ui(r, 0);
        } else if (!mpz_fits_slong_p(k)) {
            exc_raise(ts, exc_OverflowError, "k must not exceed %ld", (long)LONG_MAX);
            goto done;
        } else {
            // n! / (n - k)! = comb(n, k) * k!
            mpz_bin_ui(r, n, mpz_get_ui(k));
            mpz_t f;
            mpz_init(f);
            mpz_fac_ui(f, mpz_get_ui(k));
            mpz_mul(r, r, f);
            mpz_clear(f);
        }
        result = int_from_mpz(ts, r);
    }
done:
    mpz_clears(n, k, r, NULL);
    return result;
}

// ---------------------------------------------------------------------------
// Sums and products

// prod(iterable, *, start=1) with the * operator, so it works for any
// type that multiplies; temps stay bounded on long iterables.
static Value m_prod(ThreadState *ts, Value self, const Value *args, size_t nargs,
                    TupleObj *kwnames) {
    Value a[2];
    if (arg_parse(ts, "prod", args, nargs, kwnames, "iterable,/|$start", a) < 0) {
        return CS_ERR;
    }
    Value acc = a[1] == CS_UNBOUND ? small_int_val(1) : a[1];
    Value it = obj_iter(ts, a[0]);
    if (it == CS_ERR) {
        return CS_ERR;
    }
    size_t mark = gc_temp_mark(ts);
    for (;;) {
        Value item = obj_next(ts, it);
        if (item == CS_ERR) {
            return CS_ERR;
        }
        if (item == CS_STOP) {
            return acc;
        }
        acc = obj_binop(ts, acc, item, BINOP_MUL);
        if (acc == CS_ERR) {
            return CS_ERR;
        }
        gc_temp_reset(ts, mark); // the iterator and start stay rooted below the mark
        gc_temp_push(ts, acc);
    }
}

// Exactly rounded sum (Shewchuk's algorithm, as CPython's fsum): the running
// sum is kept as non-overlapping partials; infinities and nans are summed
// apart; an overflow of the partials themselves is an error.
typedef struct Partials {
    double *p;
    size_t n, cap;
} Partials;

// Adds x to the partials exactly: each step splits a sum into its rounded
// value and the rounding error (two-sum), keeping the non-zero errors.
static bool partials_add(Partials *ps, double x) {
    size_t i = 0;
    for (size_t j = 0; j < ps->n; j++) {
        double y = ps->p[j];
        if (fabs(x) < fabs(y)) {
            double t = x;
            x = y;
            y = t;
        }
        double hi = x + y;
        double lo = y - (hi - x);
        if (lo != 0.0) {
            ps->p[i++] = lo;
        }
        x = hi;
    }
    if (i >= ps->cap) {
        size_t cap = ps->cap ? ps->cap * 2 : 32;
        double *np = realloc(ps->p, cap * sizeof *np);
        if (!np) {
            return false;
        }
        ps->p = np;
        ps->cap = cap;
    }
    ps->p[i] = x;
    ps->n = i + 1;
    return true;
}

// The partials' sum rounded once (half-even across the partials).
static double partials_total(const Partials *ps) {
    size_t n = ps->n;
    double hi = 0.0, lo = 0.0;
    if (n == 0) {
        return 0.0;
    }
    hi = ps->p[--n];
    while (n > 0) {
        double x = hi;
        double y = ps->p[--n];
        hi = x + y;
        lo = y - (hi - x);
        if (lo != 0.0) {
            break;
        }
    }
    // A half-way lo whose sign matches the next partial rounds away.
    if (n > 0 && ((lo < 0.0 && ps->p[n - 1] < 0.0) || (lo > 0.0 && ps->p[n - 1] > 0.0))) {
        double y = lo * 2.0;
        double x = hi + y;
        if (y == x - hi) {
            hi = x;
        }
    }
    return hi;
}

// An infinite or nan item makes the result that (inf + -inf is an error);
// otherwise the partials' total.
static Value fsum_finish(ThreadState *ts, Partials *ps, double special, double inf_sum) {
    double r = partials_total(ps);
    free(ps->p);
    if (special != 0.0) {
        if (isnan(inf_sum)) {
            return exc_raise(ts, exc_ValueError, "-inf + inf in fsum");
        }
        return float_val(special);
    }
    return float_val(r);
}

// fsum(iterable): items convert like math functions' arguments (floats, ints,
// __float__); an overflow of the running partials raises rather than giving
// a wrong inf.
static Value m_fsum(ThreadState *ts, Value self, const Value *args, size_t nargs,
                    TupleObj *kwnames) {
    if (check_one(ts, "fsum", nargs) < 0) {
        return CS_ERR;
    }
    Value it = obj_iter(ts, args[0]);
    if (it == CS_ERR) {
        return CS_ERR;
    }
    Partials ps = {0};
    double special = 0.0, inf_sum = 0.0;
    size_t mark = gc_temp_mark(ts);
    for (;;) {
        Value item = obj_next(ts, it);
        double x;
        if (item == CS_ERR || (item != CS_STOP && float_as_double(ts, item, &x) < 0)) {
            free(ps.p);
            return CS_ERR;
        }
        if (item == CS_STOP) {
            return fsum_finish(ts, &ps, special, inf_sum);
        }
        gc_temp_reset(ts, mark);
        if (!isfinite(x)) {
            // Infinities and nans bypass the partials; a finite overflow cannot.
            special += x;
            inf_sum += isinf(x) ? x : 0.0;
            continue;
        }
        if (!partials_add(&ps, x)) {
            free(ps.p);
            return exc_no_memory(ts);
        }
        if (!isfinite(ps.p[ps.n - 1])) {
            free(ps.p);
            return exc_raise(ts, exc_OverflowError, "intermediate overflow in fsum");
        }
    }
}

// sqrt(sum(v[i]**2)) rounded once: components are scaled by the largest
// one's power of two, squares and sums kept as double-doubles, and the
// square root corrected by one Newton step on the double-double.
static double vector_norm(const double *v, size_t n, double maxv, bool found_nan) {
    if (isinf(maxv)) {
        return maxv;
    }
    if (found_nan) {
        return NAN;
    }
    if (maxv == 0.0 || n <= 1) {
        return maxv;
    }
    int e;
    frexp(maxv, &e);
    double hi = 0.0, lo = 0.0;
    for (size_t i = 0; i < n; i++) {
        double x = ldexp(v[i], -e);
        double p = x * x;
        double pe = fma(x, x, -p);
        double s = hi + p;
        double bp = s - hi;
        lo += (hi - (s - bp)) + (p - bp) + pe;
        hi = s;
    }
    double s = hi + lo;
    lo -= s - hi;
    hi = s;
    double r = sqrt(hi);
    double d = fma(-r, r, hi) + lo;
    r += d / (2.0 * r);
    return ldexp(r, e);
}

// Absolute values of the coordinates; the largest and whether a nan showed.
static int collect_coords(ThreadState *ts, const Value *items, const Value *other, size_t n,
                          double *out, double *maxv, bool *nan) {
    *maxv = 0.0;
    *nan = false;
    for (size_t i = 0; i < n; i++) {
        double x, y = 0.0;
        if (float_as_double(ts, items[i], &x) < 0 ||
            (other && float_as_double(ts, other[i], &y) < 0)) {
            return -1;
        }
        x = fabs(x - y);
        out[i] = x;
        *nan |= isnan(x);
        *maxv = x > *maxv ? x : *maxv;
    }
    return 0;
}

// hypot(*coordinates), any number of them (3.8+).
static Value m_hypot(ThreadState *ts, Value self, const Value *args, size_t nargs,
                     TupleObj *kwnames) {
    double *v = malloc((nargs ? nargs : 1) * sizeof *v);
    if (!v) {
        return exc_no_memory(ts);
    }
    double maxv;
    bool nan;
    if (collect_coords(ts, args, NULL, nargs, v, &maxv, &nan) < 0) {
        free(v);
        return CS_ERR;
    }
    double r = vector_norm(v, nargs, maxv, nan);
    free(v);
    return float_val(r);
}

// dist accepts any sequences, converting them to tuples first.
static Value as_tuple_arg(ThreadState *ts, Value v) {
    return tuple_check(v) ? v : obj_to_tuple(ts, v);
}

// dist(p, q): the norm of the coordinate differences.
static Value m_dist(ThreadState *ts, Value self, const Value *args, size_t nargs,
                    TupleObj *kwnames) {
    if (check_args(ts, "dist", nargs, 2, 2) < 0) {
        return CS_ERR;
    }
    Value p = as_tuple_arg(ts, args[0]);
    Value q = p == CS_ERR ? CS_ERR : as_tuple_arg(ts, args[1]);
    if (q == CS_ERR) {
        return CS_ERR;
    }
    size_t n = as_tuple(p)->len;
    if (as_tuple(q)->len != n) {
        return exc_raise(ts, exc_ValueError, "both points must have the same number of dimensions");
    }
    double *v = malloc((n ? n : 1) * sizeof *v);
    if (!v) {
        return exc_no_memory(ts);
    }
    double maxv;
    bool nan;
    if (collect_coords(ts, as_tuple(p)->items, as_tuple(q)->items, n, v, &maxv, &nan) < 0) {
        free(v);
        return CS_ERR;
    }
    double r = vector_norm(v, n, maxv, nan);
    free(v);
    return float_val(r);
}

// ---------------------------------------------------------------------------
// The module

static const MethodDef math_functions[] = {
    {"acos", m_acos, 0, "Return the arc cosine (measured in radians) of x."},
    {"acosh", m_acosh, 0, "Return the inverse hyperbolic cosine of x."},
    {"asin", m_asin, 0, "Return the arc sine (measured in radians) of x."},
    {"asinh", m_asinh, 0, "Return the inverse hyperbolic sine of x."},
    {"atan", m_atan, 0, "Return the arc tangent (measured in radians) of x."},
    {"atan2", m_atan2, 0, "Return the arc tangent (measured in radians) of y/x."},
    {"atanh", m_atanh, 0, "Return the inverse hyperbolic tangent of x."},
    {"cbrt", m_cbrt, 0, "Return the cube root of x."},
    {"ceil", m_ceil, 0, "Return the ceiling of x as an Integral."},
    {"comb", m_comb, 0, "Number of ways to choose k items from n items without repetition."},
    {"copysign", m_copysign, 0, "Return a float with the magnitude of x but the sign of y."},
    {"cos", m_cos, 0, "Return the cosine of x (measured in radians)."},
    {"cosh", m_cosh, 0, "Return the hyperbolic cosine of x."},
    {"degrees", m_degrees, 0, "Convert angle x from radians to degrees."},
    {"dist", m_dist, 0, "Return the Euclidean distance between two points p and q."},
    {"erf", m_erf, 0, "Error function at x."},
    {"erfc", m_erfc, 0, "Complementary error function at x."},
    {"exp", m_exp, 0, "Return e raised to the power of x."},
    {"exp2", m_exp2, 0, "Return 2 raised to the power of x."},
    {"expm1", m_expm1, 0, "Return exp(x)-1."},
    {"fabs", m_fabs, 0, "Return the absolute value of the float x."},
    {"factorial", m_factorial, 0, "Find x!."},
    {"floor", m_floor, 0, "Return the floor of x as an Integral."},
    {"fmod", m_fmod, 0, "Return fmod(x, y), according to platform C."},
    {"frexp", m_frexp, 0, "Return the mantissa and exponent of x, as pair (m, e)."},
    {"fsum", m_fsum, 0, "Return an accurate floating point sum of values in the iterable seq."},
    {"gamma", m_gamma, 0, "Gamma function at x."},
    {"gcd", m_gcd, 0, "Greatest Common Divisor."},
    {"hypot", m_hypot, 0, "Multidimensional Euclidean distance from the origin to a point."},
    {"isclose", m_isclose, METH_KEYWORDS,
     "Determine whether two floating point numbers are close in value."},
    {"isfinite", m_isfinite, 0, "Return True if x is neither an infinity nor a NaN."},
    {"isinf", m_isinf, 0, "Return True if x is a positive or negative infinity."},
    {"isnan", m_isnan, 0, "Return True if x is a NaN (not a number)."},
    {"isqrt", m_isqrt, 0, "Return the integer part of the square root of the input."},
    {"lcm", m_lcm, 0, "Least Common Multiple."},
    {"ldexp", m_ldexp, 0, "Return x * (2**i)."},
    {"lgamma", m_lgamma, 0, "Natural logarithm of absolute value of Gamma function at x."},
    {"log", m_log, 0, "log(x, [base=math.e])"},
    {"log10", m_log10, 0, "Return the base 10 logarithm of x."},
    {"log1p", m_log1p, 0, "Return the natural logarithm of 1+x (base e)."},
    {"log2", m_log2, 0, "Return the base 2 logarithm of x."},
    {"modf", m_modf, 0, "Return the fractional and integer parts of x."},
    {"nextafter", m_nextafter, 0, "Return the next floating-point value after x towards y."},
    {"perm", m_perm, 0,
     "Number of ways to choose k items from n items without repetition and with order."},
    {"pow", m_pow, 0, "Return x**y (x to the power of y)."},
    {"prod", m_prod, METH_KEYWORDS,
     "Calculate the product of all the elements in the input iterable."},
    {"radians", m_radians, 0, "Convert angle x from degrees to radians."},
    {"remainder", m_remainder, 0, "Difference between x and the closest integer multiple of y."},
    {"sin", m_sin, 0, "Return the sine of x (measured in radians)."},
    {"sinh", m_sinh, 0, "Return the hyperbolic sine of x."},
    {"sqrt", m_sqrt, 0, "Return the square root of x."},
    {"tan", m_tan, 0, "Return the tangent of x (measured in radians)."},
    {"tanh", m_tanh, 0, "Return the hyperbolic tangent of x."},
    {"trunc", m_trunc, 0, "Truncates the Real x to the nearest Integral toward 0."},
    {"ulp", m_ulp, 0, "Return the value of the least significant bit of the float x."},
    {NULL, NULL, 0, NULL},
};

// The module object with its functions and the constants pi, e, tau, inf
// and nan.
Value math_module_init(ThreadState *ts) {
    Value m = module_new(ts, "math");
    if (m == CS_ERR) {
        return CS_ERR;
    }
    ModuleObj *mod = (ModuleObj *)as_obj(m);
    if (module_add_functions(ts, mod, math_functions) < 0 ||
        module_add_value(ts, mod, "pi", float_val(MATH_PI)) < 0 ||
        module_add_value(ts, mod, "e", float_val(MATH_E)) < 0 ||
        module_add_value(ts, mod, "tau", float_val(2.0 * MATH_PI)) < 0 ||
        module_add_value(ts, mod, "inf", float_val(HUGE_VAL)) < 0 ||
        module_add_value(ts, mod, "nan", float_val(NAN)) < 0) {
        return CS_ERR;
    }
    return m;
}
