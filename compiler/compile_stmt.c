// Code generation for statements, shaped after CPython 3.11's compiler:
// loops, if, try/except/else/finally, with and async with, return, break
// and continue unwinding through frame blocks, assignments, imports, assert.
// Protected ranges are opened and closed with assemble_setup/pop_block in
// the order the code is laid out, so each instruction knows its innermost
// handler; paths that leave a block early (return, break) pop handlers as
// they unwind and restore the stack afterwards.
#include <stdlib.h>
#include <string.h>

#include "compiler/compile.h"
#include "compiler/internal.h"
#include "compiler/symtable.h"
#include "vm/exc.h"
#include "vm/int.h"
#include "vm/state.h"
#include "vm/str.h"

#define COMPILE_MAX_DEPTH 4000

// ---------------------------------------------------------------------------
// Handlers and frame blocks

static int setup(Compiler *c, int label, int adjust) {
    return assemble_setup(&c->u->cb, label, adjust);
}

static void pop_block(Compiler *c) {
    assemble_pop_block(&c->u->cb);
}

typedef struct HandlerSave {
    int32_t *items;
    size_t n;
} HandlerSave;

static HandlerSave save_handlers(Compiler *c) {
    CodeBuilder *cb = &c->u->cb;
    HandlerSave s = {compile_xrealloc(NULL, (cb->nhstack + 1) * sizeof(int32_t)), cb->nhstack};
    if (cb->nhstack > 0) {
        memcpy(s.items, cb->hstack, cb->nhstack * sizeof(int32_t));
    }
    return s;
}

static void restore_handlers(Compiler *c, HandlerSave *s) {
    assemble_restore_handlers(&c->u->cb, s->items, s->n);
    free(s->items);
}

int compile_push_fblock(Compiler *c, CLoc loc, FBlock fb) {
    Unit *u = c->u;
    if (u->nfblocks >= COMPILE_MAX_FBLOCKS) {
        return compile_error(c, loc, "too many statically nested blocks");
    }
    u->fblocks[u->nfblocks++] = fb;
    return 0;
}

void compile_pop_fblock(Compiler *c) {
    c->u->nfblocks--;
}

static FBlock fblock(FBlockKind kind) {
    FBlock fb;
    memset(&fb, 0, sizeof fb);
    fb.kind = kind;
    fb.block = -1;
    fb.exit = -1;
    return fb;
}

// __exit__(None, None, None) for the with-statement's normal exit: the bound
// exit is below, called as method(self=None, None, None).
static int call_exit_with_nones(Compiler *c) {
    for (int i = 0; i < 3; i++) {
        if (compile_load_none(c) < 0) {
            return -1;
        }
    }
    compile_emit(c, OP_CALL, 2);
    return 0;
}

static int await_result(Compiler *c, uint32_t kind) {
    compile_emit(c, OP_GET_AWAITABLE, kind);
    if (compile_load_none(c) < 0) {
        return -1;
    }
    compile_yield_from_loop(c, true);
    return 0;
}

static void swap_if(Compiler *c, bool preserve_tos) {
    if (preserve_tos) {
        compile_emit(c, OP_SWAP, 2);
    }
}

static int unwind_handler_cleanup(Compiler *c, const FBlock *fb, bool preserve_tos) {
    if (fb->name) {
        pop_block(c);
    }
    swap_if(c, preserve_tos);
    pop_block(c);
    compile_emit(c, OP_POP_EXCEPT, 0);
    if (fb->name) {
        CLoc none = {c->u->cb.line, 0, c->u->cb.line, 0};
        if (compile_load_none(c) < 0 || compile_nameop(c, fb->name, CTX_STORE, none) < 0 ||
            compile_nameop(c, fb->name, CTX_DEL, none) < 0) {
            return -1;
        }
    }
    return 0;
}

static int unwind_finally_try(Compiler *c, const FBlock *fb, bool preserve_tos) {
    pop_block(c);
    if (preserve_tos &&
        compile_push_fblock(c, CLOC(fb->finalbody->items[0]), fblock(FB_POP_VALUE)) < 0) {
        return -1;
    }
    int line = c->u->cb.line;
    if (compile_stmts(c, fb->finalbody) < 0) {
        return -1;
    }
    c->u->cb.line = line;
    if (preserve_tos) {
        compile_pop_fblock(c);
    }
    return 0;
}

static int unwind_with(Compiler *c, const FBlock *fb, bool preserve_tos) {
    int line = c->u->cb.line;
    c->u->cb.line = fb->with_stmt->lineno;
    pop_block(c);
    swap_if(c, preserve_tos);
    if (call_exit_with_nones(c) < 0) {
        return -1;
    }
    if (fb->kind == FB_ASYNC_WITH && await_result(c, 2) < 0) {
        return -1;
    }
    compile_emit(c, OP_POP_TOP, 0);
    c->u->cb.line = line;
    return 0;
}

