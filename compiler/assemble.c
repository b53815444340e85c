// The assembler: collects the instructions of one code object with symbolic
// labels and handler ranges (compiler/internal.h), then builds the CodeObj —
// stack depth by flow analysis (vm/opcodes.def effects), unreachable code
// dropped, labels resolved to instruction indices, and the exception table
// made of non-overlapping ranges, each with its innermost handler.
#include "compiler/internal.h"

#include <gmp.h>
#include <stdlib.h>
#include <string.h>

#include "vm/bytes.h"
#include "vm/exc.h"
#include "vm/gc.h"
#include "vm/int.h"
#include "vm/state.h"
#include "vm/str.h"

// ---------------------------------------------------------------------------
// Index tables

uint64_t compile_hash_bytes(const void *p, size_t n) {
    const unsigned char *s = p;
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++) {
        h = (h ^ s[i]) * 1099511628211ull;
    }
    return h;
}

static void index_rehash(IndexTable *t) {
    size_t ncap = t->cap ? t->cap * 2 : 64;
    int32_t *slots = compile_xrealloc(NULL, ncap * sizeof *slots);
    uint64_t *hashes = compile_xrealloc(NULL, ncap * sizeof *hashes);
    memset(slots, 0, ncap * sizeof *slots);
    for (size_t i = 0; i < t->cap; i++) {
        if (t->slots[i] == 0) {
            continue;
        }
        size_t j = t->hashes[i] & (ncap - 1);
        while (slots[j] != 0) {
            j = (j + 1) & (ncap - 1);
        }
        slots[j] = t->slots[i];
        hashes[j] = t->hashes[i];
    }
    free(t->slots);
    free(t->hashes);
    t->slots = slots;
    t->hashes = hashes;
    t->cap = ncap;
}

int32_t assemble_index_find(IndexTable *t, uint64_t hash, IndexSameFn same, void *ctx) {
    if (t->cap == 0) {
        return -1;
    }
    for (size_t j = hash & (t->cap - 1); t->slots[j] != 0; j = (j + 1) & (t->cap - 1)) {
        if (t->hashes[j] == hash && same(ctx, t->slots[j] - 1)) {
            return t->slots[j] - 1;
        }
    }
    return -1;
}

void assemble_index_insert(IndexTable *t, uint64_t hash, int32_t index) {
    if ((t->count + 1) * 2 > t->cap) {
        index_rehash(t);
    }
    size_t j = hash & (t->cap - 1);
    while (t->slots[j] != 0) {
        j = (j + 1) & (t->cap - 1);
    }
    t->slots[j] = index + 1;
    t->hashes[j] = hash;
    t->count++;
}

void assemble_index_free(IndexTable *t) {
    free(t->slots);
    free(t->hashes);
    memset(t, 0, sizeof *t);
}

// ---------------------------------------------------------------------------
// Emitting

void assemble_init(ThreadState *ts, CodeBuilder *cb) {
    memset(cb, 0, sizeof *cb);
    cb->consts = list_new(ts, 0);
    cb->line = 1;
}

void assemble_free(CodeBuilder *cb) {
    free(cb->instrs);
    free(cb->labels);
    free(cb->handlers);
    free(cb->hstack);
    free(cb->names);
    assemble_index_free(&cb->const_index);
    assemble_index_free(&cb->name_index);
    memset(cb, 0, sizeof *cb);
}

static void push_instr(CodeBuilder *cb, uint32_t op, uint32_t arg) {
    compile_grow((void **)&cb->instrs, &cb->cap_instrs, sizeof(Instr), cb->ninstrs + 1);
    Instr *in = &cb->instrs[cb->ninstrs++];
    in->op = op;
    in->arg = arg;
    in->line = cb->line;
    in->handler = cb->nhstack ? cb->hstack[cb->nhstack - 1] : -1;
}

void assemble_emit(CodeBuilder *cb, int op, uint32_t arg) {
    push_instr(cb, (uint32_t)op, arg);
}

int assemble_new_label(CodeBuilder *cb) {
    compile_grow((void **)&cb->labels, &cb->cap_labels, sizeof(int32_t), cb->nlabels + 1);
    cb->labels[cb->nlabels] = -1;
    return (int)cb->nlabels++;
}

