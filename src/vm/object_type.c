/*
** `object` and `type`: the roots of the type system.  Instantiation
** (type.__call__ = __new__ then __init__), the default behaviour every
** object inherits, and class creation through type(name, bases, ns).
*/
#include <string.h>

#include "vm/eval.h"
#include "vm/runtime.h"
#include "vm/str_impl.h"

static bool excess_args(size_t nargs, Object *kwnames)
{
    return nargs > 0 || (kwnames && tuple_size(kwnames) > 0);
}

Object *import_name(Object *name, Object *fromlist, Object *level, Object *globals);

static Object *object_new(Object *cls, Object *const *args, size_t nargs, Object *kwnames);
static Object *type_tp_new(Object *cls, Object *const *args, size_t nargs, Object *kwnames);
static Object *mappingproxy_new(Object *mapping);
static int record_subclass(Type *t);
int list_sort(Object *l, Object *key, bool reverse);
Object *getset_new(Type *owner, const char *name, Object *(*get)(Object *),
                   int (*set)(Object *, Object *));
static int object_init(Object *self, Object *const *args, size_t nargs, Object *kwnames);

/* "Can't instantiate abstract class C with abstract methods a, b" */
static Object *abstract_error(Type *t)
{
    Object *am = dict_get_cstr(t->dict, "__abstractmethods__");
    Object *names = am ? list_from_iterable(am) : NULL;
    if (!names || list_sort(names, NULL, false) < 0)
        return NULL;
    Object *joined = str_join(intern_cstr(", "), names);
    if (!joined)
        return NULL;
    char nb[1000];
    return raise(vm.e_TypeError, "Can't instantiate abstract class %s with abstract method%s %s",
                 type_name(t), list_size(names) == 1 ? "" : "s", str_cstr(joined, nb, sizeof nb));
}

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
        return abstract_error(t);
    if (t->instance_layout == L_INSTANCE)
        return vm_alloc(sizeof(struct Instance), L_INSTANCE, t);
    if (t->instance_layout == L_PLAIN)
        return vm_alloc(sizeof(struct Object), L_PLAIN, t);
    if (!(t->flags & TF_HEAP))
        return raise(vm.e_TypeError, "cannot create '%s' instances", type_name(t));
    return raise(vm.e_TypeError, "object.__new__(%s) is not safe, use %s.__new__()",
                 type_name(t), type_name(t->base));
}

/* Builtin types whose instances only C code makes (generators, frames,
   locks): CPython's types without tp_new. */
