/*
** list: a size and a separate item vector (an Array), grown by half
** again each time, so that appends are amortised O(1) and a big vector
** is written card by card (stm_write_card per slot written), so that two
** transactions writing distant slots of one big list touch distinct cards.
**
** Also here: the repr recursion guard shared by the containers, and the
** GenericAlias objects that list[int], dict[str, int]... return.
*/
#include <stdlib.h>
#include <string.h>

#include "vm/container.h"

Array *array_new(size_t capacity)
{
    if (capacity > (SIZE_MAX / 2 - sizeof(struct Array)) / sizeof(Object *))
        return (Array *)raise_no_memory();
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

static Type *t_list_reverseiterator, *t_generic_alias;

Object *list_new(size_t n)
{
    /* The vector first: the list, allocated last, is young when it is
       pointed at it, and needs no barrier. */
    Array *a = NULL;
    if (n) {
        a = array_new(n);
        if (!a)
            return NULL;
        for (size_t i = 0; i < n; i++)
            a->items[i] = None;
    }
    List *l = (List *)vm_alloc(sizeof(struct List), L_LIST, vm.t_list);
    if (!l)
        return NULL;
    l->items = a;
    l->size = n;
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


/* A list or an instance of a list subclass (deque shares the layout but
   is no list). */
static inline bool is_list(Object *v)
{
    return !is_small(v) && (v->type->flags & TF_LIST_SUBCLASS);
}

/* Appends a copy of items [0, n) of a list or tuple. */
static int list_extend_seq(Object *l, Object *src, size_t n, bool src_is_list)
{
    size_t m = list_size(l);
    if (list_reserve(l, m + n) < 0)
        return -1;
    Array *a = ((List *)l)->items;
    if (src_is_list) {
        obj_read(src);
        Array *sa = ((List *)src)->items;
        if (n)
            obj_read((Object *)sa);
        for (size_t i = 0; i < n; i++) {
            array_write(a, m + i);
            a->items[m + i] = sa->items[i];
        }
    } else {
        for (size_t i = 0; i < n; i++) {
            array_write(a, m + i);
            a->items[m + i] = tuple_get(src, i);
        }
    }
    obj_write(l);
    ((List *)l)->size = m + n;
    return 0;
}

int list_extend(Object *l, Object *iterable)
{
    if (is_list(iterable))
        return list_extend_seq(l, iterable, list_size(iterable), true);
    Object *t = tuple_value(iterable);
    if (t)
        return list_extend_seq(l, t, tuple_size(t), false);
    Object *it = obj_iter(iterable);
    if (!it)
        return -1;
    /* CPython asks the iterable's __len__ for a size hint (a class may
       see the call); it only reserves room, within reason. */
    Type *ti = type_of(iterable);
    if (ti->length) {
        intptr_t n = ti->length(iterable);
        if (n < 0) {
            if (!exc_matches(vm.e_TypeError))
                return -1;
            exc_clear();
        } else if (n <= (1 << 20) && list_reserve(l, list_size(l) + (size_t)n) < 0) {
            return -1;
        }
    }
    for (;;) {
        Object *v = obj_next(it);
        if (!v)
            return exc_occurred() ? -1 : 0;
        if (list_append(l, v) < 0)
            return -1;
    }
}

Object *list_from_iterable(Object *iterable)
{
    Object *l = list_new(0);
    if (!l || list_extend(l, iterable) < 0)
        return NULL;
    return l;
}

/* ---- the repr recursion guard ------------------------------------------------
   The containers being repr'd by this thread, in a list kept in the thread
   state's dict, so that a container that contains itself prints "[...]". */

static Object *repr_running(bool create)
{
    ThreadState *ts = thread_state();
    obj_read((Object *)ts);
    Object *d = ts->dict;
    if (!d) {
        if (!create)
            return NULL;
        d = dict_new();
        if (!d)
            return NULL;
        obj_write((Object *)ts);
        ts->dict = d;
    }
    Object *key = intern_cstr("Py_Repr");
    Object *l = dict_get_str(d, key);
    if (!l && create) {
        l = list_new(0);
        if (!l || dict_set(d, key, l) < 0)
            return NULL;
    }
    return l;
}

int repr_enter(Object *o)
{
    Object *l = repr_running(true);
    if (!l)
        return -1;
    size_t n = list_size(l);
    for (size_t i = 0; i < n; i++)
        if (list_get(l, i) == o)
            return 1;
    return list_append(l, o);
}

void repr_leave(Object *o)
{
    Object *l = repr_running(false);
    if (!l)
        return;
    size_t n = list_size(l);
    for (size_t i = n; i-- > 0;)
        if (list_get(l, i) == o) {
            for (size_t j = i + 1; j < n; j++)
                list_set(l, j - 1, list_get(l, j));
            list_set(l, n - 1, NULL);
            obj_write(l);
            ((List *)l)->size = n - 1;
            return;
        }
}

static Object *list_repr(Object *l)
{
    size_t n = list_size(l);
    if (n == 0)
        return str_from_cstr("[]");
    int r = repr_enter(l);
    if (r)
        return r > 0 ? str_from_cstr("[...]") : NULL;
    /* A snapshot: an item's __repr__ may change the list. */
    Object *copy = list_from_iterable(l);
    Object *s = copy ? seq_repr(copy, list_size(copy), list_get, "[", "]", false) : NULL;
    repr_leave(l);
    return s;
}

static intptr_t list_length(Object *l) { return (intptr_t)list_size(l); }

static Object *list_index_error(Object *key, const char *what)
{
    return raise(vm.e_TypeError, "%s indices must be integers or slices, not %s", what,
                 type_name(type_of(key)));
}

static bool is_slice(Object *v) { return !is_small(v) && layout_of(v) == L_SLICE; }

static bool has_index(Object *v)
{
    return is_small(v) || is_int(v) || type_of(v)->unary[UN_INDEX];
}

static Object *list_slice(Object *l, intptr_t start, intptr_t step, intptr_t count)
{
    Object *r = list_new(0);
    if (!r || list_reserve(r, (size_t)count) < 0)
        return NULL;
    if (count == 0)
        return r;
    /* The new vector is the youngest object: filled without barriers. */
    Array *dst = ((List *)r)->items;
    obj_read(l);
    Array *src = ((List *)l)->items;
    obj_read((Object *)src);
    if (step == 1)
        memcpy(stm_real_address((stm_obj *)dst) + offsetof(struct Array, items),
               stm_real_address((stm_obj *)src) + offsetof(struct Array, items)
                   + (size_t)start * sizeof(Object *),
               (size_t)count * sizeof(Object *));
    else
        for (intptr_t i = 0; i < count; i++)
            dst->items[i] = src->items[start + i * step];
    ((List *)r)->size = (size_t)count;
    return r;
}

static Object *list_getitem(Object *l, Object *key)
{
    intptr_t n = (intptr_t)list_size(l);
    if (is_small(key)) {
        intptr_t i = small_value(key);
        if (i < 0)
            i += n;
        if (i < 0 || i >= n)
            return raise(vm.e_IndexError, "list index out of range");
        return list_get(l, (size_t)i);
    }
    if (is_slice(key)) {
        intptr_t start, stop, step, count;
        if (slice_indices(key, n, &start, &stop, &step, &count) < 0)
            return NULL;
        return list_slice(l, start, step, count);
    }
    if (!has_index(key))
        return list_index_error(key, "list");
    intptr_t i;
    if (index_to_ssize(key, &i, false) < 0)
        return NULL;
    if (i < 0)
        i += n;
    if (i < 0 || i >= n)
        return raise(vm.e_IndexError, "list index out of range");
    return list_get(l, (size_t)i);
}

/* Replaces items [lo, hi) by the n items of src (NULL: none). */
static int list_replace(Object *lo_, size_t lo, size_t hi, Object *src, size_t n)
{
    List *l = (List *)lo_;
    size_t size = list_size(lo_), removed = hi - lo;
    size_t nsize = size - removed + n;
    if (n > removed && list_reserve(lo_, nsize) < 0)
        return -1;
    Array *a = l->items;
    if (!a)
        return 0;
    obj_read((Object *)a);
    if (n > removed) {
        for (size_t i = size; i-- > hi;) {
            array_write(a, i + n - removed);
            a->items[i + n - removed] = a->items[i];
        }
    } else if (n < removed) {
        for (size_t i = hi; i < size; i++) {
            array_write(a, i - removed + n);
            a->items[i - removed + n] = a->items[i];
        }
        /* Forget the vacated slots so that their objects can die. */
        for (size_t i = nsize; i < size; i++) {
            array_write(a, i);
            a->items[i] = NULL;
        }
    }
    for (size_t i = 0; i < n; i++) {
        array_write(a, lo + i);
        a->items[lo + i] = list_get(src, i);
    }
    obj_write(lo_);
    l->size = nsize;
    return 0;
}

int list_delete_range(Object *l, size_t from, size_t to)
{
    return list_replace(l, from, to, NULL, 0);
}

static int list_ass_slice(Object *l, Object *key, Object *value)
{
    intptr_t n = (intptr_t)list_size(l);
    intptr_t start, stop, step, count;
    if (slice_indices(key, n, &start, &stop, &step, &count) < 0)
        return -1;
    Object *items = NULL;
    if (value) {
        /* A copy first: the value may be the list itself. */
        items = list_from_iterable(value);
        if (!items) {
            if (exc_matches(vm.e_TypeError) && !type_of(value)->iter && !type_of(value)->getitem) {
                exc_clear();
                raise(vm.e_TypeError, step == 1 ? "can only assign an iterable"
                                                : "must assign iterable to extended slice");
            }
            return -1;
        }
    }
    if (step == 1) {
        if (stop < start)
            stop = start;
        return list_replace(l, (size_t)start, (size_t)stop, items, items ? list_size(items) : 0);
    }
    if (!value) {
        if (count == 0)
            return 0;
        if (step < 0) {
            start = start + step * (count - 1);
            step = -step;
        }
        /* Compact in one pass: keep every item not on the slice. */
        size_t size = (size_t)n, w = (size_t)start, next = (size_t)start;
        intptr_t k = 0;
        for (size_t i = (size_t)start; i < size; i++) {
            if (k < count && i == next) {
                k++;
                next += (size_t)step;
                continue;
            }
            list_set(l, w++, list_get(l, i));
        }
        for (size_t i = w; i < size; i++)
            list_set(l, i, NULL);
        obj_write(l);
        ((List *)l)->size = w;
        return 0;
    }
    if ((intptr_t)list_size(items) != count) {
        raise(vm.e_ValueError, "attempt to assign sequence of size %zu to extended slice of size %zd",
              list_size(items), count);
        return -1;
    }
    for (intptr_t k = 0; k < count; k++)
        list_set(l, (size_t)(start + k * step), list_get(items, (size_t)k));
    return 0;
}

static int list_setitem(Object *l, Object *key, Object *value)
{
    intptr_t n = (intptr_t)list_size(l);
    if (is_slice(key))
        return list_ass_slice(l, key, value);
    if (!has_index(key)) {
        list_index_error(key, "list");
        return -1;
    }
    intptr_t i;
    if (index_to_ssize(key, &i, false) < 0)
        return -1;
    if (i < 0)
        i += n;
    if (i < 0 || i >= n) {
        raise(vm.e_IndexError, "list assignment index out of range");
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

static Object *list_item_at(Object *l, size_t i)
{
    return i < list_size(l) ? list_get(l, i) : None;
}

static Object *list_richcompare(Object *a, Object *b, CmpOp op)
{
    if (!is_list(a) || !is_list(b))
        return NotImplemented;
    size_t na = list_size(a), nb = list_size(b);
    if (na != nb && (op == CMP_EQ || op == CMP_NE))
        return bool_obj(op == CMP_NE);
    return seq_compare(a, na, list_item_at, b, nb, list_item_at, op);
}

static Object *list_add(Object *a, Object *b)
{
    if (!is_list(a))
        return NotImplemented;
    if (!is_list(b))
        return raise(vm.e_TypeError, "can only concatenate list (not \"%s\") to list",
                     type_name(type_of(b)));
    Object *r = list_new(0);
    if (!r || list_reserve(r, list_size(a) + list_size(b)) < 0
        || list_extend(r, a) < 0 || list_extend(r, b) < 0)
        return NULL;
    return r;
}

static Object *list_iadd(Object *a, Object *b)
{
    return list_extend(a, b) < 0 ? NULL : a;
}

static Object *list_mul(Object *a, Object *b)
{
    if (!is_list(a)) {
        Object *t = a;
        a = b;
        b = t;
    }
    if (!is_list(a))
        return NotImplemented;
    if (!has_index(b)) {
        /* A class written in Python may have __rmul__; builtins do not. */
        if (type_of(b)->flags & TF_HEAP)
            return NotImplemented;
        return raise(vm.e_TypeError, "can't multiply sequence by non-int of type '%s'",
                     type_name(type_of(b)));
    }
    size_t m = list_size(a);
    intptr_t n;
    if (repeat_count(b, m * sizeof(Object *), &n) < 0)
        return NULL;
    Object *r = list_new(0);
    if (!r || list_reserve(r, m * (size_t)n) < 0)
        return NULL;
    for (intptr_t k = 0; k < n; k++)
        if (list_extend_seq(r, a, m, true) < 0)
            return NULL;
    return r;
}

static Object *list_imul(Object *a, Object *b)
{
    if (!has_index(b))
        return NotImplemented;
    size_t m = list_size(a);
    intptr_t n;
    if (repeat_count(b, m * sizeof(Object *), &n) < 0)
        return NULL;
    if (n == 0) {
        list_delete_range(a, 0, m);
        return a;
    }
    if (list_reserve(a, m * (size_t)n) < 0)
        return NULL;
    for (intptr_t k = 1; k < n; k++)
        if (list_extend_seq(a, a, m, true) < 0)
            return NULL;
    return a;
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

static Object *list_reviter_next(Object *o)
{
    Iter *it = (Iter *)o;
    obj_read(o);
    Object *l = it->seq;
    if (!l)
        return NULL;
    obj_write(o);
    if (it->index < 0 || (size_t)it->index >= list_size(l)) {
        it->seq = NULL;
        return NULL;
    }
    return list_get(l, (size_t)it->index--);
}

static Object *iter_length_hint(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    Iter *it = (Iter *)self;
    obj_read(self);
    if (!it->seq)
        return make_small(0);
    intptr_t n = (intptr_t)list_size(it->seq);
    if (type_of(self) == t_list_reverseiterator)
        return make_small(it->index < n ? it->index + 1 : 0);
    return make_small(n > it->index ? n - it->index : 0);
}

static Object *list_tp_new(Object *cls, Object *const *args, size_t nargs, Object *kw)
{
    return vm_alloc(sizeof(struct List), L_LIST, (Type *)cls);
}

static int list_init(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (type_of(self) == vm.t_list && args_no_kw("list", kw) < 0)
        return -1;
    if (args_count("list", nargs, 0, 1) < 0)
        return -1;
    if (list_size(self))
        list_delete_range(self, 0, list_size(self));
    return nargs ? list_extend(self, args[0]) : 0;
}

static Object *m_append(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("list.append", kw, nargs, 1) < 0 || list_append(self, args[0]) < 0)
        return NULL;
    return None;
}

static Object *m_extend(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("list.extend", kw, nargs, 1) < 0 || list_extend(self, args[0]) < 0)
        return NULL;
    return None;
}

static Object *m_pop(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_no_kw("pop", kw) < 0 || args_count("pop", nargs, 0, 1) < 0)
        return NULL;
    intptr_t n = (intptr_t)list_size(self), i = n - 1;
    if (nargs && index_to_ssize(args[0], &i, false) < 0)
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
    Object *one = tuple_pack(1, args[1]);
    Object *src = one ? list_from_iterable(one) : NULL;
    if (!src || list_replace(self, (size_t)i, (size_t)i, src, 1) < 0)
        return NULL;
    return None;
}


static Object *m_sort(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (nargs)
        return raise(vm.e_TypeError, "sort() takes no positional arguments");
    Object *out[2] = { NULL, NULL };
    for (size_t i = 0; kw && i < tuple_size(kw); i++) {
        Object *name = tuple_get(kw, i);
        int k = str_eq_cstr(name, "key") ? 0 : str_eq_cstr(name, "reverse") ? 1 : -1;
        if (k < 0) {
            char b[100];
            return raise(vm.e_TypeError, "'%s' is an invalid keyword argument for sort()",
                         str_cstr(name, b, sizeof b));
        }
        out[k] = args[nargs + i];
    }
    /* reverse takes ints only (bools included), as CPython parses it. */
    if (out[1] && !is_int(out[1]))
        return raise(vm.e_TypeError, "'%s' object cannot be interpreted as an integer",
                     type_name(type_of(out[1])));
    int rev = out[1] ? obj_truth(out[1]) : 0;
    if (rev < 0)
        return NULL;
    return list_sort(self, out[0] && out[0] != None ? out[0] : NULL, rev) < 0 ? NULL : None;
}

void list_reverse_range(Object *l, size_t lo, size_t hi)
{
    while (lo + 1 < hi) {
        hi--;
        Object *t = list_get(l, lo);
        list_set(l, lo, list_get(l, hi));
        list_set(l, hi, t);
        lo++;
    }
}

static Object *m_reverse(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("reverse", kw, nargs, 0) < 0)
        return NULL;
    list_reverse_range(self, 0, list_size(self));
    return None;
}

/* The start and stop of index(x, start, stop), clipped as CPython does. */
int seq_index_bounds(const char *fname, Object *const *args, size_t nargs, intptr_t n,
                     intptr_t *start, intptr_t *stop)
{
    *start = 0;
    *stop = n;
    if (nargs > 1 && index_to_ssize(args[1], start, true) < 0)
        return -1;
    if (nargs > 2 && index_to_ssize(args[2], stop, true) < 0)
        return -1;
    if (*start < 0 && (*start += n) < 0)
        *start = 0;
    if (*stop < 0 && (*stop += n) < 0)
        *stop = 0;
    return 0;
}

static Object *m_index(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_no_kw("index", kw) < 0 || args_count("index", nargs, 1, 3) < 0)
        return NULL;
    intptr_t start, stop;
    if (seq_index_bounds("index", args, nargs, (intptr_t)list_size(self), &start, &stop) < 0)
        return NULL;
    for (intptr_t i = start; i < stop && i < (intptr_t)list_size(self); i++) {
        int r = obj_richcompare_bool(list_get(self, (size_t)i), args[0], CMP_EQ);
        if (r < 0)
            return NULL;
        if (r)
            return make_small(i);
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
    return r && list_extend_seq(r, self, list_size(self), true) == 0 ? r : NULL;
}

static Object *m_clear(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("clear", kw, nargs, 0) < 0)
        return NULL;
    obj_write(self);
    ((List *)self)->items = NULL;
    ((List *)self)->size = 0;
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

static Object *m_reversed(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("__reversed__", kw, nargs, 0) < 0)
        return NULL;
    Iter *it = (Iter *)vm_alloc(sizeof(struct Iter), L_ITER, t_list_reverseiterator);
    if (it) {
        it->seq = self;
        it->index = (intptr_t)list_size(self) - 1;
    }
    return (Object *)it;
}

