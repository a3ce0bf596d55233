/*
** The _struct module (struct.py re-exports it): packing Python values into
** C structs described by a format string, with CPython 3.11's sizes,
** alignment and messages.  A format is parsed once into a code array,
** kept in a Struct object; the module functions cache Structs by format.
**
** CPython checks ranges in three ways, by table: native ('@'), standard
** little-endian ('<' and '='; on a little-endian host it borrows the native
** code wherever sizes agree), and standard big-endian ('>' and '!').  The
** messages differ between them, so the mode is kept with each code.
*/
#include <inttypes.h>
#include <math.h>
#include <string.h>

#include "vm/buffer.h"
#include "vm/num.h"
#include "vm/str_impl.h"

Object *getset_new(Type *owner, const char *name, Object *(*get)(Object *),
                   int (*set)(Object *, Object *));
void iter_type_add_methods(Type *t);

enum Mode { NATIVE, LITTLE, BIG };

typedef struct FmtCode {
    char c;
    uint8_t size;               /* of one item */
    size_t count;               /* repeat count; the length for 's' and 'p' */
    size_t offset;              /* of the first item */
} FmtCode;

typedef STM_SEG struct StructObj StructObj;
struct StructObj {              /* an L_NATIVE object: the Native layout */
    OBJECT_HEAD;
    Object *dict;
    Object *format;             /* str */
    Object *codes;              /* bytes holding the FmtCode array */
    Object *refs_[NATIVE_REFS - 3];     /* the rest of Native's references: unused */
    size_t size, nargs, ncodes;
    enum Mode mode;
};

typedef STM_SEG struct UnpackIter UnpackIter;
struct UnpackIter {             /* an L_NATIVE object: the Native layout */
    OBJECT_HEAD;
    Object *dict;
    Object *st;                 /* the Struct */
    Object *view;               /* a memoryview of the buffer: holds its export */
    Object *refs_[NATIVE_REFS - 3];     /* the rest of Native's references: unused */
    size_t offset;
};

static struct {
    Type *Struct, *unpack_iterator, *error;
    Object *cache;              /* dict: format -> Struct */
} st_roots;

#define CACHE_MAX 100

static Object *struct_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static Object *struct_error(const char *fmt, ...)
{
    char buf[300];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    return raise(st_roots.error, "%s", buf);
}

/* ---- format parsing ------------------------------------------------------------------ */

/* Size of a code in a mode, 0 for a character the mode lacks. */
static size_t code_size(char c, enum Mode mode)
{
    switch (c) {
    case 'x': case 'c': case 'b': case 'B': case '?': case 's': case 'p': return 1;
    case 'h': case 'H': case 'e': return 2;
    case 'i': case 'I': case 'f': return 4;
    case 'l': case 'L': return mode == NATIVE ? 8 : 4;
    case 'q': case 'Q': case 'd': return 8;
    case 'n': case 'N': case 'P': return mode == NATIVE ? 8 : 0;
    default: return 0;
    }
}

static const FmtCode *struct_codes(StructObj *s)
{
    return (const FmtCode *)bytes_data(s->codes);
}

