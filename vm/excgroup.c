// Exception groups: BaseExceptionGroup(BaseException) and
// ExceptionGroup(BaseExceptionGroup, Exception). The constructor's checks,
// the message/exceptions attributes, derive, and split/subgroup, which walk
// nested groups and rebuild the parts through derive(). Both static types
// are declared in vm/exceptions.def; vm/exc.c prints their tracebacks.
#include "vm/excgroup.h"

#include "vm/exc.h"
#include "vm/func.h"
#include "vm/gc.h"
#include "vm/list.h"
#include "vm/str.h"
#include "vm/typeobj.h"

// A group extends the exception layout with its two constructor arguments;
// `args` keeps them as given (the sequence is not converted there).
typedef struct ExcGroupObj {
    ExcObj exc;
    Value message;    // str
    Value exceptions; // non-empty tuple of BaseException instances
} ExcGroupObj;

static ExcGroupObj *as_group(Value v) {
    return (ExcGroupObj *)as_obj(v);
}

bool excgroup_check(Value v) {
    return exc_is_instance(v, exc_BaseExceptionGroup);
}

TupleObj *excgroup_exceptions(Value eg) {
    Value excs = as_group(eg)->exceptions;
    return tuple_check(excs) ? as_tuple(excs) : NULL;
}

static void eg_trace(Obj *o, GcState *gc) {
    exc_BaseException->trace(o, gc);
    ExcGroupObj *g = (ExcGroupObj *)o;
    gc_mark_value(gc, g->message);
    gc_mark_value(gc, g->exceptions);
}

// ---------------------------------------------------------------------------
// Construction

// CPython's PySequence_Check: indexable, and not a mapping of the dict kind.
static bool is_sequence(Value v) {
    TypeObj *t = type_of(v);
    return t->getitem && !(t->flags & TYPE_DICT_SUBCLASS);
}

// BaseExceptionGroup(message, exceptions). Called on BaseExceptionGroup
// itself it answers an ExceptionGroup when every item is an Exception; an
// ExceptionGroup (or a subclass of Exception) refuses BaseExceptions.
static Value eg_new(ThreadState *ts, TypeObj *type, const Value *args, size_t nargs,
                    TupleObj *kwnames) {
    if (nargs != 2) {
        return exc_raise(ts, exc_TypeError,
                         "BaseExceptionGroup.__new__() takes exactly 2 arguments (%zu given)",
                         nargs);
    }
    Value message = args[0];
    if (!str_check(message)) {
        // The argument parser names None itself rather than its type.
        return exc_raise(ts, exc_TypeError,
                         "BaseExceptionGroup.__new__() argument 1 must be str, not %s",
                         message == CS_NONE ? "None" : obj_type_name(message));
    }
    if (!is_sequence(args[1])) {
        return exc_raise(ts, exc_TypeError, "second argument (exceptions) must be a sequence");
    }
    Value excs = obj_to_tuple(ts, args[1]);
    if (excs == CS_ERR) {
        return CS_ERR;
    }
    TupleObj *t = as_tuple(excs);
    if (t->len == 0) {
        return exc_raise(ts, exc_ValueError,
                         "second argument (exceptions) must be a non-empty sequence");
    }
    bool nests_base = false;
    for (size_t i = 0; i < t->len; i++) {
        if (!exc_is_instance(t->items[i], exc_BaseException)) {
            return exc_raise(ts, exc_ValueError,
                             "Item %zu of second argument (exceptions) is not an exception", i);
        }
        nests_base |= !exc_is_instance(t->items[i], exc_Exception);
    }
    TypeObj *cls = type;
    if (cls == exc_BaseExceptionGroup) {
        if (!nests_base) {
            cls = exc_ExceptionGroup;
        }
    } else if (nests_base && cls == exc_ExceptionGroup) {
        return exc_raise(ts, exc_TypeError, "Cannot nest BaseExceptions in an ExceptionGroup");
    } else if (nests_base && type_is_subtype(cls, exc_Exception)) {
        return exc_raise(ts, exc_TypeError, "Cannot nest BaseExceptions in '%s'", cls->name);
    }
    Value self = exc_BaseException->tp_new(ts, cls, args, nargs, kwnames);
    if (self == CS_ERR) {
        return CS_ERR;
    }
    as_group(self)->message = message;
    as_group(self)->exceptions = excs;
    return self;
}

// __init__ only refuses keywords, then sets args as BaseException.__init__.
static int eg_init(ThreadState *ts, Value self, const Value *args, size_t nargs,
                   TupleObj *kwnames) {
    if (kwnames && kwnames->len > 0) {
        return exc_raise_int(ts, exc_TypeError, "%s() takes no keyword arguments",
                             type_of(self)->name);
    }
    return exc_BaseException->tp_init(ts, self, args, nargs, NULL);
}

