// Code generation for expressions, shaped after CPython 3.11's compiler:
// operators with constant folding, short-circuit jumps, chained
// comparisons, calls (method calls, keyword names, * and ** unpacking),
// displays, f-strings, comprehensions as nested functions, yield/await
// delegation loops, and assignment targets. Statements: compile_stmt.c.
#include <string.h>

#include "compiler/internal.h"
#include "compiler/symtable.h"
#include "vm/bytes.h"
#include "vm/exc.h"
#include "vm/int.h"
#include "vm/state.h"
#include "vm/str.h"

// CPython's STACK_USE_GUIDELINE: beyond this many items, build incrementally.
#define STACK_USE_GUIDELINE 30
#define COMPILE_MAX_DEPTH   4000

// Folding limits (CPython's ast_opt.c): never fold into huge objects.
#define FOLD_MAX_INT_BITS 128
#define FOLD_MAX_STR      4096
#define FOLD_MAX_ITEMS    256

static const int binop_of[AST_OPERATOR_COUNT] = {
    [AST_OP_ADD] = BINOP_ADD,
    [AST_OP_SUB] = BINOP_SUB,
    [AST_OP_MULT] = BINOP_MUL,
    [AST_OP_MAT_MULT] = BINOP_MATMUL,
    [AST_OP_DIV] = BINOP_TRUEDIV,
    [AST_OP_MOD] = BINOP_MOD,
    [AST_OP_POW] = BINOP_POW,
    [AST_OP_LSHIFT] = BINOP_LSHIFT,
    [AST_OP_RSHIFT] = BINOP_RSHIFT,
    [AST_OP_BIT_OR] = BINOP_OR,
    [AST_OP_BIT_XOR] = BINOP_XOR,
    [AST_OP_BIT_AND] = BINOP_AND,
    [AST_OP_FLOOR_DIV] = BINOP_FLOORDIV,
};

static void set_line(Compiler *c, int line) {
    c->u->cb.line = line;
}

int compile_exprs(Compiler *c, const ExprList *l) {
    for (int i = 0; i < l->len; i++) {
        if (compile_expr(c, l->items[i]) < 0) {
            return -1;
        }
    }
    return 0;
}

// ---------------------------------------------------------------------------
// Constant folding

static bool is_number(Value v) {
    TypeObj *t = type_of(v);
    return t == &type_int || t == &type_bool || t == &type_float;
}

static bool is_int(Value v) {
    TypeObj *t = type_of(v);
    return t == &type_int || t == &type_bool;
}

static size_t int_bits(Value v) {
    if (is_bool(v)) {
        return 1;
    }
    if (is_small_int(v)) {
        int64_t i = as_small_int(v);
        uint64_t u = i < 0 ? (uint64_t)(-i) : (uint64_t)i;
        size_t n = 0;
        while (u) {
            n++;
            u >>= 1;
        }
        return n;
    }
    return mpz_sizeinbase(((BigIntObj *)as_obj(v))->z, 2);
}

// An int operand's value when it is small, else a large sentinel.
static int64_t small_value(Value v) {
    if (is_bool(v)) {
        return v == CS_TRUE;
    }
    return is_small_int(v) ? as_small_int(v) : INT64_MAX;
}

static size_t seq_len(Value v) {
    TypeObj *t = type_of(v);
    if (t == &type_str) {
        return as_str(v)->nchars;
    }
    if (t == &type_bytes) {
        return as_bytes(v)->len;
    }
    if (t == &type_tuple) {
        return as_tuple(v)->len;
    }
    return 0;
}

static bool is_seq(Value v) {
    TypeObj *t = type_of(v);
    return t == &type_str || t == &type_bytes || t == &type_tuple;
}

static size_t seq_limit(Value v) {
    return type_of(v) == &type_tuple ? FOLD_MAX_ITEMS : FOLD_MAX_STR;
}

// CPython's safe_multiply / safe_power / safe_lshift / safe_mod.
static bool fold_allowed(int op, Value l, Value r) {
    if (!(is_number(l) || is_seq(l)) || !(is_number(r) || is_seq(r))) {
        return false;
    }
    switch (op) {
    case BINOP_MUL:
        if (is_int(l) && is_int(r)) {
            return int_bits(l) + int_bits(r) <= FOLD_MAX_INT_BITS;
        }
        if (is_int(l) && is_seq(r)) {
            int64_t n = small_value(l);
            return n <= 0 || (seq_len(r) == 0) || (uint64_t)n <= seq_limit(r) / seq_len(r);
        }
        if (is_seq(l) && is_int(r)) {
            return fold_allowed(op, r, l);
        }
        return true;
    case BINOP_POW:
        if (is_int(l) && is_int(r) && int_sign(r) > 0) {
            int64_t n = small_value(r);
            size_t bits = int_bits(l);
            return n != INT64_MAX && (bits <= 1 || (uint64_t)n <= FOLD_MAX_INT_BITS / bits);
        }
        return true;
    case BINOP_LSHIFT:
        if (is_int(l) && is_int(r)) {
            int64_t n = small_value(r);
            return n >= 0 && n <= FOLD_MAX_INT_BITS && int_bits(l) <= FOLD_MAX_INT_BITS - (size_t)n;
        }
        return true;
    case BINOP_MOD:
        return !is_seq(l);
    default:
        return true;
    }
}

static bool fold_result_ok(Value v) {
    if (is_seq(v)) {
        return seq_len(v) <= seq_limit(v);
    }
    return true;
}

// Runs an operation on constants; an error means "do not fold".
static Value fold_checked(Compiler *c, Value v) {
    if (v == CS_ERR) {
        exc_clear(c->ts);
        return CS_UNBOUND;
    }
    return fold_result_ok(v) ? v : CS_UNBOUND;
}