// Emits what leaving fb early requires (CPython's compiler_unwind_fblock).
static int unwind_fblock(Compiler *c, const FBlock *fb, bool preserve_tos) {
    switch (fb->kind) {
    case FB_WHILE_LOOP:
    case FB_EXCEPTION_HANDLER:
    case FB_ASYNC_COMPREHENSION:
        return 0;
    case FB_FOR_LOOP:
    case FB_POP_VALUE:
        swap_if(c, preserve_tos);
        compile_emit(c, OP_POP_TOP, 0);
        return 0;
    case FB_TRY_EXCEPT:
        pop_block(c);
        return 0;
    case FB_FINALLY_TRY:
        return unwind_finally_try(c, fb, preserve_tos);
    case FB_FINALLY_END:
        swap_if(c, preserve_tos);
        compile_emit(c, OP_POP_TOP, 0);
        swap_if(c, preserve_tos);
        pop_block(c);
        compile_emit(c, OP_POP_EXCEPT, 0);
        return 0;
    case FB_WITH:
    case FB_ASYNC_WITH:
        return unwind_with(c, fb, preserve_tos);
    case FB_HANDLER_CLEANUP:
        return unwind_handler_cleanup(c, fb, preserve_tos);
    }
    return 0;
}

// Unwinds every block up to the innermost loop (when loop is not NULL) or
// all of them; the block stack is restored afterwards.
static int unwind_fblock_stack(Compiler *c, bool preserve_tos, FBlock **loop) {
    Unit *u = c->u;
    if (u->nfblocks == 0) {
        return 0;
    }
    FBlock *top = &u->fblocks[u->nfblocks - 1];
    if (loop && (top->kind == FB_WHILE_LOOP || top->kind == FB_FOR_LOOP)) {
        *loop = top;
        return 0;
    }
    FBlock copy = *top;
    u->nfblocks--;
    int rc = unwind_fblock(c, &copy, preserve_tos);
    if (rc == 0) {
        rc = unwind_fblock_stack(c, preserve_tos, loop);
    }
    u->fblocks[u->nfblocks++] = copy;
    return rc;
}

// ---------------------------------------------------------------------------
// return, break, continue

static int compile_return(Compiler *c, const Stmt *s) {
    const Expr *v = s->v.Return.value;
    Scope *sc = c->u->scope;
    if (!compile_in_function(c)) {
        return compile_error(c, CLOC(s), "'return' outside function");
    }
    if (v && sc->is_coroutine && sc->is_generator) {
        return compile_error(c, CLOC(s), "'return' with value in async generator");
    }
    bool preserve_tos = v && v->kind != AST_CONSTANT;
    if (preserve_tos && compile_expr(c, v) < 0) {
        return -1;
    }
    HandlerSave hs = save_handlers(c);
    int rc = unwind_fblock_stack(c, preserve_tos, NULL);
    c->u->cb.line = s->lineno;
    if (rc == 0 && !preserve_tos) {
        rc = v ? compile_load_const(c, compile_constant(c, &v->v.Constant.value))
               : compile_load_none(c);
    }
    compile_emit(c, OP_RETURN_VALUE, 0);
    restore_handlers(c, &hs);
    return rc;
}

static int compile_break_continue(Compiler *c, const Stmt *s, bool is_break) {
    HandlerSave hs = save_handlers(c);
    FBlock *loop = NULL;
    int rc = unwind_fblock_stack(c, false, &loop);
    if (rc == 0 && loop == NULL) {
        rc = compile_error(c, CLOC(s),
                           is_break ? "'break' outside loop" : "'continue' not properly in loop");
    }
    if (rc == 0 && is_break) {
        rc = unwind_fblock(c, loop, false);
    }
    if (rc == 0) {
        c->u->cb.line = s->lineno;
        compile_jump(c, OP_JUMP, is_break ? loop->exit : loop->block);
    }
    restore_handlers(c, &hs);
    return rc;
}

// ---------------------------------------------------------------------------
// Loops and if

static int compile_for(Compiler *c, const Stmt *s) {
    ForParts f = compile_for_parts(s);
    int start = compile_label(c), cleanup = compile_label(c), end = compile_label(c);
    FBlock fb = fblock(FB_FOR_LOOP);
    fb.block = start;
    fb.exit = end;
    if (compile_push_fblock(c, CLOC(s), fb) < 0 || compile_expr(c, f.iter) < 0) {
        return -1;
    }
    compile_emit(c, OP_GET_ITER, 0);
    compile_bind(c, start);
    compile_jump(c, OP_FOR_ITER, cleanup);
    if (compile_store(c, f.target) < 0 || compile_stmts(c, &f.body) < 0) {
        return -1;
    }
    c->u->cb.line = s->lineno;
    compile_jump(c, OP_JUMP, start);
    compile_bind(c, cleanup);
    compile_pop_fblock(c);
    if (compile_stmts(c, &f.orelse) < 0) {
        return -1;
    }
    compile_bind(c, end);
    return 0;
}

