// The select module: select(), poll objects and epoll objects. Waiting
// re-checks signals on EINTR (Ctrl-C raises KeyboardInterrupt) and retries
// with the time that remains, as PEP 475 asks.
#include <errno.h>
#include <math.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <time.h>
#include <unistd.h>

#include "stdlib/modules.h"
#include "vm/dict.h"
#include "vm/eval.h"
#include "vm/exc.h"
#include "vm/func.h"
#include "vm/gc.h"
#include "vm/int.h"
#include "vm/list.h"
#include "vm/state.h"
#include "vm/str.h"

extern TypeObj type_poll, type_epoll;

static void blocking_begin(ThreadState *ts) {
    (void)ts;
}

static void blocking_end(ThreadState *ts) {
    (void)ts;
}

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

// An int, or an object with fileno(): the descriptor (-1 raised).
static int fd_from(ThreadState *ts, Value v) {
    Value fdv = v;
    if (!has_type_flag(v, TYPE_INT_SUBCLASS)) {
        Value m = obj_lookup_attr(ts, v, as_str(str_intern_cstr(ts, "fileno")));
        if (m == CS_ERR) {
            return -1;
        }
        if (m == CS_UNBOUND) {
            exc_raise(ts, exc_TypeError,
                      "argument must be an int, or have a fileno() method.");
            return -1;
        }
        fdv = obj_call0(ts, m);
        if (fdv == CS_ERR) {
            return -1;
        }
        if (!has_type_flag(fdv, TYPE_INT_SUBCLASS)) {
            exc_raise(ts, exc_TypeError, "fileno() returned a non-integer");
            return -1;
        }
    }
    int64_t fd;
    if (int_as_i64(ts, fdv, &fd) < 0) {
        return -1;
    }
    if (fd < 0) {
        exc_raise(ts, exc_ValueError,
                  "file descriptor cannot be a negative integer (%d)", (int)fd);
        return -1;
    }
    if (fd > 0x7fffffff) {
        exc_raise(ts, exc_OverflowError, "fd is greater than maximum");
        return -1;
    }
    return (int)fd;
}

// A timeout argument in seconds: < 0 means "wait for ever" (None).
static int timeout_secs(ThreadState *ts, Value v, double scale, double *out, const char *what) {
    if (v == CS_UNBOUND || v == CS_NONE) {
        *out = -1;
        return 0;
    }
    double d;
    if (is_float(v)) {
        d = as_float(v);
    } else if (has_type_flag(v, TYPE_INT_SUBCLASS)) {
        int64_t i;
        if (int_as_i64(ts, v, &i) < 0) {
            return -1;
        }
        d = (double)i;
    } else {
        exc_raise(ts, exc_TypeError, "%s must be None or a number", what);
        return -1;
    }
    if (isnan(d)) {
        exc_raise(ts, exc_ValueError, "Invalid value NaN (not a number)");
        return -1;
    }
    *out = d * scale;
    return 0;
}

// poll(2) with EINTR handling; `secs` < 0 waits for ever.
static int poll_wait(ThreadState *ts, struct pollfd *fds, size_t n, double secs) {
    double deadline = secs >= 0 ? now() + secs : 0;
    for (;;) {
        int ms = -1;
        if (secs >= 0) {
            double left = deadline - now();
            ms = left <= 0 ? 0 : (int)ceil(left * 1000.0);
        }
        blocking_begin(ts);
        int r = poll(fds, n, ms);
        int err = errno;
        blocking_end(ts);
        if (r >= 0) {
            return r;
        }
        if (err != EINTR) {
            exc_raise_errno(ts, err, CS_NONE);
            return -1;
        }
        if (vm_handle_breaker(ts) < 0) {
            return -1;
        }
    }
}

// ---------------------------------------------------------------------------
// select.select(rlist, wlist, xlist[, timeout]) (implemented with poll, so
// descriptors above FD_SETSIZE work too)

static Value seq_list(ThreadState *ts, Value v) {
    Value l = obj_to_list(ts, v);
    if (l == CS_ERR && exc_matches(ts, exc_TypeError)) {
        exc_clear(ts);
        return exc_raise(ts, exc_TypeError, "arguments 1-3 must be sequences");
    }
    return l;
}