static Object *m_sizeof(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    obj_read(self);
    Array *a = ((List *)self)->items;
    return make_small(40 + (intptr_t)(a ? a->capacity : 0) * 8);
}

SLOT_METHODS(list, vm.t_list)

void type_add_slot_methods(Type *t, const MethodDef *defs)
{
    for (; defs->name; defs++) {
        const char *n = defs->name + 2;
        bool has = !strcmp(n, "getitem__") ? t->getitem != NULL
                 : !strcmp(n, "setitem__") || !strcmp(n, "delitem__") ? t->setitem != NULL
                 : !strcmp(n, "contains__") ? t->contains != NULL
                 : !strcmp(n, "len__") ? t->length != NULL
                 : !strcmp(n, "iter__") ? t->iter != NULL
                 : !strcmp(n, "repr__") ? t->repr != NULL
                 : !strcmp(n, "init__") ? t->init != NULL
                 : !strcmp(n, "eq__") ? t->richcompare != NULL
                 : t->tp_new != NULL;
        if (has) {
            MethodDef one[2] = { *defs, { NULL, NULL, 0 } };
            type_add_methods(t, one);
        }
    }
}

/* ---- GenericAlias: what list[int] returns ------------------------------------ */

typedef STM_SEG struct GenericAlias GenericAlias;
struct GenericAlias {           /* an L_RANGE layout: four references */
    OBJECT_HEAD;
    Object *origin, *args, *params, *unused;
};

