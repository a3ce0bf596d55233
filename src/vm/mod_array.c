/*
** The array module: array.array, a mutable sequence of C numbers (or of
** wchar_t for 'u') with CPython's conversions and messages.  An array is
** an L_NATIVE object whose items live in a Bytes object used as raw
** storage, as a bytearray's do: the collector need not look inside it,
** and a larger one is swapped in when the array outgrows it, which is
** refused while memoryviews export the array (buffer.h).  Item values are
** converted before any data address is taken, since a conversion may run
** Python code.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "vm/buffer.h"
#include "vm/mod_os.h"
#include "vm/container.h"
#include "vm/num.h"
#include "vm/str_impl.h"

Object *getset_new(Type *owner, const char *name, Object *(*get)(Object *),
                   int (*set)(Object *, Object *));
int64_t hash_not_implemented(Object *self);

typedef STM_SEG struct ArrayObj ArrayObj;
struct ArrayObj {               /* the Native layout */
    OBJECT_HEAD;
    Object *dict;
    Object *store;              /* Bytes: its size is the capacity in bytes */
    Object *refs_[NATIVE_REFS - 2];
    size_t len;                 /* items */
    int64_t exports;            /* memoryviews holding the data in place */
    char code;
    uint8_t itemsize;
};

static Type *t_array;
static Type *t_array_iter;      /* array.arrayiterator: the sequence iterator, named */

static const char typecodes[] = "bBuhHiIlLqQfd";

static int code_size(char c)
{
    switch (c) {
    case 'b': case 'B': return 1;
    case 'h': case 'H': return 2;
    case 'u': case 'i': case 'I': case 'f': return 4;
    default: return 8;
    }
}

static bool is_array(Object *v)
{
    return !is_small(v) && layout_of(v) == L_NATIVE && t_array && type_is_subtype(v->type, t_array);
}

static ArrayObj *arr(Object *a)
{
    obj_read(a);
    return (ArrayObj *)a;
}

static size_t alen(Object *a) { return arr(a)->len; }

/* The items' bytes (a real address: take it again after an allocation). */
static unsigned char *adata(Object *a, bool write)
{
    Object *s = arr(a)->store;
    if (write)
        obj_write(s);
    else
        obj_read(s);
    return bytes_wdata(s);
}

static Object *store_new(size_t bytes)
{
    Bytes *s = (Bytes *)vm_alloc(sizeof(struct Bytes) + bytes + 1, L_BYTES, vm.t_bytes);
    if (s)
        s->size = bytes;
    return (Object *)s;
}

static Object *array_alloc(Type *t, char code, size_t n)
{
    size_t sz = (size_t)code_size(code);
    if (n > (SIZE_MAX / 2) / sz)
        return raise_no_memory();
    Object *s = store_new(n * sz);
    ArrayObj *a = s ? (ArrayObj *)vm_alloc(t->instance_size, L_NATIVE, t) : NULL;
    if (!a)
        return NULL;
    a->store = s;
    a->len = n;
    a->code = code;
    a->itemsize = (uint8_t)sz;
    return (Object *)a;
}

/* 0 when the array may change its length: no view exports it (views
   that died without release() are found by a collection first). */
static int resizable(Object *self)
{
    if (!arr(self)->exports)
        return 0;
    buffer_release_dead_views();
    if (!arr(self)->exports)
        return 0;
    raise(vm.e_BufferError, "cannot resize an array that is exporting buffers");
    return -1;
}

/* Gives the array n items (new ones zeroed), growing the storage when it
   is too small; refused while views export it. */
static int set_len(Object *self, size_t n)
{
    if (n == alen(self))
        return 0;
    if (resizable(self) < 0)
        return -1;
    ArrayObj *a = arr(self);
    size_t sz = a->itemsize, cap = bytes_size(a->store) / sz, old = a->len;
    if (n > (SIZE_MAX / 2) / sz) {
        raise_no_memory();
        return -1;
    }
    if (n > cap) {
        size_t ncap = n + (n >> 3) + (n < 9 ? 3 : 6);
        Object *s = store_new(ncap * sz);
        if (!s)
            return -1;
        memcpy(bytes_wdata(s), adata(self, false), old * sz);
        obj_write(self);
        ((ArrayObj *)self)->store = s;
    } else if (n > old) {
        memset(adata(self, true) + old * sz, 0, (n - old) * sz);
    }
    obj_write(self);
    ((ArrayObj *)self)->len = n;
    return 0;
}

/* ---- items ------------------------------------------------------------------------ */

static Object *overflow(const char *msg)
{
    return raise(vm.e_OverflowError, "%s", msg);
}

