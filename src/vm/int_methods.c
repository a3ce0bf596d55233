/*
** int's constructor, text conversions, methods and attributes, bool's
** constructor, sys.{get,set}_int_max_str_digits and the number parts of
** sys (float_info, int_info, hash_info).
*/
#include <float.h>
#include <stdlib.h>
#include <string.h>

#include "vm/mod_os.h"
#include "vm/num.h"
#include "vm/unicodedb.h"

/* ---- text ------------------------------------------------------------------ */

Object *int_to_base(Object *v, int base, bool prefix)
{
    Object *x = int_value(v);
    if (is_small(x) && base == 10) {
        char buf[32];
        int n = snprintf(buf, sizeof buf, "%ld", (long)small_value(x));
        return str_from_latin1((unsigned char *)buf, (size_t)n);
    }
    mp_limb_t bx;
    bigint_t a = int_view(x, &bx);
    size_t cap = bigint_to_str_size(a, base);
    if (cap == SIZE_MAX)
        return raise_no_memory();
    char small[80], *buf = cap <= sizeof small ? small : malloc(cap);
    if (!buf)
        return raise_no_memory();
    size_t len;
    int err = bigint_to_str(buf, &len, int_view(x, &bx), base, prefix,
                            base == 10 ? int_max_str_digits : 0);
    Object *r = err ? int_raise(err) : str_from_latin1((unsigned char *)buf, len);
    if (buf != small)
        free(buf);
    return r;
}

char *num_ascii_of_str(Object *s, size_t *len, bool *bad)
{
    size_t n = str_len(s);
    char *out = malloc(n + 1);
    *bad = false;
    if (!out) {
        raise_no_memory();
        return NULL;
    }
    for (size_t i = 0; i < n; i++) {
        uint32_t c = str_char(s, i);
        if (c < 128) {
            out[i] = (char)c;
            continue;
        }
        int d = uni_decimal(c);
        if (d >= 0)
            out[i] = (char)('0' + d);
        else if (uni_has(c, UNI_F_SPACE))
            out[i] = ' ';
        else {
            free(out);
            *bad = true;
            return NULL;
        }
    }
    out[n] = 0;
    *len = n;
    return out;
}

/* "invalid literal for int() with base B: R" with R the repr of the
   original object, cut at 200 characters as CPython's %.200R. */
static Object *invalid_literal(Object *orig, int base)
{
    Object *r = obj_repr(orig);
    if (!r)
        return NULL;
    if (str_len(r) > 200)
        r = obj_getitem(r, slice_new(make_small(0), make_small(200), None));
    char *u = r ? str_to_utf8(r, NULL) : NULL;
    if (!u)
        return NULL;
    raise(vm.e_ValueError, "invalid literal for int() with base %d: %s", base, u);
    free(u);
    return NULL;
}

Object *int_parse_ascii(const char *s, size_t len, int base, Object *orig)
{
    size_t n = bigint_from_str_size(len, base);
    if (n == SIZE_MAX)
        return raise_no_memory();
    BigInt *b = int_alloc(n);
    if (!b)
        return NULL;
    bigint_mut r = int_mut(b);
    size_t ndigits = 0;
    int err = bigint_from_str(&r, s, len, base, int_max_str_digits, &ndigits);
    if (err == BIGINT_EINVALID) {
        if (!orig)
            orig = str_from_latin1((const unsigned char *)s, len);
        return orig ? invalid_literal(orig, base) : NULL;
    }
    if (err == BIGINT_ESTRLIMIT_TO_INT) {
        char buf[300];
        return raise(vm.e_ValueError, "%s",
                     bigint_error_message(err, buf, sizeof buf, int_max_str_digits, ndigits));
    }
    return err ? int_raise(err) : int_finish(b, &r);
}

Object *int_from_str_obj(Object *s, int base)
{
    if (base != 0 && (base < 2 || base > 36))
        return raise(vm.e_ValueError, "int() base must be >= 2 and <= 36, or 0");
    if (is_bytes(s)) {
        Bytes *by = (Bytes *)s;
        char *copy = malloc(by->size + 1);
        if (!copy)
            return raise_no_memory();
        memcpy(copy, stm_real_address((stm_obj *)by) + offsetof(struct Bytes, data), by->size);
        bool ok = memchr(copy, 0, by->size) == NULL;
        for (size_t i = 0; i < by->size && ok; i++)
            ok = (unsigned char)copy[i] < 128;
        Object *r = ok ? int_parse_ascii(copy, by->size, base, s) : invalid_literal(s, base);
        free(copy);
        return r;
    }
    size_t len;
    bool bad;
    char *a = num_ascii_of_str(s, &len, &bad);
    if (!a)
        return bad ? invalid_literal(s, base) : NULL;
    Object *r = memchr(a, 0, len) ? invalid_literal(s, base) : int_parse_ascii(a, len, base, s);
    free(a);
    return r;
}

