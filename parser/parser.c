// The parser's driver and toolbox: token access with CPython's "fill"
// bookkeeping (errors point at the last token the parser looked at), the
// memo, node construction, the error helpers that place errors as CPython's
// RAISE_* macros do, the two passes and the choice between a parser error
// and a tokenizer error (CPython's _PyPegen_run_parser and
// _Pypegen_set_syntax_error), the REPL's completeness test (codeop), and
// the SyntaxError printer. The grammar itself is in the parse_*.c files.
#include "parser/parser.h"
#include "parser/internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// A rule's result at a token, and whether the invalid_ rules were on when
// it was found.
struct Memo {
    Memo *next;
    int type;
    bool invalid_rules;
    int end_mark;
    void *node;
};

// ---------------------------------------------------------------------------
// Nesting, tokens and memo

static void raise_lexer_error(Parser *p);

bool parse_enter(Parser *p) {
    if (p->error) {
        return true;
    }
    if (++p->level > PARSE_MAX_LEVEL) {
        p->error = true;
        p->err->kind = PARSE_MEMORY_ERROR;
        p->err->msg[0] = 0;
        return true;
    }
    return false;
}

void parse_leave(Parser *p) {
    p->level--;
}

Token *parse_peek(Parser *p) {
    if (p->mark >= p->ntokens) {
        p->mark = p->ntokens - 1;
    }
    if (p->mark >= p->fill) {
        p->fill = p->mark + 1;
        if (p->tokens[p->mark].kind == TOK_ERRORTOKEN) {
            raise_lexer_error(p);
        }
    }
    return &p->tokens[p->mark];
}

Token *parse_expect(Parser *p, TokenKind kind) {
    if (p->error) {
        return NULL;
    }
    Token *t = parse_peek(p);
    if (t->kind != kind || p->error) {
        return NULL;
    }
    p->mark++;
    return t;
}

bool parse_check(Parser *p, TokenKind kind) {
    return !p->error && parse_peek(p)->kind == kind && !p->error;
}

bool parse_check2(Parser *p, TokenKind kind, TokenKind kind2) {
    int mark = p->mark;
    bool ok = parse_expect(p, kind) && parse_check(p, kind2);
    p->mark = mark;
    return ok;
}

Token *parse_expect_forced(Parser *p, TokenKind kind, const char *text) {
    if (p->error) {
        return NULL;
    }
    Token *t = parse_peek(p);
    if (p->error) {
        return NULL;
    }
    if (t->kind != kind) {
        return parse_raise_token(p, t, "expected '%s'", text);
    }
    p->mark++;
    return t;
}

const char *parse_ident(Parser *p, const Token *t) {
    return arena_strndup(p->arena, t->start, (size_t)t->len);
}

Expr *parse_name(Parser *p) {
    int start = p->mark;
    Token *t = parse_expect(p, TOK_NAME);
    if (!t) {
        return NULL;
    }
    Expr *e = parse_expr_at(p, AST_NAME, start);
    e->v.Name.id = parse_ident(p, t);
    e->v.Name.ctx = AST_LOAD;
    return e;
}

Token *parse_last_token(Parser *p) {
    Token *t = &p->tokens[0];
    for (int m = p->mark - 1; m >= 0; m--) {
        t = &p->tokens[m];
        TokenKind k = t->kind;
        if (k != TOK_ENDMARKER && k != TOK_NEWLINE && k != TOK_INDENT && k != TOK_DEDENT) {
            break;
        }
    }
    return t;
}

// CPython 3.11 reports errors that a plain reuse of results found inside
// expression_without_invalid would hide: in "x = y {a b}" the comma hint
// inside the braces, while "f f(a b)" stays plain invalid syntax. Matching
// every case seen: once the invalid_ rules are on, a result found with them
// off counts only if it is the success of a left-recursive rule.
static bool memo_usable(const Parser *p, const Memo *m) {
    if (m->invalid_rules || !p->call_invalid_rules) {
        return true;
    }
    bool left_recursive = m->type == MEMO_BITWISE_OR || m->type == MEMO_PRIMARY ||
                          m->type == MEMO_T_PRIMARY || m->type == MEMO_DOTTED_NAME;
    return left_recursive && m->node;
}

