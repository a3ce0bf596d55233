/*
** set and frozenset, on the dict's tables without values.
*/
#include "vm/runtime.h"

DictTable *dict_table_new(uint32_t nslots);
int table_insert(Object *owner, DictTable *STM_SEG *tablep, Object *key, int64_t hash,
                 Object *value, bool *added);
int64_t table_find(DictTable *t, Object *key, int64_t hash, uint32_t *slot_out);
bool table_next(DictTable *t, size_t *pos, Object **key, Object **value);

Object *set_new(Type *t)
{
    Set *s = (Set *)vm_alloc(sizeof(struct Set), L_SETOBJ, t);
    if (s)
        s->hash = -1;
    return (Object *)s;
}

int set_add(Object *s, Object *key)
{
    int64_t h = obj_hash(key);
    if (h == -1)
        return -1;
    obj_read(s);
    return table_insert(s, &((Set *)s)->table, key, h, NULL, NULL);
}

int set_contains(Object *s, Object *key)
{
    int64_t h = obj_hash(key);
    if (h == -1)
        return -1;
    obj_read(s);
    DictTable *t = ((Set *)s)->table;
    if (!t)
        return 0;
    obj_read((Object *)t);
    uint32_t slot;
    int64_t ix = table_find(t, key, h, &slot);
    return ix == -2 ? -1 : ix >= 0;
}

int set_update(Object *s, Object *iterable)
{
    Object *it = obj_iter(iterable);
    if (!it)
        return -1;
    for (;;) {
        Object *v = obj_next(it);
        if (!v)
            return exc_occurred() ? -1 : 0;
        if (set_add(s, v) < 0)
            return -1;
    }
}

static intptr_t set_length(Object *s)
{
    obj_read(s);
    DictTable *t = ((Set *)s)->table;
    if (!t)
        return 0;
    obj_read((Object *)t);
    return t->live;
}

static Object *set_repr(Object *s)
{
    Type *t = type_of(s);
    if (set_length(s) == 0)
        return str_format("%s()", type_name(t));
    Object *parts = list_new(0);
    size_t pos = 0;
    Object *k;
    while (table_next(((Set *)s)->table, &pos, &k, NULL)) {
        Object *r = obj_repr(k);
        if (!r || list_append(parts, r) < 0)
            return NULL;
    }
    Object *sep = str_from_cstr(", ");
    Object *body = str_join(sep, parts);
    if (!body)
        return NULL;
    Object *open = str_from_cstr(t == vm.t_set ? "{" : "frozenset({");
    Object *close = str_from_cstr(t == vm.t_set ? "}" : "})");
    Object *r = str_concat(open, body);
    return r ? str_concat(r, close) : NULL;
}

static int set_contains_slot(Object *s, Object *key) { return set_contains(s, key); }

static Object *set_iter(Object *s)
{
    Iter *it = (Iter *)vm_alloc(sizeof(struct Iter), L_ITER, vm.t_set_iterator);
    if (it)
        it->seq = s;
    return (Object *)it;
}

static Object *set_iter_next(Object *o)
{
    Iter *it = (Iter *)o;
    obj_read(o);
    if (!it->seq)
        return NULL;
    size_t pos = (size_t)it->index;
    Object *k;
    bool more = table_next(((Set *)it->seq)->table, &pos, &k, NULL);
    obj_write(o);
    it->index = (intptr_t)pos;
    if (!more) {
        it->seq = NULL;
        return NULL;
    }
    return k;
}

static Object *set_tp_new(Object *cls, Object *const *args, size_t nargs, Object *kw)
{
    Type *t = (Type *)cls;
    if (args_no_kw(type_name(t), kw) < 0 || args_count(type_name(t), nargs, 0, 1) < 0)
        return NULL;
    Object *s = set_new(t);
    if (s && nargs && type_is_subtype(t, vm.t_frozenset) && set_update(s, args[0]) < 0)
        return NULL;
    return s;
}

static int set_init(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (type_is_subtype(type_of(self), vm.t_frozenset))
        return 0;
    if (args_no_kw("set", kw) < 0 || args_count("set", nargs, 0, 1) < 0)
        return -1;
    return nargs ? set_update(self, args[0]) : 0;
}

static Object *set_add_method(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("add", kw, nargs, 1) < 0 || set_add(self, args[0]) < 0)
        return NULL;
    return None;
}

void set_type_init(void)
{
    Type *types[2] = { vm.t_set, vm.t_frozenset };
    for (int i = 0; i < 2; i++) {
        Type *t = types[i];
        t->repr = set_repr;
        t->length = set_length;
        t->contains = set_contains_slot;
        t->iter = set_iter;
        t->tp_new = set_tp_new;
        t->init = set_init;
        t->getattr = generic_getattr;
    }
    vm.t_set_iterator->next = set_iter_next;
    static const MethodDef set_methods[] = {
        { "add", set_add_method, 0 },
        { NULL, NULL, 0 },
    };
    type_add_methods(vm.t_set, set_methods);
}
