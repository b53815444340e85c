// str: immutable Unicode text stored as UTF-8, with its length in code
// points and its hash cached. Also the StrBuf used everywhere to build text.
#ifndef CS_VM_STR_H
#define CS_VM_STR_H

#include <stdarg.h>

#include "vm/object.h"

enum {
    STR_ASCII = 1u << 0,    // hdr.aux: every byte < 0x80 (index by byte)
    STR_INTERNED = 1u << 1, // hdr.aux: the canonical interned copy
    STR_INDEXED = 1u << 2,  // hdr.aux: a table of code-point offsets follows the text
};

struct StrObj {
    Obj hdr;
    int64_t hash;  // -1 until computed
    size_t len;    // bytes of UTF-8, excluding the terminating NUL
    size_t nchars; // code points
    char data[];   // UTF-8, NUL-terminated
};

static inline bool str_check(Value v) {
    return has_type_flag(v, TYPE_STR_SUBCLASS);
}
static inline StrObj *as_str(Value v) {
    return (StrObj *)as_obj(v);
}
static inline const char *str_cstr(Value v) {
    return as_str(v)->data;
}

// Constructors. `utf8` must be valid UTF-8 (use str_decode_utf8 for input).
Value str_new(ThreadState *ts, const char *utf8, size_t len);
Value str_from_cstr(ThreadState *ts, const char *s);
// Decodes bytes with errors="strict": UnicodeDecodeError on bad input.
Value str_decode_utf8(ThreadState *ts, const char *bytes, size_t len);
// A str of one code point.
Value str_from_codepoint(ThreadState *ts, uint32_t cp);
// printf-like with the %U %R %S %T %N extensions described in vm/exc.h.
Value str_format_c(ThreadState *ts, const char *fmt, ...);
Value str_format_cv(ThreadState *ts, const char *fmt, va_list ap);

// Interning: one canonical object per text, kept by the interpreter.
Value str_intern(ThreadState *ts, Value s);
Value str_intern_cstr(ThreadState *ts, const char *s);
StrObj *str_intern_name(ThreadState *ts, const char *s); // same, typed

int64_t str_hash(StrObj *s);
bool str_equal(StrObj *a, StrObj *b);
bool str_equal_cstr(StrObj *a, const char *s);
int str_compare(StrObj *a, StrObj *b); // code-point order (== UTF-8 byte order)

Value str_concat(ThreadState *ts, Value a, Value b);
Value str_repr(ThreadState *ts, Value s); // 'it\'s' with CPython's quote choice
Value str_join(ThreadState *ts, Value sep, Value iterable);
// s[i] for 0 <= i < nchars, and the byte offset of code point i.
Value str_getchar(ThreadState *ts, StrObj *s, size_t i);
size_t str_offset_of(StrObj *s, size_t i);
// s % args, format(s, spec), and the str.format method's engine.
Value str_mod(ThreadState *ts, Value fmt, Value args);
Value str_format_spec(ThreadState *ts, Value s, Value spec);

// UTF-8 helpers.
size_t utf8_decode(const char *s, size_t len, uint32_t *cp); // bytes consumed, 0 if invalid
size_t utf8_encode(uint32_t cp, char *out);                  // bytes written (1..4)
size_t utf8_count(const char *s, size_t len);                // code points (valid input)
bool utf8_valid(const char *s, size_t len);

// A growable byte buffer for building str and bytes (malloc'd, not a GC
// object; it holds no Values, so it needs no rooting).
typedef struct StrBuf {
    char *data;
    size_t len;
    size_t cap;
    bool oom; // an append failed; str_buf_finish raises MemoryError
} StrBuf;

void str_buf_init(StrBuf *b);
void str_buf_free(StrBuf *b);
void str_buf_append(StrBuf *b, const char *s, size_t n);
void str_buf_append_cstr(StrBuf *b, const char *s);
void str_buf_append_char(StrBuf *b, char c);
void str_buf_append_codepoint(StrBuf *b, uint32_t cp);
void str_buf_printf(StrBuf *b, const char *fmt, ...);
// Appends str(v) / repr(v): -1 raised.
int str_buf_append_str(ThreadState *ts, StrBuf *b, Value v);
int str_buf_append_repr(ThreadState *ts, StrBuf *b, Value v);
// Makes a str (frees the buffer either way); CS_ERR on OOM.
Value str_buf_finish(ThreadState *ts, StrBuf *b);
Value str_buf_finish_bytes(ThreadState *ts, StrBuf *b);

