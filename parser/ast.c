// The AST's arena, node constructors, names, and the s-expression dumper
// that tests compare against (the dump of CPython's own ast for the same
// source is produced by the same rules). Node shapes: parser/ast.def.
#include "parser/ast.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// ---------------------------------------------------------------------------
// Arena: a list of chunks; allocation bumps a pointer in the newest one.

#define CHUNK_SIZE (64 * 1024)
#define ALIGN      16

typedef struct Chunk {
    struct Chunk *next;
    size_t size; // usable bytes after the header
} Chunk;

struct Arena {
    Chunk *head;
    char *ptr;   // next free byte in head
    size_t left; // free bytes in head
};

_Noreturn static void out_of_memory(void) {
    fputs("cs: out of memory in the parser\n", stderr);
    abort();
}

Arena *arena_new(void) {
    Arena *a = calloc(1, sizeof *a);
    if (!a) {
        out_of_memory();
    }
    return a;
}

void arena_free(Arena *a) {
    if (!a) {
        return;
    }
    for (Chunk *c = a->head, *next; c; c = next) {
        next = c->next;
        free(c);
    }
    free(a);
}

// Chunk headers are padded to ALIGN so the data after them stays aligned.
static size_t header_size(void) {
    return (sizeof(Chunk) + ALIGN - 1) & ~(size_t)(ALIGN - 1);
}

void *arena_alloc(Arena *a, size_t size) {
    size = (size + ALIGN - 1) & ~(size_t)(ALIGN - 1);
    if (size == 0) {
        size = ALIGN;
    }
    if (size > a->left) {
        size_t want = size > CHUNK_SIZE ? size : CHUNK_SIZE;
        Chunk *c = calloc(1, header_size() + want);
        if (!c) {
            out_of_memory();
        }
        c->size = want;
        c->next = a->head;
        a->head = c;
        a->ptr = (char *)c + header_size();
        a->left = want;
    }
    void *p = a->ptr;
    a->ptr += size;
    a->left -= size;
    return p;
}

char *arena_strndup(Arena *a, const char *s, size_t n) {
    char *p = arena_alloc(a, n + 1);
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}

// ---------------------------------------------------------------------------
// Constructors and names

Mod *ast_new_mod(Arena *a, AstKind kind) {
    Mod *m = arena_alloc(a, sizeof *m);
    m->kind = kind;
    return m;
}

Stmt *ast_new_stmt(Arena *a, AstKind kind) {
    Stmt *s = arena_alloc(a, sizeof *s);
    s->kind = kind;
    return s;
}

Expr *ast_new_expr(Arena *a, AstKind kind) {
    Expr *e = arena_alloc(a, sizeof *e);
    e->kind = kind;
    return e;
}

void *ast_new_aux(Arena *a, AstKind kind, size_t size) {
    AstKind *k = arena_alloc(a, size);
    *k = kind; // every node struct begins with its kind
    return k;
}

static const char *const kind_names[AST_KIND_COUNT] = {
#define NODE_MOD(UPPER, Name, fields)       #Name,
#define NODE_STMT(UPPER, Name, fields)      #Name,
#define NODE_STMT0(UPPER, Name)             #Name,
#define NODE_EXPR(UPPER, Name, fields)      #Name,
#define NODE_AUX(UPPER, Name, asdl, fields) asdl,
#include "parser/ast.def"
};

const char *ast_kind_name(AstKind kind) {
    return (unsigned)kind < AST_KIND_COUNT ? kind_names[kind] : "?";
}

static const char *const operator_names[] = {
#define ENUM_OPERATOR(UPPER, Name, text) #Name,
#include "parser/ast.def"
};
static const char *const operator_texts[] = {
#define ENUM_OPERATOR(UPPER, Name, text) text,
#include "parser/ast.def"
};
static const char *const unaryop_names[] = {
#define ENUM_UNARYOP(UPPER, Name, text) #Name,
#include "parser/ast.def"
};
static const char *const cmpop_names[] = {
#define ENUM_CMPOP(UPPER, Name, text) #Name,
#include "parser/ast.def"
};
static const char *const cmpop_texts[] = {
#define ENUM_CMPOP(UPPER, Name, text) text,
#include "parser/ast.def"
};
static const char *const boolop_names[] = {
#define ENUM_BOOLOP(UPPER, Name, text) #Name,
#include "parser/ast.def"
};
static const char *const context_names[] = {
#define ENUM_CONTEXT(UPPER, Name) #Name,
#include "parser/ast.def"
};

