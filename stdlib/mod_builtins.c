// The functions of the builtins module: I/O (print, input; open is in
// stdlib/fileio.c), attribute and type helpers, the numeric built-ins (abs,
// divmod, pow, round, sum), the iteration built-ins (iter, next, min, max,
// sorted, all, any) and namespace introspection (dir, vars, locals,
// globals). The types it exposes live with their own code (vm/*.c,
// stdlib/iterators.c); vm/interp.c adds them to the module's dict.
#include "stdlib/mod_builtins.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stdlib/fileio.h"
#include "stdlib/iterators.h"
#include "vm/bytes.h"
#include "vm/dict.h"
#include "vm/exc.h"
#include "vm/frame.h"
#include "vm/frameobj.h"
#include "vm/func.h"
#include "vm/gc.h"
#include "vm/int.h"
#include "vm/list.h"
#include "vm/names.h"
#include "vm/state.h"
#include "vm/str.h"
#include "vm/typeobj.h"

// ---------------------------------------------------------------------------
// Shared helpers

// An attribute of the sys module (CS_UNBOUND when absent); never raises.
static Value sys_attr(ThreadState *ts, const char *name) {
    ModuleObj *sys = ts->interp->sys_module;
    Value v;
    if (sys && dict_get_cstr(sys->dict, name, &v)) {
        return v;
    }
    return CS_UNBOUND;
}

// Calls a special method found on a type, bound to self when it is a
// descriptor (CPython's _PyObject_LookupSpecial and call).
static Value call_special(ThreadState *ts, Value meth, Value self, const Value *args,
                          size_t nargs) {
    gc_temp_push(ts, meth);
    DescrGetFn get = type_of(meth)->descr_get;
    if (get) {
        meth = get(ts, meth, self, type_of(self));
        if (meth == CS_ERR) {
            return CS_ERR;
        }
        gc_temp_push(ts, meth);
    }
    return obj_call(ts, meth, args, nargs, NULL);
}

static bool is_exact_int(Value v) {
    return is_small_int(v) || is_bool(v) || is_type_exact(v, &type_int);
}

// The value of any int when it fits an int64_t.
static bool int_fits_i64(Value v, int64_t *out) {
    if (is_small_int(v)) {
        *out = as_small_int(v);
        return true;
    }
    if (is_bool(v)) {
        *out = v == CS_TRUE;
        return true;
    }
    mpz_srcptr z = ((BigIntObj *)as_obj(v))->z;
    if (!mpz_fits_slong_p(z)) {
        return false;
    }
    *out = mpz_get_si(z);
    return true;
}

static int check_attr_name(ThreadState *ts, Value name) {
    if (!str_check(name)) {
        return exc_raise_int(ts, exc_TypeError, "attribute name must be string, not '%T'", name);
    }
    return 0;
}

// ---------------------------------------------------------------------------
// print and input

// Where print writes: a text file of stdlib/fileio.c directly, anything
// else through its write method.
typedef struct Out {
    Value file;
    Value write; // the bound write method (slow path), else CS_UNBOUND
} Out;

static int out_str(ThreadState *ts, Out *o, const char *p, size_t n) {
    if (o->write == CS_UNBOUND) {
        return fileio_write_text(ts, o->file, p, n);
    }
    Value s = str_new(ts, p, n);
    return s == CS_ERR || obj_call1(ts, o->write, s) == CS_ERR ? -1 : 0;
}

static int out_value(ThreadState *ts, Out *o, Value v) {
    if (o->write == CS_UNBOUND) {
        char buf[64];
        if (is_type_exact(v, &type_str)) {
            return out_str(ts, o, as_str(v)->data, as_str(v)->len);
        }
        if (is_small_int(v)) {
            int n = snprintf(buf, sizeof buf, "%lld", (long long)as_small_int(v));
            return out_str(ts, o, buf, (size_t)n);
        }
        if (is_float(v)) {
            float_repr_buf(as_float(v), buf, sizeof buf);
            return out_str(ts, o, buf, strlen(buf));
        }
    }
    Value s = obj_str(ts, v);
    if (s == CS_ERR) {
        return -1;
    }
    if (o->write == CS_UNBOUND) {
        return out_str(ts, o, as_str(s)->data, as_str(s)->len);
    }
    return obj_call1(ts, o->write, s) == CS_ERR ? -1 : 0;
}

// sep= / end=: None means the default (CS_UNBOUND afterwards), else a str.
static int print_sep_arg(ThreadState *ts, Value *v, const char *what) {
    if (*v == CS_UNBOUND || *v == CS_NONE) {
        *v = CS_UNBOUND;
        return 0;
    }
    if (!str_check(*v)) {
        return exc_raise_int(ts, exc_TypeError, "%s must be None or a string, not %T", what, *v);
    }
    return 0;
}

static int out_sep(ThreadState *ts, Out *o, Value v, const char *dflt) {
    if (v == CS_UNBOUND) {
        return out_str(ts, o, dflt, strlen(dflt));
    }
    return out_value(ts, o, v);
}

static Value builtin_print(ThreadState *ts, Value self, const Value *args, size_t nargs,
                           TupleObj *kwnames) {
    Value kw[4];
    if (arg_parse(ts, "print", args + nargs, 0, kwnames, "|$sep,end,file,flush", kw) < 0) {
        return CS_ERR;
    }
    Out o = {kw[2], CS_UNBOUND};
    if (o.file == CS_UNBOUND || o.file == CS_NONE) {
        o.file = sys_attr(ts, "stdout");
        if (o.file == CS_UNBOUND) {
            return exc_raise(ts, exc_RuntimeError, "lost sys.stdout");
        }
        if (o.file == CS_NONE) {
            return CS_NONE;
        }
    }
    gc_temp_push(ts, o.file);
    if (print_sep_arg(ts, &kw[0], "sep") < 0 || print_sep_arg(ts, &kw[1], "end") < 0) {
        return CS_ERR;
    }
    if (!fileio_is_text(o.file)) {
        o.write = obj_getattr(ts, o.file, STR_NAME(ts, write));
        if (o.write == CS_ERR) {
            return CS_ERR;
        }
        gc_temp_push(ts, o.write);
    }
    for (size_t i = 0; i < nargs; i++) {
        if ((i > 0 && out_sep(ts, &o, kw[0], " ") < 0) || out_value(ts, &o, args[i]) < 0) {
            return CS_ERR;
        }
    }
    if (out_sep(ts, &o, kw[1], "\n") < 0) {
        return CS_ERR;
    }
    if (kw[3] != CS_UNBOUND) {
        int flush = obj_truthy(ts, kw[3]);
        if (flush < 0 || (flush && fileio_flush(ts, o.file) < 0)) {
            return CS_ERR;
        }
    }
    return CS_NONE;
}

