// Expressions, from CPython 3.11's Grammar/python.gram: the precedence
// ladder (disjunction ... primary), atoms and displays, comprehensions,
// slices and lambda. CPython's left-recursive rules (bitwise_or, sum,
// term, primary ...) become loops, which grow the same trees. Each function
// quotes the rule it implements; every failing rule leaves p->mark where it
// found it.
#include "parser/internal.h"

#include <string.h>

// ---------------------------------------------------------------------------
// Tuples of expressions

// An expression list as a Tuple (Load), from tokens[start].
static Expr *tuple_at(Parser *p, Vec *elts, int start) {
    Expr *t = parse_expr_at(p, AST_TUPLE, start);
    t->v.Tuple.elts = parse_exprs(p, elts);
    t->v.Tuple.ctx = AST_LOAD;
    return t;
}

// X (',' X)* [','] where X is expression or star_expression: a Tuple when
// a comma was seen, else the single X.
static Expr *expression_list(Parser *p, Expr *(*item)(Parser *)) {
    int start = p->mark;
    Expr *a = item(p);
    if (!a) {
        return NULL;
    }
    Vec *elts = NULL;
    for (;;) {
        int mark = p->mark;
        Expr *b;
        if (!parse_expect(p, TOK_COMMA)) {
            break;
        }
        if (!(b = item(p))) {
            if (p->error) {
                return NULL;
            }
            p->mark = mark + 1; // the trailing [',']
            elts = elts ? elts : parse_vec_new(p);
            if (!elts->len) {
                parse_vec_push(p, elts, a);
            }
            break;
        }
        if (!elts) {
            elts = parse_vec_new(p);
            parse_vec_push(p, elts, a);
        }
        parse_vec_push(p, elts, b);
    }
    if (p->error) {
        return NULL;
    }
    return elts ? tuple_at(p, elts, start) : a;
}

// expressions:
//     | expression (',' expression)+ [','] | expression ',' | expression
Expr *parse_expressions(Parser *p) {
    ENTER(p);
    LEAVE(p, expression_list(p, parse_expression));
}

// star_expressions:
//     | star_expression (',' star_expression)+ [','] | star_expression ','
//     | star_expression
Expr *parse_star_expressions(Parser *p) {
    ENTER(p);
    LEAVE(p, expression_list(p, parse_star_expression));
}

// ---------------------------------------------------------------------------
// expression, yield, named expressions

// disjunction 'if' disjunction 'else' expression
static Expr *if_exp(Parser *p, int start) {
    Expr *body = parse_disjunction(p), *test, *orelse;
    if (!body || !parse_expect(p, TOK_KW_IF) || !(test = parse_disjunction(p)) ||
        !parse_expect(p, TOK_KW_ELSE) || !(orelse = parse_expression(p))) {
        return NULL;
    }
    Expr *e = parse_expr_at(p, AST_IF_EXP, start);
    e->v.IfExp.test = test;
    e->v.IfExp.body = body;
    e->v.IfExp.orelse = orelse;
    return e;
}

// expression without the invalid_ alternatives (expression_without_invalid
// when invalid is false).
static Expr *expression_raw(Parser *p, bool invalid) {
    int mark = p->mark;
    Expr *e;
    if (invalid && p->call_invalid_rules) {
        parse_invalid_expression(p);
        p->mark = mark;
        parse_invalid_legacy_expression(p);
        p->mark = mark;
        if (p->error) {
            return NULL;
        }
    }
    if ((e = if_exp(p, mark)) || p->error) {
        return e;
    }
    p->mark = mark;
    if ((e = parse_disjunction(p)) || p->error) {
        return e;
    }
    p->mark = mark;
    if (!(e = parse_lambdef(p))) {
        p->mark = mark;
    }
    return e;
}

// expression (memo):
//     | invalid_expression | invalid_legacy_expression
//     | disjunction 'if' disjunction 'else' expression | disjunction | lambdef
Expr *parse_expression(Parser *p) {
    ENTER(p);
    void *m;
    if (parse_memo_get(p, MEMO_EXPRESSION, &m)) {
        LEAVE(p, m);
    }
    int mark = p->mark;
    Expr *e = expression_raw(p, true);
    parse_memo_put(p, mark, MEMO_EXPRESSION, e);
    LEAVE(p, e);
}

// expression_without_invalid: the same, never calling invalid_ rules
Expr *parse_expression_without_invalid(Parser *p) {
    ENTER(p);
    bool saved = p->call_invalid_rules;
    p->call_invalid_rules = false;
    Expr *e = expression_raw(p, false);
    p->call_invalid_rules = saved;
    LEAVE(p, e);
}

// yield_expr: 'yield' 'from' expression | 'yield' [star_expressions]
Expr *parse_yield_expr(Parser *p) {
    ENTER(p);
    int start = p->mark;
    if (!parse_expect(p, TOK_KW_YIELD)) {
        LEAVE(p, NULL);
    }
    int mark = p->mark;
    Expr *a;
    if (parse_expect(p, TOK_KW_FROM) && (a = parse_expression(p))) {
        Expr *e = parse_expr_at(p, AST_YIELD_FROM, start);
        e->v.YieldFrom.value = a;
        LEAVE(p, e);
    }
    p->mark = mark;
    if (p->error) {
        LEAVE(p, NULL);
    }
    if (!(a = parse_star_expressions(p))) {
        p->mark = mark;
    }
    if (p->error) {
        LEAVE(p, NULL);
    }
    Expr *e = parse_expr_at(p, AST_YIELD, start);
    e->v.Yield.value = a;
    LEAVE(p, e);
}

