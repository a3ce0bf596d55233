/*
** range and the iterators of the builtins: range, the __getitem__
** fall-back, iter(callable, sentinel), enumerate, zip, map, filter,
** reversed.
*/
#include <stdlib.h>

#include "vm/container.h"
#include "vm/eval.h"

Object *seq_iter_new(Object *seq)
{
    Iter *it = (Iter *)vm_alloc(sizeof(struct Iter), L_ITER, vm.t_seq_iterator);
    if (it)
        it->seq = seq;
    return (Object *)it;
}

static Object *seq_iter_next(Object *o)
{
    Iter *it = (Iter *)o;
    obj_read(o);
    if (!it->seq)
        return NULL;
    Object *v = obj_getitem(it->seq, make_small(it->index));
    obj_write(o);
    if (!v) {
        if (exc_matches(vm.e_IndexError) || exc_matches(vm.e_StopIteration)) {
            exc_clear();
            it->seq = NULL;
        }
        return NULL;
    }
    it->index++;
    return v;
}

static Object *callable_iter_next(Object *o)
{
    Iter *it = (Iter *)o;
    obj_read(o);
    if (!it->seq)
        return NULL;
    Object *v = obj_call0(it->seq);
    if (!v) {
        if (exc_matches(vm.e_StopIteration)) {
            exc_clear();
            obj_write(o);
            it->seq = NULL;
        }
        return NULL;
    }
    int eq = obj_richcompare_bool(v, it->aux, CMP_EQ);
    if (eq < 0)
        return NULL;
    if (eq) {
        obj_write(o);
        it->seq = NULL;
        return NULL;
    }
    return v;
}

Object *callable_iter_new(Object *callable, Object *sentinel)
{
    Iter *it = (Iter *)vm_alloc(sizeof(struct Iter), L_ITER, vm.t_callable_iterator);
    if (it) {
        it->seq = callable;
        it->aux = sentinel;
    }
    return (Object *)it;
}

Object *iter_self(Object *o) { return o; }

/* __next__ and __iter__ as methods, for code that names them.  __next__
   runs the builtin base's slot, so that a subclass overriding __next__
   can still call the one it inherits. */
static Object *m_next(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("__next__", kw, nargs, 0) < 0)
        return NULL;
    Type *t = type_of(self);
    while ((t->flags & TF_HEAP) && t->base)
        t = t->base;
    Object *v = t->next(self);
    if (!v && !exc_occurred())
        raise_object((Object *)vm.e_StopIteration);
    return v;
}

static Object *m_iter(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return args_exact("__iter__", kw, nargs, 0) < 0 ? NULL : self;
}

void iter_type_add_methods(Type *t)
{
    static const MethodDef methods[] = {
        { "__next__", m_next, 0 }, { "__iter__", m_iter, 0 },
        { NULL, NULL, 0 },
    };
    t->iter = iter_self;
    type_add_methods(t, methods);
}

/* ---- enumerate, zip, map, filter, reversed ------------------------------------------ */

static Object *enumerate_tp_new(Object *cls, Object *const *args, size_t nargs, Object *kw)
{
    static const char *const names[] = { "iterable", "start", NULL };
    Object *out[2];
    if (args_parse("enumerate", args, nargs, kw, names, 1, 2, out) < 0)
        return NULL;
    Object *it = obj_iter(out[0]);
    if (!it)
        return NULL;
    Object *start = out[1] ? number_index(out[1]) : make_small(0);
    if (!start)
        return NULL;
    Iter *e = (Iter *)vm_alloc(sizeof(struct Iter), L_ITER, (Type *)cls);
    if (e) {
        e->seq = it;
        e->aux = start;
    }
    return (Object *)e;
}

static Object *enumerate_next(Object *o)
{
    Iter *e = (Iter *)o;
    obj_read(o);
    Object *v = obj_next(e->seq);
    if (!v)
        return NULL;
    Object *i = e->aux;
    Object *next = obj_binary(i, make_small(1), NB_ADD);
    if (!next)
        return NULL;
    obj_write(o);
    e->aux = next;
    return tuple_pack(2, i, v);
}

