// Parser tests (suite "parser"): trees, positions, errors, REPL and eval
// modes, the error printer, and robustness. The expected trees and errors
// are CPython 3.11's: ast.parse dumped in ast_dump's format, the
// SyntaxError attributes `python3 x.cs` reports (lineno:offset-end_lineno:
// end_offset), codeop.compile_command's verdicts, and the text CPython
// prints for an uncaught SyntaxError.
#include <criterion/criterion.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parser/parser.h"

// The dump of src parsed in mode, or its error as
// "SyntaxError: msg @lineno:offset-end_lineno:end_offset". Caller frees.
static char *parse_to_string(const char *src, size_t len, ParseMode mode, int flags) {
    Arena *a = arena_new();
    ParseError err;
    Mod *m = parse_source(a, src, len, "x.cs", mode, &err);
    char *out;
    if (m) {
        out = ast_dump(m, flags);
    } else {
        out = malloc(600);
        if (err.kind == PARSE_MEMORY_ERROR) {
            snprintf(out, 600, "MemoryError");
        } else if (err.kind == PARSE_INCOMPLETE) {
            snprintf(out, 600, "%s", err.msg);
        } else {
            snprintf(out, 600, "%s: %s @%d:%d-%d:%d", parse_error_type_name(err.kind), err.msg,
                     err.lineno, err.offset, err.end_lineno, err.end_offset);
        }
    }
    arena_free(a);
    return out;
}

static void expect_mode(const char *src, ParseMode mode, int flags, const char *expected) {
    char *got = parse_to_string(src, strlen(src), mode, flags);
    cr_expect_str_eq(got, expected, "source: %s\n   got: %s\nwanted: %s", src, got, expected);
    free(got);
}

static void expect_tree(const char *src, const char *expected) {
    expect_mode(src, PARSE_FILE, 0, expected);
}

static void expect_positions(const char *src, const char *expected) {
    expect_mode(src, PARSE_FILE, AST_DUMP_POSITIONS, expected);
}

static void expect_error(const char *src, const char *expected) {
    expect_mode(src, PARSE_FILE, 0, expected);
}

static void expect_interactive(const char *src, const char *expected) {
    expect_mode(src, PARSE_INTERACTIVE, 0, expected);
}

static void expect_eval(const char *src, const char *expected) {
    expect_mode(src, PARSE_EVAL, 0, expected);
}

// parse_error_format's text for src (which must fail to parse).
static void expect_format(const char *src, const char *expected) {
    Arena *a = arena_new();
    ParseError err;
    char buf[2048];
    Mod *m = parse_source(a, src, strlen(src), "x.cs", PARSE_FILE, &err);
    cr_assert_null(m, "source: %s", src);
    size_t n = parse_error_format(&err, "x.cs", src, buf, sizeof buf);
    cr_expect_eq(n, strlen(buf));
    cr_expect_str_eq(buf, expected, "source: %s", src);
    arena_free(a);
}

// The first statement of src (which must parse).
static Stmt *first_stmt(Arena *a, const char *src) {
    ParseError err;
    Mod *m = parse_source(a, src, strlen(src), "x.cs", PARSE_FILE, &err);
    cr_assert_not_null(m, "source: %s (%s)", src, err.msg);
    cr_assert_gt(m->v.Module.body.len, 0);
    return m->v.Module.body.items[0];
}

// The value of "x = <literal>".
static const AstConstant *literal(Arena *a, const char *src) {
    Stmt *s = first_stmt(a, src);
    cr_assert_eq(s->kind, AST_ASSIGN);
    cr_assert_eq(s->v.Assign.value->kind, AST_CONSTANT);
    return &s->v.Assign.value->v.Constant.value;
}

// ---------------------------------------------------------------------------
// The AST as the compiler reads it

Test(parser, int_literal_keeps_clean_digits_and_base) {
    Arena *a = arena_new();
    const AstConstant *c = literal(a, "x = 0x_FF");
    cr_expect_eq(c->kind, AST_CONST_INT);
    cr_expect_str_eq(c->v.i.digits, "FF");
    cr_expect_eq(c->v.i.base, 16);
    c = literal(a, "x = 123_456_789_012_345_678_901_234_567_890");
    cr_expect_str_eq(c->v.i.digits, "123456789012345678901234567890");
    cr_expect_eq(c->v.i.base, 10);
    c = literal(a, "x = 0o17");
    cr_expect_str_eq(c->v.i.digits, "17");
    cr_expect_eq(c->v.i.base, 8);
    c = literal(a, "x = 0B1010");
    cr_expect_str_eq(c->v.i.digits, "1010");
    cr_expect_eq(c->v.i.base, 2);
    arena_free(a);
}

Test(parser, float_and_imaginary_literals_are_doubles) {
    Arena *a = arena_new();
    const AstConstant *c = literal(a, "x = 1_0.5e1_0");
    cr_expect_eq(c->kind, AST_CONST_FLOAT);
    cr_expect_eq(c->v.f, 10.5e10);
    cr_expect_eq(literal(a, "x = .5")->v.f, 0.5);
    cr_expect_eq(literal(a, "x = 5.")->v.f, 5.0);
    cr_expect_eq(literal(a, "x = 1e-3")->v.f, 1e-3);
    c = literal(a, "x = 2.5j");
    cr_expect_eq(c->kind, AST_CONST_COMPLEX);
    cr_expect_eq(c->v.f, 2.5);
    arena_free(a);
}

Test(parser, string_constants_are_decoded_utf8_with_length) {
    Arena *a = arena_new();
    const AstConstant *c = literal(a, "x = 'a\\0b\\xe9'");
    cr_expect_eq(c->kind, AST_CONST_STR);
    cr_expect_eq(c->v.s.len, 5);
    cr_expect_eq(memcmp(c->v.s.data, "a\0b\xc3\xa9", 5), 0);
    cr_expect_eq(c->v.s.data[5], 0);
    c = literal(a, "x = b'\\x00\\xff' b'z'");
    cr_expect_eq(c->kind, AST_CONST_BYTES);
    cr_expect_eq(c->v.s.len, 3);
    cr_expect_eq(memcmp(c->v.s.data, "\0\xffz", 3), 0);
    arena_free(a);
}

Test(parser, u_prefix_sets_constant_kind) {
    Arena *a = arena_new();
    Stmt *s = first_stmt(a, "x = u'a' 'b'");
    cr_expect_str_eq(s->v.Assign.value->v.Constant.kind, "u");
    s = first_stmt(a, "x = 'a' u'b'");
    cr_expect_null(s->v.Assign.value->v.Constant.kind);
    arena_free(a);
}

Test(parser, unary_minus_on_literal_stays_unary_op) {
    Arena *a = arena_new();
    Stmt *s = first_stmt(a, "x = -1");
    cr_expect_eq(s->v.Assign.value->kind, AST_UNARY_OP);
    cr_expect_eq(s->v.Assign.value->v.UnaryOp.op, AST_UOP_USUB);
    arena_free(a);
}

Test(parser, arguments_defaults_and_kw_defaults) {
    Arena *a = arena_new();
    Stmt *s = first_stmt(a, "def f(a, b=1, /, c=2, *d, e, f=3, **g): pass");
    Arguments *args = s->v.FunctionDef.args;
    cr_expect_eq(args->posonlyargs.len, 2);
    cr_expect_eq(args->args.len, 1);
    cr_expect_str_eq(args->vararg->arg, "d");
    cr_expect_eq(args->kwonlyargs.len, 2);
    cr_expect_eq(args->kw_defaults.len, 2);
    cr_expect_null(args->kw_defaults.items[0]);
    cr_expect_not_null(args->kw_defaults.items[1]);
    cr_expect_eq(args->defaults.len, 2);
    cr_expect_str_eq(args->kwarg->arg, "g");
    arena_free(a);
}

Test(parser, dict_unpacking_has_null_key_and_call_unpacking_null_arg) {
    Arena *a = arena_new();
    Stmt *s = first_stmt(a, "x = {**m, 1: 2}");
    cr_expect_null(s->v.Assign.value->v.Dict.keys.items[0]);
    cr_expect_not_null(s->v.Assign.value->v.Dict.keys.items[1]);
    s = first_stmt(a, "f(**k)");
    cr_expect_null(s->v.Expr.value->v.Call.keywords.items[0]->arg);
    arena_free(a);
}

Test(parser, decorated_function_keeps_def_line) {
    Arena *a = arena_new();
    Stmt *s = first_stmt(a, "@dec\n\ndef f():\n    pass");
    cr_expect_eq(s->lineno, 3);
    cr_expect_eq(s->end_lineno, 4);
    cr_expect_eq(s->v.FunctionDef.decorator_list.len, 1);
    arena_free(a);
}

Test(parser, names_are_arena_strings) {
    Arena *a = arena_new();
    Stmt *s = first_stmt(a, "import a.b.c as d");
    cr_expect_str_eq(s->v.Import.names.items[0]->name, "a.b.c");
    cr_expect_str_eq(s->v.Import.names.items[0]->asname, "d");
    s = first_stmt(a, "from .. import x");
    cr_expect_null(s->v.ImportFrom.module);
    cr_expect_eq(s->v.ImportFrom.level, 2);
    arena_free(a);
}

Test(parser, ast_names_and_operator_spellings) {
    cr_expect_str_eq(ast_kind_name(AST_FUNCTION_DEF), "FunctionDef");
    cr_expect_str_eq(ast_kind_name(AST_WITH_ITEM), "withitem");
    cr_expect_str_eq(ast_operator_name(AST_OP_FLOOR_DIV), "FloorDiv");
    cr_expect_str_eq(ast_operator_text(AST_OP_MAT_MULT), "@");
    cr_expect_str_eq(ast_cmpop_text(AST_CMP_NOT_IN), "not in");
    cr_expect_str_eq(ast_unaryop_name(AST_UOP_INVERT), "Invert");
    cr_expect_str_eq(ast_boolop_name(AST_BOOL_OR), "Or");
    cr_expect_str_eq(ast_context_name(AST_DEL), "Del");
}

Test(parser, arena_allocations_are_zeroed_and_aligned) {
    Arena *a = arena_new();
    for (int i = 1; i < 200; i++) {
        unsigned char *p = arena_alloc(a, (size_t)i * 97);
        cr_expect_eq((size_t)p % 16, 0);
        for (int j = 0; j < i * 97; j++) {
            cr_assert_eq(p[j], 0);
        }
    }
    char *s = arena_strndup(a, "ab\0cd", 5);
    cr_expect_eq(memcmp(s, "ab\0cd\0", 6), 0);
    void *big = arena_alloc(a, 1 << 20);
    cr_expect_not_null(big);
    arena_free(a);
}

// ---------------------------------------------------------------------------
// Robustness: any input gives a tree or a clean error

Test(parser, ten_thousand_open_parens_give_too_many_nested_parentheses) {
    size_t n = 10000;
    char *src = malloc(n + 1);
    memset(src, '(', n);
    src[n] = 0;
    char *got = parse_to_string(src, n, PARSE_FILE, 0);
    cr_expect_str_eq(got, "SyntaxError: too many nested parentheses @1:201-1:201");
    free(got);
    free(src);
}

Test(parser, deep_nesting_without_brackets_is_a_memory_error) {
    static char src[10010];
    size_t n = 10000;
    memcpy(src, "x = ", 4);
    memset(src + 4, '-', n);
    src[4 + n] = '1';
    char *got = parse_to_string(src, strlen(src), PARSE_FILE, 0);
    cr_expect_str_eq(got, "MemoryError"); // CPython's parser gives up the same way
    free(got);
    src[4 + 1000] = '1'; // a thousand levels still parse
    src[4 + 1001] = 0;
    got = parse_to_string(src, strlen(src), PARSE_FILE, 0);
    cr_expect_eq(strncmp(got, "(Module", 7), 0);
    free(got);
}

Test(parser, long_operator_chain_parses_without_deep_recursion) {
    size_t terms = 100000;
    char *src = malloc(terms * 2 + 8);
    size_t n = 0;
    n += (size_t)sprintf(src, "x = a");
    for (size_t i = 1; i < terms; i++) {
        n += (size_t)sprintf(src + n, "+a");
    }
    char *got = parse_to_string(src, n, PARSE_FILE, 0);
    cr_expect_eq(strncmp(got, "(Module [(Assign [(Name x Store)] (BinOp ", 41), 0);
    free(got);
    free(src);
}

// A small deterministic generator, so failures reproduce.
static unsigned next_random(unsigned *state) {
    *state = *state * 1103515245u + 12345u;
    return (*state >> 16) & 0x7fff;
}

static const char *const fragments[] = {
    "(",      ")",      "[",       "]",       "{",        "}",      ":",       "=",
    ",",      ".",      "if ",     "else ",   "for ",     " in ",   "lambda ", "*",
    "**",     "def ",   "class ",  "return ", "yield ",   "not ",   "x",       "1",
    "0x",     "1e",     "'a'",     "\"",      "'''",      "f'{",    "}'",      "f\"{x!r:>{y}}\"",
    "\n",     "    ",   "\t",      ":=",      "->",       "@",      "import ", "from ",
    "async ", "await ", "with ",   " as ",    "try",      "except", "\\",      "#",
    "\\\n",   ";",      "...",     "b'",      "\xc3\xa9", "\xff",   "\r",      "\f",
    "!",      "$",      "global ", "del "};

