// list: the growable array of Values, with its forward and reverse
// iterators. Sorting lives in vm/listsort.c; the index, slice and repr
// helpers it shares with tuple live in vm/range.c.
#include "vm/list.h"

#include <gmp.h>
#include <stdint.h>
#include <stdlib.h>

#include "vm/exc.h"
#include "vm/func.h"
#include "vm/gc.h"
#include "vm/int.h"
#include "vm/range.h"
#include "vm/state.h"
#include "vm/str.h"
#include "vm/typeobj.h"

typedef struct ListIterObj {
    Obj hdr;
    ListObj *list; // NULL once exhausted
    size_t index;
} ListIterObj;

typedef struct ListRevIterObj {
    Obj hdr;
    ListObj *list; // NULL once exhausted
    ssize_t index;
} ListRevIterObj;

#define MAX_ITEMS (SIZE_MAX / sizeof(Value) / 2)

// ---------------------------------------------------------------------------
// Storage

static void free_items(Value *items, size_t cap) {
    gc_xfree(NULL, items, cap * sizeof(Value));
}

// Makes room for `need` items. Over-allocates like CPython (~12.5%) so that
// appends are amortised O(1). May collect: the list stays consistent.
static int reserve(ThreadState *ts, ListObj *l, size_t need) {
    if (need <= l->cap) {
        return 0;
    }
    if (need > MAX_ITEMS) {
        exc_no_memory(ts);
        return -1;
    }
    size_t ncap = (need + (need >> 3) + 6) & ~(size_t)3;
    if (ncap < need) {
        ncap = need;
    }
    Value *p = gc_xrealloc(ts, l->items, l->cap * sizeof(Value), ncap * sizeof(Value));
    if (!p) {
        return -1;
    }
    l->items = p;
    l->cap = ncap;
    return 0;
}

// Gives memory back once a list has shrunk to a quarter of its capacity.
static void maybe_shrink(ListObj *l) {
    if (l->cap <= 16 || l->len >= l->cap / 4) {
        return;
    }
    size_t ncap = l->len + (l->len >> 3) + 6;
    Value *p = realloc(l->items, ncap * sizeof(Value));
    if (p) {
        l->items = p;
        l->cap = ncap;
    }
}

static void list_trace(Obj *o, GcState *gc) {
    ListObj *l = (ListObj *)o;
    gc_mark_array(gc, l->items, l->len);
}

static void list_finalize(Obj *o) {
    ListObj *l = (ListObj *)o;
    free_items(l->items, l->cap);
    l->items = NULL;
    l->len = l->cap = 0;
}

static ListObj *alloc_list(ThreadState *ts, TypeObj *type) {
    return gc_alloc(ts, type, type->basicsize);
}

Value list_new(ThreadState *ts, size_t n) {
    ListObj *l = alloc_list(ts, &type_list);
    if (n && reserve(ts, l, n) < 0) {
        return CS_ERR;
    }
    for (size_t i = 0; i < n; i++) {
        l->items[i] = CS_NONE;
    }
    l->len = n;
    return obj_val(l);
}

Value list_from_array(ThreadState *ts, const Value *items, size_t n) {
    ListObj *l = alloc_list(ts, &type_list);
    if (n && reserve(ts, l, n) < 0) {
        return CS_ERR;
    }
    if (n) {
        memcpy(l->items, items, n * sizeof(Value));
    }
    l->len = n;
    return obj_val(l);
}

int list_append(ThreadState *ts, ListObj *l, Value v) {
    if (l->len == l->cap) {
        gc_temp_push(ts, v); // the growth may collect
        if (reserve(ts, l, l->len + 1) < 0) {
            return -1;
        }
    }
    l->items[l->len++] = v;
    return 0;
}

int list_insert(ThreadState *ts, ListObj *l, ssize_t i, Value v) {
    ssize_t n = (ssize_t)l->len;
    if (i < 0) {
        i += n;
        if (i < 0) {
            i = 0;
        }
    }
    if (i > n) {
        i = n;
    }
    gc_temp_push(ts, v);
    if (reserve(ts, l, l->len + 1) < 0) {
        return -1;
    }
    memmove(l->items + i + 1, l->items + i, (size_t)(n - i) * sizeof(Value));
    l->items[i] = v;
    l->len++;
    return 0;
}

