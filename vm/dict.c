// dict: CPython's compact ordered hash table (an entries array in insertion
// order plus an int32 index table probed with perturbation), the
// dict_keys/dict_values/dict_items views with their set operations, and the
// forward and reverse iterators. Sets live in vm/set.c.
//
// Invariants: every index slot is EMPTY, DUMMY or the number of a live
// entry; live + dummy slots never exceed 2/3 of the table (`usable` counts
// the insertions left), so a probe always reaches an EMPTY slot. A user
// __eq__ may change the table under a lookup: the lookup then restarts, as
// CPython's does.
#include "vm/dict.h"

#include <stdint.h>
#include <stdlib.h>

#include "vm/exc.h"
#include "vm/func.h"
#include "vm/gc.h"
#include "vm/int.h"
#include "vm/list.h"
#include "vm/names.h"
#include "vm/state.h"
#include "vm/str.h"
#include "vm/typeobj.h"

#define DKIX_EMPTY    (-1)
#define DKIX_DUMMY    (-2)
#define DKIX_ERROR    (-3)
#define PERTURB_SHIFT 5
#define DICT_MINSIZE  8
#define USABLE(n)     (((n) << 1) / 3)

typedef struct DictViewObj {
    Obj hdr;
    DictObj *dict;
} DictViewObj;

typedef struct DictIterObj {
    Obj hdr;
    DictObj *dict;    // NULL once exhausted
    ssize_t pos;      // next entry to look at
    size_t used;      // the dict's size when iteration began (SIZE_MAX: failed)
    size_t remaining; // entries not yet produced
} DictIterObj;

static Value dict_iter(ThreadState *ts, Value self);

// ---------------------------------------------------------------------------
// Hashing and key comparison

int64_t dict_key_hash(ThreadState *ts, Value key) {
    if (is_small_int(key)) {
        int64_t h = as_small_int(key);
        return h == -1 ? -2 : h;
    }
    if (is_type_exact(key, &type_str)) {
        StrObj *s = as_str(key);
        return s->hash != -1 ? s->hash : str_hash(s);
    }
    return obj_hash(ts, key);
}

static bool str_same(const StrObj *a, const StrObj *b) {
    return a->len == b->len && memcmp(a->data, b->data, a->len) == 0;
}

// Does live entry e (whose hash equals key's) hold key? 1 yes, 0 no, -1
// raised, 2 the table changed during a user __eq__ (restart the probe).
static int entry_eq(ThreadState *ts, DictObj *d, DictEntry *e, Value key) {
    Value k = e->key;
    if (k == key) {
        return 1;
    }
    if (is_type_exact(k, &type_str) && is_type_exact(key, &type_str)) {
        return str_same(as_str(k), as_str(key));
    }
    if (is_small_int(k) && is_small_int(key)) {
        return 0;
    }
    DictEntry *entries = d->entries;
    size_t mark = gc_temp_mark(ts);
    gc_temp_push(ts, k);
    gc_temp_push(ts, key);
    int eq = obj_eq(ts, k, key);
    gc_temp_reset(ts, mark);
    if (eq < 0) {
        return -1;
    }
    if (d->entries != entries || e->key != k) {
        return 2;
    }
    return eq;
}

