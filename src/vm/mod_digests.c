/*
** The _md5, _sha1 and _sha256 modules (md5, sha1, sha224, sha256) that
** hashlib falls back on: the Merkle-Damgard hashes of 64-byte blocks,
** which differ only in their compression function, their word order and
** their initial values.
*/
#include <string.h>

#include "vm/hash_object.h"
#include "vm/mod_os.h"

struct MD {
    uint32_t h[8];
    uint64_t length;            /* bytes hashed */
    unsigned char block[64];
    uint32_t used;
    bool big_endian;            /* word order: SHA's, or MD5's little-endian */
    void (*compress)(uint32_t h[8], const unsigned char block[64]);
};

static uint32_t rotl(uint32_t x, unsigned n) { return (x << n) | (x >> (32 - n)); }
static uint32_t rotr(uint32_t x, unsigned n) { return (x >> n) | (x << (32 - n)); }

static uint32_t be32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static uint32_t le32(const unsigned char *p)
{
    return (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 | (uint32_t)p[1] << 8 | p[0];
}

/* ---- MD5 (RFC 1321) ------------------------------------------------------------------- */

static void md5_compress(uint32_t h[8], const unsigned char block[64])
{
    static const uint32_t k[64] = {
        0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613,
        0xfd469501, 0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193,
        0xa679438e, 0x49b40821, 0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d,
        0x02441453, 0xd8a1e681, 0xe7d3fbc8, 0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed,
        0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a, 0xfffa3942, 0x8771f681, 0x6d9d6122,
        0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70, 0x289b7ec6, 0xeaa127fa,
        0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665, 0xf4292244,
        0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
        0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb,
        0xeb86d391,
    };
    static const unsigned s[16] = { 7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21 };
    uint32_t m[16];
    for (int i = 0; i < 16; i++)
        m[i] = le32(block + 4 * i);
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3];
    for (unsigned i = 0; i < 64; i++) {
        uint32_t f;
        unsigned g;
        switch (i / 16) {
        case 0: f = (b & c) | (~b & d); g = i; break;
        case 1: f = (d & b) | (~d & c); g = (5 * i + 1) % 16; break;
        case 2: f = b ^ c ^ d; g = (3 * i + 5) % 16; break;
        default: f = c ^ (b | ~d); g = (7 * i) % 16; break;
        }
        uint32_t t = d;
        d = c;
        c = b;
        b = b + rotl(a + f + k[i] + m[g], s[(i / 16) * 4 + i % 4]);
        a = t;
    }
    h[0] += a; h[1] += b; h[2] += c; h[3] += d;
}

/* ---- SHA-1 (FIPS 180-4) --------------------------------------------------------------- */

