// The sys module (stdlib/mod_sys.c), created at interpreter start-up.
#ifndef CS_STDLIB_MOD_SYS_H
#define CS_STDLIB_MOD_SYS_H

#include "vm/object.h"

// Builds the sys module (streams, path, modules, version). Raises on failure.
Value sys_module_init(ThreadState *ts, int argc, char **argv);
// Sets sys.argv from C strings. -1 raised.
int sys_set_argv(ThreadState *ts, int argc, char **argv);
// Inserts the script's folder (or '' without a script) at sys.path[0]. -1 raised.
int sys_set_path0(ThreadState *ts, const char *script_path);

#endif
