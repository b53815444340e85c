// Exceptions: the built-in hierarchy, exception objects and their
// attributes, raising with implicit chaining (__context__), and printing
// tracebacks as CPython 3.11 does (exception groups in nested boxes). The
// eval loop's unwinding is in vm/eval.c; the group types are in
// vm/excgroup.c; this file only builds and reports exceptions.
#include "vm/exc.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/dict.h"
#include "vm/excgroup.h"
#include "vm/frame.h"
#include "vm/func.h"
#include "vm/gc.h"
#include "vm/list.h"
#include "vm/state.h"
#include "vm/str.h"
#include "vm/typeobj.h"

// ---------------------------------------------------------------------------
// Exception objects

static void exc_trace(Obj *o, GcState *gc) {
    ExcObj *e = (ExcObj *)o;
    gc_mark_obj(gc, (Obj *)e->dict);
    gc_mark_value(gc, e->args);
    gc_mark_value(gc, e->cause);
    gc_mark_value(gc, e->context);
    gc_mark_obj(gc, (Obj *)e->traceback);
    gc_mark_value(gc, e->value);
    gc_mark_array(gc, e->extra, 4);
}

static ExcObj *exc_alloc(ThreadState *ts, TypeObj *type) {
    ExcObj *e = gc_alloc(ts, type, type->basicsize);
    e->args = tuple_empty(ts);
    e->cause = CS_NONE;
    e->context = CS_NONE;
    e->value = CS_NONE;
    for (int i = 0; i < 4; i++) {
        e->extra[i] = CS_NONE;
    }
    return e;
}

// StopIteration.value, SystemExit.code, KeyError/OSError fields derive from args.
static int exc_fill_from_args(ThreadState *ts, ExcObj *e) {
    TupleObj *args = as_tuple(e->args);
    TypeObj *t = e->hdr.type;
    if (type_is_subtype(t, exc_StopIteration) || type_is_subtype(t, exc_StopAsyncIteration) ||
        type_is_subtype(t, exc_SystemExit)) {
        e->value = args->len == 0 ? CS_NONE : args->len == 1 ? args->items[0] : e->args;
    } else if (type_is_subtype(t, exc_OSError) && args->len >= 2 && args->len <= 5) {
        e->extra[0] = args->items[0]; // errno
        e->extra[1] = args->items[1]; // strerror
        if (args->len >= 3) {
            e->extra[2] = args->items[2]; // filename
        }
    } else if (type_is_subtype(t, exc_ImportError)) {
        // name= and path= keywords are set by the import machinery directly.
    }
    (void)ts;
    return 0;
}

static TypeObj *errno_type(int err);

static Value exc_tp_new(ThreadState *ts, TypeObj *type, const Value *args, size_t nargs,
                        TupleObj *kwnames) {
    // OSError(errno, strerror) makes the subclass for that errno, as CPython's
    // OSError.__new__ does (OSError(111, "x") is a ConnectionRefusedError).
    if (type == exc_OSError && nargs >= 2 && is_small_int(args[0])) {
        int64_t err = as_small_int(args[0]);
        if (err > 0 && err < 4096) {
            type = errno_type((int)err);
        }
    }
    ExcObj *e = exc_alloc(ts, type);
    e->args = tuple_from_array(ts, args, nargs);
    exc_fill_from_args(ts, e);
    return obj_val(e);
}

static int exc_tp_init(ThreadState *ts, Value self, const Value *args, size_t nargs,
                       TupleObj *kwnames) {
    ExcObj *e = (ExcObj *)as_obj(self);
    if (kwnames && kwnames->len > 0 && !(e->hdr.type->flags & TYPE_HEAP)) {
        return exc_raise_int(ts, exc_TypeError, "%s() takes no keyword arguments",
                             e->hdr.type->name);
    }
    e->args = tuple_from_array(ts, args, nargs);
    return exc_fill_from_args(ts, e);
}

static Value exc_tp_repr(ThreadState *ts, Value self) {
    ExcObj *e = (ExcObj *)as_obj(self);
    TupleObj *args = as_tuple(e->args);
    const char *name = type_of(self)->name;
    if (args->len == 1) {
        return str_format_c(ts, "%s(%R)", name, args->items[0]);
    }
    if (args->len == 0) {
        return str_format_c(ts, "%s()", name);
    }
    return str_format_c(ts, "%s%R", name, e->args);
}

static Value oserror_str(ThreadState *ts, ExcObj *e) {
    if (e->extra[2] != CS_NONE) {
        return str_format_c(ts, "[Errno %S] %S: %R", e->extra[0], e->extra[1], e->extra[2]);
    }
    return str_format_c(ts, "[Errno %S] %S", e->extra[0], e->extra[1]);
}

static Value exc_tp_str(ThreadState *ts, Value self) {
    ExcObj *e = (ExcObj *)as_obj(self);
    TupleObj *args = as_tuple(e->args);
    TypeObj *t = type_of(self);
    if (type_is_subtype(t, exc_OSError) && e->extra[0] != CS_NONE && e->extra[1] != CS_NONE) {
        return oserror_str(ts, e);
    }
    if (args->len == 0) {
        return str_new(ts, "", 0);
    }
    if (args->len == 1) {
        if (type_is_subtype(t, exc_KeyError)) {
            return obj_repr(ts, args->items[0]);
        }
        return obj_str(ts, args->items[0]);
    }
    return obj_str(ts, e->args);
}

// --- attributes

