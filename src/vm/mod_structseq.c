/*
** Struct sequences (os.stat_result, time.struct_time, ...): tuple
** subclasses whose items also have names, some fields being attributes
** only.  An instance is a tuple subclass instance (the tuple holds the
** sequence fields) whose __dict__ holds every named field.
*/
#include <string.h>

#include "vm/mod_os.h"

/* The field names are kept on the type: a tuple of str, None for the
   unnamed fields (which are always sequence fields). */
static Object *field_names(Type *t)
{
    return type_lookup(t, intern_cstr("_fields_all"));
}

static intptr_t type_int(Type *t, const char *name)
{
    Object *v = type_lookup(t, intern_cstr(name));
    return v && is_small(v) ? small_value(v) : 0;
}

static Object *make(Type *t, Object *const *values, size_t n)
{
    Object *names = field_names(t);
    size_t nseq = (size_t)type_int(t, "n_sequence_fields");
    if (!names)
        return raise(vm.e_TypeError, "%s: not a struct sequence type", type_name(t));
    Object *tup = tuple_from_array(values, nseq);
    Instance *in = tup ? (Instance *)vm_alloc(sizeof(struct Instance), L_INSTANCE, t) : NULL;
    if (!in)
        return NULL;
    in->base_value = tup;
    Object *d = instance_dict((Object *)in, true);
    if (!d)
        return NULL;
    for (size_t i = 0; i < tuple_size(names); i++) {
        Object *name = tuple_get(names, i);
        if (name != None && dict_set(d, name, i < n ? values[i] : None) < 0)
            return NULL;
    }
    return (Object *)in;
}

Object *structseq_new(Type *t, Object *const *values)
{
    return make(t, values, tuple_size(field_names(t)));
}

/* T(sequence, dict=None), as CPython's structseq_new. */
static Object *structseq_tp_new(Object *cls, Object *const *args, size_t nargs, Object *kw)
{
    static const char *const names[] = { "sequence", "dict", NULL };
    Object *a[2];
    Type *t = (Type *)cls;
    if (args_parse(type_name(t), args, nargs, kw, names, 1, 2, a) < 0)
        return NULL;
    Object *l = list_from_iterable(a[0]);
    if (!l)
        return NULL;
    size_t n = list_size(l);
    size_t nseq = (size_t)type_int(t, "n_sequence_fields");
    size_t nfields = (size_t)type_int(t, "n_fields");
    /* Messages name the type as module.name. */
    char nb[160], mb[60], tb[100];
    Object *mod = type_lookup(t, intern_cstr("__module__"));
    snprintf(nb, sizeof nb, "%s.%s", mod && is_str(mod) ? str_cstr(mod, mb, sizeof mb) : "?",
             str_cstr(t->qualname, tb, sizeof tb));
    if (n < nseq) {
        if (nseq == nfields)
            return raise(vm.e_TypeError, "%s() takes a %zu-sequence (%zu-sequence given)", nb, nseq, n);
        return raise(vm.e_TypeError, "%s() takes an at least %zu-sequence (%zu-sequence given)", nb,
                     nseq, n);
    }
    if (n > nfields) {
        if (nseq == nfields)
            return raise(vm.e_TypeError, "%s() takes a %zu-sequence (%zu-sequence given)", nb, nseq, n);
        return raise(vm.e_TypeError, "%s() takes an at most %zu-sequence (%zu-sequence given)", nb,
                     nfields, n);
    }
    Object **vals = malloc((n + 1) * sizeof *vals);
    if (!vals)
        return raise_no_memory();
    for (size_t i = 0; i < n; i++)
        vals[i] = list_get(l, i);
    Object *r = make(t, vals, n);
    free(vals);
    keep_alive(l);                  /* holds vals' objects, which malloc'd memory does not */
    return r;
}

/* module.name(field=value, ...) over the sequence fields, each named as
   the next named field (the unnamed ones borrow the following names, as
   CPython shows st_atime for the integer time). */
