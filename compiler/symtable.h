// The symbol table: one Scope per module, class, function, lambda and
// comprehension, built by walking the AST, then analysed as CPython 3.11's
// symtable.c does to classify every name as local, global (explicit or
// implicit), free or cell. compiler/compile.c reads it; it holds no GC objects.
#ifndef CS_COMPILER_SYMTABLE_H
#define CS_COMPILER_SYMTABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "compiler/internal.h"
#include "parser/ast.h"

typedef enum { SCOPE_MODULE, SCOPE_CLASS, SCOPE_FUNCTION } ScopeKind;

// What the code says about a name in one scope (bits).
enum {
    DEF_GLOBAL = 1u << 0,     // global statement
    DEF_LOCAL = 1u << 1,      // assigned, deleted, defined, bound by for/with/except
    DEF_PARAM = 1u << 2,      // a parameter
    DEF_NONLOCAL = 1u << 3,   // nonlocal statement
    DEF_USE = 1u << 4,        // read
    DEF_FREE_CLASS = 1u << 5, // bound in a class and free in one of its methods
    DEF_IMPORT = 1u << 6,     // bound by import
    DEF_ANNOT = 1u << 7,      // annotated (x: int)
    DEF_COMP_ITER = 1u << 8,  // a comprehension's iteration variable
    DEF_BOUND = DEF_LOCAL | DEF_PARAM | DEF_IMPORT,
};

// Where a name lives, after analysis.
typedef enum {
    SYM_UNKNOWN = 0,
    SYM_LOCAL,
    SYM_GLOBAL_EXPLICIT,
    SYM_GLOBAL_IMPLICIT,
    SYM_FREE,
    SYM_CELL,
} SymScope;

typedef struct Symbol {
    const char *name; // mangled (the AST's string or one owned by the symtable)
    uint32_t flags;
    SymScope scope;
    // Where the first global/nonlocal statement naming it is (for errors).
    bool has_directive;
    int dir_lineno, dir_col, dir_end_lineno, dir_end_col;
} Symbol;

typedef enum { COMP_NONE, COMP_LIST, COMP_SET, COMP_DICT, COMP_GENEXP } CompKind;

typedef struct Scope {
    ScopeKind kind;
    const char *name; // "top", the class or function name, "<lambda>", "<listcomp>"...
    const void *node; // the AST node that opens the scope (key for lookups)
    struct Scope *parent;
    struct Scope **children;
    size_t nchildren, cap_children;
    Symbol *syms;
    size_t nsyms, cap_syms;
    IndexTable index;
    const char **params; // parameter names in order (function scopes)
    size_t nparams, cap_params;
    int lineno, col_offset, end_lineno, end_col_offset;
    CompKind comp;     // a comprehension scope
    bool is_async;     // async def (or an async comprehension)
    bool is_generator; // contains yield
    bool is_coroutine; // async def, or a comprehension with await / async for
    bool is_lambda;
    bool is_nested;           // inside a function
    bool has_free;            // uses a free variable
    bool child_free;          // some descendant uses a free variable
    bool needs_class_closure; // class scope: a method uses __class__ / super
    bool returns_value;
    bool has_varargs, has_varkeywords;
    bool has_annotations;     // module/class: an annotated assignment (SETUP_ANNOTATIONS)
    int comp_iter_expr;       // walking a comprehension's iterable (walrus check)
    int comp_iter_target;     // walking a comprehension's target
    const char *private_name; // class name for mangling (nearest enclosing class), or NULL
} Scope;

typedef struct SymTable {
    Scope *top;
    Scope **all; // every scope, for node lookups
    size_t nall, cap_all;
    IndexTable by_node;
    char **owned; // strings allocated for mangled and dotted names
    size_t nowned, cap_owned;
    bool future_annotations; // from __future__ import annotations
    // The first error: message and location (byte columns, 0-based).
    bool failed;
    bool recursion; // RecursionError rather than SyntaxError
    char msg[200];
    int lineno, col_offset, end_lineno, end_col_offset;
} SymTable;

// Builds and analyses the table for a module (st zeroed by the caller).
// Returns 0, or -1 with the SyntaxError details in st->msg and the location
// fields (or st->recursion set). Never allocates GC objects; aborts on OOM.
int symtable_build(SymTable *st, const Mod *mod);
void symtable_free(SymTable *st);

// The scope opened by an AST node (FunctionDef, ClassDef, Lambda,
// comprehension), or NULL.
Scope *symtable_lookup(SymTable *st, const void *node);
// The symbol of a (mangled) name in a scope, or NULL.
Symbol *symtable_symbol(Scope *s, const char *name);
// Where `name` lives in scope s (SYM_UNKNOWN when not mentioned there).
SymScope symtable_scope_of(Scope *s, const char *name);

// Name mangling of private names (__x inside class C becomes _C__x).
// Returns `name` itself when nothing changes, else a string owned by st.
const char *symtable_mangle(SymTable *st, const char *private_name, const char *name);

#endif