static Object *struct_build(Type *t, Object *fmt_arg)
{
    Object *fstr = str_unwrap(fmt_arg);
    ByteView bv;
    if (!fstr) {
        if (!is_instance_of(fmt_arg, vm.t_bytes))
            return raise(vm.e_TypeError, "Struct() argument 1 must be a str or bytes object, "
                         "not %s", type_name(type_of(fmt_arg)));
        byte_view(fmt_arg, &bv);
        fstr = str_from_latin1(bv.data, bv.size);
        if (!fstr)
            return NULL;
    }
    size_t n;
    char *text = str_to_utf8(fstr, &n);
    if (!text)
        return NULL;
    const char *p = text;
    enum Mode mode = NATIVE;
    switch (*p) {
    case '@': p++; break;
    case '=': case '<': mode = LITTLE; p++; break;
    case '>': case '!': mode = BIG; p++; break;
    default: break;
    }
    /* Two passes: count the codes, then fill them. */
    FmtCode *codes = NULL;
    size_t ncodes = 0, size = 0, nargs = 0;
    for (int pass = 0; pass < 2; pass++) {
        size = nargs = 0;
        size_t k = 0;
        for (const char *q = p; *q; q++) {
            if (*q == ' ' || (*q >= '\t' && *q <= '\r'))
                continue;
            size_t num = 1;
            if (*q >= '0' && *q <= '9') {
                num = 0;
                for (; *q >= '0' && *q <= '9'; q++) {
                    if (num > ((size_t)INTPTR_MAX - (size_t)(*q - '0')) / 10)
                        goto too_long;
                    num = num * 10 + (size_t)(*q - '0');
                }
                if (!*q) {
                    free(text);
                    free(codes);
                    return struct_error("repeat count given without format specifier");
                }
            }
            char c = *q;
            size_t isz = code_size(c, mode);
            if (!isz) {
                free(text);
                free(codes);
                return struct_error("bad char in struct format");
            }
            /* Native alignment: every item on a multiple of its size. */
            if (mode == NATIVE && isz > 1 && size % isz)
                size += isz - size % isz;
            if (num > ((size_t)INTPTR_MAX - size) / isz)
                goto too_long;
            if (pass && c != 'x' && (num || c == 's' || c == 'p'))
                codes[k] = (FmtCode){ .c = c, .size = (uint8_t)isz, .count = num, .offset = size };
            if (c != 'x' && (num || c == 's' || c == 'p'))
                k++;
            nargs += c == 's' || c == 'p' ? 1 : c == 'x' ? 0 : num;
            size += num * isz;
        }
        if (!pass) {
            ncodes = k;
            codes = malloc((k ? k : 1) * sizeof *codes);
            if (!codes) {
                free(text);
                return raise_no_memory();
            }
        }
    }
    free(text);
    Object *cb = bytes_new((const char *)codes, ncodes * sizeof *codes);
    free(codes);
    if (!cb)
        return NULL;
    StructObj *s = (StructObj *)vm_alloc(sizeof(struct StructObj), L_NATIVE, t);
    if (!s)
        return NULL;
    s->format = fstr;
    s->codes = cb;
    s->size = size;
    s->nargs = nargs;
    s->ncodes = ncodes;
    s->mode = mode;
    return (Object *)s;
too_long:
    free(text);
    free(codes);
    return struct_error("total struct size too long");
}

static bool is_struct(Object *v)
{
    return !is_small(v) && type_is_subtype(v->type, st_roots.Struct);
}

/* The Struct for a format argument of the module functions. */
static StructObj *struct_for(Object *fmt)
{
    if (is_struct(fmt)) {
        obj_read(fmt);
        return (StructObj *)fmt;
    }
    Object *s = NULL;
    int r = dict_lookup(st_roots.cache, fmt, &s);
    if (r < 0) {
        /* An unhashable format cannot be cached, but may still be wrong. */
        exc_clear();
        return (StructObj *)struct_build(st_roots.Struct, fmt);
    }
    if (r)
        return (StructObj *)s;
    s = struct_build(st_roots.Struct, fmt);
    if (!s)
        return NULL;
    if (dict_size(st_roots.cache) >= CACHE_MAX) {
        st_roots.cache = dict_new();
        if (!st_roots.cache)
            return NULL;
    }
    return dict_set(st_roots.cache, fmt, s) < 0 ? NULL : (StructObj *)s;
}

/* ---- packing ---------------------------------------------------------------------------- */

/* The int value of v for an integer code: int, or anything with __index__. */
static Object *int_arg(Object *v)
{
    if (is_int(v))
        return int_value(v);
    if (!type_of(v)->unary[UN_INDEX])
        return struct_error("required argument is not an integer");
    Object *i = number_index(v);
    return i ? int_value(i) : NULL;
}

static void put_uint(unsigned char *p, uint64_t v, size_t size, bool big)
{
    for (size_t i = 0; i < size; i++)
        p[big ? size - 1 - i : i] = (unsigned char)(v >> (8 * i));
}

