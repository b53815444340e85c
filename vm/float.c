// float: immediate doubles (vm/value.h), and FloatObj for instances of float
// subclasses. Arithmetic with CPython's special cases, the numeric hash,
// shortest round-trip repr, float() parsing, format() of floats, hex/fromhex
// and round. Ints are vm/int.c; the layout of formatted numbers vm/format.c.
#include "vm/int.h"

#include <errno.h>
#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/bytes.h"
#include "vm/exc.h"
#include "vm/func.h"
#include "vm/gc.h"
#include "vm/list.h"
#include "vm/state.h"
#include "vm/str.h"
#include "vm/unicode.h"

#define HASH_BITS 61
#define HASH_MOD  ((UINT64_C(1) << HASH_BITS) - 1)
#define HASH_INF  314159

// Plain floats are immediates; only subclass instances are objects.
bool float_check(Value v) {
    return is_float(v) || (is_obj(v) && type_is_subtype(as_obj(v)->type, &type_float));
}

double float_value(Value v) {
    return is_float(v) ? as_float(v) : ((FloatObj *)as_obj(v))->value;
}

// ---------------------------------------------------------------------------
// Decimal digits of a double, as the modes of David Gay's dtoa that CPython
// uses: 0 = shortest string that reads back as x, 2 = nd significant digits,
// 3 = nd digits after the point. The C library's printf is exact and rounds
// half-even, so modes 2 and 3 are one snprintf; mode 0 searches lengths.

// x (> 0, finite) with p significant digits: the digits go to d (p chars),
// the result is the decimal exponent of the first digit. *exact tells
// whether the string reads back as x.
static int sci_digits(double x, int p, char *d, bool *exact) {
    char buf[48];
    snprintf(buf, sizeof buf, "%.*e", p - 1, x);
    *exact = strtod(buf, NULL) == x;
    int k = 0;
    const char *q = buf;
    for (; *q != 'e'; q++) {
        if (*q != '.') {
            d[k++] = *q;
        }
    }
    return atoi(q + 1);
}

// Does the p-digit decimal d * 10**(e - p + 1), moved one unit towards x,
// read back as x? On success d and *e hold the neighbour.
static bool neighbour_reads_back(double x, char *d, int p, int *e) {
    char buf[48];
    snprintf(buf, sizeof buf, "%c.%.*se%d", d[0], p - 1, d + 1, *e);
    bool up = strtod(buf, NULL) < x;
    char n[24];
    memcpy(n, d, (size_t)p);
    int ne = *e;
    int i = p - 1;
    if (up) {
        while (i >= 0 && n[i] == '9') {
            n[i--] = '0';
        }
        if (i < 0) {
            n[0] = '1'; // 9.99 -> 10.0: one more decade
            ne++;
        } else {
            n[i]++;
        }
    } else {
        while (i >= 0 && n[i] == '0') {
            n[i--] = '9';
        }
        n[i]--;
        if (n[0] == '0') {
            memmove(n, n + 1, (size_t)p - 1); // 1.00 -> 0.999: one decade less
            n[p - 1] = '9';
            ne--;
        }
    }
    snprintf(buf, sizeof buf, "%c.%.*se%d", n[0], p - 1, n + 1, ne);
    if (strtod(buf, NULL) != x) {
        return false;
    }
    memcpy(d, n, (size_t)p);
    *e = ne;
    return true;
}

static size_t strip_zeros(const char *d, size_t n) {
    while (n > 1 && d[n - 1] == '0') {
        n--;
    }
    return n;
}

// Does the p-digit decimal d * 10**(e - p + 1) read back as x? The text is
// built by hand: this is the hot path of printing floats.
static bool reads_back(double x, const char *d, int p, int e) {
    char buf[48];
    char *q = buf;
    *q++ = d[0];
    *q++ = '.';
    memcpy(q, d + 1, (size_t)p - 1);
    q += p - 1;
    *q++ = 'e';
    if (e < 0) {
        *q++ = '-';
        e = -e;
    }
    char tmp[8];
    int k = 0;
    do {
        tmp[k++] = (char)('0' + e % 10);
        e /= 10;
    } while (e);
    while (k) {
        *q++ = tmp[--k];
    }
    *q = '\0';
    return strtod(buf, NULL) == x;
}

// The 17 correctly rounded digits d17 rounded again to p digits, into out
// (exponent in *e). Double rounding is exact unless the dropped digits read
// exactly as a tie ("5", "50"), where x itself may lie on either side:
// then false, and the caller converts x directly.
static bool round_from_17(const char *d17, int p, char *out, int *e) {
    bool tie = d17[p] == '5';
    for (int i = p + 1; i < 17 && tie; i++) {
        tie = d17[i] == '0';
    }
    if (tie) {
        return false;
    }
    memcpy(out, d17, (size_t)p);
    if (d17[p] >= '5') {
        int i = p - 1;
        while (i >= 0 && out[i] == '9') {
            out[i--] = '0';
        }
        if (i < 0) {
            out[0] = '1'; // 9.99... rounds to 10.0...: one more decade
            (*e)++;
        } else {
            out[i]++;
        }
    }
    return true;
}

// Mode 0 for x > 0. Any decimal of at most 15 digits that reads back as a
// normal double is that double's correctly rounded 15-digit form (15-digit
// decimals are spaced wider than a double's rounding interval), so 15, 16
// and 17 digits are the only lengths to try, all derived from one 17-digit
// conversion. Below DBL_MIN the interval is wide and every length is tried.
// Only at a power of two is the interval lopsided, where the other
// neighbour of x may read back when the nearer one does not.
static int shortest_digits(double x, char *out, size_t *n) {
    int exp2;
    bool pow2 = frexp(x, &exp2) == 0.5;
    bool exact = false;
    int e = 0;
    if (x < DBL_MIN) {
        int p = 1;
        for (; p < 17; p++) {
            e = sci_digits(x, p, out, &exact);
            if (exact) {
                break;
            }
        }
        if (p == 17) {
            e = sci_digits(x, 17, out, &exact);
        }
        *n = strip_zeros(out, (size_t)p);
        return e + 1;
    }
    char d17[24];
    int e17 = sci_digits(x, 17, d17, &exact);
    for (int p = 15; p <= 16; p++) {
        e = e17;
        if (round_from_17(d17, p, out, &e)) {
            exact = reads_back(x, out, p, e);
        } else {
            e = sci_digits(x, p, out, &exact);
        }
        if (exact || (pow2 && p == 16 && neighbour_reads_back(x, out, p, &e))) {
            *n = strip_zeros(out, (size_t)p);
            return e + 1;
        }
    }
    memcpy(out, d17, 17);
    *n = strip_zeros(out, 17);
    return e17 + 1;
}

