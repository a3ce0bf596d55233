/*
** list: a size and a separate item vector (an Array), grown by half
** again each time, so that appends are amortised O(1) and a big vector
** is written card by card.
*/
#include <stdlib.h>
#include <string.h>

#include "vm/runtime.h"

Array *array_new(size_t capacity)
{
    if (capacity > (SIZE_MAX - sizeof(struct Array)) / sizeof(Object *))
        return raise_no_memory();
    Array *a = (Array *)vm_alloc(sizeof(struct Array) + capacity * sizeof(Object *),
                                 L_ARRAY, NULL);
    if (a)
        a->capacity = capacity;
    return a;
}

static inline void array_write(Array *a, size_t i)
{
    stm_write_card((stm_obj *)a, i);
}

Object *list_new(size_t n)
{
    List *l = (List *)vm_alloc(sizeof(struct List), L_LIST, vm.t_list);
    if (!l)
        return NULL;
    if (n) {
        Array *a = array_new(n);
        if (!a)
            return NULL;
        for (size_t i = 0; i < n; i++)
            a->items[i] = None;
        l->items = a;
        l->size = n;
    }
    return (Object *)l;
}

/* Makes room for `need` items in total. */
int list_reserve(Object *lo, size_t need)
{
    List *l = (List *)lo;
    obj_read(lo);
    Array *old = l->items;
    size_t cap = old ? old->capacity : 0;
    if (need <= cap)
        return 0;
    size_t ncap = cap + (cap >> 1) + 4;
    if (ncap < need)
        ncap = need;
    Array *a = array_new(ncap);
    if (!a)
        return -1;
    if (old) {
        obj_read((Object *)old);
        memcpy(stm_real_address((stm_obj *)a) + offsetof(struct Array, items),
               stm_real_address((stm_obj *)old) + offsetof(struct Array, items),
               l->size * sizeof(Object *));
    }
    obj_write(lo);
    l->items = a;
    return 0;
}

int list_append(Object *lo, Object *v)
{
    List *l = (List *)lo;
    obj_read(lo);
    size_t n = l->size;
    if (!l->items || n >= l->items->capacity) {
        if (list_reserve(lo, n + 1) < 0)
            return -1;
    }
    Array *a = l->items;
    array_write(a, n);
    a->items[n] = v;
    obj_write(lo);
    l->size = n + 1;
    return 0;
}

Object *list_get(Object *lo, size_t i)
{
    List *l = (List *)lo;
    obj_read(lo);
    Array *a = l->items;
    obj_read((Object *)a);
    return a->items[i];
}

void list_set(Object *lo, size_t i, Object *v)
{
    List *l = (List *)lo;
    obj_read(lo);
    Array *a = l->items;
    array_write(a, i);
    a->items[i] = v;
}

Object *list_as_tuple(Object *lo)
{
    List *l = (List *)lo;
    obj_read(lo);
    size_t n = l->size;
    Object *t = tuple_new(n);
    if (!t || n == 0)
        return t;
    Array *a = l->items;
    obj_read((Object *)a);
    for (size_t i = 0; i < n; i++)
        tuple_init_item(t, i, a->items[i]);
    return t;
}

Object *list_from_iterable(Object *iterable)
{
    Object *l = list_new(0);
    if (!l)
        return NULL;
    Object *it = obj_iter(iterable);
    if (!it)
        return NULL;
    for (;;) {
        Object *v = obj_next(it);
        if (!v)
            return exc_occurred() ? NULL : l;
        if (list_append(l, v) < 0)
            return NULL;
    }
}

Object *seq_repr(Object *const *items, size_t n, const char *open, const char *close,
                 bool one_comma);
Object *seq_compare(Object *a, size_t na, Object *(*get_a)(Object *, size_t),
                    Object *b, size_t nb, Object *(*get_b)(Object *, size_t), CmpOp op);
int slice_indices(Object *slice, intptr_t length, intptr_t *start, intptr_t *stop,
                  intptr_t *step, intptr_t *count);

