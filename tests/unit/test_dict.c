// Unit tests of vm/dict.c and vm/set.c: insertion order, deletion dummies,
// resizing, heavy probing with colliding hashes, popitem reuse, the str
// fast paths, and set iteration orders checked against CPython 3.11.
#include <criterion/criterion.h>
#include <stdio.h>

#include "vm/dict.h"
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

TestSuite(dict, .init = setup, .fini = teardown);
TestSuite(set, .init = setup, .fini = teardown);

static Value I(int64_t i) {
    return small_int_val(i);
}

static Value range_from_c(int64_t start, int64_t stop, int64_t step) {
    return range_new(ts, I(start), I(stop), I(step));
}

static int64_t get_int(DictObj *d, int64_t key) {
    Value v;
    int r = dict_get(ts, d, I(key), &v);
    cr_assert_geq(r, 0);
    return r ? as_small_int(v) : -999;
}

// The keys of a dict in iteration order, as ints.
static size_t dict_int_keys(DictObj *d, int64_t *out, size_t max) {
    size_t pos = 0, n = 0;
    Value k;
    while (n < max && dict_next(d, &pos, &k, NULL)) {
        out[n++] = as_small_int(k);
    }
    return n;
}

Test(dict, insert_and_lookup) {
    DictObj *d = as_dict(dict_new(ts));
    for (int64_t i = 0; i < 1000; i++) {
        cr_assert_eq(dict_set(ts, d, I(i), I(i * 10)), 0);
    }
    cr_assert_eq(d->used, 1000);
    for (int64_t i = 0; i < 1000; i++) {
        cr_assert_eq(get_int(d, i), i * 10);
    }
    cr_assert_eq(get_int(d, 1000), -999);
    cr_assert_eq(dict_set(ts, d, I(5), I(-5)), 0);
    cr_assert_eq(d->used, 1000);
    cr_assert_eq(get_int(d, 5), -5);
}

Test(dict, insertion_order_survives_resizes) {
    DictObj *d = as_dict(dict_new(ts));
    for (int64_t i = 0; i < 300; i++) {
        dict_set(ts, d, I(1000 - i * 3), I(i));
    }
    int64_t keys[300];
    cr_assert_eq(dict_int_keys(d, keys, 300), 300);
    for (int64_t i = 0; i < 300; i++) {
        cr_assert_eq(keys[i], 1000 - i * 3);
    }
}

Test(dict, delete_keeps_probe_chains) {
    // 0, 8, 16, 24 share a home slot in an 8-slot table.
    DictObj *d = as_dict(dict_new(ts));
    for (int64_t i = 0; i < 4; i++) {
        dict_set(ts, d, I(i * 8), I(i));
    }
    cr_assert_eq(dict_del(ts, d, I(8)), 1);
    cr_assert_eq(dict_del(ts, d, I(8)), 0);
    cr_assert_eq(get_int(d, 16), 2);
    cr_assert_eq(get_int(d, 24), 3);
    cr_assert_eq(get_int(d, 8), -999);
    dict_set(ts, d, I(8), I(99));
    int64_t keys[4];
    cr_assert_eq(dict_int_keys(d, keys, 4), 4);
    cr_assert_eq(keys[0], 0);
    cr_assert_eq(keys[1], 16);
    cr_assert_eq(keys[2], 24);
    cr_assert_eq(keys[3], 8);
}

Test(dict, delete_then_reinsert_many) {
    DictObj *d = as_dict(dict_new(ts));
    for (int64_t round = 0; round < 50; round++) {
        for (int64_t i = 0; i < 200; i++) {
            dict_set(ts, d, I(i + round * 7), I(round));
        }
        for (int64_t i = 0; i < 200; i += 2) {
            dict_del(ts, d, I(i + round * 7));
        }
    }
    for (int64_t i = 0; i < 200 + 49 * 7; i++) {
        Value v;
        int r = dict_get(ts, d, I(i), &v);
        cr_assert_geq(r, 0);
    }
    cr_assert_leq(d->nentries, d->cap);
}