static int compile_async_for(Compiler *c, const Stmt *s) {
    ForParts f = compile_for_parts(s);
    if (c->u->kind != UNIT_ASYNC_FUNCTION) {
        return compile_error(c, CLOC(s), "'async for' outside async function");
    }
    int start = compile_label(c), except = compile_label(c), end = compile_label(c);
    if (compile_expr(c, f.iter) < 0) {
        return -1;
    }
    compile_emit(c, OP_GET_AITER, 0);
    compile_bind(c, start);
    FBlock fb = fblock(FB_FOR_LOOP);
    fb.block = start;
    fb.exit = end;
    if (compile_push_fblock(c, CLOC(s), fb) < 0) {
        return -1;
    }
    setup(c, except, 0);
    compile_emit(c, OP_GET_ANEXT, 0);
    if (compile_load_none(c) < 0) {
        return -1;
    }
    compile_yield_from_loop(c, true);
    pop_block(c);
    if (compile_store(c, f.target) < 0 || compile_stmts(c, &f.body) < 0) {
        return -1;
    }
    c->u->cb.line = s->lineno;
    compile_jump(c, OP_JUMP, start);
    compile_pop_fblock(c);
    compile_bind(c, except);
    c->u->cb.line = f.iter->lineno;
    compile_emit(c, OP_END_ASYNC_FOR, 0);
    if (compile_stmts(c, &f.orelse) < 0) {
        return -1;
    }
    compile_bind(c, end);
    return 0;
}

static int compile_while(Compiler *c, const Stmt *s) {
    int loop = compile_label(c), body = compile_label(c), end = compile_label(c);
    int anchor = compile_label(c);
    compile_bind(c, loop);
    FBlock fb = fblock(FB_WHILE_LOOP);
    fb.block = loop;
    fb.exit = end;
    if (compile_push_fblock(c, CLOC(s), fb) < 0 ||
        compile_jump_if(c, s->v.While.test, anchor, false) < 0) {
        return -1;
    }
    compile_bind(c, body);
    if (compile_stmts(c, &s->v.While.body) < 0) {
        return -1;
    }
    c->u->cb.line = s->lineno;
    if (compile_jump_if(c, s->v.While.test, body, true) < 0) {
        return -1;
    }
    compile_pop_fblock(c);
    compile_bind(c, anchor);
    if (compile_stmts(c, &s->v.While.orelse) < 0) {
        return -1;
    }
    compile_bind(c, end);
    return 0;
}

static int compile_if(Compiler *c, const Stmt *s) {
    int end = compile_label(c);
    bool has_else = s->v.If.orelse.len > 0;
    int next = has_else ? compile_label(c) : end;
    if (compile_jump_if(c, s->v.If.test, next, false) < 0 || compile_stmts(c, &s->v.If.body) < 0) {
        return -1;
    }
    if (has_else) {
        compile_jump(c, OP_JUMP, end);
        compile_bind(c, next);
        if (compile_stmts(c, &s->v.If.orelse) < 0) {
            return -1;
        }
    }
    compile_bind(c, end);
    return 0;
}

// ---------------------------------------------------------------------------
// try

// The handler's handler: restore the previously handled exception, re-raise.
static void pop_except_and_reraise(Compiler *c) {
    compile_emit(c, OP_COPY, 2);
    compile_emit(c, OP_POP_EXCEPT, 0);
    compile_emit(c, OP_RERAISE, 0);
}

static int handler_store_none_del(Compiler *c, const char *name, CLoc loc) {
    if (compile_load_none(c) < 0 || compile_nameop(c, name, CTX_STORE, loc) < 0) {
        return -1;
    }
    return compile_nameop(c, name, CTX_DEL, loc);
}

// `except T as name:` body, run inside try/finally that clears name.
static int compile_named_handler(Compiler *c, const ExceptHandler *h, int end, int h_cleanup) {
    CLoc loc = CLOC(h);
    int cleanup_end = compile_label(c);
    if (compile_nameop(c, h->name, CTX_STORE, loc) < 0) {
        return -1;
    }
    setup(c, cleanup_end, 0);
    FBlock fb = fblock(FB_HANDLER_CLEANUP);
    fb.name = h->name;
    if (compile_push_fblock(c, loc, fb) < 0 || compile_stmts(c, &h->body) < 0) {
        return -1;
    }
    compile_pop_fblock(c);
    pop_block(c);
    pop_block(c);
    compile_emit(c, OP_POP_EXCEPT, 0);
    if (handler_store_none_del(c, h->name, loc) < 0) {
        return -1;
    }
    compile_jump(c, OP_JUMP, end);
    assemble_push_handler(&c->u->cb, h_cleanup);
    compile_bind(c, cleanup_end);
    if (handler_store_none_del(c, h->name, loc) < 0) {
        return -1;
    }
    compile_emit(c, OP_RERAISE, 0);
    return 0;
}