// Parses src in every mode; formats any error.
static void parse_all_modes(const char *src, size_t n) {
    for (int mode = PARSE_FILE; mode <= PARSE_INTERACTIVE; mode++) {
        Arena *a = arena_new();
        ParseError err;
        char out[4096];
        Mod *m = parse_source(a, src, n, "fuzz.cs", (ParseMode)mode, &err);
        if (m) {
            free(ast_dump(m, AST_DUMP_POSITIONS));
        } else {
            cr_expect(err.kind != PARSE_OK);
            cr_expect(err.msg[0] || err.kind == PARSE_MEMORY_ERROR);
            parse_error_format(&err, "fuzz.cs", src, out, sizeof out);
        }
        arena_free(a);
    }
}

Test(parser, random_bytes_give_clean_errors) {
    unsigned state = 12345;
    char buf[512];
    for (int iter = 0; iter < 3000; iter++) {
        size_t n = next_random(&state) % (sizeof buf - 1);
        for (size_t i = 0; i < n; i++) {
            buf[i] = (char)(next_random(&state) & 0xff);
        }
        buf[n] = 0;
        parse_all_modes(buf, n);
    }
}

Test(parser, random_token_soup_gives_clean_errors) {
    unsigned state = 777;
    char buf[4096];
    size_t nfrag = sizeof fragments / sizeof fragments[0];
    for (int iter = 0; iter < 5000; iter++) {
        size_t n = 0, count = next_random(&state) % 120;
        for (size_t i = 0; i < count; i++) {
            const char *f = fragments[next_random(&state) % nfrag];
            size_t k = strlen(f);
            memcpy(buf + n, f, k);
            n += k;
        }
        buf[n] = 0;
        parse_all_modes(buf, n);
    }
}

Test(parser, null_bytes_are_rejected) {
    char *got = parse_to_string("x = 1\0\n", 7, PARSE_FILE, 0);
    cr_expect_str_eq(got, "SyntaxError: source code string cannot contain null bytes @0:0-0:0");
    free(got);
}

Test(parser, invalid_utf8_is_a_syntax_error) {
    const char src[] = "x = 1\n\xff = 2\n";
    char *got = parse_to_string(src, sizeof src - 1, PARSE_FILE, 0);
    cr_expect_str_eq(got,
                     "SyntaxError: Non-UTF-8 code starting with '\\xff' in file x.cs on line 2, "
                     "but no encoding declared; see https://peps.python.org/pep-0263/ for "
                     "details @0:0-0:0");
    free(got);
}

Test(parser, truncated_inputs_never_crash) {
    const char *src = "async def f(a, *b, c=1, **d) -> int:\n    x = [i async for i in "
                      "g(f'{a!r:>{w}}', *b)]\n    return {k: v for k, v in x if k}\n";
    size_t len = strlen(src);
    for (size_t n = 0; n <= len; n++) {
        parse_all_modes(src, n);
    }
}

Test(parser, match_and_except_star_are_not_supported) {
    expect_error("match x:\n    case 1: pass", "SyntaxError: invalid syntax @1:7-1:8");
    expect_error("try:\n    pass\nexcept* E:\n    pass", "SyntaxError: invalid syntax @3:7-3:8");
}

Test(parser, crlf_and_bom_are_accepted) {
    expect_tree("\xef\xbb\xbfx = 1\r\ny = 2\r\n",
                "(Module [(Assign [(Name x Store)] (Constant 1)) (Assign [(Name y Store)] "
                "(Constant 2))])");
    expect_tree("x = '''a\r\nb'''", "(Module [(Assign [(Name x Store)] (Constant 'a\\nb'))])");
}

Test(parser, error_fields_are_consistent) {
    Arena *a = arena_new();
    ParseError err;
    const char *src = "x = (1 +\n";
    cr_assert_null(parse_source(a, src, strlen(src), "x.cs", PARSE_FILE, &err));
    cr_expect_eq(err.kind, PARSE_SYNTAX_ERROR);
    cr_expect_eq(err.col_offset, err.offset - 1);
    cr_expect_eq(err.end_col_offset, -1);
    size_t n;
    const char *line = parse_error_line(&err, src, &n);
    cr_expect_eq(n, 8);
    cr_expect_eq(strncmp(line, "x = (1 +", n), 0);
    src = "x = f'{a b}'";
    cr_assert_null(parse_source(a, src, strlen(src), "x.cs", PARSE_FILE, &err));
    cr_expect_str_eq(err.text, "(a b)"); // CPython shows the expression
    line = parse_error_line(&err, src, &n);
    cr_expect_eq(strncmp(line, "(a b)", n), 0);
    arena_free(a);
}

Test(parser, dump_with_positions_marks_every_node) {
    expect_positions("x", "(Module@0:0-0:0 [(Expr@1:0-1:1 (Name@1:0-1:1 x Load))])");
}

// ---------------------------------------------------------------------------
// Trees and errors, as CPython 3.11 makes them

// plain, chained, starred, attribute and subscript targets
Test(parser, assignment_forms) {
    expect_tree("x = 1", "(Module [(Assign [(Name x Store)] (Constant 1))])");
    expect_tree("x = y = 2", "(Module [(Assign [(Name x Store) (Name y Store)] (Constant 2))])");
    expect_tree("a, *b = c",
                "(Module [(Assign [(Tuple [(Name a Store) (Starred (Name b Store) Store)] Sto"
                "re)] (Name c Load))])");
    expect_tree("[a, (b, c)] = d",
                "(Module [(Assign [(List [(Name a Store) (Tuple [(Name b Store) (Name c Store"
                ")] Store)] Store)] (Name d Load))])");
    expect_tree("x.y = 1", "(Module [(Assign [(Attribute (Name x Load) y Store)] (Constant 1))])");
    expect_tree("x[0] = 1",
                "(Module [(Assign [(Subscript (Name x Load) (Constant 0) Store)] (Constant 1)"
                ")])");
    expect_tree("x = *a, b",
                "(Module [(Assign [(Name x Store)] (Tuple [(Starred (Name a Load) Load) (Name"
                " b Load)] Load))])");
    expect_tree("x = yield y", "(Module [(Assign [(Name x Store)] (Yield (Name y Load)))])");
    expect_tree("x = yield from y",
                "(Module [(Assign [(Name x Store)] (YieldFrom (Name y Load)))])");
}

// simple is 1 only for a bare name
Test(parser, annotated_assignment_sets_simple) {
    expect_tree("x: int", "(Module [(AnnAssign (Name x Store) (Name int Load) - 1)])");
    expect_tree("x: int = 1",
                "(Module [(AnnAssign (Name x Store) (Name int Load) (Constant 1) 1)])");
    expect_tree("(x): int = 1",
                "(Module [(AnnAssign (Name x Store) (Name int Load) (Constant 1) 0)])");
    expect_tree("x.y: int",
                "(Module [(AnnAssign (Attribute (Name x Load) y Store) (Name int Load) - 0)])");
    expect_tree("x[0]: int = 2",
                "(Module [(AnnAssign (Subscript (Name x Load) (Constant 0) Store) (Name int L"
                "oad) (Constant 2) 0)])");
    expect_tree("x: int = yield",
                "(Module [(AnnAssign (Name x Store) (Name int Load) (Yield -) 1)])");
}

// all thirteen operators
Test(parser, augmented_assignment_every_operator) {
    expect_tree("x += 1", "(Module [(AugAssign (Name x Store) Add (Constant 1))])");
    expect_tree("x -= 1", "(Module [(AugAssign (Name x Store) Sub (Constant 1))])");
    expect_tree("x *= 1", "(Module [(AugAssign (Name x Store) Mult (Constant 1))])");
    expect_tree("x @= 1", "(Module [(AugAssign (Name x Store) MatMult (Constant 1))])");
    expect_tree("x /= 1", "(Module [(AugAssign (Name x Store) Div (Constant 1))])");
    expect_tree("x %= 1", "(Module [(AugAssign (Name x Store) Mod (Constant 1))])");
    expect_tree("x &= 1", "(Module [(AugAssign (Name x Store) BitAnd (Constant 1))])");
    expect_tree("x |= 1", "(Module [(AugAssign (Name x Store) BitOr (Constant 1))])");
    expect_tree("x ^= 1", "(Module [(AugAssign (Name x Store) BitXor (Constant 1))])");
    expect_tree("x <<= 1", "(Module [(AugAssign (Name x Store) LShift (Constant 1))])");
    expect_tree("x >>= 1", "(Module [(AugAssign (Name x Store) RShift (Constant 1))])");
    expect_tree("x **= 1", "(Module [(AugAssign (Name x Store) Pow (Constant 1))])");
    expect_tree("x //= 1", "(Module [(AugAssign (Name x Store) FloorDiv (Constant 1))])");
    expect_tree("x.y += 1",
                "(Module [(AugAssign (Attribute (Name x Load) y Store) Add (Constant 1))])");
    expect_tree("x[0] -= 1",
                "(Module [(AugAssign (Subscript (Name x Load) (Constant 0) Store) Sub (Consta"
                "nt 1))])");
}

// del with names, subscripts, attributes, tuples and lists
Test(parser, delete_targets) {
    expect_tree("del a, b[0], c.d",
                "(Module [(Delete [(Name a Del) (Subscript (Name b Load) (Constant 0) Del) (A"
                "ttribute (Name c Load) d Del)])])");
    expect_tree("del (a, b), [c]",
                "(Module [(Delete [(Tuple [(Name a Del) (Name b Del)] Del) (List [(Name c Del"
                ")] Del)])])");
    expect_tree("del a,", "(Module [(Delete [(Name a Del)])])");
    expect_tree("del (a)", "(Module [(Delete [(Name a Del)])])");
}

// pass, break, continue, return, global, nonlocal, assert, raise
Test(parser, simple_statements) {
    expect_tree("pass", "(Module [(Pass)])");
    expect_tree("while 1:\n    break\n    continue",
                "(Module [(While (Constant 1) [(Break) (Continue)] [])])");
    expect_tree("def f():\n    return",
                "(Module [(FunctionDef f (arguments [] [] - [] [] - []) [(Return -)] [] -)])");
    expect_tree("def f():\n    return *a, b",
                "(Module [(FunctionDef f (arguments [] [] - [] [] - []) [(Return (Tuple [(Sta"
                "rred (Name a Load) Load) (Name b Load)] Load))] [] -)])");
    expect_tree("global a, b", "(Module [(Global [a b])])");
    expect_tree("def f():\n    nonlocal x",
                "(Module [(FunctionDef f (arguments [] [] - [] [] - []) [(Nonlocal [x])] [] -"
                ")])");
    expect_tree("assert x", "(Module [(Assert (Name x Load) -)])");
    expect_tree("assert x, 'msg'", "(Module [(Assert (Name x Load) (Constant 'msg'))])");
    expect_tree("raise", "(Module [(Raise - -)])");
    expect_tree("raise E", "(Module [(Raise (Name E Load) -)])");
    expect_tree("raise E from e", "(Module [(Raise (Name E Load) (Name e Load))])");
    expect_tree("x; y;", "(Module [(Expr (Name x Load)) (Expr (Name y Load))])");
    expect_tree("if x: a; b",
                "(Module [(If (Name x Load) [(Expr (Name a Load)) (Expr (Name b Load))] [])])");
}

// import and from-import forms, relative levels and star
Test(parser, imports) {
    expect_tree("import a", "(Module [(Import [(alias a -)])])");
    expect_tree("import a.b.c as d, e", "(Module [(Import [(alias a.b.c d) (alias e -)])])");
    expect_tree("from a import b", "(Module [(ImportFrom a [(alias b -)] 0)])");
    expect_tree("from a.b import (c as d, e,)",
                "(Module [(ImportFrom a.b [(alias c d) (alias e -)] 0)])");
    expect_tree("from . import x", "(Module [(ImportFrom - [(alias x -)] 1)])");
    expect_tree("from ...a import *", "(Module [(ImportFrom a [(alias * -)] 3)])");
    expect_tree("from .. import (a)", "(Module [(ImportFrom - [(alias a -)] 2)])");
    expect_tree("from .... import x", "(Module [(ImportFrom - [(alias x -)] 4)])");
}

// elif becomes an If alone in orelse
Test(parser, if_elif_else) {
    expect_tree("if x:\n    pass\nelif y: pass\n"
                "else: pass",
                "(Module [(If (Name x Load) [(Pass)] [(If (Name y Load) [(Pass)] [(Pass)])])]"
                ")");
    expect_tree("if a:\n    b\nelif c:\n    d\nelif e:\n"
                "    f",
                "(Module [(If (Name a Load) [(Expr (Name b Load))] [(If (Name c Load) [(Expr "
                "(Name d Load))] [(If (Name e Load) [(Expr (Name f Load))] [])])])])");
    expect_tree("if x: pass\nelse:\n    y",
                "(Module [(If (Name x Load) [(Pass)] [(Expr (Name y Load))])])");
}

