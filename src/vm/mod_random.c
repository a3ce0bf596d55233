/*
** The _random module: the Mersenne Twister (MT19937) generator that
** random.Random subclasses, with CPython's seeding (ints by their 32-bit
** words, other objects by their hash, None from the system's entropy),
** random(), getrandbits(), getstate() and setstate(), so that a seeded
** generator gives CPython's numbers.
*/
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#include "vm/str_impl.h"

#define MT_N 624
#define MT_M 397

typedef STM_SEG struct RandomObj RandomObj;
struct RandomObj {              /* an L_NATIVE object: the Native layout */
    OBJECT_HEAD;
    Object *dict;
    Object *refs_[NATIVE_REFS - 1];     /* the rest of Native's references: unused */
    int index;
    uint32_t state[MT_N];
};

static Type *t_random;

static void init_genrand(RandomObj *r, uint32_t s)
{
    r->state[0] = s;
    for (int i = 1; i < MT_N; i++)
        r->state[i] = 1812433253u * (r->state[i - 1] ^ (r->state[i - 1] >> 30)) + (uint32_t)i;
    r->index = MT_N;
}

static void init_by_array(RandomObj *r, const uint32_t *key, size_t len)
{
    init_genrand(r, 19650218u);
    size_t i = 1, j = 0, k = MT_N > len ? MT_N : len;
    uint32_t *mt = (uint32_t *)stm_real_address((stm_obj *)r) + offsetof(struct RandomObj, state) / 4;
    for (; k; k--) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525u)) + key[j] + (uint32_t)j;
        i++;
        j++;
        if (i >= MT_N) {
            mt[0] = mt[MT_N - 1];
            i = 1;
        }
        if (j >= len)
            j = 0;
    }
    for (k = MT_N - 1; k; k--) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941u)) - (uint32_t)i;
        i++;
        if (i >= MT_N) {
            mt[0] = mt[MT_N - 1];
            i = 1;
        }
    }
    mt[0] = 0x80000000u;
}

static uint32_t genrand(RandomObj *r)
{
    static const uint32_t mag01[2] = { 0, 0x9908b0dfu };
    uint32_t *mt = (uint32_t *)stm_real_address((stm_obj *)r) + offsetof(struct RandomObj, state) / 4;
    uint32_t y;
    if (r->index >= MT_N) {
        int kk;
        for (kk = 0; kk < MT_N - MT_M; kk++) {
            y = (mt[kk] & 0x80000000u) | (mt[kk + 1] & 0x7fffffffu);
            mt[kk] = mt[kk + MT_M] ^ (y >> 1) ^ mag01[y & 1];
        }
        for (; kk < MT_N - 1; kk++) {
            y = (mt[kk] & 0x80000000u) | (mt[kk + 1] & 0x7fffffffu);
            mt[kk] = mt[kk + (MT_M - MT_N)] ^ (y >> 1) ^ mag01[y & 1];
        }
        y = (mt[MT_N - 1] & 0x80000000u) | (mt[0] & 0x7fffffffu);
        mt[MT_N - 1] = mt[MT_M - 1] ^ (y >> 1) ^ mag01[y & 1];
        r->index = 0;
    }
    y = mt[r->index++];
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c5680u;
    y ^= (y << 15) & 0xefc60000u;
    y ^= y >> 18;
    return y;
}

static RandomObj *self_random(Object *self)
{
    obj_write(self);
    return (RandomObj *)self;
}

/* seed(n=None). */
static int do_seed(Object *self, Object *arg)
{
    RandomObj *r = self_random(self);
    if (!arg || arg == None) {
        uint32_t key[MT_N];
        if (getrandom(key, sizeof key, GRND_NONBLOCK) != (ssize_t)sizeof key) {
            struct timespec ts;
            clock_gettime(CLOCK_REALTIME, &ts);
            key[0] = (uint32_t)ts.tv_sec;
            key[1] = (uint32_t)ts.tv_nsec;
            key[2] = (uint32_t)getpid();
            init_by_array(r, key, 3);
            return 0;
        }
        init_by_array(r, key, MT_N);
        return 0;
    }
    Object *n;
    if (is_exact_int(arg) || arg->type == vm.t_bool) {
        n = obj_unary(arg, UN_ABS);
    } else {
        int64_t h = obj_hash(arg);
        if (h == -1 && exc_occurred())
            return -1;
        n = int_from_u64((uint64_t)h);
    }
    if (!n)
        return -1;
    /* The magnitude's 32-bit words, least significant first. */
    size_t len;
    bool neg;
    char *hex = int_digits(n, 16, &neg, &len);
    if (!hex)
        return -1;
    size_t words = (len + 7) / 8;
    uint32_t *key = calloc(words ? words : 1, sizeof *key);
    if (!key) {
        free(hex);
        raise_no_memory();
        return -1;
    }
    for (size_t i = 0; i < len; i++) {
        char c = hex[len - 1 - i];
        uint32_t v = (uint32_t)(c <= '9' ? c - '0' : c - 'a' + 10);
        key[i / 8] |= v << (4 * (i % 8));
    }
    free(hex);
    while (words > 1 && key[words - 1] == 0)
        words--;
    if (words == 0)
        words = 1;
    init_by_array(r, key, words);
    free(key);
    return 0;
}

static Object *r_seed(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_no_kw("seed", kw) < 0 || args_count("seed", nargs, 0, 1) < 0)
        return NULL;
    return do_seed(self, nargs ? args[0] : NULL) < 0 ? NULL : None;
}

