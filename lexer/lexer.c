// The tokenizer: a line-at-a-time port of CPython 3.11's Parser/tokenizer.c
// (tok_get), so that tokens, their positions and the tokenizer's errors
// (messages and locations) come out as CPython's do. Escape decoding of
// string bodies is at the end; f-string parts are split in parser/fstring.c
// and the Unicode tables live in lexer/unicode.c.
#include "lexer/lexer.h"
#include "lexer/internal.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_INDENT 100 // CPython's MAXINDENT
#define MAX_LEVEL  200 // CPython's MAXLEVEL: "too many nested parentheses"
#define TAB_SIZE   8
#define CH_EOF     (-1)

// Tokenizer state, mirroring CPython's struct tok_state. The source is read
// one line at a time: lineno and line_start change only when the first
// character of the next line is read, exactly as tok_nextc does.
typedef struct Tok {
    Lexer *lx;
    const LexOptions *opt;
    const char *end;        // end of the normalized source
    const char *cur;        // next character
    const char *inp;        // end of the current line (after its '\n')
    const char *line_start; // first character of the current line
    int lineno;
    bool done;  // end of input was read (CPython E_EOF)
    bool atbol; // at the beginning of a line
    bool failed;
    int indent; // top of indstack
    int indstack[MAX_INDENT];
    int altindstack[MAX_INDENT];
    int pendin; // pending INDENT (> 0) or DEDENT (< 0) tokens
    int level;  // bracket depth
    char parenstack[MAX_LEVEL];
    int parenlinenostack[MAX_LEVEL];
    int parencolstack[MAX_LEVEL];
    const char *start; // first character of the current token
    int first_lineno;  // line where the current string token began
    const char *multi_line_start;
    bool in_string;        // reading a string token's lines
    const char *buf_start; // CPython's tok->buf for file input: the line
                           // where the current multi-line token began
} Tok;

// Token text, indexed by kind.
static const char *const token_texts[TOK_COUNT] = {
#define TOK(name, text) text,
#include "lexer/tokens.def"
#undef TOK
};

const char *lex_token_text(TokenKind kind) {
    return (unsigned)kind < TOK_COUNT ? token_texts[kind] : "?";
}

// Code points in s[0..n), counting a broken sequence byte by byte.
static int count_chars(const char *s, size_t n) {
    int count = 0;
    for (size_t i = 0; i < n; i++) {
        if (((unsigned char)s[i] & 0xC0) != 0x80) {
            count++;
        }
    }
    return count;
}

// ---------------------------------------------------------------------------
// Errors

static void record_error(Tok *t, LexErrorKind kind, int lineno, int offset, int end_offset,
                         const char *fmt, va_list ap) {
    LexError *e = &t->lx->err;
    if (t->failed) {
        return; // the first error stands
    }
    t->failed = true;
    e->kind = kind;
    e->lineno = lineno;
    e->offset = offset;
    e->end_lineno = lineno;
    e->end_offset = end_offset;
    e->at_eof = t->done;
    vsnprintf(e->msg, sizeof e->msg, fmt, ap);
}

// CPython's syntaxerror(): placed after the characters read on this line.
static TokenKind syntax_error(Tok *t, const char *fmt, ...) {
    int col = count_chars(t->line_start, (size_t)(t->cur - t->line_start));
    va_list ap;
    va_start(ap, fmt);
    record_error(t, LEX_SYNTAX_ERROR, t->lineno, col, col, fmt, ap);
    va_end(ap);
    return TOK_ERRORTOKEN;
}

// CPython's syntaxerror_known_range(): explicit 1-based columns.
static TokenKind syntax_error_range(Tok *t, int col, int end_col, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    record_error(t, LEX_SYNTAX_ERROR, t->lineno, col, end_col, fmt, ap);
    va_end(ap);
    return TOK_ERRORTOKEN;
}

// Errors CPython raises from the parser's tokenizer_error(): byte columns.
static TokenKind parser_side_error(Tok *t, LexErrorKind kind, int offset, int end_offset,
                                   const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    record_error(t, kind, t->lineno, offset, end_offset, fmt, ap);
    va_end(ap);
    t->lx->err.via_parser = true;
    return TOK_ERRORTOKEN;
}

