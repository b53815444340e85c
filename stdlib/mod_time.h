// The time module (stdlib/mod_time.c) and the struct-sequence helpers it
// shares with os.stat_result (stdlib/mod_os.c): tuple subclasses whose first
// fields are tuple items and whose further fields are attributes only.
#ifndef CS_STDLIB_MOD_TIME_H
#define CS_STDLIB_MOD_TIME_H

#include "vm/object.h"

// A struct sequence's layout. An instance is a TupleObj of `nfields` items
// whose len is `nvisible`; the hidden items follow the visible ones.
typedef struct StructSeqDesc {
    const char *const *fields; // nfields names; NULL marks an unnamed field
    size_t nvisible;
    size_t nfields;
} StructSeqDesc;

// A new instance of `type` holding d->nfields items (copied). Allocates.
Value time_seq_new(ThreadState *ts, TypeObj *type, const StructSeqDesc *d, const Value *items);
// T(sequence): TypeError "time.struct_time() takes an at least 9-sequence
// (3-sequence given)" as CPython's structseq_new. Allocates, raises.
Value time_seq_construct(ThreadState *ts, TypeObj *type, const StructSeqDesc *d, const Value *args,
                         size_t nargs, TupleObj *kwnames);
// "time.struct_time(tm_year=2024, ...)": the visible items, named. Raises.
Value time_seq_repr(ThreadState *ts, Value self, const StructSeqDesc *d);
// Named fields as attributes, then the generic lookup. Raises.
Value time_seq_getattr(ThreadState *ts, Value self, StrObj *name, const StructSeqDesc *d);
// Marks every item, hidden ones included.
void time_seq_trace(Obj *o, GcState *gc, const StructSeqDesc *d);
// Sets the class attributes n_fields, n_sequence_fields, n_unnamed_fields. Raises.
int time_seq_init_type(ThreadState *ts, TypeObj *type, const StructSeqDesc *d);

// time.struct_time (listed in vm/builtin_types.def).
extern TypeObj type_struct_time;

// The module (registered in stdlib/modules.def).
Value time_module_init(ThreadState *ts);

#endif
