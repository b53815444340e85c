// The disassembler: a CPython-like listing of a code object's instructions,
// exception table and, recursively, the code objects among its constants.
// Used by `cs --dis FILE` and the dis module; the instruction set itself is
// vm/opcodes.def.
#ifndef CS_VM_DIS_H
#define CS_VM_DIS_H

#include "vm/str.h"

// Appends the listing of `code` (a CodeObj value) and of every code object in
// its constants to `out`. Returns 0, or -1 with an exception raised (a
// constant's repr failed or `code` is not a code object).
int dis_code(ThreadState *ts, Value code, StrBuf *out);

// Like dis_code but only the one code object, no nested ones.
int dis_code_single(ThreadState *ts, Value code, StrBuf *out);

#endif