// Appends every item of an iterator; each item is rooted while the list grows.
static int extend_from_iter(ThreadState *ts, ListObj *l, Value it) {
    size_t mark = gc_temp_mark(ts);
    for (;;) {
        Value v = obj_next(ts, it);
        if (v == CS_STOP) {
            return 0;
        }
        if (v == CS_ERR) {
            return -1;
        }
        gc_temp_push(ts, v);
        if (list_append(ts, l, v) < 0) {
            return -1;
        }
        gc_temp_reset(ts, mark);
    }
}

int list_extend(ThreadState *ts, ListObj *l, Value iterable) {
    if (is_type_exact(iterable, &type_list) || is_type_exact(iterable, &type_tuple)) {
        size_t n = list_check(iterable) ? as_list(iterable)->len : as_tuple(iterable)->len;
        if (reserve(ts, l, l->len + n) < 0) {
            return -1;
        }
        // Read the source after growing: l.extend(l) reads the moved buffer.
        const Value *src =
            list_check(iterable) ? as_list(iterable)->items : as_tuple(iterable)->items;
        if (n) {
            memcpy(l->items + l->len, src, n * sizeof(Value));
            l->len += n;
        }
        return 0;
    }
    Value it = obj_iter(ts, iterable);
    if (it == CS_ERR) {
        return -1;
    }
    return extend_from_iter(ts, l, it);
}

void list_reverse(ListObj *l) {
    if (l->len < 2) {
        return;
    }
    for (size_t i = 0, j = l->len - 1; i < j; i++, j--) {
        Value t = l->items[i];
        l->items[i] = l->items[j];
        l->items[j] = t;
    }
}

Value list_as_tuple(ThreadState *ts, ListObj *l) {
    return tuple_from_array(ts, l->items, l->len);
}

void list_clear(ListObj *l) {
    Value *items = l->items;
    size_t cap = l->cap;
    l->items = NULL;
    l->len = l->cap = 0;
    free_items(items, cap);
}

// ---------------------------------------------------------------------------
// Construction, repr, comparison

static Value list_tp_new(ThreadState *ts, TypeObj *type, const Value *args, size_t nargs,
                         TupleObj *kwnames) {
    return obj_val(alloc_list(ts, type));
}

static int list_tp_init(ThreadState *ts, Value self, const Value *args, size_t nargs,
                        TupleObj *kwnames) {
    if (arg_no_kw(ts, "list", kwnames) < 0 || arg_count(ts, "list", nargs, 0, 1) < 0) {
        return -1;
    }
    ListObj *l = as_list(self);
    list_clear(l);
    return nargs ? list_extend(ts, l, args[0]) : 0;
}

static Value list_repr(ThreadState *ts, Value self) {
    ListObj *l = as_list(self);
    return seq_repr(ts, self, l->items, l->len, "[", "]");
}

// a == b for two items read from containers that user code may mutate.
static int items_equal(ThreadState *ts, Value a, Value b) {
    if (a == b) {
        return 1;
    }
    size_t mark = gc_temp_mark(ts);
    gc_temp_push(ts, a);
    gc_temp_push(ts, b);
    int eq = obj_eq(ts, a, b);
    gc_temp_reset(ts, mark);
    return eq;
}

static Value compare_lengths(size_t a, size_t b, CmpOp op) {
    switch (op) {
    case CMP_LT:
        return bool_val(a < b);
    case CMP_LE:
        return bool_val(a <= b);
    case CMP_EQ:
        return bool_val(a == b);
    case CMP_NE:
        return bool_val(a != b);
    case CMP_GT:
        return bool_val(a > b);
    default:
        return bool_val(a >= b);
    }
}

static Value list_richcompare(ThreadState *ts, Value a, Value b, CmpOp op) {
    if (!list_check(a) || !list_check(b)) {
        return CS_NOTIMPL_VAL;
    }
    ListObj *x = as_list(a), *y = as_list(b);
    if (x->len != y->len && (op == CMP_EQ || op == CMP_NE)) {
        return bool_val(op == CMP_NE);
    }
    if (seq_check_stack(ts, " in comparison") < 0) {
        return CS_ERR;
    }
    size_t i = 0;
    for (; i < x->len && i < y->len; i++) {
        int eq = items_equal(ts, x->items[i], y->items[i]);
        if (eq < 0) {
            return CS_ERR;
        }
        if (!eq) {
            break;
        }
    }
    if (i >= x->len || i >= y->len) {
        return compare_lengths(x->len, y->len, op);
    }
    if (op == CMP_EQ || op == CMP_NE) {
        return bool_val(op == CMP_NE);
    }
    Value vi = x->items[i], wi = y->items[i];
    gc_temp_push(ts, vi);
    gc_temp_push(ts, wi);
    return obj_compare(ts, vi, wi, op);
}

