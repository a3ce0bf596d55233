/*
** The _codecs module, what Lib/codecs.py and the encodings package are
** built on: the registry of search functions (codecs.register, lookup,
** with CPython's normalisation of names and its cache), the registry of
** error handlers (register_error, lookup_error, and the builtin handlers
** as functions), the codecs of codecs.c as functions returning (result,
** length consumed), and the codecs that only the registry reaches:
** charmap (the cp* and iso8859-* tables), unicode-escape,
** raw-unicode-escape and the bytes escape codec.
*/
#include <string.h>

#include "vm/buffer.h"
#include "vm/codecs.h"
#include "vm/unicodedb_names.h"

/* The registries: made at start-up (codecs_setup) and only changed in
   place, so that these globals always name the same committed objects,
   as threads of the STM flavour need.  Roots. */
static struct {
    Object *search_path;        /* list of search functions */
    Object *cache;              /* dict: normalised name -> CodecInfo */
    Object *errors;             /* dict: name -> error handler */
} cs;

Object *import_name(Object *name, Object *fromlist, Object *level, Object *globals);
static int registry_init(void);

static const char UNDEFINED[] = "character maps to <undefined>";

/* ---- argument helpers ------------------------------------------------------ */

static int positional(const char *fname, size_t nargs, Object *kw, size_t min, size_t max)
{
    return args_no_kw(fname, kw) < 0 || args_count(fname, nargs, min, max) < 0 ? -1 : 0;
}

/* Argument i (0-based; -1: the only one) as a str. */
static Object *arg_str(const char *fname, Object *v, int i)
{
    Object *s = str_unwrap(v);
    char num[16] = "";
    if (i >= 0)
        snprintf(num, sizeof num, " %d", i + 1);
    if (!s)
        raise(vm.e_TypeError, "%s() argument%s must be str, not %s", fname, num,
              type_name(type_of(v)));
    return s;
}

/* The errors argument, args[i] if given: NULL for None or absent. */
static int arg_errors(const char *fname, Object *const *args, size_t nargs, size_t i,
                      Object **out)
{
    *out = NULL;
    if (i >= nargs || args[i] == None)
        return 0;
    *out = str_unwrap(args[i]);
    if (*out)
        return 0;
    raise(vm.e_TypeError, "%s() argument %zu must be str or None, not %s", fname, i + 1,
          type_name(type_of(args[i])));
    return -1;
}

static int arg_buffer(Object *v, ByteView *out)
{
    if (byte_view(v, out))
        return 0;
    raise(vm.e_TypeError, "a bytes-like object is required, not '%s'", type_name(type_of(v)));
    return -1;
}

/* A buffer or a str (as its UTF-8), for the escape codecs: *owned is the
   malloc'ed copy to free. */
static int arg_str_or_buffer(Object *v, ByteView *out, char **owned)
{
    *owned = NULL;
    Object *s = str_unwrap(v);
    if (!s)
        return arg_buffer(v, out);
    size_t n;
    *owned = str_to_utf8(s, &n);
    if (!*owned)
        return -1;
    out->data = (const unsigned char *)*owned;
    out->size = n;
    return 0;
}

static int arg_int(Object *const *args, size_t nargs, size_t i, int *out)
{
    *out = 0;
    if (i >= nargs)
        return 0;
    intptr_t v;
    if (!is_int(args[i])) {
        raise(vm.e_TypeError, "'%s' object cannot be interpreted as an integer",
              type_name(type_of(args[i])));
        return -1;
    }
    if (index_to_ssize(args[i], &v, true) < 0)
        return -1;
    *out = v < -0x7fffffff ? -0x7fffffff : v > 0x7fffffff ? 0x7fffffff : (int)v;
    return 0;
}

static int arg_bool(Object *const *args, size_t nargs, size_t i, bool dflt, bool *out)
{
    *out = dflt;
    if (i >= nargs)
        return 0;
    int t = obj_truth(args[i]);
    if (t < 0)
        return -1;
    *out = t;
    return 0;
}

static Object *pair(Object *v, size_t n)
{
    return v ? tuple_pack(2, v, make_small((intptr_t)n)) : NULL;
}

/* ---- the codecs of codecs.c -------------------------------------------------- */

/* name(str, errors=None): (bytes, len(str)). */
static Object *encode_with(const char *fname, int codec, Object *const *args, size_t nargs,
                           Object *kw, size_t max)
{
    Object *errors;
    if (positional(fname, nargs, kw, 1, max) < 0)
        return NULL;
    Object *s = arg_str(fname, args[0], 0);
    if (!s || arg_errors(fname, args, nargs, 1, &errors) < 0)
        return NULL;
    return pair(codec_encode_id(codec, s, errors), str_len(s));
}

/* name(data, errors=None[, final=False]): (str, bytes consumed). */
static Object *decode_with(const char *fname, int codec, Object *const *args, size_t nargs,
                           Object *kw, bool has_final)
{
    Object *errors;
    ByteView v;
    bool final = !has_final;
    if (positional(fname, nargs, kw, 1, has_final ? 3 : 2) < 0 || arg_buffer(args[0], &v) < 0
        || arg_errors(fname, args, nargs, 1, &errors) < 0
        || (has_final && arg_bool(args, nargs, 2, false, &final) < 0))
        return NULL;
    size_t consumed = v.size;
    Object *r = codec_decode_id(codec, v.data, v.size, errors, final, &consumed, NULL);
    return pair(r, consumed);
}