static Value builtin_input(ThreadState *ts, Value self, const Value *args, size_t nargs,
                           TupleObj *kwnames) {
    if (arg_count(ts, "input", nargs, 0, 1) < 0) {
        return CS_ERR;
    }
    Value in = sys_attr(ts, "stdin"), out = sys_attr(ts, "stdout"), err = sys_attr(ts, "stderr");
    if (in == CS_UNBOUND || in == CS_NONE) {
        return exc_raise(ts, exc_RuntimeError, "input(): lost sys.stdin");
    }
    if (out == CS_UNBOUND || out == CS_NONE) {
        return exc_raise(ts, exc_RuntimeError, "input(): lost sys.stdout");
    }
    if (err != CS_UNBOUND && err != CS_NONE && fileio_flush(ts, err) < 0) {
        exc_clear(ts);
    }
    if (nargs == 1) {
        Value p = obj_str(ts, args[0]);
        if (p == CS_ERR || fileio_write_text(ts, out, as_str(p)->data, as_str(p)->len) < 0) {
            return CS_ERR;
        }
    }
    if (fileio_flush(ts, out) < 0) {
        return CS_ERR;
    }
    Value line = fileio_readline(ts, in);
    if (line == CS_ERR) {
        return CS_ERR;
    }
    StrObj *s = as_str(line);
    if (s->len == 0) {
        return exc_raise(ts, exc_EOFError, "EOF when reading a line");
    }
    if (s->data[s->len - 1] == '\n') {
        return str_new(ts, s->data, s->len - 1);
    }
    return line;
}

// ---------------------------------------------------------------------------
// Objects and attributes

static Value builtin_len(ThreadState *ts, Value self, const Value *args, size_t nargs,
                         TupleObj *kwnames) {
    if (arg_count(ts, "len", nargs, 1, 1) < 0) {
        return CS_ERR;
    }
    ssize_t n = obj_len(ts, args[0]);
    return n < 0 ? CS_ERR : int_from_i64(ts, n);
}

static Value builtin_repr(ThreadState *ts, Value self, const Value *args, size_t nargs,
                          TupleObj *kwnames) {
    if (arg_count(ts, "repr", nargs, 1, 1) < 0) {
        return CS_ERR;
    }
    return obj_repr(ts, args[0]);
}

static Value builtin_ascii(ThreadState *ts, Value self, const Value *args, size_t nargs,
                           TupleObj *kwnames) {
    if (arg_count(ts, "ascii", nargs, 1, 1) < 0) {
        return CS_ERR;
    }
    return obj_ascii(ts, args[0]);
}

static Value builtin_callable(ThreadState *ts, Value self, const Value *args, size_t nargs,
                              TupleObj *kwnames) {
    if (arg_count(ts, "callable", nargs, 1, 1) < 0) {
        return CS_ERR;
    }
    return bool_val(obj_callable(args[0]));
}

static Value builtin_hash(ThreadState *ts, Value self, const Value *args, size_t nargs,
                          TupleObj *kwnames) {
    if (arg_count(ts, "hash", nargs, 1, 1) < 0) {
        return CS_ERR;
    }
    int64_t h = obj_hash(ts, args[0]);
    return h == -1 ? CS_ERR : int_from_i64(ts, h);
}

// id(): the address of a heap object; an immediate's own word otherwise (no
// heap address is that large), so equal immediates share an id.
static Value builtin_id(ThreadState *ts, Value self, const Value *args, size_t nargs,
                        TupleObj *kwnames) {
    if (arg_count(ts, "id", nargs, 1, 1) < 0) {
        return CS_ERR;
    }
    Value v = args[0];
    return int_from_u64(ts, is_obj(v) ? (uint64_t)(uintptr_t)as_obj(v) : (uint64_t)v);
}

static Value builtin_getattr(ThreadState *ts, Value self, const Value *args, size_t nargs,
                             TupleObj *kwnames) {
    if (arg_count(ts, "getattr", nargs, 2, 3) < 0 || check_attr_name(ts, args[1]) < 0) {
        return CS_ERR;
    }
    if (nargs == 2) {
        return obj_getattr(ts, args[0], as_str(args[1]));
    }
    Value r = obj_lookup_attr(ts, args[0], as_str(args[1]));
    return r == CS_UNBOUND ? args[2] : r;
}

static Value builtin_setattr(ThreadState *ts, Value self, const Value *args, size_t nargs,
                             TupleObj *kwnames) {
    if (arg_count(ts, "setattr", nargs, 3, 3) < 0 || check_attr_name(ts, args[1]) < 0 ||
        obj_setattr(ts, args[0], as_str(args[1]), args[2]) < 0) {
        return CS_ERR;
    }
    return CS_NONE;
}

static Value builtin_delattr(ThreadState *ts, Value self, const Value *args, size_t nargs,
                             TupleObj *kwnames) {
    if (arg_count(ts, "delattr", nargs, 2, 2) < 0 || check_attr_name(ts, args[1]) < 0 ||
        obj_delattr(ts, args[0], as_str(args[1])) < 0) {
        return CS_ERR;
    }
    return CS_NONE;
}

static Value builtin_hasattr(ThreadState *ts, Value self, const Value *args, size_t nargs,
                             TupleObj *kwnames) {
    if (arg_count(ts, "hasattr", nargs, 2, 2) < 0 || check_attr_name(ts, args[1]) < 0) {
        return CS_ERR;
    }
    Value r = obj_lookup_attr(ts, args[0], as_str(args[1]));
    return r == CS_ERR ? CS_ERR : bool_val(r != CS_UNBOUND);
}

static Value builtin_isinstance(ThreadState *ts, Value self, const Value *args, size_t nargs,
                                TupleObj *kwnames) {
    if (arg_count(ts, "isinstance", nargs, 2, 2) < 0) {
        return CS_ERR;
    }
    int r = obj_isinstance(ts, args[0], args[1]);
    return r < 0 ? CS_ERR : bool_val(r);
}

