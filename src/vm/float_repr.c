/* Decimal conversion of doubles on top of glibc's printf, which is
 * correctly rounded (round-half-even on the exact binary value) at any
 * precision: that is all CPython's dtoa modes 2 and 3 need.  The shortest
 * round-tripping string (dtoa mode 0) is found by trying 1 to 17
 * significant digits. */
#include "vm/float_repr.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/c_locale.h"

/* |x| = 0.s[0..n) * 10**decpt, with no leading or trailing zero in s.
 * Zero is "0" with decpt 1, as dtoa gives it; an empty s means the value
 * rounded to zero, and the caller sets decpt. */
struct digits {
    char *s;
    long n, decpt;
    char small[48];
};

static void digits_free(struct digits *d)
{
    if (d->s != d->small)
        free(d->s);
}

static void digits_trim(struct digits *d)
{
    long lead = 0;
    while (lead < d->n && d->s[lead] == '0')
        lead++;
    memmove(d->s, d->s + lead, (size_t)(d->n - lead));
    d->n -= lead;
    d->decpt -= lead;
    while (d->n > 0 && d->s[d->n - 1] == '0')
        d->n--;
}

/* Runs "%.*e" or "%.*f" and reads the digits back. */
static int digits_printf(struct digits *d, const char *fmt, int prec, double ax)
{
    char tmp[64];
    char *buf = tmp;
    int len = c_snprintf_prec(tmp, sizeof tmp, fmt, prec, ax);
    if (len < 0)
        return -1;
    if ((size_t)len >= sizeof tmp) {
        buf = malloc((size_t)len + 1);
        if (!buf)
            return -1;
        c_snprintf_prec(buf, (size_t)len + 1, fmt, prec, ax);
    }
    d->s = d->small;
    if ((size_t)len >= sizeof d->small) {
        d->s = malloc((size_t)len + 1);
        if (!d->s) {
            if (buf != tmp)
                free(buf);
            return -1;
        }
    }
    long n = 0, int_digits = 0;
    bool in_int = true;
    const char *p = buf;
    for (; *p && *p != 'e'; p++) {
        if (*p >= '0' && *p <= '9') {
            d->s[n++] = *p;
            int_digits += in_int;
        } else {
            in_int = false;
        }
    }
    d->n = n;
    d->decpt = int_digits + (*p == 'e' ? strtol(p + 1, NULL, 10) : 0);
    if (buf != tmp)
        free(buf);
    digits_trim(d);
    return 0;
}

static bool digits_read_back(const struct digits *d, double ax)
{
    char buf[80] = "0.";
    memcpy(buf + 2, d->s, (size_t)d->n);
    char *p = buf + 2 + d->n;
    *p++ = 'e';
    long e = d->decpt;
    if (e < 0) {
        *p++ = '-';
        e = -e;
    }
    char rev[24];
    int k = 0;
    do {
        rev[k++] = (char)('0' + e % 10);
        e /= 10;
    } while (e);
    while (k)
        *p++ = rev[--k];
    *p = '\0';
    return c_strtod(buf) == ax;
}

/* The next p-digit decimal above d (d padded to p digits). */
static void digits_step_up(struct digits *d, int p)
{
    while (d->n < p)
        d->s[d->n++] = '0';
    long i = p - 1;
    while (i >= 0 && d->s[i] == '9')
        d->s[i--] = '0';
    if (i >= 0) {
        d->s[i]++;
    } else {
        d->s[0] = '1';
        d->decpt++;
    }
    digits_trim(d);
}

/* Enough digits that rounding them again to 17 or fewer rarely differs
 * from rounding x itself. */
enum { MANY_DIGITS = 40 };

/* x's digits correctly rounded to p, taken from its first MANY_DIGITS
 * (many) when those tell which way to round: only a tail of exactly 5
 * then zeros leaves it open (x's later digits decide), and then printf is
 * asked again. */
static int digits_round(struct digits *d, const struct digits *many, int p, double ax)
{
    char next = p < many->n ? many->s[p] : '0';
    if (next == '5' && p + 1 == many->n)
        return digits_printf(d, "%.*e", p - 1, ax);
    d->s = d->small;
    d->n = p < many->n ? p : many->n;
    d->decpt = many->decpt;
    memcpy(d->s, many->s, (size_t)d->n);
    if (next >= '5')
        digits_step_up(d, p);
    else
        digits_trim(d);
    return 0;
}

/* dtoa mode 0: the fewest digits that read back as ax, the nearest to ax
 * among those.  The correctly rounded p-digit string is the nearest, so
 * it reads back whenever some p-digit string does; and if it does, the
 * (p+1)-digit one, no farther from ax, does too.  So a binary search over
 * p finds the answer.  Except at a power of two (above the smallest
 * normal): there the gap below ax is half the gap above, the nearest string (if below) may not read back
 * while the next one up does, and p is searched one by one. */
