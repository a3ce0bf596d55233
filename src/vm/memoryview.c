/*
** memoryview and the internal buffer protocol (buffer.h).  A view holds
** its exporter (a bytes or bytearray, possibly a subclass) and a byte
** offset into the exporter's data, never an address: a bytearray's data is
** found again at each access, and cannot move while exported, because a
** bytearray refuses to change its size while a view exports it.  Views are
** one-dimensional; a strided one comes from slicing with a step.
*/
#include <string.h>

#include "vm/buffer.h"
#include "vm/num.h"
#include "vm/str_impl.h"

Object *getset_new(Type *owner, const char *name, Object *(*get)(Object *),
                   int (*set)(Object *, Object *));
int64_t bytes_hash(Object *self);

typedef STM_SEG struct MemView MemView;
struct MemView {                /* an L_NATIVE object: the Native layout */
    OBJECT_HEAD;
    Object *dict;
    Object *obj;                /* the exporter */
    Object *refs_[NATIVE_REFS - 2];     /* the rest of Native's references: unused */
    intptr_t start;             /* byte offset of item 0 in the exporter's data */
    intptr_t len;               /* items */
    intptr_t stride;            /* bytes from one item to the next */
    int64_t hash;               /* -1 until computed */
    uint32_t itemsize;
    char format;
    bool at_prefix;             /* the format was given as "@c" */
    bool readonly, released;
    bool exporting;             /* holds one export of a bytearray */
};

static Type *t_memoryview, *t_memory_iterator;

static const char native_formats[] = "cbB?hHiIlLqQnNfdP";

static size_t format_size(char f)
{
    switch (f) {
    case 'c': case 'b': case 'B': case '?': return 1;
    case 'h': case 'H': return 2;
    case 'i': case 'I': case 'f': return 4;
    default: return 8;
    }
}

static bool is_byte_format(char f) { return f == 'B' || f == 'b' || f == 'c'; }

static const BufferExporter *module_exporters[4];

void buffer_add_exporter(const BufferExporter *e)
{
    for (size_t i = 0; i < sizeof module_exporters / sizeof module_exporters[0]; i++)
        if (!module_exporters[i] || module_exporters[i] == e) {
            module_exporters[i] = e;
            return;
        }
}

static const BufferExporter *module_exporter(Object *obj)
{
    if (layout_of(obj) != L_NATIVE)
        return NULL;
    for (size_t i = 0; i < sizeof module_exporters / sizeof module_exporters[0]; i++)
        if (module_exporters[i] && module_exporters[i]->is(obj))
            return module_exporters[i];
    return NULL;
}

/* A view starts (1) or stops (-1) holding the exporter's data in place. */
static void exporter_hold(Object *obj, int delta)
{
    const BufferExporter *e = module_exporter(obj);
    if (e)
        e->export(obj, delta);
    else
        bytearray_export(obj, delta);
}

/* The data of a bytes or bytearray (or subclass instance) or of a module's
   exporter, for writing when write. */
static unsigned char *exporter_data(Object *obj, bool write, size_t *size)
{
    const BufferExporter *e = module_exporter(obj);
    if (e)
        return e->data(obj, write, size);
    if (layout_of(obj) == L_BYTES) {
        *size = bytes_size(obj);
        return bytes_wdata(obj);
    }
    obj_read(obj);
    Object *s = ((Instance *)obj)->base_value;
    if (write)
        obj_write(s);
    else
        obj_read(s);
    *size = bytes_size(s);
    return bytes_wdata(s);
}

static MemView *view_of(Object *v) { obj_read(v); return (MemView *)v; }

static unsigned char *view_data(MemView *m, bool write)
{
    size_t size;
    return exporter_data(m->obj, write, &size) + m->start;
}

static bool view_contiguous(MemView *m)
{
    return m->len <= 1 || m->stride == (intptr_t)m->itemsize;
}

static Object *released_error(void)
{
    return raise(vm.e_ValueError, "operation forbidden on released memoryview object");
}

