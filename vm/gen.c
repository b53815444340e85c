// Generators, coroutines and async generators: each owns a suspended frame
// in its own tail; send/throw/close resume it through vm_resume_frame. The
// yield-from / await delegation lives in the bytecode (SEND + YIELD_VALUE
// 1); throw() and close() reach into it here, as CPython's _gen_throw does.
#include "vm/gen.h"

#include <stdio.h>
#include <string.h>

#include "vm/dict.h"
#include "vm/exc.h"
#include "vm/frameobj.h"
#include "vm/gc.h"
#include "vm/import.h"
#include "vm/list.h"
#include "vm/names.h"
#include "vm/opcodes.h"
#include "vm/str.h"
#include "vm/typeobj.h"

#define GEN_FRAME_OFFSET ((sizeof(GenObj) + 15) & ~(size_t)15)

static const char *kind_name(GenObj *g) {
    switch (g->kind) {
    case GEN_KIND_COROUTINE:
        return "coroutine";
    case GEN_KIND_ASYNC_GENERATOR:
        return "async generator";
    default:
        return "generator";
    }
}

static void gen_trace(Obj *o, GcState *gc) {
    GenObj *g = (GenObj *)o;
    gc_mark_obj(gc, (Obj *)g->name);
    gc_mark_obj(gc, (Obj *)g->qualname);
    gc_mark_value(gc, g->handled);
    gc_mark_value(gc, g->awaited);
    gc_mark_value(gc, g->frame_obj);
    gc_mark_value(gc, g->caller_handled);
    gc_mark_value(gc, g->handled_at_entry);
    if (g->frame && g->state == GEN_CLOSED) {
        // A finished frame's slots are dead: keep only what repr and
        // gi_code need, so a finished coroutine holds nothing else alive.
        gc_mark_obj(gc, (Obj *)g->frame->code);
        gc_mark_obj(gc, (Obj *)g->frame->func);
        gc_mark_obj(gc, (Obj *)g->frame->globals);
        gc_mark_obj(gc, (Obj *)g->frame->builtins);
    } else if (g->frame) {
        frame_trace(g->frame, gc);
    }
}

static void watch(ThreadState *ts, GenObj *g);

Value gen_new(ThreadState *ts, FuncObj *f, const Value *args, size_t nargs, TupleObj *kwnames) {
    CodeObj *co = f->code;
    TypeObj *type = &type_generator;
    uint8_t kind = GEN_KIND_GENERATOR;
    if (co->flags & CO_COROUTINE) {
        type = &type_coroutine;
        kind = GEN_KIND_COROUTINE;
    } else if (co->flags & CO_ASYNC_GENERATOR) {
        type = &type_async_generator;
        kind = GEN_KIND_ASYNC_GENERATOR;
    }
    size_t size = GEN_FRAME_OFFSET + sizeof(Frame) + frame_nslots(co) * sizeof(Value);
    GenObj *g = gc_alloc(ts, type, size);
    g->kind = kind;
    g->state = GEN_CREATED;
    g->name = f->name;
    g->qualname = f->qualname;
    g->handled = CS_NONE;
    g->awaited = CS_NONE;
    g->frame_obj = CS_NONE;
    g->caller_handled = CS_NONE;
    g->handled_at_entry = CS_NONE;
    Frame *fr = (Frame *)((char *)g + GEN_FRAME_OFFSET);
    vm_frame_init(fr, f, co, f->globals, CS_UNBOUND);
    fr->on_stack = 0;
    fr->gen = g;
    g->frame = fr;
    if (vm_bind_args(ts, f, fr->slots, args, nargs, kwnames) < 0) {
        g->state = GEN_CLOSED;
        return CS_ERR;
    }
    if (kind == GEN_KIND_COROUTINE) {
        watch(ts, g); // for "coroutine ... was never awaited"
    }
    return obj_val(g);
}

bool gen_is_generator_like(Value v) {
    return is_type_exact(v, &type_generator) || is_type_exact(v, &type_coroutine);
}

// Releases what a finished frame holds so the garbage can go (and nothing
// is left to finalize).
static void gen_finish(GenObj *g) {
    g->state = GEN_CLOSED;
    gc_unwatch(&g->hdr);
    Frame *f = g->frame;
    for (uint32_t i = 0; i < f->nslots; i++) {
        f->slots[i] = CS_UNBOUND;
    }
    f->sp = frame_stack_base(f);
}

// "generator raised StopIteration" (PEP 479) and its async/coroutine forms.
static void convert_stop(ThreadState *ts, GenObj *g) {
    TypeObj *bad = g->kind == GEN_KIND_ASYNC_GENERATOR ? exc_StopAsyncIteration
                                                       : exc_StopIteration;
    if (!exc_matches(ts, bad) &&
        !(g->kind == GEN_KIND_ASYNC_GENERATOR && exc_matches(ts, exc_StopIteration))) {
        return;
    }
    Value cause = exc_fetch(ts);
    gc_temp_push(ts, cause); // exc_new below may collect
    const char *what = exc_is_instance(cause, exc_StopAsyncIteration) ? "StopAsyncIteration"
                                                                      : "StopIteration";
    Value e = exc_new(ts, exc_RuntimeError, "%s raised %s", kind_name(g), what);
    if (e == CS_ERR) {
        return;
    }
    ExcObj *eo = (ExcObj *)as_obj(e);
    eo->cause = cause;
    eo->context = cause;
    eo->suppress_context = true;
    exc_restore(ts, e);
}

static Value delegate_of(GenObj *g);

// Whether closing the generator where it is suspended now could run any of
// its code: it is inside a try/with (an exception-table range) or
// delegating (yield from/await). Only such generators need closing when
// they become garbage.
static bool close_is_observable(GenObj *g) {
    if (delegate_of(g) != CS_UNBOUND) {
        return true;
    }
    CodeObj *co = g->frame->code;
    uint32_t pc = (uint32_t)(g->frame->ip - co->code - 1);
    for (uint32_t i = 0; i < co->nexc; i++) {
        if (co->exc_table[i].start <= pc && pc < co->exc_table[i].end) {
            return true;
        }
    }
    return false;
}

