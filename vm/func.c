// Callables and namespaces: code objects, cells, functions, bound methods,
// built-in functions, method and getset descriptors, modules, property,
// staticmethod, classmethod, super, and the argument parser C functions use.
// Running a function's code is vm/eval.c's business (vm_call_function).
#include "vm/func.h"

#include <stdio.h>
#include <string.h>

#include "vm/dict.h"
#include "vm/eval.h"
#include "vm/exc.h"
#include "vm/frame.h"
#include "vm/gc.h"
#include "vm/int.h"
#include "vm/list.h"
#include "vm/names.h"
#include "vm/state.h"
#include "vm/str.h"
#include "vm/typeobj.h"

// ---------------------------------------------------------------------------
// Code objects

static void code_trace(Obj *o, GcState *gc) {
    CodeObj *c = (CodeObj *)o;
    gc_mark_obj(gc, (Obj *)c->consts);
    gc_mark_obj(gc, (Obj *)c->names);
    gc_mark_obj(gc, (Obj *)c->varnames);
    gc_mark_obj(gc, (Obj *)c->cellvars);
    gc_mark_obj(gc, (Obj *)c->freevars);
    gc_mark_obj(gc, (Obj *)c->name);
    gc_mark_obj(gc, (Obj *)c->qualname);
    gc_mark_obj(gc, (Obj *)c->filename);
}

static void code_finalize(Obj *o) {
    CodeObj *c = (CodeObj *)o;
    gc_xfree(NULL, c->code, 0);
    gc_xfree(NULL, c->lines, 0);
    gc_xfree(NULL, c->exc_table, 0);
    gc_xfree(NULL, c->cell2arg, 0);
    vm_free_code_caches(c);
}

static Value code_repr(ThreadState *ts, Value self) {
    CodeObj *c = (CodeObj *)as_obj(self);
    return str_format_c(ts, "<code object %s at %p, file \"%s\", line %d>", c->name->data,
                        (void *)c, c->filename->data, c->firstlineno);
}

#define CODE_GET(field, expr)                                                                      \
    static Value code_get_##field(ThreadState *ts, Value self) {                                   \
        CodeObj *c = (CodeObj *)as_obj(self);                                                      \
        return (expr);                                                                             \
    }
CODE_GET(name, obj_val(c->name))
CODE_GET(qualname, obj_val(c->qualname))
CODE_GET(filename, obj_val(c->filename))
CODE_GET(firstlineno, small_int_val(c->firstlineno))
CODE_GET(argcount, small_int_val(c->argcount))
CODE_GET(posonlyargcount, small_int_val(c->posonlyargcount))
CODE_GET(kwonlyargcount, small_int_val(c->kwonlyargcount))
CODE_GET(nlocals, small_int_val(c->nlocals))
// CO_NOFREE and CO_HAS_DOCSTRING are cs-internal (CPython 3.11 sets neither).
CODE_GET(flags, small_int_val(c->flags & ~(uint32_t)(CO_NOFREE | CO_HAS_DOCSTRING)))
CODE_GET(varnames, obj_val(c->varnames))
CODE_GET(cellvars, obj_val(c->cellvars))
CODE_GET(freevars, obj_val(c->freevars))
CODE_GET(consts, obj_val(c->consts))
CODE_GET(names, obj_val(c->names))
CODE_GET(stacksize, small_int_val(c->stacksize))

// A copy of `arr` (n elements of `size` bytes) in new malloc'd memory; NULL
// for an empty or absent array. -1 with MemoryError raised.
static int dup_array(ThreadState *ts, void **dst, const void *arr, size_t n, size_t size) {
    *dst = NULL;
    if (!arr || n == 0) {
        return 0;
    }
    *dst = gc_xmalloc(ts, n * size);
    if (!*dst) {
        return -1;
    }
    memcpy(*dst, arr, n * size);
    return 0;
}

// code.replace(): a copy with some fields changed. Only the fields that
// cannot break the bytecode's assumptions are accepted (names, file, first
// line, flags); the kind of code (generator-like or not) must stay.
static Value code_replace(ThreadState *ts, Value self, const Value *args, size_t nargs,
                          TupleObj *kwnames) {
    Value a[5];
    if (arg_parse(ts, "replace", args, nargs, kwnames,
                  "$co_flags,co_name,co_qualname,co_filename,co_firstlineno", a) < 0) {
        return CS_ERR;
    }
    CodeObj *c = (CodeObj *)as_obj(self);
    const uint32_t internal = CO_NOFREE | CO_HAS_DOCSTRING;
    const uint32_t kinds = CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR;
    uint32_t flags = c->flags;
    if (a[0] != CS_UNBOUND) {
        if (!is_small_int(a[0]) || as_small_int(a[0]) < 0 || as_small_int(a[0]) > 0x7FFFFFFF) {
            return exc_raise(ts, exc_TypeError, "replace() argument 'co_flags' must be int");
        }
        flags = ((uint32_t)as_small_int(a[0]) & ~internal) | (c->flags & internal);
        if (((flags & kinds) != 0) != ((c->flags & kinds) != 0)) {
            return exc_raise(ts, exc_ValueError,
                             "code.replace() cannot make a generator-like code plain or the "
                             "reverse in cs");
        }
    }
    for (int i = 1; i <= 3; i++) {
        if (a[i] != CS_UNBOUND && !str_check(a[i])) {
            static const char *const names[] = {"", "co_name", "co_qualname", "co_filename"};
            return exc_raise(ts, exc_TypeError, "replace() argument '%s' must be str, not %T",
                             names[i], a[i]);
        }
    }
    if (a[4] != CS_UNBOUND && !is_small_int(a[4])) {
        return exc_raise(ts, exc_TypeError, "replace() argument 'co_firstlineno' must be int");
    }
    CodeObj *n = gc_alloc(ts, &type_code, sizeof(CodeObj));
    Obj hdr = n->hdr;
    *n = *c;
    n->hdr = hdr;
    n->code = NULL;
    n->lines = NULL;
    n->exc_table = NULL;
    n->cell2arg = NULL;
    n->caches = NULL;
    if (dup_array(ts, (void **)&n->code, c->code, c->ncode, sizeof(uint32_t)) < 0 ||
        dup_array(ts, (void **)&n->lines, c->lines, c->ncode, sizeof(int32_t)) < 0 ||
        dup_array(ts, (void **)&n->exc_table, c->exc_table, c->nexc, sizeof(ExcTableEntry)) < 0 ||
        dup_array(ts, (void **)&n->cell2arg, c->cell2arg, c->cellvars->len, sizeof(int32_t)) < 0) {
        return CS_ERR;
    }
    n->flags = flags;
    if (a[1] != CS_UNBOUND) {
        n->name = as_str(a[1]);
    }
    if (a[2] != CS_UNBOUND) {
        n->qualname = as_str(a[2]);
    }
    if (a[3] != CS_UNBOUND) {
        n->filename = as_str(a[3]);
    }
    if (a[4] != CS_UNBOUND) {
        n->firstlineno = (int)as_small_int(a[4]);
    }
    return obj_val(n);
}

static const MethodDef code_methods[] = {
    {"replace", code_replace, METH_KEYWORDS, NULL},
    {NULL, NULL, 0, NULL},
};