static Value builtin_issubclass(ThreadState *ts, Value self, const Value *args, size_t nargs,
                                TupleObj *kwnames) {
    if (arg_count(ts, "issubclass", nargs, 2, 2) < 0) {
        return CS_ERR;
    }
    int r = obj_issubclass(ts, args[0], args[1]);
    return r < 0 ? CS_ERR : bool_val(r);
}

static Value builtin_format(ThreadState *ts, Value self, const Value *args, size_t nargs,
                            TupleObj *kwnames) {
    if (arg_count(ts, "format", nargs, 1, 2) < 0) {
        return CS_ERR;
    }
    Value v = args[0];
    Value spec = nargs == 2 ? args[1] : CS_UNBOUND;
    if (spec != CS_UNBOUND && !str_check(spec)) {
        return exc_raise(ts, exc_TypeError, "format() argument 2 must be str, not %T", spec);
    }
    bool empty = spec == CS_UNBOUND || as_str(spec)->len == 0;
    if (empty && (is_exact_int(v) || is_float(v) || is_type_exact(v, &type_str))) {
        return obj_str(ts, v);
    }
    if (spec == CS_UNBOUND) {
        spec = str_new(ts, "", 0);
    }
    if (is_exact_int(v)) {
        return int_format(ts, v, spec);
    }
    if (is_float(v)) {
        return float_format(ts, as_float(v), spec);
    }
    if (is_type_exact(v, &type_str)) {
        return str_format_spec(ts, v, spec);
    }
    Value m = type_lookup(type_of(v), STR_NAME(ts, __format__));
    if (m == CS_UNBOUND) {
        return exc_raise(ts, exc_TypeError, "Type %s doesn't define __format__", obj_type_name(v));
    }
    Value r = call_special(ts, m, v, &spec, 1);
    if (r != CS_ERR && !str_check(r)) {
        return exc_raise(ts, exc_TypeError, "__format__ must return a str, not %T", r);
    }
    return r;
}

// ---------------------------------------------------------------------------
// Characters and integer text

static Value int_text(ThreadState *ts, const Value *args, size_t nargs, const char *name,
                      int base) {
    if (arg_count(ts, name, nargs, 1, 1) < 0) {
        return CS_ERR;
    }
    Value v = obj_index(ts, args[0]);
    return v == CS_ERR ? CS_ERR : int_to_str(ts, v, base);
}

static Value builtin_bin(ThreadState *ts, Value self, const Value *args, size_t nargs,
                         TupleObj *kwnames) {
    return int_text(ts, args, nargs, "bin", 2);
}

static Value builtin_oct(ThreadState *ts, Value self, const Value *args, size_t nargs,
                         TupleObj *kwnames) {
    return int_text(ts, args, nargs, "oct", 8);
}

static Value builtin_hex(ThreadState *ts, Value self, const Value *args, size_t nargs,
                         TupleObj *kwnames) {
    return int_text(ts, args, nargs, "hex", 16);
}

static Value builtin_chr(ThreadState *ts, Value self, const Value *args, size_t nargs,
                         TupleObj *kwnames) {
    if (arg_count(ts, "chr", nargs, 1, 1) < 0) {
        return CS_ERR;
    }
    Value v = obj_index(ts, args[0]);
    if (v == CS_ERR) {
        return CS_ERR;
    }
    int64_t cp;
    if (!int_fits_i64(v, &cp) || cp < INT32_MIN || cp > INT32_MAX) {
        return exc_raise(ts, exc_OverflowError, "Python int too large to convert to C int");
    }
    if (cp < 0 || cp > 0x10FFFF) {
        return exc_raise(ts, exc_ValueError, "chr() arg not in range(0x110000)");
    }
    return str_from_codepoint(ts, (uint32_t)cp);
}

static Value builtin_ord(ThreadState *ts, Value self, const Value *args, size_t nargs,
                         TupleObj *kwnames) {
    if (arg_count(ts, "ord", nargs, 1, 1) < 0) {
        return CS_ERR;
    }
    Value v = args[0];
    size_t len;
    if (str_check(v)) {
        StrObj *s = as_str(v);
        len = s->nchars;
        if (len == 1) {
            uint32_t cp;
            utf8_decode(s->data, s->len, &cp);
            return small_int_val(cp);
        }
    } else if (bytes_check(v) || obj_isinstance_type(v, &type_bytearray)) {
        const unsigned char *p;
        if (bytes_view(ts, v, &p, &len) < 0) {
            return CS_ERR;
        }
        if (len == 1) {
            return small_int_val(p[0]);
        }
    } else {
        return exc_raise(ts, exc_TypeError, "ord() expected string of length 1, but %T found", v);
    }
    return exc_raise(ts, exc_TypeError,
                     "ord() expected a character, but string of length %zu found", len);
}

// ---------------------------------------------------------------------------
// Numbers: abs, divmod, pow, round

static Value builtin_abs(ThreadState *ts, Value self, const Value *args, size_t nargs,
                         TupleObj *kwnames) {
    if (arg_count(ts, "abs", nargs, 1, 1) < 0) {
        return CS_ERR;
    }
    Value v = args[0];
    if (is_small_int(v)) {
        int64_t i = as_small_int(v);
        return int_from_i64(ts, i < 0 ? -i : i);
    }
    if (is_float(v)) {
        return float_val(fabs(as_float(v)));
    }
    if (is_bool(v)) {
        return small_int_val(v == CS_TRUE);
    }
    if (is_type_exact(v, &type_int)) {
        return int_sign(v) < 0 ? int_neg(ts, v) : v;
    }
    Value m = type_lookup(type_of(v), STR_NAME(ts, __abs__));
    if (m != CS_UNBOUND) {
        return call_special(ts, m, v, NULL, 0);
    }
    if (int_check(v)) {
        return int_sign(v) < 0 ? int_neg(ts, v) : int_exact(ts, v);
    }
    if (float_check(v)) {
        return float_val(fabs(float_value(v)));
    }
    return exc_raise(ts, exc_TypeError, "bad operand type for abs(): '%T'", v);
}

static bool is_plain_number(Value v) {
    return is_exact_int(v) || is_float(v);
}

