// list and tuple: the two array-backed sequences.
#ifndef CS_VM_LIST_H
#define CS_VM_LIST_H

#include "vm/object.h"

typedef struct ListObj {
    Obj hdr;
    size_t len;
    size_t cap;
    Value *items; // malloc'd
} ListObj;

struct TupleObj {
    Obj hdr;
    int64_t hash; // -1 until computed (only when every item is hashable)
    size_t len;
    Value items[];
};

static inline bool list_check(Value v) {
    return has_type_flag(v, TYPE_LIST_SUBCLASS);
}
static inline bool tuple_check(Value v) {
    return has_type_flag(v, TYPE_TUPLE_SUBCLASS);
}
static inline ListObj *as_list(Value v) {
    return (ListObj *)as_obj(v);
}
static inline TupleObj *as_tuple(Value v) {
    return (TupleObj *)as_obj(v);
}

// A list of n items, each CS_NONE (fill them before the list escapes).
Value list_new(ThreadState *ts, size_t n);
Value list_from_array(ThreadState *ts, const Value *items, size_t n);
int list_append(ThreadState *ts, ListObj *l, Value v); // -1: MemoryError
int list_insert(ThreadState *ts, ListObj *l, ssize_t i, Value v);
int list_extend(ThreadState *ts, ListObj *l, Value iterable);
// Stable sort (a merge sort / timsort); key CS_NONE for none. Calls back into
// cs for keys and comparisons; "list modified during sort" as CPython.
int list_sort(ThreadState *ts, ListObj *l, Value key, bool reverse);
void list_reverse(ListObj *l);
Value list_as_tuple(ThreadState *ts, ListObj *l);
void list_clear(ListObj *l);

// A tuple of n items, each CS_NONE (fill them before it escapes).
Value tuple_new(ThreadState *ts, size_t n);
Value tuple_from_array(ThreadState *ts, const Value *items, size_t n);
Value tuple_pack(ThreadState *ts, size_t n, ...); // n Values
Value tuple_empty(ThreadState *ts);

// The list, tuple and iterator types (vm/list.c, vm/tuple.c).
extern TypeObj type_list_iterator, type_list_reverseiterator, type_tuple_iterator;

// Shared sequence helpers (vm/range.c): normalise an index (negative counts from the end);
// -1 with IndexError "<what> index out of range" when outside.
int seq_index(ThreadState *ts, Value key, size_t len, const char *what, size_t *out);
// repr of a sequence with the given brackets, guarding against recursion ("[...]").
Value seq_repr(ThreadState *ts, Value self, const Value *items, size_t n, const char *open,
               const char *close);

// RecursionError "maximum recursion depth exceeded<where>" when the C stack
// is nearly full (deeply nested containers compared or hashed); else 0.
int seq_check_stack(ThreadState *ts, const char *where);

// True when v is an int or has __index__ (what sequences accept as an index).
bool seq_is_index(Value v);

// The repr recursion guard used by list, tuple, dict, set and their views:
// a bit in hdr.aux marks an object whose repr is being built. enter returns
// false when self is already being repr'd (print "[...]"); otherwise leave
// must follow. Never raises.
#define OBJ_AUX_REPR_BUSY (1u << 31)
bool seq_repr_enter(Value self);
void seq_repr_leave(Value self);

#endif
