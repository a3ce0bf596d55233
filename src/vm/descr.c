/*
** Descriptors: getset (computed attributes of builtin types),
** staticmethod, classmethod and property.
*/
#include "vm/runtime.h"

Object *getset_new(Type *owner, const char *name, Object *(*get)(Object *),
                   int (*set)(Object *, Object *))
{
    GetSet *g = (GetSet *)vm_alloc(sizeof(struct GetSet), L_GETSET, vm.t_getset);
    if (!g)
        return NULL;
    g->name = intern_cstr(name);
    g->get = get;
    g->set = set;
    g->owner = owner;
    dict_set(owner->dict, g->name, (Object *)g);
    return (Object *)g;
}

static Object *getset_get(Object *d, Object *obj, Type *owner)
{
    GetSet *g = (GetSet *)d;
    if (!obj)
        return d;
    if (!is_instance_of(obj, g->owner)) {
        char nb[100];
        return raise(vm.e_TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
                     str_cstr(g->name, nb, sizeof nb), type_name(g->owner), type_name(type_of(obj)));
    }
    return g->get(obj);
}

static int getset_set(Object *d, Object *obj, Object *value)
{
    GetSet *g = (GetSet *)d;
    char nb[100];
    if (!g->set) {
        raise(vm.e_AttributeError, "attribute '%s' of '%s' objects is not writable",
              str_cstr(g->name, nb, sizeof nb), type_name(g->owner));
        return -1;
    }
    if (!value) {
        raise(vm.e_TypeError, "cannot delete attribute '%s'", str_cstr(g->name, nb, sizeof nb));
        return -1;
    }
    return g->set(obj, value);
}

/* staticmethod and classmethod keep the callable in fget. */
static Object *wrapper_new(Object *cls, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact(type_name((Type *)cls), kw, nargs, 1) < 0)
        return NULL;
    Property *p = (Property *)vm_alloc(sizeof(struct Property), L_PROPERTY, (Type *)cls);
    if (p)
        p->fget = args[0];
    return (Object *)p;
}

static Object *staticmethod_get(Object *d, Object *obj, Type *owner)
{
    return ((Property *)d)->fget;
}

static Object *staticmethod_call(Object *d, Object *const *args, size_t nargs, Object *kw)
{
    return obj_call(((Property *)d)->fget, args, nargs, kw);
}

static Object *classmethod_get(Object *d, Object *obj, Type *owner)
{
    Object *f = ((Property *)d)->fget;
    Object *cls = owner ? (Object *)owner : (Object *)type_of(obj);
    Type *ft = type_of(f);
    if (ft->descr_get && ft != vm.t_function && ft != vm.t_builtin_function)
        return ft->descr_get(f, cls, type_of(cls));
    return method_new(f, cls);
}

static Object *get_func(Object *self) { return ((Property *)self)->fget; }

/* abc sees a wrapper as abstract when what it wraps is. */
static Object *is_abstract(Object *f)
{
    if (!f)
        return False_;
    Object *v = obj_getattr_cstr(f, "__isabstractmethod__");
    if (!v) {
        if (!exc_matches(vm.e_AttributeError))
            return NULL;
        exc_clear();
        return False_;
    }
    int t = obj_truth(v);
    return t < 0 ? NULL : bool_obj(t);
}

static Object *wrapper_isabstract(Object *self) { return is_abstract(((Property *)self)->fget); }

static Object *property_isabstract(Object *self)
{
    Property *p = (Property *)self;
    Object *parts[3] = { p->fget, p->fset, p->fdel };
    for (int i = 0; i < 3; i++) {
        Object *r = is_abstract(parts[i]);
        if (r != False_)
            return r;
    }
    return False_;
}

/* property(fget=None, fset=None, fdel=None, doc=None) */
static Object *property_new(Object *cls, Object *const *args, size_t nargs, Object *kw)
{
    return vm_alloc(sizeof(struct Property), L_PROPERTY, (Type *)cls);
}

static int property_init(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    static const char *const names[] = { "fget", "fset", "fdel", "doc", NULL };
    Object *out[4] = { 0 };
    if (args_parse("property", args, nargs, kw, names, 0, 4, out) < 0)
        return -1;
    Property *p = (Property *)self;
    obj_write(self);
    for (int i = 0; i < 3; i++)
        if (out[i] == None)
            out[i] = NULL;
    p->fget = out[0];
    p->fset = out[1];
    p->fdel = out[2];
    p->doc = out[3] && out[3] != None ? out[3] : NULL;
    if (!p->doc && p->fget) {
        Object *doc = obj_getattr_cstr(p->fget, "__doc__");
        if (doc)
            p->doc = doc;
        else
            exc_clear();
    }
    return 0;
}

static Object *property_get(Object *d, Object *obj, Type *owner)
{
    Property *p = (Property *)d;
    if (!obj || obj == None)
        return d;
    if (!p->fget) {
        if (p->name) {
            char nb[100];
            return raise(vm.e_AttributeError, "property '%s' of '%s' object has no getter",
                         str_cstr(p->name, nb, sizeof nb), type_name(type_of(obj)));
        }
        return raise(vm.e_AttributeError, "property of '%s' object has no getter",
                     type_name(type_of(obj)));
    }
    return obj_call1(p->fget, obj);
}