bool parse_memo_get(Parser *p, int type, void **node) {
    if (p->mark >= p->ntokens) {
        return false;
    }
    for (Memo *m = p->memo[p->mark]; m; m = m->next) {
        if (m->type == type && memo_usable(p, m)) {
            *node = m->node;
            p->mark = m->end_mark;
            return true;
        }
    }
    return false;
}

void parse_memo_put(Parser *p, int mark, int type, void *node) {
    if (p->error) {
        return;
    }
    Memo *m = arena_alloc(p->arena, sizeof *m);
    m->type = type;
    m->invalid_rules = p->call_invalid_rules;
    m->node = node;
    m->end_mark = p->mark;
    m->next = p->memo[mark];
    p->memo[mark] = m;
}

// ---------------------------------------------------------------------------
// Sequences and nodes

Vec *parse_vec_new(Parser *p) {
    return arena_alloc(p->arena, sizeof(Vec));
}

void parse_vec_push(Parser *p, Vec *v, void *item) {
    if (v->len == v->cap) {
        int cap = v->cap ? v->cap * 2 : 4;
        void **items = arena_alloc(p->arena, (size_t)cap * sizeof(void *));
        if (v->len) {
            memcpy(items, v->items, (size_t)v->len * sizeof(void *));
        }
        v->items = items;
        v->cap = cap;
    }
    v->items[v->len++] = item;
}

// Typed copies of a Vec (NULL or empty: an empty list).
#define LIST_FROM_VEC(fn, LType, T)                                                                \
    LType fn(Parser *p, const Vec *v) {                                                            \
        LType l = {0, NULL};                                                                       \
        if (v && v->len) {                                                                         \
            l.len = v->len;                                                                        \
            l.items = arena_alloc(p->arena, (size_t)v->len * sizeof(T *));                         \
            for (int i = 0; i < v->len; i++) {                                                     \
                l.items[i] = v->items[i];                                                          \
            }                                                                                      \
        }                                                                                          \
        return l;                                                                                  \
    }
LIST_FROM_VEC(parse_stmts, StmtList, Stmt)
LIST_FROM_VEC(parse_exprs, ExprList, Expr)
LIST_FROM_VEC(parse_keywords, KeywordList, Keyword)
LIST_FROM_VEC(parse_args_list, ArgList, Arg)
LIST_FROM_VEC(parse_aliases, AliasList, Alias)
LIST_FROM_VEC(parse_withitems, WithItemList, WithItem)
LIST_FROM_VEC(parse_comprehensions, ComprehensionList, Comprehension)
LIST_FROM_VEC(parse_handlers, ExceptHandlerList, ExceptHandler)
#undef LIST_FROM_VEC

ExprList parse_expr1(Parser *p, Expr *e) {
    ExprList l = {1, arena_alloc(p->arena, sizeof(Expr *))};
    l.items[0] = e;
    return l;
}

StmtList parse_stmt1(Parser *p, Stmt *s) {
    StmtList l = {1, arena_alloc(p->arena, sizeof(Stmt *))};
    l.items[0] = s;
    return l;
}

// CPython's EXTRA: from the first token of the rule to the last consumed.
#define SET_EXTRA(n, p, start)                                                                     \
    do {                                                                                           \
        const Token *first_ = &(p)->tokens[start];                                                 \
        const Token *last_ = parse_last_token(p);                                                  \
        (n)->lineno = first_->lineno;                                                              \
        (n)->col_offset = first_->col_offset;                                                      \
        (n)->end_lineno = last_->end_lineno;                                                       \
        (n)->end_col_offset = last_->end_col_offset;                                               \
    } while (0)

Expr *parse_expr_at(Parser *p, AstKind kind, int start) {
    Expr *e = ast_new_expr(p->arena, kind);
    SET_EXTRA(e, p, start);
    return e;
}

Stmt *parse_stmt_at(Parser *p, AstKind kind, int start) {
    Stmt *s = ast_new_stmt(p->arena, kind);
    SET_EXTRA(s, p, start);
    return s;
}

