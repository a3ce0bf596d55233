/*
** tuple: construction and the core slots.
*/
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "vm/runtime.h"

Object *tuple_new(size_t n)
{
    if (n == 0 && vm.empty_tuple)
        return vm.empty_tuple;
    if (n > (SIZE_MAX - sizeof(struct Tuple)) / sizeof(Object *))
        return raise_no_memory();
    Object *t = vm_alloc(sizeof(struct Tuple) + n * sizeof(Object *), L_TUPLE, vm.t_tuple);
    if (t)
        ((Tuple *)t)->size = n;
    return t;
}

Object *tuple_pack(size_t n, ...)
{
    Object *t = tuple_new(n);
    if (!t)
        return NULL;
    va_list ap;
    va_start(ap, n);
    for (size_t i = 0; i < n; i++)
        tuple_init_item(t, i, va_arg(ap, Object *));
    va_end(ap);
    return t;
}

Object *tuple_from_array(Object *const *items, size_t n)
{
    Object *t = tuple_new(n);
    if (!t)
        return NULL;
    for (size_t i = 0; i < n; i++)
        tuple_init_item(t, i, items[i]);
    return t;
}

int slice_indices(Object *slice, intptr_t length, intptr_t *start, intptr_t *stop,
                  intptr_t *step, intptr_t *count);

/* repr of a sequence: the items' reprs between brackets. */
Object *seq_repr(Object *const *items, size_t n, const char *open, const char *close,
                 bool one_comma)
{
    Object *parts = list_new(0);
    if (!parts)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        Object *r = obj_repr(items[i]);
        if (!r || list_append(parts, r) < 0)
            return NULL;
    }
    Object *body = str_join(str_from_cstr(", "), parts);
    if (!body)
        return NULL;
    Object *r = str_concat(str_from_cstr(open), body);
    if (r && one_comma && n == 1)
        r = str_concat(r, str_from_cstr(","));
    return r ? str_concat(r, str_from_cstr(close)) : NULL;
}

static Object *tuple_repr(Object *t)
{
    size_t n = tuple_size(t);
    Object **items = malloc((n + 1) * sizeof *items);
    if (!items)
        return raise_no_memory();
    for (size_t i = 0; i < n; i++)
        items[i] = tuple_get(t, i);
    Object *r = seq_repr(items, n, "(", ")", true);
    free(items);
    return r;
}

static intptr_t tuple_length(Object *t) { return (intptr_t)tuple_size(t); }

static Object *tuple_getitem(Object *t, Object *key)
{
    intptr_t n = (intptr_t)tuple_size(t);
    if (!is_small(key) && layout_of(key) == L_SLICE) {
        intptr_t start, stop, step, count;
        if (slice_indices(key, n, &start, &stop, &step, &count) < 0)
            return NULL;
        Object *r = tuple_new((size_t)count);
        for (intptr_t i = 0; r && i < count; i++)
            tuple_init_item(r, (size_t)i, tuple_get(t, (size_t)(start + i * step)));
        return r;
    }
    if (!is_int(key))
        return raise(vm.e_TypeError, "tuple indices must be integers or slices, not %s",
                     type_name(type_of(key)));
    intptr_t i;
    if (index_to_ssize(key, &i, true) < 0)
        return NULL;
    if (i < 0)
        i += n;
    if (i < 0 || i >= n)
        return raise(vm.e_IndexError, "tuple index out of range");
    return tuple_get(t, (size_t)i);
}

static int tuple_contains(Object *t, Object *v)
{
    for (size_t i = 0; i < tuple_size(t); i++) {
        int r = obj_richcompare_bool(tuple_get(t, i), v, CMP_EQ);
        if (r)
            return r;
    }
    return 0;
}

/* Lexicographic comparison of two item vectors. */
Object *seq_compare(Object *a, size_t na, Object *(*get_a)(Object *, size_t),
                    Object *b, size_t nb, Object *(*get_b)(Object *, size_t), CmpOp op)
{
    size_t i;
    for (i = 0; i < na && i < nb; i++) {
        int eq = obj_richcompare_bool(get_a(a, i), get_b(b, i), CMP_EQ);
        if (eq < 0)
            return NULL;
        if (!eq)
            break;
    }
    if (i >= na || i >= nb) {
        int c = (na > nb) - (na < nb);
        switch (op) {
        case CMP_LT: return bool_obj(c < 0);
        case CMP_LE: return bool_obj(c <= 0);
        case CMP_EQ: return bool_obj(c == 0);
        case CMP_NE: return bool_obj(c != 0);
        case CMP_GT: return bool_obj(c > 0);
        default: return bool_obj(c >= 0);
        }
    }
    if (op == CMP_EQ)
        return False_;
    if (op == CMP_NE)
        return True_;
    return obj_richcompare(get_a(a, i), get_b(b, i), op);
}

