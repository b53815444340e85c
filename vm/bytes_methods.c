// The methods of bytes and bytearray, written once over a byte view and
// returning an object of the receiver's kind (vm/bytes.c has the types, the
// operators and construction). Argument errors are worded as CPython 3.11's,
// with "bytes." or "bytearray." where CPython names the type.
#include "vm/bytes.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/exc.h"
#include "vm/func.h"
#include "vm/gc.h"
#include "vm/int.h"
#include "vm/list.h"
#include "vm/state.h"
#include "vm/str.h"

#define SSIZE_MAX_ ((ssize_t)(SIZE_MAX >> 1))

// The name methods use in messages: "bytes" or "bytearray".
static const char *kind_name(Value self) {
    return bytearray_check(self) ? "bytearray" : "bytes";
}

// ---------------------------------------------------------------------------
// Argument helpers (CPython's wordings, with "bytes." or "bytearray.")

static int no_args(ThreadState *ts, Value self, const char *name, size_t nargs, TupleObj *kw) {
    if (kw && kw->len > 0) {
        return exc_raise_int(ts, exc_TypeError, "%s.%s() takes no keyword arguments",
                             kind_name(self), name);
    }
    if (nargs != 0) {
        return exc_raise_int(ts, exc_TypeError, "%s.%s() takes no arguments (%zu given)",
                             kind_name(self), name, nargs);
    }
    return 0;
}

// "bytes.join() takes exactly one argument (0 given)"
static int one_arg(ThreadState *ts, Value self, const char *name, size_t nargs, TupleObj *kw) {
    if (kw && kw->len > 0) {
        return exc_raise_int(ts, exc_TypeError, "%s.%s() takes no keyword arguments",
                             kind_name(self), name);
    }
    if (nargs != 1) {
        return exc_raise_int(ts, exc_TypeError, "%s.%s() takes exactly one argument (%zu given)",
                             kind_name(self), name, nargs);
    }
    return 0;
}

// "center expected at least 1 argument, got 0" (no keywords).
static int expected_args(ThreadState *ts, Value self, const char *name, size_t nargs, TupleObj *kw,
                         size_t min, size_t max) {
    if (kw && kw->len > 0) {
        return exc_raise_int(ts, exc_TypeError, "%s.%s() takes no keyword arguments",
                             kind_name(self), name);
    }
    if (nargs < min || nargs > max) {
        if (min == max) {
            return exc_raise_int(ts, exc_TypeError, "%s expected %zu arguments, got %zu", name, min,
                                 nargs);
        }
        bool few = nargs < min;
        size_t lim = few ? min : max;
        return exc_raise_int(ts, exc_TypeError, "%s expected at %s %zu argument%s, got %zu", name,
                             few ? "least" : "most", lim, lim == 1 ? "" : "s", nargs);
    }
    return 0;
}

// "find() takes at least 1 argument (0 given)"; kw_ok: keywords are
// left to arg_parse.
static int takes_args(ThreadState *ts, Value self, const char *name, size_t nargs, TupleObj *kw,
                      size_t min, size_t max, bool kw_ok) {
    if (!kw_ok && kw && kw->len > 0) {
        return exc_raise_int(ts, exc_TypeError, "%s.%s() takes no keyword arguments",
                             kind_name(self), name);
    }
    if (nargs < min) {
        return exc_raise_int(ts, exc_TypeError, "%s() takes at least %zu argument%s (%zu given)",
                             name, min, min == 1 ? "" : "s", nargs);
    }
    if (nargs > max) {
        return exc_raise_int(ts, exc_TypeError, "%s() takes at most %zu argument%s (%zu given)",
                             name, max, max == 1 ? "" : "s", nargs);
    }
    return 0;
}

// An int argument as ssize_t ("Python int too large to convert to C ssize_t").
static int ssize_arg(ThreadState *ts, Value v, ssize_t *out) {
    if (is_small_int(v)) {
        *out = (ssize_t)as_small_int(v);
        return 0;
    }
    Value i = obj_index(ts, v);
    if (i == CS_ERR) {
        return -1;
    }
    int64_t x;
    if (int_as_i64(ts, i, &x) < 0) {
        exc_clear(ts);
        return exc_raise_int(ts, exc_OverflowError, "Python int too large to convert to C ssize_t");
    }
    *out = (ssize_t)x;
    return 0;
}

// A start/end argument: None keeps the default; big ints clamp.
static int slice_arg(ThreadState *ts, Value v, ssize_t *out) {
    if (v == CS_UNBOUND || v == CS_NONE) {
        return 0;
    }
    if (is_small_int(v)) {
        *out = (ssize_t)as_small_int(v);
        return 0;
    }
    if (!int_check(v) && !type_of(v)->index) {
        return exc_raise_int(ts, exc_TypeError,
                             "slice indices must be integers or None or have an __index__ method");
    }
    Value i = obj_index(ts, v);
    if (i == CS_ERR) {
        return -1;
    }
    int64_t x;
    if (int_as_i64(ts, i, &x) < 0) {
        exc_clear(ts);
        *out = int_sign(i) < 0 ? -SSIZE_MAX_ : SSIZE_MAX_;
        return 0;
    }
    *out = (ssize_t)x;
    return 0;
}

// ---------------------------------------------------------------------------
// find, rfind, index, rindex, count, startswith, endswith

// Optional start/end into a clamped [start, end) over len bytes; false
// when the range is empty past the end (start > len).
static int range_args(ThreadState *ts, const Value *args, size_t nargs, ssize_t *start,
                      ssize_t *end) {
    *start = 0;
    *end = SSIZE_MAX_;
    if ((nargs > 0 && slice_arg(ts, args[0], start) < 0) ||
        (nargs > 1 && slice_arg(ts, args[1], end) < 0)) {
        return -1;
    }
    return 0;
}

// CPython's ADJUST_INDICES: negative indices count from the end, then
// everything is clamped to [0, len].
static void adjust(ssize_t *start, ssize_t *end, ssize_t len) {
    if (*end > len) {
        *end = len;
    } else if (*end < 0) {
        *end = *end + len < 0 ? 0 : *end + len;
    }
    if (*start < 0) {
        *start = *start + len < 0 ? 0 : *start + len;
    }
}

// -1 none, -2 raised, else the offset.
static ssize_t do_find(ThreadState *ts, const char *name, Value self, const Value *args,
                       size_t nargs, TupleObj *kw, bool reverse, bool count) {
    if (takes_args(ts, self, name, nargs, kw, 1, 3, false) < 0) {
        return -2;
    }
    unsigned char one;
    const unsigned char *np;
    size_t nn;
    ssize_t start, end;
    if (bytes_needle(ts, args[0], &one, &np, &nn) < 0 ||
        range_args(ts, args + 1, nargs - 1, &start, &end) < 0) {
        return -2;
    }
    if (np != &one) {
        bytes_data(args[0], &np, &nn);
    }
    const unsigned char *p;
    size_t n;
    bytes_data(self, &p, &n);
    adjust(&start, &end, (ssize_t)n);
    if (start > end || start > (ssize_t)n) {
        return count ? 0 : -1;
    }
    const char *hay = (const char *)p + start;
    size_t hn = (size_t)(end - start);
    if (count) {
        if (nn == 0) {
            return (ssize_t)hn + 1;
        }
        ssize_t k = 0;
        size_t i = 0;
        ssize_t at;
        while ((at = str_find_bytes(hay + i, hn - i, (const char *)np, nn)) >= 0) {
            k++;
            i += (size_t)at + nn;
        }
        return k;
    }
    ssize_t at = reverse ? str_rfind_bytes(hay, hn, (const char *)np, nn)
                         : str_find_bytes(hay, hn, (const char *)np, nn);
    return at < 0 ? -1 : at + start;
}