static Value ints_divmod(ThreadState *ts, Value a, Value b) {
    if (is_small_int(a) && is_small_int(b)) {
        int64_t x = as_small_int(a), y = as_small_int(b);
        if (y == 0) {
            return exc_raise(ts, exc_ZeroDivisionError, "integer division or modulo by zero");
        }
        int64_t q = x / y, r = x % y;
        if (r != 0 && ((r < 0) != (y < 0))) {
            q--;
            r += y;
        }
        Value qv = int_from_i64(ts, q);
        return tuple_pack(ts, 2, qv, small_int_val(r));
    }
    return int_divmod(ts, a, b);
}

// CPython's float_divmod: the remainder takes the divisor's sign and the
// quotient snaps to the nearest integral value.
static Value float_divmod(ThreadState *ts, double vx, double wx) {
    if (wx == 0.0) {
        return exc_raise(ts, exc_ZeroDivisionError, "float divmod()");
    }
    double mod = fmod(vx, wx);
    double div = (vx - mod) / wx;
    if (mod) {
        if ((wx < 0) != (mod < 0)) {
            mod += wx;
            div -= 1.0;
        }
    } else {
        mod = copysign(0.0, wx);
    }
    double floordiv;
    if (div) {
        floordiv = floor(div);
        if (div - floordiv > 0.5) {
            floordiv += 1.0;
        }
    } else {
        floordiv = copysign(0.0, vx / wx);
    }
    return tuple_pack(ts, 2, float_val(floordiv), float_val(mod));
}

static Value numeric_divmod(ThreadState *ts, Value a, Value b) {
    if (int_check(a) && int_check(b)) {
        return ints_divmod(ts, a, b);
    }
    double x, y;
    if (float_as_double(ts, a, &x) < 0 || float_as_double(ts, b, &y) < 0) {
        return CS_ERR;
    }
    return float_divmod(ts, x, y);
}

// __divmod__ / __rdivmod__ of user types; CS_NOTIMPL_VAL when neither applies.
static Value dunder_divmod(ThreadState *ts, Value a, Value b) {
    TypeObj *ta = type_of(a), *tb = type_of(b);
    Value m = type_lookup(ta, str_intern_name(ts, "__divmod__"));
    if (m != CS_UNBOUND) {
        Value r = call_special(ts, m, a, &b, 1);
        if (r != CS_NOTIMPL_VAL) {
            return r;
        }
    }
    if (tb != ta) {
        m = type_lookup(tb, str_intern_name(ts, "__rdivmod__"));
        if (m != CS_UNBOUND) {
            return call_special(ts, m, b, &a, 1);
        }
    }
    return CS_NOTIMPL_VAL;
}

static bool is_number(Value v) {
    return int_check(v) || float_check(v);
}

static Value builtin_divmod(ThreadState *ts, Value self, const Value *args, size_t nargs,
                            TupleObj *kwnames) {
    if (arg_count(ts, "divmod", nargs, 2, 2) < 0) {
        return CS_ERR;
    }
    Value a = args[0], b = args[1];
    if (is_plain_number(a) && is_plain_number(b)) {
        return numeric_divmod(ts, a, b);
    }
    Value r = dunder_divmod(ts, a, b);
    if (r != CS_NOTIMPL_VAL) {
        return r;
    }
    if (is_number(a) && is_number(b)) {
        return numeric_divmod(ts, a, b);
    }
    return exc_raise(ts, exc_TypeError, "unsupported operand type(s) for divmod(): '%T' and '%T'",
                     a, b);
}

static Value builtin_pow(ThreadState *ts, Value self, const Value *args, size_t nargs,
                         TupleObj *kwnames) {
    Value a[3];
    if (arg_parse(ts, "pow", args, nargs, kwnames, "base,exp|mod", a) < 0) {
        return CS_ERR;
    }
    if (a[2] == CS_UNBOUND || a[2] == CS_NONE) {
        return obj_binop(ts, a[0], a[1], BINOP_POW);
    }
    bool plain = true, any_float = false;
    for (int i = 0; i < 3; i++) {
        plain = plain && is_plain_number(a[i]);
        any_float = any_float || is_float(a[i]);
    }
    if (plain && any_float) { // float.__pow__'s refusal, as CPython words it
        return exc_raise(ts, exc_TypeError,
                         "pow() 3rd argument not allowed unless all arguments are integers");
    }
    return obj_pow3(ts, a[0], a[1], a[2]);
}

// round(x, n) for a finite double: the exact binary value rounded half to
// even at 10**-n, then converted back with correct rounding (CPython's
// double_round via dtoa gives the same result).
static Value float_round_digits(ThreadState *ts, double x, int n) {
    mpq_t q;
    mpz_t p, quot, rem;
    mpq_init(q);
    mpz_inits(p, quot, rem, NULL);
    mpq_set_d(q, x);
    mpz_ui_pow_ui(p, 10, (unsigned long)(n < 0 ? -n : n));
    if (n >= 0) {
        mpz_mul(mpq_numref(q), mpq_numref(q), p);
    } else {
        mpz_mul(mpq_denref(q), mpq_denref(q), p);
    }
    mpq_canonicalize(q);
    mpz_fdiv_qr(quot, rem, mpq_numref(q), mpq_denref(q));
    mpz_mul_2exp(rem, rem, 1);
    int c = mpz_cmp(rem, mpq_denref(q));
    if (c > 0 || (c == 0 && mpz_odd_p(quot))) {
        mpz_add_ui(quot, quot, 1);
    }
    size_t size = mpz_sizeinbase(quot, 10) + 24;
    char *buf = malloc(size);
    double r = 0.0;
    if (buf) {
        mpz_get_str(buf, 10, quot);
        snprintf(buf + strlen(buf), 24, "e%d", -n);
        r = strtod(buf, NULL);
        free(buf);
    }
    mpq_clear(q);
    mpz_clears(p, quot, rem, NULL);
    if (!buf) {
        return exc_no_memory(ts);
    }
    if (isinf(r)) {
        return exc_raise(ts, exc_OverflowError, "rounded value too large to represent");
    }
    return float_val(r == 0.0 ? copysign(0.0, x) : r);
}

