// Statements: the start rules, simple and compound statements, blocks and
// imports, ported from CPython 3.11's Grammar/python.gram (the rule each
// function implements is quoted above it). Expressions are in
// parse_expr.c, targets in parse_target.c, the invalid_ rules that give the
// second pass its messages in parse_invalid.c.
#include "parser/internal.h"

#include <string.h>

static Stmt *statement_newline(Parser *p);
static Vec *statements(Parser *p);
static Vec *simple_stmts(Parser *p);
static Stmt *compound_stmt(Parser *p);

// ---------------------------------------------------------------------------
// Start rules

// file: [statements] ENDMARKER
Mod *parse_file_rule(Parser *p) {
    ENTER(p);
    int mark = p->mark;
    Vec *a = statements(p);
    if (!p->error && parse_expect(p, TOK_ENDMARKER)) {
        Mod *m = ast_new_mod(p->arena, AST_MODULE);
        m->v.Module.body = parse_stmts(p, a);
        LEAVE(p, m);
    }
    p->mark = mark;
    LEAVE(p, NULL);
}

// interactive: statement_newline
Mod *parse_interactive_rule(Parser *p) {
    ENTER(p);
    Vec *v = NULL;
    int mark = p->mark;
    Stmt *s = statement_newline(p);
    if (s) {
        Mod *m = ast_new_mod(p->arena, AST_INTERACTIVE);
        m->v.Interactive.body = parse_stmt1(p, s);
        LEAVE(p, m);
    }
    p->mark = mark;
    if (!p->error && (v = simple_stmts(p))) {
        Mod *m = ast_new_mod(p->arena, AST_INTERACTIVE);
        m->v.Interactive.body = parse_stmts(p, v);
        LEAVE(p, m);
    }
    p->mark = mark;
    if (!p->error && parse_expect(p, TOK_NEWLINE)) {
        Mod *m = ast_new_mod(p->arena, AST_INTERACTIVE);
        m->v.Interactive.body = parse_stmt1(p, parse_stmt_at(p, AST_PASS, mark));
        LEAVE(p, m);
    }
    p->mark = mark;
    LEAVE(p, NULL);
}

// statement_newline:
//     | compound_stmt NEWLINE | simple_stmts | NEWLINE | ENDMARKER
// (the other alternatives are tried by the caller, as they yield lists)
static Stmt *statement_newline(Parser *p) {
    ENTER(p);
    int mark = p->mark;
    Stmt *a = compound_stmt(p);
    if (a && parse_expect(p, TOK_NEWLINE)) {
        LEAVE(p, a);
    }
    p->mark = mark;
    LEAVE(p, NULL);
}

// eval: expressions NEWLINE* ENDMARKER
Mod *parse_eval_rule(Parser *p) {
    ENTER(p);
    int mark = p->mark;
    Expr *a = parse_expressions(p);
    if (a) {
        while (parse_expect(p, TOK_NEWLINE)) {
        }
        if (parse_expect(p, TOK_ENDMARKER)) {
            Mod *m = ast_new_mod(p->arena, AST_EXPRESSION);
            m->v.Expression.body = a;
            LEAVE(p, m);
        }
    }
    p->mark = mark;
    LEAVE(p, NULL);
}

// ---------------------------------------------------------------------------
// Statement sequences

// statement: compound_stmt | simple_stmts
static Vec *statement(Parser *p) {
    ENTER(p);
    int mark = p->mark;
    Stmt *a = compound_stmt(p);
    if (a) {
        Vec *v = parse_vec_new(p);
        parse_vec_push(p, v, a);
        LEAVE(p, v);
    }
    p->mark = mark;
    if (p->error) {
        LEAVE(p, NULL);
    }
    LEAVE(p, simple_stmts(p));
}

// statements: statement+
static Vec *statements(Parser *p) {
    ENTER(p);
    Vec *all = NULL;
    for (;;) {
        int mark = p->mark;
        Vec *v = statement(p);
        if (!v) {
            p->mark = mark;
            break;
        }
        all = all ? all : parse_vec_new(p);
        for (int i = 0; i < v->len; i++) {
            parse_vec_push(p, all, v->items[i]);
        }
    }
    LEAVE(p, p->error ? NULL : all);
}

static Stmt *simple_stmt(Parser *p);

// simple_stmts:
//     | simple_stmt !';' NEWLINE
//     | ';'.simple_stmt+ [';'] NEWLINE
static Vec *simple_stmts(Parser *p) {
    ENTER(p);
    int mark = p->mark;
    Stmt *a = simple_stmt(p);
    if (a && !parse_check(p, TOK_SEMI) && parse_expect(p, TOK_NEWLINE)) {
        Vec *v = parse_vec_new(p);
        parse_vec_push(p, v, a);
        LEAVE(p, v);
    }
    p->mark = mark;
    Vec *v = parse_vec_new(p);
    while ((a = simple_stmt(p))) {
        parse_vec_push(p, v, a);
        if (!parse_expect(p, TOK_SEMI)) {
            break; // a ';' consumed before a failing statement is the [';']
        }
    }
    if (v->len && parse_expect(p, TOK_NEWLINE)) {
        LEAVE(p, v);
    }
    p->mark = mark;
    LEAVE(p, NULL);
}

// ---------------------------------------------------------------------------
// Simple statements

static Stmt *assignment(Parser *p);
static Stmt *return_stmt(Parser *p);
static Stmt *import_stmt(Parser *p);
static Stmt *raise_stmt(Parser *p);
static Stmt *del_stmt(Parser *p);
static Stmt *yield_stmt(Parser *p);
static Stmt *assert_stmt(Parser *p);
static Stmt *global_stmt(Parser *p, TokenKind kw, AstKind kind);

// A statement made of one keyword (pass, break, continue).
static Stmt *keyword_stmt(Parser *p, TokenKind kw, AstKind kind) {
    int start = p->mark;
    if (!parse_expect(p, kw)) {
        return NULL;
    }
    return parse_stmt_at(p, kind, start);
}