// ---------------------------------------------------------------------------
// Sequence protocol

static ssize_t list_len(ThreadState *ts, Value self) {
    return (ssize_t)as_list(self)->len;
}

static int list_contains(ThreadState *ts, Value self, Value x) {
    ListObj *l = as_list(self);
    for (size_t i = 0; i < l->len; i++) {
        int eq = items_equal(ts, l->items[i], x);
        if (eq != 0) {
            return eq;
        }
    }
    return 0;
}

static Value list_slice(ThreadState *ts, ListObj *l, SliceObj *s) {
    ssize_t start, stop, step;
    if (slice_unpack(ts, s, &start, &stop, &step) < 0) {
        return CS_ERR;
    }
    ssize_t n = slice_adjust((ssize_t)l->len, &start, &stop, step);
    if (n <= 0) {
        return list_new(ts, 0);
    }
    if (step == 1) {
        return list_from_array(ts, l->items + start, (size_t)n);
    }
    Value r = list_new(ts, (size_t)n);
    if (r == CS_ERR) {
        return CS_ERR;
    }
    for (ssize_t i = 0; i < n; i++) {
        as_list(r)->items[i] = l->items[start + i * step];
    }
    return r;
}

static Value list_getitem(ThreadState *ts, Value self, Value key) {
    ListObj *l = as_list(self);
    if (is_small_int(key)) {
        int64_t i = as_small_int(key);
        if (i < 0) {
            i += (int64_t)l->len;
        }
        if (i < 0 || (uint64_t)i >= l->len) {
            return exc_raise(ts, exc_IndexError, "list index out of range");
        }
        return l->items[i];
    }
    if (is_type_exact(key, &type_slice)) {
        return list_slice(ts, l, (SliceObj *)as_obj(key));
    }
    if (seq_is_index(key)) {
        size_t i;
        if (seq_index(ts, key, l->len, "list", &i) < 0) {
            return CS_ERR;
        }
        return l->items[i];
    }
    return exc_raise(ts, exc_TypeError, "list indices must be integers or slices, not %T", key);
}

// The items of v as a list or tuple (CPython's PySequence_Fast): v itself
// when it is an exact list or tuple, else a new list. `msg` replaces the
// TypeError of a non-iterable.
static Value seq_fast(ThreadState *ts, Value v, const char *msg) {
    if (is_type_exact(v, &type_list) || is_type_exact(v, &type_tuple)) {
        return v;
    }
    Value it = obj_iter(ts, v);
    if (it == CS_ERR) {
        if (exc_matches(ts, exc_TypeError)) {
            exc_clear(ts);
            exc_raise(ts, exc_TypeError, "%s", msg);
        }
        return CS_ERR;
    }
    Value l = list_new(ts, 0);
    if (l == CS_ERR || extend_from_iter(ts, as_list(l), it) < 0) {
        return CS_ERR;
    }
    return l;
}

static void fast_items(Value seq, const Value **items, size_t *n) {
    if (list_check(seq)) {
        *items = as_list(seq)->items;
        *n = as_list(seq)->len;
    } else {
        *items = as_tuple(seq)->items;
        *n = as_tuple(seq)->len;
    }
}

// l[lo:hi] = v (v CS_UNBOUND deletes), as CPython's list_ass_slice.
static int assign_slice(ThreadState *ts, ListObj *l, ssize_t lo, ssize_t hi, Value v) {
    const Value *src = NULL;
    size_t n = 0;
    if (v != CS_UNBOUND) {
        if (v == obj_val(l)) {
            v = list_from_array(ts, l->items, l->len);
            if (v == CS_ERR) {
                return -1;
            }
        }
        v = seq_fast(ts, v, "can only assign an iterable");
        if (v == CS_ERR) {
            return -1;
        }
        gc_temp_push(ts, v);
    }
    ssize_t len = (ssize_t)l->len;
    lo = lo < 0 ? 0 : (lo > len ? len : lo);
    hi = hi < lo ? lo : (hi > len ? len : hi);
    if (v != CS_UNBOUND) {
        fast_items(v, &src, &n);
    }
    size_t norig = (size_t)(hi - lo);
    size_t tail = (size_t)(len - hi);
    if (n > norig && reserve(ts, l, l->len + (n - norig)) < 0) {
        return -1;
    }
    if (v != CS_UNBOUND) {
        fast_items(v, &src, &n); // re-read: the reservation may have collected
    }
    if (tail) {
        memmove(l->items + lo + n, l->items + hi, tail * sizeof(Value));
    }
    if (n) {
        memcpy(l->items + lo, src, n * sizeof(Value));
    }
    l->len = (size_t)lo + n + tail;
    if (l->len == 0) {
        list_clear(l);
    } else {
        maybe_shrink(l);
    }
    return 0;
}

