// Text formatting: printf-style `%` for str and bytes (one engine with a
// bytes mode), the str.format / format_map engine (fields, conversions,
// nested specs), format(str, spec), and format(value, spec) dispatch.
// Format-spec parsing and padding are shared with the numbers in vm/format.c
// (format_spec_parse, format_pad); ints and floats format themselves.
#include "vm/str.h"

#include <gmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/bytes.h"
#include "vm/dict.h"
#include "vm/exc.h"
#include "vm/gc.h"
#include "vm/int.h"
#include "vm/list.h"
#include "vm/names.h"
#include "vm/state.h"

// ---------------------------------------------------------------------------
// `%` formatting. CPython's rules: a tuple supplies the arguments in order;
// any other right operand is a single argument, and a mapping (anything
// subscriptable but a tuple or str) also serves %(key) lookups and silences
// "not all arguments converted".

enum { F_LJUST = 1, F_SIGN = 2, F_BLANK = 4, F_ALT = 8, F_ZERO = 16 };

typedef struct PctCtx {
    ThreadState *ts;
    const char *fmt; // the format text (UTF-8 in str mode)
    size_t len, pos;
    bool bytes;         // b'...' % args
    Value args;         // the right operand
    const Value *argv;  // tuple items, or &args
    ssize_t argc, argi; // argc -1: one non-tuple argument; argi -2: not used yet
    Value dict;         // the mapping, or CS_UNBOUND
    StrBuf out;
} PctCtx;

// One directive's parsed form.
typedef struct PctSpec {
    int flags;
    ssize_t width, prec; // -1 when absent
    char conv;
    size_t conv_at; // byte offset of the conversion character
} PctSpec;

// The next argument of a directive: tuple items in order, or the single
// non-tuple operand once.
static Value next_arg(PctCtx *c) {
    if (c->argc < 0) {
        if (c->argi == -2) {
            c->argi = -1;
            return c->args;
        }
    } else if (c->argi < c->argc) {
        return c->argv[c->argi++];
    }
    return exc_raise(c->ts, exc_TypeError, "not enough arguments for format string");
}

// %(key): looks the key up in the mapping and makes its value the only
// argument of this directive.
static int pct_key(PctCtx *c) {
    if (c->dict == CS_UNBOUND) {
        return exc_raise_int(c->ts, exc_TypeError, "format requires a mapping");
    }
    size_t start = ++c->pos;
    int depth = 1;
    while (c->pos < c->len && depth > 0) {
        depth += c->fmt[c->pos] == '(';
        depth -= c->fmt[c->pos] == ')';
        c->pos++;
    }
    if (depth > 0) {
        return exc_raise_int(c->ts, exc_ValueError, "incomplete format key");
    }
    size_t klen = c->pos - 1 - start;
    Value key =
        c->bytes ? bytes_new(c->ts, c->fmt + start, klen) : str_new(c->ts, c->fmt + start, klen);
    if (key == CS_ERR) {
        return -1;
    }
    Value v = obj_getitem(c->ts, c->dict, key);
    if (v == CS_ERR) {
        return -1;
    }
    gc_temp_push(c->ts, v); // a mapping's __getitem__ may hand out its only reference
    c->args = v;
    c->argc = -1;
    c->argi = -2;
    return 0;
}

// A width or precision: digits, or '*' taking an int argument (which may
// be negative: *star is set).
static int pct_number(PctCtx *c, ssize_t *out, bool *star, const char *what) {
    if (c->pos < c->len && c->fmt[c->pos] == '*') {
        *star = true;
        c->pos++;
        Value v = next_arg(c);
        if (v == CS_ERR) {
            return -1;
        }
        if (!int_check(v)) {
            return exc_raise_int(c->ts, exc_TypeError, "* wants int");
        }
        int64_t x;
        if (int_as_i64(c->ts, v, &x) < 0 || x > INT32_MAX || x < -INT32_MAX) {
            exc_clear(c->ts);
            return exc_raise_int(c->ts, exc_ValueError, "%s too big", what);
        }
        *out = (ssize_t)x;
        return 0;
    }
    if (c->pos >= c->len || c->fmt[c->pos] < '0' || c->fmt[c->pos] > '9') {
        return 0;
    }
    ssize_t n = 0;
    while (c->pos < c->len && c->fmt[c->pos] >= '0' && c->fmt[c->pos] <= '9') {
        n = n * 10 + (c->fmt[c->pos++] - '0');
        if (n > INT32_MAX) {
            return exc_raise_int(c->ts, exc_ValueError, "%s too big", what);
        }
    }
    *out = n;
    return 0;
}

