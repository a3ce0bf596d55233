/* f-strings, parsed the way Python 3.11 parses them: inside the STRING
 * token.  Literal text is split at braces; each replacement field's
 * expression is re-parsed as "(expr)" by a nested parser whose tree is
 * then moved to where the expression sits in the file, with CPython's
 * column quirks.  Nodes made of literal text carry the position of the
 * whole concatenation (or of one token, for a format spec's tail), as in
 * CPython.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "compiler/fstring.h"

enum { FSTRING_MAX_NESTING = 2, FSTRING_MAX_PARENS = 200 };

typedef struct Span {
    int lineno, col, end_lineno, end_col;
} Span;

typedef struct FState {
    StrBuf last;        /* literal text not yet made into a Constant */
    NodeList values;
} FState;

typedef struct FContext {
    Parser *p;
    const Token *t;     /* the token being parsed */
    Span whole;         /* all the concatenated tokens */
    const char *kind;   /* "u" if the first token has a u prefix */
} FContext;

static Span token_span(const Token *t)
{
    return (Span){t->lineno, t->col, t->end_lineno, t->end_col};
}

static void place(Expr *e, Span s)
{
    e->lineno = s.lineno;
    e->col_offset = s.col;
    e->end_lineno = s.end_lineno;
    e->end_col_offset = s.end_col;
}

static Expr *alloc_expr(FContext *c, ExprKind kind, Span s)
{
    Expr *e = arena_alloc(c->p->arena, sizeof *e);
    e->kind = kind;
    place(e, s);
    return e;
}

static void flush_literal(FContext *c, FState *st, Span s)
{
    if (!st->last.len)
        return;
    Expr *e = alloc_expr(c, Expr_Constant, s);
    e->v.Constant.value.kind = CONST_STR;
    e->v.Constant.value.v.str.s = arena_strndup(c->p->arena, st->last.data, st->last.len);
    e->v.Constant.value.v.str.len = st->last.len;
    e->v.Constant.kind = c->kind;
    st->last.len = 0;
    list_push(&st->values, e);
}

static void *fstring_error(FContext *c, const char *msg)
{
    return syntax_error(c->p, "%s", msg);
}

/* ---- moving a sub-parser's tree into place ------------------------------ */

/* Line 1 of "(expr)" is file line `line`, shifted by `col` columns, except
   from column `unshifted_from` on: CPython shifts a token only if it ends
   on the first line, so a string running onto the next line, and all that
   a nested f-string holds, stay where they are. */
typedef struct Shift {
    int line, col, unshifted_from;
} Shift;

static void shift_pos(const Shift *sh, int *lineno, int *col, int *end_lineno, int *end_col)
{
    if (*lineno == 1 && *col < sh->unshifted_from)
        *col += sh->col;
    if (*end_lineno == 1 && *end_col <= sh->unshifted_from)
        *end_col += sh->col;
    *lineno += sh->line - 1;
    *end_lineno += sh->line - 1;
}

static void shift_node(const Shift *sh, void *node, AstFieldType type);

static void shift_fields(const Shift *sh, void *node, const AstNodeInfo *info)
{
    for (int i = 0; i < info->nfields; i++) {
        const AstField *f = &info->fields[i];
        void *slot = *(void **)((char *)node + f->offset);
        if (f->type > AST_F_COMPREHENSION || !slot)
            continue;
        if (f->seq) {
            AstSeq *s = slot;
            for (int k = 0; k < s->n; k++)
                if (s->a[k])
                    shift_node(sh, s->a[k], f->type);
        } else {
            shift_node(sh, slot, f->type);
        }
    }
}

static void shift_node(const Shift *sh, void *node, AstFieldType type)
{
    switch (type) {
    case AST_F_EXPR: {
        Expr *e = node;
        shift_pos(sh, &e->lineno, &e->col_offset, &e->end_lineno, &e->end_col_offset);
        shift_fields(sh, e, &ast_expr_info[e->kind]);
        break;
    }
    case AST_F_ARG: {
        Arg *a = node;
        shift_pos(sh, &a->lineno, &a->col_offset, &a->end_lineno, &a->end_col_offset);
        shift_fields(sh, a, &ast_arg_info);
        break;
    }
    case AST_F_KEYWORD: {
        Keyword *k = node;
        shift_pos(sh, &k->lineno, &k->col_offset, &k->end_lineno, &k->end_col_offset);
        shift_fields(sh, k, &ast_keyword_info);
        break;
    }
    case AST_F_ARGUMENTS:
        shift_fields(sh, node, &ast_arguments_info);
        break;
    case AST_F_COMPREHENSION:
        shift_fields(sh, node, &ast_comprehension_info);
        break;
    default:
        break;
    }
}

