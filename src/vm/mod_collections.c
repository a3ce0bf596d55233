/*
** The _collections module: deque, defaultdict, _count_elements,
** _tuplegetter and the deque iterators.  (OrderedDict comes from
** collections/__init__.py, written in Python.)
**
** A deque has the list layout extended with C fields: `items` is a ring
** buffer (an Array whose capacity is a power of two), `size` the length,
** `head` the ring position of the first item.  Sharing the list layout
** gives deque subclasses their __dict__ through the same slot.  Ring slots
** are written card by card, so appends at one end and pops at the other
** touch different cards of a big deque.
*/
#include <string.h>

#include "vm/container.h"

typedef STM_SEG struct Deque Deque;
struct Deque {
    OBJECT_HEAD;
    Array *items;               /* the ring, NULL while never used */
    Object *dict;
    size_t size;
    size_t head;
    intptr_t maxlen;            /* -1: unbounded */
    uint64_t state;             /* bumped by every change: iterators check it */
};

static Type *t_deque, *t_deque_iter, *t_deque_reviter, *t_defaultdict, *t_tuplegetter;

static inline bool is_deque(Object *v)
{
    return !is_small(v) && type_is_subtype(type_of(v), t_deque);
}

static inline Deque *dq_read(Object *o)
{
    obj_read(o);
    Deque *d = (Deque *)o;
    if (d->items)
        obj_read((Object *)d->items);
    return d;
}

static inline size_t ring_pos(Deque *d, size_t i)
{
    return (d->head + i) & (d->items->capacity - 1);
}

static inline Object *dq_get(Deque *d, size_t i) { return d->items->items[ring_pos(d, i)]; }

static inline void dq_put(Deque *d, size_t i, Object *v)
{
    size_t p = ring_pos(d, i);
    stm_write_card((stm_obj *)d->items, p);
    d->items->items[p] = v;
}

static int dq_grow(Object *o, size_t need)
{
    Deque *d = dq_read(o);
    size_t cap = d->items ? d->items->capacity : 0;
    if (need <= cap)
        return 0;
    size_t ncap = cap ? cap * 2 : 8;
    while (ncap < need)
        ncap *= 2;
    Array *a = array_new(ncap);
    if (!a)
        return -1;
    for (size_t i = 0; i < d->size; i++)
        a->items[i] = dq_get(d, i);
    obj_write(o);
    d->items = a;
    d->head = 0;
    return 0;
}

static inline void dq_changed(Deque *d)
{
    obj_write((Object *)d);
    d->state++;
}

static int dq_append(Object *o, Object *v, bool left)
{
    Deque *d = dq_read(o);
    if (d->maxlen == 0)
        return 0;
    if (d->maxlen > 0 && d->size == (size_t)d->maxlen) {
        /* Full: the item at the other end falls off. */
        dq_changed(d);
        if (left) {
            dq_put(d, d->size - 1, NULL);
            d->head = (d->head + d->items->capacity - 1) & (d->items->capacity - 1);
            dq_put(d, 0, v);
        } else {
            dq_put(d, 0, NULL);
            d->head = ring_pos(d, 1);
            dq_put(d, d->size - 1, v);
        }
        return 0;
    }
    if (dq_grow(o, d->size + 1) < 0)
        return -1;
    dq_changed(d);
    if (left) {
        d->head = (d->head + d->items->capacity - 1) & (d->items->capacity - 1);
        dq_put(d, 0, v);
    } else {
        dq_put(d, d->size, v);
    }
    d->size++;
    return 0;
}

static Object *dq_pop(Object *o, bool left)
{
    Deque *d = dq_read(o);
    if (d->size == 0)
        return raise(vm.e_IndexError, "pop from an empty deque");
    dq_changed(d);
    Object *v;
    if (left) {
        v = dq_get(d, 0);
        dq_put(d, 0, NULL);
        d->head = ring_pos(d, 1);
    } else {
        v = dq_get(d, d->size - 1);
        dq_put(d, d->size - 1, NULL);
    }
    d->size--;
    return v;
}

