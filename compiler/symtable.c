// The symbol table (compiler/symtable.h): a first walk over the AST records
// what each scope does with each name (bind, use, global, nonlocal,
// parameter); a second pass classifies every name as CPython 3.11's
// symtable.c does, so that closures, cells and class scopes behave the same.
// Semantic errors found here (nonlocal without binding, global after use...)
// carry CPython's messages and locations.
#include "compiler/symtable.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// Nesting deeper than this raises RecursionError, as CPython's symtable
// does at 3 * the recursion limit.
#define SYMTABLE_MAX_DEPTH 3000

typedef struct Walker {
    SymTable *st;
    Scope *cur;
    const char *private_name; // enclosing class name for mangling
    int depth;
} Walker;

// Location of a node, 0-based columns.
typedef struct Loc {
    int lineno, col, end_lineno, end_col;
} Loc;

#define LOC_OF(n) ((Loc){(n)->lineno, (n)->col_offset, (n)->end_lineno, (n)->end_col_offset})

// ---------------------------------------------------------------------------
// Errors

static int fail_at(Walker *w, Loc loc, const char *fmt, ...) {
    SymTable *st = w->st;
    if (st->failed) {
        return -1;
    }
    st->failed = true;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(st->msg, sizeof st->msg, fmt, ap);
    va_end(ap);
    st->lineno = loc.lineno;
    st->col_offset = loc.col;
    st->end_lineno = loc.end_lineno;
    st->end_col_offset = loc.end_col;
    return -1;
}

static int fail_recursion(Walker *w) {
    if (!w->st->failed) {
        w->st->failed = true;
        w->st->recursion = true;
        snprintf(w->st->msg, sizeof w->st->msg,
                 "maximum recursion depth exceeded during compilation");
    }
    return -1;
}

// ---------------------------------------------------------------------------
// Scopes and symbols

static void *xgrow(void *arr, size_t *cap, size_t elem, size_t need) {
    compile_grow(&arr, cap, elem, need);
    return arr;
}

static bool ptr_same(void *ctx, int32_t index) {
    void **pair = ctx;
    SymTable *st = pair[0];
    return st->all[index]->node == pair[1];
}

static uint64_t ptr_hash(const void *p) {
    return (uint64_t)(uintptr_t)p * 0x9E3779B97F4A7C15ull;
}

static Scope *scope_new(Walker *w, ScopeKind kind, const char *name, const void *node, Loc loc) {
    SymTable *st = w->st;
    Scope *s = compile_xrealloc(NULL, sizeof *s);
    memset(s, 0, sizeof *s);
    s->kind = kind;
    s->name = name;
    s->node = node;
    s->parent = w->cur;
    s->lineno = loc.lineno;
    s->col_offset = loc.col;
    s->end_lineno = loc.end_lineno;
    s->end_col_offset = loc.end_col;
    if (w->cur) {
        Scope *p = w->cur;
        p->children = xgrow(p->children, &p->cap_children, sizeof(Scope *), p->nchildren + 1);
        p->children[p->nchildren++] = s;
        s->is_nested = p->is_nested || p->kind == SCOPE_FUNCTION;
    }
    st->all = xgrow(st->all, &st->cap_all, sizeof(Scope *), st->nall + 1);
    st->all[st->nall] = s;
    assemble_index_insert(&st->by_node, ptr_hash(node), (int32_t)st->nall);
    st->nall++;
    return s;
}

static void scope_free(Scope *s) {
    free(s->children);
    free(s->syms);
    free(s->params);
    assemble_index_free(&s->index);
    free(s);
}

typedef struct SymKey {
    Scope *s;
    const char *name;
} SymKey;

static bool sym_same(void *ctx, int32_t index) {
    SymKey *k = ctx;
    return strcmp(k->s->syms[index].name, k->name) == 0;
}

Symbol *symtable_symbol(Scope *s, const char *name) {
    SymKey k = {s, name};
    int32_t i =
        assemble_index_find(&s->index, compile_hash_bytes(name, strlen(name)), sym_same, &k);
    return i < 0 ? NULL : &s->syms[i];
}

static Symbol *symbol_add(Scope *s, const char *name) {
    Symbol *sym = symtable_symbol(s, name);
    if (sym) {
        return sym;
    }
    s->syms = xgrow(s->syms, &s->cap_syms, sizeof(Symbol), s->nsyms + 1);
    sym = &s->syms[s->nsyms];
    memset(sym, 0, sizeof *sym);
    sym->name = name;
    assemble_index_insert(&s->index, compile_hash_bytes(name, strlen(name)), (int32_t)s->nsyms);
    s->nsyms++;
    return sym;
}

SymScope symtable_scope_of(Scope *s, const char *name) {
    Symbol *sym = symtable_symbol(s, name);
    return sym ? sym->scope : SYM_UNKNOWN;
}

Scope *symtable_lookup(SymTable *st, const void *node) {
    void *pair[2] = {st, (void *)node};
    int32_t i = assemble_index_find(&st->by_node, ptr_hash(node), ptr_same, pair);
    return i < 0 ? NULL : st->all[i];
}

// ---------------------------------------------------------------------------
// Mangling