// The generator runs on its own exception-handling level: ts->handled is its
// own handled exception, and what the caller handles moves to handled_outer
// (so PUSH_EXC_INFO inside saves the generator's value, never the caller's
// of the moment). Both saved values stay rooted as temps until we return.
static ResumeStatus resume(ThreadState *ts, GenObj *g, Value sent, bool throwing, Value *out) {
    Value saved = ts->handled;
    Value saved_outer = ts->handled_outer;
    size_t temps = gc_temp_mark(ts);
    if (is_obj(saved)) {
        gc_temp_push(ts, saved);
        ts->handled_outer = saved;
    }
    if (is_obj(saved_outer)) {
        gc_temp_push(ts, saved_outer);
    }
    ts->handled = g->handled;
    g->state = GEN_RUNNING;
    g->awaited_once = true;
    ResumeStatus st = vm_resume_frame(ts, g->frame, sent, throwing, out);
    g->handled = st == RESUME_YIELD ? ts->handled : CS_NONE;
    ts->handled = saved; // rooted by the collector again (ts->handled)
    ts->handled_outer = saved_outer; // rooted by an outer resume's temps
    gc_temp_reset(ts, temps);
    if (st != RESUME_ERROR && is_obj(*out)) {
        gc_temp_push(ts, *out);
    }
    if (st == RESUME_YIELD) {
        g->state = GEN_SUSPENDED;
        // Watched exactly while collecting it would have to close it.
        gen_inline_suspended(ts, g);
        return st;
    }
    gen_finish(g);
    if (st == RESUME_ERROR) {
        convert_stop(ts, g);
    } else {
        // The finished frame is no longer traced (gen_trace): root the value.
        gc_temp_push(ts, *out);
    }
    return st;
}

// The eval loop's inline resumption (FOR_ITER, vm/gen.h gen_inline_enter):
// the same exception-level and finalization bookkeeping as resume().
void gen_inline_suspended(ThreadState *ts, GenObj *g) {
    // Fast path: never watched, no try/with in the code, not delegating.
    if (!(g->hdr.gc_flags & GC_WATCHED) && g->frame->code->nexc == 0 &&
        !(INSTR_OP(g->frame->ip[-1]) == OP_YIELD_VALUE && INSTR_ARG(g->frame->ip[-1]) == 1)) {
        return;
    }
    if (!g->finalized) {
        if (close_is_observable(g)) {
            watch(ts, g);
        } else {
            gc_unwatch(&g->hdr);
        }
    }
}

void gen_inline_finish(ThreadState *ts, GenObj *g, bool error) {
    gen_finish(g);
    if (error) {
        convert_stop(ts, g);
    }
}

static int check_running(ThreadState *ts, GenObj *g) {
    if (g->state == GEN_RUNNING) {
        return exc_raise_int(ts, exc_ValueError, "%s already executing", kind_name(g));
    }
    return 0;
}

ResumeStatus gen_send_ex(ThreadState *ts, GenObj *g, Value v, Value *out) {
    if (check_running(ts, g) < 0) {
        return RESUME_ERROR;
    }
    if (g->state == GEN_CLOSED) {
        if (g->kind == GEN_KIND_COROUTINE) {
            exc_raise(ts, exc_RuntimeError, "cannot reuse already awaited coroutine");
            return RESUME_ERROR;
        }
        *out = CS_NONE;
        return RESUME_RETURN;
    }
    if (g->state == GEN_CREATED && v != CS_NONE && v != CS_UNBOUND) {
        exc_raise(ts, exc_TypeError, "can't send non-None value to a just-started %s",
                  kind_name(g));
        return RESUME_ERROR;
    }
    return resume(ts, g, g->state == GEN_CREATED ? CS_UNBOUND : (v == CS_UNBOUND ? CS_NONE : v),
                  false, out);
}

// The delegation target when g is suspended inside yield-from/await.
static Value delegate_of(GenObj *g) {
    if (g->state != GEN_SUSPENDED) {
        return CS_UNBOUND;
    }
    Frame *f = g->frame;
    uint32_t prev = f->ip[-1];
    if (INSTR_OP(prev) == OP_YIELD_VALUE && INSTR_ARG(prev) == 1) {
        return f->sp[-1];
    }
    return CS_UNBOUND;
}

// The delegated-to iterator finished with `value`: leave the SEND loop as
// SEND itself would have (replace the receiver with value, jump past).
static ResumeStatus finish_delegation(ThreadState *ts, GenObj *g, Value value, Value *out) {
    Frame *f = g->frame;
    uint32_t jump = f->ip[0];
    uint32_t send = f->code->code[INSTR_ARG(jump)];
    f->sp[-1] = value;
    f->ip = f->code->code + INSTR_ARG(send);
    return resume(ts, g, CS_UNBOUND, false, out);
}

static int close_iter(ThreadState *ts, Value it) {
    if (gen_is_generator_like(it) || is_type_exact(it, &type_async_generator)) {
        Value out;
        GenObj *g = (GenObj *)as_obj(it);
        if (g->state == GEN_CREATED || g->state == GEN_CLOSED) {
            gen_finish(g); // its slots are no longer traced (gen_trace)
            return 0;
        }
        Value exc = exc_new(ts, exc_GeneratorExit, "");
        if (exc == CS_ERR) {
            return -1;
        }
        ((ExcObj *)as_obj(exc))->args = tuple_empty(ts);
        ResumeStatus st = gen_throw_ex(ts, g, exc, &out);
        if (st == RESUME_YIELD) {
            return exc_raise_int(ts, exc_RuntimeError, "%s ignored GeneratorExit", kind_name(g));
        }
        if (st == RESUME_ERROR) {
            if (exc_matches(ts, exc_GeneratorExit) || exc_matches(ts, exc_StopIteration)) {
                exc_clear(ts);
                return 0;
            }
            return -1;
        }
        return 0;
    }
    Value m = obj_lookup_attr(ts, it, STR_NAME(ts, close));
    if (m == CS_ERR) {
        return -1;
    }
    if (m == CS_UNBOUND) {
        return 0;
    }
    return obj_call0(ts, m) == CS_ERR ? -1 : 0;
}

static Value make_throw_exc(ThreadState *ts, const Value *args, size_t nargs);

