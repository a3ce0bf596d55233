/*
** float: arithmetic with CPython's rules (floor division and modulo take
** the sign of the divisor; errors for division by zero) and exact
** comparison with ints.
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/runtime.h"

Object *float_new(double d)
{
    Float *f = (Float *)vm_alloc(sizeof(struct Float), L_FLOAT, vm.t_float);
    if (f)
        f->value = d;
    return (Object *)f;
}

/* The shortest repr that reads back as the same double, in CPython's
   layout: exponent form outside 1e-4 <= |d| < 1e16, else ".0" added to
   integral values. */
Object *float_repr_of(double d)
{
    if (isnan(d))
        return intern_cstr("nan");
    if (isinf(d))
        return intern_cstr(d > 0 ? "inf" : "-inf");
    char digits[40];
    int prec;
    for (prec = 1; prec <= 17; prec++) {
        snprintf(digits, sizeof digits, "%.*e", prec - 1, d);
        if (strtod(digits, NULL) == d)
            break;
    }
    /* digits is [-]D[.DDD]e[+-]XX: take the mantissa digits and exponent. */
    char mant[24];
    int nm = 0, neg = digits[0] == '-';
    char *p = digits + neg;
    for (; *p && *p != 'e'; p++)
        if (*p != '.')
            mant[nm++] = *p;
    mant[nm] = 0;
    int exp10 = atoi(p + 1);
    while (nm > 1 && mant[nm - 1] == '0')
        mant[--nm] = 0;
    char out[64];
    int k = 0;
    if (neg)
        out[k++] = '-';
    if (exp10 < -4 || exp10 >= 16) {
        out[k++] = mant[0];
        if (nm > 1) {
            out[k++] = '.';
            memcpy(out + k, mant + 1, nm - 1);
            k += nm - 1;
        }
        k += snprintf(out + k, sizeof out - k, "e%c%02d", exp10 < 0 ? '-' : '+', abs(exp10));
    } else if (exp10 < 0) {
        out[k++] = '0';
        out[k++] = '.';
        for (int i = -1; i > exp10; i--)
            out[k++] = '0';
        memcpy(out + k, mant, nm);
        k += nm;
    } else {
        for (int i = 0; i <= exp10; i++)
            out[k++] = i < nm ? mant[i] : '0';
        out[k++] = '.';
        if (nm > exp10 + 1) {
            memcpy(out + k, mant + exp10 + 1, nm - exp10 - 1);
            k += nm - exp10 - 1;
        } else {
            out[k++] = '0';
        }
    }
    return str_from_latin1((unsigned char *)out, (size_t)k);
}

static Object *float_repr(Object *v) { return float_repr_of(float_value(v)); }

/* Converts an operand to double: float, int (may overflow) or bool. */
static int as_double(Object *v, double *out)
{
    if (is_float(v)) {
        *out = float_value(v);
        return 1;
    }
    if (is_int(v)) {
        bool of;
        *out = int_to_double(v, &of);
        if (of) {
            raise(vm.e_OverflowError, "int too large to convert to float");
            return -1;
        }
        return 1;
    }
    return 0;
}

#define OPERANDS(a, b)                                  \
    double x, y;                                        \
    int ra = as_double(a, &x), rb = as_double(b, &y);   \
    if (ra < 0 || rb < 0)                               \
        return NULL;                                    \
    if (!ra || !rb)                                     \
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

/* Python's modulo: the result has the sign of y. */
static double py_fmod(double x, double y)
{
    double m = fmod(x, y);
    if (m != 0) {
        if ((y < 0) != (m < 0))
            m += y;
    } else {
        m = copysign(0.0, y);
    }
    return m;
}

static Object *float_mod(Object *a, Object *b)
{
    OPERANDS(a, b);
    if (y == 0)
        return raise(vm.e_ZeroDivisionError, "float modulo");
    return float_new(py_fmod(x, y));
}

static Object *float_floordiv(Object *a, Object *b)
{
    OPERANDS(a, b);
    if (y == 0)
        return raise(vm.e_ZeroDivisionError, "float floor division by zero");
    double mod = fmod(x, y), div = (x - mod) / y;
    if (mod != 0 && ((y < 0) != (mod < 0)))
        div -= 1.0;
    double floordiv;
    if (div != 0) {
        floordiv = floor(div);
        if (div - floordiv > 0.5)
            floordiv += 1.0;
    } else {
        floordiv = copysign(0.0, x / y);
    }
    return float_new(floordiv);
}