static Object *zip_tp_new(Object *cls, Object *const *args, size_t nargs, Object *kw)
{
    static const char *const names[] = { "strict", NULL };
    Object *strict = NULL;
    size_t nkw = kw ? tuple_size(kw) : 0;
    if (nkw > 1)
        return raise(vm.e_TypeError, "zip() takes at most 1 keyword argument (%zu given)", nkw);
    if (nkw == 1 && !str_eq_cstr(tuple_get(kw, 0), names[0])) {
        char b[100];
        return raise(vm.e_TypeError, "'%s' is an invalid keyword argument for zip()",
                     str_cstr(tuple_get(kw, 0), b, sizeof b));
    }
    if (nkw)
        strict = args[nargs];
    Object *its = tuple_new(nargs);
    for (size_t i = 0; its && i < nargs; i++) {
        Object *it = obj_iter(args[i]);
        if (!it)
            return NULL;
        tuple_fill(its, i, it);
    }
    Iter *z = (Iter *)vm_alloc(sizeof(struct Iter), L_ITER, (Type *)cls);
    if (z) {
        z->seq = its;
        z->step = strict ? obj_truth(strict) : 0;
    }
    return (Object *)z;
}

static Object *zip_next(Object *o)
{
    Iter *z = (Iter *)o;
    obj_read(o);
    Object *its = z->seq;
    size_t n = tuple_size(its);
    if (n == 0)
        return NULL;
    Object *r = tuple_new(n);
    for (size_t i = 0; r && i < n; i++) {
        Object *v = obj_next(tuple_get(its, i));
        if (!v) {
            if (exc_occurred() || !z->step)
                return NULL;
            if (i > 0)
                return raise(vm.e_ValueError, "zip() argument %zu is shorter than argument%s%zu",
                             i + 1, i == 1 ? " " : "s 1-", i);
            for (size_t j = 1; j < n; j++) {
                Object *w = obj_next(tuple_get(its, j));
                if (w)
                    return raise(vm.e_ValueError, "zip() argument %zu is longer than argument%s%zu",
                                 j + 1, j == 1 ? " " : "s 1-", j);
                if (exc_occurred())
                    return NULL;
            }
            return NULL;
        }
        tuple_fill(r, i, v);
    }
    return r;
}

static Object *map_tp_new(Object *cls, Object *const *args, size_t nargs, Object *kw)
{
    if (args_no_kw("map", kw) < 0)
        return NULL;
    if (nargs < 2)
        return raise(vm.e_TypeError, "map() must have at least two arguments.");
    Object *its = tuple_new(nargs - 1);
    for (size_t i = 1; its && i < nargs; i++) {
        Object *it = obj_iter(args[i]);
        if (!it)
            return NULL;
        tuple_fill(its, i - 1, it);
    }
    Iter *m = (Iter *)vm_alloc(sizeof(struct Iter), L_ITER, (Type *)cls);
    if (m) {
        m->seq = its;
        m->aux = args[0];
    }
    return (Object *)m;
}

static Object *map_next(Object *o)
{
    Iter *m = (Iter *)o;
    obj_read(o);
    size_t n = tuple_size(m->seq);
    if (n > 8) {
        /* A tuple, not malloc'd memory: the collector must see the items
           while later iterators run. */
        Object *items = tuple_new(n);
        if (!items)
            return NULL;
        for (size_t i = 0; i < n; i++) {
            Object *v = obj_next(tuple_get(m->seq, i));
            if (!v)
                return NULL;
            tuple_init_item(items, i, v);
        }
        return call_with_tuple_and_dict(m->aux, items, NULL);
    }
    Object *argv[8];
    for (size_t i = 0; i < n; i++)
        if (!(argv[i] = obj_next(tuple_get(m->seq, i))))
            return NULL;
    return obj_call(m->aux, argv, n, NULL);
}

