/*
** complex: construction from numbers and strings, repr, arithmetic with
** CPython's algorithms (so that results agree to the last bit), ==/!=
** only, and hashing.  Instances of complex subclasses are Instances
** holding a Complex in base_value.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "vm/float_hash.h"
#include "vm/float_parse.h"
#include "vm/float_repr.h"
#include "vm/num.h"

typedef struct { double re, im; } Cx;

Object *complex_unwrap(Object *v)
{
    if (is_small(v))
        return NULL;
    if (layout_of(v) == L_COMPLEX)
        return v;
    if (layout_of(v) == L_INSTANCE && ((Instance *)v)->base_value
        && !is_small(((Instance *)v)->base_value)
        && layout_of(((Instance *)v)->base_value) == L_COMPLEX
        && type_is_subtype(type_of(v), vm.t_complex))
        return ((Instance *)v)->base_value;
    return NULL;
}

static Cx cx_of(Object *c) { return (Cx){ ((Complex *)c)->real, ((Complex *)c)->imag }; }
static Object *cx_new(Cx c) { return complex_new(c.re, c.im); }

/* An operand as complex: complex, float or int; 0 if none of those. */
static int as_cx(Object *v, Cx *out)
{
    Object *c = complex_unwrap(v);
    if (c) {
        *out = cx_of(c);
        return 1;
    }
    double d;
    int r = number_as_double(v, &d);
    if (r > 0)
        *out = (Cx){ d, 0.0 };
    return r;
}

#define OPERANDS(a, b)                                  \
    Cx x, y;                                            \
    int ra = as_cx(a, &x);                              \
    int rb = ra > 0 ? as_cx(b, &y) : 0;                 \
    if (ra < 0 || rb < 0)                               \
        return NULL;                                    \
    if (!ra || !rb)                                     \
        return NotImplemented

static Cx cx_mul(Cx a, Cx b) { return (Cx){ a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re }; }

/* a / b by scaling with the larger component of b (Smith's method, as
   CPython); false when b is zero. */
static bool cx_div(Cx a, Cx b, Cx *out)
{
    double abs_re = fabs(b.re), abs_im = fabs(b.im);
    if (abs_re >= abs_im) {
        if (abs_re == 0.0)
            return false;
        double ratio = b.im / b.re, denom = b.re + b.im * ratio;
        *out = (Cx){ (a.re + a.im * ratio) / denom, (a.im - a.re * ratio) / denom };
    } else if (abs_im >= abs_re) {
        double ratio = b.re / b.im, denom = b.re * ratio + b.im;
        *out = (Cx){ (a.re * ratio + a.im) / denom, (a.im * ratio - a.re) / denom };
    } else {
        *out = (Cx){ NAN, NAN };
    }
    return true;
}

static Object *complex_add(Object *a, Object *b) { OPERANDS(a, b); return complex_new(x.re + y.re, x.im + y.im); }
static Object *complex_sub(Object *a, Object *b) { OPERANDS(a, b); return complex_new(x.re - y.re, x.im - y.im); }
static Object *complex_mul(Object *a, Object *b) { OPERANDS(a, b); return cx_new(cx_mul(x, y)); }

static Object *complex_div(Object *a, Object *b)
{
    OPERANDS(a, b);
    Cx r;
    if (!cx_div(x, y, &r))
        return raise(vm.e_ZeroDivisionError, "complex division by zero");
    return cx_new(r);
}

static Cx cx_powu(Cx x, long n)
{
    Cx r = { 1.0, 0.0 }, p = x;
    for (long mask = 1; mask > 0 && n >= mask; mask <<= 1) {
        if (n & mask)
            r = cx_mul(r, p);
        p = cx_mul(p, p);
    }
    return r;
}

Object *complex_power(double ar, double ai, double br, double bi)
{
    Cx a = { ar, ai }, r;
    long n = (long)br;
    bool ok = true;
    if (bi == 0.0 && br == (double)n && labs(n) <= 100) {
        if (n > 0)
            r = cx_powu(a, n);
        else
            ok = cx_div((Cx){ 1.0, 0.0 }, cx_powu(a, -n), &r);
    } else if (br == 0.0 && bi == 0.0) {
        r = (Cx){ 1.0, 0.0 };
    } else if (ar == 0.0 && ai == 0.0) {
        ok = !(bi != 0.0 || br < 0.0);
        r = (Cx){ 0.0, 0.0 };
    } else {
        double vabs = hypot(ar, ai), len = pow(vabs, br), at = atan2(ai, ar), phase = at * br;
        if (bi != 0.0) {
            len /= exp(at * bi);
            phase += bi * log(vabs);
        }
        r = (Cx){ len * cos(phase), len * sin(phase) };
    }
    if (!ok)
        return raise(vm.e_ZeroDivisionError, "0.0 to a negative or complex power");
    if (isinf(r.re) || isinf(r.im))
        return raise(vm.e_OverflowError, "complex exponentiation");
    return cx_new(r);
}

