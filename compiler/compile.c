// The compiler's driver (compiler/compile.h): parse, build the symbol table,
// generate code unit by unit (module, class bodies, functions, lambdas,
// comprehensions) and turn errors into SyntaxErrors. Also the helpers every
// generator file shares: emitting, names, constants, and the definitions
// (def, class, lambda) that open new code units. Statements live in
// compile_stmt.c, expressions in compile_expr.c, the assembler in assemble.c.
#include "compiler/compile.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compiler/internal.h"
#include "compiler/symtable.h"
#include "parser/parser.h"
#include "vm/bytes.h"
#include "vm/exc.h"
#include "vm/int.h"
#include "vm/state.h"
#include "vm/str.h"

// ---------------------------------------------------------------------------
// Memory

void *compile_xrealloc(void *p, size_t size) {
    void *np = realloc(p, size ? size : 1);
    if (np == NULL) {
        fputs("cs: fatal error: out of memory in the compiler\n", stderr);
        abort();
    }
    return np;
}

char *compile_xstrdup(const char *s) {
    size_t n = strlen(s) + 1;
    char *d = compile_xrealloc(NULL, n);
    memcpy(d, s, n);
    return d;
}

void compile_grow(void **arr, size_t *cap, size_t elem, size_t need) {
    if (need <= *cap) {
        return;
    }
    size_t ncap = *cap ? *cap * 2 : 16;
    while (ncap < need) {
        ncap *= 2;
    }
    *arr = compile_xrealloc(*arr, ncap * elem);
    *cap = ncap;
}

// ---------------------------------------------------------------------------
// Errors

int compile_error(Compiler *c, CLoc loc, const char *fmt, ...) {
    if (c->failed) {
        return -1;
    }
    c->failed = true;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(c->msg, sizeof c->msg, fmt, ap);
    va_end(ap);
    c->lineno = loc.lineno;
    c->col = loc.col;
    c->end_lineno = loc.end_lineno;
    c->end_col = loc.end_col;
    return -1;
}

int compile_raised(Compiler *c) {
    if (!c->failed) {
        c->failed = true;
        c->raised = true;
    }
    return -1;
}

// The text of source line `lineno` (1-based) and its length with the
// newline, or NULL.
static const char *source_line(const char *src, size_t len, int lineno, size_t *n) {
    const char *p = src, *end = src + len;
    for (int l = 1; l < lineno && p < end; l++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (nl == NULL) {
            return NULL;
        }
        p = nl + 1;
    }
    if (p >= end || lineno < 1) {
        return NULL;
    }
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    *n = nl ? (size_t)(nl - p) + 1 : (size_t)(end - p);
    return p;
}

static char *line_text(const char *src, size_t len, int lineno) {
    size_t n = 0;
    const char *p = source_line(src, len, lineno, &n);
    if (p == NULL) {
        return NULL;
    }
    char *t = compile_xrealloc(NULL, n + 2);
    memcpy(t, p, n);
    if (n > 0 && t[n - 1] == '\r') {
        t[n - 1] = '\n';
    }
    t[n] = '\0';
    return t;
}

static Value raise_compile_error(ThreadState *ts, Compiler *c) {
    char *text = line_text(c->src, c->srclen, c->lineno);
    Value r = exc_syntax_error(ts, exc_SyntaxError, c->msg, c->filename, c->lineno, c->col + 1,
                               c->end_lineno, c->end_col + 1, text);
    free(text);
    return r;
}

static Value raise_parse_error(ThreadState *ts, const ParseError *e, const char *src, size_t len,
                               const char *filename) {
    if (e->kind == PARSE_MEMORY_ERROR) {
        return exc_raise_args(ts, exc_MemoryError, NULL, 0);
    }
    TypeObj *type = e->kind == PARSE_INDENTATION_ERROR ? exc_IndentationError
                    : e->kind == PARSE_TAB_ERROR       ? exc_TabError
                                                       : exc_SyntaxError;
    const char *msg = e->kind == PARSE_INCOMPLETE ? "incomplete input" : e->msg;
    size_t n = 0;
    const char *line = e->lineno > 0 ? parse_error_line(e, src, &n) : NULL;
    char *text = NULL;
    if (line) {
        text = compile_xrealloc(NULL, n + 2);
        memcpy(text, line, n);
        text[n] = '\n';
        text[n + 1] = '\0';
    }
    Value r = exc_syntax_error(ts, type, msg, filename, e->lineno, e->offset, e->end_lineno,
                               e->end_offset, text);
    free(text);
    return r;
}

// ---------------------------------------------------------------------------
// Emitting

void compile_emit(Compiler *c, int op, uint32_t arg) {
    assemble_emit(&c->u->cb, op, arg);
}

int compile_label(Compiler *c) {
    return assemble_new_label(&c->u->cb);
}