static Object *filter_tp_new(Object *cls, Object *const *args, size_t nargs, Object *kw)
{
    if (args_no_kw("filter", kw) < 0 || args_count("filter", nargs, 2, 2) < 0)
        return NULL;
    Object *it = obj_iter(args[1]);
    if (!it)
        return NULL;
    Iter *f = (Iter *)vm_alloc(sizeof(struct Iter), L_ITER, (Type *)cls);
    if (f) {
        f->seq = it;
        f->aux = args[0];
    }
    return (Object *)f;
}

static Object *filter_next(Object *o)
{
    Iter *f = (Iter *)o;
    obj_read(o);
    for (;;) {
        Object *v = obj_next(f->seq);
        if (!v)
            return NULL;
        Object *keep = f->aux == None ? v : obj_call1(f->aux, v);
        if (!keep)
            return NULL;
        int t = obj_truth(keep);
        if (t < 0)
            return NULL;
        if (t)
            return v;
    }
}

static Object *reversed_tp_new(Object *cls, Object *const *args, size_t nargs, Object *kw)
{
    if (args_no_kw("reversed", kw) < 0 || args_count("reversed", nargs, 1, 1) < 0)
        return NULL;
    Object *rev = type_lookup(type_of(args[0]), intern_cstr("__reversed__"));
    if (rev && rev != None)
        return obj_call1(rev, args[0]);
    if (rev || !type_of(args[0])->getitem || type_of(args[0]) == vm.t_dict)
        return raise(vm.e_TypeError, "'%s' object is not reversible", type_name(type_of(args[0])));
    intptr_t n = obj_length(args[0]);
    if (n < 0)
        return NULL;
    Iter *r = (Iter *)vm_alloc(sizeof(struct Iter), L_ITER, (Type *)cls);
    if (r) {
        r->seq = args[0];
        r->index = n - 1;
    }
    return (Object *)r;
}

static Object *reversed_next(Object *o)
{
    Iter *r = (Iter *)o;
    obj_read(o);
    if (!r->seq || r->index < 0)
        return NULL;
    Object *v = obj_getitem(r->seq, make_small(r->index));
    obj_write(o);
    r->index--;
    if (!v && (exc_matches(vm.e_IndexError) || exc_matches(vm.e_StopIteration))) {
        exc_clear();
        r->seq = NULL;
    }
    return v;
}

void range_types_init(void);

void iter_types_init(void)
{
    Type *iters[] = {
        vm.t_seq_iterator, vm.t_callable_iterator, vm.t_list_iterator, vm.t_tuple_iterator,
        vm.t_range_iterator, vm.t_str_iterator, vm.t_dict_keyiterator,
        vm.t_dict_valueiterator, vm.t_dict_itemiterator, vm.t_set_iterator, vm.t_enumerate,
        vm.t_zip, vm.t_map, vm.t_filter, vm.t_reversed,
    };
    for (size_t i = 0; i < sizeof iters / sizeof iters[0]; i++)
        iter_type_add_methods(iters[i]);
    vm.t_seq_iterator->next = seq_iter_next;
    vm.t_callable_iterator->next = callable_iter_next;

    range_types_init();
    static const MethodDef enumerate_methods[] = {
        { "__class_getitem__", class_getitem, METH_CLASS },
        { NULL, NULL, 0 },
    };
    type_add_methods(vm.t_enumerate, enumerate_methods);

    vm.t_enumerate->tp_new = enumerate_tp_new;
    vm.t_enumerate->next = enumerate_next;
    vm.t_zip->tp_new = zip_tp_new;
    vm.t_zip->next = zip_next;
    vm.t_map->tp_new = map_tp_new;
    vm.t_map->next = map_next;
    vm.t_filter->tp_new = filter_tp_new;
    vm.t_filter->next = filter_next;
    vm.t_reversed->tp_new = reversed_tp_new;
    vm.t_reversed->next = reversed_next;
}