// '*' bitwise_or as a Starred (Load)
static Expr *star_bitwise_or(Parser *p) {
    int start = p->mark;
    Expr *a;
    if (!parse_expect(p, TOK_STAR) || !(a = parse_bitwise_or(p))) {
        p->mark = start;
        return NULL;
    }
    Expr *e = parse_expr_at(p, AST_STARRED, start);
    e->v.Starred.value = a;
    e->v.Starred.ctx = AST_LOAD;
    return e;
}

static Expr *star_expression_raw(Parser *p) {
    int mark = p->mark;
    Expr *e = star_bitwise_or(p);
    if (e || p->error) {
        return e;
    }
    p->mark = mark;
    return parse_expression(p);
}

// star_expression (memo): '*' bitwise_or | expression
Expr *parse_star_expression(Parser *p) {
    ENTER(p);
    void *m;
    if (parse_memo_get(p, MEMO_STAR_EXPRESSION, &m)) {
        LEAVE(p, m);
    }
    int mark = p->mark;
    Expr *e = star_expression_raw(p);
    parse_memo_put(p, mark, MEMO_STAR_EXPRESSION, e);
    LEAVE(p, e);
}

// star_named_expressions: ','.star_named_expression+ [',']
Vec *parse_star_named_expressions(Parser *p) {
    ENTER(p);
    Expr *a = parse_star_named_expression(p);
    if (!a) {
        LEAVE(p, NULL);
    }
    Vec *v = parse_vec_new(p);
    parse_vec_push(p, v, a);
    for (;;) {
        int mark = p->mark;
        if (!parse_expect(p, TOK_COMMA) || !(a = parse_star_named_expression(p))) {
            p->mark = mark;
            break;
        }
        parse_vec_push(p, v, a);
    }
    parse_expect(p, TOK_COMMA);
    LEAVE(p, p->error ? NULL : v);
}

// star_named_expression: '*' bitwise_or | named_expression
Expr *parse_star_named_expression(Parser *p) {
    ENTER(p);
    int mark = p->mark;
    Expr *e = star_bitwise_or(p);
    if (e || p->error) {
        LEAVE(p, e);
    }
    p->mark = mark;
    LEAVE(p, parse_named_expression(p));
}

// assignment_expression: NAME ':=' ~ expression
Expr *parse_assignment_expression(Parser *p) {
    ENTER(p);
    int start = p->mark;
    Expr *target = parse_name(p), *value;
    if (!target || !parse_expect(p, TOK_COLONEQUAL)) {
        p->mark = start;
        LEAVE(p, NULL);
    }
    if (!(value = parse_expression(p))) {
        p->mark = start;
        LEAVE(p, NULL);
    }
    Expr *e = parse_expr_at(p, AST_NAMED_EXPR, start);
    e->v.NamedExpr.target = parse_set_context(p, target, AST_STORE);
    e->v.NamedExpr.value = value;
    LEAVE(p, e);
}

// named_expression:
//     | assignment_expression | invalid_named_expression | expression !':='
Expr *parse_named_expression(Parser *p) {
    ENTER(p);
    int mark = p->mark;
    Expr *e = parse_assignment_expression(p);
    if (e || p->error) {
        LEAVE(p, e);
    }
    p->mark = mark;
    if (p->call_invalid_rules) {
        parse_invalid_named_expression(p);
        p->mark = mark;
    }
    if (!p->error && (e = parse_expression(p)) && !parse_check(p, TOK_COLONEQUAL)) {
        LEAVE(p, e);
    }
    p->mark = mark;
    LEAVE(p, NULL);
}

// ---------------------------------------------------------------------------
// Boolean operators and comparisons

// A BoolOp of a (op b)+ or just a: disjunction and conjunction.
static Expr *bool_op(Parser *p, TokenKind kw, AstBoolOp op, Expr *(*item)(Parser *)) {
    int start = p->mark;
    Expr *a = item(p);
    if (!a) {
        return NULL;
    }
    Vec *values = NULL;
    for (;;) {
        int mark = p->mark;
        Expr *b;
        if (!parse_expect(p, kw) || !(b = item(p))) {
            p->mark = mark;
            break;
        }
        if (!values) {
            values = parse_vec_new(p);
            parse_vec_push(p, values, a);
        }
        parse_vec_push(p, values, b);
    }
    if (p->error) {
        return NULL;
    }
    if (!values) {
        return a;
    }
    Expr *e = parse_expr_at(p, AST_BOOL_OP, start);
    e->v.BoolOp.op = op;
    e->v.BoolOp.values = parse_exprs(p, values);
    return e;
}

static Expr *inversion(Parser *p);

static Expr *conjunction(Parser *p) {
    ENTER(p);
    void *m;
    if (parse_memo_get(p, MEMO_CONJUNCTION, &m)) {
        LEAVE(p, m);
    }
    int mark = p->mark;
    Expr *e = bool_op(p, TOK_KW_AND, AST_BOOL_AND, inversion);
    parse_memo_put(p, mark, MEMO_CONJUNCTION, e);
    LEAVE(p, e);
}

// disjunction (memo): conjunction ('or' conjunction)+ | conjunction
// conjunction (memo): inversion ('and' inversion)+ | inversion
Expr *parse_disjunction(Parser *p) {
    ENTER(p);
    void *m;
    if (parse_memo_get(p, MEMO_DISJUNCTION, &m)) {
        LEAVE(p, m);
    }
    int mark = p->mark;
    Expr *e = bool_op(p, TOK_KW_OR, AST_BOOL_OR, conjunction);
    parse_memo_put(p, mark, MEMO_DISJUNCTION, e);
    LEAVE(p, e);
}