static Value get_args(ThreadState *ts, Value self) {
    return ((ExcObj *)as_obj(self))->args;
}
static int set_args(ThreadState *ts, Value self, Value v) {
    if (v == CS_UNBOUND) {
        return exc_raise_int(ts, exc_TypeError, "args may not be deleted");
    }
    Value t = obj_to_tuple(ts, v);
    if (t == CS_ERR) {
        return -1;
    }
    ((ExcObj *)as_obj(self))->args = t;
    return 0;
}
static Value get_cause(ThreadState *ts, Value self) {
    return ((ExcObj *)as_obj(self))->cause;
}
static int set_cause(ThreadState *ts, Value self, Value v) {
    ExcObj *e = (ExcObj *)as_obj(self);
    e->cause = v == CS_UNBOUND ? CS_NONE : v;
    e->suppress_context = true;
    return 0;
}
static Value get_context(ThreadState *ts, Value self) {
    return ((ExcObj *)as_obj(self))->context;
}
static int set_context(ThreadState *ts, Value self, Value v) {
    ((ExcObj *)as_obj(self))->context = v == CS_UNBOUND ? CS_NONE : v;
    return 0;
}
static Value get_suppress(ThreadState *ts, Value self) {
    return bool_val(((ExcObj *)as_obj(self))->suppress_context);
}
static int set_suppress(ThreadState *ts, Value self, Value v) {
    int t = obj_truthy(ts, v);
    if (t < 0) {
        return -1;
    }
    ((ExcObj *)as_obj(self))->suppress_context = t;
    return 0;
}
static Value get_traceback(ThreadState *ts, Value self) {
    ExcObj *e = (ExcObj *)as_obj(self);
    return e->traceback ? obj_val(e->traceback) : CS_NONE;
}
static int set_traceback(ThreadState *ts, Value self, Value v) {
    ExcObj *e = (ExcObj *)as_obj(self);
    if (v == CS_NONE || v == CS_UNBOUND) {
        e->traceback = NULL;
        return 0;
    }
    if (!is_type_exact(v, &type_traceback)) {
        return exc_raise_int(ts, exc_TypeError, "__traceback__ must be a traceback or None");
    }
    e->traceback = (TracebackObj *)as_obj(v);
    return 0;
}
static Value get_value(ThreadState *ts, Value self) {
    return ((ExcObj *)as_obj(self))->value;
}
static int set_value(ThreadState *ts, Value self, Value v) {
    ((ExcObj *)as_obj(self))->value = v == CS_UNBOUND ? CS_NONE : v;
    return 0;
}

#define EXTRA_GETSET(n)                                                                            \
    static Value get_extra##n(ThreadState *ts, Value self) {                                       \
        return ((ExcObj *)as_obj(self))->extra[n];                                                 \
    }                                                                                              \
    static int set_extra##n(ThreadState *ts, Value self, Value v) {                                \
        ((ExcObj *)as_obj(self))->extra[n] = v == CS_UNBOUND ? CS_NONE : v;                        \
        return 0;                                                                                  \
    }
EXTRA_GETSET(0)
EXTRA_GETSET(1)
EXTRA_GETSET(2)
EXTRA_GETSET(3)

static const GetSetDef base_getsets[] = {
    {"args", get_args, set_args},
    {"__cause__", get_cause, set_cause},
    {"__context__", get_context, set_context},
    {"__suppress_context__", get_suppress, set_suppress},
    {"__traceback__", get_traceback, set_traceback},
    {NULL, NULL, NULL},
};

static const GetSetDef stop_getsets[] = {{"value", get_value, set_value}, {NULL, NULL, NULL}};
static const GetSetDef exit_getsets[] = {{"code", get_value, set_value}, {NULL, NULL, NULL}};
static const GetSetDef oserror_getsets[] = {
    {"errno", get_extra0, set_extra0},
    {"strerror", get_extra1, set_extra1},
    {"filename", get_extra2, set_extra2},
    {NULL, NULL, NULL},
};
static const GetSetDef import_getsets[] = {
    {"name", get_extra0, set_extra0},
    {"path", get_extra1, set_extra1},
    {NULL, NULL, NULL},
};

static Value exc_with_traceback(ThreadState *ts, Value self, const Value *args, size_t nargs,
                                TupleObj *kwnames) {
    if (arg_count(ts, "with_traceback", nargs, 1, 1) < 0) {
        return CS_ERR;
    }
    if (set_traceback(ts, self, args[0]) < 0) {
        return CS_ERR;
    }
    return self;
}

static Value exc_add_note(ThreadState *ts, Value self, const Value *args, size_t nargs,
                          TupleObj *kwnames) {
    if (arg_count(ts, "add_note", nargs, 1, 1) < 0) {
        return CS_ERR;
    }
    if (!str_check(args[0])) {
        return exc_raise(ts, exc_TypeError, "note must be a str, not '%T'", args[0]);
    }
    StrObj *key = str_intern_name(ts, "__notes__");
    Value notes = obj_lookup_attr(ts, self, key);
    if (notes == CS_ERR) {
        return CS_ERR;
    }
    if (notes == CS_UNBOUND) {
        notes = list_new(ts, 0);
        if (obj_setattr(ts, self, key, notes) < 0) {
            return CS_ERR;
        }
    }
    if (!list_check(notes)) {
        return exc_raise(ts, exc_TypeError, "Cannot add note: __notes__ is not a list");
    }
    if (list_append(ts, as_list(notes), args[0]) < 0) {
        return CS_ERR;
    }
    return CS_NONE;
}

