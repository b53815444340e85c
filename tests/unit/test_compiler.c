// Unit tests of compiler/: symbol-table classification (local, global,
// free, cell, class scopes), stack sizes, exception-table ranges for nested
// try statements, constant deduplication, semantic SyntaxErrors with
// CPython's messages and positions, and the disassembler's format.
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compiler/compile.h"
#include "compiler/symtable.h"
#include "parser/parser.h"
#include "vm/dis.h"
#include "vm/exc.h"
#include "vm/func.h"
#include "vm/gc.h"
#include "vm/interp.h"
#include "vm/list.h"
#include "vm/opcodes.h"
#include "vm/state.h"
#include "vm/str.h"

static Interp *interp;
static ThreadState *ts;

static void setup(void) {
    interp = interp_new(0, NULL, &ts);
    cr_assert_not_null(interp);
}

static void teardown(void) {
    interp_free(interp);
}

TestSuite(compiler, .init = setup, .fini = teardown);

// ---------------------------------------------------------------------------
// Helpers

typedef struct Tables {
    Arena *arena;
    SymTable st;
    int rc;
} Tables;

static void tables_build(Tables *t, const char *src) {
    t->arena = arena_new();
    ParseError err;
    Mod *mod = parse_source(t->arena, src, strlen(src), "t.cs", PARSE_FILE, &err);
    cr_assert_not_null(mod, "parse failed: %s", err.msg);
    memset(&t->st, 0, sizeof t->st);
    t->rc = symtable_build(&t->st, mod);
}

static void tables_free(Tables *t) {
    symtable_free(&t->st);
    arena_free(t->arena);
}

// The n-th scope (in creation order) with the given name.
static Scope *scope_named(Tables *t, const char *name) {
    for (size_t i = 0; i < t->st.nall; i++) {
        if (strcmp(t->st.all[i]->name, name) == 0) {
            return t->st.all[i];
        }
    }
    cr_assert_fail("no scope %s", name);
    return NULL;
}

static CodeObj *compile_ok(const char *src) {
    Value v = compile_source(ts, src, strlen(src), "t.cs", COMPILE_FILE);
    cr_assert_neq(v, CS_ERR, "compile failed for:\n%s", src);
    return (CodeObj *)as_obj(v);
}

static CodeObj *const_code(CodeObj *co, const char *name) {
    for (size_t i = 0; i < co->consts->len; i++) {
        Value c = co->consts->items[i];
        if (is_type_exact(c, &type_code) && strcmp(((CodeObj *)as_obj(c))->name->data, name) == 0) {
            return (CodeObj *)as_obj(c);
        }
    }
    cr_assert_fail("no code object %s", name);
    return NULL;
}

static bool tuple_has(TupleObj *t, const char *name) {
    for (size_t i = 0; i < t->len; i++) {
        if (strcmp(str_cstr(t->items[i]), name) == 0) {
            return true;
        }
    }
    return false;
}

typedef struct SynErr {
    char msg[200];
    int lineno, offset;
} SynErr;

static SynErr compile_fail(const char *src) {
    Value v = compile_source(ts, src, strlen(src), "t.cs", COMPILE_FILE);
    cr_assert_eq(v, CS_ERR, "expected a SyntaxError for:\n%s", src);
    Value e = exc_fetch(ts);
    cr_assert(exc_is_instance(e, exc_SyntaxError));
    ExcObj *x = (ExcObj *)as_obj(e);
    SynErr r;
    snprintf(r.msg, sizeof r.msg, "%s", str_cstr(x->value));
    r.lineno = (int)as_small_int(x->extra[1]);
    r.offset = (int)as_small_int(x->extra[2]);
    return r;
}

static void expect_error(const char *src, const char *msg, int lineno, int offset) {
    SynErr e = compile_fail(src);
    cr_expect_str_eq(e.msg, msg, "source:\n%s", src);
    cr_expect_eq(e.lineno, lineno, "%s: line %d, expected %d", msg, e.lineno, lineno);
    cr_expect_eq(e.offset, offset, "%s: offset %d, expected %d", msg, e.offset, offset);
}