void assemble_bind(CodeBuilder *cb, int label) {
    cb->labels[label] = (int32_t)cb->ninstrs;
}

void assemble_push_handler(CodeBuilder *cb, int handler) {
    compile_grow((void **)&cb->hstack, &cb->cap_hstack, sizeof(int32_t), cb->nhstack + 1);
    cb->hstack[cb->nhstack++] = handler;
}

int assemble_setup(CodeBuilder *cb, int label, int adjust) {
    compile_grow((void **)&cb->handlers, &cb->cap_handlers, sizeof(Handler), cb->nhandlers + 1);
    int32_t h = (int32_t)cb->nhandlers++;
    cb->handlers[h] = (Handler){.label = label, .adjust = adjust, .depth = -1};
    push_instr(cb, PSEUDO_SETUP, (uint32_t)h);
    assemble_push_handler(cb, h);
    return h;
}

void assemble_pop_block(CodeBuilder *cb) {
    if (cb->nhstack > 0) {
        cb->nhstack--;
    }
}

size_t assemble_handler_depth(CodeBuilder *cb) {
    return cb->nhstack;
}

void assemble_restore_handlers(CodeBuilder *cb, const int32_t *saved, size_t n) {
    compile_grow((void **)&cb->hstack, &cb->cap_hstack, sizeof(int32_t), n + 1);
    if (n > 0) {
        memcpy(cb->hstack, saved, n * sizeof(int32_t));
    }
    cb->nhstack = n;
}

// ---------------------------------------------------------------------------
// Constants and names

bool assemble_const_same(Value a, Value b) {
    if (a == b) {
        return true;
    }
    if (!is_obj(a) || !is_obj(b) || type_of(a) != type_of(b)) {
        return false;
    }
    TypeObj *t = type_of(a);
    if (t == &type_str) {
        return str_equal(as_str(a), as_str(b));
    }
    if (t == &type_bytes) {
        BytesObj *x = as_bytes(a), *y = as_bytes(b);
        return x->len == y->len && memcmp(x->data, y->data, x->len) == 0;
    }
    if (t == &type_int) {
        return mpz_cmp(((BigIntObj *)as_obj(a))->z, ((BigIntObj *)as_obj(b))->z) == 0;
    }
    if (t == &type_tuple) {
        TupleObj *x = as_tuple(a), *y = as_tuple(b);
        if (x->len != y->len) {
            return false;
        }
        for (size_t i = 0; i < x->len; i++) {
            if (!assemble_const_same(x->items[i], y->items[i])) {
                return false;
            }
        }
        return true;
    }
    return false; // code objects and anything else: identity only
}

static uint64_t const_hash(Value v) {
    if (!is_obj(v)) {
        return v * 0x9E3779B97F4A7C15ull;
    }
    TypeObj *t = type_of(v);
    if (t == &type_str) {
        return compile_hash_bytes(as_str(v)->data, as_str(v)->len);
    }
    if (t == &type_bytes) {
        return compile_hash_bytes(as_bytes(v)->data, as_bytes(v)->len) ^ 1;
    }
    if (t == &type_int) {
        mpz_srcptr z = ((BigIntObj *)as_obj(v))->z;
        return (uint64_t)mpz_getlimbn(z, 0) ^ (uint64_t)mpz_size(z) ^ 2;
    }
    if (t == &type_tuple) {
        TupleObj *x = as_tuple(v);
        uint64_t h = 3 + x->len;
        for (size_t i = 0; i < x->len; i++) {
            h = h * 1000003ull ^ const_hash(x->items[i]);
        }
        return h;
    }
    return (uint64_t)(uintptr_t)as_obj(v) * 0x9E3779B97F4A7C15ull;
}

typedef struct ConstKey {
    CodeBuilder *cb;
    Value v;
} ConstKey;

static bool const_key_same(void *ctx, int32_t index) {
    ConstKey *k = ctx;
    return assemble_const_same(as_list(k->cb->consts)->items[index], k->v);
}

int assemble_const(ThreadState *ts, CodeBuilder *cb, Value v) {
    ConstKey key = {cb, v};
    uint64_t h = const_hash(v);
    int32_t i = assemble_index_find(&cb->const_index, h, const_key_same, &key);
    if (i >= 0) {
        return i;
    }
    ListObj *l = as_list(cb->consts);
    if (list_append(ts, l, v) < 0) {
        return -1;
    }
    i = (int32_t)(l->len - 1);
    assemble_index_insert(&cb->const_index, h, i);
    return i;
}

