/*
** The marshal module, for values: None, booleans, StopIteration,
** Ellipsis, int, float, complex, str, bytes (and other bytes-like
** objects), tuple, list, dict, set and frozenset, in CPython's format
** (version 4 by default, every version readable), so that data moves
** between stmpy and CPython both ways.
**
** Code objects are the exception: stmpy's differ from CPython's, so they
** have a type code of their own ('C', which CPython does not know; its
** 'c' is refused here): the code's numbers, then its parts as values
** (code_parts in code.c).  loads(dumps(code)) gives a code object that
** runs, for py_compile and importlib's loaders of .pyc files.
**
** dumps() writes no back-references: CPython's choice of which objects to
** share depends on reference counts, which stmpy does not have.  loads()
** understands them.
*/
#include <stdlib.h>
#include <string.h>

#include "vm/codecs.h"
#include "vm/mod_os.h"
#include "vm/num.h"

#define MARSHAL_VERSION 4
#define MAX_DEPTH 2000
#define FLAG_REF 0x80
#define CODE_TYPE 'C'           /* stmpy's code objects */

/* ---- writing ------------------------------------------------------------------ */

typedef struct Writer {
    unsigned char *buf;
    size_t len, cap;
    int version, depth;
} Writer;

static bool w_grow(Writer *w, size_t n)
{
    if (w->len + n <= w->cap)
        return true;
    size_t cap = w->cap ? w->cap : 64;
    while (cap < w->len + n)
        cap *= 2;
    unsigned char *b = realloc(w->buf, cap);
    if (!b) {
        raise_no_memory();
        return false;
    }
    w->buf = b;
    w->cap = cap;
    return true;
}

static bool w_bytes(Writer *w, const void *p, size_t n)
{
    if (!w_grow(w, n))
        return false;
    memcpy(w->buf + w->len, p, n);
    w->len += n;
    return true;
}

static bool w_byte(Writer *w, unsigned char c) { return w_bytes(w, &c, 1); }

static bool w_u32(Writer *w, uint32_t v)
{
    unsigned char b[4] = { (unsigned char)v, (unsigned char)(v >> 8), (unsigned char)(v >> 16),
                           (unsigned char)(v >> 24) };
    return w_bytes(w, b, 4);
}

static bool w_u64(Writer *w, uint64_t v)
{
    return w_u32(w, (uint32_t)v) && w_u32(w, (uint32_t)(v >> 32));
}

static bool w_double(Writer *w, double d)
{
    uint64_t v;
    memcpy(&v, &d, sizeof v);
    return w_u64(w, v);
}

static bool w_size(Writer *w, size_t n)
{
    if (n > INT32_MAX) {
        raise(vm.e_ValueError, "unmarshallable object");
        return false;
    }
    return w_u32(w, (uint32_t)n);
}

/* A float as text, for versions 0 and 1: repr's digits. */
static bool w_float_text(Writer *w, double d)
{
    Object *r = obj_repr(float_new(d));
    char b[64];
    if (!r)
        return false;
    str_cstr(r, b, sizeof b);
    size_t n = strlen(b);
    return w_byte(w, (unsigned char)n) && w_bytes(w, b, n);
}

/* Ints beyond 32 bits: the magnitude in 15-bit digits, least significant
   first, after their signed count. */
static bool w_long(Writer *w, Object *v)
{
    Object *zero = make_small(0);
    int neg = obj_richcompare_bool(v, zero, CMP_LT);
    Object *mag = neg == 1 ? obj_unary(v, UN_NEG) : v;
    if (neg < 0 || !mag)
        return false;
    size_t start = w->len;
    if (!w_byte(w, 'l') || !w_u32(w, 0))
        return false;
    int64_t ndigits = 0;
    Object *mask = make_small(0x7fff), *fifteen = make_small(15);
    while (obj_richcompare_bool(mag, zero, CMP_GT) == 1) {
        Object *d = obj_binary(mag, mask, NB_AND);
        int64_t dv;
        if (!d || int_to_i64(d, &dv) < 0)
            return false;
        unsigned char b[2] = { (unsigned char)dv, (unsigned char)(dv >> 8) };
        if (!w_bytes(w, b, 2) || !(mag = obj_binary(mag, fifteen, NB_RSHIFT)))
            return false;
        ndigits++;
    }
    if (ndigits > INT32_MAX) {
        raise(vm.e_ValueError, "unmarshallable object");
        return false;
    }
    uint32_t n = (uint32_t)(neg ? -ndigits : ndigits);
    for (int i = 0; i < 4; i++)
        w->buf[start + 1 + (size_t)i] = (unsigned char)(n >> (8 * i));
    return true;
}

