// The abstract syntax tree, shaped like CPython 3.11's ast module: the same
// node names and field names (parser/ast.def lists them), so the CPython ast
// documentation is the spec. Statement and expression fields sit in a union
// as in CPython's C API (s->v.If.test); the small product nodes are flat
// (arg->annotation). Every node and string of one parse lives in one Arena,
// freed at once; nothing here is a GC object (the compiler turns Constant
// values into objects). parser/parser.h builds trees, compiler/ reads them.
#ifndef CS_PARSER_AST_H
#define CS_PARSER_AST_H

#include <stdbool.h>
#include <stddef.h>

// ---------------------------------------------------------------------------
// Arena

typedef struct Arena Arena;

// A new, empty arena. Aborts when out of memory, as every arena call does.
Arena *arena_new(void);

// Frees the arena and everything allocated in it.
void arena_free(Arena *a);

// size zeroed bytes, aligned for any type; valid until arena_free.
void *arena_alloc(Arena *a, size_t size);

// A NUL-terminated copy of s[0..n) (s may hold NUL bytes).
char *arena_strndup(Arena *a, const char *s, size_t n);

// ---------------------------------------------------------------------------
// Kinds and enums

typedef enum {
#define NODE_MOD(UPPER, Name, fields)       AST_##UPPER,
#define NODE_STMT(UPPER, Name, fields)      AST_##UPPER,
#define NODE_STMT0(UPPER, Name)             AST_##UPPER,
#define NODE_EXPR(UPPER, Name, fields)      AST_##UPPER,
#define NODE_AUX(UPPER, Name, asdl, fields) AST_##UPPER,
#include "parser/ast.def"
    AST_KIND_COUNT
} AstKind;

typedef enum {
#define ENUM_OPERATOR(UPPER, Name, text) AST_OP_##UPPER,
#include "parser/ast.def"
    AST_OPERATOR_COUNT
} AstOperator;

typedef enum {
#define ENUM_UNARYOP(UPPER, Name, text) AST_UOP_##UPPER,
#include "parser/ast.def"
    AST_UNARYOP_COUNT
} AstUnaryOp;

typedef enum {
#define ENUM_CMPOP(UPPER, Name, text) AST_CMP_##UPPER,
#include "parser/ast.def"
    AST_CMPOP_COUNT
} AstCmpOp;

typedef enum {
#define ENUM_BOOLOP(UPPER, Name, text) AST_BOOL_##UPPER,
#include "parser/ast.def"
    AST_BOOLOP_COUNT
} AstBoolOp;

typedef enum {
#define ENUM_CONTEXT(UPPER, Name) AST_##UPPER,
#include "parser/ast.def"
    AST_CONTEXT_COUNT
} AstContext;

// ---------------------------------------------------------------------------
// Constants

typedef enum {
    AST_CONST_NONE,
    AST_CONST_TRUE,
    AST_CONST_FALSE,
    AST_CONST_ELLIPSIS,
    AST_CONST_INT,
    AST_CONST_FLOAT,
    AST_CONST_COMPLEX, // an imaginary literal (1j); cs has no complex type
    AST_CONST_STR,
    AST_CONST_BYTES,
} AstConstKind;

// The value of a Constant. Ints keep their digits (the compiler makes small
// or big ints); strings are decoded UTF-8 and may hold NUL bytes.
typedef struct AstConstant {
    AstConstKind kind;
    union {
        struct {
            const char *digits; // no prefix, no underscores, NUL-ended
            int base;           // 2, 8, 10 or 16
        } i;
        double f; // FLOAT; the imaginary part for COMPLEX
        struct {
            const char *data; // NUL-ended as well
            size_t len;       // bytes, without the NUL
        } s;                  // STR (UTF-8) and BYTES
    } v;
} AstConstant;

// ---------------------------------------------------------------------------
// Nodes

typedef struct Mod Mod;
typedef struct Stmt Stmt;
typedef struct Expr Expr;
#define NODE_AUX(UPPER, Name, asdl, fields) typedef struct Name Name;
#include "parser/ast.def"

// Sequences are (len, items) pairs; items live in the arena.
typedef struct {
    int len;
    Stmt **items;
} StmtList;
typedef struct {
    int len;
    Expr **items;
} ExprList;
typedef struct {
    int len;
    const char **items;
} IdentList;
typedef struct {
    int len;
    AstCmpOp *items;
} CmpOpList;
typedef struct {
    int len;
    Comprehension **items;
} ComprehensionList;
typedef struct {
    int len;
    ExceptHandler **items;
} ExceptHandlerList;
typedef struct {
    int len;
    Arg **items;
} ArgList;
typedef struct {
    int len;
    Keyword **items;
} KeywordList;
typedef struct {
    int len;
    Alias **items;
} AliasList;
typedef struct {
    int len;
    WithItem **items;
} WithItemList;

