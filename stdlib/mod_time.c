// The time module: clocks, sleep, struct_time conversions (localtime,
// gmtime, mktime), strftime/asctime/ctime and the time-zone constants. Also
// the struct-sequence helpers behind struct_time and os.stat_result.
#include "stdlib/mod_time.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "vm/dict.h"
#include "vm/eval.h"
#include "vm/exc.h"
#include "vm/func.h"
#include "vm/gc.h"
#include "vm/int.h"
#include "vm/list.h"
#include "vm/state.h"
#include "vm/str.h"

// ---------------------------------------------------------------------------
// Struct sequences

Value time_seq_new(ThreadState *ts, TypeObj *type, const StructSeqDesc *d, const Value *items) {
    TupleObj *t = gc_alloc(ts, type, sizeof(TupleObj) + d->nfields * sizeof(Value));
    t->hash = -1;
    t->len = d->nvisible;
    for (size_t i = 0; i < d->nfields; i++) {
        t->items[i] = items ? items[i] : CS_NONE;
    }
    return obj_val(t);
}

static Value seq_length_error(ThreadState *ts, TypeObj *type, const StructSeqDesc *d, size_t n) {
    const char *fmt;
    size_t want = n < d->nvisible ? d->nvisible : d->nfields;
    if (d->nvisible == d->nfields) {
        fmt = "%s() takes a %zu-sequence (%zu-sequence given)";
    } else if (n < d->nvisible) {
        fmt = "%s() takes an at least %zu-sequence (%zu-sequence given)";
    } else {
        fmt = "%s() takes an at most %zu-sequence (%zu-sequence given)";
    }
    return exc_raise(ts, exc_TypeError, fmt, type->name, want, n);
}

// The items of `seq` as a tuple; TypeError "constructor requires a sequence"
// when it is not iterable.
static Value seq_items(ThreadState *ts, Value seq) {
    Value it = obj_iter(ts, seq);
    if (it == CS_ERR) {
        if (!exc_matches(ts, exc_TypeError)) {
            return CS_ERR;
        }
        exc_clear(ts);
        return exc_raise(ts, exc_TypeError, "constructor requires a sequence");
    }
    return obj_to_tuple(ts, it);
}

Value time_seq_construct(ThreadState *ts, TypeObj *type, const StructSeqDesc *d, const Value *args,
                         size_t nargs, TupleObj *kwnames) {
    Value out[2];
    if (arg_parse(ts, "structseq", args, nargs, kwnames, "sequence|dict", out) < 0) {
        return CS_ERR;
    }
    Value tv = seq_items(ts, out[0]);
    if (tv == CS_ERR) {
        return CS_ERR;
    }
    TupleObj *src = as_tuple(tv);
    if (src->len < d->nvisible || src->len > d->nfields) {
        return seq_length_error(ts, type, d, src->len);
    }
    Value r = time_seq_new(ts, type, d, NULL);
    TupleObj *t = as_tuple(r);
    for (size_t i = 0; i < src->len; i++) {
        t->items[i] = src->items[i];
    }
    bool have_dict = out[1] != CS_UNBOUND && dict_check(out[1]);
    for (size_t i = src->len; i < d->nfields && have_dict; i++) {
        Value v;
        if (d->fields[i] && dict_get_cstr(as_dict(out[1]), d->fields[i], &v)) {
            t->items[i] = v;
        }
    }
    return r;
}

Value time_seq_repr(ThreadState *ts, Value self, const StructSeqDesc *d) {
    TupleObj *t = as_tuple(self);
    StrBuf b;
    str_buf_init(&b);
    str_buf_append_cstr(&b, type_of(self)->name);
    str_buf_append_char(&b, '(');
    size_t field = 0;
    for (size_t i = 0; i < t->len; i++) {
        while (field < d->nfields && !d->fields[field]) {
            field++;
        }
        if (i > 0) {
            str_buf_append_cstr(&b, ", ");
        }
        str_buf_append_cstr(&b, field < d->nfields ? d->fields[field] : "unnamed");
        str_buf_append_char(&b, '=');
        if (str_buf_append_repr(ts, &b, t->items[i]) < 0) {
            str_buf_free(&b);
            return CS_ERR;
        }
        field++;
    }
    str_buf_append_char(&b, ')');
    return str_buf_finish(ts, &b);
}