#define ENCODER(fname, codec)                                                             \
    static Object *f_##fname(Object *self, Object *const *args, size_t nargs, Object *kw) \
    {                                                                                     \
        return encode_with(#fname, codec, args, nargs, kw, 2);                            \
    }
#define DECODER(fname, codec, has_final)                                                  \
    static Object *f_##fname(Object *self, Object *const *args, size_t nargs, Object *kw) \
    {                                                                                     \
        return decode_with(#fname, codec, args, nargs, kw, has_final);                    \
    }
ENCODER(utf_8_encode, C_UTF8)
DECODER(utf_8_decode, C_UTF8, true)
ENCODER(ascii_encode, C_ASCII)
DECODER(ascii_decode, C_ASCII, false)
ENCODER(latin_1_encode, C_LATIN1)
DECODER(latin_1_decode, C_LATIN1, false)
ENCODER(utf_16_le_encode, C_UTF16LE)
ENCODER(utf_16_be_encode, C_UTF16BE)
DECODER(utf_16_decode, C_UTF16, true)
DECODER(utf_16_le_decode, C_UTF16LE, true)
DECODER(utf_16_be_decode, C_UTF16BE, true)
ENCODER(utf_32_le_encode, C_UTF32LE)
ENCODER(utf_32_be_encode, C_UTF32BE)
DECODER(utf_32_decode, C_UTF32, true)
DECODER(utf_32_le_decode, C_UTF32LE, true)
DECODER(utf_32_be_decode, C_UTF32BE, true)

/* utf_16_encode(str, errors=None, byteorder=0): a BOM and the native
   order for 0, no BOM otherwise. */
static Object *wide_encode(const char *fname, int codec, Object *const *args, size_t nargs,
                           Object *kw)
{
    int bo;
    if (positional(fname, nargs, kw, 1, 3) < 0 || arg_int(args, nargs, 2, &bo) < 0)
        return NULL;
    return encode_with(fname, bo == 0 ? codec : bo < 0 ? codec + 1 : codec + 2, args,
                       nargs < 2 ? nargs : 2, kw, 3);
}

static Object *f_utf_16_encode(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return wide_encode("utf_16_encode", C_UTF16, args, nargs, kw);
}

static Object *f_utf_32_encode(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return wide_encode("utf_32_encode", C_UTF32, args, nargs, kw);
}

/* utf_16_ex_decode(data, errors=None, byteorder=0, final=False):
   (str, consumed, byteorder). */
static Object *wide_ex_decode(const char *fname, int codec, Object *const *args, size_t nargs,
                              Object *kw)
{
    Object *errors;
    ByteView v;
    int bo;
    bool final;
    if (positional(fname, nargs, kw, 1, 4) < 0 || arg_buffer(args[0], &v) < 0
        || arg_errors(fname, args, nargs, 1, &errors) < 0 || arg_int(args, nargs, 2, &bo) < 0
        || arg_bool(args, nargs, 3, false, &final) < 0)
        return NULL;
    size_t consumed = v.size;
    Object *r = codec_decode_id(codec, v.data, v.size, errors, final, &consumed, &bo);
    return r ? tuple_pack(3, r, make_small((intptr_t)consumed), make_small(bo)) : NULL;
}

static Object *f_utf_16_ex_decode(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return wide_ex_decode("utf_16_ex_decode", C_UTF16, args, nargs, kw);
}

static Object *f_utf_32_ex_decode(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return wide_ex_decode("utf_32_ex_decode", C_UTF32, args, nargs, kw);
}

/* ---- UTF-7 (RFC 2152), as CPython's codec ------------------------------------------ */

static const char b64chars[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static bool is_b64(uint32_t c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+'
           || c == '/';
}

static unsigned from_b64(unsigned c)
{
    return c >= 'A' && c <= 'Z' ? c - 'A' : c >= 'a' && c <= 'z' ? c - 'a' + 26
         : c >= '0' && c <= '9' ? c - '0' + 52 : c == '+' ? 62 : 63;
}

/* Characters written as themselves: letters, digits, '(),-./:? (set D),
   !"#$%&*;<=>@[]^_`{|} (set O) and the white space tab, LF, CR, space. */
static bool utf7_direct(uint32_t c)
{
    if (c == 0 || c >= 128)
        return false;
    if (c == '\t' || c == '\n' || c == '\r' || c == ' ')
        return true;
    if (c < 32 || c == 127 || c == '+' || c == '\\' || c == '~')
        return false;
    return true;
}

static Object *f_utf_7_encode(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    Object *errors;
    if (positional("utf_7_encode", nargs, kw, 1, 2) < 0)
        return NULL;
    Object *s = arg_str("utf_7_encode", args[0], 0);
    if (!s || arg_errors("utf_7_encode", args, nargs, 1, &errors) < 0)
        return NULL;
    size_t n = str_len(s);
    struct TextBuf t = TEXTBUF_INIT;
    int rc = textbuf_reserve(&t, n + 1);
    bool shift = false;
    unsigned bits = 0;
    uint64_t buf = 0;
    for (size_t i = 0; i < n && rc == 0; i++) {
        uint32_t c = str_char(s, i);
        if (utf7_direct(c)) {
            if (shift) {
                if (bits)
                    rc |= textbuf_append_byte(&t, b64chars[(buf << (6 - bits)) & 0x3f]);
                buf = bits = 0;
                shift = false;
                if (is_b64(c) || c == '-')
                    rc |= textbuf_append_byte(&t, '-');
            }
            rc |= textbuf_append_byte(&t, (char)c);
            continue;
        }
        if (!shift && c == '+') {
            rc |= textbuf_append(&t, "+-", 2);
            continue;
        }
        if (!shift) {
            rc |= textbuf_append_byte(&t, '+');
            shift = true;
        }
        uint32_t units[2] = { c, 0 };
        int k = 1;
        if (c >= 0x10000) {
            units[0] = 0xd800 | ((c - 0x10000) >> 10);
            units[1] = 0xdc00 | ((c - 0x10000) & 0x3ff);
            k = 2;
        }
        for (int j = 0; j < k; j++) {
            bits += 16;
            buf = (buf << 16) | units[j];
            while (bits >= 6) {
                rc |= textbuf_append_byte(&t, b64chars[(buf >> (bits - 6)) & 0x3f]);
                bits -= 6;
            }
            buf &= ((uint64_t)1 << bits) - 1;
        }
    }
    if (bits)
        rc |= textbuf_append_byte(&t, b64chars[(buf << (6 - bits)) & 0x3f]);
    if (shift)
        rc |= textbuf_append_byte(&t, '-');
    Object *r = rc == 0 ? bytes_new(t.data ? t.data : "", t.len) : raise_no_memory();
    textbuf_free(&t);
    return pair(r, n);
}

static Object *f_utf_7_decode(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    Object *errors;
    ByteView v;
    bool final;
    if (positional("utf_7_decode", nargs, kw, 1, 3) < 0 || arg_buffer(args[0], &v) < 0
        || arg_errors("utf_7_decode", args, nargs, 1, &errors) < 0
        || arg_bool(args, nargs, 2, false, &final) < 0)
        return NULL;
    const unsigned char *d = v.data;
    size_t n = v.size, i = 0, start = 0, shift_out = 0;
    bool shift = false;
    unsigned bits = 0;
    uint32_t buf = 0, surrogate = 0;
    StrBuf b;
    if (sb_init(&b, n) < 0)
        return NULL;
    for (;;) {
        while (i < n) {
            unsigned c = d[i];
            const char *msg;
            if (shift) {
                if (is_b64(c)) {
                    buf = (buf << 6) | from_b64(c);
                    bits += 6;
                    i++;
                    if (bits < 16)
                        continue;
                    uint32_t u = (buf >> (bits - 16)) & 0xffff;
                    bits -= 16;
                    buf &= (1u << bits) - 1;
                    if (surrogate) {
                        if (u >= 0xdc00 && u < 0xe000) {
                            uint32_t c2 = 0x10000 + ((surrogate - 0xd800) << 10) + (u - 0xdc00);
                            if (sb_putc(&b, c2) < 0)
                                goto fail;
                            surrogate = 0;
                            continue;
                        }
                        if (sb_putc(&b, surrogate) < 0)
                            goto fail;
                        surrogate = 0;
                    }
                    if (u >= 0xd800 && u < 0xdc00)
                        surrogate = u;
                    else if (sb_putc(&b, u) < 0)
                        goto fail;
                    continue;
                }
                shift = false;
                if (bits > 6) {
                    i++;
                    msg = "partial character in shift sequence";
                    goto error;
                }
                if (buf != 0) {
                    i++;
                    msg = "non-zero padding bits in shift sequence";
                    goto error;
                }
                if (surrogate && c < 128 && c != '+' && sb_putc(&b, surrogate) < 0)
                    goto fail;
                surrogate = 0;
                if (c == '-')
                    i++;
                continue;
            }
            if (c == '+') {
                start = i++;
                if (i < n && d[i] == '-') {
                    i++;
                    if (sb_putc(&b, '+') < 0)
                        goto fail;
                } else if (i < n && !is_b64(d[i])) {
                    i++;
                    msg = "ill-formed sequence";
                    goto error;
                } else {
                    shift = true;
                    surrogate = 0;
                    shift_out = b.len;
                    bits = 0;
                    buf = 0;
                }
                continue;
            }
            if (c < 128) {
                i++;
                if (sb_putc(&b, c) < 0)
                    goto fail;
                continue;
            }
            start = i++;
            msg = "unexpected special character";
        error: {
                size_t next;
                if (codec_decode_handle(&b, errors, "utf7", d, n, start, i, msg, &next) < 0)
                    goto fail;
                i = next;
            }
        }
        if (shift && final) {
            shift = false;
            if (surrogate || bits >= 6 || (bits > 0 && buf != 0)) {
                size_t next;
                if (codec_decode_handle(&b, errors, "utf7", d, n, start, n,
                                        "unterminated shift sequence", &next) < 0)
                    goto fail;
                i = next;
                if (i < n)
                    continue;
            }
        }
        break;
    }
    size_t consumed = i;
    if (!final && shift) {
        consumed = start;
        Object *all = sb_finish(&b);
        Object *r = all ? str_substr(all, 0, shift_out) : NULL;
        return pair(r, consumed);
    }
    return pair(sb_finish(&b), consumed);
fail:
    sb_free(&b);
    return NULL;
}

/* ---- unicode-escape and raw-unicode-escape --------------------------------------- */

static const char hexdigits[] = "0123456789abcdef";

static int put_hex(struct TextBuf *t, char kind, uint32_t c, int digits)
{
    char buf[10];
    buf[0] = '\\';
    buf[1] = kind;
    for (int k = 0; k < digits; k++)
        buf[2 + k] = hexdigits[(c >> (4 * (digits - 1 - k))) & 15];
    return textbuf_append(t, buf, (size_t)digits + 2);
}

static Object *escape_encode_str(Object *s, bool raw)
{
    struct TextBuf t = TEXTBUF_INIT;
    size_t n = str_len(s);
    int rc = textbuf_reserve(&t, n + 1);
    for (size_t i = 0; i < n && rc == 0; i++) {
        uint32_t c = str_char(s, i);
        if (c >= 0x10000)
            rc = put_hex(&t, 'U', c, 8);
        else if (c >= 0x100)
            rc = put_hex(&t, 'u', c, 4);
        else if (raw)
            rc = textbuf_append_byte(&t, (char)c);
        else if (c == '\\')
            rc = textbuf_append(&t, "\\\\", 2);
        else if (c == '\t')
            rc = textbuf_append(&t, "\\t", 2);
        else if (c == '\n')
            rc = textbuf_append(&t, "\\n", 2);
        else if (c == '\r')
            rc = textbuf_append(&t, "\\r", 2);
        else if (c >= ' ' && c < 127)
            rc = textbuf_append_byte(&t, (char)c);
        else
            rc = put_hex(&t, 'x', c, 2);
    }
    Object *r = rc == 0 ? bytes_new(t.data ? t.data : "", t.len) : raise_no_memory();
    textbuf_free(&t);
    return r;
}

static Object *f_unicode_escape_encode(Object *self, Object *const *args, size_t nargs,
                                       Object *kw)
{
    Object *errors;
    if (positional("unicode_escape_encode", nargs, kw, 1, 2) < 0)
        return NULL;
    Object *s = arg_str("unicode_escape_encode", args[0], 0);
    if (!s || arg_errors("unicode_escape_encode", args, nargs, 1, &errors) < 0)
        return NULL;
    return pair(escape_encode_str(s, false), str_len(s));
}

static Object *f_raw_unicode_escape_encode(Object *self, Object *const *args, size_t nargs,
                                           Object *kw)
{
    Object *errors;
    if (positional("raw_unicode_escape_encode", nargs, kw, 1, 2) < 0)
        return NULL;
    Object *s = arg_str("raw_unicode_escape_encode", args[0], 0);
    if (!s || arg_errors("raw_unicode_escape_encode", args, nargs, 1, &errors) < 0)
        return NULL;
    return pair(escape_encode_str(s, true), str_len(s));
}

static int hexval(unsigned c)
{
    return c >= '0' && c <= '9' ? (int)c - '0'
         : c >= 'a' && c <= 'f' ? (int)c - 'a' + 10
         : c >= 'A' && c <= 'F' ? (int)c - 'A' + 10 : -1;
}

/* The first escape that the escape decoders let through as it is (an
   unknown one, or an octal one above 0o377): CPython warns about it. */
struct BadEscape {
    int len;                    /* 0: none */
    unsigned char text[3];
};

static void note_bad_escape(struct BadEscape *bad, const unsigned char *p, int len)
{
    if (bad->len)
        return;
    bad->len = len;
    memcpy(bad->text, p, (size_t)len);
}

/* DeprecationWarning: invalid escape sequence '\q' (or octal ...). */
static int warn_bad_escape(const struct BadEscape *bad)
{
    if (!bad->len)
        return 0;
    bool octal = bad->text[0] >= '4' && bad->text[0] <= '7';
    StrBuf b;
    if (sb_init(&b, 48) < 0 || sb_append_cstr(&b, octal ? "invalid octal escape sequence '\\"
                                                        : "invalid escape sequence '\\") < 0)
        return -1;
    int rc = 0;
    for (int k = 0; k < (octal ? bad->len : 1); k++)
        rc |= sb_putc(&b, bad->text[k]);
    if (rc < 0 || sb_putc(&b, '\'') < 0) {
        sb_free(&b);
        return -1;
    }
    Object *msg = sb_finish(&b);
    Object *w = msg ? import_name(intern_cstr("warnings"), None, make_small(0), vm.builtins) : NULL;
    Object *warn = w ? obj_getattr_cstr(w, "warn") : NULL;
    Object *wa[3] = { msg, (Object *)vm.e_DeprecationWarning, make_small(1) };
    return warn && obj_call(warn, wa, 3, NULL) ? 0 : -1;
}

/* The unicode-escape decoder (raw: only \u and \U are escapes), as
   CPython's: errors cover the backslash to where the escape went wrong;
   with !final, an escape cut by the end of the data is left for later. */
static Object *escape_decode_str(const unsigned char *d, size_t n, Object *errors, bool final,
                                 bool raw, size_t *consumed, struct BadEscape *bad)
{
    const char *codec = raw ? "rawunicodeescape" : "unicodeescape";
    StrBuf b;
    if (sb_init(&b, n) < 0)
        return NULL;
    size_t i = 0;
    *consumed = n;
    while (i < n) {
        unsigned c = d[i];
        if (c != '\\') {
            size_t j = i;
            while (j < n && d[j] != '\\')
                j++;
            if (sb_append_latin1(&b, (const char *)d + i, j - i) < 0)
                goto fail;
            i = j;
            continue;
        }
        size_t start = i++;
        const char *msg = "\\ at end of string";
        uint32_t ch = 0;
        int count = 0;
        if (i >= n) {
            if (raw && final) {
                if (sb_putc(&b, '\\') < 0)
                    goto fail;
                continue;
            }
            goto incomplete;
        }
        c = d[i++];
        if (raw && c != 'u' && c != 'U') {
            if (sb_putc(&b, '\\') < 0 || sb_putc(&b, c) < 0)
                goto fail;
            continue;
        }
        switch (c) {
        case '\n':
            continue;
        case '\\': case '\'': case '"':
            ch = c;
            goto put;
        case 'b': ch = '\b'; goto put;
        case 'f': ch = '\f'; goto put;
        case 't': ch = '\t'; goto put;
        case 'n': ch = '\n'; goto put;
        case 'r': ch = '\r'; goto put;
        case 'v': ch = '\v'; goto put;
        case 'a': ch = '\a'; goto put;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7':
            ch = c - '0';
            for (int k = 0; k < 2 && i < n && d[i] >= '0' && d[i] <= '7'; k++)
                ch = ch * 8 + (d[i++] - '0');
            if (ch > 0377)
                note_bad_escape(bad, d + i - 3, 3);
            goto put;
        case 'x':
            count = 2;
            msg = "truncated \\xXX escape";
            break;
        case 'u':
            count = 4;
            msg = "truncated \\uXXXX escape";
            break;
        case 'U':
            count = 8;
            msg = "truncated \\UXXXXXXXX escape";
            break;
        case 'N': {
            msg = "malformed \\N character escape";
            if (i >= n)
                goto incomplete;
            if (d[i] != '{')
                goto error;
            size_t name = ++i;
            while (i < n && d[i] != '}')
                i++;
            if (i >= n)
                goto incomplete;
            if (i == name)
                goto error;
            i++;
            unsigned cp;
            if (unicode_lookup_name((const char *)d + name, i - 1 - name, &cp)) {
                ch = cp;
                goto put;
            }
            msg = "unknown Unicode character name";
            goto error;
        }
        default:
            note_bad_escape(bad, d + i - 1, 1);
            if (sb_putc(&b, '\\') < 0 || sb_putc(&b, c) < 0)
                goto fail;
            continue;
        }
        for (; count; i++, count--) {
            if (i >= n)
                goto incomplete;
            int v = hexval(d[i]);
            if (v < 0)
                goto error;
            ch = ch * 16 + (uint32_t)v;
        }
        if (ch > 0x10ffff) {
            msg = raw ? "\\Uxxxxxxxx out of range" : "illegal Unicode character";
            goto error;
        }
    put:
        if (sb_putc(&b, ch) < 0)
            goto fail;
        continue;
    incomplete:
        if (!final) {
            *consumed = start;
            break;
        }
    error: {
            size_t next;
            if (codec_decode_handle(&b, errors, codec, d, n, start, i, msg, &next) < 0)
                goto fail;
            i = next;
        }
    }
    return sb_finish(&b);
fail:
    sb_free(&b);
    return NULL;
}

static Object *escape_decode_fn(const char *fname, bool raw, Object *const *args, size_t nargs,
                                Object *kw)
{
    Object *errors;
    ByteView v;
    char *owned;
    bool final;
    if (positional(fname, nargs, kw, 1, 3) < 0 || arg_errors(fname, args, nargs, 1, &errors) < 0
        || arg_bool(args, nargs, 2, true, &final) < 0
        || arg_str_or_buffer(args[0], &v, &owned) < 0)
        return NULL;
    size_t consumed;
    struct BadEscape bad = { 0, { 0 } };
    Object *r = escape_decode_str(v.data, v.size, errors, final, raw, &consumed, &bad);
    free(owned);
    if (r && warn_bad_escape(&bad) < 0)
        return NULL;
    return pair(r, consumed);
}

static Object *f_unicode_escape_decode(Object *self, Object *const *args, size_t nargs,
                                       Object *kw)
{
    return escape_decode_fn("unicode_escape_decode", false, args, nargs, kw);
}

static Object *f_raw_unicode_escape_decode(Object *self, Object *const *args, size_t nargs,
                                           Object *kw)
{
    return escape_decode_fn("raw_unicode_escape_decode", true, args, nargs, kw);
}

/* ---- escape_encode/escape_decode: bytes to bytes --------------------------------- */

static Object *f_escape_encode(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    Object *errors;
    if (positional("escape_encode", nargs, kw, 1, 2) < 0
        || arg_errors("escape_encode", args, nargs, 1, &errors) < 0)
        return NULL;
    if (!is_bytes(args[0]))
        return raise(vm.e_TypeError, "escape_encode() argument 1 must be bytes, not %s",
                     type_name(type_of(args[0])));
    const unsigned char *d = bytes_data(args[0]);
    size_t n = bytes_size(args[0]);
    struct TextBuf t = TEXTBUF_INIT;
    int rc = textbuf_reserve(&t, n + 1);
    for (size_t i = 0; i < n && rc == 0; i++) {
        unsigned c = d[i];
        char esc[5] = { '\\', (char)c, 0, 0, 0 };
        size_t m = 2;
        if (c == '\t' || c == '\n' || c == '\r')
            esc[1] = c == '\t' ? 't' : c == '\n' ? 'n' : 'r';
        else if (c < ' ' || c >= 0x7f) {
            esc[1] = 'x';
            esc[2] = hexdigits[c >> 4];
            esc[3] = hexdigits[c & 15];
            m = 4;
        } else if (c != '\'' && c != '\\') {
            esc[0] = (char)c;
            m = 1;
        }
        rc = textbuf_append(&t, esc, m);
    }
    Object *r = rc == 0 ? bytes_new(t.data ? t.data : "", t.len) : raise_no_memory();
    textbuf_free(&t);
    return pair(r, n);
}

static Object *f_escape_decode(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    Object *errors;
    ByteView v;
    char *owned;
    if (positional("escape_decode", nargs, kw, 1, 2) < 0
        || arg_errors("escape_decode", args, nargs, 1, &errors) < 0
        || arg_str_or_buffer(args[0], &v, &owned) < 0)
        return NULL;
    const unsigned char *d = v.data;
    size_t n = v.size;
    Object *out = bytes_new(NULL, n);
    if (!out) {
        free(owned);
        return NULL;
    }
    unsigned char *p = bytes_wdata(out);
    size_t k = 0, i = 0;
    struct BadEscape bad = { 0, { 0 } };
    while (i < n) {
        if (d[i] != '\\') {
            p[k++] = d[i++];
            continue;
        }
        if (++i == n) {
            free(owned);
            return raise(vm.e_ValueError, "Trailing \\ in string");
        }
        unsigned c = d[i++];
        switch (c) {
        case '\n': break;
        case '\\': case '\'': case '"': p[k++] = (unsigned char)c; break;
        case 'b': p[k++] = '\b'; break;
        case 'f': p[k++] = '\f'; break;
        case 't': p[k++] = '\t'; break;
        case 'n': p[k++] = '\n'; break;
        case 'r': p[k++] = '\r'; break;
        case 'v': p[k++] = '\v'; break;
        case 'a': p[k++] = '\a'; break;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
            unsigned x = c - '0';
            for (int m = 0; m < 2 && i < n && d[i] >= '0' && d[i] <= '7'; m++)
                x = x * 8 + (d[i++] - '0');
            if (x > 0377)
                note_bad_escape(&bad, d + i - 3, 3);
            p[k++] = (unsigned char)x;
            break;
        }
        case 'x':
            if (i + 1 < n && hexval(d[i]) >= 0 && hexval(d[i + 1]) >= 0) {
                p[k++] = (unsigned char)(hexval(d[i]) * 16 + hexval(d[i + 1]));
                i += 2;
                break;
            }
            if (!errors || str_eq_cstr(errors, "strict")) {
                free(owned);
                return raise(vm.e_ValueError, "invalid \\x escape at position %zu", i - 2);
            }
            if (str_eq_cstr(errors, "replace")) {
                p[k++] = '?';
            } else if (!str_eq_cstr(errors, "ignore")) {
                char eb[100];
                free(owned);
                return raise(vm.e_ValueError, "decoding error; unknown error handling code: %s",
                             str_cstr(errors, eb, sizeof eb));
            }
            if (i < n && hexval(d[i]) >= 0)
                i++;
            break;
        default:
            note_bad_escape(&bad, d + i - 1, 1);
            p[k++] = '\\';
            i--;
        }
    }
    free(owned);
    ((Bytes *)out)->size = k;
    if (warn_bad_escape(&bad) < 0)
        return NULL;
    return pair(out, n);
}

/* readbuffer_encode(data, errors=None): the bytes of a buffer or a str. */
static Object *f_readbuffer_encode(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    Object *errors;
    ByteView v;
    char *owned;
    if (positional("readbuffer_encode", nargs, kw, 1, 2) < 0
        || arg_errors("readbuffer_encode", args, nargs, 1, &errors) < 0
        || arg_str_or_buffer(args[0], &v, &owned) < 0)
        return NULL;
    Object *r = bytes_new((const char *)v.data, v.size);
    free(owned);
    return pair(r, v.size);
}

/* ---- charmap ------------------------------------------------------------------------ */

static Object *f_charmap_decode(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    Object *errors;
    ByteView v;
    if (positional("charmap_decode", nargs, kw, 1, 3) < 0 || arg_buffer(args[0], &v) < 0
        || arg_errors("charmap_decode", args, nargs, 1, &errors) < 0)
        return NULL;
    Object *mapping = nargs > 2 ? args[2] : None;
    if (mapping == None)
        return pair(codec_decode_id(C_LATIN1, v.data, v.size, errors, true, NULL, NULL), v.size);
    Object *table = str_unwrap(mapping);
    const unsigned char *d = v.data;
    size_t n = v.size, tn = table ? str_len(table) : 0;
    StrBuf b;
    if (sb_init(&b, n) < 0)
        return NULL;
    for (size_t i = 0; i < n;) {
        unsigned byte = d[i];
        if (table) {
            uint32_t c = byte < tn ? str_char(table, byte) : 0xfffe;
            if (c != 0xfffe) {
                if (sb_putc(&b, c) < 0)
                    goto fail;
                i++;
                continue;
            }
        } else {
            Object *x = obj_getitem(mapping, make_small(byte));
            if (!x) {
                if (!exc_matches(vm.e_LookupError))
                    goto fail;
                exc_clear();
            } else if (x == None) {
            } else if (is_int(x)) {
                int64_t c;
                if (int_to_i64(x, &c) < 0 || c < 0 || c > 0x10ffff) {
                    exc_clear();
                    raise(vm.e_TypeError, "character mapping must be in range(0x110000)");
                    goto fail;
                }
                if (c != 0xfffe) {
                    if (sb_putc(&b, (uint32_t)c) < 0)
                        goto fail;
                    i++;
                    continue;
                }
            } else if (str_unwrap(x)) {
                x = str_unwrap(x);
                if (str_len(x) != 1 || str_char(x, 0) != 0xfffe) {
                    if (sb_append_str(&b, x) < 0)
                        goto fail;
                    i++;
                    continue;
                }
            } else {
                raise(vm.e_TypeError, "character mapping must return integer, None or str");
                goto fail;
            }
        }
        size_t next;
        if (codec_decode_handle(&b, errors, "charmap", d, n, i, i + 1, UNDEFINED, &next) < 0)
            goto fail;
        i = next;
    }
    return pair(sb_finish(&b), n);
fail:
    sb_free(&b);
    return NULL;
}

/* What the mapping gives for a character: an int or bytes, or None when
   it maps to nothing. */
static Object *charmap_lookup(Object *mapping, uint32_t c)
{
    Object *x;
    if (!is_small(mapping) && mapping->type == vm.t_dict) {
        int r = dict_lookup(mapping, make_small(c), &x);
        return r < 0 ? NULL : r == 0 ? None : x;
    }
    x = obj_getitem(mapping, make_small(c));
    if (!x && exc_matches(vm.e_LookupError)) {
        exc_clear();
        return None;
    }
    return x;
}

/* Appends what c maps to: 1, 0 if it maps to nothing, -1 on error. */
static int charmap_put(struct TextBuf *t, Object *mapping, uint32_t c)
{
    Object *x = charmap_lookup(mapping, c);
    if (!x)
        return -1;
    if (x == None)
        return 0;
    if (is_bytes(x))
        return textbuf_append(t, (const char *)bytes_data(x), bytes_size(x)) < 0 ? -1 : 1;
    if (is_int(x)) {
        int64_t v;
        if (int_to_i64(x, &v) < 0 || v < 0 || v > 255) {
            exc_clear();
            raise(vm.e_TypeError, "character mapping must be in range(256)");
            return -1;
        }
        return textbuf_append_byte(t, (char)v) < 0 ? -1 : 1;
    }
    raise(vm.e_TypeError, "character mapping must return integer, bytes or None, not %s",
          type_name(type_of(x)));
    return -1;
}

static Object *f_charmap_encode(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    Object *errors;
    if (positional("charmap_encode", nargs, kw, 1, 3) < 0)
        return NULL;
    Object *s = arg_str("charmap_encode", args[0], 0);
    if (!s || arg_errors("charmap_encode", args, nargs, 1, &errors) < 0)
        return NULL;
    Object *mapping = nargs > 2 ? args[2] : None;
    size_t n = str_len(s);
    if (mapping == None)
        return pair(codec_encode_id(C_LATIN1, s, errors), n);
    struct TextBuf t = TEXTBUF_INIT;
    if (textbuf_reserve(&t, n + 1) < 0)
        return raise_no_memory();
    for (size_t i = 0; i < n;) {
        int r = charmap_put(&t, mapping, str_char(s, i));
        if (r < 0)
            goto fail;
        if (r > 0) {
            i++;
            continue;
        }
        /* A run of characters that map to nothing goes to the handler. */
        size_t end = i + 1;
        for (; end < n; end++) {
            Object *x = charmap_lookup(mapping, str_char(s, end));
            if (!x)
                goto fail;
            if (x != None)
                break;
        }
        size_t next;
        Object *rep = codec_encode_replacement(errors, "charmap", s, i, end, UNDEFINED, &next);
        if (!rep)
            goto fail;
        if (is_bytes(rep)) {
            if (textbuf_append(&t, (const char *)bytes_data(rep), bytes_size(rep)) < 0) {
                raise_no_memory();
                goto fail;
            }
        } else {
            for (size_t k = 0; k < str_len(rep); k++) {
                r = charmap_put(&t, mapping, str_char(rep, k));
                if (r < 0)
                    goto fail;
                if (r == 0) {
                    codec_encode_error("charmap", s, i, end, UNDEFINED);
                    goto fail;
                }
            }
        }
        i = next;
    }
    Object *r = bytes_new(t.data ? t.data : "", t.len);
    textbuf_free(&t);
    return pair(r, n);
fail:
    textbuf_free(&t);
    return NULL;
}

/* charmap_build(decoding_table): the encoding map, a dict ord -> byte. */
static Object *f_charmap_build(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (positional("charmap_build", nargs, kw, 1, 1) < 0)
        return NULL;
    Object *table = arg_str("charmap_build", args[0], -1);
    Object *d = table ? dict_new() : NULL;
    if (!d)
        return NULL;
    for (size_t i = 0; i < str_len(table); i++) {
        uint32_t c = str_char(table, i);
        if (c != 0xfffe && dict_set(d, make_small(c), make_small((intptr_t)i)) < 0)
            return NULL;
    }
    return d;
}

/* ---- character names, for namereplace ------------------------------------------------ */

const char *codec_char_name(uint32_t c, char *buf)
{
    return unicode_name_of(c, buf, 128) ? buf : NULL;
}

/* ---- the error handlers as functions ------------------------------------------------- */

/* The range and object of a UnicodeError; false with an exception. */
static bool exc_fields(Object *exc, Object **obj, size_t *start, size_t *end)
{
    Object *o = obj_getattr_cstr(exc, "object");
    Object *s = o ? obj_getattr_cstr(exc, "start") : NULL;
    Object *e = s ? obj_getattr_cstr(exc, "end") : NULL;
    intptr_t a, b;
    if (!e || index_to_ssize(s, &a, true) < 0 || index_to_ssize(e, &b, true) < 0)
        return false;
    size_t len;
    if (is_bytes(o)) {
        len = bytes_size(o);
    } else if (str_unwrap(o)) {
        o = str_unwrap(o);
        len = str_len(o);
    } else {
        raise(vm.e_TypeError, "object attribute must be %s",
              is_instance_of(exc, vm.e_UnicodeDecodeError) ? "bytes" : "unicode");
        return false;
    }
    if (a < 0)
        a = 0;
    if ((size_t)a > len)
        a = (intptr_t)len;
    if (b < a)
        b = a;
    if ((size_t)b > len)
        b = (intptr_t)len;
    *obj = o;
    *start = (size_t)a;
    *end = (size_t)b;
    return true;
}

static const char *exc_cstr(Object *exc, const char *attr, char *buf, size_t size)
{
    Object *v = obj_getattr_cstr(exc, attr);
    if (!v || !str_unwrap(v)) {
        exc_clear();
        buf[0] = 0;
        return buf;
    }
    return str_cstr(str_unwrap(v), buf, size);
}

static Object *wrong_exception(Object *exc)
{
    if (!is_instance_of(exc, vm.e_BaseException))
        return raise(vm.e_TypeError, "codec must pass exception instance");
    return raise(vm.e_TypeError, "don't know how to handle %s in error callback",
                 type_name(type_of(exc)));
}

/* A builtin handler called from Python: the codecs of codecs.c do the
   work, the name selecting the handler. */
static Object *handler_call(const char *name, Object *const *args, size_t nargs, Object *kw,
                            bool translate_ok)
{
    if (positional(name, nargs, kw, 1, 1) < 0)
        return NULL;
    Object *exc = args[0], *obj;
    size_t start, end, next;
    bool enc = is_instance_of(exc, vm.e_UnicodeEncodeError);
    bool dec = is_instance_of(exc, vm.e_UnicodeDecodeError);
    bool tr = translate_ok && is_instance_of(exc, vm.e_UnicodeTranslateError);
    if (!enc && !dec && !tr)
        return wrong_exception(exc);
    if (!exc_fields(exc, &obj, &start, &end))
        return NULL;
    char codec[100], reason[300];
    exc_cstr(exc, "encoding", codec, sizeof codec);
    exc_cstr(exc, "reason", reason, sizeof reason);
    Object *hname = intern_cstr(name);
    if (dec) {
        if (!is_bytes(obj))
            return raise(vm.e_TypeError, "object attribute must be bytes");
        StrBuf b;
        if (sb_init(&b, 8) < 0)
            return NULL;
        if (codec_decode_handle(&b, hname, codec, bytes_data(obj), bytes_size(obj), start, end,
                                reason, &next) < 0) {
            sb_free(&b);
            return NULL;
        }
        return pair(sb_finish(&b), next);
    }
    if (!is_str(obj))
        return raise(vm.e_TypeError, "object attribute must be unicode");
    if (tr && str_eq_cstr(hname, "replace")) {
        StrBuf b;
        if (sb_init(&b, end - start) < 0 || sb_putc_n(&b, 0xfffd, end - start) < 0)
            return NULL;
        return pair(sb_finish(&b), end);
    }
    Object *rep = codec_encode_replacement(hname, codec, obj, start, end, reason, &next);
    return pair(rep, next);
}

static Object *f_strict_errors(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (positional("strict_errors", nargs, kw, 1, 1) < 0)
        return NULL;
    if (!is_instance_of(args[0], vm.e_BaseException))
        return raise(vm.e_TypeError, "codec must pass exception instance");
    return raise_object(args[0]);
}

static Object *f_ignore_errors(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return handler_call("ignore", args, nargs, kw, true);
}

static Object *f_replace_errors(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return handler_call("replace", args, nargs, kw, true);
}

static Object *f_backslashreplace_errors(Object *self, Object *const *args, size_t nargs,
                                         Object *kw)
{
    return handler_call("backslashreplace", args, nargs, kw, true);
}

static Object *only_encode(const char *name, Object *const *args, size_t nargs, Object *kw)
{
    if (nargs == 1 && !is_instance_of(args[0], vm.e_UnicodeEncodeError))
        return wrong_exception(args[0]);
    return handler_call(name, args, nargs, kw, false);
}

static Object *f_xmlcharrefreplace_errors(Object *self, Object *const *args, size_t nargs,
                                          Object *kw)
{
    return only_encode("xmlcharrefreplace", args, nargs, kw);
}

static Object *f_namereplace_errors(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return only_encode("namereplace", args, nargs, kw);
}

static Object *f_surrogateescape(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (nargs == 1 && !is_instance_of(args[0], vm.e_UnicodeEncodeError)
        && !is_instance_of(args[0], vm.e_UnicodeDecodeError))
        return wrong_exception(args[0]);
    Object *r = handler_call("surrogateescape", args, nargs, kw, false);
    /* CPython re-raises the exception it was given. */
    if (!r && nargs == 1 && (exc_matches(vm.e_UnicodeEncodeError)
                             || exc_matches(vm.e_UnicodeDecodeError))) {
        exc_clear();
        return raise_object(args[0]);
    }
    return r;
}

/* surrogatepass: the surrogates in UTF-8, -16 or -32 (the encoding the
   exception names), in both directions. */
static Object *f_surrogatepass(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (positional("surrogatepass", nargs, kw, 1, 1) < 0)
        return NULL;
    Object *exc = args[0], *obj;
    bool enc = is_instance_of(exc, vm.e_UnicodeEncodeError);
    if (!enc && !is_instance_of(exc, vm.e_UnicodeDecodeError))
        return wrong_exception(exc);
    size_t start, end;
    if (!exc_fields(exc, &obj, &start, &end))
        return NULL;
    Object *ename = obj_getattr_cstr(exc, "encoding");
    if (!ename || !str_unwrap(ename))
        return NULL;
    int id = codec_builtin_id(str_unwrap(ename));
    if (id < 0 || id == C_ASCII || id == C_LATIN1)
        return raise_object(exc);
    int width = id == C_UTF8 ? 3 : id >= C_UTF32 ? 4 : 2;
    bool big = id == C_UTF16BE || id == C_UTF32BE;
    if (enc) {
        if (!is_str(obj))
            return raise_object(exc);
        Object *r = bytes_new(NULL, (end - start) * (size_t)width);
        if (!r)
            return NULL;
        unsigned char *p = bytes_wdata(r);
        for (size_t k = start; k < end; k++, p += width) {
            uint32_t c = str_char(obj, k);
            if (c < 0xd800 || c > 0xdfff)
                return raise_object(exc);
            if (width == 3) {
                p[0] = (unsigned char)(0xe0 | (c >> 12));
                p[1] = (unsigned char)(0x80 | ((c >> 6) & 0x3f));
                p[2] = (unsigned char)(0x80 | (c & 0x3f));
            } else {
                for (int j = 0; j < width; j++)
                    p[big ? width - 1 - j : j] = (unsigned char)(c >> (8 * j));
            }
        }
        return pair(r, end);
    }
    if (!is_bytes(obj))
        return raise_object(exc);
    const unsigned char *d = bytes_data(obj);
    size_t n = bytes_size(obj);
    uint32_t c = 0;
    if (start + (size_t)width > n)
        return raise_object(exc);
    if (width == 3) {
        if ((d[start] & 0xf0) != 0xe0 || (d[start + 1] & 0xc0) != 0x80
            || (d[start + 2] & 0xc0) != 0x80)
            return raise_object(exc);
        c = ((uint32_t)(d[start] & 0x0f) << 12) | ((uint32_t)(d[start + 1] & 0x3f) << 6)
            | (d[start + 2] & 0x3f);
    } else {
        for (int j = 0; j < width; j++)
            c |= (uint32_t)d[start + (size_t)(big ? width - 1 - j : j)] << (8 * j);
    }
    if (c < 0xd800 || c > 0xdfff)
        return raise_object(exc);
    return pair(str_from_char(c), start + (size_t)width);
}

/* ---- the registries ------------------------------------------------------------------- */

static const MethodDef handler_defs[] = {
    { "strict", f_strict_errors, 0 },
    { "ignore", f_ignore_errors, 0 },
    { "replace", f_replace_errors, 0 },
    { "xmlcharrefreplace", f_xmlcharrefreplace_errors, 0 },
    { "backslashreplace", f_backslashreplace_errors, 0 },
    { "namereplace", f_namereplace_errors, 0 },
    { "surrogateescape", f_surrogateescape, 0 },
    { "surrogatepass", f_surrogatepass, 0 },
    { NULL, NULL, 0 },
};

static int registry_init(void)
{
    if (cs.errors)
        return 0;
    stm_add_root_range(&cs, sizeof cs);
    Object *path = list_new(0), *cache = dict_new(), *errors = dict_new();
    if (!path || !cache || !errors)
        return -1;
    for (const MethodDef *h = handler_defs; h->name; h++) {
        char fname[40];
        snprintf(fname, sizeof fname, "%s%s", h->name,
                 strncmp(h->name, "surrogate", 9) == 0 ? "" : "_errors");
        Object *f = builtin_new(fname, h->fn, None, None);
        if (!f || dict_set_cstr(errors, h->name, f) < 0)
            return -1;
    }
    cs.search_path = path;
    cs.cache = cache;
    cs.errors = errors;
    return 0;
}

bool codecs_setup(void)
{
    return registry_init() == 0;
}

Object *codec_lookup_error(Object *name)
{
    if (registry_init() < 0)
        return NULL;
    Object *h = dict_get_str(cs.errors, name);
    if (h)
        return h;
    char nb[100];
    return raise(vm.e_LookupError, "unknown error handler name '%s'",
                 str_cstr(name, nb, sizeof nb));
}

/* As CPython: ASCII letters lowered, digits and dots kept, every other
   run of characters one '_' (none at the ends). */
static Object *normalize_name(Object *encoding)
{
    size_t n = str_len(encoding);
    char *buf = malloc(n + 1);
    if (!buf)
        return raise_no_memory();
    size_t k = 0;
    bool punct = false;
    for (size_t i = 0; i < n; i++) {
        uint32_t c = str_char(encoding, i);
        if (c == 0) {
            free(buf);
            return raise(vm.e_ValueError, "embedded null character");
        }
        bool alnum = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        if (alnum || c == '.') {
            if (punct && k)
                buf[k++] = '_';
            buf[k++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
            punct = false;
        } else {
            punct = true;
        }
    }
    Object *r = str_from_latin1((const unsigned char *)buf, k);
    free(buf);
    return r;
}

static Object *encodings_loaded(void)
{
    Object *name = intern_cstr("encodings");
    if (dict_get_str(vm.modules, name))
        return None;
    return import_name(name, None, make_small(0), vm.builtins);
}

Object *codec_lookup(Object *encoding)
{
    if (registry_init() < 0 || !encodings_loaded())
        return NULL;
    Object *key = normalize_name(encoding);
    if (!key)
        return NULL;
    Object *info;
    int found = dict_lookup(cs.cache, key, &info);
    if (found)
        return found < 0 ? NULL : info;
    for (size_t i = 0; i < list_size(cs.search_path); i++) {
        info = obj_call1(list_get(cs.search_path, i), key);
        if (!info)
            return NULL;
        if (info == None)
            continue;
        if (!type_is_subtype(type_of(info), vm.t_tuple) || obj_length(info) != 4)
            return raise(vm.e_TypeError, "codec search functions must return 4-tuples");
        return dict_set(cs.cache, key, info) < 0 ? NULL : info;
    }
    char nb[200];
    return raise(vm.e_LookupError, "unknown encoding: %s", str_cstr(encoding, nb, sizeof nb));
}

static Object *info_item(Object *info, int i)
{
    return obj_getitem(info, make_small(i));
}

/* An exception of a class with no state but its message (its instances
   have nothing in their dict, no __init__ or __new__ of Python code, and
   no fields of their own in CPython). */
static bool plain_exception(Object *e)
{
    if (is_small(e) || layout_of(e) != L_EXCEPTION)
        return false;
    Type *t = e->type;
    for (; t->base && (t->flags & TF_HEAP); t = t->base)
        if (dict_get_cstr(t->dict, "__init__") || dict_get_cstr(t->dict, "__new__"))
            return false;
    for (; t && t != vm.e_BaseException; t = t->base)
        if (t == vm.e_SyntaxError || t == vm.e_ImportError || t == vm.e_OSError
            || t == vm.e_UnicodeError || t == vm.e_StopIteration || t == vm.e_SystemExit
            || t == vm.e_AttributeError || t == vm.e_NameError || t == vm.e_BaseExceptionGroup)
            return false;
    if (!t)
        return false;
    obj_read(e);
    Object *args = ((Exception *)e)->args;
    if (tuple_size(args) > 1 || (tuple_size(args) == 1 && type_of(tuple_get(args, 0)) != vm.t_str))
        return false;
    Object *d = instance_dict(e, false);
    return !d || dict_size(d) == 0;
}

/* As CPython 3.11: an exception from a codec function that only carries a
   message is replaced by one of its class saying which codec failed, caused
   by it. */
static void wrap_codec_error(const char *operation, Object *encoding)
{
    Object *e = exc_occurred();
    if (!e || !plain_exception(e))
        return;
    e = exc_fetch();
    Object *s = obj_str(e);
    char nb[200];
    Object *msg = s ? str_format("%s with '%s' codec failed (%s: ", operation,
                                 str_cstr(encoding, nb, sizeof nb), type_name(e->type))
                    : NULL;
    msg = msg ? str_concat(msg, s) : NULL;
    msg = msg ? str_concat(msg, intern_cstr(")")) : NULL;
    Object *w = msg ? obj_call1((Object *)e->type, msg) : NULL;
    if (!w || obj_setattr(w, intern_cstr("__cause__"), e) < 0) {
        exc_clear();
        exc_restore(e);
        return;
    }
    raise_object(w);
}

/* encoder(obj[, errors])[0], the result checked as CPython does. */
static Object *call_codec(Object *fn, Object *obj, Object *errors, bool encode, Object *encoding)
{
    Object *args[2] = { obj, errors };
    Object *r = obj_call(fn, args, errors ? 2 : 1, NULL);
    if (!r) {
        wrap_codec_error(encode ? "encoding" : "decoding", encoding);
        return NULL;
    }
    if (!type_is_subtype(type_of(r), vm.t_tuple) || obj_length(r) != 2)
        return raise(vm.e_TypeError, encode ? "encoder must return a tuple (object, integer)"
                                            : "decoder must return a tuple (object,integer)");
    return info_item(r, 0);
}

/* The CodecInfo of a text encoding. */
static Object *text_codec(Object *encoding)
{
    Object *info = codec_lookup(encoding);
    if (!info)
        return NULL;
    Object *text = obj_getattr_cstr(info, "_is_text_encoding");
    if (!text) {
        if (!exc_matches(vm.e_AttributeError))
            return NULL;
        exc_clear();
        return info;
    }
    int t = obj_truth(text);
    if (t < 0)
        return NULL;
    if (!t) {
        char nb[200];
        return raise(vm.e_LookupError,
                     "'%s' is not a text encoding; use codecs.%s() to handle arbitrary codecs",
                     str_cstr(encoding, nb, sizeof nb), "encode");
    }
    return info;
}

Object *codec_registry_encode_text(Object *s, Object *encoding, Object *errors)
{
    Object *info = text_codec(encoding);
    Object *enc = info ? info_item(info, 0) : NULL;
    Object *r = enc ? call_codec(enc, s, errors, true, encoding) : NULL;
    if (!r)
        return NULL;
    if (is_bytearray(r)) {
        ByteView v;
        byte_view(r, &v);
        return bytes_new((const char *)v.data, v.size);
    }
    if (!is_bytes(r)) {
        char nb[200];
        return raise(vm.e_TypeError,
                     "'%s' encoder returned '%s' instead of 'bytes'; use codecs.encode() to "
                     "encode to arbitrary types",
                     str_cstr(encoding, nb, sizeof nb), type_name(type_of(r)));
    }
    return r;
}

Object *codec_registry_decode_text(const unsigned char *d, size_t n, Object *encoding,
                                   Object *errors)
{
    /* The data is copied first: looking the codec up runs Python code. */
    Object *data = bytes_new((const char *)d, n);
    Object *info = data ? codec_lookup(encoding) : NULL;
    if (info) {
        /* The message names codecs.decode() here. */
        Object *text = obj_getattr_cstr(info, "_is_text_encoding");
        if (!text)
            exc_clear();
        else if (!obj_truth(text)) {
            char nb[200];
            return raise(vm.e_LookupError,
                         "'%s' is not a text encoding; use codecs.decode() to handle arbitrary "
                         "codecs", str_cstr(encoding, nb, sizeof nb));
        }
    }
    /* As CPython, the decoder gets a memoryview. */
    Object *dec = info ? info_item(info, 1) : NULL;
    data = dec ? obj_call1((Object *)memoryview_type(), data) : NULL;
    Object *r = data ? call_codec(dec, data, errors, false, encoding) : NULL;
    if (!r)
        return NULL;
    if (!str_unwrap(r)) {
        char nb[200];
        return raise(vm.e_TypeError,
                     "'%s' decoder returned '%s' instead of 'str'; use codecs.decode() to "
                     "decode to arbitrary types",
                     str_cstr(encoding, nb, sizeof nb), type_name(type_of(r)));
    }
    return r;
}

/* ---- the registry functions -------------------------------------------------------- */

static bool is_callable(Object *v) { return type_of(v)->call != NULL; }

static Object *f_register(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (positional("register", nargs, kw, 1, 1) < 0 || registry_init() < 0)
        return NULL;
    if (!is_callable(args[0]))
        return raise(vm.e_TypeError, "argument must be callable");
    return list_append(cs.search_path, args[0]) < 0 ? NULL : None;
}

static Object *f_unregister(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (positional("unregister", nargs, kw, 1, 1) < 0 || registry_init() < 0)
        return NULL;
    for (size_t i = 0; i < list_size(cs.search_path); i++)
        if (list_get(cs.search_path, i) == args[0]) {
            Object *rest = list_new(0);
            if (!rest)
                return NULL;
            for (size_t k = 0; k < list_size(cs.search_path); k++)
                if (k != i && list_append(rest, list_get(cs.search_path, k)) < 0)
                    return NULL;
            /* The list object stays (it is a root): its items are replaced. */
            Object *sl = slice_new(None, None, None);
            if (!sl || obj_setitem(cs.search_path, sl, rest) < 0)
                return NULL;
            /* As CPython: the cache is emptied. */
            Object *clear = obj_getattr_cstr(cs.cache, "clear");
            return clear && obj_call0(clear) ? None : NULL;
        }
    return None;
}

static Object *f_lookup(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (positional("lookup", nargs, kw, 1, 1) < 0)
        return NULL;
    Object *s = str_unwrap(args[0]);
    if (!s)
        return raise(vm.e_TypeError, "lookup() argument must be str, not %s",
                     type_name(type_of(args[0])));
    return codec_lookup(s);
}

static Object *f_forget_codec(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (positional("_forget_codec", nargs, kw, 1, 1) < 0 || registry_init() < 0)
        return NULL;
    Object *s = arg_str("_forget_codec", args[0], -1);
    Object *key = s ? normalize_name(s) : NULL;
    if (!key)
        return NULL;
    Object *v;
    int r = dict_lookup(cs.cache, key, &v);
    if (r < 0 || (r > 0 && dict_del(cs.cache, key) < 0))
        return NULL;
    return None;
}

/* encode(obj, encoding='utf-8', errors='strict') and decode(). */
static Object *any_codec(const char *fname, bool encode, Object *const *args, size_t nargs,
                         Object *kw)
{
    static const char *const names[] = { "obj", "encoding", "errors", NULL };
    Object *a[3];
    if (args_parse(fname, args, nargs, kw, names, 1, 3, a) < 0)
        return NULL;
    Object *encoding = a[1] ? str_unwrap(a[1]) : intern_cstr("utf-8");
    if (!encoding)
        return raise(vm.e_TypeError, "%s() argument 'encoding' must be str, not %s", fname,
                     type_name(type_of(a[1])));
    Object *errors = a[2] ? str_unwrap(a[2]) : NULL;
    if (a[2] && !errors)
        return raise(vm.e_TypeError, "%s() argument 'errors' must be str, not %s", fname,
                     type_name(type_of(a[2])));
    Object *info = codec_lookup(encoding);
    Object *fn = info ? info_item(info, encode ? 0 : 1) : NULL;
    return fn ? call_codec(fn, a[0], errors, encode, encoding) : NULL;
}

static Object *f_encode(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return any_codec("encode", true, args, nargs, kw);
}

static Object *f_decode(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return any_codec("decode", false, args, nargs, kw);
}

static Object *f_register_error(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (positional("register_error", nargs, kw, 2, 2) < 0 || registry_init() < 0)
        return NULL;
    Object *name = arg_str("register_error", args[0], 0);
    if (!name)
        return NULL;
    if (!is_callable(args[1]))
        return raise(vm.e_TypeError, "handler must be callable");
    return dict_set(cs.errors, name, args[1]) < 0 ? NULL : None;
}

static Object *f_lookup_error(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (positional("lookup_error", nargs, kw, 1, 1) < 0)
        return NULL;
    Object *name = arg_str("lookup_error", args[0], -1);
    return name ? codec_lookup_error(name) : NULL;
}

Object *codecs_module_init(void)
{
    if (registry_init() < 0)
        return NULL;
    Object *m = module_new(intern_cstr("_codecs"));
    if (!m)
        return NULL;
    Object *d = ((ModuleObj *)m)->dict;
    static const MethodDef functions[] = {
        { "register", f_register, 0 }, { "unregister", f_unregister, 0 },
        { "lookup", f_lookup, 0 }, { "encode", f_encode, 0 }, { "decode", f_decode, 0 },
        { "_forget_codec", f_forget_codec, 0 },
        { "register_error", f_register_error, 0 }, { "lookup_error", f_lookup_error, 0 },
        { "utf_8_encode", f_utf_8_encode, 0 }, { "utf_8_decode", f_utf_8_decode, 0 },
        { "ascii_encode", f_ascii_encode, 0 }, { "ascii_decode", f_ascii_decode, 0 },
        { "latin_1_encode", f_latin_1_encode, 0 }, { "latin_1_decode", f_latin_1_decode, 0 },
        { "utf_7_encode", f_utf_7_encode, 0 }, { "utf_7_decode", f_utf_7_decode, 0 },
        { "utf_16_encode", f_utf_16_encode, 0 }, { "utf_16_decode", f_utf_16_decode, 0 },
        { "utf_16_le_encode", f_utf_16_le_encode, 0 },
        { "utf_16_le_decode", f_utf_16_le_decode, 0 },
        { "utf_16_be_encode", f_utf_16_be_encode, 0 },
        { "utf_16_be_decode", f_utf_16_be_decode, 0 },
        { "utf_16_ex_decode", f_utf_16_ex_decode, 0 },
        { "utf_32_encode", f_utf_32_encode, 0 }, { "utf_32_decode", f_utf_32_decode, 0 },
        { "utf_32_le_encode", f_utf_32_le_encode, 0 },
        { "utf_32_le_decode", f_utf_32_le_decode, 0 },
        { "utf_32_be_encode", f_utf_32_be_encode, 0 },
        { "utf_32_be_decode", f_utf_32_be_decode, 0 },
        { "utf_32_ex_decode", f_utf_32_ex_decode, 0 },
        { "unicode_escape_encode", f_unicode_escape_encode, 0 },
        { "unicode_escape_decode", f_unicode_escape_decode, 0 },
        { "raw_unicode_escape_encode", f_raw_unicode_escape_encode, 0 },
        { "raw_unicode_escape_decode", f_raw_unicode_escape_decode, 0 },
        { "escape_encode", f_escape_encode, 0 }, { "escape_decode", f_escape_decode, 0 },
        { "charmap_encode", f_charmap_encode, 0 }, { "charmap_decode", f_charmap_decode, 0 },
        { "charmap_build", f_charmap_build, 0 },
        { "readbuffer_encode", f_readbuffer_encode, 0 },
        { NULL, NULL, 0 },
    };
    for (const MethodDef *f = functions; f->name; f++)
        if (dict_set_cstr(d, f->name, builtin_new(f->name, f->fn, m, m)) < 0)
            return NULL;
    return m;
}
