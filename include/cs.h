// The public embedding API of cs: open an interpreter, run source text or a
// file in its __main__ module, call a global function with simple
// arguments, read back results as text, close. One interpreter per process
// at a time; all calls from the thread that opened it.
#ifndef CS_H
#define CS_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct CsVM CsVM;

// Creates an interpreter. argv (may be NULL) becomes sys.argv. NULL on failure.
CsVM *cs_open(int argc, char **argv);
// Runs source text as part of __main__. 0 on success; -1 when it raised
// (the traceback is printed to stderr and kept for cs_error()).
int cs_run_string(CsVM *vm, const char *source, const char *filename);
// Runs a file as __main__ (the folder joins sys.path). 0 or -1 as above.
int cs_run_file(CsVM *vm, const char *path);
// Calls the global function `name` of __main__ with string arguments and
// returns str() of the result in a malloc'd string (caller frees), or NULL
// when it raised.
char *cs_call(CsVM *vm, const char *name, int argc, const char *const *argv);
// Evaluates an expression in __main__ and returns repr() of it (malloc'd), or NULL.
char *cs_eval(CsVM *vm, const char *expression);
// The message of the last uncaught exception ("ZeroDivisionError: division
// by zero"), or NULL when the last call succeeded. Owned by the VM.
const char *cs_error(CsVM *vm);
// Flushes output and frees the interpreter.
void cs_close(CsVM *vm);

#ifdef __cplusplus
}
#endif

#endif
