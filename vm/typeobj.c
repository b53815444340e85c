// Types and classes: the `type` type, readying built-in types, class
// creation (C3 MRO, instance layout, slots derived from dunder methods),
// attribute lookup on types, and slot wrappers that expose a built-in
// type's C slots as dunder methods (so `int.__add__` and subclasses work).
//
// The slot table below is the one place that pairs a dunder name with a
// TypeObj slot. A class's slot points at a generic function that looks the
// dunder up along the MRO; when the dunder found is a built-in type's own
// slot wrapper, the class inherits that C slot directly instead.
#include "vm/typeobj.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "vm/dict.h"
#include "vm/exc.h"
#include "vm/func.h"
#include "vm/eval.h"
#include "vm/gc.h"
#include "vm/int.h"
#include "vm/list.h"
#include "vm/names.h"
#include "vm/state.h"
#include "vm/str.h"

// ---------------------------------------------------------------------------
// Lookup

typedef struct AttrCacheEntry {
    TypeObj *type;
    StrObj *name;
    Value value;
    uint64_t epoch;
} AttrCacheEntry;

#define ATTR_CACHE_SIZE 4096

static Value lookup_uncached(TypeObj *t, StrObj *name);

Value type_lookup(TypeObj *t, StrObj *name) {
    ThreadState *ts = ts_current();
    Interp *interp = ts ? ts->interp : NULL;
    if (!interp) {
        return lookup_uncached(t, name);
    }
    if (!interp->attr_cache) {
        interp->attr_cache = calloc(ATTR_CACHE_SIZE, sizeof(AttrCacheEntry));
        if (!interp->attr_cache) {
            return lookup_uncached(t, name);
        }
        interp->type_epoch++;
    }
    size_t h = (((uintptr_t)t >> 4) ^ ((uintptr_t)name >> 4) * 31) & (ATTR_CACHE_SIZE - 1);
    AttrCacheEntry *e = &interp->attr_cache[h];
    if (e->type == t && e->name == name && e->epoch == interp->type_epoch) {
        return e->value;
    }
    Value v = lookup_uncached(t, name);
    e->type = t;
    e->name = name;
    e->value = v;
    e->epoch = interp->type_epoch;
    return v;
}

static Value lookup_uncached(TypeObj *t, StrObj *name) {
    TupleObj *mro = t->mro;
    Value v;
    if (!mro) {
        for (; t; t = t->base) {
            if (t->dict && dict_get_str(t->dict, name, &v)) {
                return v;
            }
        }
        return CS_UNBOUND;
    }
    for (size_t i = 0; i < mro->len; i++) {
        TypeObj *b = (TypeObj *)as_obj(mro->items[i]);
        if (b->dict && dict_get_str(b->dict, name, &v)) {
            return v;
        }
    }
    return CS_UNBOUND;
}

Value type_lookup_cstr(TypeObj *t, const char *name) {
    TupleObj *mro = t->mro;
    Value v;
    for (size_t i = 0; mro && i < mro->len; i++) {
        TypeObj *b = (TypeObj *)as_obj(mro->items[i]);
        if (b->dict && dict_get_cstr(b->dict, name, &v)) {
            return v;
        }
    }
    return CS_UNBOUND;
}

bool type_is_subtype(const TypeObj *a, const TypeObj *b) {
    if (a == b) {
        return true;
    }
    TupleObj *mro = a->mro;
    if (mro) {
        for (size_t i = 0; i < mro->len; i++) {
            if (as_obj(mro->items[i]) == &b->hdr) {
                return true;
            }
        }
        return false;
    }
    for (; a; a = a->base) {
        if (a == b) {
            return true;
        }
    }
    return false;
}

const char *type_qualname(TypeObj *t) {
    return t->qualname ? t->qualname->data : t->name;
}

DictObj **obj_dict_ptr(Value obj) {
    if (!is_obj(obj)) {
        return NULL;
    }
    TypeObj *t = as_obj(obj)->type;
    if (!t->dict_offset) {
        return NULL;
    }
    return (DictObj **)((char *)as_obj(obj) + t->dict_offset);
}

DictObj *obj_get_dict(ThreadState *ts, Value obj) {
    DictObj **p = obj_dict_ptr(obj);
    if (!p) {
        return exc_raise_ptr(ts, exc_AttributeError, "'%T' object has no attribute '__dict__'",
                             obj);
    }
    if (!*p) {
        *p = as_dict(dict_new(ts));
    }
    return *p;
}

// ---------------------------------------------------------------------------
// Calling dunders of heap types

// Calls type(self).<name>(self, *args); CS_UNBOUND if the type has no such
// attribute (nothing raised).
static Value call_dunder(ThreadState *ts, Value self, StrObj *name, const Value *args,
                         size_t nargs) {
    TypeObj *t = type_of(self);
    Value f = type_lookup(t, name);
    if (f == CS_UNBOUND) {
        return CS_UNBOUND;
    }
    if (is_type_exact(f, &type_function)) {
        Value buf[4];
        if (nargs > 3) {
            return exc_raise(ts, exc_SystemError, "call_dunder: too many arguments");
        }
        buf[0] = self;
        for (size_t i = 0; i < nargs; i++) {
            buf[i + 1] = args[i];
        }
        return obj_call(ts, f, buf, nargs + 1, NULL);
    }
    TypeObj *ft = type_of(f);
    if (ft->descr_get) {
        f = ft->descr_get(ts, f, self, t);
        if (f == CS_ERR) {
            return CS_ERR;
        }
    }
    return obj_call(ts, f, args, nargs, NULL);
}

static Value call_dunder0(ThreadState *ts, Value self, StrObj *name) {
    return call_dunder(ts, self, name, NULL, 0);
}

static Value call_dunder1(ThreadState *ts, Value self, StrObj *name, Value a) {
    return call_dunder(ts, self, name, &a, 1);
}

// --- generic slots for classes

static Value slot_repr(ThreadState *ts, Value self) {
    Value r = call_dunder0(ts, self, STR_NAME(ts, __repr__));
    if (r == CS_ERR) {
        return CS_ERR;
    }
    if (!str_check(r)) {
        return exc_raise(ts, exc_TypeError, "__repr__ returned non-string (type %T)", r);
    }
    return r;
}

static Value slot_str(ThreadState *ts, Value self) {
    Value r = call_dunder0(ts, self, STR_NAME(ts, __str__));
    if (r == CS_ERR) {
        return CS_ERR;
    }
    if (!str_check(r)) {
        return exc_raise(ts, exc_TypeError, "__str__ returned non-string (type %T)", r);
    }
    return r;
}

static int64_t slot_hash(ThreadState *ts, Value self) {
    Value r = call_dunder0(ts, self, STR_NAME(ts, __hash__));
    if (r == CS_ERR) {
        return -1;
    }
    if (!int_check(r)) {
        exc_raise(ts, exc_TypeError, "__hash__ method should return an integer");
        return -1;
    }
    // CPython uses the returned int itself when it fits a hash value.
    int64_t h;
    if (int_as_i64(ts, r, &h) < 0) {
        exc_clear(ts);
        return obj_hash(ts, r);
    }
    return h == -1 ? -2 : h;
}

static const NameId cmp_names[] = {NAMEID___lt__, NAMEID___le__, NAMEID___eq__,
                                   NAMEID___ne__, NAMEID___gt__, NAMEID___ge__};

static Value slot_richcompare(ThreadState *ts, Value a, Value b, CmpOp op) {
    StrObj *name = ts->interp->names[cmp_names[op]];
    Value r = call_dunder1(ts, a, name, b);
    if (r == CS_UNBOUND) {
        return CS_NOTIMPL_VAL;
    }
    return r;
}

static int slot_truthy(ThreadState *ts, Value self) {
    Value r = call_dunder0(ts, self, STR_NAME(ts, __bool__));
    if (r == CS_UNBOUND) {
        ssize_t n = obj_len(ts, self);
        return n < 0 ? -1 : n > 0;
    }
    if (r == CS_ERR) {
        return -1;
    }
    if (!is_bool(r)) {
        return exc_raise_int(ts, exc_TypeError, "__bool__ should return bool, returned %T", r);
    }
    return r == CS_TRUE;
}

static ssize_t slot_len(ThreadState *ts, Value self) {
    Value r = call_dunder0(ts, self, STR_NAME(ts, __len__));
    if (r == CS_ERR) {
        return -1;
    }
    if (!int_check(r)) {
        return exc_raise_int(ts, exc_TypeError, "'%T' object cannot be interpreted as an integer",
                             r);
    }
    ssize_t n = obj_as_index(ts, r);
    if (n < 0) {
        if (!ts_has_exc(ts)) {
            exc_raise(ts, exc_ValueError, "__len__() should return >= 0");
        }
        return -1;
    }
    return n;
}

static Value slot_getitem(ThreadState *ts, Value self, Value key) {
    return call_dunder1(ts, self, STR_NAME(ts, __getitem__), key);
}

static int slot_setitem(ThreadState *ts, Value self, Value key, Value value) {
    Value r;
    if (value == CS_UNBOUND) {
        r = call_dunder1(ts, self, STR_NAME(ts, __delitem__), key);
        if (r == CS_UNBOUND) {
            return exc_raise_int(ts, exc_AttributeError, "__delitem__");
        }
    } else {
        Value args[2] = {key, value};
        r = call_dunder(ts, self, STR_NAME(ts, __setitem__), args, 2);
        if (r == CS_UNBOUND) {
            return exc_raise_int(ts, exc_TypeError,
                                 "'%T' object does not support item assignment", self);
        }
    }
    return r == CS_ERR ? -1 : 0;
}

static int slot_contains(ThreadState *ts, Value self, Value item) {
    Value r = call_dunder1(ts, self, STR_NAME(ts, __contains__), item);
    if (r == CS_ERR) {
        return -1;
    }
    return obj_truthy(ts, r);
}