bool is_memoryview(Object *v)
{
    /* memoryview cannot be subclassed. */
    return !is_small(v) && t_memoryview && v->type == t_memoryview;
}

int buffer_try(Object *v, Buffer *out, bool writable)
{
    if (is_small(v))
        return 0;
    if (layout_of(v) == L_BYTES || layout_of(v) == L_INSTANCE) {
        if (layout_of(v) == L_INSTANCE) {
            obj_read(v);
            Object *s = ((Instance *)v)->base_value;
            if (!s || is_small(s) || layout_of(s) != L_BYTES)
                return 0;
        }
        size_t size;
        out->obj = v;
        out->readonly = !is_bytearray(v);
        out->data = exporter_data(v, writable && !out->readonly, &size);
        out->len = size;
        out->itemsize = 1;
        out->format = 'B';
    } else if (is_memoryview(v)) {
        MemView *m = view_of(v);
        if (m->released) {
            released_error();
            return -1;
        }
        if (!view_contiguous(m)) {
            raise(vm.e_BufferError, "memoryview: underlying buffer is not C-contiguous");
            return -1;
        }
        out->obj = v;
        out->data = view_data(m, writable && !m->readonly);
        out->len = (size_t)m->len * m->itemsize;
        out->itemsize = m->itemsize;
        out->format = m->format;
        out->readonly = m->readonly;
    } else if (module_exporter(v)) {
        size_t itemsize;
        out->obj = v;
        out->format = module_exporter(v)->format(v, &itemsize);
        out->itemsize = itemsize;
        out->readonly = false;
        out->data = exporter_data(v, writable, &out->len);
    } else {
        return 0;
    }
    if (writable && out->readonly) {
        raise(vm.e_TypeError, "argument must be read-write bytes-like object, not %s",
              type_name(type_of(v)));
        return -1;
    }
    return 1;
}

int buffer_get(Object *v, Buffer *out, bool writable)
{
    int r = buffer_try(v, out, writable);
    if (r == 0 && writable)
        raise(vm.e_TypeError, "argument must be read-write bytes-like object, not %s",
              type_name(type_of(v)));
    else if (r == 0)
        raise(vm.e_TypeError, "a bytes-like object is required, not '%s'",
              type_name(type_of(v)));
    return r > 0 ? 0 : -1;
}

int int_bits64(Object *iv, uint64_t *bits, bool *neg)
{
    mp_limb_t buf;
    bigint_t b = int_view(iv, &buf);
    int64_t s;
    if (bigint_to_int64(b, &s) == 0) {
        *bits = (uint64_t)s;
        *neg = s < 0;
        return 0;
    }
    *neg = false;
    return bigint_to_uint64(b, bits) == 0 ? 0 : -1;
}

/* ---- items ---------------------------------------------------------------------- */

static Object *unpack_item(char f, const unsigned char *p)
{
    union {
        int8_t i8; uint8_t u8; int16_t i16; uint16_t u16; int32_t i32; uint32_t u32;
        int64_t i64; uint64_t u64; float f32; double f64;
    } u;
    memcpy(&u, p, format_size(f));
    switch (f) {
    case 'c': return bytes_new((const char *)p, 1);
    case 'b': return make_small(u.i8);
    case 'B': return make_small(u.u8);
    case '?': return bool_obj(u.u8 != 0);
    case 'h': return make_small(u.i16);
    case 'H': return make_small(u.u16);
    case 'i': return make_small(u.i32);
    case 'I': return make_small(u.u32);
    case 'f': return float_new(u.f32);
    case 'd': return float_new(u.f64);
    case 'l': case 'q': case 'n': return int_from_i64(u.i64);
    default: return int_from_u64(u.u64);
    }
}

