// Unit tests of vm/list.c, vm/listsort.c, vm/tuple.c and vm/range.c: list
// growth, sort stability (with key functions and reverse), sorting against
// qsort, mutation during sort, slice resolution, and tuple hashes checked
// against CPython 3.11.
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>

#include "vm/dict.h"
#include "vm/exc.h"
#include "vm/func.h"
#include "vm/gc.h"
#include "vm/interp.h"
#include "vm/list.h"
#include "vm/range.h"
#include "vm/state.h"
#include "vm/str.h"

static Interp *interp;
static ThreadState *ts;

static void setup(void) {
    interp = interp_new(0, NULL, &ts);
    cr_assert_not_null(interp);
}

static void teardown(void) {
    interp_free(interp);
}

TestSuite(list, .init = setup, .fini = teardown);
TestSuite(tuple, .init = setup, .fini = teardown);
TestSuite(range, .init = setup, .fini = teardown);

static Value I(int64_t i) {
    return small_int_val(i);
}

static uint64_t rng_state = 12345;

static int64_t rnd(int64_t n) {
    rng_state = rng_state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (int64_t)((rng_state >> 33) % (uint64_t)n);
}

// ---------------------------------------------------------------------------
// list storage

Test(list, append_grows) {
    ListObj *l = as_list(list_new(ts, 0));
    for (int64_t i = 0; i < 100000; i++) {
        cr_assert_eq(list_append(ts, l, I(i)), 0);
    }
    cr_assert_eq(l->len, 100000);
    cr_assert_geq(l->cap, l->len);
    for (int64_t i = 0; i < 100000; i++) {
        cr_assert_eq(l->items[i], I(i));
    }
}

Test(list, insert_clamps_like_cpython) {
    ListObj *l = as_list(list_new(ts, 0));
    list_insert(ts, l, 0, I(1));
    list_insert(ts, l, 100, I(3));  // past the end: appends
    list_insert(ts, l, -100, I(0)); // before the start: prepends
    list_insert(ts, l, -1, I(2));   // before the last
    int64_t want[] = {0, 1, 2, 3};
    cr_assert_eq(l->len, 4);
    for (int i = 0; i < 4; i++) {
        cr_assert_eq(l->items[i], I(want[i]));
    }
}

Test(list, extend_with_itself) {
    ListObj *l = as_list(list_new(ts, 0));
    for (int64_t i = 0; i < 5; i++) {
        list_append(ts, l, I(i));
    }
    cr_assert_eq(list_extend(ts, l, obj_val(l)), 0);
    cr_assert_eq(l->len, 10);
    for (int64_t i = 0; i < 10; i++) {
        cr_assert_eq(l->items[i], I(i % 5));
    }
}

Test(list, slice_assignment_and_deletion) {
    ListObj *l = as_list(list_new(ts, 0));
    for (int64_t i = 0; i < 10; i++) {
        list_append(ts, l, I(i));
    }
    // del l[1:9:2] -> 0 2 4 6 8 9
    Value s = slice_new(ts, I(1), I(9), I(2));
    cr_assert_eq(obj_delitem(ts, obj_val(l), s), 0);
    int64_t want[] = {0, 2, 4, 6, 8, 9};
    cr_assert_eq(l->len, 6);
    for (int i = 0; i < 6; i++) {
        cr_assert_eq(l->items[i], I(want[i]));
    }
    // l[1:3] = (7, 7, 7) -> 0 7 7 7 6 8 9
    Value t = tuple_pack(ts, 3, I(7), I(7), I(7));
    cr_assert_eq(obj_setitem(ts, obj_val(l), slice_new(ts, I(1), I(3), CS_NONE), t), 0);
    int64_t want2[] = {0, 7, 7, 7, 6, 8, 9};
    cr_assert_eq(l->len, 7);
    for (int i = 0; i < 7; i++) {
        cr_assert_eq(l->items[i], I(want2[i]));
    }
    // l[::3] = [1, 2] raises: extended slice of size 3
    Value two = list_new(ts, 2);
    cr_assert_eq(obj_setitem(ts, obj_val(l), slice_new(ts, CS_NONE, CS_NONE, I(3)), two), -1);
    cr_assert(exc_matches(ts, exc_ValueError));
    exc_clear(ts);
}

// ---------------------------------------------------------------------------
// Sorting

static Value key_mod10(ThreadState *t, Value self, const Value *args, size_t nargs,
                       TupleObj *kwnames) {
    return I(as_small_int(args[0]) % 10);
}

