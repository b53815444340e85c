// The cs command: parses the command line, runs a script, a -c string, a
// -m module, a script from a pipe, or the REPL; prints an uncaught
// exception as CPython does and exits with CPython's statuses (0, 1 for an
// uncaught exception, 2 for a usage error, the code of SystemExit).
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/repl.h"
#include "compiler/compile.h"
#include "stdlib/fileio.h"
#include "stdlib/mod_sys.h"
#include "vm/dis.h"
#include "vm/dict.h"
#include "vm/exc.h"
#include "vm/func.h"
#include "vm/gc.h"
#include "vm/import.h"
#include "vm/int.h"
#include "vm/interp.h"
#include "vm/names.h"
#include "vm/str.h"

static const char usage_text[] =
    "usage: cs [option] ... [-c cmd | -m mod | file | -] [arg] ...\n"
    "Options:\n"
    "  -c cmd      program passed in as string (terminates option list)\n"
    "  -m mod      run library module as a script (terminates option list)\n"
    "  -h, --help  print this help message and exit\n"
    "  -V, --version\n"
    "              print the version number and exit\n"
    "  --dis file  print the bytecode of file and exit\n"
    "  file        program read from script file\n"
    "  -           program read from stdin (default; interactive mode if a tty)\n"
    "  arg ...     arguments passed to program in sys.argv[1:]\n"
    "Environment:\n"
    "  CS_GC_STRESS=1  collect garbage at every allocation (testing)\n"
    "  CS_GC_LOG=1     log every collection to stderr\n";

typedef enum { RUN_FILE, RUN_CMD, RUN_MODULE, RUN_STDIN, RUN_REPL, RUN_DIS } RunMode;

static char *read_stream(FILE *f, size_t *len) {
    size_t cap = 8192, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        size_t got = fread(buf + n, 1, cap - n - 1, f);
        n += got;
        if (got == 0) {
            break;
        }
        if (n + 1 >= cap) {
            char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                return NULL;
            }
            buf = nb;
            cap *= 2;
        }
    }
    if (buf) {
        buf[n] = 0;
        *len = n;
    }
    return buf;
}

static void flush_std_streams(ThreadState *ts) {
    ModuleObj *sys = ts->interp->sys_module;
    Value v;
    if (sys && dict_get_cstr(sys->dict, "stdout", &v)) {
        if (fileio_flush(ts, v) < 0) {
            exc_clear(ts);
        }
    }
    if (sys && dict_get_cstr(sys->dict, "stderr", &v)) {
        if (fileio_flush(ts, v) < 0) {
            exc_clear(ts);
        }
    }
    fflush(stdout);
}

// The exit status for an uncaught exception, printing it unless it is a
// SystemExit (whose non-int code is printed to stderr instead).
static int report_exception(ThreadState *ts) {
    Value exc = exc_fetch(ts);
    gc_temp_push(ts, exc); // flushing may run cs code and collect
    flush_std_streams(ts);
    if (exc_is_instance(exc, exc_SystemExit)) {
        Value code = exc_get_value(exc);
        if (code == CS_NONE) {
            return 0;
        }
        if (int_check(code)) {
            int64_t n;
            if (int_as_i64(ts, code, &n) < 0) {
                exc_clear(ts);
                return 1;
            }
            return (int)(n & 0xFF);
        }
        Value s = obj_str(ts, code);
        if (s != CS_ERR) {
            fprintf(stderr, "%s\n", str_cstr(s));
        } else {
            exc_clear(ts);
        }
        return 1;
    }
    exc_print(ts, exc);
    return 1;
}

static int run_dis(ThreadState *ts, const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "cs: can't open file '%s': [Errno %d] %s\n", path, errno, strerror(errno));
        return 2;
    }
    size_t len;
    char *src = read_stream(f, &len);
    fclose(f);
    if (!src) {
        fputs("cs: out of memory\n", stderr);
        return 1;
    }
    Value code = compile_source(ts, src, len, path, COMPILE_FILE);
    free(src);
    if (code == CS_ERR) {
        return report_exception(ts);
    }
    StrBuf b;
    str_buf_init(&b);
    if (dis_code(ts, code, &b) < 0) {
        str_buf_free(&b);
        return report_exception(ts);
    }
    fwrite(b.data, 1, b.len, stdout);
    str_buf_free(&b);
    return 0;
}

