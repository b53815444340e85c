// The disassembler (vm/dis.h): prints code objects the way CPython 3.11's
// dis module does — line column, jump-target marks, instruction index,
// opcode name, argument and its meaning — followed by the exception table.
// Instruction offsets are instruction indices, as jump arguments are.
#include "vm/dis.h"

#include <stdio.h>
#include <string.h>

#include "vm/exc.h"
#include "vm/func.h"
#include "vm/gc.h"
#include "vm/list.h"
#include "vm/opcodes.h"
#include "vm/state.h"

#define OPNAME_WIDTH 20
#define OPARG_WIDTH  5

static const char *const cmp_symbols[] = {"<", "<=", "==", "!=", ">", ">="};
static const char *const binop_symbols[BINOP_COUNT] = {
    "+", "-", "*", "@", "/", "//", "%", "**", "<<", ">>", "&", "|", "^",
};

// Opcodes whose argument means nothing; CPython prints no argument for them.
static bool op_has_arg(int op) {
    switch (op) {
    case OP_NOP:
    case OP_POP_TOP:
    case OP_PUSH_NULL:
    case OP_BINARY_SUBSCR:
    case OP_STORE_SUBSCR:
    case OP_DELETE_SUBSCR:
    case OP_UNARY_POSITIVE:
    case OP_UNARY_NEGATIVE:
    case OP_UNARY_NOT:
    case OP_UNARY_INVERT:
    case OP_GET_ITER:
    case OP_RETURN_VALUE:
    case OP_LOAD_BUILD_CLASS:
    case OP_LOAD_ASSERTION_ERROR:
    case OP_LOAD_LOCALS:
    case OP_LIST_TO_TUPLE:
    case OP_PUSH_EXC_INFO:
    case OP_POP_EXCEPT:
    case OP_CHECK_EXC_MATCH:
    case OP_BEFORE_WITH:
    case OP_WITH_EXCEPT_START:
    case OP_BEFORE_ASYNC_WITH:
    case OP_SETUP_ANNOTATIONS:
    case OP_CLEANUP_THROW:
    case OP_GET_YIELD_FROM_ITER:
    case OP_GET_AITER:
    case OP_GET_ANEXT:
    case OP_END_ASYNC_FOR:
    case OP_ASYNC_GEN_WRAP:
    case OP_IMPORT_STAR:
    case OP_PRINT_EXPR:
    case OP_RETURN_GENERATOR:
        return false;
    default:
        return true;
    }
}

// The repr of a constant; code objects print without their address so the
// listing is deterministic.
static int append_const(ThreadState *ts, StrBuf *b, Value v) {
    if (is_type_exact(v, &type_code)) {
        CodeObj *co = (CodeObj *)as_obj(v);
        str_buf_printf(b, "<code object %s, file \"%s\", line %d>", co->name->data,
                       co->filename ? co->filename->data : "?", co->firstlineno);
        return 0;
    }
    return str_buf_append_repr(ts, b, v);
}

static const char *tuple_name(TupleObj *t, uint32_t i) {
    if (t == NULL || i >= t->len) {
        return "?";
    }
    return str_cstr(t->items[i]);
}

static const char *deref_name(CodeObj *co, uint32_t i) {
    size_t ncell = co->cellvars ? co->cellvars->len : 0;
    if (i < ncell) {
        return tuple_name(co->cellvars, i);
    }
    return tuple_name(co->freevars, (uint32_t)(i - ncell));
}

static void append_make_function_flags(StrBuf *b, uint32_t arg) {
    static const char *const names[] = {"defaults", "kwdefaults", "annotations", "closure"};
    bool first = true;
    for (int i = 0; i < 4; i++) {
        if (arg & (1u << i)) {
            str_buf_printf(b, "%s%s", first ? "" : ", ", names[i]);
            first = false;
        }
    }
}

static void append_format_value(StrBuf *b, uint32_t arg) {
    static const char *const conv[] = {"", "str", "repr", "ascii"};
    str_buf_append_cstr(b, conv[arg & 3]);
    if (arg & 4) {
        str_buf_printf(b, "%swith format", (arg & 3) ? ", " : "");
    }
}

// The text inside the parentheses after the argument ("" for none).
static int append_argrepr(ThreadState *ts, StrBuf *b, CodeObj *co, int op, uint32_t arg) {
    uint8_t fl = opcode_flags[op];
    if (fl & OPF_JUMP) {
        str_buf_printf(b, "to %u", arg);
    } else if (fl & OPF_CONST) {
        if (co->consts == NULL || arg >= co->consts->len) {
            str_buf_append_cstr(b, "?");
            return 0;
        }
        return append_const(ts, b, co->consts->items[arg]);
    } else if (fl & OPF_NAME) {
        str_buf_append_cstr(b, tuple_name(co->names, arg));
    } else if (fl & OPF_LOCAL) {
        str_buf_append_cstr(b, tuple_name(co->varnames, arg));
    } else if (fl & OPF_DEREF) {
        str_buf_append_cstr(b, deref_name(co, arg));
    } else if (op == OP_COMPARE_OP && arg < 6) {
        str_buf_append_cstr(b, cmp_symbols[arg]);
    } else if (op == OP_BINARY_OP && (arg & ~(uint32_t)BINOP_INPLACE) < BINOP_COUNT) {
        str_buf_printf(b, "%s%s", binop_symbols[arg & ~(uint32_t)BINOP_INPLACE],
                       (arg & BINOP_INPLACE) ? "=" : "");
    } else if (op == OP_MAKE_FUNCTION) {
        append_make_function_flags(b, arg);
    } else if (op == OP_FORMAT_VALUE) {
        append_format_value(b, arg);
    }
    return 0;
}

