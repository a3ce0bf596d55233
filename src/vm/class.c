/*
** Classes written in Python: type(name, bases, ns), the C3 MRO,
** __build_class__, and the slots that dispatch to dunder methods.
*/
#include <stdlib.h>
#include <string.h>

#include "vm/eval.h"
#include "vm/runtime.h"

/* ---- slots that call dunders ---------------------------------------------------- */

/* Calls type(self).<name>(self, args...) looked up on the type, as CPython
   does for special methods.  NULL without exception if absent. */
static Object *call_dunder(Object *self, const char *name, Object *const *args, size_t nargs)
{
    Object *n = intern_cstr(name);
    Object *f = type_lookup(type_of(self), n);
    if (!f)
        return NULL;
    Object *argv[4];
    argv[0] = self;
    for (size_t i = 0; i < nargs && i < 3; i++)
        argv[i + 1] = args[i];
    Type *ft = type_of(f);
    if (ft == vm.t_function || ft == vm.t_method_descriptor || ft == vm.t_wrapper_descriptor)
        return obj_call(f, argv, nargs + 1, NULL);
    Object *bound = ft->descr_get ? ft->descr_get(f, self, type_of(self)) : f;
    return bound ? obj_call(bound, args, nargs, NULL) : NULL;
}

static Object *dunder_or_error(Object *self, const char *name, Object *const *args, size_t nargs)
{
    Object *r = call_dunder(self, name, args, nargs);
    if (!r && !exc_occurred())
        raise(vm.e_AttributeError, "%s", name);
    return r;
}

static Object *slot_repr(Object *self) { return dunder_or_error(self, "__repr__", NULL, 0); }
static Object *slot_str(Object *self) { return dunder_or_error(self, "__str__", NULL, 0); }

static int64_t slot_hash(Object *self)
{
    Object *f = type_lookup(type_of(self), intern_cstr("__hash__"));
    if (f == None) {
        raise(vm.e_TypeError, "unhashable type: '%s'", type_name(type_of(self)));
        return -1;
    }
    Object *r = dunder_or_error(self, "__hash__", NULL, 0);
    if (!r)
        return -1;
    if (!is_int(r)) {
        raise(vm.e_TypeError, "__hash__ method should return an integer");
        return -1;
    }
    int64_t h;
    if (int_to_i64(r, &h) < 0) {
        /* CPython reduces big hashes; do it through hash() of the int. */
        exc_clear();
        return obj_hash(r);
    }
    return h == -1 ? -2 : h;
}

static const char *const cmp_dunder[] = { "__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__" };

static Object *slot_richcompare(Object *a, Object *b, CmpOp op)
{
    Object *r = call_dunder(a, cmp_dunder[op], &b, 1);
    if (!r && !exc_occurred()) {
        /* No __ne__ of its own: the inverse of __eq__, as object.__ne__. */
        if (op == CMP_NE) {
            r = call_dunder(a, "__eq__", &b, 1);
            if (r && r != NotImplemented) {
                int t = obj_truth(r);
                return t < 0 ? NULL : bool_obj(!t);
            }
            if (r || exc_occurred())
                return r;
        }
        return NotImplemented;
    }
    return r;
}

static Object *slot_call(Object *self, Object *const *args, size_t nargs, Object *kwnames)
{
    Object *f = obj_getattr_cstr(self, "__call__");
    return f ? obj_call(f, args, nargs, kwnames) : NULL;
}

static Object *slot_getattr(Object *self, Object *name);
static int slot_setattr(Object *self, Object *name, Object *value);

/* The look-up the nearest builtin base does: a metaclass's instances are
   classes, whose attributes come from their MRO, not from a __dict__. */
static Object *base_getattr(Object *self, Object *name)
{
    Type *t = type_of(self);
    while (t && t->getattr == slot_getattr)
        t = t->base;
    return t && t->getattr ? t->getattr(self, name) : generic_getattr(self, name);
}

static int base_setattr(Object *self, Object *name, Object *value)
{
    Type *t = type_of(self);
    while (t && t->setattr == slot_setattr)
        t = t->base;
    return t && t->setattr ? t->setattr(self, name, value) : generic_setattr(self, name, value);
}

static Object *slot_getattr(Object *self, Object *name)
{
    Object *ga = type_lookup(type_of(self), intern_cstr("__getattribute__"));
    Object *r;
    if (ga && !is_small(ga) && ga->type == vm.t_function)
        r = call_dunder(self, "__getattribute__", &name, 1);
    else
        r = base_getattr(self, name);
    if (r)
        return r;
    Object *gattr = type_lookup(type_of(self), intern_cstr("__getattr__"));
    if (!gattr)
        return NULL;
    if (exc_occurred()) {
        if (!exc_matches(vm.e_AttributeError))
            return NULL;
        exc_clear();
    }
    return call_dunder(self, "__getattr__", &name, 1);
}