// while and for with else, async for, starred loop targets
Test(parser, loops) {
    expect_tree("while x:\n    y\nelse:\n    z",
                "(Module [(While (Name x Load) [(Expr (Name y Load))] [(Expr (Name z Load))])"
                "])");
    expect_tree("for x in y:\n    pass\nelse:\n    pass",
                "(Module [(For (Name x Store) (Name y Load) [(Pass)] [(Pass)])])");
    expect_tree("for x, *y in z: pass",
                "(Module [(For (Tuple [(Name x Store) (Starred (Name y Store) Store)] Store) "
                "(Name z Load) [(Pass)] [])])");
    expect_tree("for (a, b), c in d: pass",
                "(Module [(For (Tuple [(Tuple [(Name a Store) (Name b Store)] Store) (Name c "
                "Store)] Store) (Name d Load) [(Pass)] [])])");
    expect_tree("for x in a, b: pass",
                "(Module [(For (Name x Store) (Tuple [(Name a Load) (Name b Load)] Load) [(Pa"
                "ss)] [])])");
    expect_tree("async def f():\n    async for x in y:\n"
                "        pass",
                "(Module [(AsyncFunctionDef f (arguments [] [] - [] [] - []) [(AsyncFor (Name"
                " x Store) (Name y Load) [(Pass)] [])] [] -)])");
}

// with items, parenthesized forms and async with
Test(parser, with_statements) {
    expect_tree("with a: pass", "(Module [(With [(withitem (Name a Load) -)] [(Pass)])])");
    expect_tree("with a as b, c as d: pass",
                "(Module [(With [(withitem (Name a Load) (Name b Store)) (withitem (Name c Lo"
                "ad) (Name d Store))] [(Pass)])])");
    expect_tree("with (a as b, c as d,): pass",
                "(Module [(With [(withitem (Name a Load) (Name b Store)) (withitem (Name c Lo"
                "ad) (Name d Store))] [(Pass)])])");
    expect_tree("with (a, b): pass",
                "(Module [(With [(withitem (Name a Load) -) (withitem (Name b Load) -)] [(Pas"
                "s)])])");
    expect_tree("with (a): pass", "(Module [(With [(withitem (Name a Load) -)] [(Pass)])])");
    expect_tree("with a as (b, c): pass",
                "(Module [(With [(withitem (Name a Load) (Tuple [(Name b Store) (Name c Store"
                ")] Store))] [(Pass)])])");
    expect_tree("async def f():\n    async with a as b:\n"
                "        pass",
                "(Module [(AsyncFunctionDef f (arguments [] [] - [] [] - []) [(AsyncWith [(wi"
                "thitem (Name a Load) (Name b Store))] [(Pass)])] [] -)])");
}

// handlers, else, finally
Test(parser, try_statements) {
    expect_tree("try:\n    a\nexcept:\n    b",
                "(Module [(Try [(Expr (Name a Load))] [(ExceptHandler - - [(Expr (Name b Load"
                "))])] [] [])])");
    expect_tree("try:\n    a\nexcept E as e:\n    b\n"
                "except (F, G):\n    c\nelse:\n    d\n"
                "finally:\n    e",
                "(Module [(Try [(Expr (Name a Load))] [(ExceptHandler (Name E Load) e [(Expr "
                "(Name b Load))]) (ExceptHandler (Tuple [(Name F Load) (Name G Load)] Load) -"
                " [(Expr (Name c Load))])] [(Expr (Name d Load))] [(Expr (Name e Load))])])");
    expect_tree("try:\n    a\nfinally:\n    b",
                "(Module [(Try [(Expr (Name a Load))] [] [] [(Expr (Name b Load))])])");
}

// parameters of every kind, annotations, returns, decorators
Test(parser, function_definitions) {
    expect_tree("def f(): pass",
                "(Module [(FunctionDef f (arguments [] [] - [] [] - []) [(Pass)] [] -)])");
    expect_tree("def f(a, b=1, /, c=2, *d, e, f=3, **g) -> int:\n"
                "    pass",
                "(Module [(FunctionDef f (arguments [(arg a -) (arg b -)] [(arg c -)] (arg d "
                "-) [(arg e -) (arg f -)] [- (Constant 3)] (arg g -) [(Constant 1) (Constant "
                "2)]) [(Pass)] [] (Name int Load))])");
    expect_tree("def f(a, /): pass",
                "(Module [(FunctionDef f (arguments [(arg a -)] [] - [] [] - []) [(Pass)] [] "
                "-)])");
    expect_tree("def f(*, a): pass",
                "(Module [(FunctionDef f (arguments [] [] - [(arg a -)] [-] - []) [(Pass)] []"
                " -)])");
    expect_tree("def f(*, a=1, b): pass",
                "(Module [(FunctionDef f (arguments [] [] - [(arg a -) (arg b -)] [(Constant "
                "1) -] - []) [(Pass)] [] -)])");
    expect_tree("def f(a: int, *b: str, c: 'x' = 1, **d: float): pass",
                "(Module [(FunctionDef f (arguments [] [(arg a (Name int Load))] (arg b (Name"
                " str Load)) [(arg c (Constant 'x'))] [(Constant 1)] (arg d (Name float Load)"
                ") []) [(Pass)] [] -)])");
    expect_tree("def f(*args: *Ts): pass",
                "(Module [(FunctionDef f (arguments [] [] (arg args (Starred (Name Ts Load) L"
                "oad)) [] [] - []) [(Pass)] [] -)])");
    expect_tree("@a\n@b.c(d)\n@e[0] if x else y\n"
                "def f(): pass",
                "(Module [(FunctionDef f (arguments [] [] - [] [] - []) [(Pass)] [(Name a Loa"
                "d) (Call (Attribute (Name b Load) c Load) [(Name d Load)] []) (IfExp (Name x"
                " Load) (Subscript (Name e Load) (Constant 0) Load) (Name y Load))] -)])");
    expect_tree("async def f():\n    await x",
                "(Module [(AsyncFunctionDef f (arguments [] [] - [] [] - []) [(Expr (Await (N"
                "ame x Load)))] [] -)])");
    expect_tree("def f():\n    'doc'\n    return 1",
                "(Module [(FunctionDef f (arguments [] [] - [] [] - []) [(Expr (Constant 'doc"
                "')) (Return (Constant 1))] [] -)])");
    expect_tree("def f(a,): pass",
                "(Module [(FunctionDef f (arguments [] [(arg a -)] - [] [] - []) [(Pass)] [] "
                "-)])");
    expect_tree("def f(a, *, b,): pass",
                "(Module [(FunctionDef f (arguments [] [(arg a -)] - [(arg b -)] [-] - []) [("
                "Pass)] [] -)])");
}

// bases, keywords, metaclass and decorators
Test(parser, class_definitions) {
    expect_tree("class A: pass", "(Module [(ClassDef A [] [] [(Pass)] [])])");
    expect_tree("class A(): pass", "(Module [(ClassDef A [] [] [(Pass)] [])])");
    expect_tree("class A(B, metaclass=M):\n    x: int = 1",
                "(Module [(ClassDef A [(Name B Load)] [(keyword metaclass (Name M Load))] [(A"
                "nnAssign (Name x Store) (Name int Load) (Constant 1) 1)] [])])");
    expect_tree("class A(*b, **k): pass",
                "(Module [(ClassDef A [(Starred (Name b Load) Load)] [(keyword - (Name k Load"
                "))] [(Pass)] [])])");
    expect_tree("@dec\nclass A(B, C, x=1):\n    def f(self): pass",
                "(Module [(ClassDef A [(Name B Load) (Name C Load)] [(keyword x (Constant 1))"
                "] [(FunctionDef f (arguments [] [(arg self -)] - [] [] - []) [(Pass)] [] -)]"
                " [(Name dec Load)])])");
}

// and/or flattening, not, chained comparisons
Test(parser, boolean_and_comparison_operators) {
    expect_tree("x = a and b and c or d",
                "(Module [(Assign [(Name x Store)] (BoolOp Or [(BoolOp And [(Name a Load) (Na"
                "me b Load) (Name c Load)]) (Name d Load)]))])");
    expect_tree("x = not a and not b",
                "(Module [(Assign [(Name x Store)] (BoolOp And [(UnaryOp Not (Name a Load)) ("
                "UnaryOp Not (Name b Load))]))])");
    expect_tree("x = a < b <= c > d >= e == f != g",
                "(Module [(Assign [(Name x Store)] (Compare (Name a Load) [Lt LtE Gt GtE Eq N"
                "otEq] [(Name b Load) (Name c Load) (Name d Load) (Name e Load) (Name f Load)"
                " (Name g Load)]))])");
    expect_tree("x = a is b is not c in d not in e",
                "(Module [(Assign [(Name x Store)] (Compare (Name a Load) [Is IsNot In NotIn]"
                " [(Name b Load) (Name c Load) (Name d Load) (Name e Load)]))])");
    expect_tree("x = not a in b",
                "(Module [(Assign [(Name x Store)] (UnaryOp Not (Compare (Name a Load) [In] ["
                "(Name b Load)])))])");
}

// binary and unary operators in CPython's precedence
Test(parser, arithmetic_precedence) {
    expect_tree("x = a | b ^ c & d << e >> f + g - h * i / j // k % l @ m",
                "(Module [(Assign [(Name x Store)] (BinOp (Name a Load) BitOr (BinOp (Name b "
                "Load) BitXor (BinOp (Name c Load) BitAnd (BinOp (BinOp (Name d Load) LShift "
                "(Name e Load)) RShift (BinOp (BinOp (Name f Load) Add (Name g Load)) Sub (Bi"
                "nOp (BinOp (BinOp (BinOp (BinOp (Name h Load) Mult (Name i Load)) Div (Name "
                "j Load)) FloorDiv (Name k Load)) Mod (Name l Load)) MatMult (Name m Load))))"
                "))))])");
    expect_tree("x = -a ** -b",
                "(Module [(Assign [(Name x Store)] (UnaryOp USub (BinOp (Name a Load) Pow (Un"
                "aryOp USub (Name b Load)))))])");
    expect_tree("x = a ** b ** c",
                "(Module [(Assign [(Name x Store)] (BinOp (Name a Load) Pow (BinOp (Name b Lo"
                "ad) Pow (Name c Load))))])");
    expect_tree("x = ~a + +b - -c",
                "(Module [(Assign [(Name x Store)] (BinOp (BinOp (UnaryOp Invert (Name a Load"
                ")) Add (UnaryOp UAdd (Name b Load))) Sub (UnaryOp USub (Name c Load))))])");
    expect_tree("x = -1", "(Module [(Assign [(Name x Store)] (UnaryOp USub (Constant 1)))])");
    expect_tree("x = (a + b) * c",
                "(Module [(Assign [(Name x Store)] (BinOp (BinOp (Name a Load) Add (Name b Lo"
                "ad)) Mult (Name c Load)))])");
    expect_tree("x = a - b - c",
                "(Module [(Assign [(Name x Store)] (BinOp (BinOp (Name a Load) Sub (Name b Lo"
                "ad)) Sub (Name c Load)))])");
}

// await binds tighter than **, lambda forms, conditional expressions, :=
Test(parser, await_lambda_ifexp_walrus) {
    expect_tree("async def f():\n    return await a ** b",
                "(Module [(AsyncFunctionDef f (arguments [] [] - [] [] - []) [(Return (BinOp "
                "(Await (Name a Load)) Pow (Name b Load)))] [] -)])");
    expect_tree("x = lambda: 0",
                "(Module [(Assign [(Name x Store)] (Lambda (arguments [] [] - [] [] - []) (Co"
                "nstant 0)))])");
    expect_tree("x = lambda *a, **k: 0",
                "(Module [(Assign [(Name x Store)] (Lambda (arguments [] [] (arg a -) [] [] ("
                "arg k -) []) (Constant 0)))])");
    expect_tree("x = lambda a, /, b=1, *, c, d=2, **e: a",
                "(Module [(Assign [(Name x Store)] (Lambda (arguments [(arg a -)] [(arg b -)]"
                " - [(arg c -) (arg d -)] [- (Constant 2)] (arg e -) [(Constant 1)]) (Name a "
                "Load)))])");
    expect_tree("x = lambda a=1, *b: (yield)",
                "(Module [(Assign [(Name x Store)] (Lambda (arguments [] [(arg a -)] (arg b -"
                ") [] [] - [(Constant 1)]) (Yield -)))])");
    expect_tree("x = a if b else c if d else e",
                "(Module [(Assign [(Name x Store)] (IfExp (Name b Load) (Name a Load) (IfExp "
                "(Name d Load) (Name c Load) (Name e Load))))])");
    expect_tree("(x := 1)", "(Module [(Expr (NamedExpr (Name x Store) (Constant 1)))])");
    expect_tree("f(x := 1)",
                "(Module [(Expr (Call (Name f Load) [(NamedExpr (Name x Store) (Constant 1))]"
                " []))])");
    expect_tree("a[x := 1]",
                "(Module [(Expr (Subscript (Name a Load) (NamedExpr (Name x Store) (Constant "
                "1)) Load))])");
    expect_tree("x = [y := f(x), y**2]",
                "(Module [(Assign [(Name x Store)] (List [(NamedExpr (Name y Store) (Call (Na"
                "me f Load) [(Name x Load)] [])) (BinOp (Name y Load) Pow (Constant 2))] Load"
                "))])");
    expect_tree("if (n := len(a)) > 10: pass",
                "(Module [(If (Compare (NamedExpr (Name n Store) (Call (Name len Load) [(Name"
                " a Load)] [])) [Gt] [(Constant 10)]) [(Pass)] [])])");
    expect_tree("while chunk := f(): pass",
                "(Module [(While (NamedExpr (Name chunk Store) (Call (Name f Load) [] [])) [("
                "Pass)] [])])");
}

