// Assignment and del targets, from CPython 3.11's Grammar/python.gram
// (star_targets, single_target, t_primary, del_targets), plus the helpers
// CPython's actions use on targets: setting the context of a node, naming
// an expression for messages ("function call", "literal") and finding the
// part of an expression that cannot be assigned or deleted.
#include "parser/internal.h"

// ---------------------------------------------------------------------------
// Helpers

// A copy of e (and of the elements of a tuple, list or starred) with ctx.
Expr *parse_set_context(Parser *p, Expr *e, AstContext ctx) {
    Expr *n = ast_new_expr(p->arena, e->kind);
    *n = *e;
    switch (e->kind) {
    case AST_NAME:
        n->v.Name.ctx = ctx;
        break;
    case AST_ATTRIBUTE:
        n->v.Attribute.ctx = ctx;
        break;
    case AST_SUBSCRIPT:
        n->v.Subscript.ctx = ctx;
        break;
    case AST_STARRED:
        n->v.Starred.value = parse_set_context(p, e->v.Starred.value, ctx);
        n->v.Starred.ctx = ctx;
        break;
    case AST_LIST:
    case AST_TUPLE: {
        ExprList *src = e->kind == AST_LIST ? &e->v.List.elts : &e->v.Tuple.elts;
        ExprList l = {src->len, arena_alloc(p->arena, (size_t)src->len * sizeof(Expr *))};
        for (int i = 0; i < l.len; i++) {
            l.items[i] = parse_set_context(p, src->items[i], ctx);
        }
        if (e->kind == AST_LIST) {
            n->v.List.elts = l;
            n->v.List.ctx = ctx;
        } else {
            n->v.Tuple.elts = l;
            n->v.Tuple.ctx = ctx;
        }
        break;
    }
    default:
        return e;
    }
    return n;
}

const char *parse_expr_name(const Expr *e) {
    switch (e->kind) {
    case AST_ATTRIBUTE:
        return "attribute";
    case AST_SUBSCRIPT:
        return "subscript";
    case AST_STARRED:
        return "starred";
    case AST_NAME:
        return "name";
    case AST_LIST:
        return "list";
    case AST_TUPLE:
        return "tuple";
    case AST_LAMBDA:
        return "lambda";
    case AST_CALL:
        return "function call";
    case AST_BOOL_OP:
    case AST_BIN_OP:
    case AST_UNARY_OP:
        return "expression";
    case AST_GENERATOR_EXP:
        return "generator expression";
    case AST_YIELD:
    case AST_YIELD_FROM:
        return "yield expression";
    case AST_AWAIT:
        return "await expression";
    case AST_LIST_COMP:
        return "list comprehension";
    case AST_SET_COMP:
        return "set comprehension";
    case AST_DICT_COMP:
        return "dict comprehension";
    case AST_DICT:
        return "dict literal";
    case AST_SET:
        return "set display";
    case AST_JOINED_STR:
    case AST_FORMATTED_VALUE:
        return "f-string expression";
    case AST_CONSTANT:
        switch (e->v.Constant.value.kind) {
        case AST_CONST_NONE:
            return "None";
        case AST_CONST_FALSE:
            return "False";
        case AST_CONST_TRUE:
            return "True";
        case AST_CONST_ELLIPSIS:
            return "ellipsis";
        default:
            return "literal";
        }
    case AST_COMPARE:
        return "comparison";
    case AST_IF_EXP:
        return "conditional expression";
    case AST_NAMED_EXPR:
        return "named expression";
    default:
        return "expression";
    }
}

// CPython's _PyPegen_get_invalid_target: the first part of e that cannot
// be a target (only tuples and lists are searched inside).
static Expr *invalid_target(Expr *e, TargetsType type) {
    if (!e) {
        return NULL;
    }
    switch (e->kind) {
    case AST_LIST:
    case AST_TUPLE: {
        ExprList *l = e->kind == AST_LIST ? &e->v.List.elts : &e->v.Tuple.elts;
        for (int i = 0; i < l->len; i++) {
            Expr *child = invalid_target(l->items[i], type);
            if (child) {
                return child;
            }
        }
        return NULL;
    }
    case AST_STARRED:
        return type == TARGETS_DEL ? e : invalid_target(e->v.Starred.value, type);
    case AST_COMPARE:
        // "for a in b" parses as a comparison: search its left side.
        if (type == TARGETS_FOR) {
            return e->v.Compare.ops.items[0] == AST_CMP_IN ? invalid_target(e->v.Compare.left, type)
                                                           : NULL;
        }
        return e;
    case AST_NAME:
    case AST_SUBSCRIPT:
    case AST_ATTRIBUTE:
        return NULL;
    default:
        return e;
    }
}