// The keyword statements, chosen by their first token (CPython's &'kw'
// lookaheads).
static Stmt *keyword_simple_stmt(Parser *p) {
    switch (parse_peek(p)->kind) {
    case TOK_KW_RETURN:
        return return_stmt(p);
    case TOK_KW_IMPORT:
    case TOK_KW_FROM:
        return import_stmt(p);
    case TOK_KW_RAISE:
        return raise_stmt(p);
    case TOK_KW_PASS:
        return keyword_stmt(p, TOK_KW_PASS, AST_PASS);
    case TOK_KW_DEL:
        return del_stmt(p);
    case TOK_KW_YIELD:
        return yield_stmt(p);
    case TOK_KW_ASSERT:
        return assert_stmt(p);
    case TOK_KW_BREAK:
        return keyword_stmt(p, TOK_KW_BREAK, AST_BREAK);
    case TOK_KW_CONTINUE:
        return keyword_stmt(p, TOK_KW_CONTINUE, AST_CONTINUE);
    case TOK_KW_GLOBAL:
        return global_stmt(p, TOK_KW_GLOBAL, AST_GLOBAL);
    case TOK_KW_NONLOCAL:
        return global_stmt(p, TOK_KW_NONLOCAL, AST_NONLOCAL);
    default:
        return NULL;
    }
}

// simple_stmt (memo):
//     | assignment
//     | star_expressions
//     | &'return' return_stmt | &('import' | 'from') import_stmt
//     | &'raise' raise_stmt | 'pass' | &'del' del_stmt | &'yield' yield_stmt
//     | &'assert' assert_stmt | 'break' | 'continue' | &'global' global_stmt
//     | &'nonlocal' nonlocal_stmt
static Stmt *simple_stmt_raw(Parser *p) {
    int mark = p->mark;
    Stmt *s = assignment(p);
    if (s || p->error) {
        return s;
    }
    p->mark = mark;
    Expr *e = parse_star_expressions(p);
    if (e) {
        s = parse_stmt_at(p, AST_EXPR, mark);
        s->v.Expr.value = e;
        return s;
    }
    p->mark = mark;
    if (p->error) {
        return NULL;
    }
    s = keyword_simple_stmt(p);
    if (!s) {
        p->mark = mark;
    }
    return s;
}

static Stmt *simple_stmt(Parser *p) {
    ENTER(p);
    void *m;
    if (parse_memo_get(p, MEMO_SIMPLE_STMT, &m)) {
        LEAVE(p, m);
    }
    int mark = p->mark;
    Stmt *s = simple_stmt_raw(p);
    parse_memo_put(p, mark, MEMO_SIMPLE_STMT, s);
    LEAVE(p, s);
}

// annotated_rhs: yield_expr | star_expressions
static Expr *annotated_rhs(Parser *p) {
    int mark = p->mark;
    Expr *e = parse_yield_expr(p);
    if (e || p->error) {
        return e;
    }
    p->mark = mark;
    return parse_star_expressions(p);
}

// An AnnAssign once its target is known: ':' expression ['=' annotated_rhs]
static Stmt *ann_assign_rest(Parser *p, Expr *target, int simple, int start) {
    if (!parse_expect(p, TOK_COLON)) {
        return NULL;
    }
    Expr *ann = parse_expression(p);
    if (!ann) {
        return NULL;
    }
    Expr *value = NULL;
    int mark = p->mark;
    if (parse_expect(p, TOK_EQUAL) && !(value = annotated_rhs(p))) {
        p->mark = mark;
    }
    if (p->error) {
        return NULL;
    }
    Stmt *s = parse_stmt_at(p, AST_ANN_ASSIGN, start);
    s->v.AnnAssign.target = target;
    s->v.AnnAssign.annotation = ann;
    s->v.AnnAssign.value = value;
    s->v.AnnAssign.simple = simple;
    return s;
}

// NAME ':' expression ['=' annotated_rhs]
static Stmt *ann_assign_name(Parser *p) {
    int start = p->mark;
    Expr *a = parse_name(p);
    if (!a || !parse_check(p, TOK_COLON)) {
        return NULL;
    }
    return ann_assign_rest(p, parse_set_context(p, a, AST_STORE), 1, start);
}

// ('(' single_target ')' | single_subscript_attribute_target) ':' ...
static Stmt *ann_assign_other(Parser *p) {
    int start = p->mark;
    Expr *a = NULL;
    if (parse_expect(p, TOK_LPAR)) {
        a = parse_single_target(p);
        if (a && !parse_expect(p, TOK_RPAR)) {
            a = NULL;
        }
    }
    if (!a && !p->error) {
        p->mark = start;
        a = parse_single_subscript_attribute_target(p);
    }
    if (!a) {
        return NULL;
    }
    return ann_assign_rest(p, a, 0, start);
}

// (star_targets '=')+ (yield_expr | star_expressions) !'='
static Stmt *plain_assign(Parser *p) {
    int start = p->mark;
    Vec *targets = parse_vec_new(p);
    for (;;) {
        int mark = p->mark;
        Expr *t = parse_star_targets(p);
        if (!t || !parse_expect(p, TOK_EQUAL)) {
            p->mark = mark;
            break;
        }
        parse_vec_push(p, targets, t);
    }
    if (!targets->len || p->error) {
        return NULL;
    }
    Expr *value = annotated_rhs(p);
    if (!value || parse_check(p, TOK_EQUAL)) {
        return NULL;
    }
    Stmt *s = parse_stmt_at(p, AST_ASSIGN, start);
    s->v.Assign.targets = parse_exprs(p, targets);
    s->v.Assign.value = value;
    return s;
}

// single_target augassign ~ (yield_expr | star_expressions); *cut is set
// once the operator is seen.
static Stmt *aug_assign(Parser *p, bool *cut) {
    int start = p->mark;
    AstOperator op;
    Expr *target = parse_single_target(p);
    if (!target || !parse_augassign(p, &op)) {
        return NULL;
    }
    *cut = true;
    Expr *value = annotated_rhs(p);
    if (!value) {
        return NULL;
    }
    Stmt *s = parse_stmt_at(p, AST_AUG_ASSIGN, start);
    s->v.AugAssign.target = target;
    s->v.AugAssign.op = op;
    s->v.AugAssign.value = value;
    return s;
}