// Inconsistent tabs (E_TABSPACE) and too deep (E_TOODEEP): column 0.
static TokenKind indent_error(Tok *t, LexErrorKind kind, const char *msg) {
    t->cur = t->inp;
    return parser_side_error(t, kind, 1, 0, "%s", msg);
}

// The cursor column CPython uses for errors at tokens without a position.
static int cursor_col(const Tok *t) {
    return (int)(t->cur - t->line_start);
}

// ---------------------------------------------------------------------------
// Reading characters

// Loads the next line; on a decoding error records CPython's message for
// files ("Non-UTF-8 code starting with ...") and reports end of input.
static bool next_line(Tok *t) {
    const char *nl = memchr(t->inp, '\n', (size_t)(t->end - t->inp));
    t->line_start = t->inp;
    t->inp = nl ? nl + 1 : t->end;
    t->lineno++;
    if (!t->in_string) {
        t->buf_start = t->line_start;
    }
    for (const char *p = t->line_start; p < t->inp;) {
        int used;
        if (lex_utf8_decode(p, (size_t)(t->inp - p), &used) < 0) {
            const char *file = t->opt->filename ? t->opt->filename : "<string>";
            LexError *e = &t->lx->err;
            t->failed = true;
            e->kind = LEX_SYNTAX_ERROR;
            snprintf(e->msg, sizeof e->msg,
                     "Non-UTF-8 code starting with '\\x%02x' in file %s on line %d, but no "
                     "encoding declared; see https://peps.python.org/pep-0263/ for details",
                     (unsigned char)*p, file, t->lineno);
            return false;
        }
        p += used;
    }
    return true;
}

static int nextc(Tok *t) {
    if (t->failed) {
        return CH_EOF; // nothing after an error (next_line may have moved inp)
    }
    if (t->cur == t->inp) {
        if (t->failed || t->inp == t->end) {
            t->done = true;
            return CH_EOF;
        }
        if (!next_line(t)) {
            t->done = true;
            return CH_EOF;
        }
    }
    return (unsigned char)*t->cur++;
}

static void backup(Tok *t, int c) {
    if (c != CH_EOF) {
        t->cur--;
    }
}

static bool is_ident_start(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 128;
}

static bool is_ident_char(int c) {
    return is_ident_start(c) || (c >= '0' && c <= '9');
}

static bool is_digit(int c) {
    return c >= '0' && c <= '9';
}

