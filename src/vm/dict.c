/*
** dict: an insertion-ordered hash table.  Sets use the same tables
** without values (set.c).
**
** Layout.  A Dict points to one DictTable object that holds, one after the
** other: the header (slot count, usable entries, entries used, live
** entries), `usable` DictEntry records {key, value, hash} in insertion
** order (a deleted one has key NULL), then the index: one int32 per slot,
** EMPTY, DELETED or an entry number, probed with CPython's perturbation
** scheme.
**
** Barriers.  The table is written card by card: each write marks the card
** (128 words) of the word it changes, the card index being the word offset
** from the start of the table (heap.c traces a dirty card's entries only).
** So in the STM flavour, replacing the value of an existing key touches
** that entry's card alone, and two threads updating different keys of a
** big dict do not conflict.  Adding or removing a key also changes the
** header's counts (card 0) and the Dict's version, which is right: the
** dict's size changes.  A resize builds a new table, a young object that
** needs no barrier, and writes the Dict.  Tables under STM_CARD_MIN_SIZE
** have no cards and are written whole, as before.  In the GIL flavour the
** card barrier is the same flag test as obj_write.  Reads still mark the
** table as a whole (obj_read): for readers and writers of different keys
** not to conflict either, the STM flavour must check read markers at card
** granularity too, and table_find would then mark the cards it probes.
**
** The Dict's version changes when the set of keys changes (insertion,
** deletion, clear, resize), not when a value is replaced: caches of entry
** positions stay valid across value updates, and updates stay per entry.
*/
#include <string.h>

#include "vm/container.h"

static inline int32_t STM_SEG *index_of(DictTable *t)
{
    return (int32_t STM_SEG *)&t->entries[t->usable];
}

/* Marks the cards of bytes [p, p + size) of the table as written. */
static inline void table_write(DictTable *t, const void STM_SEG *p, size_t size)
{
    size_t first = ((uintptr_t)p - (uintptr_t)t) >> 3;
    size_t last = ((uintptr_t)p + size - 1 - (uintptr_t)t) >> 3;
    stm_write_card((stm_obj *)t, first);
    if ((last >> STM_CARD_SHIFT) != (first >> STM_CARD_SHIFT))
        stm_write_card((stm_obj *)t, last);
}

#define TABLE_WRITE_FIELD(t, lvalue) table_write(t, &(lvalue), sizeof(lvalue))

static Type *t_reverse_iter[3];

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

static inline bool is_dict(Object *v) { return !is_small(v) && layout_of(v) == L_DICT; }

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

/* A new table with room for `need` live entries, holding the live entries
   of `old` in order. */
static DictTable *table_resize(DictTable *old, uint32_t need)
{
    uint32_t nslots = 8;
    while (nslots * 2 / 3 < need)
        nslots *= 2;
    DictTable *t = dict_table_new(nslots);
    if (!t || !old)
        return t;
    obj_read((Object *)old);
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

/* A table replaced by a bigger or compacted one holds nothing any more:
   a stale copy of its address in some C frame (the stack is scanned
   conservatively) would otherwise keep every old value alive. */
static void table_retire(DictTable *old)
{
    if (!old)
        return;
    TABLE_WRITE_FIELD(old, old->used);
    old->used = 0;
    TABLE_WRITE_FIELD(old, old->live);
    old->live = 0;
}

/* Sets key to value in *tablep (owner's field, written on resize). */
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
            DictEntry STM_SEG *e = &t->entries[ix];
            if (e->value != value) {
                TABLE_WRITE_FIELD(t, e->value);
                e->value = value;
            }
            if (added)
                *added = false;
            return 0;
        }
    }
    if (!t || t->used >= t->usable) {
        DictTable *nt = table_resize(t, (t ? t->live : 0) * 3 + 1);
        if (!nt)
            return -1;
        obj_write(owner);
        table_retire(t);
        *tablep = t = nt;
        table_find(t, key, hash, &slot);
    }
    uint32_t n = t->used;
    DictEntry STM_SEG *e = &t->entries[n];
    table_write(t, e, sizeof *e);
    e->key = key;
    e->value = value;
    e->hash = hash;
    int32_t STM_SEG *ip = &index_of(t)[slot];
    TABLE_WRITE_FIELD(t, *ip);
    *ip = (int32_t)n;
    TABLE_WRITE_FIELD(t, t->used);
    t->used = n + 1;
    t->live++;
    if (added)
        *added = true;
    return 0;
}

