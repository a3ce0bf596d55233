/* float(str): the grammar is checked here, then glibc's strtod (correctly
 * rounded) converts the literal with the underscores taken out. */
#include "vm/float_parse.h"

#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "vm/c_locale.h"

static bool is_space(char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* The words float() accepts after an optional sign. */
static bool parse_special(const char *s, size_t n, double *out)
{
    bool neg = false;
    if (n > 0 && (*s == '+' || *s == '-')) {
        neg = *s == '-';
        s++;
        n--;
    }
    double v;
    if ((n == 3 && strncasecmp(s, "inf", 3) == 0) || (n == 8 && strncasecmp(s, "infinity", 8) == 0))
        v = INFINITY;
    else if (n == 3 && strncasecmp(s, "nan", 3) == 0)
        v = NAN;
    else
        return false;
    *out = neg ? copysign(v, -1.0) : v;
    return true;
}

static size_t skip_digits(const char *s, size_t i, size_t n)
{
    while (i < n && is_digit(s[i]))
        i++;
    return i;
}

/* Whether s[0..n) (underscores removed) is a decimal literal. */
static bool is_decimal_literal(const char *s, size_t n)
{
    size_t i = 0;
    if (i < n && (s[i] == '+' || s[i] == '-'))
        i++;
    size_t int_start = i;
    i = skip_digits(s, i, n);
    size_t ndigits = i - int_start;
    if (i < n && s[i] == '.') {
        size_t frac_start = ++i;
        i = skip_digits(s, i, n);
        ndigits += i - frac_start;
    }
    if (ndigits == 0)
        return false;
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        if (i < n && (s[i] == '+' || s[i] == '-'))
            i++;
        size_t exp_start = i;
        i = skip_digits(s, i, n);
        if (i == exp_start)
            return false;
    }
    return i == n;
}

int float_from_string(const char *s, size_t len, double *out)
{
    const char *end = s + len;
    while (s < end && is_space(*s))
        s++;
    while (end > s && is_space(end[-1]))
        end--;
    size_t n = (size_t)(end - s);
    if (n == 0)
        return -1;
    if (parse_special(s, n, out))
        return 0;

    char small[128];
    char *buf = n < sizeof small ? small : malloc(n + 1);
    if (!buf)
        return -1;
    size_t k = 0;
    int rc = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] != '_') {
            buf[k++] = s[i];
        } else if (i == 0 || i + 1 == n || !is_digit(s[i - 1]) || !is_digit(s[i + 1])) {
            rc = -1;
            break;
        }
    }
    buf[k] = '\0';
    if (rc == 0 && is_decimal_literal(buf, k))
        *out = c_strtod(buf);
    else
        rc = -1;
    if (buf != small)
        free(buf);
    return rc;
}