// throw(typ[, val[, tb]]) as given: a delegate that is not a generator gets
// the arguments unchanged (its own throw() method is called with them), so
// they are turned into an exception only where it is raised (CPython's
// _gen_throw). A GeneratorExit closes the delegate when close_on_genexit
// (throw(), close()); athrow()/aclose() throw it in like any exception.
static ResumeStatus throw_args(ThreadState *ts, GenObj *g, const Value *args, size_t nargs,
                               bool close_on_genexit, Value *out) {
    Value yf = delegate_of(g);
    if (yf != CS_UNBOUND) {
        gc_temp_push(ts, yf);
        Value typ = args[0];
        bool genexit = exc_is_instance(typ, exc_GeneratorExit) ||
                       (is_obj(typ) && (type_of(typ)->flags & TYPE_TYPE_SUBCLASS) &&
                        type_is_subtype((TypeObj *)as_obj(typ), exc_GeneratorExit));
        if (genexit && close_on_genexit) {
            g->state = GEN_RUNNING;
            int r = close_iter(ts, yf);
            g->state = GEN_SUSPENDED;
            if (r < 0) {
                return resume(ts, g, CS_UNBOUND, true, out);
            }
        } else {
            ResumeStatus st;
            Value r;
            g->state = GEN_RUNNING;
            if (gen_is_generator_like(yf) || is_type_exact(yf, &type_async_generator)) {
                st = throw_args(ts, (GenObj *)as_obj(yf), args, nargs, close_on_genexit, &r);
            } else {
                Value m = obj_lookup_attr(ts, yf, STR_NAME(ts, throw));
                if (m == CS_ERR) {
                    g->state = GEN_SUSPENDED;
                    return resume(ts, g, CS_UNBOUND, true, out);
                }
                if (m == CS_UNBOUND) {
                    g->state = GEN_SUSPENDED;
                    goto throw_here;
                }
                r = obj_call(ts, m, args, nargs, NULL);
                if (r == CS_ERR) {
                    st = RESUME_ERROR;
                    if (exc_matches(ts, exc_StopIteration)) {
                        Value si = exc_fetch(ts);
                        r = exc_get_value(si);
                        st = RESUME_RETURN;
                    }
                } else {
                    st = RESUME_YIELD;
                }
            }
            g->state = GEN_SUSPENDED;
            if (st == RESUME_YIELD) {
                *out = r;
                return RESUME_YIELD;
            }
            if (st == RESUME_RETURN) {
                return finish_delegation(ts, g, r, out);
            }
            return resume(ts, g, CS_UNBOUND, true, out);
        }
    }
throw_here:;
    Value exc = make_throw_exc(ts, args, nargs);
    if (exc == CS_ERR) {
        return RESUME_ERROR;
    }
    if (check_running(ts, g) < 0) {
        return RESUME_ERROR;
    }
    if (g->state == GEN_CLOSED) {
        if (g->kind == GEN_KIND_COROUTINE) {
            // As send(): the thrown exception is dropped (close() never gets here).
            exc_raise(ts, exc_RuntimeError, "cannot reuse already awaited coroutine");
            return RESUME_ERROR;
        }
        exc_restore(ts, exc);
        return RESUME_ERROR;
    }
    exc_restore(ts, exc);
    return resume(ts, g, CS_UNBOUND, true, out);
}

ResumeStatus gen_throw_ex(ThreadState *ts, GenObj *g, Value exc, Value *out) {
    return throw_args(ts, g, &exc, 1, true, out);
}

// ---------------------------------------------------------------------------
// Finalization (CPython's _PyGen_Finalize)
//
// A generator that is garbage while suspended where closing it would run
// its code, and a coroutine that was never awaited, are watched by the
// collector (gc_watch). When one is found unreachable it is kept alive and
// gen_on_death runs at the next safe point: the coroutine warning goes
// through warnings._warn_unawaited_coroutine (so filters and
// catch_warnings see it); anything else is closed, as CPython does when the
// last reference goes. CPython does that at once; here it waits for a
// collection (gc.collect(), the allocation trigger) or interpreter exit.

// CPython's PyErr_WriteUnraisable: "Exception ignored in: <obj>" and the
// traceback on stderr.
static void write_unraisable(ThreadState *ts, Value obj) {
    Value exc = exc_fetch(ts);
    gc_temp_push(ts, exc);
    Value r = obj_repr(ts, obj);
    if (r == CS_ERR) {
        exc_clear(ts);
    }
    fflush(stdout);
    fprintf(stderr, "Exception ignored in: %s\n", r == CS_ERR ? "<object repr() failed>" : as_str(r)->data);
    fflush(stderr);
    exc_print(ts, exc);
}

static void warn_unawaited(ThreadState *ts, GenObj *g) {
    // At interpreter exit no frame runs: CPython's warnings module is torn
    // down by then and its C fallback prints the line alone. So do we when
    // the module cannot help (being imported, say).
    Value fn = CS_ERR;
    if (ts->frame != NULL) {
        Value mod = import_module(ts, "warnings");
        fn = mod == CS_ERR ? CS_ERR
                           : obj_lookup_attr(ts, mod, str_intern_name(ts, "_warn_unawaited_coroutine"));
        if (fn == CS_ERR) {
            exc_clear(ts);
        }
    }
    if (fn == CS_ERR || fn == CS_UNBOUND) {
        fflush(stdout);
        fprintf(stderr, "sys:1: RuntimeWarning: coroutine '%s' was never awaited\n",
                g->qualname->data);
        fflush(stderr);
        return;
    }
    if (obj_call1(ts, fn, obj_val(g)) == CS_ERR) {
        write_unraisable(ts, obj_val(g));
    }
}

static void gen_finalize_now(ThreadState *ts, GenObj *g) {
    if (g->state == GEN_CLOSED || g->state == GEN_RUNNING) {
        return;
    }
    if (g->kind == GEN_KIND_COROUTINE && g->state == GEN_CREATED) {
        if (!g->awaited_once) {
            warn_unawaited(ts, g);
        }
        gen_finish(g);
        return;
    }
    if (close_iter(ts, obj_val(g)) < 0) {
        write_unraisable(ts, obj_val(g));
    }
}

static void gen_on_death(ThreadState *ts, Obj *o) {
    GenObj *g = (GenObj *)o;
    g->finalized = true;
    gen_finalize_now(ts, g);
}

// __del__ (CPython's slot wrapper for tp_finalize): the same finalization,
// on demand.
static Value gen_del_method(ThreadState *ts, Value self, const Value *args, size_t nargs,
                            TupleObj *kwnames) {
    if (arg_count(ts, "__del__", nargs, 0, 0) < 0) {
        return CS_ERR;
    }
    gen_finalize_now(ts, (GenObj *)as_obj(self));
    return CS_NONE;
}

