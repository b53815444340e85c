// Exception groups (PEP 654, without `except*`): BaseExceptionGroup and
// ExceptionGroup. Their static types come from vm/exceptions.def like every
// built-in exception; vm/excgroup.c gives them their layout, constructor and
// methods, and vm/exc.c prints them in CPython's nested-box traceback format.
#ifndef CS_VM_EXCGROUP_H
#define CS_VM_EXCGROUP_H

#include "vm/object.h"

// Fills in both group types before vm/exc.c readies the hierarchy: layout,
// slots, methods, and ExceptionGroup's second base (Exception) with its MRO.
// Allocates; -1 only when out of memory (raised).
int excgroup_prepare_types(ThreadState *ts);

// Is v an instance of BaseExceptionGroup (or a subclass)? Never raises.
bool excgroup_check(Value v);

// The sub-exceptions of a group: a non-empty tuple for every group built by
// its constructor, NULL for one whose __new__ never ran. Never raises.
TupleObj *excgroup_exceptions(Value eg);

#endif