static Expr *comparison(Parser *p);

static Expr *inversion_raw(Parser *p) {
    int start = p->mark;
    Expr *a;
    if (parse_expect(p, TOK_KW_NOT)) {
        if ((a = inversion(p))) {
            Expr *e = parse_expr_at(p, AST_UNARY_OP, start);
            e->v.UnaryOp.op = AST_UOP_NOT;
            e->v.UnaryOp.operand = a;
            return e;
        }
        p->mark = start;
        if (p->error) {
            return NULL;
        }
    }
    return comparison(p);
}

// inversion (memo): 'not' inversion | comparison
static Expr *inversion(Parser *p) {
    ENTER(p);
    void *m;
    if (parse_memo_get(p, MEMO_INVERSION, &m)) {
        LEAVE(p, m);
    }
    int mark = p->mark;
    Expr *e = inversion_raw(p);
    parse_memo_put(p, mark, MEMO_INVERSION, e);
    LEAVE(p, e);
}

// One comparison operator: '==' '!=' '<=' '<' '>=' '>' 'not' 'in' 'in'
// 'is' 'not' 'is'. ('<>' is a NOTEQUAL token that only Barry accepts.)
static bool compare_op(Parser *p, AstCmpOp *op) {
    Token *t = parse_peek(p);
    int mark = p->mark;
    switch (t->kind) {
    case TOK_EQEQUAL:
        *op = AST_CMP_EQ;
        break;
    case TOK_NOTEQUAL:
        if (t->len != 2 || t->start[0] != '!') {
            return false;
        }
        *op = AST_CMP_NOT_EQ;
        break;
    case TOK_LESSEQUAL:
        *op = AST_CMP_LT_E;
        break;
    case TOK_LESS:
        *op = AST_CMP_LT;
        break;
    case TOK_GREATEREQUAL:
        *op = AST_CMP_GT_E;
        break;
    case TOK_GREATER:
        *op = AST_CMP_GT;
        break;
    case TOK_KW_NOT:
        p->mark++;
        if (!parse_expect(p, TOK_KW_IN)) {
            p->mark = mark;
            return false;
        }
        *op = AST_CMP_NOT_IN;
        return true;
    case TOK_KW_IN:
        *op = AST_CMP_IN;
        break;
    case TOK_KW_IS:
        p->mark++;
        *op = parse_expect(p, TOK_KW_NOT) ? AST_CMP_IS_NOT : AST_CMP_IS;
        return true;
    default:
        return false;
    }
    p->mark++;
    return true;
}

// comparison: bitwise_or compare_op_bitwise_or_pair+ | bitwise_or
static Expr *comparison(Parser *p) {
    ENTER(p);
    int start = p->mark;
    Expr *a = parse_bitwise_or(p);
    if (!a) {
        LEAVE(p, NULL);
    }
    Vec comparators = {0}, ops = {0};
    for (;;) {
        int mark = p->mark;
        AstCmpOp op;
        Expr *b;
        if (!compare_op(p, &op) || !(b = parse_bitwise_or(p))) {
            p->mark = mark;
            break;
        }
        parse_vec_push(p, &ops, (void *)(size_t)op);
        parse_vec_push(p, &comparators, b);
    }
    if (p->error) {
        LEAVE(p, NULL);
    }
    if (!ops.len) {
        LEAVE(p, a);
    }
    Expr *e = parse_expr_at(p, AST_COMPARE, start);
    e->v.Compare.left = a;
    e->v.Compare.ops.len = ops.len;
    e->v.Compare.ops.items = arena_alloc(p->arena, (size_t)ops.len * sizeof(AstCmpOp));
    for (int i = 0; i < ops.len; i++) {
        e->v.Compare.ops.items[i] = (AstCmpOp)(size_t)ops.items[i];
    }
    e->v.Compare.comparators = parse_exprs(p, &comparators);
    LEAVE(p, e);
}

// ---------------------------------------------------------------------------
// Binary operators

typedef struct {
    TokenKind tok;
    AstOperator op;
} BinOpTok;

// The left-recursive rules as loops: a (op b)* over one precedence level.
static Expr *binary(Parser *p, const BinOpTok *ops, int nops, Expr *(*item)(Parser *)) {
    int start = p->mark;
    Expr *a = item(p);
    while (a) {
        int mark = p->mark;
        TokenKind k = parse_peek(p)->kind;
        int i = 0;
        while (i < nops && ops[i].tok != k) {
            i++;
        }
        Expr *b;
        if (i == nops || p->error) {
            break;
        }
        p->mark++;
        if (!(b = item(p))) {
            p->mark = mark;
            break;
        }
        Expr *e = parse_expr_at(p, AST_BIN_OP, start);
        e->v.BinOp.left = a;
        e->v.BinOp.op = ops[i].op;
        e->v.BinOp.right = b;
        a = e;
    }
    return p->error ? NULL : a;
}

static Expr *factor(Parser *p);

// term: term ('*' | '/' | '//' | '%' | '@') factor | factor
static Expr *term(Parser *p) {
    static const BinOpTok ops[] = {{TOK_STAR, AST_OP_MULT},
                                   {TOK_SLASH, AST_OP_DIV},
                                   {TOK_DOUBLESLASH, AST_OP_FLOOR_DIV},
                                   {TOK_PERCENT, AST_OP_MOD},
                                   {TOK_AT, AST_OP_MAT_MULT}};
    ENTER(p);
    LEAVE(p, binary(p, ops, 5, factor));
}

// sum: sum ('+' | '-') term | term
static Expr *sum(Parser *p) {
    static const BinOpTok ops[] = {{TOK_PLUS, AST_OP_ADD}, {TOK_MINUS, AST_OP_SUB}};
    ENTER(p);
    LEAVE(p, binary(p, ops, 2, term));
}

