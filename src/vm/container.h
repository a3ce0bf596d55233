/*
** Private to the container implementations (list, tuple, dict, set,
** iterators and the itertools/_collections modules): helpers they share.
*/
#ifndef STMPY_CONTAINER_H
#define STMPY_CONTAINER_H

#include "vm/runtime.h"

Object *seq_repr(Object *seq, size_t n, Object *(*get)(Object *, size_t), const char *open,
                 const char *close, bool one_comma);
Object *seq_compare(Object *a, size_t na, Object *(*get_a)(Object *, size_t),
                    Object *b, size_t nb, Object *(*get_b)(Object *, size_t), CmpOp op);
int slice_indices(Object *slice, intptr_t length, intptr_t *start, intptr_t *stop,
                  intptr_t *step, intptr_t *count);
/* Sets item i of a tuple under construction after other allocations:
   a collection may have made the tuple old meanwhile, so the generational
   barrier is needed (it costs a flag test while the tuple is young). */
static inline void tuple_fill(Object *t, size_t i, Object *v)
{
    obj_write(t);
    tuple_init_item(t, i, v);
}

/* The tuple of a tuple or of an instance of a tuple subclass, else NULL. */
Object *tuple_value(Object *v);
int list_extend(Object *l, Object *iterable);
int list_reserve(Object *l, size_t need);
int list_sort(Object *l, Object *key, bool reverse);
void list_reverse_range(Object *l, size_t lo, size_t hi);
/* index(x, start, stop) bounds, clipped to [0, n]. */
int seq_index_bounds(const char *fname, Object *const *args, size_t nargs, intptr_t n,
                     intptr_t *start, intptr_t *stop);

/* The "[...]" guard: 1 if o is already being repr'd by this thread, 0
   after recording it (call repr_leave then), -1 on error. */
int repr_enter(Object *o);
void repr_leave(Object *o);

/* list[int] and the like. */
Object *generic_alias_new(Object *origin, Object *args);
Object *class_getitem(Object *cls, Object *const *args, size_t nargs, Object *kw);

/* Hash tables shared by dict and set (dict.c). */
DictTable *dict_table_new(uint32_t nslots);
int64_t table_find(DictTable *t, Object *key, int64_t hash, uint32_t *slot_out);
int table_insert(Object *owner, DictTable *STM_SEG *tablep, Object *key, int64_t hash,
                 Object *value, bool *added);
int table_remove(DictTable *t, Object *key, int64_t hash, Object **old_value);
bool table_next(DictTable *t, size_t *pos, Object **key, Object **value);
int dict_update_from(Object *d, Object *other);
int set_update(Object *s, Object *iterable);

/* Adds those of defs (a SLOT_METHODS table) whose slot t has. */
void type_add_slot_methods(Type *t, const MethodDef *defs);

/* An iterator type's __iter__ slot, and its __iter__ and __next__
   methods (which set the slot too). */
Object *iter_self(Object *o);
void iter_type_add_methods(Type *t);

/* Dunders of the slots, for code that names them (list.__getitem__(x, i),
   super().__setitem__(...)): they call this type's slot, not the
   instance's, so that a subclass's override can delegate to them. */
#define SLOT_METHODS(pre, T)                                                              \
    static Object *pre##_m_getitem(Object *s, Object *const *a, size_t n, Object *kw)     \
    {                                                                                     \
        return args_exact("__getitem__", kw, n, 1) < 0 ? NULL : T->getitem(s, a[0]);      \
    }                                                                                     \
    static Object *pre##_m_contains(Object *s, Object *const *a, size_t n, Object *kw)    \
    {                                                                                     \
        if (args_exact("__contains__", kw, n, 1) < 0)                                     \
            return NULL;                                                                  \
        int r = T->contains(s, a[0]);                                                     \
        return r < 0 ? NULL : bool_obj(r);                                                \
    }                                                                                     \
    static Object *pre##_m_len(Object *s, Object *const *a, size_t n, Object *kw)         \
    {                                                                                     \
        if (args_exact("__len__", kw, n, 0) < 0)                                          \
            return NULL;                                                                  \
        intptr_t r = T->length(s);                                                        \
        return r < 0 ? NULL : int_from_i64(r);                                            \
    }                                                                                     \
    static Object *pre##_m_iter(Object *s, Object *const *a, size_t n, Object *kw)        \
    {                                                                                     \
        return args_exact("__iter__", kw, n, 0) < 0 ? NULL : T->iter(s);                  \
    }                                                                                     \
    static Object *pre##_m_repr(Object *s, Object *const *a, size_t n, Object *kw)        \
    {                                                                                     \
        return args_exact("__repr__", kw, n, 0) < 0 ? NULL : T->repr(s);                  \
    }                                                                                     \
    static Object *pre##_m_init(Object *s, Object *const *a, size_t n, Object *kw)        \
    {                                                                                     \
        return T->init(s, a, n, kw) < 0 ? NULL : None;                                    \
    }                                                                                     \
    static Object *pre##_m_setitem(Object *s, Object *const *a, size_t n, Object *kw)     \
    {                                                                                     \
        if (args_exact("__setitem__", kw, n, 2) < 0 || T->setitem(s, a[0], a[1]) < 0)     \
            return NULL;                                                                  \
        return None;                                                                      \
    }                                                                                     \
    static Object *pre##_m_delitem(Object *s, Object *const *a, size_t n, Object *kw)     \
    {                                                                                     \
        if (args_exact("__delitem__", kw, n, 1) < 0 || T->setitem(s, a[0], NULL) < 0)     \
            return NULL;                                                                  \
        return None;                                                                      \
    }                                                                                     \
    static Object *pre##_m_eq(Object *s, Object *const *a, size_t n, Object *kw)          \
    {                                                                                     \
        return args_exact("__eq__", kw, n, 1) < 0 ? NULL : T->richcompare(s, a[0], CMP_EQ); \
    }                                                                                     \
    static Object *pre##_m_new(Object *s, Object *const *a, size_t n, Object *kw)         \
    {                                                                                     \
        if (n < 1 || is_small(a[0]) || layout_of(a[0]) != L_TYPE                          \
            || !type_is_subtype((Type *)a[0], T))                                         \
            return raise(vm.e_TypeError, "%s.__new__(X): X is not a subtype of %s",       \
                         type_name(T), type_name(T));                                     \
        return T->tp_new(a[0], a + 1, n - 1, kw);                                         \
    }                                                                                     \
    static const MethodDef pre##_slot_methods[] = {                                       \
        { "__getitem__", pre##_m_getitem, 0 }, { "__contains__", pre##_m_contains, 0 },   \
        { "__len__", pre##_m_len, 0 }, { "__iter__", pre##_m_iter, 0 },                   \
        { "__repr__", pre##_m_repr, 0 }, { "__init__", pre##_m_init, 0 },                 \
        { "__setitem__", pre##_m_setitem, 0 }, { "__delitem__", pre##_m_delitem, 0 },     \
        { "__eq__", pre##_m_eq, 0 }, { "__new__", pre##_m_new, METH_STATIC },             \
        { NULL, NULL, 0 },                                   \
    };

#endif
