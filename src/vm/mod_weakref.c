/*
** The _weakref module: weak references through libstm's weak slots.  A
** ref is a Native object whose first data word is the weak slot: the
** collector clears it when the referent dies, and queues a ref that has a
** callback for finalizers.c, which calls it.  Refs are not counted per
** object, so getweakrefcount() is always 0.
*/
#include <stddef.h>

#include "vm/runtime.h"

Object *getset_new(Type *owner, const char *name, Object *(*get)(Object *),
                   int (*set)(Object *, Object *));

enum { REF_CALLBACK, REF_HASH };

static Type *ref_type, *proxy_type, *callable_proxy_type;

static void types_init(void);

static Object *ref_target(Object *r)
{
    Native *n = (Native *)r;
    obj_read(r);
    return (Object *)(uintptr_t)n->data[0];
}

static Object *new_ref(Type *t, Object *target, Object *callback)
{
    size_t size = sizeof(struct Native) + sizeof(uint64_t);
    Native *n = (Native *)stm_allocate_weakref(size, L_NATIVE, offsetof(struct Native, data));
    if (!n)
        return raise_no_memory();
    n->type = t;
    n->refs[REF_CALLBACK] = callback && callback != None ? callback : NULL;
    n->data[0] = (uint64_t)(uintptr_t)target;
    if (n->refs[REF_CALLBACK])
        stm_notify_cleared((stm_obj *)n);
    return (Object *)n;
}

/* The callback of a weakref or proxy, or NULL if v is none or has none. */
Object *weakref_callback_of(Object *v)
{
    Type *t = type_of(v);
    if (!type_is_subtype(t, ref_type) && t != proxy_type && t != callable_proxy_type)
        return NULL;
    obj_read(v);
    return ((Native *)v)->refs[REF_CALLBACK];
}

/* CPython's value types have no room for weak references, nor have
   instances of classes whose __slots__ leave out __weakref__. */
static Object *check_weakrefable(Object *o)
{
    Type *t = type_of(o);
    bool ok;
    if (t->flags & TF_HEAP)
        ok = (t->flags & TF_HAS_DICT) || type_lookup(t, intern_cstr("__weakref__"));
    else
        ok = !is_small(o) && t != vm.t_int && t != vm.t_bool && t != vm.t_float
             && t != vm.t_complex && t != vm.t_str && t != vm.t_bytes && t != vm.t_bytearray
             && t != vm.t_tuple && t != vm.t_list && t != vm.t_dict && t != vm.t_NoneType
             && t != vm.t_object;
    return ok ? o : raise(vm.e_TypeError, "cannot create weak reference to '%s' object",
                          type_name(t));
}

static Object *ref_tp_new(Object *cls, Object *const *args, size_t nargs, Object *kw)
{
    if (args_no_kw("ref", kw) < 0 || args_count("ref", nargs, 1, 2) < 0
        || !check_weakrefable(args[0]))
        return NULL;
    return new_ref((Type *)cls, args[0], nargs > 1 ? args[1] : NULL);
}

static int ref_init(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return 0;
}

/* Subclasses (weakref.KeyedRef) call it through super().__init__. */
static Object *ref_init_method(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return None;
}

static Object *ref_new_method(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (nargs < 1 || is_small(args[0]) || layout_of(args[0]) != L_TYPE
        || !type_is_subtype((Type *)args[0], ref_type))
        return raise(vm.e_TypeError, "ref.__new__(X): X is not a subtype of weakref");
    return ref_tp_new(args[0], args + 1, nargs - 1, kw);
}

static Object *ref_call(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("weakref", kw, nargs, 0) < 0)
        return NULL;
    Object *t = ref_target(self);
    return t ? t : None;
}

static Object *ref_callback(Object *self)
{
    obj_read(self);
    Object *c = ((Native *)self)->refs[REF_CALLBACK];
    return c ? c : None;
}

static int64_t ref_hash(Object *self)
{
    obj_read(self);
    Object *h = ((Native *)self)->refs[REF_HASH];
    int64_t cached;
    if (h && int_to_i64(h, &cached) == 0)
        return cached;
    Object *t = ref_target(self);
    if (!t) {
        raise(vm.e_TypeError, "weak object has gone away");
        return -1;
    }
    int64_t v = obj_hash(t);
    if (v == -1)
        return -1;
    Object *boxed = int_from_i64(v);
    if (!boxed)
        return -1;
    obj_write(self);
    ((Native *)self)->refs[REF_HASH] = boxed;
    return v;
}

