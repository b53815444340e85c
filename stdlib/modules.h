// Declarations of the native module init functions listed in stdlib/modules.def.
#ifndef CS_STDLIB_MODULES_H
#define CS_STDLIB_MODULES_H

#include "vm/object.h"

#define MODULE(name, init) Value init(ThreadState *ts);
#include "stdlib/modules.def"
#undef MODULE

#endif
