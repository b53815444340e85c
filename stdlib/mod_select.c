// The select module: select(), poll objects and epoll objects, waiting on
// file descriptors (ints or objects with fileno(), converted by
// stdlib/sockutil.c). Every wait runs between the blocking hooks and, when
// a signal interrupts it, runs the handlers and waits again for the time
// left (PEP 475). selectors (stdlib/lib/selectors.cs) is built on these.
#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/select.h>
#include <unistd.h>

#include "stdlib/modules.h"
#include "stdlib/sockutil.h"
#include "vm/exc.h"
#include "vm/func.h"
#include "vm/gc.h"
#include "vm/int.h"
#include "vm/list.h"
#include "vm/state.h"
#include "vm/str.h"

extern TypeObj type_poll, type_epoll;

// A wait's deadline: the time left for the next try after EINTR, in
// nanoseconds (negative: no limit).
static int64_t time_left(int64_t timeout, int64_t deadline) {
    if (timeout < 0) {
        return -1;
    }
    int64_t left = deadline - sockutil_now_ns();
    return left < 0 ? 0 : left;
}

// Nanoseconds as poll/epoll milliseconds, rounded up; -1 for no limit.
// OverflowError "timeout is too large" past INT_MAX ms.
static int ms_arg(ThreadState *ts, int64_t ns, int *out) {
    if (ns < 0) {
        *out = -1;
        return 0;
    }
    int64_t ms = ns / 1000000 + (ns % 1000000 != 0);
    if (ms > INT_MAX) {
        return exc_raise_int(ts, exc_OverflowError, "timeout is too large");
    }
    *out = (int)ms;
    return 0;
}

// A timeout argument of poll (milliseconds) or epoll.poll (seconds): None
// or negative means no limit. TypeError "timeout must be an integer or None".
static int wait_timeout_arg(ThreadState *ts, Value v, int64_t unit_ns, int64_t *out) {
    if (v == CS_UNBOUND || v == CS_NONE) {
        *out = -1;
        return 0;
    }
    if (sockutil_timeout_ns(ts, v, unit_ns, out) < 0) {
        if (exc_matches(ts, exc_TypeError)) {
            exc_clear(ts);
            return exc_raise_int(ts, exc_TypeError, "timeout must be an integer or None");
        }
        return -1;
    }
    if (*out < 0) {
        *out = -1;
    }
    return 0;
}

// ---------------------------------------------------------------------------
// select()

typedef struct FdList {
    ListObj *objs; // a private copy of the argument: keeps the objects alive
    int *fds;
} FdList;

// One of select's three arguments: any iterable of fds or fileno() objects.
static int fdlist_build(ThreadState *ts, Value seq, FdList *out, fd_set *set, int *maxfd) {
    Value list = obj_to_list(ts, seq);
    if (list == CS_ERR) {
        if (exc_matches(ts, exc_TypeError)) {
            exc_clear(ts);
            return exc_raise_int(ts, exc_TypeError, "arguments 1-3 must be sequences");
        }
        return -1;
    }
    out->objs = as_list(list);
    size_t n = out->objs->len;
    out->fds = malloc((n ? n : 1) * sizeof(int));
    if (!out->fds) {
        exc_no_memory(ts);
        return -1;
    }
    for (size_t i = 0; i < n && i < out->objs->len; i++) {
        int fd;
        if (sockutil_fd_arg(ts, out->objs->items[i], &fd) < 0) {
            return -1;
        }
        if (fd >= FD_SETSIZE) {
            return exc_raise_int(ts, exc_ValueError, "filedescriptor out of range in select()");
        }
        out->fds[i] = fd;
        FD_SET(fd, set);
        if (fd > *maxfd) {
            *maxfd = fd;
        }
    }
    return 0;
}

// The objects of `l` whose descriptors are in the ready set.
static Value fdlist_ready(ThreadState *ts, FdList *l, fd_set *set) {
    Value out = list_new(ts, 0);
    for (size_t i = 0; i < l->objs->len; i++) {
        if (FD_ISSET(l->fds[i], set) && list_append(ts, as_list(out), l->objs->items[i]) < 0) {
            return CS_ERR;
        }
    }
    return out;
}