Test(dict, many_colliding_keys) {
    // Multiples of 2**30 have identical low bits: every key starts on slot
    // 0 and only the perturbation separates them.
    DictObj *d = as_dict(dict_new(ts));
    for (int64_t i = 0; i < 3000; i++) {
        cr_assert_eq(dict_set(ts, d, I(i << 30), I(i)), 0);
    }
    for (int64_t i = 0; i < 3000; i++) {
        cr_assert_eq(get_int(d, i << 30), i);
    }
    for (int64_t i = 0; i < 3000; i += 3) {
        cr_assert_eq(dict_del(ts, d, I(i << 30)), 1);
    }
    for (int64_t i = 0; i < 3000; i++) {
        cr_assert_eq(get_int(d, i << 30), i % 3 == 0 ? -999 : i);
    }
}

Test(dict, popitem_cycles_do_not_fill_the_index) {
    // Insert/popitem forever must not exhaust the empty slots probes need.
    DictObj *d = as_dict(dict_new(ts));
    dict_set(ts, d, I(-1), I(0));
    Value popitem = str_from_cstr(ts, "popitem");
    for (int64_t i = 0; i < 20000; i++) {
        dict_set(ts, d, I(i), I(i));
        Value pair = obj_call_method(ts, obj_val(d), as_str(popitem), NULL, 0);
        cr_assert_neq(pair, CS_ERR);
        cr_assert_eq(as_tuple(pair)->items[0], I(i));
        gc_temp_reset(ts, 0);
        gc_temp_push(ts, obj_val(d));
        gc_temp_push(ts, popitem);
    }
    cr_assert_eq(d->used, 1);
    cr_assert_eq(get_int(d, -1), 0);
}

Test(dict, str_keys_and_cstr_lookup) {
    DictObj *d = as_dict(dict_new(ts));
    cr_assert_eq(dict_set_cstr(ts, d, "alpha", I(1)), 0);
    cr_assert_eq(dict_set_cstr(ts, d, "beta", I(2)), 0);
    Value v;
    cr_assert(dict_get_cstr(d, "alpha", &v));
    cr_assert_eq(v, I(1));
    cr_assert(!dict_get_cstr(d, "gamma", &v));
    // A different str object with the same text finds the same entry.
    Value key = str_from_cstr(ts, "beta");
    cr_assert(dict_get_str(d, as_str(key), &v));
    cr_assert_eq(v, I(2));
    cr_assert_eq(dict_get(ts, d, key, &v), 1);
    cr_assert_eq(v, I(2));
    char long_name[200];
    memset(long_name, 'x', sizeof long_name - 1);
    long_name[sizeof long_name - 1] = '\0';
    cr_assert_eq(dict_set_cstr(ts, d, long_name, I(3)), 0);
    cr_assert(dict_get_cstr(d, long_name, &v));
    cr_assert_eq(v, I(3));
}

Test(dict, version_changes_on_every_mutation) {
    DictObj *d = as_dict(dict_new(ts));
    uint64_t v0 = d->version;
    dict_set(ts, d, I(1), I(1));
    uint64_t v1 = d->version;
    cr_assert_neq(v0, v1);
    dict_set(ts, d, I(1), I(2));
    uint64_t v2 = d->version;
    cr_assert_neq(v1, v2);
    dict_del(ts, d, I(1));
    cr_assert_neq(v2, d->version);
}

Test(dict, copy_skips_deleted_entries) {
    DictObj *d = as_dict(dict_new(ts));
    for (int64_t i = 0; i < 100; i++) {
        dict_set(ts, d, I(i), I(i));
    }
    for (int64_t i = 0; i < 100; i += 2) {
        dict_del(ts, d, I(i));
    }
    DictObj *c = as_dict(dict_copy(ts, d));
    cr_assert_eq(c->used, 50);
    cr_assert_eq(c->nentries, 50);
    int64_t keys[50];
    cr_assert_eq(dict_int_keys(c, keys, 50), 50);
    for (int64_t i = 0; i < 50; i++) {
        cr_assert_eq(keys[i], i * 2 + 1);
    }
}