static char *own_string(SymTable *st, char *s) {
    st->owned = xgrow(st->owned, &st->cap_owned, sizeof(char *), st->nowned + 1);
    st->owned[st->nowned++] = s;
    return s;
}

const char *symtable_mangle(SymTable *st, const char *private_name, const char *name) {
    if (private_name == NULL || name[0] != '_' || name[1] != '_') {
        return name;
    }
    size_t n = strlen(name);
    if ((n >= 2 && name[n - 1] == '_' && name[n - 2] == '_') || strchr(name, '.')) {
        return name;
    }
    while (*private_name == '_') {
        private_name++;
    }
    if (*private_name == '\0') {
        return name;
    }
    size_t pn = strlen(private_name);
    char *out = compile_xrealloc(NULL, 1 + pn + n + 1);
    out[0] = '_';
    memcpy(out + 1, private_name, pn);
    memcpy(out + 1 + pn, name, n + 1);
    return own_string(st, out);
}

// ---------------------------------------------------------------------------
// Recording definitions

static const char *mangle(Walker *w, const char *name) {
    return symtable_mangle(w->st, w->private_name, name);
}

static void set_directive(Symbol *sym, Loc loc) {
    if (!sym->has_directive) {
        sym->has_directive = true;
        sym->dir_lineno = loc.lineno;
        sym->dir_col = loc.col;
        sym->dir_end_lineno = loc.end_lineno;
        sym->dir_end_col = loc.end_col;
    }
}

// Adds `flag` for a name in scope s (CPython's symtable_add_def_helper).
static int add_def_in(Walker *w, Scope *s, const char *name, uint32_t flag, Loc loc) {
    const char *mangled = mangle(w, name);
    Symbol *sym = symtable_symbol(s, mangled);
    if (sym && (flag & DEF_PARAM) && (sym->flags & DEF_PARAM)) {
        return fail_at(w, loc, "duplicate argument '%s' in function definition", name);
    }
    if (sym == NULL) {
        sym = symbol_add(s, mangled);
    }
    uint32_t val = sym->flags | flag;
    if (s->comp_iter_target) {
        if (val & (DEF_GLOBAL | DEF_NONLOCAL)) {
            return fail_at(w, loc,
                           "comprehension inner loop cannot rebind assignment expression "
                           "target '%s'",
                           name);
        }
        val |= DEF_COMP_ITER;
    }
    sym->flags = val;
    if (flag & DEF_PARAM) {
        s->params = xgrow(s->params, &s->cap_params, sizeof(char *), s->nparams + 1);
        s->params[s->nparams++] = mangled;
    } else if ((flag & DEF_GLOBAL) && s != w->st->top) {
        Symbol *g = symbol_add(w->st->top, mangled);
        g->flags |= flag;
    }
    return 0;
}

static int add_def(Walker *w, const char *name, uint32_t flag, Loc loc) {
    return add_def_in(w, w->cur, name, flag, loc);
}

// ---------------------------------------------------------------------------
// The walk

static int visit_stmt(Walker *w, const Stmt *s);
static int visit_expr(Walker *w, const Expr *e);

static int visit_stmts(Walker *w, const StmtList *l) {
    for (int i = 0; i < l->len; i++) {
        if (visit_stmt(w, l->items[i]) < 0) {
            return -1;
        }
    }
    return 0;
}

// Visits a list whose items may be NULL (kw_defaults, dict keys).
static int visit_exprs(Walker *w, const ExprList *l) {
    for (int i = 0; i < l->len; i++) {
        if (l->items[i] && visit_expr(w, l->items[i]) < 0) {
            return -1;
        }
    }
    return 0;
}

static Scope *enter(Walker *w, ScopeKind kind, const char *name, const void *node, Loc loc) {
    Scope *s = scope_new(w, kind, name, node, loc);
    s->private_name = w->private_name;
    w->cur = s;
    return s;
}

static void leave(Walker *w) {
    w->cur = w->cur->parent;
}

static int visit_params(Walker *w, const ArgList *l) {
    for (int i = 0; i < l->len; i++) {
        if (add_def(w, l->items[i]->arg, DEF_PARAM, LOC_OF(l->items[i])) < 0) {
            return -1;
        }
    }
    return 0;
}

static int visit_arguments(Walker *w, const Arguments *a) {
    if (visit_params(w, &a->posonlyargs) < 0 || visit_params(w, &a->args) < 0 ||
        visit_params(w, &a->kwonlyargs) < 0) {
        return -1;
    }
    if (a->vararg) {
        if (add_def(w, a->vararg->arg, DEF_PARAM, LOC_OF(a->vararg)) < 0) {
            return -1;
        }
        w->cur->has_varargs = true;
    }
    if (a->kwarg) {
        if (add_def(w, a->kwarg->arg, DEF_PARAM, LOC_OF(a->kwarg)) < 0) {
            return -1;
        }
        w->cur->has_varkeywords = true;
    }
    return 0;
}

static int visit_annotation(Walker *w, const Expr *e) {
    if (e == NULL || w->st->future_annotations) {
        return 0;
    }
    return visit_expr(w, e);
}