static Value fold_unary(Compiler *c, const Expr *e) {
    Value v = compile_fold(c, e->v.UnaryOp.operand);
    if (v == CS_UNBOUND || v == CS_ERR) {
        return v;
    }
    switch (e->v.UnaryOp.op) {
    case AST_UOP_NOT: {
        int t = obj_truthy(c->ts, v);
        return t < 0 ? fold_checked(c, CS_ERR) : bool_val(!t);
    }
    case AST_UOP_USUB:
        return is_number(v) ? fold_checked(c, obj_unop(c->ts, v, UNOP_NEG)) : CS_UNBOUND;
    case AST_UOP_UADD:
        return is_number(v) ? fold_checked(c, obj_unop(c->ts, v, UNOP_POS)) : CS_UNBOUND;
    case AST_UOP_INVERT:
        return is_int(v) ? fold_checked(c, obj_unop(c->ts, v, UNOP_INVERT)) : CS_UNBOUND;
    default:
        return CS_UNBOUND;
    }
}

static Value fold_binary(Compiler *c, const Expr *e) {
    Value l = compile_fold(c, e->v.BinOp.left);
    if (l == CS_UNBOUND || l == CS_ERR) {
        return l;
    }
    Value r = compile_fold(c, e->v.BinOp.right);
    if (r == CS_UNBOUND || r == CS_ERR) {
        return r;
    }
    int op = binop_of[e->v.BinOp.op];
    if (!fold_allowed(op, l, r)) {
        return CS_UNBOUND;
    }
    return fold_checked(c, obj_binop(c->ts, l, r, op));
}

static Value fold_tuple(Compiler *c, const ExprList *elts) {
    for (int i = 0; i < elts->len; i++) {
        if (elts->items[i]->kind == AST_STARRED) {
            return CS_UNBOUND;
        }
    }
    Value t = tuple_new(c->ts, (size_t)elts->len);
    for (int i = 0; i < elts->len; i++) {
        Value v = compile_fold(c, elts->items[i]);
        if (v == CS_UNBOUND || v == CS_ERR) {
            return v;
        }
        as_tuple(t)->items[i] = v;
    }
    return t;
}

Value compile_fold(Compiler *c, const Expr *e) {
    switch (e->kind) {
    case AST_CONSTANT:
        return compile_constant(c, &e->v.Constant.value);
    case AST_NAME:
        if (e->v.Name.ctx == AST_LOAD && strcmp(e->v.Name.id, "__debug__") == 0) {
            return CS_TRUE;
        }
        return CS_UNBOUND;
    case AST_UNARY_OP:
        return fold_unary(c, e);
    case AST_BIN_OP:
        return fold_binary(c, e);
    case AST_TUPLE:
        return e->v.Tuple.ctx == AST_LOAD ? fold_tuple(c, &e->v.Tuple.elts) : CS_UNBOUND;
    default:
        return CS_UNBOUND;
    }
}

// Loads e as a constant when it folds; 1 = done, 0 = not constant, -1.
static int try_load_folded(Compiler *c, const Expr *e) {
    Value v = compile_fold(c, e);
    if (v == CS_ERR) {
        return compile_raised(c);
    }
    if (v == CS_UNBOUND) {
        return 0;
    }
    return compile_load_const(c, v) < 0 ? -1 : 1;
}

// ---------------------------------------------------------------------------
// Operators and conditions

static void emit_compare(Compiler *c, AstCmpOp op) {
    switch (op) {
    case AST_CMP_EQ:
        compile_emit(c, OP_COMPARE_OP, CMP_EQ);
        break;
    case AST_CMP_NOT_EQ:
        compile_emit(c, OP_COMPARE_OP, CMP_NE);
        break;
    case AST_CMP_LT:
        compile_emit(c, OP_COMPARE_OP, CMP_LT);
        break;
    case AST_CMP_LT_E:
        compile_emit(c, OP_COMPARE_OP, CMP_LE);
        break;
    case AST_CMP_GT:
        compile_emit(c, OP_COMPARE_OP, CMP_GT);
        break;
    case AST_CMP_GT_E:
        compile_emit(c, OP_COMPARE_OP, CMP_GE);
        break;
    case AST_CMP_IS:
        compile_emit(c, OP_IS_OP, 0);
        break;
    case AST_CMP_IS_NOT:
        compile_emit(c, OP_IS_OP, 1);
        break;
    case AST_CMP_IN:
        compile_emit(c, OP_CONTAINS_OP, 0);
        break;
    default:
        compile_emit(c, OP_CONTAINS_OP, 1);
        break;
    }
}

static int compile_compare(Compiler *c, const Expr *e) {
    const struct AstCompareFields *cmp = &e->v.Compare;
    int n = cmp->ops.len - 1;
    if (compile_expr(c, cmp->left) < 0) {
        return -1;
    }
    if (n == 0) {
        if (compile_expr(c, cmp->comparators.items[0]) < 0) {
            return -1;
        }
        emit_compare(c, cmp->ops.items[0]);
        return 0;
    }
    int cleanup = compile_label(c), end = compile_label(c);
    for (int i = 0; i < n; i++) {
        if (compile_expr(c, cmp->comparators.items[i]) < 0) {
            return -1;
        }
        compile_emit(c, OP_SWAP, 2);
        compile_emit(c, OP_COPY, 2);
        emit_compare(c, cmp->ops.items[i]);
        compile_jump(c, OP_JUMP_IF_FALSE_OR_POP, cleanup);
    }
    if (compile_expr(c, cmp->comparators.items[n]) < 0) {
        return -1;
    }
    emit_compare(c, cmp->ops.items[n]);
    compile_jump(c, OP_JUMP, end);
    compile_bind(c, cleanup);
    compile_emit(c, OP_SWAP, 2);
    compile_emit(c, OP_POP_TOP, 0);
    compile_bind(c, end);
    return 0;
}

static int jump_if_compare(Compiler *c, const Expr *e, int label, bool cond) {
    const struct AstCompareFields *cmp = &e->v.Compare;
    int n = cmp->ops.len - 1;
    int cleanup = compile_label(c), end = compile_label(c);
    if (compile_expr(c, cmp->left) < 0) {
        return -1;
    }
    for (int i = 0; i < n; i++) {
        if (compile_expr(c, cmp->comparators.items[i]) < 0) {
            return -1;
        }
        compile_emit(c, OP_SWAP, 2);
        compile_emit(c, OP_COPY, 2);
        emit_compare(c, cmp->ops.items[i]);
        compile_jump(c, OP_POP_JUMP_IF_FALSE, cleanup);
    }
    if (compile_expr(c, cmp->comparators.items[n]) < 0) {
        return -1;
    }
    emit_compare(c, cmp->ops.items[n]);
    compile_jump(c, cond ? OP_POP_JUMP_IF_TRUE : OP_POP_JUMP_IF_FALSE, label);
    compile_jump(c, OP_JUMP, end);
    compile_bind(c, cleanup);
    compile_emit(c, OP_POP_TOP, 0);
    if (!cond) {
        compile_jump(c, OP_JUMP, label);
    }
    compile_bind(c, end);
    return 0;
}

