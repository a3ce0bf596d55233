/*
** set and frozenset.  The table is an open-addressing hash table probed as
** CPython's (linear probes of 9 slots, then perturbation, deleted slots
** left as dummies, the same sizes and resize points), so that iteration
** order, and hence what print({3, 1, 2}) shows, is CPython's.
**
** It lives in a DictTable object used differently from dict's: entries[]
** is the hash table itself (nslots slots, key NULL with hash 0: never used,
** key NULL with hash -1: dummy), `used` stays nslots so that the collector
** traces every slot, `usable` counts slots ever filled (CPython's fill),
** and `live` the keys.  Slots are written card by card as in dict.c.
** A mutable set's `hash` field holds pop()'s finger.
*/
#include <string.h>

#include "vm/container.h"

#define LINEAR_PROBES 9
#define SET_MINSIZE 8

static inline bool is_anyset(Object *v) { return !is_small(v) && layout_of(v) == L_SETOBJ; }
static inline bool is_frozen(Object *v) { return type_is_subtype(type_of(v), vm.t_frozenset); }

static inline void slot_write(DictTable *t, size_t i)
{
    DictEntry STM_SEG *e = &t->entries[i];
    size_t first = ((uintptr_t)e - (uintptr_t)t) >> 3;
    stm_write_card((stm_obj *)t, first);
    stm_write_card((stm_obj *)t, first + 2);
}

static inline void header_write(DictTable *t) { stm_write_card((stm_obj *)t, 0); }

static DictTable *stable_new(size_t nslots)
{
    if (nslots > UINT32_MAX / 2)
        return (DictTable *)raise_no_memory();
    DictTable *t = (DictTable *)vm_alloc(sizeof(struct DictTable) + nslots * sizeof(DictEntry),
                                         L_DICT_TABLE, NULL);
    if (t)
        t->nslots = t->used = (uint32_t)nslots;
    return t;
}

static inline DictTable *table_of(Object *s)
{
    obj_read(s);
    DictTable *t = ((Set *)s)->table;
    if (t)
        obj_read((Object *)t);
    return t;
}

static size_t set_size(Object *s)
{
    DictTable *t = table_of(s);
    return t ? t->live : 0;
}

Object *set_new(Type *t)
{
    Set *s = (Set *)vm_alloc(sizeof(struct Set), L_SETOBJ, t);
    if (s)
        s->hash = -1;
    return (Object *)s;
}

/* Puts a key known to be absent into a table without dummies. */
static void insert_clean(DictTable *t, Object *key, int64_t hash)
{
    size_t mask = t->nslots - 1, perturb = (size_t)hash, i = (size_t)hash & mask;
    for (;;) {
        if (!t->entries[i].key)
            break;
        size_t j = 0;
        if (i + LINEAR_PROBES <= mask) {
            for (j = 1; j <= LINEAR_PROBES; j++)
                if (!t->entries[i + j].key)
                    break;
            if (j <= LINEAR_PROBES) {
                i += j;
                break;
            }
        }
        perturb >>= 5;
        i = (i * 5 + 1 + perturb) & mask;
    }
    slot_write(t, i);
    t->entries[i].key = key;
    t->entries[i].hash = hash;
}

static int set_resize(Object *s, size_t minused)
{
    size_t n = SET_MINSIZE;
    while (n <= minused)
        n <<= 1;
    DictTable *old = table_of(s), *t = stable_new(n);
    if (!t)
        return -1;
    if (old)
        for (size_t i = 0; i < old->nslots; i++) {
            DictEntry STM_SEG *e = &old->entries[i];
            if (e->key)
                insert_clean(t, e->key, e->hash);
        }
    t->live = t->usable = old ? old->live : 0;
    obj_write(s);
    ((Set *)s)->table = t;
    return 0;
}

static DictTable *table_for_write(Object *s)
{
    DictTable *t = table_of(s);
    if (!t && set_resize(s, 0) == 0)
        t = table_of(s);
    return t;
}