static bool is_xdigit(int c) {
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// ---------------------------------------------------------------------------
// Emitting tokens

static void push_token(Lexer *lx, const Token *tok) {
    if (lx->ntokens == lx->cap) {
        lx->cap = lx->cap ? lx->cap * 2 : 256;
        lx->tokens = realloc(lx->tokens, (size_t)lx->cap * sizeof(Token));
        if (!lx->tokens) {
            fputs("cs: out of memory in the lexer\n", stderr);
            abort();
        }
    }
    lx->tokens[lx->ntokens++] = *tok;
}

// Positions as CPython's initialize_token computes them: a string starts
// where its first line started; a missing start or end gives -1.
static void emit(Tok *t, TokenKind kind, const char *start, const char *end) {
    Token tok = {.kind = kind, .start = start, .level = t->level, .at_eof = t->done};
    const char *ls = kind == TOK_STRING ? t->multi_line_start : t->line_start;
    tok.lineno = kind == TOK_STRING ? t->first_lineno : t->lineno;
    tok.col_offset = start && start >= ls ? (int)(start - ls) : -1;
    tok.end_lineno = t->lineno;
    tok.end_col_offset = end && end >= t->line_start ? (int)(end - t->line_start) : -1;
    tok.len = start && end ? (int)(end - start) : 0;
    tok.cur_lineno = t->lineno;
    // A file's tokenizer has emptied its line buffer once the input is
    // read: CPython then places errors at column 0.
    tok.cur_col = t->done && t->opt->exec_input ? 0 : cursor_col(t);
    tok.cur_pos = (int)(t->cur - t->lx->buf);
    push_token(t->lx, &tok);
}

// ---------------------------------------------------------------------------
// Identifiers and keywords

static TokenKind keyword_kind(const char *s, int len) {
    for (int k = TOK_KW_FALSE; k <= TOK_KW_YIELD; k++) {
        const char *kw = token_texts[k];
        if (kw[0] == s[0] && (int)strlen(kw) == len && memcmp(kw, s, (size_t)len) == 0) {
            return (TokenKind)k;
        }
    }
    return TOK_NAME;
}

// CPython's verify_identifier: the first character that cannot be part of
// an identifier is reported, with the cursor just after it.
static bool verify_identifier(Tok *t) {
    const char *p = t->start;
    bool first = true;
    while (p < t->cur) {
        int used;
        long cp = lex_utf8_decode(p, (size_t)(t->cur - p), &used);
        int cls =
            cp < 128 ? (is_digit((int)cp) ? LEX_UC_CONTINUE : LEX_UC_START) : lex_unicode_class(cp);
        if (cls == LEX_UC_START || (!first && cls == LEX_UC_CONTINUE)) {
            p += used;
            first = false;
            continue;
        }
        t->cur = p + used;
        if (cls == LEX_UC_OTHER) {
            syntax_error(t, "invalid non-printable character U+%04lX", cp);
        } else {
            syntax_error(t, "invalid character '%.*s' (U+%04lX)", used, p, cp);
        }
        return false;
    }
    return true;
}

// ---------------------------------------------------------------------------
// Numbers

// True when the next characters spell test and no identifier character
// follows; consumes nothing.
static bool lookahead(Tok *t, const char *test) {
    const char *s = test;
    for (;;) {
        int c = nextc(t);
        bool res = false;
        if (*s == 0) {
            res = !is_ident_char(c);
        } else if (c == *s) {
            s++;
            continue;
        }
        backup(t, c);
        while (s != test) {
            backup(t, *--s);
        }
        return res;
    }
}

// A number directly followed by a name is an error, except before the
// keywords that may follow a number in valid code ("1if x else y"), where
// CPython only warns.
static bool verify_end_of_number(Tok *t, int c, const char *kind) {
    bool r = false;
    if (c == 'a') {
        r = lookahead(t, "nd");
    } else if (c == 'e') {
        r = lookahead(t, "lse");
    } else if (c == 'f') {
        r = lookahead(t, "or");
    } else if (c == 'i') {
        int c2 = nextc(t);
        r = c2 == 'f' || c2 == 'n' || c2 == 's';
        backup(t, c2);
    } else if (c == 'o') {
        r = lookahead(t, "r");
    } else if (c == 'n') {
        r = lookahead(t, "ot");
    }
    // CPython lets a non-ASCII character end a number (it then starts a
    // name or is an invalid character).
    if (!r && c < 128 && is_ident_char(c)) {
        backup(t, c);
        syntax_error(t, "invalid %s literal", kind);
        return false;
    }
    return true;
}

// Digits with single underscores between them; returns the character after
// them, or 0 after an error.
static int decimal_tail(Tok *t) {
    int c;
    for (;;) {
        do {
            c = nextc(t);
        } while (is_digit(c));
        if (c != '_') {
            return c;
        }
        c = nextc(t);
        if (!is_digit(c)) {
            backup(t, c);
            syntax_error(t, "invalid decimal literal");
            return 0;
        }
    }
}

// Hexadecimal, octal or binary digits after the prefix; c is the first
// character after it. Returns the character after the digits or 0.
static int radix_digits(Tok *t, int c, int radix, const char *kind) {
    do {
        if (c == '_') {
            c = nextc(t);
        }
        bool ok = radix == 16 ? is_xdigit(c) : (c >= '0' && c < '0' + radix);
        if (!ok) {
            if (radix != 16 && is_digit(c)) {
                syntax_error(t, "invalid digit '%c' in %s literal", c, kind);
                return 0;
            }
            backup(t, c);
            syntax_error(t, "invalid %s literal", kind);
            return 0;
        }
        do {
            c = nextc(t);
        } while (radix == 16 ? is_xdigit(c) : (c >= '0' && c < '0' + radix));
    } while (c == '_');
    if (radix != 16 && is_digit(c)) {
        syntax_error(t, "invalid digit '%c' in %s literal", c, kind);
        return 0;
    }
    return verify_end_of_number(t, c, kind) ? c : 0;
}

// Fraction, exponent and imaginary suffix; c is the character after the
// integer part, state says where to enter (0: after digits, 1: after '.',
// 2: at 'e', 3: at 'j'). Returns the character after the number or 0.
static int number_tail(Tok *t, int c, int state) {
    if (state == 0 && c == '.') {
        c = nextc(t);
        state = 1;
    }
    if (state == 1 && is_digit(c)) {
        c = decimal_tail(t);
        if (c == 0) {
            return 0;
        }
    }
    if (state <= 2 && (c == 'e' || c == 'E')) {
        int e = c;
        c = nextc(t);
        if (c == '+' || c == '-') {
            c = nextc(t);
            if (!is_digit(c)) {
                backup(t, c);
                syntax_error(t, "invalid decimal literal");
                return 0;
            }
        } else if (!is_digit(c)) {
            backup(t, c);
            if (!verify_end_of_number(t, e, "decimal")) {
                return 0;
            }
            backup(t, e);
            return -2; // "1else": the number ends before the 'e'
        }
        c = decimal_tail(t);
        if (c == 0) {
            return 0;
        }
    }
    if (c == 'j' || c == 'J') {
        c = nextc(t);
        return verify_end_of_number(t, c, "imaginary") ? c : 0;
    }
    return verify_end_of_number(t, c, "decimal") ? c : 0;
}

// "0...": zeros, maybe a float, or the old octal form CPython rejects.
static int zero_number(Tok *t, int c) {
    bool nonzero = false;
    for (;;) {
        if (c == '_') {
            c = nextc(t);
            if (!is_digit(c)) {
                backup(t, c);
                syntax_error(t, "invalid decimal literal");
                return 0;
            }
        }
        if (c != '0') {
            break;
        }
        c = nextc(t);
    }
    const char *zeros_end = t->cur;
    if (is_digit(c)) {
        nonzero = true;
        c = decimal_tail(t);
        if (c == 0) {
            return 0;
        }
    }
    if (c == '.' || c == 'e' || c == 'E' || c == 'j' || c == 'J') {
        return number_tail(t, c, c == '.' ? 0 : 2);
    }
    if (nonzero) {
        backup(t, c);
        syntax_error_range(t, (int)(t->start + 1 - t->line_start), (int)(zeros_end - t->line_start),
                           "leading zeros in decimal integer literals are not permitted; use an "
                           "0o prefix for octal integers");
        return 0;
    }
    return verify_end_of_number(t, c, "decimal") ? c : 0;
}

// A number starting with c (a digit, or '.' already read when fraction).
static TokenKind number(Tok *t, int c, bool fraction) {
    if (fraction) {
        c = number_tail(t, c, 1);
    } else if (c == '0') {
        c = nextc(t);
        if (c == 'x' || c == 'X') {
            c = radix_digits(t, nextc(t), 16, "hexadecimal");
        } else if (c == 'o' || c == 'O') {
            c = radix_digits(t, nextc(t), 8, "octal");
        } else if (c == 'b' || c == 'B') {
            c = radix_digits(t, nextc(t), 2, "binary");
        } else {
            c = zero_number(t, c);
        }
    } else {
        c = decimal_tail(t);
        if (c != 0) {
            c = number_tail(t, c, 0);
        }
    }
    if (c == 0) {
        return TOK_ERRORTOKEN;
    }
    if (c != -2) {
        backup(t, c);
    }
    emit(t, TOK_NUMBER, t->start, t->cur);
    return TOK_NUMBER;
}

// ---------------------------------------------------------------------------
// Strings

// The rest of a string token after its prefix; c is the opening quote.
static TokenKind string(Tok *t, int quote) {
    int quote_size = 1;
    int end_quote_size = 0;
    t->first_lineno = t->lineno;
    t->multi_line_start = t->line_start;
    t->in_string = true;
    int c = nextc(t);
    if (c == quote) {
        c = nextc(t);
        if (c == quote) {
            quote_size = 3;
        } else {
            end_quote_size = 1; // empty string
        }
    }
    if (c != quote) {
        backup(t, c);
    }
    while (end_quote_size != quote_size) {
        c = nextc(t);
        if (c == CH_EOF || (quote_size == 1 && c == '\n')) {
            if (t->failed) {
                return TOK_ERRORTOKEN;
            }
            // Reported at the start of the string, as CPython does.
            int detected = t->lineno;
            bool at_eof = c == CH_EOF;
            t->cur = t->start + 1;
            t->line_start = t->multi_line_start;
            t->lineno = t->first_lineno;
            if (quote_size == 3) {
                syntax_error(t, "unterminated triple-quoted string literal (detected at line %d)",
                             detected);
            } else {
                syntax_error(t, "unterminated string literal (detected at line %d)", detected);
            }
            t->lx->err.at_eof = at_eof;
            return TOK_ERRORTOKEN;
        }
        if (c == quote) {
            end_quote_size += 1;
        } else {
            end_quote_size = 0;
            if (c == '\\') {
                nextc(t); // the escaped character
            }
        }
    }
    t->in_string = false;
    emit(t, TOK_STRING, t->start, t->cur);
    return TOK_STRING;
}

// A name, or a string prefix (any case combination of b, r, u, f that
// CPython accepts) followed by a quote.
static TokenKind name_or_string(Tok *t, int c) {
    bool saw_b = false, saw_r = false, saw_u = false, saw_f = false;
    for (;;) {
        if (!(saw_b || saw_u || saw_f) && (c == 'b' || c == 'B')) {
            saw_b = true;
        } else if (!(saw_b || saw_u || saw_r || saw_f) && (c == 'u' || c == 'U')) {
            saw_u = true;
        } else if (!(saw_r || saw_u) && (c == 'r' || c == 'R')) {
            saw_r = true;
        } else if (!(saw_f || saw_b || saw_u) && (c == 'f' || c == 'F')) {
            saw_f = true;
        } else {
            break;
        }
        c = nextc(t);
        if (c == '"' || c == '\'') {
            return string(t, c);
        }
    }
    bool nonascii = false;
    while (is_ident_char(c)) {
        nonascii |= c >= 128;
        c = nextc(t);
    }
    backup(t, c);
    if (nonascii && !verify_identifier(t)) {
        return TOK_ERRORTOKEN;
    }
    emit(t, keyword_kind(t->start, (int)(t->cur - t->start)), t->start, t->cur);
    return TOK_NAME;
}

// ---------------------------------------------------------------------------
// Operators and brackets

static TokenKind two_chars(int c1, int c2) {
    static const struct {
        char a, b;
        TokenKind kind;
    } ops[] = {
        {'!', '=', TOK_NOTEQUAL},        {'%', '=', TOK_PERCENTEQUAL}, {'&', '=', TOK_AMPEREQUAL},
        {'*', '*', TOK_DOUBLESTAR},      {'*', '=', TOK_STAREQUAL},    {'+', '=', TOK_PLUSEQUAL},
        {'-', '=', TOK_MINEQUAL},        {'-', '>', TOK_RARROW},       {'/', '/', TOK_DOUBLESLASH},
        {'/', '=', TOK_SLASHEQUAL},      {':', '=', TOK_COLONEQUAL},   {'<', '<', TOK_LEFTSHIFT},
        {'<', '=', TOK_LESSEQUAL},       {'<', '>', TOK_NOTEQUAL},     {'=', '=', TOK_EQEQUAL},
        {'>', '=', TOK_GREATEREQUAL},    {'>', '>', TOK_RIGHTSHIFT},   {'@', '=', TOK_ATEQUAL},
        {'^', '=', TOK_CIRCUMFLEXEQUAL}, {'|', '=', TOK_VBAREQUAL},
    };
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++) {
        if (ops[i].a == c1 && ops[i].b == c2) {
            return ops[i].kind;
        }
    }
    return TOK_OP;
}