// `x is None` / `x is not None` as a single conditional jump.
static bool is_none_test(const Expr *e) {
    const struct AstCompareFields *cmp = &e->v.Compare;
    if (cmp->ops.len != 1 ||
        (cmp->ops.items[0] != AST_CMP_IS && cmp->ops.items[0] != AST_CMP_IS_NOT)) {
        return false;
    }
    const Expr *r = cmp->comparators.items[0];
    return r->kind == AST_CONSTANT && r->v.Constant.value.kind == AST_CONST_NONE;
}

static int jump_if_none(Compiler *c, const Expr *e, int label, bool cond) {
    if (compile_expr(c, e->v.Compare.left) < 0) {
        return -1;
    }
    bool is_not = e->v.Compare.ops.items[0] == AST_CMP_IS_NOT;
    // jump when (x is None) == cond, i.e. x is None xor is_not xor !cond
    bool jump_on_none = is_not ? !cond : cond;
    compile_jump(c, jump_on_none ? OP_POP_JUMP_IF_NONE : OP_POP_JUMP_IF_NOT_NONE, label);
    return 0;
}

static int jump_if_boolop(Compiler *c, const Expr *e, int label, bool cond) {
    const ExprList *vals = &e->v.BoolOp.values;
    bool cond2 = e->v.BoolOp.op == AST_BOOL_OR;
    int next2 = label;
    if (cond2 != cond) {
        next2 = compile_label(c);
    }
    for (int i = 0; i < vals->len - 1; i++) {
        if (compile_jump_if(c, vals->items[i], next2, cond2) < 0) {
            return -1;
        }
    }
    if (compile_jump_if(c, vals->items[vals->len - 1], label, cond) < 0) {
        return -1;
    }
    if (next2 != label) {
        compile_bind(c, next2);
    }
    return 0;
}

static int jump_if_ifexp(Compiler *c, const Expr *e, int label, bool cond) {
    int end = compile_label(c), next2 = compile_label(c);
    if (compile_jump_if(c, e->v.IfExp.test, next2, false) < 0 ||
        compile_jump_if(c, e->v.IfExp.body, label, cond) < 0) {
        return -1;
    }
    compile_jump(c, OP_JUMP, end);
    compile_bind(c, next2);
    if (compile_jump_if(c, e->v.IfExp.orelse, label, cond) < 0) {
        return -1;
    }
    compile_bind(c, end);
    return 0;
}

// A test whose truth is known at compile time: 1 / 0, or -1 when unknown.
static int constant_truth(Compiler *c, const Expr *e) {
    if (e->kind != AST_CONSTANT && e->kind != AST_NAME && e->kind != AST_UNARY_OP) {
        return -1;
    }
    Value v = compile_fold(c, e);
    if (v == CS_UNBOUND || v == CS_ERR) {
        if (v == CS_ERR) {
            exc_clear(c->ts);
        }
        return -1;
    }
    int t = obj_truthy(c->ts, v);
    if (t < 0) {
        exc_clear(c->ts);
    }
    return t;
}

int compile_jump_if(Compiler *c, const Expr *e, int label, bool cond) {
    int saved = c->u->cb.line;
    set_line(c, e->lineno);
    int rc = 0;
    int truth = constant_truth(c, e);
    if (truth >= 0) {
        if ((truth != 0) == cond) {
            compile_jump(c, OP_JUMP, label);
        }
    } else if (e->kind == AST_UNARY_OP && e->v.UnaryOp.op == AST_UOP_NOT) {
        rc = compile_jump_if(c, e->v.UnaryOp.operand, label, !cond);
    } else if (e->kind == AST_BOOL_OP) {
        rc = jump_if_boolop(c, e, label, cond);
    } else if (e->kind == AST_IF_EXP) {
        rc = jump_if_ifexp(c, e, label, cond);
    } else if (e->kind == AST_COMPARE && e->v.Compare.ops.len > 1) {
        rc = jump_if_compare(c, e, label, cond);
    } else if (e->kind == AST_COMPARE && is_none_test(e)) {
        rc = jump_if_none(c, e, label, cond);
    } else {
        rc = compile_expr(c, e);
        set_line(c, e->lineno);
        compile_jump(c, cond ? OP_POP_JUMP_IF_TRUE : OP_POP_JUMP_IF_FALSE, label);
    }
    set_line(c, saved);
    return rc;
}

static int compile_boolop(Compiler *c, const Expr *e) {
    const ExprList *vals = &e->v.BoolOp.values;
    int op = e->v.BoolOp.op == AST_BOOL_AND ? OP_JUMP_IF_FALSE_OR_POP : OP_JUMP_IF_TRUE_OR_POP;
    int end = compile_label(c);
    for (int i = 0; i < vals->len - 1; i++) {
        if (compile_expr(c, vals->items[i]) < 0) {
            return -1;
        }
        compile_jump(c, op, end);
    }
    if (compile_expr(c, vals->items[vals->len - 1]) < 0) {
        return -1;
    }
    compile_bind(c, end);
    return 0;
}

static int compile_ifexp(Compiler *c, const Expr *e) {
    int end = compile_label(c), next = compile_label(c);
    if (compile_jump_if(c, e->v.IfExp.test, next, false) < 0 ||
        compile_expr(c, e->v.IfExp.body) < 0) {
        return -1;
    }
    compile_jump(c, OP_JUMP, end);
    compile_bind(c, next);
    if (compile_expr(c, e->v.IfExp.orelse) < 0) {
        return -1;
    }
    compile_bind(c, end);
    return 0;
}

