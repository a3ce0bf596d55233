/*
** bytes, and the methods bytearray shares with it.  Every method reads
** its receiver through a ByteView, so one body serves both types; a
** method of a bytearray returns a new bytearray where CPython does.
*/
#include <stdlib.h>
#include <string.h>

#include "vm/buffer.h"
#include "vm/str_impl.h"

bool byte_view(Object *v, ByteView *out)
{
    out->data = NULL;
    out->size = 0;
    if (is_small(v))
        return false;
    if (layout_of(v) == L_BYTES) {
        out->data = bytes_data(v);
        out->size = bytes_size(v);
        return true;
    }
    if (layout_of(v) == L_NATIVE) {
        /* A strided or released view has no plain bytes: callers treat it
           as an object without a buffer (as other native objects). */
        Buffer b;
        if (buffer_try(v, &b, false) <= 0) {
            exc_clear();
            return false;
        }
        out->data = b.data;
        out->size = b.len;
        return true;
    }
    if (layout_of(v) != L_INSTANCE)
        return false;
    /* A bytearray swaps its storage when it grows: read it with a barrier. */
    obj_read(v);
    Object *b = ((Instance *)v)->base_value;
    if (!b || is_small(b) || layout_of(b) != L_BYTES)
        return false;
    obj_read(b);
    out->data = bytes_data(b);
    out->size = bytes_size(b);
    return true;
}

/* A result of the receiver's kind: bytearray for bytearrays, else bytes. */
static Object *make_like(Object *self, const unsigned char *d, size_t n)
{
    return is_bytearray(self) ? bytearray_from_data(d, n) : bytes_new((const char *)d, n);
}

/* Returns self unchanged where an exact bytes may be shared. */
static Object *same_or_copy(Object *self, const ByteView *v)
{
    if (!is_small(self) && self->type == vm.t_bytes)
        return self;
    return make_like(self, v->data, v->size);
}

/* bytearray's repr escapes every single quote, bytes' only the one that
   delimits: CPython's two reprs differ so. */
Object *bytes_repr_data(const unsigned char *d, size_t n, const char *prefix, const char *suffix)
{
    bool escape_single = *prefix != 0;
    bool single = memchr(d, '\'', n) != NULL, dbl = memchr(d, '"', n) != NULL;
    char quote = single && !dbl ? '"' : '\'';
    struct TextBuf t = TEXTBUF_INIT;
    int rc = textbuf_append_str(&t, prefix);
    rc |= textbuf_append_byte(&t, 'b');
    rc |= textbuf_append_byte(&t, quote);
    for (size_t i = 0; i < n && rc == 0; i++) {
        unsigned char c = d[i];
        char esc[5];
        if (c == (unsigned char)quote || c == '\\' || (c == '\'' && escape_single)) {
            esc[0] = '\\';
            esc[1] = (char)c;
            rc |= textbuf_append(&t, esc, 2);
        } else if (c == '\t' || c == '\n' || c == '\r') {
            rc |= textbuf_append(&t, c == '\t' ? "\\t" : c == '\n' ? "\\n" : "\\r", 2);
        } else if (c < 32 || c >= 127) {
            snprintf(esc, sizeof esc, "\\x%02x", c);
            rc |= textbuf_append(&t, esc, 4);
        } else {
            rc |= textbuf_append_byte(&t, (char)c);
        }
    }
    rc |= textbuf_append_byte(&t, quote);
    rc |= textbuf_append_str(&t, suffix);
    if (rc) {
        textbuf_free(&t);
        return raise_no_memory();
    }
    Object *r = str_from_latin1((const unsigned char *)t.data, t.len);
    textbuf_free(&t);
    return r;
}

/* ---- construction -------------------------------------------------------------- */

/* The bytes of bytes(x) / bytearray(x) for x not a str: malloc'ed in
   *out (NULL for an empty result). */
int bytes_source(Object *x, unsigned char **out, size_t *n, const char *tname)
{
    ByteView v;
    *out = NULL;
    *n = 0;
    if (byte_view(x, &v)) {
        *out = malloc(v.size + 1);
        if (!*out) {
            raise_no_memory();
            return -1;
        }
        memcpy(*out, v.data, v.size);
        *n = v.size;
        return 0;
    }
    if (is_int(x) || (!str_unwrap(x) && type_of(x)->unary[UN_INDEX] && !type_of(x)->iter)) {
        intptr_t count;
        if (index_to_ssize(x, &count, false) < 0)
            return -1;
        if (count < 0) {
            raise(vm.e_ValueError, "negative count");
            return -1;
        }
        *out = calloc((size_t)count + 1, 1);
        if (!*out) {
            raise_no_memory();
            return -1;
        }
        *n = (size_t)count;
        return 0;
    }
    Type *t = type_of(x);
    if (!t->iter && !t->getitem) {
        raise(vm.e_TypeError, "cannot convert '%s' object to %s", type_name(t), tname);
        return -1;
    }
    Object *items = list_from_iterable(x);
    if (!items)
        return -1;
    size_t m = list_size(items);
    *out = malloc(m + 1);
    if (!*out) {
        raise_no_memory();
        return -1;
    }
    for (size_t i = 0; i < m; i++) {
        intptr_t b;
        Object *item = list_get(items, i);
        if (!is_int(item) && !type_of(item)->unary[UN_INDEX]) {
            raise(vm.e_TypeError, "'%s' object cannot be interpreted as an integer",
                  type_name(type_of(item)));
            goto fail;
        }
        if (index_to_ssize(item, &b, true) < 0)
            goto fail;
        if (b < 0 || b > 255) {
            raise(vm.e_ValueError, "%s must be in range(0, 256)",
                  strcmp(tname, "bytes") == 0 ? "bytes" : "byte");
            goto fail;
        }
        (*out)[i] = (unsigned char)b;
    }
    *n = m;
    return 0;
fail:
    free(*out);
    *out = NULL;
    return -1;
}

