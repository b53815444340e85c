// String and number literals: adjacent STRING tokens concatenated into one
// Constant or JoinedStr, f-strings split into literal text and fields, and
// NUMBER tokens turned into Constant values. A port of CPython 3.11's
// Parser/string_parser.c (where an f-string is one token and each field's
// expression is parsed on its own, as "(expr)"), so the trees, positions
// and "f-string: ..." errors match. Escapes are decoded by lexer/strings.c.
#include "parser/internal.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

// ---------------------------------------------------------------------------
// Numbers

// strtod in the C locale's notation whatever the current locale.
static double parse_double(const char *s) {
    const char *point = localeconv()->decimal_point;
    if (point[0] == '.' && point[1] == 0) {
        return strtod(s, NULL);
    }
    char buf[512];
    size_t n = strlen(s);
    if (n + strlen(point) >= sizeof buf) {
        return strtod(s, NULL);
    }
    char *o = buf;
    for (const char *c = s; *c; c++) {
        if (*c == '.') {
            o += strlen(strcpy(o, point));
        } else {
            *o++ = *c;
        }
    }
    *o = 0;
    return strtod(buf, NULL);
}

Expr *parse_number(Parser *p, const Token *t) {
    char *digits = arena_alloc(p->arena, (size_t)t->len + 1);
    size_t n = 0;
    for (int i = 0; i < t->len; i++) {
        if (t->start[i] != '_') {
            digits[n++] = t->start[i];
        }
    }
    digits[n] = 0;
    Expr *e = parse_expr_at(p, AST_CONSTANT, (int)(t - p->tokens));
    AstConstant *c = &e->v.Constant.value;
    char last = digits[n - 1];
    int base = n > 1 && digits[0] == '0' ? (digits[1] | 0x20) : 0;
    if (last == 'j' || last == 'J') {
        digits[n - 1] = 0;
        c->kind = AST_CONST_COMPLEX;
        c->v.f = parse_double(digits);
    } else if (base == 'x' || base == 'o' || base == 'b') {
        c->kind = AST_CONST_INT;
        c->v.i.digits = digits + 2;
        c->v.i.base = base == 'x' ? 16 : base == 'o' ? 8 : 2;
    } else if (strpbrk(digits, ".eE")) {
        c->kind = AST_CONST_FLOAT;
        c->v.f = parse_double(digits);
    } else {
        c->kind = AST_CONST_INT;
        c->v.i.digits = digits;
        c->v.i.base = 10;
    }
    return e;
}

// ---------------------------------------------------------------------------
// Accumulating the pieces of a (possibly f-) string

typedef struct FState {
    bool fmode;      // an f-string was seen: the result is a JoinedStr
    char *last;      // literal text not yet made a Constant
    size_t last_len; // bytes in last
    size_t last_cap;
    bool has_last;
    Vec exprs; // Constant and FormattedValue nodes so far
} FState;

// The tokens of the whole group (first and last) and the one being read.
typedef struct Group {
    const Token *first, *last, *t;
} Group;

static void append_text(Parser *p, FState *st, const char *s, size_t n) {
    if (n == 0) {
        return; // CPython drops empty pieces
    }
    if (st->last_len + n + 1 > st->last_cap) {
        size_t cap = (st->last_len + n + 1) * 2;
        char *buf = arena_alloc(p->arena, cap);
        if (st->last_len) {
            memcpy(buf, st->last, st->last_len);
        }
        st->last = buf;
        st->last_cap = cap;
    }
    memcpy(st->last + st->last_len, s, n);
    st->last_len += n;
    st->last[st->last_len] = 0;
    st->has_last = true;
}

// A str Constant of text spanning first..last (kind "u" after a u prefix).
static Expr *str_node(Parser *p, const char *s, size_t n, const Token *first, const Token *last) {
    Expr *e = ast_new_expr(p->arena, AST_CONSTANT);
    e->lineno = first->lineno;
    e->col_offset = first->col_offset;
    e->end_lineno = last->end_lineno;
    e->end_col_offset = last->end_col_offset;
    e->v.Constant.value.kind = AST_CONST_STR;
    e->v.Constant.value.v.s.data = s ? s : "";
    e->v.Constant.value.v.s.len = n;
    e->v.Constant.kind = first->start[0] == 'u' ? "u" : NULL;
    return e;
}