static Value exc_reduce(ThreadState *ts, Value self, const Value *args, size_t nargs,
                        TupleObj *kwnames) {
    ExcObj *e = (ExcObj *)as_obj(self);
    return tuple_pack(ts, 2, obj_val(type_of(self)), e->args);
}

static const MethodDef base_methods[] = {
    {"with_traceback", exc_with_traceback, 0, NULL},
    {"add_note", exc_add_note, 0, NULL},
    {"__reduce__", exc_reduce, 0, NULL},
    {NULL, NULL, 0, NULL},
};

// ---------------------------------------------------------------------------
// The hierarchy: one static TypeObj per line of exceptions.def.

#define exc_type_object type_object

// Bases are referenced before their definitions: declare every type first.
#define EXC(name, basename) extern TypeObj exc_type_##name;
#include "vm/exceptions.def"
#undef EXC

#define EXC(N, B)                                                                        \
    TypeObj exc_type_##N = {                                                                    \
        .hdr = OBJ_HEADER_INIT(&type_type),                                                        \
        .name = #N,                                                                             \
        .base = &exc_type_##B,                                                              \
        .basicsize = sizeof(ExcObj),                                                               \
        .dict_offset = offsetof(ExcObj, dict),                                                     \
        .flags = TYPE_BASETYPE | TYPE_EXCEPTION | TYPE_HAS_DICT,                                   \
        .trace = exc_trace,                                                                        \
        .tp_new = exc_tp_new,                                                                      \
        .tp_init = exc_tp_init,                                                                    \
        .repr = exc_tp_repr,                                                                       \
        .str = exc_tp_str,                                                                         \
    };                                                                                             \
    TypeObj *const exc_##N = &exc_type_##N;
#include "vm/exceptions.def"
#undef EXC

void exc_trace_types(GcState *gc) {
#define EXC(name, basename) gc_mark_obj(gc, &exc_type_##name.hdr);
#include "vm/exceptions.def"
#undef EXC
}

void exc_reset_types(void) {
#define EXC(N, B)                                                                                  \
    exc_type_##N.flags &= ~(uint32_t)TYPE_READY;                                                   \
    exc_type_##N.dict = NULL;                                                                      \
    exc_type_##N.mro = NULL;                                                                       \
    exc_type_##N.bases = NULL;                                                                     \
    exc_type_##N.name_str = NULL;                                                                  \
    exc_type_##N.qualname = NULL;
#include "vm/exceptions.def"
#undef EXC
}

