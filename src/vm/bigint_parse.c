/* text -> int, as int(str, base). */
#include "bigint_internal.h"

static bool is_space(char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

/* 0-35 for a digit or letter, 36 for anything else: never below a base. */
static unsigned digit_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z')
        return c - 'A' + 10;
    return 36;
}

size_t bigint_from_str_size(size_t len, int base)
{
    unsigned bits_per_digit = 1;
    while ((1 << bits_per_digit) < (base ? base : 16))
        bits_per_digit++;
    if (len > SIZE_MAX / 8)
        return SIZE_MAX;
    return len / BIGINT_LIMB_BITS * bits_per_digit
           + (len % BIGINT_LIMB_BITS * bits_per_digit) / BIGINT_LIMB_BITS + 2;
}

/* The base named by a "0x", "0o" or "0b" prefix at p, or 0. */
static int prefix_base(const char *p, const char *end)
{
    if (end - p < 2 || p[0] != '0')
        return 0;
    char c = p[1] | 0x20;
    return c == 'x' ? 16 : c == 'o' ? 8 : c == 'b' ? 2 : 0;
}

/* Digits from [p, end), underscores already validated, into r. */
static int convert(bigint_mut *r, const char *p, const char *end, size_t digits,
                   int base)
{
    unsigned char small[128];
    unsigned char *vals = digits <= sizeof small ? small : malloc(digits);
    if (!vals)
        return BIGINT_ENOMEM;
    size_t n = 0;
    for (; p < end; p++) {
        if (*p == '_' || (n == 0 && *p == '0'))
            continue;
        vals[n++] = digit_value(*p);
    }
    r->n = n ? mpn_set_str(r->d, vals, n, base) : 0;
    if (vals != small)
        free(vals);
    return BIGINT_OK;
}

/* The order of the checks is CPython's, so that a string that is both too
** long and invalid gives the same error: bad underscores, then the digit
** limit, then everything else. */
int bigint_from_str(bigint_mut *r, const char *s, size_t len, int base,
                    size_t max_digits, size_t *ndigits)
{
    if (base != 0 && (base < 2 || base > 36))
        return BIGINT_EBASE;
    const char *p = s, *end = s + len;
    while (p < end && is_space(*p))
        p++;
    int sign = 1;
    if (p < end && (*p == '+' || *p == '-'))
        sign = *p++ == '-' ? -1 : 1;
    /* base 0 takes "010" for an old octal literal: invalid unless zero */
    bool error_if_nonzero = false;
    if (base == 0) {
        base = p < end && *p == '0' ? prefix_base(p, end) : 10;
        if (base == 0) {
            base = 10;
            error_if_nonzero = true;
        }
    }
    if (prefix_base(p, end) == base) {
        p += 2;
        if (p < end && *p == '_')
            p++;
    }
    if (p < end && *p == '_')
        return BIGINT_EINVALID;
    const char *start = p;
    size_t digits = 0;
    char prev = 0;
    for (; p < end && (digit_value(*p) < (unsigned)base || *p == '_'); p++) {
        if (*p == '_' && prev == '_')
            return BIGINT_EINVALID;
        digits += *p != '_';
        prev = *p;
    }
    if (prev == '_')
        return BIGINT_EINVALID;
    if (ndigits)
        *ndigits = digits;
    if ((base & (base - 1)) != 0 && max_digits > 0 && digits > max_digits)
        return BIGINT_ESTRLIMIT_TO_INT;
    if (digits == 0)
        return BIGINT_EINVALID;
    const char *digits_end = p;
    while (p < end && is_space(*p))
        p++;
    if (p != end)
        return BIGINT_EINVALID;
    int err = convert(r, start, digits_end, digits, base);
    if (err)
        return err;
    if (error_if_nonzero && r->n)
        return BIGINT_EINVALID;
    r->sign = r->n ? sign : 0;
    return BIGINT_OK;
}