// Mode 2 / 3 via snprintf into a scratch buffer. Returns the decimal point
// position, or INT_MIN when out of memory.
static int printf_digits(double x, int mode, int nd, char *out, size_t *n) {
    size_t cap = (size_t)nd + 340;
    char *buf = malloc(cap);
    if (!buf) {
        return INT_MIN;
    }
    snprintf(buf, cap, mode == 2 ? "%.*e" : "%.*f", mode == 2 ? nd - 1 : nd, x);
    size_t k = 0;
    int decpt = 0;
    const char *q = buf;
    for (; *q && *q != 'e'; q++) {
        if (*q == '.') {
            decpt = (int)k;
        } else {
            out[k++] = *q;
        }
    }
    if (mode == 2) {
        decpt = atoi(q + 1) + 1;
    } else if (!strchr(buf, '.')) {
        decpt = (int)k;
    }
    free(buf);
    size_t lead = 0;
    while (lead + 1 < k && out[lead] == '0') {
        lead++;
    }
    if (lead) {
        memmove(out, out + lead, k - lead);
        k -= lead;
        decpt -= (int)lead;
    }
    if (k == 1 && out[0] == '0') {
        decpt = 1;
    }
    *n = strip_zeros(out, k);
    return decpt;
}

// Capacity of the digit buffer get_digits needs.
static size_t digits_cap(int mode, int nd) {
    return mode == 0 ? 24 : (size_t)nd + 340;
}

// Zero is "0" with the point after it in every mode, as in dtoa.
static int get_digits(double x, int mode, int nd, char *out, size_t *n) {
    if (x == 0.0) {
        out[0] = '0';
        *n = 1;
        return 1;
    }
    if (mode == 0) {
        return shortest_digits(x, out, n);
    }
    return printf_digits(x, mode, nd, out, n);
}

// ---------------------------------------------------------------------------
// Laying digits out (CPython's format_float_short): an optional exponent,
// zero padding on either side, the decimal point.

typedef struct Layout {
    bool use_exp;
    int exp;
    int decpt;
    int vstart, vend; // slice of the zero-extended digit string to print
} Layout;

// Decides fixed vs exponent notation and how far to zero-extend, following
// CPython's format_float_short: 'e' always uses an exponent, 'f' never, 'g'
// when the exponent is < -4 or >= precision, 'r' (repr) when < -4 or >= 16.
static Layout plan_layout(size_t ndig, int decpt, char code, int precision, unsigned flags) {
    Layout l = {.use_exp = false, .exp = 0, .decpt = decpt, .vstart = 0, .vend = (int)ndig};
    bool add_dot_0 = flags & FLOAT_FMT_ADD_DOT_0;
    switch (code) {
    case 'e':
        l.use_exp = true;
        l.vend = precision;
        break;
    case 'f':
        l.vend = decpt + precision;
        break;
    case 'g':
        if (decpt <= -4 || decpt > (add_dot_0 ? precision - 1 : precision)) {
            l.use_exp = true;
        }
        if (flags & FLOAT_FMT_ALT) {
            l.vend = precision;
        }
        break;
    default: // 'r': exponent from 1e16 on, and below 1e-4
        l.use_exp = decpt <= -4 || decpt > 16;
        break;
    }
    if (l.use_exp) {
        l.exp = decpt - 1;
        l.decpt = 1;
    }
    l.vstart = l.decpt <= 0 ? l.decpt - 1 : 0;
    int min_end = (!l.use_exp && add_dot_0) ? l.decpt + 1 : l.decpt;
    if (l.vend < min_end) {
        l.vend = min_end;
    }
    if (l.vend < (int)ndig) {
        l.vend = (int)ndig;
    }
    return l;
}

static size_t layout_size(const Layout *l) {
    return 8 + (size_t)(l->vend - l->vstart) + (l->use_exp ? 8 : 0);
}

static char *put_zeros(char *p, int n) {
    for (int i = 0; i < n; i++) {
        *p++ = '0';
    }
    return p;
}

// Writes sign, leading zeros, digits with the decimal point, trailing
// zeros, then the exponent (at least two digits: e+16, e-05). The point is
// dropped at the end unless '#' asks to keep it.
static size_t write_layout(char *out, const Layout *l, bool neg, bool plus, const char *digits,
                           int ndig, bool alt) {
    char *p = out;
    if (neg) {
        *p++ = '-';
    } else if (plus) {
        *p++ = '+';
    }
    int decpt = l->decpt;
    if (decpt <= 0) {
        p = put_zeros(p, decpt - l->vstart);
        *p++ = '.';
        p = put_zeros(p, -decpt);
    } else {
        p = put_zeros(p, -l->vstart);
    }
    if (decpt > 0 && decpt <= ndig) {
        memcpy(p, digits, (size_t)decpt);
        p += decpt;
        *p++ = '.';
        memcpy(p, digits + decpt, (size_t)(ndig - decpt));
        p += ndig - decpt;
    } else {
        memcpy(p, digits, (size_t)ndig);
        p += ndig;
    }
    if (ndig < decpt) {
        p = put_zeros(p, decpt - ndig);
        *p++ = '.';
        p = put_zeros(p, l->vend - decpt);
    } else {
        p = put_zeros(p, l->vend - ndig);
    }
    if (p[-1] == '.' && !alt) {
        p--;
    }
    if (l->use_exp) {
        p += sprintf(p, "e%+.02d", l->exp);
    }
    *p = '\0';
    return (size_t)(p - out);
}