static uint64_t get_uint(const unsigned char *p, size_t size, bool big)
{
    uint64_t v = 0;
    for (size_t i = 0; i < size; i++)
        v |= (uint64_t)p[big ? size - 1 - i : i] << (8 * i);
    return v;
}

static int range_error(char c, size_t size, bool is_signed)
{
    uint64_t top = size == 8 ? UINT64_MAX : (UINT64_C(1) << (size * 8)) - 1;
    if (is_signed)
        struct_error("'%c' format requires %" PRId64 " <= number <= %" PRId64, c,
                     -(int64_t)(top >> 1) - 1, (int64_t)(top >> 1));
    else
        struct_error("'%c' format requires 0 <= number <= %" PRIu64, c, top);
    return -1;
}

static int pack_int(const FmtCode *fc, enum Mode mode, unsigned char *p, Object *v)
{
    Object *iv = int_arg(v);
    if (!iv)
        return -1;
    char c = fc->c;
    size_t size = fc->size;
    bool big = mode == BIG;
    uint64_t bits;
    bool neg;
    bool fits = int_bits64(iv, &bits, &neg) == 0;
    bool is_signed = strchr("bhilqnP", c) != NULL;
    /* The big-endian 'q', 'Q' and 'P' convert through a byte array. */
    if (c == 'P' || (big && (c == 'q' || c == 'Q'))) {
        if (!fits || (c == 'q' && !neg && bits >> 63) || (c == 'Q' && neg)) {
            struct_error("int too large to convert");
            return -1;
        }
        put_uint(p, bits, size, big);
        return 0;
    }
    /* CPython reads the value as a C long (signed codes, 'b', 'B', and the
       short codes of the little-endian tables) or unsigned long. */
    bool as_signed = is_signed || c == 'B' || (c == 'H' && mode != BIG);
    if (!fits || (as_signed && !neg && bits >> 63) || (!as_signed && neg)) {
        struct_error("argument out of range");
        return -1;
    }
    int64_t s = (int64_t)bits;
    switch (c) {
    case 'b':
        if (s < -128 || s > 127) {
            struct_error("byte format requires -128 <= number <= 127");
            return -1;
        }
        break;
    case 'B':
        if (s < 0 || s > 255) {
            struct_error("ubyte format requires 0 <= number <= 255");
            return -1;
        }
        break;
    case 'h':
        if (s < -32768 || s > 32767) {
            if (mode == BIG)
                return range_error(c, size, true);
            struct_error("short format requires -32768 <= number <= 32767");
            return -1;
        }
        break;
    case 'H':
        if (mode != BIG && (s < 0 || s > 65535)) {
            struct_error("ushort format requires 0 <= number <= 65535");
            return -1;
        }
        if (mode == BIG && bits > 65535)
            return range_error(c, size, false);
        break;
    default:
        if (size < 8 && is_signed && (s < -((int64_t)1 << (size * 8 - 1))
                                      || s >= ((int64_t)1 << (size * 8 - 1))))
            return range_error(c, size, true);
        if (size < 8 && !is_signed && bits >> (size * 8))
            return range_error(c, size, false);
        break;
    }
    put_uint(p, bits, size, big);
    return 0;
}

static int float_arg(Object *v, double *d)
{
    int r = number_as_double(v, d);
    if (r == 0 && !str_unwrap(v) && (type_of(v)->unary[UN_FLOAT] || type_of(v)->unary[UN_INDEX])) {
        Object *f = float_from_object(v);
        r = f ? 1 : -1;
        if (f)
            *d = float_value(f);
    }
    if (r == 1)
        return 0;
    exc_clear();
    struct_error("required argument is not a float");
    return -1;
}