static bool w_object(Writer *w, Object *v);

static bool w_items(Writer *w, Object *iterable, size_t n)
{
    if (!w_size(w, n))
        return false;
    Object *it = obj_iter(iterable);
    for (Object *x; it && (x = obj_next(it));)
        if (!w_object(w, x))
            return false;
    return it && !exc_occurred();
}

static bool w_str(Writer *w, Object *v)
{
    size_t n;
    char *u = str_to_utf8(v, &n);
    if (!u)
        return false;
    bool ascii = true;
    for (size_t i = 0; i < n && ascii; i++)
        ascii = (unsigned char)u[i] < 0x80;
    bool ok;
    if (w->version >= 4 && ascii && n < 256)
        ok = w_byte(w, 'z') && w_byte(w, (unsigned char)n) && w_bytes(w, u, n);
    else
        ok = w_byte(w, ascii && w->version >= 4 ? 'a' : 'u') && w_size(w, n) && w_bytes(w, u, n);
    free(u);
    return ok;
}

static bool w_code(Writer *w, Object *code)
{
    Object *parts[CODE_NOBJS];
    uint32_t ints[CODE_NINTS];
    code_parts(code, parts, ints);
    if (!w_byte(w, CODE_TYPE))
        return false;
    for (int i = 0; i < CODE_NINTS; i++)
        if (!w_u32(w, ints[i]))
            return false;
    for (int i = 0; i < CODE_NOBJS; i++)
        if (!w_object(w, parts[i]))
            return false;
    return true;
}

static bool w_complex_object(Writer *w, Object *v)
{
    Type *t = type_of(v);
    if (t == vm.t_int) {
        int64_t i;
        if (int_to_i64(v, &i) == 0 && i >= INT32_MIN && i <= INT32_MAX)
            return w_byte(w, 'i') && w_u32(w, (uint32_t)(int32_t)i);
        exc_clear();
        return w_long(w, v);
    }
    if (t == vm.t_float) {
        double d = float_value(v);
        return w->version > 1 ? w_byte(w, 'g') && w_double(w, d) : w_byte(w, 'f') && w_float_text(w, d);
    }
    if (t == vm.t_complex) {
        Complex *c = (Complex *)v;
        double re = c->real, im = c->imag;
        if (w->version > 1)
            return w_byte(w, 'y') && w_double(w, re) && w_double(w, im);
        return w_byte(w, 'x') && w_float_text(w, re) && w_float_text(w, im);
    }
    if (t == vm.t_str)
        return w_str(w, v);
    if (t == vm.t_tuple) {
        size_t n = tuple_size(v);
        if (w->version >= 4 && n < 256) {
            if (!w_byte(w, ')') || !w_byte(w, (unsigned char)n))
                return false;
            for (size_t i = 0; i < n; i++)
                if (!w_object(w, tuple_get(v, i)))
                    return false;
            return true;
        }
        return w_byte(w, '(') && w_items(w, v, n);
    }
    if (t == vm.t_list)
        return w_byte(w, '[') && w_items(w, v, list_size(v));
    if (t == vm.t_dict) {
        if (!w_byte(w, '{'))
            return false;
        size_t pos = 0;
        Object *k, *x;
        while (dict_next(v, &pos, &k, &x))
            if (!w_object(w, k) || !w_object(w, x))
                return false;
        return w_byte(w, '0');
    }
    if (t == vm.t_set || t == vm.t_frozenset) {
        intptr_t n = obj_length(v);
        return n >= 0 && w_byte(w, t == vm.t_set ? '<' : '>') && w_items(w, v, (size_t)n);
    }
    if (t == vm.t_code)
        return w_code(w, v);
    ByteView view;
    if (byte_view(v, &view)) {
        /* A copy: writing may grow the buffer, and the view points into v. */
        size_t n = view.size;
        unsigned char *copy = malloc(n ? n : 1);
        if (!copy) {
            raise_no_memory();
            return false;
        }
        memcpy(copy, view.data, n);
        keep_alive(v);
        bool ok = w_byte(w, 's') && w_size(w, n) && w_bytes(w, copy, n);
        free(copy);
        return ok;
    }
    raise(vm.e_ValueError, "unmarshallable object");
    return false;
}

static bool w_object(Writer *w, Object *v)
{
    if (v == None)
        return w_byte(w, 'N');
    if (v == True_)
        return w_byte(w, 'T');
    if (v == False_)
        return w_byte(w, 'F');
    if (v == vm.ellipsis)
        return w_byte(w, '.');
    if (v == (Object *)vm.e_StopIteration)
        return w_byte(w, 'S');
    if (++w->depth > MAX_DEPTH) {
        raise(vm.e_ValueError, "object too deeply nested to marshal");
        return false;
    }
    bool ok = w_complex_object(w, v);
    w->depth--;
    return ok;
}