static inline void dict_changed(Object *d)
{
    obj_write(d);
    ((Dict *)d)->version++;
}

int dict_set(Object *d, Object *key, Object *value)
{
    int64_t h = obj_hash(key);
    if (h == -1)
        return -1;
    obj_read(d);
    bool added;
    if (table_insert(d, &((Dict *)d)->table, key, h, value, &added) < 0)
        return -1;
    if (added)
        dict_changed(d);
    return 0;
}

int dict_set_cstr(Object *d, const char *key, Object *value)
{
    Object *k = intern_cstr(key);
    return k ? dict_set(d, k, value) : -1;
}

/* Removes entry ix whose index slot is `slot`. */
static void table_remove_at(DictTable *t, uint32_t slot, uint32_t ix, Object **old_value)
{
    int32_t STM_SEG *ip = &index_of(t)[slot];
    TABLE_WRITE_FIELD(t, *ip);
    *ip = DICT_DELETED;
    DictEntry STM_SEG *e = &t->entries[ix];
    if (old_value)
        *old_value = e->value;
    table_write(t, e, 2 * sizeof(Object *));
    e->key = NULL;
    e->value = NULL;
    TABLE_WRITE_FIELD(t, t->live);
    t->live--;
    /* Entries are not reused (`used` never shrinks): the index slot stays
       DELETED, and resizing when used reaches usable is what keeps EMPTY
       slots in the index, without which look-ups would never end. */
}

/* The index slot that holds entry ix of a key with this hash. */
static uint32_t slot_of(DictTable *t, int64_t hash, uint32_t ix)
{
    int32_t STM_SEG *index = index_of(t);
    uint32_t mask = t->nslots - 1;
    uint64_t perturb = (uint64_t)hash;
    uint32_t i = (uint32_t)hash & mask;
    while (index[i] != (int32_t)ix) {
        perturb >>= 5;
        i = (uint32_t)((i * 5 + perturb + 1) & mask);
    }
    return i;
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
    table_remove_at(t, slot_of(t, hash, (uint32_t)ix), (uint32_t)ix, old_value);
    return 1;
}

static Object *raise_key_error(Object *key)
{
    Object *args = tuple_pack(1, key);
    return args ? raise_object(exception_new(vm.e_KeyError, args)) : NULL;
}

/* 1 removed (*old set), 0 missing, -1 error. */
static int dict_pop_item(Object *d, Object *key, Object **old)
{
    int64_t h = obj_hash(key);
    if (h == -1)
        return -1;
    obj_read(d);
    int r = table_remove(((Dict *)d)->table, key, h, old);
    if (r > 0)
        dict_changed(d);
    return r;
}

int dict_del(Object *d, Object *key)
{
    Object *old;
    int r = dict_pop_item(d, key, &old);
    if (r == 0)
        raise_key_error(key);
    return r > 0 ? 0 : -1;
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

/* Copies every item of other (a dict) into d. */
int dict_update(Object *d, Object *other)
{
    if (dict_size(d) == 0 && d != other && dict_size(other) > 0) {
        /* Into an empty dict: one table of the right size, no look-ups
           against existing keys. */
        obj_read(other);
        DictTable *t = table_resize(((Dict *)other)->table, (uint32_t)dict_size(other));
        if (!t)
            return -1;
        obj_write(d);
        ((Dict *)d)->table = t;
        ((Dict *)d)->version++;
        return 0;
    }
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
    int g = repr_enter(d);
    if (g)
        return g > 0 ? str_from_cstr("{...}") : NULL;
    Object *parts = list_new(0), *colon = str_from_cstr(": "), *r = NULL;
    size_t pos = 0;
    Object *k, *v;
    bool ok = parts && colon;
    while (ok && dict_next(d, &pos, &k, &v)) {
        Object *kr = obj_repr(k), *vr = kr ? obj_repr(v) : NULL;
        Object *item = vr ? str_concat(str_concat(kr, colon), vr) : NULL;
        ok = item && list_append(parts, item) == 0;
    }
    if (ok) {
        Object *body = str_join(str_from_cstr(", "), parts);
        r = body ? str_concat(str_concat(str_from_cstr("{"), body), str_from_cstr("}")) : NULL;
    }
    repr_leave(d);
    return r;
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
            Type *mt = type_of(missing);
            if (mt == vm.t_function || mt == vm.t_method_descriptor)
                return obj_call(missing, argv, 2, NULL);
            Object *bound = mt->descr_get ? mt->descr_get(missing, d, type_of(d)) : missing;
            return bound ? obj_call1(bound, key) : NULL;
        }
    }
    return raise_key_error(key);
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
    if (!is_dict(a) || !is_dict(b))
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

