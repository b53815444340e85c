// The eval loop: executes code objects on frames kept on the thread's frame
// stack, so a cs-to-cs call pushes a frame and continues in the same C
// activation (no C recursion). C code re-enters through vm_call_function
// and generators through vm_resume_frame; each such entry marks its frame
// `is_entry` so RETURN_VALUE knows to leave the C loop.
//
// Invariants:
// - Every slot of a frame holds a live value or CS_UNBOUND (frames are
//   filled on creation), so the collector may mark all of them.
// - Between instructions every value the loop needs is on the value stack;
//   the GC temps are reset to the entry mark at backward jumps, calls and
//   returns (vm/gc.h).
// - An error goes to `error`, which records a traceback entry for the
//   current frame and then unwinds through the exception table; RERAISE
//   skips the traceback entry.
#include "vm/eval.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/dict.h"
#include "vm/exc.h"
#include "vm/frame.h"
#include "vm/gc.h"
#include "vm/gen.h"
#include "vm/import.h"
#include "vm/int.h"
#include "vm/list.h"
#include "vm/names.h"
#include "vm/opcodes.h"
#include "vm/range.h"
#include "vm/str.h"
#include "vm/typeobj.h"

// ---------------------------------------------------------------------------
// Frames on the thread's frame stack

#define CHUNK_WORDS (64u * 1024u)

static size_t frame_words(CodeObj *co) {
    return (sizeof(Frame) + sizeof(Value) - 1) / sizeof(Value) + frame_nslots(co);
}

static Frame *frame_alloc(ThreadState *ts, CodeObj *co) {
    size_t words = frame_words(co);
    StackChunk *c = ts->stack;
    if (!c || c->top + words > c->limit) {
        size_t n = words * 2 > CHUNK_WORDS ? words * 2 : CHUNK_WORDS;
        StackChunk *nc = malloc(sizeof(StackChunk) + n * sizeof(Value));
        if (!nc) {
            exc_no_memory(ts);
            return NULL;
        }
        nc->prev = c;
        nc->top = nc->data;
        nc->limit = nc->data + n;
        ts->stack = nc;
        c = nc;
    }
    Frame *f = (Frame *)c->top;
    c->top += words;
    return f;
}

static void frame_release(ThreadState *ts, Frame *f) {
    StackChunk *c = ts->stack;
    c->top = (Value *)f;
    if (c->top == c->data && c->prev) {
        ts->stack = c->prev;
        free(c);
    }
}

void vm_frame_init(Frame *f, FuncObj *func, CodeObj *code, DictObj *globals, Value locals) {
    f->prev = NULL;
    f->code = code;
    f->func = func;
    f->globals = globals;
    f->builtins = func ? func->builtins : NULL;
    f->locals = locals;
    f->ip = code->code;
    f->gen = NULL;
    f->nslots = (uint32_t)frame_nslots(code);
    f->is_entry = 0;
    f->on_stack = 1;
    f->lineno_cache = 0;
    f->init_self = CS_UNBOUND;
    for (uint32_t i = 0; i < f->nslots; i++) {
        f->slots[i] = CS_UNBOUND;
    }
    f->sp = frame_stack_base(f);
}

void frame_trace(Frame *f, GcState *gc) {
    gc_mark_obj(gc, (Obj *)f->code);
    gc_mark_obj(gc, (Obj *)f->func);
    gc_mark_obj(gc, (Obj *)f->globals);
    gc_mark_obj(gc, (Obj *)f->builtins);
    gc_mark_value(gc, f->locals);
    gc_mark_value(gc, f->init_self);
    gc_mark_array(gc, f->slots, f->nslots);
}

int frame_lineno(Frame *f) {
    CodeObj *co = f->code;
    ptrdiff_t i = f->ip - co->code - 1;
    if (i < 0) {
        i = 0;
    }
    if ((uint32_t)i >= co->ncode) {
        i = (ptrdiff_t)co->ncode - 1;
    }
    return co->lines && co->ncode ? co->lines[i] : co->firstlineno;
}

// ---------------------------------------------------------------------------
// Recursion guards

int vm_check_c_stack(ThreadState *ts) {
    char here;
    if (ts->c_stack_limit && &here < ts->c_stack_limit) {
        exc_raise(ts, exc_RecursionError, "maximum recursion depth exceeded");
        return -1;
    }
    return 0;
}

static int enter_recursion(ThreadState *ts) {
    int limit = ts->interp->recursion_limit + ts->recursion_headroom;
    if (ts->depth >= limit) {
        // Allow a little room to handle the error (as CPython's headroom).
        ts->recursion_headroom = 50;
        exc_raise(ts, exc_RecursionError, "maximum recursion depth exceeded");
        return -1;
    }
    ts->depth++;
    return 0;
}

static void leave_recursion(ThreadState *ts) {
    ts->depth--;
    if (ts->recursion_headroom && ts->depth < ts->interp->recursion_limit - 50) {
        ts->recursion_headroom = 0;
    }
}

// ---------------------------------------------------------------------------
// Argument binding

static void missing_args_error(ThreadState *ts, FuncObj *func, Value *slots, size_t from,
                               size_t to, bool kwonly, size_t ndefaults_from) {
    CodeObj *co = func->code;
    StrBuf b;
    str_buf_init(&b);
    size_t count = 0;
    size_t idx[256];
    for (size_t i = from; i < to && count < 256; i++) {
        if (slots[i] == CS_UNBOUND && i < ndefaults_from) {
            idx[count++] = i;
        }
    }
    for (size_t k = 0; k < count; k++) {
        if (k > 0) {
            str_buf_append_cstr(&b, count == 2 ? " and " : (k == count - 1 ? ", and " : ", "));
        }
        str_buf_printf(&b, "'%s'", as_str(co->varnames->items[idx[k]])->data);
    }
    Value names = str_buf_finish(ts, &b);
    if (names == CS_ERR) {
        return;
    }
    exc_raise(ts, exc_TypeError, "%U() missing %zu required %s argument%s: %U",
              obj_val(func->qualname), count, kwonly ? "keyword-only" : "positional",
              count == 1 ? "" : "s", names);
}

static void too_many_positional(ThreadState *ts, FuncObj *func, size_t nargs, Value *slots) {
    CodeObj *co = func->code;
    size_t n = (size_t)co->argcount;
    size_t ndef = func->defaults ? func->defaults->len : 0;
    size_t kwonly_given = 0;
    for (int i = 0; i < co->kwonlyargcount; i++) {
        if (slots[co->argcount + i] != CS_UNBOUND) {
            kwonly_given++;
        }
    }
    char takes[96];
    if (ndef > 0) {
        snprintf(takes, sizeof takes, "from %zu to %zu positional arguments", n - ndef, n);
    } else {
        snprintf(takes, sizeof takes, "%zu positional argument%s", n, n == 1 ? "" : "s");
    }
    if (kwonly_given) {
        exc_raise(ts, exc_TypeError,
                  "%U() takes %s but %zu positional argument%s (and %zu keyword-only argument%s) "
                  "were given",
                  obj_val(func->qualname), takes, nargs, nargs == 1 ? "" : "s", kwonly_given,
                  kwonly_given == 1 ? "" : "s");
        return;
    }
    exc_raise(ts, exc_TypeError, "%U() takes %s but %zu %s given", obj_val(func->qualname), takes,
              nargs, nargs == 1 ? "was" : "were");
}

static bool name_matches(StrObj *a, StrObj *b) {
    return a == b || (a->hash == b->hash && str_equal(a, b)) ||
           (a->len == b->len && memcmp(a->data, b->data, a->len) == 0);
}

// "f() got some positional-only arguments passed as keyword arguments:
// 'a, b'": true (raised) when any keyword names a positional-only parameter.
static bool posonly_passed_as_keyword(ThreadState *ts, FuncObj *func, TupleObj *kwnames) {
    CodeObj *co = func->code;
    StrBuf b;
    str_buf_init(&b);
    size_t found = 0;
    for (size_t j = 0; j < (size_t)co->posonlyargcount; j++) {
        StrObj *pn = as_str(co->varnames->items[j]);
        for (size_t k = 0; k < kwnames->len; k++) {
            if (name_matches(pn, as_str(kwnames->items[k]))) {
                str_buf_append_cstr(&b, found++ ? ", " : "");
                str_buf_append(&b, pn->data, pn->len);
                break;
            }
        }
    }
    if (!found) {
        str_buf_free(&b);
        return false;
    }
    Value names = str_buf_finish(ts, &b);
    if (names != CS_ERR) {
        exc_raise(ts, exc_TypeError,
                  "%U() got some positional-only arguments passed as keyword arguments: '%U'",
                  obj_val(func->qualname), names);
    }
    return true;
}

