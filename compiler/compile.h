// The compiler: AST (parser/ast.h) to code objects (vm/func.h CodeObj).
// symtable.c resolves scopes; compile.c emits bytecode (vm/opcodes.def),
// the exception table and the line table. vm/import.c and the CLI are its
// only callers.
#ifndef CS_COMPILER_COMPILE_H
#define CS_COMPILER_COMPILE_H

#include <stddef.h>

#include "vm/object.h"

typedef enum {
    COMPILE_FILE,        // a module: statements; the code returns None
    COMPILE_EVAL,        // one expression; the code returns its value
    COMPILE_INTERACTIVE, // one REPL statement; expression statements PRINT_EXPR
} CompileMode;

// Parses and compiles source text. Returns a CodeObj value, or CS_ERR with a
// SyntaxError / IndentationError / TabError raised (built by
// exc_syntax_error, so tracebacks print the line and caret as CPython).
// In COMPILE_INTERACTIVE mode an incomplete statement raises SyntaxError
// with the message "incomplete input" so the REPL can ask for more lines.
Value compile_source(ThreadState *ts, const char *src, size_t len, const char *filename,
                     CompileMode mode);

#endif