static int compile_plain_handler(Compiler *c, const ExceptHandler *h, int end, int h_cleanup) {
    compile_emit(c, OP_POP_TOP, 0);
    if (compile_push_fblock(c, CLOC(h), fblock(FB_HANDLER_CLEANUP)) < 0 ||
        compile_stmts(c, &h->body) < 0) {
        return -1;
    }
    compile_pop_fblock(c);
    pop_block(c);
    compile_emit(c, OP_POP_EXCEPT, 0);
    compile_jump(c, OP_JUMP, end);
    assemble_push_handler(&c->u->cb, h_cleanup);
    return 0;
}

static int compile_handlers(Compiler *c, const ExceptHandlerList *hl, int end, int h_cleanup) {
    for (int i = 0; i < hl->len; i++) {
        const ExceptHandler *h = hl->items[i];
        c->u->cb.line = h->lineno;
        if (h->type == NULL && i < hl->len - 1) {
            return compile_error(c, CLOC(h), "default 'except:' must be last");
        }
        int next = compile_label(c);
        if (h->type) {
            if (compile_expr(c, h->type) < 0) {
                return -1;
            }
            compile_emit(c, OP_CHECK_EXC_MATCH, 0);
            compile_jump(c, OP_POP_JUMP_IF_FALSE, next);
        }
        int rc = h->name ? compile_named_handler(c, h, end, h_cleanup)
                         : compile_plain_handler(c, h, end, h_cleanup);
        if (rc < 0) {
            return -1;
        }
        compile_bind(c, next);
    }
    return 0;
}

static int compile_try_except(Compiler *c, const Stmt *s) {
    const struct AstTryFields *t = &s->v.Try;
    int except = compile_label(c), end = compile_label(c), cleanup = compile_label(c);
    setup(c, except, 0);
    if (compile_push_fblock(c, CLOC(s), fblock(FB_TRY_EXCEPT)) < 0 ||
        compile_stmts(c, &t->body) < 0) {
        return -1;
    }
    compile_pop_fblock(c);
    pop_block(c);
    if (compile_stmts(c, &t->orelse) < 0) {
        return -1;
    }
    compile_jump(c, OP_JUMP, end);
    compile_bind(c, except);
    int h_cleanup = setup(c, cleanup, 0);
    compile_emit(c, OP_PUSH_EXC_INFO, 0);
    if (compile_push_fblock(c, CLOC(s), fblock(FB_EXCEPTION_HANDLER)) < 0 ||
        compile_handlers(c, &t->handlers, end, h_cleanup) < 0) {
        return -1;
    }
    compile_pop_fblock(c);
    compile_emit(c, OP_RERAISE, 0);
    pop_block(c);
    compile_bind(c, cleanup);
    pop_except_and_reraise(c);
    compile_bind(c, end);
    return 0;
}

static int compile_try_finally(Compiler *c, const Stmt *s) {
    const struct AstTryFields *t = &s->v.Try;
    int end = compile_label(c), exit = compile_label(c), cleanup = compile_label(c);
    setup(c, end, 0);
    FBlock fb = fblock(FB_FINALLY_TRY);
    fb.finalbody = &t->finalbody;
    if (compile_push_fblock(c, CLOC(s), fb) < 0) {
        return -1;
    }
    int rc = t->handlers.len > 0 ? compile_try_except(c, s) : compile_stmts(c, &t->body);
    if (rc < 0) {
        return -1;
    }
    pop_block(c);
    compile_pop_fblock(c);
    if (compile_stmts(c, &t->finalbody) < 0) {
        return -1;
    }
    compile_jump(c, OP_JUMP, exit);
    compile_bind(c, end);
    setup(c, cleanup, 0);
    compile_emit(c, OP_PUSH_EXC_INFO, 0);
    if (compile_push_fblock(c, CLOC(s), fblock(FB_FINALLY_END)) < 0 ||
        compile_stmts(c, &t->finalbody) < 0) {
        return -1;
    }
    compile_pop_fblock(c);
    compile_emit(c, OP_RERAISE, 0);
    pop_block(c);
    compile_bind(c, cleanup);
    pop_except_and_reraise(c);
    compile_bind(c, exit);
    return 0;
}

static int compile_try(Compiler *c, const Stmt *s) {
    if (s->v.Try.finalbody.len > 0) {
        return compile_try_finally(c, s);
    }
    return compile_try_except(c, s);
}

// ---------------------------------------------------------------------------
// with, async with