static Object *ref_richcompare(Object *a, Object *b, CmpOp op)
{
    if ((op != CMP_EQ && op != CMP_NE) || !is_instance_of(b, ref_type))
        return NotImplemented;
    Object *ta = ref_target(a), *tb = ref_target(b);
    if (!ta || !tb) {
        bool same = a == b;
        return bool_obj(op == CMP_EQ ? same : !same);
    }
    return obj_richcompare(ta, tb, op);
}

static Object *ref_repr(Object *self)
{
    Object *t = ref_target(self);
    if (!t)
        return str_format("<weakref at %#lx; dead>", (unsigned long)(uintptr_t)self);
    return str_format("<weakref at %#lx; to '%s' at %#lx>", (unsigned long)(uintptr_t)self,
                      type_name(type_of(t)), (unsigned long)(uintptr_t)t);
}

/* A plain weak reference to target (type.__subclasses__ keeps them). */
Object *weakref_new(Object *target)
{
    if (!ref_type)
        types_init();
    return new_ref(ref_type, target, NULL);
}

Object *weakref_get(Object *ref)
{
    return ref_target(ref);
}

/* ---- proxies ---------------------------------------------------------------------- */

static Object *proxy_target(Object *p)
{
    Object *t = ref_target(p);
    return t ? t : raise(vm.e_ReferenceError, "weakly-referenced object no longer exists");
}

static Object *proxy_getattr(Object *p, Object *name)
{
    Object *t = proxy_target(p);
    return t ? obj_getattr(t, name) : NULL;
}

static int proxy_setattr(Object *p, Object *name, Object *value)
{
    Object *t = proxy_target(p);
    return t ? obj_setattr(t, name, value) : -1;
}

static Object *proxy_str(Object *p)
{
    Object *t = proxy_target(p);
    return t ? obj_str(t) : NULL;
}

static Object *proxy_repr(Object *p)
{
    Object *t = ref_target(p);
    return str_format("<weakproxy at %#lx; to '%s' at %#lx>", (unsigned long)(uintptr_t)p,
                      t ? type_name(type_of(t)) : "NoneType", (unsigned long)(uintptr_t)t);
}

static Object *proxy_call(Object *p, Object *const *args, size_t nargs, Object *kw)
{
    Object *t = proxy_target(p);
    return t ? obj_call(t, args, nargs, kw) : NULL;
}

static int proxy_truth(Object *p)
{
    Object *t = proxy_target(p);
    return t ? obj_truth(t) : -1;
}

/* The other operations go to the referent too; either operand may be a
   proxy. */
static Object *unproxy(Object *o)
{
    Type *t = type_of(o);
    return t == proxy_type || t == callable_proxy_type ? proxy_target(o) : o;
}

static intptr_t proxy_length(Object *p)
{
    Object *t = proxy_target(p);
    return t ? obj_length(t) : -1;
}

static Object *proxy_getitem(Object *p, Object *k)
{
    Object *t = proxy_target(p);
    return t ? obj_getitem(t, k) : NULL;
}

static int proxy_setitem(Object *p, Object *k, Object *v)
{
    Object *t = proxy_target(p);
    return t ? obj_setitem(t, k, v) : -1;
}

static int proxy_contains(Object *p, Object *k)
{
    Object *t = proxy_target(p);
    return t ? obj_contains(t, k) : -1;
}

static Object *proxy_iter(Object *p)
{
    Object *t = proxy_target(p);
    return t ? obj_iter(t) : NULL;
}

static Object *proxy_richcompare(Object *a, Object *b, CmpOp op)
{
    Object *x = unproxy(a), *y = x ? unproxy(b) : NULL;
    return y ? obj_richcompare(x, y, op) : NULL;
}

#define PROXY_BINARY(op)                                           \
    static Object *proxy_binary_##op(Object *a, Object *b)          \
    {                                                               \
        Object *x = unproxy(a), *y = x ? unproxy(b) : NULL;         \
        return y ? obj_binary(x, y, op) : NULL;                     \
    }
PROXY_BINARY(0) PROXY_BINARY(1) PROXY_BINARY(2) PROXY_BINARY(3) PROXY_BINARY(4)
PROXY_BINARY(5) PROXY_BINARY(6) PROXY_BINARY(7) PROXY_BINARY(8) PROXY_BINARY(9)
PROXY_BINARY(10) PROXY_BINARY(11) PROXY_BINARY(12)
#undef PROXY_BINARY
static BinaryFn *const proxy_binary[NB_INPLACE] = {
    proxy_binary_0, proxy_binary_1, proxy_binary_2, proxy_binary_3, proxy_binary_4,
    proxy_binary_5, proxy_binary_6, proxy_binary_7, proxy_binary_8, proxy_binary_9,
    proxy_binary_10, proxy_binary_11, proxy_binary_12,
};

