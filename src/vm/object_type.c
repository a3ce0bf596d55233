/*
** `object` and `type`: the roots of the type system.  Instantiation
** (type.__call__ = __new__ then __init__), the default behaviour every
** object inherits, and class creation through type(name, bases, ns).
*/
#include <string.h>

#include "vm/eval.h"
#include "vm/runtime.h"

static bool excess_args(size_t nargs, Object *kwnames)
{
    return nargs > 0 || (kwnames && tuple_size(kwnames) > 0);
}

static Object *object_new(Object *cls, Object *const *args, size_t nargs, Object *kwnames);
static int object_init(Object *self, Object *const *args, size_t nargs, Object *kwnames);

static Object *object_new(Object *cls, Object *const *args, size_t nargs, Object *kwnames)
{
    Type *t = (Type *)cls;
    if (excess_args(nargs, kwnames)) {
        if (t->tp_new != object_new)
            return raise(vm.e_TypeError,
                         "object.__new__() takes exactly one argument (the type to instantiate)");
        if (t->init == object_init)
            return raise(vm.e_TypeError, "%s() takes no arguments", type_name(t));
    }
    if (t->flags & TF_ABSTRACT)
        return raise(vm.e_TypeError, "Can't instantiate abstract class %s", type_name(t));
    if (t->instance_layout == L_INSTANCE)
        return vm_alloc(sizeof(struct Instance), L_INSTANCE, t);
    if (t->instance_layout == L_PLAIN)
        return vm_alloc(sizeof(struct Object), L_PLAIN, t);
    return raise(vm.e_TypeError, "object.__new__(%s) is not safe, use %s.__new__()",
                 type_name(t), type_name(t->base));
}

static int object_init(Object *self, Object *const *args, size_t nargs, Object *kwnames)
{
    Type *t = type_of(self);
    if (excess_args(nargs, kwnames)) {
        if (t->init != object_init) {
            raise(vm.e_TypeError,
                  "object.__init__() takes exactly one argument (the instance to initialize)");
            return -1;
        }
        if (t->tp_new == object_new) {
            raise(vm.e_TypeError, "%s() takes no arguments", type_name(t));
            return -1;
        }
    }
    return 0;
}

static Object *object_repr(Object *self)
{
    Type *t = type_of(self);
    Object *mod = type_lookup(t, intern_cstr("__module__"));
    char mb[200], nb[200];
    if (mod && is_str(mod) && !str_eq_cstr(mod, "builtins"))
        return str_format("<%s.%s object at %#lx>", str_cstr(mod, mb, sizeof mb),
                          str_cstr(t->qualname, nb, sizeof nb), (unsigned long)(uintptr_t)self);
    return str_format("<%s object at %#lx>", type_name(t), (unsigned long)(uintptr_t)self);
}

static int64_t object_hash(Object *self)
{
    return (int64_t)((uintptr_t)self >> 4);
}

static Object *object_richcompare(Object *a, Object *b, CmpOp op)
{
    if (op == CMP_EQ)
        return a == b ? True_ : NotImplemented;
    if (op == CMP_NE) {
        /* By default != is the inverse of ==. */
        Type *t = type_of(a);
        if (t->richcompare && t->richcompare != object_richcompare) {
            Object *r = t->richcompare(a, b, CMP_EQ);
            if (!r || r == NotImplemented)
                return r;
            int v = obj_truth(r);
            return v < 0 ? NULL : bool_obj(!v);
        }
        return a == b ? False_ : NotImplemented;
    }
    return NotImplemented;
}