// positional, keyword, starred, double-starred and generator arguments
Test(parser, calls) {
    expect_tree("f()", "(Module [(Expr (Call (Name f Load) [] []))])");
    expect_tree("f(a, b)",
                "(Module [(Expr (Call (Name f Load) [(Name a Load) (Name b Load)] []))])");
    expect_tree("f(a, *b, c=1, **d)",
                "(Module [(Expr (Call (Name f Load) [(Name a Load) (Starred (Name b Load) Loa"
                "d)] [(keyword c (Constant 1)) (keyword - (Name d Load))]))])");
    expect_tree("print(*a, **k)",
                "(Module [(Expr (Call (Name print Load) [(Starred (Name a Load) Load)] [(keyw"
                "ord - (Name k Load))]))])");
    expect_tree("f(a=1, *b)",
                "(Module [(Expr (Call (Name f Load) [(Starred (Name b Load) Load)] [(keyword "
                "a (Constant 1))]))])");
    expect_tree("f(**a, b=1)",
                "(Module [(Expr (Call (Name f Load) [] [(keyword - (Name a Load)) (keyword b "
                "(Constant 1))]))])");
    expect_tree("f(x for x in y)",
                "(Module [(Expr (Call (Name f Load) [(GeneratorExp (Name x Load) [(comprehens"
                "ion (Name x Store) (Name y Load) [] 0)])] []))])");
    expect_tree("f(a)(b)(c)",
                "(Module [(Expr (Call (Call (Call (Name f Load) [(Name a Load)] []) [(Name b "
                "Load)] []) [(Name c Load)] []))])");
    expect_tree("f(a,)", "(Module [(Expr (Call (Name f Load) [(Name a Load)] []))])");
    expect_tree("f(*a, *b, **c, **d)",
                "(Module [(Expr (Call (Name f Load) [(Starred (Name a Load) Load) (Starred (N"
                "ame b Load) Load)] [(keyword - (Name c Load)) (keyword - (Name d Load))]))])");
}

// slices with steps and tuples of slices
Test(parser, subscripts_and_slices) {
    expect_tree("x = a[1]",
                "(Module [(Assign [(Name x Store)] (Subscript (Name a Load) (Constant 1) Load"
                "))])");
    expect_tree("x = a[1:2]",
                "(Module [(Assign [(Name x Store)] (Subscript (Name a Load) (Slice (Constant "
                "1) (Constant 2) -) Load))])");
    expect_tree("x = a[::3]",
                "(Module [(Assign [(Name x Store)] (Subscript (Name a Load) (Slice - - (Const"
                "ant 3)) Load))])");
    expect_tree("x = a[:]",
                "(Module [(Assign [(Name x Store)] (Subscript (Name a Load) (Slice - - -) Loa"
                "d))])");
    expect_tree("x = a[1:2, ::3]",
                "(Module [(Assign [(Name x Store)] (Subscript (Name a Load) (Tuple [(Slice (C"
                "onstant 1) (Constant 2) -) (Slice - - (Constant 3))] Load) Load))])");
    expect_tree("x = a[1, 2]",
                "(Module [(Assign [(Name x Store)] (Subscript (Name a Load) (Tuple [(Constant"
                " 1) (Constant 2)] Load) Load))])");
    expect_tree("x = a[1,]",
                "(Module [(Assign [(Name x Store)] (Subscript (Name a Load) (Tuple [(Constant"
                " 1)] Load) Load))])");
    expect_tree("x = a[*b]",
                "(Module [(Assign [(Name x Store)] (Subscript (Name a Load) (Tuple [(Starred "
                "(Name b Load) Load)] Load) Load))])");
    expect_tree("x = a[b][c].d",
                "(Module [(Assign [(Name x Store)] (Attribute (Subscript (Subscript (Name a L"
                "oad) (Name b Load) Load) (Name c Load) Load) d Load))])");
}

// lists, tuples, sets and dicts, with * and ** unpacking
Test(parser, displays) {
    expect_tree("x = []", "(Module [(Assign [(Name x Store)] (List [] Load))])");
    expect_tree("x = [1, *a, 2]",
                "(Module [(Assign [(Name x Store)] (List [(Constant 1) (Starred (Name a Load)"
                " Load) (Constant 2)] Load))])");
    expect_tree("x = ()", "(Module [(Assign [(Name x Store)] (Tuple [] Load))])");
    expect_tree("x = (1,)", "(Module [(Assign [(Name x Store)] (Tuple [(Constant 1)] Load))])");
    expect_tree("x = 1, 2",
                "(Module [(Assign [(Name x Store)] (Tuple [(Constant 1) (Constant 2)] Load))]"
                ")");
    expect_tree("x = {1, *a}",
                "(Module [(Assign [(Name x Store)] (Set [(Constant 1) (Starred (Name a Load) "
                "Load)]))])");
    expect_tree("x = {}", "(Module [(Assign [(Name x Store)] (Dict [] []))])");
    expect_tree("x = {1: 2, **a, 3: 4}",
                "(Module [(Assign [(Name x Store)] (Dict [(Constant 1) - (Constant 3)] [(Cons"
                "tant 2) (Name a Load) (Constant 4)]))])");
    expect_tree("x = (1)", "(Module [(Assign [(Name x Store)] (Constant 1))])");
    expect_tree("x = [\n    1,\n    2,\n]",
                "(Module [(Assign [(Name x Store)] (List [(Constant 1) (Constant 2)] Load))])");
}

// list, set, dict and generator comprehensions, async ones
Test(parser, comprehensions) {
    expect_tree("x = [a for b in c]",
                "(Module [(Assign [(Name x Store)] (ListComp (Name a Load) [(comprehension (N"
                "ame b Store) (Name c Load) [] 0)]))])");
    expect_tree("x = [a for b in c if d if e for f in g]",
                "(Module [(Assign [(Name x Store)] (ListComp (Name a Load) [(comprehension (N"
                "ame b Store) (Name c Load) [(Name d Load) (Name e Load)] 0) (comprehension ("
                "Name f Store) (Name g Load) [] 0)]))])");
    expect_tree("x = {a for b in c}",
                "(Module [(Assign [(Name x Store)] (SetComp (Name a Load) [(comprehension (Na"
                "me b Store) (Name c Load) [] 0)]))])");
    expect_tree("x = {a: b for a, b in c}",
                "(Module [(Assign [(Name x Store)] (DictComp (Name a Load) (Name b Load) [(co"
                "mprehension (Tuple [(Name a Store) (Name b Store)] Store) (Name c Load) [] 0"
                ")]))])");
    expect_tree("x = (a for b in c)",
                "(Module [(Assign [(Name x Store)] (GeneratorExp (Name a Load) [(comprehensio"
                "n (Name b Store) (Name c Load) [] 0)]))])");
    expect_tree("x = [(a, b) for a in b for b in a]",
                "(Module [(Assign [(Name x Store)] (ListComp (Tuple [(Name a Load) (Name b Lo"
                "ad)] Load) [(comprehension (Name a Store) (Name b Load) [] 0) (comprehension"
                " (Name b Store) (Name a Load) [] 0)]))])");
    expect_tree("async def f():\n    return [x async for x in y]",
                "(Module [(AsyncFunctionDef f (arguments [] [] - [] [] - []) [(Return (ListCo"
                "mp (Name x Load) [(comprehension (Name x Store) (Name y Load) [] 1)]))] [] -"
                ")])");
    expect_tree("async def f():\n    return [await x for x in y if await z]",
                "(Module [(AsyncFunctionDef f (arguments [] [] - [] [] - []) [(Return (ListCo"
                "mp (Await (Name x Load)) [(comprehension (Name x Store) (Name y Load) [(Awai"
                "t (Name z Load))] 0)]))] [] -)])");
    expect_tree("x = [y for y in z if y if not y]",
                "(Module [(Assign [(Name x Store)] (ListComp (Name y Load) [(comprehension (N"
                "ame y Store) (Name z Load) [(Name y Load) (UnaryOp Not (Name y Load))] 0)]))"
                "])");
}

// yield and yield from in every position
Test(parser, yield_expressions) {
    expect_tree("def f():\n    yield",
                "(Module [(FunctionDef f (arguments [] [] - [] [] - []) [(Expr (Yield -))] []"
                " -)])");
    expect_tree("def f():\n    yield x",
                "(Module [(FunctionDef f (arguments [] [] - [] [] - []) [(Expr (Yield (Name x"
                " Load)))] [] -)])");
    expect_tree("def f():\n    yield x, y",
                "(Module [(FunctionDef f (arguments [] [] - [] [] - []) [(Expr (Yield (Tuple "
                "[(Name x Load) (Name y Load)] Load)))] [] -)])");
    expect_tree("def f():\n    x = yield",
                "(Module [(FunctionDef f (arguments [] [] - [] [] - []) [(Assign [(Name x Sto"
                "re)] (Yield -))] [] -)])");
    expect_tree("def f():\n    yield from g()",
                "(Module [(FunctionDef f (arguments [] [] - [] [] - []) [(Expr (YieldFrom (Ca"
                "ll (Name g Load) [] [])))] [] -)])");
    expect_tree("def f():\n    await_ = (yield)",
                "(Module [(FunctionDef f (arguments [] [] - [] [] - []) [(Assign [(Name await"
                "_ Store)] (Yield -))] [] -)])");
}

// ints keep digits and base; floats; imaginary literals
Test(parser, number_literals) {
    expect_tree("x = 1_000", "(Module [(Assign [(Name x Store)] (Constant 1000))])");
    expect_tree("x = 0x_FF", "(Module [(Assign [(Name x Store)] (Constant 0xFF))])");
    expect_tree("x = 0o17", "(Module [(Assign [(Name x Store)] (Constant 0o17))])");
    expect_tree("x = 0b1010", "(Module [(Assign [(Name x Store)] (Constant 0b1010))])");
    expect_tree("x = 123456789012345678901234567890",
                "(Module [(Assign [(Name x Store)] (Constant 123456789012345678901234567890))"
                "])");
    expect_tree("x = 1e-3", "(Module [(Assign [(Name x Store)] (Constant 0.001))])");
    expect_tree("x = .5", "(Module [(Assign [(Name x Store)] (Constant 0.5))])");
    expect_tree("x = 5.", "(Module [(Assign [(Name x Store)] (Constant 5))])");
    expect_tree("x = 1_0.5e1_0", "(Module [(Assign [(Name x Store)] (Constant 1.05e+11))])");
    expect_tree("x = 0", "(Module [(Assign [(Name x Store)] (Constant 0))])");
    expect_tree("x = 00", "(Module [(Assign [(Name x Store)] (Constant 00))])");
    expect_tree("x = 1.5j", "(Module [(Assign [(Name x Store)] (Constant 1.5j))])");
    expect_tree("x = 1J", "(Module [(Assign [(Name x Store)] (Constant 1j))])");
    expect_tree("x = 0XAB", "(Module [(Assign [(Name x Store)] (Constant 0xAB))])");
    expect_tree("x = 1E5", "(Module [(Assign [(Name x Store)] (Constant 1e+05))])");
    expect_tree("x = 1if x else 2",
                "(Module [(Assign [(Name x Store)] (IfExp (Name x Load) (Constant 1) (Constan"
                "t 2)))])");
}

// True, False, None, Ellipsis and names
Test(parser, constants_and_names) {
    expect_tree("x = True, False, None, ...",
                "(Module [(Assign [(Name x Store)] (Tuple [(Constant True) (Constant False) ("
                "Constant None) (Constant Ellipsis)] Load))])");
    expect_tree("x = __debug__", "(Module [(Assign [(Name x Store)] (Name __debug__ Load))])");
    expect_tree("caf\303\251 = 1", "(Module [(Assign [(Name caf\303\251 Store)] (Constant 1))])");
}

// prefixes in any case, escapes, concatenation, u kind
Test(parser, string_literals) {
    expect_tree("x = 'a' \"b\" '''c''' \"\"\"d\"\"\"",
                "(Module [(Assign [(Name x Store)] (Constant 'abcd'))])");
    expect_tree("x = r'\\n' R'\\t' u'x' U'y'", "(Module [(Assign [(Name x Store)] (Constant '\\\\n"
                                               "\\\\txy'))])");
    expect_tree("x = b'a' B'b' rb'\\x' Br'c' bR'd' RB'e'",
                "(Module [(Assign [(Name x Store)] (Constant b'ab\\\\xcde'))])");
    expect_tree("x = '\\n\\t\\\\\\'\\\"\\a\\b\\f\\v\\r\\0\\101\\x41\\u0041\\U00000041\\q'",
                "(Module [(Assign [(Name x Store)] (Constant '\\n"
                "\\t\\\\\\'\"\\x07\\x08\\x0c\\x0b\\r\\x00AAAA\\\\q'))])");
    expect_tree("x = b'\\n\\x41\\101\\q\\777'", "(Module [(Assign [(Name x Store)] (Constant b'\\n"
                                                "AA\\\\q\\xff'))])");
    expect_tree("x = 'abc\\\ndef'", "(Module [(Assign [(Name x Store)] (Constant 'abcdef'))])");
    expect_tree("x = '''a\nb\nc'''", "(Module [(Assign [(Name x Store)] (Constant 'a\\n"
                                     "b\\nc'))])");
    expect_tree("x = ('a'\n     'b')", "(Module [(Assign [(Name x Store)] (Constant 'ab'))])");
    expect_tree("x = u'a' 'b'", "(Module [(Assign [(Name x Store)] (Constant 'ab' u))])");
    expect_tree("x = 'a' u'b'", "(Module [(Assign [(Name x Store)] (Constant 'ab'))])");
    expect_tree("x = '\\N{BULLET}\\N{greek small letter alpha}'",
                "(Module [(Assign [(Name x Store)] (Constant '\342\200\242\316\261'))])");
    expect_tree("x = '\303\251\\u00e9'",
                "(Module [(Assign [(Name x Store)] (Constant '\303\251\303\251'))])");
    expect_tree("x = ''", "(Module [(Assign [(Name x Store)] (Constant ''))])");
}

