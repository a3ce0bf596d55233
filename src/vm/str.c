/*
** str: construction, interning, hashing, comparison and conversion to
** UTF-8.  Methods live in str_methods.c.
*/
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "compiler/utf8.h"
#include "vm/str_impl.h"
#include "vm/unicodedb.h"

Str *str_alloc(size_t length, int kind, bool ascii)
{
    if (length > (SIZE_MAX - sizeof(struct Str)) / 4 - 1) {
        raise_no_memory();
        return NULL;
    }
    Str *s = (Str *)vm_alloc(sizeof(struct Str) + (length + 1) * (size_t)kind, L_STR, vm.t_str);
    if (!s)
        return NULL;
    s->hash = -1;
    s->length = length;
    s->kind = (uint8_t)kind;
    s->ascii = ascii;
    return s;
}

uint32_t kind_max_char(const void *d, int kind, size_t n)
{
    uint32_t m = 0;
    switch (kind) {
    case 1:
        for (size_t i = 0; i < n; i++)
            m |= ((const uint8_t *)d)[i];
        /* OR gives a bound, not the maximum, but only the kind and
           ASCII-ness are derived from it: both survive the OR. */
        return m;
    case 2:
        for (size_t i = 0; i < n; i++)
            if (((const uint16_t *)d)[i] > m)
                m = ((const uint16_t *)d)[i];
        return m;
    default:
        for (size_t i = 0; i < n; i++)
            if (((const uint32_t *)d)[i] > m)
                m = ((const uint32_t *)d)[i];
        return m;
    }
}

Object *str_from_char(uint32_t c)
{
    if (c < 256)
        return vm.one_char[c];
    Str *s = str_alloc(1, kind_for_max(c), false);
    if (s)
        kind_put(str_wdata(s), s->kind, 0, c);
    return (Object *)s;
}

Object *str_from_kind(const void *data, int kind, size_t n)
{
    if (n == 0)
        return vm.empty_str;
    uint32_t maxc = kind_max_char(data, kind, n);
    if (n == 1)
        return str_from_char(kind_get(data, kind, 0));
    int k = kind_for_max(maxc);
    Str *s = str_alloc(n, k, maxc < 128);
    if (!s)
        return NULL;
    void *d = str_wdata(s);
    if (k == kind)
        memcpy(d, data, n * (size_t)kind);
    else
        for (size_t i = 0; i < n; i++)
            kind_put(d, k, i, kind_get(data, kind, i));
    return (Object *)s;
}

Object *str_substr(Object *s, size_t from, size_t to)
{
    if (from == 0 && to == str_len(s))
        return s;
    int kind = str_kind(s);
    return str_from_kind((const char *)str_data(s) + from * (size_t)kind, kind, to - from);
}

Object *str_from_codepoints(const uint32_t *cps, size_t n)
{
    return str_from_kind(cps, 4, n);
}

/* ---- builder ------------------------------------------------------------------ */

int sb_init(StrBuf *b, size_t hint)
{
    b->len = 0;
    b->kind = 1;
    b->maxc = 0;
    b->cap = hint < 16 ? 16 : hint;
    b->data = malloc(b->cap);
    if (!b->data) {
        raise_no_memory();
        return -1;
    }
    return 0;
}

void sb_free(StrBuf *b)
{
    free(b->data);
    b->data = NULL;
}

/* Room for extra more code units, the widest of which is maxc. */
int sb_grow(StrBuf *b, size_t extra, uint32_t maxc)
{
    int kind = kind_for_max(maxc);
    if (maxc > b->maxc)
        b->maxc = maxc;
    if (kind <= b->kind && b->len + extra <= b->cap)
        return 0;
    if (extra > SIZE_MAX / 8 - b->len) {
        raise_no_memory();
        return -1;
    }
    size_t cap = b->cap;
    while (cap < b->len + extra)
        cap = cap * 2;
    int nk = kind > b->kind ? kind : b->kind;
    char *nd = malloc(cap * (size_t)nk);
    if (!nd) {
        raise_no_memory();
        return -1;
    }
    if (nk == b->kind)
        memcpy(nd, b->data, b->len * (size_t)nk);
    else
        for (size_t i = 0; i < b->len; i++)
            kind_put(nd, nk, i, kind_get(b->data, b->kind, i));
    free(b->data);
    b->data = nd;
    b->cap = cap;
    b->kind = nk;
    return 0;
}