// [(key)][flags][width][.precision][length]conversion after a '%'.
static int pct_parse(PctCtx *c, PctSpec *sp) {
    sp->flags = 0;
    sp->width = -1;
    sp->prec = -1;
    if (c->pos < c->len && c->fmt[c->pos] == '(' && pct_key(c) < 0) {
        return -1;
    }
    for (; c->pos < c->len; c->pos++) {
        const char *f = strchr("-+ #0", c->fmt[c->pos]);
        if (!f || !*f) {
            break;
        }
        static const int bits[] = {F_LJUST, F_SIGN, F_BLANK, F_ALT, F_ZERO};
        sp->flags |= bits[f - "-+ #0"];
    }
    bool star = false;
    if (pct_number(c, &sp->width, &star, "width") < 0) {
        return -1;
    }
    if (star && sp->width < 0) {
        sp->flags |= F_LJUST;
        sp->width = -sp->width;
    }
    if (c->pos < c->len && c->fmt[c->pos] == '.') {
        c->pos++;
        sp->prec = 0;
        if (pct_number(c, &sp->prec, &star, "precision") < 0) {
            return -1;
        }
        if (sp->prec < 0) {
            sp->prec = 0;
        }
    }
    while (c->pos < c->len && strchr("hlL", c->fmt[c->pos]) && c->fmt[c->pos]) {
        c->pos++;
    }
    if (c->pos >= c->len) {
        return exc_raise_int(c->ts, exc_ValueError, "incomplete format");
    }
    sp->conv_at = c->pos;
    sp->conv = c->fmt[c->pos++];
    return 0;
}

// Pads a finished piece: sign/prefix first when zero-filling numbers.
static void pct_emit(PctCtx *c, const PctSpec *sp, const char *lead, const char *body, size_t blen,
                     size_t bchars, bool numeric) {
    size_t llen = strlen(lead);
    size_t w = sp->width > 0 ? (size_t)sp->width : 0;
    size_t used = llen + bchars;
    size_t padn = w > used ? w - used : 0;
    if (sp->flags & F_LJUST) {
        str_buf_append(&c->out, lead, llen);
        str_buf_append(&c->out, body, blen);
        str_buf_append_fill(&c->out, " ", 1, padn);
    } else if (numeric && (sp->flags & F_ZERO)) {
        str_buf_append(&c->out, lead, llen);
        str_buf_append_fill(&c->out, "0", 1, padn);
        str_buf_append(&c->out, body, blen);
    } else {
        str_buf_append_fill(&c->out, " ", 1, padn);
        str_buf_append(&c->out, lead, llen);
        str_buf_append(&c->out, body, blen);
    }
}

// Digits of |v| in base into a malloc'd string (NULL: out of memory).
static char *int_digits(Value v, int base, bool upper, bool *neg) {
    mpz_t z;
    mpz_init(z);
    int_to_mpz(v, z);
    *neg = mpz_sgn(z) < 0;
    mpz_abs(z, z);
    char *d = malloc(mpz_sizeinbase(z, base) + 2);
    if (d) {
        mpz_get_str(d, upper ? -base : base, z);
    }
    mpz_clear(z);
    return d;
}

// The int a %d/%x directive formats: ints as they are, other numbers
// through __index__ (or int() for %d), else CPython's TypeError.
static Value pct_int_value(PctCtx *c, const PctSpec *sp, Value v, int base) {
    if (int_check(v)) {
        return v;
    }
    TypeObj *t = type_of(v);
    if (t->index) {
        return obj_index(c->ts, v);
    }
    if (base == 10 && is_float(v)) {
        return int_from_double(c->ts, as_float(v));
    }
    if (base == 10 && t->to_int) {
        return t->to_int(c->ts, v);
    }
    if (base == 10) {
        return exc_raise(c->ts, exc_TypeError, "%%%c format: a real number is required, not %T",
                         sp->conv, v);
    }
    return exc_raise(c->ts, exc_TypeError, "%%%c format: an integer is required, not %T", sp->conv,
                     v);
}

