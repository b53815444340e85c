// Lexer tests (suite "lexer"): token kinds, indentation, strings, numbers,
// positions, escape decoding, and the tokenizer's errors with the messages
// and columns CPython 3.11 reports.
#include <criterion/criterion.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexer/lexer.h"

// The tokens of src (file input) in a compact form: NAME(x), NUMBER(1),
// STRING('a'), NL, > (INDENT), < (DEDENT), $ (ENDMARKER), ERR, and the text
// of operators and keywords. Caller frees.
static char *kinds_opt(const char *src, size_t len, const LexOptions *opt) {
    Lexer lx;
    lex_tokenize(&lx, src, len, opt);
    size_t cap = 64 + len * 8, n = 0;
    char *out = malloc(cap);
    out[0] = 0;
    for (int i = 0; i < lx.ntokens; i++) {
        const Token *t = &lx.tokens[i];
        const char *sep = i ? " " : "";
        switch (t->kind) {
        case TOK_NAME:
        case TOK_NUMBER:
        case TOK_STRING:
        case TOK_OP:
            n += (size_t)snprintf(out + n, cap - n, "%s%s(%.*s)", sep,
                                  t->kind == TOK_NAME     ? "NAME"
                                  : t->kind == TOK_NUMBER ? "NUMBER"
                                  : t->kind == TOK_STRING ? "STRING"
                                                          : "OP",
                                  t->len, t->start);
            break;
        case TOK_NEWLINE:
            n += (size_t)snprintf(out + n, cap - n, "%sNL", sep);
            break;
        case TOK_INDENT:
            n += (size_t)snprintf(out + n, cap - n, "%s>", sep);
            break;
        case TOK_DEDENT:
            n += (size_t)snprintf(out + n, cap - n, "%s<", sep);
            break;
        case TOK_ENDMARKER:
            n += (size_t)snprintf(out + n, cap - n, "%s$", sep);
            break;
        case TOK_ERRORTOKEN:
            n += (size_t)snprintf(out + n, cap - n, "%sERR", sep);
            break;
        default:
            n += (size_t)snprintf(out + n, cap - n, "%s%s", sep, lex_token_text(t->kind));
            break;
        }
    }
    lex_free(&lx);
    return out;
}

static void expect_tokens(const char *src, const char *expected) {
    LexOptions opt = {.exec_input = true};
    char *got = kinds_opt(src, strlen(src), &opt);
    cr_expect_str_eq(got, expected, "source: %s\n   got: %s\nwanted: %s", src, got, expected);
    free(got);
}

// The lexer's error for src as "msg @lineno:offset-end_lineno:end_offset".
static void expect_lex_error(const char *src, size_t len, const char *expected) {
    Lexer lx;
    LexOptions opt = {.exec_input = true, .filename = "x.cs"};
    int rc = lex_tokenize(&lx, src, len, &opt);
    char got[512];
    snprintf(got, sizeof got, "%s @%d:%d-%d:%d", lx.err.msg, lx.err.lineno, lx.err.offset,
             lx.err.end_lineno, lx.err.end_offset);
    cr_expect_eq(rc, -1, "source: %s", src);
    cr_expect_eq(lx.tokens[lx.ntokens - 1].kind, TOK_ERRORTOKEN);
    cr_expect_str_eq(got, expected, "source: %s\n   got: %s\nwanted: %s", src, got, expected);
    lex_free(&lx);
}

static void expect_error(const char *src, const char *expected) {
    expect_lex_error(src, strlen(src), expected);
}

// ---------------------------------------------------------------------------
// Token kinds