// assignment:
//     | NAME ':' expression ['=' annotated_rhs]
//     | ('(' single_target ')' | single_subscript_attribute_target) ':' ...
//     | (star_targets '=')+ (yield_expr | star_expressions) !'=' [TYPE_COMMENT]
//     | single_target augassign ~ (yield_expr | star_expressions)
//     | invalid_assignment
static Stmt *assignment(Parser *p) {
    ENTER(p);
    int mark = p->mark;
    Stmt *s = ann_assign_name(p);
    if (s || p->error) {
        LEAVE(p, s);
    }
    p->mark = mark;
    if ((s = ann_assign_other(p)) || p->error) {
        LEAVE(p, s);
    }
    p->mark = mark;
    if ((s = plain_assign(p)) || p->error) {
        LEAVE(p, s);
    }
    p->mark = mark;
    bool cut = false;
    if ((s = aug_assign(p, &cut)) || p->error || cut) {
        if (!s) {
            p->mark = mark;
        }
        LEAVE(p, s);
    }
    p->mark = mark;
    if (p->call_invalid_rules) {
        parse_invalid_assignment(p);
        p->mark = mark;
    }
    LEAVE(p, NULL);
}

// return_stmt: 'return' [star_expressions]
static Stmt *return_stmt(Parser *p) {
    ENTER(p);
    int start = p->mark;
    if (!parse_expect(p, TOK_KW_RETURN)) {
        LEAVE(p, NULL);
    }
    int mark = p->mark;
    Expr *value = parse_star_expressions(p);
    if (!value) {
        p->mark = mark;
    }
    if (p->error) {
        LEAVE(p, NULL);
    }
    Stmt *s = parse_stmt_at(p, AST_RETURN, start);
    s->v.Return.value = value;
    LEAVE(p, s);
}

// raise_stmt: 'raise' expression ['from' expression] | 'raise'
static Stmt *raise_stmt(Parser *p) {
    ENTER(p);
    int start = p->mark;
    if (!parse_expect(p, TOK_KW_RAISE)) {
        LEAVE(p, NULL);
    }
    int mark = p->mark;
    Expr *exc = parse_expression(p), *cause = NULL;
    if (exc) {
        int mark2 = p->mark;
        if (!parse_expect(p, TOK_KW_FROM) || !(cause = parse_expression(p))) {
            p->mark = mark2;
        }
    } else {
        p->mark = mark;
    }
    if (p->error) {
        LEAVE(p, NULL);
    }
    Stmt *s = parse_stmt_at(p, AST_RAISE, start);
    s->v.Raise.exc = exc;
    s->v.Raise.cause = cause;
    LEAVE(p, s);
}

// global_stmt: 'global' ','.NAME+  (and nonlocal_stmt)
static Stmt *global_stmt(Parser *p, TokenKind kw, AstKind kind) {
    ENTER(p);
    int start = p->mark;
    if (!parse_expect(p, kw)) {
        LEAVE(p, NULL);
    }
    Vec names = {0};
    for (;;) {
        Token *t = parse_expect(p, TOK_NAME);
        if (!t) {
            break;
        }
        parse_vec_push(p, &names, (void *)parse_ident(p, t));
        int mark = p->mark;
        if (!parse_expect(p, TOK_COMMA) || !parse_check(p, TOK_NAME)) {
            p->mark = mark;
            break;
        }
    }
    if (!names.len) {
        p->mark = start;
        LEAVE(p, NULL);
    }
    Stmt *s = parse_stmt_at(p, kind, start);
    IdentList l = {names.len, arena_alloc(p->arena, (size_t)names.len * sizeof(char *))};
    for (int i = 0; i < names.len; i++) {
        l.items[i] = names.items[i];
    }
    s->v.Global.names = l; // Global and Nonlocal share their layout
    if (kind == AST_NONLOCAL) {
        s->v.Nonlocal.names = l;
    }
    LEAVE(p, s);
}

// del_stmt: 'del' del_targets &(';' | NEWLINE) | invalid_del_stmt
static Stmt *del_stmt(Parser *p) {
    ENTER(p);
    int start = p->mark;
    if (parse_expect(p, TOK_KW_DEL)) {
        Vec *targets = parse_del_targets(p);
        if (targets && (parse_check(p, TOK_SEMI) || parse_check(p, TOK_NEWLINE))) {
            Stmt *s = parse_stmt_at(p, AST_DELETE, start);
            s->v.Delete.targets = parse_exprs(p, targets);
            LEAVE(p, s);
        }
    }
    p->mark = start;
    if (p->call_invalid_rules && !p->error) {
        parse_invalid_del_stmt(p);
        p->mark = start;
    }
    LEAVE(p, NULL);
}

// yield_stmt: yield_expr
static Stmt *yield_stmt(Parser *p) {
    ENTER(p);
    int start = p->mark;
    Expr *y = parse_yield_expr(p);
    if (!y) {
        LEAVE(p, NULL);
    }
    Stmt *s = parse_stmt_at(p, AST_EXPR, start);
    s->v.Expr.value = y;
    LEAVE(p, s);
}

// assert_stmt: 'assert' expression [',' expression]
static Stmt *assert_stmt(Parser *p) {
    ENTER(p);
    int start = p->mark;
    Expr *test, *msg = NULL;
    if (!parse_expect(p, TOK_KW_ASSERT) || !(test = parse_expression(p))) {
        p->mark = start;
        LEAVE(p, NULL);
    }
    int mark = p->mark;
    if (!parse_expect(p, TOK_COMMA) || !(msg = parse_expression(p))) {
        p->mark = mark;
    }
    if (p->error) {
        LEAVE(p, NULL);
    }
    Stmt *s = parse_stmt_at(p, AST_ASSERT, start);
    s->v.Assert.test = test;
    s->v.Assert.msg = msg;
    LEAVE(p, s);
}