int vm_bind_args(ThreadState *ts, FuncObj *func, Value *slots, const Value *args, size_t nargs,
                 TupleObj *kwnames) {
    CodeObj *co = func->code;
    size_t npos = (size_t)co->argcount;
    size_t total = npos + (size_t)co->kwonlyargcount;
    size_t nkw = kwnames ? kwnames->len : 0;
    size_t m = nargs < npos ? nargs : npos;
    for (size_t i = 0; i < m; i++) {
        slots[i] = args[i];
    }
    size_t next = total;
    if (co->flags & CO_VARARGS) {
        slots[next++] = nargs > npos ? tuple_from_array(ts, args + npos, nargs - npos)
                                     : tuple_empty(ts);
    }
    DictObj *kwdict = NULL;
    if (co->flags & CO_VARKEYWORDS) {
        kwdict = as_dict(dict_new(ts));
        slots[next] = obj_val(kwdict);
    }
    for (size_t k = 0; k < nkw; k++) {
        StrObj *kn = as_str(kwnames->items[k]);
        Value v = args[nargs + k];
        size_t i;
        for (i = (size_t)co->posonlyargcount; i < total; i++) {
            if (name_matches(as_str(co->varnames->items[i]), kn)) {
                break;
            }
        }
        if (i == total) {
            if (kwdict) {
                if (dict_set(ts, kwdict, obj_val(kn), v) < 0) {
                    return -1;
                }
                continue;
            }
            if (posonly_passed_as_keyword(ts, func, kwnames)) {
                return -1;
            }
            return exc_raise_int(ts, exc_TypeError, "%U() got an unexpected keyword argument '%U'",
                                 obj_val(func->qualname), obj_val(kn));
        }
        if (slots[i] != CS_UNBOUND) {
            return exc_raise_int(ts, exc_TypeError, "%U() got multiple values for argument '%U'",
                                 obj_val(func->qualname), obj_val(kn));
        }
        slots[i] = v;
    }
    if (nargs > npos && !(co->flags & CO_VARARGS)) {
        too_many_positional(ts, func, nargs, slots);
        return -1;
    }
    if (nargs < npos) {
        size_t ndef = func->defaults ? func->defaults->len : 0;
        size_t first_default = npos - ndef;
        for (size_t i = nargs; i < npos; i++) {
            if (slots[i] == CS_UNBOUND) {
                if (i >= first_default) {
                    slots[i] = func->defaults->items[i - first_default];
                } else {
                    missing_args_error(ts, func, slots, nargs, npos, false, first_default);
                    return -1;
                }
            }
        }
    }
    for (size_t i = npos; i < total; i++) {
        if (slots[i] == CS_UNBOUND) {
            Value d;
            if (func->kwdefaults && dict_get_str(func->kwdefaults, as_str(co->varnames->items[i]),
                                                 &d)) {
                slots[i] = d;
            } else {
                missing_args_error(ts, func, slots, npos, total, true, total);
                return -1;
            }
        }
    }
    // Cells: fresh ones for cellvars (seeded from arguments), then the closure.
    size_t ncell = co->cellvars->len;
    Value *cells = slots + co->nlocals;
    for (size_t i = 0; i < ncell; i++) {
        Value init = CS_UNBOUND;
        if (co->cell2arg && co->cell2arg[i] >= 0) {
            init = slots[co->cell2arg[i]];
        }
        cells[i] = cell_new(ts, init);
    }
    size_t nfree = co->freevars->len;
    for (size_t i = 0; i < nfree; i++) {
        cells[ncell + i] = func->closure ? func->closure->items[i] : cell_new(ts, CS_UNBOUND);
    }
    return 0;
}

// ---------------------------------------------------------------------------
// Helpers for opcodes (kept out of the loop body)

static Value format_value(ThreadState *ts, Value v, Value spec) {
    if (spec == CS_UNBOUND && is_type_exact(v, &type_str)) {
        return v;
    }
    if (spec == CS_UNBOUND) {
        spec = str_new(ts, "", 0);
    }
    Value f = type_lookup(type_of(v), STR_NAME(ts, __format__));
    if (f == CS_UNBOUND) {
        return exc_raise(ts, exc_TypeError, "Type %s doesn't define __format__", obj_type_name(v));
    }
    Value r = obj_call2(ts, f, v, spec);
    if (r != CS_ERR && !str_check(r)) {
        return exc_raise(ts, exc_TypeError, "__format__ must return a str, not %s",
                         obj_type_name(r));
    }
    return r;
}

static Value build_string(ThreadState *ts, Value *items, size_t n) {
    size_t total = 0, chars = 0;
    bool ascii = true;
    for (size_t i = 0; i < n; i++) {
        StrObj *s = as_str(items[i]);
        total += s->len;
        chars += s->nchars;
        ascii = ascii && (s->hdr.aux & STR_ASCII);
    }
    StrBuf b;
    str_buf_init(&b);
    for (size_t i = 0; i < n; i++) {
        str_buf_append(&b, as_str(items[i])->data, as_str(items[i])->len);
    }
    (void)total;
    (void)chars;
    (void)ascii;
    return str_buf_finish(ts, &b);
}

static int unpack_iterable(ThreadState *ts, Value seq, size_t before, size_t after, bool star,
                           Value *out) {
    // out[0..before) then (star: the list) then after items, in source order.
    if (!star) {
        size_t n = before;
        const Value *items = NULL;
        size_t len = 0;
        if (is_type_exact(seq, &type_tuple)) {
            items = as_tuple(seq)->items;
            len = as_tuple(seq)->len;
        } else if (is_type_exact(seq, &type_list)) {
            items = as_list(seq)->items;
            len = as_list(seq)->len;
        }
        if (items) {
            if (len != n) {
                if (len < n) {
                    return exc_raise_int(ts, exc_ValueError,
                                         "not enough values to unpack (expected %zu, got %zu)", n,
                                         len);
                }
                return exc_raise_int(ts, exc_ValueError,
                                     "too many values to unpack (expected %zu)", n);
            }
            if (n) {
                memcpy(out, items, n * sizeof(Value));
            }
            return 0;
        }
    }
    TypeObj *t = type_of(seq);
    if (!t->iter && !t->getitem) {
        return exc_raise_int(ts, exc_TypeError, "cannot unpack non-iterable %s object",
                             obj_type_name(seq));
    }
    Value it = obj_iter(ts, seq);
    if (it == CS_ERR) {
        return -1;
    }
    for (size_t i = 0; i < before; i++) {
        Value v = obj_next(ts, it);
        if (v == CS_ERR) {
            return -1;
        }
        if (v == CS_STOP) {
            if (star) {
                return exc_raise_int(ts, exc_ValueError,
                                     "not enough values to unpack (expected at least %zu, got "
                                     "%zu)",
                                     before + after, i);
            }
            return exc_raise_int(ts, exc_ValueError,
                                 "not enough values to unpack (expected %zu, got %zu)", before, i);
        }
        out[i] = v;
        gc_temp_push(ts, v);
    }
    if (!star) {
        Value extra = obj_next(ts, it);
        if (extra == CS_ERR) {
            return -1;
        }
        if (extra != CS_STOP) {
            return exc_raise_int(ts, exc_ValueError, "too many values to unpack (expected %zu)",
                                 before);
        }
        return 0;
    }
    Value rest = list_new(ts, 0);
    if (list_extend(ts, as_list(rest), it) < 0) {
        return -1;
    }
    ListObj *l = as_list(rest);
    if (l->len < after) {
        return exc_raise_int(ts, exc_ValueError,
                             "not enough values to unpack (expected at least %zu, got %zu)",
                             before + after, before + l->len);
    }
    for (size_t i = 0; i < after; i++) {
        out[before + 1 + i] = l->items[l->len - after + i];
    }
    l->len -= after;
    out[before] = rest;
    return 0;
}

static int check_exc_type(ThreadState *ts, Value t) {
    if (tuple_check(t)) {
        for (size_t i = 0; i < as_tuple(t)->len; i++) {
            if (check_exc_type(ts, as_tuple(t)->items[i]) < 0) {
                return -1;
            }
        }
        return 0;
    }
    if (!is_obj(t) || !(type_of(t)->flags & TYPE_TYPE_SUBCLASS) ||
        !type_is_subtype((TypeObj *)as_obj(t), exc_BaseException)) {
        return exc_raise_int(ts, exc_TypeError,
                             "catching classes that do not inherit from BaseException is not "
                             "allowed");
    }
    return 0;
}

static int exc_match(ThreadState *ts, Value exc, Value t) {
    if (check_exc_type(ts, t) < 0) {
        return -1;
    }
    if (tuple_check(t)) {
        for (size_t i = 0; i < as_tuple(t)->len; i++) {
            if (type_is_subtype(type_of(exc), (TypeObj *)as_obj(as_tuple(t)->items[i]))) {
                return 1;
            }
        }
        return 0;
    }
    return type_is_subtype(type_of(exc), (TypeObj *)as_obj(t));
}

static Value load_global(ThreadState *ts, Frame *f, StrObj *name) {
    Value v;
    if (dict_get_str(f->globals, name, &v)) {
        return v;
    }
    DictObj *b = f->builtins ? f->builtins : ts->interp->builtins;
    if (dict_get_str(b, name, &v)) {
        return v;
    }
    return exc_raise(ts, exc_NameError, "name '%U' is not defined", obj_val(name));
}

static Value load_name(ThreadState *ts, Frame *f, StrObj *name) {
    Value v;
    if (f->locals != CS_UNBOUND) {
        if (is_type_exact(f->locals, &type_dict)) {
            if (dict_get_str(as_dict(f->locals), name, &v)) {
                return v;
            }
        } else {
            v = obj_getitem(ts, f->locals, obj_val(name));
            if (v != CS_ERR) {
                return v;
            }
            if (!exc_matches(ts, exc_KeyError)) {
                return CS_ERR;
            }
            exc_clear(ts);
        }
    }
    return load_global(ts, f, name);
}

static int store_name(ThreadState *ts, Frame *f, StrObj *name, Value v) {
    if (f->locals == CS_UNBOUND) {
        return exc_raise_int(ts, exc_SystemError, "no locals found when storing '%U'",
                             obj_val(name));
    }
    if (is_type_exact(f->locals, &type_dict)) {
        return dict_set_str(ts, as_dict(f->locals), name, v);
    }
    return obj_setitem(ts, f->locals, obj_val(name), v);
}

static int delete_name(ThreadState *ts, Frame *f, StrObj *name) {
    int r;
    if (is_type_exact(f->locals, &type_dict)) {
        r = dict_del(ts, as_dict(f->locals), obj_val(name));
    } else {
        r = obj_delitem(ts, f->locals, obj_val(name));
        if (r < 0 && exc_matches(ts, exc_KeyError)) {
            exc_clear(ts);
            r = 0;
        } else if (r == 0) {
            r = 1;
        }
    }
    if (r == 0) {
        return exc_raise_int(ts, exc_NameError, "name '%U' is not defined", obj_val(name));
    }
    return r < 0 ? -1 : 0;
}

static Value before_with(ThreadState *ts, Value mgr, Value *exit_out) {
    TypeObj *t = type_of(mgr);
    Value enter = type_lookup(t, STR_NAME(ts, __enter__));
    if (enter == CS_UNBOUND) {
        return exc_raise(ts, exc_TypeError,
                         "'%s' object does not support the context manager protocol",
                         obj_type_name(mgr));
    }
    Value exitf = type_lookup(t, STR_NAME(ts, __exit__));
    if (exitf == CS_UNBOUND) {
        return exc_raise(ts, exc_TypeError,
                         "'%s' object does not support the context manager protocol (missed "
                         "__exit__ method)",
                         obj_type_name(mgr));
    }
    Value bound_exit = type_of(exitf)->descr_get ? type_of(exitf)->descr_get(ts, exitf, mgr, t)
                                                 : exitf;
    if (bound_exit == CS_ERR) {
        return CS_ERR;
    }
    *exit_out = bound_exit;
    gc_temp_push(ts, bound_exit);
    Value bound_enter = type_of(enter)->descr_get ? type_of(enter)->descr_get(ts, enter, mgr, t)
                                                  : enter;
    if (bound_enter == CS_ERR) {
        return CS_ERR;
    }
    return obj_call0(ts, bound_enter);
}

