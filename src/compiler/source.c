/* From file bytes to the text the tokenizer reads: PEP 263 encoding
 * declarations, the UTF-8 BOM, and newline normalisation (\r\n and \r
 * become \n, and the text always ends with a newline).
 *
 * UTF-8 text is not validated here: CPython reports bad UTF-8 at the token
 * that contains it, and so does the tokenizer.
 */
#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compiler/tokenizer.h"

static void source_error(SyntaxErr *err, const char *msg, const char *arg)
{
    err->kind = ERR_SYNTAX;
    snprintf(err->msg, sizeof err->msg, msg, arg);
    err->lineno = 0;
    err->offset = -1;
    err->end_lineno = err->end_offset = 0;
    err->from_tokenizer = 1;
}

/* The encoding named in a comment line, or "" if none. */
static void coding_spec(const char *line, const char *end, char *name, size_t size)
{
    name[0] = 0;
    const char *p = line;
    while (p < end && (*p == ' ' || *p == '\t' || *p == '\f'))
        p++;
    if (p == end || *p != '#')
        return;
    for (; p + 6 < end; p++) {
        if (memcmp(p, "coding", 6) != 0)
            continue;
        const char *q = p + 6;
        if (*q != ':' && *q != '=')
            continue;
        q++;
        while (q < end && (*q == ' ' || *q == '\t'))
            q++;
        const char *b = q;
        while (q < end && (isalnum((unsigned char)*q) || *q == '-' || *q == '_' || *q == '.'))
            q++;
        if (q == b)
            continue;
        size_t n = (size_t)(q - b) < size - 1 ? (size_t)(q - b) : size - 1;
        memcpy(name, b, n);
        name[n] = 0;
        return;
    }
}

static int line_is_blank_or_comment(const char *p, const char *end)
{
    while (p < end && (*p == ' ' || *p == '\t' || *p == '\f'))
        p++;
    return p == end || *p == '#' || *p == '\n' || *p == '\r';
}

/* CPython's own normalisation of the declared name: utf-8 and latin-1
   spellings collapse to one name each. */
static void normal_name(const char *in, char *out, size_t size)
{
    char buf[13];
    size_t i;
    for (i = 0; i < 12 && in[i]; i++)
        buf[i] = in[i] == '_' ? '-' : (char)tolower((unsigned char)in[i]);
    buf[i] = 0;
    if (!strcmp(buf, "utf-8") || !strncmp(buf, "utf-8-", 6))
        snprintf(out, size, "utf-8");
    else if (!strcmp(buf, "latin-1") || !strcmp(buf, "iso-8859-1") || !strcmp(buf, "iso-latin-1") ||
             !strncmp(buf, "latin-1-", 8) || !strncmp(buf, "iso-8859-1-", 11) || !strncmp(buf, "iso-latin-1-", 12))
        snprintf(out, size, "iso-8859-1");
    else
        snprintf(out, size, "%s", in);
}

