// Unit tests of the str machinery that scripts reach only indirectly: the
// UTF-8 helpers and codec checks, hashing, StrBuf, repr escapes, substring
// search and the Unicode database; plus str and bytes behaviour through the
// embedding API (include/cs.h) once an interpreter can run.
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cs.h"
#include "vm/str.h"
#include "vm/unicode.h"

// ---------------------------------------------------------------------------
// UTF-8

Test(str, utf8_encode_decode_round_trip) {
    static const uint32_t cps[] = {0,      'A',    0x7F,    0x80,    0xE9,
                                   0x7FF,  0x800,  0x20AC,  0xD7FF,  0xE000,
                                   0xFFFD, 0xFFFF, 0x10000, 0x1F600, 0x10FFFF};
    for (size_t i = 0; i < sizeof cps / sizeof cps[0]; i++) {
        char buf[4];
        size_t n = utf8_encode(cps[i], buf);
        uint32_t back = 0;
        cr_assert_eq(utf8_decode(buf, n, &back), n, "length of U+%X", cps[i]);
        cr_assert_eq(back, cps[i]);
    }
}

Test(str, utf8_encode_lengths) {
    char buf[4];
    cr_assert_eq(utf8_encode(0x7F, buf), 1);
    cr_assert_eq(utf8_encode(0x80, buf), 2);
    cr_assert_eq(utf8_encode(0x800, buf), 3);
    cr_assert_eq(utf8_encode(0x10000, buf), 4);
    cr_assert_eq(memcmp(buf, "\xF0\x90\x80\x80", 4), 0);
}

Test(str, utf8_decode_rejects_malformed) {
    uint32_t cp;
    cr_assert_eq(utf8_decode("\xC0\x80", 2, &cp), 0, "overlong NUL");
    cr_assert_eq(utf8_decode("\xE0\x80\x80", 3, &cp), 0, "overlong 3-byte");
    cr_assert_eq(utf8_decode("\xF4\x90\x80\x80", 4, &cp), 0, "above U+10FFFF");
    cr_assert_eq(utf8_decode("\xE2\x82", 2, &cp), 0, "truncated");
    cr_assert_eq(utf8_decode("\x80", 1, &cp), 0, "lone continuation");
    cr_assert_eq(utf8_decode("\xE2\x28\xA1", 3, &cp), 0, "bad continuation");
}

Test(str, lone_surrogates_decode_but_are_not_valid_utf8) {
    uint32_t cp;
    cr_assert_eq(utf8_decode("\xED\xA0\x80", 3, &cp), 3);
    cr_assert_eq(cp, 0xD800);
    cr_assert_not(utf8_valid("\xED\xA0\x80", 3));
    cr_assert(utf8_valid("caf\xC3\xA9 \xE2\x98\x95", 9));
}

Test(str, utf8_count_counts_code_points) {
    cr_assert_eq(utf8_count("", 0), 0);
    cr_assert_eq(utf8_count("abc", 3), 3);
    cr_assert_eq(utf8_count("caf\xC3\xA9", 5), 4);
    cr_assert_eq(utf8_count("\xF0\x9F\x98\x80!", 5), 2);
}

Test(str, utf8_check_reports_cpython_reasons) {
    size_t errlen;
    const char *reason;
    cr_assert_eq(utf8_check("\xFF", 1, &errlen, &reason), 0);
    cr_assert_str_eq(reason, "invalid start byte");
    cr_assert_eq(errlen, 1);
    cr_assert_eq(utf8_check("\xE4\xB8", 2, &errlen, &reason), 0);
    cr_assert_str_eq(reason, "unexpected end of data");
    cr_assert_eq(errlen, 2);
    cr_assert_eq(utf8_check("\xE4\x41", 2, &errlen, &reason), 0);
    cr_assert_str_eq(reason, "invalid continuation byte");
    cr_assert_eq(errlen, 1);
    cr_assert_eq(utf8_check("\xF0\x90\x80x", 4, &errlen, &reason), 0);
    cr_assert_eq(errlen, 3);
    cr_assert_eq(utf8_check("\xED\xA0\x80", 3, &errlen, &reason), 0, "surrogate");
    cr_assert_eq(errlen, 1);
    cr_assert_eq(utf8_check("\xC3\xA9", 2, &errlen, &reason), 2);
}

// ---------------------------------------------------------------------------
// Hashing

Test(str, hash_is_stable_and_never_minus_one) {
    const char *words[] = {"",           "a", "b", "ab", "hello", "hello world, a longer text",
                           "caf\xC3\xA9"};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        int64_t h1 = str_hash_bytes(words[i], strlen(words[i]));
        int64_t h2 = str_hash_bytes(words[i], strlen(words[i]));
        cr_assert_eq(h1, h2);
        cr_assert_neq(h1, -1);
    }
}