static Value select_select(ThreadState *ts, Value self, const Value *args, size_t nargs,
                           TupleObj *kwnames) {
    if (arg_no_kw(ts, "select.select", kwnames) < 0 || arg_count(ts, "select", nargs, 3, 4) < 0) {
        return CS_ERR;
    }
    int64_t timeout = -1;
    if (nargs > 3 && args[3] != CS_NONE) {
        if (sockutil_timeout_ns(ts, args[3], 1000000000, &timeout) < 0) {
            if (exc_matches(ts, exc_TypeError)) {
                exc_clear(ts);
                return exc_raise(ts, exc_TypeError, "timeout must be a float or None");
            }
            return CS_ERR;
        }
        if (timeout < 0) {
            return exc_raise(ts, exc_ValueError, "timeout must be non-negative");
        }
    }
    FdList lists[3] = {{NULL, NULL}, {NULL, NULL}, {NULL, NULL}};
    fd_set want[3], got[3];
    int maxfd = -1;
    Value result = CS_ERR;
    for (int i = 0; i < 3; i++) {
        FD_ZERO(&want[i]);
        if (fdlist_build(ts, args[i], &lists[i], &want[i], &maxfd) < 0) {
            goto done;
        }
    }
    int64_t deadline = timeout >= 0 ? sockutil_now_ns() + timeout : 0;
    for (int64_t left = timeout;; left = time_left(timeout, deadline)) {
        memcpy(got, want, sizeof got);
        struct timeval tv, *tvp = NULL;
        if (left >= 0) {
            tv.tv_sec = (time_t)(left / 1000000000);
            tv.tv_usec = (suseconds_t)((left % 1000000000 + 999) / 1000);
            if (tv.tv_usec >= 1000000) {
                tv.tv_sec++;
                tv.tv_usec -= 1000000;
            }
            tvp = &tv;
        }
        sockutil_blocking_begin(ts);
        int n = select(maxfd + 1, &got[0], &got[1], &got[2], tvp);
        int err = errno;
        sockutil_blocking_end(ts);
        if (n >= 0) {
            break;
        }
        if (err != EINTR) {
            exc_raise_errno(ts, err, CS_NONE);
            goto done;
        }
        if (sockutil_check_signals(ts) < 0) {
            goto done;
        }
    }
    Value ready[3];
    for (int i = 0; i < 3; i++) {
        ready[i] = fdlist_ready(ts, &lists[i], &got[i]);
        if (ready[i] == CS_ERR) {
            goto done;
        }
    }
    result = tuple_pack(ts, 3, ready[0], ready[1], ready[2]);
done:
    for (int i = 0; i < 3; i++) {
        free(lists[i].fds);
    }
    return result;
}

// ---------------------------------------------------------------------------
// poll objects: the registered descriptors in registration order, as
// CPython's poll keeps them in a dict.

typedef struct PollObj {
    Obj hdr;
    struct pollfd *fds; // malloc'd
    size_t n, cap;
    bool polling; // a poll() is running (another thread may not start one)
} PollObj;

static PollObj *as_poll(Value v) {
    return (PollObj *)as_obj(v);
}

static void poll_finalize(Obj *o) {
    free(((PollObj *)o)->fds);
}

static ssize_t poll_find(PollObj *p, int fd) {
    for (size_t i = 0; i < p->n; i++) {
        if (p->fds[i].fd == fd) {
            return (ssize_t)i;
        }
    }
    return -1;
}

// An event mask of poll (C unsigned short), with the messages of CPython's
// converter.
static int poll_mask_arg(ThreadState *ts, Value v, short *out) {
    if (!int_check(v)) {
        return exc_raise_int(ts, exc_TypeError, "an integer is required");
    }
    int64_t m;
    if (int_sign(v) < 0) {
        return exc_raise_int(ts, exc_ValueError, "value must be positive");
    }
    if (int_as_i64(ts, v, &m) < 0) {
        exc_clear(ts);
        if (int_compare(v, int_from_u64(ts, UINT64_MAX)) > 0) {
            return exc_raise_int(ts, exc_OverflowError,
                                 "Python int too large to convert to C unsigned long");
        }
        m = INT64_MAX;
    }
    if (m > 0xffff) {
        return exc_raise_int(ts, exc_OverflowError, "Python int too large for C unsigned short");
    }
    *out = (short)(unsigned short)m;
    return 0;
}

