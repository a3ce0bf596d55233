/*
** int: tagged small ints with overflow-checked fast paths, and big ints
** (BigInt objects) computed by bigint.h.  A result is allocated first with
** room for its worst case, then its inputs are viewed and the library
** fills it; int_finish turns results that fit back into small ints, so a
** BigInt never holds a value in the small range.  bool is int's subclass
** with the two singletons True and False.  Constructors, methods and the
** text forms are in int_methods.c.
*/
#include <math.h>
#include <string.h>

#include "vm/num.h"

_Static_assert(sizeof(mp_limb_t) == sizeof(uint64_t), "64-bit limbs expected");

size_t int_max_str_digits = BIGINT_DEFAULT_MAX_STR_DIGITS;

bool is_int(Object *v)
{
    return is_small(v) || layout_of(v) == L_BIGINT || v == True_ || v == False_
           || type_is_subtype(type_of(v), vm.t_int);
}

Object *int_value(Object *v)
{
    if (is_small(v) || layout_of(v) == L_BIGINT)
        return v;
    if (v == True_)
        return make_small(1);
    if (v == False_)
        return make_small(0);
    if (layout_of(v) == L_INSTANCE && ((Instance *)v)->base_value
        && type_is_subtype(type_of(v), vm.t_int))
        return int_value(((Instance *)v)->base_value);
    return NULL;
}

bigint_t int_view(Object *x, mp_limb_t *buf)
{
    if (is_small(x)) {
        intptr_t v = small_value(x);
        *buf = v < 0 ? -(uint64_t)v : (uint64_t)v;
        return (bigint_t){ v < 0 ? -1 : v > 0, v != 0, buf };
    }
    BigInt *b = (BigInt *)x;
    const mp_limb_t *d = (const mp_limb_t *)((char *)stm_real_address((stm_obj *)b)
                                             + offsetof(struct BigInt, limbs));
    return (bigint_t){ b->sign, b->nlimbs, d };
}

BigInt *int_alloc(size_t n)
{
    if (n == SIZE_MAX || n > (SIZE_MAX - sizeof(struct BigInt)) / sizeof(uint64_t) / 2)
        return (BigInt *)raise_no_memory();
    return (BigInt *)vm_alloc(sizeof(struct BigInt) + (n ? n : 1) * sizeof(uint64_t), L_BIGINT,
                              vm.t_int);
}

bigint_mut int_mut(BigInt *b)
{
    mp_limb_t *d = (mp_limb_t *)((char *)stm_real_address((stm_obj *)b)
                                 + offsetof(struct BigInt, limbs));
    return (bigint_mut){ 0, 0, d };
}

Object *int_finish(BigInt *b, const bigint_mut *r)
{
    if (r->n == 0)
        return make_small(0);
    if (r->n == 1 && r->d[0] <= (uint64_t)SMALL_MAX + (r->sign < 0))
        return make_small(r->sign < 0 ? (intptr_t)(0 - r->d[0]) : (intptr_t)r->d[0]);
    b->sign = r->sign;
    b->nlimbs = r->n;
    return (Object *)b;
}

Object *int_raise(int err)
{
    char buf[300];
    const char *msg = bigint_error_message(err, buf, sizeof buf, int_max_str_digits, 0);
    switch (bigint_error_type(err)) {
    case BIGINT_EXC_MEMORY: return raise_no_memory();
    case BIGINT_EXC_ZERODIVISION: return raise(vm.e_ZeroDivisionError, "%s", msg);
    case BIGINT_EXC_OVERFLOW:
        return raise(vm.e_OverflowError, "%s", msg ? msg : "Python int too large to convert to C long");
    default: return raise(vm.e_ValueError, "%s", msg ? msg : "invalid value");
    }
}

Object *int_from_i64(int64_t v)
{
    if (fits_small(v))
        return make_small(v);
    BigInt *b = int_alloc(1);
    if (!b)
        return NULL;
    bigint_mut r = int_mut(b);
    bigint_from_int64(&r, v);
    return int_finish(b, &r);
}

Object *int_from_u64(uint64_t v)
{
    if (v <= (uint64_t)SMALL_MAX)
        return make_small((intptr_t)v);
    BigInt *b = int_alloc(1);
    if (!b)
        return NULL;
    bigint_mut r = int_mut(b);
    bigint_from_uint64(&r, v);
    return int_finish(b, &r);
}

Object *int_from_text(const char *digits, int base)
{
    return int_parse_ascii(digits, strlen(digits), base, NULL);
}