// ndigits as a C int, clipped as CPython's PyNumber_AsSsize_t(…, NULL) does.
static int ndigits_arg(ThreadState *ts, Value nd, int64_t *out) {
    Value v = obj_index(ts, nd);
    if (v == CS_ERR) {
        return -1;
    }
    if (!int_fits_i64(v, out)) {
        *out = int_sign(v) < 0 ? INT32_MIN : INT32_MAX;
    }
    return 0;
}

static Value float_round(ThreadState *ts, double x, Value nd) {
    if (nd == CS_NONE) {
        double r = round(x);
        if (fabs(x - r) == 0.5) {
            r = 2.0 * round(x / 2.0);
        }
        return int_from_double(ts, r);
    }
    int64_t n;
    if (ndigits_arg(ts, nd, &n) < 0) {
        return CS_ERR;
    }
    if (!isfinite(x) || n > 323) {
        return float_val(x);
    }
    if (n < -308) {
        return float_val(0.0 * x);
    }
    return float_round_digits(ts, x, (int)n);
}

// round(v, ndigits) for any int (bool and subclasses give plain ints).
static Value round_int(ThreadState *ts, Value v, Value nd) {
    if (nd == CS_NONE) {
        return int_exact(ts, v);
    }
    Value n = obj_index(ts, nd);
    return n == CS_ERR ? CS_ERR : int_round(ts, v, n);
}

static Value builtin_round(ThreadState *ts, Value self, const Value *args, size_t nargs,
                           TupleObj *kwnames) {
    Value a[2];
    if (arg_parse(ts, "round", args, nargs, kwnames, "number|ndigits", a) < 0) {
        return CS_ERR;
    }
    Value x = a[0], nd = a[1] == CS_UNBOUND ? CS_NONE : a[1];
    if (is_float(x)) {
        return float_round(ts, as_float(x), nd);
    }
    if (is_exact_int(x)) {
        return round_int(ts, x, nd);
    }
    Value m = type_lookup(type_of(x), STR_NAME(ts, __round__));
    if (m != CS_UNBOUND) {
        return call_special(ts, m, x, &nd, nd == CS_NONE ? 0 : 1);
    }
    if (int_check(x)) {
        return round_int(ts, x, nd);
    }
    if (float_check(x)) {
        return float_round(ts, float_value(x), nd);
    }
    return exc_raise(ts, exc_TypeError, "type %s doesn't define __round__ method",
                     obj_type_name(x));
}

// ---------------------------------------------------------------------------
// sum: exact-int and float fast paths as CPython's builtin_sum_impl, then
// generic addition.

// Sums ints in an int64_t while they fit. Returns the result so far to
// continue with (*done set when the iterator ended), or CS_ERR.
static Value sum_ints(ThreadState *ts, Value it, int64_t acc, size_t mark, bool *done) {
    for (;;) {
        gc_temp_reset(ts, mark);
        Value item = iterators_next(ts, it);
        if (item == CS_ERR) {
            return CS_ERR;
        }
        if (item == CS_STOP) {
            *done = true;
            return int_from_i64(ts, acc);
        }
        int64_t b, s;
        if (is_exact_int(item) && int_fits_i64(item, &b) && !__builtin_add_overflow(acc, b, &s)) {
            acc = s;
            continue;
        }
        gc_temp_push(ts, item);
        Value total = int_from_i64(ts, acc);
        return obj_binop(ts, total, item, BINOP_ADD);
    }
}

// Like sum_ints for floats. *done is set when the iterator ended.
static Value sum_floats(ThreadState *ts, Value it, double acc, size_t mark, bool *done) {
    for (;;) {
        gc_temp_reset(ts, mark);
        Value item = iterators_next(ts, it);
        if (item == CS_ERR) {
            return CS_ERR;
        }
        if (item == CS_STOP) {
            *done = true;
            return float_val(acc);
        }
        int64_t b;
        if (is_float(item)) {
            acc += as_float(item);
            continue;
        }
        if (int_check(item) && int_fits_i64(item, &b)) {
            acc += (double)b;
            continue;
        }
        gc_temp_push(ts, item);
        return obj_binop(ts, float_val(acc), item, BINOP_ADD);
    }
}

static int sum_check_start(ThreadState *ts, Value start) {
    if (str_check(start)) {
        return exc_raise_int(ts, exc_TypeError,
                             "sum() can't sum strings [use ''.join(seq) instead]");
    }
    if (bytes_check(start)) {
        return exc_raise_int(ts, exc_TypeError,
                             "sum() can't sum bytes [use b''.join(seq) instead]");
    }
    if (obj_isinstance_type(start, &type_bytearray)) {
        return exc_raise_int(ts, exc_TypeError,
                             "sum() can't sum bytearray [use b''.join(seq) instead]");
    }
    return 0;
}

static Value builtin_sum(ThreadState *ts, Value self, const Value *args, size_t nargs,
                         TupleObj *kwnames) {
    Value a[2];
    if (nargs == 0) {
        return exc_raise(ts, exc_TypeError, "sum() takes at least 1 positional argument (0 given)");
    }
    if (nargs > 2) {
        return exc_raise(ts, exc_TypeError, "sum() takes at most 2 arguments (%zu given)", nargs);
    }
    if (arg_parse(ts, "sum", args, nargs, kwnames, "iterable,/|start", a) < 0) {
        return CS_ERR;
    }
    Value result = a[1] == CS_UNBOUND ? small_int_val(0) : a[1];
    Value it = obj_iter(ts, a[0]);
    if (it == CS_ERR || sum_check_start(ts, result) < 0) {
        return CS_ERR;
    }
    size_t mark = gc_temp_mark(ts);
    int64_t acc;
    bool done = false;
    if (is_exact_int(result) && int_fits_i64(result, &acc)) {
        result = sum_ints(ts, it, acc, mark, &done);
        if (result == CS_ERR || done) {
            return result;
        }
    }
    if (is_float(result)) {
        result = sum_floats(ts, it, as_float(result), mark, &done);
        if (result == CS_ERR || done) {
            return result;
        }
    }
    for (;;) {
        gc_temp_reset(ts, mark);
        gc_temp_push(ts, result);
        Value item = iterators_next(ts, it);
        if (item == CS_STOP || item == CS_ERR) {
            return item == CS_STOP ? result : CS_ERR;
        }
        gc_temp_push(ts, item);
        result = obj_binop(ts, result, item, BINOP_ADD);
        if (result == CS_ERR) {
            return CS_ERR;
        }
    }
}