Value time_seq_getattr(ThreadState *ts, Value self, StrObj *name, const StructSeqDesc *d) {
    TupleObj *t = as_tuple(self);
    for (size_t i = 0; i < d->nfields; i++) {
        if (d->fields[i] && str_equal_cstr(name, d->fields[i])) {
            return t->items[i];
        }
    }
    return obj_generic_getattr(ts, self, name);
}

void time_seq_trace(Obj *o, GcState *gc, const StructSeqDesc *d) {
    gc_mark_array(gc, ((TupleObj *)o)->items, d->nfields);
}

int time_seq_init_type(ThreadState *ts, TypeObj *type, const StructSeqDesc *d) {
    if (!(type->flags & TYPE_READY) && type_ready(ts, type) < 0) {
        return -1;
    }
    size_t unnamed = 0;
    for (size_t i = 0; i < d->nfields; i++) {
        unnamed += d->fields[i] == NULL;
    }
    if (dict_set_cstr(ts, type->dict, "n_fields", small_int_val((int64_t)d->nfields)) < 0 ||
        dict_set_cstr(ts, type->dict, "n_sequence_fields", small_int_val((int64_t)d->nvisible)) <
            0 ||
        dict_set_cstr(ts, type->dict, "n_unnamed_fields", small_int_val((int64_t)unnamed)) < 0) {
        return -1;
    }
    return 0;
}

// ---------------------------------------------------------------------------
// struct_time

static const char *const struct_time_fields[] = {
    "tm_year", "tm_mon",  "tm_mday",  "tm_hour", "tm_min",    "tm_sec",
    "tm_wday", "tm_yday", "tm_isdst", "tm_zone", "tm_gmtoff",
};

static const StructSeqDesc struct_time_desc = {struct_time_fields, 9, 11};

static Value struct_time_tp_new(ThreadState *ts, TypeObj *type, const Value *args, size_t nargs,
                                TupleObj *kwnames) {
    return time_seq_construct(ts, type, &struct_time_desc, args, nargs, kwnames);
}

static Value struct_time_repr(ThreadState *ts, Value self) {
    return time_seq_repr(ts, self, &struct_time_desc);
}

static Value struct_time_getattr(ThreadState *ts, Value self, StrObj *name) {
    return time_seq_getattr(ts, self, name, &struct_time_desc);
}

static void struct_time_trace(Obj *o, GcState *gc) {
    time_seq_trace(o, gc, &struct_time_desc);
}

TypeObj type_struct_time = {
    .hdr = OBJ_HEADER_INIT(&type_type),
    .name = "time.struct_time",
    .base = &type_tuple,
    .basicsize = sizeof(TupleObj),
    .flags = TYPE_TUPLE_SUBCLASS | TYPE_VARSIZE,
    .doc = "The time value as returned by gmtime(), localtime(), and strptime()",
    .trace = struct_time_trace,
    .tp_new = struct_time_tp_new,
    .repr = struct_time_repr,
    .getattr = struct_time_getattr,
};

// A struct_time from a C struct tm (Python's month, weekday and yearday
// conventions), with the zone name and UTC offset as hidden fields.
static Value struct_time_from_tm(ThreadState *ts, const struct tm *tm, const char *zone,
                                 Value gmtoff) {
    Value items[11];
    items[0] = small_int_val((int64_t)tm->tm_year + 1900);
    items[1] = small_int_val(tm->tm_mon + 1);
    items[2] = small_int_val(tm->tm_mday);
    items[3] = small_int_val(tm->tm_hour);
    items[4] = small_int_val(tm->tm_min);
    items[5] = small_int_val(tm->tm_sec);
    items[6] = small_int_val((tm->tm_wday + 6) % 7);
    items[7] = small_int_val(tm->tm_yday + 1);
    items[8] = small_int_val(tm->tm_isdst);
    items[9] = CS_NONE;
    items[10] = gmtoff;
    if (zone) {
        items[9] = str_decode(ts, zone, strlen(zone), "utf-8", "replace");
        if (items[9] == CS_ERR) {
            return CS_ERR;
        }
    }
    return time_seq_new(ts, &type_struct_time, &struct_time_desc, items);
}