static int int_item(char code, Object *v, unsigned char *out)
{
    if (!is_int(v) && !(v = number_index(v)))
        return -1;
    v = int_value(v);
    uint64_t bits;
    bool neg;
    bool fits = int_bits64(v, &bits, &neg) == 0;
    bool below = neg;
    if (!fits) {
        int r = obj_richcompare_bool(v, make_small(0), CMP_LT);
        if (r < 0)
            return -1;
        below = r;
    }
    bool fits_signed = fits && (neg || bits <= INT64_MAX);
    int64_t s = (int64_t)bits;
    const char *lo = NULL, *hi = NULL;
    int64_t min = 0, max = 0;
    switch (code) {
    case 'b': min = -128, max = 127, lo = "signed char is less than minimum",
              hi = "signed char is greater than maximum"; break;
    case 'B': min = 0, max = 255, lo = "unsigned byte integer is less than minimum",
              hi = "unsigned byte integer is greater than maximum"; break;
    case 'h': min = INT16_MIN, max = INT16_MAX, lo = "signed short integer is less than minimum",
              hi = "signed short integer is greater than maximum"; break;
    case 'H': min = 0, max = UINT16_MAX, lo = "unsigned short is less than minimum",
              hi = "unsigned short is greater than maximum"; break;
    case 'i': min = INT32_MIN, max = INT32_MAX, lo = "signed integer is less than minimum",
              hi = "signed integer is greater than maximum"; break;
    case 'l': break;
    case 'q':
        if (!fits_signed) {
            overflow("int too big to convert");
            return -1;
        }
        memcpy(out, &s, 8);
        return 0;
    case 'I': case 'L':
        if (below) {
            overflow("can't convert negative value to unsigned int");
            return -1;
        }
        if (!fits) {
            overflow("Python int too large to convert to C unsigned long");
            return -1;
        }
        if (code == 'I') {
            if (bits > UINT32_MAX) {
                overflow("unsigned int is greater than maximum");
                return -1;
            }
            uint32_t u = (uint32_t)bits;
            memcpy(out, &u, 4);
        } else {
            memcpy(out, &bits, 8);
        }
        return 0;
    case 'Q':
        if (below) {
            overflow("can't convert negative int to unsigned");
            return -1;
        }
        if (!fits) {
            overflow("int too big to convert");
            return -1;
        }
        memcpy(out, &bits, 8);
        return 0;
    }
    if (!fits_signed) {
        overflow("Python int too large to convert to C long");
        return -1;
    }
    if (code == 'l') {
        memcpy(out, &s, 8);
        return 0;
    }
    if (s < min || s > max) {
        overflow(s < min ? lo : hi);
        return -1;
    }
    switch (code_size(code)) {
    case 1: out[0] = (unsigned char)s; break;
    case 2: { int16_t x = (int16_t)(uint16_t)s; memcpy(out, &x, 2); break; }
    default: { int32_t x = (int32_t)(uint32_t)s; memcpy(out, &x, 4); break; }
    }
    return 0;
}

/* Converts v to the item bytes of `code` in out[0..8). */
static int pack(char code, Object *v, unsigned char *out)
{
    if (code == 'u') {
        if (!is_str(v) || str_len(v) != 1) {
            raise(vm.e_TypeError, "array item must be unicode character");
            return -1;
        }
        uint32_t c = str_char(v, 0);
        memcpy(out, &c, 4);
        return 0;
    }
    if (code != 'f' && code != 'd')
        return int_item(code, v, out);
    double d;
    if (number_as_double(v, &d) == 0) {
        if (!type_lookup(type_of(v), intern_cstr("__float__"))
            && !type_lookup(type_of(v), intern_cstr("__index__"))) {
            raise(vm.e_TypeError, "must be real number, not %s", type_name(type_of(v)));
            return -1;
        }
        Object *f = float_from_object(v);
        if (!f)
            return -1;
        d = float_value(f);
    } else if (exc_occurred()) {
        return -1;
    }
    if (code == 'f') {
        float x = (float)d;
        memcpy(out, &x, 4);
    } else {
        memcpy(out, &d, 8);
    }
    return 0;
}

static Object *unpack(char code, const unsigned char *p)
{
    union {
        int8_t i8; uint8_t u8; int16_t i16; uint16_t u16; int32_t i32; uint32_t u32;
        int64_t i64; uint64_t u64; float f32; double f64;
    } u;
    memcpy(&u, p, (size_t)code_size(code));
    switch (code) {
    case 'b': return make_small(u.i8);
    case 'B': return make_small(u.u8);
    case 'h': return make_small(u.i16);
    case 'H': return make_small(u.u16);
    case 'i': return make_small(u.i32);
    case 'I': return make_small(u.u32);
    case 'l': case 'q': return int_from_i64(u.i64);
    case 'L': case 'Q': return int_from_u64(u.u64);
    case 'f': return float_new(u.f32);
    case 'd': return float_new(u.f64);
    default:
        if (u.u32 > 0x10ffff)
            return raise(vm.e_ValueError, "character U+%x is not in range [U+0000; U+10ffff]",
                         u.u32);
        return str_from_char(u.u32);
    }
}

static Object *item_at(Object *self, size_t i)
{
    unsigned char buf[8];
    ArrayObj *a = arr(self);
    memcpy(buf, adata(self, false) + i * a->itemsize, a->itemsize);
    return unpack(a->code, buf);
}

