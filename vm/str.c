// str: immutable text stored as UTF-8 with its code-point count and cached
// hash; construction, interning, the one-character cache, comparison,
// concatenation, repetition, indexing and slicing, repr, the str iterators,
// codecs (utf-8, ascii, latin-1), StrBuf and the UTF-8 helpers. The methods
// live in vm/str_methods.c, %-formatting and str.format in vm/str_format.c.
#include "vm/str.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/bytes.h"
#include "vm/dict.h"
#include "vm/exc.h"
#include "vm/func.h"
#include "vm/gc.h"
#include "vm/int.h"
#include "vm/list.h"
#include "vm/range.h"
#include "vm/state.h"
#include "vm/unicode.h"

// ---------------------------------------------------------------------------
// UTF-8 helpers. Inside a StrObj the text is always well-formed UTF-8 except
// that lone surrogates (from '\ud800' literals) are kept in their 3-byte
// form, so utf8_decode accepts them while utf8_valid (the codec's check)
// does not.

static size_t seq_len(unsigned char lead) {
    if (lead < 0x80) {
        return 1;
    }
    if (lead >= 0xF0) {
        return 4;
    }
    return lead >= 0xE0 ? 3 : 2;
}

// Overlongs, truncated sequences and values past U+10FFFF are rejected;
// surrogates pass (see the section comment).
size_t utf8_decode(const char *s, size_t len, uint32_t *cp) {
    const unsigned char *p = (const unsigned char *)s;
    if (len == 0) {
        return 0;
    }
    if (p[0] < 0x80) {
        *cp = p[0];
        return 1;
    }
    if (p[0] < 0xC2 || p[0] > 0xF4) {
        return 0;
    }
    size_t n = seq_len(p[0]);
    if (len < n) {
        return 0;
    }
    uint32_t c = p[0] & (0x7F >> n);
    for (size_t i = 1; i < n; i++) {
        if ((p[i] & 0xC0) != 0x80) {
            return 0;
        }
        c = (c << 6) | (p[i] & 0x3F);
    }
    static const uint32_t min_of[5] = {0, 0, 0x80, 0x800, 0x10000};
    if (c < min_of[n] || c > 0x10FFFF) {
        return 0;
    }
    *cp = c;
    return n;
}

// Encodes any value below 0x110000, surrogates included (WTF-8 style).
size_t utf8_encode(uint32_t cp, char *out) {
    unsigned char *o = (unsigned char *)out;
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

// Counts lead bytes: every byte that is not a continuation (10xxxxxx).
size_t utf8_count(const char *s, size_t len) {
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    }
    return n;
}

// CPython's strict decoder, one sequence at a time: the second byte's
// range depends on the lead, and the error span matches CPython's reports
// ("can't decode bytes in position 0-1: unexpected end of data").
size_t utf8_check(const char *s, size_t len, size_t *errlen, const char **reason) {
    const unsigned char *p = (const unsigned char *)s;
    unsigned char c = p[0];
    if (c < 0x80) {
        return 1;
    }
    *errlen = 1;
    if (c < 0xC2 || c > 0xF4) {
        *reason = "invalid start byte";
        return 0;
    }
    size_t n = seq_len(c);
    // The second byte's range depends on the lead (no overlongs, no
    // surrogates, nothing above U+10FFFF); later bytes are 80..BF.
    unsigned char lo = 0x80, hi = 0xBF;
    if (c == 0xE0) {
        lo = 0xA0;
    } else if (c == 0xED) {
        hi = 0x9F;
    } else if (c == 0xF0) {
        lo = 0x90;
    } else if (c == 0xF4) {
        hi = 0x8F;
    }
    for (size_t i = 1; i < n; i++) {
        if (i >= len) {
            *errlen = len;
            *reason = "unexpected end of data";
            return 0;
        }
        bool ok = i == 1 ? (p[i] >= lo && p[i] <= hi) : (p[i] & 0xC0) == 0x80;
        if (!ok) {
            *errlen = i;
            *reason = "invalid continuation byte";
            return 0;
        }
    }
    return n;
}

bool utf8_valid(const char *s, size_t len) {
    size_t i = 0;
    while (i < len) {
        size_t errlen;
        const char *reason;
        size_t n = utf8_check(s + i, len - i, &errlen, &reason);
        if (n == 0) {
            return false;
        }
        i += n;
    }
    return true;
}

// Decodes the code point at p, known to be well-formed.
static uint32_t cp_at(const char *s, size_t *n) {
    const unsigned char *p = (const unsigned char *)s;
    if (p[0] < 0x80) {
        *n = 1;
        return p[0];
    }
    size_t k = seq_len(p[0]);
    uint32_t c = p[0] & (0x7F >> k);
    for (size_t i = 1; i < k; i++) {
        c = (c << 6) | (p[i] & 0x3F);
    }
    *n = k;
    return c;
}

uint32_t str_cp_at(const char *p, size_t *n) {
    return cp_at(p, n);
}

// ---------------------------------------------------------------------------
// Hashing: a multiply-rotate hash over 8-byte words with a final avalanche.

static uint64_t rotl(uint64_t x, int r) {
    return (x << r) | (x >> (64 - r));
}

// MurmurHash3's finaliser: every input bit affects every output bit.
static uint64_t fmix(uint64_t h) {
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ull;
    h ^= h >> 33;
    return h;
}

// Not randomised per run: CPython's is, so tests never print str hashes
// and set order of strings is unspecified anyway.
int64_t str_hash_bytes(const void *data, size_t len) {
    const unsigned char *p = data;
    uint64_t h = 0x9E3779B97F4A7C15ull ^ (len * 0x100000001B3ull);
    while (len >= 8) {
        uint64_t k;
        memcpy(&k, p, 8);
        k *= 0x87c37b91114253d5ull;
        h ^= rotl(k, 31) * 0x4cf5ad432745937full;
        h = rotl(h, 27) * 5 + 0x52dce729;
        p += 8;
        len -= 8;
    }
    uint64_t k = 0;
    memcpy(&k, p, len);
    k *= 0x87c37b91114253d5ull;
    h ^= rotl(k, 31) * 0x4cf5ad432745937full;
    int64_t r = (int64_t)fmix(h);
    return r == -1 ? -2 : r;
}

int64_t str_hash(StrObj *s) {
    if (s->hash == -1) {
        s->hash = str_hash_bytes(s->data, s->len);
    }
    return s->hash;
}

// Cached hashes settle most inequalities without touching the text.
bool str_equal(StrObj *a, StrObj *b) {
    if (a == b) {
        return true;
    }
    if (a->len != b->len) {
        return false;
    }
    if (a->hash != -1 && b->hash != -1 && a->hash != b->hash) {
        return false;
    }
    return memcmp(a->data, b->data, a->len) == 0;
}

bool str_equal_cstr(StrObj *a, const char *s) {
    size_t n = strlen(s);
    return a->len == n && memcmp(a->data, s, n) == 0;
}

// UTF-8 byte order is code-point order, so memcmp compares code points.
int str_compare(StrObj *a, StrObj *b) {
    size_t n = a->len < b->len ? a->len : b->len;
    int c = memcmp(a->data, b->data, n);
    if (c != 0) {
        return c < 0 ? -1 : 1;
    }
    return a->len < b->len ? -1 : a->len > b->len;
}

// ---------------------------------------------------------------------------
// Allocation

// Long non-ASCII strs carry a checkpoint table after their text: the byte
// offset of every INDEX_STEP-th code point (uint32_t, 4-aligned), so s[i]
// and slicing walk at most INDEX_STEP code points instead of the whole text.
#define INDEX_STEP      64
#define INDEX_MIN_CHARS 256

// Bytes to reserve after the text for the table (0: the str gets none).
static size_t index_room(size_t len, size_t nchars, bool ascii) {
    if (ascii || nchars < INDEX_MIN_CHARS || len >= UINT32_MAX) {
        return 0;
    }
    return 4 + 4 * (nchars / INDEX_STEP + 1); // 4: alignment slack
}

