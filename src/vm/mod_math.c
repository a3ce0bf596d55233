/*
** The math module, with CPython 3.11's results and errors: libm does the
** work, and each function reports a NaN from non-NaN input as "math
** domain error" and an infinity from finite input as "math range error"
** (or a domain error where CPython says so).  Ints are exact where
** CPython is exact: log of big ints, gcd, lcm, factorial, comb, perm,
** isqrt; fsum is Shewchuk's exact summation, hypot and dist scale and sum
** squares in double-length arithmetic so that they round as CPython's.
*/
#include <float.h>
#include <gmp.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "vm/num.h"

int real_arg(Object *v, double *out)
{
    Object *f = float_unwrap(v);
    if (f) {
        *out = float_value(f);
        return 0;
    }
    if (int_value(v))
        return number_as_double(v, out) < 0 ? -1 : 0;
    Type *t = type_of(v);
    if (t->unary[UN_FLOAT]) {
        Object *r = t->unary[UN_FLOAT](v);
        if (!r)
            return -1;
        f = float_unwrap(r);
        if (!f) {
            raise(vm.e_TypeError, "%s.__float__ returned non-float (type %s)", type_name(t),
                  type_name(type_of(r)));
            return -1;
        }
        *out = float_value(f);
        return 0;
    }
    if (t->unary[UN_INDEX]) {
        Object *i = number_index(v);
        return i && number_as_double(i, out) > 0 ? 0 : -1;
    }
    raise(vm.e_TypeError, "must be real number, not %s", type_name(t));
    return -1;
}

static Object *domain_error(void) { return raise(vm.e_ValueError, "math domain error"); }
static Object *range_error(void) { return raise(vm.e_OverflowError, "math range error"); }

/* r = f(x): NaN from non-NaN is a domain error; infinity from a finite x
   is a range error if the function can overflow, else a domain error. */
static Object *check1(double x, double r, bool can_overflow)
{
    if (isnan(r) && !isnan(x))
        return domain_error();
    if (isinf(r) && isfinite(x))
        return can_overflow ? range_error() : domain_error();
    return float_new(r);
}

static Object *math1(const char *name, Object *const *args, size_t nargs, Object *kw,
                     double (*f)(double), bool can_overflow)
{
    if (args_exact(name, kw, nargs, 1) < 0)
        return NULL;
    double x;
    if (real_arg(args[0], &x) < 0)
        return NULL;
    return check1(x, f(x), can_overflow);
}