Test(lexer, every_operator_and_keyword_is_its_own_token) {
    for (int k = TOK_LPAR; k < TOK_COUNT; k++) {
        const char *text = lex_token_text((TokenKind)k);
        Lexer lx;
        LexOptions opt = {.exec_input = true};
        // a closer alone is an error; give it its opener
        char src[32];
        const char *open = k == TOK_RPAR ? "(" : k == TOK_RSQB ? "[" : k == TOK_RBRACE ? "{" : "";
        const char *close = k == TOK_LPAR ? ")" : k == TOK_LSQB ? "]" : k == TOK_LBRACE ? "}" : "";
        snprintf(src, sizeof src, "%s%s%s", open, text, close);
        cr_assert_eq(lex_tokenize(&lx, src, strlen(src), &opt), 0, "%s", src);
        int at = open[0] ? 1 : 0;
        cr_expect_eq(lx.tokens[at].kind, k, "token %s lexed as %s", text,
                     lex_token_text(lx.tokens[at].kind));
        cr_expect_eq(lx.tokens[at].len, (int)strlen(text));
        lex_free(&lx);
    }
}

Test(lexer, names_keywords_and_soft_keywords) {
    expect_tokens("if x: match = case = _", "if NAME(x) : NAME(match) = NAME(case) = NAME(_) NL $");
    expect_tokens("async await None True False", "async await None True False NL $");
    expect_tokens("ifx _if If", "NAME(ifx) NAME(_if) NAME(If) NL $");
    expect_tokens("caf\xc3\xa9 \xce\xb1\xce\xb2 x\xcc\x81",
                  "NAME(caf\xc3\xa9) NAME(\xce\xb1\xce\xb2) NAME(x\xcc\x81) NL $");
    // U+2081 (subscript one) is not an identifier character
    expect_error("x\xe2\x82\x81 = 1", "invalid character '\xe2\x82\x81' (U+2081) @1:2-1:2");
    expect_error("\xcc\x81x = 1", "invalid character '\xcc\x81' (U+0301) @1:1-1:1");
}

Test(lexer, operators_take_the_longest_match) {
    expect_tokens("a**=b//=c>>=d<<=e...f", "NAME(a) **= NAME(b) //= NAME(c) >>= NAME(d) <<= "
                                           "NAME(e) ... NAME(f) NL $");
    expect_tokens("a->b:=c!=d<>e", "NAME(a) -> NAME(b) := NAME(c) != NAME(d) != NAME(e) NL $");
    expect_tokens("a..b", "NAME(a) . . NAME(b) NL $");
    expect_tokens("a@b@=c", "NAME(a) @ NAME(b) @= NAME(c) NL $");
    expect_tokens("$ ? ! `", "OP($) OP(?) OP(!) OP(`) NL $");
}

// ---------------------------------------------------------------------------
// Lines and indentation

Test(lexer, indent_and_dedent) {
    expect_tokens("if x:\n    y\nz", "if NAME(x) : NL > NAME(y) NL < NAME(z) NL $");
}

Test(lexer, dedent_to_outer) {
    expect_tokens("if a:\n  if b:\n    c\nd\n",
                  "if NAME(a) : NL > if NAME(b) : NL > NAME(c) NL < < NAME(d) NL $");
    expect_tokens("if a:\n  if b:\n    c\n  d\n",
                  "if NAME(a) : NL > if NAME(b) : NL > NAME(c) NL < NAME(d) NL < $");
}

Test(lexer, final_newline_and_dedents_without_trailing_newline) {
    expect_tokens("if a:\n    b", "if NAME(a) : NL > NAME(b) NL < $");
    expect_tokens("x", "NAME(x) NL $");
    expect_tokens("", "$");
}

Test(lexer, blank_and_comment_lines_produce_no_tokens) {
    expect_tokens("\n\n# c\n   \n  # d\nx # e\n\n", "NAME(x) NL $");
    expect_tokens("if a:\n    b\n\n  # odd\n    c\n",
                  "if NAME(a) : NL > NAME(b) NL NAME(c) NL < $");
}

Test(lexer, newlines_inside_brackets_are_ignored) {
    expect_tokens("x = [1,\n  2,\n      3]\ny",
                  "NAME(x) = [ NUMBER(1) , NUMBER(2) , NUMBER(3) ] NL "
                  "NAME(y) NL $");
    expect_tokens("f(\n# c\n)", "NAME(f) ( ) NL $");
}

