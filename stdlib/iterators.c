// The iterator types behind the builtins enumerate, zip, map, filter and
// reversed, the sequence and callable iterators (iter(seq), iter(f, s)) and
// the anext(it, default) awaitable. Each keeps the iterators it draws from
// and marks them in its trace slot; the builtin functions live in
// stdlib/mod_builtins.c.
#include "stdlib/iterators.h"

#include "vm/exc.h"
#include "vm/func.h"
#include "vm/gen.h"
#include "vm/gc.h"
#include "vm/int.h"
#include "vm/list.h"
#include "vm/names.h"
#include "vm/state.h"
#include "vm/str.h"
#include "vm/typeobj.h"

// ---------------------------------------------------------------------------
// Shared helpers

Value iterators_next(ThreadState *ts, Value it) {
    Value v = obj_next(ts, it);
    if (v == CS_ERR && exc_matches(ts, exc_StopIteration)) {
        exc_clear(ts);
        return CS_STOP;
    }
    return v;
}

static Value iter_self(ThreadState *ts, Value self) {
    return self;
}

static size_t kw_count(TupleObj *kwnames) {
    return kwnames ? kwnames->len : 0;
}

// Calls a special method found on the type (CPython's _PyObject_LookupSpecial
// followed by a call): binds it to self when it is a descriptor.
static Value call_special0(ThreadState *ts, Value meth, Value self) {
    DescrGetFn get = type_of(meth)->descr_get;
    if (get) {
        meth = get(ts, meth, self, type_of(self));
        if (meth == CS_ERR) {
            return CS_ERR;
        }
        gc_temp_push(ts, meth);
    }
    return obj_call0(ts, meth);
}

// ---------------------------------------------------------------------------
// enumerate

typedef struct EnumerateObj {
    Obj hdr;
    Value it;
    Value count; // the index of the next item (an int, maybe big)
} EnumerateObj;

static void enumerate_trace(Obj *o, GcState *gc) {
    EnumerateObj *e = (EnumerateObj *)o;
    gc_mark_value(gc, e->it);
    gc_mark_value(gc, e->count);
}

static Value enumerate_tp_new(ThreadState *ts, TypeObj *type, const Value *args, size_t nargs,
                              TupleObj *kwnames) {
    size_t total = nargs + kw_count(kwnames);
    if (total > 2) {
        return exc_raise(ts, exc_TypeError, "enumerate() takes at most 2 arguments (%zu given)",
                         total);
    }
    Value out[2];
    if (arg_parse(ts, "enumerate", args, nargs, kwnames, "|iterable,start", out) < 0) {
        return CS_ERR;
    }
    if (out[0] == CS_UNBOUND) {
        return exc_raise(ts, exc_TypeError, "enumerate() missing required argument 'iterable'");
    }
    Value start = small_int_val(0);
    if (out[1] != CS_UNBOUND) {
        start = obj_index(ts, out[1]);
        if (start == CS_ERR) {
            return CS_ERR;
        }
    }
    Value it = obj_iter(ts, out[0]);
    if (it == CS_ERR) {
        return CS_ERR;
    }
    EnumerateObj *e = gc_alloc(ts, type, type->basicsize);
    e->it = it;
    e->count = start;
    return obj_val(e);
}

static Value enumerate_next(ThreadState *ts, Value self) {
    EnumerateObj *e = (EnumerateObj *)as_obj(self);
    Value item = iterators_next(ts, e->it);
    if (item == CS_STOP || item == CS_ERR) {
        return item;
    }
    gc_temp_push(ts, item);
    Value idx = e->count;
    Value t = tuple_new(ts, 2);
    as_tuple(t)->items[0] = idx;
    as_tuple(t)->items[1] = item;
    if (is_small_int(idx) && as_small_int(idx) < SMALL_INT_MAX) {
        e->count = small_int_val(as_small_int(idx) + 1);
    } else {
        Value next = int_add(ts, idx, small_int_val(1));
        if (next == CS_ERR) {
            return CS_ERR;
        }
        e->count = next;
    }
    return t;
}

