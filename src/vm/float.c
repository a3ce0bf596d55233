/*
** float: arithmetic with CPython's rules (float_ops.h), text through
** float_repr.h and float_parse.h, hashes through float_hash.h, and exact
** comparison with ints.  Instances of float subclasses are Instances
** holding a Float in base_value.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "vm/float_hash.h"
#include "vm/float_hex.h"
#include "vm/float_ops.h"
#include "vm/float_parse.h"
#include "vm/float_repr.h"
#include "vm/float_round.h"
#include "vm/num.h"

Object *float_new(double d)
{
    Float *f = (Float *)vm_alloc(sizeof(struct Float), L_FLOAT, vm.t_float);
    if (f)
        f->value = d;
    return (Object *)f;
}

Object *float_unwrap(Object *v)
{
    if (is_small(v))
        return NULL;
    if (layout_of(v) == L_FLOAT)
        return v;
    if (layout_of(v) == L_INSTANCE && ((Instance *)v)->base_value
        && is_float(((Instance *)v)->base_value) && type_is_subtype(type_of(v), vm.t_float))
        return ((Instance *)v)->base_value;
    return NULL;
}

static Object *textbuf_to_str(struct TextBuf *b, int rc)
{
    Object *r = rc < 0 ? raise_no_memory() : str_from_utf8(b->data ? b->data : "", b->len);
    textbuf_free(b);
    return r;
}

Object *float_repr_of(double d)
{
    struct TextBuf b = TEXTBUF_INIT;
    return textbuf_to_str(&b, float_repr(&b, d));
}

static Object *float_repr_slot(Object *v) { return float_repr_of(float_value(float_unwrap(v))); }

int number_as_double(Object *v, double *out)
{
    Object *f = float_unwrap(v);
    if (f) {
        *out = float_value(f);
        return 1;
    }
    Object *i = int_value(v);
    if (i) {
        bool of;
        *out = int_to_double(i, &of);
        if (of) {
            raise(vm.e_OverflowError, "int too large to convert to float");
            return -1;
        }
        return 1;
    }
    return 0;
}

#define OPERANDS(a, b)                                          \
    double x, y;                                                \
    int ra = number_as_double(a, &x);                           \
    int rb = ra > 0 ? number_as_double(b, &y) : 0;              \
    if (ra < 0 || rb < 0)                                       \
        return NULL;                                            \
    if (!ra || !rb)                                             \
        return NotImplemented

static Object *float_add(Object *a, Object *b) { OPERANDS(a, b); return float_new(x + y); }
static Object *float_sub(Object *a, Object *b) { OPERANDS(a, b); return float_new(x - y); }
static Object *float_mul(Object *a, Object *b) { OPERANDS(a, b); return float_new(x * y); }

static Object *float_div(Object *a, Object *b)
{
    OPERANDS(a, b);
    if (y == 0)
        return raise(vm.e_ZeroDivisionError, "float division by zero");
    return float_new(x / y);
}

static Object *float_mod_slot(Object *a, Object *b)
{
    OPERANDS(a, b);
    double r;
    if (float_mod(x, y, &r) < 0)
        return raise(vm.e_ZeroDivisionError, "float modulo");
    return float_new(r);
}

static Object *float_floordiv_slot(Object *a, Object *b)
{
    OPERANDS(a, b);
    double r;
    if (float_floordiv(x, y, &r) < 0)
        return raise(vm.e_ZeroDivisionError, "float floor division by zero");
    return float_new(r);
}

Object *float_divmod_obj(Object *a, Object *b)
{
    OPERANDS(a, b);
    double q, r;
    if (float_divmod(x, y, &q, &r) < 0)
        return raise(vm.e_ZeroDivisionError, "float divmod()");
    Object *fq = float_new(q), *fr = fq ? float_new(r) : NULL;
    return fr ? tuple_pack(2, fq, fr) : NULL;
}

Object *float_power(double x, double y)
{
    double r;
    switch (float_pow(x, y, &r)) {
    case FLOAT_OP_OK: return float_new(r);
    case FLOAT_OP_ZERO_DIVISION:
        return raise(vm.e_ZeroDivisionError, "0.0 cannot be raised to a negative power");
    case FLOAT_OP_COMPLEX: return complex_power(x, 0.0, y, 0.0);
    case FLOAT_OP_OVERFLOW: return raise(vm.e_OverflowError, "(34, 'Numerical result out of range')");
    default: return raise(vm.e_ValueError, "math domain error");
    }
}

static Object *float_pow_slot(Object *a, Object *b)
{
    OPERANDS(a, b);
    return float_power(x, y);
}

static Object *float_neg(Object *a) { return float_new(-float_value(float_unwrap(a))); }
static Object *float_pos(Object *a) { return float_new(float_value(float_unwrap(a))); }
static Object *float_abs(Object *a) { return float_new(fabs(float_value(float_unwrap(a)))); }
static int float_truth(Object *a) { return float_value(float_unwrap(a)) != 0; }

static Object *float_to_int(Object *a)
{
    double d = float_value(float_unwrap(a));
    if (isinf(d))
        return raise(vm.e_OverflowError, "cannot convert float infinity to integer");
    if (isnan(d))
        return raise(vm.e_ValueError, "cannot convert float NaN to integer");
    return int_from_double(d);
}

static Object *float_to_float(Object *a)
{
    Object *f = float_unwrap(a);
    return f == a ? a : float_new(float_value(f));
}

/* The sign of d - i, exactly: through the integer part of d when the
   two are close, never through a lossy conversion of i. */
