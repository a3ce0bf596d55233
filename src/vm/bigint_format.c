/* int -> text in bases 2 to 36 (str, hex, oct, bin). */
#include "bigint_internal.h"

#include <math.h>

static const char digit_chars[] = "0123456789abcdefghijklmnopqrstuvwxyz";

static bool is_pow2(int base)
{
    return (base & (base - 1)) == 0;
}

size_t bigint_to_str_size(bigint_t a, int base)
{
    if (base < 2 || base > 36)
        return 1;
    /* mpn_get_str wants room for the digits of the largest value of a.n
    ** limbs plus one; one more covers the rounding of the estimate */
    double per_bit = log(2.0) / log((double)base);
    size_t digits = (size_t)((double)a.n * BIGINT_LIMB_BITS * per_bit) + 3;
    return digits + 1 + 2 + 1;      /* sign, prefix, NUL */
}

static const char *prefix_of(int base)
{
    return base == 2 ? "0b" : base == 8 ? "0o" : base == 16 ? "0x" : "";
}

/* A lower bound on the digit count, cheap enough to refuse a huge number
** before converting it.  The small relative margin covers rounding. */
static uint64_t min_digits(bigint_t a, int base)
{
    double per_bit = log(2.0) / log((double)base) * (1.0 - 1e-12);
    return (uint64_t)((double)(bigint_bit_length(a) - 1) * per_bit) + 1;
}

int bigint_to_str(char *buf, size_t *len, bigint_t a, int base, bool prefix,
                  size_t max_digits)
{
    if (base < 2 || base > 36)
        return BIGINT_EBASE;
    bool limited = !is_pow2(base) && max_digits > 0;
    if (limited && a.n && min_digits(a, base) > max_digits)
        return BIGINT_ESTRLIMIT_TO_STR;
    size_t pos = 0;
    if (a.sign < 0)
        buf[pos++] = '-';
    if (prefix) {
        const char *p = prefix_of(base);
        size_t pl = strlen(p);
        memcpy(buf + pos, p, pl);
        pos += pl;
    }
    size_t nd = 1;
    if (a.n == 0) {
        buf[pos] = '0';
    } else {
        /* mpn_get_str clobbers its input for most bases */
        bigint_tmp tmp;
        mp_limb_t *copy = bigint_tmp_get(&tmp, a.n);
        if (!copy)
            return BIGINT_ENOMEM;
        memcpy(copy, a.d, a.n * sizeof(mp_limb_t));
        unsigned char *out = (unsigned char *)buf + pos;
        nd = mpn_get_str(out, base, copy, a.n);
        bigint_tmp_free(&tmp);
        size_t lead = 0;
        while (lead + 1 < nd && out[lead] == 0)
            lead++;
        nd -= lead;
        memmove(out, out + lead, nd);
        if (limited && nd > max_digits)
            return BIGINT_ESTRLIMIT_TO_STR;
        for (size_t i = 0; i < nd; i++)
            out[i] = digit_chars[out[i]];
    }
    buf[pos + nd] = '\0';
    *len = pos + nd;
    return BIGINT_OK;
}
