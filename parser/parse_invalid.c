// The "invalid_" rules of CPython 3.11's Grammar/python.gram: tried only
// in the second pass, after the first failed, they recognize a common
// mistake and raise its message ("expected ':'", "cannot assign to ...",
// "invalid syntax. Perhaps you forgot a comma?"). Each function raises or
// fails and leaves p->mark where it found it; the caller resets it anyway.
// Parameter and argument rules are in parse_args.c; import and try rules
// in parse_stmt.c.
#include "parser/internal.h"

#include <string.h>

// ---------------------------------------------------------------------------
// Helpers

// CPython's _PyPegen_check_legacy_stmt: a Name "print" or "exec".
static bool legacy_stmt(const Expr *e) {
    return e->kind == AST_NAME &&
           (strcmp(e->v.Name.id, "print") == 0 || strcmp(e->v.Name.id, "exec") == 0);
}

static void *raise_range(Parser *p, const Expr *a, const Expr *b, const char *msg) {
    return parse_raise_range(p, a->lineno, a->col_offset, b->end_lineno, b->end_col_offset, "%s",
                             msg);
}

// NEWLINE !INDENT: a block that did not start
static bool missing_block(Parser *p) {
    return parse_expect(p, TOK_NEWLINE) && !parse_check(p, TOK_INDENT) && !p->error;
}

static void *expected_block(Parser *p, const char *what, int lineno) {
    return parse_raise_last(p, PARSE_INDENTATION_ERROR,
                            "expected an indented block after %s on line %d", what, lineno);
}

// ---------------------------------------------------------------------------
// Expressions

// invalid_expression:
//     | !(NAME STRING | SOFT_KEYWORD) disjunction expression_without_invalid
//     | disjunction 'if' disjunction !('else'|':')
void *parse_invalid_expression(Parser *p) {
    ENTER(p);
    int start = p->mark;
    Token *t = parse_peek(p);
    // CPython compares only the name's length of each soft keyword, so any
    // prefix of "_", "case" or "match" ("c", "ma") counts as one.
    bool soft =
        t->kind == TOK_NAME && ((t->len <= 1 && t->start[0] == '_') ||
                                (t->len <= 5 && memcmp(t->start, "match", (size_t)t->len) == 0) ||
                                (t->len <= 4 && memcmp(t->start, "case", (size_t)t->len) == 0));
    Expr *a, *b;
    if (!soft && !parse_check2(p, TOK_NAME, TOK_STRING) && (a = parse_disjunction(p)) &&
        (b = parse_expression_without_invalid(p))) {
        if (!legacy_stmt(a) && p->tokens[p->mark - 1].level != 0) {
            raise_range(p, a, b, "invalid syntax. Perhaps you forgot a comma?");
        }
        p->mark = start;
        LEAVE(p, NULL);
    }
    p->mark = start;
    if (!p->error && (a = parse_disjunction(p)) && parse_expect(p, TOK_KW_IF) &&
        (b = parse_disjunction(p)) && !parse_check(p, TOK_KW_ELSE) && !parse_check(p, TOK_COLON)) {
        raise_range(p, a, b, "expected 'else' after 'if' expression");
    }
    p->mark = start;
    LEAVE(p, NULL);
}

// invalid_legacy_expression: NAME !'(' star_expressions
void *parse_invalid_legacy_expression(Parser *p) {
    ENTER(p);
    int start = p->mark;
    Expr *a = parse_name(p), *b;
    if (a && !parse_check(p, TOK_LPAR) && (b = parse_star_expressions(p)) && legacy_stmt(a)) {
        parse_raise_range(p, a->lineno, a->col_offset, b->end_lineno, b->end_col_offset,
                          "Missing parentheses in call to '%s'. Did you mean %s(...)?",
                          a->v.Name.id, a->v.Name.id);
    }
    p->mark = start;
    LEAVE(p, NULL);
}

// !('=' | ':=')
static bool no_assign_follows(Parser *p) {
    return !parse_check(p, TOK_EQUAL) && !parse_check(p, TOK_COLONEQUAL) && !p->error;
}

