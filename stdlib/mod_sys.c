// The sys module: argv, path, modules, the standard streams, exit,
// recursion and switch-interval settings, version information.
#include "stdlib/mod_sys.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "stdlib/fileio.h"
#include "vm/dict.h"
#include "vm/exc.h"
#include "vm/func.h"
#include "vm/gc.h"
#include "vm/int.h"
#include "vm/list.h"
#include "vm/names.h"
#include "vm/state.h"
#include "vm/str.h"

#define CS_PY_VERSION "3.11.7"

static Value sys_exit(ThreadState *ts, Value self, const Value *args, size_t nargs,
                      TupleObj *kwnames) {
    if (arg_count(ts, "exit", nargs, 0, 1) < 0) {
        return CS_ERR;
    }
    return exc_raise_args(ts, exc_SystemExit, args, nargs);
}

static Value sys_getrecursionlimit(ThreadState *ts, Value self, const Value *args, size_t nargs,
                                   TupleObj *kwnames) {
    if (arg_count(ts, "getrecursionlimit", nargs, 0, 0) < 0) {
        return CS_ERR;
    }
    return small_int_val(ts->interp->recursion_limit);
}

static Value sys_setrecursionlimit(ThreadState *ts, Value self, const Value *args, size_t nargs,
                                   TupleObj *kwnames) {
    if (arg_count(ts, "setrecursionlimit", nargs, 1, 1) < 0) {
        return CS_ERR;
    }
    if (!int_check(args[0]) || is_bool(args[0])) {
        if (is_float(args[0])) {
            return exc_raise(ts, exc_TypeError, "'float' object cannot be interpreted as an "
                                                "integer");
        }
        return exc_raise(ts, exc_TypeError, "an integer is required");
    }
    int64_t n;
    if (int_as_i64(ts, args[0], &n) < 0) {
        return CS_ERR;
    }
    if (n < 1) {
        return exc_raise(ts, exc_ValueError, "recursion limit must be greater or equal than 1");
    }
    if (n > 100000000) {
        n = 100000000;
    }
    if (n <= ts->depth) {
        return exc_raise(ts, exc_RecursionError,
                         "cannot set the recursion limit to %d at the recursion depth %d: the "
                         "limit is too low",
                         (int)n, ts->depth);
    }
    ts->interp->recursion_limit = (int)n;
    return CS_NONE;
}

static Value sys_getswitchinterval(ThreadState *ts, Value self, const Value *args, size_t nargs,
                                   TupleObj *kwnames) {
    return float_val(ts->interp->switch_interval);
}

static Value sys_setswitchinterval(ThreadState *ts, Value self, const Value *args, size_t nargs,
                                   TupleObj *kwnames) {
    if (arg_count(ts, "setswitchinterval", nargs, 1, 1) < 0) {
        return CS_ERR;
    }
    double d;
    if (float_as_double(ts, args[0], &d) < 0) {
        return CS_ERR;
    }
    if (d <= 0.0) {
        return exc_raise(ts, exc_ValueError, "switch interval must be strictly positive");
    }
    ts->interp->switch_interval = d;
    return CS_NONE;
}

static Value sys_exc_info(ThreadState *ts, Value self, const Value *args, size_t nargs,
                          TupleObj *kwnames) {
    Value h = ts_handled(ts);
    if (h == CS_NONE) {
        return tuple_pack(ts, 3, CS_NONE, CS_NONE, CS_NONE);
    }
    ExcObj *e = (ExcObj *)as_obj(h);
    return tuple_pack(ts, 3, obj_val(type_of(h)), h,
                      e->traceback ? obj_val(e->traceback) : CS_NONE);
}

static Value sys_exception(ThreadState *ts, Value self, const Value *args, size_t nargs,
                           TupleObj *kwnames) {
    return ts_handled(ts);
}

static Value sys_intern(ThreadState *ts, Value self, const Value *args, size_t nargs,
                        TupleObj *kwnames) {
    if (arg_count(ts, "intern", nargs, 1, 1) < 0) {
        return CS_ERR;
    }
    if (!is_type_exact(args[0], &type_str)) {
        return exc_raise(ts, exc_TypeError, "intern() argument must be str, not %s",
                         obj_type_name(args[0]));
    }
    return str_intern(ts, args[0]);
}

static Value sys_getsizeof(ThreadState *ts, Value self, const Value *args, size_t nargs,
                           TupleObj *kwnames) {
    if (arg_count(ts, "getsizeof", nargs, 1, 2) < 0) {
        return CS_ERR;
    }
    Value v = args[0];
    return small_int_val(is_obj(v) ? (int64_t)type_of(v)->basicsize : 24);
}

static Value sys_get_int_max_str_digits(ThreadState *ts, Value self, const Value *args,
                                        size_t nargs, TupleObj *kwnames) {
    return small_int_val(int_get_max_str_digits());
}

static Value sys_set_int_max_str_digits(ThreadState *ts, Value self, const Value *args,
                                        size_t nargs, TupleObj *kwnames) {
    Value out[1];
    if (arg_parse(ts, "set_int_max_str_digits", args, nargs, kwnames, "maxdigits", out) < 0) {
        return CS_ERR;
    }
    int64_t n;
    if (int_as_i64(ts, out[0], &n) < 0) {
        return CS_ERR;
    }
    if (int_set_max_str_digits(ts, n) < 0) {
        return CS_ERR;
    }
    return CS_NONE;
}

