// Expressions back to source text, as CPython 3.11's ast_unparse.c writes
// them: used for annotations under `from __future__ import annotations`,
// which CPython stores in this normalised spelling (spacing, quotes and
// parentheses chosen by precedence, not copied from the source).
#include <string.h>

#include "compiler/internal.h"
#include "vm/exc.h"
#include "vm/state.h"
#include "vm/str.h"

// Precedence levels, lowest first (ast_unparse.c).
enum {
    PR_TUPLE,
    PR_TEST,
    PR_OR,
    PR_AND,
    PR_NOT,
    PR_CMP,
    PR_EXPR,
    PR_BOR = PR_EXPR,
    PR_BXOR,
    PR_BAND,
    PR_SHIFT,
    PR_ARITH,
    PR_TERM,
    PR_FACTOR,
    PR_POWER,
    PR_AWAIT,
    PR_ATOM,
};

typedef struct Unparser {
    Compiler *c;
    StrBuf b;
    bool failed;
} Unparser;

static void put(Unparser *u, const char *s) {
    str_buf_append_cstr(&u->b, s);
}

static void put_if(Unparser *u, bool cond, const char *s) {
    if (cond) {
        put(u, s);
    }
}

static void unparse(Unparser *u, const Expr *e, int level);

static void put_list(Unparser *u, const ExprList *l, int level) {
    for (int i = 0; i < l->len; i++) {
        put_if(u, i > 0, ", ");
        unparse(u, l->items[i], level);
    }
}

static void put_constant(Unparser *u, const Expr *e) {
    const AstConstant *k = &e->v.Constant.value;
    if (k->kind == AST_CONST_ELLIPSIS) {
        put(u, "...");
        return;
    }
    if (k->kind == AST_CONST_FLOAT && (k->v.f > 1.7e308 || k->v.f < -1.7e308)) {
        put(u, k->v.f > 0 ? "1e309" : "-1e309");
        return;
    }
    Value v = compile_constant(u->c, k);
    if (v == CS_ERR || str_buf_append_repr(u->c->ts, &u->b, v) < 0) {
        u->failed = true;
    }
}

static const char *binop_text(AstOperator op, int *pr) {
    switch (op) {
    case AST_OP_ADD:
        *pr = PR_ARITH;
        return " + ";
    case AST_OP_SUB:
        *pr = PR_ARITH;
        return " - ";
    case AST_OP_MULT:
        *pr = PR_TERM;
        return " * ";
    case AST_OP_MAT_MULT:
        *pr = PR_TERM;
        return " @ ";
    case AST_OP_DIV:
        *pr = PR_TERM;
        return " / ";
    case AST_OP_MOD:
        *pr = PR_TERM;
        return " % ";
    case AST_OP_FLOOR_DIV:
        *pr = PR_TERM;
        return " // ";
    case AST_OP_LSHIFT:
        *pr = PR_SHIFT;
        return " << ";
    case AST_OP_RSHIFT:
        *pr = PR_SHIFT;
        return " >> ";
    case AST_OP_BIT_OR:
        *pr = PR_BOR;
        return " | ";
    case AST_OP_BIT_XOR:
        *pr = PR_BXOR;
        return " ^ ";
    case AST_OP_BIT_AND:
        *pr = PR_BAND;
        return " & ";
    default:
        *pr = PR_POWER;
        return " ** ";
    }
}

static void put_binop(Unparser *u, const Expr *e, int level) {
    int pr;
    const char *op = binop_text(e->v.BinOp.op, &pr);
    int rassoc = e->v.BinOp.op == AST_OP_POW;
    put_if(u, level > pr, "(");
    unparse(u, e->v.BinOp.left, pr + rassoc);
    put(u, op);
    unparse(u, e->v.BinOp.right, pr + !rassoc);
    put_if(u, level > pr, ")");
}

static void put_unaryop(Unparser *u, const Expr *e, int level) {
    static const char *const ops[] = {
        [AST_UOP_INVERT] = "~", [AST_UOP_NOT] = "not ", [AST_UOP_UADD] = "+", [AST_UOP_USUB] = "-"};
    int pr = e->v.UnaryOp.op == AST_UOP_NOT ? PR_NOT : PR_FACTOR;
    put_if(u, level > pr, "(");
    put(u, ops[e->v.UnaryOp.op]);
    unparse(u, e->v.UnaryOp.operand, pr);
    put_if(u, level > pr, ")");
}