static const MethodDef key_def = {"key_mod10", key_mod10, 0, NULL};

// Checks l is sorted by x % 10 (descending when reverse) and that equal keys
// kept the order they had in orig.
static void check_stable(ListObj *l, const int64_t *orig, size_t n, bool reverse) {
    size_t k = 0;
    for (int g = 0; g < 10; g++) {
        int group = reverse ? 9 - g : g;
        for (size_t i = 0; i < n; i++) {
            if (orig[i] % 10 == group) {
                cr_assert_eq(l->items[k], I(orig[i]), "position %zu", k);
                k++;
            }
        }
    }
    cr_assert_eq(k, n);
}

static void stability_case(size_t n, bool reverse) {
    int64_t *orig = malloc(n * sizeof *orig);
    ListObj *l = as_list(list_new(ts, 0));
    for (size_t i = 0; i < n; i++) {
        orig[i] = rnd(1000000);
        list_append(ts, l, I(orig[i]));
    }
    Value key = cfunc_new(ts, &key_def, CS_NONE, CS_NONE);
    cr_assert_eq(list_sort(ts, l, key, reverse), 0);
    check_stable(l, orig, n, reverse);
    free(orig);
}

Test(list, sort_is_stable_with_key) {
    stability_case(10, false);
    stability_case(63, false);
    stability_case(5000, false);
}

Test(list, sort_reverse_keeps_stability) {
    stability_case(50, true);
    stability_case(5000, true);
}

static int cmp_i64(const void *a, const void *b) {
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

Test(list, sort_matches_qsort) {
    size_t sizes[] = {0, 1, 2, 3, 31, 64, 65, 1000, 30000};
    for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
        size_t n = sizes[s];
        int64_t *want = malloc((n + 1) * sizeof *want);
        ListObj *l = as_list(list_new(ts, 0));
        for (size_t i = 0; i < n; i++) {
            // Runs of sorted and reversed data mixed with noise.
            want[i] = i % 300 < 100 ? (int64_t)i : i % 300 < 200 ? -(int64_t)i : rnd(500);
            list_append(ts, l, I(want[i]));
        }
        qsort(want, n, sizeof *want, cmp_i64);
        cr_assert_eq(list_sort(ts, l, CS_NONE, false), 0);
        for (size_t i = 0; i < n; i++) {
            cr_assert_eq(l->items[i], I(want[i]));
        }
        free(want);
    }
}

Test(list, sort_mixed_numbers_generic_path) {
    ListObj *l = as_list(list_new(ts, 0));
    for (int64_t i = 0; i < 2000; i++) {
        int64_t v = rnd(1000);
        list_append(ts, l, i % 2 ? I(v) : float_val((double)v + 0.5));
    }
    cr_assert_eq(list_sort(ts, l, CS_NONE, false), 0);
    for (size_t i = 1; i < l->len; i++) {
        double a = is_float(l->items[i - 1]) ? as_float(l->items[i - 1])
                                             : (double)as_small_int(l->items[i - 1]);
        double b =
            is_float(l->items[i]) ? as_float(l->items[i]) : (double)as_small_int(l->items[i]);
        cr_assert_leq(a, b);
    }
}

Test(list, sort_strings) {
    ListObj *l = as_list(list_new(ts, 0));
    const char *words[] = {"pear", "apple", "fig", "banana", "apple", "cherry", "Zebra", ""};
    for (int i = 0; i < 8; i++) {
        list_append(ts, l, str_from_cstr(ts, words[i]));
    }
    cr_assert_eq(list_sort(ts, l, CS_NONE, false), 0);
    const char *want[] = {"", "Zebra", "apple", "apple", "banana", "cherry", "fig", "pear"};
    for (int i = 0; i < 8; i++) {
        cr_assert_str_eq(str_cstr(l->items[i]), want[i]);
    }
}

static Value key_appends(ThreadState *t, Value self, const Value *args, size_t nargs,
                         TupleObj *kwnames) {
    list_append(t, as_list(self), I(0));
    return args[0];
}

static const MethodDef appends_def = {"key_appends", key_appends, 0, NULL};

Test(list, modified_during_sort_raises) {
    ListObj *l = as_list(list_new(ts, 0));
    for (int64_t i = 5; i > 0; i--) {
        list_append(ts, l, I(i));
    }
    Value key = cfunc_new(ts, &appends_def, obj_val(l), CS_NONE);
    cr_assert_eq(list_sort(ts, l, key, false), -1);
    cr_assert(exc_matches(ts, exc_ValueError));
    exc_clear(ts);
    cr_assert_eq(l->len, 5);
    for (int64_t i = 0; i < 5; i++) {
        cr_assert_eq(l->items[i], I(i + 1));
    }
}

