/*
** bytearray: an Instance whose base_value is its storage, a Bytes object
** that Python code never sees.  The storage's size is the bytearray's
** length and its (otherwise unused) hash field its capacity, with the
** count of memoryviews exporting it in the top bits; growing beyond the
** capacity swaps in a larger storage, so no size change is allowed while
** views export it (they find the data through the storage).  Both objects are mutable, so they
** are read and written through barriers.  The methods bytes shares are in
** bytes.c.
*/
#include <stdlib.h>
#include <string.h>

#include "vm/buffer.h"
#include "vm/str_impl.h"

extern const MethodDef bytes_common_defs[];
int bytes_source(Object *x, unsigned char **out, size_t *n, const char *tname);
Object *bytes_richcompare(Object *a, Object *b, CmpOp op);
Object *bytes_getitem_common(Object *self, Object *key, const char *what);
int bytes_contains(Object *self, Object *item);
Object *bytes_concat(Object *a, Object *b);
Object *bytes_repeat(Object *a, Object *b);
int64_t hash_not_implemented(Object *self);

#define EXPORT_SHIFT 48
#define CAP_MASK ((UINT64_C(1) << EXPORT_SHIFT) - 1)

static Object *storage_new(size_t cap)
{
    Bytes *s = (Bytes *)vm_alloc(sizeof(struct Bytes) + cap + 1, L_BYTES, vm.t_bytes);
    if (s)
        s->hash = (int64_t)cap;
    return (Object *)s;
}

static Object *storage(Object *self)
{
    obj_read(self);
    Object *s = ((Instance *)self)->base_value;
    obj_read(s);
    return s;
}

void bytearray_export(Object *ba, int delta)
{
    Object *s = storage(ba);
    obj_write(s);
    ((Bytes *)s)->hash += delta * ((int64_t)1 << EXPORT_SHIFT);
}

/* 0 when the length may become n, else -1 with BufferError.  Views that
   died without release() are found by a collection first. */
static int ba_check_resize(Object *self, size_t n)
{
    Object *s = storage(self);
    if (n == bytes_size(s) || !((uint64_t)((Bytes *)s)->hash >> EXPORT_SHIFT))
        return 0;
    buffer_release_dead_views();
    if (!((uint64_t)((Bytes *)storage(self))->hash >> EXPORT_SHIFT))
        return 0;
    raise(vm.e_BufferError, "Existing exports of data: object cannot be re-sized");
    return -1;
}

static Object *ba_alloc(Type *t, const unsigned char *d, size_t n)
{
    Object *s = storage_new(n);
    if (!s)
        return NULL;
    Instance *in = (Instance *)vm_alloc(sizeof(struct Instance), L_INSTANCE, t);
    if (!in)
        return NULL;
    ((Bytes *)s)->size = n;
    if (d && n)
        memcpy(bytes_wdata(s), d, n);
    in->base_value = s;
    return (Object *)in;
}

Object *bytearray_from_data(const unsigned char *d, size_t n)
{
    return ba_alloc(vm.t_bytearray, d, n);
}

/* Makes the length n, keeping the first bytes; new bytes are undefined.
   Returns the data to write, or NULL with MemoryError or BufferError. */
static unsigned char *ba_resize(Object *self, size_t n)
{
    if (ba_check_resize(self, n) < 0)
        return NULL;
    Object *s = storage(self);
    Bytes *b = (Bytes *)s;
    size_t cap = (size_t)((uint64_t)b->hash & CAP_MASK);
    if (n <= cap && n >= cap / 4) {
        obj_write(s);
        b->size = n;
        bytes_wdata(s)[n] = 0;
        return bytes_wdata(s);
    }
    size_t ncap = n > cap ? n + n / 8 + 16 : n;
    Object *ns = storage_new(ncap);
    if (!ns)
        return NULL;
    size_t keep = b->size < n ? b->size : n;
    memcpy(bytes_wdata(ns), bytes_data(s), keep);
    ((Bytes *)ns)->size = n;
    obj_write(self);
    ((Instance *)self)->base_value = ns;
    return bytes_wdata(ns);
}

/* The data to write in place (the length unchanged). */
static unsigned char *ba_wdata(Object *self)
{
    Object *s = storage(self);
    obj_write(s);
    return bytes_wdata(s);
}

static size_t ba_len(Object *self) { return bytes_size(storage(self)); }

