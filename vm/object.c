// The generic protocols of vm/object.h (repr, hash, comparison, attributes,
// items, iteration, calls, operators, isinstance) dispatching through type
// slots, plus the types `object`, NoneType, NotImplementedType, ellipsis
// and the small GenericAlias that `list[int]` in annotations produces.
#include "vm/object.h"

#include <stdio.h>
#include <string.h>

#include "stdlib/iterators.h"
#include "vm/dict.h"
#include "vm/eval.h"
#include "vm/exc.h"
#include "vm/func.h"
#include "vm/gc.h"
#include "vm/int.h"
#include "vm/list.h"
#include "vm/names.h"
#include "vm/state.h"
#include "vm/str.h"
#include "vm/typeobj.h"

const char *obj_type_name(Value v) {
    TypeObj *t = type_of(v);
    return t->name; // tp_name: a class's __name__, not its __qualname__ (as CPython)
}

// ---------------------------------------------------------------------------
// repr, str, hash, truth

Value obj_repr(ThreadState *ts, Value v) {
    UnaryFn f = type_of(v)->repr;
    if (!f) {
        return str_format_c(ts, "<%s object>", obj_type_name(v));
    }
    if (vm_check_c_stack(ts) < 0) {
        return CS_ERR;
    }
    return f(ts, v);
}

Value obj_str(ThreadState *ts, Value v) {
    if (is_type_exact(v, &type_str)) {
        return v;
    }
    UnaryFn f = type_of(v)->str;
    if (!f) {
        return obj_repr(ts, v);
    }
    if (vm_check_c_stack(ts) < 0) {
        return CS_ERR;
    }
    return f(ts, v);
}

Value obj_ascii(ThreadState *ts, Value v) {
    Value r = obj_repr(ts, v);
    if (r == CS_ERR) {
        return CS_ERR;
    }
    StrObj *s = as_str(r);
    if (s->hdr.aux & STR_ASCII) {
        return r;
    }
    StrBuf b;
    str_buf_init(&b);
    size_t i = 0;
    while (i < s->len) {
        uint32_t cp;
        size_t n = utf8_decode(s->data + i, s->len - i, &cp);
        if (n == 0) {
            n = 1;
            cp = (unsigned char)s->data[i];
        }
        if (cp < 0x80) {
            str_buf_append_char(&b, (char)cp);
        } else if (cp < 0x100) {
            str_buf_printf(&b, "\\x%02x", cp);
        } else if (cp < 0x10000) {
            str_buf_printf(&b, "\\u%04x", cp);
        } else {
            str_buf_printf(&b, "\\U%08x", cp);
        }
        i += n;
    }
    return str_buf_finish(ts, &b);
}

int64_t obj_unhashable(ThreadState *ts, Value v) {
    exc_raise(ts, exc_TypeError, "unhashable type: '%s'", obj_type_name(v));
    return -1;
}

int64_t obj_hash(ThreadState *ts, Value v) {
    if (is_small_int(v)) {
        return int_hash(v);
    }
    HashFn f = type_of(v)->hash;
    if (!f) {
        return obj_unhashable(ts, v);
    }
    int64_t h = f(ts, v);
    if (h == -1 && !ts_has_exc(ts)) {
        h = -2;
    }
    return h;
}

int obj_truthy(ThreadState *ts, Value v) {
    if (v == CS_TRUE) {
        return 1;
    }
    if (v == CS_FALSE || v == CS_NONE) {
        return 0;
    }
    if (is_small_int(v)) {
        return as_small_int(v) != 0;
    }
    if (is_float(v)) {
        return as_float(v) != 0.0;
    }
    TypeObj *t = type_of(v);
    if (t->truthy) {
        return t->truthy(ts, v);
    }
    if (t->len) {
        ssize_t n = t->len(ts, v);
        return n < 0 ? -1 : n > 0;
    }
    return 1;
}

ssize_t obj_len(ThreadState *ts, Value v) {
    LenFn f = type_of(v)->len;
    if (!f) {
        return exc_raise_int(ts, exc_TypeError, "object of type '%s' has no len()",
                             obj_type_name(v));
    }
    return f(ts, v);
}

// ---------------------------------------------------------------------------
// Comparison

static const char *const cmp_symbols[] = {"<", "<=", "==", "!=", ">", ">="};
static const CmpOp cmp_swapped[] = {CMP_GT, CMP_GE, CMP_EQ, CMP_NE, CMP_LT, CMP_LE};

Value obj_compare(ThreadState *ts, Value a, Value b, CmpOp op) {
    TypeObj *ta = type_of(a), *tb = type_of(b);
    bool checked_reverse = false;
    if (ta != tb && tb->richcompare && type_is_subtype(tb, ta)) {
        checked_reverse = true;
        Value r = tb->richcompare(ts, b, a, cmp_swapped[op]);
        if (r != CS_NOTIMPL_VAL) {
            return r;
        }
    }
    if (ta->richcompare) {
        Value r = ta->richcompare(ts, a, b, op);
        if (r != CS_NOTIMPL_VAL) {
            return r;
        }
    }
    if (!checked_reverse && tb->richcompare) {
        Value r = tb->richcompare(ts, b, a, cmp_swapped[op]);
        if (r != CS_NOTIMPL_VAL) {
            return r;
        }
    }
    if (op == CMP_EQ) {
        return bool_val(a == b);
    }
    if (op == CMP_NE) {
        return bool_val(a != b);
    }
    return exc_raise(ts, exc_TypeError, "'%s' not supported between instances of '%s' and '%s'",
                     cmp_symbols[op], obj_type_name(a), obj_type_name(b));
}

