/*
** dict: an insertion-ordered hash table (entries in order, plus an index
** table of int32 slots probed with CPython's perturbation scheme).  Sets
** use the same tables without values (set.c).
*/
#include <string.h>

#include "vm/runtime.h"

static inline int32_t STM_SEG *index_of(DictTable *t)
{
    return (int32_t STM_SEG *)&t->entries[t->usable];
}

DictTable *dict_table_new(uint32_t nslots)
{
    uint32_t usable = nslots * 2 / 3;
    size_t size = sizeof(struct DictTable) + usable * sizeof(DictEntry) + nslots * sizeof(int32_t);
    DictTable *t = (DictTable *)vm_alloc(size, L_DICT_TABLE, NULL);
    if (!t)
        return NULL;
    t->nslots = nslots;
    t->usable = usable;
    memset(stm_real_address((stm_obj *)index_of(t)), 0xff, nslots * sizeof(int32_t));
    return t;
}

Object *dict_new(void)
{
    return vm_alloc(sizeof(struct Dict), L_DICT, vm.t_dict);
}

static inline bool keys_equal_fast(Object *a, Object *b)
{
    return a == b;
}

/* Finds the index slot for key: >= 0 the entry number, else -1 with
   *slot the first free index slot on its probe path; -2 on error. */
int64_t table_find(DictTable *t, Object *key, int64_t hash, uint32_t *slot_out)
{
    int32_t STM_SEG *index = index_of(t);
    uint32_t mask = t->nslots - 1;
    uint64_t perturb = (uint64_t)hash;
    uint32_t i = (uint32_t)hash & mask;
    int64_t free_slot = -1;
    for (;;) {
        int32_t ix = index[i];
        if (ix == DICT_EMPTY) {
            *slot_out = free_slot >= 0 ? (uint32_t)free_slot : i;
            return -1;
        }
        if (ix == DICT_DELETED) {
            if (free_slot < 0)
                free_slot = i;
        } else {
            DictEntry STM_SEG *e = &t->entries[ix];
            if (e->key == key)
                return ix;
            if (e->hash == hash && e->key) {
                Object *k = e->key;
                if (is_str(k) && is_str(key)) {
                    if (str_eq(k, key))
                        return ix;
                } else {
                    int r = obj_richcompare_bool(k, key, CMP_EQ);
                    if (r < 0)
                        return -2;
                    /* An __eq__ that mutates this dict is not detected
                       here (CPython restarts the look-up): the old table
                       stays valid memory, the answer may be stale. */
                    if (r)
                        return ix;
                }
            }
        }
        perturb >>= 5;
        i = (uint32_t)((i * 5 + perturb + 1) & mask);
    }
}

int dict_lookup(Object *d, Object *key, Object **value)
{
    int64_t h = obj_hash(key);
    if (h == -1)
        return -1;
    obj_read(d);
    DictTable *t = ((Dict *)d)->table;
    if (!t)
        return 0;
    obj_read((Object *)t);
    uint32_t slot;
    int64_t ix = table_find(t, key, h, &slot);
    if (ix == -2)
        return -1;
    if (ix < 0)
        return 0;
    *value = t->entries[ix].value;
    return 1;
}

Object *dict_get_str(Object *d, Object *key)
{
    obj_read(d);
    DictTable *t = ((Dict *)d)->table;
    if (!t)
        return NULL;
    obj_read((Object *)t);
    uint32_t slot;
    int64_t ix = table_find(t, key, str_hash(key), &slot);
    return ix >= 0 ? t->entries[ix].value : NULL;
}

Object *dict_get_cstr(Object *d, const char *key)
{
    Object *k = str_from_cstr(key);
    return k ? dict_get_str(d, k) : NULL;
}

/* A table with room for `need` live entries, holding the live entries of
   `old` in order. */
static DictTable *table_resize(DictTable *old, uint32_t need)
{
    uint32_t nslots = 8;
    while (nslots * 2 / 3 < need)
        nslots *= 2;
    DictTable *t = dict_table_new(nslots);
    if (!t || !old)
        return t;
    int32_t STM_SEG *index = index_of(t);
    uint32_t mask = nslots - 1, n = 0;
    for (uint32_t k = 0; k < old->used; k++) {
        DictEntry STM_SEG *e = &old->entries[k];
        if (!e->key)
            continue;
        t->entries[n] = *e;
        uint64_t perturb = (uint64_t)e->hash;
        uint32_t i = (uint32_t)e->hash & mask;
        while (index[i] != DICT_EMPTY) {
            perturb >>= 5;
            i = (uint32_t)((i * 5 + perturb + 1) & mask);
        }
        index[i] = (int32_t)n++;
    }
    t->used = t->live = n;
    return t;
}