static const GetSetDef code_getsets[] = {
    {"co_name", code_get_name, NULL},
    {"co_qualname", code_get_qualname, NULL},
    {"co_filename", code_get_filename, NULL},
    {"co_firstlineno", code_get_firstlineno, NULL},
    {"co_argcount", code_get_argcount, NULL},
    {"co_posonlyargcount", code_get_posonlyargcount, NULL},
    {"co_kwonlyargcount", code_get_kwonlyargcount, NULL},
    {"co_nlocals", code_get_nlocals, NULL},
    {"co_flags", code_get_flags, NULL},
    {"co_varnames", code_get_varnames, NULL},
    {"co_cellvars", code_get_cellvars, NULL},
    {"co_freevars", code_get_freevars, NULL},
    {"co_consts", code_get_consts, NULL},
    {"co_names", code_get_names, NULL},
    {"co_stacksize", code_get_stacksize, NULL},
    {NULL, NULL, NULL},
};

TypeObj type_code = {
    .hdr = OBJ_HEADER_INIT(&type_type),
    .name = "code",
    .basicsize = sizeof(CodeObj),
    .trace = code_trace,
    .finalize = code_finalize,
    .repr = code_repr,
    .methods = code_methods,
    .getsets = code_getsets,
};

// ---------------------------------------------------------------------------
// Cells

static void cell_trace(Obj *o, GcState *gc) {
    gc_mark_value(gc, ((CellObj *)o)->value);
}

Value cell_new(ThreadState *ts, Value v) {
    CellObj *c = gc_alloc(ts, &type_cell, sizeof(CellObj));
    c->value = v;
    return obj_val(c);
}

static Value cell_get_contents(ThreadState *ts, Value self) {
    Value v = ((CellObj *)as_obj(self))->value;
    if (v == CS_UNBOUND) {
        return exc_raise(ts, exc_ValueError, "Cell is empty");
    }
    return v;
}

static int cell_set_contents(ThreadState *ts, Value self, Value v) {
    ((CellObj *)as_obj(self))->value = v;
    return 0;
}

static Value cell_repr(ThreadState *ts, Value self) {
    Value v = ((CellObj *)as_obj(self))->value;
    if (v == CS_UNBOUND) {
        return str_format_c(ts, "<cell at %p: empty>", (void *)as_obj(self));
    }
    return str_format_c(ts, "<cell at %p: %T object at %p>", (void *)as_obj(self), v,
                        is_obj(v) ? (void *)as_obj(v) : NULL);
}

static const GetSetDef cell_getsets[] = {
    {"cell_contents", cell_get_contents, cell_set_contents},
    {NULL, NULL, NULL},
};

TypeObj type_cell = {
    .hdr = OBJ_HEADER_INIT(&type_type),
    .name = "cell",
    .basicsize = sizeof(CellObj),
    .trace = cell_trace,
    .repr = cell_repr,
    .getsets = cell_getsets,
};

// ---------------------------------------------------------------------------
// Functions

static void func_trace(Obj *o, GcState *gc) {
    FuncObj *f = (FuncObj *)o;
    gc_mark_obj(gc, (Obj *)f->code);
    gc_mark_obj(gc, (Obj *)f->globals);
    gc_mark_obj(gc, (Obj *)f->builtins);
    gc_mark_obj(gc, (Obj *)f->defaults);
    gc_mark_obj(gc, (Obj *)f->kwdefaults);
    gc_mark_obj(gc, (Obj *)f->closure);
    gc_mark_obj(gc, (Obj *)f->name);
    gc_mark_obj(gc, (Obj *)f->qualname);
    gc_mark_value(gc, f->doc);
    gc_mark_value(gc, f->module);
    gc_mark_obj(gc, (Obj *)f->dict);
    gc_mark_value(gc, f->annotations);
}

Value func_new(ThreadState *ts, CodeObj *code, DictObj *globals, Value qualname) {
    FuncObj *f = gc_alloc(ts, &type_function, sizeof(FuncObj));
    f->code = code;
    f->globals = globals;
    f->builtins = ts->interp->builtins;
    Value b;
    if (dict_get_str(globals, STR_NAME(ts, __builtins__), &b)) {
        if (dict_check(b)) {
            f->builtins = as_dict(b);
        } else if (is_type_exact(b, &type_module)) {
            f->builtins = ((ModuleObj *)as_obj(b))->dict;
        }
    }
    f->name = code->name;
    f->qualname = str_check(qualname) ? as_str(qualname) : code->qualname;
    f->doc = CS_NONE;
    if ((code->flags & CO_HAS_DOCSTRING) && code->consts->len > 0) {
        f->doc = code->consts->items[0];
    }
    f->module = CS_NONE;
    Value m;
    if (dict_get_str(globals, STR_NAME(ts, __name__), &m)) {
        f->module = m;
    }
    f->annotations = CS_NONE;
    return obj_val(f);
}

static Value func_call(ThreadState *ts, Value callable, const Value *args, size_t nargs,
                       TupleObj *kwnames) {
    return vm_call_function(ts, (FuncObj *)as_obj(callable), args, nargs, kwnames);
}

static Value func_descr_get(ThreadState *ts, Value descr, Value obj, TypeObj *type) {
    if (obj == CS_UNBOUND) {
        return descr;
    }
    return method_new(ts, descr, obj);
}

static Value func_repr(ThreadState *ts, Value self) {
    FuncObj *f = (FuncObj *)as_obj(self);
    return str_format_c(ts, "<function %U at %p>", obj_val(f->qualname), (void *)f);
}