static int pack_item(char f, unsigned char *p, Object *v)
{
    char fs[2] = { f, 0 };
    if (f == 'c') {
        if (!is_bytes(v)) {
            raise(vm.e_TypeError, "memoryview: invalid type for format '%s'", fs);
            return -1;
        }
        if (bytes_size(v) != 1)
            goto bad_value;
        *p = bytes_data(v)[0];
        return 0;
    }
    if (f == '?') {
        int t = obj_truth(v);
        if (t < 0)
            return -1;
        *p = (unsigned char)t;
        return 0;
    }
    if (f == 'f' || f == 'd') {
        Object *x = is_float(v) ? v : obj_unary(v, UN_FLOAT);
        if (!x) {
            if (exc_matches(vm.e_TypeError)) {
                exc_clear();
                raise(vm.e_TypeError, "memoryview: invalid type for format '%s'", fs);
            }
            return -1;
        }
        double d = float_value(x);
        if (f == 'f') {
            float g = (float)d;
            memcpy(p, &g, 4);
        } else {
            memcpy(p, &d, 8);
        }
        return 0;
    }
    Object *iv = is_int(v) ? int_value(v) : NULL;
    if (!iv) {
        if (!type_of(v)->unary[UN_INDEX]) {
            raise(vm.e_TypeError, "memoryview: invalid type for format '%s'", fs);
            return -1;
        }
        Object *x = number_index(v);
        if (!x)
            return -1;
        iv = int_value(x);
    }
    uint64_t bits;
    bool neg;
    if (int_bits64(iv, &bits, &neg) < 0)
        goto bad_value;
    size_t size = format_size(f);
    bool is_signed = strchr("bhilqn", f) != NULL;
    if (is_signed) {
        int64_t s = (int64_t)bits, lim = size == 8 ? INT64_MAX : (INT64_C(1) << (size * 8 - 1)) - 1;
        if (!neg && bits > (uint64_t)INT64_MAX)
            goto bad_value;
        if (s > lim || s < -lim - 1)
            goto bad_value;
    } else if (neg || (size < 8 && bits >> (size * 8))) {
        goto bad_value;
    }
    /* Little-endian host: the low bytes are the value. */
    memcpy(p, &bits, size);
    return 0;
bad_value:
    raise(vm.e_ValueError, "memoryview: invalid value for format '%s'", fs);
    return -1;
}

/* ---- construction and release ----------------------------------------------------- */

/* Stops the view's export of its bytearray: explicitly (release, __exit__)
   or when the collector found the view dead (buffer_release_dead_views). */
static void view_release(MemView *m)
{
    obj_read((Object *)m);
    if (m->released)
        return;
    obj_write((Object *)m);
    m->released = true;
    if (m->exporting) {
        m->exporting = false;
        exporter_hold(m->obj, -1);
    }
}

void memoryview_release(Object *v)
{
    view_release((MemView *)v);
}

void buffer_release_dead_views(void)
{
    stm_collect_major();
    finalizers_release_views();
}

static MemView *view_new(Object *obj, intptr_t start, intptr_t len, intptr_t stride,
                         uint32_t itemsize, char format, bool readonly)
{
    bool exports = is_bytearray(obj) || module_exporter(obj);
    if (exports)
        finalizers_release_views();
    MemView *m = (MemView *)vm_alloc(sizeof(struct MemView), L_NATIVE, t_memoryview);
    if (!m)
        return NULL;
    m->obj = obj;
    m->start = start;
    m->len = len;
    m->stride = stride;
    m->itemsize = itemsize;
    m->format = format;
    m->readonly = readonly;
    m->hash = -1;
    if (exports) {
        m->exporting = true;
        exporter_hold(obj, 1);
        stm_enable_finalizer((stm_obj *)m);
    }
    return m;
}

/* A view of some of m's items, with m's format. */
static MemView *view_derive(MemView *m, intptr_t start, intptr_t len, intptr_t stride,
                            bool readonly)
{
    MemView *r = view_new(m->obj, start, len, stride, m->itemsize, m->format, readonly);
    if (r)
        r->at_prefix = m->at_prefix;
    return r;
}