// del l[start::step] for slicelen items, step != 1.
static void delete_extended(ListObj *l, ssize_t start, ssize_t step, ssize_t slicelen) {
    if (slicelen <= 0) {
        return;
    }
    if (step < 0) {
        start = start + step * (slicelen - 1);
        step = -step;
    }
    size_t j = (size_t)start;
    ssize_t removed = 0;
    for (size_t k = (size_t)start; k < l->len; k++) {
        if (removed < slicelen && (ssize_t)k == start + removed * step) {
            removed++;
            continue;
        }
        l->items[j++] = l->items[k];
    }
    l->len = j;
    maybe_shrink(l);
}

static int assign_extended(ThreadState *ts, ListObj *l, ssize_t start, ssize_t step,
                           ssize_t slicelen, Value v) {
    Value seq;
    if (v == obj_val(l)) {
        seq = list_from_array(ts, l->items, l->len);
    } else {
        seq = seq_fast(ts, v, "must assign iterable to extended slice");
    }
    if (seq == CS_ERR) {
        return -1;
    }
    const Value *src;
    size_t n;
    fast_items(seq, &src, &n);
    if ((ssize_t)n != slicelen) {
        return exc_raise_int(ts, exc_ValueError,
                             "attempt to assign sequence of size %zu to extended slice of size %zd",
                             n, slicelen);
    }
    for (ssize_t i = 0; i < slicelen; i++) {
        l->items[start + i * step] = src[i];
    }
    return 0;
}

static int list_ass_slice(ThreadState *ts, ListObj *l, SliceObj *s, Value v) {
    ssize_t start, stop, step;
    if (slice_unpack(ts, s, &start, &stop, &step) < 0) {
        return -1;
    }
    ssize_t slicelen = slice_adjust((ssize_t)l->len, &start, &stop, step);
    if (step == 1) {
        return assign_slice(ts, l, start, stop, v);
    }
    if (v == CS_UNBOUND) {
        delete_extended(l, start, step, slicelen);
        return 0;
    }
    return assign_extended(ts, l, start, step, slicelen, v);
}

static int list_setitem(ThreadState *ts, Value self, Value key, Value v) {
    ListObj *l = as_list(self);
    if (is_type_exact(key, &type_slice)) {
        return list_ass_slice(ts, l, (SliceObj *)as_obj(key), v);
    }
    if (!seq_is_index(key)) {
        return exc_raise_int(ts, exc_TypeError, "list indices must be integers or slices, not %T",
                             key);
    }
    size_t i;
    if (seq_index(ts, key, l->len, "list assignment", &i) < 0) {
        return -1;
    }
    if (v != CS_UNBOUND) {
        l->items[i] = v;
        return 0;
    }
    memmove(l->items + i, l->items + i + 1, (l->len - i - 1) * sizeof(Value));
    l->len--;
    maybe_shrink(l);
    return 0;
}

// ---------------------------------------------------------------------------
// Operators

// The count of a sequence repetition, or -1 raised. `other` is the operand
// that is not the sequence.
static ssize_t repeat_count(ThreadState *ts, Value n) {
    if (is_small_int(n)) {
        int64_t c = as_small_int(n);
        return c < 0 ? 0 : (ssize_t)c;
    }
    ssize_t c = obj_as_index(ts, n);
    if (c == -1 && ts_has_exc(ts)) {
        return -1;
    }
    return c < 0 ? 0 : c;
}

// True when a user class may still handle the operator by reflection, so the
// sequence must answer NotImplemented rather than raise.
static bool defer_to_class(Value other, BinOp op) {
    TypeObj *t = type_of(other);
    return (t->flags & TYPE_HEAP) && t->binop[op] != NULL;
}