// shift_expr: shift_expr ('<<' | '>>') sum | sum
static Expr *shift_expr(Parser *p) {
    static const BinOpTok ops[] = {{TOK_LEFTSHIFT, AST_OP_LSHIFT}, {TOK_RIGHTSHIFT, AST_OP_RSHIFT}};
    ENTER(p);
    LEAVE(p, binary(p, ops, 2, sum));
}

// bitwise_and: bitwise_and '&' shift_expr | shift_expr
static Expr *bitwise_and(Parser *p) {
    static const BinOpTok ops[] = {{TOK_AMPER, AST_OP_BIT_AND}};
    ENTER(p);
    LEAVE(p, binary(p, ops, 1, shift_expr));
}

// bitwise_xor: bitwise_xor '^' bitwise_and | bitwise_and
static Expr *bitwise_xor(Parser *p) {
    static const BinOpTok ops[] = {{TOK_CIRCUMFLEX, AST_OP_BIT_XOR}};
    ENTER(p);
    LEAVE(p, binary(p, ops, 1, bitwise_and));
}

// bitwise_or (memo): bitwise_or '|' bitwise_xor | bitwise_xor
Expr *parse_bitwise_or(Parser *p) {
    static const BinOpTok ops[] = {{TOK_VBAR, AST_OP_BIT_OR}};
    ENTER(p);
    void *m;
    if (parse_memo_get(p, MEMO_BITWISE_OR, &m)) {
        LEAVE(p, m);
    }
    int mark = p->mark;
    Expr *e = binary(p, ops, 1, bitwise_xor);
    parse_memo_put(p, mark, MEMO_BITWISE_OR, e);
    LEAVE(p, e);
}

// ---------------------------------------------------------------------------
// Unary operators, power, await

static Expr *power(Parser *p);

static Expr *factor_raw(Parser *p) {
    int start = p->mark;
    TokenKind k = parse_peek(p)->kind;
    if (k == TOK_PLUS || k == TOK_MINUS || k == TOK_TILDE) {
        p->mark++;
        Expr *a = factor(p);
        if (a) {
            Expr *e = parse_expr_at(p, AST_UNARY_OP, start);
            e->v.UnaryOp.op = k == TOK_PLUS    ? AST_UOP_UADD
                              : k == TOK_MINUS ? AST_UOP_USUB
                                               : AST_UOP_INVERT;
            e->v.UnaryOp.operand = a;
            return e;
        }
        p->mark = start;
        if (p->error) {
            return NULL;
        }
    }
    return power(p);
}

// factor (memo): '+' factor | '-' factor | '~' factor | power
static Expr *factor(Parser *p) {
    ENTER(p);
    void *m;
    if (parse_memo_get(p, MEMO_FACTOR, &m)) {
        LEAVE(p, m);
    }
    int mark = p->mark;
    Expr *e = factor_raw(p);
    parse_memo_put(p, mark, MEMO_FACTOR, e);
    LEAVE(p, e);
}

static Expr *await_primary_raw(Parser *p) {
    int start = p->mark;
    if (parse_expect(p, TOK_KW_AWAIT)) {
        Expr *a = parse_primary(p);
        if (a) {
            Expr *e = parse_expr_at(p, AST_AWAIT, start);
            e->v.Await.value = a;
            return e;
        }
        p->mark = start;
        if (p->error) {
            return NULL;
        }
    }
    return parse_primary(p);
}

// await_primary (memo): AWAIT primary | primary
static Expr *await_primary(Parser *p) {
    ENTER(p);
    void *m;
    if (parse_memo_get(p, MEMO_AWAIT_PRIMARY, &m)) {
        LEAVE(p, m);
    }
    int mark = p->mark;
    Expr *e = await_primary_raw(p);
    parse_memo_put(p, mark, MEMO_AWAIT_PRIMARY, e);
    LEAVE(p, e);
}

// power: await_primary '**' factor | await_primary
static Expr *power(Parser *p) {
    ENTER(p);
    int start = p->mark;
    Expr *a = await_primary(p);
    if (!a) {
        LEAVE(p, NULL);
    }
    int mark = p->mark;
    Expr *b;
    if (parse_expect(p, TOK_DOUBLESTAR) && (b = factor(p))) {
        Expr *e = parse_expr_at(p, AST_BIN_OP, start);
        e->v.BinOp.left = a;
        e->v.BinOp.op = AST_OP_POW;
        e->v.BinOp.right = b;
        LEAVE(p, e);
    }
    p->mark = mark;
    LEAVE(p, p->error ? NULL : a);
}

// ---------------------------------------------------------------------------
// Primaries