static Object *call_method0(Object *v, const char *name)
{
    Object *f = type_lookup(type_of(v), intern_cstr(name));
    if (!f)
        return NULL;
    Type *ft = type_of(f);
    if (ft->descr_get) {
        f = ft->descr_get(f, v, type_of(v));
        if (!f)
            return NULL;
    }
    return obj_call0(f);
}

Object *int_from_object(Object *v)
{
    Object *x = int_value(v);
    if (x)
        return x;
    Type *t = type_of(v);
    if (t->unary[UN_INT]) {
        Object *r = t->unary[UN_INT](v);
        if (!r)
            return NULL;
        Object *ri = int_value(r);
        if (!ri)
            return raise(vm.e_TypeError, "__int__ returned non-int (type %s)",
                         type_name(type_of(r)));
        return ri;
    }
    if (t->unary[UN_INDEX]) {
        Object *r = number_index(v);
        return r ? int_value(r) : NULL;
    }
    Object *r = call_method0(v, "__trunc__");
    if (r) {
        Object *ri = int_value(r);
        if (ri)
            return ri;
        if (!type_of(r)->unary[UN_INDEX])
            return raise(vm.e_TypeError, "__trunc__ returned non-Integral (type %s)",
                         type_name(type_of(r)));
        r = number_index(r);
        return r ? int_value(r) : NULL;
    }
    if (exc_occurred())
        return NULL;
    if (is_str(v) || is_bytes(v))
        return int_from_str_obj(v, 10);
    if (layout_of(v) == L_INSTANCE && ((Instance *)v)->base_value
        && (is_str(((Instance *)v)->base_value) || is_bytes(((Instance *)v)->base_value)))
        return int_from_str_obj(((Instance *)v)->base_value, 10);
    return raise(vm.e_TypeError,
                 "int() argument must be a string, a bytes-like object or a real number, not '%s'",
                 type_name(t));
}

static Object *text_of(Object *v)
{
    if (is_str(v) || is_bytes(v))
        return v;
    if (!is_small(v) && layout_of(v) == L_INSTANCE && ((Instance *)v)->base_value
        && (is_str(((Instance *)v)->base_value) || is_bytes(((Instance *)v)->base_value)))
        return ((Instance *)v)->base_value;
    return NULL;
}

/* int(x=0, /, base=10) */
static Object *int_tp_new(Object *cls, Object *const *args, size_t nargs, Object *kw)
{
    size_t nkw = kw ? tuple_size(kw) : 0;
    if (nargs + nkw > 2)
        return raise(vm.e_TypeError, "int() takes at most 2 arguments (%zu given)", nargs + nkw);
    Object *x = nargs ? args[0] : NULL, *base = nargs > 1 ? args[1] : NULL;
    for (size_t i = 0; i < nkw; i++) {
        Object *name = tuple_get(kw, i);
        if (str_eq_cstr(name, "base") && !base) {
            base = args[nargs + i];
            continue;
        }
        char nb[100];
        if (str_eq_cstr(name, "base"))
            return raise(vm.e_TypeError, "argument for int() given by name ('base') and position (2)");
        return raise(vm.e_TypeError, "'%s' is an invalid keyword argument for int()",
                     str_cstr(name, nb, sizeof nb));
    }
    Object *v;
    if (!x) {
        if (base)
            return raise(vm.e_TypeError, "int() missing string argument");
        v = make_small(0);
    } else if (base) {
        Object *text = text_of(x);
        if (!text)
            return raise(vm.e_TypeError, "int() can't convert non-string with explicit base");
        intptr_t b;
        if (index_to_ssize(base, &b, true) < 0)
            return NULL;
        if (b != 0 && (b < 2 || b > 36))
            return raise(vm.e_ValueError, "int() base must be >= 2 and <= 36, or 0");
        v = int_from_str_obj(text, (int)b);
    } else {
        v = int_from_object(x);
    }
    if (!v || (Type *)cls == vm.t_int)
        return v;
    Instance *in = (Instance *)vm_alloc(sizeof(struct Instance), L_INSTANCE, (Type *)cls);
    if (in)
        in->base_value = v;
    return (Object *)in;
}