/* IEEE 754 binary16, rounding to nearest even. */
static int half_pack(double x, uint16_t *out)
{
    uint16_t sign = signbit(x) ? 0x8000 : 0;
    double a = fabs(x);
    uint32_t bits;
    if (isnan(x)) {
        bits = 0x7e00;
    } else if (isinf(a)) {
        bits = 0x7c00;
    } else if (a == 0) {
        bits = 0;
    } else {
        int e;
        double m = frexp(a, &e);
        int biased = e + 14;
        if (biased <= 0)
            bits = (uint32_t)rint(ldexp(a, 24));
        else if (biased >= 31)
            bits = 0x7c00;
        else
            bits = ((uint32_t)biased << 10) + (uint32_t)rint(ldexp(2 * m - 1, 10));
        /* Rounding may carry into the exponent: still the right encoding,
           unless it reaches the infinities. */
        if (bits >= 0x7c00) {
            raise(vm.e_OverflowError, "float too large to pack with e format");
            return -1;
        }
    }
    *out = sign | (uint16_t)bits;
    return 0;
}

static double half_unpack(uint16_t h)
{
    int e = (h >> 10) & 31;
    double f = h & 1023, r;
    if (e == 0)
        r = ldexp(f, -24);
    else if (e == 31)
        r = f ? NAN : INFINITY;
    else
        r = ldexp(f + 1024, e - 25);
    return h & 0x8000 ? -r : r;
}

static int pack_one(const FmtCode *fc, enum Mode mode, unsigned char *p, Object *v)
{
    bool big = mode == BIG;
    switch (fc->c) {
    case 'c': {
        ByteView bv;
        if (!is_instance_of(v, vm.t_bytes) || !byte_view(v, &bv) || bv.size != 1) {
            struct_error("char format requires a bytes object of length 1");
            return -1;
        }
        *p = bv.data[0];
        return 0;
    }
    case '?': {
        int t = obj_truth(v);
        if (t < 0)
            return -1;
        *p = (unsigned char)t;
        return 0;
    }
    case 'e': {
        double d;
        uint16_t h;
        if (float_arg(v, &d) < 0 || half_pack(d, &h) < 0)
            return -1;
        put_uint(p, h, 2, big);
        return 0;
    }
    case 'f': {
        double d;
        if (float_arg(v, &d) < 0)
            return -1;
        float g = (float)d;
        if (mode != NATIVE && isinf(g) && !isinf(d)) {
            raise(vm.e_OverflowError, "float too large to pack with f format");
            return -1;
        }
        uint32_t u;
        memcpy(&u, &g, 4);
        put_uint(p, u, 4, big);
        return 0;
    }
    case 'd': {
        double d;
        if (float_arg(v, &d) < 0)
            return -1;
        uint64_t u;
        memcpy(&u, &d, 8);
        put_uint(p, u, 8, big);
        return 0;
    }
    default:
        return pack_int(fc, mode, p, v);
    }
}

/* Packs args[0..s->nargs) at p, which has s->size bytes, zeroed. */
static int struct_pack_at(StructObj *s, unsigned char *p, Object *const *args)
{
    const FmtCode *codes = struct_codes(s);
    size_t a = 0;
    for (size_t i = 0; i < s->ncodes; i++) {
        const FmtCode *fc = &codes[i];
        if (fc->c == 's' || fc->c == 'p') {
            Object *v = args[a++];
            ByteView bv;
            if (!(is_instance_of(v, vm.t_bytes) || is_bytearray(v))) {
                struct_error("argument for '%c' must be a bytes object", fc->c);
                return -1;
            }
            byte_view(v, &bv);
            size_t n = bv.size, room = fc->c == 'p' && fc->count ? fc->count - 1 : fc->count;
            if (n > room)
                n = room;
            unsigned char *d = p + fc->offset;
            if (fc->c == 'p' && fc->count) {
                *d++ = (unsigned char)(n > 255 ? 255 : n);
            }
            memcpy(d, bv.data, n);
            continue;
        }
        for (size_t k = 0; k < fc->count; k++)
            if (pack_one(fc, s->mode, p + fc->offset + k * fc->size, args[a++]) < 0)
                return -1;
    }
    return 0;
}