static TokenKind three_chars(int c1, int c2, int c3) {
    if (c3 != '=' && !(c1 == '.' && c2 == '.' && c3 == '.')) {
        return TOK_OP;
    }
    if (c1 == '*' && c2 == '*') {
        return TOK_DOUBLESTAREQUAL;
    }
    if (c1 == '/' && c2 == '/') {
        return TOK_DOUBLESLASHEQUAL;
    }
    if (c1 == '<' && c2 == '<') {
        return TOK_LEFTSHIFTEQUAL;
    }
    if (c1 == '>' && c2 == '>') {
        return TOK_RIGHTSHIFTEQUAL;
    }
    return c1 == '.' && c2 == '.' ? TOK_ELLIPSIS : TOK_OP;
}

static TokenKind one_char(int c) {
    switch (c) {
    case '(':
        return TOK_LPAR;
    case ')':
        return TOK_RPAR;
    case '[':
        return TOK_LSQB;
    case ']':
        return TOK_RSQB;
    case '{':
        return TOK_LBRACE;
    case '}':
        return TOK_RBRACE;
    case ':':
        return TOK_COLON;
    case ',':
        return TOK_COMMA;
    case ';':
        return TOK_SEMI;
    case '+':
        return TOK_PLUS;
    case '-':
        return TOK_MINUS;
    case '*':
        return TOK_STAR;
    case '/':
        return TOK_SLASH;
    case '|':
        return TOK_VBAR;
    case '&':
        return TOK_AMPER;
    case '<':
        return TOK_LESS;
    case '>':
        return TOK_GREATER;
    case '=':
        return TOK_EQUAL;
    case '.':
        return TOK_DOT;
    case '%':
        return TOK_PERCENT;
    case '~':
        return TOK_TILDE;
    case '^':
        return TOK_CIRCUMFLEX;
    case '@':
        return TOK_AT;
    default:
        return TOK_OP;
    }
}