/* type.__call__: __new__, then __init__ if __new__ returned an instance. */
static Object *type_call(Object *cls, Object *const *args, size_t nargs, Object *kwnames)
{
    Type *t = (Type *)cls;
    if (t == vm.t_type && nargs == 1 && (!kwnames || tuple_size(kwnames) == 0))
        return (Object *)type_of(args[0]);
    if (!t->tp_new)
        return raise(vm.e_TypeError, "cannot create '%s' instances", type_name(t));
    Object *obj = t->tp_new(cls, args, nargs, kwnames);
    if (!obj || !is_instance_of(obj, t))
        return obj;
    Type *ot = type_of(obj);
    if (ot->init && ot->init(obj, args, nargs, kwnames) < 0)
        return NULL;
    return obj;
}

static Object *type_repr_slot(Object *self)
{
    Type *t = (Type *)self;
    Object *mod = dict_get_str(t->dict, intern_cstr("__module__"));
    char mb[200], nb[200];
    if (mod && is_str(mod) && !str_eq_cstr(mod, "builtins"))
        return str_format("<class '%s.%s'>", str_cstr(mod, mb, sizeof mb),
                          str_cstr(t->qualname, nb, sizeof nb));
    return str_format("<class '%s'>", str_cstr(t->qualname, nb, sizeof nb));
}

Object *type_repr(Object *t) { return type_repr_slot(t); }

/* Attribute look-up on a class: the metatype's data descriptors, then
   the MRO of the class itself (binding with owner = the class), then the
   metatype's other attributes. */
static Object *type_getattr(Object *self, Object *name)
{
    Type *t = (Type *)self, *meta = type_of(self);
    Object *meta_attr = type_lookup(meta, name);
    if (meta_attr && type_of(meta_attr)->descr_set)
        return type_of(meta_attr)->descr_get(meta_attr, self, meta);
    Object *attr = type_lookup(t, name);
    if (attr) {
        Type *at = type_of(attr);
        if (at->descr_get)
            return at->descr_get(attr, NULL, t);
        return attr;
    }
    if (meta_attr) {
        Type *mt = type_of(meta_attr);
        return mt->descr_get ? mt->descr_get(meta_attr, self, meta) : meta_attr;
    }
    return NULL;
}

static int type_setattr(Object *self, Object *name, Object *value)
{
    Type *t = (Type *)self;
    if (!(t->flags & TF_HEAP)) {
        char nb[100];
        raise(vm.e_TypeError, "cannot set '%s' attribute of immutable type '%s'",
              str_cstr(name, nb, sizeof nb), type_name(t));
        return -1;
    }
    Object *meta_attr = type_lookup(type_of(self), name);
    if (meta_attr && type_of(meta_attr)->descr_set)
        return type_of(meta_attr)->descr_set(meta_attr, self, value);
    obj_write(self);
    int r = value ? dict_set(t->dict, name, value) : dict_del(t->dict, name);
    if (r < 0)
        return -1;
    /* A dunder may have changed: recompute the slots. */
    if (str_len(name) > 4 && str_char(name, 0) == '_' && str_char(name, 1) == '_')
        return type_ready_slots(t);
    return 0;
}

/* ---- class creation ---------------------------------------------------------------- */

/* C3 linearisation of bases' MROs. */
static Object *c3_mro(Type *t, Object *bases)
{
    size_t nb = tuple_size(bases);
    Object *seqs = list_new(0);
    if (!seqs)
        return NULL;
    for (size_t i = 0; i < nb; i++) {
        Object *l = list_from_iterable(((Type *)tuple_get(bases, i))->mro);
        if (!l || list_append(seqs, l) < 0)
            return NULL;
    }
    Object *bl = list_from_iterable(bases);
    if (!bl || list_append(seqs, bl) < 0)
        return NULL;
    Object *result = list_new(0);
    if (!result || list_append(result, (Object *)t) < 0)
        return NULL;
    size_t *heads = calloc(nb + 1, sizeof *heads);
    if (!heads)
        return raise_no_memory();
    for (;;) {
        Object *cand = NULL;
        bool any = false;
        for (size_t i = 0; i <= nb; i++) {
            Object *s = list_get(seqs, i);
            if (heads[i] >= list_size(s))
                continue;
            any = true;
            cand = list_get(s, heads[i]);
            /* A good head appears in no other sequence's tail. */
            for (size_t j = 0; j <= nb && cand; j++) {
                Object *s2 = list_get(seqs, j);
                for (size_t k = heads[j] + 1; k < list_size(s2); k++)
                    if (list_get(s2, k) == cand) {
                        cand = NULL;
                        break;
                    }
            }
            if (cand)
                break;
        }
        if (!any)
            break;
        if (!cand) {
            free(heads);
            return raise(vm.e_TypeError,
                         "Cannot create a consistent method resolution order (MRO) for bases");
        }
        if (list_append(result, cand) < 0) {
            free(heads);
            return NULL;
        }
        for (size_t i = 0; i <= nb; i++) {
            Object *s = list_get(seqs, i);
            if (heads[i] < list_size(s) && list_get(s, heads[i]) == cand)
                heads[i]++;
        }
    }
    free(heads);
    return list_as_tuple(result);
}

