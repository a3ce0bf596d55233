/* CPython 3.11's AST optimizer rewrites `'...%s...' % (a, b)` (a constant
 * str (after folding) on the left, a non-constant tuple display on the right, only %s %r
 * %a conversions with an optional '-', width and precision) into an
 * f-string, which compiles to FORMAT_VALUE/BUILD_STRING. */
#include <string.h>

#include "compiler/compile_internal.h"

enum { MAXDIGITS = 3 };

static Expr *new_node(Compiler *c, ExprKind kind, const Expr *at)
{
    Expr *e = arena_alloc(c->arena, sizeof *e);
    e->kind = kind;
    e->lineno = at->lineno;
    e->col_offset = at->col_offset;
    e->end_lineno = at->end_lineno;
    e->end_col_offset = at->end_col_offset;
    return e;
}

static Expr *str_node(Compiler *c, const Expr *at, const char *s, size_t len)
{
    Expr *e = new_node(c, Expr_Constant, at);
    e->v.Constant.value.kind = CONST_STR;
    e->v.Constant.value.v.str.s = s;
    e->v.Constant.value.v.str.len = len;
    return e;
}

/* Literal text up to the next lone '%', with "%%" unescaped; NULL if empty. */
static Expr *parse_literal(Compiler *c, const Expr *at, const char *s, size_t n, size_t *pos)
{
    size_t start = *pos, p = start;
    while (p < n) {
        if (s[p] != '%')
            p++;
        else if (p + 1 < n && s[p + 1] == '%')
            p += 2;
        else
            break;
    }
    *pos = p;
    if (p == start)
        return NULL;
    char *buf = arena_alloc(c->arena, p - start + 1);
    size_t k = 0;
    for (size_t i = start; i < p; i++) {
        buf[k++] = s[i];
        if (s[i] == '%')
            i++;
    }
    return str_node(c, at, buf, k);
}

/* One conversion after '%', or NULL when it is not a simple one. */
static Expr *parse_format(Compiler *c, const Expr *at, const char *s, size_t n, size_t *pos, Expr *arg)
{
    size_t p = *pos;
    int ljust = 0, other_flags = 0, width = -1, prec = -1;
    char ch;
#define NEXTC                                                                   \
    do {                                                                        \
        if (p >= n)                                                             \
            return NULL;                                                        \
        ch = s[p++];                                                            \
    } while (0)
    for (;;) {
        NEXTC;
        if (ch == '-')
            ljust = 1;
        else if (ch == '+' || ch == ' ' || ch == '#' || ch == '0')
            other_flags = 1;
        else
            break;
    }
    if (ch >= '0' && ch <= '9') {
        width = 0;
        for (int digits = 0; ch >= '0' && ch <= '9';) {
            width = width * 10 + (ch - '0');
            NEXTC;
            if (++digits >= MAXDIGITS)
                return NULL;
        }
    }
    if (ch == '.') {
        NEXTC;
        prec = 0;
        for (int digits = 0; ch >= '0' && ch <= '9';) {
            prec = prec * 10 + (ch - '0');
            NEXTC;
            if (++digits >= MAXDIGITS)
                return NULL;
        }
    }
#undef NEXTC
    *pos = p;
    if (other_flags || (ch != 's' && ch != 'r' && ch != 'a'))
        return NULL;
    char spec[16];
    int k = 0;
    if (!ljust && width > 0)
        spec[k++] = '>';
    if (width >= 0)
        k += snprintf(spec + k, sizeof spec - k, "%d", width);
    if (prec >= 0)
        k += snprintf(spec + k, sizeof spec - k, ".%d", prec);
    Expr *fv = new_node(c, Expr_FormattedValue, arg);
    fv->v.FormattedValue.value = arg;
    fv->v.FormattedValue.conversion = ch;
    if (k)
        fv->v.FormattedValue.format_spec = str_node(c, at, arena_strndup(c->arena, spec, k), k);
    return fv;
}

Expr *compile_format_to_fstring(Compiler *c, Expr *e)
{
    Expr *r = e->v.BinOp.right;
    if (e->v.BinOp.op != Operator_Mod || r->kind != Expr_Tuple || const_fold_expr(c, r))
        return NULL;
    ConstVal *l = const_fold_expr(c, e->v.BinOp.left);
    if (!l || l->kind != CV_STR)
        return NULL;
    AstSeq *elts = r->v.Tuple.elts;
    SEQ_FOR(i, elts) if (((Expr *)SEQ_GET(elts, i))->kind == Expr_Starred) return NULL;
    const char *s = l->v.str.s;
    size_t n = l->v.str.len, pos = 0;
    AstSeq *seq = seq_new(c->arena, SEQ_LEN(elts) * 2 + 1);
    int count = 0, cnt = 0;
    for (;;) {
        Expr *lit = parse_literal(c, e, s, n, &pos);
        if (lit)
            seq->a[count++] = lit;
        if (pos >= n)
            break;
        if (cnt >= SEQ_LEN(elts))
            return NULL;
        pos++;
        Expr *fv = parse_format(c, e, s, n, &pos, SEQ_GET(elts, cnt));
        cnt++;
        if (!fv)
            return NULL;
        seq->a[count++] = fv;
    }
    if (cnt < SEQ_LEN(elts))
        return NULL;
    seq->n = count;
    Expr *js = new_node(c, Expr_JoinedStr, e);
    js->v.JoinedStr.values = seq;
    return js;
}