int obj_eq(ThreadState *ts, Value a, Value b) {
    if (a == b) {
        return 1;
    }
    if (is_small_int(a) && is_small_int(b)) {
        return 0;
    }
    Value r = obj_compare(ts, a, b, CMP_EQ);
    if (r == CS_ERR) {
        return -1;
    }
    if (is_bool(r)) {
        return r == CS_TRUE;
    }
    return obj_truthy(ts, r);
}

int obj_lt(ThreadState *ts, Value a, Value b) {
    if (is_small_int(a) && is_small_int(b)) {
        return as_small_int(a) < as_small_int(b);
    }
    Value r = obj_compare(ts, a, b, CMP_LT);
    if (r == CS_ERR) {
        return -1;
    }
    if (is_bool(r)) {
        return r == CS_TRUE;
    }
    return obj_truthy(ts, r);
}

// ---------------------------------------------------------------------------
// Attributes

Value obj_generic_getattr(ThreadState *ts, Value obj, StrObj *name) {
    TypeObj *t = type_of(obj);
    Value descr = type_lookup(t, name);
    DescrGetFn get = NULL;
    if (descr != CS_UNBOUND) {
        TypeObj *dt = type_of(descr);
        get = dt->descr_get;
        if (get && dt->descr_set) {
            return get(ts, descr, obj, t);
        }
    }
    DictObj **dp = obj_dict_ptr(obj);
    if (dp && *dp) {
        Value v;
        if (dict_get_str(*dp, name, &v)) {
            return v;
        }
    }
    if (descr != CS_UNBOUND) {
        return get ? get(ts, descr, obj, t) : descr;
    }
    if (dp && name == STR_NAME(ts, __dict__)) {
        DictObj *d = obj_get_dict(ts, obj);
        return d ? obj_val(d) : CS_ERR;
    }
    return exc_raise(ts, exc_AttributeError, "'%s' object has no attribute '%U'",
                     obj_type_name(obj), obj_val(name));
}

int obj_generic_setattr(ThreadState *ts, Value obj, StrObj *name, Value value) {
    TypeObj *t = type_of(obj);
    Value descr = type_lookup(t, name);
    if (descr != CS_UNBOUND && type_of(descr)->descr_set) {
        return type_of(descr)->descr_set(ts, descr, obj, value);
    }
    DictObj **dp = obj_dict_ptr(obj);
    if (dp && name == STR_NAME(ts, __dict__) && value != CS_UNBOUND) {
        if (!dict_check(value)) {
            return exc_raise_int(ts, exc_TypeError,
                                 "__dict__ must be set to a dictionary, not a '%s'",
                                 obj_type_name(value));
        }
        *dp = as_dict(value);
        return 0;
    }
    if (!dp) {
        if (descr != CS_UNBOUND) {
            return exc_raise_int(ts, exc_AttributeError,
                                 "'%s' object attribute '%U' is read-only", obj_type_name(obj),
                                 obj_val(name));
        }
        return exc_raise_int(ts, exc_AttributeError, "'%s' object has no attribute '%U'",
                             obj_type_name(obj), obj_val(name));
    }
    if (!*dp) {
        if (value == CS_UNBOUND) {
            return exc_raise_int(ts, exc_AttributeError, "'%s' object has no attribute '%U'",
                                 obj_type_name(obj), obj_val(name));
        }
        *dp = as_dict(dict_new(ts));
    }
    if (value == CS_UNBOUND) {
        int r = dict_del(ts, *dp, obj_val(name));
        if (r == 0) {
            return exc_raise_int(ts, exc_AttributeError, "'%s' object has no attribute '%U'",
                                 obj_type_name(obj), obj_val(name));
        }
        return r < 0 ? -1 : 0;
    }
    return dict_set_str(ts, *dp, name, value);
}

Value obj_getattr(ThreadState *ts, Value obj, StrObj *name) {
    GetAttrFn f = type_of(obj)->getattr;
    return f ? f(ts, obj, name) : obj_generic_getattr(ts, obj, name);
}

Value obj_getattr_cstr(ThreadState *ts, Value obj, const char *name) {
    StrObj *n = str_intern_name(ts, name);
    return n ? obj_getattr(ts, obj, n) : CS_ERR;
}

Value obj_lookup_attr(ThreadState *ts, Value obj, StrObj *name) {
    Value r = obj_getattr(ts, obj, name);
    if (r == CS_ERR && exc_matches(ts, exc_AttributeError)) {
        exc_clear(ts);
        return CS_UNBOUND;
    }
    return r;
}

