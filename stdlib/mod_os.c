// The posix module: the system calls behind `os` (stdlib/lib/os.cs, which
// re-exports them and adds walk, makedirs and environ's mapping type):
// processes, file descriptors, files and directories, stat_result.
// os.path is pure cs (stdlib/lib/posixpath.cs).
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "stdlib/mod_time.h"
#include "stdlib/modules.h"
#include "vm/bytes.h"
#include "vm/dict.h"
#include "vm/eval.h"
#include "vm/exc.h"
#include "vm/func.h"
#include "vm/gc.h"
#include "vm/int.h"
#include "vm/list.h"
#include "vm/state.h"
#include "vm/str.h"

extern char **environ;

// Hooks for the GIL: released around blocking calls once threads exist.
static void blocking_begin(ThreadState *ts) {
    (void)ts;
}

static void blocking_end(ThreadState *ts) {
    (void)ts;
}

// After EINTR: run pending signal work (KeyboardInterrupt raises), then the
// caller retries the call, as CPython does since PEP 475.
static int eintr_check(ThreadState *ts) {
    return vm_handle_breaker(ts);
}

static Value posix_error(ThreadState *ts) {
    return exc_raise_errno(ts, errno, CS_NONE);
}

// ---------------------------------------------------------------------------
// Argument conversion

// A path argument: str, bytes, os.PathLike, and (when allowed) an fd.
typedef struct PathArg {
    const char *path; // NUL-terminated; NULL when an fd was given
    int fd;           // -1 unless an int was given
    Value obj;        // the argument as given (error messages carry it)
    bool is_bytes;
} PathArg;

enum { PATH_FD = 1, PATH_NONE = 2 }; // allowed extras

static Value path_type_error(ThreadState *ts, const char *fname, const char *argname, int allow,
                             Value v) {
    const char *kinds = "string, bytes or os.PathLike";
    if ((allow & PATH_FD) && (allow & PATH_NONE)) {
        kinds = "string, bytes, os.PathLike, integer or None";
    } else if (allow & PATH_NONE) {
        kinds = "string, bytes, os.PathLike or None";
    } else if (allow & PATH_FD) {
        kinds = "string, bytes, os.PathLike or integer";
    }
    return exc_raise(ts, exc_TypeError, "%s: %s should be %s, not %s", fname, argname, kinds,
                     obj_type_name(v));
}

// os.fspath's protocol: str and bytes as they are, else __fspath__().
// Returns CS_UNBOUND (nothing raised) when v has no __fspath__.
static Value fspath_of(ThreadState *ts, Value v) {
    if (str_check(v) || bytes_check(v)) {
        return v;
    }
    if (!is_obj(v)) {
        return CS_UNBOUND;
    }
    Value m = obj_lookup_attr(ts, obj_val(type_of(v)), str_intern_name(ts, "__fspath__"));
    if (m == CS_ERR || m == CS_UNBOUND) {
        return m;
    }
    Value r = obj_call1(ts, m, v);
    if (r == CS_ERR) {
        return CS_ERR;
    }
    if (!str_check(r) && !bytes_check(r)) {
        return exc_raise(ts, exc_TypeError,
                         "expected %s.__fspath__() to return str or bytes, not %s",
                         obj_type_name(v), obj_type_name(r));
    }
    return r;
}

static int path_arg(ThreadState *ts, const char *fname, const char *argname, Value v, int allow,
                    PathArg *out) {
    out->obj = v;
    out->fd = -1;
    out->path = NULL;
    out->is_bytes = false;
    if ((allow & PATH_NONE) && (v == CS_NONE || v == CS_UNBOUND)) {
        out->path = ".";
        return 0;
    }
    if ((allow & PATH_FD) && int_check(v) && !is_bool(v)) {
        int64_t fd;
        if (int_as_i64(ts, v, &fd) < 0) {
            return -1;
        }
        if (fd < INT_MIN || fd > INT_MAX) {
            return exc_raise_int(ts, exc_OverflowError, "fd is %s than maximum",
                                 fd < 0 ? "less" : "greater");
        }
        out->fd = (int)fd;
        return 0;
    }
    Value p = fspath_of(ts, v);
    if (p == CS_ERR) {
        return -1;
    }
    if (p == CS_UNBOUND) {
        path_type_error(ts, fname, argname, allow, v);
        return -1;
    }
    size_t len;
    if (str_check(p)) {
        out->path = str_cstr(p);
        len = as_str(p)->len;
    } else {
        out->path = (const char *)as_bytes(p)->data;
        len = as_bytes(p)->len;
        out->is_bytes = true;
    }
    gc_temp_push(ts, p); // a fresh __fspath__ result must outlive the call
    if (strlen(out->path) != len) {
        return exc_raise_int(ts, exc_ValueError, "embedded null byte");
    }
    return 0;
}

// An int argument as a C int (PyArg "i").
static int int_arg(ThreadState *ts, Value v, int *out) {
    Value iv = obj_index(ts, v);
    int64_t i;
    if (iv == CS_ERR || int_as_i64(ts, iv, &i) < 0) {
        return -1;
    }
    if (i > INT_MAX) {
        return exc_raise_int(ts, exc_OverflowError, "signed integer is greater than maximum");
    }
    if (i < INT_MIN) {
        return exc_raise_int(ts, exc_OverflowError, "signed integer is less than minimum");
    }
    *out = (int)i;
    return 0;
}

static int i64_arg(ThreadState *ts, Value v, int64_t *out) {
    Value iv = obj_index(ts, v);
    return iv == CS_ERR ? -1 : int_as_i64(ts, iv, out);
}

// dir_fd=None (AT_FDCWD) or an fd.
static int dir_fd_arg(ThreadState *ts, Value v, int *out) {
    if (v == CS_UNBOUND || v == CS_NONE) {
        *out = AT_FDCWD;
        return 0;
    }
    return int_arg(ts, v, out);
}

static int bool_arg(ThreadState *ts, Value v, bool dflt, bool *out) {
    if (v == CS_UNBOUND) {
        *out = dflt;
        return 0;
    }
    int r = obj_truthy(ts, v);
    *out = r > 0;
    return r < 0 ? -1 : 0;
}

// A file name from the system, as str (or bytes when the caller gave bytes).
static Value fs_name(ThreadState *ts, const char *s, bool as_bytes_value) {
    size_t n = strlen(s);
    if (as_bytes_value) {
        return bytes_new(ts, s, n);
    }
    if (utf8_valid(s, n)) {
        return str_new(ts, s, n);
    }
    return str_decode(ts, s, n, "utf-8", "replace");
}

// PyArg_ParseTuple's count message ("kill() takes exactly 2 arguments (1 given)").
static int tuple_args(ThreadState *ts, const char *fname, size_t nargs, size_t min, size_t max) {
    if (nargs >= min && nargs <= max) {
        return 0;
    }
    const char *how = min == max ? "exactly" : nargs < min ? "at least" : "at most";
    size_t n = nargs < min ? min : max;
    return exc_raise_int(ts, exc_TypeError, "%s() takes %s %zu argument%s (%zu given)", fname, how,
                         n, n == 1 ? "" : "s", nargs);
}

