/*
** The codecs str.encode and bytes.decode know: UTF-8, ASCII, Latin-1,
** UTF-16 and UTF-32 (with a BOM, or -le/-be), with the error handlers
** strict, ignore, replace, surrogateescape, backslashreplace, namereplace,
** and for encoding also xmlcharrefreplace and surrogatepass; other
** handlers are looked up in the registry of codecs.register_error, and
** other codecs in the registry of codecs.register (mod_codecs.c).  Errors
** report the ranges CPython reports: the maximal invalid UTF-8 prefix on
** decoding, runs of unencodable characters on encoding.
*/
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "vm/codecs.h"

static const char *const codec_names[] = { "utf-8", "ascii", "latin-1", "utf-16", "utf-16-le",
                                           "utf-16-be", "utf-32", "utf-32-le", "utf-32-be" };

enum Handler { H_STRICT, H_IGNORE, H_REPLACE, H_SURROGATEESCAPE, H_BACKSLASH, H_XMLCHARREF,
               H_SURROGATEPASS, H_NAMEREPLACE, H_UNKNOWN };

int codec_builtin_id(Object *encoding)
{
    if (!encoding)
        return C_UTF8;
    char raw[64], norm[64];
    if (str_len(encoding) >= sizeof raw - 8)
        return -1;
    str_cstr(encoding, raw, sizeof raw);
    size_t k = 0;
    for (const char *p = raw; *p && k + 1 < sizeof norm; p++)
        norm[k++] = *p == '_' || *p == ' ' ? '-' : (char)tolower((unsigned char)*p);
    norm[k] = 0;
    static const struct { const char *name; int codec; } aliases[] = {
        { "utf-8", C_UTF8 }, { "utf8", C_UTF8 }, { "u8", C_UTF8 }, { "utf", C_UTF8 },
        { "cp65001", C_UTF8 },
        { "ascii", C_ASCII }, { "us-ascii", C_ASCII }, { "646", C_ASCII },
        { "us", C_ASCII },
        { "latin-1", C_LATIN1 }, { "latin1", C_LATIN1 }, { "latin", C_LATIN1 },
        { "iso-8859-1", C_LATIN1 }, { "iso8859-1", C_LATIN1 }, { "8859", C_LATIN1 },
        { "cp819", C_LATIN1 }, { "l1", C_LATIN1 }, { "iso-ir-100", C_LATIN1 },
        { "utf-16", C_UTF16 }, { "utf16", C_UTF16 }, { "utf-16-le", C_UTF16LE },
        { "utf-16le", C_UTF16LE }, { "utf-16-be", C_UTF16BE }, { "utf-16be", C_UTF16BE },
        { "utf-32", C_UTF32 }, { "utf32", C_UTF32 }, { "utf-32-le", C_UTF32LE },
        { "utf-32le", C_UTF32LE }, { "utf-32-be", C_UTF32BE }, { "utf-32be", C_UTF32BE },
    };
    for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
        if (strcmp(norm, aliases[i].name) == 0)
            return aliases[i].codec;
    return -1;
}

static enum Handler lookup_handler(Object *errors)
{
    if (!errors)
        return H_STRICT;
    static const char *const names[] = { "strict", "ignore", "replace", "surrogateescape",
                                         "backslashreplace", "xmlcharrefreplace",
                                         "surrogatepass", "namereplace" };
    for (int i = 0; i < H_UNKNOWN; i++)
        if (str_eq_cstr(errors, names[i]))
            return (enum Handler)i;
    return H_UNKNOWN;
}

/* UnicodeDecodeError and UnicodeEncodeError as CPython makes them: their
   arguments are the encoding, the object, the range and the reason. */
Object *codec_unicode_error(Type *t, const char *codec, Object *object, size_t start,
                            size_t end, const char *reason)
{
    Object *args[5] = { str_from_cstr(codec), object, make_small((intptr_t)start),
                        make_small((intptr_t)end), str_from_cstr(reason) };
    if (!args[0] || !args[4])
        return NULL;
    return obj_call((Object *)t, args, 5, NULL);
}

static Object *decode_error(const char *codec, const unsigned char *d, size_t n, size_t start,
                          size_t end, const char *reason)
{
    Object *obj = bytes_new((const char *)d, n);
    Object *e = obj ? codec_unicode_error(vm.e_UnicodeDecodeError, codec, obj, start, end, reason)
                    : NULL;
    return e ? raise_object(e) : NULL;
}