static void watch(ThreadState *ts, GenObj *g) {
    gc_watch(ts, &g->hdr, gen_on_death);
}

ResumeStatus gen_send_any(ThreadState *ts, Value receiver, Value v, Value *out) {
    if (gen_is_generator_like(receiver)) {
        return gen_send_ex(ts, (GenObj *)as_obj(receiver), v, out);
    }
    SendFn send = type_of(receiver)->send;
    if (send) {
        return send(ts, receiver, v, out);
    }
    Value r;
    if (v == CS_NONE && type_of(receiver)->iternext) {
        r = type_of(receiver)->iternext(ts, receiver);
        if (r == CS_STOP) {
            *out = CS_NONE;
            return RESUME_RETURN;
        }
    } else {
        Value m = obj_getattr(ts, receiver, STR_NAME(ts, send));
        r = m == CS_ERR ? CS_ERR : obj_call1(ts, m, v);
    }
    if (r == CS_ERR) {
        if (exc_matches(ts, exc_StopIteration)) {
            Value si = exc_fetch(ts);
            *out = exc_get_value(si);
            return RESUME_RETURN;
        }
        return RESUME_ERROR;
    }
    *out = r;
    return RESUME_YIELD;
}

// ---------------------------------------------------------------------------
// Python-visible methods

// arg_count with CPython's qualified name for the message ("generator.send()").
static int method_args(ThreadState *ts, Value self, const char *meth, size_t nargs, size_t min,
                       size_t max) {
    if (nargs >= min && nargs <= max) {
        return 0; // the common case: no name to format
    }
    char name[80];
    snprintf(name, sizeof name, "%s.%s", type_of(self)->name, meth);
    return arg_count(ts, name, nargs, min, max);
}

static Value stop_iteration(ThreadState *ts, Value value, bool async) {
    if (async) {
        return exc_raise_args(ts, exc_StopAsyncIteration, NULL, 0);
    }
    if (value == CS_NONE) {
        return exc_raise_args(ts, exc_StopIteration, NULL, 0);
    }
    return exc_raise_args(ts, exc_StopIteration, &value, 1);
}

static Value gen_iternext(ThreadState *ts, Value self) {
    GenObj *g = (GenObj *)as_obj(self);
    Value out;
    ResumeStatus st = gen_send_ex(ts, g, CS_NONE, &out);
    if (st == RESUME_YIELD) {
        return out;
    }
    if (st == RESUME_RETURN) {
        if (out != CS_NONE) {
            // A for loop drops the value; next() sees it through StopIteration.
            return stop_iteration(ts, out, false);
        }
        return CS_STOP;
    }
    return CS_ERR;
}

static Value gen_send_method(ThreadState *ts, Value self, const Value *args, size_t nargs,
                             TupleObj *kwnames) {
    if (method_args(ts, self, "send", nargs, 1, 1) < 0) {
        return CS_ERR;
    }
    Value out;
    ResumeStatus st = gen_send_ex(ts, (GenObj *)as_obj(self), args[0], &out);
    if (st == RESUME_YIELD) {
        return out;
    }
    if (st == RESUME_RETURN) {
        return stop_iteration(ts, out, false);
    }
    return CS_ERR;
}

// Builds the exception for throw(type[, value[, tb]]).
static Value make_throw_exc(ThreadState *ts, const Value *args, size_t nargs) {
    Value typ = args[0];
    Value val = nargs > 1 ? args[1] : CS_NONE;
    Value tb = nargs > 2 ? args[2] : CS_NONE;
    Value exc;
    if (is_obj(typ) && (type_of(typ)->flags & TYPE_TYPE_SUBCLASS)) {
        TypeObj *t = (TypeObj *)as_obj(typ);
        if (!type_is_subtype(t, exc_BaseException)) {
            return exc_raise(ts, exc_TypeError,
                             "exceptions must be classes or instances deriving from "
                             "BaseException, not type");
        }
        if (val != CS_NONE && type_is_subtype(type_of(val), t)) {
            exc = val;
        } else if (val == CS_NONE) {
            exc = obj_call0(ts, typ);
        } else if (tuple_check(val)) {
            exc = obj_call(ts, typ, as_tuple(val)->items, as_tuple(val)->len, NULL);
        } else {
            exc = obj_call1(ts, typ, val);
        }
        if (exc == CS_ERR) {
            return CS_ERR;
        }
    } else if (exc_is_instance(typ, exc_BaseException)) {
        if (val != CS_NONE) {
            return exc_raise(ts, exc_TypeError,
                             "instance exception may not have a separate value");
        }
        exc = typ;
    } else {
        return exc_raise(ts, exc_TypeError,
                         "exceptions must be classes or instances deriving from BaseException, "
                         "not %s",
                         obj_type_name(typ));
    }
    if (tb != CS_NONE) {
        if (!is_type_exact(tb, &type_traceback)) {
            return exc_raise(ts, exc_TypeError, "throw() third argument must be a traceback object");
        }
        ((ExcObj *)as_obj(exc))->traceback = (TracebackObj *)as_obj(tb);
    }
    return exc;
}

static Value gen_throw_method(ThreadState *ts, Value self, const Value *args, size_t nargs,
                              TupleObj *kwnames) {
    if (arg_count(ts, "throw", nargs, 1, 3) < 0) {
        return CS_ERR;
    }
    Value out;
    ResumeStatus st = throw_args(ts, (GenObj *)as_obj(self), args, nargs, true, &out);
    if (st == RESUME_YIELD) {
        return out;
    }
    if (st == RESUME_RETURN) {
        return stop_iteration(ts, out, false);
    }
    return CS_ERR;
}

static Value gen_close_method(ThreadState *ts, Value self, const Value *args, size_t nargs,
                              TupleObj *kwnames) {
    if (method_args(ts, self, "close", nargs, 0, 0) < 0) {
        return CS_ERR;
    }
    return close_iter(ts, self) < 0 ? CS_ERR : CS_NONE;
}

static Value gen_iter(ThreadState *ts, Value self) {
    return self;
}

static Value gen_repr(ThreadState *ts, Value self) {
    GenObj *g = (GenObj *)as_obj(self);
    const char *what = g->kind == GEN_KIND_COROUTINE          ? "coroutine"
                       : g->kind == GEN_KIND_ASYNC_GENERATOR ? "async_generator"
                                                             : "generator";
    return str_format_c(ts, "<%s object %U at %p>", what, obj_val(g->qualname), (void *)g);
}