// Every code object reachable from co satisfies the exception-table and
// stack invariants the eval loop relies on.
static void check_tables(CodeObj *co) {
    for (uint32_t i = 0; i < co->nexc; i++) {
        ExcTableEntry *e = &co->exc_table[i];
        cr_assert_lt(e->start, e->end);
        cr_assert_leq(e->end, co->ncode);
        cr_assert_lt(e->target, co->ncode);
        cr_assert_lt((int)e->depth, co->stacksize + 1);
        if (i > 0) {
            cr_assert_leq(co->exc_table[i - 1].end, e->start, "overlapping ranges");
        }
    }
    for (uint32_t i = 0; i < co->ncode; i++) {
        int op = (int)INSTR_OP(co->code[i]);
        cr_assert_lt(op, OP_COUNT);
        if (opcode_flags[op] & OPF_JUMP) {
            cr_assert_lt(INSTR_ARG(co->code[i]), co->ncode);
        }
        cr_assert_gt(co->lines[i], 0);
    }
    for (size_t i = 0; i < co->consts->len; i++) {
        if (is_type_exact(co->consts->items[i], &type_code)) {
            check_tables((CodeObj *)as_obj(co->consts->items[i]));
        }
    }
}

// ---------------------------------------------------------------------------
// Symbol tables

Test(compiler, symtable_function_scopes) {
    Tables t;
    tables_build(&t, "g = 1\n"
                     "def f(a, b):\n"
                     "    global h\n"
                     "    c = a\n"
                     "    def inner():\n"
                     "        return b + c + g + len\n"
                     "    h = 2\n"
                     "    return inner\n");
    cr_assert_eq(t.rc, 0);
    Scope *f = scope_named(&t, "f");
    Scope *inner = scope_named(&t, "inner");
    cr_expect_eq(symtable_scope_of(f, "a"), SYM_LOCAL);
    cr_expect_eq(symtable_scope_of(f, "b"), SYM_CELL);
    cr_expect_eq(symtable_scope_of(f, "c"), SYM_CELL);
    cr_expect_eq(symtable_scope_of(f, "h"), SYM_GLOBAL_EXPLICIT);
    cr_expect_eq(symtable_scope_of(f, "inner"), SYM_LOCAL);
    cr_expect_eq(symtable_scope_of(inner, "b"), SYM_FREE);
    cr_expect_eq(symtable_scope_of(inner, "c"), SYM_FREE);
    cr_expect_eq(symtable_scope_of(inner, "g"), SYM_GLOBAL_IMPLICIT);
    cr_expect_eq(symtable_scope_of(inner, "len"), SYM_GLOBAL_IMPLICIT);
    cr_expect(inner->is_nested);
    cr_expect(!f->is_nested);
    cr_expect_eq(f->nparams, 2);
    cr_expect_str_eq(f->params[1], "b");
    tables_free(&t);
}

Test(compiler, symtable_class_scopes) {
    Tables t;
    tables_build(&t, "def outer():\n"
                     "    x = 1\n"
                     "    y = 2\n"
                     "    class C:\n"
                     "        x = 3\n"
                     "        z = y\n"
                     "        def m(self):\n"
                     "            return x + super().m()\n"
                     "    return C\n");
    cr_assert_eq(t.rc, 0);
    Scope *outer = scope_named(&t, "outer");
    Scope *c = scope_named(&t, "C");
    Scope *m = scope_named(&t, "m");
    cr_expect_eq(c->kind, SCOPE_CLASS);
    // x: bound in the class, but m's x is the function's cell.
    cr_expect_eq(symtable_scope_of(outer, "x"), SYM_CELL);
    cr_expect_eq(symtable_scope_of(c, "x"), SYM_LOCAL);
    cr_expect(symtable_symbol(c, "x")->flags & DEF_FREE_CLASS);
    cr_expect_eq(symtable_scope_of(m, "x"), SYM_FREE);
    // y is read by the class body: free there (LOAD_CLASSDEREF).
    cr_expect_eq(symtable_scope_of(outer, "y"), SYM_CELL);
    cr_expect_eq(symtable_scope_of(c, "y"), SYM_FREE);
    // super() makes __class__ a free variable of m and a cell of C.
    cr_expect_eq(symtable_scope_of(m, "__class__"), SYM_FREE);
    cr_expect(c->needs_class_closure);
    tables_free(&t);
}