int table_insert(Object *owner, DictTable *STM_SEG *tablep, Object *key, int64_t hash,
                 Object *value, bool *added)
{
    DictTable *t = *tablep;
    uint32_t slot;
    if (t) {
        obj_read((Object *)t);
        int64_t ix = table_find(t, key, hash, &slot);
        if (ix == -2)
            return -1;
        if (ix >= 0) {
            obj_write((Object *)t);
            t->entries[ix].value = value;
            if (added)
                *added = false;
            return 0;
        }
    }
    if (!t || t->used >= t->usable) {
        DictTable *nt = table_resize(t, (t ? t->live : 0) * 2 + 1);
        if (!nt)
            return -1;
        obj_write(owner);
        *tablep = t = nt;
        int64_t ix = table_find(t, key, hash, &slot);
        (void)ix;
    }
    obj_write((Object *)t);
    uint32_t n = t->used++;
    t->live++;
    t->entries[n].key = key;
    t->entries[n].value = value;
    t->entries[n].hash = hash;
    index_of(t)[slot] = (int32_t)n;
    if (added)
        *added = true;
    return 0;
}

int dict_set(Object *d, Object *key, Object *value)
{
    int64_t h = obj_hash(key);
    if (h == -1)
        return -1;
    obj_read(d);
    Dict *dd = (Dict *)d;
    if (table_insert(d, &dd->table, key, h, value, NULL) < 0)
        return -1;
    obj_write(d);
    dd->version++;
    return 0;
}

int dict_set_cstr(Object *d, const char *key, Object *value)
{
    Object *k = intern_cstr(key);
    return k ? dict_set(d, k, value) : -1;
}

int table_remove(DictTable *t, Object *key, int64_t hash, Object **old_value)
{
    if (!t)
        return 0;
    obj_read((Object *)t);
    uint32_t slot;
    int64_t ix = table_find(t, key, hash, &slot);
    if (ix == -2)
        return -1;
    if (ix < 0)
        return 0;
    obj_write((Object *)t);
    int32_t STM_SEG *index = index_of(t);
    uint32_t mask = t->nslots - 1;
    uint64_t perturb = (uint64_t)hash;
    uint32_t i = (uint32_t)hash & mask;
    while (index[i] != ix) {
        perturb >>= 5;
        i = (uint32_t)((i * 5 + perturb + 1) & mask);
    }
    index[i] = DICT_DELETED;
    if (old_value)
        *old_value = t->entries[ix].value;
    t->entries[ix].key = NULL;
    t->entries[ix].value = NULL;
    t->live--;
    return 1;
}

int dict_del(Object *d, Object *key)
{
    int64_t h = obj_hash(key);
    if (h == -1)
        return -1;
    obj_read(d);
    int r = table_remove(((Dict *)d)->table, key, h, NULL);
    if (r < 0)
        return -1;
    if (r == 0) {
        Object *args = tuple_pack(1, key);
        if (args)
            raise_object(exception_new(vm.e_KeyError, args));
        return -1;
    }
    obj_write(d);
    ((Dict *)d)->version++;
    return 0;
}

size_t dict_size(Object *d)
{
    obj_read(d);
    DictTable *t = ((Dict *)d)->table;
    if (!t)
        return 0;
    obj_read((Object *)t);
    return t->live;
}

bool table_next(DictTable *t, size_t *pos, Object **key, Object **value)
{
    if (!t)
        return false;
    obj_read((Object *)t);
    while (*pos < t->used) {
        DictEntry STM_SEG *e = &t->entries[(*pos)++];
        if (e->key) {
            *key = e->key;
            if (value)
                *value = e->value;
            return true;
        }
    }
    return false;
}

bool dict_next(Object *d, size_t *pos, Object **key, Object **value)
{
    obj_read(d);
    return table_next(((Dict *)d)->table, pos, key, value);
}

int dict_update(Object *d, Object *other)
{
    size_t pos = 0;
    Object *k, *v;
    while (dict_next(other, &pos, &k, &v))
        if (dict_set(d, k, v) < 0)
            return -1;
    return 0;
}