int sb_putc(StrBuf *b, uint32_t c)
{
    if (sb_grow(b, 1, c) < 0)
        return -1;
    kind_put(b->data, b->kind, b->len++, c);
    return 0;
}

int sb_putc_n(StrBuf *b, uint32_t c, size_t n)
{
    if (sb_grow(b, n, c) < 0)
        return -1;
    if (b->kind == 1)
        memset(b->data + b->len, (int)c, n);
    else
        for (size_t i = 0; i < n; i++)
            kind_put(b->data, b->kind, b->len + i, c);
    b->len += n;
    return 0;
}

int sb_append(StrBuf *b, Object *s, size_t from, size_t to)
{
    if (to <= from)
        return 0;
    Str *p = (Str *)s;
    int k = p->kind;
    const char *src = (const char *)str_data(s) + from * (size_t)k;
    uint32_t maxc = p->ascii ? 127 : k == 1 ? 255 : k == 2 ? 0xffff : 0x10ffff;
    if (k > b->kind)
        maxc = kind_max_char(src, k, to - from);
    if (sb_grow(b, to - from, maxc) < 0)
        return -1;
    if (k == b->kind)
        memcpy(b->data + b->len * (size_t)k, src, (to - from) * (size_t)k);
    else
        for (size_t i = 0; i < to - from; i++)
            kind_put(b->data, b->kind, b->len + i, kind_get(src, k, i));
    b->len += to - from;
    return 0;
}

int sb_append_str(StrBuf *b, Object *s) { return sb_append(b, s, 0, str_len(s)); }

int sb_append_latin1(StrBuf *b, const char *s, size_t n)
{
    uint32_t m = kind_max_char(s, 1, n);
    if (sb_grow(b, n, m) < 0)
        return -1;
    if (b->kind == 1)
        memcpy(b->data + b->len, s, n);
    else
        for (size_t i = 0; i < n; i++)
            kind_put(b->data, b->kind, b->len + i, (unsigned char)s[i]);
    b->len += n;
    return 0;
}

int sb_append_cstr(StrBuf *b, const char *s) { return sb_append_utf8(b, s, strlen(s)); }

int sb_append_utf8(StrBuf *b, const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && (unsigned char)s[j] < 128)
            j++;
        if (sb_append_latin1(b, s + i, j - i) < 0)
            return -1;
        if (j >= n)
            break;
        unsigned c;
        j += (size_t)utf8_decode(s + j, &c);
        if (sb_putc(b, c) < 0)
            return -1;
        i = j;
    }
    return 0;
}

Object *sb_finish(StrBuf *b)
{
    Object *r;
    if (b->len <= 1) {
        r = b->len ? str_from_char(kind_get(b->data, b->kind, 0)) : vm.empty_str;
    } else {
        Str *s = str_alloc(b->len, b->kind, b->maxc < 128);
        if (s)
            memcpy(str_wdata(s), b->data, b->len * (size_t)b->kind);
        r = (Object *)s;
    }
    sb_free(b);
    return r;
}

Object *str_from_latin1(const unsigned char *p, size_t n)
{
    bool ascii = true;
    for (size_t i = 0; i < n; i++)
        if (p[i] >= 128)
            ascii = false;
    if (n == 1 && vm.one_char[p[0]])
        return vm.one_char[p[0]];
    if (n == 0 && vm.empty_str)
        return vm.empty_str;
    Str *s = str_alloc(n, 1, ascii);
    if (!s)
        return NULL;
    memcpy(stm_real_address((stm_obj *)s) + offsetof(struct Str, data), p, n);
    return (Object *)s;
}

