/*
** The binascii module: hex, base64, uuencode, quoted-printable, CRC-32
** and CRC-CCITT, with CPython 3.11's results and error messages.  The
** module's Error and Incomplete classes live in its dict only (a module
** function's `self` is its module), so no C global names a heap object.
** Input is copied out of its object first: the real address of a buffer
** is only valid until the next allocation.
*/
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/buffer.h"
#include "vm/num.h"
#include "vm/str_impl.h"

/* A malloc'ed copy of the input bytes. */
typedef struct Input {
    unsigned char *p;
    size_t n;
} Input;

static int copy_input(Input *in, const unsigned char *data, size_t n)
{
    in->p = malloc(n ? n : 1);
    if (!in->p) {
        raise_no_memory();
        return -1;
    }
    memcpy(in->p, data, n);
    in->n = n;
    return 0;
}

/* A bytes-like argument (the b2a_* side). */
static int bytes_input(Object *v, Input *in)
{
    Buffer b;
    if (buffer_get(v, &b, false) < 0)
        return -1;
    return copy_input(in, b.data, b.len);
}

/* A bytes-like or ASCII str argument (the a2b_* side). */
static int ascii_input(Object *v, Input *in)
{
    Object *s = str_unwrap(v);
    if (s) {
        if (!((Str *)s)->ascii) {
            raise(vm.e_ValueError, "string argument should contain only ASCII characters");
            return -1;
        }
        return copy_input(in, str_data(s), str_len(s));
    }
    Buffer b;
    int r = buffer_try(v, &b, false);
    if (r < 0)
        return -1;
    if (!r) {
        raise(vm.e_TypeError, "argument should be bytes, buffer or ASCII string, not '%s'",
              type_name(type_of(v)));
        return -1;
    }
    return copy_input(in, b.data, b.len);
}

/* Output built in C memory, turned into bytes at the end. */
typedef struct Out {
    unsigned char *p;
    size_t n, cap;
} Out;

static int out_reserve(Out *o, size_t extra)
{
    if (o->n + extra <= o->cap)
        return 0;
    size_t cap = o->cap ? o->cap : 64;
    while (cap < o->n + extra)
        cap *= 2;
    unsigned char *p = realloc(o->p, cap);
    if (!p) {
        raise_no_memory();
        return -1;
    }
    o->p = p;
    o->cap = cap;
    return 0;
}

static inline int out_put(Out *o, unsigned char c)
{
    if (o->n == o->cap && out_reserve(o, 1) < 0)
        return -1;
    o->p[o->n++] = c;
    return 0;
}

static Object *out_finish(Out *o, Input *in)
{
    Object *r = bytes_new((const char *)o->p, o->n);
    free(o->p);
    free(in->p);
    return r;
}

static Object *fail(Out *o, Input *in)
{
    free(o->p);
    free(in->p);
    return NULL;
}