Test(str, hash_separates_similar_texts) {
    char buf[16];
    int64_t seen[256];
    for (int i = 0; i < 256; i++) {
        snprintf(buf, sizeof buf, "key%d", i);
        seen[i] = str_hash_bytes(buf, strlen(buf));
        for (int j = 0; j < i; j++) {
            cr_assert_neq(seen[i], seen[j], "key%d and key%d collide", i, j);
        }
    }
    // Every byte of a long text counts, including the tail after 8-byte words.
    cr_assert_neq(str_hash_bytes("abcdefghij", 10), str_hash_bytes("abcdefghik", 10));
    cr_assert_neq(str_hash_bytes("abcdefgh", 8), str_hash_bytes("abcdefgh\0", 9));
}

// ---------------------------------------------------------------------------
// StrBuf

Test(str, strbuf_appends_and_grows) {
    StrBuf b;
    str_buf_init(&b);
    for (int i = 0; i < 1000; i++) {
        str_buf_append_char(&b, 'x');
    }
    str_buf_append_cstr(&b, "end");
    cr_assert_eq(b.len, 1003);
    cr_assert_eq(memcmp(b.data + 1000, "end", 3), 0);
    cr_assert_not(b.oom);
    str_buf_free(&b);
    cr_assert_null(b.data);
    cr_assert_eq(b.len, 0);
}

Test(str, strbuf_printf_and_codepoints) {
    StrBuf b;
    str_buf_init(&b);
    str_buf_printf(&b, "%d-%s", 42, "ok");
    str_buf_append_codepoint(&b, 0xE9);
    str_buf_append_codepoint(&b, 0x1F600);
    cr_assert_eq(b.len, 5 + 2 + 4);
    cr_assert_eq(memcmp(b.data, "42-ok\xC3\xA9\xF0\x9F\x98\x80", b.len), 0);
    str_buf_free(&b);
}

Test(str, strbuf_printf_longer_than_its_scratch) {
    StrBuf b;
    str_buf_init(&b);
    str_buf_printf(&b, "%0500d", 7);
    cr_assert_eq(b.len, 500);
    cr_assert_eq(b.data[499], '7');
    cr_assert_eq(b.data[0], '0');
    str_buf_free(&b);
}

Test(str, strbuf_fill_repeats_units) {
    StrBuf b;
    str_buf_init(&b);
    str_buf_append_fill(&b, "ab", 2, 3);
    str_buf_append_fill(&b, "\xC3\xA9", 2, 2);
    str_buf_append_fill(&b, "z", 1, 0);
    cr_assert_eq(b.len, 10);
    cr_assert_eq(memcmp(b.data, "ababab\xC3\xA9\xC3\xA9", 10), 0);
    str_buf_free(&b);
}

// ---------------------------------------------------------------------------
// repr escapes

static void check_repr(const char *text, const char *expected) {
    StrBuf b;
    str_buf_init(&b);
    str_buf_append_repr_text(&b, text, strlen(text));
    str_buf_append_char(&b, '\0');
    cr_assert_str_eq(b.data, expected, "repr of \"%s\"", text);
    str_buf_free(&b);
}

Test(str, repr_chooses_quotes_like_cpython) {
    check_repr("plain", "'plain'");
    check_repr("it's", "\"it's\"");
    check_repr("say \"hi\"", "'say \"hi\"'");
    check_repr("both ' and \"", "'both \\' and \"'");
}

Test(str, repr_escapes_controls_and_nonprintables) {
    check_repr("a\tb\nc\rd\\", "'a\\tb\\nc\\rd\\\\'");
    check_repr("\x01\x7F", "'\\x01\\x7f'");
    check_repr("\xC2\x80\xC2\xA0\xC2\xAD", "'\\x80\\xa0\\xad'");
    check_repr("\xE2\x80\xA8", "'\\u2028'");
    check_repr("\xF3\xA0\x80\x81", "'\\U000e0001'");
    check_repr("\xED\xA0\x80", "'\\ud800'");
}

Test(str, repr_keeps_printable_unicode) {
    check_repr("caf\xC3\xA9 \xE2\x98\x95 \xF0\x9F\x98\x80",
               "'caf\xC3\xA9 \xE2\x98\x95 \xF0\x9F\x98\x80'");
}

// ---------------------------------------------------------------------------
// Substring search

Test(str, find_bytes_short_and_long) {
    cr_assert_eq(str_find_bytes("hello", 5, "", 0), 0);
    cr_assert_eq(str_find_bytes("hello", 5, "l", 1), 2);
    cr_assert_eq(str_find_bytes("hello", 5, "lo", 2), 3);
    cr_assert_eq(str_find_bytes("hello", 5, "lox", 3), -1);
    cr_assert_eq(str_find_bytes("he", 2, "hello", 5), -1);
    // Long haystacks take the Horspool path.
    char hay[1000];
    memset(hay, 'a', sizeof hay);
    memcpy(hay + 900, "needle", 6);
    cr_assert_eq(str_find_bytes(hay, sizeof hay, "needle", 6), 900);
    cr_assert_eq(str_find_bytes(hay, sizeof hay, "needlf", 6), -1);
    cr_assert_eq(str_find_bytes(hay, sizeof hay, "aaaan", 5), 896);
}