// %d %i %u %x %X %o: sign, '0x'/'0o' prefix (with #), precision as a
// minimum digit count, then width.
static int pct_int(PctCtx *c, const PctSpec *sp, Value v) {
    char conv = sp->conv;
    int base = conv == 'o' ? 8 : (conv == 'x' || conv == 'X') ? 16 : 10;
    v = pct_int_value(c, sp, v, base);
    if (v == CS_ERR) {
        return -1;
    }
    bool neg;
    char *d = int_digits(v, base, conv == 'X', &neg);
    if (!d) {
        exc_no_memory(c->ts);
        return -1;
    }
    char lead[4];
    size_t k = 0;
    if (neg || (sp->flags & (F_SIGN | F_BLANK))) {
        lead[k++] = neg ? '-' : (sp->flags & F_SIGN) ? '+' : ' ';
    }
    if ((sp->flags & F_ALT) && base != 10) {
        lead[k++] = '0';
        lead[k++] = conv == 'o' ? 'o' : conv;
    }
    lead[k] = '\0';
    size_t dl = strlen(d);
    size_t zeros = sp->prec > 0 && (size_t)sp->prec > dl ? (size_t)sp->prec - dl : 0;
    StrBuf body;
    str_buf_init(&body);
    str_buf_append_fill(&body, "0", 1, zeros);
    str_buf_append(&body, d, dl);
    free(d);
    pct_emit(c, sp, lead, body.data ? body.data : "", body.len, body.len, true);
    str_buf_free(&body);
    return 0;
}

// %e %f %g (and capitals) through C's printf, which matches CPython for
// finite values; the sign is re-attached so zero padding goes after it
// ('%05f' % inf is '00inf', as CPython prints).
static int pct_float(PctCtx *c, const PctSpec *sp, Value v) {
    double d;
    if (float_as_double(c->ts, v, &d) < 0) {
        return -1;
    }
    char f[16];
    snprintf(f, sizeof f, "%%+%s.*%c", (sp->flags & F_ALT) ? "#" : "", sp->conv);
    int prec = sp->prec < 0 ? 6 : (int)sp->prec;
    StrBuf num;
    str_buf_init(&num);
    str_buf_printf(&num, f, prec, d);
    if (num.oom || !num.data) {
        str_buf_free(&num);
        exc_no_memory(c->ts);
        return -1;
    }
    // The text starts with its sign ('+' or '-'); NaN prints unsigned.
    bool neg = num.data[0] == '-' && d == d;
    const char *lead = neg ? "-" : (sp->flags & F_SIGN) ? "+" : (sp->flags & F_BLANK) ? " " : "";
    pct_emit(c, sp, lead, num.data + 1, num.len - 1, num.len - 1, true);
    str_buf_free(&num);
    return 0;
}

// Appends a piece of text truncated to prec code points and padded.
static void pct_text(PctCtx *c, const PctSpec *sp, const char *p, size_t len) {
    size_t n = 0, chars = 0;
    while (n < len && (sp->prec < 0 || (ssize_t)chars < sp->prec)) {
        size_t k = 1;
        if (!c->bytes) {
            str_cp_at(p + n, &k);
        }
        n += k;
        chars++;
    }
    pct_emit(c, sp, "", p, n, chars, false);
}

// %c: a code point or one-character str (a byte or 1-byte bytes in
// bytes mode).
static int pct_char(PctCtx *c, const PctSpec *sp, Value v) {
    char buf[4];
    size_t n;
    if (c->bytes) {
        const unsigned char *data;
        size_t blen;
        if ((bytes_check(v) || is_type_exact(v, &type_bytearray)) &&
            bytes_view(c->ts, v, &data, &blen) == 0 && blen == 1) {
            buf[0] = (char)data[0];
        } else if (int_check(v)) {
            int64_t x;
            if (int_as_i64(c->ts, v, &x) < 0 || x < 0 || x > 255) {
                exc_clear(c->ts);
                return exc_raise_int(c->ts, exc_OverflowError, "%%c arg not in range(256)");
            }
            buf[0] = (char)x;
        } else {
            return exc_raise_int(c->ts, exc_TypeError,
                                 "%%c requires an integer in range(256) or a single byte");
        }
        pct_emit(c, sp, "", buf, 1, 1, false);
        return 0;
    }
    if (str_check(v) && as_str(v)->nchars == 1) {
        pct_emit(c, sp, "", as_str(v)->data, as_str(v)->len, 1, false);
        return 0;
    }
    if (!int_check(v)) {
        return exc_raise_int(c->ts, exc_TypeError, "%%c requires int or char");
    }
    int64_t x;
    if (int_as_i64(c->ts, v, &x) < 0 || x < 0 || x > 0x10FFFF) {
        exc_clear(c->ts);
        return exc_raise_int(c->ts, exc_OverflowError, "%%c arg not in range(0x110000)");
    }
    n = utf8_encode((uint32_t)x, buf);
    pct_emit(c, sp, "", buf, n, 1, false);
    return 0;
}