static Value mod_select(ThreadState *ts, Value self, const Value *args, size_t nargs,
                        TupleObj *kwnames) {
    (void)self;
    if (arg_no_kw(ts, "select", kwnames) < 0 || arg_count(ts, "select", nargs, 3, 4) < 0) {
        return CS_ERR;
    }
    double secs;
    if (timeout_secs(ts, nargs > 3 ? args[3] : CS_NONE, 1.0, &secs, "timeout") < 0) {
        return CS_ERR;
    }
    if (secs < 0 && nargs > 3 && args[3] != CS_NONE) {
        return exc_raise(ts, exc_ValueError, "timeout must be non-negative");
    }
    Value lists[3];
    size_t total = 0;
    for (int i = 0; i < 3; i++) {
        lists[i] = seq_list(ts, args[i]);
        if (lists[i] == CS_ERR) {
            return CS_ERR;
        }
        total += as_list(lists[i])->len;
    }
    struct pollfd *fds = calloc(total ? total : 1, sizeof *fds);
    if (!fds) {
        return exc_no_memory(ts);
    }
    static const short events[3] = {POLLIN, POLLOUT, POLLPRI};
    size_t k = 0;
    for (int i = 0; i < 3; i++) {
        ListObj *l = as_list(lists[i]);
        for (size_t j = 0; j < l->len; j++, k++) {
            int fd = fd_from(ts, l->items[j]);
            if (fd < 0) {
                free(fds);
                return CS_ERR;
            }
            fds[k].fd = fd;
            fds[k].events = events[i];
        }
    }
    if (poll_wait(ts, fds, total, secs) < 0) {
        free(fds);
        return CS_ERR;
    }
    Value out[3];
    k = 0;
    for (int i = 0; i < 3; i++) {
        out[i] = list_new(ts, 0);
        ListObj *l = as_list(lists[i]);
        for (size_t j = 0; j < l->len; j++, k++) {
            short re = fds[k].revents;
            if (re & POLLNVAL) {
                free(fds);
                return exc_raise_errno(ts, EBADF, CS_NONE);
            }
            bool ready = i == 0   ? (re & (POLLIN | POLLHUP | POLLERR)) != 0
                         : i == 1 ? (re & (POLLOUT | POLLERR)) != 0
                                  : (re & POLLPRI) != 0;
            if (ready && list_append(ts, as_list(out[i]), l->items[j]) < 0) {
                free(fds);
                return CS_ERR;
            }
        }
    }
    free(fds);
    return tuple_pack(ts, 3, out[0], out[1], out[2]);
}

// ---------------------------------------------------------------------------
// poll objects: a dict fd -> event mask

typedef struct PollObj {
    Obj hdr;
    Value fds; // dict int -> int
    bool polling;
} PollObj;

static void poll_trace(Obj *o, GcState *gc) {
    gc_mark_value(gc, ((PollObj *)o)->fds);
}

static Value mod_poll(ThreadState *ts, Value self, const Value *args, size_t nargs,
                      TupleObj *kwnames) {
    (void)self, (void)args;
    if (arg_no_kw(ts, "poll", kwnames) < 0 || arg_count(ts, "poll", nargs, 0, 0) < 0) {
        return CS_ERR;
    }
    Value d = dict_new(ts);
    PollObj *p = gc_alloc(ts, &type_poll, sizeof(PollObj));
    p->fds = d;
    return obj_val(p);
}

static int mask_arg(ThreadState *ts, Value v, int dflt, int *out) {
    if (v == CS_UNBOUND) {
        *out = dflt;
        return 0;
    }
    int64_t m;
    if (!has_type_flag(v, TYPE_INT_SUBCLASS)) {
        exc_raise(ts, exc_TypeError, "'%s' object cannot be interpreted as an integer",
                  obj_type_name(v));
        return -1;
    }
    if (int_as_i64(ts, v, &m) < 0) {
        return -1;
    }
    if (m < 0 || m > 0xffff) {
        exc_raise(ts, exc_OverflowError, "Python int too large for C unsigned short");
        return -1;
    }
    *out = (int)m;
    return 0;
}