/* ---- iterators ---------------------------------------------------------------
   An Iter over a dict: index is the entry position (counting down for the
   reverse ones), `end` the size seen at the start, -1 once a change was
   reported (which stays reported, as in CPython), `step` the kind. */
enum { KIND_KEYS, KIND_VALUES, KIND_ITEMS };

static Object *dict_iter_new(Object *d, int kind, bool reverse)
{
    static Type *const *fwd[3] = { &vm.t_dict_keyiterator, &vm.t_dict_valueiterator,
                                   &vm.t_dict_itemiterator };
    Type *t = reverse ? t_reverse_iter[kind] : *fwd[kind];
    Iter *it = (Iter *)vm_alloc(sizeof(struct Iter), L_ITER, t);
    if (!it)
        return NULL;
    it->seq = d;
    it->end = (intptr_t)dict_size(d);
    it->step = kind;
    if (reverse) {
        obj_read(d);
        DictTable *tb = ((Dict *)d)->table;
        if (tb)
            obj_read((Object *)tb);
        it->index = tb ? (intptr_t)tb->used - 1 : -1;
    }
    return (Object *)it;
}

static Object *dict_iter(Object *d) { return dict_iter_new(d, KIND_KEYS, false); }

static Object *dict_iter_result(int kind, Object *k, Object *v)
{
    return kind == KIND_KEYS ? k : kind == KIND_VALUES ? v : tuple_pack(2, k, v);
}

/* The dict an iterator walks, or NULL: exhausted (no exception) or the
   dict changed size since the iterator was made (RuntimeError). */
static Object *iter_dict_unchanged(Iter *it)
{
    Object *o = (Object *)it;
    obj_read(o);
    Object *d = it->seq;
    if (!d)
        return NULL;
    if ((intptr_t)dict_size(d) != it->end) {
        obj_write(o);
        it->end = -1;
        return raise(vm.e_RuntimeError, "dictionary changed size during iteration");
    }
    return d;
}

static Object *dict_iter_next(Object *o)
{
    Iter *it = (Iter *)o;
    Object *d = iter_dict_unchanged(it);
    if (!d)
        return NULL;
    size_t pos = (size_t)it->index;
    Object *k, *v;
    bool more = dict_next(d, &pos, &k, &v);
    obj_write(o);
    it->index = (intptr_t)pos;
    if (!more) {
        it->seq = NULL;
        return NULL;
    }
    return dict_iter_result((int)it->step, k, v);
}

static Object *dict_reviter_next(Object *o)
{
    Iter *it = (Iter *)o;
    Object *d = iter_dict_unchanged(it);
    if (!d)
        return NULL;
    obj_read(d);
    DictTable *t = ((Dict *)d)->table;
    obj_write(o);
    if (t) {
        obj_read((Object *)t);
        for (intptr_t i = it->index; i >= 0 && i < (intptr_t)t->used; i--) {
            DictEntry STM_SEG *e = &t->entries[i];
            if (e->key) {
                it->index = i - 1;
                return dict_iter_result((int)it->step, e->key, e->value);
            }
        }
    }
    it->seq = NULL;
    return NULL;
}

static Object *dict_iter_length_hint(Object *self, Object *const *args, size_t nargs,
                                     Object *kw)
{
    Iter *it = (Iter *)self;
    obj_read(self);
    if (!it->seq || it->end < 0)
        return make_small(0);
    /* Live entries after the position: at most the size. */
    size_t pos = (size_t)it->index, n = 0;
    Object *k, *v;
    if (type_of(self) == t_reverse_iter[0] || type_of(self) == t_reverse_iter[1]
        || type_of(self) == t_reverse_iter[2]) {
        obj_read(it->seq);
        DictTable *t = ((Dict *)it->seq)->table;
        if (t)
            obj_read((Object *)t);
        for (intptr_t i = it->index; t && i >= 0 && i < (intptr_t)t->used; i--)
            n += t->entries[i].key != NULL;
        return make_small((intptr_t)n);
    }
    while (dict_next(it->seq, &pos, &k, &v))
        n++;
    return make_small((intptr_t)n);
}