// %s in bytes mode: a bytes-like object or one with __bytes__.
static int pct_bytes_arg(PctCtx *c, const PctSpec *sp, Value v) {
    if (!bytes_check(v) && !is_type_exact(v, &type_bytearray) &&
        !type_is_subtype(type_of(v), &type_bytearray)) {
        Value r = obj_lookup_attr(c->ts, v, str_intern_name(c->ts, "__bytes__"));
        if (r == CS_ERR) {
            return -1;
        }
        if (r == CS_UNBOUND || is_type_exact(v, &type_str)) {
            return exc_raise_int(c->ts, exc_TypeError,
                                 "%%b requires a bytes-like object, or an object that "
                                 "implements __bytes__, not '%s'",
                                 obj_type_name(v));
        }
        v = obj_call0(c->ts, r);
        if (v == CS_ERR) {
            return -1;
        }
    }
    const unsigned char *data;
    size_t len;
    if (bytes_view(c->ts, v, &data, &len) < 0) {
        return -1;
    }
    pct_text(c, sp, (const char *)data, len);
    return 0;
}

// %s %r %a (and %b in bytes mode, where %r means %a).
static int pct_object(PctCtx *c, const PctSpec *sp, Value v) {
    char conv = sp->conv;
    if (c->bytes && (conv == 's' || conv == 'b')) {
        return pct_bytes_arg(c, sp, v);
    }
    if (c->bytes && conv == 'r') {
        conv = 'a';
    }
    Value s = conv == 's'   ? obj_str(c->ts, v)
              : conv == 'r' ? obj_repr(c->ts, v)
                            : obj_ascii(c->ts, v);
    if (s == CS_ERR) {
        return -1;
    }
    pct_text(c, sp, as_str(s)->data, as_str(s)->len);
    return 0;
}

// CPython reports the offending character (or '?') and its index.
static int pct_unsupported(PctCtx *c, const PctSpec *sp) {
    size_t n = 1;
    uint32_t cp = (unsigned char)sp->conv;
    if (!c->bytes) {
        cp = str_cp_at(c->fmt + sp->conv_at, &n);
    }
    size_t index = c->bytes ? sp->conv_at : utf8_count(c->fmt, sp->conv_at);
    char shown = cp >= 32 && cp <= 126 ? (char)cp : '?';
    return exc_raise_int(c->ts, exc_ValueError,
                         "unsupported format character '%c' (0x%x) at index %zu", shown,
                         (unsigned)cp, index);
}

// One directive after '%': the argument is fetched before the
// conversion is checked, so CPython's error order holds.
static int pct_directive(PctCtx *c) {
    if (c->pos < c->len && c->fmt[c->pos] == '%') {
        c->pos++;
        str_buf_append_char(&c->out, '%');
        return 0;
    }
    PctSpec sp;
    if (pct_parse(c, &sp) < 0) {
        return -1;
    }
    Value v = next_arg(c);
    if (v == CS_ERR) {
        return -1;
    }
    switch (sp.conv) {
    case 's':
    case 'r':
    case 'a':
        return pct_object(c, &sp, v);
    case 'b':
        return c->bytes ? pct_object(c, &sp, v) : pct_unsupported(c, &sp);
    case 'd':
    case 'i':
    case 'u':
    case 'x':
    case 'X':
    case 'o':
        return pct_int(c, &sp, v);
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
        return pct_float(c, &sp, v);
    case 'c':
        return pct_char(c, &sp, v);
    default:
        return pct_unsupported(c, &sp);
    }
}

// Literal runs are copied whole between directives.
static int pct_run(PctCtx *c) {
    while (c->pos < c->len) {
        const char *pct = memchr(c->fmt + c->pos, '%', c->len - c->pos);
        size_t stop = pct ? (size_t)(pct - c->fmt) : c->len;
        str_buf_append(&c->out, c->fmt + c->pos, stop - c->pos);
        c->pos = stop;
        if (!pct) {
            break;
        }
        c->pos++;
        if (pct_directive(c) < 0) {
            return -1;
        }
    }
    if (c->argi < c->argc && c->dict == CS_UNBOUND) {
        return exc_raise_int(c->ts, exc_TypeError,
                             "not all arguments converted during %s formatting",
                             c->bytes ? "bytes" : "string");
    }
    return 0;
}