// fields, conversions, nested specs, self-documenting =, doubled braces
Test(parser, fstrings) {
    expect_tree("x = f'{a}'",
                "(Module [(Assign [(Name x Store)] (JoinedStr [(FormattedValue (Name a Load) "
                "-1 -)]))])");
    expect_tree("x = f'a{b}c{d!r}e'",
                "(Module [(Assign [(Name x Store)] (JoinedStr [(Constant 'a') (FormattedValue"
                " (Name b Load) -1 -) (Constant 'c') (FormattedValue (Name d Load) 114 -) (Co"
                "nstant 'e')]))])");
    expect_tree("x = f\"{x:{w}.{p}f}\"",
                "(Module [(Assign [(Name x Store)] (JoinedStr [(FormattedValue (Name x Load) "
                "-1 (JoinedStr [(FormattedValue (Name w Load) -1 -) (Constant '.') (Formatted"
                "Value (Name p Load) -1 -) (Constant 'f')]))]))])");
    expect_tree("x = f'{x=}'",
                "(Module [(Assign [(Name x Store)] (JoinedStr [(Constant 'x=') (FormattedValu"
                "e (Name x Load) 114 -)]))])");
    expect_tree("x = f\"{x = !r:>10}\"",
                "(Module [(Assign [(Name x Store)] (JoinedStr [(Constant 'x = ') (FormattedVa"
                "lue (Name x Load) 114 (JoinedStr [(Constant '>10')]))]))])");
    expect_tree("x = f'{x=:>10}'",
                "(Module [(Assign [(Name x Store)] (JoinedStr [(Constant 'x=') (FormattedValu"
                "e (Name x Load) -1 (JoinedStr [(Constant '>10')]))]))])");
    expect_tree("x = f'{{}} {{a}} }}{{'",
                "(Module [(Assign [(Name x Store)] (JoinedStr [(Constant '{} {a} }{')]))])");
    expect_tree("x = f\"{'a' if x else 'b'}\"",
                "(Module [(Assign [(Name x Store)] (JoinedStr [(FormattedValue (IfExp (Name x"
                " Load) (Constant 'a') (Constant 'b')) -1 -)]))])");
    expect_tree("x = f'{d[\"k\"]}'",
                "(Module [(Assign [(Name x Store)] (JoinedStr [(FormattedValue (Subscript (Na"
                "me d Load) (Constant 'k') Load) -1 -)]))])");
    expect_tree("x = f'''{\"\"\"a\"\"\"}'''",
                "(Module [(Assign [(Name x Store)] (JoinedStr [(FormattedValue (Constant 'a')"
                " -1 -)]))])");
    expect_tree("x = f'{x!s:}' F'{y!a}' rf'\\n{z}' fR'{w}'",
                "(Module [(Assign [(Name x Store)] (JoinedStr [(FormattedValue (Name x Load) "
                "115 (JoinedStr [])) (FormattedValue (Name y Load) 97 -) (Constant '\\\\n"
                "') (FormattedValue (Name z Load) -1 -) (FormattedValue (Name w Load) -1 -)])"
                ")])");
    expect_tree("x = 'a' f'{b}' 'c'",
                "(Module [(Assign [(Name x Store)] (JoinedStr [(Constant 'a') (FormattedValue"
                " (Name b Load) -1 -) (Constant 'c')]))])");
    expect_tree("x = f''", "(Module [(Assign [(Name x Store)] (JoinedStr []))])");
    expect_tree("x = f'' ''", "(Module [(Assign [(Name x Store)] (JoinedStr []))])");
    expect_tree("x = f'{a:{b}{c}}'",
                "(Module [(Assign [(Name x Store)] (JoinedStr [(FormattedValue (Name a Load) "
                "-1 (JoinedStr [(FormattedValue (Name b Load) -1 -) (FormattedValue (Name c L"
                "oad) -1 -)]))]))])");
    expect_tree("x = f'{a!r:{b}}'",
                "(Module [(Assign [(Name x Store)] (JoinedStr [(FormattedValue (Name a Load) "
                "114 (JoinedStr [(FormattedValue (Name b Load) -1 -)]))]))])");
    expect_tree("x = f'{ a }'",
                "(Module [(Assign [(Name x Store)] (JoinedStr [(FormattedValue (Name a Load) "
                "-1 -)]))])");
    expect_tree("x = f'{a:=1}'",
                "(Module [(Assign [(Name x Store)] (JoinedStr [(FormattedValue (Name a Load) "
                "-1 (JoinedStr [(Constant '=1')]))]))])");
    expect_tree("x = f'{(a:=1)}'",
                "(Module [(Assign [(Name x Store)] (JoinedStr [(FormattedValue (NamedExpr (Na"
                "me a Store) (Constant 1)) -1 -)]))])");
    expect_tree("x = f'{a, b}'",
                "(Module [(Assign [(Name x Store)] (JoinedStr [(FormattedValue (Tuple [(Name "
                "a Load) (Name b Load)] Load) -1 -)]))])");
    expect_tree("x = f'{*a,}'",
                "(Module [(Assign [(Name x Store)] (JoinedStr [(FormattedValue (Tuple [(Starr"
                "ed (Name a Load) Load)] Load) -1 -)]))])");
    expect_tree("x = f'{(lambda: 1)}'",
                "(Module [(Assign [(Name x Store)] (JoinedStr [(FormattedValue (Lambda (argum"
                "ents [] [] - [] [] - []) (Constant 1)) -1 -)]))])");
    expect_tree("x = f'{f\"{a}\"}'",
                "(Module [(Assign [(Name x Store)] (JoinedStr [(FormattedValue (JoinedStr [(F"
                "ormattedValue (Name a Load) -1 -)]) -1 -)]))])");
    expect_tree("x = f'\\{a}'",
                "(Module [(Assign [(Name x Store)] (JoinedStr [(Constant '\\\\') (FormattedVa"
                "lue (Name a Load) -1 -)]))])");
    expect_tree("x = f'{a}\\n{b}'",
                "(Module [(Assign [(Name x Store)] (JoinedStr [(FormattedValue (Name a Load) "
                "-1 -) (Constant '\\n') (FormattedValue (Name b Load) -1 -)]))])");
    expect_tree("x = f'{a}' u'b'",
                "(Module [(Assign [(Name x Store)] (JoinedStr [(FormattedValue (Name a Load) "
                "-1 -) (Constant 'b')]))])");
}

// 1-based lines, 0-based byte columns, ends exclusive
Test(parser, positions_of_statements_and_expressions) {
    expect_positions("x = 1 + 2",
                     "(Module@0:0-0:0 [(Assign@1:0-1:9 [(Name@1:0-1:1 x Store)] (BinOp@1:4-1:9 (Co"
                     "nstant@1:4-1:5 1) Add (Constant@1:8-1:9 2)))])");
    expect_positions("def f(a,\n      b=1):\n    return a",
                     "(Module@0:0-0:0 [(FunctionDef@1:0-3:12 f (arguments@0:0-0:0 [] [(arg@1:6-1:7"
                     " a -) (arg@2:6-2:7 b -)] - [] [] - [(Constant@2:8-2:9 1)]) [(Return@3:4-3:12"
                     " (Name@3:11-3:12 a Load))] [] -)])");
    expect_positions("@d\nclass A:\n    pass",
                     "(Module@0:0-0:0 [(ClassDef@2:0-3:8 A [] [] [(Pass@3:4-3:8)] [(Name@1:1-1:2 d"
                     " Load)])])");
    expect_positions("x = [1,\n     2]",
                     "(Module@0:0-0:0 [(Assign@1:0-2:7 [(Name@1:0-1:1 x Store)] (List@1:4-2:7 [(Co"
                     "nstant@1:5-1:6 1) (Constant@2:5-2:6 2)] Load))])");
    expect_positions("if x:\n    y\nelse:\n    z",
                     "(Module@0:0-0:0 [(If@1:0-4:5 (Name@1:3-1:4 x Load) [(Expr@2:4-2:5 (Name@2:4-"
                     "2:5 y Load))] [(Expr@4:4-4:5 (Name@4:4-4:5 z Load))])])");
    expect_positions("try:\n    a\nexcept E as e:\n    b",
                     "(Module@0:0-0:0 [(Try@1:0-4:5 [(Expr@2:4-2:5 (Name@2:4-2:5 a Load))] [(Excep"
                     "tHandler@3:0-4:5 (Name@3:7-3:8 E Load) e [(Expr@4:4-4:5 (Name@4:4-4:5 b Load"
                     "))])] [] [])])");
    expect_positions("x = \303\251 + 1",
                     "(Module@0:0-0:0 [(Assign@1:0-1:10 [(Name@1:0-1:1 x Store)] (BinOp@1:4-1:10 ("
                     "Name@1:4-1:6 \303\251 Load) Add (Constant@1:9-1:10 1)))])");
    expect_positions("with a as b, c:\n    pass",
                     "(Module@0:0-0:0 [(With@1:0-2:8 [(withitem@0:0-0:0 (Name@1:5-1:6 a Load) (Nam"
                     "e@1:10-1:11 b Store)) (withitem@0:0-0:0 (Name@1:13-1:14 c Load) -)] [(Pass@2"
                     ":4-2:8)])])");
    expect_positions("import a.b as c",
                     "(Module@0:0-0:0 [(Import@1:0-1:15 [(alias@1:7-1:15 a.b c)])])");
}

// field expressions are placed where they stand in the source
Test(parser, positions_in_fstrings) {
    expect_positions("x = f'a{b}c'",
                     "(Module@0:0-0:0 [(Assign@1:0-1:12 [(Name@1:0-1:1 x Store)] (JoinedStr@1:4-1:"
                     "12 [(Constant@1:4-1:12 'a') (FormattedValue@1:4-1:12 (Name@1:8-1:9 b Load) -"
                     "1 -) (Constant@1:4-1:12 'c')]))])");
    expect_positions("x = f'{a}' f'{bb}'",
                     "(Module@0:0-0:0 [(Assign@1:0-1:18 [(Name@1:0-1:1 x Store)] (JoinedStr@1:4-1:"
                     "18 [(FormattedValue@1:4-1:18 (Name@1:7-1:8 a Load) -1 -) (FormattedValue@1:4"
                     "-1:18 (Name@1:14-1:16 bb Load) -1 -)]))])");
    expect_positions("x = (f'''\n{a}\n  {b!r}''')",
                     "(Module@0:0-0:0 [(Assign@1:0-3:11 [(Name@1:0-1:1 x Store)] (JoinedStr@1:5-3:"
                     "10 [(Constant@1:5-3:10 '\\n') (FormattedValue@1:5-3:10 (Name@2:1-2:2 a Load)"
                     " -1 -) (Constant@1:5-3:10 '\\n  ') (FormattedValue@1:5-3:10 (Name@3:3-3:4 b "
                     "Load) 114 -)]))])");
    expect_positions("x = f'{x:{w}}'",
                     "(Module@0:0-0:0 [(Assign@1:0-1:14 [(Name@1:0-1:1 x Store)] (JoinedStr@1:4-1:"
                     "14 [(FormattedValue@1:4-1:14 (Name@1:7-1:8 x Load) -1 (JoinedStr@1:4-1:14 [("
                     "FormattedValue@1:4-1:14 (Name@1:10-1:11 w Load) -1 -)]))]))])");
    expect_positions("x = f\"\"\"{\na}\"\"\"",
                     "(Module@0:0-0:0 [(Assign@1:0-2:5 [(Name@1:0-1:1 x Store)] (JoinedStr@1:4-2:5"
                     " [(FormattedValue@1:4-2:5 (Name@2:0-2:1 a Load) -1 -)]))])");
}

// the generic message at the first token the first pass could not take
Test(parser, error_invalid_syntax) {
    expect_error("x = = 1", "SyntaxError: invalid syntax @1:5-1:6");
    expect_error("x = 1 2", "SyntaxError: invalid syntax @1:7-1:8");
    expect_error("f(,)", "SyntaxError: invalid syntax @1:3-1:4");
    expect_error("x = $", "SyntaxError: invalid syntax @1:5-1:6");
    expect_error("x = a \? b", "SyntaxError: invalid syntax @1:7-1:8");
    expect_error("x = 1 <> 2", "SyntaxError: invalid syntax @1:7-1:9");
    expect_error("@dec", "SyntaxError: invalid syntax @1:0-1:0");
    expect_error("def f(:", "SyntaxError: invalid syntax @1:7-1:8");
    expect_error("class A x: pass", "SyntaxError: invalid syntax @1:9-1:10");
    expect_error("x = 0x1.5", "SyntaxError: invalid syntax @1:8-1:10");
    expect_error("import .a", "SyntaxError: invalid syntax @1:8-1:9");
    expect_error("x = a.1", "SyntaxError: invalid syntax @1:6-1:8");
    expect_error("x = 1else", "SyntaxError: invalid syntax @1:6-1:10");
}

