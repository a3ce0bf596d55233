/* Conversions between ints and doubles, and true division. */
#include "bigint_internal.h"

#include <float.h>
#include <math.h>

/* Rounds (m + f) * 2**e to the nearest double, ties to even, where
** 0 <= f < 1 and f != 0 iff sticky.  When sticky is set, m must have at
** least 55 significant bits so that the dropped bits decide the rounding.
** m != 0.  Returns false if the result overflows. */
static bool round_to_double(uint64_t m, bool sticky, int64_t e, double *out)
{
    int64_t top = 63 - __builtin_clzll(m) + e;   /* exponent of the leading bit */
    if (top >= DBL_MAX_EXP)
        return false;
    int64_t lsb = top - (DBL_MANT_DIG - 1);
    if (lsb < DBL_MIN_EXP - DBL_MANT_DIG)
        lsb = DBL_MIN_EXP - DBL_MANT_DIG;        /* subnormal */
    int64_t drop = lsb - e;
    uint64_t q;
    if (drop <= 0) {
        q = m;
        lsb = e;
    } else if (drop < 64) {
        q = m >> drop;
        uint64_t rem = m & ((UINT64_C(1) << drop) - 1);
        uint64_t half = UINT64_C(1) << (drop - 1);
        if (rem > half || (rem == half && (sticky || (q & 1))))
            q++;
    } else {
        uint64_t half = UINT64_C(1) << 63;
        q = drop == 64 && (m > half || (m == half && sticky));
    }
    double r = ldexp((double)q, (int)lsb);
    if (isinf(r))
        return false;
    *out = r;
    return true;
}

int bigint_to_double(bigint_t a, double *out)
{
    if (a.n == 0) {
        *out = 0.0;
        return BIGINT_OK;
    }
    uint64_t bits = bigint_bit_length(a);
    if (bits > DBL_MAX_EXP)
        return BIGINT_EFLOATOVERFLOW;
    uint64_t m;
    bool sticky = false;
    int64_t e = 0;
    if (bits <= 64) {
        m = a.d[0];
    } else {
        /* the top 64 bits, and whether anything below them is set */
        e = bits - 64;
        size_t i = e / 64;
        unsigned sh = e % 64;
        m = sh ? (a.d[i] >> sh) | (a.d[i + 1] << (64 - sh)) : a.d[i];
        sticky = sh && (a.d[i] << (64 - sh)) != 0;
        for (size_t j = 0; j < i && !sticky; j++)
            sticky = a.d[j] != 0;
    }
    double r;
    if (!round_to_double(m, sticky, e, &r))
        return BIGINT_EFLOATOVERFLOW;
    *out = a.sign < 0 ? -r : r;
    return BIGINT_OK;
}

size_t bigint_from_double_size(double v)
{
    if (!isfinite(v))
        return 1;
    int e;
    frexp(v, &e);
    return e > 0 ? (size_t)e / BIGINT_LIMB_BITS + 2 : 1;
}

int bigint_from_double(bigint_mut *r, double v)
{
    if (isnan(v))
        return BIGINT_EFLOATNAN;
    if (isinf(v))
        return BIGINT_EFLOATINF;
    double t = fabs(trunc(v));
    int sign = v < 0 ? -1 : 1;
    if (t < 0x1p64) {
        uint64_t m = (uint64_t)t;
        r->d[0] = m;
        bigint_finish(r, 1, sign);
        return BIGINT_OK;
    }
    int e;
    double f = frexp(t, &e);
    mp_limb_t m = (mp_limb_t)ldexp(f, DBL_MANT_DIG);
    r->n = bigint_shl_limbs(r->d, &m, 1, (uint64_t)e - DBL_MANT_DIG);
    r->sign = sign;
    return BIGINT_OK;
}

/* a / b: scale so that the truncated quotient has 55 or 56 bits, whose
** remainder is the sticky bit, then round once. */
int bigint_truediv(double *out, bigint_t a, bigint_t b)
{
    if (b.n == 0)
        return BIGINT_ETRUEDIVZERO;
    bool negate = (a.sign < 0) != (b.sign < 0);
    int64_t diff = (int64_t)bigint_bit_length(a) - (int64_t)bigint_bit_length(b);
    if (a.n == 0 || diff < DBL_MIN_EXP - DBL_MANT_DIG - 8) {
        *out = negate ? -0.0 : 0.0;
        return BIGINT_OK;
    }
    if (diff > DBL_MAX_EXP)
        return BIGINT_EDIVOVERFLOW;
    int64_t s = 55 - diff;
    uint64_t up = s > 0 ? (uint64_t)s : 0, down = s < 0 ? (uint64_t)-s : 0;
    size_t nmax = a.n + up / BIGINT_LIMB_BITS + 1;
    size_t dmax = b.n + down / BIGINT_LIMB_BITS + 1;
    bigint_tmp tmp;
    mp_limb_t *np = bigint_tmp_get(&tmp, 2 * nmax + 2 * dmax + 1);
    if (!np)
        return BIGINT_ENOMEM;
    mp_limb_t *dp = np + nmax, *qp = dp + dmax, *rp = qp + nmax + 1;
    size_t nn = bigint_shl_limbs(np, a.d, a.n, up);
    size_t dn = bigint_shl_limbs(dp, b.d, b.n, down);
    mp_limb_t q = 0;
    bool sticky = false;
    if (nn >= dn) {
        mpn_tdiv_qr(qp, rp, 0, np, nn, dp, dn);
        q = qp[0];
        sticky = bigint_normalized(rp, dn) != 0;
    }
    bigint_tmp_free(&tmp);
    double r;
    if (!round_to_double(q, sticky, -s, &r))
        return BIGINT_EDIVOVERFLOW;
    *out = negate ? -r : r;
    return BIGINT_OK;
}