static Value sys_getdefaultencoding(ThreadState *ts, Value self, const Value *args, size_t nargs,
                                    TupleObj *kwnames) {
    return str_from_cstr(ts, "utf-8");
}

static const MethodDef sys_methods[] = {
    {"exit", sys_exit, 0, NULL},
    {"getrecursionlimit", sys_getrecursionlimit, 0, NULL},
    {"setrecursionlimit", sys_setrecursionlimit, 0, NULL},
    {"getswitchinterval", sys_getswitchinterval, 0, NULL},
    {"setswitchinterval", sys_setswitchinterval, 0, NULL},
    {"exc_info", sys_exc_info, 0, NULL},
    {"exception", sys_exception, 0, NULL},
    {"intern", sys_intern, 0, NULL},
    {"getsizeof", sys_getsizeof, 0, NULL},
    {"get_int_max_str_digits", sys_get_int_max_str_digits, 0, NULL},
    {"set_int_max_str_digits", sys_set_int_max_str_digits, METH_KEYWORDS, NULL},
    {"getdefaultencoding", sys_getdefaultencoding, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static Value make_version_info(ThreadState *ts) {
    return tuple_pack(ts, 5, small_int_val(3), small_int_val(11), small_int_val(7),
                      str_from_cstr(ts, "final"), small_int_val(0));
}

// sys.path[0]: the folder of the script, or '' for -c, -m and stdin.
int sys_set_path0(ThreadState *ts, const char *script_path) {
    Value p0;
    if (script_path) {
        char *abs = realpath(script_path, NULL);
        const char *use = abs ? abs : script_path;
        const char *slash = strrchr(use, '/');
        p0 = slash ? str_new(ts, use, slash == use ? 1 : (size_t)(slash - use))
                   : str_new(ts, "", 0);
        free(abs);
    } else {
        p0 = str_new(ts, "", 0);
    }
    ListObj *path = as_list(ts->interp->sys_path);
    return list_insert(ts, path, 0, p0);
}

int sys_set_argv(ThreadState *ts, int argc, char **argv) {
    Value l = list_new(ts, 0);
    for (int i = 0; i < argc; i++) {
        Value s = str_decode_utf8(ts, argv[i], strlen(argv[i]));
        if (s == CS_ERR || list_append(ts, as_list(l), s) < 0) {
            return -1;
        }
    }
    return dict_set_cstr(ts, ts->interp->sys_module->dict, "argv", l);
}

Value sys_module_init(ThreadState *ts, int argc, char **argv) {
    Value mv = module_new(ts, "sys");
    ModuleObj *m = (ModuleObj *)as_obj(mv);
    ts->interp->sys_module = m;
    if (module_add_functions(ts, m, sys_methods) < 0) {
        return CS_ERR;
    }
    Value path = list_new(ts, 0);
    list_append(ts, as_list(path), str_from_cstr(ts, "<cs-stdlib>"));
    ts->interp->sys_path = path;
    module_add_value(ts, m, "path", path);
    module_add_value(ts, m, "modules", obj_val(ts->interp->modules));
    module_add_value(ts, m, "argv", list_new(ts, 0));
    module_add_value(ts, m, "version",
                     str_from_cstr(ts, CS_PY_VERSION " (cs " CS_VERSION_STRING ") [GCC]"));
    module_add_value(ts, m, "version_info", make_version_info(ts));
    module_add_value(ts, m, "hexversion", small_int_val(0x030B07F0));
    module_add_value(ts, m, "platform", str_from_cstr(ts, "linux"));
    module_add_value(ts, m, "byteorder", str_from_cstr(ts, "little"));
    module_add_value(ts, m, "maxsize", int_from_i64(ts, INT64_MAX));
    module_add_value(ts, m, "maxunicode", small_int_val(0x10FFFF));
    module_add_value(ts, m, "implementation_name", str_from_cstr(ts, "cs"));
    module_add_value(ts, m, "executable", str_from_cstr(ts, argc > 0 && argv ? argv[0] : "cs"));
    module_add_value(ts, m, "builtin_module_names",
                     tuple_pack(ts, 2, str_from_cstr(ts, "builtins"), str_from_cstr(ts, "sys")));
    module_add_value(ts, m, "dont_write_bytecode", CS_TRUE);
    Value in = fileio_from_fd(ts, 0, "r", "<stdin>", false);
    Value out = fileio_from_fd(ts, 1, "w", "<stdout>", isatty(1));
    Value err = fileio_from_fd(ts, 2, "w", "<stderr>", true);
    if (in == CS_ERR || out == CS_ERR || err == CS_ERR) {
        return CS_ERR;
    }
    module_add_value(ts, m, "stdin", in);
    module_add_value(ts, m, "stdout", out);
    module_add_value(ts, m, "stderr", err);
    module_add_value(ts, m, "__stdin__", in);
    module_add_value(ts, m, "__stdout__", out);
    module_add_value(ts, m, "__stderr__", err);
    return mv;
}
