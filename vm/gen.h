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

#endif
