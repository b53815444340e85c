// Parameters (def and lambda) and call arguments, from CPython 3.11's
// Grammar/python.gram, with the invalid_ rules that explain their errors
// ("non-default argument follows default argument", "positional argument
// follows keyword argument" ...). The def and lambda forms share one
// implementation: lambda parameters have no annotations and end at ':'
// where def parameters end at ')'. Also the check CPython's compiler makes
// on keyword arguments ("keyword argument repeated"), kept until the parse
// succeeds, as CPython reports it only then.
#include "parser/internal.h"

#include <string.h>

typedef struct NameDefault {
    Arg *arg;
    Expr *value; // NULL: no default
} NameDefault;

typedef struct StarEtc {
    Arg *vararg;
    Vec *kwonly; // NameDefault*
    Arg *kwarg;
} StarEtc;

// ---------------------------------------------------------------------------
// One parameter

// param: NAME annotation?   (lambda_param: NAME)
// param_star_annotation: NAME ':' star_expression
static Arg *param(Parser *p, bool lambda, bool star_annotation) {
    ENTER(p);
    int start = p->mark;
    Token *name = parse_expect(p, TOK_NAME);
    if (!name) {
        LEAVE(p, NULL);
    }
    Expr *ann = NULL;
    if (!lambda) {
        int mark = p->mark;
        if (!parse_expect(p, TOK_COLON) ||
            !(ann = star_annotation ? parse_star_expression(p) : parse_expression(p))) {
            p->mark = mark;
            ann = NULL;
            if (star_annotation || p->error) {
                p->mark = start;
                LEAVE(p, NULL);
            }
        }
    }
    Arg *a = parse_aux_at(p, AST_ARG, sizeof(Arg), start);
    a->arg = parse_ident(p, name);
    a->annotation = ann;
    LEAVE(p, a);
}

// ',' or, without consuming it, the closer: ')' (def) or ':' (lambda).
static bool param_end(Parser *p, bool lambda) {
    return parse_expect(p, TOK_COMMA) || parse_check(p, lambda ? TOK_COLON : TOK_RPAR);
}

// param_no_default: param ',' | param &')'
static Arg *param_no_default(Parser *p, bool lambda) {
    ENTER(p);
    int start = p->mark;
    Arg *a = param(p, lambda, false);
    if (a && param_end(p, lambda)) {
        LEAVE(p, a);
    }
    p->mark = start;
    LEAVE(p, NULL);
}

// param_no_default_star_annotation: param_star_annotation (',' | &')')
static Arg *param_no_default_star_annotation(Parser *p) {
    ENTER(p);
    int start = p->mark;
    Arg *a = param(p, false, true);
    if (a && param_end(p, false)) {
        LEAVE(p, a);
    }
    p->mark = start;
    LEAVE(p, NULL);
}

// default: '=' expression | invalid_default
static Expr *default_value(Parser *p) {
    ENTER(p);
    int mark = p->mark;
    Expr *e;
    if (parse_expect(p, TOK_EQUAL) && (e = parse_expression(p))) {
        LEAVE(p, e);
    }
    p->mark = mark;
    if (p->call_invalid_rules && !p->error) {
        parse_invalid_default(p);
        p->mark = mark;
    }
    LEAVE(p, NULL);
}

// param_with_default: param default (',' | &')')
// param_maybe_default: param default? (',' | &')')
static NameDefault *param_default(Parser *p, bool lambda, bool maybe) {
    ENTER(p);
    int start = p->mark;
    Arg *a = param(p, lambda, false);
    if (a) {
        int mark = p->mark;
        Expr *value = default_value(p);
        if (!value && maybe && !p->error) {
            p->mark = mark;
        }
        if ((value || maybe) && !p->error && param_end(p, lambda)) {
            NameDefault *nd = arena_alloc(p->arena, sizeof *nd);
            nd->arg = a;
            nd->value = value;
            LEAVE(p, nd);
        }
    }
    p->mark = start;
    LEAVE(p, NULL);
}

// X* or X+ of param_no_default / param_with_default / param_maybe_default.
typedef enum { P_NO_DEFAULT, P_WITH_DEFAULT, P_MAYBE_DEFAULT } ParamKind;

static Vec *params_repeat(Parser *p, bool lambda, ParamKind kind, bool one_or_more) {
    Vec *v = parse_vec_new(p);
    for (;;) {
        void *x = kind == P_NO_DEFAULT ? (void *)param_no_default(p, lambda)
                                       : (void *)param_default(p, lambda, kind == P_MAYBE_DEFAULT);
        if (!x) {
            break;
        }
        parse_vec_push(p, v, x);
    }
    if (p->error || (one_or_more && !v->len)) {
        return NULL;
    }
    return v;
}