/* Replaces self[lo:hi] with d[0..n) (d may point into self). */
static int ba_splice(Object *self, size_t lo, size_t hi, const unsigned char *d, size_t n)
{
    unsigned char *copy = NULL;
    if (ba_check_resize(self, ba_len(self) - (hi - lo) + n) < 0)
        return -1;
    if (n) {
        copy = malloc(n);
        if (!copy) {
            raise_no_memory();
            return -1;
        }
        memcpy(copy, d, n);
    }
    size_t len = ba_len(self), tail = len - hi, newlen = lo + n + tail;
    unsigned char *w;
    if (newlen > len) {
        w = ba_resize(self, newlen);
        if (!w)
            goto fail;
        memmove(w + lo + n, w + hi, tail);
    } else {
        w = ba_wdata(self);
        memmove(w + lo + n, w + hi, tail);
        w = ba_resize(self, newlen);
        if (!w)
            goto fail;
    }
    if (n)
        memcpy(w + lo, copy, n);
    free(copy);
    return 0;
fail:
    free(copy);
    return -1;
}

/* ---- construction ----------------------------------------------------------------- */

static Object *ba_tp_new(Object *cls, Object *const *args, size_t nargs, Object *kw)
{
    return ba_alloc((Type *)cls, NULL, 0);
}

static int ba_init(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    static const char *const names[] = { "source", "encoding", "errors", NULL };
    Object *a[3];
    if (args_parse("bytearray", args, nargs, kw, names, 0, 3, a) < 0)
        return -1;
    Object *s = a[0] ? str_unwrap(a[0]) : NULL;
    unsigned char *d = NULL;
    size_t n = 0;
    if (!a[0]) {
        if (a[1] || a[2]) {
            raise(vm.e_TypeError, a[1] ? "encoding without a string argument"
                                       : "errors without a string argument");
            return -1;
        }
    } else if (s) {
        if (!a[1]) {
            raise(vm.e_TypeError, "string argument without an encoding");
            return -1;
        }
        Object *enc = str_unwrap(a[1]), *err = a[2] ? str_unwrap(a[2]) : NULL;
        if (!enc || (a[2] && !err)) {
            raise(vm.e_TypeError, "bytearray() argument '%s' must be str, not %s",
                  enc ? "errors" : "encoding", type_name(type_of(enc ? a[2] : a[1])));
            return -1;
        }
        Object *b = codec_encode(s, enc, err);
        if (!b)
            return -1;
        return ba_splice(self, 0, ba_len(self), bytes_data(b), bytes_size(b));
    } else if (a[1] || a[2]) {
        raise(vm.e_TypeError, a[1] ? "encoding without a string argument"
                                   : "errors without a string argument");
        return -1;
    } else if (bytes_source(a[0], &d, &n, "bytearray") < 0) {
        return -1;
    }
    int rc = ba_splice(self, 0, ba_len(self), d, n);
    free(d);
    return rc;
}

static Object *m_init(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return ba_init(self, args, nargs, kw) < 0 ? NULL : None;
}

/* ---- slots --------------------------------------------------------------------------- */

static Object *ba_repr(Object *self)
{
    ByteView v;
    byte_view(self, &v);
    char prefix[200];
    snprintf(prefix, sizeof prefix, "%s(", type_name(type_of(self)));
    return bytes_repr_data(v.data, v.size, prefix, ")");
}

static intptr_t ba_length(Object *self) { return (intptr_t)ba_len(self); }

static Object *ba_getitem(Object *self, Object *key)
{
    return bytes_getitem_common(self, key, "bytearray ");
}

static int byte_value(Object *v, unsigned char *out)
{
    intptr_t b;
    if (!is_int(v) && !type_of(v)->unary[UN_INDEX]) {
        raise(vm.e_TypeError, "'%s' object cannot be interpreted as an integer",
              type_name(type_of(v)));
        return -1;
    }
    if (index_to_ssize(v, &b, true) < 0)
        return -1;
    if (b < 0 || b > 255) {
        raise(vm.e_ValueError, "byte must be in range(0, 256)");
        return -1;
    }
    *out = (unsigned char)b;
    return 0;
}