static Value func_get_name(ThreadState *ts, Value self) {
    return obj_val(((FuncObj *)as_obj(self))->name);
}
static int func_set_name(ThreadState *ts, Value self, Value v) {
    if (!str_check(v)) {
        return exc_raise_int(ts, exc_TypeError, "__name__ must be set to a string object");
    }
    ((FuncObj *)as_obj(self))->name = as_str(v);
    return 0;
}
static Value func_get_qualname(ThreadState *ts, Value self) {
    return obj_val(((FuncObj *)as_obj(self))->qualname);
}
static int func_set_qualname(ThreadState *ts, Value self, Value v) {
    if (!str_check(v)) {
        return exc_raise_int(ts, exc_TypeError, "__qualname__ must be set to a string object");
    }
    ((FuncObj *)as_obj(self))->qualname = as_str(v);
    return 0;
}
static Value func_get_doc(ThreadState *ts, Value self) {
    return ((FuncObj *)as_obj(self))->doc;
}
static int func_set_doc(ThreadState *ts, Value self, Value v) {
    ((FuncObj *)as_obj(self))->doc = v == CS_UNBOUND ? CS_NONE : v;
    return 0;
}
static Value func_get_module(ThreadState *ts, Value self) {
    return ((FuncObj *)as_obj(self))->module;
}
static int func_set_module(ThreadState *ts, Value self, Value v) {
    ((FuncObj *)as_obj(self))->module = v == CS_UNBOUND ? CS_NONE : v;
    return 0;
}
static Value func_get_defaults(ThreadState *ts, Value self) {
    TupleObj *d = ((FuncObj *)as_obj(self))->defaults;
    return d ? obj_val(d) : CS_NONE;
}
static int func_set_defaults(ThreadState *ts, Value self, Value v) {
    FuncObj *f = (FuncObj *)as_obj(self);
    if (v == CS_NONE || v == CS_UNBOUND) {
        f->defaults = NULL;
        return 0;
    }
    if (!tuple_check(v)) {
        return exc_raise_int(ts, exc_TypeError, "__defaults__ must be set to a tuple object");
    }
    f->defaults = as_tuple(v);
    return 0;
}
static Value func_get_kwdefaults(ThreadState *ts, Value self) {
    DictObj *d = ((FuncObj *)as_obj(self))->kwdefaults;
    return d ? obj_val(d) : CS_NONE;
}
static int func_set_kwdefaults(ThreadState *ts, Value self, Value v) {
    FuncObj *f = (FuncObj *)as_obj(self);
    if (v == CS_NONE || v == CS_UNBOUND) {
        f->kwdefaults = NULL;
        return 0;
    }
    if (!dict_check(v)) {
        return exc_raise_int(ts, exc_TypeError, "__kwdefaults__ must be set to a dict object");
    }
    f->kwdefaults = as_dict(v);
    return 0;
}
static Value func_get_code(ThreadState *ts, Value self) {
    return obj_val(((FuncObj *)as_obj(self))->code);
}
// Any code object with as many free variables as the closure has cells.
static int func_set_code(ThreadState *ts, Value self, Value v) {
    FuncObj *f = (FuncObj *)as_obj(self);
    if (!is_type_exact(v, &type_code)) {
        return exc_raise_int(ts, exc_TypeError, "__code__ must be set to a code object");
    }
    size_t nfree = ((CodeObj *)as_obj(v))->freevars->len;
    size_t nclosure = f->closure ? f->closure->len : 0;
    if (nfree != nclosure) {
        return exc_raise_int(ts, exc_ValueError,
                             "%U() requires a code object with %zu free vars, not %zu",
                             obj_val(f->name), nclosure, nfree);
    }
    f->code = (CodeObj *)as_obj(v);
    return 0;
}
static Value func_get_globals(ThreadState *ts, Value self) {
    return obj_val(((FuncObj *)as_obj(self))->globals);
}
static Value func_get_closure(ThreadState *ts, Value self) {
    TupleObj *c = ((FuncObj *)as_obj(self))->closure;
    return c ? obj_val(c) : CS_NONE;
}
static Value func_get_dict(ThreadState *ts, Value self) {
    FuncObj *f = (FuncObj *)as_obj(self);
    if (!f->dict) {
        f->dict = as_dict(dict_new(ts));
    }
    return obj_val(f->dict);
}
static Value func_get_annotations(ThreadState *ts, Value self) {
    FuncObj *f = (FuncObj *)as_obj(self);
    if (f->annotations == CS_NONE) {
        f->annotations = dict_new(ts);
    }
    return f->annotations;
}
static int func_set_annotations(ThreadState *ts, Value self, Value v) {
    ((FuncObj *)as_obj(self))->annotations = v == CS_UNBOUND ? CS_NONE : v;
    return 0;
}

static const GetSetDef func_getsets[] = {
    {"__name__", func_get_name, func_set_name},
    {"__qualname__", func_get_qualname, func_set_qualname},
    {"__doc__", func_get_doc, func_set_doc},
    {"__module__", func_get_module, func_set_module},
    {"__defaults__", func_get_defaults, func_set_defaults},
    {"__kwdefaults__", func_get_kwdefaults, func_set_kwdefaults},
    {"__code__", func_get_code, func_set_code},
    {"__globals__", func_get_globals, NULL},
    {"__closure__", func_get_closure, NULL},
    {"__dict__", func_get_dict, NULL},
    {"__annotations__", func_get_annotations, func_set_annotations},
    {NULL, NULL, NULL},
};

TypeObj type_function = {
    .hdr = OBJ_HEADER_INIT(&type_type),
    .name = "function",
    .basicsize = sizeof(FuncObj),
    .dict_offset = offsetof(FuncObj, dict),
    .flags = TYPE_HAS_DICT,
    .trace = func_trace,
    .call = func_call,
    .descr_get = func_descr_get,
    .repr = func_repr,
    .getsets = func_getsets,
};

// ---------------------------------------------------------------------------
// Bound methods

static void method_trace(Obj *o, GcState *gc) {
    gc_mark_value(gc, ((MethodObj *)o)->func);
    gc_mark_value(gc, ((MethodObj *)o)->self);
}

Value method_new(ThreadState *ts, Value func, Value self) {
    MethodObj *m = gc_alloc(ts, &type_method, sizeof(MethodObj));
    m->func = func;
    m->self = self;
    return obj_val(m);
}

// Calls f(first, *args) without allocating for short argument lists.
Value vm_call_prepend(ThreadState *ts, Value f, Value first, const Value *args, size_t nargs,
                      TupleObj *kwnames) {
    size_t total = nargs + (kwnames ? kwnames->len : 0);
    Value stackbuf[16];
    Value *buf = stackbuf;
    if (total + 1 > 16) {
        buf = gc_xmalloc(ts, (total + 1) * sizeof(Value));
        if (!buf) {
            return CS_ERR;
        }
    }
    buf[0] = first;
    if (args) {
        memcpy(buf + 1, args, total * sizeof(Value));
    }
    Value r = obj_call(ts, f, buf, nargs + 1, kwnames);
    if (buf != stackbuf) {
        gc_xfree(ts->interp, buf, 0);
    }
    return r;
}

static Value method_call(ThreadState *ts, Value callable, const Value *args, size_t nargs,
                         TupleObj *kwnames) {
    MethodObj *m = (MethodObj *)as_obj(callable);
    return vm_call_prepend(ts, m->func, m->self, args, nargs, kwnames);
}

static Value method_repr(ThreadState *ts, Value self) {
    MethodObj *m = (MethodObj *)as_obj(self);
    Value qn = obj_lookup_attr(ts, m->func, STR_NAME(ts, __qualname__));
    if (qn == CS_ERR) {
        return CS_ERR;
    }
    if (qn == CS_UNBOUND) {
        qn = str_from_cstr(ts, "?");
    }
    Value r = obj_repr(ts, m->self);
    if (r == CS_ERR) {
        return CS_ERR;
    }
    return str_format_c(ts, "<bound method %S of %U>", qn, r);
}

static Value method_getattr(ThreadState *ts, Value self, StrObj *name) {
    MethodObj *m = (MethodObj *)as_obj(self);
    if (str_equal_cstr(name, "__func__")) {
        return m->func;
    }
    if (str_equal_cstr(name, "__self__")) {
        return m->self;
    }
    Value r = obj_generic_getattr(ts, self, name);
    if (r == CS_ERR && exc_matches(ts, exc_AttributeError)) {
        exc_clear(ts);
        return obj_getattr(ts, m->func, name);
    }
    return r;
}

static Value method_richcompare(ThreadState *ts, Value a, Value b, CmpOp op) {
    if ((op != CMP_EQ && op != CMP_NE) || type_of(b) != &type_method) {
        return CS_NOTIMPL_VAL;
    }
    MethodObj *x = (MethodObj *)as_obj(a), *y = (MethodObj *)as_obj(b);
    bool eq = x->self == y->self && x->func == y->func;
    return bool_val(op == CMP_EQ ? eq : !eq);
}

static int64_t method_hash(ThreadState *ts, Value self) {
    MethodObj *m = (MethodObj *)as_obj(self);
    int64_t a = obj_hash(ts, m->func);
    if (a == -1) {
        return -1;
    }
    int64_t h = a ^ (int64_t)((uint64_t)m->self >> 4);
    return h == -1 ? -2 : h;
}

