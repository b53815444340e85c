// Interpreter and thread-state life cycle: start-up (readying the built-in
// types, the builtins and sys modules), the thread-local current thread
// state, the C-stack guard, and shutdown. The embedding API in
// include/cs.h is a thin layer over these.
#include "vm/interp.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "stdlib/mod_builtins.h"
#include "stdlib/mod_sys.h"
#include "vm/dict.h"
#include "vm/eval.h"
#include "vm/exc.h"
#include "vm/frame.h"
#include "vm/func.h"
#include "vm/gc.h"
#include "vm/import.h"
#include "vm/list.h"
#include "vm/names.h"
#include "vm/str.h"
#include "vm/typeobj.h"

#define TYPE(t) extern TypeObj t;
#include "vm/builtin_types.def"
#undef TYPE

static _Thread_local ThreadState *current_ts;

ThreadState *ts_current(void) {
    return current_ts;
}

void ts_set_current(ThreadState *ts) {
    current_ts = ts;
}

// Leaves 256 KiB of the C stack for C code below the guard.
void ts_init_stack_limit(ThreadState *ts, size_t stack_size) {
    char here;
    size_t margin = 256 * 1024;
    if (stack_size == 0) {
        struct rlimit rl;
        stack_size = 8u << 20;
        if (getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY &&
            rl.rlim_cur > margin * 2) {
            stack_size = (size_t)rl.rlim_cur;
        }
    }
    if (stack_size <= margin * 2) {
        stack_size = margin * 2 + 1;
    }
    // The address of a local marks (roughly) the top of this thread's stack.
    uintptr_t top = (uintptr_t)&here;
    ts->c_stack_limit = (char *)(top - (stack_size - margin));
}

ThreadState *ts_new(Interp *interp) {
    ThreadState *ts = calloc(1, sizeof *ts);
    if (!ts) {
        return NULL;
    }
    ts->interp = interp;
    ts->exc = CS_UNBOUND;
    ts->handled = CS_NONE;
    ts->handled_outer = CS_NONE;
    ts->thread_obj = CS_NONE;
    ts->async_exc = CS_UNBOUND;
    ts->running_loop = CS_NONE;
    pthread_mutex_lock(&interp->threads_lock);
    ts->next = interp->threads;
    interp->threads = ts;
    pthread_mutex_unlock(&interp->threads_lock);
    return ts;
}

void ts_delete(ThreadState *ts) {
    Interp *interp = ts->interp;
    pthread_mutex_lock(&interp->threads_lock);
    for (ThreadState **p = &interp->threads; *p; p = &(*p)->next) {
        if (*p == ts) {
            *p = ts->next;
            break;
        }
    }
    pthread_mutex_unlock(&interp->threads_lock);
    while (ts->stack) {
        StackChunk *c = ts->stack;
        ts->stack = c->prev;
        free(c);
    }
    free(ts->temps);
    free(ts);
}

int names_init(ThreadState *ts) {
    Interp *interp = ts->interp;
    interp->names = calloc(NAMEID_COUNT, sizeof(StrObj *));
    if (!interp->names) {
        return -1;
    }
    static const char *const texts[] = {
#define NAME(id, text) text,
#include "vm/names.def"
#undef NAME
    };
    for (size_t i = 0; i < NAMEID_COUNT; i++) {
        interp->names[i] = str_intern_name(ts, texts[i]);
        if (!interp->names[i]) {
            return -1;
        }
    }
    return 0;
}

static int ready_types(ThreadState *ts) {
#define TYPE(t)                                                                                    \
    if (type_ready(ts, &t) < 0) {                                                                  \
        return -1;                                                                                 \
    }
#include "vm/builtin_types.def"
#undef TYPE
    exc_init_syntax_type();
    return exc_init_types(ts);
}

static const MethodDef build_class_def = {"__build_class__", type_build_class, METH_KEYWORDS,
                                          NULL};
static const MethodDef import_def = {"__import__", import_builtin, METH_KEYWORDS, NULL};