TypeObj type_enumerate = {
    .hdr = OBJ_HEADER_INIT(&type_type),
    .name = "enumerate",
    .basicsize = sizeof(EnumerateObj),
    .flags = TYPE_BASETYPE,
    .doc = "Return an enumerate object.",
    .trace = enumerate_trace,
    .tp_new = enumerate_tp_new,
    .iter = iter_self,
    .iternext = enumerate_next,
};

// ---------------------------------------------------------------------------
// zip

typedef struct ZipObj {
    Obj hdr;
    Value iters; // tuple of iterators
    bool strict;
} ZipObj;

static void zip_trace(Obj *o, GcState *gc) {
    gc_mark_value(gc, ((ZipObj *)o)->iters);
}

static Value zip_tp_new(ThreadState *ts, TypeObj *type, const Value *args, size_t nargs,
                        TupleObj *kwnames) {
    Value strict = CS_UNBOUND;
    if (arg_parse(ts, "zip", args + nargs, 0, kwnames, "|$strict", &strict) < 0) {
        return CS_ERR;
    }
    int is_strict = 0;
    if (strict != CS_UNBOUND) {
        is_strict = obj_truthy(ts, strict);
        if (is_strict < 0) {
            return CS_ERR;
        }
    }
    Value iters = tuple_new(ts, nargs);
    for (size_t i = 0; i < nargs; i++) {
        Value it = obj_iter(ts, args[i]);
        if (it == CS_ERR) {
            return CS_ERR;
        }
        as_tuple(iters)->items[i] = it;
    }
    ZipObj *z = gc_alloc(ts, type, type->basicsize);
    z->iters = iters;
    z->strict = is_strict;
    return obj_val(z);
}

// Argument i+1 ran out first under strict=True: the arguments after it must
// be exhausted too ("zip() argument 2 is shorter than argument 1").
static Value zip_check_strict(ThreadState *ts, TupleObj *iters, size_t i) {
    const char *plural = i == 1 ? " " : "s 1-";
    if (i > 0) {
        return exc_raise(ts, exc_ValueError, "zip() argument %zu is shorter than argument%s%zu",
                         i + 1, plural, i);
    }
    for (i = 1; i < iters->len; i++) {
        Value v = iterators_next(ts, iters->items[i]);
        if (v == CS_ERR) {
            return CS_ERR;
        }
        if (v != CS_STOP) {
            plural = i == 1 ? " " : "s 1-";
            return exc_raise(ts, exc_ValueError, "zip() argument %zu is longer than argument%s%zu",
                             i + 1, plural, i);
        }
    }
    return CS_STOP;
}

static Value zip_next(ThreadState *ts, Value self) {
    ZipObj *z = (ZipObj *)as_obj(self);
    TupleObj *iters = as_tuple(z->iters);
    size_t n = iters->len;
    if (n == 0) {
        return CS_STOP;
    }
    Value t = tuple_new(ts, n);
    for (size_t i = 0; i < n; i++) {
        Value v = iterators_next(ts, iters->items[i]);
        if (v == CS_ERR) {
            return CS_ERR;
        }
        if (v == CS_STOP) {
            return z->strict ? zip_check_strict(ts, iters, i) : CS_STOP;
        }
        as_tuple(t)->items[i] = v;
    }
    return t;
}

TypeObj type_zip = {
    .hdr = OBJ_HEADER_INIT(&type_type),
    .name = "zip",
    .basicsize = sizeof(ZipObj),
    .flags = TYPE_BASETYPE,
    .doc = "zip(*iterables, strict=False) --> Yield tuples until an input is exhausted.",
    .trace = zip_trace,
    .tp_new = zip_tp_new,
    .iter = iter_self,
    .iternext = zip_next,
};

// ---------------------------------------------------------------------------
// map

typedef struct MapObj {
    Obj hdr;
    Value func;
    Value iters; // tuple of iterators
} MapObj;

static void map_trace(Obj *o, GcState *gc) {
    gc_mark_value(gc, ((MapObj *)o)->func);
    gc_mark_value(gc, ((MapObj *)o)->iters);
}