// One trailer of primary: '.' NAME | genexp | '(' [arguments] ')' |
// '[' slices ']'. Returns the grown expression, or NULL (mark restored).
static Expr *primary_trailer(Parser *p, Expr *a, int start) {
    int mark = p->mark;
    Token *t = parse_peek(p);
    Expr *e;
    if (t->kind == TOK_DOT) {
        p->mark++;
        Token *name = parse_expect(p, TOK_NAME);
        if (!name) {
            p->mark = mark;
            return NULL;
        }
        e = parse_expr_at(p, AST_ATTRIBUTE, start);
        e->v.Attribute.value = a;
        e->v.Attribute.attr = parse_ident(p, name);
        e->v.Attribute.ctx = AST_LOAD;
        return e;
    }
    if (t->kind == TOK_LPAR) {
        Expr *g = parse_genexp(p);
        if (g) {
            e = parse_expr_at(p, AST_CALL, start);
            e->v.Call.func = a;
            e->v.Call.args = parse_expr1(p, g);
            return e;
        }
        p->mark = mark;
        if (p->error) {
            return NULL;
        }
        p->mark++;
        Expr *args = parse_arguments(p);
        if (!args) {
            p->mark = mark + 1;
        }
        if (p->error || !parse_expect(p, TOK_RPAR)) {
            p->mark = mark;
            return NULL;
        }
        return parse_call_from(p, a, args, start);
    }
    if (t->kind == TOK_LSQB) {
        p->mark++;
        Expr *slice = parse_slices(p);
        if (!slice || !parse_expect(p, TOK_RSQB)) {
            p->mark = mark;
            return NULL;
        }
        e = parse_expr_at(p, AST_SUBSCRIPT, start);
        e->v.Subscript.value = a;
        e->v.Subscript.slice = slice;
        e->v.Subscript.ctx = AST_LOAD;
        return e;
    }
    return NULL;
}

// primary:
//     | primary '.' NAME | primary genexp | primary '(' [arguments] ')'
//     | primary '[' slices ']' | atom
Expr *parse_primary(Parser *p) {
    ENTER(p);
    void *m;
    if (parse_memo_get(p, MEMO_PRIMARY, &m)) {
        LEAVE(p, m);
    }
    int start = p->mark;
    Expr *a = parse_atom(p), *b;
    while (a && (b = primary_trailer(p, a, start))) {
        a = b;
    }
    if (p->error) {
        a = NULL;
    }
    parse_memo_put(p, start, MEMO_PRIMARY, a);
    LEAVE(p, a);
}

// slice: [expression] ':' [expression] [':' [expression]] | named_expression
static Expr *slice(Parser *p) {
    ENTER(p);
    int start = p->mark;
    Expr *lower = parse_expression(p), *upper = NULL, *step = NULL;
    if (!lower) {
        p->mark = start;
    }
    if (!p->error && parse_expect(p, TOK_COLON)) {
        int mark = p->mark;
        if (!(upper = parse_expression(p))) {
            p->mark = mark;
        }
        mark = p->mark;
        if (!p->error && parse_expect(p, TOK_COLON)) {
            int mark2 = p->mark;
            if (!(step = parse_expression(p))) {
                p->mark = mark2;
            }
        } else {
            p->mark = mark;
        }
        if (p->error) {
            LEAVE(p, NULL);
        }
        Expr *e = parse_expr_at(p, AST_SLICE, start);
        e->v.Slice.lower = lower;
        e->v.Slice.upper = upper;
        e->v.Slice.step = step;
        LEAVE(p, e);
    }
    p->mark = start;
    if (p->error) {
        LEAVE(p, NULL);
    }
    LEAVE(p, parse_named_expression(p));
}

// slice | starred_expression
static Expr *slice_or_starred(Parser *p) {
    int mark = p->mark;
    Expr *e = slice(p);
    if (e || p->error) {
        return e;
    }
    p->mark = mark;
    return parse_starred_expression(p);
}

// slices: slice !',' | ','.(slice | starred_expression)+ [',']
Expr *parse_slices(Parser *p) {
    ENTER(p);
    int start = p->mark;
    Expr *a = slice(p);
    if (a && !parse_check(p, TOK_COMMA)) {
        LEAVE(p, a);
    }
    p->mark = start;
    if (p->error || !(a = slice_or_starred(p))) {
        LEAVE(p, NULL);
    }
    Vec *elts = parse_vec_new(p);
    parse_vec_push(p, elts, a);
    for (;;) {
        int mark = p->mark;
        if (!parse_expect(p, TOK_COMMA) || !(a = slice_or_starred(p))) {
            p->mark = mark;
            break;
        }
        parse_vec_push(p, elts, a);
    }
    parse_expect(p, TOK_COMMA);
    LEAVE(p, p->error ? NULL : tuple_at(p, elts, start));
}

// ---------------------------------------------------------------------------
// Atoms

static Expr *constant_at(Parser *p, AstConstKind kind, int start) {
    Expr *e = parse_expr_at(p, AST_CONSTANT, start);
    e->v.Constant.value.kind = kind;
    return e;
}

static Expr *paren_atom(Parser *p);
static Expr *bracket_atom(Parser *p);
static Expr *brace_atom(Parser *p);

// atom:
//     | NAME | 'True' | 'False' | 'None' | &STRING strings | NUMBER
//     | &'(' (tuple | group | genexp) | &'[' (list | listcomp)
//     | &'{' (dict | set | dictcomp | setcomp) | '...'
Expr *parse_atom(Parser *p) {
    ENTER(p);
    int start = p->mark;
    Token *t = parse_peek(p);
    if (p->error) {
        LEAVE(p, NULL);
    }
    switch (t->kind) {
    case TOK_NAME:
        LEAVE(p, parse_name(p));
    case TOK_KW_TRUE:
    case TOK_KW_FALSE:
    case TOK_KW_NONE:
    case TOK_ELLIPSIS:
        p->mark++;
        LEAVE(p, constant_at(p,
                             t->kind == TOK_KW_TRUE    ? AST_CONST_TRUE
                             : t->kind == TOK_KW_FALSE ? AST_CONST_FALSE
                             : t->kind == TOK_KW_NONE  ? AST_CONST_NONE
                                                       : AST_CONST_ELLIPSIS,
                             start));
    case TOK_STRING:
        LEAVE(p, parse_strings(p));
    case TOK_NUMBER:
        p->mark++;
        LEAVE(p, parse_number(p, t));
    case TOK_LPAR:
        LEAVE(p, paren_atom(p));
    case TOK_LSQB:
        LEAVE(p, bracket_atom(p));
    case TOK_LBRACE:
        LEAVE(p, brace_atom(p));
    default:
        LEAVE(p, NULL);
    }
}