static Value before_async_with(ThreadState *ts, Value mgr, Value *exit_out) {
    TypeObj *t = type_of(mgr);
    Value enter = type_lookup(t, STR_NAME(ts, __aenter__));
    if (enter == CS_UNBOUND) {
        return exc_raise(ts, exc_TypeError,
                         "'%s' object does not support the asynchronous context manager "
                         "protocol",
                         obj_type_name(mgr));
    }
    Value exitf = type_lookup(t, STR_NAME(ts, __aexit__));
    if (exitf == CS_UNBOUND) {
        return exc_raise(ts, exc_TypeError,
                         "'%s' object does not support the asynchronous context manager "
                         "protocol (missed __aexit__ method)",
                         obj_type_name(mgr));
    }
    Value bound_exit = type_of(exitf)->descr_get ? type_of(exitf)->descr_get(ts, exitf, mgr, t)
                                                 : exitf;
    if (bound_exit == CS_ERR) {
        return CS_ERR;
    }
    *exit_out = bound_exit;
    gc_temp_push(ts, bound_exit);
    Value r = vm_call_prepend(ts, enter, mgr, NULL, 0, NULL);
    if (r == CS_ERR) {
        return CS_ERR;
    }
    return gen_get_awaitable(ts, r, 1);
}

// How CPython 3.11 names a callable in call errors: "module.qualname" for
// functions outside builtins, the qualname otherwise, or "'T' object".
static Value function_str(ThreadState *ts, Value callable) {
    Value qn = obj_lookup_attr(ts, callable, STR_NAME(ts, __qualname__));
    if (qn == CS_ERR) {
        return CS_ERR;
    }
    if (qn == CS_UNBOUND || !str_check(qn)) {
        return str_format_c(ts, "%s object", obj_type_name(callable));
    }
    Value mod = obj_lookup_attr(ts, callable, STR_NAME(ts, __module__));
    if (mod == CS_ERR) {
        return CS_ERR;
    }
    if (mod != CS_UNBOUND && str_check(mod) && !str_equal_cstr(as_str(mod), "builtins")) {
        return str_format_c(ts, "%U.%U()", mod, qn);
    }
    return str_format_c(ts, "%U()", qn);
}

// The dict for f(**m): copies m, rejecting non-str keys.
static int merge_kwargs(ThreadState *ts, DictObj *d, Value m, Value callable) {
    Value dup = CS_UNBOUND;
    int r = dict_merge(ts, d, m, false, &dup);
    if (r == -2) {
        Value fname = function_str(ts, callable);
        if (fname == CS_ERR) {
            return -1;
        }
        return exc_raise_int(ts, exc_TypeError, "%U got multiple values for keyword argument '%S'",
                             fname, dup);
    }
    if (r < 0 && exc_matches(ts, exc_AttributeError)) {
        exc_clear(ts);
        Value fname = function_str(ts, callable);
        if (fname == CS_ERR) {
            return -1;
        }
        return exc_raise_int(ts, exc_TypeError, "%U argument after ** must be a mapping, not %s",
                             fname, obj_type_name(m));
    }
    return r < 0 ? -1 : 0;
}

static Value call_function_ex(ThreadState *ts, Value callable, Value argtuple, Value kwdict) {
    if (!is_type_exact(argtuple, &type_tuple)) {
        TypeObj *t = type_of(argtuple);
        if (!t->iter && !t->getitem) {
            Value fname = function_str(ts, callable);
            if (fname == CS_ERR) {
                return CS_ERR;
            }
            return exc_raise(ts, exc_TypeError, "%U argument after * must be an iterable, not %s",
                             fname, obj_type_name(argtuple));
        }
        argtuple = obj_to_tuple(ts, argtuple);
        if (argtuple == CS_ERR) {
            return CS_ERR;
        }
    }
    TupleObj *pos = as_tuple(argtuple);
    if (kwdict == CS_UNBOUND || as_dict(kwdict)->used == 0) {
        return obj_call(ts, callable, pos->items, pos->len, NULL);
    }
    DictObj *d = as_dict(kwdict);
    size_t nkw = d->used;
    Value names = tuple_new(ts, nkw);
    Value *buf = gc_xmalloc(ts, (pos->len + nkw) * sizeof(Value));
    if (!buf) {
        return CS_ERR;
    }
    memcpy(buf, pos->items, pos->len * sizeof(Value));
    size_t p = 0, k = 0;
    Value key, val;
    while (dict_next(d, &p, &key, &val)) {
        if (!str_check(key)) {
            gc_xfree(ts->interp, buf, 0);
            return exc_raise(ts, exc_TypeError, "keywords must be strings");
        }
        as_tuple(names)->items[k] = key;
        buf[pos->len + k] = val;
        k++;
    }
    Value r = obj_call(ts, callable, buf, pos->len, as_tuple(names));
    gc_xfree(ts->interp, buf, 0);
    return r;
}

// ---------------------------------------------------------------------------
// The loop

#if defined(__GNUC__)
#define USE_COMPUTED_GOTO 1
#endif

static Value eval_frame(ThreadState *ts, Frame *entry, bool throwing, ResumeStatus *status);

static bool is_plain_function(Value v) {
    return is_type_exact(v, &type_function) &&
           !(((FuncObj *)as_obj(v))->code->flags &
             (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR));
}

// Pushes a frame for a plain cs function call; NULL with an exception set.
static Frame *push_call_frame(ThreadState *ts, FuncObj *func, const Value *args, size_t nargs,
                              TupleObj *kwnames) {
    if (enter_recursion(ts) < 0) {
        return NULL;
    }
    CodeObj *co = func->code;
    Frame *f = frame_alloc(ts, co);
    if (!f) {
        leave_recursion(ts);
        return NULL;
    }
    vm_frame_init(f, func, co, func->globals, CS_UNBOUND);
    f->prev = ts->frame;
    ts->frame = f;
    // Fast path: exactly the positional parameters, nothing else to set up.
    if (!kwnames && nargs == (size_t)co->argcount && co->kwonlyargcount == 0 &&
        !(co->flags & (CO_VARARGS | CO_VARKEYWORDS)) && co->cellvars->len == 0 &&
        co->freevars->len == 0) {
        for (size_t i = 0; i < nargs; i++) {
            f->slots[i] = args[i];
        }
        return f;
    }
    if (vm_bind_args(ts, func, f->slots, args, nargs, kwnames) < 0) {
        ts->frame = f->prev;
        frame_release(ts, f);
        leave_recursion(ts);
        return NULL;
    }
    return f;
}

static void pop_frame(ThreadState *ts, Frame *f) {
    ts->frame = f->prev;
    if (f->on_stack) {
        frame_release(ts, f);
    }
    leave_recursion(ts);
}

Value vm_call_function(ThreadState *ts, FuncObj *func, const Value *args, size_t nargs,
                       TupleObj *kwnames) {
    if (func->code->flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR)) {
        return gen_new(ts, func, args, nargs, kwnames);
    }
    Frame *f = push_call_frame(ts, func, args, nargs, kwnames);
    if (!f) {
        return CS_ERR;
    }
    f->is_entry = 1;
    return eval_frame(ts, f, false, NULL);
}

Value vm_run_code(ThreadState *ts, CodeObj *code, DictObj *globals, Value locals) {
    if (enter_recursion(ts) < 0) {
        return CS_ERR;
    }
    Frame *f = frame_alloc(ts, code);
    if (!f) {
        leave_recursion(ts);
        return CS_ERR;
    }
    vm_frame_init(f, NULL, code, globals, locals);
    Value b;
    f->builtins = ts->interp->builtins;
    if (dict_get_str(globals, STR_NAME(ts, __builtins__), &b)) {
        if (dict_check(b)) {
            f->builtins = as_dict(b);
        } else if (is_type_exact(b, &type_module)) {
            f->builtins = ((ModuleObj *)as_obj(b))->dict;
        }
    }
    f->prev = ts->frame;
    ts->frame = f;
    f->is_entry = 1;
    return eval_frame(ts, f, false, NULL);
}

Value vm_run_class_body(ThreadState *ts, Value funcv, Value ns) {
    FuncObj *func = (FuncObj *)as_obj(funcv);
    if (enter_recursion(ts) < 0) {
        return CS_ERR;
    }
    CodeObj *co = func->code;
    Frame *f = frame_alloc(ts, co);
    if (!f) {
        leave_recursion(ts);
        return CS_ERR;
    }
    vm_frame_init(f, func, co, func->globals, ns);
    f->prev = ts->frame;
    ts->frame = f;
    if (vm_bind_args(ts, func, f->slots, NULL, 0, NULL) < 0) {
        pop_frame(ts, f);
        return CS_ERR;
    }
    f->is_entry = 1;
    return eval_frame(ts, f, false, NULL);
}

ResumeStatus vm_resume_frame(ThreadState *ts, Frame *f, Value sent, bool throwing, Value *out) {
    if (enter_recursion(ts) < 0) {
        return RESUME_ERROR;
    }
    f->prev = ts->frame;
    ts->frame = f;
    f->is_entry = 1;
    if (!throwing && sent != CS_UNBOUND) {
        *f->sp++ = sent;
    }
    ResumeStatus st = RESUME_ERROR;
    Value r = eval_frame(ts, f, throwing, &st);
    *out = r;
    return r == CS_ERR ? RESUME_ERROR : st;
}

// LOAD_GLOBAL's inline cache: the dict entry the name was found in. An
// entry index stays right as long as that entry still holds the same
// (interned) key; a name found in builtins also needs globals unchanged
// since (its version), or a re-check that globals still lacks it.
typedef struct GlobalCache {
    DictObj *globals;
    DictObj *builtins;
    uint64_t gversion;
    uint64_t epoch; // interp->type_epoch when filled: a collection may reuse addresses
    int32_t gindex; // in globals, or -1
    int32_t bindex; // in builtins, or -1
} GlobalCache;