int exc_init_types(ThreadState *ts) {
    exc_type_BaseException.methods = base_methods;
    exc_type_BaseException.getsets = base_getsets;
    exc_type_StopIteration.getsets = stop_getsets;
    exc_type_StopAsyncIteration.getsets = stop_getsets;
    exc_type_SystemExit.getsets = exit_getsets;
    exc_type_OSError.getsets = oserror_getsets;
    exc_type_ImportError.getsets = import_getsets;
    if (excgroup_prepare_types(ts) < 0) {
        return -1;
    }
#define EXC(name, basename)                                                                        \
    if (type_ready(ts, &exc_type_##name) < 0) {                                                    \
        return -1;                                                                                 \
    }
#include "vm/exceptions.def"
#undef EXC
    return 0;
}

int exc_add_builtins(ThreadState *ts, DictObj *builtins) {
#define EXC(name, basename)                                                                        \
    if (dict_set_cstr(ts, builtins, #name, obj_val(&exc_type_##name)) < 0) {                      \
        return -1;                                                                                 \
    }
#include "vm/exceptions.def"
#undef EXC
    // CPython aliases.
    if (dict_set_cstr(ts, builtins, "EnvironmentError", obj_val(&exc_type_OSError)) < 0 ||
        dict_set_cstr(ts, builtins, "IOError", obj_val(&exc_type_OSError)) < 0) {
        return -1;
    }
    return 0;
}

// ---------------------------------------------------------------------------
// Tracebacks

static void tb_trace(Obj *o, GcState *gc) {
    TracebackObj *tb = (TracebackObj *)o;
    gc_mark_obj(gc, (Obj *)tb->next);
    gc_mark_value(gc, tb->code);
}

static Value tb_get_lineno(ThreadState *ts, Value self) {
    return small_int_val(((TracebackObj *)as_obj(self))->lineno);
}
static Value tb_get_next(ThreadState *ts, Value self) {
    TracebackObj *tb = (TracebackObj *)as_obj(self);
    return tb->next ? obj_val(tb->next) : CS_NONE;
}

static const GetSetDef tb_getsets[] = {
    {"tb_lineno", tb_get_lineno, NULL},
    {"tb_next", tb_get_next, NULL},
    {NULL, NULL, NULL},
};

TypeObj type_traceback = {
    .hdr = OBJ_HEADER_INIT(&type_type),
    .name = "traceback",
    .basicsize = sizeof(TracebackObj),
    .trace = tb_trace,
    .getsets = tb_getsets,
};

void exc_add_traceback(ThreadState *ts, Value exc, Value code, int lineno) {
    if (!is_obj(exc) || !(type_of(exc)->flags & TYPE_EXCEPTION)) {
        return;
    }
    gc_temp_push(ts, exc);
    TracebackObj *tb = gc_alloc(ts, &type_traceback, sizeof(TracebackObj));
    ExcObj *e = (ExcObj *)as_obj(exc);
    tb->next = e->traceback;
    tb->code = code;
    tb->lineno = lineno;
    e->traceback = tb;
}

// ---------------------------------------------------------------------------
// Raising

bool exc_is_instance(Value exc, TypeObj *type) {
    return is_obj(exc) && type_is_subtype(type_of(exc), type);
}

// Sets the pending exception, chaining the handled one as __context__
// (without creating a cycle), as CPython's _PyErr_SetObject.
static void exc_set(ThreadState *ts, Value exc) {
    Value handled = ts_handled(ts);
    if (handled != CS_NONE && handled != exc && is_obj(exc)) {
        ExcObj *e = (ExcObj *)as_obj(exc);
        // Break a cycle: walk handled's context chain; cut where exc appears.
        Value o = handled;
        int guard = 0;
        while (is_obj(o) && exc_is_instance(o, exc_BaseException) && guard++ < 10000) {
            ExcObj *oe = (ExcObj *)as_obj(o);
            if (oe->context == exc) {
                oe->context = CS_NONE;
                break;
            }
            o = oe->context;
        }
        if (e->context == CS_NONE) {
            e->context = handled;
        }
    }
    ts->exc = exc;
}

static Value make_exc(ThreadState *ts, TypeObj *type, Value msg) {
    if (!(type->flags & TYPE_HEAP)) {
        ExcObj *e = exc_alloc(ts, type);
        e->args = msg == CS_UNBOUND ? tuple_empty(ts) : tuple_pack(ts, 1, msg);
        exc_fill_from_args(ts, e);
        return obj_val(e);
    }
    return msg == CS_UNBOUND ? obj_call0(ts, obj_val(type)) : obj_call1(ts, obj_val(type), msg);
}

Value exc_raise_v(ThreadState *ts, TypeObj *type, const char *fmt, va_list ap) {
    Value msg = str_format_cv(ts, fmt, ap);
    if (msg == CS_ERR) {
        return CS_ERR;
    }
    Value e = make_exc(ts, type, msg);
    if (e == CS_ERR) {
        return CS_ERR;
    }
    exc_set(ts, e);
    return CS_ERR;
}

Value exc_raise(ThreadState *ts, TypeObj *type, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    exc_raise_v(ts, type, fmt, ap);
    va_end(ap);
    return CS_ERR;
}

int exc_raise_int(ThreadState *ts, TypeObj *type, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    exc_raise_v(ts, type, fmt, ap);
    va_end(ap);
    return -1;
}

void *exc_raise_ptr(ThreadState *ts, TypeObj *type, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    exc_raise_v(ts, type, fmt, ap);
    va_end(ap);
    return NULL;
}

Value exc_new(ThreadState *ts, TypeObj *type, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    Value msg = str_format_cv(ts, fmt, ap);
    va_end(ap);
    if (msg == CS_ERR) {
        return CS_ERR;
    }
    return make_exc(ts, type, msg);
}

Value exc_raise_args(ThreadState *ts, TypeObj *type, const Value *args, size_t nargs) {
    Value e;
    if (!(type->flags & TYPE_HEAP)) {
        ExcObj *eo = exc_alloc(ts, type);
        eo->args = tuple_from_array(ts, args, nargs);
        exc_fill_from_args(ts, eo);
        e = obj_val(eo);
    } else {
        e = obj_call(ts, obj_val(type), args, nargs, NULL);
        if (e == CS_ERR) {
            return CS_ERR;
        }
    }
    exc_set(ts, e);
    return CS_ERR;
}

// `raise X`: X is an instance, or a class to instantiate with no arguments.
Value exc_raise_value(ThreadState *ts, Value exc) {
    if (is_obj(exc) && type_of(exc)->flags & TYPE_TYPE_SUBCLASS) {
        TypeObj *t = (TypeObj *)as_obj(exc);
        if (!(t->flags & TYPE_EXCEPTION)) {
            return exc_raise(ts, exc_TypeError, "exceptions must derive from BaseException");
        }
        Value inst = obj_call0(ts, exc);
        if (inst == CS_ERR) {
            return CS_ERR;
        }
        if (!exc_is_instance(inst, exc_BaseException)) {
            return exc_raise(ts, exc_TypeError,
                             "calling %R should have returned an instance of BaseException, "
                             "not %T",
                             exc, inst);
        }
        exc = inst;
    } else if (!exc_is_instance(exc, exc_BaseException)) {
        return exc_raise(ts, exc_TypeError, "exceptions must derive from BaseException");
    }
    exc_set(ts, exc);
    return CS_ERR;
}

static TypeObj *errno_type(int err) {
    switch (err) {
    case ENOENT:
        return exc_FileNotFoundError;
    case EEXIST:
        return exc_FileExistsError;
    case EACCES:
    case EPERM:
        return exc_PermissionError;
    case EISDIR:
        return exc_IsADirectoryError;
    case ENOTDIR:
        return exc_NotADirectoryError;
    case EPIPE:
    case ESHUTDOWN:
        return exc_BrokenPipeError;
    case ECONNREFUSED:
        return exc_ConnectionRefusedError;
    case ECONNRESET:
        return exc_ConnectionResetError;
    case ECONNABORTED:
        return exc_ConnectionAbortedError;
    case ETIMEDOUT:
        return exc_TimeoutError;
    case EINTR:
        return exc_InterruptedError;
    case ECHILD:
        return exc_ChildProcessError;
    case ESRCH:
        return exc_ProcessLookupError;
    case EAGAIN:
    case EALREADY:
    case EINPROGRESS:
        return exc_BlockingIOError;
    default:
        return exc_OSError;
    }
}

Value exc_raise_errno(ThreadState *ts, int err, Value filename) {
    TypeObj *type = errno_type(err);
    Value args[3];
    args[0] = small_int_val(err);
    args[1] = str_from_cstr(ts, strerror(err));
    args[2] = filename;
    size_t n = (filename == CS_UNBOUND || filename == CS_NONE) ? 2 : 3;
    ExcObj *e = exc_alloc(ts, type);
    e->args = tuple_from_array(ts, args, 2);
    e->extra[0] = args[0];
    e->extra[1] = args[1];
    e->extra[2] = n == 3 ? filename : CS_NONE;
    exc_set(ts, obj_val(e));
    return CS_ERR;
}

Value exc_no_memory(ThreadState *ts) {
    // Allocating the MemoryError itself is small; the failed request was large.
    return exc_raise(ts, exc_MemoryError, "");
}

Value exc_syntax_error(ThreadState *ts, TypeObj *type, const char *msg, const char *filename,
                       int lineno, int offset, int end_lineno, int end_offset, const char *text) {
    ExcObj *e = exc_alloc(ts, type);
    Value m = str_from_cstr(ts, msg);
    Value fn = str_from_cstr(ts, filename ? filename : "<string>");
    Value tx = text ? str_decode_utf8(ts, text, strlen(text)) : CS_NONE;
    if (tx == CS_ERR) {
        exc_clear(ts);
        tx = CS_NONE;
    }
    Value details = tuple_pack(ts, 6, fn, small_int_val(lineno), small_int_val(offset), tx,
                               small_int_val(end_lineno), small_int_val(end_offset));
    e->args = tuple_pack(ts, 2, m, details);
    e->value = m; // msg
    e->extra[0] = fn;
    e->extra[1] = small_int_val(lineno);
    e->extra[2] = small_int_val(offset);
    e->extra[3] = tx;
    exc_set(ts, obj_val(e));
    return CS_ERR;
}

static Value syn_get_end_lineno(ThreadState *ts, Value self) {
    ExcObj *e = (ExcObj *)as_obj(self);
    TupleObj *a = as_tuple(e->args);
    if (a->len == 2 && tuple_check(a->items[1]) && as_tuple(a->items[1])->len == 6) {
        return as_tuple(a->items[1])->items[4];
    }
    return CS_NONE;
}
static Value syn_get_end_offset(ThreadState *ts, Value self) {
    ExcObj *e = (ExcObj *)as_obj(self);
    TupleObj *a = as_tuple(e->args);
    if (a->len == 2 && tuple_check(a->items[1]) && as_tuple(a->items[1])->len == 6) {
        return as_tuple(a->items[1])->items[5];
    }
    return CS_NONE;
}

static const GetSetDef syntax_getsets[] = {
    {"msg", get_value, set_value},
    {"filename", get_extra0, set_extra0},
    {"lineno", get_extra1, set_extra1},
    {"offset", get_extra2, set_extra2},
    {"text", get_extra3, set_extra3},
    {"end_lineno", syn_get_end_lineno, NULL},
    {"end_offset", syn_get_end_offset, NULL},
    {NULL, NULL, NULL},
};

static Value syntax_str(ThreadState *ts, Value self) {
    ExcObj *e = (ExcObj *)as_obj(self);
    if (e->value == CS_NONE) {
        return exc_tp_str(ts, self);
    }
    if (e->extra[0] != CS_NONE && e->extra[1] != CS_NONE) {
        const char *fn = str_cstr(e->extra[0]);
        const char *base = strrchr(fn, '/');
        return str_format_c(ts, "%S (%s, line %S)", e->value, base ? base + 1 : fn, e->extra[1]);
    }
    return obj_str(ts, e->value);
}

void exc_init_syntax_type(void) {
    exc_type_SyntaxError.getsets = syntax_getsets;
    exc_type_SyntaxError.str = syntax_str;
}

// ---------------------------------------------------------------------------
// Pending-exception helpers

Value exc_fetch(ThreadState *ts) {
    Value e = ts->exc;
    ts->exc = CS_UNBOUND;
    return e;
}

void exc_restore(ThreadState *ts, Value exc) {
    ts->exc = exc;
}

void exc_clear(ThreadState *ts) {
    ts->exc = CS_UNBOUND;
}

bool exc_matches(ThreadState *ts, TypeObj *type) {
    return ts->exc != CS_UNBOUND && exc_is_instance(ts->exc, type);
}

Value exc_args(Value exc) {
    return ((ExcObj *)as_obj(exc))->args;
}

Value exc_get_value(Value exc) {
    return ((ExcObj *)as_obj(exc))->value;
}

// ---------------------------------------------------------------------------
// Printing
//
// exc_print follows CPython 3.11's report of an uncaught exception: the
// chain first (the cause, else the unsuppressed context, each exception's
// chain printed once even when the links form a cycle), then the traceback,
// the "Type: message" line and the notes. An exception group then draws its
// sub-exceptions in nested boxes. Inside a group every line we write starts
// with a margin, "| " indented two columns per nesting level ("+ " on the
// traceback header of a top-level group); the continuation lines of a
// multi-line message get none, as in CPython.

enum {
    GROUP_MAX_WIDTH = 15,     // sub-exceptions shown per group, then "and N more"
    GROUP_MAX_DEPTH = 10,     // nested groups shown, then "... (max_group_depth is 10)"
    PRINT_MAX_NESTING = 1000, // exceptions being printed inside each other
};

typedef struct PrintCtx {
    ThreadState *ts;
    int depth;        // group nesting of the lines being written (0: outside any group)
    bool need_close;  // the last box of the innermost group still wants its bottom line
    int nesting;      // print_recursive activations, against runaway recursion
    const Obj **seen; // exceptions whose chain has been printed (malloc'd)
    size_t nseen, cap;
} PrintCtx;

// Writes to sys.stderr when it is set and writable, else to fd 2 directly.
static void err_write(ThreadState *ts, const char *s, size_t n) {
    fwrite(s, 1, n, stderr);
    (void)ts;
}

static void err_puts(ThreadState *ts, const char *s) {
    err_write(ts, s, strlen(s));
}

// Reads line `lineno` of a file into buf (without the newline); false if unavailable.
static bool source_line(const char *filename, int lineno, char *buf, size_t n) {
    if (!filename || filename[0] == '<' || lineno <= 0) {
        return false;
    }
    FILE *f = fopen(filename, "r");
    if (!f) {
        return false;
    }
    int line = 1;
    size_t len = 0;
    int c;
    bool found = false;
    while ((c = fgetc(f)) != EOF) {
        if (line == lineno) {
            found = true;
            if (c == '\n') {
                break;
            }
            if (len + 1 < n) {
                buf[len++] = (char)c;
            }
        } else if (c == '\n') {
            line++;
            if (line > lineno) {
                break;
            }
        }
    }
    fclose(f);
    buf[len] = 0;
    return found;
}

static const char *skip_ws(const char *s) {
    while (*s == ' ' || *s == '\t' || *s == '\f') {
        s++;
    }
    return s;
}

static void put(PrintCtx *c, const char *s) {
    err_puts(c->ts, s);
}

// Two columns per group level: where box lines and margins start.
static void indent(PrintCtx *c) {
    for (int i = 0; i < c->depth; i++) {
        put(c, "  ");
    }
}

// The start of a line inside a group: indentation, then `ch` and a space.
static void margin_char(PrintCtx *c, char ch) {
    if (c->depth > 0) {
        char m[3] = {ch, ' ', 0};
        indent(c);
        put(c, m);
    }
}

static void margin(PrintCtx *c) {
    margin_char(c, '|');
}

static void print_tb_entry(PrintCtx *c, CodeObj *code, int lineno) {
    char head[1024];
    snprintf(head, sizeof head, "  File \"%s\", line %d, in %s\n", code->filename->data, lineno,
             code->name->data);
    margin(c);
    put(c, head);
    char line[4096];
    if (source_line(code->filename->data, lineno, line, sizeof line)) {
        const char *s = skip_ws(line);
        size_t len = strlen(s);
        while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\r' || s[len - 1] == '\t')) {
            len--;
        }
        if (len > 0) {
            margin(c);
            put(c, "    ");
            err_write(c->ts, s, len);
            put(c, "\n");
        }
    }
}

static void print_repeats(PrintCtx *c, int repeats) {
    char msg[128];
    snprintf(msg, sizeof msg, "  [Previous line repeated %d more time%s]\n", repeats - 2,
             repeats - 2 == 1 ? "" : "s");
    put(c, msg); // no margin, even inside a group: CPython's omission
}

// CPython collapses runs of more than 3 identical entries.
static void print_traceback(PrintCtx *c, TracebackObj *tb) {
    CodeObj *last_code = NULL;
    int last_line = -1, repeats = 0;
    for (; tb; tb = tb->next) {
        CodeObj *code = (CodeObj *)as_obj(tb->code);
        if (code == last_code && tb->lineno == last_line) {
            repeats++;
            if (repeats >= 3) {
                continue;
            }
        } else {
            if (repeats >= 3) {
                print_repeats(c, repeats);
            }
            repeats = 0;
            last_code = code;
            last_line = tb->lineno;
        }
        print_tb_entry(c, code, tb->lineno);
    }
    if (repeats >= 3) {
        print_repeats(c, repeats);
    }
}

static void print_syntax_details(PrintCtx *c, ExcObj *e) {
    ThreadState *ts = c->ts;
    if (e->extra[0] == CS_NONE) {
        return;
    }
    char buf[1200];
    int lineno = is_small_int(e->extra[1]) ? (int)as_small_int(e->extra[1]) : 0;
    snprintf(buf, sizeof buf, "  File \"%s\", line %d\n", str_cstr(e->extra[0]), lineno);
    margin(c);
    put(c, buf);
    if (e->extra[3] == CS_NONE || !str_check(e->extra[3])) {
        return;
    }
    const char *text = str_cstr(e->extra[3]);
    size_t tlen = strlen(text);
    while (tlen > 0 && (text[tlen - 1] == '\n' || text[tlen - 1] == '\r')) {
        tlen--;
    }
    const char *s = skip_ws(text);
    size_t strip = (size_t)(s - text);
    if (strip > tlen) {
        strip = tlen;
    }
    // The source and caret lines get no margin inside a group, as in CPython.
    put(c, "    ");
    err_write(ts, s, tlen - strip);
    put(c, "\n");
    Value offv = e->extra[2];
    if (!is_small_int(offv) || as_small_int(offv) < 1) {
        return;
    }
    // Offsets count characters (1-based); the caret sits under them.
    int64_t off = as_small_int(offv) - 1;
    Value endv = syn_get_end_offset(ts, obj_val(e));
    Value endl = syn_get_end_lineno(ts, obj_val(e));
    int64_t width = 1;
    if (is_small_int(endv) && is_small_int(endl) && as_small_int(endl) == lineno &&
        as_small_int(endv) - 1 > off) {
        width = as_small_int(endv) - 1 - off;
    }
    if (is_small_int(endl) && as_small_int(endl) > lineno) {
        width = -1; // spans later lines: CPython underlines to the end of this one
    }
    size_t nchars_strip = utf8_count(text, strip);
    int64_t col = off - (int64_t)nchars_strip;
    if (col < 0) {
        col = 0;
    }
    size_t line_chars = utf8_count(s, tlen - strip);
    if ((size_t)col > line_chars) {
        col = (int64_t)line_chars;
    }
    if (width < 0) {
        width = (int64_t)line_chars - col > 0 ? (int64_t)line_chars - col : 1;
    }
    if ((size_t)(col + width) > line_chars + 1) {
        width = (int64_t)line_chars + 1 - col;
        if (width < 1) {
            width = 1;
        }
    }
    put(c, "    ");
    for (int64_t i = 0; i < col; i++) {
        put(c, " ");
    }
    for (int64_t i = 0; i < width; i++) {
        put(c, "^");
    }
    put(c, "\n");
}

// "ZeroDivisionError: division by zero", with the module prefix CPython
// prints for classes outside builtins and __main__.
static void print_exc_line(PrintCtx *c, Value exc) {
    ThreadState *ts = c->ts;
    TypeObj *t = type_of(exc);
    StrBuf b;
    str_buf_init(&b);
    if (t->flags & TYPE_HEAP) {
        Value mod = CS_UNBOUND;
        dict_get_cstr(t->dict, "__module__", &mod);
        if (mod != CS_UNBOUND && str_check(mod) && strcmp(str_cstr(mod), "__main__") != 0 &&
            strcmp(str_cstr(mod), "builtins") != 0) {
            str_buf_append_cstr(&b, str_cstr(mod));
            str_buf_append_char(&b, '.');
        }
        str_buf_append_cstr(&b, t->qualname ? t->qualname->data : t->name);
    } else {
        str_buf_append_cstr(&b, t->name);
    }
    Value s = obj_str(ts, exc);
    if (s == CS_ERR) {
        exc_clear(ts);
        str_buf_append_cstr(&b, ": <exception str() failed>");
    } else if (as_str(s)->len > 0) {
        str_buf_append_cstr(&b, ": ");
        str_buf_append(&b, as_str(s)->data, as_str(s)->len);
    }
    str_buf_append_char(&b, '\n');
    margin(c);
    err_write(ts, b.data, b.len);
    str_buf_free(&b);
}

// A SyntaxError's line shows its msg alone; the location is printed above it.
static void print_syntax_line(PrintCtx *c, ExcObj *e) {
    ThreadState *ts = c->ts;
    StrBuf b;
    str_buf_init(&b);
    str_buf_append_cstr(&b, e->hdr.type->name);
    if (e->value != CS_NONE) {
        Value s = obj_str(ts, e->value);
        if (s != CS_ERR && as_str(s)->len) {
            str_buf_append_cstr(&b, ": ");
            str_buf_append(&b, as_str(s)->data, as_str(s)->len);
        }
        exc_clear(ts);
    }
    str_buf_append_char(&b, '\n');
    margin(c);
    err_write(ts, b.data, b.len);
    str_buf_free(&b);
}

// One note: each of its lines with the margin, then a newline of its own
// (so an empty note is a bare empty line, as in CPython).
static void print_note(PrintCtx *c, const char *s, size_t n) {
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && s[j] != '\n') {
            j++;
        }
        j += j < n; // the line keeps its newline
        margin(c);
        err_write(c->ts, s + i, j - i);
        i = j;
    }
    put(c, "\n");
}

