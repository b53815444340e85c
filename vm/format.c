// Format specifications shared by format(), str.format and f-strings: parsing
// [[fill]align][sign][z][#][0][width][grouping][.precision][type], padding,
// and the layout of a formatted number (sign, prefix, grouped digits, padding)
// exactly as CPython's Python/formatter_unicode.c. Turning numbers into digit
// strings lives in vm/int.c and vm/float.c.
#include "vm/int.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/exc.h"
#include "vm/str.h"

// ---------------------------------------------------------------------------
// Small UTF-8 helpers (the spec and the fill character may be non-ASCII)

// Byte length of a UTF-8 sequence from its lead byte (input is valid UTF-8).
static size_t lead_len(unsigned char c) {
    if (c >= 0xF0) {
        return 4;
    }
    if (c >= 0xE0) {
        return 3;
    }
    if (c >= 0xC0) {
        return 2;
    }
    return 1;
}

// Code points in valid UTF-8: every byte that is not a continuation byte.
static size_t count_chars(const char *s, size_t len) {
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        if (((unsigned char)s[i] & 0xC0) != 0x80) {
            n++;
        }
    }
    return n;
}

// ---------------------------------------------------------------------------
// Parsing

static bool is_align(char c) {
    return c == '<' || c == '>' || c == '^' || c == '=';
}

// Digits at spec[*pos...]: the count consumed, or -1 with ValueError raised.
static int parse_integer(ThreadState *ts, const char *spec, size_t len, size_t *pos, ssize_t *out) {
    ssize_t acc = 0;
    int n = 0;
    while (*pos < len && spec[*pos] >= '0' && spec[*pos] <= '9') {
        int d = spec[*pos] - '0';
        if (acc > ((ssize_t)(SIZE_MAX >> 1) - d) / 10) {
            exc_raise(ts, exc_ValueError, "Too many decimal digits in format string");
            return -1;
        }
        acc = acc * 10 + d;
        (*pos)++;
        n++;
    }
    *out = acc;
    return n;
}

// The message quotes the whole spec and names the formatted value's type.
static int raise_invalid_spec(ThreadState *ts, const char *spec, size_t len,
                              const char *type_name) {
    char *copy = malloc(len + 1);
    if (!copy) {
        exc_no_memory(ts);
        return -1;
    }
    memcpy(copy, spec, len);
    copy[len] = '\0';
    exc_raise(ts, exc_ValueError, "Invalid format specifier '%s' for object of type '%s'", copy,
              type_name);
    free(copy);
    return -1;
}

// PEP 378 / PEP 515: ',' and '_' only go with some presentation types.
static int check_grouping(ThreadState *ts, const FormatSpec *fs, char default_type) {
    char t = fs->type ? fs->type : default_type;
    switch (t) {
    case 'd':
    case 'e':
    case 'f':
    case 'g':
    case 'E':
    case 'G':
    case '%':
    case 'F':
    case '\0':
        return 0;
    case 'b':
    case 'o':
    case 'x':
    case 'X':
        if (fs->grouping == '_') {
            return 0;
        }
        break;
    default:
        break;
    }
    char msg[64];
    if ((unsigned char)t > 32 && (unsigned char)t < 128) {
        snprintf(msg, sizeof msg, "Cannot specify '%c' with '%c'.", fs->grouping, t);
    } else {
        snprintf(msg, sizeof msg, "Cannot specify '%c' with '\\x%x'.", fs->grouping,
                 (unsigned)(unsigned char)t);
    }
    exc_raise(ts, exc_ValueError, "%s", msg);
    return -1;
}

// [[fill]align]: the fill may be any code point when an alignment follows.
static size_t parse_fill_align(const char *spec, size_t len, FormatSpec *out, bool *fill_given) {
    size_t first = len ? lead_len((unsigned char)spec[0]) : 0;
    if (first < len && is_align(spec[first])) {
        memcpy(out->fill, spec, first);
        out->fill[first] = '\0';
        out->align = spec[first];
        *fill_given = true;
        return first + 1;
    }
    if (len > 0 && is_align(spec[0])) {
        out->align = spec[0];
        return 1;
    }
    return 0;
}

// ',' and '_' are exclusive in either order (",_" and "_," both raise).
static int parse_grouping(ThreadState *ts, const char *spec, size_t len, size_t *pos,
                          FormatSpec *out) {
    if (*pos < len && spec[*pos] == ',') {
        out->grouping = ',';
        (*pos)++;
    }
    if (*pos < len && spec[*pos] == '_') {
        if (out->grouping) {
            return exc_raise_int(ts, exc_ValueError, "Cannot specify both ',' and '_'.");
        }
        out->grouping = '_';
        (*pos)++;
    }
    if (*pos < len && spec[*pos] == ',' && out->grouping == '_') {
        return exc_raise_int(ts, exc_ValueError, "Cannot specify both ',' and '_'.");
    }
    return 0;
}