// inf and nan never take a sign from a nan's sign bit, only '+' on request.
static char *special_cstr(double d, unsigned flags, bool upper) {
    char *s = malloc(8);
    if (!s) {
        return NULL;
    }
    const char *word = isnan(d) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf");
    const char *sign = "";
    if (!isnan(d) && d < 0) {
        sign = "-";
    } else if (flags & FLOAT_FMT_SIGN) {
        sign = "+";
    }
    snprintf(s, 8, "%s%s", sign, word);
    return s;
}

// 'e' counts digits after the point, so dtoa gets one more significant
// digit; 'g' with precision 0 means 1, as in C.
char *float_to_cstr(double d, char code, int precision, unsigned flags) {
    bool upper = code == 'E' || code == 'F' || code == 'G';
    char c = upper ? (char)(code - 'A' + 'a') : code;
    int mode = 0;
    if (c == 'e') {
        mode = 2;
        precision++;
    } else if (c == 'f') {
        mode = 3;
    } else if (c == 'g') {
        mode = 2;
        precision = precision == 0 ? 1 : precision;
    } else {
        c = 'r';
        precision = 0;
    }
    if (!isfinite(d)) {
        return special_cstr(d, flags, upper);
    }
    char *digits = malloc(digits_cap(mode, precision));
    if (!digits) {
        return NULL;
    }
    size_t nd = 0;
    int decpt = get_digits(fabs(d), mode, precision, digits, &nd);
    if (decpt == INT_MIN) {
        free(digits);
        return NULL;
    }
    bool neg = signbit(d) != 0;
    if ((flags & FLOAT_FMT_NO_NEG_0) && nd == 1 && digits[0] == '0') {
        neg = false;
    }
    Layout l = plan_layout(nd, decpt, c, precision, flags);
    char *out = malloc(layout_size(&l));
    if (out) {
        write_layout(out, &l, neg, flags & FLOAT_FMT_SIGN, digits, (int)nd, flags & FLOAT_FMT_ALT);
        for (char *p = out; upper && *p; p++) {
            *p = *p == 'e' ? 'E' : *p;
        }
    }
    free(digits);
    return out;
}

// repr(float): shortest digits, exponent outside [1e-4, 1e16), ".0" added
// to integral values. No allocation: this is the hot path of printing.
void float_repr_buf(double d, char *buf, size_t n) {
    char out[64];
    if (!isfinite(d)) {
        snprintf(buf, n, "%s", isnan(d) ? "nan" : d > 0 ? "inf" : "-inf");
        return;
    }
    char digits[24];
    size_t nd;
    int decpt = get_digits(fabs(d), 0, 0, digits, &nd);
    Layout l = plan_layout(nd, decpt, 'r', 0, FLOAT_FMT_ADD_DOT_0);
    write_layout(out, &l, signbit(d) != 0, false, digits, (int)nd, false);
    snprintf(buf, n, "%s", out);
}

Value float_repr_str(ThreadState *ts, double d) {
    char buf[64];
    float_repr_buf(d, buf, sizeof buf);
    return str_new(ts, buf, strlen(buf));
}

// ---------------------------------------------------------------------------
// Hashing: x = m * 2**e with an integer m below 2**53, and since
// 2**61 == 1 modulo 2**61 - 1, multiplying by 2**e is a rotation of 61 bits.
// (The same values as CPython's _Py_HashDouble, computed differently.)

// x * 2**s modulo 2**61 - 1, for x below the modulus.
static uint64_t rotate61(uint64_t x, int s) {
    s %= HASH_BITS;
    if (s == 0) {
        return x;
    }
    return ((x << s) & HASH_MOD) | (x >> (HASH_BITS - s));
}

// inf hashes to +-314159 and nan to 0 (CPython 3.10+ hashes nan by
// identity, which immediates do not have; nan != nan anyway).
int64_t float_hash(double d) {
    if (isinf(d)) {
        return d > 0 ? HASH_INF : -HASH_INF;
    }
    if (isnan(d) || d == 0.0) {
        return 0;
    }
    int e;
    double m = frexp(fabs(d), &e);
    uint64_t mant = (uint64_t)ldexp(m, 53); // exact: 53 significant bits
    e -= 53;
    int s = e >= 0 ? e % HASH_BITS : HASH_BITS - 1 - ((-1 - e) % HASH_BITS);
    int64_t h = (int64_t)rotate61(mant % HASH_MOD, s);
    if (d < 0) {
        h = -h;
    }
    return h == -1 ? -2 : h;
}

// ---------------------------------------------------------------------------
// Text to float: CPython's float() grammar, with '_' between digits and
// Unicode digits and spaces accepted.

static bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

static bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

// Copies s into ASCII (Unicode decimals to digits, Unicode spaces to ' ',
// other non-ASCII to '?'), dropping valid underscores; NULL if out of
// memory. *ok is false when an underscore is misplaced.
static char *clean_number_text(const char *s, size_t len, bool *ok) {
    char *out = malloc(len + 1);
    if (!out) {
        return NULL;
    }
    size_t k = 0;
    char prev = 0;
    *ok = true;
    for (size_t i = 0; i < len;) {
        char c = s[i];
        size_t step = 1;
        if ((unsigned char)c >= 0x80) {
            uint32_t cp;
            step = utf8_decode(s + i, len - i, &cp);
            int dv = step ? unicode_decimal(cp) : -1;
            c = dv >= 0 ? (char)('0' + dv) : (step && unicode_isspace(cp)) ? ' ' : '?';
            step = step ? step : 1;
        } else if (c == '\0') {
            c = '?';
        }
        i += step;
        if (c == '_') {
            *ok = *ok && is_digit(prev) && i < len && is_digit(s[i]);
        } else {
            out[k++] = c;
        }
        prev = c;
    }
    out[k] = '\0';
    return out;
}

static bool match_word(const char *p, const char *word) {
    for (; *word; p++, word++) {
        char c = *p >= 'A' && *p <= 'Z' ? (char)(*p - 'A' + 'a') : *p;
        if (c != *word) {
            return false;
        }
    }
    return *p == '\0';
}

