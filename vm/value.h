// The value representation: every cs value is one 64-bit word (NaN-boxing).
//
// A word is either a double, stored as itself, or a tagged word whose top 16
// bits are one of the tags below (all of them lie in the negative quiet-NaN
// space, which no double uses once NaNs are canonicalised on boxing):
//
//   0xFFFC  heap object pointer in the low 48 bits (Obj *)
//   0xFFFD  small int, 48-bit two's complement in the low 48 bits
//   0xFFFE  immediate constants: None, False, True
//   0xFFFF  internal sentinels that never reach cs code: CS_ERR (an exception
//           is pending in the thread state), CS_UNBOUND (empty local, missing
//           argument, deleted slot), CS_STOP (an iterator is exhausted, no
//           exception set)
//
// Small ints and floats never touch the heap in arithmetic; ints outside the
// 48-bit range become BigIntObj (GMP) and the two forms never overlap: an int
// that fits the small range is always small (vm/int.c keeps that invariant),
// so equal ints compare equal word-for-word when small.
#ifndef CS_VM_VALUE_H
#define CS_VM_VALUE_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

typedef uint64_t Value;

#define CS_TAG_SHIFT 48
#define CS_TAG_PTR   0xFFFCull
#define CS_TAG_INT   0xFFFDull
#define CS_TAG_CONST 0xFFFEull
#define CS_TAG_SENT  0xFFFFull
#define CS_PAYLOAD   0x0000FFFFFFFFFFFFull

#define CS_MK(tag, payload) (((tag) << CS_TAG_SHIFT) | (uint64_t)(payload))

#define CS_NONE  CS_MK(CS_TAG_CONST, 0)
#define CS_FALSE CS_MK(CS_TAG_CONST, 2)
#define CS_TRUE  CS_MK(CS_TAG_CONST, 3)

#define CS_ERR     CS_MK(CS_TAG_SENT, 0) // an exception is pending in ts
#define CS_UNBOUND CS_MK(CS_TAG_SENT, 1) // no value (empty slot, NULL marker)
#define CS_STOP    CS_MK(CS_TAG_SENT, 2) // iterator exhausted, nothing pending

#define SMALL_INT_MIN (-(INT64_C(1) << 47))
#define SMALL_INT_MAX ((INT64_C(1) << 47) - 1)

struct Obj;

static inline uint64_t val_tag(Value v) {
    return v >> CS_TAG_SHIFT;
}

static inline bool is_obj(Value v) {
    return val_tag(v) == CS_TAG_PTR;
}

static inline bool is_small_int(Value v) {
    return val_tag(v) == CS_TAG_INT;
}

// True for a double (including inf and the canonical NaN).
static inline bool is_float(Value v) {
    return val_tag(v) < 0xFFF9ull;
}

static inline bool is_bool(Value v) {
    return (v | 1) == CS_TRUE;
}

static inline bool is_none(Value v) {
    return v == CS_NONE;
}

static inline struct Obj *as_obj(Value v) {
    return (struct Obj *)(uintptr_t)(v & CS_PAYLOAD);
}

static inline Value obj_val(const void *o) {
    return CS_MK(CS_TAG_PTR, (uintptr_t)o);
}

static inline int64_t as_small_int(Value v) {
    return ((int64_t)(v << 16)) >> 16;
}

// The caller guarantees SMALL_INT_MIN <= i <= SMALL_INT_MAX (see int_from_i64).
static inline Value small_int_val(int64_t i) {
    return CS_MK(CS_TAG_INT, (uint64_t)i & CS_PAYLOAD);
}

static inline bool small_int_fits(int64_t i) {
    return i >= SMALL_INT_MIN && i <= SMALL_INT_MAX;
}

static inline double as_float(Value v) {
    double d;
    memcpy(&d, &v, sizeof d);
    return d;
}

static inline Value float_val(double d) {
    Value v;
    if (d != d) {
        return 0x7FF8000000000000ull; // canonical quiet NaN
    }
    memcpy(&v, &d, sizeof v);
    return v;
}

static inline Value bool_val(bool b) {
    return b ? CS_TRUE : CS_FALSE;
}

#endif
