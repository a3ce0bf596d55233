#include "vm/textbuf.h"

#include <stdlib.h>
#include <string.h>

int textbuf_reserve(struct TextBuf *b, size_t extra)
{
    if (extra > SIZE_MAX - b->len - 1)
        return -1;
    size_t need = b->len + extra + 1;
    if (need <= b->cap)
        return 0;
    size_t cap = b->cap ? b->cap : 32;
    while (cap < need)
        cap = cap > SIZE_MAX / 2 ? need : cap * 2;
    char *p = realloc(b->data, cap);
    if (!p)
        return -1;
    b->data = p;
    b->cap = cap;
    return 0;
}

int textbuf_append(struct TextBuf *b, const char *s, size_t n)
{
    if (textbuf_reserve(b, n) < 0)
        return -1;
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
    return 0;
}

int textbuf_append_str(struct TextBuf *b, const char *s)
{
    return textbuf_append(b, s, strlen(s));
}

int textbuf_append_byte(struct TextBuf *b, char c)
{
    return textbuf_append(b, &c, 1);
}

static size_t utf8_encode(uint32_t cp, char *out)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

int textbuf_append_cp(struct TextBuf *b, uint32_t cp, size_t count)
{
    char enc[4];
    size_t n = utf8_encode(cp, enc);
    if (count > (SIZE_MAX - 1) / n || textbuf_reserve(b, n * count) < 0)
        return -1;
    char *p = b->data + b->len;
    if (n == 1) {
        memset(p, enc[0], count);
    } else {
        for (size_t i = 0; i < count; i++)
            memcpy(p + i * n, enc, n);
    }
    b->len += n * count;
    b->data[b->len] = '\0';
    return 0;
}

void textbuf_clear(struct TextBuf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

void textbuf_free(struct TextBuf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}