// ---------------------------------------------------------------------------
// stat_result

static const char *const stat_fields[] = {
    "st_mode",     "st_ino",      "st_dev",     "st_nlink",  "st_uid",   "st_gid",   "st_size",
    NULL,          NULL,          NULL,         "st_atime",  "st_mtime", "st_ctime", "st_atime_ns",
    "st_mtime_ns", "st_ctime_ns", "st_blksize", "st_blocks", "st_rdev",
};

static const StructSeqDesc stat_desc = {stat_fields, 10, 19};

// Built from a 10-tuple, the float times st_atime... default to the int ones.
static Value stat_result_tp_new(ThreadState *ts, TypeObj *type, const Value *args, size_t nargs,
                                TupleObj *kwnames) {
    Value r = time_seq_construct(ts, type, &stat_desc, args, nargs, kwnames);
    if (r != CS_ERR) {
        TupleObj *t = as_tuple(r);
        for (int i = 0; i < 3; i++) {
            if (t->items[10 + i] == CS_NONE) {
                t->items[10 + i] = t->items[7 + i];
            }
        }
    }
    return r;
}

static Value stat_result_repr(ThreadState *ts, Value self) {
    return time_seq_repr(ts, self, &stat_desc);
}

static Value stat_result_getattr(ThreadState *ts, Value self, StrObj *name) {
    return time_seq_getattr(ts, self, name, &stat_desc);
}

static void stat_result_trace(Obj *o, GcState *gc) {
    time_seq_trace(o, gc, &stat_desc);
}

TypeObj type_stat_result = {
    .hdr = OBJ_HEADER_INIT(&type_type),
    .name = "os.stat_result",
    .base = &type_tuple,
    .basicsize = sizeof(TupleObj),
    .flags = TYPE_TUPLE_SUBCLASS | TYPE_VARSIZE,
    .doc = "stat_result: Result from stat, fstat, or lstat.",
    .trace = stat_result_trace,
    .tp_new = stat_result_tp_new,
    .repr = stat_result_repr,
    .getattr = stat_result_getattr,
};

static Value time_ns_value(ThreadState *ts, const struct timespec *t) {
    mpz_t z;
    mpz_init_set_si(z, (long)t->tv_sec);
    mpz_mul_ui(z, z, 1000000000ul);
    mpz_add_ui(z, z, (unsigned long)t->tv_nsec);
    Value v = int_from_mpz(ts, z);
    mpz_clear(z);
    return v;
}

static Value stat_to_value(ThreadState *ts, const struct stat *st) {
    Value it[19];
    it[0] = int_from_i64(ts, st->st_mode);
    it[1] = int_from_u64(ts, st->st_ino);
    it[2] = int_from_u64(ts, st->st_dev);
    it[3] = int_from_u64(ts, st->st_nlink);
    it[4] = int_from_i64(ts, st->st_uid);
    it[5] = int_from_i64(ts, st->st_gid);
    it[6] = int_from_i64(ts, st->st_size);
    const struct timespec *times[3] = {&st->st_atim, &st->st_mtim, &st->st_ctim};
    for (int i = 0; i < 3; i++) {
        it[7 + i] = int_from_i64(ts, times[i]->tv_sec);
        it[10 + i] = float_val((double)times[i]->tv_sec + (double)times[i]->tv_nsec * 1e-9);
        it[13 + i] = time_ns_value(ts, times[i]);
    }
    it[16] = int_from_i64(ts, st->st_blksize);
    it[17] = int_from_i64(ts, st->st_blocks);
    it[18] = int_from_u64(ts, st->st_rdev);
    for (int i = 0; i < 19; i++) {
        if (it[i] == CS_ERR) {
            return CS_ERR;
        }
    }
    return time_seq_new(ts, &type_stat_result, &stat_desc, it);
}

static Value do_stat(ThreadState *ts, const char *fname, const Value *args, size_t nargs,
                     TupleObj *kwnames, bool follow_default) {
    Value a[3];
    PathArg p;
    int dir_fd;
    bool follow;
    if (arg_parse(ts, fname, args, nargs, kwnames, "path|$dir_fd,follow_symlinks", a) < 0 ||
        path_arg(ts, fname, "path", a[0], PATH_FD, &p) < 0 || dir_fd_arg(ts, a[1], &dir_fd) < 0 ||
        bool_arg(ts, a[2], follow_default, &follow) < 0) {
        return CS_ERR;
    }
    struct stat st;
    int r;
    if (p.fd >= 0) {
        r = fstat(p.fd, &st);
    } else {
        r = fstatat(dir_fd, p.path, &st, follow ? 0 : AT_SYMLINK_NOFOLLOW);
    }
    if (r < 0) {
        return exc_raise_errno(ts, errno, p.fd >= 0 ? CS_NONE : p.obj);
    }
    return stat_to_value(ts, &st);
}

static Value os_stat(ThreadState *ts, Value self, const Value *args, size_t nargs,
                     TupleObj *kwnames) {
    return do_stat(ts, "stat", args, nargs, kwnames, true);
}

static Value os_lstat(ThreadState *ts, Value self, const Value *args, size_t nargs,
                      TupleObj *kwnames) {
    return do_stat(ts, "lstat", args, nargs, kwnames, false);
}

static Value os_fstat(ThreadState *ts, Value self, const Value *args, size_t nargs,
                      TupleObj *kwnames) {
    Value a[1];
    int fd;
    struct stat st;
    if (arg_parse(ts, "fstat", args, nargs, kwnames, "fd", a) < 0 || int_arg(ts, a[0], &fd) < 0) {
        return CS_ERR;
    }
    if (fstat(fd, &st) < 0) {
        return posix_error(ts);
    }
    return stat_to_value(ts, &st);
}

// ---------------------------------------------------------------------------
// Processes

static Value os_getpid(ThreadState *ts, Value self, const Value *args, size_t nargs,
                       TupleObj *kwnames) {
    return arg_count(ts, "posix.getpid", nargs, 0, 0) < 0 ? CS_ERR : int_from_i64(ts, getpid());
}

static Value os_getppid(ThreadState *ts, Value self, const Value *args, size_t nargs,
                        TupleObj *kwnames) {
    return arg_count(ts, "posix.getppid", nargs, 0, 0) < 0 ? CS_ERR : int_from_i64(ts, getppid());
}

static Value os_getuid(ThreadState *ts, Value self, const Value *args, size_t nargs,
                       TupleObj *kwnames) {
    return arg_count(ts, "posix.getuid", nargs, 0, 0) < 0 ? CS_ERR : int_from_i64(ts, getuid());
}

static Value os_geteuid(ThreadState *ts, Value self, const Value *args, size_t nargs,
                        TupleObj *kwnames) {
    return arg_count(ts, "posix.geteuid", nargs, 0, 0) < 0 ? CS_ERR : int_from_i64(ts, geteuid());
}

