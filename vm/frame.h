// Frames: the activation record of a running code object. Frames of plain
// calls live on the thread's frame stack (StackChunk, vm/state.h) and are
// popped on return; a generator or coroutine owns its frame inside its
// GenObj, so suspending is keeping the frame and resuming is linking it
// back onto ts->frame.
#ifndef CS_VM_FRAME_H
#define CS_VM_FRAME_H

#include "vm/func.h"
#include "vm/list.h"
#include "vm/state.h"

struct Frame {
    Frame *prev;      // the caller (towards the bottom of the stack)
    CodeObj *code;
    FuncObj *func;    // NULL for module code run directly
    DictObj *globals;
    DictObj *builtins;
    Value locals;     // the locals mapping of module and class bodies, else CS_UNBOUND
    uint32_t *ip;     // next instruction
    Value *sp;        // value stack top (saved when the frame is not running)
    struct GenObj *gen; // owner when this is a generator/coroutine frame
    uint32_t nslots;  // locals + cells + frees + stack
    uint8_t is_entry; // returning from this frame returns from the C eval call
    uint8_t on_stack; // allocated on the thread's frame stack (not in a GenObj)
    int lineno_cache;
    Value init_self;  // for an __init__ called by instantiation: the new instance
                      // RETURN_VALUE hands back (CS_UNBOUND otherwise)
    Value slots[];    // [locals][cells][frees][value stack]
};

static inline Value *frame_stack_base(Frame *f) {
    return f->slots + f->code->nlocals + f->code->cellvars->len + f->code->freevars->len;
}

static inline size_t frame_nslots(CodeObj *co) {
    return (size_t)co->nlocals + co->cellvars->len + co->freevars->len + (size_t)co->stacksize;
}

// Marks everything the frame references (all its slots).
void frame_trace(Frame *f, GcState *gc);
// The line being executed (from the line table and ip).
int frame_lineno(Frame *f);

#endif