// '/' followed by ',' or the closer.
static bool slash_end(Parser *p, bool lambda) {
    int mark = p->mark;
    if (parse_expect(p, TOK_SLASH) && param_end(p, lambda)) {
        return true;
    }
    p->mark = mark;
    return false;
}

// slash_no_default: param_no_default+ '/' (',' | &')')
static Vec *slash_no_default(Parser *p, bool lambda) {
    ENTER(p);
    int start = p->mark;
    Vec *a = params_repeat(p, lambda, P_NO_DEFAULT, true);
    if (a && slash_end(p, lambda)) {
        LEAVE(p, a);
    }
    p->mark = start;
    LEAVE(p, NULL);
}

// slash_with_default: param_no_default* param_with_default+ '/' (',' | &')')
static bool slash_with_default(Parser *p, bool lambda, Vec **plain, Vec **with) {
    if (parse_enter(p)) {
        return false;
    }
    int start = p->mark;
    *plain = params_repeat(p, lambda, P_NO_DEFAULT, false);
    *with = *plain ? params_repeat(p, lambda, P_WITH_DEFAULT, true) : NULL;
    bool ok = *with && slash_end(p, lambda);
    if (!ok) {
        p->mark = start;
    }
    parse_leave(p);
    return ok;
}

// kwds: invalid_kwds | '**' param_no_default
static Arg *kwds(Parser *p, bool lambda) {
    ENTER(p);
    int start = p->mark;
    if (p->call_invalid_rules) {
        lambda ? parse_invalid_lambda_kwds(p) : parse_invalid_kwds(p);
        p->mark = start;
    }
    Arg *a;
    if (!p->error && parse_expect(p, TOK_DOUBLESTAR) && (a = param_no_default(p, lambda))) {
        LEAVE(p, a);
    }
    p->mark = start;
    LEAVE(p, NULL);
}

// param_maybe_default* [kwds] after the star, into s.
static bool star_etc_tail(Parser *p, bool lambda, StarEtc *s, bool one_or_more) {
    s->kwonly = params_repeat(p, lambda, P_MAYBE_DEFAULT, one_or_more);
    if (!s->kwonly) {
        return false;
    }
    int mark = p->mark;
    if (!(s->kwarg = kwds(p, lambda))) {
        p->mark = mark;
    }
    return !p->error;
}

// star_etc:
//     | invalid_star_etc
//     | '*' param_no_default param_maybe_default* [kwds]
//     | '*' param_no_default_star_annotation param_maybe_default* [kwds]
//     | '*' ',' param_maybe_default+ [kwds]
//     | kwds
static StarEtc *star_etc(Parser *p, bool lambda) {
    ENTER(p);
    int start = p->mark;
    if (p->call_invalid_rules) {
        lambda ? parse_invalid_lambda_star_etc(p) : parse_invalid_star_etc(p);
        p->mark = start;
    }
    StarEtc *s = arena_alloc(p->arena, sizeof *s);
    for (int alt = 0; alt < 3 && !p->error; alt++) {
        p->mark = start;
        if (!parse_expect(p, TOK_STAR) || (alt == 1 && lambda)) {
            continue;
        }
        bool ok = alt == 0   ? (s->vararg = param_no_default(p, lambda)) != NULL
                  : alt == 1 ? (s->vararg = param_no_default_star_annotation(p)) != NULL
                             : parse_expect(p, TOK_COMMA) != NULL;
        if (ok && star_etc_tail(p, lambda, s, alt == 2)) {
            LEAVE(p, s);
        }
        s->vararg = NULL;
    }
    p->mark = start;
    if (!p->error && (s->kwarg = kwds(p, lambda))) {
        LEAVE(p, s);
    }
    p->mark = start;
    LEAVE(p, NULL);
}

// ---------------------------------------------------------------------------
// Parameter lists

static ArgList args_of(Parser *p, const Vec *v) {
    ArgList l = {v ? v->len : 0, NULL};
    if (l.len) {
        l.items = arena_alloc(p->arena, (size_t)l.len * sizeof(Arg *));
        for (int i = 0; i < l.len; i++) {
            l.items[i] = v->items[i];
        }
    }
    return l;
}