static int compare_double_int(double d, Object *i)
{
    if (isinf(d))
        return d > 0 ? 1 : -1;
    if (is_small(i) && llabs(small_value(i)) <= ((intptr_t)1 << 53)) {
        double di = (double)small_value(i);
        return (d > di) - (d < di);
    }
    int si = int_sign(i), sd = (d > 0) - (d < 0);
    if (si != sd)
        return sd > si ? 1 : -1;
    /* Same sign: compare magnitudes by bit length first. */
    mp_limb_t bx;
    uint64_t ibits = bigint_bit_length(int_view(i, &bx));
    int e;
    frexp(d, &e);
    if (e < 0 || (uint64_t)e < ibits)
        return -si;
    if ((uint64_t)e > ibits)
        return si;
    double fl = floor(d);
    Object *whole = int_from_double(fl);
    if (!whole)
        return 0;
    int c = int_compare(whole, i);
    if (c == 0 && d != fl)
        c = 1;
    return c;
}

Object *float_compare_int(Object *f, Object *i, CmpOp op)
{
    double d = float_value(f);
    if (isnan(d))
        return bool_obj(op == CMP_NE);
    return num_cmp_result(compare_double_int(d, int_value(i)), op);
}

static Object *float_richcompare(Object *a, Object *b, CmpOp op)
{
    Object *fa = float_unwrap(a);
    if (!fa)
        return NotImplemented;
    if (int_value(b))
        return float_compare_int(fa, b, op);
    Object *fb = float_unwrap(b);
    if (!fb)
        return NotImplemented;
    double x = float_value(fa), y = float_value(fb);
    switch (op) {
    case CMP_LT: return bool_obj(x < y);
    case CMP_LE: return bool_obj(x <= y);
    case CMP_EQ: return bool_obj(x == y);
    case CMP_NE: return bool_obj(x != y);
    case CMP_GT: return bool_obj(x > y);
    default: return bool_obj(x >= y);
    }
}

static int64_t float_hash_slot(Object *a)
{
    bool nan;
    int64_t h = float_hash(float_value(float_unwrap(a)), &nan);
    if (nan) {
        /* NaNs hash by identity, as CPython's _Py_HashPointer. */
        uintptr_t p = (uintptr_t)a;
        h = (int64_t)((p >> 4) | (p << (8 * sizeof p - 4)));
        if (h == -1)
            h = -2;
    }
    return h;
}

/* ---- construction ------------------------------------------------------------ */

static Object *cannot_convert(Object *orig)
{
    Object *r = obj_repr(orig);
    char *u = r ? str_to_utf8(r, NULL) : NULL;
    if (!u)
        return NULL;
    raise(vm.e_ValueError, "could not convert string to float: %s", u);
    free(u);
    return NULL;
}