static int property_set(Object *d, Object *obj, Object *value)
{
    Property *p = (Property *)d;
    Object *f = value ? p->fset : p->fdel;
    if (!f) {
        char nb[100];
        if (p->name)
            raise(vm.e_AttributeError, "property '%s' of '%s' object has no %s",
                  str_cstr(p->name, nb, sizeof nb), type_name(type_of(obj)),
                  value ? "setter" : "deleter");
        else
            raise(vm.e_AttributeError, "property of '%s' object has no %s",
                  type_name(type_of(obj)), value ? "setter" : "deleter");
        return -1;
    }
    Object *argv[2] = { obj, value };
    return obj_call(f, argv, value ? 2 : 1, NULL) ? 0 : -1;
}

/* p.setter(f) and friends: a copy with one accessor replaced. */
static Object *property_copy(Object *self, int which, Object *f)
{
    Property *p = (Property *)self;
    Property *q = (Property *)vm_alloc(sizeof(struct Property), L_PROPERTY, type_of(self));
    if (!q)
        return NULL;
    q->fget = p->fget;
    q->fset = p->fset;
    q->fdel = p->fdel;
    q->doc = p->doc;
    q->name = p->name;
    if (f == None)
        f = NULL;
    if (which == 0)
        q->fget = f;
    else if (which == 1)
        q->fset = f;
    else
        q->fdel = f;
    return (Object *)q;
}

static Object *property_getter(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return args_exact("getter", kw, nargs, 1) < 0 ? NULL : property_copy(self, 0, args[0]);
}
static Object *property_setter(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return args_exact("setter", kw, nargs, 1) < 0 ? NULL : property_copy(self, 1, args[0]);
}
static Object *property_deleter(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return args_exact("deleter", kw, nargs, 1) < 0 ? NULL : property_copy(self, 2, args[0]);
}
static Object *property_set_name(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("__set_name__", kw, nargs, 2) < 0)
        return NULL;
    obj_write(self);
    ((Property *)self)->name = args[1];
    return None;
}

static Object *get_fget(Object *s) { Object *v = ((Property *)s)->fget; return v ? v : None; }
static Object *get_fset(Object *s) { Object *v = ((Property *)s)->fset; return v ? v : None; }
static Object *get_fdel(Object *s) { Object *v = ((Property *)s)->fdel; return v ? v : None; }
static Object *get_doc(Object *s) { Object *v = ((Property *)s)->doc; return v ? v : None; }

/* property.__doc__ is writable (dis and namedtuple's users set it). */
static int set_doc(Object *s, Object *v)
{
    obj_write(s);
    ((Property *)s)->doc = v;
    return 0;
}

static Object *getset_name(Object *d) { return ((GetSet *)d)->name; }
static Object *getset_objclass(Object *d) { return (Object *)((GetSet *)d)->owner; }

static Object *getset_qualname(Object *d)
{
    char nb[100];
    return str_format("%s.%s", type_bare_name(((GetSet *)d)->owner),
                      str_cstr(((GetSet *)d)->name, nb, sizeof nb));
}

void descr_types_init(void)
{
    vm.t_getset->descr_get = getset_get;
    vm.t_getset->descr_set = getset_set;
    getset_new(vm.t_getset, "__name__", getset_name, NULL);
    getset_new(vm.t_getset, "__qualname__", getset_qualname, NULL);
    getset_new(vm.t_getset, "__objclass__", getset_objclass, NULL);

    Type *sm = vm.t_staticmethod;
    sm->tp_new = wrapper_new;
    sm->descr_get = staticmethod_get;
    sm->call = staticmethod_call;
    getset_new(sm, "__func__", get_func, NULL);
    getset_new(sm, "__isabstractmethod__", wrapper_isabstract, NULL);

    Type *cm = vm.t_classmethod;
    cm->tp_new = wrapper_new;
    cm->descr_get = classmethod_get;
    getset_new(cm, "__func__", get_func, NULL);
    getset_new(cm, "__isabstractmethod__", wrapper_isabstract, NULL);

    Type *p = vm.t_property;
    p->tp_new = property_new;
    p->init = property_init;
    p->descr_get = property_get;
    p->descr_set = property_set;
    static const MethodDef methods[] = {
        { "getter", property_getter, 0 },
        { "setter", property_setter, 0 },
        { "deleter", property_deleter, 0 },
        { "__set_name__", property_set_name, 0 },
        { NULL, NULL, 0 },
    };
    type_add_methods(p, methods);
    getset_new(p, "fget", get_fget, NULL);
    getset_new(p, "fset", get_fset, NULL);
    getset_new(p, "fdel", get_fdel, NULL);
    getset_new(p, "__doc__", get_doc, set_doc);
    getset_new(p, "__isabstractmethod__", property_isabstract, NULL);
}