// After WITH_EXCEPT_START (and its await): suppress or re-raise.
static void with_except_finish(Compiler *c, int cleanup, int h_cleanup) {
    int suppress = compile_label(c);
    compile_jump(c, OP_POP_JUMP_IF_TRUE, suppress);
    compile_emit(c, OP_RERAISE, 0);
    pop_block(c);
    compile_bind(c, cleanup);
    pop_except_and_reraise(c);
    assemble_push_handler(&c->u->cb, h_cleanup);
    compile_bind(c, suppress);
    compile_emit(c, OP_POP_TOP, 0);
    pop_block(c);
    compile_emit(c, OP_POP_EXCEPT, 0);
    compile_emit(c, OP_POP_TOP, 0);
}

static int compile_with_items(Compiler *c, const Stmt *s, int pos, bool is_async);

static int with_body(Compiler *c, const Stmt *s, int pos, bool is_async) {
    const WithItemList *items = is_async ? &s->v.AsyncWith.items : &s->v.With.items;
    const StmtList *body = is_async ? &s->v.AsyncWith.body : &s->v.With.body;
    const WithItem *item = items->items[pos];
    if (item->optional_vars) {
        if (compile_store(c, item->optional_vars) < 0) {
            return -1;
        }
    } else {
        compile_emit(c, OP_POP_TOP, 0);
    }
    if (pos + 1 == items->len) {
        return compile_stmts(c, body);
    }
    return compile_with_items(c, s, pos + 1, is_async);
}

static int compile_with_items(Compiler *c, const Stmt *s, int pos, bool is_async) {
    const WithItemList *items = is_async ? &s->v.AsyncWith.items : &s->v.With.items;
    int final = compile_label(c), exit = compile_label(c), cleanup = compile_label(c);
    c->u->cb.line = s->lineno;
    if (compile_expr(c, items->items[pos]->context_expr) < 0) {
        return -1;
    }
    if (is_async) {
        compile_emit(c, OP_BEFORE_ASYNC_WITH, 0);
        if (await_result(c, 1) < 0) {
            return -1;
        }
    } else {
        compile_emit(c, OP_BEFORE_WITH, 0);
    }
    setup(c, final, -1);
    FBlock fb = fblock(is_async ? FB_ASYNC_WITH : FB_WITH);
    fb.with_stmt = s;
    if (compile_push_fblock(c, CLOC(s), fb) < 0 || with_body(c, s, pos, is_async) < 0) {
        return -1;
    }
    compile_pop_fblock(c);
    pop_block(c);
    c->u->cb.line = s->lineno;
    if (call_exit_with_nones(c) < 0 || (is_async && await_result(c, 2) < 0)) {
        return -1;
    }
    compile_emit(c, OP_POP_TOP, 0);
    compile_jump(c, OP_JUMP, exit);
    compile_bind(c, final);
    int h_cleanup = setup(c, cleanup, 0);
    compile_emit(c, OP_PUSH_EXC_INFO, 0);
    compile_emit(c, OP_WITH_EXCEPT_START, 0);
    if (is_async && await_result(c, 2) < 0) {
        return -1;
    }
    with_except_finish(c, cleanup, h_cleanup);
    compile_bind(c, exit);
    return 0;
}

static int compile_with(Compiler *c, const Stmt *s, bool is_async) {
    if (is_async && c->u->kind != UNIT_ASYNC_FUNCTION) {
        return compile_error(c, CLOC(s), "'async with' outside async function");
    }
    return compile_with_items(c, s, 0, is_async);
}

// ---------------------------------------------------------------------------
// Simple statements

static int compile_raise(Compiler *c, const Stmt *s) {
    uint32_t n = 0;
    if (s->v.Raise.exc) {
        if (compile_expr(c, s->v.Raise.exc) < 0) {
            return -1;
        }
        n++;
        if (s->v.Raise.cause) {
            if (compile_expr(c, s->v.Raise.cause) < 0) {
                return -1;
            }
            n++;
        }
    }
    compile_emit(c, OP_RAISE_VARARGS, n);
    return 0;
}

static int compile_assert(Compiler *c, const Stmt *s) {
    int end = compile_label(c);
    if (compile_jump_if(c, s->v.Assert.test, end, true) < 0) {
        return -1;
    }
    c->u->cb.line = s->lineno;
    compile_emit(c, OP_LOAD_ASSERTION_ERROR, 0);
    if (s->v.Assert.msg) {
        if (compile_expr(c, s->v.Assert.msg) < 0) {
            return -1;
        }
        compile_emit(c, OP_CALL, 0);
    }
    compile_emit(c, OP_RAISE_VARARGS, 1);
    compile_bind(c, end);
    return 0;
}

