/*
** str's slots: comparison, hashing, indexing, iteration, the operators
** and construction.  The named methods are in str_methods.c.
*/
#include <stdlib.h>
#include <string.h>

#include "vm/str_impl.h"

Object *str_join(Object *sep, Object *iterable)
{
    Type *t = type_of(iterable);
    if (!t->iter && !t->getitem)
        return raise(vm.e_TypeError, "can only join an iterable");
    /* A list or tuple is read in place; anything else is collected first. */
    bool tuple = t == vm.t_tuple;
    Object *items = tuple || t == vm.t_list ? iterable : list_from_iterable(iterable);
    if (!items)
        return NULL;
    size_t n = tuple ? tuple_size(items) : list_size(items);
#define ITEM(i) (tuple ? tuple_get(items, i) : list_get(items, i))
    if (n == 1 && is_str(ITEM(0)))
        return ITEM(0);
    /* Two passes: sizes and kinds first, so the result is allocated once
       and filled with plain copies. */
    size_t seplen = str_len(sep), total = n ? seplen * (n - 1) : 0;
    int kind = n > 1 ? str_kind(sep) : 1;
    bool ascii = n < 2 || ((Str *)sep)->ascii;
    for (size_t i = 0; i < n; i++) {
        Object *item = ITEM(i);
        Object *s = str_unwrap(item);
        if (!s)
            return raise(vm.e_TypeError, "sequence item %zu: expected str instance, %s found", i,
                         type_name(type_of(item)));
        if (str_len(s) > SIZE_MAX / 8 - total)
            return raise(vm.e_OverflowError, "join() result is too long for a Python string");
        total += str_len(s);
        if (str_kind(s) > kind)
            kind = str_kind(s);
        ascii = ascii && ((Str *)s)->ascii;
    }
    if (total == 0)
        return vm.empty_str;
    Str *r = str_alloc(total, kind, ascii);
    if (!r)
        return NULL;
    char *d = str_wdata(r);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        for (int part = i ? 0 : 1; part < 2; part++) {
            Object *s = part ? str_unwrap(ITEM(i)) : sep;
            size_t m = str_len(s);
            int sk = str_kind(s);
            if (sk == kind)
                memcpy(d + k * (size_t)kind, str_data(s), m * (size_t)kind);
            else
                for (size_t j = 0; j < m; j++)
                    kind_put(d, kind, k + j, kind_get(str_data(s), sk, j));
            k += m;
        }
    }
#undef ITEM
    return (Object *)r;
}

static Object *str_repr_slot(Object *s) { return str_repr(str_unwrap(s)); }
static Object *str_str_slot(Object *s) { return str_unwrap(s); }
static int64_t str_hash_slot(Object *s) { return str_hash(str_unwrap(s)); }
static intptr_t str_length(Object *s) { return (intptr_t)str_len(str_unwrap(s)); }

static int str_compare(Object *a, Object *b)
{
    size_t na = str_len(a), nb = str_len(b), n = na < nb ? na : nb;
    int ka = str_kind(a), kb = str_kind(b);
    const void *da = str_data(a), *db = str_data(b);
    if (ka == 1 && kb == 1) {
        int c = memcmp(da, db, n);
        if (c)
            return c < 0 ? -1 : 1;
    } else {
        for (size_t i = 0; i < n; i++) {
            uint32_t x = kind_get(da, ka, i), y = kind_get(db, kb, i);
            if (x != y)
                return x < y ? -1 : 1;
        }
    }
    return na < nb ? -1 : na > nb;
}

static Object *str_richcompare(Object *a, Object *b, CmpOp op)
{
    a = str_unwrap(a);
    b = str_unwrap(b);
    if (!a || !b)
        return NotImplemented;
    if (op == CMP_EQ)
        return bool_obj(str_eq(a, b));
    if (op == CMP_NE)
        return bool_obj(!str_eq(a, b));
    int c = str_compare(a, b);
    switch (op) {
    case CMP_LT: return bool_obj(c < 0);
    case CMP_LE: return bool_obj(c <= 0);
    case CMP_GT: return bool_obj(c > 0);
    default: return bool_obj(c >= 0);
    }
}

static Object *str_add(Object *a, Object *b)
{
    Object *x = str_unwrap(a), *y = str_unwrap(b);
    if (!x)
        return NotImplemented;
    if (!y)
        return raise(vm.e_TypeError, "can only concatenate str (not \"%s\") to str",
                     type_name(type_of(b)));
    return str_concat(x, y);
}

static Object *str_repeat(Object *a, Object *b)
{
    Object *s = str_unwrap(a), *count = b;
    if (!s) {
        s = str_unwrap(b);
        count = a;
    }
    if (!s)
        return NotImplemented;
    if (!is_int(count)) {
        if (!type_of(count)->unary[UN_INDEX])
            return raise(vm.e_TypeError, "can't multiply sequence by non-int of type '%s'",
                         type_name(type_of(count)));
    }
    intptr_t n;
    size_t len = str_len(s);
    if (index_to_ssize(count, &n, false) < 0) {
        if (!exc_matches(vm.e_IndexError))
            return NULL;
        exc_clear();
        return raise(vm.e_OverflowError, "cannot fit 'int' into an index-sized integer");
    }
    if (n <= 0 || len == 0)
        return vm.empty_str;
    if (n == 1)
        return s;
    /* CPython's limit is on characters; the allocation's is on bytes. */
    if ((size_t)n > (size_t)INTPTR_MAX / len)
        return raise(vm.e_OverflowError, "repeated string is too long");
    int kind = str_kind(s);
    if (repeat_count(count, len * (size_t)kind, &n) < 0)
        return NULL;
    size_t total = len * (size_t)n;
    Str *r = str_alloc(total, kind, ((Str *)s)->ascii);
    if (!r)
        return NULL;
    char *d = str_wdata(r);
    size_t unit = len * (size_t)kind, done = unit, all = total * (size_t)kind;
    memcpy(d, str_data(s), unit);
    while (done < all) {
        size_t chunk = done < all - done ? done : all - done;
        memcpy(d + done, d, chunk);
        done += chunk;
    }
    return (Object *)r;
}