static Object *ga_make(Type *t, Object *origin, Object *args)
{
    if (is_small(args) || args->type != vm.t_tuple) {
        args = tuple_pack(1, args);
        if (!args)
            return NULL;
    }
    GenericAlias *g = (GenericAlias *)vm_alloc(sizeof(struct GenericAlias), L_RANGE, t);
    if (g) {
        g->origin = origin;
        g->args = args;
        g->params = vm.empty_tuple;
    }
    return (Object *)g;
}

Object *generic_alias_new(Object *origin, Object *args)
{
    return ga_make(t_generic_alias, origin, args);
}

/* GenericAlias(origin, args), and the same for subclasses (collections.abc
   derives one for Callable[...]). */
static Object *ga_tp_new(Object *cls, Object *const *args, size_t nargs, Object *kw)
{
    if (args_no_kw("GenericAlias", kw) < 0 || args_count("GenericAlias", nargs, 2, 2) < 0)
        return NULL;
    return ga_make((Type *)cls, args[0], args[1]);
}


Object *class_getitem(Object *cls, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("__class_getitem__", kw, nargs, 1) < 0)
        return NULL;
    return generic_alias_new(cls, args[0]);
}

static Object *ga_repr_item(Object *p)
{
    if (p == vm.ellipsis)
        return str_from_cstr("...");
    if (!is_small(p) && layout_of(p) == L_TYPE) {
        Type *t = (Type *)p;
        Object *mod = dict_get_cstr(t->dict, "__module__");
        char mb[200], nb[200];
        if (mod && is_str(mod) && !str_eq_cstr(mod, "builtins"))
            return str_format("%s.%s", str_cstr(mod, mb, sizeof mb),
                              str_cstr(t->qualname, nb, sizeof nb));
        return t->qualname;
    }
    return obj_repr(p);
}

