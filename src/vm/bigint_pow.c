/* Exponentiation, plain and modular. */
#include "bigint_internal.h"

static bool is_one(bigint_t a)
{
    return a.n == 1 && a.d[0] == 1;
}

size_t bigint_pow_size(bigint_t base, bigint_t exp, const bigint_t *mod)
{
    if (mod)
        return mod->n ? mod->n : 1;
    if (exp.sign <= 0 || base.n == 0 || is_one(base))
        return 1;
    if (exp.n > 1)
        return SIZE_MAX;
    uint64_t bits = bigint_bit_length(base);
    uint64_t max_bits = (SIZE_MAX / sizeof(mp_limb_t) - 2) / 2 * BIGINT_LIMB_BITS;
    if (exp.d[0] > max_bits / bits)
        return SIZE_MAX;
    return bits * exp.d[0] / BIGINT_LIMB_BITS + 2;
}

static int pow_plain(bigint_mut *r, bigint_t base, bigint_t exp)
{
    if (exp.sign < 0)
        return BIGINT_ENEGEXPONENT;
    bool odd = exp.n && (exp.d[0] & 1);
    if (exp.n == 0 || is_one(base)) {
        r->d[0] = 1;
        bigint_finish(r, 1, base.sign < 0 && odd ? -1 : 1);
        return BIGINT_OK;
    }
    if (base.n == 0) {
        r->n = 0;
        r->sign = 0;
        return BIGINT_OK;
    }
    if (bigint_pow_size(base, exp, NULL) == SIZE_MAX)
        return BIGINT_ENOMEM;
    mpz_t z, b;
    mpz_init(z);
    bigint_t mag = {1, base.n, base.d};
    mpz_pow_ui(z, bigint_mpz_view(b, mag), exp.d[0]);
    bigint_set_mpz(r, z);
    mpz_clear(z);
    if (base.sign < 0 && odd)
        r->sign = -1;
    return BIGINT_OK;
}

/* As CPython: a modulus of +-1 gives 0 before the exponent's sign is
** looked at, and a negative modulus moves a nonzero result into (mod, 0]. */
static int pow_mod(bigint_mut *r, bigint_t base, bigint_t exp, bigint_t mod)
{
    if (mod.n == 0)
        return BIGINT_EPOWMODZERO;
    if (is_one(mod)) {
        r->n = 0;
        r->sign = 0;
        return BIGINT_OK;
    }
    mpz_t zb, ze, zm, z;
    bigint_t absmod = {1, mod.n, mod.d}, absexp = {exp.sign != 0, exp.n, exp.d};
    mpz_srcptr m = bigint_mpz_view(zm, absmod);
    mpz_init(z);
    if (exp.sign < 0) {
        if (!mpz_invert(z, bigint_mpz_view(zb, base), m)) {
            mpz_clear(z);
            return BIGINT_ENOTINVERTIBLE;
        }
    } else {
        mpz_mod(z, bigint_mpz_view(zb, base), m);
    }
    mpz_powm(z, z, bigint_mpz_view(ze, absexp), m);
    if (mod.sign < 0 && mpz_sgn(z))
        mpz_sub(z, z, m);
    bigint_set_mpz(r, z);
    mpz_clear(z);
    return BIGINT_OK;
}

int bigint_pow(bigint_mut *r, bigint_t base, bigint_t exp, const bigint_t *mod)
{
    return mod ? pow_mod(r, base, exp, *mod) : pow_plain(r, base, exp);
}