// Appends the args (and, when defaults is given, the defaults) of
// NameDefault items.
static void add_named(Parser *p, Vec *args, Vec *defaults, const Vec *named) {
    for (int i = 0; named && i < named->len; i++) {
        NameDefault *nd = named->items[i];
        parse_vec_push(p, args, nd->arg);
        if (defaults) {
            parse_vec_push(p, defaults, nd->value);
        }
    }
}

// CPython's _PyPegen_make_arguments.
static Arguments *make_arguments(Parser *p, Vec *slash_plain, Vec *slash_with, Vec *plain,
                                 Vec *with, StarEtc *star) {
    Arguments *a = ast_new_aux(p->arena, AST_ARGUMENTS, sizeof(Arguments));
    Vec posonly = {0}, args = {0}, defaults = {0}, kwonly = {0}, kwdefaults = {0};
    for (int i = 0; slash_plain && i < slash_plain->len; i++) {
        parse_vec_push(p, &posonly, slash_plain->items[i]);
    }
    add_named(p, &posonly, &defaults, slash_with);
    for (int i = 0; plain && i < plain->len; i++) {
        parse_vec_push(p, &args, plain->items[i]);
    }
    add_named(p, &args, &defaults, with);
    if (star) {
        a->vararg = star->vararg;
        a->kwarg = star->kwarg;
        add_named(p, &kwonly, &kwdefaults, star->kwonly);
    }
    a->posonlyargs = args_of(p, &posonly);
    a->args = args_of(p, &args);
    a->kwonlyargs = args_of(p, &kwonly);
    a->defaults = parse_exprs(p, &defaults);
    a->kw_defaults = parse_exprs(p, &kwdefaults);
    return a;
}

Arguments *parse_empty_arguments(Parser *p) {
    return make_arguments(p, NULL, NULL, NULL, NULL, NULL);
}

// [star_etc] into *star; false after an error.
static bool opt_star_etc(Parser *p, bool lambda, StarEtc **star) {
    int mark = p->mark;
    if (!(*star = star_etc(p, lambda))) {
        p->mark = mark;
    }
    return !p->error;
}

// parameters:
//     | slash_no_default param_no_default* param_with_default* [star_etc]
//     | slash_with_default param_with_default* [star_etc]
//     | param_no_default+ param_with_default* [star_etc]
//     | param_with_default+ [star_etc]
//     | star_etc
static Arguments *parameters(Parser *p, bool lambda) {
    ENTER(p);
    int start = p->mark;
    Vec *a, *b, *c;
    StarEtc *d;
    if ((a = slash_no_default(p, lambda)) && (b = params_repeat(p, lambda, P_NO_DEFAULT, false)) &&
        (c = params_repeat(p, lambda, P_WITH_DEFAULT, false)) && opt_star_etc(p, lambda, &d)) {
        LEAVE(p, make_arguments(p, a, NULL, b, c, d));
    }
    p->mark = start;
    Vec *plain, *with;
    if (!p->error && slash_with_default(p, lambda, &plain, &with) &&
        (b = params_repeat(p, lambda, P_WITH_DEFAULT, false)) && opt_star_etc(p, lambda, &d)) {
        // slash_with_default: its plain names and named defaults are posonly
        Arguments *args = make_arguments(p, plain, with, NULL, b, d);
        LEAVE(p, args);
    }
    p->mark = start;
    if (!p->error && (a = params_repeat(p, lambda, P_NO_DEFAULT, true)) &&
        (b = params_repeat(p, lambda, P_WITH_DEFAULT, false)) && opt_star_etc(p, lambda, &d)) {
        LEAVE(p, make_arguments(p, NULL, NULL, a, b, d));
    }
    p->mark = start;
    if (!p->error && (a = params_repeat(p, lambda, P_WITH_DEFAULT, true)) &&
        opt_star_etc(p, lambda, &d)) {
        LEAVE(p, make_arguments(p, NULL, NULL, NULL, a, d));
    }
    p->mark = start;
    if (!p->error && (d = star_etc(p, lambda))) {
        LEAVE(p, make_arguments(p, NULL, NULL, NULL, NULL, d));
    }
    p->mark = start;
    LEAVE(p, NULL);
}

// params: invalid_parameters | parameters
Arguments *parse_params(Parser *p) {
    ENTER(p);
    int start = p->mark;
    if (p->call_invalid_rules) {
        parse_invalid_parameters(p);
        p->mark = start;
    }
    LEAVE(p, p->error ? NULL : parameters(p, false));
}

// lambda_params: invalid_lambda_parameters | lambda_parameters
Arguments *parse_lambda_params(Parser *p) {
    ENTER(p);
    int start = p->mark;
    if (p->call_invalid_rules) {
        parse_invalid_lambda_parameters(p);
        p->mark = start;
    }
    LEAVE(p, p->error ? NULL : parameters(p, true));
}