void *parse_aux_at(Parser *p, AstKind kind, size_t size, int start) {
    Arg *n = ast_new_aux(p->arena, kind, size); // the position fields are common
    SET_EXTRA(n, p, start);
    return n;
}

void parse_copy_pos(Expr *n, const Expr *e) {
    n->lineno = e->lineno;
    n->col_offset = e->col_offset;
    n->end_lineno = e->end_lineno;
    n->end_col_offset = e->end_col_offset;
}

// ---------------------------------------------------------------------------
// Raising errors

// CPython's _PyPegen_raise_error_known_location: offsets arrive 1-based;
// CURRENT_POS means the tokenizer's cursor.
static void *raise_known(Parser *p, ParseErrorKind kind, int lineno, int offset, int end_lineno,
                         int end_offset, const char *fmt, va_list ap) {
    ParseError *e = p->err;
    if (p->error) {
        return NULL;
    }
    p->error = true;
    const Token *cur = &p->tokens[p->fill > 0 ? p->fill - 1 : 0];
    if (end_lineno == CURRENT_POS) {
        end_lineno = cur->cur_lineno;
    }
    if (end_offset == CURRENT_POS) {
        end_offset = cur->cur_col;
    }
    int n = 0;
    if (p->start == PARSE_START_FSTRING) {
        n = snprintf(e->msg, sizeof e->msg, "f-string: ");
        offset -= p->starting_col_offset;
        end_offset -= p->starting_col_offset;
    }
    vsnprintf(e->msg + n, sizeof e->msg - (size_t)n, fmt, ap);
    e->kind = kind;
    e->lineno = lineno;
    e->offset = offset;
    e->end_lineno = end_lineno;
    e->end_offset = end_offset;
    e->text[0] = 0;
    return NULL;
}

void *parse_raise_at(Parser *p, ParseErrorKind kind, int lineno, int col, int end_lineno,
                     int end_col, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    raise_known(p, kind, lineno, col == CURRENT_POS ? CURRENT_POS : col + 1, end_lineno,
                end_col == CURRENT_POS ? CURRENT_POS : end_col + 1, fmt, ap);
    va_end(ap);
    return NULL;
}

// CPython's RAISE_SYNTAX_ERROR: at the last token fetched; a token without
// a column (INDENT, DEDENT, ENDMARKER) is placed at the cursor.
void *parse_raise_last(Parser *p, ParseErrorKind kind, const char *fmt, ...) {
    const Token *t = &p->tokens[p->fill > 0 ? p->fill - 1 : 0];
    int col = t->col_offset == -1 ? t->cur_col : t->col_offset + 1;
    int end_col = t->end_col_offset != -1 ? t->end_col_offset + 1 : -1;
    va_list ap;
    va_start(ap, fmt);
    raise_known(p, kind, t->lineno, col, t->end_lineno, end_col, fmt, ap);
    va_end(ap);
    return NULL;
}

void *parse_raise_node(Parser *p, const Expr *a, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    raise_known(p, PARSE_SYNTAX_ERROR, a->lineno, a->col_offset + 1, a->end_lineno,
                a->end_col_offset + 1, fmt, ap);
    va_end(ap);
    return NULL;
}

void *parse_raise_range(Parser *p, int l, int c, int el, int ec, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    raise_known(p, PARSE_SYNTAX_ERROR, l, c + 1, el, ec + 1, fmt, ap);
    va_end(ap);
    return NULL;
}

void *parse_raise_token(Parser *p, const Token *t, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    raise_known(p, PARSE_SYNTAX_ERROR, t->lineno, t->col_offset + 1, t->end_lineno,
                t->end_col_offset + 1, fmt, ap);
    va_end(ap);
    return NULL;
}

void *parse_raise_from(Parser *p, const Expr *a, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    raise_known(p, PARSE_SYNTAX_ERROR, a->lineno, a->col_offset + 1, CURRENT_POS, CURRENT_POS, fmt,
                ap);
    va_end(ap);
    return NULL;
}