static Value gen_get_running(ThreadState *ts, Value self) {
    return bool_val(((GenObj *)as_obj(self))->state == GEN_RUNNING);
}
static Value gen_get_frame(ThreadState *ts, Value self) {
    GenObj *g = (GenObj *)as_obj(self);
    if (g->state == GEN_CLOSED) {
        return CS_NONE;
    }
    return frameobj_of_gen(ts, self);
}
static Value gen_get_code(ThreadState *ts, Value self) {
    return obj_val(((GenObj *)as_obj(self))->frame->code);
}
static Value gen_get_name(ThreadState *ts, Value self) {
    return obj_val(((GenObj *)as_obj(self))->name);
}
static Value gen_get_qualname(ThreadState *ts, Value self) {
    return obj_val(((GenObj *)as_obj(self))->qualname);
}
// CPython lets both be rebound (to a str only; deleting is the same error).
static int gen_set_name(ThreadState *ts, Value self, Value v) {
    if (!str_check(v)) {
        return exc_raise_int(ts, exc_TypeError, "__name__ must be set to a string object");
    }
    ((GenObj *)as_obj(self))->name = as_str(v);
    return 0;
}
static int gen_set_qualname(ThreadState *ts, Value self, Value v) {
    if (!str_check(v)) {
        return exc_raise_int(ts, exc_TypeError, "__qualname__ must be set to a string object");
    }
    ((GenObj *)as_obj(self))->qualname = as_str(v);
    return 0;
}
static Value gen_get_yieldfrom(ThreadState *ts, Value self) {
    Value d = delegate_of((GenObj *)as_obj(self));
    return d == CS_UNBOUND ? CS_NONE : d;
}
static Value gen_get_suspended(ThreadState *ts, Value self) {
    return bool_val(((GenObj *)as_obj(self))->state == GEN_SUSPENDED);
}

static const GetSetDef gen_getsets[] = {
    {"gi_running", gen_get_running, NULL},
    {"gi_frame", gen_get_frame, NULL},
    {"gi_code", gen_get_code, NULL},
    {"gi_yieldfrom", gen_get_yieldfrom, NULL},
    {"gi_suspended", gen_get_suspended, NULL},
    {"__name__", gen_get_name, gen_set_name},
    {"__qualname__", gen_get_qualname, gen_set_qualname},
    {NULL, NULL, NULL},
};

static const MethodDef gen_methods[] = {
    {"__del__", gen_del_method, 0, NULL},
    {"send", gen_send_method, 0, NULL},
    {"throw", gen_throw_method, 0, NULL},
    {"close", gen_close_method, 0, NULL},
    {NULL, NULL, 0, NULL},
};

TypeObj type_generator = {
    .hdr = OBJ_HEADER_INIT(&type_type),
    .flags = TYPE_ABSTRACT_NEW,
    .name = "generator",
    .basicsize = sizeof(GenObj),
    .trace = gen_trace,
    .iter = gen_iter,
    .iternext = gen_iternext,
    .repr = gen_repr,
    .methods = gen_methods,
    .getsets = gen_getsets,
};

// ---------------------------------------------------------------------------
// Coroutines

// coroutine.__await__() returns a wrapper iterator over the coroutine.
typedef struct CoroWrapperObj {
    Obj hdr;
    Value coro;
} CoroWrapperObj;

static void corowrapper_trace(Obj *o, GcState *gc) {
    gc_mark_value(gc, ((CoroWrapperObj *)o)->coro);
}

static Value corowrapper_next(ThreadState *ts, Value self) {
    return gen_iternext(ts, ((CoroWrapperObj *)as_obj(self))->coro);
}

static Value corowrapper_send(ThreadState *ts, Value self, const Value *args, size_t nargs,
                              TupleObj *kwnames) {
    if (method_args(ts, self, "send", nargs, 1, 1) < 0) {
        return CS_ERR;
    }
    return gen_send_method(ts, ((CoroWrapperObj *)as_obj(self))->coro, args, nargs, kwnames);
}

static Value corowrapper_throw(ThreadState *ts, Value self, const Value *args, size_t nargs,
                               TupleObj *kwnames) {
    return gen_throw_method(ts, ((CoroWrapperObj *)as_obj(self))->coro, args, nargs, kwnames);
}

static Value corowrapper_close(ThreadState *ts, Value self, const Value *args, size_t nargs,
                               TupleObj *kwnames) {
    if (method_args(ts, self, "close", nargs, 0, 0) < 0) {
        return CS_ERR;
    }
    return gen_close_method(ts, ((CoroWrapperObj *)as_obj(self))->coro, args, nargs, kwnames);
}

static const MethodDef corowrapper_methods[] = {
    {"send", corowrapper_send, 0, NULL},
    {"throw", corowrapper_throw, 0, NULL},
    {"close", corowrapper_close, 0, NULL},
    {NULL, NULL, 0, NULL},
};

TypeObj type_coroutine_wrapper = {
    .hdr = OBJ_HEADER_INIT(&type_type),
    .flags = TYPE_ABSTRACT_NEW,
    .name = "coroutine_wrapper",
    .basicsize = sizeof(CoroWrapperObj),
    .trace = corowrapper_trace,
    .iter = gen_iter,
    .iternext = corowrapper_next,
    .methods = corowrapper_methods,
};

static Value coro_await(ThreadState *ts, Value self) {
    CoroWrapperObj *w = gc_alloc(ts, &type_coroutine_wrapper, sizeof(CoroWrapperObj));
    w->coro = self;
    return obj_val(w);
}

static Value coro_get_running(ThreadState *ts, Value self) {
    return bool_val(((GenObj *)as_obj(self))->state == GEN_RUNNING);
}
static Value coro_get_await(ThreadState *ts, Value self) {
    return gen_get_yieldfrom(ts, self);
}
// Origin tracking (sys.set_coroutine_origin_tracking_depth) is off: always None.
static Value coro_get_origin(ThreadState *ts, Value self) {
    return CS_NONE;
}