static Object *bytes_tp_new(Object *cls, Object *const *args, size_t nargs, Object *kw)
{
    static const char *const names[] = { "source", "encoding", "errors", NULL };
    Object *a[3];
    if (args_parse("bytes", args, nargs, kw, names, 0, 3, a) < 0)
        return NULL;
    Object *r;
    Object *s = a[0] ? str_unwrap(a[0]) : NULL;
    if (!a[0]) {
        if (a[1] || a[2])
            return raise(vm.e_TypeError, a[1] ? "encoding without a string argument"
                                              : "errors without a string argument");
        r = bytes_new("", 0);
    } else if (s) {
        if (!a[1])
            return raise(vm.e_TypeError, "string argument without an encoding");
        Object *enc = str_unwrap(a[1]), *err = a[2] ? str_unwrap(a[2]) : NULL;
        if (!enc)
            return raise(vm.e_TypeError, "bytes() argument 'encoding' must be str, not %s",
                         type_name(type_of(a[1])));
        if (a[2] && !err)
            return raise(vm.e_TypeError, "bytes() argument 'errors' must be str, not %s",
                         type_name(type_of(a[2])));
        r = codec_encode(s, enc, err);
    } else if (a[1] || a[2]) {
        return raise(vm.e_TypeError, a[1] ? "encoding without a string argument"
                                          : "errors without a string argument");
    } else {
        Object *f = is_bytes(a[0]) ? NULL : type_lookup(type_of(a[0]), intern_cstr("__bytes__"));
        if (f) {
            r = obj_call1(f, a[0]);
            ByteView rv;
            if (r && (!byte_view(r, &rv) || is_bytearray(r)))
                return raise(vm.e_TypeError, "__bytes__ returned non-bytes (type %s)",
                             type_name(type_of(r)));
        } else if (is_bytes(a[0]) && (Type *)cls == vm.t_bytes) {
            r = a[0];
        } else {
            unsigned char *d;
            size_t n;
            if (bytes_source(a[0], &d, &n, "bytes") < 0)
                return NULL;
            r = bytes_new((const char *)d, n);
            free(d);
        }
    }
    if (!r || (Type *)cls == vm.t_bytes)
        return r;
    ByteView v;
    if (!is_bytes(r)) {
        byte_view(r, &v);
        r = bytes_new((const char *)v.data, v.size);
        if (!r)
            return NULL;
    }
    Instance *in = (Instance *)vm_alloc(sizeof(struct Instance), L_INSTANCE, (Type *)cls);
    if (in)
        in->base_value = r;
    return (Object *)in;
}

/* ---- slots -------------------------------------------------------------------- */

static Object *bytes_repr(Object *self)
{
    ByteView v;
    byte_view(self, &v);
    return bytes_repr_data(v.data, v.size, "", "");
}

int64_t bytes_hash(Object *self)
{
    Object *b = is_bytes(self) ? self : ((Instance *)self)->base_value;
    Bytes *p = (Bytes *)b;
    if (p->hash != -1)
        return p->hash;
    uint64_t x = 0xcbf29ce484222325ull;
    const unsigned char *d = bytes_data(b);
    for (size_t i = 0; i < p->size; i++) {
        x ^= d[i];
        x *= 0x100000001b3ull;
    }
    int64_t h = p->size ? (int64_t)(x >> 1) : 0;   /* hash(b'') == 0, as in CPython */
    if (h == -1)
        h = -2;
    p->hash = h;            /* a cache every thread fills alike: no barrier */
    return h;
}

static intptr_t bytes_length(Object *self)
{
    ByteView v;
    byte_view(self, &v);
    return (intptr_t)v.size;
}

Object *bytes_richcompare(Object *a, Object *b, CmpOp op)
{
    ByteView x, y;
    /* bytes leaves memoryviews to memoryview's own comparison (items, not
       bytes); bytearray compares any buffer as bytes: CPython's split. */
    if (!is_bytearray(a) && !is_bytearray(b) && (is_memoryview(a) || is_memoryview(b)))
        return NotImplemented;
    if (!byte_view(a, &x) || !byte_view(b, &y))
        return NotImplemented;
    if ((op == CMP_EQ || op == CMP_NE) && x.size != y.size)
        return bool_obj(op == CMP_NE);
    size_t n = x.size < y.size ? x.size : y.size;
    int c = memcmp(x.data, y.data, n);
    if (c == 0)
        c = x.size < y.size ? -1 : x.size > y.size;
    switch (op) {
    case CMP_LT: return bool_obj(c < 0);
    case CMP_LE: return bool_obj(c <= 0);
    case CMP_EQ: return bool_obj(c == 0);
    case CMP_NE: return bool_obj(c != 0);
    case CMP_GT: return bool_obj(c > 0);
    default: return bool_obj(c >= 0);
    }
}

Object *bytes_getitem_common(Object *self, Object *key, const char *what)
{
    ByteView v;
    byte_view(self, &v);
    intptr_t n = (intptr_t)v.size;
    if (!is_small(key) && layout_of(key) == L_SLICE) {
        intptr_t start, stop, step, count;
        if (slice_indices(key, n, &start, &stop, &step, &count) < 0)
            return NULL;
        byte_view(self, &v);
        if (count <= 0)
            return make_like(self, NULL, 0);
        if (step == 1)
            return make_like(self, v.data + start, (size_t)count);
        unsigned char *buf = malloc((size_t)count);
        if (!buf)
            return raise_no_memory();
        for (intptr_t i = 0; i < count; i++)
            buf[i] = v.data[start + i * step];
        Object *r = make_like(self, buf, (size_t)count);
        free(buf);
        return r;
    }
    if (!is_int(key) && !type_of(key)->unary[UN_INDEX])
        return raise(vm.e_TypeError, "%s indices must be integers or slices, not %s",
                     *what ? "bytearray" : "byte", type_name(type_of(key)));
    intptr_t i;
    if (index_to_ssize(key, &i, true) < 0)
        return NULL;
    byte_view(self, &v);
    if (i < 0)
        i += (intptr_t)v.size;
    if (i < 0 || i >= (intptr_t)v.size)
        return raise(vm.e_IndexError, "%sindex out of range", what);
    return make_small(v.data[i]);
}