int obj_setattr(ThreadState *ts, Value obj, StrObj *name, Value value) {
    SetAttrFn f = type_of(obj)->setattr;
    if (f) {
        return f(ts, obj, name, value);
    }
    return obj_generic_setattr(ts, obj, name, value);
}

int obj_delattr(ThreadState *ts, Value obj, StrObj *name) {
    return obj_setattr(ts, obj, name, CS_UNBOUND);
}

// ---------------------------------------------------------------------------
// Items

Value obj_getitem(ThreadState *ts, Value obj, Value key) {
    BinaryFn f = type_of(obj)->getitem;
    if (f) {
        return f(ts, obj, key);
    }
    if (is_obj(obj) && (type_of(obj)->flags & TYPE_TYPE_SUBCLASS)) {
        TypeObj *t = (TypeObj *)as_obj(obj);
        Value cg = type_lookup(t, STR_NAME(ts, __class_getitem__));
        if (cg != CS_UNBOUND) {
            if (type_of(cg)->descr_get) {
                cg = type_of(cg)->descr_get(ts, cg, CS_UNBOUND, t);
                if (cg == CS_ERR) {
                    return CS_ERR;
                }
            }
            return obj_call1(ts, cg, key);
        }
        if (!(t->flags & TYPE_HEAP) &&
            (t == &type_list || t == &type_dict || t == &type_tuple || t == &type_set ||
             t == &type_frozenset || t == &type_type)) {
            return generic_alias_new(ts, obj, key);
        }
        return exc_raise(ts, exc_TypeError, "type '%s' is not subscriptable", type_qualname(t));
    }
    return exc_raise(ts, exc_TypeError, "'%s' object is not subscriptable", obj_type_name(obj));
}

int obj_setitem(ThreadState *ts, Value obj, Value key, Value value) {
    SetItemFn f = type_of(obj)->setitem;
    if (!f) {
        return exc_raise_int(ts, exc_TypeError, "'%s' object does not support item assignment",
                             obj_type_name(obj));
    }
    return f(ts, obj, key, value);
}

int obj_delitem(ThreadState *ts, Value obj, Value key) {
    SetItemFn f = type_of(obj)->setitem;
    if (!f) {
        return exc_raise_int(ts, exc_TypeError, "'%s' object doesn't support item deletion",
                             obj_type_name(obj));
    }
    return f(ts, obj, key, CS_UNBOUND);
}

int obj_contains(ThreadState *ts, Value container, Value item) {
    ContainsFn f = type_of(container)->contains;
    if (f) {
        return f(ts, container, item);
    }
    TypeObj *t = type_of(container);
    if (!t->iter && !t->getitem) {
        return exc_raise_int(ts, exc_TypeError, "argument of type '%s' is not iterable",
                             obj_type_name(container));
    }
    Value it = obj_iter(ts, container);
    if (it == CS_ERR) {
        return -1;
    }
    for (;;) {
        Value v = obj_next(ts, it);
        if (v == CS_STOP) {
            return 0;
        }
        if (v == CS_ERR) {
            return -1;
        }
        int eq = obj_eq(ts, v, item);
        if (eq != 0) {
            return eq;
        }
    }
}

// ---------------------------------------------------------------------------
// Iteration

Value obj_iter(ThreadState *ts, Value v) {
    TypeObj *t = type_of(v);
    if (t->iter) {
        Value it = t->iter(ts, v);
        if (it != CS_ERR && !type_of(it)->iternext) {
            return exc_raise(ts, exc_TypeError, "iter() returned non-iterator of type '%s'",
                             obj_type_name(it));
        }
        return it;
    }
    if (t->getitem && !(t->flags & TYPE_DICT_SUBCLASS)) {
        return seqiter_new(ts, v);
    }
    return exc_raise(ts, exc_TypeError, "'%s' object is not iterable", obj_type_name(v));
}

Value obj_next(ThreadState *ts, Value it) {
    UnaryFn f = type_of(it)->iternext;
    if (!f) {
        return exc_raise(ts, exc_TypeError, "'%s' object is not an iterator", obj_type_name(it));
    }
    Value r = f(ts, it);
    // A generator that returns a value reports it through StopIteration,
    // which means plain exhaustion to every consumer but next().
    if (r == CS_ERR && exc_matches(ts, exc_StopIteration)) {
        exc_clear(ts);
        return CS_STOP;
    }
    return r;
}

Value obj_to_list(ThreadState *ts, Value iterable) {
    Value l = list_new(ts, 0);
    if (list_extend(ts, as_list(l), iterable) < 0) {
        return CS_ERR;
    }
    return l;
}

Value obj_to_tuple(ThreadState *ts, Value iterable) {
    if (is_type_exact(iterable, &type_tuple)) {
        return iterable;
    }
    if (is_type_exact(iterable, &type_list)) {
        return list_as_tuple(ts, as_list(iterable));
    }
    Value l = obj_to_list(ts, iterable);
    if (l == CS_ERR) {
        return CS_ERR;
    }
    return list_as_tuple(ts, as_list(l));
}

// ---------------------------------------------------------------------------
// Calls