/* The packed bytes, in a malloc'ed buffer of s->size bytes (at least 1). */
static unsigned char *pack_to_buffer(StructObj *s, Object *const *args, size_t nargs,
                                     const char *who)
{
    if (nargs != s->nargs) {
        struct_error("%s expected %zu items for packing (got %zu)", who, s->nargs, nargs);
        return NULL;
    }
    unsigned char *d = calloc(s->size + 1, 1);
    if (!d)
        { raise_no_memory(); return NULL; }
    if (struct_pack_at(s, d, args) < 0) {
        free(d);
        return NULL;
    }
    return d;
}

static Object *do_pack(StructObj *s, Object *const *args, size_t nargs)
{
    unsigned char *d = pack_to_buffer(s, args, nargs, "pack");
    if (!d)
        return NULL;
    Object *r = bytes_new((const char *)d, s->size);
    free(d);
    return r;
}

static Object *do_pack_into(StructObj *s, Object *const *args, size_t nargs)
{
    if (nargs < 1)
        return struct_error("pack_into expected buffer argument");
    if (nargs < 2)
        return struct_error("pack_into expected offset argument");
    if (nargs - 2 != s->nargs)
        return struct_error("pack_into expected %zu items for packing (got %zu)", s->nargs,
                            nargs - 2);
    Buffer b;
    intptr_t off;
    if (buffer_get(args[0], &b, true) < 0 || index_to_ssize(args[1], &off, false) < 0)
        return NULL;
    intptr_t len = (intptr_t)b.len, size = (intptr_t)s->size;
    if (off < 0) {
        if (off + size > 0)
            return struct_error("no space to pack %zd bytes at offset %zd", size, off);
        if (off + len < 0)
            return struct_error("offset %zd out of range for %zd-byte buffer", off, len);
        off += len;
    }
    if (len - off < size)
        return struct_error("pack_into requires a buffer of at least %zd bytes for packing %zd "
                            "bytes at offset %zd (actual buffer size is %zd)", size + off, size,
                            off, len);
    unsigned char *d = pack_to_buffer(s, args + 2, nargs - 2, "pack_into");
    if (!d)
        return NULL;
    /* Packing may have run Python code (__index__): take the buffer again. */
    if (buffer_get(args[0], &b, true) < 0 || b.len < (size_t)(off + size)) {
        free(d);
        return exc_occurred() ? NULL : struct_error("pack_into: buffer changed size");
    }
    memcpy(b.data + off, d, s->size);
    free(d);
    return None;
}

/* ---- unpacking ----------------------------------------------------------------------------- */

static Object *unpack_int(const FmtCode *fc, enum Mode mode, const unsigned char *p)
{
    size_t size = fc->size;
    uint64_t u = get_uint(p, size, mode == BIG);
    if (strchr("bhilqn", fc->c)) {
        if (size < 8 && (u >> (size * 8 - 1)) & 1)
            u |= ~UINT64_C(0) << (size * 8);
        return int_from_i64((int64_t)u);
    }
    return int_from_u64(u);
}

static Object *unpack_one(const FmtCode *fc, enum Mode mode, const unsigned char *p)
{
    bool big = mode == BIG;
    switch (fc->c) {
    case 'c': return bytes_new((const char *)p, 1);
    case '?': return bool_obj(*p != 0);
    case 'e': return float_new(half_unpack((uint16_t)get_uint(p, 2, big)));
    case 'f': {
        uint32_t u = (uint32_t)get_uint(p, 4, big);
        float g;
        memcpy(&g, &u, 4);
        return float_new(g);
    }
    case 'd': {
        uint64_t u = get_uint(p, 8, big);
        double d;
        memcpy(&d, &u, 8);
        return float_new(d);
    }
    default:
        return unpack_int(fc, mode, p);
    }
}

/* The tuple of values in data[0..s->size); data is a copy (values are
   allocated meanwhile). */