/* The base whose C layout instances get: the most derived builtin layout. */
static Type *solid_base(Type *t)
{
    while (t->base && (t->flags & TF_HEAP))
        t = t->base;
    return t;
}

/* `name` as super(t, t) finds it: along t's MRO after t, bound to t. */
static Object *super_lookup(Type *t, Object *name)
{
    Object *mro = t->mro;
    for (size_t i = 1; i < tuple_size(mro); i++) {
        Object *f = dict_get_str(((Type *)tuple_get(mro, i))->dict, name);
        if (f) {
            Type *ft = type_of(f);
            return ft->descr_get ? ft->descr_get(f, NULL, t) : f;
        }
    }
    char nb[100];
    return raise(vm.e_AttributeError, "'super' object has no attribute '%s'",
                 str_cstr(name, nb, sizeof nb));
}

Object *type_new_class(Type *meta, Object *name, Object *bases, Object *ns)
{
    if (tuple_size(bases) == 0)
        bases = tuple_pack(1, (Object *)vm.t_object);
    if (!bases)
        return NULL;
    Type *best = NULL;
    for (size_t i = 0; i < tuple_size(bases); i++) {
        Object *b = tuple_get(bases, i);
        if (is_small(b) || layout_of(b) != L_TYPE)
            return raise(vm.e_TypeError, "bases must be types");
        Type *bt = (Type *)b;
        if (!(bt->flags & TF_BASETYPE))
            return raise(vm.e_TypeError, "type '%s' is not an acceptable base type", type_name(bt));
        Type *s = solid_base(bt);
        if (!best || type_is_subtype(s, solid_base(best)))
            best = bt;
        else if (!type_is_subtype(solid_base(best), s))
            return raise(vm.e_TypeError, "multiple bases have instance lay-out conflict");
    }
    Type *t = (Type *)vm_alloc(sizeof(struct Type), L_TYPE, meta);
    if (!t)
        return NULL;
    Type *solid = solid_base(best);
    t->name = name;
    t->qualname = name;
    t->base = best;
    t->bases = bases;
    t->flags = TF_HEAP | TF_BASETYPE | TF_HAS_DICT | (solid->flags & ~(uint32_t)(TF_HEAP | TF_ABSTRACT));
    t->instance_layout = solid->instance_layout == L_PLAIN ? L_INSTANCE : solid->instance_layout;
    t->instance_size = solid->instance_size;
    t->dict = dict_new();
    if (!t->dict || dict_update(t->dict, ns) < 0)
        return NULL;
    Object *mro = c3_mro(t, bases);
    if (!mro)
        return NULL;
    t->mro = mro;
    Object *qn = dict_get_cstr(t->dict, "__qualname__");
    if (qn) {
        if (!is_str(qn))
            return raise(vm.e_TypeError, "type __qualname__ must be a str, not %s",
                         type_name(type_of(qn)));
        t->qualname = qn;
        dict_del(t->dict, intern_cstr("__qualname__"));
    }
    if (!dict_get_cstr(t->dict, "__doc__") && dict_set_cstr(t->dict, "__doc__", None) < 0)
        return NULL;
    /* __new__ is a static method implicitly; __init_subclass__ and
       __class_getitem__ are class methods implicitly. */
    static const char *const implicit[] = { "__new__", "__init_subclass__", "__class_getitem__" };
    for (int i = 0; i < 3; i++) {
        Object *f = dict_get_cstr(t->dict, implicit[i]);
        if (f && !is_small(f) && f->type == vm.t_function) {
            Object *w = obj_call1((Object *)(i == 0 ? vm.t_staticmethod : vm.t_classmethod), f);
            if (!w || dict_set_cstr(t->dict, implicit[i], w) < 0)
                return NULL;
        }
    }
    if (type_ready_slots(t) < 0)
        return NULL;
    return (Object *)t;
}