Test(compiler, symtable_generators_and_comprehensions) {
    Tables t;
    tables_build(&t, "def gen():\n"
                     "    yield 1\n"
                     "async def co():\n"
                     "    await x\n"
                     "async def agen():\n"
                     "    yield 1\n"
                     "def uses_comp(n):\n"
                     "    return [i * n for i in range(n)]\n");
    cr_assert_eq(t.rc, 0);
    Scope *gen = scope_named(&t, "gen");
    Scope *co = scope_named(&t, "co");
    Scope *agen = scope_named(&t, "agen");
    Scope *comp = scope_named(&t, "<listcomp>");
    cr_expect(gen->is_generator && !gen->is_coroutine);
    cr_expect(!co->is_generator && co->is_coroutine);
    cr_expect(agen->is_generator && agen->is_coroutine);
    cr_expect_eq(comp->comp, COMP_LIST);
    cr_expect_eq(symtable_scope_of(comp, ".0"), SYM_LOCAL);
    cr_expect_eq(symtable_scope_of(comp, "i"), SYM_LOCAL);
    cr_expect_eq(symtable_scope_of(comp, "n"), SYM_FREE);
    cr_expect_eq(symtable_scope_of(scope_named(&t, "uses_comp"), "n"), SYM_CELL);
    tables_free(&t);
}

Test(compiler, symtable_walrus_in_comprehension) {
    Tables t;
    tables_build(&t, "def f(data):\n"
                     "    return [last := v for v in data], last\n");
    cr_assert_eq(t.rc, 0);
    cr_expect_eq(symtable_scope_of(scope_named(&t, "f"), "last"), SYM_CELL);
    cr_expect_eq(symtable_scope_of(scope_named(&t, "<listcomp>"), "last"), SYM_FREE);
    tables_free(&t);
}

Test(compiler, symtable_mangling) {
    Tables t;
    tables_build(&t, "class _Priv:\n    __x = 1\n    __y__ = 2\n");
    cr_assert_eq(t.rc, 0);
    Scope *c = scope_named(&t, "_Priv");
    cr_expect_not_null(symtable_symbol(c, "_Priv__x"));
    cr_expect_not_null(symtable_symbol(c, "__y__"));
    cr_expect_str_eq(symtable_mangle(&t.st, "__", "__z"), "__z");
    tables_free(&t);
}

// ---------------------------------------------------------------------------
// Code objects

Test(compiler, stack_sizes) {
    CodeObj *co = compile_ok("f(a, b, c)\n");
    cr_expect_eq(co->stacksize, 5); // NULL f a b c
    co = compile_ok("x = [1, 2, [3, (a, b)]]\n");
    cr_expect_geq(co->stacksize, 4);
    co = compile_ok("def g(x):\n    return x\n");
    cr_expect_eq(const_code(co, "g")->stacksize, 1);
    co = compile_ok("for i in range(3):\n    for j in range(i):\n        print(i, j)\n");
    cr_expect_eq(co->stacksize, 6); // it it NULL print i j
    check_tables(co);
}

Test(compiler, exception_table_nested_try) {
    CodeObj *co = compile_ok("def f():\n"
                             "    try:\n"
                             "        try:\n"
                             "            a()\n"
                             "        except KeyError as e:\n"
                             "            b(e)\n"
                             "        finally:\n"
                             "            c()\n"
                             "    except Exception:\n"
                             "        d()\n"
                             "    with m() as w:\n"
                             "        e()\n");
    CodeObj *f = const_code(co, "f");
    check_tables(f);
    cr_expect_geq(f->nexc, 5);
    // The call to a() is covered by the innermost handler: the except
    // KeyError clause, whose code starts with PUSH_EXC_INFO at depth 0.
    uint32_t call_a = 0;
    for (uint32_t i = 0; i < f->ncode; i++) {
        if (INSTR_OP(f->code[i]) == OP_CALL && f->lines[i] == 4) {
            call_a = i;
        }
    }
    bool found = false;
    for (uint32_t i = 0; i < f->nexc; i++) {
        ExcTableEntry *e = &f->exc_table[i];
        if (e->start <= call_a && call_a < e->end) {
            cr_expect_eq(INSTR_OP(f->code[e->target]), OP_PUSH_EXC_INFO);
            cr_expect_eq(e->depth, 0);
            found = true;
        }
    }
    cr_expect(found);
    // The with-statement handler keeps the bound __exit__ (depth 1).
    bool with_depth = false;
    for (uint32_t i = 0; i < f->nexc; i++) {
        uint32_t t = f->exc_table[i].target;
        if (t + 1 < f->ncode && INSTR_OP(f->code[t + 1]) == OP_WITH_EXCEPT_START) {
            cr_expect_eq(f->exc_table[i].depth, 1);
            with_depth = true;
        }
    }
    cr_expect(with_depth);
}

