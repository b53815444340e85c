// The native core of asyncio (module `_asyncio`): Future, Task, Handle and
// TimerHandle, and the event loop itself: a ready queue, a timer heap and
// epoll. stdlib/lib/asyncio/ builds the public API on these (gather, wait,
// locks, queues, streams ...), as CPython's asyncio package does on its C
// accelerator.
//
// How a task runs: create_task() queues a STEP item; a step sends None (or
// throws the pending exception) into the coroutine. The coroutine suspends
// by yielding a Future (await fut -> FutureIter yields it with the
// "blocking" flag set) or None (a bare yield: run again next iteration). The
// step registers the task as a callback of that future; completing the
// future queues a WAKEUP item which steps the task again with the future's
// outcome. Internal callbacks (task wake-ups, run_until_complete's stop) are
// plain queue items, so the hot path allocates no Handle nor bound method.
//
// The loop blocks only in epoll_wait, with the timeout up to the earliest
// timer; call_soon_threadsafe writes to an eventfd registered with the same
// epoll set, so another thread (once threads exist) can wake it.
#include <errno.h>
#include <math.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <time.h>
#include <unistd.h>

#include "stdlib/modules.h"
#include "vm/dict.h"
#include "vm/eval.h"
#include "vm/exc.h"
#include "vm/frame.h"
#include "vm/func.h"
#include "vm/gc.h"
#include "vm/gen.h"
#include "vm/import.h"
#include "vm/int.h"
#include "vm/list.h"
#include "vm/names.h"
#include "vm/state.h"
#include "vm/str.h"
#include "vm/typeobj.h"

extern TypeObj type_future, type_task, type_future_iter, type_handle, type_timer_handle,
    type_event_loop;

// ---------------------------------------------------------------------------
// Objects

typedef enum { FUT_PENDING, FUT_CANCELLED, FUT_FINISHED } FutState;

// A done callback. CB_CALL: fn(future). CB_WAKEUP: fn is a Task to wake.
// CB_STOP: fn is a loop to stop (run_until_complete).
typedef enum { CB_CALL, CB_WAKEUP, CB_STOP } CallbackKind;

typedef struct Callback {
    Value fn;
    uint8_t kind;
} Callback;

typedef struct FutureObj {
    Obj hdr;
    Value loop;
    Value result;
    Value exception;     // the exception set, or CS_NONE
    Value cancel_msg;    // the message given to cancel(), or CS_NONE
    Value cancelled_exc; // the CancelledError that cancelled a task, or CS_NONE
    Callback *cbs;       // malloc'd
    uint32_t ncbs, capcbs;
    uint8_t state;
    bool blocking;      // _asyncio_future_blocking
    bool log_traceback; // an exception nobody has retrieved yet
    bool watched;       // registered with gc_watch
} FutureObj;

typedef struct TaskObj {
    FutureObj fut;
    Value coro;
    Value name;       // a str, or CS_NONE for "Task-<number>" made on demand
    Value fut_waiter; // the future the task waits on, or CS_NONE
    uint64_t number;
    int num_cancels_requested;
    bool must_cancel;
    struct TaskObj *live_prev, *live_next; // the loop's unfinished tasks
    bool live;
} TaskObj;

typedef struct FutureIterObj {
    Obj hdr;
    Value fut;
    bool yielded;
} FutureIterObj;

typedef struct HandleObj {
    Obj hdr;
    Value callback;
    Value args; // tuple
    Value loop;
    double when;
    bool cancelled;
    bool scheduled; // timer: still in the loop's heap
} HandleObj;

// A ready-queue item. ITEM_HANDLE: a (Timer)Handle. ITEM_CALL: a(b).
// ITEM_STEP: step task a, throwing b unless it is CS_UNBOUND. ITEM_WAKEUP:
// wake task a with the outcome of future b. ITEM_STOP: stop loop a.
typedef enum { ITEM_HANDLE, ITEM_CALL, ITEM_STEP, ITEM_WAKEUP, ITEM_STOP } ItemKind;

typedef struct ReadyItem {
    Value a, b;
    uint8_t kind;
} ReadyItem;

typedef struct FdReg {
    Value reader; // Handle or CS_NONE
    Value writer;
} FdReg;

typedef struct LoopObj {
    Obj hdr;
    ReadyItem *ready; // a ring
    size_t rhead, rlen, rcap;
    Value *timers; // binary min-heap of TimerHandles by `when`
    size_t ntimers, tcap;
    size_t ncancelled; // cancelled timers still in the heap
    FdReg *fds;        // indexed by file descriptor
    size_t nfds;
    size_t nregistered; // descriptors with a reader or writer
    int epfd;
    int wakefd;
    bool running, stopping, closed, debug;
    Value current_task;
    Value exception_handler;
    TaskObj *live; // unfinished tasks (all_tasks)
} LoopObj;

static LoopObj *as_loop(Value v) {
    return (LoopObj *)as_obj(v);
}

static bool is_future(Value v) {
    return is_obj(v) && type_is_subtype(as_obj(v)->type, &type_future);
}

static bool is_task(Value v) {
    return is_obj(v) && type_is_subtype(as_obj(v)->type, &type_task);
}

static bool is_loop(Value v) {
    return is_obj(v) && type_is_subtype(as_obj(v)->type, &type_event_loop);
}

static TypeObj *cancelled_error(ThreadState *ts) {
    return (TypeObj *)as_obj(ts->interp->asyncio_cancelled_error);
}

static Value invalid_state(ThreadState *ts, const char *msg) {
    return exc_raise(ts, (TypeObj *)as_obj(ts->interp->asyncio_invalid_state_error), "%s", msg);
}

// Takes the pending exception, keeping it rooted (gc temps) for the caller.
static Value fetch_rooted(ThreadState *ts) {
    Value e = exc_fetch(ts);
    gc_temp_push(ts, e);
    return e;
}