Object *str_from_utf8(const char *p, size_t n)
{
    uint32_t maxc = 0;
    size_t count = 0;
    for (size_t i = 0; i < n; count++) {
        unsigned c = (unsigned char)p[i];
        if (c < 128) {
            i++;
            continue;
        }
        i += utf8_decode(p + i, &c);
        if (c > maxc)
            maxc = c;
    }
    if (maxc == 0)
        return str_from_latin1((const unsigned char *)p, n);
    Str *s = str_alloc(count, kind_for_max(maxc), false);
    if (!s)
        return NULL;
    void *d = str_wdata(s);
    size_t k = 0;
    for (size_t i = 0; i < n; k++) {
        unsigned c = (unsigned char)p[i];
        if (c < 128)
            i++;
        else
            i += utf8_decode(p + i, &c);
        kind_put(d, s->kind, k, c);
    }
    return (Object *)s;
}

Object *str_from_cstr(const char *s) { return str_from_utf8(s, strlen(s)); }

Object *str_format(const char *fmt, ...)
{
    char buf[2048];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (n < 0)
        n = 0;
    if ((size_t)n >= sizeof buf)
        n = sizeof buf - 1;
    return str_from_utf8(buf, (size_t)n);
}

char *str_to_utf8(Object *o, size_t *len)
{
    Str *s = (Str *)o;
    size_t n = s->length, cap = s->ascii ? n + 1 : n * 4 + 1;
    char *out = malloc(cap);
    if (!out) {
        raise_no_memory();
        return NULL;
    }
    size_t k = 0;
    if (s->ascii) {
        memcpy(out, stm_real_address((stm_obj *)s) + offsetof(struct Str, data), n);
        k = n;
    } else {
        for (size_t i = 0; i < n; i++)
            k += utf8_encode(str_char(o, i), out + k);
    }
    out[k] = 0;
    if (len)
        *len = k;
    return out;
}

const char *str_cstr(Object *o, char *buf, size_t size)
{
    size_t k = 0, n = str_len(o);
    for (size_t i = 0; i < n; i++) {
        char tmp[4];
        int m = utf8_encode(str_char(o, i), tmp);
        if (k + m >= size)
            break;
        memcpy(buf + k, tmp, m);
        k += m;
    }
    buf[k] = 0;
    return buf;
}

bool str_eq(Object *a, Object *b)
{
    if (a == b)
        return true;
    Str *x = (Str *)a, *y = (Str *)b;
    if (x->length != y->length || x->kind != y->kind)
        return false;       /* the kind is canonical: equal strings share it */
    if (x->hash != -1 && y->hash != -1 && x->hash != y->hash)
        return false;
    size_t bytes = x->length * x->kind;
    return memcmp(stm_real_address((stm_obj *)x) + offsetof(struct Str, data),
                  stm_real_address((stm_obj *)y) + offsetof(struct Str, data), bytes) == 0;
}

bool str_eq_cstr(Object *a, const char *s)
{
    size_t n = str_len(a);
    for (size_t i = 0; i < n; i++) {
        if (!s[i] || (unsigned char)s[i] != str_char(a, i))
            return false;
    }
    return s[n] == 0;
}

/* FNV-1a over the code points: the same value whatever the kind, as
   equal strings must hash alike.  -1 is reserved for "not computed". */
