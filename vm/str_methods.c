// The methods of str (the type and its operators are in vm/str.c,
// format/format_map in vm/str_format.c). Character classes and case
// mappings come from vm/unicode.c; ASCII text takes byte-wise fast paths.
// Argument errors are worded exactly as CPython 3.11's, which differ from
// method to method (Argument Clinic versus older parsers).
#include "vm/str.h"

#include <stdlib.h>
#include <string.h>

#include "vm/dict.h"
#include "vm/exc.h"
#include "vm/func.h"
#include "vm/gc.h"
#include "vm/int.h"
#include "vm/list.h"
#include "vm/state.h"
#include "vm/unicode.h"

#define SSIZE_MAX_ ((ssize_t)(SIZE_MAX >> 1))

static bool is_ascii(StrObj *s) {
    return (s->hdr.aux & STR_ASCII) != 0;
}

// ---------------------------------------------------------------------------
// Argument checking, one helper per CPython wording.

// "str.upper() takes no arguments (1 given)"
static int no_args(ThreadState *ts, const char *name, size_t nargs, TupleObj *kw) {
    if (kw && kw->len > 0) {
        return exc_raise_int(ts, exc_TypeError, "str.%s() takes no keyword arguments", name);
    }
    if (nargs != 0) {
        return exc_raise_int(ts, exc_TypeError, "str.%s() takes no arguments (%zu given)", name,
                             nargs);
    }
    return 0;
}

// "str.join() takes exactly one argument (0 given)"
static int one_arg(ThreadState *ts, const char *name, size_t nargs, TupleObj *kw) {
    if (kw && kw->len > 0) {
        return exc_raise_int(ts, exc_TypeError, "str.%s() takes no keyword arguments", name);
    }
    if (nargs != 1) {
        return exc_raise_int(ts, exc_TypeError, "str.%s() takes exactly one argument (%zu given)",
                             name, nargs);
    }
    return 0;
}

// "center expected at least 1 argument, got 0" (no keywords accepted).
static int expected_args(ThreadState *ts, const char *name, size_t nargs, TupleObj *kw, size_t min,
                         size_t max) {
    if (kw && kw->len > 0) {
        return exc_raise_int(ts, exc_TypeError, "str.%s() takes no keyword arguments", name);
    }
    if (nargs < min) {
        return exc_raise_int(ts, exc_TypeError, "%s expected at least %zu argument%s, got %zu",
                             name, min, min == 1 ? "" : "s", nargs);
    }
    if (nargs > max) {
        return exc_raise_int(ts, exc_TypeError, "%s expected at most %zu argument%s, got %zu", name,
                             max, max == 1 ? "" : "s", nargs);
    }
    return 0;
}