static void pct_init(PctCtx *c, ThreadState *ts, const char *fmt, size_t len, Value args,
                     bool bytes) {
    c->ts = ts;
    c->fmt = fmt;
    c->len = len;
    c->pos = 0;
    c->bytes = bytes;
    c->args = args;
    if (tuple_check(args)) {
        c->argv = as_tuple(args)->items;
        c->argc = (ssize_t)as_tuple(args)->len;
        c->argi = 0;
    } else {
        c->argv = &c->args;
        c->argc = -1;
        c->argi = -2;
    }
    bool mapping = type_of(args)->getitem && !tuple_check(args) && !str_check(args);
    c->dict = mapping ? args : CS_UNBOUND;
    str_buf_init(&c->out);
}

Value str_mod(ThreadState *ts, Value fmt, Value args) {
    PctCtx c;
    pct_init(&c, ts, as_str(fmt)->data, as_str(fmt)->len, args, false);
    if (pct_run(&c) < 0) {
        str_buf_free(&c.out);
        return CS_ERR;
    }
    return str_buf_finish(ts, &c.out);
}

Value str_mod_bytes(ThreadState *ts, const char *fmt, size_t len, Value args, bool bytearray) {
    PctCtx c;
    pct_init(&c, ts, fmt, len, args, true);
    if (pct_run(&c) < 0) {
        str_buf_free(&c.out);
        return CS_ERR;
    }
    if (bytearray) {
        Value r = bytearray_new(ts, c.out.data ? c.out.data : "", c.out.len);
        str_buf_free(&c.out);
        return r;
    }
    return str_buf_finish_bytes(ts, &c.out);
}

// ---------------------------------------------------------------------------
// format(value, spec)

// format(str, spec): fill, alignment, width and precision (truncation).
Value str_format_spec(ThreadState *ts, Value s, Value spec) {
    StrObj *sp = as_str(spec), *text = as_str(s);
    if (sp->len == 0) {
        // A subclass may override __str__, which format(x, '') honours.
        return is_type_exact(s, &type_str) ? s : obj_str(ts, s);
    }
    FormatSpec fs;
    if (format_spec_parse_ex(ts, sp->data, sp->len, "str", 's', &fs) < 0) {
        return CS_ERR;
    }
    if (fs.type && fs.type != 's') {
        return format_unknown_code(ts, fs.type, "str");
    }
    if (fs.sign) {
        return exc_raise(ts, exc_ValueError, "%s not allowed in string format specifier",
                         fs.sign == ' ' ? "Space" : "Sign");
    }
    if (fs.no_neg_zero) {
        return exc_raise(ts, exc_ValueError,
                         "Negative zero coercion (z) not allowed in string format specifier");
    }
    if (fs.alternate) {
        return exc_raise(ts, exc_ValueError,
                         "Alternate form (#) not allowed in string format specifier");
    }
    if (fs.align == '=') {
        return exc_raise(ts, exc_ValueError,
                         "'=' alignment not allowed in string format specifier");
    }
    size_t len = text->len, nchars = text->nchars;
    if (fs.precision >= 0 && (size_t)fs.precision < nchars) {
        nchars = (size_t)fs.precision;
        len = str_offset_of(text, nchars);
    }
    return format_pad(ts, &fs, text->data, len, nchars, '<');
}

// Exact strs, ints and floats format directly; everything else goes
// through __format__.
Value str_format_value(ThreadState *ts, Value v, Value spec) {
    if (spec == CS_UNBOUND) {
        spec = str_new(ts, "", 0);
    }
    if (is_type_exact(v, &type_str)) {
        return str_format_spec(ts, v, spec);
    }
    // Exact ints and floats format themselves without a method call.
    if (is_small_int(v) || int_check_exact(v)) {
        return int_format(ts, v, spec);
    }
    if (is_float(v)) {
        return float_format(ts, as_float(v), spec);
    }
    Value r = obj_call_method(ts, v, STR_NAME(ts, __format__), &spec, 1);
    if (r == CS_ERR) {
        return CS_ERR;
    }
    if (!str_check(r)) {
        return exc_raise(ts, exc_TypeError, "__format__ must return a str, not %T", r);
    }
    return r;
}