// Turns the pending literal text into a Constant in the list.
static void flush_text(Parser *p, FState *st, const Token *first, const Token *last) {
    if (st->has_last) {
        parse_vec_push(p, &st->exprs, str_node(p, st->last, st->last_len, first, last));
        st->last = NULL;
        st->last_len = st->last_cap = 0;
        st->has_last = false;
    }
}

// CPython's FstringParser_Finish: a Constant, or a JoinedStr of the pieces.
static Expr *fstate_finish(Parser *p, FState *st, const Token *first, const Token *last) {
    if (!st->fmode) {
        return str_node(p, st->last, st->last_len, first, last);
    }
    flush_text(p, st, first, last);
    Expr *e = ast_new_expr(p->arena, AST_JOINED_STR);
    e->lineno = first->lineno;
    e->col_offset = first->col_offset;
    e->end_lineno = last->end_lineno;
    e->end_col_offset = last->end_col_offset;
    e->v.JoinedStr.values = parse_exprs(p, &st->exprs);
    return e;
}

// Decodes a str literal piece (escapes unless raw) into the state.
static bool add_decoded(Parser *p, FState *st, const char *s, size_t n, bool raw) {
    if (raw) {
        append_text(p, st, s, n);
        return true;
    }
    char msg[256];
    char *out = arena_alloc(p->arena, n + 1);
    long len = lex_decode_str(s, n, out, msg, sizeof msg);
    if (len < 0) {
        parse_raise_last(p, PARSE_SYNTAX_ERROR, "%s", msg);
        return false;
    }
    append_text(p, st, out, (size_t)len);
    return true;
}

// ---------------------------------------------------------------------------
// f-strings

static bool fstring_concat(Parser *p, FState *st, const char **str, const char *end, bool raw,
                           int recurse_lvl, const Group *g);

// Where a field's expression sits in its token, for the positions of its
// nodes (CPython's fstring_find_expr_location, oddities included).
static void expr_location(const Token *t, const char *brace, int *lines, int *cols) {
    const char *parent = t->start, *end = t->start + t->len;
    bool newline_after_brace = true;
    *lines = *cols = 0;
    for (const char *s = brace + 1; s < end && *s != '}' && *s != '\n'; s++) {
        if (*s != ' ' && *s != '\t' && *s != '\f') {
            newline_after_brace = false;
            break;
        }
    }
    if (!newline_after_brace) {
        const char *s = brace;
        while (s > parent && *s != '\n') {
            s--;
        }
        *cols += (int)(brace - s) - (*s == '\n');
    }
    for (const char *s = parent; s < brace; s++) {
        *lines += *s == '\n';
    }
}

// CPython's fstring_compile_expr: the text between the braces parsed as
// "(text)" by a parser of its own.
static Expr *compile_expr(Parser *p, const char *expr_start, const char *expr_end, const Token *t) {
    const char *s = expr_start;
    while (s < expr_end && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\f')) {
        s++;
    }
    if (s == expr_end) {
        if (*expr_end == '!' || *expr_end == ':' || *expr_end == '=') {
            return parse_raise_last(p, PARSE_SYNTAX_ERROR,
                                    "f-string: expression required before '%c'", *expr_end);
        }
        return parse_raise_last(p, PARSE_SYNTAX_ERROR, "f-string: empty expression not allowed");
    }
    size_t len = (size_t)(expr_end - expr_start);
    char *text = arena_alloc(p->arena, len + 3);
    text[0] = '(';
    memcpy(text + 1, expr_start, len);
    text[len + 1] = ')';
    text[len + 2] = 0;
    int lines, cols;
    expr_location(t, expr_start - 1, &lines, &cols);
    // CPython shifts by the token's column only on the token's first line.
    return parse_fstring_expr(p, text, len + 2, t->lineno + lines - 1,
                              lines ? cols : t->col_offset + cols);
}