// missing ':' after a compound statement header
Test(parser, error_expected_colon) {
    expect_error("if x\n    pass", "SyntaxError: expected ':' @1:5-1:5");
    expect_error("while x\n    pass", "SyntaxError: expected ':' @1:8-1:8");
    expect_error("for x in y\n    pass", "SyntaxError: expected ':' @1:11-1:11");
    expect_error("def f()\n    pass", "SyntaxError: expected ':' @1:8-1:8");
    expect_error("class A\n    pass", "SyntaxError: expected ':' @1:8-1:8");
    expect_error("with a as b\n    pass", "SyntaxError: expected ':' @1:12-1:12");
    expect_error("try\n    pass\nexcept:\n    pass", "SyntaxError: expected ':' @1:4-1:4");
    expect_error("if x:\n    pass\nelse\n    pass", "SyntaxError: expected ':' @3:5-3:5");
    expect_error("if x:\n    pass\nelif y\n    pass", "SyntaxError: expected ':' @3:7-3:7");
    expect_error("try:\n    pass\nexcept E\n    pass", "SyntaxError: expected ':' @3:9-3:9");
    expect_error("try:\n    pass\nfinally\n    pass", "SyntaxError: expected ':' @3:8-3:8");
    expect_error("def f() -> int\n    pass", "SyntaxError: expected ':' @1:15-1:15");
    expect_error("else x", "SyntaxError: invalid syntax @1:1-1:5");
}

// '(' was never closed, for ( [ and {
Test(parser, error_unclosed_brackets) {
    expect_error("x = (1 +", "SyntaxError: '(' was never closed @1:5-1:0");
    expect_error("x = (1 +\ny = 2", "SyntaxError: '(' was never closed @1:5-1:0");
    expect_error("x = [1, 2\ny = 3\nz = 4", "SyntaxError: '[' was never closed @1:5-1:0");
    expect_error("x = {1: 2", "SyntaxError: '{' was never closed @1:5-1:0");
    expect_error("foo(", "SyntaxError: '(' was never closed @1:4-1:0");
    expect_error("x = [1, 2 3", "SyntaxError: '[' was never closed @1:5-1:0");
    expect_error("f(a,\n  b", "SyntaxError: '(' was never closed @1:2-1:0");
}

// closers without or with the wrong opener
Test(parser, error_unmatched_and_mismatched_brackets) {
    expect_error("x = 1)", "SyntaxError: unmatched ')' @1:6-1:6");
    expect_error("foo(1, 2))", "SyntaxError: unmatched ')' @1:10-1:10");
    expect_error("x = ]", "SyntaxError: unmatched ']' @1:5-1:5");
    expect_error("x = (1]",
                 "SyntaxError: closing parenthesis ']' does not match opening parenthesis '(' "
                 "@1:7-1:7");
    expect_error("x = (1,\n2]",
                 "SyntaxError: closing parenthesis ']' does not match opening parenthesis '(' "
                 "on line 1 @2:2-2:2");
    expect_error("x = [1, 2)",
                 "SyntaxError: closing parenthesis ')' does not match opening parenthesis '[' "
                 "@1:10-1:10");
    expect_error("x = {1, 2)",
                 "SyntaxError: closing parenthesis ')' does not match opening parenthesis '{' "
                 "@1:10-1:10");
}

// unexpected indent, unindent mismatch, tabs
Test(parser, error_indentation) {
    expect_error("    x = 1", "IndentationError: unexpected indent @1:4-1:-1");
    expect_error("x = 1\n  y = 2", "IndentationError: unexpected indent @2:2-2:-1");
    expect_error("def f():\n    x = 1\n   y = 2",
                 "IndentationError: unindent does not match any outer indentation level @3:9-3"
                 ":-1");
    expect_error("if x:\n  a\n b",
                 "IndentationError: unindent does not match any outer indentation level @3:3-3"
                 ":-1");
    expect_error("if 1:\n    x = 1\n  y = 2",
                 "IndentationError: unindent does not match any outer indentation level @3:8-3"
                 ":-1");
    expect_error("if x:\n\tif y:\n        pass",
                 "TabError: inconsistent use of tabs and spaces in indentation @3:1-3:0");
    expect_error("if x:\n  a\n\tb",
                 "TabError: inconsistent use of tabs and spaces in indentation @3:1-3:0");
    expect_error("if x:\n\ta\n        b",
                 "TabError: inconsistent use of tabs and spaces in indentation @3:1-3:0");
    expect_error("if x:\n  a\n  \tb", "IndentationError: unexpected indent @3:3-3:-1");
    expect_error("\tx = 1", "IndentationError: unexpected indent @1:1-1:-1");
}

// CPython's wording for every compound statement
Test(parser, error_expected_indented_block) {
    expect_error("if x:\npass",
                 "IndentationError: expected an indented block after 'if' statement on line 1 "
                 "@2:1-2:5");
    expect_error("while x:\npass",
                 "IndentationError: expected an indented block after 'while' statement on line"
                 " 1 @2:1-2:5");
    expect_error("for x in y:\npass",
                 "IndentationError: expected an indented block after 'for' statement on line 1"
                 " @2:1-2:5");
    expect_error("def f():\npass",
                 "IndentationError: expected an indented block after function definition on li"
                 "ne 1 @2:1-2:5");
    expect_error("class A:\npass",
                 "IndentationError: expected an indented block after class definition on line "
                 "1 @2:1-2:5");
    expect_error("try:\npass",
                 "IndentationError: expected an indented block after 'try' statement on line 1"
                 " @2:1-2:5");
    expect_error("with a:\npass",
                 "IndentationError: expected an indented block after 'with' statement on line "
                 "1 @2:1-2:5");
    expect_error("if x:\n    pass\nelse:\npass",
                 "IndentationError: expected an indented block after 'else' statement on line "
                 "3 @4:1-4:5");
    expect_error("if x:\n    pass\nelif y:\npass",
                 "IndentationError: expected an indented block after 'elif' statement on line "
                 "3 @4:1-4:5");
    expect_error("try:\n    pass\nexcept E:\npass",
                 "IndentationError: expected an indented block after 'except' statement on lin"
                 "e 3 @4:1-4:5");
    expect_error("try:\n    pass\nexcept:\npass",
                 "IndentationError: expected an indented block after 'except' statement on lin"
                 "e 3 @4:1-4:5");
    expect_error("try:\n    pass\nfinally:\npass",
                 "IndentationError: expected an indented block after 'finally' statement on li"
                 "ne 3 @4:1-4:5");
    expect_error("async def f():\npass",
                 "IndentationError: expected an indented block after function definition on li"
                 "ne 1 @2:1-2:5");
    expect_error("async def f():\n    async with a:\n"
                 "    pass",
                 "IndentationError: expected an indented block after 'with' statement on line "
                 "2 @3:5-3:9");
    expect_error("async def f():\n    async for x in y:\n"
                 "    pass",
                 "IndentationError: expected an indented block after 'for' statement on line 2"
                 " @3:5-3:9");
    expect_error("if x:",
                 "IndentationError: expected an indented block after 'if' statement on line 1 "
                 "@1:0-1:-1");
    expect_error("class A:\n  def f(self):",
                 "IndentationError: expected an indented block after function definition on li"
                 "ne 2 @2:0-2:-1");
}

// single- and triple-quoted strings left open
Test(parser, error_unterminated_strings) {
    expect_error("s = 'abc",
                 "SyntaxError: unterminated string literal (detected at line 1) @1:5-1:5");
    expect_error("s = \"abc\nx = 1",
                 "SyntaxError: unterminated string literal (detected at line 1) @1:5-1:5");
    expect_error("s = '''abc",
                 "SyntaxError: unterminated triple-quoted string literal (detected at line 1) "
                 "@1:5-1:5");
    expect_error("s = \"\"\"abc\ndef\n",
                 "SyntaxError: unterminated triple-quoted string literal (detected at line 2) "
                 "@1:5-1:5");
    expect_error("x = 'a' 'b",
                 "SyntaxError: unterminated string literal (detected at line 1) @1:9-1:9");
    expect_error("x = f'{a}",
                 "SyntaxError: unterminated string literal (detected at line 1) @1:5-1:5");
    expect_error("x = 1\ny = '",
                 "SyntaxError: unterminated string literal (detected at line 2) @2:5-2:5");
    expect_error("x = (1,\n'abc",
                 "SyntaxError: unterminated string literal (detected at line 2) @2:1-2:1");
}

// two expressions in a row inside brackets
Test(parser, error_perhaps_forgot_comma) {
    expect_error("f(a b)", "SyntaxError: invalid syntax. Perhaps you forgot a comma\? @1:3-1:6");
    expect_error("foo(a, b c)",
                 "SyntaxError: invalid syntax. Perhaps you forgot a comma\? @1:8-1:11");
    expect_error("[a b]", "SyntaxError: invalid syntax. Perhaps you forgot a comma\? @1:2-1:5");
    expect_error("{a b}", "SyntaxError: invalid syntax. Perhaps you forgot a comma\? @1:2-1:5");
    expect_error("(a b c)", "SyntaxError: invalid syntax. Perhaps you forgot a comma\? @1:2-1:5");
    expect_error("x = [1,\n  2 3 4]",
                 "SyntaxError: invalid syntax. Perhaps you forgot a comma\? @2:3-2:6");
    expect_error("foo(a, b\n  c)",
                 "SyntaxError: invalid syntax. Perhaps you forgot a comma\? @1:8-2:4");
    // results memoised with the invalid_ rules off must not hide the hint
    expect_error("x = y {a b}",
                 "SyntaxError: invalid syntax. Perhaps you forgot a comma\? @1:8-1:11");
    expect_error("f f(a b)", "SyntaxError: invalid syntax @1:3-1:4");
}

// cannot assign to ... and the '==' hint
Test(parser, error_assignment_targets) {
    expect_error("1 = 2",
                 "SyntaxError: cannot assign to literal here. Maybe you meant '==' instead of "
                 "'='\? @1:1-1:2");
    expect_error("\"a\" = 1",
                 "SyntaxError: cannot assign to literal here. Maybe you meant '==' instead of "
                 "'='\? @1:1-1:4");
    expect_error("f() = 1",
                 "SyntaxError: cannot assign to function call here. Maybe you meant '==' inste"
                 "ad of '='\? @1:1-1:4");
    expect_error("x.y() = 1",
                 "SyntaxError: cannot assign to function call here. Maybe you meant '==' inste"
                 "ad of '='\? @1:1-1:6");
    expect_error("a + b = c",
                 "SyntaxError: cannot assign to expression here. Maybe you meant '==' instead "
                 "of '='\? @1:1-1:6");
    expect_error("-a = 1",
                 "SyntaxError: cannot assign to expression here. Maybe you meant '==' instead "
                 "of '='\? @1:1-1:3");
    expect_error("f() = x = 1", "SyntaxError: cannot assign to function call @1:1-1:4");
    expect_error("x, 1 = 2",
                 "SyntaxError: cannot assign to literal here. Maybe you meant '==' instead of "
                 "'='\? @1:4-1:5");
    expect_error("(1, 2) = 3", "SyntaxError: cannot assign to literal @1:2-1:3");
    expect_error("[x, 2] = 3", "SyntaxError: cannot assign to literal @1:5-1:6");
    expect_error("a if b else c = 1",
                 "SyntaxError: cannot assign to conditional expression @1:1-1:14");
    expect_error("lambda: 1 = 1", "SyntaxError: cannot assign to lambda @1:1-1:10");
    expect_error("(a := 1) = 2",
                 "SyntaxError: cannot assign to named expression here. Maybe you meant '==' in"
                 "stead of '='\? @1:2-1:8");
    expect_error("None = 1", "SyntaxError: cannot assign to None @1:1-1:5");
    expect_error("x = yield = 1",
                 "SyntaxError: assignment to yield expression not possible @1:5-1:10");
    expect_error("for 1 in x: pass", "SyntaxError: cannot assign to literal @1:5-1:6");
    expect_error("for x, f() in y: pass", "SyntaxError: cannot assign to function call @1:8-1:11");
    expect_error("with a as f(): pass", "SyntaxError: cannot assign to function call @1:11-1:14");
    expect_error("with a as (b, c()): pass",
                 "SyntaxError: cannot assign to function call @1:15-1:18");
    expect_error("f(True=1)", "SyntaxError: cannot assign to True @1:3-1:8");
    expect_error("f(a.b=1)",
                 "SyntaxError: expression cannot contain assignment, perhaps you meant \"==\""
                 "\? @1:3-1:7");
    expect_error("f(a=1 for a in b)",
                 "SyntaxError: invalid syntax. Maybe you meant '==' or ':=' instead of '='\? @"
                 "1:3-1:5");
}

// illegal targets for += and annotations
Test(parser, error_augmented_and_annotated_targets) {
    expect_error("(a, b) += 1",
                 "SyntaxError: 'tuple' is an illegal expression for augmented assignment @1:1-"
                 "1:7");
    expect_error("[a] += 1",
                 "SyntaxError: 'list' is an illegal expression for augmented assignment @1:1-1"
                 ":4");
    expect_error("f() += 1",
                 "SyntaxError: 'function call' is an illegal expression for augmented assignme"
                 "nt @1:1-1:4");
    expect_error("[a, b]: int",
                 "SyntaxError: only single target (not list) can be annotated @1:1-1:7");
    expect_error("a, b: int",
                 "SyntaxError: only single target (not tuple) can be annotated @1:1-1:2");
    expect_error("1: int", "SyntaxError: illegal target for annotation @1:1-1:2");
    expect_error("x: int, y: int = 1, 2", "SyntaxError: invalid syntax @1:7-1:8");
    expect_error("(x, y): int",
                 "SyntaxError: only single target (not tuple) can be annotated @1:1-1:7");
}