/* The length of the valid UTF-8 sequence at d[i], or 0 with the end of
   the invalid range and the reason. */
static size_t utf8_seq(const unsigned char *d, size_t n, size_t i, uint32_t *cp, size_t *bad_end,
                       const char **reason)
{
    unsigned c = d[i];
    size_t need;
    unsigned lo = 0x80, hi = 0xbf;
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    if (c < 0xc2 || c > 0xf4) {
        *bad_end = i + 1;
        *reason = "invalid start byte";
        return 0;
    }
    if (c < 0xe0) {
        need = 1;
        *cp = c & 0x1f;
    } else if (c < 0xf0) {
        need = 2;
        *cp = c & 0x0f;
        if (c == 0xe0)
            lo = 0xa0;
        else if (c == 0xed)
            hi = 0x9f;
    } else {
        need = 3;
        *cp = c & 0x07;
        if (c == 0xf0)
            lo = 0x90;
        else if (c == 0xf4)
            hi = 0x8f;
    }
    for (size_t k = 1; k <= need; k++) {
        if (i + k >= n) {
            *bad_end = n;
            *reason = "unexpected end of data";
            return 0;
        }
        unsigned x = d[i + k];
        if (x < (k == 1 ? lo : 0x80) || x > (k == 1 ? hi : 0xbf)) {
            *bad_end = i + k;
            *reason = "invalid continuation byte";
            return 0;
        }
        *cp = (*cp << 6) | (x & 0x3f);
    }
    return need + 1;
}

/* A handler registered with codecs.register_error: called with the
   UnicodeDecodeError, it returns the replacement and where to go on. */
static int decode_custom(StrBuf *b, Object *errors, const char *codec, const unsigned char *d,
                         size_t n, size_t start, size_t end, const char *reason, size_t *next)
{
    Object *handler = codec_lookup_error(errors);
    Object *obj = handler ? bytes_new((const char *)d, n) : NULL;
    Object *e = obj ? codec_unicode_error(vm.e_UnicodeDecodeError, codec, obj, start, end, reason)
                    : NULL;
    Object *r = e ? obj_call1(handler, e) : NULL;
    if (!r)
        return -1;
    Object *rep = NULL;
    if (!is_small(r) && type_is_subtype(r->type, vm.t_tuple) && tuple_size(r) == 2)
        rep = str_unwrap(tuple_get(r, 0));
    if (!rep || !is_int(tuple_get(r, 1))) {
        raise(vm.e_TypeError, "decoding error handler must return (str, int) tuple");
        return -1;
    }
    intptr_t pos;
    if (index_to_ssize(tuple_get(r, 1), &pos, true) < 0)
        return -1;
    if (pos < 0)
        pos += (intptr_t)n;
    if (pos < 0 || (size_t)pos > n) {
        raise(vm.e_IndexError, "position %zd from error handler out of bounds", pos);
        return -1;
    }
    *next = (size_t)pos;
    return sb_append_str(b, rep);
}

/* Applies the error handler to the undecodable bytes d[start:end). */
int codec_decode_handle(StrBuf *b, Object *errors, const char *codec, const unsigned char *d,
                        size_t n, size_t start, size_t end, const char *reason, size_t *next)
{
    int rc = 0;
    *next = end;
    switch (lookup_handler(errors)) {
    case H_STRICT:
    case H_SURROGATEPASS:
        decode_error(codec, d, n, start, end, reason);
        return -1;
    case H_XMLCHARREF:
    case H_NAMEREPLACE:
        raise(vm.e_TypeError, "don't know how to handle UnicodeDecodeError in error callback");
        return -1;
    case H_UNKNOWN:
        return decode_custom(b, errors, codec, d, n, start, end, reason, next);
    case H_IGNORE:
        break;
    case H_REPLACE:
        rc = sb_putc(b, 0xfffd);
        break;
    case H_SURROGATEESCAPE:
        /* As CPython's handler: up to 4 bytes, the first of them at least
           not ASCII. */
        for (size_t k = start; k < end && k < start + 4 && rc == 0; k++) {
            if (d[k] < 128) {
                if (k == start) {
                    decode_error(codec, d, n, start, end, reason);
                    return -1;
                }
                *next = k;
                break;
            }
            rc = sb_putc(b, 0xdc00 + d[k]);
            *next = k + 1;
        }
        break;
    case H_BACKSLASH:
        for (size_t k = start; k < end && rc == 0; k++) {
            char esc[8];
            snprintf(esc, sizeof esc, "\\x%02x", d[k]);
            rc = sb_append_latin1(b, esc, 4);
        }
        break;
    }
    return rc;
}