static void put_boolop(Unparser *u, const Expr *e, int level) {
    bool is_and = e->v.BoolOp.op == AST_BOOL_AND;
    int pr = is_and ? PR_AND : PR_OR;
    put_if(u, level > pr, "(");
    for (int i = 0; i < e->v.BoolOp.values.len; i++) {
        put_if(u, i > 0, is_and ? " and " : " or ");
        unparse(u, e->v.BoolOp.values.items[i], pr + 1);
    }
    put_if(u, level > pr, ")");
}

static void put_compare(Unparser *u, const Expr *e, int level) {
    put_if(u, level > PR_CMP, "(");
    unparse(u, e->v.Compare.left, PR_CMP + 1);
    for (int i = 0; i < e->v.Compare.ops.len; i++) {
        put(u, " ");
        put(u, ast_cmpop_text(e->v.Compare.ops.items[i]));
        put(u, " ");
        unparse(u, e->v.Compare.comparators.items[i], PR_CMP + 1);
    }
    put_if(u, level > PR_CMP, ")");
}

static void put_arg(Unparser *u, const Arg *a, const Expr *def, bool *first) {
    put_if(u, !*first, ", ");
    *first = false;
    put(u, a->arg);
    if (def) {
        put(u, "=");
        unparse(u, def, PR_TEST);
    }
}

static void put_arguments(Unparser *u, const Arguments *a) {
    bool first = true;
    int npos = a->posonlyargs.len + a->args.len;
    int ndef = a->defaults.len;
    for (int i = 0; i < npos; i++) {
        const Arg *arg = i < a->posonlyargs.len ? a->posonlyargs.items[i]
                                                : a->args.items[i - a->posonlyargs.len];
        int di = i - (npos - ndef);
        put_arg(u, arg, di >= 0 ? a->defaults.items[di] : NULL, &first);
        if (i + 1 == a->posonlyargs.len) {
            put(u, ", /");
        }
    }
    if (a->vararg || a->kwonlyargs.len) {
        put_if(u, !first, ", ");
        first = false;
        put(u, "*");
        if (a->vararg) {
            put(u, a->vararg->arg);
        }
    }
    for (int i = 0; i < a->kwonlyargs.len; i++) {
        const Expr *d = i < a->kw_defaults.len ? a->kw_defaults.items[i] : NULL;
        put_arg(u, a->kwonlyargs.items[i], d, &first);
    }
    if (a->kwarg) {
        put_if(u, !first, ", ");
        put(u, "**");
        put(u, a->kwarg->arg);
    }
}

static void put_lambda(Unparser *u, const Expr *e, int level) {
    const Arguments *a = e->v.Lambda.args;
    bool has_args = a->posonlyargs.len || a->args.len || a->vararg || a->kwonlyargs.len || a->kwarg;
    put_if(u, level > PR_TEST, "(");
    put(u, has_args ? "lambda " : "lambda");
    put_arguments(u, a);
    put(u, ": ");
    unparse(u, e->v.Lambda.body, PR_TEST);
    put_if(u, level > PR_TEST, ")");
}

static void put_comprehensions(Unparser *u, const ComprehensionList *gens) {
    for (int i = 0; i < gens->len; i++) {
        const Comprehension *g = gens->items[i];
        put(u, g->is_async ? " async for " : " for ");
        unparse(u, g->target, PR_TUPLE);
        put(u, " in ");
        unparse(u, g->iter, PR_TEST + 1);
        for (int j = 0; j < g->ifs.len; j++) {
            put(u, " if ");
            unparse(u, g->ifs.items[j], PR_TEST + 1);
        }
    }
}

static void put_comp(Unparser *u, const char *open, const Expr *elt, const Expr *val,
                     const ComprehensionList *gens, const char *close) {
    put(u, open);
    unparse(u, elt, PR_TEST);
    if (val) {
        put(u, ": ");
        unparse(u, val, PR_TEST);
    }
    put_comprehensions(u, gens);
    put(u, close);
}