Test(compiler, exception_table_loops_and_returns) {
    CodeObj *co = compile_ok("def f(xs):\n"
                             "    for x in xs:\n"
                             "        try:\n"
                             "            if x: break\n"
                             "            if not x: continue\n"
                             "            return x\n"
                             "        finally:\n"
                             "            print(x)\n"
                             "    while True:\n"
                             "        with open(x) as fh:\n"
                             "            try:\n"
                             "                return fh.read()\n"
                             "            except OSError:\n"
                             "                raise\n"
                             "async def g():\n"
                             "    async with a as b:\n"
                             "        async for i in b:\n"
                             "            await i\n"
                             "    return [j async for j in b]\n");
    check_tables(co);
    CodeObj *g = const_code(co, "g");
    cr_expect(g->flags & CO_COROUTINE);
    // The async for loop's handler is END_ASYNC_FOR with the iterator kept.
    bool found = false;
    for (uint32_t i = 0; i < g->nexc; i++) {
        if (INSTR_OP(g->code[g->exc_table[i].target]) == OP_END_ASYNC_FOR) {
            found = true;
        }
    }
    cr_expect(found);
}

Test(compiler, constants_distinct) {
    CodeObj *co = compile_ok("a = (0, 0.0, -0.0, False, 0, 0.0, '0', b'0', None)\n"
                             "b = 0\nc = 0.0\nd = -0.0\ne = False\n");
    // The tuple folds to one constant; the scalars each appear once more.
    size_t n0 = 0;
    for (size_t i = 0; i < co->consts->len; i++) {
        Value v = co->consts->items[i];
        if (v == small_int_val(0) || v == float_val(0.0) || v == float_val(-0.0) || v == CS_FALSE) {
            n0++;
        }
    }
    cr_expect_eq(n0, 4);
}

Test(compiler, code_flags_and_names) {
    CodeObj *co = compile_ok("def f(a, b=1, *args, c, d=2, **kw):\n"
                             "    'doc'\n"
                             "    def g():\n"
                             "        return a\n"
                             "    return g\n"
                             "def gen():\n"
                             "    yield\n"
                             "class C:\n"
                             "    def m(self):\n"
                             "        return __class__\n");
    CodeObj *f = const_code(co, "f");
    cr_expect_eq(f->argcount, 2);
    cr_expect_eq(f->kwonlyargcount, 2);
    cr_expect(f->flags & CO_VARARGS);
    cr_expect(f->flags & CO_VARKEYWORDS);
    cr_expect(f->flags & CO_HAS_DOCSTRING);
    cr_expect_str_eq(str_cstr(f->consts->items[0]), "doc");
    cr_expect_str_eq(str_cstr(f->varnames->items[4]), "args");
    cr_expect_str_eq(str_cstr(f->varnames->items[5]), "kw");
    cr_expect(tuple_has(f->cellvars, "a"));
    cr_assert_not_null(f->cell2arg);
    cr_expect_eq(f->cell2arg[0], 0);
    CodeObj *g = const_code(f, "g");
    cr_expect_str_eq(g->qualname->data, "f.<locals>.g");
    cr_expect(tuple_has(g->freevars, "a"));
    cr_expect(g->flags & CO_NESTED);
    cr_expect(const_code(co, "gen")->flags & CO_GENERATOR);
    CodeObj *c = const_code(co, "C");
    cr_expect(tuple_has(c->cellvars, "__class__"));
    cr_expect_str_eq(const_code(c, "m")->qualname->data, "C.m");
}