static uint32_t read_unit(const unsigned char *p, int width, bool big)
{
    uint32_t u = 0;
    for (int k = 0; k < width; k++)
        u |= (uint32_t)p[big ? width - 1 - k : k] << (8 * k);
    return u;
}

/* UTF-16 and UTF-32: a BOM picks the byte order where the codec has none
   (little-endian otherwise); errors name the order used. */
static Object *decode_wide(const unsigned char *d, size_t n, int codec, enum Handler h,
                           Object *errors, bool final, size_t *consumed, int *byteorder)
{
    int width = codec >= C_UTF32 ? 4 : 2;
    bool big = codec == C_UTF16BE || codec == C_UTF32BE;
    size_t i = 0;
    if ((codec == C_UTF16 || codec == C_UTF32) && byteorder && *byteorder) {
        big = *byteorder > 0;
    } else if (codec == C_UTF16 || codec == C_UTF32) {
        if (n >= (size_t)width && read_unit(d, width, false) == 0xfeff) {
            i = (size_t)width;
            if (byteorder)
                *byteorder = -1;
        } else if (n >= (size_t)width && read_unit(d, width, true) == 0xfeff) {
            i = (size_t)width;
            big = true;
            if (byteorder)
                *byteorder = 1;
        }
    }
    const char *name = width == 2 ? (big ? "utf-16-be" : "utf-16-le")
                                  : (big ? "utf-32-be" : "utf-32-le");
    StrBuf b;
    if (sb_init(&b, n / (size_t)width) < 0)
        return NULL;
    while (i < n) {
        const char *reason = NULL;
        size_t end = i + (size_t)width;
        uint32_t u = 0;
        if (n - i < (size_t)width) {
            reason = "truncated data";
            end = n;
        } else {
            u = read_unit(d + i, width, big);
            if (width == 4) {
                if (u > 0x10ffff)
                    reason = "code point not in range(0x110000)";
                else if (u >= 0xd800 && u < 0xe000)
                    reason = "code point in surrogate code point range(0xd800, 0xe000)";
            } else if (u >= 0xdc00 && u < 0xe000) {
                reason = "illegal encoding";
            } else if (u >= 0xd800 && u < 0xdc00) {
                if (n - i < 4) {
                    reason = "unexpected end of data";
                    end = n;
                } else {
                    uint32_t lo = read_unit(d + i + 2, 2, big);
                    if (lo >= 0xdc00 && lo < 0xe000) {
                        u = 0x10000 + ((u - 0xd800) << 10) + (lo - 0xdc00);
                        end = i + 4;
                    } else {
                        reason = "illegal UTF-16 surrogate";
                    }
                }
            }
        }
        /* surrogatepass lets a lone surrogate unit through. */
        if (reason && h == H_SURROGATEPASS && n - i >= (size_t)width) {
            u = read_unit(d + i, width, big);
            if (u >= 0xd800 && u < 0xe000) {
                reason = NULL;
                end = i + (size_t)width;
            }
        }
        /* An incremental decoder waits for the rest of a unit or pair. */
        if (reason && !final && end == n && n - i < 4)
            break;
        size_t next = end;
        int rc = reason ? codec_decode_handle(&b, errors, name, d, n, i, end, reason, &next)
                        : sb_putc(&b, u);
        if (rc < 0) {
            sb_free(&b);
            return NULL;
        }
        i = next;
    }
    if (consumed)
        *consumed = i;
    return sb_finish(&b);
}

Object *codec_decode(const unsigned char *d, size_t n, Object *encoding, Object *errors)
{
    int codec = codec_builtin_id(encoding);
    if (codec < 0)
        return codec_registry_decode_text(d, n, encoding, errors);
    return codec_decode_id(codec, d, n, errors, true, NULL, NULL);
}