static Value os_getgid(ThreadState *ts, Value self, const Value *args, size_t nargs,
                       TupleObj *kwnames) {
    return arg_count(ts, "posix.getgid", nargs, 0, 0) < 0 ? CS_ERR : int_from_i64(ts, getgid());
}

static Value os_getpgrp(ThreadState *ts, Value self, const Value *args, size_t nargs,
                        TupleObj *kwnames) {
    return arg_count(ts, "posix.getpgrp", nargs, 0, 0) < 0 ? CS_ERR : int_from_i64(ts, getpgrp());
}

// A plain fork: the runtime's re-initialisation in the child (GIL, thread
// states) is added by the threads and processes work.
static Value os_fork(ThreadState *ts, Value self, const Value *args, size_t nargs,
                     TupleObj *kwnames) {
    if (arg_count(ts, "posix.fork", nargs, 0, 0) < 0) {
        return CS_ERR;
    }
    pid_t pid = fork();
    if (pid < 0) {
        return posix_error(ts);
    }
    return int_from_i64(ts, pid);
}

static Value wait_result(ThreadState *ts, pid_t pid, int status) {
    return tuple_pack(ts, 2, int_from_i64(ts, pid), int_from_i64(ts, status));
}

static Value os_waitpid(ThreadState *ts, Value self, const Value *args, size_t nargs,
                        TupleObj *kwnames) {
    int64_t pid;
    int options, status = 0;
    if (tuple_args(ts, "waitpid", nargs, 2, 2) < 0 || i64_arg(ts, args[0], &pid) < 0 ||
        int_arg(ts, args[1], &options) < 0) {
        return CS_ERR;
    }
    for (;;) {
        blocking_begin(ts);
        pid_t r = waitpid((pid_t)pid, &status, options);
        blocking_end(ts);
        if (r >= 0) {
            return wait_result(ts, r, status);
        }
        if (errno != EINTR) {
            return posix_error(ts);
        }
        if (eintr_check(ts) < 0) {
            return CS_ERR;
        }
    }
}

static Value os_wait(ThreadState *ts, Value self, const Value *args, size_t nargs,
                     TupleObj *kwnames) {
    int status = 0;
    if (arg_count(ts, "posix.wait", nargs, 0, 0) < 0) {
        return CS_ERR;
    }
    for (;;) {
        blocking_begin(ts);
        pid_t r = wait(&status);
        blocking_end(ts);
        if (r >= 0) {
            return wait_result(ts, r, status);
        }
        if (errno != EINTR) {
            return posix_error(ts);
        }
        if (eintr_check(ts) < 0) {
            return CS_ERR;
        }
    }
}

// The W* macros take one keyword-capable argument, `status`.
static int status_arg(ThreadState *ts, const char *fname, const Value *args, size_t nargs,
                      TupleObj *kwnames, int *status) {
    Value a[1];
    if (arg_parse(ts, fname, args, nargs, kwnames, "status", a) < 0) {
        return -1;
    }
    return int_arg(ts, a[0], status);
}

