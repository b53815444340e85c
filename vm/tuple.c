// tuple: the immutable array of Values (items inline after the header), its
// iterator, and CPython's xxHash-based tuple hash so tuples hash alike in
// both interpreters. The empty tuple is one object per interpreter.
#include "vm/list.h"

#include <stdarg.h>
#include <stdint.h>

#include "vm/exc.h"
#include "vm/func.h"
#include "vm/gc.h"
#include "vm/int.h"
#include "vm/range.h"
#include "vm/state.h"
#include "vm/typeobj.h"

typedef struct TupleIterObj {
    Obj hdr;
    TupleObj *tuple; // NULL once exhausted
    size_t index;
} TupleIterObj;

#define MAX_ITEMS (SIZE_MAX / sizeof(Value) / 2)

// ---------------------------------------------------------------------------
// Construction

// A tuple of type `type` with n items set to None; NULL on MemoryError.
static TupleObj *alloc_tuple(ThreadState *ts, TypeObj *type, size_t n) {
    if (n > MAX_ITEMS) {
        exc_no_memory(ts);
        return NULL;
    }
    TupleObj *t = gc_alloc(ts, type, type->basicsize + n * sizeof(Value));
    t->hash = -1;
    t->len = n;
    for (size_t i = 0; i < n; i++) {
        t->items[i] = CS_NONE;
    }
    return t;
}

Value tuple_empty(ThreadState *ts) {
    Interp *interp = ts->interp;
    if (is_type_exact(interp->empty_tuple, &type_tuple)) {
        return interp->empty_tuple;
    }
    TupleObj *t = alloc_tuple(ts, &type_tuple, 0);
    interp->empty_tuple = obj_val(t);
    gc_add_root(interp, &interp->empty_tuple);
    return interp->empty_tuple;
}

Value tuple_new(ThreadState *ts, size_t n) {
    if (n == 0) {
        return tuple_empty(ts);
    }
    TupleObj *t = alloc_tuple(ts, &type_tuple, n);
    return t ? obj_val(t) : CS_ERR;
}

Value tuple_from_array(ThreadState *ts, const Value *items, size_t n) {
    Value t = tuple_new(ts, n);
    if (t != CS_ERR && n) {
        memcpy(as_tuple(t)->items, items, n * sizeof(Value));
    }
    return t;
}

Value tuple_pack(ThreadState *ts, size_t n, ...) {
    Value t = tuple_new(ts, n);
    if (t == CS_ERR) {
        return CS_ERR;
    }
    va_list ap;
    va_start(ap, n);
    for (size_t i = 0; i < n; i++) {
        as_tuple(t)->items[i] = va_arg(ap, Value);
    }
    va_end(ap);
    return t;
}

static void tuple_trace(Obj *o, GcState *gc) {
    TupleObj *t = (TupleObj *)o;
    gc_mark_array(gc, t->items, t->len);
}

// tuple(iterable) for tuple and its subclasses.
static Value tuple_tp_new(ThreadState *ts, TypeObj *type, const Value *args, size_t nargs,
                          TupleObj *kwnames) {
    bool plain_init = type == &type_tuple || type->tp_init == type_tuple.tp_init;
    if ((plain_init && arg_no_kw(ts, "tuple", kwnames) < 0) ||
        arg_count(ts, "tuple", nargs, 0, 1) < 0) {
        return CS_ERR;
    }
    Value src = CS_UNBOUND;
    if (nargs == 1) {
        src = args[0];
        if (type == &type_tuple && is_type_exact(src, &type_tuple)) {
            return src;
        }
        if (!is_type_exact(src, &type_tuple) && !is_type_exact(src, &type_list)) {
            Value l = list_new(ts, 0);
            if (l == CS_ERR || list_extend(ts, as_list(l), src) < 0) {
                return CS_ERR;
            }
            src = l;
        }
    }
    const Value *items = NULL;
    size_t n = 0;
    if (src != CS_UNBOUND) {
        items = list_check(src) ? as_list(src)->items : as_tuple(src)->items;
        n = list_check(src) ? as_list(src)->len : as_tuple(src)->len;
    }
    if (type == &type_tuple) {
        return tuple_from_array(ts, items, n);
    }
    TupleObj *t = alloc_tuple(ts, type, n);
    if (!t) {
        return CS_ERR;
    }
    if (n) {
        memcpy(t->items, items, n * sizeof(Value));
    }
    return obj_val(t);
}