// strings (memo): STRING+
Expr *parse_strings(Parser *p) {
    ENTER(p);
    void *m;
    if (parse_memo_get(p, MEMO_STRINGS, &m)) {
        LEAVE(p, m);
    }
    int start = p->mark;
    while (parse_expect(p, TOK_STRING)) {
    }
    Expr *e = NULL;
    if (p->mark > start && !p->error) {
        e = parse_concatenate_strings(p, start, p->mark - 1);
    }
    if (!e) {
        p->mark = start;
    }
    parse_memo_put(p, start, MEMO_STRINGS, e);
    LEAVE(p, e);
}

// group: '(' (yield_expr | named_expression) ')' | invalid_group
static Expr *group(Parser *p) {
    ENTER(p);
    int start = p->mark;
    if (parse_expect(p, TOK_LPAR)) {
        int mark = p->mark;
        Expr *a = parse_yield_expr(p);
        if (!a && !p->error) {
            p->mark = mark;
            a = parse_named_expression(p);
        }
        if (a && parse_expect(p, TOK_RPAR)) {
            LEAVE(p, a);
        }
    }
    p->mark = start;
    if (p->call_invalid_rules && !p->error) {
        parse_invalid_group(p);
        p->mark = start;
    }
    LEAVE(p, NULL);
}

// tuple: '(' [star_named_expression ',' [star_named_expressions]] ')'
Expr *parse_tuple(Parser *p) {
    ENTER(p);
    int start = p->mark;
    if (!parse_expect(p, TOK_LPAR)) {
        LEAVE(p, NULL);
    }
    Vec *elts = parse_vec_new(p);
    int mark = p->mark;
    Expr *y = parse_star_named_expression(p);
    if (y && parse_expect(p, TOK_COMMA)) {
        parse_vec_push(p, elts, y);
        int mark2 = p->mark;
        Vec *z = parse_star_named_expressions(p);
        if (z) {
            for (int i = 0; i < z->len; i++) {
                parse_vec_push(p, elts, z->items[i]);
            }
        } else {
            p->mark = mark2;
        }
    } else {
        p->mark = mark;
    }
    if (p->error || !parse_expect(p, TOK_RPAR)) {
        p->mark = start;
        LEAVE(p, NULL);
    }
    LEAVE(p, tuple_at(p, elts, start));
}

// for_if_clauses after the element: '(' (assignment_expression | expression
// !':=') for_if_clauses ')' and its bracket/brace siblings.
static Expr *comprehension_at(Parser *p, AstKind kind, Expr *elt, int start) {
    Vec *gens = parse_for_if_clauses(p);
    TokenKind close = kind == AST_GENERATOR_EXP ? TOK_RPAR
                      : kind == AST_LIST_COMP   ? TOK_RSQB
                                                : TOK_RBRACE;
    if (!gens || !parse_expect(p, close)) {
        return NULL;
    }
    Expr *e = parse_expr_at(p, kind, start);
    ComprehensionList g = parse_comprehensions(p, gens);
    if (kind == AST_GENERATOR_EXP) {
        e->v.GeneratorExp.elt = elt;
        e->v.GeneratorExp.generators = g;
    } else if (kind == AST_LIST_COMP) {
        e->v.ListComp.elt = elt;
        e->v.ListComp.generators = g;
    } else {
        e->v.SetComp.elt = elt;
        e->v.SetComp.generators = g;
    }
    return e;
}

// genexp:
//     | '(' (assignment_expression | expression !':=') for_if_clauses ')'
//     | invalid_comprehension
Expr *parse_genexp(Parser *p) {
    ENTER(p);
    int start = p->mark;
    if (parse_expect(p, TOK_LPAR)) {
        int mark = p->mark;
        Expr *a = parse_assignment_expression(p);
        if (!a && !p->error) {
            p->mark = mark;
            a = parse_expression(p);
            if (a && parse_check(p, TOK_COLONEQUAL)) {
                a = NULL;
            }
        }
        Expr *e = a ? comprehension_at(p, AST_GENERATOR_EXP, a, start) : NULL;
        if (e) {
            LEAVE(p, e);
        }
    }
    p->mark = start;
    if (p->call_invalid_rules && !p->error) {
        parse_invalid_comprehension(p);
        p->mark = start;
    }
    LEAVE(p, NULL);
}

// '(' (tuple | group | genexp)
static Expr *paren_atom(Parser *p) {
    int start = p->mark;
    Expr *e = parse_tuple(p);
    if (e || p->error) {
        return e;
    }
    p->mark = start;
    if ((e = group(p)) || p->error) {
        return e;
    }
    p->mark = start;
    return parse_genexp(p);
}

// list: '[' [star_named_expressions] ']'
Expr *parse_list(Parser *p) {
    ENTER(p);
    int start = p->mark;
    if (!parse_expect(p, TOK_LSQB)) {
        LEAVE(p, NULL);
    }
    int mark = p->mark;
    Vec *elts = parse_star_named_expressions(p);
    if (!elts) {
        p->mark = mark;
    }
    if (p->error || !parse_expect(p, TOK_RSQB)) {
        p->mark = start;
        LEAVE(p, NULL);
    }
    Expr *e = parse_expr_at(p, AST_LIST, start);
    e->v.List.elts = parse_exprs(p, elts);
    e->v.List.ctx = AST_LOAD;
    LEAVE(p, e);
}

