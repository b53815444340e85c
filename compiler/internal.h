// Internals shared by the compiler's files: the instruction builder of one
// code object (compiler/assemble.c turns it into a CodeObj: labels, stack
// depth, exception table, line table), and small helpers. The symbol table
// is compiler/symtable.h; code generation is compile*.c.
#ifndef CS_COMPILER_INTERNAL_H
#define CS_COMPILER_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "parser/ast.h"
#include "vm/func.h"
#include "vm/list.h"
#include "vm/opcodes.h"

// Pseudo-instruction, removed by the assembler: the start of a protected
// range whose handler is handlers[arg]. Its position gives the stack depth
// the handler cuts to.
#define PSEUDO_SETUP OP_COUNT

typedef struct Instr {
    uint32_t op;     // Opcode or PSEUDO_SETUP
    uint32_t arg;    // for jumps: a label id until assembly
    int32_t line;    // source line
    int32_t handler; // innermost active handler (index in handlers), or -1
} Instr;

// An exception handler: where control goes (a label) and how the stack is
// cut. `adjust` is added to the depth found at the SETUP point (-1 for with:
// the __enter__ result is popped by the body but the handler keeps exit).
typedef struct Handler {
    int32_t label;
    int32_t adjust;
    int32_t depth; // filled by the assembler (-1: never reached)
} Handler;

// An open-addressing table from a key hash to an index (constants, names).
typedef struct IndexTable {
    int32_t *slots; // index + 1, 0 = empty
    uint64_t *hashes;
    size_t cap;
    size_t count;
} IndexTable;

typedef struct CodeBuilder {
    Instr *instrs;
    size_t ninstrs, cap_instrs;
    int32_t *labels; // label id -> instruction position (-1 unbound)
    size_t nlabels, cap_labels;
    Handler *handlers;
    size_t nhandlers, cap_handlers;
    int32_t *hstack; // active handlers, innermost last
    size_t nhstack, cap_hstack;
    int line;     // line given to emitted instructions
    Value consts; // a ListObj (rooted as a GC temp when created)
    IndexTable const_index;
    const char **names; // attribute / global / import names (not owned)
    size_t nnames, cap_names;
    IndexTable name_index;
} CodeBuilder;

// Everything about a code object besides its instructions and constants.
typedef struct CodeInfo {
    const char *name;
    const char *qualname;
    const char *filename;
    int firstlineno;
    int argcount, posonlyargcount, kwonlyargcount;
    uint32_t flags;
    const char **varnames;
    size_t nvarnames;
    const char **cellvars;
    size_t ncellvars;
    const char **freevars;
    size_t nfreevars;
} CodeInfo;

// Memory for compiler-private arrays: aborts on exhaustion, as gc.c does
// for its own tables (the compiler's memory is bounded by the source).
void *compile_xrealloc(void *p, size_t size);
char *compile_xstrdup(const char *s);
// Grows *arr (elements of elem bytes, capacity *cap) to hold need elements.
void compile_grow(void **arr, size_t *cap, size_t elem, size_t need);

// The builder. Allocates (the constants list).
void assemble_init(ThreadState *ts, CodeBuilder *cb);
void assemble_free(CodeBuilder *cb);
void assemble_emit(CodeBuilder *cb, int op, uint32_t arg);
int assemble_new_label(CodeBuilder *cb);
void assemble_bind(CodeBuilder *cb, int label);
// Opens a protected range handled at `label`; assemble_pop_block closes the
// innermost one. Instructions emitted in between get that handler.
// Returns the handler's id.
int assemble_setup(CodeBuilder *cb, int label, int adjust);
void assemble_pop_block(CodeBuilder *cb);
// Makes an already set-up handler the innermost again (code laid out after
// a path that popped it, but still inside its protected region).
void assemble_push_handler(CodeBuilder *cb, int handler);
// The innermost handler (or -1) and a way to restore the handler stack
// after emitting an unwinding path.
size_t assemble_handler_depth(CodeBuilder *cb);
void assemble_restore_handlers(CodeBuilder *cb, const int32_t *saved, size_t n);
// Index of a constant, deduplicated by type and value (0, 0.0, -0.0 and
// False stay distinct). Raises only MemoryError (-1).
int assemble_const(ThreadState *ts, CodeBuilder *cb, Value v);
// Index of a name in co_names.
int assemble_name(CodeBuilder *cb, const char *name);
// True when two constants are the same for deduplication.
bool assemble_const_same(Value a, Value b);
// Builds the CodeObj: resolves labels, drops unreachable code, computes the
// stack size and the exception and line tables. Raises SystemError on an
// internal inconsistency (mismatched stack depths).
Value assemble_code(ThreadState *ts, CodeBuilder *cb, const CodeInfo *info);