// ---------------------------------------------------------------------------
// Clocks and conversions

// Hooks for the GIL: released around blocking calls once threads exist.
static void blocking_begin(ThreadState *ts) {
    (void)ts;
}

static void blocking_end(ThreadState *ts) {
    (void)ts;
}

static int64_t clock_ns(clockid_t clk) {
    struct timespec t;
    clock_gettime(clk, &t);
    return (int64_t)t.tv_sec * 1000000000 + t.tv_nsec;
}

static Value clock_float(clockid_t clk) {
    struct timespec t;
    clock_gettime(clk, &t);
    return float_val((double)t.tv_sec + (double)t.tv_nsec * 1e-9);
}

static Value overflow_time_t(ThreadState *ts) {
    return exc_raise(ts, exc_OverflowError, "timestamp out of range for platform time_t");
}

// An int (or __index__ object) as int64, with CPython's time_t OverflowError.
static int index_to_i64(ThreadState *ts, Value v, int64_t *out) {
    Value iv = obj_index(ts, v);
    if (iv == CS_ERR) {
        return -1;
    }
    if (int_as_i64(ts, iv, out) < 0 && ts_has_exc(ts)) {
        exc_clear(ts);
        overflow_time_t(ts);
        return -1;
    }
    return 0;
}

// Seconds as a time_t, rounding floats towards minus infinity (localtime,
// gmtime, ctime). CS_UNBOUND or None mean "now".
static int secs_to_time_t(ThreadState *ts, Value v, time_t *out) {
    if (v == CS_UNBOUND || v == CS_NONE) {
        *out = time(NULL);
        return 0;
    }
    if (is_float(v)) {
        double d = as_float(v);
        if (isnan(d)) {
            return exc_raise_int(ts, exc_ValueError, "Invalid value NaN (not a number)");
        }
        d = floor(d);
        if (!(d >= -9223372036854775808.0 && d < 9223372036854775808.0)) {
            overflow_time_t(ts);
            return -1;
        }
        *out = (time_t)d;
        return 0;
    }
    int64_t i;
    if (index_to_i64(ts, v, &i) < 0) {
        return -1;
    }
    *out = (time_t)i;
    return 0;
}

// A sleep length in nanoseconds, rounded up as CPython's _PyTime_ROUND_TIMEOUT.
static int secs_to_timeout_ns(ThreadState *ts, Value v, int64_t *out) {
    if (is_float(v)) {
        double d = as_float(v);
        if (isnan(d)) {
            return exc_raise_int(ts, exc_ValueError, "Invalid value NaN (not a number)");
        }
        d = ceil(d * 1e9);
        if (!(d >= -9223372036854775808.0 && d < 9223372036854775808.0)) {
            overflow_time_t(ts);
            return -1;
        }
        *out = (int64_t)d;
        return 0;
    }
    int64_t s;
    if (index_to_i64(ts, v, &s) < 0) {
        return -1;
    }
    if (s > INT64_MAX / 1000000000 || s < INT64_MIN / 1000000000) {
        overflow_time_t(ts);
        return -1;
    }
    *out = s * 1000000000;
    return 0;
}

static Value time_time(ThreadState *ts, Value self, const Value *args, size_t nargs,
                       TupleObj *kwnames) {
    if (arg_count(ts, "time.time", nargs, 0, 0) < 0) {
        return CS_ERR;
    }
    return clock_float(CLOCK_REALTIME);
}

static Value time_time_ns(ThreadState *ts, Value self, const Value *args, size_t nargs,
                          TupleObj *kwnames) {
    if (arg_count(ts, "time.time_ns", nargs, 0, 0) < 0) {
        return CS_ERR;
    }
    return int_from_i64(ts, clock_ns(CLOCK_REALTIME));
}