static bool no_constructor(Type *t)
{
    return !t->tp_new || (t->tp_new == object_new && !(t->flags & TF_HEAP)
                          && t->instance_layout != L_INSTANCE && t->instance_layout != L_PLAIN);
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
    if (meta_attr && type_of(meta_attr)->descr_set && type_of(meta_attr)->descr_get)
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
    if (r < 0) {
        if (!value && exc_matches(vm.e_KeyError)) {
            exc_clear();
            char nb[100];
            raise(vm.e_AttributeError, "type object '%s' has no attribute '%s'", type_name(t),
                  str_cstr(name, nb, sizeof nb));
        }
        return -1;
    }
    /* ABCMeta sets __abstractmethods__: object.__new__ refuses such a class. */
    if (str_eq_cstr(name, "__abstractmethods__")) {
        int abstract = value ? obj_truth(value) : 0;
        if (abstract < 0)
            return -1;
        if (abstract)
            t->flags |= TF_ABSTRACT;
        else
            t->flags &= ~(uint32_t)TF_ABSTRACT;
    }
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
            /* CPython names the heads that could not be placed. */
            char names[1000] = "";
            size_t len = 0;
            for (size_t i = 0; i <= nb; i++) {
                Object *sq = list_get(seqs, i);
                if (heads[i] >= list_size(sq))
                    continue;
                Type *h = (Type *)list_get(sq, heads[i]);
                bool dup = false;
                for (size_t j = 0; j < i; j++) {
                    Object *s2 = list_get(seqs, j);
                    if (heads[j] < list_size(s2) && list_get(s2, heads[j]) == (Object *)h)
                        dup = true;
                }
                if (!dup)
                    len += (size_t)snprintf(names + len, len < sizeof names ? sizeof names - len : 0,
                                            "%s%s", len ? ", " : "", type_name(h));
                if (len >= sizeof names)
                    break;
            }
            free(heads);
            return raise(vm.e_TypeError,
                         "Cannot create a consistent method resolution\norder (MRO) for bases %s",
                         names);
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
/* A builtin exception class that has no fields of its own in CPython
   (LookupError, SystemError...) is no solid base there: such classes
   combine, as in encodings' class CodecRegistryError(LookupError,
   SystemError). */
static bool exception_without_fields(Type *t)
{
    Type *const with_fields[] = { vm.e_BaseException, vm.e_SyntaxError, vm.e_ImportError,
                                  vm.e_OSError, vm.e_UnicodeError, vm.e_StopIteration,
                                  vm.e_SystemExit, vm.e_AttributeError, vm.e_NameError,
                                  vm.e_BaseExceptionGroup };
    if (t->instance_layout != L_EXCEPTION)
        return false;
    for (size_t i = 0; i < sizeof with_fields / sizeof with_fields[0]; i++)
        if (t == with_fields[i])
            return false;
    return true;
}

/* How many slots class t itself declares. */
static size_t own_slots(Type *t)
{
    size_t n = 0, pos = 0;
    Object *k, *v;
    while (dict_next(t->dict, &pos, &k, &v))
        if (!is_small(v) && v->type == vm.t_member_descriptor && ((Property *)v)->fset == (Object *)t)
            n++;
    return n;
}

/* A class whose __slots__ add slots has a lay-out of its own. */
static Type *solid_base(Type *t)
{
    while (t->base && (((t->flags & TF_HEAP) && !own_slots(t)) || exception_without_fields(t)))
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

/* Instances have no weak references yet: __weakref__ is always None.
   Its descriptor, made at start-up, is shared by the classes. */
static Object *get_weakref(Object *self) { return None; }
static Object *weakref_descr;

static Object *weakref_getset(void) { return weakref_descr; }

static void weakref_descr_init(void)
{
    stm_add_root((stm_obj **)&weakref_descr);
    weakref_descr = getset_new(vm.t_object, "__weakref__", get_weakref, NULL);
    dict_del(vm.t_object->dict, intern_cstr("__weakref__"));
}

/* ---- __slots__ ------------------------------------------------------------------ */

/* A slot is a member descriptor: a Property-shaped object whose fget is
   the slot's index in the instance's slot vector, fset the class that
   declared it, name its name. */
static Object *member_get(Object *d, Object *obj, Type *owner)
{
    Property *m = (Property *)d;
    if (!obj)
        return d;
    char nb[200];
    if (!is_instance_of(obj, (Type *)m->fset))
        return raise(vm.e_TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
                     str_cstr(m->name, nb, sizeof nb), type_name((Type *)m->fset),
                     type_name(type_of(obj)));
    obj_read(obj);
    Array *slots = (Array *)((Instance *)obj)->slots;
    size_t i = (size_t)small_value(m->fget);
    Object *v = NULL;
    if (slots) {
        obj_read((Object *)slots);
        if (i < slots->capacity)
            v = slots->items[i];
    }
    if (!v)
        return raise(vm.e_AttributeError, "'%s' object has no attribute '%s'",
                     type_name(type_of(obj)), str_cstr(m->name, nb, sizeof nb));
    return v;
}

static int member_set(Object *d, Object *obj, Object *value)
{
    Property *m = (Property *)d;
    char nb[200];
    if (!is_instance_of(obj, (Type *)m->fset)) {
        raise(vm.e_TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
              str_cstr(m->name, nb, sizeof nb), type_name((Type *)m->fset), type_name(type_of(obj)));
        return -1;
    }
    size_t i = (size_t)small_value(m->fget);
    obj_read(obj);
    Array *slots = (Array *)((Instance *)obj)->slots;
    if (slots)
        obj_read((Object *)slots);
    if (!value && (!slots || i >= slots->capacity || !slots->items[i])) {
        /* CPython's wording for deleting an empty slot: the bare name. */
        raise(vm.e_AttributeError, "%s", str_cstr(m->name, nb, sizeof nb));
        return -1;
    }
    if (!slots || i >= slots->capacity) {
        Array *grown = array_new(i + 4);
        if (!grown)
            return -1;
        for (size_t k = 0; slots && k < slots->capacity; k++)
            grown->items[k] = slots->items[k];
        obj_write(obj);
        ((Instance *)obj)->slots = (Object *)grown;
        slots = grown;
    }
    obj_write((Object *)slots);
    slots->items[i] = value;
    return 0;
}

static Object *member_repr(Object *d)
{
    Property *m = (Property *)d;
    char nb[200];
    return str_format("<member '%s' of '%s' objects>", str_cstr(m->name, nb, sizeof nb),
                      type_name((Type *)m->fset));
}

static Object *member_name(Object *d) { return ((Property *)d)->name; }
static Object *member_objclass(Object *d) { return ((Property *)d)->fset; }

static Object *member_qualname(Object *d)
{
    char nb[200];
    return str_format("%s.%s", type_bare_name((Type *)((Property *)d)->fset),
                      str_cstr(((Property *)d)->name, nb, sizeof nb));
}

/* How many slots the classes of an MRO declare. */
static size_t slots_in_mro(Object *mro)
{
    size_t n = 0;
    for (size_t i = 0; i < tuple_size(mro); i++)
        n += own_slots((Type *)tuple_get(mro, i));
    return n;
}

/* "__x" in the body of class C is "_C__x", as the compiler spells
   self.__x in C's methods. */
static Object *mangle_private(Object *cls, Object *n)
{
    size_t len = str_len(n), skip = 0;
    if (len < 3 || str_char(n, 0) != '_' || str_char(n, 1) != '_'
        || (str_char(n, len - 1) == '_' && str_char(n, len - 2) == '_'))
        return n;
    while (skip < str_len(cls) && str_char(cls, skip) == '_')
        skip++;
    if (skip == str_len(cls))
        return n;
    Object *stripped = str_substr(cls, skip, str_len(cls));
    Object *prefix = stripped ? str_concat(str_from_cstr("_"), stripped) : NULL;
    return prefix ? str_concat(prefix, n) : NULL;
}

/* Creates the member descriptors of __slots__; *wants_dict tells whether
   "__dict__" was among them. */
static int make_slots(Type *t, Object *spec, Object *bases, bool *wants_dict)
{
    Object *names = is_str(spec) ? tuple_pack(1, spec) : list_from_iterable(spec);
    if (!names)
        return -1;
    Object *it = obj_iter(names);
    size_t index = 0;
    for (size_t i = 0; i < tuple_size(bases); i++)
        index += slots_in_mro(((Type *)tuple_get(bases, i))->mro);
    char nb[200];
    for (Object *n; it && (n = obj_next(it));) {
        if (!is_str(n)) {
            raise(vm.e_TypeError, "__slots__ items must be strings, not '%s'", type_name(type_of(n)));
            return -1;
        }
        if (str_eq_cstr(n, "__dict__")) {
            if (*wants_dict) {
                raise(vm.e_TypeError, "__dict__ slot disallowed: we already got one");
                return -1;
            }
            *wants_dict = true;
            continue;
        }
        if (str_eq_cstr(n, "__weakref__")) {
            if (dict_get_str(t->dict, n) || (t->base && type_lookup(t->base, n))) {
                raise(vm.e_TypeError, "__weakref__ slot disallowed: "
                      "either we already got one, or __itemsize__ != 0");
                return -1;
            }
            if (dict_set(t->dict, n, weakref_getset()) < 0)
                return -1;
            continue;
        }
        if (!str_is_identifier(n)) {
            raise(vm.e_TypeError, "__slots__ must be identifiers");
            return -1;
        }
        /* Instances of these keep their items inline in CPython. */
        Type *var[] = { vm.t_int, vm.t_bytes, vm.t_tuple };
        for (int v = 0; v < 3; v++)
            if (type_is_subtype(t, var[v])) {
                raise(vm.e_TypeError, "nonempty __slots__ not supported for subtype of '%s'",
                      type_name(t->base));
                return -1;
            }
        n = mangle_private(t->name, n);
        if (!n)
            return -1;
        /* A name listed twice (datetime's date.__slots__ + time.__slots__)
           is no conflict: the later member replaces the earlier one. */
        Object *prev = dict_get_str(t->dict, n);
        if (prev && (is_small(prev) || prev->type != vm.t_member_descriptor
                     || ((Property *)prev)->fset != (Object *)t)) {
            raise(vm.e_ValueError, "'%s' in __slots__ conflicts with class variable",
                  str_cstr(n, nb, sizeof nb));
            return -1;
        }
        Property *m = (Property *)vm_alloc(sizeof(struct Property), L_PROPERTY,
                                           vm.t_member_descriptor);
        if (!m)
            return -1;
        m->fget = make_small((intptr_t)index++);
        m->fset = (Object *)t;
        m->name = n;
        if (dict_set(t->dict, n, (Object *)m) < 0)
            return -1;
    }
    return exc_occurred() ? -1 : 0;
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
        for (size_t j = 0; j < i; j++)
            if (tuple_get(bases, j) == b)
                return raise(vm.e_TypeError, "duplicate base class %s", type_name((Type *)b));
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
    /* A metaclass may order the MRO itself by overriding mro(). */
    Object *mro_f = meta != vm.t_type ? type_lookup(meta, intern_cstr("mro")) : NULL;
    if (mro_f && !is_small(mro_f) && mro_f->type == vm.t_function) {
        Object *m = obj_getattr_cstr((Object *)t, "mro");
        Object *r = m ? obj_call(m, NULL, 0, NULL) : NULL;
        Object *l = r ? list_from_iterable(r) : NULL;
        if (!l || !(t->mro = list_as_tuple(l)))
            return NULL;
    }
    Object *slots_spec = dict_get_cstr(t->dict, "__slots__");
    if (slots_spec && t->instance_layout == L_INSTANCE) {
        /* Instances have a __dict__ only if a base gives them one or
           "__dict__" is among the slots. */
        bool wants_dict = false;
        for (size_t i = 0; i < tuple_size(bases); i++)
            if (((Type *)tuple_get(bases, i))->flags & TF_HAS_DICT)
                wants_dict = true;
        if (make_slots(t, slots_spec, bases, &wants_dict) < 0)
            return NULL;
        if (!wants_dict)
            t->flags &= ~(uint32_t)TF_HAS_DICT;
    }
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
    /* type(name, bases, ns) outside a class statement: the module is the
       caller's. */
    if (!dict_get_cstr(t->dict, "__module__")) {
        Object *fr = thread_state()->frame;
        Object *mod = fr ? dict_get_cstr(((Frame *)fr)->globals, "__name__") : NULL;
        if (mod && dict_set_cstr(t->dict, "__module__", mod) < 0)
            return NULL;
    }
    /* The first class of a line to give instances a __dict__ shows it
       (and __weakref__) among its attributes, as CPython does. */
    bool base_has_dict = false;
    for (size_t i = 0; i < tuple_size(bases); i++)
        if (((Type *)tuple_get(bases, i))->flags & TF_HAS_DICT)
            base_has_dict = true;
    if ((t->flags & TF_HAS_DICT) && !base_has_dict && t->instance_layout == L_INSTANCE
        && !dict_get_cstr(t->dict, "__slots__")) {
        Object *d = dict_get_cstr(vm.t_object->dict, "__dict__");
        if (d && !dict_get_cstr(t->dict, "__dict__") && dict_set_cstr(t->dict, "__dict__", d) < 0)
            return NULL;
        if (!dict_get_cstr(t->dict, "__weakref__")
            && dict_set_cstr(t->dict, "__weakref__", weakref_getset()) < 0)
            return NULL;
    }
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
    if (type_ready_slots(t) < 0 || record_subclass(t) < 0)
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
    /* The most derived metaclass of the bases makes the class; one with
       its own __new__ takes over (type(name, bases, ns) of an Enum). */
    Type *winner = (Type *)cls;
    for (size_t i = 0; i < tuple_size(args[1]); i++) {
        Type *bt = type_of(tuple_get(args[1], i));
        if (type_is_subtype(winner, bt))
            continue;
        if (!type_is_subtype(bt, winner))
            return raise(vm.e_TypeError, "metaclass conflict: the metaclass of a derived class must "
                         "be a (non-strict) subclass of the metaclasses of all its bases");
        winner = bt;
    }
    if (winner != (Type *)cls && winner->tp_new != type_tp_new)
        return winner->tp_new((Object *)winner, args, nargs, kwnames);
    cls = (Object *)winner;
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
            if (!obj_call(sn, argv, 3, NULL)) {
                /* CPython 3.11 wraps the error, keeping it as the cause. */
                Object *cause = exc_fetch();
                char kb[200];
                raise(vm.e_RuntimeError, "Error calling __set_name__ on '%s' instance '%s' in '%s'",
                      type_name(type_of(v)), str_cstr(k, kb, sizeof kb), type_name((Type *)t));
                Exception *e = (Exception *)exc_occurred();
                e->cause = cause;
                e->context = cause;
                e->suppress_context = true;
                return NULL;
            }
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

static Object *subclasshook(Object *cls, Object *const *args, size_t nargs, Object *kw)
{
    return NotImplemented;
}

static Object *object_init_method(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return object_init(self, args, nargs, kw) < 0 ? NULL : None;
}

static Object *object_new_method(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (nargs < 1)
        return raise(vm.e_TypeError, "object.__new__(): not enough arguments");
    if (is_small(args[0]) || layout_of(args[0]) != L_TYPE)
        return raise(vm.e_TypeError, "object.__new__(X): X is not a type object (%s)",
                     type_name(type_of(args[0])));
    /* The nearest builtin base must be content with object's __new__. */
    Type *t = (Type *)args[0], *builtin = t;
    while (builtin->base && (builtin->flags & TF_HEAP))
        builtin = builtin->base;
    if (builtin->tp_new != object_new)
        return raise(vm.e_TypeError, "object.__new__(%s) is not safe, use %s.__new__()",
                     type_name(t), type_name(builtin));
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
/* Assigning __bases__ recomputes the class's own MRO and slots. */
static int type_set_bases(Object *self, Object *v)
{
    Type *t = (Type *)self;
    if (!(t->flags & TF_HEAP)) {
        raise(vm.e_TypeError, "cannot set '__bases__' attribute of immutable type '%s'",
              type_name(t));
        return -1;
    }
    if (!v) {
        raise(vm.e_TypeError, "cannot delete '__bases__' attribute of immutable type '%s'",
              type_name(t));
        return -1;
    }
    if (is_small(v) || layout_of(v) != L_TUPLE) {
        raise(vm.e_TypeError, "can only assign tuple to %s.__bases__, not %s", type_name(t),
              type_name(type_of(v)));
        return -1;
    }
    if (tuple_size(v) == 0) {
        raise(vm.e_TypeError, "can only assign non-empty tuple to %s.__bases__, not ()",
              type_name(t));
        return -1;
    }
    for (size_t i = 0; i < tuple_size(v); i++) {
        Object *b = tuple_get(v, i);
        if (is_small(b) || layout_of(b) != L_TYPE) {
            raise(vm.e_TypeError, "%s.__bases__ must be tuple of classes, not '%s'",
                  type_name(t), type_name(type_of(b)));
            return -1;
        }
        if (type_is_subtype((Type *)b, t)) {
            raise(vm.e_TypeError, "a __bases__ item causes an inheritance cycle");
            return -1;
        }
    }
    Type *best = (Type *)tuple_get(v, 0);
    if (solid_base(best) != solid_base(t->base)) {
        raise(vm.e_TypeError, "__bases__ assignment: '%s' object layout differs from '%s'",
              type_name(best), type_name(t->base));
        return -1;
    }
    Object *mro = c3_mro(t, v);
    if (!mro)
        return -1;
    obj_write(self);
    t->bases = v;
    t->base = best;
    t->mro = mro;
    return type_ready_slots(t);
}

static Object *type_get_base(Object *self)
{
    Type *b = ((Type *)self)->base;
    return b ? (Object *)b : None;
}
static Object *type_get_dict(Object *self) { return mappingproxy_new(((Type *)self)->dict); }
/* CPython's Py_TPFLAGS_* bits that Python code tests (inspect.isabstract,
   copyreg, typing): the kind of type and the builtin it derives from. */
static Object *type_get_flags(Object *self)
{
    obj_read(self);
    uint32_t f = ((Type *)self)->flags;
    static const struct { uint32_t ours; uint64_t theirs; } bits[] = {
        { TF_HEAP, 1u << 9 }, { TF_BASETYPE, 1u << 10 }, { TF_ABSTRACT, 1u << 20 },
        { TF_INT_SUBCLASS, 1u << 24 }, { TF_LIST_SUBCLASS, 1u << 25 },
        { TF_TUPLE_SUBCLASS, 1u << 26 }, { TF_STR_SUBCLASS, 1u << 28 },
        { TF_DICT_SUBCLASS, 1u << 29 }, { TF_EXC_SUBCLASS, 1u << 30 },
        { TF_TYPE_SUBCLASS, 1ull << 31 },
    };
    uint64_t out = 1u << 12;   /* Py_TPFLAGS_READY */
    if (!(f & TF_HEAP))
        out |= 1u << 8;        /* Py_TPFLAGS_IMMUTABLETYPE */
    for (size_t i = 0; i < sizeof bits / sizeof bits[0]; i++)
        if (f & bits[i].ours)
            out |= bits[i].theirs;
    if (type_is_subtype((Type *)self, vm.t_bytes))
        out |= 1u << 27;       /* Py_TPFLAGS_BYTES_SUBCLASS */
    return int_from_u64(out);
}

/* inspect.signature() of a class with neither __init__ nor __new__ ends
   on object's; no other type has one written down. */
static Object *type_get_text_signature(Object *self)
{
    return self == (Object *)vm.t_object ? intern_cstr("()") : None;
}
static Object *type_get_module(Object *self)
{
    Object *m = dict_get_cstr(((Type *)self)->dict, "__module__");
    /* A builtin type's dict may hold its instances' __module__ descriptor
       (function): the type itself is then builtins'. */
    if (m && !is_str(m) && !(((Type *)self)->flags & TF_HEAP))
        m = NULL;
    return m ? m : intern_cstr("builtins");
}
static Object *type_get_doc(Object *self)
{
    Object *d = dict_get_cstr(((Type *)self)->dict, "__doc__");
    if (d && (((Type *)self)->flags & TF_HEAP)) {
        Type *dt = type_of(d);
        if (dt->descr_get)
            return dt->descr_get(d, NULL, (Type *)self);
    }
    return d ? d : None;
}

static int type_set_in_dict(Object *self, const char *name, Object *v)
{
    Type *t = (Type *)self;
    if (!(t->flags & TF_HEAP)) {
        raise(vm.e_TypeError, "cannot set '%s' attribute of immutable type '%s'", name, type_name(t));
        return -1;
    }
    obj_write(self);
    return dict_set_cstr(t->dict, name, v);
}
static int type_set_doc_attr(Object *self, Object *v) { return type_set_in_dict(self, "__doc__", v); }
static int type_set_module(Object *self, Object *v) { return type_set_in_dict(self, "__module__", v); }

/* type.__new__(mcs, name, bases, ns, **kw), for metaclasses' super(). */
static Object *type_new_method(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (nargs < 1 || is_small(args[0]) || layout_of(args[0]) != L_TYPE
        || !type_is_subtype((Type *)args[0], vm.t_type))
        return raise(vm.e_TypeError, "type.__new__(X): X is not a type object");
    if (nargs != 4)
        return raise(vm.e_TypeError, "type.__new__() takes exactly 3 arguments (%zu given)", nargs - 1);
    return type_tp_new(args[0], args + 1, nargs - 1, kw);
}

static Object *type_init_method(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (nargs != 1 && nargs != 3)
        return raise(vm.e_TypeError, "type.__init__() takes 1 or 3 arguments");
    return None;
}

static Object *type_prepare(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return dict_new();
}

static bool is_type_object(Object *v) { return !is_small(v) && layout_of(v) == L_TYPE; }

/* object's defaults as methods, for object.__repr__(x) and super(). */
static Object *object_repr_method(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return args_exact("__repr__", kw, nargs, 0) < 0 ? NULL : object_repr(self);
}

static Object *object_str_method(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return args_exact("__str__", kw, nargs, 0) < 0 ? NULL : obj_repr(self);
}

static Object *object_hash_method(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return args_exact("__hash__", kw, nargs, 0) < 0 ? NULL : int_from_i64(object_hash(self));
}

static Object *object_compare_method(const char *name, CmpOp op, Object *self,
                                     Object *const *args, size_t nargs, Object *kw)
{
    return args_exact(name, kw, nargs, 1) < 0 ? NULL : object_richcompare(self, args[0], op);
}
#define CMP_METHOD(fname, dunder, op) \
    static Object *fname(Object *self, Object *const *args, size_t nargs, Object *kw) \
    { return object_compare_method(dunder, op, self, args, nargs, kw); }
CMP_METHOD(object_eq, "__eq__", CMP_EQ)
CMP_METHOD(object_ne, "__ne__", CMP_NE)
CMP_METHOD(object_lt, "__lt__", CMP_LT)
CMP_METHOD(object_le, "__le__", CMP_LE)
CMP_METHOD(object_gt, "__gt__", CMP_GT)
CMP_METHOD(object_ge, "__ge__", CMP_GE)
#undef CMP_METHOD

static Object *type_call_method(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return type_call(self, args, nargs, kw);
}

static Object *type_repr_method(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return args_exact("__repr__", kw, nargs, 0) < 0 ? NULL : type_repr_slot(self);
}

/* ---- types.UnionType: int | str ------------------------------------------------ */

static Type *union_type;

Type *union_type_get(void) { return union_type; }

static bool union_operand(Object *v)
{
    return v == None || (!is_small(v) && (layout_of(v) == L_TYPE || v->type == union_type));
}

static int union_add(Object *args, Object *v)
{
    if (!is_small(v) && v->type == union_type) {
        Object *inner = ((Iter *)v)->seq;
        for (size_t i = 0; i < tuple_size(inner); i++)
            if (union_add(args, tuple_get(inner, i)) < 0)
                return -1;
        return 0;
    }
    if (v == None)
        v = (Object *)vm.t_NoneType;
    for (size_t i = 0; i < list_size(args); i++)
        if (list_get(args, i) == v)
            return 0;
    return list_append(args, v);
}

static Object *union_or(Object *a, Object *b)
{
    if (!union_operand(a) || !union_operand(b))
        return NotImplemented;
    Object *args = list_new(0);
    if (!args || union_add(args, a) < 0 || union_add(args, b) < 0)
        return NULL;
    if (list_size(args) == 1)
        return list_get(args, 0);
    Object *t = list_as_tuple(args);
    Iter *u = t ? (Iter *)vm_alloc(sizeof(struct Iter), L_ITER, union_type) : NULL;
    if (u)
        u->seq = t;
    return (Object *)u;
}

static Object *union_repr(Object *self)
{
    Object *args = ((Iter *)self)->seq, *parts = list_new(0);
    for (size_t i = 0; parts && i < tuple_size(args); i++) {
        Object *a = tuple_get(args, i), *r;
        if (a == (Object *)vm.t_NoneType) {
            r = intern_cstr("None");
        } else if (!is_small(a) && layout_of(a) == L_TYPE) {
            Object *mod = type_lookup((Type *)a, intern_cstr("__module__"));
            r = ((Type *)a)->qualname;
            if (mod && is_str(mod) && !str_eq_cstr(mod, "builtins")) {
                Object *dot = str_concat(mod, intern_cstr("."));
                r = dot ? str_concat(dot, r) : NULL;
            }
        } else {
            r = obj_repr(a);
        }
        if (!r || list_append(parts, r) < 0)
            return NULL;
    }
    return parts ? str_join(intern_cstr(" | "), parts) : NULL;
}

static Object *union_args(Object *self) { return ((Iter *)self)->seq; }

static Object *union_richcompare(Object *a, Object *b, CmpOp op)
{
    if ((op != CMP_EQ && op != CMP_NE) || is_small(b) || b->type != union_type)
        return NotImplemented;
    Object *sa = set_new(vm.t_frozenset), *sb = set_new(vm.t_frozenset);
    if (!sa || !sb || set_update(sa, union_args(a)) < 0 || set_update(sb, union_args(b)) < 0)
        return NULL;
    return obj_richcompare(sa, sb, op);
}

static int64_t union_hash(Object *self)
{
    Object *s = set_new(vm.t_frozenset);
    if (!s || set_update(s, union_args(self)) < 0)
        return -1;
    return obj_hash(s);
}

static void union_type_init(void)
{
    Type *u = type_new_builtin("UnionType", vm.t_object, L_ITER, sizeof(struct Iter), 0);
    u->qualname = u->name;
    u->repr = union_repr;
    u->richcompare = union_richcompare;
    u->hash = union_hash;
    u->binary[NB_OR] = union_or;
    dict_set_cstr(u->dict, "__module__", intern_cstr("types"));
    getset_new(u, "__args__", union_args, NULL);
    union_type = u;
    vm.t_type->binary[NB_OR] = union_or;
    vm.t_NoneType->binary[NB_OR] = union_or;
}

/* A read-only view of a class's namespace (type.__dict__). */
static Object *mappingproxy_new(Object *mapping)
{
    Iter *p = (Iter *)vm_alloc(sizeof(struct Iter), L_ITER, vm.t_mappingproxy);
    if (p)
        p->seq = mapping;
    return (Object *)p;
}

static Object *proxied(Object *p) { return ((Iter *)p)->seq; }
static Object *mp_getitem(Object *p, Object *k) { return obj_getitem(proxied(p), k); }
static intptr_t mp_length(Object *p) { return obj_length(proxied(p)); }
static int mp_contains(Object *p, Object *k) { return obj_contains(proxied(p), k); }
static Object *mp_iter(Object *p) { return obj_iter(proxied(p)); }
static Object *mp_repr(Object *p)
{
    Object *r = obj_repr(proxied(p));
    Object *open = r ? str_concat(intern_cstr("mappingproxy("), r) : NULL;
    return open ? str_concat(open, intern_cstr(")")) : NULL;
}
static Object *mp_richcompare(Object *a, Object *b, CmpOp op)
{
    if (!is_small(b) && b->type == vm.t_mappingproxy)
        b = proxied(b);
    return obj_richcompare(proxied(a), b, op);
}

static Object *mp_or(Object *a, Object *b)
{
    if (!is_small(a) && a->type == vm.t_mappingproxy)
        a = proxied(a);
    if (!is_small(b) && b->type == vm.t_mappingproxy)
        b = proxied(b);
    return obj_binary(a, b, NB_OR);
}

static Object *mp_forward(Object *p, const char *name, Object *const *args, size_t nargs, Object *kw)
{
    Object *m = obj_getattr_cstr(proxied(p), name);
    return m ? obj_call(m, args, nargs, kw) : NULL;
}
#define MP_METHOD(fname, name) \
    static Object *fname(Object *self, Object *const *args, size_t nargs, Object *kw) \
    { return mp_forward(self, name, args, nargs, kw); }
MP_METHOD(mp_keys, "keys")
MP_METHOD(mp_values, "values")
MP_METHOD(mp_items, "items")
MP_METHOD(mp_get, "get")
MP_METHOD(mp_copy, "copy")
#undef MP_METHOD

/* __repr__ in the type's own dict: pprint dispatches on type(x).__repr__. */
static Object *mp_m_repr(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return args_exact("__repr__", kw, nargs, 0) < 0 ? NULL : mp_repr(self);
}

static void mappingproxy_type_init(void)
{
    Type *t = vm.t_mappingproxy;
    t->getitem = mp_getitem;
    t->length = mp_length;
    t->contains = mp_contains;
    t->iter = mp_iter;
    t->repr = mp_repr;
    t->richcompare = mp_richcompare;
    t->binary[NB_OR] = mp_or;
    static const MethodDef methods[] = {
        { "keys", mp_keys, 0 }, { "values", mp_values, 0 }, { "items", mp_items, 0 },
        { "get", mp_get, 0 }, { "copy", mp_copy, 0 }, { "__repr__", mp_m_repr, 0 },
        { NULL, NULL, 0 },
    };
    type_add_methods(t, methods);
}

/* object.__dir__: the instance's __dict__ keys and its class's attributes. */
static int add_type_names(Object *set, Type *t)
{
    Object *mro = t->mro;
    for (size_t i = 0; i < tuple_size(mro); i++) {
        Object *d = ((Type *)tuple_get(mro, i))->dict;
        size_t pos = 0;
        Object *k, *v;
        while (dict_next(d, &pos, &k, &v))
            if (set_add(set, k) < 0)
                return -1;
    }
    return 0;
}

static Object *object_dir(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("__dir__", kw, nargs, 0) < 0)
        return NULL;
    Object *set = set_new(vm.t_set);
    if (!set)
        return NULL;
    Object *d = obj_getattr_cstr(self, "__dict__");
    if (!d)
        exc_clear();
    if (d && !is_small(d) && is_instance_of(d, vm.t_dict)) {
        size_t pos = 0;
        Object *k, *v;
        while (dict_next(d, &pos, &k, &v))
            if (set_add(set, k) < 0)
                return NULL;
        if (!is_small(self) && layout_of(self) == L_MODULE)
            return list_from_iterable(set);
    }
    Object *cls = obj_getattr_cstr(self, "__class__");
    if (!cls)
        exc_clear();
    if (cls && !is_small(cls) && layout_of(cls) == L_TYPE && add_type_names(set, (Type *)cls) < 0)
        return NULL;
    return list_from_iterable(set);
}

/* type.__dir__: the attributes of the class and its bases. */
static Object *type_dir(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("__dir__", kw, nargs, 0) < 0)
        return NULL;
    Object *set = set_new(vm.t_set);
    if (!set || add_type_names(set, (Type *)self) < 0)
        return NULL;
    return list_from_iterable(set);
}

static int attr_name_check(Object *name)
{
    if (is_str(name))
        return 0;
    raise(vm.e_TypeError, "attribute name must be string, not '%s'", type_name(type_of(name)));
    return -1;
}

/* object.__setattr__ and __delattr__: the instance protocol; a class's
   attributes go through type.__setattr__. */
static Object *object_setattr_method(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("__setattr__", kw, nargs, 2) < 0 || attr_name_check(args[0]) < 0)
        return NULL;
    if (is_type_object(self))
        return raise(vm.e_TypeError, "can't apply this __setattr__ to %s object",
                     type_name(type_of(self)));
    return generic_setattr(self, args[0], args[1]) < 0 ? NULL : None;
}

static Object *object_delattr_method(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("__delattr__", kw, nargs, 1) < 0 || attr_name_check(args[0]) < 0)
        return NULL;
    if (is_type_object(self))
        return raise(vm.e_TypeError, "can't apply this __delattr__ to %s object",
                     type_name(type_of(self)));
    return generic_setattr(self, args[0], NULL) < 0 ? NULL : None;
}

