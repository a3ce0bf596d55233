/*
** The run-time support of match statements: MATCH_MAPPING,
** MATCH_SEQUENCE, MATCH_KEYS and MATCH_CLASS.
*/
#include "vm/eval.h"
#include "vm/runtime.h"

bool match_is_mapping(Object *v)
{
    return type_is_subtype(type_of(v), vm.t_dict);
}

bool match_is_sequence(Object *v)
{
    Type *t = type_of(v);
    return type_is_subtype(t, vm.t_list) || type_is_subtype(t, vm.t_tuple)
           || type_is_subtype(t, vm.t_range);
}

/* A tuple of the values of `keys` in subject, or None if one is missing. */
Object *match_keys(Object *subject, Object *keys)
{
    size_t n = tuple_size(keys);
    Object *values = tuple_new(n);
    /* Other mappings are asked through get(key, dummy), so that a
       defaultdict's __missing__ adds no key. */
    Object *get = NULL, *dummy = NULL;
    if (is_small(subject) || subject->type != vm.t_dict) {
        get = obj_getattr_cstr(subject, "get");
        dummy = vm_alloc(sizeof(struct Object), L_PLAIN, vm.t_object);
        if (!get || !dummy)
            return NULL;
    }
    for (size_t i = 0; values && i < n; i++) {
        Object *v;
        int r;
        if (!get) {
            r = dict_lookup(subject, tuple_get(keys, i), &v);
        } else {
            Object *argv[2] = { tuple_get(keys, i), dummy };
            v = obj_call(get, argv, 2, NULL);
            if (!v)
                return NULL;
            r = v != dummy;
        }
        if (r < 0)
            return NULL;
        if (!r)
            return None;
        tuple_init_item(values, i, v);
    }
    return values;
}

/* The attributes a class pattern extracts: positional ones through
   __match_args__, then the keyword ones; None if the subject does not
   match. */
Object *match_class(Object *subject, Object *cls, uint32_t npos, Object *kwnames)
{
    if (is_small(cls) || layout_of(cls) != L_TYPE)
        return raise(vm.e_TypeError, "called match pattern must be a type");
    if (!is_instance_of(subject, (Type *)cls))
        return None;
    size_t nkw = tuple_size(kwnames);
    Object *result = tuple_new(npos + nkw);
    if (!result)
        return NULL;
    Type *t = (Type *)cls;
    /* Builtins like int(x) match the subject itself. */
    bool self_match = t == vm.t_int || t == vm.t_bool || t == vm.t_float || t == vm.t_str
                      || t == vm.t_bytes || t == vm.t_tuple || t == vm.t_list || t == vm.t_dict
                      || t == vm.t_set || t == vm.t_frozenset;
    Object *match_args = NULL;
    if (npos) {
        match_args = obj_getattr_cstr(cls, "__match_args__");
        if (!match_args) {
            if (!exc_matches(vm.e_AttributeError))
                return NULL;
            exc_clear();
        }
        if (!match_args && self_match) {
            if (npos > 1)
                return raise(vm.e_TypeError, "%s() accepts 1 positional sub-pattern (%u given)",
                             type_name(t), npos);
            tuple_init_item(result, 0, subject);
        } else {
            if (!match_args)
                return raise(vm.e_TypeError, "%s() accepts 0 positional sub-patterns (%u given)",
                             type_name(t), npos);
            if (is_small(match_args) || match_args->type != vm.t_tuple)
                return raise(vm.e_TypeError, "%s.__match_args__ must be a tuple (got %s)",
                             type_name(t), type_name(type_of(match_args)));
            if (tuple_size(match_args) < npos)
                return raise(vm.e_TypeError, "%s() accepts %zu positional sub-pattern%s (%u given)",
                             type_name(t), tuple_size(match_args),
                             tuple_size(match_args) == 1 ? "" : "s", npos);
            for (uint32_t i = 0; i < npos; i++) {
                Object *name = tuple_get(match_args, i);
                Object *v = obj_getattr(subject, name);
                if (!v) {
                    if (!exc_matches(vm.e_AttributeError))
                        return NULL;
                    exc_clear();
                    return None;
                }
                tuple_init_item(result, i, v);
            }
        }
    }
    for (size_t k = 0; k < nkw; k++) {
        Object *v = obj_getattr(subject, tuple_get(kwnames, k));
        if (!v) {
            if (!exc_matches(vm.e_AttributeError))
                return NULL;
            exc_clear();
            return None;
        }
        tuple_init_item(result, npos + k, v);
    }
    return result;
}