static ParseErrorKind lex_kind(LexErrorKind k) {
    return k == LEX_INDENTATION_ERROR ? PARSE_INDENTATION_ERROR
           : k == LEX_TAB_ERROR       ? PARSE_TAB_ERROR
                                      : PARSE_SYNTAX_ERROR;
}

// Copies the lexer's error; in an f-string expression its lines count from
// the string's line and its text is the expression's line.
static void set_lexer_error(Parser *p) {
    const LexError *le = &p->lx->err;
    ParseError *e = p->err;
    e->kind = lex_kind(le->kind);
    e->lineno = le->lineno;
    e->offset = le->offset;
    e->end_lineno = le->end_lineno;
    e->end_offset = le->end_offset;
    e->text[0] = 0;
    snprintf(e->msg, sizeof e->msg, "%s", le->msg);
}

static void raise_lexer_error(Parser *p) {
    if (!p->error) {
        p->error = true;
        set_lexer_error(p);
    }
}

// "'(' was never closed" at the innermost open bracket.
static void set_unclosed_error(Parser *p) {
    const LexError *le = &p->lx->err;
    ParseError *e = p->err;
    e->kind = PARSE_SYNTAX_ERROR;
    e->lineno = e->end_lineno = le->open_lineno;
    e->offset = le->open_col + 1;
    e->end_offset = 0;
    e->text[0] = 0;
    snprintf(e->msg, sizeof e->msg, "'%c' was never closed", le->open_bracket);
}

// Orders compile-time errors as CPython's compiler meets them: the node
// that starts first, and at one start the outer one (ending later).
static bool before(const Deferred *d, int l, int c, int el, int ec) {
    if (l != d->lineno) {
        return l < d->lineno;
    }
    if (c != d->col) {
        return c < d->col;
    }
    return el != d->end_lineno ? el > d->end_lineno : ec > d->end_col;
}

void parse_defer_error(Parser *p, const Expr *at, int l, int c, int el, int ec, const char *fmt,
                       ...) {
    Deferred *d = p->deferred;
    if (!d ||
        (d->set && !before(d, at->lineno, at->col_offset, at->end_lineno, at->end_col_offset))) {
        return;
    }
    d->set = true;
    d->lineno = at->lineno;
    d->col = at->col_offset;
    d->end_lineno = at->end_lineno;
    d->end_col = at->end_col_offset;
    memset(&d->err, 0, sizeof d->err);
    d->err.kind = PARSE_SYNTAX_ERROR;
    d->err.lineno = l;
    d->err.offset = c + 1;
    d->err.end_lineno = el;
    d->err.end_offset = ec + 1;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(d->err.msg, sizeof d->err.msg, fmt, ap);
    va_end(ap);
}

// ---------------------------------------------------------------------------
// The passes

static void *run_start_rule(Parser *p) {
    switch (p->start) {
    case PARSE_FILE:
        return parse_file_rule(p);
    case PARSE_EVAL:
        return parse_eval_rule(p);
    case PARSE_INTERACTIVE:
        return parse_interactive_rule(p);
    default:
        return parse_star_expressions(p);
    }
}

// The token the tokenizer produced last: had it read the end of input?
static bool at_end_of_source(const Parser *p) {
    const Token *t = &p->tokens[p->fill > 0 ? p->fill - 1 : 0];
    return t->kind == TOK_ERRORTOKEN ? p->lx->err.at_eof : t->at_eof;
}

// CPython's _PyPegen_tokenize_full_source_to_check_for_errors: after a
// parser error, a tokenizer error further on wins, and so does a bracket
// left open on an earlier line than the error.
static void check_rest_of_source(Parser *p) {
    const LexError *le = &p->lx->err;
    if (le->kind == LEX_OK || p->start == PARSE_INTERACTIVE) {
        return;
    }
    int err_line = p->tokens[p->fill > 0 ? p->fill - 1 : 0].lineno;
    if (!le->via_parser) {
        set_lexer_error(p);
    } else if (le->open_bracket && err_line > le->open_lineno) {
        set_unclosed_error(p);
    }
}

