// The iterator helper types of the builtins: enumerate, zip, map, filter,
// reversed, the sequence iterator obj_iter makes for objects that only have
// __getitem__, the callable iterator of iter(f, sentinel), and the awaitable
// behind anext(it, default). The builtin functions are in stdlib/mod_builtins.c.
#ifndef CS_STDLIB_ITERATORS_H
#define CS_STDLIB_ITERATORS_H

#include "vm/object.h"

// Static types (listed in vm/builtin_types.def). enumerate, zip, map, filter
// and reversed are the classes the builtins module exposes under those names.
extern TypeObj type_enumerate, type_zip, type_map, type_filter, type_reversed, type_seqiter,
    type_calliter, type_anext_awaitable;

// An iterator over seq[0], seq[1], ... until IndexError or StopIteration
// (CPython's "iterator" type). Allocates; never raises otherwise.
Value seqiter_new(ThreadState *ts, Value seq);

// iter(callable, sentinel): calls callable() until the result == sentinel
// (CPython's "callable_iterator"). Allocates; never raises otherwise.
Value calliter_new(ThreadState *ts, Value callable, Value sentinel);

// The awaitable anext(aiter, default) returns: awaiting it awaits
// `awaitable` and turns StopAsyncIteration into the result `dflt`. Allocates.
Value iterators_anext_awaitable(ThreadState *ts, Value awaitable, Value dflt);

// obj_next that also treats a pending StopIteration as exhaustion: returns
// the next item, CS_STOP (nothing pending) or CS_ERR. May run cs code.
Value iterators_next(ThreadState *ts, Value it);

#endif