#define WAIT_MACRO(name, expr, wrap)                                                               \
    static Value os_##name(ThreadState *ts, Value self, const Value *args, size_t nargs,           \
                           TupleObj *kwnames) {                                                    \
        int status;                                                                                \
        if (status_arg(ts, #name, args, nargs, kwnames, &status) < 0) {                            \
            return CS_ERR;                                                                         \
        }                                                                                          \
        return wrap(expr);                                                                         \
    }

#define AS_BOOL(x) bool_val((x) != 0)
#define AS_INT(x)  small_int_val(x)

WAIT_MACRO(WIFEXITED, WIFEXITED(status), AS_BOOL)
WAIT_MACRO(WEXITSTATUS, WEXITSTATUS(status), AS_INT)
WAIT_MACRO(WIFSIGNALED, WIFSIGNALED(status), AS_BOOL)
WAIT_MACRO(WTERMSIG, WTERMSIG(status), AS_INT)
WAIT_MACRO(WIFSTOPPED, WIFSTOPPED(status), AS_BOOL)
WAIT_MACRO(WSTOPSIG, WSTOPSIG(status), AS_INT)
WAIT_MACRO(WCOREDUMP, WCOREDUMP(status), AS_BOOL)
WAIT_MACRO(WIFCONTINUED, WIFCONTINUED(status), AS_BOOL)

#undef WAIT_MACRO
#undef AS_BOOL
#undef AS_INT

static Value os_waitstatus_to_exitcode(ThreadState *ts, Value self, const Value *args, size_t nargs,
                                       TupleObj *kwnames) {
    int status;
    if (status_arg(ts, "waitstatus_to_exitcode", args, nargs, kwnames, &status) < 0) {
        return CS_ERR;
    }
    if (WIFEXITED(status)) {
        return small_int_val(WEXITSTATUS(status));
    }
    if (WIFSIGNALED(status)) {
        return small_int_val(-WTERMSIG(status));
    }
    return exc_raise(ts, exc_ValueError, "invalid wait status: %d", status);
}

static Value os__exit(ThreadState *ts, Value self, const Value *args, size_t nargs,
                      TupleObj *kwnames) {
    Value a[1];
    int status;
    if (arg_parse(ts, "_exit", args, nargs, kwnames, "status", a) < 0 ||
        int_arg(ts, a[0], &status) < 0) {
        return CS_ERR;
    }
    _exit(status);
}

static Value os_kill(ThreadState *ts, Value self, const Value *args, size_t nargs,
                     TupleObj *kwnames) {
    int64_t pid;
    int sig;
    if (tuple_args(ts, "kill", nargs, 2, 2) < 0 || i64_arg(ts, args[0], &pid) < 0 ||
        int_arg(ts, args[1], &sig) < 0) {
        return CS_ERR;
    }
    if (kill((pid_t)pid, sig) < 0) {
        return posix_error(ts);
    }
    // A signal sent to ourselves may already be pending: let its handler run.
    if (vm_handle_breaker(ts) < 0) {
        return CS_ERR;
    }
    return CS_NONE;
}

static Value os_cpu_count(ThreadState *ts, Value self, const Value *args, size_t nargs,
                          TupleObj *kwnames) {
    if (arg_count(ts, "posix.cpu_count", nargs, 0, 0) < 0) {
        return CS_ERR;
    }
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n >= 1 ? small_int_val(n) : CS_NONE;
}

static Value os_system(ThreadState *ts, Value self, const Value *args, size_t nargs,
                       TupleObj *kwnames) {
    Value a[1];
    PathArg p;
    if (arg_parse(ts, "system", args, nargs, kwnames, "command", a) < 0 ||
        path_arg(ts, "system", "command", a[0], 0, &p) < 0) {
        return CS_ERR;
    }
    blocking_begin(ts);
    int r = system(p.path);
    blocking_end(ts);
    return int_from_i64(ts, r);
}

// ---------------------------------------------------------------------------
// File descriptors

static Value os_pipe(ThreadState *ts, Value self, const Value *args, size_t nargs,
                     TupleObj *kwnames) {
    int fds[2];
    if (arg_count(ts, "posix.pipe", nargs, 0, 0) < 0) {
        return CS_ERR;
    }
    if (pipe2(fds, O_CLOEXEC) < 0) {
        return posix_error(ts);
    }
    return tuple_pack(ts, 2, small_int_val(fds[0]), small_int_val(fds[1]));
}

static Value os_read(ThreadState *ts, Value self, const Value *args, size_t nargs,
                     TupleObj *kwnames) {
    int fd;
    int64_t n;
    if (arg_count(ts, "read", nargs, 2, 2) < 0 || int_arg(ts, args[0], &fd) < 0 ||
        i64_arg(ts, args[1], &n) < 0) {
        return CS_ERR;
    }
    if (n < 0) {
        errno = EINVAL;
        return posix_error(ts);
    }
    if (gc_check_size(ts, (size_t)n) < 0) {
        return CS_ERR;
    }
    char *buf = malloc(n ? (size_t)n : 1);
    if (!buf) {
        return exc_no_memory(ts);
    }
    for (;;) {
        blocking_begin(ts);
        ssize_t r = read(fd, buf, (size_t)n);
        blocking_end(ts);
        if (r >= 0) {
            Value v = bytes_new(ts, buf, (size_t)r);
            free(buf);
            return v;
        }
        int err = errno;
        if (err == EINTR && eintr_check(ts) == 0) {
            continue;
        }
        free(buf);
        return err == EINTR ? CS_ERR : exc_raise_errno(ts, err, CS_NONE);
    }
}

static Value os_write(ThreadState *ts, Value self, const Value *args, size_t nargs,
                      TupleObj *kwnames) {
    int fd;
    const unsigned char *data;
    size_t len;
    if (arg_count(ts, "write", nargs, 2, 2) < 0 || int_arg(ts, args[0], &fd) < 0 ||
        bytes_view(ts, args[1], &data, &len) < 0) {
        return CS_ERR;
    }
    for (;;) {
        blocking_begin(ts);
        ssize_t r = write(fd, data, len);
        blocking_end(ts);
        if (r >= 0) {
            return int_from_i64(ts, r);
        }
        int err = errno;
        if (err != EINTR) {
            return exc_raise_errno(ts, err, CS_NONE);
        }
        if (eintr_check(ts) < 0) {
            return CS_ERR;
        }
    }
}

static Value os_close(ThreadState *ts, Value self, const Value *args, size_t nargs,
                      TupleObj *kwnames) {
    Value a[1];
    int fd;
    if (arg_parse(ts, "close", args, nargs, kwnames, "fd", a) < 0 || int_arg(ts, a[0], &fd) < 0) {
        return CS_ERR;
    }
    // Linux closes the descriptor even when close() reports EINTR: never retry.
    if (close(fd) < 0 && errno != EINTR) {
        return posix_error(ts);
    }
    return CS_NONE;
}

static Value os_closerange(ThreadState *ts, Value self, const Value *args, size_t nargs,
                           TupleObj *kwnames) {
    int lo, hi;
    if (arg_count(ts, "closerange", nargs, 2, 2) < 0 || int_arg(ts, args[0], &lo) < 0 ||
        int_arg(ts, args[1], &hi) < 0) {
        return CS_ERR;
    }
    for (int fd = lo < 0 ? 0 : lo; fd < hi; fd++) {
        close(fd);
    }
    return CS_NONE;
}

static Value os_dup(ThreadState *ts, Value self, const Value *args, size_t nargs,
                    TupleObj *kwnames) {
    int fd;
    if (arg_count(ts, "posix.dup", nargs, 1, 1) < 0 || int_arg(ts, args[0], &fd) < 0) {
        return CS_ERR;
    }
    int r = fcntl(fd, F_DUPFD_CLOEXEC, 0); // new descriptors are non-inheritable
    return r < 0 ? posix_error(ts) : small_int_val(r);
}

static Value os_dup2(ThreadState *ts, Value self, const Value *args, size_t nargs,
                     TupleObj *kwnames) {
    Value a[3];
    int fd, fd2;
    bool inheritable;
    if (arg_parse(ts, "dup2", args, nargs, kwnames, "fd,fd2|inheritable", a) < 0 ||
        int_arg(ts, a[0], &fd) < 0 || int_arg(ts, a[1], &fd2) < 0 ||
        bool_arg(ts, a[2], true, &inheritable) < 0) {
        return CS_ERR;
    }
    int r = inheritable || fd == fd2 ? dup2(fd, fd2) : dup3(fd, fd2, O_CLOEXEC);
    return r < 0 ? posix_error(ts) : small_int_val(r);
}

static Value os_open(ThreadState *ts, Value self, const Value *args, size_t nargs,
                     TupleObj *kwnames) {
    Value a[4];
    PathArg p;
    int flags, mode = 0777, dir_fd;
    if (arg_parse(ts, "open", args, nargs, kwnames, "path,flags|mode,$dir_fd", a) < 0 ||
        path_arg(ts, "open", "path", a[0], 0, &p) < 0 || int_arg(ts, a[1], &flags) < 0 ||
        (a[2] != CS_UNBOUND && int_arg(ts, a[2], &mode) < 0) || dir_fd_arg(ts, a[3], &dir_fd) < 0) {
        return CS_ERR;
    }
    for (;;) {
        blocking_begin(ts);
        int fd = openat(dir_fd, p.path, flags | O_CLOEXEC, mode);
        blocking_end(ts);
        if (fd >= 0) {
            return small_int_val(fd);
        }
        if (errno != EINTR) {
            return exc_raise_errno(ts, errno, p.obj);
        }
        if (eintr_check(ts) < 0) {
            return CS_ERR;
        }
    }
}

static Value os_lseek(ThreadState *ts, Value self, const Value *args, size_t nargs,
                      TupleObj *kwnames) {
    int fd, how;
    int64_t pos;
    if (arg_count(ts, "lseek", nargs, 3, 3) < 0 || int_arg(ts, args[0], &fd) < 0 ||
        i64_arg(ts, args[1], &pos) < 0 || int_arg(ts, args[2], &how) < 0) {
        return CS_ERR;
    }
    off_t r = lseek(fd, (off_t)pos, how);
    return r < 0 ? posix_error(ts) : int_from_i64(ts, r);
}

static Value os_fsync(ThreadState *ts, Value self, const Value *args, size_t nargs,
                      TupleObj *kwnames) {
    Value a[1];
    int fd;
    if (arg_parse(ts, "fsync", args, nargs, kwnames, "fd", a) < 0 || int_arg(ts, a[0], &fd) < 0) {
        return CS_ERR;
    }
    return fsync(fd) < 0 ? posix_error(ts) : CS_NONE;
}

static Value os_ftruncate(ThreadState *ts, Value self, const Value *args, size_t nargs,
                          TupleObj *kwnames) {
    int fd;
    int64_t len;
    if (arg_count(ts, "ftruncate", nargs, 2, 2) < 0 || int_arg(ts, args[0], &fd) < 0 ||
        i64_arg(ts, args[1], &len) < 0) {
        return CS_ERR;
    }
    return ftruncate(fd, (off_t)len) < 0 ? posix_error(ts) : CS_NONE;
}

static Value os_isatty(ThreadState *ts, Value self, const Value *args, size_t nargs,
                       TupleObj *kwnames) {
    int fd;
    if (arg_count(ts, "posix.isatty", nargs, 1, 1) < 0 || int_arg(ts, args[0], &fd) < 0) {
        return CS_ERR;
    }
    return bool_val(isatty(fd));
}

static Value os_get_inheritable(ThreadState *ts, Value self, const Value *args, size_t nargs,
                                TupleObj *kwnames) {
    int fd;
    if (arg_count(ts, "posix.get_inheritable", nargs, 1, 1) < 0 || int_arg(ts, args[0], &fd) < 0) {
        return CS_ERR;
    }
    int flags = fcntl(fd, F_GETFD);
    return flags < 0 ? posix_error(ts) : bool_val(!(flags & FD_CLOEXEC));
}

static Value os_set_inheritable(ThreadState *ts, Value self, const Value *args, size_t nargs,
                                TupleObj *kwnames) {
    int fd;
    bool on;
    if (arg_count(ts, "set_inheritable", nargs, 2, 2) < 0 || int_arg(ts, args[0], &fd) < 0 ||
        bool_arg(ts, args[1], false, &on) < 0) {
        return CS_ERR;
    }
    int flags = fcntl(fd, F_GETFD);
    if (flags < 0) {
        return posix_error(ts);
    }
    flags = on ? flags & ~FD_CLOEXEC : flags | FD_CLOEXEC;
    return fcntl(fd, F_SETFD, flags) < 0 ? posix_error(ts) : CS_NONE;
}

static Value os_get_blocking(ThreadState *ts, Value self, const Value *args, size_t nargs,
                             TupleObj *kwnames) {
    int fd;
    if (arg_count(ts, "posix.get_blocking", nargs, 1, 1) < 0 || int_arg(ts, args[0], &fd) < 0) {
        return CS_ERR;
    }
    int flags = fcntl(fd, F_GETFL);
    return flags < 0 ? posix_error(ts) : bool_val(!(flags & O_NONBLOCK));
}

static Value os_set_blocking(ThreadState *ts, Value self, const Value *args, size_t nargs,
                             TupleObj *kwnames) {
    int fd;
    bool on;
    if (arg_count(ts, "set_blocking", nargs, 2, 2) < 0 || int_arg(ts, args[0], &fd) < 0 ||
        bool_arg(ts, args[1], false, &on) < 0) {
        return CS_ERR;
    }
    int flags = fcntl(fd, F_GETFL);
    if (flags < 0) {
        return posix_error(ts);
    }
    flags = on ? flags & ~O_NONBLOCK : flags | O_NONBLOCK;
    return fcntl(fd, F_SETFL, flags) < 0 ? posix_error(ts) : CS_NONE;
}

// ---------------------------------------------------------------------------
// Files and directories

static Value os_getcwd(ThreadState *ts, Value self, const Value *args, size_t nargs,
                       TupleObj *kwnames) {
    if (arg_count(ts, "posix.getcwd", nargs, 0, 0) < 0) {
        return CS_ERR;
    }
    char *cwd = getcwd(NULL, 0);
    if (!cwd) {
        return posix_error(ts);
    }
    Value v = fs_name(ts, cwd, false);
    free(cwd);
    return v;
}

static Value os_getcwdb(ThreadState *ts, Value self, const Value *args, size_t nargs,
                        TupleObj *kwnames) {
    if (arg_count(ts, "posix.getcwdb", nargs, 0, 0) < 0) {
        return CS_ERR;
    }
    char *cwd = getcwd(NULL, 0);
    if (!cwd) {
        return posix_error(ts);
    }
    Value v = fs_name(ts, cwd, true);
    free(cwd);
    return v;
}

static Value os_chdir(ThreadState *ts, Value self, const Value *args, size_t nargs,
                      TupleObj *kwnames) {
    Value a[1];
    PathArg p;
    if (arg_parse(ts, "chdir", args, nargs, kwnames, "path", a) < 0 ||
        path_arg(ts, "chdir", "path", a[0], PATH_FD, &p) < 0) {
        return CS_ERR;
    }
    int r = p.fd >= 0 ? fchdir(p.fd) : chdir(p.path);
    return r < 0 ? exc_raise_errno(ts, errno, p.fd >= 0 ? CS_NONE : p.obj) : CS_NONE;
}

static Value os_listdir(ThreadState *ts, Value self, const Value *args, size_t nargs,
                        TupleObj *kwnames) {
    Value a[1];
    PathArg p;
    if (tuple_args(ts, "listdir", nargs + (kwnames ? kwnames->len : 0), 0, 1) < 0 ||
        arg_parse(ts, "listdir", args, nargs, kwnames, "|path", a) < 0 ||
        path_arg(ts, "listdir", "path", a[0], PATH_FD | PATH_NONE, &p) < 0) {
        return CS_ERR;
    }
    DIR *d = p.fd >= 0 ? fdopendir(dup(p.fd)) : opendir(p.path);
    if (!d) {
        return exc_raise_errno(ts, errno, p.fd >= 0 || a[0] == CS_UNBOUND ? CS_NONE : p.obj);
    }
    if (p.fd >= 0) {
        rewinddir(d);
    }
    Value list = list_new(ts, 0);
    for (;;) {
        errno = 0;
        struct dirent *e = readdir(d);
        if (!e) {
            break;
        }
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) {
            continue;
        }
        Value name = fs_name(ts, e->d_name, p.is_bytes);
        if (name == CS_ERR || list_append(ts, as_list(list), name) < 0) {
            closedir(d);
            return CS_ERR;
        }
    }
    int err = errno;
    closedir(d);
    return err ? exc_raise_errno(ts, err, p.obj) : list;
}