static Object *struct_unpack_data(StructObj *s, const unsigned char *data)
{
    Object *t = tuple_new(s->nargs);
    if (!t)
        return NULL;
    const FmtCode *codes = struct_codes(s);
    size_t a = 0;
    for (size_t i = 0; i < s->ncodes; i++) {
        const FmtCode *fc = &codes[i];
        const unsigned char *p = data + fc->offset;
        Object *v;
        if (fc->c == 's') {
            v = bytes_new((const char *)p, fc->count);
        } else if (fc->c == 'p') {
            size_t n = fc->count ? p[0] : 0;
            if (fc->count && n >= fc->count)
                n = fc->count - 1;
            v = bytes_new((const char *)p + 1, n);
        } else {
            for (size_t k = 0; k < fc->count; k++) {
                v = unpack_one(fc, s->mode, p + k * fc->size);
                if (!v)
                    return NULL;
                tuple_init_item(t, a++, v);
            }
            continue;
        }
        if (!v)
            return NULL;
        tuple_init_item(t, a++, v);
    }
    return t;
}

static Object *unpack_at(StructObj *s, Object *buf, size_t off)
{
    Buffer b;
    if (buffer_get(buf, &b, false) < 0)
        return NULL;
    unsigned char *copy = malloc(s->size + 1);
    if (!copy)
        return raise_no_memory();
    memcpy(copy, b.data + off, s->size);
    Object *r = struct_unpack_data(s, copy);
    free(copy);
    return r;
}

static Object *do_unpack(StructObj *s, Object *buf)
{
    Buffer b;
    if (buffer_get(buf, &b, false) < 0)
        return NULL;
    if (b.len != s->size)
        return struct_error("unpack requires a buffer of %zu bytes", s->size);
    return unpack_at(s, buf, 0);
}

static Object *do_unpack_from(StructObj *s, Object *buf, Object *offset)
{
    intptr_t off = 0;
    if (offset && index_to_ssize(offset, &off, false) < 0)
        return NULL;
    Buffer b;
    if (buffer_get(buf, &b, false) < 0)
        return NULL;
    intptr_t len = (intptr_t)b.len, size = (intptr_t)s->size;
    if (off < 0) {
        if (off + len < 0)
            return struct_error("offset %zd out of range for %zd-byte buffer", off, len);
        if (off + size > 0)
            return struct_error("not enough data to unpack %zd bytes at offset %zd", size, off);
        off += len;
    }
    if (len - off < size)
        return struct_error("unpack_from requires a buffer of at least %zd bytes for unpacking "
                            "%zd bytes at offset %zd (actual buffer size is %zd)", size + off,
                            size, off, len);
    return unpack_at(s, buf, (size_t)off);
}

static Object *do_iter_unpack(StructObj *s, Object *buf)
{
    if (s->size == 0)
        return struct_error("cannot iteratively unpack with a struct of length 0");
    Object *view = obj_call1((Object *)memoryview_type(), buf);
    if (!view) {
        if (exc_matches(vm.e_TypeError)) {
            exc_clear();
            return raise(vm.e_TypeError, "a bytes-like object is required, not '%s'",
                         type_name(type_of(buf)));
        }
        return NULL;
    }
    Buffer b;
    if (buffer_get(view, &b, false) < 0)
        return NULL;
    if (b.len % s->size)
        return struct_error("iterative unpacking requires a buffer of a multiple of %zu bytes",
                            s->size);
    UnpackIter *it = (UnpackIter *)vm_alloc(sizeof(struct UnpackIter), L_NATIVE,
                                            st_roots.unpack_iterator);
    if (!it)
        return NULL;
    it->st = (Object *)s;
    it->view = view;
    return (Object *)it;
}

static Object *unpack_iter_next(Object *self)
{
    obj_read(self);
    UnpackIter *it = (UnpackIter *)self;
    if (!it->view)
        return NULL;
    StructObj *s = (StructObj *)it->st;
    Buffer b;
    if (buffer_get(it->view, &b, false) < 0)
        return NULL;
    obj_write(self);
    if (it->offset + s->size > b.len) {
        memoryview_release(it->view);
        it->view = NULL;
        return NULL;
    }
    size_t off = it->offset;
    it->offset += s->size;
    return unpack_at(s, it->view, off);
}