static int slot_setattr(Object *self, Object *name, Object *value)
{
    const char *dn = value ? "__setattr__" : "__delattr__";
    Object *f = type_lookup(type_of(self), intern_cstr(dn));
    if (!f || is_small(f) || f->type != vm.t_function)
        return base_setattr(self, name, value);
    Object *args[2] = { name, value };
    return call_dunder(self, dn, args, value ? 2 : 1) ? 0 : -1;
}

static Object *slot_iter(Object *self)
{
    /* __iter__ = None declares a class not iterable. */
    if (type_lookup(type_of(self), intern_cstr("__iter__")) == None)
        return raise(vm.e_TypeError, "'%s' object is not iterable", type_name(type_of(self)));
    return dunder_or_error(self, "__iter__", NULL, 0);
}

static Object *slot_next(Object *self)
{
    Object *r = dunder_or_error(self, "__next__", NULL, 0);
    if (!r && exc_matches(vm.e_StopIteration))
        exc_clear();
    return r;
}

static Object *slot_descr_get(Object *d, Object *obj, Type *owner)
{
    Object *args[2] = { obj ? obj : None, owner ? (Object *)owner : None };
    return dunder_or_error(d, "__get__", args, 2);
}

static int slot_descr_set(Object *d, Object *obj, Object *value)
{
    Object *args[2] = { obj, value };
    return dunder_or_error(d, value ? "__set__" : "__delete__", args, value ? 2 : 1) ? 0 : -1;
}

static intptr_t slot_length(Object *self);

static int slot_truth(Object *self)
{
    Object *r = call_dunder(self, "__bool__", NULL, 0);
    if (r) {
        if (r == True_ || r == False_)
            return r == True_;
        raise(vm.e_TypeError, "__bool__ should return bool, returned %s", type_name(type_of(r)));
        return -1;
    }
    if (exc_occurred())
        return -1;
    if (!type_lookup(type_of(self), intern_cstr("__len__")))
        return 1;
    intptr_t n = slot_length(self);
    return n < 0 ? -1 : n != 0;
}

static intptr_t slot_length(Object *self)
{
    Object *r = dunder_or_error(self, "__len__", NULL, 0);
    if (!r)
        return -1;
    if (!is_int(r)) {
        raise(vm.e_TypeError, "'%s' object cannot be interpreted as an integer",
              type_name(type_of(r)));
        return -1;
    }
    int64_t n;
    if (int_to_i64(r, &n) < 0) {
        if (exc_matches(vm.e_OverflowError)) {
            exc_clear();
            raise(vm.e_OverflowError, "cannot fit 'int' into an index-sized integer");
        }
        return -1;
    }
    if (n < 0) {
        raise(vm.e_ValueError, "__len__() should return >= 0");
        return -1;
    }
    return n;
}

static Object *slot_getitem(Object *self, Object *key)
{
    return dunder_or_error(self, "__getitem__", &key, 1);
}

static int slot_setitem(Object *self, Object *key, Object *value)
{
    Object *args[2] = { key, value };
    return dunder_or_error(self, value ? "__setitem__" : "__delitem__", args, value ? 2 : 1)
           ? 0 : -1;
}

static int slot_contains(Object *self, Object *item)
{
    Object *r = call_dunder(self, "__contains__", &item, 1);
    if (!r) {
        if (exc_occurred())
            return -1;
        /* Fall back to iteration, as CPython's sequence search does. */
        Object *it = obj_iter(self);
        if (!it)
            return -1;
        for (;;) {
            Object *x = obj_next(it);
            if (!x)
                return exc_occurred() ? -1 : 0;
            int eq = obj_richcompare_bool(x, item, CMP_EQ);
            if (eq)
                return eq;
        }
    }
    return obj_truth(r);
}

static const char *const binary_dunder[NB_INPLACE][2] = {
    { "__add__", "__radd__" }, { "__and__", "__rand__" },
    { "__floordiv__", "__rfloordiv__" }, { "__lshift__", "__rlshift__" },
    { "__matmul__", "__rmatmul__" }, { "__mul__", "__rmul__" },
    { "__mod__", "__rmod__" }, { "__or__", "__ror__" }, { "__pow__", "__rpow__" },
    { "__rshift__", "__rrshift__" }, { "__sub__", "__rsub__" },
    { "__truediv__", "__rtruediv__" }, { "__xor__", "__rxor__" },
};
static const char *const inplace_dunder[NB_INPLACE] = {
    "__iadd__", "__iand__", "__ifloordiv__", "__ilshift__", "__imatmul__", "__imul__",
    "__imod__", "__ior__", "__ipow__", "__irshift__", "__isub__", "__itruediv__", "__ixor__",
};