static Object *object_getattribute_method(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("__getattribute__", kw, nargs, 1) < 0 || attr_name_check(args[0]) < 0)
        return NULL;
    Object *r = generic_getattr(self, args[0]);
    if (!r && !exc_occurred()) {
        char nb[200];
        raise(vm.e_AttributeError, "'%s' object has no attribute '%s'",
              type_name(type_of(self)), str_cstr(args[0], nb, sizeof nb));
    }
    return r;
}

static Object *type_getattribute_method(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("__getattribute__", kw, nargs, 1) < 0 || attr_name_check(args[0]) < 0)
        return NULL;
    Object *r = type_getattr(self, args[0]);
    if (!r && !exc_occurred()) {
        char nb[200];
        raise(vm.e_AttributeError, "type object '%s' has no attribute '%s'",
              type_name((Type *)self), str_cstr(args[0], nb, sizeof nb));
    }
    return r;
}

static Object *type_setattr_method(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("__setattr__", kw, nargs, 2) < 0 || attr_name_check(args[0]) < 0)
        return NULL;
    return type_setattr(self, args[0], args[1]) < 0 ? NULL : None;
}

static Object *type_delattr_method(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("__delattr__", kw, nargs, 1) < 0 || attr_name_check(args[0]) < 0)
        return NULL;
    return type_setattr(self, args[0], NULL) < 0 ? NULL : None;
}

