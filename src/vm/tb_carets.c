/*
** The position markers under a traceback's source line, as CPython 3.11's
** C printer draws them:
**
**     return x / 0
**            ~~^~~
**
** The instruction's span (byte columns, from the code object's position
** table) is underlined with '^'.  When the span is on one line, it is
** parsed on its own; if it is a binary operation or a subscript, the
** operands are drawn with '~' and the operator (or the brackets) with '^'.
** No markers are drawn when the span covers the whole stripped line and
** there is no such split.  A span over several lines is underlined up to
** the last non-blank character of its first line.
*/
#include <stdlib.h>
#include <string.h>

#include "compiler/code.h"
#include "compiler/parser.h"
#include "vm/runtime.h"

char *tb_caret_line(const char *line, size_t len, const LineEntry *pos);

/* The number of characters in the first `n` bytes of UTF-8 text. */
static long chars_in(const char *s, size_t n)
{
    long k = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            k++;
    return k;
}

/* A byte column of the line as a character column; past the end counts
   as one past the last character, as CPython's conversion does. */
static long char_col(const char *line, size_t len, int col)
{
    if ((size_t)col > len)
        return chars_in(line, len) + 1;
    return chars_in(line, (size_t)col);
}

static bool blank(char c)
{
    return c == ' ' || c == '\t' || c == '\f' || c == '\n' || c == '\r' || c == '\v';
}

/* The operator of a binary operation: the first non-blank character
   between the operands that is not a closing parenthesis of the left
   operand, and the character after it if that is not blank either (//,
   **, <<, ...).  Returns false when no character qualifies; *lo, *hi are
   still set to the last one looked at (CPython then draws all '^'). */
static bool binop_anchor(const char *seg, const Expr *e, int *lo, int *hi)
{
    int from = e->v.BinOp.left->end_col_offset, to = e->v.BinOp.right->col_offset;
    for (int i = from; i < to; i++) {
        if (blank(seg[i]))
            continue;
        *lo = i;
        *hi = i + 1;
        if (i + 1 < to && !blank(seg[i + 1]))
            (*hi)++;
        if (seg[i] == ')' && i + 1 < to)
            continue;
        return true;
    }
    return false;
}

/* Brackets of a subscript: from its '[' to its ']' included. */
static void subscript_anchor(const char *seg, size_t n, const Expr *e, int *lo, int *hi)
{
    size_t l = (size_t)e->v.Subscript.value->end_col_offset;
    size_t r = (size_t)e->v.Subscript.slice->end_col_offset + 1;
    while (l < n && seg[l] != '[')
        l++;
    while (r < n && seg[r] != ']')
        r++;
    if (r < n)
        r++;
    *lo = (int)l;
    *hi = (int)r;
}

/* Parses the span's text; 1 with the split (byte offsets into seg) and
   whether '~'/'^' are used, 0 when the span is not one expression that
   splits. */
static int anchors(const char *seg, size_t n, int *lo, int *hi, bool *tilde)
{
    char *text = malloc(n + 1);
    if (!text)
        return 0;
    memcpy(text, seg, n);
    text[n] = 0;
    SyntaxErr err;
    memset(&err, 0, sizeof err);
    Source src = { .filename = "<traceback>", .text = text, .len = n };
    Arena *arena = arena_new();
    Module *m = parse_module(arena, &src, &err);
    int found = 0;
    *lo = *hi = -1;
    *tilde = false;
    if (m && SEQ_LEN(m->body) == 1) {
        const Stmt *s = SEQ_GET(m->body, 0);
        const Expr *e = s->kind == Stmt_Expr ? s->v.Expr.value : NULL;
        if (e && e->kind == Expr_BinOp) {
            *tilde = binop_anchor(text, e, lo, hi);
            found = 1;
        } else if (e && e->kind == Expr_Subscript) {
            subscript_anchor(text, n, e, lo, hi);
            *tilde = true;
            found = 1;
        }
    }
    arena_free(arena);
    free(text);
    return found;
}

/* The marker line (with its 4 columns of indentation, no line end) for
   source line `line` (len bytes, no line end, indentation included) and
   the instruction's span, malloc'ed; NULL when nothing is drawn. */
char *tb_caret_line(const char *line, size_t len, const LineEntry *pos)
{
    if (pos->lineno < 0 || pos->end_lineno < 0 || pos->col < 0 || pos->end_col < 0)
        return NULL;
    size_t indent = 0;
    while (indent < len && (line[indent] == ' ' || line[indent] == '\t' || line[indent] == '\f'))
        indent++;
    long start = char_col(line, len, pos->col), end = char_col(line, len, pos->end_col);
    long left = -1, right = -1;
    bool split = false, tilde = false;
    if (pos->lineno == pos->end_lineno) {
        if (pos->end_col > pos->col && (size_t)pos->end_col <= len) {
            int lo, hi;
            const char *seg = line + pos->col;
            if (anchors(seg, (size_t)(pos->end_col - pos->col), &lo, &hi, &tilde) && lo >= 0) {
                split = true;
                left = start + chars_in(seg, (size_t)lo);
                right = start + chars_in(seg, (size_t)hi);
            }
        }
    } else {
        /* Up to the last non-blank byte (CPython counts bytes here). */
        long i = (long)len;
        while (--i >= 0 && blank(line[i]))
            ;
        end = i + 1;
    }
    long stripped = chars_in(line, len) - (long)indent;
    if (end - start == stripped && !split)
        return NULL;
    long first = (long)indent - 4;   /* the column printed first, minus one */
    if (end <= first)
        return NULL;
    char *out = malloc((size_t)(end - first) + 1), *p = out;
    if (!out)
        return NULL;
    for (long col = first + 1; col <= end; col++) {
        if (col <= start)
            *p++ = ' ';
        else if (split && left < col && col <= right)
            *p++ = '^';
        else
            *p++ = tilde ? '~' : '^';
    }
    *p = 0;
    return out;
}