#define MATH1(name, fn, ov)                                                                  \
    static Object *m_##name(Object *self, Object *const *args, size_t nargs, Object *kw)     \
    {                                                                                        \
        return math1("math." #name, args, nargs, kw, fn, ov);                               \
    }
MATH1(acos, acos, false) MATH1(acosh, acosh, false) MATH1(asin, asin, false)
MATH1(asinh, asinh, false) MATH1(atan, atan, false) MATH1(atanh, atanh, false)
MATH1(cbrt, cbrt, false) MATH1(cos, cos, false) MATH1(cosh, cosh, true)
MATH1(erf, erf, false) MATH1(erfc, erfc, false) MATH1(exp, exp, true)
MATH1(exp2, exp2, true) MATH1(expm1, expm1, true) MATH1(fabs, fabs, false)
MATH1(log1p, log1p, false) MATH1(sin, sin, false) MATH1(sinh, sinh, true)
MATH1(sqrt, sqrt, false) MATH1(tan, tan, false) MATH1(tanh, tanh, false)

static int two_reals(const char *name, Object *const *args, size_t nargs, Object *kw,
                     double *x, double *y)
{
    if (args_exact(name, kw, nargs, 2) < 0 || real_arg(args[0], x) < 0 || real_arg(args[1], y) < 0)
        return -1;
    return 0;
}

/* r = f(x, y): NaN from non-NaNs is a domain error, infinity from finite
   values a range error. */
static Object *check2(double x, double y, double r)
{
    if (isnan(r) && !isnan(x) && !isnan(y))
        return domain_error();
    if (isinf(r) && isfinite(x) && isfinite(y))
        return range_error();
    return float_new(r);
}

static Object *m_atan2(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    double x, y;
    return two_reals("atan2", args, nargs, kw, &y, &x) < 0 ? NULL : float_new(atan2(y, x));
}

static Object *m_copysign(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    double x, y;
    return two_reals("copysign", args, nargs, kw, &x, &y) < 0 ? NULL : float_new(copysign(x, y));
}

static Object *m_fmod(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    double x, y;
    if (two_reals("fmod", args, nargs, kw, &x, &y) < 0)
        return NULL;
    if (isinf(y) && isfinite(x))
        return float_new(x);
    return check2(x, y, fmod(x, y));
}

static Object *m_remainder(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    double x, y;
    if (two_reals("remainder", args, nargs, kw, &x, &y) < 0)
        return NULL;
    if (isinf(y) && isfinite(x))
        return float_new(x);
    return check2(x, y, remainder(x, y));
}

static Object *m_pow(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    double x, y;
    if (two_reals("pow", args, nargs, kw, &x, &y) < 0)
        return NULL;
    double r = pow(x, y);
    if (isfinite(x) && isfinite(y)) {
        if (isnan(r))
            return domain_error();
        if (isinf(r))
            return x == 0.0 ? domain_error() : range_error();
    }
    return float_new(r);
}

static Object *m_nextafter(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    double x, y;
    return two_reals("nextafter", args, nargs, kw, &x, &y) < 0 ? NULL : float_new(nextafter(x, y));
}

static Object *m_ulp(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    double x;
    if (args_exact("math.ulp", kw, nargs, 1) < 0 || real_arg(args[0], &x) < 0)
        return NULL;
    if (isnan(x) || isinf(x))
        return float_new(fabs(x));
    x = fabs(x);
    if (x == DBL_MAX)
        return float_new(x - nextafter(x, 0.0));
    return float_new(nextafter(x, INFINITY) - x);
}

static Object *m_degrees(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    double x;
    if (args_exact("math.degrees", kw, nargs, 1) < 0 || real_arg(args[0], &x) < 0)
        return NULL;
    return float_new(x * (180.0 / M_PI));
}

static Object *m_radians(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    double x;
    if (args_exact("math.radians", kw, nargs, 1) < 0 || real_arg(args[0], &x) < 0)
        return NULL;
    return float_new(x * (M_PI / 180.0));
}

static Object *m_isfinite(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    double x;
    if (args_exact("math.isfinite", kw, nargs, 1) < 0 || real_arg(args[0], &x) < 0)
        return NULL;
    return bool_obj(isfinite(x));
}

static Object *m_isinf(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    double x;
    if (args_exact("math.isinf", kw, nargs, 1) < 0 || real_arg(args[0], &x) < 0)
        return NULL;
    return bool_obj(isinf(x));
}

static Object *m_isnan(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    double x;
    if (args_exact("math.isnan", kw, nargs, 1) < 0 || real_arg(args[0], &x) < 0)
        return NULL;
    return bool_obj(isnan(x));
}

/* isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0) */
static Object *m_isclose(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    static const char *const names[] = { "a", "b", "rel_tol", "abs_tol", NULL };
    Object *out[4];
    if (args_parse("isclose", args, nargs, kw, names, 2, 2, out) < 0)
        return NULL;
    double a, b, rel = 1e-09, abs_tol = 0.0;
    if (real_arg(out[0], &a) < 0 || real_arg(out[1], &b) < 0
        || (out[2] && real_arg(out[2], &rel) < 0) || (out[3] && real_arg(out[3], &abs_tol) < 0))
        return NULL;
    if (rel < 0.0 || abs_tol < 0.0)
        return raise(vm.e_ValueError, "tolerances must be non-negative");
    if (a == b)
        return True_;
    if (isinf(a) || isinf(b))
        return False_;
    double diff = fabs(b - a);
    return bool_obj(diff <= fabs(rel * b) || diff <= fabs(rel * a) || diff <= abs_tol);
}

/* ---- rounding and decomposition -------------------------------------------------------- */

/* x.__name__() when x's type defines it: 1 with *out set, 0 if not defined. */
static int call_special(Object *x, const char *name, Object **out)
{
    Object *f = type_lookup(type_of(x), intern_cstr(name));
    if (!f)
        return 0;
    Type *ft = type_of(f);
    if (ft->descr_get && !(f = ft->descr_get(f, x, type_of(x))))
        return -1;
    *out = obj_call0(f);
    return *out ? 1 : -1;
}

static Object *int_of(double d)
{
    if (isinf(d))
        return raise(vm.e_OverflowError, "cannot convert float infinity to integer");
    if (isnan(d))
        return raise(vm.e_ValueError, "cannot convert float NaN to integer");
    return int_from_double(d);
}

static Object *floor_ceil(const char *name, const char *dunder, Object *const *args, size_t nargs,
                          Object *kw, double (*f)(double))
{
    if (args_exact(name, kw, nargs, 1) < 0)
        return NULL;
    Object *x = args[0], *r;
    if (is_float(x))
        return int_of(f(float_value(x)));
    int got = call_special(x, dunder, &r);
    if (got)
        return got < 0 ? NULL : r;
    double d;
    return real_arg(x, &d) < 0 ? NULL : int_of(f(d));
}

static Object *m_floor(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return floor_ceil("math.floor", "__floor__", args, nargs, kw, floor);
}

static Object *m_ceil(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return floor_ceil("math.ceil", "__ceil__", args, nargs, kw, ceil);
}

static Object *m_trunc(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("math.trunc", kw, nargs, 1) < 0)
        return NULL;
    Object *r;
    if (is_float(args[0]))
        return int_of(trunc(float_value(args[0])));
    int got = call_special(args[0], "__trunc__", &r);
    if (got)
        return got < 0 ? NULL : r;
    return raise(vm.e_TypeError, "type %s doesn't define __trunc__ method",
                 type_name(type_of(args[0])));
}