static int append_item(Object *self, Object *v)
{
    unsigned char buf[8];
    ArrayObj *a = arr(self);
    size_t n = a->len, sz = a->itemsize;
    if (pack(a->code, v, buf) < 0 || set_len(self, n + 1) < 0)
        return -1;
    memcpy(adata(self, true) + n * sz, buf, sz);
    return 0;
}

/* Appends raw item bytes (n bytes, a multiple of the item size).  src
   may point into self's own storage: it is copied first. */
static int append_bytes(Object *self, const unsigned char *src, size_t n)
{
    unsigned char *tmp = malloc(n ? n : 1);
    if (!tmp) {
        raise_no_memory();
        return -1;
    }
    memcpy(tmp, src, n);
    size_t old = alen(self), sz = arr(self)->itemsize;
    int r = set_len(self, old + n / sz);
    if (r == 0)
        memcpy(adata(self, true) + old * sz, tmp, n);
    free(tmp);
    return r;
}

/* ---- construction ------------------------------------------------------------------- */

static int extend_from(Object *self, Object *src, bool from_init);

static int from_unicode(Object *self, Object *s)
{
    size_t n = str_len(s), old = alen(self);
    uint32_t *cps = malloc((n ? n : 1) * 4);
    if (!cps) {
        raise_no_memory();
        return -1;
    }
    for (size_t i = 0; i < n; i++)
        cps[i] = str_char(s, i);
    int r = set_len(self, old + n);
    if (r == 0)
        memcpy(adata(self, true) + old * 4, cps, n * 4);
    free(cps);
    return r;
}

static int from_bytes(Object *self, Object *v)
{
    Buffer b;
    if (buffer_get(v, &b, false) < 0)
        return -1;
    if (b.len % arr(self)->itemsize) {
        raise(vm.e_ValueError, "bytes length not a multiple of item size");
        return -1;
    }
    return append_bytes(self, b.data, b.len);
}

static Object *array_tp_new(Object *cls, Object *const *args, size_t nargs, Object *kw)
{
    Type *t = (Type *)cls;
    if (t == t_array && kw && tuple_size(kw))
        return raise(vm.e_TypeError, "array.array() takes no keyword arguments");
    if (nargs < 1 || nargs > 2)
        return raise(vm.e_TypeError, "array() takes at %s %d argument%s (%zu given)",
                     nargs < 1 ? "least" : "most", nargs < 1 ? 1 : 2, nargs < 1 ? "" : "s",
                     nargs);
    Object *tc = args[0];
    if (!is_str(tc) || str_len(tc) != 1)
        return raise(vm.e_TypeError, "array() argument 1 must be a unicode character, not %s",
                     type_name(type_of(tc)));
    uint32_t c = str_char(tc, 0);
    if (c > 127 || !c || !strchr(typecodes, (int)c))
        return raise(vm.e_ValueError,
                     "bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)");
    Object *init = nargs > 1 ? args[1] : NULL;
    if (init && is_str(init) && c != 'u')
        return raise(vm.e_TypeError,
                     "cannot use a str to initialize an array with typecode '%c'", (char)c);
    if (init && is_array(init) && arr(init)->code == 'u' && c != 'u')
        return raise(vm.e_TypeError,
                     "cannot use a unicode array to initialize an array with typecode '%c'",
                     (char)c);
    Object *self = array_alloc(t, (char)c, 0);
    if (!self || !init)
        return self;
    int r;
    if (is_str(init))
        r = from_unicode(self, init);
    else if (is_bytes(init) || is_bytearray(init))
        r = from_bytes(self, init);
    else
        r = extend_from(self, init, true);
    return r < 0 ? NULL : self;
}

static int array_init(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return 0;
}

/* Items of src appended: an array's of the same kind (any kind for a
   constructor's initializer), or any iterable's. */
static int extend_from(Object *self, Object *src, bool from_init)
{
    if (is_array(src)) {
        if (arr(src)->code == arr(self)->code) {
            return append_bytes(self, adata(src, false), alen(src) * arr(src)->itemsize);
        }
        if (!from_init) {
            raise(vm.e_TypeError, "can only extend with array of same kind");
            return -1;
        }
    }
    Object *it = obj_iter(src);
    if (!it)
        return -1;
    Object *v;
    while ((v = obj_next(it)))
        if (append_item(self, v) < 0)
            return -1;
    return exc_occurred() ? -1 : 0;
}

/* ---- methods ------------------------------------------------------------------------ */

static Object *m_append(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("array.append", kw, nargs, 1) < 0 || append_item(self, args[0]) < 0)
        return NULL;
    return None;
}

static Object *m_extend(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("array.extend", kw, nargs, 1) < 0 || extend_from(self, args[0], false) < 0)
        return NULL;
    return None;
}

static int index_arg(Object *v, intptr_t *out)
{
    if (is_float(v)) {
        raise(vm.e_TypeError, "'float' object cannot be interpreted as an integer");
        return -1;
    }
    return index_to_ssize(v, out, true);
}