static Value poll_register(ThreadState *ts, Value self, const Value *args, size_t nargs,
                           TupleObj *kwnames) {
    if (arg_no_kw(ts, "register", kwnames) < 0 || arg_count(ts, "register", nargs, 1, 2) < 0) {
        return CS_ERR;
    }
    int fd = fd_from(ts, args[0]);
    int mask;
    if (fd < 0 || mask_arg(ts, nargs > 1 ? args[1] : CS_UNBOUND, POLLIN | POLLPRI | POLLOUT,
                           &mask) < 0) {
        return CS_ERR;
    }
    PollObj *p = (PollObj *)as_obj(self);
    return dict_set(ts, as_dict(p->fds), small_int_val(fd), small_int_val(mask)) < 0 ? CS_ERR
                                                                                    : CS_NONE;
}

static Value poll_modify(ThreadState *ts, Value self, const Value *args, size_t nargs,
                         TupleObj *kwnames) {
    if (arg_no_kw(ts, "modify", kwnames) < 0 || arg_count(ts, "modify", nargs, 2, 2) < 0) {
        return CS_ERR;
    }
    int fd = fd_from(ts, args[0]);
    int mask;
    if (fd < 0 || mask_arg(ts, args[1], 0, &mask) < 0) {
        return CS_ERR;
    }
    PollObj *p = (PollObj *)as_obj(self);
    Value old;
    int found = dict_get(ts, as_dict(p->fds), small_int_val(fd), &old);
    if (found < 0) {
        return CS_ERR;
    }
    if (!found) {
        return exc_raise_errno(ts, ENOENT, CS_NONE);
    }
    return dict_set(ts, as_dict(p->fds), small_int_val(fd), small_int_val(mask)) < 0 ? CS_ERR
                                                                                    : CS_NONE;
}

static Value poll_unregister(ThreadState *ts, Value self, const Value *args, size_t nargs,
                             TupleObj *kwnames) {
    if (arg_no_kw(ts, "unregister", kwnames) < 0 ||
        arg_count(ts, "unregister", nargs, 1, 1) < 0) {
        return CS_ERR;
    }
    int fd = fd_from(ts, args[0]);
    if (fd < 0) {
        return CS_ERR;
    }
    PollObj *p = (PollObj *)as_obj(self);
    Value old;
    int found = dict_get(ts, as_dict(p->fds), small_int_val(fd), &old);
    if (found < 0) {
        return CS_ERR;
    }
    if (!found) {
        Value key = small_int_val(fd);
        return exc_raise_args(ts, exc_KeyError, &key, 1);
    }
    return dict_del(ts, as_dict(p->fds), small_int_val(fd)) < 0 ? CS_ERR : CS_NONE;
}

// poll([timeout]) -> [(fd, event), ...]; timeout in milliseconds.
static Value poll_poll(ThreadState *ts, Value self, const Value *args, size_t nargs,
                       TupleObj *kwnames) {
    if (arg_no_kw(ts, "poll", kwnames) < 0 || arg_count(ts, "poll", nargs, 0, 1) < 0) {
        return CS_ERR;
    }
    double secs;
    if (timeout_secs(ts, nargs ? args[0] : CS_NONE, 0.001, &secs, "timeout") < 0) {
        return CS_ERR;
    }
    PollObj *p = (PollObj *)as_obj(self);
    if (p->polling) {
        return exc_raise(ts, exc_RuntimeError, "concurrent poll() invocation");
    }
    DictObj *d = as_dict(p->fds);
    size_t n = 0;
    struct pollfd *fds = calloc(d->nentries ? d->nentries : 1, sizeof *fds);
    if (!fds) {
        return exc_no_memory(ts);
    }
    for (size_t i = 0; i < d->nentries; i++) {
        if (d->entries[i].key == CS_UNBOUND || !is_small_int(d->entries[i].key)) {
            continue;
        }
        fds[n].fd = (int)as_small_int(d->entries[i].key);
        fds[n].events = (short)as_small_int(d->entries[i].value);
        n++;
    }
    p->polling = true;
    int r = poll_wait(ts, fds, n, secs);
    p->polling = false;
    if (r < 0) {
        free(fds);
        return CS_ERR;
    }
    Value out = list_new(ts, 0);
    for (size_t i = 0; i < n; i++) {
        if (fds[i].revents) {
            Value item = tuple_pack(ts, 2, small_int_val(fds[i].fd),
                                    small_int_val((uint16_t)fds[i].revents));
            if (list_append(ts, as_list(out), item) < 0) {
                free(fds);
                return CS_ERR;
            }
        }
    }
    free(fds);
    return out;
}