const char *ast_operator_name(AstOperator op) {
    return (unsigned)op < AST_OPERATOR_COUNT ? operator_names[op] : "?";
}

const char *ast_operator_text(AstOperator op) {
    return (unsigned)op < AST_OPERATOR_COUNT ? operator_texts[op] : "?";
}

const char *ast_unaryop_name(AstUnaryOp op) {
    return (unsigned)op < AST_UNARYOP_COUNT ? unaryop_names[op] : "?";
}

const char *ast_cmpop_name(AstCmpOp op) {
    return (unsigned)op < AST_CMPOP_COUNT ? cmpop_names[op] : "?";
}

const char *ast_cmpop_text(AstCmpOp op) {
    return (unsigned)op < AST_CMPOP_COUNT ? cmpop_texts[op] : "?";
}

const char *ast_boolop_name(AstBoolOp op) {
    return (unsigned)op < AST_BOOLOP_COUNT ? boolop_names[op] : "?";
}

const char *ast_context_name(AstContext ctx) {
    return (unsigned)ctx < AST_CONTEXT_COUNT ? context_names[ctx] : "?";
}

// ---------------------------------------------------------------------------
// The dumper: a growing string.

typedef struct Dumper {
    char *buf;
    size_t len, cap;
    int flags;
    int depth; // nesting of the node being printed
} Dumper;

// Deeper nodes print as "..." so that a long chain (a + a + ... + a) cannot
// overflow the C stack.
#define DUMP_MAX_DEPTH 5000

static void put(Dumper *d, const char *s, size_t n) {
    if (d->len + n + 1 > d->cap) {
        while (d->len + n + 1 > d->cap) {
            d->cap = d->cap ? d->cap * 2 : 256;
        }
        d->buf = realloc(d->buf, d->cap);
        if (!d->buf) {
            out_of_memory();
        }
    }
    memcpy(d->buf + d->len, s, n);
    d->len += n;
    d->buf[d->len] = 0;
}

static void puts_(Dumper *d, const char *s) {
    put(d, s, strlen(s));
}

static void printf_(Dumper *d, const char *fmt, ...) {
    char tmp[128];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    put(d, tmp, n < (int)sizeof tmp ? (size_t)n : sizeof tmp - 1);
}

// The shortest %g form that reads back as the same double.
static void put_double(Dumper *d, double v) {
    char tmp[64];
    for (int prec = 1; prec <= 17; prec++) {
        snprintf(tmp, sizeof tmp, "%.*g", prec, v);
        if (strtod(tmp, NULL) == v) {
            break;
        }
    }
    puts_(d, tmp);
}

// A quoted literal: \\ \' \n \t \r escaped, other control bytes (and, for
// bytes, non-ASCII bytes) as \xHH, UTF-8 text as is.
static void put_quoted(Dumper *d, const char *s, size_t n, bool bytes) {
    put(d, bytes ? "b'" : "'", bytes ? 2 : 1);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\\' || c == '\'') {
            char esc[2] = {'\\', (char)c};
            put(d, esc, 2);
        } else if (c == '\n' || c == '\t' || c == '\r') {
            puts_(d, c == '\n' ? "\\n" : c == '\t' ? "\\t" : "\\r");
        } else if (c < 0x20 || c == 0x7F || (bytes && c >= 0x80)) {
            printf_(d, "\\x%02x", c);
        } else {
            put(d, (const char *)&c, 1);
        }
    }
    put(d, "'", 1);
}

static void dump_constant(Dumper *d, const AstConstant *c) {
    static const char *const prefixes[17] = {[2] = "0b", [8] = "0o", [16] = "0x"};
    switch (c->kind) {
    case AST_CONST_NONE:
        puts_(d, "None");
        break;
    case AST_CONST_TRUE:
        puts_(d, "True");
        break;
    case AST_CONST_FALSE:
        puts_(d, "False");
        break;
    case AST_CONST_ELLIPSIS:
        puts_(d, "Ellipsis");
        break;
    case AST_CONST_INT:
        if (c->v.i.base >= 0 && c->v.i.base <= 16 && prefixes[c->v.i.base]) {
            puts_(d, prefixes[c->v.i.base]);
        }
        puts_(d, c->v.i.digits);
        break;
    case AST_CONST_FLOAT:
        put_double(d, c->v.f);
        break;
    case AST_CONST_COMPLEX:
        put_double(d, c->v.f);
        put(d, "j", 1);
        break;
    case AST_CONST_STR:
    case AST_CONST_BYTES:
        put_quoted(d, c->v.s.data, c->v.s.len, c->kind == AST_CONST_BYTES);
        break;
    }
}

