// set and frozenset: open addressing modelled on CPython's setobject.c (the
// same table sizes, growth policy, linear probes then perturbation, and the
// same algorithms for the set operations), so that a set of ints iterates in
// the order CPython's does. Also the set iterator. Dicts live in vm/dict.c.
//
// Slots: key CS_UNBOUND is empty (hash 0), CS_STOP a dummy left by a
// deletion (hash -1). A table always keeps an empty slot: fill*5 < mask*3.
#include "vm/dict.h"

#include <stdint.h>

#include "vm/exc.h"
#include "vm/func.h"
#include "vm/gc.h"
#include "vm/int.h"
#include "vm/list.h"
#include "vm/state.h"
#include "vm/str.h"
#include "vm/typeobj.h"

#define SET_MINSIZE   8
#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5
#define DUMMY         CS_STOP

typedef struct SetIterObj {
    Obj hdr;
    SetObj *set; // NULL once exhausted
    size_t used; // the set's size when iteration began (SIZE_MAX: failed)
    size_t pos;
    size_t remaining;
} SetIterObj;

static bool is_set_type(Value v) {
    return set_check(v);
}

// ---------------------------------------------------------------------------
// Tables

static SetEntry *alloc_table(ThreadState *ts, size_t size) {
    SetEntry *t = gc_xmalloc(ts, size * sizeof(SetEntry));
    if (!t) {
        return NULL;
    }
    for (size_t i = 0; i < size; i++) {
        t[i].hash = 0;
        t[i].key = CS_UNBOUND;
    }
    return t;
}

static void free_table(SetEntry *t, size_t size) {
    gc_xfree(NULL, t, size * sizeof(SetEntry));
}

static void set_trace(Obj *o, GcState *gc) {
    SetObj *s = (SetObj *)o;
    if (!s->table) {
        return;
    }
    for (size_t i = 0; i <= s->mask; i++) {
        gc_mark_value(gc, s->table[i].key);
    }
}

static void set_finalize(Obj *o) {
    SetObj *s = (SetObj *)o;
    if (s->table) {
        free_table(s->table, s->mask + 1);
    }
    s->table = NULL;
}

// Keys a and b with equal hashes: 1 equal, 0 not, -1 raised, 2 the table
// changed under a user __eq__ (restart).
static int keys_equal(ThreadState *ts, SetObj *so, SetEntry *e, Value startkey, Value key) {
    if (is_type_exact(startkey, &type_str) && is_type_exact(key, &type_str)) {
        StrObj *a = as_str(startkey), *b = as_str(key);
        return a->len == b->len && memcmp(a->data, b->data, a->len) == 0;
    }
    if (is_small_int(startkey) && is_small_int(key)) {
        return 0;
    }
    SetEntry *table = so->table;
    size_t mark = gc_temp_mark(ts);
    gc_temp_push(ts, startkey);
    gc_temp_push(ts, key);
    int eq = obj_eq(ts, startkey, key);
    gc_temp_reset(ts, mark);
    if (eq < 0) {
        return -1;
    }
    if (so->table != table || e->key != startkey) {
        return 2;
    }
    return eq;
}