Test(lexer, backslash_continues_a_line) {
    expect_tokens("x = 1 + \\\n    2", "NAME(x) = NUMBER(1) + NUMBER(2) NL $");
    expect_tokens("if a:\n    x = \\\n1\n    y",
                  "if NAME(a) : NL > NAME(x) = NUMBER(1) NL NAME(y) NL < $");
}

Test(lexer, tabs_indent_to_multiples_of_eight) {
    expect_tokens("if a:\n\tb\n\tc", "if NAME(a) : NL > NAME(b) NL NAME(c) NL < $");
    expect_tokens("if a:\n  \tb\n  \tc", "if NAME(a) : NL > NAME(b) NL NAME(c) NL < $");
    expect_error("if a:\n\tb\n        c",
                 "inconsistent use of tabs and spaces in indentation @3:1-3:0");
    expect_error("if a:\n        b\n\tc",
                 "inconsistent use of tabs and spaces in indentation @3:1-3:0");
    expect_error("if a:\n  b\n\tc", "inconsistent use of tabs and spaces in indentation @3:1-3:0");
}

Test(lexer, form_feed_resets_the_column) {
    expect_tokens("if a:\n    b\n\f    c", "if NAME(a) : NL > NAME(b) NL NAME(c) NL < $");
}

Test(lexer, unindent_must_match_an_outer_level) {
    expect_error("if x:\n  a\n b\n",
                 "unindent does not match any outer indentation level @3:3-3:-1");
}

Test(lexer, too_many_levels_of_indentation) {
    char src[20000];
    size_t n = 0;
    for (int i = 0; i < 101; i++) {
        for (int j = 0; j < i; j++) {
            src[n++] = ' ';
        }
        memcpy(src + n, "if x:\n", 6);
        n += 6;
    }
    src[n] = 0;
    expect_error(src, "too many levels of indentation @101:1-101:0");
}

// ---------------------------------------------------------------------------
// Strings

Test(lexer, every_string_prefix_case_combination) {
    static const char *const prefixes[] = {"",   "r",  "u",  "R",  "U",  "f",  "F",  "b",  "B",
                                           "br", "Br", "bR", "BR", "rb", "rB", "Rb", "RB", "fr",
                                           "Fr", "fR", "FR", "rf", "rF", "Rf", "RF"};
    for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++) {
        for (int q = 0; q < 4; q++) {
            static const char *const quotes[] = {"'", "\"", "'''", "\"\"\""};
            char src[32], want[64];
            snprintf(src, sizeof src, "%s%sx%s", prefixes[i], quotes[q], quotes[q]);
            snprintf(want, sizeof want, "STRING(%s) NL $", src);
            expect_tokens(src, want);
        }
    }
}

Test(lexer, invalid_prefixes_are_a_name_then_a_string) {
    expect_tokens("ur'x'", "NAME(ur) STRING('x') NL $");
    expect_tokens("bf'x'", "NAME(bf) STRING('x') NL $");
    expect_tokens("ub''", "NAME(ub) STRING('') NL $");
    expect_tokens("rr''", "NAME(rr) STRING('') NL $");
}

Test(lexer, strings_with_quotes_and_escapes_inside) {
    expect_tokens("'a\\'b' \"c\\\"d\" 'e\"f' \"g'h\"",
                  "STRING('a\\'b') STRING(\"c\\\"d\") STRING('e\"f') STRING(\"g'h\") NL $");
    expect_tokens("'a\\\nb'", "STRING('a\\\nb') NL $");
    expect_tokens("'''a'b''c'''", "STRING('''a'b''c''') NL $");
    expect_tokens("'''a\\''''", "STRING('''a\\'''') NL $");
}

Test(lexer, triple_quoted_string_spans_lines) {
    Lexer lx;
    LexOptions opt = {.exec_input = true};
    const char *src = "x = '''a\nbc\n  d'''";
    cr_assert_eq(lex_tokenize(&lx, src, strlen(src), &opt), 0);
    const Token *t = &lx.tokens[2];
    cr_expect_eq(t->kind, TOK_STRING);
    cr_expect_eq(t->lineno, 1);
    cr_expect_eq(t->col_offset, 4);
    cr_expect_eq(t->end_lineno, 3);
    cr_expect_eq(t->end_col_offset, 6);
    cr_expect_eq(lx.tokens[3].kind, TOK_NEWLINE);
    cr_expect_eq(lx.tokens[3].lineno, 3);
    lex_free(&lx);
}