static Object *unpack_iter_length_hint(Object *self, Object *const *args, size_t nargs,
                                       Object *kw)
{
    if (args_exact("__length_hint__", kw, nargs, 0) < 0)
        return NULL;
    obj_read(self);
    UnpackIter *it = (UnpackIter *)self;
    if (!it->view)
        return make_small(0);
    Buffer b;
    if (buffer_get(it->view, &b, false) < 0)
        return NULL;
    return make_small((intptr_t)((b.len - it->offset) / ((StructObj *)it->st)->size));
}

/* ---- Struct ----------------------------------------------------------------------------------- */

static Object *struct_tp_new(Object *cls, Object *const *args, size_t nargs, Object *kw)
{
    static const char *const names[] = { "format", NULL };
    Object *a[1];
    if (args_parse("Struct", args, nargs, kw, names, 1, 1, a) < 0)
        return NULL;
    return struct_build((Type *)cls, a[0]);
}

static StructObj *self_struct(Object *self)
{
    obj_read(self);
    return (StructObj *)self;
}

#define METHOD(name) \
    static Object *name(Object *self, Object *const *args, size_t nargs, Object *kw)

METHOD(s_pack)
{
    if (args_no_kw("pack", kw) < 0)
        return NULL;
    return do_pack(self_struct(self), args, nargs);
}

METHOD(s_pack_into)
{
    if (args_no_kw("pack_into", kw) < 0)
        return NULL;
    return do_pack_into(self_struct(self), args, nargs);
}

METHOD(s_unpack)
{
    if (args_exact("unpack", kw, nargs, 1) < 0)
        return NULL;
    return do_unpack(self_struct(self), args[0]);
}

METHOD(s_unpack_from)
{
    static const char *const names[] = { "buffer", "offset", NULL };
    Object *a[2];
    if (args_parse("unpack_from", args, nargs, kw, names, 1, 2, a) < 0)
        return NULL;
    return do_unpack_from(self_struct(self), a[0], a[1]);
}

METHOD(s_iter_unpack)
{
    if (args_exact("iter_unpack", kw, nargs, 1) < 0)
        return NULL;
    return do_iter_unpack(self_struct(self), args[0]);
}

METHOD(s_sizeof)
{
    if (args_exact("__sizeof__", kw, nargs, 0) < 0)
        return NULL;
    StructObj *s = self_struct(self);
    return make_small((intptr_t)(sizeof(struct StructObj) + s->ncodes * sizeof(FmtCode)));
}

static Object *get_format(Object *self) { return self_struct(self)->format; }
static Object *get_size(Object *self) { return make_small((intptr_t)self_struct(self)->size); }

/* ---- module functions ------------------------------------------------------------------------ */

static StructObj *fmt_arg(const char *fname, Object *const *args, size_t nargs, Object *kw)
{
    if (args_no_kw(fname, kw) < 0)
        return NULL;
    if (nargs < 1)
        return (StructObj *)raise(vm.e_TypeError, "%s expected at least 1 argument, got 0", fname);
    return struct_for(args[0]);
}

METHOD(f_pack)
{
    StructObj *s = fmt_arg("pack", args, nargs, kw);
    return s ? do_pack(s, args + 1, nargs - 1) : NULL;
}

METHOD(f_pack_into)
{
    StructObj *s = fmt_arg("pack_into", args, nargs, kw);
    return s ? do_pack_into(s, args + 1, nargs - 1) : NULL;
}

METHOD(f_unpack)
{
    if (args_exact("unpack", kw, nargs, 2) < 0)
        return NULL;
    StructObj *s = struct_for(args[0]);
    return s ? do_unpack(s, args[1]) : NULL;
}

METHOD(f_unpack_from)
{
    static const char *const names[] = { "format", "buffer", "offset", NULL };
    Object *a[3];
    if (args_parse("unpack_from", args, nargs, kw, names, 2, 3, a) < 0)
        return NULL;
    StructObj *s = struct_for(a[0]);
    return s ? do_unpack_from(s, a[1], a[2]) : NULL;
}

METHOD(f_iter_unpack)
{
    if (args_exact("iter_unpack", kw, nargs, 2) < 0)
        return NULL;
    StructObj *s = struct_for(args[0]);
    return s ? do_iter_unpack(s, args[1]) : NULL;
}