// "msg (3 sub-exceptions)": from the fields, whatever args became since.
static Value eg_str(ThreadState *ts, Value self) {
    ExcGroupObj *g = as_group(self);
    TupleObj *excs = excgroup_exceptions(self);
    size_t n = excs ? excs->len : 0;
    Value msg = str_check(g->message) ? g->message : str_new(ts, "", 0);
    return str_format_c(ts, "%U (%zu sub-exception%s)", msg, n, n == 1 ? "" : "s");
}

// --- attributes (read-only, as CPython's member descriptors)

static Value get_message(ThreadState *ts, Value self) {
    return as_group(self)->message;
}
static Value get_exceptions(ThreadState *ts, Value self) {
    return as_group(self)->exceptions;
}
static int set_readonly(ThreadState *ts, Value self, Value v) {
    return exc_raise_int(ts, exc_AttributeError, "readonly attribute");
}

static const GetSetDef eg_getsets[] = {
    {"message", get_message, set_readonly},
    {"exceptions", get_exceptions, set_readonly},
    {NULL, NULL, NULL},
};

// ---------------------------------------------------------------------------
// derive, split, subgroup

// derive(excs): a plain group with this message; subclasses override it so
// that split() keeps their type and extra fields.
static Value eg_derive(ThreadState *ts, Value self, const Value *args, size_t nargs,
                       TupleObj *kwnames) {
    if (nargs != 1) {
        return exc_raise(ts, exc_TypeError, "function takes exactly 1 argument (%zu given)", nargs);
    }
    return obj_call2(ts, obj_val(exc_BaseExceptionGroup), as_group(self)->message, args[0]);
}

// What split() and subgroup() test each exception with.
typedef enum { MATCH_BY_TYPE, MATCH_BY_PREDICATE } MatchKind;

static bool is_exc_class(Value v) {
    return is_obj(v) && (type_of(v)->flags & TYPE_TYPE_SUBCLASS) &&
           (((TypeObj *)as_obj(v))->flags & TYPE_EXCEPTION);
}

// A callable that is not a class is a predicate; otherwise an exception class
// or an exact tuple of them.
static int matcher_kind(ThreadState *ts, Value m, MatchKind *kind) {
    bool is_class = is_obj(m) && (type_of(m)->flags & TYPE_TYPE_SUBCLASS);
    if (obj_callable(m) && !is_class) {
        *kind = MATCH_BY_PREDICATE;
        return 0;
    }
    *kind = MATCH_BY_TYPE;
    if (is_exc_class(m)) {
        return 0;
    }
    if (is_type_exact(m, &type_tuple)) {
        TupleObj *t = as_tuple(m);
        size_t i = 0;
        while (i < t->len && is_exc_class(t->items[i])) {
            i++;
        }
        if (i == t->len) {
            return 0;
        }
    }
    return exc_raise_int(ts, exc_TypeError,
                         "expected a function, exception type or tuple of exception types");
}

// 1 when exc matches, 0 when not, -1 raised (by a predicate).
static int matches(ThreadState *ts, Value exc, MatchKind kind, Value m) {
    if (kind == MATCH_BY_PREDICATE) {
        Value r = obj_call1(ts, m, exc);
        return r == CS_ERR ? -1 : obj_truthy(ts, r);
    }
    if (tuple_check(m)) {
        for (size_t i = 0; i < as_tuple(m)->len; i++) {
            if (exc_is_instance(exc, (TypeObj *)as_obj(as_tuple(m)->items[i]))) {
                return 1;
            }
        }
        return 0;
    }
    return exc_is_instance(exc, (TypeObj *)as_obj(m));
}

// The part of `orig` made of `excs` (a list): None when empty, else
// orig.derive(excs) carrying orig's traceback, cause, context and a copy of
// its notes. Setting the cause also sets __suppress_context__, as CPython.
static Value subset(ThreadState *ts, Value orig, Value excs) {
    if (as_list(excs)->len == 0) {
        return CS_NONE;
    }
    Value eg = obj_call_method(ts, orig, str_intern_name(ts, "derive"), &excs, 1);
    if (eg == CS_ERR) {
        return CS_ERR;
    }
    if (!excgroup_check(eg)) {
        return exc_raise(ts, exc_TypeError, "derive must return an instance of BaseExceptionGroup");
    }
    ExcObj *from = (ExcObj *)as_obj(orig), *to = (ExcObj *)as_obj(eg);
    to->traceback = from->traceback;
    to->context = from->context;
    to->cause = from->cause;
    to->suppress_context = true;
    StrObj *key = str_intern_name(ts, "__notes__");
    Value notes = obj_lookup_attr(ts, orig, key);
    if (notes == CS_ERR) {
        return CS_ERR;
    }
    if (notes != CS_UNBOUND && is_sequence(notes)) {
        Value copy = obj_to_list(ts, notes); // the parts get independent lists
        if (copy == CS_ERR || obj_setattr(ts, eg, key, copy) < 0) {
            return CS_ERR;
        }
    }
    return eg;
}