static Object *m_frexp(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    double x;
    if (args_exact("math.frexp", kw, nargs, 1) < 0 || real_arg(args[0], &x) < 0)
        return NULL;
    int e = 0;
    double m = isnan(x) || isinf(x) || x == 0.0 ? x : frexp(x, &e);
    Object *fm = float_new(m);
    return fm ? tuple_pack(2, fm, make_small(e)) : NULL;
}

static Object *m_ldexp(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("ldexp", kw, nargs, 2) < 0)
        return NULL;
    double x;
    if (real_arg(args[0], &x) < 0)
        return NULL;
    Object *i = int_value(args[1]);
    if (!i)
        return raise(vm.e_TypeError, "Expected an int as second argument to ldexp.");
    int64_t e;
    if (is_small(i))
        e = small_value(i);
    else
        e = int_sign(i) < 0 ? INT64_MIN : INT64_MAX;
    if (x == 0.0 || !isfinite(x))
        return float_new(x);
    if (e > INT32_MAX)
        return range_error();
    if (e < INT32_MIN)
        return float_new(copysign(0.0, x));
    double r = ldexp(x, (int)e);
    if (isinf(r))
        return range_error();
    return float_new(r);
}

static Object *m_modf(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    double x, ip, fp;
    if (args_exact("math.modf", kw, nargs, 1) < 0 || real_arg(args[0], &x) < 0)
        return NULL;
    if (isinf(x)) {
        ip = x;
        fp = copysign(0.0, x);
    } else {
        fp = modf(x, &ip);
    }
    Object *a = float_new(fp), *b = a ? float_new(ip) : NULL;
    return b ? tuple_pack(2, a, b) : NULL;
}

/* ---- logarithms -------------------------------------------------------------------------- */

/* log(x) for an int or a real, with CPython's errors; ints too big for a
   double go through their top bits and bit count. */
static int log_of(Object *v, double (*f)(double), double *out)
{
    Object *i = int_value(v);
    if (i) {
        if (int_sign(i) <= 0) {
            domain_error();
            return -1;
        }
        bool of;
        double d = int_to_double(i, &of);
        if (!of) {
            *out = f(d);
            return 0;
        }
        /* As CPython: v = m * 2**e with 0.5 <= m < 1, log(v) = log(m) + e*log(2). */
        mp_limb_t bx;
        uint64_t bits = bigint_bit_length(int_view(i, &bx));
        Object *top = int_rshift_values(i, int_from_u64(bits - 55));
        if (!top)
            return -1;
        double m = ldexp(int_to_double(top, &of), -55), e = (double)bits;
        if (m == 1.0) {
            m = 0.5;
            e += 1.0;
        }
        *out = f(m) + f(2.0) * e;
        return 0;
    }
    double x;
    if (real_arg(v, &x) < 0)
        return -1;
    if (isnan(x) || (isinf(x) && x > 0)) {
        *out = x;
        return 0;
    }
    if (!(x > 0.0)) {
        domain_error();
        return -1;
    }
    *out = f(x);
    return 0;
}