static Object *marshal_to_bytes(Object *v, Object *version)
{
    int64_t ver = MARSHAL_VERSION;
    if (version && os_arg_int(version, &ver) < 0)
        return NULL;
    Writer w = { NULL, 0, 0, (int)(ver < 0 ? 0 : ver > 4 ? 4 : ver), 0 };
    Object *r = w_object(&w, v) ? bytes_new((const char *)w.buf, w.len) : NULL;
    free(w.buf);
    return r;
}

static Object *marshal_dumps(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_no_kw("dumps", kw) < 0 || args_count("dumps", nargs, 1, 2) < 0)
        return NULL;
    return marshal_to_bytes(args[0], nargs > 1 ? args[1] : NULL);
}

static Object *marshal_dump(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_no_kw("dump", kw) < 0 || args_count("dump", nargs, 2, 3) < 0)
        return NULL;
    Object *data = marshal_to_bytes(args[0], nargs > 2 ? args[2] : NULL);
    Object *write = data ? obj_getattr_cstr(args[1], "write") : NULL;
    return write && obj_call1(write, data) ? None : NULL;
}

/* ---- reading ---------------------------------------------------------------------- */

/* The input: a private copy of loads()'s bytes, or a file read from as
   needed (load() leaves the file just after the value). */
typedef struct Reader {
    const unsigned char *buf;
    size_t len, pos;
    Object *file;
    Object *refs;               /* list: the objects flagged FLAG_REF, in order */
    int depth;
} Reader;

/* n bytes of input, or NULL with EOFError; read from a file, they lie in
   the bytes object *keep, which the caller keeps alive while it uses them. */
static const unsigned char *r_bytes(Reader *r, size_t n, Object **keep)
{
    if (!r->file) {
        if (r->len - r->pos < n) {
            raise(vm.e_EOFError, "marshal data too short");
            return NULL;
        }
        r->pos += n;
        return r->buf + r->pos - n;
    }
    Object *read = obj_getattr_cstr(r->file, "read");
    Object *data = read ? obj_call1(read, int_from_u64(n)) : NULL;
    if (!data)
        return NULL;
    if (!is_bytes(data)) {
        raise(vm.e_TypeError, "file.read() returned not bytes but %s", type_name(type_of(data)));
        return NULL;
    }
    if (bytes_size(data) != n) {
        raise(vm.e_EOFError, "marshal data too short");
        return NULL;
    }
    *keep = data;
    return bytes_data(data);
}

/* The next byte, -1 at the end of the input, -2 with an exception. */
static int r_byte(Reader *r)
{
    if (!r->file)
        return r->pos < r->len ? r->buf[r->pos++] : -1;
    Object *read = obj_getattr_cstr(r->file, "read");
    Object *data = read ? obj_call1(read, make_small(1)) : NULL;
    if (!data)
        return -2;
    if (!is_bytes(data)) {
        raise(vm.e_TypeError, "file.read() returned not bytes but %s", type_name(type_of(data)));
        return -2;
    }
    return bytes_size(data) ? bytes_data(data)[0] : -1;
}