Value obj_call(ThreadState *ts, Value callable, const Value *args, size_t nargs,
               TupleObj *kwnames) {
    CallFn f = type_of(callable)->call;
    if (!f) {
        return exc_raise(ts, exc_TypeError, "'%s' object is not callable",
                         obj_type_name(callable));
    }
    if (vm_check_c_stack(ts) < 0) {
        return CS_ERR;
    }
    return f(ts, callable, args, nargs, kwnames);
}

Value obj_call0(ThreadState *ts, Value callable) {
    return obj_call(ts, callable, NULL, 0, NULL);
}

Value obj_call1(ThreadState *ts, Value callable, Value a) {
    return obj_call(ts, callable, &a, 1, NULL);
}

Value obj_call2(ThreadState *ts, Value callable, Value a, Value b) {
    Value args[2] = {a, b};
    return obj_call(ts, callable, args, 2, NULL);
}

Value obj_call_method(ThreadState *ts, Value obj, StrObj *name, const Value *args, size_t nargs) {
    Value m = obj_getattr(ts, obj, name);
    if (m == CS_ERR) {
        return CS_ERR;
    }
    gc_temp_push(ts, m);
    return obj_call(ts, m, args, nargs, NULL);
}

bool obj_callable(Value v) {
    return type_of(v)->call != NULL;
}

// ---------------------------------------------------------------------------
// Operators

static const char *const binop_symbols[BINOP_COUNT] = {
    "+", "-", "*", "@", "/", "//", "%", "** or pow()", "<<", ">>", "&", "|", "^",
};
static const char *const inplace_symbols[BINOP_COUNT] = {
    "+=", "-=", "*=", "@=", "/=", "//=", "%=", "**=", "<<=", ">>=", "&=", "|=", "^=",
};

static Value binary_op1(ThreadState *ts, Value a, Value b, int op) {
    TypeObj *ta = type_of(a), *tb = type_of(b);
    BinaryFn fa = ta->binop[op];
    BinaryFn fb = tb != ta ? tb->binop[op] : NULL;
    if (fb == fa) {
        fb = NULL;
    }
    if (fa) {
        if (fb && type_is_subtype(tb, ta)) {
            Value r = fb(ts, a, b);
            if (r != CS_NOTIMPL_VAL) {
                return r;
            }
            fb = NULL;
        }
        Value r = fa(ts, a, b);
        if (r != CS_NOTIMPL_VAL) {
            return r;
        }
    }
    if (fb) {
        return fb(ts, a, b);
    }
    return CS_NOTIMPL_VAL;
}

Value obj_binop(ThreadState *ts, Value a, Value b, int op) {
    bool inplace = (op & BINOP_INPLACE) != 0;
    int base = op & ~BINOP_INPLACE;
    if (inplace) {
        BinaryFn fi = type_of(a)->inplace[base];
        if (fi) {
            Value r = fi(ts, a, b);
            if (r != CS_NOTIMPL_VAL) {
                return r;
            }
        }
    }
    Value r = binary_op1(ts, a, b, base);
    if (r != CS_NOTIMPL_VAL) {
        return r;
    }
    if (base == BINOP_MUL) {
        // CPython's last resort is sequence repetition, whose count must be an int.
        uint32_t seq = TYPE_STR_SUBCLASS | TYPE_BYTES_SUBCLASS | TYPE_LIST_SUBCLASS |
                       TYPE_TUPLE_SUBCLASS;
        Value other = CS_UNBOUND;
        if ((type_of(a)->flags & seq) || is_type_exact(a, &type_bytearray)) {
            other = b;
        } else if ((type_of(b)->flags & seq) || is_type_exact(b, &type_bytearray)) {
            other = a;
        }
        if (other != CS_UNBOUND && !type_of(other)->index) {
            return exc_raise(ts, exc_TypeError, "can't multiply sequence by non-int of type '%s'",
                             obj_type_name(other));
        }
    }
    return exc_raise(ts, exc_TypeError, "unsupported operand type(s) for %s: '%s' and '%s'",
                     inplace ? inplace_symbols[base] : binop_symbols[base], obj_type_name(a),
                     obj_type_name(b));
}

Value obj_unop(ThreadState *ts, Value a, UnOp op) {
    UnaryFn f = type_of(a)->unop[op];
    if (!f) {
        static const char *const names[] = {"-", "+", "~"};
        return exc_raise(ts, exc_TypeError, "bad operand type for unary %s: '%s'", names[op],
                         obj_type_name(a));
    }
    return f(ts, a);
}

Value obj_pow3(ThreadState *ts, Value base, Value exp, Value mod) {
    if (mod == CS_NONE || mod == CS_UNBOUND) {
        return obj_binop(ts, base, exp, BINOP_POW);
    }
    if (int_check(base) && int_check(exp) && int_check(mod)) {
        return int_pow(ts, base, exp, mod);
    }
    Value f = type_lookup(type_of(base), STR_NAME(ts, __pow__));
    if (f != CS_UNBOUND && !is_type_exact(f, &type_slot_wrapper)) {
        Value args[3] = {base, exp, mod};
        Value r = obj_call(ts, f, args, 3, NULL);
        if (r != CS_NOTIMPL_VAL) {
            return r;
        }
    }
    return exc_raise(ts, exc_TypeError,
                     "unsupported operand type(s) for ** or pow(): '%s', '%s', '%s'",
                     obj_type_name(base), obj_type_name(exp), obj_type_name(mod));
}

