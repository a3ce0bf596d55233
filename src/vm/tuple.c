/*
** tuple: construction and the core slots.  An instance of a tuple
** subclass is an Instance whose base_value holds the tuple, so every slot
** starts from tuple_value(self).
*/
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "vm/container.h"

Object *tuple_new(size_t n)
{
    if (n == 0 && vm.empty_tuple)
        return vm.empty_tuple;
    if (n > (SIZE_MAX / 2 - sizeof(struct Tuple)) / sizeof(Object *))
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

Object *tuple_value(Object *v)
{
    if (is_small(v))
        return NULL;
    if (layout_of(v) == L_TUPLE)
        return v;
    if (layout_of(v) == L_INSTANCE && (v->type->flags & TF_TUPLE_SUBCLASS)) {
        Object *b = ((Instance *)v)->base_value;
        return b && !is_small(b) && layout_of(b) == L_TUPLE ? b : NULL;
    }
    return NULL;
}

/* repr of a sequence: the items' reprs between brackets. */
Object *seq_repr(Object *seq, size_t n, Object *(*get)(Object *, size_t), const char *open,
                 const char *close, bool one_comma)
{
    Object *parts = list_new(0);
    if (!parts)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        Object *r = obj_repr(get(seq, i));
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

static Object *tuple_item_at(Object *t, size_t i) { return tuple_get(t, i); }

static Object *tuple_repr(Object *self)
{
    Object *t = tuple_value(self);
    size_t n = tuple_size(t);
    if (n == 0)
        return str_from_cstr("()");
    int g = repr_enter(self);
    if (g)
        return g > 0 ? str_from_cstr("(...)") : NULL;
    Object *r = seq_repr(t, n, tuple_item_at, "(", ")", true);
    repr_leave(self);
    return r;
}

static intptr_t tuple_length(Object *t) { return (intptr_t)tuple_size(tuple_value(t)); }

static Object *tuple_getitem(Object *self, Object *key)
{
    Object *t = tuple_value(self);
    intptr_t n = (intptr_t)tuple_size(t);
    if (!is_small(key) && layout_of(key) == L_SLICE) {
        intptr_t start, stop, step, count;
        if (slice_indices(key, n, &start, &stop, &step, &count) < 0)
            return NULL;
        if (start == 0 && step == 1 && count == n && self == t)
            return t;
        Object *r = tuple_new((size_t)count);
        for (intptr_t i = 0; r && i < count; i++)
            tuple_init_item(r, (size_t)i, tuple_get(t, (size_t)(start + i * step)));
        return r;
    }
    if (!is_small(key) && !is_int(key) && !type_of(key)->unary[UN_INDEX])
        return raise(vm.e_TypeError, "tuple indices must be integers or slices, not %s",
                     type_name(type_of(key)));
    intptr_t i;
    if (index_to_ssize(key, &i, false) < 0)
        return NULL;
    if (i < 0)
        i += n;
    if (i < 0 || i >= n)
        return raise(vm.e_IndexError, "tuple index out of range");
    return tuple_get(t, (size_t)i);
}

static int tuple_contains(Object *self, Object *v)
{
    Object *t = tuple_value(self);
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

static Object *tuple_richcompare(Object *a, Object *b, CmpOp op)
{
    Object *ta = tuple_value(a), *tb = tuple_value(b);
    if (!ta || !tb)
        return NotImplemented;
    size_t na = tuple_size(ta), nb = tuple_size(tb);
    if (na != nb && (op == CMP_EQ || op == CMP_NE))
        return bool_obj(op == CMP_NE);
    return seq_compare(ta, na, tuple_item_at, tb, nb, tuple_item_at, op);
}

/* CPython's xxHash-based tuple hash, so that hash((1, 2)) matches. */
static int64_t tuple_hash(Object *self)
{
    Object *t = tuple_value(self);
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
    Object *ta = tuple_value(a), *tb = tuple_value(b);
    if (!ta)
        return NotImplemented;
    if (!tb)
        return raise(vm.e_TypeError, "can only concatenate tuple (not \"%s\") to tuple",
                     type_name(type_of(b)));
    size_t na = tuple_size(ta), nb = tuple_size(tb);
    if (nb == 0 && a == ta)
        return ta;
    if (na == 0 && b == tb)
        return tb;
    Object *r = tuple_new(na + nb);
    for (size_t i = 0; r && i < na; i++)
        tuple_init_item(r, i, tuple_get(ta, i));
    for (size_t i = 0; r && i < nb; i++)
        tuple_init_item(r, na + i, tuple_get(tb, i));
    return r;
}

static Object *tuple_mul(Object *a, Object *b)
{
    if (!tuple_value(a)) {
        Object *x = a;
        a = b;
        b = x;
    }
    Object *t = tuple_value(a);
    if (!t)
        return NotImplemented;
    if (!(is_small(b) || is_int(b) || type_of(b)->unary[UN_INDEX])) {
        if (type_of(b)->flags & TF_HEAP)
            return NotImplemented;
        return raise(vm.e_TypeError, "can't multiply sequence by non-int of type '%s'",
                     type_name(type_of(b)));
    }
    intptr_t n;
    size_t m = tuple_size(t);
    if (repeat_count(b, m * sizeof(Object *), &n) < 0)
        return NULL;
    if (n == 0)
        return vm.empty_tuple;
    if (n == 1 && a == t)
        return t;
    Object *r = tuple_new(m * (size_t)n);
    for (intptr_t k = 0; r && k < n; k++)
        for (size_t i = 0; i < m; i++)
            tuple_init_item(r, (size_t)k * m + i, tuple_get(t, i));
    return r;
}

static Object *tuple_iter(Object *t)
{
    Iter *it = (Iter *)vm_alloc(sizeof(struct Iter), L_ITER, vm.t_tuple_iterator);
    if (it)
        it->seq = tuple_value(t);
    return (Object *)it;
}

static Object *tuple_iter_next(Object *o)
{
    Iter *it = (Iter *)o;
    obj_read(o);
    Object *t = it->seq;
    if (!t)
        return NULL;
    obj_write(o);
    if ((size_t)it->index >= tuple_size(t)) {
        it->seq = NULL;
        return NULL;
    }
    return tuple_get(t, (size_t)it->index++);
}

static Object *tuple_iter_length_hint(Object *self, Object *const *args, size_t nargs,
                                      Object *kw)
{
    Iter *it = (Iter *)self;
    obj_read(self);
    if (!it->seq)
        return make_small(0);
    return make_small((intptr_t)tuple_size(it->seq) - it->index);
}

static Object *tuple_tp_new(Object *cls, Object *const *args, size_t nargs, Object *kw)
{
    if ((Type *)cls == vm.t_tuple && args_no_kw("tuple", kw) < 0)
        return NULL;
    if (args_count("tuple", nargs, 0, 1) < 0)
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

static Object *m_count(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("count", kw, nargs, 1) < 0)
        return NULL;
    Object *t = tuple_value(self);
    intptr_t c = 0;
    for (size_t i = 0; i < tuple_size(t); i++) {
        int r = obj_richcompare_bool(tuple_get(t, i), args[0], CMP_EQ);
        if (r < 0)
            return NULL;
        c += r;
    }
    return make_small(c);
}

static Object *m_index(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_no_kw("index", kw) < 0 || args_count("index", nargs, 1, 3) < 0)
        return NULL;
    Object *t = tuple_value(self);
    intptr_t start, stop, n = (intptr_t)tuple_size(t);
    if (seq_index_bounds("index", args, nargs, n, &start, &stop) < 0)
        return NULL;
    for (intptr_t i = start; i < stop && i < n; i++) {
        int r = obj_richcompare_bool(tuple_get(t, (size_t)i), args[0], CMP_EQ);
        if (r < 0)
            return NULL;
        if (r)
            return make_small(i);
    }
    return raise(vm.e_ValueError, "tuple.index(x): x not in tuple");
}

static Object *m_getnewargs(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    Object *t = tuple_value(self);
    return tuple_pack(1, t);
}

SLOT_METHODS(tuple, vm.t_tuple)

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
    t->binary[NB_MULTIPLY] = tuple_mul;
    t->getattr = generic_getattr;
    vm.t_tuple_iterator->next = tuple_iter_next;
    static const MethodDef methods[] = {
        { "count", m_count, 0 }, { "index", m_index, 0 },
        { "__getnewargs__", m_getnewargs, 0 },
        { "__class_getitem__", class_getitem, METH_CLASS },
        { NULL, NULL, 0 },
    };
    type_add_methods(t, methods);
    type_add_slot_methods(t, tuple_slot_methods);
    static const MethodDef iter_methods[] = {
        { "__length_hint__", tuple_iter_length_hint, 0 },
        { NULL, NULL, 0 },
    };
    type_add_methods(vm.t_tuple_iterator, iter_methods);
}
