// Generators, coroutines and async generators: each owns a suspended frame
// in its own tail; send/throw/close resume it through vm_resume_frame. The
// yield-from / await delegation lives in the bytecode (SEND + YIELD_VALUE
// 1); throw() and close() reach into it here, as CPython's _gen_throw does.
#include "vm/gen.h"

#include <stdio.h>
#include <string.h>

#include "vm/dict.h"
#include "vm/exc.h"
#include "vm/gc.h"
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

// A coroutine collected before anyone awaited it: CPython's warning.
static void coro_finalize(Obj *o) {
    GenObj *g = (GenObj *)o;
    if (g->kind == GEN_KIND_COROUTINE && g->state == GEN_CREATED) {
        fflush(stdout);
        fprintf(stderr, "%s:%d: RuntimeWarning: coroutine '%s' was never awaited\n",
                g->frame->code->filename->data, g->frame->code->firstlineno, g->qualname->data);
        fflush(stderr);
    }
}

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
    return obj_val(g);
}

bool gen_is_generator_like(Value v) {
    return is_type_exact(v, &type_generator) || is_type_exact(v, &type_coroutine);
}

// Releases what a finished frame holds so the garbage can go.
static void gen_finish(GenObj *g) {
    g->state = GEN_CLOSED;
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

void gen_inline_finish(ThreadState *ts, GenObj *g, bool error) {
    gen_finish(g);
    if (error) {
        convert_stop(ts, g);
    }
}

static ResumeStatus resume(ThreadState *ts, GenObj *g, Value sent, bool throwing, Value *out) {
    Value saved = ts->handled;
    if (g->handled != CS_NONE) {
        ts->handled = g->handled;
    }
    Value handled_at_entry = ts->handled;
    g->state = GEN_RUNNING;
    g->awaited_once = true;
    ResumeStatus st = vm_resume_frame(ts, g->frame, sent, throwing, out);
    g->handled = ts->handled == handled_at_entry && g->handled == CS_NONE ? CS_NONE : ts->handled;
    if (st != RESUME_YIELD) {
        g->handled = CS_NONE;
    }
    ts->handled = saved;
    if (st == RESUME_YIELD) {
        g->state = GEN_SUSPENDED;
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
            g->state = GEN_CLOSED;
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

ResumeStatus gen_throw_ex(ThreadState *ts, GenObj *g, Value exc, Value *out) {
    if (check_running(ts, g) < 0) {
        return RESUME_ERROR;
    }
    if (g->state == GEN_CLOSED) {
        exc_restore(ts, exc);
        return RESUME_ERROR;
    }
    Value yf = delegate_of(g);
    if (yf != CS_UNBOUND) {
        gc_temp_push(ts, yf);
        if (exc_is_instance(exc, exc_GeneratorExit)) {
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
                st = gen_throw_ex(ts, (GenObj *)as_obj(yf), exc, &r);
            } else {
                Value m = obj_lookup_attr(ts, yf, STR_NAME(ts, throw));
                if (m == CS_ERR) {
                    g->state = GEN_SUSPENDED;
                    return resume(ts, g, CS_UNBOUND, true, out);
                }
                if (m == CS_UNBOUND) {
                    g->state = GEN_SUSPENDED;
                    exc_restore(ts, exc);
                    return resume(ts, g, CS_UNBOUND, true, out);
                }
                r = obj_call1(ts, m, exc);
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
    exc_restore(ts, exc);
    return resume(ts, g, CS_UNBOUND, true, out);
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
    if (arg_count(ts, "send", nargs, 1, 1) < 0) {
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
    Value exc = make_throw_exc(ts, args, nargs);
    if (exc == CS_ERR) {
        return CS_ERR;
    }
    Value out;
    ResumeStatus st = gen_throw_ex(ts, (GenObj *)as_obj(self), exc, &out);
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
    if (arg_count(ts, "close", nargs, 0, 0) < 0) {
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
    // Frames are not first-class objects; expose the code's identity.
    return obj_val(g->frame->code);
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
    {"__name__", gen_get_name, NULL},
    {"__qualname__", gen_get_qualname, NULL},
    {NULL, NULL, NULL},
};

static const MethodDef gen_methods[] = {
    {"send", gen_send_method, 0, NULL},
    {"throw", gen_throw_method, 0, NULL},
    {"close", gen_close_method, 0, NULL},
    {NULL, NULL, 0, NULL},
};

TypeObj type_generator = {
    .hdr = OBJ_HEADER_INIT(&type_type),
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
    return gen_send_method(ts, ((CoroWrapperObj *)as_obj(self))->coro, args, nargs, kwnames);
}

static Value corowrapper_throw(ThreadState *ts, Value self, const Value *args, size_t nargs,
                               TupleObj *kwnames) {
    return gen_throw_method(ts, ((CoroWrapperObj *)as_obj(self))->coro, args, nargs, kwnames);
}

static Value corowrapper_close(ThreadState *ts, Value self, const Value *args, size_t nargs,
                               TupleObj *kwnames) {
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

static const GetSetDef coro_getsets[] = {
    {"cr_running", coro_get_running, NULL},
    {"cr_frame", gen_get_frame, NULL},
    {"cr_code", gen_get_code, NULL},
    {"cr_await", coro_get_await, NULL},
    {"cr_suspended", gen_get_suspended, NULL},
    {"__name__", gen_get_name, NULL},
    {"__qualname__", gen_get_qualname, NULL},
    {NULL, NULL, NULL},
};

TypeObj type_coroutine = {
    .hdr = OBJ_HEADER_INIT(&type_type),
    .name = "coroutine",
    .basicsize = sizeof(GenObj),
    .trace = gen_trace,
    .finalize = coro_finalize,
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
    .name = "async_generator_wrapped_value",
    .basicsize = sizeof(AsyncWrapObj),
    .trace = asyncwrap_trace,
};

Value gen_async_wrap(ThreadState *ts, Value v) {
    AsyncWrapObj *w = gc_alloc(ts, &type_async_gen_wrapped, sizeof(AsyncWrapObj));
    w->value = v;
    return obj_val(w);
}

// The awaitable that asend()/athrow()/aclose()/__anext__ return.
typedef enum { AS_INIT, AS_ITER, AS_DONE } AwaitState;
typedef enum { OP_ASEND, OP_ATHROW, OP_ACLOSE } AsyncOp;

typedef struct AsendObj {
    Obj hdr;
    Value gen;
    Value arg; // value to send, or exception to throw
    uint8_t op;
    uint8_t state;
} AsendObj;

static void asend_trace(Obj *o, GcState *gc) {
    gc_mark_value(gc, ((AsendObj *)o)->gen);
    gc_mark_value(gc, ((AsendObj *)o)->arg);
}

// Interprets what the generator frame produced for the awaiting caller.
static Value asend_result(ThreadState *ts, AsendObj *a, GenObj *g, ResumeStatus st, Value out) {
    if (st == RESUME_YIELD) {
        if (is_type_exact(out, &type_async_gen_wrapped)) {
            a->state = AS_DONE;
            g->ag_running_async = 0;
            if (a->op == OP_ACLOSE) {
                return exc_raise(ts, exc_RuntimeError, "async generator ignored GeneratorExit");
            }
            return stop_iteration(ts, ((AsyncWrapObj *)as_obj(out))->value, false);
        }
        return out; // an await inside the body passes its value up
    }
    a->state = AS_DONE;
    g->ag_running_async = 0;
    if (st == RESUME_RETURN) {
        if (a->op == OP_ACLOSE) {
            return stop_iteration(ts, CS_NONE, false);
        }
        return stop_iteration(ts, CS_NONE, true);
    }
    if (a->op == OP_ACLOSE &&
        (exc_matches(ts, exc_StopAsyncIteration) || exc_matches(ts, exc_GeneratorExit))) {
        exc_clear(ts);
        return stop_iteration(ts, CS_NONE, false);
    }
    return CS_ERR;
}

static Value asend_step(ThreadState *ts, AsendObj *a, Value sent, Value throw_exc) {
    GenObj *g = (GenObj *)as_obj(a->gen);
    if (a->state == AS_DONE) {
        return exc_raise(ts, exc_RuntimeError,
                         "cannot reuse already awaited __anext__()/asend()");
    }
    Value out;
    ResumeStatus st;
    if (throw_exc != CS_UNBOUND) {
        st = gen_throw_ex(ts, g, throw_exc, &out);
        return asend_result(ts, a, g, st, out);
    }
    if (a->state == AS_INIT) {
        if (g->ag_running_async) {
            return exc_raise(ts, exc_RuntimeError,
                             a->op == OP_ASEND ? "anext(): asynchronous generator is already "
                                                 "running"
                                               : "athrow(): asynchronous generator is already "
                                                 "running");
        }
        if (g->state == GEN_CLOSED || g->ag_closed) {
            a->state = AS_DONE;
            if (a->op == OP_ACLOSE) {
                return stop_iteration(ts, CS_NONE, false);
            }
            return stop_iteration(ts, CS_NONE, true);
        }
        a->state = AS_ITER;
        g->ag_running_async = 1;
        if (a->op == OP_ASEND) {
            st = gen_send_ex(ts, g, a->arg == CS_UNBOUND ? sent : a->arg, &out);
        } else {
            if (a->op == OP_ACLOSE && g->state == GEN_CREATED) {
                g->state = GEN_CLOSED;
                g->ag_closed = 1;
                a->state = AS_DONE;
                g->ag_running_async = 0;
                return stop_iteration(ts, CS_NONE, false);
            }
            Value exc = a->arg;
            if (a->op == OP_ACLOSE) {
                exc = exc_new(ts, exc_GeneratorExit, "");
                if (exc == CS_ERR) {
                    return CS_ERR;
                }
                ((ExcObj *)as_obj(exc))->args = tuple_empty(ts);
                g->ag_closed = 1;
            }
            st = gen_throw_ex(ts, g, exc, &out);
        }
        return asend_result(ts, a, g, st, out);
    }
    st = gen_send_ex(ts, g, sent, &out);
    return asend_result(ts, a, g, st, out);
}

static Value asend_iternext(ThreadState *ts, Value self) {
    Value r = asend_step(ts, (AsendObj *)as_obj(self), CS_NONE, CS_UNBOUND);
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
    if (arg_count(ts, "send", nargs, 1, 1) < 0) {
        return CS_ERR;
    }
    return asend_step(ts, (AsendObj *)as_obj(self), args[0], CS_UNBOUND);
}

static Value asend_throw(ThreadState *ts, Value self, const Value *args, size_t nargs,
                         TupleObj *kwnames) {
    if (arg_count(ts, "throw", nargs, 1, 3) < 0) {
        return CS_ERR;
    }
    Value exc = make_throw_exc(ts, args, nargs);
    if (exc == CS_ERR) {
        return CS_ERR;
    }
    return asend_step(ts, (AsendObj *)as_obj(self), CS_NONE, exc);
}

static Value asend_close(ThreadState *ts, Value self, const Value *args, size_t nargs,
                         TupleObj *kwnames) {
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
    .name = "async_generator_asend",
    .basicsize = sizeof(AsendObj),
    .trace = asend_trace,
    .iter = gen_iter,
    .iternext = asend_iternext,
    .await = gen_iter,
    .methods = asend_methods,
};

static Value make_asend(ThreadState *ts, Value gen, AsyncOp op, Value arg) {
    AsendObj *a = gc_alloc(ts, &type_async_generator_asend, sizeof(AsendObj));
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
    if (arg_count(ts, "asend", nargs, 1, 1) < 0) {
        return CS_ERR;
    }
    return make_asend(ts, self, OP_ASEND, args[0]);
}

static Value agen_athrow(ThreadState *ts, Value self, const Value *args, size_t nargs,
                         TupleObj *kwnames) {
    if (arg_count(ts, "athrow", nargs, 1, 3) < 0) {
        return CS_ERR;
    }
    Value exc = make_throw_exc(ts, args, nargs);
    if (exc == CS_ERR) {
        return CS_ERR;
    }
    return make_asend(ts, self, OP_ATHROW, exc);
}

static Value agen_aclose(ThreadState *ts, Value self, const Value *args, size_t nargs,
                         TupleObj *kwnames) {
    if (arg_count(ts, "aclose", nargs, 0, 0) < 0) {
        return CS_ERR;
    }
    return make_asend(ts, self, OP_ACLOSE, CS_NONE);
}

static Value agen_get_running(ThreadState *ts, Value self) {
    return bool_val(((GenObj *)as_obj(self))->ag_running_async != 0);
}

static const MethodDef agen_methods[] = {
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
    {"__name__", gen_get_name, NULL},
    {"__qualname__", gen_get_qualname, NULL},
    {NULL, NULL, NULL},
};

TypeObj type_async_generator = {
    .hdr = OBJ_HEADER_INIT(&type_type),
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