Value obj_index(ThreadState *ts, Value v) {
    if (is_small_int(v) || int_check(v)) {
        return is_bool(v) ? small_int_val(v == CS_TRUE) : v;
    }
    UnaryFn f = type_of(v)->index;
    if (!f) {
        return exc_raise(ts, exc_TypeError, "'%s' object cannot be interpreted as an integer",
                         obj_type_name(v));
    }
    Value r = f(ts, v);
    if (r != CS_ERR && !int_check(r)) {
        return exc_raise(ts, exc_TypeError, "__index__ returned non-int (type %s)",
                         obj_type_name(r));
    }
    return r;
}

ssize_t obj_as_index(ThreadState *ts, Value v) {
    if (is_small_int(v)) {
        return (ssize_t)as_small_int(v);
    }
    Value i = obj_index(ts, v);
    if (i == CS_ERR) {
        return -1;
    }
    if (is_small_int(i)) {
        return (ssize_t)as_small_int(i);
    }
    if (is_bool(i)) {
        return i == CS_TRUE;
    }
    int64_t out;
    if (int_as_i64(ts, i, &out) < 0) {
        exc_clear(ts);
        exc_raise(ts, exc_IndexError, "cannot fit '%s' into an index-sized integer",
                  obj_type_name(v));
        return -1;
    }
    return (ssize_t)out;
}

// ---------------------------------------------------------------------------
// isinstance / issubclass

bool obj_isinstance_type(Value v, const TypeObj *t) {
    return type_is_subtype(type_of(v), t);
}

static bool is_type_value(Value v) {
    return is_obj(v) && (type_of(v)->flags & TYPE_TYPE_SUBCLASS);
}

// Calls a classmethod `name` found along t's own MRO with (arg); 0 if none.
static int class_hook(ThreadState *ts, TypeObj *t, StrObj *name, Value arg) {
    if (!(t->flags & TYPE_HEAP)) {
        return 0;
    }
    Value hook = type_lookup(t, name);
    if (!is_type_exact(hook, &type_classmethod)) {
        return 0;
    }
    Value bound = type_of(hook)->descr_get(ts, hook, CS_UNBOUND, t);
    if (bound == CS_ERR) {
        return -1;
    }
    Value r = obj_call1(ts, bound, arg);
    if (r == CS_ERR) {
        return -1;
    }
    if (r == CS_NOTIMPL_VAL) {
        return 0;
    }
    return obj_truthy(ts, r);
}

int obj_isinstance(ThreadState *ts, Value v, Value cls) {
    if (is_type_value(cls)) {
        TypeObj *t = (TypeObj *)as_obj(cls);
        if (type_is_subtype(type_of(v), t)) {
            return 1;
        }
        Value ic = type_lookup(type_of(cls), STR_NAME(ts, __instancecheck__));
        if (type_of(cls) != &type_type && ic != CS_UNBOUND) {
            Value r = obj_call2(ts, ic, cls, v);
            return r == CS_ERR ? -1 : obj_truthy(ts, r);
        }
        // Without metaclasses, ABCs (collections.abc, typing.Protocol) hook
        // isinstance with a classmethod __instancecheck__ on the class itself.
        return class_hook(ts, t, STR_NAME(ts, __instancecheck__), v);
    }
    if (tuple_check(cls)) {
        TupleObj *tup = as_tuple(cls);
        for (size_t i = 0; i < tup->len; i++) {
            int r = obj_isinstance(ts, v, tup->items[i]);
            if (r != 0) {
                return r;
            }
        }
        return 0;
    }
    Value ic = type_lookup(type_of(cls), STR_NAME(ts, __instancecheck__));
    if (ic != CS_UNBOUND && is_obj(cls)) {
        Value r = obj_call2(ts, ic, cls, v);
        return r == CS_ERR ? -1 : obj_truthy(ts, r);
    }
    return exc_raise_int(ts, exc_TypeError,
                         "isinstance() arg 2 must be a type, a tuple of types, or a union");
}

int obj_issubclass(ThreadState *ts, Value cls, Value classinfo) {
    if (tuple_check(classinfo)) {
        TupleObj *tup = as_tuple(classinfo);
        for (size_t i = 0; i < tup->len; i++) {
            int r = obj_issubclass(ts, cls, tup->items[i]);
            if (r != 0) {
                return r;
            }
        }
        return 0;
    }
    if (is_type_value(classinfo) && type_of(classinfo) != &type_type) {
        Value sc = type_lookup(type_of(classinfo), STR_NAME(ts, __subclasscheck__));
        if (sc != CS_UNBOUND && !is_type_exact(sc, &type_method_descriptor)) {
            Value r = obj_call2(ts, sc, classinfo, cls);
            return r == CS_ERR ? -1 : obj_truthy(ts, r);
        }
    }
    if (!is_type_value(cls)) {
        return exc_raise_int(ts, exc_TypeError, "issubclass() arg 1 must be a class");
    }
    if (!is_type_value(classinfo)) {
        Value sc = type_lookup(type_of(classinfo), STR_NAME(ts, __subclasscheck__));
        if (sc != CS_UNBOUND && is_obj(classinfo)) {
            Value r = obj_call2(ts, sc, classinfo, cls);
            return r == CS_ERR ? -1 : obj_truthy(ts, r);
        }
        return exc_raise_int(ts, exc_TypeError,
                             "issubclass() arg 2 must be a class, a tuple of classes, or a "
                             "union");
    }
    if (type_is_subtype((TypeObj *)as_obj(cls), (TypeObj *)as_obj(classinfo))) {
        return 1;
    }
    return class_hook(ts, (TypeObj *)as_obj(classinfo), STR_NAME(ts, __subclasscheck__), cls);
}

