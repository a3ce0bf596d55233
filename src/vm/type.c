/*
** Type objects: creation of builtin types, the MRO, attribute look-up
** along it, and the generic attribute protocol of instances.
*/
#include <string.h>

#include "vm/runtime.h"

/* Builtin types in order of creation, so that slots can be inherited from
   bases once every type has its own (vm_init calls type_inherit_all). */
static Type *builtin_order[256];
static int nbuiltin;

static void type_fill(Type *t, const char *name, Type *base, enum Layout layout,
                      size_t size, uint32_t flags)
{
    t->name = intern_cstr(name);
    t->qualname = t->name;
    t->base = base;
    t->flags = flags;
    t->instance_layout = layout;
    t->instance_size = size;
    t->dict = dict_new();
    t->bases = base ? tuple_pack(1, (Object *)base) : vm.empty_tuple;
    size_t depth = 1;
    for (Type *b = base; b; b = b->base)
        depth++;
    Object *mro = tuple_new(depth);
    size_t i = 0;
    for (Type *b = t; b; b = b->base)
        tuple_init_item(mro, i++, (Object *)b);
    t->mro = mro;
    /* Builtin types made after start-up by modules live as long as the
       interpreter: the array is a root. */
    if (nbuiltin == 0)
        stm_add_root_range(builtin_order, sizeof builtin_order);
    if (nbuiltin < (int)(sizeof builtin_order / sizeof builtin_order[0]))
        builtin_order[nbuiltin++] = t;
}

/* The first types must exist before names, dicts and tuples can be made:
   allocate them bare, then fill them in. */
Type *type_alloc_bare(void)
{
    Type *t = (Type *)stm_allocate(sizeof(struct Type), L_TYPE);
    if (!t) {
        fprintf(stderr, "stmpy: out of memory at start-up\n");
        exit(1);
    }
    return t;
}

void type_fill_bare(Type *t, const char *name, Type *base, enum Layout layout,
                    size_t size, uint32_t flags)
{
    t->type = vm.t_type;
    type_fill(t, name, base, layout, size, flags);
}

Type *type_new_builtin(const char *name, Type *base, enum Layout layout, size_t size,
                       uint32_t flags)
{
    Type *t = type_alloc_bare();
    type_fill_bare(t, name, base, layout, size, flags);
    return t;
}

/* Copies every slot the type leaves empty from its base. */
static void inherit_slots(Type *t)
{
    Type *b = t->base;
    if (!b)
        return;
#define INHERIT(slot) if (!t->slot) t->slot = b->slot
    INHERIT(repr); INHERIT(str); INHERIT(hash); INHERIT(richcompare);
    INHERIT(call); INHERIT(getattr); INHERIT(setattr); INHERIT(iter);
    INHERIT(next); INHERIT(descr_get); INHERIT(descr_set); INHERIT(tp_new); INHERIT(init);
    INHERIT(truth); INHERIT(length); INHERIT(getitem); INHERIT(setitem);
    INHERIT(contains);
#undef INHERIT
    for (int i = 0; i < NB_COUNT; i++)
        if (!t->binary[i])
            t->binary[i] = b->binary[i];
    for (int i = 0; i < UN_COUNT; i++)
        if (!t->unary[i])
            t->unary[i] = b->unary[i];
}

/* T.__new__(cls, ...) for a builtin type T: its tp_new slot, after
   CPython's checks on cls. */
static Object *builtin_new_method(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    Type *t = (Type *)self;
    if (nargs < 1)
        return raise(vm.e_TypeError, "%s.__new__(): not enough arguments", type_name(t));
    Object *cls = args[0];
    if (is_small(cls) || layout_of(cls) != L_TYPE)
        return raise(vm.e_TypeError, "%s.__new__(X): X is not a type object (%s)", type_name(t),
                     type_name(type_of(cls)));
    if (!type_is_subtype((Type *)cls, t))
        return raise(vm.e_TypeError, "%s.__new__(%s): %s is not a subtype of %s", type_name(t),
                     type_name((Type *)cls), type_name((Type *)cls), type_name(t));
    return t->tp_new(cls, args + 1, nargs - 1, kw);
}