static Value slot_iter(ThreadState *ts, Value self) {
    Value r = call_dunder0(ts, self, STR_NAME(ts, __iter__));
    if (r == CS_ERR) {
        return CS_ERR;
    }
    if (!type_of(r)->iternext) {
        return exc_raise(ts, exc_TypeError, "iter() returned non-iterator of type '%T'", r);
    }
    return r;
}

static Value slot_iternext(ThreadState *ts, Value self) {
    Value r = call_dunder0(ts, self, STR_NAME(ts, __next__));
    if (r == CS_ERR && exc_matches(ts, exc_StopIteration)) {
        exc_clear(ts);
        return CS_STOP;
    }
    return r;
}

static Value slot_call(ThreadState *ts, Value self, const Value *args, size_t nargs,
                       TupleObj *kwnames) {
    Value f = type_lookup(type_of(self), STR_NAME(ts, __call__));
    if (f == CS_UNBOUND) {
        return exc_raise(ts, exc_TypeError, "'%T' object is not callable", self);
    }
    if (type_of(f)->descr_get) {
        f = type_of(f)->descr_get(ts, f, self, type_of(self));
        if (f == CS_ERR) {
            return CS_ERR;
        }
    }
    return obj_call(ts, f, args, nargs, kwnames);
}

static Value slot_getattr(ThreadState *ts, Value self, StrObj *name) {
    TypeObj *t = type_of(self);
    Value ga = type_lookup(t, STR_NAME(ts, __getattribute__));
    Value r;
    if (ga != CS_UNBOUND && !is_type_exact(ga, &type_slot_wrapper)) {
        r = call_dunder1(ts, self, STR_NAME(ts, __getattribute__), obj_val(name));
    } else {
        r = obj_generic_getattr(ts, self, name);
    }
    if (r != CS_ERR || !exc_matches(ts, exc_AttributeError)) {
        return r;
    }
    Value getattr = type_lookup(t, STR_NAME(ts, __getattr__));
    if (getattr == CS_UNBOUND) {
        return CS_ERR;
    }
    exc_clear(ts);
    return call_dunder1(ts, self, STR_NAME(ts, __getattr__), obj_val(name));
}

static int slot_setattr(ThreadState *ts, Value self, StrObj *name, Value value) {
    Value r;
    if (value == CS_UNBOUND) {
        Value f = type_lookup(type_of(self), STR_NAME(ts, __delattr__));
        if (f == CS_UNBOUND || is_type_exact(f, &type_slot_wrapper)) {
            return obj_generic_setattr(ts, self, name, value);
        }
        r = call_dunder1(ts, self, STR_NAME(ts, __delattr__), obj_val(name));
    } else {
        Value f = type_lookup(type_of(self), STR_NAME(ts, __setattr__));
        if (f == CS_UNBOUND || is_type_exact(f, &type_slot_wrapper)) {
            return obj_generic_setattr(ts, self, name, value);
        }
        Value args[2] = {obj_val(name), value};
        r = call_dunder(ts, self, STR_NAME(ts, __setattr__), args, 2);
    }
    return r == CS_ERR ? -1 : 0;
}

static Value slot_descr_get(ThreadState *ts, Value descr, Value obj, TypeObj *type) {
    Value args[3] = {descr, obj == CS_UNBOUND ? CS_NONE : obj, obj_val(type)};
    Value f = type_lookup(type_of(descr), STR_NAME(ts, __get__));
    if (f == CS_UNBOUND) {
        return descr;
    }
    return obj_call(ts, f, args, 3, NULL);
}

static int slot_descr_set(ThreadState *ts, Value descr, Value obj, Value value) {
    Value r;
    if (value == CS_UNBOUND) {
        r = call_dunder1(ts, descr, STR_NAME(ts, __delete__), obj);
    } else {
        Value args[2] = {obj, value};
        r = call_dunder(ts, descr, STR_NAME(ts, __set__), args, 2);
    }
    return r == CS_ERR || r == CS_UNBOUND ? -1 : 0;
}

static int slot_init(ThreadState *ts, Value self, const Value *args, size_t nargs,
                     TupleObj *kwnames) {
    Value f = type_lookup(type_of(self), STR_NAME(ts, __init__));
    size_t nkw = kwnames ? kwnames->len : 0;
    Value stackbuf[8];
    Value *buf = stackbuf;
    if (nargs + nkw + 1 > 8) {
        buf = gc_xmalloc(ts, (nargs + nkw + 1) * sizeof(Value));
        if (!buf) {
            return -1;
        }
    }
    buf[0] = self;
    if (args) {
        memcpy(buf + 1, args, (nargs + nkw) * sizeof(Value));
    }
    Value r;
    if (is_type_exact(f, &type_function)) {
        r = obj_call(ts, f, buf, nargs + 1, kwnames);
    } else {
        Value bound = type_of(f)->descr_get ? type_of(f)->descr_get(ts, f, self, type_of(self)) : f;
        r = bound == CS_ERR ? CS_ERR : obj_call(ts, bound, args, nargs, kwnames);
    }
    if (buf != stackbuf) {
        gc_xfree(ts->interp, buf, 0);
    }
    if (r == CS_ERR) {
        return -1;
    }
    if (r != CS_NONE) {
        return exc_raise_int(ts, exc_TypeError, "__init__() should return None, not '%T'", r);
    }
    return 0;
}

static Value slot_new(ThreadState *ts, TypeObj *type, const Value *args, size_t nargs,
                      TupleObj *kwnames) {
    Value f = type_lookup(type, STR_NAME(ts, __new__));
    if (is_obj(f) && type_of(f) == &type_staticmethod) {
        f = ((WrapperObj *)as_obj(f))->func;
    }
    size_t nkw = kwnames ? kwnames->len : 0;
    Value stackbuf[8];
    Value *buf = stackbuf;
    if (nargs + nkw + 1 > 8) {
        buf = gc_xmalloc(ts, (nargs + nkw + 1) * sizeof(Value));
        if (!buf) {
            return CS_ERR;
        }
    }
    buf[0] = obj_val(type);
    if (args) {
        memcpy(buf + 1, args, (nargs + nkw) * sizeof(Value));
    }
    Value r = obj_call(ts, f, buf, nargs + 1, kwnames);
    if (buf != stackbuf) {
        gc_xfree(ts->interp, buf, 0);
    }
    return r;
}

static Value slot_unop_neg(ThreadState *ts, Value a) {
    return call_dunder0(ts, a, STR_NAME(ts, __neg__));
}
static Value slot_unop_pos(ThreadState *ts, Value a) {
    return call_dunder0(ts, a, STR_NAME(ts, __pos__));
}
static Value slot_unop_invert(ThreadState *ts, Value a) {
    return call_dunder0(ts, a, STR_NAME(ts, __invert__));
}
static Value slot_index(ThreadState *ts, Value a) {
    return call_dunder0(ts, a, STR_NAME(ts, __index__));
}
static Value slot_int(ThreadState *ts, Value a) {
    return call_dunder0(ts, a, STR_NAME(ts, __int__));
}
static Value slot_float(ThreadState *ts, Value a) {
    return call_dunder0(ts, a, STR_NAME(ts, __float__));
}
static Value slot_await(ThreadState *ts, Value a) {
    return call_dunder0(ts, a, STR_NAME(ts, __await__));
}
static Value slot_aiter(ThreadState *ts, Value a) {
    return call_dunder0(ts, a, STR_NAME(ts, __aiter__));
}
static Value slot_anext(ThreadState *ts, Value a) {
    return call_dunder0(ts, a, STR_NAME(ts, __anext__));
}

// Binary operators: CPython's SLOT1BINFULL. The same function serves both
// operand orders; it decides from the types which dunders apply.
static const NameId binop_names[BINOP_COUNT][3] = {
    [BINOP_ADD] = {NAMEID___add__, NAMEID___radd__, NAMEID___iadd__},
    [BINOP_SUB] = {NAMEID___sub__, NAMEID___rsub__, NAMEID___isub__},
    [BINOP_MUL] = {NAMEID___mul__, NAMEID___rmul__, NAMEID___imul__},
    [BINOP_MATMUL] = {NAMEID___matmul__, NAMEID___rmatmul__, NAMEID___imatmul__},
    [BINOP_TRUEDIV] = {NAMEID___truediv__, NAMEID___rtruediv__, NAMEID___itruediv__},
    [BINOP_FLOORDIV] = {NAMEID___floordiv__, NAMEID___rfloordiv__, NAMEID___ifloordiv__},
    [BINOP_MOD] = {NAMEID___mod__, NAMEID___rmod__, NAMEID___imod__},
    [BINOP_POW] = {NAMEID___pow__, NAMEID___rpow__, NAMEID___ipow__},
    [BINOP_LSHIFT] = {NAMEID___lshift__, NAMEID___rlshift__, NAMEID___ilshift__},
    [BINOP_RSHIFT] = {NAMEID___rshift__, NAMEID___rrshift__, NAMEID___irshift__},
    [BINOP_AND] = {NAMEID___and__, NAMEID___rand__, NAMEID___iand__},
    [BINOP_OR] = {NAMEID___or__, NAMEID___ror__, NAMEID___ior__},
    [BINOP_XOR] = {NAMEID___xor__, NAMEID___rxor__, NAMEID___ixor__},
};

static BinaryFn heap_binop_fns[BINOP_COUNT];

