/*
** The cmath module, with CPython 3.11's results to the last bit.
**
** Finite arguments go through formulas chosen, as CPython's, for accuracy
** near the branch cuts and for freedom from needless overflow (W. Kahan,
** "Branch cuts for complex elementary functions"), written with the same
** libm calls in the same order, so that they round alike.  Arguments with
** an infinite or NaN part take their result, or their error, from
** cmath_special.h, read off CPython's cmath by
** tools/gen_cmath_special.py.  asin, atan, cos, sin and tan are asinh,
** atanh, cosh, sinh and tanh turned by a quarter turn, which carries the
** signs of zeros on the branch cuts over as well.
*/
#include <errno.h>
#include <float.h>
#include <math.h>

#include "vm/num.h"

typedef struct Cx {
    double re, im;
} Cx;

/* What a computation reports besides its value, as CPython's errno. */
enum CmError { CM_OK, CM_DOMAIN, CM_RANGE };

typedef struct CmSpecial {
    double re, im;
    enum CmError err;
} CmSpecial;

#include "vm/cmath_special.h"

/* Thresholds past which the formulas would overflow in between. */
#define LARGE_DOUBLE (DBL_MAX / 4.)
#define SQRT_LARGE_DOUBLE 6.7039039649712985e+153 /* sqrt(LARGE_DOUBLE) */
#define LOG_LARGE_DOUBLE 708.3964185322641        /* log(LARGE_DOUBLE) */
#define SQRT_DBL_MIN 1.4916681462400413e-154      /* sqrt(DBL_MIN) */
/* Scaling of subnormal arguments of sqrt: up by an odd power of two, down
   by half of one more. */
#define SCALE_UP (2 * (DBL_MANT_DIG / 2) + 1)
#define SCALE_DOWN (-(SCALE_UP + 1) / 2)

static int cls(double x)
{
    if (isnan(x))
        return 6;
    if (isinf(x))
        return x > 0 ? 5 : 0;
    if (x == 0)
        return signbit(x) ? 2 : 3;
    return x < 0 ? 1 : 4;
}

static bool special(Cx z) { return !isfinite(z.re) || !isfinite(z.im); }

static Cx from_table(const CmSpecial t[7][7], Cx z, enum CmError *err)
{
    const CmSpecial *s = &t[cls(z.re)][cls(z.im)];
    *err = s->err;
    return (Cx){ s->re, s->im };
}

static Cx c_sqrt(Cx z, enum CmError *err)
{
    if (special(z))
        return from_table(sqrt_special, z, err);
    *err = CM_OK;
    if (z.re == 0. && z.im == 0.)
        return (Cx){ 0., z.im };
    double ax = fabs(z.re), ay = fabs(z.im), s;
    if (ax < DBL_MIN && ay < DBL_MIN) {
        /* hypot(ax, ay) would be subnormal: scale up first. */
        ax = ldexp(ax, SCALE_UP);
        s = ldexp(sqrt(ax + hypot(ax, ldexp(ay, SCALE_UP))), SCALE_DOWN);
    } else {
        ax /= 8.;
        s = 2. * sqrt(ax + hypot(ax, ay / 8.));
    }
    double d = ay / (2. * s);
    if (z.re >= 0.)
        return (Cx){ s, copysign(d, z.im) };
    return (Cx){ d, copysign(s, z.im) };
}

/* log(hypot(x, y)) for large x or y, without overflow. */
static double log_hypot_large(double x, double y) { return log(hypot(x / 2., y / 2.)) + M_LN2 * 2.; }

static Cx c_acos(Cx z, enum CmError *err)
{
    if (special(z))
        return from_table(acos_special, z, err);
    *err = CM_OK;
    Cx r;
    if (fabs(z.re) > LARGE_DOUBLE || fabs(z.im) > LARGE_DOUBLE) {
        r.re = atan2(fabs(z.im), z.re);
        /* Two cases, so that the cut keeps the sign of zero. */
        if (z.re < 0.)
            r.im = -copysign(log_hypot_large(z.re, z.im), z.im);
        else
            r.im = copysign(log_hypot_large(z.re, z.im), -z.im);
        return r;
    }
    enum CmError e;
    Cx s1 = c_sqrt((Cx){ 1. - z.re, -z.im }, &e);
    Cx s2 = c_sqrt((Cx){ 1. + z.re, z.im }, &e);
    r.re = 2. * atan2(s1.re, s2.re);
    r.im = asinh(s2.re * s1.im - s2.im * s1.re);
    return r;
}