static Object *m_insert(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    intptr_t i;
    unsigned char buf[8];
    if (args_exact("array.insert", kw, nargs, 2) < 0 || index_arg(args[0], &i) < 0
        || pack(arr(self)->code, args[1], buf) < 0)
        return NULL;
    intptr_t n = (intptr_t)alen(self);
    if (i < 0 && (i += n) < 0)
        i = 0;
    if (i > n)
        i = n;
    if (set_len(self, (size_t)n + 1) < 0)
        return NULL;
    size_t sz = arr(self)->itemsize;
    unsigned char *d = adata(self, true);
    memmove(d + ((size_t)i + 1) * sz, d + (size_t)i * sz, (size_t)(n - i) * sz);
    memcpy(d + (size_t)i * sz, buf, sz);
    return None;
}

static int delete_range(Object *self, size_t from, size_t to)
{
    size_t n = alen(self), sz = arr(self)->itemsize;
    if (from >= to)
        return 0;
    if (resizable(self) < 0)
        return -1;
    unsigned char *d = adata(self, true);
    memmove(d + from * sz, d + to * sz, (n - to) * sz);
    return set_len(self, n - (to - from));
}

static Object *m_pop(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    intptr_t i = -1;
    if (args_no_kw("pop", kw) < 0 || args_count("pop", nargs, 0, 1) < 0
        || (nargs && index_arg(args[0], &i) < 0))
        return NULL;
    intptr_t n = (intptr_t)alen(self);
    if (n == 0)
        return raise(vm.e_IndexError, "pop from empty array");
    if (i < 0)
        i += n;
    if (i < 0 || i >= n)
        return raise(vm.e_IndexError, "pop index out of range");
    Object *v = item_at(self, (size_t)i);
    if (!v || delete_range(self, (size_t)i, (size_t)i + 1) < 0)
        return NULL;
    return v;
}

/* The index of the first item equal to x in [start, stop), -1 if none,
   -2 on error. */
static intptr_t find(Object *self, Object *x, intptr_t start, intptr_t stop)
{
    for (intptr_t i = start; i < stop && i < (intptr_t)alen(self); i++) {
        Object *v = item_at(self, (size_t)i);
        int r = v ? obj_richcompare_bool(v, x, CMP_EQ) : -1;
        if (r < 0)
            return -2;
        if (r)
            return i;
    }
    return -1;
}

static Object *m_remove(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("array.remove", kw, nargs, 1) < 0)
        return NULL;
    intptr_t i = find(self, args[0], 0, (intptr_t)alen(self));
    if (i == -2)
        return NULL;
    if (i < 0)
        return raise(vm.e_ValueError, "array.remove(x): x not in array");
    return delete_range(self, (size_t)i, (size_t)i + 1) < 0 ? NULL : None;
}

static Object *m_index(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    intptr_t start, stop;
    for (size_t k = 1; k < nargs; k++)
        if (!is_int(args[k]) && !type_lookup(type_of(args[k]), intern_cstr("__index__")))
            return raise(vm.e_TypeError,
                         "slice indices must be integers or have an __index__ method");
    if (args_no_kw("index", kw) < 0 || args_count("index", nargs, 1, 3) < 0
        || seq_index_bounds("index", args, nargs, (intptr_t)alen(self), &start, &stop) < 0)
        return NULL;
    intptr_t i = find(self, args[0], start, stop);
    if (i == -2)
        return NULL;
    if (i < 0)
        return raise(vm.e_ValueError, "array.index(x): x not in array");
    return make_small(i);
}

static Object *m_count(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("array.count", kw, nargs, 1) < 0)
        return NULL;
    intptr_t count = 0;
    for (size_t i = 0; i < alen(self); i++) {
        Object *v = item_at(self, i);
        int r = v ? obj_richcompare_bool(v, args[0], CMP_EQ) : -1;
        if (r < 0)
            return NULL;
        count += r;
    }
    return make_small(count);
}

static Object *m_reverse(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("array.reverse", kw, nargs, 0) < 0)
        return NULL;
    size_t n = alen(self), sz = arr(self)->itemsize;
    unsigned char *d = adata(self, true), tmp[8];
    for (size_t i = 0, j = n ? n - 1 : 0; i < j; i++, j--) {
        memcpy(tmp, d + i * sz, sz);
        memcpy(d + i * sz, d + j * sz, sz);
        memcpy(d + j * sz, tmp, sz);
    }
    return None;
}

static Object *m_byteswap(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("array.byteswap", kw, nargs, 0) < 0)
        return NULL;
    size_t n = alen(self), sz = arr(self)->itemsize;
    unsigned char *d = adata(self, true);
    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; k < sz / 2; k++) {
            unsigned char t = d[i * sz + k];
            d[i * sz + k] = d[i * sz + sz - 1 - k];
            d[i * sz + sz - 1 - k] = t;
        }
    return None;
}

static Object *m_tobytes(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("array.tobytes", kw, nargs, 0) < 0)
        return NULL;
    Object *r = bytes_new((const char *)adata(self, false), alen(self) * arr(self)->itemsize);
    keep_alive(self);
    return r;
}