static Object *bool_tp_new(Object *cls, Object *const *args, size_t nargs, Object *kw)
{
    if (args_no_kw("bool", kw) < 0)
        return NULL;
    if (nargs > 1)
        return raise(vm.e_TypeError, "bool expected at most 1 argument, got %zu", nargs);
    if (!nargs)
        return False_;
    int t = obj_truth(args[0]);
    return t < 0 ? NULL : bool_obj(t);
}

/* ---- methods ---------------------------------------------------------------- */

#define SELF Object *x = int_value(self)
#define NOARGS(name) if (args_exact(name, kw, nargs, 0) < 0) return NULL

static Object *m_bit_length(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    NOARGS("bit_length");
    SELF;
    mp_limb_t bx;
    return int_from_u64(bigint_bit_length(int_view(x, &bx)));
}

static Object *m_bit_count(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    NOARGS("bit_count");
    SELF;
    mp_limb_t bx;
    return int_from_u64(bigint_bit_count(int_view(x, &bx)));
}

static Object *m_conjugate(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    NOARGS("conjugate");
    return int_value(self);
}

static Object *m_as_integer_ratio(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    NOARGS("as_integer_ratio");
    return tuple_pack(2, int_value(self), make_small(1));
}

static Object *m_trunc(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("__trunc__", kw, nargs, 0) < 0)
        return NULL;
    return int_value(self);
}

static Object *m_getnewargs(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    NOARGS("__getnewargs__");
    return tuple_pack(1, int_value(self));
}

static Object *m_sizeof(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    NOARGS("__sizeof__");
    SELF;
    mp_limb_t bx;
    uint64_t bits = bigint_bit_length(int_view(x, &bx));
    /* CPython stores 30-bit digits after a 24-byte header, at least one. */
    uint64_t digits = (bits + 29) / 30;
    return int_from_u64(24 + 4 * (digits ? digits : 1));
}

/* round(x, n) for n < 0: x rounded half-even to a multiple of 10**-n. */
static Object *int_round_neg(Object *x, Object *nd)
{
    Object *p = int_neg_value(nd);
    Object *b = p ? int_pow_mod(make_small(10), p, NULL) : NULL;
    if (!b)
        return NULL;
    Object *q = int_floordiv_values(x, b), *r = q ? int_mod_values(x, b) : NULL;
    Object *twice = r ? int_add_values(r, r) : NULL;
    if (!twice)
        return NULL;
    int c = int_compare(twice, b);
    bool q_odd = is_small(q) ? (small_value(q) & 1) : (((BigInt *)q)->limbs[0] & 1);
    if (c > 0 || (c == 0 && q_odd))
        r = int_sub_values(r, b);
    return r ? int_sub_values(x, r) : NULL;
}

static Object *m_round(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_no_kw("__round__", kw) < 0 || args_count("__round__", nargs, 0, 1) < 0)
        return NULL;
    SELF;
    if (!nargs)
        return x;
    Object *nd = number_index(args[0]);
    if (!nd)
        return NULL;
    nd = int_value(nd);
    if (int_sign(nd) >= 0)
        return x;
    return int_round_neg(x, nd);
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

static int parse_byteorder(Object *o, bool *little)
{
    if (!o) {
        *little = false;
        return 0;
    }
    if (!is_str(o)) {
        raise(vm.e_TypeError, "to_bytes() argument 'byteorder' must be str, not %s",
              type_name(type_of(o)));
        return -1;
    }
    if (str_eq_cstr(o, "little"))
        *little = true;
    else if (str_eq_cstr(o, "big"))
        *little = false;
    else {
        raise(vm.e_ValueError, "byteorder must be either 'little' or 'big'");
        return -1;
    }
    return 0;
}

/* to_bytes(length=1, byteorder='big', *, signed=False) */
static Object *m_to_bytes(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    static const char *const names[] = { "length", "byteorder", "signed", NULL };
    Object *out[3];
    if (args_parse("to_bytes", args, nargs, kw, names, 0, 2, out) < 0)
        return NULL;
    intptr_t len = 1;
    if (out[0] && index_to_ssize(out[0], &len, false) < 0)
        return NULL;
    if (len < 0)
        return raise(vm.e_ValueError, "length argument must be non-negative");
    bool little;
    if (parse_byteorder(out[1], &little) < 0)
        return NULL;
    int sg = out[2] ? obj_truth(out[2]) : 0;
    if (sg < 0)
        return NULL;
    unsigned char *buf = malloc(len ? (size_t)len : 1);
    if (!buf)
        return raise_no_memory();
    SELF;
    mp_limb_t bx;
    int err = bigint_to_bytes(buf, (size_t)len, int_view(x, &bx), little, sg);
    Object *r = err ? int_raise(err) : bytes_new((const char *)buf, (size_t)len);
    free(buf);
    return r;
}