Object *int_from_double(double d)
{
    if (fabs(d) < 4e18)
        return make_small((intptr_t)d);
    if (isinf(d) || isnan(d))
        return int_raise(isinf(d) ? BIGINT_EFLOATINF : BIGINT_EFLOATNAN);
    BigInt *b = int_alloc(bigint_from_double_size(d));
    if (!b)
        return NULL;
    bigint_mut r = int_mut(b);
    int err = bigint_from_double(&r, d);
    return err ? int_raise(err) : int_finish(b, &r);
}

int int_to_i64(Object *v, int64_t *out)
{
    Object *x = int_value(v);
    if (x && is_small(x)) {
        *out = small_value(x);
        return 0;
    }
    if (x) {
        mp_limb_t buf;
        if (bigint_to_int64(int_view(x, &buf), out) == 0)
            return 0;
    }
    raise(vm.e_OverflowError, "Python int too large to convert to C long");
    return -1;
}

double int_to_double(Object *v, bool *overflow)
{
    Object *x = int_value(v);
    *overflow = false;
    if (is_small(x))
        return (double)small_value(x);
    mp_limb_t buf;
    double d = 0;
    if (bigint_to_double(int_view(x, &buf), &d) != 0)
        *overflow = true;
    return d;
}

int int_sign(Object *x)
{
    if (is_small(x))
        return (small_value(x) > 0) - (small_value(x) < 0);
    return ((BigInt *)x)->sign;
}

int int_compare(Object *x, Object *y)
{
    if (is_small(x) && is_small(y))
        return (small_value(x) > small_value(y)) - (small_value(x) < small_value(y));
    mp_limb_t bx, by;
    return bigint_cmp(int_view(x, &bx), int_view(y, &by));
}

Object *num_cmp_result(int c, CmpOp op)
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

/* ---- arithmetic on int values ---------------------------------------------- */

typedef void Op2(bigint_mut *r, bigint_t a, bigint_t b);

static Object *big_op(Object *x, Object *y, size_t (*size)(size_t, size_t), Op2 *op)
{
    mp_limb_t bx, by;
    size_t n = size(is_small(x) ? 1 : ((BigInt *)x)->nlimbs, is_small(y) ? 1 : ((BigInt *)y)->nlimbs);
    BigInt *b = int_alloc(n);
    if (!b)
        return NULL;
    bigint_mut r = int_mut(b);
    op(&r, int_view(x, &bx), int_view(y, &by));
    return int_finish(b, &r);
}

Object *int_add_values(Object *x, Object *y)
{
    intptr_t r;
    if (is_small(x) && is_small(y) && !__builtin_add_overflow(small_value(x), small_value(y), &r)
        && fits_small(r))
        return make_small(r);
    return big_op(x, y, bigint_add_size, bigint_add);
}

Object *int_sub_values(Object *x, Object *y)
{
    intptr_t r;
    if (is_small(x) && is_small(y) && !__builtin_sub_overflow(small_value(x), small_value(y), &r)
        && fits_small(r))
        return make_small(r);
    return big_op(x, y, bigint_add_size, bigint_sub);
}

Object *int_mul_values(Object *x, Object *y)
{
    intptr_t r;
    if (is_small(x) && is_small(y) && !__builtin_mul_overflow(small_value(x), small_value(y), &r)
        && fits_small(r))
        return make_small(r);
    return big_op(x, y, bigint_mul_size, bigint_mul);
}

static size_t nlimbs_of(Object *x) { return is_small(x) ? 1 : ((BigInt *)x)->nlimbs; }

Object *int_floordiv_values(Object *x, Object *y)
{
    if (is_small(x) && is_small(y) && small_value(y) != 0) {
        intptr_t p = small_value(x), q = small_value(y), d = p / q;
        if ((p % q != 0) && ((p < 0) != (q < 0)))
            d--;
        return int_from_i64(d);
    }
    BigInt *b = int_alloc(bigint_floordiv_size(nlimbs_of(x), nlimbs_of(y)));
    if (!b)
        return NULL;
    mp_limb_t bx, by;
    bigint_mut r = int_mut(b);
    int err = bigint_floordiv(&r, int_view(x, &bx), int_view(y, &by));
    return err ? int_raise(err) : int_finish(b, &r);
}

Object *int_mod_values(Object *x, Object *y)
{
    if (is_small(x) && is_small(y) && small_value(y) != 0) {
        intptr_t p = small_value(x), q = small_value(y), m = p % q;
        if (m != 0 && ((m < 0) != (q < 0)))
            m += q;
        return make_small(m);
    }
    BigInt *b = int_alloc(bigint_mod_size(nlimbs_of(x), nlimbs_of(y)));
    if (!b)
        return NULL;
    mp_limb_t bx, by;
    bigint_mut r = int_mut(b);
    int err = bigint_mod(&r, int_view(x, &bx), int_view(y, &by));
    return err ? int_raise(err) : int_finish(b, &r);
}