// The expression part of a field, up to '!', ':', '=' or '}' at depth 0
// (CPython's scan in fstring_find_expr). Returns false after an error.
static bool scan_expr(Parser *p, const char **str, const char *end) {
    char quote = 0, stack[200];
    int string_type = 0, depth = 0;
    for (; *str < end; (*str)++) {
        char ch = **str;
        if (ch == '\\') {
            parse_raise_last(p, PARSE_SYNTAX_ERROR,
                             "f-string expression part cannot include a backslash");
            return false;
        }
        if (quote) {
            if (ch == quote) {
                if (string_type == 3) {
                    if (*str + 2 < end && (*str)[1] == ch && (*str)[2] == ch) {
                        *str += 2;
                        quote = 0;
                    }
                } else {
                    quote = 0;
                }
            }
            continue;
        }
        if (ch == '\'' || ch == '"') {
            string_type = *str + 2 < end && (*str)[1] == ch && (*str)[2] == ch ? 3 : 1;
            *str += string_type == 3 ? 2 : 0;
            quote = ch;
        } else if (ch == '[' || ch == '{' || ch == '(') {
            if (depth >= 200) {
                parse_raise_last(p, PARSE_SYNTAX_ERROR, "f-string: too many nested parenthesis");
                return false;
            }
            stack[depth++] = ch;
        } else if (ch == '#') {
            parse_raise_last(p, PARSE_SYNTAX_ERROR, "f-string expression part cannot include '#'");
            return false;
        } else if (depth == 0 &&
                   (ch == '!' || ch == ':' || ch == '}' || ch == '=' || ch == '>' || ch == '<')) {
            if (*str + 1 < end && (*str)[1] == '=' && ch != ':' && ch != '}') {
                (*str)++; // != == <= >=
                continue;
            }
            if (ch == '>' || ch == '<') {
                continue;
            }
            break;
        } else if (ch == ']' || ch == '}' || ch == ')') {
            if (!depth) {
                parse_raise_last(p, PARSE_SYNTAX_ERROR, "f-string: unmatched '%c'", ch);
                return false;
            }
            char open = stack[--depth];
            if (!((open == '(' && ch == ')') || (open == '[' && ch == ']') ||
                  (open == '{' && ch == '}'))) {
                parse_raise_last(p, PARSE_SYNTAX_ERROR,
                                 "f-string: closing parenthesis '%c' does not match opening "
                                 "parenthesis '%c'",
                                 ch, open);
                return false;
            }
        }
    }
    if (quote) {
        parse_raise_last(p, PARSE_SYNTAX_ERROR, "f-string: unterminated string");
        return false;
    }
    if (depth) {
        parse_raise_last(p, PARSE_SYNTAX_ERROR, "f-string: unmatched '%c'", stack[depth - 1]);
        return false;
    }
    return true;
}

static bool expecting_brace(Parser *p) {
    parse_raise_last(p, PARSE_SYNTAX_ERROR, "f-string: expecting '}'");
    return false;
}

// The parts after the expression: '=', '!' conversion, ':' format spec,
// then '}'. Fills the FormattedValue fields; *self_doc gets the '=' text.
static bool field_tail(Parser *p, FState *st, const char **str, const char *end, bool raw,
                       int recurse_lvl, const Group *g, const char *expr_start, int *conversion,
                       Expr **spec) {
    bool self_doc = false;
    if (**str == '=') {
        (*str)++;
        while (*str < end && (**str == ' ' || **str == '\t' || **str == '\n' || **str == '\r' ||
                              **str == '\f' || **str == '\v')) {
            (*str)++;
        }
        if (*str >= end) {
            return expecting_brace(p);
        }
        append_text(p, st, expr_start, (size_t)(*str - expr_start));
        self_doc = true;
    }
    if (**str == '!') {
        (*str)++;
        if (*str >= end) {
            return expecting_brace(p);
        }
        *conversion = (unsigned char)**str;
        (*str)++;
        if (*conversion != 's' && *conversion != 'r' && *conversion != 'a') {
            parse_raise_last(p, PARSE_SYNTAX_ERROR,
                             "f-string: invalid conversion character: expected 's', 'r', or 'a'");
            return false;
        }
    }
    if (*str < end && **str == ':') {
        (*str)++;
        if (*str >= end) {
            return expecting_brace(p);
        }
        FState sub = {0};
        if (!fstring_concat(p, &sub, str, end, raw, recurse_lvl + 1, g)) {
            return false;
        }
        *spec = fstate_finish(p, &sub, g->t, g->t);
    }
    if (*str >= end || **str != '}') {
        return expecting_brace(p);
    }
    (*str)++;
    if (self_doc && !*spec && *conversion == -1) {
        *conversion = 'r';
    }
    return true;
}