// find/rfind answer -1; index/rindex raise "subsection not found".
static Value find_result(ThreadState *ts, ssize_t r, bool raise) {
    if (r == -2) {
        return CS_ERR;
    }
    if (r == -1 && raise) {
        return exc_raise(ts, exc_ValueError, "subsection not found");
    }
    return small_int_val(r);
}

static Value b_find(ThreadState *ts, Value self, const Value *args, size_t nargs, TupleObj *kw) {
    return find_result(ts, do_find(ts, "find", self, args, nargs, kw, false, false), false);
}

static Value b_rfind(ThreadState *ts, Value self, const Value *args, size_t nargs, TupleObj *kw) {
    return find_result(ts, do_find(ts, "rfind", self, args, nargs, kw, true, false), false);
}

static Value b_index(ThreadState *ts, Value self, const Value *args, size_t nargs, TupleObj *kw) {
    return find_result(ts, do_find(ts, "index", self, args, nargs, kw, false, false), true);
}

static Value b_rindex(ThreadState *ts, Value self, const Value *args, size_t nargs, TupleObj *kw) {
    return find_result(ts, do_find(ts, "rindex", self, args, nargs, kw, true, false), true);
}

static Value b_count(ThreadState *ts, Value self, const Value *args, size_t nargs, TupleObj *kw) {
    return find_result(ts, do_find(ts, "count", self, args, nargs, kw, false, true), false);
}

// Does p[start:end] start (or end) with q?
static bool affix_match(const unsigned char *p, size_t n, ssize_t start, ssize_t end,
                        const unsigned char *q, size_t m, bool at_end) {
    adjust(&start, &end, (ssize_t)n);
    if (start > (ssize_t)n || end - start < (ssize_t)m) {
        return false;
    }
    size_t at = at_end ? (size_t)end - m : (size_t)start;
    return memcmp(p + at, q, m) == 0;
}

// startswith/endswith: bytes-like or a tuple of them, within [start, end).
static Value starts_ends(ThreadState *ts, const char *name, Value self, const Value *args,
                         size_t nargs, TupleObj *kw, bool at_end) {
    if (takes_args(ts, self, name, nargs, kw, 1, 3, false) < 0) {
        return CS_ERR;
    }
    Value pre = args[0];
    if (!bytes_like_check(pre) && !tuple_check(pre)) {
        return exc_raise(ts, exc_TypeError,
                         "%s first arg must be bytes or a tuple of bytes, not %T", name, pre);
    }
    ssize_t start, end;
    if (range_args(ts, args + 1, nargs - 1, &start, &end) < 0) {
        return CS_ERR;
    }
    const unsigned char *p, *q;
    size_t n, m;
    bytes_data(self, &p, &n);
    if (bytes_like_check(pre)) {
        bytes_data(pre, &q, &m);
        return bool_val(affix_match(p, n, start, end, q, m, at_end));
    }
    TupleObj *t = as_tuple(pre);
    for (size_t i = 0; i < t->len; i++) {
        if (bytes_view(ts, t->items[i], &q, &m) < 0) {
            return CS_ERR;
        }
        if (affix_match(p, n, start, end, q, m, at_end)) {
            return CS_TRUE;
        }
    }
    return CS_FALSE;
}

static Value b_startswith(ThreadState *ts, Value self, const Value *args, size_t nargs,
                          TupleObj *kw) {
    return starts_ends(ts, "startswith", self, args, nargs, kw, false);
}

static Value b_endswith(ThreadState *ts, Value self, const Value *args, size_t nargs,
                        TupleObj *kw) {
    return starts_ends(ts, "endswith", self, args, nargs, kw, true);
}

// ---------------------------------------------------------------------------
// ASCII character classes and case conversion

static bool b_isspace_c(unsigned char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
}

// bytes predicates are ASCII-only (Py_ISLOWER and friends).
static bool b_islower_c(unsigned char c) {
    return c >= 'a' && c <= 'z';
}

static bool b_isupper_c(unsigned char c) {
    return c >= 'A' && c <= 'Z';
}

static bool b_isalpha_c(unsigned char c) {
    return b_islower_c(c) || b_isupper_c(c);
}

static bool b_isdigit_c(unsigned char c) {
    return c >= '0' && c <= '9';
}

static bool b_isalnum_c(unsigned char c) {
    return b_isalpha_c(c) || b_isdigit_c(c);
}

// True when non-empty and every byte satisfies pred.
static Value all_bytes(Value self, bool (*pred)(unsigned char)) {
    const unsigned char *p;
    size_t n;
    bytes_data(self, &p, &n);
    if (n == 0) {
        return CS_FALSE;
    }
    for (size_t i = 0; i < n; i++) {
        if (!pred(p[i])) {
            return CS_FALSE;
        }
    }
    return CS_TRUE;
}

