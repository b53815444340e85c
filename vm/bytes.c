// bytes (immutable, data inline) and bytearray (mutable, data malloc'd):
// the types, construction, repr, comparison, hashing, indexing, slicing and
// item assignment, operators, and the two iterator types. The methods live
// in vm/bytes_methods.c; decoding and `%` formatting reuse the str
// machinery (vm/str.c, vm/str_format.c).
#include "vm/bytes.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/dict.h"
#include "vm/exc.h"
#include "vm/func.h"
#include "vm/gc.h"
#include "vm/int.h"
#include "vm/list.h"
#include "vm/range.h"
#include "vm/state.h"
#include "vm/str.h"

#define SSIZE_MAX_ ((ssize_t)(SIZE_MAX >> 1))

// The name methods use in messages: "bytes" or "bytearray".
static const char *kind_name(Value self) {
    return bytearray_check(self) ? "bytearray" : "bytes";
}

// Only bytes and bytearray are bytes-like for now (no memoryview).
int bytes_view(ThreadState *ts, Value v, const unsigned char **data, size_t *len) {
    if (!bytes_check(v) && !bytearray_check(v)) {
        return exc_raise_int(ts, exc_TypeError, "a bytes-like object is required, not '%T'", v);
    }
    bytes_data(v, data, len);
    return 0;
}

// ---------------------------------------------------------------------------
// Construction

static BytesObj *alloc_bytes(ThreadState *ts, TypeObj *type, size_t len) {
    BytesObj *b = gc_alloc(ts, type, sizeof(BytesObj) + len + 1);
    b->hash = -1;
    b->len = len;
    return b;
}

// data may be NULL: the caller fills the zeroed bytes itself.
static Value bytes_new_typed(ThreadState *ts, TypeObj *type, const void *data, size_t len) {
    if (gc_check_size(ts, len) < 0) {
        return CS_ERR;
    }
    BytesObj *b = alloc_bytes(ts, type, len);
    if (len && data) {
        memcpy(b->data, data, len);
    }
    b->data[len] = 0;
    return obj_val(b);
}

Value bytes_new(ThreadState *ts, const void *data, size_t len) {
    return bytes_new_typed(ts, &type_bytes, data, len);
}

// Grows b to hold at least need bytes (plus a NUL); -1 raised.
int bytearray_reserve(ThreadState *ts, ByteArrayObj *b, size_t need) {
    if (need + 1 <= b->cap) {
        return 0;
    }
    if (gc_check_size(ts, need) < 0) {
        return -1;
    }
    size_t cap = b->cap ? b->cap : 16;
    while (cap < need + 1) {
        cap = cap + cap / 2 + 8;
    }
    unsigned char *p = gc_xrealloc(ts, b->data, b->cap, cap);
    if (!p) {
        return -1;
    }
    b->data = p;
    b->cap = cap;
    return 0;
}

// Subclass instances get type->basicsize bytes (room for their dict).
static Value bytearray_new_typed(ThreadState *ts, TypeObj *type, const void *data, size_t len) {
    ByteArrayObj *b = gc_alloc(ts, type, type->basicsize);
    if (len && bytearray_reserve(ts, b, len) < 0) {
        return CS_ERR;
    }
    if (len) {
        memcpy(b->data, data, len);
    }
    b->len = len;
    return obj_val(b);
}

Value bytearray_new(ThreadState *ts, const void *data, size_t len) {
    return bytearray_new_typed(ts, &type_bytearray, data, len);
}

// memmove: the data may come from the bytearray itself (b += b).
int bytearray_append(ThreadState *ts, ByteArrayObj *b, const void *data, size_t len) {
    if (len > SIZE_MAX / 2 - b->len || bytearray_reserve(ts, b, b->len + len) < 0) {
        if (!ts_has_exc(ts)) {
            exc_no_memory(ts);
        }
        return -1;
    }
    memmove(b->data + b->len, data, len);
    b->len += len;
    return 0;
}

// A new object of the receiver's kind (bytes or bytearray, never a subclass).
Value bytes_new_like(ThreadState *ts, Value self, const void *data, size_t len) {
    return bytearray_check(self) ? bytearray_new(ts, data, len) : bytes_new(ts, data, len);
}