static Value heap_binop(ThreadState *ts, Value a, Value b, int op) {
    StrObj *name = ts->interp->names[binop_names[op][0]];
    StrObj *rname = ts->interp->names[binop_names[op][1]];
    TypeObj *ta = type_of(a), *tb = type_of(b);
    bool do_other = ta != tb && tb->binop[op] == heap_binop_fns[op] &&
                    type_lookup(tb, rname) != CS_UNBOUND;
    if (ta->binop[op] == heap_binop_fns[op]) {
        if (do_other && type_is_subtype(tb, ta)) {
            Value ra = type_lookup(ta, rname), rb = type_lookup(tb, rname);
            if (ra != rb) {
                Value r = call_dunder1(ts, b, rname, a);
                if (r != CS_NOTIMPL_VAL && r != CS_UNBOUND) {
                    return r;
                }
                do_other = false;
            }
        }
        Value r = call_dunder1(ts, a, name, b);
        if (r == CS_UNBOUND) {
            r = CS_NOTIMPL_VAL;
        }
        if (r != CS_NOTIMPL_VAL || ta == tb) {
            return r;
        }
    }
    if (do_other) {
        Value r = call_dunder1(ts, b, rname, a);
        return r == CS_UNBOUND ? CS_NOTIMPL_VAL : r;
    }
    return CS_NOTIMPL_VAL;
}

static Value heap_inplace(ThreadState *ts, Value a, Value b, int op) {
    Value r = call_dunder1(ts, a, ts->interp->names[binop_names[op][2]], b);
    return r == CS_UNBOUND ? CS_NOTIMPL_VAL : r;
}

#define BINOP_SLOT(OPNAME)                                                                         \
    static Value heap_binop_##OPNAME(ThreadState *ts, Value a, Value b) {                          \
        return heap_binop(ts, a, b, BINOP_##OPNAME);                                               \
    }                                                                                              \
    static Value heap_inplace_##OPNAME(ThreadState *ts, Value a, Value b) {                        \
        return heap_inplace(ts, a, b, BINOP_##OPNAME);                                             \
    }
BINOP_SLOT(ADD)
BINOP_SLOT(SUB)
BINOP_SLOT(MUL)
BINOP_SLOT(MATMUL)
BINOP_SLOT(TRUEDIV)
BINOP_SLOT(FLOORDIV)
BINOP_SLOT(MOD)
BINOP_SLOT(POW)
BINOP_SLOT(LSHIFT)
BINOP_SLOT(RSHIFT)
BINOP_SLOT(AND)
BINOP_SLOT(OR)
BINOP_SLOT(XOR)

static BinaryFn heap_binop_fns[BINOP_COUNT] = {
    heap_binop_ADD,    heap_binop_SUB,    heap_binop_MUL,    heap_binop_MATMUL, heap_binop_TRUEDIV,
    heap_binop_FLOORDIV, heap_binop_MOD,  heap_binop_POW,    heap_binop_LSHIFT, heap_binop_RSHIFT,
    heap_binop_AND,    heap_binop_OR,     heap_binop_XOR,
};

// ---------------------------------------------------------------------------
// The slot table: dunder name <-> TypeObj slot, with the wrapper kind that
// exposes a C slot as a method and the generic slot classes use.

typedef enum {
    W_UNARY,     // f(self)
    W_BINARY,    // f(self, other)
    W_RBINARY,   // f(other, self): reflected operator
    W_TERNARY_POW,
    W_RICHCMP,
    W_HASH,
    W_INQUIRY,   // __bool__
    W_LEN,
    W_SETITEM,
    W_DELITEM,
    W_CONTAINS,
    W_NEXT,
    W_CALL,
    W_GETATTR,
    W_SETATTR,
    W_DELATTR,
    W_INIT,
    W_DESCR_GET,
    W_DESCR_SET,
    W_DESCR_DELETE,
} WrapperKind;

typedef struct SlotDef {
    NameId name;
    size_t offset; // of the slot in TypeObj
    WrapperKind kind;
    void *heap_fn; // the generic slot for classes
    int op;        // binop / cmp op
} SlotDef;