// ---------------------------------------------------------------------------
// Additions (owned by the str engineer): shared by vm/str*.c and
// vm/bytes.c, and usable elsewhere.

extern TypeObj type_str_iterator, type_str_ascii_iterator;
extern const MethodDef str_method_table[]; // vm/str_methods.c

// The hash str_hash gives a str of these UTF-8 bytes (for dict_get_cstr).
int64_t str_hash_bytes(const void *data, size_t len);
// A str of the given type (str or a subclass) holding a copy of utf8.
Value str_new_typed(ThreadState *ts, TypeObj *type, const char *utf8, size_t len);
// A str of len bytes to be filled through *data, then str_finish_uninit
// (which counts code points and may return a cached str instead).
Value str_new_uninit(ThreadState *ts, size_t len, char **data);
Value str_finish_uninit(ThreadState *ts, Value s);
// s * n (n <= 0 gives ''); OverflowError "repeated string is too long".
Value str_repeat(ThreadState *ts, Value s, ssize_t n);
// An integer (via __index__) as ssize_t: 0, or -1 with TypeError or
// OverflowError "cannot fit 'int' into an index-sized integer".
int str_as_ssize(ThreadState *ts, Value v, ssize_t *out);
// The n of `seq * n`: 1 (set), 0 when count is no integer, -1 raised.
int str_repeat_count(ThreadState *ts, Value count, ssize_t *n);

// Codecs utf-8, ascii, latin-1 with errors strict/ignore/replace/
// backslashreplace (NULL: "utf-8" and "strict"). LookupError for unknown
// names, UnicodeDecodeError / UnicodeEncodeError worded as CPython.
Value str_decode(ThreadState *ts, const char *data, size_t len, const char *encoding,
                 const char *errors);
Value str_encode(ThreadState *ts, Value s, const char *encoding, const char *errors);

// format(v, spec) as the builtin and FORMAT_VALUE do: str fast path,
// else v.__format__(spec); TypeError unless the result is a str. spec may
// be CS_UNBOUND for ''.
Value str_format_value(ThreadState *ts, Value v, Value spec);
// bytes % args over the format's bytes (a bytes, or a bytearray when
// `bytearray` is set): the str engine in bytes mode (vm/str_format.c).
Value str_mod_bytes(ThreadState *ts, const char *fmt, size_t len, Value args, bool bytearray);
// The str.format and str.format_map methods (vm/str_format.c).
Value str_method_format(ThreadState *ts, Value self, const Value *args, size_t nargs,
                        TupleObj *kwnames);
Value str_method_format_map(ThreadState *ts, Value self, const Value *args, size_t nargs,
                            TupleObj *kwnames);

// Substring search over bytes: offset of the first (last) match or -1.
ssize_t str_find_bytes(const char *hay, size_t hn, const char *needle, size_t nn);
ssize_t str_rfind_bytes(const char *hay, size_t hn, const char *needle, size_t nn);

// Code points and offsets inside a StrObj (valid UTF-8).
uint32_t str_cp_at(const char *p, size_t *n);                // decodes one, *n = its byte length
size_t str_index_of_offset(StrObj *s, size_t off);           // code points before off
size_t str_offset_of_from(StrObj *s, size_t off, ssize_t n); // bytes of n code points at off
size_t str_offset_back(StrObj *s, size_t off, ssize_t n);    // offset n code points before
// One UTF-8 sequence at s as the strict codec sees it: its length, or 0
// with *errlen bytes to report and CPython's reason ("invalid start byte").
size_t utf8_check(const char *s, size_t len, size_t *errlen, const char **reason);

void str_buf_append_repr_text(StrBuf *b, const char *p, size_t len); // repr of UTF-8 text
void str_buf_append_fill(StrBuf *b, const char *unit, size_t unit_len, size_t count);
void str_buf_vprintf(StrBuf *b, const char *fmt, va_list ap);

#endif