static const MethodDef poll_methods[] = {
    {"register", poll_register, 0, NULL},
    {"modify", poll_modify, 0, NULL},
    {"unregister", poll_unregister, 0, NULL},
    {"poll", poll_poll, 0, NULL},
    {NULL, NULL, 0, NULL},
};

TypeObj type_poll = {
    .hdr = OBJ_HEADER_INIT(&type_type),
    .name = "select.poll",
    .basicsize = sizeof(PollObj),
    .flags = TYPE_ABSTRACT_NEW,
    .methods = poll_methods,
    .trace = poll_trace,
};

// ---------------------------------------------------------------------------
// epoll objects

typedef struct EpollObj {
    Obj hdr;
    int epfd;
} EpollObj;

static void epoll_finalize(Obj *o) {
    EpollObj *e = (EpollObj *)o;
    if (e->epfd >= 0) {
        close(e->epfd);
        e->epfd = -1;
    }
}

static Value epoll_tp_new(ThreadState *ts, TypeObj *type, const Value *args, size_t nargs,
                          TupleObj *kwnames) {
    Value out[2];
    if (arg_parse(ts, "epoll", args, nargs, kwnames, "|sizehint,flags", out) < 0) {
        return CS_ERR;
    }
    if (out[0] != CS_UNBOUND && is_small_int(out[0]) && as_small_int(out[0]) != -1 &&
        as_small_int(out[0]) <= 0) {
        return exc_raise(ts, exc_ValueError, "negative sizehint");
    }
    EpollObj *e = gc_alloc(ts, type, type->basicsize);
    e->epfd = epoll_create1(EPOLL_CLOEXEC);
    if (e->epfd < 0) {
        return exc_raise_errno(ts, errno, CS_NONE);
    }
    return obj_val(e);
}

static int epoll_check(ThreadState *ts, EpollObj *e) {
    if (e->epfd < 0) {
        exc_raise(ts, exc_ValueError, "I/O operation on closed epoll object");
        return -1;
    }
    return 0;
}

static Value epoll_ctl_common(ThreadState *ts, Value self, const Value *args, size_t nargs,
                              TupleObj *kwnames, int op, const char *name) {
    Value out[2];
    if (arg_parse(ts, name, args, nargs, kwnames, op == EPOLL_CTL_MOD ? "fd,eventmask" : "fd|eventmask",
                  out) < 0) {
        return CS_ERR;
    }
    EpollObj *e = (EpollObj *)as_obj(self);
    if (epoll_check(ts, e) < 0) {
        return CS_ERR;
    }
    int fd = fd_from(ts, out[0]);
    if (fd < 0) {
        return CS_ERR;
    }
    uint32_t mask = EPOLLIN | EPOLLPRI | EPOLLOUT;
    if (out[1] != CS_UNBOUND) {
        int64_t m;
        if (int_as_i64(ts, out[1], &m) < 0) {
            return CS_ERR;
        }
        mask = (uint32_t)m;
    }
    struct epoll_event ev = {.events = mask, .data.fd = fd};
    if (epoll_ctl(e->epfd, op, fd, &ev) < 0) {
        return exc_raise_errno(ts, errno, CS_NONE);
    }
    return CS_NONE;
}

static Value epoll_register(ThreadState *ts, Value self, const Value *args, size_t nargs,
                            TupleObj *kwnames) {
    return epoll_ctl_common(ts, self, args, nargs, kwnames, EPOLL_CTL_ADD, "register");
}

