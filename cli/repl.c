// The REPL: reads a statement (asking for continuation lines while the
// compiler reports "incomplete input"), runs it in __main__ echoing the
// value of expression statements, prints tracebacks and carries on.
// readline gives line editing and a history file when it is available.
#include "cli/repl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compiler/compile.h"
#include "vm/dict.h"
#include "vm/eval.h"
#include "vm/exc.h"
#include "vm/func.h"
#include "vm/gc.h"
#include "vm/import.h"
#include "vm/str.h"

#ifdef CS_HAVE_READLINE
#include <readline/history.h>
#include <readline/readline.h>
#endif

// One line of input without its newline; NULL at EOF. Caller frees.
static char *read_line(const char *prompt) {
#ifdef CS_HAVE_READLINE
    char *line = readline(prompt);
    if (line && *line) {
        add_history(line);
    }
    return line;
#else
    fputs(prompt, stdout);
    fflush(stdout);
    size_t cap = 256, n = 0;
    char *buf = malloc(cap);
    int c;
    while (buf && (c = getchar()) != EOF && c != '\n') {
        if (n + 1 >= cap) {
            char *nb = realloc(buf, cap *= 2);
            if (!nb) {
                free(buf);
                return NULL;
            }
            buf = nb;
        }
        buf[n++] = (char)c;
    }
    if (!buf || (c == EOF && n == 0)) {
        free(buf);
        return NULL;
    }
    buf[n] = 0;
    return buf;
#endif
}

static bool is_incomplete(ThreadState *ts) {
    if (!exc_matches(ts, exc_SyntaxError)) {
        return false;
    }
    Value s = obj_str(ts, exc_get_value(ts->exc));
    return s != CS_ERR && strcmp(str_cstr(s), "incomplete input") == 0;
}

int repl_run(ThreadState *ts) {
    printf("cs %s (Python 3.11 dialect) on linux\nType Ctrl-D to exit.\n", CS_VERSION_STRING);
    Value m = import_run_main(ts, NULL, "", 0);
    if (m == CS_ERR) {
        exc_print(ts, exc_fetch(ts));
        return 1;
    }
    DictObj *globals = ((ModuleObj *)as_obj(m))->dict;
    gc_add_root(ts->interp, &m);
    char *buf = NULL;
    size_t len = 0;
    for (;;) {
        gc_temp_reset(ts, 0);
        char *line = read_line(buf ? "... " : ">>> ");
        if (!line) {
            putchar('\n');
            break;
        }
        size_t ll = strlen(line);
        char *nb = realloc(buf, len + ll + 2);
        if (!nb) {
            free(line);
            break;
        }
        buf = nb;
        memcpy(buf + len, line, ll);
        len += ll;
        buf[len++] = '\n';
        buf[len] = 0;
        bool blank = ll == 0;
        free(line);
        Value code = compile_source(ts, buf, len, "<stdin>", COMPILE_INTERACTIVE);
        if (code == CS_ERR) {
            if (is_incomplete(ts) && !blank) {
                exc_clear(ts);
                continue;
            }
            exc_print(ts, exc_fetch(ts));
        } else {
            Value r = vm_run_code(ts, (CodeObj *)as_obj(code), globals, obj_val(globals));
            if (r == CS_ERR) {
                Value e = exc_fetch(ts);
                if (exc_is_instance(e, exc_SystemExit)) {
                    Value c = exc_get_value(e);
                    free(buf);
                    return is_small_int(c) ? (int)as_small_int(c) : c == CS_NONE ? 0 : 1;
                }
                exc_print(ts, e);
            }
        }
        fflush(stdout);
        free(buf);
        buf = NULL;
        len = 0;
    }
    free(buf);
    return 0;
}