// ---------------------------------------------------------------------------
// Iteration: iter, next, aiter, anext, all, any

static Value builtin_iter(ThreadState *ts, Value self, const Value *args, size_t nargs,
                          TupleObj *kwnames) {
    if (arg_count(ts, "iter", nargs, 1, 2) < 0) {
        return CS_ERR;
    }
    if (nargs == 1) {
        return obj_iter(ts, args[0]);
    }
    if (!obj_callable(args[0])) {
        return exc_raise(ts, exc_TypeError, "iter(v, w): v must be callable");
    }
    return calliter_new(ts, args[0], args[1]);
}

static Value builtin_next(ThreadState *ts, Value self, const Value *args, size_t nargs,
                          TupleObj *kwnames) {
    if (arg_count(ts, "next", nargs, 1, 2) < 0) {
        return CS_ERR;
    }
    UnaryFn next = type_of(args[0])->iternext;
    if (!next) {
        return exc_raise(ts, exc_TypeError, "'%T' object is not an iterator", args[0]);
    }
    Value r = next(ts, args[0]);
    if (r == CS_STOP) {
        if (nargs == 2) {
            return args[1];
        }
        return exc_raise_args(ts, exc_StopIteration, NULL, 0);
    }
    if (r == CS_ERR && nargs == 2 && exc_matches(ts, exc_StopIteration)) {
        exc_clear(ts);
        return args[1];
    }
    return r;
}

static Value builtin_aiter(ThreadState *ts, Value self, const Value *args, size_t nargs,
                           TupleObj *kwnames) {
    if (arg_count(ts, "aiter", nargs, 1, 1) < 0) {
        return CS_ERR;
    }
    UnaryFn aiter = type_of(args[0])->aiter;
    if (!aiter) {
        return exc_raise(ts, exc_TypeError, "'%T' object is not an async iterable", args[0]);
    }
    Value it = aiter(ts, args[0]);
    if (it != CS_ERR && !type_of(it)->anext) {
        return exc_raise(ts, exc_TypeError, "aiter() returned not an async iterator of type '%T'",
                         it);
    }
    return it;
}

static Value builtin_anext(ThreadState *ts, Value self, const Value *args, size_t nargs,
                           TupleObj *kwnames) {
    if (arg_count(ts, "anext", nargs, 1, 2) < 0) {
        return CS_ERR;
    }
    UnaryFn anext = type_of(args[0])->anext;
    if (!anext) {
        return exc_raise(ts, exc_TypeError, "'%T' object is not an async iterator", args[0]);
    }
    Value awaitable = anext(ts, args[0]);
    if (awaitable == CS_ERR || nargs == 1) {
        return awaitable;
    }
    gc_temp_push(ts, awaitable);
    return iterators_anext_awaitable(ts, awaitable, args[1]);
}

// all() and any(): stops at the first item whose truth is `stop_at`.
static Value all_any(ThreadState *ts, const char *name, const Value *args, size_t nargs,
                     bool stop_at) {
    if (arg_count(ts, name, nargs, 1, 1) < 0) {
        return CS_ERR;
    }
    Value it = obj_iter(ts, args[0]);
    if (it == CS_ERR) {
        return CS_ERR;
    }
    size_t mark = gc_temp_mark(ts);
    for (;;) {
        gc_temp_reset(ts, mark);
        Value item = iterators_next(ts, it);
        if (item == CS_STOP) {
            return bool_val(!stop_at);
        }
        if (item == CS_ERR) {
            return CS_ERR;
        }
        int t = obj_truthy(ts, item);
        if (t < 0) {
            return CS_ERR;
        }
        if ((bool)t == stop_at) {
            return bool_val(stop_at);
        }
    }
}

static Value builtin_all(ThreadState *ts, Value self, const Value *args, size_t nargs,
                         TupleObj *kwnames) {
    return all_any(ts, "all", args, nargs, false);
}

static Value builtin_any(ThreadState *ts, Value self, const Value *args, size_t nargs,
                         TupleObj *kwnames) {
    return all_any(ts, "any", args, nargs, true);
}

// ---------------------------------------------------------------------------
// min, max, sorted

// The items min/max look at: the positional arguments, or an iterator.
typedef struct Source {
    const Value *items;
    size_t n, i;
    Value it; // CS_UNBOUND when walking items
} Source;

static Value source_next(ThreadState *ts, Source *s) {
    if (s->it == CS_UNBOUND) {
        return s->i < s->n ? s->items[s->i++] : CS_STOP;
    }
    return iterators_next(ts, s->it);
}

// Is `k` better than the best so far: k > best for max, k < best for min.
static int min_max_better(ThreadState *ts, Value k, Value best, bool is_max) {
    if (is_small_int(k) && is_small_int(best)) {
        return is_max ? as_small_int(k) > as_small_int(best) : as_small_int(k) < as_small_int(best);
    }
    if (is_float(k) && is_float(best)) {
        return is_max ? as_float(k) > as_float(best) : as_float(k) < as_float(best);
    }
    if (!is_max) {
        return obj_lt(ts, k, best);
    }
    Value r = obj_compare(ts, k, best, CMP_GT);
    return r == CS_ERR ? -1 : obj_truthy(ts, r);
}

static Value min_max_loop(ThreadState *ts, Source *src, Value key, bool is_max, Value *best) {
    Value bestkey = CS_UNBOUND;
    size_t mark = gc_temp_mark(ts);
    for (;;) {
        Value item = source_next(ts, src);
        if (item == CS_STOP || item == CS_ERR) {
            return item;
        }
        gc_temp_push(ts, item);
        Value k = item;
        if (key != CS_NONE) {
            k = obj_call1(ts, key, item);
            if (k == CS_ERR) {
                return CS_ERR;
            }
            gc_temp_push(ts, k);
        }
        int better = 1;
        if (*best != CS_UNBOUND) {
            better = min_max_better(ts, k, bestkey, is_max);
            if (better < 0) {
                return CS_ERR;
            }
        }
        if (better) {
            *best = item;
            bestkey = k;
        }
        gc_temp_reset(ts, mark);
        gc_temp_push(ts, *best);
        gc_temp_push(ts, bestkey);
    }
}