static Object *m_log(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_no_kw("log", kw) < 0 || args_count("log", nargs, 1, 2) < 0)
        return NULL;
    double num, den;
    if (log_of(args[0], log, &num) < 0)
        return NULL;
    if (nargs == 1)
        return float_new(num);
    if (log_of(args[1], log, &den) < 0)
        return NULL;
    if (den == 0.0)
        return raise(vm.e_ZeroDivisionError, "float division by zero");
    return float_new(num / den);
}

static Object *m_log2(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    double r;
    if (args_exact("math.log2", kw, nargs, 1) < 0 || log_of(args[0], log2, &r) < 0)
        return NULL;
    return float_new(r);
}

static Object *m_log10(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    double r;
    if (args_exact("math.log10", kw, nargs, 1) < 0 || log_of(args[0], log10, &r) < 0)
        return NULL;
    return float_new(r);
}

/* ---- gamma ----------------------------------------------------------------------------------
   libm's tgamma and lgamma are off in the last bits, so these follow
   CPython's method: exact factorials for small integers, else the Lanczos
   approximation with Boost's lanczos13m53 coefficients (g = 6.0246...),
   whose sum is a ratio of two polynomials evaluated in x or, for large x,
   in 1/x to avoid overflow. */

static const double lanczos_g = 6.024680040776729583740234375;
static const double lanczos_g_minus_half = 5.524680040776729583740234375;
static const double lanczos_num[] = {
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
};
/* The denominator is x(x+1)...(x+11) expanded. */
static const double lanczos_den[] = {
    0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0,
    13339535.0, 2637558.0, 357423.0, 32670.0, 1925.0, 66.0, 1.0,
};
#define LANCZOS_N 13

static double lanczos_sum(double x)
{
    double num = 0.0, den = 0.0;
    if (x < 5.0) {
        for (int i = LANCZOS_N - 1; i >= 0; i--) {
            num = num * x + lanczos_num[i];
            den = den * x + lanczos_den[i];
        }
    } else {
        for (int i = 0; i < LANCZOS_N; i++) {
            num = num / x + lanczos_num[i];
            den = den / x + lanczos_den[i];
        }
    }
    return num / den;
}

/* sin(pi * x), exact at the multiples of 1/2. */
static double sinpi(double x)
{
    double y = fmod(fabs(x), 2.0), r;
    switch ((int)round(2.0 * y)) {
    case 0: r = sin(M_PI * y); break;
    case 1: r = cos(M_PI * (y - 0.5)); break;
    case 2: r = sin(M_PI * (1.0 - y)); break;
    case 3: r = -cos(M_PI * (y - 1.5)); break;
    default: r = sin(M_PI * (y - 2.0)); break;
    }
    return copysign(1.0, x) * r;
}

static Object *m_gamma(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    double x;
    if (args_exact("math.gamma", kw, nargs, 1) < 0 || real_arg(args[0], &x) < 0)
        return NULL;
    if (isnan(x) || (isinf(x) && x > 0))
        return float_new(x);
    if (isinf(x) || x == 0.0 || (x < 0 && x == floor(x)))
        return domain_error();
    if (x == floor(x) && x <= 23.0) {
        double f = 1.0;
        for (int i = 2; i < (int)x; i++)
            f *= i;
        return float_new(f);
    }
    double absx = fabs(x);
    if (absx < 1e-20) {
        double r = 1.0 / x;
        return isinf(r) ? range_error() : float_new(r);
    }
    if (absx > 200.0)
        return x < 0.0 ? float_new(0.0 / sinpi(x)) : range_error();
    double y = absx + lanczos_g_minus_half, q, z, r;
    /* z: the rounding error of y, so that exp(y) and pow(y, ...) can be
       corrected to first order. */
    if (absx > lanczos_g_minus_half) {
        q = y - absx;
        z = q - lanczos_g_minus_half;
    } else {
        q = y - lanczos_g_minus_half;
        z = q - absx;
    }
    z = z * lanczos_g / y;
    if (x < 0.0) {
        r = -M_PI / sinpi(absx) / absx * exp(y) / lanczos_sum(absx);
        r -= z * r;
        if (absx < 140.0) {
            r /= pow(y, absx - 0.5);
        } else {
            double half = pow(y, absx / 2.0 - 0.25);
            r /= half;
            r /= half;
        }
    } else {
        r = lanczos_sum(absx) / exp(y);
        r += z * r;
        if (absx < 140.0) {
            r *= pow(y, absx - 0.5);
        } else {
            double half = pow(y, absx / 2.0 - 0.25);
            r *= half;
            r *= half;
        }
    }
    return isinf(r) ? range_error() : float_new(r);
}