// Validates [sign](inf|infinity|nan|digits[.digits][e[sign]digits]) in p
// (already stripped) and converts it.
static bool parse_decimal(const char *p, double *out) {
    const char *start = p;
    bool neg = *p == '-';
    if (*p == '+' || *p == '-') {
        p++;
    }
    if (match_word(p, "inf") || match_word(p, "infinity")) {
        *out = neg ? -HUGE_VAL : HUGE_VAL;
        return true;
    }
    if (match_word(p, "nan")) {
        *out = NAN;
        return true;
    }
    size_t digits = 0;
    for (; is_digit(*p); p++) {
        digits++;
    }
    if (*p == '.') {
        for (p++; is_digit(*p); p++) {
            digits++;
        }
    }
    if (digits == 0) {
        return false;
    }
    if (*p == 'e' || *p == 'E') {
        p++;
        if (*p == '+' || *p == '-') {
            p++;
        }
        if (!is_digit(*p)) {
            return false;
        }
        while (is_digit(*p)) {
            p++;
        }
    }
    if (*p) {
        return false;
    }
    *out = strtod(start, NULL);
    return true;
}

// 1 converted, 0 not a float literal, -1 out of memory.
static int parse_float_text(const char *s, size_t len, double *out) {
    bool ok;
    char *text = clean_number_text(s, len, &ok);
    if (!text) {
        return -1;
    }
    char *p = text;
    while (is_space(*p)) {
        p++;
    }
    size_t n = strlen(p);
    while (n > 0 && is_space(p[n - 1])) {
        p[--n] = '\0';
    }
    int r = ok && parse_decimal(p, out) ? 1 : 0;
    free(text);
    return r;
}

// The message shows the repr of the original text, whitespace included.
Value float_from_string(ThreadState *ts, const char *s, size_t len) {
    double d;
    int r = parse_float_text(s, len, &d);
    if (r < 0) {
        return exc_no_memory(ts);
    }
    if (r == 0) {
        Value text = str_new(ts, s, len);
        if (text == CS_ERR) {
            return CS_ERR;
        }
        return exc_raise(ts, exc_ValueError, "could not convert string to float: %R", text);
    }
    return float_val(d);
}

static Value float_from_bytes_like(ThreadState *ts, Value v) {
    const unsigned char *data;
    size_t len;
    if (bytes_view(ts, v, &data, &len) < 0) {
        return CS_ERR;
    }
    double d;
    int r = parse_float_text((const char *)data, len, &d);
    if (r < 0) {
        return exc_no_memory(ts);
    }
    if (r == 0) {
        return exc_raise(ts, exc_ValueError, "could not convert string to float: %R", v);
    }
    return float_val(d);
}

// CPython's PyNumber_Float: __float__ (which must return a float), then
// __index__, then text; a float subclass's __float__ result is accepted as
// its value (CPython only warns).
Value float_from_value(ThreadState *ts, Value v) {
    if (is_float(v)) {
        return v;
    }
    TypeObj *t = type_of(v);
    if (t->to_float) {
        Value r = t->to_float(ts, v);
        if (r == CS_ERR || is_float(r)) {
            return r;
        }
        if (float_check(r)) {
            return float_val(float_value(r));
        }
        return exc_raise(ts, exc_TypeError, "%T.__float__ returned non-float (type %T)", v, r);
    }
    if (t->index) {
        Value i = obj_index(ts, v);
        if (i == CS_ERR) {
            return CS_ERR;
        }
        double d = int_as_double(ts, i);
        return d == -1.0 && ts_has_exc(ts) ? CS_ERR : float_val(d);
    }
    if (str_check(v)) {
        return float_from_string(ts, as_str(v)->data, as_str(v)->len);
    }
    if (bytes_check(v) || t == &type_bytearray) {
        return float_from_bytes_like(ts, v);
    }
    return exc_raise(ts, exc_TypeError,
                     "float() argument must be a string or a real number, not '%T'", v);
}

// What math functions accept: floats, ints (OverflowError when too big) and
// objects with __float__ or __index__; anything else is "must be real
// number, not str".
int float_as_double(ThreadState *ts, Value v, double *out) {
    if (float_check(v)) {
        *out = float_value(v);
        return 0;
    }
    if (int_check(v)) {
        *out = int_as_double(ts, v);
        return *out == -1.0 && ts_has_exc(ts) ? -1 : 0;
    }
    TypeObj *t = type_of(v);
    if (!t->to_float && !t->index) {
        return exc_raise_int(ts, exc_TypeError, "must be real number, not %T", v);
    }
    Value f = float_from_value(ts, v);
    if (f == CS_ERR) {
        return -1;
    }
    *out = float_value(f);
    return 0;
}

// ---------------------------------------------------------------------------
// Formatting

// Splits a formatted float into sign, integer digits (which grouping and
// zero padding apply to) and the rest (point, fraction, exponent, '%').
static Value format_float_text(ThreadState *ts, const FormatSpec *fs, const char *s, bool pct) {
    bool neg = s[0] == '-';
    const char *p = s + neg;
    size_t nd = 0;
    while (is_digit(p[nd])) {
        nd++;
    }
    size_t nrest = strlen(p + nd);
    char *rest = malloc(nrest + 2);
    if (!rest) {
        return exc_no_memory(ts);
    }
    memcpy(rest, p + nd, nrest);
    if (pct) {
        rest[nrest++] = '%';
    }
    rest[nrest] = '\0';
    Value r = format_number(ts, fs, neg, "", p, nd, rest, nrest, fs->grouping ? 3 : 0);
    free(rest);
    return r;
}