Object *codec_decode_id(int codec, const unsigned char *d, size_t n, Object *errors, bool final,
                        size_t *consumed, int *byteorder)
{
    enum Handler h = lookup_handler(errors);
    if (codec >= C_UTF16)
        return decode_wide(d, n, codec, h, errors, final, consumed, byteorder);
    if (consumed)
        *consumed = n;
    size_t ascii = 0;
    while (ascii < n && d[ascii] < 0x80)
        ascii++;
    if (codec == C_LATIN1 || ascii == n)
        return str_from_latin1(d, n);
    StrBuf b;
    if (sb_init(&b, n) < 0)
        return NULL;
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && d[j] < 0x80)
            j++;
        if (sb_append_latin1(&b, (const char *)d + i, j - i) < 0)
            goto fail;
        i = j;
        if (i >= n)
            break;
        uint32_t cp;
        size_t end = i + 1;
        const char *reason = "ordinal not in range(128)";
        size_t len = codec == C_UTF8 ? utf8_seq(d, n, i, &cp, &end, &reason) : 0;
        if (!len && codec == C_UTF8 && h == H_SURROGATEPASS && d[i] == 0xed && n - i >= 3
            && d[i + 1] >= 0xa0 && d[i + 1] <= 0xbf && d[i + 2] >= 0x80 && d[i + 2] <= 0xbf) {
            cp = 0xd000 | ((uint32_t)(d[i + 1] & 0x3f) << 6) | (d[i + 2] & 0x3f);
            len = 3;
        }
        if (len) {
            if (sb_putc(&b, cp) < 0)
                goto fail;
            i += len;
            continue;
        }
        if (!final && end == n && codec == C_UTF8 && reason[0] == 'u') {
            *consumed = i;      /* "unexpected end of data": wait for the rest */
            break;
        }
        size_t next = end;
        if (codec_decode_handle(&b, errors, codec_names[codec], d, n, i, end, reason, &next) < 0)
            goto fail;
        i = next;
    }
    return sb_finish(&b);
fail:
    sb_free(&b);
    return NULL;
}

Object *codec_encode_error(const char *codec, Object *s, size_t start, size_t end,
                           const char *reason)
{
    Object *e = codec_unicode_error(vm.e_UnicodeEncodeError, codec, s, start, end, reason);
    return e ? raise_object(e) : NULL;
}

static int tb_put(struct TextBuf *t, const char *s, size_t n)
{
    if (textbuf_append(t, s, n) < 0) {
        raise_no_memory();
        return -1;
    }
    return 0;
}

static int put_utf8(struct TextBuf *t, uint32_t c)
{
    char u[4];
    size_t k;
    if (c < 0x80) {
        u[0] = (char)c;
        k = 1;
    } else if (c < 0x800) {
        u[0] = (char)(0xc0 | (c >> 6));
        u[1] = (char)(0x80 | (c & 0x3f));
        k = 2;
    } else if (c < 0x10000) {
        u[0] = (char)(0xe0 | (c >> 12));
        u[1] = (char)(0x80 | ((c >> 6) & 0x3f));
        u[2] = (char)(0x80 | (c & 0x3f));
        k = 3;
    } else {
        u[0] = (char)(0xf0 | (c >> 18));
        u[1] = (char)(0x80 | ((c >> 12) & 0x3f));
        u[2] = (char)(0x80 | ((c >> 6) & 0x3f));
        u[3] = (char)(0x80 | (c & 0x3f));
        k = 4;
    }
    return tb_put(t, u, k);
}

/* One code point in the codec's form (it is known to be encodable, or a
   surrogate that surrogatepass lets through). */
static int put_cp(struct TextBuf *t, int codec, uint32_t c)
{
    if (codec == C_UTF8)
        return put_utf8(t, c);
    if (codec < C_UTF16)
        return tb_put(t, &(char){ (char)c }, 1);
    int width = codec >= C_UTF32 ? 4 : 2;
    bool big = codec == C_UTF16BE || codec == C_UTF32BE;
    uint32_t units[2] = { c, 0 };
    int count = 1;
    if (width == 2 && c >= 0x10000) {
        units[0] = 0xd800 + ((c - 0x10000) >> 10);
        units[1] = 0xdc00 + ((c - 0x10000) & 0x3ff);
        count = 2;
    }
    for (int k = 0; k < count; k++) {
        char b[4];
        for (int j = 0; j < width; j++)
            b[big ? width - 1 - j : j] = (char)(units[k] >> (8 * j));
        if (tb_put(t, b, (size_t)width) < 0)
            return -1;
    }
    return 0;
}

static int put_ascii(struct TextBuf *t, int codec, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (put_cp(t, codec, (unsigned char)s[i]) < 0)
            return -1;
    return 0;
}