static Object *w_proxy(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_no_kw("proxy", kw) < 0 || args_count("proxy", nargs, 1, 2) < 0
        || !check_weakrefable(args[0]))
        return NULL;
    Type *t = type_of(args[0])->call ? callable_proxy_type : proxy_type;
    return new_ref(t, args[0], nargs > 1 ? args[1] : NULL);
}

/* ---- module functions --------------------------------------------------------------- */

static Object *w_getweakrefcount(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return args_exact("getweakrefcount", kw, nargs, 1) < 0 ? NULL : make_small(0);
}

static Object *w_getweakrefs(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return args_exact("getweakrefs", kw, nargs, 1) < 0 ? NULL : list_new(0);
}

static Object *w_remove_dead_weakref(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("_remove_dead_weakref", kw, nargs, 2) < 0)
        return NULL;
    Object *v;
    int r = dict_lookup(args[0], args[1], &v);
    if (r < 0)
        return NULL;
    if (r && is_instance_of(v, ref_type) && !ref_target(v) && dict_del(args[0], args[1]) < 0)
        return NULL;
    return None;
}

static void types_init(void)
{
    Type *r = type_new_builtin("ReferenceType", vm.t_object, L_NATIVE,
                               sizeof(struct Native) + sizeof(uint64_t), TF_BASETYPE);
    r->tp_new = ref_tp_new;
    r->init = ref_init;
    r->call = ref_call;
    r->hash = ref_hash;
    r->richcompare = ref_richcompare;
    r->repr = ref_repr;
    type_inherit(r);
    static const MethodDef methods[] = {
        { "__new__", ref_new_method, METH_STATIC }, { "__init__", ref_init_method, 0 },
        { "__call__", ref_call, 0 },
        { NULL, NULL, 0 },
    };
    type_add_methods(r, methods);
    getset_new(r, "__callback__", ref_callback, NULL);
    dict_set_cstr(r->dict, "__module__", intern_cstr("weakref"));
    ref_type = r;

    for (int i = 0; i < 2; i++) {
        Type *p = type_new_builtin(i ? "CallableProxyType" : "ProxyType", vm.t_object, L_NATIVE,
                                   sizeof(struct Native) + sizeof(uint64_t), 0);
        dict_set_cstr(p->dict, "__module__", intern_cstr("weakref"));
        p->getattr = proxy_getattr;
        p->setattr = proxy_setattr;
        p->str = proxy_str;
        p->repr = proxy_repr;
        p->truth = proxy_truth;
        p->length = proxy_length;
        p->getitem = proxy_getitem;
        p->setitem = proxy_setitem;
        p->contains = proxy_contains;
        p->iter = proxy_iter;
        p->richcompare = proxy_richcompare;
        for (int op = 0; op < NB_INPLACE; op++)
            p->binary[op] = proxy_binary[op];
        if (i)
            p->call = proxy_call;
        type_inherit(p);
        p->hash = NULL;
        if (i)
            callable_proxy_type = p;
        else
            proxy_type = p;
    }
}

Object *weakref_module_init(void)
{
    if (!ref_type)
        types_init();
    Object *m = module_new(intern_cstr("_weakref"));
    if (!m)
        return NULL;
    Object *d = ((ModuleObj *)m)->dict;
    static const MethodDef functions[] = {
        { "getweakrefcount", w_getweakrefcount, 0 }, { "getweakrefs", w_getweakrefs, 0 },
        { "proxy", w_proxy, 0 }, { "_remove_dead_weakref", w_remove_dead_weakref, 0 },
        { NULL, NULL, 0 },
    };
    for (const MethodDef *f = functions; f->name; f++)
        if (dict_set_cstr(d, f->name, builtin_new(f->name, f->fn, m, m)) < 0)
            return NULL;
    if (dict_set_cstr(d, "ref", (Object *)ref_type) < 0
        || dict_set_cstr(d, "ReferenceType", (Object *)ref_type) < 0
        || dict_set_cstr(d, "ProxyType", (Object *)proxy_type) < 0
        || dict_set_cstr(d, "CallableProxyType", (Object *)callable_proxy_type) < 0)
        return NULL;
    return m;
}