// CPython's _Pypegen_set_syntax_error, after the second pass.
static void set_syntax_error(Parser *p, int last) {
    const Token *t = &p->tokens[last];
    if (p->error) {
        const Token *f = &p->tokens[p->fill - 1];
        bool tok_ok = f->kind != TOK_ERRORTOKEN && !f->at_eof;
        if (tok_ok && p->err->kind != PARSE_MEMORY_ERROR) {
            check_rest_of_source(p);
        }
        return;
    }
    if (t->kind == TOK_INDENT || t->kind == TOK_DEDENT) {
        parse_raise_last(p, PARSE_INDENTATION_ERROR,
                         t->kind == TOK_INDENT ? "unexpected indent" : "unexpected unindent");
        return;
    }
    parse_raise_at(p, PARSE_SYNTAX_ERROR, t->lineno, t->col_offset, t->end_lineno,
                   t->end_col_offset, "invalid syntax");
    check_rest_of_source(p);
}

static void reset_for_second_pass(Parser *p) {
    memset(p->memo, 0, (size_t)p->ntokens * sizeof(Memo *));
    p->mark = 0;
    p->level = 0;
    p->call_invalid_rules = true;
}

// Only blanks and comments after the statement (CPython's
// bad_single_statement).
static bool rest_is_empty(const Parser *p) {
    const char *s = p->lx->buf + p->tokens[p->fill - 1].cur_pos;
    for (;;) {
        while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\f') {
            s++;
        }
        if (!*s) {
            return true;
        }
        if (*s != '#') {
            return false;
        }
        while (*s && *s != '\n') {
            s++;
        }
    }
}

// CPython's _PyPegen_run_parser.
static void *run_parser(Parser *p) {
    void *res = run_start_rule(p);
    if (res) {
        if (p->start == PARSE_INTERACTIVE && !rest_is_empty(p)) {
            return parse_raise_last(p, PARSE_SYNTAX_ERROR,
                                    "multiple statements found while compiling a single "
                                    "statement");
        }
        return res;
    }
    if (p->error && p->err->kind == PARSE_MEMORY_ERROR) {
        return NULL;
    }
    if (p->allow_incomplete && at_end_of_source(p)) {
        p->error = true;
        p->err->kind = PARSE_INCOMPLETE;
        snprintf(p->err->msg, sizeof p->err->msg, "incomplete input");
        return NULL;
    }
    int last = p->fill > 0 ? p->fill - 1 : 0;
    reset_for_second_pass(p);
    run_start_rule(p);
    set_syntax_error(p, last);
    return NULL;
}

// Sets up a parser over lx's tokens.
static void parser_init(Parser *p, Arena *a, Lexer *lx, int start, ParseError *err) {
    memset(p, 0, sizeof *p);
    p->arena = a;
    p->lx = lx;
    p->tokens = lx->tokens;
    p->ntokens = lx->ntokens;
    p->start = start;
    p->err = err;
    p->memo = calloc((size_t)lx->ntokens, sizeof(Memo *));
    if (!p->memo) {
        fputs("cs: out of memory in the parser\n", stderr);
        abort();
    }
}

// ---------------------------------------------------------------------------
// f-string expressions

// Line `line` (1-based) of text, without its newline, into out.
static void copy_line(const char *text, int line, char *out, size_t n) {
    const char *s = text;
    for (int i = 1; i < line && s; i++) {
        s = strchr(s, '\n');
        s = s ? s + 1 : NULL;
    }
    if (!s) {
        out[0] = 0;
        return;
    }
    size_t len = strcspn(s, "\n");
    snprintf(out, n, "%.*s", (int)len, s);
}

// Shifts the sub-lexer's tokens to the string's place: lines count from
// lineno_base, and tokens on the first line move right by starting_col
// (CPython's initialize_token with starting_lineno/starting_col_offset).
static void shift_tokens(Lexer *lx, int lineno_base, int starting_col) {
    for (int i = 0; i < lx->ntokens; i++) {
        Token *t = &lx->tokens[i];
        if (t->cur_lineno == 1) {
            t->col_offset += starting_col;
            t->end_col_offset += starting_col;
        }
        t->lineno += lineno_base;
        t->end_lineno += lineno_base;
        t->cur_lineno += lineno_base;
    }
    if (lx->err.kind != LEX_OK && lx->err.lineno > 0) {
        lx->err.lineno += lineno_base;
        lx->err.end_lineno += lineno_base;
    }
}

