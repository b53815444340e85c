// bytes (immutable) and bytearray (mutable) sequences of octets.
#ifndef CS_VM_BYTES_H
#define CS_VM_BYTES_H

#include "vm/object.h"

typedef struct BytesObj {
    Obj hdr;
    int64_t hash; // -1 until computed
    size_t len;
    unsigned char data[]; // NUL-terminated for convenience
} BytesObj;

typedef struct ByteArrayObj {
    Obj hdr;
    size_t len;
    size_t cap;
    unsigned char *data; // malloc'd
} ByteArrayObj;

static inline bool bytes_check(Value v) {
    return has_type_flag(v, TYPE_BYTES_SUBCLASS);
}
static inline BytesObj *as_bytes(Value v) {
    return (BytesObj *)as_obj(v);
}

extern TypeObj type_bytes_iterator, type_bytearray_iterator;

Value bytes_new(ThreadState *ts, const void *data, size_t len);
Value bytearray_new(ThreadState *ts, const void *data, size_t len);
Value bytes_repr(ThreadState *ts, Value b); // b'...' as CPython
// A view of the bytes of a bytes, bytearray (or memoryview later): 0, or -1
// with TypeError "a bytes-like object is required, not 'str'".
int bytes_view(ThreadState *ts, Value v, const unsigned char **data, size_t *len);
int bytearray_append(ThreadState *ts, ByteArrayObj *b, const void *data, size_t len);

// ---------------------------------------------------------------------------
// Additions (owned by the str/bytes engineer), shared by vm/bytes.c and
// vm/bytes_methods.c.

struct StrBuf;
extern const MethodDef bytes_method_table[], bytearray_method_table[];

static inline bool bytearray_check(Value v) {
    TypeObj *t = type_of(v);
    return t == &type_bytearray || type_is_subtype(t, &type_bytearray);
}
static inline ByteArrayObj *as_bytearray(Value v) {
    return (ByteArrayObj *)as_obj(v);
}
// bytes, bytearray or a subclass of either.
static inline bool bytes_like_check(Value v) {
    return bytes_check(v) || bytearray_check(v);
}
// The bytes of a bytes or bytearray (v must be one; see bytes_view otherwise).
static inline void bytes_data(Value v, const unsigned char **p, size_t *n) {
    if (bytearray_check(v)) {
        *p = as_bytearray(v)->data ? as_bytearray(v)->data : (const unsigned char *)"";
        *n = as_bytearray(v)->len;
    } else {
        *p = as_bytes(v)->data;
        *n = as_bytes(v)->len;
    }
}

// A new bytes or bytearray, whichever `like` is (never a subclass).
Value bytes_new_like(ThreadState *ts, Value like, const void *data, size_t len);
// `self` unchanged: itself for an exact bytes, else a copy of its kind.
Value bytes_same(ThreadState *ts, Value self);
// Room for `need` bytes in b: 0, or -1 with MemoryError.
int bytearray_reserve(ThreadState *ts, ByteArrayObj *b, size_t need);
// An int in range(256) (via __index__): 0, or -1 raised (ValueError `msg`).
int bytes_byte_value(ThreadState *ts, Value v, const char *msg, unsigned char *out);
// A search argument: bytes-like (its bytes) or an int (one byte, in *one).
int bytes_needle(ThreadState *ts, Value sub, unsigned char *one, const unsigned char **np,
                 size_t *nn);
// Appends the ints of an iterable (each in range(256)) to buf: 0 or -1.
int bytes_collect_ints(ThreadState *ts, Value iterable, struct StrBuf *buf, const char *range_msg);

#endif