int64_t hash_not_implemented(Object *self);

static Object *dict_repr(Object *d)
{
    if (dict_size(d) == 0)
        return str_from_cstr("{}");
    Object *parts = list_new(0);
    size_t pos = 0;
    Object *k, *v;
    while (dict_next(d, &pos, &k, &v)) {
        Object *kr = obj_repr(k), *vr = kr ? obj_repr(v) : NULL;
        Object *item = vr ? str_concat(str_concat(kr, str_from_cstr(": ")), vr) : NULL;
        if (!item || list_append(parts, item) < 0)
            return NULL;
    }
    Object *body = str_join(str_from_cstr(", "), parts);
    return body ? str_concat(str_concat(str_from_cstr("{"), body), str_from_cstr("}")) : NULL;
}

static intptr_t dict_length(Object *d) { return (intptr_t)dict_size(d); }

static Object *dict_getitem(Object *d, Object *key)
{
    Object *v;
    int r = dict_lookup(d, key, &v);
    if (r < 0)
        return NULL;
    if (r)
        return v;
    if (type_of(d) != vm.t_dict) {
        Object *missing = type_lookup(type_of(d), intern_cstr("__missing__"));
        if (missing) {
            Object *argv[2] = { d, key };
            return obj_call(missing, argv, 2, NULL);
        }
    }
    Object *args = tuple_pack(1, key);
    return args ? raise_object(exception_new(vm.e_KeyError, args)) : NULL;
}

static int dict_setitem(Object *d, Object *key, Object *value)
{
    return value ? dict_set(d, key, value) : dict_del(d, key);
}

static int dict_contains(Object *d, Object *key)
{
    Object *v;
    return dict_lookup(d, key, &v);
}

static Object *dict_richcompare(Object *a, Object *b, CmpOp op)
{
    if (op != CMP_EQ && op != CMP_NE)
        return NotImplemented;
    if (!type_is_subtype(type_of(a), vm.t_dict) || !type_is_subtype(type_of(b), vm.t_dict))
        return NotImplemented;
    bool eq = dict_size(a) == dict_size(b);
    size_t pos = 0;
    Object *k, *v;
    while (eq && dict_next(a, &pos, &k, &v)) {
        Object *w;
        int r = dict_lookup(b, k, &w);
        if (r < 0)
            return NULL;
        if (!r) {
            eq = false;
            break;
        }
        r = obj_richcompare_bool(v, w, CMP_EQ);
        if (r < 0)
            return NULL;
        eq = r;
    }
    return bool_obj(op == CMP_EQ ? eq : !eq);
}

/* Iterators over keys, values or items: index is the entry position;
   `end` remembers the size, to detect changes during iteration. */
static Object *dict_iter_new(Object *d, Type *t)
{
    Iter *it = (Iter *)vm_alloc(sizeof(struct Iter), L_ITER, t);
    if (it) {
        it->seq = d;
        it->end = (intptr_t)dict_size(d);
    }
    return (Object *)it;
}

static Object *dict_iter(Object *d) { return dict_iter_new(d, vm.t_dict_keyiterator); }

static Object *dict_iter_next(Object *o)
{
    Iter *it = (Iter *)o;
    obj_read(o);
    Object *d = it->seq;
    if (!d)
        return NULL;
    if ((intptr_t)dict_size(d) != it->end) {
        obj_write(o);
        it->end = -1;
        return raise(vm.e_RuntimeError, "dictionary changed size during iteration");
    }
    size_t pos = (size_t)it->index;
    Object *k, *v;
    bool more = dict_next(d, &pos, &k, &v);
    obj_write(o);
    it->index = (intptr_t)pos;
    if (!more) {
        it->seq = NULL;
        return NULL;
    }
    Type *t = type_of(o);
    if (t == vm.t_dict_keyiterator)
        return k;
    if (t == vm.t_dict_valueiterator)
        return v;
    return tuple_pack(2, k, v);
}

