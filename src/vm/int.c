/*
** int: tagged small ints with overflow-checked fast paths, and big ints
** (BigInt objects holding GMP limbs) through mpz temporaries.  bool is
** int's subclass with the two singletons True and False.
*/
#include <gmp.h>
#include <math.h>
#include <string.h>

#include "vm/runtime.h"

_Static_assert(sizeof(mp_limb_t) == sizeof(uint64_t), "64-bit limbs expected");

bool is_int(Object *v)
{
    return is_small(v) || layout_of(v) == L_BIGINT || v == True_ || v == False_
           || type_is_subtype(type_of(v), vm.t_int);
}

/* The int value of v: small, bool, BigInt, or an int subclass instance. */
static Object *int_value(Object *v)
{
    if (is_small(v) || layout_of(v) == L_BIGINT)
        return v;
    if (v == True_)
        return make_small(1);
    if (v == False_)
        return make_small(0);
    if (layout_of(v) == L_INSTANCE && ((Instance *)v)->base_value)
        return int_value(((Instance *)v)->base_value);
    return NULL;
}

static void to_mpz(Object *v, mpz_t z)
{
    v = int_value(v);
    if (is_small(v)) {
        mpz_init_set_si(z, small_value(v));
        return;
    }
    BigInt *b = (BigInt *)v;
    mpz_t view;
    mpz_roinit_n(view, (const mp_limb_t *)stm_real_address((stm_obj *)b)
                 + offsetof(struct BigInt, limbs) / sizeof(mp_limb_t),
                 b->sign * (mp_size_t)b->nlimbs);
    mpz_init_set(z, view);
}

/* Consumes z. */
static Object *from_mpz(mpz_t z)
{
    if (mpz_fits_slong_p(z)) {
        long v = mpz_get_si(z);
        if (fits_small(v)) {
            mpz_clear(z);
            return make_small(v);
        }
    }
    size_t n = mpz_size(z);
    BigInt *b = (BigInt *)vm_alloc(sizeof(struct BigInt) + n * sizeof(uint64_t), L_BIGINT,
                                   vm.t_int);
    if (b) {
        b->sign = mpz_sgn(z);
        b->nlimbs = n;
        memcpy(stm_real_address((stm_obj *)b) + offsetof(struct BigInt, limbs),
               mpz_limbs_read(z), n * sizeof(uint64_t));
    }
    mpz_clear(z);
    return (Object *)b;
}

Object *int_from_i64(int64_t v)
{
    if (fits_small(v))
        return make_small(v);
    mpz_t z;
    mpz_init_set_si(z, v);
    return from_mpz(z);
}

Object *int_from_u64(uint64_t v)
{
    if (v <= (uint64_t)SMALL_MAX)
        return make_small((intptr_t)v);
    mpz_t z;
    mpz_init(z);
    mpz_import(z, 1, -1, sizeof v, 0, 0, &v);
    return from_mpz(z);
}

Object *int_from_text(const char *digits, int base)
{
    mpz_t z;
    if (mpz_init_set_str(z, digits, base) != 0) {
        mpz_clear(z);
        return raise(vm.e_ValueError, "invalid literal for int() with base %d: '%s'", base, digits);
    }
    return from_mpz(z);
}

Object *int_from_double(double d)
{
    if (isinf(d))
        return raise(vm.e_OverflowError, "cannot convert float infinity to integer");
    if (isnan(d))
        return raise(vm.e_ValueError, "cannot convert float NaN to integer");
    if (fabs(d) < 4e18)
        return int_from_i64((int64_t)d);
    mpz_t z;
    mpz_init_set_d(z, d);
    return from_mpz(z);
}

int int_to_i64(Object *v, int64_t *out)
{
    Object *x = int_value(v);
    if (x && is_small(x)) {
        *out = small_value(x);
        return 0;
    }
    if (x) {
        mpz_t z;
        to_mpz(x, z);
        bool ok = mpz_fits_slong_p(z);
        if (ok)
            *out = mpz_get_si(z);
        mpz_clear(z);
        if (ok)
            return 0;
    }
    raise(vm.e_OverflowError, "Python int too large to convert to C long");
    return -1;
}