static Value os_mkdir(ThreadState *ts, Value self, const Value *args, size_t nargs,
                      TupleObj *kwnames) {
    Value a[3];
    PathArg p;
    int mode = 0777, dir_fd;
    if (arg_parse(ts, "mkdir", args, nargs, kwnames, "path|mode,$dir_fd", a) < 0 ||
        path_arg(ts, "mkdir", "path", a[0], 0, &p) < 0 ||
        (a[1] != CS_UNBOUND && int_arg(ts, a[1], &mode) < 0) || dir_fd_arg(ts, a[2], &dir_fd) < 0) {
        return CS_ERR;
    }
    return mkdirat(dir_fd, p.path, (mode_t)mode) < 0 ? exc_raise_errno(ts, errno, p.obj) : CS_NONE;
}

// remove, unlink and rmdir: one path and an optional dir_fd.
static Value unlink_common(ThreadState *ts, const char *fname, const Value *args, size_t nargs,
                           TupleObj *kwnames, int flags) {
    Value a[2];
    PathArg p;
    int dir_fd;
    if (arg_parse(ts, fname, args, nargs, kwnames, "path|$dir_fd", a) < 0 ||
        path_arg(ts, fname, "path", a[0], 0, &p) < 0 || dir_fd_arg(ts, a[1], &dir_fd) < 0) {
        return CS_ERR;
    }
    return unlinkat(dir_fd, p.path, flags) < 0 ? exc_raise_errno(ts, errno, p.obj) : CS_NONE;
}