// self unchanged: itself for an exact bytes, else a copy of its kind.
Value bytes_same(ThreadState *ts, Value self) {
    if (is_type_exact(self, &type_bytes)) {
        return self;
    }
    const unsigned char *p;
    size_t n;
    bytes_data(self, &p, &n);
    return bytes_new_like(ts, self, p, n);
}

// ---------------------------------------------------------------------------
// repr

static void repr_body(StrBuf *b, const unsigned char *p, size_t n) {
    bool sq = memchr(p, '\'', n) != NULL, dq = memchr(p, '"', n) != NULL;
    char quote = sq && !dq ? '"' : '\'';
    str_buf_append_char(b, 'b');
    str_buf_append_char(b, quote);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = p[i];
        if (c == (unsigned char)quote || c == '\\') {
            str_buf_append_char(b, '\\');
            str_buf_append_char(b, (char)c);
        } else if (c == '\t') {
            str_buf_append(b, "\\t", 2);
        } else if (c == '\n') {
            str_buf_append(b, "\\n", 2);
        } else if (c == '\r') {
            str_buf_append(b, "\\r", 2);
        } else if (c < 0x20 || c >= 0x7F) {
            str_buf_printf(b, "\\x%02x", c);
        } else {
            str_buf_append_char(b, (char)c);
        }
    }
    str_buf_append_char(b, quote);
}

// bytearray shows its type's name, so a subclass prints as Sub(b'...').
Value bytes_repr(ThreadState *ts, Value v) {
    const unsigned char *p;
    size_t n;
    bytes_data(v, &p, &n);
    StrBuf b;
    str_buf_init(&b);
    if (bytearray_check(v)) {
        str_buf_append_cstr(&b, obj_type_name(v));
        str_buf_append_char(&b, '(');
        repr_body(&b, p, n);
        str_buf_append_char(&b, ')');
    } else {
        repr_body(&b, p, n);
    }
    return str_buf_finish(ts, &b);
}

// str(b) is repr(b) (CPython warns only under -b).
static Value bytes_str(ThreadState *ts, Value v) {
    return bytes_repr(ts, v);
}

// ---------------------------------------------------------------------------
// Protocol slots

static int64_t bytes_hash(ThreadState *ts, Value v) {
    BytesObj *b = as_bytes(v);
    if (b->hash == -1) {
        b->hash = str_hash_bytes(b->data, b->len);
    }
    return b->hash;
}