typedef struct NameKey {
    CodeBuilder *cb;
    const char *name;
} NameKey;

static bool name_key_same(void *ctx, int32_t index) {
    NameKey *k = ctx;
    return strcmp(k->cb->names[index], k->name) == 0;
}

int assemble_name(CodeBuilder *cb, const char *name) {
    NameKey key = {cb, name};
    uint64_t h = compile_hash_bytes(name, strlen(name));
    int32_t i = assemble_index_find(&cb->name_index, h, name_key_same, &key);
    if (i >= 0) {
        return i;
    }
    compile_grow((void **)&cb->names, &cb->cap_names, sizeof(char *), cb->nnames + 1);
    cb->names[cb->nnames] = name;
    i = (int32_t)cb->nnames++;
    assemble_index_insert(&cb->name_index, h, i);
    return i;
}

// ---------------------------------------------------------------------------
// Flow analysis: the stack depth before each reachable instruction

typedef struct Flow {
    CodeBuilder *cb;
    int32_t *depth; // per instruction, -1 = unreachable
    int32_t *work;
    size_t nwork;
    int maxdepth;
    bool bad;
} Flow;

static void flow_visit(Flow *f, int32_t pos, int depth) {
    if (pos < 0 || (size_t)pos >= f->cb->ninstrs || depth < 0) {
        f->bad = true;
        return;
    }
    if (depth > f->maxdepth) {
        f->maxdepth = depth;
    }
    if (f->depth[pos] == -1) {
        f->depth[pos] = depth;
        f->work[f->nwork++] = pos;
    } else if (f->depth[pos] != depth) {
        f->bad = true;
    }
}

static bool is_terminator(uint32_t op) {
    return op == OP_JUMP || op == OP_RETURN_VALUE || op == OP_RERAISE || op == OP_RAISE_VARARGS;
}

static void flow_step(Flow *f, int32_t pos) {
    Instr *in = &f->cb->instrs[pos];
    int d = f->depth[pos];
    if (in->op == PSEUDO_SETUP) {
        Handler *h = &f->cb->handlers[in->arg];
        h->depth = d + h->adjust;
        flow_visit(f, f->cb->labels[h->label], h->depth + 1);
        flow_visit(f, pos + 1, d);
        return;
    }
    if (opcode_flags[in->op] & OPF_JUMP) {
        int jd = d + opcode_stack_effect((int)in->op, in->arg, true);
        flow_visit(f, f->cb->labels[in->arg], jd);
    }
    if (!is_terminator(in->op)) {
        int nd = d + opcode_stack_effect((int)in->op, in->arg, false);
        if (nd > f->maxdepth) {
            f->maxdepth = nd;
        }
        if ((size_t)pos + 1 < f->cb->ninstrs) {
            flow_visit(f, pos + 1, nd);
        }
    }
}

static int flow_analyse(ThreadState *ts, Flow *f) {
    size_t n = f->cb->ninstrs;
    f->depth = compile_xrealloc(NULL, (n + 1) * sizeof(int32_t));
    f->work = compile_xrealloc(NULL, (n + 1) * sizeof(int32_t));
    for (size_t i = 0; i < n; i++) {
        f->depth[i] = -1;
    }
    f->nwork = 0;
    f->maxdepth = 0;
    f->bad = false;
    if (n > 0) {
        flow_visit(f, 0, 0);
    }
    while (f->nwork > 0 && !f->bad) {
        flow_step(f, f->work[--f->nwork]);
    }
    free(f->work);
    f->work = NULL;
    if (f->bad) {
        free(f->depth);
        f->depth = NULL;
        exc_raise(ts, exc_SystemError, "compiler: inconsistent stack depth");
        return -1;
    }
    return 0;
}

// ---------------------------------------------------------------------------
// Building the code object

typedef struct Layout {
    int32_t *newpos; // old position -> new index (size ninstrs + 1)
    uint32_t ncode;
} Layout;