static int compile_binop(Compiler *c, const Expr *e) {
    int r = try_load_folded(c, e);
    if (r != 0) {
        return r < 0 ? -1 : 0;
    }
    if (compile_expr(c, e->v.BinOp.left) < 0 || compile_expr(c, e->v.BinOp.right) < 0) {
        return -1;
    }
    set_line(c, e->lineno);
    compile_emit(c, OP_BINARY_OP, (uint32_t)binop_of[e->v.BinOp.op]);
    return 0;
}

static int compile_unaryop(Compiler *c, const Expr *e) {
    int r = try_load_folded(c, e);
    if (r != 0) {
        return r < 0 ? -1 : 0;
    }
    if (compile_expr(c, e->v.UnaryOp.operand) < 0) {
        return -1;
    }
    static const int ops[AST_UNARYOP_COUNT] = {
        [AST_UOP_INVERT] = OP_UNARY_INVERT,
        [AST_UOP_NOT] = OP_UNARY_NOT,
        [AST_UOP_UADD] = OP_UNARY_POSITIVE,
        [AST_UOP_USUB] = OP_UNARY_NEGATIVE,
    };
    set_line(c, e->lineno);
    compile_emit(c, ops[e->v.UnaryOp.op], 0);
    return 0;
}

// ---------------------------------------------------------------------------
// Displays

// Lists, tuples, sets and call arguments with optional *unpacking
// (CPython's starunpack_helper). `pushed` items are already on the stack.
static int starunpack(Compiler *c, const ExprList *elts, int pushed, int build, int add, int extend,
                      bool tuple) {
    int n = elts->len;
    if (n > 2 && build == OP_BUILD_LIST) {
        Value folded = fold_tuple(c, elts);
        if (folded == CS_ERR) {
            return compile_raised(c);
        }
        if (folded != CS_UNBOUND) {
            if (tuple && pushed == 0) {
                return compile_load_const(c, folded);
            }
            compile_emit(c, OP_BUILD_LIST, (uint32_t)pushed);
            if (compile_load_const(c, folded) < 0) {
                return -1;
            }
            compile_emit(c, OP_LIST_EXTEND, 1);
            if (tuple) {
                compile_emit(c, OP_LIST_TO_TUPLE, 0);
            }
            return 0;
        }
    }
    bool big = n + pushed > STACK_USE_GUIDELINE;
    bool seen_star = false;
    for (int i = 0; i < n; i++) {
        seen_star = seen_star || elts->items[i]->kind == AST_STARRED;
    }
    if (!seen_star && !big) {
        if (compile_exprs(c, elts) < 0) {
            return -1;
        }
        compile_emit(c, tuple ? OP_BUILD_TUPLE : build, (uint32_t)(n + pushed));
        return 0;
    }
    bool built = false;
    if (big) {
        compile_emit(c, build, (uint32_t)pushed);
        built = true;
    }
    for (int i = 0; i < n; i++) {
        const Expr *elt = elts->items[i];
        if (elt->kind == AST_STARRED) {
            if (!built) {
                compile_emit(c, build, (uint32_t)(i + pushed));
                built = true;
            }
            if (compile_expr(c, elt->v.Starred.value) < 0) {
                return -1;
            }
            compile_emit(c, extend, 1);
        } else {
            if (compile_expr(c, elt) < 0) {
                return -1;
            }
            if (built) {
                compile_emit(c, add, 1);
            }
        }
    }
    if (tuple) {
        compile_emit(c, OP_LIST_TO_TUPLE, 0);
    }
    return 0;
}

static int compile_tuple(Compiler *c, const Expr *e) {
    int r = try_load_folded(c, e);
    if (r != 0) {
        return r < 0 ? -1 : 0;
    }
    return starunpack(c, &e->v.Tuple.elts, 0, OP_BUILD_LIST, OP_LIST_APPEND, OP_LIST_EXTEND, true);
}

// Dict items [begin, end) as one BUILD_MAP.
static int compile_subdict(Compiler *c, const Expr *e, int begin, int end) {
    for (int i = begin; i < end; i++) {
        if (compile_expr(c, e->v.Dict.keys.items[i]) < 0 ||
            compile_expr(c, e->v.Dict.values.items[i]) < 0) {
            return -1;
        }
    }
    compile_emit(c, OP_BUILD_MAP, (uint32_t)(end - begin));
    return 0;
}

static int compile_dict(Compiler *c, const Expr *e) {
    int n = e->v.Dict.values.len, elements = 0;
    bool have_dict = false;
    for (int i = 0; i < n; i++) {
        bool unpack = e->v.Dict.keys.items[i] == NULL;
        if (unpack) {
            if (elements) {
                if (compile_subdict(c, e, i - elements, i) < 0) {
                    return -1;
                }
                if (have_dict) {
                    compile_emit(c, OP_DICT_UPDATE, 1);
                }
                have_dict = true;
                elements = 0;
            }
            if (!have_dict) {
                compile_emit(c, OP_BUILD_MAP, 0);
                have_dict = true;
            }
            if (compile_expr(c, e->v.Dict.values.items[i]) < 0) {
                return -1;
            }
            compile_emit(c, OP_DICT_UPDATE, 1);
        } else if (elements * 2 > STACK_USE_GUIDELINE) {
            if (compile_subdict(c, e, i - elements, i + 1) < 0) {
                return -1;
            }
            if (have_dict) {
                compile_emit(c, OP_DICT_UPDATE, 1);
            }
            have_dict = true;
            elements = 0;
        } else {
            elements++;
        }
    }
    if (elements) {
        if (compile_subdict(c, e, n - elements, n) < 0) {
            return -1;
        }
        if (have_dict) {
            compile_emit(c, OP_DICT_UPDATE, 1);
        }
        have_dict = true;
    }
    if (!have_dict) {
        compile_emit(c, OP_BUILD_MAP, 0);
    }
    return 0;
}

static int compile_slice(Compiler *c, const Expr *e) {
    uint32_t n = 2;
    if ((e->v.Slice.lower ? compile_expr(c, e->v.Slice.lower) : compile_load_none(c)) < 0 ||
        (e->v.Slice.upper ? compile_expr(c, e->v.Slice.upper) : compile_load_none(c)) < 0) {
        return -1;
    }
    if (e->v.Slice.step) {
        if (compile_expr(c, e->v.Slice.step) < 0) {
            return -1;
        }
        n = 3;
    }
    compile_emit(c, OP_BUILD_SLICE, n);
    return 0;
}