static double monotonic(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

// ---------------------------------------------------------------------------
// The ready queue

static void ready_push(LoopObj *l, ItemKind kind, Value a, Value b) {
    if (l->rlen == l->rcap) {
        size_t ncap = l->rcap ? l->rcap * 2 : 256;
        ReadyItem *n = malloc(ncap * sizeof *n);
        if (!n) {
            fputs("cs: fatal error: out of memory\n", stderr);
            abort();
        }
        for (size_t i = 0; i < l->rlen; i++) {
            n[i] = l->ready[(l->rhead + i) % l->rcap];
        }
        free(l->ready);
        l->ready = n;
        l->rhead = 0;
        l->rcap = ncap;
    }
    l->ready[(l->rhead + l->rlen) % l->rcap] = (ReadyItem){a, b, (uint8_t)kind};
    l->rlen++;
}

static ReadyItem ready_pop(LoopObj *l) {
    ReadyItem it = l->ready[l->rhead];
    l->rhead = (l->rhead + 1) % l->rcap;
    l->rlen--;
    return it;
}

// ---------------------------------------------------------------------------
// The timer heap

static double timer_when(Value h) {
    return ((HandleObj *)as_obj(h))->when;
}

static void heap_up(Value *a, size_t i) {
    Value v = a[i];
    while (i > 0) {
        size_t p = (i - 1) / 2;
        if (timer_when(a[p]) <= timer_when(v)) {
            break;
        }
        a[i] = a[p];
        i = p;
    }
    a[i] = v;
}

static void heap_down(Value *a, size_t n, size_t i) {
    Value v = a[i];
    for (;;) {
        size_t c = 2 * i + 1;
        if (c >= n) {
            break;
        }
        if (c + 1 < n && timer_when(a[c + 1]) < timer_when(a[c])) {
            c++;
        }
        if (timer_when(v) <= timer_when(a[c])) {
            break;
        }
        a[i] = a[c];
        i = c;
    }
    a[i] = v;
}

static void timer_push(LoopObj *l, Value h) {
    if (l->ntimers == l->tcap) {
        size_t ncap = l->tcap ? l->tcap * 2 : 64;
        Value *n = realloc(l->timers, ncap * sizeof *n);
        if (!n) {
            fputs("cs: fatal error: out of memory\n", stderr);
            abort();
        }
        l->timers = n;
        l->tcap = ncap;
    }
    l->timers[l->ntimers++] = h;
    heap_up(l->timers, l->ntimers - 1);
}

static Value timer_pop(LoopObj *l) {
    Value top = l->timers[0];
    l->timers[0] = l->timers[--l->ntimers];
    if (l->ntimers > 0) {
        heap_down(l->timers, l->ntimers, 0);
    }
    ((HandleObj *)as_obj(top))->scheduled = false;
    return top;
}

// Drops cancelled timers: from the top always, from everywhere when they
// are more than half the heap (as CPython does).
static void timers_cleanup(LoopObj *l) {
    if (l->ncancelled > 64 && l->ncancelled * 2 > l->ntimers) {
        size_t keep = 0;
        for (size_t i = 0; i < l->ntimers; i++) {
            HandleObj *h = (HandleObj *)as_obj(l->timers[i]);
            if (h->cancelled) {
                h->scheduled = false;
            } else {
                l->timers[keep++] = l->timers[i];
            }
        }
        l->ntimers = keep;
        for (size_t i = keep / 2 + 1; i-- > 0;) {
            if (i < keep) {
                heap_down(l->timers, keep, i);
            }
        }
        l->ncancelled = 0;
    }
    while (l->ntimers > 0 && ((HandleObj *)as_obj(l->timers[0]))->cancelled) {
        timer_pop(l);
        l->ncancelled--;
    }
}

// ---------------------------------------------------------------------------
// Futures

static void future_trace(Obj *o, GcState *gc) {
    FutureObj *f = (FutureObj *)o;
    gc_mark_value(gc, f->loop);
    gc_mark_value(gc, f->result);
    gc_mark_value(gc, f->exception);
    gc_mark_value(gc, f->cancel_msg);
    gc_mark_value(gc, f->cancelled_exc);
    for (uint32_t i = 0; i < f->ncbs; i++) {
        gc_mark_value(gc, f->cbs[i].fn);
    }
}

static void future_finalize(Obj *o) {
    FutureObj *f = (FutureObj *)o;
    free(f->cbs);
    f->cbs = NULL;
    f->ncbs = f->capcbs = 0;
}

static void future_init_fields(FutureObj *f, Value loop) {
    f->loop = loop;
    f->result = CS_NONE;
    f->exception = CS_NONE;
    f->cancel_msg = CS_NONE;
    f->cancelled_exc = CS_NONE;
    f->state = FUT_PENDING;
}

static void add_callback(FutureObj *f, Value fn, CallbackKind kind) {
    if (f->ncbs == f->capcbs) {
        uint32_t ncap = f->capcbs ? f->capcbs * 2 : 2;
        Callback *n = realloc(f->cbs, ncap * sizeof *n);
        if (!n) {
            fputs("cs: fatal error: out of memory\n", stderr);
            abort();
        }
        f->cbs = n;
        f->capcbs = ncap;
    }
    f->cbs[f->ncbs++] = (Callback){fn, (uint8_t)kind};
}

static void queue_callback(LoopObj *l, Value fut, Callback cb) {
    switch (cb.kind) {
    case CB_WAKEUP:
        ready_push(l, ITEM_WAKEUP, cb.fn, fut);
        break;
    case CB_STOP:
        ready_push(l, ITEM_STOP, cb.fn, CS_NONE);
        break;
    default:
        ready_push(l, ITEM_CALL, cb.fn, fut);
        break;
    }
}

// Schedules every done callback (in the order added) and forgets them.
static int schedule_callbacks(ThreadState *ts, FutureObj *f) {
    if (f->ncbs == 0) {
        return 0;
    }
    Value fut = obj_val(f);
    if (is_loop(f->loop)) {
        LoopObj *l = as_loop(f->loop);
        for (uint32_t i = 0; i < f->ncbs; i++) {
            queue_callback(l, fut, f->cbs[i]);
        }
        f->ncbs = 0;
        return 0;
    }
    // A loop written in cs: its call_soon.
    uint32_t n = f->ncbs;
    Value cbs = list_new(ts, 0);
    for (uint32_t i = 0; i < n; i++) {
        if (list_append(ts, as_list(cbs), f->cbs[i].fn) < 0) {
            return -1;
        }
    }
    f->ncbs = 0;
    ListObj *cl = as_list(cbs);
    for (size_t i = 0; i < cl->len; i++) {
        Value args[2] = {cl->items[i], fut};
        Value m = obj_getattr_cstr(ts, f->loop, "call_soon");
        if (m == CS_ERR || obj_call(ts, m, args, 2, NULL) == CS_ERR) {
            return -1;
        }
    }
    return 0;
}

static void death_report(ThreadState *ts, Obj *o);

static Value future_set_result_raw(ThreadState *ts, FutureObj *f, Value result) {
    if (f->state != FUT_PENDING) {
        return invalid_state(ts, "invalid state");
    }
    f->result = result;
    f->state = FUT_FINISHED;
    return schedule_callbacks(ts, f) < 0 ? CS_ERR : CS_NONE;
}

static Value future_set_exception_raw(ThreadState *ts, FutureObj *f, Value exc) {
    if (f->state != FUT_PENDING) {
        return invalid_state(ts, "invalid state");
    }
    if (is_obj(exc) && as_obj(exc)->type == &type_type) {
        exc = obj_call0(ts, exc);
        if (exc == CS_ERR) {
            return CS_ERR;
        }
    }
    if (!exc_is_instance(exc, exc_BaseException)) {
        return exc_raise(ts, exc_TypeError, "invalid exception object");
    }
    if (type_of(exc) == exc_StopIteration) {
        return exc_raise(ts, exc_TypeError,
                         "StopIteration interacts badly with generators and cannot be raised "
                         "into a Future");
    }
    f->exception = exc;
    f->state = FUT_FINISHED;
    f->log_traceback = true;
    if (!f->watched) {
        f->watched = true;
        gc_watch(ts, &f->hdr, death_report);
    }
    return schedule_callbacks(ts, f) < 0 ? CS_ERR : CS_NONE;
}

static bool future_cancel_raw(ThreadState *ts, FutureObj *f, Value msg, int *err) {
    f->log_traceback = false;
    if (f->state != FUT_PENDING) {
        return false;
    }
    f->state = FUT_CANCELLED;
    f->cancel_msg = msg;
    *err = schedule_callbacks(ts, f);
    return true;
}

// The CancelledError to raise for a cancelled future (the one that
// cancelled a task, once; else a new one carrying the message).
static Value make_cancelled_error(ThreadState *ts, FutureObj *f) {
    if (f->cancelled_exc != CS_NONE) {
        Value e = f->cancelled_exc;
        f->cancelled_exc = CS_NONE;
        return e;
    }
    if (f->cancel_msg == CS_NONE) {
        return obj_call0(ts, ts->interp->asyncio_cancelled_error);
    }
    return obj_call1(ts, ts->interp->asyncio_cancelled_error, f->cancel_msg);
}

// result(): the value, or raises.
static Value future_get_result(ThreadState *ts, FutureObj *f) {
    if (f->state == FUT_CANCELLED) {
        Value e = make_cancelled_error(ts, f);
        return e == CS_ERR ? CS_ERR : exc_raise_value(ts, e);
    }
    if (f->state == FUT_PENDING) {
        return invalid_state(ts, "Result is not set.");
    }
    f->log_traceback = false;
    if (f->exception != CS_NONE) {
        return exc_raise_value(ts, f->exception);
    }
    return f->result;
}

static Value current_loop(ThreadState *ts) {
    if (ts->running_loop != CS_NONE) {
        return ts->running_loop;
    }
    Value mod = import_module(ts, "asyncio.events");
    if (mod == CS_ERR) {
        return CS_ERR;
    }
    Value fn = obj_getattr_cstr(ts, mod, "get_event_loop");
    return fn == CS_ERR ? CS_ERR : obj_call0(ts, fn);
}

static Value future_tp_new(ThreadState *ts, TypeObj *type, const Value *args, size_t nargs,
                           TupleObj *kwnames) {
    (void)args, (void)nargs, (void)kwnames;
    FutureObj *f = gc_alloc(ts, type, type->basicsize);
    future_init_fields(f, CS_NONE);
    return obj_val(f);
}

static int future_tp_init(ThreadState *ts, Value self, const Value *args, size_t nargs,
                          TupleObj *kwnames) {
    Value out[1];
    if (arg_parse(ts, "Future", args, nargs, kwnames, "$loop", out) < 0) {
        return -1;
    }
    Value loop = out[0] == CS_UNBOUND || out[0] == CS_NONE ? current_loop(ts) : out[0];
    if (loop == CS_ERR) {
        return -1;
    }
    future_init_fields((FutureObj *)as_obj(self), loop);
    return 0;
}

static FutureObj *fut_self(Value self) {
    return (FutureObj *)as_obj(self);
}

static Value future_result(ThreadState *ts, Value self, const Value *args, size_t nargs,
                           TupleObj *kwnames) {
    (void)args;
    if (arg_no_kw(ts, "result", kwnames) < 0 || arg_count(ts, "result", nargs, 0, 0) < 0) {
        return CS_ERR;
    }
    return future_get_result(ts, fut_self(self));
}

static Value future_exception(ThreadState *ts, Value self, const Value *args, size_t nargs,
                              TupleObj *kwnames) {
    (void)args;
    if (arg_no_kw(ts, "exception", kwnames) < 0 ||
        arg_count(ts, "exception", nargs, 0, 0) < 0) {
        return CS_ERR;
    }
    FutureObj *f = fut_self(self);
    if (f->state == FUT_CANCELLED) {
        Value e = make_cancelled_error(ts, f);
        return e == CS_ERR ? CS_ERR : exc_raise_value(ts, e);
    }
    if (f->state == FUT_PENDING) {
        return invalid_state(ts, "Exception is not set.");
    }
    f->log_traceback = false;
    return f->exception;
}

static Value future_set_result(ThreadState *ts, Value self, const Value *args, size_t nargs,
                               TupleObj *kwnames) {
    if (arg_no_kw(ts, "set_result", kwnames) < 0 ||
        arg_count(ts, "set_result", nargs, 1, 1) < 0) {
        return CS_ERR;
    }
    return future_set_result_raw(ts, fut_self(self), args[0]);
}

static Value future_set_exception(ThreadState *ts, Value self, const Value *args, size_t nargs,
                                  TupleObj *kwnames) {
    if (arg_no_kw(ts, "set_exception", kwnames) < 0 ||
        arg_count(ts, "set_exception", nargs, 1, 1) < 0) {
        return CS_ERR;
    }
    return future_set_exception_raw(ts, fut_self(self), args[0]);
}

static Value future_add_done_callback(ThreadState *ts, Value self, const Value *args,
                                      size_t nargs, TupleObj *kwnames) {
    Value out[2];
    if (arg_parse(ts, "add_done_callback", args, nargs, kwnames, "fn,/|$context", out) < 0) {
        return CS_ERR;
    }
    FutureObj *f = fut_self(self);
    if (f->state != FUT_PENDING) {
        if (is_loop(f->loop)) {
            ready_push(as_loop(f->loop), ITEM_CALL, out[0], self);
            return CS_NONE;
        }
        Value cargs[2] = {out[0], self};
        Value m = obj_getattr_cstr(ts, f->loop, "call_soon");
        return m == CS_ERR || obj_call(ts, m, cargs, 2, NULL) == CS_ERR ? CS_ERR : CS_NONE;
    }
    add_callback(f, out[0], CB_CALL);
    return CS_NONE;
}

static Value future_remove_done_callback(ThreadState *ts, Value self, const Value *args,
                                         size_t nargs, TupleObj *kwnames) {
    if (arg_no_kw(ts, "remove_done_callback", kwnames) < 0 ||
        arg_count(ts, "remove_done_callback", nargs, 1, 1) < 0) {
        return CS_ERR;
    }
    FutureObj *f = fut_self(self);
    uint32_t keep = 0, removed = 0;
    for (uint32_t i = 0; i < f->ncbs; i++) {
        Callback cb = f->cbs[i];
        int eq = 0;
        if (cb.kind == CB_CALL) {
            gc_temp_push(ts, cb.fn);
            eq = obj_eq(ts, cb.fn, args[0]);
            if (eq < 0) {
                return CS_ERR;
            }
        }
        if (eq) {
            removed++;
        } else if (i < f->ncbs) {
            f->cbs[keep++] = cb;
        }
    }
    f->ncbs = keep;
    return int_from_u64(ts, removed);
}

static Value future_cancel(ThreadState *ts, Value self, const Value *args, size_t nargs,
                           TupleObj *kwnames) {
    Value out[1];
    if (arg_parse(ts, "cancel", args, nargs, kwnames, "|msg", out) < 0) {
        return CS_ERR;
    }
    int err = 0;
    bool r = future_cancel_raw(ts, fut_self(self), out[0] == CS_UNBOUND ? CS_NONE : out[0], &err);
    return err < 0 ? CS_ERR : (r ? CS_TRUE : CS_FALSE);
}

static Value future_cancelled(ThreadState *ts, Value self, const Value *args, size_t nargs,
                              TupleObj *kwnames) {
    (void)ts, (void)args, (void)nargs, (void)kwnames;
    return fut_self(self)->state == FUT_CANCELLED ? CS_TRUE : CS_FALSE;
}

static Value future_done(ThreadState *ts, Value self, const Value *args, size_t nargs,
                         TupleObj *kwnames) {
    (void)ts, (void)args, (void)nargs, (void)kwnames;
    return fut_self(self)->state != FUT_PENDING ? CS_TRUE : CS_FALSE;
}

static Value future_get_loop(ThreadState *ts, Value self, const Value *args, size_t nargs,
                             TupleObj *kwnames) {
    (void)ts, (void)args, (void)nargs, (void)kwnames;
    return fut_self(self)->loop;
}

static Value future_await(ThreadState *ts, Value self) {
    FutureIterObj *it = gc_alloc(ts, &type_future_iter, sizeof(FutureIterObj));
    it->fut = self;
    return obj_val(it);
}

static Value future_await_method(ThreadState *ts, Value self, const Value *args, size_t nargs,
                                 TupleObj *kwnames) {
    (void)args, (void)nargs, (void)kwnames;
    return future_await(ts, self);
}

static Value future_make_cancelled_error(ThreadState *ts, Value self, const Value *args,
                                         size_t nargs, TupleObj *kwnames) {
    (void)args, (void)nargs, (void)kwnames;
    return make_cancelled_error(ts, fut_self(self));
}

static Value future_get_cancel_message(ThreadState *ts, Value self) {
    (void)ts;
    return fut_self(self)->cancel_msg;
}

static int future_set_cancel_message(ThreadState *ts, Value self, Value v) {
    (void)ts;
    fut_self(self)->cancel_msg = v == CS_UNBOUND ? CS_NONE : v;
    return 0;
}

static Value future_get_blocking(ThreadState *ts, Value self) {
    (void)ts;
    return fut_self(self)->blocking ? CS_TRUE : CS_FALSE;
}

static int future_set_blocking(ThreadState *ts, Value self, Value v) {
    int t = obj_truthy(ts, v);
    if (t < 0) {
        return -1;
    }
    fut_self(self)->blocking = t;
    return 0;
}

static Value future_get_log_traceback(ThreadState *ts, Value self) {
    (void)ts;
    return fut_self(self)->log_traceback ? CS_TRUE : CS_FALSE;
}

static int future_set_log_traceback(ThreadState *ts, Value self, Value v) {
    int t = obj_truthy(ts, v);
    if (t < 0) {
        return -1;
    }
    if (t) {
        return exc_raise_int(ts, exc_ValueError, "_log_traceback can only be set to False");
    }
    fut_self(self)->log_traceback = false;
    return 0;
}

static Value future_get_state(ThreadState *ts, Value self) {
    static const char *const names[] = {"PENDING", "CANCELLED", "FINISHED"};
    return str_from_cstr(ts, names[fut_self(self)->state]);
}

static Value future_get_loop_attr(ThreadState *ts, Value self) {
    (void)ts;
    return fut_self(self)->loop;
}

static Value future_get_result_attr(ThreadState *ts, Value self) {
    (void)ts;
    return fut_self(self)->result;
}

static Value future_get_exception_attr(ThreadState *ts, Value self) {
    (void)ts;
    return fut_self(self)->exception;
}

static Value future_get_callbacks(ThreadState *ts, Value self) {
    FutureObj *f = fut_self(self);
    Value l = list_new(ts, 0);
    for (uint32_t i = 0; i < f->ncbs; i++) {
        if (f->cbs[i].kind == CB_CALL && list_append(ts, as_list(l), f->cbs[i].fn) < 0) {
            return CS_ERR;
        }
    }
    return l;
}

// ---------------------------------------------------------------------------
// repr of futures and tasks (asyncio.base_futures / base_tasks formats)

// "f() at file:line" for a function callback, as format_helpers does.
static int format_callback(ThreadState *ts, StrBuf *b, Callback cb) {
    if (cb.kind == CB_WAKEUP) {
        str_buf_append_cstr(b, "Task.task_wakeup()");
        return 0;
    }
    if (cb.kind == CB_STOP) {
        str_buf_append_cstr(b, "_run_until_complete_cb()");
        return 0;
    }
    Value fn = cb.fn;
    Value target = fn;
    if (is_type_exact(fn, &type_method)) {
        target = ((MethodObj *)as_obj(fn))->func;
    }
    if (is_type_exact(target, &type_function)) {
        FuncObj *f = (FuncObj *)as_obj(target);
        Value s = str_format_c(ts, "%U() at %U:%d", obj_val(f->qualname), obj_val(f->code->filename),
                               f->code->firstlineno);
        if (s == CS_ERR) {
            return -1;
        }
        str_buf_append_str(ts, b, s);
        return 0;
    }
    Value r = obj_repr(ts, fn);
    if (r == CS_ERR) {
        return -1;
    }
    str_buf_append_str(ts, b, r);
    str_buf_append_cstr(b, "()");
    return 0;
}

static int format_callbacks(ThreadState *ts, StrBuf *b, FutureObj *f) {
    if (f->ncbs == 0) {
        return 0;
    }
    str_buf_append_cstr(b, " cb=[");
    uint32_t n = f->ncbs;
    for (uint32_t i = 0; i < n; i++) {
        if (n > 2 && i == 1) {
            Value s = str_format_c(ts, "<%d more>, ", (int)(n - 2));
            if (s == CS_ERR) {
                return -1;
            }
            str_buf_append_str(ts, b, s);
            i = n - 2;
            continue;
        }
        if (format_callback(ts, b, f->cbs[i]) < 0) {
            return -1;
        }
        if (i + 1 < n) {
            str_buf_append_cstr(b, ", ");
        }
    }
    str_buf_append_cstr(b, "]");
    return 0;
}

static int format_outcome(ThreadState *ts, StrBuf *b, FutureObj *f) {
    if (f->state != FUT_FINISHED) {
        return 0;
    }
    Value r = obj_repr(ts, f->exception != CS_NONE ? f->exception : f->result);
    if (r == CS_ERR) {
        return -1;
    }
    StrObj *rs = as_str(r);
    str_buf_append_cstr(b, f->exception != CS_NONE ? " exception=" : " result=");
    if (f->exception == CS_NONE && rs->len > 160) {
        // reprlib.repr's cut: the first 78 and the last 78 characters.
        str_buf_append(b, rs->data, 78);
        str_buf_append_cstr(b, "...");
        str_buf_append(b, rs->data + rs->len - 78, 78);
    } else {
        str_buf_append_str(ts, b, r);
    }
    return 0;
}

static const char *state_word(FutureObj *f) {
    return f->state == FUT_PENDING ? "pending" : f->state == FUT_CANCELLED ? "cancelled" : "finished";
}

static Value future_repr(ThreadState *ts, Value self) {
    FutureObj *f = fut_self(self);
    StrBuf b;
    str_buf_init(&b);
    str_buf_append_cstr(&b, "<");
    str_buf_append_cstr(&b, type_of(self)->name);
    str_buf_append_cstr(&b, " ");
    str_buf_append_cstr(&b, state_word(f));
    if (format_outcome(ts, &b, f) < 0 || format_callbacks(ts, &b, f) < 0) {
        str_buf_free(&b);
        return CS_ERR;
    }
    str_buf_append_cstr(&b, ">");
    return str_buf_finish(ts, &b);
}

static Value task_get_name_value(ThreadState *ts, TaskObj *t) {
    if (t->name == CS_NONE) {
        Value s = str_format_c(ts, "Task-%ld", (long)t->number);
        if (s == CS_ERR) {
            return CS_ERR;
        }
        t->name = s;
    }
    return t->name;
}

// "main() running at file:line" / "main() done, defined at file:line".
static Value format_coro(ThreadState *ts, Value coro) {
    if (!gen_is_generator_like(coro)) {
        return obj_repr(ts, coro);
    }
    GenObj *g = (GenObj *)as_obj(coro);
    CodeObj *co = g->frame->code;
    if (g->state != GEN_CLOSED) {
        int line = g->state == GEN_CREATED ? co->firstlineno : frame_lineno(g->frame);
        return str_format_c(ts, "%U() running at %U:%d", obj_val(g->qualname),
                            obj_val(co->filename), line);
    }
    return str_format_c(ts, "%U() done, defined at %U:%d", obj_val(g->qualname),
                        obj_val(co->filename), co->firstlineno);
}

static Value task_repr(ThreadState *ts, Value self) {
    TaskObj *t = (TaskObj *)as_obj(self);
    FutureObj *f = &t->fut;
    StrBuf b;
    str_buf_init(&b);
    Value name = task_get_name_value(ts, t);
    Value name_r = name == CS_ERR ? CS_ERR : obj_repr(ts, name);
    Value coro_r = name_r == CS_ERR ? CS_ERR : format_coro(ts, t->coro);
    if (coro_r == CS_ERR) {
        return CS_ERR;
    }
    str_buf_append_cstr(&b, "<");
    str_buf_append_cstr(&b, type_of(self)->name);
    str_buf_append_cstr(&b, " ");
    str_buf_append_cstr(&b, f->state == FUT_PENDING && t->must_cancel ? "cancelling"
                                                                        : state_word(f));
    str_buf_append_cstr(&b, " name=");
    str_buf_append_str(ts, &b, name_r);
    str_buf_append_cstr(&b, " coro=<");
    str_buf_append_str(ts, &b, coro_r);
    str_buf_append_cstr(&b, ">");
    if (format_outcome(ts, &b, f) < 0 || format_callbacks(ts, &b, f) < 0) {
        str_buf_free(&b);
        return CS_ERR;
    }
    if (t->fut_waiter != CS_NONE) {
        Value w = obj_repr(ts, t->fut_waiter);
        if (w == CS_ERR) {
            str_buf_free(&b);
            return CS_ERR;
        }
        str_buf_append_cstr(&b, " wait_for=");
        str_buf_append_str(ts, &b, w);
    }
    str_buf_append_cstr(&b, ">");
    return str_buf_finish(ts, &b);
}

// ---------------------------------------------------------------------------
// "exception was never retrieved" and the loop's exception handler

static Value make_context(ThreadState *ts, const char *message, Value exc, const char *key,
                          Value obj) {
    Value d = dict_new(ts);
    Value msg = str_from_cstr(ts, message);
    if (dict_set_cstr(ts, as_dict(d), "message", msg) < 0) {
        return CS_ERR;
    }
    if (exc != CS_UNBOUND && dict_set_cstr(ts, as_dict(d), "exception", exc) < 0) {
        return CS_ERR;
    }
    if (key && dict_set_cstr(ts, as_dict(d), key, obj) < 0) {
        return CS_ERR;
    }
    return d;
}

// loop.call_exception_handler(context); if the loop has none (or it fails),
// the message and the exception go to stderr.
static void call_exception_handler(ThreadState *ts, Value loop, Value context) {
    Value m = is_obj(loop) ? obj_lookup_attr(ts, loop, as_str(str_intern_cstr(ts, "call_exception_handler")))
                           : CS_UNBOUND;
    if (m != CS_UNBOUND && m != CS_ERR && obj_call1(ts, m, context) != CS_ERR) {
        return;
    }
    if (ts_has_exc(ts)) {
        exc_print(ts, fetch_rooted(ts));
    }
    Value msg;
    if (dict_get_cstr(as_dict(context), "message", &msg) && str_check(msg)) {
        fflush(stdout);
        fprintf(stderr, "%s\n", as_str(msg)->data);
    }
    Value exc;
    if (dict_get_cstr(as_dict(context), "exception", &exc)) {
        exc_print(ts, exc);
    }
}

static void death_report(ThreadState *ts, Obj *o) {
    FutureObj *f = (FutureObj *)o;
    if (!f->log_traceback || f->exception == CS_NONE) {
        return;
    }
    f->log_traceback = false;
    bool task = type_is_subtype(o->type, &type_task);
    const char *msg = task ? "Task exception was never retrieved" : "Future exception was never "
                                                                     "retrieved";
    Value ctx = make_context(ts, msg, f->exception, "future", obj_val(f));
    if (ctx != CS_ERR) {
        call_exception_handler(ts, f->loop, ctx);
    }
}

// ---------------------------------------------------------------------------
// FutureIter: what `await future` drives

static Value iter_self(ThreadState *ts, Value self) {
    (void)ts;
    return self;
}

static void future_iter_trace(Obj *o, GcState *gc) {
    gc_mark_value(gc, ((FutureIterObj *)o)->fut);
}

static ResumeStatus future_iter_send_slot(ThreadState *ts, Value self, Value v, Value *out) {
    (void)v;
    FutureIterObj *it = (FutureIterObj *)as_obj(self);
    FutureObj *f = fut_self(it->fut);
    if (f->state == FUT_PENDING) {
        if (!it->yielded) {
            it->yielded = true;
            f->blocking = true;
            *out = it->fut;
            return RESUME_YIELD;
        }
        exc_raise(ts, exc_RuntimeError, "await wasn't used with future");
        return RESUME_ERROR;
    }
    Value r = future_get_result(ts, f);
    if (r == CS_ERR) {
        return RESUME_ERROR;
    }
    *out = r;
    return RESUME_RETURN;
}

static Value future_iter_result(ThreadState *ts, ResumeStatus st, Value out) {
    if (st == RESUME_YIELD) {
        return out;
    }
    if (st == RESUME_ERROR) {
        return CS_ERR;
    }
    return out == CS_NONE ? exc_raise_args(ts, exc_StopIteration, NULL, 0)
                          : exc_raise_args(ts, exc_StopIteration, &out, 1);
}

static Value future_iter_next(ThreadState *ts, Value self) {
    Value out;
    ResumeStatus st = future_iter_send_slot(ts, self, CS_NONE, &out);
    if (st == RESUME_RETURN && out == CS_NONE) {
        return CS_STOP;
    }
    return future_iter_result(ts, st, out);
}

static Value future_iter_send(ThreadState *ts, Value self, const Value *args, size_t nargs,
                              TupleObj *kwnames) {
    if (arg_no_kw(ts, "send", kwnames) < 0 || arg_count(ts, "send", nargs, 1, 1) < 0) {
        return CS_ERR;
    }
    Value out;
    ResumeStatus st = future_iter_send_slot(ts, self, args[0], &out);
    return future_iter_result(ts, st, out);
}

static Value future_iter_throw(ThreadState *ts, Value self, const Value *args, size_t nargs,
                               TupleObj *kwnames) {
    (void)self;
    if (arg_no_kw(ts, "throw", kwnames) < 0 || arg_count(ts, "throw", nargs, 1, 3) < 0) {
        return CS_ERR;
    }
    Value exc = args[0];
    if (is_obj(exc) && as_obj(exc)->type == &type_type) {
        Value val = nargs > 1 ? args[1] : CS_NONE;
        exc = val == CS_NONE ? obj_call0(ts, exc)
                             : (exc_is_instance(val, (TypeObj *)as_obj(exc)) ? val
                                                                           : obj_call1(ts, exc, val));
        if (exc == CS_ERR) {
            return CS_ERR;
        }
    }
    if (!exc_is_instance(exc, exc_BaseException)) {
        return exc_raise(ts, exc_TypeError,
                         "exceptions must be classes deriving BaseException or instances of "
                         "such a class");
    }
    return exc_raise_value(ts, exc);
}

static Value future_iter_close(ThreadState *ts, Value self, const Value *args, size_t nargs,
                               TupleObj *kwnames) {
    (void)ts, (void)self, (void)args, (void)nargs, (void)kwnames;
    return CS_NONE;
}


// ---------------------------------------------------------------------------
// _sleep0: an awaitable that yields None once (asyncio.sleep(0) gives the
// other tasks one turn). `await _sleep0` makes a YieldOnce iterator.

typedef struct YieldOnceObj {
    Obj hdr;
    bool yielded;
} YieldOnceObj;

extern TypeObj type_yield_once, type_sleep0;

static ResumeStatus yield_once_send(ThreadState *ts, Value self, Value v, Value *out) {
    (void)ts, (void)v;
    YieldOnceObj *y = (YieldOnceObj *)as_obj(self);
    *out = CS_NONE;
    if (!y->yielded) {
        y->yielded = true;
        return RESUME_YIELD;
    }
    return RESUME_RETURN;
}

static Value yield_once_next(ThreadState *ts, Value self) {
    Value out;
    return yield_once_send(ts, self, CS_NONE, &out) == RESUME_YIELD ? CS_NONE : CS_STOP;
}

static Value yield_once_send_method(ThreadState *ts, Value self, const Value *args, size_t nargs,
                                    TupleObj *kwnames) {
    if (arg_no_kw(ts, "send", kwnames) < 0 || arg_count(ts, "send", nargs, 1, 1) < 0) {
        return CS_ERR;
    }
    (void)args;
    Value r = yield_once_next(ts, self);
    return r == CS_STOP ? exc_raise_args(ts, exc_StopIteration, NULL, 0) : r;
}

static Value sleep0_await(ThreadState *ts, Value self) {
    (void)self;
    return obj_val(gc_alloc(ts, &type_yield_once, sizeof(YieldOnceObj)));
}

static Value sleep0_await_method(ThreadState *ts, Value self, const Value *args, size_t nargs,
                                 TupleObj *kwnames) {
    (void)args, (void)nargs, (void)kwnames;
    return sleep0_await(ts, self);
}

static const MethodDef yield_once_methods[] = {
    {"send", yield_once_send_method, 0, NULL},
    {"throw", future_iter_throw, 0, NULL},
    {"close", future_iter_close, 0, NULL},
    {NULL, NULL, 0, NULL},
};

TypeObj type_yield_once = {
    .hdr = OBJ_HEADER_INIT(&type_type),
    .name = "_asyncio.YieldOnce",
    .basicsize = sizeof(YieldOnceObj),
    .flags = TYPE_ABSTRACT_NEW,
    .methods = yield_once_methods,
    .iter = iter_self,
    .iternext = yield_once_next,
    .send = yield_once_send,
};

static const MethodDef sleep0_methods[] = {
    {"__await__", sleep0_await_method, 0, NULL},
    {NULL, NULL, 0, NULL},
};

TypeObj type_sleep0 = {
    .hdr = OBJ_HEADER_INIT(&type_type),
    .name = "_asyncio.Sleep0",
    .basicsize = sizeof(Obj),
    .flags = TYPE_ABSTRACT_NEW,
    .methods = sleep0_methods,
    .await = sleep0_await,
};

static Obj sleep0_singleton = OBJ_HEADER_INIT(&type_sleep0);

// ---------------------------------------------------------------------------
// Tasks

static void task_trace(Obj *o, GcState *gc) {
    TaskObj *t = (TaskObj *)o;
    future_trace(o, gc);
    gc_mark_value(gc, t->coro);
    gc_mark_value(gc, t->name);
    gc_mark_value(gc, t->fut_waiter);
}

static void live_add(LoopObj *l, TaskObj *t) {
    t->live = true;
    t->live_prev = NULL;
    t->live_next = l->live;
    if (l->live) {
        l->live->live_prev = t;
    }
    l->live = t;
}

static void live_remove(TaskObj *t) {
    if (!t->live) {
        return;
    }
    t->live = false;
    if (t->live_prev) {
        t->live_prev->live_next = t->live_next;
    } else if (is_loop(t->fut.loop) && as_loop(t->fut.loop)->live == t) {
        as_loop(t->fut.loop)->live = t->live_next;
    }
    if (t->live_next) {
        t->live_next->live_prev = t->live_prev;
    }
    t->live_prev = t->live_next = NULL;
}

// asyncio.iscoroutine: a coroutine, a @types.coroutine generator, or an
// object implementing collections.abc.Coroutine.
static int is_coroutine(ThreadState *ts, Value v) {
    if (is_type_exact(v, &type_coroutine)) {
        return 1;
    }
    if (is_type_exact(v, &type_generator)) {
        return (((GenObj *)as_obj(v))->frame->code->flags & CO_ITERABLE_COROUTINE) != 0;
    }
    static const char *const need[] = {"send", "throw", "close", "__await__"};
    for (size_t i = 0; i < 4; i++) {
        Value a = obj_lookup_attr(ts, obj_val(type_of(v)), as_str(str_intern_cstr(ts, need[i])));
        if (a == CS_ERR) {
            return -1;
        }
        if (a == CS_UNBOUND) {
            return 0;
        }
    }
    return 1;
}

static Value task_tp_new(ThreadState *ts, TypeObj *type, const Value *args, size_t nargs,
                         TupleObj *kwnames) {
    (void)args, (void)nargs, (void)kwnames;
    TaskObj *t = gc_alloc(ts, type, type->basicsize);
    future_init_fields(&t->fut, CS_NONE);
    t->coro = CS_NONE;
    t->name = CS_NONE;
    t->fut_waiter = CS_NONE;
    return obj_val(t);
}

// Task(coro, *, loop, name): binds, names and schedules the first step.
static int task_setup(ThreadState *ts, TaskObj *t, Value coro, Value loop, Value name) {
    int ok = is_coroutine(ts, coro);
    if (ok <= 0) {
        if (ok == 0) {
            exc_raise(ts, exc_TypeError, "a coroutine was expected, got %R", coro);
        }
        return -1;
    }
    if (loop == CS_UNBOUND || loop == CS_NONE) {
        loop = current_loop(ts);
        if (loop == CS_ERR) {
            return -1;
        }
    }
    future_init_fields(&t->fut, loop);
    t->coro = coro;
    t->number = ++ts->interp->asyncio_task_counter;
    if (name != CS_UNBOUND && name != CS_NONE) {
        if (!str_check(name)) {
            name = obj_str(ts, name);
            if (name == CS_ERR) {
                return -1;
            }
        }
        t->name = name;
    }
    Value self = obj_val(t);
    if (is_loop(loop)) {
        LoopObj *l = as_loop(loop);
        if (l->closed) {
            exc_raise(ts, exc_RuntimeError, "Event loop is closed");
            return -1;
        }
        ready_push(l, ITEM_STEP, self, CS_UNBOUND);
        live_add(l, t);
        return 0;
    }
    Value step = obj_getattr_cstr(ts, self, "_Task__step");
    Value m = step == CS_ERR ? CS_ERR : obj_getattr_cstr(ts, loop, "call_soon");
    return m == CS_ERR || obj_call1(ts, m, step) == CS_ERR ? -1 : 0;
}

static int task_tp_init(ThreadState *ts, Value self, const Value *args, size_t nargs,
                        TupleObj *kwnames) {
    Value out[4];
    if (arg_parse(ts, "Task", args, nargs, kwnames, "coro|$loop,name,context", out) < 0) {
        return -1;
    }
    return task_setup(ts, (TaskObj *)as_obj(self), out[0], out[1], out[2]);
}

static void task_finished(TaskObj *t) {
    live_remove(t);
}

static int task_step(ThreadState *ts, TaskObj *t, Value exc);

// Handles what the coroutine yielded.
static int task_handle_yield(ThreadState *ts, TaskObj *t, Value result) {
    Value self = obj_val(t);
    if (is_future(result)) {
        FutureObj *f = fut_self(result);
        if (f->loop != t->fut.loop) {
            exc_raise(ts, exc_RuntimeError, "Task %R got Future %R attached to a different loop",
                      self, result);
            goto fail;
        }
        if (!f->blocking) {
            exc_raise(ts, exc_RuntimeError,
                      "yield was used instead of yield from in task %R with %R", self, result);
            goto fail;
        }
        if (result == self) {
            exc_raise(ts, exc_RuntimeError, "Task cannot await on itself: %R", self);
            goto fail;
        }
        f->blocking = false;
        if (f->state != FUT_PENDING && is_loop(t->fut.loop)) {
            ready_push(as_loop(t->fut.loop), ITEM_WAKEUP, self, result);
        } else if (f->state != FUT_PENDING) {
            exc_raise(ts, exc_RuntimeError, "future finished outside its loop");
            goto fail;
        } else {
            add_callback(f, self, CB_WAKEUP);
        }
        t->fut_waiter = result;
        if (t->must_cancel) {
            int err = 0;
            bool cancelled;
            if (is_task(result)) {
                Value args[1] = {t->fut.cancel_msg};
                Value m = obj_getattr_cstr(ts, result, "cancel");
                Value r = m == CS_ERR ? CS_ERR : obj_call(ts, m, args, 1, NULL);
                if (r == CS_ERR) {
                    return -1;
                }
                cancelled = r == CS_TRUE;
            } else {
                cancelled = future_cancel_raw(ts, f, t->fut.cancel_msg, &err);
            }
            if (err < 0) {
                return -1;
            }
            if (cancelled) {
                t->must_cancel = false;
            }
        }
        return 0;
    }
    if (result == CS_NONE) {
        // A bare yield: run again on the next iteration.
        if (is_loop(t->fut.loop)) {
            ready_push(as_loop(t->fut.loop), ITEM_STEP, self, CS_UNBOUND);
            return 0;
        }
        Value step = obj_getattr_cstr(ts, self, "_Task__step");
        Value m = step == CS_ERR ? CS_ERR : obj_getattr_cstr(ts, t->fut.loop, "call_soon");
        return m == CS_ERR || obj_call1(ts, m, step) == CS_ERR ? -1 : 0;
    }
    {
        // A foreign future-like object (duck typed as asyncio does).
        Value blocking = obj_lookup_attr(ts, result, as_str(str_intern_cstr(ts, "_asyncio_future_blocking")));
        if (blocking == CS_ERR) {
            return -1;
        }
        if (blocking != CS_UNBOUND && blocking != CS_NONE) {
            if (blocking == CS_TRUE) {
                if (obj_setattr(ts, result, as_str(str_intern_cstr(ts, "_asyncio_future_blocking")),
                                CS_FALSE) < 0) {
                    return -1;
                }
                Value wake = obj_getattr_cstr(ts, self, "_Task__wakeup");
                Value m = wake == CS_ERR ? CS_ERR : obj_getattr_cstr(ts, result, "add_done_callback");
                if (m == CS_ERR || obj_call1(ts, m, wake) == CS_ERR) {
                    return -1;
                }
                t->fut_waiter = result;
                return 0;
            }
            exc_raise(ts, exc_RuntimeError,
                      "yield was used instead of yield from in task %R with %R", self, result);
        } else if (is_type_exact(result, &type_generator)) {
            exc_raise(ts, exc_RuntimeError,
                      "yield was used instead of yield from for generator in task %R with %R",
                      self, result);
        } else {
            exc_raise(ts, exc_RuntimeError, "Task got bad yield: %R", result);
        }
    }
fail:;
    // The error goes into the coroutine on the next step.
    Value e = fetch_rooted(ts);
    if (is_loop(t->fut.loop)) {
        ready_push(as_loop(t->fut.loop), ITEM_STEP, self, e);
        return 0;
    }
    return task_step(ts, t, e);
}

// One step: send None (or throw exc) into the coroutine. Returns -1 only
// for what must leave the loop (KeyboardInterrupt, SystemExit, internal
// errors); the task's own failure is stored in the task.
static int task_step(ThreadState *ts, TaskObj *t, Value exc) {
    Value self = obj_val(t);
    if (t->fut.state != FUT_PENDING) {
        Value r = obj_repr(ts, self);
        if (r == CS_ERR) {
            return -1;
        }
        exc_raise(ts, (TypeObj *)as_obj(ts->interp->asyncio_invalid_state_error),
                  "_step(): already done: %U, %R", r, exc == CS_UNBOUND ? CS_NONE : exc);
        return -1;
    }
    if (t->must_cancel) {
        if (exc == CS_UNBOUND || !exc_is_instance(exc, cancelled_error(ts))) {
            exc = make_cancelled_error(ts, &t->fut);
            if (exc == CS_ERR) {
                return -1;
            }
        }
        t->must_cancel = false;
    }
    t->fut_waiter = CS_NONE;
    Value loop = t->fut.loop;
    Value prev_task = CS_NONE;
    if (is_loop(loop)) {
        prev_task = as_loop(loop)->current_task;
        as_loop(loop)->current_task = self;
    }
    gc_temp_push(ts, exc);
    Value out;
    ResumeStatus st;
    Value coro = t->coro;
    if (gen_is_generator_like(coro)) {
        GenObj *g = (GenObj *)as_obj(coro);
        st = exc == CS_UNBOUND ? gen_send_ex(ts, g, CS_NONE, &out) : gen_throw_ex(ts, g, exc, &out);
    } else {
        Value r;
        if (exc == CS_UNBOUND) {
            Value m = obj_getattr_cstr(ts, coro, "send");
            r = m == CS_ERR ? CS_ERR : obj_call1(ts, m, CS_NONE);
        } else {
            Value m = obj_getattr_cstr(ts, coro, "throw");
            r = m == CS_ERR ? CS_ERR : obj_call1(ts, m, exc);
        }
        if (r != CS_ERR) {
            st = RESUME_YIELD;
            out = r;
        } else if (exc_matches(ts, exc_StopIteration)) {
            out = exc_get_value(fetch_rooted(ts));
            st = RESUME_RETURN;
        } else {
            st = RESUME_ERROR;
        }
    }
    if (is_loop(loop)) {
        as_loop(loop)->current_task = prev_task;
    }
    int rc = 0;
    switch (st) {
    case RESUME_RETURN:
        if (t->must_cancel) {
            // The task was cancelled while it was finishing.
            t->must_cancel = false;
            int err = 0;
            future_cancel_raw(ts, &t->fut, t->fut.cancel_msg, &err);
            rc = err;
        } else if (future_set_result_raw(ts, &t->fut, out) == CS_ERR) {
            rc = -1;
        }
        task_finished(t);
        break;
    case RESUME_ERROR: {
        Value e = fetch_rooted(ts);
        if (exc_is_instance(e, cancelled_error(ts))) {
            t->fut.cancelled_exc = e;
            int err = 0;
            future_cancel_raw(ts, &t->fut, t->fut.cancel_msg, &err);
            rc = err;
        } else {
            if (future_set_exception_raw(ts, &t->fut, e) == CS_ERR) {
                rc = -1;
            } else if (exc_is_instance(e, exc_KeyboardInterrupt) ||
                       exc_is_instance(e, exc_SystemExit)) {
                exc_restore(ts, e);
                rc = -1;
            }
        }
        task_finished(t);
        break;
    }
    default:
        rc = task_handle_yield(ts, t, out);
        break;
    }
    return rc;
}

static int task_wakeup(ThreadState *ts, TaskObj *t, Value fut) {
    if (is_future(fut)) {
        FutureObj *f = fut_self(fut);
        if (f->state == FUT_FINISHED && f->exception == CS_NONE) {
            return task_step(ts, t, CS_UNBOUND);
        }
        Value r = future_get_result(ts, f);
        if (r != CS_ERR) {
            return task_step(ts, t, CS_UNBOUND);
        }
        return task_step(ts, t, fetch_rooted(ts));
    }
    Value m = obj_getattr_cstr(ts, fut, "result");
    Value r = m == CS_ERR ? CS_ERR : obj_call0(ts, m);
    return task_step(ts, t, r == CS_ERR ? fetch_rooted(ts) : CS_UNBOUND);
}

static TaskObj *task_self(Value self) {
    return (TaskObj *)as_obj(self);
}

static Value task_cancel(ThreadState *ts, Value self, const Value *args, size_t nargs,
                         TupleObj *kwnames) {
    Value out[1];
    if (arg_parse(ts, "cancel", args, nargs, kwnames, "|msg", out) < 0) {
        return CS_ERR;
    }
    Value msg = out[0] == CS_UNBOUND ? CS_NONE : out[0];
    TaskObj *t = task_self(self);
    t->fut.log_traceback = false;
    if (t->fut.state != FUT_PENDING) {
        return CS_FALSE;
    }
    t->num_cancels_requested++;
    if (t->fut_waiter != CS_NONE) {
        Value m = obj_getattr_cstr(ts, t->fut_waiter, "cancel");
        Value a[1] = {msg};
        Value r = m == CS_ERR ? CS_ERR : obj_call(ts, m, a, 1, NULL);
        if (r == CS_ERR) {
            return CS_ERR;
        }
        int truth = obj_truthy(ts, r);
        if (truth < 0) {
            return CS_ERR;
        }
        if (truth) {
            return CS_TRUE;
        }
    }
    t->must_cancel = true;
    t->fut.cancel_msg = msg;
    return CS_TRUE;
}

static Value task_cancelling(ThreadState *ts, Value self, const Value *args, size_t nargs,
                             TupleObj *kwnames) {
    (void)args, (void)nargs, (void)kwnames;
    return int_from_i64(ts, task_self(self)->num_cancels_requested);
}

static Value task_uncancel(ThreadState *ts, Value self, const Value *args, size_t nargs,
                           TupleObj *kwnames) {
    (void)args, (void)nargs, (void)kwnames;
    TaskObj *t = task_self(self);
    if (t->num_cancels_requested > 0) {
        t->num_cancels_requested--;
    }
    return int_from_i64(ts, t->num_cancels_requested);
}

static Value task_get_coro(ThreadState *ts, Value self, const Value *args, size_t nargs,
                           TupleObj *kwnames) {
    (void)ts, (void)args, (void)nargs, (void)kwnames;
    return task_self(self)->coro;
}

static Value task_get_name(ThreadState *ts, Value self, const Value *args, size_t nargs,
                           TupleObj *kwnames) {
    (void)args, (void)nargs, (void)kwnames;
    return task_get_name_value(ts, task_self(self));
}

static Value task_set_name(ThreadState *ts, Value self, const Value *args, size_t nargs,
                           TupleObj *kwnames) {
    if (arg_no_kw(ts, "set_name", kwnames) < 0 || arg_count(ts, "set_name", nargs, 1, 1) < 0) {
        return CS_ERR;
    }
    Value n = str_check(args[0]) ? args[0] : obj_str(ts, args[0]);
    if (n == CS_ERR) {
        return CS_ERR;
    }
    task_self(self)->name = n;
    return CS_NONE;
}

static Value task_set_result(ThreadState *ts, Value self, const Value *args, size_t nargs,
                             TupleObj *kwnames) {
    (void)self, (void)args, (void)nargs, (void)kwnames;
    return exc_raise(ts, exc_RuntimeError, "Task does not support set_result operation");
}

static Value task_set_exception(ThreadState *ts, Value self, const Value *args, size_t nargs,
                                TupleObj *kwnames) {
    (void)self, (void)args, (void)nargs, (void)kwnames;
    return exc_raise(ts, exc_RuntimeError, "Task does not support set_exception operation");
}

static Value task_get_stack(ThreadState *ts, Value self, const Value *args, size_t nargs,
                            TupleObj *kwnames) {
    (void)args, (void)nargs, (void)kwnames;
    TaskObj *t = task_self(self);
    Value l = list_new(ts, 0);
    if (gen_is_generator_like(t->coro)) {
        GenObj *g = (GenObj *)as_obj(t->coro);
        if (g->state != GEN_CLOSED) {
            Value fr = obj_getattr_cstr(ts, t->coro, g->kind == GEN_KIND_COROUTINE ? "cr_frame"
                                                                                   : "gi_frame");
            if (fr == CS_ERR || (fr != CS_NONE && list_append(ts, as_list(l), fr) < 0)) {
                return CS_ERR;
            }
        }
    }
    return l;
}

// Bound as _Task__step / _Task__wakeup for loops written in cs.
static Value task_step_method(ThreadState *ts, Value self, const Value *args, size_t nargs,
                              TupleObj *kwnames) {
    if (arg_no_kw(ts, "__step", kwnames) < 0 || arg_count(ts, "__step", nargs, 0, 1) < 0) {
        return CS_ERR;
    }
    Value exc = nargs && args[0] != CS_NONE ? args[0] : CS_UNBOUND;
    return task_step(ts, task_self(self), exc) < 0 ? CS_ERR : CS_NONE;
}

static Value task_wakeup_method(ThreadState *ts, Value self, const Value *args, size_t nargs,
                                TupleObj *kwnames) {
    if (arg_no_kw(ts, "__wakeup", kwnames) < 0 || arg_count(ts, "__wakeup", nargs, 1, 1) < 0) {
        return CS_ERR;
    }
    return task_wakeup(ts, task_self(self), args[0]) < 0 ? CS_ERR : CS_NONE;
}

static Value task_get_coro_attr(ThreadState *ts, Value self) {
    (void)ts;
    return task_self(self)->coro;
}

static Value task_get_fut_waiter(ThreadState *ts, Value self) {
    (void)ts;
    return task_self(self)->fut_waiter;
}

static Value task_get_must_cancel(ThreadState *ts, Value self) {
    (void)ts;
    return task_self(self)->must_cancel ? CS_TRUE : CS_FALSE;
}

// ---------------------------------------------------------------------------
// Handles

static void handle_trace(Obj *o, GcState *gc) {
    HandleObj *h = (HandleObj *)o;
    gc_mark_value(gc, h->callback);
    gc_mark_value(gc, h->args);
    gc_mark_value(gc, h->loop);
}

static Value handle_make(ThreadState *ts, TypeObj *type, Value loop, Value fn, const Value *args,
                         size_t nargs) {
    Value t = tuple_from_array(ts, args, nargs);
    HandleObj *h = gc_alloc(ts, type, sizeof(HandleObj));
    h->callback = fn;
    h->args = t;
    h->loop = loop;
    return obj_val(h);
}

static HandleObj *handle_self(Value v) {
    return (HandleObj *)as_obj(v);
}

static Value handle_cancel(ThreadState *ts, Value self, const Value *args, size_t nargs,
                           TupleObj *kwnames) {
    (void)ts, (void)args, (void)nargs, (void)kwnames;
    HandleObj *h = handle_self(self);
    if (!h->cancelled) {
        h->cancelled = true;
        if (h->scheduled && is_loop(h->loop)) {
            as_loop(h->loop)->ncancelled++;
        }
        h->callback = CS_NONE;
        h->args = CS_NONE;
    }
    return CS_NONE;
}

static Value handle_cancelled(ThreadState *ts, Value self, const Value *args, size_t nargs,
                              TupleObj *kwnames) {
    (void)ts, (void)args, (void)nargs, (void)kwnames;
    return handle_self(self)->cancelled ? CS_TRUE : CS_FALSE;
}

static Value handle_when(ThreadState *ts, Value self, const Value *args, size_t nargs,
                         TupleObj *kwnames) {
    (void)ts, (void)args, (void)nargs, (void)kwnames;
    return float_val(handle_self(self)->when);
}

static Value handle_get_context(ThreadState *ts, Value self, const Value *args, size_t nargs,
                                TupleObj *kwnames) {
    (void)ts, (void)self, (void)args, (void)nargs, (void)kwnames;
    return CS_NONE;
}

// "print(1)" / "f() at file:line" as asyncio's format helpers write it.
static Value format_handle_callback(ThreadState *ts, HandleObj *h) {
    Value fn = h->callback;
    Value target = is_type_exact(fn, &type_method) ? ((MethodObj *)as_obj(fn))->func : fn;
    StrBuf b;
    str_buf_init(&b);
    Value name = obj_lookup_attr(ts, target, STR_NAME(ts, __qualname__));
    if (name == CS_ERR) {
        return CS_ERR;
    }
    if (name == CS_UNBOUND || !str_check(name) || as_str(name)->len == 0) {
        name = obj_lookup_attr(ts, target, STR_NAME(ts, __name__));
        if (name == CS_ERR) {
            return CS_ERR;
        }
    }
    Value r = name != CS_UNBOUND && str_check(name) ? name : obj_repr(ts, fn);
    if (r == CS_ERR) {
        return CS_ERR;
    }
    str_buf_append_str(ts, &b, r);
    str_buf_append_cstr(&b, "(");
    TupleObj *a = as_tuple(h->args);
    for (size_t i = 0; i < a->len; i++) {
        Value ar = obj_repr(ts, a->items[i]);
        if (ar == CS_ERR) {
            str_buf_free(&b);
            return CS_ERR;
        }
        if (i) {
            str_buf_append_cstr(&b, ", ");
        }
        str_buf_append_str(ts, &b, ar);
    }
    str_buf_append_cstr(&b, ")");
    if (is_type_exact(target, &type_function)) {
        FuncObj *f = (FuncObj *)as_obj(target);
        Value at = str_format_c(ts, " at %U:%d", obj_val(f->code->filename), f->code->firstlineno);
        if (at == CS_ERR) {
            str_buf_free(&b);
            return CS_ERR;
        }
        str_buf_append_str(ts, &b, at);
    }
    return str_buf_finish(ts, &b);
}

static Value handle_repr(ThreadState *ts, Value self) {
    HandleObj *h = handle_self(self);
    bool timer = type_of(self) == &type_timer_handle;
    StrBuf b;
    str_buf_init(&b);
    str_buf_append_cstr(&b, timer ? "<TimerHandle" : "<Handle");
    if (h->cancelled) {
        str_buf_append_cstr(&b, " cancelled");
    }
    if (timer) {
        Value w = obj_repr(ts, float_val(h->when));
        if (w == CS_ERR) {
            str_buf_free(&b);
            return CS_ERR;
        }
        str_buf_append_cstr(&b, " when=");
        str_buf_append_str(ts, &b, w);
    }
    if (h->callback != CS_NONE) {
        Value cb = format_handle_callback(ts, h);
        if (cb == CS_ERR) {
            str_buf_free(&b);
            return CS_ERR;
        }
        str_buf_append_cstr(&b, " ");
        str_buf_append_str(ts, &b, cb);
    }
    str_buf_append_cstr(&b, ">");
    return str_buf_finish(ts, &b);
}

static Value timer_compare(ThreadState *ts, Value a, Value b, CmpOp op) {
    (void)ts;
    if (!is_obj(b) || as_obj(b)->type != &type_timer_handle) {
        return CS_NOTIMPL_VAL;
    }
    double x = handle_self(a)->when, y = handle_self(b)->when;
    bool r;
    switch (op) {
    case CMP_LT:
        r = x < y;
        break;
    case CMP_LE:
        r = x <= y;
        break;
    case CMP_GT:
        r = x > y;
        break;
    case CMP_GE:
        r = x >= y;
        break;
    case CMP_EQ:
        r = a == b;
        break;
    default:
        r = a != b;
        break;
    }
    return r ? CS_TRUE : CS_FALSE;
}

// ---------------------------------------------------------------------------
// The event loop

static void loop_trace(Obj *o, GcState *gc) {
    LoopObj *l = (LoopObj *)o;
    for (size_t i = 0; i < l->rlen; i++) {
        ReadyItem *it = &l->ready[(l->rhead + i) % l->rcap];
        gc_mark_value(gc, it->a);
        gc_mark_value(gc, it->b);
    }
    gc_mark_array(gc, l->timers, l->ntimers);
    for (size_t i = 0; i < l->nfds; i++) {
        gc_mark_value(gc, l->fds[i].reader);
        gc_mark_value(gc, l->fds[i].writer);
    }
    gc_mark_value(gc, l->current_task);
    gc_mark_value(gc, l->exception_handler);
    for (TaskObj *t = l->live; t; t = t->live_next) {
        gc_mark_obj(gc, &t->fut.hdr);
    }
}

static void loop_release(LoopObj *l) {
    if (l->epfd >= 0) {
        close(l->epfd);
        l->epfd = -1;
    }
    if (l->wakefd >= 0) {
        close(l->wakefd);
        l->wakefd = -1;
    }
    free(l->ready);
    l->ready = NULL;
    l->rlen = l->rcap = l->rhead = 0;
    free(l->timers);
    l->timers = NULL;
    l->ntimers = l->tcap = 0;
    free(l->fds);
    l->fds = NULL;
    l->nfds = 0;
}

static void loop_finalize(Obj *o) {
    loop_release((LoopObj *)o);
}

static Value loop_tp_new(ThreadState *ts, TypeObj *type, const Value *args, size_t nargs,
                         TupleObj *kwnames) {
    (void)args, (void)nargs, (void)kwnames;
    LoopObj *l = gc_alloc(ts, type, type->basicsize);
    l->epfd = -1;
    l->wakefd = -1;
    l->current_task = CS_NONE;
    l->exception_handler = CS_NONE;
    l->epfd = epoll_create1(EPOLL_CLOEXEC);
    if (l->epfd < 0) {
        return exc_raise_errno(ts, errno, CS_NONE);
    }
    l->wakefd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (l->wakefd < 0) {
        return exc_raise_errno(ts, errno, CS_NONE);
    }
    struct epoll_event ev = {.events = EPOLLIN, .data.fd = l->wakefd};
    if (epoll_ctl(l->epfd, EPOLL_CTL_ADD, l->wakefd, &ev) < 0) {
        return exc_raise_errno(ts, errno, CS_NONE);
    }
    return obj_val(l);
}

static int loop_tp_init(ThreadState *ts, Value self, const Value *args, size_t nargs,
                        TupleObj *kwnames) {
    (void)ts, (void)self, (void)args, (void)nargs, (void)kwnames;
    return 0;
}

static int check_closed(ThreadState *ts, LoopObj *l) {
    if (l->closed) {
        exc_raise(ts, exc_RuntimeError, "Event loop is closed");
        return -1;
    }
    return 0;
}

// In debug mode only, as in CPython.
static int check_callback(ThreadState *ts, LoopObj *l, Value fn, const char *method) {
    if (!l->debug) {
        return 0;
    }
    bool coro_fn = is_type_exact(fn, &type_function) &&
                   (((FuncObj *)as_obj(fn))->code->flags & CO_COROUTINE);
    int is_coro = is_coroutine(ts, fn);
    if (is_coro < 0) {
        return -1;
    }
    if (is_coro || coro_fn) {
        exc_raise(ts, exc_TypeError, "coroutines cannot be used with %s()", method);
        return -1;
    }
    if (!obj_callable(fn)) {
        exc_raise(ts, exc_TypeError, "a callable object was expected by %s(), got %R", method, fn);
        return -1;
    }
    return 0;
}

// call_soon(callback, *args, context=None)
static Value loop_call_soon(ThreadState *ts, Value self, const Value *args, size_t nargs,
                            TupleObj *kwnames) {
    (void)kwnames;
    LoopObj *l = as_loop(self);
    if (nargs < 1) {
        return exc_raise(ts, exc_TypeError, "call_soon() missing 1 required positional argument: "
                                            "'callback'");
    }
    if (check_closed(ts, l) < 0 || check_callback(ts, l, args[0], "call_soon") < 0) {
        return CS_ERR;
    }
    Value h = handle_make(ts, &type_handle, self, args[0], args + 1, nargs - 1);
    ready_push(l, ITEM_HANDLE, h, CS_NONE);
    return h;
}

static Value loop_call_soon_threadsafe(ThreadState *ts, Value self, const Value *args,
                                       size_t nargs, TupleObj *kwnames) {
    Value h = loop_call_soon(ts, self, args, nargs, kwnames);
    if (h == CS_ERR) {
        return CS_ERR;
    }
    // The caller holds the GIL, so the queue itself needs no lock; the
    // eventfd wakes a loop blocked in epoll_wait.
    uint64_t one = 1;
    ssize_t w = write(as_loop(self)->wakefd, &one, sizeof one);
    (void)w;
    return h;
}

static Value schedule_timer(ThreadState *ts, Value self, double when, const Value *args,
                            size_t nargs, const char *method) {
    LoopObj *l = as_loop(self);
    if (check_closed(ts, l) < 0 || check_callback(ts, l, args[0], method) < 0) {
        return CS_ERR;
    }
    Value h = handle_make(ts, &type_timer_handle, self, args[0], args + 1, nargs - 1);
    handle_self(h)->when = when;
    handle_self(h)->scheduled = true;
    timer_push(l, h);
    return h;
}

static int number_arg(ThreadState *ts, Value v, double *out) {
    if (is_float(v)) {
        *out = as_float(v);
        return 0;
    }
    if (is_small_int(v)) {
        *out = (double)as_small_int(v);
        return 0;
    }
    Value f = obj_call1(ts, obj_val(&type_float), v);
    if (f == CS_ERR) {
        return -1;
    }
    *out = as_float(f);
    return 0;
}

static Value loop_call_later(ThreadState *ts, Value self, const Value *args, size_t nargs,
                             TupleObj *kwnames) {
    (void)kwnames;
    if (nargs < 2) {
        return exc_raise(ts, exc_TypeError, "call_later() missing required arguments: 'delay' and "
                                            "'callback'");
    }
    double delay;
    if (args[0] == CS_NONE) {
        return exc_raise(ts, exc_TypeError, "delay must not be None");
    }
    if (number_arg(ts, args[0], &delay) < 0) {
        return CS_ERR;
    }
    return schedule_timer(ts, self, monotonic() + delay, args + 1, nargs - 1, "call_later");
}

static Value loop_call_at(ThreadState *ts, Value self, const Value *args, size_t nargs,
                          TupleObj *kwnames) {
    (void)kwnames;
    if (nargs < 2) {
        return exc_raise(ts, exc_TypeError, "call_at() missing required arguments: 'when' and "
                                            "'callback'");
    }
    double when;
    if (args[0] == CS_NONE) {
        return exc_raise(ts, exc_TypeError, "when cannot be None");
    }
    if (number_arg(ts, args[0], &when) < 0) {
        return CS_ERR;
    }
    return schedule_timer(ts, self, when, args + 1, nargs - 1, "call_at");
}

static Value loop_time(ThreadState *ts, Value self, const Value *args, size_t nargs,
                       TupleObj *kwnames) {
    (void)ts, (void)self, (void)args, (void)nargs, (void)kwnames;
    return float_val(monotonic());
}

static Value loop_create_future(ThreadState *ts, Value self, const Value *args, size_t nargs,
                                TupleObj *kwnames) {
    (void)args, (void)nargs, (void)kwnames;
    FutureObj *f = gc_alloc(ts, &type_future, sizeof(FutureObj));
    future_init_fields(f, self);
    return obj_val(f);
}

static Value new_task(ThreadState *ts, Value loop, Value coro, Value name) {
    TaskObj *t = gc_alloc(ts, &type_task, sizeof(TaskObj));
    future_init_fields(&t->fut, loop);
    t->coro = CS_NONE;
    t->name = CS_NONE;
    t->fut_waiter = CS_NONE;
    if (task_setup(ts, t, coro, loop, name) < 0) {
        if (is_type_exact(coro, &type_coroutine)) {
            ((GenObj *)as_obj(coro))->awaited_once = true;
        }
        return CS_ERR;
    }
    return obj_val(t);
}

static Value loop_create_task(ThreadState *ts, Value self, const Value *args, size_t nargs,
                              TupleObj *kwnames) {
    Value out[3];
    if (arg_parse(ts, "create_task", args, nargs, kwnames, "coro|$name,context", out) < 0) {
        return CS_ERR;
    }
    if (check_closed(ts, as_loop(self)) < 0) {
        return CS_ERR;
    }
    return new_task(ts, self, out[0], out[1]);
}

// Runs one callback; an Exception goes to the loop's exception handler.
static int run_callback(ThreadState *ts, Value loop, Value fn, const Value *args, size_t nargs,
                        Value handle) {
    if (obj_call(ts, fn, args, nargs, NULL) != CS_ERR) {
        return 0;
    }
    if (!exc_matches(ts, exc_Exception)) {
        return -1; // KeyboardInterrupt, SystemExit, ...
    }
    Value exc = fetch_rooted(ts);
    if (handle == CS_NONE) {
        handle = handle_make(ts, &type_handle, loop, fn, args, nargs);
    }
    Value cb = format_handle_callback(ts, handle_self(handle));
    Value msg = cb == CS_ERR ? CS_ERR : str_format_c(ts, "Exception in callback %U", cb);
    if (msg == CS_ERR) {
        return -1;
    }
    Value ctx = make_context(ts, as_str(msg)->data, exc, "handle", handle);
    if (ctx == CS_ERR) {
        return -1;
    }
    call_exception_handler(ts, loop, ctx);
    return ts_has_exc(ts) ? -1 : 0;
}

static int run_item(ThreadState *ts, Value loop, ReadyItem it) {
    switch (it.kind) {
    case ITEM_HANDLE: {
        HandleObj *h = handle_self(it.a);
        if (h->cancelled) {
            return 0;
        }
        TupleObj *a = as_tuple(h->args);
        return run_callback(ts, loop, h->callback, a->items, a->len, it.a);
    }
    case ITEM_CALL:
        return run_callback(ts, loop, it.a, &it.b, 1, CS_NONE);
    case ITEM_STEP:
        return task_step(ts, task_self(it.a), it.b);
    case ITEM_WAKEUP:
        return task_wakeup(ts, task_self(it.a), it.b);
    default:
        as_loop(it.a)->stopping = true;
        return 0;
    }
}

static void drain_wakefd(LoopObj *l) {
    uint64_t n;
    while (read(l->wakefd, &n, sizeof n) > 0) {
    }
}

static void blocking_begin(ThreadState *ts) {
    (void)ts;
}

static void blocking_end(ThreadState *ts) {
    (void)ts;
}

// Queues the handles of the descriptors epoll reports ready.
static void dispatch_events(LoopObj *l, struct epoll_event *evs, int n) {
    for (int i = 0; i < n; i++) {
        int fd = evs[i].data.fd;
        if (fd == l->wakefd) {
            drain_wakefd(l);
            continue;
        }
        if (fd < 0 || (size_t)fd >= l->nfds) {
            continue;
        }
        FdReg *r = &l->fds[fd];
        uint32_t e = evs[i].events;
        bool err = e & (EPOLLERR | EPOLLHUP);
        if ((e & EPOLLIN || err) && r->reader != CS_NONE) {
            if (!handle_self(r->reader)->cancelled) {
                ready_push(l, ITEM_HANDLE, r->reader, CS_NONE);
            }
        }
        if ((e & EPOLLOUT || err) && r->writer != CS_NONE) {
            if (!handle_self(r->writer)->cancelled) {
                ready_push(l, ITEM_HANDLE, r->writer, CS_NONE);
            }
        }
    }
}

// One iteration: wait for I/O (up to the next timer), queue expired timers,
// run what was ready when the iteration began.
static int run_once(ThreadState *ts, LoopObj *l) {
    timers_cleanup(l);
    int timeout_ms = -1;
    if (l->rlen > 0 || l->stopping) {
        timeout_ms = 0;
    } else if (l->ntimers > 0) {
        double dt = timer_when(l->timers[0]) - monotonic();
        if (dt <= 0) {
            timeout_ms = 0;
        } else {
            double ms = ceil(dt * 1000.0);
            timeout_ms = ms > 24.0 * 3600 * 1000 ? 24 * 3600 * 1000 : (int)ms;
        }
    }
    if (timeout_ms != 0 || l->nregistered > 0) {
        struct epoll_event evs[64];
        blocking_begin(ts);
        int n = epoll_wait(l->epfd, evs, 64, timeout_ms);
        int err = errno;
        blocking_end(ts);
        if (n < 0) {
            if (err != EINTR) {
                exc_raise_errno(ts, err, CS_NONE);
                return -1;
            }
            if (vm_handle_breaker(ts) < 0) {
                return -1;
            }
        } else {
            dispatch_events(l, evs, n);
        }
    }
    // Timers that are due (within the clock's resolution).
    double end = monotonic() + 1e-9;
    while (l->ntimers > 0) {
        HandleObj *h = handle_self(l->timers[0]);
        if (h->cancelled) {
            timer_pop(l);
            l->ncancelled--;
            continue;
        }
        if (h->when >= end) {
            break;
        }
        ready_push(l, ITEM_HANDLE, timer_pop(l), CS_NONE);
    }
    Value loop = obj_val(l);
    size_t n = l->rlen;
    for (size_t i = 0; i < n && l->rlen > 0; i++) {
        ReadyItem it = ready_pop(l);
        size_t mark = gc_temp_mark(ts);
        gc_temp_push(ts, it.a);
        gc_temp_push(ts, it.b);
        int rc = run_item(ts, loop, it);
        gc_temp_reset(ts, mark);
        if (rc < 0) {
            return -1;
        }
        if (atomic_load(&ts->interp->eval_breaker) && vm_handle_breaker(ts) < 0) {
            return -1;
        }
    }
    return 0;
}

static Value loop_run_forever_impl(ThreadState *ts, Value self) {
    LoopObj *l = as_loop(self);
    if (check_closed(ts, l) < 0) {
        return CS_ERR;
    }
    if (l->running) {
        return exc_raise(ts, exc_RuntimeError, "This event loop is already running");
    }
    if (ts->running_loop != CS_NONE) {
        return exc_raise(ts, exc_RuntimeError,
                         "Cannot run the event loop while another loop is running");
    }
    l->running = true;
    ts->running_loop = self;
    int rc = 0;
    size_t mark = gc_temp_mark(ts);
    for (;;) {
        rc = run_once(ts, l);
        gc_temp_reset(ts, mark);
        if (rc < 0 || l->stopping) {
            break;
        }
    }
    l->stopping = false;
    l->running = false;
    ts->running_loop = CS_NONE;
    return rc < 0 ? CS_ERR : CS_NONE;
}

static Value loop_run_forever(ThreadState *ts, Value self, const Value *args, size_t nargs,
                              TupleObj *kwnames) {
    (void)args, (void)nargs, (void)kwnames;
    return loop_run_forever_impl(ts, self);
}

static Value loop_run_until_complete(ThreadState *ts, Value self, const Value *args, size_t nargs,
                                     TupleObj *kwnames) {
    if (arg_no_kw(ts, "run_until_complete", kwnames) < 0 ||
        arg_count(ts, "run_until_complete", nargs, 1, 1) < 0) {
        return CS_ERR;
    }
    LoopObj *l = as_loop(self);
    if (check_closed(ts, l) < 0) {
        return CS_ERR;
    }
    if (l->running) {
        return exc_raise(ts, exc_RuntimeError, "This event loop is already running");
    }
    Value fut = args[0];
    bool new_task_made = false;
    if (!is_future(fut)) {
        int c = is_coroutine(ts, fut);
        if (c < 0) {
            return CS_ERR;
        }
        if (c) {
            fut = new_task(ts, self, fut, CS_NONE);
            new_task_made = true;
        } else {
            // Other awaitables: asyncio.ensure_future.
            Value mod = import_module(ts, "asyncio.tasks");
            Value ef = mod == CS_ERR ? CS_ERR : obj_getattr_cstr(ts, mod, "ensure_future");
            Value kw[2] = {fut, self};
            Value names = ef == CS_ERR ? CS_ERR : tuple_pack(ts, 1, str_from_cstr(ts, "loop"));
            fut = names == CS_ERR ? CS_ERR : obj_call(ts, ef, kw, 1, as_tuple(names));
        }
        if (fut == CS_ERR) {
            return CS_ERR;
        }
    }
    if (!is_future(fut)) {
        return exc_raise(ts, exc_TypeError, "An asyncio.Future, a coroutine or an awaitable is "
                                            "required");
    }
    FutureObj *f = fut_self(fut);
    if (f->loop != self) {
        return exc_raise(ts, exc_ValueError, "The future belongs to a different loop than the one "
                                             "specified as the loop argument");
    }
    gc_temp_push(ts, fut);
    if (f->state == FUT_PENDING) {
        add_callback(f, self, CB_STOP);
    } else {
        ready_push(l, ITEM_STOP, self, CS_NONE);
    }
    Value r = loop_run_forever_impl(ts, self);
    // Remove the stop callback if it has not run.
    uint32_t keep = 0;
    for (uint32_t i = 0; i < f->ncbs; i++) {
        if (!(f->cbs[i].kind == CB_STOP && f->cbs[i].fn == self)) {
            f->cbs[keep++] = f->cbs[i];
        }
    }
    f->ncbs = keep;
    if (r == CS_ERR) {
        if (new_task_made && f->state != FUT_PENDING) {
            // The exception escaped through the task: it has been seen.
            f->log_traceback = false;
        }
        return CS_ERR;
    }
    if (f->state == FUT_PENDING) {
        return exc_raise(ts, exc_RuntimeError, "Event loop stopped before Future completed.");
    }
    return future_get_result(ts, f);
}

static Value loop_stop(ThreadState *ts, Value self, const Value *args, size_t nargs,
                       TupleObj *kwnames) {
    (void)ts, (void)args, (void)nargs, (void)kwnames;
    as_loop(self)->stopping = true;
    return CS_NONE;
}

static Value loop_is_running(ThreadState *ts, Value self, const Value *args, size_t nargs,
                             TupleObj *kwnames) {
    (void)ts, (void)args, (void)nargs, (void)kwnames;
    return as_loop(self)->running ? CS_TRUE : CS_FALSE;
}

static Value loop_is_closed(ThreadState *ts, Value self, const Value *args, size_t nargs,
                            TupleObj *kwnames) {
    (void)ts, (void)args, (void)nargs, (void)kwnames;
    return as_loop(self)->closed ? CS_TRUE : CS_FALSE;
}

static Value loop_close(ThreadState *ts, Value self, const Value *args, size_t nargs,
                        TupleObj *kwnames) {
    (void)args, (void)nargs, (void)kwnames;
    LoopObj *l = as_loop(self);
    if (l->running) {
        return exc_raise(ts, exc_RuntimeError, "Cannot close a running event loop");
    }
    if (l->closed) {
        return CS_NONE;
    }
    l->closed = true;
    for (size_t i = 0; i < l->ntimers; i++) {
        handle_self(l->timers[i])->scheduled = false;
    }
    // Pending tasks stay reachable through their futures, as in CPython;
    // the loop forgets its queues and descriptors.
    l->live = NULL;
    loop_release(l);
    l->nregistered = 0;
    return CS_NONE;
}

static Value loop_get_debug(ThreadState *ts, Value self, const Value *args, size_t nargs,
                            TupleObj *kwnames) {
    (void)ts, (void)args, (void)nargs, (void)kwnames;
    return as_loop(self)->debug ? CS_TRUE : CS_FALSE;
}

static Value loop_set_debug(ThreadState *ts, Value self, const Value *args, size_t nargs,
                            TupleObj *kwnames) {
    if (arg_no_kw(ts, "set_debug", kwnames) < 0 || arg_count(ts, "set_debug", nargs, 1, 1) < 0) {
        return CS_ERR;
    }
    int t = obj_truthy(ts, args[0]);
    if (t < 0) {
        return CS_ERR;
    }
    as_loop(self)->debug = t;
    return CS_NONE;
}

// --- file descriptors

static int fd_of(ThreadState *ts, Value v) {
    Value fdv = v;
    if (!is_small_int(v)) {
        Value m = obj_lookup_attr(ts, v, as_str(str_intern_cstr(ts, "fileno")));
        if (m == CS_ERR) {
            return -1;
        }
        if (m == CS_UNBOUND) {
            exc_raise(ts, exc_ValueError, "Invalid file object: %R", v);
            return -1;
        }
        fdv = obj_call0(ts, m);
        if (fdv == CS_ERR) {
            return -1;
        }
        if (!is_small_int(fdv)) {
            exc_raise(ts, exc_ValueError, "Invalid file object: %R", v);
            return -1;
        }
    }
    int64_t fd = as_small_int(fdv);
    if (fd < 0 || fd > 1 << 24) {
        exc_raise(ts, exc_ValueError, "Invalid file descriptor: %d", (int)fd);
        return -1;
    }
    return (int)fd;
}

static FdReg *fd_slot(LoopObj *l, int fd) {
    if ((size_t)fd >= l->nfds) {
        size_t n = l->nfds ? l->nfds : 16;
        while (n <= (size_t)fd) {
            n *= 2;
        }
        FdReg *r = realloc(l->fds, n * sizeof *r);
        if (!r) {
            fputs("cs: fatal error: out of memory\n", stderr);
            abort();
        }
        for (size_t i = l->nfds; i < n; i++) {
            r[i].reader = CS_NONE;
            r[i].writer = CS_NONE;
        }
        l->fds = r;
        l->nfds = n;
    }
    return &l->fds[fd];
}

// Brings the epoll registration of fd in line with its reader/writer.
static int fd_update(ThreadState *ts, LoopObj *l, int fd, bool was_registered) {
    FdReg *r = &l->fds[fd];
    uint32_t events = (r->reader != CS_NONE ? EPOLLIN : 0) | (r->writer != CS_NONE ? EPOLLOUT : 0);
    struct epoll_event ev = {.events = events, .data.fd = fd};
    int rc;
    if (!events) {
        rc = was_registered ? epoll_ctl(l->epfd, EPOLL_CTL_DEL, fd, &ev) : 0;
        if (was_registered) {
            l->nregistered--;
        }
        if (rc < 0 && (errno == EBADF || errno == ENOENT)) {
            rc = 0; // closed already
        }
    } else if (was_registered) {
        rc = epoll_ctl(l->epfd, EPOLL_CTL_MOD, fd, &ev);
    } else {
        rc = epoll_ctl(l->epfd, EPOLL_CTL_ADD, fd, &ev);
        if (rc == 0) {
            l->nregistered++;
        }
    }
    if (rc < 0) {
        exc_raise_errno(ts, errno, CS_NONE);
        return -1;
    }
    return 0;
}

static Value add_fd_handler(ThreadState *ts, Value self, const Value *args, size_t nargs,
                            bool writer, const char *method) {
    LoopObj *l = as_loop(self);
    if (nargs < 2) {
        return exc_raise(ts, exc_TypeError, "%s() missing required arguments", method);
    }
    if (check_closed(ts, l) < 0 || check_callback(ts, l, args[1], method) < 0) {
        return CS_ERR;
    }
    int fd = fd_of(ts, args[0]);
    if (fd < 0) {
        return CS_ERR;
    }
    Value h = handle_make(ts, &type_handle, self, args[1], args + 2, nargs - 2);
    FdReg *r = fd_slot(l, fd);
    bool was = r->reader != CS_NONE || r->writer != CS_NONE;
    Value *slot = writer ? &r->writer : &r->reader;
    Value old = *slot;
    *slot = h;
    if (fd_update(ts, l, fd, was) < 0) {
        *slot = old;
        return CS_ERR;
    }
    if (old != CS_NONE) {
        handle_self(old)->cancelled = true;
    }
    return h;
}

static Value remove_fd_handler(ThreadState *ts, Value self, const Value *args, size_t nargs,
                               bool writer, const char *method) {
    LoopObj *l = as_loop(self);
    if (arg_count(ts, method, nargs, 1, 1) < 0) {
        return CS_ERR;
    }
    if (l->closed) {
        return CS_FALSE;
    }
    int fd = fd_of(ts, args[0]);
    if (fd < 0) {
        return CS_ERR;
    }
    if ((size_t)fd >= l->nfds) {
        return CS_FALSE;
    }
    FdReg *r = &l->fds[fd];
    Value *slot = writer ? &r->writer : &r->reader;
    if (*slot == CS_NONE) {
        return CS_FALSE;
    }
    handle_self(*slot)->cancelled = true;
    *slot = CS_NONE;
    if (fd_update(ts, l, fd, true) < 0) {
        return CS_ERR;
    }
    return CS_TRUE;
}

static Value loop_add_reader(ThreadState *ts, Value self, const Value *args, size_t nargs,
                             TupleObj *kwnames) {
    (void)kwnames;
    return add_fd_handler(ts, self, args, nargs, false, "add_reader");
}

static Value loop_add_writer(ThreadState *ts, Value self, const Value *args, size_t nargs,
                             TupleObj *kwnames) {
    (void)kwnames;
    return add_fd_handler(ts, self, args, nargs, true, "add_writer");
}

static Value loop_remove_reader(ThreadState *ts, Value self, const Value *args, size_t nargs,
                                TupleObj *kwnames) {
    (void)kwnames;
    return remove_fd_handler(ts, self, args, nargs, false, "remove_reader");
}

static Value loop_remove_writer(ThreadState *ts, Value self, const Value *args, size_t nargs,
                                TupleObj *kwnames) {
    (void)kwnames;
    return remove_fd_handler(ts, self, args, nargs, true, "remove_writer");
}

static Value loop_current_task(ThreadState *ts, Value self, const Value *args, size_t nargs,
                               TupleObj *kwnames) {
    (void)ts, (void)args, (void)nargs, (void)kwnames;
    return as_loop(self)->current_task;
}

// The unfinished tasks, oldest first.
static Value loop_all_tasks(ThreadState *ts, Value self, const Value *args, size_t nargs,
                            TupleObj *kwnames) {
    (void)args, (void)nargs, (void)kwnames;
    Value l = list_new(ts, 0);
    for (TaskObj *t = as_loop(self)->live; t; t = t->live_next) {
        if (t->fut.state == FUT_PENDING && list_append(ts, as_list(l), obj_val(t)) < 0) {
            return CS_ERR;
        }
    }
    ListObj *lo = as_list(l);
    for (size_t i = 0, j = lo->len; i + 1 < j; i++, j--) {
        Value tmp = lo->items[i];
        lo->items[i] = lo->items[j - 1];
        lo->items[j - 1] = tmp;
    }
    return l;
}

static Value loop_get_exception_handler(ThreadState *ts, Value self, const Value *args,
                                        size_t nargs, TupleObj *kwnames) {
    (void)ts, (void)args, (void)nargs, (void)kwnames;
    return as_loop(self)->exception_handler;
}

static Value loop_set_exception_handler(ThreadState *ts, Value self, const Value *args,
                                        size_t nargs, TupleObj *kwnames) {
    if (arg_no_kw(ts, "set_exception_handler", kwnames) < 0 ||
        arg_count(ts, "set_exception_handler", nargs, 1, 1) < 0) {
        return CS_ERR;
    }
    if (args[0] != CS_NONE && !obj_callable(args[0])) {
        return exc_raise(ts, exc_TypeError, "A callable object or None is expected, got %R",
                         args[0]);
    }
    as_loop(self)->exception_handler = args[0];
    return CS_NONE;
}

// Statistics for tests: (ready, timers, registered fds, live tasks).
static Value loop_stats(ThreadState *ts, Value self, const Value *args, size_t nargs,
                        TupleObj *kwnames) {
    (void)args, (void)nargs, (void)kwnames;
    LoopObj *l = as_loop(self);
    size_t live = 0;
    for (TaskObj *t = l->live; t; t = t->live_next) {
        live++;
    }
    return tuple_pack(ts, 4, int_from_u64(ts, l->rlen), int_from_u64(ts, l->ntimers - l->ncancelled),
                      int_from_u64(ts, l->nregistered), int_from_u64(ts, live));
}

// ---------------------------------------------------------------------------
// Module functions

static Value mod_get_running_loop(ThreadState *ts, Value self, const Value *args, size_t nargs,
                                  TupleObj *kwnames) {
    (void)self, (void)args, (void)nargs, (void)kwnames;
    if (ts->running_loop == CS_NONE) {
        return exc_raise(ts, exc_RuntimeError, "no running event loop");
    }
    return ts->running_loop;
}

static Value mod_get_running_loop_or_none(ThreadState *ts, Value self, const Value *args,
                                          size_t nargs, TupleObj *kwnames) {
    (void)self, (void)args, (void)nargs, (void)kwnames;
    return ts->running_loop;
}

static Value mod_set_running_loop(ThreadState *ts, Value self, const Value *args, size_t nargs,
                                  TupleObj *kwnames) {
    (void)self, (void)kwnames;
    if (arg_count(ts, "_set_running_loop", nargs, 1, 1) < 0) {
        return CS_ERR;
    }
    ts->running_loop = args[0];
    return CS_NONE;
}

// asyncio.create_task(coro, *, name=None, context=None)
static Value mod_create_task(ThreadState *ts, Value self, const Value *args, size_t nargs,
                             TupleObj *kwnames) {
    (void)self;
    Value out[3];
    if (arg_parse(ts, "create_task", args, nargs, kwnames, "coro|$name,context", out) < 0) {
        return CS_ERR;
    }
    if (ts->running_loop == CS_NONE) {
        if (is_type_exact(out[0], &type_coroutine)) {
            ((GenObj *)as_obj(out[0]))->awaited_once = true; // CPython closes it silently
        }
        return exc_raise(ts, exc_RuntimeError, "no running event loop");
    }
    Value loop = ts->running_loop;
    if (is_type_exact(loop, &type_event_loop) || !is_loop(loop)) {
        return new_task(ts, loop, out[0], out[1]);
    }
    Value m = obj_getattr_cstr(ts, loop, "create_task");
    if (m == CS_ERR) {
        return CS_ERR;
    }
    Value a[2] = {out[0], out[1] == CS_UNBOUND ? CS_NONE : out[1]};
    Value names = tuple_pack(ts, 1, str_from_cstr(ts, "name"));
    return obj_call(ts, m, a, 1, as_tuple(names));
}

static Value mod_current_task(ThreadState *ts, Value self, const Value *args, size_t nargs,
                              TupleObj *kwnames) {
    (void)self;
    Value out[1];
    if (arg_parse(ts, "current_task", args, nargs, kwnames, "|loop", out) < 0) {
        return CS_ERR;
    }
    Value loop = out[0] == CS_UNBOUND || out[0] == CS_NONE ? ts->running_loop : out[0];
    if (loop == CS_NONE) {
        return exc_raise(ts, exc_RuntimeError, "no running event loop");
    }
    return is_loop(loop) ? as_loop(loop)->current_task : CS_NONE;
}

static Value mod_iscoroutine(ThreadState *ts, Value self, const Value *args, size_t nargs,
                             TupleObj *kwnames) {
    (void)self;
    if (arg_no_kw(ts, "iscoroutine", kwnames) < 0 || arg_count(ts, "iscoroutine", nargs, 1, 1) < 0) {
        return CS_ERR;
    }
    int r = is_coroutine(ts, args[0]);
    return r < 0 ? CS_ERR : (r ? CS_TRUE : CS_FALSE);
}

// _set_result_unless_cancelled(fut, result): asyncio.sleep's timer callback.
static Value mod_set_result_unless_cancelled(ThreadState *ts, Value self, const Value *args,
                                             size_t nargs, TupleObj *kwnames) {
    (void)self, (void)kwnames;
    if (arg_count(ts, "_set_result_unless_cancelled", nargs, 2, 2) < 0) {
        return CS_ERR;
    }
    if (!is_future(args[0])) {
        return exc_raise(ts, exc_TypeError, "a Future was expected");
    }
    FutureObj *f = fut_self(args[0]);
    if (f->state == FUT_CANCELLED) {
        return CS_NONE;
    }
    return future_set_result_raw(ts, f, args[1]);
}

// _run_reports(): runs pending "never retrieved" reports now (tests, shutdown).
static Value mod_run_reports(ThreadState *ts, Value self, const Value *args, size_t nargs,
                             TupleObj *kwnames) {
    (void)self, (void)args, (void)nargs, (void)kwnames;
    return int_from_u64(ts, gc_run_reports(ts));
}

// _print_exception(exc): the traceback and message, on stderr, as an
// uncaught exception prints them (the default exception handler's output).
static Value mod_print_exception(ThreadState *ts, Value self, const Value *args, size_t nargs,
                                 TupleObj *kwnames) {
    (void)self, (void)kwnames;
    if (arg_count(ts, "_print_exception", nargs, 1, 1) < 0) {
        return CS_ERR;
    }
    if (!exc_is_instance(args[0], exc_BaseException)) {
        return exc_raise(ts, exc_TypeError, "an exception was expected, got %R", args[0]);
    }
    fflush(stdout);
    exc_print(ts, args[0]);
    fflush(stderr);
    return CS_NONE;
}

// ---------------------------------------------------------------------------
// Type tables

static const MethodDef future_methods[] = {
    {"result", future_result, 0, "Return the result this future represents."},
    {"exception", future_exception, 0, "Return the exception that was set on this future."},
    {"set_result", future_set_result, 0, "Mark the future done and set its result."},
    {"set_exception", future_set_exception, 0, "Mark the future done and set an exception."},
    {"add_done_callback", future_add_done_callback, METH_KEYWORDS,
     "Add a callback to be run when the future becomes done."},
    {"remove_done_callback", future_remove_done_callback, 0,
     "Remove all instances of a callback from the \"call when done\" list."},
    {"cancel", future_cancel, METH_KEYWORDS, "Cancel the future and schedule callbacks."},
    {"cancelled", future_cancelled, 0, "Return True if the future was cancelled."},
    {"done", future_done, 0, "Return True if the future is done."},
    {"get_loop", future_get_loop, 0, "Return the event loop the Future is bound to."},
    {"__await__", future_await_method, 0, NULL},
    {"__iter__", future_await_method, 0, NULL},
    {"_make_cancelled_error", future_make_cancelled_error, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static const GetSetDef future_getsets[] = {
    {"_asyncio_future_blocking", future_get_blocking, future_set_blocking},
    {"_log_traceback", future_get_log_traceback, future_set_log_traceback},
    {"_state", future_get_state, NULL},
    {"_cancel_message", future_get_cancel_message, future_set_cancel_message},
    {"_loop", future_get_loop_attr, NULL},
    {"_result", future_get_result_attr, NULL},
    {"_exception", future_get_exception_attr, NULL},
    {"_callbacks", future_get_callbacks, NULL},
    {NULL, NULL, NULL},
};

TypeObj type_future = {
    .hdr = OBJ_HEADER_INIT(&type_type),
    .name = "Future",
    .basicsize = sizeof(FutureObj),
    .flags = TYPE_BASETYPE,
    .doc = "This class is *almost* compatible with concurrent.futures.Future.",
    .methods = future_methods,
    .getsets = future_getsets,
    .trace = future_trace,
    .finalize = future_finalize,
    .tp_new = future_tp_new,
    .tp_init = future_tp_init,
    .repr = future_repr,
    .await = future_await,
    .iter = future_await,
};

static const MethodDef task_methods[] = {
    {"cancel", task_cancel, METH_KEYWORDS, "Request that this task cancel itself."},
    {"cancelling", task_cancelling, 0, "Return the count of the task's cancellation requests."},
    {"uncancel", task_uncancel, 0, "Decrement the task's count of cancellation requests."},
    {"get_coro", task_get_coro, 0, NULL},
    {"get_name", task_get_name, 0, NULL},
    {"set_name", task_set_name, 0, NULL},
    {"get_stack", task_get_stack, METH_KEYWORDS, NULL},
    {"set_result", task_set_result, 0, NULL},
    {"set_exception", task_set_exception, 0, NULL},
    {"_Task__step", task_step_method, 0, NULL},
    {"_Task__wakeup", task_wakeup_method, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static const GetSetDef task_getsets[] = {
    {"_coro", task_get_coro_attr, NULL},
    {"_fut_waiter", task_get_fut_waiter, NULL},
    {"_must_cancel", task_get_must_cancel, NULL},
    {NULL, NULL, NULL},
};

TypeObj type_task = {
    .hdr = OBJ_HEADER_INIT(&type_type),
    .name = "Task",
    .base = &type_future,
    .basicsize = sizeof(TaskObj),
    .flags = TYPE_BASETYPE,
    .doc = "A coroutine wrapped in a Future.",
    .methods = task_methods,
    .getsets = task_getsets,
    .trace = task_trace,
    .tp_new = task_tp_new,
    .tp_init = task_tp_init,
    .repr = task_repr,
};

static const MethodDef future_iter_methods[] = {
    {"send", future_iter_send, 0, NULL},
    {"throw", future_iter_throw, 0, NULL},
    {"close", future_iter_close, 0, NULL},
    {NULL, NULL, 0, NULL},
};

TypeObj type_future_iter = {
    .hdr = OBJ_HEADER_INIT(&type_type),
    .name = "FutureIter",
    .basicsize = sizeof(FutureIterObj),
    .flags = TYPE_ABSTRACT_NEW,
    .methods = future_iter_methods,
    .trace = future_iter_trace,
    .iter = iter_self,
    .iternext = future_iter_next,
    .send = future_iter_send_slot,
};

static const MethodDef handle_methods[] = {
    {"cancel", handle_cancel, 0, NULL},
    {"cancelled", handle_cancelled, 0, NULL},
    {"get_context", handle_get_context, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static const MethodDef timer_handle_methods[] = {
    {"when", handle_when, 0, "Return a scheduled callback time."},
    {NULL, NULL, 0, NULL},
};

TypeObj type_handle = {
    .hdr = OBJ_HEADER_INIT(&type_type),
    .name = "Handle",
    .basicsize = sizeof(HandleObj),
    .flags = TYPE_ABSTRACT_NEW,
    .doc = "Object returned by callback registration methods.",
    .methods = handle_methods,
    .trace = handle_trace,
    .repr = handle_repr,
};

TypeObj type_timer_handle = {
    .hdr = OBJ_HEADER_INIT(&type_type),
    .name = "TimerHandle",
    .base = &type_handle,
    .basicsize = sizeof(HandleObj),
    .flags = TYPE_ABSTRACT_NEW,
    .doc = "Object returned by timed callback registration methods.",
    .methods = timer_handle_methods,
    .trace = handle_trace,
    .repr = handle_repr,
    .richcompare = timer_compare,
};

static const MethodDef loop_methods[] = {
    {"call_soon", loop_call_soon, METH_KEYWORDS, NULL},
    {"call_soon_threadsafe", loop_call_soon_threadsafe, METH_KEYWORDS, NULL},
    {"call_later", loop_call_later, METH_KEYWORDS, NULL},
    {"call_at", loop_call_at, METH_KEYWORDS, NULL},
    {"time", loop_time, 0, NULL},
    {"create_future", loop_create_future, 0, NULL},
    {"create_task", loop_create_task, METH_KEYWORDS, NULL},
    {"run_forever", loop_run_forever, 0, NULL},
    {"run_until_complete", loop_run_until_complete, 0, NULL},
    {"stop", loop_stop, 0, NULL},
    {"is_running", loop_is_running, 0, NULL},
    {"is_closed", loop_is_closed, 0, NULL},
    {"close", loop_close, 0, NULL},
    {"get_debug", loop_get_debug, 0, NULL},
    {"set_debug", loop_set_debug, 0, NULL},
    {"add_reader", loop_add_reader, 0, NULL},
    {"add_writer", loop_add_writer, 0, NULL},
    {"remove_reader", loop_remove_reader, 0, NULL},
    {"remove_writer", loop_remove_writer, 0, NULL},
    {"get_exception_handler", loop_get_exception_handler, 0, NULL},
    {"set_exception_handler", loop_set_exception_handler, 0, NULL},
    {"_current_task", loop_current_task, 0, NULL},
    {"_all_tasks", loop_all_tasks, 0, NULL},
    {"_stats", loop_stats, 0, NULL},
    {NULL, NULL, 0, NULL},
};

TypeObj type_event_loop = {
    .hdr = OBJ_HEADER_INIT(&type_type),
    .name = "EventLoop",
    .basicsize = sizeof(LoopObj),
    .flags = TYPE_BASETYPE,
    .doc = "The epoll event loop at the core of asyncio.",
    .methods = loop_methods,
    .trace = loop_trace,
    .finalize = loop_finalize,
    .tp_new = loop_tp_new,
    .tp_init = loop_tp_init,
};

static const MethodDef asyncio_functions[] = {
    {"get_running_loop", mod_get_running_loop, 0, "Return the running event loop."},
    {"_get_running_loop", mod_get_running_loop_or_none, 0, NULL},
    {"_set_running_loop", mod_set_running_loop, 0, NULL},
    {"create_task", mod_create_task, METH_KEYWORDS, "Schedule a coroutine as a Task."},
    {"current_task", mod_current_task, METH_KEYWORDS, NULL},
    {"iscoroutine", mod_iscoroutine, 0, NULL},
    {"_set_result_unless_cancelled", mod_set_result_unless_cancelled, 0, NULL},
    {"_run_reports", mod_run_reports, 0, NULL},
    {"_print_exception", mod_print_exception, 0, NULL},
    {NULL, NULL, 0, NULL},
};

// class Name(Base): with __module__ = "asyncio.exceptions".
static Value make_exception_class(ThreadState *ts, const char *name, Value base) {
    Value bases = tuple_pack(ts, 1, base);
    Value dict = dict_new(ts);
    if (dict_set_cstr(ts, as_dict(dict), "__module__", str_from_cstr(ts, "asyncio.exceptions")) <
        0) {
        return CS_ERR;
    }
    return type_new_class(ts, &type_type, str_from_cstr(ts, name), bases, dict, NULL, NULL);
}

Value asyncio_module_init(ThreadState *ts) {
    Value mv = module_new(ts, "_asyncio");
    ModuleObj *m = (ModuleObj *)as_obj(mv);
    Interp *interp = ts->interp;
    if (interp->asyncio_cancelled_error == CS_NONE) {
        Value ce = make_exception_class(ts, "CancelledError", obj_val(exc_BaseException));
        if (ce == CS_ERR) {
            return CS_ERR;
        }
        interp->asyncio_cancelled_error = ce;
        Value ise = make_exception_class(ts, "InvalidStateError", obj_val(exc_Exception));
        if (ise == CS_ERR) {
            return CS_ERR;
        }
        interp->asyncio_invalid_state_error = ise;
    }
    if (module_add_functions(ts, m, asyncio_functions) < 0 ||
        module_add_value(ts, m, "Future", obj_val(&type_future)) < 0 ||
        module_add_value(ts, m, "_sleep0", obj_val(&sleep0_singleton)) < 0 ||
        module_add_value(ts, m, "Task", obj_val(&type_task)) < 0 ||
        module_add_value(ts, m, "Handle", obj_val(&type_handle)) < 0 ||
        module_add_value(ts, m, "TimerHandle", obj_val(&type_timer_handle)) < 0 ||
        module_add_value(ts, m, "EventLoop", obj_val(&type_event_loop)) < 0 ||
        module_add_value(ts, m, "CancelledError", interp->asyncio_cancelled_error) < 0 ||
        module_add_value(ts, m, "InvalidStateError", interp->asyncio_invalid_state_error) < 0) {
        return CS_ERR;
    }
    return mv;
}