// An instance attribute found in (or stored to) the instance dict: valid
// while the object's type is `type`, no class attribute changed since
// (`epoch`), and the dict entry at `index` still holds the name.
typedef struct AttrCache {
    TypeObj *type;
    uint64_t epoch;
    int32_t index;
} AttrCache;

typedef union InlineCache {
    GlobalCache global;
    AttrCache attr;
} InlineCache;

static InlineCache *code_cache(CodeObj *co, uint32_t pc) {
    if (!co->caches) {
        co->caches = calloc(co->ncode, sizeof(InlineCache));
        if (!co->caches) {
            return NULL;
        }
    }
    return (InlineCache *)co->caches + pc;
}

static int32_t entry_index(DictObj *d, Value key) {
    for (size_t i = 0; i < d->nentries && i < INT32_MAX; i++) {
        if (d->entries[i].key == key) {
            return (int32_t)i;
        }
    }
    return -1;
}

static Value load_global_cached(ThreadState *ts, Frame *f, Value namev, uint32_t pc) {
    CodeObj *co = f->code;
    DictObj *g = f->globals;
    DictObj *b = f->builtins ? f->builtins : ts->interp->builtins;
    InlineCache *ic = code_cache(co, pc);
    if (!ic) {
        return load_global(ts, f, as_str(namev));
    }
    GlobalCache *c = &ic->global;
    if (c->globals == g) {
        if (c->gindex >= 0) {
            if ((size_t)c->gindex < g->nentries && g->entries[c->gindex].key == namev) {
                return g->entries[c->gindex].value;
            }
        } else if (c->builtins == b && c->bindex >= 0 && (size_t)c->bindex < b->nentries &&
                   b->entries[c->bindex].key == namev) {
            Value tmp;
            if ((c->gversion == g->version && c->epoch == ts->interp->type_epoch) ||
                !dict_get_str(g, as_str(namev), &tmp)) {
                c->gversion = g->version;
                c->epoch = ts->interp->type_epoch;
                return b->entries[c->bindex].value;
            }
        }
    }
    Value v = load_global(ts, f, as_str(namev));
    if (v == CS_ERR) {
        return CS_ERR;
    }
    c->globals = g;
    c->builtins = b;
    c->gversion = g->version;
    c->epoch = ts->interp->type_epoch;
    c->gindex = entry_index(g, namev);
    c->bindex = c->gindex >= 0 ? -1 : entry_index(b, namev);
    return v;
}

// Is `obj.name` served by the instance dict alone (no data descriptor or
// custom attribute hook on the type)? Then the lookup can be cached.
static bool attr_cacheable(ThreadState *ts, TypeObj *t, StrObj *name) {
    if (t->getattr != type_object.getattr || t->setattr != type_object.setattr ||
        !t->dict_offset) {
        return false;
    }
    Value d = type_lookup(t, name);
    return d == CS_UNBOUND || !type_of(d)->descr_set;
}

static Value load_attr_cached(ThreadState *ts, CodeObj *co, uint32_t pc, Value obj,
                              StrObj *name) {
    TypeObj *t = type_of(obj);
    InlineCache *ic = code_cache(co, pc);
    if (ic && ic->attr.type == t && ic->attr.epoch == ts->interp->type_epoch) {
        DictObj *d = *(DictObj **)((char *)as_obj(obj) + t->dict_offset);
        int32_t i = ic->attr.index;
        if (d && (size_t)i < d->nentries && d->entries[i].key == obj_val(name)) {
            return d->entries[i].value;
        }
    }
    Value v = obj_getattr(ts, obj, name);
    if (v != CS_ERR && ic && is_obj(obj) && attr_cacheable(ts, t, name)) {
        DictObj *d = *(DictObj **)((char *)as_obj(obj) + t->dict_offset);
        int32_t i = d ? entry_index(d, obj_val(name)) : -1;
        if (i >= 0 && d->entries[i].value == v) {
            ic->attr.type = t;
            ic->attr.epoch = ts->interp->type_epoch;
            ic->attr.index = i;
        }
    }
    return v;
}

static int store_attr_cached(ThreadState *ts, CodeObj *co, uint32_t pc, Value obj, StrObj *name,
                             Value v) {
    TypeObj *t = type_of(obj);
    InlineCache *ic = code_cache(co, pc);
    if (ic && ic->attr.type == t && ic->attr.epoch == ts->interp->type_epoch) {
        DictObj *d = *(DictObj **)((char *)as_obj(obj) + t->dict_offset);
        int32_t i = ic->attr.index;
        if (d && (size_t)i < d->nentries && d->entries[i].key == obj_val(name)) {
            d->entries[i].value = v;
            d->version++;
            return 0;
        }
    }
    if (obj_setattr(ts, obj, name, v) < 0) {
        return -1;
    }
    if (ic && is_obj(obj) && attr_cacheable(ts, t, name)) {
        DictObj *d = *(DictObj **)((char *)as_obj(obj) + t->dict_offset);
        int32_t i = d ? entry_index(d, obj_val(name)) : -1;
        if (i >= 0) {
            ic->attr.type = t;
            ic->attr.epoch = ts->interp->type_epoch;
            ic->attr.index = i;
        }
    }
    return 0;
}

void vm_free_code_caches(CodeObj *c) {
    free(c->caches);
    c->caches = NULL;
}

// A SIGINT handler sets this process-wide flag; the main thread turns it
// into KeyboardInterrupt at the next eval-breaker check.
static volatile sig_atomic_t sigint_pending;

int vm_handle_breaker(ThreadState *ts) {
    Interp *interp = ts->interp;
    unsigned bits = atomic_load(&interp->eval_breaker);
    if (bits & BREAK_SIGNALS) {
        atomic_fetch_and(&interp->eval_breaker, ~(unsigned)BREAK_SIGNALS);
        if (sigint_pending && ts == interp->main_thread) {
            sigint_pending = 0;
            exc_raise_args(ts, exc_KeyboardInterrupt, NULL, 0);
            return -1;
        }
    }
    if (bits & BREAK_GC) {
        atomic_fetch_and(&interp->eval_breaker, ~(unsigned)BREAK_GC);
        gc_collect(ts);
    }
    if (bits & BREAK_FINALIZE) {
        atomic_fetch_and(&interp->eval_breaker, ~(unsigned)BREAK_FINALIZE);
        if (gc_run_reports(ts) > 0) {
            // What was kept for its finalizer is garbage now: free it at once.
            // Left to the next collection, it would count as live and set the
            // collector's pace (twice the live size), and abandoned
            // generators would grow the heap without bound.
            gc_collect(ts);
        }
    }
    return 0;
}

// The interpreter whose main thread receives SIGINT (set at start-up).
static Interp *sigint_interp;

static void on_sigint(int sig) {
    (void)sig;
    sigint_pending = 1;
    if (sigint_interp) {
        atomic_fetch_or(&sigint_interp->eval_breaker, BREAK_SIGNALS);
    }
}

void vm_install_sigint(Interp *interp) {
    sigint_interp = interp;
    struct sigaction sa;
    // An inherited SIG_IGN (a background job of a shell) stays, as in CPython.
    if (sigaction(SIGINT, NULL, &sa) == 0 && sa.sa_handler == SIG_IGN) {
        return;
    }
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_sigint;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
}

#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define SECOND() (sp[-2])
#define PEEK(n) (sp[-(ptrdiff_t)(n)])
#define SET_TOP(v) (sp[-1] = (v))
#define SAVE() (f->ip = ip, f->sp = sp)
#define LOAD() (ip = f->ip, sp = f->sp, co = f->code, locals = f->slots, consts = co->consts->items, \
                names = co->names->items)
#define CHECK(v)                                                                                   \
    do {                                                                                           \
        if ((v) == CS_ERR) {                                                                       \
            goto error;                                                                            \
        }                                                                                          \
    } while (0)
#define CHECK_INT(r)                                                                               \
    do {                                                                                           \
        if ((r) < 0) {                                                                             \
            goto error;                                                                            \
        }                                                                                          \
    } while (0)

#ifdef USE_COMPUTED_GOTO
#define TARGET(op) L_##op:
#define DISPATCH()                                                                                 \
    do {                                                                                           \
        ins = *ip++;                                                                               \
        arg = INSTR_ARG(ins);                                                                      \
        goto *dispatch_table[INSTR_OP(ins)];                                                       \
    } while (0)
#else
#define TARGET(op) case OP_##op:
#define DISPATCH() goto dispatch
#endif

// x op y for two C numbers of one type (small ints, or doubles where every
// comparison with a NaN is false but !=).
#define compare_numbers(op, x, y)                                                                  \
    ((op) == CMP_LT   ? (x) < (y)                                                                  \
     : (op) == CMP_LE ? (x) <= (y)                                                                 \
     : (op) == CMP_EQ ? (x) == (y)                                                                 \
     : (op) == CMP_NE ? (x) != (y)                                                                 \
     : (op) == CMP_GT ? (x) > (y)                                                                  \
                      : (x) >= (y))

// A jump; a backward one ends a loop iteration: reset the GC temps and
// poll the eval breaker (the compiler emits backward conditional jumps).
#define JUMP_TO(target)                                                                            \
    do {                                                                                           \
        uint32_t *to_ = co->code + (target);                                                       \
        if (to_ <= ip) {                                                                           \
            gc_temp_reset(ts, temps_base);                                                         \
            ip = to_;                                                                              \
            BREAKER_CHECK();                                                                       \
        } else {                                                                                   \
            ip = to_;                                                                              \
        }                                                                                          \
    } while (0)

#define BREAKER_CHECK()                                                                            \
    do {                                                                                           \
        if (atomic_load_explicit(&ts->interp->eval_breaker, memory_order_relaxed)) {              \
            SAVE();                                                                                \
            if (vm_handle_breaker(ts) < 0) {                                                       \
                goto error;                                                                        \
            }                                                                                      \
        }                                                                                          \
    } while (0)