static void sha1_compress(uint32_t h[8], const unsigned char block[64])
{
    uint32_t w[80];
    for (int i = 0; i < 16; i++)
        w[i] = be32(block + 4 * i);
    for (int i = 16; i < 80; i++)
        w[i] = rotl(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
    for (int i = 0; i < 80; i++) {
        uint32_t f, k;
        if (i < 20) {
            f = (b & c) | (~b & d);
            k = 0x5a827999;
        } else if (i < 40) {
            f = b ^ c ^ d;
            k = 0x6ed9eba1;
        } else if (i < 60) {
            f = (b & c) | (b & d) | (c & d);
            k = 0x8f1bbcdc;
        } else {
            f = b ^ c ^ d;
            k = 0xca62c1d6;
        }
        uint32_t t = rotl(a, 5) + f + e + k + w[i];
        e = d;
        d = c;
        c = rotl(b, 30);
        b = a;
        a = t;
    }
    h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e;
}

/* ---- SHA-256 and SHA-224 (FIPS 180-4) ----------------------------------------------------------- */

static void sha256_compress(uint32_t h[8], const unsigned char block[64])
{
    static const uint32_t k[64] = {
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
        0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
        0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
        0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
        0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
        0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
        0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
        0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
        0xc67178f2,
    };
    uint32_t w[64];
    for (int i = 0; i < 16; i++)
        w[i] = be32(block + 4 * i);
    for (int i = 16; i < 64; i++) {
        uint32_t s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
        uint32_t s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
    for (int i = 0; i < 64; i++) {
        uint32_t t1 = hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + k[i]
                      + w[i];
        uint32_t t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
        hh = g;
        g = f;
        f = e;
        e = d + t1;
        d = c;
        c = b;
        b = a;
        a = t1 + t2;
    }
    h[0] += a; h[1] += b; h[2] += c; h[3] += d;
    h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
}

/* ---- the common padding ---------------------------------------------------------------- */

static void md_update(void *state, const unsigned char *p, size_t n)
{
    struct MD *s = state;
    s->length += n;
    while (n) {
        size_t k = 64 - s->used < n ? 64 - s->used : n;
        memcpy(s->block + s->used, p, k);
        s->used += (uint32_t)k;
        p += k;
        n -= k;
        if (s->used == 64) {
            s->compress(s->h, s->block);
            s->used = 0;
        }
    }
}

static void md_final(const void *state, unsigned char *out, size_t n)
{
    struct MD s;
    memcpy(&s, state, sizeof s);
    uint64_t bits = s.length * 8;
    unsigned char pad[72] = { 0x80 };
    size_t padlen = (s.used < 56 ? 56 : 120) - s.used;
    unsigned char len[8];
    for (int j = 0; j < 8; j++)
        len[j] = (unsigned char)(bits >> (s.big_endian ? 56 - 8 * j : 8 * j));
    md_update(&s, pad, padlen);
    md_update(&s, len, 8);
    for (size_t i = 0; i < n; i++) {
        uint32_t w = s.h[i / 4];
        out[i] = (unsigned char)(w >> (s.big_endian ? 24 - 8 * (i % 4) : 8 * (i % 4)));
    }
}

static void md_init(void *state, const HashAlgo *algo)
{
    static const uint32_t h_md5[4] = { 0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476 };
    static const uint32_t h_sha1[5] = { 0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476,
                                        0xc3d2e1f0 };
    static const uint32_t h_sha224[8] = { 0xc1059ed8, 0x367cd507, 0x3070dd17, 0xf70e5939,
                                          0xffc00b31, 0x68581511, 0x64f98fa7, 0xbefa4fa4 };
    static const uint32_t h_sha256[8] = { 0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                          0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19 };
    struct MD *s = state;
    memset(s, 0, sizeof *s);
    s->big_endian = true;
    switch (algo->digest_size) {
    case 16:
        memcpy(s->h, h_md5, sizeof h_md5);
        s->big_endian = false;
        s->compress = md5_compress;
        break;
    case 20:
        memcpy(s->h, h_sha1, sizeof h_sha1);
        s->compress = sha1_compress;
        break;
    case 28:
        memcpy(s->h, h_sha224, sizeof h_sha224);
        s->compress = sha256_compress;
        break;
    default:
        memcpy(s->h, h_sha256, sizeof h_sha256);
        s->compress = sha256_compress;
        break;
    }
}

_Static_assert(sizeof(struct MD) <= HASH_STATE_MAX, "MD state too large");

static const HashAlgo algos[4] = {
    { "md5", 16, 64, md_init, md_update, md_final, NULL },
    { "sha1", 20, 64, md_init, md_update, md_final, NULL },
    { "sha224", 28, 64, md_init, md_update, md_final, NULL },
    { "sha256", 32, 64, md_init, md_update, md_final, NULL },
};

static Type *types[4];

static void digests_setup(void)
{
    if (types[0])
        return;
    /* The globals name committed objects: set under inevitability. */
    os_irreversible("digest types");
    /* Inevitable transactions run one at a time: another thread may have
       made them while this one waited. */
    if (types[0])
        return;
    /* types[0] last: other threads take it set for all made. */
    for (int i = 3; i >= 0; i--) {
        stm_add_root((stm_obj **)&types[i]);
        types[i] = hash_type(i == 0 ? "_md5" : i == 1 ? "_sha1" : "_sha256", &algos[i], NULL);
    }
}

#define CTOR(fn, i)                                                                    \
    static Object *fn(Object *self, Object *const *a, size_t n, Object *kw)            \
    {                                                                                  \
        return hash_construct(algos[i].name, types[i], &algos[i], "string", a, n, kw); \
    }
CTOR(f_md5, 0) CTOR(f_sha1, 1) CTOR(f_sha224, 2) CTOR(f_sha256, 3)

Object *md5_module_init(void)
{
    static const MethodDef functions[] = { { "md5", f_md5, 0 }, { NULL, NULL, 0 } };
    digests_setup();
    Object *m = os_module_new("_md5", functions);
    if (m)
        os_module_add(m, "MD5Type", (Object *)types[0]);
    return m;
}

Object *sha1_module_init(void)
{
    static const MethodDef functions[] = { { "sha1", f_sha1, 0 }, { NULL, NULL, 0 } };
    digests_setup();
    Object *m = os_module_new("_sha1", functions);
    if (m)
        os_module_add(m, "SHA1Type", (Object *)types[1]);
    return m;
}

Object *sha256_module_init(void)
{
    static const MethodDef functions[] = {
        { "sha224", f_sha224, 0 }, { "sha256", f_sha256, 0 }, { NULL, NULL, 0 },
    };
    digests_setup();
    Object *m = os_module_new("_sha256", functions);
    if (m) {
        os_module_add(m, "SHA224Type", (Object *)types[2]);
        os_module_add(m, "SHA256Type", (Object *)types[3]);
    }
    return m;
}