static Object *module_error(Object *module, const char *name, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static Object *module_error(Object *module, const char *name, const char *fmt, ...)
{
    char buf[200];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    Object *t = dict_get_cstr(((ModuleObj *)module)->dict, name);
    if (!t || !is_exception_type(t))
        t = (Object *)vm.e_ValueError;
    return raise((Type *)t, "%s", buf);
}
#define ERROR(...) module_error(self, "Error", __VA_ARGS__)

/* An unsigned int argument taken bitwise: its value modulo 2**32. */
static int uint_bitwise(Object *v, uint32_t *out)
{
    Object *i = number_index(v);
    if (!i)
        return -1;
    /* True and int subclasses: the plain value. */
    Object *m = int_mod_values(int_value(i), int_from_u64((uint64_t)1 << 32));
    int64_t x;
    if (!m || int_to_i64(m, &x) < 0)
        return -1;
    *out = (uint32_t)x;
    return 0;
}

/* Functions whose data argument is positional-only and whose options are
   keyword-only. */
static int one_positional(const char *fname, size_t nargs)
{
    if (nargs == 1)
        return 0;
    raise(vm.e_TypeError, "%s() takes exactly 1 positional argument (%zu given)", fname, nargs);
    return -1;
}

static int bool_arg(Object *v, bool *out)
{
    if (!v)
        return 0;
    int t = obj_truth(v);
    if (t < 0)
        return -1;
    *out = t;
    return 0;
}

/* ---- hex ------------------------------------------------------------------ */

static const char hexdigits[] = "0123456789abcdef";

static int c_int_arg(Object *v, intptr_t *out)
{
    Object *i = number_index(v);
    int64_t x;
    if (!i)
        return -1;
    if (int_to_i64(i, &x) < 0 || x > INT32_MAX || x < INT32_MIN) {
        exc_clear();
        raise(vm.e_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    *out = (intptr_t)x;
    return 0;
}

static Object *hexlify(const char *fname, Object *const *args, size_t nargs, Object *kw)
{
    static const char *const names[] = { "data", "sep", "bytes_per_sep", NULL };
    Object *a[3];
    if (args_parse(fname, args, nargs, kw, names, 1, 3, a) < 0)
        return NULL;
    unsigned char sep = 0;
    intptr_t per = 1;
    if (a[1]) {
        Object *s = str_unwrap(a[1]);
        size_t len;
        uint32_t c;
        if (s) {
            len = str_len(s);
            c = len == 1 ? str_char(s, 0) : 0;
        } else {
            Buffer b;
            int r = buffer_try(a[1], &b, false);
            if (r <= 0) {
                if (!r)
                    raise(vm.e_TypeError, "object of type '%s' has no len()",
                          type_name(type_of(a[1])));
                return NULL;
            }
            len = b.len;
            c = len == 1 ? b.data[0] : 0;
        }
        if (len != 1)
            return raise(vm.e_ValueError, "sep must be length 1.");
        /* As CPython: any byte, and any str character that fits one. */
        if (c > 255)
            return raise(vm.e_ValueError, "sep must be ASCII.");
        sep = (unsigned char)c;
    }
    if (a[2] && c_int_arg(a[2], &per) < 0)
        return NULL;
    Input in;
    if (bytes_input(a[0], &in) < 0)
        return NULL;
    Out o = {0};
    size_t absper = per < 0 ? (size_t)-per : (size_t)per;
    size_t nseps = sep && absper && in.n ? (in.n - 1) / absper : 0;
    if (out_reserve(&o, in.n * 2 + nseps + 1) < 0)
        return fail(&o, &in);
    for (size_t i = 0; i < in.n; i++) {
        /* bytes_per_sep > 0 groups from the right, < 0 from the left. */
        if (nseps && i) {
            size_t from = per > 0 ? in.n - i : i;
            if (from % absper == 0)
                o.p[o.n++] = sep;
        }
        o.p[o.n++] = (unsigned char)hexdigits[in.p[i] >> 4];
        o.p[o.n++] = (unsigned char)hexdigits[in.p[i] & 15];
    }
    return out_finish(&o, &in);
}

static Object *b_hexlify(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return hexlify("hexlify", args, nargs, kw);
}

static Object *b_b2a_hex(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return hexlify("b2a_hex", args, nargs, kw);
}

static int hexval(unsigned char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

static Object *unhexlify(Object *self, const char *fname, Object *const *args, size_t nargs,
                         Object *kw)
{
    Input in;
    if (args_exact(fname, kw, nargs, 1) < 0 || ascii_input(args[0], &in) < 0)
        return NULL;
    Out o = {0};
    if (in.n % 2) {
        ERROR("Odd-length string");
        return fail(&o, &in);
    }
    if (out_reserve(&o, in.n / 2 + 1) < 0)
        return fail(&o, &in);
    for (size_t i = 0; i < in.n; i += 2) {
        int hi = hexval(in.p[i]), lo = hexval(in.p[i + 1]);
        if (hi < 0 || lo < 0) {
            ERROR("Non-hexadecimal digit found");
            return fail(&o, &in);
        }
        o.p[o.n++] = (unsigned char)(hi << 4 | lo);
    }
    return out_finish(&o, &in);
}

static Object *b_unhexlify(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return unhexlify(self, "binascii.unhexlify", args, nargs, kw);
}

static Object *b_a2b_hex(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return unhexlify(self, "binascii.a2b_hex", args, nargs, kw);
}

/* ---- base64 ------------------------------------------------------------------ */

static const char b64chars[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static int b64val(unsigned char c)
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 26;
    if (c >= '0' && c <= '9')
        return c - '0' + 52;
    return c == '+' ? 62 : c == '/' ? 63 : -1;
}

static Object *b_b2a_base64(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    static const char *const names[] = { "data", "newline", NULL };
    Object *a[2];
    bool newline = true;
    Input in;
    if (one_positional("b2a_base64", nargs) < 0 || args_parse("b2a_base64", args, nargs, kw, names, 1, 1, a) < 0 || bool_arg(a[1], &newline) < 0
        || bytes_input(a[0], &in) < 0)
        return NULL;
    Out o = {0};
    if (out_reserve(&o, (in.n + 2) / 3 * 4 + 2) < 0)
        return fail(&o, &in);
    size_t i = 0;
    for (; i + 3 <= in.n; i += 3) {
        uint32_t v = (uint32_t)in.p[i] << 16 | (uint32_t)in.p[i + 1] << 8 | in.p[i + 2];
        for (int k = 18; k >= 0; k -= 6)
            o.p[o.n++] = (unsigned char)b64chars[(v >> k) & 63];
    }
    if (i < in.n) {
        uint32_t v = (uint32_t)in.p[i] << 16 | (i + 1 < in.n ? (uint32_t)in.p[i + 1] << 8 : 0);
        o.p[o.n++] = (unsigned char)b64chars[v >> 18];
        o.p[o.n++] = (unsigned char)b64chars[(v >> 12) & 63];
        o.p[o.n++] = i + 1 < in.n ? (unsigned char)b64chars[(v >> 6) & 63] : '=';
        o.p[o.n++] = '=';
    }
    if (newline)
        o.p[o.n++] = '\n';
    return out_finish(&o, &in);
}

static Object *b_a2b_base64(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    static const char *const names[] = { "data", "strict_mode", NULL };
    Object *a[2];
    bool strict = false;
    Input in;
    if (one_positional("a2b_base64", nargs) < 0 || args_parse("a2b_base64", args, nargs, kw, names, 1, 1, a) < 0 || bool_arg(a[1], &strict) < 0
        || ascii_input(a[0], &in) < 0)
        return NULL;
    Out o = {0};
    if (out_reserve(&o, in.n / 4 * 3 + 3) < 0)
        return fail(&o, &in);
    if (strict && in.n && in.p[0] == '=') {
        ERROR("Leading padding not allowed");
        return fail(&o, &in);
    }
    /* quad: how many characters of the current group of four were seen;
       pads: '=' seen since the last data character. */
    int quad = 0, pads = 0;
    bool padding = false;
    unsigned left = 0;
    for (size_t i = 0; i < in.n; i++) {
        unsigned char c = in.p[i];
        if (c == '=') {
            padding = true;
            /* Enough padding ends the data: what follows is ignored. */
            if (quad >= 2 && quad + ++pads >= 4) {
                if (strict && i + 1 < in.n) {
                    ERROR("Excess data after padding");
                    return fail(&o, &in);
                }
                return out_finish(&o, &in);
            }
            continue;
        }
        int v = b64val(c);
        if (v < 0) {
            if (strict) {
                ERROR("Only base64 data is allowed");
                return fail(&o, &in);
            }
            continue;
        }
        if (strict && padding) {
            ERROR("Discontinuous padding not allowed");
            return fail(&o, &in);
        }
        pads = 0;
        switch (quad) {
        case 0: left = (unsigned)v; break;
        case 1: o.p[o.n++] = (unsigned char)(left << 2 | (unsigned)v >> 4); left = v & 15; break;
        case 2: o.p[o.n++] = (unsigned char)(left << 4 | (unsigned)v >> 2); left = v & 3; break;
        default: o.p[o.n++] = (unsigned char)(left << 6 | (unsigned)v); break;
        }
        quad = (quad + 1) & 3;
    }
    if (quad == 1) {
        ERROR("Invalid base64-encoded string: number of data characters (%zu) cannot be 1 more "
              "than a multiple of 4", o.n / 3 * 4 + 1);
        return fail(&o, &in);
    }
    if (quad) {
        ERROR("Incorrect padding");
        return fail(&o, &in);
    }
    return out_finish(&o, &in);
}

/* ---- uuencode ------------------------------------------------------------------- */

static Object *b_b2a_uu(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    static const char *const names[] = { "data", "backtick", NULL };
    Object *a[2];
    bool backtick = false;
    Input in;
    if (one_positional("b2a_uu", nargs) < 0 || args_parse("b2a_uu", args, nargs, kw, names, 1, 1, a) < 0 || bool_arg(a[1], &backtick) < 0
        || bytes_input(a[0], &in) < 0)
        return NULL;
    Out o = {0};
    if (in.n > 45) {
        ERROR("At most 45 bytes at once");
        return fail(&o, &in);
    }
    if (out_reserve(&o, 2 + (in.n + 2) / 3 * 4) < 0)
        return fail(&o, &in);
#define UU(v) ((unsigned char)(backtick && (v) == 0 ? '`' : ' ' + (v)))
    o.p[o.n++] = UU(in.n);
    for (size_t i = 0; i < in.n; i += 3) {
        uint32_t v = (uint32_t)in.p[i] << 16 | (i + 1 < in.n ? (uint32_t)in.p[i + 1] << 8 : 0)
                     | (i + 2 < in.n ? in.p[i + 2] : 0);
        for (int k = 18; k >= 0; k -= 6)
            o.p[o.n++] = UU((v >> k) & 63);
    }
#undef UU
    o.p[o.n++] = '\n';
    return out_finish(&o, &in);
}

static Object *b_a2b_uu(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    Input in;
    if (args_exact("binascii.a2b_uu", kw, nargs, 1) < 0 || ascii_input(args[0], &in) < 0)
        return NULL;
    Out o = {0};
    /* An empty line stands for the longest one, all zeros. */
    size_t want = in.n ? (size_t)((in.p[0] - ' ') & 63) : 32;
    if (out_reserve(&o, want + 1) < 0)
        return fail(&o, &in);
    memset(o.p, 0, want);
    size_t i = in.n ? 1 : 0;
    uint32_t left = 0;
    int bits = 0;
    /* Missing characters and line ends count as zeros. */
    for (; o.n < want && in.n; i++) {
        unsigned char c = i < in.n ? in.p[i] : '\n';
        unsigned v = 0;
        if (c != '\n' && c != '\r') {
            if (c < ' ' || c > ' ' + 64) {
                ERROR("Illegal char");
                return fail(&o, &in);
            }
            v = (unsigned)(c - ' ') & 63;
        }
        left = (left << 6) | v;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            o.p[o.n++] = (unsigned char)(left >> bits);
            left &= (1u << bits) - 1;
        }
    }
    o.n = want;
    for (; i < in.n; i++) {
        unsigned char c = in.p[i];
        if (c != ' ' && c != ' ' + 64 && c != '\n' && c != '\r') {
            ERROR("Trailing garbage");
            return fail(&o, &in);
        }
    }
    return out_finish(&o, &in);
}

/* ---- quoted-printable -------------------------------------------------------------- */

static Object *b_a2b_qp(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    static const char *const names[] = { "data", "header", NULL };
    Object *a[2];
    bool header = false;
    Input in;
    if (args_parse("a2b_qp", args, nargs, kw, names, 1, 2, a) < 0 || bool_arg(a[1], &header) < 0
        || ascii_input(a[0], &in) < 0)
        return NULL;
    Out o = {0};
    if (out_reserve(&o, in.n + 1) < 0)
        return fail(&o, &in);
    size_t i = 0;
    while (i < in.n) {
        unsigned char c = in.p[i];
        if (c != '=') {
            o.p[o.n++] = header && c == '_' ? ' ' : c;
            i++;
            continue;
        }
        if (++i >= in.n)
            break;
        c = in.p[i];
        if (c == '\n' || c == '\r') {
            /* A soft line break: skip to the end of the line. */
            while (i < in.n && in.p[i] != '\n')
                i++;
            if (i < in.n)
                i++;
        } else if (c == '=') {
            o.p[o.n++] = '=';
            i++;
        } else if (i + 1 < in.n && hexval(c) >= 0 && hexval(in.p[i + 1]) >= 0) {
            o.p[o.n++] = (unsigned char)(hexval(c) << 4 | hexval(in.p[i + 1]));
            i += 2;
        } else {
            o.p[o.n++] = '=';
        }
    }
    return out_finish(&o, &in);
}

enum { QP_LINE = 76 };

static Object *b_b2a_qp(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    static const char *const names[] = { "data", "quotetabs", "istext", "header", NULL };
    Object *a[4];
    bool quotetabs = false, istext = true, header = false;
    Input in;
    if (args_parse("b2a_qp", args, nargs, kw, names, 1, 4, a) < 0 || bool_arg(a[1], &quotetabs) < 0
        || bool_arg(a[2], &istext) < 0 || bool_arg(a[3], &header) < 0
        || bytes_input(a[0], &in) < 0)
        return NULL;
    const unsigned char *d = in.p;
    size_t n = in.n;
    /* The first line end decides the style of all the line ends written. */
    const unsigned char *nl = memchr(d, '\n', n);
    bool crlf = nl && nl > d && nl[-1] == '\r';
    Out o = {0};
    size_t linelen = 0;
    for (size_t i = 0; i < n;) {
        unsigned char c = d[i];
        bool at_end = i + 1 == n;
        bool quote = c > 126 || c == '=' || (header && c == '_')
                     || (c == '.' && linelen == 0
                         && (at_end || d[i + 1] == '\n' || d[i + 1] == '\r' || d[i + 1] == 0))
                     || (!istext && (c == '\r' || c == '\n'))
                     || ((c == '\t' || c == ' ') && at_end)
                     || (c < 33 && c != '\r' && c != '\n'
                         && (quotetabs || (c != '\t' && c != ' ')));
        if (out_reserve(&o, 8) < 0)
            return fail(&o, &in);
        if (quote) {
            if (linelen + 3 >= QP_LINE) {
                o.p[o.n++] = '=';
                if (crlf)
                    o.p[o.n++] = '\r';
                o.p[o.n++] = '\n';
                linelen = 0;
            }
            o.p[o.n++] = '=';
            o.p[o.n++] = (unsigned char)"0123456789ABCDEF"[c >> 4];
            o.p[o.n++] = (unsigned char)"0123456789ABCDEF"[c & 15];
            linelen += 3;
            i++;
        } else if (istext && (c == '\n' || (i + 1 < n && c == '\r' && d[i + 1] == '\n'))) {
            linelen = 0;
            /* Whitespace before a line end would be lost in transit. */
            if (o.n && (o.p[o.n - 1] == ' ' || o.p[o.n - 1] == '\t')) {
                unsigned char w = o.p[o.n - 1];
                o.p[o.n - 1] = '=';
                o.p[o.n++] = (unsigned char)"0123456789ABCDEF"[w >> 4];
                o.p[o.n++] = (unsigned char)"0123456789ABCDEF"[w & 15];
            }
            if (crlf)
                o.p[o.n++] = '\r';
            o.p[o.n++] = '\n';
            i += c == '\r' ? 2 : 1;
        } else {
            if (!at_end && d[i + 1] != '\n' && linelen + 1 >= QP_LINE) {
                o.p[o.n++] = '=';
                if (crlf)
                    o.p[o.n++] = '\r';
                o.p[o.n++] = '\n';
                linelen = 0;
            }
            linelen++;
            o.p[o.n++] = header && c == ' ' ? '_' : c;
            i++;
        }
    }
    return out_finish(&o, &in);
}

/* ---- checksums ---------------------------------------------------------------------- */

static Object *b_crc32(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    uint32_t crc = 0;
    Input in;
    if (args_no_kw("binascii.crc32", kw) < 0 || args_count("crc32", nargs, 1, 2) < 0
        || (nargs > 1 && uint_bitwise(args[1], &crc) < 0) || bytes_input(args[0], &in) < 0)
        return NULL;
    crc = ~crc;
    for (size_t i = 0; i < in.n; i++) {
        crc ^= in.p[i];
        for (int k = 0; k < 8; k++)
            crc = crc >> 1 ^ (0xEDB88320u & -(crc & 1));
    }
    free(in.p);
    return int_from_u64(~crc);
}

static Object *b_crc_hqx(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    uint32_t crc;
    Input in;
    if (args_no_kw("binascii.crc_hqx", kw) < 0 || args_count("crc_hqx", nargs, 2, 2) < 0 || uint_bitwise(args[1], &crc) < 0
        || bytes_input(args[0], &in) < 0)
        return NULL;
    crc &= 0xffff;
    for (size_t i = 0; i < in.n; i++) {
        crc ^= (uint32_t)in.p[i] << 8;
        for (int k = 0; k < 8; k++)
            crc = (crc & 0x8000 ? crc << 1 ^ 0x1021 : crc << 1) & 0xffff;
    }
    free(in.p);
    return int_from_u64(crc);
}

/* ---- the module -------------------------------------------------------------------- */

static Object *make_class(const char *name, Type *base)
{
    Object *ns = dict_new();
    if (!ns || dict_set_cstr(ns, "__module__", str_from_cstr("binascii")) < 0)
        return NULL;
    Object *args[3] = { str_from_cstr(name), tuple_pack(1, (Object *)base), ns };
    if (!args[0] || !args[1])
        return NULL;
    return obj_call((Object *)vm.t_type, args, 3, NULL);
}

Object *binascii_module_init(void)
{
    Object *m = module_new(intern_cstr("binascii"));
    if (!m)
        return NULL;
    Object *d = ((ModuleObj *)m)->dict;
    static const MethodDef functions[] = {
        { "hexlify", b_hexlify, 0 }, { "b2a_hex", b_b2a_hex, 0 },
        { "unhexlify", b_unhexlify, 0 }, { "a2b_hex", b_a2b_hex, 0 },
        { "b2a_base64", b_b2a_base64, 0 }, { "a2b_base64", b_a2b_base64, 0 },
        { "b2a_uu", b_b2a_uu, 0 }, { "a2b_uu", b_a2b_uu, 0 },
        { "b2a_qp", b_b2a_qp, 0 }, { "a2b_qp", b_a2b_qp, 0 },
        { "crc32", b_crc32, 0 }, { "crc_hqx", b_crc_hqx, 0 },
        { NULL, NULL, 0 },
    };
    for (const MethodDef *f = functions; f->name; f++)
        if (dict_set_cstr(d, f->name, builtin_new(f->name, f->fn, m, m)) < 0)
            return NULL;
    Object *error = make_class("Error", vm.e_ValueError);
    Object *incomplete = make_class("Incomplete", vm.e_Exception);
    if (!error || !incomplete || dict_set_cstr(d, "Error", error) < 0
        || dict_set_cstr(d, "Incomplete", incomplete) < 0)
        return NULL;
    return m;
}