// The clock readers share one shape: a float and an _ns flavour per clock.
#define CLOCK_FUNCS(name, clk)                                                                     \
    static Value time_##name(ThreadState *ts, Value self, const Value *args, size_t nargs,         \
                             TupleObj *kwnames) {                                                  \
        if (arg_count(ts, "time." #name, nargs, 0, 0) < 0) {                                       \
            return CS_ERR;                                                                         \
        }                                                                                          \
        return clock_float(clk);                                                                   \
    }                                                                                              \
    static Value time_##name##_ns(ThreadState *ts, Value self, const Value *args, size_t nargs,    \
                                  TupleObj *kwnames) {                                             \
        if (arg_count(ts, "time." #name "_ns", nargs, 0, 0) < 0) {                                 \
            return CS_ERR;                                                                         \
        }                                                                                          \
        return int_from_i64(ts, clock_ns(clk));                                                    \
    }

CLOCK_FUNCS(perf_counter, CLOCK_MONOTONIC)
CLOCK_FUNCS(monotonic, CLOCK_MONOTONIC)
CLOCK_FUNCS(process_time, CLOCK_PROCESS_CPUTIME_ID)
CLOCK_FUNCS(thread_time, CLOCK_THREAD_CPUTIME_ID)

#undef CLOCK_FUNCS

static int clock_id_arg(ThreadState *ts, Value v, clockid_t *out) {
    int64_t i;
    Value iv = obj_index(ts, v);
    if (iv == CS_ERR || int_as_i64(ts, iv, &i) < 0) {
        return -1;
    }
    *out = (clockid_t)i;
    return 0;
}

static Value time_clock_gettime(ThreadState *ts, Value self, const Value *args, size_t nargs,
                                TupleObj *kwnames) {
    clockid_t clk;
    struct timespec t;
    if (arg_count(ts, "time.clock_gettime", nargs, 1, 1) < 0 ||
        clock_id_arg(ts, args[0], &clk) < 0) {
        return CS_ERR;
    }
    if (clock_gettime(clk, &t) < 0) {
        return exc_raise_errno(ts, errno, CS_NONE);
    }
    return float_val((double)t.tv_sec + (double)t.tv_nsec * 1e-9);
}

static Value time_clock_gettime_ns(ThreadState *ts, Value self, const Value *args, size_t nargs,
                                   TupleObj *kwnames) {
    clockid_t clk;
    struct timespec t;
    if (arg_count(ts, "time.clock_gettime_ns", nargs, 1, 1) < 0 ||
        clock_id_arg(ts, args[0], &clk) < 0) {
        return CS_ERR;
    }
    if (clock_gettime(clk, &t) < 0) {
        return exc_raise_errno(ts, errno, CS_NONE);
    }
    return int_from_i64(ts, (int64_t)t.tv_sec * 1000000000 + t.tv_nsec);
}

static Value time_clock_getres(ThreadState *ts, Value self, const Value *args, size_t nargs,
                               TupleObj *kwnames) {
    clockid_t clk;
    struct timespec t;
    if (arg_count(ts, "time.clock_getres", nargs, 1, 1) < 0 ||
        clock_id_arg(ts, args[0], &clk) < 0) {
        return CS_ERR;
    }
    if (clock_getres(clk, &t) < 0) {
        return exc_raise_errno(ts, errno, CS_NONE);
    }
    return float_val((double)t.tv_sec + (double)t.tv_nsec * 1e-9);
}

// ---------------------------------------------------------------------------
// sleep

static void timespec_add_ns(struct timespec *t, int64_t ns) {
    t->tv_sec += (time_t)(ns / 1000000000);
    t->tv_nsec += (long)(ns % 1000000000);
    if (t->tv_nsec >= 1000000000) {
        t->tv_sec++;
        t->tv_nsec -= 1000000000;
    }
}

// Sleeps until an absolute monotonic deadline, so a signal that interrupts
// the sleep (and whose handler does not raise) costs no extra time.
static Value time_sleep(ThreadState *ts, Value self, const Value *args, size_t nargs,
                        TupleObj *kwnames) {
    int64_t ns = 0;
    if (arg_count(ts, "time.sleep", nargs, 1, 1) < 0 || secs_to_timeout_ns(ts, args[0], &ns) < 0) {
        return CS_ERR;
    }
    if (ns < 0) {
        return exc_raise(ts, exc_ValueError, "sleep length must be non-negative");
    }
    struct timespec deadline;
    clock_gettime(CLOCK_MONOTONIC, &deadline);
    timespec_add_ns(&deadline, ns);
    for (;;) {
        blocking_begin(ts);
        int err = clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &deadline, NULL);
        blocking_end(ts);
        if (err == 0) {
            return CS_NONE;
        }
        if (err != EINTR) {
            return exc_raise_errno(ts, err, CS_NONE);
        }
        if (vm_handle_breaker(ts) < 0) {
            return CS_ERR;
        }
    }
}

