/*
** The _blake2 module: BLAKE2b and BLAKE2s (RFC 7693) with their whole
** parameter block (digest size, key, salt, personalisation and the tree
** parameters), for hashlib.  The two differ in word size, rounds,
** rotations and sizes; one implementation serves both through `wide`.
*/
#include <string.h>

#include "vm/buffer.h"
#include "vm/hash_object.h"
#include "vm/mod_os.h"

struct Blake2 {
    uint64_t h[8];              /* BLAKE2s uses the low 32 bits */
    uint64_t t[2];
    unsigned char buf[128];
    uint32_t buflen, outlen;
    bool wide, last_node;
};

static const uint64_t iv64[8] = {
    0x6a09e667f3bcc908ULL, 0xbb67ae8584caa73bULL, 0x3c6ef372fe94f82bULL, 0xa54ff53a5f1d36f1ULL,
    0x510e527fade682d1ULL, 0x9b05688c2b3e6c1fULL, 0x1f83d9abfb41bd6bULL, 0x5be0cd19137e2179ULL,
};

static const uint8_t sigma[12][16] = {
    { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15 },
    { 14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3 },
    { 11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4 },
    { 7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8 },
    { 9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13 },
    { 2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9 },
    { 12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11 },
    { 13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10 },
    { 6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5 },
    { 10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0 },
    { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15 },
    { 14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3 },
};

static uint64_t iv(bool wide, int i) { return wide ? iv64[i] : iv64[i] >> 32; }
static size_t block_of(bool wide) { return wide ? 128 : 64; }
static size_t word_of(bool wide) { return wide ? 8 : 4; }

static uint64_t load_word(const unsigned char *p, size_t n)
{
    uint64_t v = 0;
    for (size_t i = n; i-- > 0;)
        v = v << 8 | p[i];
    return v;
}

static void compress(struct Blake2 *s, const unsigned char *block, bool last)
{
    bool wide = s->wide;
    uint64_t mask = wide ? ~(uint64_t)0 : 0xffffffffu;
    unsigned bits = wide ? 64 : 32;
    static const unsigned rot64[4] = { 32, 24, 16, 63 }, rot32[4] = { 16, 12, 8, 7 };
    const unsigned *r = wide ? rot64 : rot32;
    uint64_t m[16], v[16];
    for (int i = 0; i < 16; i++)
        m[i] = load_word(block + (size_t)i * word_of(wide), word_of(wide));
    for (int i = 0; i < 8; i++) {
        v[i] = s->h[i];
        v[i + 8] = iv(wide, i);
    }
    v[12] ^= s->t[0];
    v[13] ^= s->t[1];
    if (last) {
        v[14] ^= mask;
        if (s->last_node)
            v[15] ^= mask;
    }
#define ROTR(x, n) ((((x) >> (n)) | ((x) << (bits - (n)))) & mask)
#define G(a, b, c, d, x, y)                                 \
    do {                                                    \
        v[a] = (v[a] + v[b] + (x)) & mask;                  \
        v[d] = ROTR(v[d] ^ v[a], r[0]);                     \
        v[c] = (v[c] + v[d]) & mask;                        \
        v[b] = ROTR(v[b] ^ v[c], r[1]);                     \
        v[a] = (v[a] + v[b] + (y)) & mask;                  \
        v[d] = ROTR(v[d] ^ v[a], r[2]);                     \
        v[c] = (v[c] + v[d]) & mask;                        \
        v[b] = ROTR(v[b] ^ v[c], r[3]);                     \
    } while (0)
    int rounds = wide ? 12 : 10;
    for (int i = 0; i < rounds; i++) {
        const uint8_t *sg = sigma[i];
        G(0, 4, 8, 12, m[sg[0]], m[sg[1]]);
        G(1, 5, 9, 13, m[sg[2]], m[sg[3]]);
        G(2, 6, 10, 14, m[sg[4]], m[sg[5]]);
        G(3, 7, 11, 15, m[sg[6]], m[sg[7]]);
        G(0, 5, 10, 15, m[sg[8]], m[sg[9]]);
        G(1, 6, 11, 12, m[sg[10]], m[sg[11]]);
        G(2, 7, 8, 13, m[sg[12]], m[sg[13]]);
        G(3, 4, 9, 14, m[sg[14]], m[sg[15]]);
    }
#undef G
#undef ROTR
    for (int i = 0; i < 8; i++)
        s->h[i] ^= v[i] ^ v[i + 8];
}