void *parse_raise_invalid_target(Parser *p, TargetsType type, Expr *e) {
    Expr *t = invalid_target(e, type);
    if (t) {
        parse_raise_node(p, t, type == TARGETS_DEL ? "cannot delete %s" : "cannot assign to %s",
                         parse_expr_name(t));
    }
    return NULL;
}

// ---------------------------------------------------------------------------
// t_primary

static bool t_lookahead(Parser *p) {
    return parse_check(p, TOK_LPAR) || parse_check(p, TOK_LSQB) || parse_check(p, TOK_DOT);
}

// '.' NAME, '[' slices ']', genexp or '(' [arguments] ')' after a, each
// kept only when followed by t_lookahead (CPython's t_primary alternatives).
static Expr *t_trailer(Parser *p, Expr *a, int start) {
    int mark = p->mark;
    Token *name;
    Expr *e = NULL, *x;
    if (parse_expect(p, TOK_DOT) && (name = parse_expect(p, TOK_NAME))) {
        e = parse_expr_at(p, AST_ATTRIBUTE, start);
        e->v.Attribute.value = a;
        e->v.Attribute.attr = parse_ident(p, name);
        e->v.Attribute.ctx = AST_LOAD;
        if (t_lookahead(p)) {
            return e;
        }
    }
    p->mark = mark;
    if (!p->error && parse_expect(p, TOK_LSQB) && (x = parse_slices(p)) &&
        parse_expect(p, TOK_RSQB)) {
        e = parse_expr_at(p, AST_SUBSCRIPT, start);
        e->v.Subscript.value = a;
        e->v.Subscript.slice = x;
        e->v.Subscript.ctx = AST_LOAD;
        if (t_lookahead(p)) {
            return e;
        }
    }
    p->mark = mark;
    if (!p->error && (x = parse_genexp(p))) {
        e = parse_expr_at(p, AST_CALL, start);
        e->v.Call.func = a;
        e->v.Call.args = parse_expr1(p, x);
        if (t_lookahead(p)) {
            return e;
        }
    }
    p->mark = mark;
    if (!p->error && parse_expect(p, TOK_LPAR)) {
        int after = p->mark;
        if (!(x = parse_arguments(p))) {
            p->mark = after;
        }
        if (!p->error && parse_expect(p, TOK_RPAR)) {
            e = parse_call_from(p, a, x, start);
            if (t_lookahead(p)) {
                return e;
            }
        }
    }
    p->mark = mark;
    return NULL;
}

// t_primary (left-recursive, memo):
//     | t_primary '.' NAME &t_lookahead | t_primary '[' slices ']' &t_lookahead
//     | t_primary genexp &t_lookahead | t_primary '(' [arguments] ')' &t_lookahead
//     | atom &t_lookahead
Expr *parse_t_primary(Parser *p) {
    ENTER(p);
    void *m;
    if (parse_memo_get(p, MEMO_T_PRIMARY, &m)) {
        LEAVE(p, m);
    }
    int start = p->mark;
    Expr *a = parse_atom(p), *b;
    if (a && !t_lookahead(p)) {
        a = NULL;
    }
    while (a && (b = t_trailer(p, a, start))) {
        a = b;
    }
    if (!a || p->error) {
        a = NULL;
        p->mark = start;
    }
    parse_memo_put(p, start, MEMO_T_PRIMARY, a);
    LEAVE(p, a);
}

// t_primary '.' NAME !t_lookahead | t_primary '[' slices ']' !t_lookahead,
// as an Attribute or Subscript with ctx.
static Expr *subscript_attribute(Parser *p, AstContext ctx) {
    int start = p->mark;
    Expr *a = parse_t_primary(p), *x;
    if (!a) {
        return NULL;
    }
    int mark = p->mark;
    Token *name;
    if (parse_expect(p, TOK_DOT) && (name = parse_expect(p, TOK_NAME)) && !t_lookahead(p)) {
        Expr *e = parse_expr_at(p, AST_ATTRIBUTE, start);
        e->v.Attribute.value = a;
        e->v.Attribute.attr = parse_ident(p, name);
        e->v.Attribute.ctx = ctx;
        return e;
    }
    p->mark = mark;
    if (!p->error && parse_expect(p, TOK_LSQB) && (x = parse_slices(p)) &&
        parse_expect(p, TOK_RSQB) && !t_lookahead(p)) {
        Expr *e = parse_expr_at(p, AST_SUBSCRIPT, start);
        e->v.Subscript.value = a;
        e->v.Subscript.slice = x;
        e->v.Subscript.ctx = ctx;
        return e;
    }
    p->mark = start;
    return NULL;
}

// single_subscript_attribute_target:
//     | t_primary '.' NAME !t_lookahead | t_primary '[' slices ']' !t_lookahead
Expr *parse_single_subscript_attribute_target(Parser *p) {
    ENTER(p);
    LEAVE(p, subscript_attribute(p, AST_STORE));
}