/* keys()/values()/items() views: an Iter whose seq is the dict. */
static Object *view_new(Object *d, Type *t)
{
    Iter *it = (Iter *)vm_alloc(sizeof(struct Iter), L_ITER, t);
    if (it)
        it->seq = d;
    return (Object *)it;
}
static Object *m_keys(Object *s, Object *const *a, size_t n, Object *kw)
{
    return args_exact("keys", kw, n, 0) < 0 ? NULL : view_new(s, vm.t_dict_keys);
}
static Object *m_values(Object *s, Object *const *a, size_t n, Object *kw)
{
    return args_exact("values", kw, n, 0) < 0 ? NULL : view_new(s, vm.t_dict_values);
}
static Object *m_items(Object *s, Object *const *a, size_t n, Object *kw)
{
    return args_exact("items", kw, n, 0) < 0 ? NULL : view_new(s, vm.t_dict_items);
}
static Object *view_iter(Object *v)
{
    Type *t = type_of(v);
    Object *d = ((Iter *)v)->seq;
    return dict_iter_new(d, t == vm.t_dict_keys ? vm.t_dict_keyiterator
                            : t == vm.t_dict_values ? vm.t_dict_valueiterator
                            : vm.t_dict_itemiterator);
}
static intptr_t view_length(Object *v) { return (intptr_t)dict_size(((Iter *)v)->seq); }
static Object *view_repr(Object *v)
{
    Object *l = list_from_iterable(v);
    Object *r = l ? obj_repr(l) : NULL;
    if (!r)
        return NULL;
    Object *pre = str_format("%s(", type_name(type_of(v)));
    return str_concat(str_concat(pre, r), str_from_cstr(")"));
}
static int view_contains(Object *v, Object *x)
{
    Object *d = ((Iter *)v)->seq;
    Type *t = type_of(v);
    if (t == vm.t_dict_keys)
        return dict_contains(d, x);
    if (t == vm.t_dict_items) {
        if (is_small(x) || x->type != vm.t_tuple || tuple_size(x) != 2)
            return 0;
        Object *w;
        int r = dict_lookup(d, tuple_get(x, 0), &w);
        return r <= 0 ? r : obj_richcompare_bool(w, tuple_get(x, 1), CMP_EQ);
    }
    Object *it = obj_iter(v);
    for (Object *y; it && (y = obj_next(it));) {
        int r = obj_richcompare_bool(y, x, CMP_EQ);
        if (r)
            return r;
    }
    return exc_occurred() ? -1 : 0;
}

static Object *m_get(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_no_kw("get", kw) < 0 || args_count("get", nargs, 1, 2) < 0)
        return NULL;
    Object *v;
    int r = dict_lookup(self, args[0], &v);
    if (r < 0)
        return NULL;
    return r ? v : nargs == 2 ? args[1] : None;
}

static Object *m_setdefault(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_no_kw("setdefault", kw) < 0 || args_count("setdefault", nargs, 1, 2) < 0)
        return NULL;
    Object *v;
    int r = dict_lookup(self, args[0], &v);
    if (r < 0)
        return NULL;
    if (r)
        return v;
    v = nargs == 2 ? args[1] : None;
    return dict_set(self, args[0], v) < 0 ? NULL : v;
}

static Object *m_pop(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_no_kw("pop", kw) < 0 || args_count("pop", nargs, 1, 2) < 0)
        return NULL;
    Object *v;
    int r = dict_lookup(self, args[0], &v);
    if (r < 0)
        return NULL;
    if (!r) {
        if (nargs == 2)
            return args[1];
        Object *a = tuple_pack(1, args[0]);
        return a ? raise_object(exception_new(vm.e_KeyError, a)) : NULL;
    }
    return dict_del(self, args[0]) < 0 ? NULL : v;
}

int dict_update_from(Object *d, Object *other);

static int dict_update_args(Object *self, Object *const *args, size_t nargs, Object *kw,
                            const char *name)
{
    if (args_count(name, nargs, 0, 1) < 0)
        return -1;
    if (nargs && dict_update_from(self, args[0]) < 0)
        return -1;
    size_t nkw = kw ? tuple_size(kw) : 0;
    for (size_t i = 0; i < nkw; i++)
        if (dict_set(self, tuple_get(kw, i), args[nargs + i]) < 0)
            return -1;
    return 0;
}

static Object *m_update(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return dict_update_args(self, args, nargs, kw, "update") < 0 ? NULL : None;
}

static Object *m_copy(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    Object *d = dict_new();
    return d && dict_update(d, self) == 0 ? d : NULL;
}

static Object *m_clear(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    obj_write(self);
    ((Dict *)self)->table = NULL;
    ((Dict *)self)->version++;
    return None;
}