/* z * 2**e correctly rounded to a double (half to even), z >= 0; sticky
   says that nonzero bits were already cut off below z. */
static double scaled_to_double(mpz_t z, long e, bool sticky, bool *overflow)
{
    *overflow = false;
    if (mpz_sgn(z) == 0)
        return 0.0;
    long top = (long)mpz_sizeinbase(z, 2) + e;     /* value < 2**top */
    if (top > 1024) {
        *overflow = true;
        return HUGE_VAL;
    }
    long lsb = top - 53;                           /* weight of the last bit kept */
    if (lsb < -1074)
        lsb = -1074;                               /* subnormals keep fewer bits */
    long drop = lsb - e;
    if (drop <= 0)
        return ldexp(mpz_get_d(z), (int)e);        /* fits in 53 bits: exact */
    mpz_t q;
    mpz_init(q);
    mpz_fdiv_q_2exp(q, z, (mp_bitcnt_t)drop);
    bool half = mpz_tstbit(z, (mp_bitcnt_t)drop - 1);
    bool below = sticky || (mpz_scan1(z, 0) < (mp_bitcnt_t)drop - 1);
    if (half && (below || mpz_odd_p(q)))
        mpz_add_ui(q, q, 1);
    double d = ldexp(mpz_get_d(q), (int)lsb);
    mpz_clear(q);
    if (isinf(d))
        *overflow = true;
    return d;
}

double int_to_double(Object *v, bool *overflow)
{
    Object *x = int_value(v);
    *overflow = false;
    if (is_small(x))
        return (double)small_value(x);
    mpz_t z;
    to_mpz(x, z);
    int neg = mpz_sgn(z) < 0;
    mpz_abs(z, z);
    double d = scaled_to_double(z, 0, false, overflow);
    mpz_clear(z);
    return neg ? -d : d;
}

Object *int_to_str(Object *v)
{
    Object *x = int_value(v);
    if (is_small(x)) {
        char buf[32];
        int n = snprintf(buf, sizeof buf, "%ld", (long)small_value(x));
        return str_from_latin1((unsigned char *)buf, (size_t)n);
    }
    mpz_t z;
    to_mpz(x, z);
    size_t digits = mpz_sizeinbase(z, 10);
    if (digits > 4300 + 1) {
        mpz_clear(z);
        return raise(vm.e_ValueError, "Exceeds the limit (4300 digits) for integer string "
                     "conversion; use sys.set_int_max_str_digits() to increase the limit");
    }
    char *s = mpz_get_str(NULL, 10, z);
    mpz_clear(z);
    Object *r = str_from_latin1((unsigned char *)s, strlen(s));
    void (*freefn)(void *, size_t);
    mp_get_memory_functions(NULL, NULL, &freefn);
    freefn(s, strlen(s) + 1);
    return r;
}

/* ---- slots ----------------------------------------------------------------- */

#define BOTH_INTS(a, b)                                                   \
    Object *x = int_value(a), *y = int_value(b);                           \
    if (!x || !y)                                                          \
        return NotImplemented

static Object *big_binary(Object *x, Object *y, void (*op)(mpz_ptr, mpz_srcptr, mpz_srcptr))
{
    mpz_t a, b;
    to_mpz(x, a);
    to_mpz(y, b);
    op(a, a, b);
    mpz_clear(b);
    return from_mpz(a);
}

static Object *int_add(Object *a, Object *b)
{
    BOTH_INTS(a, b);
    intptr_t r;
    if (is_small(x) && is_small(y) && !__builtin_add_overflow(small_value(x), small_value(y), &r)
        && fits_small(r))
        return make_small(r);
    return big_binary(x, y, mpz_add);
}

static Object *int_sub(Object *a, Object *b)
{
    BOTH_INTS(a, b);
    intptr_t r;
    if (is_small(x) && is_small(y) && !__builtin_sub_overflow(small_value(x), small_value(y), &r)
        && fits_small(r))
        return make_small(r);
    return big_binary(x, y, mpz_sub);
}

