/*
** The _sha3 module: SHA3-224/256/384/512 and SHAKE128/256 (FIPS 202) on
** the Keccak-f[1600] permutation, for hashlib.  The state is 25 lanes,
** absorbed a rate's worth of bytes at a time; the domain bits (0x06 for
** SHA3, 0x1f for SHAKE) and the final 0x80 pad the last block.
*/
#include <string.h>

#include "vm/hash_object.h"
#include "vm/mod_os.h"

struct Keccak {
    uint64_t lane[25];
    unsigned char buf[200];     /* the bytes of the block being filled */
    uint32_t used, rate;
    unsigned char suffix;
};

static const uint64_t round_consts[24] = {
    0x0000000000000001ULL, 0x0000000000008082ULL, 0x800000000000808aULL,
    0x8000000080008000ULL, 0x000000000000808bULL, 0x0000000080000001ULL,
    0x8000000080008081ULL, 0x8000000000008009ULL, 0x000000000000008aULL,
    0x0000000000000088ULL, 0x0000000080008009ULL, 0x000000008000000aULL,
    0x000000008000808bULL, 0x800000000000008bULL, 0x8000000000008089ULL,
    0x8000000000008003ULL, 0x8000000000008002ULL, 0x8000000000000080ULL,
    0x000000000000800aULL, 0x800000008000000aULL, 0x8000000080008081ULL,
    0x8000000000008080ULL, 0x0000000080000001ULL, 0x8000000080008008ULL,
};

/* Rotation offsets and the lane order of the combined rho and pi steps. */
static const unsigned rho[24] = { 1, 3, 6, 10, 15, 21, 28, 36, 45, 55, 2, 14,
                                  27, 41, 56, 8, 25, 43, 62, 18, 39, 61, 20, 44 };
static const unsigned pi_lane[24] = { 10, 7, 11, 17, 18, 3, 5, 16, 8, 21, 24, 4,
                                      15, 23, 19, 13, 12, 2, 20, 14, 22, 9, 6, 1 };

static uint64_t rotl(uint64_t x, unsigned n) { return (x << n) | (x >> (64 - n)); }

static void keccak_f(uint64_t a[25])
{
    for (int round = 0; round < 24; round++) {
        uint64_t c[5];
        for (int x = 0; x < 5; x++)
            c[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20];
        for (int x = 0; x < 5; x++) {
            uint64_t d = c[(x + 4) % 5] ^ rotl(c[(x + 1) % 5], 1);
            for (int y = 0; y < 25; y += 5)
                a[y + x] ^= d;
        }
        uint64_t t = a[1];
        for (int i = 0; i < 24; i++) {
            uint64_t next = a[pi_lane[i]];
            a[pi_lane[i]] = rotl(t, rho[i]);
            t = next;
        }
        for (int y = 0; y < 25; y += 5) {
            uint64_t row[5];
            memcpy(row, a + y, sizeof row);
            for (int x = 0; x < 5; x++)
                a[y + x] = row[x] ^ (~row[(x + 1) % 5] & row[(x + 2) % 5]);
        }
        a[0] ^= round_consts[round];
    }
}

static void absorb_block(struct Keccak *k)
{
    for (uint32_t i = 0; i < k->rate / 8; i++) {
        uint64_t v = 0;
        for (int b = 7; b >= 0; b--)
            v = (v << 8) | k->buf[8 * i + (uint32_t)b];
        k->lane[i] ^= v;
    }
    keccak_f(k->lane);
    k->used = 0;
}

static void k_update(void *state, const unsigned char *p, size_t n)
{
    struct Keccak *k = state;
    while (n) {
        size_t take = k->rate - k->used < n ? k->rate - k->used : n;
        memcpy(k->buf + k->used, p, take);
        k->used += (uint32_t)take;
        p += take;
        n -= take;
        if (k->used == k->rate)
            absorb_block(k);
    }
}

static void k_final(const void *state, unsigned char *out, size_t n)
{
    struct Keccak k;
    memcpy(&k, state, sizeof k);
    memset(k.buf + k.used, 0, k.rate - k.used);
    k.buf[k.used] ^= k.suffix;
    k.buf[k.rate - 1] ^= 0x80;
    absorb_block(&k);
    /* Squeeze: a rate's worth of the state at a time. */
    for (size_t done = 0; done < n;) {
        for (uint32_t i = 0; i < k.rate && done < n; i++, done++)
            out[done] = (unsigned char)(k.lane[i / 8] >> (8 * (i % 8)));
        if (done < n)
            keccak_f(k.lane);
    }
}

static void k_init(void *state, const HashAlgo *algo)
{
    struct Keccak *k = state;
    memset(k, 0, sizeof *k);
    k->rate = algo->block_size;
    k->suffix = algo->digest_size ? 0x06 : 0x1f;
}

_Static_assert(sizeof(struct Keccak) <= HASH_STATE_MAX, "Keccak state too large");

#define SHA3(name, digest, rate) { name, digest, rate, k_init, k_update, k_final, NULL }
static const HashAlgo algos[6] = {
    SHA3("sha3_224", 28, 144), SHA3("sha3_256", 32, 136), SHA3("sha3_384", 48, 104),
    SHA3("sha3_512", 64, 72), SHA3("shake_128", 0, 168), SHA3("shake_256", 0, 136),
};

static Type *types[6];

#define CTOR(i)                                                                     \
    static Object *new_##i(Object *cls, Object *const *a, size_t n, Object *kw)     \
    {                                                                               \
        return hash_construct(algos[i].name, (Type *)cls, &algos[i], "data", a, n, kw); \
    }
CTOR(0) CTOR(1) CTOR(2) CTOR(3) CTOR(4) CTOR(5)

Object *sha3_module_init(void)
{
    static CallFn *const ctors[6] = { new_0, new_1, new_2, new_3, new_4, new_5 };
    if (!types[0])
        /* The globals name committed objects: set under inevitability. */
        os_irreversible("sha3 types");
    /* Checked again: inevitable transactions run one at a time, and
       another thread may have made them while this one waited. */
    if (!types[0]) {
        for (int i = 5; i >= 0; i--) {
            stm_add_root((stm_obj **)&types[i]);
            types[i] = hash_type("_sha3", &algos[i], ctors[i]);
        }
    }
    Object *m = os_module_new("_sha3", NULL);
    if (!m)
        return NULL;
    for (int i = 0; i < 6; i++)
        os_module_add(m, algos[i].name, (Object *)types[i]);
    os_module_add(m, "implementation", str_from_cstr("stmpy"));
    os_module_add_int(m, "keccakopt", 64);
    return m;
}