// ---------------------------------------------------------------------------
// object

static int object_tp_init(ThreadState *ts, Value self, const Value *args, size_t nargs,
                          TupleObj *kwnames);

static Value object_tp_new(ThreadState *ts, TypeObj *type, const Value *args, size_t nargs,
                           TupleObj *kwnames) {
    size_t n = nargs + (kwnames ? kwnames->len : 0);
    if (n > 0) {
        if (type->tp_new != object_tp_new) {
            return exc_raise(ts, exc_TypeError, "object.__new__() takes exactly one argument (the "
                                                "type to instantiate)");
        }
        if (type->tp_init == object_tp_init) {
            return exc_raise(ts, exc_TypeError, "%s() takes no arguments", type_qualname(type));
        }
    }
    if (type->flags & TYPE_ABSTRACT_NEW) {
        return exc_raise(ts, exc_TypeError, "cannot create '%s' instances", type_qualname(type));
    }
    return type_generic_alloc(ts, type);
}

static int object_tp_init(ThreadState *ts, Value self, const Value *args, size_t nargs,
                          TupleObj *kwnames) {
    TypeObj *t = type_of(self);
    size_t n = nargs + (kwnames ? kwnames->len : 0);
    if (n > 0) {
        if (t->tp_init != object_tp_init) {
            return exc_raise_int(ts, exc_TypeError,
                                 "object.__init__() takes exactly one argument (the instance "
                                 "to initialize)");
        }
        if (t->tp_new == object_tp_new) {
            return exc_raise_int(ts, exc_TypeError, "%s() takes no arguments", type_qualname(t));
        }
    }
    return 0;
}

static Value object_repr(ThreadState *ts, Value self) {
    TypeObj *t = type_of(self);
    Value mod = CS_UNBOUND;
    if (t->flags & TYPE_HEAP) {
        dict_get_str(t->dict, STR_NAME(ts, __module__), &mod);
    }
    if (mod != CS_UNBOUND && str_check(mod) && strcmp(str_cstr(mod), "builtins") != 0) {
        return str_format_c(ts, "<%U.%s object at %p>", mod, type_qualname(t),
                            (void *)as_obj(self));
    }
    return str_format_c(ts, "<%s object at %p>", type_qualname(t), (void *)as_obj(self));
}

static Value object_str(ThreadState *ts, Value self) {
    return obj_repr(ts, self);
}

static int64_t object_hash(ThreadState *ts, Value self) {
    uint64_t p = (uint64_t)(uintptr_t)as_obj(self);
    int64_t h = (int64_t)((p >> 4) | (p << 60));
    return h == -1 ? -2 : h;
}

static Value object_richcompare(ThreadState *ts, Value a, Value b, CmpOp op) {
    if (op == CMP_EQ) {
        return a == b ? CS_TRUE : CS_NOTIMPL_VAL;
    }
    if (op == CMP_NE) {
        // By default __ne__ inverts __eq__.
        TypeObj *t = type_of(a);
        if (t->richcompare && t->richcompare != object_richcompare) {
            Value r = t->richcompare(ts, a, b, CMP_EQ);
            if (r == CS_ERR || r == CS_NOTIMPL_VAL) {
                return r;
            }
            int truth = obj_truthy(ts, r);
            return truth < 0 ? CS_ERR : bool_val(!truth);
        }
        return a == b ? CS_FALSE : CS_NOTIMPL_VAL;
    }
    return CS_NOTIMPL_VAL;
}

static Value object_get_class(ThreadState *ts, Value self) {
    return obj_val(type_of(self));
}

static int object_set_class(ThreadState *ts, Value self, Value v) {
    if (!is_type_value(v)) {
        return exc_raise_int(ts, exc_TypeError, "__class__ must be set to a class, not '%T' object",
                             v);
    }
    TypeObj *nt = (TypeObj *)as_obj(v);
    TypeObj *ot = type_of(self);
    if (!(nt->flags & TYPE_HEAP) || !(ot->flags & TYPE_HEAP) || nt->basicsize != ot->basicsize ||
        nt->dict_offset != ot->dict_offset) {
        return exc_raise_int(ts, exc_TypeError, "__class__ assignment: '%s' object layout differs "
                                                "from '%s'",
                             type_qualname(nt), type_qualname(ot));
    }
    as_obj(self)->type = nt;
    return 0;
}