static void count(struct Blake2 *s, size_t n)
{
    uint64_t mask = s->wide ? ~(uint64_t)0 : 0xffffffffu;
    uint64_t old = s->t[0];
    s->t[0] = (s->t[0] + n) & mask;
    if (s->t[0] < old)
        s->t[1] = (s->t[1] + 1) & mask;
}

static void b_update(void *state, const unsigned char *p, size_t n)
{
    struct Blake2 *s = state;
    size_t block = block_of(s->wide);
    /* The last block is kept back: final() compresses it with the flag. */
    while (n) {
        if (s->buflen == block) {
            count(s, block);
            compress(s, s->buf, false);
            s->buflen = 0;
        }
        size_t k = block - s->buflen < n ? block - s->buflen : n;
        memcpy(s->buf + s->buflen, p, k);
        s->buflen += (uint32_t)k;
        p += k;
        n -= k;
    }
}

static void b_final(const void *state, unsigned char *out, size_t n)
{
    struct Blake2 s;
    memcpy(&s, state, sizeof s);
    count(&s, s.buflen);
    memset(s.buf + s.buflen, 0, block_of(s.wide) - s.buflen);
    compress(&s, s.buf, true);
    size_t w = word_of(s.wide);
    for (size_t i = 0; i < n; i++)
        out[i] = (unsigned char)(s.h[i / w] >> (8 * (i % w)));
}

static size_t b_size(const void *state)
{
    return ((const struct Blake2 *)state)->outlen;
}

static void b_init(void *state, const HashAlgo *algo)
{
    (void)state;
    (void)algo;
}

_Static_assert(sizeof(struct Blake2) <= HASH_STATE_MAX, "BLAKE2 state too large");

static const HashAlgo algos[2] = {
    { "blake2b", 64, 128, b_init, b_update, b_final, b_size },
    { "blake2s", 32, 64, b_init, b_update, b_final, b_size },
};

static Type *types[2];

static int bytes_param(Object *v, const char *what, size_t max, unsigned char *out, size_t *n)
{
    *n = 0;
    if (!v)
        return 0;
    Buffer b;
    if (buffer_get(v, &b, false) < 0)
        return -1;
    if (b.len > max) {
        raise(vm.e_ValueError, "maximum %s length is %zu bytes", what, max);
        return -1;
    }
    memcpy(out, b.data, b.len);
    *n = b.len;
    return 0;
}

static int int_param(Object *v, int64_t dflt, int64_t *out)
{
    *out = dflt;
    return v ? os_arg_int(v, out) : 0;
}