static Cx c_acosh(Cx z, enum CmError *err)
{
    if (special(z))
        return from_table(acosh_special, z, err);
    *err = CM_OK;
    Cx r;
    if (fabs(z.re) > LARGE_DOUBLE || fabs(z.im) > LARGE_DOUBLE) {
        r.re = log_hypot_large(z.re, z.im);
        r.im = atan2(z.im, z.re);
        return r;
    }
    enum CmError e;
    Cx s1 = c_sqrt((Cx){ z.re - 1., z.im }, &e);
    Cx s2 = c_sqrt((Cx){ z.re + 1., z.im }, &e);
    r.re = asinh(s1.re * s2.re + s1.im * s2.im);
    r.im = 2. * atan2(s1.im, s2.re);
    return r;
}

static Cx c_asinh(Cx z, enum CmError *err)
{
    if (special(z))
        return from_table(asinh_special, z, err);
    *err = CM_OK;
    Cx r;
    if (fabs(z.re) > LARGE_DOUBLE || fabs(z.im) > LARGE_DOUBLE) {
        if (z.im >= 0.)
            r.re = copysign(log_hypot_large(z.re, z.im), z.re);
        else
            r.re = -copysign(log_hypot_large(z.re, z.im), -z.re);
        r.im = atan2(z.im, fabs(z.re));
        return r;
    }
    enum CmError e;
    Cx s1 = c_sqrt((Cx){ 1. + z.im, -z.re }, &e);
    Cx s2 = c_sqrt((Cx){ 1. - z.im, z.re }, &e);
    r.re = asinh(s1.re * s2.im - s2.re * s1.im);
    r.im = atan2(z.im, s1.re * s2.re - s1.im * s2.im);
    return r;
}

static Cx c_asin(Cx z, enum CmError *err)
{
    Cx s = c_asinh((Cx){ -z.im, z.re }, err);
    return (Cx){ s.im, -s.re };
}

static Cx c_atanh(Cx z, enum CmError *err)
{
    if (special(z))
        return from_table(atanh_special, z, err);
    /* atanh(z) = -atanh(-z): only z.re >= 0 is computed. */
    if (z.re < 0.) {
        Cx r = c_atanh((Cx){ -z.re, -z.im }, err);
        return (Cx){ -r.re, -r.im };
    }
    *err = CM_OK;
    double ay = fabs(z.im);
    Cx r;
    if (z.re > SQRT_LARGE_DOUBLE || ay > SQRT_LARGE_DOUBLE) {
        /* Large |z|: atanh(z) is about 1/z +- i*pi/2. */
        double h = hypot(z.re / 2., z.im / 2.);
        r.re = z.re / 4. / h / h;
        r.im = -copysign(M_PI / 2., -z.im);
    } else if (z.re == 1. && ay < SQRT_DBL_MIN) {
        if (ay == 0.) {
            r.re = INFINITY;
            r.im = z.im;
            *err = CM_DOMAIN;
        } else {
            r.re = -log(sqrt(ay) / sqrt(hypot(ay, 2.)));
            r.im = copysign(atan2(2., -ay) / 2, z.im);
        }
    } else {
        r.re = log1p(4. * z.re / ((1 - z.re) * (1 - z.re) + ay * ay)) / 4.;
        r.im = -atan2(-2. * z.im, (1 - z.re) * (1 + z.re) - ay * ay) / 2.;
    }
    return r;
}

static Cx c_atan(Cx z, enum CmError *err)
{
    Cx s = c_atanh((Cx){ -z.im, z.re }, err);
    return (Cx){ s.im, -s.re };
}

/* cosh, sinh and exp of an infinity and a nonzero finite y: infinities
   whose signs are those of cos(y) and sin(y). */
static bool inf_and_finite(Cx z) { return isinf(z.re) && isfinite(z.im) && z.im != 0.; }