/* ---- views: keys(), values(), items() ------------------------------------------
   An Iter whose seq is the dict and step the kind. */

static Object *view_new(Object *d, int kind)
{
    static Type *const *types[3] = { &vm.t_dict_keys, &vm.t_dict_values, &vm.t_dict_items };
    Iter *it = (Iter *)vm_alloc(sizeof(struct Iter), L_ITER, *types[kind]);
    if (it) {
        it->seq = d;
        it->step = kind;
    }
    return (Object *)it;
}

static Object *m_keys(Object *s, Object *const *a, size_t n, Object *kw)
{
    return args_exact("keys", kw, n, 0) < 0 ? NULL : view_new(s, KIND_KEYS);
}
static Object *m_values(Object *s, Object *const *a, size_t n, Object *kw)
{
    return args_exact("values", kw, n, 0) < 0 ? NULL : view_new(s, KIND_VALUES);
}
static Object *m_items(Object *s, Object *const *a, size_t n, Object *kw)
{
    return args_exact("items", kw, n, 0) < 0 ? NULL : view_new(s, KIND_ITEMS);
}

static inline Object *view_dict(Object *v) { return ((Iter *)v)->seq; }
static inline int view_kind(Object *v) { return (int)((Iter *)v)->step; }

static bool is_set_view(Object *v)
{
    Type *t = type_of(v);
    return t == vm.t_dict_keys || t == vm.t_dict_items;
}

static Object *view_iter(Object *v) { return dict_iter_new(view_dict(v), view_kind(v), false); }
static intptr_t view_length(Object *v) { return (intptr_t)dict_size(view_dict(v)); }

static Object *view_repr(Object *v)
{
    int g = repr_enter(v);
    if (g)
        return g > 0 ? str_from_cstr("...") : NULL;
    Object *l = list_from_iterable(v);
    Object *r = l ? obj_repr(l) : NULL;
    repr_leave(v);
    if (!r)
        return NULL;
    Object *pre = str_format("%s(", type_name(type_of(v)));
    return pre ? str_concat(str_concat(pre, r), str_from_cstr(")")) : NULL;
}

static int view_contains(Object *v, Object *x)
{
    Object *d = view_dict(v);
    switch (view_kind(v)) {
    case KIND_KEYS:
        return dict_contains(d, x);
    case KIND_ITEMS: {
        Object *t = tuple_value(x);
        if (!t || tuple_size(t) != 2)
            return 0;
        Object *w;
        int r = dict_lookup(d, tuple_get(t, 0), &w);
        return r <= 0 ? r : obj_richcompare_bool(w, tuple_get(t, 1), CMP_EQ);
    }
    default: {
        size_t pos = 0;
        Object *k, *w;
        while (dict_next(d, &pos, &k, &w)) {
            int r = obj_richcompare_bool(w, x, CMP_EQ);
            if (r)
                return r;
        }
        return 0;
    }
    }
}

static Object *view_reversed(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return dict_iter_new(view_dict(self), view_kind(self), true);
}

static Object *view_mapping_get(Object *self);

/* Set operations: the result is a set, as in CPython. */
static Object *view_binary(Object *a, Object *b, BinOp op)
{
    if (op == NB_AND && !is_set_view(a)) {
        Object *t = a;
        a = b;
        b = t;
    }
    Object *s = set_new(vm.t_set);
    if (!s || set_update(s, a) < 0)
        return NULL;
    const char *name = op == NB_AND ? "intersection_update" : op == NB_OR ? "update"
                     : op == NB_SUBTRACT ? "difference_update" : "symmetric_difference_update";
    Object *m = obj_getattr_cstr(s, name);
    return m && obj_call1(m, b) ? s : NULL;
}

static Object *view_and(Object *a, Object *b) { return view_binary(a, b, NB_AND); }
static Object *view_or(Object *a, Object *b) { return view_binary(a, b, NB_OR); }
static Object *view_sub(Object *a, Object *b) { return view_binary(a, b, NB_SUBTRACT); }
static Object *view_xor(Object *a, Object *b) { return view_binary(a, b, NB_XOR); }

