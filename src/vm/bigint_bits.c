/* Shifts, bitwise operations and bit counts. */
#include "bigint_internal.h"

uint64_t bigint_bit_length(bigint_t a)
{
    if (a.n == 0)
        return 0;
    return (uint64_t)a.n * BIGINT_LIMB_BITS - __builtin_clzll(a.d[a.n - 1]);
}

uint64_t bigint_bit_count(bigint_t a)
{
    return a.n ? mpn_popcount(a.d, a.n) : 0;
}

size_t bigint_lshift_size(bigint_t a, int64_t count)
{
    if (a.n == 0 || count < 0)
        return 0;
    uint64_t whole = (uint64_t)count / BIGINT_LIMB_BITS;
    if (whole >= SIZE_MAX / sizeof(mp_limb_t) - a.n - 1)
        return SIZE_MAX;
    return a.n + whole + 1;
}

int bigint_lshift(bigint_mut *r, bigint_t a, int64_t count)
{
    if (count < 0)
        return BIGINT_ENEGSHIFT;
    r->n = bigint_shl_limbs(r->d, a.d, a.n, (uint64_t)count);
    r->sign = a.sign;
    return BIGINT_OK;
}

size_t bigint_rshift_size(bigint_t a, int64_t count)
{
    uint64_t whole = count < 0 ? 0 : (uint64_t)count / BIGINT_LIMB_BITS;
    return whole >= a.n ? 1 : a.n - whole + 1;
}

/* A negative a shifts as -((|a| >> count) + 1) when any bit shifted out is
** set, which is the floor of a / 2**count. */
int bigint_rshift(bigint_mut *r, bigint_t a, int64_t count)
{
    if (count < 0)
        return BIGINT_ENEGSHIFT;
    size_t whole = (uint64_t)count / BIGINT_LIMB_BITS;
    unsigned bits = (uint64_t)count % BIGINT_LIMB_BITS;
    if (whole >= a.n) {
        r->d[0] = 1;
        bigint_finish(r, a.sign < 0, -1);
        return BIGINT_OK;
    }
    size_t n = a.n - whole;
    mp_limb_t lost = 0;
    if (bits)
        lost = mpn_rshift(r->d, a.d + whole, n, bits);
    else
        memcpy(r->d, a.d + whole, n * sizeof(mp_limb_t));
    r->d[n] = 0;
    if (a.sign < 0) {
        for (size_t i = 0; i < whole && !lost; i++)
            lost = a.d[i];
        if (lost)
            r->d[n] = mpn_add_1(r->d, r->d, n, 1);
    }
    bigint_finish(r, n + 1, a.sign);
    return BIGINT_OK;
}

size_t bigint_bitwise_size(size_t an, size_t bn)
{
    return (an > bn ? an : bn) + 1;
}

enum bitop { BIT_AND, BIT_OR, BIT_XOR };

static inline mp_limb_t apply(enum bitop op, mp_limb_t x, mp_limb_t y)
{
    return op == BIT_AND ? x & y : op == BIT_OR ? x | y : x ^ y;
}

/* Negative operands are turned into two's complement (~|x| + 1) one limb
** at a time, carrying the +1 upwards; a negative result is turned back the
** same way.  The sign extension beyond the longer operand is all ones for
** a negative value, so the top limb of the result is the final carry. */
static void bitwise(bigint_mut *r, bigint_t a, bigint_t b, enum bitop op)
{
    size_t w = a.n > b.n ? a.n : b.n;
    bool na = a.sign < 0, nb = b.sign < 0;
    bool nr = apply(op, na, nb);
    mp_limb_t ca = 1, cb = 1, cr = 1;
    for (size_t i = 0; i < w; i++) {
        mp_limb_t x = i < a.n ? a.d[i] : 0;
        mp_limb_t y = i < b.n ? b.d[i] : 0;
        if (na) {
            x = ~x + ca;
            ca = ca && x == 0;
        }
        if (nb) {
            y = ~y + cb;
            cb = cb && y == 0;
        }
        mp_limb_t z = apply(op, x, y);
        if (nr) {
            z = ~z + cr;
            cr = cr && z == 0;
        }
        r->d[i] = z;
    }
    r->d[w] = nr ? cr : 0;
    bigint_finish(r, w + 1, nr ? -1 : 1);
}

void bigint_and(bigint_mut *r, bigint_t a, bigint_t b)
{
    bitwise(r, a, b, BIT_AND);
}

void bigint_or(bigint_mut *r, bigint_t a, bigint_t b)
{
    bitwise(r, a, b, BIT_OR);
}

void bigint_xor(bigint_mut *r, bigint_t a, bigint_t b)
{
    bitwise(r, a, b, BIT_XOR);
}

size_t bigint_invert_size(size_t an)
{
    return an + 1;
}

void bigint_invert(bigint_mut *r, bigint_t a)
{
    if (a.sign < 0) {
        mpn_sub_1(r->d, a.d, a.n, 1);
        bigint_finish(r, a.n, 1);
    } else if (a.n == 0) {
        r->d[0] = 1;
        bigint_finish(r, 1, -1);
    } else {
        r->d[a.n] = mpn_add_1(r->d, a.d, a.n, 1);
        bigint_finish(r, a.n + 1, -1);
    }
}