// The first component of a dotted name, kept in the symbol table's strings.
static const char *first_component(Compiler *c, const char *name) {
    const char *dot = strchr(name, '.');
    if (dot == NULL) {
        return name;
    }
    size_t n = (size_t)(dot - name);
    char *s = compile_xrealloc(NULL, n + 1);
    memcpy(s, name, n);
    s[n] = '\0';
    SymTable *st = c->st;
    compile_grow((void **)&st->owned, &st->cap_owned, sizeof(char *), st->nowned + 1);
    st->owned[st->nowned++] = s;
    return s;
}

// `import a.b.c as d`: walk the attributes, then bind.
static int import_as(Compiler *c, const char *name, const char *asname, CLoc loc) {
    const char *dot = strchr(name, '.');
    if (dot == NULL) {
        return compile_nameop(c, asname, CTX_STORE, loc);
    }
    while (dot) {
        const char *start = dot + 1;
        dot = strchr(start, '.');
        size_t n = dot ? (size_t)(dot - start) : strlen(start);
        char *attr = compile_xrealloc(NULL, n + 1);
        memcpy(attr, start, n);
        attr[n] = '\0';
        SymTable *st = c->st;
        compile_grow((void **)&st->owned, &st->cap_owned, sizeof(char *), st->nowned + 1);
        st->owned[st->nowned++] = attr;
        compile_emit(c, OP_IMPORT_FROM, (uint32_t)assemble_name(&c->u->cb, attr));
        if (dot) {
            compile_emit(c, OP_SWAP, 2);
            compile_emit(c, OP_POP_TOP, 0);
        }
    }
    if (compile_nameop(c, asname, CTX_STORE, loc) < 0) {
        return -1;
    }
    compile_emit(c, OP_POP_TOP, 0);
    return 0;
}

static int compile_import(Compiler *c, const Stmt *s) {
    const AliasList *names = &s->v.Import.names;
    for (int i = 0; i < names->len; i++) {
        const Alias *a = names->items[i];
        if (compile_load_const(c, small_int_val(0)) < 0 || compile_load_none(c) < 0) {
            return -1;
        }
        compile_emit_name(c, OP_IMPORT_NAME, a->name);
        int rc = a->asname ? import_as(c, a->name, a->asname, CLOC(a))
                           : compile_nameop(c, first_component(c, a->name), CTX_STORE, CLOC(a));
        if (rc < 0) {
            return -1;
        }
    }
    return 0;
}

static int compile_import_from(Compiler *c, const Stmt *s) {
    const struct AstImportFromFields *f = &s->v.ImportFrom;
    Value names = tuple_new(c->ts, (size_t)f->names.len);
    for (int i = 0; i < f->names.len; i++) {
        const char *n = f->names.items[i]->name;
        Value v = compile_str(c, n, strlen(n));
        if (v == CS_ERR) {
            return -1;
        }
        as_tuple(names)->items[i] = v;
    }
    if (compile_load_const(c, small_int_val(f->level)) < 0 || compile_load_const(c, names) < 0) {
        return -1;
    }
    compile_emit_name(c, OP_IMPORT_NAME, f->module ? f->module : "");
    for (int i = 0; i < f->names.len; i++) {
        const Alias *a = f->names.items[i];
        if (i == 0 && a->name[0] == '*') {
            compile_emit(c, OP_IMPORT_STAR, 0);
            return 0;
        }
        compile_emit_name(c, OP_IMPORT_FROM, a->name);
        if (compile_nameop(c, a->asname ? a->asname : a->name, CTX_STORE, CLOC(a)) < 0) {
            return -1;
        }
    }
    compile_emit(c, OP_POP_TOP, 0);
    return 0;
}

static int compile_delete(Compiler *c, const Expr *t) {
    c->u->cb.line = t->lineno;
    switch (t->kind) {
    case AST_NAME:
        return compile_nameop(c, t->v.Name.id, CTX_DEL, CLOC(t));
    case AST_ATTRIBUTE:
        if (compile_expr(c, t->v.Attribute.value) < 0) {
            return -1;
        }
        compile_emit_name(c, OP_DELETE_ATTR, t->v.Attribute.attr);
        return 0;
    case AST_SUBSCRIPT:
        if (compile_expr(c, t->v.Subscript.value) < 0 ||
            compile_expr(c, t->v.Subscript.slice) < 0) {
            return -1;
        }
        compile_emit(c, OP_DELETE_SUBSCR, 0);
        return 0;
    case AST_TUPLE:
    case AST_LIST: {
        const ExprList *elts = t->kind == AST_TUPLE ? &t->v.Tuple.elts : &t->v.List.elts;
        for (int i = 0; i < elts->len; i++) {
            if (compile_delete(c, elts->items[i]) < 0) {
                return -1;
            }
        }
        return 0;
    }
    default:
        return compile_error(c, CLOC(t), "cannot delete %s", ast_kind_name(t->kind));
    }
}

