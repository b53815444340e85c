// Shared inside parser/: the Parser state and the helpers the grammar files
// use. The grammar is CPython 3.11's Grammar/python.gram, ported rule by
// rule to C as a backtracking (PEG) parser over the token array:
// parse_stmt.c (statements), parse_expr.c (expressions), parse_args.c
// (parameters and call arguments), parse_target.c (assignment and del
// targets), parse_invalid.c (the "invalid_" rules of the second pass),
// fstring.c (string literals and f-strings); parser.c drives the passes and
// turns failures into CPython's errors.
#ifndef CS_PARSER_INTERNAL_H
#define CS_PARSER_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "lexer/lexer.h"
#include "parser/ast.h"
#include "parser/parser.h"

// Rule nesting beyond this raises MemoryError, as CPython's MAXSTACK does.
#define PARSE_MAX_LEVEL 6000

// Start rules; PARSE_FSTRING parses the expression of an f-string field.
enum { PARSE_START_FSTRING = 100 };

typedef struct Memo Memo;

// A growing array of node pointers in the arena (CPython's asdl_seq).
typedef struct Vec {
    void **items;
    int len;
    int cap;
} Vec;

// An error CPython's compiler would report (it is raised only if the whole
// parse succeeds); the first in compilation order wins.
typedef struct Deferred {
    bool set;
    int lineno, col, end_lineno, end_col; // of the node being compiled
    ParseError err;
} Deferred;

typedef struct Parser {
    Arena *arena;
    Lexer *lx;
    Token *tokens;
    int ntokens;
    int mark;                // next token
    int fill;                // tokens fetched so far; errors point at tokens[fill - 1]
    int level;               // rule nesting
    int start;               // ParseMode or PARSE_START_FSTRING
    bool call_invalid_rules; // second pass
    bool error;              // an error is set: every rule unwinds
    Memo **memo;             // per token
    ParseError *err;
    const char *filename;
    bool allow_incomplete; // PARSE_INTERACTIVE: end of input is not an error
    // f-string expressions: tokens on the expression's first line were
    // shifted right by starting_col_offset; errors are shifted back.
    int starting_col_offset;
    Deferred *deferred;
} Parser;

// Memo slots, one per memoized rule.
enum {
    MEMO_SIMPLE_STMT,
    MEMO_BLOCK,
    MEMO_EXPRESSION,
    MEMO_STAR_EXPRESSION,
    MEMO_DISJUNCTION,
    MEMO_CONJUNCTION,
    MEMO_INVERSION,
    MEMO_BITWISE_OR,
    MEMO_FACTOR,
    MEMO_AWAIT_PRIMARY,
    MEMO_PRIMARY,
    MEMO_T_PRIMARY,
    MEMO_STRINGS,
    MEMO_ARGUMENTS,
    MEMO_STAR_TARGET,
    MEMO_TARGET_WITH_STAR_ATOM,
    MEMO_DEL_TARGET,
    MEMO_INVALID_NAMED_EXPRESSION,
    MEMO_DOTTED_NAME,
    MEMO_COUNT
};

// Every rule function opens with ENTER and leaves through LEAVE, so that
// p->level counts the nesting exactly as CPython's generated parser does.
#define ENTER(p)                                                                                   \
    do {                                                                                           \
        if (parse_enter(p)) {                                                                      \
            return NULL;                                                                           \
        }                                                                                          \
    } while (0)
#define LEAVE(p, value) return (parse_leave(p), (value))

// ---------------------------------------------------------------------------
// parser.c: tokens, memo, nodes, errors

bool parse_enter(Parser *p); // true: an error is set (or set now: too deep)
void parse_leave(Parser *p);

// The token at p->mark, fetching it (a lexer error is raised on fetch).
Token *parse_peek(Parser *p);
// Consumes and returns the next token if it has this kind, else NULL.
Token *parse_expect(Parser *p, TokenKind kind);
// The next token has this kind (consumes nothing).
bool parse_check(Parser *p, TokenKind kind);
// The token after the next has this kind (consumes nothing).
bool parse_check2(Parser *p, TokenKind kind, TokenKind kind2);
// CPython's &&'x': the token must come, else "expected 'x'" at it.
Token *parse_expect_forced(Parser *p, TokenKind kind, const char *text);
// A NAME token as an identifier Name expression (Load).
Expr *parse_name(Parser *p);
// The last consumed token that is not NEWLINE, INDENT, DEDENT or ENDMARKER.
Token *parse_last_token(Parser *p);