// ---------------------------------------------------------------------------
// The invalid_ rules of parameters

// invalid_parameters_helper: slash_with_default | param_with_default+
static bool invalid_parameters_helper(Parser *p, bool lambda) {
    int start = p->mark;
    Vec *plain, *with;
    if (slash_with_default(p, lambda, &plain, &with)) {
        return true;
    }
    p->mark = start;
    return !p->error && params_repeat(p, lambda, P_WITH_DEFAULT, true);
}

// (slash_no_default | slash_with_default)
static bool any_slash(Parser *p, bool lambda) {
    int start = p->mark;
    Vec *plain, *with;
    if (slash_no_default(p, lambda)) {
        return true;
    }
    p->mark = start;
    return !p->error && slash_with_default(p, lambda, &plain, &with);
}

// '(' param_no_default+ ','? ')' (lambda: ','.lambda_param+ ','?)
static Token *parenthesized_params(Parser *p, bool lambda, Token **open) {
    if (!(*open = parse_expect(p, TOK_LPAR))) {
        return NULL;
    }
    if (lambda) {
        if (!param(p, true, false)) {
            return NULL;
        }
        for (;;) {
            int mark = p->mark;
            if (!parse_expect(p, TOK_COMMA) || !param(p, true, false)) {
                p->mark = mark;
                break;
            }
        }
    } else if (!params_repeat(p, false, P_NO_DEFAULT, true)) {
        return NULL;
    }
    parse_expect(p, TOK_COMMA);
    return parse_expect(p, TOK_RPAR);
}

// Alternatives of invalid_parameters after the first two.
static void *invalid_slashes(Parser *p, bool lambda, int start) {
    Token *a;
    p->mark = start;
    if ((a = parse_expect(p, TOK_SLASH)) && parse_expect(p, TOK_COMMA)) {
        return parse_raise_token(p, a, "at least one argument must precede /");
    }
    p->mark = start;
    if (any_slash(p, lambda) && params_repeat(p, lambda, P_MAYBE_DEFAULT, false) &&
        (a = parse_expect(p, TOK_SLASH))) {
        return parse_raise_token(p, a, "/ may appear only once");
    }
    p->mark = start;
    if (!any_slash(p, lambda)) {
        p->mark = start;
    }
    if (!p->error && params_repeat(p, lambda, P_MAYBE_DEFAULT, false) &&
        parse_expect(p, TOK_STAR) && (parse_expect(p, TOK_COMMA) || param_no_default(p, lambda)) &&
        params_repeat(p, lambda, P_MAYBE_DEFAULT, false) && (a = parse_expect(p, TOK_SLASH))) {
        return parse_raise_token(p, a, "/ must be ahead of *");
    }
    p->mark = start;
    if (!p->error && params_repeat(p, lambda, P_MAYBE_DEFAULT, true) &&
        parse_expect(p, TOK_SLASH) && (a = parse_expect(p, TOK_STAR))) {
        return parse_raise_token(p, a, "expected comma between / and *");
    }
    return NULL;
}

// invalid_parameters (and invalid_lambda_parameters):
//     | param_no_default* invalid_parameters_helper param_no_default
//     | param_no_default* '(' param_no_default+ ','? ')'
//     | "/" ','
//     | (slash_no_default | slash_with_default) param_maybe_default* '/'
//     | (slash_no_default | slash_with_default)? param_maybe_default* '*'
//       (',' | param_no_default) param_maybe_default* '/'
//     | param_maybe_default+ '/' '*'
static void *invalid_parameters(Parser *p, bool lambda) {
    ENTER(p);
    int start = p->mark;
    Arg *a;
    if (params_repeat(p, lambda, P_NO_DEFAULT, false) && invalid_parameters_helper(p, lambda) &&
        (a = param_no_default(p, lambda))) {
        parse_raise_range(p, a->lineno, a->col_offset, a->end_lineno, a->end_col_offset,
                          "non-default argument follows default argument");
        LEAVE(p, NULL);
    }
    p->mark = start;
    Token *open, *close;
    if (!p->error && params_repeat(p, lambda, P_NO_DEFAULT, false) &&
        (close = parenthesized_params(p, lambda, &open))) {
        parse_raise_range(p, open->lineno, open->col_offset, close->end_lineno,
                          close->end_col_offset,
                          lambda ? "Lambda expression parameters cannot be parenthesized"
                                 : "Function parameters cannot be parenthesized");
        LEAVE(p, NULL);
    }
    if (!p->error) {
        invalid_slashes(p, lambda, start);
    }
    p->mark = start;
    LEAVE(p, NULL);
}