static Object *structseq_repr(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    Type *t = type_of(self);
    Object *names = field_names(t);
    Object *tup = ((Instance *)self)->base_value;
    Object *mod = type_lookup(t, intern_cstr("__module__"));
    char mb[100], nb[100];
    Object *s = str_format("%s.%s(", mod && is_str(mod) ? str_cstr(mod, mb, sizeof mb) : "",
                           str_cstr(t->qualname, nb, sizeof nb));
    size_t k = 0;
    for (size_t i = 0; s && i < tuple_size(tup); i++) {
        while (k < tuple_size(names) && tuple_get(names, k) == None)
            k++;
        Object *name = k < tuple_size(names) ? tuple_get(names, k++) : vm.empty_str;
        Object *r = obj_repr(tuple_get(tup, i));
        Object *eq = str_from_cstr(i ? ", " : "");
        s = r && eq ? str_concat(s, eq) : NULL;
        s = s ? str_concat(s, name) : NULL;
        s = s ? str_concat(s, vm.one_char['=']) : NULL;
        s = s ? str_concat(s, r) : NULL;
    }
    return s ? str_concat(s, vm.one_char[')']) : NULL;
}

static Object *structseq_repr_slot(Object *self)
{
    return structseq_repr(self, NULL, 0, NULL);
}

static Object *structseq_reduce(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    Object *d = dict_new();
    Object *names = field_names(type_of(self));
    size_t nseq = (size_t)type_int(type_of(self), "n_sequence_fields");
    Object *inst = instance_dict(self, false);
    for (size_t i = nseq; d && inst && i < tuple_size(names); i++) {
        Object *v = dict_get_str(inst, tuple_get(names, i));
        if (v && dict_set(d, tuple_get(names, i), v) < 0)
            return NULL;
    }
    Object *tup = ((Instance *)self)->base_value;
    Object *a = d ? tuple_pack(2, tup, d) : NULL;
    return a ? tuple_pack(2, (Object *)type_of(self), a) : NULL;
}

/* The fields are read-only, as in CPython (member descriptors there). */
static int structseq_setattr(Object *self, Object *name, Object *value)
{
    (void)value;
    char nb[100];
    Object *fields = field_names(type_of(self));
    for (size_t i = 0; fields && i < tuple_size(fields); i++)
        if (tuple_get(fields, i) != None && str_eq(tuple_get(fields, i), name)) {
            raise(vm.e_AttributeError, "readonly attribute");
            return -1;
        }
    /* Named module.name, as CPython's tp_name. */
    Object *module = dict_get_cstr(type_of(self)->dict, "__module__");
    char mb[100];
    raise(vm.e_AttributeError, "'%s.%s' object has no attribute '%s'",
          module && is_str(module) ? str_cstr(module, mb, sizeof mb) : "?",
          type_name(type_of(self)), str_cstr(name, nb, sizeof nb));
    return -1;
}

Type *structseq_type(const char *module, const char *name, const char *const *fields,
                     size_t nfields, size_t nseq)
{
    Object *ns = dict_new();
    Object *names = tuple_new(nfields);
    if (!ns || !names)
        return NULL;
    size_t unnamed = 0;
    for (size_t i = 0; i < nfields; i++) {
        tuple_init_item(names, i, fields[i] ? intern_cstr(fields[i]) : None);
        unnamed += !fields[i];
    }
    Object *repr = builtin_new("__repr__", structseq_repr, NULL, NULL);
    Object *reduce = builtin_new("__reduce__", structseq_reduce, NULL, NULL);
    if (!repr || !reduce)
        return NULL;
    repr->type = reduce->type = vm.t_method_descriptor;
    dict_set_cstr(ns, "__module__", str_from_cstr(module));
    dict_set_cstr(ns, "_fields_all", names);
    dict_set_cstr(ns, "n_sequence_fields", make_small((intptr_t)nseq));
    dict_set_cstr(ns, "n_fields", make_small((intptr_t)nfields));
    dict_set_cstr(ns, "n_unnamed_fields", make_small((intptr_t)unnamed));
    dict_set_cstr(ns, "__repr__", repr);
    dict_set_cstr(ns, "__reduce__", reduce);
    Object *args[3] = { str_from_cstr(name), tuple_pack(1, (Object *)vm.t_tuple), ns };
    if (!args[0] || !args[1])
        return NULL;
    Object *t = obj_call((Object *)vm.t_type, args, 3, NULL);
    if (!t)
        return NULL;
    ((Builtin *)repr)->owner = ((Builtin *)reduce)->owner = (Type *)t;
    ((Type *)t)->tp_new = structseq_tp_new;
    ((Type *)t)->repr = structseq_repr_slot;
    ((Type *)t)->setattr = structseq_setattr;
    return (Type *)t;
}