static int digits_shortest(struct digits *d, double ax)
{
    struct digits many;
    if (digits_printf(&many, "%.*e", MANY_DIGITS - 1, ax) < 0)
        return -1;
    int exp2, rc = 0;
    bool pow2 = frexp(ax, &exp2) == 0.5 && exp2 > -1021;
    int lo = 1, hi = 17;
    while (lo < hi) {
        int p = pow2 ? lo : (lo + hi) / 2;
        if ((rc = digits_round(d, &many, p, ax)) < 0)
            break;
        if (digits_read_back(d, ax)) {
            hi = p;
        } else if (pow2) {
            struct digits up = *d;
            up.s = up.small;
            digits_step_up(&up, p);
            if (digits_read_back(&up, ax)) {
                *d = up;
                d->s = d->small;
                digits_free(&many);
                return 0;
            }
            lo = p + 1;
        } else {
            lo = p + 1;
        }
    }
    if (rc == 0)
        rc = digits_round(d, &many, hi, ax);
    digits_free(&many);
    return rc;
}

static int put_special(struct TextBuf *out, double x, bool upper, int flags)
{
    const char *word = isnan(x) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf");
    if (!isnan(x) && signbit(x)) {
        if (textbuf_append_byte(out, '-') < 0)
            return -1;
    } else if (flags & FLOAT_DTSF_SIGN) {
        if (textbuf_append_byte(out, '+') < 0)
            return -1;
    }
    return textbuf_append(out, word, 3);
}

/* Lays the digits out as CPython's format_float_short does: the slice
 * [vstart, vend) of the digits padded with zeros on both sides, with the
 * point before index decpt, then the exponent. */
static int put_digits(struct TextBuf *out, const struct digits *d, char code, bool upper,
                      long prec, int flags, bool neg)
{
    bool add_dot_0 = flags & FLOAT_DTSF_ADD_DOT_0, alt = flags & FLOAT_DTSF_ALT;
    bool use_exp = false;
    long vend = d->n, decpt = d->decpt, exp = 0;
    switch (code) {
    case 'e':
        use_exp = true;
        vend = prec;
        break;
    case 'f':
        vend = decpt + prec;
        break;
    case 'g':
        use_exp = decpt <= -4 || decpt > (add_dot_0 ? prec - 1 : prec);
        if (alt)
            vend = prec;
        break;
    default:    /* 'r' switches to exponent form at 1e16 */
        use_exp = decpt <= -4 || decpt > 16;
        break;
    }
    if (use_exp) {
        exp = decpt - 1;
        decpt = 1;
    }
    long vstart = decpt <= 0 ? decpt - 1 : 0;
    long min_end = decpt + (!use_exp && add_dot_0);
    if (vend < min_end)
        vend = min_end;

    bool shows_zero = d->n == 0 || (d->n == 1 && d->s[0] == '0');
    if (neg && (flags & FLOAT_DTSF_NO_NEG_0) && shows_zero)
        neg = false;
    if (textbuf_reserve(out, (size_t)(vend - vstart) + 16) < 0)
        return -1;
    char *p = out->data + out->len;
    if (neg)
        *p++ = '-';
    else if (flags & FLOAT_DTSF_SIGN)
        *p++ = '+';
    for (long i = vstart; i < vend; i++) {
        if (i == decpt)
            *p++ = '.';
        *p++ = i >= 0 && i < d->n ? d->s[i] : '0';
    }
    if (decpt == vend && alt)
        *p++ = '.';
    if (use_exp)
        p += sprintf(p, "%c%+.02ld", upper ? 'E' : 'e', exp);
    out->len = (size_t)(p - out->data);
    *p = '\0';
    return 0;
}

int float_to_string(struct TextBuf *out, double x, char code, int precision, int flags)
{
    bool upper = code == 'E' || code == 'F' || code == 'G';
    char lc = upper ? (char)(code + ('a' - 'A')) : code;
    if (!isfinite(x))
        return put_special(out, x, upper, flags);

    long prec = precision;
    if (lc == 'e')
        prec++;
    else if (lc == 'g' && prec == 0)
        prec = 1;
    double ax = fabs(x);
    struct digits d;
    int rc = 0;
    if (ax == 0) {
        d.s = d.small;
        d.s[0] = '0';
        d.n = d.decpt = 1;
    } else if (lc == 'e' || lc == 'g') {
        rc = digits_printf(&d, "%.*e", (int)(prec - 1), ax);
    } else if (lc == 'f') {
        rc = digits_printf(&d, "%.*f", precision, ax);
        if (rc == 0 && d.n == 0)
            d.decpt = -prec;
    } else if (lc == 'r') {
        rc = digits_shortest(&d, ax);
    } else {
        return -1;
    }
    if (rc < 0)
        return -1;
    rc = put_digits(out, &d, lc, upper, prec, flags, signbit(x));
    digits_free(&d);
    return rc;
}

int float_repr(struct TextBuf *out, double x)
{
    return float_to_string(out, x, 'r', 0, FLOAT_DTSF_ADD_DOT_0);
}
