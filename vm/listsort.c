// list.sort(): a stable natural merge sort in the manner of CPython's
// timsort (run detection, minrun, binary insertion sort, merges balanced by
// timsort's stack invariants), without galloping. The list looks empty while
// it is being sorted; changing it meanwhile raises "list modified during sort".
#include "vm/list.h"

#include <stdint.h>

#include "vm/exc.h"
#include "vm/gc.h"
#include "vm/state.h"
#include "vm/str.h"

enum { KIND_GENERIC, KIND_INT, KIND_FLOAT, KIND_STR };

#define MAX_RUNS 85 // enough for 2**64 items under the stack invariants

typedef struct Run {
    size_t base, len;
} Run;

// The arrays being sorted: keys are compared, vals (NULL without a key
// function) move with them. tmpk/tmpv are scratch of the same length. All
// four live in lists the collector can see.
typedef struct SortState {
    ThreadState *ts;
    Value *keys, *vals;
    Value *tmpk, *tmpv;
    int kind;
    Run runs[MAX_RUNS];
    int nruns;
} SortState;

// ---------------------------------------------------------------------------
// Comparison

// Picks a C comparison when every key has the same simple type, as CPython's
// unsafe_*_compare pre-check does.
static int key_kind(const Value *keys, size_t n) {
    int kind = KIND_GENERIC;
    for (size_t i = 0; i < n; i++) {
        Value k = keys[i];
        int ki = is_small_int(k)               ? KIND_INT
                 : is_float(k)                 ? KIND_FLOAT
                 : is_type_exact(k, &type_str) ? KIND_STR
                                               : KIND_GENERIC;
        if (ki == KIND_GENERIC || (i > 0 && ki != kind)) {
            return KIND_GENERIC;
        }
        kind = ki;
    }
    return kind;
}

// a < b: 1/0, -1 raised.
static int islt(SortState *s, Value a, Value b) {
    switch (s->kind) {
    case KIND_INT:
        return as_small_int(a) < as_small_int(b);
    case KIND_FLOAT:
        return as_float(a) < as_float(b);
    case KIND_STR:
        return str_compare(as_str(a), as_str(b)) < 0;
    default:
        return obj_lt(s->ts, a, b);
    }
}

// ---------------------------------------------------------------------------
// Moving items (keys and their values together)

static void swap_at(SortState *s, size_t i, size_t j) {
    Value t = s->keys[i];
    s->keys[i] = s->keys[j];
    s->keys[j] = t;
    if (s->vals) {
        t = s->vals[i];
        s->vals[i] = s->vals[j];
        s->vals[j] = t;
    }
}

static void reverse_range(SortState *s, size_t lo, size_t hi) {
    while (hi > lo + 1) {
        swap_at(s, lo++, --hi);
    }
}

// Length of the run starting at lo (ascending, or strictly descending and
// then reversed in place), or -1 raised.
static ssize_t count_run(SortState *s, size_t lo, size_t hi) {
    if (lo + 1 >= hi) {
        return 1;
    }
    size_t n = 2;
    int lt = islt(s, s->keys[lo + 1], s->keys[lo]);
    if (lt < 0) {
        return -1;
    }
    bool descending = lt;
    for (size_t i = lo + 2; i < hi; i++, n++) {
        lt = islt(s, s->keys[i], s->keys[i - 1]);
        if (lt < 0) {
            return -1;
        }
        if (lt != descending) {
            break;
        }
    }
    if (descending) {
        reverse_range(s, lo, lo + n);
    }
    return (ssize_t)n;
}

// Sorts [lo, hi) given that [lo, start) is sorted. The pivot stays in its
// slot until its place is found, so a failing comparison loses nothing.
static int binary_sort(SortState *s, size_t lo, size_t hi, size_t start) {
    if (start == lo) {
        start++;
    }
    for (; start < hi; start++) {
        Value pivot = s->keys[start];
        size_t l = lo, r = start;
        while (l < r) {
            size_t mid = l + ((r - l) >> 1);
            int lt = islt(s, pivot, s->keys[mid]);
            if (lt < 0) {
                return -1;
            }
            if (lt) {
                r = mid;
            } else {
                l = mid + 1;
            }
        }
        memmove(s->keys + l + 1, s->keys + l, (start - l) * sizeof(Value));
        s->keys[l] = pivot;
        if (s->vals) {
            Value pv = s->vals[start];
            memmove(s->vals + l + 1, s->vals + l, (start - l) * sizeof(Value));
            s->vals[l] = pv;
        }
    }
    return 0;
}

// ---------------------------------------------------------------------------
// Merging

// Merges the adjacent sorted runs [a, a+na) and [a+na, a+na+nb). The left run
// is copied to scratch; on a failed comparison the rest of it is copied back
// into the gap, so the array always holds every item exactly once.
static int merge_runs(SortState *s, size_t a, size_t na, size_t nb) {
    memcpy(s->tmpk, s->keys + a, na * sizeof(Value));
    if (s->vals) {
        memcpy(s->tmpv, s->vals + a, na * sizeof(Value));
    }
    size_t i = 0, j = a + na, end = a + na + nb, dest = a;
    int rc = 0;
    while (i < na && j < end) {
        int lt = islt(s, s->keys[j], s->tmpk[i]);
        if (lt < 0) {
            rc = -1;
            break;
        }
        if (lt) {
            s->keys[dest] = s->keys[j];
            if (s->vals) {
                s->vals[dest] = s->vals[j];
            }
            j++;
        } else {
            s->keys[dest] = s->tmpk[i];
            if (s->vals) {
                s->vals[dest] = s->tmpv[i];
            }
            i++;
        }
        dest++;
    }
    memcpy(s->keys + dest, s->tmpk + i, (na - i) * sizeof(Value));
    if (s->vals) {
        memcpy(s->vals + dest, s->tmpv + i, (na - i) * sizeof(Value));
    }
    return rc;
}