/* The slot of key: >= 0 found, -1 absent, -2 error. */
static intptr_t lookkey(DictTable *t, Object *key, int64_t hash)
{
    if (!t)
        return -1;
    size_t mask = t->nslots - 1, perturb = (size_t)hash, i = (size_t)hash & mask;
    for (;;) {
        size_t probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
        for (size_t j = i;; j++) {
            DictEntry STM_SEG *e = &t->entries[j];
            if (!e->key && e->hash == 0)
                return -1;
            if (e->hash == hash && e->key) {
                Object *k = e->key;
                if (k == key)
                    return (intptr_t)j;
                if (is_str(k) && is_str(key)) {
                    if (str_eq(k, key))
                        return (intptr_t)j;
                } else {
                    int r = obj_richcompare_bool(k, key, CMP_EQ);
                    if (r < 0)
                        return -2;
                    if (r)
                        return (intptr_t)j;
                }
            }
            if (j - i >= probes)
                break;
        }
        perturb >>= 5;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

static int add_entry(Object *s, Object *key, int64_t hash)
{
    DictTable *t = table_for_write(s);
    if (!t)
        return -1;
    size_t mask = t->nslots - 1, perturb = (size_t)hash, i = (size_t)hash & mask;
    intptr_t freeslot = -1, found = -1;
    for (;;) {
        size_t probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
        size_t j;
        for (j = i;; j++) {
            DictEntry STM_SEG *e = &t->entries[j];
            if (!e->key && e->hash == 0)
                goto unused;
            if (e->hash == hash && e->key) {
                Object *k = e->key;
                int r = k == key ? 1 : is_str(k) && is_str(key) ? str_eq(k, key)
                      : obj_richcompare_bool(k, key, CMP_EQ);
                if (r < 0)
                    return -1;
                if (r)
                    return 0;
                /* A comparison may have changed the set: start over. */
                if (table_of(s) != t)
                    return add_entry(s, key, hash);
            } else if (!e->key && e->hash == -1 && freeslot < 0) {
                freeslot = (intptr_t)j;
            }
            if (j - i >= probes)
                break;
        }
        perturb >>= 5;
        i = (i * 5 + 1 + perturb) & mask;
        continue;
    unused:
        found = (intptr_t)j;
        break;
    }
    header_write(t);
    t->live++;
    if (freeslot >= 0) {
        slot_write(t, (size_t)freeslot);
        t->entries[freeslot].key = key;
        t->entries[freeslot].hash = hash;
        return 0;
    }
    slot_write(t, (size_t)found);
    t->entries[found].key = key;
    t->entries[found].hash = hash;
    t->usable++;
    if ((size_t)t->usable * 5 < mask * 3)
        return 0;
    return set_resize(s, t->live > 50000 ? t->live * 2 : t->live * 4);
}

/* A set being looked up in a set is looked up as a frozenset, as in
   CPython; other hashing errors stand. */
static int64_t key_hash(Object *key, Object **used_key)
{
    *used_key = key;
    int64_t h = obj_hash(key);
    if (h == -1 && is_anyset(key) && exc_matches(vm.e_TypeError)) {
        exc_clear();
        Object *f = set_new(vm.t_frozenset);
        if (!f || set_update(f, key) < 0)
            return -1;
        *used_key = f;
        h = obj_hash(f);
    }
    return h;
}

int set_add(Object *s, Object *key)
{
    int64_t h = obj_hash(key);
    return h == -1 ? -1 : add_entry(s, key, h);
}

int set_contains(Object *s, Object *key)
{
    Object *k;
    int64_t h = key_hash(key, &k);
    if (h == -1)
        return -1;
    intptr_t r = lookkey(table_of(s), k, h);
    return r == -2 ? -1 : r >= 0;
}

static int contains_entry(Object *s, Object *key, int64_t hash)
{
    intptr_t r = lookkey(table_of(s), key, hash);
    return r == -2 ? -1 : r >= 0;
}

/* 1 removed, 0 absent, -1 error. */
static int discard_entry(Object *s, Object *key, int64_t hash)
{
    DictTable *t = table_of(s);
    intptr_t i = lookkey(t, key, hash);
    if (i < 0)
        return i == -2 ? -1 : 0;
    slot_write(t, (size_t)i);
    t->entries[i].key = NULL;
    t->entries[i].hash = -1;
    header_write(t);
    t->live--;
    return 1;
}

static int set_discard_key(Object *s, Object *key)
{
    Object *k;
    int64_t h = key_hash(key, &k);
    return h == -1 ? -1 : discard_entry(s, k, h);
}

/* Iteration over the table slots: false at the end. */
static bool set_next(Object *s, size_t *pos, Object **key, int64_t *hash)
{
    DictTable *t = table_of(s);
    while (t && *pos < t->nslots) {
        DictEntry STM_SEG *e = &t->entries[(*pos)++];
        if (e->key) {
            *key = e->key;
            if (hash)
                *hash = e->hash;
            return true;
        }
    }
    return false;
}

static void set_clear_all(Object *s)
{
    obj_write(s);
    ((Set *)s)->table = NULL;
}

static int merge_set(Object *s, Object *other)
{
    size_t n = set_size(other);
    if (n == 0 || s == other)
        return 0;
    DictTable *t = table_of(s);
    size_t fill = t ? t->usable : 0, mask = t ? t->nslots - 1 : SET_MINSIZE - 1;
    if ((fill + n) * 5 >= mask * 3 && set_resize(s, (set_size(s) + n) * 2) < 0)
        return -1;
    t = table_of(s);
    if (!t && set_resize(s, 0) < 0)
        return -1;
    t = table_of(s);
    size_t pos = 0;
    Object *k;
    int64_t h;
    if (t->usable == 0) {
        /* Into an empty table: no duplicates possible. */
        while (set_next(other, &pos, &k, &h))
            insert_clean(t, k, h);
        header_write(t);
        t->usable = t->live = (uint32_t)n;
        return 0;
    }
    while (set_next(other, &pos, &k, &h))
        if (add_entry(s, k, h) < 0)
            return -1;
    return 0;
}

int set_update(Object *s, Object *iterable)
{
    if (is_anyset(iterable))
        return merge_set(s, iterable);
    if (!is_small(iterable) && layout_of(iterable) == L_DICT
        && type_of(iterable)->iter == vm.t_dict->iter) {
        size_t n = dict_size(iterable);
        DictTable *t = table_of(s);
        size_t fill = t ? t->usable : 0, mask = t ? t->nslots - 1 : SET_MINSIZE - 1;
        if ((fill + n) * 5 >= mask * 3 && set_resize(s, (set_size(s) + n) * 2) < 0)
            return -1;
        size_t pos = 0;
        Object *k, *v;
        while (dict_next(iterable, &pos, &k, &v))
            if (set_add(s, k) < 0)
                return -1;
        return 0;
    }
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

/* A new set or frozenset (the base type of t) holding iterable's items. */
static Object *make_new_set(Type *t, Object *iterable)
{
    Object *s = set_new(type_is_subtype(t, vm.t_frozenset) ? vm.t_frozenset : vm.t_set);
    if (s && iterable && set_update(s, iterable) < 0)
        return NULL;
    return s;
}

static Object *set_copy(Object *s) { return make_new_set(type_of(s), s); }

/* ---- the operations ----------------------------------------------------------- */

static Object *set_intersection(Object *s, Object *other)
{
    if (s == other)
        return set_copy(s);
    Object *r = make_new_set(type_of(s), NULL);
    if (!r)
        return NULL;
    if (is_anyset(other)) {
        Object *a = s, *b = other;
        if (set_size(b) > set_size(a)) {
            a = other;
            b = s;
        }
        size_t pos = 0;
        Object *k;
        int64_t h;
        while (set_next(b, &pos, &k, &h)) {
            int c = contains_entry(a, k, h);
            if (c < 0 || (c && add_entry(r, k, h) < 0))
                return NULL;
        }
        return r;
    }
    Object *it = obj_iter(other);
    if (!it)
        return NULL;
    for (;;) {
        Object *k = obj_next(it);
        if (!k)
            return exc_occurred() ? NULL : r;
        int64_t h = obj_hash(k);
        if (h == -1)
            return NULL;
        int c = contains_entry(s, k, h);
        if (c < 0 || (c && add_entry(r, k, h) < 0))
            return NULL;
    }
}

/* Replaces the contents of s by those of r. */
static void set_take(Object *s, Object *r)
{
    obj_write(s);
    ((Set *)s)->table = table_of(r);
}

static int difference_update(Object *s, Object *other)
{
    if (s == other) {
        set_clear_all(s);
        return 0;
    }
    if (is_anyset(other)) {
        size_t pos = 0;
        Object *k;
        int64_t h;
        while (set_next(other, &pos, &k, &h))
            if (discard_entry(s, k, h) < 0)
                return -1;
    } else {
        Object *it = obj_iter(other);
        if (!it)
            return -1;
        for (Object *k; (k = obj_next(it));)
            if (set_discard_key(s, k) < 0)
                return -1;
        if (exc_occurred())
            return -1;
    }
    /* More than a quarter of dummies: rebuild, as CPython does. */
    DictTable *t = table_of(s);
    if (!t || (size_t)(t->usable - t->live) <= (t->nslots - 1) / 4)
        return 0;
    return set_resize(s, t->live > 50000 ? t->live * 2 : t->live * 4);
}

static Object *set_difference(Object *s, Object *other)
{
    size_t other_size;
    if (is_anyset(other))
        other_size = set_size(other);
    else if (!is_small(other) && type_of(other) == vm.t_dict)
        other_size = dict_size(other);
    else
        other_size = (size_t)-1;
    if (other_size == (size_t)-1 || (set_size(s) >> 2) > other_size) {
        Object *r = set_copy(s);
        return r && difference_update(r, other) == 0 ? r : NULL;
    }
    Object *r = make_new_set(type_of(s), NULL);
    size_t pos = 0;
    Object *k;
    int64_t h;
    while (r && set_next(s, &pos, &k, &h)) {
        Object *v;
        int c = is_anyset(other) ? contains_entry(other, k, h) : dict_lookup(other, k, &v);
        if (c < 0 || (!c && add_entry(r, k, h) < 0))
            return NULL;
    }
    return r;
}

static int symmetric_difference_update(Object *s, Object *other)
{
    if (s == other) {
        set_clear_all(s);
        return 0;
    }
    Object *o = is_anyset(other) ? other : make_new_set(vm.t_set, other);
    if (!o)
        return -1;
    size_t pos = 0;
    Object *k;
    int64_t h;
    while (set_next(o, &pos, &k, &h)) {
        int r = discard_entry(s, k, h);
        if (r < 0 || (r == 0 && add_entry(s, k, h) < 0))
            return -1;
    }
    return 0;
}

static Object *set_symmetric_difference(Object *s, Object *other)
{
    Object *r = make_new_set(type_of(s), other);
    return r && symmetric_difference_update(r, s) == 0 ? r : NULL;
}

static int set_issubset(Object *s, Object *other)
{
    if (!is_anyset(other)) {
        Object *tmp = make_new_set(vm.t_set, other);
        return tmp ? set_issubset(s, tmp) : -1;
    }
    if (set_size(s) > set_size(other))
        return 0;
    size_t pos = 0;
    Object *k;
    int64_t h;
    while (set_next(s, &pos, &k, &h)) {
        int c = contains_entry(other, k, h);
        if (c <= 0)
            return c;
    }
    return 1;
}

static int set_issuperset(Object *s, Object *other)
{
    if (is_anyset(other))
        return set_issubset(other, s);
    Object *it = obj_iter(other);
    if (!it)
        return -1;
    for (;;) {
        Object *k = obj_next(it);
        if (!k)
            return exc_occurred() ? -1 : 1;
        int c = set_contains(s, k);
        if (c <= 0)
            return c;
    }
}

static int set_isdisjoint(Object *s, Object *other)
{
    if (s == other)
        return set_size(s) == 0;
    if (is_anyset(other)) {
        Object *a = s, *b = other;
        if (set_size(a) > set_size(b)) {
            a = other;
            b = s;
        }
        size_t pos = 0;
        Object *k;
        int64_t h;
        while (set_next(a, &pos, &k, &h)) {
            int c = contains_entry(b, k, h);
            if (c)
                return c < 0 ? -1 : 0;
        }
        return 1;
    }
    Object *it = obj_iter(other);
    if (!it)
        return -1;
    for (;;) {
        Object *k = obj_next(it);
        if (!k)
            return exc_occurred() ? -1 : 1;
        int c = set_contains(s, k);
        if (c)
            return c < 0 ? -1 : 0;
    }
}

/* ---- slots -------------------------------------------------------------------- */

static intptr_t set_length(Object *s) { return (intptr_t)set_size(s); }

static Object *set_repr(Object *s)
{
    Type *t = type_of(s);
    if (set_size(s) == 0)
        return str_format("%s()", type_name(t));
    int g = repr_enter(s);
    if (g)
        return g > 0 ? str_format("%s(...)", type_name(t)) : NULL;
    Object *l = list_from_iterable(s), *r = NULL;
    Object *lr = l ? obj_repr(l) : NULL;
    repr_leave(s);
    if (!lr)
        return NULL;
    /* The list's repr with braces for brackets. */
    size_t n = str_len(lr);
    Object *inner = obj_getitem(lr, slice_new(make_small(1), make_small((intptr_t)n - 1), None));
    if (!inner)
        return NULL;
    Object *body = str_concat(str_concat(str_from_cstr("{"), inner), str_from_cstr("}"));
    if (!body || t == vm.t_set)
        return body;
    r = str_format("%s(", type_name(t));
    return r ? str_concat(str_concat(r, body), str_from_cstr(")")) : NULL;
}

static int set_contains_slot(Object *s, Object *key) { return set_contains(s, key); }

static Object *set_iter(Object *s)
{
    Iter *it = (Iter *)vm_alloc(sizeof(struct Iter), L_ITER, vm.t_set_iterator);
    if (it) {
        it->seq = s;
        it->end = (intptr_t)set_size(s);
    }
    return (Object *)it;
}

static Object *set_iter_next(Object *o)
{
    Iter *it = (Iter *)o;
    obj_read(o);
    if (!it->seq)
        return NULL;
    obj_write(o);
    if ((intptr_t)set_size(it->seq) != it->end) {
        it->end = -1;
        return raise(vm.e_RuntimeError, "Set changed size during iteration");
    }
    size_t pos = (size_t)it->index;
    Object *k;
    bool more = set_next(it->seq, &pos, &k, NULL);
    it->index = (intptr_t)pos;
    if (!more) {
        it->seq = NULL;
        return NULL;
    }
    return k;
}

static Object *set_iter_length_hint(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    Iter *it = (Iter *)self;
    obj_read(self);
    if (!it->seq || it->end < 0)
        return make_small(0);
    size_t pos = (size_t)it->index, n = 0;
    Object *k;
    while (set_next(it->seq, &pos, &k, NULL))
        n++;
    return make_small((intptr_t)n);
}

static int64_t shuffle_bits(uint64_t h)
{
    return (int64_t)(((h ^ 89869747ull) ^ (h << 16)) * 3644798167ull);
}

/* CPython's frozenset hash: independent of the table's layout. */
static int64_t frozenset_hash(Object *s)
{
    Set *so = (Set *)s;
    if (so->hash != -1)
        return so->hash;
    uint64_t h = 0;
    size_t pos = 0;
    Object *k;
    int64_t eh;
    while (set_next(s, &pos, &k, &eh))
        h ^= (uint64_t)shuffle_bits((uint64_t)eh);
    h ^= ((uint64_t)set_size(s) + 1) * 1927868237ull;
    h ^= (h >> 11) ^ (h >> 25);
    h = h * 69069u + 907133923ull;
    if (h == (uint64_t)-1)
        h = 590923713ull;
    so->hash = (int64_t)h;
    return (int64_t)h;
}

int64_t hash_not_implemented(Object *self);

static Object *set_richcompare(Object *a, Object *b, CmpOp op)
{
    if (!is_anyset(b))
        return NotImplemented;
    size_t na = set_size(a), nb = set_size(b);
    int r;
    switch (op) {
    case CMP_EQ: case CMP_NE:
        r = na == nb ? set_issubset(a, b) : 0;
        if (r >= 0 && op == CMP_NE)
            r = !r;
        break;
    case CMP_LE: r = set_issubset(a, b); break;
    case CMP_GE: r = set_issuperset(a, b); break;
    case CMP_LT: r = na < nb ? set_issubset(a, b) : 0; break;
    default: r = na > nb ? set_issuperset(a, b) : 0; break;
    }
    return r < 0 ? NULL : bool_obj(r);
}

static Object *set_or(Object *a, Object *b)
{
    if (!is_anyset(a) || !is_anyset(b))
        return NotImplemented;
    Object *r = set_copy(a);
    return r && set_update(r, b) == 0 ? r : NULL;
}

static Object *set_and(Object *a, Object *b)
{
    return is_anyset(a) && is_anyset(b) ? set_intersection(a, b) : NotImplemented;
}

static Object *set_sub(Object *a, Object *b)
{
    return is_anyset(a) && is_anyset(b) ? set_difference(a, b) : NotImplemented;
}

static Object *set_xor(Object *a, Object *b)
{
    return is_anyset(a) && is_anyset(b) ? set_symmetric_difference(a, b) : NotImplemented;
}

static Object *set_ior(Object *a, Object *b)
{
    if (!is_anyset(b))
        return NotImplemented;
    return set_update(a, b) < 0 ? NULL : a;
}

static Object *set_iand(Object *a, Object *b)
{
    if (!is_anyset(b))
        return NotImplemented;
    Object *r = set_intersection(a, b);
    if (!r)
        return NULL;
    set_take(a, r);
    return a;
}

static Object *set_isub(Object *a, Object *b)
{
    if (!is_anyset(b))
        return NotImplemented;
    return difference_update(a, b) < 0 ? NULL : a;
}

static Object *set_ixor(Object *a, Object *b)
{
    if (!is_anyset(b))
        return NotImplemented;
    return symmetric_difference_update(a, b) < 0 ? NULL : a;
}

static Object *set_tp_new(Object *cls, Object *const *args, size_t nargs, Object *kw)
{
    Type *t = (Type *)cls;
    bool frozen = type_is_subtype(t, vm.t_frozenset);
    if ((t == vm.t_set || t == vm.t_frozenset) && args_no_kw(type_name(t), kw) < 0)
        return NULL;
    if (frozen && args_count(type_name(t), nargs, 0, 1) < 0)
        return NULL;
    if (frozen && t == vm.t_frozenset && nargs && !is_small(args[0])
        && args[0]->type == vm.t_frozenset)
        return args[0];
    Object *s = set_new(t);
    if (s && nargs && frozen && set_update(s, args[0]) < 0)
        return NULL;
    return s;
}

static int set_init(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (is_frozen(self))
        return 0;
    if (type_of(self) == vm.t_set && args_no_kw("set", kw) < 0)
        return -1;
    if (args_count("set", nargs, 0, 1) < 0)
        return -1;
    set_clear_all(self);
    return nargs ? set_update(self, args[0]) : 0;
}

/* ---- methods ------------------------------------------------------------------- */

static Object *m_add(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("set.add", kw, nargs, 1) < 0 || set_add(self, args[0]) < 0)
        return NULL;
    return None;
}

static Object *m_clear(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("set.clear", kw, nargs, 0) < 0)
        return NULL;
    set_clear_all(self);
    return None;
}

static Object *m_copy(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("copy", kw, nargs, 0) < 0)
        return NULL;
    if (!is_small(self) && self->type == vm.t_frozenset)
        return self;
    return set_copy(self);
}