// Keeps the bracket stack: too deep, unmatched and mismatched closers.
static bool track_bracket(Tok *t, int c) {
    if (c == '(' || c == '[' || c == '{') {
        if (t->level >= MAX_LEVEL) {
            syntax_error(t, "too many nested parentheses");
            return false;
        }
        t->parenstack[t->level] = (char)c;
        t->parenlinenostack[t->level] = t->lineno;
        t->parencolstack[t->level] = (int)(t->start - t->line_start);
        t->level++;
    } else if (c == ')' || c == ']' || c == '}') {
        if (!t->level) {
            syntax_error(t, "unmatched '%c'", c);
            return false;
        }
        t->level--;
        int open = t->parenstack[t->level];
        if ((open == '(' && c == ')') || (open == '[' && c == ']') || (open == '{' && c == '}')) {
            return true;
        }
        if (t->parenlinenostack[t->level] != t->lineno) {
            syntax_error(t,
                         "closing parenthesis '%c' does not match opening parenthesis '%c' on "
                         "line %d",
                         c, open, t->parenlinenostack[t->level]);
        } else {
            syntax_error(t, "closing parenthesis '%c' does not match opening parenthesis '%c'", c,
                         open);
        }
        return false;
    }
    return true;
}

static TokenKind operator(Tok *t, int c) {
    int c2 = nextc(t);
    TokenKind kind = two_chars(c, c2);
    if (kind != TOK_OP) {
        int c3 = nextc(t);
        TokenKind kind3 = three_chars(c, c2, c3);
        if (kind3 != TOK_OP) {
            kind = kind3;
        } else {
            backup(t, c3);
        }
        emit(t, kind, t->start, t->cur);
        return kind;
    }
    backup(t, c2);
    if (!track_bracket(t, c)) {
        return TOK_ERRORTOKEN;
    }
    if (c < 32 || c == 127) {
        return syntax_error(t, "invalid non-printable character U+%04X", c);
    }
    kind = one_char(c);
    emit(t, kind, t->start, t->cur);
    return kind;
}