static Object *bytes_getitem(Object *self, Object *key)
{
    return bytes_getitem_common(self, key, "");
}

/* A search argument: an int (one byte) or a bytes-like object. */
static int needle_view(Object *v, ByteView *out, unsigned char *one)
{
    if (is_int(v) || (type_of(v)->unary[UN_INDEX] && !byte_view(v, out))) {
        intptr_t b;
        if (index_to_ssize(v, &b, true) < 0)
            return -1;
        if (b < 0 || b > 255) {
            raise(vm.e_ValueError, "byte must be in range(0, 256)");
            return -1;
        }
        *one = (unsigned char)b;
        out->data = one;
        out->size = 1;
        return 0;
    }
    if (byte_view(v, out))
        return 0;
    raise(vm.e_TypeError, "argument should be integer or bytes-like object, not '%s'",
          type_name(type_of(v)));
    return -1;
}

int bytes_contains(Object *self, Object *item)
{
    ByteView v, p;
    unsigned char one;
    if (!is_int(item) && !byte_view(item, &p)) {
        raise(vm.e_TypeError, "a bytes-like object is required, not '%s'",
              type_name(type_of(item)));
        return -1;
    }
    if (needle_view(item, &p, &one) < 0)
        return -1;
    byte_view(self, &v);
    return kind_find(v.data, v.size, p.data, p.size, 1, false) >= 0;
}

Object *bytes_concat(Object *a, Object *b)
{
    ByteView x, y;
    if (!byte_view(a, &x))
        return NotImplemented;
    if (!byte_view(b, &y))
        return raise(vm.e_TypeError, "can't concat %s to %s", type_name(type_of(b)),
                     type_name(type_of(a)));
    unsigned char *d = malloc(x.size + y.size + 1);
    if (!d)
        return raise_no_memory();
    memcpy(d, x.data, x.size);
    memcpy(d + x.size, y.data, y.size);
    Object *r = make_like(a, d, x.size + y.size);
    free(d);
    return r;
}

Object *bytes_repeat(Object *a, Object *b)
{
    Object *self = a, *count = b;
    ByteView v;
    if (!byte_view(self, &v)) {
        self = b;
        count = a;
        if (!byte_view(self, &v))
            return NotImplemented;
    }
    if (!is_int(count) && !type_of(count)->unary[UN_INDEX])
        return raise(vm.e_TypeError, "can't multiply sequence by non-int of type '%s'",
                     type_name(type_of(count)));
    intptr_t n;
    byte_view(self, &v);
    if (repeat_count(count, v.size, &n) < 0)
        return NULL;
    byte_view(self, &v);
    if (n == 0)
        return make_like(self, NULL, 0);
    size_t total = v.size * (size_t)n;
    unsigned char *d = malloc(total + 1);
    if (!d)
        return raise_no_memory();
    for (intptr_t i = 0; i < n; i++)
        memcpy(d + (size_t)i * v.size, v.data, v.size);
    Object *r = make_like(self, d, total);
    free(d);
    return r;
}

static Object *bytes_mod(Object *a, Object *b)
{
    ByteView v;
    if (!byte_view(a, &v))
        return NotImplemented;
    return bytes_percent_format(a, b, is_bytearray(a));
}

/* ---- methods ------------------------------------------------------------------- */

#define METHOD(name) \
    static Object *m_##name(Object *self, Object *const *args, size_t nargs, Object *kw)
#define VIEW(v) ByteView v; byte_view(self, &v)

static int need_buffer(Object *v, ByteView *out)
{
    if (byte_view(v, out))
        return 0;
    raise(vm.e_TypeError, "a bytes-like object is required, not '%s'", type_name(type_of(v)));
    return -1;
}

static inline bool b_space(unsigned char c)
{
    return c == ' ' || (c >= 9 && c <= 13);
}
static inline bool b_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
static inline bool b_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
static inline bool b_alpha(unsigned char c) { return b_lower(c) || b_upper(c); }
static inline bool b_digit(unsigned char c) { return c >= '0' && c <= '9'; }

static Object *find_common(Object *self, Object *const *args, size_t nargs, Object *kw,
                           const char *name, bool reverse, bool must)
{
    if (args_no_kw(name, kw) < 0)
        return NULL;
    if (nargs < 1 || nargs > 3)
        return raise(vm.e_TypeError, "%s expected %s %d argument%s, got %zu", name,
                     nargs < 1 ? "at least" : "at most", nargs < 1 ? 1 : 3,
                     nargs < 1 ? "" : "s", nargs);
    ByteView p;
    unsigned char one;
    size_t start, end;
    VIEW(v);
    if (needle_view(args[0], &p, &one) < 0
        || arg_slice_bounds(args, nargs, 1, v.size, &start, &end) < 0)
        return NULL;
    byte_view(self, &v);
    intptr_t r = -1;
    if (start <= end && end - start >= p.size) {
        r = kind_find(v.data + start, end - start, p.data, p.size, 1, reverse);
        if (r >= 0)
            r += (intptr_t)start;
    }
    if (r < 0 && must)
        return raise(vm.e_ValueError, "subsection not found");
    return make_small(r);
}

METHOD(find) { return find_common(self, args, nargs, kw, "find", false, false); }
METHOD(rfind) { return find_common(self, args, nargs, kw, "rfind", true, false); }
METHOD(index) { return find_common(self, args, nargs, kw, "index", false, true); }
METHOD(rindex) { return find_common(self, args, nargs, kw, "rindex", true, true); }

METHOD(count)
{
    if (args_no_kw("count", kw) < 0)
        return NULL;
    if (nargs < 1 || nargs > 3)
        return raise(vm.e_TypeError, "count expected %s %d argument%s, got %zu",
                     nargs < 1 ? "at least" : "at most", nargs < 1 ? 1 : 3,
                     nargs < 1 ? "" : "s", nargs);
    ByteView p;
    unsigned char one;
    size_t start, end;
    VIEW(v);
    if (needle_view(args[0], &p, &one) < 0
        || arg_slice_bounds(args, nargs, 1, v.size, &start, &end) < 0)
        return NULL;
    byte_view(self, &v);
    if (start > end || end - start < p.size)
        return make_small(0);
    return make_small((intptr_t)kind_count(v.data + start, end - start, p.data, p.size, 1,
                                           SIZE_MAX));
}