static Value list_concat(ThreadState *ts, ListObj *a, ListObj *b) {
    if (a->len + b->len > MAX_ITEMS) {
        return exc_no_memory(ts);
    }
    Value r = list_new(ts, a->len + b->len);
    if (r == CS_ERR) {
        return CS_ERR;
    }
    if (a->len) {
        memcpy(as_list(r)->items, a->items, a->len * sizeof(Value));
    }
    if (b->len) {
        memcpy(as_list(r)->items + a->len, b->items, b->len * sizeof(Value));
    }
    return r;
}

static Value list_add(ThreadState *ts, Value a, Value b) {
    if (!list_check(a)) {
        return CS_NOTIMPL_VAL;
    }
    if (!list_check(b)) {
        if (defer_to_class(b, BINOP_ADD)) {
            return CS_NOTIMPL_VAL;
        }
        return exc_raise(ts, exc_TypeError, "can only concatenate list (not \"%T\") to list", b);
    }
    return list_concat(ts, as_list(a), as_list(b));
}

static Value list_repeat(ThreadState *ts, ListObj *l, ssize_t count) {
    size_t n = l->len;
    if (count == 0 || n == 0) {
        return list_new(ts, 0);
    }
    if ((size_t)count > MAX_ITEMS / n) {
        return exc_no_memory(ts);
    }
    Value r = list_new(ts, n * (size_t)count);
    if (r == CS_ERR) {
        return CS_ERR;
    }
    Value *dst = as_list(r)->items;
    for (ssize_t i = 0; i < count; i++) {
        memcpy(dst + (size_t)i * n, l->items, n * sizeof(Value));
    }
    return r;
}

static Value list_mul(ThreadState *ts, Value a, Value b) {
    Value seq = list_check(a) ? a : b;
    Value n = list_check(a) ? b : a;
    if (!list_check(seq)) {
        return CS_NOTIMPL_VAL;
    }
    if (!seq_is_index(n)) {
        if (seq == a && defer_to_class(n, BINOP_MUL)) {
            return CS_NOTIMPL_VAL;
        }
        return exc_raise(ts, exc_TypeError, "can't multiply sequence by non-int of type '%T'", n);
    }
    ssize_t count = repeat_count(ts, n);
    if (count < 0) {
        return CS_ERR;
    }
    return list_repeat(ts, as_list(seq), count);
}

static Value list_iadd(ThreadState *ts, Value a, Value b) {
    if (!list_check(a)) {
        return CS_NOTIMPL_VAL;
    }
    if (list_extend(ts, as_list(a), b) < 0) {
        return CS_ERR;
    }
    return a;
}

static Value list_imul(ThreadState *ts, Value a, Value b) {
    if (!list_check(a)) {
        return CS_NOTIMPL_VAL;
    }
    if (!seq_is_index(b)) {
        if (defer_to_class(b, BINOP_MUL)) {
            return CS_NOTIMPL_VAL;
        }
        return exc_raise(ts, exc_TypeError, "can't multiply sequence by non-int of type '%T'", b);
    }
    ssize_t count = repeat_count(ts, b);
    if (count < 0) {
        return CS_ERR;
    }
    ListObj *l = as_list(a);
    size_t n = l->len;
    if (count == 0 || n == 0) {
        list_clear(l);
        return a;
    }
    if ((size_t)count > MAX_ITEMS / n) {
        return exc_no_memory(ts);
    }
    if (reserve(ts, l, n * (size_t)count) < 0) {
        return CS_ERR;
    }
    for (ssize_t i = 1; i < count; i++) {
        memcpy(l->items + (size_t)i * n, l->items, n * sizeof(Value));
    }
    l->len = n * (size_t)count;
    return a;
}

// ---------------------------------------------------------------------------
// Iterators

static Value list_iter(ThreadState *ts, Value self) {
    ListIterObj *it = gc_alloc(ts, &type_list_iterator, sizeof(ListIterObj));
    it->list = as_list(self);
    return obj_val(it);
}

static Value iter_self(ThreadState *ts, Value self) {
    return self;
}

static void listiter_trace(Obj *o, GcState *gc) {
    gc_mark_obj(gc, (Obj *)((ListIterObj *)o)->list);
}

static Value listiter_next(ThreadState *ts, Value self) {
    ListIterObj *it = (ListIterObj *)as_obj(self);
    if (it->list && it->index < it->list->len) {
        return it->list->items[it->index++];
    }
    it->list = NULL;
    return CS_STOP;
}