/* type(name, bases, dict) */
static Object *type_tp_new(Object *cls, Object *const *args, size_t nargs, Object *kwnames)
{
    if (nargs != 3)
        return raise(vm.e_TypeError, "type() takes 1 or 3 arguments");
    if (!is_str(args[0]))
        return raise(vm.e_TypeError, "type.__new__() argument 1 must be str, not %s",
                     type_name(type_of(args[0])));
    if (is_small(args[1]) || args[1]->type != vm.t_tuple)
        return raise(vm.e_TypeError, "type.__new__() argument 2 must be tuple, not %s",
                     type_name(type_of(args[1])));
    if (is_small(args[2]) || !type_is_subtype(type_of(args[2]), vm.t_dict))
        return raise(vm.e_TypeError, "type.__new__() argument 3 must be dict, not %s",
                     type_name(type_of(args[2])));
    Object *t = type_new_class((Type *)cls, args[0], args[1], args[2]);
    if (!t)
        return NULL;
    /* __set_name__ on the attributes, then __init_subclass__ of the parent. */
    size_t pos = 0;
    Object *k, *v;
    Object *d = ((Type *)t)->dict;
    Object *snapshot = dict_new();
    if (!snapshot || dict_update(snapshot, d) < 0)
        return NULL;
    while (dict_next(snapshot, &pos, &k, &v)) {
        Object *sn = type_lookup(type_of(v), intern_cstr("__set_name__"));
        if (sn) {
            Object *argv[3] = { v, t, k };
            if (!obj_call(sn, argv, 3, NULL))
                return NULL;
        }
    }
    Object *sup = super_lookup((Type *)t, intern_cstr("__init_subclass__"));
    if (!sup || !obj_call(sup, args + 3, 0, kwnames))
        return NULL;
    return t;
}

static Object *init_subclass(Object *cls, Object *const *args, size_t nargs, Object *kwnames)
{
    if (nargs || (kwnames && tuple_size(kwnames)))
        return raise(vm.e_TypeError, "%s.__init_subclass__() takes no keyword arguments",
                     type_name((Type *)cls));
    return None;
}

static Object *object_init_method(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return object_init(self, args, nargs, kw) < 0 ? NULL : None;
}

static Object *object_new_method(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (nargs < 1 || is_small(args[0]) || layout_of(args[0]) != L_TYPE)
        return raise(vm.e_TypeError, "object.__new__(X): X is not a type object");
    return object_new(args[0], args + 1, nargs - 1, kw);
}

static Object *object_get_class(Object *self) { return (Object *)type_of(self); }
static Object *object_get_dict(Object *self)
{
    Object *d = instance_dict(self, true);
    if (!d && !exc_occurred())
        raise(vm.e_AttributeError, "'%s' object has no attribute '__dict__'",
              type_name(type_of(self)));
    return d;
}