#define BYTES_PREDICATE(mname, pred)                                                               \
    static Value b_##mname(ThreadState *ts, Value self, const Value *args, size_t nargs,           \
                           TupleObj *kw) {                                                         \
        if (no_args(ts, self, #mname, nargs, kw) < 0) {                                            \
            return CS_ERR;                                                                         \
        }                                                                                          \
        return all_bytes(self, pred);                                                              \
    }

BYTES_PREDICATE(isalnum, b_isalnum_c)
BYTES_PREDICATE(isalpha, b_isalpha_c)
BYTES_PREDICATE(isdigit, b_isdigit_c)
BYTES_PREDICATE(isspace, b_isspace_c)

static Value b_isascii(ThreadState *ts, Value self, const Value *args, size_t nargs, TupleObj *kw) {
    if (no_args(ts, self, "isascii", nargs, kw) < 0) {
        return CS_ERR;
    }
    const unsigned char *p;
    size_t n;
    bytes_data(self, &p, &n);
    for (size_t i = 0; i < n; i++) {
        if (p[i] >= 0x80) {
            return CS_FALSE;
        }
    }
    return CS_TRUE;
}

// islower / isupper: some letter of the case and none of the other.
static Value case_check(Value self, bool lower) {
    const unsigned char *p;
    size_t n;
    bytes_data(self, &p, &n);
    bool cased = false;
    for (size_t i = 0; i < n; i++) {
        if (lower ? b_isupper_c(p[i]) : b_islower_c(p[i])) {
            return CS_FALSE;
        }
        cased |= lower ? b_islower_c(p[i]) : b_isupper_c(p[i]);
    }
    return bool_val(cased);
}

static Value b_islower(ThreadState *ts, Value self, const Value *args, size_t nargs, TupleObj *kw) {
    return no_args(ts, self, "islower", nargs, kw) < 0 ? CS_ERR : case_check(self, true);
}

static Value b_isupper(ThreadState *ts, Value self, const Value *args, size_t nargs, TupleObj *kw) {
    return no_args(ts, self, "isupper", nargs, kw) < 0 ? CS_ERR : case_check(self, false);
}

// Same rule as str.istitle over ASCII letters.
static Value b_istitle(ThreadState *ts, Value self, const Value *args, size_t nargs, TupleObj *kw) {
    if (no_args(ts, self, "istitle", nargs, kw) < 0) {
        return CS_ERR;
    }
    const unsigned char *p;
    size_t n;
    bytes_data(self, &p, &n);
    bool cased = false, prev = false;
    for (size_t i = 0; i < n; i++) {
        if (b_isupper_c(p[i])) {
            if (prev) {
                return CS_FALSE;
            }
            prev = cased = true;
        } else if (b_islower_c(p[i])) {
            if (!prev) {
                return CS_FALSE;
            }
            prev = cased = true;
        } else {
            prev = false;
        }
    }
    return bool_val(cased);
}

typedef enum { BC_LOWER, BC_UPPER, BC_SWAP, BC_TITLE, BC_CAPITALIZE } ByteCase;

static unsigned char lower_c(unsigned char c) {
    return b_isupper_c(c) ? (unsigned char)(c + 32) : c;
}

static unsigned char upper_c(unsigned char c) {
    return b_islower_c(c) ? (unsigned char)(c - 32) : c;
}

// Copies the receiver, then maps ASCII letters in place in the copy.
static Value change_case(ThreadState *ts, Value self, ByteCase op) {
    const unsigned char *p;
    size_t n;
    bytes_data(self, &p, &n);
    Value r = bytes_new_like(ts, self, p, n);
    if (r == CS_ERR) {
        return CS_ERR;
    }
    unsigned char *d = bytearray_check(r) ? as_bytearray(r)->data : as_bytes(r)->data;
    bool prev = false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = d[i];
        switch (op) {
        case BC_LOWER:
            d[i] = lower_c(c);
            break;
        case BC_UPPER:
            d[i] = upper_c(c);
            break;
        case BC_SWAP:
            d[i] = b_islower_c(c) ? upper_c(c) : lower_c(c);
            break;
        case BC_TITLE:
            d[i] = prev ? lower_c(c) : upper_c(c);
            prev = b_isalpha_c(c);
            break;
        case BC_CAPITALIZE:
            d[i] = i == 0 ? upper_c(c) : lower_c(c);
            break;
        }
    }
    return r;
}