static Object *float_from_text(Object *text, Object *orig)
{
    double d;
    if (is_bytes(text)) {
        Bytes *by = (Bytes *)text;
        const char *p = (const char *)stm_real_address((stm_obj *)by) + offsetof(struct Bytes, data);
        char *copy = malloc(by->size + 1);
        if (!copy)
            return raise_no_memory();
        memcpy(copy, p, by->size);
        int rc = float_from_string(copy, by->size, &d);
        free(copy);
        return rc < 0 ? cannot_convert(orig) : float_new(d);
    }
    size_t len;
    bool bad;
    char *a = num_ascii_of_str(text, &len, &bad);
    if (!a)
        return bad ? cannot_convert(orig) : NULL;
    int rc = float_from_string(a, len, &d);
    free(a);
    return rc < 0 ? cannot_convert(orig) : float_new(d);
}

Object *float_from_object(Object *v)
{
    Object *f = float_unwrap(v);
    if (f)
        return f;
    Type *t = type_of(v);
    if (t->unary[UN_FLOAT]) {
        Object *r = t->unary[UN_FLOAT](v);
        if (!r)
            return NULL;
        Object *rf = float_unwrap(r);
        if (!rf)
            return raise(vm.e_TypeError, "%s.__float__ returned non-float (type %s)",
                         type_name(t), type_name(type_of(r)));
        return rf;
    }
    if (t->unary[UN_INDEX]) {
        Object *i = number_index(v);
        if (!i)
            return NULL;
        double d;
        return number_as_double(i, &d) < 0 ? NULL : float_new(d);
    }
    if (is_str(v) || is_bytes(v))
        return float_from_text(v, v);
    if (layout_of(v) == L_INSTANCE && ((Instance *)v)->base_value
        && (is_str(((Instance *)v)->base_value) || is_bytes(((Instance *)v)->base_value)))
        return float_from_text(((Instance *)v)->base_value, v);
    return raise(vm.e_TypeError, "float() argument must be a string or a real number, not '%s'",
                 type_name(t));
}

static Object *wrap_subclass(Object *cls, Object *v)
{
    if (!v || (Type *)cls == vm.t_float)
        return v;
    Instance *in = (Instance *)vm_alloc(sizeof(struct Instance), L_INSTANCE, (Type *)cls);
    if (in)
        in->base_value = v;
    return (Object *)in;
}

static Object *float_tp_new(Object *cls, Object *const *args, size_t nargs, Object *kw)
{
    if (args_no_kw("float", kw) < 0)
        return NULL;
    if (nargs > 1)
        return raise(vm.e_TypeError, "float expected at most 1 argument, got %zu", nargs);
    return wrap_subclass(cls, nargs ? float_from_object(args[0]) : float_new(0.0));
}

/* ---- methods --------------------------------------------------------------------- */

#define SELF double x = float_value(float_unwrap(self))
#define NOARGS(name) if (args_exact(name, kw, nargs, 0) < 0) return NULL

static Object *m_is_integer(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    NOARGS("is_integer");
    SELF;
    return bool_obj(float_is_integer(x));
}

static Object *m_as_integer_ratio(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    NOARGS("as_integer_ratio");
    SELF;
    int64_t mant;
    int e;
    switch (float_as_integer_ratio(x, &mant, &e)) {
    case FLOAT_OP_INFINITE:
        return raise(vm.e_OverflowError, "cannot convert Infinity to integer ratio");
    case FLOAT_OP_NAN:
        return raise(vm.e_ValueError, "cannot convert NaN to integer ratio");
    default: break;
    }
    Object *m = int_from_i64(mant);
    Object *num = m, *den = make_small(1);
    if (m && e > 0)
        num = int_lshift_values(m, make_small(e));
    else if (m && e < 0)
        den = int_lshift_values(make_small(1), make_small(-e));
    return num && den ? tuple_pack(2, num, den) : NULL;
}

static Object *m_hex(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    NOARGS("hex");
    SELF;
    struct TextBuf b = TEXTBUF_INIT;
    return textbuf_to_str(&b, float_to_hex(&b, x));
}

static Object *m_fromhex(Object *cls, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("fromhex", kw, nargs, 1) < 0)
        return NULL;
    if (!is_str(args[0]))
        return raise(vm.e_TypeError, "bad argument type for built-in operation");
    size_t len;
    char *u = str_to_utf8(args[0], &len);
    if (!u)
        return NULL;
    double d;
    int rc = float_from_hex(u, len, &d);
    free(u);
    if (rc == FLOAT_FROMHEX_INVALID)
        return raise(vm.e_ValueError, "invalid hexadecimal floating-point string");
    if (rc == FLOAT_FROMHEX_OVERFLOW)
        return raise(vm.e_OverflowError, "hexadecimal value too large to represent as a float");
    Object *f = float_new(d);
    if (!f || (Type *)cls == vm.t_float)
        return f;
    return obj_call1(cls, f);
}