// single_target: single_subscript_attribute_target | NAME | '(' single_target ')'
Expr *parse_single_target(Parser *p) {
    ENTER(p);
    int start = p->mark;
    Expr *a = subscript_attribute(p, AST_STORE);
    if (a || p->error) {
        LEAVE(p, a);
    }
    if ((a = parse_name(p))) {
        LEAVE(p, parse_set_context(p, a, AST_STORE));
    }
    if (parse_expect(p, TOK_LPAR) && (a = parse_single_target(p)) && parse_expect(p, TOK_RPAR)) {
        LEAVE(p, a);
    }
    p->mark = start;
    LEAVE(p, NULL);
}

// ---------------------------------------------------------------------------
// star_targets

static Expr *target_with_star_atom(Parser *p);

// A Tuple or List of targets with ctx.
static Expr *sequence_at(Parser *p, AstKind kind, Vec *elts, AstContext ctx, int start) {
    Expr *e = parse_expr_at(p, kind, start);
    if (kind == AST_TUPLE) {
        e->v.Tuple.elts = parse_exprs(p, elts);
        e->v.Tuple.ctx = ctx;
    } else {
        e->v.List.elts = parse_exprs(p, elts);
        e->v.List.ctx = ctx;
    }
    return e;
}

// star_atom:
//     | NAME | '(' target_with_star_atom ')' | '(' [star_targets_tuple_seq] ')'
//     | '[' [star_targets_list_seq] ']'
static Expr *star_atom(Parser *p) {
    ENTER(p);
    int start = p->mark;
    Expr *a = parse_name(p);
    if (a) {
        LEAVE(p, parse_set_context(p, a, AST_STORE));
    }
    if (parse_expect(p, TOK_LPAR)) {
        if ((a = target_with_star_atom(p)) && parse_expect(p, TOK_RPAR)) {
            LEAVE(p, parse_set_context(p, a, AST_STORE));
        }
        p->mark = start + 1;
        Vec *v = p->error ? NULL : parse_star_targets_tuple_seq(p);
        if (!v) {
            p->mark = start + 1;
        }
        if (!p->error && parse_expect(p, TOK_RPAR)) {
            LEAVE(p, sequence_at(p, AST_TUPLE, v, AST_STORE, start));
        }
    }
    p->mark = start;
    if (!p->error && parse_expect(p, TOK_LSQB)) {
        Vec *v = parse_star_targets_list_seq(p);
        if (!v) {
            p->mark = start + 1;
        }
        if (!p->error && parse_expect(p, TOK_RSQB)) {
            LEAVE(p, sequence_at(p, AST_LIST, v, AST_STORE, start));
        }
    }
    p->mark = start;
    LEAVE(p, NULL);
}

static Expr *target_with_star_atom_raw(Parser *p) {
    int start = p->mark;
    Expr *a = subscript_attribute(p, AST_STORE);
    if (a || p->error) {
        return a;
    }
    p->mark = start;
    return star_atom(p);
}

// target_with_star_atom (memo):
//     | t_primary '.' NAME !t_lookahead | t_primary '[' slices ']' !t_lookahead
//     | star_atom
static Expr *target_with_star_atom(Parser *p) {
    ENTER(p);
    void *m;
    if (parse_memo_get(p, MEMO_TARGET_WITH_STAR_ATOM, &m)) {
        LEAVE(p, m);
    }
    int mark = p->mark;
    Expr *e = target_with_star_atom_raw(p);
    parse_memo_put(p, mark, MEMO_TARGET_WITH_STAR_ATOM, e);
    LEAVE(p, e);
}

static Expr *star_target_raw(Parser *p) {
    int start = p->mark;
    if (parse_expect(p, TOK_STAR)) {
        Expr *a = NULL;
        if (!parse_check(p, TOK_STAR) && !p->error) {
            a = parse_star_target(p);
        }
        if (a) {
            Expr *e = parse_expr_at(p, AST_STARRED, start);
            e->v.Starred.value = parse_set_context(p, a, AST_STORE);
            e->v.Starred.ctx = AST_STORE;
            return e;
        }
        p->mark = start;
        if (p->error) {
            return NULL;
        }
    }
    return target_with_star_atom(p);
}

// star_target (memo): '*' (!'*' star_target) | target_with_star_atom
Expr *parse_star_target(Parser *p) {
    ENTER(p);
    void *m;
    if (parse_memo_get(p, MEMO_STAR_TARGET, &m)) {
        LEAVE(p, m);
    }
    int mark = p->mark;
    Expr *e = star_target_raw(p);
    parse_memo_put(p, mark, MEMO_STAR_TARGET, e);
    LEAVE(p, e);
}