static int dq_extend(Object *o, Object *iterable, bool left)
{
    if (iterable == o) {
        Object *l = list_from_iterable(iterable);
        if (!l)
            return -1;
        iterable = l;
    }
    Object *it = obj_iter(iterable);
    if (!it)
        return -1;
    for (;;) {
        Object *v = obj_next(it);
        if (!v)
            return exc_occurred() ? -1 : 0;
        if (dq_append(o, v, left) < 0)
            return -1;
    }
}

static void dq_clear(Object *o)
{
    Deque *d = (Deque *)o;
    dq_changed(d);
    d->items = NULL;
    d->size = 0;
    d->head = 0;
}

/* Rotates right by n (left when negative). */
static void dq_rotate(Object *o, intptr_t n)
{
    Deque *d = dq_read(o);
    size_t len = d->size;
    if (len <= 1)
        return;
    n %= (intptr_t)len;
    if (n < 0)
        n += (intptr_t)len;
    if (n == 0)
        return;
    dq_changed(d);
    size_t cap = d->items->capacity;
    if (len == cap) {
        d->head = (d->head + cap - (size_t)n) & (cap - 1);
        return;
    }
    /* Move n items from the right end to the left, one at a time. */
    for (intptr_t k = 0; k < n; k++) {
        Object *v = dq_get(d, len - 1);
        dq_put(d, len - 1, NULL);
        d->head = (d->head + cap - 1) & (cap - 1);
        dq_put(d, 0, v);
    }
}

static Object *deque_tp_new(Object *cls, Object *const *args, size_t nargs, Object *kw)
{
    Deque *d = (Deque *)vm_alloc(sizeof(struct Deque), L_LIST, (Type *)cls);
    if (d)
        d->maxlen = -1;
    return (Object *)d;
}

static int deque_init(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    static const char *const names[] = { "iterable", "maxlen", NULL };
    Object *out[2];
    if (args_parse("deque", args, nargs, kw, names, 0, 2, out) < 0)
        return -1;
    intptr_t maxlen = -1;
    if (out[1] && out[1] != None) {
        if (index_to_ssize(out[1], &maxlen, false) < 0)
            return -1;
        if (maxlen < 0) {
            raise(vm.e_ValueError, "maxlen must be non-negative");
            return -1;
        }
    }
    Deque *d = dq_read(self);
    if (d->size)
        dq_clear(self);
    obj_write(self);
    d->maxlen = maxlen;
    return out[0] ? dq_extend(self, out[0], false) : 0;
}

static intptr_t deque_length(Object *o) { return (intptr_t)dq_read(o)->size; }

static int dq_index(Object *o, Object *key, size_t *out)
{
    if (!is_small(key) && !is_int(key) && !type_of(key)->unary[UN_INDEX]) {
        raise(vm.e_TypeError, "sequence index must be integer, not '%s'", type_name(type_of(key)));
        return -1;
    }
    intptr_t i;
    if (index_to_ssize(key, &i, false) < 0)
        return -1;
    intptr_t n = (intptr_t)dq_read(o)->size;
    if (i < 0)
        i += n;
    if (i < 0 || i >= n) {
        raise(vm.e_IndexError, "deque index out of range");
        return -1;
    }
    *out = (size_t)i;
    return 0;
}

static Object *deque_getitem(Object *o, Object *key)
{
    size_t i;
    return dq_index(o, key, &i) < 0 ? NULL : dq_get(dq_read(o), i);
}

static void dq_delete_at(Object *o, size_t i)
{
    Deque *d = dq_read(o);
    dq_changed(d);
    for (size_t j = i; j + 1 < d->size; j++)
        dq_put(d, j, dq_get(d, j + 1));
    dq_put(d, d->size - 1, NULL);
    d->size--;
}