static Object *blake2_new(Object *cls, Object *const *args, size_t nargs, Object *kw, int which)
{
    static const char *const names[] = { "", "digest_size", "key", "salt", "person", "fanout",
                                         "depth", "leaf_size", "node_offset", "node_depth",
                                         "inner_size", "last_node", "usedforsecurity", NULL };
    const HashAlgo *algo = &algos[which];
    bool wide = which == 0;
    size_t maxd = algo->digest_size, saltmax = wide ? 16 : 8;
    Object *a[13];
    if (args_parse(algo->name, args, nargs, kw, names, 0, 1, a) < 0)
        return NULL;
    int64_t dsize, fanout, depth, leaf, offset, ndepth, inner;
    unsigned char key[64], salt[16], person[16];
    size_t nkey, nsalt, nperson;
    if (int_param(a[1], (int64_t)maxd, &dsize) < 0)
        return NULL;
    if (dsize < 1 || dsize > (int64_t)maxd)
        return raise(vm.e_ValueError, "digest_size must be between 1 and %zu bytes", maxd);
    if (bytes_param(a[2], "key", maxd, key, &nkey) < 0
        || bytes_param(a[3], "salt", saltmax, salt, &nsalt) < 0
        || bytes_param(a[4], "person", saltmax, person, &nperson) < 0)
        return NULL;
    if (int_param(a[5], 1, &fanout) < 0)
        return NULL;
    if (fanout < 0 || fanout > 255)
        return raise(vm.e_ValueError, "fanout must be between 0 and 255");
    if (int_param(a[6], 1, &depth) < 0)
        return NULL;
    if (depth <= 0 || depth > 255)
        return raise(vm.e_ValueError, "depth must be between 1 and 255");
    if (int_param(a[7], 0, &leaf) < 0)
        return NULL;
    if (leaf < 0)
        return raise(vm.e_ValueError, "value must be positive");
    if (leaf > 0xffffffffLL)
        return raise(vm.e_OverflowError, "leaf_size is too large");
    if (int_param(a[8], 0, &offset) < 0)
        return NULL;
    if (offset < 0)
        return raise(vm.e_ValueError, "value must be positive");
    if (!wide && offset > 0xffffffffffffLL)
        return raise(vm.e_OverflowError, "node_offset is too large");
    if (int_param(a[9], 0, &ndepth) < 0)
        return NULL;
    if (ndepth < 0 || ndepth > 255)
        return raise(vm.e_ValueError, "node_depth must be between 0 and 255");
    if (int_param(a[10], 0, &inner) < 0)
        return NULL;
    if (inner < 0 || inner > (int64_t)maxd)
        return raise(vm.e_ValueError, "inner_size must be between 0 and is %zu", maxd);
    int last = a[11] ? obj_truth(a[11]) : 0;
    if (last < 0)
        return NULL;

    /* The parameter block, XORed into the initial value. */
    unsigned char p[64] = { 0 };
    p[0] = (unsigned char)dsize;
    p[1] = (unsigned char)nkey;
    p[2] = (unsigned char)fanout;
    p[3] = (unsigned char)depth;
    for (int i = 0; i < 4; i++)
        p[4 + i] = (unsigned char)(leaf >> (8 * i));
    for (int i = 0; i < (wide ? 8 : 6); i++)
        p[8 + i] = (unsigned char)((uint64_t)offset >> (8 * i));
    p[wide ? 16 : 14] = (unsigned char)ndepth;
    p[wide ? 17 : 15] = (unsigned char)inner;
    memcpy(p + (wide ? 32 : 16), salt, nsalt);
    memcpy(p + (wide ? 48 : 24), person, nperson);
    uint64_t state[HASH_STATE_MAX / 8];
    memset(state, 0, sizeof state);
    struct Blake2 *s = (struct Blake2 *)state;
    s->wide = wide;
    s->outlen = (uint32_t)dsize;
    s->last_node = last;
    for (int i = 0; i < 8; i++)
        s->h[i] = iv(wide, i) ^ load_word(p + (size_t)i * word_of(wide), word_of(wide));
    if (nkey) {
        unsigned char block[128] = { 0 };
        memcpy(block, key, nkey);
        b_update(s, block, block_of(wide));
    }
    return hash_new_state((Type *)cls, algo, state, a[0]);
}

static Object *new_b(Object *cls, Object *const *a, size_t n, Object *kw)
{
    return blake2_new(cls, a, n, kw, 0);
}

static Object *new_s(Object *cls, Object *const *a, size_t n, Object *kw)
{
    return blake2_new(cls, a, n, kw, 1);
}

Object *blake2_module_init(void)
{
    if (!types[0])
        /* The globals name committed objects: set under inevitability. */
        os_irreversible("blake2 types");
    /* Checked again: inevitable transactions run one at a time, and
       another thread may have made them while this one waited. */
    if (!types[0]) {
        Type *made[2] = { hash_type("_blake2", &algos[0], new_b),
                          hash_type("_blake2", &algos[1], new_s) };
        for (int i = 0; i < 2; i++) {
            Object *d = made[i]->dict;
            dict_set_cstr(d, "SALT_SIZE", make_small(i ? 8 : 16));
            dict_set_cstr(d, "PERSON_SIZE", make_small(i ? 8 : 16));
            dict_set_cstr(d, "MAX_KEY_SIZE", make_small(i ? 32 : 64));
            dict_set_cstr(d, "MAX_DIGEST_SIZE", make_small(i ? 32 : 64));
        }
        /* types[0] last: other threads take it set for both made. */
        stm_add_root((stm_obj **)&types[1]);
        types[1] = made[1];
        stm_add_root((stm_obj **)&types[0]);
        types[0] = made[0];
    }
    Object *m = os_module_new("_blake2", NULL);
    if (!m)
        return NULL;
    os_module_add(m, "blake2b", (Object *)types[0]);
    os_module_add(m, "blake2s", (Object *)types[1]);
    os_module_add_int(m, "BLAKE2B_SALT_SIZE", 16);
    os_module_add_int(m, "BLAKE2B_PERSON_SIZE", 16);
    os_module_add_int(m, "BLAKE2B_MAX_KEY_SIZE", 64);
    os_module_add_int(m, "BLAKE2B_MAX_DIGEST_SIZE", 64);
    os_module_add_int(m, "BLAKE2S_SALT_SIZE", 8);
    os_module_add_int(m, "BLAKE2S_PERSON_SIZE", 8);
    os_module_add_int(m, "BLAKE2S_MAX_KEY_SIZE", 32);
    os_module_add_int(m, "BLAKE2S_MAX_DIGEST_SIZE", 32);
    return m;
}
