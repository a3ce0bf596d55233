/*
** The Python side of the hashlib accelerators: update(), digest(),
** hexdigest(), copy(), name, digest_size, block_size, with CPython's
** errors.  An object's bytes after its Native header hold which
** algorithm it runs (a pointer to a C constant, the same in every
** segment) and the algorithm's state, copied out and back around each
** update.
*/
#include <string.h>

#include "vm/hash_object.h"
#include "vm/str_impl.h"

Object *getset_new(Type *owner, const char *name, Object *(*get)(Object *),
                   int (*set)(Object *, Object *));

typedef STM_SEG struct HashObj HashObj;
struct HashObj {                /* the Native layout */
    OBJECT_HEAD;
    Object *dict;
    Object *refs_[NATIVE_REFS - 1];
    const HashAlgo *algo;
    uint64_t state[HASH_STATE_MAX / 8];
};

struct State {
    const HashAlgo *algo;
    uint64_t state[HASH_STATE_MAX / 8];
};

static void load(Object *self, struct State *s)
{
    obj_read(self);
    memcpy(s, (char *)stm_real_address((stm_obj *)self) + offsetof(struct HashObj, algo), sizeof *s);
}

static void store(Object *self, const struct State *s)
{
    obj_write(self);
    memcpy((char *)stm_real_address((stm_obj *)self) + offsetof(struct HashObj, algo), s, sizeof *s);
}

static int update_with(Object *self, Object *data)
{
    ByteView v;
    if (str_unwrap(data)) {
        raise(vm.e_TypeError, "Strings must be encoded before hashing");
        return -1;
    }
    if (!byte_view(data, &v)) {
        raise(vm.e_TypeError, "object supporting the buffer API required");
        return -1;
    }
    struct State s;
    load(self, &s);
    s.algo->update(s.state, v.data, v.size);
    keep_alive(data);
    store(self, &s);
    return 0;
}

Object *hash_new_state(Type *t, const HashAlgo *algo, const void *state, Object *data)
{
    Object *o = vm_alloc(sizeof(struct HashObj), L_NATIVE, t);
    if (!o)
        return NULL;
    struct State s;
    s.algo = algo;
    memcpy(s.state, state, sizeof s.state);
    store(o, &s);
    return data && update_with(o, data) < 0 ? NULL : o;
}

static size_t digest_size_of(const struct State *s)
{
    return s->algo->size ? s->algo->size(s->state) : s->algo->digest_size;
}

static Object *m_update(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("update", kw, nargs, 1) < 0 || update_with(self, args[0]) < 0)
        return NULL;
    return None;
}

/* The digest's length: the algorithm's, or shake's argument. */
static int digest_len(Object *self, const struct State *s, Object *const *args, size_t nargs,
                      Object *kw, const char *fname, size_t *n)
{
    if (digest_size_of(s)) {
        if (args_exact(fname, kw, nargs, 0) < 0)
            return -1;
        *n = digest_size_of(s);
        return 0;
    }
    static const char *const names[] = { "length", NULL };
    Object *a[1];
    intptr_t len;
    if (args_parse(fname, args, nargs, kw, names, 1, 1, a) < 0
        || index_to_ssize(a[0], &len, false) < 0)
        return -1;
    if (len < 0) {
        raise(vm.e_ValueError, "negative digest length");
        return -1;
    }
    if (len >= (intptr_t)1 << 29) {
        raise(vm.e_ValueError, "digest length is too large");
        return -1;
    }
    *n = (size_t)len;
    return 0;
}

static unsigned char *compute(Object *self, Object *const *args, size_t nargs, Object *kw,
                              const char *fname, size_t *n)
{
    struct State s;
    load(self, &s);
    if (digest_len(self, &s, args, nargs, kw, fname, n) < 0)
        return NULL;
    unsigned char *out = malloc(*n ? *n : 1);
    if (!out) {
        raise_no_memory();
        return NULL;
    }
    s.algo->final(s.state, out, *n);
    return out;
}

static Object *m_digest(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    size_t n;
    unsigned char *out = compute(self, args, nargs, kw, "digest", &n);
    if (!out)
        return NULL;
    Object *r = bytes_new((const char *)out, n);
    free(out);
    return r;
}

static Object *m_hexdigest(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    size_t n;
    unsigned char *out = compute(self, args, nargs, kw, "hexdigest", &n);
    if (!out)
        return NULL;
    unsigned char *hex = malloc(2 * n + 1);
    if (!hex) {
        free(out);
        return raise_no_memory();
    }
    for (size_t i = 0; i < n; i++) {
        hex[2 * i] = "0123456789abcdef"[out[i] >> 4];
        hex[2 * i + 1] = "0123456789abcdef"[out[i] & 15];
    }
    Object *r = str_from_latin1(hex, 2 * n);
    free(hex);
    free(out);
    return r;
}

static Object *m_copy(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("copy", kw, nargs, 0) < 0)
        return NULL;
    struct State s;
    load(self, &s);
    Object *o = vm_alloc(sizeof(struct HashObj), L_NATIVE, type_of(self));
    if (o)
        store(o, &s);
    return o;
}

static const HashAlgo *algo_of(Object *self)
{
    obj_read(self);
    return ((HashObj *)self)->algo;
}

static Object *get_name(Object *self) { return str_from_cstr(algo_of(self)->name); }

static Object *get_digest_size(Object *self)
{
    struct State s;
    load(self, &s);
    return make_small((intptr_t)digest_size_of(&s));
}
static Object *get_block_size(Object *self) { return make_small(algo_of(self)->block_size); }

Object *hash_construct(const char *fname, Type *t, const HashAlgo *algo, const char *argname,
                       Object *const *args, size_t nargs, Object *kw)
{
    const char *names[] = { argname, "usedforsecurity", NULL };
    Object *a[2];
    if (args_parse(fname, args, nargs, kw, names, 0, 1, a) < 0)
        return NULL;
    uint64_t state[HASH_STATE_MAX / 8];
    memset(state, 0, sizeof state);
    algo->init(state, algo);
    return hash_new_state(t, algo, state, a[0]);
}

Type *hash_type(const char *module, const HashAlgo *algo, CallFn *tp_new)
{
    Type *t = type_new_builtin(algo->name, vm.t_object, L_NATIVE, sizeof(struct HashObj), 0);
    dict_set_cstr(t->dict, "__module__", str_from_cstr(module));
    t->getattr = generic_getattr;
    static const MethodDef methods[] = {
        { "update", m_update, 0 }, { "digest", m_digest, 0 },
        { "hexdigest", m_hexdigest, 0 }, { "copy", m_copy, 0 }, { NULL, NULL, 0 },
    };
    type_add_methods(t, methods);
    getset_new(t, "name", get_name, NULL);
    getset_new(t, "digest_size", get_digest_size, NULL);
    getset_new(t, "block_size", get_block_size, NULL);
    t->tp_new = tp_new;
    type_inherit(t);
    return t;
}
