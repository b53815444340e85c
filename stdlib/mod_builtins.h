// The builtins module's functions (print, len, sorted, min, max, sum, dir,
// getattr, ...). The built-in types and exceptions it also offers are
// inserted by vm/interp.c; the iterator classes are in stdlib/iterators.c
// and open() in stdlib/fileio.c.
#ifndef CS_STDLIB_MOD_BUILTINS_H
#define CS_STDLIB_MOD_BUILTINS_H

#include "vm/object.h"

// Creates the builtins module with every function of the builtins, plus the
// classes enumerate, zip, map, filter and reversed. Allocates; CS_ERR raised.
Value builtins_module_init(ThreadState *ts);

#endif