Object *codec_encode(Object *s, Object *encoding, Object *errors)
{
    int codec = codec_builtin_id(encoding);
    if (codec < 0)
        return codec_registry_encode_text(s, encoding, errors);
    return codec_encode_id(codec, s, errors);
}

/* The replacement a handler gave for s[start:end): bytes as they are, a
   str encoded by the codec, which must be able to (ASCII only for the UTF
   codecs, as in CPython). */
static int put_replacement(struct TextBuf *t, int codec, Object *rep, Object *s, size_t start,
                           size_t end, const char *reason)
{
    if (is_bytes(rep))
        return tb_put(t, (const char *)bytes_data(rep), bytes_size(rep));
    uint32_t limit = codec == C_LATIN1 ? 0x100 : 0x80;
    for (size_t k = 0; k < str_len(rep); k++) {
        uint32_t c = str_char(rep, k);
        if (c >= limit) {
            codec_encode_error(codec_names[codec], s, start, end, reason);
            return -1;
        }
        if (put_cp(t, codec, c) < 0)
            return -1;
    }
    return 0;
}

Object *codec_encode_id(int codec, Object *s, Object *errors)
{
    Str *p = (Str *)s;
    size_t n = p->length;
    if (codec < C_UTF16 && (p->ascii || (codec == C_LATIN1 && p->kind == 1)))
        return bytes_new(str_data(s), n);
    enum Handler h = lookup_handler(errors);
    uint32_t limit = codec == C_ASCII ? 0x80 : codec == C_LATIN1 ? 0x100 : 0x110000;
    bool unicode = limit == 0x110000;
    const char *reason = unicode ? "surrogates not allowed"
                       : codec == C_ASCII ? "ordinal not in range(128)"
                       : "ordinal not in range(256)";
#define UNENCODABLE(c) ((c) >= limit || (unicode && (c) >= 0xd800 && (c) < 0xe000))
    struct TextBuf t = TEXTBUF_INIT;
    size_t unit = codec >= C_UTF32 ? 4 : codec >= C_UTF16 ? 2 : codec == C_UTF8 ? 3 : 1;
    if (textbuf_reserve(&t, n * unit + 4) < 0)
        return raise_no_memory();
    if ((codec == C_UTF16 || codec == C_UTF32) && put_cp(&t, codec, 0xfeff) < 0)
        goto fail;
    for (size_t i = 0; i < n;) {
        uint32_t c = str_char(s, i);
        if (!UNENCODABLE(c)) {
            if (put_cp(&t, codec, c) < 0)
                goto fail;
            i++;
            continue;
        }
        /* The byte codecs report runs of unencodable characters, UTF-16 and
           UTF-32 one character at a time, as CPython's encoders do. */
        size_t end = i + 1;
        while (codec < C_UTF16 && end < n && UNENCODABLE(str_char(s, end)))
            end++;
        if (h == H_UNKNOWN || h == H_NAMEREPLACE) {
            size_t next;
            Object *rep = codec_encode_replacement(errors, codec_names[codec], s, i, end, reason,
                                                   &next);
            if (!rep || put_replacement(&t, codec, rep, s, i, end, reason) < 0)
                goto fail;
            i = next;
            continue;
        }
        for (size_t k = i; k < end; k++) {
            uint32_t x = str_char(s, k);
            char esc[16];
            int m, rc = 0;
            switch (h) {
            case H_STRICT:
                codec_encode_error(codec_names[codec], s, i, end, reason);
                goto fail;
            case H_UNKNOWN:
            case H_NAMEREPLACE:
            case H_IGNORE:
                break;
            case H_REPLACE:
                rc = put_cp(&t, codec, '?');
                break;
            case H_SURROGATEESCAPE:
                if (x < 0xdc80 || x > 0xdcff || codec >= C_UTF16) {
                    codec_encode_error(codec_names[codec], s, i, end, reason);
                    goto fail;
                }
                rc = tb_put(&t, &(char){ (char)(x - 0xdc00) }, 1);
                break;
            case H_SURROGATEPASS:
                if (!unicode || x < 0xd800 || x >= 0xe000) {
                    codec_encode_error(codec_names[codec], s, i, end, reason);
                    goto fail;
                }
                rc = put_cp(&t, codec, x);
                break;
            case H_BACKSLASH:
                m = x < 256 ? snprintf(esc, sizeof esc, "\\x%02x", x)
                  : x < 65536 ? snprintf(esc, sizeof esc, "\\u%04x", x)
                  : snprintf(esc, sizeof esc, "\\U%08x", x);
                rc = put_ascii(&t, codec, esc, (size_t)m);
                break;
            case H_XMLCHARREF:
                m = snprintf(esc, sizeof esc, "&#%u;", x);
                rc = put_ascii(&t, codec, esc, (size_t)m);
                break;
            }
            if (rc < 0)
                goto fail;
        }
        i = end;
    }
#undef UNENCODABLE
    Object *r = bytes_new(t.data ? t.data : "", t.len);
    textbuf_free(&t);
    return r;
fail:
    textbuf_free(&t);
    return NULL;
}