// CPython's format_float_internal: no type means repr-like output, or 'g'
// with a precision but keeping ".0"; '%' is 'f' of the value times 100;
// 'n' is 'g' (C locale).
Value float_format_spec(ThreadState *ts, double d, const FormatSpec *fs) {
    char type = fs->type;
    switch (type) {
    case 0:
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
    case 'n':
    case '%':
        break;
    default:
        return format_unknown_code(ts, type, "float");
    }
    if (fs->precision > INT_MAX) {
        return exc_raise(ts, exc_ValueError, "precision too big");
    }
    int precision = (int)fs->precision;
    unsigned flags =
        (fs->alternate ? FLOAT_FMT_ALT : 0) | (fs->no_neg_zero ? FLOAT_FMT_NO_NEG_0 : 0);
    int default_precision = 6;
    bool pct = false;
    if (type == 0) {
        // Like repr without a precision; like 'g' with one, keeping a ".0".
        flags |= FLOAT_FMT_ADD_DOT_0;
        type = 'r';
        default_precision = 0;
    } else if (type == 'n') {
        type = 'g';
    } else if (type == '%') {
        type = 'f';
        d *= 100;
        pct = true;
    }
    if (precision < 0) {
        precision = default_precision;
    } else if (type == 'r') {
        type = 'g';
    }
    char *s = float_to_cstr(d, type, precision, flags);
    if (!s) {
        return exc_no_memory(ts);
    }
    Value r = format_float_text(ts, fs, s, pct);
    free(s);
    return r;
}

Value float_format(ThreadState *ts, double d, Value spec) {
    StrObj *s = as_str(spec);
    if (s->len == 0) {
        return float_repr_str(ts, d);
    }
    FormatSpec fs;
    if (format_spec_parse_ex(ts, s->data, s->len, "float", 0, &fs) < 0) {
        return CS_ERR;
    }
    return float_format_spec(ts, d, &fs);
}

// ---------------------------------------------------------------------------
// Arithmetic

// A double from a float or int operand: 1 done, 0 not a number, -1 raised.
static int operand(ThreadState *ts, Value v, double *out) {
    if (is_float(v)) {
        *out = as_float(v);
        return 1;
    }
    if (int_check(v)) {
        *out = int_as_double(ts, v);
        return *out == -1.0 && ts_has_exc(ts) ? -1 : 1;
    }
    if (float_check(v)) {
        *out = float_value(v);
        return 1;
    }
    return 0;
}

// Both operands as doubles; CS_UNBOUND when they are, else the slot's result.
static Value operands(ThreadState *ts, Value a, Value b, double *x, double *y) {
    int ca = operand(ts, a, x);
    if (ca <= 0) {
        return ca < 0 ? CS_ERR : CS_NOTIMPL_VAL;
    }
    int cb = operand(ts, b, y);
    if (cb <= 0) {
        return cb < 0 ? CS_ERR : CS_NOTIMPL_VAL;
    }
    return CS_UNBOUND;
}

#define FLOAT_BINOP(name, body)                                                                    \
    static Value name(ThreadState *ts, Value a, Value b) {                                         \
        double x, y;                                                                               \
        Value bad = operands(ts, a, b, &x, &y);                                                    \
        if (bad != CS_UNBOUND) {                                                                   \
            return bad;                                                                            \
        }                                                                                          \
        body                                                                                       \
    }

FLOAT_BINOP(slot_add, return float_val(x + y);)
FLOAT_BINOP(slot_sub, return float_val(x - y);)
FLOAT_BINOP(slot_mul, return float_val(x * y);)

FLOAT_BINOP(slot_truediv, {
    if (y == 0.0) {
        return exc_raise(ts, exc_ZeroDivisionError, "float division by zero");
    }
    return float_val(x / y);
})

// Python's modulo: the remainder takes the divisor's sign; a zero remainder
// is a zero of the divisor's sign.
static double py_mod(double x, double y) {
    double m = fmod(x, y);
    if (m != 0.0) {
        if ((y < 0) != (m < 0)) {
            m += y;
        }
    } else {
        m = copysign(0.0, y);
    }
    return m;
}

// floor(x / y) consistent with py_mod: (x - mod) / y is an integer up to
// rounding, snapped to the nearest one.
static double py_floordiv(double x, double y) {
    double m = fmod(x, y);
    double q = (x - m) / y;
    if (m != 0.0 && (y < 0) != (m < 0)) {
        q -= 1.0;
    }
    if (q == 0.0) {
        return copysign(0.0, x / y);
    }
    double f = floor(q);
    return q - f > 0.5 ? f + 1.0 : f;
}

FLOAT_BINOP(slot_mod, {
    if (y == 0.0) {
        return exc_raise(ts, exc_ZeroDivisionError, "float modulo");
    }
    return float_val(py_mod(x, y));
})

FLOAT_BINOP(slot_floordiv, {
    if (y == 0.0) {
        return exc_raise(ts, exc_ZeroDivisionError, "float floor division by zero");
    }
    return float_val(py_floordiv(x, y));
})

// divmod with the same rounding as // and %, and its own zero message.
static Value float_divmod(ThreadState *ts, Value a, Value b) {
    double x, y;
    Value bad = operands(ts, a, b, &x, &y);
    if (bad != CS_UNBOUND) {
        return bad;
    }
    if (y == 0.0) {
        return exc_raise(ts, exc_ZeroDivisionError, "float divmod()");
    }
    return tuple_pack(ts, 2, float_val(py_floordiv(x, y)), float_val(py_mod(x, y)));
}

// For the sign rules of pow: only finite odd integers keep a base's sign.
static bool is_odd_integer(double y) {
    return fmod(fabs(y), 2.0) == 1.0;
}

// CPython raises OverflowError from errno: args (34, 'Numerical result out
// of range'), printed as a tuple.
static Value raise_erange(ThreadState *ts) {
    Value args[2];
    args[0] = small_int_val(ERANGE);
    args[1] = str_from_cstr(ts, strerror(ERANGE));
    if (args[1] == CS_ERR) {
        return CS_ERR;
    }
    return exc_raise_args(ts, exc_OverflowError, args, 2);
}

// pow for finite x > 0 (x != 1), finite y != 0: the C library, with
// overflow reported as CPython does.
static Value pow_finite(ThreadState *ts, double x, double y, bool negate) {
    errno = 0;
    double r = pow(x, y);
    if (isinf(r)) {
        return raise_erange(ts);
    }
    return float_val(negate ? -r : r);
}

// (+-inf) ** y: inf for y > 0, 0 for y < 0, signed when y is an odd integer.
static Value pow_of_inf(double x, double y) {
    bool odd = is_odd_integer(y);
    if (y > 0) {
        return float_val(odd ? x : fabs(x));
    }
    return float_val(odd ? copysign(0.0, x) : 0.0);
}