// ---------------------------------------------------------------------------
// Imports

// dotted_name: dotted_name '.' NAME | NAME  (an identifier "a.b.c")
Expr *parse_dotted_name(Parser *p) {
    ENTER(p);
    void *m;
    if (parse_memo_get(p, MEMO_DOTTED_NAME, &m)) {
        LEAVE(p, m);
    }
    int start = p->mark;
    Expr *a = parse_name(p);
    while (a) {
        int mark = p->mark;
        Token *t;
        if (!parse_expect(p, TOK_DOT) || !(t = parse_expect(p, TOK_NAME))) {
            p->mark = mark;
            break;
        }
        size_t n1 = strlen(a->v.Name.id);
        char *id = arena_alloc(p->arena, n1 + (size_t)t->len + 2);
        memcpy(id, a->v.Name.id, n1);
        id[n1] = '.';
        memcpy(id + n1 + 1, t->start, (size_t)t->len);
        Expr *b = parse_expr_at(p, AST_NAME, start);
        b->v.Name.id = id;
        b->v.Name.ctx = AST_LOAD;
        a = b;
    }
    parse_memo_put(p, start, MEMO_DOTTED_NAME, a);
    LEAVE(p, a);
}

// dotted_as_name: dotted_name ['as' NAME]
// import_from_as_name: NAME ['as' NAME]
static Alias *as_name(Parser *p, bool dotted) {
    ENTER(p);
    int start = p->mark;
    Expr *a = dotted ? parse_dotted_name(p) : parse_name(p);
    if (!a) {
        LEAVE(p, NULL);
    }
    const char *asname = NULL;
    int mark = p->mark;
    Token *t;
    if (parse_expect(p, TOK_KW_AS) && (t = parse_expect(p, TOK_NAME))) {
        asname = parse_ident(p, t);
    } else {
        p->mark = mark;
    }
    if (p->error) {
        LEAVE(p, NULL);
    }
    Alias *al = parse_aux_at(p, AST_ALIAS, sizeof(Alias), start);
    al->name = a->v.Name.id;
    al->asname = asname;
    LEAVE(p, al);
}

// dotted_as_names / import_from_as_names: ','.X+
static Vec *as_names(Parser *p, bool dotted) {
    Alias *a = as_name(p, dotted);
    if (!a) {
        return NULL;
    }
    Vec *v = parse_vec_new(p);
    parse_vec_push(p, v, a);
    for (;;) {
        int mark = p->mark;
        if (!parse_expect(p, TOK_COMMA) || !(a = as_name(p, dotted))) {
            p->mark = mark;
            break;
        }
        parse_vec_push(p, v, a);
    }
    return p->error ? NULL : v;
}

// import_name: 'import' dotted_as_names
static Stmt *import_name(Parser *p) {
    ENTER(p);
    int start = p->mark;
    Vec *names;
    if (!parse_expect(p, TOK_KW_IMPORT) || !(names = as_names(p, true))) {
        p->mark = start;
        LEAVE(p, NULL);
    }
    Stmt *s = parse_stmt_at(p, AST_IMPORT, start);
    s->v.Import.names = parse_aliases(p, names);
    LEAVE(p, s);
}

// import_from_targets:
//     | '(' import_from_as_names [','] ')'
//     | import_from_as_names !','
//     | '*'
//     | invalid_import_from_targets
static Vec *import_from_targets(Parser *p) {
    ENTER(p);
    int mark = p->mark;
    Vec *v;
    if (parse_expect(p, TOK_LPAR) && (v = as_names(p, false))) {
        parse_expect(p, TOK_COMMA);
        if (parse_expect(p, TOK_RPAR)) {
            LEAVE(p, v);
        }
    }
    p->mark = mark;
    if (!p->error && (v = as_names(p, false)) && !parse_check(p, TOK_COMMA)) {
        LEAVE(p, v);
    }
    p->mark = mark;
    if (!p->error && parse_expect(p, TOK_STAR)) {
        Alias *a = parse_aux_at(p, AST_ALIAS, sizeof(Alias), mark);
        a->name = "*";
        v = parse_vec_new(p);
        parse_vec_push(p, v, a);
        LEAVE(p, v);
    }
    p->mark = mark;
    if (p->call_invalid_rules && !p->error) {
        parse_invalid_import_from_targets(p);
        p->mark = mark;
    }
    LEAVE(p, NULL);
}

// ('.' | '...')* counted as dots
static int import_dots(Parser *p) {
    int level = 0;
    for (;;) {
        if (parse_expect(p, TOK_DOT)) {
            level += 1;
        } else if (parse_expect(p, TOK_ELLIPSIS)) {
            level += 3;
        } else {
            return level;
        }
    }
}

// import_from:
//     | 'from' ('.' | '...')* dotted_name 'import' import_from_targets
//     | 'from' ('.' | '...')+ 'import' import_from_targets
static Stmt *import_from(Parser *p) {
    ENTER(p);
    int start = p->mark;
    if (!parse_expect(p, TOK_KW_FROM)) {
        LEAVE(p, NULL);
    }
    int after_from = p->mark;
    int level = import_dots(p);
    int after_dots = p->mark;
    Expr *module = parse_dotted_name(p);
    Vec *names = NULL;
    if (module && parse_expect(p, TOK_KW_IMPORT)) {
        names = import_from_targets(p);
    }
    if (!names && !p->error) {
        module = NULL;
        p->mark = after_dots;
        if (after_dots > after_from && parse_expect(p, TOK_KW_IMPORT)) {
            names = import_from_targets(p);
        }
    }
    if (!names) {
        p->mark = start;
        LEAVE(p, NULL);
    }
    Stmt *s = parse_stmt_at(p, AST_IMPORT_FROM, start);
    s->v.ImportFrom.module = module ? module->v.Name.id : NULL;
    s->v.ImportFrom.names = parse_aliases(p, names);
    s->v.ImportFrom.level = level;
    LEAVE(p, s);
}