static int visit_arg_annotations(Walker *w, const ArgList *l) {
    for (int i = 0; i < l->len; i++) {
        if (visit_annotation(w, l->items[i]->annotation) < 0) {
            return -1;
        }
    }
    return 0;
}

static int visit_annotations(Walker *w, const Arguments *a, const Expr *returns) {
    if (visit_arg_annotations(w, &a->posonlyargs) < 0 || visit_arg_annotations(w, &a->args) < 0 ||
        (a->vararg && visit_annotation(w, a->vararg->annotation) < 0) ||
        visit_arg_annotations(w, &a->kwonlyargs) < 0 ||
        (a->kwarg && visit_annotation(w, a->kwarg->annotation) < 0)) {
        return -1;
    }
    return visit_annotation(w, returns);
}

static int visit_function(Walker *w, const Stmt *s, bool is_async) {
    FuncParts f = compile_func_parts(s);
    if (add_def(w, f.name, DEF_LOCAL, LOC_OF(s)) < 0 || visit_exprs(w, &f.args->defaults) < 0 ||
        visit_exprs(w, &f.args->kw_defaults) < 0 || visit_annotations(w, f.args, f.returns) < 0 ||
        visit_exprs(w, &f.decorators) < 0) {
        return -1;
    }
    Scope *sc = enter(w, SCOPE_FUNCTION, f.name, s, LOC_OF(s));
    sc->is_async = is_async;
    sc->is_coroutine = is_async;
    if (visit_arguments(w, f.args) < 0 || visit_stmts(w, &f.body) < 0) {
        return -1;
    }
    leave(w);
    return 0;
}

static int visit_class(Walker *w, const Stmt *s) {
    const struct AstClassDefFields *c = &s->v.ClassDef;
    if (add_def(w, c->name, DEF_LOCAL, LOC_OF(s)) < 0 || visit_exprs(w, &c->bases) < 0) {
        return -1;
    }
    for (int i = 0; i < c->keywords.len; i++) {
        if (visit_expr(w, c->keywords.items[i]->value) < 0) {
            return -1;
        }
    }
    if (visit_exprs(w, &c->decorator_list) < 0) {
        return -1;
    }
    enter(w, SCOPE_CLASS, c->name, s, LOC_OF(s));
    const char *saved = w->private_name;
    w->private_name = c->name;
    w->cur->private_name = c->name;
    int rc = visit_stmts(w, &c->body);
    w->private_name = saved;
    leave(w);
    return rc;
}

static int visit_alias(Walker *w, const Alias *a) {
    const char *name = a->asname ? a->asname : a->name;
    if (strcmp(name, "*") == 0) {
        if (w->cur->kind != SCOPE_MODULE) {
            return fail_at(w, LOC_OF(a), "import * only allowed at module level");
        }
        return 0;
    }
    const char *dot = strchr(name, '.');
    if (dot) {
        size_t n = (size_t)(dot - name);
        char *first = compile_xrealloc(NULL, n + 1);
        memcpy(first, name, n);
        first[n] = '\0';
        name = own_string(w->st, first);
    }
    return add_def(w, name, DEF_IMPORT, LOC_OF(a));
}

static int visit_global(Walker *w, const Stmt *s, bool nonlocal) {
    const IdentList *names = nonlocal ? &s->v.Nonlocal.names : &s->v.Global.names;
    const char *kind = nonlocal ? "nonlocal" : "global";
    for (int i = 0; i < names->len; i++) {
        const char *name = names->items[i];
        Symbol *sym = symtable_symbol(w->cur, mangle(w, name));
        uint32_t cur = sym ? sym->flags : 0;
        if (cur & (DEF_PARAM | DEF_LOCAL | DEF_USE | DEF_ANNOT)) {
            if (cur & DEF_PARAM) {
                return fail_at(w, LOC_OF(s), "name '%s' is parameter and %s", name, kind);
            }
            if (cur & DEF_USE) {
                return fail_at(w, LOC_OF(s), "name '%s' is used prior to %s declaration", name,
                               kind);
            }
            if (cur & DEF_ANNOT) {
                return fail_at(w, LOC_OF(s), "annotated name '%s' can't be %s", name, kind);
            }
            return fail_at(w, LOC_OF(s), "name '%s' is assigned to before %s declaration", name,
                           kind);
        }
        if (add_def(w, name, nonlocal ? DEF_NONLOCAL : DEF_GLOBAL, LOC_OF(s)) < 0) {
            return -1;
        }
        set_directive(symtable_symbol(w->cur, mangle(w, name)), LOC_OF(s));
    }
    return 0;
}