Test(lexer, unterminated_strings) {
    expect_error("x = 'abc", "unterminated string literal (detected at line 1) @1:5-1:5");
    expect_error("x = \"abc\ny = 1", "unterminated string literal (detected at line 1) @1:5-1:5");
    expect_error("x = b'abc", "unterminated string literal (detected at line 1) @1:5-1:5");
    expect_error("x = '''abc\n\n", "unterminated triple-quoted string literal (detected at line 2) "
                                   "@1:5-1:5");
    expect_error("x = 1\ny = f\"\"\"\n", "unterminated triple-quoted string literal (detected at "
                                         "line 2) @2:5-2:5");
}

// ---------------------------------------------------------------------------
// Numbers

Test(lexer, number_forms_are_single_tokens) {
    expect_tokens("1_000 0x_FF 0o17 0b1010 123456789012345678901234567890",
                  "NUMBER(1_000) NUMBER(0x_FF) NUMBER(0o17) NUMBER(0b1010) "
                  "NUMBER(123456789012345678901234567890) NL $");
    expect_tokens("1e-3 .5 5. 1_0.5e1_0 0 00 0_0 0.0 1E+5 1j 2.5J 0e5 09.5 00.5",
                  "NUMBER(1e-3) NUMBER(.5) NUMBER(5.) NUMBER(1_0.5e1_0) NUMBER(0) NUMBER(00) "
                  "NUMBER(0_0) NUMBER(0.0) NUMBER(1E+5) NUMBER(1j) NUMBER(2.5J) NUMBER(0e5) "
                  "NUMBER(09.5) NUMBER(00.5) NL $");
    expect_tokens("0XAB 0O7 0B1 0x_a_b",
                  "NUMBER(0XAB) NUMBER(0O7) NUMBER(0B1) NUMBER(0x_a_b) NL $");
}

Test(lexer, number_followed_by_keyword_splits) {
    expect_tokens("1if x else 2", "NUMBER(1) if NAME(x) else NUMBER(2) NL $");
    expect_tokens("1or 0x1for", "NUMBER(1) or NUMBER(0x1f) or NL $");
    expect_tokens("1else", "NUMBER(1) else NL $");
    expect_tokens("1 .real", "NUMBER(1) . NAME(real) NL $");
    expect_error("1.real", "invalid decimal literal @1:2-1:2");
}

Test(lexer, invalid_number_literals) {
    expect_error("x = 1abc", "invalid decimal literal @1:5-1:5");
    expect_error("x = 1_", "invalid decimal literal @1:6-1:6");
    expect_error("x = 1__0", "invalid decimal literal @1:6-1:6");
    expect_error("x = 1e", "invalid decimal literal @1:5-1:5");
    expect_error("x = 1e+", "invalid decimal literal @1:7-1:7");
    expect_error("x = 1._5", "invalid decimal literal @1:6-1:6");
    expect_error("x = 1.__class__", "invalid decimal literal @1:6-1:6");
    expect_error("x = 0x", "invalid hexadecimal literal @1:6-1:6");
    expect_error("x = 0x_", "invalid hexadecimal literal @1:7-1:7");
    expect_error("x = 0xg", "invalid hexadecimal literal @1:6-1:6");
    expect_error("x = 0o8", "invalid digit '8' in octal literal @1:7-1:7");
    expect_error("x = 0o", "invalid octal literal @1:6-1:6");
    expect_error("x = 0b2", "invalid digit '2' in binary literal @1:7-1:7");
    expect_error("x = 0b12", "invalid digit '2' in binary literal @1:8-1:8");
    expect_error("x = 1jx", "invalid imaginary literal @1:6-1:6");
    expect_error("x = 012", "leading zeros in decimal integer literals are not permitted; use an "
                            "0o prefix for octal integers @1:5-1:6");
    expect_error("x = 0_9", "leading zeros in decimal integer literals are not permitted; use an "
                            "0o prefix for octal integers @1:5-1:7");
}