static int deque_setitem(Object *o, Object *key, Object *value)
{
    size_t i;
    if (dq_index(o, key, &i) < 0)
        return -1;
    if (!value) {
        dq_delete_at(o, i);
        return 0;
    }
    dq_put(dq_read(o), i, value);
    return 0;
}

static int deque_contains(Object *o, Object *v)
{
    Deque *d = dq_read(o);
    uint64_t state = d->state;
    for (size_t i = 0; i < dq_read(o)->size; i++) {
        int r = obj_richcompare_bool(dq_get(dq_read(o), i), v, CMP_EQ);
        if (r)
            return r;
        if (dq_read(o)->state != state) {
            raise(vm.e_RuntimeError, "deque mutated during iteration");
            return -1;
        }
    }
    return 0;
}

static Object *deque_item_at(Object *o, size_t i) { return dq_get(dq_read(o), i); }

static Object *deque_repr(Object *o)
{
    Type *t = type_of(o);
    int g = repr_enter(o);
    if (g)
        return g > 0 ? str_from_cstr("[...]") : NULL;
    Deque *d = dq_read(o);
    Object *l = list_new(0);
    for (size_t i = 0; l && i < d->size; i++)
        if (list_append(l, dq_get(dq_read(o), i)) < 0)
            l = NULL;
    Object *r = l ? obj_repr(l) : NULL;
    repr_leave(o);
    if (!r)
        return NULL;
    char b[200];
    Object *pre = str_format("%s(", type_bare_name(t));
    Object *s = pre ? str_concat(pre, r) : NULL;
    if (s && d->maxlen >= 0) {
        snprintf(b, sizeof b, ", maxlen=%zd)", d->maxlen);
        return str_concat(s, str_from_cstr(b));
    }
    return s ? str_concat(s, str_from_cstr(")")) : NULL;
}

static Object *deque_richcompare(Object *a, Object *b, CmpOp op)
{
    if (!is_deque(a) || !is_deque(b))
        return NotImplemented;
    size_t na = dq_read(a)->size, nb = dq_read(b)->size;
    if (na != nb && (op == CMP_EQ || op == CMP_NE))
        return bool_obj(op == CMP_NE);
    return seq_compare(a, na, deque_item_at, b, nb, deque_item_at, op);
}

static Object *dq_copy(Object *o)
{
    Object *argv[2] = { o, make_small(dq_read(o)->maxlen) };
    if (type_of(o) == t_deque) {
        Object *c = deque_tp_new((Object *)t_deque, NULL, 0, NULL);
        if (!c)
            return NULL;
        ((Deque *)c)->maxlen = ((Deque *)o)->maxlen;
        return dq_extend(c, o, false) < 0 ? NULL : c;
    }
    Object *kw = tuple_pack(1, intern_cstr("maxlen"));
    return kw ? obj_call((Object *)type_of(o), argv, 1, dq_read(o)->maxlen >= 0 ? kw : NULL)
              : NULL;
}

static Object *deque_add(Object *a, Object *b)
{
    if (!is_deque(a))
        return NotImplemented;
    if (!is_deque(b))
        return raise(vm.e_TypeError, "can only concatenate deque (not \"%s\") to deque",
                     type_name(type_of(b)));
    Object *c = dq_copy(a);
    return c && dq_extend(c, b, false) == 0 ? c : NULL;
}

static Object *deque_iadd(Object *a, Object *b)
{
    return dq_extend(a, b, false) < 0 ? NULL : a;
}

static Object *dq_repeat(Object *d, Object *nobj)
{
    intptr_t n;
    if (index_to_ssize(nobj, &n, true) < 0)
        return NULL;
    Object *l = list_from_iterable(d);
    if (!l)
        return NULL;
    if (n <= 0) {
        dq_clear(d);
        return d;
    }
    for (intptr_t k = 1; k < n; k++)
        if (dq_extend(d, l, false) < 0)
            return NULL;
    return d;
}