static Value epoll_modify(ThreadState *ts, Value self, const Value *args, size_t nargs,
                          TupleObj *kwnames) {
    return epoll_ctl_common(ts, self, args, nargs, kwnames, EPOLL_CTL_MOD, "modify");
}

static Value epoll_unregister(ThreadState *ts, Value self, const Value *args, size_t nargs,
                              TupleObj *kwnames) {
    Value out[1];
    if (arg_parse(ts, "unregister", args, nargs, kwnames, "fd", out) < 0) {
        return CS_ERR;
    }
    EpollObj *e = (EpollObj *)as_obj(self);
    if (epoll_check(ts, e) < 0) {
        return CS_ERR;
    }
    int fd = fd_from(ts, out[0]);
    if (fd < 0) {
        return CS_ERR;
    }
    struct epoll_event ev = {0};
    if (epoll_ctl(e->epfd, EPOLL_CTL_DEL, fd, &ev) < 0) {
        return exc_raise_errno(ts, errno, CS_NONE);
    }
    return CS_NONE;
}

// poll(timeout=None, maxevents=-1) -> [(fd, events), ...]; timeout in seconds.
static Value epoll_poll(ThreadState *ts, Value self, const Value *args, size_t nargs,
                        TupleObj *kwnames) {
    Value out[2];
    if (arg_parse(ts, "poll", args, nargs, kwnames, "|timeout,maxevents", out) < 0) {
        return CS_ERR;
    }
    EpollObj *e = (EpollObj *)as_obj(self);
    if (epoll_check(ts, e) < 0) {
        return CS_ERR;
    }
    double secs;
    if (timeout_secs(ts, out[0], 1.0, &secs, "timeout") < 0) {
        return CS_ERR;
    }
    int maxevents = 256;
    if (out[1] != CS_UNBOUND) {
        int64_t m;
        if (int_as_i64(ts, out[1], &m) < 0) {
            return CS_ERR;
        }
        if (m == 0 || m < -1) {
            return exc_raise(ts, exc_ValueError, "maxevents must be greater than 0, got %d",
                             (int)m);
        }
        if (m > 0 && m < maxevents) {
            maxevents = (int)m;
        }
    }
    struct epoll_event evs[256];
    double deadline = secs >= 0 ? now() + secs : 0;
    int n;
    for (;;) {
        int ms = -1;
        if (secs >= 0) {
            double left = deadline - now();
            ms = left <= 0 ? 0 : (int)ceil(left * 1000.0);
        }
        blocking_begin(ts);
        n = epoll_wait(e->epfd, evs, maxevents, ms);
        int err = errno;
        blocking_end(ts);
        if (n >= 0) {
            break;
        }
        if (err != EINTR) {
            return exc_raise_errno(ts, err, CS_NONE);
        }
        if (vm_handle_breaker(ts) < 0) {
            return CS_ERR;
        }
    }
    Value list = list_new(ts, 0);
    for (int i = 0; i < n; i++) {
        Value item = tuple_pack(ts, 2, small_int_val(evs[i].data.fd), int_from_u64(ts, evs[i].events));
        if (list_append(ts, as_list(list), item) < 0) {
            return CS_ERR;
        }
    }
    return list;
}

static Value epoll_close(ThreadState *ts, Value self, const Value *args, size_t nargs,
                         TupleObj *kwnames) {
    (void)ts, (void)args, (void)nargs, (void)kwnames;
    epoll_finalize(as_obj(self));
    return CS_NONE;
}

static Value epoll_fileno(ThreadState *ts, Value self, const Value *args, size_t nargs,
                          TupleObj *kwnames) {
    (void)args, (void)nargs, (void)kwnames;
    EpollObj *e = (EpollObj *)as_obj(self);
    if (epoll_check(ts, e) < 0) {
        return CS_ERR;
    }
    return small_int_val(e->epfd);
}

static Value epoll_enter(ThreadState *ts, Value self, const Value *args, size_t nargs,
                         TupleObj *kwnames) {
    (void)args, (void)nargs, (void)kwnames;
    if (epoll_check(ts, (EpollObj *)as_obj(self)) < 0) {
        return CS_ERR;
    }
    return self;
}