// CPython's fstring_find_expr: one "{...}" field at *str into a
// FormattedValue; any '=' text goes into the state first.
static Expr *find_expr(Parser *p, FState *st, const char **str, const char *end, bool raw,
                       int recurse_lvl, const Group *g) {
    if (recurse_lvl >= 2) {
        return parse_raise_last(p, PARSE_SYNTAX_ERROR, "f-string: expressions nested too deeply");
    }
    (*str)++; // the '{'
    const char *expr_start = *str;
    if (!scan_expr(p, str, end)) {
        return NULL;
    }
    if (*str >= end) {
        expecting_brace(p);
        return NULL;
    }
    Expr *value = compile_expr(p, expr_start, *str, g->t);
    int conversion = -1;
    Expr *spec = NULL;
    if (!value ||
        !field_tail(p, st, str, end, raw, recurse_lvl, g, expr_start, &conversion, &spec)) {
        return NULL;
    }
    Expr *e = ast_new_expr(p->arena, AST_FORMATTED_VALUE);
    e->lineno = g->first->lineno;
    e->col_offset = g->first->col_offset;
    e->end_lineno = g->last->end_lineno;
    e->end_col_offset = g->last->end_col_offset;
    e->v.FormattedValue.value = value;
    e->v.FormattedValue.conversion = conversion;
    e->v.FormattedValue.format_spec = spec;
    return e;
}

// CPython's fstring_find_literal: literal text up to an undoubled '{' (or
// a '}' ending a format spec). Returns 1 when a doubled brace was taken
// and scanning should go on, 0 at the end of the literal, -1 on error.
static int find_literal(Parser *p, FState *st, const char **str, const char *end, bool raw,
                        int recurse_lvl) {
    const char *s = *str, *literal_start = s;
    int result = 0;
    while (s < end) {
        char ch = *s++;
        if (!raw && ch == '\\' && s < end) {
            ch = *s++;
            if (ch == 'N') {
                // "\N{...}" is one escape, not a field; a malformed one is
                // reported by the decoder.
                if (s < end && *s++ == '{') {
                    while (s < end && *s++ != '}') {
                    }
                }
                continue;
            }
        }
        if (ch == '{' || ch == '}') {
            if (recurse_lvl == 0) {
                if (s < end && *s == ch) {
                    *str = s + 1; // a doubled brace: keep one
                    result = 1;
                    goto done;
                }
                if (ch == '}') {
                    *str = s - 1;
                    parse_raise_last(p, PARSE_SYNTAX_ERROR, "f-string: single '}' is not allowed");
                    return -1;
                }
            }
            s--;
            break;
        }
    }
    *str = s;
done:
    if (literal_start != s &&
        !add_decoded(p, st, literal_start, (size_t)(s - literal_start), raw)) {
        return -1;
    }
    return result;
}

// CPython's _PyPegen_FstringParser_ConcatFstring: the literal and field
// pieces of one f-string body (or format spec) into the state.
static bool fstring_concat(Parser *p, FState *st, const char **str, const char *end, bool raw,
                           int recurse_lvl, const Group *g) {
    st->fmode = true;
    for (;;) {
        int r = find_literal(p, st, str, end, raw, recurse_lvl);
        if (r < 0) {
            return false;
        }
        if (r == 1) {
            continue;
        }
        if (*str >= end || **str == '}') {
            break;
        }
        Expr *e = find_expr(p, st, str, end, raw, recurse_lvl, g);
        if (!e) {
            return false;
        }
        flush_text(p, st, g->first, g->last);
        parse_vec_push(p, &st->exprs, e);
    }
    if (recurse_lvl == 0 && *str < end - 1) {
        parse_raise_last(p, PARSE_SYNTAX_ERROR, "f-string: unexpected end of string");
        return false;
    }
    if (recurse_lvl != 0 && (*str >= end || **str != '}')) {
        return expecting_brace(p);
    }
    return true;
}

// ---------------------------------------------------------------------------
// Concatenation

