// Exceptions: the built-in hierarchy (vm/exceptions.def), exception objects,
// raising helpers and tracebacks.
//
// A raise helper sets ts->exc (attaching the handled exception as
// __context__, as CPython does on raise) and returns CS_ERR so that raising
// and returning is one statement: `return exc_raise(ts, exc_TypeError, ...)`.
// The int and pointer flavours return -1 and NULL.
#ifndef CS_VM_EXC_H
#define CS_VM_EXC_H

#include <stdarg.h>

#include "vm/object.h"

#define EXC(name, base) extern TypeObj *const exc_##name;
#include "vm/exceptions.def"
#undef EXC

// An exception instance. User exception classes extend this layout and
// keep their attributes in `dict` (TYPE_HAS_DICT).
typedef struct TracebackObj TracebackObj;
typedef struct ExcObj {
    Obj hdr;
    DictObj *dict;
    Value args;  // tuple
    Value cause; // __cause__ or CS_NONE
    Value context;
    TracebackObj *traceback; // __traceback__ (innermost entry last) or NULL
    bool suppress_context;
    Value value; // StopIteration.value / SystemExit.code / KeyError's key...
    Value extra[4]; // subclass-specific fields (OSError errno/strerror/filename, SyntaxError details)
} ExcObj;

// One traceback entry: a code object and the line executing in it.
struct TracebackObj {
    Obj hdr;
    TracebackObj *next; // towards the frame that raised
    Value code;         // CodeObj
    int lineno;
};

// Format is printf-like with cs extensions: %s C string, %d int, %ld long,
// %zd ssize_t, %zu size_t, %c char, %% percent, %U a str Value (its text),
// %R repr of a Value, %S str of a Value, %T the type name of a Value
// ("int"), %N the __name__ of a TypeObj *, %p a pointer (0x7f...), %x an
// unsigned int in hex. Nothing else.
Value exc_raise(ThreadState *ts, TypeObj *type, const char *fmt, ...);
Value exc_raise_v(ThreadState *ts, TypeObj *type, const char *fmt, va_list ap);
int exc_raise_int(ThreadState *ts, TypeObj *type, const char *fmt, ...);
void *exc_raise_ptr(ThreadState *ts, TypeObj *type, const char *fmt, ...);
// Raise with a ready exception instance or class (as `raise X`).
Value exc_raise_value(ThreadState *ts, Value exc);
// Raise type(*args) with arbitrary args (KeyError(key), StopIteration(value)).
Value exc_raise_args(ThreadState *ts, TypeObj *type, const Value *args, size_t nargs);
// OSError subclass chosen from errno, with strerror text and optional filename.
Value exc_raise_errno(ThreadState *ts, int err, Value filename);
Value exc_no_memory(ThreadState *ts);

// Pending exception handling.
Value exc_fetch(ThreadState *ts);   // take ts->exc and clear it (CS_UNBOUND if none)
void exc_restore(ThreadState *ts, Value exc);
void exc_clear(ThreadState *ts);
// Is the pending exception an instance of type (or a subclass)?
bool exc_matches(ThreadState *ts, TypeObj *type);
bool exc_is_instance(Value exc, TypeObj *type);
// New exception instance without raising it.
Value exc_new(ThreadState *ts, TypeObj *type, const char *fmt, ...);

// A SyntaxError-family exception (type is exc_SyntaxError, IndentationError
// or TabError) carrying CPython's fields: msg, filename, lineno, offset
// (1-based column), text (the source line), end_lineno, end_offset. Raises it.
Value exc_syntax_error(ThreadState *ts, TypeObj *type, const char *msg, const char *filename,
                       int lineno, int offset, int end_lineno, int end_offset, const char *text);

// Accessors.
Value exc_args(Value exc);
Value exc_get_value(Value exc); // StopIteration.value etc.

// Prints "Traceback (most recent call last):" ... as CPython, including the
// chained __cause__/__context__ sections, notes, and exception groups in
// nested boxes, to stderr. Never raises (errors inside are swallowed).
void exc_print(ThreadState *ts, Value exc);
// Adds an entry for (code, lineno) to the exception's traceback.
void exc_add_traceback(ThreadState *ts, Value exc, Value code, int lineno);

// Interpreter start-up (vm/interp.c) and the collector (vm/gc.c).
extern TypeObj type_traceback;
void exc_init_syntax_type(void);
int exc_init_types(ThreadState *ts);
void exc_reset_types(void);
int exc_add_builtins(ThreadState *ts, DictObj *builtins);
void exc_trace_types(GcState *gc);

#endif