/* The special methods of builtin types that only have the C slot, for
   code that calls them by name (CPython's slot wrappers): they run the
   slot of the builtin type itself, as a subclass's slot would call the
   subclass's method back. */
static Type *c_base(Object *self)
{
    Type *t = type_of(self);
    while (t->flags & TF_HEAP)
        t = t->base;
    return t;
}

static Object *descr_get_method(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_no_kw("__get__", kw) < 0 || args_count("__get__", nargs, 1, 2) < 0)
        return NULL;
    if (args[0] == None && (nargs < 2 || args[1] == None))
        return raise(vm.e_TypeError, "__get__(None, None) is invalid");
    Object *owner = nargs > 1 && args[1] != None ? args[1] : (Object *)type_of(args[0]);
    if (is_small(owner) || layout_of(owner) != L_TYPE)
        return raise(vm.e_TypeError, "__get__(): owner must be a type, not %s",
                     type_name(type_of(owner)));
    return c_base(self)->descr_get(self, args[0] == None ? NULL : args[0], (Type *)owner);
}

static Object *descr_set_method(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("__set__", kw, nargs, 2) < 0)
        return NULL;
    return c_base(self)->descr_set(self, args[0], args[1]) < 0 ? NULL : None;
}

static Object *descr_delete_method(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("__delete__", kw, nargs, 1) < 0)
        return NULL;
    return c_base(self)->descr_set(self, args[0], NULL) < 0 ? NULL : None;
}

static Object *call_method(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return c_base(self)->call(self, args, nargs, kw);
}

static Object *len_method(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("__len__", kw, nargs, 0) < 0)
        return NULL;
    intptr_t n = c_base(self)->length(self);
    return n < 0 ? NULL : make_small(n);
}

static Object *getitem_method(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return args_exact("__getitem__", kw, nargs, 1) < 0 ? NULL : c_base(self)->getitem(self, args[0]);
}

static Object *setitem_method(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("__setitem__", kw, nargs, 2) < 0)
        return NULL;
    return c_base(self)->setitem(self, args[0], args[1]) < 0 ? NULL : None;
}

static Object *delitem_method(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("__delitem__", kw, nargs, 1) < 0)
        return NULL;
    return c_base(self)->setitem(self, args[0], NULL) < 0 ? NULL : None;
}

static Object *contains_method(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("__contains__", kw, nargs, 1) < 0)
        return NULL;
    int r = c_base(self)->contains(self, args[0]);
    return r < 0 ? NULL : bool_obj(r);
}

static Object *iter_method(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return args_exact("__iter__", kw, nargs, 0) < 0 ? NULL : c_base(self)->iter(self);
}

static Object *next_method(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("__next__", kw, nargs, 0) < 0)
        return NULL;
    Object *r = c_base(self)->next(self);
    return r || exc_occurred() ? r : raise_object((Object *)vm.e_StopIteration);
}

static Object *str_method(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return args_exact("__str__", kw, nargs, 0) < 0 ? NULL : c_base(self)->str(self);
}

static Object *repr_method(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return args_exact("__repr__", kw, nargs, 0) < 0 ? NULL : c_base(self)->repr(self);
}