/* A view of v with the same items, or NULL with TypeError. */
static MemView *view_from(Object *v)
{
    if (is_memoryview(v)) {
        MemView *m = view_of(v);
        if (m->released)
            return (MemView *)released_error();
        return view_derive(m, m->start, m->len, m->stride, m->readonly);
    }
    Buffer b;
    int r = buffer_try(v, &b, false);
    if (r < 0)
        return NULL;
    if (r == 0)
        return (MemView *)raise(vm.e_TypeError, "memoryview: a bytes-like object is required, not '%s'",
                     type_name(type_of(v)));
    return view_new(v, 0, (intptr_t)(b.len / b.itemsize), (intptr_t)b.itemsize,
                    (uint32_t)b.itemsize, b.format, b.readonly);
}

static Object *mv_tp_new(Object *cls, Object *const *args, size_t nargs, Object *kw)
{
    static const char *const names[] = { "object", NULL };
    Object *a[1];
    if (args_parse("memoryview", args, nargs, kw, names, 1, 1, a) < 0)
        return NULL;
    return (Object *)view_from(a[0]);
}

#define CHECK(m)                        \
    MemView *m = view_of(self);         \
    if (m->released)                    \
        return released_error()

/* ---- slots ------------------------------------------------------------------------ */

static Object *mv_repr(Object *self)
{
    MemView *m = view_of(self);
    return str_format(m->released ? "<released memory at %p>" : "<memory at %p>",
                      (void *)(uintptr_t)self);
}

static intptr_t mv_length(Object *self)
{
    MemView *m = view_of(self);
    if (m->released) {
        released_error();
        return -1;
    }
    return m->len;
}

static int item_index(MemView *m, Object *key, intptr_t *i)
{
    if (index_to_ssize(key, i, true) < 0)
        return -1;
    if (*i < 0)
        *i += m->len;
    if (*i < 0 || *i >= m->len) {
        raise(vm.e_IndexError, "index out of bounds on dimension 1");
        return -1;
    }
    return 0;
}

static bool is_index(Object *key) { return is_int(key) || type_of(key)->unary[UN_INDEX]; }
static bool is_slice(Object *key) { return !is_small(key) && layout_of(key) == L_SLICE; }

static Object *mv_getitem(Object *self, Object *key)
{
    CHECK(m);
    if (is_slice(key)) {
        intptr_t start, stop, step, count;
        if (slice_indices(key, m->len, &start, &stop, &step, &count) < 0)
            return NULL;
        return (Object *)view_derive(m, m->start + start * m->stride, count, m->stride * step,
                                     m->readonly);
    }
    if (!is_index(key))
        return raise(vm.e_TypeError, "memoryview: invalid slice key");
    intptr_t i;
    if (item_index(m, key, &i) < 0)
        return NULL;
    return unpack_item(m->format, view_data(m, false) + i * m->stride);
}

static int mv_setitem(Object *self, Object *key, Object *value)
{
    MemView *m = view_of(self);
    if (m->released) {
        released_error();
        return -1;
    }
    if (m->readonly) {
        raise(vm.e_TypeError, "cannot modify read-only memory");
        return -1;
    }
    if (!value) {
        raise(vm.e_TypeError, "cannot delete memory");
        return -1;
    }
    if (is_index(key)) {
        intptr_t i;
        if (item_index(m, key, &i) < 0)
            return -1;
        unsigned char tmp[8];
        if (pack_item(m->format, tmp, value) < 0)
            return -1;
        memcpy(view_data(m, true) + i * m->stride, tmp, m->itemsize);
        return 0;
    }
    if (!is_slice(key)) {
        raise(vm.e_TypeError, "memoryview: invalid slice key");
        return -1;
    }
    intptr_t start, stop, step, count;
    if (slice_indices(key, m->len, &start, &stop, &step, &count) < 0)
        return -1;
    Buffer vb;
    if (!is_memoryview(value) && buffer_get(value, &vb, false) < 0)
        return -1;
    /* The source may be a view of the same strided memory: read it first. */
    MemView *src = view_from(value);
    if (!src)
        return -1;
    if (src->format != m->format || src->len != count) {
        raise(vm.e_ValueError, "memoryview assignment: lvalue and rvalue have different "
              "structures");
        view_release(src);
        return -1;
    }
    size_t n = (size_t)count * m->itemsize;
    unsigned char *tmp = malloc(n + 1);
    if (!tmp) {
        view_release(src);
        raise_no_memory();
        return -1;
    }
    const unsigned char *s = view_data(src, false);
    for (intptr_t i = 0; i < count; i++)
        memcpy(tmp + i * m->itemsize, s + i * src->stride, m->itemsize);
    view_release(src);
    unsigned char *d = view_data(m, true) + start * m->stride;
    for (intptr_t i = 0; i < count; i++)
        memcpy(d + i * step * m->stride, tmp + i * m->itemsize, m->itemsize);
    free(tmp);
    return 0;
}