// ---------------------------------------------------------------------------
// Semantic errors

Test(compiler, errors_control_flow) {
    expect_error("x = 1\nreturn 5\n", "'return' outside function", 2, 1);
    expect_error("break\n", "'break' outside loop", 1, 1);
    expect_error("while 1:\n  def f():\n    continue\n", "'continue' not properly in loop", 3, 5);
    expect_error("yield 1\n", "'yield' outside function", 1, 1);
    expect_error("await x\n", "'await' outside function", 1, 1);
    expect_error("def f():\n  await x\n", "'await' outside async function", 2, 3);
    expect_error("async def f():\n  yield 1\n  return 3\n",
                 "'return' with value in async generator", 3, 3);
    expect_error("async def f():\n  yield from x\n", "'yield from' inside async function", 2, 3);
    expect_error("def f():\n  [x async for x in y]\n",
                 "asynchronous comprehension outside of an asynchronous function", 2, 3);
    expect_error("try:\n  pass\nexcept:\n  pass\nexcept ValueError:\n  pass\n",
                 "default 'except:' must be last", 3, 1);
}

Test(compiler, errors_scopes) {
    expect_error("def f():\n  print(x)\n  nonlocal x\n",
                 "name 'x' is used prior to nonlocal declaration", 3, 3);
    expect_error("def f():\n  x = 1\n  global x\n",
                 "name 'x' is assigned to before global declaration", 3, 3);
    expect_error("nonlocal x\n", "nonlocal declaration not allowed at module level", 1, 1);
    expect_error("def f():\n  nonlocal x\n", "no binding for nonlocal 'x' found", 2, 3);
    expect_error("def f(x):\n  global x\n", "name 'x' is parameter and global", 2, 3);
    expect_error("def f(x, x): pass\n", "duplicate argument 'x' in function definition", 1, 10);
    expect_error("def f():\n  [(yield x) for x in y]\n", "'yield' inside list comprehension", 2, 5);
    expect_error("__debug__ = 1\n", "cannot assign to __debug__", 1, 1);
    expect_error("def f():\n  from x import *\n", "import * only allowed at module level", 2, 17);
    expect_error("def f():\n  global x\n  nonlocal x\n", "name 'x' is nonlocal and global", 2, 3);
    expect_error("[x := 1 for x in z]\n",
                 "assignment expression cannot rebind comprehension iteration variable 'x'", 1, 2);
    expect_error("f(a=1, a=2)\n", "keyword argument repeated: a", 1, 8);
}

Test(compiler, errors_stop_everything) {
    // A later semantic error means no code at all: nothing of the file runs.
    SynErr e = compile_fail("print('x')\ndef f():\n  pass\nreturn 1\n");
    cr_expect_str_eq(e.msg, "'return' outside function");
    cr_expect_eq(e.lineno, 4);
}

Test(compiler, deep_nesting_is_recursion_error) {
    size_t n = 5000;
    char *src = malloc(n * 2 + 16);
    strcpy(src, "x = ");
    for (size_t i = 0; i < n; i++) {
        strcat(src, "1+");
    }
    strcat(src, "1\n");
    Value v = compile_source(ts, src, strlen(src), "t.cs", COMPILE_FILE);
    free(src);
    cr_assert_eq(v, CS_ERR);
    Value e = exc_fetch(ts);
    cr_expect(exc_is_instance(e, exc_RecursionError) || exc_is_instance(e, exc_MemoryError));
}

// ---------------------------------------------------------------------------
// Disassembler

Test(compiler, dis_format) {
    CodeObj *co = compile_ok("x = 10\nif x:\n    y = -x\n");
    StrBuf b;
    str_buf_init(&b);
    cr_assert_eq(dis_code(ts, obj_val(co), &b), 0);
    str_buf_append_char(&b, '\0');
    cr_expect(strstr(b.data, "  1           0 LOAD_CONST               0 (10)\n") != NULL, "%s",
              b.data);
    cr_expect(strstr(b.data, "STORE_NAME               0 (x)") != NULL, "%s", b.data);
    cr_expect(strstr(b.data, "POP_JUMP_IF_FALSE") != NULL, "%s", b.data);
    cr_expect(strstr(b.data, "(to ") != NULL, "%s", b.data);
    cr_expect(strstr(b.data, "UNARY_NEGATIVE\n") != NULL, "%s", b.data);
    str_buf_free(&b);
}