/* int.from_bytes(bytes, byteorder='big', *, signed=False) */
static Object *m_from_bytes(Object *cls, Object *const *args, size_t nargs, Object *kw)
{
    static const char *const names[] = { "bytes", "byteorder", "signed", NULL };
    Object *out[3];
    if (args_parse("from_bytes", args, nargs, kw, names, 1, 2, out) < 0)
        return NULL;
    bool little;
    if (parse_byteorder(out[1], &little) < 0)
        return NULL;
    int sg = out[2] ? obj_truth(out[2]) : 0;
    if (sg < 0)
        return NULL;
    Object *data = out[0];
    if (!is_bytes(data)) {
        if (is_str(data))
            return raise(vm.e_TypeError, "cannot convert 'str' object to bytes");
        data = obj_call1((Object *)vm.t_bytes, data);
        if (!data)
            return NULL;
        if (!is_bytes(data))
            data = text_of(data);
        if (!data || !is_bytes(data))
            return raise(vm.e_TypeError, "cannot convert '%s' object to bytes",
                         type_name(type_of(out[0])));
    }
    Bytes *by = (Bytes *)data;
    BigInt *b = int_alloc(bigint_from_bytes_size(by->size));
    if (!b)
        return NULL;
    bigint_mut r = int_mut(b);
    bigint_from_bytes(&r, (const unsigned char *)stm_real_address((stm_obj *)by)
                      + offsetof(struct Bytes, data), by->size, little, sg);
    Object *v = int_finish(b, &r);
    if ((Type *)cls == vm.t_int)
        return v;
    return obj_call1(cls, v);
}

static Object *get_self_int(Object *self) { return int_value(self); }
static Object *get_zero(Object *self) { return make_small(0); }
static Object *get_one(Object *self) { return make_small(1); }

/* ---- round(), bin(), oct(), hex() ------------------------------------------- */

Object *number_round(Object *v, Object *ndigits)
{
    Object *f = type_lookup(type_of(v), intern_cstr("__round__"));
    if (!f)
        return raise(vm.e_TypeError, "type %s doesn't define __round__ method",
                     type_name(type_of(v)));
    Type *ft = type_of(f);
    if (ft->descr_get) {
        f = ft->descr_get(f, v, type_of(v));
        if (!f)
            return NULL;
    }
    return ndigits && ndigits != None ? obj_call1(f, ndigits) : obj_call0(f);
}

static Object *b_round(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    static const char *const names[] = { "number", "ndigits", NULL };
    Object *out[2];
    if (args_parse("round", args, nargs, kw, names, 1, 2, out) < 0)
        return NULL;
    return number_round(out[0], out[1]);
}

static Object *to_base(Object *const *args, size_t nargs, Object *kw, const char *name, int base)
{
    if (args_exact(name, kw, nargs, 1) < 0)
        return NULL;
    Object *i = number_index(args[0]);
    return i ? int_to_base(int_value(i), base, true) : NULL;
}

static Object *b_bin(Object *s, Object *const *a, size_t n, Object *kw) { return to_base(a, n, kw, "bin", 2); }
static Object *b_oct(Object *s, Object *const *a, size_t n, Object *kw) { return to_base(a, n, kw, "oct", 8); }
static Object *b_hex(Object *s, Object *const *a, size_t n, Object *kw) { return to_base(a, n, kw, "hex", 16); }

void number_builtins_more(Object *d, Object *m);

void number_builtins_init(Object *m)
{
    Object *d = ((ModuleObj *)m)->dict;
    static const MethodDef functions[] = {
        { "round", b_round, 0 }, { "bin", b_bin, 0 }, { "oct", b_oct, 0 }, { "hex", b_hex, 0 },
        { NULL, NULL, 0 },
    };
    for (const MethodDef *f = functions; f->name; f++)
        if (!dict_get_cstr(d, f->name))
            dict_set_cstr(d, f->name, builtin_new(f->name, f->fn, m, m));
    number_builtins_more(d, m);
}

/* ---- sys.get_int_max_str_digits / set_int_max_str_digits ---------------------- */