static Value os_remove(ThreadState *ts, Value self, const Value *args, size_t nargs,
                       TupleObj *kwnames) {
    return unlink_common(ts, "remove", args, nargs, kwnames, 0);
}

static Value os_unlink(ThreadState *ts, Value self, const Value *args, size_t nargs,
                       TupleObj *kwnames) {
    return unlink_common(ts, "unlink", args, nargs, kwnames, 0);
}

static Value os_rmdir(ThreadState *ts, Value self, const Value *args, size_t nargs,
                      TupleObj *kwnames) {
    return unlink_common(ts, "rmdir", args, nargs, kwnames, AT_REMOVEDIR);
}

// rename/replace (identical on POSIX), link and symlink take two paths.
static int two_paths(ThreadState *ts, const char *fname, const Value *args, size_t nargs,
                     TupleObj *kwnames, PathArg *src, PathArg *dst) {
    Value a[4];
    if (arg_parse(ts, fname, args, nargs, kwnames, "src,dst|$src_dir_fd,dst_dir_fd", a) < 0 ||
        path_arg(ts, fname, "src", a[0], 0, src) < 0 ||
        path_arg(ts, fname, "dst", a[1], 0, dst) < 0) {
        return -1;
    }
    return 0;
}

static Value os_rename(ThreadState *ts, Value self, const Value *args, size_t nargs,
                       TupleObj *kwnames) {
    PathArg src, dst;
    if (two_paths(ts, "rename", args, nargs, kwnames, &src, &dst) < 0) {
        return CS_ERR;
    }
    return rename(src.path, dst.path) < 0 ? exc_raise_errno(ts, errno, src.obj) : CS_NONE;
}

static Value os_replace(ThreadState *ts, Value self, const Value *args, size_t nargs,
                        TupleObj *kwnames) {
    PathArg src, dst;
    if (two_paths(ts, "replace", args, nargs, kwnames, &src, &dst) < 0) {
        return CS_ERR;
    }
    return rename(src.path, dst.path) < 0 ? exc_raise_errno(ts, errno, src.obj) : CS_NONE;
}

static Value os_link(ThreadState *ts, Value self, const Value *args, size_t nargs,
                     TupleObj *kwnames) {
    PathArg src, dst;
    if (two_paths(ts, "link", args, nargs, kwnames, &src, &dst) < 0) {
        return CS_ERR;
    }
    return link(src.path, dst.path) < 0 ? exc_raise_errno(ts, errno, src.obj) : CS_NONE;
}

static Value os_symlink(ThreadState *ts, Value self, const Value *args, size_t nargs,
                        TupleObj *kwnames) {
    Value a[4];
    PathArg src, dst;
    int dir_fd;
    if (arg_parse(ts, "symlink", args, nargs, kwnames, "src,dst|target_is_directory,$dir_fd", a) <
            0 ||
        path_arg(ts, "symlink", "src", a[0], 0, &src) < 0 ||
        path_arg(ts, "symlink", "dst", a[1], 0, &dst) < 0 || dir_fd_arg(ts, a[3], &dir_fd) < 0) {
        return CS_ERR;
    }
    return symlinkat(src.path, dir_fd, dst.path) < 0 ? exc_raise_errno(ts, errno, src.obj)
                                                     : CS_NONE;
}

static Value os_readlink(ThreadState *ts, Value self, const Value *args, size_t nargs,
                         TupleObj *kwnames) {
    Value a[2];
    PathArg p;
    int dir_fd;
    if (arg_parse(ts, "readlink", args, nargs, kwnames, "path|$dir_fd", a) < 0 ||
        path_arg(ts, "readlink", "path", a[0], 0, &p) < 0 || dir_fd_arg(ts, a[1], &dir_fd) < 0) {
        return CS_ERR;
    }
    char buf[PATH_MAX + 1];
    ssize_t n = readlinkat(dir_fd, p.path, buf, PATH_MAX);
    if (n < 0) {
        return exc_raise_errno(ts, errno, p.obj);
    }
    buf[n] = '\0';
    return fs_name(ts, buf, p.is_bytes);
}

static Value os_access(ThreadState *ts, Value self, const Value *args, size_t nargs,
                       TupleObj *kwnames) {
    Value a[5];
    PathArg p;
    int mode, dir_fd;
    bool eff, follow;
    if (arg_parse(ts, "access", args, nargs, kwnames,
                  "path,mode|$dir_fd,effective_ids,follow_symlinks", a) < 0 ||
        path_arg(ts, "access", "path", a[0], 0, &p) < 0 || int_arg(ts, a[1], &mode) < 0 ||
        dir_fd_arg(ts, a[2], &dir_fd) < 0 || bool_arg(ts, a[3], false, &eff) < 0 ||
        bool_arg(ts, a[4], true, &follow) < 0) {
        return CS_ERR;
    }
    int flags = (eff ? AT_EACCESS : 0) | (follow ? 0 : AT_SYMLINK_NOFOLLOW);
    return bool_val(faccessat(dir_fd, p.path, mode, flags) == 0);
}

static Value os_chmod(ThreadState *ts, Value self, const Value *args, size_t nargs,
                      TupleObj *kwnames) {
    Value a[4];
    PathArg p;
    int mode, dir_fd;
    if (arg_parse(ts, "chmod", args, nargs, kwnames, "path,mode|$dir_fd,follow_symlinks", a) < 0 ||
        path_arg(ts, "chmod", "path", a[0], PATH_FD, &p) < 0 || int_arg(ts, a[1], &mode) < 0 ||
        dir_fd_arg(ts, a[2], &dir_fd) < 0) {
        return CS_ERR;
    }
    int r = p.fd >= 0 ? fchmod(p.fd, (mode_t)mode) : fchmodat(dir_fd, p.path, (mode_t)mode, 0);
    return r < 0 ? exc_raise_errno(ts, errno, p.fd >= 0 ? CS_NONE : p.obj) : CS_NONE;
}