static Value poll_register(ThreadState *ts, Value self, const Value *args, size_t nargs,
                           TupleObj *kwnames) {
    int fd;
    short mask = POLLIN | POLLPRI | POLLOUT;
    if (arg_no_kw(ts, "poll.register", kwnames) < 0 || arg_count(ts, "register", nargs, 1, 2) < 0 ||
        sockutil_fd_arg(ts, args[0], &fd) < 0 ||
        (nargs > 1 && poll_mask_arg(ts, args[1], &mask) < 0)) {
        return CS_ERR;
    }
    PollObj *p = as_poll(self);
    ssize_t i = poll_find(p, fd);
    if (i >= 0) {
        p->fds[i].events = mask;
        return CS_NONE;
    }
    if (p->n == p->cap) {
        size_t cap = p->cap ? p->cap * 2 : 8;
        struct pollfd *nf = realloc(p->fds, cap * sizeof *nf);
        if (!nf) {
            return exc_no_memory(ts);
        }
        p->fds = nf;
        p->cap = cap;
    }
    p->fds[p->n++] = (struct pollfd){.fd = fd, .events = mask};
    return CS_NONE;
}

static Value poll_modify(ThreadState *ts, Value self, const Value *args, size_t nargs,
                         TupleObj *kwnames) {
    int fd;
    short mask;
    if (arg_no_kw(ts, "poll.modify", kwnames) < 0 || arg_count(ts, "modify", nargs, 2, 2) < 0 ||
        sockutil_fd_arg(ts, args[0], &fd) < 0 || poll_mask_arg(ts, args[1], &mask) < 0) {
        return CS_ERR;
    }
    PollObj *p = as_poll(self);
    ssize_t i = poll_find(p, fd);
    if (i < 0) {
        return exc_raise_errno(ts, ENOENT, CS_NONE);
    }
    p->fds[i].events = mask;
    return CS_NONE;
}

static Value poll_unregister(ThreadState *ts, Value self, const Value *args, size_t nargs,
                             TupleObj *kwnames) {
    int fd;
    if (arg_no_kw(ts, "poll.unregister", kwnames) < 0 ||
        arg_count(ts, "poll.unregister", nargs, 1, 1) < 0 ||
        sockutil_fd_arg(ts, args[0], &fd) < 0) {
        return CS_ERR;
    }
    PollObj *p = as_poll(self);
    ssize_t i = poll_find(p, fd);
    if (i < 0) {
        Value key = small_int_val(fd);
        return exc_raise_args(ts, exc_KeyError, &key, 1);
    }
    memmove(&p->fds[i], &p->fds[i + 1], (p->n - (size_t)i - 1) * sizeof *p->fds);
    p->n--;
    return CS_NONE;
}

