// The operator module: the operators as functions (add, lt, getitem, iadd
// ...), and the callable types itemgetter, attrgetter and methodcaller. Each
// function dispatches through the generic protocols of vm/object.h.
#include <string.h>

#include "stdlib/modules.h"
#include "vm/dict.h"
#include "vm/exc.h"
#include "vm/func.h"
#include "vm/gc.h"
#include "vm/int.h"
#include "vm/list.h"
#include "vm/names.h"
#include "vm/state.h"
#include "vm/str.h"

// ---------------------------------------------------------------------------
// Operators as functions

// Argument-clinic wording for the two-argument functions ("add expected 2
// arguments, got 1") and METH_O wording for the one-argument ones.
static int two_args(ThreadState *ts, const char *name, size_t nargs) {
    return arg_count(ts, name, nargs, 2, 2);
}

static int one_arg(ThreadState *ts, const char *qualname, size_t nargs) {
    return arg_count(ts, qualname, nargs, 1, 1);
}

#define BINARY_FUNC(name, op)                                                                      \
    static Value op_##name(ThreadState *ts, Value self, const Value *args, size_t nargs,           \
                           TupleObj *kwnames) {                                                    \
        if (two_args(ts, #name, nargs) < 0) {                                                      \
            return CS_ERR;                                                                         \
        }                                                                                          \
        return obj_binop(ts, args[0], args[1], (op));                                              \
    }

BINARY_FUNC(add, BINOP_ADD)
BINARY_FUNC(sub, BINOP_SUB)
BINARY_FUNC(mul, BINOP_MUL)
BINARY_FUNC(matmul, BINOP_MATMUL)
BINARY_FUNC(truediv, BINOP_TRUEDIV)
BINARY_FUNC(floordiv, BINOP_FLOORDIV)
BINARY_FUNC(mod, BINOP_MOD)
BINARY_FUNC(pow, BINOP_POW)
BINARY_FUNC(lshift, BINOP_LSHIFT)
BINARY_FUNC(rshift, BINOP_RSHIFT)
BINARY_FUNC(and_, BINOP_AND)
BINARY_FUNC(or_, BINOP_OR)
BINARY_FUNC(xor, BINOP_XOR)
BINARY_FUNC(iadd, BINOP_INPLACE | BINOP_ADD)
BINARY_FUNC(isub, BINOP_INPLACE | BINOP_SUB)
BINARY_FUNC(imul, BINOP_INPLACE | BINOP_MUL)
BINARY_FUNC(imatmul, BINOP_INPLACE | BINOP_MATMUL)
BINARY_FUNC(itruediv, BINOP_INPLACE | BINOP_TRUEDIV)
BINARY_FUNC(ifloordiv, BINOP_INPLACE | BINOP_FLOORDIV)
BINARY_FUNC(imod, BINOP_INPLACE | BINOP_MOD)
BINARY_FUNC(ipow, BINOP_INPLACE | BINOP_POW)
BINARY_FUNC(ilshift, BINOP_INPLACE | BINOP_LSHIFT)
BINARY_FUNC(irshift, BINOP_INPLACE | BINOP_RSHIFT)
BINARY_FUNC(iand, BINOP_INPLACE | BINOP_AND)
BINARY_FUNC(ior, BINOP_INPLACE | BINOP_OR)
BINARY_FUNC(ixor, BINOP_INPLACE | BINOP_XOR)

#undef BINARY_FUNC

#define COMPARE_FUNC(name, op)                                                                     \
    static Value op_##name(ThreadState *ts, Value self, const Value *args, size_t nargs,           \
                           TupleObj *kwnames) {                                                    \
        if (two_args(ts, #name, nargs) < 0) {                                                      \
            return CS_ERR;                                                                         \
        }                                                                                          \
        return obj_compare(ts, args[0], args[1], (op));                                            \
    }

COMPARE_FUNC(lt, CMP_LT)
COMPARE_FUNC(le, CMP_LE)
COMPARE_FUNC(eq, CMP_EQ)
COMPARE_FUNC(ne, CMP_NE)
COMPARE_FUNC(gt, CMP_GT)
COMPARE_FUNC(ge, CMP_GE)

#undef COMPARE_FUNC

#define UNARY_FUNC(name, op)                                                                       \
    static Value op_##name(ThreadState *ts, Value self, const Value *args, size_t nargs,           \
                           TupleObj *kwnames) {                                                    \
        if (one_arg(ts, "_operator." #name, nargs) < 0) {                                          \
            return CS_ERR;                                                                         \
        }                                                                                          \
        return obj_unop(ts, args[0], (op));                                                        \
    }

UNARY_FUNC(neg, UNOP_NEG)
UNARY_FUNC(pos, UNOP_POS)
UNARY_FUNC(invert, UNOP_INVERT)
UNARY_FUNC(inv, UNOP_INVERT)

#undef UNARY_FUNC

static Value op_not_(ThreadState *ts, Value self, const Value *args, size_t nargs,
                     TupleObj *kwnames) {
    if (one_arg(ts, "_operator.not_", nargs) < 0) {
        return CS_ERR;
    }
    int r = obj_truthy(ts, args[0]);
    return r < 0 ? CS_ERR : bool_val(!r);
}

static Value op_truth(ThreadState *ts, Value self, const Value *args, size_t nargs,
                      TupleObj *kwnames) {
    if (one_arg(ts, "_operator.truth", nargs) < 0) {
        return CS_ERR;
    }
    int r = obj_truthy(ts, args[0]);
    return r < 0 ? CS_ERR : bool_val(r);
}

static Value op_index(ThreadState *ts, Value self, const Value *args, size_t nargs,
                      TupleObj *kwnames) {
    if (one_arg(ts, "_operator.index", nargs) < 0) {
        return CS_ERR;
    }
    return obj_index(ts, args[0]);
}

// abs() lives in the builtins module; operator.abs is the same operation.
static Value op_abs(ThreadState *ts, Value self, const Value *args, size_t nargs,
                    TupleObj *kwnames) {
    if (one_arg(ts, "_operator.abs", nargs) < 0) {
        return CS_ERR;
    }
    Value f;
    if (!dict_get_cstr(ts->interp->builtins, "abs", &f)) {
        return exc_raise(ts, exc_RuntimeError, "lost builtins.abs");
    }
    return obj_call1(ts, f, args[0]);
}

static Value op_is_(ThreadState *ts, Value self, const Value *args, size_t nargs,
                    TupleObj *kwnames) {
    if (two_args(ts, "is_", nargs) < 0) {
        return CS_ERR;
    }
    return bool_val(args[0] == args[1]);
}

static Value op_is_not(ThreadState *ts, Value self, const Value *args, size_t nargs,
                       TupleObj *kwnames) {
    if (two_args(ts, "is_not", nargs) < 0) {
        return CS_ERR;
    }
    return bool_val(args[0] != args[1]);
}

// ---------------------------------------------------------------------------
// Sequence operations

// CPython's PySequence_Check: indexable and not a mapping.
static bool is_sequence(Value v) {
    return type_of(v)->getitem != NULL && !dict_check(v);
}

static Value concat(ThreadState *ts, const char *name, const Value *args, size_t nargs, int op) {
    if (two_args(ts, name, nargs) < 0) {
        return CS_ERR;
    }
    if (!is_sequence(args[0])) {
        return exc_raise(ts, exc_TypeError, "'%s' object can't be concatenated",
                         obj_type_name(args[0]));
    }
    return obj_binop(ts, args[0], args[1], op);
}

static Value op_concat(ThreadState *ts, Value self, const Value *args, size_t nargs,
                       TupleObj *kwnames) {
    return concat(ts, "concat", args, nargs, BINOP_ADD);
}

static Value op_iconcat(ThreadState *ts, Value self, const Value *args, size_t nargs,
                        TupleObj *kwnames) {
    return concat(ts, "iconcat", args, nargs, BINOP_INPLACE | BINOP_ADD);
}

static Value op_contains(ThreadState *ts, Value self, const Value *args, size_t nargs,
                         TupleObj *kwnames) {
    if (two_args(ts, "contains", nargs) < 0) {
        return CS_ERR;
    }
    int r = obj_contains(ts, args[0], args[1]);
    return r < 0 ? CS_ERR : bool_val(r);
}

static Value op_getitem(ThreadState *ts, Value self, const Value *args, size_t nargs,
                        TupleObj *kwnames) {
    if (two_args(ts, "getitem", nargs) < 0) {
        return CS_ERR;
    }
    return obj_getitem(ts, args[0], args[1]);
}

static Value op_setitem(ThreadState *ts, Value self, const Value *args, size_t nargs,
                        TupleObj *kwnames) {
    if (arg_count(ts, "setitem", nargs, 3, 3) < 0 ||
        obj_setitem(ts, args[0], args[1], args[2]) < 0) {
        return CS_ERR;
    }
    return CS_NONE;
}

static Value op_delitem(ThreadState *ts, Value self, const Value *args, size_t nargs,
                        TupleObj *kwnames) {
    if (two_args(ts, "delitem", nargs) < 0 || obj_delitem(ts, args[0], args[1]) < 0) {
        return CS_ERR;
    }
    return CS_NONE;
}

// Walks `seq` comparing each item with `x` by identity, then ==. Returns
// the count (count_all) or the first index; -1 when raised, -2 not found.
static int64_t seq_search(ThreadState *ts, Value seq, Value x, bool count_all) {
    Value it = obj_iter(ts, seq);
    if (it == CS_ERR) {
        return -1;
    }
    size_t mark = gc_temp_mark(ts);
    int64_t n = 0, i = 0;
    for (;; i++) {
        Value item = obj_next(ts, it);
        if (item == CS_ERR) {
            return -1;
        }
        if (item == CS_STOP) {
            break;
        }
        gc_temp_push(ts, item);
        int eq = item == x ? 1 : obj_eq(ts, item, x);
        gc_temp_reset(ts, mark);
        if (eq < 0) {
            return -1;
        }
        if (eq && !count_all) {
            return i;
        }
        n += eq;
    }
    return count_all ? n : -2;
}

static Value op_countOf(ThreadState *ts, Value self, const Value *args, size_t nargs,
                        TupleObj *kwnames) {
    if (two_args(ts, "countOf", nargs) < 0) {
        return CS_ERR;
    }
    int64_t n = seq_search(ts, args[0], args[1], true);
    return n < 0 ? CS_ERR : int_from_i64(ts, n);
}

static Value op_indexOf(ThreadState *ts, Value self, const Value *args, size_t nargs,
                        TupleObj *kwnames) {
    if (two_args(ts, "indexOf", nargs) < 0) {
        return CS_ERR;
    }
    int64_t i = seq_search(ts, args[0], args[1], false);
    if (i == -2) {
        return exc_raise(ts, exc_ValueError, "sequence.index(x): x not in sequence");
    }
    return i < 0 ? CS_ERR : int_from_i64(ts, i);
}

// len(obj) if it has one, else obj.__length_hint__(), else the default.
static Value op_length_hint(ThreadState *ts, Value self, const Value *args, size_t nargs,
                            TupleObj *kwnames) {
    if (arg_count(ts, "length_hint", nargs, 1, 2) < 0) {
        return CS_ERR;
    }
    Value dflt = nargs > 1 ? args[1] : small_int_val(0);
    if (!int_check(dflt)) {
        return exc_raise(ts, exc_TypeError, "'%s' object cannot be interpreted as an integer",
                         obj_type_name(dflt));
    }
    if (type_of(args[0])->len) {
        ssize_t n = obj_len(ts, args[0]);
        if (n >= 0) {
            return int_from_i64(ts, n);
        }
        if (!exc_matches(ts, exc_TypeError)) {
            return CS_ERR;
        }
        exc_clear(ts);
    }
    Value hint = obj_lookup_attr(ts, args[0], STR_NAME(ts, __length_hint__));
    if (hint == CS_ERR || hint == CS_UNBOUND) {
        return hint == CS_ERR ? CS_ERR : dflt;
    }
    Value r = obj_call0(ts, hint);
    if (r == CS_ERR) {
        if (!exc_matches(ts, exc_TypeError)) {
            return CS_ERR;
        }
        exc_clear(ts);
        return dflt;
    }
    if (r == CS_NOTIMPL_VAL) {
        return dflt;
    }
    if (!int_check(r)) {
        return exc_raise(ts, exc_TypeError, "__length_hint__ must be an integer, not %s",
                         obj_type_name(r));
    }
    if (int_sign(r) < 0) {
        return exc_raise(ts, exc_ValueError, "__length_hint__() should return >= 0");
    }
    return r;
}

static Value op_call(ThreadState *ts, Value self, const Value *args, size_t nargs,
                     TupleObj *kwnames) {
    if (nargs < 1) {
        return exc_raise(ts, exc_TypeError, "call() missing 1 required positional argument: 'obj'");
    }
    return obj_call(ts, args[0], args + 1, nargs - 1, kwnames);
}

// ---------------------------------------------------------------------------
// itemgetter

typedef struct GetterObj {
    Obj hdr;
    Value items; // itemgetter: the keys; attrgetter: per name a tuple of its dotted parts
    Value names; // attrgetter: the names as given (for repr); else CS_NONE
} GetterObj;

static void getter_trace(Obj *o, GcState *gc) {
    GetterObj *g = (GetterObj *)o;
    gc_mark_value(gc, g->items);
    gc_mark_value(gc, g->names);
}

static Value itemgetter_new(ThreadState *ts, TypeObj *type, const Value *args, size_t nargs,
                            TupleObj *kwnames) {
    if (arg_no_kw(ts, "itemgetter", kwnames) < 0) {
        return CS_ERR;
    }
    if (nargs < 1) {
        return exc_raise(ts, exc_TypeError, "itemgetter expected 1 argument, got 0");
    }
    Value items = tuple_from_array(ts, args, nargs);
    GetterObj *g = gc_alloc(ts, type, type->basicsize);
    g->items = items;
    g->names = CS_NONE;
    return obj_val(g);
}

// The single-argument check of a getter's call.
static int getter_call_args(ThreadState *ts, const char *name, size_t nargs, TupleObj *kwnames) {
    if (arg_no_kw(ts, name, kwnames) < 0) {
        return -1;
    }
    if (nargs != 1) {
        return exc_raise_int(ts, exc_TypeError, "%s expected 1 argument, got %zu", name, nargs);
    }
    return 0;
}

static Value itemgetter_call(ThreadState *ts, Value self, const Value *args, size_t nargs,
                             TupleObj *kwnames) {
    if (getter_call_args(ts, "itemgetter", nargs, kwnames) < 0) {
        return CS_ERR;
    }
    TupleObj *keys = as_tuple(((GetterObj *)as_obj(self))->items);
    if (keys->len == 1) {
        return obj_getitem(ts, args[0], keys->items[0]);
    }
    Value rv = tuple_new(ts, keys->len);
    for (size_t i = 0; i < keys->len; i++) {
        Value v = obj_getitem(ts, args[0], keys->items[i]);
        if (v == CS_ERR) {
            return CS_ERR;
        }
        as_tuple(rv)->items[i] = v;
    }
    return rv;
}

// "operator.itemgetter(1, 'a')": the type name and the repr of the arguments.
static Value getter_repr_of(ThreadState *ts, Value self, Value args) {
    if (!seq_repr_enter(self)) {
        return str_format_c(ts, "%s(...)", type_of(self)->name);
    }
    StrBuf b;
    str_buf_init(&b);
    str_buf_append_cstr(&b, type_of(self)->name);
    str_buf_append_char(&b, '(');
    TupleObj *t = as_tuple(args);
    for (size_t i = 0; i < t->len; i++) {
        if (i > 0) {
            str_buf_append_cstr(&b, ", ");
        }
        if (str_buf_append_repr(ts, &b, t->items[i]) < 0) {
            seq_repr_leave(self);
            str_buf_free(&b);
            return CS_ERR;
        }
    }
    seq_repr_leave(self);
    str_buf_append_char(&b, ')');
    return str_buf_finish(ts, &b);
}

static Value itemgetter_repr(ThreadState *ts, Value self) {
    return getter_repr_of(ts, self, ((GetterObj *)as_obj(self))->items);
}

TypeObj type_itemgetter = {
    .hdr = OBJ_HEADER_INIT(&type_type),
    .name = "operator.itemgetter",
    .basicsize = sizeof(GetterObj),
    .doc = "Return a callable object that fetches the given item(s) from its operand.",
    .trace = getter_trace,
    .tp_new = itemgetter_new,
    .call = itemgetter_call,
    .repr = itemgetter_repr,
};

// ---------------------------------------------------------------------------
// attrgetter

// "a.b.c" as the tuple ('a', 'b', 'c') of interned names.
static Value split_dotted(ThreadState *ts, Value name) {
    StrObj *s = as_str(name);
    Value parts = list_new(ts, 0);
    const char *p = s->data, *end = s->data + s->len;
    for (;;) {
        const char *dot = memchr(p, '.', (size_t)(end - p));
        const char *stop = dot ? dot : end;
        Value part = str_new(ts, p, (size_t)(stop - p));
        if (part == CS_ERR || list_append(ts, as_list(parts), str_intern(ts, part)) < 0) {
            return CS_ERR;
        }
        if (!dot) {
            break;
        }
        p = dot + 1;
    }
    return list_as_tuple(ts, as_list(parts));
}

static Value attrgetter_new(ThreadState *ts, TypeObj *type, const Value *args, size_t nargs,
                            TupleObj *kwnames) {
    if (arg_no_kw(ts, "attrgetter", kwnames) < 0) {
        return CS_ERR;
    }
    if (nargs < 1) {
        return exc_raise(ts, exc_TypeError, "attrgetter expected 1 argument, got 0");
    }
    Value items = tuple_new(ts, nargs);
    for (size_t i = 0; i < nargs; i++) {
        if (!str_check(args[i])) {
            return exc_raise(ts, exc_TypeError, "attribute name must be a string");
        }
        Value parts = split_dotted(ts, args[i]);
        if (parts == CS_ERR) {
            return CS_ERR;
        }
        as_tuple(items)->items[i] = parts;
    }
    Value names = tuple_from_array(ts, args, nargs);
    GetterObj *g = gc_alloc(ts, type, type->basicsize);
    g->items = items;
    g->names = names;
    return obj_val(g);
}

static Value dotted_get(ThreadState *ts, Value obj, Value parts) {
    TupleObj *t = as_tuple(parts);
    for (size_t i = 0; i < t->len && obj != CS_ERR; i++) {
        obj = obj_getattr(ts, obj, as_str(t->items[i]));
    }
    return obj;
}

static Value attrgetter_call(ThreadState *ts, Value self, const Value *args, size_t nargs,
                             TupleObj *kwnames) {
    if (getter_call_args(ts, "attrgetter", nargs, kwnames) < 0) {
        return CS_ERR;
    }
    TupleObj *items = as_tuple(((GetterObj *)as_obj(self))->items);
    if (items->len == 1) {
        return dotted_get(ts, args[0], items->items[0]);
    }
    Value rv = tuple_new(ts, items->len);
    for (size_t i = 0; i < items->len; i++) {
        Value v = dotted_get(ts, args[0], items->items[i]);
        if (v == CS_ERR) {
            return CS_ERR;
        }
        as_tuple(rv)->items[i] = v;
    }
    return rv;
}

static Value attrgetter_repr(ThreadState *ts, Value self) {
    return getter_repr_of(ts, self, ((GetterObj *)as_obj(self))->names);
}

TypeObj type_attrgetter = {
    .hdr = OBJ_HEADER_INIT(&type_type),
    .name = "operator.attrgetter",
    .basicsize = sizeof(GetterObj),
    .doc = "Return a callable object that fetches the given attribute(s) from its operand.",
    .trace = getter_trace,
    .tp_new = attrgetter_new,
    .call = attrgetter_call,
    .repr = attrgetter_repr,
};

// ---------------------------------------------------------------------------
// methodcaller

typedef struct MethodCallerObj {
    Obj hdr;
    Value name;    // str
    Value values;  // tuple: positional arguments, then keyword values
    size_t nargs;  // how many of `values` are positional
    Value kwnames; // tuple of keyword names, or CS_NONE
} MethodCallerObj;

static void methodcaller_trace(Obj *o, GcState *gc) {
    MethodCallerObj *m = (MethodCallerObj *)o;
    gc_mark_value(gc, m->name);
    gc_mark_value(gc, m->values);
    gc_mark_value(gc, m->kwnames);
}

static Value methodcaller_new(ThreadState *ts, TypeObj *type, const Value *args, size_t nargs,
                              TupleObj *kwnames) {
    if (nargs < 1) {
        return exc_raise(ts, exc_TypeError,
                         "methodcaller needs at least one argument, the method name");
    }
    if (!str_check(args[0])) {
        return exc_raise(ts, exc_TypeError, "method name must be a string");
    }
    size_t nkw = kwnames ? kwnames->len : 0;
    Value values = tuple_from_array(ts, args + 1, nargs - 1 + nkw);
    Value name = str_intern(ts, args[0]);
    MethodCallerObj *m = gc_alloc(ts, type, type->basicsize);
    m->name = name;
    m->values = values;
    m->nargs = nargs - 1;
    m->kwnames = nkw ? obj_val(kwnames) : CS_NONE;
    return obj_val(m);
}

static Value methodcaller_call(ThreadState *ts, Value self, const Value *args, size_t nargs,
                               TupleObj *kwnames) {
    if (getter_call_args(ts, "methodcaller", nargs, kwnames) < 0) {
        return CS_ERR;
    }
    MethodCallerObj *m = (MethodCallerObj *)as_obj(self);
    Value meth = obj_getattr(ts, args[0], as_str(m->name));
    if (meth == CS_ERR) {
        return CS_ERR;
    }
    TupleObj *kw = m->kwnames == CS_NONE ? NULL : as_tuple(m->kwnames);
    return obj_call(ts, meth, as_tuple(m->values)->items, m->nargs, kw);
}

// "operator.methodcaller('f', 1, k=2)".
static Value methodcaller_repr(ThreadState *ts, Value self) {
    MethodCallerObj *m = (MethodCallerObj *)as_obj(self);
    if (!seq_repr_enter(self)) {
        return str_format_c(ts, "%s(...)", type_of(self)->name);
    }
    StrBuf b;
    str_buf_init(&b);
    str_buf_append_cstr(&b, type_of(self)->name);
    str_buf_append_char(&b, '(');
    int r = str_buf_append_repr(ts, &b, m->name);
    TupleObj *vals = as_tuple(m->values);
    for (size_t i = 0; i < vals->len && r == 0; i++) {
        str_buf_append_cstr(&b, ", ");
        if (i >= m->nargs) {
            str_buf_append_str(ts, &b, as_tuple(m->kwnames)->items[i - m->nargs]);
            str_buf_append_char(&b, '=');
        }
        r = str_buf_append_repr(ts, &b, vals->items[i]);
    }
    seq_repr_leave(self);
    if (r < 0) {
        str_buf_free(&b);
        return CS_ERR;
    }
    str_buf_append_char(&b, ')');
    return str_buf_finish(ts, &b);
}

TypeObj type_methodcaller = {
    .hdr = OBJ_HEADER_INIT(&type_type),
    .name = "operator.methodcaller",
    .basicsize = sizeof(MethodCallerObj),
    .doc = "Return a callable object that calls the given method on its operand.",
    .trace = methodcaller_trace,
    .tp_new = methodcaller_new,
    .call = methodcaller_call,
    .repr = methodcaller_repr,
};

// ---------------------------------------------------------------------------
// The module

// Every operator is also exported under its dunder name (operator.__add__).
#define OP(name)                                                                                   \
    {#name, op_##name, 0, NULL}, {                                                                 \
        "__" #name "__", op_##name, 0, NULL                                                        \
    }
#define OP_TRAILING(name, dunder)                                                                  \
    {#name, op_##name, 0, NULL}, {                                                                 \
        dunder, op_##name, 0, NULL                                                                 \
    }

static const MethodDef operator_methods[] = {
    OP(add),
    OP(sub),
    OP(mul),
    OP(matmul),
    OP(truediv),
    OP(floordiv),
    OP(mod),
    OP(pow),
    OP(lshift),
    OP(rshift),
    OP(xor),
    OP(iadd),
    OP(isub),
    OP(imul),
    OP(imatmul),
    OP(itruediv),
    OP(ifloordiv),
    OP(imod),
    OP(ipow),
    OP(ilshift),
    OP(irshift),
    OP(iand),
    OP(ior),
    OP(ixor),
    OP(lt),
    OP(le),
    OP(eq),
    OP(ne),
    OP(gt),
    OP(ge),
    OP(neg),
    OP(pos),
    OP(invert),
    OP(inv),
    OP(index),
    OP(abs),
    OP(concat),
    OP(iconcat),
    OP(contains),
    OP(getitem),
    OP(setitem),
    OP(delitem),
    OP_TRAILING(and_, "__and__"),
    OP_TRAILING(or_, "__or__"),
    OP_TRAILING(not_, "__not__"),
    {"truth", op_truth, 0, NULL},
    {"is_", op_is_, 0, NULL},
    {"is_not", op_is_not, 0, NULL},
    {"countOf", op_countOf, 0, NULL},
    {"indexOf", op_indexOf, 0, NULL},
    {"length_hint", op_length_hint, 0, NULL},
    {"call", op_call, METH_KEYWORDS, NULL},
    {"__call__", op_call, METH_KEYWORDS, NULL},
    {NULL, NULL, 0, NULL},
};

#undef OP
#undef OP_TRAILING

Value operator_module_init(ThreadState *ts) {
    Value mv = module_new(ts, "operator");
    ModuleObj *m = (ModuleObj *)as_obj(mv);
    if (module_add_functions(ts, m, operator_methods) < 0 ||
        module_add_value(ts, m, "itemgetter", obj_val(&type_itemgetter)) < 0 ||
        module_add_value(ts, m, "attrgetter", obj_val(&type_attrgetter)) < 0 ||
        module_add_value(ts, m, "methodcaller", obj_val(&type_methodcaller)) < 0) {
        return CS_ERR;
    }
    return mv;
}