static int visit_ann_assign(Walker *w, const Stmt *s) {
    const struct AstAnnAssignFields *a = &s->v.AnnAssign;
    if (a->target->kind == AST_NAME) {
        const char *name = a->target->v.Name.id;
        Symbol *sym = symtable_symbol(w->cur, mangle(w, name));
        uint32_t cur = sym ? sym->flags : 0;
        if ((cur & (DEF_GLOBAL | DEF_NONLOCAL)) && w->cur != w->st->top && a->simple) {
            return fail_at(w, LOC_OF(s), "annotated name '%s' can't be %s", name,
                           (cur & DEF_GLOBAL) ? "global" : "nonlocal");
        }
        if (a->simple) {
            if (add_def(w, name, DEF_ANNOT | DEF_LOCAL, LOC_OF(a->target)) < 0) {
                return -1;
            }
        } else if (a->value && add_def(w, name, DEF_LOCAL, LOC_OF(a->target)) < 0) {
            return -1;
        }
    } else if (visit_expr(w, a->target) < 0) {
        return -1;
    }
    if (w->cur->kind != SCOPE_FUNCTION) {
        w->cur->has_annotations = true;
    }
    if (visit_annotation(w, a->annotation) < 0) {
        return -1;
    }
    return a->value ? visit_expr(w, a->value) : 0;
}

static int visit_try(Walker *w, const Stmt *s) {
    const struct AstTryFields *t = &s->v.Try;
    if (visit_stmts(w, &t->body) < 0 || visit_stmts(w, &t->orelse) < 0) {
        return -1;
    }
    for (int i = 0; i < t->handlers.len; i++) {
        const ExceptHandler *h = t->handlers.items[i];
        if (h->type && visit_expr(w, h->type) < 0) {
            return -1;
        }
        if (h->name && add_def(w, h->name, DEF_LOCAL, LOC_OF(h)) < 0) {
            return -1;
        }
        if (visit_stmts(w, &h->body) < 0) {
            return -1;
        }
    }
    return visit_stmts(w, &t->finalbody);
}

static int visit_with(Walker *w, const WithItemList *items, const StmtList *body) {
    for (int i = 0; i < items->len; i++) {
        if (visit_expr(w, items->items[i]->context_expr) < 0) {
            return -1;
        }
        if (items->items[i]->optional_vars && visit_expr(w, items->items[i]->optional_vars) < 0) {
            return -1;
        }
    }
    return visit_stmts(w, body);
}

static void note_future(Walker *w, const Stmt *s) {
    const struct AstImportFromFields *f = &s->v.ImportFrom;
    if (f->module == NULL || strcmp(f->module, "__future__") != 0) {
        return;
    }
    for (int i = 0; i < f->names.len; i++) {
        if (strcmp(f->names.items[i]->name, "annotations") == 0) {
            w->st->future_annotations = true;
        }
    }
}

static int visit_stmt_inner(Walker *w, const Stmt *s) {
    switch (s->kind) {
    case AST_FUNCTION_DEF:
        return visit_function(w, s, false);
    case AST_ASYNC_FUNCTION_DEF:
        return visit_function(w, s, true);
    case AST_CLASS_DEF:
        return visit_class(w, s);
    case AST_RETURN:
        if (s->v.Return.value) {
            w->cur->returns_value = true;
            return visit_expr(w, s->v.Return.value);
        }
        return 0;
    case AST_DELETE:
        return visit_exprs(w, &s->v.Delete.targets);
    case AST_ASSIGN:
        if (visit_exprs(w, &s->v.Assign.targets) < 0) {
            return -1;
        }
        return visit_expr(w, s->v.Assign.value);
    case AST_AUG_ASSIGN:
        if (visit_expr(w, s->v.AugAssign.target) < 0) {
            return -1;
        }
        return visit_expr(w, s->v.AugAssign.value);
    case AST_ANN_ASSIGN:
        return visit_ann_assign(w, s);
    case AST_FOR:
    case AST_ASYNC_FOR: {
        ForParts f = compile_for_parts(s);
        if (visit_expr(w, f.target) < 0 || visit_expr(w, f.iter) < 0 ||
            visit_stmts(w, &f.body) < 0) {
            return -1;
        }
        return visit_stmts(w, &f.orelse);
    }
    case AST_WHILE:
        if (visit_expr(w, s->v.While.test) < 0 || visit_stmts(w, &s->v.While.body) < 0) {
            return -1;
        }
        return visit_stmts(w, &s->v.While.orelse);
    case AST_IF:
        if (visit_expr(w, s->v.If.test) < 0 || visit_stmts(w, &s->v.If.body) < 0) {
            return -1;
        }
        return visit_stmts(w, &s->v.If.orelse);
    case AST_WITH:
        return visit_with(w, &s->v.With.items, &s->v.With.body);
    case AST_ASYNC_WITH:
        return visit_with(w, &s->v.AsyncWith.items, &s->v.AsyncWith.body);
    case AST_RAISE:
        if (s->v.Raise.exc && visit_expr(w, s->v.Raise.exc) < 0) {
            return -1;
        }
        return s->v.Raise.cause ? visit_expr(w, s->v.Raise.cause) : 0;
    case AST_TRY:
        return visit_try(w, s);
    case AST_ASSERT:
        if (visit_expr(w, s->v.Assert.test) < 0) {
            return -1;
        }
        return s->v.Assert.msg ? visit_expr(w, s->v.Assert.msg) : 0;
    case AST_IMPORT:
        for (int i = 0; i < s->v.Import.names.len; i++) {
            if (visit_alias(w, s->v.Import.names.items[i]) < 0) {
                return -1;
            }
        }
        return 0;
    case AST_IMPORT_FROM:
        note_future(w, s);
        for (int i = 0; i < s->v.ImportFrom.names.len; i++) {
            if (visit_alias(w, s->v.ImportFrom.names.items[i]) < 0) {
                return -1;
            }
        }
        return 0;
    case AST_GLOBAL:
        return visit_global(w, s, false);
    case AST_NONLOCAL:
        return visit_global(w, s, true);
    case AST_EXPR:
        return visit_expr(w, s->v.Expr.value);
    default:
        return 0; // pass, break, continue
    }
}