static void layout_compute(CodeBuilder *cb, const int32_t *depth, Layout *lay) {
    lay->newpos = compile_xrealloc(NULL, (cb->ninstrs + 1) * sizeof(int32_t));
    uint32_t k = 0;
    for (size_t i = 0; i < cb->ninstrs; i++) {
        lay->newpos[i] = (int32_t)k;
        if (depth[i] >= 0 && cb->instrs[i].op != PSEUDO_SETUP) {
            k++;
        }
    }
    lay->newpos[cb->ninstrs] = (int32_t)k;
    lay->ncode = k;
}

static bool kept(CodeBuilder *cb, const int32_t *depth, size_t i) {
    return depth[i] >= 0 && cb->instrs[i].op != PSEUDO_SETUP;
}

static void fill_code(CodeBuilder *cb, const int32_t *depth, const Layout *lay, uint32_t *code,
                      int32_t *lines) {
    uint32_t k = 0;
    for (size_t i = 0; i < cb->ninstrs; i++) {
        if (!kept(cb, depth, i)) {
            continue;
        }
        Instr *in = &cb->instrs[i];
        uint32_t arg = in->arg;
        if (opcode_flags[in->op] & OPF_JUMP) {
            arg = (uint32_t)lay->newpos[cb->labels[arg]];
        }
        code[k] = INSTR(in->op, arg);
        lines[k] = in->line;
        k++;
    }
}

// The handler of kept instruction i as (target, depth), or false.
static bool handler_of(CodeBuilder *cb, const Layout *lay, size_t i, uint32_t *target,
                       uint32_t *hdepth) {
    int32_t h = cb->instrs[i].handler;
    if (h < 0 || cb->handlers[h].depth < 0) {
        return false;
    }
    *target = (uint32_t)lay->newpos[cb->labels[cb->handlers[h].label]];
    *hdepth = (uint32_t)cb->handlers[h].depth;
    return true;
}

static size_t count_exc_entries(CodeBuilder *cb, const int32_t *depth, const Layout *lay,
                                ExcTableEntry *out) {
    size_t n = 0;
    bool open = false;
    for (size_t i = 0; i < cb->ninstrs; i++) {
        if (!kept(cb, depth, i)) {
            continue;
        }
        uint32_t pos = (uint32_t)lay->newpos[i];
        uint32_t target, hd;
        if (!handler_of(cb, lay, i, &target, &hd)) {
            open = false;
            continue;
        }
        if (open && out[n - 1].target == target && out[n - 1].depth == hd &&
            out[n - 1].end == pos) {
            out[n - 1].end = pos + 1;
            continue;
        }
        out[n++] = (ExcTableEntry){.start = pos, .end = pos + 1, .target = target, .depth = hd};
        open = true;
    }
    return n;
}

static Value names_tuple(ThreadState *ts, const char **names, size_t n) {
    Value t = tuple_new(ts, n);
    for (size_t i = 0; i < n; i++) {
        Value s = str_intern_cstr(ts, names[i]);
        if (s == CS_ERR) {
            return CS_ERR;
        }
        as_tuple(t)->items[i] = s;
    }
    return t;
}

static int32_t *make_cell2arg(ThreadState *ts, const CodeInfo *info) {
    if (info->ncellvars == 0) {
        return NULL;
    }
    size_t nargs = (size_t)(info->argcount + info->kwonlyargcount);
    nargs += (info->flags & CO_VARARGS) ? 1 : 0;
    nargs += (info->flags & CO_VARKEYWORDS) ? 1 : 0;
    int32_t *c2a = gc_xmalloc(ts, info->ncellvars * sizeof(int32_t));
    bool any = false;
    for (size_t i = 0; c2a && i < info->ncellvars; i++) {
        c2a[i] = -1;
        for (size_t j = 0; j < nargs && j < info->nvarnames; j++) {
            if (strcmp(info->cellvars[i], info->varnames[j]) == 0) {
                c2a[i] = (int32_t)j;
                any = true;
                break;
            }
        }
    }
    if (c2a && !any) {
        gc_xfree(ts->interp, c2a, info->ncellvars * sizeof(int32_t));
        return NULL;
    }
    return c2a;
}

// The GC-visible parts, all made before the CodeObj itself so that the
// collector never sees a half-built code object.
typedef struct CodeParts {
    Value consts, names, varnames, cellvars, freevars, name, qualname, filename;
} CodeParts;