// ---------------------------------------------------------------------------
// repr, hash, comparison

static Value tuple_repr(ThreadState *ts, Value self) {
    TupleObj *t = as_tuple(self);
    return seq_repr(ts, self, t->items, t->len, "(", t->len == 1 ? ",)" : ")");
}

#define XXPRIME_1   11400714785074694791ULL
#define XXPRIME_2   14029467366897019727ULL
#define XXPRIME_5   2870177450012600261ULL
#define XXROTATE(x) (((x) << 31) | ((x) >> 33))

static int64_t tuple_hash(ThreadState *ts, Value self) {
    TupleObj *t = as_tuple(self);
    if (t->hash != -1) {
        return t->hash;
    }
    if (seq_check_stack(ts, " while hashing") < 0) {
        return -1;
    }
    uint64_t acc = XXPRIME_5;
    for (size_t i = 0; i < t->len; i++) {
        Value v = t->items[i];
        int64_t h;
        if (is_small_int(v)) {
            h = as_small_int(v) == -1 ? -2 : as_small_int(v);
        } else {
            h = obj_hash(ts, v);
            if (h == -1) {
                return -1;
            }
        }
        acc += (uint64_t)h * XXPRIME_2;
        acc = XXROTATE(acc);
        acc *= XXPRIME_1;
    }
    acc += t->len ^ (XXPRIME_5 ^ 3527539UL);
    int64_t h = acc == (uint64_t)-1 ? 1546275796 : (int64_t)acc;
    t->hash = h;
    return h;
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

static Value tuple_richcompare(ThreadState *ts, Value a, Value b, CmpOp op) {
    if (!tuple_check(a) || !tuple_check(b)) {
        return CS_NOTIMPL_VAL;
    }
    TupleObj *x = as_tuple(a), *y = as_tuple(b);
    if (seq_check_stack(ts, " in comparison") < 0) {
        return CS_ERR;
    }
    size_t i = 0;
    for (; i < x->len && i < y->len; i++) {
        Value vi = x->items[i], wi = y->items[i];
        if (vi == wi) {
            continue;
        }
        int eq = obj_eq(ts, vi, wi);
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
    return obj_compare(ts, x->items[i], y->items[i], op);
}

// ---------------------------------------------------------------------------
// Sequence protocol and operators

static ssize_t tuple_len(ThreadState *ts, Value self) {
    return (ssize_t)as_tuple(self)->len;
}

static int tuple_contains(ThreadState *ts, Value self, Value x) {
    TupleObj *t = as_tuple(self);
    for (size_t i = 0; i < t->len; i++) {
        int eq = t->items[i] == x ? 1 : obj_eq(ts, t->items[i], x);
        if (eq != 0) {
            return eq;
        }
    }
    return 0;
}

static Value tuple_slice(ThreadState *ts, Value self, SliceObj *s) {
    TupleObj *t = as_tuple(self);
    ssize_t start, stop, step, n;
    if (slice_indices(ts, s, (ssize_t)t->len, &start, &stop, &step, &n) < 0) {
        return CS_ERR;
    }
    if (step == 1 && (size_t)n == t->len && is_type_exact(self, &type_tuple)) {
        return self;
    }
    Value r = tuple_new(ts, (size_t)n);
    if (r == CS_ERR) {
        return CS_ERR;
    }
    for (ssize_t i = 0; i < n; i++) {
        as_tuple(r)->items[i] = t->items[start + i * step];
    }
    return r;
}

static Value tuple_getitem(ThreadState *ts, Value self, Value key) {
    TupleObj *t = as_tuple(self);
    if (is_small_int(key)) {
        int64_t i = as_small_int(key);
        if (i < 0) {
            i += (int64_t)t->len;
        }
        if (i < 0 || (uint64_t)i >= t->len) {
            return exc_raise(ts, exc_IndexError, "tuple index out of range");
        }
        return t->items[i];
    }
    if (is_type_exact(key, &type_slice)) {
        return tuple_slice(ts, self, (SliceObj *)as_obj(key));
    }
    if (seq_is_index(key)) {
        size_t i;
        if (seq_index(ts, key, t->len, "tuple", &i) < 0) {
            return CS_ERR;
        }
        return t->items[i];
    }
    return exc_raise(ts, exc_TypeError, "tuple indices must be integers or slices, not %T", key);
}

static bool defer_to_class(Value other, BinOp op) {
    TypeObj *t = type_of(other);
    return (t->flags & TYPE_HEAP) && t->binop[op] != NULL;
}

static Value tuple_add(ThreadState *ts, Value a, Value b) {
    if (!tuple_check(a)) {
        return CS_NOTIMPL_VAL;
    }
    if (!tuple_check(b)) {
        if (defer_to_class(b, BINOP_ADD)) {
            return CS_NOTIMPL_VAL;
        }
        return exc_raise(ts, exc_TypeError, "can only concatenate tuple (not \"%T\") to tuple", b);
    }
    TupleObj *x = as_tuple(a), *y = as_tuple(b);
    if (y->len == 0 && is_type_exact(a, &type_tuple)) {
        return a;
    }
    if (x->len == 0 && is_type_exact(b, &type_tuple)) {
        return b;
    }
    if (x->len + y->len > MAX_ITEMS) {
        return exc_no_memory(ts);
    }
    Value r = tuple_new(ts, x->len + y->len);
    if (r == CS_ERR) {
        return CS_ERR;
    }
    memcpy(as_tuple(r)->items, x->items, x->len * sizeof(Value));
    memcpy(as_tuple(r)->items + x->len, y->items, y->len * sizeof(Value));
    return r;
}

static Value tuple_mul(ThreadState *ts, Value a, Value b) {
    Value seq = tuple_check(a) ? a : b;
    Value n = tuple_check(a) ? b : a;
    if (!tuple_check(seq)) {
        return CS_NOTIMPL_VAL;
    }
    if (!seq_is_index(n)) {
        if (seq == a && defer_to_class(n, BINOP_MUL)) {
            return CS_NOTIMPL_VAL;
        }
        return exc_raise(ts, exc_TypeError, "can't multiply sequence by non-int of type '%T'", n);
    }
    ssize_t count = is_small_int(n) ? (ssize_t)as_small_int(n) : obj_as_index(ts, n);
    if (count == -1 && ts_has_exc(ts)) {
        return CS_ERR;
    }
    TupleObj *t = as_tuple(seq);
    if (count <= 0 || t->len == 0) {
        return tuple_empty(ts);
    }
    if (count == 1 && is_type_exact(seq, &type_tuple)) {
        return seq;
    }
    if ((size_t)count > MAX_ITEMS / t->len) {
        return exc_no_memory(ts);
    }
    Value r = tuple_new(ts, t->len * (size_t)count);
    if (r == CS_ERR) {
        return CS_ERR;
    }
    for (ssize_t i = 0; i < count; i++) {
        memcpy(as_tuple(r)->items + (size_t)i * t->len, t->items, t->len * sizeof(Value));
    }
    return r;
}

// ---------------------------------------------------------------------------
// Iterator

static void tupleiter_trace(Obj *o, GcState *gc) {
    gc_mark_obj(gc, (Obj *)((TupleIterObj *)o)->tuple);
}

static Value tuple_iter(ThreadState *ts, Value self) {
    TupleIterObj *it = gc_alloc(ts, &type_tuple_iterator, sizeof(TupleIterObj));
    it->tuple = as_tuple(self);
    return obj_val(it);
}

static Value iter_self(ThreadState *ts, Value self) {
    return self;
}

static Value tupleiter_next(ThreadState *ts, Value self) {
    TupleIterObj *it = (TupleIterObj *)as_obj(self);
    if (it->tuple && it->index < it->tuple->len) {
        return it->tuple->items[it->index++];
    }
    it->tuple = NULL;
    return CS_STOP;
}

static Value tupleiter_length_hint(ThreadState *ts, Value self, const Value *args, size_t nargs,
                                   TupleObj *kwnames) {
    TupleIterObj *it = (TupleIterObj *)as_obj(self);
    size_t n = it->tuple ? it->tuple->len - it->index : 0;
    return int_from_i64(ts, (int64_t)n);
}

// ---------------------------------------------------------------------------
// Methods

static Value meth_count(ThreadState *ts, Value self, const Value *args, size_t nargs,
                        TupleObj *kwnames) {
    if (arg_count(ts, "tuple.count", nargs, 1, 1) < 0) {
        return CS_ERR;
    }
    TupleObj *t = as_tuple(self);
    int64_t n = 0;
    for (size_t i = 0; i < t->len; i++) {
        int eq = t->items[i] == args[0] ? 1 : obj_eq(ts, t->items[i], args[0]);
        if (eq < 0) {
            return CS_ERR;
        }
        n += eq;
    }
    return int_from_i64(ts, n);
}

// A start/stop bound of index(): clamped, negatives count from the end.
static int index_bound(ThreadState *ts, Value v, size_t len, size_t *out) {
    if (!seq_is_index(v)) {
        return exc_raise_int(ts, exc_TypeError,
                             "slice indices must be integers or have an __index__ method");
    }
    SliceObj tmp = {.start = v, .stop = CS_NONE, .step = CS_NONE};
    ssize_t i, stop, step;
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
    TupleObj *t = as_tuple(self);
    size_t lo = 0, hi = t->len;
    if (nargs >= 2 && index_bound(ts, args[1], t->len, &lo) < 0) {
        return CS_ERR;
    }
    if (nargs >= 3 && index_bound(ts, args[2], t->len, &hi) < 0) {
        return CS_ERR;
    }
    for (size_t i = lo; i < hi && i < t->len; i++) {
        int eq = t->items[i] == args[0] ? 1 : obj_eq(ts, t->items[i], args[0]);
        if (eq < 0) {
            return CS_ERR;
        }
        if (eq) {
            return int_from_i64(ts, (int64_t)i);
        }
    }
    return exc_raise(ts, exc_ValueError, "tuple.index(x): x not in tuple");
}

static Value meth_getnewargs(ThreadState *ts, Value self, const Value *args, size_t nargs,
                             TupleObj *kwnames) {
    TupleObj *t = as_tuple(self);
    Value copy = tuple_from_array(ts, t->items, t->len);
    return copy == CS_ERR ? CS_ERR : tuple_pack(ts, 1, copy);
}

static Value meth_class_getitem(ThreadState *ts, Value self, const Value *args, size_t nargs,
                                TupleObj *kwnames) {
    if (arg_count(ts, "__class_getitem__", nargs, 1, 1) < 0) {
        return CS_ERR;
    }
    return generic_alias_new(ts, self, args[0]);
}

static const MethodDef tuple_methods[] = {
    {"count", meth_count, 0, "Return number of occurrences of value."},
    {"index", meth_index, 0, "Return first index of value."},
    {"__getnewargs__", meth_getnewargs, 0, NULL},
    {"__class_getitem__", meth_class_getitem, METH_CLASS, "See PEP 585"},
    {NULL},
};

TypeObj type_tuple = {
    .hdr = OBJ_HEADER_INIT(&type_type),
    .name = "tuple",
    .basicsize = sizeof(TupleObj),
    .flags = TYPE_BASETYPE | TYPE_TUPLE_SUBCLASS | TYPE_VARSIZE,
    .doc = "Built-in immutable sequence.",
    .methods = tuple_methods,
    .trace = tuple_trace,
    .tp_new = tuple_tp_new,
    .repr = tuple_repr,
    .hash = tuple_hash,
    .richcompare = tuple_richcompare,
    .iter = tuple_iter,
    .len = tuple_len,
    .getitem = tuple_getitem,
    .contains = tuple_contains,
    .binop = {[BINOP_ADD] = tuple_add, [BINOP_MUL] = tuple_mul},
};

static const MethodDef tupleiter_methods[] = {
    {"__length_hint__", tupleiter_length_hint, 0, NULL},
    {NULL},
};

TypeObj type_tuple_iterator = {
    .hdr = OBJ_HEADER_INIT(&type_type),
    .name = "tuple_iterator",
    .basicsize = sizeof(TupleIterObj),
    .methods = tupleiter_methods,
    .trace = tupleiter_trace,
    .iter = iter_self,
    .iternext = tupleiter_next,
};