// bytes and bytearray compare with each other by content, not with str.
static Value bytes_richcompare(ThreadState *ts, Value a, Value b, CmpOp op) {
    if (!bytes_like_check(a) || !bytes_like_check(b)) {
        return CS_NOTIMPL_VAL;
    }
    const unsigned char *p, *q;
    size_t n, m;
    bytes_data(a, &p, &n);
    bytes_data(b, &q, &m);
    if ((op == CMP_EQ || op == CMP_NE) && n != m) {
        return bool_val(op == CMP_NE);
    }
    int c = memcmp(p, q, n < m ? n : m);
    if (c == 0) {
        c = n < m ? -1 : n > m;
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

static ssize_t bytes_len(ThreadState *ts, Value v) {
    const unsigned char *p;
    size_t n;
    bytes_data(v, &p, &n);
    return (ssize_t)n;
}

static int bytes_truthy(ThreadState *ts, Value v) {
    return bytes_len(ts, v) != 0;
}

// An int in range(256): 0, or -1 raised (`msg` for out-of-range values).
int bytes_byte_value(ThreadState *ts, Value v, const char *msg, unsigned char *out) {
    int64_t x;
    if (is_small_int(v)) {
        x = as_small_int(v);
    } else {
        Value i = obj_index(ts, v);
        if (i == CS_ERR) {
            return -1;
        }
        if (int_as_i64(ts, i, &x) < 0) {
            exc_clear(ts);
            x = -1;
        }
    }
    if (x < 0 || x > 255) {
        return exc_raise_int(ts, exc_ValueError, "%s", msg);
    }
    *out = (unsigned char)x;
    return 0;
}

// Finds a sub (bytes-like or int) in the view; needle bytes go to *np/*nn.
int bytes_needle(ThreadState *ts, Value sub, unsigned char *one, const unsigned char **np,
                 size_t *nn) {
    if (bytes_like_check(sub)) {
        bytes_data(sub, np, nn);
        return 0;
    }
    if (!int_check(sub) && !type_of(sub)->index) {
        return exc_raise_int(ts, exc_TypeError,
                             "argument should be integer or bytes-like object, not '%T'", sub);
    }
    if (bytes_byte_value(ts, sub, "byte must be in range(0, 256)", one) < 0) {
        return -1;
    }
    *np = one;
    *nn = 1;
    return 0;
}

// `x in b`: an int in range(256) or a bytes-like subsequence.
static int bytes_contains(ThreadState *ts, Value container, Value item) {
    unsigned char one;
    const unsigned char *np;
    size_t nn;
    if (!bytes_like_check(item) && !int_check(item) && !type_of(item)->index) {
        return exc_raise_int(ts, exc_TypeError, "a bytes-like object is required, not '%T'", item);
    }
    if (bytes_needle(ts, item, &one, &np, &nn) < 0) {
        return -1;
    }
    const unsigned char *p;
    size_t n;
    bytes_data(container, &p, &n);
    return str_find_bytes((const char *)p, n, (const char *)np, nn) >= 0;
}

// A slice gives the receiver's kind (bytes or bytearray).
static Value bytes_slice(ThreadState *ts, Value v, SliceObj *sl) {
    const unsigned char *p;
    size_t n;
    bytes_data(v, &p, &n);
    ssize_t start, stop, step, len;
    if (slice_indices(ts, sl, (ssize_t)n, &start, &stop, &step, &len) < 0) {
        return CS_ERR;
    }
    if (len <= 0) {
        return bytes_new_like(ts, v, "", 0);
    }
    if (step == 1) {
        if ((size_t)len == n && is_type_exact(v, &type_bytes)) {
            return v;
        }
        return bytes_new_like(ts, v, p + start, (size_t)len);
    }
    unsigned char *tmp = malloc((size_t)len);
    if (!tmp) {
        return exc_no_memory(ts);
    }
    for (ssize_t i = 0, k = start; i < len; i++, k += step) {
        tmp[i] = p[k];
    }
    Value r = bytes_new_like(ts, v, tmp, (size_t)len);
    free(tmp);
    return r;
}

// b[i] is an int; IndexError wording differs between the two types.
static Value bytes_subscript(ThreadState *ts, Value v, Value key) {
    if (is_type_exact(key, &type_slice)) {
        return bytes_slice(ts, v, (SliceObj *)as_obj(key));
    }
    bool ba = bytearray_check(v);
    if (!int_check(key) && !type_of(key)->index) {
        return exc_raise(ts, exc_TypeError, "%s indices must be integers or slices, not %T",
                         ba ? "bytearray" : "byte", key);
    }
    ssize_t i = obj_as_index(ts, key); // IndexError "cannot fit 'int' ..." as CPython
    if (i == -1 && ts_has_exc(ts)) {
        return CS_ERR;
    }
    const unsigned char *p;
    size_t n;
    bytes_data(v, &p, &n); // after __index__, which may resize a bytearray
    if (i < 0) {
        i += (ssize_t)n;
    }
    if (i < 0 || i >= (ssize_t)n) {
        return exc_raise(ts, exc_IndexError,
                         ba ? "bytearray index out of range" : "index out of range");
    }
    return small_int_val(p[i]);
}

// b + other: bytes-like on both sides ("can't concat str to bytes").
static Value bytes_add(ThreadState *ts, Value a, Value b) {
    if (!bytes_like_check(a)) {
        return CS_NOTIMPL_VAL;
    }
    if (!bytes_like_check(b)) {
        if ((type_of(b)->flags & TYPE_HEAP) && type_of(b)->binop[BINOP_ADD]) {
            return CS_NOTIMPL_VAL;
        }
        return exc_raise(ts, exc_TypeError, "can't concat %T to %s", b, kind_name(a));
    }
    const unsigned char *p, *q;
    size_t n, m;
    bytes_data(a, &p, &n);
    bytes_data(b, &q, &m);
    if (m > SIZE_MAX / 2 - n) {
        return exc_no_memory(ts);
    }
    Value r = bytes_new_like(ts, a, p, n);
    if (r == CS_ERR) {
        return CS_ERR;
    }
    bytes_data(b, &q, &m);
    if (bytearray_check(r)) {
        return bytearray_append(ts, as_bytearray(r), q, m) < 0 ? CS_ERR : r;
    }
    Value out = bytes_new(ts, NULL, n + m);
    if (out == CS_ERR) {
        return CS_ERR;
    }
    bytes_data(a, &p, &n);
    memcpy(as_bytes(out)->data, p, n);
    memcpy(as_bytes(out)->data + n, q, m);
    return out;
}

// b * n for both kinds; "repeated bytes are too long" past the address space.
static Value repeat(ThreadState *ts, Value seq, ssize_t count) {
    const unsigned char *p;
    size_t n;
    bytes_data(seq, &p, &n);
    if (count <= 0 || n == 0) {
        return bytes_new_like(ts, seq, "", 0);
    }
    if (count == 1) {
        return bytes_same(ts, seq);
    }
    if ((size_t)count > (SIZE_MAX >> 1) / n) {
        return exc_raise(ts, exc_OverflowError, "repeated bytes are too long");
    }
    size_t total = n * (size_t)count;
    if (gc_check_size(ts, total) < 0) {
        return CS_ERR;
    }
    unsigned char *tmp = malloc(total);
    if (!tmp) {
        return exc_no_memory(ts);
    }
    for (size_t i = 0; i < (size_t)count; i++) {
        memcpy(tmp + i * n, p, n);
    }
    Value r = bytes_new_like(ts, seq, tmp, total);
    free(tmp);
    return r;
}

// Either operand order; non-integers raise CPython's sequence error
// unless a class may answer through its reflected method.
static Value bytes_mul(ThreadState *ts, Value a, Value b) {
    Value seq = bytes_like_check(a) ? a : b;
    Value count = seq == a ? b : a;
    if (!bytes_like_check(seq)) {
        return CS_NOTIMPL_VAL;
    }
    if ((type_of(count)->flags & TYPE_HEAP) && type_of(count)->binop[BINOP_MUL]) {
        return CS_NOTIMPL_VAL;
    }
    ssize_t n;
    int r = str_repeat_count(ts, count, &n);
    if (r < 0) {
        return CS_ERR;
    }
    if (r == 0) {
        return exc_raise(ts, exc_TypeError, "can't multiply sequence by non-int of type '%T'",
                         count);
    }
    return repeat(ts, seq, n);
}

// b % args: the str engine in bytes mode (vm/str_format.c).
static Value bytes_mod(ThreadState *ts, Value a, Value b) {
    if (!bytes_like_check(a)) {
        return CS_NOTIMPL_VAL;
    }
    const unsigned char *p;
    size_t n;
    bytes_data(a, &p, &n);
    // The format is copied: formatting may run code that resizes a bytearray.
    char *copy = malloc(n + 1);
    if (!copy) {
        return exc_no_memory(ts);
    }
    memcpy(copy, p, n);
    Value r = str_mod_bytes(ts, copy, n, b, bytearray_check(a));
    free(copy);
    return r;
}

// ---------------------------------------------------------------------------
// Construction from arguments: bytes(), bytes(n), bytes(str, encoding[,
// errors]), bytes(bytes-like), bytes(iterable of ints), x.__bytes__().

// Appends the ints of an iterable to buf; -1 raised.
int bytes_collect_ints(ThreadState *ts, Value iterable, StrBuf *buf, const char *range_msg) {
    Value it = obj_iter(ts, iterable);
    if (it == CS_ERR) {
        return -1;
    }
    size_t mark = gc_temp_mark(ts);
    while (true) {
        Value v = obj_next(ts, it);
        if (v == CS_ERR) {
            return -1;
        }
        if (v == CS_STOP) {
            return 0;
        }
        unsigned char c = 0;
        if (bytes_byte_value(ts, v, range_msg, &c) < 0) {
            return -1;
        }
        str_buf_append_char(buf, (char)c);
        gc_temp_reset(ts, mark);
    }
}

// The bytes a constructor argument stands for, into buf; -1 raised.
static int source_bytes(ThreadState *ts, const char *kind, Value src, StrBuf *buf) {
    if (bytes_like_check(src)) {
        const unsigned char *p;
        size_t n;
        bytes_data(src, &p, &n);
        str_buf_append(buf, (const char *)p, n);
        return 0;
    }
    if (str_check(src)) {
        return exc_raise_int(ts, exc_TypeError, "string argument without an encoding");
    }
    if (int_check(src) || type_of(src)->index) {
        ssize_t n;
        if (str_as_ssize(ts, src, &n) < 0) {
            return -1;
        }
        if (n < 0) {
            return exc_raise_int(ts, exc_ValueError, "negative count");
        }
        if (gc_check_size(ts, (size_t)n) < 0) {
            return -1;
        }
        str_buf_append_fill(buf, "\0", 1, (size_t)n);
        return 0;
    }
    if (!type_of(src)->iter && !type_of(src)->getitem) {
        return exc_raise_int(ts, exc_TypeError, "cannot convert '%T' object to %s", src, kind);
    }
    return bytes_collect_ints(ts, src, buf, "bytes must be in range(0, 256)");
}

// Parses (source, encoding, errors) and fills buf; -1 raised.
static int construct_args(ThreadState *ts, const char *kind, const Value *args, size_t nargs,
                          TupleObj *kwnames, StrBuf *buf, bool *done_bytes, Value *result) {
    Value a[3];
    if (nargs > 3) {
        return exc_raise_int(ts, exc_TypeError, "%s() takes at most 3 arguments (%zu given)", kind,
                             nargs);
    }
    if (arg_parse(ts, kind, args, nargs, kwnames, "|source,encoding,errors", a) < 0) {
        return -1;
    }
    *done_bytes = false;
    if (a[0] == CS_UNBOUND) {
        if (a[1] != CS_UNBOUND || a[2] != CS_UNBOUND) {
            return exc_raise_int(ts, exc_TypeError,
                                 a[1] != CS_UNBOUND ? "encoding without a string argument"
                                                    : "errors without a string argument");
        }
        return 0;
    }
    if (str_check(a[0]) && a[1] != CS_UNBOUND) {
        for (int i = 1; i < 3; i++) {
            if (a[i] != CS_UNBOUND && !str_check(a[i])) {
                return exc_raise_int(ts, exc_TypeError, "%s() argument '%s' must be str, not %T",
                                     kind, i == 1 ? "encoding" : "errors", a[i]);
            }
        }
        Value enc =
            str_encode(ts, a[0], str_cstr(a[1]), a[2] == CS_UNBOUND ? NULL : str_cstr(a[2]));
        if (enc == CS_ERR) {
            return -1;
        }
        str_buf_append(buf, (const char *)as_bytes(enc)->data, as_bytes(enc)->len);
        return 0;
    }
    if (a[1] != CS_UNBOUND || a[2] != CS_UNBOUND) {
        return exc_raise_int(ts, exc_TypeError,
                             a[1] != CS_UNBOUND ? "encoding without a string argument"
                                                : "errors without a string argument");
    }
    if (strcmp(kind, "bytes") == 0 && !bytes_like_check(a[0])) {
        Value m = obj_lookup_attr(ts, a[0], str_intern_name(ts, "__bytes__"));
        if (m == CS_ERR) {
            return -1;
        }
        if (m != CS_UNBOUND) {
            Value r = obj_call0(ts, m);
            if (r == CS_ERR) {
                return -1;
            }
            if (!bytes_check(r)) {
                return exc_raise_int(ts, exc_TypeError, "__bytes__ returned non-bytes (type %T)",
                                     r);
            }
            *result = r;
            *done_bytes = true;
            return 0;
        }
    }
    return source_bytes(ts, kind, a[0], buf);
}

// bytes(...) is built entirely in __new__ (immutable).
static Value bytes_tp_new(ThreadState *ts, TypeObj *type, const Value *args, size_t nargs,
                          TupleObj *kwnames) {
    StrBuf buf;
    str_buf_init(&buf);
    bool done;
    Value r = CS_UNBOUND;
    if (construct_args(ts, "bytes", args, nargs, kwnames, &buf, &done, &r) < 0) {
        str_buf_free(&buf);
        return CS_ERR;
    }
    if (done) {
        if (type == &type_bytes) {
            return r;
        }
        return bytes_new_typed(ts, type, as_bytes(r)->data, as_bytes(r)->len);
    }
    if (buf.oom) {
        str_buf_free(&buf);
        return exc_no_memory(ts);
    }
    r = bytes_new_typed(ts, type, buf.data, buf.len);
    str_buf_free(&buf);
    return r;
}

// bytearray(...) starts empty and is filled by __init__, as in CPython,
// so subclasses may call bytearray.__init__ themselves.
static Value bytearray_tp_new(ThreadState *ts, TypeObj *type, const Value *args, size_t nargs,
                              TupleObj *kwnames) {
    return bytearray_new_typed(ts, type, NULL, 0);
}

static int bytearray_tp_init(ThreadState *ts, Value self, const Value *args, size_t nargs,
                             TupleObj *kwnames) {
    StrBuf buf;
    str_buf_init(&buf);
    bool done;
    Value r;
    if (construct_args(ts, "bytearray", args, nargs, kwnames, &buf, &done, &r) < 0) {
        str_buf_free(&buf);
        return -1;
    }
    if (buf.oom) {
        str_buf_free(&buf);
        exc_no_memory(ts);
        return -1;
    }
    ByteArrayObj *b = as_bytearray(self);
    b->len = 0;
    int rc = bytearray_append(ts, b, buf.data ? buf.data : "", buf.len);
    str_buf_free(&buf);
    return rc;
}

// ---------------------------------------------------------------------------
// Item assignment and in-place operators (bytearray)

// b[i] = x, b[i:j] = iterable, del b[i], del b[i:j:k]
// The bytes a slice assignment stores: a bytes-like object or an iterable
// of ints, copied first (the value may be the bytearray itself). -1 raised.
static int slice_source(ThreadState *ts, Value value, StrBuf *src) {
    if (bytes_like_check(value)) {
        const unsigned char *p;
        size_t len;
        bytes_data(value, &p, &len);
        str_buf_append(src, (const char *)p, len);
    } else if (int_check(value) || str_check(value) ||
               (!type_of(value)->iter && !type_of(value)->getitem)) {
        return exc_raise_int(
            ts, exc_TypeError,
            "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
    } else if (bytes_collect_ints(ts, value, src, "byte must be in range(0, 256)") < 0) {
        return -1;
    }
    if (src->oom) {
        exc_no_memory(ts);
        return -1;
    }
    return 0;
}

// b[start:stop] = m bytes: the tail moves to make or close the gap.
static int replace_range(ThreadState *ts, ByteArrayObj *b, size_t start, size_t stop,
                         const char *src, size_t m) {
    stop = stop < start ? start : stop;
    size_t old = stop - start, tail = b->len - stop;
    if (m > old && bytearray_reserve(ts, b, b->len + m - old) < 0) {
        return -1;
    }
    if (tail) {
        memmove(b->data + start + m, b->data + stop, tail);
    }
    if (m) {
        memcpy(b->data + start, src, m);
    }
    b->len = start + m + tail;
    return 0;
}

// del b[start:stop:step] for step != 1: keep the bytes not on the slice.
static void delete_extended(ByteArrayObj *b, ssize_t start, ssize_t step, ssize_t n) {
    size_t w = 0;
    ssize_t next = step > 0 ? start : start + (n - 1) * step; // lowest index on the slice
    ssize_t stride = step > 0 ? step : -step, left = n;
    for (size_t r = 0; r < b->len; r++) {
        if (left > 0 && (ssize_t)r == next) {
            next += stride;
            left--;
            continue;
        }
        b->data[w++] = b->data[r];
    }
    b->len = w;
}

// b[i:j:k] = value, or del b[i:j:k] when value is CS_UNBOUND.
static int ba_set_slice(ThreadState *ts, ByteArrayObj *b, SliceObj *sl, Value value) {
    ssize_t start, stop, step, n;
    if (slice_indices(ts, sl, (ssize_t)b->len, &start, &stop, &step, &n) < 0) {
        return -1;
    }
    StrBuf src;
    str_buf_init(&src);
    if (value != CS_UNBOUND && slice_source(ts, value, &src) < 0) {
        str_buf_free(&src);
        return -1;
    }
    int rc = 0;
    if (step == 1) {
        rc = replace_range(ts, b, (size_t)start, (size_t)stop, src.data, src.len);
    } else if (value == CS_UNBOUND) {
        delete_extended(b, start, step, n);
    } else if ((ssize_t)src.len != n) {
        rc = exc_raise_int(ts, exc_ValueError,
                           "attempt to assign bytes of size %zu to extended slice of size %zd",
                           src.len, n);
    } else {
        for (ssize_t i = 0, k = start; i < n; i++, k += step) {
            b->data[k] = (unsigned char)src.data[i];
        }
    }
    str_buf_free(&src);
    return rc;
}

// b[i] = x, b[i:j] = ..., and their del forms (value CS_UNBOUND).
static int ba_setitem(ThreadState *ts, Value self, Value key, Value value) {
    ByteArrayObj *b = as_bytearray(self);
    if (is_type_exact(key, &type_slice)) {
        return ba_set_slice(ts, b, (SliceObj *)as_obj(key), value);
    }
    if (!int_check(key) && !type_of(key)->index) {
        return exc_raise_int(ts, exc_TypeError,
                             "bytearray indices must be integers or slices, not %T", key);
    }
    size_t i;
    if (seq_index(ts, key, b->len, "bytearray", &i) < 0) {
        return -1;
    }
    if (value == CS_UNBOUND) {
        memmove(b->data + i, b->data + i + 1, b->len - i - 1);
        b->len--;
        return 0;
    }
    unsigned char c = 0;
    if (bytes_byte_value(ts, value, "byte must be in range(0, 256)", &c) < 0) {
        return -1;
    }
    if (i >= b->len) {
        return exc_raise_int(ts, exc_IndexError, "bytearray index out of range");
    }
    b->data[i] = c;
    return 0;
}

// b += x extends in place (any bytes-like x).
static Value ba_iadd(ThreadState *ts, Value a, Value b) {
    if (!bytearray_check(a)) {
        return CS_NOTIMPL_VAL;
    }
    if (!bytes_like_check(b)) {
        return exc_raise(ts, exc_TypeError, "can't concat %T to bytearray", b);
    }
    const unsigned char *q;
    size_t m;
    bytes_data(b, &q, &m);
    if (bytearray_append(ts, as_bytearray(a), q, m) < 0) {
        return CS_ERR;
    }
    return a;
}

// b *= n repeats in place.
static Value ba_imul(ThreadState *ts, Value a, Value b) {
    if (!bytearray_check(a)) {
        return CS_NOTIMPL_VAL;
    }
    ssize_t n;
    int r = str_repeat_count(ts, b, &n);
    if (r < 0) {
        return CS_ERR;
    }
    if (r == 0) {
        return exc_raise(ts, exc_TypeError, "can't multiply sequence by non-int of type '%T'", b);
    }
    ByteArrayObj *ba = as_bytearray(a);
    if (n <= 0 || ba->len == 0) {
        ba->len = 0;
        return a;
    }
    if ((size_t)n > (SIZE_MAX >> 1) / ba->len) {
        return exc_no_memory(ts);
    }
    size_t one = ba->len, total = one * (size_t)n;
    if (bytearray_reserve(ts, ba, total) < 0) {
        return CS_ERR;
    }
    for (size_t k = 1; k < (size_t)n; k++) {
        memcpy(ba->data + k * one, ba->data, one);
    }
    ba->len = total;
    return a;
}

// Frees the data buffer when the bytearray dies.
static void ba_finalize(Obj *o) {
    ByteArrayObj *b = (ByteArrayObj *)o;
    gc_xfree(NULL, b->data, b->cap);
    b->data = NULL;
}

// ---------------------------------------------------------------------------
// Iterators

typedef struct BytesIterObj {
    Obj hdr;
    Value seq; // CS_NONE once exhausted
    size_t pos;
} BytesIterObj;

// Iterators index the object on each step, so a bytearray that grows
// while iterated yields the new bytes, as in CPython.
static Value bytes_iter(ThreadState *ts, Value v) {
    TypeObj *t = bytearray_check(v) ? &type_bytearray_iterator : &type_bytes_iterator;
    BytesIterObj *it = gc_alloc(ts, t, sizeof(BytesIterObj));
    it->seq = v;
    it->pos = 0;
    return obj_val(it);
}

static Value bytes_iter_next(ThreadState *ts, Value self) {
    BytesIterObj *it = (BytesIterObj *)as_obj(self);
    if (it->seq == CS_NONE) {
        return CS_STOP;
    }
    const unsigned char *p;
    size_t n;
    bytes_data(it->seq, &p, &n);
    if (it->pos >= n) {
        it->seq = CS_NONE;
        return CS_STOP;
    }
    return small_int_val(p[it->pos++]);
}

static void bytes_iter_trace(Obj *o, GcState *gc) {
    gc_mark_value(gc, ((BytesIterObj *)o)->seq);
}

static Value iter_self(ThreadState *ts, Value self) {
    return self;
}

static Value bytes_iter_length_hint(ThreadState *ts, Value self, const Value *args, size_t nargs,
                                    TupleObj *kw) {
    BytesIterObj *it = (BytesIterObj *)as_obj(self);
    if (it->seq == CS_NONE) {
        return small_int_val(0);
    }
    const unsigned char *p;
    size_t n;
    bytes_data(it->seq, &p, &n);
    return small_int_val(it->pos < n ? (int64_t)(n - it->pos) : 0);
}

static const MethodDef bytes_iter_methods[] = {
    {"__length_hint__", bytes_iter_length_hint, 0, NULL},
    {NULL, NULL, 0, NULL},
};

TypeObj type_bytes_iterator = {
    .hdr = OBJ_HEADER_INIT(&type_type),
    .name = "bytes_iterator",
    .basicsize = sizeof(BytesIterObj),
    .flags = TYPE_ABSTRACT_NEW,
    .methods = bytes_iter_methods,
    .trace = bytes_iter_trace,
    .iter = iter_self,
    .iternext = bytes_iter_next,
};

TypeObj type_bytearray_iterator = {
    .hdr = OBJ_HEADER_INIT(&type_type),
    .name = "bytearray_iterator",
    .basicsize = sizeof(BytesIterObj),
    .flags = TYPE_ABSTRACT_NEW,
    .methods = bytes_iter_methods,
    .trace = bytes_iter_trace,
    .iter = iter_self,
    .iternext = bytes_iter_next,
};

// ---------------------------------------------------------------------------
// The types

TypeObj type_bytes = {
    .hdr = OBJ_HEADER_INIT(&type_type),
    .name = "bytes",
    .basicsize = sizeof(BytesObj),
    .flags = TYPE_BASETYPE | TYPE_BYTES_SUBCLASS | TYPE_VARSIZE,
    .methods = bytes_method_table,
    .tp_new = bytes_tp_new,
    .repr = bytes_repr,
    .str = bytes_str,
    .hash = bytes_hash,
    .richcompare = bytes_richcompare,
    .truthy = bytes_truthy,
    .iter = bytes_iter,
    .len = bytes_len,
    .getitem = bytes_subscript,
    .contains = bytes_contains,
    .binop = {[BINOP_ADD] = bytes_add, [BINOP_MUL] = bytes_mul, [BINOP_MOD] = bytes_mod},
};

TypeObj type_bytearray = {
    .hdr = OBJ_HEADER_INIT(&type_type),
    .name = "bytearray",
    .basicsize = sizeof(ByteArrayObj),
    .flags = TYPE_BASETYPE,
    .methods = bytearray_method_table,
    .finalize = ba_finalize,
    .tp_new = bytearray_tp_new,
    .tp_init = bytearray_tp_init,
    .repr = bytes_repr,
    .str = bytes_str,
    .hash = obj_unhashable,
    .richcompare = bytes_richcompare,
    .truthy = bytes_truthy,
    .iter = bytes_iter,
    .len = bytes_len,
    .getitem = bytes_subscript,
    .setitem = ba_setitem,
    .contains = bytes_contains,
    .binop = {[BINOP_ADD] = bytes_add, [BINOP_MUL] = bytes_mul, [BINOP_MOD] = bytes_mod},
    .inplace = {[BINOP_ADD] = ba_iadd, [BINOP_MUL] = ba_imul},
};