static Value min_max(ThreadState *ts, const Value *args, size_t nargs, TupleObj *kwnames,
                     bool is_max) {
    const char *name = is_max ? "max" : "min";
    if (nargs == 0) {
        return exc_raise(ts, exc_TypeError, "%s expected at least 1 argument, got 0", name);
    }
    Value kw[2];
    if (arg_parse(ts, name, args + nargs, 0, kwnames, "|$key,default", kw) < 0) {
        return CS_ERR;
    }
    Value key = kw[0] == CS_UNBOUND ? CS_NONE : kw[0];
    if (nargs > 1 && kw[1] != CS_UNBOUND) {
        return exc_raise(ts, exc_TypeError,
                         "Cannot specify a default for %s() with multiple positional arguments",
                         name);
    }
    Source src = {args, nargs, 0, CS_UNBOUND};
    if (nargs == 1) {
        src.it = obj_iter(ts, args[0]);
        if (src.it == CS_ERR) {
            return CS_ERR;
        }
    }
    Value best = CS_UNBOUND;
    if (min_max_loop(ts, &src, key, is_max, &best) == CS_ERR) {
        return CS_ERR;
    }
    if (best != CS_UNBOUND) {
        return best;
    }
    if (kw[1] != CS_UNBOUND) {
        return kw[1];
    }
    return exc_raise(ts, exc_ValueError, "%s() arg is an empty sequence", name);
}

static Value builtin_min(ThreadState *ts, Value self, const Value *args, size_t nargs,
                         TupleObj *kwnames) {
    return min_max(ts, args, nargs, kwnames, false);
}

static Value builtin_max(ThreadState *ts, Value self, const Value *args, size_t nargs,
                         TupleObj *kwnames) {
    return min_max(ts, args, nargs, kwnames, true);
}

static Value builtin_sorted(ThreadState *ts, Value self, const Value *args, size_t nargs,
                            TupleObj *kwnames) {
    if (nargs != 1) {
        return exc_raise(ts, exc_TypeError, "sorted expected 1 argument, got %zu", nargs);
    }
    Value kw[2];
    if (arg_parse(ts, "sort", args + 1, 0, kwnames, "|$key,reverse", kw) < 0) {
        return CS_ERR;
    }
    bool reverse = false;
    if (kw[1] != CS_UNBOUND) {
        ssize_t r = obj_as_index(ts, kw[1]);
        if (r == -1 && ts_has_exc(ts)) {
            return CS_ERR;
        }
        reverse = r != 0;
    }
    Value l = obj_to_list(ts, args[0]);
    if (l == CS_ERR ||
        list_sort(ts, as_list(l), kw[0] == CS_UNBOUND ? CS_NONE : kw[0], reverse) < 0) {
        return CS_ERR;
    }
    return l;
}

// ---------------------------------------------------------------------------
// Namespaces: globals, locals, vars, dir

static Value current_locals(ThreadState *ts) {
    Frame *f = ts->frame;
    if (!f) {
        return exc_raise(ts, exc_SystemError, "frame does not exist");
    }
    return f->locals != CS_UNBOUND ? f->locals : frameobj_locals(ts, f);
}

static Value builtin_locals(ThreadState *ts, Value self, const Value *args, size_t nargs,
                            TupleObj *kwnames) {
    if (arg_count(ts, "locals", nargs, 0, 0) < 0) {
        return CS_ERR;
    }
    return current_locals(ts);
}

static Value builtin_globals(ThreadState *ts, Value self, const Value *args, size_t nargs,
                             TupleObj *kwnames) {
    if (arg_count(ts, "globals", nargs, 0, 0) < 0) {
        return CS_ERR;
    }
    if (!ts->frame) {
        return exc_raise(ts, exc_SystemError, "frame does not exist");
    }
    return obj_val(ts->frame->globals);
}

static Value builtin_vars(ThreadState *ts, Value self, const Value *args, size_t nargs,
                          TupleObj *kwnames) {
    if (arg_count(ts, "vars", nargs, 0, 1) < 0) {
        return CS_ERR;
    }
    if (nargs == 0) {
        return current_locals(ts);
    }
    Value d = obj_lookup_attr(ts, args[0], STR_NAME(ts, __dict__));
    if (d == CS_UNBOUND) {
        return exc_raise(ts, exc_TypeError, "vars() argument must have __dict__ attribute");
    }
    return d;
}

// The names a mapping or dict holds, as a new list.
static Value mapping_keys(ThreadState *ts, Value m) {
    if (dict_check(m)) {
        return dict_keys_list(ts, as_dict(m));
    }
    return obj_to_list(ts, m);
}

// dir(cls): the names in the dicts of cls and its bases (type.__dir__).
static Value class_dir(ThreadState *ts, TypeObj *t) {
    Value d = dict_new(ts);
    TupleObj *mro = t->mro;
    for (size_t i = 0; mro && i < mro->len; i++) {
        TypeObj *b = (TypeObj *)as_obj(mro->items[i]);
        if (b->dict && dict_update(ts, as_dict(d), obj_val(b->dict)) < 0) {
            return CS_ERR;
        }
    }
    return dict_keys_list(ts, as_dict(d));
}

// dir(obj) before sorting: a module's own __dir__ or its dict, a class's
// merged dicts, else type(obj).__dir__(obj).
static Value object_dir_list(ThreadState *ts, Value obj) {
    TypeObj *t = type_of(obj);
    Value m = type_lookup(t, STR_NAME(ts, __dir__));
    bool generic = m == CS_UNBOUND || m == type_lookup(&type_object, STR_NAME(ts, __dir__));
    if (generic && obj_isinstance_type(obj, &type_module)) {
        DictObj *d = ((ModuleObj *)as_obj(obj))->dict;
        Value f;
        if (dict_get_str(d, STR_NAME(ts, __dir__), &f)) {
            Value r = obj_call0(ts, f);
            return r == CS_ERR ? CS_ERR : obj_to_list(ts, r);
        }
        return dict_keys_list(ts, d);
    }
    if (generic && (t->flags & TYPE_TYPE_SUBCLASS)) {
        return class_dir(ts, (TypeObj *)as_obj(obj));
    }
    if (m == CS_UNBOUND) {
        return exc_raise(ts, exc_TypeError, "object does not provide __dir__");
    }
    Value r = call_special(ts, m, obj, NULL, 0);
    if (r == CS_ERR) {
        return CS_ERR;
    }
    gc_temp_push(ts, r);
    return obj_to_list(ts, r);
}