// Splits exc into the part that matches and (with want_rest) the rest, each
// None when empty. A matching exception or group is taken whole; a group
// that does not match is split item by item and rebuilt by subset().
static int split_rec(ThreadState *ts, Value exc, MatchKind kind, Value m, bool want_rest,
                     Value *match, Value *rest) {
    *match = *rest = CS_NONE;
    int r = matches(ts, exc, kind, m);
    if (r < 0) {
        return -1;
    }
    if (r) {
        *match = exc;
        return 0;
    }
    if (!excgroup_check(exc)) {
        if (want_rest) {
            *rest = exc;
        }
        return 0;
    }
    if (seq_check_stack(ts, " in exceptiongroup_split_recursive") < 0) {
        return -1;
    }
    Value match_list = list_new(ts, 0);
    Value rest_list = list_new(ts, 0);
    TupleObj *excs = excgroup_exceptions(exc);
    for (size_t i = 0; excs && i < excs->len; i++) {
        Value em, er;
        if (split_rec(ts, excs->items[i], kind, m, want_rest, &em, &er) < 0) {
            return -1;
        }
        if ((em != CS_NONE && list_append(ts, as_list(match_list), em) < 0) ||
            (er != CS_NONE && list_append(ts, as_list(rest_list), er) < 0)) {
            return -1;
        }
    }
    *match = subset(ts, exc, match_list);
    if (*match == CS_ERR) {
        return -1;
    }
    if (want_rest) {
        *rest = subset(ts, exc, rest_list);
        if (*rest == CS_ERR) {
            return -1;
        }
    }
    return 0;
}

static Value eg_split(ThreadState *ts, Value self, const Value *args, size_t nargs,
                      TupleObj *kwnames) {
    if (nargs != 1) {
        return exc_raise(ts, exc_TypeError, "split expected 1 argument, got %zu", nargs);
    }
    MatchKind kind;
    Value match, rest;
    if (matcher_kind(ts, args[0], &kind) < 0 ||
        split_rec(ts, self, kind, args[0], true, &match, &rest) < 0) {
        return CS_ERR;
    }
    return tuple_pack(ts, 2, match, rest);
}

static Value eg_subgroup(ThreadState *ts, Value self, const Value *args, size_t nargs,
                         TupleObj *kwnames) {
    if (nargs != 1) {
        return exc_raise(ts, exc_TypeError, "subgroup expected 1 argument, got %zu", nargs);
    }
    MatchKind kind;
    Value match, rest;
    if (matcher_kind(ts, args[0], &kind) < 0 ||
        split_rec(ts, self, kind, args[0], false, &match, &rest) < 0) {
        return CS_ERR;
    }
    return match;
}

static Value eg_class_getitem(ThreadState *ts, Value self, const Value *args, size_t nargs,
                              TupleObj *kwnames) {
    if (arg_count(ts, "__class_getitem__", nargs, 1, 1) < 0) {
        return CS_ERR;
    }
    return generic_alias_new(ts, self, args[0]);
}

static const MethodDef eg_methods[] = {
    {"derive", eg_derive, 0, NULL},
    {"split", eg_split, 0, NULL},
    {"subgroup", eg_subgroup, 0, NULL},
    {"__class_getitem__", eg_class_getitem, METH_CLASS, "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

// ---------------------------------------------------------------------------
// The two types

int excgroup_prepare_types(ThreadState *ts) {
    // ExceptionGroup repeats its base's slots so that readying it adds no
    // wrappers of its own: its __new__, __init__ and __str__ are inherited.
    TypeObj *types[2] = {exc_BaseExceptionGroup, exc_ExceptionGroup};
    for (int i = 0; i < 2; i++) {
        TypeObj *t = types[i];
        t->basicsize = sizeof(ExcGroupObj);
        t->trace = eg_trace;
        t->tp_new = eg_new;
        t->tp_init = eg_init;
        t->str = eg_str;
    }
    exc_BaseExceptionGroup->methods = eg_methods;
    exc_BaseExceptionGroup->getsets = eg_getsets;
    exc_BaseExceptionGroup->doc = "A combination of multiple unrelated exceptions.";
    // exceptions.def gives each type one base; ExceptionGroup's layout base
    // is BaseExceptionGroup, and Exception is its second base. Its C3 MRO is
    // fixed, so it is written out rather than computed.
    Value bases = tuple_pack(ts, 2, obj_val(exc_BaseExceptionGroup), obj_val(exc_Exception));
    Value mro =
        tuple_pack(ts, 5, obj_val(exc_ExceptionGroup), obj_val(exc_BaseExceptionGroup),
                   obj_val(exc_Exception), obj_val(exc_BaseException), obj_val(&type_object));
    if (bases == CS_ERR || mro == CS_ERR) {
        return -1;
    }
    exc_ExceptionGroup->bases = as_tuple(bases);
    exc_ExceptionGroup->mro = as_tuple(mro);
    return 0;
}