static void dump_node(Dumper *d, const void *node);

// One dumper per field type; each writes its own leading space.
static void dump_IDENT(Dumper *d, const char *const *p) {
    put(d, " ", 1);
    puts_(d, *p ? *p : "-");
}

static void dump_IDENT_OPT(Dumper *d, const char *const *p) {
    dump_IDENT(d, p);
}

static void dump_STR_OPT(Dumper *d, const char *const *p) {
    if (*p) {
        dump_IDENT(d, p); // only when present: (Constant 'x' u)
    }
}

static void dump_IDENTS(Dumper *d, const IdentList *l) {
    puts_(d, " [");
    for (int i = 0; i < l->len; i++) {
        if (i) {
            put(d, " ", 1);
        }
        puts_(d, l->items[i]);
    }
    put(d, "]", 1);
}

static void dump_child(Dumper *d, const void *node) {
    put(d, " ", 1);
    if (node) {
        dump_node(d, node);
    } else {
        put(d, "-", 1);
    }
}

// Lists of nodes: items[] of any node pointer type.
static void dump_list(Dumper *d, int len, const void *const *items) {
    puts_(d, " [");
    for (int i = 0; i < len; i++) {
        if (i) {
            put(d, " ", 1);
        }
        if (items[i]) {
            dump_node(d, items[i]);
        } else {
            put(d, "-", 1);
        }
    }
    put(d, "]", 1);
}

#define DUMP_CHILD(TYPE, CTYPE)                                                                    \
    static void dump_##TYPE(Dumper *d, CTYPE const *p) {                                           \
        dump_child(d, *p);                                                                         \
    }
DUMP_CHILD(EXPR, Expr *)
DUMP_CHILD(EXPR_OPT, Expr *)
DUMP_CHILD(ARGUMENTS, Arguments *)
DUMP_CHILD(ARG_OPT, Arg *)
#undef DUMP_CHILD

#define DUMP_LIST(TYPE, LTYPE)                                                                     \
    static void dump_##TYPE(Dumper *d, const LTYPE *l) {                                           \
        dump_list(d, l->len, (const void *const *)l->items);                                       \
    }
DUMP_LIST(EXPRS, ExprList)
DUMP_LIST(STMTS, StmtList)
DUMP_LIST(ARGS, ArgList)
DUMP_LIST(KEYWORDS, KeywordList)
DUMP_LIST(ALIASES, AliasList)
DUMP_LIST(WITHITEMS, WithItemList)
DUMP_LIST(COMPREHENSIONS, ComprehensionList)
DUMP_LIST(HANDLERS, ExceptHandlerList)
#undef DUMP_LIST

static void dump_INT(Dumper *d, const int *p) {
    printf_(d, " %d", *p);
}

static void dump_OPERATOR(Dumper *d, const AstOperator *p) {
    put(d, " ", 1);
    puts_(d, ast_operator_name(*p));
}

static void dump_UNARYOP(Dumper *d, const AstUnaryOp *p) {
    put(d, " ", 1);
    puts_(d, ast_unaryop_name(*p));
}

static void dump_BOOLOP(Dumper *d, const AstBoolOp *p) {
    put(d, " ", 1);
    puts_(d, ast_boolop_name(*p));
}

static void dump_CTX(Dumper *d, const AstContext *p) {
    put(d, " ", 1);
    puts_(d, ast_context_name(*p));
}

static void dump_CMPOPS(Dumper *d, const CmpOpList *l) {
    puts_(d, " [");
    for (int i = 0; i < l->len; i++) {
        if (i) {
            put(d, " ", 1);
        }
        puts_(d, ast_cmpop_name(l->items[i]));
    }
    put(d, "]", 1);
}