static uint32_t *index_table(StrObj *s) {
    uintptr_t p = (uintptr_t)(s->data + s->len + 1);
    return (uint32_t *)((p + 3) & ~(uintptr_t)3);
}

// Fills the table of a str whose allocation has index_room() spare bytes.
static void build_index(StrObj *s) {
    uint32_t *t = index_table(s);
    const unsigned char *p = (const unsigned char *)s->data;
    size_t off = 0;
    for (size_t i = 0; i < s->nchars; i++) {
        if (i % INDEX_STEP == 0) {
            t[i / INDEX_STEP] = (uint32_t)off;
        }
        off += seq_len(p[off]);
    }
    s->hdr.aux |= STR_INDEXED;
}

// Instances of str subclasses are laid out like str: the text follows the
// StrObj header, and extra room (index table, subclass) follows the text.
static StrObj *alloc_str_room(ThreadState *ts, TypeObj *type, size_t len, size_t room) {
    size_t extra = room;
    if (type != &type_str && type->basicsize > sizeof(StrObj)) {
        extra += type->basicsize - sizeof(StrObj);
    }
    StrObj *s = gc_alloc(ts, type, sizeof(StrObj) + len + 1 + extra);
    s->hash = -1;
    s->len = len;
    return s;
}

static StrObj *alloc_str(ThreadState *ts, TypeObj *type, size_t len) {
    return alloc_str_room(ts, type, len, 0);
}

// Counts code points and sets STR_ASCII once the text is in place.
static void finish_str(StrObj *s) {
    size_t cont = 0;
    unsigned char any = 0;
    for (size_t i = 0; i < s->len; i++) {
        unsigned char c = (unsigned char)s->data[i];
        any |= c;
        cont += (c & 0xC0) == 0x80;
    }
    s->nchars = s->len - cont;
    s->data[s->len] = '\0';
    if (!(any & 0x80)) {
        s->hdr.aux |= STR_ASCII;
    }
}

// The interpreter's intern table, created on first use when start-up has
// not made it yet.
static DictObj *interned_dict(ThreadState *ts) {
    if (!ts->interp->interned) {
        Value d = dict_new(ts);
        if (d == CS_ERR) {
            return NULL;
        }
        ts->interp->interned = as_dict(d);
    }
    return ts->interp->interned;
}

// The cached one-character ASCII strs, and the empty str in the extra slot
// 128: interned (so the interned table keeps them alive) and remembered in
// interp->small_chars, which this file allocates with SMALL_CHARS entries.
#define SMALL_CHARS 129
#define EMPTY_SLOT  128
static Value small_char(ThreadState *ts, unsigned char c) {
    Interp *in = ts->interp;
    if (!in->small_chars) {
        in->small_chars = calloc(SMALL_CHARS, sizeof(Value));
        if (!in->small_chars) {
            return exc_no_memory(ts);
        }
    }
    Value v = in->small_chars[c];
    if (is_obj(v)) {
        return v;
    }
    size_t len = c == EMPTY_SLOT ? 0 : 1;
    StrObj *s = alloc_str(ts, &type_str, len);
    s->data[0] = (char)c;
    finish_str(s);
    v = str_intern(ts, obj_val(s));
    if (v == CS_ERR) {
        return CS_ERR;
    }
    in->small_chars[c] = v;
    return v;
}

// One-character ASCII strs come from the cache: `for c in s` and s[i]
// allocate nothing for ASCII text.
Value str_new(ThreadState *ts, const char *utf8, size_t len) {
    if (len <= 1 && (len == 0 || (unsigned char)utf8[0] < 0x80)) {
        return small_char(ts, len ? (unsigned char)utf8[0] : EMPTY_SLOT);
    }
    if (gc_check_size(ts, len) < 0) {
        return CS_ERR;
    }
    // Long texts are measured first, to know whether they need an index.
    size_t room = 0;
    if (len >= INDEX_MIN_CHARS) {
        bool ascii = true;
        for (size_t i = 0; i < len && ascii; i++) {
            ascii = (unsigned char)utf8[i] < 0x80;
        }
        room = index_room(len, ascii ? len : utf8_count(utf8, len), ascii);
    }
    StrObj *s = alloc_str_room(ts, &type_str, len, room);
    memcpy(s->data, utf8, len);
    finish_str(s);
    if (room && !(s->hdr.aux & STR_ASCII)) {
        build_index(s);
    }
    return obj_val(s);
}

// For builders that know the final size (join): the caller writes the
// bytes, then str_finish_uninit counts code points.
Value str_new_uninit(ThreadState *ts, size_t len, char **data) {
    if (gc_check_size(ts, len) < 0) {
        return CS_ERR;
    }
    // Room for the largest index the text could need (nchars <= len).
    StrObj *s = alloc_str_room(ts, &type_str, len, index_room(len, len, false));
    *data = s->data;
    return obj_val(s);
}

Value str_finish_uninit(ThreadState *ts, Value s) {
    StrObj *o = as_str(s);
    finish_str(o);
    if (o->len <= 1 && (o->hdr.aux & STR_ASCII)) {
        return small_char(ts, o->len ? (unsigned char)o->data[0] : EMPTY_SLOT);
    }
    if (index_room(o->len, o->nchars, o->hdr.aux & STR_ASCII)) {
        build_index(o);
    }
    return s;
}

// A str of the given (sub)type holding a copy of text.
Value str_new_typed(ThreadState *ts, TypeObj *type, const char *utf8, size_t len) {
    if (type == &type_str) {
        return str_new(ts, utf8, len);
    }
    StrObj *s = alloc_str(ts, type, len);
    memcpy(s->data, utf8, len);
    finish_str(s);
    return obj_val(s);
}

Value str_from_cstr(ThreadState *ts, const char *s) {
    return str_new(ts, s, strlen(s));
}

Value str_from_codepoint(ThreadState *ts, uint32_t cp) {
    if (cp < 0x80) {
        return small_char(ts, (unsigned char)cp);
    }
    char buf[4];
    size_t n = utf8_encode(cp, buf);
    return str_new(ts, buf, n);
}

// ---------------------------------------------------------------------------
// Interning

// A StrObj on the C stack, for dictionary lookups that must not allocate.
typedef union StackStr {
    StrObj s;
    char raw[sizeof(StrObj) + 64];
} StackStr;

// Fills a stack key for `text` (short texts only): false when too long.
static bool stack_str(StackStr *k, const char *text, size_t len) {
    if (len >= 64) {
        return false;
    }
    memset(&k->s, 0, sizeof(StrObj));
    k->s.hdr.type = &type_str;
    k->s.hdr.gc_flags = GC_PERMANENT;
    k->s.hash = -1;
    k->s.len = len;
    memcpy(k->s.data, text, len);
    finish_str(&k->s);
    return true;
}

// Subclass instances are never interned: an exact copy is made, as
// CPython interns only exact str.
Value str_intern(ThreadState *ts, Value s) {
    StrObj *o = as_str(s);
    if (o->hdr.aux & STR_INTERNED) {
        return s;
    }
    DictObj *d = interned_dict(ts);
    if (!d) {
        return CS_ERR;
    }
    Value found;
    if (dict_get_str(d, o, &found)) {
        return found;
    }
    if (!is_type_exact(s, &type_str)) {
        StrObj *c = alloc_str(ts, &type_str, o->len);
        memcpy(c->data, o->data, o->len);
        finish_str(c);
        o = c;
        s = obj_val(c);
    }
    o->hdr.aux |= STR_INTERNED;
    if (dict_set(ts, d, s, s) < 0) {
        return CS_ERR;
    }
    return s;
}