static int make_parts(ThreadState *ts, CodeBuilder *cb, const CodeInfo *info, CodeParts *p) {
    p->consts = list_as_tuple(ts, as_list(cb->consts));
    p->names = names_tuple(ts, cb->names, cb->nnames);
    p->varnames = names_tuple(ts, info->varnames, info->nvarnames);
    p->cellvars = names_tuple(ts, info->cellvars, info->ncellvars);
    p->freevars = names_tuple(ts, info->freevars, info->nfreevars);
    p->name = str_intern_cstr(ts, info->name);
    p->qualname = str_from_cstr(ts, info->qualname);
    p->filename = str_from_cstr(ts, info->filename ? info->filename : "<string>");
    if (p->consts == CS_ERR || p->names == CS_ERR || p->varnames == CS_ERR ||
        p->cellvars == CS_ERR || p->freevars == CS_ERR || p->name == CS_ERR ||
        p->qualname == CS_ERR || p->filename == CS_ERR) {
        return -1;
    }
    return 0;
}

static void fill_objects(CodeObj *co, const CodeParts *p) {
    co->consts = as_tuple(p->consts);
    co->names = as_tuple(p->names);
    co->varnames = as_tuple(p->varnames);
    co->cellvars = as_tuple(p->cellvars);
    co->freevars = as_tuple(p->freevars);
    co->name = as_str(p->name);
    co->qualname = as_str(p->qualname);
    co->filename = as_str(p->filename);
}

static void fill_scalars(CodeObj *co, const CodeInfo *info, int stacksize) {
    co->argcount = info->argcount;
    co->posonlyargcount = info->posonlyargcount;
    co->kwonlyargcount = info->kwonlyargcount;
    co->nlocals = (int)info->nvarnames;
    co->stacksize = stacksize;
    co->flags = info->flags;
    if (info->nfreevars == 0 && info->ncellvars == 0) {
        co->flags |= CO_NOFREE;
    }
    co->firstlineno = info->firstlineno;
}

static int fill_arrays(ThreadState *ts, CodeBuilder *cb, const Flow *f, const Layout *lay,
                       CodeObj *co, const CodeInfo *info) {
    uint32_t *code = gc_xmalloc(ts, lay->ncode * sizeof(uint32_t));
    int32_t *lines = gc_xmalloc(ts, lay->ncode * sizeof(int32_t));
    if (code == NULL || lines == NULL) {
        return -1;
    }
    fill_code(cb, f->depth, lay, code, lines);
    co->code = code;
    co->lines = lines;
    co->ncode = lay->ncode;
    ExcTableEntry *tmp = compile_xrealloc(NULL, (lay->ncode + 1) * sizeof(ExcTableEntry));
    size_t nexc = count_exc_entries(cb, f->depth, lay, tmp);
    if (nexc > 0) {
        co->exc_table = gc_xmalloc(ts, nexc * sizeof(ExcTableEntry));
        if (co->exc_table == NULL) {
            free(tmp);
            return -1;
        }
        memcpy(co->exc_table, tmp, nexc * sizeof(ExcTableEntry));
        co->nexc = (uint32_t)nexc;
    }
    free(tmp);
    co->cell2arg = make_cell2arg(ts, info);
    return (info->ncellvars > 0 && co->cell2arg == NULL && ts_has_exc(ts)) ? -1 : 0;
}

Value assemble_code(ThreadState *ts, CodeBuilder *cb, const CodeInfo *info) {
    Flow f = {.cb = cb};
    if (flow_analyse(ts, &f) < 0) {
        return CS_ERR;
    }
    Layout lay;
    layout_compute(cb, f.depth, &lay);
    CodeParts parts;
    int rc = make_parts(ts, cb, info, &parts);
    CodeObj *co = NULL;
    if (rc == 0) {
        co = gc_alloc(ts, &type_code, sizeof(CodeObj));
        fill_objects(co, &parts);
        fill_scalars(co, info, f.maxdepth);
        rc = fill_arrays(ts, cb, &f, &lay, co, info);
    }
    free(f.depth);
    free(lay.newpos);
    return rc < 0 ? CS_ERR : obj_val(co);
}