static Object *m_discard(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("set.discard", kw, nargs, 1) < 0 || set_discard_key(self, args[0]) < 0)
        return NULL;
    return None;
}

static Object *m_remove(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("set.remove", kw, nargs, 1) < 0)
        return NULL;
    int r = set_discard_key(self, args[0]);
    if (r < 0)
        return NULL;
    if (r == 0) {
        Object *a = tuple_pack(1, args[0]);
        return a ? raise_object(exception_new(vm.e_KeyError, a)) : NULL;
    }
    return None;
}

static Object *m_pop(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("set.pop", kw, nargs, 0) < 0)
        return NULL;
    DictTable *t = table_of(self);
    if (!t || t->live == 0)
        return raise(vm.e_KeyError, "pop from an empty set");
    Set *s = (Set *)self;
    size_t mask = t->nslots - 1, i = (size_t)s->hash & mask;
    while (!t->entries[i].key)
        i = (i + 1) & mask;
    Object *k = t->entries[i].key;
    slot_write(t, i);
    t->entries[i].key = NULL;
    t->entries[i].hash = -1;
    header_write(t);
    t->live--;
    obj_write(self);
    s->hash = (int64_t)(i + 1);
    return k;
}

static Object *m_union(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_no_kw("union", kw) < 0)
        return NULL;
    Object *r = set_copy(self);
    for (size_t i = 0; r && i < nargs; i++)
        if (args[i] != self && set_update(r, args[i]) < 0)
            return NULL;
    return r;
}