static const GetSetDef object_getsets[] = {
    {"__class__", object_get_class, object_set_class},
    {NULL, NULL, NULL},
};

static Value object_format(ThreadState *ts, Value self, const Value *args, size_t nargs,
                           TupleObj *kwnames) {
    if (arg_count(ts, "__format__", nargs, 1, 1) < 0) {
        return CS_ERR;
    }
    if (!str_check(args[0])) {
        return exc_raise(ts, exc_TypeError, "__format__() argument must be str, not %T", args[0]);
    }
    if (as_str(args[0])->len > 0) {
        return exc_raise(ts, exc_TypeError, "unsupported format string passed to %s.__format__",
                         obj_type_name(self));
    }
    return obj_str(ts, self);
}

static Value object_init_subclass(ThreadState *ts, Value self, const Value *args, size_t nargs,
                                  TupleObj *kwnames) {
    if (nargs > 0 || (kwnames && kwnames->len)) {
        return exc_raise(ts, exc_TypeError,
                         "%s.__init_subclass__() takes no keyword arguments",
                         type_qualname((TypeObj *)as_obj(self)));
    }
    return CS_NONE;
}

static Value object_dir(ThreadState *ts, Value self, const Value *args, size_t nargs,
                        TupleObj *kwnames) {
    Value d = dict_new(ts);
    DictObj **dp = obj_dict_ptr(self);
    if (dp && *dp && dict_update(ts, as_dict(d), obj_val(*dp)) < 0) {
        return CS_ERR;
    }
    TupleObj *mro = type_of(self)->mro;
    for (size_t i = 0; i < mro->len; i++) {
        TypeObj *t = (TypeObj *)as_obj(mro->items[i]);
        if (dict_update(ts, as_dict(d), obj_val(t->dict)) < 0) {
            return CS_ERR;
        }
    }
    return dict_keys_list(ts, as_dict(d));
}

static Value object_reduce_ex(ThreadState *ts, Value self, const Value *args, size_t nargs,
                              TupleObj *kwnames) {
    return exc_raise(ts, exc_TypeError, "cannot pickle '%s' object", obj_type_name(self));
}

static Value object_sizeof(ThreadState *ts, Value self, const Value *args, size_t nargs,
                           TupleObj *kwnames) {
    return small_int_val(is_obj(self) ? (int64_t)type_of(self)->basicsize : 8);
}