// CPython's parse_internal_render_format_spec, field by field. The spec
// must be consumed up to at most one trailing type character.
int format_spec_parse_ex(ThreadState *ts, const char *spec, size_t len, const char *type_name,
                         char default_type, FormatSpec *out) {
    memset(out, 0, sizeof *out);
    strcpy(out->fill, " ");
    out->width = -1;
    out->precision = -1;
    bool fill_given = false;
    size_t pos = parse_fill_align(spec, len, out, &fill_given);
    if (pos < len && (spec[pos] == '+' || spec[pos] == '-' || spec[pos] == ' ')) {
        out->sign = spec[pos++];
    }
    if (pos < len && spec[pos] == 'z') {
        out->no_neg_zero = true;
        pos++;
    }
    if (pos < len && spec[pos] == '#') {
        out->alternate = true;
        pos++;
    }
    // The '0' flag (backwards compatibility): zero fill unless a fill was given.
    if (!fill_given && pos < len && spec[pos] == '0') {
        strcpy(out->fill, "0");
        out->zero = true;
        pos++;
    }
    ssize_t n;
    int consumed = parse_integer(ts, spec, len, &pos, &n);
    if (consumed < 0) {
        return -1;
    }
    out->width = consumed ? n : -1;
    if (parse_grouping(ts, spec, len, &pos, out) < 0) {
        return -1;
    }
    if (pos < len && spec[pos] == '.') {
        pos++;
        consumed = parse_integer(ts, spec, len, &pos, &n);
        if (consumed < 0) {
            return -1;
        }
        if (consumed == 0) {
            return exc_raise_int(ts, exc_ValueError, "Format specifier missing precision");
        }
        out->precision = n;
    }
    size_t rest = count_chars(spec + pos, len - pos);
    if (rest > 1) {
        return raise_invalid_spec(ts, spec, len, type_name);
    }
    if (rest == 1) {
        out->type = (unsigned char)spec[pos] < 0x80 ? spec[pos] : 0x7f;
    }
    if (out->grouping) {
        return check_grouping(ts, out, default_type);
    }
    return 0;
}

// The str flavour, for the str engineer: default type 's' means a bare ','
// or '_' is an error, as in format('x', ',').
int format_spec_parse(ThreadState *ts, const char *spec, size_t len, FormatSpec *out) {
    return format_spec_parse_ex(ts, spec, len, "str", 's', out);
}

// Printable codes are quoted as is, others as \x escapes (CPython's two
// message forms).
Value format_unknown_code(ThreadState *ts, char code, const char *type_name) {
    if ((unsigned char)code > 32 && (unsigned char)code < 128) {
        return exc_raise(ts, exc_ValueError, "Unknown format code '%c' for object of type '%s'",
                         code, type_name);
    }
    char msg[32];
    snprintf(msg, sizeof msg, "\\x%x", (unsigned)(unsigned char)code);
    return exc_raise(ts, exc_ValueError, "Unknown format code '%s' for object of type '%s'", msg,
                     type_name);
}

// ---------------------------------------------------------------------------
// Padding

// A growable output buffer for one formatted value.
typedef struct Out {
    char *data;
    size_t len, cap;
    bool oom;
} Out;

// Appends n bytes; on allocation failure remembers it and stops appending.
static void out_put(Out *o, const char *s, size_t n) {
    if (o->oom || n == 0) {
        return;
    }
    if (o->len + n > o->cap) {
        size_t cap = o->cap ? o->cap : 64;
        while (cap < o->len + n) {
            cap *= 2;
        }
        char *p = realloc(o->data, cap);
        if (!p) {
            o->oom = true;
            return;
        }
        o->data = p;
        o->cap = cap;
    }
    memcpy(o->data + o->len, s, n);
    o->len += n;
}

// Appends `count` copies of the (UTF-8) fill character.
static void out_fill(Out *o, const char *fill, size_t count) {
    size_t fl = strlen(fill);
    for (size_t i = 0; i < count; i++) {
        out_put(o, fill, fl);
    }
}

// The buffer as a str (freeing it); MemoryError if an append failed.
static Value out_finish(ThreadState *ts, Out *o) {
    if (o->oom) {
        free(o->data);
        return exc_no_memory(ts);
    }
    Value r = str_new(ts, o->data ? o->data : "", o->len);
    free(o->data);
    return r;
}