static Object *m_update(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_no_kw("update", kw) < 0)
        return NULL;
    for (size_t i = 0; i < nargs; i++)
        if (set_update(self, args[i]) < 0)
            return NULL;
    return None;
}

static Object *m_intersection(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_no_kw("intersection", kw) < 0)
        return NULL;
    Object *r = self;
    for (size_t i = 0; r && i < nargs; i++)
        r = set_intersection(r, args[i]);
    return r == self ? set_copy(self) : r;
}

static Object *m_intersection_update(Object *self, Object *const *args, size_t nargs,
                                     Object *kw)
{
    Object *r = m_intersection(self, args, nargs, kw);
    if (!r)
        return NULL;
    set_take(self, r);
    return None;
}

static Object *m_difference(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_no_kw("difference", kw) < 0)
        return NULL;
    if (nargs == 0)
        return set_copy(self);
    Object *r = set_difference(self, args[0]);
    for (size_t i = 1; r && i < nargs; i++)
        if (difference_update(r, args[i]) < 0)
            return NULL;
    return r;
}

static Object *m_difference_update(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_no_kw("difference_update", kw) < 0)
        return NULL;
    for (size_t i = 0; i < nargs; i++)
        if (difference_update(self, args[i]) < 0)
            return NULL;
    return None;
}