static Value map_tp_new(ThreadState *ts, TypeObj *type, const Value *args, size_t nargs,
                        TupleObj *kwnames) {
    if (kw_count(kwnames) && type == &type_map) {
        return exc_raise(ts, exc_TypeError, "map() takes no keyword arguments");
    }
    if (nargs < 2) {
        return exc_raise(ts, exc_TypeError, "map() must have at least two arguments.");
    }
    Value iters = tuple_new(ts, nargs - 1);
    for (size_t i = 1; i < nargs; i++) {
        Value it = obj_iter(ts, args[i]);
        if (it == CS_ERR) {
            return CS_ERR;
        }
        as_tuple(iters)->items[i - 1] = it;
    }
    MapObj *m = gc_alloc(ts, type, type->basicsize);
    m->func = args[0];
    m->iters = iters;
    return obj_val(m);
}

#define MAP_STACK_ARGS 8

static Value map_next(ThreadState *ts, Value self) {
    MapObj *m = (MapObj *)as_obj(self);
    TupleObj *iters = as_tuple(m->iters);
    size_t n = iters->len;
    Value small[MAP_STACK_ARGS];
    Value *argv = small;
    if (n > MAP_STACK_ARGS) {
        argv = as_tuple(tuple_new(ts, n))->items; // rooted: the tuple is fresh
    }
    size_t mark = gc_temp_mark(ts);
    for (size_t i = 0; i < n; i++) {
        Value v = iterators_next(ts, iters->items[i]);
        if (v == CS_STOP || v == CS_ERR) {
            gc_temp_reset(ts, mark);
            return v;
        }
        gc_temp_push(ts, v);
        argv[i] = v;
    }
    Value r = obj_call(ts, m->func, argv, n, NULL);
    gc_temp_reset(ts, mark);
    if (r != CS_ERR) {
        gc_temp_push(ts, r);
    }
    return r;
}

TypeObj type_map = {
    .hdr = OBJ_HEADER_INIT(&type_type),
    .name = "map",
    .basicsize = sizeof(MapObj),
    .flags = TYPE_BASETYPE,
    .doc = "map(func, *iterables) --> map object",
    .trace = map_trace,
    .tp_new = map_tp_new,
    .iter = iter_self,
    .iternext = map_next,
};

// ---------------------------------------------------------------------------
// filter

typedef struct FilterObj {
    Obj hdr;
    Value func; // CS_NONE: the items' own truth
    Value it;
} FilterObj;

static void filter_trace(Obj *o, GcState *gc) {
    gc_mark_value(gc, ((FilterObj *)o)->func);
    gc_mark_value(gc, ((FilterObj *)o)->it);
}

static Value filter_tp_new(ThreadState *ts, TypeObj *type, const Value *args, size_t nargs,
                           TupleObj *kwnames) {
    if (kw_count(kwnames) && type == &type_filter) {
        return exc_raise(ts, exc_TypeError, "filter() takes no keyword arguments");
    }
    if (nargs != 2) {
        return exc_raise(ts, exc_TypeError, "filter expected 2 arguments, got %zu", nargs);
    }
    Value it = obj_iter(ts, args[1]);
    if (it == CS_ERR) {
        return CS_ERR;
    }
    FilterObj *f = gc_alloc(ts, type, type->basicsize);
    f->func = args[0];
    f->it = it;
    return obj_val(f);
}

static int filter_keep(ThreadState *ts, FilterObj *f, Value item) {
    if (f->func == CS_NONE || f->func == obj_val(&type_bool)) {
        return obj_truthy(ts, item);
    }
    Value r = obj_call1(ts, f->func, item);
    if (r == CS_ERR) {
        return -1;
    }
    return obj_truthy(ts, r);
}

static Value filter_next(ThreadState *ts, Value self) {
    FilterObj *f = (FilterObj *)as_obj(self);
    size_t mark = gc_temp_mark(ts);
    for (;;) {
        gc_temp_reset(ts, mark);
        Value item = iterators_next(ts, f->it);
        if (item == CS_STOP || item == CS_ERR) {
            return item;
        }
        gc_temp_push(ts, item);
        int keep = filter_keep(ts, f, item);
        if (keep < 0) {
            return CS_ERR;
        }
        if (keep) {
            return item;
        }
    }
}