static Object *deque_mul(Object *a, Object *b)
{
    if (!is_deque(a)) {
        Object *t = a;
        a = b;
        b = t;
    }
    if (!is_deque(a) || !(is_small(b) || is_int(b)))
        return NotImplemented;
    Object *c = dq_copy(a);
    return c ? dq_repeat(c, b) : NULL;
}

static Object *deque_imul(Object *a, Object *b)
{
    if (!(is_small(b) || is_int(b)))
        return NotImplemented;
    return dq_repeat(a, b);
}

/* ---- iterators: seq the deque, index the position, aux the state seen -------- */

static Object *dq_iter_new(Object *o, bool rev)
{
    Deque *d = dq_read(o);
    Iter *it = (Iter *)vm_alloc(sizeof(struct Iter), L_ITER, rev ? t_deque_reviter : t_deque_iter);
    if (it) {
        it->seq = o;
        it->end = (intptr_t)d->size;
        it->step = (intptr_t)d->state;
    }
    return (Object *)it;
}

static Object *deque_iter(Object *o) { return dq_iter_new(o, false); }

static Object *dq_iter_next(Object *o)
{
    Iter *it = (Iter *)o;
    obj_read(o);
    if (!it->seq)
        return NULL;
    Deque *d = dq_read(it->seq);
    if ((intptr_t)d->state != it->step || (intptr_t)d->size != it->end) {
        obj_write(o);
        it->end = -1;
        return raise(vm.e_RuntimeError, "deque mutated during iteration");
    }
    obj_write(o);
    if (it->index >= it->end) {
        it->seq = NULL;
        return NULL;
    }
    bool rev = type_of(o) == t_deque_reviter;
    size_t i = (size_t)it->index++;
    return dq_get(d, rev ? d->size - 1 - i : i);
}

static Object *dq_iter_length_hint(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    Iter *it = (Iter *)self;
    obj_read(self);
    return make_small(it->seq ? it->end - it->index : 0);
}

/* ---- methods -------------------------------------------------------------------- */

#define DQ_ONE(name, body)                                                              \
    static Object *m_##name(Object *self, Object *const *args, size_t nargs, Object *kw) \
    {                                                                                   \
        if (args_exact(#name, kw, nargs, 1) < 0)                                        \
            return NULL;                                                                \
        body                                                                            \
    }
DQ_ONE(append, return dq_append(self, args[0], false) < 0 ? NULL : None;)
DQ_ONE(appendleft, return dq_append(self, args[0], true) < 0 ? NULL : None;)
DQ_ONE(extend, return dq_extend(self, args[0], false) < 0 ? NULL : None;)
DQ_ONE(extendleft, return dq_extend(self, args[0], true) < 0 ? NULL : None;)

static Object *m_pop(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return args_exact("pop", kw, nargs, 0) < 0 ? NULL : dq_pop(self, false);
}

static Object *m_popleft(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return args_exact("popleft", kw, nargs, 0) < 0 ? NULL : dq_pop(self, true);
}

static Object *m_clear(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("clear", kw, nargs, 0) < 0)
        return NULL;
    dq_clear(self);
    return None;
}

static Object *m_copy(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return args_exact("copy", kw, nargs, 0) < 0 ? NULL : dq_copy(self);
}

static Object *m_count(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("count", kw, nargs, 1) < 0)
        return NULL;
    Deque *d = dq_read(self);
    uint64_t state = d->state;
    intptr_t c = 0;
    for (size_t i = 0; i < d->size; i++) {
        int r = obj_richcompare_bool(dq_get(dq_read(self), i), args[0], CMP_EQ);
        if (r < 0)
            return NULL;
        if (dq_read(self)->state != state)
            return raise(vm.e_RuntimeError, "deque mutated during iteration");
        c += r;
    }
    return make_small(c);
}

