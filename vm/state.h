// The interpreter and its thread states.
//
// One Interp per process holds everything that is global to a running
// program: the heap, module table, builtins, interned strings, the GIL. There
// is no other mutable global state, so fork() and threads see exactly the
// Interp they should. Each OS thread that runs cs code has one ThreadState:
// its frame stack, pending exception, handled-exception stack and GC temps.
#ifndef CS_VM_STATE_H
#define CS_VM_STATE_H

#include <pthread.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

#include "vm/object.h"

typedef struct Frame Frame;
typedef struct ModuleObj ModuleObj;

// Bits of the eval-breaker word, polled at backward jumps and calls.
enum {
    BREAK_GIL_DROP = 1u << 0,  // another thread asks for the GIL
    BREAK_SIGNALS = 1u << 1,   // a signal handler is pending
    BREAK_PENDING = 1u << 2,   // pending calls from other threads
    BREAK_GC = 1u << 3,        // a collection was requested at a safe point
    BREAK_ASYNC_EXC = 1u << 4, // an exception was injected into this thread
    BREAK_FINALIZE = 1u << 5,  // death-watch callbacks are queued (vm/gc.h)
};

// A chunk of the per-thread stack on which frames (locals + value stack) live.
typedef struct StackChunk {
    struct StackChunk *prev;
    Value *top;   // first free slot
    Value *limit; // one past the end
    Value data[];
} StackChunk;

struct ThreadState {
    Interp *interp;
    ThreadState *next; // all thread states of the interpreter

    Frame *frame;      // innermost running frame (NULL outside cs code)
    StackChunk *stack; // frame memory
    int depth;         // cs frames + C re-entries, for RecursionError
    int recursion_headroom; // extra depth granted while handling RecursionError
    char *c_stack_limit;    // below this address the C stack is nearly full

    Value exc;     // the pending exception object, or CS_UNBOUND
    Value handled; // the exception being handled (sys.exc_info()), or CS_NONE;
                   // PUSH_EXC_INFO/POP_EXCEPT save and restore it on the value stack
    // A running generator handles exceptions at its own level (CPython's
    // exc_info stack): `handled` is the generator's, and this is the
    // innermost one handled below it, or CS_NONE. ts_handled() reads both.
    Value handled_outer;

    Value *temps; // GC temporary roots (see vm/gc.h)
    size_t ntemps;
    size_t cap_temps;

    pthread_t thread;
    unsigned long ident;  // threading.get_ident()
    Value thread_obj;     // the threading.Thread object, or CS_NONE
    Value async_exc;      // exception injected by another thread, or CS_UNBOUND
    Value running_loop;   // asyncio: the loop running in this thread, or CS_NONE
    void *gil_wait_state; // owned by vm/gil.c
    double gil_held_time; // statistics, seconds
    uint64_t gil_acquires;
};

struct Interp {
    ThreadState *threads;     // list of thread states
    ThreadState *main_thread; // the thread that created the interpreter
    pthread_mutex_t threads_lock;

    // Heap
    struct GcHeap *heap; // owned by vm/gc.c

    // Program-wide tables (all rooted)
    DictObj *modules;  // sys.modules
    DictObj *builtins; // the builtins module's dict
    ModuleObj *builtins_module;
    ModuleObj *sys_module;
    DictObj *interned; // interned strings: str -> str
    StrObj **names;    // vm/names.def, interned (vm/names.h STR_NAME)
    Value empty_tuple; // the () singleton
    Value *small_chars; // one-character ASCII strs, 128 entries (or NULL)
    Value sys_path;    // a list, shared with sys.path
    Value main_file;   // path of the main script (str) or CS_NONE

    // Attribute lookups along class MROs are cached per (type, name); the
    // whole cache is invalidated by bumping type_epoch (class attribute
    // changes, every collection).
    struct AttrCacheEntry *attr_cache;
    uint64_t type_epoch;

    int recursion_limit; // sys.getrecursionlimit()
    double switch_interval;
    atomic_uint eval_breaker;

    struct Gil *gil;            // owned by vm/gil.c
    // asyncio (stdlib/mod_asyncio.c): its exception classes (rooted once the
    // module is imported) and the counter behind the names "Task-<n>".
    Value asyncio_cancelled_error;
    Value asyncio_invalid_state_error;
    uint64_t asyncio_task_counter;
    char **argv;
    int argc;
    int exit_code_pending;
    int verbose;
};

// The thread state of the calling OS thread (thread-local), or NULL.
ThreadState *ts_current(void);

static inline int ts_has_exc(const ThreadState *ts) {
    return ts->exc != CS_UNBOUND;
}

// The exception being handled as sys.exc_info() sees it (the topmost level
// that has one), or CS_NONE.
static inline Value ts_handled(const ThreadState *ts) {
    return is_obj(ts->handled) ? ts->handled : is_obj(ts->handled_outer) ? ts->handled_outer : CS_NONE;
}

#endif
