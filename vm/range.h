// range and slice objects.
#ifndef CS_VM_RANGE_H
#define CS_VM_RANGE_H

#include "vm/object.h"

typedef struct RangeObj {
    Obj hdr;
    Value start, stop, step; // ints (big ranges are allowed)
    Value length;            // int
} RangeObj;

typedef struct SliceObj {
    Obj hdr;
    Value start, stop, step; // any values, CS_NONE when omitted
} SliceObj;

Value range_new(ThreadState *ts, Value start, Value stop, Value step);
Value slice_new(ThreadState *ts, Value start, Value stop, Value step);
// Resolves a slice against a sequence length as CPython's PySlice_GetIndicesEx:
// 0, or -1 raised ("slice step cannot be zero", TypeError for bad indices).
int slice_indices(ThreadState *ts, SliceObj *s, ssize_t len, ssize_t *start, ssize_t *stop,
                  ssize_t *step, ssize_t *slicelen);

// CPython's PySlice_Unpack (None filled in, bounds clamped to ssize_t; may
// call __index__ and raise) and PySlice_AdjustIndices (never raises; returns
// the slice length). Sequences that may change during __index__ unpack
// first and adjust against their current length.
int slice_unpack(ThreadState *ts, SliceObj *s, ssize_t *start, ssize_t *stop, ssize_t *step);
ssize_t slice_adjust(ssize_t len, ssize_t *start, ssize_t *stop, ssize_t step);

extern TypeObj type_range_iterator, type_longrange_iterator;

#endif
