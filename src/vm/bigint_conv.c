/* Conversions to and from C integers, and hash(). */
#include "bigint_internal.h"

void bigint_from_uint64(bigint_mut *r, uint64_t v)
{
    r->d[0] = v;
    bigint_finish(r, 1, 1);
}

void bigint_from_int64(bigint_mut *r, int64_t v)
{
    /* through uint64 so that INT64_MIN negates without overflow */
    r->d[0] = v < 0 ? -(uint64_t)v : (uint64_t)v;
    bigint_finish(r, 1, v < 0 ? -1 : 1);
}

int bigint_to_int64(bigint_t a, int64_t *out)
{
    if (a.n == 0) {
        *out = 0;
        return BIGINT_OK;
    }
    if (a.n > 1)
        return BIGINT_EOVERFLOW;
    uint64_t m = a.d[0];
    if (a.sign > 0) {
        if (m > INT64_MAX)
            return BIGINT_EOVERFLOW;
        *out = (int64_t)m;
    } else {
        if (m > (uint64_t)INT64_MAX + 1)
            return BIGINT_EOVERFLOW;
        *out = (int64_t)(0 - m);
    }
    return BIGINT_OK;
}

int bigint_to_uint64(bigint_t a, uint64_t *out)
{
    if (a.sign < 0)
        return BIGINT_ENEGUNSIGNED;
    if (a.n > 1)
        return BIGINT_EOVERFLOW;
    *out = a.n ? a.d[0] : 0;
    return BIGINT_OK;
}

int64_t bigint_hash(bigint_t a)
{
    const mp_limb_t modulus = (UINT64_C(1) << 61) - 1;
    if (a.n == 0)
        return 0;
    int64_t h = (int64_t)mpn_mod_1(a.d, a.n, modulus);
    if (a.sign < 0)
        h = -h;
    return h == -1 ? -2 : h;
}