static Object *m_frombytes(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("array.frombytes", kw, nargs, 1) < 0 || from_bytes(self, args[0]) < 0)
        return NULL;
    return None;
}

static Object *m_tolist(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("array.tolist", kw, nargs, 0) < 0)
        return NULL;
    Object *l = list_new(0);
    for (size_t i = 0; l && i < alen(self); i++) {
        Object *v = item_at(self, i);
        if (!v || list_append(l, v) < 0)
            return NULL;
    }
    return l;
}

static Object *m_fromlist(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("array.fromlist", kw, nargs, 1) < 0)
        return NULL;
    Object *l = args[0];
    if (is_small(l) || !type_is_subtype(l->type, vm.t_list))
        return raise(vm.e_TypeError, "arg must be list");
    size_t old = alen(self);
    for (size_t i = 0; i < list_size(l); i++)
        if (append_item(self, list_get(l, i)) < 0) {
            /* All or nothing, as CPython. */
            Object *e = exc_fetch();
            set_len(self, old);
            exc_restore(e);
            return NULL;
        }
    return None;
}

static Object *m_fromunicode(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("array.fromunicode", kw, nargs, 1) < 0)
        return NULL;
    if (!is_str(args[0]))
        return raise(vm.e_TypeError, "fromunicode() argument must be str, not %s",
                     type_name(type_of(args[0])));
    if (arr(self)->code != 'u')
        return raise(vm.e_ValueError, "fromunicode() may only be called on unicode type arrays");
    return from_unicode(self, args[0]) < 0 ? NULL : None;
}

static Object *m_tounicode(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("array.tounicode", kw, nargs, 0) < 0)
        return NULL;
    if (arr(self)->code != 'u')
        return raise(vm.e_ValueError, "tounicode() may only be called on unicode type arrays");
    size_t n = alen(self);
    uint32_t *cps = malloc((n ? n : 1) * 4);
    if (!cps)
        return raise_no_memory();
    memcpy(cps, adata(self, false), n * 4);
    for (size_t i = 0; i < n; i++)
        if (cps[i] > 0x10ffff) {
            uint32_t c = cps[i];
            free(cps);
            return raise(vm.e_ValueError, "character U+%x is not in range [U+0000; U+10ffff]", c);
        }
    Object *s = str_from_codepoints(cps, n);
    free(cps);
    return s;
}

static Object *m_buffer_info(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("array.buffer_info", kw, nargs, 0) < 0)
        return NULL;
    return tuple_pack(2, int_from_u64((uint64_t)(uintptr_t)adata(self, false)),
                      int_from_u64(alen(self)));
}

static Object *m_tofile(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("array.tofile", kw, nargs, 1) < 0)
        return NULL;
    Object *write = obj_getattr_cstr(args[0], "write");
    if (!write)
        return NULL;
    size_t total = alen(self) * arr(self)->itemsize, block = 64 * 1024;
    for (size_t off = 0; off < total; off += block) {
        size_t n = total - off < block ? total - off : block;
        Object *b = bytes_new((const char *)adata(self, false) + off, n);
        keep_alive(self);
        if (!b || !obj_call1(write, b))
            return NULL;
        total = alen(self) * arr(self)->itemsize;
    }
    return None;
}

static Object *m_fromfile(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    intptr_t n;
    if (args_exact("array.fromfile", kw, nargs, 2) < 0 || index_arg(args[1], &n) < 0)
        return NULL;
    if (n < 0)
        return raise(vm.e_ValueError, "negative count");
    size_t sz = arr(self)->itemsize;
    if ((size_t)n > (SIZE_MAX / 2) / sz)
        return raise_no_memory();
    Object *read = obj_getattr_cstr(args[0], "read");
    Object *b = read ? obj_call1(read, int_from_u64((size_t)n * sz)) : NULL;
    if (!b)
        return NULL;
    if (!is_bytes(b))
        return raise(vm.e_TypeError, "read() didn't return bytes");
    size_t got = bytes_size(b);
    if (append_bytes(self, bytes_data(b), got - got % sz) < 0)
        return NULL;
    if (got != (size_t)n * sz)
        return raise(vm.e_EOFError, "read() didn't return enough bytes");
    return None;
}

static Object *copy_of(Object *self, Type *t)
{
    ArrayObj *a = arr(self);
    Object *r = array_alloc(t, a->code, a->len);
    if (r)
        memcpy(adata(r, true), adata(self, false), a->len * a->itemsize);
    return r;
}

static Object *m_copy(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return copy_of(self, type_of(self));
}

static Object *m_sizeof(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return int_from_u64(sizeof(struct ArrayObj) + bytes_size(arr(self)->store));
}

static Object *get_typecode(Object *self)
{
    char c = arr(self)->code;
    return str_from_latin1((const unsigned char *)&c, 1);
}

static Object *get_itemsize(Object *self)
{
    return make_small(arr(self)->itemsize);
}

/* ---- the sequence protocol -------------------------------------------------------------- */

static intptr_t array_length(Object *self)
{
    return (intptr_t)alen(self);
}