void compile_bind(Compiler *c, int label) {
    assemble_bind(&c->u->cb, label);
}

void compile_jump(Compiler *c, int op, int label) {
    assemble_emit(&c->u->cb, op, (uint32_t)label);
}

int compile_const_index(Compiler *c, Value v) {
    if (v == CS_ERR) {
        return compile_raised(c);
    }
    int i = assemble_const(c->ts, &c->u->cb, v);
    return i < 0 ? compile_raised(c) : i;
}

int compile_load_const(Compiler *c, Value v) {
    int i = compile_const_index(c, v);
    if (i < 0) {
        return -1;
    }
    compile_emit(c, OP_LOAD_CONST, (uint32_t)i);
    return 0;
}

int compile_load_none(Compiler *c) {
    return compile_load_const(c, CS_NONE);
}

static const char *mangle(Compiler *c, const char *name) {
    return symtable_mangle(c->st, c->u->private_name, name);
}

void compile_emit_name(Compiler *c, int op, const char *name) {
    int i = assemble_name(&c->u->cb, mangle(c, name));
    compile_emit(c, op, (uint32_t)i);
}

bool compile_in_function(Compiler *c) {
    return c->u->scope->kind == SCOPE_FUNCTION;
}

// ---------------------------------------------------------------------------
// Constants

static bool name_like(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++) {
        char ch = s[i];
        if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
              ch == '_')) {
            return false;
        }
    }
    return true;
}

Value compile_str(Compiler *c, const char *s, size_t n) {
    Value v = str_new(c->ts, s, n);
    if (v != CS_ERR && name_like(s, n)) {
        v = str_intern(c->ts, v);
    }
    if (v == CS_ERR) {
        compile_raised(c);
    }
    return v;
}

Value compile_constant(Compiler *c, const AstConstant *k) {
    Value v = CS_ERR;
    switch (k->kind) {
    case AST_CONST_NONE:
        return CS_NONE;
    case AST_CONST_TRUE:
        return CS_TRUE;
    case AST_CONST_FALSE:
        return CS_FALSE;
    case AST_CONST_ELLIPSIS:
        return CS_ELLIPSIS_VAL;
    case AST_CONST_INT:
        v = int_from_literal(c->ts, k->v.i.digits, strlen(k->v.i.digits), k->v.i.base);
        break;
    case AST_CONST_FLOAT:
        return float_val(k->v.f);
    case AST_CONST_STR:
        return compile_str(c, k->v.s.data, k->v.s.len);
    case AST_CONST_BYTES:
        v = bytes_new(c->ts, k->v.s.data, k->v.s.len);
        break;
    case AST_CONST_COMPLEX:
        exc_raise(c->ts, exc_NotImplementedError, "complex numbers are not supported");
        break;
    }
    if (v == CS_ERR) {
        compile_raised(c);
    }
    return v;
}

// ---------------------------------------------------------------------------
// Names

typedef struct VarKey {
    Unit *u;
    const char *name;
} VarKey;

static bool var_same(void *ctx, int32_t index) {
    VarKey *k = ctx;
    return strcmp(k->u->varnames[index], k->name) == 0;
}

static int varname_index(Unit *u, const char *name) {
    VarKey k = {u, name};
    uint64_t h = compile_hash_bytes(name, strlen(name));
    int32_t i = assemble_index_find(&u->varindex, h, var_same, &k);
    if (i >= 0) {
        return i;
    }
    compile_grow((void **)&u->varnames, &u->cap_varnames, sizeof(char *), u->nvarnames + 1);
    u->varnames[u->nvarnames] = name;
    i = (int32_t)u->nvarnames++;
    assemble_index_insert(&u->varindex, h, i);
    return i;
}

static int find_name(const char **names, size_t n, const char *name) {
    for (size_t i = 0; i < n; i++) {
        if (strcmp(names[i], name) == 0) {
            return (int)i;
        }
    }
    return -1;
}

// Index of a cell or free variable in the combined cells list.
static int deref_index(Unit *u, const char *name) {
    int i = find_name(u->cellvars, u->ncellvars, name);
    if (i >= 0) {
        return i;
    }
    i = find_name(u->freevars, u->nfreevars, name);
    return i < 0 ? -1 : (int)u->ncellvars + i;
}

typedef enum { NAMEOP_NAME, NAMEOP_FAST, NAMEOP_GLOBAL, NAMEOP_DEREF } NameOpKind;

static NameOpKind nameop_kind(Compiler *c, const char *mangled) {
    bool func = compile_in_function(c);
    switch (symtable_scope_of(c->u->scope, mangled)) {
    case SYM_FREE:
    case SYM_CELL:
        return NAMEOP_DEREF;
    case SYM_LOCAL:
        return func ? NAMEOP_FAST : NAMEOP_NAME;
    case SYM_GLOBAL_IMPLICIT:
        return func ? NAMEOP_GLOBAL : NAMEOP_NAME;
    case SYM_GLOBAL_EXPLICIT:
        return NAMEOP_GLOBAL;
    default:
        return NAMEOP_NAME;
    }
}

