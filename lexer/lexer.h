// The lexer: source bytes (UTF-8) to a token array, as CPython 3.11's
// tokenizer cuts them: INDENT/DEDENT from an indentation stack, NEWLINE only
// outside brackets, one STRING token per literal (f-strings included; the
// parser decodes them with lex_decode_str and parser/fstring.c), positions on
// every token. Errors stop the lexer and are kept with the position CPython
// reports; parser/parser.c decides whether they win over a parser error.
// Pure C: no GC objects; the token array and a private copy of the source
// are malloc'ed and live until lex_free.
#ifndef CS_LEXER_LEXER_H
#define CS_LEXER_LEXER_H

#include <stdbool.h>
#include <stddef.h>

typedef enum {
#define TOK(name, text) TOK_##name,
#include "lexer/tokens.def"
#undef TOK
    TOK_COUNT
} TokenKind;

// One token. Columns are 0-based byte offsets in their line; lines are
// 1-based. INDENT, DEDENT and ENDMARKER have no text and col_offset -1, as in
// CPython, where errors at them are placed at the tokenizer's cursor
// (cur_lineno, cur_col).
typedef struct Token {
    TokenKind kind;
    const char *start; // first byte of the text inside Lexer.buf (NULL: none)
    int len;           // bytes of text
    int lineno;
    int col_offset;
    int end_lineno;
    int end_col_offset; // exclusive
    int cur_lineno;     // tokenizer cursor after this token (CPython tok->cur):
    int cur_col;        // its line, its column in that line,
    int cur_pos;        // and its offset in Lexer.buf
    int level;          // bracket depth after this token (CPython tok->level)
    bool at_eof;        // produced after the end of input was read
} Token;

typedef enum {
    LEX_OK,
    LEX_SYNTAX_ERROR,
    LEX_INDENTATION_ERROR,
    LEX_TAB_ERROR,
} LexErrorKind;

// A tokenizer error, placed as CPython's SyntaxError attributes place it:
// offset and end_offset are 1-based and count what CPython counts (code
// points for tokenizer errors); 0 or -1 mean none. lineno 0: no location.
typedef struct LexError {
    LexErrorKind kind;
    int lineno;
    int offset;
    int end_lineno;
    int end_offset;
    bool unclosed;     // end of input inside brackets: "'(' was never closed"
    bool at_eof;       // found at the end of input (incomplete input)
    bool via_parser;   // raised by CPython's parser, not its tokenizer: a
                       // later one does not replace an earlier parser error
    char open_bracket; // innermost bracket still open when lexing stopped
    int open_lineno;   // (0: none), with its line and byte column
    int open_col;
    char msg[256];
} LexError;

typedef struct LexOptions {
    const char *filename; // for the Non-UTF-8 message; NULL: "<string>"
    bool exec_input;      // file input: a missing final newline is supplied
    bool single_input;    // REPL statement: the first end of input is
                          // reported as NEWLINE, then ENDMARKER (CPython)
    bool no_bom;          // do not skip a UTF-8 byte order mark
} LexOptions;

typedef struct Lexer {
    char *buf;  // the normalized source (\r\n and \r made \n), NUL-ended
    size_t len; // bytes in buf
    Token *tokens;
    int ntokens; // the last one is ENDMARKER, or ERRORTOKEN after an error
    int cap;
    LexError err;
} Lexer;

// Tokenizes src[0..len). Returns 0, or -1 when it stopped at an error (in
// lx->err; the tokens before it stay usable). Allocates; aborts on OOM.
int lex_tokenize(Lexer *lx, const char *src, size_t len, const LexOptions *opt);

// Releases what lex_tokenize allocated; the Lexer may be reused.
void lex_free(Lexer *lx);

// The spelling of a token kind ("(" or "name").
const char *lex_token_text(TokenKind kind);

// Decodes the escapes of a str literal body s[0..n) into out (n bytes
// suffice) as UTF-8, like CPython's unicode-escape codec; unknown escapes are
// kept. Returns the length, or -1 with CPython's "(unicode error) ..." message
// in msg.
long lex_decode_str(const char *s, size_t n, char *out, char *msg, size_t msgsize);

// The same for a bytes literal body (ASCII only; checked by the caller).
// Returns the length, or -1 with "(value error) ..." in msg.
long lex_decode_bytes(const char *s, size_t n, char *out, char *msg, size_t msgsize);

// Reads one UTF-8 sequence at s (n > 0 bytes left): returns the code point
// and sets *used, or returns -1 for an invalid sequence.
long lex_utf8_decode(const char *s, size_t n, int *used);

// Writes code point cp as UTF-8 into out (4 bytes suffice); returns bytes.
int lex_utf8_encode(long cp, char *out);

#endif
