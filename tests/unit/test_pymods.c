// Unit tests of the standard-library modules written in cs (stdlib/lib/):
// every embedded module imports, and a few results and error messages that
// scripts would otherwise only check end to end, through the embedding API.
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>

#include "cs.h"

static CsVM *vm;

static void open_vm(void) {
    vm = cs_open(0, NULL);
    cr_assert_not_null(vm);
}

static void close_vm(void) {
    cs_close(vm);
}

TestSuite(pymods, .init = open_vm, .fini = close_vm);

static void check_eval(const char *expr, const char *expected) {
    char *got = cs_eval(vm, expr);
    cr_assert_not_null(got, "%s raised %s", expr, cs_error(vm) ? cs_error(vm) : "?");
    cr_assert_str_eq(got, expected, "%s", expr);
    free(got);
}

static void check_raises(const char *expr, const char *expected) {
    char *got = cs_eval(vm, expr);
    cr_assert_null(got, "%s should raise", expr);
    cr_assert_str_eq(cs_error(vm), expected, "%s", expr);
}

static void run(const char *source) {
    int rc = cs_run_string(vm, source, "<test>");
    cr_assert_eq(rc, 0, "%s raised %s", source, cs_error(vm) ? cs_error(vm) : "?");
}

Test(pymods, every_module_imports) {
    static const char *const modules[] = {
        "abc",    "bisect",       "collections",  "collections.abc", "contextlib",
        "copy",   "dataclasses",  "functools",    "heapq",           "itertools",
        "json",   "json.decoder", "json.encoder", "keyword",         "string",
        "timeit", "types",        "typing",       "warnings",        "__future__",
    };
    for (size_t i = 0; i < sizeof modules / sizeof modules[0]; i++) {
        char source[80];
        snprintf(source, sizeof source, "import %s\n", modules[i]);
        run(source);
    }
}

Test(pymods, collections_reprs) {
    run("from collections import deque, Counter, OrderedDict, defaultdict, namedtuple\n");
    check_eval("deque([1, 2], maxlen=3)", "deque([1, 2], maxlen=3)");
    check_eval("Counter('abbccc')", "Counter({'c': 3, 'b': 2, 'a': 1})");
    check_eval("OrderedDict(a=1)", "OrderedDict([('a', 1)])");
    check_eval("defaultdict(list, a=[1])", "defaultdict(<class 'list'>, {'a': [1]})");
    check_eval("namedtuple('P', 'x y')(1, y=2)", "P(x=1, y=2)");
    check_raises("deque().popleft()", "IndexError: pop from an empty deque");
    check_raises("namedtuple('P', 'x y')(1)",
                 "TypeError: P.__new__() missing 1 required positional argument: 'y'");
}

Test(pymods, json_round_trip) {
    run("import json\n");
    check_eval("json.dumps({'a': [1, 2.5, None, True], 'é': 'ü'})",
               "'{\"a\": [1, 2.5, null, true], \"\\\\u00e9\": \"\\\\u00fc\"}'");
    check_eval("json.loads('{\"a\": [1, 2.5, null, true, \"\\\\ud83d\\\\ude00\"]}')",
               "{'a': [1, 2.5, None, True, '😀']}");
    check_raises("json.loads('[1, 2')",
                 "JSONDecodeError: Expecting ',' delimiter: line 1 column 6 (char 5)");
}

Test(pymods, dataclass_init_messages) {
    run("from dataclasses import dataclass, field\n"
        "@dataclass\n"
        "class Item:\n"
        "    name: str\n"
        "    price: float\n"
        "    qty: int = 1\n"
        "    tags: list = field(default_factory=list)\n");
    check_eval("Item('pen', 1.5)", "Item(name='pen', price=1.5, qty=1, tags=[])");
    check_raises("Item()",
                 "TypeError: Item.__init__() missing 2 required positional arguments: 'name' "
                 "and 'price'");
    check_raises("Item(1, 2, 3, 4, 5)",
                 "TypeError: Item.__init__() takes from 3 to 5 positional arguments but 6 were "
                 "given");
}

Test(pymods, itertools_and_functools) {
    run("import itertools, functools\n");
    check_eval("list(itertools.permutations('abc', 2))[:3]",
               "[('a', 'b'), ('a', 'c'), ('b', 'a')]");
    check_eval("[(k, len(list(g))) for k, g in itertools.groupby('aabccc')]",
               "[('a', 2), ('b', 1), ('c', 3)]");
    check_eval("functools.reduce(lambda a, b: a * b, range(1, 6))", "120");
    check_raises("functools.reduce(max, [])",
                 "TypeError: reduce() of empty iterable with no initial value");
}