static Object *m_index(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_no_kw("index", kw) < 0 || args_count("index", nargs, 1, 3) < 0)
        return NULL;
    Deque *d = dq_read(self);
    intptr_t start, stop;
    if (seq_index_bounds("index", args, nargs, (intptr_t)d->size, &start, &stop) < 0)
        return NULL;
    uint64_t state = d->state;
    for (intptr_t i = start; i < stop && i < (intptr_t)dq_read(self)->size; i++) {
        int r = obj_richcompare_bool(dq_get(dq_read(self), (size_t)i), args[0], CMP_EQ);
        if (r < 0)
            return NULL;
        if (dq_read(self)->state != state)
            return raise(vm.e_RuntimeError, "deque mutated during iteration");
        if (r)
            return make_small(i);
    }
    Object *r = obj_repr(args[0]);
    char b[200];
    return r ? raise(vm.e_ValueError, "%s is not in deque", str_cstr(r, b, sizeof b)) : NULL;
}

static Object *m_insert(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("insert", kw, nargs, 2) < 0)
        return NULL;
    intptr_t i;
    if (index_to_ssize(args[0], &i, true) < 0)
        return NULL;
    Deque *d = dq_read(self);
    intptr_t n = (intptr_t)d->size;
    if (d->maxlen >= 0 && n >= d->maxlen)
        return raise(vm.e_IndexError, "deque already at its maximum size");
    if (i < 0)
        i = i + n < 0 ? 0 : i + n;
    if (i > n)
        i = n;
    if (dq_append(self, None, false) < 0)
        return NULL;
    d = dq_read(self);
    for (intptr_t k = n; k > i; k--)
        dq_put(d, (size_t)k, dq_get(d, (size_t)k - 1));
    dq_put(d, (size_t)i, args[1]);
    return None;
}

static Object *m_remove(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("remove", kw, nargs, 1) < 0)
        return NULL;
    for (size_t i = 0; i < dq_read(self)->size; i++) {
        int r = obj_richcompare_bool(dq_get(dq_read(self), i), args[0], CMP_EQ);
        if (r < 0)
            return NULL;
        if (r) {
            if (i >= dq_read(self)->size)
                return raise(vm.e_IndexError, "deque mutated during remove().");
            dq_delete_at(self, i);
            return None;
        }
    }
    Object *r = obj_repr(args[0]);
    char b[200];
    return r ? raise(vm.e_ValueError, "%s is not in deque", str_cstr(r, b, sizeof b)) : NULL;
}

static Object *m_reverse(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("reverse", kw, nargs, 0) < 0)
        return NULL;
    Deque *d = dq_read(self);
    dq_changed(d);
    for (size_t i = 0, j = d->size; i + 1 < j; i++) {
        j--;
        Object *t = dq_get(d, i);
        dq_put(d, i, dq_get(d, j));
        dq_put(d, j, t);
    }
    return None;
}

static Object *m_rotate(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_no_kw("rotate", kw) < 0 || args_count("rotate", nargs, 0, 1) < 0)
        return NULL;
    intptr_t n = 1;
    if (nargs && index_to_ssize(args[0], &n, false) < 0)
        return NULL;
    dq_rotate(self, n);
    return None;
}

static Object *m_reversed(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return dq_iter_new(self, true);
}

static Object *m_maxlen(Object *self)
{
    intptr_t m = dq_read(self)->maxlen;
    return m < 0 ? None : make_small(m);
}

static Object *m_reduce(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    Object *l = list_from_iterable(self);
    Object *a = l ? tuple_pack(2, l, m_maxlen(self)) : NULL;
    return a ? tuple_pack(2, (Object *)type_of(self), a) : NULL;
}

static Object *m_sizeof(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    Deque *d = dq_read(self);
    return make_small((intptr_t)(sizeof(struct Deque) + (d->items ? d->items->capacity * 8 : 0)));
}

/* ---- defaultdict: a dict whose `extra` field is default_factory ------------------ */