static const GetSetDef coro_getsets[] = {
    {"cr_running", coro_get_running, NULL},
    {"cr_frame", gen_get_frame, NULL},
    {"cr_code", gen_get_code, NULL},
    {"cr_await", coro_get_await, NULL},
    {"cr_origin", coro_get_origin, NULL},
    {"cr_suspended", gen_get_suspended, NULL},
    {"__name__", gen_get_name, gen_set_name},
    {"__qualname__", gen_get_qualname, gen_set_qualname},
    {NULL, NULL, NULL},
};

TypeObj type_coroutine = {
    .hdr = OBJ_HEADER_INIT(&type_type),
    .flags = TYPE_ABSTRACT_NEW,
    .name = "coroutine",
    .basicsize = sizeof(GenObj),
    .trace = gen_trace,
    .await = coro_await,
    .repr = gen_repr,
    .methods = gen_methods,
    .getsets = coro_getsets,
};

Value gen_get_awaitable(ThreadState *ts, Value v, int where) {
    if (is_type_exact(v, &type_coroutine)) {
        if (delegate_of((GenObj *)as_obj(v)) != CS_UNBOUND) {
            return exc_raise(ts, exc_RuntimeError, "coroutine is being awaited already");
        }
        return v;
    }
    if (is_type_exact(v, &type_generator) &&
        (((GenObj *)as_obj(v))->frame->code->flags & CO_ITERABLE_COROUTINE)) {
        return v;
    }
    UnaryFn aw = type_of(v)->await;
    if (!aw) {
        if (where == 1) {
            return exc_raise(ts, exc_TypeError,
                             "'async with' received an object from __aenter__ that does not "
                             "implement __await__: %s",
                             obj_type_name(v));
        }
        if (where == 2) {
            return exc_raise(ts, exc_TypeError,
                             "'async with' received an object from __aexit__ that does not "
                             "implement __await__: %s",
                             obj_type_name(v));
        }
        return exc_raise(ts, exc_TypeError, "object %s can't be used in 'await' expression",
                         obj_type_name(v));
    }
    Value it = aw(ts, v);
    if (it == CS_ERR) {
        return CS_ERR;
    }
    if (is_type_exact(it, &type_coroutine)) {
        return exc_raise(ts, exc_TypeError, "__await__() returned a coroutine");
    }
    if (!type_of(it)->iternext) {
        return exc_raise(ts, exc_TypeError, "__await__() returned non-iterator of type '%s'",
                         obj_type_name(it));
    }
    return it;
}

// ---------------------------------------------------------------------------
// Async generators

// A value the async generator body yields (as opposed to one its awaits pass up).
typedef struct AsyncWrapObj {
    Obj hdr;
    Value value;
} AsyncWrapObj;

static void asyncwrap_trace(Obj *o, GcState *gc) {
    gc_mark_value(gc, ((AsyncWrapObj *)o)->value);
}

TypeObj type_async_gen_wrapped = {
    .hdr = OBJ_HEADER_INIT(&type_type),
    .flags = TYPE_ABSTRACT_NEW,
    .name = "async_generator_wrapped_value",
    .basicsize = sizeof(AsyncWrapObj),
    .trace = asyncwrap_trace,
};

Value gen_async_wrap(ThreadState *ts, Value v) {
    AsyncWrapObj *w = gc_alloc(ts, &type_async_gen_wrapped, sizeof(AsyncWrapObj));
    w->value = v;
    return obj_val(w);
}

// The awaitables asend()/__anext__ (type async_generator_asend) and
// athrow()/aclose() (async_generator_athrow) return. Each drives one step of
// the generator: values an inner await passes up go through unchanged; a
// value the body yields (wrapped) ends the step with StopIteration(value).
typedef enum { AS_INIT, AS_ITER, AS_DONE } AwaitState;
typedef enum { OP_ASEND, OP_ATHROW, OP_ACLOSE } AsyncOp;

typedef struct AsendObj {
    Obj hdr;
    Value gen;
    Value arg; // asend: the value to send; athrow: the tuple of its arguments
    uint8_t op;
    uint8_t state;
} AsendObj;

static void asend_trace(Obj *o, GcState *gc) {
    gc_mark_value(gc, ((AsendObj *)o)->gen);
    gc_mark_value(gc, ((AsendObj *)o)->arg);
}

// What one step of the generator means to the awaiting caller: a wrapped
// (yielded) value becomes StopIteration(value); the end of the generator,
// StopAsyncIteration; an awaited value passes through.
static Value agen_unwrap(ThreadState *ts, GenObj *g, ResumeStatus st, Value out) {
    if (st == RESUME_YIELD) {
        if (is_type_exact(out, &type_async_gen_wrapped)) {
            g->ag_running_async = 0;
            return stop_iteration(ts, ((AsyncWrapObj *)as_obj(out))->value, false);
        }
        return out;
    }
    if (st == RESUME_RETURN) {
        exc_raise_args(ts, exc_StopAsyncIteration, NULL, 0);
    }
    if (exc_matches(ts, exc_StopAsyncIteration) || exc_matches(ts, exc_GeneratorExit)) {
        g->ag_closed = 1;
    }
    g->ag_running_async = 0;
    return CS_ERR;
}

// --- asend

static Value asend_step(ThreadState *ts, AsendObj *a, Value sent) {
    GenObj *g = (GenObj *)as_obj(a->gen);
    if (a->state == AS_DONE) {
        return exc_raise(ts, exc_RuntimeError,
                         "cannot reuse already awaited __anext__()/asend()");
    }
    if (a->state == AS_INIT) {
        if (g->ag_running_async) {
            return exc_raise(ts, exc_RuntimeError,
                             "anext(): asynchronous generator is already running");
        }
        if (sent == CS_NONE) {
            sent = a->arg;
        }
        a->state = AS_ITER;
    }
    g->ag_running_async = 1;
    Value out;
    ResumeStatus st = gen_send_ex(ts, g, sent, &out);
    Value r = agen_unwrap(ts, g, st, out);
    if (r == CS_ERR) {
        a->state = AS_DONE;
    }
    return r;
}

static Value asend_throw_step(ThreadState *ts, AsendObj *a, const Value *args, size_t nargs) {
    GenObj *g = (GenObj *)as_obj(a->gen);
    if (a->state == AS_DONE) {
        return exc_raise(ts, exc_RuntimeError,
                         "cannot reuse already awaited __anext__()/asend()");
    }
    Value out;
    ResumeStatus st = throw_args(ts, g, args, nargs, true, &out);
    Value r = agen_unwrap(ts, g, st, out);
    if (r == CS_ERR) {
        a->state = AS_DONE;
    }
    return r;
}