/* Where CPython places "(expr)": lines and columns before the '{' within
   the token, except that a '{' followed by a line break adds no column. */
static Shift expr_shift(const Token *t, const char *brace)
{
    const char *tok = t->start;
    int lines = 0, cols = 0;
    const char *s = brace + 1;
    int newline_after_brace = 1;
    for (; *s != '}' && *s != '\n'; s++)
        if (*s != ' ' && *s != '\t' && *s != '\f') {
            newline_after_brace = 0;
            break;
        }
    if (!newline_after_brace) {
        const char *b = brace;
        while (b > tok && *b != '\n')
            b--;
        cols = (int)(brace - b) - (*b == '\n');
    }
    for (const char *q = tok; q < brace; q++)
        lines += *q == '\n';
    return (Shift){t->lineno + lines, lines ? cols : t->col + cols, INT_MAX};
}

/* Parses text[0..n) as "(text)" with a fresh parser. */
static Expr *compile_expr(FContext *c, const char *start, const char *end, const char *brace)
{
    Parser *p = c->p;
    const char *s = start;
    while (s < end && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\f'))
        s++;
    if (s == end) {
        if (*end == '!' || *end == ':' || *end == '=')
            return syntax_error(p, "f-string: expression required before '%c'", *end);
        return fstring_error(c, "f-string: empty expression not allowed");
    }
    size_t n = (size_t)(end - start);
    char *text = arena_alloc(p->arena, n + 4);
    text[0] = '(';
    memcpy(text + 1, start, n);
    memcpy(text + n + 1, ")\n", 3);
    Shift sh = expr_shift(c->t, brace);
    Source sub_src = {p->src->filename, text, n + 3, p->src->warn, p->src->warn_line_shift + sh.line - 1};
    SyntaxErr sub_err = {0};
    Parser sub = {0};
    sub.arena = p->arena;
    sub.src = &sub_src;
    sub.err = &sub_err;
    sub.depth = p->depth;
    tok_init(&sub.tok, &sub_src, &sub_err);
    Expr *e = parse_star_expressions(&sub);
    if (e && tk_type(&sub) != T_NEWLINE)
        invalid_syntax(&sub);
    if (sub.failed && sub_err.kind == ERR_NONE)
        invalid_syntax(&sub);
    for (int i = 0; i < sub.ntoks; i++)
        if (sub.toks[i].lineno == 1 && sub.toks[i].end_lineno > 1 && sub.toks[i].col < sh.unshifted_from)
            sh.unshifted_from = sub.toks[i].col;
    free(sub.toks);
    if (sub.failed) {
        p->failed = 1;
        *p->err = sub_err;
        if (sub_err.kind == ERR_SYNTAX && !sub_err.from_tokenizer) {
            static const char prefix[] = "f-string: ";
            size_t keep = sizeof p->err->msg - sizeof prefix;
            memcpy(p->err->msg, prefix, sizeof prefix - 1);
            memcpy(p->err->msg + sizeof prefix - 1, sub_err.msg, keep);
            p->err->msg[sizeof p->err->msg - 1] = 0;
        }
        if (sub_err.kind != ERR_MEMORY) {
            size_t len;
            const char *line = src_line(&sub_src, sub_err.lineno, &len);
            if (line) {
                if (len >= sizeof p->err->text)
                    len = sizeof p->err->text - 1;
                memcpy(p->err->text, line, len);
                p->err->text[len] = 0;
                p->err->has_text = 1;
            }
            p->err->lineno += sh.line - 1;
            p->err->end_lineno += sh.line - 1;
        }
        return NULL;
    }
    shift_node(&sh, e, AST_F_EXPR);
    return e;
}

/* ---- the scanner ------------------------------------------------------- */

static int concat_fstring(FContext *c, FState *st, const char **str, const char *end, int raw, int level);

/* Literal text up to an expression's '{' (or a format spec's '}'), added
   to st->last.  Returns 1 after a doubled brace (scan again), 0 at an
   expression or the end, -1 on error. */
static int find_literal(FContext *c, FState *st, const char **str, const char *end, int raw, int level)
{
    const char *s = *str, *lit = s;
    int result = 0;
    while (s < end) {
        char ch = *s++;
        if (!raw && ch == '\\' && s < end) {
            ch = *s++;
            if (ch == 'N') {
                if (s < end && *s++ == '{')
                    while (s < end && *s++ != '}')
                        ;
                continue;
            }
        }
        if (ch == '{' || ch == '}') {
            if (level == 0) {
                if (s < end && *s == ch) {
                    *str = s + 1;
                    result = 1;
                    goto done;
                }
                if (ch == '}') {
                    *str = s - 1;
                    fstring_error(c, "f-string: single '}' is not allowed");
                    return -1;
                }
            }
            s--;
            break;
        }
    }
    *str = s;
done:
    if (s != lit) {
        if (raw) {
            sbuf_put(&st->last, lit, (size_t)(s - lit));
        } else if (decode_escapes(c->p, lit, (size_t)(s - lit), 0, &st->last) < 0) {
            return -1;
        }
    }
    return result;
}

/* The end of a replacement field's expression: the first '!', ':', '='
   or '}' outside brackets and strings that is not part of an operator. */
static const char *find_expr_end(FContext *c, const char *s, const char *end)
{
    char parens[FSTRING_MAX_PARENS];
    int depth = 0, quote = 0, triple = 0;
    for (; s < end; s++) {
        char ch = *s;
        if (ch == '\\')
            return fstring_error(c, "f-string expression part cannot include a backslash");
        if (quote) {
            if (ch == quote) {
                if (!triple) {
                    quote = 0;
                } else if (s + 2 < end && s[1] == ch && s[2] == ch) {
                    s += 2;
                    quote = 0;
                }
            }
            continue;
        }
        if (ch == '\'' || ch == '"') {
            triple = s + 2 < end && s[1] == ch && s[2] == ch;
            if (triple)
                s += 2;
            quote = ch;
        } else if (ch == '[' || ch == '{' || ch == '(') {
            if (depth >= FSTRING_MAX_PARENS)
                return fstring_error(c, "f-string: too many nested parenthesis");
            parens[depth++] = ch;
        } else if (ch == '#') {
            return fstring_error(c, "f-string expression part cannot include '#'");
        } else if (depth == 0 && (ch == '!' || ch == ':' || ch == '}' || ch == '=' || ch == '>' || ch == '<')) {
            if (s + 1 < end && s[1] == '=' && ch != ':' && ch != '}') {
                s++;
                continue;
            }
            if (ch == '>' || ch == '<')
                continue;
            break;
        } else if (ch == ']' || ch == '}' || ch == ')') {
            if (!depth) {
                syntax_error(c->p, "f-string: unmatched '%c'", ch);
                return NULL;
            }
            char open = parens[--depth];
            if (!((open == '(' && ch == ')') || (open == '[' && ch == ']') || (open == '{' && ch == '}'))) {
                syntax_error(c->p, "f-string: closing parenthesis '%c' does not match opening parenthesis '%c'", ch,
                             open);
                return NULL;
            }
        }
    }
    if (quote)
        return fstring_error(c, "f-string: unterminated string");
    if (depth) {
        syntax_error(c->p, "f-string: unmatched '%c'", parens[depth - 1]);
        return NULL;
    }
    if (s >= end)
        return fstring_error(c, "f-string: expecting '}'");
    return s;
}

/* A replacement field; *str is at its '{'.  Adds the '=' text, if any,
   to st->last and returns the FormattedValue. */
static Expr *find_expr(FContext *c, FState *st, const char **str, const char *end, int raw, int level)
{
    if (level >= FSTRING_MAX_NESTING)
        return fstring_error(c, "f-string: expressions nested too deeply");
    const char *brace = *str;
    const char *start = brace + 1;
    const char *s = find_expr_end(c, start, end);
    if (!s)
        return NULL;
    Expr *value = compile_expr(c, start, s, brace);
    if (!value)
        return NULL;
    int debug = 0, conversion = -1;
    if (*s == '=') {
        s++;
        while (s < end && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\f' || *s == '\v'))
            s++;
        if (s >= end)
            return fstring_error(c, "f-string: expecting '}'");
        sbuf_put(&st->last, start, (size_t)(s - start));
        debug = 1;
    }
    if (*s == '!') {
        s++;
        if (s >= end)
            return fstring_error(c, "f-string: expecting '}'");
        conversion = (unsigned char)*s++;
        if (conversion != 's' && conversion != 'r' && conversion != 'a')
            return fstring_error(c, "f-string: invalid conversion character: expected 's', 'r', or 'a'");
    }
    Expr *spec = NULL;
    if (s < end && *s == ':') {
        s++;
        if (s >= end)
            return fstring_error(c, "f-string: expecting '}'");
        FState inner = {0};
        list_init(&inner.values);
        if (concat_fstring(c, &inner, &s, end, raw, level + 1) < 0) {
            free(inner.last.data);
            list_finish(c->p, &inner.values);
            return NULL;
        }
        flush_literal(c, &inner, token_span(c->t));
        free(inner.last.data);
        spec = alloc_expr(c, Expr_JoinedStr, token_span(c->t));
        spec->v.JoinedStr.values = list_finish(c->p, &inner.values);
    }
    if (s >= end || *s != '}')
        return fstring_error(c, "f-string: expecting '}'");
    *str = s + 1;
    if (debug && !spec && conversion == -1)
        conversion = 'r';
    Expr *fv = alloc_expr(c, Expr_FormattedValue, c->whole);
    fv->v.FormattedValue.value = value;
    fv->v.FormattedValue.conversion = conversion;
    fv->v.FormattedValue.format_spec = spec;
    return fv;
}

static int concat_fstring(FContext *c, FState *st, const char **str, const char *end, int raw, int level)
{
    if (!enter(c->p))
        return -1;
    for (;;) {
        int r = find_literal(c, st, str, end, raw, level);
        if (r < 0)
            goto fail;
        if (r == 1)
            continue;
        if (*str >= end || **str == '}')
            break;
        Expr *fv = find_expr(c, st, str, end, raw, level);
        if (!fv)
            goto fail;
        flush_literal(c, st, c->whole);
        list_push(&st->values, fv);
    }
    leave(c->p);
    if (level == 0 && *str < end - 1) {
        fstring_error(c, "f-string: unexpected end of string");
        return -1;
    }
    if (level != 0 && (*str >= end || **str != '}')) {
        fstring_error(c, "f-string: expecting '}'");
        return -1;
    }
    return 0;
fail:
    leave(c->p);
    return -1;
}

Expr *fstring_concat(Parser *p, int first, int last, Expr *e)
{
    FContext c = {.p = p, .whole = {e->lineno, e->col_offset, e->end_lineno, e->end_col_offset}};
    c.kind = *p->toks[first].start == 'u' ? "u" : NULL;
    FState st = {0};
    list_init(&st.values);
    int ok = 1;
    for (int i = first; i <= last && ok; i++) {
        Token t = p->toks[i];
        c.t = &t;
        p->str_tok = i;
        StrToken s;
        split_string_token(&t, &s);
        if (!s.is_f) {
            if (s.is_raw)
                sbuf_put(&st.last, s.body, s.len);
            else
                ok = decode_escapes(p, s.body, s.len, 0, &st.last) == 0;
            continue;
        }
        const char *str = s.body;
        ok = concat_fstring(&c, &st, &str, s.body + s.len, s.is_raw, 0) == 0;
    }
    if (ok)
        flush_literal(&c, &st, c.whole);
    free(st.last.data);
    AstSeq *values = list_finish(p, &st.values);
    if (!ok)
        return NULL;
    e->kind = Expr_JoinedStr;
    e->v.JoinedStr.values = values;
    return e;
}