Test(str, rfind_bytes) {
    cr_assert_eq(str_rfind_bytes("abcabc", 6, "bc", 2), 4);
    cr_assert_eq(str_rfind_bytes("abcabc", 6, "", 0), 6);
    cr_assert_eq(str_rfind_bytes("abcabc", 6, "x", 1), -1);
    cr_assert_eq(str_rfind_bytes("abcabc", 6, "abc", 3), 3);
}

// ---------------------------------------------------------------------------
// Unicode database (generated from CPython 3.11)

Test(str, unicode_classes) {
    cr_assert(unicode_isalpha(0xE9));
    cr_assert(unicode_isalpha(0x65E5)); // 日
    cr_assert_not(unicode_isalpha('1'));
    cr_assert(unicode_isdecimal(0x663)); // Arabic-Indic three
    cr_assert_eq(unicode_decimal(0x663), 3);
    cr_assert(unicode_isdigit(0xB2)); // superscript two
    cr_assert_not(unicode_isdecimal(0xB2));
    cr_assert(unicode_isnumeric(0xBD)); // one half
    cr_assert(unicode_isspace(0x3000));
    cr_assert(unicode_isspace(0x1C));
    cr_assert_not(unicode_isprintable(0xA0));
    cr_assert(unicode_isprintable(' '));
    cr_assert(unicode_isxid_start('_'));
    cr_assert_not(unicode_isxid_start('1'));
    cr_assert(unicode_isxid_continue('1'));
    cr_assert(unicode_istitle(0x1C5));
}

Test(str, unicode_full_case_mappings) {
    uint32_t out[3];
    cr_assert_eq(unicode_to_upper(0xDF, out), 2); // ß -> SS
    cr_assert_eq(out[0], 'S');
    cr_assert_eq(out[1], 'S');
    cr_assert_eq(unicode_to_lower(0x130, out), 2); // İ -> i + combining dot
    cr_assert_eq(out[0], 'i');
    cr_assert_eq(out[1], 0x307);
    cr_assert_eq(unicode_to_title(0xFB01, out), 2); // ﬁ -> Fi
    cr_assert_eq(out[0], 'F');
    cr_assert_eq(unicode_to_upper(0x3C9, out), 1); // ω -> Ω
    cr_assert_eq(out[0], 0x3A9);
    cr_assert_eq(unicode_to_lower('Q', out), 1);
    cr_assert_eq(out[0], 'q');
    cr_assert_eq(unicode_to_fold(0xDF, out), 2);
    cr_assert_eq(out[0], 's');
}

// ---------------------------------------------------------------------------
// Through the interpreter: evaluate expressions and compare their repr.

static CsVM *vm;

static void open_vm(void) {
    vm = cs_open(0, NULL);
    cr_assert_not_null(vm);
}

static void close_vm(void) {
    cs_close(vm);
}

static void check_eval(const char *expr, const char *expected) {
    char *got = cs_eval(vm, expr);
    cr_assert_not_null(got, "%s raised %s", expr, cs_error(vm) ? cs_error(vm) : "?");
    cr_assert_str_eq(got, expected, "%s", expr);
    free(got);
}

static void check_raises(const char *expr, const char *expected) {
    char *got = cs_eval(vm, expr);
    cr_assert_null(got, "%s should raise", expr);
    cr_assert_str_eq(cs_error(vm), expected, "%s", expr);
}

Test(str, methods_through_eval, .init = open_vm, .fini = close_vm) {
    check_eval("'a,b,,c'.split(',')", "['a', 'b', '', 'c']");
    check_eval("'  x  y '.split()", "['x', 'y']");
    check_eval("'-'.join(['1', '2'])", "'1-2'");
    check_eval("'Stra\\u00dfe'.upper()", "'STRASSE'");
    check_eval("'ΟΔΟΣ'.lower()", "'οδος'");
    check_eval("'abc'[::-1] + 'é'[0]", "'cbaé'");
    check_eval("'naïve'[2:4]", "'ïv'");
    check_eval("'%5.2f|%-4d|%x' % (3.14159, 7, 255)", "' 3.14|7   |ff'");
    check_eval("'{0!r:>6}{x}'.format('a', x=1)", "\"   'a'1\"");
    check_eval("format('ab', '^6')", "'  ab  '");
    check_eval("b'ab' + bytearray(b'c')", "b'abc'");
    check_eval("bytes.fromhex('de ad').hex(':')", "'de:ad'");
    check_eval("'é'.encode() + 'é'.encode('latin-1')", "b'\\xc3\\xa9\\xe9'");
}

Test(str, errors_through_eval, .init = open_vm, .fini = close_vm) {
    check_raises("'a' + 1", "TypeError: can only concatenate str (not \"int\") to str");
    check_raises("'abc'.index('z')", "ValueError: substring not found");
    check_raises("'x'[5]", "IndexError: string index out of range");
    check_raises("'%d' % 'x'", "TypeError: %d format: a real number is required, not str");
    check_raises("b'\\xff'.decode()",
                 "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 0: "
                 "invalid start byte");
    check_raises("''.join([1])", "TypeError: sequence item 0: expected str instance, int found");
}