// --- athrow and aclose

static Value athrow_ignored_exit(ThreadState *ts, AsendObj *a, GenObj *g) {
    g->ag_running_async = 0;
    a->state = AS_DONE;
    return exc_raise(ts, exc_RuntimeError, "async generator ignored GeneratorExit");
}

// The step failed: aclose() is done when the generator exited (its await
// ends with StopIteration); anything else propagates.
static Value athrow_failed(ThreadState *ts, AsendObj *a, GenObj *g) {
    g->ag_running_async = 0;
    a->state = AS_DONE;
    if (a->op == OP_ACLOSE &&
        (exc_matches(ts, exc_StopAsyncIteration) || exc_matches(ts, exc_GeneratorExit))) {
        exc_clear(ts);
        return exc_raise_args(ts, exc_StopIteration, NULL, 0);
    }
    return CS_ERR;
}

// After the first step: aclose() may only see awaits pass through.
static Value athrow_result(ThreadState *ts, AsendObj *a, GenObj *g, ResumeStatus st, Value out) {
    if (a->op == OP_ATHROW) {
        return agen_unwrap(ts, g, st, out);
    }
    if (st == RESUME_YIELD) {
        if (is_type_exact(out, &type_async_gen_wrapped)) {
            return athrow_ignored_exit(ts, a, g);
        }
        return out;
    }
    if (st == RESUME_RETURN) {
        exc_raise_args(ts, exc_StopAsyncIteration, NULL, 0);
    }
    return athrow_failed(ts, a, g);
}

static Value athrow_step(ThreadState *ts, AsendObj *a, Value sent) {
    GenObj *g = (GenObj *)as_obj(a->gen);
    if (a->state == AS_DONE) {
        return exc_raise(ts, exc_RuntimeError, "cannot reuse already awaited aclose()/athrow()");
    }
    if (g->state == GEN_CLOSED) {
        a->state = AS_DONE;
        return exc_raise_args(ts, exc_StopIteration, NULL, 0);
    }
    Value out;
    ResumeStatus st;
    if (a->state == AS_INIT) {
        if (g->ag_running_async) {
            a->state = AS_DONE;
            return exc_raise(ts, exc_RuntimeError,
                             "%s(): asynchronous generator is already running",
                             a->op == OP_ACLOSE ? "aclose" : "athrow");
        }
        if (g->ag_closed) {
            a->state = AS_DONE;
            return exc_raise_args(ts, exc_StopAsyncIteration, NULL, 0);
        }
        if (sent != CS_NONE) {
            return exc_raise(ts, exc_RuntimeError,
                             "can't send non-None value to a just-started coroutine");
        }
        a->state = AS_ITER;
        g->ag_running_async = 1;
        if (a->op == OP_ACLOSE) {
            g->ag_closed = 1;
            Value typ = obj_val(exc_GeneratorExit);
            st = throw_args(ts, g, &typ, 1, false, &out);
            if (st == RESUME_YIELD && is_type_exact(out, &type_async_gen_wrapped)) {
                return athrow_ignored_exit(ts, a, g);
            }
            if (st == RESUME_YIELD) {
                return out;
            }
            if (st == RESUME_RETURN) {
                exc_raise_args(ts, exc_StopAsyncIteration, NULL, 0);
            }
            return athrow_failed(ts, a, g);
        }
        TupleObj *t = (TupleObj *)as_obj(a->arg);
        if (arg_count(ts, "athrow", t->len, 1, 3) < 0) {
            return CS_ERR; // leaves the generator marked running, as CPython 3.11 does
        }
        st = throw_args(ts, g, t->items, t->len, false, &out);
        Value r = agen_unwrap(ts, g, st, out);
        return r == CS_ERR ? athrow_failed(ts, a, g) : r;
    }
    st = gen_send_ex(ts, g, sent, &out);
    return athrow_result(ts, a, g, st, out);
}

static Value athrow_throw_step(ThreadState *ts, AsendObj *a, const Value *args, size_t nargs) {
    GenObj *g = (GenObj *)as_obj(a->gen);
    if (a->state == AS_DONE) {
        return exc_raise(ts, exc_RuntimeError, "cannot reuse already awaited aclose()/athrow()");
    }
    Value out;
    ResumeStatus st = throw_args(ts, g, args, nargs, true, &out);
    if (a->op == OP_ATHROW) {
        return agen_unwrap(ts, g, st, out);
    }
    if (st == RESUME_YIELD) {
        if (is_type_exact(out, &type_async_gen_wrapped)) {
            return athrow_ignored_exit(ts, a, g);
        }
        return out;
    }
    if (st == RESUME_RETURN) {
        exc_raise_args(ts, exc_StopAsyncIteration, NULL, 0);
    }
    if (exc_matches(ts, exc_StopAsyncIteration) || exc_matches(ts, exc_GeneratorExit)) {
        exc_clear(ts);
        return exc_raise_args(ts, exc_StopIteration, NULL, 0);
    }
    return CS_ERR;
}

// --- the Python-visible methods of both awaitable types

static Value awaitable_step(ThreadState *ts, Value self, Value sent) {
    AsendObj *a = (AsendObj *)as_obj(self);
    return a->op == OP_ASEND ? asend_step(ts, a, sent) : athrow_step(ts, a, sent);
}

static Value asend_iternext(ThreadState *ts, Value self) {
    Value r = awaitable_step(ts, self, CS_NONE);
    if (r == CS_ERR && exc_matches(ts, exc_StopIteration)) {
        Value si = exc_fetch(ts);
        Value v = exc_get_value(si);
        if (v == CS_NONE) {
            return CS_STOP;
        }
        exc_restore(ts, si);
    }
    return r;
}

static Value asend_send(ThreadState *ts, Value self, const Value *args, size_t nargs,
                        TupleObj *kwnames) {
    if (method_args(ts, self, "send", nargs, 1, 1) < 0) {
        return CS_ERR;
    }
    return awaitable_step(ts, self, args[0]);
}

static Value asend_throw(ThreadState *ts, Value self, const Value *args, size_t nargs,
                         TupleObj *kwnames) {
    if (arg_count(ts, "throw", nargs, 1, 3) < 0) {
        return CS_ERR;
    }
    AsendObj *a = (AsendObj *)as_obj(self);
    return a->op == OP_ASEND ? asend_throw_step(ts, a, args, nargs)
                             : athrow_throw_step(ts, a, args, nargs);
}

