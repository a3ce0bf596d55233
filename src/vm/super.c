/*
** super(): attribute look-up that starts after a class in an instance's
** MRO.  The zero-argument form finds the class in the caller's __class__
** cell and the instance in its first argument, as CPython does.
*/
#include "compiler/code.h"
#include "vm/runtime.h"

/* A super object reuses the Property layout: fget = the class it was
   made for, fset = the object (or class), fdel = the type whose MRO is
   searched. */
static Object *super_tp_new(Object *cls, Object *const *args, size_t nargs, Object *kw)
{
    if (args_no_kw("super", kw) < 0 || args_count("super()", nargs, 0, 2) < 0)
        return NULL;
    Object *type, *obj;
    if (nargs == 0) {
        Frame *f = (Frame *)thread_state()->frame;
        Code *c = f ? (Code *)f->code : NULL;
        if (!c || c->argcount == 0)
            return raise(vm.e_RuntimeError, "super(): no arguments");
        obj = f->slots[0];
        if (obj && !is_small(obj) && obj->type == vm.t_cell
            && (((Bytes *)c->localsplus_kinds)->data[0] & CO_FAST_CELL))
            obj = ((Cell *)obj)->value;
        if (!obj)
            return raise(vm.e_RuntimeError, "super(): arg[0] deleted");
        type = NULL;
        for (uint32_t i = 0; i < f->nlocalsplus; i++) {
            if (str_eq_cstr(tuple_get(c->localsplus_names, i), "__class__")) {
                Object *cell = f->slots[i];
                type = cell && !is_small(cell) && cell->type == vm.t_cell ? ((Cell *)cell)->value : NULL;
                if (!type)
                    return raise(vm.e_RuntimeError, "super(): empty __class__ cell");
                break;
            }
        }
        if (!type)
            return raise(vm.e_RuntimeError, "super(): __class__ cell not found");
    } else {
        type = args[0];
        obj = nargs == 2 ? args[1] : NULL;
    }
    if (is_small(type) || layout_of(type) != L_TYPE)
        return raise(vm.e_TypeError, "super() argument 1 must be a type, not %s",
                     type_name(type_of(type)));
    Type *start = NULL;
    if (obj) {
        if (!is_small(obj) && layout_of(obj) == L_TYPE && type_is_subtype((Type *)obj, (Type *)type))
            start = (Type *)obj;
        else if (is_instance_of(obj, (Type *)type))
            start = type_of(obj);
        else
            return raise(vm.e_TypeError, "super(type, obj): obj must be an instance or subtype of type");
    }
    Property *s = (Property *)vm_alloc(sizeof(struct Property), L_PROPERTY, (Type *)cls);
    if (s) {
        s->fget = type;
        s->fset = obj;
        s->fdel = (Object *)start;
    }
    return (Object *)s;
}

static Object *super_getattr(Object *self, Object *name)
{
    Property *s = (Property *)self;
    Type *start = (Type *)s->fdel;
    if (start && !str_eq_cstr(name, "__class__")) {
        Object *mro = start->mro;
        size_t n = tuple_size(mro), i = 0;
        while (i < n && tuple_get(mro, i) != s->fget)
            i++;
        for (i++; i < n; i++) {
            Object *v = dict_get_str(((Type *)tuple_get(mro, i))->dict, name);
            if (!v)
                continue;
            Type *vt = type_of(v);
            if (!vt->descr_get)
                return v;
            Object *obj = s->fset == (Object *)start ? NULL : s->fset;
            return vt->descr_get(v, obj, start);
        }
    }
    return generic_getattr(self, name);
}

static Object *super_repr(Object *self)
{
    Property *s = (Property *)self;
    char b[100];
    if (s->fdel)
        return str_format("<super: <class '%s'>, <%s object>>", str_cstr(((Type *)s->fget)->name, b, sizeof b),
                          type_name((Type *)s->fdel));
    return str_format("<super: <class '%s'>, NULL>", str_cstr(((Type *)s->fget)->name, b, sizeof b));
}

Object *getset_new(Type *owner, const char *name, Object *(*get)(Object *),
                   int (*set)(Object *, Object *));

static Object *or_none(Object *v) { return v ? v : None; }
static Object *super_thisclass(Object *s) { return or_none(((Property *)s)->fget); }
static Object *super_self(Object *s) { return or_none(((Property *)s)->fset); }
static Object *super_self_class(Object *s) { return or_none(((Property *)s)->fdel); }

void super_type_init(void)
{
    Type *t = vm.t_super;
    t->tp_new = super_tp_new;
    t->getattr = super_getattr;
    t->repr = super_repr;
    getset_new(t, "__thisclass__", super_thisclass, NULL);
    getset_new(t, "__self__", super_self, NULL);
    getset_new(t, "__self_class__", super_self_class, NULL);
}