// ---------------------------------------------------------------------------
// tuple

Test(tuple, hash_matches_cpython) {
    cr_assert_eq(obj_hash(ts, tuple_pack(ts, 3, I(1), I(2), I(3))), INT64_C(529344067295497451));
    cr_assert_eq(obj_hash(ts, tuple_empty(ts)), INT64_C(5740354900026072187));
    cr_assert_eq(obj_hash(ts, tuple_pack(ts, 1, I(1))), INT64_C(-6644214454873602895));
    Value a = tuple_pack(ts, 2, I(1), I(2)), b = tuple_pack(ts, 2, I(3), I(4));
    cr_assert_eq(obj_hash(ts, tuple_pack(ts, 2, a, b)), INT64_C(-1467267874458550984));
    cr_assert_eq(obj_hash(ts, tuple_pack(ts, 2, I(-1), I(0))), INT64_C(2575514064802888272));
}

Test(tuple, empty_is_a_singleton) {
    cr_assert_eq(tuple_empty(ts), tuple_empty(ts));
    cr_assert_eq(tuple_new(ts, 0), tuple_empty(ts));
    cr_assert_eq(tuple_from_array(ts, NULL, 0), tuple_empty(ts));
}

Test(tuple, equal_tuples_are_equal_dict_keys) {
    DictObj *d = as_dict(dict_new(ts));
    dict_set(ts, d, tuple_pack(ts, 2, I(1), str_from_cstr(ts, "a")), I(7));
    Value v;
    cr_assert_eq(dict_get(ts, d, tuple_pack(ts, 2, I(1), str_from_cstr(ts, "a")), &v), 1);
    cr_assert_eq(v, I(7));
}

// ---------------------------------------------------------------------------
// slices and ranges

#define N CS_NONE

typedef struct SliceCase {
    Value start, stop, step;
    ssize_t rstart, rstop, rstep, rlen;
} SliceCase;

