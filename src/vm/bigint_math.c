/* math.gcd and math.isqrt. */
#include "bigint_internal.h"

size_t bigint_gcd_size(size_t an, size_t bn)
{
    return an > bn ? an : bn;
}

int bigint_gcd(bigint_mut *r, bigint_t a, bigint_t b)
{
    mpz_t za, zb, z;
    mpz_init(z);
    mpz_gcd(z, bigint_mpz_view(za, a), bigint_mpz_view(zb, b));
    bigint_set_mpz(r, z);
    mpz_clear(z);
    return BIGINT_OK;
}

size_t bigint_isqrt_size(size_t an)
{
    return (an + 1) / 2;
}

int bigint_isqrt(bigint_mut *r, bigint_t a)
{
    if (a.sign < 0)
        return BIGINT_EISQRTNEG;
    if (a.n == 0) {
        r->n = 0;
        r->sign = 0;
        return BIGINT_OK;
    }
    mpn_sqrtrem(r->d, NULL, a.d, a.n);
    bigint_finish(r, (a.n + 1) / 2, 1);
    return BIGINT_OK;
}