static int ba_setitem(Object *self, Object *key, Object *value)
{
    intptr_t len = (intptr_t)ba_len(self);
    if (!is_small(key) && layout_of(key) == L_SLICE) {
        intptr_t start, stop, step, count;
        if (slice_indices(key, len, &start, &stop, &step, &count) < 0)
            return -1;
        unsigned char *src = NULL;
        size_t n = 0;
        if (value) {
            if (is_int(value) || str_unwrap(value)) {
                raise(vm.e_TypeError, "can assign only bytes, buffers, or iterables of ints in "
                      "range(0, 256)");
                return -1;
            }
            if (bytes_source(value, &src, &n, "bytearray") < 0)
                return -1;
        }
        int rc = 0;
        if (step == 1 || (count == 0 && value && n == 0)) {
            if (stop < start)
                stop = start;
            rc = ba_splice(self, (size_t)start, (size_t)stop, src, n);
        } else if (!value) {
            /* Extended slice deletion: keep what the slice skips. */
            if (ba_check_resize(self, (size_t)(len - count)) < 0) {
                free(src);
                return -1;
            }
            unsigned char *w = ba_wdata(self);
            bool *del = calloc((size_t)len + 1, 1);
            if (!del) {
                raise_no_memory();
                return -1;
            }
            for (intptr_t i = 0; i < count; i++)
                del[start + i * step] = true;
            size_t k = 0;
            for (intptr_t i = 0; i < len; i++)
                if (!del[i])
                    w[k++] = w[i];
            free(del);
            rc = ba_resize(self, k) ? 0 : -1;
        } else if ((size_t)count != n) {
            raise(vm.e_ValueError, "attempt to assign bytes of size %zu to extended slice of "
                  "size %zd", n, count);
            rc = -1;
        } else {
            unsigned char *w = ba_wdata(self);
            for (intptr_t i = 0; i < count; i++)
                w[start + i * step] = src[i];
        }
        free(src);
        return rc;
    }
    if (!is_int(key) && !type_of(key)->unary[UN_INDEX]) {
        raise(vm.e_TypeError, "bytearray indices must be integers or slices, not %s",
              type_name(type_of(key)));
        return -1;
    }
    intptr_t i;
    if (index_to_ssize(key, &i, true) < 0)
        return -1;
    if (i < 0)
        i += len;
    if (i < 0 || i >= len) {
        raise(vm.e_IndexError, "bytearray index out of range");
        return -1;
    }
    if (!value)
        return ba_splice(self, (size_t)i, (size_t)i + 1, NULL, 0);
    unsigned char b;
    if (byte_value(value, &b) < 0)
        return -1;
    ba_wdata(self)[i] = b;
    return 0;
}

static Object *ba_mod(Object *a, Object *b)
{
    if (!is_bytearray(a))
        return NotImplemented;
    return bytes_percent_format(a, b, true);
}

static Object *ba_iadd(Object *a, Object *b)
{
    ByteView v;
    if (!is_bytearray(a))
        return NotImplemented;
    if (!byte_view(b, &v))
        return raise(vm.e_TypeError, "can't concat %s to %s", type_name(type_of(b)),
                     type_name(type_of(a)));
    size_t len = ba_len(a);
    return ba_splice(a, len, len, v.data, v.size) < 0 ? NULL : a;
}

static Object *ba_imul(Object *a, Object *b)
{
    if (!is_bytearray(a))
        return NotImplemented;
    Object *r = bytes_repeat(a, b);
    if (!r || r == NotImplemented)
        return r;
    ByteView v;
    byte_view(r, &v);
    return ba_splice(a, 0, ba_len(a), v.data, v.size) < 0 ? NULL : a;
}

/* ---- mutation methods ------------------------------------------------------------------ */

#define METHOD(name) \
    static Object *m_##name(Object *self, Object *const *args, size_t nargs, Object *kw)

METHOD(append)
{
    unsigned char b;
    if (args_exact("append", kw, nargs, 1) < 0 || byte_value(args[0], &b) < 0)
        return NULL;
    size_t len = ba_len(self);
    unsigned char *w = ba_resize(self, len + 1);
    if (!w)
        return NULL;
    w[len] = b;
    return None;
}

METHOD(extend)
{
    if (args_exact("extend", kw, nargs, 1) < 0)
        return NULL;
    if (is_int(args[0]))
        return raise(vm.e_TypeError, "can't extend bytearray with %s",
                     type_name(type_of(args[0])));
    unsigned char *d;
    size_t n;
    if (bytes_source(args[0], &d, &n, "bytearray") < 0)
        return NULL;
    size_t len = ba_len(self);
    int rc = ba_splice(self, len, len, d, n);
    free(d);
    return rc < 0 ? NULL : None;
}