static Object *complex_pow_slot(Object *a, Object *b)
{
    OPERANDS(a, b);
    return complex_power(x.re, x.im, y.re, y.im);
}

static Object *complex_neg(Object *a) { Cx c = cx_of(complex_unwrap(a)); return complex_new(-c.re, -c.im); }
static Object *complex_pos(Object *a) { return cx_new(cx_of(complex_unwrap(a))); }

static Object *complex_abs(Object *a)
{
    Cx c = cx_of(complex_unwrap(a));
    if (isinf(c.re) || isinf(c.im))
        return float_new(INFINITY);
    if (isnan(c.re) || isnan(c.im))
        return float_new(NAN);
    double r = hypot(c.re, c.im);
    if (isinf(r))
        return raise(vm.e_OverflowError, "absolute value too large");
    return float_new(r);
}

static int complex_truth(Object *a)
{
    Cx c = cx_of(complex_unwrap(a));
    return c.re != 0.0 || c.im != 0.0;
}

static Object *complex_richcompare(Object *a, Object *b, CmpOp op)
{
    Object *ca = complex_unwrap(a);
    if (!ca || (op != CMP_EQ && op != CMP_NE))
        return NotImplemented;
    Cx x = cx_of(ca);
    bool eq;
    if (int_value(b)) {
        if (x.im != 0.0)
            eq = false;
        else {
            Object *f = float_new(x.re);
            Object *r = f ? float_compare_int(f, b, CMP_EQ) : NULL;
            if (!r)
                return NULL;
            eq = r == True_;
        }
    } else if (float_unwrap(b)) {
        eq = x.re == float_value(float_unwrap(b)) && x.im == 0.0;
    } else if (complex_unwrap(b)) {
        Cx y = cx_of(complex_unwrap(b));
        eq = x.re == y.re && x.im == y.im;
    } else {
        return NotImplemented;
    }
    return bool_obj(op == CMP_EQ ? eq : !eq);
}

static int64_t complex_hash(Object *a)
{
    Cx c = cx_of(complex_unwrap(a));
    bool nan;
    uint64_t hr = (uint64_t)float_hash(c.re, &nan);
    if (nan)
        hr = (uint64_t)((uintptr_t)a >> 4);
    uint64_t hi = (uint64_t)float_hash(c.im, &nan);
    if (nan)
        hi = (uint64_t)((uintptr_t)a >> 4);
    int64_t h = (int64_t)(hr + 1000003u * hi);
    return h == -1 ? -2 : h;
}

/* ---- text ------------------------------------------------------------------------ */

static Object *complex_repr(Object *a)
{
    Cx c = cx_of(complex_unwrap(a));
    struct TextBuf b = TEXTBUF_INIT;
    int rc;
    if (c.re == 0.0 && copysign(1.0, c.re) == 1.0) {
        rc = float_to_string(&b, c.im, 'r', 0, 0) | textbuf_append_byte(&b, 'j');
    } else {
        rc = textbuf_append_byte(&b, '(') | float_to_string(&b, c.re, 'r', 0, 0)
             | float_to_string(&b, c.im, 'r', 0, FLOAT_DTSF_SIGN) | textbuf_append_str(&b, "j)");
    }
    Object *r = rc < 0 ? raise_no_memory() : str_from_utf8(b.data, b.len);
    textbuf_free(&b);
    return r;
}

/* The length of the float literal at s (digits, point, exponent, inf,
   nan); float_from_string then checks it. */
static size_t float_prefix(const char *s, size_t n)
{
    size_t i = 0;
    if (i < n && (s[i] == '+' || s[i] == '-'))
        i++;
    static const char *const words[] = { "infinity", "inf", "nan" };
    for (int w = 0; w < 3; w++) {
        size_t wl = strlen(words[w]);
        if (n - i >= wl && strncasecmp(s + i, words[w], wl) == 0)
            return i + wl;
    }
    size_t start = i;
    while (i < n && ((s[i] >= '0' && s[i] <= '9') || s[i] == '_' || s[i] == '.'))
        i++;
    if (i > start && i < n && (s[i] == 'e' || s[i] == 'E')) {
        size_t j = i + 1;
        if (j < n && (s[j] == '+' || s[j] == '-'))
            j++;
        size_t d = j;
        while (j < n && ((s[j] >= '0' && s[j] <= '9') || s[j] == '_'))
            j++;
        if (j > d)
            i = j;
    }
    return i;
}