// ---------------------------------------------------------------------------
// f-strings

static int compile_joined_str(Compiler *c, const Expr *e) {
    const ExprList *vals = &e->v.JoinedStr.values;
    if (vals->len > STACK_USE_GUIDELINE) {
        if (compile_load_const(c, compile_str(c, "", 0)) < 0) {
            return -1;
        }
        compile_emit(c, OP_LOAD_METHOD, (uint32_t)assemble_name(&c->u->cb, "join"));
        compile_emit(c, OP_BUILD_LIST, 0);
        for (int i = 0; i < vals->len; i++) {
            if (compile_expr(c, vals->items[i]) < 0) {
                return -1;
            }
            compile_emit(c, OP_LIST_APPEND, 1);
        }
        compile_emit(c, OP_CALL, 1);
        return 0;
    }
    if (compile_exprs(c, vals) < 0) {
        return -1;
    }
    if (vals->len != 1) {
        compile_emit(c, OP_BUILD_STRING, (uint32_t)vals->len);
    }
    return 0;
}

static int compile_formatted_value(Compiler *c, const Expr *e) {
    const struct AstFormattedValueFields *f = &e->v.FormattedValue;
    if (compile_expr(c, f->value) < 0) {
        return -1;
    }
    uint32_t arg;
    switch (f->conversion) {
    case 's':
        arg = 1;
        break;
    case 'r':
        arg = 2;
        break;
    case 'a':
        arg = 3;
        break;
    default:
        arg = 0;
        break;
    }
    if (f->format_spec) {
        if (compile_expr(c, f->format_spec) < 0) {
            return -1;
        }
        arg |= 4;
    }
    compile_emit(c, OP_FORMAT_VALUE, arg);
    return 0;
}

// ---------------------------------------------------------------------------
// Calls

// Keyword names must be unique and not __debug__ (an error placed at the
// call, as CPython places it).
static int validate_keywords(Compiler *c, const KeywordList *kws, CLoc call) {
    for (int i = 0; i < kws->len; i++) {
        const Keyword *k = kws->items[i];
        if (k->arg == NULL) {
            continue;
        }
        if (strcmp(k->arg, "__debug__") == 0) {
            return compile_error(c, call, "cannot assign to __debug__");
        }
        for (int j = i + 1; j < kws->len; j++) {
            const Keyword *o = kws->items[j];
            if (o->arg && strcmp(o->arg, k->arg) == 0) {
                return compile_error(c, CLOC(o), "keyword argument repeated: %s", k->arg);
            }
        }
    }
    return 0;
}

// KW_NAMES with the names of keywords [0, n).
static int emit_kw_names(Compiler *c, const KeywordList *kws) {
    Value names = tuple_new(c->ts, (size_t)kws->len);
    for (int i = 0; i < kws->len; i++) {
        const char *a = kws->items[i]->arg;
        Value s = compile_str(c, a, strlen(a));
        if (s == CS_ERR) {
            return -1;
        }
        as_tuple(names)->items[i] = s;
    }
    int idx = compile_const_index(c, names);
    if (idx < 0) {
        return -1;
    }
    compile_emit(c, OP_KW_NAMES, (uint32_t)idx);
    return 0;
}

static int compile_keyword_values(Compiler *c, const KeywordList *kws, int begin, int end) {
    for (int i = begin; i < end; i++) {
        if (compile_expr(c, kws->items[i]->value) < 0) {
            return -1;
        }
    }
    return 0;
}

// Keywords [begin, end) (all named) as one dict.
static int compile_subkwargs(Compiler *c, const KeywordList *kws, int begin, int end) {
    int n = end - begin;
    bool big = n * 2 > STACK_USE_GUIDELINE;
    if (big) {
        compile_emit(c, OP_BUILD_MAP, 0);
    }
    for (int i = begin; i < end; i++) {
        const char *a = kws->items[i]->arg;
        if (compile_load_const(c, compile_str(c, a, strlen(a))) < 0 ||
            compile_expr(c, kws->items[i]->value) < 0) {
            return -1;
        }
        if (big) {
            compile_emit(c, OP_MAP_ADD, 1);
        }
    }
    if (!big) {
        compile_emit(c, OP_BUILD_MAP, (uint32_t)n);
    }
    return 0;
}

static int compile_ex_keywords(Compiler *c, const KeywordList *kws) {
    bool have_dict = false;
    int nseen = 0;
    for (int i = 0; i < kws->len; i++) {
        const Keyword *k = kws->items[i];
        if (k->arg) {
            nseen++;
            continue;
        }
        if (nseen) {
            if (compile_subkwargs(c, kws, i - nseen, i) < 0) {
                return -1;
            }
            if (have_dict) {
                compile_emit(c, OP_DICT_MERGE, 1);
            }
            have_dict = true;
            nseen = 0;
        }
        if (!have_dict) {
            compile_emit(c, OP_BUILD_MAP, 0);
            have_dict = true;
        }
        if (compile_expr(c, k->value) < 0) {
            return -1;
        }
        compile_emit(c, OP_DICT_MERGE, 1);
    }
    if (nseen) {
        if (compile_subkwargs(c, kws, kws->len - nseen, kws->len) < 0) {
            return -1;
        }
        if (have_dict) {
            compile_emit(c, OP_DICT_MERGE, 1);
        }
    }
    return 0;
}

static bool simple_call_args(const ExprList *args, const KeywordList *kws) {
    for (int i = 0; i < args->len; i++) {
        if (args->items[i]->kind == AST_STARRED) {
            return false;
        }
    }
    for (int i = 0; i < kws->len; i++) {
        if (kws->items[i]->arg == NULL) {
            return false;
        }
    }
    return true;
}

