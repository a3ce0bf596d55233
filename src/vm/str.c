/*
** str: construction, interning, hashing, comparison and conversion to
** UTF-8.  Methods live in str_methods.c.
*/
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "compiler/utf8.h"
#include "vm/runtime.h"
#include "vm/unicodedb.h"

static Str *str_alloc(size_t length, int kind, bool ascii)
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

static inline void put_char(Str *s, size_t i, uint32_t c)
{
    switch (s->kind) {
    case 1: ((uint8_t STM_SEG *)s->data)[i] = (uint8_t)c; break;
    case 2: ((uint16_t STM_SEG *)s->data)[i] = (uint16_t)c; break;
    default: ((uint32_t STM_SEG *)s->data)[i] = c; break;
    }
}

static int kind_for(uint32_t maxc) { return maxc < 256 ? 1 : maxc < 65536 ? 2 : 4; }

Object *str_from_codepoints(const uint32_t *cps, size_t n)
{
    uint32_t maxc = 0;
    for (size_t i = 0; i < n; i++)
        if (cps[i] > maxc)
            maxc = cps[i];
    if (n == 1 && maxc < 256 && vm.one_char[maxc])
        return vm.one_char[maxc];
    Str *s = str_alloc(n, kind_for(maxc), maxc < 128);
    if (!s)
        return NULL;
    for (size_t i = 0; i < n; i++)
        put_char(s, i, cps[i]);
    return (Object *)s;
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
    Str *s = str_alloc(count, kind_for(maxc), false);
    if (!s)
        return NULL;
    size_t k = 0;
    for (size_t i = 0; i < n; k++) {
        unsigned c = (unsigned char)p[i];
        if (c < 128)
            i++;
        else
            i += utf8_decode(p + i, &c);
        put_char(s, k, c);
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
    for (size_t i = 0; i < n; i++) {
        x ^= str_char(o, i);
        x *= 0x100000001b3ull;
    }
    h = (int64_t)(x >> 1);
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
        for (size_t i = 0; i < x->length; i++)
            put_char(s, i, str_char(a, i));
        for (size_t i = 0; i < y->length; i++)
            put_char(s, x->length + i, str_char(b, i));
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
    bool has_single = false, has_double = false;
    for (size_t i = 0; i < n; i++) {
        uint32_t c = str_char(o, i);
        has_single |= c == '\'';
        has_double |= c == '"';
    }
    char quote = has_single && !has_double ? '"' : '\'';
    uint32_t *out = malloc((n * 10 + 3) * sizeof *out);
    if (!out)
        return raise_no_memory();
    size_t k = 0;
    out[k++] = quote;
    for (size_t i = 0; i < n; i++) {
        uint32_t c = str_char(o, i);
        if (c == (uint32_t)quote || c == '\\') {
            out[k++] = '\\';
            out[k++] = c;
        } else if (c == '\n' || c == '\r' || c == '\t') {
            out[k++] = '\\';
            out[k++] = c == '\n' ? 'n' : c == '\r' ? 'r' : 't';
        } else if (c < ' ' || c == 0x7f || (c >= 128 && !uni_has(c, UNI_F_PRINTABLE))) {
            char esc[12];
            int m = c < 256 ? snprintf(esc, sizeof esc, "\\x%02x", c)
                  : c < 65536 ? snprintf(esc, sizeof esc, "\\u%04x", c)
                  : snprintf(esc, sizeof esc, "\\U%08x", c);
            for (int j = 0; j < m; j++)
                out[k++] = (unsigned char)esc[j];
        } else {
            out[k++] = c;
        }
    }
    out[k++] = quote;
    Object *r = str_from_codepoints(out, k);
    free(out);
    return r;
}