TypeObj type_filter = {
    .hdr = OBJ_HEADER_INIT(&type_type),
    .name = "filter",
    .basicsize = sizeof(FilterObj),
    .flags = TYPE_BASETYPE,
    .doc = "filter(function or None, iterable) --> filter object",
    .trace = filter_trace,
    .tp_new = filter_tp_new,
    .iter = iter_self,
    .iternext = filter_next,
};

// ---------------------------------------------------------------------------
// reversed: a sequence's own __reversed__ when it has one, else
// seq[len-1], ..., seq[0] through __len__ and __getitem__.

typedef struct ReversedObj {
    Obj hdr;
    Value seq;     // CS_NONE once exhausted
    int64_t index; // next index to fetch; -1 when exhausted
} ReversedObj;

static void reversed_trace(Obj *o, GcState *gc) {
    gc_mark_value(gc, ((ReversedObj *)o)->seq);
}

static bool is_sequence(Value v) {
    TypeObj *t = type_of(v);
    return t->getitem && !(t->flags & TYPE_DICT_SUBCLASS);
}

static Value reversed_tp_new(ThreadState *ts, TypeObj *type, const Value *args, size_t nargs,
                             TupleObj *kwnames) {
    if (kw_count(kwnames) && type == &type_reversed) {
        return exc_raise(ts, exc_TypeError, "reversed() takes no keyword arguments");
    }
    if (nargs != 1) {
        return exc_raise(ts, exc_TypeError, "reversed expected 1 argument, got %zu", nargs);
    }
    Value seq = args[0];
    Value meth = type_lookup(type_of(seq), STR_NAME(ts, __reversed__));
    if (meth == CS_NONE) {
        return exc_raise(ts, exc_TypeError, "'%T' object is not reversible", seq);
    }
    if (meth != CS_UNBOUND) {
        gc_temp_push(ts, meth);
        return call_special0(ts, meth, seq);
    }
    if (!is_sequence(seq)) {
        return exc_raise(ts, exc_TypeError, "'%T' object is not reversible", seq);
    }
    ssize_t n = obj_len(ts, seq);
    if (n < 0) {
        return CS_ERR;
    }
    ReversedObj *r = gc_alloc(ts, type, type->basicsize);
    r->seq = seq;
    r->index = (int64_t)n - 1;
    return obj_val(r);
}

static Value reversed_next(ThreadState *ts, Value self) {
    ReversedObj *r = (ReversedObj *)as_obj(self);
    if (r->index >= 0) {
        Value key = int_from_i64(ts, r->index);
        Value item = obj_getitem(ts, r->seq, key);
        if (item != CS_ERR) {
            r->index--;
            return item;
        }
        if (!exc_matches(ts, exc_IndexError) && !exc_matches(ts, exc_StopIteration)) {
            return CS_ERR;
        }
        exc_clear(ts);
    }
    r->index = -1;
    r->seq = CS_NONE;
    return CS_STOP;
}

static Value reversed_length_hint(ThreadState *ts, Value self, const Value *args, size_t nargs,
                                  TupleObj *kwnames) {
    ReversedObj *r = (ReversedObj *)as_obj(self);
    if (r->seq == CS_NONE) {
        return small_int_val(0);
    }
    ssize_t n = obj_len(ts, r->seq);
    if (n < 0) {
        return CS_ERR;
    }
    return int_from_i64(ts, n < r->index + 1 ? 0 : r->index + 1);
}