static int run_source(ThreadState *ts, const char *path, const char *src, size_t len) {
    Value m = import_run_main(ts, path, src, len);
    if (m == CS_ERR) {
        return report_exception(ts);
    }
    return 0;
}

static int run_file(ThreadState *ts, const char *arg) {
    FILE *f = fopen(arg, "rb");
    if (!f) {
        fprintf(stderr, "cs: can't open file '%s': [Errno %d] %s\n", arg, errno, strerror(errno));
        return 2;
    }
    size_t len;
    char *src = read_stream(f, &len);
    fclose(f);
    if (!src) {
        fputs("cs: out of memory\n", stderr);
        return 1;
    }
    char *abs = realpath(arg, NULL);
    int rc = run_source(ts, abs ? abs : arg, src, len);
    free(abs);
    free(src);
    return rc;
}

int main(int argc, char **argv) {
    RunMode mode = RUN_REPL;
    const char *target = NULL;
    int argi = 1;
    while (argi < argc) {
        const char *a = argv[argi];
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            fputs(usage_text, stdout);
            return 0;
        }
        if (strcmp(a, "-V") == 0 || strcmp(a, "--version") == 0) {
            printf("cs %s (Python %s compatible)\n", CS_VERSION_STRING, "3.11");
            return 0;
        }
        if (strcmp(a, "-c") == 0 || strcmp(a, "-m") == 0 || strcmp(a, "--dis") == 0) {
            if (argi + 1 >= argc) {
                fprintf(stderr, "Argument expected for the %s option\n%s", a, usage_text);
                return 2;
            }
            mode = a[1] == 'c' ? RUN_CMD : a[1] == 'm' ? RUN_MODULE : RUN_DIS;
            target = argv[argi + 1];
            argi += 2;
            break;
        }
        if (strcmp(a, "-") == 0) {
            mode = RUN_STDIN;
            argi++;
            break;
        }
        if (a[0] == '-' && a[1]) {
            fprintf(stderr, "Unknown option: %s\n%s", a, usage_text);
            return 2;
        }
        mode = RUN_FILE;
        target = a;
        argi++;
        break;
    }
    // As CPython: a closed pipe is an EPIPE error (BrokenPipeError), not a kill.
    signal(SIGPIPE, SIG_IGN);
    if (mode == RUN_REPL && !isatty(0)) {
        mode = RUN_STDIN;
    }
    ThreadState *ts;
    Interp *interp = interp_new(argc, argv, &ts);
    if (!interp) {
        return 1;
    }
    // sys.argv: the script (or -c / -m / '') and what follows it.
    int nrest = argc - argi;
    char **sargv = calloc((size_t)nrest + 1, sizeof(char *));
    if (!sargv) {
        return 1;
    }
    sargv[0] = (char *)(mode == RUN_CMD      ? "-c"
                        : mode == RUN_MODULE ? target
                        : mode == RUN_FILE || mode == RUN_DIS ? target
                        : mode == RUN_STDIN  ? "-"
                                             : "");
    for (int i = 0; i < nrest; i++) {
        sargv[i + 1] = argv[argi + i];
    }
    int rc = 0;
    if (sys_set_argv(ts, nrest + 1, sargv) < 0 ||
        sys_set_path0(ts, mode == RUN_FILE ? target : NULL) < 0) {
        rc = report_exception(ts);
        goto done;
    }
    gc_temp_reset(ts, 0);
    switch (mode) {
    case RUN_FILE:
        rc = run_file(ts, target);
        break;
    case RUN_CMD:
        rc = run_source(ts, "<string>", target, strlen(target));
        break;
    case RUN_MODULE: {
        Value m = import_run_module_as_main(ts, target);
        rc = m == CS_ERR ? report_exception(ts) : 0;
        break;
    }
    case RUN_DIS:
        rc = run_dis(ts, target);
        break;
    case RUN_STDIN: {
        size_t len;
        char *src = read_stream(stdin, &len);
        if (!src) {
            rc = 1;
            break;
        }
        rc = run_source(ts, "<stdin>", src, len);
        free(src);
        break;
    }
    case RUN_REPL:
        rc = repl_run(ts);
        break;
    }
done:
    // What is still alive is finalized as CPython's shutdown would: abandoned
    // generators are closed, coroutines never awaited are reported.
    gc_report_all(ts);
    flush_std_streams(ts);
    free(sargv);
    fflush(stdout);
    fflush(stderr);
    // Exit without tearing the heap down: the OS reclaims it faster.
    _exit(rc);
}