// listcomp: '[' named_expression for_if_clauses ']' | invalid_comprehension
// setcomp: '{' named_expression for_if_clauses '}' | invalid_comprehension
static Expr *list_or_set_comp(Parser *p, TokenKind open, AstKind kind) {
    ENTER(p);
    int start = p->mark;
    Expr *a, *e;
    if (parse_expect(p, open) && (a = parse_named_expression(p)) &&
        (e = comprehension_at(p, kind, a, start))) {
        LEAVE(p, e);
    }
    p->mark = start;
    if (p->call_invalid_rules && !p->error) {
        parse_invalid_comprehension(p);
        p->mark = start;
    }
    LEAVE(p, NULL);
}

// '[' (list | listcomp)
static Expr *bracket_atom(Parser *p) {
    int start = p->mark;
    Expr *e = parse_list(p);
    if (e || p->error) {
        return e;
    }
    p->mark = start;
    return list_or_set_comp(p, TOK_LSQB, AST_LIST_COMP);
}

// kvpair: expression ':' expression
KeyValue *parse_kvpair(Parser *p) {
    ENTER(p);
    int start = p->mark;
    Expr *k, *v;
    if (!(k = parse_expression(p)) || !parse_expect(p, TOK_COLON) || !(v = parse_expression(p))) {
        p->mark = start;
        LEAVE(p, NULL);
    }
    KeyValue *kv = arena_alloc(p->arena, sizeof *kv);
    kv->key = k;
    kv->value = v;
    LEAVE(p, kv);
}

// double_starred_kvpair: '**' bitwise_or | kvpair
KeyValue *parse_double_starred_kvpair(Parser *p) {
    ENTER(p);
    int start = p->mark;
    Expr *v;
    if (parse_expect(p, TOK_DOUBLESTAR) && (v = parse_bitwise_or(p))) {
        KeyValue *kv = arena_alloc(p->arena, sizeof *kv);
        kv->value = v;
        LEAVE(p, kv);
    }
    p->mark = start;
    if (p->error) {
        LEAVE(p, NULL);
    }
    LEAVE(p, parse_kvpair(p));
}

// double_starred_kvpairs: ','.double_starred_kvpair+ [',']
static Vec *double_starred_kvpairs(Parser *p) {
    KeyValue *kv = parse_double_starred_kvpair(p);
    if (!kv) {
        return NULL;
    }
    Vec *v = parse_vec_new(p);
    parse_vec_push(p, v, kv);
    for (;;) {
        int mark = p->mark;
        if (!parse_expect(p, TOK_COMMA) || !(kv = parse_double_starred_kvpair(p))) {
            p->mark = mark;
            break;
        }
        parse_vec_push(p, v, kv);
    }
    parse_expect(p, TOK_COMMA);
    return p->error ? NULL : v;
}

// dict:
//     | '{' [double_starred_kvpairs] '}'
//     | '{' invalid_double_starred_kvpairs '}'
static Expr *dict(Parser *p) {
    ENTER(p);
    int start = p->mark;
    if (!parse_expect(p, TOK_LBRACE)) {
        LEAVE(p, NULL);
    }
    int mark = p->mark;
    Vec *pairs = double_starred_kvpairs(p);
    if (!pairs) {
        p->mark = mark;
    }
    if (!p->error && parse_expect(p, TOK_RBRACE)) {
        Expr *e = parse_expr_at(p, AST_DICT, start);
        int n = pairs ? pairs->len : 0;
        e->v.Dict.keys.len = e->v.Dict.values.len = n;
        e->v.Dict.keys.items = arena_alloc(p->arena, (size_t)n * sizeof(Expr *));
        e->v.Dict.values.items = arena_alloc(p->arena, (size_t)n * sizeof(Expr *));
        for (int i = 0; i < n; i++) {
            KeyValue *kv = pairs->items[i];
            e->v.Dict.keys.items[i] = kv->key;
            e->v.Dict.values.items[i] = kv->value;
        }
        LEAVE(p, e);
    }
    p->mark = mark;
    if (p->call_invalid_rules && !p->error) {
        parse_invalid_double_starred_kvpairs(p);
    }
    p->mark = start;
    LEAVE(p, NULL);
}

// set: '{' star_named_expressions '}'
static Expr *set(Parser *p) {
    ENTER(p);
    int start = p->mark;
    Vec *elts;
    if (!parse_expect(p, TOK_LBRACE) || !(elts = parse_star_named_expressions(p)) ||
        !parse_expect(p, TOK_RBRACE)) {
        p->mark = start;
        LEAVE(p, NULL);
    }
    Expr *e = parse_expr_at(p, AST_SET, start);
    e->v.Set.elts = parse_exprs(p, elts);
    LEAVE(p, e);
}

// dictcomp: '{' kvpair for_if_clauses '}' | invalid_dict_comprehension
static Expr *dictcomp(Parser *p) {
    ENTER(p);
    int start = p->mark;
    KeyValue *kv;
    Vec *gens;
    if (parse_expect(p, TOK_LBRACE) && (kv = parse_kvpair(p)) && (gens = parse_for_if_clauses(p)) &&
        parse_expect(p, TOK_RBRACE)) {
        Expr *e = parse_expr_at(p, AST_DICT_COMP, start);
        e->v.DictComp.key = kv->key;
        e->v.DictComp.value = kv->value;
        e->v.DictComp.generators = parse_comprehensions(p, gens);
        LEAVE(p, e);
    }
    p->mark = start;
    if (p->call_invalid_rules && !p->error) {
        parse_invalid_dict_comprehension(p);
        p->mark = start;
    }
    LEAVE(p, NULL);
}