static Object *object_format_method(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("__format__", kw, nargs, 1) < 0)
        return NULL;
    if (!is_str(args[0]))
        return raise(vm.e_TypeError, "__format__() argument must be str, not %s",
                     type_name(type_of(args[0])));
    if (str_len(args[0]))
        return raise(vm.e_TypeError, "unsupported format string passed to %s.__format__",
                     type_name(type_of(self)));
    return obj_str(self);
}

static Object *object_sizeof(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("__sizeof__", kw, nargs, 0) < 0)
        return NULL;
    size_t n = type_of(self)->instance_size;
    return make_small((intptr_t)(n ? n : sizeof(struct Object)));
}

/* object.__getstate__: the instance dict, with __slots__ values added
   when the class has slots. */
static Object *object_getstate(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("__getstate__", kw, nargs, 0) < 0)
        return NULL;
    Object *d = instance_dict(self, false);
    Object *slots = NULL;
    Object *mro = type_of(self)->mro;
    for (size_t i = 0; i < tuple_size(mro); i++) {
        Object *sl = dict_get_cstr(((Type *)tuple_get(mro, i))->dict, "__slots__");
        if (!sl)
            continue;
        Object *names = is_str(sl) ? tuple_pack(1, sl) : list_from_iterable(sl);
        if (!names)
            return NULL;
        Object *it = obj_iter(names);
        for (Object *n; it && (n = obj_next(it));) {
            if (str_eq_cstr(n, "__dict__") || str_eq_cstr(n, "__weakref__"))
                continue;
            Object *v = obj_getattr(self, n);
            if (!v) {
                if (exc_occurred() && !exc_matches(vm.e_AttributeError))
                    return NULL;
                exc_clear();
                continue;
            }
            if (!slots && !(slots = dict_new()))
                return NULL;
            if (dict_set(slots, n, v) < 0)
                return NULL;
        }
        if (exc_occurred())
            return NULL;
    }
    Object *state = d && dict_size(d) ? d : None;
    if (slots)
        return tuple_pack(2, state, slots);
    return state;
}

