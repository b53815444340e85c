// range and slice objects (vm/range.h), plus the helpers every sequence
// shares (vm/list.h): index normalisation, slice resolution, and repr with
// its recursion guard. Ranges hold arbitrary ints; when start, stop and step
// are all small the iterator yields small ints without allocating.
#include "vm/range.h"

#include <gmp.h>
#include <stdint.h>

#include "vm/exc.h"
#include "vm/func.h"
#include "vm/gc.h"
#include "vm/int.h"
#include "vm/list.h"
#include "vm/state.h"
#include "vm/str.h"

#define SSIZE_MAX_ ((ssize_t)(SIZE_MAX >> 1))
#define SSIZE_MIN_ (-SSIZE_MAX_ - 1)

// ---------------------------------------------------------------------------
// The repr recursion guard: a bit in the object header's spare word marks an
// object whose repr is under way, so a container that contains itself prints
// "[...]" instead of recursing forever.

bool seq_repr_enter(Value self) {
    Obj *o = as_obj(self);
    if (o->aux & OBJ_AUX_REPR_BUSY) {
        return false;
    }
    o->aux |= OBJ_AUX_REPR_BUSY;
    return true;
}

void seq_repr_leave(Value self) {
    as_obj(self)->aux &= ~(uint32_t)OBJ_AUX_REPR_BUSY;
}

// Appends the reprs of items joined by ", ". A list is re-read at each step
// because an item's __repr__ may mutate it.
static int append_items(ThreadState *ts, StrBuf *b, Value self, const Value *items, size_t n) {
    bool is_list = list_check(self);
    for (size_t i = 0;; i++) {
        if (is_list) {
            ListObj *l = as_list(self);
            if (i >= l->len) {
                break;
            }
            items = l->items;
        } else if (i >= n) {
            break;
        }
        Value item = items[i];
        if (i > 0) {
            str_buf_append(b, ", ", 2);
        }
        size_t mark = gc_temp_mark(ts);
        gc_temp_push(ts, item);
        int rc = str_buf_append_repr(ts, b, item);
        gc_temp_reset(ts, mark);
        if (rc < 0) {
            return -1;
        }
    }
    return 0;
}

Value seq_repr(ThreadState *ts, Value self, const Value *items, size_t n, const char *open,
               const char *close) {
    if (n == 0) {
        return str_format_c(ts, "%s%s", open, close);
    }
    if (!seq_repr_enter(self)) {
        size_t cl = strlen(close);
        return str_format_c(ts, "%s...%c", open, cl ? close[cl - 1] : ' ');
    }
    StrBuf b;
    str_buf_init(&b);
    str_buf_append_cstr(&b, open);
    int rc = append_items(ts, &b, self, items, n);
    seq_repr_leave(self);
    if (rc < 0) {
        str_buf_free(&b);
        return CS_ERR;
    }
    str_buf_append_cstr(&b, close);
    return str_buf_finish(ts, &b);
}

int seq_check_stack(ThreadState *ts, const char *where) {
    char here;
    if (ts->c_stack_limit && &here < ts->c_stack_limit) {
        return exc_raise_int(ts, exc_RecursionError, "maximum recursion depth exceeded%s", where);
    }
    return 0;
}

// ---------------------------------------------------------------------------
// Index helpers

// __index__ as a ssize_t; an int too large becomes CPython's IndexError.
static int index_value(ThreadState *ts, Value key, ssize_t *out) {
    if (is_small_int(key)) {
        *out = (ssize_t)as_small_int(key);
        return 0;
    }
    ssize_t i = obj_as_index(ts, key);
    if (i == -1 && ts_has_exc(ts)) {
        if (exc_matches(ts, exc_OverflowError)) {
            exc_clear(ts);
            exc_raise(ts, exc_IndexError, "cannot fit '%T' into an index-sized integer", key);
        }
        return -1;
    }
    *out = i;
    return 0;
}