static const int nameop_table[4][3] = {
    [NAMEOP_NAME] = {OP_LOAD_NAME, OP_STORE_NAME, OP_DELETE_NAME},
    [NAMEOP_FAST] = {OP_LOAD_FAST, OP_STORE_FAST, OP_DELETE_FAST},
    [NAMEOP_GLOBAL] = {OP_LOAD_GLOBAL, OP_STORE_GLOBAL, OP_DELETE_GLOBAL},
    [NAMEOP_DEREF] = {OP_LOAD_DEREF, OP_STORE_DEREF, OP_DELETE_DEREF},
};

int compile_nameop(Compiler *c, const char *name, NameCtx ctx, CLoc loc) {
    if (strcmp(name, "__debug__") == 0) {
        if (ctx == CTX_LOAD) {
            return compile_load_const(c, CS_TRUE);
        }
        return compile_error(
            c, loc, ctx == CTX_STORE ? "cannot assign to __debug__" : "cannot delete __debug__");
    }
    const char *mangled = mangle(c, name);
    NameOpKind kind = nameop_kind(c, mangled);
    int op = nameop_table[kind][ctx];
    int arg;
    if (kind == NAMEOP_DEREF) {
        arg = deref_index(c->u, mangled);
        if (arg < 0) {
            exc_raise(c->ts, exc_SystemError, "compiler: no cell for '%s'", mangled);
            return compile_raised(c);
        }
        if (op == OP_LOAD_DEREF && c->u->scope->kind == SCOPE_CLASS) {
            op = OP_LOAD_CLASSDEREF;
        }
    } else if (kind == NAMEOP_FAST) {
        arg = varname_index(c->u, mangled);
    } else {
        arg = assemble_name(&c->u->cb, mangled);
    }
    compile_emit(c, op, (uint32_t)arg);
    return 0;
}

// ---------------------------------------------------------------------------
// Code units