static Object *m_lgamma(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    double x;
    if (args_exact("math.lgamma", kw, nargs, 1) < 0 || real_arg(args[0], &x) < 0)
        return NULL;
    if (isnan(x))
        return float_new(x);
    if (isinf(x))
        return float_new(INFINITY);
    if (x == floor(x) && x <= 2.0) {
        if (x <= 0.0)
            return domain_error();
        return float_new(0.0);
    }
    double absx = fabs(x);
    if (absx < 1e-20)
        return float_new(-log(absx));
    double r = log(lanczos_sum(absx)) - lanczos_g;
    r += (absx - 0.5) * (log(absx + lanczos_g - 0.5) - 1);
    if (x < 0.0)
        r = log(M_PI) - log(fabs(sinpi(absx))) - log(absx) - r;
    return isinf(r) ? range_error() : float_new(r);
}

/* ---- norms ---------------------------------------------------------------------------------- */

/* A double-length value hi + lo. */
typedef struct { double hi, lo; } Dbl2;

/* Veltkamp's split of x into two halves of 26 bits. */
static Dbl2 split(double x)
{
    double t = x * 134217729.0;
    double hi = t - (t - x);
    return (Dbl2){ hi, x - hi };
}

/* x * y exactly (Dekker). */
static Dbl2 exact_mul(double x, double y)
{
    Dbl2 a = split(x), b = split(y);
    double p = a.hi * b.hi, q = a.hi * b.lo + a.lo * b.hi;
    double z = p + q;
    return (Dbl2){ z, p - z + q + a.lo * b.lo };
}

/* a + b exactly, for |a| >= |b|. */
static Dbl2 exact_sum(double a, double b)
{
    double x = a + b;
    return (Dbl2){ x, b - (x - a) };
}

/* sqrt of the sum of squares of v[0..n), all finite and at most max in
   magnitude: scaled to below 1, squared and summed exactly into a
   running total that starts at 1 (to keep the sum's exponent fixed),
   then one Newton correction of the square root. */
static double vector_norm(size_t n, double *v, double max, bool nan)
{
    if (isinf(max))
        return max;
    if (nan)
        return NAN;
    if (max == 0.0 || n <= 1)
        return max;
    int max_e;
    frexp(max, &max_e);
    if (max_e < -1023) {
        for (size_t i = 0; i < n; i++)
            v[i] /= DBL_MIN;
        return DBL_MIN * vector_norm(n, v, max / DBL_MIN, nan);
    }
    double scale = ldexp(1.0, -max_e), total = 1.0, frac1 = 0.0, frac2 = 0.0;
    for (size_t i = 0; i < n; i++) {
        double x = v[i] * scale;
        Dbl2 sq = exact_mul(x, x), s = exact_sum(total, sq.hi);
        total = s.hi;
        frac1 += sq.lo;
        frac2 += s.lo;
    }
    double h = sqrt(total - 1.0 + (frac1 + frac2));
    Dbl2 sq = exact_mul(-h, h), s = exact_sum(total, sq.hi);
    total = s.hi;
    frac1 += sq.lo;
    frac2 += s.lo;
    double x = total - 1.0 + (frac1 + frac2);
    h += x / (2.0 * h);
    return h / scale;
}

static Object *m_hypot(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_no_kw("hypot", kw) < 0)
        return NULL;
    double small[16], *v = nargs <= 16 ? small : malloc(nargs * sizeof *v), max = 0.0;
    if (!v)
        return raise_no_memory();
    bool nan = false;
    Object *r = NULL;
    for (size_t i = 0; i < nargs; i++) {
        if (real_arg(args[i], &v[i]) < 0)
            goto done;
        v[i] = fabs(v[i]);
        nan |= isnan(v[i]);
        if (v[i] > max)
            max = v[i];
    }
    r = float_new(vector_norm(nargs, v, max, nan));
done:
    if (v != small)
        free(v);
    return r;
}

