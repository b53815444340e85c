// The gc module: collect() on demand, the enable/disable switch of
// automatic collection, thresholds kept for compatibility, and stats(), a
// cs-specific view of the collector's counters (vm/gc.h gc_stats).
#include <stdbool.h>

#include "stdlib/modules.h"
#include "vm/dict.h"
#include "vm/exc.h"
#include "vm/frame.h"
#include "vm/func.h"
#include "vm/gc.h"
#include "vm/int.h"
#include "vm/list.h"
#include "vm/opcodes.h"
#include "vm/state.h"
#include "vm/str.h"

// Per-interpreter state lives in the module's dict (there is one gc module
// per interpreter, and `self` of every function is that module), under names
// a program has no reason to touch.
#define KEY_DISABLED  "_cs_disabled"
#define KEY_THRESHOLD "_cs_threshold"
#define KEY_DEBUG     "_cs_debug"

static DictObj *gc_dict(Value self) {
    return ((ModuleObj *)as_obj(self))->dict;
}

static bool user_disabled(Value self) {
    Value v;
    return dict_get_cstr(gc_dict(self), KEY_DISABLED, &v) && v == CS_TRUE;
}

// The collector marks every slot of a frame (vm/gc.c), so values the
// calling frame popped earlier still sit above its stack top and keep their
// objects alive. A CALL instruction saved the exact top before calling us
// and reads nothing above it: clear those slots, so that what the program
// let go of (`del gen; gc.collect()`) is found dead, and finalized, now.
static void drop_stale_slots(ThreadState *ts) {
    Frame *f = ts->frame;
    if (!f || f->ip <= f->code->code) {
        return;
    }
    unsigned op = INSTR_OP(f->ip[-1]);
    if (op != OP_CALL && op != OP_CALL_FUNCTION_EX) {
        return;
    }
    for (Value *p = f->sp; p < f->slots + f->nslots; p++) {
        *p = CS_UNBOUND;
    }
}

static Value gc_collect_fn(ThreadState *ts, Value self, const Value *args, size_t nargs,
                           TupleObj *kwnames) {
    Value out[1];
    if (arg_parse(ts, "collect", args, nargs, kwnames, "|generation", out) < 0) {
        return CS_ERR;
    }
    if (out[0] != CS_UNBOUND) {
        Value iv = obj_index(ts, out[0]);
        int64_t g;
        if (iv == CS_ERR || int_as_i64(ts, iv, &g) < 0) {
            return CS_ERR;
        }
        if (g < 0 || g > 2) {
            return exc_raise(ts, exc_ValueError, "invalid generation");
        }
    }
    drop_stale_slots(ts);
    size_t freed = gc_collect(ts);
    // What the collection found dead with a death-watch callback reports now,
    // as CPython's finalizers run inside gc.collect().
    if (gc_run_reports(ts) > 0) {
        // As CPython's collect(): what was finalized and is still garbage
        // goes in the same call.
        drop_stale_slots(ts);
        freed += gc_collect(ts);
    }
    return int_from_u64(ts, (uint64_t)freed);
}

static Value gc_enable_fn(ThreadState *ts, Value self, const Value *args, size_t nargs,
                          TupleObj *kwnames) {
    if (arg_count(ts, "gc.enable", nargs, 0, 0) < 0) {
        return CS_ERR;
    }
    if (user_disabled(self)) {
        if (dict_set_cstr(ts, gc_dict(self), KEY_DISABLED, CS_FALSE) < 0) {
            return CS_ERR;
        }
        gc_enable(ts->interp);
    }
    return CS_NONE;
}

static Value gc_disable_fn(ThreadState *ts, Value self, const Value *args, size_t nargs,
                           TupleObj *kwnames) {
    if (arg_count(ts, "gc.disable", nargs, 0, 0) < 0) {
        return CS_ERR;
    }
    if (!user_disabled(self)) {
        if (dict_set_cstr(ts, gc_dict(self), KEY_DISABLED, CS_TRUE) < 0) {
            return CS_ERR;
        }
        gc_disable(ts->interp);
    }
    return CS_NONE;
}