static Value method_tp_new(ThreadState *ts, TypeObj *type, const Value *args, size_t nargs,
                           TupleObj *kwnames) {
    if (arg_no_kw(ts, "method", kwnames) < 0 || arg_count(ts, "method", nargs, 2, 2) < 0) {
        return CS_ERR;
    }
    if (!obj_callable(args[0])) {
        return exc_raise(ts, exc_TypeError, "first argument must be callable");
    }
    if (args[1] == CS_NONE) {
        return exc_raise(ts, exc_TypeError, "instance must not be None");
    }
    return method_new(ts, args[0], args[1]);
}

TypeObj type_method = {
    .hdr = OBJ_HEADER_INIT(&type_type),
    .name = "method",
    .tp_new = method_tp_new,
    .basicsize = sizeof(MethodObj),
    .trace = method_trace,
    .call = method_call,
    .repr = method_repr,
    .getattr = method_getattr,
    .richcompare = method_richcompare,
    .hash = method_hash,
};

// ---------------------------------------------------------------------------
// Built-in functions and method descriptors

static void cfunc_trace(Obj *o, GcState *gc) {
    gc_mark_value(gc, ((CFuncObj *)o)->self);
    gc_mark_value(gc, ((CFuncObj *)o)->module);
}

Value cfunc_new(ThreadState *ts, const MethodDef *def, Value self, Value module) {
    CFuncObj *f = gc_alloc(ts, &type_builtin_function, sizeof(CFuncObj));
    f->def = def;
    f->self = self;
    f->module = module;
    return obj_val(f);
}

static Value cfunc_call(ThreadState *ts, Value callable, const Value *args, size_t nargs,
                        TupleObj *kwnames) {
    CFuncObj *f = (CFuncObj *)as_obj(callable);
    if (kwnames && kwnames->len && !(f->def->flags & METH_KEYWORDS)) {
        return exc_raise(ts, exc_TypeError, "%s() takes no keyword arguments", f->def->name);
    }
    return f->def->fn(ts, f->self, args, nargs, kwnames);
}

static Value cfunc_repr(ThreadState *ts, Value self) {
    CFuncObj *f = (CFuncObj *)as_obj(self);
    if (f->self == CS_NONE || f->self == CS_UNBOUND || is_type_exact(f->self, &type_module)) {
        return str_format_c(ts, "<built-in function %s>", f->def->name);
    }
    return str_format_c(ts, "<built-in method %s of %s object at %p>", f->def->name,
                        obj_type_name(f->self), is_obj(f->self) ? (void *)as_obj(f->self) : NULL);
}

static Value cfunc_getattr(ThreadState *ts, Value self, StrObj *name) {
    CFuncObj *f = (CFuncObj *)as_obj(self);
    if (str_equal_cstr(name, "__name__") || str_equal_cstr(name, "__qualname__")) {
        return str_from_cstr(ts, f->def->name);
    }
    if (str_equal_cstr(name, "__self__")) {
        return f->self == CS_UNBOUND ? CS_NONE : f->self;
    }
    if (str_equal_cstr(name, "__module__")) {
        return f->module;
    }
    if (str_equal_cstr(name, "__doc__")) {
        return f->def->doc ? str_from_cstr(ts, f->def->doc) : CS_NONE;
    }
    return obj_generic_getattr(ts, self, name);
}

TypeObj type_builtin_function = {
    .hdr = OBJ_HEADER_INIT(&type_type),
    .name = "builtin_function_or_method",
    .basicsize = sizeof(CFuncObj),
    .trace = cfunc_trace,
    .call = cfunc_call,
    .repr = cfunc_repr,
    .getattr = cfunc_getattr,
};

static void descr_trace(Obj *o, GcState *gc) {
    gc_mark_obj(gc, &((MethodDescrObj *)o)->owner->hdr);
}

static Value mdescr_get(ThreadState *ts, Value descr, Value obj, TypeObj *type) {
    if (obj == CS_UNBOUND) {
        return descr;
    }
    MethodDescrObj *d = (MethodDescrObj *)as_obj(descr);
    return cfunc_new(ts, d->def, obj, CS_NONE);
}

static Value mdescr_call(ThreadState *ts, Value callable, const Value *args, size_t nargs,
                         TupleObj *kwnames) {
    MethodDescrObj *d = (MethodDescrObj *)as_obj(callable);
    if (nargs < 1) {
        return exc_raise(ts, exc_TypeError, "unbound method %s.%s() needs an argument",
                         d->owner->name, d->def->name);
    }
    if (!type_is_subtype(type_of(args[0]), d->owner)) {
        return exc_raise(ts, exc_TypeError,
                         "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
                         d->def->name, d->owner->name, obj_type_name(args[0]));
    }
    if (kwnames && kwnames->len && !(d->def->flags & METH_KEYWORDS)) {
        return exc_raise(ts, exc_TypeError, "%s.%s() takes no keyword arguments", d->owner->name,
                         d->def->name);
    }
    return d->def->fn(ts, args[0], args + 1, nargs - 1, kwnames);
}

static Value mdescr_repr(ThreadState *ts, Value self) {
    MethodDescrObj *d = (MethodDescrObj *)as_obj(self);
    return str_format_c(ts, "<method '%s' of '%s' objects>", d->def->name, d->owner->name);
}

static Value mdescr_getattr(ThreadState *ts, Value self, StrObj *name) {
    MethodDescrObj *d = (MethodDescrObj *)as_obj(self);
    if (str_equal_cstr(name, "__name__")) {
        return str_from_cstr(ts, d->def->name);
    }
    if (str_equal_cstr(name, "__qualname__")) {
        return str_format_c(ts, "%s.%s", d->owner->name, d->def->name);
    }
    if (str_equal_cstr(name, "__objclass__")) {
        return obj_val(d->owner);
    }
    if (str_equal_cstr(name, "__doc__")) {
        return d->def->doc ? str_from_cstr(ts, d->def->doc) : CS_NONE;
    }
    return obj_generic_getattr(ts, self, name);
}

TypeObj type_method_descriptor = {
    .hdr = OBJ_HEADER_INIT(&type_type),
    .name = "method_descriptor",
    .basicsize = sizeof(MethodDescrObj),
    .trace = descr_trace,
    .call = mdescr_call,
    .descr_get = mdescr_get,
    .repr = mdescr_repr,
    .getattr = mdescr_getattr,
};

static Value cmdescr_get(ThreadState *ts, Value descr, Value obj, TypeObj *type) {
    MethodDescrObj *d = (MethodDescrObj *)as_obj(descr);
    TypeObj *t = type ? type : type_of(obj);
    return cfunc_new(ts, d->def, obj_val(t), CS_NONE);
}

static Value cmdescr_call(ThreadState *ts, Value callable, const Value *args, size_t nargs,
                          TupleObj *kwnames) {
    MethodDescrObj *d = (MethodDescrObj *)as_obj(callable);
    if (nargs < 1) {
        return exc_raise(ts, exc_TypeError, "descriptor '%s' of '%s' object needs an argument",
                         d->def->name, d->owner->name);
    }
    return d->def->fn(ts, args[0], args + 1, nargs - 1, kwnames);
}

TypeObj type_classmethod_descriptor = {
    .hdr = OBJ_HEADER_INIT(&type_type),
    .name = "classmethod_descriptor",
    .basicsize = sizeof(MethodDescrObj),
    .trace = descr_trace,
    .call = cmdescr_call,
    .descr_get = cmdescr_get,
    .repr = mdescr_repr,
    .getattr = mdescr_getattr,
};