// ---------------------------------------------------------------------------
// str.format and str.format_map: CPython's MarkupIterator, field-name
// parsing (arg_name ("." attr | "[" key "]")*) and recursive specs.

typedef struct FmtCtx {
    ThreadState *ts;
    const Value *args; // positional arguments
    size_t nargs;
    TupleObj *kwnames; // keyword names (format), or NULL
    const Value *kwvals;
    Value mapping;  // format_map's mapping, or CS_UNBOUND
    int auto_state; // 0 unknown, 1 automatic numbering, 2 manual
    size_t auto_next;
} FmtCtx;

static int build(FmtCtx *c, const char *p, size_t len, int depth, StrBuf *out);

static bool all_digits(const char *p, size_t n) {
    if (n == 0) {
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        if (p[i] < '0' || p[i] > '9') {
            return false;
        }
    }
    return true;
}

// Decimal digits to ssize_t, -1 on overflow.
static ssize_t parse_index(const char *p, size_t n) {
    ssize_t v = 0;
    for (size_t i = 0; i < n; i++) {
        if (v > (ssize_t)(SIZE_MAX >> 2) / 10) {
            return -1;
        }
        v = v * 10 + (p[i] - '0');
    }
    return v;
}

// A named field: format_map's mapping, else the keyword arguments
// (KeyError(name) when absent, as CPython).
static Value lookup_keyword(FmtCtx *c, const char *name, size_t n) {
    Value key = str_new(c->ts, name, n);
    if (key == CS_ERR) {
        return CS_ERR;
    }
    if (c->mapping != CS_UNBOUND) {
        return obj_getitem(c->ts, c->mapping, key);
    }
    for (size_t i = 0; c->kwnames && i < c->kwnames->len; i++) {
        if (str_equal(as_str(c->kwnames->items[i]), as_str(key))) {
            return c->kwvals[i];
        }
    }
    return exc_raise_args(c->ts, exc_KeyError, &key, 1);
}

// A numbered field; format_map has no positional arguments.
static Value lookup_positional(FmtCtx *c, ssize_t index) {
    if (c->mapping != CS_UNBOUND) {
        return exc_raise(c->ts, exc_ValueError, "Format string contains positional fields");
    }
    if (index < 0 || (size_t)index >= c->nargs) {
        return exc_raise(c->ts, exc_IndexError,
                         "Replacement index %zd out of range for positional args tuple", index);
    }
    return c->args[index];
}

// The first part of a field name: '' (auto), digits, or a keyword.
static Value field_first(FmtCtx *c, const char *p, size_t n) {
    if (n == 0 || all_digits(p, n)) {
        bool manual = n > 0;
        if (c->auto_state == 0) {
            c->auto_state = manual ? 2 : 1;
        } else if (manual != (c->auto_state == 2)) {
            return exc_raise(c->ts, exc_ValueError,
                             manual ? "cannot switch from automatic field numbering to manual "
                                      "field specification"
                                    : "cannot switch from manual field specification to "
                                      "automatic field numbering");
        }
        ssize_t index = manual ? parse_index(p, n) : (ssize_t)c->auto_next++;
        if (index < 0) {
            return exc_raise(c->ts, exc_ValueError, "Too many decimal digits in format string");
        }
        return lookup_positional(c, index);
    }
    return lookup_keyword(c, p, n);
}

// Applies ".attr" and "[key]" accessors after the first name part.
static Value field_rest(FmtCtx *c, Value obj, const char *p, size_t n) {
    size_t i = 0;
    while (i < n) {
        gc_temp_push(c->ts, obj);
        char kind = p[i++];
        size_t start = i;
        if (kind == '.') {
            while (i < n && p[i] != '.' && p[i] != '[') {
                i++;
            }
            if (i == start) {
                return exc_raise(c->ts, exc_ValueError, "Empty attribute in format string");
            }
            Value name = str_new(c->ts, p + start, i - start);
            obj = name == CS_ERR ? CS_ERR : obj_getattr(c->ts, obj, as_str(name));
        } else if (kind == '[') {
            while (i < n && p[i] != ']') {
                i++;
            }
            if (i >= n) {
                return exc_raise(c->ts, exc_ValueError, "Missing ']' in format string");
            }
            if (i == start) {
                return exc_raise(c->ts, exc_ValueError, "Empty attribute in format string");
            }
            Value key = all_digits(p + start, i - start)
                            ? small_int_val(parse_index(p + start, i - start))
                            : str_new(c->ts, p + start, i - start);
            i++;
            obj = key == CS_ERR ? CS_ERR : obj_getitem(c->ts, obj, key);
            if (obj != CS_ERR && i < n && p[i] != '.' && p[i] != '[') {
                return exc_raise(c->ts, exc_ValueError,
                                 "Only '.' or '[' may follow ']' in format field specifier");
            }
        } else {
            return exc_raise(c->ts, exc_ValueError,
                             "Only '.' or '[' may follow ']' in format field specifier");
        }
        if (obj == CS_ERR) {
            return CS_ERR;
        }
    }
    return obj;
}