static Object *starts_ends(Object *self, Object *const *args, size_t nargs, Object *kw,
                           bool ends)
{
    const char *name = ends ? "endswith" : "startswith";
    if (args_no_kw(name, kw) < 0)
        return NULL;
    if (nargs < 1 || nargs > 3)
        return raise(vm.e_TypeError, "%s expected %s %d argument%s, got %zu", name,
                     nargs < 1 ? "at least" : "at most", nargs < 1 ? 1 : 3,
                     nargs < 1 ? "" : "s", nargs);
    size_t start, end;
    VIEW(v);
    if (arg_slice_bounds(args, nargs, 1, v.size, &start, &end) < 0)
        return NULL;
    byte_view(self, &v);
    Object *p = args[0];
    Object *items = p;
    size_t count = 1;
    bool tuple = !is_small(p) && type_is_subtype(p->type, vm.t_tuple);
    if (tuple) {
        items = layout_of(p) == L_TUPLE ? p : ((Instance *)p)->base_value;
        count = tuple_size(items);
    }
    for (size_t i = 0; i < count; i++) {
        Object *item = tuple ? tuple_get(items, i) : p;
        ByteView x;
        if (!byte_view(item, &x)) {
            if (tuple)
                return raise(vm.e_TypeError, "a bytes-like object is required, not '%s'",
                             type_name(type_of(item)));
            return raise(vm.e_TypeError, "%s first arg must be bytes or a tuple of bytes, not %s",
                         name, type_name(type_of(item)));
        }
        if (start <= end && end - start >= x.size
            && memcmp(v.data + (ends ? end - x.size : start), x.data, x.size) == 0)
            return True_;
    }
    return False_;
}

METHOD(startswith) { return starts_ends(self, args, nargs, kw, false); }
METHOD(endswith) { return starts_ends(self, args, nargs, kw, true); }

static Object *remove_affix(Object *self, Object *const *args, size_t nargs, Object *kw,
                            bool suffix)
{
    const char *name = suffix ? "removesuffix" : "removeprefix";
    if (args_exact(name, kw, nargs, 1) < 0)
        return NULL;
    ByteView p;
    if (need_buffer(args[0], &p) < 0)
        return NULL;
    VIEW(v);
    if (p.size == 0 || p.size > v.size
        || memcmp(v.data + (suffix ? v.size - p.size : 0), p.data, p.size) != 0)
        return same_or_copy(self, &v);
    return make_like(self, v.data + (suffix ? 0 : p.size), v.size - p.size);
}

METHOD(removeprefix) { return remove_affix(self, args, nargs, kw, false); }
METHOD(removesuffix) { return remove_affix(self, args, nargs, kw, true); }

static Object *do_strip(Object *self, Object *const *args, size_t nargs, Object *kw,
                        const char *name, int which)
{
    if (args_no_kw(name, kw) < 0 || args_count(name, nargs, 0, 1) < 0)
        return NULL;
    bool table[256] = { false };
    bool chars = nargs && args[0] != None;
    if (chars) {
        ByteView c;
        if (need_buffer(args[0], &c) < 0)
            return NULL;
        for (size_t i = 0; i < c.size; i++)
            table[c.data[i]] = true;
    } else {
        for (int c = 0; c < 256; c++)
            table[c] = b_space((unsigned char)c);
    }
    VIEW(v);
    size_t i = 0, j = v.size;
    if (which & 1)
        while (i < j && table[v.data[i]])
            i++;
    if (which & 2)
        while (j > i && table[v.data[j - 1]])
            j--;
    if (i == 0 && j == v.size)
        return same_or_copy(self, &v);
    return make_like(self, v.data + i, j - i);
}

METHOD(strip) { return do_strip(self, args, nargs, kw, "strip", 3); }
METHOD(lstrip) { return do_strip(self, args, nargs, kw, "lstrip", 1); }
METHOD(rstrip) { return do_strip(self, args, nargs, kw, "rstrip", 2); }

static Object *justify(Object *self, Object *const *args, size_t nargs, Object *kw,
                       const char *name, int where)
{
    if (args_no_kw(name, kw) < 0 || args_count(name, nargs, 1, 2) < 0)
        return NULL;
    intptr_t width;
    if (index_to_ssize(args[0], &width, false) < 0)
        return NULL;
    unsigned char fill = ' ';
    if (nargs == 2) {
        ByteView f;
        if (!byte_view(args[1], &f) || f.size != 1)
            return raise(vm.e_TypeError, "%s() argument 2 must be a byte string of length 1, "
                         "not %s", name, type_name(type_of(args[1])));
        fill = f.data[0];
    }
    VIEW(v);
    if (width <= (intptr_t)v.size)
        return same_or_copy(self, &v);
    size_t marg = (size_t)width - v.size, left;
    left = where == 0 ? marg / 2 + (marg & (size_t)width & 1) : where == 1 ? 0 : marg;
    unsigned char *d = malloc((size_t)width);
    if (!d)
        return raise_no_memory();
    memset(d, fill, left);
    memcpy(d + left, v.data, v.size);
    memset(d + left + v.size, fill, marg - left);
    Object *r = make_like(self, d, (size_t)width);
    free(d);
    return r;
}

METHOD(center) { return justify(self, args, nargs, kw, "center", 0); }
METHOD(ljust) { return justify(self, args, nargs, kw, "ljust", 1); }
METHOD(rjust) { return justify(self, args, nargs, kw, "rjust", 2); }

