/* Recording and printing syntax errors in CPython's format. */
#include <stdarg.h>
#include <string.h>

#include "compiler/syntax_error.h"

const char *src_line(const Source *src, int lineno, size_t *len)
{
    const char *p = src->text, *end = src->text + src->len;
    for (int l = 1; l < lineno && p < end; l++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl)
            return NULL;
        p = nl + 1;
    }
    if (p >= end || lineno < 1)
        return NULL;
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    *len = (size_t)((nl ? nl : end) - p);
    return p;
}

static int utf8_chars(const char *s, size_t n)
{
    int count = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            count++;
    return count;
}

int src_char_offset(const Source *src, int lineno, int byte_col)
{
    size_t len;
    const char *line = src_line(src, lineno, &len);
    if (!line || byte_col < 0)
        return byte_col + 1;
    if ((size_t)byte_col > len)
        return utf8_chars(line, len) + 1 + (byte_col - (int)len);
    return utf8_chars(line, (size_t)byte_col) + 1;
}

void err_set(SyntaxErr *err, const Source *src, ErrKind kind, int lineno, int col,
             int end_lineno, int end_col, const char *fmt, ...)
{
    if (err->kind != ERR_NONE)
        return;
    err->kind = kind;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
    err->lineno = lineno;
    err->offset = col < 0 ? col + 1 : src_char_offset(src, lineno, col);
    err->end_lineno = end_lineno;
    if (end_col == -1)
        err->end_offset = -1;
    else if (end_col < -1)
        err->end_offset = 0;
    else
        err->end_offset = src_char_offset(src, end_lineno, end_col);
}

int src_warn(const Source *src, SyntaxErr *err, WarnCategory cat, int lineno, int col,
             int end_lineno, int end_col, const char *msg)
{
    int r = src->warn ? src->warn(src, cat, lineno + src->warn_line_shift, msg) : 0;
    if (r > 0)
        err_set(err, src, ERR_SYNTAX, lineno, col, end_lineno, end_col, "%s", msg);
    else if (r < 0 && err->kind == ERR_NONE)
        err->kind = ERR_RAISED;
    return r ? -1 : 0;
}

const char *err_kind_name(ErrKind kind)
{
    switch (kind) {
    case ERR_INDENTATION: return "IndentationError";
    case ERR_TAB: return "TabError";
    case ERR_RECURSION: return "RecursionError";
    case ERR_MEMORY: return "MemoryError";
    default: return "SyntaxError";
    }
}

/* CPython strips the line's indentation and moves the caret with it; the
   offset is in characters while the clipping length is in bytes, a quirk
   kept here so that the output matches. */
void err_print(const SyntaxErr *err, const Source *src, FILE *out)
{
    if (err->kind == ERR_RECURSION || err->kind == ERR_MEMORY) {
        fprintf(out, "%s%s%s\n", err_kind_name(err->kind), err->msg[0] ? ": " : "", err->msg);
        return;
    }
    if (err->lineno < 0) {
        fprintf(out, "%s: %s\n", err_kind_name(err->kind), err->msg);
        return;
    }
    fprintf(out, "  File \"%s\", line %d\n", src->filename, err->lineno);
    size_t len;
    const char *line = src->text ? src_line(src, err->lineno, &len) : NULL;
    if (err->has_text) {
        line = err->text;
        len = strlen(line);
    }
    if (line) {
        int offset = err->offset - 1;
        int end_offset = err->end_lineno == err->lineno ? err->end_offset - 1 : -1;
        while (len && (*line == ' ' || *line == '\t' || *line == '\f')) {
            line++;
            len--;
            offset--;
            end_offset--;
        }
        fprintf(out, "    %.*s\n", (int)len, line);
        if (offset >= 0) {
            if ((size_t)offset > len)
                offset = (int)len;
            /* CPython underlines indentation errors with one caret. */
            int carets = end_offset > offset && err->kind == ERR_SYNTAX ? end_offset - offset : 1;
            fprintf(out, "    %*s", offset, "");
            for (int i = 0; i < carets; i++)
                fputc('^', out);
            fputc('\n', out);
        }
    }
    fprintf(out, "%s: %s\n", err_kind_name(err->kind), err->msg);
}
