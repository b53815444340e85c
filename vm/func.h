// Callables and namespaces: code objects, functions, cells, bound methods,
// built-in functions and method descriptors, modules, and the argument
// parser built-in functions use.
#ifndef CS_VM_FUNC_H
#define CS_VM_FUNC_H

#include "vm/object.h"

// Code flags (CPython's CO_* meanings).
enum {
    CO_OPTIMIZED = 1u << 0, // fast locals (function bodies)
    CO_NEWLOCALS = 1u << 1,
    CO_VARARGS = 1u << 2,
    CO_VARKEYWORDS = 1u << 3,
    CO_NESTED = 1u << 4,
    CO_GENERATOR = 1u << 5,
    CO_NOFREE = 1u << 6,
    CO_COROUTINE = 1u << 7,
    CO_ITERABLE_COROUTINE = 1u << 8, // types.coroutine
    CO_ASYNC_GENERATOR = 1u << 9,
    CO_HAS_DOCSTRING = 1u << 10, // consts[0] is the docstring
};

// One exception-table entry: an instruction in [start, end) that raises
// jumps to `target` with the value stack cut to `depth` entries (counted from
// the frame's stack base) and the exception pushed. Ranges never overlap:
// each instruction has at most its innermost handler.
typedef struct ExcTableEntry {
    uint32_t start, end, target, depth;
} ExcTableEntry;

typedef struct CodeObj {
    Obj hdr;
    uint32_t *code; // instructions: opcode | (arg << 8), malloc'd
    uint32_t ncode;
    int32_t *lines; // source line of each instruction, malloc'd
    ExcTableEntry *exc_table; // malloc'd, sorted by start
    uint32_t nexc;
    TupleObj *consts;
    TupleObj *names;    // global, attribute and import names
    TupleObj *varnames; // fast locals: positional args, kw-only args, *args, **kwargs, then others
    TupleObj *cellvars; // cells this frame creates
    TupleObj *freevars; // cells received through the closure
    int32_t *cell2arg;  // per cellvar: index of the argument it starts with, or -1 (malloc'd or NULL)
    int argcount;       // positional (including positional-only)
    int posonlyargcount;
    int kwonlyargcount;
    int nlocals;    // == len(varnames)
    int stacksize;  // maximum value-stack depth
    uint32_t flags;
    StrObj *name;
    StrObj *qualname;
    StrObj *filename;
    int firstlineno;
    void *caches; // inline caches owned by the VM (NULL until used)
} CodeObj;

typedef struct CellObj {
    Obj hdr;
    Value value; // CS_UNBOUND when empty
} CellObj;

typedef struct FuncObj {
    Obj hdr;
    CodeObj *code;
    DictObj *globals;
    DictObj *builtins;
    TupleObj *defaults;  // or NULL
    DictObj *kwdefaults; // or NULL
    TupleObj *closure;   // of CellObj, or NULL
    StrObj *name;
    StrObj *qualname;
    Value doc;    // CS_NONE when absent
    Value module; // __module__
    DictObj *dict; // function attributes, or NULL until first set
    Value annotations; // dict or CS_NONE (created lazily)
} FuncObj;

typedef struct MethodObj {
    Obj hdr;
    Value func;
    Value self;
} MethodObj;

// builtin_function_or_method: a MethodDef bound to self (module or object).
typedef struct CFuncObj {
    Obj hdr;
    const MethodDef *def;
    Value self;
    Value module; // __module__ name or CS_NONE
} CFuncObj;

// A C method in a type's dict (list.append); binds on attribute access.
typedef struct MethodDescrObj {
    Obj hdr;
    const MethodDef *def;
    TypeObj *owner;
} MethodDescrObj;

typedef struct GetSetDescrObj {
    Obj hdr;
    const GetSetDef *def;
    TypeObj *owner;
} GetSetDescrObj;

typedef struct ModuleObj {
    Obj hdr;
    DictObj *dict;
    StrObj *name;
} ModuleObj;

// property, staticmethod, classmethod
typedef struct PropertyObj {
    Obj hdr;
    Value fget, fset, fdel, doc;
    Value name; // from __set_name__, for error messages
} PropertyObj;

typedef struct WrapperObj { // staticmethod / classmethod
    Obj hdr;
    Value func;
    DictObj *dict;
} WrapperObj;

Value func_new(ThreadState *ts, CodeObj *code, DictObj *globals, Value qualname);
Value cell_new(ThreadState *ts, Value v);
Value method_new(ThreadState *ts, Value func, Value self);
Value cfunc_new(ThreadState *ts, const MethodDef *def, Value self, Value module);
Value module_new(ThreadState *ts, const char *name);
// Adds the functions of a NULL-terminated table to a module.
int module_add_functions(ThreadState *ts, ModuleObj *m, const MethodDef *defs);
int module_add_value(ThreadState *ts, ModuleObj *m, const char *name, Value v);
int module_add_int(ThreadState *ts, ModuleObj *m, const char *name, int64_t v);

// Argument parsing for C functions. `spec` lists parameter names separated by
// commas, with markers: '/' after the positional-only ones, '|' before the
// optional ones, '$' before the keyword-only ones, e.g. "iterable,/|$key,reverse".
// out[i] receives each parameter's value, or CS_UNBOUND when not given.
// Raises CPython-style TypeErrors ("sorted() takes at most 1 positional
// argument (2 given)", "'x' is an invalid keyword argument for sorted()",
// "sorted() missing required argument 'iterable' (pos 1)").
int arg_parse(ThreadState *ts, const char *fname, const Value *args, size_t nargs,
              TupleObj *kwnames, const char *spec, Value *out);
// TypeError "f() takes no keyword arguments" unless kwnames is NULL/empty.
int arg_no_kw(ThreadState *ts, const char *fname, TupleObj *kwnames);
// TypeError unless min <= nargs <= max, worded as CPython's
// "f expected at most 2 arguments, got 3" / "f() takes exactly one argument (0 given)".
int arg_count(ThreadState *ts, const char *fname, size_t nargs, size_t min, size_t max);

#endif