static Object *r_random(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("random", kw, nargs, 0) < 0)
        return NULL;
    RandomObj *r = self_random(self);
    uint32_t a = genrand(r) >> 5, b = genrand(r) >> 6;
    return float_new((a * 67108864.0 + b) * (1.0 / 9007199254740992.0));
}

static Object *r_getrandbits(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("getrandbits", kw, nargs, 1) < 0)
        return NULL;
    intptr_t k;
    if (!is_int(args[0]))
        return raise(vm.e_TypeError, "'%s' object cannot be interpreted as an integer",
                     type_name(type_of(args[0])));
    if (index_to_ssize(args[0], &k, false) < 0)
        return NULL;
    if (k < 0)
        return raise(vm.e_ValueError, "number of bits must be non-negative");
    RandomObj *r = self_random(self);
    if (k == 0)
        return make_small(0);
    if (k <= 32)
        return int_from_u64(genrand(r) >> (32 - k));
    /* The words, least significant first, as hex digits (most significant
       first) for int_from_text. */
    size_t words = (size_t)(k - 1) / 32 + 1;
    char *hex = malloc(words * 8 + 1);
    if (!hex)
        return raise_no_memory();
    uint32_t *w = malloc(words * sizeof *w);
    if (!w) {
        free(hex);
        return raise_no_memory();
    }
    for (size_t i = 0; i < words; i++, k -= 32) {
        w[i] = genrand(r);
        if (k < 32)
            w[i] >>= 32 - k;
    }
    for (size_t i = 0; i < words; i++)
        snprintf(hex + i * 8, 9, "%08x", w[words - 1 - i]);
    free(w);
    Object *res = int_from_text(hex, 16);
    free(hex);
    return res;
}

static Object *r_getstate(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("getstate", kw, nargs, 0) < 0)
        return NULL;
    obj_read(self);
    RandomObj *r = (RandomObj *)self;
    Object *t = tuple_new(MT_N + 1);
    if (!t)
        return NULL;
    for (int i = 0; i < MT_N; i++)
        tuple_init_item(t, (size_t)i, make_small(r->state[i]));
    tuple_init_item(t, MT_N, make_small(r->index));
    return t;
}

static Object *r_setstate(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("setstate", kw, nargs, 1) < 0)
        return NULL;
    Object *t = args[0];
    if (is_small(t) || !type_is_subtype(t->type, vm.t_tuple))
        return raise(vm.e_TypeError, "state vector must be a tuple");
    if (tuple_size(t) != MT_N + 1)
        return raise(vm.e_ValueError, "state vector is the wrong size");
    uint32_t st[MT_N];
    int64_t v;
    for (int i = 0; i < MT_N; i++) {
        if (!is_int(tuple_get(t, (size_t)i)) || int_to_i64(tuple_get(t, (size_t)i), &v) < 0
            || v < 0 || v > 0xffffffffLL) {
            exc_clear();
            return raise(vm.e_OverflowError, "Python int too large to convert to C unsigned long");
        }
        st[i] = (uint32_t)v;
    }
    if (!is_int(tuple_get(t, MT_N)) || int_to_i64(tuple_get(t, MT_N), &v) < 0)
        return NULL;
    if (v < 0 || v > MT_N)
        return raise(vm.e_ValueError, "invalid state");
    RandomObj *r = self_random(self);
    for (int i = 0; i < MT_N; i++)
        r->state[i] = st[i];
    r->index = (int)v;
    return None;
}

static Object *random_tp_new(Object *cls, Object *const *args, size_t nargs, Object *kw)
{
    /* Subclasses (random.Random) seed in their __init__. */
    Type *t = (Type *)cls;
    if (t == t_random && kw && tuple_size(kw))
        return raise(vm.e_TypeError, "Random() takes no keyword arguments");
    if (t == t_random && nargs > 1)
        return raise(vm.e_TypeError, "Random() requires 0 or 1 argument");
    Object *self = vm_alloc(t->instance_size, t->instance_layout, t);
    if (!self)
        return NULL;
    if (t != t_random) {
        init_genrand(self_random(self), 19650218u);
        return self;
    }
    return do_seed(self, nargs ? args[0] : NULL) < 0 ? NULL : self;
}

/* The type, made at start-up so that the global always names one
   committed object (STM flavour). */
bool random_setup(void)
{
    if (!t_random) {
        stm_add_root((stm_obj **)&t_random);
        Type *t = type_new_builtin("Random", vm.t_object, L_NATIVE, sizeof(struct RandomObj),
                                   TF_BASETYPE | TF_HAS_DICT);
        dict_set_cstr(t->dict, "__module__", str_from_cstr("_random"));
        t->tp_new = random_tp_new;
        t->getattr = generic_getattr;
        static const MethodDef methods[] = {
            { "seed", r_seed, 0 }, { "random", r_random, 0 },
            { "getrandbits", r_getrandbits, 0 }, { "getstate", r_getstate, 0 },
            { "setstate", r_setstate, 0 }, { NULL, NULL, 0 },
        };
        type_add_methods(t, methods);
        type_inherit(t);
        t_random = t;
    }
    return true;
}

Object *random_module_init(void)
{
    if (!random_setup())
        return NULL;
    Object *m = module_new(intern_cstr("_random"));
    if (!m)
        return NULL;
    Object *d = ((ModuleObj *)m)->dict;
    if (dict_set_cstr(d, "Random", (Object *)t_random) < 0)
        return NULL;
    return m;
}