// "find() takes at least 1 argument (0 given)"; kw_ok: keywords go to arg_parse.
static int takes_args(ThreadState *ts, const char *name, size_t nargs, TupleObj *kw, size_t min,
                      size_t max, bool kw_ok) {
    if (!kw_ok && kw && kw->len > 0) {
        return exc_raise_int(ts, exc_TypeError, "str.%s() takes no keyword arguments", name);
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

// A start/end argument: None keeps the default; big ints clamp (CPython's
// _PyEval_SliceIndex).
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

// "must be str, not int"
static int str_arg(ThreadState *ts, Value v, StrObj **out) {
    if (!str_check(v)) {
        return exc_raise_int(ts, exc_TypeError, "must be str, not %T", v);
    }
    *out = as_str(v);
    return 0;
}

// CPython's ADJUST_INDICES: clamp [start, end) to [0, len].
static void adjust_indices(ssize_t *start, ssize_t *end, ssize_t len) {
    if (*end > len) {
        *end = len;
    } else if (*end < 0) {
        *end += len;
        if (*end < 0) {
            *end = 0;
        }
    }
    if (*start < 0) {
        *start += len;
        if (*start < 0) {
            *start = 0;
        }
    }
}

static Value new_list(ThreadState *ts) {
    return list_new(ts, 0);
}

// A str for bytes [a, b) of s; s itself when that is all of an exact str.
static Value substr(ThreadState *ts, Value sv, size_t a, size_t b) {
    StrObj *s = as_str(sv);
    if (a == 0 && b == s->len && is_type_exact(sv, &type_str)) {
        return sv;
    }
    return str_new(ts, s->data + a, b - a);
}

// Decodes s into a malloc'd code-point array (NULL: MemoryError raised).
static uint32_t *decode_all(ThreadState *ts, StrObj *s) {
    uint32_t *cps = malloc((s->nchars + 1) * sizeof(uint32_t));
    if (!cps) {
        exc_no_memory(ts);
        return NULL;
    }
    size_t off = 0;
    for (size_t i = 0; i < s->nchars; i++) {
        size_t n;
        cps[i] = str_cp_at(s->data + off, &n);
        off += n;
    }
    return cps;
}

// ---------------------------------------------------------------------------
// find, rfind, index, rindex, count, startswith, endswith

typedef struct FindArgs {
    StrObj *sub;
    ssize_t start, end;  // code-point indices, adjusted to [0, nchars]
    size_t bstart, bend; // the same as byte offsets (when start <= end)
} FindArgs;

// Parses the optional start and end (args[0..nargs)) into fa.
static int range_args(ThreadState *ts, Value self, const Value *args, size_t nargs, FindArgs *fa) {
    StrObj *s = as_str(self);
    fa->start = 0;
    fa->end = SSIZE_MAX_;
    if ((nargs > 0 && slice_arg(ts, args[0], &fa->start) < 0) ||
        (nargs > 1 && slice_arg(ts, args[1], &fa->end) < 0)) {
        return -1;
    }
    adjust_indices(&fa->start, &fa->end, (ssize_t)s->nchars);
    if (fa->start <= fa->end) {
        fa->bstart = str_offset_of(s, (size_t)fa->start);
        fa->bend = fa->bstart + str_offset_of_from(s, fa->bstart, fa->end - fa->start);
    }
    return 0;
}

// find-family arguments: (sub[, start[, end]]) with CPython's wording.
static int find_args(ThreadState *ts, const char *name, Value self, const Value *args, size_t nargs,
                     TupleObj *kw, FindArgs *fa) {
    if (takes_args(ts, name, nargs, kw, 1, 3, false) < 0 || str_arg(ts, args[0], &fa->sub) < 0) {
        return -1;
    }
    return range_args(ts, self, args + 1, nargs - 1, fa);
}

// The code-point index of the first (last) match, -1 if none, -2 raised.
static ssize_t do_find(ThreadState *ts, const char *name, Value self, const Value *args,
                       size_t nargs, TupleObj *kw, bool reverse) {
    FindArgs fa;
    if (find_args(ts, name, self, args, nargs, kw, &fa) < 0) {
        return -2;
    }
    StrObj *s = as_str(self);
    if (fa.start > fa.end || (size_t)fa.start > s->nchars) {
        return -1;
    }
    const char *hay = s->data + fa.bstart;
    size_t hn = fa.bend - fa.bstart;
    ssize_t at = reverse ? str_rfind_bytes(hay, hn, fa.sub->data, fa.sub->len)
                         : str_find_bytes(hay, hn, fa.sub->data, fa.sub->len);
    if (at < 0) {
        return -1;
    }
    return (ssize_t)str_index_of_offset(s, fa.bstart + (size_t)at);
}

// Turns do_find's answer into the method's result (index raises).
static Value find_result(ThreadState *ts, ssize_t r, bool raise) {
    if (r == -2) {
        return CS_ERR;
    }
    if (r == -1 && raise) {
        return exc_raise(ts, exc_ValueError, "substring not found");
    }
    return small_int_val(r);
}

static Value m_find(ThreadState *ts, Value self, const Value *args, size_t nargs, TupleObj *kw) {
    return find_result(ts, do_find(ts, "find", self, args, nargs, kw, false), false);
}

static Value m_rfind(ThreadState *ts, Value self, const Value *args, size_t nargs, TupleObj *kw) {
    return find_result(ts, do_find(ts, "rfind", self, args, nargs, kw, true), false);
}

static Value m_index(ThreadState *ts, Value self, const Value *args, size_t nargs, TupleObj *kw) {
    return find_result(ts, do_find(ts, "index", self, args, nargs, kw, false), true);
}

static Value m_rindex(ThreadState *ts, Value self, const Value *args, size_t nargs, TupleObj *kw) {
    return find_result(ts, do_find(ts, "rindex", self, args, nargs, kw, true), true);
}

// Non-overlapping occurrences of needle in hay (bytes); max < 0: no limit.
static size_t count_bytes(const char *hay, size_t hn, const char *needle, size_t nn, ssize_t max) {
    size_t n = 0, i = 0;
    while (max < 0 || (ssize_t)n < max) {
        ssize_t at = str_find_bytes(hay + i, hn - i, needle, nn);
        if (at < 0) {
            break;
        }
        n++;
        i += (size_t)at + nn;
    }
    return n;
}

// Non-overlapping matches; an empty sub matches between every pair of
// code points, so it counts end - start + 1.
static Value m_count(ThreadState *ts, Value self, const Value *args, size_t nargs, TupleObj *kw) {
    FindArgs fa;
    if (find_args(ts, "count", self, args, nargs, kw, &fa) < 0) {
        return CS_ERR;
    }
    StrObj *s = as_str(self);
    if (fa.start > fa.end || (size_t)fa.start > s->nchars) {
        return small_int_val(0);
    }
    if (fa.sub->len == 0) {
        return small_int_val(fa.end - fa.start + 1);
    }
    size_t n = count_bytes(s->data + fa.bstart, fa.bend - fa.bstart, fa.sub->data, fa.sub->len, -1);
    return small_int_val((int64_t)n);
}

// Does s[start:end] start (end) with sub?
static bool tail_match(StrObj *s, FindArgs *fa, StrObj *sub, bool at_end) {
    if (fa->start > fa->end || (size_t)fa->start > s->nchars) {
        return false;
    }
    size_t hn = fa->bend - fa->bstart;
    if (sub->len > hn) {
        return false;
    }
    size_t at = at_end ? fa->bend - sub->len : fa->bstart;
    return memcmp(s->data + at, sub->data, sub->len) == 0;
}

// startswith/endswith: a str or a tuple of str, within [start, end).
static Value starts_ends(ThreadState *ts, const char *name, Value self, const Value *args,
                         size_t nargs, TupleObj *kw, bool at_end) {
    if (takes_args(ts, name, nargs, kw, 1, 3, false) < 0) {
        return CS_ERR;
    }
    Value pre = args[0];
    if (!str_check(pre) && !tuple_check(pre)) {
        return exc_raise(ts, exc_TypeError, "%s first arg must be str or a tuple of str, not %T",
                         name, pre);
    }
    FindArgs fa;
    if (range_args(ts, self, args + 1, nargs - 1, &fa) < 0) {
        return CS_ERR;
    }
    StrObj *s = as_str(self);
    if (str_check(pre)) {
        return bool_val(tail_match(s, &fa, as_str(pre), at_end));
    }
    TupleObj *t = as_tuple(pre);
    for (size_t i = 0; i < t->len; i++) {
        if (!str_check(t->items[i])) {
            return exc_raise(ts, exc_TypeError, "tuple for %s must only contain str, not %T", name,
                             t->items[i]);
        }
        if (tail_match(s, &fa, as_str(t->items[i]), at_end)) {
            return CS_TRUE;
        }
    }
    return CS_FALSE;
}

static Value m_startswith(ThreadState *ts, Value self, const Value *args, size_t nargs,
                          TupleObj *kw) {
    return starts_ends(ts, "startswith", self, args, nargs, kw, false);
}

static Value m_endswith(ThreadState *ts, Value self, const Value *args, size_t nargs,
                        TupleObj *kw) {
    return starts_ends(ts, "endswith", self, args, nargs, kw, true);
}

// ---------------------------------------------------------------------------
// Character classes

typedef bool (*CharPred)(uint32_t cp);

// True when s is non-empty and every code point satisfies pred.
static Value all_chars(Value self, CharPred pred) {
    StrObj *s = as_str(self);
    if (s->len == 0) {
        return CS_FALSE;
    }
    size_t off = 0;
    while (off < s->len) {
        size_t n;
        if (!pred(str_cp_at(s->data + off, &n))) {
            return CS_FALSE;
        }
        off += n;
    }
    return CS_TRUE;
}

#define PREDICATE(mname, pred)                                                                     \
    static Value m_##mname(ThreadState *ts, Value self, const Value *args, size_t nargs,           \
                           TupleObj *kw) {                                                         \
        if (no_args(ts, #mname, nargs, kw) < 0) {                                                  \
            return CS_ERR;                                                                         \
        }                                                                                          \
        return all_chars(self, pred);                                                              \
    }

PREDICATE(isalpha, unicode_isalpha)
PREDICATE(isalnum, unicode_isalnum)
PREDICATE(isdecimal, unicode_isdecimal)
PREDICATE(isdigit, unicode_isdigit)
PREDICATE(isnumeric, unicode_isnumeric)
PREDICATE(isspace, unicode_isspace)

// The empty string is printable (unlike the other predicates).
static Value m_isprintable(ThreadState *ts, Value self, const Value *args, size_t nargs,
                           TupleObj *kw) {
    if (no_args(ts, "isprintable", nargs, kw) < 0) {
        return CS_ERR;
    }
    return bool_val(as_str(self)->len == 0 || all_chars(self, unicode_isprintable) == CS_TRUE);
}

static Value m_isascii(ThreadState *ts, Value self, const Value *args, size_t nargs, TupleObj *kw) {
    if (no_args(ts, "isascii", nargs, kw) < 0) {
        return CS_ERR;
    }
    return bool_val(is_ascii(as_str(self)));
}

// XID_Start (or '_') then XID_Continue, as CPython's isidentifier.
static Value m_isidentifier(ThreadState *ts, Value self, const Value *args, size_t nargs,
                            TupleObj *kw) {
    if (no_args(ts, "isidentifier", nargs, kw) < 0) {
        return CS_ERR;
    }
    StrObj *s = as_str(self);
    if (s->len == 0) {
        return CS_FALSE;
    }
    size_t n;
    if (!unicode_isxid_start(str_cp_at(s->data, &n))) {
        return CS_FALSE;
    }
    for (size_t off = n; off < s->len; off += n) {
        if (!unicode_isxid_continue(str_cp_at(s->data + off, &n))) {
            return CS_FALSE;
        }
    }
    return CS_TRUE;
}

// islower / isupper: some cased character and none of the other case.
static Value case_check(Value self, bool want_lower) {
    StrObj *s = as_str(self);
    bool cased = false;
    size_t n;
    for (size_t off = 0; off < s->len; off += n) {
        uint32_t c = str_cp_at(s->data + off, &n);
        bool lo = unicode_islower(c), up = unicode_isupper(c);
        if ((want_lower ? up : lo) || unicode_istitle(c)) {
            return CS_FALSE;
        }
        cased |= want_lower ? lo : up;
    }
    return bool_val(cased);
}

static Value m_islower(ThreadState *ts, Value self, const Value *args, size_t nargs, TupleObj *kw) {
    if (no_args(ts, "islower", nargs, kw) < 0) {
        return CS_ERR;
    }
    return case_check(self, true);
}

static Value m_isupper(ThreadState *ts, Value self, const Value *args, size_t nargs, TupleObj *kw) {
    if (no_args(ts, "isupper", nargs, kw) < 0) {
        return CS_ERR;
    }
    return case_check(self, false);
}

// Uppercase/titlecase only after uncased characters, lowercase only
// after cased ones, and at least one cased character.
static Value m_istitle(ThreadState *ts, Value self, const Value *args, size_t nargs, TupleObj *kw) {
    if (no_args(ts, "istitle", nargs, kw) < 0) {
        return CS_ERR;
    }
    StrObj *s = as_str(self);
    bool cased = false, prev_cased = false;
    size_t n;
    for (size_t off = 0; off < s->len; off += n) {
        uint32_t c = str_cp_at(s->data + off, &n);
        if (unicode_isupper(c) || unicode_istitle(c)) {
            if (prev_cased) {
                return CS_FALSE;
            }
            prev_cased = cased = true;
        } else if (unicode_islower(c)) {
            if (!prev_cased) {
                return CS_FALSE;
            }
            prev_cased = cased = true;
        } else {
            prev_cased = false;
        }
    }
    return bool_val(cased);
}

// ---------------------------------------------------------------------------
// Case conversion

typedef enum { CASE_LOWER, CASE_UPPER, CASE_SWAP, CASE_TITLE, CASE_CAPITALIZE, CASE_FOLD } CaseOp;

static char ascii_lower(char c) {
    return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
}

static char ascii_upper(char c) {
    return c >= 'a' && c <= 'z' ? (char)(c - 32) : c;
}

static bool ascii_alpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Byte-wise conversion of an ASCII str (ASCII maps to ASCII, one to one).
static Value case_ascii(ThreadState *ts, StrObj *s, CaseOp op) {
    char *d;
    Value r = str_new_uninit(ts, s->len, &d);
    if (r == CS_ERR) {
        return CS_ERR;
    }
    bool prev_cased = false;
    for (size_t i = 0; i < s->len; i++) {
        char c = s->data[i];
        switch (op) {
        case CASE_LOWER:
        case CASE_FOLD:
            d[i] = ascii_lower(c);
            break;
        case CASE_UPPER:
            d[i] = ascii_upper(c);
            break;
        case CASE_SWAP:
            d[i] = c >= 'a' && c <= 'z' ? ascii_upper(c) : ascii_lower(c);
            break;
        case CASE_TITLE:
            d[i] = prev_cased ? ascii_lower(c) : ascii_upper(c);
            prev_cased = ascii_alpha(c);
            break;
        case CASE_CAPITALIZE:
            d[i] = i == 0 ? ascii_upper(c) : ascii_lower(c);
            break;
        }
    }
    return str_finish_uninit(ts, r);
}

// Capital sigma lowers to final sigma at the end of a word (CPython's
// handle_capital_sigma: case-ignorable characters are skipped both ways).
static uint32_t lower_sigma(const uint32_t *cps, size_t n, size_t i) {
    size_t j = i;
    while (j > 0 && unicode_iscase_ignorable(cps[j - 1])) {
        j--;
    }
    bool final = j > 0 && unicode_iscased(cps[j - 1]);
    if (final) {
        size_t k = i + 1;
        while (k < n && unicode_iscase_ignorable(cps[k])) {
            k++;
        }
        final = k == n || !unicode_iscased(cps[k]);
    }
    return final ? 0x3C2 : 0x3C3;
}

// Appends lower(cps[i]) with the final-sigma rule.
static void append_lower(StrBuf *b, const uint32_t *cps, size_t n, size_t i) {
    uint32_t out[3];
    if (cps[i] == 0x3A3) {
        str_buf_append_codepoint(b, lower_sigma(cps, n, i));
        return;
    }
    int k = unicode_to_lower(cps[i], out);
    for (int j = 0; j < k; j++) {
        str_buf_append_codepoint(b, out[j]);
    }
}

static void append_mapped(StrBuf *b, uint32_t cp, int (*map)(uint32_t, uint32_t[3])) {
    uint32_t out[3];
    int k = map(cp, out);
    for (int j = 0; j < k; j++) {
        str_buf_append_codepoint(b, out[j]);
    }
}

// The mapping of cps[i] under op; prev_cased carries title()'s state.
static void case_one(StrBuf *b, const uint32_t *cps, size_t n, size_t i, CaseOp op,
                     bool *prev_cased) {
    uint32_t c = cps[i];
    switch (op) {
    case CASE_LOWER:
        append_lower(b, cps, n, i);
        break;
    case CASE_FOLD:
        append_mapped(b, c, unicode_to_fold);
        break;
    case CASE_UPPER:
        append_mapped(b, c, unicode_to_upper);
        break;
    case CASE_SWAP:
        if (unicode_isupper(c)) {
            append_lower(b, cps, n, i);
        } else if (unicode_islower(c)) {
            append_mapped(b, c, unicode_to_upper);
        } else {
            str_buf_append_codepoint(b, c);
        }
        break;
    case CASE_TITLE:
        if (*prev_cased) {
            append_lower(b, cps, n, i);
        } else {
            append_mapped(b, c, unicode_to_title);
        }
        *prev_cased = unicode_iscased(c);
        break;
    case CASE_CAPITALIZE:
        if (i == 0) {
            append_mapped(b, c, unicode_to_title);
        } else {
            append_lower(b, cps, n, i);
        }
        break;
    }
}

// Non-ASCII text is decoded to code points first: lowering a sigma
// looks at its neighbours, and mappings may grow the text (ß -> SS).
static Value change_case(ThreadState *ts, Value self, CaseOp op) {
    StrObj *s = as_str(self);
    if (is_ascii(s)) {
        return case_ascii(ts, s, op);
    }
    uint32_t *cps = decode_all(ts, s);
    if (!cps) {
        return CS_ERR;
    }
    StrBuf b;
    str_buf_init(&b);
    bool prev_cased = false;
    for (size_t i = 0; i < s->nchars; i++) {
        case_one(&b, cps, s->nchars, i, op, &prev_cased);
    }
    free(cps);
    return str_buf_finish(ts, &b);
}

#define CASE_METHOD(mname, op)                                                                     \
    static Value m_##mname(ThreadState *ts, Value self, const Value *args, size_t nargs,           \
                           TupleObj *kw) {                                                         \
        if (no_args(ts, #mname, nargs, kw) < 0) {                                                  \
            return CS_ERR;                                                                         \
        }                                                                                          \
        return change_case(ts, self, op);                                                          \
    }

CASE_METHOD(lower, CASE_LOWER)
CASE_METHOD(upper, CASE_UPPER)
CASE_METHOD(swapcase, CASE_SWAP)
CASE_METHOD(title, CASE_TITLE)
CASE_METHOD(capitalize, CASE_CAPITALIZE)
CASE_METHOD(casefold, CASE_FOLD)

// ---------------------------------------------------------------------------
// Padding: center, ljust, rjust, zfill

static int fill_arg(ThreadState *ts, Value v, const char **fill, size_t *flen) {
    if (!str_check(v)) {
        return exc_raise_int(ts, exc_TypeError,
                             "The fill character must be a unicode character, not %T", v);
    }
    if (as_str(v)->nchars != 1) {
        return exc_raise_int(ts, exc_TypeError,
                             "The fill character must be exactly one character long");
    }
    *fill = as_str(v)->data;
    *flen = as_str(v)->len;
    return 0;
}

// left + text + right copies of the fill; self when no padding is due.
static Value pad(ThreadState *ts, Value self, size_t left, size_t right, const char *fill,
                 size_t flen) {
    StrObj *s = as_str(self);
    if (left == 0 && right == 0) {
        return substr(ts, self, 0, s->len);
    }
    StrBuf b;
    str_buf_init(&b);
    str_buf_append_fill(&b, fill, flen, left);
    str_buf_append(&b, s->data, s->len);
    str_buf_append_fill(&b, fill, flen, right);
    return str_buf_finish(ts, &b);
}

// 0 center, 1 ljust, 2 rjust
static Value justify(ThreadState *ts, const char *name, Value self, const Value *args, size_t nargs,
                     TupleObj *kw, int how) {
    ssize_t width = 0;
    const char *fill = " ";
    size_t flen = 1;
    if (expected_args(ts, name, nargs, kw, 1, 2) < 0 || ssize_arg(ts, args[0], &width) < 0 ||
        (nargs > 1 && fill_arg(ts, args[1], &fill, &flen) < 0)) {
        return CS_ERR;
    }
    StrObj *s = as_str(self);
    if (width <= (ssize_t)s->nchars) {
        return substr(ts, self, 0, s->len);
    }
    size_t marg = (size_t)width - s->nchars;
    if (how == 1) {
        return pad(ts, self, 0, marg, fill, flen);
    }
    if (how == 2) {
        return pad(ts, self, marg, 0, fill, flen);
    }
    size_t left = marg / 2 + (marg & (size_t)width & 1);
    return pad(ts, self, left, marg - left, fill, flen);
}

static Value m_center(ThreadState *ts, Value self, const Value *args, size_t nargs, TupleObj *kw) {
    return justify(ts, "center", self, args, nargs, kw, 0);
}

static Value m_ljust(ThreadState *ts, Value self, const Value *args, size_t nargs, TupleObj *kw) {
    return justify(ts, "ljust", self, args, nargs, kw, 1);
}

static Value m_rjust(ThreadState *ts, Value self, const Value *args, size_t nargs, TupleObj *kw) {
    return justify(ts, "rjust", self, args, nargs, kw, 2);
}

// Zeros go after a leading sign, as for numbers.
static Value m_zfill(ThreadState *ts, Value self, const Value *args, size_t nargs, TupleObj *kw) {
    ssize_t width = 0;
    if (one_arg(ts, "zfill", nargs, kw) < 0 || ssize_arg(ts, args[0], &width) < 0) {
        return CS_ERR;
    }
    StrObj *s = as_str(self);
    if (width <= (ssize_t)s->nchars) {
        return substr(ts, self, 0, s->len);
    }
    size_t fill = (size_t)width - s->nchars;
    StrBuf b;
    str_buf_init(&b);
    size_t from = 0;
    if (s->len > 0 && (s->data[0] == '+' || s->data[0] == '-')) {
        str_buf_append_char(&b, s->data[0]);
        from = 1;
    }
    str_buf_append_fill(&b, "0", 1, fill);
    str_buf_append(&b, s->data + from, s->len - from);
    return str_buf_finish(ts, &b);
}

// Columns restart after \n and \r; tabsize <= 0 removes tabs.
static Value m_expandtabs(ThreadState *ts, Value self, const Value *args, size_t nargs,
                          TupleObj *kw) {
    Value a[1];
    ssize_t tab = 8;
    if (takes_args(ts, "expandtabs", nargs, kw, 0, 1, true) < 0 ||
        arg_parse(ts, "expandtabs", args, nargs, kw, "|tabsize", a) < 0 ||
        (a[0] != CS_UNBOUND && ssize_arg(ts, a[0], &tab) < 0)) {
        return CS_ERR;
    }
    StrObj *s = as_str(self);
    if (!memchr(s->data, '\t', s->len)) {
        return substr(ts, self, 0, s->len);
    }
    StrBuf b;
    str_buf_init(&b);
    size_t col = 0, n;
    for (size_t off = 0; off < s->len; off += n) {
        uint32_t c = str_cp_at(s->data + off, &n);
        if (c == '\t') {
            if (tab > 0) {
                size_t spaces = (size_t)tab - col % (size_t)tab;
                str_buf_append_fill(&b, " ", 1, spaces);
                col += spaces;
            }
            continue;
        }
        str_buf_append(&b, s->data + off, n);
        col = (c == '\n' || c == '\r') ? 0 : col + 1;
    }
    return str_buf_finish(ts, &b);
}

// ---------------------------------------------------------------------------
// strip, lstrip, rstrip

// Is code point c in the strip set (chars == NULL: whitespace)?
static bool in_set(uint32_t c, StrObj *chars) {
    if (!chars) {
        return unicode_isspace(c);
    }
    if (c < 0x80) {
        return memchr(chars->data, (int)c, chars->len) != NULL;
    }
    char tmp[4];
    size_t n = utf8_encode(c, tmp);
    return str_find_bytes(chars->data, chars->len, tmp, n) >= 0;
}

// 1 strip left, 2 right, 3 both.
static Value do_strip(ThreadState *ts, const char *name, Value self, const Value *args,
                      size_t nargs, TupleObj *kw, int sides) {
    if (expected_args(ts, name, nargs, kw, 0, 1) < 0) {
        return CS_ERR;
    }
    StrObj *chars = NULL;
    if (nargs == 1 && args[0] != CS_NONE) {
        if (!str_check(args[0])) {
            return exc_raise(ts, exc_TypeError, "%s arg must be None or str", name);
        }
        chars = as_str(args[0]);
    }
    StrObj *s = as_str(self);
    size_t a = 0, b = s->len, n;
    if (sides & 1) {
        while (a < b && in_set(str_cp_at(s->data + a, &n), chars)) {
            a += n;
        }
    }
    if (sides & 2) {
        while (b > a) {
            size_t p = str_offset_back(s, b, 1);
            if (!in_set(str_cp_at(s->data + p, &n), chars)) {
                break;
            }
            b = p;
        }
    }
    return substr(ts, self, a, b);
}

static Value m_strip(ThreadState *ts, Value self, const Value *args, size_t nargs, TupleObj *kw) {
    return do_strip(ts, "strip", self, args, nargs, kw, 3);
}

static Value m_lstrip(ThreadState *ts, Value self, const Value *args, size_t nargs, TupleObj *kw) {
    return do_strip(ts, "lstrip", self, args, nargs, kw, 1);
}

static Value m_rstrip(ThreadState *ts, Value self, const Value *args, size_t nargs, TupleObj *kw) {
    return do_strip(ts, "rstrip", self, args, nargs, kw, 2);
}

// removeprefix/removesuffix: the argument must be a str.
static Value remove_affix(ThreadState *ts, const char *name, Value self, const Value *args,
                          size_t nargs, TupleObj *kw, bool suffix) {
    if (one_arg(ts, name, nargs, kw) < 0) {
        return CS_ERR;
    }
    if (!str_check(args[0])) {
        return exc_raise(ts, exc_TypeError, "%s() argument must be str, not %T", name, args[0]);
    }
    StrObj *s = as_str(self), *a = as_str(args[0]);
    if (a->len == 0 || a->len > s->len) {
        return substr(ts, self, 0, s->len);
    }
    if (suffix) {
        bool hit = memcmp(s->data + s->len - a->len, a->data, a->len) == 0;
        return substr(ts, self, 0, hit ? s->len - a->len : s->len);
    }
    bool hit = memcmp(s->data, a->data, a->len) == 0;
    return substr(ts, self, hit ? a->len : 0, s->len);
}

static Value m_removeprefix(ThreadState *ts, Value self, const Value *args, size_t nargs,
                            TupleObj *kw) {
    return remove_affix(ts, "removeprefix", self, args, nargs, kw, false);
}

static Value m_removesuffix(ThreadState *ts, Value self, const Value *args, size_t nargs,
                            TupleObj *kw) {
    return remove_affix(ts, "removesuffix", self, args, nargs, kw, true);
}

// ---------------------------------------------------------------------------
// split, rsplit, splitlines, partition, rpartition

static int append_piece(ThreadState *ts, Value list, Value self, size_t a, size_t b) {
    Value piece = substr(ts, self, a, b);
    if (piece == CS_ERR) {
        return -1;
    }
    return list_append(ts, as_list(list), piece);
}

// split/rsplit arguments: sep (str or None) and maxsplit (< 0: all).
static int split_args(ThreadState *ts, const char *name, const Value *args, size_t nargs,
                      TupleObj *kw, StrObj **sep, ssize_t *maxsplit) {
    Value a[2];
    if (takes_args(ts, name, nargs, kw, 0, 2, true) < 0 ||
        arg_parse(ts, name, args, nargs, kw, "|sep,maxsplit", a) < 0) {
        return -1;
    }
    *sep = NULL;
    *maxsplit = -1;
    if (a[0] != CS_UNBOUND && a[0] != CS_NONE) {
        if (!str_check(a[0])) {
            return exc_raise_int(ts, exc_TypeError, "must be str or None, not %T", a[0]);
        }
        *sep = as_str(a[0]);
    }
    if (a[1] != CS_UNBOUND && ssize_arg(ts, a[1], maxsplit) < 0) {
        return -1;
    }
    if (*maxsplit < 0) {
        *maxsplit = SSIZE_MAX_;
    }
    if (*sep && (*sep)->len == 0) {
        return exc_raise_int(ts, exc_ValueError, "empty separator");
    }
    return 0;
}

static bool space_at(StrObj *s, size_t off, size_t *n) {
    return unicode_isspace(str_cp_at(s->data + off, n));
}

// Runs of Unicode whitespace separate pieces; after maxsplit pieces the
// rest (trailing whitespace included) is the last piece.
static int split_whitespace(ThreadState *ts, Value list, Value self, ssize_t maxsplit) {
    StrObj *s = as_str(self);
    size_t i = 0, n;
    size_t mark = gc_temp_mark(ts);
    while (true) {
        while (i < s->len && space_at(s, i, &n)) {
            i += n;
        }
        if (i >= s->len) {
            return 0;
        }
        if (maxsplit-- <= 0) {
            // The rest, trailing whitespace included, is the last piece.
            return append_piece(ts, list, self, i, s->len);
        }
        size_t j = i;
        while (j < s->len && !space_at(s, j, &n)) {
            j += n;
        }
        if (append_piece(ts, list, self, i, j) < 0) {
            return -1;
        }
        gc_temp_reset(ts, mark);
        i = j;
    }
}

// Splits on an explicit separator; temps are reset per piece so huge
// splits do not grow the root stack.
static int split_sep(ThreadState *ts, Value list, Value self, StrObj *sep, ssize_t maxsplit) {
    StrObj *s = as_str(self);
    size_t i = 0;
    size_t mark = gc_temp_mark(ts);
    while (maxsplit-- > 0) {
        ssize_t at = str_find_bytes(s->data + i, s->len - i, sep->data, sep->len);
        if (at < 0) {
            break;
        }
        if (append_piece(ts, list, self, i, i + (size_t)at) < 0) {
            return -1;
        }
        gc_temp_reset(ts, mark);
        i += (size_t)at + sep->len;
    }
    return append_piece(ts, list, self, i, s->len);
}

static Value m_split(ThreadState *ts, Value self, const Value *args, size_t nargs, TupleObj *kw) {
    StrObj *sep = NULL;
    ssize_t maxsplit;
    if (split_args(ts, "split", args, nargs, kw, &sep, &maxsplit) < 0) {
        return CS_ERR;
    }
    Value list = new_list(ts);
    if (list == CS_ERR) {
        return CS_ERR;
    }
    int r =
        sep ? split_sep(ts, list, self, sep, maxsplit) : split_whitespace(ts, list, self, maxsplit);
    return r < 0 ? CS_ERR : list;
}

// rsplit collects pieces from the right, then reverses the list.
static int rsplit_whitespace(ThreadState *ts, Value list, Value self, ssize_t maxsplit) {
    StrObj *s = as_str(self);
    size_t j = s->len, n;
    size_t mark = gc_temp_mark(ts);
    while (true) {
        while (j > 0) {
            size_t p = str_offset_back(s, j, 1);
            if (!space_at(s, p, &n)) {
                break;
            }
            j = p;
        }
        if (j == 0) {
            return 0;
        }
        if (maxsplit-- <= 0) {
            return append_piece(ts, list, self, 0, j);
        }
        size_t i = j;
        while (i > 0) {
            size_t p = str_offset_back(s, i, 1);
            if (space_at(s, p, &n)) {
                break;
            }
            i = p;
        }
        if (append_piece(ts, list, self, i, j) < 0) {
            return -1;
        }
        gc_temp_reset(ts, mark);
        j = i;
    }
}

// The same from the right; pieces arrive last first.
static int rsplit_sep(ThreadState *ts, Value list, Value self, StrObj *sep, ssize_t maxsplit) {
    StrObj *s = as_str(self);
    size_t j = s->len;
    size_t mark = gc_temp_mark(ts);
    while (maxsplit-- > 0) {
        ssize_t at = str_rfind_bytes(s->data, j, sep->data, sep->len);
        if (at < 0) {
            break;
        }
        if (append_piece(ts, list, self, (size_t)at + sep->len, j) < 0) {
            return -1;
        }
        gc_temp_reset(ts, mark);
        j = (size_t)at;
    }
    return append_piece(ts, list, self, 0, j);
}

static Value m_rsplit(ThreadState *ts, Value self, const Value *args, size_t nargs, TupleObj *kw) {
    StrObj *sep = NULL;
    ssize_t maxsplit;
    if (split_args(ts, "rsplit", args, nargs, kw, &sep, &maxsplit) < 0) {
        return CS_ERR;
    }
    Value list = new_list(ts);
    if (list == CS_ERR) {
        return CS_ERR;
    }
    int r = sep ? rsplit_sep(ts, list, self, sep, maxsplit)
                : rsplit_whitespace(ts, list, self, maxsplit);
    if (r < 0) {
        return CS_ERR;
    }
    list_reverse(as_list(list));
    return list;
}

// Line boundaries of str.splitlines: \n \r \v \f \x1c-\x1e \x85 \u2028 \u2029.
static bool is_linebreak(uint32_t c) {
    return c == '\n' || c == '\r' || c == 0x0B || c == 0x0C || (c >= 0x1C && c <= 0x1E) ||
           c == 0x85 || c == 0x2028 || c == 0x2029;
}

// \r\n counts as one break; keepends keeps the break characters.
static Value m_splitlines(ThreadState *ts, Value self, const Value *args, size_t nargs,
                          TupleObj *kw) {
    Value a[1];
    if (takes_args(ts, "splitlines", nargs, kw, 0, 1, true) < 0 ||
        arg_parse(ts, "splitlines", args, nargs, kw, "|keepends", a) < 0) {
        return CS_ERR;
    }
    int keep = 0;
    if (a[0] != CS_UNBOUND) {
        ssize_t k = 0;
        if (ssize_arg(ts, a[0], &k) < 0) {
            return CS_ERR;
        }
        keep = k != 0;
    }
    Value list = new_list(ts);
    if (list == CS_ERR) {
        return CS_ERR;
    }
    StrObj *s = as_str(self);
    size_t i = 0, start = 0, n;
    size_t mark = gc_temp_mark(ts);
    while (i < s->len) {
        uint32_t c = str_cp_at(s->data + i, &n);
        if (!is_linebreak(c)) {
            i += n;
            continue;
        }
        size_t eol = i;
        i += n;
        if (c == '\r' && i < s->len && s->data[i] == '\n') {
            i++;
        }
        if (append_piece(ts, list, self, start, keep ? i : eol) < 0) {
            return CS_ERR;
        }
        gc_temp_reset(ts, mark);
        start = i;
    }
    if (start < s->len && append_piece(ts, list, self, start, s->len) < 0) {
        return CS_ERR;
    }
    return list;
}

// (head, sep, tail), or the whole text and two empty strs when absent.
static Value do_partition(ThreadState *ts, const char *name, Value self, const Value *args,
                          size_t nargs, TupleObj *kw, bool reverse) {
    StrObj *sep = NULL;
    if (one_arg(ts, name, nargs, kw) < 0 || str_arg(ts, args[0], &sep) < 0) {
        return CS_ERR;
    }
    if (sep->len == 0) {
        return exc_raise(ts, exc_ValueError, "empty separator");
    }
    StrObj *s = as_str(self);
    ssize_t at = reverse ? str_rfind_bytes(s->data, s->len, sep->data, sep->len)
                         : str_find_bytes(s->data, s->len, sep->data, sep->len);
    Value t = tuple_new(ts, 3);
    TupleObj *tp = as_tuple(t);
    Value empty = str_new(ts, "", 0);
    if (at < 0) {
        Value whole = substr(ts, self, 0, s->len);
        tp->items[reverse ? 2 : 0] = whole;
        tp->items[1] = empty;
        tp->items[reverse ? 0 : 2] = empty;
        return t;
    }
    tp->items[0] = substr(ts, self, 0, (size_t)at);
    tp->items[1] = args[0];
    if (!is_type_exact(args[0], &type_str)) {
        tp->items[1] = str_new(ts, sep->data, sep->len);
    }
    tp->items[2] = substr(ts, self, (size_t)at + sep->len, s->len);
    return t;
}

static Value m_partition(ThreadState *ts, Value self, const Value *args, size_t nargs,
                         TupleObj *kw) {
    return do_partition(ts, "partition", self, args, nargs, kw, false);
}

static Value m_rpartition(ThreadState *ts, Value self, const Value *args, size_t nargs,
                          TupleObj *kw) {
    return do_partition(ts, "rpartition", self, args, nargs, kw, true);
}

// ---------------------------------------------------------------------------
// join, replace

// The items of a list or tuple, else of a list built from the iterable.
static Value join_items(ThreadState *ts, Value iterable, const Value **items, size_t *n) {
    if (!list_check(iterable) && !tuple_check(iterable)) {
        Value it = obj_iter(ts, iterable);
        if (it == CS_ERR) {
            if (exc_matches(ts, exc_TypeError)) {
                exc_clear(ts);
                exc_raise(ts, exc_TypeError, "can only join an iterable");
            }
            return CS_ERR;
        }
        iterable = obj_to_list(ts, it);
        if (iterable == CS_ERR) {
            return CS_ERR;
        }
    }
    if (list_check(iterable)) {
        *items = as_list(iterable)->items;
        *n = as_list(iterable)->len;
    } else {
        *items = as_tuple(iterable)->items;
        *n = as_tuple(iterable)->len;
    }
    return iterable;
}

// Two passes: check and measure every item, then copy into a str of
// the exact size (no cs code runs between them).
Value str_join(ThreadState *ts, Value sep, Value iterable) {
    const Value *items;
    size_t n;
    Value seq = join_items(ts, iterable, &items, &n);
    if (seq == CS_ERR) {
        return CS_ERR;
    }
    StrObj *s = as_str(sep);
    if (n == 1 && is_type_exact(items[0], &type_str)) {
        return items[0];
    }
    size_t total = n > 0 ? s->len * (n - 1) : 0;
    for (size_t i = 0; i < n; i++) {
        if (!str_check(items[i])) {
            return exc_raise(ts, exc_TypeError,
                             "sequence item %zu: expected str instance, %T found", i, items[i]);
        }
        total += as_str(items[i])->len;
    }
    char *d;
    gc_temp_push(ts, seq);
    Value r = str_new_uninit(ts, total, &d);
    if (r == CS_ERR) {
        return CS_ERR;
    }
    // No cs code ran since the lengths were summed: the items are unchanged.
    for (size_t i = 0; i < n; i++) {
        if (i > 0) {
            memcpy(d, s->data, s->len);
            d += s->len;
        }
        memcpy(d, as_str(items[i])->data, as_str(items[i])->len);
        d += as_str(items[i])->len;
    }
    return str_finish_uninit(ts, r);
}

static Value m_join(ThreadState *ts, Value self, const Value *args, size_t nargs, TupleObj *kw) {
    if (one_arg(ts, "join", nargs, kw) < 0) {
        return CS_ERR;
    }
    return str_join(ts, self, args[0]);
}

// replace with an empty old: new goes before every character (count times).
static Value replace_empty(ThreadState *ts, Value self, StrObj *rep, ssize_t count) {
    StrObj *s = as_str(self);
    StrBuf b;
    str_buf_init(&b);
    size_t off = 0, n;
    while (count > 0 && off <= s->len) {
        str_buf_append(&b, rep->data, rep->len);
        count--;
        if (off == s->len) {
            off++;
            break;
        }
        str_cp_at(s->data + off, &n);
        str_buf_append(&b, s->data + off, n);
        off += n;
    }
    if (off < s->len) {
        str_buf_append(&b, s->data + off, s->len - off);
    }
    return str_buf_finish(ts, &b);
}

// Scans once; a count limits the replacements (negative: all).
static Value m_replace(ThreadState *ts, Value self, const Value *args, size_t nargs, TupleObj *kw) {
    if (expected_args(ts, "replace", nargs, kw, 2, 3) < 0) {
        return CS_ERR;
    }
    for (int i = 0; i < 2; i++) {
        if (!str_check(args[i])) {
            return exc_raise(ts, exc_TypeError, "replace() argument %d must be str, not %T", i + 1,
                             args[i]);
        }
    }
    ssize_t count = -1;
    if (nargs > 2 && ssize_arg(ts, args[2], &count) < 0) {
        return CS_ERR;
    }
    if (count < 0) {
        count = SSIZE_MAX_;
    }
    StrObj *s = as_str(self), *old = as_str(args[0]), *rep = as_str(args[1]);
    if (count == 0 || (old->len > 0 && str_find_bytes(s->data, s->len, old->data, old->len) < 0)) {
        return substr(ts, self, 0, s->len);
    }
    if (old->len == 0) {
        return replace_empty(ts, self, rep, count);
    }
    StrBuf b;
    str_buf_init(&b);
    size_t i = 0;
    while (count-- > 0) {
        ssize_t at = str_find_bytes(s->data + i, s->len - i, old->data, old->len);
        if (at < 0) {
            break;
        }
        str_buf_append(&b, s->data + i, (size_t)at);
        str_buf_append(&b, rep->data, rep->len);
        i += (size_t)at + old->len;
    }
    str_buf_append(&b, s->data + i, s->len - i);
    return str_buf_finish(ts, &b);
}

// ---------------------------------------------------------------------------
// translate, maketrans

// Appends the translation of code point c; -1 raised.
static int translate_one(ThreadState *ts, StrBuf *b, Value table, uint32_t c) {
    Value key = small_int_val(c);
    Value v = obj_getitem(ts, table, key);
    if (v == CS_ERR) {
        if (!exc_matches(ts, exc_LookupError)) {
            return -1;
        }
        exc_clear(ts);
        str_buf_append_codepoint(b, c);
        return 0;
    }
    if (v == CS_NONE) {
        return 0;
    }
    if (int_check(v)) {
        int64_t x;
        if (int_as_i64(ts, v, &x) < 0 || x < 0 || x > 0x10FFFF) {
            exc_clear(ts);
            return exc_raise_int(ts, exc_ValueError,
                                 "character mapping must be in range(0x110000)");
        }
        str_buf_append_codepoint(b, (uint32_t)x);
        return 0;
    }
    if (str_check(v)) {
        str_buf_append(b, as_str(v)->data, as_str(v)->len);
        return 0;
    }
    return exc_raise_int(ts, exc_TypeError, "character mapping must return integer, None or str");
}

// Each code point is looked up in the table (table[ord(c)]); a missing
// key (LookupError) keeps the character.
static Value m_translate(ThreadState *ts, Value self, const Value *args, size_t nargs,
                         TupleObj *kw) {
    if (one_arg(ts, "translate", nargs, kw) < 0) {
        return CS_ERR;
    }
    StrObj *s = as_str(self);
    StrBuf b;
    str_buf_init(&b);
    size_t n;
    size_t mark = gc_temp_mark(ts);
    for (size_t off = 0; off < s->len; off += n) {
        uint32_t c = str_cp_at(s->data + off, &n);
        if (translate_one(ts, &b, args[0], c) < 0) {
            str_buf_free(&b);
            return CS_ERR;
        }
        gc_temp_reset(ts, mark);
    }
    return str_buf_finish(ts, &b);
}

// maketrans(dict): keys become ordinals.
static Value maketrans_dict(ThreadState *ts, Value x) {
    if (!dict_check(x)) {
        return exc_raise(ts, exc_TypeError,
                         "if you give only one argument to maketrans it must be a dict");
    }
    Value d = dict_new(ts);
    size_t pos = 0;
    Value k, v;
    while (dict_next(as_dict(x), &pos, &k, &v)) {
        if (str_check(k)) {
            if (as_str(k)->nchars != 1) {
                return exc_raise(ts, exc_ValueError,
                                 "string keys in translate table must be of length 1");
            }
            size_t n;
            k = small_int_val(str_cp_at(as_str(k)->data, &n));
        } else if (!int_check(k)) {
            return exc_raise(ts, exc_TypeError,
                             "keys in translate table must be strings or integers");
        }
        if (dict_set(ts, as_dict(d), k, v) < 0) {
            return CS_ERR;
        }
    }
    return d;
}

// Static: one dict argument, or two equal-length strs plus an optional
// str of characters to delete.
static Value m_maketrans(ThreadState *ts, Value self, const Value *args, size_t nargs,
                         TupleObj *kw) {
    if (expected_args(ts, "maketrans", nargs, kw, 1, 3) < 0) {
        return CS_ERR;
    }
    if (nargs == 1) {
        return maketrans_dict(ts, args[0]);
    }
    if (!str_check(args[0])) {
        return exc_raise(ts, exc_TypeError,
                         "first maketrans argument must be a string if there is a second argument");
    }
    for (size_t i = 1; i < nargs; i++) {
        if (!str_check(args[i])) {
            return exc_raise(ts, exc_TypeError, "maketrans() argument %zu must be str, not %T",
                             i + 1, args[i]);
        }
    }
    StrObj *x = as_str(args[0]), *y = as_str(args[1]);
    if (x->nchars != y->nchars) {
        return exc_raise(ts, exc_ValueError,
                         "the first two maketrans arguments must have equal length");
    }
    Value d = dict_new(ts);
    size_t i = 0, j = 0, n, m;
    while (i < x->len) {
        uint32_t a = str_cp_at(x->data + i, &n), b = str_cp_at(y->data + j, &m);
        if (dict_set(ts, as_dict(d), small_int_val(a), small_int_val(b)) < 0) {
            return CS_ERR;
        }
        i += n;
        j += m;
    }
    if (nargs == 3) {
        StrObj *z = as_str(args[2]);
        for (i = 0; i < z->len; i += n) {
            uint32_t c = str_cp_at(z->data + i, &n);
            if (dict_set(ts, as_dict(d), small_int_val(c), CS_NONE) < 0) {
                return CS_ERR;
            }
        }
    }
    return d;
}

// ---------------------------------------------------------------------------
// encode, __format__, __getnewargs__-free odds and ends

static int codec_arg(ThreadState *ts, Value v, const char *what, const char **out) {
    if (v == CS_UNBOUND) {
        return 0;
    }
    if (!str_check(v)) {
        return exc_raise_int(ts, exc_TypeError, "encode() argument '%s' must be str, not %T", what,
                             v);
    }
    *out = str_cstr(v);
    return 0;
}

// encode(encoding='utf-8', errors='strict'); codecs live in vm/str.c.
static Value m_encode(ThreadState *ts, Value self, const Value *args, size_t nargs, TupleObj *kw) {
    Value a[2];
    const char *encoding = "utf-8", *errors = "strict";
    if (takes_args(ts, "encode", nargs, kw, 0, 2, true) < 0 ||
        arg_parse(ts, "encode", args, nargs, kw, "|encoding,errors", a) < 0 ||
        codec_arg(ts, a[0], "encoding", &encoding) < 0 ||
        codec_arg(ts, a[1], "errors", &errors) < 0) {
        return CS_ERR;
    }
    return str_encode(ts, self, encoding, errors);
}

// str.__format__(spec): what format(s, spec) calls for str subclasses.
static Value m_format_dunder(ThreadState *ts, Value self, const Value *args, size_t nargs,
                             TupleObj *kw) {
    if (one_arg(ts, "__format__", nargs, kw) < 0) {
        return CS_ERR;
    }
    if (!str_check(args[0])) {
        return exc_raise(ts, exc_TypeError, "__format__() argument must be str, not %T", args[0]);
    }
    return str_format_spec(ts, self, args[0]);
}

static Value m_getnewargs(ThreadState *ts, Value self, const Value *args, size_t nargs,
                          TupleObj *kw) {
    if (no_args(ts, "__getnewargs__", nargs, kw) < 0) {
        return CS_ERR;
    }
    Value s = str_new(ts, as_str(self)->data, as_str(self)->len);
    return tuple_pack(ts, 1, s);
}

const MethodDef str_method_table[] = {
    {"capitalize", m_capitalize, METH_KEYWORDS, NULL},
    {"casefold", m_casefold, METH_KEYWORDS, NULL},
    {"center", m_center, METH_KEYWORDS, NULL},
    {"count", m_count, METH_KEYWORDS, NULL},
    {"encode", m_encode, METH_KEYWORDS, NULL},
    {"endswith", m_endswith, METH_KEYWORDS, NULL},
    {"expandtabs", m_expandtabs, METH_KEYWORDS, NULL},
    {"find", m_find, METH_KEYWORDS, NULL},
    {"format", str_method_format, METH_KEYWORDS, NULL},
    {"format_map", str_method_format_map, METH_KEYWORDS, NULL},
    {"index", m_index, METH_KEYWORDS, NULL},
    {"isalnum", m_isalnum, METH_KEYWORDS, NULL},
    {"isalpha", m_isalpha, METH_KEYWORDS, NULL},
    {"isascii", m_isascii, METH_KEYWORDS, NULL},
    {"isdecimal", m_isdecimal, METH_KEYWORDS, NULL},
    {"isdigit", m_isdigit, METH_KEYWORDS, NULL},
    {"isidentifier", m_isidentifier, METH_KEYWORDS, NULL},
    {"islower", m_islower, METH_KEYWORDS, NULL},
    {"isnumeric", m_isnumeric, METH_KEYWORDS, NULL},
    {"isprintable", m_isprintable, METH_KEYWORDS, NULL},
    {"isspace", m_isspace, METH_KEYWORDS, NULL},
    {"istitle", m_istitle, METH_KEYWORDS, NULL},
    {"isupper", m_isupper, METH_KEYWORDS, NULL},
    {"join", m_join, METH_KEYWORDS, NULL},
    {"ljust", m_ljust, METH_KEYWORDS, NULL},
    {"lower", m_lower, METH_KEYWORDS, NULL},
    {"lstrip", m_lstrip, METH_KEYWORDS, NULL},
    {"maketrans", m_maketrans, METH_STATIC | METH_KEYWORDS, NULL},
    {"partition", m_partition, METH_KEYWORDS, NULL},
    {"removeprefix", m_removeprefix, METH_KEYWORDS, NULL},
    {"removesuffix", m_removesuffix, METH_KEYWORDS, NULL},
    {"replace", m_replace, METH_KEYWORDS, NULL},
    {"rfind", m_rfind, METH_KEYWORDS, NULL},
    {"rindex", m_rindex, METH_KEYWORDS, NULL},
    {"rjust", m_rjust, METH_KEYWORDS, NULL},
    {"rpartition", m_rpartition, METH_KEYWORDS, NULL},
    {"rsplit", m_rsplit, METH_KEYWORDS, NULL},
    {"rstrip", m_rstrip, METH_KEYWORDS, NULL},
    {"split", m_split, METH_KEYWORDS, NULL},
    {"splitlines", m_splitlines, METH_KEYWORDS, NULL},
    {"startswith", m_startswith, METH_KEYWORDS, NULL},
    {"strip", m_strip, METH_KEYWORDS, NULL},
    {"swapcase", m_swapcase, METH_KEYWORDS, NULL},
    {"title", m_title, METH_KEYWORDS, NULL},
    {"translate", m_translate, METH_KEYWORDS, NULL},
    {"upper", m_upper, METH_KEYWORDS, NULL},
    {"zfill", m_zfill, METH_KEYWORDS, NULL},
    {"__format__", m_format_dunder, METH_KEYWORDS, NULL},
    {"__getnewargs__", m_getnewargs, METH_KEYWORDS, NULL},
    {NULL, NULL, 0, NULL},
};