static Cx c_cosh(Cx z, enum CmError *err)
{
    Cx r;
    if (special(z)) {
        if (inf_and_finite(z)) {
            r.re = copysign(INFINITY, cos(z.im));
            r.im = z.re > 0 ? copysign(INFINITY, sin(z.im)) : -copysign(INFINITY, sin(z.im));
        } else {
            r = from_table(cosh_special, z, err);
        }
        *err = isinf(z.im) && !isnan(z.re) ? CM_DOMAIN : CM_OK;
        return r;
    }
    if (fabs(z.re) > LOG_LARGE_DOUBLE) {
        /* cosh(z.re) alone may overflow where the result does not. */
        double x1 = z.re - copysign(1., z.re);
        r.re = cos(z.im) * cosh(x1) * M_E;
        r.im = sin(z.im) * sinh(x1) * M_E;
    } else {
        r.re = cos(z.im) * cosh(z.re);
        r.im = sin(z.im) * sinh(z.re);
    }
    *err = isinf(r.re) || isinf(r.im) ? CM_RANGE : CM_OK;
    return r;
}

static Cx c_cos(Cx z, enum CmError *err) { return c_cosh((Cx){ -z.im, z.re }, err); }

static Cx c_sinh(Cx z, enum CmError *err)
{
    Cx r;
    if (special(z)) {
        if (inf_and_finite(z)) {
            r.re = z.re > 0 ? copysign(INFINITY, cos(z.im)) : -copysign(INFINITY, cos(z.im));
            r.im = copysign(INFINITY, sin(z.im));
        } else {
            r = from_table(sinh_special, z, err);
        }
        *err = isinf(z.im) && !isnan(z.re) ? CM_DOMAIN : CM_OK;
        return r;
    }
    if (fabs(z.re) > LOG_LARGE_DOUBLE) {
        double x1 = z.re - copysign(1., z.re);
        r.re = cos(z.im) * sinh(x1) * M_E;
        r.im = sin(z.im) * cosh(x1) * M_E;
    } else {
        r.re = cos(z.im) * sinh(z.re);
        r.im = sin(z.im) * cosh(z.re);
    }
    *err = isinf(r.re) || isinf(r.im) ? CM_RANGE : CM_OK;
    return r;
}

static Cx c_sin(Cx z, enum CmError *err)
{
    Cx s = c_sinh((Cx){ -z.im, z.re }, err);
    return (Cx){ s.im, -s.re };
}

static Cx c_tanh(Cx z, enum CmError *err)
{
    Cx r;
    if (special(z)) {
        if (inf_and_finite(z)) {
            r.re = z.re > 0 ? 1. : -1.;
            r.im = copysign(0., 2. * sin(z.im) * cos(z.im));
        } else {
            r = from_table(tanh_special, z, err);
        }
        *err = isinf(z.im) && isfinite(z.re) ? CM_DOMAIN : CM_OK;
        return r;
    }
    *err = CM_OK;
    if (fabs(z.re) > LOG_LARGE_DOUBLE) {
        /* 2 * z.re would overflow below. */
        r.re = copysign(1., z.re);
        r.im = 4. * sin(z.im) * cos(z.im) * exp(-2. * fabs(z.re));
        return r;
    }
    double tx = tanh(z.re), ty = tan(z.im), cx = 1. / cosh(z.re);
    double txty = tx * ty, denom = 1. + txty * txty;
    r.re = tx * (1. + ty * ty) / denom;
    r.im = ((ty / denom) * cx) * cx;
    return r;
}

static Cx c_tan(Cx z, enum CmError *err)
{
    Cx s = c_tanh((Cx){ -z.im, z.re }, err);
    return (Cx){ s.im, -s.re };
}

static Cx c_exp(Cx z, enum CmError *err)
{
    Cx r;
    if (special(z)) {
        if (inf_and_finite(z)) {
            double m = z.re > 0 ? INFINITY : 0.;
            r.re = copysign(m, cos(z.im));
            r.im = copysign(m, sin(z.im));
        } else {
            r = from_table(exp_special, z, err);
        }
        *err = isinf(z.im) && (isfinite(z.re) || (isinf(z.re) && z.re > 0)) ? CM_DOMAIN : CM_OK;
        return r;
    }
    double l;
    if (z.re > LOG_LARGE_DOUBLE) {
        l = exp(z.re - 1.);
        r.re = l * cos(z.im) * M_E;
        r.im = l * sin(z.im) * M_E;
    } else {
        l = exp(z.re);
        r.re = l * cos(z.im);
        r.im = l * sin(z.im);
    }
    *err = isinf(r.re) || isinf(r.im) ? CM_RANGE : CM_OK;
    return r;
}