static void gsdescr_trace(Obj *o, GcState *gc) {
    gc_mark_obj(gc, &((GetSetDescrObj *)o)->owner->hdr);
}

static Value gsdescr_get(ThreadState *ts, Value descr, Value obj, TypeObj *type) {
    if (obj == CS_UNBOUND) {
        return descr;
    }
    GetSetDescrObj *d = (GetSetDescrObj *)as_obj(descr);
    if (!type_is_subtype(type_of(obj), d->owner)) {
        return exc_raise(ts, exc_TypeError,
                         "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
                         d->def->name, d->owner->name, obj_type_name(obj));
    }
    return d->def->get(ts, obj);
}

static int gsdescr_set(ThreadState *ts, Value descr, Value obj, Value value) {
    GetSetDescrObj *d = (GetSetDescrObj *)as_obj(descr);
    if (!d->def->set) {
        return exc_raise_int(ts, exc_AttributeError, "attribute '%s' of '%s' objects is not "
                                                     "writable",
                             d->def->name, d->owner->name);
    }
    return d->def->set(ts, obj, value);
}

static Value gsdescr_repr(ThreadState *ts, Value self) {
    GetSetDescrObj *d = (GetSetDescrObj *)as_obj(self);
    return str_format_c(ts, "<attribute '%s' of '%s' objects>", d->def->name, d->owner->name);
}

TypeObj type_getset_descriptor = {
    .hdr = OBJ_HEADER_INIT(&type_type),
    .name = "getset_descriptor",
    .basicsize = sizeof(GetSetDescrObj),
    .trace = gsdescr_trace,
    .descr_get = gsdescr_get,
    .descr_set = gsdescr_set,
    .repr = gsdescr_repr,
};

// ---------------------------------------------------------------------------
// Modules

static void module_trace(Obj *o, GcState *gc) {
    gc_mark_obj(gc, (Obj *)((ModuleObj *)o)->dict);
    gc_mark_obj(gc, (Obj *)((ModuleObj *)o)->name);
}

Value module_new(ThreadState *ts, const char *name) {
    ModuleObj *m = gc_alloc(ts, &type_module, sizeof(ModuleObj));
    m->dict = as_dict(dict_new(ts));
    m->name = as_str(str_intern_cstr(ts, name));
    dict_set_str(ts, m->dict, STR_NAME(ts, __name__), obj_val(m->name));
    dict_set_str(ts, m->dict, STR_NAME(ts, __doc__), CS_NONE);
    dict_set_str(ts, m->dict, STR_NAME(ts, __package__), CS_NONE);
    dict_set_str(ts, m->dict, STR_NAME(ts, __loader__), CS_NONE);
    dict_set_str(ts, m->dict, STR_NAME(ts, __spec__), CS_NONE);
    return obj_val(m);
}

int module_add_functions(ThreadState *ts, ModuleObj *m, const MethodDef *defs) {
    for (const MethodDef *d = defs; d->name; d++) {
        Value f = cfunc_new(ts, d, obj_val(m), obj_val(m->name));
        if (dict_set_cstr(ts, m->dict, d->name, f) < 0) {
            return -1;
        }
    }
    return 0;
}

int module_add_value(ThreadState *ts, ModuleObj *m, const char *name, Value v) {
    return dict_set_cstr(ts, m->dict, name, v);
}

int module_add_int(ThreadState *ts, ModuleObj *m, const char *name, int64_t v) {
    Value iv = int_from_i64(ts, v);
    if (iv == CS_ERR) {
        return -1;
    }
    return dict_set_cstr(ts, m->dict, name, iv);
}

static Value module_getattr(ThreadState *ts, Value self, StrObj *name) {
    ModuleObj *m = (ModuleObj *)as_obj(self);
    Value v;
    if (dict_get_str(m->dict, name, &v)) {
        return v;
    }
    if (str_equal_cstr(name, "__dict__")) {
        return obj_val(m->dict);
    }
    Value r = obj_generic_getattr(ts, self, name);
    if (r != CS_ERR || !exc_matches(ts, exc_AttributeError)) {
        return r;
    }
    exc_clear(ts);
    Value ga;
    if (dict_get_cstr(m->dict, "__getattr__", &ga)) {
        return obj_call1(ts, ga, obj_val(name));
    }
    return exc_raise(ts, exc_AttributeError, "module '%U' has no attribute '%U'", obj_val(m->name),
                     obj_val(name));
}

static int module_setattr(ThreadState *ts, Value self, StrObj *name, Value value) {
    ModuleObj *m = (ModuleObj *)as_obj(self);
    if (value == CS_UNBOUND) {
        int r = dict_del(ts, m->dict, obj_val(name));
        if (r == 0) {
            return exc_raise_int(ts, exc_AttributeError, "module '%U' has no attribute '%U'",
                                 obj_val(m->name), obj_val(name));
        }
        return r < 0 ? -1 : 0;
    }
    return dict_set_str(ts, m->dict, name, value);
}

static Value module_repr(ThreadState *ts, Value self) {
    ModuleObj *m = (ModuleObj *)as_obj(self);
    Value file;
    if (dict_get_str(m->dict, STR_NAME(ts, __file__), &file) && str_check(file)) {
        return str_format_c(ts, "<module '%U' from '%U'>", obj_val(m->name), file);
    }
    return str_format_c(ts, "<module '%U' (built-in)>", obj_val(m->name));
}

static Value module_tp_new(ThreadState *ts, TypeObj *type, const Value *args, size_t nargs,
                           TupleObj *kwnames) {
    Value out[2];
    if (arg_parse(ts, "module", args, nargs, kwnames, "name|doc", out) < 0) {
        return CS_ERR;
    }
    if (!str_check(out[0])) {
        return exc_raise(ts, exc_TypeError, "module.__init__() argument 'name' must be str, not %T",
                         out[0]);
    }
    Value m = module_new(ts, str_cstr(out[0]));
    if (out[1] != CS_UNBOUND) {
        dict_set_str(ts, ((ModuleObj *)as_obj(m))->dict, STR_NAME(ts, __doc__), out[1]);
    }
    return m;
}

static int module_tp_init(ThreadState *ts, Value self, const Value *args, size_t nargs,
                          TupleObj *kwnames) {
    return 0;
}

TypeObj type_module = {
    .hdr = OBJ_HEADER_INIT(&type_type),
    .name = "module",
    .basicsize = sizeof(ModuleObj),
    .dict_offset = offsetof(ModuleObj, dict),
    .flags = TYPE_BASETYPE | TYPE_HAS_DICT,
    .trace = module_trace,
    .tp_new = module_tp_new,
    .tp_init = module_tp_init,
    .getattr = module_getattr,
    .setattr = module_setattr,
    .repr = module_repr,
};

// ---------------------------------------------------------------------------
// property

static void property_trace(Obj *o, GcState *gc) {
    PropertyObj *p = (PropertyObj *)o;
    gc_mark_value(gc, p->fget);
    gc_mark_value(gc, p->fset);
    gc_mark_value(gc, p->fdel);
    gc_mark_value(gc, p->doc);
    gc_mark_value(gc, p->name);
}

static Value property_tp_new(ThreadState *ts, TypeObj *type, const Value *args, size_t nargs,
                             TupleObj *kwnames) {
    PropertyObj *p = gc_alloc(ts, type, type->basicsize);
    p->fget = p->fset = p->fdel = p->doc = p->name = CS_NONE;
    return obj_val(p);
}