static Value listiter_length_hint(ThreadState *ts, Value self, const Value *args, size_t nargs,
                                  TupleObj *kwnames) {
    ListIterObj *it = (ListIterObj *)as_obj(self);
    size_t n = it->list && it->index < it->list->len ? it->list->len - it->index : 0;
    return int_from_i64(ts, (int64_t)n);
}

static void listreviter_trace(Obj *o, GcState *gc) {
    gc_mark_obj(gc, (Obj *)((ListRevIterObj *)o)->list);
}

static Value listreviter_next(ThreadState *ts, Value self) {
    ListRevIterObj *it = (ListRevIterObj *)as_obj(self);
    if (it->list && it->index >= 0 && (size_t)it->index < it->list->len) {
        return it->list->items[it->index--];
    }
    it->list = NULL;
    return CS_STOP;
}

static Value listreviter_length_hint(ThreadState *ts, Value self, const Value *args, size_t nargs,
                                     TupleObj *kwnames) {
    ListRevIterObj *it = (ListRevIterObj *)as_obj(self);
    ssize_t n = it->list && (size_t)(it->index + 1) <= it->list->len ? it->index + 1 : 0;
    return int_from_i64(ts, n);
}

// ---------------------------------------------------------------------------
// Methods

static Value meth_append(ThreadState *ts, Value self, const Value *args, size_t nargs,
                         TupleObj *kwnames) {
    if (arg_count(ts, "list.append", nargs, 1, 1) < 0 ||
        list_append(ts, as_list(self), args[0]) < 0) {
        return CS_ERR;
    }
    return CS_NONE;
}

static Value meth_extend(ThreadState *ts, Value self, const Value *args, size_t nargs,
                         TupleObj *kwnames) {
    if (arg_count(ts, "list.extend", nargs, 1, 1) < 0 ||
        list_extend(ts, as_list(self), args[0]) < 0) {
        return CS_ERR;
    }
    return CS_NONE;
}

// An index argument converted as CPython's clinic does for pop and insert:
// __index__, then OverflowError beyond the ssize_t range. -1 raised.
static int ssize_arg(ThreadState *ts, Value v, ssize_t *out) {
    if (is_small_int(v)) {
        *out = (ssize_t)as_small_int(v);
        return 0;
    }
    Value iv = obj_index(ts, v);
    if (iv == CS_ERR) {
        return -1;
    }
    if (is_small_int(iv)) {
        *out = (ssize_t)as_small_int(iv);
        return 0;
    }
    mpz_t z;
    mpz_init(z);
    int_to_mpz(iv, z);
    bool fits = mpz_fits_slong_p(z);
    *out = fits ? (ssize_t)mpz_get_si(z) : 0;
    mpz_clear(z);
    if (!fits) {
        return exc_raise_int(ts, exc_OverflowError, "Python int too large to convert to C ssize_t");
    }
    return 0;
}

static Value meth_insert(ThreadState *ts, Value self, const Value *args, size_t nargs,
                         TupleObj *kwnames) {
    if (arg_count(ts, "insert", nargs, 2, 2) < 0) {
        return CS_ERR;
    }
    ssize_t i;
    if (ssize_arg(ts, args[0], &i) < 0) {
        return CS_ERR;
    }
    if (list_insert(ts, as_list(self), i, args[1]) < 0) {
        return CS_ERR;
    }
    return CS_NONE;
}

// Index of the first item equal to x in [lo, hi), -1 absent, -2 raised.
static ssize_t find_item(ThreadState *ts, ListObj *l, Value x, size_t lo, size_t hi) {
    for (size_t i = lo; i < hi && i < l->len; i++) {
        int eq = items_equal(ts, l->items[i], x);
        if (eq < 0) {
            return -2;
        }
        if (eq) {
            return (ssize_t)i;
        }
    }
    return -1;
}

static Value meth_remove(ThreadState *ts, Value self, const Value *args, size_t nargs,
                         TupleObj *kwnames) {
    if (arg_count(ts, "list.remove", nargs, 1, 1) < 0) {
        return CS_ERR;
    }
    ListObj *l = as_list(self);
    ssize_t i = find_item(ts, l, args[0], 0, SIZE_MAX);
    if (i == -2) {
        return CS_ERR;
    }
    if (i == -1) {
        return exc_raise(ts, exc_ValueError, "list.remove(x): x not in list");
    }
    memmove(l->items + i, l->items + i + 1, (l->len - (size_t)i - 1) * sizeof(Value));
    l->len--;
    maybe_shrink(l);
    return CS_NONE;
}