// The C type of each field type of parser/ast.def.
#define AST_CTYPE_IDENT          const char *
#define AST_CTYPE_IDENT_OPT      const char *
#define AST_CTYPE_IDENTS         IdentList
#define AST_CTYPE_EXPR           Expr *
#define AST_CTYPE_EXPR_OPT       Expr *
#define AST_CTYPE_EXPRS          ExprList
#define AST_CTYPE_STMTS          StmtList
#define AST_CTYPE_INT            int
#define AST_CTYPE_OPERATOR       AstOperator
#define AST_CTYPE_UNARYOP        AstUnaryOp
#define AST_CTYPE_BOOLOP         AstBoolOp
#define AST_CTYPE_CMPOPS         CmpOpList
#define AST_CTYPE_CTX            AstContext
#define AST_CTYPE_CONSTANT       AstConstant
#define AST_CTYPE_STR_OPT        const char *
#define AST_CTYPE_ARGUMENTS      Arguments *
#define AST_CTYPE_ARG_OPT        Arg *
#define AST_CTYPE_ARGS           ArgList
#define AST_CTYPE_KEYWORDS       KeywordList
#define AST_CTYPE_ALIASES        AliasList
#define AST_CTYPE_WITHITEMS      WithItemList
#define AST_CTYPE_COMPREHENSIONS ComprehensionList
#define AST_CTYPE_HANDLERS       ExceptHandlerList

// The fields of each mod, stmt and expr kind: struct AstFunctionDefFields etc.
#define AST_F(TYPE, name) AST_CTYPE_##TYPE name;
#define NODE_MOD(UPPER, Name, fields)                                                              \
    struct Ast##Name##Fields {                                                                     \
        fields                                                                                     \
    };
#define NODE_STMT(UPPER, Name, fields)                                                             \
    struct Ast##Name##Fields {                                                                     \
        fields                                                                                     \
    };
#define NODE_EXPR(UPPER, Name, fields)                                                             \
    struct Ast##Name##Fields {                                                                     \
        fields                                                                                     \
    };
#include "parser/ast.def"

// Positions: 1-based lines, 0-based columns in UTF-8 bytes, end exclusive
// (CPython's lineno, col_offset, end_lineno, end_col_offset).
#define AST_POSITION_FIELDS                                                                        \
    int lineno;                                                                                    \
    int col_offset;                                                                                \
    int end_lineno;                                                                                \
    int end_col_offset;

// A module (PARSE_FILE), one REPL statement (PARSE_INTERACTIVE) or one
// expression (PARSE_EVAL). Positions are 0.
struct Mod {
    AstKind kind;
    AST_POSITION_FIELDS
    union {
#define NODE_MOD(UPPER, Name, fields) struct Ast##Name##Fields Name;
#include "parser/ast.def"
    } v;
};

struct Stmt {
    AstKind kind;
    AST_POSITION_FIELDS
    union {
#define NODE_STMT(UPPER, Name, fields) struct Ast##Name##Fields Name;
#include "parser/ast.def"
    } v;
};

struct Expr {
    AstKind kind;
    AST_POSITION_FIELDS
    union {
#define NODE_EXPR(UPPER, Name, fields) struct Ast##Name##Fields Name;
#include "parser/ast.def"
    } v;
};

// comprehension, ExceptHandler, arguments, arg, keyword, alias, withitem.
#define NODE_AUX(UPPER, Name, asdl, fields)                                                        \
    struct Name {                                                                                  \
        AstKind kind;                                                                              \
        AST_POSITION_FIELDS                                                                        \
        fields                                                                                     \
    };
#include "parser/ast.def"
#undef AST_F

// ---------------------------------------------------------------------------
// Construction and inspection

// A zeroed node of the given kind in the arena (kind set, no position).
Mod *ast_new_mod(Arena *a, AstKind kind);
Stmt *ast_new_stmt(Arena *a, AstKind kind);
Expr *ast_new_expr(Arena *a, AstKind kind);

// A zeroed auxiliary node (AST_COMPREHENSION ... AST_WITH_ITEM).
void *ast_new_aux(Arena *a, AstKind kind, size_t size);

// CPython's name of a node kind ("FunctionDef", "arg").
const char *ast_kind_name(AstKind kind);

// The names CPython's ast module uses ("Add", "NotIn", "Load") and the
// source spelling of operators ("+", "not in").
const char *ast_operator_name(AstOperator op);
const char *ast_operator_text(AstOperator op);
const char *ast_unaryop_name(AstUnaryOp op);
const char *ast_cmpop_name(AstCmpOp op);
const char *ast_cmpop_text(AstCmpOp op);
const char *ast_boolop_name(AstBoolOp op);
const char *ast_context_name(AstContext ctx);

enum {
    AST_DUMP_POSITIONS = 1, // add @line:col-endline:endcol after node names
};

// Prints any node (Mod, Stmt, Expr or auxiliary) as an s-expression: every
// field in CPython's order, lists in [], absent optionals as -, e.g.
// (Module [(Expr (BinOp (Name x Load) Add (Constant 1)))]). Returns a
// malloc'ed string the caller frees.
char *ast_dump(const void *node, int flags);

#endif