static bool parse_double(const char *s, size_t n, double *out)
{
    return n > 0 && float_from_string(s, n, out) == 0;
}

/* complex(str): [ws] ['('] [ws] (real | imag 'j' | real imag 'j') [ws] [')'] [ws]
   where imag may be just a sign. */
static bool parse_complex(const char *s, size_t n, Cx *out)
{
    size_t i = 0;
    while (n > 0 && s[n - 1] == ' ')
        n--;
    while (i < n && s[i] == ' ')
        i++;
    if (i < n && s[i] == '(') {
        if (s[n - 1] != ')')
            return false;
        i++;
        n--;
        while (n > i && s[n - 1] == ' ')
            n--;
        while (i < n && s[i] == ' ')
            i++;
    }
    if (i >= n)
        return false;
    size_t a = float_prefix(s + i, n - i);
    double x = 0, y = 0;
    if (i + a == n) {
        *out = (Cx){ 0.0, 0.0 };
        return parse_double(s + i, a, &out->re);
    }
    if (i + a + 1 == n && (s[n - 1] == 'j' || s[n - 1] == 'J')) {
        if (a == 0 || (a == 1 && (s[i] == '+' || s[i] == '-')))
            y = a == 1 && s[i] == '-' ? -1.0 : 1.0;
        else if (!parse_double(s + i, a, &y))
            return false;
        *out = (Cx){ 0.0, y };
        return true;
    }
    if (!parse_double(s + i, a, &x))
        return false;
    i += a;
    if (s[i] != '+' && s[i] != '-')
        return false;
    size_t b = float_prefix(s + i, n - i);
    if (i + b + 1 != n || (s[n - 1] != 'j' && s[n - 1] != 'J'))
        return false;
    if (b == 1)
        y = s[i] == '-' ? -1.0 : 1.0;
    else if (!parse_double(s + i, b, &y))
        return false;
    *out = (Cx){ x, y };
    return true;
}

static Object *complex_from_str(Object *s)
{
    size_t len;
    bool bad;
    char *a = num_ascii_of_str(s, &len, &bad);
    if (!a && !bad)
        return NULL;
    for (size_t i = 0; a && i < len; i++)
        if (a[i] == '\t' || a[i] == '\n' || a[i] == '\v' || a[i] == '\f' || a[i] == '\r')
            a[i] = ' ';
    Cx c;
    bool ok = a && !memchr(a, 0, len) && parse_complex(a, len, &c);
    free(a);
    if (!ok)
        return raise(vm.e_ValueError, "complex() arg is a malformed string");
    return cx_new(c);
}

/* The __complex__ of v if its type has one: 1 with *out set, 0 if none. */
static int try_dunder_complex(Object *v, Cx *out)
{
    Object *f = type_lookup(type_of(v), intern_cstr("__complex__"));
    if (!f)
        return 0;
    Type *ft = type_of(f);
    if (ft->descr_get && !(f = ft->descr_get(f, v, type_of(v))))
        return -1;
    Object *r = obj_call0(f);
    if (!r)
        return -1;
    Object *c = complex_unwrap(r);
    if (!c) {
        raise(vm.e_TypeError, "__complex__ returned non-complex (type %s)", type_name(type_of(r)));
        return -1;
    }
    *out = cx_of(c);
    return 1;
}

static int number_part(Object *v, Cx *out, bool *is_cx, const char *what)
{
    *is_cx = false;
    Object *c = complex_unwrap(v);
    if (c) {
        *is_cx = true;
        *out = cx_of(c);
        return 0;
    }
    int r = try_dunder_complex(v, out);
    if (r) {
        *is_cx = true;
        return r < 0 ? -1 : 0;
    }
    Type *t = type_of(v);
    if (float_unwrap(v) || int_value(v) || t->unary[UN_FLOAT] || t->unary[UN_INDEX]) {
        Object *f = float_from_object(v);
        if (!f)
            return -1;
        *out = (Cx){ float_value(f), 0.0 };
        return 0;
    }
    raise(vm.e_TypeError, "complex() %s must be a string or a number, not '%s'", what,
          type_name(t));
    return -1;
}