static Value epoll_exit(ThreadState *ts, Value self, const Value *args, size_t nargs,
                        TupleObj *kwnames) {
    return epoll_close(ts, self, args, nargs, kwnames);
}

static Value epoll_get_closed(ThreadState *ts, Value self) {
    (void)ts;
    return ((EpollObj *)as_obj(self))->epfd < 0 ? CS_TRUE : CS_FALSE;
}

static const MethodDef epoll_methods[] = {
    {"register", epoll_register, METH_KEYWORDS, NULL},
    {"modify", epoll_modify, METH_KEYWORDS, NULL},
    {"unregister", epoll_unregister, METH_KEYWORDS, NULL},
    {"poll", epoll_poll, METH_KEYWORDS, NULL},
    {"close", epoll_close, 0, NULL},
    {"fileno", epoll_fileno, 0, NULL},
    {"__enter__", epoll_enter, 0, NULL},
    {"__exit__", epoll_exit, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static const GetSetDef epoll_getsets[] = {
    {"closed", epoll_get_closed, NULL},
    {NULL, NULL, NULL},
};

TypeObj type_epoll = {
    .hdr = OBJ_HEADER_INIT(&type_type),
    .name = "select.epoll",
    .basicsize = sizeof(EpollObj),
    .methods = epoll_methods,
    .getsets = epoll_getsets,
    .finalize = epoll_finalize,
    .tp_new = epoll_tp_new,
};

static const MethodDef select_functions[] = {
    {"select", mod_select, 0, "Wait until one or more file descriptors are ready."},
    {"poll", mod_poll, 0, "Returns a polling object."},
    {NULL, NULL, 0, NULL},
};

static const struct {
    const char *name;
    long value;
} select_constants[] = {
    {"POLLIN", POLLIN}, {"POLLPRI", POLLPRI}, {"POLLOUT", POLLOUT}, {"POLLERR", POLLERR},
    {"POLLHUP", POLLHUP}, {"POLLNVAL", POLLNVAL}, {"POLLRDNORM", POLLRDNORM},
    {"POLLRDBAND", POLLRDBAND}, {"POLLWRNORM", POLLWRNORM}, {"POLLWRBAND", POLLWRBAND},
    {"POLLMSG", POLLMSG}, {"POLLRDHUP", POLLRDHUP},
    {"EPOLLIN", EPOLLIN}, {"EPOLLOUT", EPOLLOUT}, {"EPOLLPRI", EPOLLPRI},
    {"EPOLLERR", EPOLLERR}, {"EPOLLHUP", EPOLLHUP}, {"EPOLLET", EPOLLET},
    {"EPOLLONESHOT", EPOLLONESHOT}, {"EPOLLEXCLUSIVE", EPOLLEXCLUSIVE},
    {"EPOLLRDHUP", EPOLLRDHUP}, {"EPOLLRDNORM", EPOLLRDNORM}, {"EPOLLRDBAND", EPOLLRDBAND},
    {"EPOLLWRNORM", EPOLLWRNORM}, {"EPOLLWRBAND", EPOLLWRBAND}, {"EPOLLMSG", EPOLLMSG},
    {"EPOLL_CLOEXEC", EPOLL_CLOEXEC}, {"PIPE_BUF", 4096},
};

Value select_module_init(ThreadState *ts) {
    Value mv = module_new(ts, "select");
    ModuleObj *m = (ModuleObj *)as_obj(mv);
    if (module_add_functions(ts, m, select_functions) < 0 ||
        module_add_value(ts, m, "epoll", obj_val(&type_epoll)) < 0 ||
        module_add_value(ts, m, "error", obj_val(exc_OSError)) < 0) {
        return CS_ERR;
    }
    for (size_t i = 0; i < sizeof select_constants / sizeof select_constants[0]; i++) {
        if (module_add_int(ts, m, select_constants[i].name, select_constants[i].value) < 0) {
            return CS_ERR;
        }
    }
    return mv;
}