// import_stmt: import_name | import_from
static Stmt *import_stmt(Parser *p) {
    Stmt *s = import_name(p);
    return s || p->error ? s : import_from(p);
}

// ---------------------------------------------------------------------------
// Blocks

static Vec *block_raw(Parser *p) {
    int mark = p->mark;
    Vec *a;
    if (parse_expect(p, TOK_NEWLINE) && parse_expect(p, TOK_INDENT) && (a = statements(p)) &&
        parse_expect(p, TOK_DEDENT)) {
        return a;
    }
    p->mark = mark;
    if (p->error) {
        return NULL;
    }
    if ((a = simple_stmts(p))) {
        return a;
    }
    p->mark = mark;
    if (p->call_invalid_rules && !p->error) {
        parse_invalid_block(p);
        p->mark = mark;
    }
    return NULL;
}

// block (memo): NEWLINE INDENT statements DEDENT | simple_stmts | invalid_block
Vec *parse_block(Parser *p) {
    ENTER(p);
    void *m;
    if (parse_memo_get(p, MEMO_BLOCK, &m)) {
        LEAVE(p, m);
    }
    int mark = p->mark;
    Vec *a = block_raw(p);
    parse_memo_put(p, mark, MEMO_BLOCK, a);
    LEAVE(p, a);
}

// [else_block] where else_block: invalid_else_stmt | 'else' &&':' block.
// Returns false after an error (the optional part is otherwise skipped).
static bool else_block(Parser *p, StmtList *out) {
    int mark = p->mark;
    if (p->call_invalid_rules) {
        parse_invalid_else_stmt(p);
        p->mark = mark;
    }
    Vec *b;
    if (!p->error && parse_expect(p, TOK_KW_ELSE) && parse_expect_forced(p, TOK_COLON, ":") &&
        (b = parse_block(p))) {
        *out = parse_stmts(p, b);
        return true;
    }
    p->mark = mark;
    return !p->error;
}

// ---------------------------------------------------------------------------
// Compound statements

// decorators: ('@' named_expression NEWLINE)+
static Vec *decorators(Parser *p) {
    ENTER(p);
    Vec *v = NULL;
    for (;;) {
        int mark = p->mark;
        Expr *e;
        if (!parse_expect(p, TOK_AT) || !(e = parse_named_expression(p)) ||
            !parse_expect(p, TOK_NEWLINE)) {
            p->mark = mark;
            break;
        }
        v = v ? v : parse_vec_new(p);
        parse_vec_push(p, v, e);
    }
    LEAVE(p, p->error ? NULL : v);
}

// class_def_raw:
//     | invalid_class_def_raw
//     | 'class' NAME ['(' [arguments] ')'] ':' block
static Stmt *class_def_raw(Parser *p) {
    ENTER(p);
    int start = p->mark;
    if (p->call_invalid_rules) {
        parse_invalid_class_def_raw(p);
        p->mark = start;
    }
    Token *name;
    if (p->error || !parse_expect(p, TOK_KW_CLASS) || !(name = parse_expect(p, TOK_NAME))) {
        p->mark = start;
        LEAVE(p, NULL);
    }
    Expr *call = NULL;
    int mark = p->mark;
    if (parse_expect(p, TOK_LPAR)) {
        int mark2 = p->mark;
        if (!(call = parse_arguments(p))) {
            p->mark = mark2;
        }
        if (!parse_expect(p, TOK_RPAR)) {
            call = NULL;
            p->mark = mark;
        } else if (!call) {
            call = ast_new_expr(p->arena, AST_CALL);
        }
    }
    Vec *body;
    if (p->error || !parse_expect(p, TOK_COLON) || !(body = parse_block(p))) {
        p->mark = start;
        LEAVE(p, NULL);
    }
    Stmt *s = parse_stmt_at(p, AST_CLASS_DEF, start);
    s->v.ClassDef.name = parse_ident(p, name);
    if (call) {
        s->v.ClassDef.bases = call->v.Call.args;
        s->v.ClassDef.keywords = call->v.Call.keywords;
    }
    s->v.ClassDef.body = parse_stmts(p, body);
    parse_check_class_keywords(p, s);
    LEAVE(p, s);
}

// 'def' NAME &&'(' [params] ')' ['->' expression] &&':' block, after an
// optional ASYNC.
static Stmt *def_rest(Parser *p, int start, bool is_async) {
    Token *name;
    if (!parse_expect(p, TOK_KW_DEF) || !(name = parse_expect(p, TOK_NAME)) ||
        !parse_expect_forced(p, TOK_LPAR, "(")) {
        return NULL;
    }
    int mark = p->mark;
    Arguments *params = parse_params(p);
    if (!params) {
        p->mark = mark;
    }
    if (p->error || !parse_expect(p, TOK_RPAR)) {
        return NULL;
    }
    Expr *returns = NULL;
    mark = p->mark;
    if (!parse_expect(p, TOK_RARROW) || !(returns = parse_expression(p))) {
        p->mark = mark;
    }
    Vec *body;
    if (p->error || !parse_expect_forced(p, TOK_COLON, ":") || !(body = parse_block(p))) {
        return NULL;
    }
    Stmt *s = parse_stmt_at(p, is_async ? AST_ASYNC_FUNCTION_DEF : AST_FUNCTION_DEF, start);
    s->v.FunctionDef.name = parse_ident(p, name);
    s->v.FunctionDef.args = params ? params : parse_empty_arguments(p);
    s->v.FunctionDef.body = parse_stmts(p, body);
    s->v.FunctionDef.returns = returns;
    return s; // AsyncFunctionDef has the same layout
}