static int count_digits(long v) {
    char tmp[32];
    return snprintf(tmp, sizeof tmp, "%ld", v);
}

// Marks every instruction that some jump or exception handler targets.
static bool *jump_targets(ThreadState *ts, CodeObj *co) {
    bool *t = gc_xmalloc(ts, co->ncode + 1);
    if (t == NULL) {
        return NULL;
    }
    memset(t, 0, co->ncode + 1);
    for (uint32_t i = 0; i < co->ncode; i++) {
        int op = (int)INSTR_OP(co->code[i]);
        uint32_t arg = INSTR_ARG(co->code[i]);
        if (op < OP_COUNT && (opcode_flags[op] & OPF_JUMP) && arg <= co->ncode) {
            t[arg] = true;
        }
    }
    for (uint32_t i = 0; i < co->nexc; i++) {
        if (co->exc_table[i].target <= co->ncode) {
            t[co->exc_table[i].target] = true;
        }
    }
    return t;
}

typedef struct Widths {
    int lineno;
    int offset;
} Widths;

static Widths column_widths(CodeObj *co) {
    int maxline = 0;
    for (uint32_t i = 0; i < co->ncode; i++) {
        if (co->lines[i] > maxline) {
            maxline = co->lines[i];
        }
    }
    Widths w = {3, 4};
    if (maxline >= 1000) {
        w.lineno = count_digits(maxline);
    }
    if (co->ncode > 10000) {
        w.offset = count_digits((long)co->ncode - 1);
    }
    return w;
}

static int append_instr(ThreadState *ts, StrBuf *b, CodeObj *co, uint32_t i, bool starts_line,
                        bool target, Widths w) {
    int op = (int)INSTR_OP(co->code[i]);
    uint32_t arg = INSTR_ARG(co->code[i]);
    size_t line_start = b->len;
    if (starts_line) {
        str_buf_printf(b, "%*d", w.lineno, (int)co->lines[i]);
    } else {
        str_buf_printf(b, "%*s", w.lineno, "");
    }
    str_buf_printf(b, "     %s %*u ", target ? ">>" : "  ", w.offset, i);
    const char *name = op < OP_COUNT ? opcode_names[op] : "<unknown>";
    str_buf_printf(b, "%-*s", OPNAME_WIDTH, name);
    if (op < OP_COUNT && op_has_arg(op)) {
        str_buf_printf(b, " %*u", OPARG_WIDTH, arg);
        size_t before = b->len;
        str_buf_append_cstr(b, " (");
        size_t inner = b->len;
        if (append_argrepr(ts, b, co, op, arg) < 0) {
            return -1;
        }
        if (b->len == inner) {
            b->len = before;
        } else {
            str_buf_append_char(b, ')');
        }
    }
    while (b->len > line_start && b->data[b->len - 1] == ' ') {
        b->len--;
    }
    str_buf_append_char(b, '\n');
    return 0;
}

static void append_exc_table(StrBuf *b, CodeObj *co) {
    if (co->nexc == 0) {
        return;
    }
    str_buf_append_cstr(b, "ExceptionTable:\n");
    for (uint32_t i = 0; i < co->nexc; i++) {
        ExcTableEntry *e = &co->exc_table[i];
        str_buf_printf(b, "  %u to %u -> %u [%u]\n", e->start, e->end - 1, e->target, e->depth);
    }
}

int dis_code_single(ThreadState *ts, Value code, StrBuf *out) {
    if (!is_type_exact(code, &type_code)) {
        return exc_raise_int(ts, exc_TypeError, "don't know how to disassemble %T objects", code);
    }
    CodeObj *co = (CodeObj *)as_obj(code);
    bool *targets = jump_targets(ts, co);
    if (targets == NULL) {
        return -1;
    }
    Widths w = column_widths(co);
    int rc = 0;
    int32_t prev_line = -1;
    for (uint32_t i = 0; i < co->ncode && rc == 0; i++) {
        bool starts = co->lines[i] != prev_line && co->lines[i] > 0;
        if (starts && i > 0) {
            str_buf_append_char(out, '\n');
        }
        if (co->lines[i] > 0) {
            prev_line = co->lines[i];
        }
        rc = append_instr(ts, out, co, i, starts, targets[i], w);
    }
    gc_xfree(ts->interp, targets, co->ncode + 1);
    if (rc == 0) {
        append_exc_table(out, co);
    }
    return rc;
}

int dis_code(ThreadState *ts, Value code, StrBuf *out) {
    if (dis_code_single(ts, code, out) < 0) {
        return -1;
    }
    CodeObj *co = (CodeObj *)as_obj(code);
    for (size_t i = 0; co->consts != NULL && i < co->consts->len; i++) {
        Value c = co->consts->items[i];
        if (!is_type_exact(c, &type_code)) {
            continue;
        }
        str_buf_append_cstr(out, "\nDisassembly of ");
        append_const(ts, out, c);
        str_buf_append_cstr(out, ":\n");
        if (dis_code(ts, c, out) < 0) {
            return -1;
        }
    }
    return 0;
}