/* 1 when every item of a is in b. */
static int all_contained_in(Object *a, Object *b)
{
    Object *it = obj_iter(a);
    if (!it)
        return -1;
    for (;;) {
        Object *x = obj_next(it);
        if (!x)
            return exc_occurred() ? -1 : 1;
        int r = obj_contains(b, x);
        if (r <= 0)
            return r;
    }
}

static bool is_anyset(Object *v)
{
    return !is_small(v) && layout_of(v) == L_SETOBJ;
}

static Object *view_richcompare(Object *a, Object *b, CmpOp op)
{
    if (!is_set_view(a) || !(is_set_view(b) || is_anyset(b)))
        return NotImplemented;
    intptr_t na = obj_length(a), nb = obj_length(b);
    if (na < 0 || nb < 0)
        return NULL;
    int r;
    switch (op) {
    case CMP_EQ: case CMP_NE:
        r = na == nb ? all_contained_in(a, b) : 0;
        if (r >= 0 && op == CMP_NE)
            r = !r;
        break;
    case CMP_LT: r = na < nb ? all_contained_in(a, b) : 0; break;
    case CMP_LE: r = na <= nb ? all_contained_in(a, b) : 0; break;
    case CMP_GT: r = na > nb ? all_contained_in(b, a) : 0; break;
    default: r = na >= nb ? all_contained_in(b, a) : 0; break;
    }
    return r < 0 ? NULL : bool_obj(r);
}

static Object *view_isdisjoint(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("isdisjoint", kw, nargs, 1) < 0)
        return NULL;
    Object *other = args[0];
    if (other == self)
        return bool_obj(dict_size(view_dict(self)) == 0);
    /* Iterate over the smaller side when both have a cheap length. */
    Object *a = self, *b = other;
    if (is_set_view(other) || is_anyset(other)) {
        intptr_t na = obj_length(self), nb = obj_length(other);
        if (na < 0 || nb < 0)
            return NULL;
        if (nb < na) {
            a = other;
            b = self;
        }
    }
    Object *it = obj_iter(b == self ? a : b);
    Object *container = b == self ? self : a;
    if (!it)
        return NULL;
    for (;;) {
        Object *x = obj_next(it);
        if (!x)
            return exc_occurred() ? NULL : True_;
        int r = obj_contains(container, x);
        if (r < 0)
            return NULL;
        if (r)
            return False_;
    }
}

/* ---- mappingproxy: a read-only view of a mapping (an Iter, seq the mapping) */

Object *mappingproxy_new(Object *mapping)
{
    Iter *p = (Iter *)vm_alloc(sizeof(struct Iter), L_ITER, vm.t_mappingproxy);
    if (p)
        p->seq = mapping;
    return (Object *)p;
}

static Object *view_mapping_get(Object *self) { return mappingproxy_new(view_dict(self)); }

/* types.MappingProxyType(mapping): enum builds its __members__ this way. */
static Object *mp_tp_new(Object *cls, Object *const *args, size_t nargs, Object *kw)
{
    static const char *const names[] = { "mapping", NULL };
    Object *m;
    (void)cls;
    if (args_parse("mappingproxy", args, nargs, kw, names, 1, 1, &m) < 0)
        return NULL;
    Type *t = type_of(m);
    if (!t->getitem || type_is_subtype(t, vm.t_list) || type_is_subtype(t, vm.t_tuple))
        return raise(vm.e_TypeError, "mappingproxy() argument must be a mapping, not %s",
                     type_name(t));
    return mappingproxy_new(m);
}

static Object *mp_getitem(Object *p, Object *key) { return obj_getitem(((Iter *)p)->seq, key); }
static intptr_t mp_length(Object *p) { return obj_length(((Iter *)p)->seq); }
static Object *mp_iter(Object *p) { return obj_iter(((Iter *)p)->seq); }
static int mp_contains(Object *p, Object *key) { return obj_contains(((Iter *)p)->seq, key); }
static Object *mp_repr(Object *p)
{
    Object *r = obj_repr(((Iter *)p)->seq);
    Object *pre = str_from_cstr("mappingproxy(");
    return r && pre ? str_concat(str_concat(pre, r), str_from_cstr(")")) : NULL;
}
static Object *mp_str(Object *p) { return obj_str(((Iter *)p)->seq); }
static Object *mp_richcompare(Object *a, Object *b, CmpOp op)
{
    return obj_richcompare(((Iter *)a)->seq, b, op);
}