static Value builtin_dir(ThreadState *ts, Value self, const Value *args, size_t nargs,
                         TupleObj *kwnames) {
    if (arg_count(ts, "dir", nargs, 0, 1) < 0) {
        return CS_ERR;
    }
    Value names;
    if (nargs == 0) {
        Value loc = current_locals(ts);
        names = loc == CS_ERR ? CS_ERR : mapping_keys(ts, loc);
    } else {
        names = object_dir_list(ts, args[0]);
    }
    if (names == CS_ERR || list_sort(ts, as_list(names), CS_NONE, false) < 0) {
        return CS_ERR;
    }
    return names;
}

// exit() and quit() (CPython's site adds them): close sys.stdin, then raise
// SystemExit(code).
static Value builtin_exit(ThreadState *ts, Value self, const Value *args, size_t nargs,
                          TupleObj *kwnames) {
    Value a[1];
    if (arg_parse(ts, "exit", args, nargs, kwnames, "|code", a) < 0) {
        return CS_ERR;
    }
    Value in = sys_attr(ts, "stdin");
    if (in != CS_UNBOUND && in != CS_NONE) {
        Value r = obj_call_method(ts, in, STR_NAME(ts, close), NULL, 0);
        if (r == CS_ERR) {
            exc_clear(ts);
        }
    }
    return exc_raise_args(ts, exc_SystemExit, a, a[0] == CS_UNBOUND ? 0 : 1);
}

// ---------------------------------------------------------------------------
// The module

static const MethodDef builtin_functions[] = {
    {"abs", builtin_abs, 0, "Return the absolute value of the argument."},
    {"all", builtin_all, 0, "Return True if bool(x) is True for all values x in the iterable."},
    {"any", builtin_any, 0, "Return True if bool(x) is True for any x in the iterable."},
    {"ascii", builtin_ascii, 0, "Return an ASCII-only representation of an object."},
    {"bin", builtin_bin, 0, "Return the binary representation of an integer."},
    {"callable", builtin_callable, 0, "Return whether the object is callable."},
    {"chr", builtin_chr, 0, "Return a Unicode string of one character with ordinal i."},
    {"delattr", builtin_delattr, 0, "Deletes the named attribute from the given object."},
    {"dir", builtin_dir, 0, "Show attributes of an object."},
    {"exit", builtin_exit, METH_KEYWORDS, "Exit the interpreter by raising SystemExit(code)."},
    {"divmod", builtin_divmod, 0, "Return the tuple (x//y, x%y)."},
    {"format", builtin_format, 0, "Return value.__format__(format_spec)"},
    {"getattr", builtin_getattr, 0, "Get a named attribute from an object."},
    {"globals", builtin_globals, 0,
     "Return the dictionary containing the current scope's global variables."},
    {"hasattr", builtin_hasattr, 0,
     "Return whether the object has an attribute with the given name."},
    {"hash", builtin_hash, 0, "Return the hash value for the given object."},
    {"hex", builtin_hex, 0, "Return the hexadecimal representation of an integer."},
    {"id", builtin_id, 0, "Return the identity of an object."},
    {"input", builtin_input, 0, "Read a string from standard input."},
    {"isinstance", builtin_isinstance, 0,
     "Return whether an object is an instance of a class or of a subclass thereof."},
    {"issubclass", builtin_issubclass, 0,
     "Return whether 'cls' is derived from another class or is the same class."},
    {"iter", builtin_iter, 0, "Get an iterator from an object."},
    {"aiter", builtin_aiter, 0, "Return an AsyncIterator for an AsyncIterable object."},
    {"anext", builtin_anext, 0, "Return the next item from the async iterator."},
    {"len", builtin_len, 0, "Return the number of items in a container."},
    {"locals", builtin_locals, 0,
     "Return a dictionary containing the current scope's local variables."},
    {"max", builtin_max, METH_KEYWORDS,
     "With a single iterable argument, return its biggest item."},
    {"min", builtin_min, METH_KEYWORDS,
     "With a single iterable argument, return its smallest item."},
    {"next", builtin_next, 0, "Return the next item from the iterator."},
    {"oct", builtin_oct, 0, "Return the octal representation of an integer."},
    {"open", fileio_open, METH_KEYWORDS, "Open file and return a stream."},
    {"ord", builtin_ord, 0, "Return the Unicode code point for a one-character string."},
    {"pow", builtin_pow, METH_KEYWORDS,
     "Equivalent to base**exp with 2 arguments or base**exp % mod with 3 arguments"},
    {"quit", builtin_exit, METH_KEYWORDS, "Exit the interpreter by raising SystemExit(code)."},
    {"print", builtin_print, METH_KEYWORDS,
     "Prints the values to a stream, or to sys.stdout by default."},
    {"repr", builtin_repr, 0, "Return the canonical string representation of the object."},
    {"round", builtin_round, METH_KEYWORDS,
     "Round a number to a given precision in decimal digits."},
    {"setattr", builtin_setattr, 0,
     "Sets the named attribute on the given object to the specified value."},
    {"sorted", builtin_sorted, METH_KEYWORDS,
     "Return a new list containing all items from the iterable in ascending order."},
    {"sum", builtin_sum, METH_KEYWORDS,
     "Return the sum of a 'start' value (default: 0) plus an iterable of numbers"},
    {"vars", builtin_vars, 0, "Show vars."},
    {NULL, NULL, 0, NULL},
};

Value builtins_module_init(ThreadState *ts) {
    Value mv = module_new(ts, "builtins");
    ModuleObj *m = (ModuleObj *)as_obj(mv);
    if (module_add_functions(ts, m, builtin_functions) < 0 ||
        module_add_value(ts, m, "enumerate", obj_val(&type_enumerate)) < 0 ||
        module_add_value(ts, m, "zip", obj_val(&type_zip)) < 0 ||
        module_add_value(ts, m, "map", obj_val(&type_map)) < 0 ||
        module_add_value(ts, m, "filter", obj_val(&type_filter)) < 0 ||
        module_add_value(ts, m, "reversed", obj_val(&type_reversed)) < 0) {
        return CS_ERR;
    }
    return mv;
}