/* The items of a view as bytes, in logical order. */
static Object *view_tobytes(MemView *m)
{
    Object *r = bytes_new(NULL, (size_t)m->len * m->itemsize);
    if (!r)
        return NULL;
    unsigned char *d = bytes_wdata(r);
    const unsigned char *s = view_data(m, false);
    if (view_contiguous(m))
        memcpy(d, s, (size_t)m->len * m->itemsize);
    else
        for (intptr_t i = 0; i < m->len; i++)
            memcpy(d + i * m->itemsize, s + i * m->stride, m->itemsize);
    return r;
}

static int64_t mv_hash(Object *self)
{
    MemView *m = view_of(self);
    if (m->hash != -1)
        return m->hash;
    if (m->released) {
        released_error();
        return -1;
    }
    if (!m->readonly) {
        raise(vm.e_ValueError, "cannot hash writable memoryview object");
        return -1;
    }
    if (!is_byte_format(m->format)) {
        raise(vm.e_ValueError, "memoryview: hashing is restricted to formats 'B', 'b' or 'c'");
        return -1;
    }
    Object *b = view_tobytes(m);
    if (!b)
        return -1;
    int64_t h = bytes_hash(b);
    /* Every thread computes the same value: no barrier, as for str. */
    m->hash = h;
    return h;
}

static Object *mv_richcompare(Object *a, Object *b, CmpOp op)
{
    if (op != CMP_EQ && op != CMP_NE)
        return NotImplemented;
    MemView *x = view_of(a);
    bool equal;
    if (x->released || (is_memoryview(b) && view_of(b)->released)) {
        equal = a == b;
    } else {
        Buffer wb;
        MemView *y;
        if (is_memoryview(b)) {
            y = view_of(b);
        } else {
            int r = buffer_try(b, &wb, false);
            if (r <= 0) {
                exc_clear();
                return NotImplemented;
            }
            y = view_from(b);
            if (!y)
                return NULL;
        }
        equal = x->len == y->len;
        for (intptr_t i = 0; equal && i < x->len; i++) {
            Object *p = unpack_item(x->format, view_data(x, false) + i * x->stride);
            Object *q = p ? unpack_item(y->format, view_data(y, false) + i * y->stride) : NULL;
            int c = q ? obj_richcompare_bool(p, q, CMP_EQ) : -1;
            if (c < 0)
                return NULL;
            equal = c;
        }
        if (y != (MemView *)b)
            view_release(y);
    }
    return bool_obj(op == CMP_EQ ? equal : !equal);
}

static Object *mv_iter(Object *self)
{
    CHECK(m);
    (void)m;
    Iter *it = (Iter *)vm_alloc(sizeof(struct Iter), L_ITER, t_memory_iterator);
    if (it)
        it->seq = self;
    return (Object *)it;
}