#define SLOT(field) offsetof(TypeObj, field)
#define BINSLOT(OP, n, rn, in)                                                                     \
    {n, SLOT(binop[BINOP_##OP]), W_BINARY, (void *)heap_binop_##OP, BINOP_##OP},                   \
        {rn, SLOT(binop[BINOP_##OP]), W_RBINARY, (void *)heap_binop_##OP, BINOP_##OP},             \
        {in, SLOT(inplace[BINOP_##OP]), W_BINARY, (void *)heap_inplace_##OP, BINOP_##OP}

static const SlotDef slotdefs[] = {
    {NAMEID___repr__, SLOT(repr), W_UNARY, (void *)slot_repr, 0},
    {NAMEID___str__, SLOT(str), W_UNARY, (void *)slot_str, 0},
    {NAMEID___hash__, SLOT(hash), W_HASH, (void *)slot_hash, 0},
    {NAMEID___lt__, SLOT(richcompare), W_RICHCMP, (void *)slot_richcompare, CMP_LT},
    {NAMEID___le__, SLOT(richcompare), W_RICHCMP, (void *)slot_richcompare, CMP_LE},
    {NAMEID___eq__, SLOT(richcompare), W_RICHCMP, (void *)slot_richcompare, CMP_EQ},
    {NAMEID___ne__, SLOT(richcompare), W_RICHCMP, (void *)slot_richcompare, CMP_NE},
    {NAMEID___gt__, SLOT(richcompare), W_RICHCMP, (void *)slot_richcompare, CMP_GT},
    {NAMEID___ge__, SLOT(richcompare), W_RICHCMP, (void *)slot_richcompare, CMP_GE},
    {NAMEID___bool__, SLOT(truthy), W_INQUIRY, (void *)slot_truthy, 0},
    {NAMEID___len__, SLOT(len), W_LEN, (void *)slot_len, 0},
    {NAMEID___getitem__, SLOT(getitem), W_BINARY, (void *)slot_getitem, 0},
    {NAMEID___setitem__, SLOT(setitem), W_SETITEM, (void *)slot_setitem, 0},
    {NAMEID___delitem__, SLOT(setitem), W_DELITEM, (void *)slot_setitem, 0},
    {NAMEID___contains__, SLOT(contains), W_CONTAINS, (void *)slot_contains, 0},
    {NAMEID___iter__, SLOT(iter), W_UNARY, (void *)slot_iter, 0},
    {NAMEID___next__, SLOT(iternext), W_NEXT, (void *)slot_iternext, 0},
    {NAMEID___call__, SLOT(call), W_CALL, (void *)slot_call, 0},
    {NAMEID___getattribute__, SLOT(getattr), W_GETATTR, (void *)slot_getattr, 0},
    {NAMEID___getattr__, SLOT(getattr), W_GETATTR, (void *)slot_getattr, 0},
    {NAMEID___setattr__, SLOT(setattr), W_SETATTR, (void *)slot_setattr, 0},
    {NAMEID___delattr__, SLOT(setattr), W_DELATTR, (void *)slot_setattr, 0},
    {NAMEID___get__, SLOT(descr_get), W_DESCR_GET, (void *)slot_descr_get, 0},
    {NAMEID___set__, SLOT(descr_set), W_DESCR_SET, (void *)slot_descr_set, 0},
    {NAMEID___delete__, SLOT(descr_set), W_DESCR_DELETE, (void *)slot_descr_set, 0},
    {NAMEID___init__, SLOT(tp_init), W_INIT, (void *)slot_init, 0},
    {NAMEID___neg__, SLOT(unop[UNOP_NEG]), W_UNARY, (void *)slot_unop_neg, 0},
    {NAMEID___pos__, SLOT(unop[UNOP_POS]), W_UNARY, (void *)slot_unop_pos, 0},
    {NAMEID___invert__, SLOT(unop[UNOP_INVERT]), W_UNARY, (void *)slot_unop_invert, 0},
    {NAMEID___index__, SLOT(index), W_UNARY, (void *)slot_index, 0},
    {NAMEID___int__, SLOT(to_int), W_UNARY, (void *)slot_int, 0},
    {NAMEID___float__, SLOT(to_float), W_UNARY, (void *)slot_float, 0},
    {NAMEID___await__, SLOT(await), W_UNARY, (void *)slot_await, 0},
    {NAMEID___aiter__, SLOT(aiter), W_UNARY, (void *)slot_aiter, 0},
    {NAMEID___anext__, SLOT(anext), W_UNARY, (void *)slot_anext, 0},
    BINSLOT(ADD, NAMEID___add__, NAMEID___radd__, NAMEID___iadd__),
    BINSLOT(SUB, NAMEID___sub__, NAMEID___rsub__, NAMEID___isub__),
    BINSLOT(MUL, NAMEID___mul__, NAMEID___rmul__, NAMEID___imul__),
    BINSLOT(MATMUL, NAMEID___matmul__, NAMEID___rmatmul__, NAMEID___imatmul__),
    BINSLOT(TRUEDIV, NAMEID___truediv__, NAMEID___rtruediv__, NAMEID___itruediv__),
    BINSLOT(FLOORDIV, NAMEID___floordiv__, NAMEID___rfloordiv__, NAMEID___ifloordiv__),
    BINSLOT(MOD, NAMEID___mod__, NAMEID___rmod__, NAMEID___imod__),
    BINSLOT(POW, NAMEID___pow__, NAMEID___rpow__, NAMEID___ipow__),
    BINSLOT(LSHIFT, NAMEID___lshift__, NAMEID___rlshift__, NAMEID___ilshift__),
    BINSLOT(RSHIFT, NAMEID___rshift__, NAMEID___rrshift__, NAMEID___irshift__),
    BINSLOT(AND, NAMEID___and__, NAMEID___rand__, NAMEID___iand__),
    BINSLOT(OR, NAMEID___or__, NAMEID___ror__, NAMEID___ior__),
    BINSLOT(XOR, NAMEID___xor__, NAMEID___rxor__, NAMEID___ixor__),
};
#define NSLOTDEFS (sizeof slotdefs / sizeof slotdefs[0])

static void **slot_ptr(TypeObj *t, const SlotDef *sd) {
    return (void **)((char *)t + sd->offset);
}

// ---------------------------------------------------------------------------
// Slot wrappers: a built-in type's C slot seen as a dunder method.

typedef struct SlotWrapperObj {
    Obj hdr;
    const SlotDef *slot;
    TypeObj *owner;
    void *fn; // the C slot function it wraps
} SlotWrapperObj;

typedef struct MethodWrapperObj {
    Obj hdr;
    SlotWrapperObj *wrapper;
    Value self;
} MethodWrapperObj;

static void slotwrapper_trace(Obj *o, GcState *gc) {
    gc_mark_obj(gc, &((SlotWrapperObj *)o)->owner->hdr);
}

static void methodwrapper_trace(Obj *o, GcState *gc) {
    MethodWrapperObj *m = (MethodWrapperObj *)o;
    gc_mark_obj(gc, &m->wrapper->hdr);
    gc_mark_value(gc, m->self);
}

static Value wrapper_check_args(ThreadState *ts, SlotWrapperObj *w, size_t nargs, size_t want,
                                TupleObj *kwnames) {
    const char *name = ts->interp->names[w->slot->name]->data;
    if (kwnames && kwnames->len) {
        return exc_raise(ts, exc_TypeError, "wrapper %s() takes no keyword arguments", name);
    }
    if (nargs != want) {
        return exc_raise(ts, exc_TypeError, "expected %zu argument%s, got %zu", want,
                         want == 1 ? "" : "s", nargs);
    }
    return CS_NONE;
}

// Calls the wrapped slot with self and the arguments.
static Value wrapper_invoke(ThreadState *ts, SlotWrapperObj *w, Value self, const Value *args,
                            size_t nargs, TupleObj *kwnames) {
    const SlotDef *sd = w->slot;
    void *fn = w->fn;
    if (!type_is_subtype(type_of(self), w->owner)) {
        return exc_raise(ts, exc_TypeError,
                         "descriptor '%s' requires a '%s' object but received a '%T'",
                         ts->interp->names[sd->name]->data, w->owner->name, self);
    }
    size_t want = 0;
    switch (sd->kind) {
    case W_UNARY:
    case W_HASH:
    case W_INQUIRY:
    case W_LEN:
    case W_NEXT:
        want = 0;
        break;
    case W_SETITEM:
    case W_DESCR_SET:
    case W_SETATTR:
        want = 2;
        break;
    case W_CALL:
    case W_INIT:
        break;
    case W_DESCR_GET:
        if (nargs < 1 || nargs > 2) {
            return exc_raise(ts, exc_TypeError, "expected 1 or 2 arguments, got %zu", nargs);
        }
        break;
    case W_TERNARY_POW:
        break;
    default:
        want = 1;
        break;
    }
    if (sd->kind != W_CALL && sd->kind != W_INIT && sd->kind != W_DESCR_GET &&
        sd->kind != W_TERNARY_POW &&
        !(sd->kind == W_BINARY && sd->op == BINOP_POW && nargs == 2) &&
        wrapper_check_args(ts, w, nargs, want, kwnames) == CS_ERR) {
        return CS_ERR;
    }
    switch (sd->kind) {
    case W_UNARY:
        return ((UnaryFn)fn)(ts, self);
    case W_BINARY:
        if (sd->op == BINOP_POW && nargs == 2 && sd->offset == SLOT(binop[BINOP_POW])) {
            return obj_pow3(ts, self, args[0], args[1]);
        }
        return ((BinaryFn)fn)(ts, self, args[0]);
    case W_RBINARY:
        return ((BinaryFn)fn)(ts, args[0], self);
    case W_TERNARY_POW:
        return obj_pow3(ts, self, args[0], nargs > 1 ? args[1] : CS_NONE);
    case W_RICHCMP:
        return ((CompareFn)fn)(ts, self, args[0], (CmpOp)sd->op);
    case W_HASH: {
        int64_t h = ((HashFn)fn)(ts, self);
        return h == -1 ? CS_ERR : int_from_i64(ts, h);
    }
    case W_INQUIRY: {
        int r = ((InquiryFn)fn)(ts, self);
        return r < 0 ? CS_ERR : bool_val(r);
    }
    case W_LEN: {
        ssize_t n = ((LenFn)fn)(ts, self);
        return n < 0 ? CS_ERR : int_from_i64(ts, n);
    }
    case W_SETITEM:
        return ((SetItemFn)fn)(ts, self, args[0], args[1]) < 0 ? CS_ERR : CS_NONE;
    case W_DELITEM:
        return ((SetItemFn)fn)(ts, self, args[0], CS_UNBOUND) < 0 ? CS_ERR : CS_NONE;
    case W_CONTAINS: {
        int r = ((ContainsFn)fn)(ts, self, args[0]);
        return r < 0 ? CS_ERR : bool_val(r);
    }
    case W_NEXT: {
        Value r = ((UnaryFn)fn)(ts, self);
        if (r == CS_STOP) {
            return exc_raise_args(ts, exc_StopIteration, NULL, 0);
        }
        return r;
    }
    case W_CALL:
        return ((CallFn)fn)(ts, self, args, nargs, kwnames);
    case W_GETATTR:
        if (!str_check(args[0])) {
            return exc_raise(ts, exc_TypeError, "attribute name must be string, not '%T'",
                             args[0]);
        }
        return ((GetAttrFn)fn)(ts, self, as_str(args[0]));
    case W_SETATTR:
    case W_DELATTR:
        if (!str_check(args[0])) {
            return exc_raise(ts, exc_TypeError, "attribute name must be string, not '%T'",
                             args[0]);
        }
        return ((SetAttrFn)fn)(ts, self, as_str(args[0]),
                               sd->kind == W_SETATTR ? args[1] : CS_UNBOUND) < 0
                   ? CS_ERR
                   : CS_NONE;
    case W_INIT:
        return ((InitFn)fn)(ts, self, args, nargs, kwnames) < 0 ? CS_ERR : CS_NONE;
    case W_DESCR_GET: {
        Value obj = args[0] == CS_NONE ? CS_UNBOUND : args[0];
        TypeObj *owner = nargs > 1 && args[1] != CS_NONE ? (TypeObj *)as_obj(args[1])
                                                         : type_of(args[0]);
        return ((DescrGetFn)fn)(ts, self, obj, owner);
    }
    case W_DESCR_SET:
        return ((DescrSetFn)fn)(ts, self, args[0], args[1]) < 0 ? CS_ERR : CS_NONE;
    case W_DESCR_DELETE:
        return ((DescrSetFn)fn)(ts, self, args[0], CS_UNBOUND) < 0 ? CS_ERR : CS_NONE;
    }
    return CS_NONE;
}

static Value slotwrapper_call(ThreadState *ts, Value callable, const Value *args, size_t nargs,
                              TupleObj *kwnames) {
    SlotWrapperObj *w = (SlotWrapperObj *)as_obj(callable);
    if (nargs < 1) {
        return exc_raise(ts, exc_TypeError, "descriptor '%s' of '%s' object needs an argument",
                         ts->interp->names[w->slot->name]->data, w->owner->name);
    }
    return wrapper_invoke(ts, w, args[0], args + 1, nargs - 1, kwnames);
}

static Value slotwrapper_get(ThreadState *ts, Value descr, Value obj, TypeObj *type) {
    if (obj == CS_UNBOUND) {
        return descr;
    }
    MethodWrapperObj *m = gc_alloc(ts, &type_method_wrapper, sizeof(MethodWrapperObj));
    m->wrapper = (SlotWrapperObj *)as_obj(descr);
    m->self = obj;
    return obj_val(m);
}

static Value slotwrapper_repr(ThreadState *ts, Value self) {
    SlotWrapperObj *w = (SlotWrapperObj *)as_obj(self);
    return str_format_c(ts, "<slot wrapper '%s' of '%s' objects>",
                        ts->interp->names[w->slot->name]->data, w->owner->name);
}

static Value methodwrapper_call(ThreadState *ts, Value callable, const Value *args, size_t nargs,
                                TupleObj *kwnames) {
    MethodWrapperObj *m = (MethodWrapperObj *)as_obj(callable);
    return wrapper_invoke(ts, m->wrapper, m->self, args, nargs, kwnames);
}

static Value methodwrapper_repr(ThreadState *ts, Value self) {
    MethodWrapperObj *m = (MethodWrapperObj *)as_obj(self);
    return str_format_c(ts, "<method-wrapper '%s' of %T object>",
                        ts->interp->names[m->wrapper->slot->name]->data, m->self);
}

static Value slotwrapper_name(ThreadState *ts, Value self) {
    SlotWrapperObj *w = (SlotWrapperObj *)as_obj(self);
    return obj_val(ts->interp->names[w->slot->name]);
}

static Value slotwrapper_objclass(ThreadState *ts, Value self) {
    return obj_val(((SlotWrapperObj *)as_obj(self))->owner);
}

static const GetSetDef slotwrapper_getsets[] = {
    {"__name__", slotwrapper_name, NULL},
    {"__qualname__", slotwrapper_name, NULL},
    {"__objclass__", slotwrapper_objclass, NULL},
    {NULL, NULL, NULL},
};

TypeObj type_slot_wrapper = {
    .hdr = OBJ_HEADER_INIT(&type_type),
    .name = "wrapper_descriptor",
    .basicsize = sizeof(SlotWrapperObj),
    .trace = slotwrapper_trace,
    .call = slotwrapper_call,
    .descr_get = slotwrapper_get,
    .repr = slotwrapper_repr,
    .getsets = slotwrapper_getsets,
};

TypeObj type_method_wrapper = {
    .hdr = OBJ_HEADER_INIT(&type_type),
    .name = "method-wrapper",
    .basicsize = sizeof(MethodWrapperObj),
    .trace = methodwrapper_trace,
    .call = methodwrapper_call,
    .repr = methodwrapper_repr,
};

// ---------------------------------------------------------------------------
// Readying built-in types

static void inherit_slots(TypeObj *t, TypeObj *b) {
#define INHERIT(f)                                                                                 \
    if (!t->f) {                                                                                   \
        t->f = b->f;                                                                               \
    }
    INHERIT(trace)
    INHERIT(finalize)
    INHERIT(tp_new)
    INHERIT(tp_init)
    INHERIT(call)
    INHERIT(repr)
    INHERIT(str)
    INHERIT(hash)
    INHERIT(richcompare)
    INHERIT(truthy)
    INHERIT(getattr)
    INHERIT(setattr)
    INHERIT(descr_get)
    INHERIT(descr_set)
    INHERIT(iter)
    INHERIT(iternext)
    INHERIT(len)
    INHERIT(getitem)
    INHERIT(setitem)
    INHERIT(contains)
    INHERIT(index)
    INHERIT(to_int)
    INHERIT(to_float)
    INHERIT(await)
    INHERIT(aiter)
    INHERIT(anext)
    for (int i = 0; i < BINOP_COUNT; i++) {
        INHERIT(binop[i])
        INHERIT(inplace[i])
    }
    for (int i = 0; i < UNOP_COUNT; i++) {
        INHERIT(unop[i])
    }
#undef INHERIT
    if (!t->basicsize) {
        t->basicsize = b->basicsize;
    }
    if (!t->dict_offset) {
        t->dict_offset = b->dict_offset;
    }
    t->flags |= b->flags & (TYPE_INT_SUBCLASS | TYPE_STR_SUBCLASS | TYPE_TUPLE_SUBCLASS |
                            TYPE_LIST_SUBCLASS | TYPE_DICT_SUBCLASS | TYPE_TYPE_SUBCLASS |
                            TYPE_BYTES_SUBCLASS | TYPE_EXCEPTION | TYPE_VARSIZE);
}

// Adds a slot wrapper for each slot the type defines itself (differs from its base).
static int add_slot_wrappers(ThreadState *ts, TypeObj *t) {
    for (size_t i = 0; i < NSLOTDEFS; i++) {
        const SlotDef *sd = &slotdefs[i];
        void *fn = *slot_ptr(t, sd);
        if (!fn || (t->base && *slot_ptr(t->base, sd) == fn)) {
            continue;
        }
        if (sd->kind == W_RBINARY && t == &type_object) {
            continue;
        }
        if (sd->offset == SLOT(hash) && fn == (void *)obj_unhashable) {
            continue; // type_ready sets __hash__ = None instead
        }
        StrObj *name = ts->interp->names[sd->name];
        Value existing;
        if (dict_get_str(t->dict, name, &existing)) {
            continue;
        }
        if (sd->kind == W_GETATTR && sd->name == NAMEID___getattr__) {
            continue; // built-ins expose __getattribute__ only
        }
        SlotWrapperObj *w = gc_alloc(ts, &type_slot_wrapper, sizeof(SlotWrapperObj));
        w->slot = sd;
        w->owner = t;
        w->fn = fn;
        if (dict_set_str(ts, t->dict, name, obj_val(w)) < 0) {
            return -1;
        }
    }
    return 0;
}

static int add_method_table(ThreadState *ts, TypeObj *t) {
    for (const MethodDef *m = t->methods; m && m->name; m++) {
        Value v;
        if (m->flags & METH_STATIC) {
            Value f = cfunc_new(ts, m, CS_NONE, CS_NONE);
            WrapperObj *w = gc_alloc(ts, &type_staticmethod, sizeof(WrapperObj));
            w->func = f;
            v = obj_val(w);
        } else if (m->flags & METH_CLASS) {
            MethodDescrObj *d = gc_alloc(ts, &type_classmethod_descriptor, sizeof(MethodDescrObj));
            d->def = m;
            d->owner = t;
            v = obj_val(d);
        } else {
            MethodDescrObj *d = gc_alloc(ts, &type_method_descriptor, sizeof(MethodDescrObj));
            d->def = m;
            d->owner = t;
            v = obj_val(d);
        }
        if (dict_set_cstr(ts, t->dict, m->name, v) < 0) {
            return -1;
        }
    }
    for (const GetSetDef *g = t->getsets; g && g->name; g++) {
        GetSetDescrObj *d = gc_alloc(ts, &type_getset_descriptor, sizeof(GetSetDescrObj));
        d->def = g;
        d->owner = t;
        if (dict_set_cstr(ts, t->dict, g->name, obj_val(d)) < 0) {
            return -1;
        }
    }
    return 0;
}

// T.__new__(cls, *args): a built-in type's constructor, callable from a
// subclass's __new__ (CPython's tp_new_wrapper).
static Value tp_new_wrapper(ThreadState *ts, Value self, const Value *args, size_t nargs,
                            TupleObj *kwnames) {
    TypeObj *t = (TypeObj *)as_obj(self);
    if (nargs < 1) {
        return exc_raise(ts, exc_TypeError, "%s.__new__(): not enough arguments", t->name);
    }
    Value cls = args[0];
    if (!is_obj(cls) || !(type_of(cls)->flags & TYPE_TYPE_SUBCLASS)) {
        return exc_raise(ts, exc_TypeError, "%s.__new__(X): X is not a type object (%s)",
                         t->name, obj_type_name(cls));
    }
    TypeObj *sub = (TypeObj *)as_obj(cls);
    if (!type_is_subtype(sub, t)) {
        return exc_raise(ts, exc_TypeError, "%s.__new__(%s): %s is not a subtype of %s", t->name,
                         type_qualname(sub), type_qualname(sub), t->name);
    }
    return t->tp_new(ts, sub, args + 1, nargs - 1, kwnames);
}

static const MethodDef tp_new_def = {"__new__", tp_new_wrapper, METH_KEYWORDS,
                                     "Create and return a new object."};

static Value make_mro_static(ThreadState *ts, TypeObj *t) {
    size_t n = 0;
    for (TypeObj *b = t; b; b = b->base) {
        n++;
    }
    Value mro = tuple_new(ts, n);
    size_t i = 0;
    for (TypeObj *b = t; b; b = b->base) {
        as_tuple(mro)->items[i++] = obj_val(b);
    }
    return mro;
}

int type_ready(ThreadState *ts, TypeObj *t) {
    if (t->flags & TYPE_READY) {
        return 0;
    }
    if (!t->base && t != &type_object) {
        t->base = &type_object;
    }
    if (t->base && !(t->base->flags & TYPE_READY)) {
        if (type_ready(ts, t->base) < 0) {
            return -1;
        }
    }
    t->flags |= TYPE_READY;
    if (t->base) {
        inherit_slots(t, t->base);
    }
    if (!t->name_str) {
        const char *dot = strrchr(t->name, '.');
        t->name_str = as_str(str_intern_cstr(ts, dot ? dot + 1 : t->name));
    }
    if (!t->qualname) {
        t->qualname = t->name_str;
    }
    if (!t->bases) {
        t->bases = as_tuple(t->base ? tuple_pack(ts, 1, obj_val(t->base)) : tuple_empty(ts));
    }
    if (!t->mro) {
        t->mro = as_tuple(make_mro_static(ts, t));
    }
    if (!t->dict) {
        t->dict = as_dict(dict_new(ts));
    }
    if (add_method_table(ts, t) < 0 || add_slot_wrappers(ts, t) < 0) {
        return -1;
    }
    Value existing_new;
    if (t->tp_new && (!t->base || t->base->tp_new != t->tp_new) &&
        !dict_get_str(t->dict, STR_NAME(ts, __new__), &existing_new)) {
        Value nf = cfunc_new(ts, &tp_new_def, obj_val(t), CS_NONE);
        if (dict_set_str(ts, t->dict, STR_NAME(ts, __new__), nf) < 0) {
            return -1;
        }
    }
    Value doc = CS_NONE;
    if (t->doc) {
        doc = str_from_cstr(ts, t->doc);
    }
    Value existing;
    if (!dict_get_str(t->dict, STR_NAME(ts, __doc__), &existing) &&
        dict_set_str(ts, t->dict, STR_NAME(ts, __doc__), doc) < 0) {
        return -1;
    }
    ts->interp->type_epoch++; // lookups cached while the type was incomplete
    // An unhashable type says so in its dict, as CPython's __hash__ = None.
    if (t->hash == obj_unhashable && !dict_get_str(t->dict, STR_NAME(ts, __hash__), &existing) &&
        dict_set_str(ts, t->dict, STR_NAME(ts, __hash__), CS_NONE) < 0) {
        return -1;
    }
    return 0;
}

// ---------------------------------------------------------------------------
// Class creation

// Derives each slot of a heap type from the dunder found along its MRO.
void type_fixup_slots(ThreadState *ts, TypeObj *t) {
    TypeObj *solid = t->base;
    for (size_t i = 0; i < NSLOTDEFS; i++) {
        const SlotDef *sd = &slotdefs[i];
        void **p = slot_ptr(t, sd);
        *p = solid ? *slot_ptr(solid, sd) : NULL;
    }
    for (size_t i = 0; i < NSLOTDEFS; i++) {
        const SlotDef *sd = &slotdefs[i];
        void **p = slot_ptr(t, sd);
        // Find which class along the MRO first defines this dunder.
        Value found = CS_UNBOUND;
        TupleObj *mro = t->mro;
        for (size_t k = 0; k < mro->len; k++) {
            TypeObj *b = (TypeObj *)as_obj(mro->items[k]);
            Value v;
            if (b->dict && dict_get_str(b->dict, ts->interp->names[sd->name], &v)) {
                found = v;
                break;
            }
        }
        if (found == CS_UNBOUND) {
            continue;
        }
        if (is_type_exact(found, &type_slot_wrapper)) {
            SlotWrapperObj *w = (SlotWrapperObj *)as_obj(found);
            if (w->slot->offset == sd->offset && *p != sd->heap_fn) {
                *p = w->fn;
            }
            continue;
        }
        if (sd->offset == SLOT(hash) && found == CS_NONE) {
            *p = (void *)obj_unhashable;
            continue;
        }
        *p = sd->heap_fn;
    }
    if (t->tp_new != slot_new && type_lookup(t, STR_NAME(ts, __new__)) != CS_UNBOUND) {
        Value nf = type_lookup(t, STR_NAME(ts, __new__));
        if (!is_type_exact(nf, &type_builtin_function) && !is_type_exact(nf, &type_staticmethod)) {
            t->tp_new = slot_new;
        } else if (is_type_exact(nf, &type_staticmethod) &&
                   !is_type_exact(((WrapperObj *)as_obj(nf))->func, &type_builtin_function)) {
            t->tp_new = slot_new;
        }
    }
}

// C3 linearisation of t given its bases. Returns a tuple or CS_ERR.
static Value c3_merge(ThreadState *ts, TypeObj *t, TupleObj *bases) {
    size_t nb = bases->len;
    // Sequences to merge: each base's MRO, then the bases list.
    size_t nseq = nb + 1;
    TupleObj **seqs = gc_xmalloc(ts, nseq * sizeof(TupleObj *));
    size_t *pos = gc_xmalloc(ts, nseq * sizeof(size_t));
    if (!seqs || !pos) {
        return CS_ERR;
    }
    for (size_t i = 0; i < nb; i++) {
        seqs[i] = ((TypeObj *)as_obj(bases->items[i]))->mro;
        pos[i] = 0;
    }
    seqs[nb] = bases;
    pos[nb] = 0;
    Value result = list_new(ts, 0);
    list_append(ts, as_list(result), obj_val(t));
    for (;;) {
        bool empty = true;
        Value cand = CS_UNBOUND;
        for (size_t i = 0; i < nseq && cand == CS_UNBOUND; i++) {
            if (pos[i] >= seqs[i]->len) {
                continue;
            }
            empty = false;
            Value c = seqs[i]->items[pos[i]];
            bool in_tail = false;
            for (size_t j = 0; j < nseq && !in_tail; j++) {
                for (size_t k = pos[j] + 1; k < seqs[j]->len; k++) {
                    if (seqs[j]->items[k] == c) {
                        in_tail = true;
                        break;
                    }
                }
            }
            if (!in_tail) {
                cand = c;
            }
        }
        if (empty) {
            break;
        }
        if (cand == CS_UNBOUND) {
            gc_xfree(ts->interp, seqs, 0);
            gc_xfree(ts->interp, pos, 0);
            StrBuf b;
            str_buf_init(&b);
            str_buf_append_cstr(&b, "Cannot create a consistent method resolution\norder (MRO) "
                                    "for bases ");
            for (size_t i = 0; i < nb; i++) {
                if (i) {
                    str_buf_append_cstr(&b, ", ");
                }
                str_buf_append_cstr(&b, type_qualname((TypeObj *)as_obj(bases->items[i])));
            }
            Value msg = str_buf_finish(ts, &b);
            return msg == CS_ERR ? CS_ERR : exc_raise(ts, exc_TypeError, "%U", msg);
        }
        list_append(ts, as_list(result), cand);
        for (size_t i = 0; i < nseq; i++) {
            if (pos[i] < seqs[i]->len && seqs[i]->items[pos[i]] == cand) {
                pos[i]++;
            }
        }
    }
    gc_xfree(ts->interp, seqs, 0);
    gc_xfree(ts->interp, pos, 0);
    return list_as_tuple(ts, as_list(result));
}

// The base whose instance layout the new class extends.
// A class that adds nothing to its base's layout (a heap class, or a
// built-in such as OSError over BaseException) shares its base's solid
// base, as in CPython; only a layout change makes a new one.
static TypeObj *solid_base(TypeObj *t) {
    while (t->base && ((t->flags & TYPE_HEAP) || (t->basicsize == t->base->basicsize &&
                                                  t->dict_offset == t->base->dict_offset))) {
        t = t->base;
    }
    return t;
}

static Value best_base(ThreadState *ts, TupleObj *bases, TypeObj **out) {
    TypeObj *best = NULL, *best_solid = NULL;
    for (size_t i = 0; i < bases->len; i++) {
        Value b = bases->items[i];
        if (!is_obj(b) || !(type_of(b)->flags & TYPE_TYPE_SUBCLASS)) {
            return exc_raise(ts, exc_TypeError, "bases must be types");
        }
        TypeObj *bt = (TypeObj *)as_obj(b);
        if (!(bt->flags & TYPE_BASETYPE)) {
            return exc_raise(ts, exc_TypeError, "type '%s' is not an acceptable base type",
                             bt->name);
        }
        TypeObj *s = solid_base(bt);
        if (!best) {
            best = bt;
            best_solid = s;
        } else if (type_is_subtype(s, best_solid)) {
            best = bt;
            best_solid = s;
        } else if (!type_is_subtype(best_solid, s)) {
            return exc_raise(ts, exc_TypeError, "multiple bases have instance lay-out conflict");
        }
    }
    *out = best;
    return CS_NONE;
}

static void heap_type_trace(Obj *o, GcState *gc);

Value type_new_class(ThreadState *ts, TypeObj *meta, Value name, Value bases, Value dict,
                     const Value *kwvals, TupleObj *kwnames) {
    if (!str_check(name)) {
        return exc_raise(ts, exc_TypeError, "type.__new__() argument 1 must be str, not %T", name);
    }
    if (!tuple_check(bases)) {
        return exc_raise(ts, exc_TypeError, "type.__new__() argument 2 must be tuple, not %T",
                         bases);
    }
    if (!dict_check(dict)) {
        return exc_raise(ts, exc_TypeError, "type.__new__() argument 3 must be dict, not %T",
                         dict);
    }
    if (as_tuple(bases)->len == 0) {
        bases = tuple_pack(ts, 1, obj_val(&type_object));
    }
    TypeObj *base = NULL;
    if (best_base(ts, as_tuple(bases), &base) == CS_ERR) {
        return CS_ERR;
    }
    TypeObj *t = gc_alloc(ts, meta, meta->basicsize > sizeof(TypeObj) ? meta->basicsize : sizeof(TypeObj));
    t->name = as_str(name)->data;
    t->name_str = as_str(str_intern(ts, name));
    t->name = t->name_str->data;
    t->base = base;
    t->bases = as_tuple(bases);
    t->flags = TYPE_HEAP | TYPE_BASETYPE | TYPE_READY;
    t->trace = heap_type_trace; // replaced below by the base's instance trace
    t->dict = as_dict(dict_copy(ts, as_dict(dict)));
    // Layout: the base's, plus an instance dict unless it has one or is var-sized.
    TypeObj *solid = solid_base(base);
    inherit_slots(t, base);
    t->trace = base->trace;
    t->basicsize = base->basicsize;
    t->dict_offset = base->dict_offset;
    if (!t->dict_offset && !(solid->flags & TYPE_VARSIZE)) {
        Value slots;
        bool empty_slots = dict_get_str(t->dict, STR_NAME(ts, __slots__), &slots) &&
                           tuple_check(slots) && as_tuple(slots)->len == 0;
        if (!empty_slots) {
            t->dict_offset = base->basicsize;
            t->basicsize = base->basicsize + sizeof(DictObj *);
        }
    }
    if (t->dict_offset) {
        t->flags |= TYPE_HAS_DICT;
    }
    for (size_t i = 0; i < as_tuple(bases)->len; i++) {
        TypeObj *b = (TypeObj *)as_obj(as_tuple(bases)->items[i]);
        t->flags |= b->flags & (TYPE_INT_SUBCLASS | TYPE_STR_SUBCLASS | TYPE_TUPLE_SUBCLASS |
                                TYPE_LIST_SUBCLASS | TYPE_DICT_SUBCLASS | TYPE_TYPE_SUBCLASS |
                                TYPE_BYTES_SUBCLASS | TYPE_EXCEPTION | TYPE_VARSIZE);
    }
    Value mro = c3_merge(ts, t, as_tuple(bases));
    if (mro == CS_ERR) {
        return CS_ERR;
    }
    t->mro = as_tuple(mro);
    // __qualname__ and __classcell__ are consumed here, as CPython does.
    Value qn;
    if (dict_get_str(t->dict, STR_NAME(ts, __qualname__), &qn)) {
        if (!str_check(qn)) {
            return exc_raise(ts, exc_TypeError, "type __qualname__ must be a str, not %T", qn);
        }
        t->qualname = as_str(qn);
        dict_del(ts, t->dict, obj_val(STR_NAME(ts, __qualname__)));
    } else {
        t->qualname = t->name_str;
    }
    Value cell;
    if (dict_get_str(t->dict, STR_NAME(ts, __classcell__), &cell)) {
        if (is_type_exact(cell, &type_cell)) {
            ((CellObj *)as_obj(cell))->value = obj_val(t);
        }
        dict_del(ts, t->dict, obj_val(STR_NAME(ts, __classcell__)));
    }
    Value tmp;
    if (!dict_get_str(t->dict, STR_NAME(ts, __doc__), &tmp)) {
        dict_set_str(ts, t->dict, STR_NAME(ts, __doc__), CS_NONE);
    }
    // A class defining __eq__ without __hash__ is unhashable.
    if (dict_get_str(t->dict, STR_NAME(ts, __eq__), &tmp) &&
        !dict_get_str(t->dict, STR_NAME(ts, __hash__), &tmp)) {
        dict_set_str(ts, t->dict, STR_NAME(ts, __hash__), CS_NONE);
    }
    // __new__ and __init_subclass__ are implicitly static / class methods.
    if (dict_get_str(t->dict, STR_NAME(ts, __new__), &tmp) && is_type_exact(tmp, &type_function)) {
        WrapperObj *w = gc_alloc(ts, &type_staticmethod, sizeof(WrapperObj));
        w->func = tmp;
        dict_set_str(ts, t->dict, STR_NAME(ts, __new__), obj_val(w));
    }
    if (dict_get_str(t->dict, STR_NAME(ts, __class_getitem__), &tmp) &&
        is_type_exact(tmp, &type_function)) {
        WrapperObj *w = gc_alloc(ts, &type_classmethod, sizeof(WrapperObj));
        w->func = tmp;
        dict_set_str(ts, t->dict, STR_NAME(ts, __class_getitem__), obj_val(w));
    }
    if (dict_get_str(t->dict, STR_NAME(ts, __init_subclass__), &tmp) &&
        is_type_exact(tmp, &type_function)) {
        WrapperObj *w = gc_alloc(ts, &type_classmethod, sizeof(WrapperObj));
        w->func = tmp;
        dict_set_str(ts, t->dict, STR_NAME(ts, __init_subclass__), obj_val(w));
    }
    type_fixup_slots(ts, t);
    if (type_is_subtype(t, exc_BaseException)) {
        t->flags |= TYPE_EXCEPTION;
    }
    // __set_name__ on attributes, then the parent's __init_subclass__.
    size_t pos = 0;
    Value k, v;
    while (dict_next(t->dict, &pos, &k, &v)) {
        Value sn = type_lookup(type_of(v), STR_NAME(ts, __set_name__));
        if (sn != CS_UNBOUND) {
            Value args[3] = {v, obj_val(t), k};
            if (obj_call(ts, sn, args, 3, NULL) == CS_ERR) {
                return CS_ERR;
            }
        }
    }
    if (t->mro->len > 1) {
        TypeObj *parent = (TypeObj *)as_obj(t->mro->items[1]);
        Value is = type_lookup(parent, STR_NAME(ts, __init_subclass__));
        if (is != CS_UNBOUND && !is_type_exact(is, &type_classmethod_descriptor)) {
            Value bound = type_of(is)->descr_get
                              ? type_of(is)->descr_get(ts, is, CS_UNBOUND, t)
                              : is;
            if (bound == CS_ERR || obj_call(ts, bound, kwvals, 0, kwnames) == CS_ERR) {
                return CS_ERR;
            }
        }
    }
    return obj_val(t);
}

// ---------------------------------------------------------------------------
// The type type

static void heap_type_trace(Obj *o, GcState *gc) {
    (void)o;
    (void)gc;
}

static void type_trace(Obj *o, GcState *gc) {
    TypeObj *t = (TypeObj *)o;
    gc_mark_obj(gc, (Obj *)t->name_str);
    gc_mark_obj(gc, (Obj *)t->qualname);
    gc_mark_obj(gc, (Obj *)t->base);
    gc_mark_obj(gc, (Obj *)t->bases);
    gc_mark_obj(gc, (Obj *)t->mro);
    gc_mark_obj(gc, (Obj *)t->dict);
}

static Value type_getattr(ThreadState *ts, Value self, StrObj *name) {
    TypeObj *t = (TypeObj *)as_obj(self);
    TypeObj *meta = type_of(self);
    Value meta_attr = type_lookup(meta, name);
    if (meta_attr != CS_UNBOUND && type_of(meta_attr)->descr_set) {
        return type_of(meta_attr)->descr_get(ts, meta_attr, self, meta);
    }
    Value attr = type_lookup(t, name);
    if (attr != CS_UNBOUND) {
        DescrGetFn get = type_of(attr)->descr_get;
        if (get) {
            return get(ts, attr, CS_UNBOUND, t);
        }
        return attr;
    }
    if (meta_attr != CS_UNBOUND) {
        DescrGetFn get = type_of(meta_attr)->descr_get;
        return get ? get(ts, meta_attr, self, meta) : meta_attr;
    }
    return exc_raise(ts, exc_AttributeError, "type object '%s' has no attribute '%U'",
                     type_qualname(t), obj_val(name));
}

static int type_setattr(ThreadState *ts, Value self, StrObj *name, Value value) {
    TypeObj *t = (TypeObj *)as_obj(self);
    if (!(t->flags & TYPE_HEAP)) {
        return exc_raise_int(ts, exc_TypeError,
                             "cannot set '%U' attribute of immutable type '%s'", obj_val(name),
                             t->name);
    }
    Value meta_attr = type_lookup(type_of(self), name);
    if (meta_attr != CS_UNBOUND && type_of(meta_attr)->descr_set) {
        return type_of(meta_attr)->descr_set(ts, meta_attr, self, value);
    }
    int r;
    if (value == CS_UNBOUND) {
        r = dict_del(ts, t->dict, obj_val(name));
        if (r == 0) {
            return exc_raise_int(ts, exc_AttributeError, "type object '%s' has no attribute '%U'",
                                 type_qualname(t), obj_val(name));
        }
        r = r < 0 ? -1 : 0;
    } else {
        r = dict_set_str(ts, t->dict, name, value);
    }
    t->version++;
    ts->interp->type_epoch++;
    if (name->len > 4 && name->data[0] == '_' && name->data[1] == '_') {
        type_fixup_slots(ts, t);
    }
    return r;
}

static Value type_repr(ThreadState *ts, Value self) {
    TypeObj *t = (TypeObj *)as_obj(self);
    if (t->flags & TYPE_HEAP) {
        Value mod;
        if (dict_get_str(t->dict, STR_NAME(ts, __module__), &mod) && str_check(mod) &&
            strcmp(str_cstr(mod), "builtins") != 0) {
            return str_format_c(ts, "<class '%U.%s'>", mod, type_qualname(t));
        }
        return str_format_c(ts, "<class '%s'>", type_qualname(t));
    }
    return str_format_c(ts, "<class '%s'>", t->name);
}

// type(x) or type(name, bases, dict); otherwise construct an instance.
static Value type_call(ThreadState *ts, Value callable, const Value *args, size_t nargs,
                       TupleObj *kwnames) {
    TypeObj *t = (TypeObj *)as_obj(callable);
    size_t nkw = kwnames ? kwnames->len : 0;
    if (t == &type_type) {
        if (nargs == 1 && nkw == 0) {
            return obj_val(type_of(args[0]));
        }
        if (nargs != 3) {
            return exc_raise(ts, exc_TypeError, "type() takes 1 or 3 arguments");
        }
        return type_new_class(ts, t, args[0], args[1], args[2], args + 3, kwnames);
    }
    if (!t->tp_new) {
        return exc_raise(ts, exc_TypeError, "cannot create '%s' instances", type_qualname(t));
    }
    Value obj = t->tp_new(ts, t, args, nargs, kwnames);
    if (obj == CS_ERR) {
        return CS_ERR;
    }
    if (!type_is_subtype(type_of(obj), t)) {
        return obj;
    }
    TypeObj *ot = type_of(obj);
    if (ot->tp_init && ot->tp_init(ts, obj, args, nargs, kwnames) < 0) {
        return CS_ERR;
    }
    return obj;
}

static Value type_tp_new(ThreadState *ts, TypeObj *meta, const Value *args, size_t nargs,
                         TupleObj *kwnames) {
    if (nargs == 1 && (!kwnames || kwnames->len == 0)) {
        return obj_val(type_of(args[0]));
    }
    if (nargs != 3) {
        return exc_raise(ts, exc_TypeError, "type() takes 1 or 3 arguments");
    }
    return type_new_class(ts, meta, args[0], args[1], args[2], args + 3, kwnames);
}

static int type_tp_init(ThreadState *ts, Value self, const Value *args, size_t nargs,
                        TupleObj *kwnames) {
    return 0;
}

static Value type_get_name(ThreadState *ts, Value self) {
    return obj_val(((TypeObj *)as_obj(self))->name_str);
}
static int type_set_name(ThreadState *ts, Value self, Value v) {
    TypeObj *t = (TypeObj *)as_obj(self);
    if (!(t->flags & TYPE_HEAP) || !str_check(v)) {
        return exc_raise_int(ts, exc_TypeError, "can only assign string to %s.__name__",
                             t->name);
    }
    t->name_str = as_str(str_intern(ts, v));
    t->name = t->name_str->data;
    return 0;
}
static Value type_get_qualname(ThreadState *ts, Value self) {
    TypeObj *t = (TypeObj *)as_obj(self);
    return obj_val(t->qualname ? t->qualname : t->name_str);
}
static int type_set_qualname(ThreadState *ts, Value self, Value v) {
    TypeObj *t = (TypeObj *)as_obj(self);
    if (!(t->flags & TYPE_HEAP) || !str_check(v)) {
        return exc_raise_int(ts, exc_TypeError, "can only assign string to %s.__qualname__",
                             t->name);
    }
    t->qualname = as_str(v);
    return 0;
}
static Value type_get_module(ThreadState *ts, Value self) {
    TypeObj *t = (TypeObj *)as_obj(self);
    Value m;
    if (t->flags & TYPE_HEAP) {
        if (dict_get_str(t->dict, STR_NAME(ts, __module__), &m)) {
            return m;
        }
        return exc_raise(ts, exc_AttributeError, "__module__");
    }
    const char *dot = strrchr(t->name, '.');
    if (dot) {
        return str_new(ts, t->name, (size_t)(dot - t->name));
    }
    return str_from_cstr(ts, "builtins");
}
static int type_set_module(ThreadState *ts, Value self, Value v) {
    TypeObj *t = (TypeObj *)as_obj(self);
    return dict_set_str(ts, t->dict, STR_NAME(ts, __module__), v);
}
static Value type_get_bases(ThreadState *ts, Value self) {
    return obj_val(((TypeObj *)as_obj(self))->bases);
}
static Value type_get_base(ThreadState *ts, Value self) {
    TypeObj *b = ((TypeObj *)as_obj(self))->base;
    return b ? obj_val(b) : CS_NONE;
}
static Value type_get_mro(ThreadState *ts, Value self) {
    return obj_val(((TypeObj *)as_obj(self))->mro);
}
static Value type_get_dict(ThreadState *ts, Value self) {
    return obj_val(((TypeObj *)as_obj(self))->dict);
}
static Value type_get_doc(ThreadState *ts, Value self) {
    TypeObj *t = (TypeObj *)as_obj(self);
    Value d;
    if (dict_get_str(t->dict, STR_NAME(ts, __doc__), &d)) {
        if (type_of(d)->descr_get && !str_check(d)) {
            return type_of(d)->descr_get(ts, d, CS_UNBOUND, t);
        }
        return d;
    }
    return CS_NONE;
}
static int type_set_doc(ThreadState *ts, Value self, Value v) {
    TypeObj *t = (TypeObj *)as_obj(self);
    if (!(t->flags & TYPE_HEAP)) {
        return exc_raise_int(ts, exc_TypeError, "cannot set '__doc__' attribute of immutable type "
                                                "'%s'",
                             t->name);
    }
    ts->interp->type_epoch++;
    return dict_set_str(ts, t->dict, STR_NAME(ts, __doc__), v == CS_UNBOUND ? CS_NONE : v);
}

static Value type_get_annotations(ThreadState *ts, Value self) {
    TypeObj *t = (TypeObj *)as_obj(self);
    Value d;
    if (dict_get_str(t->dict, STR_NAME(ts, __annotations__), &d)) {
        return d;
    }
    if (!(t->flags & TYPE_HEAP)) {
        return exc_raise(ts, exc_AttributeError, "type object '%s' has no attribute "
                                                 "'__annotations__'",
                         t->name);
    }
    d = dict_new(ts);
    dict_set_str(ts, t->dict, STR_NAME(ts, __annotations__), d);
    return d;
}

static int type_set_annotations(ThreadState *ts, Value self, Value v) {
    TypeObj *t = (TypeObj *)as_obj(self);
    if (!(t->flags & TYPE_HEAP)) {
        return exc_raise_int(ts, exc_TypeError,
                             "cannot set '__annotations__' attribute of immutable type '%s'",
                             t->name);
    }
    ts->interp->type_epoch++;
    if (v == CS_UNBOUND) {
        return dict_del(ts, t->dict, obj_val(STR_NAME(ts, __annotations__))) < 0 ? -1 : 0;
    }
    return dict_set_str(ts, t->dict, STR_NAME(ts, __annotations__), v);
}

static const GetSetDef type_getsets[] = {
    {"__name__", type_get_name, type_set_name},
    {"__qualname__", type_get_qualname, type_set_qualname},
    {"__module__", type_get_module, type_set_module},
    {"__bases__", type_get_bases, NULL},
    {"__base__", type_get_base, NULL},
    {"__mro__", type_get_mro, NULL},
    {"__dict__", type_get_dict, NULL},
    {"__doc__", type_get_doc, type_set_doc},
    {"__annotations__", type_get_annotations, type_set_annotations},
    {NULL, NULL, NULL},
};

static Value type_mro_method(ThreadState *ts, Value self, const Value *args, size_t nargs,
                             TupleObj *kwnames) {
    TupleObj *m = ((TypeObj *)as_obj(self))->mro;
    return list_from_array(ts, m->items, m->len);
}

static Value type_subclasses(ThreadState *ts, Value self, const Value *args, size_t nargs,
                             TupleObj *kwnames) {
    // Subclass tracking is not kept; an empty list is a truthful lower bound
    // only for leaf classes, so say it plainly.
    return exc_raise(ts, exc_NotImplementedError, "type.__subclasses__() is not supported");
}

static Value type_instancecheck(ThreadState *ts, Value self, const Value *args, size_t nargs,
                                TupleObj *kwnames) {
    if (arg_count(ts, "__instancecheck__", nargs, 1, 1) < 0) {
        return CS_ERR;
    }
    return bool_val(obj_isinstance_type(args[0], (TypeObj *)as_obj(self)));
}

static Value type_subclasscheck(ThreadState *ts, Value self, const Value *args, size_t nargs,
                                TupleObj *kwnames) {
    if (arg_count(ts, "__subclasscheck__", nargs, 1, 1) < 0) {
        return CS_ERR;
    }
    if (!is_obj(args[0]) || !(type_of(args[0])->flags & TYPE_TYPE_SUBCLASS)) {
        return exc_raise(ts, exc_TypeError, "issubclass() arg 1 must be a class");
    }
    return bool_val(type_is_subtype((TypeObj *)as_obj(args[0]), (TypeObj *)as_obj(self)));
}

static const MethodDef type_methods[] = {
    {"mro", type_mro_method, 0, NULL},
    {"__subclasses__", type_subclasses, 0, NULL},
    {"__instancecheck__", type_instancecheck, 0, NULL},
    {"__subclasscheck__", type_subclasscheck, 0, NULL},
    {NULL, NULL, 0, NULL},
};

TypeObj type_type = {
    .hdr = OBJ_HEADER_INIT(&type_type),
    .name = "type",
    .basicsize = sizeof(TypeObj),
    .flags = TYPE_BASETYPE | TYPE_TYPE_SUBCLASS,
    .trace = type_trace,
    .call = type_call,
    .tp_new = type_tp_new,
    .tp_init = type_tp_init,
    .getattr = type_getattr,
    .setattr = type_setattr,
    .repr = type_repr,
    .getsets = type_getsets,
    .methods = type_methods,
};

// ---------------------------------------------------------------------------
// __build_class__

Value type_build_class(ThreadState *ts, Value self, const Value *args, size_t nargs,
                       TupleObj *kwnames) {
    if (nargs < 2) {
        return exc_raise(ts, exc_TypeError, "__build_class__: not enough arguments");
    }
    Value func = args[0], name = args[1];
    if (!is_type_exact(func, &type_function)) {
        return exc_raise(ts, exc_TypeError, "__build_class__: func must be a function");
    }
    if (!str_check(name)) {
        return exc_raise(ts, exc_TypeError, "__build_class__: name is not a string");
    }
    Value bases = tuple_from_array(ts, args + 2, nargs - 2);
    // __mro_entries__ (typing.Generic[...] and friends) resolve to real bases.
    for (size_t i = 0; i < as_tuple(bases)->len; i++) {
        Value b = as_tuple(bases)->items[i];
        if (is_obj(b) && (type_of(b)->flags & TYPE_TYPE_SUBCLASS)) {
            continue;
        }
        Value me = obj_lookup_attr(ts, b, STR_NAME(ts, __mro_entries__));
        if (me == CS_ERR) {
            return CS_ERR;
        }
        if (me == CS_UNBOUND) {
            continue;
        }
        Value ent = obj_call1(ts, me, bases);
        if (ent == CS_ERR) {
            return CS_ERR;
        }
        Value nl = list_new(ts, 0);
        for (size_t j = 0; j < as_tuple(bases)->len; j++) {
            if (j == i) {
                if (list_extend(ts, as_list(nl), ent) < 0) {
                    return CS_ERR;
                }
            } else {
                list_append(ts, as_list(nl), as_tuple(bases)->items[j]);
            }
        }
        bases = list_as_tuple(ts, as_list(nl));
        i = (size_t)-1; // rescan
    }
    TypeObj *meta = &type_type;
    size_t nkw = kwnames ? kwnames->len : 0;
    for (size_t i = 0; i < nkw; i++) {
        if (str_equal_cstr(as_str(kwnames->items[i]), "metaclass")) {
            Value m = args[nargs + i];
            if (!is_obj(m) || !(type_of(m)->flags & TYPE_TYPE_SUBCLASS)) {
                return exc_raise(ts, exc_TypeError, "metaclass must be a type");
            }
            meta = (TypeObj *)as_obj(m);
        }
    }
    for (size_t i = 0; i < as_tuple(bases)->len; i++) {
        TypeObj *bm = type_of(as_tuple(bases)->items[i]);
        if (type_is_subtype(bm, meta)) {
            meta = bm;
        }
    }
    Value ns = dict_new(ts);
    Value cell = vm_run_class_body(ts, func, ns);
    if (cell == CS_ERR) {
        return CS_ERR;
    }
    // Class keywords other than metaclass= go to __init_subclass__.
    size_t nkept = 0;
    Value *cargs = gc_xmalloc(ts, (3 + nkw) * sizeof(Value));
    Value knames = tuple_new(ts, nkw);
    if (!cargs || knames == CS_ERR) {
        return CS_ERR;
    }
    cargs[0] = name;
    cargs[1] = bases;
    cargs[2] = ns;
    for (size_t i = 0; i < nkw; i++) {
        if (!str_equal_cstr(as_str(kwnames->items[i]), "metaclass")) {
            as_tuple(knames)->items[nkept] = kwnames->items[i];
            cargs[3 + nkept++] = args[nargs + i];
        }
    }
    as_tuple(knames)->len = nkept;
    TupleObj *kn = nkept ? as_tuple(knames) : NULL;
    Value cls;
    if (meta == &type_type) {
        cls = type_new_class(ts, meta, name, bases, ns, cargs + 3, kn);
    } else {
        cls = obj_call(ts, obj_val(meta), cargs, 3, kn);
    }
    gc_xfree(ts->interp, cargs, 0);
    if (cls == CS_ERR) {
        return CS_ERR;
    }
    if (is_type_exact(cell, &type_cell)) {
        ((CellObj *)as_obj(cell))->value = cls;
    }
    return cls;
}

bool type_plain_init(ThreadState *ts, TypeObj *t, Value *init) {
    if (t->tp_init != slot_init || t->tp_new != type_object.tp_new ||
        (t->flags & TYPE_ABSTRACT_NEW) || type_of(obj_val(t)) != &type_type) {
        return false;
    }
    Value f = type_lookup(t, STR_NAME(ts, __init__));
    if (!is_type_exact(f, &type_function)) {
        return false;
    }
    CodeObj *co = ((FuncObj *)as_obj(f))->code;
    if (co->flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR)) {
        return false;
    }
    *init = f;
    return true;
}

// Allocates an instance of t (object.__new__'s work).
Value type_generic_alloc(ThreadState *ts, TypeObj *t) {
    Obj *o = gc_alloc(ts, t, t->basicsize);
    return obj_val(o);
}