Expr *parse_fstring_expr(Parser *parent, const char *text, size_t len, int lineno_base,
                         int starting_col) {
    Lexer lx;
    LexOptions opt = {.filename = parent->filename, .exec_input = true, .no_bom = true};
    ParseError err = {0};
    Parser p;
    lex_tokenize(&lx, text, len, &opt);
    shift_tokens(&lx, lineno_base, starting_col);
    parser_init(&p, parent->arena, &lx, PARSE_START_FSTRING, &err);
    p.filename = parent->filename;
    p.starting_col_offset = starting_col;
    p.deferred = parent->deferred;
    Expr *e = run_parser(&p);
    if (!e) {
        // The error shows the expression's line, not the source line.
        int rel = err.lineno - lineno_base;
        copy_line(lx.buf, rel > 0 ? rel : 1, err.text, sizeof err.text);
        *parent->err = err;
        parent->error = true;
    }
    free(p.memo);
    lex_free(&lx);
    return e;
}

// ---------------------------------------------------------------------------
// Entry points

static Mod *parse_once(Arena *a, const char *src, size_t len, const char *filename, int start,
                       bool allow_incomplete, ParseError *err) {
    Lexer lx;
    LexOptions opt = {.filename = filename,
                      .exec_input = start == PARSE_FILE,
                      .single_input = start == PARSE_INTERACTIVE};
    Parser p;
    Deferred deferred = {0};
    memset(err, 0, sizeof *err);
    lex_tokenize(&lx, src, len, &opt);
    parser_init(&p, a, &lx, start, err);
    p.filename = filename;
    p.allow_incomplete = allow_incomplete;
    p.deferred = &deferred;
    Mod *m = run_parser(&p);
    if (m && deferred.set) {
        *err = deferred.err;
        m = NULL;
    } else if (m) {
        memset(err, 0, sizeof *err);
    }
    free(p.memo);
    lex_free(&lx);
    return m;
}

// Fills the derived fields once the error is final.
static void finish_error(ParseError *err) {
    err->col_offset = err->offset > 0 ? err->offset - 1 : -1;
    err->end_col_offset = err->end_offset > 0 ? err->end_offset - 1 : -1;
}

// Source holding only blank lines and comments (codeop's first test).
static bool only_blank_or_comments(const char *src, size_t len) {
    size_t i = 0;
    while (i < len) {
        while (i < len && (src[i] == ' ' || src[i] == '\t' || src[i] == '\f' || src[i] == '\r')) {
            i++;
        }
        if (i < len && src[i] != '\n' && src[i] != '#') {
            return false;
        }
        while (i < len && src[i] != '\n') {
            i++;
        }
        i++;
    }
    return true;
}

// codeop.compile_command: the statement, or incomplete when it parses once
// a newline is added or stops at the end of input.
static Mod *parse_interactive(Arena *a, const char *src, size_t len, const char *filename,
                              ParseError *err) {
    if (only_blank_or_comments(src, len)) {
        memset(err, 0, sizeof *err);
        return ast_new_mod(a, AST_INTERACTIVE);
    }
    Mod *m = parse_once(a, src, len, filename, PARSE_INTERACTIVE, true, err);
    if (m || err->kind == PARSE_MEMORY_ERROR) {
        return m;
    }
    char *more = malloc(len + 2);
    if (!more) {
        fputs("cs: out of memory in the parser\n", stderr);
        abort();
    }
    memcpy(more, src, len);
    more[len] = '\n';
    m = parse_once(a, more, len + 1, filename, PARSE_INTERACTIVE, true, err);
    free(more);
    if (m || err->kind == PARSE_INCOMPLETE) {
        memset(err, 0, sizeof *err);
        err->kind = PARSE_INCOMPLETE;
        snprintf(err->msg, sizeof err->msg, "incomplete input");
        return NULL;
    }
    return parse_once(a, src, len, filename, PARSE_INTERACTIVE, false, err);
}