// poll([timeout]) -> [(fd, events)]: the wait runs over a private copy of
// the registrations, so register/unregister from another thread meanwhile
// cannot move the memory poll(2) is writing.
static Value poll_poll(ThreadState *ts, Value self, const Value *args, size_t nargs,
                       TupleObj *kwnames) {
    int64_t timeout;
    if (arg_no_kw(ts, "poll.poll", kwnames) < 0 || arg_count(ts, "poll", nargs, 0, 1) < 0 ||
        wait_timeout_arg(ts, nargs ? args[0] : CS_NONE, 1000000, &timeout) < 0) {
        return CS_ERR;
    }
    int ms = -1;
    if (ms_arg(ts, timeout, &ms) < 0) {
        return CS_ERR;
    }
    PollObj *p = as_poll(self);
    if (p->polling) {
        return exc_raise(ts, exc_RuntimeError, "concurrent poll() invocation");
    }
    size_t n = p->n;
    struct pollfd *fds = malloc((n ? n : 1) * sizeof *fds);
    if (!fds) {
        return exc_no_memory(ts);
    }
    memcpy(fds, p->fds, n * sizeof *fds);
    int64_t deadline = timeout >= 0 ? sockutil_now_ns() + timeout : 0;
    int k;
    p->polling = true;
    for (;;) {
        sockutil_blocking_begin(ts);
        k = poll(fds, n, ms);
        int err = errno;
        sockutil_blocking_end(ts);
        if (k >= 0) {
            break;
        }
        if (err != EINTR) {
            p->polling = false;
            free(fds);
            return exc_raise_errno(ts, err, CS_NONE);
        }
        if (sockutil_check_signals(ts) < 0) {
            p->polling = false;
            free(fds);
            return CS_ERR;
        }
        (void)ms_arg(ts, time_left(timeout, deadline), &ms);
    }
    p->polling = false;
    Value out = list_new(ts, 0);
    for (size_t i = 0; i < n && k > 0; i++) {
        if (fds[i].revents == 0) {
            continue;
        }
        k--;
        Value item = tuple_pack(ts, 2, small_int_val(fds[i].fd),
                                small_int_val((unsigned short)fds[i].revents));
        if (list_append(ts, as_list(out), item) < 0) {
            free(fds);
            return CS_ERR;
        }
    }
    free(fds);
    return out;
}

static const MethodDef poll_methods[] = {
    {"register", poll_register, METH_KEYWORDS,
     "Register a file descriptor with the polling object."},
    {"modify", poll_modify, METH_KEYWORDS, "Modify an already registered file descriptor."},
    {"unregister", poll_unregister, METH_KEYWORDS,
     "Remove a file descriptor being tracked by the polling object."},
    {"poll", poll_poll, METH_KEYWORDS, "Polls the set of registered file descriptors."},
    {NULL, NULL, 0, NULL},
};

static Value poll_repr(ThreadState *ts, Value self) {
    return str_format_c(ts, "<select.poll object at %p>", as_obj(self));
}

TypeObj type_poll = {
    .hdr = OBJ_HEADER_INIT(&type_type),
    .name = "select.poll",
    .basicsize = sizeof(PollObj),
    .flags = TYPE_ABSTRACT_NEW,
    .methods = poll_methods,
    .finalize = poll_finalize,
    .repr = poll_repr,
};

static Value select_poll(ThreadState *ts, Value self, const Value *args, size_t nargs,
                         TupleObj *kwnames) {
    if (arg_no_kw(ts, "select.poll", kwnames) < 0 ||
        arg_count(ts, "select.poll", nargs, 0, 0) < 0) {
        return CS_ERR;
    }
    PollObj *p = gc_alloc(ts, &type_poll, sizeof(PollObj));
    return obj_val(p);
}

// ---------------------------------------------------------------------------
// epoll objects

typedef struct EpollObj {
    Obj hdr;
    int epfd; // -1 once closed
} EpollObj;

static EpollObj *as_epoll(Value v) {
    return (EpollObj *)as_obj(v);
}

static void epoll_finalize(Obj *o) {
    EpollObj *e = (EpollObj *)o;
    if (e->epfd >= 0) {
        close(e->epfd);
        e->epfd = -1;
    }
}

static int epoll_check_open(ThreadState *ts, EpollObj *e) {
    if (e->epfd < 0) {
        return exc_raise_int(ts, exc_ValueError, "I/O operation on closed epoll object");
    }
    return 0;
}