// ---------------------------------------------------------------------------
// Positions and levels

Test(lexer, tokens_carry_lines_and_byte_columns) {
    Lexer lx;
    LexOptions opt = {.exec_input = true};
    const char *src = "if x:\n    y = \"\xc3\xa9\" + z  # c\n";
    cr_assert_eq(lex_tokenize(&lx, src, strlen(src), &opt), 0);
    struct {
        TokenKind kind;
        int l, c, el, ec;
    } want[] = {
        {TOK_KW_IF, 1, 0, 1, 2},      {TOK_NAME, 1, 3, 1, 4},      {TOK_COLON, 1, 4, 1, 5},
        {TOK_NEWLINE, 1, 5, 1, 5},    {TOK_INDENT, 2, -1, 2, -1},  {TOK_NAME, 2, 4, 2, 5},
        {TOK_EQUAL, 2, 6, 2, 7},      {TOK_STRING, 2, 8, 2, 12},   {TOK_PLUS, 2, 13, 2, 14},
        {TOK_NAME, 2, 15, 2, 16},     {TOK_NEWLINE, 2, 18, 2, 21}, {TOK_DEDENT, 2, -1, 2, -1},
        {TOK_ENDMARKER, 2, -1, 2, -1}};
    cr_assert_eq(lx.ntokens, (int)(sizeof want / sizeof want[0]));
    for (int i = 0; i < lx.ntokens; i++) {
        const Token *t = &lx.tokens[i];
        cr_expect_eq(t->kind, want[i].kind, "token %d", i);
        cr_expect_eq(t->lineno, want[i].l, "token %d", i);
        cr_expect_eq(t->col_offset, want[i].c, "token %d", i);
        cr_expect_eq(t->end_lineno, want[i].el, "token %d", i);
        cr_expect_eq(t->end_col_offset, want[i].ec, "token %d", i);
    }
    cr_expect_eq(lx.tokens[4].cur_col, 4); // errors at INDENT use the cursor
    cr_expect(lx.tokens[12].at_eof);
    cr_expect(!lx.tokens[10].at_eof);
    lex_free(&lx);
}

Test(lexer, bracket_levels_are_recorded) {
    Lexer lx;
    LexOptions opt = {.exec_input = true};
    cr_assert_eq(lex_tokenize(&lx, "f([a], b)", 9, &opt), 0);
    int want[] = {0, 1, 2, 2, 1, 1, 1, 0};
    for (int i = 0; i < 8; i++) {
        cr_expect_eq(lx.tokens[i].level, want[i], "token %d", i);
    }
    lex_free(&lx);
}

// ---------------------------------------------------------------------------
// Brackets

Test(lexer, unclosed_bracket_reported_at_the_opener) {
    Lexer lx;
    LexOptions opt = {.exec_input = true};
    cr_assert_eq(lex_tokenize(&lx, "x = [1,\n  (2", 12, &opt), -1);
    cr_expect(lx.err.unclosed);
    cr_expect(lx.err.at_eof);
    cr_expect_str_eq(lx.err.msg, "'(' was never closed");
    cr_expect_eq(lx.err.lineno, 2);
    cr_expect_eq(lx.err.offset, 3);
    cr_expect_eq(lx.err.open_bracket, '(');
    lex_free(&lx);
}

Test(lexer, unmatched_and_mismatched_closers) {
    expect_error("x = 1)", "unmatched ')' @1:6-1:6");
    expect_error("x = }", "unmatched '}' @1:5-1:5");
    expect_error("x = (1]",
                 "closing parenthesis ']' does not match opening parenthesis '(' @1:7-1:7");
    expect_error("x = (1,\n2]", "closing parenthesis ']' does not match opening parenthesis '(' on "
                                "line 1 @2:2-2:2");
}