static Object *ga_repr(Object *o)
{
    GenericAlias *g = (GenericAlias *)o;
    Object *parts = list_new(0);
    for (size_t i = 0; parts && i < tuple_size(g->args); i++) {
        Object *r = ga_repr_item(tuple_get(g->args, i));
        if (!r || list_append(parts, r) < 0)
            return NULL;
    }
    Object *head = ga_repr_item(g->origin);
    Object *body = parts ? str_join(str_from_cstr(", "), parts) : NULL;
    if (!head || !body)
        return NULL;
    if (tuple_size(g->args) == 0)
        body = str_from_cstr("()");
    Object *r = str_concat(head, str_from_cstr("["));
    r = r ? str_concat(r, body) : NULL;
    return r ? str_concat(r, str_from_cstr("]")) : NULL;
}

static Object *ga_call(Object *o, Object *const *args, size_t nargs, Object *kw)
{
    return obj_call(((GenericAlias *)o)->origin, args, nargs, kw);
}

static Object *ga_getattr(Object *o, Object *name)
{
    GenericAlias *g = (GenericAlias *)o;
    if (str_eq_cstr(name, "__origin__"))
        return g->origin;
    if (str_eq_cstr(name, "__args__"))
        return g->args;
    if (str_eq_cstr(name, "__parameters__"))
        return g->params;
    Object *v = generic_getattr(o, name);
    if (v || exc_occurred())
        return v;
    return obj_getattr(g->origin, name);
}