static Value epoll_tp_new(ThreadState *ts, TypeObj *type, const Value *args, size_t nargs,
                          TupleObj *kwnames) {
    Value a[2];
    int sizehint = -1, flags = 0;
    if (nargs > 2) {
        return exc_raise(ts, exc_TypeError, "epoll() takes at most 2 arguments (%zu given)", nargs);
    }
    if (arg_parse(ts, "epoll", args, nargs, kwnames, "|sizehint,flags", a) < 0 ||
        (a[0] != CS_UNBOUND && sockutil_int_arg(ts, a[0], &sizehint) < 0) ||
        (a[1] != CS_UNBOUND && sockutil_int_arg(ts, a[1], &flags) < 0)) {
        return CS_ERR;
    }
    if (sizehint != -1 && sizehint <= 0) {
        return exc_raise(ts, exc_ValueError, "negative sizehint");
    }
    // flags is kept for compatibility: the descriptor is always close-on-exec.
    EpollObj *e = gc_alloc(ts, type, type->basicsize);
    e->epfd = epoll_create1(EPOLL_CLOEXEC);
    if (e->epfd < 0) {
        return exc_raise_errno(ts, errno, CS_NONE);
    }
    return obj_val(e);
}

static Value epoll_close(ThreadState *ts, Value self, const Value *args, size_t nargs,
                         TupleObj *kwnames) {
    if (arg_no_kw(ts, "epoll.close", kwnames) < 0 ||
        arg_count(ts, "epoll.close", nargs, 0, 0) < 0) {
        return CS_ERR;
    }
    EpollObj *e = as_epoll(self);
    int fd = e->epfd;
    e->epfd = -1;
    if (fd >= 0 && close(fd) < 0) {
        return exc_raise_errno(ts, errno, CS_NONE);
    }
    return CS_NONE;
}

static Value epoll_fileno(ThreadState *ts, Value self, const Value *args, size_t nargs,
                          TupleObj *kwnames) {
    if (arg_no_kw(ts, "epoll.fileno", kwnames) < 0 ||
        arg_count(ts, "epoll.fileno", nargs, 0, 0) < 0 ||
        epoll_check_open(ts, as_epoll(self)) < 0) {
        return CS_ERR;
    }
    return small_int_val(as_epoll(self)->epfd);
}

static Value epoll_fromfd(ThreadState *ts, Value cls, const Value *args, size_t nargs,
                          TupleObj *kwnames) {
    int fd;
    if (arg_no_kw(ts, "epoll.fromfd", kwnames) < 0 ||
        arg_count(ts, "epoll.fromfd", nargs, 1, 1) < 0 || sockutil_int_arg(ts, args[0], &fd) < 0) {
        return CS_ERR;
    }
    TypeObj *t = (TypeObj *)as_obj(cls);
    EpollObj *e = gc_alloc(ts, t, t->basicsize);
    e->epfd = fd;
    return obj_val(e);
}

// register/modify: fd (int or fileno()) and an unsigned event mask.
static int epoll_ctl_args(ThreadState *ts, const char *fname, Value self, const Value *args,
                          size_t nargs, TupleObj *kwnames, bool mask_required, int *fd,
                          uint32_t *mask) {
    Value a[2];
    if (arg_parse(ts, fname, args, nargs, kwnames, mask_required ? "fd,eventmask" : "fd|eventmask",
                  a) < 0 ||
        sockutil_fd_arg(ts, a[0], fd) < 0) {
        return -1;
    }
    *mask = EPOLLIN | EPOLLPRI | EPOLLOUT;
    if (a[1] != CS_UNBOUND) {
        Value iv = obj_index(ts, a[1]);
        if (iv == CS_ERR) {
            return -1;
        }
        // PyArg "I": the low 32 bits, whatever the int.
        Value low = obj_binop(ts, iv, int_from_i64(ts, 0xffffffff), BINOP_AND);
        int64_t m;
        if (low == CS_ERR || int_as_i64(ts, low, &m) < 0) {
            return -1;
        }
        *mask = (uint32_t)m;
    }
    return epoll_check_open(ts, as_epoll(self));
}

static Value epoll_ctl_call(ThreadState *ts, Value self, int op, int fd, uint32_t mask) {
    struct epoll_event ev = {.events = mask, .data.fd = fd};
    if (epoll_ctl(as_epoll(self)->epfd, op, fd, &ev) < 0) {
        return exc_raise_errno(ts, errno, CS_NONE);
    }
    return CS_NONE;
}