// __notes__ after the message. A __notes__ that is no sequence prints as its
// repr, with no newline after it: CPython 3.11 leaves it out.
static void print_notes(PrintCtx *c, Value exc) {
    ThreadState *ts = c->ts;
    Value notes = obj_lookup_attr(ts, exc, str_intern_name(ts, "__notes__"));
    if (notes == CS_UNBOUND || notes == CS_ERR) {
        exc_clear(ts);
        return;
    }
    TypeObj *nt = type_of(notes);
    if (!nt->getitem || (nt->flags & TYPE_DICT_SUBCLASS)) {
        Value r = obj_repr(ts, notes);
        margin(c);
        if (r == CS_ERR) {
            exc_clear(ts);
            put(c, "<__notes__ repr() failed>");
        } else {
            err_write(ts, as_str(r)->data, as_str(r)->len);
        }
        return;
    }
    Value l = obj_to_list(ts, notes);
    if (l == CS_ERR) {
        exc_clear(ts);
        return;
    }
    for (size_t i = 0; i < as_list(l)->len; i++) {
        Value note = as_list(l)->items[i];
        Value s = str_check(note) ? note : obj_str(ts, note);
        if (s == CS_ERR) {
            exc_clear(ts);
            put(c, "<note str() failed>\n"); // no margin: CPython's omission
            continue;
        }
        print_note(c, as_str(s)->data, as_str(s)->len);
    }
}

