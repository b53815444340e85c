// The _random module: Random, a Mersenne Twister (MT19937) generator type
// written from Matsumoto and Nishimura's published algorithm (1998). The
// public `random` module (stdlib/lib/random.cs) builds on it.
#include <gmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#include "stdlib/modules.h"
#include "vm/bytes.h"
#include "vm/exc.h"
#include "vm/func.h"
#include "vm/gc.h"
#include "vm/int.h"
#include "vm/list.h"
#include "vm/state.h"
#include "vm/str.h"

// ---------------------------------------------------------------------------
// MT19937: 624 words of state; tempering turns each into one output word.

extern TypeObj type_random;

#define MT_N        624
#define MT_M        397
#define MT_MATRIX_A 0x9908b0dfu
#define MT_UPPER    0x80000000u
#define MT_LOWER    0x7fffffffu

typedef struct RandomObj {
    Obj hdr;
    uint32_t mt[MT_N];
    int index; // next word of mt to hand out; MT_N means "regenerate"
} RandomObj;

static void mt_init(RandomObj *r, uint32_t seed) {
    r->mt[0] = seed;
    for (int i = 1; i < MT_N; i++) {
        uint32_t prev = r->mt[i - 1];
        r->mt[i] = 1812433253u * (prev ^ (prev >> 30)) + (uint32_t)i;
    }
    r->index = MT_N;
}

// Seeds from a key of any length: every key word influences every state word.
static void mt_init_by_array(RandomObj *r, const uint32_t *key, size_t len) {
    mt_init(r, 19650218u);
    size_t i = 1, j = 0;
    for (size_t k = MT_N > len ? MT_N : len; k; k--) {
        uint32_t prev = r->mt[i - 1];
        r->mt[i] = (r->mt[i] ^ ((prev ^ (prev >> 30)) * 1664525u)) + key[j] + (uint32_t)j;
        i++;
        j++;
        if (i >= MT_N) {
            r->mt[0] = r->mt[MT_N - 1];
            i = 1;
        }
        if (j >= len) {
            j = 0;
        }
    }
    for (size_t k = MT_N - 1; k; k--) {
        uint32_t prev = r->mt[i - 1];
        r->mt[i] = (r->mt[i] ^ ((prev ^ (prev >> 30)) * 1566083941u)) - (uint32_t)i;
        i++;
        if (i >= MT_N) {
            r->mt[0] = r->mt[MT_N - 1];
            i = 1;
        }
    }
    r->mt[0] = 0x80000000u; // guarantees a non-zero state
}

static uint32_t mt_twist(uint32_t a, uint32_t b, uint32_t far) {
    uint32_t y = (a & MT_UPPER) | (b & MT_LOWER);
    return far ^ (y >> 1) ^ ((y & 1u) ? MT_MATRIX_A : 0u);
}

static void mt_generate(RandomObj *r) {
    int k = 0;
    for (; k < MT_N - MT_M; k++) {
        r->mt[k] = mt_twist(r->mt[k], r->mt[k + 1], r->mt[k + MT_M]);
    }
    for (; k < MT_N - 1; k++) {
        r->mt[k] = mt_twist(r->mt[k], r->mt[k + 1], r->mt[k + MT_M - MT_N]);
    }
    r->mt[MT_N - 1] = mt_twist(r->mt[MT_N - 1], r->mt[0], r->mt[MT_M - 1]);
    r->index = 0;
}

static uint32_t mt_next(RandomObj *r) {
    if (r->index >= MT_N) {
        mt_generate(r);
    }
    uint32_t y = r->mt[r->index++];
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c5680u;
    y ^= (y << 15) & 0xefc60000u;
    y ^= y >> 18;
    return y;
}

// A double in [0, 1) with 53 random bits (27 + 26 from two words).
static double mt_double(RandomObj *r) {
    uint32_t a = mt_next(r) >> 5, b = mt_next(r) >> 6;
    return ((double)a * 67108864.0 + (double)b) * (1.0 / 9007199254740992.0);
}

// ---------------------------------------------------------------------------
// Seeding

// Entropy from the OS; the clock and pid if that fails.
static void seed_from_os(RandomObj *r) {
    uint32_t key[MT_N];
    if (getrandom(key, sizeof key, GRND_NONBLOCK) != (ssize_t)sizeof key) {
        struct timespec t;
        clock_gettime(CLOCK_REALTIME, &t);
        key[0] = (uint32_t)t.tv_sec;
        key[1] = (uint32_t)t.tv_nsec;
        key[2] = (uint32_t)getpid();
        key[3] = (uint32_t)(uintptr_t)r;
        mt_init_by_array(r, key, 4);
        return;
    }
    mt_init_by_array(r, key, MT_N);
}