void *parse_invalid_parameters(Parser *p) {
    return invalid_parameters(p, false);
}

void *parse_invalid_lambda_parameters(Parser *p) {
    return invalid_parameters(p, true);
}

// invalid_default: '=' &(')'|',')
void *parse_invalid_default(Parser *p) {
    ENTER(p);
    int start = p->mark;
    Token *a = parse_expect(p, TOK_EQUAL);
    if (a && (parse_check(p, TOK_RPAR) || parse_check(p, TOK_COMMA))) {
        parse_raise_token(p, a, "expected default value expression");
    }
    p->mark = start;
    LEAVE(p, NULL);
}

// invalid_star_etc (and invalid_lambda_star_etc):
//     | '*' (')' | ',' (')' | '**'))       (lambda: ':' for ')')
//     | '*' param '='
//     | '*' (param_no_default | ',') param_maybe_default* '*' (param_no_default | ',')
static void *invalid_star_etc(Parser *p, bool lambda) {
    ENTER(p);
    int start = p->mark;
    TokenKind close = lambda ? TOK_COLON : TOK_RPAR;
    Token *a = parse_expect(p, TOK_STAR), *b;
    if (a &&
        (parse_expect(p, close) || (parse_expect(p, TOK_COMMA) &&
                                    (parse_expect(p, close) || parse_expect(p, TOK_DOUBLESTAR))))) {
        if (lambda) {
            parse_raise_last(p, PARSE_SYNTAX_ERROR, "named arguments must follow bare *");
        } else {
            parse_raise_token(p, a, "named arguments must follow bare *");
        }
        LEAVE(p, NULL);
    }
    p->mark = start;
    if (!p->error && parse_expect(p, TOK_STAR) && param(p, lambda, false) &&
        (b = parse_expect(p, TOK_EQUAL))) {
        parse_raise_token(p, b, "var-positional argument cannot have default value");
        LEAVE(p, NULL);
    }
    p->mark = start;
    if (!p->error && parse_expect(p, TOK_STAR) &&
        (param_no_default(p, lambda) || parse_expect(p, TOK_COMMA)) &&
        params_repeat(p, lambda, P_MAYBE_DEFAULT, false) && (b = parse_expect(p, TOK_STAR)) &&
        (param_no_default(p, lambda) || parse_expect(p, TOK_COMMA))) {
        parse_raise_token(p, b, "* argument may appear only once");
    }
    p->mark = start;
    LEAVE(p, NULL);
}

void *parse_invalid_star_etc(Parser *p) {
    return invalid_star_etc(p, false);
}

void *parse_invalid_lambda_star_etc(Parser *p) {
    return invalid_star_etc(p, true);
}

// invalid_kwds (and invalid_lambda_kwds):
//     | '**' param '='
//     | '**' param ',' param
//     | '**' param ',' ('*'|'**'|'/')
static void *invalid_kwds(Parser *p, bool lambda) {
    ENTER(p);
    int start = p->mark;
    Token *t;
    Arg *a;
    if (!parse_expect(p, TOK_DOUBLESTAR) || !param(p, lambda, false)) {
        p->mark = start;
        LEAVE(p, NULL);
    }
    if ((t = parse_expect(p, TOK_EQUAL))) {
        parse_raise_token(p, t, "var-keyword argument cannot have default value");
        LEAVE(p, NULL);
    }
    if (!p->error && parse_expect(p, TOK_COMMA)) {
        int mark = p->mark;
        if ((a = param(p, lambda, false))) {
            parse_raise_range(p, a->lineno, a->col_offset, a->end_lineno, a->end_col_offset,
                              "arguments cannot follow var-keyword argument");
            LEAVE(p, NULL);
        }
        p->mark = mark;
        TokenKind k = parse_peek(p)->kind;
        if (!p->error && (k == TOK_STAR || k == TOK_DOUBLESTAR || k == TOK_SLASH)) {
            parse_raise_token(p, parse_peek(p), "arguments cannot follow var-keyword argument");
        }
    }
    p->mark = start;
    LEAVE(p, NULL);
}

void *parse_invalid_kwds(Parser *p) {
    return invalid_kwds(p, false);
}

void *parse_invalid_lambda_kwds(Parser *p) {
    return invalid_kwds(p, true);
}

// ---------------------------------------------------------------------------
// Call arguments