static Value epoll_register(ThreadState *ts, Value self, const Value *args, size_t nargs,
                            TupleObj *kwnames) {
    int fd;
    uint32_t mask;
    if (epoll_ctl_args(ts, "register", self, args, nargs, kwnames, false, &fd, &mask) < 0) {
        return CS_ERR;
    }
    return epoll_ctl_call(ts, self, EPOLL_CTL_ADD, fd, mask);
}

static Value epoll_modify(ThreadState *ts, Value self, const Value *args, size_t nargs,
                          TupleObj *kwnames) {
    int fd;
    uint32_t mask;
    if (epoll_ctl_args(ts, "modify", self, args, nargs, kwnames, true, &fd, &mask) < 0) {
        return CS_ERR;
    }
    return epoll_ctl_call(ts, self, EPOLL_CTL_MOD, fd, mask);
}

static Value epoll_unregister(ThreadState *ts, Value self, const Value *args, size_t nargs,
                              TupleObj *kwnames) {
    Value a[1];
    int fd;
    if (arg_parse(ts, "unregister", args, nargs, kwnames, "fd", a) < 0 ||
        sockutil_fd_arg(ts, a[0], &fd) < 0 || epoll_check_open(ts, as_epoll(self)) < 0) {
        return CS_ERR;
    }
    return epoll_ctl_call(ts, self, EPOLL_CTL_DEL, fd, 0);
}

// poll(timeout=None, maxevents=-1) -> [(fd, events)]; timeout in seconds.
static Value epoll_poll(ThreadState *ts, Value self, const Value *args, size_t nargs,
                        TupleObj *kwnames) {
    Value a[2];
    int64_t timeout;
    int maxevents = -1, ms = -1;
    if (nargs > 2) {
        return exc_raise(ts, exc_TypeError, "poll() takes at most 2 arguments (%zu given)", nargs);
    }
    if (arg_parse(ts, "poll", args, nargs, kwnames, "|timeout,maxevents", a) < 0 ||
        wait_timeout_arg(ts, a[0], 1000000000, &timeout) < 0 ||
        (a[1] != CS_UNBOUND && sockutil_int_arg(ts, a[1], &maxevents) < 0) ||
        ms_arg(ts, timeout, &ms) < 0 || epoll_check_open(ts, as_epoll(self)) < 0) {
        return CS_ERR;
    }
    if (maxevents == -1) {
        maxevents = FD_SETSIZE - 1;
    } else if (maxevents < 1) {
        return exc_raise(ts, exc_ValueError, "maxevents must be greater than 0, got %d", maxevents);
    }
    struct epoll_event *evs = malloc((size_t)maxevents * sizeof *evs);
    if (!evs) {
        return exc_no_memory(ts);
    }
    int epfd = as_epoll(self)->epfd;
    int64_t deadline = timeout >= 0 ? sockutil_now_ns() + timeout : 0;
    int n;
    for (;;) {
        sockutil_blocking_begin(ts);
        n = epoll_wait(epfd, evs, maxevents, ms);
        int err = errno;
        sockutil_blocking_end(ts);
        if (n >= 0) {
            break;
        }
        if (err != EINTR) {
            free(evs);
            return exc_raise_errno(ts, err, CS_NONE);
        }
        if (sockutil_check_signals(ts) < 0) {
            free(evs);
            return CS_ERR;
        }
        (void)ms_arg(ts, time_left(timeout, deadline), &ms);
    }
    Value out = list_new(ts, 0);
    for (int i = 0; i < n; i++) {
        Value item =
            tuple_pack(ts, 2, small_int_val(evs[i].data.fd), int_from_u64(ts, evs[i].events));
        if (list_append(ts, as_list(out), item) < 0) {
            free(evs);
            return CS_ERR;
        }
    }
    free(evs);
    return out;
}

static Value epoll_enter(ThreadState *ts, Value self, const Value *args, size_t nargs,
                         TupleObj *kwnames) {
    if (epoll_check_open(ts, as_epoll(self)) < 0) {
        return CS_ERR;
    }
    return self;
}

static Value epoll_exit(ThreadState *ts, Value self, const Value *args, size_t nargs,
                        TupleObj *kwnames) {
    return epoll_close(ts, self, NULL, 0, NULL);
}

