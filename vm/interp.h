// Interpreter life cycle (vm/interp.c): create with its main thread state,
// per-thread states, the current thread state, shutdown.
#ifndef CS_VM_INTERP_H
#define CS_VM_INTERP_H

#include "vm/state.h"

// Creates the interpreter and its main thread state (made current). NULL on
// failure (the reason is printed).
Interp *interp_new(int argc, char **argv, ThreadState **ts_out);
// Frees every object and thread state. The interpreter must not run again.
void interp_free(Interp *interp);

ThreadState *ts_new(Interp *interp);
void ts_delete(ThreadState *ts);
void ts_set_current(ThreadState *ts);
// Sets the C-stack guard of the calling thread (stack_size 0: from RLIMIT_STACK).
void ts_init_stack_limit(ThreadState *ts, size_t stack_size);

#endif