static void put_dict(Unparser *u, const Expr *e) {
    put(u, "{");
    for (int i = 0; i < e->v.Dict.values.len; i++) {
        put_if(u, i > 0, ", ");
        const Expr *k = e->v.Dict.keys.items[i];
        if (k) {
            unparse(u, k, PR_TEST);
            put(u, ": ");
            unparse(u, e->v.Dict.values.items[i], PR_TEST);
        } else {
            put(u, "**");
            unparse(u, e->v.Dict.values.items[i], PR_EXPR);
        }
    }
    put(u, "}");
}

static void put_tuple(Unparser *u, const Expr *e, int level) {
    const ExprList *elts = &e->v.Tuple.elts;
    if (elts->len == 0) {
        put(u, "()");
        return;
    }
    put_if(u, level > PR_TUPLE, "(");
    put_list(u, elts, PR_TEST);
    put_if(u, elts->len == 1, ",");
    put_if(u, level > PR_TUPLE, ")");
}

static void put_call(Unparser *u, const Expr *e) {
    const ExprList *args = &e->v.Call.args;
    const KeywordList *kws = &e->v.Call.keywords;
    unparse(u, e->v.Call.func, PR_ATOM);
    if (args->len == 1 && kws->len == 0 && args->items[0]->kind == AST_GENERATOR_EXP) {
        const Expr *g = args->items[0];
        put_comp(u, "(", g->v.GeneratorExp.elt, NULL, &g->v.GeneratorExp.generators, ")");
        return;
    }
    put(u, "(");
    put_list(u, args, PR_TEST);
    for (int i = 0; i < kws->len; i++) {
        put_if(u, i > 0 || args->len > 0, ", ");
        if (kws->items[i]->arg) {
            put(u, kws->items[i]->arg);
            put(u, "=");
        } else {
            put(u, "**");
        }
        unparse(u, kws->items[i]->value, PR_TEST);
    }
    put(u, ")");
}

static void put_slice_part(Unparser *u, const Expr *e) {
    if (e->kind == AST_TUPLE && e->v.Tuple.elts.len > 0) {
        put_list(u, &e->v.Tuple.elts, PR_TEST);
        put_if(u, e->v.Tuple.elts.len == 1, ",");
        return;
    }
    unparse(u, e, PR_TUPLE);
}

static void put_attribute(Unparser *u, const Expr *e) {
    const Expr *v = e->v.Attribute.value;
    unparse(u, v, PR_ATOM);
    // An int needs a space: "1 .real".
    if (v->kind == AST_CONSTANT && v->v.Constant.value.kind == AST_CONST_INT) {
        put(u, " ");
    }
    put(u, ".");
    put(u, e->v.Attribute.attr);
}

// f-strings keep their source spelling (CPython rebuilds them; rare in
// annotations).
static void put_source(Unparser *u, const Expr *e) {
    Value s = compile_source_text(u->c, e);
    if (s == CS_ERR) {
        u->failed = true;
        return;
    }
    str_buf_append(&u->b, str_cstr(s), as_str(s)->len);
}