// '{' (dict | set | dictcomp | setcomp)
static Expr *brace_atom(Parser *p) {
    int start = p->mark;
    Expr *e = dict(p);
    if (e || p->error) {
        return e;
    }
    p->mark = start;
    if ((e = set(p)) || p->error) {
        return e;
    }
    p->mark = start;
    if ((e = dictcomp(p)) || p->error) {
        return e;
    }
    p->mark = start;
    return list_or_set_comp(p, TOK_LBRACE, AST_SET_COMP);
}

// ---------------------------------------------------------------------------
// Comprehensions

// [ASYNC] 'for' star_targets 'in' ~ disjunction ('if' disjunction)*
static Comprehension *for_if_clause_rest(Parser *p, bool is_async, bool *cut) {
    Expr *target, *iter;
    if (!parse_expect(p, TOK_KW_FOR) || !(target = parse_star_targets(p)) ||
        !parse_expect(p, TOK_KW_IN)) {
        return NULL;
    }
    *cut = true;
    if (!(iter = parse_disjunction(p))) {
        return NULL;
    }
    Vec ifs = {0};
    for (;;) {
        int mark = p->mark;
        Expr *cond;
        if (!parse_expect(p, TOK_KW_IF) || !(cond = parse_disjunction(p))) {
            p->mark = mark;
            break;
        }
        parse_vec_push(p, &ifs, cond);
    }
    if (p->error) {
        return NULL;
    }
    Comprehension *c = ast_new_aux(p->arena, AST_COMPREHENSION, sizeof(Comprehension));
    c->target = target;
    c->iter = iter;
    c->ifs = parse_exprs(p, &ifs);
    c->is_async = is_async;
    return c;
}

// for_if_clause:
//     | ASYNC 'for' star_targets 'in' ~ disjunction ('if' disjunction)*
//     | 'for' star_targets 'in' ~ disjunction ('if' disjunction)*
//     | invalid_for_target
static Comprehension *for_if_clause(Parser *p) {
    ENTER(p);
    int start = p->mark;
    bool cut = false;
    Comprehension *c = NULL;
    if (parse_expect(p, TOK_KW_ASYNC)) {
        c = for_if_clause_rest(p, true, &cut);
    }
    if (!c && !cut && !p->error) {
        p->mark = start;
        c = for_if_clause_rest(p, false, &cut);
    }
    if (c || p->error || cut) {
        if (!c) {
            p->mark = start;
        }
        LEAVE(p, c);
    }
    p->mark = start;
    if (p->call_invalid_rules) {
        parse_invalid_for_target(p);
        p->mark = start;
    }
    LEAVE(p, NULL);
}

// for_if_clauses: for_if_clause+
Vec *parse_for_if_clauses(Parser *p) {
    ENTER(p);
    Vec *v = NULL;
    Comprehension *c;
    while ((c = for_if_clause(p))) {
        v = v ? v : parse_vec_new(p);
        parse_vec_push(p, v, c);
    }
    LEAVE(p, p->error ? NULL : v);
}

// starred_expression: '*' expression
Expr *parse_starred_expression(Parser *p) {
    ENTER(p);
    int start = p->mark;
    Expr *a;
    if (!parse_expect(p, TOK_STAR) || !(a = parse_expression(p))) {
        p->mark = start;
        LEAVE(p, NULL);
    }
    Expr *e = parse_expr_at(p, AST_STARRED, start);
    e->v.Starred.value = a;
    e->v.Starred.ctx = AST_LOAD;
    LEAVE(p, e);
}

// lambdef: 'lambda' [lambda_params] ':' expression
Expr *parse_lambdef(Parser *p) {
    ENTER(p);
    int start = p->mark;
    if (!parse_expect(p, TOK_KW_LAMBDA)) {
        LEAVE(p, NULL);
    }
    int mark = p->mark;
    Arguments *args = parse_lambda_params(p);
    if (!args) {
        p->mark = mark;
    }
    Expr *body;
    if (p->error || !parse_expect(p, TOK_COLON) || !(body = parse_expression(p))) {
        p->mark = start;
        LEAVE(p, NULL);
    }
    Expr *e = parse_expr_at(p, AST_LAMBDA, start);
    e->v.Lambda.args = args ? args : parse_empty_arguments(p);
    e->v.Lambda.body = body;
    LEAVE(p, e);
}

// augassign: '+=' | '-=' | ... | '//='
bool parse_augassign(Parser *p, AstOperator *op) {
    static const BinOpTok ops[] = {
        {TOK_PLUSEQUAL, AST_OP_ADD},
        {TOK_MINEQUAL, AST_OP_SUB},
        {TOK_STAREQUAL, AST_OP_MULT},
        {TOK_ATEQUAL, AST_OP_MAT_MULT},
        {TOK_SLASHEQUAL, AST_OP_DIV},
        {TOK_PERCENTEQUAL, AST_OP_MOD},
        {TOK_AMPEREQUAL, AST_OP_BIT_AND},
        {TOK_VBAREQUAL, AST_OP_BIT_OR},
        {TOK_CIRCUMFLEXEQUAL, AST_OP_BIT_XOR},
        {TOK_LEFTSHIFTEQUAL, AST_OP_LSHIFT},
        {TOK_RIGHTSHIFTEQUAL, AST_OP_RSHIFT},
        {TOK_DOUBLESTAREQUAL, AST_OP_POW},
        {TOK_DOUBLESLASHEQUAL, AST_OP_FLOOR_DIV},
    };
    TokenKind k = parse_peek(p)->kind;
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++) {
        if (ops[i].tok == k && !p->error) {
            *op = ops[i].op;
            p->mark++;
            return true;
        }
    }
    return false;
}