static Value os_truncate(ThreadState *ts, Value self, const Value *args, size_t nargs,
                         TupleObj *kwnames) {
    Value a[2];
    PathArg p;
    int64_t len;
    if (arg_parse(ts, "truncate", args, nargs, kwnames, "path,length", a) < 0 ||
        path_arg(ts, "truncate", "path", a[0], PATH_FD, &p) < 0 || i64_arg(ts, a[1], &len) < 0) {
        return CS_ERR;
    }
    int r = p.fd >= 0 ? ftruncate(p.fd, (off_t)len) : truncate(p.path, (off_t)len);
    return r < 0 ? exc_raise_errno(ts, errno, p.fd >= 0 ? CS_NONE : p.obj) : CS_NONE;
}

// One (atime, mtime) entry of utime's times= tuple, as a timespec.
static int utime_time(ThreadState *ts, Value v, struct timespec *out) {
    double d;
    if (float_as_double(ts, v, &d) < 0) {
        return -1;
    }
    double whole = (double)(int64_t)d;
    if (whole > d) {
        whole -= 1.0;
    }
    out->tv_sec = (time_t)whole;
    out->tv_nsec = (long)((d - whole) * 1e9);
    return 0;
}

static Value os_utime(ThreadState *ts, Value self, const Value *args, size_t nargs,
                      TupleObj *kwnames) {
    Value a[5];
    PathArg p;
    int dir_fd;
    if (arg_parse(ts, "utime", args, nargs, kwnames, "path|times,$ns,dir_fd,follow_symlinks", a) <
            0 ||
        path_arg(ts, "utime", "path", a[0], PATH_FD, &p) < 0 || dir_fd_arg(ts, a[3], &dir_fd) < 0) {
        return CS_ERR;
    }
    struct timespec tv[2];
    struct timespec *tp = NULL;
    Value times = a[1] == CS_UNBOUND ? CS_NONE : a[1];
    if (times != CS_NONE) {
        if (!tuple_check(times) || as_tuple(times)->len != 2) {
            return exc_raise(ts, exc_TypeError,
                             "utime: 'times' must be either a tuple of two ints or None");
        }
        if (utime_time(ts, as_tuple(times)->items[0], &tv[0]) < 0 ||
            utime_time(ts, as_tuple(times)->items[1], &tv[1]) < 0) {
            return CS_ERR;
        }
        tp = tv;
    } else if (a[2] != CS_UNBOUND) {
        int64_t ns[2];
        if (!tuple_check(a[2]) || as_tuple(a[2])->len != 2) {
            return exc_raise(ts, exc_TypeError, "utime: 'ns' must be a tuple of two ints");
        }
        for (int i = 0; i < 2; i++) {
            if (i64_arg(ts, as_tuple(a[2])->items[i], &ns[i]) < 0) {
                return CS_ERR;
            }
            tv[i].tv_sec = (time_t)(ns[i] / 1000000000);
            tv[i].tv_nsec = (long)(ns[i] % 1000000000);
        }
        tp = tv;
    }
    int r = p.fd >= 0 ? futimens(p.fd, tp) : utimensat(dir_fd, p.path, tp, 0);
    return r < 0 ? exc_raise_errno(ts, errno, p.fd >= 0 ? CS_NONE : p.obj) : CS_NONE;
}

static Value os_umask(ThreadState *ts, Value self, const Value *args, size_t nargs,
                      TupleObj *kwnames) {
    int mask;
    if (arg_count(ts, "posix.umask", nargs, 1, 1) < 0 || int_arg(ts, args[0], &mask) < 0) {
        return CS_ERR;
    }
    return small_int_val(umask((mode_t)mask));
}

// ---------------------------------------------------------------------------
// Environment and miscellany

// The environment as a str -> str dict (os.cs wraps it in os.environ).
static Value build_environ(ThreadState *ts) {
    Value dv = dict_new(ts);
    for (char **e = environ; e && *e; e++) {
        const char *eq = strchr(*e, '=');
        if (!eq || eq == *e) {
            continue;
        }
        Value k = str_decode(ts, *e, (size_t)(eq - *e), "utf-8", "replace");
        Value v = str_decode(ts, eq + 1, strlen(eq + 1), "utf-8", "replace");
        if (k == CS_ERR || v == CS_ERR) {
            return CS_ERR;
        }
        Value old;
        if (dict_get_cstr(as_dict(dv), str_cstr(k), &old)) {
            continue; // the first definition wins, as getenv sees it
        }
        if (dict_set(ts, as_dict(dv), k, v) < 0) {
            return CS_ERR;
        }
    }
    return dv;
}

// An environment name or value: str (or bytes) without NUL bytes.
static int env_arg(ThreadState *ts, Value v, const char **out) {
    if (str_check(v)) {
        *out = str_cstr(v);
        if (strlen(*out) != as_str(v)->len) {
            return exc_raise_int(ts, exc_ValueError, "embedded null character");
        }
        return 0;
    }
    if (bytes_check(v)) {
        *out = (const char *)as_bytes(v)->data;
        if (strlen(*out) != as_bytes(v)->len) {
            return exc_raise_int(ts, exc_ValueError, "embedded null byte");
        }
        return 0;
    }
    return exc_raise_int(ts, exc_TypeError, "str expected, not %s", obj_type_name(v));
}

static Value os_putenv(ThreadState *ts, Value self, const Value *args, size_t nargs,
                       TupleObj *kwnames) {
    const char *name, *value;
    if (arg_count(ts, "putenv", nargs, 2, 2) < 0 || env_arg(ts, args[0], &name) < 0 ||
        env_arg(ts, args[1], &value) < 0) {
        return CS_ERR;
    }
    if (*name && strchr(name, '=')) {
        return exc_raise(ts, exc_ValueError, "illegal environment variable name");
    }
    return setenv(name, value, 1) < 0 ? posix_error(ts) : CS_NONE;
}

static Value os_unsetenv(ThreadState *ts, Value self, const Value *args, size_t nargs,
                         TupleObj *kwnames) {
    const char *name;
    if (arg_count(ts, "posix.unsetenv", nargs, 1, 1) < 0 || env_arg(ts, args[0], &name) < 0) {
        return CS_ERR;
    }
    return unsetenv(name) < 0 ? posix_error(ts) : CS_NONE;
}

static Value os_strerror(ThreadState *ts, Value self, const Value *args, size_t nargs,
                         TupleObj *kwnames) {
    int code;
    if (arg_count(ts, "posix.strerror", nargs, 1, 1) < 0 || int_arg(ts, args[0], &code) < 0) {
        return CS_ERR;
    }
    const char *s = strerror(code);
    return str_decode(ts, s, strlen(s), "utf-8", "replace");
}

static Value os_urandom(ThreadState *ts, Value self, const Value *args, size_t nargs,
                        TupleObj *kwnames) {
    int64_t n;
    if (arg_count(ts, "posix.urandom", nargs, 1, 1) < 0 || i64_arg(ts, args[0], &n) < 0) {
        return CS_ERR;
    }
    if (n < 0) {
        return exc_raise(ts, exc_ValueError, "negative argument not allowed");
    }
    if (gc_check_size(ts, (size_t)n) < 0) {
        return CS_ERR;
    }
    unsigned char *buf = malloc(n ? (size_t)n : 1);
    if (!buf) {
        return exc_no_memory(ts);
    }
    for (size_t got = 0; got < (size_t)n;) {
        ssize_t r = getrandom(buf + got, (size_t)n - got, 0);
        if (r < 0 && errno != EINTR) {
            free(buf);
            return posix_error(ts);
        }
        got += r > 0 ? (size_t)r : 0;
    }
    Value v = bytes_new(ts, buf, (size_t)n);
    free(buf);
    return v;
}