static Object *mv_iter_next(Object *self)
{
    obj_read(self);
    Iter *it = (Iter *)self;
    if (!it->seq)
        return NULL;
    MemView *m = view_of(it->seq);
    if (m->released)
        return released_error();
    obj_write(self);
    if (it->index >= m->len) {
        it->seq = NULL;
        return NULL;
    }
    intptr_t i = it->index++;
    return unpack_item(m->format, view_data(m, false) + i * m->stride);
}

static Object *self_iter(Object *self) { return self; }

/* ---- attributes -------------------------------------------------------------------- */

#define GETTER(name, expr) \
    static Object *get_##name(Object *self) { CHECK(m); return (expr); }

static Object *shape_tuple(intptr_t v) { return tuple_pack(1, make_small(v)); }

GETTER(obj, m->obj)
GETTER(nbytes, make_small(m->len * (intptr_t)m->itemsize))
GETTER(readonly, bool_obj(m->readonly))
GETTER(itemsize, make_small(m->itemsize))
GETTER(format, str_format(m->at_prefix ? "@%c" : "%c", m->format))
GETTER(ndim, make_small(1))
GETTER(shape, shape_tuple(m->len))
GETTER(strides, shape_tuple(m->stride))
GETTER(suboffsets, vm.empty_tuple)
GETTER(contiguous, bool_obj(view_contiguous(m)))

/* ---- methods ------------------------------------------------------------------------- */

#define METHOD(name) \
    static Object *m_##name(Object *self, Object *const *args, size_t nargs, Object *kw)

METHOD(tobytes)
{
    static const char *const names[] = { "order", NULL };
    Object *a[1];
    if (args_parse("tobytes", args, nargs, kw, names, 0, 1, a) < 0)
        return NULL;
    if (a[0] && a[0] != None) {
        Object *s = str_unwrap(a[0]);
        if (!s || str_len(s) != 1 || !strchr("CFA", (int)str_char(s, 0)))
            return raise(vm.e_ValueError, "order must be 'C', 'F' or 'A'");
    }
    CHECK(m);
    return view_tobytes(m);
}

METHOD(tolist)
{
    if (args_exact("tolist", kw, nargs, 0) < 0)
        return NULL;
    CHECK(m);
    Object *l = list_new((size_t)m->len);
    for (intptr_t i = 0; l && i < m->len; i++) {
        Object *v = unpack_item(m->format, view_data(m, false) + i * m->stride);
        if (!v)
            return NULL;
        list_set(l, (size_t)i, v);
    }
    return l;
}

METHOD(hex)
{
    CHECK(m);
    Object *b = view_tobytes(m);
    Object *f = b ? obj_getattr_cstr(b, "hex") : NULL;
    return f ? obj_call(f, args, nargs, kw) : NULL;
}

METHOD(toreadonly)
{
    if (args_exact("toreadonly", kw, nargs, 0) < 0)
        return NULL;
    CHECK(m);
    return (Object *)view_derive(m, m->start, m->len, m->stride, true);
}

METHOD(release)
{
    if (args_exact("release", kw, nargs, 0) < 0)
        return NULL;
    view_release(view_of(self));
    return None;
}

METHOD(enter)
{
    if (args_exact("__enter__", kw, nargs, 0) < 0)
        return NULL;
    CHECK(m);
    (void)m;
    return self;
}

METHOD(exit)
{
    view_release(view_of(self));
    return None;
}