static Value epoll_get_closed(ThreadState *ts, Value self) {
    return bool_val(as_epoll(self)->epfd < 0);
}

static Value epoll_repr(ThreadState *ts, Value self) {
    return str_format_c(ts, "<%s object at %p>", type_of(self)->name, as_obj(self));
}

static const GetSetDef epoll_getsets[] = {
    {"closed", epoll_get_closed, NULL},
    {NULL, NULL, NULL},
};

static const MethodDef epoll_methods[] = {
    {"close", epoll_close, METH_KEYWORDS, "Close the epoll control file descriptor."},
    {"fileno", epoll_fileno, METH_KEYWORDS, "Return the epoll control file descriptor."},
    {"fromfd", epoll_fromfd, METH_KEYWORDS | METH_CLASS,
     "Create an epoll object from a given control fd."},
    {"register", epoll_register, METH_KEYWORDS,
     "Registers a new fd or raises an OSError if the fd is already registered."},
    {"modify", epoll_modify, METH_KEYWORDS, "Modify event mask for a registered file descriptor."},
    {"unregister", epoll_unregister, METH_KEYWORDS,
     "Remove a registered file descriptor from the epoll object."},
    {"poll", epoll_poll, METH_KEYWORDS, "Wait for events on the epoll file descriptor."},
    {"__enter__", epoll_enter, 0, NULL},
    {"__exit__", epoll_exit, 0, NULL},
    {NULL, NULL, 0, NULL},
};

TypeObj type_epoll = {
    .hdr = OBJ_HEADER_INIT(&type_type),
    .name = "select.epoll",
    .basicsize = sizeof(EpollObj),
    .flags = TYPE_BASETYPE,
    .doc = "select.epoll(sizehint=-1, flags=0)\n\nReturns an epolling object.",
    .methods = epoll_methods,
    .getsets = epoll_getsets,
    .finalize = epoll_finalize,
    .tp_new = epoll_tp_new,
    .repr = epoll_repr,
};

// ---------------------------------------------------------------------------
// The module

static const MethodDef select_functions[] = {
    {"select", select_select, METH_KEYWORDS,
     "Wait until one or more file descriptors are ready for some kind of I/O."},
    {"poll", select_poll, METH_KEYWORDS, "Returns a polling object."},
    {NULL, NULL, 0, NULL},
};

typedef struct IntConst {
    const char *name;
    long value;
} IntConst;

#define C(name)                                                                                    \
    { #name, (long)(name) }
// clang-format off
static const IntConst select_constants[] = {
    C(POLLIN),     C(POLLPRI),       C(POLLOUT),     C(POLLERR),      C(POLLHUP),
    C(POLLNVAL),   C(POLLRDNORM),    C(POLLRDBAND),  C(POLLWRNORM),   C(POLLWRBAND),
    C(POLLMSG),    C(POLLRDHUP),     C(EPOLLIN),     C(EPOLLOUT),     C(EPOLLPRI),
    C(EPOLLERR),   C(EPOLLHUP),      C(EPOLLET),     C(EPOLLONESHOT), C(EPOLLEXCLUSIVE),
    C(EPOLLRDHUP), C(EPOLLRDNORM),   C(EPOLLRDBAND), C(EPOLLWRNORM),  C(EPOLLWRBAND),
    C(EPOLLMSG),   C(EPOLL_CLOEXEC), C(PIPE_BUF),
    {NULL, 0},
};
// clang-format on
#undef C

Value select_module_init(ThreadState *ts) {
    Value mv = module_new(ts, "select");
    ModuleObj *m = (ModuleObj *)as_obj(mv);
    if (module_add_functions(ts, m, select_functions) < 0 ||
        module_add_value(ts, m, "epoll", obj_val(&type_epoll)) < 0 ||
        module_add_value(ts, m, "error", obj_val(exc_OSError)) < 0) {
        return CS_ERR;
    }
    for (const IntConst *c = select_constants; c->name; c++) {
        if (module_add_int(ts, m, c->name, c->value) < 0) {
            return CS_ERR;
        }
    }
    return mv;
}