Mod *parse_source(Arena *a, const char *src, size_t len, const char *filename, ParseMode mode,
                  ParseError *err) {
    Mod *m;
    if (mode == PARSE_INTERACTIVE) {
        m = parse_interactive(a, src, len, filename, err);
    } else {
        m = parse_once(a, src, len, filename, (int)mode, false, err);
    }
    if (!m) {
        finish_error(err);
    }
    return m;
}

// ---------------------------------------------------------------------------
// Printing errors

const char *parse_error_type_name(ParseErrorKind kind) {
    switch (kind) {
    case PARSE_INDENTATION_ERROR:
        return "IndentationError";
    case PARSE_TAB_ERROR:
        return "TabError";
    case PARSE_MEMORY_ERROR:
        return "MemoryError";
    default:
        return "SyntaxError";
    }
}

const char *parse_error_line(const ParseError *err, const char *source, size_t *len) {
    if (err->text[0]) {
        *len = strlen(err->text);
        return err->text;
    }
    if (!source || err->lineno <= 0) {
        return NULL;
    }
    const char *s = source;
    if (strncmp(s, "\xEF\xBB\xBF", 3) == 0) {
        s += 3;
    }
    for (int line = 1; line < err->lineno; line++) {
        size_t n = strcspn(s, "\r\n");
        if (!s[n]) {
            return NULL;
        }
        s += n + (s[n] == '\r' && s[n + 1] == '\n' ? 2 : 1);
    }
    *len = strcspn(s, "\r\n");
    return s;
}

typedef struct Out {
    char *buf;
    size_t n, len;
} Out;

static void out_printf(Out *o, const char *fmt, ...) {
    char tmp[1];
    va_list ap;
    va_start(ap, fmt);
    size_t room = o->len < o->n ? o->n - o->len : 0;
    int k = vsnprintf(room ? o->buf + o->len : tmp, room ? room : 1, fmt, ap);
    va_end(ap);
    o->len += k > 0 ? (size_t)k : 0;
}

static void out_repeat(Out *o, char c, long count) {
    for (long i = 0; i < count; i++) {
        out_printf(o, "%c", c);
    }
}

// CPython's print_error_text: the line without its indentation, then the
// carets under offset..end_offset (counted as CPython counts them).
static void print_error_text(Out *o, long offset, long end_offset, const char *text, size_t len,
                             bool range) {
    long carets = range && end_offset > 0 && end_offset > offset ? end_offset - offset : 1;
    offset--;
    while (len > 0 && (*text == ' ' || *text == '\t' || *text == '\f')) {
        text++;
        len--;
        offset--;
    }
    if (offset > (long)len) {
        offset = (long)len;
    }
    out_printf(o, "    %.*s\n", (int)len, text);
    if (offset < 0) {
        return;
    }
    out_printf(o, "    ");
    out_repeat(o, ' ', offset);
    out_repeat(o, '^', carets);
    out_printf(o, "\n");
}

size_t parse_error_format(const ParseError *err, const char *filename, const char *source,
                          char *buf, size_t n) {
    Out o = {buf, n, 0};
    if (n) {
        buf[0] = 0;
    }
    if (err->kind == PARSE_MEMORY_ERROR) {
        out_printf(&o, "MemoryError\n");
        return o.len;
    }
    if (err->lineno > 0) {
        size_t len = 0;
        const char *line = parse_error_line(err, source, &len);
        out_printf(&o, "  File \"%s\", line %d\n", filename ? filename : "<string>", err->lineno);
        if (line) {
            long end = err->end_offset;
            if (err->end_lineno > err->lineno) {
                end = (long)len + 1; // CPython: the line's size with its newline
            }
            if (end > (long)len + 2) {
                end = (long)len + 2;
            }
            // Only a plain SyntaxError underlines a range (CPython 3.11).
            print_error_text(&o, err->offset, end, line, len, err->kind == PARSE_SYNTAX_ERROR);
        }
    }
    out_printf(&o, "%s: %s\n", parse_error_type_name(err->kind), err->msg);
    return o.len;
}
