#include "vm/float_ops.h"

#include <errno.h>
#include <math.h>

/* fmod is exact; the quotient (v - mod) / w is then nearly an integer and
 * is snapped to the nearest one.  Zeros get the sign they would have with
 * exact arithmetic: mod takes w's sign, the quotient v/w's. */
static void div_mod(double v, double w, double *floordiv, double *mod)
{
    double m = fmod(v, w);
    double div = (v - m) / w;
    if (m != 0) {
        if ((w < 0) != (m < 0)) {
            m += w;
            div -= 1.0;
        }
    } else {
        m = copysign(0.0, w);
    }
    if (div != 0) {
        double f = floor(div);
        *floordiv = div - f > 0.5 ? f + 1.0 : f;
    } else {
        *floordiv = copysign(0.0, v / w);
    }
    *mod = m;
}

int float_divmod(double v, double w, double *floordiv, double *mod)
{
    if (w == 0)
        return FLOAT_OP_ZERO_DIVISION;
    div_mod(v, w, floordiv, mod);
    return FLOAT_OP_OK;
}

int float_floordiv(double v, double w, double *out)
{
    double mod;
    return float_divmod(v, w, out, &mod);
}

int float_mod(double v, double w, double *out)
{
    if (w == 0)
        return FLOAT_OP_ZERO_DIVISION;
    double m = fmod(v, w);
    if (m != 0)
        *out = (w < 0) != (m < 0) ? m + w : m;
    else
        *out = copysign(0.0, w);
    return FLOAT_OP_OK;
}

static bool is_odd_integer(double x)
{
    return fmod(fabs(x), 2.0) == 1.0;
}

/* The special cases are settled here rather than left to libm, whose
 * answers for them have varied between platforms. */
int float_pow(double v, double w, double *out)
{
    if (w == 0) {
        *out = 1.0;
        return FLOAT_OP_OK;
    }
    if (isnan(v)) {
        *out = v;
        return FLOAT_OP_OK;
    }
    if (isnan(w)) {
        *out = v == 1.0 ? 1.0 : w;
        return FLOAT_OP_OK;
    }
    if (isinf(w)) {
        double av = fabs(v);
        if (av == 1.0)
            *out = 1.0;
        else
            *out = (w > 0) == (av > 1.0) ? INFINITY : 0.0;
        return FLOAT_OP_OK;
    }
    if (isinf(v)) {
        bool odd = is_odd_integer(w);
        if (w > 0)
            *out = odd ? v : fabs(v);
        else
            *out = odd ? copysign(0.0, v) : 0.0;
        return FLOAT_OP_OK;
    }
    if (v == 0) {
        if (w < 0)
            return FLOAT_OP_ZERO_DIVISION;
        *out = is_odd_integer(w) ? v : 0.0;
        return FLOAT_OP_OK;
    }
    bool negate = false;
    if (v < 0) {
        if (w != floor(w))
            return FLOAT_OP_COMPLEX;
        v = -v;
        negate = is_odd_integer(w);
    }
    if (v == 1.0) {
        *out = negate ? -1.0 : 1.0;
        return FLOAT_OP_OK;
    }
    errno = 0;
    double r = pow(v, w);
    /* Underflow to zero is fine; an infinite result is an overflow even
     * where libm does not say so. */
    if (errno == 0 && isinf(r))
        errno = ERANGE;
    else if (errno == ERANGE && r == 0)
        errno = 0;
    if (errno == ERANGE)
        return FLOAT_OP_OVERFLOW;
    if (errno != 0)
        return FLOAT_OP_DOMAIN;
    *out = negate ? -r : r;
    return FLOAT_OP_OK;
}

bool float_is_integer(double x)
{
    return isfinite(x) && floor(x) == x;
}

int float_as_integer_ratio(double x, int64_t *mant, int *exp2)
{
    if (isinf(x))
        return FLOAT_OP_INFINITE;
    if (isnan(x))
        return FLOAT_OP_NAN;
    if (x == 0) {
        *mant = 0;
        *exp2 = 0;
        return FLOAT_OP_OK;
    }
    int e;
    double m = frexp(x, &e);    /* exact: |m| in [0.5, 1) has 53 bits */
    int64_t n = (int64_t)ldexp(m, 53);
    e -= 53;
    int tz = __builtin_ctzll((unsigned long long)(n < 0 ? -n : n));
    *mant = n / ((int64_t)1 << tz);
    *exp2 = e + tz;
    return FLOAT_OP_OK;
}