// function_def_raw:
//     | invalid_def_raw
//     | 'def' NAME &&'(' [params] ')' ['->' expression] &&':' block
//     | ASYNC 'def' NAME &&'(' [params] ')' ['->' expression] &&':' block
static Stmt *function_def_raw(Parser *p) {
    ENTER(p);
    int start = p->mark;
    if (p->call_invalid_rules) {
        parse_invalid_def_raw(p);
        p->mark = start;
    }
    Stmt *s = def_rest(p, start, false);
    if (s || p->error) {
        LEAVE(p, s);
    }
    p->mark = start;
    if (parse_expect(p, TOK_KW_ASYNC)) {
        s = def_rest(p, start, true);
    }
    if (!s) {
        p->mark = start;
    }
    LEAVE(p, s);
}

// function_def: decorators function_def_raw | function_def_raw
// class_def: decorators class_def_raw | class_def_raw
// The decorated statement keeps its own position (from 'def'/'class').
static Stmt *decorated(Parser *p, bool is_class) {
    ENTER(p);
    int mark = p->mark;
    Vec *d = decorators(p);
    if (d) {
        Stmt *s = is_class ? class_def_raw(p) : function_def_raw(p);
        if (s) {
            if (is_class) {
                s->v.ClassDef.decorator_list = parse_exprs(p, d);
            } else {
                s->v.FunctionDef.decorator_list = parse_exprs(p, d);
            }
            LEAVE(p, s);
        }
    }
    p->mark = mark;
    if (p->error) {
        LEAVE(p, NULL);
    }
    LEAVE(p, is_class ? class_def_raw(p) : function_def_raw(p));
}

// if_stmt / elif_stmt:
//     | invalid_if_stmt
//     | 'if' named_expression ':' block elif_stmt
//     | 'if' named_expression ':' block [else_block]
static Stmt *if_stmt(Parser *p, TokenKind kw) {
    ENTER(p);
    int start = p->mark;
    if (p->call_invalid_rules) {
        kw == TOK_KW_IF ? parse_invalid_if_stmt(p) : parse_invalid_elif_stmt(p);
        p->mark = start;
    }
    Expr *test;
    Vec *body;
    if (p->error || !parse_expect(p, kw) || !(test = parse_named_expression(p)) ||
        !parse_expect(p, TOK_COLON) || !(body = parse_block(p))) {
        p->mark = start;
        LEAVE(p, NULL);
    }
    StmtList orelse = {0};
    int mark = p->mark;
    Stmt *elif = parse_check(p, TOK_KW_ELIF) ? if_stmt(p, TOK_KW_ELIF) : NULL;
    if (elif) {
        orelse = parse_stmt1(p, elif);
    } else {
        p->mark = mark;
        if (p->error || !else_block(p, &orelse)) {
            LEAVE(p, NULL);
        }
    }
    Stmt *s = parse_stmt_at(p, AST_IF, start);
    s->v.If.test = test;
    s->v.If.body = parse_stmts(p, body);
    s->v.If.orelse = orelse;
    LEAVE(p, s);
}

// while_stmt: invalid_while_stmt | 'while' named_expression ':' block [else_block]
static Stmt *while_stmt(Parser *p) {
    ENTER(p);
    int start = p->mark;
    if (p->call_invalid_rules) {
        parse_invalid_while_stmt(p);
        p->mark = start;
    }
    Expr *test;
    Vec *body;
    StmtList orelse = {0};
    if (p->error || !parse_expect(p, TOK_KW_WHILE) || !(test = parse_named_expression(p)) ||
        !parse_expect(p, TOK_COLON) || !(body = parse_block(p)) || !else_block(p, &orelse)) {
        p->mark = start;
        LEAVE(p, NULL);
    }
    Stmt *s = parse_stmt_at(p, AST_WHILE, start);
    s->v.While.test = test;
    s->v.While.body = parse_stmts(p, body);
    s->v.While.orelse = orelse;
    LEAVE(p, s);
}

// [ASYNC] 'for' star_targets 'in' ~ star_expressions ':' block [else_block];
// *cut is set once 'in' is passed.
static Stmt *for_rest(Parser *p, int start, bool is_async, bool *cut) {
    Expr *target, *iter;
    Vec *body;
    StmtList orelse = {0};
    if (!parse_expect(p, TOK_KW_FOR) || !(target = parse_star_targets(p)) ||
        !parse_expect(p, TOK_KW_IN)) {
        return NULL;
    }
    *cut = true;
    if (!(iter = parse_star_expressions(p)) || !parse_expect(p, TOK_COLON) ||
        !(body = parse_block(p)) || !else_block(p, &orelse)) {
        return NULL;
    }
    Stmt *s = parse_stmt_at(p, is_async ? AST_ASYNC_FOR : AST_FOR, start);
    s->v.For.target = target; // AsyncFor has the same layout
    s->v.For.iter = iter;
    s->v.For.body = parse_stmts(p, body);
    s->v.For.orelse = orelse;
    return s;
}

// for_stmt:
//     | invalid_for_stmt
//     | 'for' star_targets 'in' ~ star_expressions ':' [TYPE_COMMENT] block [else_block]
//     | ASYNC 'for' star_targets 'in' ~ star_expressions ':' [TYPE_COMMENT] block [else_block]
//     | invalid_for_target
static Stmt *for_stmt(Parser *p) {
    ENTER(p);
    int start = p->mark;
    if (p->call_invalid_rules) {
        parse_invalid_for_stmt(p);
        p->mark = start;
    }
    bool cut = false;
    Stmt *s = p->error ? NULL : for_rest(p, start, false, &cut);
    if (s || p->error || cut) {
        if (!s) {
            p->mark = start;
        }
        LEAVE(p, s);
    }
    p->mark = start;
    if (parse_expect(p, TOK_KW_ASYNC)) {
        s = for_rest(p, start, true, &cut);
        if (s || p->error || cut) {
            if (!s) {
                p->mark = start;
            }
            LEAVE(p, s);
        }
    }
    p->mark = start;
    if (p->call_invalid_rules && !p->error) {
        parse_invalid_for_target(p);
        p->mark = start;
    }
    LEAVE(p, NULL);
}