int compile_call_helper(Compiler *c, int n, const ExprList *args, const KeywordList *kws,
                        CLoc call) {
    if (validate_keywords(c, kws, call) < 0) {
        return -1;
    }
    int nargs = args->len, nkw = kws->len;
    if (nargs + nkw * 2 <= STACK_USE_GUIDELINE && simple_call_args(args, kws)) {
        if (compile_exprs(c, args) < 0 || compile_keyword_values(c, kws, 0, nkw) < 0) {
            return -1;
        }
        if (nkw && emit_kw_names(c, kws) < 0) {
            return -1;
        }
        compile_emit(c, OP_CALL, (uint32_t)(n + nargs + nkw));
        return 0;
    }
    if (n == 0 && nargs == 1 && args->items[0]->kind == AST_STARRED) {
        if (compile_expr(c, args->items[0]->v.Starred.value) < 0) {
            return -1;
        }
    } else if (starunpack(c, args, n, OP_BUILD_LIST, OP_LIST_APPEND, OP_LIST_EXTEND, true) < 0) {
        return -1;
    }
    if (nkw && compile_ex_keywords(c, kws) < 0) {
        return -1;
    }
    compile_emit(c, OP_CALL_FUNCTION_EX, nkw > 0 ? 1 : 0);
    return 0;
}

// obj.meth(args): LOAD_METHOD avoids making a bound method.
static int compile_method_call(Compiler *c, const Expr *e) {
    const Expr *meth = e->v.Call.func;
    const ExprList *args = &e->v.Call.args;
    const KeywordList *kws = &e->v.Call.keywords;
    if (compile_expr(c, meth->v.Attribute.value) < 0) {
        return -1;
    }
    set_line(c, meth->end_lineno);
    compile_emit_name(c, OP_LOAD_METHOD, meth->v.Attribute.attr);
    if (compile_exprs(c, args) < 0 || compile_keyword_values(c, kws, 0, kws->len) < 0) {
        return -1;
    }
    if (kws->len && emit_kw_names(c, kws) < 0) {
        return -1;
    }
    set_line(c, meth->end_lineno);
    compile_emit(c, OP_CALL, (uint32_t)(args->len + kws->len));
    return 0;
}

static int compile_call(Compiler *c, const Expr *e) {
    const Expr *f = e->v.Call.func;
    const ExprList *args = &e->v.Call.args;
    const KeywordList *kws = &e->v.Call.keywords;
    if (validate_keywords(c, kws, CLOC(e)) < 0) {
        return -1;
    }
    if (f->kind == AST_ATTRIBUTE && f->v.Attribute.ctx == AST_LOAD &&
        args->len + kws->len + (kws->len != 0) < STACK_USE_GUIDELINE &&
        simple_call_args(args, kws)) {
        return compile_method_call(c, e);
    }
    compile_emit(c, OP_PUSH_NULL, 0);
    if (compile_expr(c, f) < 0) {
        return -1;
    }
    return compile_call_helper(c, 0, args, kws, CLOC(e));
}

// ---------------------------------------------------------------------------
// Generators and coroutines

void compile_yield_from_loop(Compiler *c, bool await) {
    (void)await;
    int send = compile_label(c), exit = compile_label(c);
    compile_bind(c, send);
    compile_jump(c, OP_SEND, exit);
    compile_emit(c, OP_YIELD_VALUE, 1);
    compile_jump(c, OP_JUMP, send);
    compile_bind(c, exit);
}

void compile_yield(Compiler *c) {
    Scope *s = c->u->scope;
    if (s->is_generator && s->is_coroutine) {
        compile_emit(c, OP_ASYNC_GEN_WRAP, 0);
    }
    compile_emit(c, OP_YIELD_VALUE, 0);
}

static int compile_await(Compiler *c, const Expr *e) {
    if (!compile_in_function(c)) {
        return compile_error(c, CLOC(e), "'await' outside function");
    }
    if (c->u->kind != UNIT_ASYNC_FUNCTION && c->u->kind != UNIT_COMPREHENSION) {
        return compile_error(c, CLOC(e), "'await' outside async function");
    }
    if (compile_expr(c, e->v.Await.value) < 0) {
        return -1;
    }
    compile_emit(c, OP_GET_AWAITABLE, 0);
    if (compile_load_none(c) < 0) {
        return -1;
    }
    compile_yield_from_loop(c, true);
    return 0;
}

static int compile_yield_expr(Compiler *c, const Expr *e) {
    if (!compile_in_function(c)) {
        return compile_error(c, CLOC(e), "'yield' outside function");
    }
    if (e->kind == AST_YIELD) {
        if ((e->v.Yield.value ? compile_expr(c, e->v.Yield.value) : compile_load_none(c)) < 0) {
            return -1;
        }
        compile_yield(c);
        return 0;
    }
    if (c->u->kind == UNIT_ASYNC_FUNCTION) {
        return compile_error(c, CLOC(e), "'yield from' inside async function");
    }
    if (compile_expr(c, e->v.YieldFrom.value) < 0) {
        return -1;
    }
    compile_emit(c, OP_GET_YIELD_FROM_ITER, 0);
    if (compile_load_none(c) < 0) {
        return -1;
    }
    compile_yield_from_loop(c, false);
    return 0;
}

// ---------------------------------------------------------------------------
// Comprehensions: a nested function called with the outermost iterator.

typedef struct CompInfo {
    CompKind kind;
    const ComprehensionList *gens;
    const Expr *elt, *val;
} CompInfo;

static int comp_generator(Compiler *c, const CompInfo *ci, int gen_index, int depth);

// The innermost body: append, add, map-add or yield the element.
static int comp_element(Compiler *c, const CompInfo *ci, int depth) {
    if (compile_expr(c, ci->elt) < 0) {
        return -1;
    }
    switch (ci->kind) {
    case COMP_GENEXP:
        compile_yield(c);
        compile_emit(c, OP_POP_TOP, 0);
        return 0;
    case COMP_LIST:
        compile_emit(c, OP_LIST_APPEND, (uint32_t)(depth + 1));
        return 0;
    case COMP_SET:
        compile_emit(c, OP_SET_ADD, (uint32_t)(depth + 1));
        return 0;
    default:
        if (compile_expr(c, ci->val) < 0) {
            return -1;
        }
        compile_emit(c, OP_MAP_ADD, (uint32_t)(depth + 1));
        return 0;
    }
}