static Object *dd_missing(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("__missing__", kw, nargs, 1) < 0)
        return NULL;
    obj_read(self);
    Object *f = ((Dict *)self)->extra;
    if (!f || f == None) {
        Object *a = tuple_pack(1, args[0]);
        return a ? raise_object(exception_new(vm.e_KeyError, a)) : NULL;
    }
    Object *v = obj_call0(f);
    if (!v || obj_setitem(self, args[0], v) < 0)
        return NULL;
    return v;
}

static int dd_init(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    Object *f = None;
    if (nargs) {
        f = args[0];
        if (f != None && !type_of(f)->call) {
            raise(vm.e_TypeError, "first argument must be callable or None");
            return -1;
        }
        args++;
        nargs--;
    }
    obj_write(self);
    ((Dict *)self)->extra = f;
    return vm.t_dict->init(self, args, nargs, kw);
}

static Object *dd_repr(Object *self)
{
    obj_read(self);
    Object *f = ((Dict *)self)->extra;
    Object *fr;
    int g = f ? repr_enter(f) : 0;
    if (g < 0)
        return NULL;
    fr = g ? str_from_cstr("...") : obj_repr(f ? f : None);
    if (f && !g)
        repr_leave(f);
    Object *dr = fr ? vm.t_dict->repr(self) : NULL;
    if (!dr)
        return NULL;
    char b1[200];
    Object *pre = str_format("%s(%s, ", type_bare_name(type_of(self)), str_cstr(fr, b1, sizeof b1));
    return pre ? str_concat(str_concat(pre, dr), str_from_cstr(")")) : NULL;
}

/* Its own __repr__ in its dict: pprint tells defaultdict from dict by
   type(obj).__repr__. */
static Object *dd_m_repr(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return args_exact("__repr__", kw, nargs, 0) < 0 ? NULL : dd_repr(self);
}

static Object *dd_get_factory(Object *self)
{
    obj_read(self);
    Object *f = ((Dict *)self)->extra;
    return f ? f : None;
}

static int dd_set_factory(Object *self, Object *v)
{
    obj_write(self);
    ((Dict *)self)->extra = v;
    return 0;
}

static Object *dd_copy(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    Object *f = dd_get_factory(self);
    Object *argv[2] = { f, self };
    return obj_call((Object *)type_of(self), argv, 2, NULL);
}

static Object *dd_reduce(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    Object *f = dd_get_factory(self);
    Object *a = f == None ? vm.empty_tuple : tuple_pack(1, f);
    Object *items = obj_getattr_cstr(self, "items");
    Object *iv = items ? obj_call0(items) : NULL;
    Object *it = iv ? obj_iter(iv) : NULL;
    return it && a ? tuple_pack(5, (Object *)type_of(self), a, None, None, it) : NULL;
}

static Object *dd_or(Object *a, Object *b)
{
    Object *self = is_instance_of(a, t_defaultdict) ? a : b;
    Object *other = self == a ? b : a;
    if (!is_instance_of(other, vm.t_dict))
        return NotImplemented;
    Object *argv[2] = { dd_get_factory(self), a };
    Object *r = obj_call((Object *)type_of(self), argv, 2, NULL);
    return r && dict_update_from(r, b) == 0 ? r : NULL;
}

/* ---- _count_elements, _tuplegetter -------------------------------------------------- */

static Object *f_count_elements(Object *m, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("_count_elements", kw, nargs, 2) < 0)
        return NULL;
    Object *mapping = args[0];
    bool exact = !is_small(mapping) && mapping->type == vm.t_dict;
    Object *get = exact ? NULL : obj_getattr_cstr(mapping, "get");
    if (!exact && !get)
        return NULL;
    Object *it = obj_iter(args[1]);
    if (!it)
        return NULL;
    for (;;) {
        Object *k = obj_next(it);
        if (!k)
            return exc_occurred() ? NULL : None;
        Object *old = NULL;
        if (exact) {
            int r = dict_lookup(mapping, k, &old);
            if (r < 0)
                return NULL;
            if (!r)
                old = make_small(0);
        } else {
            Object *argv[2] = { k, make_small(0) };
            old = obj_call(get, argv, 2, NULL);
        }
        Object *nv = old ? obj_binary(old, make_small(1), NB_ADD) : NULL;
        if (!nv || (exact ? dict_set(mapping, k, nv) : obj_setitem(mapping, k, nv)) < 0)
            return NULL;
    }
}