// The keyword checks CPython's compiler makes (validate_keywords); the
// first problem in compilation order is reported once the parse succeeds.
static void check_keywords(Parser *p, const KeywordList *kws, const Expr *call) {
    for (int i = 0; i < kws->len; i++) {
        const Keyword *k = kws->items[i];
        const Keyword *bad = NULL;
        if (!k->arg) {
            continue;
        }
        if (strcmp(k->arg, "__debug__") == 0) {
            parse_defer_error(p, call, call->lineno, call->col_offset, call->end_lineno,
                              call->end_col_offset, "cannot assign to __debug__");
            return;
        }
        for (int j = i + 1; !bad && j < kws->len; j++) {
            const Keyword *o = kws->items[j];
            if (o->arg && strcmp(o->arg, k->arg) == 0) {
                bad = o;
            }
        }
        if (bad) {
            parse_defer_error(p, call, bad->lineno, bad->col_offset, bad->end_lineno,
                              bad->end_col_offset, "keyword argument repeated: %s", k->arg);
            return;
        }
    }
}

Expr *parse_call_from(Parser *p, Expr *func, Expr *args, int start) {
    Expr *e = parse_expr_at(p, AST_CALL, start);
    e->v.Call.func = func;
    if (args) {
        e->v.Call.args = args->v.Call.args;
        e->v.Call.keywords = args->v.Call.keywords;
        check_keywords(p, &e->v.Call.keywords, e);
    }
    return e;
}

void parse_check_class_keywords(Parser *p, const Stmt *cls) {
    // The keywords are compiled after the class body: order them at its end.
    Expr pos = {0};
    pos.lineno = pos.end_lineno = cls->end_lineno;
    pos.col_offset = pos.end_col_offset = cls->end_col_offset;
    check_keywords(p, &cls->v.ClassDef.keywords, &pos);
}

static bool is_keyword(const void *item) {
    return *(const AstKind *)item == AST_KEYWORD;
}

// NAME '=' expression as a keyword
static Keyword *named_keyword(Parser *p) {
    int start = p->mark;
    Token *name;
    Expr *value;
    if (!(name = parse_expect(p, TOK_NAME)) || !parse_expect(p, TOK_EQUAL) ||
        !(value = parse_expression(p))) {
        p->mark = start;
        return NULL;
    }
    Keyword *k = parse_aux_at(p, AST_KEYWORD, sizeof(Keyword), start);
    k->arg = parse_ident(p, name);
    k->value = value;
    return k;
}

// kwarg_or_starred: invalid_kwarg | NAME '=' expression | starred_expression
// kwarg_or_double_starred: invalid_kwarg | NAME '=' expression | '**' expression
static void *kwarg_or(Parser *p, bool double_starred) {
    ENTER(p);
    int start = p->mark;
    if (p->call_invalid_rules) {
        parse_invalid_kwarg(p);
        p->mark = start;
    }
    void *r = p->error ? NULL : named_keyword(p);
    if (r || p->error) {
        LEAVE(p, r);
    }
    if (!double_starred) {
        LEAVE(p, parse_starred_expression(p));
    }
    Expr *value;
    if (parse_expect(p, TOK_DOUBLESTAR) && (value = parse_expression(p))) {
        Keyword *k = parse_aux_at(p, AST_KEYWORD, sizeof(Keyword), start);
        k->value = value;
        LEAVE(p, k);
    }
    p->mark = start;
    LEAVE(p, NULL);
}

// ','.kwarg_or_starred+ or ','.kwarg_or_double_starred+
static Vec *kwarg_list(Parser *p, bool double_starred) {
    void *a = kwarg_or(p, double_starred);
    if (!a) {
        return NULL;
    }
    Vec *v = parse_vec_new(p);
    parse_vec_push(p, v, a);
    for (;;) {
        int mark = p->mark;
        if (!parse_expect(p, TOK_COMMA) || !(a = kwarg_or(p, double_starred))) {
            p->mark = mark;
            break;
        }
        parse_vec_push(p, v, a);
    }
    return p->error ? NULL : v;
}

// kwargs:
//     | ','.kwarg_or_starred+ ',' ','.kwarg_or_double_starred+
//     | ','.kwarg_or_starred+
//     | ','.kwarg_or_double_starred+
static Vec *kwargs(Parser *p) {
    ENTER(p);
    int start = p->mark;
    Vec *a = kwarg_list(p, false), *b;
    if (a) {
        int mark = p->mark;
        if (parse_expect(p, TOK_COMMA) && (b = kwarg_list(p, true))) {
            for (int i = 0; i < b->len; i++) {
                parse_vec_push(p, a, b->items[i]);
            }
            LEAVE(p, a);
        }
        p->mark = mark;
        if (!p->error) {
            LEAVE(p, a);
        }
    }
    p->mark = start;
    if (p->error) {
        LEAVE(p, NULL);
    }
    LEAVE(p, kwarg_list(p, true));
}

