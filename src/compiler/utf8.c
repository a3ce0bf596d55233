/* UTF-8 decoding and validation with CPython's error reports. */
#include <stdio.h>

#include "compiler/utf8.h"

int utf8_decode(const char *s, unsigned *cp)
{
    const unsigned char *p = (const unsigned char *)s;
    if (p[0] < 0x80) {
        *cp = p[0];
        return 1;
    }
    if (p[0] < 0xE0) {
        *cp = ((p[0] & 0x1Fu) << 6) | (p[1] & 0x3Fu);
        return 2;
    }
    if (p[0] < 0xF0) {
        *cp = ((p[0] & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
        return 3;
    }
    *cp = ((p[0] & 0x07u) << 18) | ((p[1] & 0x3Fu) << 12) | ((p[2] & 0x3Fu) << 6) | (p[3] & 0x3Fu);
    return 4;
}

int utf8_encode(unsigned cp, char *out)
{
    unsigned char *o = (unsigned char *)out;
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

int utf8_validate(const char *s, size_t n, Utf8Error *err)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        unsigned char b = p[i];
        if (b < 0x80) {
            i++;
            continue;
        }
        int need;
        unsigned char lo = 0x80, hi = 0xBF;
        if (b >= 0xC2 && b <= 0xDF)
            need = 1;
        else if (b >= 0xE0 && b <= 0xEF) {
            need = 2;
            if (b == 0xE0) lo = 0xA0;
            if (b == 0xED) hi = 0x9F;
        } else if (b >= 0xF0 && b <= 0xF4) {
            need = 3;
            if (b == 0xF0) lo = 0x90;
            if (b == 0xF4) hi = 0x8F;
        } else {
            *err = (Utf8Error){i, i + 1, b, "invalid start byte"};
            return 0;
        }
        size_t k = 1;
        for (; k <= (size_t)need; k++) {
            if (i + k >= n) {
                *err = (Utf8Error){i, n, b, "unexpected end of data"};
                return 0;
            }
            unsigned char c = p[i + k];
            if (c < lo || c > hi) {
                *err = (Utf8Error){i, i + k, b, "invalid continuation byte"};
                return 0;
            }
            lo = 0x80;
            hi = 0xBF;
        }
        i += k;
    }
    return 1;
}

void utf8_error_message(const Utf8Error *err, char *buf, size_t size)
{
    if (err->end - err->start == 1)
        snprintf(buf, size, "(unicode error) 'utf-8' codec can't decode byte 0x%02x in position %zu: %s",
                 err->byte, err->start, err->reason);
    else
        snprintf(buf, size, "(unicode error) 'utf-8' codec can't decode bytes in position %zu-%zu: %s",
                 err->start, err->end - 1, err->reason);
}