static Object *ga_richcompare(Object *a, Object *b, CmpOp op)
{
    if ((op != CMP_EQ && op != CMP_NE) || !is_instance_of(b, t_generic_alias))
        return NotImplemented;
    GenericAlias *x = (GenericAlias *)a, *y = (GenericAlias *)b;
    int eq = x->origin == y->origin;
    if (eq) {
        eq = obj_richcompare_bool(x->args, y->args, CMP_EQ);
        if (eq < 0)
            return NULL;
    }
    return bool_obj(op == CMP_EQ ? eq : !eq);
}

static int64_t ga_hash(Object *o)
{
    GenericAlias *g = (GenericAlias *)o;
    int64_t a = obj_hash(g->origin), b = a == -1 ? -1 : obj_hash(g->args);
    if (b == -1)
        return -1;
    int64_t h = a ^ b;
    return h == -1 ? -2 : h;
}

static Object *ga_getitem(Object *o, Object *key)
{
    GenericAlias *g = (GenericAlias *)o;
    return ga_make(type_of(o), g->origin, key ? key : g->args);
}

static Object *ga_mro_entries(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return tuple_pack(1, ((GenericAlias *)self)->origin);
}

SLOT_METHODS(ga, t_generic_alias)

/* ---- start-up ---------------------------------------------------------------- */