// ---------------------------------------------------------------------------
// Lines and indentation

// After a backslash: a newline must follow, and input must go on.
static int continuation_line(Tok *t) {
    int c = nextc(t);
    if (c != '\n') {
        // CPython counts from its line buffer, which for a file starts at
        // the first line of a string ending on this line.
        int col = t->opt->exec_input && t->buf_start ? (int)(t->cur - t->buf_start) : cursor_col(t);
        parser_side_error(t, LEX_SYNTAX_ERROR, col, 0,
                          "unexpected character after line continuation character");
        return -1;
    }
    c = nextc(t);
    if (c == CH_EOF) {
        t->cur = t->inp;
        parser_side_error(t, LEX_SYNTAX_ERROR, cursor_col(t), -1, "unexpected EOF while parsing");
        t->lx->err.at_eof = true;
        return -1;
    }
    backup(t, c);
    return c;
}

// A line indented at least as deep as the current block.
static bool indent(Tok *t, int col, int altcol) {
    if (col == t->indstack[t->indent]) {
        if (altcol != t->altindstack[t->indent]) {
            indent_error(t, LEX_TAB_ERROR, "inconsistent use of tabs and spaces in indentation");
            return false;
        }
        return true;
    }
    if (t->indent + 1 >= MAX_INDENT) {
        indent_error(t, LEX_INDENTATION_ERROR, "too many levels of indentation");
        return false;
    }
    if (altcol <= t->altindstack[t->indent]) {
        indent_error(t, LEX_TAB_ERROR, "inconsistent use of tabs and spaces in indentation");
        return false;
    }
    t->pendin++;
    t->indstack[++t->indent] = col;
    t->altindstack[t->indent] = altcol;
    return true;
}