/* One character as backslashreplace, xmlcharrefreplace or namereplace
   writes it. */
static int put_escape(StrBuf *b, enum Handler h, uint32_t c)
{
    char esc[160], nb[128];
    const char *name = h == H_NAMEREPLACE ? codec_char_name(c, nb) : NULL;
    int m = name ? snprintf(esc, sizeof esc, "\\N{%s}", name)
          : h == H_XMLCHARREF ? snprintf(esc, sizeof esc, "&#%u;", c)
          : c < 256 ? snprintf(esc, sizeof esc, "\\x%02x", c)
          : c < 65536 ? snprintf(esc, sizeof esc, "\\u%04x", c)
          : snprintf(esc, sizeof esc, "\\U%08x", c);
    return sb_append_latin1(b, esc, (size_t)m);
}

/* A handler registered with codecs.register_error, called with the
   UnicodeEncodeError. */
static Object *encode_custom(Object *errors, const char *codec, Object *s, size_t start,
                             size_t end, const char *reason, size_t *next)
{
    Object *handler = codec_lookup_error(errors);
    Object *e = handler ? codec_unicode_error(vm.e_UnicodeEncodeError, codec, s, start, end,
                                              reason)
                        : NULL;
    Object *r = e ? obj_call1(handler, e) : NULL;
    if (!r)
        return NULL;
    Object *rep = NULL;
    if (!is_small(r) && type_is_subtype(r->type, vm.t_tuple) && tuple_size(r) == 2) {
        rep = tuple_get(r, 0);
        rep = is_bytes(rep) ? rep : str_unwrap(rep);
    }
    if (!rep || !is_int(tuple_get(r, 1)))
        return raise(vm.e_TypeError, "encoding error handler must return (str/bytes, int) tuple");
    intptr_t pos, n = (intptr_t)str_len(s);
    if (index_to_ssize(tuple_get(r, 1), &pos, true) < 0)
        return NULL;
    if (pos < 0)
        pos += n;
    if (pos < 0 || pos > n)
        return raise(vm.e_IndexError, "position %zd from error handler out of bounds", pos);
    *next = (size_t)pos;
    return rep;
}

Object *codec_encode_replacement(Object *errors, const char *codec, Object *s, size_t start,
                                 size_t end, const char *reason, size_t *next)
{
    *next = end;
    enum Handler h = lookup_handler(errors);
    StrBuf b;
    switch (h) {
    case H_UNKNOWN:
        return encode_custom(errors, codec, s, start, end, reason, next);
    case H_STRICT:
    case H_SURROGATEPASS:
        return codec_encode_error(codec, s, start, end, reason);
    case H_IGNORE:
        return vm.empty_str;
    case H_SURROGATEESCAPE: {
        Object *r = bytes_new(NULL, end - start);
        if (!r)
            return NULL;
        for (size_t k = start; k < end; k++) {
            uint32_t c = str_char(s, k);
            if (c < 0xdc80 || c > 0xdcff)
                return codec_encode_error(codec, s, start, end, reason);
            bytes_wdata(r)[k - start] = (unsigned char)(c - 0xdc00);
        }
        return r;
    }
    case H_REPLACE:
    case H_BACKSLASH:
    case H_XMLCHARREF:
    case H_NAMEREPLACE:
        if (sb_init(&b, end - start) < 0)
            return NULL;
        for (size_t k = start; k < end; k++)
            if ((h == H_REPLACE ? sb_putc(&b, '?') : put_escape(&b, h, str_char(s, k))) < 0) {
                sb_free(&b);
                return NULL;
            }
        return sb_finish(&b);
    }
    return NULL;
}