int list_extend(Object *l, Object *iterable)
{
    if (!is_small(iterable) && (iterable->type == vm.t_list || iterable->type == vm.t_tuple)) {
        bool is_list = iterable->type == vm.t_list;
        size_t n = is_list ? list_size(iterable) : tuple_size(iterable);
        if (list_reserve(l, list_size(l) + n) < 0)
            return -1;
        for (size_t i = 0; i < n; i++)
            if (list_append(l, is_list ? list_get(iterable, i) : tuple_get(iterable, i)) < 0)
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
        if (list_append(l, v) < 0)
            return -1;
    }
}

static Object *list_repr(Object *l)
{
    size_t n = list_size(l);
    Object **items = malloc((n + 1) * sizeof *items);
    if (!items)
        return raise_no_memory();
    for (size_t i = 0; i < n; i++)
        items[i] = list_get(l, i);
    Object *r = seq_repr(items, n, "[", "]", false);
    free(items);
    return r;
}

static intptr_t list_length(Object *l) { return (intptr_t)list_size(l); }

static Object *list_getitem(Object *l, Object *key)
{
    intptr_t n = (intptr_t)list_size(l);
    if (!is_small(key) && layout_of(key) == L_SLICE) {
        intptr_t start, stop, step, count;
        if (slice_indices(key, n, &start, &stop, &step, &count) < 0)
            return NULL;
        Object *r = list_new(0);
        if (!r || list_reserve(r, (size_t)count) < 0)
            return NULL;
        for (intptr_t i = 0; i < count; i++)
            list_append(r, list_get(l, (size_t)(start + i * step)));
        return r;
    }
    if (!is_int(key))
        return raise(vm.e_TypeError, "list indices must be integers or slices, not %s",
                     type_name(type_of(key)));
    intptr_t i;
    if (index_to_ssize(key, &i, true) < 0)
        return NULL;
    if (i < 0)
        i += n;
    if (i < 0 || i >= n)
        return raise(vm.e_IndexError, "list index out of range");
    return list_get(l, (size_t)i);
}

static int list_delete_range(Object *lo, size_t from, size_t to)
{
    List *l = (List *)lo;
    size_t n = list_size(lo);
    for (size_t i = to; i < n; i++)
        list_set(lo, from + (i - to), list_get(lo, i));
    for (size_t i = n - (to - from); i < n; i++)
        list_set(lo, i, NULL);
    obj_write(lo);
    l->size = n - (to - from);
    return 0;
}

static int list_setitem(Object *l, Object *key, Object *value)
{
    intptr_t n = (intptr_t)list_size(l);
    if (!is_small(key) && layout_of(key) == L_SLICE) {
        intptr_t start, stop, step, count;
        if (slice_indices(key, n, &start, &stop, &step, &count) < 0)
            return -1;
        if (step == 1) {
            Object *items = value ? list_from_iterable(value) : list_new(0);
            if (!items)
                return -1;
            size_t m = list_size(items);
            Object *tail = list_getitem(l, slice_new(make_small(stop), None, None));
            if (!tail || list_delete_range(l, (size_t)start, (size_t)n) < 0)
                return -1;
            for (size_t i = 0; i < m; i++)
                if (list_append(l, list_get(items, i)) < 0)
                    return -1;
            return list_extend(l, tail);
        }
        if (!value) {
            /* Delete every step-th item, from the end so indexes hold. */
            for (intptr_t k = count - 1; k >= 0; k--) {
                size_t at = (size_t)(start + k * step);
                list_delete_range(l, at, at + 1);
            }
            return 0;
        }
        Object *items = list_from_iterable(value);
        if (!items)
            return -1;
        if ((intptr_t)list_size(items) != count) {
            raise(vm.e_ValueError, "attempt to assign sequence of size %zu to extended slice of size %zd",
                  list_size(items), count);
            return -1;
        }
        for (intptr_t k = 0; k < count; k++)
            list_set(l, (size_t)(start + k * step), list_get(items, (size_t)k));
        return 0;
    }
    if (!is_int(key)) {
        raise(vm.e_TypeError, "list indices must be integers or slices, not %s",
              type_name(type_of(key)));
        return -1;
    }
    intptr_t i;
    if (index_to_ssize(key, &i, true) < 0)
        return -1;
    if (i < 0)
        i += n;
    if (i < 0 || i >= n) {
        raise(vm.e_IndexError, value ? "list assignment index out of range"
                                     : "list assignment index out of range");
        return -1;
    }
    if (!value)
        return list_delete_range(l, (size_t)i, (size_t)i + 1);
    list_set(l, (size_t)i, value);
    return 0;
}

