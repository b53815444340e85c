// The interactive interpreter (cli/repl.c).
#ifndef CS_CLI_REPL_H
#define CS_CLI_REPL_H

#include "vm/state.h"

// Reads, compiles and runs statements until EOF; returns the exit status.
int repl_run(ThreadState *ts);

#endif