METHOD(zfill)
{
    if (args_exact("zfill", kw, nargs, 1) < 0)
        return NULL;
    intptr_t width;
    if (index_to_ssize(args[0], &width, false) < 0)
        return NULL;
    VIEW(v);
    if (width <= (intptr_t)v.size)
        return same_or_copy(self, &v);
    size_t fill = (size_t)width - v.size;
    unsigned char *d = malloc((size_t)width);
    if (!d)
        return raise_no_memory();
    memset(d, '0', fill);
    memcpy(d + fill, v.data, v.size);
    if (v.size && (v.data[0] == '+' || v.data[0] == '-')) {
        d[0] = v.data[0];
        d[fill] = '0';
    }
    Object *r = make_like(self, d, (size_t)width);
    free(d);
    return r;
}

METHOD(expandtabs)
{
    static const char *const names[] = { "tabsize", NULL };
    Object *a[1];
    if (args_parse("expandtabs", args, nargs, kw, names, 0, 1, a) < 0)
        return NULL;
    intptr_t tabsize = 8;
    if (a[0] && index_to_ssize(a[0], &tabsize, false) < 0)
        return NULL;
    VIEW(v);
    struct TextBuf t = TEXTBUF_INIT;
    size_t col = 0;
    int rc = 0;
    for (size_t i = 0; i < v.size && rc == 0; i++) {
        unsigned char c = v.data[i];
        if (c == '\t') {
            if (tabsize > 0) {
                size_t incr = (size_t)tabsize - col % (size_t)tabsize;
                col += incr;
                for (size_t k = 0; k < incr; k++)
                    rc |= textbuf_append_byte(&t, ' ');
            }
        } else {
            col = c == '\n' || c == '\r' ? 0 : col + 1;
            rc |= textbuf_append_byte(&t, (char)c);
        }
    }
    if (rc) {
        textbuf_free(&t);
        return raise_no_memory();
    }
    Object *r = make_like(self, (unsigned char *)t.data, t.len);
    textbuf_free(&t);
    return r;
}

/* Case methods: which = 0 lower, 1 upper, 2 swapcase, 3 capitalize, 4 title. */
static Object *case_map(Object *self, int which)
{
    VIEW(v);
    unsigned char *d = malloc(v.size + 1);
    if (!d)
        return raise_no_memory();
    bool prev = false;
    for (size_t i = 0; i < v.size; i++) {
        unsigned char c = v.data[i];
        bool up;
        switch (which) {
        case 0: up = false; break;
        case 1: up = true; break;
        case 2: up = b_lower(c); break;
        case 3: up = i == 0; break;
        default: up = !prev; break;
        }
        prev = b_alpha(c);
        d[i] = up && b_lower(c) ? c - 32 : !up && b_upper(c) ? c + 32 : c;
    }
    Object *r = make_like(self, d, v.size);
    free(d);
    return r;
}

#define NOARGS(name) \
    if (args_no_kw(name, kw) < 0 || args_count(name, nargs, 0, 0) < 0) return NULL

METHOD(lower) { NOARGS("lower"); return case_map(self, 0); }
METHOD(upper) { NOARGS("upper"); return case_map(self, 1); }
METHOD(swapcase) { NOARGS("swapcase"); return case_map(self, 2); }
METHOD(capitalize) { NOARGS("capitalize"); return case_map(self, 3); }
METHOD(title) { NOARGS("title"); return case_map(self, 4); }

/* Predicates: which = 0 alnum, 1 alpha, 2 digit, 3 space, 4 ascii. */
static Object *predicate(Object *self, int which)
{
    VIEW(v);
    if (v.size == 0)
        return bool_obj(which == 4);
    for (size_t i = 0; i < v.size; i++) {
        unsigned char c = v.data[i];
        bool ok = which == 0 ? b_alpha(c) || b_digit(c) : which == 1 ? b_alpha(c)
                : which == 2 ? b_digit(c) : which == 3 ? b_space(c) : c < 128;
        if (!ok)
            return False_;
    }
    return True_;
}

METHOD(isalnum) { NOARGS("isalnum"); return predicate(self, 0); }
METHOD(isalpha) { NOARGS("isalpha"); return predicate(self, 1); }
METHOD(isdigit) { NOARGS("isdigit"); return predicate(self, 2); }
METHOD(isspace) { NOARGS("isspace"); return predicate(self, 3); }
METHOD(isascii) { NOARGS("isascii"); return predicate(self, 4); }

static Object *case_predicate(Object *self, bool want_lower)
{
    VIEW(v);
    bool cased = false;
    for (size_t i = 0; i < v.size; i++) {
        unsigned char c = v.data[i];
        if (want_lower ? b_upper(c) : b_lower(c))
            return False_;
        cased |= want_lower ? b_lower(c) : b_upper(c);
    }
    return bool_obj(cased);
}

METHOD(islower) { NOARGS("islower"); return case_predicate(self, true); }
METHOD(isupper) { NOARGS("isupper"); return case_predicate(self, false); }

METHOD(istitle)
{
    NOARGS("istitle");
    VIEW(v);
    bool cased = false, prev = false;
    for (size_t i = 0; i < v.size; i++) {
        unsigned char c = v.data[i];
        if (b_upper(c)) {
            if (prev)
                return False_;
            prev = cased = true;
        } else if (b_lower(c)) {
            if (!prev)
                return False_;
            prev = cased = true;
        } else {
            prev = false;
        }
    }
    return bool_obj(cased);
}

static int append_piece(Object *list, Object *self, const unsigned char *d, size_t n)
{
    Object *p = make_like(self, d, n);
    return p ? list_append(list, p) : -1;
}

static void list_reverse_in_place(Object *r)
{
    size_t m = list_size(r);
    for (size_t k = 0; k < m / 2; k++) {
        Object *t = list_get(r, k);
        list_set(r, k, list_get(r, m - 1 - k));
        list_set(r, m - 1 - k, t);
    }
}