static Object *m_symmetric_difference(Object *self, Object *const *args, size_t nargs,
                                      Object *kw)
{
    if (args_exact("symmetric_difference", kw, nargs, 1) < 0)
        return NULL;
    return set_symmetric_difference(self, args[0]);
}

static Object *m_symmetric_difference_update(Object *self, Object *const *args, size_t nargs,
                                             Object *kw)
{
    if (args_exact("symmetric_difference_update", kw, nargs, 1) < 0
        || symmetric_difference_update(self, args[0]) < 0)
        return NULL;
    return None;
}

#define PREDICATE(name, fn)                                                            \
    static Object *m_##name(Object *self, Object *const *args, size_t nargs, Object *kw) \
    {                                                                                  \
        if (args_exact(#name, kw, nargs, 1) < 0)                                       \
            return NULL;                                                               \
        int r = fn(self, args[0]);                                                     \
        return r < 0 ? NULL : bool_obj(r);                                             \
    }
PREDICATE(issubset, set_issubset)
PREDICATE(issuperset, set_issuperset)
PREDICATE(isdisjoint, set_isdisjoint)

static Object *m_sizeof(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    DictTable *t = table_of(self);
    size_t slots = t ? t->nslots : SET_MINSIZE;
    return make_small((intptr_t)(200 + (slots > SET_MINSIZE ? slots * 16 : 0)));
}

static Object *m_reduce(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    Object *l = list_from_iterable(self);
    Object *a = l ? tuple_pack(1, l) : NULL;
    Object *d = instance_dict(self, false);
    return a ? tuple_pack(3, (Object *)type_of(self), a, d ? d : None) : NULL;
}

SLOT_METHODS(set, vm.t_set)
SLOT_METHODS(frozenset, vm.t_frozenset)

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
        t->richcompare = set_richcompare;
        t->getattr = generic_getattr;
        t->setattr = generic_setattr;
        t->binary[NB_OR] = set_or;
        t->binary[NB_AND] = set_and;
        t->binary[NB_SUBTRACT] = set_sub;
        t->binary[NB_XOR] = set_xor;
        static const MethodDef common[] = {
            { "copy", m_copy, 0 }, { "union", m_union, 0 },
            { "intersection", m_intersection, 0 }, { "difference", m_difference, 0 },
            { "symmetric_difference", m_symmetric_difference, 0 },
            { "issubset", m_issubset, 0 }, { "issuperset", m_issuperset, 0 },
            { "isdisjoint", m_isdisjoint, 0 }, { "__sizeof__", m_sizeof, 0 },
            { "__reduce__", m_reduce, 0 },
            { "__class_getitem__", class_getitem, METH_CLASS },
            { NULL, NULL, 0 },
        };
        type_add_methods(t, common);
    }
    vm.t_frozenset->hash = frozenset_hash;
    vm.t_set->hash = hash_not_implemented;
    Type *t = vm.t_set;
    t->binary[NB_INPLACE + NB_OR] = set_ior;
    t->binary[NB_INPLACE + NB_AND] = set_iand;
    t->binary[NB_INPLACE + NB_SUBTRACT] = set_isub;
    t->binary[NB_INPLACE + NB_XOR] = set_ixor;
    static const MethodDef set_methods[] = {
        { "add", m_add, 0 }, { "clear", m_clear, 0 }, { "discard", m_discard, 0 },
        { "remove", m_remove, 0 }, { "pop", m_pop, 0 }, { "update", m_update, 0 },
        { "intersection_update", m_intersection_update, 0 },
        { "difference_update", m_difference_update, 0 },
        { "symmetric_difference_update", m_symmetric_difference_update, 0 },
        { NULL, NULL, 0 },
    };
    type_add_methods(t, set_methods);
    type_add_slot_methods(vm.t_set, set_slot_methods);
    dict_set_cstr(vm.t_set->dict, "__hash__", None);
    type_add_slot_methods(vm.t_frozenset, frozenset_slot_methods);
    vm.t_set_iterator->next = set_iter_next;
    static const MethodDef iter_methods[] = {
        { "__length_hint__", set_iter_length_hint, 0 },
        { NULL, NULL, 0 },
    };
    type_add_methods(vm.t_set_iterator, iter_methods);
}