Test(range, slice_indices_match_cpython) {
    // slice(a, b, c).indices(10) and len(range(...)) from CPython 3.11.
    SliceCase cases[] = {
        {N, N, N, 0, 10, 1, 10},
        {N, N, I(1), 0, 10, 1, 10},
        {N, N, I(2), 0, 10, 2, 5},
        {N, N, I(-1), 9, -1, -1, 10},
        {N, N, I(-3), 9, -1, -3, 4},
        {N, I(-12), N, 0, 0, 1, 0},
        {N, I(-12), I(1), 0, 0, 1, 0},
        {N, I(-12), I(2), 0, 0, 2, 0},
        {N, I(-12), I(-1), 9, -1, -1, 10},
        {N, I(-12), I(-3), 9, -1, -3, 4},
        {N, I(-3), N, 0, 7, 1, 7},
        {N, I(-3), I(1), 0, 7, 1, 7},
        {N, I(-3), I(2), 0, 7, 2, 4},
        {N, I(-3), I(-1), 9, 7, -1, 2},
        {N, I(-3), I(-3), 9, 7, -3, 1},
        {N, I(0), N, 0, 0, 1, 0},
        {N, I(0), I(1), 0, 0, 1, 0},
        {N, I(0), I(2), 0, 0, 2, 0},
        {N, I(0), I(-1), 9, 0, -1, 9},
        {N, I(0), I(-3), 9, 0, -3, 3},
        {N, I(2), N, 0, 2, 1, 2},
        {N, I(2), I(1), 0, 2, 1, 2},
        {N, I(2), I(2), 0, 2, 2, 1},
        {N, I(2), I(-1), 9, 2, -1, 7},
        {N, I(2), I(-3), 9, 2, -3, 3},
        {N, I(7), N, 0, 7, 1, 7},
        {N, I(7), I(1), 0, 7, 1, 7},
        {N, I(7), I(2), 0, 7, 2, 4},
        {N, I(7), I(-1), 9, 7, -1, 2},
        {N, I(7), I(-3), 9, 7, -3, 1},
        {N, I(15), N, 0, 10, 1, 10},
        {N, I(15), I(1), 0, 10, 1, 10},
        {N, I(15), I(2), 0, 10, 2, 5},
        {N, I(15), I(-1), 9, 9, -1, 0},
        {N, I(15), I(-3), 9, 9, -3, 0},
        {I(-12), N, N, 0, 10, 1, 10},
        {I(-12), N, I(1), 0, 10, 1, 10},
        {I(-12), N, I(2), 0, 10, 2, 5},
        {I(-12), N, I(-1), -1, -1, -1, 0},
        {I(-12), N, I(-3), -1, -1, -3, 0},
        {I(-12), I(-12), N, 0, 0, 1, 0},
        {I(-12), I(-12), I(1), 0, 0, 1, 0},
        {I(-12), I(-12), I(2), 0, 0, 2, 0},
        {I(-12), I(-12), I(-1), -1, -1, -1, 0},
        {I(-12), I(-12), I(-3), -1, -1, -3, 0},
        {I(-12), I(-3), N, 0, 7, 1, 7},
        {I(-12), I(-3), I(1), 0, 7, 1, 7},
        {I(-12), I(-3), I(2), 0, 7, 2, 4},
        {I(-12), I(-3), I(-1), -1, 7, -1, 0},
        {I(-12), I(-3), I(-3), -1, 7, -3, 0},
        {I(-12), I(0), N, 0, 0, 1, 0},
        {I(-12), I(0), I(1), 0, 0, 1, 0},
        {I(-12), I(0), I(2), 0, 0, 2, 0},
        {I(-12), I(0), I(-1), -1, 0, -1, 0},
        {I(-12), I(0), I(-3), -1, 0, -3, 0},
        {I(-12), I(2), N, 0, 2, 1, 2},
        {I(-12), I(2), I(1), 0, 2, 1, 2},
        {I(-12), I(2), I(2), 0, 2, 2, 1},
        {I(-12), I(2), I(-1), -1, 2, -1, 0},
        {I(-12), I(2), I(-3), -1, 2, -3, 0},
        {I(-12), I(7), N, 0, 7, 1, 7},
        {I(-12), I(7), I(1), 0, 7, 1, 7},
        {I(-12), I(7), I(2), 0, 7, 2, 4},
        {I(-12), I(7), I(-1), -1, 7, -1, 0},
        {I(-12), I(7), I(-3), -1, 7, -3, 0},
        {I(-12), I(15), N, 0, 10, 1, 10},
        {I(-12), I(15), I(1), 0, 10, 1, 10},
        {I(-12), I(15), I(2), 0, 10, 2, 5},
        {I(-12), I(15), I(-1), -1, 9, -1, 0},
        {I(-12), I(15), I(-3), -1, 9, -3, 0},
        {I(-3), N, N, 7, 10, 1, 3},
        {I(-3), N, I(1), 7, 10, 1, 3},
        {I(-3), N, I(2), 7, 10, 2, 2},
        {I(-3), N, I(-1), 7, -1, -1, 8},
        {I(-3), N, I(-3), 7, -1, -3, 3},
        {I(-3), I(-12), N, 7, 0, 1, 0},
        {I(-3), I(-12), I(1), 7, 0, 1, 0},
        {I(-3), I(-12), I(2), 7, 0, 2, 0},
        {I(-3), I(-12), I(-1), 7, -1, -1, 8},
        {I(-3), I(-12), I(-3), 7, -1, -3, 3},
        {I(-3), I(-3), N, 7, 7, 1, 0},
        {I(-3), I(-3), I(1), 7, 7, 1, 0},
        {I(-3), I(-3), I(2), 7, 7, 2, 0},
        {I(-3), I(-3), I(-1), 7, 7, -1, 0},
        {I(-3), I(-3), I(-3), 7, 7, -3, 0},
        {I(-3), I(0), N, 7, 0, 1, 0},
        {I(-3), I(0), I(1), 7, 0, 1, 0},
        {I(-3), I(0), I(2), 7, 0, 2, 0},
        {I(-3), I(0), I(-1), 7, 0, -1, 7},
        {I(-3), I(0), I(-3), 7, 0, -3, 3},
        {I(-3), I(2), N, 7, 2, 1, 0},
        {I(-3), I(2), I(1), 7, 2, 1, 0},
        {I(-3), I(2), I(2), 7, 2, 2, 0},
        {I(-3), I(2), I(-1), 7, 2, -1, 5},
        {I(-3), I(2), I(-3), 7, 2, -3, 2},
        {I(-3), I(7), N, 7, 7, 1, 0},
        {I(-3), I(7), I(1), 7, 7, 1, 0},
        {I(-3), I(7), I(2), 7, 7, 2, 0},
        {I(-3), I(7), I(-1), 7, 7, -1, 0},
        {I(-3), I(7), I(-3), 7, 7, -3, 0},
        {I(-3), I(15), N, 7, 10, 1, 3},
        {I(-3), I(15), I(1), 7, 10, 1, 3},
        {I(-3), I(15), I(2), 7, 10, 2, 2},
        {I(-3), I(15), I(-1), 7, 9, -1, 0},
        {I(-3), I(15), I(-3), 7, 9, -3, 0},
        {I(0), N, N, 0, 10, 1, 10},
        {I(0), N, I(1), 0, 10, 1, 10},
        {I(0), N, I(2), 0, 10, 2, 5},
        {I(0), N, I(-1), 0, -1, -1, 1},
        {I(0), N, I(-3), 0, -1, -3, 1},
        {I(0), I(-12), N, 0, 0, 1, 0},
        {I(0), I(-12), I(1), 0, 0, 1, 0},
        {I(0), I(-12), I(2), 0, 0, 2, 0},
        {I(0), I(-12), I(-1), 0, -1, -1, 1},
        {I(0), I(-12), I(-3), 0, -1, -3, 1},
        {I(0), I(-3), N, 0, 7, 1, 7},
        {I(0), I(-3), I(1), 0, 7, 1, 7},
        {I(0), I(-3), I(2), 0, 7, 2, 4},
        {I(0), I(-3), I(-1), 0, 7, -1, 0},
        {I(0), I(-3), I(-3), 0, 7, -3, 0},
        {I(0), I(0), N, 0, 0, 1, 0},
        {I(0), I(0), I(1), 0, 0, 1, 0},
        {I(0), I(0), I(2), 0, 0, 2, 0},
        {I(0), I(0), I(-1), 0, 0, -1, 0},
        {I(0), I(0), I(-3), 0, 0, -3, 0},
        {I(0), I(2), N, 0, 2, 1, 2},
        {I(0), I(2), I(1), 0, 2, 1, 2},
        {I(0), I(2), I(2), 0, 2, 2, 1},
        {I(0), I(2), I(-1), 0, 2, -1, 0},
        {I(0), I(2), I(-3), 0, 2, -3, 0},
        {I(0), I(7), N, 0, 7, 1, 7},
        {I(0), I(7), I(1), 0, 7, 1, 7},
        {I(0), I(7), I(2), 0, 7, 2, 4},
        {I(0), I(7), I(-1), 0, 7, -1, 0},
        {I(0), I(7), I(-3), 0, 7, -3, 0},
        {I(0), I(15), N, 0, 10, 1, 10},
        {I(0), I(15), I(1), 0, 10, 1, 10},
        {I(0), I(15), I(2), 0, 10, 2, 5},
        {I(0), I(15), I(-1), 0, 9, -1, 0},
        {I(0), I(15), I(-3), 0, 9, -3, 0},
        {I(2), N, N, 2, 10, 1, 8},
        {I(2), N, I(1), 2, 10, 1, 8},
        {I(2), N, I(2), 2, 10, 2, 4},
        {I(2), N, I(-1), 2, -1, -1, 3},
        {I(2), N, I(-3), 2, -1, -3, 1},
        {I(2), I(-12), N, 2, 0, 1, 0},
        {I(2), I(-12), I(1), 2, 0, 1, 0},
        {I(2), I(-12), I(2), 2, 0, 2, 0},
        {I(2), I(-12), I(-1), 2, -1, -1, 3},
        {I(2), I(-12), I(-3), 2, -1, -3, 1},
        {I(2), I(-3), N, 2, 7, 1, 5},
        {I(2), I(-3), I(1), 2, 7, 1, 5},
        {I(2), I(-3), I(2), 2, 7, 2, 3},
        {I(2), I(-3), I(-1), 2, 7, -1, 0},
        {I(2), I(-3), I(-3), 2, 7, -3, 0},
        {I(2), I(0), N, 2, 0, 1, 0},
        {I(2), I(0), I(1), 2, 0, 1, 0},
        {I(2), I(0), I(2), 2, 0, 2, 0},
        {I(2), I(0), I(-1), 2, 0, -1, 2},
        {I(2), I(0), I(-3), 2, 0, -3, 1},
        {I(2), I(2), N, 2, 2, 1, 0},
        {I(2), I(2), I(1), 2, 2, 1, 0},
        {I(2), I(2), I(2), 2, 2, 2, 0},
        {I(2), I(2), I(-1), 2, 2, -1, 0},
        {I(2), I(2), I(-3), 2, 2, -3, 0},
        {I(2), I(7), N, 2, 7, 1, 5},
        {I(2), I(7), I(1), 2, 7, 1, 5},
        {I(2), I(7), I(2), 2, 7, 2, 3},
        {I(2), I(7), I(-1), 2, 7, -1, 0},
        {I(2), I(7), I(-3), 2, 7, -3, 0},
        {I(2), I(15), N, 2, 10, 1, 8},
        {I(2), I(15), I(1), 2, 10, 1, 8},
        {I(2), I(15), I(2), 2, 10, 2, 4},
        {I(2), I(15), I(-1), 2, 9, -1, 0},
        {I(2), I(15), I(-3), 2, 9, -3, 0},
        {I(7), N, N, 7, 10, 1, 3},
        {I(7), N, I(1), 7, 10, 1, 3},
        {I(7), N, I(2), 7, 10, 2, 2},
        {I(7), N, I(-1), 7, -1, -1, 8},
        {I(7), N, I(-3), 7, -1, -3, 3},
        {I(7), I(-12), N, 7, 0, 1, 0},
        {I(7), I(-12), I(1), 7, 0, 1, 0},
        {I(7), I(-12), I(2), 7, 0, 2, 0},
        {I(7), I(-12), I(-1), 7, -1, -1, 8},
        {I(7), I(-12), I(-3), 7, -1, -3, 3},
        {I(7), I(-3), N, 7, 7, 1, 0},
        {I(7), I(-3), I(1), 7, 7, 1, 0},
        {I(7), I(-3), I(2), 7, 7, 2, 0},
        {I(7), I(-3), I(-1), 7, 7, -1, 0},
        {I(7), I(-3), I(-3), 7, 7, -3, 0},
        {I(7), I(0), N, 7, 0, 1, 0},
        {I(7), I(0), I(1), 7, 0, 1, 0},
        {I(7), I(0), I(2), 7, 0, 2, 0},
        {I(7), I(0), I(-1), 7, 0, -1, 7},
        {I(7), I(0), I(-3), 7, 0, -3, 3},
        {I(7), I(2), N, 7, 2, 1, 0},
        {I(7), I(2), I(1), 7, 2, 1, 0},
        {I(7), I(2), I(2), 7, 2, 2, 0},
        {I(7), I(2), I(-1), 7, 2, -1, 5},
        {I(7), I(2), I(-3), 7, 2, -3, 2},
        {I(7), I(7), N, 7, 7, 1, 0},
        {I(7), I(7), I(1), 7, 7, 1, 0},
        {I(7), I(7), I(2), 7, 7, 2, 0},
        {I(7), I(7), I(-1), 7, 7, -1, 0},
        {I(7), I(7), I(-3), 7, 7, -3, 0},
        {I(7), I(15), N, 7, 10, 1, 3},
        {I(7), I(15), I(1), 7, 10, 1, 3},
        {I(7), I(15), I(2), 7, 10, 2, 2},
        {I(7), I(15), I(-1), 7, 9, -1, 0},
        {I(7), I(15), I(-3), 7, 9, -3, 0},
        {I(15), N, N, 10, 10, 1, 0},
        {I(15), N, I(1), 10, 10, 1, 0},
        {I(15), N, I(2), 10, 10, 2, 0},
        {I(15), N, I(-1), 9, -1, -1, 10},
        {I(15), N, I(-3), 9, -1, -3, 4},
        {I(15), I(-12), N, 10, 0, 1, 0},
        {I(15), I(-12), I(1), 10, 0, 1, 0},
        {I(15), I(-12), I(2), 10, 0, 2, 0},
        {I(15), I(-12), I(-1), 9, -1, -1, 10},
        {I(15), I(-12), I(-3), 9, -1, -3, 4},
        {I(15), I(-3), N, 10, 7, 1, 0},
        {I(15), I(-3), I(1), 10, 7, 1, 0},
        {I(15), I(-3), I(2), 10, 7, 2, 0},
        {I(15), I(-3), I(-1), 9, 7, -1, 2},
        {I(15), I(-3), I(-3), 9, 7, -3, 1},
        {I(15), I(0), N, 10, 0, 1, 0},
        {I(15), I(0), I(1), 10, 0, 1, 0},
        {I(15), I(0), I(2), 10, 0, 2, 0},
        {I(15), I(0), I(-1), 9, 0, -1, 9},
        {I(15), I(0), I(-3), 9, 0, -3, 3},
        {I(15), I(2), N, 10, 2, 1, 0},
        {I(15), I(2), I(1), 10, 2, 1, 0},
        {I(15), I(2), I(2), 10, 2, 2, 0},
        {I(15), I(2), I(-1), 9, 2, -1, 7},
        {I(15), I(2), I(-3), 9, 2, -3, 3},
        {I(15), I(7), N, 10, 7, 1, 0},
        {I(15), I(7), I(1), 10, 7, 1, 0},
        {I(15), I(7), I(2), 10, 7, 2, 0},
        {I(15), I(7), I(-1), 9, 7, -1, 2},
        {I(15), I(7), I(-3), 9, 7, -3, 1},
        {I(15), I(15), N, 10, 10, 1, 0},
        {I(15), I(15), I(1), 10, 10, 1, 0},
        {I(15), I(15), I(2), 10, 10, 2, 0},
        {I(15), I(15), I(-1), 9, 9, -1, 0},
        {I(15), I(15), I(-3), 9, 9, -3, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        SliceCase *c = &cases[i];
        SliceObj *s = (SliceObj *)as_obj(slice_new(ts, c->start, c->stop, c->step));
        ssize_t start, stop, step, len;
        cr_assert_eq(slice_indices(ts, s, 10, &start, &stop, &step, &len), 0);
        cr_assert_eq(start, c->rstart, "case %zu start", i);
        cr_assert_eq(stop, c->rstop, "case %zu stop", i);
        cr_assert_eq(step, c->rstep, "case %zu step", i);
        cr_assert_eq(len, c->rlen, "case %zu len", i);
    }
}

Test(range, zero_step_raises) {
    SliceObj *s = (SliceObj *)as_obj(slice_new(ts, N, N, I(0)));
    ssize_t a, b, c, d;
    cr_assert_eq(slice_indices(ts, s, 10, &a, &b, &c, &d), -1);
    cr_assert(exc_matches(ts, exc_ValueError));
    exc_clear(ts);
    cr_assert_eq(range_new(ts, I(0), I(1), I(0)), CS_ERR);
    exc_clear(ts);
}

Test(range, length_and_items) {
    Value r = range_new(ts, I(10), I(-7), I(-3));
    cr_assert_eq(obj_len(ts, r), 6);
    int64_t want[] = {10, 7, 4, 1, -2, -5};
    for (int i = 0; i < 6; i++) {
        cr_assert_eq(obj_getitem(ts, r, I(i)), I(want[i]));
    }
    cr_assert_eq(obj_getitem(ts, r, I(-1)), I(-5));
    cr_assert_eq(obj_contains(ts, r, I(4)), 1);
    cr_assert_eq(obj_contains(ts, r, I(5)), 0);
    Value it = obj_iter(ts, r);
    for (int i = 0; i < 6; i++) {
        cr_assert_eq(obj_next(ts, it), I(want[i]));
    }
    cr_assert_eq(obj_next(ts, it), CS_STOP);
}

Test(range, seq_index_normalises) {
    size_t out;
    cr_assert_eq(seq_index(ts, I(-1), 5, "list", &out), 0);
    cr_assert_eq(out, 4);
    cr_assert_eq(seq_index(ts, I(5), 5, "list", &out), -1);
    cr_assert(exc_matches(ts, exc_IndexError));
    exc_clear(ts);
}

// ---------------------------------------------------------------------------
// repr and error messages, through the generic protocols

static void check_repr(Value v, const char *want) {
    Value r = obj_repr(ts, v);
    cr_assert_neq(r, CS_ERR);
    cr_assert_str_eq(str_cstr(r), want);
}

// The message of the pending exception (which is cleared).
static const char *take_msg(TypeObj *type) {
    cr_assert(exc_matches(ts, type));
    Value e = exc_fetch(ts);
    Value s = obj_str(ts, e);
    cr_assert_neq(s, CS_ERR);
    return str_cstr(s);
}

Test(list, reprs_with_recursion_guard) {
    ListObj *l = as_list(list_new(ts, 0));
    list_append(ts, l, I(1));
    list_append(ts, l, str_from_cstr(ts, "a'b"));
    list_append(ts, l, obj_val(l));
    check_repr(obj_val(l), "[1, \"a'b\", [...]]");
    check_repr(tuple_pack(ts, 1, I(1)), "(1,)");
    check_repr(tuple_empty(ts), "()");
    Value inner = list_new(ts, 0);
    Value t = tuple_pack(ts, 2, inner, I(2));
    list_append(ts, as_list(inner), t);
    check_repr(t, "([(...)], 2)");
    check_repr(range_new(ts, I(0), I(10), I(1)), "range(0, 10)");
    check_repr(range_new(ts, I(0), I(10), I(-2)), "range(0, 10, -2)");
    check_repr(slice_new(ts, I(1), CS_NONE, I(2)), "slice(1, None, 2)");
}

Test(list, dict_and_set_reprs) {
    DictObj *d = as_dict(dict_new(ts));
    check_repr(obj_val(d), "{}");
    dict_set(ts, d, str_from_cstr(ts, "k"), I(1));
    dict_set(ts, d, I(2), obj_val(d));
    check_repr(obj_val(d), "{'k': 1, 2: {...}}");
    Value s = set_new(ts, CS_UNBOUND);
    check_repr(s, "set()");
    set_add(ts, as_set(s), I(3));
    set_add(ts, as_set(s), I(1));
    check_repr(s, "{1, 3}");
    check_repr(frozenset_new(ts, s), "frozenset({1, 3})");
    check_repr(frozenset_new(ts, CS_UNBOUND), "frozenset()");
    Value keys = obj_call_method(ts, obj_val(d), str_intern_name(ts, "keys"), NULL, 0);
    check_repr(keys, "dict_keys(['k', 2])");
}

Test(list, error_messages) {
    Value l = list_new(ts, 2);
    cr_assert_eq(obj_getitem(ts, l, I(2)), CS_ERR);
    cr_assert_str_eq(take_msg(exc_IndexError), "list index out of range");
    cr_assert_eq(obj_setitem(ts, l, I(-3), I(0)), -1);
    cr_assert_str_eq(take_msg(exc_IndexError), "list assignment index out of range");
    cr_assert_eq(obj_getitem(ts, l, str_from_cstr(ts, "x")), CS_ERR);
    cr_assert_str_eq(take_msg(exc_TypeError), "list indices must be integers or slices, not str");
    cr_assert_eq(obj_binop(ts, l, tuple_empty(ts), BINOP_ADD), CS_ERR);
    cr_assert_str_eq(take_msg(exc_TypeError), "can only concatenate list (not \"tuple\") to list");
    cr_assert_eq(obj_binop(ts, l, float_val(2.0), BINOP_MUL), CS_ERR);
    cr_assert_str_eq(take_msg(exc_TypeError), "can't multiply sequence by non-int of type 'float'");
    Value empty = list_new(ts, 0);
    cr_assert_eq(obj_call_method(ts, empty, str_intern_name(ts, "pop"), NULL, 0), CS_ERR);
    cr_assert_str_eq(take_msg(exc_IndexError), "pop from empty list");
    Value three = I(3);
    cr_assert_eq(obj_call_method(ts, l, str_intern_name(ts, "index"), &three, 1), CS_ERR);
    cr_assert_str_eq(take_msg(exc_ValueError), "3 is not in list");
    cr_assert_eq(obj_call_method(ts, l, str_intern_name(ts, "remove"), &three, 1), CS_ERR);
    cr_assert_str_eq(take_msg(exc_ValueError), "list.remove(x): x not in list");
    DictObj *d = as_dict(dict_new(ts));
    cr_assert_eq(obj_getitem(ts, obj_val(d), str_from_cstr(ts, "k")), CS_ERR);
    cr_assert_str_eq(take_msg(exc_KeyError), "'k'");
    cr_assert_eq(obj_call_method(ts, obj_val(d), str_intern_name(ts, "popitem"), NULL, 0), CS_ERR);
    cr_assert_str_eq(take_msg(exc_KeyError), "'popitem(): dictionary is empty'");
}

// Deeply nested containers must raise RecursionError, not overflow the C
// stack (CPython: "maximum recursion depth exceeded in comparison").
Test(list, deep_nesting_comparison_raises) {
    // Building 400 000 containers is about the recursion guard, not the
    // collector: with CS_GC_STRESS each allocation would mark the whole
    // growing chain (quadratic), so collection is off while building.
    gc_disable(ts->interp);
    Value a = list_new(ts, 0), b = list_new(ts, 0);
    for (int i = 0; i < 200000; i++) {
        a = list_from_array(ts, &a, 1);
        b = list_from_array(ts, &b, 1);
    }
    cr_assert_eq(obj_compare(ts, a, b, CMP_EQ), CS_ERR);
    cr_assert_str_eq(take_msg(exc_RecursionError),
                     "maximum recursion depth exceeded in comparison");
    Value t = tuple_empty(ts);
    for (int i = 0; i < 200000; i++) {
        t = tuple_pack(ts, 1, t);
    }
    gc_enable(ts->interp);
    cr_assert_eq(obj_hash(ts, t), -1);
    cr_assert(exc_matches(ts, exc_RecursionError));
    exc_clear(ts);
}