static Object *split_common(Object *self, Object *const *args, size_t nargs, Object *kw,
                            bool reverse)
{
    static const char *const names[] = { "sep", "maxsplit", NULL };
    Object *a[2];
    const char *name = reverse ? "rsplit" : "split";
    if (args_parse(name, args, nargs, kw, names, 0, 2, a) < 0)
        return NULL;
    intptr_t maxsplit = -1;
    if (a[1] && index_to_ssize(a[1], &maxsplit, false) < 0)
        return NULL;
    if (maxsplit < 0)
        maxsplit = INTPTR_MAX;
    ByteView sep = { NULL, 0 };
    bool has_sep = a[0] && a[0] != None;
    if (has_sep) {
        if (need_buffer(a[0], &sep) < 0)
            return NULL;
        if (sep.size == 0)
            return raise(vm.e_ValueError, "empty separator");
    }
    /* The separator may be self: copy it before the pieces are made. */
    unsigned char sepbuf[64], *sepcopy = NULL;
    if (has_sep) {
        sepcopy = sep.size <= sizeof sepbuf ? sepbuf : malloc(sep.size);
        if (!sepcopy)
            return raise_no_memory();
        memcpy(sepcopy, sep.data, sep.size);
        sep.data = sepcopy;
    }
    Object *r = list_new(0);
    VIEW(v);
    const unsigned char *d = v.data;
    size_t n = v.size;
    if (!r)
        goto fail;
    if (!has_sep && !reverse) {
        size_t i = 0;
        while (maxsplit-- > 0) {
            while (i < n && b_space(d[i]))
                i++;
            if (i == n)
                goto done;
            size_t j = i;
            while (j < n && !b_space(d[j]))
                j++;
            if (append_piece(r, self, d + i, j - i) < 0)
                goto fail;
            i = j;
        }
        while (i < n && b_space(d[i]))
            i++;
        if (i < n && append_piece(r, self, d + i, n - i) < 0)
            goto fail;
    } else if (!has_sep) {
        size_t j = n;
        while (maxsplit-- > 0) {
            while (j > 0 && b_space(d[j - 1]))
                j--;
            if (j == 0)
                break;
            size_t i = j;
            while (i > 0 && !b_space(d[i - 1]))
                i--;
            if (append_piece(r, self, d + i, j - i) < 0)
                goto fail;
            j = i;
        }
        while (j > 0 && b_space(d[j - 1]))
            j--;
        if (j > 0 && append_piece(r, self, d, j) < 0)
            goto fail;
        list_reverse_in_place(r);
    } else if (!reverse) {
        size_t i = 0;
        while (maxsplit-- > 0) {
            intptr_t at = kind_find(d + i, n - i, sep.data, sep.size, 1, false);
            if (at < 0)
                break;
            if (append_piece(r, self, d + i, (size_t)at) < 0)
                goto fail;
            i += (size_t)at + sep.size;
        }
        if (append_piece(r, self, d + i, n - i) < 0)
            goto fail;
    } else {
        size_t j = n;
        while (maxsplit-- > 0) {
            intptr_t at = kind_find(d, j, sep.data, sep.size, 1, true);
            if (at < 0)
                break;
            if (append_piece(r, self, d + at + sep.size, j - (size_t)at - sep.size) < 0)
                goto fail;
            j = (size_t)at;
        }
        if (append_piece(r, self, d, j) < 0)
            goto fail;
        list_reverse_in_place(r);
    }
done:
    if (sepcopy != sepbuf)
        free(sepcopy);
    return r;
fail:
    if (sepcopy != sepbuf)
        free(sepcopy);
    return NULL;
}

METHOD(split) { return split_common(self, args, nargs, kw, false); }
METHOD(rsplit) { return split_common(self, args, nargs, kw, true); }

METHOD(splitlines)
{
    static const char *const names[] = { "keepends", NULL };
    Object *a[1];
    if (args_parse("splitlines", args, nargs, kw, names, 0, 1, a) < 0)
        return NULL;
    int keep = 0;
    if (a[0] && (keep = obj_truth(a[0])) < 0)
        return NULL;
    Object *r = list_new(0);
    if (!r)
        return NULL;
    VIEW(v);
    size_t i = 0;
    while (i < v.size) {
        size_t j = i;
        while (j < v.size && v.data[j] != '\n' && v.data[j] != '\r')
            j++;
        size_t eol = j;
        if (j < v.size) {
            j += v.data[j] == '\r' && j + 1 < v.size && v.data[j + 1] == '\n' ? 2 : 1;
            if (keep)
                eol = j;
        }
        if (append_piece(r, self, v.data + i, eol - i) < 0)
            return NULL;
        i = j;
    }
    return r;
}

static Object *partition(Object *self, Object *const *args, size_t nargs, Object *kw, bool rev)
{
    const char *name = rev ? "rpartition" : "partition";
    if (args_exact(name, kw, nargs, 1) < 0)
        return NULL;
    ByteView sep;
    if (need_buffer(args[0], &sep) < 0)
        return NULL;
    if (sep.size == 0)
        return raise(vm.e_ValueError, "empty separator");
    Object *sepobj = make_like(self, sep.data, sep.size);
    if (!sepobj)
        return NULL;
    if (is_bytes(args[0]) && !is_bytearray(self))
        sepobj = args[0];
    VIEW(v);
    intptr_t at = kind_find(v.data, v.size, sep.data, sep.size, 1, rev);
    Object *empty = make_like(self, NULL, 0), *e2 = make_like(self, NULL, 0);
    if (!empty || !e2)
        return NULL;
    if (at < 0) {
        Object *whole = same_or_copy(self, &v);
        if (!whole)
            return NULL;
        return rev ? tuple_pack(3, empty, e2, whole) : tuple_pack(3, whole, empty, e2);
    }
    Object *a = make_like(self, v.data, (size_t)at);
    Object *b = make_like(self, v.data + at + sep.size, v.size - (size_t)at - sep.size);
    return a && b ? tuple_pack(3, a, sepobj, b) : NULL;
}

METHOD(partition) { return partition(self, args, nargs, kw, false); }
METHOD(rpartition) { return partition(self, args, nargs, kw, true); }