static Object *int_divmod_values(Object *x, Object *y)
{
    Object *q = int_floordiv_values(x, y);
    Object *m = q ? int_mod_values(x, y) : NULL;
    return m ? tuple_pack(2, q, m) : NULL;
}

Object *int_neg_value(Object *x)
{
    if (is_small(x))
        return int_from_i64(-small_value(x));
    BigInt *b = int_alloc(((BigInt *)x)->nlimbs);
    if (!b)
        return NULL;
    mp_limb_t bx;
    bigint_mut r = int_mut(b);
    bigint_neg(&r, int_view(x, &bx));
    return int_finish(b, &r);
}

/* x ** y with a negative y and no modulus: a float power, as CPython. */
static Object *int_pow_float(Object *x, Object *y)
{
    bool of;
    double bx = int_to_double(x, &of);
    if (of)
        return raise(vm.e_OverflowError, "int too large to convert to float");
    double by = int_to_double(y, &of);
    if (of)
        return raise(vm.e_OverflowError, "int too large to convert to float");
    return float_power(bx, by);
}

Object *int_pow_mod(Object *x, Object *y, Object *mod)
{
    if (!mod && int_sign(y) < 0)
        return int_pow_float(x, y);
    if (!mod && is_small(x) && is_small(y) && small_value(y) < 64) {
        intptr_t base = small_value(x), acc = 1;
        int64_t e = small_value(y);
        bool ok = true;
        while (e && ok) {
            if ((e & 1) && __builtin_mul_overflow(acc, base, &acc))
                ok = false;
            e >>= 1;
            if (e && __builtin_mul_overflow(base, base, &base))
                ok = false;
        }
        if (ok && fits_small(acc))
            return make_small(acc);
    }
    mp_limb_t bx, by, bm;
    bigint_t mv = mod ? int_view(mod, &bm) : (bigint_t){ 0, 0, NULL };
    size_t n = bigint_pow_size(int_view(x, &bx), int_view(y, &by), mod ? &mv : NULL);
    if (n == SIZE_MAX)
        return raise_no_memory();
    BigInt *b = int_alloc(n);
    if (!b)
        return NULL;
    bigint_mut r = int_mut(b);
    int err = bigint_pow(&r, int_view(x, &bx), int_view(y, &by), mod ? &mv : NULL);
    return err ? int_raise(err) : int_finish(b, &r);
}

/* A shift count as int64; counts too big for it saturate (the library
   then shifts everything out, or runs out of memory). */
static int shift_count(Object *y, int64_t *n)
{
    if (int_sign(y) < 0) {
        raise(vm.e_ValueError, "negative shift count");
        return -1;
    }
    if (is_small(y))
        *n = small_value(y);
    else {
        mp_limb_t by;
        if (bigint_to_int64(int_view(y, &by), n) != 0)
            *n = INT64_MAX;
    }
    return 0;
}

Object *int_lshift_values(Object *x, Object *y)
{
    int64_t n;
    if (shift_count(y, &n) < 0)
        return NULL;
    if (is_small(x)) {
        intptr_t v = small_value(x);
        if (v == 0)
            return x;
        if (n < 62) {
            intptr_t r = (intptr_t)((uintptr_t)v << n);
            if ((r >> n) == v && fits_small(r))
                return make_small(r);
        }
    }
    mp_limb_t bx;
    size_t sz = bigint_lshift_size(int_view(x, &bx), n);
    if (sz == SIZE_MAX)
        return raise_no_memory();
    BigInt *b = int_alloc(sz);
    if (!b)
        return NULL;
    bigint_mut r = int_mut(b);
    int err = bigint_lshift(&r, int_view(x, &bx), n);
    return err ? int_raise(err) : int_finish(b, &r);
}

Object *int_rshift_values(Object *x, Object *y)
{
    int64_t n;
    if (shift_count(y, &n) < 0)
        return NULL;
    if (is_small(x))
        return make_small(n >= 63 ? (small_value(x) < 0 ? -1 : 0) : small_value(x) >> n);
    mp_limb_t bx;
    BigInt *b = int_alloc(bigint_rshift_size(int_view(x, &bx), n));
    if (!b)
        return NULL;
    bigint_mut r = int_mut(b);
    int err = bigint_rshift(&r, int_view(x, &bx), n);
    return err ? int_raise(err) : int_finish(b, &r);
}

/* ---- slots ----------------------------------------------------------------- */

#define BOTH_INTS(a, b)                                                   \
    Object *x = int_value(a), *y = int_value(b);                           \
    if (!x || !y)                                                          \
        return NotImplemented