// A line indented less than the current block: one DEDENT per block left;
// the column must match an enclosing block exactly.
static bool dedent(Tok *t, int col, int altcol) {
    while (t->indent > 0 && col < t->indstack[t->indent]) {
        t->pendin--;
        t->indent--;
    }
    if (col != t->indstack[t->indent]) {
        t->cur = t->inp;
        parser_side_error(t, LEX_INDENTATION_ERROR, cursor_col(t), -1,
                          "unindent does not match any outer indentation level");
        return false;
    }
    if (altcol != t->altindstack[t->indent]) {
        indent_error(t, LEX_TAB_ERROR, "inconsistent use of tabs and spaces in indentation");
        return false;
    }
    return true;
}

// Measures the indentation of a new line and queues INDENT/DEDENT tokens.
// Returns false after an error. *blank is set for lines that hold only
// whitespace or a comment.
static bool indentation(Tok *t, bool *blank) {
    int col = 0, altcol = 0, cont_line_col = 0, c;
    for (;;) {
        c = nextc(t);
        if (c == ' ') {
            col++, altcol++;
        } else if (c == '\t') {
            col = (col / TAB_SIZE + 1) * TAB_SIZE;
            altcol = altcol + 1;
        } else if (c == '\f') {
            col = altcol = 0;
        } else if (c == '\\') {
            // The first backslash found decides the indentation.
            cont_line_col = cont_line_col ? cont_line_col : col;
            if (continuation_line(t) == -1) {
                return false;
            }
        } else {
            break;
        }
    }
    backup(t, c);
    *blank = c == '#' || c == '\n';
    if (*blank || t->level != 0) {
        return true;
    }
    if (cont_line_col) {
        col = altcol = cont_line_col;
    }
    return !t->failed &&
           (col >= t->indstack[t->indent] ? indent(t, col, altcol) : dedent(t, col, altcol));
}

// ---------------------------------------------------------------------------
// The token loop

// End of input: ENDMARKER, or an error inside brackets. A REPL statement
// sees one NEWLINE first (CPython's _PyPegen_fill_token does the same).
static TokenKind end_of_input(Tok *t, bool *converted) {
    if (t->failed) {
        return TOK_ERRORTOKEN;
    }
    if (t->level) {
        LexError *e = &t->lx->err;
        int i = t->level - 1;
        t->failed = true;
        e->kind = LEX_SYNTAX_ERROR;
        e->lineno = e->end_lineno = t->parenlinenostack[i];
        e->offset = t->parencolstack[i] + 1;
        e->end_offset = 0;
        e->unclosed = e->at_eof = e->via_parser = true;
        snprintf(e->msg, sizeof e->msg, "'%c' was never closed", t->parenstack[i]);
        return TOK_ERRORTOKEN;
    }
    if (t->opt->single_input && !*converted && t->lx->ntokens > 0) {
        *converted = true;
        emit(t, TOK_NEWLINE, NULL, NULL);
        return TOK_NEWLINE;
    }
    emit(t, TOK_ENDMARKER, NULL, NULL);
    return TOK_ENDMARKER;
}

// After "." : a fraction, "...", or a plain DOT.
static TokenKind dot(Tok *t) {
    int c = nextc(t);
    if (is_digit(c)) {
        return number(t, c, true);
    }
    if (c == '.') {
        int c2 = nextc(t);
        if (c2 == '.') {
            emit(t, TOK_ELLIPSIS, t->start, t->cur);
            return TOK_ELLIPSIS;
        }
        backup(t, c2);
    }
    backup(t, c);
    emit(t, TOK_DOT, t->start, t->cur);
    return TOK_DOT;
}

