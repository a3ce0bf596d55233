#include "vm/float_hex.h"

#include <limits.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "vm/float_repr.h"

int float_to_hex(struct TextBuf *out, double x)
{
    if (!isfinite(x))
        return float_repr(out, x);
    const char *sign = signbit(x) ? "-" : "";
    if (x == 0) {
        char buf[16];
        snprintf(buf, sizeof buf, "%s0x0.0p+0", sign);
        return textbuf_append_str(out, buf);
    }
    uint64_t bits;
    memcpy(&bits, &x, sizeof bits);
    int biased = (int)((bits >> 52) & 0x7FF);
    uint64_t frac = bits & ((UINT64_C(1) << 52) - 1);
    /* Subnormals keep the exponent of the smallest normal, lead digit 0. */
    int lead = biased != 0;
    int exp = biased ? biased - 1023 : -1022;
    char buf[48];
    snprintf(buf, sizeof buf, "%s0x%d.%013llxp%+d", sign, lead, (unsigned long long)frac, exp);
    return textbuf_append_str(out, buf);
}

static bool is_space(char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

static int hex_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Accepts the same words as float(), but as a prefix: returns their
 * length, or 0. */
static size_t parse_special(const char *s, size_t n, double *out)
{
    size_t i = 0;
    bool neg = false;
    if (i < n && (s[i] == '+' || s[i] == '-'))
        neg = s[i++] == '-';
    double v;
    if (n - i >= 3 && strncasecmp(s + i, "inf", 3) == 0) {
        i += 3;
        if (n - i >= 5 && strncasecmp(s + i, "inity", 5) == 0)
            i += 5;
        v = INFINITY;
    } else if (n - i >= 3 && strncasecmp(s + i, "nan", 3) == 0) {
        i += 3;
        v = NAN;
    } else {
        return 0;
    }
    *out = neg ? copysign(v, -1.0) : v;
    return i;
}

/* Reads a decimal exponent, saturating far beyond any useful value. */
static long read_exponent(const char *s, size_t *i, size_t n)
{
    bool neg = false;
    if (*i < n && (s[*i] == '+' || s[*i] == '-'))
        neg = s[(*i)++] == '-';
    long e = 0;
    while (*i < n && s[*i] >= '0' && s[*i] <= '9') {
        if (e < LONG_MAX / 16)
            e = e * 10 + (s[*i] - '0');
        (*i)++;
    }
    return neg ? -e : e;
}

/* value = mant * 2**exp2 (with sticky: some nonzero bits below mant),
 * rounded half-even to a double. */
static int round_to_double(uint64_t mant, bool sticky, long exp2, double *out)
{
    /* Normalise so that bit 63 is the top bit. */
    int lz = __builtin_clzll(mant);
    mant <<= lz;
    exp2 -= lz;
    long top = exp2 + 64;           /* value in [2**(top-1), 2**top) */
    if (top > 1024)
        return FLOAT_FROMHEX_OVERFLOW;
    /* The result's last bit: 53 bits below the top, but no lower than the
     * subnormal spacing 2**-1074. */
    long lsb = (top < -1021 ? -1021 : top) - 53;
    long drop = lsb - exp2;         /* low bits of mant to round away */
    if (drop > 64) {
        *out = 0.0;
        return FLOAT_FROMHEX_OK;
    }
    uint64_t kept, rest;
    bool half, below;
    if (drop == 64) {
        kept = 0;
        half = mant >> 63;
        below = (mant << 1) != 0 || sticky;
    } else {
        kept = mant >> drop;
        rest = mant & ((UINT64_C(1) << drop) - 1);
        half = drop > 0 && (rest >> (drop - 1)) & 1;
        below = (drop > 1 && (rest & ((UINT64_C(1) << (drop - 1)) - 1))) || sticky;
    }
    if (half && (below || (kept & 1)))
        kept++;
    double v = ldexp((double)kept, (int)lsb);
    if (isinf(v))
        return FLOAT_FROMHEX_OVERFLOW;
    *out = v;
    return FLOAT_FROMHEX_OK;
}

int float_from_hex(const char *s, size_t len, double *out)
{
    size_t i = 0, n = len;
    while (i < n && is_space(s[i]))
        i++;
    while (n > i && is_space(s[n - 1]))
        n--;
    double special;
    size_t sl = parse_special(s + i, n - i, &special);
    if (sl) {
        if (i + sl != n)
            return FLOAT_FROMHEX_INVALID;
        *out = special;
        return FLOAT_FROMHEX_OK;
    }

    bool neg = false;
    if (i < n && (s[i] == '+' || s[i] == '-'))
        neg = s[i++] == '-';
    if (n - i >= 2 && s[i] == '0' && (s[i + 1] == 'x' || s[i + 1] == 'X'))
        i += 2;

    /* The first 16 significant hex digits go in mant; later nonzero ones
     * only matter as a sticky bit for rounding. */
    uint64_t mant = 0;
    bool sticky = false, seen_point = false;
    long ndigits = 0, sig = 0, point_shift = 0;
    for (; i < n; i++) {
        if (s[i] == '.' && !seen_point) {
            seen_point = true;
            continue;
        }
        int v = hex_value(s[i]);
        if (v < 0)
            break;
        ndigits++;
        if (seen_point)
            point_shift += 4;
        if (sig == 0 && v == 0)
            continue;
        if (sig < 16) {
            mant = mant << 4 | (uint64_t)v;
        } else {
            sticky |= v != 0;
            point_shift -= 4;
        }
        sig++;
    }
    if (ndigits == 0)
        return FLOAT_FROMHEX_INVALID;
    long exp = 0;
    if (i < n && (s[i] == 'p' || s[i] == 'P')) {
        i++;
        size_t start = i + (i < n && (s[i] == '+' || s[i] == '-'));
        if (start >= n || s[start] < '0' || s[start] > '9')
            return FLOAT_FROMHEX_INVALID;
        exp = read_exponent(s, &i, n);
    }
    if (i != n)
        return FLOAT_FROMHEX_INVALID;

    double v = 0.0;
    if (mant != 0) {
        int rc = round_to_double(mant, sticky, exp - point_shift, &v);
        if (rc != FLOAT_FROMHEX_OK)
            return rc;
    }
    *out = neg ? -v : v;
    return FLOAT_FROMHEX_OK;
}
