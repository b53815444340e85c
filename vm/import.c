// The import system: resolves names (relative imports included), finds
// modules — native ones from stdlib/modules.def first, then each sys.path
// entry in order, where the entry "<cs-stdlib>" stands for the cs modules
// embedded in the binary — loads them into sys.modules and runs them. This
// file is the only caller of the compiler besides the CLI and REPL.
#include "vm/import.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "compiler/compile.h"
#include "stdlib/modules.h"
#include "vm/dict.h"
#include "vm/embedded.h"
#include "vm/eval.h"
#include "vm/exc.h"
#include "vm/func.h"
#include "vm/gc.h"
#include "vm/list.h"
#include "vm/names.h"
#include "vm/state.h"
#include "vm/str.h"

#define STDLIB_ENTRY "<cs-stdlib>"

typedef struct NativeModule {
    const char *name;
    Value (*init)(ThreadState *ts);
} NativeModule;

static const NativeModule native_modules[] = {
#define MODULE(n, f) {#n, f},
#include "stdlib/modules.def"
#undef MODULE
    {NULL, NULL},
};

static const EmbeddedModule *find_embedded(const char *name) {
    for (const EmbeddedModule *m = embedded_modules; m->name; m++) {
        if (strcmp(m->name, name) == 0) {
            return m;
        }
    }
    return NULL;
}

// Reads a whole file; NULL with errno set.
static char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) {
        return NULL;
    }
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0) {
            break;
        }
        if (n == cap) {
            char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = nb;
            cap *= 2;
        }
    }
    fclose(f);
    if (buf) {
        *len = n;
    }
    return buf;
}