static int visit_stmt(Walker *w, const Stmt *s) {
    if (++w->depth > SYMTABLE_MAX_DEPTH) {
        return fail_recursion(w);
    }
    int rc = visit_stmt_inner(w, s);
    w->depth--;
    return rc;
}

// ---------------------------------------------------------------------------
// Expressions

static const char *comp_text(CompKind k) {
    switch (k) {
    case COMP_LIST:
        return "list comprehension";
    case COMP_SET:
        return "set comprehension";
    case COMP_DICT:
        return "dict comprehension";
    default:
        return "generator expression";
    }
}

// A walrus inside a comprehension binds in the enclosing function or module
// (CPython's symtable_extend_namedexpr_scope).
static int extend_namedexpr_scope(Walker *w, const Expr *target) {
    const char *name = target->v.Name.id;
    Loc loc = LOC_OF(target);
    for (Scope *s = w->cur; s; s = s->parent) {
        if (s->comp != COMP_NONE) {
            Symbol *sym = symtable_symbol(s, mangle(w, name));
            if (sym && (sym->flags & DEF_COMP_ITER)) {
                return fail_at(w, loc,
                               "assignment expression cannot rebind comprehension iteration "
                               "variable '%s'",
                               name);
            }
            continue;
        }
        if (s->kind == SCOPE_FUNCTION) {
            Symbol *sym = symtable_symbol(s, mangle(w, name));
            uint32_t flag = (sym && (sym->flags & DEF_GLOBAL)) ? DEF_GLOBAL : DEF_NONLOCAL;
            if (add_def(w, name, flag, loc) < 0) {
                return -1;
            }
            set_directive(symtable_symbol(w->cur, mangle(w, name)), loc);
            return add_def_in(w, s, name, DEF_LOCAL, loc);
        }
        if (s->kind == SCOPE_MODULE) {
            if (add_def(w, name, DEF_GLOBAL, loc) < 0) {
                return -1;
            }
            set_directive(symtable_symbol(w->cur, mangle(w, name)), loc);
            return add_def_in(w, s, name, DEF_GLOBAL, loc);
        }
        return fail_at(w, loc,
                       "assignment expression within a comprehension cannot be used in a class "
                       "body");
    }
    return 0;
}

static int visit_named_expr(Walker *w, const Expr *e) {
    if (w->cur->comp_iter_expr > 0) {
        return fail_at(w, LOC_OF(e),
                       "assignment expression cannot be used in a comprehension iterable "
                       "expression");
    }
    if (w->cur->comp != COMP_NONE && extend_namedexpr_scope(w, e->v.NamedExpr.target) < 0) {
        return -1;
    }
    if (visit_expr(w, e->v.NamedExpr.value) < 0) {
        return -1;
    }
    return visit_expr(w, e->v.NamedExpr.target);
}

static int visit_comp_target(Walker *w, const Expr *target) {
    w->cur->comp_iter_target++;
    int rc = visit_expr(w, target);
    w->cur->comp_iter_target--;
    return rc;
}

static int visit_generator(Walker *w, const Comprehension *g) {
    if (visit_comp_target(w, g->target) < 0) {
        return -1;
    }
    w->cur->comp_iter_expr++;
    int rc = visit_expr(w, g->iter);
    w->cur->comp_iter_expr--;
    if (rc < 0 || visit_exprs(w, &g->ifs) < 0) {
        return -1;
    }
    if (g->is_async) {
        w->cur->is_coroutine = true;
    }
    return 0;
}

static const char *comp_name(CompKind k) {
    switch (k) {
    case COMP_LIST:
        return "<listcomp>";
    case COMP_SET:
        return "<setcomp>";
    case COMP_DICT:
        return "<dictcomp>";
    default:
        return "<genexpr>";
    }
}

static int visit_comprehension(Walker *w, const Expr *e, CompKind kind,
                               const ComprehensionList *gens, const Expr *elt, const Expr *value) {
    const Comprehension *outer = gens->items[0];
    w->cur->comp_iter_expr++;
    int rc = visit_expr(w, outer->iter);
    w->cur->comp_iter_expr--;
    if (rc < 0) {
        return -1;
    }
    Scope *sc = enter(w, SCOPE_FUNCTION, comp_name(kind), e, LOC_OF(e));
    sc->comp = kind;
    if (outer->is_async) {
        sc->is_coroutine = true;
    }
    if (add_def(w, ".0", DEF_PARAM, LOC_OF(e)) < 0 || visit_comp_target(w, outer->target) < 0 ||
        visit_exprs(w, &outer->ifs) < 0) {
        return -1;
    }
    for (int i = 1; i < gens->len; i++) {
        if (visit_generator(w, gens->items[i]) < 0) {
            return -1;
        }
    }
    if (value && visit_expr(w, value) < 0) {
        return -1;
    }
    if (visit_expr(w, elt) < 0) {
        return -1;
    }
    if (kind == COMP_GENEXP) {
        sc->is_generator = true;
    }
    leave(w);
    // An async list/set/dict comprehension is awaited where it is built.
    if (kind != COMP_GENEXP && sc->is_coroutine) {
        w->cur->is_coroutine = true;
    }
    return 0;
}