// ---------------------------------------------------------------------------
// The module

static const MethodDef os_methods[] = {
    {"stat", os_stat, METH_KEYWORDS, NULL},
    {"lstat", os_lstat, METH_KEYWORDS, NULL},
    {"fstat", os_fstat, METH_KEYWORDS, NULL},
    {"getpid", os_getpid, 0, NULL},
    {"getppid", os_getppid, 0, NULL},
    {"getuid", os_getuid, 0, NULL},
    {"geteuid", os_geteuid, 0, NULL},
    {"getgid", os_getgid, 0, NULL},
    {"getpgrp", os_getpgrp, 0, NULL},
    {"fork", os_fork, 0, NULL},
    {"waitpid", os_waitpid, 0, NULL},
    {"wait", os_wait, 0, NULL},
    {"WIFEXITED", os_WIFEXITED, METH_KEYWORDS, NULL},
    {"WEXITSTATUS", os_WEXITSTATUS, METH_KEYWORDS, NULL},
    {"WIFSIGNALED", os_WIFSIGNALED, METH_KEYWORDS, NULL},
    {"WTERMSIG", os_WTERMSIG, METH_KEYWORDS, NULL},
    {"WIFSTOPPED", os_WIFSTOPPED, METH_KEYWORDS, NULL},
    {"WSTOPSIG", os_WSTOPSIG, METH_KEYWORDS, NULL},
    {"WCOREDUMP", os_WCOREDUMP, METH_KEYWORDS, NULL},
    {"WIFCONTINUED", os_WIFCONTINUED, METH_KEYWORDS, NULL},
    {"waitstatus_to_exitcode", os_waitstatus_to_exitcode, METH_KEYWORDS, NULL},
    {"_exit", os__exit, METH_KEYWORDS, NULL},
    {"kill", os_kill, 0, NULL},
    {"cpu_count", os_cpu_count, 0, NULL},
    {"system", os_system, METH_KEYWORDS, NULL},
    {"pipe", os_pipe, 0, NULL},
    {"read", os_read, 0, NULL},
    {"write", os_write, 0, NULL},
    {"close", os_close, METH_KEYWORDS, NULL},
    {"closerange", os_closerange, 0, NULL},
    {"dup", os_dup, 0, NULL},
    {"dup2", os_dup2, METH_KEYWORDS, NULL},
    {"open", os_open, METH_KEYWORDS, NULL},
    {"lseek", os_lseek, 0, NULL},
    {"fsync", os_fsync, METH_KEYWORDS, NULL},
    {"ftruncate", os_ftruncate, 0, NULL},
    {"isatty", os_isatty, 0, NULL},
    {"get_inheritable", os_get_inheritable, 0, NULL},
    {"set_inheritable", os_set_inheritable, 0, NULL},
    {"get_blocking", os_get_blocking, 0, NULL},
    {"set_blocking", os_set_blocking, 0, NULL},
    {"getcwd", os_getcwd, 0, NULL},
    {"getcwdb", os_getcwdb, 0, NULL},
    {"chdir", os_chdir, METH_KEYWORDS, NULL},
    {"listdir", os_listdir, METH_KEYWORDS, NULL},
    {"mkdir", os_mkdir, METH_KEYWORDS, NULL},
    {"remove", os_remove, METH_KEYWORDS, NULL},
    {"unlink", os_unlink, METH_KEYWORDS, NULL},
    {"rmdir", os_rmdir, METH_KEYWORDS, NULL},
    {"rename", os_rename, METH_KEYWORDS, NULL},
    {"replace", os_replace, METH_KEYWORDS, NULL},
    {"link", os_link, METH_KEYWORDS, NULL},
    {"symlink", os_symlink, METH_KEYWORDS, NULL},
    {"readlink", os_readlink, METH_KEYWORDS, NULL},
    {"access", os_access, METH_KEYWORDS, NULL},
    {"chmod", os_chmod, METH_KEYWORDS, NULL},
    {"truncate", os_truncate, METH_KEYWORDS, NULL},
    {"utime", os_utime, METH_KEYWORDS, NULL},
    {"umask", os_umask, 0, NULL},
    {"putenv", os_putenv, 0, NULL},
    {"unsetenv", os_unsetenv, 0, NULL},
    {"strerror", os_strerror, 0, NULL},
    {"urandom", os_urandom, 0, NULL},
    {NULL, NULL, 0, NULL},
};

typedef struct IntConst {
    const char *name;
    long value;
} IntConst;

static const IntConst os_constants[] = {
    {"O_RDONLY", O_RDONLY},
    {"O_WRONLY", O_WRONLY},
    {"O_RDWR", O_RDWR},
    {"O_APPEND", O_APPEND},
    {"O_CREAT", O_CREAT},
    {"O_EXCL", O_EXCL},
    {"O_TRUNC", O_TRUNC},
    {"O_NONBLOCK", O_NONBLOCK},
    {"O_CLOEXEC", O_CLOEXEC},
    {"O_NOCTTY", O_NOCTTY},
    {"O_SYNC", O_SYNC},
    {"O_DIRECTORY", O_DIRECTORY},
    {"O_NOFOLLOW", O_NOFOLLOW},
    {"SEEK_SET", SEEK_SET},
    {"SEEK_CUR", SEEK_CUR},
    {"SEEK_END", SEEK_END},
    {"F_OK", F_OK},
    {"R_OK", R_OK},
    {"W_OK", W_OK},
    {"X_OK", X_OK},
    {"WNOHANG", WNOHANG},
    {"WUNTRACED", WUNTRACED},
    {"WCONTINUED", WCONTINUED},
    {"EX_OK", 0},
    {"EX_USAGE", 64},
    {"EX_SOFTWARE", 70},
};

Value os_module_init(ThreadState *ts) {
    Value mv = module_new(ts, "posix");
    ModuleObj *m = (ModuleObj *)as_obj(mv);
    Value env = build_environ(ts);
    if (env == CS_ERR || time_seq_init_type(ts, &type_stat_result, &stat_desc) < 0 ||
        module_add_functions(ts, m, os_methods) < 0 ||
        module_add_value(ts, m, "environ", env) < 0 ||
        module_add_value(ts, m, "stat_result", obj_val(&type_stat_result)) < 0) {
        return CS_ERR;
    }
    for (size_t i = 0; i < sizeof os_constants / sizeof os_constants[0]; i++) {
        if (module_add_int(ts, m, os_constants[i].name, os_constants[i].value) < 0) {
            return CS_ERR;
        }
    }
    return mv;
}