/* object.__reduce_ex__(protocol): copyreg's protocol-2 recipe. */
static Object *object_reduce_ex(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_count("__reduce_ex__", nargs, 0, 1) < 0 || args_no_kw("__reduce_ex__", kw) < 0)
        return NULL;
    /* A class's own __reduce__ wins over this default. */
    Object *own = type_lookup(type_of(self), intern_cstr("__reduce__"));
    if (own && own != dict_get_cstr(vm.t_object->dict, "__reduce__")) {
        Object *m = obj_getattr_cstr(self, "__reduce__");
        return m ? obj_call0(m) : NULL;
    }
    if (no_constructor(type_of(self)))
        return raise(vm.e_TypeError, "cannot pickle '%s' object", type_name(type_of(self)));
    Object *copyreg = import_name(intern_cstr("copyreg"), None, make_small(0),
                                  ((ModuleObj *)vm.sys)->dict);
    if (!copyreg)
        return NULL;
    int64_t proto = 0;
    if (nargs && int_to_i64(args[0], &proto) < 0)
        return NULL;
    if (proto < 2) {
        Object *f = obj_getattr_cstr(copyreg, "_reduce_ex");
        return f ? obj_call(f, (Object *[]){ self, make_small(proto) }, 2, NULL) : NULL;
    }
    Object *newobj = obj_getattr_cstr(copyreg, "__newobj__");
    Object *state = newobj ? obj_getattr_cstr(self, "__getstate__") : NULL;
    state = state ? obj_call0(state) : NULL;
    Object *cls_args = state ? tuple_pack(1, (Object *)type_of(self)) : NULL;
    if (!cls_args)
        return NULL;
    /* __getnewargs__ gives what __new__ needs (namedtuples, immutable
       subclasses). */
    Object *gna = type_lookup(type_of(self), intern_cstr("__getnewargs__"));
    if (gna) {
        Object *m = obj_getattr_cstr(self, "__getnewargs__");
        Object *na = m ? obj_call0(m) : NULL;
        if (!na)
            return NULL;
        if (is_small(na) || na->type != vm.t_tuple)
            return raise(vm.e_TypeError, "__getnewargs__ should return a tuple, not '%s'",
                         type_name(type_of(na)));
        if (!(cls_args = obj_binary(cls_args, na, NB_ADD)))
            return NULL;
    }
    Object *listitems = None, *dictitems = None;
    if (is_instance_of(self, vm.t_list) && !(listitems = obj_iter(self)))
        return NULL;
    if (is_instance_of(self, vm.t_dict)) {
        Object *items = obj_getattr_cstr(self, "items");
        items = items ? obj_call0(items) : NULL;
        if (!items || !(dictitems = obj_iter(items)))
            return NULL;
    }
    return tuple_pack(5, newobj, cls_args, state, listitems, dictitems);
}