/* Python codec name -> iconv name; NULL if Python would not know it. */
static const char *iconv_name(const char *name, char *buf, size_t size)
{
    char n[64];
    size_t i;
    for (i = 0; i + 1 < sizeof n && name[i]; i++)
        n[i] = name[i] == '_' ? '-' : (char)tolower((unsigned char)name[i]);
    n[i] = 0;
    static const char *const aliases[][2] = {
        {"utf8", "UTF-8"}, {"u8", "UTF-8"}, {"utf", "UTF-8"}, {"latin1", "ISO-8859-1"},
        {"latin", "ISO-8859-1"}, {"l1", "ISO-8859-1"}, {"ascii", "ASCII"}, {"us-ascii", "ASCII"},
        {"646", "ASCII"}, {"euc-jp", "EUC-JP"}, {"eucjp", "EUC-JP"}, {"shift-jis", "SHIFT_JIS"},
        {"sjis", "SHIFT_JIS"}, {"s-jis", "SHIFT_JIS"}, {"euc-kr", "EUC-KR"}, {"euckr", "EUC-KR"},
        {"gb2312", "GB2312"}, {"gbk", "GBK"}, {"gb18030", "GB18030"}, {"big5", "BIG5"},
        {"koi8-r", "KOI8-R"}, {"koi8-u", "KOI8-U"}, {"mac-roman", "MACINTOSH"}, {"macroman", "MACINTOSH"},
        {"utf-16", "UTF-16"}, {"utf-32", "UTF-32"}, {"iso-2022-jp", "ISO-2022-JP"},
        {"utf-8-sig", "UTF-8"}, {"iso-8859-1", "ISO-8859-1"},
    };
    for (i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
        if (!strcmp(n, aliases[i][0]))
            return aliases[i][1];
    const char *digits = NULL;
    if (!strncmp(n, "iso-8859-", 9))
        digits = n + 9;
    else if (!strncmp(n, "iso8859-", 8))
        digits = n + 8;
    else if (!strncmp(n, "latin-", 6) || !strncmp(n, "latin", 5))
        return NULL;
    if (digits && *digits && strlen(digits) < 4 && strspn(digits, "0123456789") == strlen(digits)) {
        snprintf(buf, size, "ISO-8859-%.3s", digits);
        return buf;
    }
    if (!strncmp(n, "cp", 2) && n[2] && strlen(n) < 10 && strspn(n + 2, "0123456789") == strlen(n + 2)) {
        snprintf(buf, size, "CP%.8s", n + 2);
        return buf;
    }
    if (!strncmp(n, "windows-", 8) && strlen(n) < 16 && strspn(n + 8, "0123456789") == strlen(n + 8)) {
        snprintf(buf, size, "CP%.8s", n + 8);
        return buf;
    }
    return NULL;
}

static char *convert(const char *in, size_t n, const char *from, size_t *out_len)
{
    iconv_t cd = iconv_open("UTF-8", from);
    if (cd == (iconv_t)-1)
        return NULL;
    size_t cap = n * 4 + 16;
    char *out = malloc(cap);
    if (!out) {
        iconv_close(cd);
        return NULL;
    }
    char *ip = (char *)in, *op = out;
    size_t il = n, ol = cap;
    size_t r = iconv(cd, &ip, &il, &op, &ol);
    iconv_close(cd);
    if (r == (size_t)-1) {
        free(out);
        return NULL;
    }
    *out_len = (size_t)(op - out);
    return out;
}

char *source_decode(const char *bytes, size_t n, size_t *out_len, SyntaxErr *err)
{
    int bom = n >= 3 && !memcmp(bytes, "\xEF\xBB\xBF", 3);
    if (bom) {
        bytes += 3;
        n -= 3;
    }
    if (memchr(bytes, 0, n)) {
        source_error(err, "source code string cannot contain null bytes", NULL);
        err->lineno = err->offset = -2;   /* CPython gives no position at all */
        return NULL;
    }
    char spec[128] = "";
    const char *end = bytes + n;
    const char *nl = memchr(bytes, '\n', n);
    const char *l1end = nl ? nl : end;
    coding_spec(bytes, l1end, spec, sizeof spec);
    if (!spec[0] && nl && line_is_blank_or_comment(bytes, l1end)) {
        const char *l2 = nl + 1;
        const char *nl2 = memchr(l2, '\n', (size_t)(end - l2));
        coding_spec(l2, nl2 ? nl2 : end, spec, sizeof spec);
    }
    char *converted = NULL;
    if (spec[0]) {
        char norm[128];
        normal_name(spec, norm, sizeof norm);
        if (bom && strcmp(norm, "utf-8") != 0) {
            source_error(err, "encoding problem: %s with BOM", norm);
            return NULL;
        }
        if (strcmp(norm, "utf-8") != 0) {
            char buf[64];
            const char *from = iconv_name(norm, buf, sizeof buf);
            if (!from) {
                source_error(err, "unknown encoding: %s", spec);
                return NULL;
            }
            size_t clen;
            converted = convert(bytes, n, from, &clen);
            if (!converted) {
                source_error(err, "'%s' codec can't decode the source", norm);
                return NULL;
            }
            bytes = converted;
            n = clen;
        }
    }
    char *text = malloc(n + 2);
    if (!text) {
        free(converted);
        err->kind = ERR_MEMORY;
        return NULL;
    }
    size_t w = 0;
    for (size_t i = 0; i < n; i++) {
        char c = bytes[i];
        if (c == '\r') {
            if (i + 1 < n && bytes[i + 1] == '\n')
                i++;
            c = '\n';
        }
        text[w++] = c;
    }
    if (w && text[w - 1] != '\n')
        text[w++] = '\n';
    text[w] = 0;
    *out_len = w;
    free(converted);
    return text;
}

char *source_read_file(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, len = 0, got;
    char *buf = malloc(cap);
    while (buf && (got = fread(buf + len, 1, cap - len, f)) > 0) {
        len += got;
        if (len == cap) {
            char *bigger = realloc(buf, cap *= 2);
            if (!bigger)
                free(buf);
            buf = bigger;
        }
    }
    fclose(f);
    *n = len;
    return buf;
}