static Object *int_mul(Object *a, Object *b)
{
    BOTH_INTS(a, b);
    intptr_t r;
    if (is_small(x) && is_small(y) && !__builtin_mul_overflow(small_value(x), small_value(y), &r)
        && fits_small(r))
        return make_small(r);
    return big_binary(x, y, mpz_mul);
}

static bool is_zero(Object *x) { return is_small(x) && small_value(x) == 0; }

static Object *int_floordiv(Object *a, Object *b)
{
    BOTH_INTS(a, b);
    if (is_zero(y))
        return raise(vm.e_ZeroDivisionError, "integer division or modulo by zero");
    if (is_small(x) && is_small(y)) {
        intptr_t p = small_value(x), q = small_value(y), d = p / q;
        if ((p % q != 0) && ((p < 0) != (q < 0)))
            d--;
        return int_from_i64(d);
    }
    return big_binary(x, y, mpz_fdiv_q);
}

static Object *int_mod(Object *a, Object *b)
{
    BOTH_INTS(a, b);
    if (is_zero(y))
        return raise(vm.e_ZeroDivisionError, "integer modulo by zero");
    if (is_small(x) && is_small(y)) {
        intptr_t p = small_value(x), q = small_value(y), m = p % q;
        if (m != 0 && ((m < 0) != (q < 0)))
            m += q;
        return make_small(m);
    }
    return big_binary(x, y, mpz_fdiv_r);
}

static Object *int_truediv(Object *a, Object *b)
{
    BOTH_INTS(a, b);
    if (is_zero(y))
        return raise(vm.e_ZeroDivisionError, "division by zero");
    const intptr_t exact = (intptr_t)1 << 53;
    if (is_small(x) && is_small(y) && llabs(small_value(x)) <= exact
        && llabs(small_value(y)) <= exact)
        return float_new((double)small_value(x) / (double)small_value(y));
    /* Big operands: an integer quotient of at least 55 bits, the rest as
       a sticky bit, rounded once. */
    mpz_t p, q, r;
    to_mpz(x, p);
    to_mpz(y, q);
    mpz_init(r);
    int neg = (mpz_sgn(p) < 0) != (mpz_sgn(q) < 0);
    mpz_abs(p, p);
    mpz_abs(q, q);
    long shift = 55 - (long)mpz_sizeinbase(p, 2) + (long)mpz_sizeinbase(q, 2);
    if (shift > 0)
        mpz_mul_2exp(p, p, (mp_bitcnt_t)shift);
    else
        mpz_mul_2exp(q, q, (mp_bitcnt_t)-shift);
    mpz_tdiv_qr(p, r, p, q);
    bool overflow;
    double d = scaled_to_double(p, -shift, mpz_sgn(r) != 0, &overflow);
    mpz_clear(p);
    mpz_clear(q);
    mpz_clear(r);
    if (overflow)
        return raise(vm.e_OverflowError, "integer division result too large for a float");
    return float_new(neg ? -d : d);
}

static Object *int_pow(Object *a, Object *b)
{
    BOTH_INTS(a, b);
    int64_t e;
    if (!is_small(y)) {
        mpz_t t;
        to_mpz(y, t);
        int s = mpz_sgn(t);
        mpz_clear(t);
        if (s < 0)
            goto negative;
        /* Only 0, 1 and -1 can be raised to such a power. */
        if (is_small(x) && llabs(small_value(x)) <= 1) {
            if (small_value(x) == -1) {
                mpz_t t2;
                to_mpz(y, t2);
                bool odd = mpz_odd_p(t2);
                mpz_clear(t2);
                return make_small(odd ? -1 : 1);
            }
            return x;
        }
        return raise_no_memory();
    }
    e = small_value(y);
    if (e < 0)
        goto negative;
    {
        mpz_t r;
        to_mpz(x, r);
        mpz_pow_ui(r, r, (unsigned long)e);
        return from_mpz(r);
    }
negative: {
        bool of;
        double bx = int_to_double(x, &of), by;
        if (of)
            return raise(vm.e_OverflowError, "int too large to convert to float");
        by = int_to_double(y, &of);
        if (bx == 0)
            return raise(vm.e_ZeroDivisionError, "0.0 cannot be raised to a negative power");
        return float_new(pow(bx, by));
    }
}