static bool is_file(const char *path) {
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static bool is_dir(const char *path) {
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

// Compiles and runs source as the body of module m.
static int exec_module(ThreadState *ts, Value m, const char *src, size_t len,
                       const char *filename) {
    Value code = compile_source(ts, src, len, filename, COMPILE_FILE);
    if (code == CS_ERR) {
        return -1;
    }
    DictObj *d = ((ModuleObj *)as_obj(m))->dict;
    Value r = vm_run_code(ts, (CodeObj *)as_obj(code), d, obj_val(d));
    return r == CS_ERR ? -1 : 0;
}

static Value new_module_in(ThreadState *ts, const char *fullname) {
    Value m = module_new(ts, fullname);
    DictObj *d = ((ModuleObj *)as_obj(m))->dict;
    dict_set_str(ts, d, STR_NAME(ts, __builtins__), obj_val(ts->interp->builtins_module));
    return m;
}

static void set_package(ThreadState *ts, Value m, const char *fullname, bool is_pkg) {
    DictObj *d = ((ModuleObj *)as_obj(m))->dict;
    const char *dot = strrchr(fullname, '.');
    Value pkg;
    if (is_pkg) {
        pkg = str_from_cstr(ts, fullname);
    } else if (dot) {
        pkg = str_new(ts, fullname, (size_t)(dot - fullname));
    } else {
        pkg = str_new(ts, "", 0);
    }
    dict_set_str(ts, d, STR_NAME(ts, __package__), pkg);
}

// Registers m in sys.modules, runs its code, and unregisters it on failure.
static Value run_new_module(ThreadState *ts, Value m, const char *fullname, const char *src,
                            size_t len, const char *filename) {
    Value key = str_from_cstr(ts, fullname);
    if (dict_set(ts, ts->interp->modules, key, m) < 0) {
        return CS_ERR;
    }
    if (exec_module(ts, m, src, len, filename) < 0) {
        Value exc = exc_fetch(ts);
        dict_del(ts, ts->interp->modules, key);
        exc_restore(ts, exc);
        return CS_ERR;
    }
    // The module may have replaced itself in sys.modules.
    Value final;
    if (dict_get(ts, ts->interp->modules, key, &final) == 1) {
        return final;
    }
    return m;
}

static Value load_embedded(ThreadState *ts, const EmbeddedModule *em, const char *fullname) {
    Value m = new_module_in(ts, fullname);
    DictObj *d = ((ModuleObj *)as_obj(m))->dict;
    char filename[512];
    snprintf(filename, sizeof filename, "%s/%s%s", STDLIB_ENTRY, fullname,
             em->is_package ? "/__init__.cs" : ".cs");
    for (char *p = filename + strlen(STDLIB_ENTRY) + 1; *p; p++) {
        if (*p == '.' && strcmp(p, ".cs") != 0) {
            *p = '/';
        }
    }
    dict_set_str(ts, d, STR_NAME(ts, __file__), str_from_cstr(ts, filename));
    if (em->is_package) {
        Value path = list_new(ts, 0);
        list_append(ts, as_list(path), str_from_cstr(ts, STDLIB_ENTRY));
        dict_set_str(ts, d, STR_NAME(ts, __path__), path);
    }
    set_package(ts, m, fullname, em->is_package);
    return run_new_module(ts, m, fullname, em->source, em->len, filename);
}

static Value load_file(ThreadState *ts, const char *path, const char *fullname, bool is_pkg,
                       const char *pkgdir) {
    size_t len;
    char *src = read_file(path, &len);
    if (!src) {
        return exc_raise_errno(ts, errno, str_from_cstr(ts, path));
    }
    Value m = new_module_in(ts, fullname);
    DictObj *d = ((ModuleObj *)as_obj(m))->dict;
    dict_set_str(ts, d, STR_NAME(ts, __file__), str_from_cstr(ts, path));
    if (is_pkg) {
        Value pl = list_new(ts, 0);
        list_append(ts, as_list(pl), str_from_cstr(ts, pkgdir));
        dict_set_str(ts, d, STR_NAME(ts, __path__), pl);
    }
    set_package(ts, m, fullname, is_pkg);
    Value r = run_new_module(ts, m, fullname, src, len, path);
    free(src);
    return r;
}

// Searches `path` (a list of directory strs) for the last component of fullname.
// Returns the module, CS_UNBOUND if not found, or CS_ERR.
static Value find_in_path(ThreadState *ts, Value path, const char *fullname) {
    const char *dot = strrchr(fullname, '.');
    const char *base = dot ? dot + 1 : fullname;
    if (!list_check(path)) {
        return CS_UNBOUND;
    }
    ListObj *l = as_list(path);
    for (size_t i = 0; i < l->len; i++) {
        Value entry = l->items[i];
        if (!str_check(entry)) {
            continue;
        }
        const char *dir = str_cstr(entry);
        if (strcmp(dir, STDLIB_ENTRY) == 0) {
            const EmbeddedModule *em = find_embedded(fullname);
            if (em) {
                return load_embedded(ts, em, fullname);
            }
            continue;
        }
        char buf[4096];
        const char *sep = dir[0] ? "/" : "";
        snprintf(buf, sizeof buf, "%s%s%s/__init__.cs", dir, sep, base);
        if (is_file(buf)) {
            char pkgdir[4096];
            snprintf(pkgdir, sizeof pkgdir, "%s%s%s", dir, sep, base);
            return load_file(ts, buf, fullname, true, pkgdir);
        }
        snprintf(buf, sizeof buf, "%s%s%s.cs", dir, sep, base);
        if (is_file(buf)) {
            return load_file(ts, buf, fullname, false, NULL);
        }
        (void)is_dir;
    }
    return CS_UNBOUND;
}

static Value not_found(ThreadState *ts, const char *fullname) {
    Value msg = str_format_c(ts, "No module named '%s'", fullname);
    if (msg == CS_ERR) {
        return CS_ERR;
    }
    Value e = exc_raise_args(ts, exc_ModuleNotFoundError, &msg, 1);
    Value exc = ts->exc;
    if (exc_is_instance(exc, exc_ImportError)) {
        ((ExcObj *)as_obj(exc))->extra[0] = str_from_cstr(ts, fullname);
    }
    return e;
}

// Imports exactly `fullname` (its parent package must be imported already).
static Value import_one(ThreadState *ts, const char *fullname, Value parent) {
    Value key = str_from_cstr(ts, fullname);
    Value m;
    int r = dict_get(ts, ts->interp->modules, key, &m);
    if (r < 0) {
        return CS_ERR;
    }
    if (r == 1) {
        if (m == CS_NONE) {
            return not_found(ts, fullname);
        }
        return m;
    }
    if (parent == CS_UNBOUND) {
        for (const NativeModule *nm = native_modules; nm->name; nm++) {
            if (strcmp(nm->name, fullname) == 0) {
                m = nm->init(ts);
                if (m == CS_ERR) {
                    return CS_ERR;
                }
                if (dict_set(ts, ts->interp->modules, key, m) < 0) {
                    return CS_ERR;
                }
                return m;
            }
        }
        Value path = ts->interp->sys_path;
        Value sp = obj_lookup_attr(ts, obj_val(ts->interp->sys_module),
                                   str_intern_name(ts, "path"));
        if (sp != CS_ERR && sp != CS_UNBOUND) {
            path = sp;
        }
        m = find_in_path(ts, path, fullname);
    } else {
        Value ppath = obj_lookup_attr(ts, parent, STR_NAME(ts, __path__));
        if (ppath == CS_ERR) {
            return CS_ERR;
        }
        if (ppath == CS_UNBOUND) {
            const char *dot = strrchr(fullname, '.');
            Value msg = str_format_c(ts, "No module named '%s'; '%s' is not a package", fullname,
                                     str_cstr(obj_val(((ModuleObj *)as_obj(parent))->name)));
            (void)dot;
            if (msg == CS_ERR) {
                return CS_ERR;
            }
            return exc_raise_args(ts, exc_ModuleNotFoundError, &msg, 1);
        }
        m = find_in_path(ts, ppath, fullname);
    }
    if (m == CS_ERR) {
        return CS_ERR;
    }
    if (m == CS_UNBOUND) {
        return not_found(ts, fullname);
    }
    if (parent != CS_UNBOUND) {
        const char *dot = strrchr(fullname, '.');
        StrObj *child = str_intern_name(ts, dot + 1);
        if (obj_setattr(ts, parent, child, m) < 0) {
            return CS_ERR;
        }
    }
    return m;
}

// Imports every prefix of a dotted name; returns the last module.
static Value import_dotted(ThreadState *ts, const char *name, Value *top) {
    char buf[1024];
    size_t n = strlen(name);
    if (n >= sizeof buf || n == 0) {
        return exc_raise(ts, exc_ValueError, "Empty module name");
    }
    Value parent = CS_UNBOUND;
    *top = CS_UNBOUND;
    for (size_t i = 0; i <= n; i++) {
        if (name[i] == '.' || name[i] == 0) {
            memcpy(buf, name, i);
            buf[i] = 0;
            Value m = import_one(ts, buf, parent);
            if (m == CS_ERR) {
                return CS_ERR;
            }
            if (*top == CS_UNBOUND) {
                *top = m;
            }
            gc_temp_push(ts, m);
            parent = m;
        }
    }
    return parent;
}

Value import_module(ThreadState *ts, const char *name) {
    Value top;
    return import_dotted(ts, name, &top);
}

// The package a relative import of `level` dots starts from.
static Value resolve_name(ThreadState *ts, Value name, DictObj *globals, int level) {
    Value pkg = CS_UNBOUND;
    if (globals) {
        dict_get_str(globals, STR_NAME(ts, __package__), &pkg);
    }
    if (pkg == CS_UNBOUND || pkg == CS_NONE) {
        Value modname;
        if (!globals || !dict_get_str(globals, STR_NAME(ts, __name__), &modname) ||
            !str_check(modname)) {
            return exc_raise(ts, exc_ImportError,
                             "attempted relative import with no known parent package");
        }
        Value path;
        if (dict_get_str(globals, STR_NAME(ts, __path__), &path)) {
            pkg = modname;
        } else {
            const char *s = str_cstr(modname);
            const char *dot = strrchr(s, '.');
            pkg = dot ? str_new(ts, s, (size_t)(dot - s)) : str_new(ts, "", 0);
        }
    }
    if (!str_check(pkg) || as_str(pkg)->len == 0) {
        return exc_raise(ts, exc_ImportError,
                         "attempted relative import with no known parent package");
    }
    const char *base = str_cstr(pkg);
    size_t blen = strlen(base);
    for (int i = 1; i < level; i++) {
        while (blen > 0 && base[blen - 1] != '.') {
            blen--;
        }
        if (blen == 0) {
            return exc_raise(ts, exc_ImportError, "attempted relative import beyond top-level "
                                                  "package");
        }
        blen--;
    }
    Value prefix = str_new(ts, base, blen);
    if (prefix != CS_ERR && str_check(name) && as_str(name)->len > 0) {
        return str_format_c(ts, "%U.%U", prefix, name);
    }
    return prefix;
}

Value import_name(ThreadState *ts, Value name, DictObj *globals, Value fromlist, Value level) {
    int lvl = is_small_int(level) ? (int)as_small_int(level) : 0;
    Value absname = name;
    if (lvl > 0) {
        absname = resolve_name(ts, name, globals, lvl);
        if (absname == CS_ERR) {
            return CS_ERR;
        }
    }
    if (!str_check(absname)) {
        return exc_raise(ts, exc_TypeError, "module name must be str, not %s",
                         obj_type_name(absname));
    }
    Value top;
    Value m = import_dotted(ts, str_cstr(absname), &top);
    if (m == CS_ERR) {
        return CS_ERR;
    }
    bool has_fromlist = fromlist != CS_NONE && fromlist != CS_UNBOUND &&
                        !(tuple_check(fromlist) && as_tuple(fromlist)->len == 0);
    if (!has_fromlist) {
        if (lvl > 0) {
            // `from . import x` always has a fromlist; a bare relative import
            // returns the named package itself.
            return m;
        }
        return top;
    }
    // Import submodules named in the fromlist of a package.
    Value path = obj_lookup_attr(ts, m, STR_NAME(ts, __path__));
    if (path == CS_ERR) {
        return CS_ERR;
    }
    if (path != CS_UNBOUND && tuple_check(fromlist)) {
        TupleObj *fl = as_tuple(fromlist);
        for (size_t i = 0; i < fl->len; i++) {
            Value item = fl->items[i];
            if (!str_check(item) || str_equal_cstr(as_str(item), "*")) {
                continue;
            }
            Value have = obj_lookup_attr(ts, m, as_str(item));
            if (have == CS_ERR) {
                return CS_ERR;
            }
            if (have != CS_UNBOUND) {
                continue;
            }
            Value sub = str_format_c(ts, "%U.%U", absname, item);
            if (sub == CS_ERR) {
                return CS_ERR;
            }
            Value r = import_one(ts, str_cstr(sub), m);
            if (r == CS_ERR) {
                if (exc_matches(ts, exc_ModuleNotFoundError)) {
                    exc_clear(ts); // IMPORT_FROM reports the missing name
                    continue;
                }
                return CS_ERR;
            }
        }
    }
    return m;
}

Value import_from(ThreadState *ts, Value module, StrObj *name) {
    Value v = obj_getattr(ts, module, name);
    if (v != CS_ERR || !exc_matches(ts, exc_AttributeError)) {
        return v;
    }
    exc_clear(ts);
    Value modname = obj_lookup_attr(ts, module, STR_NAME(ts, __name__));
    if (modname == CS_ERR) {
        return CS_ERR;
    }
    if (str_check(modname)) {
        Value full = str_format_c(ts, "%U.%U", modname, obj_val(name));
        Value sub;
        if (full != CS_ERR && dict_get(ts, ts->interp->modules, full, &sub) == 1) {
            return sub;
        }
    }
    Value file = obj_lookup_attr(ts, module, STR_NAME(ts, __file__));
    if (file == CS_ERR) {
        return CS_ERR;
    }
    Value mn = str_check(modname) ? modname : str_from_cstr(ts, "<unknown module name>");
    Value msg;
    if (str_check(file)) {
        msg = str_format_c(ts, "cannot import name '%U' from '%U' (%U)", obj_val(name), mn, file);
    } else {
        msg = str_format_c(ts, "cannot import name '%U' from '%U' (unknown location)",
                           obj_val(name), mn);
    }
    if (msg == CS_ERR) {
        return CS_ERR;
    }
    exc_raise_args(ts, exc_ImportError, &msg, 1);
    if (exc_is_instance(ts->exc, exc_ImportError)) {
        ExcObj *e = (ExcObj *)as_obj(ts->exc);
        e->extra[0] = mn;
        e->extra[1] = str_check(file) ? file : CS_NONE;
    }
    return CS_ERR;
}

int import_star(ThreadState *ts, Value module, Value locals) {
    if (locals == CS_UNBOUND || !dict_check(locals)) {
        return exc_raise_int(ts, exc_SystemError, "no locals found during 'import *'");
    }
    Value all = obj_lookup_attr(ts, module, STR_NAME(ts, __all__));
    if (all == CS_ERR) {
        return -1;
    }
    if (all != CS_UNBOUND) {
        Value seq = obj_to_list(ts, all);
        if (seq == CS_ERR) {
            return -1;
        }
        ListObj *l = as_list(seq);
        for (size_t i = 0; i < l->len; i++) {
            if (!str_check(l->items[i])) {
                return exc_raise_int(ts, exc_TypeError,
                                     "Item in %s.__all__ must be str, not %s", "module",
                                     obj_type_name(l->items[i]));
            }
            Value v = obj_getattr(ts, module, as_str(l->items[i]));
            if (v == CS_ERR || dict_set(ts, as_dict(locals), l->items[i], v) < 0) {
                return -1;
            }
        }
        return 0;
    }
    Value dv = obj_getattr(ts, module, STR_NAME(ts, __dict__));
    if (dv == CS_ERR) {
        return -1;
    }
    if (!dict_check(dv)) {
        return 0;
    }
    size_t pos = 0;
    Value k, v;
    while (dict_next(as_dict(dv), &pos, &k, &v)) {
        if (str_check(k) && as_str(k)->data[0] != '_' &&
            dict_set(ts, as_dict(locals), k, v) < 0) {
            return -1;
        }
    }
    return 0;
}

Value import_builtin(ThreadState *ts, Value self, const Value *args, size_t nargs,
                     TupleObj *kwnames) {
    Value out[5];
    if (arg_parse(ts, "__import__", args, nargs, kwnames, "name|globals,locals,fromlist,level",
                  out) < 0) {
        return CS_ERR;
    }
    DictObj *globals = out[1] != CS_UNBOUND && dict_check(out[1]) ? as_dict(out[1]) : NULL;
    Value fromlist = out[3] == CS_UNBOUND ? CS_NONE : out[3];
    if (list_check(fromlist)) {
        fromlist = list_as_tuple(ts, as_list(fromlist));
    }
    Value level = out[4] == CS_UNBOUND ? small_int_val(0) : out[4];
    return import_name(ts, out[0], globals, fromlist, level);
}

Value import_run_main(ThreadState *ts, const char *path, const char *source, size_t len) {
    Value m = new_module_in(ts, "__main__");
    DictObj *d = ((ModuleObj *)as_obj(m))->dict;
    if (path) {
        dict_set_str(ts, d, STR_NAME(ts, __file__), str_from_cstr(ts, path));
    }
    dict_set_str(ts, d, STR_NAME(ts, __package__), CS_NONE);
    if (dict_set_cstr(ts, ts->interp->modules, "__main__", m) < 0) {
        return CS_ERR;
    }
    if (exec_module(ts, m, source, len, path ? path : "<string>") < 0) {
        return CS_ERR;
    }
    return m;
}

// `cs -m name`: finds the module's source along sys.path and runs it as __main__.
Value import_run_module_as_main(ThreadState *ts, const char *name) {
    char *dotted = strdup(name);
    if (!dotted) {
        return exc_no_memory(ts);
    }
    char *last = strrchr(dotted, '.');
    Value parent = CS_UNBOUND;
    if (last) {
        *last = 0;
        parent = import_module(ts, dotted);
        *last = '.';
        if (parent == CS_ERR) {
            free(dotted);
            return CS_ERR;
        }
    }
    Value path = parent == CS_UNBOUND ? obj_getattr_cstr(ts, obj_val(ts->interp->sys_module), "path")
                                      : obj_lookup_attr(ts, parent, STR_NAME(ts, __path__));
    const char *base = last ? last + 1 : dotted;
    if (path != CS_ERR && list_check(path)) {
        ListObj *l = as_list(path);
        for (size_t i = 0; i < l->len; i++) {
            if (!str_check(l->items[i])) {
                continue;
            }
            const char *dir = str_cstr(l->items[i]);
            if (strcmp(dir, STDLIB_ENTRY) == 0) {
                const EmbeddedModule *em = find_embedded(name);
                if (em) {
                    free(dotted);
                    return import_run_main(ts, NULL, em->source, em->len);
                }
                continue;
            }
            char buf[4096];
            snprintf(buf, sizeof buf, "%s%s%s.cs", dir, dir[0] ? "/" : "", base);
            if (is_file(buf)) {
                size_t len;
                char *src = read_file(buf, &len);
                if (!src) {
                    free(dotted);
                    return exc_raise_errno(ts, errno, str_from_cstr(ts, buf));
                }
                Value r = import_run_main(ts, buf, src, len);
                free(src);
                free(dotted);
                return r;
            }
        }
    }
    free(dotted);
    if (path == CS_ERR) {
        return CS_ERR;
    }
    return not_found(ts, name);
}