static void dump_CONSTANT(Dumper *d, const AstConstant *c) {
    put(d, " ", 1);
    dump_constant(d, c);
}

// One function per node kind dumping its fields in order.
#define AST_F(TYPE, name) dump_##TYPE(d, &x->name);
#define NODE_MOD(UPPER, Name, fields)                                                              \
    static void fields_##Name(Dumper *d, const struct Ast##Name##Fields *x) {                      \
        fields                                                                                     \
    }
#define NODE_STMT(UPPER, Name, fields)                                                             \
    static void fields_##Name(Dumper *d, const struct Ast##Name##Fields *x) {                      \
        fields                                                                                     \
    }
#define NODE_EXPR(UPPER, Name, fields)                                                             \
    static void fields_##Name(Dumper *d, const struct Ast##Name##Fields *x) {                      \
        fields                                                                                     \
    }
#define NODE_AUX(UPPER, Name, asdl, fields)                                                        \
    static void fields_##Name(Dumper *d, const Name *x) {                                          \
        fields                                                                                     \
    }
#include "parser/ast.def"
#undef AST_F

// "(Name" or "(Name@1:0-1:5".
static void open_node(Dumper *d, AstKind kind, int l, int c, int el, int ec) {
    put(d, "(", 1);
    puts_(d, ast_kind_name(kind));
    if (d->flags & AST_DUMP_POSITIONS) {
        printf_(d, "@%d:%d-%d:%d", l, c, el, ec);
    }
}

static void dump_mod(Dumper *d, const Mod *m) {
    open_node(d, m->kind, m->lineno, m->col_offset, m->end_lineno, m->end_col_offset);
    switch (m->kind) {
#define NODE_MOD(UPPER, Name, fields)                                                              \
    case AST_##UPPER:                                                                              \
        fields_##Name(d, &m->v.Name);                                                              \
        break;
#include "parser/ast.def"
    default:
        break;
    }
}

static void dump_stmt(Dumper *d, const Stmt *s) {
    open_node(d, s->kind, s->lineno, s->col_offset, s->end_lineno, s->end_col_offset);
    switch (s->kind) {
#define NODE_STMT(UPPER, Name, fields)                                                             \
    case AST_##UPPER:                                                                              \
        fields_##Name(d, &s->v.Name);                                                              \
        break;
#include "parser/ast.def"
    default:
        break;
    }
}

static void dump_expr(Dumper *d, const Expr *e) {
    open_node(d, e->kind, e->lineno, e->col_offset, e->end_lineno, e->end_col_offset);
    switch (e->kind) {
#define NODE_EXPR(UPPER, Name, fields)                                                             \
    case AST_##UPPER:                                                                              \
        fields_##Name(d, &e->v.Name);                                                              \
        break;
#include "parser/ast.def"
    default:
        break;
    }
}

static void dump_aux(Dumper *d, const void *node, AstKind kind) {
    switch (kind) {
#define NODE_AUX(UPPER, Name, asdl, fields)                                                        \
    case AST_##UPPER: {                                                                            \
        const Name *x = node;                                                                      \
        open_node(d, kind, x->lineno, x->col_offset, x->end_lineno, x->end_col_offset);            \
        fields_##Name(d, x);                                                                       \
        break;                                                                                     \
    }
#include "parser/ast.def"
    default:
        open_node(d, kind, 0, 0, 0, 0);
        break;
    }
}

// Dispatch on the kind every node struct begins with; the kinds are in
// parser/ast.def order: mods, stmts, exprs, auxiliary nodes.
static void dump_node(Dumper *d, const void *node) {
    AstKind kind = *(const AstKind *)node;
    if (d->depth >= DUMP_MAX_DEPTH) {
        puts_(d, "...");
        return;
    }
    d->depth++;
    if (kind <= AST_EXPRESSION) {
        dump_mod(d, node);
    } else if (kind <= AST_CONTINUE) {
        dump_stmt(d, node);
    } else if (kind <= AST_SLICE) {
        dump_expr(d, node);
    } else {
        dump_aux(d, node, kind);
    }
    put(d, ")", 1);
    d->depth--;
}

char *ast_dump(const void *node, int flags) {
    Dumper d = {.flags = flags};
    if (node) {
        dump_node(&d, node);
    } else {
        put(&d, "-", 1);
    }
    return d.buf;
}