static Value gc_isenabled_fn(ThreadState *ts, Value self, const Value *args, size_t nargs,
                             TupleObj *kwnames) {
    if (arg_count(ts, "gc.isenabled", nargs, 0, 0) < 0) {
        return CS_ERR;
    }
    return bool_val(!user_disabled(self));
}

// cs has one generation: the first count is the number of objects alive
// after the last collection that are still counted by the heap.
static Value gc_get_count_fn(ThreadState *ts, Value self, const Value *args, size_t nargs,
                             TupleObj *kwnames) {
    if (arg_count(ts, "gc.get_count", nargs, 0, 0) < 0) {
        return CS_ERR;
    }
    GcStats s = gc_stats(ts->interp);
    return tuple_pack(ts, 3, int_from_u64(ts, s.live_objects), small_int_val(0), small_int_val(0));
}

static Value gc_get_threshold_fn(ThreadState *ts, Value self, const Value *args, size_t nargs,
                                 TupleObj *kwnames) {
    if (arg_count(ts, "gc.get_threshold", nargs, 0, 0) < 0) {
        return CS_ERR;
    }
    Value v;
    if (dict_get_cstr(gc_dict(self), KEY_THRESHOLD, &v)) {
        return v;
    }
    return tuple_pack(ts, 3, small_int_val(700), small_int_val(10), small_int_val(10));
}

// Accepted and remembered; the cs collector sizes itself from the heap.
static Value gc_set_threshold_fn(ThreadState *ts, Value self, const Value *args, size_t nargs,
                                 TupleObj *kwnames) {
    if (nargs < 1 || nargs > 3) {
        return exc_raise(ts, exc_TypeError, "set_threshold() takes at %s %s argument%s (%zu given)",
                         nargs < 1 ? "least" : "most", nargs < 1 ? "1" : "3", nargs < 1 ? "" : "s",
                         nargs);
    }
    Value t[3] = {small_int_val(700), small_int_val(10), small_int_val(10)};
    Value old;
    if (dict_get_cstr(gc_dict(self), KEY_THRESHOLD, &old)) {
        for (int i = 0; i < 3; i++) {
            t[i] = as_tuple(old)->items[i];
        }
    }
    for (size_t i = 0; i < nargs; i++) {
        Value iv = obj_index(ts, args[i]);
        if (iv == CS_ERR) {
            return CS_ERR;
        }
        t[i] = iv;
    }
    if (dict_set_cstr(ts, gc_dict(self), KEY_THRESHOLD, tuple_from_array(ts, t, 3)) < 0) {
        return CS_ERR;
    }
    return CS_NONE;
}

static Value gc_get_debug_fn(ThreadState *ts, Value self, const Value *args, size_t nargs,
                             TupleObj *kwnames) {
    Value v;
    return dict_get_cstr(gc_dict(self), KEY_DEBUG, &v) ? v : small_int_val(0);
}

static Value gc_set_debug_fn(ThreadState *ts, Value self, const Value *args, size_t nargs,
                             TupleObj *kwnames) {
    if (arg_count(ts, "set_debug", nargs, 1, 1) < 0) {
        return CS_ERR;
    }
    Value iv = obj_index(ts, args[0]);
    if (iv == CS_ERR || dict_set_cstr(ts, gc_dict(self), KEY_DEBUG, iv) < 0) {
        return CS_ERR;
    }
    return CS_NONE;
}

// Heap objects are tracked; immediates (small ints, floats, None, bools)
// and static objects are not.
static Value gc_is_tracked_fn(ThreadState *ts, Value self, const Value *args, size_t nargs,
                              TupleObj *kwnames) {
    if (arg_count(ts, "gc.is_tracked", nargs, 1, 1) < 0) {
        return CS_ERR;
    }
    Value v = args[0];
    return bool_val(is_obj(v) && !(as_obj(v)->gc_flags & GC_PERMANENT));
}

static Value gc_noop_fn(ThreadState *ts, Value self, const Value *args, size_t nargs,
                        TupleObj *kwnames) {
    return CS_NONE;
}

static Value gc_zero_fn(ThreadState *ts, Value self, const Value *args, size_t nargs,
                        TupleObj *kwnames) {
    return small_int_val(0);
}