// The object a field name designates: first part, then accessors.
static Value get_field(FmtCtx *c, const char *p, size_t n) {
    size_t first = 0;
    while (first < n && p[first] != '.' && p[first] != '[') {
        first++;
    }
    Value obj = field_first(c, p, first);
    if (obj == CS_ERR) {
        return CS_ERR;
    }
    return field_rest(c, obj, p + first, n - first);
}

// The !r / !s / !a conversion of a field.
static Value convert(FmtCtx *c, Value obj, uint32_t conv) {
    switch (conv) {
    case 0:
        return obj;
    case 'r':
        return obj_repr(c->ts, obj);
    case 's':
        return obj_str(c->ts, obj);
    case 'a':
        return obj_ascii(c->ts, obj);
    default:
        if (conv > 32 && conv < 127) {
            return exc_raise(c->ts, exc_ValueError, "Unknown conversion specifier %c", (int)conv);
        }
        return exc_raise(c->ts, exc_ValueError, "Unknown conversion specifier \\x%x",
                         (unsigned)conv);
    }
}

// A parsed replacement field.
typedef struct Field {
    const char *name;
    size_t nlen;
    uint32_t conv; // 0 when absent
    const char *spec;
    size_t slen;
    bool nested; // the spec holds replacement fields of its own
} Field;

// The name part of a field: up to ':', '!' or '}', where "[...]" may hold
// any of them. *pos is just past the terminator; its char is returned, or
// 0 at the end of the text.
static int field_name(FmtCtx *c, const char *p, size_t len, size_t *pos, char *term) {
    size_t i = *pos;
    *term = 0;
    while (i < len) {
        char ch = p[i++];
        if (ch == '{') {
            return exc_raise_int(c->ts, exc_ValueError, "unexpected '{' in field name");
        }
        if (ch == '[') {
            while (i < len && p[i] != ']') {
                i++;
            }
            continue;
        }
        if (ch == '}' || ch == ':' || ch == '!') {
            *term = ch;
            break;
        }
    }
    *pos = i;
    return 0;
}

// "!c" after a field name (at *pos, just past the '!'): the conversion
// character, then ':' or '}'. Returns 1 when the '}' closed the field.
static int parse_conversion(FmtCtx *c, const char *p, size_t len, size_t *pos, Field *f) {
    size_t i = *pos, k;
    if (i >= len) {
        return exc_raise_int(c->ts, exc_ValueError,
                             "end of string while looking for conversion specifier");
    }
    f->conv = str_cp_at(p + i, &k);
    i += k;
    *pos = i;
    if (i >= len) {
        return 0; // the spec scan below reports the missing '}'
    }
    *pos = i + 1;
    if (p[i] == '}') {
        return 1;
    }
    if (p[i] != ':') {
        return exc_raise_int(c->ts, exc_ValueError, "expected ':' after conversion specifier");
    }
    return 0;
}

// The format spec from *pos up to the '}' that balances the field's '{'.
static int parse_spec(FmtCtx *c, const char *p, size_t len, size_t *pos, Field *f) {
    f->spec = p + *pos;
    int depth = 1;
    for (size_t i = *pos; i < len; i++) {
        if (p[i] == '{') {
            f->nested = true;
            depth++;
        } else if (p[i] == '}' && --depth == 0) {
            f->slen = (size_t)(p + i - f->spec);
            *pos = i + 1;
            return 0;
        }
    }
    return exc_raise_int(c->ts, exc_ValueError, "unmatched '{' in format spec");
}

