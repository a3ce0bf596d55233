/* round(x, n) goes through the decimal string, as CPython does, so that
 * round(2.675, 2) is 2.67 (the double is below 2.675). */
#include "vm/float_round.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/c_locale.h"

/* Beyond these, x rounds to itself or to a signed zero: 10**-324 is below
 * the smallest subnormal, 10**309 above the largest double (CPython's
 * bounds, from log10(2) ~ 0.30103). */
enum { NDIGITS_MAX = 323, NDIGITS_MIN = -308 };

static int read_back(const char *s, double *out)
{
    double v = c_strtod(s);
    if (isinf(v))
        return FLOAT_ROUND_OVERFLOW;
    *out = v;
    return FLOAT_ROUND_OK;
}

/* Rounding to 10**k, k > 0: the integer part printed by "%.0f" is exact,
 * and whether a fraction remains only matters to break ties. */
static int round_to_tens(double x, int k, double *out)
{
    double ax = fabs(x), whole = trunc(ax);
    bool fraction = ax != whole;
    char s[400];
    int len = snprintf(s + 1, sizeof s - 32, "%.0f", whole);
    s[0] = '0';     /* room for a carry */
    int keep = len - k;
    if (keep < 0) {
        *out = copysign(0.0, x);
        return FLOAT_ROUND_OK;
    }
    char *first_dropped = s + 1 + keep;
    bool above_half = fraction || strspn(first_dropped + 1, "0") != (size_t)(k - 1);
    bool up = *first_dropped > '5' || (*first_dropped == '5' && (above_half || (s[keep] - '0') % 2));
    if (up) {
        int i = keep;
        while (s[i] == '9')
            s[i--] = '0';
        s[i]++;
    }
    snprintf(first_dropped, 32, "e%d", k);
    if (signbit(x)) {
        memmove(s + 1, s, strlen(s) + 1);
        s[0] = '-';
    }
    return read_back(s, out);
}

int float_round(double x, int64_t ndigits, double *out)
{
    if (!isfinite(x) || ndigits > NDIGITS_MAX) {
        *out = x;
        return FLOAT_ROUND_OK;
    }
    if (ndigits < NDIGITS_MIN) {
        *out = 0.0 * x;
        return FLOAT_ROUND_OK;
    }
    if (ndigits < 0)
        return round_to_tens(x, (int)-ndigits, out);
    int len = c_snprintf_prec(NULL, 0, "%.*f", (int)ndigits, x);
    char *s = malloc((size_t)len + 1);
    if (!s)
        return FLOAT_ROUND_NO_MEMORY;
    c_snprintf_prec(s, (size_t)len + 1, "%.*f", (int)ndigits, x);
    int rc = read_back(s, out);
    free(s);
    return rc;
}

double float_round_half_even(double x)
{
    double r = round(x);
    if (fabs(x - r) == 0.5)
        r = 2.0 * round(x / 2.0);
    return r;
}
