/* Comparison, addition, subtraction, multiplication, floor division. */
#include "bigint_internal.h"

int bigint_cmp(bigint_t a, bigint_t b)
{
    if (a.sign != b.sign)
        return a.sign < b.sign ? -1 : 1;
    int c = bigint_cmp_abs(a.d, a.n, b.d, b.n);
    return a.sign < 0 ? -c : c;
}

size_t bigint_copy_size(bigint_t a)
{
    return a.n;
}

static void copy_with_sign(bigint_mut *r, bigint_t a, int sign)
{
    if (a.n)
        memcpy(r->d, a.d, a.n * sizeof(mp_limb_t));
    r->n = a.n;
    r->sign = sign;
}

void bigint_neg(bigint_mut *r, bigint_t a)
{
    copy_with_sign(r, a, -a.sign);
}

void bigint_abs(bigint_mut *r, bigint_t a)
{
    copy_with_sign(r, a, a.sign != 0);
}

size_t bigint_add_size(size_t an, size_t bn)
{
    return (an > bn ? an : bn) + 1;
}

/* a + b where b's sign is given separately, so that sub is add of -b. */
static void add_signed(bigint_mut *r, bigint_t a, bigint_t b, int bsign)
{
    if (b.n == 0) {
        copy_with_sign(r, a, a.sign);
        return;
    }
    if (a.n == 0) {
        copy_with_sign(r, b, bsign);
        return;
    }
    int asign = a.sign;
    if (asign == bsign) {
        if (a.n < b.n) {
            bigint_t t = a; a = b; b = t;
        }
        r->d[a.n] = mpn_add(r->d, a.d, a.n, b.d, b.n);
        bigint_finish(r, a.n + 1, asign);
        return;
    }
    int c = bigint_cmp_abs(a.d, a.n, b.d, b.n);
    if (c == 0) {
        r->n = 0;
        r->sign = 0;
        return;
    }
    if (c < 0) {
        bigint_t t = a; a = b; b = t;
        asign = bsign;
    }
    mpn_sub(r->d, a.d, a.n, b.d, b.n);
    bigint_finish(r, a.n, asign);
}

void bigint_add(bigint_mut *r, bigint_t a, bigint_t b)
{
    add_signed(r, a, b, b.sign);
}

void bigint_sub(bigint_mut *r, bigint_t a, bigint_t b)
{
    add_signed(r, a, b, -b.sign);
}

size_t bigint_mul_size(size_t an, size_t bn)
{
    return an + bn;
}

void bigint_mul(bigint_mut *r, bigint_t a, bigint_t b)
{
    if (a.n == 0 || b.n == 0) {
        r->n = 0;
        r->sign = 0;
        return;
    }
    if (a.n < b.n) {
        bigint_t t = a; a = b; b = t;
    }
    if (a.d == b.d && a.n == b.n)
        mpn_sqr(r->d, a.d, a.n);
    else
        mpn_mul(r->d, a.d, a.n, b.d, b.n);
    bigint_finish(r, a.n + b.n, a.sign * b.sign);
}

size_t bigint_floordiv_size(size_t an, size_t bn)
{
    /* one limb more than the truncated quotient, for the floor's +1 */
    return an >= bn ? an - bn + 2 : 2;
}

size_t bigint_mod_size(size_t an, size_t bn)
{
    return bn;
}

/* Truncated division of magnitudes, then the floor correction: when the
** signs differ and the remainder is nonzero, q grows by one in magnitude
** and r becomes |b| - r. */
static int divmod_impl(bigint_mut *q, bigint_mut *r, bigint_t a, bigint_t b)
{
    bigint_tmp qt, rt;
    qt.p = qt.small;
    rt.p = rt.small;
    mp_limb_t *qd = q ? q->d : bigint_tmp_get(&qt, bigint_floordiv_size(a.n, b.n));
    mp_limb_t *rd = r ? r->d : bigint_tmp_get(&rt, b.n);
    if (!qd || !rd) {
        bigint_tmp_free(&qt);
        bigint_tmp_free(&rt);
        return BIGINT_ENOMEM;
    }
    size_t qn;
    if (a.n >= b.n) {
        qn = a.n - b.n + 1;
        mpn_tdiv_qr(qd, rd, 0, a.d, a.n, b.d, b.n);
    } else {
        qn = 1;
        qd[0] = 0;
        if (a.n)
            memcpy(rd, a.d, a.n * sizeof(mp_limb_t));
        memset(rd + a.n, 0, (b.n - a.n) * sizeof(mp_limb_t));
    }
    size_t rn = bigint_normalized(rd, b.n);
    int qsign = a.sign * b.sign;
    int rsign = a.sign;
    if (rn && a.sign != b.sign) {
        qd[qn] = mpn_add_1(qd, qd, qn, 1);
        qn++;
        mpn_sub_n(rd, b.d, rd, b.n);
        rn = b.n;
        rsign = b.sign;
    }
    if (q)
        bigint_finish(q, qn, qsign);
    if (r)
        bigint_finish(r, rn, rsign);
    bigint_tmp_free(&qt);
    bigint_tmp_free(&rt);
    return BIGINT_OK;
}

int bigint_divmod(bigint_mut *q, bigint_mut *r, bigint_t a, bigint_t b)
{
    if (b.n == 0)
        return BIGINT_EDIVZERO;
    return divmod_impl(q, r, a, b);
}

int bigint_floordiv(bigint_mut *q, bigint_t a, bigint_t b)
{
    if (b.n == 0)
        return BIGINT_EDIVZERO;
    return divmod_impl(q, NULL, a, b);
}

int bigint_mod(bigint_mut *r, bigint_t a, bigint_t b)
{
    if (b.n == 0)
        return BIGINT_EMODZERO;
    return divmod_impl(NULL, r, a, b);
}