// The entry number of key (>= 0) or DKIX_EMPTY; DKIX_ERROR raised. *slot
// receives the index-table slot of a found key.
static ssize_t lookup(ThreadState *ts, DictObj *d, Value key, int64_t hash, size_t *slot) {
restart:
    if (!d->index) {
        return DKIX_EMPTY;
    }
    size_t mask = d->index_size - 1, perturb = (size_t)hash, i = (size_t)hash & mask;
    for (;;) {
        int32_t ix = d->index[i];
        if (ix == DKIX_EMPTY) {
            return DKIX_EMPTY;
        }
        if (ix >= 0) {
            DictEntry *e = &d->entries[ix];
            if (e->key == key) {
                *slot = i;
                return ix;
            }
            if (e->hash == hash) {
                int r = entry_eq(ts, d, e, key);
                if (r < 0) {
                    return DKIX_ERROR;
                }
                if (r == 2) {
                    goto restart;
                }
                if (r) {
                    *slot = i;
                    return ix;
                }
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

// The first EMPTY or DUMMY slot on hash's probe sequence.
static size_t empty_slot(const int32_t *index, size_t mask, int64_t hash) {
    size_t perturb = (size_t)hash, i = (size_t)hash & mask;
    while (index[i] >= 0) {
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
    return i;
}

// The slot whose index entry is ix (a live entry with that hash).
static size_t slot_of(const DictObj *d, int64_t hash, ssize_t ix) {
    size_t mask = d->index_size - 1, perturb = (size_t)hash, i = (size_t)hash & mask;
    while (d->index[i] != ix) {
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
    return i;
}

// ---------------------------------------------------------------------------
// Storage

static size_t size_for(size_t minsize) {
    size_t s = DICT_MINSIZE;
    while (s < minsize) {
        s <<= 1;
    }
    return s;
}

// An index size whose usable part holds n entries.
static size_t size_for_entries(size_t n) {
    return size_for((n * 3 + 1) / 2 + 1);
}

// Tables for `size` index slots: the dict's inline ones when they fit and
// are free, else one block holding the entries followed by the index.
static int alloc_tables(ThreadState *ts, DictObj *d, size_t size, int32_t **index,
                        DictEntry **entries) {
    size_t cap = USABLE(size);
    if (size == DICT_MINSIZE && d->entries != d->small_entries) {
        *entries = d->small_entries;
        *index = d->small_index;
        return 0;
    }
    char *block = gc_xmalloc(ts, cap * sizeof(DictEntry) + size * sizeof(int32_t));
    if (!block) {
        return -1;
    }
    *entries = (DictEntry *)block;
    *index = (int32_t *)(block + cap * sizeof(DictEntry));
    return 0;
}

static void free_tables(DictObj *d, DictEntry *entries) {
    if (entries != d->small_entries) {
        gc_xfree(NULL, entries, 0);
    }
}

// Rebuilds the tables with `newsize` index slots, dropping deleted entries.
// Allocation may collect; the dict stays consistent until the switch.
static int resize(ThreadState *ts, DictObj *d, size_t newsize) {
    size_t cap = USABLE(newsize);
    int32_t *index;
    DictEntry *entries;
    if (alloc_tables(ts, d, newsize, &index, &entries) < 0) {
        return -1;
    }
    memset(index, 0xff, newsize * sizeof(int32_t));
    size_t n = 0;
    for (size_t k = 0; k < d->nentries; k++) {
        DictEntry *e = &d->entries[k];
        if (e->key == CS_UNBOUND) {
            continue;
        }
        entries[n] = *e;
        index[empty_slot(index, newsize - 1, e->hash)] = (int32_t)n;
        n++;
    }
    free_tables(d, d->entries);
    d->index = index;
    d->index_size = newsize;
    d->entries = entries;
    d->cap = cap;
    d->nentries = n;
    d->usable = cap - n;
    return 0;
}

static int grow(ThreadState *ts, DictObj *d) {
    return resize(ts, d, size_for(d->used * 3));
}

// Appends an entry known to be absent; room must exist (usable > 0).
static void insert_clean(DictObj *d, Value key, int64_t hash, Value value) {
    size_t ix = d->nentries++;
    d->entries[ix] = (DictEntry){hash, key, value};
    d->index[empty_slot(d->index, d->index_size - 1, hash)] = (int32_t)ix;
    d->used++;
    d->usable--;
    d->version++;
}

// d[key] = value with key's hash known. key and value must be reachable.
static int insert(ThreadState *ts, DictObj *d, Value key, int64_t hash, Value value) {
    size_t slot;
    ssize_t ix = lookup(ts, d, key, hash, &slot);
    if (ix == DKIX_ERROR) {
        return -1;
    }
    if (ix >= 0) {
        d->entries[ix].value = value;
        d->version++;
        return 0;
    }
    if (d->usable == 0 && grow(ts, d) < 0) {
        return -1;
    }
    insert_clean(d, key, hash, value);
    return 0;
}

static void delete_at(DictObj *d, size_t slot, ssize_t ix) {
    d->index[slot] = DKIX_DUMMY;
    d->entries[ix].key = CS_UNBOUND;
    d->entries[ix].value = CS_UNBOUND;
    d->used--;
    d->version++;
}

static void dict_trace(Obj *o, GcState *gc) {
    DictObj *d = (DictObj *)o;
    for (size_t i = 0; i < d->nentries; i++) {
        gc_mark_value(gc, d->entries[i].key);
        gc_mark_value(gc, d->entries[i].value);
    }
}

static void dict_finalize(Obj *o) {
    DictObj *d = (DictObj *)o;
    free_tables(d, d->entries);
    d->index = NULL;
    d->entries = NULL;
    d->used = d->nentries = d->cap = d->index_size = d->usable = 0;
}

// ---------------------------------------------------------------------------
// The C API (vm/dict.h)

Value dict_new(ThreadState *ts) {
    DictObj *d = gc_alloc(ts, &type_dict, sizeof(DictObj));
    return obj_val(d);
}

Value dict_new_sized(ThreadState *ts, size_t n) {
    Value v = dict_new(ts);
    if (n > USABLE(DICT_MINSIZE) && resize(ts, as_dict(v), size_for_entries(n)) < 0) {
        return CS_ERR;
    }
    return v;
}

int dict_get(ThreadState *ts, DictObj *d, Value key, Value *out) {
    int64_t hash = dict_key_hash(ts, key);
    if (hash == -1) {
        return -1;
    }
    size_t slot;
    ssize_t ix = lookup(ts, d, key, hash, &slot);
    if (ix == DKIX_ERROR) {
        return -1;
    }
    if (ix < 0) {
        return 0;
    }
    if (out) {
        *out = d->entries[ix].value;
    }
    return 1;
}

int dict_contains_hash(ThreadState *ts, DictObj *d, Value key, int64_t hash) {
    size_t slot;
    ssize_t ix = lookup(ts, d, key, hash, &slot);
    return ix == DKIX_ERROR ? -1 : ix >= 0;
}

bool dict_get_str(DictObj *d, StrObj *key, Value *out) {
    if (!d->index) {
        return false;
    }
    int64_t hash = key->hash != -1 ? key->hash : str_hash(key);
    Value kv = obj_val(key);
    size_t mask = d->index_size - 1, perturb = (size_t)hash, i = (size_t)hash & mask;
    for (;;) {
        int32_t ix = d->index[i];
        if (ix == DKIX_EMPTY) {
            return false;
        }
        if (ix >= 0) {
            DictEntry *e = &d->entries[ix];
            if (e->key == kv ||
                (e->hash == hash && str_check(e->key) && str_same(as_str(e->key), key))) {
                if (out) {
                    *out = e->value;
                }
                return true;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

// Probes for a str key given as bytes with their str hash; never raises.
static bool get_text(DictObj *d, const char *text, size_t len, int64_t hash, Value *out) {
    if (!d->index) {
        return false;
    }
    size_t mask = d->index_size - 1, perturb = (size_t)hash, i = (size_t)hash & mask;
    for (;;) {
        int32_t ix = d->index[i];
        if (ix == DKIX_EMPTY) {
            return false;
        }
        if (ix >= 0) {
            DictEntry *e = &d->entries[ix];
            if (e->hash == hash && str_check(e->key) && as_str(e->key)->len == len &&
                memcmp(as_str(e->key)->data, text, len) == 0) {
                if (out) {
                    *out = e->value;
                }
                return true;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

bool dict_get_cstr(DictObj *d, const char *key, Value *out) {
    size_t len = strlen(key);
    return get_text(d, key, len, str_hash_bytes(key, len), out);
}

int dict_set(ThreadState *ts, DictObj *d, Value key, Value value) {
    int64_t hash = dict_key_hash(ts, key);
    if (hash == -1) {
        return -1;
    }
    return insert(ts, d, key, hash, value);
}

int dict_set_str(ThreadState *ts, DictObj *d, StrObj *key, Value value) {
    int64_t hash = key->hash != -1 ? key->hash : str_hash(key);
    return insert(ts, d, obj_val(key), hash, value);
}

int dict_set_cstr(ThreadState *ts, DictObj *d, const char *key, Value value) {
    Value k = ts->interp->interned ? str_intern_cstr(ts, key) : str_from_cstr(ts, key);
    if (k == CS_ERR) {
        return -1;
    }
    return dict_set(ts, d, k, value);
}

int dict_del(ThreadState *ts, DictObj *d, Value key) {
    int64_t hash = dict_key_hash(ts, key);
    if (hash == -1) {
        return -1;
    }
    size_t slot;
    ssize_t ix = lookup(ts, d, key, hash, &slot);
    if (ix == DKIX_ERROR) {
        return -1;
    }
    if (ix < 0) {
        return 0;
    }
    delete_at(d, slot, ix);
    return 1;
}

bool dict_next(DictObj *d, size_t *pos, Value *key, Value *value) {
    while (*pos < d->nentries) {
        DictEntry *e = &d->entries[(*pos)++];
        if (e->key != CS_UNBOUND) {
            if (key) {
                *key = e->key;
            }
            if (value) {
                *value = e->value;
            }
            return true;
        }
    }
    return false;
}

Value dict_copy(ThreadState *ts, DictObj *d) {
    Value r = dict_new(ts);
    DictObj *c = as_dict(r);
    if (d->used == 0) {
        return r;
    }
    if (d->used == d->nentries) {
        // Compact: the tables can be copied as they stand.
        int32_t *index;
        DictEntry *entries;
        if (alloc_tables(ts, c, d->index_size, &index, &entries) < 0) {
            return CS_ERR;
        }
        memcpy(index, d->index, d->index_size * sizeof(int32_t));
        memcpy(entries, d->entries, d->nentries * sizeof(DictEntry));
        c->index = index;
        c->entries = entries;
        c->index_size = d->index_size;
        c->cap = d->cap;
        c->nentries = d->nentries;
        c->used = d->used;
        c->usable = d->usable;
        return r;
    }
    if (resize(ts, c, size_for_entries(d->used)) < 0) {
        return CS_ERR;
    }
    for (size_t i = 0; i < d->nentries; i++) {
        DictEntry *e = &d->entries[i];
        if (e->key != CS_UNBOUND) {
            insert_clean(c, e->key, e->hash, e->value);
        }
    }
    return r;
}

void dict_clear(DictObj *d) {
    DictEntry *entries = d->entries;
    d->index = NULL;
    d->entries = NULL;
    d->used = d->nentries = d->cap = d->index_size = d->usable = 0;
    d->version++;
    free_tables(d, entries);
}

Value dict_keys_list(ThreadState *ts, DictObj *d) {
    Value l = list_new(ts, d->used);
    if (l == CS_ERR) {
        return CS_ERR;
    }
    size_t pos = 0, i = 0;
    Value k;
    while (i < as_list(l)->len && dict_next(d, &pos, &k, NULL)) {
        as_list(l)->items[i++] = k;
    }
    return l;
}

// ---------------------------------------------------------------------------
// Merging: dict.update, dict(...), {**m}

// Copies the entries of dict b into a. Without override an existing key stops
// the merge: -2 with *dup_key set, nothing raised.
static int merge_dict(ThreadState *ts, DictObj *a, DictObj *b, bool override, Value *dup_key) {
    if (a == b || b->used == 0) {
        return 0;
    }
    if (a->usable < b->used && resize(ts, a, size_for_entries(a->used + b->used)) < 0) {
        return -1;
    }
    size_t n = b->nentries;
    for (size_t i = 0; i < b->nentries; i++) {
        DictEntry *e = &b->entries[i];
        if (e->key == CS_UNBOUND) {
            continue;
        }
        Value k = e->key, v = e->value;
        int64_t h = e->hash;
        size_t mark = gc_temp_mark(ts);
        gc_temp_push(ts, k);
        gc_temp_push(ts, v);
        if (!override) {
            int has = dict_contains_hash(ts, a, k, h);
            if (has < 0) {
                return -1;
            }
            if (has) {
                *dup_key = k;
                return -2;
            }
        }
        if (insert(ts, a, k, h, v) < 0) {
            return -1;
        }
        gc_temp_reset(ts, mark);
        if (b->nentries != n) {
            return exc_raise_int(ts, exc_RuntimeError, "dict mutated during update");
        }
    }
    return 0;
}

// The same for any mapping: for k in m.keys(): a[k] = m[k].
static int merge_mapping(ThreadState *ts, DictObj *a, Value m, Value keys_fn, bool override,
                         Value *dup_key) {
    Value keys = obj_call0(ts, keys_fn);
    if (keys == CS_ERR) {
        return -1;
    }
    gc_temp_push(ts, keys);
    Value it = obj_iter(ts, keys);
    if (it == CS_ERR) {
        return -1;
    }
    size_t mark = gc_temp_mark(ts);
    for (;;) {
        gc_temp_reset(ts, mark);
        Value k = obj_next(ts, it);
        if (k == CS_STOP) {
            return 0;
        }
        if (k == CS_ERR) {
            return -1;
        }
        gc_temp_push(ts, k);
        if (!override) {
            int has = dict_get(ts, a, k, NULL);
            if (has < 0) {
                return -1;
            }
            if (has) {
                *dup_key = k;
                return -2;
            }
        }
        Value v = obj_getitem(ts, m, k);
        if (v == CS_ERR) {
            return -1;
        }
        gc_temp_push(ts, v);
        if (dict_set(ts, a, k, v) < 0) {
            return -1;
        }
    }
}

// The items of a (key, value) pair as a list or tuple, with CPython's errors.
static Value pair_items(ThreadState *ts, Value item, size_t i) {
    if (is_type_exact(item, &type_tuple) || is_type_exact(item, &type_list)) {
        return item;
    }
    Value it = obj_iter(ts, item);
    if (it == CS_ERR) {
        if (exc_matches(ts, exc_TypeError)) {
            exc_clear(ts);
            exc_raise(ts, exc_TypeError,
                      "cannot convert dictionary update sequence element #%zu to a sequence", i);
        }
        return CS_ERR;
    }
    Value l = list_new(ts, 0);
    if (l == CS_ERR || list_extend(ts, as_list(l), it) < 0) {
        return CS_ERR;
    }
    return l;
}

// d.update(iterable of pairs).
static int merge_seq2(ThreadState *ts, DictObj *d, Value seq) {
    Value it = obj_iter(ts, seq);
    if (it == CS_ERR) {
        return -1;
    }
    size_t mark = gc_temp_mark(ts);
    for (size_t i = 0;; i++) {
        gc_temp_reset(ts, mark);
        Value item = obj_next(ts, it);
        if (item == CS_STOP) {
            return 0;
        }
        if (item == CS_ERR) {
            return -1;
        }
        gc_temp_push(ts, item);
        Value pair = pair_items(ts, item, i);
        if (pair == CS_ERR) {
            return -1;
        }
        size_t n = list_check(pair) ? as_list(pair)->len : as_tuple(pair)->len;
        if (n != 2) {
            return exc_raise_int(ts, exc_ValueError,
                                 "dictionary update sequence element #%zu has length %zu; 2 is "
                                 "required",
                                 i, n);
        }
        const Value *kv = list_check(pair) ? as_list(pair)->items : as_tuple(pair)->items;
        Value k = kv[0], v = kv[1];
        gc_temp_push(ts, k);
        gc_temp_push(ts, v);
        if (dict_set(ts, d, k, v) < 0) {
            return -1;
        }
    }
}

static bool is_plain_dict(Value v) {
    return dict_check(v) && type_of(v)->iter == dict_iter;
}

int dict_update(ThreadState *ts, DictObj *d, Value other) {
    if (is_plain_dict(other)) {
        return merge_dict(ts, d, as_dict(other), true, NULL);
    }
    Value keys_fn = obj_lookup_attr(ts, other, STR_NAME(ts, keys));
    if (keys_fn == CS_ERR) {
        return -1;
    }
    if (keys_fn != CS_UNBOUND) {
        gc_temp_push(ts, keys_fn);
        return merge_mapping(ts, d, other, keys_fn, true, NULL);
    }
    return merge_seq2(ts, d, other);
}

int dict_merge(ThreadState *ts, DictObj *d, Value other, bool override, Value *dup_key) {
    if (is_plain_dict(other)) {
        return merge_dict(ts, d, as_dict(other), override, dup_key);
    }
    Value keys_fn = obj_lookup_attr(ts, other, STR_NAME(ts, keys));
    if (keys_fn == CS_ERR) {
        return -1;
    }
    if (keys_fn == CS_UNBOUND) {
        return exc_raise_int(ts, exc_TypeError, "'%T' object is not a mapping", other);
    }
    gc_temp_push(ts, keys_fn);
    return merge_mapping(ts, d, other, keys_fn, override, dup_key);
}

// dict(*args, **kwargs) and d.update(*args, **kwargs).
static int update_common(ThreadState *ts, DictObj *d, const Value *args, size_t nargs,
                         TupleObj *kwnames, const char *fname) {
    if (arg_count(ts, fname, nargs, 0, 1) < 0) {
        return -1;
    }
    if (nargs && dict_update(ts, d, args[0]) < 0) {
        return -1;
    }
    size_t nkw = kwnames ? kwnames->len : 0;
    for (size_t i = 0; i < nkw; i++) {
        if (dict_set(ts, d, kwnames->items[i], args[nargs + i]) < 0) {
            return -1;
        }
    }
    return 0;
}

// ---------------------------------------------------------------------------
// The dict type: construction, repr, comparison, mapping protocol

static Value dict_tp_new(ThreadState *ts, TypeObj *type, const Value *args, size_t nargs,
                         TupleObj *kwnames) {
    DictObj *d = gc_alloc(ts, type, type->basicsize);
    return obj_val(d);
}

static int dict_tp_init(ThreadState *ts, Value self, const Value *args, size_t nargs,
                        TupleObj *kwnames) {
    return update_common(ts, as_dict(self), args, nargs, kwnames, "dict");
}

// Appends "k: v"; the entry is re-read by the caller on every step because
// a __repr__ may change the dict.
static int append_pair(ThreadState *ts, StrBuf *b, Value k, Value v) {
    size_t mark = gc_temp_mark(ts);
    gc_temp_push(ts, k);
    gc_temp_push(ts, v);
    int rc = str_buf_append_repr(ts, b, k);
    if (rc == 0) {
        str_buf_append(b, ": ", 2);
        rc = str_buf_append_repr(ts, b, v);
    }
    gc_temp_reset(ts, mark);
    return rc;
}

static Value dict_repr(ThreadState *ts, Value self) {
    DictObj *d = as_dict(self);
    if (d->used == 0) {
        return str_from_cstr(ts, "{}");
    }
    if (!seq_repr_enter(self)) {
        return str_from_cstr(ts, "{...}");
    }
    StrBuf b;
    str_buf_init(&b);
    str_buf_append_char(&b, '{');
    bool first = true;
    for (size_t i = 0; i < d->nentries; i++) {
        DictEntry *e = &d->entries[i];
        if (e->key == CS_UNBOUND) {
            continue;
        }
        if (!first) {
            str_buf_append(&b, ", ", 2);
        }
        first = false;
        if (append_pair(ts, &b, e->key, e->value) < 0) {
            seq_repr_leave(self);
            str_buf_free(&b);
            return CS_ERR;
        }
    }
    seq_repr_leave(self);
    str_buf_append_char(&b, '}');
    return str_buf_finish(ts, &b);
}

// a == b for dicts: same size and every key of a maps to an equal value in b.
static int dict_equal(ThreadState *ts, DictObj *a, DictObj *b) {
    if (a->used != b->used) {
        return 0;
    }
    for (size_t i = 0; i < a->nentries; i++) {
        DictEntry *e = &a->entries[i];
        if (e->key == CS_UNBOUND) {
            continue;
        }
        Value k = e->key, av = e->value;
        size_t mark = gc_temp_mark(ts);
        gc_temp_push(ts, k);
        gc_temp_push(ts, av);
        size_t slot;
        ssize_t ix = lookup(ts, b, k, e->hash, &slot);
        if (ix == DKIX_ERROR) {
            return -1;
        }
        if (ix < 0) {
            return 0;
        }
        Value bv = b->entries[ix].value;
        gc_temp_push(ts, bv);
        int eq = av == bv ? 1 : obj_eq(ts, av, bv);
        gc_temp_reset(ts, mark);
        if (eq <= 0) {
            return eq;
        }
    }
    return 1;
}

static Value dict_richcompare(ThreadState *ts, Value a, Value b, CmpOp op) {
    if (!dict_check(a) || !dict_check(b) || (op != CMP_EQ && op != CMP_NE)) {
        return CS_NOTIMPL_VAL;
    }
    if (seq_check_stack(ts, " in comparison") < 0) {
        return CS_ERR;
    }
    int eq = dict_equal(ts, as_dict(a), as_dict(b));
    if (eq < 0) {
        return CS_ERR;
    }
    return bool_val(op == CMP_EQ ? eq : !eq);
}

static ssize_t dict_len(ThreadState *ts, Value self) {
    return (ssize_t)as_dict(self)->used;
}

static int dict_contains(ThreadState *ts, Value self, Value key) {
    return dict_get(ts, as_dict(self), key, NULL);
}

// A subclass's __missing__(self, key), bound as a special method lookup.
static Value call_missing(ThreadState *ts, Value missing, Value self, Value key) {
    TypeObj *mt = type_of(missing);
    if (mt == &type_function) {
        return obj_call2(ts, missing, self, key);
    }
    if (mt->descr_get) {
        Value bound = mt->descr_get(ts, missing, self, type_of(self));
        if (bound == CS_ERR) {
            return CS_ERR;
        }
        return obj_call1(ts, bound, key);
    }
    return obj_call1(ts, missing, key);
}

static Value dict_getitem(ThreadState *ts, Value self, Value key) {
    Value v;
    int r = dict_get(ts, as_dict(self), key, &v);
    if (r < 0) {
        return CS_ERR;
    }
    if (r) {
        return v;
    }
    if (!is_type_exact(self, &type_dict)) {
        Value missing = type_lookup(type_of(self), STR_NAME(ts, __missing__));
        if (missing != CS_UNBOUND) {
            return call_missing(ts, missing, self, key);
        }
    }
    return exc_raise_args(ts, exc_KeyError, &key, 1);
}

static int dict_setitem(ThreadState *ts, Value self, Value key, Value value) {
    if (value != CS_UNBOUND) {
        return dict_set(ts, as_dict(self), key, value);
    }
    int r = dict_del(ts, as_dict(self), key);
    if (r == 0) {
        exc_raise_args(ts, exc_KeyError, &key, 1);
        return -1;
    }
    return r < 0 ? -1 : 0;
}

static Value dict_or(ThreadState *ts, Value a, Value b) {
    if (!dict_check(a) || !dict_check(b)) {
        return CS_NOTIMPL_VAL;
    }
    Value r = dict_copy(ts, as_dict(a));
    if (r == CS_ERR || dict_update(ts, as_dict(r), b) < 0) {
        return CS_ERR;
    }
    return r;
}

static Value dict_ior(ThreadState *ts, Value a, Value b) {
    if (!dict_check(a)) {
        return CS_NOTIMPL_VAL;
    }
    if (dict_update(ts, as_dict(a), b) < 0) {
        return CS_ERR;
    }
    return a;
}

// ---------------------------------------------------------------------------
// Iterators

static Value make_iter(ThreadState *ts, TypeObj *type, DictObj *d, bool reversed) {
    DictIterObj *it = gc_alloc(ts, type, sizeof(DictIterObj));
    it->dict = d;
    it->used = d->used;
    it->remaining = d->used;
    it->pos = reversed ? (ssize_t)d->nentries - 1 : 0;
    return obj_val(it);
}

static Value dict_iter(ThreadState *ts, Value self) {
    return make_iter(ts, &type_dict_keyiterator, as_dict(self), false);
}

static void dictiter_trace(Obj *o, GcState *gc) {
    gc_mark_obj(gc, (Obj *)((DictIterObj *)o)->dict);
}

static Value iter_self(ThreadState *ts, Value self) {
    return self;
}

// What an iterator of this type yields for entry e.
static Value iter_yield(ThreadState *ts, TypeObj *t, DictEntry *e) {
    if (t == &type_dict_keyiterator || t == &type_dict_reversekeyiterator) {
        return e->key;
    }
    if (t == &type_dict_valueiterator || t == &type_dict_reversevalueiterator) {
        return e->value;
    }
    return tuple_pack(ts, 2, e->key, e->value);
}

// Checks the dict did not change size; raises and poisons the iterator if so.
static bool iter_size_ok(ThreadState *ts, DictIterObj *it) {
    if (it->used == it->dict->used) {
        return true;
    }
    it->used = SIZE_MAX;
    exc_raise(ts, exc_RuntimeError, "dictionary changed size during iteration");
    return false;
}

static Value iter_found(ThreadState *ts, Value self, DictIterObj *it, ssize_t i) {
    if (it->remaining == 0) {
        it->dict = NULL;
        return exc_raise(ts, exc_RuntimeError, "dictionary keys changed during iteration");
    }
    it->remaining--;
    return iter_yield(ts, type_of(self), &it->dict->entries[i]);
}

static Value dictiter_next(ThreadState *ts, Value self) {
    DictIterObj *it = (DictIterObj *)as_obj(self);
    DictObj *d = it->dict;
    if (!d) {
        return CS_STOP;
    }
    if (!iter_size_ok(ts, it)) {
        return CS_ERR;
    }
    ssize_t i = it->pos;
    while ((size_t)i < d->nentries && d->entries[i].key == CS_UNBOUND) {
        i++;
    }
    if ((size_t)i >= d->nentries) {
        it->dict = NULL;
        return CS_STOP;
    }
    it->pos = i + 1;
    return iter_found(ts, self, it, i);
}

static Value dictreviter_next(ThreadState *ts, Value self) {
    DictIterObj *it = (DictIterObj *)as_obj(self);
    DictObj *d = it->dict;
    if (!d) {
        return CS_STOP;
    }
    if (!iter_size_ok(ts, it)) {
        return CS_ERR;
    }
    ssize_t i = it->pos;
    if (i >= (ssize_t)d->nentries) {
        i = (ssize_t)d->nentries - 1;
    }
    while (i >= 0 && d->entries[i].key == CS_UNBOUND) {
        i--;
    }
    if (i < 0) {
        it->dict = NULL;
        return CS_STOP;
    }
    it->pos = i - 1;
    return iter_found(ts, self, it, i);
}

static Value dictiter_length_hint(ThreadState *ts, Value self, const Value *args, size_t nargs,
                                  TupleObj *kwnames) {
    DictIterObj *it = (DictIterObj *)as_obj(self);
    size_t n = it->dict && it->used == it->dict->used ? it->remaining : 0;
    return int_from_i64(ts, (int64_t)n);
}

// ---------------------------------------------------------------------------
// dict methods

static Value make_view(ThreadState *ts, TypeObj *type, Value d) {
    DictViewObj *v = gc_alloc(ts, type, sizeof(DictViewObj));
    v->dict = as_dict(d);
    return obj_val(v);
}

static Value meth_keys(ThreadState *ts, Value self, const Value *args, size_t nargs,
                       TupleObj *kwnames) {
    if (arg_count(ts, "dict.keys", nargs, 0, 0) < 0) {
        return CS_ERR;
    }
    return make_view(ts, &type_dict_keys, self);
}

static Value meth_values(ThreadState *ts, Value self, const Value *args, size_t nargs,
                         TupleObj *kwnames) {
    if (arg_count(ts, "dict.values", nargs, 0, 0) < 0) {
        return CS_ERR;
    }
    return make_view(ts, &type_dict_values, self);
}

static Value meth_items(ThreadState *ts, Value self, const Value *args, size_t nargs,
                        TupleObj *kwnames) {
    if (arg_count(ts, "dict.items", nargs, 0, 0) < 0) {
        return CS_ERR;
    }
    return make_view(ts, &type_dict_items, self);
}

static Value meth_get(ThreadState *ts, Value self, const Value *args, size_t nargs,
                      TupleObj *kwnames) {
    if (arg_count(ts, "get", nargs, 1, 2) < 0) {
        return CS_ERR;
    }
    Value v;
    int r = dict_get(ts, as_dict(self), args[0], &v);
    if (r < 0) {
        return CS_ERR;
    }
    return r ? v : (nargs == 2 ? args[1] : CS_NONE);
}

static Value meth_setdefault(ThreadState *ts, Value self, const Value *args, size_t nargs,
                             TupleObj *kwnames) {
    if (arg_count(ts, "setdefault", nargs, 1, 2) < 0) {
        return CS_ERR;
    }
    DictObj *d = as_dict(self);
    Value key = args[0], dflt = nargs == 2 ? args[1] : CS_NONE;
    int64_t hash = dict_key_hash(ts, key);
    if (hash == -1) {
        return CS_ERR;
    }
    size_t slot;
    ssize_t ix = lookup(ts, d, key, hash, &slot);
    if (ix == DKIX_ERROR) {
        return CS_ERR;
    }
    if (ix >= 0) {
        return d->entries[ix].value;
    }
    if (d->usable == 0 && grow(ts, d) < 0) {
        return CS_ERR;
    }
    insert_clean(d, key, hash, dflt);
    return dflt;
}

static Value meth_pop(ThreadState *ts, Value self, const Value *args, size_t nargs,
                      TupleObj *kwnames) {
    if (arg_count(ts, "pop", nargs, 1, 2) < 0) {
        return CS_ERR;
    }
    DictObj *d = as_dict(self);
    Value key = args[0];
    int64_t hash = dict_key_hash(ts, key);
    if (hash == -1) {
        return CS_ERR;
    }
    size_t slot;
    ssize_t ix = lookup(ts, d, key, hash, &slot);
    if (ix == DKIX_ERROR) {
        return CS_ERR;
    }
    if (ix < 0) {
        return nargs == 2 ? args[1] : exc_raise_args(ts, exc_KeyError, &key, 1);
    }
    Value v = d->entries[ix].value;
    gc_temp_push(ts, v);
    delete_at(d, slot, ix);
    return v;
}

static Value meth_popitem(ThreadState *ts, Value self, const Value *args, size_t nargs,
                          TupleObj *kwnames) {
    if (arg_count(ts, "dict.popitem", nargs, 0, 0) < 0) {
        return CS_ERR;
    }
    DictObj *d = as_dict(self);
    if (d->used == 0) {
        return exc_raise(ts, exc_KeyError, "popitem(): dictionary is empty");
    }
    ssize_t i = (ssize_t)d->nentries - 1;
    while (i >= 0 && d->entries[i].key == CS_UNBOUND) {
        i--;
    }
    DictEntry *e = &d->entries[i];
    Value pair = tuple_pack(ts, 2, e->key, e->value);
    if (pair == CS_ERR) {
        return CS_ERR;
    }
    delete_at(d, slot_of(d, e->hash, i), i);
    d->nentries = (size_t)i; // the tail is all deleted: reuse it (LIFO stays O(1))
    return pair;
}

static Value meth_update(ThreadState *ts, Value self, const Value *args, size_t nargs,
                         TupleObj *kwnames) {
    if (update_common(ts, as_dict(self), args, nargs, kwnames, "update") < 0) {
        return CS_ERR;
    }
    return CS_NONE;
}

static Value meth_clear(ThreadState *ts, Value self, const Value *args, size_t nargs,
                        TupleObj *kwnames) {
    if (arg_count(ts, "dict.clear", nargs, 0, 0) < 0) {
        return CS_ERR;
    }
    dict_clear(as_dict(self));
    return CS_NONE;
}

static Value meth_copy(ThreadState *ts, Value self, const Value *args, size_t nargs,
                       TupleObj *kwnames) {
    if (arg_count(ts, "dict.copy", nargs, 0, 0) < 0) {
        return CS_ERR;
    }
    return dict_copy(ts, as_dict(self));
}

// Sets d[k] = value for every k of the iterable, on an exact dict directly.
static int fill_from_keys(ThreadState *ts, Value d, Value iterable, Value value) {
    bool exact = is_type_exact(d, &type_dict);
    Value it = obj_iter(ts, iterable);
    if (it == CS_ERR) {
        return -1;
    }
    size_t mark = gc_temp_mark(ts);
    for (;;) {
        gc_temp_reset(ts, mark);
        Value k = obj_next(ts, it);
        if (k == CS_STOP) {
            return 0;
        }
        if (k == CS_ERR) {
            return -1;
        }
        gc_temp_push(ts, k);
        int rc = exact ? dict_set(ts, as_dict(d), k, value) : obj_setitem(ts, d, k, value);
        if (rc < 0) {
            return -1;
        }
    }
}

static Value meth_fromkeys(ThreadState *ts, Value cls, const Value *args, size_t nargs,
                           TupleObj *kwnames) {
    if (arg_count(ts, "fromkeys", nargs, 1, 2) < 0) {
        return CS_ERR;
    }
    Value d = obj_call0(ts, cls);
    if (d == CS_ERR) {
        return CS_ERR;
    }
    gc_temp_push(ts, d);
    if (fill_from_keys(ts, d, args[0], nargs == 2 ? args[1] : CS_NONE) < 0) {
        return CS_ERR;
    }
    return d;
}

static Value meth_reversed(ThreadState *ts, Value self, const Value *args, size_t nargs,
                           TupleObj *kwnames) {
    if (arg_count(ts, "dict.__reversed__", nargs, 0, 0) < 0) {
        return CS_ERR;
    }
    return make_iter(ts, &type_dict_reversekeyiterator, as_dict(self), true);
}

static Value meth_class_getitem(ThreadState *ts, Value self, const Value *args, size_t nargs,
                                TupleObj *kwnames) {
    if (arg_count(ts, "__class_getitem__", nargs, 1, 1) < 0) {
        return CS_ERR;
    }
    return generic_alias_new(ts, self, args[0]);
}

static const MethodDef dict_methods[] = {
    {"keys", meth_keys, 0, "D.keys() -> a set-like object providing a view on D's keys"},
    {"values", meth_values, 0, "D.values() -> an object providing a view on D's values"},
    {"items", meth_items, 0, "D.items() -> a set-like object providing a view on D's items"},
    {"get", meth_get, 0, "Return the value for key if key is in the dictionary, else default."},
    {"setdefault", meth_setdefault, 0,
     "Insert key with a value of default if key is not in "
     "the dictionary."},
    {"pop", meth_pop, 0, "D.pop(k[,d]) -> v, remove specified key and return the value."},
    {"popitem", meth_popitem, 0, "Remove and return a (key, value) pair as a 2-tuple."},
    {"update", meth_update, METH_KEYWORDS, "D.update([E, ]**F) -> None."},
    {"clear", meth_clear, 0, "D.clear() -> None.  Remove all items from D."},
    {"copy", meth_copy, 0, "D.copy() -> a shallow copy of D"},
    {"fromkeys", meth_fromkeys, METH_CLASS,
     "Create a new dictionary with keys from iterable "
     "and values set to value."},
    {"__reversed__", meth_reversed, 0, "Return a reverse iterator over the dict keys."},
    {"__class_getitem__", meth_class_getitem, METH_CLASS, "See PEP 585"},
    {NULL},
};

TypeObj type_dict = {
    .hdr = OBJ_HEADER_INIT(&type_type),
    .name = "dict",
    .basicsize = sizeof(DictObj),
    .flags = TYPE_BASETYPE | TYPE_DICT_SUBCLASS,
    .doc = "dict() -> new empty dictionary",
    .methods = dict_methods,
    .trace = dict_trace,
    .finalize = dict_finalize,
    .tp_new = dict_tp_new,
    .tp_init = dict_tp_init,
    .repr = dict_repr,
    .hash = obj_unhashable,
    .richcompare = dict_richcompare,
    .iter = dict_iter,
    .len = dict_len,
    .getitem = dict_getitem,
    .setitem = dict_setitem,
    .contains = dict_contains,
    .binop = {[BINOP_OR] = dict_or},
    .inplace = {[BINOP_OR] = dict_ior},
};

// ---------------------------------------------------------------------------
// Views

static DictViewObj *as_view(Value v) {
    return (DictViewObj *)as_obj(v);
}

static bool is_setlike_view(Value v) {
    return is_type_exact(v, &type_dict_keys) || is_type_exact(v, &type_dict_items);
}

static void view_trace(Obj *o, GcState *gc) {
    gc_mark_obj(gc, (Obj *)((DictViewObj *)o)->dict);
}

static ssize_t view_len(ThreadState *ts, Value self) {
    return (ssize_t)as_view(self)->dict->used;
}

static Value keys_iter(ThreadState *ts, Value self) {
    return make_iter(ts, &type_dict_keyiterator, as_view(self)->dict, false);
}

static Value values_iter(ThreadState *ts, Value self) {
    return make_iter(ts, &type_dict_valueiterator, as_view(self)->dict, false);
}

static Value items_iter(ThreadState *ts, Value self) {
    return make_iter(ts, &type_dict_itemiterator, as_view(self)->dict, false);
}

static Value keys_reversed(ThreadState *ts, Value self, const Value *args, size_t nargs,
                           TupleObj *kwnames) {
    return make_iter(ts, &type_dict_reversekeyiterator, as_view(self)->dict, true);
}

static Value values_reversed(ThreadState *ts, Value self, const Value *args, size_t nargs,
                             TupleObj *kwnames) {
    return make_iter(ts, &type_dict_reversevalueiterator, as_view(self)->dict, true);
}

static Value items_reversed(ThreadState *ts, Value self, const Value *args, size_t nargs,
                            TupleObj *kwnames) {
    return make_iter(ts, &type_dict_reverseitemiterator, as_view(self)->dict, true);
}

static int keys_contains(ThreadState *ts, Value self, Value key) {
    return dict_get(ts, as_view(self)->dict, key, NULL);
}

static int items_contains(ThreadState *ts, Value self, Value item) {
    if (!tuple_check(item) || as_tuple(item)->len != 2) {
        return 0;
    }
    Value v;
    int r = dict_get(ts, as_view(self)->dict, as_tuple(item)->items[0], &v);
    if (r <= 0) {
        return r;
    }
    gc_temp_push(ts, v);
    Value want = as_tuple(item)->items[1];
    return v == want ? 1 : obj_eq(ts, v, want);
}

// "dict_keys(['a', 'b'])"
static Value view_repr(ThreadState *ts, Value self) {
    if (!seq_repr_enter(self)) {
        return str_from_cstr(ts, "...");
    }
    Value l = list_new(ts, 0);
    Value r = CS_ERR;
    if (l != CS_ERR && list_extend(ts, as_list(l), self) == 0) {
        r = str_format_c(ts, "%s(%R)", type_of(self)->name, l);
    }
    seq_repr_leave(self);
    return r;
}

// Every item of a is in b: 1/0, -1 raised.
static int all_contained_in(ThreadState *ts, Value a, Value b) {
    Value it = obj_iter(ts, a);
    if (it == CS_ERR) {
        return -1;
    }
    size_t mark = gc_temp_mark(ts);
    for (;;) {
        gc_temp_reset(ts, mark);
        Value x = obj_next(ts, it);
        if (x == CS_STOP) {
            return 1;
        }
        if (x == CS_ERR) {
            return -1;
        }
        gc_temp_push(ts, x);
        int in = obj_contains(ts, b, x);
        if (in <= 0) {
            return in;
        }
    }
}

static Value view_richcompare(ThreadState *ts, Value a, Value b, CmpOp op) {
    if (!(is_setlike_view(a) || set_check(a)) || !(is_setlike_view(b) || set_check(b))) {
        return CS_NOTIMPL_VAL;
    }
    ssize_t la = obj_len(ts, a), lb = la < 0 ? -1 : obj_len(ts, b);
    if (lb < 0) {
        return CS_ERR;
    }
    int ok = 0;
    switch (op) {
    case CMP_EQ:
    case CMP_NE:
        ok = la == lb ? all_contained_in(ts, a, b) : 0;
        break;
    case CMP_LT:
        ok = la < lb ? all_contained_in(ts, a, b) : 0;
        break;
    case CMP_LE:
        ok = la <= lb ? all_contained_in(ts, a, b) : 0;
        break;
    case CMP_GT:
        ok = la > lb ? all_contained_in(ts, b, a) : 0;
        break;
    case CMP_GE:
        ok = la >= lb ? all_contained_in(ts, b, a) : 0;
        break;
    }
    if (ok < 0) {
        return CS_ERR;
    }
    return bool_val(op == CMP_NE ? !ok : ok);
}

// set(view), through the dict itself for the keys of a plain dict.
static Value view_to_set(ThreadState *ts, Value v) {
    if (is_type_exact(v, &type_dict_keys) && is_type_exact(obj_val(as_view(v)->dict), &type_dict)) {
        v = obj_val(as_view(v)->dict);
    }
    return set_new(ts, v);
}

static Value view_sub(ThreadState *ts, Value a, Value b) {
    Value r = view_to_set(ts, a);
    if (r == CS_ERR || set_difference_update(ts, as_set(r), b) < 0) {
        return CS_ERR;
    }
    return r;
}

static Value view_or(ThreadState *ts, Value a, Value b) {
    Value r = view_to_set(ts, a);
    if (r == CS_ERR || set_update(ts, as_set(r), b) < 0) {
        return CS_ERR;
    }
    return r;
}

static Value view_xor(ThreadState *ts, Value a, Value b) {
    Value r = view_to_set(ts, a);
    if (r == CS_ERR || set_symmetric_difference_update(ts, as_set(r), b) < 0) {
        return CS_ERR;
    }
    return r;
}

// Adds to result each item of `other` that is in view `self`.
static int intersect_into(ThreadState *ts, SetObj *result, Value self, Value other) {
    ContainsFn contains = type_of(self)->contains;
    Value it = obj_iter(ts, other);
    if (it == CS_ERR) {
        return -1;
    }
    size_t mark = gc_temp_mark(ts);
    for (;;) {
        gc_temp_reset(ts, mark);
        Value x = obj_next(ts, it);
        if (x == CS_STOP) {
            return 0;
        }
        if (x == CS_ERR) {
            return -1;
        }
        gc_temp_push(ts, x);
        int in = contains(ts, self, x);
        if (in < 0 || (in && set_add(ts, result, x) < 0)) {
            return -1;
        }
    }
}

// view & other, either way round (CPython's _PyDictView_Intersect).
static Value view_and(ThreadState *ts, Value a, Value b) {
    Value self = is_setlike_view(a) ? a : b, other = is_setlike_view(a) ? b : a;
    ssize_t len_self = (ssize_t)as_view(self)->dict->used;
    if (is_type_exact(other, &type_set) && len_self <= (ssize_t)as_set(other)->used) {
        Value name = str_intern_cstr(ts, "intersection");
        if (name == CS_ERR) {
            return CS_ERR;
        }
        return obj_call_method(ts, other, as_str(name), &self, 1);
    }
    if (is_setlike_view(other) && (ssize_t)as_view(other)->dict->used > len_self) {
        Value t = other;
        other = self;
        self = t;
    }
    Value r = set_new(ts, CS_UNBOUND);
    if (r == CS_ERR || intersect_into(ts, as_set(r), self, other) < 0) {
        return CS_ERR;
    }
    return r;
}

static Value view_isdisjoint(ThreadState *ts, Value self, const Value *args, size_t nargs,
                             TupleObj *kwnames) {
    if (arg_count(ts, "isdisjoint", nargs, 1, 1) < 0) {
        return CS_ERR;
    }
    Value other = args[0];
    if (other == self) {
        return bool_val(as_view(self)->dict->used == 0);
    }
    Value probe = self, iterate = other;
    if ((set_check(other) || is_setlike_view(other))) {
        ssize_t lo = obj_len(ts, other);
        if (lo < 0) {
            return CS_ERR;
        }
        if ((size_t)lo > as_view(self)->dict->used) {
            probe = other;
            iterate = self;
        }
    }
    Value it = obj_iter(ts, iterate);
    if (it == CS_ERR) {
        return CS_ERR;
    }
    size_t mark = gc_temp_mark(ts);
    for (;;) {
        gc_temp_reset(ts, mark);
        Value x = obj_next(ts, it);
        if (x == CS_STOP) {
            return CS_TRUE;
        }
        if (x == CS_ERR) {
            return CS_ERR;
        }
        gc_temp_push(ts, x);
        int in = obj_contains(ts, probe, x);
        if (in < 0) {
            return CS_ERR;
        }
        if (in) {
            return CS_FALSE;
        }
    }
}

static const MethodDef keys_methods[] = {
    {"isdisjoint", view_isdisjoint, 0,
     "Return True if the view and the given iterable have a "
     "null intersection."},
    {"__reversed__", keys_reversed, 0, "Return a reverse iterator over the dict keys."},
    {NULL},
};

static const MethodDef values_methods[] = {
    {"__reversed__", values_reversed, 0, "Return a reverse iterator over the dict values."},
    {NULL},
};

static const MethodDef items_methods[] = {
    {"isdisjoint", view_isdisjoint, 0,
     "Return True if the view and the given iterable have a "
     "null intersection."},
    {"__reversed__", items_reversed, 0, "Return a reverse iterator over the dict items."},
    {NULL},
};

#define SETLIKE_BINOPS                                                                             \
    { [BINOP_SUB] = view_sub, [BINOP_AND] = view_and, [BINOP_OR] = view_or, [BINOP_XOR] = view_xor }

TypeObj type_dict_keys = {
    .hdr = OBJ_HEADER_INIT(&type_type),
    .name = "dict_keys",
    .basicsize = sizeof(DictViewObj),
    .methods = keys_methods,
    .trace = view_trace,
    .repr = view_repr,
    .hash = obj_unhashable,
    .richcompare = view_richcompare,
    .iter = keys_iter,
    .len = view_len,
    .contains = keys_contains,
    .binop = SETLIKE_BINOPS,
};

TypeObj type_dict_values = {
    .hdr = OBJ_HEADER_INIT(&type_type),
    .name = "dict_values",
    .basicsize = sizeof(DictViewObj),
    .methods = values_methods,
    .trace = view_trace,
    .repr = view_repr,
    .iter = values_iter,
    .len = view_len,
};

TypeObj type_dict_items = {
    .hdr = OBJ_HEADER_INIT(&type_type),
    .name = "dict_items",
    .basicsize = sizeof(DictViewObj),
    .methods = items_methods,
    .trace = view_trace,
    .repr = view_repr,
    .hash = obj_unhashable,
    .richcompare = view_richcompare,
    .iter = items_iter,
    .len = view_len,
    .contains = items_contains,
    .binop = SETLIKE_BINOPS,
};

static const MethodDef dictiter_methods[] = {
    {"__length_hint__", dictiter_length_hint, 0, NULL},
    {NULL},
};

#define DICT_ITER_TYPE(cname, pyname, next)                                                        \
    TypeObj cname = {                                                                              \
        .hdr = OBJ_HEADER_INIT(&type_type),                                                        \
        .name = pyname,                                                                            \
        .basicsize = sizeof(DictIterObj),                                                          \
        .methods = dictiter_methods,                                                               \
        .trace = dictiter_trace,                                                                   \
        .iter = iter_self,                                                                         \
        .iternext = next,                                                                          \
    };

DICT_ITER_TYPE(type_dict_keyiterator, "dict_keyiterator", dictiter_next)
DICT_ITER_TYPE(type_dict_valueiterator, "dict_valueiterator", dictiter_next)
DICT_ITER_TYPE(type_dict_itemiterator, "dict_itemiterator", dictiter_next)
DICT_ITER_TYPE(type_dict_reversekeyiterator, "dict_reversekeyiterator", dictreviter_next)
DICT_ITER_TYPE(type_dict_reversevalueiterator, "dict_reversevalueiterator", dictreviter_next)
DICT_ITER_TYPE(type_dict_reverseitemiterator, "dict_reverseitemiterator", dictreviter_next)