static Value asend_close(ThreadState *ts, Value self, const Value *args, size_t nargs,
                         TupleObj *kwnames) {
    if (method_args(ts, self, "close", nargs, 0, 0) < 0) {
        return CS_ERR;
    }
    ((AsendObj *)as_obj(self))->state = AS_DONE;
    return CS_NONE;
}

static const MethodDef asend_methods[] = {
    {"send", asend_send, 0, NULL},
    {"throw", asend_throw, 0, NULL},
    {"close", asend_close, 0, NULL},
    {NULL, NULL, 0, NULL},
};

TypeObj type_async_generator_asend = {
    .hdr = OBJ_HEADER_INIT(&type_type),
    .flags = TYPE_ABSTRACT_NEW,
    .name = "async_generator_asend",
    .basicsize = sizeof(AsendObj),
    .trace = asend_trace,
    .iter = gen_iter,
    .iternext = asend_iternext,
    .await = gen_iter,
    .methods = asend_methods,
};

TypeObj type_async_generator_athrow = {
    .hdr = OBJ_HEADER_INIT(&type_type),
    .flags = TYPE_ABSTRACT_NEW,
    .name = "async_generator_athrow",
    .basicsize = sizeof(AsendObj),
    .trace = asend_trace,
    .iter = gen_iter,
    .iternext = asend_iternext,
    .await = gen_iter,
    .methods = asend_methods,
};

static Value make_asend(ThreadState *ts, Value gen, AsyncOp op, Value arg) {
    TypeObj *t = op == OP_ASEND ? &type_async_generator_asend : &type_async_generator_athrow;
    AsendObj *a = gc_alloc(ts, t, sizeof(AsendObj));
    a->gen = gen;
    a->arg = arg;
    a->op = (uint8_t)op;
    a->state = AS_INIT;
    return obj_val(a);
}

static Value agen_anext(ThreadState *ts, Value self) {
    return make_asend(ts, self, OP_ASEND, CS_NONE);
}

static Value agen_aiter(ThreadState *ts, Value self) {
    return self;
}

static Value agen_asend(ThreadState *ts, Value self, const Value *args, size_t nargs,
                        TupleObj *kwnames) {
    if (method_args(ts, self, "asend", nargs, 1, 1) < 0) {
        return CS_ERR;
    }
    return make_asend(ts, self, OP_ASEND, args[0]);
}

static Value agen_athrow(ThreadState *ts, Value self, const Value *args, size_t nargs,
                         TupleObj *kwnames) {
    // The arguments are checked when thrown, not now (CPython).
    Value t = tuple_from_array(ts, args, nargs);
    if (t == CS_ERR) {
        return CS_ERR;
    }
    return make_asend(ts, self, OP_ATHROW, t);
}

static Value agen_aclose(ThreadState *ts, Value self, const Value *args, size_t nargs,
                         TupleObj *kwnames) {
    if (method_args(ts, self, "aclose", nargs, 0, 0) < 0) {
        return CS_ERR;
    }
    return make_asend(ts, self, OP_ACLOSE, CS_NONE);
}

static Value agen_get_running(ThreadState *ts, Value self) {
    return bool_val(((GenObj *)as_obj(self))->ag_running_async != 0);
}

// AsyncGeneratorType[int]: a types.GenericAlias (CPython 3.11 has it, the
// other two types do not).
static Value agen_class_getitem(ThreadState *ts, Value self, const Value *args, size_t nargs,
                                TupleObj *kwnames) {
    if (arg_count(ts, "__class_getitem__", nargs, 1, 1) < 0) {
        return CS_ERR;
    }
    return generic_alias_new(ts, self, args[0]);
}

static const MethodDef agen_methods[] = {
    {"__class_getitem__", agen_class_getitem, METH_CLASS, NULL},
    {"__del__", gen_del_method, 0, NULL},
    {"asend", agen_asend, 0, NULL},
    {"athrow", agen_athrow, 0, NULL},
    {"aclose", agen_aclose, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static const GetSetDef agen_getsets[] = {
    {"ag_running", agen_get_running, NULL},
    {"ag_frame", gen_get_frame, NULL},
    {"ag_code", gen_get_code, NULL},
    {"ag_await", gen_get_yieldfrom, NULL},
    {"__name__", gen_get_name, gen_set_name},
    {"__qualname__", gen_get_qualname, gen_set_qualname},
    {NULL, NULL, NULL},
};

TypeObj type_async_generator = {
    .hdr = OBJ_HEADER_INIT(&type_type),
    .flags = TYPE_ABSTRACT_NEW,
    .name = "async_generator",
    .basicsize = sizeof(GenObj),
    .trace = gen_trace,
    .aiter = agen_aiter,
    .anext = agen_anext,
    .repr = gen_repr,
    .methods = agen_methods,
    .getsets = agen_getsets,
};

Value gen_get_aiter(ThreadState *ts, Value v) {
    UnaryFn f = type_of(v)->aiter;
    if (!f) {
        return exc_raise(ts, exc_TypeError,
                         "'async for' requires an object with __aiter__ method, got %s",
                         obj_type_name(v));
    }
    Value it = f(ts, v);
    if (it == CS_ERR) {
        return CS_ERR;
    }
    if (!type_of(it)->anext) {
        return exc_raise(ts, exc_TypeError,
                         "'async for' received an object from __aiter__ that does not implement "
                         "__anext__: %s",
                         obj_type_name(it));
    }
    return it;
}

Value gen_get_anext(ThreadState *ts, Value aiter) {
    UnaryFn f = type_of(aiter)->anext;
    if (!f) {
        return exc_raise(ts, exc_TypeError,
                         "'async for' requires an iterator with __anext__ method, got %s",
                         obj_type_name(aiter));
    }
    Value aw = f(ts, aiter);
    if (aw == CS_ERR) {
        return CS_ERR;
    }
    if (is_type_exact(aw, &type_async_generator_asend)) {
        return aw;
    }
    Value it = gen_get_awaitable(ts, aw, 0);
    if (it == CS_ERR && exc_matches(ts, exc_TypeError)) {
        exc_clear(ts);
        return exc_raise(ts, exc_TypeError,
                         "'async for' received an invalid object from __anext__: %s",
                         obj_type_name(aw));
    }
    return it;
}
