// The eval loop's interface: running code objects and calling cs functions
// from C, resuming generator frames, and the recursion guards.
#ifndef CS_VM_EVAL_H
#define CS_VM_EVAL_H

#include "vm/func.h"
#include "vm/state.h"

// Runs module-level code with the given globals and locals mapping (the
// same dict for a module). Returns the code's return value or CS_ERR.
Value vm_run_code(ThreadState *ts, CodeObj *code, DictObj *globals, Value locals);

// Calls a cs function from C: binds the arguments, and either runs the body
// to completion in a nested eval loop or, for generator/coroutine code,
// returns the new generator object.
Value vm_call_function(ThreadState *ts, FuncObj *f, const Value *args, size_t nargs,
                       TupleObj *kwnames);

// Calls f(first, *args, **kw) (bound-method calls) without allocating for short lists.
Value vm_call_prepend(ThreadState *ts, Value f, Value first, const Value *args, size_t nargs,
                      TupleObj *kwnames);

// Runs a class body function with `ns` as its locals mapping. Returns the
// __classcell__ cell (or None).
Value vm_run_class_body(ThreadState *ts, Value func, Value ns);

// RecursionError when the C stack is nearly exhausted (C code that calls
// back into cs); 0 otherwise. Cheap: one pointer comparison.
int vm_check_c_stack(ThreadState *ts);


// Resumes a suspended generator frame: pushes `sent` (unless it is
// CS_UNBOUND) or, when `throwing`, raises the pending exception at the
// suspension point. *out receives the yielded or returned value.
ResumeStatus vm_resume_frame(ThreadState *ts, Frame *f, Value sent, bool throwing, Value *out);

// Frees the inline caches of a code object (called by its finalizer).
void vm_free_code_caches(CodeObj *c);

// Handles a set eval-breaker bit (signals, GIL drop requests, pending
// collections). Returns -1 with an exception set (KeyboardInterrupt).
int vm_handle_breaker(ThreadState *ts);

// Installs the SIGINT handler that raises KeyboardInterrupt in interp's main thread.
void vm_install_sigint(Interp *interp);

// Binds call arguments into a fresh frame's slots (shared with generator creation).
int vm_bind_args(ThreadState *ts, FuncObj *func, Value *slots, const Value *args, size_t nargs,
                 TupleObj *kwnames);
// Initialises a frame header and fills every slot with CS_UNBOUND.
void vm_frame_init(Frame *f, FuncObj *func, CodeObj *code, DictObj *globals, Value locals);

#endif