/* A Property whose fget is the index (a small int) and doc the doc. */
static Object *tg_new(Object *cls, Object *const *args, size_t nargs, Object *kw)
{
    if (args_no_kw("_tuplegetter", kw) < 0 || args_count("_tuplegetter", nargs, 2, 2) < 0)
        return NULL;
    intptr_t i;
    if (index_to_ssize(args[0], &i, false) < 0)
        return NULL;
    Property *p = (Property *)vm_alloc(sizeof(struct Property), L_PROPERTY, (Type *)cls);
    if (p) {
        p->fget = make_small(i);
        p->doc = args[1];
    }
    return (Object *)p;
}

static Object *tg_get(Object *d, Object *obj, Type *owner)
{
    if (!obj || obj == None)
        return d;
    Object *t = tuple_value(obj);
    if (!t)
        return raise(vm.e_TypeError, "descriptor for index '%zd' for tuple subclasses doesn't apply to '%s' object",
                     small_value(((Property *)d)->fget), type_name(type_of(obj)));
    intptr_t i = small_value(((Property *)d)->fget);
    if (i >= (intptr_t)tuple_size(t))
        return raise(vm.e_IndexError, "tuple index out of range");
    return tuple_get(t, (size_t)i);
}

static int tg_set(Object *d, Object *obj, Object *value)
{
    raise(vm.e_AttributeError, value ? "can't set attribute" : "can't delete attribute");
    return -1;
}

static Object *tg_doc(Object *self) { return ((Property *)self)->doc; }

/* Writable, as CPython's (urllib.parse sets the fields' docs). */
static int tg_set_doc(Object *self, Object *v)
{
    obj_write(self);
    ((Property *)self)->doc = v;
    return 0;
}

Object *getset_new(Type *owner, const char *name, Object *(*get)(Object *),
                   int (*set)(Object *, Object *));

SLOT_METHODS(deque, t_deque)

static Type *new_type(Type **slot, const char *name, Type *base, enum Layout layout,
                      size_t size, uint32_t flags, Object *modname)
{
    stm_add_root((stm_obj **)slot);
    Type *t = type_new_builtin(name, base, layout, size, flags);
    dict_set_cstr(t->dict, "__module__", modname);
    *slot = t;
    return t;
}