static int visit_lambda(Walker *w, const Expr *e) {
    const Arguments *a = e->v.Lambda.args;
    if (visit_exprs(w, &a->defaults) < 0 || visit_exprs(w, &a->kw_defaults) < 0) {
        return -1;
    }
    Scope *sc = enter(w, SCOPE_FUNCTION, "<lambda>", e, LOC_OF(e));
    sc->is_lambda = true;
    if (visit_arguments(w, a) < 0 || visit_expr(w, e->v.Lambda.body) < 0) {
        return -1;
    }
    leave(w);
    return 0;
}

static int visit_yield(Walker *w, const Expr *e, const Expr *value) {
    if (value && visit_expr(w, value) < 0) {
        return -1;
    }
    w->cur->is_generator = true;
    if (w->cur->comp != COMP_NONE) {
        return fail_at(w, LOC_OF(e), "'yield' inside %s", comp_text(w->cur->comp));
    }
    return 0;
}

static int visit_name(Walker *w, const Expr *e) {
    bool load = e->v.Name.ctx == AST_LOAD;
    if (add_def(w, e->v.Name.id, load ? DEF_USE : DEF_LOCAL, LOC_OF(e)) < 0) {
        return -1;
    }
    if (load && w->cur->kind == SCOPE_FUNCTION && strcmp(e->v.Name.id, "super") == 0) {
        return add_def(w, "__class__", DEF_USE, LOC_OF(e));
    }
    return 0;
}

static int visit_call(Walker *w, const Expr *e) {
    if (visit_expr(w, e->v.Call.func) < 0 || visit_exprs(w, &e->v.Call.args) < 0) {
        return -1;
    }
    for (int i = 0; i < e->v.Call.keywords.len; i++) {
        if (visit_expr(w, e->v.Call.keywords.items[i]->value) < 0) {
            return -1;
        }
    }
    return 0;
}

static int visit_expr_inner(Walker *w, const Expr *e) {
    switch (e->kind) {
    case AST_BOOL_OP:
        return visit_exprs(w, &e->v.BoolOp.values);
    case AST_NAMED_EXPR:
        return visit_named_expr(w, e);
    case AST_BIN_OP:
        if (visit_expr(w, e->v.BinOp.left) < 0) {
            return -1;
        }
        return visit_expr(w, e->v.BinOp.right);
    case AST_UNARY_OP:
        return visit_expr(w, e->v.UnaryOp.operand);
    case AST_LAMBDA:
        return visit_lambda(w, e);
    case AST_IF_EXP:
        if (visit_expr(w, e->v.IfExp.test) < 0 || visit_expr(w, e->v.IfExp.body) < 0) {
            return -1;
        }
        return visit_expr(w, e->v.IfExp.orelse);
    case AST_DICT:
        if (visit_exprs(w, &e->v.Dict.keys) < 0) {
            return -1;
        }
        return visit_exprs(w, &e->v.Dict.values);
    case AST_SET:
        return visit_exprs(w, &e->v.Set.elts);
    case AST_LIST_COMP:
        return visit_comprehension(w, e, COMP_LIST, &e->v.ListComp.generators, e->v.ListComp.elt,
                                   NULL);
    case AST_SET_COMP:
        return visit_comprehension(w, e, COMP_SET, &e->v.SetComp.generators, e->v.SetComp.elt,
                                   NULL);
    case AST_DICT_COMP:
        return visit_comprehension(w, e, COMP_DICT, &e->v.DictComp.generators, e->v.DictComp.key,
                                   e->v.DictComp.value);
    case AST_GENERATOR_EXP:
        return visit_comprehension(w, e, COMP_GENEXP, &e->v.GeneratorExp.generators,
                                   e->v.GeneratorExp.elt, NULL);
    case AST_AWAIT:
        if (visit_expr(w, e->v.Await.value) < 0) {
            return -1;
        }
        w->cur->is_coroutine = true;
        return 0;
    case AST_YIELD:
        return visit_yield(w, e, e->v.Yield.value);
    case AST_YIELD_FROM:
        return visit_yield(w, e, e->v.YieldFrom.value);
    case AST_COMPARE:
        if (visit_expr(w, e->v.Compare.left) < 0) {
            return -1;
        }
        return visit_exprs(w, &e->v.Compare.comparators);
    case AST_CALL:
        return visit_call(w, e);
    case AST_FORMATTED_VALUE:
        if (visit_expr(w, e->v.FormattedValue.value) < 0) {
            return -1;
        }
        return e->v.FormattedValue.format_spec ? visit_expr(w, e->v.FormattedValue.format_spec) : 0;
    case AST_JOINED_STR:
        return visit_exprs(w, &e->v.JoinedStr.values);
    case AST_ATTRIBUTE:
        return visit_expr(w, e->v.Attribute.value);
    case AST_SUBSCRIPT:
        if (visit_expr(w, e->v.Subscript.value) < 0) {
            return -1;
        }
        return visit_expr(w, e->v.Subscript.slice);
    case AST_STARRED:
        return visit_expr(w, e->v.Starred.value);
    case AST_NAME:
        return visit_name(w, e);
    case AST_LIST:
        return visit_exprs(w, &e->v.List.elts);
    case AST_TUPLE:
        return visit_exprs(w, &e->v.Tuple.elts);
    case AST_SLICE:
        if ((e->v.Slice.lower && visit_expr(w, e->v.Slice.lower) < 0) ||
            (e->v.Slice.upper && visit_expr(w, e->v.Slice.upper) < 0)) {
            return -1;
        }
        return e->v.Slice.step ? visit_expr(w, e->v.Slice.step) : 0;
    default:
        return 0; // constants
    }
}