// The names the builtins module offers besides its functions: types,
// exceptions and constants.
static int fill_builtins(ThreadState *ts, DictObj *b) {
    static const struct {
        const char *name;
        TypeObj *type;
    } types[] = {
        {"object", &type_object},       {"type", &type_type},
        {"int", &type_int},             {"bool", &type_bool},
        {"float", &type_float},         {"str", &type_str},
        {"bytes", &type_bytes},         {"bytearray", &type_bytearray},
        {"list", &type_list},           {"tuple", &type_tuple},
        {"dict", &type_dict},           {"set", &type_set},
        {"frozenset", &type_frozenset}, {"range", &type_range},
        {"slice", &type_slice},         {"property", &type_property},
        {"staticmethod", &type_staticmethod}, {"classmethod", &type_classmethod},
        {"super", &type_super},
    };
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
        if (dict_set_cstr(ts, b, types[i].name, obj_val(types[i].type)) < 0) {
            return -1;
        }
    }
    if (exc_add_builtins(ts, b) < 0) {
        return -1;
    }
    if (dict_set_cstr(ts, b, "None", CS_NONE) < 0 || dict_set_cstr(ts, b, "True", CS_TRUE) < 0 ||
        dict_set_cstr(ts, b, "False", CS_FALSE) < 0 ||
        dict_set_cstr(ts, b, "Ellipsis", CS_ELLIPSIS_VAL) < 0 ||
        dict_set_cstr(ts, b, "NotImplemented", CS_NOTIMPL_VAL) < 0 ||
        dict_set_cstr(ts, b, "__debug__", CS_TRUE) < 0) {
        return -1;
    }
    if (dict_set_cstr(ts, b, "__build_class__", cfunc_new(ts, &build_class_def, CS_NONE, CS_NONE)) <
            0 ||
        dict_set_cstr(ts, b, "__import__", cfunc_new(ts, &import_def, CS_NONE, CS_NONE)) < 0) {
        return -1;
    }
    return 0;
}

static int bootstrap(ThreadState *ts, int argc, char **argv) {
    Interp *interp = ts->interp;
    interp->interned = as_dict(dict_new(ts));
    interp->modules = as_dict(dict_new(ts));
    if (names_init(ts) < 0 || ready_types(ts) < 0) {
        return -1;
    }
    Value bm = builtins_module_init(ts);
    if (bm == CS_ERR) {
        return -1;
    }
    interp->builtins_module = (ModuleObj *)as_obj(bm);
    interp->builtins = interp->builtins_module->dict;
    if (fill_builtins(ts, interp->builtins) < 0) {
        return -1;
    }
    if (dict_set_cstr(ts, interp->modules, "builtins", bm) < 0) {
        return -1;
    }
    Value sm = sys_module_init(ts, argc, argv);
    if (sm == CS_ERR) {
        return -1;
    }
    interp->sys_module = (ModuleObj *)as_obj(sm);
    return dict_set_cstr(ts, interp->modules, "sys", sm);
}

Interp *interp_new(int argc, char **argv, ThreadState **ts_out) {
    Interp *interp = calloc(1, sizeof *interp);
    if (!interp) {
        return NULL;
    }
    pthread_mutex_init(&interp->threads_lock, NULL);
    interp->recursion_limit = 1000;
    interp->switch_interval = 0.005;
    interp->sys_path = CS_NONE;
    interp->main_file = CS_NONE;
    interp->asyncio_cancelled_error = CS_NONE;
    interp->asyncio_invalid_state_error = CS_NONE;
    interp->empty_tuple = CS_UNBOUND;
    interp->argc = argc;
    interp->argv = argv;
    ThreadState *ts = ts_new(interp);
    if (!ts) {
        free(interp);
        return NULL;
    }
    interp->main_thread = ts;
    ts->thread = pthread_self();
    ts->ident = (unsigned long)pthread_self();
    ts_set_current(ts);
    ts_init_stack_limit(ts, 0);
    gc_disable(interp);
    int r = bootstrap(ts, argc, argv);
    gc_enable(interp);
    gc_temp_reset(ts, 0);
    if (r < 0) {
        if (ts_has_exc(ts)) {
            exc_print(ts, ts->exc);
        }
        fputs("cs: fatal error: interpreter start-up failed\n", stderr);
        return NULL;
    }
    vm_install_sigint(interp);
    *ts_out = ts;
    return interp;
}

// Static types keep per-interpreter state (dict, MRO); forget it so another
// interpreter in this process readies them afresh.
static void reset_type(TypeObj *t) {
    t->flags &= ~(uint32_t)TYPE_READY;
    t->dict = NULL;
    t->mro = NULL;
    t->bases = NULL;
    t->name_str = NULL;
    t->qualname = NULL;
}

void interp_free(Interp *interp) {
    gc_free_all(interp);
#define TYPE(t) reset_type(&t);
#include "vm/builtin_types.def"
#undef TYPE
    exc_reset_types();
    while (interp->threads) {
        ts_delete(interp->threads);
    }
    free(interp->names);
    pthread_mutex_destroy(&interp->threads_lock);
    free(interp);
}