static int list_contains(Object *l, Object *v)
{
    for (size_t i = 0; i < list_size(l); i++) {
        int r = obj_richcompare_bool(list_get(l, i), v, CMP_EQ);
        if (r)
            return r;
    }
    return 0;
}

static Object *list_item_at(Object *l, size_t i) { return list_get(l, i); }

static Object *list_richcompare(Object *a, Object *b, CmpOp op)
{
    if (!type_is_subtype(type_of(a), vm.t_list) || !type_is_subtype(type_of(b), vm.t_list))
        return NotImplemented;
    return seq_compare(a, list_size(a), list_item_at, b, list_size(b), list_item_at, op);
}

static Object *list_add(Object *a, Object *b)
{
    if (!type_is_subtype(type_of(a), vm.t_list))
        return NotImplemented;
    if (!type_is_subtype(type_of(b), vm.t_list))
        return raise(vm.e_TypeError, "can only concatenate list (not \"%s\") to list",
                     type_name(type_of(b)));
    Object *r = list_new(0);
    if (!r || list_extend(r, a) < 0 || list_extend(r, b) < 0)
        return NULL;
    return r;
}

static Object *list_iadd(Object *a, Object *b)
{
    return list_extend(a, b) < 0 ? NULL : a;
}

static Object *list_mul(Object *a, Object *b)
{
    if (!type_is_subtype(type_of(a), vm.t_list)) {
        Object *t = a;
        a = b;
        b = t;
    }
    if (!type_is_subtype(type_of(a), vm.t_list) || !is_int(b))
        return NotImplemented;
    int64_t n;
    if (int_to_i64(b, &n) < 0)
        return NULL;
    Object *r = list_new(0);
    size_t m = list_size(a);
    if (!r)
        return NULL;
    if (n > 0 && m && (uint64_t)n > SIZE_MAX / 8 / m)
        return raise_no_memory();
    if (n > 0 && list_reserve(r, m * (size_t)n) < 0)
        return NULL;
    for (int64_t k = 0; k < n; k++)
        for (size_t i = 0; i < m; i++)
            list_append(r, list_get(a, i));
    return r;
}

static Object *list_iter(Object *l)
{
    Iter *it = (Iter *)vm_alloc(sizeof(struct Iter), L_ITER, vm.t_list_iterator);
    if (it)
        it->seq = l;
    return (Object *)it;
}

static Object *list_iter_next(Object *o)
{
    Iter *it = (Iter *)o;
    obj_read(o);
    Object *l = it->seq;
    if (!l)
        return NULL;
    obj_write(o);
    if ((size_t)it->index >= list_size(l)) {
        it->seq = NULL;
        return NULL;
    }
    return list_get(l, (size_t)it->index++);
}

static Object *list_tp_new(Object *cls, Object *const *args, size_t nargs, Object *kw)
{
    List *l = (List *)vm_alloc(sizeof(struct List), L_LIST, (Type *)cls);
    return (Object *)l;
}

static int list_init(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_no_kw("list", kw) < 0 || args_count("list", nargs, 0, 1) < 0)
        return -1;
    if (list_size(self))
        list_delete_range(self, 0, list_size(self));
    return nargs ? list_extend(self, args[0]) : 0;
}

static Object *m_append(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("append", kw, nargs, 1) < 0 || list_append(self, args[0]) < 0)
        return NULL;
    return None;
}

static Object *m_extend(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("extend", kw, nargs, 1) < 0 || list_extend(self, args[0]) < 0)
        return NULL;
    return None;
}

static Object *m_pop(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_no_kw("pop", kw) < 0 || args_count("pop", nargs, 0, 1) < 0)
        return NULL;
    intptr_t n = (intptr_t)list_size(self), i = n - 1;
    if (nargs && index_to_ssize(args[0], &i, true) < 0)
        return NULL;
    if (n == 0)
        return raise(vm.e_IndexError, "pop from empty list");
    if (i < 0)
        i += n;
    if (i < 0 || i >= n)
        return raise(vm.e_IndexError, "pop index out of range");
    Object *v = list_get(self, (size_t)i);
    list_delete_range(self, (size_t)i, (size_t)i + 1);
    return v;
}