// with_item:
//     | expression 'as' star_target &(',' | ')' | ':')
//     | invalid_with_item
//     | expression
static WithItem *with_item(Parser *p) {
    ENTER(p);
    int mark = p->mark;
    Expr *e = parse_expression(p), *t = NULL;
    if (e && parse_expect(p, TOK_KW_AS) && (t = parse_star_target(p)) &&
        (parse_check(p, TOK_COMMA) || parse_check(p, TOK_RPAR) || parse_check(p, TOK_COLON))) {
        WithItem *w = ast_new_aux(p->arena, AST_WITH_ITEM, sizeof(WithItem));
        w->context_expr = e;
        w->optional_vars = t;
        LEAVE(p, w);
    }
    p->mark = mark;
    if (p->call_invalid_rules && !p->error) {
        parse_invalid_with_item(p);
        p->mark = mark;
    }
    if (p->error || !(e = parse_expression(p))) {
        LEAVE(p, NULL);
    }
    WithItem *w = ast_new_aux(p->arena, AST_WITH_ITEM, sizeof(WithItem));
    w->context_expr = e;
    LEAVE(p, w);
}

// ','.with_item+
static Vec *with_items(Parser *p) {
    WithItem *w = with_item(p);
    if (!w) {
        return NULL;
    }
    Vec *v = parse_vec_new(p);
    parse_vec_push(p, v, w);
    for (;;) {
        int mark = p->mark;
        if (!parse_expect(p, TOK_COMMA) || !(w = with_item(p))) {
            p->mark = mark;
            break;
        }
        parse_vec_push(p, v, w);
    }
    return p->error ? NULL : v;
}

// 'with' '(' ','.with_item+ ','? ')' ':' block
// 'with' ','.with_item+ ':' [TYPE_COMMENT] block
static Stmt *with_rest(Parser *p, int start, bool is_async) {
    int mark = p->mark;
    Vec *items, *body;
    for (int form = 0; form < 2; form++) {
        p->mark = mark;
        if (!parse_expect(p, TOK_KW_WITH)) {
            return NULL;
        }
        if (form == 0) {
            if (!parse_expect(p, TOK_LPAR) || !(items = with_items(p))) {
                continue;
            }
            parse_expect(p, TOK_COMMA);
            if (!parse_expect(p, TOK_RPAR)) {
                continue;
            }
        } else if (!(items = with_items(p))) {
            return NULL;
        }
        if (parse_expect(p, TOK_COLON) && (body = parse_block(p))) {
            Stmt *s = parse_stmt_at(p, is_async ? AST_ASYNC_WITH : AST_WITH, start);
            s->v.With.items = parse_withitems(p, items); // AsyncWith: same layout
            s->v.With.body = parse_stmts(p, body);
            return s;
        }
        if (p->error) {
            return NULL;
        }
    }
    return NULL;
}

// with_stmt:
//     | invalid_with_stmt_indent
//     | [ASYNC] 'with' '(' ','.with_item+ ','? ')' ':' block
//     | [ASYNC] 'with' ','.with_item+ ':' [TYPE_COMMENT] block
//     | invalid_with_stmt
static Stmt *with_stmt(Parser *p) {
    ENTER(p);
    int start = p->mark;
    if (p->call_invalid_rules) {
        parse_invalid_with_stmt_indent(p);
        p->mark = start;
    }
    Stmt *s = p->error ? NULL : with_rest(p, start, false);
    if (!s && !p->error) {
        p->mark = start;
        if (parse_expect(p, TOK_KW_ASYNC)) {
            s = with_rest(p, start, true);
        }
    }
    if (s || p->error) {
        LEAVE(p, s);
    }
    p->mark = start;
    if (p->call_invalid_rules) {
        parse_invalid_with_stmt(p);
        p->mark = start;
    }
    LEAVE(p, NULL);
}

// except_block:
//     | invalid_except_stmt_indent
//     | 'except' expression ['as' NAME] ':' block
//     | 'except' ':' block
//     | invalid_except_stmt
static ExceptHandler *except_block(Parser *p) {
    ENTER(p);
    int start = p->mark;
    if (p->call_invalid_rules) {
        parse_invalid_except_stmt_indent(p);
        p->mark = start;
    }
    Expr *type = NULL;
    Token *name = NULL;
    Vec *body = NULL;
    if (!p->error && parse_expect(p, TOK_KW_EXCEPT) && (type = parse_expression(p))) {
        int mark = p->mark;
        if (!parse_expect(p, TOK_KW_AS) || !(name = parse_expect(p, TOK_NAME))) {
            name = NULL;
            p->mark = mark;
        }
        if (!parse_expect(p, TOK_COLON) || !(body = parse_block(p))) {
            type = NULL;
        }
    }
    if (!type && !p->error) {
        p->mark = start;
        name = NULL;
        if (!parse_expect(p, TOK_KW_EXCEPT) || !parse_expect(p, TOK_COLON) ||
            !(body = parse_block(p))) {
            body = NULL;
        }
    }
    if (!body || p->error) {
        p->mark = start;
        if (p->call_invalid_rules && !p->error) {
            parse_invalid_except_stmt(p);
            p->mark = start;
        }
        LEAVE(p, NULL);
    }
    ExceptHandler *h = parse_aux_at(p, AST_EXCEPT_HANDLER, sizeof(ExceptHandler), start);
    h->type = type;
    h->name = name ? parse_ident(p, name) : NULL;
    h->body = parse_stmts(p, body);
    LEAVE(p, h);
}

// finally_block: invalid_finally_stmt | 'finally' &&':' block
static Vec *finally_block(Parser *p) {
    ENTER(p);
    int start = p->mark;
    if (p->call_invalid_rules) {
        parse_invalid_finally_stmt(p);
        p->mark = start;
    }
    Vec *body;
    if (p->error || !parse_expect(p, TOK_KW_FINALLY) || !parse_expect_forced(p, TOK_COLON, ":") ||
        !(body = parse_block(p))) {
        p->mark = start;
        LEAVE(p, NULL);
    }
    LEAVE(p, body);
}

