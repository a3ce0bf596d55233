/*
** The number types' slots seen from Python as methods (int.__add__,
** (1.5).__radd__(2), ...), so that subclasses can call super().__add__ and
** code can pass int.__lt__ around; and the builtins divmod() and pow()
** with a modulus, which need the types' three-argument forms.
** A method wrapper cannot know which slot it wraps, so each (type,
** operator) pair gets its own small function from the macros below.
*/
#include "vm/num.h"

#define BIN(T, name, op)                                                                    \
    static Object *T##_##name(Object *self, Object *const *args, size_t nargs, Object *kw)    \
    {                                                                                       \
        if (args_exact("__" #name "__", kw, nargs, 1) < 0)                                  \
            return NULL;                                                                    \
        return vm.t_##T->binary[op](self, args[0]);                                         \
    }                                                                                       \
    static Object *T##_r##name(Object *self, Object *const *args, size_t nargs, Object *kw)   \
    {                                                                                       \
        if (args_exact("__r" #name "__", kw, nargs, 1) < 0)                                 \
            return NULL;                                                                    \
        return vm.t_##T->binary[op](args[0], self);                                         \
    }
#define BIN_DEFS(T, name) { "__" #name "__", T##_##name, 0 }, { "__r" #name "__", T##_r##name, 0 }

#define CMP(T, name, op)                                                                    \
    static Object *T##_##name(Object *self, Object *const *args, size_t nargs, Object *kw)    \
    {                                                                                       \
        if (args_exact("__" #name "__", kw, nargs, 1) < 0)                                  \
            return NULL;                                                                    \
        return vm.t_##T->richcompare(self, args[0], op);                                    \
    }
#define CMP_DEFS(T) { "__lt__", T##_lt, 0 }, { "__le__", T##_le, 0 }, { "__eq__", T##_eq, 0 }, \
    { "__ne__", T##_ne, 0 }, { "__gt__", T##_gt, 0 }, { "__ge__", T##_ge, 0 }
#define CMPS(T) CMP(T, lt, CMP_LT) CMP(T, le, CMP_LE) CMP(T, eq, CMP_EQ) CMP(T, ne, CMP_NE) \
    CMP(T, gt, CMP_GT) CMP(T, ge, CMP_GE)

#define UN(T, name, op)                                                                     \
    static Object *T##_##name(Object *self, Object *const *args, size_t nargs, Object *kw)    \
    {                                                                                       \
        if (args_exact("__" #name "__", kw, nargs, 0) < 0)                                  \
            return NULL;                                                                    \
        return vm.t_##T->unary[op](self);                                                   \
    }
#define UN_DEF(T, name) { "__" #name "__", T##_##name, 0 }

#define COMMON(T)                                                                           \
    static Object *T##_bool(Object *self, Object *const *args, size_t nargs, Object *kw)      \
    {                                                                                       \
        if (args_exact("__bool__", kw, nargs, 0) < 0)                                       \
            return NULL;                                                                    \
        int t = vm.t_##T->truth(self);                                                      \
        return t < 0 ? NULL : bool_obj(t);                                                  \
    }                                                                                       \
    static Object *T##_hash(Object *self, Object *const *args, size_t nargs, Object *kw)      \
    {                                                                                       \
        if (args_exact("__hash__", kw, nargs, 0) < 0)                                       \
            return NULL;                                                                    \
        int64_t h = vm.t_##T->hash(self);                                                   \
        return h == -1 ? NULL : int_from_i64(h);                                            \
    }                                                                                       \
    static Object *T##_repr(Object *self, Object *const *args, size_t nargs, Object *kw)      \
    {                                                                                       \
        if (args_exact("__repr__", kw, nargs, 0) < 0)                                       \
            return NULL;                                                                    \
        return vm.t_##T->repr(self);                                                        \
    }                                                                                       \
    BIN(T, add, NB_ADD) BIN(T, sub, NB_SUBTRACT) BIN(T, mul, NB_MULTIPLY)                   \
    BIN(T, truediv, NB_TRUE_DIVIDE) CMPS(T)                                                 \
    UN(T, neg, UN_NEG) UN(T, pos, UN_POS) UN(T, abs, UN_ABS)
#define COMMON_DEFS(T) { "__bool__", T##_bool, 0 }, { "__hash__", T##_hash, 0 },            \
    { "__repr__", T##_repr, 0 }, BIN_DEFS(T, add), BIN_DEFS(T, sub), BIN_DEFS(T, mul),      \
    BIN_DEFS(T, truediv), CMP_DEFS(T), UN_DEF(T, neg), UN_DEF(T, pos), UN_DEF(T, abs)

/* x ** y % mod for the method forms; mod None means none. */
static Object *pow3(Object *x, Object *y, Object *mod)
{
    if (!mod || mod == None)
        return obj_binary(x, y, NB_POWER);
    Object *a = int_value(x), *b = int_value(y), *m = int_value(mod);
    if (a && b && m)
        return int_pow_mod(a, b, m);
    if (complex_unwrap(x) || complex_unwrap(y))
        return raise(vm.e_ValueError, "complex modulo");
    if ((a || float_unwrap(x)) && (b || float_unwrap(y)))
        return raise(vm.e_TypeError, "pow() 3rd argument not allowed unless all arguments are integers");
    return NotImplemented;
}

#define POW(T)                                                                              \
    static Object *T##_pow(Object *self, Object *const *args, size_t nargs, Object *kw)       \
    {                                                                                       \
        if (args_no_kw("__pow__", kw) < 0 || args_count("__pow__", nargs, 1, 2) < 0)        \
            return NULL;                                                                    \
        if (nargs == 1 || args[1] == None)                                                  \
            return vm.t_##T->binary[NB_POWER](self, args[0]);                               \
        return pow3(self, args[0], args[1]);                                                \
    }                                                                                       \
    static Object *T##_rpow(Object *self, Object *const *args, size_t nargs, Object *kw)      \
    {                                                                                       \
        if (args_no_kw("__rpow__", kw) < 0 || args_count("__rpow__", nargs, 1, 2) < 0)      \
            return NULL;                                                                    \
        if (nargs == 1 || args[1] == None)                                                  \
            return vm.t_##T->binary[NB_POWER](args[0], self);                               \
        return pow3(args[0], self, args[1]);                                                \
    }
#define POW_DEFS(T) { "__pow__", T##_pow, 0 }, { "__rpow__", T##_rpow, 0 }

#define DIVMOD(T, fn)                                                                       \
    static Object *T##_divmod(Object *self, Object *const *args, size_t nargs, Object *kw)    \
    {                                                                                       \
        if (args_exact("__divmod__", kw, nargs, 1) < 0)                                     \
            return NULL;                                                                    \
        return fn(self, args[0]);                                                           \
    }                                                                                       \
    static Object *T##_rdivmod(Object *self, Object *const *args, size_t nargs, Object *kw)   \
    {                                                                                       \
        if (args_exact("__rdivmod__", kw, nargs, 1) < 0)                                    \
            return NULL;                                                                    \
        return fn(args[0], self);                                                           \
    }
#define DIVMOD_DEFS(T) { "__divmod__", T##_divmod, 0 }, { "__rdivmod__", T##_rdivmod, 0 }

#define REAL(T)                                                                             \
    BIN(T, floordiv, NB_FLOOR_DIVIDE) BIN(T, mod, NB_REMAINDER) UN(T, int, UN_INT)          \
    UN(T, float, UN_FLOAT)
#define REAL_DEFS(T) BIN_DEFS(T, floordiv), BIN_DEFS(T, mod), UN_DEF(T, int), UN_DEF(T, float)

COMMON(int) REAL(int) POW(int) DIVMOD(int, int_divmod_obj)
BIN(int, and, NB_AND) BIN(int, or, NB_OR) BIN(int, xor, NB_XOR)
BIN(int, lshift, NB_LSHIFT) BIN(int, rshift, NB_RSHIFT)
UN(int, invert, UN_INVERT) UN(int, index, UN_INDEX)
BIN(bool, and, NB_AND) BIN(bool, or, NB_OR) BIN(bool, xor, NB_XOR)
static Object *bool_repr(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("__repr__", kw, nargs, 0) < 0)
        return NULL;
    return vm.t_bool->repr(self);
}
COMMON(float) REAL(float) POW(float) DIVMOD(float, float_divmod_obj)
COMMON(complex) POW(complex)

/* T.__new__(cls, ...): the type's constructor for cls, a subtype of T. */
static Object *new_method(Type *t, Object *const *args, size_t nargs, Object *kw)
{
    const char *tn = type_name(t);
    if (nargs < 1)
        return raise(vm.e_TypeError, "%s.__new__(): not enough arguments", tn);
    if (is_small(args[0]) || layout_of(args[0]) != L_TYPE)
        return raise(vm.e_TypeError, "%s.__new__(X): X is not a type object (%s)", tn,
                     type_name(type_of(args[0])));
    Type *cls = (Type *)args[0];
    if (!type_is_subtype(cls, t))
        return raise(vm.e_TypeError, "%s.__new__(%s): %s is not a subtype of %s", tn,
                     type_name(cls), type_name(cls), tn);
    return t->tp_new(args[0], args + 1, nargs - 1, kw);
}

#define NEW(T)                                                                              \
    static Object *T##_new_method(Object *self, Object *const *args, size_t nargs, Object *kw)      \
    {                                                                                       \
        return new_method(vm.t_##T, args, nargs, kw);                                       \
    }
NEW(int) NEW(bool) NEW(float) NEW(complex)

/* ---- divmod() and pow() ---------------------------------------------------------------- */

static Object *call_dunder2(Object *self, const char *name, Object *const *args, size_t nargs)
{
    Object *f = type_lookup(type_of(self), intern_cstr(name));
    if (!f)
        return NotImplemented;
    Type *ft = type_of(f);
    if (ft->descr_get && !(f = ft->descr_get(f, self, type_of(self))))
        return NULL;
    return obj_call(f, args, nargs, NULL);
}

/* a.__divmod__(b), then b.__rdivmod__(a); b first when its type is a
   proper subclass of a's (so that it can override the operation). */
static Object *number_divmod(Object *a, Object *b)
{
    Type *ta = type_of(a), *tb = type_of(b);
    bool b_first = ta != tb && type_is_subtype(tb, ta);
    Object *r = b_first ? call_dunder2(b, "__rdivmod__", &a, 1) : NotImplemented;
    if (r == NotImplemented)
        r = call_dunder2(a, "__divmod__", &b, 1);
    if (r == NotImplemented && ta != tb && !b_first)
        r = call_dunder2(b, "__rdivmod__", &a, 1);
    if (r == NotImplemented)
        return raise(vm.e_TypeError, "unsupported operand type(s) for divmod(): '%s' and '%s'",
                     type_name(type_of(a)), type_name(type_of(b)));
    return r;
}

static Object *b_divmod(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("divmod", kw, nargs, 2) < 0)
        return NULL;
    return number_divmod(args[0], args[1]);
}

static Object *b_pow(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    static const char *const names[] = { "base", "exp", "mod", NULL };
    Object *out[3];
    if (args_parse("pow", args, nargs, kw, names, 2, 3, out) < 0)
        return NULL;
    if (!out[2] || out[2] == None)
        return obj_binary(out[0], out[1], NB_POWER);
    Object *r = pow3(out[0], out[1], out[2]);
    if (r == NotImplemented) {
        Object *argv[2] = { out[1], out[2] };
        r = call_dunder2(out[0], "__pow__", argv, 2);
    }
    if (r == NotImplemented)
        return raise(vm.e_TypeError, "unsupported operand type(s) for ** or pow(): '%s', '%s', '%s'",
                     type_name(type_of(out[0])), type_name(type_of(out[1])),
                     type_name(type_of(out[2])));
    return r;
}

void number_builtins_more(Object *d, Object *m)
{
    dict_set_cstr(d, "divmod", builtin_new("divmod", b_divmod, m, m));
    dict_set_cstr(d, "pow", builtin_new("pow", b_pow, m, m));
}

void num_dunders_init(void)
{
    static const MethodDef int_methods[] = {
        COMMON_DEFS(int), REAL_DEFS(int), POW_DEFS(int), DIVMOD_DEFS(int),
        BIN_DEFS(int, and), BIN_DEFS(int, or), BIN_DEFS(int, xor), BIN_DEFS(int, lshift),
        BIN_DEFS(int, rshift), UN_DEF(int, invert), UN_DEF(int, index),
        { "__new__", int_new_method, METH_STATIC },
        { NULL, NULL, 0 },
    };
    type_add_methods(vm.t_int, int_methods);
    static const MethodDef bool_methods[] = {
        BIN_DEFS(bool, and), BIN_DEFS(bool, or), BIN_DEFS(bool, xor),
        { "__repr__", bool_repr, 0 }, { "__new__", bool_new_method, METH_STATIC },
        { NULL, NULL, 0 },
    };
    type_add_methods(vm.t_bool, bool_methods);
    static const MethodDef float_methods[] = {
        COMMON_DEFS(float), REAL_DEFS(float), POW_DEFS(float), DIVMOD_DEFS(float),
        { "__new__", float_new_method, METH_STATIC },
        { NULL, NULL, 0 },
    };
    type_add_methods(vm.t_float, float_methods);
    static const MethodDef complex_methods[] = {
        COMMON_DEFS(complex), POW_DEFS(complex), { "__new__", complex_new_method, METH_STATIC },
        { NULL, NULL, 0 },
    };
    type_add_methods(vm.t_complex, complex_methods);
}