static const MethodDef object_methods[] = {
    {"__format__", object_format, 0, NULL},
    {"__init_subclass__", object_init_subclass, METH_CLASS | METH_KEYWORDS, NULL},
    {"__dir__", object_dir, 0, NULL},
    {"__reduce_ex__", object_reduce_ex, 0, NULL},
    {"__sizeof__", object_sizeof, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static Value object_getattr(ThreadState *ts, Value obj, StrObj *name) {
    return obj_generic_getattr(ts, obj, name);
}

static int object_setattr(ThreadState *ts, Value obj, StrObj *name, Value value) {
    return obj_generic_setattr(ts, obj, name, value);
}

TypeObj type_object = {
    .hdr = OBJ_HEADER_INIT(&type_type),
    .name = "object",
    .basicsize = sizeof(Obj),
    .flags = TYPE_BASETYPE,
    .doc = "The base class of the class hierarchy.",
    .tp_new = object_tp_new,
    .tp_init = object_tp_init,
    .repr = object_repr,
    .str = object_str,
    .hash = object_hash,
    .richcompare = object_richcompare,
    .getattr = object_getattr,
    .setattr = object_setattr,
    .methods = object_methods,
    .getsets = object_getsets,
};

// ---------------------------------------------------------------------------
// None, NotImplemented, Ellipsis

static Value none_repr(ThreadState *ts, Value self) {
    return str_intern_cstr(ts, "None");
}

static int none_truthy(ThreadState *ts, Value self) {
    return 0;
}

static int64_t none_hash(ThreadState *ts, Value self) {
    return 0xFCA86420;
}

static Value none_new(ThreadState *ts, TypeObj *type, const Value *args, size_t nargs,
                      TupleObj *kwnames) {
    if (nargs || (kwnames && kwnames->len)) {
        return exc_raise(ts, exc_TypeError, "NoneType takes no arguments");
    }
    return CS_NONE;
}

TypeObj type_NoneType = {
    .hdr = OBJ_HEADER_INIT(&type_type),
    .name = "NoneType",
    .basicsize = sizeof(Obj),
    .tp_new = none_new,
    .repr = none_repr,
    .truthy = none_truthy,
    .hash = none_hash,
};

static Value notimpl_repr(ThreadState *ts, Value self) {
    return str_intern_cstr(ts, "NotImplemented");
}

TypeObj type_NotImplementedType = {
    .hdr = OBJ_HEADER_INIT(&type_type),
    .name = "NotImplementedType",
    .basicsize = sizeof(Obj),
    .repr = notimpl_repr,
};

static Value ellipsis_repr(ThreadState *ts, Value self) {
    return str_intern_cstr(ts, "Ellipsis");
}

TypeObj type_ellipsis = {
    .hdr = OBJ_HEADER_INIT(&type_type),
    .name = "ellipsis",
    .basicsize = sizeof(Obj),
    .repr = ellipsis_repr,
};

Obj cs_notimplemented_obj = OBJ_HEADER_INIT(&type_NotImplementedType);
Obj cs_ellipsis_obj = OBJ_HEADER_INIT(&type_ellipsis);

// ---------------------------------------------------------------------------
// GenericAlias: list[int], dict[str, int] in annotations.

typedef struct AliasObj {
    Obj hdr;
    Value origin;
    Value args; // tuple
} AliasObj;

static void alias_trace(Obj *o, GcState *gc) {
    gc_mark_value(gc, ((AliasObj *)o)->origin);
    gc_mark_value(gc, ((AliasObj *)o)->args);
}

static int alias_repr_item(ThreadState *ts, StrBuf *b, Value v) {
    if (is_type_value(v)) {
        TypeObj *t = (TypeObj *)as_obj(v);
        Value mod = CS_UNBOUND;
        if (t->flags & TYPE_HEAP) {
            dict_get_str(t->dict, STR_NAME(ts, __module__), &mod);
        }
        if (mod != CS_UNBOUND && str_check(mod) && strcmp(str_cstr(mod), "builtins") != 0) {
            str_buf_append_cstr(b, str_cstr(mod));
            str_buf_append_char(b, '.');
        }
        str_buf_append_cstr(b, type_qualname(t));
        return 0;
    }
    if (v == CS_ELLIPSIS_VAL) {
        str_buf_append_cstr(b, "...");
        return 0;
    }
    return str_buf_append_repr(ts, b, v);
}

static Value alias_repr(ThreadState *ts, Value self) {
    AliasObj *a = (AliasObj *)as_obj(self);
    StrBuf b;
    str_buf_init(&b);
    if (alias_repr_item(ts, &b, a->origin) < 0) {
        str_buf_free(&b);
        return CS_ERR;
    }
    str_buf_append_char(&b, '[');
    TupleObj *args = as_tuple(a->args);
    for (size_t i = 0; i < args->len; i++) {
        if (i) {
            str_buf_append_cstr(&b, ", ");
        }
        if (alias_repr_item(ts, &b, args->items[i]) < 0) {
            str_buf_free(&b);
            return CS_ERR;
        }
    }
    if (args->len == 0) {
        str_buf_append_cstr(&b, "()");
    }
    str_buf_append_char(&b, ']');
    return str_buf_finish(ts, &b);
}

static Value alias_call(ThreadState *ts, Value callable, const Value *args, size_t nargs,
                        TupleObj *kwnames) {
    return obj_call(ts, ((AliasObj *)as_obj(callable))->origin, args, nargs, kwnames);
}

static Value alias_getattr(ThreadState *ts, Value self, StrObj *name) {
    AliasObj *a = (AliasObj *)as_obj(self);
    if (str_equal_cstr(name, "__origin__")) {
        return a->origin;
    }
    if (str_equal_cstr(name, "__args__")) {
        return a->args;
    }
    return obj_getattr(ts, a->origin, name);
}

static Value alias_richcompare(ThreadState *ts, Value a, Value b, CmpOp op) {
    if ((op != CMP_EQ && op != CMP_NE) || type_of(b) != type_of(a)) {
        return CS_NOTIMPL_VAL;
    }
    AliasObj *x = (AliasObj *)as_obj(a), *y = (AliasObj *)as_obj(b);
    int eq = x->origin == y->origin ? obj_eq(ts, x->args, y->args) : 0;
    if (eq < 0) {
        return CS_ERR;
    }
    return bool_val(op == CMP_EQ ? eq : !eq);
}

static int64_t alias_hash(ThreadState *ts, Value self) {
    AliasObj *a = (AliasObj *)as_obj(self);
    int64_t h1 = obj_hash(ts, a->origin);
    int64_t h2 = obj_hash(ts, a->args);
    if (h1 == -1 || h2 == -1) {
        return -1;
    }
    int64_t h = h1 ^ (h2 * 1000003);
    return h == -1 ? -2 : h;
}

static Value alias_tp_new(ThreadState *ts, TypeObj *type, const Value *args, size_t nargs,
                          TupleObj *kwnames) {
    if (arg_no_kw(ts, "GenericAlias", kwnames) < 0 ||
        arg_count(ts, "GenericAlias", nargs, 2, 2) < 0) {
        return CS_ERR;
    }
    return generic_alias_new(ts, args[0], args[1]);
}

TypeObj type_generic_alias = {
    .hdr = OBJ_HEADER_INIT(&type_type),
    .name = "types.GenericAlias",
    .tp_new = alias_tp_new,
    .basicsize = sizeof(AliasObj),
    .trace = alias_trace,
    .repr = alias_repr,
    .call = alias_call,
    .getattr = alias_getattr,
    .richcompare = alias_richcompare,
    .hash = alias_hash,
};

Value generic_alias_new(ThreadState *ts, Value origin, Value args) {
    AliasObj *a = gc_alloc(ts, &type_generic_alias, sizeof(AliasObj));
    a->origin = origin;
    a->args = tuple_check(args) ? args : tuple_pack(ts, 1, args);
    return obj_val(a);
}