static Object *mp_forward(Object *self, const char *name, Object *const *args, size_t nargs,
                          Object *kw)
{
    Object *m = obj_getattr_cstr(((Iter *)self)->seq, name);
    return m ? obj_call(m, args, nargs, kw) : NULL;
}
#define MP_METHOD(name)                                                              \
    static Object *mp_##name(Object *s, Object *const *a, size_t n, Object *kw)     \
    {                                                                                \
        return mp_forward(s, #name, a, n, kw);                                       \
    }
MP_METHOD(keys) MP_METHOD(values) MP_METHOD(items) MP_METHOD(get) MP_METHOD(copy)

/* ---- methods ----------------------------------------------------------------- */

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
    int r = dict_pop_item(self, args[0], &v);
    if (r < 0)
        return NULL;
    if (r)
        return v;
    return nargs == 2 ? args[1] : raise_key_error(args[0]);
}

static Object *m_popitem(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("popitem", kw, nargs, 0) < 0)
        return NULL;
    obj_read(self);
    DictTable *t = ((Dict *)self)->table;
    if (t)
        obj_read((Object *)t);
    if (!t || t->live == 0)
        return raise(vm.e_KeyError, "popitem(): dictionary is empty");
    /* Compacting once half the entries are deleted keeps the backward
       scan below amortised O(1). */
    if (t->used > 2 * t->live + 8) {
        DictTable *nt = table_resize(t, t->live);
        if (!nt)
            return NULL;
        obj_write(self);
        table_retire(t);
        ((Dict *)self)->table = t = nt;
    }
    uint32_t ix = t->used;
    while (!t->entries[ix - 1].key)
        ix--;
    ix--;
    DictEntry STM_SEG *e = &t->entries[ix];
    Object *k = e->key, *v;
    table_remove_at(t, slot_of(t, e->hash, ix), ix, &v);
    dict_changed(self);
    return tuple_pack(2, k, v);
}

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

static Object *dict_copy(Object *self)
{
    Object *d = dict_new();
    return d && dict_update(d, self) == 0 ? d : NULL;
}

static Object *m_copy(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return args_exact("copy", kw, nargs, 0) < 0 ? NULL : dict_copy(self);
}

static Object *m_clear(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("clear", kw, nargs, 0) < 0)
        return NULL;
    obj_write(self);
    ((Dict *)self)->table = NULL;
    ((Dict *)self)->version++;
    return None;
}

static Object *m_fromkeys(Object *cls, Object *const *args, size_t nargs, Object *kw)
{
    if (args_no_kw("fromkeys", kw) < 0 || args_count("fromkeys", nargs, 1, 2) < 0)
        return NULL;
    Object *value = nargs == 2 ? args[1] : None;
    Object *d = obj_call0(cls);
    if (!d)
        return NULL;
    bool exact = type_of(d) == vm.t_dict;
    Object *it = obj_iter(args[0]);
    if (!it)
        return NULL;
    for (;;) {
        Object *k = obj_next(it);
        if (!k)
            return exc_occurred() ? NULL : d;
        if ((exact ? dict_set(d, k, value) : obj_setitem(d, k, value)) < 0)
            return NULL;
    }
}

static Object *m_reversed(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("__reversed__", kw, nargs, 0) < 0)
        return NULL;
    return dict_iter_new(self, KIND_KEYS, true);
}

static Object *m_sizeof(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    obj_read(self);
    DictTable *t = ((Dict *)self)->table;
    size_t n = sizeof(struct Dict);
    if (t)
        n += sizeof(struct DictTable) + t->usable * sizeof(DictEntry) + t->nslots * sizeof(int32_t);
    return make_small((intptr_t)n);
}

static Object *dict_or(Object *a, Object *b)
{
    if (!is_dict(a) || !is_dict(b))
        return NotImplemented;
    Object *d = dict_copy(a);
    return d && dict_update(d, b) == 0 ? d : NULL;
}