// Looks the text up with a stack key first, so interning a name that
// exists allocates nothing.
Value str_intern_cstr(ThreadState *ts, const char *s) {
    size_t len = strlen(s);
    StackStr k;
    if (stack_str(&k, s, len) && ts->interp->interned) {
        Value found;
        if (dict_get_str(ts->interp->interned, &k.s, &found)) {
            return found;
        }
    }
    Value v = str_new(ts, s, len);
    if (v == CS_ERR) {
        return CS_ERR;
    }
    return str_intern(ts, v);
}

StrObj *str_intern_name(ThreadState *ts, const char *s) {
    Value v = str_intern_cstr(ts, s);
    return v == CS_ERR ? NULL : as_str(v);
}

// ---------------------------------------------------------------------------
// Indexing by code point

size_t str_offset_of(StrObj *s, size_t i) {
    if ((s->hdr.aux & STR_ASCII) || i == 0) {
        return i;
    }
    if (i >= s->nchars) {
        return s->len;
    }
    const unsigned char *p = (const unsigned char *)s->data;
    if (s->hdr.aux & STR_INDEXED) {
        size_t off = index_table(s)[i / INDEX_STEP];
        for (size_t k = i % INDEX_STEP; k > 0; k--) {
            off += seq_len(p[off]);
        }
        return off;
    }
    if (i <= s->nchars / 2) {
        size_t off = 0;
        while (i > 0) {
            off += seq_len(p[off]);
            i--;
        }
        return off;
    }
    // Closer to the end: walk back over (nchars - i) code points.
    size_t back = s->nchars - i;
    size_t off = s->len;
    while (back > 0) {
        off--;
        while ((p[off] & 0xC0) == 0x80) {
            off--;
        }
        back--;
    }
    return off;
}

