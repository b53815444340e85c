// dict: an insertion-ordered hash table (compact entries array + index
// table, as CPython's), used for instance and module namespaces as well.
#ifndef CS_VM_DICT_H
#define CS_VM_DICT_H

#include "vm/object.h"

typedef struct DictEntry {
    int64_t hash;
    Value key; // CS_UNBOUND: deleted entry
    Value value;
} DictEntry;

struct DictObj {
    Obj hdr;
    size_t used;       // live entries
    size_t nentries;   // entries[] slots in use (live or deleted)
    size_t cap;        // entries[] capacity
    DictEntry *entries; // in insertion order; index[] follows in the same block
    int32_t *index;    // -1 empty, -2 dummy, else entry number
    size_t index_size; // power of two
    uint64_t version;  // bumped on every change (inline caches)
    size_t usable;     // insertions left before a resize (CPython's dk_usable)
    // The smallest tables live in the object itself, so a small dict (an
    // instance's attributes) costs one allocation.
    DictEntry small_entries[5];
    int32_t small_index[8];
};

static inline bool dict_check(Value v) {
    return has_type_flag(v, TYPE_DICT_SUBCLASS);
}
static inline DictObj *as_dict(Value v) {
    return (DictObj *)as_obj(v);
}

Value dict_new(ThreadState *ts);
Value dict_new_sized(ThreadState *ts, size_t n);
// 1 found (*out set), 0 missing, -1 raised (unhashable key, __eq__ raised).
int dict_get(ThreadState *ts, DictObj *d, Value key, Value *out);
// Str-keyed lookups that cannot raise: compares str keys only.
bool dict_get_str(DictObj *d, StrObj *key, Value *out);
bool dict_get_cstr(DictObj *d, const char *key, Value *out);
int dict_set(ThreadState *ts, DictObj *d, Value key, Value value);   // -1 raised
int dict_set_str(ThreadState *ts, DictObj *d, StrObj *key, Value value);
int dict_set_cstr(ThreadState *ts, DictObj *d, const char *key, Value value);
// 1 deleted, 0 missing (nothing raised), -1 raised.
int dict_del(ThreadState *ts, DictObj *d, Value key);
// Iteration over live entries: start *pos at 0; false at the end.
bool dict_next(DictObj *d, size_t *pos, Value *key, Value *value);
Value dict_copy(ThreadState *ts, DictObj *d);
// d.update(other): a mapping (keys()/__getitem__) or an iterable of pairs.
int dict_update(ThreadState *ts, DictObj *d, Value other);
// {**other}: with override false, a duplicate key raises the caller's error
// (returns -2 with *dup_key set and nothing raised).
int dict_merge(ThreadState *ts, DictObj *d, Value other, bool override, Value *dup_key);
void dict_clear(DictObj *d);
Value dict_keys_list(ThreadState *ts, DictObj *d);

// set and frozenset share one table type. Iteration order follows CPython's
// set algorithm (so small ints iterate as CPython's do).
typedef struct SetEntry {
    int64_t hash;
    Value key; // CS_UNBOUND empty, CS_STOP dummy (deleted)
} SetEntry;

typedef struct SetObj {
    Obj hdr;
    size_t fill; // live + dummy
    size_t used; // live
    size_t mask; // table size - 1
    SetEntry *table; // malloc'd
    int64_t hash;    // frozenset hash cache, -1 until computed
    size_t finger;   // where set.pop() resumes its search
} SetObj;

static inline bool set_check(Value v) {
    return type_of(v) == &type_set || type_of(v) == &type_frozenset ||
           type_is_subtype(type_of(v), &type_set) || type_is_subtype(type_of(v), &type_frozenset);
}
static inline SetObj *as_set(Value v) {
    return (SetObj *)as_obj(v);
}

// iterable may be CS_UNBOUND for an empty set.
Value set_new(ThreadState *ts, Value iterable);
Value frozenset_new(ThreadState *ts, Value iterable);
int set_add(ThreadState *ts, SetObj *s, Value key);      // -1 raised
int set_contains(ThreadState *ts, SetObj *s, Value key); // 1/0, -1 raised
int set_discard(ThreadState *ts, SetObj *s, Value key);  // 1 removed, 0 missing, -1 raised
bool set_next(SetObj *s, size_t *pos, Value *key);
int set_update(ThreadState *ts, SetObj *s, Value iterable);
// s.difference_update(other) / s.symmetric_difference_update(other): -1 raised.
int set_difference_update(ThreadState *ts, SetObj *s, Value other);
int set_symmetric_difference_update(ThreadState *ts, SetObj *s, Value other);

// hash(key) with the fast paths the hash tables use (small int, exact str);
// -1 raised. Equal to obj_hash(ts, key).
int64_t dict_key_hash(ThreadState *ts, Value key);
// x in dict with a known hash: 1/0, -1 raised.
int dict_contains_hash(ThreadState *ts, DictObj *d, Value key, int64_t hash);

// The view, iterator and set-iterator types (vm/dict.c, vm/set.c).
extern TypeObj type_dict_keys, type_dict_values, type_dict_items, type_dict_keyiterator,
    type_dict_valueiterator, type_dict_itemiterator, type_dict_reversekeyiterator,
    type_dict_reversevalueiterator, type_dict_reverseitemiterator, type_set_iterator;

#endif