// One token (CPython's tok_get), appended to the token array.
static TokenKind get_token(Tok *t, bool *converted) {
    int c;
    bool blank;
nextline:
    blank = false;
    t->start = NULL;
    if (t->atbol) {
        t->atbol = false;
        if (!indentation(t, &blank)) {
            return TOK_ERRORTOKEN;
        }
    }
    t->start = t->cur;
    if (t->pendin != 0) {
        TokenKind kind = t->pendin < 0 ? TOK_DEDENT : TOK_INDENT;
        t->pendin += t->pendin < 0 ? 1 : -1;
        emit(t, kind, NULL, NULL);
        return kind;
    }
again:
    do {
        c = nextc(t);
    } while (c == ' ' || c == '\t' || c == '\f');
    t->start = t->cur - (c != CH_EOF);
    if (c == '#') {
        while (c != CH_EOF && c != '\n') {
            c = nextc(t);
        }
    }
    if (c == CH_EOF) {
        return end_of_input(t, converted);
    }
    if (is_ident_start(c)) {
        return name_or_string(t, c);
    }
    if (c == '\n') {
        t->atbol = true;
        if (blank || t->level > 0) {
            goto nextline;
        }
        emit(t, TOK_NEWLINE, t->start, t->cur - 1);
        return TOK_NEWLINE;
    }
    if (c == '.') {
        return dot(t);
    }
    if (is_digit(c)) {
        return number(t, c, false);
    }
    if (c == '"' || c == '\'') {
        return string(t, c);
    }
    if (c == '\\') {
        if (continuation_line(t) == -1) {
            return TOK_ERRORTOKEN;
        }
        goto again;
    }
    return operator(t, c);
}

// Copies the source, dropping a UTF-8 BOM and turning \r\n and \r into \n;
// file input gets a final newline if it lacks one.
static void normalize(Lexer *lx, const char *src, size_t len, const LexOptions *opt) {
    if (!opt->no_bom && len >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0) {
        src += 3;
        len -= 3;
    }
    lx->buf = malloc(len + 2);
    if (!lx->buf) {
        fputs("cs: out of memory in the lexer\n", stderr);
        abort();
    }
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        if (src[i] == '\r') {
            lx->buf[n++] = '\n';
            i += i + 1 < len && src[i + 1] == '\n';
        } else {
            lx->buf[n++] = src[i];
        }
    }
    if (opt->exec_input && (n == 0 || lx->buf[n - 1] != '\n')) {
        lx->buf[n++] = '\n';
    }
    lx->buf[n] = 0;
    lx->len = n;
}

// The ERRORTOKEN that ends the array after an error.
static void emit_error_token(Tok *t) {
    Token tok = {.kind = TOK_ERRORTOKEN, .col_offset = -1, .end_col_offset = -1};
    tok.lineno = tok.end_lineno = tok.cur_lineno = t->lineno;
    tok.cur_col = t->line_start ? cursor_col(t) : 0;
    tok.cur_pos = t->cur ? (int)(t->cur - t->lx->buf) : 0;
    tok.level = t->level;
    tok.at_eof = t->done || t->lx->err.at_eof;
    push_token(t->lx, &tok);
}

int lex_tokenize(Lexer *lx, const char *src, size_t len, const LexOptions *opt) {
    static const LexOptions defaults = {0};
    memset(lx, 0, sizeof *lx);
    opt = opt ? opt : &defaults;
    Tok t = {.lx = lx, .opt = opt, .atbol = true};
    if (memchr(src, 0, len)) {
        lx->err.kind = LEX_SYNTAX_ERROR;
        snprintf(lx->err.msg, sizeof lx->err.msg, "source code string cannot contain null bytes");
        emit_error_token(&t);
        return -1;
    }
    normalize(lx, src, len, opt);
    t.cur = t.inp = t.line_start = lx->buf;
    t.end = lx->buf + lx->len;
    bool converted = false;
    for (;;) {
        TokenKind kind = get_token(&t, &converted);
        if (t.failed) {
            if (t.level > 0) {
                lx->err.open_bracket = t.parenstack[t.level - 1];
                lx->err.open_lineno = t.parenlinenostack[t.level - 1];
                lx->err.open_col = t.parencolstack[t.level - 1];
            }
            emit_error_token(&t);
            return -1;
        }
        if (kind == TOK_ENDMARKER) {
            return 0;
        }
    }
}

void lex_free(Lexer *lx) {
    free(lx->buf);
    free(lx->tokens);
    memset(lx, 0, sizeof *lx);
}