METHOD(join)
{
    if (args_exact("join", kw, nargs, 1) < 0)
        return NULL;
    if (!type_of(args[0])->iter && !type_of(args[0])->getitem)
        return raise(vm.e_TypeError, "can only join an iterable");
    Object *items = list_from_iterable(args[0]);
    if (!items)
        return NULL;
    VIEW(sep);
    size_t n = list_size(items), total = 0;
    for (size_t i = 0; i < n; i++) {
        ByteView x;
        if (!byte_view(list_get(items, i), &x))
            return raise(vm.e_TypeError, "sequence item %zu: expected a bytes-like object, "
                         "%s found", i, type_name(type_of(list_get(items, i))));
        total += x.size + (i ? sep.size : 0);
    }
    unsigned char *d = malloc(total + 1);
    if (!d)
        return raise_no_memory();
    size_t k = 0;
    byte_view(self, &sep);
    for (size_t i = 0; i < n; i++) {
        ByteView x;
        byte_view(list_get(items, i), &x);
        if (i) {
            memcpy(d + k, sep.data, sep.size);
            k += sep.size;
        }
        memcpy(d + k, x.data, x.size);
        k += x.size;
    }
    Object *r = make_like(self, d, k);
    free(d);
    return r;
}

METHOD(replace)
{
    if (args_no_kw("replace", kw) < 0 || args_count("replace", nargs, 2, 3) < 0)
        return NULL;
    ByteView old, new;
    if (need_buffer(args[0], &old) < 0 || need_buffer(args[1], &new) < 0)
        return NULL;
    intptr_t count = -1;
    if (nargs == 3 && index_to_ssize(args[2], &count, false) < 0)
        return NULL;
    size_t maxcount = count < 0 ? SIZE_MAX : (size_t)count;
    VIEW(v);
    struct TextBuf t = TEXTBUF_INIT;
    int rc = 0;
    size_t i = 0, done = 0;
    if (old.size == 0) {
        for (; done < maxcount && i <= v.size; done++, i++) {
            rc |= textbuf_append(&t, (const char *)new.data, new.size);
            if (i < v.size)
                rc |= textbuf_append_byte(&t, (char)v.data[i]);
        }
    } else {
        while (done < maxcount) {
            intptr_t at = kind_find(v.data + i, v.size - i, old.data, old.size, 1, false);
            if (at < 0)
                break;
            rc |= textbuf_append(&t, (const char *)v.data + i, (size_t)at);
            rc |= textbuf_append(&t, (const char *)new.data, new.size);
            i += (size_t)at + old.size;
            done++;
        }
    }
    if (i < v.size)
        rc |= textbuf_append(&t, (const char *)v.data + i, v.size - i);
    if (rc) {
        textbuf_free(&t);
        return raise_no_memory();
    }
    Object *r = done == 0 ? same_or_copy(self, &v) : make_like(self, (unsigned char *)t.data, t.len);
    textbuf_free(&t);
    return r;
}

METHOD(translate)
{
    static const char *const names[] = { "table", "delete", NULL };
    Object *a[2];
    if (args_parse("translate", args, nargs, kw, names, 1, 2, a) < 0)
        return NULL;
    ByteView table = { NULL, 0 }, del = { NULL, 0 };
    if (a[0] != None) {
        if (need_buffer(a[0], &table) < 0)
            return NULL;
        if (table.size != 256)
            return raise(vm.e_ValueError, "translation table must be 256 characters long");
    }
    if (a[1] && need_buffer(a[1], &del) < 0)
        return NULL;
    bool drop[256] = { false };
    for (size_t i = 0; i < del.size; i++)
        drop[del.data[i]] = true;
    unsigned char map[256];
    for (int i = 0; i < 256; i++)
        map[i] = table.data ? table.data[i] : (unsigned char)i;
    VIEW(v);
    unsigned char *d = malloc(v.size + 1);
    if (!d)
        return raise_no_memory();
    size_t k = 0;
    for (size_t i = 0; i < v.size; i++)
        if (!drop[v.data[i]])
            d[k++] = map[v.data[i]];
    Object *r = make_like(self, d, k);
    free(d);
    return r;
}

METHOD(maketrans)
{
    if (args_no_kw("maketrans", kw) < 0 || args_count("maketrans", nargs, 2, 2) < 0)
        return NULL;
    ByteView x, y;
    if (need_buffer(args[0], &x) < 0 || need_buffer(args[1], &y) < 0)
        return NULL;
    if (x.size != y.size)
        return raise(vm.e_ValueError, "maketrans arguments must have same length");
    char table[256];
    for (int i = 0; i < 256; i++)
        table[i] = (char)i;
    for (size_t i = 0; i < x.size; i++)
        table[x.data[i]] = (char)y.data[i];
    return bytes_new(table, 256);
}

METHOD(decode)
{
    static const char *const names[] = { "encoding", "errors", NULL };
    Object *a[2];
    if (args_parse("decode", args, nargs, kw, names, 0, 2, a) < 0)
        return NULL;
    for (int i = 0; i < 2; i++)
        if (a[i] && !str_unwrap(a[i]))
            return raise(vm.e_TypeError, "decode() argument '%s' must be str, not %s", names[i],
                         type_name(type_of(a[i])));
    VIEW(v);
    return codec_decode(v.data, v.size, a[0] ? str_unwrap(a[0]) : NULL,
                        a[1] ? str_unwrap(a[1]) : NULL);
}