// The entry holding key, or the empty entry ending its probe; NULL raised.
static SetEntry *lookkey(ThreadState *ts, SetObj *so, Value key, int64_t hash) {
restart:;
    size_t mask = so->mask, perturb = (size_t)hash, i = (size_t)hash & mask;
    for (;;) {
        SetEntry *e = &so->table[i];
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            if (e->key == CS_UNBOUND) {
                return e;
            }
            if (e->hash == hash) {
                Value startkey = e->key;
                if (startkey == key) {
                    return e;
                }
                int r = keys_equal(ts, so, e, startkey, key);
                if (r < 0) {
                    return NULL;
                }
                if (r == 2) {
                    goto restart;
                }
                if (r) {
                    return e;
                }
                mask = so->mask;
            }
            e++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

// Places a key known to be absent into a table without dummies.
static void insert_clean(SetEntry *table, size_t mask, Value key, int64_t hash) {
    size_t perturb = (size_t)hash, i = (size_t)hash & mask;
    for (;;) {
        SetEntry *e = &table[i];
        if (e->key == CS_UNBOUND) {
            e->key = key;
            e->hash = hash;
            return;
        }
        if (i + LINEAR_PROBES <= mask) {
            for (size_t j = 0; j < LINEAR_PROBES; j++) {
                e++;
                if (e->key == CS_UNBOUND) {
                    e->key = key;
                    e->hash = hash;
                    return;
                }
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

// Rebuilds the table with the smallest power of two above minused, in old
// table order (which is what fixes the iteration order CPython shows).
static int table_resize(ThreadState *ts, SetObj *so, size_t minused) {
    size_t newsize = SET_MINSIZE;
    while (newsize <= minused) {
        newsize <<= 1;
    }
    if (newsize == SET_MINSIZE && so->mask + 1 == SET_MINSIZE && so->fill == so->used) {
        return 0;
    }
    SetEntry *nt = alloc_table(ts, newsize);
    if (!nt) {
        return -1;
    }
    SetEntry *old = so->table;
    size_t oldsize = so->mask + 1;
    for (size_t i = 0; i < oldsize; i++) {
        if (old[i].key != CS_UNBOUND && old[i].key != DUMMY) {
            insert_clean(nt, newsize - 1, old[i].key, old[i].hash);
        }
    }
    so->table = nt;
    so->mask = newsize - 1;
    so->fill = so->used;
    free_table(old, oldsize);
    return 0;
}

static int grow_policy(ThreadState *ts, SetObj *so) {
    return table_resize(ts, so, so->used > 50000 ? so->used * 2 : so->used * 4);
}

// Adds key with a known hash (CPython's set_add_entry). key must be reachable.
static int add_entry(ThreadState *ts, SetObj *so, Value key, int64_t hash) {
restart:;
    size_t mask = so->mask, perturb = (size_t)hash, i = (size_t)hash & mask;
    SetEntry *freeslot = NULL, *e;
    for (;;) {
        e = &so->table[i];
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            if (e->key == CS_UNBOUND) {
                goto found_unused_or_dummy;
            }
            if (e->hash == hash) {
                Value startkey = e->key;
                if (startkey == key) {
                    return 0;
                }
                int r = keys_equal(ts, so, e, startkey, key);
                if (r < 0) {
                    return -1;
                }
                if (r == 1) {
                    return 0;
                }
                if (r == 2) {
                    goto restart;
                }
                mask = so->mask;
            } else if (e->hash == -1 && e->key == DUMMY) {
                freeslot = e;
            }
            e++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
found_unused_or_dummy:
    if (freeslot) {
        so->used++;
        freeslot->key = key;
        freeslot->hash = hash;
        return 0;
    }
    so->fill++;
    so->used++;
    e->key = key;
    e->hash = hash;
    if (so->fill * 5 < mask * 3) {
        return 0;
    }
    return grow_policy(ts, so);
}

static int64_t key_hash(ThreadState *ts, Value key) {
    return dict_key_hash(ts, key);
}

static int add_key(ThreadState *ts, SetObj *so, Value key) {
    int64_t hash = key_hash(ts, key);
    if (hash == -1) {
        return -1;
    }
    return add_entry(ts, so, key, hash);
}

static int contains_entry(ThreadState *ts, SetObj *so, Value key, int64_t hash) {
    SetEntry *e = lookkey(ts, so, key, hash);
    return e ? e->key != CS_UNBOUND : -1;
}

static int discard_entry(ThreadState *ts, SetObj *so, Value key, int64_t hash) {
    SetEntry *e = lookkey(ts, so, key, hash);
    if (!e) {
        return -1;
    }
    if (e->key == CS_UNBOUND) {
        return 0;
    }
    e->key = DUMMY;
    e->hash = -1;
    so->used--;
    return 1;
}

static int discard_key(ThreadState *ts, SetObj *so, Value key) {
    int64_t hash = key_hash(ts, key);
    if (hash == -1) {
        return -1;
    }
    return discard_entry(ts, so, key, hash);
}

// Empties the set back to the minimum table. Allocates; the old table is
// kept if that fails (the set is then emptied in place).
static void clear_internal(ThreadState *ts, SetObj *so) {
    SetEntry *nt = alloc_table(ts, SET_MINSIZE);
    if (!nt) {
        exc_clear(ts);
        for (size_t i = 0; i <= so->mask; i++) {
            so->table[i].key = CS_UNBOUND;
            so->table[i].hash = 0;
        }
    } else {
        free_table(so->table, so->mask + 1);
        so->table = nt;
        so->mask = SET_MINSIZE - 1;
    }
    so->fill = so->used = 0;
    so->hash = -1;
    so->finger = 0;
}

// ---------------------------------------------------------------------------
// Construction

static SetObj *make_set(ThreadState *ts, TypeObj *type) {
    SetObj *so = gc_alloc(ts, type, type->basicsize);
    so->hash = -1;
    so->table = alloc_table(ts, SET_MINSIZE);
    if (!so->table) {
        return NULL;
    }
    so->mask = SET_MINSIZE - 1;
    return so;
}

static int update_internal(ThreadState *ts, SetObj *so, Value other);

// A new set of `type` holding the items of iterable (CS_UNBOUND: empty).
static Value make_new_set(ThreadState *ts, TypeObj *type, Value iterable) {
    SetObj *so = make_set(ts, type);
    if (!so) {
        return CS_ERR;
    }
    if (iterable != CS_UNBOUND && update_internal(ts, so, iterable) < 0) {
        return CS_ERR;
    }
    return obj_val(so);
}

// The same, but a subclass of set or frozenset gives the plain base type.
static Value make_new_set_basetype(ThreadState *ts, TypeObj *type, Value iterable) {
    if (type != &type_set && type != &type_frozenset) {
        type = type_is_subtype(type, &type_set) ? &type_set : &type_frozenset;
    }
    return make_new_set(ts, type, iterable);
}

Value set_new(ThreadState *ts, Value iterable) {
    return make_new_set(ts, &type_set, iterable);
}

Value frozenset_new(ThreadState *ts, Value iterable) {
    return make_new_set(ts, &type_frozenset, iterable);
}

// ---------------------------------------------------------------------------
// Updating from other collections

// so |= other for another set (CPython's set_merge).
static int merge(ThreadState *ts, SetObj *so, SetObj *other) {
    if (other == so || other->used == 0) {
        return 0;
    }
    if ((so->fill + other->used) * 5 >= so->mask * 3 &&
        table_resize(ts, so, (so->used + other->used) * 2) < 0) {
        return -1;
    }
    if (so->fill == 0 && so->mask == other->mask && other->fill == other->used) {
        // Same size, no dummies: the table copies as it stands.
        memcpy(so->table, other->table, (other->mask + 1) * sizeof(SetEntry));
        so->fill = other->fill;
        so->used = other->used;
        return 0;
    }
    if (so->fill == 0) {
        for (size_t i = 0; i <= other->mask; i++) {
            SetEntry *e = &other->table[i];
            if (e->key != CS_UNBOUND && e->key != DUMMY) {
                insert_clean(so->table, so->mask, e->key, e->hash);
            }
        }
        so->fill = so->used = other->used;
        return 0;
    }
    for (size_t i = 0; i <= other->mask; i++) {
        SetEntry *e = &other->table[i];
        Value k = e->key;
        if (k != CS_UNBOUND && k != DUMMY && add_entry(ts, so, k, e->hash) < 0) {
            return -1;
        }
    }
    return 0;
}

static int update_from_dict(ThreadState *ts, SetObj *so, DictObj *d) {
    if ((so->fill + d->used) * 5 >= so->mask * 3 &&
        table_resize(ts, so, (so->used + d->used) * 2) < 0) {
        return -1;
    }
    for (size_t i = 0; i < d->nentries; i++) {
        DictEntry *e = &d->entries[i];
        if (e->key != CS_UNBOUND && add_entry(ts, so, e->key, e->hash) < 0) {
            return -1;
        }
    }
    return 0;
}

static int update_internal(ThreadState *ts, SetObj *so, Value other) {
    if (is_set_type(other)) {
        return merge(ts, so, as_set(other));
    }
    if (is_type_exact(other, &type_dict)) {
        return update_from_dict(ts, so, as_dict(other));
    }
    Value it = obj_iter(ts, other);
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
        if (add_key(ts, so, k) < 0) {
            return -1;
        }
    }
}

// ---------------------------------------------------------------------------
// The C API (vm/dict.h)

int set_add(ThreadState *ts, SetObj *s, Value key) {
    return add_key(ts, s, key);
}

int set_contains(ThreadState *ts, SetObj *s, Value key) {
    int64_t hash = key_hash(ts, key);
    if (hash == -1) {
        return -1;
    }
    return contains_entry(ts, s, key, hash);
}

int set_discard(ThreadState *ts, SetObj *s, Value key) {
    return discard_key(ts, s, key);
}

bool set_next(SetObj *s, size_t *pos, Value *key) {
    while (*pos <= s->mask) {
        SetEntry *e = &s->table[(*pos)++];
        if (e->key != CS_UNBOUND && e->key != DUMMY) {
            if (key) {
                *key = e->key;
            }
            return true;
        }
    }
    return false;
}

int set_update(ThreadState *ts, SetObj *s, Value iterable) {
    return update_internal(ts, s, iterable);
}

// ---------------------------------------------------------------------------
// The set algebra, as CPython computes it (the iteration order of a result
// depends on the order its items were added in).

static Value set_copy_of(ThreadState *ts, Value so) {
    return make_new_set_basetype(ts, type_of(so), so);
}

// Swaps the contents of two sets (for the in-place operations).
static void swap_bodies(SetObj *a, SetObj *b) {
    SetObj t = *a;
    a->fill = b->fill;
    a->used = b->used;
    a->mask = b->mask;
    a->table = b->table;
    b->fill = t.fill;
    b->used = t.used;
    b->mask = t.mask;
    b->table = t.table;
    a->finger = b->finger = 0;
    if (type_is_subtype(a->hdr.type, &type_frozenset) &&
        type_is_subtype(b->hdr.type, &type_frozenset)) {
        a->hash = b->hash;
        b->hash = t.hash;
    } else {
        a->hash = b->hash = -1;
    }
}

static Value intersection(ThreadState *ts, Value sov, Value other) {
    if (sov == other) {
        return set_copy_of(ts, sov);
    }
    Value r = make_new_set_basetype(ts, type_of(sov), CS_UNBOUND);
    if (r == CS_ERR) {
        return CS_ERR;
    }
    SetObj *result = as_set(r), *so = as_set(sov);
    if (is_set_type(other)) {
        SetObj *small = as_set(other), *big = so;
        if (small->used > big->used) {
            small = so;
            big = as_set(other);
        }
        for (size_t i = 0; i <= small->mask; i++) {
            SetEntry *e = &small->table[i];
            Value k = e->key;
            if (k == CS_UNBOUND || k == DUMMY) {
                continue;
            }
            int64_t h = e->hash;
            gc_temp_push(ts, k);
            int in = contains_entry(ts, big, k, h);
            if (in < 0 || (in && add_entry(ts, result, k, h) < 0)) {
                return CS_ERR;
            }
            if (i > small->mask) {
                break;
            }
        }
        return r;
    }
    Value it = obj_iter(ts, other);
    if (it == CS_ERR) {
        return CS_ERR;
    }
    size_t mark = gc_temp_mark(ts);
    for (;;) {
        gc_temp_reset(ts, mark);
        Value k = obj_next(ts, it);
        if (k == CS_STOP) {
            return r;
        }
        if (k == CS_ERR) {
            return CS_ERR;
        }
        gc_temp_push(ts, k);
        int64_t h = key_hash(ts, k);
        if (h == -1) {
            return CS_ERR;
        }
        int in = contains_entry(ts, so, k, h);
        if (in < 0 || (in && add_entry(ts, result, k, h) < 0)) {
            return CS_ERR;
        }
    }
}

static int difference_update_internal(ThreadState *ts, SetObj *so, Value other) {
    if (obj_val(so) == other) {
        clear_internal(ts, so);
        return 0;
    }
    if (is_set_type(other)) {
        if ((as_set(other)->used >> 3) > so->used) {
            other = intersection(ts, obj_val(so), other);
            if (other == CS_ERR) {
                return -1;
            }
        }
        SetObj *o = as_set(other);
        for (size_t i = 0; i <= o->mask; i++) {
            SetEntry *e = &o->table[i];
            if (e->key != CS_UNBOUND && e->key != DUMMY &&
                discard_entry(ts, so, e->key, e->hash) < 0) {
                return -1;
            }
        }
    } else {
        Value it = obj_iter(ts, other);
        if (it == CS_ERR) {
            return -1;
        }
        size_t mark = gc_temp_mark(ts);
        for (;;) {
            gc_temp_reset(ts, mark);
            Value k = obj_next(ts, it);
            if (k == CS_STOP) {
                break;
            }
            if (k == CS_ERR) {
                return -1;
            }
            gc_temp_push(ts, k);
            if (discard_key(ts, so, k) < 0) {
                return -1;
            }
        }
    }
    // More than a quarter dummies: rebuild.
    if (so->fill - so->used <= so->mask / 4) {
        return 0;
    }
    return grow_policy(ts, so);
}

int set_difference_update(ThreadState *ts, SetObj *s, Value other) {
    return difference_update_internal(ts, s, other);
}

static Value copy_and_difference(ThreadState *ts, Value so, Value other) {
    Value r = set_copy_of(ts, so);
    if (r == CS_ERR || difference_update_internal(ts, as_set(r), other) < 0) {
        return CS_ERR;
    }
    return r;
}

static Value difference(ThreadState *ts, Value sov, Value other) {
    size_t other_size;
    if (is_set_type(other)) {
        other_size = as_set(other)->used;
    } else if (is_type_exact(other, &type_dict)) {
        other_size = as_dict(other)->used;
    } else {
        return copy_and_difference(ts, sov, other);
    }
    SetObj *so = as_set(sov);
    if ((so->used >> 2) > other_size) {
        return copy_and_difference(ts, sov, other);
    }
    Value r = make_new_set_basetype(ts, type_of(sov), CS_UNBOUND);
    if (r == CS_ERR) {
        return CS_ERR;
    }
    bool is_dict = is_type_exact(other, &type_dict);
    for (size_t i = 0; i <= so->mask; i++) {
        SetEntry *e = &so->table[i];
        Value k = e->key;
        if (k == CS_UNBOUND || k == DUMMY) {
            continue;
        }
        int64_t h = e->hash;
        gc_temp_push(ts, k);
        int in = is_dict ? dict_contains_hash(ts, as_dict(other), k, h)
                         : contains_entry(ts, as_set(other), k, h);
        if (in < 0 || (!in && add_entry(ts, as_set(r), k, h) < 0)) {
            return CS_ERR;
        }
        if (i > so->mask) {
            break;
        }
    }
    return r;
}

static int symmetric_update_from_set(ThreadState *ts, SetObj *so, SetObj *other) {
    for (size_t i = 0; i <= other->mask; i++) {
        SetEntry *e = &other->table[i];
        Value k = e->key;
        if (k == CS_UNBOUND || k == DUMMY) {
            continue;
        }
        int64_t h = e->hash;
        gc_temp_push(ts, k);
        int rv = discard_entry(ts, so, k, h);
        if (rv < 0 || (rv == 0 && add_entry(ts, so, k, h) < 0)) {
            return -1;
        }
    }
    return 0;
}

int set_symmetric_difference_update(ThreadState *ts, SetObj *so, Value other) {
    if (obj_val(so) == other) {
        clear_internal(ts, so);
        return 0;
    }
    if (is_type_exact(other, &type_dict)) {
        DictObj *d = as_dict(other);
        for (size_t i = 0; i < d->nentries; i++) {
            DictEntry *e = &d->entries[i];
            Value k = e->key;
            if (k == CS_UNBOUND) {
                continue;
            }
            int64_t h = e->hash;
            gc_temp_push(ts, k);
            int rv = discard_entry(ts, so, k, h);
            if (rv < 0 || (rv == 0 && add_entry(ts, so, k, h) < 0)) {
                return -1;
            }
        }
        return 0;
    }
    Value o = other;
    if (!is_set_type(other)) {
        o = make_new_set_basetype(ts, type_of(obj_val(so)), other);
        if (o == CS_ERR) {
            return -1;
        }
    }
    return symmetric_update_from_set(ts, so, as_set(o));
}

static Value symmetric_difference(ThreadState *ts, Value so, Value other) {
    Value r = make_new_set_basetype(ts, type_of(so), other);
    if (r == CS_ERR || set_symmetric_difference_update(ts, as_set(r), so) < 0) {
        return CS_ERR;
    }
    return r;
}

// so <= other: 1/0, -1 raised.
static int issubset(ThreadState *ts, SetObj *so, Value other) {
    if (!is_set_type(other)) {
        Value tmp = intersection(ts, obj_val(so), other);
        if (tmp == CS_ERR) {
            return -1;
        }
        return as_set(tmp)->used == so->used;
    }
    if (so->used > as_set(other)->used) {
        return 0;
    }
    for (size_t i = 0; i <= so->mask; i++) {
        SetEntry *e = &so->table[i];
        Value k = e->key;
        if (k == CS_UNBOUND || k == DUMMY) {
            continue;
        }
        gc_temp_push(ts, k);
        int in = contains_entry(ts, as_set(other), k, e->hash);
        if (in <= 0) {
            return in;
        }
    }
    return 1;
}

static int issuperset(ThreadState *ts, SetObj *so, Value other) {
    if (is_set_type(other)) {
        return issubset(ts, as_set(other), obj_val(so));
    }
    Value it = obj_iter(ts, other);
    if (it == CS_ERR) {
        return -1;
    }
    size_t mark = gc_temp_mark(ts);
    for (;;) {
        gc_temp_reset(ts, mark);
        Value k = obj_next(ts, it);
        if (k == CS_STOP) {
            return 1;
        }
        if (k == CS_ERR) {
            return -1;
        }
        gc_temp_push(ts, k);
        int in = set_contains(ts, so, k);
        if (in <= 0) {
            return in;
        }
    }
}

// ---------------------------------------------------------------------------
// Slots

static Value set_tp_new(ThreadState *ts, TypeObj *type, const Value *args, size_t nargs,
                        TupleObj *kwnames) {
    return make_new_set(ts, type, CS_UNBOUND);
}

static int set_tp_init(ThreadState *ts, Value self, const Value *args, size_t nargs,
                       TupleObj *kwnames) {
    if (arg_no_kw(ts, "set", kwnames) < 0 || arg_count(ts, "set", nargs, 0, 1) < 0) {
        return -1;
    }
    SetObj *so = as_set(self);
    if (so->fill) {
        clear_internal(ts, so);
    }
    so->hash = -1;
    return nargs ? update_internal(ts, so, args[0]) : 0;
}

static Value frozenset_tp_new(ThreadState *ts, TypeObj *type, const Value *args, size_t nargs,
                              TupleObj *kwnames) {
    if (arg_no_kw(ts, "frozenset", kwnames) < 0 || arg_count(ts, "frozenset", nargs, 0, 1) < 0) {
        return CS_ERR;
    }
    Value iterable = nargs ? args[0] : CS_UNBOUND;
    if (type == &type_frozenset && is_type_exact(iterable, &type_frozenset)) {
        return iterable;
    }
    return make_new_set(ts, type, iterable);
}

static Value set_repr(ThreadState *ts, Value self) {
    SetObj *so = as_set(self);
    const char *name = type_of(self)->name;
    if (!seq_repr_enter(self)) {
        return str_format_c(ts, "%s(...)", name);
    }
    if (so->used == 0) {
        seq_repr_leave(self);
        return str_format_c(ts, "%s()", name);
    }
    Value keys = list_new(ts, 0);
    Value r = CS_ERR;
    if (keys != CS_ERR && list_extend(ts, as_list(keys), self) == 0) {
        ListObj *l = as_list(keys);
        Value body = seq_repr(ts, keys, l->items, l->len, "{", "}");
        if (body != CS_ERR && is_type_exact(self, &type_set)) {
            r = body;
        } else if (body != CS_ERR) {
            r = str_format_c(ts, "%s(%U)", name, body);
        }
    }
    seq_repr_leave(self);
    return r;
}

static ssize_t set_len(ThreadState *ts, Value self) {
    return (ssize_t)as_set(self)->used;
}

// `key in s`; an unhashable set key is looked up as a frozenset, as CPython.
static int set_contains_slot(ThreadState *ts, Value self, Value key) {
    int rv = set_contains(ts, as_set(self), key);
    if (rv >= 0 || !is_type_exact(key, &type_set) || !exc_matches(ts, exc_TypeError)) {
        return rv;
    }
    exc_clear(ts);
    Value tmp = frozenset_new(ts, key);
    if (tmp == CS_ERR) {
        return -1;
    }
    return set_contains(ts, as_set(self), tmp);
}

static uint64_t shuffle_bits(uint64_t h) {
    return ((h ^ 89869747ULL) ^ (h << 16)) * 3644798167ULL;
}

// CPython's frozenset hash: order-independent, cached.
static int64_t frozenset_hash(ThreadState *ts, Value self) {
    SetObj *so = as_set(self);
    if (so->hash != -1) {
        return so->hash;
    }
    if (seq_check_stack(ts, " while hashing") < 0) {
        return -1;
    }
    uint64_t hash = 0;
    for (size_t i = 0; i <= so->mask; i++) {
        SetEntry *e = &so->table[i];
        if (e->key != CS_UNBOUND && e->key != DUMMY) {
            hash ^= shuffle_bits((uint64_t)e->hash);
        }
    }
    hash ^= ((uint64_t)so->used + 1) * 1927868237ULL;
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash * 69069U + 907133923ULL;
    if (hash == (uint64_t)-1) {
        hash = 590923713ULL;
    }
    so->hash = (int64_t)hash;
    return so->hash;
}

static Value set_richcompare(ThreadState *ts, Value a, Value b, CmpOp op) {
    if (!is_set_type(a) || !is_set_type(b)) {
        return CS_NOTIMPL_VAL;
    }
    SetObj *v = as_set(a), *w = as_set(b);
    if (seq_check_stack(ts, " in comparison") < 0) {
        return CS_ERR;
    }
    int r;
    switch (op) {
    case CMP_EQ:
    case CMP_NE:
        if (v->used != w->used) {
            r = 0;
        } else if (v->hash != -1 && w->hash != -1 && v->hash != w->hash) {
            r = 0;
        } else {
            r = issubset(ts, v, b);
        }
        if (r >= 0 && op == CMP_NE) {
            r = !r;
        }
        break;
    case CMP_LE:
        r = issubset(ts, v, b);
        break;
    case CMP_GE:
        r = issuperset(ts, v, b);
        break;
    case CMP_LT:
        r = v->used < w->used ? issubset(ts, v, b) : 0;
        break;
    default:
        r = v->used > w->used ? issuperset(ts, v, b) : 0;
        break;
    }
    return r < 0 ? CS_ERR : bool_val(r);
}

static Value set_or(ThreadState *ts, Value a, Value b) {
    if (!is_set_type(a) || !is_set_type(b)) {
        return CS_NOTIMPL_VAL;
    }
    Value r = set_copy_of(ts, a);
    if (r == CS_ERR || (a != b && update_internal(ts, as_set(r), b) < 0)) {
        return CS_ERR;
    }
    return r;
}

static Value set_and(ThreadState *ts, Value a, Value b) {
    if (!is_set_type(a) || !is_set_type(b)) {
        return CS_NOTIMPL_VAL;
    }
    return intersection(ts, a, b);
}

static Value set_sub(ThreadState *ts, Value a, Value b) {
    if (!is_set_type(a) || !is_set_type(b)) {
        return CS_NOTIMPL_VAL;
    }
    return difference(ts, a, b);
}

static Value set_xor(ThreadState *ts, Value a, Value b) {
    if (!is_set_type(a) || !is_set_type(b)) {
        return CS_NOTIMPL_VAL;
    }
    return symmetric_difference(ts, a, b);
}

static Value set_ior(ThreadState *ts, Value a, Value b) {
    if (!is_set_type(b)) {
        return CS_NOTIMPL_VAL;
    }
    return update_internal(ts, as_set(a), b) < 0 ? CS_ERR : a;
}

static Value set_iand(ThreadState *ts, Value a, Value b) {
    if (!is_set_type(b)) {
        return CS_NOTIMPL_VAL;
    }
    Value tmp = intersection(ts, a, b);
    if (tmp == CS_ERR) {
        return CS_ERR;
    }
    swap_bodies(as_set(a), as_set(tmp));
    return a;
}

static Value set_isub(ThreadState *ts, Value a, Value b) {
    if (!is_set_type(b)) {
        return CS_NOTIMPL_VAL;
    }
    return difference_update_internal(ts, as_set(a), b) < 0 ? CS_ERR : a;
}

static Value set_ixor(ThreadState *ts, Value a, Value b) {
    if (!is_set_type(b)) {
        return CS_NOTIMPL_VAL;
    }
    return set_symmetric_difference_update(ts, as_set(a), b) < 0 ? CS_ERR : a;
}

// ---------------------------------------------------------------------------
// Iterator

static void setiter_trace(Obj *o, GcState *gc) {
    gc_mark_obj(gc, (Obj *)((SetIterObj *)o)->set);
}

static Value set_iter(ThreadState *ts, Value self) {
    SetIterObj *it = gc_alloc(ts, &type_set_iterator, sizeof(SetIterObj));
    it->set = as_set(self);
    it->used = it->remaining = as_set(self)->used;
    return obj_val(it);
}

static Value iter_self(ThreadState *ts, Value self) {
    return self;
}

static Value setiter_next(ThreadState *ts, Value self) {
    SetIterObj *it = (SetIterObj *)as_obj(self);
    SetObj *so = it->set;
    if (!so) {
        return CS_STOP;
    }
    if (it->used != so->used) {
        it->used = SIZE_MAX;
        return exc_raise(ts, exc_RuntimeError, "Set changed size during iteration");
    }
    size_t i = it->pos;
    while (i <= so->mask && (so->table[i].key == CS_UNBOUND || so->table[i].key == DUMMY)) {
        i++;
    }
    it->pos = i + 1;
    if (i > so->mask) {
        it->set = NULL;
        return CS_STOP;
    }
    it->remaining--;
    return so->table[i].key;
}

static Value setiter_length_hint(ThreadState *ts, Value self, const Value *args, size_t nargs,
                                 TupleObj *kwnames) {
    SetIterObj *it = (SetIterObj *)as_obj(self);
    size_t n = it->set && it->used == it->set->used ? it->remaining : 0;
    return int_from_i64(ts, (int64_t)n);
}

// ---------------------------------------------------------------------------
// Methods

static Value meth_add(ThreadState *ts, Value self, const Value *args, size_t nargs,
                      TupleObj *kwnames) {
    if (arg_count(ts, "set.add", nargs, 1, 1) < 0 || add_key(ts, as_set(self), args[0]) < 0) {
        return CS_ERR;
    }
    return CS_NONE;
}

static Value meth_clear(ThreadState *ts, Value self, const Value *args, size_t nargs,
                        TupleObj *kwnames) {
    if (arg_count(ts, "set.clear", nargs, 0, 0) < 0) {
        return CS_ERR;
    }
    clear_internal(ts, as_set(self));
    return CS_NONE;
}

static Value meth_copy(ThreadState *ts, Value self, const Value *args, size_t nargs,
                       TupleObj *kwnames) {
    if (arg_count(ts, "set.copy", nargs, 0, 0) < 0) {
        return CS_ERR;
    }
    return set_copy_of(ts, self);
}

static Value meth_frozenset_copy(ThreadState *ts, Value self, const Value *args, size_t nargs,
                                 TupleObj *kwnames) {
    if (arg_count(ts, "frozenset.copy", nargs, 0, 0) < 0) {
        return CS_ERR;
    }
    return is_type_exact(self, &type_frozenset) ? self : set_copy_of(ts, self);
}

// discard/remove with the frozenset retry for set keys. 1 removed, 0 absent.
static int discard_with_retry(ThreadState *ts, SetObj *so, Value key) {
    int rv = discard_key(ts, so, key);
    if (rv >= 0 || !is_type_exact(key, &type_set) || !exc_matches(ts, exc_TypeError)) {
        return rv;
    }
    exc_clear(ts);
    Value tmp = frozenset_new(ts, key);
    return tmp == CS_ERR ? -1 : discard_key(ts, so, tmp);
}

static Value meth_discard(ThreadState *ts, Value self, const Value *args, size_t nargs,
                          TupleObj *kwnames) {
    if (arg_count(ts, "set.discard", nargs, 1, 1) < 0 ||
        discard_with_retry(ts, as_set(self), args[0]) < 0) {
        return CS_ERR;
    }
    return CS_NONE;
}

static Value meth_remove(ThreadState *ts, Value self, const Value *args, size_t nargs,
                         TupleObj *kwnames) {
    if (arg_count(ts, "set.remove", nargs, 1, 1) < 0) {
        return CS_ERR;
    }
    int rv = discard_with_retry(ts, as_set(self), args[0]);
    if (rv < 0) {
        return CS_ERR;
    }
    if (rv == 0) {
        return exc_raise_args(ts, exc_KeyError, args, 1);
    }
    return CS_NONE;
}

static Value meth_pop(ThreadState *ts, Value self, const Value *args, size_t nargs,
                      TupleObj *kwnames) {
    if (arg_count(ts, "set.pop", nargs, 0, 0) < 0) {
        return CS_ERR;
    }
    SetObj *so = as_set(self);
    if (so->used == 0) {
        return exc_raise(ts, exc_KeyError, "pop from an empty set");
    }
    SetEntry *e = so->table + (so->finger & so->mask), *limit = so->table + so->mask;
    while (e->key == CS_UNBOUND || e->key == DUMMY) {
        e++;
        if (e > limit) {
            e = so->table;
        }
    }
    Value key = e->key;
    e->key = DUMMY;
    e->hash = -1;
    so->used--;
    so->finger = (size_t)(e - so->table) + 1;
    return key;
}

static Value meth_union(ThreadState *ts, Value self, const Value *args, size_t nargs,
                        TupleObj *kwnames) {
    Value r = set_copy_of(ts, self);
    if (r == CS_ERR) {
        return CS_ERR;
    }
    for (size_t i = 0; i < nargs; i++) {
        if (args[i] != self && update_internal(ts, as_set(r), args[i]) < 0) {
            return CS_ERR;
        }
    }
    return r;
}

static Value meth_update(ThreadState *ts, Value self, const Value *args, size_t nargs,
                         TupleObj *kwnames) {
    for (size_t i = 0; i < nargs; i++) {
        if (update_internal(ts, as_set(self), args[i]) < 0) {
            return CS_ERR;
        }
    }
    return CS_NONE;
}

static Value intersection_multi(ThreadState *ts, Value self, const Value *args, size_t nargs) {
    if (nargs == 0) {
        return set_copy_of(ts, self);
    }
    Value r = self;
    for (size_t i = 0; i < nargs; i++) {
        r = intersection(ts, r, args[i]);
        if (r == CS_ERR) {
            return CS_ERR;
        }
    }
    return r;
}

static Value meth_intersection(ThreadState *ts, Value self, const Value *args, size_t nargs,
                               TupleObj *kwnames) {
    return intersection_multi(ts, self, args, nargs);
}

static Value meth_intersection_update(ThreadState *ts, Value self, const Value *args, size_t nargs,
                                      TupleObj *kwnames) {
    Value tmp = intersection_multi(ts, self, args, nargs);
    if (tmp == CS_ERR) {
        return CS_ERR;
    }
    swap_bodies(as_set(self), as_set(tmp));
    return CS_NONE;
}

static Value meth_difference(ThreadState *ts, Value self, const Value *args, size_t nargs,
                             TupleObj *kwnames) {
    if (nargs == 0) {
        return set_copy_of(ts, self);
    }
    Value r = difference(ts, self, args[0]);
    if (r == CS_ERR) {
        return CS_ERR;
    }
    for (size_t i = 1; i < nargs; i++) {
        if (difference_update_internal(ts, as_set(r), args[i]) < 0) {
            return CS_ERR;
        }
    }
    return r;
}

static Value meth_difference_update(ThreadState *ts, Value self, const Value *args, size_t nargs,
                                    TupleObj *kwnames) {
    for (size_t i = 0; i < nargs; i++) {
        if (difference_update_internal(ts, as_set(self), args[i]) < 0) {
            return CS_ERR;
        }
    }
    return CS_NONE;
}

static Value meth_symmetric_difference(ThreadState *ts, Value self, const Value *args, size_t nargs,
                                       TupleObj *kwnames) {
    if (arg_count(ts, "symmetric_difference", nargs, 1, 1) < 0) {
        return CS_ERR;
    }
    return symmetric_difference(ts, self, args[0]);
}

static Value meth_symmetric_difference_update(ThreadState *ts, Value self, const Value *args,
                                              size_t nargs, TupleObj *kwnames) {
    if (arg_count(ts, "symmetric_difference_update", nargs, 1, 1) < 0 ||
        set_symmetric_difference_update(ts, as_set(self), args[0]) < 0) {
        return CS_ERR;
    }
    return CS_NONE;
}

static Value meth_issubset(ThreadState *ts, Value self, const Value *args, size_t nargs,
                           TupleObj *kwnames) {
    if (arg_count(ts, "issubset", nargs, 1, 1) < 0) {
        return CS_ERR;
    }
    int r = issubset(ts, as_set(self), args[0]);
    return r < 0 ? CS_ERR : bool_val(r);
}

static Value meth_issuperset(ThreadState *ts, Value self, const Value *args, size_t nargs,
                             TupleObj *kwnames) {
    if (arg_count(ts, "issuperset", nargs, 1, 1) < 0) {
        return CS_ERR;
    }
    int r = issuperset(ts, as_set(self), args[0]);
    return r < 0 ? CS_ERR : bool_val(r);
}

// Does the iterable share an item with so? 1/0, -1 raised.
static int shares_item(ThreadState *ts, SetObj *so, Value other) {
    if (is_set_type(other)) {
        SetObj *small = as_set(other), *big = so;
        if (small->used > big->used) {
            small = so;
            big = as_set(other);
        }
        for (size_t i = 0; i <= small->mask; i++) {
            SetEntry *e = &small->table[i];
            if (e->key == CS_UNBOUND || e->key == DUMMY) {
                continue;
            }
            gc_temp_push(ts, e->key);
            int in = contains_entry(ts, big, e->key, e->hash);
            if (in != 0) {
                return in;
            }
        }
        return 0;
    }
    Value it = obj_iter(ts, other);
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
        int in = set_contains(ts, so, k);
        if (in != 0) {
            return in;
        }
    }
}

static Value meth_isdisjoint(ThreadState *ts, Value self, const Value *args, size_t nargs,
                             TupleObj *kwnames) {
    if (arg_count(ts, "isdisjoint", nargs, 1, 1) < 0) {
        return CS_ERR;
    }
    if (args[0] == self) {
        return bool_val(as_set(self)->used == 0);
    }
    int r = shares_item(ts, as_set(self), args[0]);
    return r < 0 ? CS_ERR : bool_val(!r);
}

static Value meth_class_getitem(ThreadState *ts, Value self, const Value *args, size_t nargs,
                                TupleObj *kwnames) {
    if (arg_count(ts, "__class_getitem__", nargs, 1, 1) < 0) {
        return CS_ERR;
    }
    return generic_alias_new(ts, self, args[0]);
}

static const MethodDef set_methods[] = {
    {"add", meth_add, 0, "Add an element to a set."},
    {"clear", meth_clear, 0, "Remove all elements from this set."},
    {"copy", meth_copy, 0, "Return a shallow copy of a set."},
    {"discard", meth_discard, 0, "Remove an element from a set if it is a member."},
    {"difference", meth_difference, 0, "Return the difference of two or more sets as a new set."},
    {"difference_update", meth_difference_update, 0,
     "Remove all elements of another set from "
     "this set."},
    {"intersection", meth_intersection, 0, "Return the intersection of two sets as a new set."},
    {"intersection_update", meth_intersection_update, 0,
     "Update a set with the intersection "
     "of itself and another."},
    {"isdisjoint", meth_isdisjoint, 0, "Return True if two sets have a null intersection."},
    {"issubset", meth_issubset, 0, "Report whether another set contains this set."},
    {"issuperset", meth_issuperset, 0, "Report whether this set contains another set."},
    {"pop", meth_pop, 0, "Remove and return an arbitrary set element."},
    {"remove", meth_remove, 0, "Remove an element from a set; it must be a member."},
    {"symmetric_difference", meth_symmetric_difference, 0,
     "Return the symmetric difference of "
     "two sets as a new set."},
    {"symmetric_difference_update", meth_symmetric_difference_update, 0,
     "Update a set with the symmetric difference of itself and another."},
    {"union", meth_union, 0, "Return the union of sets as a new set."},
    {"update", meth_update, 0, "Update a set with the union of itself and others."},
    {"__class_getitem__", meth_class_getitem, METH_CLASS, "See PEP 585"},
    {NULL},
};

static const MethodDef frozenset_methods[] = {
    {"copy", meth_frozenset_copy, 0, "Return a shallow copy of a set."},
    {"difference", meth_difference, 0, "Return the difference of two or more sets as a new set."},
    {"intersection", meth_intersection, 0, "Return the intersection of two sets as a new set."},
    {"isdisjoint", meth_isdisjoint, 0, "Return True if two sets have a null intersection."},
    {"issubset", meth_issubset, 0, "Report whether another set contains this set."},
    {"issuperset", meth_issuperset, 0, "Report whether this set contains another set."},
    {"symmetric_difference", meth_symmetric_difference, 0,
     "Return the symmetric difference of "
     "two sets as a new set."},
    {"union", meth_union, 0, "Return the union of sets as a new set."},
    {"__class_getitem__", meth_class_getitem, METH_CLASS, "See PEP 585"},
    {NULL},
};

TypeObj type_set = {
    .hdr = OBJ_HEADER_INIT(&type_type),
    .name = "set",
    .basicsize = sizeof(SetObj),
    .flags = TYPE_BASETYPE,
    .doc = "set() -> new empty set object\nset(iterable) -> new set object",
    .methods = set_methods,
    .trace = set_trace,
    .finalize = set_finalize,
    .tp_new = set_tp_new,
    .tp_init = set_tp_init,
    .repr = set_repr,
    .hash = obj_unhashable,
    .richcompare = set_richcompare,
    .iter = set_iter,
    .len = set_len,
    .contains = set_contains_slot,
    .binop =
        {[BINOP_SUB] = set_sub, [BINOP_AND] = set_and, [BINOP_OR] = set_or, [BINOP_XOR] = set_xor},
    .inplace = {[BINOP_SUB] = set_isub,
                [BINOP_AND] = set_iand,
                [BINOP_OR] = set_ior,
                [BINOP_XOR] = set_ixor},
};

TypeObj type_frozenset = {
    .hdr = OBJ_HEADER_INIT(&type_type),
    .name = "frozenset",
    .basicsize = sizeof(SetObj),
    .flags = TYPE_BASETYPE,
    .doc = "frozenset() -> empty frozenset object\nfrozenset(iterable) -> frozenset object",
    .methods = frozenset_methods,
    .trace = set_trace,
    .finalize = set_finalize,
    .tp_new = frozenset_tp_new,
    .repr = set_repr,
    .hash = frozenset_hash,
    .richcompare = set_richcompare,
    .iter = set_iter,
    .len = set_len,
    .contains = set_contains_slot,
    .binop =
        {[BINOP_SUB] = set_sub, [BINOP_AND] = set_and, [BINOP_OR] = set_or, [BINOP_XOR] = set_xor},
};

static const MethodDef setiter_methods[] = {
    {"__length_hint__", setiter_length_hint, 0, NULL},
    {NULL},
};

TypeObj type_set_iterator = {
    .hdr = OBJ_HEADER_INIT(&type_type),
    .name = "set_iterator",
    .basicsize = sizeof(SetIterObj),
    .methods = setiter_methods,
    .trace = setiter_trace,
    .iter = iter_self,
    .iternext = setiter_next,
};