static int property_tp_init(ThreadState *ts, Value self, const Value *args, size_t nargs,
                            TupleObj *kwnames) {
    Value out[4];
    if (arg_parse(ts, "property", args, nargs, kwnames, "|fget,fset,fdel,doc", out) < 0) {
        return -1;
    }
    PropertyObj *p = (PropertyObj *)as_obj(self);
    p->fget = out[0] == CS_UNBOUND ? CS_NONE : out[0];
    p->fset = out[1] == CS_UNBOUND ? CS_NONE : out[1];
    p->fdel = out[2] == CS_UNBOUND ? CS_NONE : out[2];
    p->doc = out[3] == CS_UNBOUND ? CS_NONE : out[3];
    if (p->doc == CS_NONE && p->fget != CS_NONE) {
        Value d = obj_lookup_attr(ts, p->fget, STR_NAME(ts, __doc__));
        if (d == CS_ERR) {
            return -1;
        }
        p->doc = d == CS_UNBOUND ? CS_NONE : d;
    }
    return 0;
}

static Value property_name(ThreadState *ts, PropertyObj *p) {
    if (p->name != CS_NONE) {
        return p->name;
    }
    if (p->fget != CS_NONE) {
        Value n = obj_lookup_attr(ts, p->fget, STR_NAME(ts, __name__));
        if (n != CS_ERR && n != CS_UNBOUND) {
            return n;
        }
        exc_clear(ts);
    }
    return CS_NONE;
}

static Value property_get(ThreadState *ts, Value descr, Value obj, TypeObj *type) {
    if (obj == CS_UNBOUND) {
        return descr;
    }
    PropertyObj *p = (PropertyObj *)as_obj(descr);
    if (p->fget == CS_NONE) {
        Value n = property_name(ts, p);
        if (n != CS_NONE) {
            return exc_raise(ts, exc_AttributeError, "property %R of '%s' object has no getter", n,
                             obj_type_name(obj));
        }
        return exc_raise(ts, exc_AttributeError, "unreadable attribute");
    }
    return obj_call1(ts, p->fget, obj);
}

static int property_set(ThreadState *ts, Value descr, Value obj, Value value) {
    PropertyObj *p = (PropertyObj *)as_obj(descr);
    Value f = value == CS_UNBOUND ? p->fdel : p->fset;
    if (f == CS_NONE) {
        Value n = property_name(ts, p);
        const char *what = value == CS_UNBOUND ? "deleter" : "setter";
        if (n != CS_NONE) {
            return exc_raise_int(ts, exc_AttributeError, "property %R of '%s' object has no %s", n,
                                 obj_type_name(obj), what);
        }
        return exc_raise_int(ts, exc_AttributeError,
                             value == CS_UNBOUND ? "can't delete attribute"
                                                 : "can't set attribute");
    }
    Value r = value == CS_UNBOUND ? obj_call1(ts, f, obj) : obj_call2(ts, f, obj, value);
    return r == CS_ERR ? -1 : 0;
}

static Value property_copy(ThreadState *ts, Value self, Value fget, Value fset, Value fdel) {
    PropertyObj *old = (PropertyObj *)as_obj(self);
    TypeObj *t = type_of(self);
    Value doc = old->doc;
    Value args[4] = {fget, fset, fdel, doc};
    Value np = obj_call(ts, obj_val(t), args, 4, NULL);
    if (np != CS_ERR && type_is_subtype(type_of(np), &type_property)) {
        ((PropertyObj *)as_obj(np))->name = old->name;
    }
    return np;
}

static Value property_getter(ThreadState *ts, Value self, const Value *args, size_t nargs,
                             TupleObj *kwnames) {
    if (arg_count(ts, "getter", nargs, 1, 1) < 0) {
        return CS_ERR;
    }
    PropertyObj *p = (PropertyObj *)as_obj(self);
    return property_copy(ts, self, args[0], p->fset, p->fdel);
}

static Value property_setter(ThreadState *ts, Value self, const Value *args, size_t nargs,
                             TupleObj *kwnames) {
    if (arg_count(ts, "setter", nargs, 1, 1) < 0) {
        return CS_ERR;
    }
    PropertyObj *p = (PropertyObj *)as_obj(self);
    return property_copy(ts, self, p->fget, args[0], p->fdel);
}

static Value property_deleter(ThreadState *ts, Value self, const Value *args, size_t nargs,
                              TupleObj *kwnames) {
    if (arg_count(ts, "deleter", nargs, 1, 1) < 0) {
        return CS_ERR;
    }
    PropertyObj *p = (PropertyObj *)as_obj(self);
    return property_copy(ts, self, p->fget, p->fset, args[0]);
}

static Value property_set_name(ThreadState *ts, Value self, const Value *args, size_t nargs,
                               TupleObj *kwnames) {
    if (arg_count(ts, "__set_name__", nargs, 2, 2) < 0) {
        return CS_ERR;
    }
    ((PropertyObj *)as_obj(self))->name = args[1];
    return CS_NONE;
}

static const MethodDef property_methods[] = {
    {"getter", property_getter, 0, NULL},
    {"setter", property_setter, 0, NULL},
    {"deleter", property_deleter, 0, NULL},
    {"__set_name__", property_set_name, 0, NULL},
    {NULL, NULL, 0, NULL},
};

#define PROP_GET(field)                                                                            \
    static Value property_get_##field(ThreadState *ts, Value self) {                               \
        return ((PropertyObj *)as_obj(self))->field;                                               \
    }
PROP_GET(fget)
PROP_GET(fset)
PROP_GET(fdel)

static Value property_get_doc(ThreadState *ts, Value self) {
    return ((PropertyObj *)as_obj(self))->doc;
}
static int property_set_doc(ThreadState *ts, Value self, Value v) {
    ((PropertyObj *)as_obj(self))->doc = v == CS_UNBOUND ? CS_NONE : v;
    return 0;
}

static const GetSetDef property_getsets[] = {
    {"fget", property_get_fget, NULL},
    {"fset", property_get_fset, NULL},
    {"fdel", property_get_fdel, NULL},
    {"__doc__", property_get_doc, property_set_doc},
    {NULL, NULL, NULL},
};

TypeObj type_property = {
    .hdr = OBJ_HEADER_INIT(&type_type),
    .name = "property",
    .basicsize = sizeof(PropertyObj),
    .flags = TYPE_BASETYPE,
    .trace = property_trace,
    .tp_new = property_tp_new,
    .tp_init = property_tp_init,
    .descr_get = property_get,
    .descr_set = property_set,
    .methods = property_methods,
    .getsets = property_getsets,
};

// ---------------------------------------------------------------------------
// staticmethod and classmethod

static void wrapper_trace(Obj *o, GcState *gc) {
    gc_mark_value(gc, ((WrapperObj *)o)->func);
    gc_mark_obj(gc, (Obj *)((WrapperObj *)o)->dict);
}

static Value wrapper_tp_new(ThreadState *ts, TypeObj *type, const Value *args, size_t nargs,
                            TupleObj *kwnames) {
    if (kwnames && kwnames->len) {
        return exc_raise(ts, exc_TypeError, "%s() takes no keyword arguments", type->name);
    }
    if (nargs != 1) {
        return exc_raise(ts, exc_TypeError, "%s expected 1 argument, got %zu", type->name, nargs);
    }
    WrapperObj *w = gc_alloc(ts, type, type->basicsize);
    w->func = args[0];
    return obj_val(w);
}