void type_inherit_all(void)
{
    for (int i = 0; i < nbuiltin; i++)
        inherit_slots(builtin_order[i]);
    /* Types with a constructor of their own show it as __new__ (enum and
       others look for it in the class __dict__). */
    Object *name = intern_cstr("__new__"), *doc = intern_cstr("__doc__");
    for (int i = 0; i < nbuiltin; i++) {
        Type *t = builtin_order[i];
        /* Every class has its own __doc__, None when it has no text. */
        if (!dict_get_str(t->dict, doc))
            dict_set(t->dict, doc, None);
#define WRAP(slot, name, fn)                                                          \
        do {                                                                          \
            static const MethodDef d_[] = { { name, fn, 0 }, { NULL, NULL, 0 } };     \
            if (t->slot && (!t->base || t->base->slot != t->slot)                     \
                && !dict_get_cstr(t->dict, name))                                     \
                type_add_methods(t, d_);                                              \
        } while (0)
        WRAP(descr_get, "__get__", descr_get_method);
        WRAP(descr_set, "__set__", descr_set_method);
        WRAP(descr_set, "__delete__", descr_delete_method);
        WRAP(call, "__call__", call_method);
        WRAP(str, "__str__", str_method);
        WRAP(repr, "__repr__", repr_method);
        WRAP(length, "__len__", len_method);
        WRAP(getitem, "__getitem__", getitem_method);
        WRAP(setitem, "__setitem__", setitem_method);
        WRAP(setitem, "__delitem__", delitem_method);
        WRAP(contains, "__contains__", contains_method);
        WRAP(iter, "__iter__", iter_method);
        WRAP(next, "__next__", next_method);
#undef WRAP
        if (!t->tp_new || (t->base && t->base->tp_new == t->tp_new) || dict_get_str(t->dict, name))
            continue;
        Object *f = builtin_new("__new__", builtin_new_method, (Object *)t, NULL);
        if (f)
            dict_set(t->dict, name, f);
    }
}

void type_inherit(Type *t) { inherit_slots(t); }

/* Type names of builtin types are ASCII; a class's name is shown
   through a small per-thread buffer. */
static __thread char name_buf[4][200];
static __thread int name_next;

const char *type_bare_name(Type *t)
{
    char *b = name_buf[name_next++ & 3];
    return str_cstr(t->name, b, sizeof name_buf[0]);
}

const char *type_name(Type *t)
{
    /* A builtin type of a C module goes by its dotted name, as CPython's
       tp_name ("collections.deque"); classes by their bare name. */
    Object *mod = t->flags & TF_HEAP ? NULL : dict_get_cstr(t->dict, "__module__");
    if (!mod || !is_str(mod) || str_eq_cstr(mod, "builtins"))
        return type_bare_name(t);
    char m[100], n[100], *b = name_buf[name_next++ & 3];
    snprintf(b, sizeof name_buf[0], "%s.%s", str_cstr(mod, m, sizeof m), str_cstr(t->name, n, sizeof n));
    return b;
}

bool type_is_subtype(Type *a, Type *b)
{
    if (a == b)
        return true;
    obj_read((Object *)a);
    Object *mro = a->mro;
    size_t n = tuple_size(mro);
    for (size_t i = 0; i < n; i++)
        if (tuple_get(mro, i) == (Object *)b)
            return true;
    return false;
}

bool is_instance_of(Object *v, Type *t)
{
    return type_is_subtype(type_of(v), t);
}

Object *type_lookup(Type *t, Object *name)
{
    obj_read((Object *)t);
    Object *mro = t->mro;
    size_t n = tuple_size(mro);
    for (size_t i = 0; i < n; i++) {
        Type *b = (Type *)tuple_get(mro, i);
        obj_read((Object *)b);
        Object *v = dict_get_str(b->dict, name);
        if (v)
            return v;
    }
    return NULL;
}

/* Where an object keeps its attribute dict, if it has one. */
static Object *STM_SEG *dict_slot(Object *o)
{
    switch (layout_of(o)) {
    case L_INSTANCE: return &((Instance *)o)->dict;
    case L_FUNCTION: return &((Function *)o)->dict;
    case L_MODULE: return &((ModuleObj *)o)->dict;
    case L_EXCEPTION: return &((Exception *)o)->dict;
    case L_LIST: return &((List *)o)->dict;
    case L_DICT: return &((Dict *)o)->dict;
    case L_SETOBJ: return &((Set *)o)->dict;
    case L_NATIVE: return &((Native *)o)->dict;
    default: return NULL;
    }
}