static Object *str_getitem(Object *self, Object *key)
{
    Object *s = str_unwrap(self);
    intptr_t n = (intptr_t)str_len(s);
    if (!is_small(key) && layout_of(key) == L_SLICE) {
        intptr_t start, stop, step, count;
        if (slice_indices(key, n, &start, &stop, &step, &count) < 0)
            return NULL;
        if (count <= 0)
            return vm.empty_str;
        if (step == 1)
            return str_substr(s, (size_t)start, (size_t)stop);
        int kind = str_kind(s);
        const void *d = str_data(s);
        char *buf = malloc((size_t)count * (size_t)kind);
        if (!buf)
            return raise_no_memory();
        for (intptr_t i = 0; i < count; i++)
            kind_put(buf, kind, (size_t)i, kind_get(d, kind, (size_t)(start + i * step)));
        Object *r = str_from_kind(buf, kind, (size_t)count);
        free(buf);
        return r;
    }
    intptr_t i;
    if (!is_int(key) && !type_of(key)->unary[UN_INDEX])
        return raise(vm.e_TypeError, "string indices must be integers, not '%s'",
                     type_name(type_of(key)));
    if (index_to_ssize(key, &i, true) < 0)
        return NULL;
    if (i < 0)
        i += n;
    if (i < 0 || i >= n)
        return raise(vm.e_IndexError, "string index out of range");
    return str_from_char(str_char(s, (size_t)i));
}

static int str_contains(Object *self, Object *item)
{
    Object *sub = str_unwrap(item);
    if (!sub) {
        raise(vm.e_TypeError, "'in <string>' requires string as left operand, not %s",
              type_name(type_of(item)));
        return -1;
    }
    Object *s = str_unwrap(self);
    intptr_t r = str_find_in(s, sub, 0, str_len(s), false);
    return r == -2 ? -1 : r >= 0;
}

static Object *str_iter(Object *s)
{
    Iter *it = (Iter *)vm_alloc(sizeof(struct Iter), L_ITER, vm.t_str_iterator);
    if (it)
        it->seq = str_unwrap(s);
    return (Object *)it;
}

static Object *str_iter_next(Object *o)
{
    Iter *it = (Iter *)o;
    obj_read(o);
    Object *s = it->seq;
    if (!s || (size_t)it->index >= str_len(s)) {
        if (s) {
            obj_write(o);
            it->seq = NULL;
        }
        return NULL;
    }
    uint32_t c = str_char(s, (size_t)it->index);
    obj_write(o);
    it->index++;
    return str_from_char(c);
}

static Object *str_mod(Object *a, Object *b)
{
    Object *s = str_unwrap(a);
    if (!s)
        return NotImplemented;
    return str_percent_format(s, b);
}

/* str(object='', encoding='utf-8', errors='strict') */
static Object *str_tp_new(Object *cls, Object *const *args, size_t nargs, Object *kw)
{
    static const char *const names[] = { "object", "encoding", "errors", NULL };
    Object *a[3];
    if (args_parse("str", args, nargs, kw, names, 0, 3, a) < 0)
        return NULL;
    Object *s;
    if (!a[1] && !a[2]) {
        s = a[0] ? obj_str(a[0]) : vm.empty_str;
    } else {
        ByteView v;
        Object *obj = a[0] ? a[0] : vm.empty_str;   /* str(encoding=...) is '' */
        if (!a[0])
            s = vm.empty_str;
        else if (str_unwrap(obj))
            return raise(vm.e_TypeError, "decoding str is not supported");
        else if (!byte_view(obj, &v))
            return raise(vm.e_TypeError, "decoding to str: need a bytes-like object, %s found",
                         type_name(type_of(obj)));
        else
            s = codec_decode(v.data, v.size, a[1], a[2]);
    }
    if (!s || (Type *)cls == vm.t_str)
        return s;
    Instance *in = (Instance *)vm_alloc(sizeof(struct Instance), L_INSTANCE, (Type *)cls);
    if (in)
        in->base_value = str_unwrap(s);
    return (Object *)in;
}

extern const MethodDef str_method_defs[];

/* __repr__ in the type's own dict: pprint dispatches on type(x).__repr__. */
static Object *str_m_repr(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return args_exact("__repr__", kw, nargs, 0) < 0 ? NULL : str_repr_slot(self);
}

void str_type_init(void)
{
    Type *t = vm.t_str;
    t->repr = str_repr_slot;
    t->str = str_str_slot;
    t->hash = str_hash_slot;
    t->richcompare = str_richcompare;
    t->length = str_length;
    t->getitem = str_getitem;
    t->contains = str_contains;
    t->iter = str_iter;
    t->tp_new = str_tp_new;
    t->binary[NB_ADD] = str_add;
    t->binary[NB_MULTIPLY] = str_repeat;
    t->binary[NB_REMAINDER] = str_mod;
    t->getattr = generic_getattr;
    vm.t_str_iterator->next = str_iter_next;
    type_add_methods(t, str_method_defs);
    static const MethodDef own[] = { { "__repr__", str_m_repr, 0 }, { NULL, NULL, 0 } };
    type_add_methods(t, own);
    bytes_type_init();
    bytearray_type_init();
}
