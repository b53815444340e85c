// The Unicode character database str needs: character classes (isalpha,
// isdigit, isprintable...) and full case mappings, generated from CPython
// itself (tools/gen_unicode.py -> vm/unicode_db.inc) so answers match 3.11.
// Pure functions: no allocation, no exceptions.
#ifndef CS_VM_UNICODE_H
#define CS_VM_UNICODE_H

#include <stdbool.h>
#include <stdint.h>

bool unicode_isalpha(uint32_t cp);
bool unicode_isdecimal(uint32_t cp);
bool unicode_isdigit(uint32_t cp);
bool unicode_isnumeric(uint32_t cp);
bool unicode_isalnum(uint32_t cp); // alpha, decimal, digit or numeric (CPython's isalnum)
bool unicode_isspace(uint32_t cp);
bool unicode_isprintable(uint32_t cp);
bool unicode_islower(uint32_t cp);
bool unicode_isupper(uint32_t cp);
bool unicode_istitle(uint32_t cp);
bool unicode_iscased(uint32_t cp);
bool unicode_iscase_ignorable(uint32_t cp);
bool unicode_isxid_start(uint32_t cp);
bool unicode_isxid_continue(uint32_t cp);
// Decimal digit value 0..9 (int('٣') == 3), or -1.
int unicode_decimal(uint32_t cp);
// Digit value 0..9 of isdigit() characters (superscripts too), or -1.
int unicode_digit(uint32_t cp);

// Full case mappings (str.lower/upper/title/casefold): write 1 to 3 code
// points to out and return how many.
int unicode_to_lower(uint32_t cp, uint32_t out[3]);
int unicode_to_upper(uint32_t cp, uint32_t out[3]);
int unicode_to_title(uint32_t cp, uint32_t out[3]);
int unicode_to_fold(uint32_t cp, uint32_t out[3]);

#endif