static Cx c_log(Cx z, enum CmError *err)
{
    if (special(z))
        return from_table(log_special, z, err);
    *err = CM_OK;
    double ax = fabs(z.re), ay = fabs(z.im);
    Cx r;
    if (ax > LARGE_DOUBLE || ay > LARGE_DOUBLE) {
        r.re = log(hypot(ax / 2., ay / 2.)) + M_LN2;
    } else if (ax < DBL_MIN && ay < DBL_MIN) {
        if (ax == 0. && ay == 0.) {
            *err = CM_DOMAIN;
            return (Cx){ -INFINITY, atan2(z.im, z.re) };
        }
        /* hypot(ax, ay) would be subnormal: scale up first. */
        r.re = log(hypot(ldexp(ax, DBL_MANT_DIG), ldexp(ay, DBL_MANT_DIG))) - DBL_MANT_DIG * M_LN2;
    } else {
        double h = hypot(ax, ay);
        if (0.71 <= h && h <= 1.73) {
            /* Near |z| = 1, log1p keeps the digits log(h) would lose. */
            double am = ax > ay ? ax : ay, an = ax > ay ? ay : ax;
            r.re = log1p((am - 1) * (am + 1) + an * an) / 2.;
        } else {
            r.re = log(h);
        }
    }
    r.im = atan2(z.im, z.re);
    return r;
}

static Cx c_log10(Cx z, enum CmError *err)
{
    Cx r = c_log(z, err);
    return (Cx){ r.re / M_LN10, r.im / M_LN10 };
}

/* ---- arguments and errors ------------------------------------------------------- */

/* A complex argument, as CPython's "D" conversion: complex, __complex__,
   then anything real. */
static int cx_arg(Object *v, Cx *out)
{
    Object *c = complex_unwrap(v);
    if (!c) {
        Object *m = type_lookup(type_of(v), intern_cstr("__complex__"));
        if (m) {
            Object *r = obj_call1(m, v);
            if (!r)
                return -1;
            c = complex_unwrap(r);
            if (!c) {
                raise(vm.e_TypeError, "__complex__ returned non-complex (type %s)",
                      type_name(type_of(r)));
                return -1;
            }
        }
    }
    if (c) {
        out->re = ((Complex *)c)->real;
        out->im = ((Complex *)c)->imag;
        return 0;
    }
    out->im = 0.;
    return real_arg(v, &out->re);
}

static Object *result(Cx r, enum CmError err)
{
    if (err == CM_DOMAIN)
        return raise(vm.e_ValueError, "math domain error");
    if (err == CM_RANGE)
        return raise(vm.e_OverflowError, "math range error");
    return complex_new(r.re, r.im);
}

static Object *cmath1(const char *name, Object *const *args, size_t nargs, Object *kw,
                      Cx (*f)(Cx, enum CmError *))
{
    Cx z;
    enum CmError err;
    if (args_exact(name, kw, nargs, 1) < 0 || cx_arg(args[0], &z) < 0)
        return NULL;
    Cx r = f(z, &err);
    return result(r, err);
}