// float ** float following CPython's float_pow special cases in order:
// x ** 0 == 1 (even nan), nan propagates except 1 ** nan, infinities by
// magnitude, 0 ** negative raises, negative ** non-integer would be complex
// (cs has no complex type: ValueError), and (-1) ** huge == +-1.
Value float_pow_d(ThreadState *ts, double x, double y) {
    if (y == 0.0) {
        return float_val(1.0);
    }
    if (isnan(x)) {
        return float_val(x);
    }
    if (isnan(y)) {
        return float_val(x == 1.0 ? 1.0 : y);
    }
    if (isinf(y)) {
        double ax = fabs(x);
        if (ax == 1.0) {
            return float_val(1.0);
        }
        return float_val((y > 0.0) == (ax > 1.0) ? HUGE_VAL : 0.0);
    }
    if (isinf(x)) {
        return pow_of_inf(x, y);
    }
    if (x == 0.0) {
        if (y < 0.0) {
            return exc_raise(ts, exc_ZeroDivisionError, "0.0 cannot be raised to a negative power");
        }
        return float_val(is_odd_integer(y) ? x : 0.0);
    }
    bool negate = false;
    if (x < 0.0) {
        if (y != floor(y)) {
            // CPython returns a complex number here; cs has none.
            return exc_raise(ts, exc_ValueError,
                             "negative number cannot be raised to a fractional power");
        }
        x = -x;
        negate = is_odd_integer(y);
    }
    if (x == 1.0) {
        return float_val(negate ? -1.0 : 1.0);
    }
    return pow_finite(ts, x, y, negate);
}

FLOAT_BINOP(slot_pow, return float_pow_d(ts, x, y);)

static Value slot_neg(ThreadState *ts, Value a) {
    return float_val(-float_value(a));
}

static Value slot_pos(ThreadState *ts, Value a) {
    return float_val(float_value(a));
}

static Value slot_repr(ThreadState *ts, Value v) {
    return float_repr_str(ts, float_value(v));
}

static int64_t slot_hash(ThreadState *ts, Value v) {
    return float_hash(float_value(v));
}

static int slot_truthy(ThreadState *ts, Value v) {
    return float_value(v) != 0.0;
}

static Value slot_to_int(ThreadState *ts, Value v) {
    return int_from_double(ts, float_value(v));
}