// try_stmt:
//     | invalid_try_stmt
//     | 'try' &&':' block finally_block
//     | 'try' &&':' block except_block+ [else_block] [finally_block]
static Stmt *try_stmt(Parser *p) {
    ENTER(p);
    int start = p->mark;
    if (p->call_invalid_rules) {
        parse_invalid_try_stmt(p);
        p->mark = start;
    }
    Vec *body, *fin = NULL, handlers = {0};
    StmtList orelse = {0};
    if (p->error || !parse_expect(p, TOK_KW_TRY) || !parse_expect_forced(p, TOK_COLON, ":") ||
        !(body = parse_block(p))) {
        p->mark = start;
        LEAVE(p, NULL);
    }
    int mark = p->mark;
    if (!(fin = finally_block(p))) {
        p->mark = mark;
        ExceptHandler *h;
        while ((h = except_block(p))) {
            parse_vec_push(p, &handlers, h);
        }
        if (!handlers.len || p->error || !else_block(p, &orelse)) {
            p->mark = start;
            LEAVE(p, NULL);
        }
        mark = p->mark;
        if (!(fin = finally_block(p))) {
            p->mark = mark;
        }
    }
    if (p->error) {
        LEAVE(p, NULL);
    }
    Stmt *s = parse_stmt_at(p, AST_TRY, start);
    s->v.Try.body = parse_stmts(p, body);
    s->v.Try.handlers = parse_handlers(p, &handlers);
    s->v.Try.orelse = orelse;
    s->v.Try.finalbody = parse_stmts(p, fin);
    LEAVE(p, s);
}

// compound_stmt:
//     | &('def' | '@' | ASYNC) function_def | &'if' if_stmt
//     | &('class' | '@') class_def | &('with' | ASYNC) with_stmt
//     | &('for' | ASYNC) for_stmt | &'try' try_stmt | &'while' while_stmt
// (match_stmt is not supported.)
static Stmt *compound_stmt(Parser *p) {
    ENTER(p);
    int mark = p->mark;
    Stmt *s = NULL;
    TokenKind k = parse_peek(p)->kind;
    if (k == TOK_KW_DEF || k == TOK_AT || k == TOK_KW_ASYNC) {
        if ((s = decorated(p, false)) || p->error) {
            LEAVE(p, s);
        }
        p->mark = mark;
    }
    if (k == TOK_KW_IF) {
        s = if_stmt(p, TOK_KW_IF);
    } else if (k == TOK_KW_CLASS || k == TOK_AT) {
        s = decorated(p, true);
    } else if (k == TOK_KW_WITH || k == TOK_KW_ASYNC) {
        if (!(s = with_stmt(p)) && !p->error && k == TOK_KW_ASYNC) {
            p->mark = mark;
            s = for_stmt(p);
        }
    } else if (k == TOK_KW_FOR) {
        s = for_stmt(p);
    } else if (k == TOK_KW_TRY) {
        s = try_stmt(p);
    } else if (k == TOK_KW_WHILE) {
        s = while_stmt(p);
    }
    if (!s) {
        p->mark = mark;
    }
    LEAVE(p, s);
}

// ---------------------------------------------------------------------------
// invalid_ rules that need this file's rules

// invalid_import_from_targets: import_from_as_names ',' NEWLINE
void *parse_invalid_import_from_targets(Parser *p) {
    ENTER(p);
    int start = p->mark;
    if (as_names(p, false) && parse_expect(p, TOK_COMMA) && parse_expect(p, TOK_NEWLINE)) {
        parse_raise_last(p, PARSE_SYNTAX_ERROR,
                         "trailing comma not allowed without surrounding parentheses");
    }
    p->mark = start;
    LEAVE(p, NULL);
}

// 'try' ':' block* except_block+ 'except' '*' expression ['as' NAME] ':'
static void except_and_except_star(Parser *p) {
    while (parse_block(p)) {
    }
    int handlers = 0;
    while (except_block(p)) {
        handlers++;
    }
    Token *e, *star;
    if (!handlers || p->error || !(e = parse_expect(p, TOK_KW_EXCEPT)) ||
        !(star = parse_expect(p, TOK_STAR)) || !parse_expression(p)) {
        return;
    }
    int mark = p->mark;
    if (!parse_expect(p, TOK_KW_AS) || !parse_expect(p, TOK_NAME)) {
        p->mark = mark;
    }
    if (parse_expect(p, TOK_COLON)) {
        parse_raise_range(p, e->lineno, e->col_offset, star->end_lineno, star->end_col_offset,
                          "cannot have both 'except' and 'except*' on the same 'try'");
    }
}

// invalid_try_stmt:
//     | 'try' ':' NEWLINE !INDENT
//     | 'try' ':' block !('except' | 'finally')
//     | 'try' ':' block* except_block+ 'except' '*' expression ['as' NAME] ':'
void *parse_invalid_try_stmt(Parser *p) {
    ENTER(p);
    int start = p->mark;
    Token *a = parse_expect(p, TOK_KW_TRY);
    if (a && parse_expect(p, TOK_COLON) && parse_expect(p, TOK_NEWLINE) &&
        !parse_check(p, TOK_INDENT) && !p->error) {
        parse_raise_last(p, PARSE_INDENTATION_ERROR,
                         "expected an indented block after 'try' statement on line %d", a->lineno);
        LEAVE(p, NULL);
    }
    p->mark = start;
    if (!p->error && parse_expect(p, TOK_KW_TRY) && parse_expect(p, TOK_COLON) && parse_block(p) &&
        !parse_check(p, TOK_KW_EXCEPT) && !parse_check(p, TOK_KW_FINALLY) && !p->error) {
        parse_raise_last(p, PARSE_SYNTAX_ERROR, "expected 'except' or 'finally' block");
        LEAVE(p, NULL);
    }
    p->mark = start;
    if (!p->error && parse_expect(p, TOK_KW_TRY) && parse_expect(p, TOK_COLON)) {
        except_and_except_star(p);
    }
    p->mark = start;
    LEAVE(p, NULL);
}