static const MethodDef reversed_methods[] = {
    {"__length_hint__", reversed_length_hint, 0,
     "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL},
};

TypeObj type_reversed = {
    .hdr = OBJ_HEADER_INIT(&type_type),
    .name = "reversed",
    .basicsize = sizeof(ReversedObj),
    .flags = TYPE_BASETYPE,
    .doc = "Return a reverse iterator over the values of the given sequence.",
    .methods = reversed_methods,
    .trace = reversed_trace,
    .tp_new = reversed_tp_new,
    .iter = iter_self,
    .iternext = reversed_next,
};

// ---------------------------------------------------------------------------
// The sequence iterator: iter() of an object with __getitem__ only.

typedef struct SeqIterObj {
    Obj hdr;
    Value seq; // CS_NONE once exhausted
    int64_t index;
} SeqIterObj;

static void seqiter_trace(Obj *o, GcState *gc) {
    gc_mark_value(gc, ((SeqIterObj *)o)->seq);
}

Value seqiter_new(ThreadState *ts, Value seq) {
    SeqIterObj *s = gc_alloc(ts, &type_seqiter, sizeof(SeqIterObj));
    s->seq = seq;
    s->index = 0;
    return obj_val(s);
}

static Value seqiter_next(ThreadState *ts, Value self) {
    SeqIterObj *s = (SeqIterObj *)as_obj(self);
    if (s->seq == CS_NONE) {
        return CS_STOP;
    }
    Value key = int_from_i64(ts, s->index);
    Value item = obj_getitem(ts, s->seq, key);
    if (item != CS_ERR) {
        s->index++;
        return item;
    }
    if (!exc_matches(ts, exc_IndexError) && !exc_matches(ts, exc_StopIteration)) {
        return CS_ERR;
    }
    exc_clear(ts);
    s->seq = CS_NONE;
    return CS_STOP;
}

TypeObj type_seqiter = {
    .hdr = OBJ_HEADER_INIT(&type_type),
    .name = "iterator",
    .basicsize = sizeof(SeqIterObj),
    .flags = TYPE_ABSTRACT_NEW,
    .trace = seqiter_trace,
    .iter = iter_self,
    .iternext = seqiter_next,
};

// ---------------------------------------------------------------------------
// The callable iterator: iter(callable, sentinel).

typedef struct CallIterObj {
    Obj hdr;
    Value callable; // CS_NONE once exhausted
    Value sentinel;
} CallIterObj;

static void calliter_trace(Obj *o, GcState *gc) {
    gc_mark_value(gc, ((CallIterObj *)o)->callable);
    gc_mark_value(gc, ((CallIterObj *)o)->sentinel);
}

Value calliter_new(ThreadState *ts, Value callable, Value sentinel) {
    CallIterObj *c = gc_alloc(ts, &type_calliter, sizeof(CallIterObj));
    c->callable = callable;
    c->sentinel = sentinel;
    return obj_val(c);
}

static Value calliter_next(ThreadState *ts, Value self) {
    CallIterObj *c = (CallIterObj *)as_obj(self);
    if (c->callable == CS_NONE) {
        return CS_STOP;
    }
    Value r = obj_call0(ts, c->callable);
    if (r == CS_ERR) {
        if (!exc_matches(ts, exc_StopIteration)) {
            return CS_ERR;
        }
        exc_clear(ts);
    } else {
        gc_temp_push(ts, r);
        int eq = obj_eq(ts, c->sentinel, r);
        if (eq < 0) {
            return CS_ERR;
        }
        if (!eq) {
            return r;
        }
    }
    c->callable = CS_NONE;
    c->sentinel = CS_NONE;
    return CS_STOP;
}

TypeObj type_calliter = {
    .hdr = OBJ_HEADER_INIT(&type_type),
    .name = "callable_iterator",
    .basicsize = sizeof(CallIterObj),
    .flags = TYPE_ABSTRACT_NEW,
    .trace = calliter_trace,
    .iter = iter_self,
    .iternext = calliter_next,
};

// ---------------------------------------------------------------------------
// anext(aiter, default): an awaitable whose iterator drives the awaitable
// __anext__ returned and turns StopAsyncIteration into the result `default`
// (StopIteration(default), which ends an await with that value).

typedef struct AnextAwaitableObj {
    Obj hdr;
    Value wrapped; // what type(aiter).__anext__(aiter) returned
    Value dflt;
} AnextAwaitableObj;

static void anext_trace(Obj *o, GcState *gc) {
    gc_mark_value(gc, ((AnextAwaitableObj *)o)->wrapped);
    gc_mark_value(gc, ((AnextAwaitableObj *)o)->dflt);
}

Value iterators_anext_awaitable(ThreadState *ts, Value awaitable, Value dflt) {
    AnextAwaitableObj *a = gc_alloc(ts, &type_anext_awaitable, sizeof(AnextAwaitableObj));
    a->wrapped = awaitable;
    a->dflt = dflt;
    return obj_val(a);
}

// The iterator that awaiting the wrapped awaitable steps: a coroutine or
// generator itself, else its __await__() (CPython's _PyCoro_GetAwaitableIter).
static Value awaitable_iter(ThreadState *ts, Value w) {
    if (gen_is_generator_like(w)) {
        return w;
    }
    Value it = gen_get_awaitable(ts, w, 0);
    if (it != CS_ERR) {
        gc_temp_push(ts, it);
    }
    return it;
}

// After a step of the wrapped iterator: StopAsyncIteration becomes the default.
static Value anext_finish(ThreadState *ts, AnextAwaitableObj *a, Value r) {
    if (r == CS_ERR && exc_matches(ts, exc_StopAsyncIteration)) {
        exc_clear(ts);
        return exc_raise_args(ts, exc_StopIteration, &a->dflt, 1);
    }
    return r;
}

// One step with `v` sent in: the yielded value, CS_STOP / StopIteration(value)
// when the wrapped awaitable finished, or CS_ERR.
static Value anext_step(ThreadState *ts, Value self, Value v) {
    AnextAwaitableObj *a = (AnextAwaitableObj *)as_obj(self);
    Value it = awaitable_iter(ts, a->wrapped);
    if (it == CS_ERR) {
        return CS_ERR;
    }
    Value out;
    switch (gen_send_any(ts, it, v, &out)) {
    case RESUME_YIELD:
        return out;
    case RESUME_RETURN:
        if (out == CS_NONE) {
            return CS_STOP;
        }
        return exc_raise_args(ts, exc_StopIteration, &out, 1);
    case RESUME_ERROR:
    default:
        return anext_finish(ts, a, CS_ERR);
    }
}

static Value anext_iternext(ThreadState *ts, Value self) {
    return anext_step(ts, self, CS_NONE);
}

// send/throw/close forward to the wrapped iterator's method of that name.
static Value anext_proxy(ThreadState *ts, Value self, const char *name, const Value *args,
                         size_t nargs) {
    AnextAwaitableObj *a = (AnextAwaitableObj *)as_obj(self);
    Value it = awaitable_iter(ts, a->wrapped);
    if (it == CS_ERR) {
        return CS_ERR;
    }
    StrObj *n = str_intern_name(ts, name);
    return anext_finish(ts, a, obj_call_method(ts, it, n, args, nargs));
}

static Value anext_send(ThreadState *ts, Value self, const Value *args, size_t nargs,
                        TupleObj *kwnames) {
    if (arg_count(ts, "send", nargs, 1, 1) < 0) {
        return CS_ERR;
    }
    Value r = anext_step(ts, self, args[0]);
    if (r == CS_STOP) {
        return exc_raise_args(ts, exc_StopIteration, NULL, 0);
    }
    return r;
}

static Value anext_throw(ThreadState *ts, Value self, const Value *args, size_t nargs,
                         TupleObj *kwnames) {
    if (arg_count(ts, "throw", nargs, 1, 3) < 0) {
        return CS_ERR;
    }
    return anext_proxy(ts, self, "throw", args, nargs);
}

static Value anext_close(ThreadState *ts, Value self, const Value *args, size_t nargs,
                         TupleObj *kwnames) {
    if (arg_count(ts, "close", nargs, 0, 0) < 0) {
        return CS_ERR;
    }
    return anext_proxy(ts, self, "close", NULL, 0);
}

static const MethodDef anext_methods[] = {
    {"send", anext_send, 0, "send(arg) -> send 'arg' into the wrapped iterator"},
    {"throw", anext_throw, 0, "throw(typ[,val[,tb]]) -> raise exception in the wrapped iterator"},
    {"close", anext_close, 0, "close() -> close the wrapped iterator"},
    {NULL, NULL, 0, NULL},
};

TypeObj type_anext_awaitable = {
    .hdr = OBJ_HEADER_INIT(&type_type),
    .name = "anext_awaitable",
    .basicsize = sizeof(AnextAwaitableObj),
    .flags = TYPE_ABSTRACT_NEW,
    .methods = anext_methods,
    .trace = anext_trace,
    .iter = iter_self,
    .iternext = anext_iternext,
    .await = iter_self,
};