static Object *dict_tp_new(Object *cls, Object *const *args, size_t nargs, Object *kw)
{
    return vm_alloc(sizeof(struct Dict), L_DICT, (Type *)cls);
}

static int dict_init(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return dict_update_args(self, args, nargs, kw, "dict");
}

/* dict(other) and update(other): a mapping (keys()) or pairs. */
int dict_update_from(Object *d, Object *other)
{
    if (!is_small(other) && type_is_subtype(type_of(other), vm.t_dict))
        return dict_update(d, other);
    Object *keys_name = intern_cstr("keys");
    if (type_lookup(type_of(other), keys_name)) {
        Object *keys = obj_call0(obj_getattr(other, keys_name));
        Object *it = keys ? obj_iter(keys) : NULL;
        for (Object *k; it && (k = obj_next(it));) {
            Object *v = obj_getitem(other, k);
            if (!v || dict_set(d, k, v) < 0)
                return -1;
        }
        return exc_occurred() ? -1 : 0;
    }
    Object *it = obj_iter(other);
    if (!it)
        return -1;
    for (size_t i = 0;; i++) {
        Object *pair = obj_next(it);
        if (!pair)
            return exc_occurred() ? -1 : 0;
        Object *items = list_from_iterable(pair);
        if (!items) {
            if (exc_matches(vm.e_TypeError)) {
                exc_clear();
                raise(vm.e_TypeError, "cannot convert dictionary update sequence element #%zu to a sequence", i);
            }
            return -1;
        }
        if (list_size(items) != 2) {
            raise(vm.e_ValueError, "dictionary update sequence element #%zu has length %zu; 2 is required",
                  i, list_size(items));
            return -1;
        }
        if (dict_set(d, list_get(items, 0), list_get(items, 1)) < 0)
            return -1;
    }
}

int dict_merge_from(Object *d, Object *other, bool reject_duplicates,
                    Object *STM_SEG *sp, Object *STM_SEG *stack_base)
{
    if (!reject_duplicates)
        return dict_update_from(d, other);
    if (is_small(other) || !type_lookup(type_of(other), intern_cstr("keys"))) {
        raise(vm.e_TypeError, "argument after ** must be a mapping, not %s",
              type_name(type_of(other)));
        return -1;
    }
    Object *tmp = dict_new();
    if (!tmp || dict_update_from(tmp, other) < 0)
        return -1;
    size_t pos = 0;
    Object *k, *v;
    while (dict_next(tmp, &pos, &k, &v)) {
        Object *old;
        int r = dict_lookup(d, k, &old);
        if (r < 0)
            return -1;
        if (r) {
            char kb[100];
            raise(vm.e_TypeError, "got multiple values for keyword argument '%s'",
                  is_str(k) ? str_cstr(k, kb, sizeof kb) : "?");
            return -1;
        }
        if (dict_set(d, k, v) < 0)
            return -1;
    }
    return 0;
}

void dict_type_init(void)
{
    Type *t = vm.t_dict;
    t->repr = dict_repr;
    t->length = dict_length;
    t->getitem = dict_getitem;
    t->setitem = dict_setitem;
    t->contains = dict_contains;
    t->richcompare = dict_richcompare;
    t->iter = dict_iter;
    t->tp_new = dict_tp_new;
    t->init = dict_init;
    t->hash = hash_not_implemented;
    t->getattr = generic_getattr;
    t->setattr = generic_setattr;
    vm.t_dict_keyiterator->next = dict_iter_next;
    vm.t_dict_valueiterator->next = dict_iter_next;
    vm.t_dict_itemiterator->next = dict_iter_next;
    Type *views[3] = { vm.t_dict_keys, vm.t_dict_values, vm.t_dict_items };
    for (int i = 0; i < 3; i++) {
        views[i]->iter = view_iter;
        views[i]->length = view_length;
        views[i]->repr = view_repr;
        views[i]->contains = view_contains;
    }
    static const MethodDef methods[] = {
        { "keys", m_keys, 0 }, { "values", m_values, 0 }, { "items", m_items, 0 },
        { "get", m_get, 0 }, { "setdefault", m_setdefault, 0 }, { "pop", m_pop, 0 },
        { "update", m_update, 0 }, { "copy", m_copy, 0 }, { "clear", m_clear, 0 },
        { NULL, NULL, 0 },
    };
    type_add_methods(t, methods);
}