static Object *int_lshift(Object *a, Object *b)
{
    BOTH_INTS(a, b);
    int64_t n;
    if (int_to_i64(y, &n) < 0)
        return NULL;
    if (n < 0)
        return raise(vm.e_ValueError, "negative shift count");
    if (is_small(x) && n < 62) {
        intptr_t v = small_value(x);
        intptr_t r = (intptr_t)((uintptr_t)v << n);
        if ((r >> n) == v && fits_small(r))
            return make_small(r);
    }
    if (is_zero(x))
        return x;
    mpz_t z;
    to_mpz(x, z);
    mpz_mul_2exp(z, z, (mp_bitcnt_t)n);
    return from_mpz(z);
}

static Object *int_rshift(Object *a, Object *b)
{
    BOTH_INTS(a, b);
    if (!is_small(y)) {
        mpz_t t;
        to_mpz(y, t);
        int s = mpz_sgn(t);
        mpz_clear(t);
        if (s < 0)
            return raise(vm.e_ValueError, "negative shift count");
        mpz_t z;
        to_mpz(x, z);
        int neg = mpz_sgn(z) < 0;
        mpz_clear(z);
        return make_small(neg ? -1 : 0);
    }
    int64_t n = small_value(y);
    if (n < 0)
        return raise(vm.e_ValueError, "negative shift count");
    if (is_small(x))
        return make_small(n >= 63 ? (small_value(x) < 0 ? -1 : 0) : small_value(x) >> n);
    mpz_t z;
    to_mpz(x, z);
    mpz_fdiv_q_2exp(z, z, (mp_bitcnt_t)n);
    return from_mpz(z);
}

static Object *int_and(Object *a, Object *b)
{
    BOTH_INTS(a, b);
    if (is_small(x) && is_small(y))
        return make_small(small_value(x) & small_value(y));
    return big_binary(x, y, mpz_and);
}

static Object *int_or(Object *a, Object *b)
{
    BOTH_INTS(a, b);
    if (is_small(x) && is_small(y))
        return make_small(small_value(x) | small_value(y));
    return big_binary(x, y, mpz_ior);
}

static Object *int_xor(Object *a, Object *b)
{
    BOTH_INTS(a, b);
    if (is_small(x) && is_small(y))
        return make_small(small_value(x) ^ small_value(y));
    return big_binary(x, y, mpz_xor);
}

static Object *bool_binary(Object *a, Object *b, BinaryFn *intop)
{
    if ((a == True_ || a == False_) && (b == True_ || b == False_))
        return bool_obj(obj_truth(intop(a, b)) == 1);
    return intop(a, b);
}
static Object *bool_and(Object *a, Object *b) { return bool_binary(a, b, int_and); }
static Object *bool_or(Object *a, Object *b) { return bool_binary(a, b, int_or); }
static Object *bool_xor(Object *a, Object *b) { return bool_binary(a, b, int_xor); }

static Object *int_neg(Object *a)
{
    Object *x = int_value(a);
    if (is_small(x))
        return int_from_i64(-small_value(x));
    mpz_t z;
    to_mpz(x, z);
    mpz_neg(z, z);
    return from_mpz(z);
}

static Object *int_pos(Object *a) { return int_value(a); }

static Object *int_invert(Object *a)
{
    Object *x = int_value(a);
    if (is_small(x))
        return make_small(~small_value(x));
    mpz_t z;
    to_mpz(x, z);
    mpz_com(z, z);
    return from_mpz(z);
}

static Object *int_abs(Object *a)
{
    Object *x = int_value(a);
    if (is_small(x))
        return int_from_i64(llabs(small_value(x)));
    mpz_t z;
    to_mpz(x, z);
    mpz_abs(z, z);
    return from_mpz(z);
}