// A plain exception: traceback, message line, notes.
static void print_plain(PrintCtx *c, Value exc) {
    ExcObj *e = (ExcObj *)as_obj(exc);
    if (e->traceback) {
        margin(c);
        put(c, "Traceback (most recent call last):\n");
        print_traceback(c, e->traceback);
    }
    if (exc_is_instance(exc, exc_SyntaxError)) {
        print_syntax_details(c, e);
        print_syntax_line(c, e);
    } else {
        print_exc_line(c, exc);
    }
    print_notes(c, exc);
}

static void print_recursive(PrintCtx *c, Value exc);

// A group: its own report, then one box per sub-exception:
//   +-+---------------- 1 ----------------
//     | ValueError: 1
//     +---------------- 2 ----------------
//     | TypeError: 2
//     +------------------------------------
// The bottom line belongs to the last box; when that box holds a group, the
// inner group draws it and the outer one must not draw a second.
static void print_group(PrintCtx *c, Value exc) {
    char line[128];
    if (c->depth > GROUP_MAX_DEPTH) {
        snprintf(line, sizeof line, "... (max_group_depth is %d)\n", GROUP_MAX_DEPTH);
        margin(c);
        put(c, line);
        return;
    }
    bool toplevel = c->depth == 0;
    if (toplevel) {
        c->depth = 1;
    }
    ExcObj *e = (ExcObj *)as_obj(exc);
    if (e->traceback) {
        margin_char(c, toplevel ? '+' : '|');
        put(c, "Exception Group Traceback (most recent call last):\n");
        print_traceback(c, e->traceback);
    }
    print_exc_line(c, exc);
    print_notes(c, exc);
    TupleObj *excs = excgroup_exceptions(exc);
    size_t total = excs ? excs->len : 0;
    size_t n = total > GROUP_MAX_WIDTH ? GROUP_MAX_WIDTH + 1 : total;
    c->need_close = false;
    for (size_t i = 0; i < n; i++) {
        bool last = i == n - 1;
        bool truncated = i >= GROUP_MAX_WIDTH;
        if (last) {
            c->need_close = true;
        }
        char title[32];
        snprintf(title, sizeof title, truncated ? "..." : "%zu", i + 1);
        snprintf(line, sizeof line, "%s+---------------- %s ----------------\n",
                 i == 0 ? "+-" : "  ", title);
        indent(c);
        put(c, line);
        c->depth++;
        if (!truncated) {
            print_recursive(c, excs->items[i]);
        } else {
            size_t more = total - GROUP_MAX_WIDTH;
            snprintf(line, sizeof line, "and %zu more exception%s\n", more, more > 1 ? "s" : "");
            margin(c);
            put(c, line);
        }
        if (last && c->need_close) {
            indent(c);
            put(c, "+------------------------------------\n");
            c->need_close = false;
        }
        c->depth--;
    }
    if (toplevel) {
        c->depth = 0;
    }
}