static Object *object_reduce(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("__reduce__", kw, nargs, 0) < 0)
        return NULL;
    Object *arg = make_small(0);
    return object_reduce_ex(self, &arg, 1, NULL);
}

/* The names of the __slots__ a class adds along its MRO, for checking
   that __class__ assignment keeps the instance layout. */
static Object *slot_signature(Type *t)
{
    Object *l = list_new(0);
    Object *mro = t->mro;
    for (size_t i = 0; l && i < tuple_size(mro); i++) {
        Object *sl = dict_get_cstr(((Type *)tuple_get(mro, i))->dict, "__slots__");
        if (sl && list_append(l, sl) < 0)
            return NULL;
    }
    return l;
}

static int object_set_class(Object *self, Object *v)
{
    if (is_small(v) || layout_of(v) != L_TYPE) {
        raise(vm.e_TypeError, "__class__ must be set to a class, not '%s' object",
              type_name(type_of(v)));
        return -1;
    }
    Type *old = type_of(self), *new = (Type *)v;
    if (!(old->flags & TF_HEAP) || !(new->flags & TF_HEAP) || is_small(self)) {
        raise(vm.e_TypeError, "__class__ assignment only supported for mutable types "
              "or ModuleType subclasses");
        return -1;
    }
    Object *so = slot_signature(old), *sn = slot_signature(new);
    if (!so || !sn)
        return -1;
    int same = obj_richcompare_bool(so, sn, CMP_EQ);
    if (same < 0)
        return -1;
    if (solid_base(old) != solid_base(new) || old->instance_layout != new->instance_layout
        || ((old->flags ^ new->flags) & TF_HAS_DICT) || !same) {
        raise(vm.e_TypeError, "__class__ assignment: '%s' object layout differs from '%s'",
              type_name(new), type_name(old));
        return -1;
    }
    obj_write(self);
    self->type = new;
    return 0;
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

/* type.__subclasses__: each class created with a base is recorded under
   it, weakly, in a registry the interpreter keeps for its lifetime. */
Object *weakref_new(Object *target);
Object *weakref_get(Object *ref);
/* Made by object_type_init(): the global always names one committed
   object, whatever thread reads it. */
static Object *subclass_registry;

static int record_subclass(Type *t)
{
    for (size_t i = 0; i < tuple_size(t->bases); i++) {
        Object *base = tuple_get(t->bases, i), *l;
        int r = dict_lookup(subclass_registry, base, &l);
        if (r < 0)
            return -1;
        if (!r && (!(l = list_new(0)) || dict_set(subclass_registry, base, l) < 0))
            return -1;
        Object *w = weakref_new((Object *)t);
        if (!w || list_append(l, w) < 0)
            return -1;
    }
    return 0;
}

static Object *type_subclasses(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("__subclasses__", kw, nargs, 0) < 0)
        return NULL;
    Object *out = list_new(0), *l;
    if (!out || !subclass_registry)
        return out;
    int r = dict_lookup(subclass_registry, self, &l);
    if (r <= 0)
        return r < 0 ? NULL : out;
    for (size_t i = 0; i < list_size(l); i++) {
        Object *t = weakref_get(list_get(l, i));
        if (t && list_append(out, t) < 0)
            return NULL;
    }
    return out;
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
    stm_add_root((stm_obj **)&subclass_registry);
    subclass_registry = dict_new();
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
        { "__subclasshook__", subclasshook, METH_CLASS },
        { "__dir__", object_dir, 0 },
        { "__setattr__", object_setattr_method, 0 },
        { "__delattr__", object_delattr_method, 0 },
        { "__getattribute__", object_getattribute_method, 0 },
        { "__format__", object_format_method, 0 },
        { "__sizeof__", object_sizeof, 0 },
        { "__getstate__", object_getstate, 0 },
        { "__reduce_ex__", object_reduce_ex, 0 },
        { "__reduce__", object_reduce, 0 },
        { "__repr__", object_repr_method, 0 },
        { "__str__", object_str_method, 0 },
        { "__hash__", object_hash_method, 0 },
        { "__eq__", object_eq, 0 }, { "__ne__", object_ne, 0 },
        { "__lt__", object_lt, 0 }, { "__le__", object_le, 0 },
        { "__gt__", object_gt, 0 }, { "__ge__", object_ge, 0 },
        { NULL, NULL, 0 },
    };
    type_add_methods(o, object_methods);
    getset_new(o, "__class__", object_get_class, object_set_class);
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
        { "__new__", type_new_method, METH_STATIC },
        { "__init__", type_init_method, 0 },
        { "__prepare__", type_prepare, METH_CLASS },
        { "__dir__", type_dir, 0 },
        { "__call__", type_call_method, 0 },
        { "__subclasses__", type_subclasses, 0 },
        { "__getattribute__", type_getattribute_method, 0 },
        { "__setattr__", type_setattr_method, 0 },
        { "__delattr__", type_delattr_method, 0 },
        { "__repr__", type_repr_method, 0 },
        { NULL, NULL, 0 },
    };
    type_add_methods(t, type_methods);
    getset_new(t, "__name__", type_get_name, type_set_name);
    getset_new(t, "__qualname__", type_get_qualname, type_set_qualname);
    getset_new(t, "__mro__", type_get_mro, NULL);
    getset_new(t, "__bases__", type_get_bases, type_set_bases);
    getset_new(t, "__base__", type_get_base, NULL);
    getset_new(t, "__text_signature__", type_get_text_signature, NULL);
    getset_new(t, "__flags__", type_get_flags, NULL);
    getset_new(t, "__dict__", type_get_dict, NULL);
    getset_new(t, "__module__", type_get_module, type_set_module);
    getset_new(t, "__doc__", type_get_doc, type_set_doc_attr);
    mappingproxy_type_init();
    weakref_descr_init();
    vm.t_member_descriptor->descr_get = member_get;
    vm.t_member_descriptor->descr_set = member_set;
    vm.t_member_descriptor->repr = member_repr;
    getset_new(vm.t_member_descriptor, "__name__", member_name, NULL);
    getset_new(vm.t_member_descriptor, "__qualname__", member_qualname, NULL);
    getset_new(vm.t_member_descriptor, "__objclass__", member_objclass, NULL);
    union_type_init();
}