Test(dict, survives_collections) {
    // Every entry stays reachable through the dict across explicit collections.
    DictObj *d = as_dict(dict_new(ts));
    for (int64_t i = 0; i < 500; i++) {
        Value s = str_format_c(ts, "key%d", (int)i);
        dict_set(ts, d, s, tuple_pack(ts, 1, I(i)));
        if (i % 100 == 0) {
            gc_temp_reset(ts, 0);
            gc_temp_push(ts, obj_val(d));
            gc_collect(ts);
        }
    }
    gc_temp_reset(ts, 0);
    gc_temp_push(ts, obj_val(d));
    gc_collect(ts);
    for (int64_t i = 0; i < 500; i++) {
        char name[32];
        snprintf(name, sizeof name, "key%d", (int)i);
        Value v;
        cr_assert(dict_get_cstr(d, name, &v));
        cr_assert_eq(as_tuple(v)->items[0], I(i));
    }
}

// ---------------------------------------------------------------------------
// Sets: iteration orders printed by CPython 3.11 for the same operations.

static void check_set_order(Value s, const int64_t *want, size_t n) {
    SetObj *so = as_set(s);
    cr_assert_eq(so->used, n);
    size_t pos = 0, i = 0;
    Value k;
    while (set_next(so, &pos, &k)) {
        cr_assert_lt(i, n);
        cr_assert_eq(as_small_int(k), want[i], "item %zu: %ld != %ld", i, (long)as_small_int(k),
                     (long)want[i]);
        i++;
    }
    cr_assert_eq(i, n);
}

static Value set_of(const int64_t *items, size_t n) {
    Value s = set_new(ts, CS_UNBOUND);
    for (size_t i = 0; i < n; i++) {
        cr_assert_eq(set_add(ts, as_set(s), I(items[i])), 0);
    }
    return s;
}

Test(set, small_int_orders_match_cpython) {
    int64_t a[] = {10, 5, 100}, wa[] = {10, 100, 5};
    check_set_order(set_of(a, 3), wa, 3);
    int64_t b[] = {-1, -2, 7}, wb[] = {7, -1, -2};
    check_set_order(set_of(b, 3), wb, 3);
    int64_t c[] = {3, 1, 2}, wc[] = {1, 2, 3};
    check_set_order(set_of(c, 3), wc, 3);
    int64_t d[12], wd[] = {0, 32, 64, 8, 40, 72, 16, 48, 80, 24, 56, 88};
    for (int i = 0; i < 12; i++) {
        d[i] = i * 8;
    }
    check_set_order(set_of(d, 12), wd, 12);
}

Test(set, range_iteration_order) {
    Value r = range_from_c(20, 0, -3);
    Value s = set_new(ts, r);
    int64_t want[] = {2, 5, 8, 11, 14, 17, 20};
    check_set_order(s, want, 7);
}

Test(set, discard_then_update_order) {
    int64_t items[100];
    for (int i = 0; i < 100; i++) {
        items[i] = i;
    }
    Value s = set_of(items, 100);
    for (int64_t i = 0; i < 100; i += 3) {
        cr_assert_eq(set_discard(ts, as_set(s), I(i)), 1);
    }
    int64_t more[] = {1000, 2000, 77777};
    cr_assert_eq(set_update(ts, as_set(s), set_of(more, 3)), 0);
    int64_t want[] = {1, 2, 4, 5, 7, 8, 10, 11, 13, 14, 16, 17, 19, 20, 22, 23, 25, 26, 28, 29};
    SetObj *so = as_set(s);
    cr_assert_eq(so->used, 69);
    size_t pos = 0;
    Value k;
    for (int i = 0; i < 20; i++) {
        cr_assert(set_next(so, &pos, &k));
        cr_assert_eq(as_small_int(k), want[i]);
    }
}

