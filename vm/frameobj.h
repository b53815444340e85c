// Frame objects: the Python-visible view of a generator's or coroutine's
// frame (gi_frame, cr_frame, ag_frame), and the snapshot of a function
// frame's locals that locals() and f_locals share. Frames themselves (the
// activation records) are vm/frame.h's; plain calls have no frame object.
#ifndef CS_VM_FRAMEOBJ_H
#define CS_VM_FRAMEOBJ_H

#include "vm/frame.h"

extern TypeObj type_frame;

// The frame object of generator `gen` (a GenObj value), made on first use
// and kept by the generator. Allocates; never raises.
Value frameobj_of_gen(ThreadState *ts, Value gen);

// A new dict of the bound fast locals, cells and free variables of a
// function frame, in CPython's order. Allocates; CS_ERR raised.
Value frameobj_locals(ThreadState *ts, Frame *f);

#endif