METHOD(insert)
{
    if (args_no_kw("insert", kw) < 0 || args_count("insert", nargs, 2, 2) < 0)
        return NULL;
    intptr_t i;
    unsigned char b;
    if (index_to_ssize(args[0], &i, true) < 0 || byte_value(args[1], &b) < 0)
        return NULL;
    intptr_t len = (intptr_t)ba_len(self);
    if (i < 0) {
        i += len;
        if (i < 0)
            i = 0;
    }
    if (i > len)
        i = len;
    return ba_splice(self, (size_t)i, (size_t)i, &b, 1) < 0 ? NULL : None;
}

METHOD(pop)
{
    if (args_no_kw("pop", kw) < 0 || args_count("pop", nargs, 0, 1) < 0)
        return NULL;
    intptr_t i = -1, len = (intptr_t)ba_len(self);
    if (nargs && index_to_ssize(args[0], &i, true) < 0)
        return NULL;
    if (len == 0)
        return raise(vm.e_IndexError, "pop from empty bytearray");
    if (i < 0)
        i += len;
    if (i < 0 || i >= len)
        return raise(vm.e_IndexError, "pop index out of range");
    unsigned char b = bytes_data(storage(self))[i];
    return ba_splice(self, (size_t)i, (size_t)i + 1, NULL, 0) < 0 ? NULL : make_small(b);
}

METHOD(remove)
{
    unsigned char b;
    if (args_exact("remove", kw, nargs, 1) < 0 || byte_value(args[0], &b) < 0)
        return NULL;
    ByteView v;
    byte_view(self, &v);
    const unsigned char *at = memchr(v.data, b, v.size);
    if (!at)
        return raise(vm.e_ValueError, "value not found in bytearray");
    size_t i = (size_t)(at - v.data);
    return ba_splice(self, i, i + 1, NULL, 0) < 0 ? NULL : None;
}

METHOD(reverse)
{
    if (args_exact("reverse", kw, nargs, 0) < 0)
        return NULL;
    size_t n = ba_len(self);
    unsigned char *w = ba_wdata(self);
    for (size_t i = 0; i < n / 2; i++) {
        unsigned char t = w[i];
        w[i] = w[n - 1 - i];
        w[n - 1 - i] = t;
    }
    return None;
}

METHOD(clear)
{
    if (args_exact("clear", kw, nargs, 0) < 0)
        return NULL;
    return ba_resize(self, 0) ? None : NULL;
}

METHOD(copy)
{
    if (args_exact("copy", kw, nargs, 0) < 0)
        return NULL;
    ByteView v;
    byte_view(self, &v);
    return bytearray_from_data(v.data, v.size);
}

/* __repr__ in the type's own dict: pprint dispatches on type(x).__repr__. */
static Object *m_repr(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return args_exact("__repr__", kw, nargs, 0) < 0 ? NULL : ba_repr(self);
}

void bytearray_type_init(void)
{
    Type *t = vm.t_bytearray;
    t->repr = ba_repr;
    t->richcompare = bytes_richcompare;
    t->hash = hash_not_implemented;
    t->length = ba_length;
    t->getitem = ba_getitem;
    t->setitem = ba_setitem;
    t->contains = bytes_contains;
    t->tp_new = ba_tp_new;
    t->init = ba_init;
    t->binary[NB_ADD] = bytes_concat;
    t->binary[NB_MULTIPLY] = bytes_repeat;
    t->binary[NB_REMAINDER] = ba_mod;
    t->binary[NB_INPLACE + NB_ADD] = ba_iadd;
    t->binary[NB_INPLACE + NB_MULTIPLY] = ba_imul;
    t->getattr = generic_getattr;
    type_add_methods(t, bytes_common_defs);
    static const MethodDef own[] = {
        { "__init__", m_init, 0 }, { "append", m_append, 0 }, { "extend", m_extend, 0 },
        { "insert", m_insert, 0 }, { "pop", m_pop, 0 }, { "remove", m_remove, 0 },
        { "reverse", m_reverse, 0 }, { "clear", m_clear, 0 }, { "copy", m_copy, 0 },
        { "__repr__", m_repr, 0 }, { NULL, NULL, 0 },
    };
    type_add_methods(t, own);
}