static BinaryFn *const bin_slots[NB_INPLACE];

static Object *not_implemented_if_absent(Object *r)
{
    return r ? r : exc_occurred() ? NULL : NotImplemented;
}

/* The generic binary slot, CPython's rules: a's forward dunder, then b's
   reflected one; b first when its type is a subclass of a's overriding
   the reflected dunder.  One slot function per operator, so that the
   slot knows which operator it is. */
static Object *binary_dispatch(Object *a, Object *b, int op)
{
    Type *ta = type_of(a), *tb = type_of(b);
    Object *rname = intern_cstr(binary_dunder[op][1]);
    bool do_other = ta != tb && tb->binary[op] == bin_slots[op] && type_lookup(tb, rname);
    if (ta->binary[op] == bin_slots[op]) {
        if (do_other && type_is_subtype(tb, ta)
            && type_lookup(tb, rname) != type_lookup(ta, rname)) {
            Object *r = not_implemented_if_absent(call_dunder(b, binary_dunder[op][1], &a, 1));
            if (r != NotImplemented)
                return r;
            do_other = false;
        }
        Object *r = not_implemented_if_absent(call_dunder(a, binary_dunder[op][0], &b, 1));
        if (r != NotImplemented)
            return r;
    }
    if (do_other)
        return not_implemented_if_absent(call_dunder(b, binary_dunder[op][1], &a, 1));
    return NotImplemented;
}

#define BIN_SLOT(n) static Object *bin_slot_##n(Object *a, Object *b) { return binary_dispatch(a, b, n); }
BIN_SLOT(0) BIN_SLOT(1) BIN_SLOT(2) BIN_SLOT(3) BIN_SLOT(4) BIN_SLOT(5) BIN_SLOT(6)
BIN_SLOT(7) BIN_SLOT(8) BIN_SLOT(9) BIN_SLOT(10) BIN_SLOT(11) BIN_SLOT(12)
static BinaryFn *const bin_slots[NB_INPLACE] = {
    bin_slot_0, bin_slot_1, bin_slot_2, bin_slot_3, bin_slot_4, bin_slot_5, bin_slot_6,
    bin_slot_7, bin_slot_8, bin_slot_9, bin_slot_10, bin_slot_11, bin_slot_12,
};

static Object *inplace_dispatch(Object *a, Object *b, int op)
{
    return not_implemented_if_absent(call_dunder(a, inplace_dunder[op], &b, 1));
}
#define INPLACE_SLOT(n) static Object *inplace_slot_##n(Object *a, Object *b) { return inplace_dispatch(a, b, n); }
INPLACE_SLOT(0) INPLACE_SLOT(1) INPLACE_SLOT(2) INPLACE_SLOT(3) INPLACE_SLOT(4)
INPLACE_SLOT(5) INPLACE_SLOT(6) INPLACE_SLOT(7) INPLACE_SLOT(8) INPLACE_SLOT(9)
INPLACE_SLOT(10) INPLACE_SLOT(11) INPLACE_SLOT(12)
static BinaryFn *const inplace_slots[NB_INPLACE] = {
    inplace_slot_0, inplace_slot_1, inplace_slot_2, inplace_slot_3, inplace_slot_4,
    inplace_slot_5, inplace_slot_6, inplace_slot_7, inplace_slot_8, inplace_slot_9,
    inplace_slot_10, inplace_slot_11, inplace_slot_12,
};

static const char *const unary_dunder[UN_COUNT] = {
    "__neg__", "__pos__", "__invert__", "__abs__", "__int__", "__float__", "__index__",
};
static Object *unary_dispatch(Object *a, int op) { return dunder_or_error(a, unary_dunder[op], NULL, 0); }
#define UN_SLOT(n) static Object *un_slot_##n(Object *a) { return unary_dispatch(a, n); }
UN_SLOT(0) UN_SLOT(1) UN_SLOT(2) UN_SLOT(3) UN_SLOT(4) UN_SLOT(5) UN_SLOT(6)
static UnaryFn *const un_slots[UN_COUNT] = {
    un_slot_0, un_slot_1, un_slot_2, un_slot_3, un_slot_4, un_slot_5, un_slot_6,
};

/* Calls f(first, *args) keeping keyword arguments. */
static Object *call_prepended(Object *f, Object *first, Object *const *args, size_t nargs,
                              Object *kwnames)
{
    size_t total = nargs + (kwnames ? tuple_size(kwnames) : 0);
    Object *small[8], **argv = total + 1 <= 8 ? small : malloc((total + 1) * sizeof *argv);
    if (!argv)
        return raise_no_memory();
    argv[0] = first;
    memcpy(argv + 1, args, total * sizeof *argv);
    Object *r = obj_call(f, argv, nargs + 1, kwnames);
    if (argv != small)
        free(argv);
    keep_alive(first);              /* argv may be malloc'd: unseen by the collector */
    return r;
}