static int visit_expr(Walker *w, const Expr *e) {
    if (++w->depth > SYMTABLE_MAX_DEPTH) {
        return fail_recursion(w);
    }
    int rc = visit_expr_inner(w, e);
    w->depth--;
    return rc;
}

// ---------------------------------------------------------------------------
// Analysis (CPython's analyze_block): name sets passed down the scope tree.

typedef struct NameSet {
    const char **names;
    bool *live;
    size_t n, cap, cap_live;
    IndexTable idx;
    size_t count; // live names
} NameSet;

typedef struct SetKey {
    NameSet *set;
    const char *name;
} SetKey;

static bool set_key_same(void *ctx, int32_t index) {
    SetKey *k = ctx;
    return strcmp(k->set->names[index], k->name) == 0;
}

static int32_t set_find(NameSet *s, const char *name) {
    SetKey k = {s, name};
    return assemble_index_find(&s->idx, compile_hash_bytes(name, strlen(name)), set_key_same, &k);
}

static bool set_has(NameSet *s, const char *name) {
    if (s == NULL) {
        return false;
    }
    int32_t i = set_find(s, name);
    return i >= 0 && s->live[i];
}

static void set_add(NameSet *s, const char *name) {
    int32_t i = set_find(s, name);
    if (i >= 0) {
        if (!s->live[i]) {
            s->live[i] = true;
            s->count++;
        }
        return;
    }
    s->names = xgrow(s->names, &s->cap, sizeof(char *), s->n + 1);
    s->live = xgrow(s->live, &s->cap_live, sizeof(bool), s->n + 1);
    s->names[s->n] = name;
    s->live[s->n] = true;
    assemble_index_insert(&s->idx, compile_hash_bytes(name, strlen(name)), (int32_t)s->n);
    s->n++;
    s->count++;
}

static void set_discard(NameSet *s, const char *name) {
    if (s == NULL) {
        return;
    }
    int32_t i = set_find(s, name);
    if (i >= 0 && s->live[i]) {
        s->live[i] = false;
        s->count--;
    }
}

static void set_union(NameSet *dst, const NameSet *src) {
    for (size_t i = 0; src && i < src->n; i++) {
        if (src->live[i]) {
            set_add(dst, src->names[i]);
        }
    }
}

static void set_free(NameSet *s) {
    free(s->names);
    free(s->live);
    assemble_index_free(&s->idx);
    memset(s, 0, sizeof *s);
}

static int directive_error(Walker *w, Symbol *sym, const char *fmt, const char *name) {
    Loc loc = {sym->dir_lineno, sym->dir_col, sym->dir_end_lineno, sym->dir_end_col};
    return fail_at(w, loc, fmt, name);
}

static int analyze_name(Walker *w, Scope *s, Symbol *sym, NameSet *bound, NameSet *local,
                        NameSet *free, NameSet *global) {
    const char *name = sym->name;
    if (sym->flags & DEF_GLOBAL) {
        if (sym->flags & DEF_NONLOCAL) {
            return directive_error(w, sym, "name '%s' is nonlocal and global", name);
        }
        sym->scope = SYM_GLOBAL_EXPLICIT;
        set_add(global, name);
        set_discard(bound, name);
        return 0;
    }
    if (sym->flags & DEF_NONLOCAL) {
        if (bound == NULL) {
            return directive_error(w, sym, "nonlocal declaration not allowed at module level",
                                   name);
        }
        if (!set_has(bound, name)) {
            return directive_error(w, sym, "no binding for nonlocal '%s' found", name);
        }
        sym->scope = SYM_FREE;
        s->has_free = true;
        set_add(free, name);
        return 0;
    }
    if (sym->flags & DEF_BOUND) {
        sym->scope = SYM_LOCAL;
        set_add(local, name);
        set_discard(global, name);
        return 0;
    }
    if (set_has(bound, name)) {
        sym->scope = SYM_FREE;
        s->has_free = true;
        set_add(free, name);
        return 0;
    }
    if (set_has(global, name)) {
        sym->scope = SYM_GLOBAL_IMPLICIT;
        return 0;
    }
    if (s->is_nested) {
        s->has_free = true;
    }
    sym->scope = SYM_GLOBAL_IMPLICIT;
    return 0;
}