static Object *array_getitem(Object *self, Object *key)
{
    size_t n = alen(self);
    if (!is_small(key) && layout_of(key) == L_SLICE) {
        intptr_t start, stop, step, count;
        if (slice_indices(key, (intptr_t)n, &start, &stop, &step, &count) < 0)
            return NULL;
        ArrayObj *a = arr(self);
        Object *r = array_alloc(t_array, a->code, (size_t)count);
        if (!r)
            return NULL;
        size_t sz = a->itemsize;
        unsigned char *dst = adata(r, true), *src = adata(self, false);
        for (intptr_t k = 0, i = start; k < count; k++, i += step)
            memcpy(dst + (size_t)k * sz, src + (size_t)i * sz, sz);
        return r;
    }
    intptr_t i;
    if (!is_int(key) && !type_lookup(type_of(key), intern_cstr("__index__")))
        return raise(vm.e_TypeError, "array indices must be integers");
    if (index_to_ssize(key, &i, true) < 0)
        return NULL;
    if (i < 0)
        i += (intptr_t)n;
    if (i < 0 || i >= (intptr_t)n)
        return raise(vm.e_IndexError, "array index out of range");
    return item_at(self, (size_t)i);
}

static int set_slice(Object *self, Object *key, Object *value)
{
    intptr_t start, stop, step, count;
    if (slice_indices(key, (intptr_t)alen(self), &start, &stop, &step, &count) < 0)
        return -1;
    size_t sz = arr(self)->itemsize;
    if (!value) {
        if (count && resizable(self) < 0)
            return -1;
        if (step < 0) {
            start += (count - 1) * step;
            step = -step;
        }
        if (step == 1)
            return delete_range(self, (size_t)start, (size_t)(start + count));
        /* Keep the items not hit, in order. */
        size_t n = alen(self), w = 0;
        unsigned char *d = adata(self, true);
        for (size_t i = 0; i < n; i++) {
            bool hit = count && (intptr_t)i >= start && ((intptr_t)i - start) % step == 0
                       && ((intptr_t)i - start) / step < count;
            if (!hit)
                memmove(d + w++ * sz, d + i * sz, sz);
        }
        return delete_range(self, w, n);
    }
    if (!is_array(value)) {
        raise(vm.e_TypeError, "can only assign array (not \"%s\") to array slice",
              type_name(type_of(value)));
        return -1;
    }
    if (arr(value)->code != arr(self)->code) {
        raise(vm.e_TypeError, "bad argument type for built-in operation");
        return -1;
    }
    size_t m = alen(value);
    unsigned char *tmp = malloc(m * sz + 1);
    if (!tmp) {
        raise_no_memory();
        return -1;
    }
    memcpy(tmp, adata(value, false), m * sz);
    int r = 0;
    if (step == 1) {
        size_t n = alen(self);
        if (stop < start)
            stop = start;
        size_t lo = (size_t)start, hi = (size_t)stop, nn = n - (hi - lo) + m;
        /* Grown before the move, shrunk after it. */
        if (nn != n)
            r = resizable(self);
        if (r == 0 && nn > n)
            r = set_len(self, nn);
        if (r == 0) {
            unsigned char *d = adata(self, true);
            memmove(d + (lo + m) * sz, d + hi * sz, (n - hi) * sz);
            memcpy(d + lo * sz, tmp, m * sz);
            if (nn < n)
                r = set_len(self, nn);
        }
    } else if ((intptr_t)m != count) {
        raise(vm.e_ValueError, "attempt to assign array of size %zu to extended slice of size %zd",
              m, (ssize_t)count);
        r = -1;
    } else {
        unsigned char *d = adata(self, true);
        for (intptr_t k = 0, i = start; k < count; k++, i += step)
            memcpy(d + (size_t)i * sz, tmp + (size_t)k * sz, sz);
    }
    free(tmp);
    return r;
}

static int array_setitem(Object *self, Object *key, Object *value)
{
    if (!is_small(key) && layout_of(key) == L_SLICE)
        return set_slice(self, key, value);
    intptr_t i;
    if (!is_int(key) && !type_lookup(type_of(key), intern_cstr("__index__"))) {
        raise(vm.e_TypeError, "array indices must be integers");
        return -1;
    }
    if (index_to_ssize(key, &i, true) < 0)
        return -1;
    unsigned char buf[8];
    if (value && pack(arr(self)->code, value, buf) < 0)
        return -1;
    intptr_t n = (intptr_t)alen(self);
    if (i < 0)
        i += n;
    if (i < 0 || i >= n) {
        raise(vm.e_IndexError, "array assignment index out of range");
        return -1;
    }
    if (!value)
        return delete_range(self, (size_t)i, (size_t)i + 1);
    size_t sz = arr(self)->itemsize;
    memcpy(adata(self, true) + (size_t)i * sz, buf, sz);
    return 0;
}

static int array_contains(Object *self, Object *v)
{
    intptr_t i = find(self, v, 0, (intptr_t)alen(self));
    return i == -2 ? -1 : i >= 0;
}