// Target, conditions, then the next generator or the element.
static int comp_body(Compiler *c, const CompInfo *ci, const Comprehension *gen, int gen_index,
                     int depth, int if_cleanup) {
    if (compile_store(c, gen->target) < 0) {
        return -1;
    }
    for (int i = 0; i < gen->ifs.len; i++) {
        if (compile_jump_if(c, gen->ifs.items[i], if_cleanup, false) < 0) {
            return -1;
        }
    }
    if (gen_index + 1 < ci->gens->len) {
        return comp_generator(c, ci, gen_index + 1, depth);
    }
    return comp_element(c, ci, depth);
}

static int comp_iterator(Compiler *c, const Comprehension *gen, int gen_index) {
    if (gen_index == 0) {
        compile_emit(c, OP_LOAD_FAST, 0); // .0, the iterator passed in
        return 0;
    }
    if (compile_expr(c, gen->iter) < 0) {
        return -1;
    }
    compile_emit(c, gen->is_async ? OP_GET_AITER : OP_GET_ITER, 0);
    return 0;
}

static int comp_sync_generator(Compiler *c, const CompInfo *ci, int gen_index, int depth) {
    const Comprehension *gen = ci->gens->items[gen_index];
    int start = compile_label(c), if_cleanup = compile_label(c), anchor = compile_label(c);
    if (comp_iterator(c, gen, gen_index) < 0) {
        return -1;
    }
    depth++;
    compile_bind(c, start);
    compile_jump(c, OP_FOR_ITER, anchor);
    if (comp_body(c, ci, gen, gen_index, depth, if_cleanup) < 0) {
        return -1;
    }
    compile_bind(c, if_cleanup);
    compile_jump(c, OP_JUMP, start);
    compile_bind(c, anchor);
    return 0;
}

static int comp_async_generator(Compiler *c, const CompInfo *ci, int gen_index, int depth) {
    const Comprehension *gen = ci->gens->items[gen_index];
    int start = compile_label(c), except = compile_label(c), if_cleanup = compile_label(c);
    if (comp_iterator(c, gen, gen_index) < 0) {
        return -1;
    }
    depth++;
    compile_bind(c, start);
    assemble_setup(&c->u->cb, except, 0);
    compile_emit(c, OP_GET_ANEXT, 0);
    if (compile_load_none(c) < 0) {
        return -1;
    }
    compile_yield_from_loop(c, true);
    assemble_pop_block(&c->u->cb);
    if (comp_body(c, ci, gen, gen_index, depth, if_cleanup) < 0) {
        return -1;
    }
    compile_bind(c, if_cleanup);
    compile_jump(c, OP_JUMP, start);
    compile_bind(c, except);
    compile_emit(c, OP_END_ASYNC_FOR, 0);
    return 0;
}

static int comp_generator(Compiler *c, const CompInfo *ci, int gen_index, int depth) {
    if (ci->gens->items[gen_index]->is_async) {
        return comp_async_generator(c, ci, gen_index, depth);
    }
    return comp_sync_generator(c, ci, gen_index, depth);
}

static const char *comp_unit_name(CompKind k) {
    switch (k) {
    case COMP_LIST:
        return "<listcomp>";
    case COMP_SET:
        return "<setcomp>";
    case COMP_DICT:
        return "<dictcomp>";
    default:
        return "<genexpr>";
    }
}

static Value comp_code(Compiler *c, const Expr *e, const CompInfo *ci, bool *is_async) {
    UnitKind outer = c->u->kind;
    if (compile_enter_unit(c, UNIT_COMPREHENSION, comp_unit_name(ci->kind), e, e->lineno) < 0) {
        return CS_ERR;
    }
    *is_async = c->u->scope->is_coroutine;
    if (*is_async && ci->kind != COMP_GENEXP && outer != UNIT_ASYNC_FUNCTION &&
        outer != UNIT_COMPREHENSION) {
        compile_error(c, CLOC(e), "asynchronous comprehension outside of an asynchronous function");
        compile_drop_unit(c);
        return CS_ERR;
    }
    c->u->argcount = 1;
    static const int builds[] = {
        [COMP_LIST] = OP_BUILD_LIST, [COMP_SET] = OP_BUILD_SET, [COMP_DICT] = OP_BUILD_MAP};
    if (ci->kind != COMP_GENEXP) {
        compile_emit(c, builds[ci->kind], 0);
    }
    if (comp_generator(c, ci, 0, 0) < 0) {
        compile_drop_unit(c);
        return CS_ERR;
    }
    if (ci->kind != COMP_GENEXP) {
        compile_emit(c, OP_RETURN_VALUE, 0);
    }
    return compile_exit_unit(c);
}

static int compile_comprehension(Compiler *c, const Expr *e, CompKind kind,
                                 const ComprehensionList *gens, const Expr *elt, const Expr *val) {
    CompInfo ci = {kind, gens, elt, val};
    bool is_async = false;
    Value code = comp_code(c, e, &ci, &is_async);
    if (code == CS_ERR) {
        return -1;
    }
    set_line(c, e->lineno);
    if (compile_make_closure(c, code, 0) < 0 || compile_expr(c, gens->items[0]->iter) < 0) {
        return -1;
    }
    set_line(c, e->lineno);
    compile_emit(c, gens->items[0]->is_async ? OP_GET_AITER : OP_GET_ITER, 0);
    compile_emit(c, OP_CALL, 0);
    if (is_async && kind != COMP_GENEXP) {
        compile_emit(c, OP_GET_AWAITABLE, 0);
        if (compile_load_none(c) < 0) {
            return -1;
        }
        compile_yield_from_loop(c, true);
    }
    return 0;
}

// ---------------------------------------------------------------------------
// Assignment targets

static int unpack_sequence(Compiler *c, const Expr *t, const ExprList *elts) {
    int n = elts->len;
    bool seen_star = false;
    for (int i = 0; i < n; i++) {
        const Expr *elt = elts->items[i];
        if (elt->kind != AST_STARRED) {
            continue;
        }
        if (seen_star) {
            return compile_error(c, CLOC(t), "multiple starred expressions in assignment");
        }
        if (i >= (1 << 8) || n - i - 1 >= (1 << 15)) {
            return compile_error(c, CLOC(t), "too many expressions in star-unpacking assignment");
        }
        compile_emit(c, OP_UNPACK_EX, (uint32_t)(i + ((n - i - 1) << 8)));
        seen_star = true;
    }
    if (!seen_star) {
        compile_emit(c, OP_UNPACK_SEQUENCE, (uint32_t)n);
    }
    for (int i = 0; i < n; i++) {
        const Expr *elt = elts->items[i];
        if (compile_store(c, elt->kind == AST_STARRED ? elt->v.Starred.value : elt) < 0) {
            return -1;
        }
    }
    return 0;
}