static bool seen_has(PrintCtx *c, Value exc) {
    for (size_t i = 0; i < c->nseen; i++) {
        if (c->seen[i] == as_obj(exc)) {
            return true;
        }
    }
    return false;
}

static void seen_add(PrintCtx *c, Value exc) {
    if (seen_has(c, exc)) {
        return;
    }
    if (c->nseen == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 16;
        const Obj **p = realloc(c->seen, cap * sizeof *p);
        if (!p) {
            return; // printing goes on; a cycle then stops at PRINT_MAX_NESTING
        }
        c->seen = p;
        c->cap = cap;
    }
    c->seen[c->nseen++] = as_obj(exc);
}

// A link of the chain, then the sentence leading to the exception it explains.
// The link's own boxes must not take the bottom line owed by an enclosing group.
static void print_chained(PrintCtx *c, Value exc, const char *message) {
    bool need_close = c->need_close;
    print_recursive(c, exc);
    c->need_close = need_close;
    margin(c);
    put(c, "\n");
    margin(c);
    put(c, message);
    margin(c);
    put(c, "\n");
}

static void print_chain(PrintCtx *c, Value exc) {
    seen_add(c, exc);
    ExcObj *e = (ExcObj *)as_obj(exc);
    if (e->cause != CS_NONE && exc_is_instance(e->cause, exc_BaseException)) {
        if (!seen_has(c, e->cause)) {
            print_chained(c, e->cause,
                          "The above exception was the direct cause of the following exception:\n");
        }
    } else if (e->context != CS_NONE && !e->suppress_context &&
               exc_is_instance(e->context, exc_BaseException) && !seen_has(c, e->context)) {
        print_chained(c, e->context,
                      "During handling of the above exception, another exception occurred:\n");
    }
}

static void print_recursive(PrintCtx *c, Value exc) {
    char here;
    if (!exc_is_instance(exc, exc_BaseException) || c->nesting >= PRINT_MAX_NESTING ||
        (c->ts->c_stack_limit && &here < c->ts->c_stack_limit)) {
        return;
    }
    c->nesting++;
    print_chain(c, exc);
    if (excgroup_check(exc)) {
        print_group(c, exc);
    } else {
        print_plain(c, exc);
    }
    c->nesting--;
}

void exc_print(ThreadState *ts, Value exc) {
    Value saved = ts->exc;
    ts->exc = CS_UNBOUND;
    // str() of a message or a note may run cs code and collect.
    size_t mark = gc_temp_mark(ts);
    gc_temp_push(ts, exc);
    gc_temp_push(ts, saved);
    PrintCtx c = {.ts = ts};
    print_recursive(&c, exc);
    free(c.seen);
    fflush(stderr);
    gc_temp_reset(ts, mark);
    ts->exc = saved;
}