static Value meth_pop(ThreadState *ts, Value self, const Value *args, size_t nargs,
                      TupleObj *kwnames) {
    if (arg_count(ts, "pop", nargs, 0, 1) < 0) {
        return CS_ERR;
    }
    ListObj *l = as_list(self);
    ssize_t i = -1;
    if (nargs && ssize_arg(ts, args[0], &i) < 0) {
        return CS_ERR;
    }
    if (l->len == 0) {
        return exc_raise(ts, exc_IndexError, "pop from empty list");
    }
    if (i < 0) {
        i += (ssize_t)l->len;
    }
    if (i < 0 || (size_t)i >= l->len) {
        return exc_raise(ts, exc_IndexError, "pop index out of range");
    }
    Value v = l->items[i];
    memmove(l->items + i, l->items + i + 1, (l->len - (size_t)i - 1) * sizeof(Value));
    l->len--;
    gc_temp_push(ts, v);
    maybe_shrink(l);
    return v;
}

static Value meth_clear(ThreadState *ts, Value self, const Value *args, size_t nargs,
                        TupleObj *kwnames) {
    if (arg_count(ts, "list.clear", nargs, 0, 0) < 0) {
        return CS_ERR;
    }
    list_clear(as_list(self));
    return CS_NONE;
}

// A start/stop argument of index() and count(): clamped, negatives from the end.
static int index_bound(ThreadState *ts, Value v, size_t len, size_t *out) {
    ssize_t i;
    if (!seq_is_index(v)) {
        return exc_raise_int(ts, exc_TypeError,
                             "slice indices must be integers or have an __index__ method");
    }
    SliceObj tmp = {.start = v, .stop = CS_NONE, .step = CS_NONE};
    ssize_t stop, step;
    if (slice_unpack(ts, &tmp, &i, &stop, &step) < 0) {
        return -1;
    }
    if (i < 0) {
        i += (ssize_t)len;
        if (i < 0) {
            i = 0;
        }
    }
    *out = (size_t)i;
    return 0;
}

static Value meth_index(ThreadState *ts, Value self, const Value *args, size_t nargs,
                        TupleObj *kwnames) {
    if (arg_count(ts, "index", nargs, 1, 3) < 0) {
        return CS_ERR;
    }
    ListObj *l = as_list(self);
    size_t lo = 0, hi = SIZE_MAX;
    if (nargs >= 2 && index_bound(ts, args[1], l->len, &lo) < 0) {
        return CS_ERR;
    }
    if (nargs >= 3 && index_bound(ts, args[2], l->len, &hi) < 0) {
        return CS_ERR;
    }
    ssize_t i = find_item(ts, l, args[0], lo, hi);
    if (i == -2) {
        return CS_ERR;
    }
    if (i == -1) {
        return exc_raise(ts, exc_ValueError, "%R is not in list", args[0]);
    }
    return int_from_i64(ts, i);
}

static Value meth_count(ThreadState *ts, Value self, const Value *args, size_t nargs,
                        TupleObj *kwnames) {
    if (arg_count(ts, "list.count", nargs, 1, 1) < 0) {
        return CS_ERR;
    }
    ListObj *l = as_list(self);
    int64_t n = 0;
    for (size_t i = 0; i < l->len; i++) {
        int eq = items_equal(ts, l->items[i], args[0]);
        if (eq < 0) {
            return CS_ERR;
        }
        n += eq;
    }
    return int_from_i64(ts, n);
}

static Value meth_sort(ThreadState *ts, Value self, const Value *args, size_t nargs,
                       TupleObj *kwnames) {
    if (nargs) {
        return exc_raise(ts, exc_TypeError, "sort() takes no positional arguments");
    }
    Value out[2];
    if (arg_parse(ts, "sort", args, nargs, kwnames, "|$key,reverse", out) < 0) {
        return CS_ERR;
    }
    Value key = out[0] == CS_UNBOUND ? CS_NONE : out[0];
    bool reverse = false;
    if (out[1] != CS_UNBOUND) {
        Value r = is_bool(out[1]) ? small_int_val(out[1] == CS_TRUE) : obj_index(ts, out[1]);
        if (r == CS_ERR) {
            return CS_ERR;
        }
        reverse = int_sign(r) != 0;
    }
    if (list_sort(ts, as_list(self), key, reverse) < 0) {
        return CS_ERR;
    }
    return CS_NONE;
}