static Object *m_dist(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("dist", kw, nargs, 2) < 0)
        return NULL;
    Object *p = args[0], *q = args[1];
    if ((is_small(p) || p->type != vm.t_tuple)
        && (!(p = list_from_iterable(p)) || !(p = list_as_tuple(p))))
        return NULL;
    if ((is_small(q) || q->type != vm.t_tuple)
        && (!(q = list_from_iterable(q)) || !(q = list_as_tuple(q))))
        return NULL;
    size_t n = tuple_size(p);
    if (tuple_size(q) != n)
        return raise(vm.e_ValueError, "both points must have the same number of dimensions");
    double small[16], *v = n <= 16 ? small : malloc(n * sizeof *v), max = 0.0;
    if (!v)
        return raise_no_memory();
    bool nan = false;
    Object *r = NULL;
    for (size_t i = 0; i < n; i++) {
        double a, b;
        if (real_arg(tuple_get(p, i), &a) < 0 || real_arg(tuple_get(q, i), &b) < 0)
            goto done;
        v[i] = fabs(a - b);
        nan |= isnan(v[i]);
        if (v[i] > max)
            max = v[i];
    }
    r = float_new(vector_norm(n, v, max, nan));
done:
    if (v != small)
        free(v);
    return r;
}

/* ---- fsum ---------------------------------------------------------------------------------- */

/* Shewchuk's algorithm: the partials are non-overlapping doubles whose
   exact sum is the sum so far; the result is their sum rounded once,
   half-even fixed up by looking at the next partial. */
static Object *m_fsum(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("fsum", kw, nargs, 1) < 0)
        return NULL;
    Object *it = obj_iter(args[0]);
    if (!it)
        return NULL;
    size_t n = 0, cap = 32;
    double *p = malloc(cap * sizeof *p), special = 0.0, inf_sum = 0.0;
    if (!p)
        return raise_no_memory();
    Object *item, *result = NULL;
    while ((item = obj_next(it))) {
        double x;
        if (real_arg(item, &x) < 0)
            goto done;
        double orig = x;
        size_t k = 0;
        for (size_t j = 0; j < n; j++) {
            double y = p[j];
            if (fabs(x) < fabs(y)) {
                double t = x;
                x = y;
                y = t;
            }
            double hi = x + y, lo = y - (hi - x);
            if (lo != 0.0)
                p[k++] = lo;
            x = hi;
        }
        n = k;
        if (x != 0.0) {
            if (!isfinite(x)) {
                if (isfinite(orig)) {
                    raise(vm.e_OverflowError, "intermediate overflow in fsum");
                    goto done;
                }
                if (isinf(orig))
                    inf_sum += orig;
                special += orig;
                n = 0;
            } else {
                if (n == cap) {
                    double *np = realloc(p, (cap *= 2) * sizeof *p);
                    if (!np) {
                        raise_no_memory();
                        goto done;
                    }
                    p = np;
                }
                p[n++] = x;
            }
        }
    }
    if (exc_occurred())
        goto done;
    if (special != 0.0) {
        if (isnan(inf_sum))
            raise(vm.e_ValueError, "-inf + inf in fsum");
        else
            result = float_new(special);
        goto done;
    }
    double hi = 0.0, lo = 0.0;
    if (n > 0) {
        hi = p[--n];
        while (n > 0) {
            double x = hi, y = p[--n];
            hi = x + y;
            lo = y - (hi - x);
            if (lo != 0.0)
                break;
        }
        if (n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0))) {
            double y = lo * 2.0, x = hi + y;
            if (y == x - hi)
                hi = x;
        }
    }
    result = float_new(hi);
done:
    free(p);
    return result;
}

/* ---- integers ------------------------------------------------------------------------------ */

static Object *int_arg(Object *v)
{
    Object *i = number_index(v);
    return i ? int_value(i) : NULL;
}

static Object *from_mpz(mpz_t z)
{
    size_t n = mpz_size(z);
    BigInt *b = int_alloc(n);
    if (!b) {
        mpz_clear(z);
        return NULL;
    }
    bigint_mut r = int_mut(b);
    if (n)
        memcpy(r.d, mpz_limbs_read(z), n * sizeof(mp_limb_t));
    r.n = n;
    r.sign = mpz_sgn(z);
    mpz_clear(z);
    return int_finish(b, &r);
}

static void to_mpz(Object *x, mpz_t z)
{
    mp_limb_t bx;
    bigint_t v = int_view(x, &bx);
    mpz_t view;
    mpz_init_set(z, mpz_roinit_n(view, v.d, v.sign < 0 ? -(mp_size_t)v.n : (mp_size_t)v.n));
}