static void unparse_inner(Unparser *u, const Expr *e, int level) {
    switch (e->kind) {
    case AST_BOOL_OP:
        put_boolop(u, e, level);
        break;
    case AST_NAMED_EXPR:
        put_if(u, level > PR_TUPLE, "(");
        unparse(u, e->v.NamedExpr.target, PR_ATOM);
        put(u, " := ");
        unparse(u, e->v.NamedExpr.value, PR_ATOM);
        put_if(u, level > PR_TUPLE, ")");
        break;
    case AST_BIN_OP:
        put_binop(u, e, level);
        break;
    case AST_UNARY_OP:
        put_unaryop(u, e, level);
        break;
    case AST_LAMBDA:
        put_lambda(u, e, level);
        break;
    case AST_IF_EXP:
        put_if(u, level > PR_TEST, "(");
        unparse(u, e->v.IfExp.body, PR_TEST + 1);
        put(u, " if ");
        unparse(u, e->v.IfExp.test, PR_TEST + 1);
        put(u, " else ");
        unparse(u, e->v.IfExp.orelse, PR_TEST);
        put_if(u, level > PR_TEST, ")");
        break;
    case AST_DICT:
        put_dict(u, e);
        break;
    case AST_SET:
        if (e->v.Set.elts.len == 0) {
            put(u, "{*()}");
            break;
        }
        put(u, "{");
        put_list(u, &e->v.Set.elts, PR_TEST);
        put(u, "}");
        break;
    case AST_LIST_COMP:
        put_comp(u, "[", e->v.ListComp.elt, NULL, &e->v.ListComp.generators, "]");
        break;
    case AST_SET_COMP:
        put_comp(u, "{", e->v.SetComp.elt, NULL, &e->v.SetComp.generators, "}");
        break;
    case AST_DICT_COMP:
        put_comp(u, "{", e->v.DictComp.key, e->v.DictComp.value, &e->v.DictComp.generators, "}");
        break;
    case AST_GENERATOR_EXP:
        put_comp(u, "(", e->v.GeneratorExp.elt, NULL, &e->v.GeneratorExp.generators, ")");
        break;
    case AST_AWAIT:
        put_if(u, level > PR_AWAIT, "(");
        put(u, "await ");
        unparse(u, e->v.Await.value, PR_ATOM);
        put_if(u, level > PR_AWAIT, ")");
        break;
    case AST_YIELD:
        if (e->v.Yield.value == NULL) {
            put(u, "(yield)");
            break;
        }
        put(u, "(yield ");
        unparse(u, e->v.Yield.value, PR_TEST);
        put(u, ")");
        break;
    case AST_YIELD_FROM:
        put(u, "(yield from ");
        unparse(u, e->v.YieldFrom.value, PR_TEST);
        put(u, ")");
        break;
    case AST_COMPARE:
        put_compare(u, e, level);
        break;
    case AST_CALL:
        put_call(u, e);
        break;
    case AST_CONSTANT:
        put_constant(u, e);
        break;
    case AST_ATTRIBUTE:
        put_attribute(u, e);
        break;
    case AST_SUBSCRIPT:
        unparse(u, e->v.Subscript.value, PR_ATOM);
        put(u, "[");
        put_slice_part(u, e->v.Subscript.slice);
        put(u, "]");
        break;
    case AST_STARRED:
        put(u, "*");
        unparse(u, e->v.Starred.value, PR_EXPR);
        break;
    case AST_NAME:
        put(u, e->v.Name.id);
        break;
    case AST_LIST:
        put(u, "[");
        put_list(u, &e->v.List.elts, PR_TEST);
        put(u, "]");
        break;
    case AST_TUPLE:
        put_tuple(u, e, level);
        break;
    case AST_SLICE:
        if (e->v.Slice.lower) {
            unparse(u, e->v.Slice.lower, PR_TEST);
        }
        put(u, ":");
        if (e->v.Slice.upper) {
            unparse(u, e->v.Slice.upper, PR_TEST);
        }
        if (e->v.Slice.step) {
            put(u, ":");
            unparse(u, e->v.Slice.step, PR_TEST);
        }
        break;
    default:
        put_source(u, e);
        break;
    }
}

static void unparse(Unparser *u, const Expr *e, int level) {
    if (u->failed) {
        return;
    }
    if (++u->c->depth > 4000) {
        u->failed = true;
        exc_raise(u->c->ts, exc_RecursionError,
                  "maximum recursion depth exceeded during compilation");
        return;
    }
    unparse_inner(u, e, level);
    u->c->depth--;
}

Value compile_unparse(Compiler *c, const Expr *e) {
    Unparser u = {.c = c};
    str_buf_init(&u.b);
    int depth = c->depth;
    unparse(&u, e, PR_TEST);
    c->depth = depth;
    if (u.failed) {
        str_buf_free(&u.b);
        compile_raised(c);
        return CS_ERR;
    }
    Value s = compile_str(c, u.b.data ? u.b.data : "", u.b.len);
    str_buf_free(&u.b);
    return s;
}
