// Interned names (vm/names.def), reachable without a lookup.
#ifndef CS_VM_NAMES_H
#define CS_VM_NAMES_H

#include "vm/state.h"

typedef enum {
#define NAME(id, text) NAMEID_##id,
#include "vm/names.def"
#undef NAME
    NAMEID_COUNT
} NameId;

#define STR_NAME(ts, id) ((ts)->interp->names[NAMEID_##id])

// Interns every name of names.def into interp->names (start-up).
int names_init(ThreadState *ts);

#endif
