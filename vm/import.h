// The import system: sys.modules, finding .cs files and packages along
// sys.path, native modules (stdlib/modules.def) and the embedded library.
#ifndef CS_VM_IMPORT_H
#define CS_VM_IMPORT_H

#include "vm/object.h"

// IMPORT_NAME: __import__(name, globals, fromlist, level). Returns the
// top-level package for `import a.b` (fromlist None), else the module itself.
Value import_name(ThreadState *ts, Value name, DictObj *globals, Value fromlist, Value level);
// IMPORT_FROM: module.name, importing the submodule module.name if needed.
Value import_from(ThreadState *ts, Value module, StrObj *name);
// IMPORT_STAR: copies public names into `locals`.
int import_star(ThreadState *ts, Value module, Value locals);
// Imports a module by absolute dotted name.
Value import_module(ThreadState *ts, const char *name);
// Runs `path` as __main__ (or `modname` when run as -m).
Value import_run_main(ThreadState *ts, const char *path, const char *source, size_t len);
// `cs -m name`: runs the module's source as __main__.
Value import_run_module_as_main(ThreadState *ts, const char *name);
// The `__import__` built-in.
Value import_builtin(ThreadState *ts, Value self, const Value *args, size_t nargs,
                     TupleObj *kwnames);

#endif