static Object *tuple_item_at(Object *t, size_t i) { return tuple_get(t, i); }

static Object *tuple_richcompare(Object *a, Object *b, CmpOp op)
{
    if (type_of(a) != vm.t_tuple || type_of(b) != vm.t_tuple)
        return NotImplemented;
    return seq_compare(a, tuple_size(a), tuple_item_at, b, tuple_size(b), tuple_item_at, op);
}

static int64_t tuple_hash(Object *t)
{
    /* CPython's xxHash-based tuple hash, so that hash((1, 2)) matches. */
    const uint64_t P1 = 11400714785074694791ull, P2 = 14029467366897019727ull,
                   P5 = 2870177450012600261ull;
    uint64_t acc = P5;
    size_t n = tuple_size(t);
    for (size_t i = 0; i < n; i++) {
        int64_t h = obj_hash(tuple_get(t, i));
        if (h == -1)
            return -1;
        acc += (uint64_t)h * P2;
        acc = (acc << 31) | (acc >> 33);
        acc *= P1;
    }
    acc += n ^ (P5 ^ 3527539ull);
    if (acc == (uint64_t)-1)
        return 1546275796;
    return (int64_t)acc;
}

static Object *tuple_add(Object *a, Object *b)
{
    if (type_of(a) != vm.t_tuple)
        return NotImplemented;
    if (type_of(b) != vm.t_tuple)
        return raise(vm.e_TypeError, "can only concatenate tuple (not \"%s\") to tuple",
                     type_name(type_of(b)));
    size_t na = tuple_size(a), nb = tuple_size(b);
    Object *r = tuple_new(na + nb);
    for (size_t i = 0; r && i < na; i++)
        tuple_init_item(r, i, tuple_get(a, i));
    for (size_t i = 0; r && i < nb; i++)
        tuple_init_item(r, na + i, tuple_get(b, i));
    return r;
}

static Object *tuple_iter(Object *t)
{
    Iter *it = (Iter *)vm_alloc(sizeof(struct Iter), L_ITER, vm.t_tuple_iterator);
    if (it)
        it->seq = t;
    return (Object *)it;
}

static Object *tuple_iter_next(Object *o)
{
    Iter *it = (Iter *)o;
    obj_read(o);
    Object *t = it->seq;
    if (!t)
        return NULL;
    if ((size_t)it->index >= tuple_size(t)) {
        obj_write(o);
        it->seq = NULL;
        return NULL;
    }
    obj_write(o);
    return tuple_get(t, (size_t)it->index++);
}

static Object *tuple_tp_new(Object *cls, Object *const *args, size_t nargs, Object *kw)
{
    if (args_no_kw("tuple", kw) < 0 || args_count("tuple", nargs, 0, 1) < 0)
        return NULL;
    Object *t = vm.empty_tuple;
    if (nargs) {
        if (!is_small(args[0]) && args[0]->type == vm.t_tuple)
            t = args[0];
        else {
            Object *l = list_from_iterable(args[0]);
            t = l ? list_as_tuple(l) : NULL;
        }
    }
    if (!t || (Type *)cls == vm.t_tuple)
        return t;
    Instance *in = (Instance *)vm_alloc(sizeof(struct Instance), L_INSTANCE, (Type *)cls);
    if (in)
        in->base_value = t;
    return (Object *)in;
}

void tuple_type_init(void)
{
    Type *t = vm.t_tuple;
    t->repr = tuple_repr;
    t->length = tuple_length;
    t->getitem = tuple_getitem;
    t->contains = tuple_contains;
    t->richcompare = tuple_richcompare;
    t->hash = tuple_hash;
    t->iter = tuple_iter;
    t->tp_new = tuple_tp_new;
    t->binary[NB_ADD] = tuple_add;
    t->getattr = generic_getattr;
    vm.t_tuple_iterator->next = tuple_iter_next;
}