static int analyze_block(Walker *w, Scope *s, NameSet *bound, NameSet *free, NameSet *global);

static int analyze_child(Walker *w, Scope *child, NameSet *bound, NameSet *global,
                         NameSet *allfree) {
    NameSet tb = {0}, tf = {0}, tg = {0};
    set_union(&tb, bound);
    set_union(&tg, global);
    int rc = analyze_block(w, child, &tb, &tf, &tg);
    set_union(allfree, &tf);
    set_free(&tb);
    set_free(&tf);
    set_free(&tg);
    return rc;
}

// Locals of a function that children use freely become cells.
static void analyze_cells(Scope *s, NameSet *free) {
    for (size_t i = 0; i < s->nsyms; i++) {
        Symbol *sym = &s->syms[i];
        if (sym->scope == SYM_LOCAL && set_has(free, sym->name)) {
            sym->scope = SYM_CELL;
            set_discard(free, sym->name);
        }
    }
}

// Free names of children not resolved here pass through this scope.
static void update_symbols(Scope *s, NameSet *bound, NameSet *free) {
    for (size_t i = 0; i < free->n; i++) {
        if (!free->live[i]) {
            continue;
        }
        const char *name = free->names[i];
        Symbol *sym = symtable_symbol(s, name);
        if (sym) {
            if (s->kind == SCOPE_CLASS && (sym->flags & (DEF_BOUND | DEF_GLOBAL))) {
                sym->flags |= DEF_FREE_CLASS;
            }
            continue;
        }
        if (bound && !set_has(bound, name)) {
            continue;
        }
        sym = symbol_add(s, name);
        sym->scope = SYM_FREE;
    }
}

static int analyze_children(Walker *w, Scope *s, NameSet *newbound, NameSet *newglobal,
                            NameSet *newfree) {
    NameSet allfree = {0};
    int rc = 0;
    for (size_t i = 0; i < s->nchildren && rc == 0; i++) {
        Scope *c = s->children[i];
        rc = analyze_child(w, c, newbound, newglobal, &allfree);
        if (c->has_free || c->child_free) {
            s->child_free = true;
        }
    }
    set_union(newfree, &allfree);
    set_free(&allfree);
    return rc;
}

static int analyze_block(Walker *w, Scope *s, NameSet *bound, NameSet *free, NameSet *global) {
    NameSet local = {0}, newglobal = {0}, newfree = {0}, newbound = {0};
    int rc = 0;
    if (s->kind == SCOPE_CLASS) {
        set_union(&newglobal, global);
        set_union(&newbound, bound);
    }
    for (size_t i = 0; i < s->nsyms && rc == 0; i++) {
        rc = analyze_name(w, s, &s->syms[i], bound, &local, free, global);
    }
    if (rc == 0) {
        if (s->kind != SCOPE_CLASS) {
            if (s->kind == SCOPE_FUNCTION) {
                set_union(&newbound, &local);
            }
            set_union(&newbound, bound);
            set_union(&newglobal, global);
        } else {
            set_add(&newbound, "__class__");
        }
        rc = analyze_children(w, s, &newbound, &newglobal, &newfree);
    }
    if (rc == 0) {
        if (s->kind == SCOPE_FUNCTION) {
            analyze_cells(s, &newfree);
        } else if (s->kind == SCOPE_CLASS && set_has(&newfree, "__class__")) {
            set_discard(&newfree, "__class__");
            s->needs_class_closure = true;
        }
        update_symbols(s, bound, &newfree);
        set_union(free, &newfree);
    }
    set_free(&local);
    set_free(&newglobal);
    set_free(&newfree);
    set_free(&newbound);
    return rc;
}

// ---------------------------------------------------------------------------
// Entry points

int symtable_build(SymTable *st, const Mod *mod) {
    Walker w = {.st = st};
    Loc loc = {0, 0, 0, 0};
    st->top = enter(&w, SCOPE_MODULE, "top", mod, loc);
    int rc = 0;
    if (mod->kind == AST_EXPRESSION) {
        rc = visit_expr(&w, mod->v.Expression.body);
    } else if (mod->kind == AST_INTERACTIVE) {
        rc = visit_stmts(&w, &mod->v.Interactive.body);
    } else {
        rc = visit_stmts(&w, &mod->v.Module.body);
    }
    if (rc == 0) {
        NameSet free = {0}, global = {0};
        rc = analyze_block(&w, st->top, NULL, &free, &global);
        set_free(&free);
        set_free(&global);
    }
    return rc;
}

void symtable_free(SymTable *st) {
    for (size_t i = 0; i < st->nall; i++) {
        scope_free(st->all[i]);
    }
    free(st->all);
    for (size_t i = 0; i < st->nowned; i++) {
        free(st->owned[i]);
    }
    free(st->owned);
    assemble_index_free(&st->by_node);
    memset(st, 0, sizeof *st);
}