static Object *type_get_name(Object *self) { return ((Type *)self)->name; }
static Object *type_get_qualname(Object *self) { return ((Type *)self)->qualname; }
static Object *type_get_mro(Object *self) { return ((Type *)self)->mro; }
static Object *type_get_bases(Object *self) { return ((Type *)self)->bases; }
static Object *type_get_base(Object *self)
{
    Type *b = ((Type *)self)->base;
    return b ? (Object *)b : None;
}
static Object *type_get_dict(Object *self) { return ((Type *)self)->dict; }
static Object *type_get_module(Object *self)
{
    Object *m = dict_get_cstr(((Type *)self)->dict, "__module__");
    return m ? m : intern_cstr("builtins");
}
static Object *type_get_doc(Object *self)
{
    Object *d = dict_get_cstr(((Type *)self)->dict, "__doc__");
    return d ? d : None;
}

static int type_set_name(Object *self, Object *v)
{
    if (!is_str(v)) {
        raise(vm.e_TypeError, "can only assign string to %s.__name__, not '%s'",
              type_name((Type *)self), type_name(type_of(v)));
        return -1;
    }
    obj_write(self);
    ((Type *)self)->name = v;
    return 0;
}
static int type_set_qualname(Object *self, Object *v)
{
    if (!is_str(v)) {
        raise(vm.e_TypeError, "can only assign string to %s.__qualname__, not '%s'",
              type_name((Type *)self), type_name(type_of(v)));
        return -1;
    }
    obj_write(self);
    ((Type *)self)->qualname = v;
    return 0;
}

static Object *type_mro_method(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    Object *m = ((Type *)self)->mro;
    return list_from_iterable(m);
}

static Object *type_subclasscheck(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("__subclasscheck__", kw, nargs, 1) < 0)
        return NULL;
    if (is_small(args[0]) || layout_of(args[0]) != L_TYPE)
        return raise(vm.e_TypeError, "issubclass() arg 1 must be a class");
    return bool_obj(type_is_subtype((Type *)args[0], (Type *)self));
}

static Object *type_instancecheck(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("__instancecheck__", kw, nargs, 1) < 0)
        return NULL;
    return bool_obj(is_instance_of(args[0], (Type *)self));
}

Object *getset_new(Type *owner, const char *name, Object *(*get)(Object *),
                   int (*set)(Object *, Object *));

void object_type_init(void)
{
    Type *o = vm.t_object;
    o->tp_new = object_new;
    o->init = object_init;
    o->repr = object_repr;
    o->hash = object_hash;
    o->richcompare = object_richcompare;
    o->getattr = generic_getattr;
    o->setattr = generic_setattr;
    static const MethodDef object_methods[] = {
        { "__init__", object_init_method, 0 },
        { "__new__", object_new_method, METH_STATIC },
        { "__init_subclass__", init_subclass, METH_CLASS },
        { NULL, NULL, 0 },
    };
    type_add_methods(o, object_methods);
    getset_new(o, "__class__", object_get_class, NULL);
    getset_new(o, "__dict__", object_get_dict, NULL);

    Type *t = vm.t_type;
    t->call = type_call;
    t->tp_new = type_tp_new;
    t->repr = type_repr_slot;
    t->getattr = type_getattr;
    t->setattr = type_setattr;
    static const MethodDef type_methods[] = {
        { "mro", type_mro_method, 0 },
        { "__subclasscheck__", type_subclasscheck, 0 },
        { "__instancecheck__", type_instancecheck, 0 },
        { NULL, NULL, 0 },
    };
    type_add_methods(t, type_methods);
    getset_new(t, "__name__", type_get_name, type_set_name);
    getset_new(t, "__qualname__", type_get_qualname, type_set_qualname);
    getset_new(t, "__mro__", type_get_mro, NULL);
    getset_new(t, "__bases__", type_get_bases, NULL);
    getset_new(t, "__base__", type_get_base, NULL);
    getset_new(t, "__dict__", type_get_dict, NULL);
    getset_new(t, "__module__", type_get_module, NULL);
    getset_new(t, "__doc__", type_get_doc, NULL);
}