METHOD(hex)
{
    static const char *const names[] = { "sep", "bytes_per_sep", NULL };
    Object *a[2];
    if (args_parse("hex", args, nargs, kw, names, 0, 2, a) < 0)
        return NULL;
    uint32_t sep = 0;
    intptr_t per = 1;
    if (a[0]) {
        Object *s = str_unwrap(a[0]);
        ByteView bv;
        if (s) {
            if (str_len(s) != 1)
                return raise(vm.e_ValueError, "sep must be length 1.");
            sep = str_char(s, 0);
        } else if (byte_view(a[0], &bv)) {
            if (bv.size != 1)
                return raise(vm.e_ValueError, "sep must be length 1.");
            sep = bv.data[0];
        } else {
            return raise(vm.e_TypeError, "sep must be str or bytes.");
        }
        if (sep > 127)
            return raise(vm.e_ValueError, "sep must be ASCII.");
    }
    if (a[1] && index_to_ssize(a[1], &per, false) < 0)
        return NULL;
    VIEW(v);
    size_t group = per < 0 ? (size_t)-per : (size_t)per;
    char *out = malloc(v.size * 3 + 1);
    if (!out)
        return raise_no_memory();
    size_t k = 0;
    for (size_t i = 0; i < v.size; i++) {
        /* Groups count from the right for a positive bytes_per_sep. */
        if (sep && group && i > 0) {
            size_t pos = per > 0 ? v.size - i : i;
            if (pos % group == 0)
                out[k++] = (char)sep;
        }
        out[k++] = "0123456789abcdef"[v.data[i] >> 4];
        out[k++] = "0123456789abcdef"[v.data[i] & 15];
    }
    Object *r = str_from_latin1((unsigned char *)out, k);
    free(out);
    return r;
}

static int hexval(uint32_t c)
{
    if (c >= '0' && c <= '9')
        return (int)(c - '0');
    if (c >= 'a' && c <= 'f')
        return (int)(c - 'a' + 10);
    if (c >= 'A' && c <= 'F')
        return (int)(c - 'A' + 10);
    return -1;
}

/* bytes.fromhex(string): a classmethod, so self is the class. */
Object *bytes_fromhex(Object *cls, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("fromhex", kw, nargs, 1) < 0)
        return NULL;
    Object *s = str_unwrap(args[0]);
    if (!s)
        return raise(vm.e_TypeError, "fromhex() argument must be str, not %s",
                     type_name(type_of(args[0])));
    size_t n = str_len(s), k = 0;
    unsigned char *d = malloc(n / 2 + 1);
    if (!d)
        return raise_no_memory();
    for (size_t i = 0; i < n;) {
        uint32_t c = str_char(s, i);
        if (c == ' ' || (c >= 9 && c <= 13)) {
            i++;
            continue;
        }
        int hi = hexval(c), lo = i + 1 < n ? hexval(str_char(s, i + 1)) : -1;
        if (hi < 0 || lo < 0) {
            free(d);
            return raise(vm.e_ValueError, "non-hexadecimal number found in fromhex() arg at "
                         "position %zu", hi < 0 ? i : i + 1);
        }
        d[k++] = (unsigned char)(hi << 4 | lo);
        i += 2;
    }
    Type *t = (Type *)cls;
    Object *r = type_is_subtype(t, vm.t_bytearray) ? bytearray_from_data(d, k)
                                                   : bytes_new((const char *)d, k);
    free(d);
    if (r && t != vm.t_bytes && t != vm.t_bytearray)
        r = obj_call1(cls, r);
    return r;
}

METHOD(getnewargs)
{
    NOARGS("__getnewargs__");
    VIEW(v);
    Object *b = bytes_new((const char *)v.data, v.size);
    return b ? tuple_pack(1, b) : NULL;
}

METHOD(dunder_bytes)
{
    NOARGS("__bytes__");
    VIEW(v);
    return same_or_copy(self, &v);
}

const MethodDef bytes_common_defs[] = {
    { "capitalize", m_capitalize, 0 }, { "center", m_center, 0 }, { "count", m_count, 0 },
    { "decode", m_decode, 0 }, { "endswith", m_endswith, 0 },
    { "expandtabs", m_expandtabs, 0 }, { "find", m_find, 0 },
    { "fromhex", bytes_fromhex, METH_CLASS }, { "hex", m_hex, 0 }, { "index", m_index, 0 },
    { "isalnum", m_isalnum, 0 }, { "isalpha", m_isalpha, 0 }, { "isascii", m_isascii, 0 },
    { "isdigit", m_isdigit, 0 }, { "islower", m_islower, 0 }, { "isspace", m_isspace, 0 },
    { "istitle", m_istitle, 0 }, { "isupper", m_isupper, 0 }, { "join", m_join, 0 },
    { "ljust", m_ljust, 0 }, { "lower", m_lower, 0 }, { "lstrip", m_lstrip, 0 },
    { "maketrans", m_maketrans, METH_STATIC }, { "partition", m_partition, 0 },
    { "removeprefix", m_removeprefix, 0 }, { "removesuffix", m_removesuffix, 0 },
    { "replace", m_replace, 0 }, { "rfind", m_rfind, 0 }, { "rindex", m_rindex, 0 },
    { "rjust", m_rjust, 0 }, { "rpartition", m_rpartition, 0 }, { "rsplit", m_rsplit, 0 },
    { "rstrip", m_rstrip, 0 }, { "split", m_split, 0 }, { "splitlines", m_splitlines, 0 },
    { "startswith", m_startswith, 0 }, { "strip", m_strip, 0 },
    { "swapcase", m_swapcase, 0 }, { "title", m_title, 0 }, { "translate", m_translate, 0 },
    { "upper", m_upper, 0 }, { "zfill", m_zfill, 0 },
    { NULL, NULL, 0 },
};

/* __repr__ in the type's own dict: pprint dispatches on type(x).__repr__. */
static Object *m_repr(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return args_exact("__repr__", kw, nargs, 0) < 0 ? NULL : bytes_repr(self);
}

void bytes_type_init(void)
{
    Type *t = vm.t_bytes;
    t->repr = bytes_repr;
    t->hash = bytes_hash;
    t->richcompare = bytes_richcompare;
    t->length = bytes_length;
    t->getitem = bytes_getitem;
    t->contains = bytes_contains;
    t->tp_new = bytes_tp_new;
    t->binary[NB_ADD] = bytes_concat;
    t->binary[NB_MULTIPLY] = bytes_repeat;
    t->binary[NB_REMAINDER] = bytes_mod;
    t->getattr = generic_getattr;
    type_add_methods(t, bytes_common_defs);
    static const MethodDef own[] = {
        { "__getnewargs__", m_getnewargs, 0 }, { "__bytes__", m_dunder_bytes, 0 },
        { "__repr__", m_repr, 0 }, { NULL, NULL, 0 },
    };
    type_add_methods(t, own);
}
