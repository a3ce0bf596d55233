/*
** Substring search over code units of one kind, for str and bytes.
** Forward searches in 1-byte data use glibc's memchr/memmem (two-way,
** vectorised); the rest use Horspool's bad-character shifts on the low
** byte of each unit, which keeps long needles from costing n*m.  Short
** haystacks or needles take the plain loop: the shift table would cost
** more than it saves.
*/
#include "vm/str_impl.h"

#define FIND_FN(T, S)                                                                 \
static intptr_t find_##S(const T *h, size_t n, const T *p, size_t m)                   \
{                                                                                     \
    if (m > n)                                                                        \
        return -1;                                                                    \
    T first = p[0], last = p[m - 1];                                                  \
    if (m <= 2 || n - m < 64) {                                                       \
        for (size_t i = 0; i + m <= n; i++)                                           \
            if (h[i] == first && h[i + m - 1] == last                                 \
                && memcmp(h + i, p, m * sizeof(T)) == 0)                              \
                return (intptr_t)i;                                                   \
        return -1;                                                                    \
    }                                                                                 \
    size_t skip[256];                                                                 \
    for (int i = 0; i < 256; i++)                                                     \
        skip[i] = m;                                                                  \
    for (size_t i = 0; i + 1 < m; i++)                                                \
        skip[p[i] & 255] = m - 1 - i;                                                 \
    for (size_t i = 0; i + m <= n;) {                                                 \
        T c = h[i + m - 1];                                                           \
        if (c == last && memcmp(h + i, p, (m - 1) * sizeof(T)) == 0)                  \
            return (intptr_t)i;                                                       \
        i += skip[c & 255];                                                           \
    }                                                                                 \
    return -1;                                                                        \
}

#define RFIND_FN(T, S)                                                                \
static intptr_t rfind_##S(const T *h, size_t n, const T *p, size_t m)                  \
{                                                                                     \
    if (m > n)                                                                        \
        return -1;                                                                    \
    T first = p[0];                                                                   \
    if (m <= 2 || n - m < 64) {                                                       \
        for (size_t i = n - m + 1; i-- > 0;)                                          \
            if (h[i] == first && memcmp(h + i, p, m * sizeof(T)) == 0)                \
                return (intptr_t)i;                                                   \
        return -1;                                                                    \
    }                                                                                 \
    size_t skip[256];                                                                 \
    for (int i = 0; i < 256; i++)                                                     \
        skip[i] = m;                                                                  \
    for (size_t i = m - 1; i >= 1; i--)                                               \
        skip[p[i] & 255] = i;                                                         \
    for (intptr_t i = (intptr_t)(n - m); i >= 0;) {                                   \
        T c = h[i];                                                                   \
        if (c == first && memcmp(h + i + 1, p + 1, (m - 1) * sizeof(T)) == 0)         \
            return i;                                                                 \
        i -= (intptr_t)skip[c & 255];                                                 \
    }                                                                                 \
    return -1;                                                                        \
}

/* 1-byte forward searches go to memchr/memmem. */
FIND_FN(uint16_t, 2)
FIND_FN(uint32_t, 4)
RFIND_FN(uint8_t, 1)
RFIND_FN(uint16_t, 2)
RFIND_FN(uint32_t, 4)

intptr_t kind_find(const void *h, size_t n, const void *p, size_t m, int kind, bool reverse)
{
    if (m == 0)
        return reverse ? (intptr_t)n : 0;
    if (m > n)
        return -1;
    if (kind == 1 && !reverse) {
        const void *r = m == 1 ? memchr(h, *(const uint8_t *)p, n) : memmem(h, n, p, m);
        return r ? (const uint8_t *)r - (const uint8_t *)h : -1;
    }
    switch (kind) {
    case 1: return rfind_1(h, n, p, m);
    case 2: return reverse ? rfind_2(h, n, p, m) : find_2(h, n, p, m);
    default: return reverse ? rfind_4(h, n, p, m) : find_4(h, n, p, m);
    }
}

size_t kind_count(const void *h, size_t n, const void *p, size_t m, int kind, size_t maxcount)
{
    if (m == 0)
        return n + 1 < maxcount ? n + 1 : maxcount;
    size_t count = 0, pos = 0;
    while (count < maxcount && pos + m <= n) {
        intptr_t at = kind_find((const char *)h + pos * (size_t)kind, n - pos, p, m, kind, false);
        if (at < 0)
            break;
        count++;
        pos += (size_t)at + m;
    }
    return count;
}

/* The needle in the haystack's kind, in buf when it fits, else malloc'ed
   (*owned set).  NULL with *owned false: it cannot occur (wider kind). */
static const void *needle_as(Object *sub, int kind, char *buf, size_t bufsize, void **owned)
{
    *owned = NULL;
    int k = str_kind(sub);
    if (k == kind)
        return str_data(sub);
    if (k > kind)
        return NULL;
    size_t m = str_len(sub);
    void *d = m * (size_t)kind <= bufsize ? buf : (*owned = malloc(m * (size_t)kind));
    if (!d) {
        raise_no_memory();
        return NULL;
    }
    for (size_t i = 0; i < m; i++)
        kind_put(d, kind, i, kind_get(str_data(sub), k, i));
    return d;
}

/* -2: out of memory (exception set). */
intptr_t str_find_in(Object *s, Object *sub, size_t start, size_t end, bool reverse)
{
    size_t m = str_len(sub);
    if (end > str_len(s))
        end = str_len(s);
    if (start > end || end - start < m)
        return -1;
    int kind = str_kind(s);
    char buf[256];
    void *owned;
    const void *p = needle_as(sub, kind, buf, sizeof buf, &owned);
    if (!p)
        return exc_occurred() ? -2 : -1;
    intptr_t r = kind_find((const char *)str_data(s) + start * (size_t)kind, end - start, p, m,
                           kind, reverse);
    free(owned);
    return r < 0 ? r : r + (intptr_t)start;
}

size_t str_count_in(Object *s, Object *sub, size_t start, size_t end, size_t maxcount)
{
    size_t m = str_len(sub);
    if (end > str_len(s))
        end = str_len(s);
    if (start > end || end - start < m)
        return 0;
    int kind = str_kind(s);
    char buf[256];
    void *owned;
    const void *p = needle_as(sub, kind, buf, sizeof buf, &owned);
    if (!p)
        return 0;
    size_t r = kind_count((const char *)str_data(s) + start * (size_t)kind, end - start, p, m,
                          kind, maxcount);
    free(owned);
    return r;
}