// Strings (and anything formatted as text) pad by code points. Numbers
// use format_number, which also handles '=' properly.
Value format_pad(ThreadState *ts, const FormatSpec *fs, const char *body, size_t len, size_t nchars,
                 char default_align) {
    if (fs->width < 0 || (size_t)fs->width <= nchars) {
        return str_new(ts, body, len);
    }
    char align = fs->align ? fs->align : default_align;
    size_t pad = (size_t)fs->width - nchars;
    size_t left = 0, right = 0, skip = 0;
    switch (align) {
    case '<':
        right = pad;
        break;
    case '^':
        left = pad / 2;
        right = pad - left;
        break;
    case '=':
        // Padding goes after a leading sign, as for numbers.
        skip = len > 0 && (body[0] == '+' || body[0] == '-' || body[0] == ' ') ? 1 : 0;
        left = pad;
        break;
    default:
        left = pad;
        break;
    }
    Out o = {0};
    out_put(&o, body, skip);
    out_fill(&o, fs->fill, left);
    out_put(&o, body + skip, len - skip);
    out_fill(&o, fs->fill, right);
    return out_finish(ts, &o);
}

// ---------------------------------------------------------------------------
// Numbers

// Writes the digits grouped as _PyUnicode_InsertThousandsGrouping does, right
// to left ending just before `end`, zero-extended to min_width characters.
// Returns the number of characters written.
static size_t group_digits(const char *digits, size_t nd, ssize_t min_width, int gsize, char sep,
                           char *end) {
    char *p = end;
    const char *dp = digits + nd;
    ssize_t remaining = (ssize_t)nd;
    bool use_sep = false;
    if (min_width < 0) {
        min_width = 0;
    }
    for (;;) {
        ssize_t span = remaining > min_width ? remaining : min_width;
        span = span > 1 ? span : 1;
        bool last = !(gsize > 0 && sep);
        ssize_t l = last || span < gsize ? span : gsize;
        ssize_t nzeros = l > remaining ? l - remaining : 0;
        ssize_t nchars = remaining < l ? remaining : l;
        if (use_sep) {
            *--p = sep;
        }
        for (ssize_t i = 0; i < nchars; i++) {
            *--p = *--dp;
        }
        for (ssize_t i = 0; i < nzeros; i++) {
            *--p = '0';
        }
        use_sep = true;
        remaining -= nchars;
        min_width -= l;
        if (last || (remaining <= 0 && min_width <= 0)) {
            break;
        }
        min_width -= 1;
    }
    return (size_t)(end - p);
}

// The sign character a number shows: '-' when negative, else the spec's
// '+' or ' ', else none.
static char sign_of(const FormatSpec *fs, bool negative) {
    if (negative) {
        return '-';
    }
    return fs->sign == '+' || fs->sign == ' ' ? fs->sign : 0;
}

// CPython's calc_number_widths + fill_number: padding goes left ('>'),
// right ('<'), both ('^') or between sign/prefix and digits ('='); with a
// '0' fill and '=' the zeros are digits and get grouped too (00,001,234).
Value format_number(ThreadState *ts, const FormatSpec *fs, bool negative, const char *prefix,
                    const char *digits, size_t ndigits, const char *rest, size_t nrest,
                    int group_size) {
    char align = fs->align ? fs->align : (fs->zero ? '=' : '>');
    char sign = sign_of(fs, negative);
    size_t nprefix = strlen(prefix);
    ssize_t nondigit = (sign ? 1 : 0) + (ssize_t)nprefix + (ssize_t)count_chars(rest, nrest);
    ssize_t min_width = 0;
    if (strcmp(fs->fill, "0") == 0 && align == '=') {
        min_width = fs->width - nondigit;
    }
    // Worst case: every digit or zero followed by a separator.
    size_t cap = 2 * (ndigits + (min_width > 0 ? (size_t)min_width : 0)) + 4;
    char *grouped = malloc(cap);
    if (!grouped) {
        return exc_no_memory(ts);
    }
    size_t ng = 0;
    if (ndigits > 0) {
        ng = group_digits(digits, ndigits, min_width, group_size, fs->grouping, grouped + cap);
    }
    ssize_t pad = fs->width - (nondigit + (ssize_t)ng);
    size_t lpad = 0, spad = 0, rpad = 0;
    if (pad > 0) {
        if (align == '<') {
            rpad = (size_t)pad;
        } else if (align == '^') {
            lpad = (size_t)pad / 2;
            rpad = (size_t)pad - lpad;
        } else if (align == '=') {
            spad = (size_t)pad;
        } else {
            lpad = (size_t)pad;
        }
    }
    Out o = {0};
    out_fill(&o, fs->fill, lpad);
    out_put(&o, &sign, sign ? 1 : 0);
    out_put(&o, prefix, nprefix);
    out_fill(&o, fs->fill, spad);
    out_put(&o, grouped + cap - ng, ng);
    out_put(&o, rest, nrest);
    out_fill(&o, fs->fill, rpad);
    free(grouped);
    return out_finish(ts, &o);
}