static Object *array_richcompare(Object *a, Object *b, CmpOp op)
{
    if (!is_array(a) || !is_array(b))
        return NotImplemented;
    size_t na = alen(a), nb = alen(b);
    if (na != nb && (op == CMP_EQ || op == CMP_NE))
        return bool_obj(op == CMP_NE);
    size_t i;
    Object *va = NULL, *vb = NULL;
    for (i = 0; i < na && i < nb; i++) {
        va = item_at(a, i);
        vb = va ? item_at(b, i) : NULL;
        if (!vb)
            return NULL;
        int eq = obj_richcompare_bool(va, vb, CMP_EQ);
        if (eq < 0)
            return NULL;
        if (!eq)
            break;
    }
    if (i < na && i < nb) {
        if (op == CMP_EQ || op == CMP_NE)
            return bool_obj(op == CMP_NE);
        return obj_richcompare(va, vb, op);
    }
    bool r;
    switch (op) {
    case CMP_LT: r = na < nb; break;
    case CMP_LE: r = na <= nb; break;
    case CMP_EQ: r = na == nb; break;
    case CMP_NE: r = na != nb; break;
    case CMP_GT: r = na > nb; break;
    default: r = na >= nb; break;
    }
    return bool_obj(r);
}

static Object *array_repr(Object *self)
{
    char c = arr(self)->code;
    if (alen(self) == 0)
        return str_format("%s('%c')", type_bare_name(type_of(self)), c);
    Object *items = c == 'u' ? m_tounicode(self, NULL, 0, NULL) : m_tolist(self, NULL, 0, NULL);
    Object *r = items ? obj_repr(items) : NULL;
    if (!r)
        return NULL;
    char *u = str_to_utf8(r, NULL);
    if (!u)
        return NULL;
    Object *s = str_format("%s('%c', %s)", type_bare_name(type_of(self)), c, u);
    free(u);
    return s;
}

static Object *array_concat(Object *a, Object *b)
{
    if (!is_array(a))
        return NotImplemented;
    if (!is_array(b))
        return raise(vm.e_TypeError, "can only append array (not \"%s\") to array",
                     type_name(type_of(b)));
    if (arr(a)->code != arr(b)->code)
        return raise(vm.e_TypeError, "bad argument type for built-in operation");
    Object *r = copy_of(a, t_array);
    if (!r || append_bytes(r, adata(b, false), alen(b) * arr(b)->itemsize) < 0)
        return NULL;
    return r;
}

/* The count of a * n in *count; -1 with TypeError when n is not an
   integer (the sequence message, as CPython's repeat). */
static int repeat_of(Object *a, Object *n, intptr_t *count)
{
    if (!is_int(n) && !type_lookup(type_of(n), intern_cstr("__index__"))) {
        raise(vm.e_TypeError, "can't multiply sequence by non-int of type '%s'",
              type_name(type_of(n)));
        return -1;
    }
    return repeat_count(n, alen(a) * arr(a)->itemsize, count);
}

static Object *array_repeat(Object *a, Object *b)
{
    if (!is_array(a)) {
        Object *t = a;
        a = b;
        b = t;
    }
    intptr_t count;
    if (repeat_of(a, b, &count) < 0)
        return NULL;
    size_t n = alen(a), sz = arr(a)->itemsize;
    Object *r = array_alloc(t_array, arr(a)->code, n * (size_t)count);
    if (!r)
        return NULL;
    unsigned char *d = adata(r, true), *s = adata(a, false);
    for (intptr_t k = 0; k < count; k++)
        memcpy(d + (size_t)k * n * sz, s, n * sz);
    return r;
}

static Object *array_iadd(Object *a, Object *b)
{
    if (!is_array(b))
        return raise(vm.e_TypeError, "can only extend array with array (not \"%s\")",
                     type_name(type_of(b)));
    if (extend_from(a, b, false) < 0)
        return NULL;
    return a;
}

static Object *array_imul(Object *a, Object *b)
{
    intptr_t count;
    if (repeat_of(a, b, &count) < 0)
        return NULL;
    size_t n = alen(a), sz = arr(a)->itemsize;
    if (set_len(a, n * (size_t)count) < 0)
        return NULL;
    unsigned char *d = adata(a, true);
    for (intptr_t k = 1; k < count; k++)
        memcpy(d + (size_t)k * n * sz, d, n * sz);
    return a;
}

static Object *array_iter(Object *self)
{
    Iter *it = (Iter *)vm_alloc(sizeof(struct Iter), L_ITER, t_array_iter);
    if (it)
        it->seq = self;
    return (Object *)it;
}

SLOT_METHODS(arr, t_array)

/* ---- the buffer protocol ---------------------------------------------------------------- */

static unsigned char *exp_data(Object *v, bool write, size_t *size)
{
    *size = alen(v) * arr(v)->itemsize;
    return adata(v, write);
}

static void exp_export(Object *v, int delta)
{
    obj_write(v);
    ((ArrayObj *)v)->exports += delta;
}