METHOD(f_calcsize)
{
    if (args_exact("calcsize", kw, nargs, 1) < 0)
        return NULL;
    StructObj *s = struct_for(args[0]);
    return s ? make_small((intptr_t)s->size) : NULL;
}

METHOD(f_clearcache)
{
    if (args_exact("_clearcache", kw, nargs, 0) < 0)
        return NULL;
    st_roots.cache = dict_new();
    return st_roots.cache ? None : NULL;
}

static Type *make_error(void)
{
    Object *ns = dict_new();
    if (!ns || dict_set_cstr(ns, "__module__", str_from_cstr("struct")) < 0)
        return NULL;
    Object *args[3] = { str_from_cstr("error"), tuple_pack(1, (Object *)vm.e_Exception), ns };
    if (!args[0] || !args[1])
        return NULL;
    return (Type *)obj_call((Object *)vm.t_type, args, 3, NULL);
}

static int struct_types_init(void)
{
    if (st_roots.Struct)
        return 0;
    stm_add_root_range(&st_roots, sizeof st_roots);
    Object *modname = str_from_cstr("_struct");
    st_roots.cache = dict_new();
    st_roots.error = make_error();
    if (!modname || !st_roots.cache || !st_roots.error)
        return -1;
    Type *t = type_new_builtin("Struct", vm.t_object, L_NATIVE, sizeof(struct StructObj),
                               TF_BASETYPE | TF_HAS_DICT);
    st_roots.Struct = t;
    dict_set_cstr(t->dict, "__module__", modname);
    t->tp_new = struct_tp_new;
    t->getattr = generic_getattr;
    static const MethodDef methods[] = {
        { "pack", s_pack, 0 }, { "pack_into", s_pack_into, 0 }, { "unpack", s_unpack, 0 },
        { "unpack_from", s_unpack_from, 0 }, { "iter_unpack", s_iter_unpack, 0 },
        { "__sizeof__", s_sizeof, 0 }, { NULL, NULL, 0 },
    };
    type_add_methods(t, methods);
    getset_new(t, "format", get_format, NULL);
    getset_new(t, "size", get_size, NULL);
    type_inherit(t);

    Type *it = type_new_builtin("unpack_iterator", vm.t_object, L_NATIVE,
                                sizeof(struct UnpackIter), 0);
    st_roots.unpack_iterator = it;
    dict_set_cstr(it->dict, "__module__", modname);
    it->next = unpack_iter_next;
    it->getattr = generic_getattr;
    iter_type_add_methods(it);
    static const MethodDef it_methods[] = {
        { "__length_hint__", unpack_iter_length_hint, 0 }, { NULL, NULL, 0 },
    };
    type_add_methods(it, it_methods);
    type_inherit(it);
    return 0;
}

Object *struct_module_init(void)
{
    if (struct_types_init() < 0)
        return NULL;
    Object *m = module_new(intern_cstr("_struct"));
    if (!m)
        return NULL;
    Object *d = ((ModuleObj *)m)->dict;
    static const MethodDef functions[] = {
        { "pack", f_pack, 0 }, { "pack_into", f_pack_into, 0 }, { "unpack", f_unpack, 0 },
        { "unpack_from", f_unpack_from, 0 }, { "iter_unpack", f_iter_unpack, 0 },
        { "calcsize", f_calcsize, 0 }, { "_clearcache", f_clearcache, 0 },
        { NULL, NULL, 0 },
    };
    for (const MethodDef *f = functions; f->name; f++)
        if (dict_set_cstr(d, f->name, builtin_new(f->name, f->fn, m, m)) < 0)
            return NULL;
    if (dict_set_cstr(d, "Struct", (Object *)st_roots.Struct) < 0
        || dict_set_cstr(d, "error", (Object *)st_roots.error) < 0
        || dict_set_cstr(d, "__doc__", str_from_cstr("Functions to convert between Python values "
                                                     "and C structs.")) < 0)
        return NULL;
    return m;
}