static Object *gcd2(Object *a, Object *b)
{
    mp_limb_t ba, bb;
    size_t na = is_small(a) ? 1 : ((BigInt *)a)->nlimbs, nb = is_small(b) ? 1 : ((BigInt *)b)->nlimbs;
    BigInt *r = int_alloc(bigint_gcd_size(na, nb));
    if (!r)
        return NULL;
    bigint_mut m = int_mut(r);
    int err = bigint_gcd(&m, int_view(a, &ba), int_view(b, &bb));
    return err ? int_raise(err) : int_finish(r, &m);
}

static Object *m_gcd(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_no_kw("gcd", kw) < 0)
        return NULL;
    Object *g = make_small(0);
    for (size_t i = 0; i < nargs; i++) {
        Object *x = int_arg(args[i]);
        if (!x || !(g = gcd2(g, x)))
            return NULL;
    }
    return g;
}

static Object *m_lcm(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_no_kw("lcm", kw) < 0)
        return NULL;
    Object *l = make_small(1);
    for (size_t i = 0; i < nargs; i++) {
        Object *x = int_arg(args[i]);
        if (!x)
            return NULL;
        if (int_sign(l) == 0)
            continue;
        if (int_sign(x) == 0) {
            l = x;
            continue;
        }
        Object *g = gcd2(l, x);
        Object *q = g ? int_floordiv_values(l, g) : NULL;
        l = q ? int_mul_values(q, x) : NULL;
        if (!l)
            return NULL;
        if (int_sign(l) < 0 && !(l = int_neg_value(l)))
            return NULL;
    }
    return l;
}

static Object *m_isqrt(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("math.isqrt", kw, nargs, 1) < 0)
        return NULL;
    Object *x = int_arg(args[0]);
    if (!x)
        return NULL;
    BigInt *r = int_alloc(bigint_isqrt_size(is_small(x) ? 1 : ((BigInt *)x)->nlimbs));
    if (!r)
        return NULL;
    mp_limb_t bx;
    bigint_mut m = int_mut(r);
    int err = bigint_isqrt(&m, int_view(x, &bx));
    return err ? int_raise(err) : int_finish(r, &m);
}

static Object *m_factorial(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("math.factorial", kw, nargs, 1) < 0)
        return NULL;
    if (float_unwrap(args[0]))
        return raise(vm.e_TypeError, "'float' object cannot be interpreted as an integer");
    Object *x = int_arg(args[0]);
    if (!x)
        return NULL;
    if (int_sign(x) < 0)
        return raise(vm.e_ValueError, "factorial() not defined for negative values");
    if (!is_small(x))
        return raise(vm.e_OverflowError, "factorial() argument should not exceed %ld", (long)INT64_MAX);
    mpz_t z;
    mpz_init(z);
    mpz_fac_ui(z, (unsigned long)small_value(x));
    return from_mpz(z);
}

/* n and k for comb() and perm(): non-negative ints, k small enough. */
static int n_k(Object *a, Object *b, Object **n, Object **k)
{
    if (!(*n = int_arg(a)) || !(*k = int_arg(b)))
        return -1;
    if (int_sign(*n) < 0) {
        raise(vm.e_ValueError, "n must be a non-negative integer");
        return -1;
    }
    if (int_sign(*k) < 0) {
        raise(vm.e_ValueError, "k must be a non-negative integer");
        return -1;
    }
    return 0;
}

static Object *m_comb(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    Object *n, *k;
    if (args_exact("comb", kw, nargs, 2) < 0 || n_k(args[0], args[1], &n, &k) < 0)
        return NULL;
    if (int_compare(k, n) > 0)
        return make_small(0);
    Object *rest = int_sub_values(n, k);
    if (!rest)
        return NULL;
    if (int_compare(rest, k) < 0)
        k = rest;
    if (!is_small(k))
        return raise(vm.e_OverflowError, "min(n - k, k) must not exceed %ld", (long)INT64_MAX);
    mpz_t z, zn;
    to_mpz(n, zn);
    mpz_init(z);
    mpz_bin_ui(z, zn, (unsigned long)small_value(k));
    mpz_clear(zn);
    return from_mpz(z);
}