Test(lexer, too_many_nested_parentheses_at_level_201) {
    char src[300];
    memset(src, '[', 200);
    memset(src + 200, ']', 200 - 100);
    src[300 - 1] = 0;
    Lexer lx;
    LexOptions opt = {.exec_input = true};
    cr_expect_eq(lex_tokenize(&lx, src, 200, &opt), -1);
    cr_expect_str_eq(lx.err.msg, "'[' was never closed"); // 200 levels are allowed
    lex_free(&lx);
    memset(src, '(', 201);
    expect_lex_error(src, 201, "too many nested parentheses @1:201-1:201");
}

// ---------------------------------------------------------------------------
// Other errors

Test(lexer, invalid_characters) {
    expect_error("x = \xe2\x86\x92", "invalid character '\xe2\x86\x92' (U+2192) @1:5-1:5");
    expect_error("x = a\xe2\x86\x92"
                 "b",
                 "invalid character '\xe2\x86\x92' (U+2192) @1:6-1:6");
    expect_error("x = \xe2\x80\x9c"
                 "a\xe2\x80\x9d",
                 "invalid character '\xe2\x80\x9c' (U+201C) @1:5-1:5");
    expect_error("x = a\xc2\xa0"
                 "b",
                 "invalid non-printable character U+00A0 @1:6-1:6");
    expect_error("x = \x01", "invalid non-printable character U+0001 @1:5-1:5");
}

Test(lexer, line_continuation_errors) {
    expect_error("x = 1\\ y", "unexpected character after line continuation character @1:7-1:0");
    expect_error("x = 1 \\", "unexpected EOF while parsing @1:8-1:-1");
}

Test(lexer, null_bytes_and_bad_utf8) {
    expect_lex_error("x\0", 2, "source code string cannot contain null bytes @0:0-0:0");
    expect_error("x = 1\ny = '\xc3('\n",
                 "Non-UTF-8 code starting with '\\xc3' in file x.cs on line 2, but no encoding "
                 "declared; see https://peps.python.org/pep-0263/ for details @0:0-0:0");
    expect_error("[\n\xda\xee\n",
                 "Non-UTF-8 code starting with '\\xda' in file x.cs on line 2, but "
                 "no encoding declared; see https://peps.python.org/pep-0263/ for "
                 "details @0:0-0:0");
}

Test(lexer, crlf_and_cr_become_newlines_and_bom_is_skipped) {
    expect_tokens("\xef\xbb\xbfx\r\ny\rz", "NAME(x) NL NAME(y) NL NAME(z) NL $");
    expect_tokens("s = '''a\r\nb'''", "NAME(s) = STRING('''a\nb''') NL $");
}

Test(lexer, single_input_ends_with_newline_then_endmarker) {
    LexOptions opt = {.single_input = true};
    char *got = kinds_opt("if x:\n  y", 9, &opt);
    cr_expect_str_eq(got, "if NAME(x) : NL > NAME(y) NL $");
    free(got);
    got = kinds_opt("x", 1, &opt);
    cr_expect_str_eq(got, "NAME(x) NL $");
    free(got);
    got = kinds_opt("", 0, &opt);
    cr_expect_str_eq(got, "$");
    free(got);
}

Test(lexer, string_input_gets_no_implicit_newline) {
    LexOptions opt = {0};
    char *got = kinds_opt("1 + 2", 5, &opt);
    cr_expect_str_eq(got, "NUMBER(1) + NUMBER(2) $");
    free(got);
}

// ---------------------------------------------------------------------------
// Escape decoding

static void expect_decoded(const char *body, const char *want, size_t want_len) {
    char out[256], msg[256];
    long n = lex_decode_str(body, strlen(body), out, msg, sizeof msg);
    cr_assert_eq(n, (long)want_len, "body %s: %s", body, n < 0 ? msg : "");
    cr_expect_eq(memcmp(out, want, want_len), 0, "body %s", body);
}