static char exp_format(Object *v, size_t *itemsize)
{
    ArrayObj *a = arr(v);
    *itemsize = a->itemsize;
    /* memoryview has no wchar_t format: 'u' items show as code points. */
    return a->code == 'u' ? 'I' : a->code;
}

static const BufferExporter array_exporter = { is_array, exp_data, exp_export, exp_format };

/* ---- the module ---------------------------------------------------------------------------- */

/* Pickled as array(typecode, list) (CPython uses a reconstructor of
   the machine format for protocols 3 and later). */
static Object *array_reduce(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    Object *items = m_tolist(self, NULL, 0, NULL);
    Object *ctor = items ? tuple_pack(2, get_typecode(self), items) : NULL;
    if (!ctor)
        return NULL;
    obj_read(self);
    Object *d = ((ArrayObj *)self)->dict;
    return tuple_pack(3, (Object *)type_of(self), ctor, d && dict_size(d) ? d : None);
}

static Object *m_add(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return args_exact("__add__", kw, nargs, 1) < 0 ? NULL : array_concat(self, args[0]);
}

static Object *m_mul(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return args_exact("__mul__", kw, nargs, 1) < 0 ? NULL : array_repeat(self, args[0]);
}

static Object *m_iadd(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return args_exact("__iadd__", kw, nargs, 1) < 0 ? NULL : array_iadd(self, args[0]);
}

static Object *m_imul(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return args_exact("__imul__", kw, nargs, 1) < 0 ? NULL : array_imul(self, args[0]);
}

static void array_setup(void)
{
    if (t_array)
        return;
    /* The global names one committed object: set under inevitability. */
    os_irreversible("array type");
    /* Inevitable transactions run one at a time: another thread may have
       made it while this one waited. */
    if (t_array)
        return;
    stm_add_root((stm_obj **)&t_array);
    stm_add_root((stm_obj **)&t_array_iter);
    Object *modname = str_from_cstr("array");
    Type *it = type_new_builtin("arrayiterator", vm.t_object, L_ITER, 0, 0);
    dict_set_cstr(it->dict, "__module__", modname);
    it->next = vm.t_seq_iterator->next;
    iter_type_add_methods(it);
    type_inherit(it);
    t_array_iter = it;
    Type *t = type_new_builtin("array", vm.t_object, L_NATIVE, sizeof(struct ArrayObj),
                               TF_BASETYPE | TF_HAS_DICT);
    dict_set_cstr(t->dict, "__module__", modname);
    t->tp_new = array_tp_new;
    t->init = array_init;
    t->repr = array_repr;
    t->hash = hash_not_implemented;
    t->richcompare = array_richcompare;
    t->length = array_length;
    t->getitem = array_getitem;
    t->setitem = array_setitem;
    t->contains = array_contains;
    t->iter = array_iter;
    t->getattr = generic_getattr;
    t->binary[NB_ADD] = array_concat;
    t->binary[NB_MULTIPLY] = array_repeat;
    t->binary[NB_INPLACE + NB_ADD] = array_iadd;
    t->binary[NB_INPLACE + NB_MULTIPLY] = array_imul;
    static const MethodDef methods[] = {
        { "append", m_append, 0 }, { "extend", m_extend, 0 }, { "insert", m_insert, 0 },
        { "pop", m_pop, 0 }, { "remove", m_remove, 0 }, { "index", m_index, 0 },
        { "count", m_count, 0 }, { "reverse", m_reverse, 0 }, { "byteswap", m_byteswap, 0 },
        { "tobytes", m_tobytes, 0 }, { "frombytes", m_frombytes, 0 },
        { "tolist", m_tolist, 0 }, { "fromlist", m_fromlist, 0 },
        { "fromunicode", m_fromunicode, 0 }, { "tounicode", m_tounicode, 0 },
        { "buffer_info", m_buffer_info, 0 }, { "tofile", m_tofile, 0 },
        { "fromfile", m_fromfile, 0 }, { "__copy__", m_copy, 0 },
        { "__deepcopy__", m_copy, 0 }, { "__sizeof__", m_sizeof, 0 },
        { "__reduce_ex__", array_reduce, 0 }, { "__add__", m_add, 0 },
        { "__mul__", m_mul, 0 }, { "__rmul__", m_mul, 0 }, { "__iadd__", m_iadd, 0 },
        { "__imul__", m_imul, 0 }, { NULL, NULL, 0 },
    };
    type_add_methods(t, methods);
    type_add_slot_methods(t, arr_slot_methods);
    getset_new(t, "typecode", get_typecode, NULL);
    getset_new(t, "itemsize", get_itemsize, NULL);
    type_inherit(t);
    buffer_add_exporter(&array_exporter);
    /* Last: other threads take a set global for a finished type. */
    t_array = t;
}

Object *array_module_init(void)
{
    array_setup();
    Object *m = os_module_new("array", NULL);
    if (!m)
        return NULL;
    os_module_add(m, "array", (Object *)t_array);
    os_module_add(m, "ArrayType", (Object *)t_array);
    os_module_add(m, "typecodes", str_from_cstr(typecodes));
    return m;
}