static Object *dict_ior(Object *a, Object *b)
{
    return dict_update_from(a, b) < 0 ? NULL : a;
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
    if (is_dict(other) && type_of(other)->iter == vm.t_dict->iter)
        return dict_update(d, other);
    Object *keys_name = intern_cstr("keys");
    if (type_lookup(type_of(other), keys_name)) {
        Object *km = obj_getattr(other, keys_name);
        Object *keys = km ? obj_call0(km) : NULL;
        Object *it = keys ? obj_iter(keys) : NULL;
        if (!it)
            return -1;
        for (Object *k; (k = obj_next(it));) {
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

SLOT_METHODS(dict, vm.t_dict)

Object *getset_new(Type *owner, const char *name, Object *(*get)(Object *),
                   int (*set)(Object *, Object *));

void dict_type_init(void)
{
    static const char *const rev_names[3] = {
        "dict_reversekeyiterator", "dict_reversevalueiterator", "dict_reverseitemiterator",
    };
    for (int i = 0; i < 3; i++) {
        stm_add_root((stm_obj **)&t_reverse_iter[i]);
        t_reverse_iter[i] = type_new_builtin(rev_names[i], vm.t_object, L_ITER, 0, 0);
        t_reverse_iter[i]->next = dict_reviter_next;
        iter_type_add_methods(t_reverse_iter[i]);
    }
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
    t->binary[NB_OR] = dict_or;
    t->binary[NB_INPLACE + NB_OR] = dict_ior;
    vm.t_dict_keyiterator->next = dict_iter_next;
    vm.t_dict_valueiterator->next = dict_iter_next;
    vm.t_dict_itemiterator->next = dict_iter_next;
    static const MethodDef iter_methods[] = {
        { "__length_hint__", dict_iter_length_hint, 0 },
        { NULL, NULL, 0 },
    };
    Type *iters[6] = { vm.t_dict_keyiterator, vm.t_dict_valueiterator, vm.t_dict_itemiterator,
                       t_reverse_iter[0], t_reverse_iter[1], t_reverse_iter[2] };
    for (int i = 0; i < 6; i++)
        type_add_methods(iters[i], iter_methods);
    static const MethodDef view_methods[] = {
        { "__reversed__", view_reversed, 0 },
        { NULL, NULL, 0 },
    };
    static const MethodDef setview_methods[] = {
        { "isdisjoint", view_isdisjoint, 0 },
        { NULL, NULL, 0 },
    };
    Type *views[3] = { vm.t_dict_keys, vm.t_dict_values, vm.t_dict_items };
    for (int i = 0; i < 3; i++) {
        Type *v = views[i];
        v->iter = view_iter;
        v->length = view_length;
        v->repr = view_repr;
        v->contains = view_contains;
        type_add_methods(v, view_methods);
        getset_new(v, "mapping", view_mapping_get, NULL);
        /* values views hash by identity; the set-like ones are unhashable. */
        if (v == vm.t_dict_values)
            continue;
        v->hash = hash_not_implemented;
        dict_set_cstr(v->dict, "__hash__", None);
        v->richcompare = view_richcompare;
        v->binary[NB_AND] = view_and;
        v->binary[NB_OR] = view_or;
        v->binary[NB_SUBTRACT] = view_sub;
        v->binary[NB_XOR] = view_xor;
        type_add_methods(v, setview_methods);
    }
    Type *mp = vm.t_mappingproxy;
    mp->getitem = mp_getitem;
    mp->length = mp_length;
    mp->iter = mp_iter;
    mp->contains = mp_contains;
    mp->repr = mp_repr;
    mp->str = mp_str;
    mp->richcompare = mp_richcompare;
    mp->tp_new = mp_tp_new;
    static const MethodDef mp_methods[] = {
        { "keys", mp_keys, 0 }, { "values", mp_values, 0 }, { "items", mp_items, 0 },
        { "get", mp_get, 0 }, { "copy", mp_copy, 0 },
        { NULL, NULL, 0 },
    };
    type_add_methods(mp, mp_methods);
    static const MethodDef methods[] = {
        { "keys", m_keys, 0 }, { "values", m_values, 0 }, { "items", m_items, 0 },
        { "get", m_get, 0 }, { "setdefault", m_setdefault, 0 }, { "pop", m_pop, 0 },
        { "popitem", m_popitem, 0 }, { "update", m_update, 0 }, { "copy", m_copy, 0 },
        { "clear", m_clear, 0 }, { "fromkeys", m_fromkeys, METH_CLASS },
        { "__reversed__", m_reversed, 0 }, { "__sizeof__", m_sizeof, 0 },
        { "__class_getitem__", class_getitem, METH_CLASS },
        { NULL, NULL, 0 },
    };
    type_add_methods(t, methods);
    type_add_slot_methods(t, dict_slot_methods);
    dict_set_cstr(t->dict, "__hash__", None);
}