static int compile_assign(Compiler *c, const Stmt *s) {
    const ExprList *targets = &s->v.Assign.targets;
    if (compile_expr(c, s->v.Assign.value) < 0) {
        return -1;
    }
    for (int i = 0; i < targets->len; i++) {
        if (i < targets->len - 1) {
            compile_emit(c, OP_COPY, 1);
        }
        if (compile_store(c, targets->items[i]) < 0) {
            return -1;
        }
    }
    return 0;
}

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

static int compile_augassign(Compiler *c, const Stmt *s) {
    const Expr *t = s->v.AugAssign.target;
    switch (t->kind) {
    case AST_ATTRIBUTE:
        if (compile_expr(c, t->v.Attribute.value) < 0) {
            return -1;
        }
        compile_emit(c, OP_COPY, 1);
        compile_emit_name(c, OP_LOAD_ATTR, t->v.Attribute.attr);
        break;
    case AST_SUBSCRIPT:
        if (compile_expr(c, t->v.Subscript.value) < 0 ||
            compile_expr(c, t->v.Subscript.slice) < 0) {
            return -1;
        }
        compile_emit(c, OP_COPY, 2);
        compile_emit(c, OP_COPY, 2);
        compile_emit(c, OP_BINARY_SUBSCR, 0);
        break;
    case AST_NAME:
        if (compile_nameop(c, t->v.Name.id, CTX_LOAD, CLOC(t)) < 0) {
            return -1;
        }
        break;
    default:
        return compile_error(c, CLOC(t), "'%s' is an illegal expression for augmented assignment",
                             ast_kind_name(t->kind));
    }
    if (compile_expr(c, s->v.AugAssign.value) < 0) {
        return -1;
    }
    c->u->cb.line = s->lineno;
    compile_emit(c, OP_BINARY_OP, (uint32_t)(binop_of[s->v.AugAssign.op] | BINOP_INPLACE));
    switch (t->kind) {
    case AST_ATTRIBUTE:
        compile_emit(c, OP_SWAP, 2);
        compile_emit_name(c, OP_STORE_ATTR, t->v.Attribute.attr);
        return 0;
    case AST_SUBSCRIPT:
        compile_emit(c, OP_SWAP, 3);
        compile_emit(c, OP_SWAP, 2);
        compile_emit(c, OP_STORE_SUBSCR, 0);
        return 0;
    default:
        return compile_nameop(c, t->v.Name.id, CTX_STORE, CLOC(t));
    }
}

// Evaluates an expression for its side effects only (annotation checks).
static int eval_and_pop(Compiler *c, const Expr *e) {
    if (compile_expr(c, e) < 0) {
        return -1;
    }
    compile_emit(c, OP_POP_TOP, 0);
    return 0;
}

static bool annotations_stored(Compiler *c) {
    return c->u->kind == UNIT_MODULE || c->u->kind == UNIT_CLASS;
}

static int store_simple_annotation(Compiler *c, const Stmt *s) {
    const struct AstAnnAssignFields *a = &s->v.AnnAssign;
    int rc = c->future_annotations ? compile_load_const(c, compile_unparse(c, a->annotation))
                                   : compile_expr(c, a->annotation);
    if (rc < 0) {
        return -1;
    }
    compile_emit(c, OP_LOAD_NAME, (uint32_t)assemble_name(&c->u->cb, "__annotations__"));
    const char *mangled = symtable_mangle(c->st, c->u->private_name, a->target->v.Name.id);
    if (compile_load_const(c, compile_str(c, mangled, strlen(mangled))) < 0) {
        return -1;
    }
    compile_emit(c, OP_STORE_SUBSCR, 0);
    return 0;
}

static int compile_annassign(Compiler *c, const Stmt *s) {
    const struct AstAnnAssignFields *a = &s->v.AnnAssign;
    const Expr *t = a->target;
    if (a->value && (compile_expr(c, a->value) < 0 || compile_store(c, t) < 0)) {
        return -1;
    }
    c->u->cb.line = s->lineno;
    switch (t->kind) {
    case AST_NAME:
        if (strcmp(t->v.Name.id, "__debug__") == 0) {
            return compile_error(c, CLOC(t), "cannot assign to __debug__");
        }
        if (a->simple && annotations_stored(c) && store_simple_annotation(c, s) < 0) {
            return -1;
        }
        break;
    case AST_ATTRIBUTE:
        if (!a->value && eval_and_pop(c, t->v.Attribute.value) < 0) {
            return -1;
        }
        break;
    case AST_SUBSCRIPT:
        if (!a->value && (eval_and_pop(c, t->v.Subscript.value) < 0 ||
                          eval_and_pop(c, t->v.Subscript.slice) < 0)) {
            return -1;
        }
        break;
    default:
        return compile_error(c, CLOC(t), "invalid node type for annotated assignment");
    }
    if (!a->simple && annotations_stored(c) && !c->future_annotations) {
        return eval_and_pop(c, a->annotation);
    }
    return 0;
}