Test(lexer, str_escapes_decode) {
    expect_decoded("\\n\\t\\\\\\'\\\"\\a\\b\\f\\v\\r", "\n\t\\'\"\a\b\f\v\r", 10);
    expect_decoded("\\0\\101\\x41\\u0041\\U00000041", "\0AAAA", 5);
    expect_decoded("\\xe9\\u20ac\\U0001F600", "\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80", 9);
    expect_decoded("\\777", "\xc7\xbf", 2); // octal escapes may pass 0o377 in str
    expect_decoded("a\\\nb", "ab", 2);
    expect_decoded("\\q\\d\\ \\\xc3\xa9", "\\q\\d\\ \\\xc3\xa9", 9); // unknown escapes stay
    expect_decoded("\\N{BULLET}\\N{em dash}\\N{GREEK SMALL LETTER ALPHA}",
                   "\xe2\x80\xa2\xe2\x80\x94\xce\xb1", 8);
    expect_decoded("\\N{SNOWMAN}\\N{NO-BREAK SPACE}", "\xe2\x98\x83\xc2\xa0", 5);
}

static void expect_decode_error(const char *body, bool bytes, const char *want) {
    char out[256], msg[256];
    long n = bytes ? lex_decode_bytes(body, strlen(body), out, msg, sizeof msg)
                   : lex_decode_str(body, strlen(body), out, msg, sizeof msg);
    cr_assert_eq(n, -1, "body %s", body);
    cr_expect_str_eq(msg, want);
}

Test(lexer, str_escape_errors_match_unicode_escape_codec) {
    expect_decode_error("\\xZZ", false,
                        "(unicode error) 'unicodeescape' codec can't decode bytes in position "
                        "0-1: truncated \\xXX escape");
    expect_decode_error("\\u12", false,
                        "(unicode error) 'unicodeescape' codec can't decode bytes in position "
                        "0-3: truncated \\uXXXX escape");
    expect_decode_error("ab\\U0011000", false,
                        "(unicode error) 'unicodeescape' codec can't decode bytes in position "
                        "2-10: truncated \\UXXXXXXXX escape");
    expect_decode_error("\\U00110000", false,
                        "(unicode error) 'unicodeescape' codec can't decode bytes in position "
                        "0-9: illegal Unicode character");
    expect_decode_error("\\N{no such name}", false,
                        "(unicode error) 'unicodeescape' codec can't decode bytes in position "
                        "0-15: unknown Unicode character name");
    expect_decode_error("\\N", false,
                        "(unicode error) 'unicodeescape' codec can't decode bytes in position "
                        "0-1: malformed \\N character escape");
    expect_decode_error("\xc3\xa9\\x", false,
                        "(unicode error) 'unicodeescape' codec can't decode bytes in position "
                        "10-11: truncated \\xXX escape");
}

Test(lexer, bytes_escapes_decode) {
    char out[64], msg[256];
    const char *body = "\\n\\x41\\101\\q\\777\\u0041\\\\";
    long n = lex_decode_bytes(body, strlen(body), out, msg, sizeof msg);
    cr_assert_eq(n, 13);
    cr_expect_eq(memcmp(out, "\nAA\\q\xff\\u0041\\", 13), 0);
    expect_decode_error("ab\\x1", true, "(value error) invalid \\x escape at position 2");
}

Test(lexer, utf8_helpers_round_trip) {
    long cps[] = {0x41, 0xe9, 0x20ac, 0x1F600, 0x10FFFF};
    for (size_t i = 0; i < sizeof cps / sizeof cps[0]; i++) {
        char buf[4];
        int n = lex_utf8_encode(cps[i], buf), used = 0;
        cr_expect_eq(lex_utf8_decode(buf, (size_t)n, &used), cps[i]);
        cr_expect_eq(used, n);
    }
    int used;
    cr_expect_eq(lex_utf8_decode("\xed\xa0\x80", 3, &used), -1); // surrogate
    cr_expect_eq(lex_utf8_decode("\xc0\x80", 2, &used), -1);     // overlong
    cr_expect_eq(lex_utf8_decode("\xe2\x82", 2, &used), -1);     // truncated
}
