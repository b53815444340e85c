// Shared inside lexer/: the Unicode tables of lexer/strings.c, which the
// tokenizer (lexer/lexer.c) uses to check identifiers.
#ifndef CS_LEXER_INTERNAL_H
#define CS_LEXER_INTERNAL_H

#include <stddef.h>

// Identifier classes of a code point (CPython 3.11's tables).
enum {
    LEX_UC_OTHER = 0,     // not printable, not in identifiers
    LEX_UC_PRINTABLE = 1, // printable, not in identifiers
    LEX_UC_CONTINUE = 2,  // may continue an identifier (XID_Continue)
    LEX_UC_START = 3,     // may start an identifier (XID_Start)
};

// The class of code point cp (ASCII answers LEX_UC_PRINTABLE; the caller
// handles ASCII itself).
int lex_unicode_class(long cp);

// The code point named name[0..n) (case-insensitive), or -1.
long lex_unicode_lookup(const char *name, size_t n);

#endif