int compile_store(Compiler *c, const Expr *t) {
    int saved = c->u->cb.line;
    set_line(c, t->lineno);
    int rc = 0;
    switch (t->kind) {
    case AST_NAME:
        rc = compile_nameop(c, t->v.Name.id, CTX_STORE, CLOC(t));
        break;
    case AST_ATTRIBUTE:
        if (strcmp(t->v.Attribute.attr, "__debug__") == 0) {
            return compile_error(c, CLOC(t), "cannot assign to __debug__");
        }
        rc = compile_expr(c, t->v.Attribute.value);
        set_line(c, t->lineno);
        compile_emit_name(c, OP_STORE_ATTR, t->v.Attribute.attr);
        break;
    case AST_SUBSCRIPT:
        if (compile_expr(c, t->v.Subscript.value) < 0 ||
            compile_expr(c, t->v.Subscript.slice) < 0) {
            return -1;
        }
        set_line(c, t->lineno);
        compile_emit(c, OP_STORE_SUBSCR, 0);
        break;
    case AST_TUPLE:
        rc = unpack_sequence(c, t, &t->v.Tuple.elts);
        break;
    case AST_LIST:
        rc = unpack_sequence(c, t, &t->v.List.elts);
        break;
    case AST_STARRED:
        return compile_error(c, CLOC(t), "starred assignment target must be in a list or tuple");
    default:
        return compile_error(c, CLOC(t), "cannot assign to %s", ast_kind_name(t->kind));
    }
    set_line(c, saved);
    return rc;
}

// ---------------------------------------------------------------------------
// Dispatch

static int compile_named_expr(Compiler *c, const Expr *e) {
    if (compile_expr(c, e->v.NamedExpr.value) < 0) {
        return -1;
    }
    compile_emit(c, OP_COPY, 1);
    return compile_store(c, e->v.NamedExpr.target);
}

static int compile_attribute(Compiler *c, const Expr *e) {
    if (compile_expr(c, e->v.Attribute.value) < 0) {
        return -1;
    }
    set_line(c, e->end_lineno);
    compile_emit_name(c, OP_LOAD_ATTR, e->v.Attribute.attr);
    return 0;
}

static int compile_subscript(Compiler *c, const Expr *e) {
    if (compile_expr(c, e->v.Subscript.value) < 0 || compile_expr(c, e->v.Subscript.slice) < 0) {
        return -1;
    }
    set_line(c, e->lineno);
    compile_emit(c, OP_BINARY_SUBSCR, 0);
    return 0;
}

static int compile_expr_inner(Compiler *c, const Expr *e) {
    switch (e->kind) {
    case AST_BOOL_OP:
        return compile_boolop(c, e);
    case AST_NAMED_EXPR:
        return compile_named_expr(c, e);
    case AST_BIN_OP:
        return compile_binop(c, e);
    case AST_UNARY_OP:
        return compile_unaryop(c, e);
    case AST_LAMBDA:
        return compile_lambda(c, e);
    case AST_IF_EXP:
        return compile_ifexp(c, e);
    case AST_DICT:
        return compile_dict(c, e);
    case AST_SET:
        return starunpack(c, &e->v.Set.elts, 0, OP_BUILD_SET, OP_SET_ADD, OP_SET_UPDATE, false);
    case AST_LIST_COMP:
        return compile_comprehension(c, e, COMP_LIST, &e->v.ListComp.generators, e->v.ListComp.elt,
                                     NULL);
    case AST_SET_COMP:
        return compile_comprehension(c, e, COMP_SET, &e->v.SetComp.generators, e->v.SetComp.elt,
                                     NULL);
    case AST_DICT_COMP:
        return compile_comprehension(c, e, COMP_DICT, &e->v.DictComp.generators, e->v.DictComp.key,
                                     e->v.DictComp.value);
    case AST_GENERATOR_EXP:
        return compile_comprehension(c, e, COMP_GENEXP, &e->v.GeneratorExp.generators,
                                     e->v.GeneratorExp.elt, NULL);
    case AST_AWAIT:
        return compile_await(c, e);
    case AST_YIELD:
    case AST_YIELD_FROM:
        return compile_yield_expr(c, e);
    case AST_COMPARE:
        return compile_compare(c, e);
    case AST_CALL:
        return compile_call(c, e);
    case AST_FORMATTED_VALUE:
        return compile_formatted_value(c, e);
    case AST_JOINED_STR:
        return compile_joined_str(c, e);
    case AST_CONSTANT:
        return compile_load_const(c, compile_constant(c, &e->v.Constant.value));
    case AST_ATTRIBUTE:
        return compile_attribute(c, e);
    case AST_SUBSCRIPT:
        return compile_subscript(c, e);
    case AST_STARRED:
        return compile_error(c, CLOC(e), "can't use starred expression here");
    case AST_NAME:
        return compile_nameop(c, e->v.Name.id, CTX_LOAD, CLOC(e));
    case AST_LIST:
        return starunpack(c, &e->v.List.elts, 0, OP_BUILD_LIST, OP_LIST_APPEND, OP_LIST_EXTEND,
                          false);
    case AST_TUPLE:
        return compile_tuple(c, e);
    case AST_SLICE:
        return compile_slice(c, e);
    default:
        return compile_error(c, CLOC(e), "unexpected expression");
    }
}

int compile_expr(Compiler *c, const Expr *e) {
    if (++c->depth > COMPILE_MAX_DEPTH) {
        exc_raise(c->ts, exc_RecursionError, "maximum recursion depth exceeded during compilation");
        return compile_raised(c);
    }
    int saved = c->u->cb.line;
    set_line(c, e->lineno);
    int rc = compile_expr_inner(c, e);
    set_line(c, saved);
    c->depth--;
    return rc;
}