// ---------------------------------------------------------------------------
// localtime, gmtime, mktime

// PyArg_ParseTuple's wording for a function of min..max positional args.
static int tuple_args(ThreadState *ts, const char *fname, size_t nargs, size_t min, size_t max) {
    if (nargs >= min && nargs <= max) {
        return 0;
    }
    const char *how = min == max ? "exactly" : nargs < min ? "at least" : "at most";
    size_t n = nargs < min ? min : max;
    return exc_raise_int(ts, exc_TypeError, "%s() takes %s %zu argument%s (%zu given)", fname, how,
                         n, n == 1 ? "" : "s", nargs);
}

static Value time_localtime(ThreadState *ts, Value self, const Value *args, size_t nargs,
                            TupleObj *kwnames) {
    time_t t;
    struct tm tm;
    if (tuple_args(ts, "localtime", nargs, 0, 1) < 0 ||
        secs_to_time_t(ts, nargs ? args[0] : CS_NONE, &t) < 0) {
        return CS_ERR;
    }
    errno = 0;
    if (!localtime_r(&t, &tm)) {
        return exc_raise_errno(ts, errno ? errno : EINVAL, CS_NONE);
    }
    return struct_time_from_tm(ts, &tm, tm.tm_zone, small_int_val(tm.tm_gmtoff));
}

static Value time_gmtime(ThreadState *ts, Value self, const Value *args, size_t nargs,
                         TupleObj *kwnames) {
    time_t t;
    struct tm tm;
    if (tuple_args(ts, "gmtime", nargs, 0, 1) < 0 ||
        secs_to_time_t(ts, nargs ? args[0] : CS_NONE, &t) < 0) {
        return CS_ERR;
    }
    errno = 0;
    if (!gmtime_r(&t, &tm)) {
        return exc_raise_errno(ts, errno ? errno : EINVAL, CS_NONE);
    }
    return struct_time_from_tm(ts, &tm, tm.tm_zone, small_int_val(tm.tm_gmtoff));
}

// strptime(string, format="%a %b %d %H:%M:%S %Y") through the C library's
// parser; fields the format leaves out default to 1900-01-01 00:00:00, and
// the weekday and day of the year are computed from the date.
static Value time_strptime(ThreadState *ts, Value self, const Value *args, size_t nargs,
                           TupleObj *kwnames) {
    if (tuple_args(ts, "strptime", nargs, 1, 2) < 0) {
        return CS_ERR;
    }
    for (size_t i = 0; i < nargs; i++) {
        if (!str_check(args[i])) {
            Value r = obj_repr(ts, obj_val(type_of(args[i])));
            if (r == CS_ERR) {
                return CS_ERR;
            }
            return exc_raise(ts, exc_TypeError, "strptime() argument %d must be str, not %U",
                             (int)i, r);
        }
    }
    Value fmtv = nargs > 1 ? args[1] : str_from_cstr(ts, "%a %b %d %H:%M:%S %Y");
    struct tm tm;
    memset(&tm, 0, sizeof tm);
    tm.tm_mday = 1;
    tm.tm_isdst = -1;
    const char *end = strptime(str_cstr(args[0]), str_cstr(fmtv), &tm);
    if (!end) {
        return exc_raise(ts, exc_ValueError, "time data %R does not match format %R", args[0],
                         fmtv);
    }
    if (*end) {
        return exc_raise(ts, exc_ValueError, "unconverted data remains: %s", end);
    }
    struct tm norm = tm;
    norm.tm_isdst = 0;
    timegm(&norm); // fills in the weekday and the day of the year
    tm.tm_wday = norm.tm_wday;
    tm.tm_yday = norm.tm_yday;
    return struct_time_from_tm(ts, &tm, NULL, CS_NONE);
}