// cannot delete ...
Test(parser, error_delete_targets) {
    expect_error("del 1", "SyntaxError: cannot delete literal @1:5-1:6");
    expect_error("del (a, b), f()", "SyntaxError: cannot delete function call @1:13-1:16");
    expect_error("del a, (b, 1)", "SyntaxError: cannot delete literal @1:12-1:13");
    expect_error("del *a", "SyntaxError: cannot delete starred @1:5-1:7");
    expect_error("del f()", "SyntaxError: cannot delete function call @1:5-1:8");
}

// the tokenizer's number errors
Test(parser, error_number_literals) {
    expect_error("x = 1abc", "SyntaxError: invalid decimal literal @1:5-1:5");
    expect_error("x = 1_", "SyntaxError: invalid decimal literal @1:6-1:6");
    expect_error("x = 1__0", "SyntaxError: invalid decimal literal @1:6-1:6");
    expect_error("x = 0x", "SyntaxError: invalid hexadecimal literal @1:6-1:6");
    expect_error("x = 0x_", "SyntaxError: invalid hexadecimal literal @1:7-1:7");
    expect_error("x = 0xg", "SyntaxError: invalid hexadecimal literal @1:6-1:6");
    expect_error("x = 0o8", "SyntaxError: invalid digit '8' in octal literal @1:7-1:7");
    expect_error("x = 0o", "SyntaxError: invalid octal literal @1:6-1:6");
    expect_error("x = 0b2", "SyntaxError: invalid digit '2' in binary literal @1:7-1:7");
    expect_error("x = 0b12", "SyntaxError: invalid digit '2' in binary literal @1:8-1:8");
    expect_error("x = 012",
                 "SyntaxError: leading zeros in decimal integer literals are not permitted; us"
                 "e an 0o prefix for octal integers @1:5-1:6");
    expect_error("x = 0_9",
                 "SyntaxError: leading zeros in decimal integer literals are not permitted; us"
                 "e an 0o prefix for octal integers @1:5-1:7");
    expect_error("x = 1e", "SyntaxError: invalid decimal literal @1:5-1:5");
    expect_error("x = 1e+", "SyntaxError: invalid decimal literal @1:7-1:7");
    expect_error("x = 1._5", "SyntaxError: invalid decimal literal @1:6-1:6");
    expect_error("x = 1.5_", "SyntaxError: invalid decimal literal @1:8-1:8");
    expect_error("x = 5.x", "SyntaxError: invalid decimal literal @1:6-1:6");
    expect_error("x = 1.__class__", "SyntaxError: invalid decimal literal @1:6-1:6");
    expect_error("x=0b", "SyntaxError: invalid binary literal @1:4-1:4");
    expect_error("x = 0o78", "SyntaxError: invalid digit '8' in octal literal @1:8-1:8");
    expect_error("x = 0b102", "SyntaxError: invalid digit '2' in binary literal @1:9-1:9");
    expect_error("x = 1e5x", "SyntaxError: invalid decimal literal @1:7-1:7");
}

// the parameter list messages of def and lambda
Test(parser, error_parameters) {
    expect_error("def f(a=1, b): pass",
                 "SyntaxError: non-default argument follows default argument @1:12-1:13");
    expect_error("def f(a, b=1, c): pass",
                 "SyntaxError: non-default argument follows default argument @1:15-1:16");
    expect_error("lambda a=1, b: 0",
                 "SyntaxError: non-default argument follows default argument @1:13-1:14");
    expect_error("def f(*, **k): pass", "SyntaxError: named arguments must follow bare * @1:7-1:8");
    expect_error("def f(*): pass", "SyntaxError: named arguments must follow bare * @1:7-1:8");
    expect_error("lambda *: 0", "SyntaxError: named arguments must follow bare * @1:9-1:10");
    expect_error("def f(*a=1): pass",
                 "SyntaxError: var-positional argument cannot have default value @1:9-1:10");
    expect_error("def f(**a=1): pass",
                 "SyntaxError: var-keyword argument cannot have default value @1:10-1:11");
    expect_error("def f(**a, b): pass",
                 "SyntaxError: arguments cannot follow var-keyword argument @1:12-1:13");
    expect_error("def f(**a, *b): pass",
                 "SyntaxError: arguments cannot follow var-keyword argument @1:12-1:13");
    expect_error("def f(*a, *b): pass", "SyntaxError: * argument may appear only once @1:11-1:12");
    expect_error("def f(/, a): pass", "SyntaxError: at least one argument must precede / @1:7-1:8");
    expect_error("def f(a, /, b, /): pass", "SyntaxError: / may appear only once @1:16-1:17");
    expect_error("def f(a, *, b, /): pass", "SyntaxError: / must be ahead of * @1:16-1:17");
    expect_error("def f(a=1, /, *): pass",
                 "SyntaxError: named arguments must follow bare * @1:15-1:16");
    expect_error("def f(a=): pass", "SyntaxError: expected default value expression @1:8-1:9");
    expect_error("def f((a, b)): pass",
                 "SyntaxError: Function parameters cannot be parenthesized @1:7-1:13");
    expect_error("lambda (a, b): 0",
                 "SyntaxError: Lambda expression parameters cannot be parenthesized @1:8-1:14");
    expect_error("lambda **k, a: 0",
                 "SyntaxError: arguments cannot follow var-keyword argument @1:13-1:14");
}

// argument order messages
Test(parser, error_call_arguments) {
    expect_error("f(a=1, b)",
                 "SyntaxError: positional argument follows keyword argument @1:9-1:10");
    expect_error("f(**a, b)",
                 "SyntaxError: positional argument follows keyword argument unpacking @1:9-1:1"
                 "0");
    expect_error("f(**k, *a)",
                 "SyntaxError: iterable argument unpacking follows keyword argument unpacking "
                 "@1:8-1:9");
    expect_error("print(*a, **b, *c)",
                 "SyntaxError: iterable argument unpacking follows keyword argument unpacking "
                 "@1:16-1:17");
    expect_error("f(**a, b=1, *c)",
                 "SyntaxError: iterable argument unpacking follows keyword argument unpacking "
                 "@1:13-1:14");
    expect_error("f(a for a in b, c)",
                 "SyntaxError: Generator expression must be parenthesized @1:3-1:15");
    expect_error("f(c, a for a in b)",
                 "SyntaxError: Generator expression must be parenthesized @1:6-1:18");
    expect_error("class A(x for x in y): pass", "SyntaxError: invalid syntax @1:11-1:14");
}

// reported, as by CPython's compiler, once the parse succeeds
Test(parser, error_keyword_repeated) {
    expect_error("f(a=1, a=2)", "SyntaxError: keyword argument repeated: a @1:8-1:11");
    expect_error("f(x, y, a=1, b=2, a=3)", "SyntaxError: keyword argument repeated: a @1:19-1:22");
    expect_error("class A(metaclass=M, metaclass=N): pass",
                 "SyntaxError: keyword argument repeated: metaclass @1:22-1:33");
    expect_error("f(**a, a=1, a=2)", "SyntaxError: keyword argument repeated: a @1:13-1:16");
    expect_error("f(a=1,a=2)(b=1,b=2)", "SyntaxError: keyword argument repeated: b @1:16-1:19");
    expect_error("f(g(a=1,a=2), b=1, b=2)", "SyntaxError: keyword argument repeated: b @1:20-1:23");
    expect_error("class A(x=1, x=2):\n    f(y=1, y=2)",
                 "SyntaxError: keyword argument repeated: y @2:12-2:15");
    expect_error("@d(a=1, a=2)\ndef f(x=g(b=1,b=1)): h(c=1, c=1)",
                 "SyntaxError: keyword argument repeated: a @1:9-1:12");
    expect_error("f(__debug__=1)", "SyntaxError: cannot assign to __debug__ @1:1-1:15");
    expect_error("f(a=1, a=2)\nx = = 1", "SyntaxError: invalid syntax @2:5-2:6");
}

// the f-string messages
Test(parser, error_fstrings) {
    expect_error("x = f'{a'", "SyntaxError: f-string: expecting '}' @1:10-1:10");
    expect_error("x = f'{a:{b}'", "SyntaxError: f-string: expecting '}' @1:14-1:14");
    expect_error("x = f'a}'", "SyntaxError: f-string: single '}' is not allowed @1:10-1:10");
    expect_error("x = f'}'", "SyntaxError: f-string: single '}' is not allowed @1:9-1:9");
    expect_error("x = f'{'", "SyntaxError: f-string: expecting '}' @1:9-1:9");
    expect_error("x = f'{}}'", "SyntaxError: f-string: empty expression not allowed @1:11-1:11");
    expect_error("x = f'{a!x}'",
                 "SyntaxError: f-string: invalid conversion character: expected 's', 'r', or '"
                 "a' @1:13-1:13");
    expect_error("x = f'{a!}'",
                 "SyntaxError: f-string: invalid conversion character: expected 's', 'r', or '"
                 "a' @1:12-1:12");
    expect_error("x = f'{}'", "SyntaxError: f-string: empty expression not allowed @1:10-1:10");
    expect_error("x = f'{ }'", "SyntaxError: f-string: empty expression not allowed @1:11-1:11");
    expect_error("x = f'{a}}'", "SyntaxError: f-string: single '}' is not allowed @1:12-1:12");
    expect_error("x = f'{a:{b:{c}}}'",
                 "SyntaxError: f-string: expressions nested too deeply @1:19-1:19");
    expect_error("x = f'{a\\n}'",
                 "SyntaxError: f-string expression part cannot include a backslash @1:13-1:13");
    expect_error("x = f'{a#}'",
                 "SyntaxError: f-string expression part cannot include '#' @1:12-1:12");
    expect_error("x = f'{a)}'", "SyntaxError: f-string: unmatched ')' @1:12-1:12");
    expect_error("x = f'{(a]}'",
                 "SyntaxError: f-string: closing parenthesis ']' does not match opening parent"
                 "hesis '(' @1:13-1:13");
    expect_error("x = f'{(a}'",
                 "SyntaxError: f-string: closing parenthesis '}' does not match opening parent"
                 "hesis '(' @1:12-1:12");
    expect_error("x = f'{a:'", "SyntaxError: f-string: expecting '}' @1:11-1:11");
    expect_error("x = f'{a=!}'",
                 "SyntaxError: f-string: invalid conversion character: expected 's', 'r', or '"
                 "a' @1:13-1:13");
    expect_error("x = f'{\"a}'", "SyntaxError: f-string: unterminated string @1:12-1:12");
    expect_error("x = f'{a b}'",
                 "SyntaxError: f-string: invalid syntax. Perhaps you forgot a comma\? @1:2-1:5");
    expect_error("x = f'{=}'", "SyntaxError: f-string: expression required before '=' @1:11-1:11");
    expect_error("x = f'{!r}'", "SyntaxError: f-string: expression required before '!' @1:12-1:12");
    expect_error("x = f'{a!r=}'", "SyntaxError: f-string: expecting '}' @1:14-1:14");
    expect_error("x = f'''{\na b}'''",
                 "SyntaxError: f-string: invalid syntax. Perhaps you forgot a comma\? @2:-3-2:"
                 "0");
    expect_error("x = f'{lambda x:1}'", "SyntaxError: f-string: invalid syntax @1:10-1:11");
    expect_error("x = f'{*a}'",
                 "SyntaxError: f-string: cannot use starred expression here @1:2-1:4");
    expect_error("x = f'{1_}'", "SyntaxError: invalid decimal literal @1:3-1:3");
    expect_error("x = f'{a['b']}'", "SyntaxError: f-string: unmatched '[' @1:16-1:16");
    expect_error("x = f'{a!r }'", "SyntaxError: f-string: expecting '}' @1:14-1:14");
    expect_error("x = f'{a! r}'",
                 "SyntaxError: f-string: invalid conversion character: expected 's', 'r', or '"
                 "a' @1:14-1:14");
}

// bytes, escapes and mixing
Test(parser, error_string_literals) {
    expect_error("x = b'\303\251'",
                 "SyntaxError: bytes can only contain ASCII literal characters @1:5-1:10");
    expect_error("x = b'a' 'b'", "SyntaxError: cannot mix bytes and nonbytes literals @1:13-1:13");
    expect_error("x = 'a' b'b'", "SyntaxError: cannot mix bytes and nonbytes literals @1:13-1:13");
    expect_error("x = b'a' f'b'", "SyntaxError: cannot mix bytes and nonbytes literals @1:14-1:14");
    expect_error("x = '\\xZZ'",
                 "SyntaxError: (unicode error) 'unicodeescape' codec can't decode bytes in pos"
                 "ition 0-1: truncated \\xXX escape @1:11-1:11");
    expect_error("x = '\\u12'",
                 "SyntaxError: (unicode error) 'unicodeescape' codec can't decode bytes in pos"
                 "ition 0-3: truncated \\uXXXX escape @1:11-1:11");
    expect_error("x = '\\U00110000'",
                 "SyntaxError: (unicode error) 'unicodeescape' codec can't decode bytes in pos"
                 "ition 0-9: illegal Unicode character @1:17-1:17");
    expect_error("x = b'\\x1'",
                 "SyntaxError: (value error) invalid \\x escape at position 0 @1:11-1:11");
    expect_error("x = '\\N{no such name}'",
                 "SyntaxError: (unicode error) 'unicodeescape' codec can't decode bytes in pos"
                 "ition 0-15: unknown Unicode character name @1:23-1:23");
    expect_error("x = '\\N'",
                 "SyntaxError: (unicode error) 'unicodeescape' codec can't decode bytes in pos"
                 "ition 0-1: malformed \\N character escape @1:9-1:9");
    expect_error("x = '\303\251\\x'",
                 "SyntaxError: (unicode error) 'unicodeescape' codec can't decode bytes in pos"
                 "ition 10-11: truncated \\xXX escape @1:11-1:11");
    expect_error("x = 'a' '\\x'",
                 "SyntaxError: (unicode error) 'unicodeescape' codec can't decode bytes in pos"
                 "ition 0-1: truncated \\xXX escape @1:13-1:13");
}

