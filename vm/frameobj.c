// Frame objects over generator frames (gi_frame and friends) and the locals
// snapshot of a function frame. A frame object only refers to the generator
// that owns the frame, so it can never outlive the memory it reads; once the
// generator finishes, its frame's slots are cleared (vm/gen.c gen_finish)
// and f_locals is empty, as in CPython.
#include "vm/frameobj.h"

#include "vm/dict.h"
#include "vm/exc.h"
#include "vm/gc.h"
#include "vm/gen.h"
#include "vm/str.h"
#include "vm/typeobj.h"

typedef struct FrameObj {
    Obj hdr;
    Value gen; // the GenObj owning the frame
} FrameObj;

static Frame *frame_of(Value self) {
    return ((GenObj *)as_obj(((FrameObj *)as_obj(self))->gen))->frame;
}

// ---------------------------------------------------------------------------
// Locals

static Value cell_contents(Value c) {
    if (is_obj(c) && as_obj(c)->type == &type_cell) {
        return ((CellObj *)as_obj(c))->value;
    }
    return CS_UNBOUND;
}

static int set_if_bound(ThreadState *ts, Value d, Value name, Value v) {
    return v == CS_UNBOUND ? 0 : dict_set(ts, as_dict(d), name, v);
}

// The cell an argument moved into (cell2arg), or -1.
static int arg_cell(CodeObj *co, int i) {
    for (size_t j = 0; co->cell2arg && j < co->cellvars->len; j++) {
        if (co->cell2arg[j] == i) {
            return (int)j;
        }
    }
    return -1;
}

Value frameobj_locals(ThreadState *ts, Frame *f) {
    CodeObj *co = f->code;
    Value d = dict_new(ts);
    Value *cells = f->slots + co->nlocals;
    size_t ncell = co->cellvars->len;
    for (int i = 0; i < co->nlocals; i++) {
        int c = arg_cell(co, i);
        // An argument moves into its cell when the body starts: a generator
        // that has not started yet still holds it in the plain slot.
        Value v = c >= 0 && is_obj(cells[c]) ? cell_contents(cells[c]) : f->slots[i];
        if (set_if_bound(ts, d, co->varnames->items[i], v) < 0) {
            return CS_ERR;
        }
    }
    for (size_t j = 0; j < ncell; j++) {
        if ((!co->cell2arg || co->cell2arg[j] < 0) &&
            set_if_bound(ts, d, co->cellvars->items[j], cell_contents(cells[j])) < 0) {
            return CS_ERR;
        }
    }
    for (size_t j = 0; j < co->freevars->len; j++) {
        if (set_if_bound(ts, d, co->freevars->items[j], cell_contents(cells[ncell + j])) < 0) {
            return CS_ERR;
        }
    }
    return d;
}

// ---------------------------------------------------------------------------
// The frame type

static void frameobj_trace(Obj *o, GcState *gc) {
    gc_mark_value(gc, ((FrameObj *)o)->gen);
}

Value frameobj_of_gen(ThreadState *ts, Value gen) {
    GenObj *g = (GenObj *)as_obj(gen);
    if (g->frame_obj == CS_NONE) {
        FrameObj *fo = gc_alloc(ts, &type_frame, sizeof(FrameObj));
        fo->gen = gen;
        g->frame_obj = obj_val(fo);
    }
    return g->frame_obj;
}

static Value frame_repr(ThreadState *ts, Value self) {
    Frame *f = frame_of(self);
    return str_format_c(ts, "<frame at %p, file '%U', line %d, code %U>", (void *)as_obj(self),
                        obj_val(f->code->filename), frame_lineno(f), obj_val(f->code->name));
}

static Value frame_get_code(ThreadState *ts, Value self) {
    return obj_val(frame_of(self)->code);
}

// A generator that has not started reports its def line, as CPython does.
static Value frame_get_lineno(ThreadState *ts, Value self) {
    GenObj *g = (GenObj *)as_obj(((FrameObj *)as_obj(self))->gen);
    if (g->state == GEN_CREATED) {
        return small_int_val(g->frame->code->firstlineno);
    }
    return small_int_val(frame_lineno(g->frame));
}

static Value frame_get_locals(ThreadState *ts, Value self) {
    Frame *f = frame_of(self);
    return f->locals != CS_UNBOUND ? f->locals : frameobj_locals(ts, f);
}

static Value frame_get_globals(ThreadState *ts, Value self) {
    return obj_val(frame_of(self)->globals);
}

static Value frame_get_builtins(ThreadState *ts, Value self) {
    return obj_val(frame_of(self)->builtins);
}

// A suspended generator frame has no caller. A running one is called from a
// frame that has an object only when it is a generator's frame too.
static Value frame_get_back(ThreadState *ts, Value self) {
    GenObj *g = (GenObj *)as_obj(((FrameObj *)as_obj(self))->gen);
    if (g->state != GEN_RUNNING || !g->frame->prev || !g->frame->prev->gen) {
        return CS_NONE;
    }
    return frameobj_of_gen(ts, obj_val(g->frame->prev->gen));
}

static Value frame_get_none(ThreadState *ts, Value self) {
    return CS_NONE;
}

static const GetSetDef frame_getsets[] = {
    {"f_code", frame_get_code, NULL},
    {"f_lineno", frame_get_lineno, NULL},
    {"f_locals", frame_get_locals, NULL},
    {"f_globals", frame_get_globals, NULL},
    {"f_builtins", frame_get_builtins, NULL},
    {"f_back", frame_get_back, NULL},
    {"f_trace", frame_get_none, NULL},
    {NULL, NULL, NULL},
};

TypeObj type_frame = {
    .hdr = OBJ_HEADER_INIT(&type_type),
    .name = "frame",
    .flags = TYPE_ABSTRACT_NEW,
    .basicsize = sizeof(FrameObj),
    .trace = frameobj_trace,
    .repr = frame_repr,
    .getsets = frame_getsets,
};