bool parse_memo_get(Parser *p, int type, void **node);
void parse_memo_put(Parser *p, int mark, int type, void *node);

void parse_vec_push(Parser *p, Vec *v, void *item);
Vec *parse_vec_new(Parser *p);
StmtList parse_stmts(Parser *p, const Vec *v);
ExprList parse_exprs(Parser *p, const Vec *v);
KeywordList parse_keywords(Parser *p, const Vec *v);
ArgList parse_args_list(Parser *p, const Vec *v);
AliasList parse_aliases(Parser *p, const Vec *v);
WithItemList parse_withitems(Parser *p, const Vec *v);
ComprehensionList parse_comprehensions(Parser *p, const Vec *v);
ExceptHandlerList parse_handlers(Parser *p, const Vec *v);
ExprList parse_expr1(Parser *p, Expr *e);
StmtList parse_stmt1(Parser *p, Stmt *s);

// Nodes spanning tokens[start] to the last consumed token (CPython's EXTRA).
Expr *parse_expr_at(Parser *p, AstKind kind, int start);
Stmt *parse_stmt_at(Parser *p, AstKind kind, int start);
void *parse_aux_at(Parser *p, AstKind kind, size_t size, int start);
// An identifier copied into the arena from a NAME token.
const char *parse_ident(Parser *p, const Token *t);
// Copies e's position to n.
void parse_copy_pos(Expr *n, const Expr *e);

// Errors, as CPython's RAISE_* macros place them. Each returns NULL.
#define CURRENT_POS (-5)
void *parse_raise_at(Parser *p, ParseErrorKind kind, int lineno, int col, int end_lineno,
                     int end_col, const char *fmt, ...);
void *parse_raise_last(Parser *p, ParseErrorKind kind, const char *fmt, ...);
void *parse_raise_node(Parser *p, const Expr *a, const char *fmt, ...);
void *parse_raise_range(Parser *p, int l, int c, int el, int ec, const char *fmt, ...);
void *parse_raise_token(Parser *p, const Token *t, const char *fmt, ...);
void *parse_raise_from(Parser *p, const Expr *a, const char *fmt, ...);

// Records a compile-time error found at node `at` (ordering), placed at
// l:c-el:ec (0-based columns).
void parse_defer_error(Parser *p, const Expr *at, int l, int c, int el, int ec, const char *fmt,
                       ...);

// A parser for an f-string expression "(...)" (fstring.c calls it).
Expr *parse_fstring_expr(Parser *parent, const char *text, size_t len, int lineno_base,
                         int starting_col);

// ---------------------------------------------------------------------------
// parse_stmt.c

Mod *parse_file_rule(Parser *p);
Mod *parse_interactive_rule(Parser *p);
Mod *parse_eval_rule(Parser *p);
Vec *parse_block(Parser *p);
Expr *parse_dotted_name(Parser *p);

// ---------------------------------------------------------------------------
// parse_expr.c

Expr *parse_expressions(Parser *p);
Expr *parse_expression(Parser *p);
Expr *parse_expression_without_invalid(Parser *p);
Expr *parse_yield_expr(Parser *p);
Expr *parse_star_expressions(Parser *p);
Expr *parse_star_expression(Parser *p);
Vec *parse_star_named_expressions(Parser *p);
Expr *parse_star_named_expression(Parser *p);
Expr *parse_assignment_expression(Parser *p);
Expr *parse_named_expression(Parser *p);
Expr *parse_disjunction(Parser *p);
Expr *parse_bitwise_or(Parser *p);
Expr *parse_primary(Parser *p);
Expr *parse_atom(Parser *p);
Expr *parse_slices(Parser *p);
Expr *parse_genexp(Parser *p);
Expr *parse_list(Parser *p);
Expr *parse_tuple(Parser *p);
Expr *parse_starred_expression(Parser *p);
Vec *parse_for_if_clauses(Parser *p);
Expr *parse_lambdef(Parser *p);
Expr *parse_strings(Parser *p);
// kvpair: expression ':' expression (key NULL: '**' bitwise_or).
typedef struct KeyValue {
    Expr *key;
    Expr *value;
} KeyValue;
KeyValue *parse_kvpair(Parser *p);
KeyValue *parse_double_starred_kvpair(Parser *p);
bool parse_augassign(Parser *p, AstOperator *op);