static Object *m_insert(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("insert", kw, nargs, 2) < 0)
        return NULL;
    intptr_t n = (intptr_t)list_size(self), i;
    if (index_to_ssize(args[0], &i, true) < 0)
        return NULL;
    if (i < 0)
        i = i + n < 0 ? 0 : i + n;
    if (i > n)
        i = n;
    if (list_append(self, None) < 0)
        return NULL;
    for (intptr_t k = n; k > i; k--)
        list_set(self, (size_t)k, list_get(self, (size_t)k - 1));
    list_set(self, (size_t)i, args[1]);
    return None;
}

int list_sort(Object *l, Object *key, bool reverse);

static Object *m_sort(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    static const char *const names[] = { "key", "reverse", NULL };
    Object *out[2];
    if (args_parse("sort", args, nargs, kw, names, 0, 0, out) < 0)
        return NULL;
    int rev = out[1] ? obj_truth(out[1]) : 0;
    if (rev < 0)
        return NULL;
    return list_sort(self, out[0] && out[0] != None ? out[0] : NULL, rev) < 0 ? NULL : None;
}

static Object *m_reverse(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("reverse", kw, nargs, 0) < 0)
        return NULL;
    size_t n = list_size(self);
    for (size_t i = 0; i < n / 2; i++) {
        Object *t = list_get(self, i);
        list_set(self, i, list_get(self, n - 1 - i));
        list_set(self, n - 1 - i, t);
    }
    return None;
}

static Object *m_index(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("index", kw, nargs, 1) < 0)
        return NULL;
    for (size_t i = 0; i < list_size(self); i++) {
        int r = obj_richcompare_bool(list_get(self, i), args[0], CMP_EQ);
        if (r < 0)
            return NULL;
        if (r)
            return make_small((intptr_t)i);
    }
    Object *r = obj_repr(args[0]);
    char b[200];
    return r ? raise(vm.e_ValueError, "%s is not in list", str_cstr(r, b, sizeof b)) : NULL;
}

static Object *m_count(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("count", kw, nargs, 1) < 0)
        return NULL;
    intptr_t c = 0;
    for (size_t i = 0; i < list_size(self); i++) {
        int r = obj_richcompare_bool(list_get(self, i), args[0], CMP_EQ);
        if (r < 0)
            return NULL;
        c += r;
    }
    return make_small(c);
}

static Object *m_copy(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("copy", kw, nargs, 0) < 0)
        return NULL;
    Object *r = list_new(0);
    return r && list_extend(r, self) == 0 ? r : NULL;
}

static Object *m_clear(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("clear", kw, nargs, 0) < 0)
        return NULL;
    list_delete_range(self, 0, list_size(self));
    return None;
}

static Object *m_remove(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("remove", kw, nargs, 1) < 0)
        return NULL;
    for (size_t i = 0; i < list_size(self); i++) {
        int r = obj_richcompare_bool(list_get(self, i), args[0], CMP_EQ);
        if (r < 0)
            return NULL;
        if (r) {
            list_delete_range(self, i, i + 1);
            return None;
        }
    }
    return raise(vm.e_ValueError, "list.remove(x): x not in list");
}

void list_type_init(void)
{
    Type *t = vm.t_list;
    t->repr = list_repr;
    t->length = list_length;
    t->getitem = list_getitem;
    t->setitem = list_setitem;
    t->contains = list_contains;
    t->richcompare = list_richcompare;
    t->iter = list_iter;
    t->tp_new = list_tp_new;
    t->init = list_init;
    t->binary[NB_ADD] = list_add;
    t->binary[NB_INPLACE + NB_ADD] = list_iadd;
    t->binary[NB_MULTIPLY] = list_mul;
    t->getattr = generic_getattr;
    t->setattr = generic_setattr;
    vm.t_list_iterator->next = list_iter_next;
    static const MethodDef methods[] = {
        { "append", m_append, 0 }, { "extend", m_extend, 0 }, { "pop", m_pop, 0 },
        { "insert", m_insert, 0 }, { "sort", m_sort, 0 }, { "reverse", m_reverse, 0 },
        { "index", m_index, 0 }, { "count", m_count, 0 }, { "copy", m_copy, 0 },
        { "clear", m_clear, 0 }, { "remove", m_remove, 0 },
        { NULL, NULL, 0 },
    };
    type_add_methods(t, methods);
}
