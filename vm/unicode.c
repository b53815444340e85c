// The Unicode character database: a two-level table maps each code point
// to a record of class flags and case mappings (vm/unicode_db.inc, made by
// tools/gen_unicode.py from CPython 3.11's own answers). A mapping to one
// code point is stored as a delta; longer ones (ß -> SS) index udb_ext.
#include "vm/unicode.h"

typedef struct UdbRecord {
    uint32_t flags;
    int8_t decimal;
    int8_t digit;
    int32_t lower, upper, title, fold; // delta, or (n << 16) | index with UDB_EXT_*
} UdbRecord;

#include "vm/unicode_db.inc"

static const UdbRecord *record_of(uint32_t cp) {
    if (cp >= 0x110000) {
        return &udb_records[0];
    }
    uint32_t block = udb_index1[cp >> UDB_SHIFT];
    uint32_t rec = udb_index2[(block << UDB_SHIFT) + (cp & ((1u << UDB_SHIFT) - 1))];
    return &udb_records[rec];
}

static bool has(uint32_t cp, uint32_t flag) {
    return (record_of(cp)->flags & flag) != 0;
}

bool unicode_isalpha(uint32_t cp) {
    return has(cp, UDB_ALPHA);
}

bool unicode_isdecimal(uint32_t cp) {
    return has(cp, UDB_DECIMAL);
}

bool unicode_isdigit(uint32_t cp) {
    return has(cp, UDB_DIGIT);
}

bool unicode_isnumeric(uint32_t cp) {
    return has(cp, UDB_NUMERIC);
}

bool unicode_isalnum(uint32_t cp) {
    return has(cp, UDB_ALPHA | UDB_DECIMAL | UDB_DIGIT | UDB_NUMERIC);
}

bool unicode_isspace(uint32_t cp) {
    return has(cp, UDB_SPACE);
}

bool unicode_isprintable(uint32_t cp) {
    return has(cp, UDB_PRINTABLE);
}

bool unicode_islower(uint32_t cp) {
    return has(cp, UDB_LOWER);
}

bool unicode_isupper(uint32_t cp) {
    return has(cp, UDB_UPPER);
}

bool unicode_istitle(uint32_t cp) {
    return has(cp, UDB_TITLE);
}

bool unicode_iscased(uint32_t cp) {
    return has(cp, UDB_CASED);
}

bool unicode_iscase_ignorable(uint32_t cp) {
    return has(cp, UDB_CASE_IGNORABLE);
}

bool unicode_isxid_start(uint32_t cp) {
    return has(cp, UDB_XID_START);
}

bool unicode_isxid_continue(uint32_t cp) {
    return has(cp, UDB_XID_CONTINUE);
}

int unicode_decimal(uint32_t cp) {
    return record_of(cp)->decimal;
}

int unicode_digit(uint32_t cp) {
    return record_of(cp)->digit;
}

// Expands one case field: a delta, or a run of udb_ext when `ext` is set.
static int mapping(uint32_t cp, int32_t field, bool ext, uint32_t out[3]) {
    if (!ext) {
        out[0] = (uint32_t)((int32_t)cp + field);
        return 1;
    }
    int n = field >> 16;
    int at = field & 0xFFFF;
    for (int i = 0; i < n && i < 3; i++) {
        out[i] = udb_ext[at + i];
    }
    return n;
}

int unicode_to_lower(uint32_t cp, uint32_t out[3]) {
    const UdbRecord *r = record_of(cp);
    return mapping(cp, r->lower, r->flags & UDB_EXT_LOWER, out);
}

int unicode_to_upper(uint32_t cp, uint32_t out[3]) {
    const UdbRecord *r = record_of(cp);
    return mapping(cp, r->upper, r->flags & UDB_EXT_UPPER, out);
}

int unicode_to_title(uint32_t cp, uint32_t out[3]) {
    const UdbRecord *r = record_of(cp);
    return mapping(cp, r->title, r->flags & UDB_EXT_TITLE, out);
}

int unicode_to_fold(uint32_t cp, uint32_t out[3]) {
    const UdbRecord *r = record_of(cp);
    return mapping(cp, r->fold, r->flags & UDB_EXT_FOLD, out);
}