// the remaining invalid_ rules
Test(parser, error_other_messages) {
    expect_error("print \"hi\"",
                 "SyntaxError: Missing parentheses in call to 'print'. Did you mean print(...)"
                 "\? @1:1-1:11");
    expect_error("exec \"x = 1\"",
                 "SyntaxError: Missing parentheses in call to 'exec'. Did you mean exec(...)\?"
                 " @1:1-1:13");
    expect_error("x = a if b", "SyntaxError: expected 'else' after 'if' expression @1:5-1:11");
    expect_error("a if b", "SyntaxError: expected 'else' after 'if' expression @1:1-1:7");
    expect_error("x = {a: *b}",
                 "SyntaxError: cannot use a starred expression in a dictionary value @1:9-1:11");
    expect_error("x = {a:}",
                 "SyntaxError: expression expected after dictionary key and ':' @1:7-1:8");
    expect_error("x = {1: 2, 3}", "SyntaxError: ':' expected after dictionary key @1:12-1:0");
    expect_error("x = {**a for a in b}",
                 "SyntaxError: dict unpacking cannot be used in dict comprehension @1:6-1:8");
    expect_error("x = [*a for a in b]",
                 "SyntaxError: iterable unpacking cannot be used in comprehension @1:6-1:8");
    expect_error("x = [a, b for a in c]",
                 "SyntaxError: did you forget parentheses around the comprehension target\? @1"
                 ":6-1:10");
    expect_error("x = (*a)", "SyntaxError: cannot use starred expression here @1:6-1:8");
    expect_error("x = (**a)", "SyntaxError: cannot use double starred expression here @1:6-1:8");
    expect_error("try:\n    pass\nexcept E, F:\n    pass",
                 "SyntaxError: multiple exception types must be parenthesized @3:8-3:12");
    expect_error("try:\n    x", "SyntaxError: expected 'except' or 'finally' block @2:0-2:-1");
    expect_error("try:\n    pass\nexcept:\n    pass\n"
                 "except* E:\n    pass",
                 "SyntaxError: cannot have both 'except' and 'except*' on the same 'try' @5:1-"
                 "5:8");
    expect_error("from a import b,",
                 "SyntaxError: trailing comma not allowed without surrounding parentheses @1:1"
                 "7-1:17");
    expect_error("x = 1\\ y",
                 "SyntaxError: unexpected character after line continuation character @1:7-1:0");
    expect_error("x = 1 \\", "SyntaxError: unexpected EOF while parsing @1:8-1:-1");
    expect_error("x = 1 +", "SyntaxError: invalid syntax @1:8-1:8");
    expect_error("x = \342\206\222",
                 "SyntaxError: invalid character '\342\206\222' (U+2192) @1:5-1:5");
    expect_error("x = \342\200\234a\342\200\235",
                 "SyntaxError: invalid character '\342\200\234' (U+201C) @1:5-1:5");
    expect_error("x = a\302\240b", "SyntaxError: invalid non-printable character U+00A0 @1:6-1:6");
    expect_error("x\342\200\213 = 1",
                 "SyntaxError: invalid non-printable character U+200B @1:2-1:2");
    expect_error("def f():\n    x = 1\nexcept: pass", "SyntaxError: invalid syntax @3:1-3:7");
    expect_error("not x = 1", "SyntaxError: cannot assign to expression @1:1-1:6");
    expect_error("x = not", "SyntaxError: invalid syntax @1:8-1:8");
    expect_error("x = yield = 1",
                 "SyntaxError: assignment to yield expression not possible @1:5-1:10");
    expect_error("f() = 1\nx = 'abc",
                 "SyntaxError: unterminated string literal (detected at line 2) @2:5-2:5");
    expect_error("x = = 1\ny = 'abc",
                 "SyntaxError: unterminated string literal (detected at line 2) @2:5-2:5");
    expect_error("foo(a b\ny = (",
                 "SyntaxError: invalid syntax. Perhaps you forgot a comma\? @1:5-1:8");
    expect_error("x = [1, 2\n'abc",
                 "SyntaxError: unterminated string literal (detected at line 2) @2:1-2:1");
}

// oddities of CPython 3.11 that cs reproduces
Test(parser, error_cpython_quirks_are_kept) {
    expect_error("f(c, c c)", "SyntaxError: invalid syntax @1:8-1:9");
    expect_error("f(ma b)", "SyntaxError: invalid syntax @1:6-1:7");
    expect_error("f(x c)", "SyntaxError: invalid syntax. Perhaps you forgot a comma\? @1:3-1:6");
    expect_error("x = y {a b}",
                 "SyntaxError: invalid syntax. Perhaps you forgot a comma\? @1:8-1:11");
    expect_error("x = y {a:b, c d}", "SyntaxError: ':' expected after dictionary key @1:13-1:0");
    expect_error("r{eturn None", "SyntaxError: '{' was never closed @1:2-1:0");
    expect_error("x = 60.0\303\251", "SyntaxError: invalid syntax @1:9-1:11");
    expect_error("x = 1\342\200\234",
                 "SyntaxError: invalid character '\342\200\234' (U+201C) @1:6-1:6");
    expect_error("s = '''a\nb'''\\x",
                 "SyntaxError: unexpected character after line continuation character @2:15-2:"
                 "0");
    expect_error("x = 1 + # c\n", "SyntaxError: invalid syntax @1:9-1:12");
}

// a REPL statement: complete, incomplete (more lines needed) or an error, as codeop.compile_command
// answers
Test(parser, interactive_mode_follows_codeop) {
    expect_interactive("if x:", "incomplete input");
    expect_interactive("if x:\n  pass", "incomplete input");
    expect_interactive("if x:\n  pass\n", "(Interactive [(If (Name x Load) [(Pass)] [])])");
    expect_interactive("x = (1,", "incomplete input");
    expect_interactive("x = '''abc", "incomplete input");
    expect_interactive("x = 'abc",
                       "SyntaxError: unterminated string literal (detected at line 1) @1:5-1:5");
    expect_interactive("x = 1", "(Interactive [(Assign [(Name x Store)] (Constant 1))])");
    expect_interactive("x = 1 +", "SyntaxError: invalid syntax @1:0-1:0");
    expect_interactive("def f():\n  return 1", "incomplete input");
    expect_interactive(
        "def f():\n  return 1\n",
        "(Interactive [(FunctionDef f (arguments [] [] - [] [] - []) [(Return (Consta"
        "nt 1))] [] -)])");
    expect_interactive("@dec", "incomplete input");
    expect_interactive(
        "x = 1\ny = 2",
        "SyntaxError: multiple statements found while compiling a single statement @1"
        ":6-1:6");
    expect_interactive("if x:\n  pass\nelse:", "incomplete input");
    expect_interactive("x = \\", "incomplete input");
    expect_interactive("", "(Interactive [])");
    expect_interactive("# c", "(Interactive [])");
    expect_interactive(
        "x = [1,\n2]",
        "(Interactive [(Assign [(Name x Store)] (List [(Constant 1) (Constant 2)] Loa"
        "d))])");
    expect_interactive("x = f'{a'", "SyntaxError: f-string: expecting '}' @1:9-1:-1");
    expect_interactive("try:\n  pass\n", "incomplete input");
    expect_interactive("try:\n  pass\n\n", "incomplete input");
    expect_interactive("1 +* 2", "SyntaxError: invalid syntax @1:4-1:5");
    expect_interactive(")", "SyntaxError: unmatched ')' @1:1-1:1");
    expect_interactive("if x: pass", "incomplete input");
    expect_interactive("if x: pass\n", "(Interactive [(If (Name x Load) [(Pass)] [])])");
    expect_interactive("x = 1 # c", "(Interactive [(Assign [(Name x Store)] (Constant 1))])");
    expect_interactive("f(a=1, a=2)", "SyntaxError: keyword argument repeated: a @1:8-1:11");
    expect_interactive("  x = 1", "IndentationError: unexpected indent @1:2-1:-1");
    expect_interactive("x=1;", "(Interactive [(Assign [(Name x Store)] (Constant 1))])");
}

// PARSE_EVAL: expressions NEWLINE* ENDMARKER
Test(parser, eval_mode_parses_one_expression) {
    expect_eval("1 + 2", "(Expression (BinOp (Constant 1) Add (Constant 2)))");
    expect_eval("a, b", "(Expression (Tuple [(Name a Load) (Name b Load)] Load))");
    expect_eval("a,", "(Expression (Tuple [(Name a Load)] Load))");
    expect_eval("(yield)", "(Expression (Yield -))");
    expect_eval("lambda: 0", "(Expression (Lambda (arguments [] [] - [] [] - []) (Constant 0)))");
    expect_eval("x\n\n", "(Expression (Name x Load))");
    expect_eval("x = 1", "SyntaxError: invalid syntax @1:3-1:4");
    expect_eval("", "SyntaxError: invalid syntax @0:0-0:0");
    expect_eval("1 +", "SyntaxError: invalid syntax @1:0-1:0");
    expect_eval("f(a for a in b)",
                "(Expression (Call (Name f Load) [(GeneratorExp (Name a Load) [(comprehension"
                " (Name a Store) (Name b Load) [] 0)])] []))");
    expect_eval("*a, b", "SyntaxError: invalid syntax @1:1-1:2");
    expect_eval("x := 1", "SyntaxError: invalid syntax @1:3-1:5");
    expect_eval("(x := 1)", "(Expression (NamedExpr (Name x Store) (Constant 1)))");
    expect_eval("a\nb", "SyntaxError: invalid syntax @2:1-2:2");
    expect_eval("  x", "IndentationError: unexpected indent @1:2-1:-1");
}

// parse_error_format prints what CPython prints for an uncaught SyntaxError
Test(parser, error_format_matches_cpython_traceback) {
    expect_format("x = (1 +", "  File \"x.cs\", line 1\n    x = (1 +\n"
                              "        ^\nSyntaxError: '(' was never closed\n");
    expect_format("foo(a b)",
                  "  File \"x.cs\", line 1\n    foo(a b)\n"
                  "        ^^^\nSyntaxError: invalid syntax. Perhaps you forgot a comma\?\n");
    expect_format("    x = = 1", "  File \"x.cs\", line 1\n    x = = 1\n"
                                 "IndentationError: unexpected indent\n");
    expect_format("if x:\npass",
                  "  File \"x.cs\", line 2\n    pass\n"
                  "    ^\nIndentationError: expected an indented block after 'if' statement on "
                  "line 1\n");
    expect_format("x = 'abc",
                  "  File \"x.cs\", line 1\n    x = 'abc\n"
                  "        ^\nSyntaxError: unterminated string literal (detected at line 1)\n");
    expect_format("x = 1abc", "  File \"x.cs\", line 1\n    x = 1abc\n"
                              "        ^\nSyntaxError: invalid decimal literal\n");
    expect_format("def f(a=1, b): pass",
                  "  File \"x.cs\", line 1\n    def f(a=1, b): pass\n"
                  "               ^\nSyntaxError: non-default argument follows default argument"
                  "\n");
    expect_format("if x:\n  a\n b",
                  "  File \"x.cs\", line 3\n    b\n"
                  "     ^\nIndentationError: unindent does not match any outer indentation leve"
                  "l\n");
    expect_format("x = \"\303\251\" + = 2", "  File \"x.cs\", line 1\n    x = \"\303\251\" + = 2\n"
                                            "               ^\nSyntaxError: invalid syntax\n");
    expect_format("x = f'{a b}'",
                  "  File \"x.cs\", line 1\n    (a b)\n"
                  "     ^^^\nSyntaxError: f-string: invalid syntax. Perhaps you forgot a comma"
                  "\?\n");
    expect_format("f(a=1, a=2)", "  File \"x.cs\", line 1\n    f(a=1, a=2)\n"
                                 "           ^^^\nSyntaxError: keyword argument repeated: a\n");
    expect_format("if x:\n  a\n\tb",
                  "  File \"x.cs\", line 3\n    b\n"
                  "TabError: inconsistent use of tabs and spaces in indentation\n");
    expect_format("f(x for x in y, 1)",
                  "  File \"x.cs\", line 1\n    f(x for x in y, 1)\n"
                  "      ^^^^^^^^^^^^\nSyntaxError: Generator expression must be parenthesized"
                  "\n");
    expect_format("f(x for x in\n  y, 1)",
                  "  File \"x.cs\", line 1\n    f(x for x in\n"
                  "      ^^^^^^^^^^\nSyntaxError: Generator expression must be parenthesized\n");
}