Test(set, intersection_and_xor_orders) {
    Value a = set_new(ts, range_from_c(0, 1000, 37));
    Value b = set_new(ts, range_from_c(0, 1000, 5));
    Value r = obj_binop(ts, a, b, BINOP_AND);
    int64_t want[] = {0, 740, 555, 370, 185, 925};
    check_set_order(r, want, 6);
    Value x = set_new(ts, range_from_c(0, 50, 1));
    Value y = set_new(ts, range_from_c(25, 75, 1));
    Value z = obj_binop(ts, x, y, BINOP_XOR);
    int64_t wz[50];
    for (int i = 0; i < 25; i++) {
        wz[i] = i;
        wz[25 + i] = 50 + i;
    }
    check_set_order(z, wz, 50);
}

Test(set, pop_uses_finger) {
    int64_t items[] = {1, 2, 3, 4, 5, 6, 7};
    Value s = set_of(items, 7);
    Value pop = str_from_cstr(ts, "pop");
    Value add = str_from_cstr(ts, "add");
    int64_t got[4];
    for (int i = 0; i < 3; i++) {
        got[i] = as_small_int(obj_call_method(ts, s, as_str(pop), NULL, 0));
    }
    Value one = I(1);
    obj_call_method(ts, s, as_str(add), &one, 1);
    got[3] = as_small_int(obj_call_method(ts, s, as_str(pop), NULL, 0));
    cr_assert_eq(got[0], 1);
    cr_assert_eq(got[1], 2);
    cr_assert_eq(got[2], 3);
    cr_assert_eq(got[3], 4);
    int64_t rest[] = {1, 5, 6, 7};
    check_set_order(s, rest, 4);
}

Test(set, frozenset_hash_matches_cpython) {
    int64_t items[] = {1, 2, 3};
    Value fs = frozenset_new(ts, set_of(items, 3));
    cr_assert_eq(obj_hash(ts, fs), INT64_C(-272375401224217160));
    cr_assert_eq(obj_hash(ts, frozenset_new(ts, CS_UNBOUND)), INT64_C(133146708735736));
    int64_t one[] = {1};
    Value inner = frozenset_new(ts, set_of(one, 1));
    Value outer = set_new(ts, CS_UNBOUND);
    set_add(ts, as_set(outer), inner);
    set_add(ts, as_set(outer), I(2));
    cr_assert_eq(obj_hash(ts, frozenset_new(ts, outer)), INT64_C(-1248503628839622056));
}

Test(set, tuple_members_order) {
    Value s = set_new(ts, CS_UNBOUND);
    int64_t pairs[][2] = {{1, 2}, {3, 4}, {5, 6}, {1, 3}};
    for (int i = 0; i < 4; i++) {
        set_add(ts, as_set(s), tuple_pack(ts, 2, I(pairs[i][0]), I(pairs[i][1])));
    }
    int64_t want[][2] = {{1, 2}, {1, 3}, {3, 4}, {5, 6}};
    size_t pos = 0;
    Value k;
    for (int i = 0; i < 4; i++) {
        cr_assert(set_next(as_set(s), &pos, &k));
        cr_assert_eq(as_tuple(k)->items[0], I(want[i][0]));
        cr_assert_eq(as_tuple(k)->items[1], I(want[i][1]));
    }
}

Test(set, many_colliding_members) {
    Value s = set_new(ts, CS_UNBOUND);
    for (int64_t i = 0; i < 2000; i++) {
        cr_assert_eq(set_add(ts, as_set(s), I(i << 32)), 0);
    }
    for (int64_t i = 0; i < 2000; i++) {
        cr_assert_eq(set_contains(ts, as_set(s), I(i << 32)), 1);
        cr_assert_eq(set_contains(ts, as_set(s), I((i << 32) + 1)), 0);
    }
    for (int64_t i = 0; i < 2000; i += 2) {
        cr_assert_eq(set_discard(ts, as_set(s), I(i << 32)), 1);
    }
    cr_assert_eq(as_set(s)->used, 1000);
    cr_assert_eq(set_contains(ts, as_set(s), I(1999LL << 32)), 1);
}