// Index tables: hash -> index, keys compared by the caller through `same`.
// find returns the index or -1.
typedef bool (*IndexSameFn)(void *ctx, int32_t index);
int32_t assemble_index_find(IndexTable *t, uint64_t hash, IndexSameFn same, void *ctx);
void assemble_index_insert(IndexTable *t, uint64_t hash, int32_t index);
void assemble_index_free(IndexTable *t);
uint64_t compile_hash_bytes(const void *p, size_t n);

// ---------------------------------------------------------------------------
// Code generation state (compile.c, compile_stmt.c, compile_expr.c)

struct Scope;
struct SymTable;

typedef enum {
    UNIT_MODULE,
    UNIT_CLASS,
    UNIT_FUNCTION,
    UNIT_ASYNC_FUNCTION,
    UNIT_LAMBDA,
    UNIT_COMPREHENSION,
} UnitKind;

// Frame blocks: what break/continue/return must unwind (CPython's fblock).
typedef enum {
    FB_WHILE_LOOP,
    FB_FOR_LOOP,
    FB_TRY_EXCEPT,
    FB_FINALLY_TRY,
    FB_FINALLY_END,
    FB_WITH,
    FB_ASYNC_WITH,
    FB_HANDLER_CLEANUP,
    FB_POP_VALUE,
    FB_EXCEPTION_HANDLER,
    FB_ASYNC_COMPREHENSION,
} FBlockKind;

typedef struct FBlock {
    FBlockKind kind;
    int block;                 // loops: the continue target
    int exit;                  // loops: the break target
    const StmtList *finalbody; // FB_FINALLY_TRY
    const Stmt *with_stmt;     // FB_WITH, FB_ASYNC_WITH
    const char *name;          // FB_HANDLER_CLEANUP: the "as" name or NULL
} FBlock;

// CPython's limit on statically nested blocks.
#define COMPILE_MAX_FBLOCKS 20

typedef struct Unit {
    struct Unit *parent;
    UnitKind kind;
    struct Scope *scope;
    CodeBuilder cb;
    const char *name;
    char *qualname;           // malloc'd
    const char *private_name; // class name for mangling, or NULL
    int firstlineno;
    int argcount, posonlyargcount, kwonlyargcount;
    const char **varnames; // fast locals: parameters first, others on first use
    size_t nvarnames, cap_varnames;
    IndexTable varindex;
    const char **cellvars; // sorted; __class__ included for classes that need it
    size_t ncellvars;
    const char **freevars; // sorted
    size_t nfreevars;
    FBlock fblocks[COMPILE_MAX_FBLOCKS];
    int nfblocks;
    uint32_t extra_flags; // CO_HAS_DOCSTRING
} Unit;

typedef struct Compiler {
    ThreadState *ts;
    struct SymTable *st;
    Unit *u;
    const char *filename;
    const char *src;
    size_t srclen;
    int mode; // CompileMode
    bool future_annotations;
    int depth; // expression recursion guard
    // The first error. raised: an exception is already set in ts (MemoryError,
    // RecursionError); else a SyntaxError is made from msg and the location.
    bool failed;
    bool raised;
    char msg[256];
    int lineno, col, end_lineno, end_col; // 0-based columns
} Compiler;

// A source range (0-based byte columns), taken from any node.
typedef struct CLoc {
    int lineno, col, end_lineno, end_col;
} CLoc;
#define CLOC(n) ((CLoc){(n)->lineno, (n)->col_offset, (n)->end_lineno, (n)->end_col_offset})

// Expression contexts for name operations.
typedef enum { CTX_LOAD, CTX_STORE, CTX_DEL } NameCtx;