int64_t str_hash(Object *o)
{
    Str *s = (Str *)o;
    int64_t h = s->hash;
    if (h != -1)
        return h;
    uint64_t x = 0xcbf29ce484222325ull;
    size_t n = s->length;
    const void *d = str_data(o);
#define HASH_LOOP(T)                                \
    for (size_t i = 0; i < n; i++) {                \
        x ^= ((const T *)d)[i];                     \
        x *= 0x100000001b3ull;                      \
    }
    switch (s->kind) {
    case 1: HASH_LOOP(uint8_t) break;
    case 2: HASH_LOOP(uint16_t) break;
    default: HASH_LOOP(uint32_t) break;
    }
#undef HASH_LOOP
    h = n ? (int64_t)(x >> 1) : 0;      /* hash('') == 0, as in CPython */
    if (h == -1)
        h = -2;
    s->hash = h;            /* a cache every thread fills alike: no barrier */
    return h;
}

Object *str_concat(Object *a, Object *b)
{
    Str *x = (Str *)a, *y = (Str *)b;
    if (x->length == 0)
        return b;
    if (y->length == 0)
        return a;
    int kind = x->kind > y->kind ? x->kind : y->kind;
    Str *s = str_alloc(x->length + y->length, kind, x->ascii && y->ascii);
    if (!s)
        return NULL;
    if (x->kind == kind && y->kind == kind) {
        char *d = stm_real_address((stm_obj *)s) + offsetof(struct Str, data);
        memcpy(d, stm_real_address((stm_obj *)x) + offsetof(struct Str, data), x->length * kind);
        memcpy(d + x->length * kind, stm_real_address((stm_obj *)y) + offsetof(struct Str, data),
               y->length * kind);
    } else {
        void *d = str_wdata(s);
        for (size_t i = 0; i < x->length; i++)
            kind_put(d, kind, i, str_char(a, i));
        for (size_t i = 0; i < y->length; i++)
            kind_put(d, kind, x->length + i, str_char(b, i));
    }
    return (Object *)s;
}

Object *str_intern(Object *s)
{
    Object *found = dict_get_str(vm.interned, s);
    if (found)
        return found;
    if (dict_set(vm.interned, s, s) < 0)
        return NULL;
    ((Str *)s)->interned = 1;
    return s;
}

Object *intern_cstr(const char *c)
{
    Object *s = str_from_cstr(c);
    return s ? str_intern(s) : NULL;
}

/* repr(): CPython's choice of quotes and escapes. */
Object *str_repr(Object *o)
{
    size_t n = str_len(o);
    int kind = str_kind(o);
    const void *d = str_data(o);
    bool has_single = false, has_double = false;
    for (size_t i = 0; i < n; i++) {
        uint32_t c = kind_get(d, kind, i);
        has_single |= c == '\'';
        has_double |= c == '"';
    }
    char quote = has_single && !has_double ? '"' : '\'';
    StrBuf b;
    if (sb_init(&b, n + 2) < 0 || sb_putc(&b, (uint32_t)quote) < 0)
        goto fail;
    for (size_t i = 0; i < n; i++) {
        uint32_t c = kind_get(d, kind, i);
        int r;
        if (c == (uint32_t)quote || c == '\\') {
            char e[2] = { '\\', (char)c };
            r = sb_append_latin1(&b, e, 2);
        } else if (c == '\n' || c == '\r' || c == '\t') {
            r = sb_append_latin1(&b, c == '\n' ? "\\n" : c == '\r' ? "\\r" : "\\t", 2);
        } else if (c < ' ' || c == 0x7f || (c >= 128 && !uni_has(c, UNI_F_PRINTABLE))) {
            char esc[12];
            int m = c < 256 ? snprintf(esc, sizeof esc, "\\x%02x", c)
                  : c < 65536 ? snprintf(esc, sizeof esc, "\\u%04x", c)
                  : snprintf(esc, sizeof esc, "\\U%08x", c);
            r = sb_append_latin1(&b, esc, (size_t)m);
        } else {
            r = sb_putc(&b, c);
        }
        if (r < 0)
            goto fail;
    }
    if (sb_putc(&b, (uint32_t)quote) < 0)
        goto fail;
    return sb_finish(&b);
fail:
    sb_free(&b);
    return NULL;
}