// ---------------------------------------------------------------------------
// parse_args.c

Arguments *parse_params(Parser *p);
Arguments *parse_lambda_params(Parser *p);
Arguments *parse_empty_arguments(Parser *p);
// arguments: a Call node holding args and keywords (func unset).
Expr *parse_arguments(Parser *p);
Expr *parse_args(Parser *p);
Expr *parse_call_from(Parser *p, Expr *func, Expr *args, int start);
void *parse_invalid_arguments(Parser *p);
void *parse_invalid_kwarg(Parser *p);
void *parse_invalid_parameters(Parser *p);
void *parse_invalid_default(Parser *p);
void *parse_invalid_star_etc(Parser *p);
void *parse_invalid_kwds(Parser *p);
void *parse_invalid_lambda_parameters(Parser *p);
void *parse_invalid_lambda_star_etc(Parser *p);
void *parse_invalid_lambda_kwds(Parser *p);
// The compiler's keyword checks for a class statement's keywords.
void parse_check_class_keywords(Parser *p, const Stmt *cls);

// ---------------------------------------------------------------------------
// parse_target.c

Expr *parse_star_targets(Parser *p);
Vec *parse_star_targets_list_seq(Parser *p);
Vec *parse_star_targets_tuple_seq(Parser *p);
Expr *parse_star_target(Parser *p);
Expr *parse_single_target(Parser *p);
Expr *parse_single_subscript_attribute_target(Parser *p);
Expr *parse_t_primary(Parser *p);
Vec *parse_del_targets(Parser *p);
// CPython's _PyPegen_set_expr_context: a copy of e with ctx Store or Del.
Expr *parse_set_context(Parser *p, Expr *e, AstContext ctx);
// CPython's _PyPegen_get_expr_name ("literal", "function call", ...).
const char *parse_expr_name(const Expr *e);

typedef enum { TARGETS_STAR, TARGETS_DEL, TARGETS_FOR } TargetsType;
// CPython's RAISE_SYNTAX_ERROR_INVALID_TARGET; NULL either way.
void *parse_raise_invalid_target(Parser *p, TargetsType type, Expr *e);

// ---------------------------------------------------------------------------
// parse_invalid.c (second pass only; each raises or fails without effect)

void *parse_invalid_expression(Parser *p);
void *parse_invalid_legacy_expression(Parser *p);
void *parse_invalid_named_expression(Parser *p);
void *parse_invalid_assignment(Parser *p);
void *parse_invalid_del_stmt(Parser *p);
void *parse_invalid_block(Parser *p);
void *parse_invalid_comprehension(Parser *p);
void *parse_invalid_dict_comprehension(Parser *p);
void *parse_invalid_with_item(Parser *p);
void *parse_invalid_for_target(Parser *p);
void *parse_invalid_group(Parser *p);
void *parse_invalid_import_from_targets(Parser *p);
void *parse_invalid_with_stmt(Parser *p);
void *parse_invalid_with_stmt_indent(Parser *p);
void *parse_invalid_try_stmt(Parser *p);
void *parse_invalid_except_stmt(Parser *p);
void *parse_invalid_finally_stmt(Parser *p);
void *parse_invalid_except_stmt_indent(Parser *p);
void *parse_invalid_if_stmt(Parser *p);
void *parse_invalid_elif_stmt(Parser *p);
void *parse_invalid_else_stmt(Parser *p);
void *parse_invalid_while_stmt(Parser *p);
void *parse_invalid_for_stmt(Parser *p);
void *parse_invalid_def_raw(Parser *p);
void *parse_invalid_class_def_raw(Parser *p);
void *parse_invalid_double_starred_kvpairs(Parser *p);
void *parse_invalid_kvpair(Parser *p);

// ---------------------------------------------------------------------------
// fstring.c

// strings: STRING+ concatenated (CPython's _PyPegen_concatenate_strings).
Expr *parse_concatenate_strings(Parser *p, int first, int last);
// A NUMBER token as a Constant.
Expr *parse_number(Parser *p, const Token *t);

#endif