// compile.c
int compile_error(Compiler *c, CLoc loc, const char *fmt, ...);
int compile_raised(Compiler *c); // an exception is pending in ts: record it, return -1
void compile_emit(Compiler *c, int op, uint32_t arg);
int compile_label(Compiler *c);
void compile_bind(Compiler *c, int label);
void compile_jump(Compiler *c, int op, int label);
int compile_load_const(Compiler *c, Value v);  // -1 on error
int compile_const_index(Compiler *c, Value v); // -1 on error
int compile_load_none(Compiler *c);
void compile_emit_name(Compiler *c, int op, const char *name); // names[] operand, mangled
int compile_nameop(Compiler *c, const char *name, NameCtx ctx, CLoc loc);
Value compile_constant(Compiler *c, const AstConstant *k); // CS_ERR recorded
Value compile_str(Compiler *c, const char *s, size_t n);   // interned when name-like
int compile_function_def(Compiler *c, const Stmt *s);
int compile_class_def(Compiler *c, const Stmt *s);
int compile_lambda(Compiler *c, const Expr *e);
// Opens a code unit for the scope of `node`; compile_exit_unit assembles it
// and closes it, returning the code object (or CS_ERR).
int compile_enter_unit(Compiler *c, UnitKind kind, const char *name, const void *node,
                       int firstlineno);
Value compile_exit_unit(Compiler *c);
void compile_drop_unit(Compiler *c);
// Pushes the function for `code` (a CodeObj made from the unit just left):
// closure cells, then MAKE_FUNCTION with `flags`.
int compile_make_closure(Compiler *c, Value code, uint32_t flags);
bool compile_in_function(Compiler *c); // the current scope is a function scope

// compile_stmt.c
int compile_stmt(Compiler *c, const Stmt *s);
int compile_stmts(Compiler *c, const StmtList *l);
int compile_push_fblock(Compiler *c, CLoc loc, FBlock fb);
void compile_pop_fblock(Compiler *c);
bool compile_find_annotations(const StmtList *l);

// compile_expr.c
int compile_expr(Compiler *c, const Expr *e);
int compile_exprs(Compiler *c, const ExprList *l);
// Jumps to `label` when the truth of e equals cond (CPython's compiler_jump_if).
int compile_jump_if(Compiler *c, const Expr *e, int label, bool cond);
// The arguments of a call whose callable (and `n` extra positional values)
// are already pushed.
int compile_call_helper(Compiler *c, int n, const ExprList *args, const KeywordList *kws,
                        CLoc call);
void compile_yield_from_loop(Compiler *c, bool await);
void compile_yield(Compiler *c);
// Assignment of the value on top of the stack to a target expression.
int compile_store(Compiler *c, const Expr *target);
// A foldable constant expression's value, CS_UNBOUND when not constant,
// CS_ERR on error.
Value compile_fold(Compiler *c, const Expr *e);
// The source text of a node, as a str.
Value compile_source_text(Compiler *c, const Expr *e);

// unparse.c: an expression as CPython's ast.unparse spells it (postponed
// annotations), as a str; CS_ERR recorded.
Value compile_unparse(Compiler *c, const Expr *e);

// The shared fields of FunctionDef/AsyncFunctionDef and For/AsyncFor, read
// through the union member that matches the kind.
typedef struct FuncParts {
    const char *name;
    Arguments *args;
    StmtList body;
    ExprList decorators;
    Expr *returns;
    bool is_async;
} FuncParts;

static inline FuncParts compile_func_parts(const Stmt *s) {
    if (s->kind == AST_ASYNC_FUNCTION_DEF) {
        const struct AstAsyncFunctionDefFields *f = &s->v.AsyncFunctionDef;
        return (FuncParts){f->name, f->args, f->body, f->decorator_list, f->returns, true};
    }
    const struct AstFunctionDefFields *f = &s->v.FunctionDef;
    return (FuncParts){f->name, f->args, f->body, f->decorator_list, f->returns, false};
}

typedef struct ForParts {
    Expr *target, *iter;
    StmtList body, orelse;
} ForParts;

static inline ForParts compile_for_parts(const Stmt *s) {
    if (s->kind == AST_ASYNC_FOR) {
        const struct AstAsyncForFields *f = &s->v.AsyncFor;
        return (ForParts){f->target, f->iter, f->body, f->orelse};
    }
    const struct AstForFields *f = &s->v.For;
    return (ForParts){f->target, f->iter, f->body, f->orelse};
}

#endif