static bool r_u32(Reader *r, uint32_t *out)
{
    Object *keep = NULL;
    const unsigned char *p = r_bytes(r, 4, &keep);
    if (!p)
        return false;
    *out = (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
    keep_alive(keep);
    return true;
}

static bool r_double(Reader *r, double *out)
{
    uint32_t lo, hi;
    if (!r_u32(r, &lo) || !r_u32(r, &hi))
        return false;
    uint64_t v = (uint64_t)hi << 32 | lo;
    memcpy(out, &v, sizeof *out);
    return true;
}

static Object *bad_data(const char *what)
{
    return raise(vm.e_ValueError, "bad marshal data (%s)", what);
}

/* A signed 32-bit size, checked. */
static bool r_size(Reader *r, size_t *n, const char *what)
{
    uint32_t v;
    if (!r_u32(r, &v))
        return false;
    if ((int32_t)v < 0) {
        bad_data(what);
        return false;
    }
    *n = v;
    return true;
}

/* n bytes as a new bytes object. */
static Object *r_data(Reader *r, size_t n)
{
    Object *keep = NULL;
    const unsigned char *p = r_bytes(r, n, &keep);
    if (!p)
        return NULL;
    Object *b = bytes_new((const char *)p, n);
    keep_alive(keep);
    return b;
}

static bool r_float_text(Reader *r, double *out)
{
    int n = r_byte(r);
    if (n < 0) {
        if (n == -1)
            raise(vm.e_EOFError, "EOF read where object expected");
        return false;
    }
    Object *b = r_data(r, (size_t)n);
    Object *s = b ? str_from_latin1(bytes_data(b), bytes_size(b)) : NULL;
    Object *f = s ? obj_call1((Object *)vm.t_float, s) : NULL;
    if (!f)
        return false;
    *out = float_value(f);
    return true;
}

static Object *r_long(Reader *r)
{
    uint32_t raw;
    if (!r_u32(r, &raw))
        return NULL;
    int32_t n = (int32_t)raw;
    if (n < -(1 << 30) || n > (1 << 30))
        return bad_data("long size out of range");
    size_t count = (size_t)(n < 0 ? -(int64_t)n : n);
    Object *b = r_data(r, count * 2);
    if (!b)
        return NULL;
    Object *v = make_small(0), *fifteen = make_small(15);
    for (size_t i = count; i-- > 0;) {
        unsigned d = bytes_data(b)[2 * i] | (unsigned)bytes_data(b)[2 * i + 1] << 8;
        if (d > 0x7fff)
            return bad_data("digit out of range in long");
        if (d == 0 && i == count - 1)
            return bad_data("unnormalized long data");
        v = obj_binary(v, fifteen, NB_LSHIFT);
        v = v ? obj_binary(v, make_small((intptr_t)d), NB_OR) : NULL;
        if (!v)
            return NULL;
    }
    return n < 0 ? obj_unary(v, UN_NEG) : v;
}

static Object *r_object(Reader *r);
static Object *r_object_from(Reader *r, int c);

/* Reserves the object's place among the back-references when flagged:
   containers go there before their items, so that items may refer back
   to them. */
static intptr_t r_ref_reserve(Reader *r, bool flag, Object *v)
{
    if (!flag)
        return -1;
    intptr_t i = (intptr_t)list_size(r->refs);
    return list_append(r->refs, v ? v : None) < 0 ? -2 : i;
}

static Object *r_str(Reader *r, size_t n, bool ascii)
{
    Object *b = r_data(r, n);
    if (!b)
        return NULL;
    if (ascii)
        return str_from_latin1(bytes_data(b), n);
    return codec_decode_id(C_UTF8, bytes_data(b), n, intern_cstr("surrogatepass"), true, NULL, NULL);
}

static Object *r_items_into(Reader *r, Object *dest, size_t n, int code)
{
    for (size_t i = 0; i < n; i++) {
        Object *x = r_object(r);
        if (!x)
            return NULL;
        if (code == '[' ? list_append(dest, x) < 0 : set_add(dest, x) < 0)
            return NULL;
    }
    return dest;
}

static Object *r_code(Reader *r)
{
    uint32_t ints[CODE_NINTS];
    for (int i = 0; i < CODE_NINTS; i++)
        if (!r_u32(r, &ints[i]))
            return NULL;
    Object *parts[CODE_NOBJS];
    for (int i = 0; i < CODE_NOBJS; i++)
        if (!(parts[i] = r_object(r)))
            return NULL;
    return code_from_parts(parts, ints);
}

static Object *r_object_code(Reader *r, int code, bool flag)
{
    size_t n;
    double re, im;
    intptr_t slot;
    Object *v;
    switch (code) {
    case 'N': return None;
    case 'T': return True_;
    case 'F': return False_;
    case 'S': return (Object *)vm.e_StopIteration;
    case '.': return vm.ellipsis;
    case 'i': {
        uint32_t x;
        return r_u32(r, &x) ? int_from_i64((int32_t)x) : NULL;
    }
    case 'I': {
        uint32_t lo, hi;
        return r_u32(r, &lo) && r_u32(r, &hi) ? int_from_i64((int64_t)((uint64_t)hi << 32 | lo)) : NULL;
    }
    case 'l': return r_long(r);
    case 'f': return r_float_text(r, &re) ? float_new(re) : NULL;
    case 'g': return r_double(r, &re) ? float_new(re) : NULL;
    case 'x': return r_float_text(r, &re) && r_float_text(r, &im) ? complex_new(re, im) : NULL;
    case 'y': return r_double(r, &re) && r_double(r, &im) ? complex_new(re, im) : NULL;
    case 's':
        return r_size(r, &n, "bytes object size out of range") ? r_data(r, n) : NULL;
    case 'u': case 't':
        return r_size(r, &n, "string size out of range") ? r_str(r, n, false) : NULL;
    case 'a': case 'A':
        return r_size(r, &n, "string size out of range") ? r_str(r, n, true) : NULL;
    case 'z': case 'Z': {
        int c = r_byte(r);
        if (c < 0)
            return c == -1 ? raise(vm.e_EOFError, "marshal data too short") : NULL;
        return r_str(r, (size_t)c, true);
    }
    case ')': case '(': {
        if (code == ')') {
            int c = r_byte(r);
            if (c < 0)
                return c == -1 ? raise(vm.e_EOFError, "marshal data too short") : NULL;
            n = (size_t)c;
        } else if (!r_size(r, &n, "tuple size out of range")) {
            return NULL;
        }
        if ((slot = r_ref_reserve(r, flag, NULL)) == -2)
            return NULL;
        Object *items = list_new(0);
        if (!items || !r_items_into(r, items, n, '['))
            return NULL;
        v = list_as_tuple(items);
        if (v && slot >= 0)
            list_set(r->refs, (size_t)slot, v);
        return v;
    }
    case '[':
        if (!r_size(r, &n, "list size out of range") || !(v = list_new(0))
            || r_ref_reserve(r, flag, v) == -2)
            return NULL;
        return r_items_into(r, v, n, '[');
    case '{':
        if (!(v = dict_new()) || r_ref_reserve(r, flag, v) == -2)
            return NULL;
        for (;;) {
            int c = r_byte(r);
            if (c == '0')
                return v;
            Object *k = r_object_from(r, c);
            Object *x = k ? r_object(r) : NULL;
            if (!x || dict_set(v, k, x) < 0)
                return NULL;
        }
    case '<': case '>':
        if (!r_size(r, &n, "set size out of range"))
            return NULL;
        if (code == '<') {
            if (!(v = set_new(vm.t_set)) || r_ref_reserve(r, flag, v) == -2)
                return NULL;
            return r_items_into(r, v, n, '<');
        }
        if ((slot = r_ref_reserve(r, flag, NULL)) == -2 || !(v = set_new(vm.t_set))
            || !r_items_into(r, v, n, '<'))
            return NULL;
        v = obj_call1((Object *)vm.t_frozenset, v);
        if (v && slot >= 0)
            list_set(r->refs, (size_t)slot, v);
        return v;
    case 'r': {
        uint32_t i;
        if (!r_u32(r, &i))
            return NULL;
        if (i >= list_size(r->refs) || list_get(r->refs, i) == None)
            return bad_data("invalid reference");
        return list_get(r->refs, i);
    }
    case 'c':
        return bad_data("stmpy cannot load CPython's code objects");
    case CODE_TYPE:
        return r_code(r);
    default:
        return bad_data("unknown type code");
    }
}

static Object *r_object_from(Reader *r, int c)
{
    if (c < 0)
        return c == -1 ? raise(vm.e_EOFError, "EOF read where object expected") : NULL;
    if (++r->depth > MAX_DEPTH) {
        r->depth--;
        return raise(vm.e_ValueError, "recursion limit exceeded");
    }
    bool flag = c & FLAG_REF;
    int code = c & ~FLAG_REF;
    bool container = strchr("()[{<>", code) != NULL;
    Object *v = r_object_code(r, code, flag && container);
    r->depth--;
    if (v && flag && !container && list_append(r->refs, v) < 0)
        return NULL;
    return v;
}

static Object *r_object(Reader *r)
{
    return r_object_from(r, r_byte(r));
}

static Object *marshal_loads(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("loads", kw, nargs, 1) < 0)
        return NULL;
    ByteView view;
    if (os_view_arg(args[0], &view) < 0)
        return NULL;
    unsigned char *copy = malloc(view.size ? view.size : 1);
    if (!copy)
        return raise_no_memory();
    memcpy(copy, view.data, view.size);
    keep_alive(args[0]);
    Reader r = { copy, view.size, 0, NULL, list_new(0), 0 };
    Object *v = r.refs ? r_object(&r) : NULL;
    free(copy);
    return v;
}

static Object *marshal_load(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("load", kw, nargs, 1) < 0)
        return NULL;
    Reader r = { NULL, 0, 0, args[0], list_new(0), 0 };
    return r.refs ? r_object(&r) : NULL;
}

Object *marshal_module_init(void)
{
    static const MethodDef functions[] = {
        { "dumps", marshal_dumps, 0 }, { "dump", marshal_dump, 0 },
        { "loads", marshal_loads, 0 }, { "load", marshal_load, 0 }, { NULL, NULL, 0 },
    };
    Object *m = os_module_new("marshal", functions);
    if (m)
        os_module_add_int(m, "version", MARSHAL_VERSION);
    return m;
}