// list | tuple | genexp | 'True' | 'None' | 'False', as a lookahead
static bool display_or_singleton(Parser *p) {
    int start = p->mark;
    TokenKind k = parse_peek(p)->kind;
    bool r = k == TOK_KW_TRUE || k == TOK_KW_NONE || k == TOK_KW_FALSE || parse_list(p) ||
             (p->mark = start, parse_tuple(p)) || (p->mark = start, parse_genexp(p));
    p->mark = start;
    return r;
}

static void invalid_named_expression_raw(Parser *p) {
    int start = p->mark;
    Expr *a, *b;
    if ((a = parse_expression(p)) && parse_expect(p, TOK_COLONEQUAL) && parse_expression(p)) {
        parse_raise_node(p, a, "cannot use assignment expressions with %s", parse_expr_name(a));
        return;
    }
    p->mark = start;
    if (!p->error && (a = parse_name(p)) && parse_expect(p, TOK_EQUAL) &&
        (b = parse_bitwise_or(p)) && no_assign_follows(p)) {
        raise_range(p, a, b, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
        return;
    }
    p->mark = start;
    if (!p->error && !display_or_singleton(p) && (a = parse_bitwise_or(p)) &&
        parse_expect(p, TOK_EQUAL) && parse_bitwise_or(p) && no_assign_follows(p)) {
        parse_raise_node(p, a, "cannot assign to %s here. Maybe you meant '==' instead of '='?",
                         parse_expr_name(a));
    }
}

// invalid_named_expression (memo):
//     | expression ':=' expression
//     | NAME '=' bitwise_or !('='|':=')
//     | !(list|tuple|genexp|'True'|'None'|'False') bitwise_or '=' bitwise_or !('='|':=')
void *parse_invalid_named_expression(Parser *p) {
    ENTER(p);
    void *m;
    if (parse_memo_get(p, MEMO_INVALID_NAMED_EXPRESSION, &m)) {
        LEAVE(p, NULL);
    }
    int start = p->mark;
    invalid_named_expression_raw(p);
    p->mark = start;
    parse_memo_put(p, start, MEMO_INVALID_NAMED_EXPRESSION, NULL);
    LEAVE(p, NULL);
}

// invalid_ann_assign_target: list | tuple | '(' invalid_ann_assign_target ')'
static Expr *invalid_ann_assign_target(Parser *p) {
    ENTER(p);
    int start = p->mark;
    Expr *a = parse_list(p);
    if (a || p->error) {
        LEAVE(p, a);
    }
    if ((a = parse_tuple(p)) || p->error) {
        LEAVE(p, a);
    }
    if (parse_expect(p, TOK_LPAR) && (a = invalid_ann_assign_target(p)) &&
        parse_expect(p, TOK_RPAR)) {
        LEAVE(p, a);
    }
    p->mark = start;
    LEAVE(p, NULL);
}

// (star_targets '=')*
static void star_targets_equals(Parser *p) {
    for (;;) {
        int mark = p->mark;
        if (!parse_star_targets(p) || !parse_expect(p, TOK_EQUAL)) {
            p->mark = mark;
            return;
        }
    }
}

// The annotation forms of invalid_assignment.
static bool invalid_annotation(Parser *p, int start) {
    Expr *a;
    if ((a = invalid_ann_assign_target(p)) && parse_expect(p, TOK_COLON) && parse_expression(p)) {
        parse_raise_node(p, a, "only single target (not %s) can be annotated", parse_expr_name(a));
        return true;
    }
    p->mark = start;
    if (!p->error && (a = parse_star_named_expression(p)) && parse_expect(p, TOK_COMMA)) {
        while (parse_star_named_expressions(p)) {
        }
        if (parse_expect(p, TOK_COLON) && parse_expression(p)) {
            parse_raise_node(p, a, "only single target (not tuple) can be annotated");
            return true;
        }
    }
    p->mark = start;
    if (!p->error && (a = parse_expression(p)) && parse_expect(p, TOK_COLON) &&
        parse_expression(p)) {
        parse_raise_node(p, a, "illegal target for annotation");
        return true;
    }
    p->mark = start;
    return p->error;
}

// invalid_assignment:
//     | invalid_ann_assign_target ':' expression
//     | star_named_expression ',' star_named_expressions* ':' expression
//     | expression ':' expression
//     | (star_targets '=')* star_expressions '='
//     | (star_targets '=')* yield_expr '='
//     | star_expressions augassign (yield_expr | star_expressions)
void *parse_invalid_assignment(Parser *p) {
    ENTER(p);
    int start = p->mark;
    Expr *a;
    AstOperator op;
    if (invalid_annotation(p, start)) {
        LEAVE(p, NULL);
    }
    star_targets_equals(p);
    if (!p->error && (a = parse_star_expressions(p)) && parse_expect(p, TOK_EQUAL)) {
        parse_raise_invalid_target(p, TARGETS_STAR, a);
        if (p->error) {
            LEAVE(p, NULL);
        }
    }
    p->mark = start;
    star_targets_equals(p);
    if (!p->error && (a = parse_yield_expr(p)) && parse_expect(p, TOK_EQUAL)) {
        parse_raise_node(p, a, "assignment to yield expression not possible");
        LEAVE(p, NULL);
    }
    p->mark = start;
    if (!p->error && (a = parse_star_expressions(p)) && parse_augassign(p, &op)) {
        int mark = p->mark;
        if (parse_yield_expr(p) || (p->mark = mark, parse_star_expressions(p))) {
            parse_raise_node(p, a, "'%s' is an illegal expression for augmented assignment",
                             parse_expr_name(a));
        }
    }
    p->mark = start;
    LEAVE(p, NULL);
}

// invalid_del_stmt: 'del' star_expressions
void *parse_invalid_del_stmt(Parser *p) {
    ENTER(p);
    int start = p->mark;
    Expr *a;
    if (parse_expect(p, TOK_KW_DEL) && (a = parse_star_expressions(p))) {
        parse_raise_invalid_target(p, TARGETS_DEL, a);
    }
    p->mark = start;
    LEAVE(p, NULL);
}

// invalid_block: NEWLINE !INDENT
void *parse_invalid_block(Parser *p) {
    ENTER(p);
    int start = p->mark;
    if (missing_block(p)) {
        parse_raise_last(p, PARSE_INDENTATION_ERROR, "expected an indented block");
    }
    p->mark = start;
    LEAVE(p, NULL);
}

// invalid_comprehension:
//     | ('[' | '(' | '{') starred_expression for_if_clauses
//     | ('[' | '{') star_named_expression ',' star_named_expressions for_if_clauses
//     | ('[' | '{') star_named_expression ',' for_if_clauses
void *parse_invalid_comprehension(Parser *p) {
    ENTER(p);
    int start = p->mark;
    TokenKind k = parse_peek(p)->kind;
    Expr *a;
    Vec *b;
    Token *comma;
    if (k != TOK_LSQB && k != TOK_LPAR && k != TOK_LBRACE) {
        LEAVE(p, NULL);
    }
    p->mark++;
    if ((a = parse_starred_expression(p)) && parse_for_if_clauses(p)) {
        parse_raise_node(p, a, "iterable unpacking cannot be used in comprehension");
        LEAVE(p, NULL);
    }
    p->mark = start + 1;
    if (k != TOK_LPAR && !p->error && (a = parse_star_named_expression(p)) &&
        (comma = parse_expect(p, TOK_COMMA))) {
        int mark = p->mark;
        if ((b = parse_star_named_expressions(p)) && parse_for_if_clauses(p)) {
            raise_range(p, a, b->items[b->len - 1],
                        "did you forget parentheses around the comprehension target?");
            LEAVE(p, NULL);
        }
        p->mark = mark;
        if (!p->error && parse_for_if_clauses(p)) {
            parse_raise_range(p, a->lineno, a->col_offset, comma->end_lineno, comma->end_col_offset,
                              "did you forget parentheses around the comprehension target?");
        }
    }
    p->mark = start;
    LEAVE(p, NULL);
}

// invalid_dict_comprehension: '{' '**' bitwise_or for_if_clauses '}'
void *parse_invalid_dict_comprehension(Parser *p) {
    ENTER(p);
    int start = p->mark;
    Token *a;
    if (parse_expect(p, TOK_LBRACE) && (a = parse_expect(p, TOK_DOUBLESTAR)) &&
        parse_bitwise_or(p) && parse_for_if_clauses(p) && parse_expect(p, TOK_RBRACE)) {
        parse_raise_token(p, a, "dict unpacking cannot be used in dict comprehension");
    }
    p->mark = start;
    LEAVE(p, NULL);
}

// invalid_with_item: expression 'as' expression &(',' | ')' | ':')
void *parse_invalid_with_item(Parser *p) {
    ENTER(p);
    int start = p->mark;
    Expr *a;
    if (parse_expression(p) && parse_expect(p, TOK_KW_AS) && (a = parse_expression(p)) &&
        (parse_check(p, TOK_COMMA) || parse_check(p, TOK_RPAR) || parse_check(p, TOK_COLON))) {
        parse_raise_invalid_target(p, TARGETS_STAR, a);
    }
    p->mark = start;
    LEAVE(p, NULL);
}

// invalid_for_target: ASYNC? 'for' star_expressions
void *parse_invalid_for_target(Parser *p) {
    ENTER(p);
    int start = p->mark;
    Expr *a;
    parse_expect(p, TOK_KW_ASYNC);
    if (parse_expect(p, TOK_KW_FOR) && (a = parse_star_expressions(p))) {
        parse_raise_invalid_target(p, TARGETS_FOR, a);
    }
    p->mark = start;
    LEAVE(p, NULL);
}

// invalid_group:
//     | '(' starred_expression ')'
//     | '(' '**' expression ')'
void *parse_invalid_group(Parser *p) {
    ENTER(p);
    int start = p->mark;
    Expr *a;
    Token *t;
    if (parse_expect(p, TOK_LPAR) && (a = parse_starred_expression(p)) &&
        parse_expect(p, TOK_RPAR)) {
        parse_raise_node(p, a, "cannot use starred expression here");
        LEAVE(p, NULL);
    }
    p->mark = start;
    if (!p->error && parse_expect(p, TOK_LPAR) && (t = parse_expect(p, TOK_DOUBLESTAR)) &&
        parse_expression(p) && parse_expect(p, TOK_RPAR)) {
        parse_raise_token(p, t, "cannot use double starred expression here");
    }
    p->mark = start;
    LEAVE(p, NULL);
}

// invalid_double_starred_kvpairs:
//     | ','.double_starred_kvpair+ ',' invalid_kvpair
//     | expression ':' '*' bitwise_or
//     | expression ':' &('}'|',')
// invalid_kvpair:
//     | expression !(':')
//     | expression ':' '*' bitwise_or
//     | expression ':' &('}'|',')
static void *invalid_kvpair(Parser *p, bool missing_colon) {
    int start = p->mark;
    Expr *a;
    Token *t;
    if (missing_colon && (a = parse_expression(p)) && !parse_check(p, TOK_COLON)) {
        if (!p->error) {
            parse_raise_at(p, PARSE_SYNTAX_ERROR, a->lineno, a->end_col_offset - 1, a->end_lineno,
                           -1, "':' expected after dictionary key");
        }
        return NULL;
    }
    p->mark = start;
    if (!p->error && parse_expression(p) && parse_expect(p, TOK_COLON) &&
        (t = parse_expect(p, TOK_STAR)) && parse_bitwise_or(p)) {
        return parse_raise_at(p, PARSE_SYNTAX_ERROR, t->lineno, t->col_offset, CURRENT_POS,
                              CURRENT_POS, "cannot use a starred expression in a dictionary value");
    }
    p->mark = start;
    if (!p->error && parse_expression(p) && (t = parse_expect(p, TOK_COLON)) &&
        (parse_check(p, TOK_RBRACE) || parse_check(p, TOK_COMMA))) {
        return parse_raise_token(p, t, "expression expected after dictionary key and ':'");
    }
    p->mark = start;
    return NULL;
}

void *parse_invalid_kvpair(Parser *p) {
    ENTER(p);
    LEAVE(p, invalid_kvpair(p, true));
}

void *parse_invalid_double_starred_kvpairs(Parser *p) {
    ENTER(p);
    int start = p->mark;
    if (parse_double_starred_kvpair(p)) {
        for (;;) {
            int mark = p->mark;
            if (!parse_expect(p, TOK_COMMA) || !parse_double_starred_kvpair(p)) {
                p->mark = mark;
                break;
            }
        }
        if (parse_expect(p, TOK_COMMA)) {
            parse_invalid_kvpair(p);
            if (p->error) {
                LEAVE(p, NULL);
            }
        }
    }
    p->mark = start;
    if (!p->error) {
        invalid_kvpair(p, false);
    }
    p->mark = start;
    LEAVE(p, NULL);
}

// ---------------------------------------------------------------------------
// Compound statements

// ','.(expression ['as' star_target])+ (or with expressions, in brackets)
static bool with_items_loose(Parser *p, bool parenthesized) {
    bool any = false;
    for (;;) {
        int mark = p->mark;
        if (any && !parse_expect(p, TOK_COMMA)) {
            break;
        }
        if (!(parenthesized ? parse_expressions(p) : parse_expression(p))) {
            p->mark = mark;
            break;
        }
        int mark2 = p->mark;
        if (!parse_expect(p, TOK_KW_AS) || !parse_star_target(p)) {
            p->mark = mark2;
        }
        any = true;
    }
    return any && !p->error;
}

// [ASYNC] 'with' items, with or without brackets; then *with_line is the
// line of 'with'. Leaves the mark after the items (and ')').
static bool with_head(Parser *p, bool parenthesized, int *with_line) {
    parse_expect(p, TOK_KW_ASYNC);
    Token *w = parse_expect(p, TOK_KW_WITH);
    if (!w || (parenthesized && !parse_expect(p, TOK_LPAR))) {
        return false;
    }
    *with_line = w->lineno;
    if (!with_items_loose(p, parenthesized)) {
        return false;
    }
    if (parenthesized) {
        parse_expect(p, TOK_COMMA);
        return parse_expect(p, TOK_RPAR) != NULL;
    }
    return true;
}

// invalid_with_stmt:
//     | [ASYNC] 'with' ','.(expression ['as' star_target])+ NEWLINE
//     | [ASYNC] 'with' '(' ','.(expressions ['as' star_target])+ ','? ')' NEWLINE
void *parse_invalid_with_stmt(Parser *p) {
    ENTER(p);
    int start = p->mark, line;
    for (int form = 0; form < 2 && !p->error; form++) {
        p->mark = start;
        if (with_head(p, form == 1, &line) && parse_expect(p, TOK_NEWLINE)) {
            parse_raise_last(p, PARSE_SYNTAX_ERROR, "expected ':'");
        }
    }
    p->mark = start;
    LEAVE(p, NULL);
}

// invalid_with_stmt_indent:
//     | [ASYNC] 'with' ','.(expression ['as' star_target])+ ':' NEWLINE !INDENT
//     | [ASYNC] 'with' '(' ','.(expressions ['as' star_target])+ ','? ')' ':' NEWLINE !INDENT
void *parse_invalid_with_stmt_indent(Parser *p) {
    ENTER(p);
    int start = p->mark, line;
    for (int form = 0; form < 2 && !p->error; form++) {
        p->mark = start;
        if (with_head(p, form == 1, &line) && parse_expect(p, TOK_COLON) && missing_block(p)) {
            expected_block(p, "'with' statement", line);
        }
    }
    p->mark = start;
    LEAVE(p, NULL);
}

// ['as' NAME]
static void opt_as_name(Parser *p) {
    int mark = p->mark;
    if (!parse_expect(p, TOK_KW_AS) || !parse_expect(p, TOK_NAME)) {
        p->mark = mark;
    }
}

// invalid_except_stmt:
//     | 'except' '*'? expression ',' expressions ['as' NAME] ':'
//     | 'except' '*'? expression ['as' NAME] NEWLINE
//     | 'except' NEWLINE
//     | 'except' '*' (NEWLINE | ':')
void *parse_invalid_except_stmt(Parser *p) {
    ENTER(p);
    int start = p->mark;
    Expr *a;
    if (parse_expect(p, TOK_KW_EXCEPT)) {
        parse_expect(p, TOK_STAR);
        if ((a = parse_expression(p)) && parse_expect(p, TOK_COMMA) && parse_expressions(p)) {
            opt_as_name(p);
            if (parse_expect(p, TOK_COLON)) {
                parse_raise_from(p, a, "multiple exception types must be parenthesized");
                LEAVE(p, NULL);
            }
        }
    }
    p->mark = start;
    if (!p->error && parse_expect(p, TOK_KW_EXCEPT)) {
        parse_expect(p, TOK_STAR);
        if (parse_expression(p)) {
            opt_as_name(p);
            if (parse_expect(p, TOK_NEWLINE)) {
                parse_raise_last(p, PARSE_SYNTAX_ERROR, "expected ':'");
                LEAVE(p, NULL);
            }
        }
    }
    p->mark = start;
    if (!p->error && parse_expect(p, TOK_KW_EXCEPT) && parse_expect(p, TOK_NEWLINE)) {
        parse_raise_last(p, PARSE_SYNTAX_ERROR, "expected ':'");
        LEAVE(p, NULL);
    }
    p->mark = start;
    if (!p->error && parse_expect(p, TOK_KW_EXCEPT) && parse_expect(p, TOK_STAR) &&
        (parse_expect(p, TOK_NEWLINE) || parse_expect(p, TOK_COLON))) {
        parse_raise_last(p, PARSE_SYNTAX_ERROR, "expected one or more exception types");
    }
    p->mark = start;
    LEAVE(p, NULL);
}

// invalid_finally_stmt: 'finally' ':' NEWLINE !INDENT
void *parse_invalid_finally_stmt(Parser *p) {
    ENTER(p);
    int start = p->mark;
    Token *a = parse_expect(p, TOK_KW_FINALLY);
    if (a && parse_expect(p, TOK_COLON) && missing_block(p)) {
        expected_block(p, "'finally' statement", a->lineno);
    }
    p->mark = start;
    LEAVE(p, NULL);
}

// invalid_except_stmt_indent:
//     | 'except' expression ['as' NAME] ':' NEWLINE !INDENT
//     | 'except' ':' NEWLINE !INDENT
void *parse_invalid_except_stmt_indent(Parser *p) {
    ENTER(p);
    int start = p->mark;
    Token *a = parse_expect(p, TOK_KW_EXCEPT);
    if (a && parse_expression(p)) {
        opt_as_name(p);
        if (parse_expect(p, TOK_COLON) && missing_block(p)) {
            expected_block(p, "'except' statement", a->lineno);
            LEAVE(p, NULL);
        }
    }
    p->mark = start;
    if (!p->error && (a = parse_expect(p, TOK_KW_EXCEPT)) && parse_expect(p, TOK_COLON) &&
        missing_block(p)) {
        expected_block(p, "'except' statement", a->lineno);
    }
    p->mark = start;
    LEAVE(p, NULL);
}

// The head of if/elif/while: kw named_expression; returns the expression.
static Expr *cond_head(Parser *p, TokenKind kw) {
    return parse_expect(p, kw) ? parse_named_expression(p) : NULL;
}

// invalid_if_stmt / invalid_elif_stmt / invalid_while_stmt:
//     | kw named_expression NEWLINE
//     | kw named_expression ':' NEWLINE !INDENT
static void *invalid_cond_stmt(Parser *p, TokenKind kw, const char *what) {
    ENTER(p);
    int start = p->mark;
    if (cond_head(p, kw) && parse_expect(p, TOK_NEWLINE)) {
        parse_raise_last(p, PARSE_SYNTAX_ERROR, "expected ':'");
        LEAVE(p, NULL);
    }
    p->mark = start;
    Token *t = p->error ? NULL : parse_peek(p);
    Expr *e;
    if (!p->error && (e = cond_head(p, kw)) && parse_expect(p, TOK_COLON) && missing_block(p)) {
        // CPython's invalid_if_stmt names the line of the condition.
        expected_block(p, what, kw == TOK_KW_IF ? e->lineno : t->lineno);
    }
    p->mark = start;
    LEAVE(p, NULL);
}

void *parse_invalid_if_stmt(Parser *p) {
    return invalid_cond_stmt(p, TOK_KW_IF, "'if' statement");
}

void *parse_invalid_elif_stmt(Parser *p) {
    return invalid_cond_stmt(p, TOK_KW_ELIF, "'elif' statement");
}

void *parse_invalid_while_stmt(Parser *p) {
    return invalid_cond_stmt(p, TOK_KW_WHILE, "'while' statement");
}

// invalid_else_stmt: 'else' ':' NEWLINE !INDENT
void *parse_invalid_else_stmt(Parser *p) {
    ENTER(p);
    int start = p->mark;
    Token *a = parse_expect(p, TOK_KW_ELSE);
    if (a && parse_expect(p, TOK_COLON) && missing_block(p)) {
        expected_block(p, "'else' statement", a->lineno);
    }
    p->mark = start;
    LEAVE(p, NULL);
}

// invalid_for_stmt:
//     | [ASYNC] 'for' star_targets 'in' star_expressions NEWLINE
//     | [ASYNC] 'for' star_targets 'in' star_expressions ':' NEWLINE !INDENT
void *parse_invalid_for_stmt(Parser *p) {
    ENTER(p);
    int start = p->mark;
    for (int form = 0; form < 2 && !p->error; form++) {
        p->mark = start;
        parse_expect(p, TOK_KW_ASYNC);
        Token *a = parse_expect(p, TOK_KW_FOR);
        if (!a || !parse_star_targets(p) || !parse_expect(p, TOK_KW_IN) ||
            !parse_star_expressions(p)) {
            continue;
        }
        if (form == 0 && parse_expect(p, TOK_NEWLINE)) {
            parse_raise_last(p, PARSE_SYNTAX_ERROR, "expected ':'");
        } else if (form == 1 && parse_expect(p, TOK_COLON) && missing_block(p)) {
            expected_block(p, "'for' statement", a->lineno);
        }
    }
    p->mark = start;
    LEAVE(p, NULL);
}

// invalid_def_raw:
//     | [ASYNC] 'def' NAME '(' [params] ')' ['->' expression] ':' NEWLINE !INDENT
void *parse_invalid_def_raw(Parser *p) {
    ENTER(p);
    int start = p->mark;
    parse_expect(p, TOK_KW_ASYNC);
    Token *a = parse_expect(p, TOK_KW_DEF);
    if (a && parse_expect(p, TOK_NAME) && parse_expect(p, TOK_LPAR)) {
        int mark = p->mark;
        if (!parse_params(p)) {
            p->mark = mark;
        }
        if (!p->error && parse_expect(p, TOK_RPAR)) {
            mark = p->mark;
            if (!parse_expect(p, TOK_RARROW) || !parse_expression(p)) {
                p->mark = mark;
            }
            if (!p->error && parse_expect(p, TOK_COLON) && missing_block(p)) {
                expected_block(p, "function definition", a->lineno);
            }
        }
    }
    p->mark = start;
    LEAVE(p, NULL);
}

// invalid_class_def_raw:
//     | 'class' NAME ['(' [arguments] ')'] NEWLINE
//     | 'class' NAME ['(' [arguments] ')'] ':' NEWLINE !INDENT
void *parse_invalid_class_def_raw(Parser *p) {
    ENTER(p);
    int start = p->mark;
    for (int form = 0; form < 2 && !p->error; form++) {
        p->mark = start;
        Token *a = parse_expect(p, TOK_KW_CLASS);
        if (!a || !parse_expect(p, TOK_NAME)) {
            break;
        }
        int mark = p->mark;
        if (parse_expect(p, TOK_LPAR)) {
            int mark2 = p->mark;
            if (!parse_arguments(p)) {
                p->mark = mark2;
            }
            if (!parse_expect(p, TOK_RPAR)) {
                p->mark = mark;
            }
        }
        if (p->error) {
            break;
        }
        if (form == 0 && parse_expect(p, TOK_NEWLINE)) {
            parse_raise_last(p, PARSE_SYNTAX_ERROR, "expected ':'");
        } else if (form == 1 && parse_expect(p, TOK_COLON) && missing_block(p)) {
            expected_block(p, "class definition", a->lineno);
        }
    }
    p->mark = start;
    LEAVE(p, NULL);
}