void list_type_init(void)
{
    stm_add_root((stm_obj **)&t_list_reverseiterator);
    stm_add_root((stm_obj **)&t_generic_alias);
    t_list_reverseiterator = type_new_builtin("list_reverseiterator", vm.t_object, L_ITER, 0, 0);
    t_generic_alias = type_new_builtin("GenericAlias", vm.t_object, L_RANGE,
                                       sizeof(struct GenericAlias), TF_BASETYPE);
    dict_set_cstr(t_generic_alias->dict, "__module__", intern_cstr("types"));
    Type *ga = t_generic_alias;
    ga->repr = ga_repr;
    ga->call = ga_call;
    ga->getattr = ga_getattr;
    ga->richcompare = ga_richcompare;
    ga->hash = ga_hash;
    ga->getitem = ga_getitem;
    ga->tp_new = ga_tp_new;
    static const MethodDef ga_methods[] = {
        { "__mro_entries__", ga_mro_entries, 0 },
        { NULL, NULL, 0 },
    };
    type_add_methods(ga, ga_methods);
    type_add_slot_methods(ga, ga_slot_methods);

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
    t->binary[NB_INPLACE + NB_MULTIPLY] = list_imul;
    t->getattr = generic_getattr;
    t->setattr = generic_setattr;
    vm.t_list_iterator->next = list_iter_next;
    t_list_reverseiterator->next = list_reviter_next;
    iter_type_add_methods(t_list_reverseiterator);
    static const MethodDef methods[] = {
        { "append", m_append, 0 }, { "extend", m_extend, 0 }, { "pop", m_pop, 0 },
        { "insert", m_insert, 0 }, { "sort", m_sort, 0 }, { "reverse", m_reverse, 0 },
        { "index", m_index, 0 }, { "count", m_count, 0 }, { "copy", m_copy, 0 },
        { "clear", m_clear, 0 }, { "remove", m_remove, 0 },
        { "__reversed__", m_reversed, 0 }, { "__sizeof__", m_sizeof, 0 },
        { "__class_getitem__", class_getitem, METH_CLASS },
        { NULL, NULL, 0 },
    };
    type_add_methods(t, methods);
    type_add_slot_methods(t, list_slot_methods);
    /* Unhashable, visibly: collections.abc.Hashable looks for this. */
    dict_set_cstr(t->dict, "__hash__", None);
    static const MethodDef iter_methods[] = {
        { "__length_hint__", iter_length_hint, 0 },
        { NULL, NULL, 0 },
    };
    type_add_methods(vm.t_list_iterator, iter_methods);
    type_add_methods(t_list_reverseiterator, iter_methods);
}
