/* Helpers shared by the bigint_*.c files; not part of the API. */
#ifndef STMPY_BIGINT_INTERNAL_H
#define STMPY_BIGINT_INTERNAL_H

#include "bigint.h"

#include <stdlib.h>
#include <string.h>

#define BIGINT_LIMB_BITS GMP_NUMB_BITS

static inline size_t bigint_normalized(const mp_limb_t *d, size_t n)
{
    while (n > 0 && d[n - 1] == 0)
        n--;
    return n;
}

/* Sets r's length from its first n limbs and its sign from sign (when the
** value is nonzero). */
static inline void bigint_finish(bigint_mut *r, size_t n, int sign)
{
    r->n = bigint_normalized(r->d, n);
    r->sign = r->n ? sign : 0;
}

static inline void bigint_set_mpz(bigint_mut *r, const mpz_t z)
{
    size_t n = mpz_size(z);
    if (n)
        memcpy(r->d, mpz_limbs_read(z), n * sizeof(mp_limb_t));
    r->n = n;
    r->sign = mpz_sgn(z);
}

/* A read-only mpz over a's limbs, for GMP's mpz functions. */
static inline mpz_srcptr bigint_mpz_view(mpz_t z, bigint_t a)
{
    return mpz_roinit_n(z, a.d, a.sign < 0 ? -(mp_size_t)a.n : (mp_size_t)a.n);
}

/* |a| compared with |b|. */
static inline int bigint_cmp_abs(const mp_limb_t *a, size_t an,
                                 const mp_limb_t *b, size_t bn)
{
    if (an != bn)
        return an < bn ? -1 : 1;
    int c = an ? mpn_cmp(a, b, an) : 0;
    return (c > 0) - (c < 0);
}

/* dst = src << count for a normalized src of n limbs; dst has room for
** n + count / BIGINT_LIMB_BITS + 1 limbs.  Returns the normalized length. */
static inline size_t bigint_shl_limbs(mp_limb_t *dst, const mp_limb_t *src,
                                      size_t n, uint64_t count)
{
    if (n == 0)
        return 0;
    size_t whole = count / BIGINT_LIMB_BITS;
    unsigned bits = count % BIGINT_LIMB_BITS;
    memset(dst, 0, whole * sizeof(mp_limb_t));
    if (bits)
        dst[whole + n] = mpn_lshift(dst + whole, src, n, bits);
    else {
        memcpy(dst + whole, src, n * sizeof(mp_limb_t));
        dst[whole + n] = 0;
    }
    return bigint_normalized(dst, whole + n + 1);
}

/* Scratch limbs: small requests stay on the stack, the rest is malloc'ed. */
#define BIGINT_TMP_SMALL 32
typedef struct bigint_tmp {
    mp_limb_t *p;
    mp_limb_t small[BIGINT_TMP_SMALL];
} bigint_tmp;

static inline mp_limb_t *bigint_tmp_get(bigint_tmp *t, size_t n)
{
    if (n <= BIGINT_TMP_SMALL)
        t->p = t->small;
    else if (n > SIZE_MAX / sizeof(mp_limb_t))
        t->p = NULL;
    else
        t->p = malloc(n * sizeof(mp_limb_t));
    return t->p;
}

static inline void bigint_tmp_free(bigint_tmp *t)
{
    if (t->p != t->small)
        free(t->p);
}

#endif
