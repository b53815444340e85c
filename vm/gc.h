// The garbage collector's interface: allocation, roots, tracing.
//
// Precise mark-sweep over every heap object of the interpreter. Roots: each
// thread state's frames (locals, cells, value stacks) and pending/handled
// exceptions, each thread state's temporary-root stack, the module table,
// the interned-string table, built-in type dicts, and registered permanent
// roots. Collection runs only on the thread holding the GIL.
//
// How C code keeps values alive: every object gc_alloc returns is pushed on
// the calling thread's temporary-root stack ("temps"), so a fresh object
// survives any later allocation without further work. The eval loop pops the
// temps back to its entry mark between instructions, once results sit on the
// value stack. A C loop that allocates per iteration (sum, join of a huge
// generator, list building) may bound the temps with gc_temp_mark/reset,
// re-pushing what it still needs. A value *read out of a mutable container*
// and held across a call that may run cs code (a __eq__, a key function) is
// not rooted by anyone: push it with gc_temp_push first.
#ifndef CS_VM_GC_H
#define CS_VM_GC_H

#include <stddef.h>

#include "vm/object.h"

// Allocates a zeroed object of `size` bytes (>= sizeof(Obj)) of `type`,
// links it into the heap and pushes it on ts's temps. May collect first.
// Never returns NULL: out of memory raises MemoryError... except it cannot
// return a Value, so on exhaustion it aborts with a fatal message only when
// even the emergency reserve is gone. Callers that allocate variable sizes
// from user input (str * n, bytearray(n)) check the size with gc_check_size.
void *gc_alloc(ThreadState *ts, TypeObj *type, size_t size);

// Raises MemoryError and returns -1 if `size` bytes cannot reasonably be
// allocated (beyond the address-space limit or a failed probe); else 0.
int gc_check_size(ThreadState *ts, size_t size);

// malloc/realloc/free for buffers an object owns (list items, dict tables,
// str data kept outside the object). They count towards the GC trigger.
// xmalloc/xrealloc return NULL with MemoryError raised on failure.
void *gc_xmalloc(ThreadState *ts, size_t size);
void *gc_xrealloc(ThreadState *ts, void *p, size_t old_size, size_t new_size);
void gc_xfree(Interp *interp, void *p, size_t size);

// Temporary roots (see the file comment).
void gc_temp_push(ThreadState *ts, Value v);
size_t gc_temp_mark(ThreadState *ts);
void gc_temp_reset(ThreadState *ts, size_t mark);

// Permanent roots: a C global or static that holds a value registers its
// address once (the value may change later; the slot is read at each GC).
void gc_add_root(Interp *interp, Value *slot);

// Tracing, for TypeObj.trace implementations.
void gc_mark_value(GcState *gc, Value v);
void gc_mark_obj(GcState *gc, Obj *o); // o may be NULL
void gc_mark_array(GcState *gc, const Value *vals, size_t n);

// Runs a full collection now. Returns the number of objects freed.
size_t gc_collect(ThreadState *ts);

// Death watch: a callback that may run cs code when `o` becomes unreachable
// (CPython's tp_finalize, e.g. "Task exception was never retrieved"). The
// collection that finds `o` dead keeps it (and what it references) alive,
// queues it and sets BREAK_FINALIZE; gc_run_reports then calls on_death at a
// safe point (the eval breaker, gc.collect(), the asyncio loop, shutdown)
// and the object dies at a later collection. Each registration fires at
// most once. Never raises; allocates only C memory.
// Watching an object already watched only re-arms it (same callback).
typedef void (*DeathFn)(ThreadState *ts, Obj *o);
void gc_watch(ThreadState *ts, Obj *o, DeathFn on_death);
// Cancels o's watch (a generator that finished needs no finalizing): the
// next collection drops the entry without calling back. Never raises.
void gc_unwatch(Obj *o);
// Runs the queued death callbacks (an exception a callback leaves is
// printed and cleared). Returns how many ran.
size_t gc_run_reports(ThreadState *ts);
// Interpreter exit: every watched object is treated as dead now (CPython
// finalizes what its modules hold when it tears them down) and its callback
// runs. Never raises (exceptions are printed).
void gc_report_all(ThreadState *ts);

// Start-up builds the core tables with collection off (nested pairs).
void gc_disable(Interp *interp);
void gc_enable(Interp *interp);
// Finalizes and frees every object (interpreter shutdown).
void gc_free_all(Interp *interp);

// Statistics for the gc module and tests.
typedef struct GcStats {
    size_t collections;
    size_t live_objects;
    size_t live_bytes;
    size_t total_allocated;
} GcStats;
GcStats gc_stats(Interp *interp);

#endif