Object *instance_dict(Object *o, bool create)
{
    if (is_small(o))
        return NULL;
    Object *STM_SEG *slot = dict_slot(o);
    if (!slot)
        return NULL;
    obj_read(o);
    if (!*slot && create && (type_of(o)->flags & TF_HAS_DICT)) {
        Object *d = dict_new();
        if (!d)
            return NULL;
        obj_write(o);
        *slot = d;
    }
    return *slot;
}

static bool is_data_descriptor(Object *d)
{
    return type_of(d)->descr_set != NULL;
}

Object *generic_getattr(Object *self, Object *name)
{
    return generic_getattr_in(self, name, instance_dict(self, false));
}

Object *generic_getattr_in(Object *self, Object *name, Object *d)
{
    Type *t = type_of(self);
    Object *descr = type_lookup(t, name);
    /* A descriptor with __set__ but no __get__ lets the instance dict
       win, then is returned itself. */
    if (descr && is_data_descriptor(descr) && type_of(descr)->descr_get)
        return type_of(descr)->descr_get(descr, self, t);
    if (d) {
        Object *v = dict_get_str(d, name);
        if (v)
            return v;
    }
    if (descr) {
        Type *dt = type_of(descr);
        if (dt->descr_get)
            return dt->descr_get(descr, self, t);
        return descr;
    }
    return NULL;
}

/* Sets or deletes (value NULL) the attribute in the dict d, the type's
   attribute `descr` being no data descriptor. */
static int store_in_dict(Object *self, Object *name, Object *value, Object *descr, Object *d)
{
    Type *t = type_of(self);
    if (!d) {
        if (exc_occurred())
            return -1;
        char nb[100];
        if (descr)
            raise(vm.e_AttributeError, "'%s' object attribute '%s' is read-only",
                  type_name(t), str_cstr(name, nb, sizeof nb));
        else
            raise(vm.e_AttributeError, "'%s' object has no attribute '%s'",
                  type_name(t), str_cstr(name, nb, sizeof nb));
        return -1;
    }
    if (value)
        return dict_set(d, name, value);
    if (dict_del(d, name) < 0) {
        if (exc_matches(vm.e_KeyError)) {
            exc_clear();
            char nb[100];
            raise(vm.e_AttributeError, "'%s' object has no attribute '%s'",
                  type_name(t), str_cstr(name, nb, sizeof nb));
        }
        return -1;
    }
    return 0;
}

int generic_setattr(Object *self, Object *name, Object *value)
{
    Object *descr = type_lookup(type_of(self), name);
    if (descr && is_data_descriptor(descr))
        return type_of(descr)->descr_set(descr, self, value);
    return store_in_dict(self, name, value, descr, instance_dict(self, true));
}

int generic_setattr_in(Object *self, Object *name, Object *value, Object *d)
{
    Object *descr = type_lookup(type_of(self), name);
    if (descr && is_data_descriptor(descr))
        return type_of(descr)->descr_set(descr, self, value);
    return store_in_dict(self, name, value, descr, d);
}

void type_add_methods(Type *t, const MethodDef *defs)
{
    for (; defs->name; defs++) {
        Object *f = builtin_new(defs->name, defs->fn, NULL, NULL);
        ((Builtin *)f)->owner = t;
        ((Builtin *)f)->flags = defs->flags;
        f->type = defs->flags & METH_STATIC ? vm.t_builtin_function : vm.t_method_descriptor;
        /* Special methods are slot wrappers in CPython. */
        size_t n = strlen(defs->name);
        if (f->type == vm.t_method_descriptor && n > 4 && !strncmp(defs->name, "__", 2)
            && !strcmp(defs->name + n - 2, "__"))
            f->type = vm.t_wrapper_descriptor;
        if (defs->flags & METH_CLASS)
            f->type = vm.t_classmethod_descriptor;
        dict_set(t->dict, intern_cstr(defs->name), f);
    }
}
