// Generators, coroutines and async generators: one object, a suspended
// frame owned by the object. Resuming pushes the frame back onto the
// thread's frame chain and re-enters the eval loop (vm/eval.c); yielding
// unlinks it again. Also the await/async-iteration helpers the eval loop
// uses (GET_AWAITABLE, GET_AITER, GET_ANEXT, SEND).
#ifndef CS_VM_GEN_H
#define CS_VM_GEN_H

#include "vm/eval.h"
#include "vm/frame.h"

typedef enum { GEN_KIND_GENERATOR, GEN_KIND_COROUTINE, GEN_KIND_ASYNC_GENERATOR } GenKind;
typedef enum { GEN_CREATED, GEN_SUSPENDED, GEN_RUNNING, GEN_CLOSED } GenState;

typedef struct GenObj {
    Obj hdr;
    StrObj *name;
    StrObj *qualname;
    Value handled; // sys.exc_info() of the suspended generator (CS_NONE if none)
    Value awaited; // coroutine: what it awaits now (cr_await), else CS_NONE
    uint8_t kind;
    uint8_t state;
    uint8_t ag_running_async; // async generator: an asend/athrow is in flight
    uint8_t ag_closed;        // async generator: aclose() finished it
    bool awaited_once;        // coroutine: was ever driven (for "never awaited")
    bool finalized;           // its death-watch callback ran (it runs once, as CPython's)
    Frame *frame;             // lives in this object's tail
    Value frame_obj;          // gi_frame's object once asked for (vm/frameobj.c), else CS_NONE
    // While run inline by the eval loop (FOR_ITER on a generator), the
    // resumer's sys.exc_info() and the value at entry (see gen_inline_*).
    Value caller_handled;
    Value handled_at_entry;
} GenObj;

extern TypeObj type_generator, type_coroutine, type_async_generator;

// Makes the generator/coroutine/async generator for a call of `f`.
Value gen_new(ThreadState *ts, FuncObj *f, const Value *args, size_t nargs, TupleObj *kwnames);

// Resumes with `v` (send). RESUME_YIELD: *out is the yielded value;
// RESUME_RETURN: *out is the return value; RESUME_ERROR: raised.
ResumeStatus gen_send_ex(ThreadState *ts, GenObj *g, Value v, Value *out);
// Throws `exc` into the generator at its suspension point (delegating to a
// yield-from/await target first).
ResumeStatus gen_throw_ex(ThreadState *ts, GenObj *g, Value exc, Value *out);

// SEND's work: receiver.send(v), next(receiver) for plain iterators.
ResumeStatus gen_send_any(ThreadState *ts, Value receiver, Value v, Value *out);

// GET_AWAITABLE: the iterator to drive for `await v` (a coroutine itself,
// or v.__await__()). `where` is opcodes.def's GET_AWAITABLE argument.
Value gen_get_awaitable(ThreadState *ts, Value v, int where);
// GET_AITER and GET_ANEXT.
Value gen_get_aiter(ThreadState *ts, Value v);
Value gen_get_anext(ThreadState *ts, Value aiter);
// ASYNC_GEN_WRAP: marks a value yielded by an async generator body.
Value gen_async_wrap(ThreadState *ts, Value v);

bool gen_is_generator_like(Value v); // generator or coroutine object

// The eval loop runs a plain generator's frame inline under FOR_ITER (no C
// recursion). gen_inline_enter: g is resumable (created or suspended, not
// a coroutine); swaps in its sys.exc_info and marks it running. Returns the
// value to push on its stack, or CS_UNBOUND for a just-started one.
// gen_inline_leave: the frame yielded (finished == false) or ended;
// restores the resumer's exc_info. On an error end, turns StopIteration
// into RuntimeError (PEP 479). Neither raises (except that conversion).
void gen_inline_finish(ThreadState *ts, GenObj *g, bool error);
void gen_inline_suspended(ThreadState *ts, GenObj *g);

// As resume() in vm/gen.c: the generator runs on its own exception level;
// the resumer's handled exception moves to handled_outer meanwhile. The
// saved values live in the generator (traced) while it runs.
static inline Value gen_inline_enter(ThreadState *ts, GenObj *g) {
    Value sent = g->state == GEN_CREATED ? CS_UNBOUND : CS_NONE;
    g->caller_handled = ts->handled;
    g->handled_at_entry = ts->handled_outer;
    if (is_obj(ts->handled)) {
        ts->handled_outer = ts->handled;
    }
    ts->handled = g->handled;
    g->state = GEN_RUNNING;
    g->awaited_once = true;
    return sent;
}

static inline void gen_inline_leave(ThreadState *ts, GenObj *g, bool finished, bool error) {
    g->handled = finished ? CS_NONE : ts->handled;
    ts->handled = g->caller_handled;
    ts->handled_outer = g->handled_at_entry;
    g->caller_handled = CS_NONE;
    g->handled_at_entry = CS_NONE;
    if (!finished) {
        g->state = GEN_SUSPENDED;
        gen_inline_suspended(ts, g);
        return;
    }
    gen_inline_finish(ts, g, error);
}

#endif
