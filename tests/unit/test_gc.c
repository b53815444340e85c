// Unit tests for the collector: temporary roots keep fresh objects alive,
// unreachable objects are freed, container contents are traced, and
// permanent roots survive.
#include <criterion/criterion.h>

#include "vm/dict.h"
#include "vm/gc.h"
#include "vm/interp.h"
#include "vm/list.h"
#include "vm/str.h"

static ThreadState *ts;
static Interp *interp;

static void setup(void) {
    static char *argv[] = {(char *)"cs_unit", NULL};
    interp = interp_new(1, argv, &ts);
    cr_assert_not_null(interp);
}

static void teardown(void) {
    interp_free(interp);
}

TestSuite(gc, .init = setup, .fini = teardown);

Test(gc, temps_keep_fresh_objects_alive) {
    size_t mark = gc_temp_mark(ts);
    Value l = list_new(ts, 0);
    for (int i = 0; i < 100; i++) {
        list_append(ts, as_list(l), str_from_cstr(ts, "item"));
    }
    gc_collect(ts);
    cr_assert_eq(as_list(l)->len, 100);
    cr_assert(str_equal_cstr(as_str(as_list(l)->items[99]), "item"));
    gc_temp_reset(ts, mark);
}

Test(gc, unreachable_objects_are_freed) {
    gc_collect(ts);
    size_t mark = gc_temp_mark(ts);
    for (int i = 0; i < 1000; i++) {
        list_new(ts, 3);
    }
    gc_temp_reset(ts, mark);
    size_t freed = gc_collect(ts);
    cr_assert_geq(freed, 1000, "freed %zu", freed);
}

Test(gc, containers_are_traced) {
    size_t mark = gc_temp_mark(ts);
    Value outer = list_new(ts, 0);
    static Value root;
    root = outer;
    gc_add_root(interp, &root);
    Value d = dict_new(ts);
    list_append(ts, as_list(outer), d);
    dict_set_cstr(ts, as_dict(d), "key", str_from_cstr(ts, "value"));
    gc_temp_reset(ts, mark);
    gc_collect(ts);
    gc_collect(ts);
    Value got;
    cr_assert(dict_get_cstr(as_dict(as_list(root)->items[0]), "key", &got));
    cr_assert(str_equal_cstr(as_str(got), "value"));
}

Test(gc, stats_count_collections) {
    GcStats before = gc_stats(interp);
    gc_collect(ts);
    GcStats after = gc_stats(interp);
    cr_assert_eq(after.collections, before.collections + 1);
    cr_assert_gt(after.live_objects, 0);
}