static void collections_types_init(Object *modname)
{
    /* deque and defaultdict present themselves as collections' own, as on
       CPython; pickles name them so. */
    Object *public = intern_cstr("collections");
    Type *d = new_type(&t_deque, "deque", vm.t_object, L_LIST, sizeof(struct Deque),
                       TF_BASETYPE, public);
    d->tp_new = deque_tp_new;
    d->init = deque_init;
    d->length = deque_length;
    d->getitem = deque_getitem;
    d->setitem = deque_setitem;
    d->contains = deque_contains;
    d->repr = deque_repr;
    d->richcompare = deque_richcompare;
    d->iter = deque_iter;
    d->binary[NB_ADD] = deque_add;
    d->binary[NB_INPLACE + NB_ADD] = deque_iadd;
    d->binary[NB_MULTIPLY] = deque_mul;
    d->binary[NB_INPLACE + NB_MULTIPLY] = deque_imul;
    d->getattr = generic_getattr;
    d->setattr = generic_setattr;
    extern int64_t hash_not_implemented(Object *self);
    d->hash = hash_not_implemented;
    type_inherit(d);
    static const MethodDef deque_methods[] = {
        { "append", m_append, 0 }, { "appendleft", m_appendleft, 0 },
        { "extend", m_extend, 0 }, { "extendleft", m_extendleft, 0 },
        { "pop", m_pop, 0 }, { "popleft", m_popleft, 0 }, { "clear", m_clear, 0 },
        { "copy", m_copy, 0 }, { "__copy__", m_copy, 0 }, { "count", m_count, 0 },
        { "index", m_index, 0 }, { "insert", m_insert, 0 }, { "remove", m_remove, 0 },
        { "reverse", m_reverse, 0 }, { "rotate", m_rotate, 0 },
        { "__reversed__", m_reversed, 0 }, { "__reduce__", m_reduce, 0 },
        { "__sizeof__", m_sizeof, 0 },
        { "__class_getitem__", class_getitem, METH_CLASS },
        { NULL, NULL, 0 },
    };
    type_add_methods(d, deque_methods);
    type_add_slot_methods(d, deque_slot_methods);
    getset_new(d, "maxlen", m_maxlen, NULL);
    dict_set_cstr(d->dict, "__hash__", None);

    static const MethodDef iter_methods[] = {
        { "__length_hint__", dq_iter_length_hint, 0 },
        { NULL, NULL, 0 },
    };
    Type *its[2];
    its[0] = new_type(&t_deque_iter, "_deque_iterator", vm.t_object, L_ITER, 0, 0, modname);
    its[1] = new_type(&t_deque_reviter, "_deque_reverse_iterator", vm.t_object, L_ITER, 0, 0,
                      modname);
    for (int i = 0; i < 2; i++) {
        its[i]->next = dq_iter_next;
        iter_type_add_methods(its[i]);
        type_inherit(its[i]);
        type_add_methods(its[i], iter_methods);
    }

    Type *dd = new_type(&t_defaultdict, "defaultdict", vm.t_dict, L_DICT, sizeof(struct Dict),
                        TF_BASETYPE | TF_DICT_SUBCLASS, public);
    dd->init = dd_init;
    dd->repr = dd_repr;
    dd->binary[NB_OR] = dd_or;
    type_inherit(dd);
    static const MethodDef dd_methods[] = {
        { "__missing__", dd_missing, 0 }, { "copy", dd_copy, 0 }, { "__copy__", dd_copy, 0 },
        { "__reduce__", dd_reduce, 0 }, { "__repr__", dd_m_repr, 0 },
        { NULL, NULL, 0 },
    };
    type_add_methods(dd, dd_methods);
    getset_new(dd, "default_factory", dd_get_factory, dd_set_factory);

    Type *tg = new_type(&t_tuplegetter, "_tuplegetter", vm.t_object, L_PROPERTY,
                        sizeof(struct Property), 0, modname);
    tg->tp_new = tg_new;
    tg->descr_get = tg_get;
    tg->descr_set = tg_set;
    type_inherit(tg);
    getset_new(tg, "__doc__", tg_doc, tg_set_doc);
}

Object *collections_module_init(void)
{
    Object *name = intern_cstr("_collections");
    Object *m = module_new(name);
    if (!m)
        return NULL;
    if (!t_deque)
        collections_types_init(name);
    Object *d = ((ModuleObj *)m)->dict;
    dict_set_cstr(d, "deque", (Object *)t_deque);
    dict_set_cstr(d, "defaultdict", (Object *)t_defaultdict);
    dict_set_cstr(d, "_deque_iterator", (Object *)t_deque_iter);
    dict_set_cstr(d, "_deque_reverse_iterator", (Object *)t_deque_reviter);
    dict_set_cstr(d, "_tuplegetter", (Object *)t_tuplegetter);
    Object *f = builtin_new("_count_elements", f_count_elements, m, m);
    if (!f || dict_set_cstr(d, "_count_elements", f) < 0)
        return NULL;
    return m;
}
