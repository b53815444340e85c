// The parser: source text to an AST (parser/ast.h), with CPython 3.11's
// grammar for the cs subset and CPython's syntax errors: the same messages,
// lines and columns, found the way CPython finds them (a first pass, then a
// second pass with the "invalid_" rules for better messages). The front end
// holds no GC objects: compile_source (compiler/) turns a ParseError into a
// SyntaxError, IndentationError or TabError and the tree into code.
#ifndef CS_PARSER_PARSER_H
#define CS_PARSER_PARSER_H

#include <stdbool.h>
#include <stddef.h>

#include "parser/ast.h"

typedef enum {
    PARSE_FILE,        // a module: Module(body)
    PARSE_EVAL,        // one expression: Expression(body)
    PARSE_INTERACTIVE, // one REPL statement: Interactive(body), or
                       // PARSE_INCOMPLETE when more lines are needed
} ParseMode;

typedef enum {
    PARSE_OK,
    PARSE_SYNTAX_ERROR,      // raise SyntaxError
    PARSE_INDENTATION_ERROR, // raise IndentationError
    PARSE_TAB_ERROR,         // raise TabError
    PARSE_INCOMPLETE,        // PARSE_INTERACTIVE: read another line
    PARSE_MEMORY_ERROR,      // nesting too deep for the parser: raise
                             // MemoryError() with no message, as CPython
} ParseErrorKind;

// A syntax error, carrying what CPython 3.11 puts in the SyntaxError it
// raises, so that a cs traceback prints the same lines.
typedef struct ParseError {
    ParseErrorKind kind;
    int lineno;         // 1-based; 0: no location (print only the message)
    int offset;         // SyntaxError.offset: 1-based column as CPython
                        // reports it (UTF-8 bytes, except code points for
                        // tokenizer errors); 0 or less: no caret
    int end_lineno;     // SyntaxError.end_lineno (0: none)
    int end_offset;     // SyntaxError.end_offset (0 or -1: none)
    int col_offset;     // offset - 1 (0-based), or -1
    int end_col_offset; // end_offset - 1, or -1
    char msg[256];      // the message, e.g. "'(' was never closed"
    // SyntaxError.text when it is not source line `lineno` (errors inside
    // f-string expressions show the expression: "(a b)"); else empty.
    char text[256];
} ParseError;

// Parses src[0..len) (UTF-8; NUL bytes and invalid UTF-8 are errors).
// Returns the tree, allocated in a, or NULL with *err filled. filename is
// used in messages only. For PARSE_INTERACTIVE pass the lines typed so far
// joined by "\n" without a final newline, as code.InteractiveConsole does:
// an open bracket, string or block answers PARSE_INCOMPLETE, and a compound
// statement is complete once an empty line follows it. Blank input gives
// Interactive([]). Allocates; raises nothing; never crashes on any input.
Mod *parse_source(Arena *a, const char *src, size_t len, const char *filename, ParseMode mode,
                  ParseError *err);

// Renders err as CPython 3.11 prints an uncaught SyntaxError:
//   File "x.cs", line 3
//     x = (1 +
//         ^
// SyntaxError: '(' was never closed
// source is the text that was parsed (for the offending line). Writes at
// most n bytes (NUL-terminated) into buf; returns the length it needed.
size_t parse_error_format(const ParseError *err, const char *filename, const char *source,
                          char *buf, size_t n);

// The line CPython shows for err (err->text, or line err->lineno of
// source), without its newline; *len receives its length. NULL: none.
const char *parse_error_line(const ParseError *err, const char *source, size_t *len);

// "SyntaxError", "IndentationError", "TabError" or "MemoryError".
const char *parse_error_type_name(ParseErrorKind kind);

#endif