static Object *complex_from_args(Object *re, Object *im)
{
    if (re && (is_str(re) || (!is_small(re) && layout_of(re) == L_INSTANCE
                              && ((Instance *)re)->base_value
                              && is_str(((Instance *)re)->base_value)))) {
        if (im)
            return raise(vm.e_TypeError, "complex() can't take second arg if first is a string");
        return complex_from_str(is_str(re) ? re : ((Instance *)re)->base_value);
    }
    if (im && is_str(im))
        return raise(vm.e_TypeError, "complex() second arg can't be a string");
    Cx a = { 0, 0 }, b = { 0, 0 };
    bool a_cx = false, b_cx = false;
    if (re && number_part(re, &a, &a_cx, "first argument") < 0)
        return NULL;
    if (im) {
        if (complex_unwrap(im)) {
            b = cx_of(complex_unwrap(im));
            b_cx = true;
        } else if (float_unwrap(im) || int_value(im) || type_of(im)->unary[UN_FLOAT]
                   || type_of(im)->unary[UN_INDEX]) {
            Object *f = float_from_object(im);
            if (!f)
                return NULL;
            b = (Cx){ float_value(f), 0.0 };
        } else {
            return raise(vm.e_TypeError, "complex() second argument must be a number, not '%s'",
                         type_name(type_of(im)));
        }
    }
    /* real + imag*1j, keeping signed zeros as CPython does. */
    double r = a.re, i = a.im;
    if (b_cx)
        r -= b.im;
    if (im)
        i = a_cx ? i + b.re : b.re;
    return complex_new(r, i);
}

static Object *complex_tp_new(Object *cls, Object *const *args, size_t nargs, Object *kw)
{
    static const char *const names[] = { "real", "imag", NULL };
    Object *out[2];
    if (args_parse("complex", args, nargs, kw, names, 0, 2, out) < 0)
        return NULL;
    Object *v;
    if (out[0] && !out[1] && complex_unwrap(out[0]) && (Type *)cls == vm.t_complex
        && type_of(out[0]) == vm.t_complex)
        return out[0];
    v = complex_from_args(out[0], out[1]);
    if (!v || (Type *)cls == vm.t_complex)
        return v;
    Instance *in = (Instance *)vm_alloc(sizeof(struct Instance), L_INSTANCE, (Type *)cls);
    if (in)
        in->base_value = v;
    return (Object *)in;
}

/* ---- methods --------------------------------------------------------------------- */

static Object *m_conjugate(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("conjugate", kw, nargs, 0) < 0)
        return NULL;
    Cx c = cx_of(complex_unwrap(self));
    return complex_new(c.re, -c.im);
}

static Object *m_complex(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("__complex__", kw, nargs, 0) < 0)
        return NULL;
    Object *c = complex_unwrap(self);
    return c == self ? c : cx_new(cx_of(c));
}

static Object *m_getnewargs(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("__getnewargs__", kw, nargs, 0) < 0)
        return NULL;
    Cx c = cx_of(complex_unwrap(self));
    Object *r = float_new(c.re), *i = r ? float_new(c.im) : NULL;
    return i ? tuple_pack(2, r, i) : NULL;
}

static Object *m_format(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("__format__", kw, nargs, 1) < 0)
        return NULL;
    if (!is_str(args[0]))
        return raise(vm.e_TypeError, "__format__() argument must be str, not %s",
                     type_name(type_of(args[0])));
    return number_format(self, args[0]);
}

static Object *get_real(Object *self) { return float_new(((Complex *)complex_unwrap(self))->real); }
static Object *get_imag(Object *self) { return float_new(((Complex *)complex_unwrap(self))->imag); }

Object *getset_new(Type *owner, const char *name, Object *(*get)(Object *),
                   int (*set)(Object *, Object *));

void complex_type_init(void)
{
    Type *t = vm.t_complex;
    t->repr = complex_repr;
    t->hash = complex_hash;
    t->richcompare = complex_richcompare;
    t->truth = complex_truth;
    t->tp_new = complex_tp_new;
    t->binary[NB_ADD] = complex_add;
    t->binary[NB_SUBTRACT] = complex_sub;
    t->binary[NB_MULTIPLY] = complex_mul;
    t->binary[NB_TRUE_DIVIDE] = complex_div;
    t->binary[NB_POWER] = complex_pow_slot;
    t->unary[UN_NEG] = complex_neg;
    t->unary[UN_POS] = complex_pos;
    t->unary[UN_ABS] = complex_abs;
    static const MethodDef methods[] = {
        { "conjugate", m_conjugate, 0 }, { "__complex__", m_complex, 0 },
        { "__getnewargs__", m_getnewargs, 0 }, { "__format__", m_format, 0 },
        { NULL, NULL, 0 },
    };
    type_add_methods(t, methods);
    getset_new(t, "real", get_real, NULL);
    getset_new(t, "imag", get_imag, NULL);
}