static Object *float_pow(Object *a, Object *b)
{
    OPERANDS(a, b);
    if (x == 0 && y < 0)
        return raise(vm.e_ZeroDivisionError, "0.0 cannot be raised to a negative power");
    if (x < 0 && y != floor(y) && isfinite(y))
        return raise(vm.e_ValueError, "math domain error");   /* complex result: TODO in complex.c */
    double r = pow(x, y);
    if (isinf(r) && isfinite(x) && isfinite(y))
        return raise(vm.e_OverflowError, "(34, 'Numerical result out of range')");
    return float_new(r);
}

static Object *float_neg(Object *a) { return float_new(-float_value(a)); }
static Object *float_pos(Object *a) { return float_new(float_value(a)); }
static Object *float_abs(Object *a) { return float_new(fabs(float_value(a))); }
static Object *float_to_int(Object *a) { return int_from_double(float_value(a)); }
static int float_truth(Object *a) { return float_value(a) != 0; }

/* Exact comparison of a double with an int, as CPython does it: never
   through a lossy conversion of the int. */
static int compare_double_int(double d, Object *i)
{
    bool of;
    double di = int_to_double(i, &of);
    if (of)
        return isinf(d) ? (d > 0 ? 1 : -1) : (di > 0 ? -1 : 1);
    if (d != di)
        return d < di ? -1 : 1;
    /* Equal as doubles: decide exactly through the integer part. */
    if (floor(d) != d)
        return 0;           /* cannot happen: di is integral */
    Object *id = int_from_double(d);
    if (!id)
        return 0;
    Object *c = obj_richcompare(id, i, CMP_LT);
    if (c == True_)
        return -1;
    c = obj_richcompare(id, i, CMP_GT);
    return c == True_ ? 1 : 0;
}

static Object *cmp_result(int c, CmpOp op)
{
    switch (op) {
    case CMP_LT: return bool_obj(c < 0);
    case CMP_LE: return bool_obj(c <= 0);
    case CMP_EQ: return bool_obj(c == 0);
    case CMP_NE: return bool_obj(c != 0);
    case CMP_GT: return bool_obj(c > 0);
    default: return bool_obj(c >= 0);
    }
}

Object *float_compare_int(Object *f, Object *i, CmpOp op)
{
    double d = float_value(f);
    if (isnan(d))
        return bool_obj(op == CMP_NE);
    return cmp_result(compare_double_int(d, i), op);
}

static Object *float_richcompare(Object *a, Object *b, CmpOp op)
{
    if (!is_float(a))
        return NotImplemented;
    if (is_int(b))
        return float_compare_int(a, b, op);
    if (!is_float(b))
        return NotImplemented;
    double x = float_value(a), y = float_value(b);
    switch (op) {
    case CMP_LT: return bool_obj(x < y);
    case CMP_LE: return bool_obj(x <= y);
    case CMP_EQ: return bool_obj(x == y);
    case CMP_NE: return bool_obj(x != y);
    case CMP_GT: return bool_obj(x > y);
    default: return bool_obj(x >= y);
    }
}

/* CPython's hash of a double: the value modulo 2**61 - 1, so that equal
   ints and floats hash alike. */
static int64_t float_hash(Object *a)
{
    double d = float_value(a);
    if (isinf(d))
        return d > 0 ? 314159 : -314159;
    if (isnan(d))
        return (int64_t)((uintptr_t)a >> 4);
    const uint64_t P = ((uint64_t)1 << 61) - 1;
    int e;
    double m = frexp(d, &e);
    int sign = 1;
    if (m < 0) {
        sign = -1;
        m = -m;
    }
    uint64_t x = 0;
    while (m) {
        x = ((x << 28) & P) | x >> (61 - 28);
        m *= 268435456.0;
        e -= 28;
        uint64_t y = (uint64_t)m;
        m -= (double)y;
        x += y;
        if (x >= P)
            x -= P;
    }
    e = e >= 0 ? e % 61 : 61 - 1 - ((-1 - e) % 61);
    x = ((x << e) & P) | x >> (61 - e);
    int64_t h = (int64_t)x * sign;
    return h == -1 ? -2 : h;
}

void float_type_init(void)
{
    Type *t = vm.t_float;
    t->repr = float_repr;
    t->hash = float_hash;
    t->richcompare = float_richcompare;
    t->truth = float_truth;
    t->binary[NB_ADD] = float_add;
    t->binary[NB_SUBTRACT] = float_sub;
    t->binary[NB_MULTIPLY] = float_mul;
    t->binary[NB_TRUE_DIVIDE] = float_div;
    t->binary[NB_REMAINDER] = float_mod;
    t->binary[NB_FLOOR_DIVIDE] = float_floordiv;
    t->binary[NB_POWER] = float_pow;
    t->unary[UN_NEG] = float_neg;
    t->unary[UN_POS] = float_pos;
    t->unary[UN_ABS] = float_abs;
    t->unary[UN_INT] = float_to_int;
    t->unary[UN_FLOAT] = float_pos;
}