// O(off) for non-ASCII text: callers keep it off hot loops.
size_t str_index_of_offset(StrObj *s, size_t off) {
    if (s->hdr.aux & STR_ASCII) {
        return off;
    }
    if (!(s->hdr.aux & STR_INDEXED)) {
        return utf8_count(s->data, off);
    }
    // The last checkpoint at or before off, then count the rest.
    const uint32_t *t = index_table(s);
    size_t lo = 0, hi = (s->nchars - 1) / INDEX_STEP;
    while (lo < hi) {
        size_t mid = (lo + hi + 1) / 2;
        if (t[mid] <= off) {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    return lo * INDEX_STEP + utf8_count(s->data + t[lo], off - t[lo]);
}

// The str for the code point whose UTF-8 starts at p.
static Value char_at(ThreadState *ts, const char *p) {
    if ((unsigned char)p[0] < 0x80) {
        return small_char(ts, (unsigned char)p[0]);
    }
    return str_new(ts, p, seq_len((unsigned char)p[0]));
}

// O(1) for ASCII; non-ASCII text walks from the nearer end.
Value str_getchar(ThreadState *ts, StrObj *s, size_t i) {
    return char_at(ts, s->data + str_offset_of(s, i));
}

// ---------------------------------------------------------------------------
// repr

static void repr_escape(StrBuf *b, uint32_t cp, char quote) {
    char tmp[12];
    switch (cp) {
    case '\\':
        str_buf_append(b, "\\\\", 2);
        return;
    case '\n':
        str_buf_append(b, "\\n", 2);
        return;
    case '\r':
        str_buf_append(b, "\\r", 2);
        return;
    case '\t':
        str_buf_append(b, "\\t", 2);
        return;
    default:
        break;
    }
    if (cp == (uint32_t)quote) {
        str_buf_append_char(b, '\\');
        str_buf_append_char(b, quote);
    } else if (cp >= 0x20 && cp < 0x7F) {
        str_buf_append_char(b, (char)cp);
    } else if (cp < 0x80 || (cp < 0x100 && !unicode_isprintable(cp))) {
        snprintf(tmp, sizeof tmp, "\\x%02x", (unsigned)cp);
        str_buf_append_cstr(b, tmp);
    } else if (unicode_isprintable(cp)) {
        str_buf_append_codepoint(b, cp);
    } else if (cp < 0x10000) {
        snprintf(tmp, sizeof tmp, "\\u%04x", (unsigned)cp);
        str_buf_append_cstr(b, tmp);
    } else {
        snprintf(tmp, sizeof tmp, "\\U%08x", (unsigned)cp);
        str_buf_append_cstr(b, tmp);
    }
}

// Single quotes unless the text has a ' and no ", as CPython chooses.
static char repr_quote(const char *p, size_t len) {
    bool sq = memchr(p, '\'', len) != NULL;
    bool dq = memchr(p, '"', len) != NULL;
    return sq && !dq ? '"' : '\'';
}

// The body of repr(): quotes plus escapes, exactly CPython's choices.
void str_buf_append_repr_text(StrBuf *b, const char *p, size_t len) {
    char quote = repr_quote(p, len);
    str_buf_append_char(b, quote);
    size_t i = 0;
    while (i < len) {
        size_t n;
        uint32_t cp = cp_at(p + i, &n);
        repr_escape(b, cp, quote);
        i += n;
    }
    str_buf_append_char(b, quote);
}

Value str_repr(ThreadState *ts, Value s) {
    StrObj *o = as_str(s);
    StrBuf b;
    str_buf_init(&b);
    str_buf_append_repr_text(&b, o->data, o->len);
    return str_buf_finish(ts, &b);
}

// ---------------------------------------------------------------------------
// Operators

Value str_concat(ThreadState *ts, Value a, Value b) {
    if (!str_check(b)) {
        return exc_raise(ts, exc_TypeError, "can only concatenate str (not \"%T\") to str", b);
    }
    StrObj *x = as_str(a), *y = as_str(b);
    if (y->len == 0 && is_type_exact(a, &type_str)) {
        return a;
    }
    if (x->len == 0 && is_type_exact(b, &type_str)) {
        return b;
    }
    if (x->len > SIZE_MAX / 2 - y->len) {
        return exc_no_memory(ts);
    }
    if (gc_check_size(ts, x->len + y->len) < 0) {
        return CS_ERR;
    }
    uint32_t ascii = x->hdr.aux & y->hdr.aux & STR_ASCII;
    size_t nchars = x->nchars + y->nchars;
    size_t room = index_room(x->len + y->len, nchars, ascii);
    StrObj *s = alloc_str_room(ts, &type_str, x->len + y->len, room);
    memcpy(s->data, x->data, x->len);
    memcpy(s->data + x->len, y->data, y->len);
    s->nchars = nchars;
    s->data[s->len] = '\0';
    s->hdr.aux |= ascii;
    if (room) {
        build_index(s);
    }
    return obj_val(s);
}

// A binary operand a built-in type cannot handle: a class may still take
// it through its reflected method, so only heap types get NotImplemented.
static bool defer_to_other(Value other, int op) {
    TypeObj *t = type_of(other);
    return (t->flags & TYPE_HEAP) && t->binop[op] != NULL;
}

// str + x: only str right operands; a class may still offer __radd__.
static Value str_add(ThreadState *ts, Value a, Value b) {
    if (!str_check(a)) {
        return CS_NOTIMPL_VAL;
    }
    if (!str_check(b) && defer_to_other(b, BINOP_ADD)) {
        return CS_NOTIMPL_VAL;
    }
    return str_concat(ts, a, b);
}

// Repeats len bytes of p n times into a fresh buffer of the result.
static void fill_repeat(char *dst, const char *p, size_t len, size_t n) {
    if (len == 1) {
        memset(dst, p[0], n);
        return;
    }
    size_t total = len * n;
    memcpy(dst, p, len);
    size_t done = len;
    while (done < total) {
        size_t chunk = done <= total - done ? done : total - done;
        memcpy(dst + done, dst, chunk);
        done += chunk;
    }
}

// Counts above the address space raise OverflowError as CPython's
// "repeated string is too long"; big but possible ones MemoryError.
Value str_repeat(ThreadState *ts, Value s, ssize_t n) {
    StrObj *o = as_str(s);
    if (n <= 0 || o->len == 0) {
        return str_new(ts, "", 0);
    }
    if (n == 1 && is_type_exact(s, &type_str)) {
        return s;
    }
    if ((size_t)n > (SIZE_MAX >> 1) / o->len) {
        return exc_raise(ts, exc_OverflowError, "repeated string is too long");
    }
    size_t total = o->len * (size_t)n;
    if (gc_check_size(ts, total) < 0) {
        return CS_ERR;
    }
    uint32_t ascii = o->hdr.aux & STR_ASCII;
    size_t room = index_room(total, o->nchars * (size_t)n, ascii);
    StrObj *r = alloc_str_room(ts, &type_str, total, room);
    fill_repeat(r->data, o->data, o->len, (size_t)n);
    r->data[total] = '\0';
    r->nchars = o->nchars * (size_t)n;
    r->hdr.aux |= ascii;
    if (room) {
        build_index(r);
    }
    return obj_val(r);
}

// CPython's PyNumber_AsSsize_t(v, OverflowError): repetition counts and
// sizes overflow with OverflowError (indexing uses IndexError instead).
int str_as_ssize(ThreadState *ts, Value v, ssize_t *out) {
    if (is_small_int(v)) {
        *out = (ssize_t)as_small_int(v);
        return 0;
    }
    Value i = obj_index(ts, v);
    if (i == CS_ERR) {
        return -1;
    }
    int64_t x;
    if (int_as_i64(ts, i, &x) < 0) {
        exc_clear(ts);
        return exc_raise_int(ts, exc_OverflowError, "cannot fit '%T' into an index-sized integer",
                             v);
    }
    *out = (ssize_t)x;
    return 0;
}

// The count of a sequence repetition, shared with bytes: 1 and *n set, 0
// when the operand is not an integer (the caller raises or defers), -1 raised.
int str_repeat_count(ThreadState *ts, Value count, ssize_t *n) {
    if (!int_check(count) && !type_of(count)->index) {
        return 0;
    }
    return str_as_ssize(ts, count, n) < 0 ? -1 : 1;
}

// str * n and n * str; any other operand raises CPython's
// "can't multiply sequence by non-int" unless a class may answer.
static Value str_mul(ThreadState *ts, Value a, Value b) {
    Value seq = str_check(a) ? a : b;
    Value count = seq == a ? b : a;
    if (!str_check(seq)) {
        return CS_NOTIMPL_VAL;
    }
    if (defer_to_other(count, BINOP_MUL)) {
        return CS_NOTIMPL_VAL;
    }
    ssize_t n;
    int r = str_repeat_count(ts, count, &n);
    if (r < 0) {
        return CS_ERR;
    }
    if (r == 0) {
        return exc_raise(ts, exc_TypeError, "can't multiply sequence by non-int of type '%T'",
                         count);
    }
    return str_repeat(ts, seq, n);
}

// fmt % args: only a str left operand formats (5 % 'x' is NotImplemented).
static Value str_binop_mod(ThreadState *ts, Value a, Value b) {
    if (!str_check(a)) {
        return CS_NOTIMPL_VAL;
    }
    return str_mod(ts, a, b);
}

// Strings compare only with strings; others get NotImplemented, and the
// caller raises "'<' not supported between instances of ...".
static Value str_richcompare(ThreadState *ts, Value a, Value b, CmpOp op) {
    if (!str_check(a) || !str_check(b)) {
        return CS_NOTIMPL_VAL;
    }
    StrObj *x = as_str(a), *y = as_str(b);
    if (op == CMP_EQ || op == CMP_NE) {
        return bool_val(str_equal(x, y) == (op == CMP_EQ));
    }
    int c = str_compare(x, y);
    switch (op) {
    case CMP_LT:
        return bool_val(c < 0);
    case CMP_LE:
        return bool_val(c <= 0);
    case CMP_GT:
        return bool_val(c > 0);
    default:
        return bool_val(c >= 0);
    }
}

static int64_t str_hash_slot(ThreadState *ts, Value v) {
    return str_hash(as_str(v));
}

static ssize_t str_len(ThreadState *ts, Value v) {
    return (ssize_t)as_str(v)->nchars;
}

static int str_truthy(ThreadState *ts, Value v) {
    return as_str(v)->len != 0;
}

static Value str_repr_slot(ThreadState *ts, Value v) {
    return str_repr(ts, v);
}

// str(s): s itself for an exact str, an exact copy for a subclass instance.
static Value str_str(ThreadState *ts, Value v) {
    if (is_type_exact(v, &type_str)) {
        return v;
    }
    return str_new(ts, as_str(v)->data, as_str(v)->len);
}

// memchr for one byte, memchr+memcmp for short texts, Horspool for long
// ones: find/count/split/replace all land here.
ssize_t str_find_bytes(const char *hay, size_t hn, const char *needle, size_t nn) {
    if (nn == 0) {
        return 0;
    }
    if (nn > hn) {
        return -1;
    }
    if (nn == 1) {
        const char *p = memchr(hay, needle[0], hn);
        return p ? p - hay : -1;
    }
    if (hn < 256 || nn < 4) {
        const char *p = hay;
        const char *end = hay + hn - nn;
        while (p <= end) {
            p = memchr(p, needle[0], (size_t)(end - p) + 1);
            if (!p) {
                return -1;
            }
            if (memcmp(p, needle, nn) == 0) {
                return p - hay;
            }
            p++;
        }
        return -1;
    }
    // Horspool: skip by the distance of the window's last byte from the end.
    size_t skip[256];
    for (size_t i = 0; i < 256; i++) {
        skip[i] = nn;
    }
    for (size_t i = 0; i + 1 < nn; i++) {
        skip[(unsigned char)needle[i]] = nn - 1 - i;
    }
    size_t i = 0;
    while (i <= hn - nn) {
        unsigned char last = (unsigned char)hay[i + nn - 1];
        if (last == (unsigned char)needle[nn - 1] && memcmp(hay + i, needle, nn - 1) == 0) {
            return (ssize_t)i;
        }
        i += skip[last];
    }
    return -1;
}

// The last match: a plain backward scan (rfind, rsplit, rpartition).
ssize_t str_rfind_bytes(const char *hay, size_t hn, const char *needle, size_t nn) {
    if (nn > hn) {
        return -1;
    }
    if (nn == 0) {
        return (ssize_t)hn;
    }
    for (size_t i = hn - nn + 1; i-- > 0;) {
        if (hay[i] == needle[0] && memcmp(hay + i, needle, nn) == 0) {
            return (ssize_t)i;
        }
    }
    return -1;
}

// `sub in s`: substring search on the UTF-8 bytes (a valid UTF-8
// needle can only match at code-point boundaries).
static int str_contains(ThreadState *ts, Value container, Value item) {
    if (!str_check(item)) {
        return exc_raise_int(ts, exc_TypeError,
                             "'in <string>' requires string as left operand, not %T", item);
    }
    StrObj *h = as_str(container), *n = as_str(item);
    return str_find_bytes(h->data, h->len, n->data, n->len) >= 0;
}

// s[start:stop:step] over code points.
static Value str_slice(ThreadState *ts, Value v, SliceObj *sl) {
    StrObj *s = as_str(v);
    ssize_t start, stop, step, n;
    if (slice_indices(ts, sl, (ssize_t)s->nchars, &start, &stop, &step, &n) < 0) {
        return CS_ERR;
    }
    if (n <= 0) {
        return str_new(ts, "", 0);
    }
    if (step == 1) {
        if (n == (ssize_t)s->nchars && is_type_exact(v, &type_str)) {
            return v;
        }
        size_t a = str_offset_of(s, (size_t)start);
        size_t b = (s->hdr.aux & STR_ASCII) ? (size_t)stop : a + str_offset_of_from(s, a, n);
        return str_new(ts, s->data + a, b - a);
    }
    StrBuf b;
    str_buf_init(&b);
    if (s->hdr.aux & STR_ASCII) {
        for (ssize_t i = 0, k = start; i < n; i++, k += step) {
            str_buf_append_char(&b, s->data[k]);
        }
        return str_buf_finish(ts, &b);
    }
    size_t off = str_offset_of(s, (size_t)start);
    for (ssize_t i = 0; i < n; i++) {
        size_t len = seq_len((unsigned char)s->data[off]);
        str_buf_append(&b, s->data + off, len);
        if (i + 1 < n) {
            off =
                step > 0 ? off + str_offset_of_from(s, off, step) : str_offset_back(s, off, -step);
        }
    }
    return str_buf_finish(ts, &b);
}

// Byte length of the next n code points starting at byte offset off.
size_t str_offset_of_from(StrObj *s, size_t off, ssize_t n) {
    const unsigned char *p = (const unsigned char *)s->data;
    size_t start = off;
    while (n > 0 && off < s->len) {
        off += seq_len(p[off]);
        n--;
    }
    return off - start;
}

// The byte offset n code points before off.
size_t str_offset_back(StrObj *s, size_t off, ssize_t n) {
    const unsigned char *p = (const unsigned char *)s->data;
    while (n > 0 && off > 0) {
        off--;
        while (off > 0 && (p[off] & 0xC0) == 0x80) {
            off--;
        }
        n--;
    }
    return off;
}

// s[i] and s[i:j:k]: small ints take a fast path, other integers go
// through __index__.
static Value str_subscript(ThreadState *ts, Value v, Value key) {
    StrObj *s = as_str(v);
    if (is_small_int(key)) {
        int64_t i = as_small_int(key);
        if (i < 0) {
            i += (int64_t)s->nchars;
        }
        if (i < 0 || i >= (int64_t)s->nchars) {
            return exc_raise(ts, exc_IndexError, "string index out of range");
        }
        return str_getchar(ts, s, (size_t)i);
    }
    if (is_type_exact(key, &type_slice)) {
        return str_slice(ts, v, (SliceObj *)as_obj(key));
    }
    if (int_check(key) || type_of(key)->index) {
        size_t i;
        if (seq_index(ts, key, s->nchars, "string", &i) < 0) {
            return CS_ERR;
        }
        return str_getchar(ts, s, i);
    }
    return exc_raise(ts, exc_TypeError, "string indices must be integers, not '%T'", key);
}

// ---------------------------------------------------------------------------
// Codecs: utf-8, ascii and latin-1, with the errors handlers strict,
// ignore, replace (and backslashreplace for encoding).

typedef enum { CODEC_UTF8, CODEC_ASCII, CODEC_LATIN1, CODEC_UNKNOWN } Codec;

// Normalises a codec name as CPython's lookup does (case, '_' and ' ' as
// '-') and maps its aliases.
static Codec codec_of(const char *name) {
    char norm[32];
    size_t n = 0;
    for (; name[n] && n + 1 < sizeof norm; n++) {
        char c = name[n];
        norm[n] = c == '_' || c == ' ' ? '-' : (c >= 'A' && c <= 'Z' ? (char)(c + 32) : c);
    }
    norm[n] = '\0';
    if (name[n]) {
        return CODEC_UNKNOWN;
    }
    static const char *const utf8[] = {"utf-8", "utf8", "u8", "utf", "cp65001", NULL};
    static const char *const ascii[] = {"ascii", "us-ascii", "646", "us", NULL};
    static const char *const latin1[] = {"latin-1", "latin1", "iso-8859-1", "iso8859-1",  "8859",
                                         "cp819",   "l1",     "latin",      "iso-ir-100", NULL};
    const char *const *lists[3] = {utf8, ascii, latin1};
    for (int k = 0; k < 3; k++) {
        for (const char *const *p = lists[k]; *p; p++) {
            if (strcmp(norm, *p) == 0) {
                return (Codec)k;
            }
        }
    }
    return CODEC_UNKNOWN;
}

static const char *codec_name(Codec c) {
    return c == CODEC_UTF8 ? "utf-8" : c == CODEC_ASCII ? "ascii" : "latin-1";
}

typedef enum { ERR_STRICT, ERR_IGNORE, ERR_REPLACE, ERR_BACKSLASH, ERR_BAD } ErrMode;

// CPython checks the handler name only when an error occurs, so an
// unknown one (ERR_BAD) is reported lazily by the error paths.
static ErrMode err_mode(const char *errors) {
    if (!errors || strcmp(errors, "strict") == 0) {
        return ERR_STRICT;
    }
    if (strcmp(errors, "ignore") == 0) {
        return ERR_IGNORE;
    }
    if (strcmp(errors, "replace") == 0) {
        return ERR_REPLACE;
    }
    if (strcmp(errors, "backslashreplace") == 0) {
        return ERR_BACKSLASH;
    }
    return ERR_BAD;
}

static Value decode_error(ThreadState *ts, Codec c, const char *errors, const unsigned char *p,
                          size_t start, size_t end, const char *reason) {
    if (err_mode(errors) == ERR_BAD) {
        return exc_raise(ts, exc_LookupError, "unknown error handler name '%s'", errors);
    }
    if (end - start == 1) {
        char hex[4];
        snprintf(hex, sizeof hex, "%02x", p[start]);
        return exc_raise(ts, exc_UnicodeDecodeError,
                         "'%s' codec can't decode byte 0x%s in position %zu: %s", codec_name(c),
                         hex, start, reason);
    }
    return exc_raise(ts, exc_UnicodeDecodeError,
                     "'%s' codec can't decode bytes in position %zu-%zu: %s", codec_name(c), start,
                     end - 1, reason);
}

// One undecodable run [start, end): raise, skip, or emit U+FFFD / \xNN.
static int decode_bad(ThreadState *ts, StrBuf *b, Codec c, const char *errors,
                      const unsigned char *p, size_t start, size_t end, const char *reason) {
    switch (err_mode(errors)) {
    case ERR_IGNORE:
        return 0;
    case ERR_REPLACE:
        str_buf_append_codepoint(b, 0xFFFD);
        return 0;
    case ERR_BACKSLASH:
        for (size_t i = start; i < end; i++) {
            str_buf_printf(b, "\\x%02x", p[i]);
        }
        return 0;
    default:
        decode_error(ts, c, errors, p, start, end, reason);
        return -1;
    }
}

// ASCII runs are copied in bulk; other sequences are checked one by one.
static Value decode_utf8(ThreadState *ts, const unsigned char *p, size_t len, const char *errors) {
    StrBuf b;
    str_buf_init(&b);
    size_t i = 0;
    while (i < len) {
        size_t run = i;
        while (run < len && p[run] < 0x80) {
            run++;
        }
        str_buf_append(&b, (const char *)p + i, run - i);
        i = run;
        if (i >= len) {
            break;
        }
        size_t errlen;
        const char *reason;
        size_t n = utf8_check((const char *)p + i, len - i, &errlen, &reason);
        if (n > 0) {
            str_buf_append(&b, (const char *)p + i, n);
            i += n;
            continue;
        }
        if (decode_bad(ts, &b, CODEC_UTF8, errors, p, i, i + errlen, reason) < 0) {
            str_buf_free(&b);
            return CS_ERR;
        }
        i += errlen;
    }
    return str_buf_finish(ts, &b);
}

// ascii and latin-1: one byte per code point.
static Value decode_8bit(ThreadState *ts, Codec c, const unsigned char *p, size_t len,
                         const char *errors) {
    StrBuf b;
    str_buf_init(&b);
    for (size_t i = 0; i < len; i++) {
        if (p[i] < 0x80) {
            str_buf_append_char(&b, (char)p[i]);
        } else if (c == CODEC_LATIN1) {
            str_buf_append_codepoint(&b, p[i]);
        } else if (decode_bad(ts, &b, c, errors, p, i, i + 1, "ordinal not in range(128)") < 0) {
            str_buf_free(&b);
            return CS_ERR;
        }
    }
    return str_buf_finish(ts, &b);
}

Value str_decode(ThreadState *ts, const char *data, size_t len, const char *encoding,
                 const char *errors) {
    Codec c = codec_of(encoding ? encoding : "utf-8");
    const unsigned char *p = (const unsigned char *)data;
    if (c == CODEC_UNKNOWN) {
        return exc_raise(ts, exc_LookupError, "unknown encoding: %s", encoding);
    }
    if (c == CODEC_UTF8) {
        return decode_utf8(ts, p, len, errors);
    }
    return decode_8bit(ts, c, p, len, errors);
}

// Valid input (the usual case) is copied without a second pass.
Value str_decode_utf8(ThreadState *ts, const char *bytes, size_t len) {
    if (utf8_valid(bytes, len)) {
        return str_new(ts, bytes, len);
    }
    return decode_utf8(ts, (const unsigned char *)bytes, len, NULL);
}

static Value encode_error(ThreadState *ts, Codec c, const char *errors, StrObj *s, size_t start,
                          size_t end, const char *reason) {
    if (err_mode(errors) == ERR_BAD) {
        return exc_raise(ts, exc_LookupError, "unknown error handler name '%s'", errors);
    }
    if (end - start == 1) {
        size_t off = str_offset_of(s, start), n;
        uint32_t cp = cp_at(s->data + off, &n);
        char esc[12];
        if (cp < 0x100) {
            snprintf(esc, sizeof esc, "\\x%02x", (unsigned)cp);
        } else if (cp < 0x10000) {
            snprintf(esc, sizeof esc, "\\u%04x", (unsigned)cp);
        } else {
            snprintf(esc, sizeof esc, "\\U%08x", (unsigned)cp);
        }
        return exc_raise(ts, exc_UnicodeEncodeError,
                         "'%s' codec can't encode character '%s' in position %zu: %s",
                         codec_name(c), esc, start, reason);
    }
    return exc_raise(ts, exc_UnicodeEncodeError,
                     "'%s' codec can't encode characters in position %zu-%zu: %s", codec_name(c),
                     start, end - 1, reason);
}

// Is cp encodable in codec c?
static bool encodable(Codec c, uint32_t cp) {
    if (c == CODEC_UTF8) {
        return cp < 0xD800 || cp > 0xDFFF;
    }
    return cp < (c == CODEC_ASCII ? 0x80u : 0x100u);
}

// Appends one encodable code point in codec c.
static void encode_one(StrBuf *b, Codec c, uint32_t cp) {
    if (c == CODEC_UTF8) {
        str_buf_append_codepoint(b, cp);
    } else {
        str_buf_append_char(b, (char)(unsigned char)cp);
    }
}

// The end (byte offset, *end_idx code points) of the run of characters
// codec c cannot encode that starts at off: CPython reports whole runs.
static size_t bad_run_end(Codec c, StrObj *s, size_t off, size_t idx, size_t *end_idx) {
    while (off < s->len) {
        size_t k;
        if (encodable(c, cp_at(s->data + off, &k))) {
            break;
        }
        off += k;
        idx++;
    }
    *end_idx = idx;
    return off;
}

// Substitutes the unencodable bytes [off, end) as the handler says.
static void encode_substitute(StrBuf *b, ErrMode m, StrObj *s, size_t off, size_t end) {
    while (off < end) {
        size_t k;
        uint32_t q = cp_at(s->data + off, &k);
        if (m == ERR_REPLACE) {
            str_buf_append_char(b, '?');
        } else if (m == ERR_BACKSLASH) {
            str_buf_printf(b,
                           q < 0x100     ? "\\x%02x"
                           : q < 0x10000 ? "\\u%04x"
                                         : "\\U%08x",
                           (unsigned)q);
        }
        off += k;
    }
}

Value str_encode(ThreadState *ts, Value sv, const char *encoding, const char *errors) {
    StrObj *s = as_str(sv);
    Codec c = codec_of(encoding ? encoding : "utf-8");
    if (c == CODEC_UNKNOWN) {
        return exc_raise(ts, exc_LookupError, "unknown encoding: %s", encoding);
    }
    // Common case: the stored UTF-8 already is the answer.
    if ((s->hdr.aux & STR_ASCII) || (c == CODEC_UTF8 && utf8_valid(s->data, s->len))) {
        return bytes_new(ts, s->data, s->len);
    }
    const char *reason = c == CODEC_UTF8    ? "surrogates not allowed"
                         : c == CODEC_ASCII ? "ordinal not in range(128)"
                                            : "ordinal not in range(256)";
    StrBuf b;
    str_buf_init(&b);
    size_t off = 0, idx = 0;
    while (off < s->len) {
        size_t n;
        uint32_t cp = cp_at(s->data + off, &n);
        if (encodable(c, cp)) {
            encode_one(&b, c, cp);
            off += n;
            idx++;
            continue;
        }
        size_t end_idx, end = bad_run_end(c, s, off, idx, &end_idx);
        ErrMode m = err_mode(errors);
        if (m == ERR_STRICT || m == ERR_BAD) {
            str_buf_free(&b);
            return encode_error(ts, c, errors, s, idx, m == ERR_BAD ? idx + 1 : end_idx, reason);
        }
        encode_substitute(&b, m, s, off, end);
        off = end;
        idx = end_idx;
    }
    return str_buf_finish_bytes(ts, &b);
}

// ---------------------------------------------------------------------------
// Construction: str(), str(object), str(bytes, encoding, errors)

static int opt_cstr_arg(ThreadState *ts, Value v, const char *what, const char **out) {
    if (v == CS_UNBOUND) {
        *out = NULL;
        return 0;
    }
    if (!str_check(v)) {
        return exc_raise_int(ts, exc_TypeError, "str() argument '%s' must be str, not %T", what, v);
    }
    *out = str_cstr(v);
    return 0;
}

// str() with CPython's argument rules: one argument is str(x); an
// encoding or errors makes it a decode of a bytes-like object.
static Value str_from_args(ThreadState *ts, const Value *args, size_t nargs, TupleObj *kwnames) {
    Value a[3];
    if (nargs > 3) {
        return exc_raise(ts, exc_TypeError, "str() takes at most 3 arguments (%zu given)", nargs);
    }
    if (arg_parse(ts, "str", args, nargs, kwnames, "|object,encoding,errors", a) < 0) {
        return CS_ERR;
    }
    if (a[1] == CS_UNBOUND && a[2] == CS_UNBOUND) {
        return a[0] == CS_UNBOUND ? str_new(ts, "", 0) : obj_str(ts, a[0]);
    }
    const char *encoding = NULL, *errors = NULL;
    if (opt_cstr_arg(ts, a[1], "encoding", &encoding) < 0 ||
        opt_cstr_arg(ts, a[2], "errors", &errors) < 0) {
        return CS_ERR;
    }
    if (a[0] == CS_UNBOUND) {
        return str_new(ts, "", 0);
    }
    if (str_check(a[0])) {
        return exc_raise(ts, exc_TypeError, "decoding str is not supported");
    }
    const unsigned char *data;
    size_t len;
    if (!bytes_check(a[0]) && !is_type_exact(a[0], &type_bytearray) &&
        !type_is_subtype(type_of(a[0]), &type_bytearray)) {
        return exc_raise(ts, exc_TypeError, "decoding to str: need a bytes-like object, %T found",
                         a[0]);
    }
    if (bytes_view(ts, a[0], &data, &len) < 0) {
        return CS_ERR;
    }
    return str_decode(ts, (const char *)data, len, encoding, errors);
}

// For subclasses the text is computed as for str, then copied into an
// instance of the subclass.
static Value str_tp_new(ThreadState *ts, TypeObj *type, const Value *args, size_t nargs,
                        TupleObj *kwnames) {
    Value v = str_from_args(ts, args, nargs, kwnames);
    if (v == CS_ERR || type == &type_str) {
        return v;
    }
    gc_temp_push(ts, v);
    return str_new_typed(ts, type, as_str(v)->data, as_str(v)->len);
}

// ---------------------------------------------------------------------------
// Iterators: str_ascii_iterator indexes bytes, str_iterator walks UTF-8 one
// code point at a time, so a loop over any str is linear.

typedef struct StrIterObj {
    Obj hdr;
    Value str;  // CS_NONE once exhausted
    size_t pos; // byte offset of the next code point
} StrIterObj;

TypeObj type_str_iterator, type_str_ascii_iterator;

// The ASCII iterator type only differs in name (type(iter('a')) matches
// CPython's str_ascii_iterator); both walk bytes.
static Value str_iter(ThreadState *ts, Value v) {
    bool ascii = (as_str(v)->hdr.aux & STR_ASCII) != 0;
    StrIterObj *it =
        gc_alloc(ts, ascii ? &type_str_ascii_iterator : &type_str_iterator, sizeof(StrIterObj));
    it->str = v;
    it->pos = 0;
    return obj_val(it);
}

// Drops the str once exhausted so the iterator keeps nothing alive.
static Value str_iter_next(ThreadState *ts, Value self) {
    StrIterObj *it = (StrIterObj *)as_obj(self);
    if (it->str == CS_NONE) {
        return CS_STOP;
    }
    StrObj *s = as_str(it->str);
    if (it->pos >= s->len) {
        it->str = CS_NONE;
        return CS_STOP;
    }
    const char *p = s->data + it->pos;
    it->pos += seq_len((unsigned char)p[0]);
    return char_at(ts, p);
}

static void str_iter_trace(Obj *o, GcState *gc) {
    gc_mark_value(gc, ((StrIterObj *)o)->str);
}

static Value iter_self(ThreadState *ts, Value self) {
    return self;
}

static Value str_iter_length_hint(ThreadState *ts, Value self, const Value *args, size_t nargs,
                                  TupleObj *kwnames) {
    StrIterObj *it = (StrIterObj *)as_obj(self);
    if (it->str == CS_NONE) {
        return small_int_val(0);
    }
    StrObj *s = as_str(it->str);
    return small_int_val((int64_t)utf8_count(s->data + it->pos, s->len - it->pos));
}

static const MethodDef str_iter_methods[] = {
    {"__length_hint__", str_iter_length_hint, 0, NULL},
    {NULL, NULL, 0, NULL},
};

TypeObj type_str_iterator = {
    .hdr = OBJ_HEADER_INIT(&type_type),
    .name = "str_iterator",
    .basicsize = sizeof(StrIterObj),
    .flags = TYPE_ABSTRACT_NEW,
    .methods = str_iter_methods,
    .trace = str_iter_trace,
    .iter = iter_self,
    .iternext = str_iter_next,
};

TypeObj type_str_ascii_iterator = {
    .hdr = OBJ_HEADER_INIT(&type_type),
    .name = "str_ascii_iterator",
    .basicsize = sizeof(StrIterObj),
    .flags = TYPE_ABSTRACT_NEW,
    .methods = str_iter_methods,
    .trace = str_iter_trace,
    .iter = iter_self,
    .iternext = str_iter_next,
};

// ---------------------------------------------------------------------------
// The type

TypeObj type_str = {
    .hdr = OBJ_HEADER_INIT(&type_type),
    .name = "str",
    .basicsize = sizeof(StrObj),
    .flags = TYPE_BASETYPE | TYPE_STR_SUBCLASS | TYPE_VARSIZE,
    .doc = "str(object='') -> str\nstr(bytes_or_buffer[, encoding[, errors]]) -> str",
    .methods = str_method_table,
    .tp_new = str_tp_new,
    .repr = str_repr_slot,
    .str = str_str,
    .hash = str_hash_slot,
    .richcompare = str_richcompare,
    .truthy = str_truthy,
    .iter = str_iter,
    .len = str_len,
    .getitem = str_subscript,
    .contains = str_contains,
    .binop = {[BINOP_ADD] = str_add, [BINOP_MUL] = str_mul, [BINOP_MOD] = str_binop_mod},
};

// ---------------------------------------------------------------------------
// StrBuf

void str_buf_init(StrBuf *b) {
    b->data = NULL;
    b->len = 0;
    b->cap = 0;
    b->oom = false;
}

// Leaves the buffer empty and reusable.
void str_buf_free(StrBuf *b) {
    free(b->data);
    str_buf_init(b);
}

// Makes room for n more bytes (plus a NUL); false (oom set) on failure.
static bool reserve(StrBuf *b, size_t n) {
    if (b->oom) {
        return false;
    }
    if (n > SIZE_MAX / 2 - b->len) {
        b->oom = true;
        return false;
    }
    size_t need = b->len + n + 1;
    if (need <= b->cap) {
        return true;
    }
    size_t cap = b->cap ? b->cap : 32;
    while (cap < need) {
        cap *= 2;
    }
    char *p = realloc(b->data, cap);
    if (!p) {
        b->oom = true;
        return false;
    }
    b->data = p;
    b->cap = cap;
    return true;
}

// Appends nothing after an allocation failure: oom is reported once, by
// str_buf_finish.
void str_buf_append(StrBuf *b, const char *s, size_t n) {
    if (n == 0 || !reserve(b, n)) {
        return;
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
}

void str_buf_append_cstr(StrBuf *b, const char *s) {
    str_buf_append(b, s, strlen(s));
}

void str_buf_append_char(StrBuf *b, char c) {
    if (!reserve(b, 1)) {
        return;
    }
    b->data[b->len++] = c;
}

void str_buf_append_codepoint(StrBuf *b, uint32_t cp) {
    char tmp[4];
    str_buf_append(b, tmp, utf8_encode(cp, tmp));
}

// count copies of a unit (a fill character, possibly multi-byte).
void str_buf_append_fill(StrBuf *b, const char *unit, size_t unit_len, size_t count) {
    if (count == 0 || unit_len == 0) {
        return;
    }
    if (count > SIZE_MAX / 4 / unit_len || !reserve(b, unit_len * count)) {
        b->oom = true;
        return;
    }
    fill_repeat(b->data + b->len, unit, unit_len, count);
    b->len += unit_len * count;
}

// Formats into a stack scratch first; long results are formatted again
// straight into the buffer.
void str_buf_vprintf(StrBuf *b, const char *fmt, va_list ap) {
    va_list ap2;
    va_copy(ap2, ap);
    char tmp[256];
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    if (n < 0) {
        va_end(ap2);
        return;
    }
    if ((size_t)n < sizeof tmp) {
        str_buf_append(b, tmp, (size_t)n);
    } else if (reserve(b, (size_t)n)) {
        vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap2);
        b->len += (size_t)n;
    }
    va_end(ap2);
}

void str_buf_printf(StrBuf *b, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    str_buf_vprintf(b, fmt, ap);
    va_end(ap);
}

// str(v) honours a subclass's __str__, so only exact strs are copied
// directly.
int str_buf_append_str(ThreadState *ts, StrBuf *b, Value v) {
    if (!str_check(v) || !is_type_exact(v, &type_str)) {
        v = obj_str(ts, v);
        if (v == CS_ERR) {
            return -1;
        }
    }
    str_buf_append(b, as_str(v)->data, as_str(v)->len);
    return 0;
}

int str_buf_append_repr(ThreadState *ts, StrBuf *b, Value v) {
    if (is_type_exact(v, &type_str)) {
        str_buf_append_repr_text(b, as_str(v)->data, as_str(v)->len);
        return 0;
    }
    v = obj_repr(ts, v);
    if (v == CS_ERR) {
        return -1;
    }
    str_buf_append(b, as_str(v)->data, as_str(v)->len);
    return 0;
}

// The buffer holds valid UTF-8 by construction (every writer appends
// whole code points).
Value str_buf_finish(ThreadState *ts, StrBuf *b) {
    if (b->oom) {
        str_buf_free(b);
        return exc_no_memory(ts);
    }
    Value v = str_new(ts, b->data ? b->data : "", b->len);
    str_buf_free(b);
    return v;
}

Value str_buf_finish_bytes(ThreadState *ts, StrBuf *b) {
    if (b->oom) {
        str_buf_free(b);
        return exc_no_memory(ts);
    }
    Value v = bytes_new(ts, b->data ? b->data : "", b->len);
    str_buf_free(b);
    return v;
}

// ---------------------------------------------------------------------------
// str_format_c: printf with the cs extensions (vm/exc.h lists them).

// Appends a C string that may not be valid UTF-8 (strerror, file names):
// invalid bytes become U+FFFD so the str invariant holds.
static void append_c_text(StrBuf *b, const char *s, size_t n) {
    size_t i = 0;
    while (i < n) {
        size_t errlen;
        const char *reason;
        size_t k = utf8_check(s + i, n - i, &errlen, &reason);
        if (k == 0) {
            str_buf_append_codepoint(b, 0xFFFD);
            i += errlen;
        } else {
            str_buf_append(b, s + i, k);
            i += k;
        }
    }
}

// Byte length of at most `prec` code points of s (prec < 0: all).
static size_t prefix_len(const char *s, size_t n, long prec) {
    if (prec < 0) {
        return n;
    }
    size_t i = 0;
    while (i < n && prec > 0) {
        i += seq_len((unsigned char)s[i]);
        prec--;
    }
    return i < n ? i : n;
}

// %U %R %S %T: the text of a Value, truncated to prec code points.
static int append_value(ThreadState *ts, StrBuf *b, char conv, Value v, long prec) {
    if (conv == 'R' || conv == 'S') {
        v = conv == 'R' ? obj_repr(ts, v) : obj_str(ts, v);
        if (v == CS_ERR) {
            return -1;
        }
    }
    if (conv == 'T') {
        const char *name = obj_type_name(v);
        str_buf_append(b, name, prefix_len(name, strlen(name), prec));
        return 0;
    }
    if (str_check(v)) {
        StrObj *s = as_str(v);
        str_buf_append(b, s->data, prefix_len(s->data, s->len, prec));
    }
    return 0;
}

// A parsed C directive: %[-0][width][.precision][l|ll|z]conversion.
typedef struct Directive {
    bool left, zero;
    int width; // 0: none
    long prec; // -1: none
    int lmod;  // 0, 'l', 'L' (ll) or 'z'
    char conv;
} Directive;

// Reads an integer argument of the directive's size, widened.
static long long int_arg(va_list *ap, const Directive *d, bool sign) {
    if (d->lmod == 'z') {
        return sign ? (long long)va_arg(*ap, ssize_t) : (long long)va_arg(*ap, size_t);
    }
    if (d->lmod == 'L') {
        return sign ? va_arg(*ap, long long) : (long long)va_arg(*ap, unsigned long long);
    }
    if (d->lmod == 'l') {
        return sign ? (long long)va_arg(*ap, long) : (long long)va_arg(*ap, unsigned long);
    }
    return sign ? (long long)va_arg(*ap, int) : (long long)va_arg(*ap, unsigned int);
}

// d i u x X with flags and width, through the C library.
static void append_int(StrBuf *b, va_list *ap, const Directive *d) {
    bool sign = d->conv == 'd' || d->conv == 'i';
    long long v = int_arg(ap, d, sign);
    char f[16];
    snprintf(f, sizeof f, "%%%s%s*ll%c", d->left ? "-" : "", d->zero ? "0" : "",
             sign ? 'd' : d->conv);
    if (sign) {
        str_buf_printf(b, f, d->width, v);
    } else {
        str_buf_printf(b, f, d->width, (unsigned long long)v);
    }
}

// Parses the part of a directive after '%' up to its conversion character.
static void parse_directive(const char **fp, Directive *d) {
    const char *f = *fp;
    d->left = d->zero = false;
    for (; *f == '-' || *f == '0'; f++) {
        d->left |= *f == '-';
        d->zero |= *f == '0';
    }
    d->width = 0;
    for (; *f >= '0' && *f <= '9'; f++) {
        d->width = d->width * 10 + (*f - '0');
    }
    d->prec = -1;
    if (*f == '.') {
        d->prec = 0;
        for (f++; *f >= '0' && *f <= '9'; f++) {
            d->prec = d->prec * 10 + (*f - '0');
        }
    }
    d->lmod = 0;
    if (f[0] == 'l' && f[1] == 'l') {
        d->lmod = 'L';
        f += 2;
    } else if (*f == 'l' || *f == 'z') {
        d->lmod = *f++;
    }
    d->conv = *f;
    *fp = f + (*f != '\0');
}

// Appends text (truncated to the precision) padded to the width.
static void append_padded(StrBuf *b, const Directive *d, const char *s, size_t n) {
    n = prefix_len(s, n, d->prec);
    size_t chars = utf8_count(s, n);
    size_t pad = d->width > 0 && (size_t)d->width > chars ? (size_t)d->width - chars : 0;
    if (!d->left) {
        str_buf_append_fill(b, " ", 1, pad);
    }
    append_c_text(b, s, n);
    if (d->left) {
        str_buf_append_fill(b, " ", 1, pad);
    }
}

// The conversions taking a C argument (not a Value).
static void format_c_arg(StrBuf *b, const Directive *d, va_list *ap) {
    switch (d->conv) {
    case 'c':
        str_buf_append_codepoint(b, (uint32_t)va_arg(*ap, int));
        break;
    case 'p':
        str_buf_printf(b, "%p", va_arg(*ap, void *));
        break;
    case 's': {
        const char *s = va_arg(*ap, const char *);
        s = s ? s : "(null)";
        append_padded(b, d, s, strlen(s));
        break;
    }
    case 'N': {
        TypeObj *t = va_arg(*ap, TypeObj *);
        const char *name = t->name_str ? t->name_str->data : t->name;
        append_padded(b, d, name, strlen(name));
        break;
    }
    default:
        append_int(b, ap, d);
        break;
    }
}

// One directive after its '%': *fp moves past it. -1 when repr/str raised.
static int format_directive(ThreadState *ts, StrBuf *b, const char **fp, va_list *ap) {
    Directive d;
    parse_directive(fp, &d);
    char conv = d.conv;
    if (conv && strchr("diuxXcpsN", conv)) {
        format_c_arg(b, &d, ap);
        return 0;
    }
    if (conv && strchr("URST", conv)) {
        return append_value(ts, b, conv, va_arg(*ap, Value), d.prec);
    }
    // "%%", or an unknown directive kept as text.
    if (conv != '%') {
        str_buf_append_char(b, '%');
    }
    if (conv) {
        str_buf_append_char(b, conv);
    }
    return 0;
}

// Exception messages are built here (exc_raise), so the arguments are
// consumed in order even when a repr fails half-way.
Value str_format_cv(ThreadState *ts, const char *fmt, va_list ap) {
    StrBuf b;
    str_buf_init(&b);
    va_list ap2;
    va_copy(ap2, ap);
    const char *f = fmt;
    while (*f) {
        const char *pct = strchr(f, '%');
        if (!pct) {
            append_c_text(&b, f, strlen(f));
            break;
        }
        append_c_text(&b, f, (size_t)(pct - f));
        f = pct + 1;
        if (format_directive(ts, &b, &f, &ap2) < 0) {
            va_end(ap2);
            str_buf_free(&b);
            return CS_ERR;
        }
    }
    va_end(ap2);
    return str_buf_finish(ts, &b);
}

Value str_format_c(ThreadState *ts, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    Value v = str_format_cv(ts, fmt, ap);
    va_end(ap);
    return v;
}