#define CMATH1(name)                                                                     \
    static Object *m_##name(Object *self, Object *const *args, size_t nargs, Object *kw) \
    {                                                                                    \
        return cmath1("cmath." #name, args, nargs, kw, c_##name);                       \
    }
CMATH1(acos) CMATH1(acosh) CMATH1(asin) CMATH1(asinh) CMATH1(atan) CMATH1(atanh)
CMATH1(cos) CMATH1(cosh) CMATH1(exp) CMATH1(log10) CMATH1(sin) CMATH1(sinh)
CMATH1(sqrt) CMATH1(tan) CMATH1(tanh)

/* a / b by Smith's method, as complex division. */
static Cx quot(Cx a, Cx b, enum CmError *err)
{
    double abr = fabs(b.re), abi = fabs(b.im);
    *err = CM_OK;
    if (abr >= abi) {
        if (abr == 0.) {
            *err = CM_DOMAIN;
            return (Cx){ 0., 0. };
        }
        double ratio = b.im / b.re, denom = b.re + b.im * ratio;
        return (Cx){ (a.re + a.im * ratio) / denom, (a.im - a.re * ratio) / denom };
    }
    if (abi >= abr) {
        double ratio = b.re / b.im, denom = b.re * ratio + b.im;
        return (Cx){ (a.re * ratio + a.im) / denom, (a.im * ratio - a.re) / denom };
    }
    return (Cx){ NAN, NAN };
}

static Object *m_log(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    Cx x, base;
    enum CmError err;
    if (args_no_kw("log", kw) < 0 || args_count("log", nargs, 1, 2) < 0 || cx_arg(args[0], &x) < 0
        || (nargs > 1 && cx_arg(args[1], &base) < 0))
        return NULL;
    Cx r = c_log(x, &err);
    if (nargs > 1) {
        /* As in CPython, the base's logarithm decides the error: log(0, b)
           is -inf + nan*j or so, not an error. */
        enum CmError qerr;
        r = quot(r, c_log(base, &err), &qerr);
        if (qerr != CM_OK)
            err = qerr;
    }
    return result(r, err);
}

/* abs(z), as complex's: infinities win over NaNs. */
static double c_abs(Cx z, enum CmError *err)
{
    *err = CM_OK;
    if (!isfinite(z.re) || !isfinite(z.im)) {
        if (isinf(z.re))
            return fabs(z.re);
        if (isinf(z.im))
            return fabs(z.im);
        return NAN;
    }
    double r = hypot(z.re, z.im);
    if (!isfinite(r))
        *err = CM_RANGE;
    return r;
}

static Object *m_phase(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    Cx z;
    if (args_exact("cmath.phase", kw, nargs, 1) < 0 || cx_arg(args[0], &z) < 0)
        return NULL;
    /* libm's atan2 reports underflow through errno, and CPython raises it. */
    errno = 0;
    double phi = atan2(z.im, z.re);
    if (errno)
        return raise(vm.e_OverflowError, "math range error");
    return float_new(phi);
}

static Object *m_polar(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    Cx z;
    enum CmError err;
    if (args_exact("cmath.polar", kw, nargs, 1) < 0 || cx_arg(args[0], &z) < 0)
        return NULL;
    /* An underflow in atan2 is reported unless abs() has a result of its
       own, as in CPython. */
    errno = 0;
    double phi = atan2(z.im, z.re);
    bool underflow = errno != 0;
    double r = c_abs(z, &err);
    if (err != CM_OK || (underflow && isnan(r)))
        return raise(vm.e_OverflowError, "math range error");
    return tuple_pack(2, float_new(r), float_new(phi));
}

static Object *m_rect(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    double r, phi;
    if (args_no_kw("rect", kw) < 0 || args_count("rect", nargs, 2, 2) < 0
        || real_arg(args[0], &r) < 0 || real_arg(args[1], &phi) < 0)
        return NULL;
    Cx z;
    enum CmError err = CM_OK;
    if (!isfinite(r) || !isfinite(phi)) {
        if (isinf(r) && isfinite(phi) && phi != 0.) {
            z.re = r > 0 ? copysign(INFINITY, cos(phi)) : -copysign(INFINITY, cos(phi));
            z.im = r > 0 ? copysign(INFINITY, sin(phi)) : -copysign(INFINITY, sin(phi));
        } else {
            z = from_table(rect_special, (Cx){ r, phi }, &err);
        }
        err = r != 0. && !isnan(r) && isinf(phi) ? CM_DOMAIN : CM_OK;
    } else if (phi == 0.) {
        /* r * sin(-0.) is what keeps the sign of zero here. */
        z = (Cx){ r, r * phi };
    } else {
        z = (Cx){ r * cos(phi), r * sin(phi) };
    }
    return result(z, err);
}

static Object *m_isfinite(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    Cx z;
    if (args_exact("cmath.isfinite", kw, nargs, 1) < 0 || cx_arg(args[0], &z) < 0)
        return NULL;
    return bool_obj(isfinite(z.re) && isfinite(z.im));
}

static Object *m_isinf(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    Cx z;
    if (args_exact("cmath.isinf", kw, nargs, 1) < 0 || cx_arg(args[0], &z) < 0)
        return NULL;
    return bool_obj(isinf(z.re) || isinf(z.im));
}

static Object *m_isnan(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    Cx z;
    if (args_exact("cmath.isnan", kw, nargs, 1) < 0 || cx_arg(args[0], &z) < 0)
        return NULL;
    return bool_obj(isnan(z.re) || isnan(z.im));
}

static Object *m_isclose(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    static const char *const names[] = { "a", "b", "rel_tol", "abs_tol", NULL };
    Object *a[4];
    if (nargs > 2)
        return raise(vm.e_TypeError, "isclose() takes exactly 2 positional arguments (%zu given)",
                     nargs);
    if (args_parse("isclose", args, nargs, kw, names, 2, 2, a) < 0)
        return NULL;
    Cx x, y;
    double rel_tol = 1e-09, abs_tol = 0.0;
    if (cx_arg(a[0], &x) < 0 || cx_arg(a[1], &y) < 0 || (a[2] && real_arg(a[2], &rel_tol) < 0)
        || (a[3] && real_arg(a[3], &abs_tol) < 0))
        return NULL;
    if (rel_tol < 0.0 || abs_tol < 0.0)
        return raise(vm.e_ValueError, "tolerances must be non-negative");
    if (x.re == y.re && x.im == y.im)
        return True_;
    if (isinf(x.re) || isinf(x.im) || isinf(y.re) || isinf(y.im))
        return False_;
    enum CmError err;
    double diff = c_abs((Cx){ x.re - y.re, x.im - y.im }, &err);
    return bool_obj(diff <= rel_tol * c_abs(y, &err) || diff <= rel_tol * c_abs(x, &err)
                    || diff <= abs_tol);
}

Object *cmath_module_init(void)
{
    Object *m = module_new(intern_cstr("cmath"));
    if (!m)
        return NULL;
    Object *d = ((ModuleObj *)m)->dict;
    static const MethodDef functions[] = {
        { "acos", m_acos, 0 }, { "acosh", m_acosh, 0 }, { "asin", m_asin, 0 },
        { "asinh", m_asinh, 0 }, { "atan", m_atan, 0 }, { "atanh", m_atanh, 0 },
        { "cos", m_cos, 0 }, { "cosh", m_cosh, 0 }, { "exp", m_exp, 0 },
        { "isclose", m_isclose, 0 }, { "isfinite", m_isfinite, 0 }, { "isinf", m_isinf, 0 },
        { "isnan", m_isnan, 0 }, { "log", m_log, 0 }, { "log10", m_log10, 0 },
        { "phase", m_phase, 0 }, { "polar", m_polar, 0 }, { "rect", m_rect, 0 },
        { "sin", m_sin, 0 }, { "sinh", m_sinh, 0 }, { "sqrt", m_sqrt, 0 }, { "tan", m_tan, 0 },
        { "tanh", m_tanh, 0 }, { NULL, NULL, 0 },
    };
    for (const MethodDef *f = functions; f->name; f++)
        if (dict_set_cstr(d, f->name, builtin_new(f->name, f->fn, m, m)) < 0)
            return NULL;
    static const struct { const char *name; double re, im; bool cx; } constants[] = {
        { "pi", M_PI, 0, false }, { "e", M_E, 0, false }, { "tau", 2 * M_PI, 0, false },
        { "inf", INFINITY, 0, false }, { "nan", NAN, 0, false },
        { "infj", 0, INFINITY, true }, { "nanj", 0, NAN, true },
    };
    for (size_t i = 0; i < sizeof constants / sizeof constants[0]; i++) {
        Object *v = constants[i].cx ? complex_new(constants[i].re, constants[i].im)
                                    : float_new(constants[i].re);
        if (!v || dict_set_cstr(d, constants[i].name, v) < 0)
            return NULL;
    }
    return m;
}