#define BYTES_CASE(mname, op)                                                                      \
    static Value b_##mname(ThreadState *ts, Value self, const Value *args, size_t nargs,           \
                           TupleObj *kw) {                                                         \
        if (no_args(ts, self, #mname, nargs, kw) < 0) {                                            \
            return CS_ERR;                                                                         \
        }                                                                                          \
        return change_case(ts, self, op);                                                          \
    }

BYTES_CASE(lower, BC_LOWER)
BYTES_CASE(upper, BC_UPPER)
BYTES_CASE(swapcase, BC_SWAP)
BYTES_CASE(title, BC_TITLE)
BYTES_CASE(capitalize, BC_CAPITALIZE)

// ---------------------------------------------------------------------------
// Padding: center, ljust, rjust, zfill, expandtabs

static Value justify(ThreadState *ts, const char *name, Value self, const Value *args, size_t nargs,
                     TupleObj *kw, int how) {
    ssize_t width = 0;
    unsigned char fill = ' ';
    if (expected_args(ts, self, name, nargs, kw, 1, 2) < 0 || ssize_arg(ts, args[0], &width) < 0) {
        return CS_ERR;
    }
    if (nargs > 1) {
        const unsigned char *fp;
        size_t fn = 0;
        if (bytes_like_check(args[1])) {
            bytes_data(args[1], &fp, &fn);
        }
        if (fn != 1) {
            return exc_raise(ts, exc_TypeError,
                             "%s() argument 2 must be a byte string of length 1, not %T", name,
                             args[1]);
        }
        fill = fp[0];
    }
    const unsigned char *p;
    size_t n;
    bytes_data(self, &p, &n);
    if (width <= (ssize_t)n) {
        return bytes_same(ts, self);
    }
    size_t marg = (size_t)width - n;
    size_t left = how == 1 ? 0 : how == 2 ? marg : marg / 2 + (marg & (size_t)width & 1);
    StrBuf b;
    str_buf_init(&b);
    for (size_t i = 0; i < left; i++) {
        str_buf_append_char(&b, (char)fill);
    }
    str_buf_append(&b, (const char *)p, n);
    for (size_t i = left; i < marg; i++) {
        str_buf_append_char(&b, (char)fill);
    }
    Value r = b.oom ? exc_no_memory(ts) : bytes_new_like(ts, self, b.data ? b.data : "", b.len);
    str_buf_free(&b);
    return r;
}

static Value b_center(ThreadState *ts, Value self, const Value *args, size_t nargs, TupleObj *kw) {
    return justify(ts, "center", self, args, nargs, kw, 0);
}

static Value b_ljust(ThreadState *ts, Value self, const Value *args, size_t nargs, TupleObj *kw) {
    return justify(ts, "ljust", self, args, nargs, kw, 1);
}

static Value b_rjust(ThreadState *ts, Value self, const Value *args, size_t nargs, TupleObj *kw) {
    return justify(ts, "rjust", self, args, nargs, kw, 2);
}

// Finishes a StrBuf into the receiver's kind.
static Value finish_like(ThreadState *ts, Value self, StrBuf *b) {
    Value r = b->oom ? exc_no_memory(ts) : bytes_new_like(ts, self, b->data ? b->data : "", b->len);
    str_buf_free(b);
    return r;
}

// Zeros go after a leading sign.
static Value b_zfill(ThreadState *ts, Value self, const Value *args, size_t nargs, TupleObj *kw) {
    ssize_t width = 0;
    if (one_arg(ts, self, "zfill", nargs, kw) < 0 || ssize_arg(ts, args[0], &width) < 0) {
        return CS_ERR;
    }
    const unsigned char *p;
    size_t n;
    bytes_data(self, &p, &n);
    if (width <= (ssize_t)n) {
        return bytes_same(ts, self);
    }
    StrBuf b;
    str_buf_init(&b);
    size_t from = n > 0 && (p[0] == '+' || p[0] == '-');
    str_buf_append(&b, (const char *)p, from);
    str_buf_append_fill(&b, "0", 1, (size_t)width - n);
    str_buf_append(&b, (const char *)p + from, n - from);
    return finish_like(ts, self, &b);
}

// Columns restart after \n and \r; tabsize <= 0 removes tabs.
static Value b_expandtabs(ThreadState *ts, Value self, const Value *args, size_t nargs,
                          TupleObj *kw) {
    Value a[1];
    ssize_t tab = 8;
    if (takes_args(ts, self, "expandtabs", nargs, kw, 0, 1, true) < 0 ||
        arg_parse(ts, "expandtabs", args, nargs, kw, "|tabsize", a) < 0 ||
        (a[0] != CS_UNBOUND && ssize_arg(ts, a[0], &tab) < 0)) {
        return CS_ERR;
    }
    const unsigned char *p;
    size_t n;
    bytes_data(self, &p, &n);
    StrBuf b;
    str_buf_init(&b);
    size_t col = 0;
    for (size_t i = 0; i < n; i++) {
        if (p[i] == '\t') {
            if (tab > 0) {
                size_t spaces = (size_t)tab - col % (size_t)tab;
                str_buf_append_fill(&b, " ", 1, spaces);
                col += spaces;
            }
            continue;
        }
        str_buf_append_char(&b, (char)p[i]);
        col = (p[i] == '\n' || p[i] == '\r') ? 0 : col + 1;
    }
    return finish_like(ts, self, &b);
}

// ---------------------------------------------------------------------------
// strip, removeprefix, removesuffix

static Value do_strip(ThreadState *ts, const char *name, Value self, const Value *args,
                      size_t nargs, TupleObj *kw, int sides) {
    if (expected_args(ts, self, name, nargs, kw, 0, 1) < 0) {
        return CS_ERR;
    }
    const unsigned char *set = NULL;
    size_t setn = 0;
    if (nargs == 1 && args[0] != CS_NONE && bytes_view(ts, args[0], &set, &setn) < 0) {
        return CS_ERR;
    }
    const unsigned char *p;
    size_t n;
    bytes_data(self, &p, &n);
    size_t a = 0, b = n;
#define IN_SET(c) (set ? memchr(set, (c), setn) != NULL : b_isspace_c(c))
    if (sides & 1) {
        while (a < b && IN_SET(p[a])) {
            a++;
        }
    }
    if (sides & 2) {
        while (b > a && IN_SET(p[b - 1])) {
            b--;
        }
    }
#undef IN_SET
    if (a == 0 && b == n) {
        return bytes_same(ts, self);
    }
    return bytes_new_like(ts, self, p + a, b - a);
}

static Value b_strip(ThreadState *ts, Value self, const Value *args, size_t nargs, TupleObj *kw) {
    return do_strip(ts, "strip", self, args, nargs, kw, 3);
}

static Value b_lstrip(ThreadState *ts, Value self, const Value *args, size_t nargs, TupleObj *kw) {
    return do_strip(ts, "lstrip", self, args, nargs, kw, 1);
}

static Value b_rstrip(ThreadState *ts, Value self, const Value *args, size_t nargs, TupleObj *kw) {
    return do_strip(ts, "rstrip", self, args, nargs, kw, 2);
}

// removeprefix/removesuffix with a bytes-like argument.
static Value remove_affix(ThreadState *ts, const char *name, Value self, const Value *args,
                          size_t nargs, TupleObj *kw, bool suffix) {
    const unsigned char *q;
    size_t m;
    if (one_arg(ts, self, name, nargs, kw) < 0 || bytes_view(ts, args[0], &q, &m) < 0) {
        return CS_ERR;
    }
    const unsigned char *p;
    size_t n;
    bytes_data(self, &p, &n);
    if (m == 0 || m > n) {
        return bytes_same(ts, self);
    }
    if (suffix && memcmp(p + n - m, q, m) == 0) {
        return bytes_new_like(ts, self, p, n - m);
    }
    if (!suffix && memcmp(p, q, m) == 0) {
        return bytes_new_like(ts, self, p + m, n - m);
    }
    return bytes_same(ts, self);
}

static Value b_removeprefix(ThreadState *ts, Value self, const Value *args, size_t nargs,
                            TupleObj *kw) {
    return remove_affix(ts, "removeprefix", self, args, nargs, kw, false);
}

static Value b_removesuffix(ThreadState *ts, Value self, const Value *args, size_t nargs,
                            TupleObj *kw) {
    return remove_affix(ts, "removesuffix", self, args, nargs, kw, true);
}

// ---------------------------------------------------------------------------
// split, rsplit, splitlines, partition, rpartition, join, replace

static int push_piece(ThreadState *ts, Value list, Value self, size_t a, size_t b) {
    const unsigned char *p;
    size_t n;
    bytes_data(self, &p, &n);
    Value piece = bytes_new_like(ts, self, p + a, b - a);
    if (piece == CS_ERR) {
        return -1;
    }
    return list_append(ts, as_list(list), piece);
}

// split/rsplit arguments: sep (bytes-like or None) and maxsplit.
static int split_args(ThreadState *ts, Value self, const char *name, const Value *args,
                      size_t nargs, TupleObj *kw, Value *sep, ssize_t *maxsplit) {
    Value a[2];
    if (takes_args(ts, self, name, nargs, kw, 0, 2, true) < 0 ||
        arg_parse(ts, name, args, nargs, kw, "|sep,maxsplit", a) < 0) {
        return -1;
    }
    *sep = a[0] == CS_UNBOUND ? CS_NONE : a[0];
    *maxsplit = -1;
    if (a[1] != CS_UNBOUND && ssize_arg(ts, a[1], maxsplit) < 0) {
        return -1;
    }
    if (*maxsplit < 0) {
        *maxsplit = SSIZE_MAX_;
    }
    if (*sep != CS_NONE) {
        const unsigned char *q;
        size_t m;
        if (bytes_view(ts, *sep, &q, &m) < 0) {
            return -1;
        }
        if (m == 0) {
            return exc_raise_int(ts, exc_ValueError, "empty separator");
        }
    }
    return 0;
}

// Whitespace split from the left: runs of ASCII whitespace separate pieces;
// after maxsplit pieces the rest (trailing whitespace included) is the last.
static int split_ws_forward(ThreadState *ts, Value list, Value self, ssize_t maxsplit) {
    const unsigned char *p;
    size_t n, i = 0, mark = gc_temp_mark(ts);
    bytes_data(self, &p, &n);
    while (true) {
        while (i < n && b_isspace_c(p[i])) {
            i++;
        }
        if (i >= n) {
            return 0;
        }
        if (maxsplit-- <= 0) {
            return push_piece(ts, list, self, i, n);
        }
        size_t j = i;
        while (j < n && !b_isspace_c(p[j])) {
            j++;
        }
        if (push_piece(ts, list, self, i, j) < 0) {
            return -1;
        }
        gc_temp_reset(ts, mark);
        i = j;
    }
}

// The same from the right (rsplit); pieces arrive last first.
static int split_ws_backward(ThreadState *ts, Value list, Value self, ssize_t maxsplit) {
    const unsigned char *p;
    size_t n, mark = gc_temp_mark(ts);
    bytes_data(self, &p, &n);
    size_t j = n;
    while (true) {
        while (j > 0 && b_isspace_c(p[j - 1])) {
            j--;
        }
        if (j == 0) {
            return 0;
        }
        if (maxsplit-- <= 0) {
            return push_piece(ts, list, self, 0, j);
        }
        size_t i = j;
        while (i > 0 && !b_isspace_c(p[i - 1])) {
            i--;
        }
        if (push_piece(ts, list, self, i, j) < 0) {
            return -1;
        }
        gc_temp_reset(ts, mark);
        j = i;
    }
}

static int split_ws(ThreadState *ts, Value list, Value self, ssize_t maxsplit, bool reverse) {
    return reverse ? split_ws_backward(ts, list, self, maxsplit)
                   : split_ws_forward(ts, list, self, maxsplit);
}

// Splits on an explicit separator from the left, or (reverse) from the
// right with pieces arriving last first.
static int split_by(ThreadState *ts, Value list, Value self, Value sep, ssize_t maxsplit,
                    bool reverse) {
    const unsigned char *p, *q;
    size_t n, m;
    bytes_data(self, &p, &n);
    bytes_data(sep, &q, &m);
    size_t mark = gc_temp_mark(ts);
    size_t i = 0, j = n;
    while (maxsplit-- > 0) {
        ssize_t at = reverse ? str_rfind_bytes((const char *)p, j, (const char *)q, m)
                             : str_find_bytes((const char *)p + i, n - i, (const char *)q, m);
        if (at < 0) {
            break;
        }
        int r = reverse ? push_piece(ts, list, self, (size_t)at + m, j)
                        : push_piece(ts, list, self, i, i + (size_t)at);
        if (r < 0) {
            return -1;
        }
        gc_temp_reset(ts, mark);
        if (reverse) {
            j = (size_t)at;
        } else {
            i += (size_t)at + m;
        }
    }
    return push_piece(ts, list, self, i, j);
}

// rsplit collects from the right, then reverses the list.
static Value do_split(ThreadState *ts, const char *name, Value self, const Value *args,
                      size_t nargs, TupleObj *kw, bool reverse) {
    Value sep;
    ssize_t maxsplit;
    if (split_args(ts, self, name, args, nargs, kw, &sep, &maxsplit) < 0) {
        return CS_ERR;
    }
    Value list = list_new(ts, 0);
    if (list == CS_ERR) {
        return CS_ERR;
    }
    int r = sep == CS_NONE ? split_ws(ts, list, self, maxsplit, reverse)
                           : split_by(ts, list, self, sep, maxsplit, reverse);
    if (r < 0) {
        return CS_ERR;
    }
    if (reverse) {
        list_reverse(as_list(list));
    }
    return list;
}

static Value b_split(ThreadState *ts, Value self, const Value *args, size_t nargs, TupleObj *kw) {
    return do_split(ts, "split", self, args, nargs, kw, false);
}

static Value b_rsplit(ThreadState *ts, Value self, const Value *args, size_t nargs, TupleObj *kw) {
    return do_split(ts, "rsplit", self, args, nargs, kw, true);
}

// bytes break lines only at \n, \r and \r\n.
static Value b_splitlines(ThreadState *ts, Value self, const Value *args, size_t nargs,
                          TupleObj *kw) {
    Value a[1];
    if (takes_args(ts, self, "splitlines", nargs, kw, 0, 1, true) < 0 ||
        arg_parse(ts, "splitlines", args, nargs, kw, "|keepends", a) < 0) {
        return CS_ERR;
    }
    ssize_t keep = 0;
    if (a[0] != CS_UNBOUND && ssize_arg(ts, a[0], &keep) < 0) {
        return CS_ERR;
    }
    Value list = list_new(ts, 0);
    if (list == CS_ERR) {
        return CS_ERR;
    }
    const unsigned char *p;
    size_t n;
    bytes_data(self, &p, &n);
    size_t start = 0, i = 0;
    size_t mark = gc_temp_mark(ts);
    while (i < n) {
        if (p[i] != '\n' && p[i] != '\r') {
            i++;
            continue;
        }
        size_t eol = i++;
        if (p[eol] == '\r' && i < n && p[i] == '\n') {
            i++;
        }
        if (push_piece(ts, list, self, start, keep ? i : eol) < 0) {
            return CS_ERR;
        }
        gc_temp_reset(ts, mark);
        bytes_data(self, &p, &n);
        start = i;
    }
    if (start < n && push_piece(ts, list, self, start, n) < 0) {
        return CS_ERR;
    }
    return list;
}

// (head, sep, tail) of the receiver's kind; views are re-read after
// each allocation.
static Value do_partition(ThreadState *ts, const char *name, Value self, const Value *args,
                          size_t nargs, TupleObj *kw, bool reverse) {
    const unsigned char *q;
    size_t m;
    if (one_arg(ts, self, name, nargs, kw) < 0 || bytes_view(ts, args[0], &q, &m) < 0) {
        return CS_ERR;
    }
    if (m == 0) {
        return exc_raise(ts, exc_ValueError, "empty separator");
    }
    const unsigned char *p;
    size_t n;
    bytes_data(self, &p, &n);
    ssize_t at = reverse ? str_rfind_bytes((const char *)p, n, (const char *)q, m)
                         : str_find_bytes((const char *)p, n, (const char *)q, m);
    Value t = tuple_new(ts, 3);
    TupleObj *tp = as_tuple(t);
    for (int i = 0; i < 3; i++) {
        bytes_data(self, &p, &n);
        bytes_data(args[0], &q, &m);
        const unsigned char *src;
        size_t len;
        if (at < 0) {
            bool whole = i == (reverse ? 2 : 0);
            src = p;
            len = whole ? n : 0;
        } else {
            src = i == 0 ? p : i == 1 ? q : p + at + m;
            len = i == 0 ? (size_t)at : i == 1 ? m : n - (size_t)at - m;
        }
        Value part = bytes_new_like(ts, self, src, len);
        if (part == CS_ERR) {
            return CS_ERR;
        }
        tp->items[i] = part;
    }
    return t;
}

static Value b_partition(ThreadState *ts, Value self, const Value *args, size_t nargs,
                         TupleObj *kw) {
    return do_partition(ts, "partition", self, args, nargs, kw, false);
}

static Value b_rpartition(ThreadState *ts, Value self, const Value *args, size_t nargs,
                          TupleObj *kw) {
    return do_partition(ts, "rpartition", self, args, nargs, kw, true);
}

// Items must be bytes-like; the result has the separator's kind.
static Value b_join(ThreadState *ts, Value self, const Value *args, size_t nargs, TupleObj *kw) {
    if (one_arg(ts, self, "join", nargs, kw) < 0) {
        return CS_ERR;
    }
    Value seq = args[0];
    if (!list_check(seq) && !tuple_check(seq)) {
        Value it = obj_iter(ts, seq);
        if (it == CS_ERR) {
            if (exc_matches(ts, exc_TypeError)) {
                exc_clear(ts);
                exc_raise(ts, exc_TypeError, "can only join an iterable");
            }
            return CS_ERR;
        }
        seq = obj_to_list(ts, it);
        if (seq == CS_ERR) {
            return CS_ERR;
        }
    }
    const Value *items = list_check(seq) ? as_list(seq)->items : as_tuple(seq)->items;
    size_t count = list_check(seq) ? as_list(seq)->len : as_tuple(seq)->len;
    StrBuf b;
    str_buf_init(&b);
    const unsigned char *sp, *q;
    size_t sn, m;
    for (size_t i = 0; i < count; i++) {
        if (!bytes_like_check(items[i])) {
            str_buf_free(&b);
            return exc_raise(ts, exc_TypeError,
                             "sequence item %zu: expected a bytes-like object, %T found", i,
                             items[i]);
        }
        if (i > 0) {
            bytes_data(self, &sp, &sn);
            str_buf_append(&b, (const char *)sp, sn);
        }
        bytes_data(items[i], &q, &m);
        str_buf_append(&b, (const char *)q, m);
    }
    return finish_like(ts, self, &b);
}

// An empty old inserts new between every byte (count times).
static Value b_replace(ThreadState *ts, Value self, const Value *args, size_t nargs, TupleObj *kw) {
    const unsigned char *o, *r;
    size_t on, rn;
    ssize_t count = -1;
    if (expected_args(ts, self, "replace", nargs, kw, 2, 3) < 0 ||
        bytes_view(ts, args[0], &o, &on) < 0 || bytes_view(ts, args[1], &r, &rn) < 0 ||
        (nargs > 2 && ssize_arg(ts, args[2], &count) < 0)) {
        return CS_ERR;
    }
    bytes_data(args[0], &o, &on);
    bytes_data(args[1], &r, &rn);
    if (count < 0) {
        count = SSIZE_MAX_;
    }
    const unsigned char *p;
    size_t n;
    bytes_data(self, &p, &n);
    StrBuf b;
    str_buf_init(&b);
    size_t i = 0;
    if (on == 0) {
        while (count > 0 && i <= n) {
            str_buf_append(&b, (const char *)r, rn);
            count--;
            if (i < n) {
                str_buf_append_char(&b, (char)p[i]);
            }
            i++;
        }
        if (i < n) {
            str_buf_append(&b, (const char *)p + i, n - i);
        }
        return finish_like(ts, self, &b);
    }
    while (count-- > 0) {
        ssize_t at = str_find_bytes((const char *)p + i, n - i, (const char *)o, on);
        if (at < 0) {
            break;
        }
        str_buf_append(&b, (const char *)p + i, (size_t)at);
        str_buf_append(&b, (const char *)r, rn);
        i += (size_t)at + on;
    }
    str_buf_append(&b, (const char *)p + i, n - i);
    return finish_like(ts, self, &b);
}

// ---------------------------------------------------------------------------
// translate, maketrans, decode, hex, fromhex

static Value b_translate(ThreadState *ts, Value self, const Value *args, size_t nargs,
                         TupleObj *kw) {
    Value a[2];
    if (nargs == 0) {
        return exc_raise(ts, exc_TypeError,
                         "translate() takes at least 1 positional argument (0 given)");
    }
    if (takes_args(ts, self, "translate", nargs, kw, 1, 2, true) < 0 ||
        arg_parse(ts, "translate", args, nargs, kw, "table,/|delete", a) < 0) {
        return CS_ERR;
    }
    const unsigned char *table = NULL, *del = NULL;
    size_t tn = 0, dn = 0;
    if (a[0] != CS_NONE) {
        if (bytes_view(ts, a[0], &table, &tn) < 0) {
            return CS_ERR;
        }
        if (tn != 256) {
            return exc_raise(ts, exc_ValueError, "translation table must be 256 characters long");
        }
    }
    if (a[1] != CS_UNBOUND && bytes_view(ts, a[1], &del, &dn) < 0) {
        return CS_ERR;
    }
    const unsigned char *p;
    size_t n;
    bytes_data(self, &p, &n);
    StrBuf b;
    str_buf_init(&b);
    for (size_t i = 0; i < n; i++) {
        if (del && memchr(del, p[i], dn)) {
            continue;
        }
        str_buf_append_char(&b, (char)(table ? table[p[i]] : p[i]));
    }
    return finish_like(ts, self, &b);
}

// Static: a 256-byte table mapping each byte of frm to the one of to.
static Value b_maketrans(ThreadState *ts, Value self, const Value *args, size_t nargs,
                         TupleObj *kw) {
    const unsigned char *f, *t;
    size_t fn, tn;
    if (expected_args(ts, obj_val(&type_bytes), "maketrans", nargs, kw, 2, 2) < 0 ||
        bytes_view(ts, args[0], &f, &fn) < 0 || bytes_view(ts, args[1], &t, &tn) < 0) {
        return CS_ERR;
    }
    if (fn != tn) {
        return exc_raise(ts, exc_ValueError, "maketrans arguments must have same length");
    }
    unsigned char table[256];
    for (int i = 0; i < 256; i++) {
        table[i] = (unsigned char)i;
    }
    for (size_t i = 0; i < fn; i++) {
        table[f[i]] = t[i];
    }
    return bytes_new(ts, table, 256);
}

static int decode_arg(ThreadState *ts, Value v, const char *what, const char **out) {
    if (v == CS_UNBOUND) {
        return 0;
    }
    if (!str_check(v)) {
        return exc_raise_int(ts, exc_TypeError, "decode() argument '%s' must be str, not %T", what,
                             v);
    }
    *out = str_cstr(v);
    return 0;
}

// decode(encoding='utf-8', errors='strict') through vm/str.c's codecs.
static Value b_decode(ThreadState *ts, Value self, const Value *args, size_t nargs, TupleObj *kw) {
    Value a[2];
    const char *encoding = "utf-8", *errors = "strict";
    if (takes_args(ts, self, "decode", nargs, kw, 0, 2, true) < 0 ||
        arg_parse(ts, "decode", args, nargs, kw, "|encoding,errors", a) < 0 ||
        decode_arg(ts, a[0], "encoding", &encoding) < 0 ||
        decode_arg(ts, a[1], "errors", &errors) < 0) {
        return CS_ERR;
    }
    const unsigned char *p;
    size_t n;
    bytes_data(self, &p, &n);
    return str_decode(ts, (const char *)p, n, encoding, errors);
}

// hex()'s separator: a str or bytes of length 1 (ASCII), into *sep.
static int hex_sep(ThreadState *ts, Value v, char *sep) {
    ssize_t len = obj_len(ts, v);
    if (len < 0) {
        return -1;
    }
    if (len != 1) {
        return exc_raise_int(ts, exc_ValueError, "sep must be length 1.");
    }
    if (str_check(v)) {
        if (!(as_str(v)->hdr.aux & STR_ASCII)) {
            return exc_raise_int(ts, exc_ValueError, "sep must be ASCII.");
        }
        *sep = as_str(v)->data[0];
        return 0;
    }
    const unsigned char *sp;
    size_t sn;
    if (bytes_view(ts, v, &sp, &sn) < 0) {
        return -1;
    }
    *sep = (char)sp[0];
    return 0;
}

static Value b_hex(ThreadState *ts, Value self, const Value *args, size_t nargs, TupleObj *kw) {
    Value a[2];
    char sep = 0;
    ssize_t group = 1;
    if (takes_args(ts, self, "hex", nargs, kw, 0, 2, true) < 0 ||
        arg_parse(ts, "hex", args, nargs, kw, "|sep,bytes_per_sep", a) < 0 ||
        (a[0] != CS_UNBOUND && hex_sep(ts, a[0], &sep) < 0) ||
        (a[1] != CS_UNBOUND && ssize_arg(ts, a[1], &group) < 0)) {
        return CS_ERR;
    }
    const unsigned char *p;
    size_t n;
    bytes_data(self, &p, &n);
    StrBuf b;
    str_buf_init(&b);
    size_t g = group < 0 ? (size_t)-group : (size_t)group;
    for (size_t i = 0; i < n; i++) {
        // Groups are counted from the right (positive) or the left (negative).
        size_t pos = group < 0 ? i : n - i;
        if (sep && i > 0 && g > 0 && pos % g == 0) {
            str_buf_append_char(&b, sep);
        }
        str_buf_printf(&b, "%02x", p[i]);
    }
    return str_buf_finish(ts, &b);
}

static int hex_digit(char c) {
    if (c >= '0' && c <= '9') {
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

// Classmethod: pairs of hex digits, whitespace allowed between pairs;
// a subclass gets cls(result).
static Value b_fromhex(ThreadState *ts, Value cls, const Value *args, size_t nargs, TupleObj *kw) {
    TypeObj *t = (TypeObj *)as_obj(cls);
    bool ba = t == &type_bytearray || type_is_subtype(t, &type_bytearray);
    const char *kind = ba ? "bytearray" : "bytes";
    if (kw && kw->len > 0) {
        return exc_raise(ts, exc_TypeError, "%s.fromhex() takes no keyword arguments", kind);
    }
    if (nargs != 1) {
        return exc_raise(ts, exc_TypeError, "%s.fromhex() takes exactly one argument (%zu given)",
                         kind, nargs);
    }
    if (!str_check(args[0])) {
        return exc_raise(ts, exc_TypeError, "fromhex() argument must be str, not %T", args[0]);
    }
    StrObj *s = as_str(args[0]);
    StrBuf b;
    str_buf_init(&b);
    size_t i = 0;
    while (i < s->len) {
        if (b_isspace_c((unsigned char)s->data[i])) {
            i++;
            continue;
        }
        int hi = hex_digit(s->data[i]);
        int lo = i + 1 < s->len ? hex_digit(s->data[i + 1]) : -1;
        if (hi < 0 || lo < 0) {
            str_buf_free(&b);
            size_t at = str_index_of_offset(s, hi < 0 ? i : i + 1);
            return exc_raise(ts, exc_ValueError,
                             "non-hexadecimal number found in fromhex() arg at position %zu", at);
        }
        str_buf_append_char(&b, (char)(hi * 16 + lo));
        i += 2;
    }
    Value r;
    if (ba) {
        r = b.oom ? exc_no_memory(ts) : bytearray_new(ts, b.data ? b.data : "", b.len);
        str_buf_free(&b);
    } else {
        r = str_buf_finish_bytes(ts, &b);
    }
    if (r == CS_ERR || t == &type_bytes || t == &type_bytearray) {
        return r;
    }
    return obj_call1(ts, cls, r);
}

// ---------------------------------------------------------------------------
// bytearray mutators

static Value ba_append(ThreadState *ts, Value self, const Value *args, size_t nargs, TupleObj *kw) {
    unsigned char c = 0;
    if (one_arg(ts, self, "append", nargs, kw) < 0 ||
        bytes_byte_value(ts, args[0], "byte must be in range(0, 256)", &c) < 0 ||
        bytearray_append(ts, as_bytearray(self), &c, 1) < 0) {
        return CS_ERR;
    }
    return CS_NONE;
}

// Appends the bytes of a bytes-like object or an iterable of ints.
static int ba_extend_from(ThreadState *ts, Value self, Value src) {
    StrBuf buf;
    str_buf_init(&buf);
    if (bytes_like_check(src)) {
        const unsigned char *p;
        size_t n;
        bytes_data(src, &p, &n);
        str_buf_append(&buf, (const char *)p, n);
    } else if (str_check(src)) {
        // Strings iterate to str items: the int conversion raises.
        if (bytes_collect_ints(ts, src, &buf, "byte must be in range(0, 256)") < 0) {
            str_buf_free(&buf);
            return -1;
        }
    } else if (!type_of(src)->iter && !type_of(src)->getitem) {
        str_buf_free(&buf);
        return exc_raise_int(ts, exc_TypeError, "can't extend bytearray with %T", src);
    } else if (bytes_collect_ints(ts, src, &buf, "byte must be in range(0, 256)") < 0) {
        str_buf_free(&buf);
        return -1;
    }
    int r = bytearray_append(ts, as_bytearray(self), buf.data ? buf.data : "", buf.len);
    str_buf_free(&buf);
    return r;
}

// extend(iterable): bytes-like objects are copied, other iterables must
// yield ints in range(256).
static Value ba_extend(ThreadState *ts, Value self, const Value *args, size_t nargs, TupleObj *kw) {
    if (one_arg(ts, self, "extend", nargs, kw) < 0 || ba_extend_from(ts, self, args[0]) < 0) {
        return CS_ERR;
    }
    return CS_NONE;
}

// pop([i]): removes and returns the byte (default the last).
static Value ba_pop(ThreadState *ts, Value self, const Value *args, size_t nargs, TupleObj *kw) {
    ssize_t i = -1;
    if (expected_args(ts, self, "pop", nargs, kw, 0, 1) < 0 ||
        (nargs > 0 && ssize_arg(ts, args[0], &i) < 0)) {
        return CS_ERR;
    }
    ByteArrayObj *b = as_bytearray(self);
    if (b->len == 0) {
        return exc_raise(ts, exc_IndexError, "pop from empty bytearray");
    }
    if (i < 0) {
        i += (ssize_t)b->len;
    }
    if (i < 0 || i >= (ssize_t)b->len) {
        return exc_raise(ts, exc_IndexError, "pop index out of range");
    }
    unsigned char c = b->data[i];
    memmove(b->data + i, b->data + i + 1, b->len - (size_t)i - 1);
    b->len--;
    return small_int_val(c);
}

// insert(i, x): i is clamped to the ends as list.insert does.
static Value ba_insert(ThreadState *ts, Value self, const Value *args, size_t nargs, TupleObj *kw) {
    ssize_t i = 0;
    unsigned char c = 0;
    if (expected_args(ts, self, "insert", nargs, kw, 2, 2) < 0 || ssize_arg(ts, args[0], &i) < 0 ||
        bytes_byte_value(ts, args[1], "byte must be in range(0, 256)", &c) < 0) {
        return CS_ERR;
    }
    ByteArrayObj *b = as_bytearray(self);
    ssize_t n = (ssize_t)b->len;
    if (i < 0) {
        i = i + n < 0 ? 0 : i + n;
    }
    if (i > n) {
        i = n;
    }
    if (bytearray_reserve(ts, b, b->len + 1) < 0) {
        return CS_ERR;
    }
    memmove(b->data + i + 1, b->data + i, b->len - (size_t)i);
    b->data[i] = c;
    b->len++;
    return CS_NONE;
}

// remove(x): the first occurrence of byte x.
static Value ba_remove(ThreadState *ts, Value self, const Value *args, size_t nargs, TupleObj *kw) {
    unsigned char c = 0;
    if (one_arg(ts, self, "remove", nargs, kw) < 0 ||
        bytes_byte_value(ts, args[0], "byte must be in range(0, 256)", &c) < 0) {
        return CS_ERR;
    }
    ByteArrayObj *b = as_bytearray(self);
    unsigned char *at = b->len ? memchr(b->data, c, b->len) : NULL;
    if (!at) {
        return exc_raise(ts, exc_ValueError, "value not found in bytearray");
    }
    memmove(at, at + 1, b->len - (size_t)(at - b->data) - 1);
    b->len--;
    return CS_NONE;
}

static Value ba_clear(ThreadState *ts, Value self, const Value *args, size_t nargs, TupleObj *kw) {
    if (no_args(ts, self, "clear", nargs, kw) < 0) {
        return CS_ERR;
    }
    as_bytearray(self)->len = 0;
    return CS_NONE;
}

static Value ba_copy(ThreadState *ts, Value self, const Value *args, size_t nargs, TupleObj *kw) {
    if (no_args(ts, self, "copy", nargs, kw) < 0) {
        return CS_ERR;
    }
    return bytearray_new(ts, as_bytearray(self)->data, as_bytearray(self)->len);
}

static Value ba_reverse(ThreadState *ts, Value self, const Value *args, size_t nargs,
                        TupleObj *kw) {
    if (no_args(ts, self, "reverse", nargs, kw) < 0) {
        return CS_ERR;
    }
    ByteArrayObj *b = as_bytearray(self);
    for (size_t i = 0, j = b->len; i + 1 < j; i++, j--) {
        unsigned char t = b->data[i];
        b->data[i] = b->data[j - 1];
        b->data[j - 1] = t;
    }
    return CS_NONE;
}

static Value b_getnewargs(ThreadState *ts, Value self, const Value *args, size_t nargs,
                          TupleObj *kw) {
    if (no_args(ts, self, "__getnewargs__", nargs, kw) < 0) {
        return CS_ERR;
    }
    Value b = bytes_new(ts, as_bytes(self)->data, as_bytes(self)->len);
    return tuple_pack(ts, 1, b);
}

static Value b_bytes(ThreadState *ts, Value self, const Value *args, size_t nargs, TupleObj *kw) {
    if (no_args(ts, self, "__bytes__", nargs, kw) < 0) {
        return CS_ERR;
    }
    return bytes_same(ts, self);
}
#define SHARED_METHODS                                                                             \
    {"capitalize", b_capitalize, METH_KEYWORDS, NULL}, {"center", b_center, METH_KEYWORDS, NULL},  \
        {"count", b_count, METH_KEYWORDS, NULL}, {"decode", b_decode, METH_KEYWORDS, NULL},        \
        {"endswith", b_endswith, METH_KEYWORDS, NULL},                                             \
        {"expandtabs", b_expandtabs, METH_KEYWORDS, NULL}, {"find", b_find, METH_KEYWORDS, NULL},  \
        {"fromhex", b_fromhex, METH_CLASS | METH_KEYWORDS, NULL},                                  \
        {"hex", b_hex, METH_KEYWORDS, NULL}, {"index", b_index, METH_KEYWORDS, NULL},              \
        {"isalnum", b_isalnum, METH_KEYWORDS, NULL}, {"isalpha", b_isalpha, METH_KEYWORDS, NULL},  \
        {"isascii", b_isascii, METH_KEYWORDS, NULL}, {"isdigit", b_isdigit, METH_KEYWORDS, NULL},  \
        {"islower", b_islower, METH_KEYWORDS, NULL}, {"isspace", b_isspace, METH_KEYWORDS, NULL},  \
        {"istitle", b_istitle, METH_KEYWORDS, NULL}, {"isupper", b_isupper, METH_KEYWORDS, NULL},  \
        {"join", b_join, METH_KEYWORDS, NULL}, {"ljust", b_ljust, METH_KEYWORDS, NULL},            \
        {"lower", b_lower, METH_KEYWORDS, NULL}, {"lstrip", b_lstrip, METH_KEYWORDS, NULL},        \
        {"maketrans", b_maketrans, METH_STATIC | METH_KEYWORDS, NULL},                             \
        {"partition", b_partition, METH_KEYWORDS, NULL},                                           \
        {"removeprefix", b_removeprefix, METH_KEYWORDS, NULL},                                     \
        {"removesuffix", b_removesuffix, METH_KEYWORDS, NULL},                                     \
        {"replace", b_replace, METH_KEYWORDS, NULL}, {"rfind", b_rfind, METH_KEYWORDS, NULL},      \
        {"rindex", b_rindex, METH_KEYWORDS, NULL}, {"rjust", b_rjust, METH_KEYWORDS, NULL},        \
        {"rpartition", b_rpartition, METH_KEYWORDS, NULL},                                         \
        {"rsplit", b_rsplit, METH_KEYWORDS, NULL}, {"rstrip", b_rstrip, METH_KEYWORDS, NULL},      \
        {"split", b_split, METH_KEYWORDS, NULL},                                                   \
        {"splitlines", b_splitlines, METH_KEYWORDS, NULL},                                         \
        {"startswith", b_startswith, METH_KEYWORDS, NULL},                                         \
        {"strip", b_strip, METH_KEYWORDS, NULL}, {"swapcase", b_swapcase, METH_KEYWORDS, NULL},    \
        {"title", b_title, METH_KEYWORDS, NULL}, {"translate", b_translate, METH_KEYWORDS, NULL},  \
        {"upper", b_upper, METH_KEYWORDS, NULL}, {                                                 \
        "zfill", b_zfill, METH_KEYWORDS, NULL                                                      \
    }

const MethodDef bytes_method_table[] = {
    SHARED_METHODS,
    {"__getnewargs__", b_getnewargs, METH_KEYWORDS, NULL},
    {"__bytes__", b_bytes, METH_KEYWORDS, NULL},
    {NULL, NULL, 0, NULL},
};

const MethodDef bytearray_method_table[] = {
    SHARED_METHODS,
    {"append", ba_append, METH_KEYWORDS, NULL},
    {"extend", ba_extend, METH_KEYWORDS, NULL},
    {"pop", ba_pop, METH_KEYWORDS, NULL},
    {"insert", ba_insert, METH_KEYWORDS, NULL},
    {"remove", ba_remove, METH_KEYWORDS, NULL},
    {"clear", ba_clear, METH_KEYWORDS, NULL},
    {"copy", ba_copy, METH_KEYWORDS, NULL},
    {"reverse", ba_reverse, METH_KEYWORDS, NULL},
    {NULL, NULL, 0, NULL},
};