// One field of a time tuple as a C int (PyArg_ParseTuple's "i").
static int tm_field(ThreadState *ts, Value v, int *out) {
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

// CPython's gettmarg: a 9-tuple or struct_time into a C struct tm (C's
// month, weekday and yearday conventions). `what` names the caller in the
// "illegal time tuple argument" message.
static int tuple_to_tm(ThreadState *ts, Value v, struct tm *tm, const char *what) {
    memset(tm, 0, sizeof *tm);
    if (!tuple_check(v)) {
        return exc_raise_int(ts, exc_TypeError, "Tuple or struct_time argument required");
    }
    TupleObj *t = as_tuple(v);
    if (t->len != 9) {
        return exc_raise_int(ts, exc_TypeError, "%s(): illegal time tuple argument", what);
    }
    int f[9];
    for (int i = 0; i < 9; i++) {
        if (tm_field(ts, t->items[i], &f[i]) < 0) {
            return -1;
        }
    }
    if (f[0] < INT_MIN + 1900) {
        return exc_raise_int(ts, exc_OverflowError, "year out of range");
    }
    tm->tm_year = f[0] - 1900;
    tm->tm_mon = f[1] - 1;
    tm->tm_mday = f[2];
    tm->tm_hour = f[3];
    tm->tm_min = f[4];
    tm->tm_sec = f[5];
    tm->tm_wday = (f[6] + 1) % 7;
    tm->tm_yday = f[7] - 1;
    tm->tm_isdst = f[8];
    if (type_of(v) == &type_struct_time) {
        Value zone = t->items[9];
        Value off = t->items[10];
        if (str_check(zone)) {
            tm->tm_zone = str_cstr(zone);
        }
        int64_t g;
        if (off != CS_NONE && int_check(off) && int_as_i64(ts, off, &g) == 0) {
            tm->tm_gmtoff = (long)g;
        }
        if (ts_has_exc(ts)) {
            return -1;
        }
    }
    return 0;
}

// CPython's checktm: the ranges strftime and asctime index tables with.
static int check_tm(ThreadState *ts, struct tm *tm) {
    static const struct {
        int lo, hi;
        const char *msg;
    } ranges[] = {
        {0, 11, "month out of range"},   {1, 31, "day of month out of range"},
        {0, 23, "hour out of range"},    {0, 59, "minute out of range"},
        {0, 61, "seconds out of range"}, {0, 365, "day of year out of range"},
    };
    if (tm->tm_mon == -1) {
        tm->tm_mon = 0;
    }
    if (tm->tm_mday == 0) {
        tm->tm_mday = 1;
    }
    if (tm->tm_yday == -1) {
        tm->tm_yday = 0;
    }
    int vals[6] = {tm->tm_mon, tm->tm_mday, tm->tm_hour, tm->tm_min, tm->tm_sec, tm->tm_yday};
    for (int i = 0; i < 6; i++) {
        if (i == 5 && tm->tm_wday < 0) {
            return exc_raise_int(ts, exc_ValueError, "day of week out of range");
        }
        if (vals[i] < ranges[i].lo || vals[i] > ranges[i].hi) {
            return exc_raise_int(ts, exc_ValueError, "%s", ranges[i].msg);
        }
    }
    return 0;
}

static Value time_mktime(ThreadState *ts, Value self, const Value *args, size_t nargs,
                         TupleObj *kwnames) {
    struct tm tm;
    if (arg_count(ts, "time.mktime", nargs, 1, 1) < 0 ||
        tuple_to_tm(ts, args[0], &tm, "mktime") < 0) {
        return CS_ERR;
    }
    tm.tm_wday = -1; // mktime leaves it untouched on failure
    time_t t = mktime(&tm);
    if (t == (time_t)-1 && tm.tm_wday == -1) {
        return exc_raise(ts, exc_OverflowError, "mktime argument out of range");
    }
    return float_val((double)t);
}

// The time tuple argument of strftime and asctime: the given one or now.
static int time_arg(ThreadState *ts, const Value *args, size_t nargs, size_t i, struct tm *tm,
                    const char *what) {
    if (nargs > i) {
        if (tuple_to_tm(ts, args[i], tm, what) < 0 || check_tm(ts, tm) < 0) {
            return -1;
        }
        return 0;
    }
    time_t now = time(NULL);
    if (!localtime_r(&now, tm)) {
        exc_raise_errno(ts, errno ? errno : EINVAL, CS_NONE);
        return -1;
    }
    return 0;
}

// ---------------------------------------------------------------------------
// Formatting

static Value time_strftime(ThreadState *ts, Value self, const Value *args, size_t nargs,
                           TupleObj *kwnames) {
    struct tm tm;
    if (tuple_args(ts, "strftime", nargs, 1, 2) < 0) {
        return CS_ERR;
    }
    if (!str_check(args[0])) {
        return exc_raise(ts, exc_TypeError, "strftime() argument 1 must be str, not %T", args[0]);
    }
    if (time_arg(ts, args, nargs, 1, &tm, "strftime") < 0) {
        return CS_ERR;
    }
    if (tm.tm_isdst < -1) {
        tm.tm_isdst = -1;
    } else if (tm.tm_isdst > 1) {
        tm.tm_isdst = 1;
    }
    const char *fmt = str_cstr(args[0]);
    size_t fmtlen = as_str(args[0])->len;
    if (strlen(fmt) != fmtlen) {
        return exc_raise(ts, exc_ValueError, "embedded null character");
    }
    // An empty result is ambiguous (too small, or really empty): grow the
    // buffer up to 256 times the format's length, as CPython does.
    for (size_t size = 1024;; size += size) {
        char *buf = malloc(size);
        if (!buf) {
            return exc_no_memory(ts);
        }
        size_t n = strftime(buf, size, fmt, &tm);
        if (n > 0 || size >= 256 * fmtlen) {
            Value r = str_decode(ts, buf, n, "utf-8", "surrogateescape");
            free(buf);
            return r;
        }
        free(buf);
    }
}

static const char wday_names[7][4] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
static const char mon_names[12][4] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

static Value format_asctime(ThreadState *ts, const struct tm *tm) {
    return str_format_c(ts, "%s %s%s%d %s%d:%s%d:%s%d %d", wday_names[tm->tm_wday],
                        mon_names[tm->tm_mon], tm->tm_mday < 10 ? "  " : " ", tm->tm_mday,
                        tm->tm_hour < 10 ? "0" : "", tm->tm_hour, tm->tm_min < 10 ? "0" : "",
                        tm->tm_min, tm->tm_sec < 10 ? "0" : "", tm->tm_sec, 1900 + tm->tm_year);
}

static Value time_asctime(ThreadState *ts, Value self, const Value *args, size_t nargs,
                          TupleObj *kwnames) {
    struct tm tm;
    if (tuple_args(ts, "asctime", nargs, 0, 1) < 0 ||
        time_arg(ts, args, nargs, 0, &tm, "asctime") < 0) {
        return CS_ERR;
    }
    return format_asctime(ts, &tm);
}

static Value time_ctime(ThreadState *ts, Value self, const Value *args, size_t nargs,
                        TupleObj *kwnames) {
    time_t t;
    struct tm tm;
    if (tuple_args(ts, "ctime", nargs, 0, 1) < 0 ||
        secs_to_time_t(ts, nargs ? args[0] : CS_NONE, &t) < 0) {
        return CS_ERR;
    }
    errno = 0;
    if (!localtime_r(&t, &tm)) {
        return exc_raise_errno(ts, errno ? errno : EINVAL, CS_NONE);
    }
    return format_asctime(ts, &tm);
}

// ---------------------------------------------------------------------------
// Time zones

// timezone, altzone, daylight and tzname from the offsets in force in
// January and July of this year (CPython's glibc path), so the southern
// hemisphere's reversed DST comes out right.
static int set_timezone_values(ThreadState *ts, ModuleObj *m) {
    const time_t year = (time_t)((365 * 24 + 6) * 3600);
    time_t t = (time(NULL) / year) * year;
    struct tm jan, jul;
    localtime_r(&t, &jan);
    t += year / 2;
    localtime_r(&t, &jul);
    long janzone = -jan.tm_gmtoff;
    long julzone = -jul.tm_gmtoff;
    const char *janname = jan.tm_zone ? jan.tm_zone : "";
    const char *julname = jul.tm_zone ? jul.tm_zone : "";
    bool southern = janzone < julzone;
    Value n0 = str_decode(ts, southern ? julname : janname, strlen(southern ? julname : janname),
                          "utf-8", "replace");
    Value n1 = str_decode(ts, southern ? janname : julname, strlen(southern ? janname : julname),
                          "utf-8", "replace");
    if (n0 == CS_ERR || n1 == CS_ERR) {
        return -1;
    }
    if (module_add_int(ts, m, "timezone", southern ? julzone : janzone) < 0 ||
        module_add_int(ts, m, "altzone", southern ? janzone : julzone) < 0 ||
        module_add_int(ts, m, "daylight", janzone != julzone) < 0) {
        return -1;
    }
    return module_add_value(ts, m, "tzname", tuple_pack(ts, 2, n0, n1));
}

static Value time_tzset(ThreadState *ts, Value self, const Value *args, size_t nargs,
                        TupleObj *kwnames) {
    if (arg_count(ts, "time.tzset", nargs, 0, 0) < 0) {
        return CS_ERR;
    }
    tzset();
    if (set_timezone_values(ts, (ModuleObj *)as_obj(self)) < 0) {
        return CS_ERR;
    }
    return CS_NONE;
}

// ---------------------------------------------------------------------------
// The module

static const MethodDef time_methods[] = {
    {"time", time_time, 0, NULL},
    {"time_ns", time_time_ns, 0, NULL},
    {"sleep", time_sleep, 0, NULL},
    {"perf_counter", time_perf_counter, 0, NULL},
    {"perf_counter_ns", time_perf_counter_ns, 0, NULL},
    {"monotonic", time_monotonic, 0, NULL},
    {"monotonic_ns", time_monotonic_ns, 0, NULL},
    {"process_time", time_process_time, 0, NULL},
    {"process_time_ns", time_process_time_ns, 0, NULL},
    {"thread_time", time_thread_time, 0, NULL},
    {"thread_time_ns", time_thread_time_ns, 0, NULL},
    {"clock_gettime", time_clock_gettime, 0, NULL},
    {"clock_gettime_ns", time_clock_gettime_ns, 0, NULL},
    {"clock_getres", time_clock_getres, 0, NULL},
    {"localtime", time_localtime, 0, NULL},
    {"gmtime", time_gmtime, 0, NULL},
    {"mktime", time_mktime, 0, NULL},
    {"strftime", time_strftime, 0, NULL},
    {"strptime", time_strptime, 0, NULL},
    {"asctime", time_asctime, 0, NULL},
    {"ctime", time_ctime, 0, NULL},
    {"tzset", time_tzset, 0, NULL},
    {NULL, NULL, 0, NULL},
};

Value time_module_init(ThreadState *ts) {
    Value mv = module_new(ts, "time");
    ModuleObj *m = (ModuleObj *)as_obj(mv);
    tzset();
    if (time_seq_init_type(ts, &type_struct_time, &struct_time_desc) < 0 ||
        module_add_functions(ts, m, time_methods) < 0 ||
        module_add_value(ts, m, "struct_time", obj_val(&type_struct_time)) < 0 ||
        set_timezone_values(ts, m) < 0) {
        return CS_ERR;
    }
    static const struct {
        const char *name;
        clockid_t id;
    } clocks[] = {
        {"CLOCK_REALTIME", CLOCK_REALTIME},
        {"CLOCK_MONOTONIC", CLOCK_MONOTONIC},
        {"CLOCK_MONOTONIC_RAW", CLOCK_MONOTONIC_RAW},
        {"CLOCK_PROCESS_CPUTIME_ID", CLOCK_PROCESS_CPUTIME_ID},
        {"CLOCK_THREAD_CPUTIME_ID", CLOCK_THREAD_CPUTIME_ID},
        {"CLOCK_BOOTTIME", CLOCK_BOOTTIME},
    };
    for (size_t i = 0; i < sizeof clocks / sizeof clocks[0]; i++) {
        if (module_add_int(ts, m, clocks[i].name, clocks[i].id) < 0) {
            return CS_ERR;
        }
    }
    return mv;
}