static Value eval_frame(ThreadState *ts, Frame *entry, bool throwing, ResumeStatus *status) {
#ifdef USE_COMPUTED_GOTO
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Woverride-init"
    static void *const dispatch_table[256] = {
        [0 ... 255] = &&L_BAD_OPCODE,
#define OP(name, e, j, fl) [OP_##name] = &&L_##name,
#include "vm/opcodes.def"
#undef OP
    };
#pragma GCC diagnostic pop
#endif
    Frame *f = entry;
    CodeObj *co;
    Value *locals;
    Value *consts;
    Value *names;
    uint32_t *ip;
    Value *sp;
    uint32_t ins, arg;
    TupleObj *kwnames = NULL;
    size_t temps_base = gc_temp_mark(ts);
    LOAD();
    if (throwing) {
        goto error;
    }
    if (f->ip == co->code && f->gen == NULL) {
        BREAKER_CHECK();
    }

#ifdef USE_COMPUTED_GOTO
    DISPATCH();
#else
dispatch:
    ins = *ip++;
    arg = INSTR_ARG(ins);
    switch (INSTR_OP(ins)) {
#endif

    TARGET(NOP) {
        DISPATCH();
    }
    TARGET(POP_TOP) {
        sp--;
        DISPATCH();
    }
    TARGET(PUSH_NULL) {
        PUSH(CS_UNBOUND);
        DISPATCH();
    }
    TARGET(COPY) {
        Value v = PEEK(arg);
        PUSH(v);
        DISPATCH();
    }
    TARGET(SWAP) {
        Value t = TOP();
        sp[-1] = PEEK(arg);
        sp[-(int)arg] = t;
        DISPATCH();
    }
    TARGET(LOAD_CONST) {
        PUSH(consts[arg]);
        DISPATCH();
    }
    TARGET(LOAD_FAST) {
        Value v = locals[arg];
        if (v == CS_UNBOUND) {
            SAVE();
            exc_raise(ts, exc_UnboundLocalError,
                      "cannot access local variable '%U' where it is not associated with a value",
                      co->varnames->items[arg]);
            goto error;
        }
        PUSH(v);
        DISPATCH();
    }
    TARGET(STORE_FAST) {
        locals[arg] = POP();
        DISPATCH();
    }
    TARGET(DELETE_FAST) {
        if (locals[arg] == CS_UNBOUND) {
            SAVE();
            exc_raise(ts, exc_UnboundLocalError,
                      "cannot access local variable '%U' where it is not associated with a value",
                      co->varnames->items[arg]);
            goto error;
        }
        locals[arg] = CS_UNBOUND;
        DISPATCH();
    }
    TARGET(LOAD_DEREF) {
        CellObj *cell = (CellObj *)as_obj(locals[co->nlocals + arg]);
        Value v = cell->value;
        if (v == CS_UNBOUND) {
            SAVE();
            size_t ncell = co->cellvars->len;
            if (arg < ncell) {
                exc_raise(ts, exc_UnboundLocalError,
                          "cannot access local variable '%U' where it is not associated with a "
                          "value",
                          co->cellvars->items[arg]);
            } else {
                exc_raise(ts, exc_NameError,
                          "cannot access free variable '%U' where it is not associated with a "
                          "value in enclosing scope",
                          co->freevars->items[arg - ncell]);
            }
            goto error;
        }
        PUSH(v);
        DISPATCH();
    }
    TARGET(STORE_DEREF) {
        ((CellObj *)as_obj(locals[co->nlocals + arg]))->value = POP();
        DISPATCH();
    }
    TARGET(DELETE_DEREF) {
        CellObj *cell = (CellObj *)as_obj(locals[co->nlocals + arg]);
        if (cell->value == CS_UNBOUND) {
            SAVE();
            exc_raise(ts, exc_NameError, "name '%U' is not defined",
                      arg < co->cellvars->len ? co->cellvars->items[arg]
                                              : co->freevars->items[arg - co->cellvars->len]);
            goto error;
        }
        cell->value = CS_UNBOUND;
        DISPATCH();
    }
    TARGET(LOAD_CLOSURE) {
        PUSH(locals[co->nlocals + arg]);
        DISPATCH();
    }
    TARGET(LOAD_CLASSDEREF) {
        size_t ncell = co->cellvars->len;
        StrObj *name = as_str(arg < ncell ? co->cellvars->items[arg]
                                          : co->freevars->items[arg - ncell]);
        Value v;
        if (f->locals != CS_UNBOUND && dict_check(f->locals) &&
            dict_get_str(as_dict(f->locals), name, &v)) {
            PUSH(v);
            DISPATCH();
        }
        v = ((CellObj *)as_obj(locals[co->nlocals + arg]))->value;
        if (v == CS_UNBOUND) {
            SAVE();
            exc_raise(ts, exc_NameError,
                      "cannot access free variable '%U' where it is not associated with a value "
                      "in enclosing scope",
                      obj_val(name));
            goto error;
        }
        PUSH(v);
        DISPATCH();
    }
    TARGET(LOAD_GLOBAL) {
        SAVE();
        Value v = load_global_cached(ts, f, names[arg], (uint32_t)(ip - co->code - 1));
        CHECK(v);
        PUSH(v);
        DISPATCH();
    }
    TARGET(STORE_GLOBAL) {
        SAVE();
        CHECK_INT(dict_set_str(ts, f->globals, as_str(names[arg]), TOP()));
        sp--;
        DISPATCH();
    }
    TARGET(DELETE_GLOBAL) {
        SAVE();
        int r = dict_del(ts, f->globals, names[arg]);
        CHECK_INT(r);
        if (r == 0) {
            exc_raise(ts, exc_NameError, "name '%U' is not defined", names[arg]);
            goto error;
        }
        DISPATCH();
    }
    TARGET(LOAD_NAME) {
        SAVE();
        Value v = load_name(ts, f, as_str(names[arg]));
        CHECK(v);
        PUSH(v);
        DISPATCH();
    }
    TARGET(STORE_NAME) {
        SAVE();
        CHECK_INT(store_name(ts, f, as_str(names[arg]), TOP()));
        sp--;
        DISPATCH();
    }
    TARGET(DELETE_NAME) {
        SAVE();
        CHECK_INT(delete_name(ts, f, as_str(names[arg])));
        DISPATCH();
    }
    TARGET(LOAD_ATTR) {
        SAVE();
        Value v = load_attr_cached(ts, co, (uint32_t)(ip - co->code - 1), TOP(), as_str(names[arg]));
        CHECK(v);
        SET_TOP(v);
        DISPATCH();
    }
    TARGET(STORE_ATTR) {
        SAVE();
        CHECK_INT(store_attr_cached(ts, co, (uint32_t)(ip - co->code - 1), TOP(),
                                    as_str(names[arg]), SECOND()));
        sp -= 2;
        DISPATCH();
    }
    TARGET(DELETE_ATTR) {
        SAVE();
        CHECK_INT(obj_delattr(ts, TOP(), as_str(names[arg])));
        sp--;
        DISPATCH();
    }
    TARGET(LOAD_METHOD) {
        Value obj = TOP();
        StrObj *name = as_str(names[arg]);
        TypeObj *t = type_of(obj);
        SAVE();
        if (t->getattr == type_object.getattr) {
            Value descr = type_lookup(t, name);
            if (descr != CS_UNBOUND && (is_type_exact(descr, &type_function) ||
                                        is_type_exact(descr, &type_method_descriptor))) {
                DictObj **dp = obj_dict_ptr(obj);
                Value shadow;
                if (!dp || !*dp || !dict_get_str(*dp, name, &shadow)) {
                    SET_TOP(descr);
                    PUSH(obj);
                    DISPATCH();
                }
            }
        }
        Value v = obj_getattr(ts, obj, name);
        CHECK(v);
        SET_TOP(CS_UNBOUND);
        PUSH(v);
        DISPATCH();
    }
    TARGET(LOAD_BUILD_CLASS) {
        Value v;
        DictObj *b = f->builtins ? f->builtins : ts->interp->builtins;
        if (!dict_get_cstr(b, "__build_class__", &v)) {
            SAVE();
            exc_raise(ts, exc_NameError, "__build_class__ not found");
            goto error;
        }
        PUSH(v);
        DISPATCH();
    }
    TARGET(LOAD_ASSERTION_ERROR) {
        PUSH(obj_val(exc_AssertionError));
        DISPATCH();
    }
    TARGET(LOAD_LOCALS) {
        if (f->locals == CS_UNBOUND) {
            SAVE();
            exc_raise(ts, exc_SystemError, "no locals found");
            goto error;
        }
        PUSH(f->locals);
        DISPATCH();
    }
    TARGET(BINARY_SUBSCR) {
        Value key = TOP(), container = SECOND();
        if (is_type_exact(container, &type_list) && is_small_int(key)) {
            ListObj *l = as_list(container);
            int64_t i = as_small_int(key);
            if (i < 0) {
                i += (int64_t)l->len;
            }
            if (i >= 0 && (uint64_t)i < l->len) {
                sp--;
                SET_TOP(l->items[i]);
                DISPATCH();
            }
        }
        SAVE();
        Value v = obj_getitem(ts, container, key);
        CHECK(v);
        sp--;
        SET_TOP(v);
        DISPATCH();
    }
    TARGET(STORE_SUBSCR) {
        Value key = TOP(), container = SECOND(), v = PEEK(3);
        if (is_type_exact(container, &type_list) && is_small_int(key)) {
            ListObj *l = as_list(container);
            int64_t i = as_small_int(key);
            if (i < 0) {
                i += (int64_t)l->len;
            }
            if (i >= 0 && (uint64_t)i < l->len) {
                l->items[i] = v;
                sp -= 3;
                DISPATCH();
            }
        }
        SAVE();
        CHECK_INT(obj_setitem(ts, container, key, v));
        sp -= 3;
        DISPATCH();
    }
    TARGET(DELETE_SUBSCR) {
        SAVE();
        CHECK_INT(obj_delitem(ts, SECOND(), TOP()));
        sp -= 2;
        DISPATCH();
    }
    TARGET(BUILD_SLICE) {
        Value step = arg == 3 ? POP() : CS_NONE;
        Value stop = POP();
        Value start = TOP();
        SAVE();
        Value s = slice_new(ts, start, stop, step);
        CHECK(s);
        SET_TOP(s);
        DISPATCH();
    }
    TARGET(UNARY_POSITIVE) {
        SAVE();
        Value v = obj_unop(ts, TOP(), UNOP_POS);
        CHECK(v);
        SET_TOP(v);
        DISPATCH();
    }
    TARGET(UNARY_NEGATIVE) {
        Value a = TOP();
        if (is_small_int(a)) {
            SET_TOP(small_int_val(-as_small_int(a)));
            if (as_small_int(a) != SMALL_INT_MIN) {
                DISPATCH();
            }
        }
        if (is_float(a)) {
            SET_TOP(float_val(-as_float(a)));
            DISPATCH();
        }
        SAVE();
        Value v = obj_unop(ts, a, UNOP_NEG);
        CHECK(v);
        SET_TOP(v);
        DISPATCH();
    }
    TARGET(UNARY_NOT) {
        Value a = TOP();
        if (is_bool(a)) {
            SET_TOP(bool_val(a == CS_FALSE));
            DISPATCH();
        }
        SAVE();
        int t = obj_truthy(ts, a);
        CHECK_INT(t);
        SET_TOP(bool_val(!t));
        DISPATCH();
    }
    TARGET(UNARY_INVERT) {
        SAVE();
        Value v = obj_unop(ts, TOP(), UNOP_INVERT);
        CHECK(v);
        SET_TOP(v);
        DISPATCH();
    }
    TARGET(BINARY_OP) {
        Value b = TOP(), a = SECOND();
        if (is_small_int(a) && is_small_int(b)) {
            int64_t x = as_small_int(a), y = as_small_int(b), r;
            switch (arg & ~BINOP_INPLACE) {
            case BINOP_ADD:
                r = x + y;
                goto small_result;
            case BINOP_SUB:
                r = x - y;
                goto small_result;
            case BINOP_MUL:
                if (__builtin_mul_overflow(x, y, &r)) {
                    break;
                }
                goto small_result;
            case BINOP_AND:
                r = x & y;
                goto small_result;
            case BINOP_OR:
                r = x | y;
                goto small_result;
            case BINOP_XOR:
                r = x ^ y;
                goto small_result;
            case BINOP_RSHIFT:
                if (y < 0) {
                    break;
                }
                r = y > 63 ? (x < 0 ? -1 : 0) : x >> y;
                goto small_result;
            case BINOP_FLOORDIV:
                if (y == 0) {
                    break;
                }
                r = x / y;
                if ((x % y != 0) && ((x < 0) != (y < 0))) {
                    r--;
                }
                goto small_result;
            case BINOP_MOD:
                if (y == 0) {
                    break;
                }
                r = x % y;
                if (r != 0 && ((r < 0) != (y < 0))) {
                    r += y;
                }
                goto small_result;
            case BINOP_TRUEDIV:
                if (y == 0) {
                    break;
                }
                sp--;
                SET_TOP(float_val((double)x / (double)y));
                DISPATCH();
            default:
                break;
            }
            goto binop_slow;
        small_result:
            if (small_int_fits(r)) {
                sp--;
                SET_TOP(small_int_val(r));
                DISPATCH();
            }
            goto binop_slow;
        }
        if (is_float(a) && is_float(b)) {
            double x = as_float(a), y = as_float(b);
            switch (arg & ~BINOP_INPLACE) {
            case BINOP_ADD:
                sp--;
                SET_TOP(float_val(x + y));
                DISPATCH();
            case BINOP_SUB:
                sp--;
                SET_TOP(float_val(x - y));
                DISPATCH();
            case BINOP_MUL:
                sp--;
                SET_TOP(float_val(x * y));
                DISPATCH();
            case BINOP_TRUEDIV:
                if (y != 0.0) {
                    sp--;
                    SET_TOP(float_val(x / y));
                    DISPATCH();
                }
                break;
            default:
                break;
            }
        }
        if ((arg & ~BINOP_INPLACE) == BINOP_ADD && is_type_exact(a, &type_str) &&
            is_type_exact(b, &type_str)) {
            SAVE();
            Value v = str_concat(ts, a, b);
            CHECK(v);
            sp--;
            SET_TOP(v);
            DISPATCH();
        }
    binop_slow:
        SAVE();
        Value v = obj_binop(ts, a, b, (int)arg);
        CHECK(v);
        sp--;
        SET_TOP(v);
        DISPATCH();
    }
    TARGET(COMPARE_OP) {
        Value b = TOP(), a = SECOND();
        if (is_small_int(a) && is_small_int(b)) {
            sp--;
            SET_TOP(bool_val(compare_numbers((CmpOp)arg, as_small_int(a), as_small_int(b))));
            DISPATCH();
        }
        if (is_float(a) && is_float(b)) {
            sp--;
            SET_TOP(bool_val(compare_numbers((CmpOp)arg, as_float(a), as_float(b))));
            DISPATCH();
        }
        SAVE();
        Value v = obj_compare(ts, a, b, (CmpOp)arg);
        CHECK(v);
        sp--;
        SET_TOP(v);
        DISPATCH();
    }
    TARGET(IS_OP) {
        Value b = POP();
        bool r = TOP() == b;
        SET_TOP(bool_val(arg ? !r : r));
        DISPATCH();
    }
    TARGET(CONTAINS_OP) {
        SAVE();
        int r = obj_contains(ts, TOP(), SECOND());
        CHECK_INT(r);
        sp--;
        SET_TOP(bool_val(arg ? !r : r));
        DISPATCH();
    }
    TARGET(BUILD_TUPLE) {
        SAVE();
        Value t = tuple_from_array(ts, sp - arg, arg);
        CHECK(t);
        sp -= arg;
        PUSH(t);
        DISPATCH();
    }
    TARGET(BUILD_LIST) {
        SAVE();
        Value l = list_from_array(ts, sp - arg, arg);
        CHECK(l);
        sp -= arg;
        PUSH(l);
        DISPATCH();
    }
    TARGET(BUILD_SET) {
        SAVE();
        Value s = set_new(ts, CS_UNBOUND);
        CHECK(s);
        for (uint32_t i = 0; i < arg; i++) {
            CHECK_INT(set_add(ts, as_set(s), sp[-(int)arg + (int)i]));
        }
        sp -= arg;
        PUSH(s);
        DISPATCH();
    }
    TARGET(BUILD_MAP) {
        SAVE();
        Value d = dict_new_sized(ts, arg);
        CHECK(d);
        for (uint32_t i = 0; i < arg; i++) {
            Value *kv = sp - 2 * (int)arg + 2 * (int)i;
            CHECK_INT(dict_set(ts, as_dict(d), kv[0], kv[1]));
        }
        sp -= 2 * arg;
        PUSH(d);
        DISPATCH();
    }
    TARGET(BUILD_STRING) {
        SAVE();
        Value s = build_string(ts, sp - arg, arg);
        CHECK(s);
        sp -= arg;
        PUSH(s);
        DISPATCH();
    }
    TARGET(LIST_APPEND) {
        Value v = POP();
        SAVE();
        CHECK_INT(list_append(ts, as_list(PEEK(arg)), v));
        DISPATCH();
    }
    TARGET(SET_ADD) {
        Value v = POP();
        SAVE();
        CHECK_INT(set_add(ts, as_set(PEEK(arg)), v));
        DISPATCH();
    }
    TARGET(MAP_ADD) {
        Value v = POP();
        Value k = POP();
        SAVE();
        CHECK_INT(dict_set(ts, as_dict(PEEK(arg)), k, v));
        DISPATCH();
    }
    TARGET(LIST_EXTEND) {
        Value it = TOP();
        SAVE();
        if (list_extend(ts, as_list(PEEK(arg + 1)), it) < 0) {
            if (exc_matches(ts, exc_TypeError) && !type_of(it)->iter && !type_of(it)->getitem) {
                exc_clear(ts);
                exc_raise(ts, exc_TypeError, "Value after * must be an iterable, not %s",
                          obj_type_name(it));
            }
            goto error;
        }
        sp--;
        DISPATCH();
    }
    TARGET(SET_UPDATE) {
        SAVE();
        CHECK_INT(set_update(ts, as_set(PEEK(arg + 1)), TOP()));
        sp--;
        DISPATCH();
    }
    TARGET(DICT_UPDATE) {
        Value m = TOP();
        SAVE();
        if (dict_update(ts, as_dict(PEEK(arg + 1)), m) < 0) {
            if (exc_matches(ts, exc_AttributeError) || exc_matches(ts, exc_TypeError)) {
                if (!dict_check(m) && type_lookup(type_of(m), STR_NAME(ts, keys)) == CS_UNBOUND) {
                    exc_clear(ts);
                    exc_raise(ts, exc_TypeError, "'%s' object is not a mapping",
                              obj_type_name(m));
                }
            }
            goto error;
        }
        sp--;
        DISPATCH();
    }
    TARGET(DICT_MERGE) {
        SAVE();
        CHECK_INT(merge_kwargs(ts, as_dict(PEEK(arg + 1)), TOP(), PEEK(arg + 3)));
        sp--;
        DISPATCH();
    }
    TARGET(LIST_TO_TUPLE) {
        SAVE();
        Value t = list_as_tuple(ts, as_list(TOP()));
        CHECK(t);
        SET_TOP(t);
        DISPATCH();
    }
    TARGET(FORMAT_VALUE) {
        Value spec = (arg & 4) ? POP() : CS_UNBOUND;
        Value v = TOP();
        SAVE();
        switch (arg & 3) {
        case 1:
            v = obj_str(ts, v);
            break;
        case 2:
            v = obj_repr(ts, v);
            break;
        case 3:
            v = obj_ascii(ts, v);
            break;
        default:
            break;
        }
        CHECK(v);
        v = format_value(ts, v, spec);
        CHECK(v);
        SET_TOP(v);
        DISPATCH();
    }
    TARGET(UNPACK_SEQUENCE) {
        Value seq = TOP();
        if (is_type_exact(seq, &type_tuple) && as_tuple(seq)->len == arg) {
            TupleObj *t = as_tuple(seq);
            sp--;
            for (uint32_t i = arg; i > 0; i--) {
                PUSH(t->items[i - 1]);
            }
            DISPATCH();
        }
        SAVE();
        Value tmp[256];
        Value *buf = arg <= 256 ? tmp : gc_xmalloc(ts, arg * sizeof(Value));
        if (!buf) {
            goto error;
        }
        if (unpack_iterable(ts, seq, arg, 0, false, buf) < 0) {
            if (buf != tmp) {
                gc_xfree(ts->interp, buf, 0);
            }
            goto error;
        }
        sp--;
        for (uint32_t i = arg; i > 0; i--) {
            PUSH(buf[i - 1]);
        }
        if (buf != tmp) {
            gc_xfree(ts->interp, buf, 0);
        }
        DISPATCH();
    }
    TARGET(UNPACK_EX) {
        size_t before = arg & 0xFF, after = arg >> 8;
        size_t n = before + 1 + after;
        SAVE();
        Value *buf = gc_xmalloc(ts, n * sizeof(Value));
        if (!buf) {
            goto error;
        }
        if (unpack_iterable(ts, TOP(), before, after, true, buf) < 0) {
            gc_xfree(ts->interp, buf, 0);
            goto error;
        }
        sp--;
        for (size_t i = n; i > 0; i--) {
            PUSH(buf[i - 1]);
        }
        gc_xfree(ts->interp, buf, 0);
        DISPATCH();
    }
    TARGET(JUMP) {
        uint32_t *target = co->code + arg;
        if (target <= ip) {
            gc_temp_reset(ts, temps_base);
            ip = target;
            BREAKER_CHECK();
            DISPATCH();
        }
        ip = target;
        DISPATCH();
    }
    TARGET(POP_JUMP_IF_FALSE) {
        Value v = POP();
        if (v == CS_FALSE) {
            JUMP_TO(arg);
            DISPATCH();
        }
        if (v == CS_TRUE) {
            DISPATCH();
        }
        SAVE();
        int t = obj_truthy(ts, v);
        CHECK_INT(t);
        if (!t) {
            JUMP_TO(arg);
        }
        DISPATCH();
    }
    TARGET(POP_JUMP_IF_TRUE) {
        Value v = POP();
        if (v == CS_TRUE) {
            JUMP_TO(arg);
            DISPATCH();
        }
        if (v == CS_FALSE) {
            DISPATCH();
        }
        SAVE();
        int t = obj_truthy(ts, v);
        CHECK_INT(t);
        if (t) {
            JUMP_TO(arg);
        }
        DISPATCH();
    }
    TARGET(POP_JUMP_IF_NONE) {
        if (POP() == CS_NONE) {
            JUMP_TO(arg);
        }
        DISPATCH();
    }
    TARGET(POP_JUMP_IF_NOT_NONE) {
        if (POP() != CS_NONE) {
            JUMP_TO(arg);
        }
        DISPATCH();
    }
    TARGET(JUMP_IF_FALSE_OR_POP) {
        Value v = TOP();
        int t = v == CS_TRUE ? 1 : v == CS_FALSE ? 0 : -2;
        if (t == -2) {
            SAVE();
            t = obj_truthy(ts, v);
            CHECK_INT(t);
        }
        if (!t) {
            JUMP_TO(arg);
        } else {
            sp--;
        }
        DISPATCH();
    }
    TARGET(JUMP_IF_TRUE_OR_POP) {
        Value v = TOP();
        int t = v == CS_TRUE ? 1 : v == CS_FALSE ? 0 : -2;
        if (t == -2) {
            SAVE();
            t = obj_truthy(ts, v);
            CHECK_INT(t);
        }
        if (t) {
            JUMP_TO(arg);
        } else {
            sp--;
        }
        DISPATCH();
    }
    TARGET(GET_ITER) {
        SAVE();
        Value it = obj_iter(ts, TOP());
        CHECK(it);
        SET_TOP(it);
        DISPATCH();
    }
    TARGET(FOR_ITER) {
        Value it = TOP();
        SAVE();
        if (is_type_exact(it, &type_generator)) {
            GenObj *g = (GenObj *)as_obj(it);
            if (g->state == GEN_SUSPENDED || g->state == GEN_CREATED) {
                if (enter_recursion(ts) < 0) {
                    goto error;
                }
                // Run the generator's frame inline: it yields back here
                // (YIELD_VALUE) or ends, and then FOR_ITER runs again and
                // sees it closed.
                Value sent = gen_inline_enter(ts, g);
                Frame *gf = g->frame;
                gf->prev = f;
                gf->is_entry = 0;
                ts->frame = gf;
                if (sent != CS_UNBOUND) {
                    *gf->sp++ = sent;
                }
                f = gf;
                LOAD();
                DISPATCH();
            }
        }
        Value v = obj_next(ts, it);
        if (v == CS_STOP) {
            sp--;
            ip = co->code + arg;
            DISPATCH();
        }
        CHECK(v);
        PUSH(v);
        DISPATCH();
    }
    TARGET(RETURN_VALUE) {
        Value retval = POP();
        gc_temp_reset(ts, temps_base);
        if (f->gen && !f->is_entry) {
            // An inline generator ended. Under FOR_ITER: back to it, and it
            // finds the generator exhausted (a for loop drops the value).
            // Under SEND: the value replaces the receiver and SEND jumps
            // out of the delegation loop, as when send() returns.
            SAVE();
            GenObj *g = f->gen;
            Frame *caller = f->prev;
            ts->frame = caller;
            leave_recursion(ts);
            gen_inline_leave(ts, g, true, false);
            f = caller;
            LOAD();
            uint32_t resumer = ip[-1];
            if (INSTR_OP(resumer) == OP_SEND) {
                SET_TOP(retval);
                ip = co->code + INSTR_ARG(resumer);
            } else {
                ip--;
            }
            DISPATCH();
        }
        if (f->gen) {
            // Generator frames are always entry frames.
            SAVE();
            ts->frame = f->prev;
            leave_recursion(ts);
            if (status) {
                *status = RESUME_RETURN;
            }
            gc_temp_push(ts, retval);
            return retval;
        }
        if (f->init_self != CS_UNBOUND) {
            if (retval != CS_NONE) {
                SAVE();
                exc_raise(ts, exc_TypeError, "__init__() should return None, not '%s'",
                          obj_type_name(retval));
                goto error;
            }
            retval = f->init_self;
        }
        Frame *caller = f->prev;
        bool was_entry = f->is_entry;
        pop_frame(ts, f);
        if (was_entry) {
            gc_temp_push(ts, retval);
            return retval;
        }
        f = caller;
        LOAD();
        PUSH(retval);
        DISPATCH();
    }
    TARGET(KW_NAMES) {
        kwnames = as_tuple(consts[arg]);
        DISPATCH();
    }
    TARGET(CALL) {
        Value *base = sp - arg - 2;
        Value callable;
        Value *args;
        size_t nargs;
        if (base[0] == CS_UNBOUND) {
            callable = base[1];
            args = base + 2;
            nargs = arg;
            if (is_type_exact(callable, &type_method)) {
                MethodObj *m = (MethodObj *)as_obj(callable);
                base[0] = m->func;
                base[1] = m->self;
                callable = m->func;
                args = base + 1;
                nargs = arg + 1;
            }
        } else {
            callable = base[0];
            args = base + 1;
            nargs = arg + 1;
        }
        TupleObj *kw = kwnames;
        kwnames = NULL;
        if (kw) {
            nargs -= kw->len;
        }
        SAVE();
        if (is_plain_function(callable)) {
            f->sp = base;
            Frame *nf = push_call_frame(ts, (FuncObj *)as_obj(callable), args, nargs, kw);
            if (!nf) {
                f->sp = sp;
                goto error;
            }
            f = nf;
            LOAD();
            BREAKER_CHECK();
            DISPATCH();
        }
        Value init;
        if (base[0] == CS_UNBOUND && is_type_exact(callable, &type_type) &&
            type_plain_init(ts, (TypeObj *)as_obj(callable), &init)) {
            // Class instantiation: allocate, then run __init__ on the frame stack.
            Value self = type_generic_alloc(ts, (TypeObj *)as_obj(callable));
            base[0] = init;
            base[1] = self;
            f->sp = base;
            Frame *nf = push_call_frame(ts, (FuncObj *)as_obj(init), base + 1, nargs + 1, kw);
            if (!nf) {
                f->sp = sp;
                goto error;
            }
            nf->init_self = self;
            f = nf;
            LOAD();
            BREAKER_CHECK();
            DISPATCH();
        }
        Value r = obj_call(ts, callable, args, nargs, kw);
        CHECK(r);
        sp = base;
        PUSH(r);
        gc_temp_reset(ts, temps_base);
        DISPATCH();
    }
    TARGET(CALL_FUNCTION_EX) {
        Value kwd = (arg & 1) ? POP() : CS_UNBOUND;
        Value argt = POP();
        Value callable = POP();
        sp--; // the NULL
        PUSH(callable);
        PUSH(argt);
        if (kwd != CS_UNBOUND) {
            PUSH(kwd);
        }
        SAVE();
        if (is_plain_function(callable) && kwd == CS_UNBOUND &&
            is_type_exact(argt, &type_tuple)) {
            Value *base = sp - 2;
            f->sp = base;
            Frame *nf = push_call_frame(ts, (FuncObj *)as_obj(callable), as_tuple(argt)->items,
                                        as_tuple(argt)->len, NULL);
            if (!nf) {
                f->sp = sp;
                goto error;
            }
            f = nf;
            LOAD();
            BREAKER_CHECK();
            DISPATCH();
        }
        Value r = call_function_ex(ts, callable, argt, kwd);
        CHECK(r);
        sp -= (kwd != CS_UNBOUND) ? 2 : 1;
        SET_TOP(r);
        gc_temp_reset(ts, temps_base);
        DISPATCH();
    }
    TARGET(MAKE_FUNCTION) {
        Value code = POP();
        SAVE();
        Value fv = func_new(ts, (CodeObj *)as_obj(code), f->globals, CS_UNBOUND);
        CHECK(fv);
        FuncObj *fn = (FuncObj *)as_obj(fv);
        if (f->builtins) {
            fn->builtins = f->builtins;
        }
        if (arg & 8) {
            fn->closure = as_tuple(POP());
        }
        if (arg & 4) {
            fn->annotations = POP();
        }
        if (arg & 2) {
            fn->kwdefaults = as_dict(POP());
        }
        if (arg & 1) {
            fn->defaults = as_tuple(POP());
        }
        PUSH(fv);
        DISPATCH();
    }
    TARGET(RETURN_GENERATOR) {
        SAVE();
        exc_raise(ts, exc_SystemError, "RETURN_GENERATOR is not used");
        goto error;
    }
    TARGET(PUSH_EXC_INFO) {
        Value exc = TOP();
        SET_TOP(ts->handled);
        PUSH(exc);
        ts->handled = exc;
        DISPATCH();
    }
    TARGET(POP_EXCEPT) {
        ts->handled = POP();
        DISPATCH();
    }
    TARGET(CHECK_EXC_MATCH) {
        SAVE();
        int r = exc_match(ts, SECOND(), TOP());
        CHECK_INT(r);
        SET_TOP(bool_val(r));
        DISPATCH();
    }
    TARGET(RERAISE) {
        Value exc = POP();
        SAVE();
        exc_restore(ts, exc);
        goto exception_unwind;
    }
    TARGET(RAISE_VARARGS) {
        SAVE();
        if (arg == 0) {
            Value h = ts_handled(ts);
            if (h == CS_NONE) {
                exc_raise(ts, exc_RuntimeError, "No active exception to reraise");
                goto error;
            }
            exc_restore(ts, h);
            goto exception_unwind;
        }
        Value cause = arg == 2 ? POP() : CS_UNBOUND;
        Value exc = POP();
        if (cause != CS_UNBOUND) {
            if (is_obj(cause) && (type_of(cause)->flags & TYPE_TYPE_SUBCLASS)) {
                cause = obj_call0(ts, cause);
                CHECK(cause);
            } else if (cause != CS_NONE && !exc_is_instance(cause, exc_BaseException)) {
                exc_raise(ts, exc_TypeError,
                          "exception causes must derive from BaseException");
                goto error;
            }
            gc_temp_push(ts, cause);
            if (is_obj(exc) && (type_of(exc)->flags & TYPE_TYPE_SUBCLASS)) {
                exc = obj_call0(ts, exc);
                CHECK(exc);
            }
            if (exc_is_instance(exc, exc_BaseException)) {
                ExcObj *e = (ExcObj *)as_obj(exc);
                e->cause = cause;
                e->suppress_context = true;
            }
        }
        exc_raise_value(ts, exc);
        goto error;
    }
    TARGET(BEFORE_WITH) {
        SAVE();
        Value exitf = CS_UNBOUND;
        Value r = before_with(ts, TOP(), &exitf);
        CHECK(r);
        SET_TOP(exitf);
        PUSH(r);
        DISPATCH();
    }
    TARGET(WITH_EXCEPT_START) {
        Value exc = TOP();
        Value exitf = PEEK(3);
        SAVE();
        ExcObj *e = (ExcObj *)as_obj(exc);
        Value args[3] = {obj_val(type_of(exc)), exc,
                         e->traceback ? obj_val(e->traceback) : CS_NONE};
        Value r = obj_call(ts, exitf, args, 3, NULL);
        CHECK(r);
        PUSH(r);
        DISPATCH();
    }
    TARGET(BEFORE_ASYNC_WITH) {
        SAVE();
        Value exitf = CS_UNBOUND;
        Value r = before_async_with(ts, TOP(), &exitf);
        CHECK(r);
        SET_TOP(exitf);
        PUSH(r);
        DISPATCH();
    }
    TARGET(SETUP_ANNOTATIONS) {
        SAVE();
        if (f->locals == CS_UNBOUND || !dict_check(f->locals)) {
            exc_raise(ts, exc_SystemError, "no locals found when setting up annotations");
            goto error;
        }
        Value a;
        if (!dict_get_str(as_dict(f->locals), STR_NAME(ts, __annotations__), &a)) {
            Value d = dict_new(ts);
            CHECK_INT(dict_set_str(ts, as_dict(f->locals), STR_NAME(ts, __annotations__), d));
        }
        DISPATCH();
    }
    TARGET(CLEANUP_THROW) {
        SAVE();
        exc_raise(ts, exc_SystemError, "CLEANUP_THROW is not used");
        goto error;
    }
    TARGET(YIELD_VALUE) {
        Value v = POP();
        SAVE();
        if (!f->is_entry) {
            // An inline generator (see FOR_ITER) hands v to its loop.
            GenObj *g = f->gen;
            Frame *caller = f->prev;
            ts->frame = caller;
            leave_recursion(ts);
            gen_inline_leave(ts, g, false, false);
            f = caller;
            LOAD();
            PUSH(v);
            DISPATCH();
        }
        ts->frame = f->prev;
        leave_recursion(ts);
        gc_temp_reset(ts, temps_base);
        if (status) {
            *status = RESUME_YIELD;
        }
        gc_temp_push(ts, v);
        return v;
    }
    TARGET(GET_YIELD_FROM_ITER) {
        Value v = TOP();
        if (!gen_is_generator_like(v)) {
            if (is_type_exact(v, &type_coroutine)) {
                SAVE();
                exc_raise(ts, exc_TypeError,
                          "cannot 'yield from' a coroutine object in a non-coroutine generator");
                goto error;
            }
            SAVE();
            Value it = obj_iter(ts, v);
            CHECK(it);
            SET_TOP(it);
        } else if (is_type_exact(v, &type_coroutine) &&
                   !(co->flags & (CO_COROUTINE | CO_ITERABLE_COROUTINE))) {
            SAVE();
            exc_raise(ts, exc_TypeError,
                      "cannot 'yield from' a coroutine object in a non-coroutine generator");
            goto error;
        }
        DISPATCH();
    }
    TARGET(SEND) {
        Value v = TOP();
        Value receiver = SECOND();
        SAVE();
        if (gen_is_generator_like(receiver)) {
            GenObj *g = (GenObj *)as_obj(receiver);
            if (g->state == GEN_SUSPENDED || (g->state == GEN_CREATED && v == CS_NONE)) {
                // yield from / await on a generator or coroutine: run its
                // frame inline, as FOR_ITER does. A yield comes back here
                // as SEND's result; the end comes back through RETURN_VALUE.
                if (enter_recursion(ts) < 0) {
                    goto error;
                }
                sp--;
                SAVE();
                Value sent = gen_inline_enter(ts, g);
                Frame *gf = g->frame;
                gf->prev = f;
                gf->is_entry = 0;
                ts->frame = gf;
                if (sent != CS_UNBOUND) {
                    *gf->sp++ = v;
                }
                f = gf;
                LOAD();
                DISPATCH();
            }
        }
        Value out;
        ResumeStatus st = gen_send_any(ts, receiver, v, &out);
        if (st == RESUME_ERROR) {
            goto error;
        }
        if (st == RESUME_RETURN) {
            sp--;
            SET_TOP(out);
            ip = co->code + arg;
            DISPATCH();
        }
        SET_TOP(out);
        DISPATCH();
    }
    TARGET(GET_AWAITABLE) {
        SAVE();
        Value it = gen_get_awaitable(ts, TOP(), (int)arg);
        CHECK(it);
        SET_TOP(it);
        DISPATCH();
    }
    TARGET(GET_AITER) {
        SAVE();
        Value it = gen_get_aiter(ts, TOP());
        CHECK(it);
        SET_TOP(it);
        DISPATCH();
    }
    TARGET(GET_ANEXT) {
        SAVE();
        Value aw = gen_get_anext(ts, TOP());
        CHECK(aw);
        PUSH(aw);
        DISPATCH();
    }
    TARGET(END_ASYNC_FOR) {
        Value exc = POP();
        if (exc_is_instance(exc, exc_StopAsyncIteration)) {
            sp--;
            DISPATCH();
        }
        SAVE();
        exc_restore(ts, exc);
        goto exception_unwind;
    }
    TARGET(ASYNC_GEN_WRAP) {
        SAVE();
        Value w = gen_async_wrap(ts, TOP());
        CHECK(w);
        SET_TOP(w);
        DISPATCH();
    }
    TARGET(IMPORT_NAME) {
        Value fromlist = POP();
        Value level = TOP();
        SAVE();
        Value m = import_name(ts, names[arg], f->globals, fromlist, level);
        CHECK(m);
        SET_TOP(m);
        DISPATCH();
    }
    TARGET(IMPORT_FROM) {
        SAVE();
        Value v = import_from(ts, TOP(), as_str(names[arg]));
        CHECK(v);
        PUSH(v);
        DISPATCH();
    }
    TARGET(IMPORT_STAR) {
        SAVE();
        CHECK_INT(import_star(ts, TOP(), f->locals));
        sp--;
        DISPATCH();
    }
    TARGET(PRINT_EXPR) {
        Value v = TOP();
        SAVE();
        if (v != CS_NONE) {
            Value hook;
            if (dict_get_cstr(ts->interp->builtins, "__displayhook__", &hook)) {
                CHECK(obj_call1(ts, hook, v));
            } else {
                Value r = obj_repr(ts, v);
                CHECK(r);
                fputs(str_cstr(r), stdout);
                fputc('\n', stdout);
                CHECK_INT(dict_set_cstr(ts, ts->interp->builtins, "_", v));
            }
        }
        sp--;
        DISPATCH();
    }
#ifdef USE_COMPUTED_GOTO
L_BAD_OPCODE:
#else
    default:
#endif
    SAVE();
    exc_raise(ts, exc_SystemError, "unknown opcode %d", (int)INSTR_OP(ins));
    goto error;
#ifndef USE_COMPUTED_GOTO
    }
#endif

error:
    // Record where the exception passed through this frame, then unwind.
    if (ts->exc == CS_UNBOUND) {
        exc_raise(ts, exc_SystemError, "error return without exception set");
    }
    f->ip = ip;
    exc_add_traceback(ts, ts->exc, obj_val(co), frame_lineno(f));
exception_unwind:
    for (;;) {
        uint32_t pc = (uint32_t)(ip - co->code - 1);
        const ExcTableEntry *h = NULL;
        for (uint32_t i = 0; i < co->nexc; i++) {
            const ExcTableEntry *e = &co->exc_table[i];
            if (pc >= e->start && pc < e->end) {
                h = e;
                break;
            }
        }
        if (h) {
            sp = frame_stack_base(f) + h->depth;
            PUSH(exc_fetch(ts));
            ip = co->code + h->target;
            gc_temp_reset(ts, temps_base);
            DISPATCH();
        }
        // No handler here: pop the frame and continue in the caller.
        bool was_entry = f->is_entry;
        Frame *caller = f->prev;
        if (f->gen) {
            SAVE();
            ts->frame = f->prev;
            leave_recursion(ts);
            if (!f->is_entry) {
                gen_inline_leave(ts, f->gen, true, true);
            }
        } else {
            pop_frame(ts, f);
        }
        if (was_entry) {
            gc_temp_reset(ts, temps_base);
            if (status) {
                *status = RESUME_ERROR;
            }
            return CS_ERR;
        }
        f = caller;
        LOAD();
        f->ip = ip;
        exc_add_traceback(ts, ts->exc, obj_val(co), frame_lineno(f));
    }
}
