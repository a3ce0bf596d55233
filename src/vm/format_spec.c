/* Parsing of format specs, following the order of checks (and so the
 * error that wins) of CPython's parse_internal_render_format_spec. */
#include "vm/format_spec.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

int fmt_fail(struct FmtError *err, enum fmt_error_kind kind, const char *fmt, ...)
{
    err->kind = kind;
    textbuf_clear(&err->msg);
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n >= 0 && textbuf_reserve(&err->msg, (size_t)n) == 0) {
        va_start(ap, fmt);
        vsnprintf(err->msg.data, (size_t)n + 1, fmt, ap);
        va_end(ap);
        err->msg.len = (size_t)n;
    }
    return -1;
}

int fmt_unknown_type(struct FmtError *err, uint32_t type, const char *type_name)
{
    if (type > 32 && type < 128)
        return fmt_fail(err, FMT_VALUE_ERROR, "Unknown format code '%c' for object of type '%.200s'",
                        (char)type, type_name);
    return fmt_fail(err, FMT_VALUE_ERROR, "Unknown format code '\\x%x' for object of type '%.200s'",
                    (unsigned)type, type_name);
}

/* Decodes UTF-8 leniently: a byte that starts no valid sequence stands
 * for itself, so any input yields some code points. */
static size_t utf8_decode(const unsigned char *s, size_t len, uint32_t *out)
{
    size_t n = 0;
    for (size_t i = 0; i < len;) {
        unsigned c = s[i];
        int extra = c >= 0xF0 && c < 0xF8 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
        if (c >= 0xF8 || (extra && i + (size_t)extra >= len))
            extra = 0;
        uint32_t cp = extra ? c & (0x3Fu >> extra) : c;
        int k = 1;
        for (; k <= extra && (s[i + k] & 0xC0) == 0x80; k++)
            cp = cp << 6 | (s[i + k] & 0x3F);
        if (k <= extra) {
            cp = c;
            k = 1;
        }
        out[n++] = cp;
        i += (size_t)k;
    }
    return n;
}

static bool is_align(uint32_t c)
{
    return c == '<' || c == '>' || c == '=' || c == '^';
}

/* Reads decimal digits into *value: the count read, or -1 on overflow
 * of Py_ssize_t. */
static int read_integer(const uint32_t *cp, size_t n, size_t *pos, int64_t *value)
{
    int64_t acc = 0;
    int count = 0;
    while (*pos < n && cp[*pos] >= '0' && cp[*pos] <= '9') {
        int d = (int)(cp[*pos] - '0');
        if (acc > (INT64_MAX - d) / 10)
            return -1;
        acc = acc * 10 + d;
        (*pos)++;
        count++;
    }
    *value = acc;
    return count;
}

static int bad_grouping(struct FmtError *err, char grouping, uint32_t type)
{
    if (type > 32 && type < 128)
        return fmt_fail(err, FMT_VALUE_ERROR, "Cannot specify '%c' with '%c'.", grouping, (char)type);
    return fmt_fail(err, FMT_VALUE_ERROR, "Cannot specify '%c' with '\\x%x'.", grouping, (unsigned)type);
}

static int parse_codepoints(struct FormatSpec *f, const uint32_t *cp, size_t n, const char *s,
                            size_t len, const char *type_name, struct FmtError *err)
{
    size_t pos = 0;
    bool fill_given = false, align_given = false;
    char default_align = f->align;
    if (n >= 2 && is_align(cp[1])) {
        f->align = (char)cp[1];
        f->fill = cp[0];
        fill_given = align_given = true;
        pos = 2;
    } else if (n >= 1 && is_align(cp[0])) {
        f->align = (char)cp[0];
        align_given = true;
        pos = 1;
    }
    if (pos < n && (cp[pos] == '+' || cp[pos] == '-' || cp[pos] == ' '))
        f->sign = (char)cp[pos++];
    if (pos < n && cp[pos] == 'z') {
        f->no_neg_0 = true;
        pos++;
    }
    if (pos < n && cp[pos] == '#') {
        f->alternate = true;
        pos++;
    }
    /* A leading 0 means zero padding after the sign, unless a fill was
     * given; strings (default '<') keep their alignment. */
    if (!fill_given && pos < n && cp[pos] == '0') {
        f->fill = '0';
        if (!align_given && default_align == '>')
            f->align = '=';
        pos++;
    }
    int got = read_integer(cp, n, &pos, &f->width);
    if (got < 0)
        return fmt_fail(err, FMT_VALUE_ERROR, "Too many decimal digits in format string");
    if (got == 0)
        f->width = -1;
    if (pos < n && cp[pos] == ',') {
        f->grouping = ',';
        pos++;
    }
    if (pos < n && cp[pos] == '_') {
        if (f->grouping)
            return fmt_fail(err, FMT_VALUE_ERROR, "Cannot specify both ',' and '_'.");
        f->grouping = '_';
        pos++;
    }
    if (pos < n && cp[pos] == ',' && f->grouping == '_')
        return fmt_fail(err, FMT_VALUE_ERROR, "Cannot specify both ',' and '_'.");
    if (pos < n && cp[pos] == '.') {
        pos++;
        got = read_integer(cp, n, &pos, &f->precision);
        if (got < 0)
            return fmt_fail(err, FMT_VALUE_ERROR, "Too many decimal digits in format string");
        if (got == 0)
            return fmt_fail(err, FMT_VALUE_ERROR, "Format specifier missing precision");
    }
    if (n - pos > 1)
        return fmt_fail(err, FMT_VALUE_ERROR,
                        "Invalid format specifier '%.*s' for object of type '%.200s'",
                        (int)len, s, type_name);
    if (n - pos == 1)
        f->type = cp[pos];

    if (f->grouping) {
        switch (f->type) {
        case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case 0:
            break;
        case 'b': case 'o': case 'x': case 'X':
            if (f->grouping == '_')
                break;
            return bad_grouping(err, f->grouping, f->type);
        default:
            return bad_grouping(err, f->grouping, f->type);
        }
    }
    return 0;
}

int format_spec_parse(struct FormatSpec *spec, const char *s, size_t len, uint32_t default_type,
                      char default_align, const char *type_name, struct FmtError *err)
{
    *spec = (struct FormatSpec){
        .fill = ' ', .align = default_align, .width = -1, .precision = -1, .type = default_type,
    };
    uint32_t small[64];
    uint32_t *cp = len <= 64 ? small : malloc(len * sizeof *cp);
    if (!cp)
        return fmt_fail(err, FMT_MEMORY_ERROR, "out of memory");
    size_t n = utf8_decode((const unsigned char *)s, len, cp);
    int rc = parse_codepoints(spec, cp, n, s, len, type_name, err);
    if (cp != small)
        free(cp);
    return rc;
}