static Object *m_conjugate(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    NOARGS("conjugate");
    return float_to_float(self);
}

static Object *m_trunc(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    NOARGS("__trunc__");
    return float_to_int(self);
}

static Object *int_of_double(double d)
{
    if (isinf(d))
        return raise(vm.e_OverflowError, "cannot convert float infinity to integer");
    if (isnan(d))
        return raise(vm.e_ValueError, "cannot convert float NaN to integer");
    return int_from_double(d);
}

static Object *m_floor(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    NOARGS("__floor__");
    SELF;
    return int_of_double(floor(x));
}

static Object *m_ceil(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    NOARGS("__ceil__");
    SELF;
    return int_of_double(ceil(x));
}

static Object *m_round(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_no_kw("__round__", kw) < 0 || args_count("__round__", nargs, 0, 1) < 0)
        return NULL;
    SELF;
    if (!nargs || args[0] == None)
        return int_of_double(float_round_half_even(x));
    intptr_t nd;
    if (index_to_ssize(args[0], &nd, true) < 0)
        return NULL;
    double r;
    int rc = float_round(x, nd, &r);
    if (rc == FLOAT_ROUND_OVERFLOW)
        return raise(vm.e_OverflowError, "rounded value too large to represent");
    if (rc == FLOAT_ROUND_NO_MEMORY)
        return raise_no_memory();
    return float_new(r);
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

static Object *m_getformat(Object *cls, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("__getformat__", kw, nargs, 1) < 0)
        return NULL;
    if (!is_str(args[0]))
        return raise(vm.e_TypeError, "__getformat__() argument must be str, not %s",
                     type_name(type_of(args[0])));
    if (!str_eq_cstr(args[0], "double") && !str_eq_cstr(args[0], "float"))
        return raise(vm.e_ValueError, "__getformat__() argument 1 must be 'double' or 'float'");
    return str_from_cstr("IEEE, little-endian");
}

static Object *m_getnewargs(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    NOARGS("__getnewargs__");
    return tuple_pack(1, float_to_float(self));
}

static Object *get_real(Object *self) { return float_to_float(self); }
static Object *get_imag(Object *self) { return float_new(0.0); }

Object *getset_new(Type *owner, const char *name, Object *(*get)(Object *),
                   int (*set)(Object *, Object *));

void float_type_init(void)
{
    Type *t = vm.t_float;
    t->repr = float_repr_slot;
    t->hash = float_hash_slot;
    t->richcompare = float_richcompare;
    t->truth = float_truth;
    t->tp_new = float_tp_new;
    t->binary[NB_ADD] = float_add;
    t->binary[NB_SUBTRACT] = float_sub;
    t->binary[NB_MULTIPLY] = float_mul;
    t->binary[NB_TRUE_DIVIDE] = float_div;
    t->binary[NB_REMAINDER] = float_mod_slot;
    t->binary[NB_FLOOR_DIVIDE] = float_floordiv_slot;
    t->binary[NB_POWER] = float_pow_slot;
    t->unary[UN_NEG] = float_neg;
    t->unary[UN_POS] = float_pos;
    t->unary[UN_ABS] = float_abs;
    t->unary[UN_INT] = float_to_int;
    t->unary[UN_FLOAT] = float_to_float;
    static const MethodDef methods[] = {
        { "is_integer", m_is_integer, 0 }, { "as_integer_ratio", m_as_integer_ratio, 0 },
        { "hex", m_hex, 0 }, { "fromhex", m_fromhex, METH_CLASS },
        { "conjugate", m_conjugate, 0 }, { "__trunc__", m_trunc, 0 },
        { "__floor__", m_floor, 0 }, { "__ceil__", m_ceil, 0 }, { "__round__", m_round, 0 },
        { "__format__", m_format, 0 }, { "__getformat__", m_getformat, METH_CLASS },
        { "__getnewargs__", m_getnewargs, 0 },
        { NULL, NULL, 0 },
    };
    type_add_methods(t, methods);
    getset_new(t, "real", get_real, NULL);
    getset_new(t, "imag", get_imag, NULL);
    complex_type_init();
}