static int compile_expr_stmt(Compiler *c, const Stmt *s) {
    const Expr *v = s->v.Expr.value;
    if (c->mode == COMPILE_INTERACTIVE && c->u->kind == UNIT_MODULE) {
        if (compile_expr(c, v) < 0) {
            return -1;
        }
        compile_emit(c, OP_PRINT_EXPR, 0);
        return 0;
    }
    if (v->kind == AST_CONSTANT) {
        return 0;
    }
    if (compile_expr(c, v) < 0) {
        return -1;
    }
    compile_emit(c, OP_POP_TOP, 0);
    return 0;
}

// ---------------------------------------------------------------------------
// Dispatch

static int compile_stmt_inner(Compiler *c, const Stmt *s) {
    switch (s->kind) {
    case AST_FUNCTION_DEF:
    case AST_ASYNC_FUNCTION_DEF:
        return compile_function_def(c, s);
    case AST_CLASS_DEF:
        return compile_class_def(c, s);
    case AST_RETURN:
        return compile_return(c, s);
    case AST_DELETE:
        for (int i = 0; i < s->v.Delete.targets.len; i++) {
            if (compile_delete(c, s->v.Delete.targets.items[i]) < 0) {
                return -1;
            }
        }
        return 0;
    case AST_ASSIGN:
        return compile_assign(c, s);
    case AST_AUG_ASSIGN:
        return compile_augassign(c, s);
    case AST_ANN_ASSIGN:
        return compile_annassign(c, s);
    case AST_FOR:
        return compile_for(c, s);
    case AST_ASYNC_FOR:
        return compile_async_for(c, s);
    case AST_WHILE:
        return compile_while(c, s);
    case AST_IF:
        return compile_if(c, s);
    case AST_WITH:
        return compile_with(c, s, false);
    case AST_ASYNC_WITH:
        return compile_with(c, s, true);
    case AST_RAISE:
        return compile_raise(c, s);
    case AST_TRY:
        return compile_try(c, s);
    case AST_ASSERT:
        return compile_assert(c, s);
    case AST_IMPORT:
        return compile_import(c, s);
    case AST_IMPORT_FROM:
        return compile_import_from(c, s);
    case AST_EXPR:
        return compile_expr_stmt(c, s);
    case AST_BREAK:
        return compile_break_continue(c, s, true);
    case AST_CONTINUE:
        return compile_break_continue(c, s, false);
    default:
        return 0; // pass, global, nonlocal
    }
}

int compile_stmt(Compiler *c, const Stmt *s) {
    if (++c->depth > COMPILE_MAX_DEPTH) {
        exc_raise(c->ts, exc_RecursionError, "maximum recursion depth exceeded during compilation");
        return compile_raised(c);
    }
    c->u->cb.line = s->lineno;
    int rc = compile_stmt_inner(c, s);
    c->depth--;
    return rc;
}

int compile_stmts(Compiler *c, const StmtList *l) {
    for (int i = 0; i < l->len; i++) {
        if (compile_stmt(c, l->items[i]) < 0) {
            return -1;
        }
    }
    return 0;
}

static bool handlers_have_annotations(const ExceptHandlerList *hl) {
    for (int i = 0; i < hl->len; i++) {
        if (compile_find_annotations(&hl->items[i]->body)) {
            return true;
        }
    }
    return false;
}

static bool stmt_has_annotations(const Stmt *s) {
    switch (s->kind) {
    case AST_ANN_ASSIGN:
        return true;
    case AST_FOR:
    case AST_ASYNC_FOR: {
        ForParts f = compile_for_parts(s);
        return compile_find_annotations(&f.body) || compile_find_annotations(&f.orelse);
    }
    case AST_WHILE:
        return compile_find_annotations(&s->v.While.body) ||
               compile_find_annotations(&s->v.While.orelse);
    case AST_IF:
        return compile_find_annotations(&s->v.If.body) || compile_find_annotations(&s->v.If.orelse);
    case AST_WITH:
        return compile_find_annotations(&s->v.With.body);
    case AST_ASYNC_WITH:
        return compile_find_annotations(&s->v.AsyncWith.body);
    case AST_TRY:
        return compile_find_annotations(&s->v.Try.body) ||
               handlers_have_annotations(&s->v.Try.handlers) ||
               compile_find_annotations(&s->v.Try.orelse) ||
               compile_find_annotations(&s->v.Try.finalbody);
    default:
        return false;
    }
}

bool compile_find_annotations(const StmtList *l) {
    for (int i = 0; i < l->len; i++) {
        if (stmt_has_annotations(l->items[i])) {
            return true;
        }
    }
    return false;
}