static Value meth_reverse(ThreadState *ts, Value self, const Value *args, size_t nargs,
                          TupleObj *kwnames) {
    if (arg_count(ts, "list.reverse", nargs, 0, 0) < 0) {
        return CS_ERR;
    }
    list_reverse(as_list(self));
    return CS_NONE;
}

static Value meth_copy(ThreadState *ts, Value self, const Value *args, size_t nargs,
                       TupleObj *kwnames) {
    if (arg_count(ts, "list.copy", nargs, 0, 0) < 0) {
        return CS_ERR;
    }
    return list_from_array(ts, as_list(self)->items, as_list(self)->len);
}

static Value meth_reversed(ThreadState *ts, Value self, const Value *args, size_t nargs,
                           TupleObj *kwnames) {
    if (arg_count(ts, "list.__reversed__", nargs, 0, 0) < 0) {
        return CS_ERR;
    }
    ListRevIterObj *it = gc_alloc(ts, &type_list_reverseiterator, sizeof(ListRevIterObj));
    it->list = as_list(self);
    it->index = (ssize_t)as_list(self)->len - 1;
    return obj_val(it);
}

// list[int]: a types.GenericAlias, as in annotations.
static Value meth_class_getitem(ThreadState *ts, Value self, const Value *args, size_t nargs,
                                TupleObj *kwnames) {
    if (arg_count(ts, "__class_getitem__", nargs, 1, 1) < 0) {
        return CS_ERR;
    }
    return generic_alias_new(ts, self, args[0]);
}

static const MethodDef list_methods[] = {
    {"append", meth_append, 0, "Append object to the end of the list."},
    {"extend", meth_extend, 0, "Extend list by appending elements from the iterable."},
    {"insert", meth_insert, 0, "Insert object before index."},
    {"remove", meth_remove, 0, "Remove first occurrence of value."},
    {"pop", meth_pop, 0, "Remove and return item at index (default last)."},
    {"clear", meth_clear, 0, "Remove all items from list."},
    {"index", meth_index, 0, "Return first index of value."},
    {"count", meth_count, 0, "Return number of occurrences of value."},
    {"sort", meth_sort, METH_KEYWORDS, "Sort the list in ascending order and return None."},
    {"reverse", meth_reverse, 0, "Reverse *IN PLACE*."},
    {"copy", meth_copy, 0, "Return a shallow copy of the list."},
    {"__reversed__", meth_reversed, 0, "Return a reverse iterator over the list."},
    {"__class_getitem__", meth_class_getitem, METH_CLASS, "See PEP 585"},
    {NULL},
};

TypeObj type_list = {
    .hdr = OBJ_HEADER_INIT(&type_type),
    .name = "list",
    .basicsize = sizeof(ListObj),
    .flags = TYPE_BASETYPE | TYPE_LIST_SUBCLASS,
    .doc = "Built-in mutable sequence.",
    .methods = list_methods,
    .trace = list_trace,
    .finalize = list_finalize,
    .tp_new = list_tp_new,
    .tp_init = list_tp_init,
    .repr = list_repr,
    .hash = obj_unhashable,
    .richcompare = list_richcompare,
    .iter = list_iter,
    .len = list_len,
    .getitem = list_getitem,
    .setitem = list_setitem,
    .contains = list_contains,
    .binop = {[BINOP_ADD] = list_add, [BINOP_MUL] = list_mul},
    .inplace = {[BINOP_ADD] = list_iadd, [BINOP_MUL] = list_imul},
};

static const MethodDef listiter_methods[] = {
    {"__length_hint__", listiter_length_hint, 0, NULL},
    {NULL},
};

TypeObj type_list_iterator = {
    .hdr = OBJ_HEADER_INIT(&type_type),
    .name = "list_iterator",
    .basicsize = sizeof(ListIterObj),
    .methods = listiter_methods,
    .trace = listiter_trace,
    .iter = iter_self,
    .iternext = listiter_next,
};

static const MethodDef listreviter_methods[] = {
    {"__length_hint__", listreviter_length_hint, 0, NULL},
    {NULL},
};

TypeObj type_list_reverseiterator = {
    .hdr = OBJ_HEADER_INIT(&type_type),
    .name = "list_reverseiterator",
    .basicsize = sizeof(ListRevIterObj),
    .methods = listreviter_methods,
    .trace = listreviter_trace,
    .iter = iter_self,
    .iternext = listreviter_next,
};