static int wrapper_tp_init(ThreadState *ts, Value self, const Value *args, size_t nargs,
                           TupleObj *kwnames) {
    return 0;
}

static Value staticmethod_get(ThreadState *ts, Value descr, Value obj, TypeObj *type) {
    return ((WrapperObj *)as_obj(descr))->func;
}

static Value staticmethod_call(ThreadState *ts, Value callable, const Value *args, size_t nargs,
                               TupleObj *kwnames) {
    return obj_call(ts, ((WrapperObj *)as_obj(callable))->func, args, nargs, kwnames);
}

static Value classmethod_get(ThreadState *ts, Value descr, Value obj, TypeObj *type) {
    TypeObj *t = type ? type : type_of(obj);
    return method_new(ts, ((WrapperObj *)as_obj(descr))->func, obj_val(t));
}

static Value wrapper_get_func(ThreadState *ts, Value self) {
    return ((WrapperObj *)as_obj(self))->func;
}

static Value wrapper_getattr(ThreadState *ts, Value self, StrObj *name) {
    Value r = obj_generic_getattr(ts, self, name);
    if (r == CS_ERR && exc_matches(ts, exc_AttributeError)) {
        // __name__, __doc__, __qualname__ come from the wrapped function.
        if (str_equal_cstr(name, "__name__") || str_equal_cstr(name, "__qualname__") ||
            str_equal_cstr(name, "__doc__") || str_equal_cstr(name, "__module__")) {
            exc_clear(ts);
            return obj_getattr(ts, ((WrapperObj *)as_obj(self))->func, name);
        }
    }
    return r;
}

static const GetSetDef wrapper_getsets[] = {
    {"__func__", wrapper_get_func, NULL},
    {"__wrapped__", wrapper_get_func, NULL},
    {NULL, NULL, NULL},
};

static Value staticmethod_repr(ThreadState *ts, Value self) {
    return str_format_c(ts, "<staticmethod(%R)>", ((WrapperObj *)as_obj(self))->func);
}

static Value classmethod_repr(ThreadState *ts, Value self) {
    return str_format_c(ts, "<classmethod(%R)>", ((WrapperObj *)as_obj(self))->func);
}

TypeObj type_staticmethod = {
    .hdr = OBJ_HEADER_INIT(&type_type),
    .name = "staticmethod",
    .basicsize = sizeof(WrapperObj),
    .dict_offset = offsetof(WrapperObj, dict),
    .flags = TYPE_BASETYPE | TYPE_HAS_DICT,
    .trace = wrapper_trace,
    .tp_new = wrapper_tp_new,
    .tp_init = wrapper_tp_init,
    .descr_get = staticmethod_get,
    .call = staticmethod_call,
    .getattr = wrapper_getattr,
    .getsets = wrapper_getsets,
    .repr = staticmethod_repr,
};

TypeObj type_classmethod = {
    .hdr = OBJ_HEADER_INIT(&type_type),
    .name = "classmethod",
    .basicsize = sizeof(WrapperObj),
    .dict_offset = offsetof(WrapperObj, dict),
    .flags = TYPE_BASETYPE | TYPE_HAS_DICT,
    .trace = wrapper_trace,
    .tp_new = wrapper_tp_new,
    .tp_init = wrapper_tp_init,
    .descr_get = classmethod_get,
    .getattr = wrapper_getattr,
    .getsets = wrapper_getsets,
    .repr = classmethod_repr,
};

// ---------------------------------------------------------------------------
// super

typedef struct SuperObj {
    Obj hdr;
    TypeObj *type;   // the class super() was called in
    Value obj;       // the instance (or class), CS_NONE when unbound
    TypeObj *objtype; // type(obj), or obj itself when obj is a class
} SuperObj;

static void super_trace(Obj *o, GcState *gc) {
    SuperObj *s = (SuperObj *)o;
    gc_mark_obj(gc, (Obj *)s->type);
    gc_mark_value(gc, s->obj);
    gc_mark_obj(gc, (Obj *)s->objtype);
}

static TypeObj *super_check(ThreadState *ts, TypeObj *type, Value obj) {
    if (is_obj(obj) && (type_of(obj)->flags & TYPE_TYPE_SUBCLASS) &&
        type_is_subtype((TypeObj *)as_obj(obj), type)) {
        return (TypeObj *)as_obj(obj);
    }
    if (type_is_subtype(type_of(obj), type)) {
        return type_of(obj);
    }
    return exc_raise_ptr(ts, exc_TypeError,
                         "super(type, obj): obj must be an instance or subtype of type");
}

// Zero-argument super(): __class__ from the calling frame's cells, the
// first argument from its first local.
static int super_from_frame(ThreadState *ts, TypeObj **type, Value *obj) {
    Frame *f = ts->frame;
    if (!f || !f->code) {
        return exc_raise_int(ts, exc_RuntimeError, "super(): no current frame");
    }
    CodeObj *co = f->code;
    if (co->argcount == 0 && !(co->flags & CO_VARARGS)) {
        return exc_raise_int(ts, exc_RuntimeError, "super(): no arguments");
    }
    Value first = f->slots[0];
    if (co->cell2arg) {
        for (size_t i = 0; i < co->cellvars->len; i++) {
            if (co->cell2arg[i] == 0) {
                Value cell = f->slots[co->nlocals + i];
                if (is_type_exact(cell, &type_cell)) {
                    first = ((CellObj *)as_obj(cell))->value;
                }
            }
        }
    }
    if (first == CS_UNBOUND) {
        return exc_raise_int(ts, exc_RuntimeError, "super(): arg[0] deleted");
    }
    size_t ncell = co->cellvars->len;
    for (size_t i = 0; i < co->freevars->len; i++) {
        if (str_equal_cstr(as_str(co->freevars->items[i]), "__class__")) {
            Value cell = f->slots[co->nlocals + ncell + i];
            Value cls = is_type_exact(cell, &type_cell) ? ((CellObj *)as_obj(cell))->value
                                                        : CS_UNBOUND;
            if (cls == CS_UNBOUND) {
                return exc_raise_int(ts, exc_RuntimeError, "super(): empty __class__ cell");
            }
            if (!is_obj(cls) || !(type_of(cls)->flags & TYPE_TYPE_SUBCLASS)) {
                return exc_raise_int(ts, exc_RuntimeError,
                                     "super(): __class__ is not a type (%T)", cls);
            }
            *type = (TypeObj *)as_obj(cls);
            *obj = first;
            return 0;
        }
    }
    return exc_raise_int(ts, exc_RuntimeError, "super(): __class__ cell not found");
}

static Value super_tp_new(ThreadState *ts, TypeObj *t, const Value *args, size_t nargs,
                          TupleObj *kwnames) {
    if (kwnames && kwnames->len) {
        return exc_raise(ts, exc_TypeError, "super() takes no keyword arguments");
    }
    TypeObj *type = NULL;
    Value obj = CS_NONE;
    if (nargs == 0) {
        if (super_from_frame(ts, &type, &obj) < 0) {
            return CS_ERR;
        }
    } else {
        if (!is_obj(args[0]) || !(type_of(args[0])->flags & TYPE_TYPE_SUBCLASS)) {
            return exc_raise(ts, exc_TypeError, "super() argument 1 must be a type, not %T",
                             args[0]);
        }
        type = (TypeObj *)as_obj(args[0]);
        if (nargs > 1) {
            obj = args[1];
        }
    }
    SuperObj *s = gc_alloc(ts, t, sizeof(SuperObj));
    s->type = type;
    s->obj = obj;
    if (obj != CS_NONE) {
        s->objtype = super_check(ts, type, obj);
        if (!s->objtype) {
            return CS_ERR;
        }
    }
    return obj_val(s);
}