// starred_expression | (assignment_expression | expression !':=') !'='
static Expr *positional_arg(Parser *p) {
    int start = p->mark;
    Expr *e = parse_starred_expression(p);
    if (e || p->error) {
        return e;
    }
    e = parse_assignment_expression(p);
    if (!e && !p->error) {
        p->mark = start;
        if ((e = parse_expression(p)) && parse_check(p, TOK_COLONEQUAL)) {
            e = NULL;
        }
    }
    if (e && !parse_check(p, TOK_EQUAL)) {
        return e;
    }
    p->mark = start;
    return NULL;
}

// A Call holding args (positional, then the starred ones among kwargs)
// and keywords (CPython's _PyPegen_collect_call_seqs).
static Expr *collect_call(Parser *p, Vec *positional, Vec *kw, int start) {
    Vec args = {0}, keywords = {0};
    for (int i = 0; positional && i < positional->len; i++) {
        parse_vec_push(p, &args, positional->items[i]);
    }
    for (int i = 0; kw && i < kw->len; i++) {
        parse_vec_push(p, is_keyword(kw->items[i]) ? &keywords : &args, kw->items[i]);
    }
    Expr *call = parse_expr_at(p, AST_CALL, start);
    call->v.Call.args = parse_exprs(p, &args);
    call->v.Call.keywords = parse_keywords(p, &keywords);
    return call;
}

// args:
//     | ','.(starred_expression | (assignment_expression | expression !':=') !'=')+
//       [',' kwargs]
//     | kwargs
Expr *parse_args(Parser *p) {
    ENTER(p);
    int start = p->mark;
    Expr *a = positional_arg(p);
    if (a) {
        Vec *pos = parse_vec_new(p), *kw = NULL;
        parse_vec_push(p, pos, a);
        for (;;) {
            int mark = p->mark;
            if (!parse_expect(p, TOK_COMMA) || !(a = positional_arg(p))) {
                p->mark = mark;
                break;
            }
            parse_vec_push(p, pos, a);
        }
        int mark = p->mark;
        if (!p->error && (!parse_expect(p, TOK_COMMA) || !(kw = kwargs(p)))) {
            p->mark = mark;
        }
        LEAVE(p, p->error ? NULL : collect_call(p, pos, kw, start));
    }
    p->mark = start;
    Vec *kw = p->error ? NULL : kwargs(p);
    if (!kw) {
        p->mark = start;
        LEAVE(p, NULL);
    }
    LEAVE(p, collect_call(p, NULL, kw, start));
}

// arguments (memo): args [','] &')' | invalid_arguments
Expr *parse_arguments(Parser *p) {
    ENTER(p);
    void *m;
    if (parse_memo_get(p, MEMO_ARGUMENTS, &m)) {
        LEAVE(p, m);
    }
    int start = p->mark;
    Expr *a = parse_args(p);
    if (a) {
        parse_expect(p, TOK_COMMA);
        if (!parse_check(p, TOK_RPAR)) {
            a = NULL;
        }
    }
    if (!a) {
        p->mark = start;
        if (p->call_invalid_rules && !p->error) {
            parse_invalid_arguments(p);
            p->mark = start;
        }
    }
    if (p->error) {
        a = NULL;
    }
    parse_memo_put(p, start, MEMO_ARGUMENTS, a);
    LEAVE(p, a);
}

// ---------------------------------------------------------------------------
// The invalid_ rules of arguments

// The last expression of a comprehension clause (its last 'if', or iter).
static Expr *last_comprehension_item(const Vec *gens) {
    const Comprehension *c = gens->items[gens->len - 1];
    return c->ifs.len ? c->ifs.items[c->ifs.len - 1] : c->iter;
}

static void *genexp_must_be_parenthesized(Parser *p, const Expr *a, const Vec *gens) {
    const Expr *b = last_comprehension_item(gens);
    return parse_raise_range(p, a->lineno, a->col_offset, b->end_lineno, b->end_col_offset,
                             "Generator expression must be parenthesized");
}

