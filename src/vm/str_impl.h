/*
** What the str, bytes and formatting files share and nobody else needs:
** raw access to a str's code units, a growable kind-aware builder, the
** substring search, and the argument helpers of the sequence methods.
*/
#ifndef STMPY_STR_IMPL_H
#define STMPY_STR_IMPL_H

#include <string.h>

#include "vm/runtime.h"
#include "vm/textbuf.h"

/* ---- raw access ------------------------------------------------------------ */

/* Strs and bytes are immutable: their data is read without barriers. */
static inline const void *str_data(Object *s)
{
    return stm_real_address((stm_obj *)s) + offsetof(struct Str, data);
}
static inline int str_kind(Object *s) { return ((Str *)s)->kind; }
static inline uint32_t kind_get(const void *d, int kind, size_t i)
{
    switch (kind) {
    case 1: return ((const uint8_t *)d)[i];
    case 2: return ((const uint16_t *)d)[i];
    default: return ((const uint32_t *)d)[i];
    }
}
static inline void kind_put(void *d, int kind, size_t i, uint32_t c)
{
    switch (kind) {
    case 1: ((uint8_t *)d)[i] = (uint8_t)c; break;
    case 2: ((uint16_t *)d)[i] = (uint16_t)c; break;
    default: ((uint32_t *)d)[i] = c; break;
    }
}
static inline int kind_for_max(uint32_t maxc) { return maxc < 256 ? 1 : maxc < 65536 ? 2 : 4; }

/* A new str whose data the caller fills (through str_wdata) before use. */
Str *str_alloc(size_t length, int kind, bool ascii);
static inline void *str_wdata(Str *s) { return stm_real_address((stm_obj *)s) + offsetof(struct Str, data); }
/* A str from code units of one kind, narrowed to its canonical kind. */
Object *str_from_kind(const void *data, int kind, size_t n);
Object *str_substr(Object *s, size_t from, size_t to);
Object *str_from_char(uint32_t c);
uint32_t kind_max_char(const void *d, int kind, size_t n);

/* The str inside v: v itself, the value of a str subclass instance, or
   NULL when v is no str. */
static inline Object *str_unwrap(Object *v)
{
    if (is_small(v))
        return NULL;
    if (layout_of(v) == L_STR)
        return v;
    /* base_value is written once, when the instance is made: no barrier. */
    if (layout_of(v) == L_INSTANCE) {
        Object *b = ((Instance *)v)->base_value;
        if (b && is_str(b))
            return b;
    }
    return NULL;
}

/* ---- builder ----------------------------------------------------------------- */

/* Code points appended one kind at a time: the buffer widens when a wider
   code point comes, so the result is made with one copy and no scan. */
typedef struct StrBuf {
    char *data;
    size_t len, cap;            /* in code units */
    int kind;
    uint32_t maxc;
} StrBuf;

int sb_init(StrBuf *b, size_t hint);
void sb_free(StrBuf *b);
int sb_grow(StrBuf *b, size_t extra, uint32_t maxc);
int sb_putc(StrBuf *b, uint32_t c);
int sb_putc_n(StrBuf *b, uint32_t c, size_t n);
int sb_append(StrBuf *b, Object *s, size_t from, size_t to);   /* s[from:to] */
int sb_append_str(StrBuf *b, Object *s);
int sb_append_latin1(StrBuf *b, const char *s, size_t n);
int sb_append_utf8(StrBuf *b, const char *s, size_t n);
int sb_append_cstr(StrBuf *b, const char *s);
Object *sb_finish(StrBuf *b);   /* frees the buffer */

/* ---- search (str_search.c) ------------------------------------------------------ */

/* Position of the first (last if reverse) occurrence of p[0..m) in
   h[0..n), both of one kind, or -1.  m may be 0. */
intptr_t kind_find(const void *h, size_t n, const void *p, size_t m, int kind, bool reverse);
/* Non-overlapping occurrences, at most maxcount. */
size_t kind_count(const void *h, size_t n, const void *p, size_t m, int kind, size_t maxcount);

/* Searches a str for a str: finds s[start:end] positions, converting the
   needle to the haystack's kind as needed. */
intptr_t str_find_in(Object *s, Object *sub, size_t start, size_t end, bool reverse);
size_t str_count_in(Object *s, Object *sub, size_t start, size_t end, size_t maxcount);

/* ---- arguments ---------------------------------------------------------------- */

/* start/end arguments of find, count, startswith...: None or an index,
   clipped as slice bounds to 0..len.  0 or -1 with TypeError. */
int arg_slice_bounds(Object *const *args, size_t nargs, size_t first, size_t len,
                     size_t *start, size_t *end);
int slice_indices(Object *slice, intptr_t length, intptr_t *start, intptr_t *stop,
                  intptr_t *step, intptr_t *count);

/* ---- shared by the formatters ------------------------------------------------------ */

Object *ascii_of(Object *v);
Object *obj_format(Object *v, Object *spec);
Object *str_percent_format(Object *fmt, Object *args);
Object *bytes_percent_format(Object *fmt, Object *args, bool bytearray);
Object *str_format_method(Object *self, Object *const *args, size_t nargs, Object *kw);
Object *str_format_map(Object *self, Object *const *args, size_t nargs, Object *kw);
Object *str_dunder_format(Object *self, Object *const *args, size_t nargs, Object *kw);
/* The _string module: string.Formatter's parser (format.c). */
Object *string_module_init(void);
/* Formats an int's magnitude in base 2, 8, 10 or 16 (lower case), NUL-
   terminated, malloc'ed; *neg says the sign.  NULL with an exception. */
char *int_digits(Object *v, int base, bool *neg, size_t *len);
/* format() of an int, float or complex (num_format.c). */
Object *number_format(Object *v, Object *spec);

/* ---- bytes (bytes.c) ---------------------------------------------------------------- */

static inline const unsigned char *bytes_data(Object *b)
{
    return (const unsigned char *)stm_real_address((stm_obj *)b) + offsetof(struct Bytes, data);
}
static inline size_t bytes_size(Object *b) { return ((Bytes *)b)->size; }
static inline unsigned char *bytes_wdata(Object *b)
{
    return (unsigned char *)stm_real_address((stm_obj *)b) + offsetof(struct Bytes, data);
}
/* A read-only view of bytes, bytearray, or their subclasses' data; false
   when v has no buffer.  A bytearray's view stays valid until it is
   changed. */
typedef struct ByteView {
    const unsigned char *data;
    size_t size;
} ByteView;
bool byte_view(Object *v, ByteView *out);
Object *bytearray_from_data(const unsigned char *data, size_t n);
static inline bool is_bytearray(Object *v)
{
    return !is_small(v) && type_is_subtype(v->type, vm.t_bytearray);
}
void bytearray_type_init(void);
Object *bytes_repr_data(const unsigned char *d, size_t n, const char *prefix, const char *suffix);

/* ---- codecs (codecs.c) ------------------------------------------------------------ */

Object *codec_decode(const unsigned char *d, size_t n, Object *encoding, Object *errors);
/* The encoded bytes of a str (a Bytes object). */
Object *codec_encode(Object *s, Object *encoding, Object *errors);

#endif