// star_target (',' star_target)* collected; *commas counts the separators
// and a trailing [','] is consumed.
static Vec *star_target_seq(Parser *p, int *commas, bool *trailing) {
    Expr *a = parse_star_target(p);
    if (!a) {
        return NULL;
    }
    Vec *v = parse_vec_new(p);
    parse_vec_push(p, v, a);
    *commas = 0;
    for (;;) {
        int mark = p->mark;
        if (!parse_expect(p, TOK_COMMA) || !(a = parse_star_target(p))) {
            p->mark = mark;
            break;
        }
        parse_vec_push(p, v, a);
        (*commas)++;
    }
    *trailing = parse_expect(p, TOK_COMMA) != NULL;
    return p->error ? NULL : v;
}

// star_targets:
//     | star_target !','
//     | star_target (',' star_target)* [',']
Expr *parse_star_targets(Parser *p) {
    ENTER(p);
    int start = p->mark;
    Expr *a = parse_star_target(p);
    if (!a || !parse_check(p, TOK_COMMA)) {
        if (!a) {
            p->mark = start;
        }
        LEAVE(p, p->error ? NULL : a);
    }
    p->mark = start;
    int commas;
    bool trailing;
    Vec *v = star_target_seq(p, &commas, &trailing);
    if (!v) {
        p->mark = start;
        LEAVE(p, NULL);
    }
    LEAVE(p, sequence_at(p, AST_TUPLE, v, AST_STORE, start));
}

// star_targets_list_seq: ','.star_target+ [',']
Vec *parse_star_targets_list_seq(Parser *p) {
    ENTER(p);
    int commas;
    bool trailing;
    LEAVE(p, star_target_seq(p, &commas, &trailing));
}

// star_targets_tuple_seq:
//     | star_target (',' star_target)+ [','] | star_target ','
Vec *parse_star_targets_tuple_seq(Parser *p) {
    ENTER(p);
    int start = p->mark;
    int commas;
    bool trailing;
    Vec *v = star_target_seq(p, &commas, &trailing);
    if (v && (commas > 0 || trailing)) {
        LEAVE(p, v);
    }
    p->mark = start;
    LEAVE(p, NULL);
}

// ---------------------------------------------------------------------------
// del_targets

static Expr *del_target(Parser *p);

// del_t_atom:
//     | NAME | '(' del_target ')' | '(' [del_targets] ')' | '[' [del_targets] ']'
static Expr *del_t_atom(Parser *p) {
    ENTER(p);
    int start = p->mark;
    Expr *a = parse_name(p);
    if (a) {
        LEAVE(p, parse_set_context(p, a, AST_DEL));
    }
    for (int i = 0; i < 2 && !p->error; i++) {
        TokenKind open = i == 0 ? TOK_LPAR : TOK_LSQB, close = i == 0 ? TOK_RPAR : TOK_RSQB;
        p->mark = start;
        if (!parse_expect(p, open)) {
            continue;
        }
        if (i == 0 && (a = del_target(p)) && parse_expect(p, TOK_RPAR)) {
            LEAVE(p, parse_set_context(p, a, AST_DEL));
        }
        p->mark = start + 1;
        Vec *v = p->error ? NULL : parse_del_targets(p);
        if (!v) {
            p->mark = start + 1;
        }
        if (!p->error && parse_expect(p, close)) {
            LEAVE(p, sequence_at(p, i == 0 ? AST_TUPLE : AST_LIST, v, AST_DEL, start));
        }
    }
    p->mark = start;
    LEAVE(p, NULL);
}

// del_target (memo):
//     | t_primary '.' NAME !t_lookahead | t_primary '[' slices ']' !t_lookahead
//     | del_t_atom
static Expr *del_target(Parser *p) {
    ENTER(p);
    void *m;
    if (parse_memo_get(p, MEMO_DEL_TARGET, &m)) {
        LEAVE(p, m);
    }
    int start = p->mark;
    Expr *e = subscript_attribute(p, AST_DEL);
    if (!e && !p->error) {
        p->mark = start;
        e = del_t_atom(p);
    }
    parse_memo_put(p, start, MEMO_DEL_TARGET, e);
    LEAVE(p, e);
}

// del_targets: ','.del_target+ [',']
Vec *parse_del_targets(Parser *p) {
    ENTER(p);
    Expr *a = del_target(p);
    if (!a) {
        LEAVE(p, NULL);
    }
    Vec *v = parse_vec_new(p);
    parse_vec_push(p, v, a);
    for (;;) {
        int mark = p->mark;
        if (!parse_expect(p, TOK_COMMA) || !(a = del_target(p))) {
            p->mark = mark;
            break;
        }
        parse_vec_push(p, v, a);
    }
    parse_expect(p, TOK_COMMA);
    LEAVE(p, p->error ? NULL : v);
}