// Parses the field that starts at *pos (just after its '{'), as CPython's
// parse_field does, leaving *pos after the closing '}'.
static int parse_field(FmtCtx *c, const char *p, size_t len, size_t *pos, Field *f) {
    char term;
    size_t start = *pos;
    if (field_name(c, p, len, pos, &term) < 0) {
        return -1;
    }
    f->name = p + start;
    f->nlen = *pos - start - (term != 0);
    f->conv = 0;
    f->spec = p + *pos;
    f->slen = 0;
    f->nested = false;
    if (term == '}') {
        return 0;
    }
    if (term == 0) {
        return exc_raise_int(c->ts, exc_ValueError, "expected '}' before end of string");
    }
    if (term == '!') {
        int closed = parse_conversion(c, p, len, pos, f);
        if (closed != 0) {
            return closed < 0 ? -1 : 0;
        }
    }
    return parse_spec(c, p, len, pos, f);
}

// Formats one parsed field into out.
static int render_field(FmtCtx *c, const Field *f, int depth, StrBuf *out) {
    Value obj = get_field(c, f->name, f->nlen);
    if (obj == CS_ERR) {
        return -1;
    }
    gc_temp_push(c->ts, obj);
    obj = convert(c, obj, f->conv);
    if (obj == CS_ERR) {
        return -1;
    }
    Value spec;
    if (f->nested) {
        StrBuf sb;
        str_buf_init(&sb);
        if (build(c, f->spec, f->slen, depth - 1, &sb) < 0) {
            str_buf_free(&sb);
            return -1;
        }
        spec = str_buf_finish(c->ts, &sb);
    } else {
        spec = str_new(c->ts, f->spec, f->slen);
    }
    if (spec == CS_ERR) {
        return -1;
    }
    Value r = str_format_value(c->ts, obj, spec);
    if (r == CS_ERR) {
        return -1;
    }
    str_buf_append(out, as_str(r)->data, as_str(r)->len);
    return 0;
}

// CPython's MarkupIterator: literal text with {{ and }} escapes, then fields.
static int build(FmtCtx *c, const char *p, size_t len, int depth, StrBuf *out) {
    if (depth <= 0) {
        return exc_raise_int(c->ts, exc_ValueError, "Max string recursion exceeded");
    }
    size_t i = 0;
    while (i < len) {
        size_t j = i;
        while (j < len && p[j] != '{' && p[j] != '}') {
            j++;
        }
        str_buf_append(out, p + i, j - i);
        if (j >= len) {
            break;
        }
        bool at_end = j + 1 >= len;
        if (p[j] == '}' && (at_end || p[j + 1] != '}')) {
            return exc_raise_int(c->ts, exc_ValueError, "Single '}' encountered in format string");
        }
        if (at_end) {
            return exc_raise_int(c->ts, exc_ValueError, "Single '{' encountered in format string");
        }
        if (p[j + 1] == p[j]) {
            str_buf_append_char(out, p[j]);
            i = j + 2;
            continue;
        }
        Field f;
        i = j + 1;
        size_t mark = gc_temp_mark(c->ts);
        if (parse_field(c, p, len, &i, &f) < 0 || render_field(c, &f, depth, out) < 0) {
            return -1;
        }
        gc_temp_reset(c->ts, mark);
    }
    return 0;
}

// Nested specs may nest once more: CPython allows a depth of 2.
static Value run_format(FmtCtx *c, Value self) {
    StrBuf out;
    str_buf_init(&out);
    if (build(c, as_str(self)->data, as_str(self)->len, 2, &out) < 0) {
        str_buf_free(&out);
        return CS_ERR;
    }
    return str_buf_finish(c->ts, &out);
}

Value str_method_format(ThreadState *ts, Value self, const Value *args, size_t nargs,
                        TupleObj *kwnames) {
    FmtCtx c = {ts, args, nargs, kwnames, args + nargs, CS_UNBOUND, 0, 0};
    return run_format(&c, self);
}

Value str_method_format_map(ThreadState *ts, Value self, const Value *args, size_t nargs,
                            TupleObj *kwnames) {
    if (kwnames && kwnames->len > 0) {
        return exc_raise(ts, exc_TypeError, "str.format_map() takes no keyword arguments");
    }
    if (nargs != 1) {
        return exc_raise(ts, exc_TypeError,
                         "str.format_map() takes exactly one argument (%zu given)", nargs);
    }
    FmtCtx c = {ts, NULL, 0, NULL, NULL, args[0], 0, 0};
    return run_format(&c, self);
}