typedef struct Literal {
    bool bytes, raw, fmode;
    const char *body; // between the quotes
    size_t len;
} Literal;

// The prefix and body of a STRING token (CPython's _PyPegen_parsestr).
static Literal split_literal(const Token *t) {
    Literal lit = {0};
    const char *s = t->start;
    for (;; s++) {
        char c = (char)(*s | 0x20);
        if (c == 'b') {
            lit.bytes = true;
        } else if (c == 'r') {
            lit.raw = true;
        } else if (c == 'f') {
            lit.fmode = true;
        } else if (c != 'u') {
            break;
        }
    }
    char quote = *s;
    size_t len = (size_t)(t->start + t->len - s);
    bool triple = len >= 6 && s[1] == quote && s[2] == quote;
    lit.body = s + (triple ? 3 : 1);
    lit.len = len - (triple ? 6 : 2);
    return lit;
}

// A bytes literal body: ASCII only, then escapes unless raw.
static bool add_bytes(Parser *p, Vec *parts, const Token *t, const Literal *lit) {
    for (size_t i = 0; i < lit->len; i++) {
        if ((unsigned char)lit->body[i] >= 0x80) {
            parse_raise_token(p, t, "bytes can only contain ASCII literal characters");
            return false;
        }
    }
    AstConstant *c = arena_alloc(p->arena, sizeof *c);
    char *out = arena_alloc(p->arena, lit->len + 1);
    long len = (long)lit->len;
    if (lit->raw || !memchr(lit->body, '\\', lit->len)) {
        memcpy(out, lit->body, lit->len);
    } else {
        char msg[256];
        len = lex_decode_bytes(lit->body, lit->len, out, msg, sizeof msg);
        if (len < 0) {
            parse_raise_last(p, PARSE_SYNTAX_ERROR, "%s", msg);
            return false;
        }
    }
    c->v.s.data = out;
    c->v.s.len = (size_t)len;
    parse_vec_push(p, parts, c);
    return true;
}

// The bytes pieces joined into one Constant spanning first..last.
static Expr *bytes_node(Parser *p, const Vec *parts, const Token *first, const Token *last) {
    size_t total = 0;
    for (int i = 0; i < parts->len; i++) {
        total += ((AstConstant *)parts->items[i])->v.s.len;
    }
    char *data = arena_alloc(p->arena, total + 1), *o = data;
    for (int i = 0; i < parts->len; i++) {
        const AstConstant *c = parts->items[i];
        memcpy(o, c->v.s.data, c->v.s.len);
        o += c->v.s.len;
    }
    Expr *e = ast_new_expr(p->arena, AST_CONSTANT);
    e->lineno = first->lineno;
    e->col_offset = first->col_offset;
    e->end_lineno = last->end_lineno;
    e->end_col_offset = last->end_col_offset;
    e->v.Constant.value.kind = AST_CONST_BYTES;
    e->v.Constant.value.v.s.data = data;
    e->v.Constant.value.v.s.len = total;
    return e;
}

Expr *parse_concatenate_strings(Parser *p, int first, int last) {
    FState st = {0};
    Vec bytes_parts = {0};
    Group g = {&p->tokens[first], &p->tokens[last], NULL};
    bool bytesmode = false;
    for (int i = first; i <= last; i++) {
        g.t = &p->tokens[i];
        Literal lit = split_literal(g.t);
        if (lit.bytes) {
            if (!add_bytes(p, &bytes_parts, g.t, &lit)) {
                return NULL;
            }
        } else if (!lit.fmode && !add_decoded(p, &st, lit.body, lit.len,
                                              lit.raw || !memchr(lit.body, '\\', lit.len))) {
            return NULL;
        }
        if (i != first && bytesmode != lit.bytes) {
            return parse_raise_last(p, PARSE_SYNTAX_ERROR,
                                    "cannot mix bytes and nonbytes literals");
        }
        bytesmode = lit.bytes;
        if (lit.fmode) {
            const char *s = lit.body;
            if (!fstring_concat(p, &st, &s, lit.body + lit.len, lit.raw, 0, &g)) {
                return NULL;
            }
        }
    }
    if (bytesmode) {
        return bytes_node(p, &bytes_parts, g.first, g.last);
    }
    return fstate_finish(p, &st, g.first, g.last);
}