Test(compiler, dis_nested_code) {
    CodeObj *co = compile_ok("def f(a):\n    try:\n        return a + 1\n    except E:\n"
                             "        pass\n");
    StrBuf b;
    str_buf_init(&b);
    cr_assert_eq(dis_code(ts, obj_val(co), &b), 0);
    str_buf_append_char(&b, '\0');
    cr_expect(strstr(b.data, "Disassembly of <code object f, file \"t.cs\", line 1>:") != NULL,
              "%s", b.data);
    cr_expect(strstr(b.data, "BINARY_OP                0 (+)") != NULL, "%s", b.data);
    cr_expect(strstr(b.data, "ExceptionTable:\n") != NULL, "%s", b.data);
    cr_expect(strstr(b.data, ">>") != NULL, "%s", b.data);
    str_buf_free(&b);
}

// ---------------------------------------------------------------------------
// Modes

Test(compiler, eval_mode_returns_value) {
    const char *src = "1 + x";
    Value v = compile_source(ts, src, strlen(src), "<string>", COMPILE_EVAL);
    cr_assert_neq(v, CS_ERR);
    CodeObj *co = (CodeObj *)as_obj(v);
    cr_expect_eq(INSTR_OP(co->code[co->ncode - 1]), OP_RETURN_VALUE);
    cr_expect_eq(INSTR_OP(co->code[co->ncode - 2]), OP_BINARY_OP);
}

Test(compiler, interactive_mode_prints_expressions) {
    const char *src = "x = 1\nx";
    Value v = compile_source(ts, src, 5, "<stdin>", COMPILE_INTERACTIVE);
    cr_assert_neq(v, CS_ERR);
    v = compile_source(ts, "x", 1, "<stdin>", COMPILE_INTERACTIVE);
    cr_assert_neq(v, CS_ERR);
    CodeObj *co = (CodeObj *)as_obj(v);
    bool printed = false;
    for (uint32_t i = 0; i < co->ncode; i++) {
        printed = printed || INSTR_OP(co->code[i]) == OP_PRINT_EXPR;
    }
    cr_expect(printed);
    v = compile_source(ts, "if x:", 5, "<stdin>", COMPILE_INTERACTIVE);
    cr_assert_eq(v, CS_ERR);
    Value e = exc_fetch(ts);
    cr_expect(exc_is_instance(e, exc_SyntaxError));
    cr_expect_str_eq(str_cstr(((ExcObj *)as_obj(e))->value), "incomplete input");
}

Test(compiler, future_annotations_are_unparsed) {
    CodeObj *co = compile_ok("from __future__ import annotations\n"
                             "def f(a: dict[str,   'X'], b: (1 + 2) * -x ** 2) -> a if b else c:\n"
                             "    pass\n");
    static const char *const want[] = {"dict[str, 'X']", "(1 + 2) * -x ** 2", "a if b else c"};
    for (size_t i = 0; i < 3; i++) {
        bool found = false;
        for (size_t k = 0; k < co->consts->len; k++) {
            Value c = co->consts->items[k];
            found = found || (str_check(c) && strcmp(str_cstr(c), want[i]) == 0);
        }
        cr_expect(found, "no constant %s", want[i]);
    }
}

Test(compiler, constant_folding_limits) {
    CodeObj *co = compile_ok("a = -5\nb = 2 ** 10\nc = 2 ** 1000\nd = 'x' * 5000\ne = 1 / 0\n");
    bool neg5 = false, k1024 = false, huge = false, bigstr = false;
    for (size_t k = 0; k < co->consts->len; k++) {
        Value c = co->consts->items[k];
        neg5 = neg5 || c == small_int_val(-5);
        k1024 = k1024 || c == small_int_val(1024);
        huge = huge || (is_obj(c) && type_of(c) == &type_int);
        bigstr = bigstr || (str_check(c) && as_str(c)->len > 4096);
    }
    cr_expect(neg5 && k1024);
    cr_expect(!huge && !bigstr);
}