// Merges runs[k] and runs[k+1].
static int merge_at(SortState *s, int k) {
    Run *a = &s->runs[k], *b = &s->runs[k + 1];
    int rc = merge_runs(s, a->base, a->len, b->len);
    a->len += b->len;
    for (int i = k + 1; i < s->nruns - 1; i++) {
        s->runs[i] = s->runs[i + 1];
    }
    s->nruns--;
    return rc;
}

// Restores timsort's invariants on the run stack (the corrected version that
// also checks the fourth run from the top).
static int merge_collapse(SortState *s) {
    while (s->nruns > 1) {
        int n = s->nruns - 2;
        Run *r = s->runs;
        if ((n > 0 && r[n - 1].len <= r[n].len + r[n + 1].len) ||
            (n > 1 && r[n - 2].len <= r[n - 1].len + r[n].len)) {
            if (r[n - 1].len < r[n + 1].len) {
                n--;
            }
        } else if (r[n].len > r[n + 1].len) {
            break;
        }
        if (merge_at(s, n) < 0) {
            return -1;
        }
    }
    return 0;
}

static int merge_force_collapse(SortState *s) {
    while (s->nruns > 1) {
        int n = s->nruns - 2;
        if (n > 0 && s->runs[n - 1].len < s->runs[n + 1].len) {
            n--;
        }
        if (merge_at(s, n) < 0) {
            return -1;
        }
    }
    return 0;
}

static size_t compute_minrun(size_t n) {
    size_t r = 0;
    while (n >= 64) {
        r |= n & 1;
        n >>= 1;
    }
    return n + r;
}

static int sort_all(SortState *s, size_t n) {
    s->kind = key_kind(s->keys, n);
    size_t minrun = compute_minrun(n), lo = 0;
    while (lo < n) {
        ssize_t run = count_run(s, lo, n);
        if (run < 0) {
            return -1;
        }
        if ((size_t)run < minrun) {
            size_t force = n - lo < minrun ? n - lo : minrun;
            if (binary_sort(s, lo, lo + force, lo + (size_t)run) < 0) {
                return -1;
            }
            run = (ssize_t)force;
        }
        s->runs[s->nruns++] = (Run){lo, (size_t)run};
        if (merge_collapse(s) < 0) {
            return -1;
        }
        lo += (size_t)run;
    }
    return merge_force_collapse(s);
}

// ---------------------------------------------------------------------------
// list_sort: detach the items into a holder the collector sees, compute the
// keys, sort, and put the items back.

static ListObj *empty_holder(ThreadState *ts) {
    return gc_alloc(ts, &type_list, sizeof(ListObj));
}

static int compute_keys(ThreadState *ts, ListObj *items, ListObj *keys, Value keyfunc) {
    for (size_t i = 0; i < items->len; i++) {
        Value k = obj_call1(ts, keyfunc, items->items[i]);
        if (k == CS_ERR) {
            return -1;
        }
        keys->items[i] = k;
    }
    return 0;
}

// Moves the sorted items back into l; raises if l was changed meanwhile.
static int restore(ThreadState *ts, ListObj *l, ListObj *hold, int rc) {
    bool modified = l->items != NULL || l->len != 0 || l->cap != 0;
    list_clear(l);
    l->items = hold->items;
    l->len = hold->len;
    l->cap = hold->cap;
    hold->items = NULL;
    hold->len = hold->cap = 0;
    if (modified && rc == 0) {
        return exc_raise_int(ts, exc_ValueError, "list modified during sort");
    }
    return rc;
}

int list_sort(ThreadState *ts, ListObj *l, Value key, bool reverse) {
    size_t n = l->len;
    if (n < 2 && key == CS_NONE) {
        return 0;
    }
    bool keyed = key != CS_NONE;
    // Allocate everything first: nothing may collect while the items are
    // unreachable from both the list and the holder.
    ListObj *hold = empty_holder(ts);
    Value tmpk = list_new(ts, n);
    Value tmpv = keyed ? list_new(ts, n) : CS_NONE;
    Value keys = keyed ? list_new(ts, n) : CS_NONE;
    if (tmpk == CS_ERR || tmpv == CS_ERR || keys == CS_ERR) {
        return -1;
    }
    hold->items = l->items;
    hold->len = l->len;
    hold->cap = l->cap;
    l->items = NULL;
    l->len = l->cap = 0;
    if (keyed && compute_keys(ts, hold, as_list(keys), key) < 0) {
        return restore(ts, l, hold, -1);
    }
    SortState s = {.ts = ts, .nruns = 0};
    s.keys = keyed ? as_list(keys)->items : hold->items;
    s.vals = keyed ? hold->items : NULL;
    s.tmpk = as_list(tmpk)->items;
    s.tmpv = keyed ? as_list(tmpv)->items : NULL;
    if (reverse) {
        reverse_range(&s, 0, n);
    }
    int rc = sort_all(&s, n);
    if (reverse) {
        reverse_range(&s, 0, n);
    }
    return restore(ts, l, hold, rc);
}
