// The embedding API of include/cs.h over the interpreter's internals.
#include "cs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compiler/compile.h"
#include "stdlib/fileio.h"
#include "stdlib/mod_sys.h"
#include "vm/dict.h"
#include "vm/eval.h"
#include "vm/exc.h"
#include "vm/func.h"
#include "vm/gc.h"
#include "vm/import.h"
#include "vm/interp.h"
#include "vm/str.h"

struct CsVM {
    Interp *interp;
    ThreadState *ts;
    Value main; // the __main__ module
    char *error;
};

static void set_error(CsVM *vm, Value exc) {
    free(vm->error);
    vm->error = NULL;
    Value s = obj_str(vm->ts, exc);
    const char *name = obj_type_name(exc);
    if (s == CS_ERR) {
        exc_clear(vm->ts);
        vm->error = strdup(name);
        return;
    }
    size_t n = strlen(name) + as_str(s)->len + 3;
    vm->error = malloc(n);
    if (vm->error) {
        snprintf(vm->error, n, as_str(s)->len ? "%s: %s" : "%s", name, str_cstr(s));
    }
}

static int fail(CsVM *vm) {
    Value exc = exc_fetch(vm->ts);
    set_error(vm, exc);
    exc_print(vm->ts, exc);
    return -1;
}

CsVM *cs_open(int argc, char **argv) {
    CsVM *vm = calloc(1, sizeof *vm);
    if (!vm) {
        return NULL;
    }
    vm->interp = interp_new(argc, argv, &vm->ts);
    if (!vm->interp) {
        free(vm);
        return NULL;
    }
    vm->main = CS_NONE;
    gc_add_root(vm->interp, &vm->main);
    char *empty[] = {(char *)""};
    if (sys_set_argv(vm->ts, argv ? argc : 1, argv ? argv : empty) < 0 ||
        sys_set_path0(vm->ts, NULL) < 0) {
        fail(vm);
    }
    vm->main = import_run_main(vm->ts, NULL, "", 0);
    if (vm->main == CS_ERR) {
        fail(vm);
        cs_close(vm);
        return NULL;
    }
    gc_temp_reset(vm->ts, 0);
    return vm;
}

int cs_run_string(CsVM *vm, const char *source, const char *filename) {
    ThreadState *ts = vm->ts;
    free(vm->error);
    vm->error = NULL;
    Value code = compile_source(ts, source, strlen(source), filename ? filename : "<string>",
                                COMPILE_FILE);
    int rc = 0;
    if (code == CS_ERR) {
        rc = fail(vm);
    } else {
        DictObj *g = ((ModuleObj *)as_obj(vm->main))->dict;
        if (vm_run_code(ts, (CodeObj *)as_obj(code), g, obj_val(g)) == CS_ERR) {
            rc = fail(vm);
        }
    }
    gc_temp_reset(ts, 0);
    return rc;
}

int cs_run_file(CsVM *vm, const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) {
        exc_raise_errno(vm->ts, 2, str_from_cstr(vm->ts, path));
        return fail(vm);
    }
    size_t cap = 8192, n = 0;
    char *buf = malloc(cap);
    size_t got;
    while (buf && (got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += got;
        if (n + 1 >= cap) {
            char *nb = realloc(buf, cap *= 2);
            if (!nb) {
                free(buf);
                buf = NULL;
            }
            buf = nb;
        }
    }
    fclose(f);
    if (!buf) {
        return -1;
    }
    buf[n] = 0;
    if (sys_set_path0(vm->ts, path) < 0) {
        free(buf);
        return fail(vm);
    }
    int rc = cs_run_string(vm, buf, path);
    free(buf);
    return rc;
}

static char *dup_str(Value s) {
    return strdup(str_cstr(s));
}

char *cs_call(CsVM *vm, const char *name, int argc, const char *const *argv) {
    ThreadState *ts = vm->ts;
    DictObj *g = ((ModuleObj *)as_obj(vm->main))->dict;
    Value f;
    char *out = NULL;
    if (!dict_get_cstr(g, name, &f)) {
        exc_raise(ts, exc_NameError, "name '%s' is not defined", name);
        fail(vm);
        return NULL;
    }
    Value *args = calloc((size_t)argc + 1, sizeof(Value));
    for (int i = 0; args && i < argc; i++) {
        args[i] = str_from_cstr(ts, argv[i]);
    }
    Value r = args ? obj_call(ts, f, args, (size_t)argc, NULL) : CS_ERR;
    free(args);
    if (r != CS_ERR) {
        r = obj_str(ts, r);
    }
    if (r == CS_ERR) {
        fail(vm);
    } else {
        out = dup_str(r);
    }
    gc_temp_reset(ts, 0);
    return out;
}

char *cs_eval(CsVM *vm, const char *expression) {
    ThreadState *ts = vm->ts;
    char *out = NULL;
    Value code = compile_source(ts, expression, strlen(expression), "<string>", COMPILE_EVAL);
    if (code == CS_ERR) {
        fail(vm);
        return NULL;
    }
    DictObj *g = ((ModuleObj *)as_obj(vm->main))->dict;
    Value r = vm_run_code(ts, (CodeObj *)as_obj(code), g, obj_val(g));
    if (r != CS_ERR) {
        r = obj_repr(ts, r);
    }
    if (r == CS_ERR) {
        fail(vm);
    } else {
        out = dup_str(r);
    }
    gc_temp_reset(ts, 0);
    return out;
}

const char *cs_error(CsVM *vm) {
    return vm->error;
}

void cs_close(CsVM *vm) {
    if (!vm) {
        return;
    }
    Value out;
    if (vm->interp->sys_module && dict_get_cstr(vm->interp->sys_module->dict, "stdout", &out)) {
        if (fileio_flush(vm->ts, out) < 0) {
            exc_clear(vm->ts);
        }
    }
    fflush(stdout);
    interp_free(vm->interp);
    free(vm->error);
    free(vm);
}