int seq_index(ThreadState *ts, Value key, size_t len, const char *what, size_t *out) {
    ssize_t i;
    if (index_value(ts, key, &i) < 0) {
        return -1;
    }
    if (i < 0) {
        i += (ssize_t)len;
    }
    if (i < 0 || (size_t)i >= len) {
        return exc_raise_int(ts, exc_IndexError, "%s index out of range", what);
    }
    *out = (size_t)i;
    return 0;
}

bool seq_is_index(Value v) {
    return is_small_int(v) || int_check(v) || type_of(v)->index != NULL;
}

// A slice bound: any __index__ value, clamped to the ssize_t range as
// CPython's _PyEval_SliceIndex does.
static int slice_bound(ThreadState *ts, Value v, ssize_t *out) {
    if (is_small_int(v)) {
        *out = (ssize_t)as_small_int(v);
        return 0;
    }
    if (!seq_is_index(v)) {
        return exc_raise_int(ts, exc_TypeError,
                             "slice indices must be integers or None or have an __index__ method");
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
    if (mpz_fits_slong_p(z)) {
        *out = (ssize_t)mpz_get_si(z);
    } else {
        *out = mpz_sgn(z) < 0 ? SSIZE_MIN_ : SSIZE_MAX_;
    }
    mpz_clear(z);
    return 0;
}

// CPython's PySlice_Unpack: the raw bounds with None filled in.
int slice_unpack(ThreadState *ts, SliceObj *s, ssize_t *start, ssize_t *stop, ssize_t *step) {
    if (s->step == CS_NONE) {
        *step = 1;
    } else {
        if (slice_bound(ts, s->step, step) < 0) {
            return -1;
        }
        if (*step == 0) {
            return exc_raise_int(ts, exc_ValueError, "slice step cannot be zero");
        }
        if (*step < -SSIZE_MAX_) {
            *step = -SSIZE_MAX_;
        }
    }
    if (s->start == CS_NONE) {
        *start = *step < 0 ? SSIZE_MAX_ : 0;
    } else if (slice_bound(ts, s->start, start) < 0) {
        return -1;
    }
    if (s->stop == CS_NONE) {
        *stop = *step < 0 ? SSIZE_MIN_ : SSIZE_MAX_;
    } else if (slice_bound(ts, s->stop, stop) < 0) {
        return -1;
    }
    return 0;
}

// CPython's PySlice_AdjustIndices: clamps to the sequence, returns the length.
ssize_t slice_adjust(ssize_t len, ssize_t *start, ssize_t *stop, ssize_t step) {
    if (*start < 0) {
        *start += len;
        if (*start < 0) {
            *start = step < 0 ? -1 : 0;
        }
    } else if (*start >= len) {
        *start = step < 0 ? len - 1 : len;
    }
    if (*stop < 0) {
        *stop += len;
        if (*stop < 0) {
            *stop = step < 0 ? -1 : 0;
        }
    } else if (*stop >= len) {
        *stop = step < 0 ? len - 1 : len;
    }
    if (step < 0) {
        if (*stop < *start) {
            return (*start - *stop - 1) / (-step) + 1;
        }
    } else if (*start < *stop) {
        return (*stop - *start - 1) / step + 1;
    }
    return 0;
}

int slice_indices(ThreadState *ts, SliceObj *s, ssize_t len, ssize_t *start, ssize_t *stop,
                  ssize_t *step, ssize_t *slicelen) {
    if (slice_unpack(ts, s, start, stop, step) < 0) {
        return -1;
    }
    *slicelen = slice_adjust(len, start, stop, *step);
    return 0;
}

// ---------------------------------------------------------------------------
// slice

static void slice_trace(Obj *o, GcState *gc) {
    SliceObj *s = (SliceObj *)o;
    gc_mark_value(gc, s->start);
    gc_mark_value(gc, s->stop);
    gc_mark_value(gc, s->step);
}

Value slice_new(ThreadState *ts, Value start, Value stop, Value step) {
    SliceObj *s = gc_alloc(ts, &type_slice, sizeof(SliceObj));
    s->start = start;
    s->stop = stop;
    s->step = step;
    return obj_val(s);
}

static Value slice_tp_new(ThreadState *ts, TypeObj *type, const Value *args, size_t nargs,
                          TupleObj *kwnames) {
    if (arg_no_kw(ts, "slice", kwnames) < 0 || arg_count(ts, "slice", nargs, 1, 3) < 0) {
        return CS_ERR;
    }
    if (nargs == 1) {
        return slice_new(ts, CS_NONE, args[0], CS_NONE);
    }
    return slice_new(ts, args[0], args[1], nargs == 3 ? args[2] : CS_NONE);
}

static Value slice_repr(ThreadState *ts, Value self) {
    SliceObj *s = (SliceObj *)as_obj(self);
    return str_format_c(ts, "slice(%R, %R, %R)", s->start, s->stop, s->step);
}

static Value slice_richcompare(ThreadState *ts, Value a, Value b, CmpOp op) {
    if (!is_type_exact(a, &type_slice) || !is_type_exact(b, &type_slice)) {
        return CS_NOTIMPL_VAL;
    }
    if (a == b && (op == CMP_EQ || op == CMP_NE)) {
        return bool_val(op == CMP_EQ);
    }
    SliceObj *x = (SliceObj *)as_obj(a), *y = (SliceObj *)as_obj(b);
    Value ta = tuple_pack(ts, 3, x->start, x->stop, x->step);
    Value tb = tuple_pack(ts, 3, y->start, y->stop, y->step);
    return obj_compare(ts, ta, tb, op);
}

static Value slice_meth_indices(ThreadState *ts, Value self, const Value *args, size_t nargs,
                                TupleObj *kwnames) {
    if (arg_count(ts, "indices", nargs, 1, 1) < 0) {
        return CS_ERR;
    }
    Value lv = obj_index(ts, args[0]);
    if (lv == CS_ERR) {
        return CS_ERR;
    }
    if (int_sign(lv) < 0) {
        return exc_raise(ts, exc_ValueError, "length should not be negative");
    }
    ssize_t len = obj_as_index(ts, lv);
    if (len == -1 && ts_has_exc(ts)) {
        return CS_ERR;
    }
    ssize_t start, stop, step, slicelen;
    if (slice_indices(ts, (SliceObj *)as_obj(self), len, &start, &stop, &step, &slicelen) < 0) {
        return CS_ERR;
    }
    return tuple_pack(ts, 3, int_from_i64(ts, start), int_from_i64(ts, stop),
                      int_from_i64(ts, step));
}

static Value slice_get_start(ThreadState *ts, Value self) {
    return ((SliceObj *)as_obj(self))->start;
}

static Value slice_get_stop(ThreadState *ts, Value self) {
    return ((SliceObj *)as_obj(self))->stop;
}

static Value slice_get_step(ThreadState *ts, Value self) {
    return ((SliceObj *)as_obj(self))->step;
}

static const MethodDef slice_methods[] = {
    {"indices", slice_meth_indices, 0, "S.indices(len) -> (start, stop, stride)"},
    {NULL},
};

static const GetSetDef slice_getsets[] = {
    {"start", slice_get_start, NULL},
    {"stop", slice_get_stop, NULL},
    {"step", slice_get_step, NULL},
    {NULL},
};

TypeObj type_slice = {
    .hdr = OBJ_HEADER_INIT(&type_type),
    .name = "slice",
    .basicsize = sizeof(SliceObj),
    .doc = "slice(stop)\nslice(start, stop[, step])",
    .methods = slice_methods,
    .getsets = slice_getsets,
    .trace = slice_trace,
    .tp_new = slice_tp_new,
    .repr = slice_repr,
    .hash = obj_unhashable,
    .richcompare = slice_richcompare,
};

// ---------------------------------------------------------------------------
// range: arithmetic on arbitrary ints, with C fast paths for small ones

typedef struct RangeIterObj {
    Obj hdr;
    int64_t next, step, remaining;
} RangeIterObj;

typedef struct LongRangeIterObj {
    Obj hdr;
    Value next, step, remaining;
} LongRangeIterObj;

static bool all_small3(Value a, Value b, Value c) {
    return is_small_int(a) && is_small_int(b) && is_small_int(c);
}

static RangeObj *as_range(Value v) {
    return (RangeObj *)as_obj(v);
}

// len(range(start, stop, step)) as an int (step is non-zero).
static Value compute_length(ThreadState *ts, Value start, Value stop, Value step) {
    if (all_small3(start, stop, step)) {
        int64_t lo = as_small_int(start), hi = as_small_int(stop), st = as_small_int(step);
        if (st < 0) {
            lo = as_small_int(stop);
            hi = as_small_int(start);
            st = -st;
        }
        return small_int_val(lo >= hi ? 0 : (hi - lo - 1) / st + 1);
    }
    Value lo = start, hi = stop;
    if (int_sign(step) < 0) {
        lo = stop;
        hi = start;
        step = int_neg(ts, step);
        if (step == CS_ERR) {
            return CS_ERR;
        }
    }
    if (int_compare(lo, hi) >= 0) {
        return small_int_val(0);
    }
    Value diff = int_sub(ts, hi, lo);
    if (diff == CS_ERR) {
        return CS_ERR;
    }
    diff = int_sub(ts, diff, small_int_val(1));
    if (diff == CS_ERR) {
        return CS_ERR;
    }
    Value q = int_floordiv(ts, diff, step);
    if (q == CS_ERR) {
        return CS_ERR;
    }
    return int_add(ts, q, small_int_val(1));
}

Value range_new(ThreadState *ts, Value start, Value stop, Value step) {
    if (int_sign(step) == 0) {
        return exc_raise(ts, exc_ValueError, "range() arg 3 must not be zero");
    }
    Value len = compute_length(ts, start, stop, step);
    if (len == CS_ERR) {
        return CS_ERR;
    }
    RangeObj *r = gc_alloc(ts, &type_range, sizeof(RangeObj));
    r->start = start;
    r->stop = stop;
    r->step = step;
    r->length = len;
    return obj_val(r);
}

static void range_trace(Obj *o, GcState *gc) {
    RangeObj *r = (RangeObj *)o;
    gc_mark_value(gc, r->start);
    gc_mark_value(gc, r->stop);
    gc_mark_value(gc, r->step);
    gc_mark_value(gc, r->length);
}

static Value range_tp_new(ThreadState *ts, TypeObj *type, const Value *args, size_t nargs,
                          TupleObj *kwnames) {
    if (arg_no_kw(ts, "range", kwnames) < 0 || arg_count(ts, "range", nargs, 1, 3) < 0) {
        return CS_ERR;
    }
    Value v[3] = {small_int_val(0), CS_UNBOUND, small_int_val(1)};
    for (size_t i = 0; i < nargs; i++) {
        Value iv = obj_index(ts, args[i]);
        if (iv == CS_ERR) {
            return CS_ERR;
        }
        v[nargs == 1 ? 1 : i] = iv;
    }
    return range_new(ts, v[0], v[1], v[2]);
}

// start + i * step
static Value range_item(ThreadState *ts, RangeObj *r, Value i) {
    if (all_small3(r->start, r->step, i)) {
        return int_from_i64(ts, as_small_int(r->start) + as_small_int(i) * as_small_int(r->step));
    }
    Value p = int_mul(ts, i, r->step);
    if (p == CS_ERR) {
        return CS_ERR;
    }
    return int_add(ts, r->start, p);
}

static Value range_repr(ThreadState *ts, Value self) {
    RangeObj *r = as_range(self);
    if (is_small_int(r->step) && as_small_int(r->step) == 1) {
        return str_format_c(ts, "range(%R, %R)", r->start, r->stop);
    }
    return str_format_c(ts, "range(%R, %R, %R)", r->start, r->stop, r->step);
}

static ssize_t range_len(ThreadState *ts, Value self) {
    Value len = as_range(self)->length;
    if (is_small_int(len)) {
        return (ssize_t)as_small_int(len);
    }
    mpz_t z;
    mpz_init(z);
    int_to_mpz(len, z);
    ssize_t n = mpz_fits_slong_p(z) ? (ssize_t)mpz_get_si(z) : -1;
    mpz_clear(z);
    if (n < 0) {
        return exc_raise_int(ts, exc_OverflowError, "Python int too large to convert to C ssize_t");
    }
    return n;
}

static int range_truthy(ThreadState *ts, Value self) {
    return int_sign(as_range(self)->length) != 0;
}

// range[i] for an int i (any size).
static Value range_index_item(ThreadState *ts, RangeObj *r, Value key) {
    Value i = is_small_int(key) ? key : obj_index(ts, key);
    if (i == CS_ERR) {
        return CS_ERR;
    }
    if (int_sign(i) < 0) {
        i = int_add(ts, i, r->length);
        if (i == CS_ERR) {
            return CS_ERR;
        }
    }
    if (int_sign(i) < 0 || int_compare(i, r->length) >= 0) {
        return exc_raise(ts, exc_IndexError, "range object index out of range");
    }
    return range_item(ts, r, i);
}

// One bound of a slice against a length, as CPython's _PySlice_GetLongIndices.
static Value long_bound(ThreadState *ts, Value v, Value len, Value lower, Value upper) {
    Value i = obj_index(ts, v);
    if (i == CS_ERR) {
        return CS_ERR;
    }
    if (int_sign(i) < 0) {
        i = int_add(ts, i, len);
        if (i == CS_ERR) {
            return CS_ERR;
        }
        return int_compare(i, lower) < 0 ? lower : i;
    }
    return int_compare(i, upper) > 0 ? upper : i;
}

static Value range_slice(ThreadState *ts, RangeObj *r, SliceObj *s) {
    Value step = small_int_val(1);
    if (s->step != CS_NONE) {
        if (!seq_is_index(s->step)) {
            return exc_raise(ts, exc_TypeError,
                             "slice indices must be integers or None or have an __index__ method");
        }
        step = obj_index(ts, s->step);
        if (step == CS_ERR) {
            return CS_ERR;
        }
        if (int_sign(step) == 0) {
            return exc_raise(ts, exc_ValueError, "slice step cannot be zero");
        }
    }
    bool neg = int_sign(step) < 0;
    Value lower = neg ? small_int_val(-1) : small_int_val(0);
    Value upper = neg ? int_add(ts, r->length, small_int_val(-1)) : r->length;
    if (upper == CS_ERR) {
        return CS_ERR;
    }
    Value start = neg ? upper : lower, stop = neg ? lower : upper;
    Value bounds[2] = {s->start, s->stop};
    Value *outs[2] = {&start, &stop};
    for (int k = 0; k < 2; k++) {
        if (bounds[k] == CS_NONE) {
            continue;
        }
        if (!seq_is_index(bounds[k])) {
            return exc_raise(ts, exc_TypeError,
                             "slice indices must be integers or None or have an __index__ method");
        }
        *outs[k] = long_bound(ts, bounds[k], r->length, lower, upper);
        if (*outs[k] == CS_ERR) {
            return CS_ERR;
        }
    }
    Value nstart = range_item(ts, r, start);
    Value nstop = nstart == CS_ERR ? CS_ERR : range_item(ts, r, stop);
    Value nstep = nstop == CS_ERR ? CS_ERR : int_mul(ts, r->step, step);
    if (nstep == CS_ERR) {
        return CS_ERR;
    }
    return range_new(ts, nstart, nstop, nstep);
}

static Value range_getitem(ThreadState *ts, Value self, Value key) {
    RangeObj *r = as_range(self);
    if (is_small_int(key) && is_small_int(r->length)) {
        int64_t i = as_small_int(key), n = as_small_int(r->length);
        if (i < 0) {
            i += n;
        }
        if (i < 0 || i >= n) {
            return exc_raise(ts, exc_IndexError, "range object index out of range");
        }
        return range_item(ts, r, small_int_val(i));
    }
    if (is_type_exact(key, &type_slice)) {
        return range_slice(ts, r, (SliceObj *)as_obj(key));
    }
    if (seq_is_index(key)) {
        return range_index_item(ts, r, key);
    }
    return exc_raise(ts, exc_TypeError, "range indices must be integers or slices, not %T", key);
}

// x in r for an int x, in O(1).
static int range_contains_int(ThreadState *ts, RangeObj *r, Value x) {
    if (all_small3(r->start, r->stop, r->step) && is_small_int(x)) {
        int64_t s = as_small_int(r->start), e = as_small_int(r->stop);
        int64_t st = as_small_int(r->step), v = as_small_int(x);
        bool in = st > 0 ? (s <= v && v < e) : (e < v && v <= s);
        return in && (v - s) % st == 0;
    }
    if (is_bool(x)) {
        x = small_int_val(x == CS_TRUE);
    }
    int in;
    if (int_sign(r->step) > 0) {
        in = int_compare(r->start, x) <= 0 && int_compare(x, r->stop) < 0;
    } else {
        in = int_compare(r->stop, x) < 0 && int_compare(x, r->start) <= 0;
    }
    if (!in) {
        return 0;
    }
    Value d = int_sub(ts, x, r->start);
    Value m = d == CS_ERR ? CS_ERR : int_mod(ts, d, r->step);
    if (m == CS_ERR) {
        return -1;
    }
    return int_sign(m) == 0;
}

static bool is_plain_int(Value v) {
    return is_bool(v) || int_check_exact(v);
}

// Linear search by equality, for non-int needles: returns the position, -1
// when absent, -2 raised. Stops at the first match when count is NULL.
static int64_t range_search(ThreadState *ts, Value self, Value x, int64_t *count) {
    Value it = obj_iter(ts, self);
    if (it == CS_ERR) {
        return -2;
    }
    size_t mark = gc_temp_mark(ts);
    for (int64_t i = 0;; i++) {
        gc_temp_reset(ts, mark);
        Value v = obj_next(ts, it);
        if (v == CS_STOP) {
            return -1;
        }
        if (v == CS_ERR) {
            return -2;
        }
        gc_temp_push(ts, v);
        int eq = obj_eq(ts, v, x);
        if (eq < 0) {
            return -2;
        }
        if (eq && !count) {
            return i;
        }
        if (eq) {
            (*count)++;
        }
    }
}

static int range_contains(ThreadState *ts, Value self, Value x) {
    if (is_plain_int(x)) {
        return range_contains_int(ts, as_range(self), x);
    }
    int64_t pos = range_search(ts, self, x, NULL);
    return pos == -2 ? -1 : pos >= 0;
}

static Value range_meth_count(ThreadState *ts, Value self, const Value *args, size_t nargs,
                              TupleObj *kwnames) {
    if (arg_count(ts, "count", nargs, 1, 1) < 0) {
        return CS_ERR;
    }
    if (is_plain_int(args[0])) {
        int in = range_contains_int(ts, as_range(self), args[0]);
        return in < 0 ? CS_ERR : small_int_val(in);
    }
    int64_t n = 0;
    if (range_search(ts, self, args[0], &n) == -2) {
        return CS_ERR;
    }
    return int_from_i64(ts, n);
}

static Value range_meth_index(ThreadState *ts, Value self, const Value *args, size_t nargs,
                              TupleObj *kwnames) {
    if (arg_count(ts, "index", nargs, 1, 1) < 0) {
        return CS_ERR;
    }
    RangeObj *r = as_range(self);
    Value x = args[0];
    if (!is_plain_int(x)) {
        int64_t pos = range_search(ts, self, x, NULL);
        if (pos == -2) {
            return CS_ERR;
        }
        if (pos == -1) {
            return exc_raise(ts, exc_ValueError, "sequence.index(x): x not in sequence");
        }
        return int_from_i64(ts, pos);
    }
    int in = range_contains_int(ts, r, x);
    if (in < 0) {
        return CS_ERR;
    }
    if (!in) {
        return exc_raise(ts, exc_ValueError, "%R is not in range", x);
    }
    if (is_bool(x)) {
        x = small_int_val(x == CS_TRUE);
    }
    Value d = int_sub(ts, x, r->start);
    return d == CS_ERR ? CS_ERR : int_floordiv(ts, d, r->step);
}

static Value range_richcompare(ThreadState *ts, Value a, Value b, CmpOp op) {
    if (!is_type_exact(a, &type_range) || !is_type_exact(b, &type_range) ||
        (op != CMP_EQ && op != CMP_NE)) {
        return CS_NOTIMPL_VAL;
    }
    RangeObj *x = as_range(a), *y = as_range(b);
    bool eq;
    if (x == y) {
        eq = true;
    } else if (int_compare(x->length, y->length) != 0) {
        eq = false;
    } else if (int_sign(x->length) == 0) {
        eq = true;
    } else if (int_compare(x->start, y->start) != 0) {
        eq = false;
    } else if (is_small_int(x->length) && as_small_int(x->length) == 1) {
        eq = true;
    } else {
        eq = int_compare(x->step, y->step) == 0;
    }
    return bool_val(op == CMP_EQ ? eq : !eq);
}

// hash((len, start, step)) with None for what does not matter, as CPython.
static int64_t range_hash(ThreadState *ts, Value self) {
    RangeObj *r = as_range(self);
    Value start = CS_NONE, step = CS_NONE;
    if (int_sign(r->length) != 0) {
        start = r->start;
        if (!(is_small_int(r->length) && as_small_int(r->length) == 1)) {
            step = r->step;
        }
    }
    Value t = tuple_pack(ts, 3, r->length, start, step);
    return obj_hash(ts, t);
}

// ---------------------------------------------------------------------------
// range iterators

static Value make_iter(ThreadState *ts, Value start, Value step, Value len) {
    if (is_small_int(start) && is_small_int(step) && is_small_int(len)) {
        int64_t last = as_small_int(start) + (as_small_int(len) - 1) * as_small_int(step);
        if (as_small_int(len) == 0 || small_int_fits(last)) {
            RangeIterObj *it = gc_alloc(ts, &type_range_iterator, sizeof(RangeIterObj));
            it->next = as_small_int(start);
            it->step = as_small_int(step);
            it->remaining = as_small_int(len);
            return obj_val(it);
        }
    }
    LongRangeIterObj *it = gc_alloc(ts, &type_longrange_iterator, sizeof(LongRangeIterObj));
    it->next = start;
    it->step = step;
    it->remaining = len;
    return obj_val(it);
}

static Value range_iter(ThreadState *ts, Value self) {
    RangeObj *r = as_range(self);
    return make_iter(ts, r->start, r->step, r->length);
}

static Value range_meth_reversed(ThreadState *ts, Value self, const Value *args, size_t nargs,
                                 TupleObj *kwnames) {
    if (arg_count(ts, "__reversed__", nargs, 0, 0) < 0) {
        return CS_ERR;
    }
    RangeObj *r = as_range(self);
    if (int_sign(r->length) == 0) {
        return make_iter(ts, r->start, r->step, r->length);
    }
    Value last_i = int_sub(ts, r->length, small_int_val(1));
    Value last = last_i == CS_ERR ? CS_ERR : range_item(ts, r, last_i);
    Value step = last == CS_ERR ? CS_ERR : int_neg(ts, r->step);
    if (step == CS_ERR) {
        return CS_ERR;
    }
    return make_iter(ts, last, step, r->length);
}

static Value iter_self(ThreadState *ts, Value self) {
    return self;
}

static Value rangeiter_next(ThreadState *ts, Value self) {
    RangeIterObj *it = (RangeIterObj *)as_obj(self);
    if (it->remaining <= 0) {
        return CS_STOP;
    }
    int64_t v = it->next;
    it->next += it->step;
    it->remaining--;
    return small_int_val(v);
}

static Value rangeiter_length_hint(ThreadState *ts, Value self, const Value *args, size_t nargs,
                                   TupleObj *kwnames) {
    RangeIterObj *it = (RangeIterObj *)as_obj(self);
    return int_from_i64(ts, it->remaining > 0 ? it->remaining : 0);
}

static void longrangeiter_trace(Obj *o, GcState *gc) {
    LongRangeIterObj *it = (LongRangeIterObj *)o;
    gc_mark_value(gc, it->next);
    gc_mark_value(gc, it->step);
    gc_mark_value(gc, it->remaining);
}

static Value longrangeiter_next(ThreadState *ts, Value self) {
    LongRangeIterObj *it = (LongRangeIterObj *)as_obj(self);
    if (int_sign(it->remaining) <= 0) {
        return CS_STOP;
    }
    Value v = it->next;
    Value next = int_add(ts, v, it->step);
    Value rem = next == CS_ERR ? CS_ERR : int_sub(ts, it->remaining, small_int_val(1));
    if (rem == CS_ERR) {
        return CS_ERR;
    }
    it->next = next;
    it->remaining = rem;
    return v;
}

static Value longrangeiter_length_hint(ThreadState *ts, Value self, const Value *args, size_t nargs,
                                       TupleObj *kwnames) {
    return ((LongRangeIterObj *)as_obj(self))->remaining;
}

static Value range_get_start(ThreadState *ts, Value self) {
    return as_range(self)->start;
}

static Value range_get_stop(ThreadState *ts, Value self) {
    return as_range(self)->stop;
}

static Value range_get_step(ThreadState *ts, Value self) {
    return as_range(self)->step;
}

static const MethodDef range_methods[] = {
    {"count", range_meth_count, 0, "rangeobject.count(value) -> integer"},
    {"index", range_meth_index, 0, "rangeobject.index(value) -> integer"},
    {"__reversed__", range_meth_reversed, 0, "Return a reverse iterator."},
    {NULL},
};

static const GetSetDef range_getsets[] = {
    {"start", range_get_start, NULL},
    {"stop", range_get_stop, NULL},
    {"step", range_get_step, NULL},
    {NULL},
};

TypeObj type_range = {
    .hdr = OBJ_HEADER_INIT(&type_type),
    .name = "range",
    .basicsize = sizeof(RangeObj),
    .doc = "range(stop) -> range object\nrange(start, stop[, step]) -> range object",
    .methods = range_methods,
    .getsets = range_getsets,
    .trace = range_trace,
    .tp_new = range_tp_new,
    .repr = range_repr,
    .hash = range_hash,
    .richcompare = range_richcompare,
    .truthy = range_truthy,
    .iter = range_iter,
    .len = range_len,
    .getitem = range_getitem,
    .contains = range_contains,
};

static const MethodDef rangeiter_methods[] = {
    {"__length_hint__", rangeiter_length_hint, 0, NULL},
    {NULL},
};

TypeObj type_range_iterator = {
    .hdr = OBJ_HEADER_INIT(&type_type),
    .name = "range_iterator",
    .basicsize = sizeof(RangeIterObj),
    .methods = rangeiter_methods,
    .iter = iter_self,
    .iternext = rangeiter_next,
};

static const MethodDef longrangeiter_methods[] = {
    {"__length_hint__", longrangeiter_length_hint, 0, NULL},
    {NULL},
};

TypeObj type_longrange_iterator = {
    .hdr = OBJ_HEADER_INIT(&type_type),
    .name = "longrange_iterator",
    .basicsize = sizeof(LongRangeIterObj),
    .methods = longrangeiter_methods,
    .trace = longrangeiter_trace,
    .iter = iter_self,
    .iternext = longrangeiter_next,
};