// The absolute value of an int as little-endian 32-bit key words.
static int seed_from_int(ThreadState *ts, RandomObj *r, Value v) {
    mpz_t z;
    mpz_init(z);
    int_to_mpz(v, z);
    mpz_abs(z, z);
    size_t n = 0;
    size_t words = mpz_sizeinbase(z, 2) / 32 + 1;
    uint32_t *key = calloc(words, sizeof(uint32_t));
    if (!key) {
        mpz_clear(z);
        exc_no_memory(ts);
        return -1;
    }
    mpz_export(key, &n, -1, sizeof(uint32_t), 0, 0, z);
    mpz_clear(z);
    mt_init_by_array(r, key, n ? n : 1);
    free(key);
    return 0;
}

// Bytes (or a str's UTF-8) as key words, with the length folded in so that
// b'' and b'\0' differ.
static int seed_from_bytes(ThreadState *ts, RandomObj *r, const unsigned char *data, size_t len) {
    size_t words = len / 4 + 2;
    uint32_t *key = calloc(words, sizeof(uint32_t));
    if (!key) {
        exc_no_memory(ts);
        return -1;
    }
    for (size_t i = 0; i < len; i++) {
        key[i / 4] |= (uint32_t)data[i] << (8 * (i % 4));
    }
    key[words - 1] = (uint32_t)len ^ 0x5eed5eedu;
    mt_init_by_array(r, key, words);
    free(key);
    return 0;
}

static int random_seed_value(ThreadState *ts, RandomObj *r, Value arg) {
    if (arg == CS_UNBOUND || arg == CS_NONE) {
        seed_from_os(r);
        return 0;
    }
    if (int_check(arg)) {
        return seed_from_int(ts, r, arg);
    }
    if (str_check(arg)) {
        return seed_from_bytes(ts, r, (const unsigned char *)str_cstr(arg), as_str(arg)->len);
    }
    const unsigned char *data;
    size_t len;
    if (bytes_check(arg) || is_type_exact(arg, &type_bytearray)) {
        if (bytes_view(ts, arg, &data, &len) < 0) {
            return -1;
        }
        return seed_from_bytes(ts, r, data, len);
    }
    int64_t h = obj_hash(ts, arg);
    if (h == -1) {
        return -1;
    }
    return seed_from_int(ts, r, int_from_i64(ts, h));
}

// ---------------------------------------------------------------------------
// Methods

static RandomObj *as_random(Value v) {
    return (RandomObj *)as_obj(v);
}

static Value random_random(ThreadState *ts, Value self, const Value *args, size_t nargs,
                           TupleObj *kwnames) {
    if (arg_count(ts, "random", nargs, 0, 0) < 0) {
        return CS_ERR;
    }
    return float_val(mt_double(as_random(self)));
}

static Value random_seed(ThreadState *ts, Value self, const Value *args, size_t nargs,
                         TupleObj *kwnames) {
    if (arg_count(ts, "seed", nargs, 0, 1) < 0 ||
        random_seed_value(ts, as_random(self), nargs ? args[0] : CS_NONE) < 0) {
        return CS_ERR;
    }
    return CS_NONE;
}

// k random bits as a non-negative int, built from 32-bit words, lowest first.
static Value random_bits(ThreadState *ts, RandomObj *r, int64_t k) {
    if (k <= 32) {
        return int_from_u64(ts, k == 0 ? 0 : mt_next(r) >> (32 - k));
    }
    size_t words = (size_t)((k - 1) / 32 + 1);
    uint32_t *buf = malloc(words * sizeof(uint32_t));
    if (!buf) {
        return exc_no_memory(ts);
    }
    for (size_t i = 0; i < words; i++, k -= 32) {
        uint32_t w = mt_next(r);
        buf[i] = k < 32 ? w >> (32 - k) : w;
    }
    mpz_t z;
    mpz_init(z);
    mpz_import(z, words, -1, sizeof(uint32_t), 0, 0, buf);
    free(buf);
    Value v = int_from_mpz(ts, z);
    mpz_clear(z);
    return v;
}

static Value random_getrandbits(ThreadState *ts, Value self, const Value *args, size_t nargs,
                                TupleObj *kwnames) {
    int64_t k;
    if (arg_count(ts, "getrandbits", nargs, 1, 1) < 0) {
        return CS_ERR;
    }
    Value kv = obj_index(ts, args[0]);
    if (kv == CS_ERR || int_as_i64(ts, kv, &k) < 0) {
        return CS_ERR;
    }
    if (k < 0) {
        return exc_raise(ts, exc_ValueError, "number of bits must be non-negative");
    }
    return random_bits(ts, as_random(self), k);
}

// A uniform int in [0, n) for an int n > 0, by rejection sampling on
// n.bit_length() bits (no modulo bias), drawing the same words as
// getrandbits would. Backs random.cs's _randbelow.
static Value random_randbelow(ThreadState *ts, Value self, const Value *args, size_t nargs,
                              TupleObj *kwnames) {
    if (arg_count(ts, "_randbelow", nargs, 1, 1) < 0) {
        return CS_ERR;
    }
    Value n = obj_index(ts, args[0]);
    if (n == CS_ERR) {
        return CS_ERR;
    }
    if (int_sign(n) <= 0) {
        return small_int_val(0);
    }
    RandomObj *r = as_random(self);
    if (is_small_int(n) && as_small_int(n) <= 0xFFFFFFFFll) {
        uint32_t limit = (uint32_t)as_small_int(n), w;
        int k = 32 - __builtin_clz(limit);
        do {
            w = mt_next(r) >> (32 - k);
        } while (w >= limit);
        return small_int_val(w);
    }
    mpz_t z;
    mpz_init(z);
    int_to_mpz(n, z);
    int64_t k = (int64_t)mpz_sizeinbase(z, 2);
    mpz_clear(z);
    for (;;) {
        Value v = random_bits(ts, r, k);
        if (v == CS_ERR || int_compare(v, n) < 0) {
            return v;
        }
    }
}