static Object *int_to_float_slot(Object *a)
{
    bool of;
    double d = int_to_double(a, &of);
    if (of)
        return raise(vm.e_OverflowError, "int too large to convert to float");
    return float_new(d);
}

static int int_compare(Object *x, Object *y)
{
    if (is_small(x) && is_small(y))
        return (small_value(x) > small_value(y)) - (small_value(x) < small_value(y));
    mpz_t a, b;
    to_mpz(x, a);
    to_mpz(y, b);
    int c = mpz_cmp(a, b);
    mpz_clear(a);
    mpz_clear(b);
    return (c > 0) - (c < 0);
}

Object *float_compare_int(Object *f, Object *i, CmpOp op);

static Object *int_richcompare(Object *a, Object *b, CmpOp op)
{
    Object *x = int_value(a), *y = int_value(b);
    if (!x)
        return NotImplemented;
    if (!y) {
        if (is_float(b))
            return float_compare_int(b, a, (CmpOp[]){CMP_GT, CMP_GE, CMP_EQ, CMP_NE, CMP_LT, CMP_LE}[op]);
        return NotImplemented;
    }
    int c = int_compare(x, y);
    switch (op) {
    case CMP_LT: return bool_obj(c < 0);
    case CMP_LE: return bool_obj(c <= 0);
    case CMP_EQ: return bool_obj(c == 0);
    case CMP_NE: return bool_obj(c != 0);
    case CMP_GT: return bool_obj(c > 0);
    default: return bool_obj(c >= 0);
    }
}

/* CPython's numeric hash: the value modulo 2**61 - 1, keeping the sign. */
static int64_t int_hash(Object *a)
{
    Object *x = int_value(a);
    const uint64_t P = ((uint64_t)1 << 61) - 1;
    int64_t h;
    if (is_small(x)) {
        intptr_t v = small_value(x);
        uint64_t m = (uint64_t)(v < 0 ? -v : v) % P;
        h = v < 0 ? -(int64_t)m : (int64_t)m;
    } else {
        mpz_t z;
        to_mpz(x, z);
        int neg = mpz_sgn(z) < 0;
        mpz_abs(z, z);
        uint64_t m = mpz_fdiv_ui(z, P);
        mpz_clear(z);
        h = neg ? -(int64_t)m : (int64_t)m;
    }
    return h == -1 ? -2 : h;
}

static int int_truth(Object *a)
{
    Object *x = int_value(a);
    return !is_zero(x);
}

static Object *int_repr(Object *a) { return int_to_str(a); }
static Object *bool_repr(Object *a)
{
    return intern_cstr(a == True_ ? "True" : "False");
}

void int_type_init(void)
{
    Type *t = vm.t_int;
    t->repr = int_repr;
    t->hash = int_hash;
    t->richcompare = int_richcompare;
    t->truth = int_truth;
    t->binary[NB_ADD] = int_add;
    t->binary[NB_SUBTRACT] = int_sub;
    t->binary[NB_MULTIPLY] = int_mul;
    t->binary[NB_FLOOR_DIVIDE] = int_floordiv;
    t->binary[NB_REMAINDER] = int_mod;
    t->binary[NB_TRUE_DIVIDE] = int_truediv;
    t->binary[NB_POWER] = int_pow;
    t->binary[NB_LSHIFT] = int_lshift;
    t->binary[NB_RSHIFT] = int_rshift;
    t->binary[NB_AND] = int_and;
    t->binary[NB_OR] = int_or;
    t->binary[NB_XOR] = int_xor;
    t->unary[UN_NEG] = int_neg;
    t->unary[UN_POS] = int_pos;
    t->unary[UN_INVERT] = int_invert;
    t->unary[UN_ABS] = int_abs;
    t->unary[UN_INT] = int_pos;
    t->unary[UN_INDEX] = int_pos;
    t->unary[UN_FLOAT] = int_to_float_slot;

    Type *b = vm.t_bool;
    b->repr = bool_repr;
    b->binary[NB_AND] = bool_and;
    b->binary[NB_OR] = bool_or;
    b->binary[NB_XOR] = bool_xor;
}