Object *sys_get_int_max_str_digits(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("get_int_max_str_digits", kw, nargs, 0) < 0)
        return NULL;
    return int_from_u64(int_max_str_digits);
}

Object *sys_set_int_max_str_digits(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    static const char *const names[] = { "maxdigits", NULL };
    Object *out[1];
    if (args_parse("set_int_max_str_digits", args, nargs, kw, names, 1, 1, out) < 0)
        return NULL;
    intptr_t n;
    if (index_to_ssize(out[0], &n, true) < 0)
        return NULL;
    if (n != 0 && n < 640)
        return raise(vm.e_ValueError, "maxdigits must be 0 or larger than %d", 640);
    int_max_str_digits = (size_t)n;
    return None;
}

void num_dunders_init(void);

void int_methods_init(void)
{
    Type *t = vm.t_int;
    t->tp_new = int_tp_new;
    vm.t_bool->tp_new = bool_tp_new;
    static const MethodDef methods[] = {
        { "bit_length", m_bit_length, 0 }, { "bit_count", m_bit_count, 0 },
        { "conjugate", m_conjugate, 0 }, { "as_integer_ratio", m_as_integer_ratio, 0 },
        { "__trunc__", m_trunc, 0 }, { "__floor__", m_trunc, 0 }, { "__ceil__", m_trunc, 0 },
        { "__round__", m_round, 0 }, { "__format__", m_format, 0 },
        { "__sizeof__", m_sizeof, 0 }, { "__getnewargs__", m_getnewargs, 0 },
        { "to_bytes", m_to_bytes, 0 }, { "from_bytes", m_from_bytes, METH_CLASS },
        { NULL, NULL, 0 },
    };
    type_add_methods(t, methods);
    Object *getset_new(Type *owner, const char *name, Object *(*get)(Object *),
                       int (*set)(Object *, Object *));
    getset_new(t, "real", get_self_int, NULL);
    getset_new(t, "imag", get_zero, NULL);
    getset_new(t, "numerator", get_self_int, NULL);
    getset_new(t, "denominator", get_one, NULL);
    num_dunders_init();
}

/* ---- sys.float_info, sys.int_info, sys.hash_info ------------------------------- */

static Type *float_info_type, *int_info_type, *hash_info_type;

static int add_info(Object *sys_dict, Type **slot, const char *name, const char *const *fields,
                    size_t n, Object *const *values)
{
    *slot = structseq_type("sys", name, fields, n, n);
    if (!*slot)
        return -1;
    stm_add_root((stm_obj **)slot);
    Object *v = structseq_new(*slot, values);
    return v ? dict_set_cstr(sys_dict, name, v) : -1;
}

int num_sys_info_init(Object *sys_dict)
{
    static const char *const ff[] = { "max", "max_exp", "max_10_exp", "min", "min_exp",
                                      "min_10_exp", "dig", "mant_dig", "epsilon", "radix",
                                      "rounds" };
    Object *fv[] = { float_new(DBL_MAX), make_small(DBL_MAX_EXP), make_small(DBL_MAX_10_EXP),
                     float_new(DBL_MIN), make_small(DBL_MIN_EXP), make_small(DBL_MIN_10_EXP),
                     make_small(DBL_DIG), make_small(DBL_MANT_DIG), float_new(DBL_EPSILON),
                     make_small(FLT_RADIX), make_small(1) };
    /* The digits CPython would use: code reads these to size things. */
    static const char *const fi[] = { "bits_per_digit", "sizeof_digit", "default_max_str_digits",
                                      "str_digits_check_threshold" };
    Object *iv[] = { make_small(30), make_small(4), make_small(BIGINT_DEFAULT_MAX_STR_DIGITS),
                     make_small(640) };
    static const char *const fh[] = { "width", "modulus", "inf", "nan", "imag", "algorithm",
                                      "hash_bits", "seed_bits", "cutoff" };
    Object *hv[] = { make_small(64), make_small(((intptr_t)1 << 61) - 1), make_small(314159),
                     make_small(0), make_small(1000003), str_from_cstr("fnv"), make_small(64),
                     make_small(0), make_small(0) };
    if (!fv[0] || !fv[3] || !fv[8] || !hv[5])
        return -1;
    if (add_info(sys_dict, &float_info_type, "float_info", ff, 11, fv) < 0
        || add_info(sys_dict, &int_info_type, "int_info", fi, 4, iv) < 0
        || add_info(sys_dict, &hash_info_type, "hash_info", fh, 9, hv) < 0)
        return -1;
    return 0;
}