static int super_tp_init(ThreadState *ts, Value self, const Value *args, size_t nargs,
                         TupleObj *kwnames) {
    return 0;
}

static Value super_getattr(ThreadState *ts, Value self, StrObj *name) {
    SuperObj *s = (SuperObj *)as_obj(self);
    if (s->objtype && !str_equal_cstr(name, "__class__")) {
        TupleObj *mro = s->objtype->mro;
        size_t i = 0;
        while (i < mro->len && as_obj(mro->items[i]) != &s->type->hdr) {
            i++;
        }
        for (i++; i < mro->len; i++) {
            TypeObj *b = (TypeObj *)as_obj(mro->items[i]);
            Value v;
            if (b->dict && dict_get_str(b->dict, name, &v)) {
                DescrGetFn get = type_of(v)->descr_get;
                if (!get) {
                    return v;
                }
                Value inst = s->obj == obj_val(s->objtype) ? CS_UNBOUND : s->obj;
                return get(ts, v, inst, s->objtype);
            }
        }
    }
    return obj_generic_getattr(ts, self, name);
}

static Value super_repr(ThreadState *ts, Value self) {
    SuperObj *s = (SuperObj *)as_obj(self);
    if (s->objtype) {
        return str_format_c(ts, "<super: <class '%s'>, <%s object>>", type_qualname(s->type),
                            type_qualname(s->objtype));
    }
    return str_format_c(ts, "<super: <class '%s'>, NULL>", type_qualname(s->type));
}

TypeObj type_super = {
    .hdr = OBJ_HEADER_INIT(&type_type),
    .name = "super",
    .basicsize = sizeof(SuperObj),
    .flags = TYPE_BASETYPE,
    .trace = super_trace,
    .tp_new = super_tp_new,
    .tp_init = super_tp_init,
    .getattr = super_getattr,
    .repr = super_repr,
};

// ---------------------------------------------------------------------------
// Argument parsing for C functions

typedef struct ParamSpec {
    const char *names[16];
    size_t lens[16];
    size_t n;
    size_t nposonly;   // count before '/'
    size_t nrequired;  // count before '|'
    size_t npositional; // count before '$'
} ParamSpec;

static void parse_spec(const char *spec, ParamSpec *ps) {
    memset(ps, 0, sizeof *ps);
    ps->nrequired = (size_t)-1;
    ps->npositional = (size_t)-1;
    const char *p = spec;
    while (*p && ps->n < 16) {
        if (*p == ',') {
            p++;
            continue;
        }
        if (*p == '/') {
            ps->nposonly = ps->n;
            p++;
            continue;
        }
        if (*p == '|') {
            ps->nrequired = ps->n;
            p++;
            continue;
        }
        if (*p == '$') {
            ps->npositional = ps->n;
            if (ps->nrequired == (size_t)-1) {
                ps->nrequired = ps->n;
            }
            p++;
            continue;
        }
        const char *start = p;
        while (*p && *p != ',' && *p != '/' && *p != '|' && *p != '$') {
            p++;
        }
        ps->names[ps->n] = start;
        ps->lens[ps->n] = (size_t)(p - start);
        ps->n++;
    }
    if (ps->nrequired == (size_t)-1) {
        ps->nrequired = ps->n;
    }
    if (ps->npositional == (size_t)-1) {
        ps->npositional = ps->n;
    }
}

int arg_parse(ThreadState *ts, const char *fname, const Value *args, size_t nargs,
              TupleObj *kwnames, const char *spec, Value *out) {
    ParamSpec ps;
    parse_spec(spec, &ps);
    for (size_t i = 0; i < ps.n; i++) {
        out[i] = CS_UNBOUND;
    }
    if (nargs > ps.npositional) {
        if (ps.npositional == ps.nrequired) {
            return exc_raise_int(ts, exc_TypeError, "%s() takes exactly %zu positional argument%s "
                                                    "(%zu given)",
                                 fname, ps.npositional, ps.npositional == 1 ? "" : "s", nargs);
        }
        return exc_raise_int(ts, exc_TypeError,
                             "%s() takes at most %zu positional argument%s (%zu given)", fname,
                             ps.npositional, ps.npositional == 1 ? "" : "s", nargs);
    }
    for (size_t i = 0; i < nargs; i++) {
        out[i] = args[i];
    }
    size_t nkw = kwnames ? kwnames->len : 0;
    for (size_t k = 0; k < nkw; k++) {
        StrObj *kn = as_str(kwnames->items[k]);
        size_t i;
        for (i = ps.nposonly; i < ps.n; i++) {
            if (kn->len == ps.lens[i] && memcmp(kn->data, ps.names[i], kn->len) == 0) {
                break;
            }
        }
        if (i == ps.n) {
            return exc_raise_int(ts, exc_TypeError, "'%U' is an invalid keyword argument for %s()",
                                 obj_val(kn), fname);
        }
        if (out[i] != CS_UNBOUND) {
            return exc_raise_int(ts, exc_TypeError,
                                 "argument for %s() given by name ('%U') and position (%zu)",
                                 fname, obj_val(kn), i + 1);
        }
        out[i] = args[nargs + k];
    }
    for (size_t i = 0; i < ps.nrequired; i++) {
        if (out[i] == CS_UNBOUND) {
            char name[64];
            size_t l = ps.lens[i] < 63 ? ps.lens[i] : 63;
            memcpy(name, ps.names[i], l);
            name[l] = 0;
            if (i < ps.nposonly || i < nargs + 1) {
                return exc_raise_int(ts, exc_TypeError,
                                     "%s() missing required argument '%s' (pos %zu)", fname, name,
                                     i + 1);
            }
            return exc_raise_int(ts, exc_TypeError, "%s() missing required argument '%s'", fname,
                                 name);
        }
    }
    return 0;
}

int arg_no_kw(ThreadState *ts, const char *fname, TupleObj *kwnames) {
    if (kwnames && kwnames->len) {
        return exc_raise_int(ts, exc_TypeError, "%s() takes no keyword arguments", fname);
    }
    return 0;
}

int arg_count(ThreadState *ts, const char *fname, size_t nargs, size_t min, size_t max) {
    if (nargs >= min && nargs <= max) {
        return 0;
    }
    if (min == max) {
        if (min == 0) {
            return exc_raise_int(ts, exc_TypeError, "%s() takes no arguments (%zu given)", fname,
                                 nargs);
        }
        if (min == 1) {
            return exc_raise_int(ts, exc_TypeError, "%s() takes exactly one argument (%zu given)",
                                 fname, nargs);
        }
        return exc_raise_int(ts, exc_TypeError, "%s expected %zu arguments, got %zu", fname, min,
                             nargs);
    }
    if (nargs < min) {
        return exc_raise_int(ts, exc_TypeError, "%s expected at least %zu argument%s, got %zu",
                             fname, min, min == 1 ? "" : "s", nargs);
    }
    return exc_raise_int(ts, exc_TypeError, "%s expected at most %zu argument%s, got %zu", fname,
                         max, max == 1 ? "" : "s", nargs);
}