static Value random_getstate(ThreadState *ts, Value self, const Value *args, size_t nargs,
                             TupleObj *kwnames) {
    if (arg_count(ts, "getstate", nargs, 0, 0) < 0) {
        return CS_ERR;
    }
    RandomObj *r = as_random(self);
    Value t = tuple_new(ts, MT_N + 1);
    for (int i = 0; i < MT_N; i++) {
        as_tuple(t)->items[i] = int_from_u64(ts, r->mt[i]);
    }
    as_tuple(t)->items[MT_N] = small_int_val(r->index);
    return t;
}

static Value random_setstate(ThreadState *ts, Value self, const Value *args, size_t nargs,
                             TupleObj *kwnames) {
    if (arg_count(ts, "setstate", nargs, 1, 1) < 0) {
        return CS_ERR;
    }
    if (!tuple_check(args[0])) {
        return exc_raise(ts, exc_TypeError, "state vector must be a tuple");
    }
    TupleObj *t = as_tuple(args[0]);
    if (t->len != MT_N + 1) {
        return exc_raise(ts, exc_ValueError, "state vector is the wrong size");
    }
    uint32_t mt[MT_N];
    int64_t v;
    for (int i = 0; i <= MT_N; i++) {
        if (!int_check(t->items[i])) {
            return exc_raise(ts, exc_TypeError, "'%s' object cannot be interpreted as an integer",
                             obj_type_name(t->items[i]));
        }
        if (int_as_i64(ts, t->items[i], &v) < 0) {
            return CS_ERR;
        }
        if (i < MT_N) {
            mt[i] = (uint32_t)v;
        }
    }
    if (v < 0 || v > MT_N) {
        return exc_raise(ts, exc_ValueError, "invalid state");
    }
    RandomObj *r = as_random(self);
    memcpy(r->mt, mt, sizeof mt);
    r->index = (int)v;
    return CS_NONE;
}

// Random(): an instance of the given type (subclasses get their own size),
// given a provisional seed from the clock; __init__ seeds it for real
// (random.Random's __init__ calls self.seed).
static Value random_tp_new(ThreadState *ts, TypeObj *type, const Value *args, size_t nargs,
                           TupleObj *kwnames) {
    if (type == &type_random && arg_no_kw(ts, "Random", kwnames) < 0) {
        return CS_ERR;
    }
    RandomObj *r = gc_alloc(ts, type, type->basicsize);
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    mt_init(r, (uint32_t)t.tv_nsec ^ (uint32_t)t.tv_sec ^ ((uint32_t)getpid() << 16));
    return obj_val(r);
}

// _random.Random(seed=None), for the type itself and subclasses without
// an __init__ of their own.
static int random_tp_init(ThreadState *ts, Value self, const Value *args, size_t nargs,
                          TupleObj *kwnames) {
    if (arg_no_kw(ts, "Random", kwnames) < 0) {
        return -1;
    }
    if (nargs > 1) {
        return exc_raise_int(ts, exc_TypeError, "Random() requires 0 or 1 argument");
    }
    return random_seed_value(ts, as_random(self), nargs ? args[0] : CS_NONE);
}

static const MethodDef random_methods[] = {
    {"random", random_random, 0, "random() -> x in the interval [0, 1)."},
    {"seed", random_seed, 0, "seed([n]) -> None."},
    {"getrandbits", random_getrandbits, 0, "getrandbits(k) -> x.  Generates an int with k bits."},
    {"getstate", random_getstate, 0, "getstate() -> tuple containing the current state."},
    {"setstate", random_setstate, 0, "setstate(state) -> None.  Restores generator state."},
    {"_randbelow", random_randbelow, 0, "_randbelow(n) -> x in range(n)."},
    {NULL, NULL, 0, NULL},
};

TypeObj type_random = {
    .hdr = OBJ_HEADER_INIT(&type_type),
    .name = "_random.Random",
    .basicsize = sizeof(RandomObj),
    .flags = TYPE_BASETYPE,
    .doc = "Random() -> create a random number generator with its own internal state.",
    .methods = random_methods,
    .tp_new = random_tp_new,
    .tp_init = random_tp_init,
};

Value random_module_init(ThreadState *ts) {
    Value mv = module_new(ts, "_random");
    ModuleObj *m = (ModuleObj *)as_obj(mv);
    if (module_add_value(ts, m, "Random", obj_val(&type_random)) < 0) {
        return CS_ERR;
    }
    return mv;
}