// _PyPegen_arguments_parsing_error
static void *arguments_parsing_error(Parser *p, const Expr *call) {
    bool unpacking = false;
    for (int i = 0; i < call->v.Call.keywords.len; i++) {
        unpacking |= call->v.Call.keywords.items[i]->arg == NULL;
    }
    return parse_raise_last(p, PARSE_SYNTAX_ERROR,
                            unpacking ? "positional argument follows keyword argument unpacking"
                                      : "positional argument follows keyword argument");
}

// args for_if_clauses: a bare generator after other arguments
// (_PyPegen_nonparen_genexp_in_call).
static void *nonparen_genexp_in_call(Parser *p, const Expr *call, const Vec *gens) {
    int len = call->v.Call.args.len;
    if (len <= 1) {
        return NULL;
    }
    return genexp_must_be_parenthesized(p, call->v.Call.args.items[len - 1], gens);
}

// invalid_arguments:
//     | args ',' '*'
//     | expression for_if_clauses ',' [args | expression for_if_clauses]
//     | NAME '=' expression for_if_clauses
//     | args for_if_clauses
//     | args ',' expression for_if_clauses
//     | args ',' args
void *parse_invalid_arguments(Parser *p) {
    ENTER(p);
    int start = p->mark;
    Expr *a, *b;
    Vec *gens;
    Token *t, *eq;
    if ((a = parse_args(p)) && parse_expect(p, TOK_COMMA) && (t = parse_expect(p, TOK_STAR))) {
        // CPython 3.11.7 points at the '*'.
        parse_raise_token(p, t, "iterable argument unpacking follows keyword argument unpacking");
        LEAVE(p, NULL);
    }
    p->mark = start;
    if (!p->error && (a = parse_expression(p)) && (gens = parse_for_if_clauses(p)) &&
        parse_expect(p, TOK_COMMA)) {
        genexp_must_be_parenthesized(p, a, gens);
        LEAVE(p, NULL);
    }
    p->mark = start;
    if (!p->error && (t = parse_expect(p, TOK_NAME)) && (eq = parse_expect(p, TOK_EQUAL)) &&
        parse_expression(p) && parse_for_if_clauses(p)) {
        parse_raise_range(p, t->lineno, t->col_offset, eq->end_lineno, eq->end_col_offset,
                          "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
        LEAVE(p, NULL);
    }
    p->mark = start;
    if (!p->error && (a = parse_args(p)) && (gens = parse_for_if_clauses(p))) {
        nonparen_genexp_in_call(p, a, gens);
        LEAVE(p, NULL);
    }
    p->mark = start;
    if (!p->error && parse_args(p) && parse_expect(p, TOK_COMMA) && (b = parse_expression(p)) &&
        (gens = parse_for_if_clauses(p))) {
        genexp_must_be_parenthesized(p, b, gens);
        LEAVE(p, NULL);
    }
    p->mark = start;
    if (!p->error && (a = parse_args(p)) && parse_expect(p, TOK_COMMA) && parse_args(p)) {
        arguments_parsing_error(p, a);
    }
    p->mark = start;
    LEAVE(p, NULL);
}

// invalid_kwarg:
//     | ('True'|'False'|'None') '='
//     | NAME '=' expression for_if_clauses
//     | !(NAME '=') expression '='
void *parse_invalid_kwarg(Parser *p) {
    ENTER(p);
    int start = p->mark;
    Token *a = parse_peek(p), *b;
    if ((a->kind == TOK_KW_TRUE || a->kind == TOK_KW_FALSE || a->kind == TOK_KW_NONE) &&
        !p->error) {
        p->mark++;
        if ((b = parse_expect(p, TOK_EQUAL))) {
            parse_raise_range(p, a->lineno, a->col_offset, b->end_lineno, b->end_col_offset,
                              "cannot assign to %.*s", a->len, a->start);
            LEAVE(p, NULL);
        }
    }
    p->mark = start;
    if (!p->error && (a = parse_expect(p, TOK_NAME)) && (b = parse_expect(p, TOK_EQUAL)) &&
        parse_expression(p) && parse_for_if_clauses(p)) {
        parse_raise_range(p, a->lineno, a->col_offset, b->end_lineno, b->end_col_offset,
                          "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
        LEAVE(p, NULL);
    }
    p->mark = start;
    Expr *e;
    if (!p->error && !parse_check2(p, TOK_NAME, TOK_EQUAL) && (e = parse_expression(p)) &&
        (b = parse_expect(p, TOK_EQUAL))) {
        parse_raise_range(p, e->lineno, e->col_offset, b->end_lineno, b->end_col_offset,
                          "expression cannot contain assignment, perhaps you meant \"==\"?");
    }
    p->mark = start;
    LEAVE(p, NULL);
}