static Object *int_add(Object *a, Object *b) { BOTH_INTS(a, b); return int_add_values(x, y); }
static Object *int_sub(Object *a, Object *b) { BOTH_INTS(a, b); return int_sub_values(x, y); }
static Object *int_mul(Object *a, Object *b) { BOTH_INTS(a, b); return int_mul_values(x, y); }
static Object *int_floordiv(Object *a, Object *b) { BOTH_INTS(a, b); return int_floordiv_values(x, y); }
static Object *int_mod(Object *a, Object *b) { BOTH_INTS(a, b); return int_mod_values(x, y); }
static Object *int_lshift(Object *a, Object *b) { BOTH_INTS(a, b); return int_lshift_values(x, y); }
static Object *int_rshift(Object *a, Object *b) { BOTH_INTS(a, b); return int_rshift_values(x, y); }
static Object *int_pow(Object *a, Object *b) { BOTH_INTS(a, b); return int_pow_mod(x, y, NULL); }

Object *int_divmod_obj(Object *a, Object *b)
{
    BOTH_INTS(a, b);
    return int_divmod_values(x, y);
}

static Object *int_truediv(Object *a, Object *b)
{
    BOTH_INTS(a, b);
    const intptr_t exact = (intptr_t)1 << 53;
    if (is_small(x) && is_small(y) && small_value(y) != 0 && llabs(small_value(x)) <= exact
        && llabs(small_value(y)) <= exact)
        return float_new((double)small_value(x) / (double)small_value(y));
    mp_limb_t bx, by;
    double d;
    int err = bigint_truediv(&d, int_view(x, &bx), int_view(y, &by));
    return err ? int_raise(err) : float_new(d);
}

static Object *bitwise(Object *x, Object *y, Op2 *op)
{
    return big_op(x, y, bigint_bitwise_size, op);
}

static Object *int_and(Object *a, Object *b)
{
    BOTH_INTS(a, b);
    if (is_small(x) && is_small(y))
        return make_small(small_value(x) & small_value(y));
    return bitwise(x, y, bigint_and);
}

static Object *int_or(Object *a, Object *b)
{
    BOTH_INTS(a, b);
    if (is_small(x) && is_small(y))
        return make_small(small_value(x) | small_value(y));
    return bitwise(x, y, bigint_or);
}

static Object *int_xor(Object *a, Object *b)
{
    BOTH_INTS(a, b);
    if (is_small(x) && is_small(y))
        return make_small(small_value(x) ^ small_value(y));
    return bitwise(x, y, bigint_xor);
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

static Object *int_neg(Object *a) { return int_neg_value(int_value(a)); }
static Object *int_pos(Object *a) { return int_value(a); }

static Object *int_invert(Object *a)
{
    Object *x = int_value(a);
    if (is_small(x))
        return make_small(~small_value(x));
    BigInt *b = int_alloc(bigint_invert_size(((BigInt *)x)->nlimbs));
    if (!b)
        return NULL;
    mp_limb_t bx;
    bigint_mut r = int_mut(b);
    bigint_invert(&r, int_view(x, &bx));
    return int_finish(b, &r);
}

static Object *int_abs(Object *a)
{
    Object *x = int_value(a);
    return int_sign(x) < 0 ? int_neg_value(x) : x;
}

static Object *int_to_float_slot(Object *a)
{
    bool of;
    double d = int_to_double(a, &of);
    if (of)
        return raise(vm.e_OverflowError, "int too large to convert to float");
    return float_new(d);
}

static Object *int_richcompare(Object *a, Object *b, CmpOp op)
{
    Object *x = int_value(a), *y = int_value(b);
    if (!x)
        return NotImplemented;
    if (!y) {
        Object *f = float_unwrap(b);
        if (f)
            return float_compare_int(f, x, (CmpOp[]){CMP_GT, CMP_GE, CMP_EQ, CMP_NE, CMP_LT, CMP_LE}[op]);
        return NotImplemented;
    }
    return num_cmp_result(int_compare(x, y), op);
}

/* CPython's numeric hash: the value modulo 2**61 - 1, keeping the sign. */
static int64_t int_hash(Object *a)
{
    Object *x = int_value(a);
    if (is_small(x)) {
        intptr_t v = small_value(x);
        const uint64_t P = ((uint64_t)1 << 61) - 1;
        uint64_t m = (uint64_t)(v < 0 ? -v : v) % P;
        int64_t h = v < 0 ? -(int64_t)m : (int64_t)m;
        return h == -1 ? -2 : h;
    }
    mp_limb_t bx;
    return bigint_hash(int_view(x, &bx));
}

static int int_truth(Object *a) { return int_sign(int_value(a)) != 0; }

Object *int_to_str(Object *v) { return int_to_base(v, 10, false); }

static Object *int_repr(Object *a) { return int_to_str(a); }
static Object *bool_repr(Object *a) { return intern_cstr(a == True_ ? "True" : "False"); }

void int_methods_init(void);

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
    int_methods_init();
}