static Object *m_perm(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_no_kw("perm", kw) < 0 || args_count("perm", nargs, 1, 2) < 0)
        return NULL;
    if (nargs == 1 || args[1] == None)
        return m_factorial(self, args, 1, NULL);
    Object *n, *k;
    if (n_k(args[0], args[1], &n, &k) < 0)
        return NULL;
    if (int_compare(k, n) > 0)
        return make_small(0);
    if (!is_small(k))
        return raise(vm.e_OverflowError, "k must not exceed %ld", (long)INT64_MAX);
    mpz_t z, f;
    to_mpz(n, f);
    mpz_init_set_ui(z, 1);
    for (intptr_t i = 0; i < small_value(k); i++) {
        mpz_mul(z, z, f);
        mpz_sub_ui(f, f, 1);
    }
    mpz_clear(f);
    return from_mpz(z);
}

/* prod(iterable, /, *, start=1) */
static Object *m_prod(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    static const char *const names[] = { "iterable", "start", NULL };
    Object *out[2];
    if (args_parse("prod", args, nargs, kw, names, 1, 1, out) < 0)
        return NULL;
    Object *acc = out[1] ? out[1] : make_small(1);
    Object *it = obj_iter(out[0]);
    if (!it)
        return NULL;
    Object *item;
    while ((item = obj_next(it)))
        if (!(acc = obj_binary(acc, item, NB_MULTIPLY)))
            return NULL;
    return exc_occurred() ? NULL : acc;
}

/* ---- the module ------------------------------------------------------------------------------ */

Object *math_module_init(void)
{
    Object *m = module_new(intern_cstr("math"));
    if (!m)
        return NULL;
    Object *d = ((ModuleObj *)m)->dict;
    static const MethodDef functions[] = {
        { "acos", m_acos, 0 }, { "acosh", m_acosh, 0 }, { "asin", m_asin, 0 },
        { "asinh", m_asinh, 0 }, { "atan", m_atan, 0 }, { "atan2", m_atan2, 0 },
        { "atanh", m_atanh, 0 }, { "cbrt", m_cbrt, 0 }, { "ceil", m_ceil, 0 },
        { "comb", m_comb, 0 }, { "copysign", m_copysign, 0 }, { "cos", m_cos, 0 },
        { "cosh", m_cosh, 0 }, { "degrees", m_degrees, 0 }, { "dist", m_dist, 0 },
        { "erf", m_erf, 0 }, { "erfc", m_erfc, 0 }, { "exp", m_exp, 0 }, { "exp2", m_exp2, 0 },
        { "expm1", m_expm1, 0 }, { "fabs", m_fabs, 0 }, { "factorial", m_factorial, 0 },
        { "floor", m_floor, 0 }, { "fmod", m_fmod, 0 }, { "frexp", m_frexp, 0 },
        { "fsum", m_fsum, 0 }, { "gamma", m_gamma, 0 }, { "gcd", m_gcd, 0 },
        { "hypot", m_hypot, 0 }, { "isclose", m_isclose, 0 }, { "isfinite", m_isfinite, 0 },
        { "isinf", m_isinf, 0 }, { "isnan", m_isnan, 0 }, { "isqrt", m_isqrt, 0 },
        { "lcm", m_lcm, 0 }, { "ldexp", m_ldexp, 0 }, { "lgamma", m_lgamma, 0 },
        { "log", m_log, 0 }, { "log10", m_log10, 0 }, { "log1p", m_log1p, 0 },
        { "log2", m_log2, 0 }, { "modf", m_modf, 0 }, { "nextafter", m_nextafter, 0 },
        { "perm", m_perm, 0 }, { "pow", m_pow, 0 }, { "prod", m_prod, 0 },
        { "radians", m_radians, 0 }, { "remainder", m_remainder, 0 }, { "sin", m_sin, 0 },
        { "sinh", m_sinh, 0 }, { "sqrt", m_sqrt, 0 }, { "tan", m_tan, 0 },
        { "tanh", m_tanh, 0 }, { "trunc", m_trunc, 0 }, { "ulp", m_ulp, 0 },
        { NULL, NULL, 0 },
    };
    for (const MethodDef *f = functions; f->name; f++) {
        Object *fn = builtin_new(f->name, f->fn, m, m);
        if (!fn || dict_set_cstr(d, f->name, fn) < 0)
            return NULL;
    }
    struct { const char *name; double v; } constants[] = {
        { "pi", M_PI }, { "e", M_E }, { "tau", 2 * M_PI }, { "inf", INFINITY }, { "nan", NAN },
    };
    for (size_t i = 0; i < sizeof constants / sizeof constants[0]; i++) {
        Object *f = float_new(constants[i].v);
        if (!f || dict_set_cstr(d, constants[i].name, f) < 0)
            return NULL;
    }
    return m;
}