static int slot_init(Object *self, Object *const *args, size_t nargs, Object *kwnames)
{
    Object *f = type_lookup(type_of(self), intern_cstr("__init__"));
    if (!f)
        return 0;
    Type *ft = type_of(f);
    Object *r;
    if (ft == vm.t_function || ft == vm.t_method_descriptor || ft == vm.t_wrapper_descriptor) {
        r = call_prepended(f, self, args, nargs, kwnames);
    } else {
        Object *bound = ft->descr_get ? ft->descr_get(f, self, type_of(self)) : f;
        r = bound ? obj_call(bound, args, nargs, kwnames) : NULL;
    }
    if (!r)
        return -1;
    if (r != None) {
        raise(vm.e_TypeError, "__init__() should return None, not '%s'", type_name(type_of(r)));
        return -1;
    }
    return 0;
}

static Object *slot_new(Object *cls, Object *const *args, size_t nargs, Object *kwnames)
{
    Object *f = type_lookup((Type *)cls, intern_cstr("__new__"));
    if (!f)
        return raise(vm.e_TypeError, "cannot create '%s' instances", type_name((Type *)cls));
    Type *ft = type_of(f);
    if (ft->descr_get && ft != vm.t_builtin_function)
        f = ft->descr_get(f, NULL, (Type *)cls);
    return f ? call_prepended(f, cls, args, nargs, kwnames) : NULL;
}

static bool defines(Type *t, const char *name)
{
    Object *v = type_lookup(t, intern_cstr(name));
    /* Methods written in C belong to a builtin base, which has the slot. */
    return v && (is_small(v) || (layout_of(v) != L_BUILTIN && layout_of(v) != L_GETSET));
}

/* A class gets the generic slot wherever its MRO defines the dunder in
   Python; elsewhere it keeps what it inherited from its base. */
int type_ready_slots(Type *t)
{
    type_inherit(t);
#define SET(slot, fn, ...) do { const char *names_[] = { __VA_ARGS__ }; \
        for (size_t i_ = 0; i_ < sizeof names_ / sizeof names_[0]; i_++) \
            if (defines(t, names_[i_])) { t->slot = fn; break; } } while (0)
    SET(repr, slot_repr, "__repr__");
    SET(str, slot_str, "__str__");
    SET(hash, slot_hash, "__hash__");
    SET(richcompare, slot_richcompare, "__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__");
    SET(call, slot_call, "__call__");
    SET(getattr, slot_getattr, "__getattribute__", "__getattr__");
    SET(setattr, slot_setattr, "__setattr__", "__delattr__");
    SET(iter, slot_iter, "__iter__");
    SET(next, slot_next, "__next__");
    SET(descr_get, slot_descr_get, "__get__");
    SET(descr_set, slot_descr_set, "__set__", "__delete__");
    SET(truth, slot_truth, "__bool__", "__len__");
    SET(length, slot_length, "__len__");
    SET(getitem, slot_getitem, "__getitem__");
    SET(setitem, slot_setitem, "__setitem__", "__delitem__");
    SET(contains, slot_contains, "__contains__");
    SET(init, slot_init, "__init__");
    SET(tp_new, slot_new, "__new__");
#undef SET
    /* A C base's __del__ (files, sockets) counts too: it has no slot to
       inherit, only the flag. */
    if (type_lookup(t, intern_cstr("__del__")))
        t->flags |= TF_FINALIZE;
    else
        t->flags &= ~(uint32_t)TF_FINALIZE;
    for (int op = 0; op < NB_INPLACE; op++) {
        if (defines(t, binary_dunder[op][0]) || defines(t, binary_dunder[op][1]))
            t->binary[op] = bin_slots[op];
        if (defines(t, inplace_dunder[op]))
            t->binary[NB_INPLACE + op] = inplace_slots[op];
    }
    for (int op = 0; op < UN_COUNT; op++)
        if (defines(t, unary_dunder[op]))
            t->unary[op] = un_slots[op];
    /* __eq__ without __hash__ makes instances unhashable, as in CPython. */
    Object *own_eq = dict_get_str(t->dict, intern_cstr("__eq__"));
    Object *own_hash = dict_get_str(t->dict, intern_cstr("__hash__"));
    if (own_eq && !own_hash) {
        if (dict_set(t->dict, intern_cstr("__hash__"), None) < 0)
            return -1;
        t->hash = NULL;
    }
    if (own_hash == None)
        t->hash = NULL;
    return 0;
}