static int cmp_names(const void *a, const void *b) {
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void collect_cells(Unit *u) {
    Scope *s = u->scope;
    size_t ncell = 0, nfree = 0;
    u->cellvars = compile_xrealloc(NULL, (s->nsyms + 1) * sizeof(char *));
    u->freevars = compile_xrealloc(NULL, (s->nsyms + 1) * sizeof(char *));
    for (size_t i = 0; i < s->nsyms; i++) {
        Symbol *sym = &s->syms[i];
        if (sym->scope == SYM_CELL) {
            u->cellvars[ncell++] = sym->name;
        } else if (sym->scope == SYM_FREE || (sym->flags & DEF_FREE_CLASS)) {
            u->freevars[nfree++] = sym->name;
        }
    }
    if (u->kind == UNIT_CLASS && s->needs_class_closure) {
        u->cellvars[ncell++] = "__class__";
    }
    qsort(u->cellvars, ncell, sizeof(char *), cmp_names);
    qsort(u->freevars, nfree, sizeof(char *), cmp_names);
    u->ncellvars = ncell;
    u->nfreevars = nfree;
}

static char *join_qualname(const char *base, const char *sep, const char *name) {
    size_t n = strlen(base) + strlen(sep) + strlen(name) + 1;
    char *q = compile_xrealloc(NULL, n);
    snprintf(q, n, "%s%s%s", base, sep, name);
    return q;
}

// CPython's compiler_set_qualname.
static char *make_qualname(Compiler *c, Unit *u) {
    Unit *p = u->parent;
    if (p == NULL || p->kind == UNIT_MODULE) {
        return compile_xstrdup(u->name);
    }
    if (u->kind == UNIT_FUNCTION || u->kind == UNIT_ASYNC_FUNCTION || u->kind == UNIT_CLASS) {
        const char *mangled = symtable_mangle(c->st, p->private_name, u->name);
        if (symtable_scope_of(p->scope, mangled) == SYM_GLOBAL_EXPLICIT) {
            return compile_xstrdup(u->name);
        }
    }
    if (p->kind == UNIT_FUNCTION || p->kind == UNIT_ASYNC_FUNCTION || p->kind == UNIT_LAMBDA) {
        return join_qualname(p->qualname, ".<locals>.", u->name);
    }
    return join_qualname(p->qualname, ".", u->name);
}

int compile_enter_unit(Compiler *c, UnitKind kind, const char *name, const void *node,
                       int firstlineno) {
    Scope *scope = symtable_lookup(c->st, node);
    if (scope == NULL) {
        exc_raise(c->ts, exc_SystemError, "compiler: no symbol table for %s", name);
        return compile_raised(c);
    }
    Unit *u = compile_xrealloc(NULL, sizeof *u);
    memset(u, 0, sizeof *u);
    u->parent = c->u;
    u->kind = kind;
    u->scope = scope;
    u->name = name;
    u->firstlineno = firstlineno;
    if (kind == UNIT_CLASS) {
        u->private_name = name;
    } else {
        u->private_name = c->u ? c->u->private_name : NULL;
    }
    assemble_init(c->ts, &u->cb);
    u->cb.line = firstlineno;
    for (size_t i = 0; i < scope->nparams; i++) {
        varname_index(u, scope->params[i]);
    }
    collect_cells(u);
    u->qualname = make_qualname(c, u);
    c->u = u;
    return 0;
}

void compile_drop_unit(Compiler *c) {
    Unit *u = c->u;
    c->u = u->parent;
    assemble_free(&u->cb);
    assemble_index_free(&u->varindex);
    free(u->varnames);
    free(u->cellvars);
    free(u->freevars);
    free(u->qualname);
    free(u);
}

static uint32_t code_flags(Unit *u) {
    Scope *s = u->scope;
    uint32_t f = u->extra_flags;
    if (s->kind != SCOPE_FUNCTION) {
        return f;
    }
    f |= CO_OPTIMIZED | CO_NEWLOCALS;
    if (s->is_nested) {
        f |= CO_NESTED;
    }
    if (s->is_generator && !s->is_coroutine) {
        f |= CO_GENERATOR;
    } else if (!s->is_generator && s->is_coroutine) {
        f |= CO_COROUTINE;
    } else if (s->is_generator && s->is_coroutine) {
        f |= CO_ASYNC_GENERATOR;
    }
    if (s->has_varargs) {
        f |= CO_VARARGS;
    }
    if (s->has_varkeywords) {
        f |= CO_VARKEYWORDS;
    }
    return f;
}

// True unless the code already ends with an instruction that leaves it and
// no jump targets the end.
static bool needs_return(CodeBuilder *cb) {
    if (cb->ninstrs == 0) {
        return true;
    }
    for (size_t i = 0; i < cb->nlabels; i++) {
        if (cb->labels[i] == (int32_t)cb->ninstrs) {
            return true;
        }
    }
    uint32_t op = cb->instrs[cb->ninstrs - 1].op;
    return !(op == OP_RETURN_VALUE || op == OP_RERAISE || op == OP_RAISE_VARARGS || op == OP_JUMP);
}

Value compile_exit_unit(Compiler *c) {
    Unit *u = c->u;
    if (needs_return(&u->cb)) {
        if (compile_load_none(c) < 0) {
            compile_drop_unit(c);
            return CS_ERR;
        }
        compile_emit(c, OP_RETURN_VALUE, 0);
    }
    CodeInfo info = {
        .name = u->name,
        .qualname = u->qualname,
        .filename = c->filename,
        .firstlineno = u->firstlineno,
        .argcount = u->argcount + u->posonlyargcount,
        .posonlyargcount = u->posonlyargcount,
        .kwonlyargcount = u->kwonlyargcount,
        .flags = code_flags(u),
        .varnames = u->varnames,
        .nvarnames = u->nvarnames,
        .cellvars = u->cellvars,
        .ncellvars = u->ncellvars,
        .freevars = u->freevars,
        .nfreevars = u->nfreevars,
    };
    Value code = assemble_code(c->ts, &u->cb, &info);
    compile_drop_unit(c);
    if (code == CS_ERR) {
        compile_raised(c);
    }
    return code;
}

// Index of a cell the current unit passes to a closure.
static int closure_index(Unit *u, const char *name) {
    if (u->kind == UNIT_CLASS && strcmp(name, "__class__") == 0) {
        return find_name(u->cellvars, u->ncellvars, name);
    }
    return deref_index(u, name);
}

int compile_make_closure(Compiler *c, Value code, uint32_t flags) {
    CodeObj *co = (CodeObj *)as_obj(code);
    size_t nfree = co->freevars->len;
    for (size_t i = 0; i < nfree; i++) {
        const char *name = str_cstr(co->freevars->items[i]);
        int idx = closure_index(c->u, name);
        if (idx < 0) {
            exc_raise(c->ts, exc_SystemError, "compiler: no cell for free variable '%s'", name);
            return compile_raised(c);
        }
        compile_emit(c, OP_LOAD_CLOSURE, (uint32_t)idx);
    }
    if (nfree > 0) {
        compile_emit(c, OP_BUILD_TUPLE, (uint32_t)nfree);
        flags |= 8;
    }
    if (compile_load_const(c, code) < 0) {
        return -1;
    }
    compile_emit(c, OP_MAKE_FUNCTION, flags);
    return 0;
}

// ---------------------------------------------------------------------------
// Definitions: def, lambda, class

// The first statement's string when it is a docstring, else NULL.
static const Expr *docstring_of(const StmtList *body) {
    if (body->len == 0 || body->items[0]->kind != AST_EXPR) {
        return NULL;
    }
    const Expr *e = body->items[0]->v.Expr.value;
    if (e->kind != AST_CONSTANT || e->v.Constant.value.kind != AST_CONST_STR) {
        return NULL;
    }
    return e;
}

// Makes the docstring consts[0] of the current unit.
static int add_docstring(Compiler *c, const Expr *doc) {
    Value v = compile_constant(c, &doc->v.Constant.value);
    if (compile_const_index(c, v) < 0) {
        return -1;
    }
    c->u->extra_flags |= CO_HAS_DOCSTRING;
    return 0;
}

static int check_debug_params(Compiler *c, const ArgList *l, CLoc loc) {
    for (int i = 0; i < l->len; i++) {
        if (strcmp(l->items[i]->arg, "__debug__") == 0) {
            return compile_error(c, loc, "cannot assign to __debug__");
        }
    }
    return 0;
}

static int check_debug_args(Compiler *c, const Arguments *a, CLoc loc) {
    if (check_debug_params(c, &a->posonlyargs, loc) < 0 ||
        check_debug_params(c, &a->args, loc) < 0 ||
        check_debug_params(c, &a->kwonlyargs, loc) < 0) {
        return -1;
    }
    if ((a->vararg && strcmp(a->vararg->arg, "__debug__") == 0) ||
        (a->kwarg && strcmp(a->kwarg->arg, "__debug__") == 0)) {
        return compile_error(c, loc, "cannot assign to __debug__");
    }
    return 0;
}

// Positional defaults as one tuple (a constant when all fold).
static int compile_defaults_tuple(Compiler *c, const ExprList *defs) {
    Value t = tuple_new(c->ts, (size_t)defs->len);
    bool all = true;
    for (int i = 0; i < defs->len && all; i++) {
        Value v = compile_fold(c, defs->items[i]);
        if (v == CS_ERR) {
            return -1;
        }
        all = v != CS_UNBOUND;
        if (all) {
            as_tuple(t)->items[i] = v;
        }
    }
    if (all) {
        return compile_load_const(c, t);
    }
    if (compile_exprs(c, defs) < 0) {
        return -1;
    }
    compile_emit(c, OP_BUILD_TUPLE, (uint32_t)defs->len);
    return 0;
}

// Pushes defaults and keyword-only defaults; returns MAKE_FUNCTION flags.
static int compile_defaults(Compiler *c, const Arguments *a) {
    int flags = 0;
    if (a->defaults.len > 0) {
        if (compile_defaults_tuple(c, &a->defaults) < 0) {
            return -1;
        }
        flags |= 1;
    }
    int n = 0;
    for (int i = 0; i < a->kwonlyargs.len; i++) {
        const Expr *d = i < a->kw_defaults.len ? a->kw_defaults.items[i] : NULL;
        if (d == NULL) {
            continue;
        }
        const char *name = mangle(c, a->kwonlyargs.items[i]->arg);
        if (compile_load_const(c, compile_str(c, name, strlen(name))) < 0 ||
            compile_expr(c, d) < 0) {
            return -1;
        }
        n++;
    }
    if (n > 0) {
        compile_emit(c, OP_BUILD_MAP, (uint32_t)n);
        flags |= 2;
    }
    return flags;
}

static int compile_annotation_value(Compiler *c, const Expr *ann) {
    if (c->future_annotations) {
        return compile_load_const(c, compile_unparse(c, ann));
    }
    return compile_expr(c, ann);
}

static int annotation_pair(Compiler *c, const char *name, const Expr *ann, int *n) {
    if (ann == NULL) {
        return 0;
    }
    const char *mangled = mangle(c, name);
    if (compile_load_const(c, compile_str(c, mangled, strlen(mangled))) < 0 ||
        compile_annotation_value(c, ann) < 0) {
        return -1;
    }
    (*n)++;
    return 0;
}

static int annotation_list(Compiler *c, const ArgList *l, int *n) {
    for (int i = 0; i < l->len; i++) {
        if (annotation_pair(c, l->items[i]->arg, l->items[i]->annotation, n) < 0) {
            return -1;
        }
    }
    return 0;
}

// The annotations dict, in CPython's order (args, posonlyargs, *args,
// kw-only, **kwargs, return). Returns 1 when pushed, 0 when none, -1.
static int compile_annotations(Compiler *c, const Arguments *a, const Expr *returns) {
    int n = 0;
    if (annotation_list(c, &a->args, &n) < 0 || annotation_list(c, &a->posonlyargs, &n) < 0 ||
        (a->vararg && annotation_pair(c, a->vararg->arg, a->vararg->annotation, &n) < 0) ||
        annotation_list(c, &a->kwonlyargs, &n) < 0 ||
        (a->kwarg && annotation_pair(c, a->kwarg->arg, a->kwarg->annotation, &n) < 0) ||
        annotation_pair(c, "return", returns, &n) < 0) {
        return -1;
    }
    if (n == 0) {
        return 0;
    }
    compile_emit(c, OP_BUILD_MAP, (uint32_t)n);
    return 1;
}

static void set_arg_counts(Unit *u, const Arguments *a) {
    u->argcount = a->args.len;
    u->posonlyargcount = a->posonlyargs.len;
    u->kwonlyargcount = a->kwonlyargs.len;
}

// Calls the decorators pushed before the function or class (innermost first).
static void apply_decorators(Compiler *c, const ExprList *decos) {
    for (int i = 0; i < decos->len; i++) {
        compile_emit(c, OP_CALL, 0);
    }
}

static Value compile_function_body(Compiler *c, const Stmt *s, FuncParts *f, int firstlineno) {
    UnitKind kind = f->is_async ? UNIT_ASYNC_FUNCTION : UNIT_FUNCTION;
    if (compile_enter_unit(c, kind, f->name, s, firstlineno) < 0) {
        return CS_ERR;
    }
    const Expr *doc = docstring_of(&f->body);
    if (doc && add_docstring(c, doc) < 0) {
        compile_drop_unit(c);
        return CS_ERR;
    }
    set_arg_counts(c->u, f->args);
    for (int i = doc ? 1 : 0; i < f->body.len; i++) {
        if (compile_stmt(c, f->body.items[i]) < 0) {
            compile_drop_unit(c);
            return CS_ERR;
        }
    }
    return compile_exit_unit(c);
}

int compile_function_def(Compiler *c, const Stmt *s) {
    FuncParts f = compile_func_parts(s);
    if (check_debug_args(c, f.args, CLOC(s)) < 0 || compile_exprs(c, &f.decorators) < 0) {
        return -1;
    }
    int firstlineno = f.decorators.len ? f.decorators.items[0]->lineno : s->lineno;
    c->u->cb.line = s->lineno;
    int flags = compile_defaults(c, f.args);
    if (flags < 0) {
        return -1;
    }
    int ann = compile_annotations(c, f.args, f.returns);
    if (ann < 0) {
        return -1;
    }
    flags |= ann ? 4 : 0;
    Value code = compile_function_body(c, s, &f, firstlineno);
    if (code == CS_ERR) {
        return -1;
    }
    c->u->cb.line = s->lineno;
    if (compile_make_closure(c, code, (uint32_t)flags) < 0) {
        return -1;
    }
    apply_decorators(c, &f.decorators);
    return compile_nameop(c, f.name, CTX_STORE, CLOC(s));
}

int compile_lambda(Compiler *c, const Expr *e) {
    const Arguments *a = e->v.Lambda.args;
    if (check_debug_args(c, a, CLOC(e)) < 0) {
        return -1;
    }
    int flags = compile_defaults(c, a);
    if (flags < 0 || compile_enter_unit(c, UNIT_LAMBDA, "<lambda>", e, e->lineno) < 0) {
        return -1;
    }
    set_arg_counts(c->u, a);
    if (compile_expr(c, e->v.Lambda.body) < 0) {
        compile_drop_unit(c);
        return -1;
    }
    if (c->u->scope->is_generator) {
        compile_emit(c, OP_POP_TOP, 0);
    } else {
        compile_emit(c, OP_RETURN_VALUE, 0);
    }
    Value code = compile_exit_unit(c);
    if (code == CS_ERR) {
        return -1;
    }
    return compile_make_closure(c, code, (uint32_t)flags);
}

// Module and class bodies: SETUP_ANNOTATIONS, __doc__, the statements.
static int compile_body(Compiler *c, const StmtList *body, const Expr *doc) {
    if (body->len > 0) {
        c->u->cb.line = body->items[0]->lineno;
    }
    if (compile_find_annotations(body)) {
        compile_emit(c, OP_SETUP_ANNOTATIONS, 0);
    }
    int start = 0;
    if (doc) {
        c->u->cb.line = body->items[0]->lineno;
        if (compile_load_const(c, compile_constant(c, &doc->v.Constant.value)) < 0 ||
            compile_nameop(c, "__doc__", CTX_STORE, CLOC(doc)) < 0) {
            return -1;
        }
        start = 1;
    }
    for (int i = start; i < body->len; i++) {
        if (compile_stmt(c, body->items[i]) < 0) {
            return -1;
        }
    }
    return 0;
}

static int class_prologue(Compiler *c, CLoc loc) {
    if (compile_nameop(c, "__name__", CTX_LOAD, loc) < 0 ||
        compile_nameop(c, "__module__", CTX_STORE, loc) < 0) {
        return -1;
    }
    const char *q = c->u->qualname;
    if (compile_load_const(c, compile_str(c, q, strlen(q))) < 0) {
        return -1;
    }
    return compile_nameop(c, "__qualname__", CTX_STORE, loc);
}

static int class_epilogue(Compiler *c, CLoc loc) {
    if (c->u->scope->needs_class_closure) {
        int i = find_name(c->u->cellvars, c->u->ncellvars, "__class__");
        compile_emit(c, OP_LOAD_CLOSURE, (uint32_t)i);
        compile_emit(c, OP_COPY, 1);
        if (compile_nameop(c, "__classcell__", CTX_STORE, loc) < 0) {
            return -1;
        }
    } else if (compile_load_none(c) < 0) {
        return -1;
    }
    compile_emit(c, OP_RETURN_VALUE, 0);
    return 0;
}

static Value compile_class_body(Compiler *c, const Stmt *s, int firstlineno) {
    const struct AstClassDefFields *cd = &s->v.ClassDef;
    if (compile_enter_unit(c, UNIT_CLASS, cd->name, s, firstlineno) < 0) {
        return CS_ERR;
    }
    c->u->cb.line = s->lineno;
    const Expr *doc = docstring_of(&cd->body);
    if ((doc && add_docstring(c, doc) < 0) || class_prologue(c, CLOC(s)) < 0 ||
        compile_body(c, &cd->body, doc) < 0) {
        compile_drop_unit(c);
        return CS_ERR;
    }
    c->u->cb.line = s->lineno;
    if (class_epilogue(c, CLOC(s)) < 0) {
        compile_drop_unit(c);
        return CS_ERR;
    }
    return compile_exit_unit(c);
}

int compile_class_def(Compiler *c, const Stmt *s) {
    const struct AstClassDefFields *cd = &s->v.ClassDef;
    if (compile_exprs(c, &cd->decorator_list) < 0) {
        return -1;
    }
    int firstlineno = cd->decorator_list.len ? cd->decorator_list.items[0]->lineno : s->lineno;
    Value code = compile_class_body(c, s, firstlineno);
    if (code == CS_ERR) {
        return -1;
    }
    c->u->cb.line = s->lineno;
    compile_emit(c, OP_PUSH_NULL, 0);
    compile_emit(c, OP_LOAD_BUILD_CLASS, 0);
    if (compile_make_closure(c, code, 0) < 0 ||
        compile_load_const(c, compile_str(c, cd->name, strlen(cd->name))) < 0 ||
        compile_call_helper(c, 2, &cd->bases, &cd->keywords, CLOC(s)) < 0) {
        return -1;
    }
    apply_decorators(c, &cd->decorator_list);
    return compile_nameop(c, cd->name, CTX_STORE, CLOC(s));
}

// ---------------------------------------------------------------------------
// Future imports (CPython's future.c): only at the top, known features only.

static int check_future_names(Compiler *c, const Stmt *s) {
    static const char *const known[] = {
        "nested_scopes",
        "generators",
        "division",
        "absolute_import",
        "with_statement",
        "print_function",
        "unicode_literals",
        "barry_as_FLUFL",
        "generator_stop",
        "annotations",
        NULL,
    };
    const AliasList *names = &s->v.ImportFrom.names;
    for (int i = 0; i < names->len; i++) {
        const char *n = names->items[i]->name;
        CLoc at = {s->lineno, s->col_offset, s->lineno, s->col_offset};
        if (strcmp(n, "braces") == 0) {
            return compile_error(c, at, "not a chance");
        }
        bool ok = false;
        for (int k = 0; known[k] && !ok; k++) {
            ok = strcmp(n, known[k]) == 0;
        }
        if (!ok) {
            return compile_error(c, at, "future feature %s is not defined", n);
        }
        if (strcmp(n, "annotations") == 0) {
            c->future_annotations = true;
        }
    }
    return 0;
}

static bool is_future_import(const Stmt *s) {
    return s->kind == AST_IMPORT_FROM && s->v.ImportFrom.level == 0 && s->v.ImportFrom.module &&
           strcmp(s->v.ImportFrom.module, "__future__") == 0;
}

static int check_futures(Compiler *c, const StmtList *body, bool allow_doc) {
    bool allowed = true;
    for (int i = 0; i < body->len; i++) {
        const Stmt *s = body->items[i];
        if (i == 0 && allow_doc && docstring_of(body)) {
            continue;
        }
        if (!is_future_import(s)) {
            allowed = false;
            continue;
        }
        if (!allowed) {
            return compile_error(c, CLOC(s),
                                 "from __future__ imports must occur at the beginning of the file");
        }
        if (check_future_names(c, s) < 0) {
            return -1;
        }
    }
    return 0;
}

// ---------------------------------------------------------------------------
// Entry point

static Value compile_module(Compiler *c, const Mod *mod) {
    if (compile_enter_unit(c, UNIT_MODULE, "<module>", mod, 1) < 0) {
        return CS_ERR;
    }
    int rc = 0;
    if (mod->kind == AST_EXPRESSION) {
        const Expr *body = mod->v.Expression.body;
        c->u->cb.line = body->lineno;
        rc = compile_expr(c, body);
        compile_emit(c, OP_RETURN_VALUE, 0);
    } else if (mod->kind == AST_INTERACTIVE) {
        if (compile_find_annotations(&mod->v.Interactive.body)) {
            compile_emit(c, OP_SETUP_ANNOTATIONS, 0);
        }
        rc = compile_stmts(c, &mod->v.Interactive.body);
    } else {
        const Expr *doc = docstring_of(&mod->v.Module.body);
        if (doc) {
            rc = add_docstring(c, doc);
        }
        if (rc == 0) {
            rc = compile_body(c, &mod->v.Module.body, doc);
        }
    }
    if (rc < 0) {
        compile_drop_unit(c);
        return CS_ERR;
    }
    return compile_exit_unit(c);
}

static int check_module_futures(Compiler *c, const Mod *mod) {
    if (mod->kind == AST_MODULE) {
        return check_futures(c, &mod->v.Module.body, true);
    }
    if (mod->kind == AST_INTERACTIVE) {
        return check_futures(c, &mod->v.Interactive.body, false);
    }
    return 0;
}

static Value symtable_failure(ThreadState *ts, Compiler *c, SymTable *st) {
    if (st->recursion) {
        return exc_raise(ts, exc_RecursionError, "%s", st->msg);
    }
    snprintf(c->msg, sizeof c->msg, "%s", st->msg);
    c->lineno = st->lineno;
    c->col = st->col_offset;
    c->end_lineno = st->end_lineno;
    c->end_col = st->end_col_offset;
    return raise_compile_error(ts, c);
}

static Value compile_tree(ThreadState *ts, Compiler *c, const Mod *mod) {
    SymTable st;
    memset(&st, 0, sizeof st);
    c->st = &st;
    Value code = CS_ERR;
    if (check_module_futures(c, mod) < 0) {
        code = raise_compile_error(ts, c);
    } else if (symtable_build(&st, mod) < 0) {
        code = symtable_failure(ts, c, &st);
    } else {
        code = compile_module(c, mod);
        while (c->u) {
            compile_drop_unit(c);
        }
        if (code == CS_ERR && !c->raised) {
            code = raise_compile_error(ts, c);
        } else if (code == CS_ERR && !ts_has_exc(ts)) {
            code = exc_raise(ts, exc_SystemError, "compiler failed without an exception");
        }
    }
    symtable_free(&st);
    c->st = NULL;
    return code;
}

Value compile_source(ThreadState *ts, const char *src, size_t len, const char *filename,
                     CompileMode mode) {
    ParseMode pmode = mode == COMPILE_EVAL          ? PARSE_EVAL
                      : mode == COMPILE_INTERACTIVE ? PARSE_INTERACTIVE
                                                    : PARSE_FILE;
    const char *fname = filename ? filename : "<string>";
    Arena *arena = arena_new();
    ParseError perr;
    memset(&perr, 0, sizeof perr);
    Mod *mod = parse_source(arena, src, len, fname, pmode, &perr);
    Value code;
    if (mod == NULL) {
        code = raise_parse_error(ts, &perr, src, len, fname);
    } else {
        Compiler c;
        memset(&c, 0, sizeof c);
        c.ts = ts;
        c.filename = fname;
        c.src = src;
        c.srclen = len;
        c.mode = (int)mode;
        code = compile_tree(ts, &c, mod);
    }
    arena_free(arena);
    return code;
}

// ---------------------------------------------------------------------------
// Source text of a node (annotations under `from __future__ import annotations`)

Value compile_source_text(Compiler *c, const Expr *e) {
    size_t n1 = 0, n2 = 0;
    const char *l1 = source_line(c->src, c->srclen, e->lineno, &n1);
    const char *l2 = source_line(c->src, c->srclen, e->end_lineno, &n2);
    if (l1 == NULL || l2 == NULL || (size_t)e->col_offset > n1 || (size_t)e->end_col_offset > n2) {
        return compile_str(c, "", 0);
    }
    const char *start = l1 + e->col_offset;
    const char *end = l2 + e->end_col_offset;
    if (end < start) {
        return compile_str(c, "", 0);
    }
    return compile_str(c, start, (size_t)(end - start));
}