METHOD(cast)
{
    static const char *const names[] = { "format", "shape", NULL };
    Object *a[2];
    if (args_parse("cast", args, nargs, kw, names, 1, 2, a) < 0)
        return NULL;
    Object *fs = str_unwrap(a[0]);
    if (!fs)
        return raise(vm.e_TypeError, "cast() argument 'format' must be str, not %s",
                     type_name(type_of(a[0])));
    CHECK(m);
    if (!view_contiguous(m))
        return raise(vm.e_TypeError, "memoryview: casts are restricted to C-contiguous views");
    size_t n = str_len(fs), at = n == 2 && str_char(fs, 0) == '@';
    uint32_t c = n == 1 + at ? str_char(fs, at) : 0;
    if (!c || !strchr(native_formats, (int)c))
        return raise(vm.e_ValueError, "memoryview: destination format must be a native single "
                     "character format prefixed with an optional '@'");
    char f = (char)c;
    if (!is_byte_format(m->format) && !is_byte_format(f))
        return raise(vm.e_TypeError, "memoryview: cannot cast between two non-byte formats");
    size_t nbytes = (size_t)m->len * m->itemsize, size = format_size(f);
    if (a[1]) {
        Type *st = type_of(a[1]);
        if (!type_is_subtype(st, vm.t_list) && !type_is_subtype(st, vm.t_tuple))
            return raise(vm.e_TypeError, "shape must be a list or a tuple");
        Object *items = list_from_iterable(a[1]);
        if (!items)
            return NULL;
        if (list_size(items) != 1)
            return raise(vm.e_NotImplementedError,
                         "memoryview: only one-dimensional shapes are supported");
        intptr_t d;
        Object *dim = list_get(items, 0);
        if (!is_int(dim))
            return raise(vm.e_TypeError, "memoryview.cast(): elements of shape must be integers");
        if (index_to_ssize(dim, &d, true) < 0)
            return NULL;
        if (d <= 0)
            return raise(vm.e_ValueError, "memoryview.cast(): elements of shape must be integers "
                         "> 0");
        if ((size_t)d * size != nbytes)
            return raise(vm.e_TypeError, "memoryview: product(shape) * itemsize != buffer size");
    } else if (nbytes % size) {
        return raise(vm.e_TypeError, "memoryview: length is not a multiple of itemsize");
    }
    MemView *r = view_new(m->obj, m->start, (intptr_t)(nbytes / size), (intptr_t)size,
                          (uint32_t)size, f, m->readonly);
    if (r)
        r->at_prefix = at;
    return (Object *)r;
}

Type *memoryview_type(void)
{
    if (t_memoryview)
        return t_memoryview;
    stm_add_root((stm_obj **)&t_memoryview);
    stm_add_root((stm_obj **)&t_memory_iterator);
    Type *t = type_new_builtin("memoryview", vm.t_object, L_NATIVE, sizeof(struct MemView), 0);
    t_memoryview = t;
    t->tp_new = mv_tp_new;
    t->repr = mv_repr;
    t->hash = mv_hash;
    t->richcompare = mv_richcompare;
    t->length = mv_length;
    t->getitem = mv_getitem;
    t->setitem = mv_setitem;
    t->iter = mv_iter;
    t->getattr = generic_getattr;
    static const MethodDef methods[] = {
        { "tobytes", m_tobytes, 0 }, { "tolist", m_tolist, 0 }, { "hex", m_hex, 0 },
        { "toreadonly", m_toreadonly, 0 }, { "release", m_release, 0 },
        { "cast", m_cast, 0 }, { "__enter__", m_enter, 0 }, { "__exit__", m_exit, 0 },
        { NULL, NULL, 0 },
    };
    type_add_methods(t, methods);
    static const struct { const char *name; Object *(*get)(Object *); } attrs[] = {
        { "obj", get_obj }, { "nbytes", get_nbytes }, { "readonly", get_readonly },
        { "itemsize", get_itemsize }, { "format", get_format }, { "ndim", get_ndim },
        { "shape", get_shape }, { "strides", get_strides }, { "suboffsets", get_suboffsets },
        { "c_contiguous", get_contiguous }, { "f_contiguous", get_contiguous },
        { "contiguous", get_contiguous },
    };
    for (size_t i = 0; i < sizeof attrs / sizeof attrs[0]; i++)
        getset_new(t, attrs[i].name, attrs[i].get, NULL);
    type_inherit(t);
    Type *it = type_new_builtin("memory_iterator", vm.t_object, L_ITER, sizeof(struct Iter), 0);
    t_memory_iterator = it;
    it->iter = self_iter;
    it->next = mv_iter_next;
    it->getattr = generic_getattr;
    type_inherit(it);
    return t;
}