static Value cmp_of(int c, CmpOp op) {
    if (c == 2) {
        return bool_val(op == CMP_NE); // nan: unordered
    }
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

// float vs float, or float vs int exactly (int_compare_double); nan is
// unordered, so only != is true.
static Value slot_compare(ThreadState *ts, Value a, Value b, CmpOp op) {
    if (!float_check(a)) {
        return CS_NOTIMPL_VAL;
    }
    double x = float_value(a);
    if (float_check(b)) {
        double y = float_value(b);
        int c = (isnan(x) || isnan(y)) ? 2 : (x > y) - (x < y);
        return cmp_of(c, op);
    }
    if (int_check(b)) {
        int c = int_compare_double(b, x);
        return cmp_of(c == 2 ? 2 : -c, op);
    }
    return CS_NOTIMPL_VAL;
}

// float(x=0.0, /); subclasses get a FloatObj of their type.
static Value float_tp_new(ThreadState *ts, TypeObj *type, const Value *args, size_t nargs,
                          TupleObj *kwnames) {
    if (kwnames && kwnames->len) {
        return exc_raise(ts, exc_TypeError, "float() takes no keyword arguments");
    }
    if (arg_count(ts, "float", nargs, 0, 1) < 0) {
        return CS_ERR;
    }
    Value r = nargs ? float_from_value(ts, args[0]) : float_val(0.0);
    if (r == CS_ERR || type == &type_float) {
        return r;
    }
    FloatObj *o = gc_alloc(ts, type, type->basicsize);
    o->value = float_value(r);
    return obj_val(o);
}

// ---------------------------------------------------------------------------
// round()

// x rounded to a multiple of 10**k (k >= 1), ties to even, computed exactly.
static Value round_to_tens(ThreadState *ts, double x, long k) {
    double ax = fabs(x);
    double ip = trunc(ax);
    double frac = ax - ip;
    mpz_t i, m, q, r;
    mpz_inits(i, m, q, r, NULL);
    mpz_set_d(i, ip);
    mpz_ui_pow_ui(m, 10, (unsigned long)k);
    mpz_fdiv_qr(q, r, i, m);
    mpz_mul_2exp(r, r, 1); // compare 2r + 2frac with m
    int c = mpz_cmp(r, m);
    if (c > 0 || (c == 0 && (frac > 0.0 || mpz_odd_p(q)))) {
        mpz_add_ui(q, q, 1);
    }
    mpz_mul(q, q, m);
    bool overflow;
    double d = int_mpz_ldexp(q, 0, &overflow);
    mpz_clears(i, m, q, r, NULL);
    if (overflow) {
        return exc_raise(ts, exc_OverflowError, "rounded value too large to represent");
    }
    return float_val(copysign(d, x));
}

// round(x, ndigits) correctly rounded: the decimal string rounded half-even
// at ndigits places, read back.
static Value round_digits(ThreadState *ts, double x, int64_t nd) {
    if (!isfinite(x) || x == 0.0 || nd > 323) {
        return float_val(x);
    }
    if (nd < -308) {
        return float_val(0.0 * x);
    }
    if (nd < 0) {
        return round_to_tens(ts, x, (long)-nd);
    }
    size_t cap = (size_t)nd + 340;
    char *buf = malloc(cap);
    if (!buf) {
        return exc_no_memory(ts);
    }
    snprintf(buf, cap, "%.*f", (int)nd, x);
    double r = strtod(buf, NULL);
    free(buf);
    return float_val(r);
}

// round(x) is an int, ties to even (nearbyint in the default rounding
// mode); round(x, n) is a float. n beyond the range of an index clamps
// instead of raising, like PyNumber_AsSsize_t(o, NULL).
static Value float_round(ThreadState *ts, Value self, Value ndigits) {
    double x = float_value(self);
    if (ndigits == CS_UNBOUND || ndigits == CS_NONE) {
        return int_from_double(ts, nearbyint(x)); // ties to even
    }
    Value nd = obj_index(ts, ndigits);
    if (nd == CS_ERR) {
        return CS_ERR;
    }
    int64_t n;
    if (int_as_i64(ts, nd, &n) < 0) {
        exc_clear(ts); // clamped, as PyNumber_AsSsize_t(o, NULL)
        n = int_sign(nd) < 0 ? INT64_MIN : INT64_MAX;
    }
    return round_digits(ts, x, n);
}

// ---------------------------------------------------------------------------
// hex() and fromhex()

// float.hex: 13 hex digits of fraction, "0x1." for normal and "0x0." with
// exponent -1022 for subnormal numbers.
static Value float_hex(ThreadState *ts, double x) {
    if (!isfinite(x)) {
        return float_repr_str(ts, x);
    }
    if (x == 0.0) {
        return str_from_cstr(ts, signbit(x) ? "-0x0.0p+0" : "0x0.0p+0");
    }
    uint64_t bits;
    memcpy(&bits, &x, sizeof bits);
    int bexp = (int)((bits >> 52) & 0x7ff);
    uint64_t frac = bits & ((UINT64_C(1) << 52) - 1);
    int lead = bexp ? 1 : 0;
    int e = bexp ? bexp - 1023 : -1022;
    char buf[48];
    snprintf(buf, sizeof buf, "%s0x%d.%013llxp%+d", x < 0 ? "-" : "", lead,
             (unsigned long long)frac, e);
    return str_from_cstr(ts, buf);
}

static int hex_value(char c) {
    if (is_digit(c)) {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

// Parses [0x]hhh[.hhh][p[+-]ddd] into mantissa digits m and a binary
// exponent; returns the end of the number, or NULL when malformed.
static const char *scan_hex(const char *p, mpz_t m, int64_t *exp) {
    if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
        p += 2;
    }
    int64_t ndig = 0, nfrac = 0;
    bool in_frac = false;
    for (;; p++) {
        if (*p == '.' && !in_frac) {
            in_frac = true;
            continue;
        }
        int h = hex_value(*p);
        if (h < 0) {
            break;
        }
        mpz_mul_2exp(m, m, 4);
        mpz_add_ui(m, m, (unsigned long)h);
        ndig++;
        nfrac += in_frac;
    }
    if (ndig == 0) {
        return NULL;
    }
    int64_t e = 0;
    if (*p == 'p' || *p == 'P') {
        p++;
        bool neg = *p == '-';
        if (*p == '+' || *p == '-') {
            p++;
        }
        if (!is_digit(*p)) {
            return NULL;
        }
        for (; is_digit(*p); p++) {
            e = e < INT64_C(1) << 40 ? e * 10 + (*p - '0') : e;
        }
        e = neg ? -e : e;
    }
    *exp = e - 4 * nfrac;
    return p;
}

// float.fromhex: [ws][sign](inf|nan|hex[.hex][p exp])[ws], one correctly
// rounded conversion however many digits are given.
static Value parse_hex_float(ThreadState *ts, const char *s) {
    const char *p = s;
    while (is_space(*p)) {
        p++;
    }
    bool neg = *p == '-';
    if (*p == '+' || *p == '-') {
        p++;
    }
    size_t n = strlen(p);
    while (n > 0 && is_space(p[n - 1])) {
        n--;
    }
    char word[10] = {0};
    if (n < sizeof word) {
        memcpy(word, p, n);
        if (match_word(word, "inf") || match_word(word, "infinity")) {
            return float_val(neg ? -HUGE_VAL : HUGE_VAL);
        }
        if (match_word(word, "nan")) {
            return float_val(NAN);
        }
    }
    mpz_t m;
    mpz_init(m);
    int64_t e = 0;
    const char *end = scan_hex(p, m, &e);
    while (end && is_space(*end)) {
        end++;
    }
    if (!end || *end) {
        mpz_clear(m);
        return exc_raise(ts, exc_ValueError, "invalid hexadecimal floating-point string");
    }
    bool overflow;
    double d = int_mpz_ldexp(m, e, &overflow);
    mpz_clear(m);
    if (overflow) {
        return exc_raise(ts, exc_OverflowError,
                         "hexadecimal value too large to represent as a float");
    }
    return float_val(neg ? -d : d);
}

// ---------------------------------------------------------------------------
// Methods of float

static Value raise_no_args(ThreadState *ts, const char *name, size_t nargs) {
    return exc_raise(ts, exc_TypeError, "%s() takes no arguments (%zu given)", name, nargs);
}

#define NOARGS(fname)                                                                              \
    if (nargs != 0 || (kwnames && kwnames->len)) {                                                 \
        return raise_no_args(ts, fname, nargs + (kwnames ? kwnames->len : 0));                     \
    }

#define ONEARG(fname)                                                                              \
    if (arg_no_kw(ts, fname, kwnames) < 0 || arg_count(ts, fname, nargs, 1, 1) < 0) {              \
        return CS_ERR;                                                                             \
    }

static Value m_is_integer(ThreadState *ts, Value self, const Value *args, size_t nargs,
                          TupleObj *kwnames) {
    NOARGS("float.is_integer");
    double x = float_value(self);
    return bool_val(isfinite(x) && x == floor(x));
}

// The exact ratio in lowest terms: the denominator is a power of two.
static Value m_as_integer_ratio(ThreadState *ts, Value self, const Value *args, size_t nargs,
                                TupleObj *kwnames) {
    NOARGS("float.as_integer_ratio");
    double x = float_value(self);
    if (isinf(x)) {
        return exc_raise(ts, exc_OverflowError, "cannot convert Infinity to integer ratio");
    }
    if (isnan(x)) {
        return exc_raise(ts, exc_ValueError, "cannot convert NaN to integer ratio");
    }
    int e;
    double m = frexp(fabs(x), &e);
    int64_t mant = (int64_t)ldexp(m, 53);
    e -= 53;
    while (mant != 0 && e < 0 && (mant & 1) == 0) {
        mant >>= 1; // lowest terms: the denominator is a power of two
        e++;
    }
    mpz_t num, den;
    mpz_init_set_si(num, x < 0 ? -mant : mant);
    mpz_init_set_ui(den, 1);
    if (e > 0) {
        mpz_mul_2exp(num, num, (mp_bitcnt_t)e);
    } else if (mant != 0) {
        mpz_mul_2exp(den, den, (mp_bitcnt_t)-e);
    }
    Value n = int_from_mpz(ts, num);
    Value d = int_from_mpz(ts, den);
    mpz_clears(num, den, NULL);
    return tuple_pack(ts, 2, n, d);
}

static Value m_hex(ThreadState *ts, Value self, const Value *args, size_t nargs,
                   TupleObj *kwnames) {
    NOARGS("float.hex");
    return float_hex(ts, float_value(self));
}

static Value m_fromhex(ThreadState *ts, Value cls, const Value *args, size_t nargs,
                       TupleObj *kwnames) {
    ONEARG("fromhex");
    if (!str_check(args[0])) {
        return exc_raise(ts, exc_TypeError, "fromhex() argument must be str, not %T", args[0]);
    }
    Value r = parse_hex_float(ts, as_str(args[0])->data);
    if (r == CS_ERR || as_obj(cls) == (Obj *)&type_float) {
        return r;
    }
    return obj_call1(ts, cls, r);
}

static Value m_conjugate(ThreadState *ts, Value self, const Value *args, size_t nargs,
                         TupleObj *kwnames) {
    NOARGS("float.conjugate");
    return float_val(float_value(self));
}

static Value m_trunc(ThreadState *ts, Value self, const Value *args, size_t nargs,
                     TupleObj *kwnames) {
    NOARGS("float.__trunc__");
    return int_from_double(ts, float_value(self));
}

static Value m_floor(ThreadState *ts, Value self, const Value *args, size_t nargs,
                     TupleObj *kwnames) {
    NOARGS("float.__floor__");
    return int_from_double(ts, floor(float_value(self)));
}

static Value m_ceil(ThreadState *ts, Value self, const Value *args, size_t nargs,
                    TupleObj *kwnames) {
    NOARGS("float.__ceil__");
    return int_from_double(ts, ceil(float_value(self)));
}

static Value m_abs(ThreadState *ts, Value self, const Value *args, size_t nargs,
                   TupleObj *kwnames) {
    NOARGS("float.__abs__");
    return float_val(fabs(float_value(self)));
}

static Value m_round(ThreadState *ts, Value self, const Value *args, size_t nargs,
                     TupleObj *kwnames) {
    if (arg_no_kw(ts, "__round__", kwnames) < 0 || arg_count(ts, "__round__", nargs, 0, 1) < 0) {
        return CS_ERR;
    }
    return float_round(ts, self, nargs ? args[0] : CS_UNBOUND);
}

// An empty spec is str(self): a subclass's __str__ wins, as in CPython.
static Value m_format(ThreadState *ts, Value self, const Value *args, size_t nargs,
                      TupleObj *kwnames) {
    ONEARG("__format__");
    if (!str_check(args[0])) {
        return exc_raise(ts, exc_TypeError, "__format__() argument must be str, not %T", args[0]);
    }
    if (as_str(args[0])->len == 0 && !is_float(self)) {
        return obj_str(ts, self);
    }
    return float_format(ts, float_value(self), args[0]);
}

static Value m_divmod(ThreadState *ts, Value self, const Value *args, size_t nargs,
                      TupleObj *kwnames) {
    ONEARG("__divmod__");
    return float_divmod(ts, self, args[0]);
}

static Value m_rdivmod(ThreadState *ts, Value self, const Value *args, size_t nargs,
                       TupleObj *kwnames) {
    ONEARG("__rdivmod__");
    return float_divmod(ts, args[0], self);
}

static const MethodDef float_methods[] = {
    {"is_integer", m_is_integer, 0, "Return True if the float is an integer."},
    {"as_integer_ratio", m_as_integer_ratio, 0,
     "Return integer ratio with a positive denominator."},
    {"hex", m_hex, 0, "Return a hexadecimal representation of a floating-point number."},
    {"fromhex", m_fromhex, METH_CLASS, "Create a floating-point number from a hexadecimal string."},
    {"conjugate", m_conjugate, 0, "Return self, the complex conjugate of any float."},
    {"__trunc__", m_trunc, 0, "Return the Integral closest to x between 0 and x."},
    {"__floor__", m_floor, 0, "Return the floor as an Integral."},
    {"__ceil__", m_ceil, 0, "Return the ceiling as an Integral."},
    {"__round__", m_round, 0, "Return the Integral closest to x, rounding half toward even."},
    {"__format__", m_format, 0, "Formats the float according to format_spec."},
    {"__abs__", m_abs, 0, "abs(self)"},
    {"__divmod__", m_divmod, 0, "Return divmod(self, value)."},
    {"__rdivmod__", m_rdivmod, 0, "Return divmod(value, self)."},
    {NULL, NULL, 0, NULL},
};

static Value get_real(ThreadState *ts, Value self) {
    return float_val(float_value(self));
}

static Value get_imag(ThreadState *ts, Value self) {
    return float_val(0.0);
}

static const GetSetDef float_getsets[] = {
    {"real", get_real, NULL},
    {"imag", get_imag, NULL},
    {NULL, NULL, NULL},
};

TypeObj type_float = {
    .hdr = OBJ_HEADER_INIT(&type_type),
    .name = "float",
    .base = &type_object,
    .basicsize = sizeof(FloatObj),
    .flags = TYPE_BASETYPE,
    .doc = "Convert a string or number to a floating point number, if possible.",
    .methods = float_methods,
    .getsets = float_getsets,
    .tp_new = float_tp_new,
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
        },
    .unop =
        {
            [UNOP_NEG] = slot_neg,
            [UNOP_POS] = slot_pos,
        },
    .to_int = slot_to_int,
    .to_float = slot_pos,
};