static int stat_item(ThreadState *ts, DictObj *d, const char *key, size_t n) {
    Value v = int_from_u64(ts, (uint64_t)n);
    return v == CS_ERR ? -1 : dict_set_cstr(ts, d, key, v);
}

// gc.stats(): {'collections', 'live_objects', 'live_bytes', 'total_allocated'}.
static Value gc_stats_fn(ThreadState *ts, Value self, const Value *args, size_t nargs,
                         TupleObj *kwnames) {
    if (arg_count(ts, "gc.stats", nargs, 0, 0) < 0) {
        return CS_ERR;
    }
    GcStats s = gc_stats(ts->interp);
    Value dv = dict_new(ts);
    DictObj *d = as_dict(dv);
    if (stat_item(ts, d, "collections", s.collections) < 0 ||
        stat_item(ts, d, "live_objects", s.live_objects) < 0 ||
        stat_item(ts, d, "live_bytes", s.live_bytes) < 0 ||
        stat_item(ts, d, "total_allocated", s.total_allocated) < 0) {
        return CS_ERR;
    }
    return dv;
}

// One entry per CPython generation; cs counts all its collections in the last.
static Value gc_get_stats_fn(ThreadState *ts, Value self, const Value *args, size_t nargs,
                             TupleObj *kwnames) {
    if (arg_count(ts, "gc.get_stats", nargs, 0, 0) < 0) {
        return CS_ERR;
    }
    GcStats s = gc_stats(ts->interp);
    Value list = list_new(ts, 3);
    for (size_t i = 0; i < 3; i++) {
        Value dv = dict_new(ts);
        as_list(list)->items[i] = dv;
        if (stat_item(ts, as_dict(dv), "collections", i == 2 ? s.collections : 0) < 0 ||
            stat_item(ts, as_dict(dv), "collected", 0) < 0 ||
            stat_item(ts, as_dict(dv), "uncollectable", 0) < 0) {
            return CS_ERR;
        }
    }
    return list;
}

static Value gc_false_fn(ThreadState *ts, Value self, const Value *args, size_t nargs,
                         TupleObj *kwnames) {
    return CS_FALSE;
}

static const MethodDef gc_methods[] = {
    {"collect", gc_collect_fn, METH_KEYWORDS, NULL},
    {"enable", gc_enable_fn, 0, NULL},
    {"disable", gc_disable_fn, 0, NULL},
    {"isenabled", gc_isenabled_fn, 0, NULL},
    {"get_count", gc_get_count_fn, 0, NULL},
    {"get_threshold", gc_get_threshold_fn, 0, NULL},
    {"set_threshold", gc_set_threshold_fn, 0, NULL},
    {"get_debug", gc_get_debug_fn, 0, NULL},
    {"set_debug", gc_set_debug_fn, 0, NULL},
    {"is_tracked", gc_is_tracked_fn, 0, NULL},
    {"freeze", gc_noop_fn, 0, NULL},
    {"unfreeze", gc_noop_fn, 0, NULL},
    {"get_freeze_count", gc_zero_fn, 0, NULL},
    {"stats", gc_stats_fn, 0, NULL},
    {"get_stats", gc_get_stats_fn, 0, NULL},
    {"is_finalized", gc_false_fn, 0, NULL},
    {NULL, NULL, 0, NULL},
};

Value gc_module_init(ThreadState *ts) {
    Value mv = module_new(ts, "gc");
    ModuleObj *m = (ModuleObj *)as_obj(mv);
    if (module_add_functions(ts, m, gc_methods) < 0 ||
        module_add_value(ts, m, "garbage", list_new(ts, 0)) < 0 ||
        module_add_value(ts, m, "callbacks", list_new(ts, 0)) < 0 ||
        module_add_int(ts, m, "DEBUG_STATS", 1) < 0 ||
        module_add_int(ts, m, "DEBUG_COLLECTABLE", 2) < 0 ||
        module_add_int(ts, m, "DEBUG_UNCOLLECTABLE", 4) < 0 ||
        module_add_int(ts, m, "DEBUG_SAVEALL", 32) < 0 ||
        module_add_int(ts, m, "DEBUG_LEAK", 38) < 0) {
        return CS_ERR;
    }
    return mv;
}
