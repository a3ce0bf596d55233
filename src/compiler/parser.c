/* Parser plumbing: the token buffer, errors, node allocation, and the
 * choice between competing errors that CPython makes.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "compiler/parser.h"
#include "compiler/utf8.h"
#include "vm/unicodedb.h"

static Token error_token = {.type = T_ERRORTOKEN};

Token *tk_at(Parser *p, int i)
{
    while (p->ntoks <= i) {
        if (p->tok_failed)
            return &error_token;
        if (p->ntoks == p->cap) {
            p->cap = p->cap ? p->cap * 2 : 256;
            p->toks = realloc(p->toks, (size_t)p->cap * sizeof *p->toks);
            if (!p->toks) {
                fputs("stmpy: out of memory\n", stderr);
                abort();
            }
        }
        if (tok_next(&p->tok, &p->toks[p->ntoks]) < 0) {
            p->tok_failed = 1;
            p->failed = 1;
            return &error_token;
        }
        p->ntoks++;
    }
    if (i > p->max_pos)
        p->max_pos = i;
    return &p->toks[i];
}

Token *tk(Parser *p) { return tk_at(p, p->pos); }
TokType tk_type(Parser *p) { return tk_at(p, p->pos)->type; }
TokType tk_peek_type(Parser *p, int ahead) { return tk_at(p, p->pos + ahead)->type; }

int accept(Parser *p, TokType t)
{
    if (tk_type(p) != t)
        return 0;
    p->pos++;
    return 1;
}

/* Consumes a required token; `what` is CPython's "expected 'X'" wording,
   or NULL for the generic error. */
Token *expect(Parser *p, TokType t, const char *what)
{
    Token *k = tk(p);
    if (k->type == t) {
        p->pos++;
        return k;
    }
    if (p->failed)
        return NULL;
    if (what)
        return syntax_error(p, "expected '%s'", what);
    return invalid_syntax(p);
}

int at_name(Parser *p, const char *s)
{
    Token *t = tk(p);
    return t->type == T_NAME && (size_t)t->len == strlen(s) && !memcmp(t->start, s, (size_t)t->len);
}

/* CPython's parser gives up (MemoryError) when its rules nest 6000 deep.
   stmpy's recursive functions stand for one or more of CPython's rules
   and count with weights that make it give up at the same nesting as
   CPython 3.11 for unary operators, 'not' and conditionals (5967 deep in
   an assignment) and for lambda and '**' (2983). */
int enter_n(Parser *p, int n)
{
    p->depth += n;
    if (p->depth > PARSER_MAX_DEPTH) {
        if (!p->failed) {
            p->err->kind = ERR_MEMORY;
            p->err->msg[0] = 0;
            p->failed = 1;
        }
        p->depth -= n;
        return 0;
    }
    return 1;
}

/* ---- errors ------------------------------------------------------------ */

static void *verror(Parser *p, ErrKind kind, int lineno, int col, int end_lineno, int end_col,
                    const char *fmt, va_list ap)
{
    if (p->failed)
        return NULL;
    p->failed = 1;
    char msg[400];
    vsnprintf(msg, sizeof msg, fmt, ap);
    err_set(p->err, p->src, kind, lineno, col, end_lineno, end_col, "%s", msg);
    return NULL;
}

void *syntax_error_at(Parser *p, int lineno, int col, int end_lineno, int end_col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    verror(p, ERR_SYNTAX, lineno, col, end_lineno, end_col, fmt, ap);
    va_end(ap);
    return NULL;
}

/* At the current token, as CPython's plain RAISE_SYNTAX_ERROR does (it
   uses the last token the parser has read). */
void *syntax_error(Parser *p, const char *fmt, ...)
{
    Token *t = tk(p);
    if (p->failed)
        return NULL;
    va_list ap;
    va_start(ap, fmt);
    verror(p, ERR_SYNTAX, t->lineno, t->col, t->end_lineno, t->end_col, fmt, ap);
    va_end(ap);
    return NULL;
}

void *error_at_token(Parser *p, Token *t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    verror(p, ERR_SYNTAX, t->lineno, t->col, t->end_lineno, t->end_col, fmt, ap);
    va_end(ap);
    return NULL;
}

void *error_at_expr(Parser *p, Expr *e, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    verror(p, ERR_SYNTAX, e->lineno, e->col_offset, e->end_lineno, e->end_col_offset, fmt, ap);
    va_end(ap);
    return NULL;
}

void *indentation_error(Parser *p, Token *t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    verror(p, ERR_INDENTATION, t->lineno, t->col, t->end_lineno, t->end_col, fmt, ap);
    va_end(ap);
    return NULL;
}

/* CPython's second pass tries to read an expression where the first one
   stopped (to suggest a missing comma), so a tokenizer error inside that
   expression, such as an unclosed bracket, is what it reports. */
static int tokenizer_error_ahead(Parser *p, int at)
{
    if (p->speculating || at == 0 || !could_start_expression(tk_at(p, at)->type))
        return 0;
    switch (tk_at(p, at - 1)->type) {
    case T_NAME: case T_NUMBER: case T_STRING: case T_RPAR: case T_RSQB: case T_RBRACE:
    case T_TRUE: case T_FALSE: case T_NONE: case T_ELLIPSIS:
        break;
    default:
        return 0;
    }
    int save = p->pos;
    SyntaxErr saved = *p->err;
    p->speculating = 1;
    p->pos = at;
    parse_expression(p);
    p->speculating = 0;
    if (p->tok_failed)
        return 1;
    p->failed = 0;
    *p->err = saved;
    p->pos = save;
    return 0;
}

void *invalid_syntax(Parser *p)
{
    if (p->failed)
        return NULL;
    int at = p->max_pos > p->pos ? p->max_pos : p->pos;
    Token *t = tk_at(p, at);
    if (p->failed)
        return NULL;
    if (t->type == T_INDENT || t->type == T_DEDENT) {
        indentation_error(p, t, t->type == T_INDENT ? "unexpected indent" : "unexpected unindent");
        if (t->type == T_INDENT)
            p->err->end_offset = -1;
        p->indent_error = 1;
        return NULL;
    }
    if (tokenizer_error_ahead(p, at))
        return NULL;
    return error_at_token(p, tk_at(p, at), "invalid syntax");
}

/* ---- nodes ------------------------------------------------------------- */

void set_end(Parser *p, int *end_lineno, int *end_col)
{
    Token *last = &p->toks[p->pos > 0 ? p->pos - 1 : 0];
    *end_lineno = last->end_lineno;
    *end_col = last->end_col;
}

/* Compound statements end at their last token that is not NEWLINE,
   INDENT or DEDENT: a trailing ';' counts, as in CPython. */
void set_block_end(Parser *p, int *end_lineno, int *end_col)
{
    int i = p->pos - 1;
    while (i > 0 && (p->toks[i].type == T_NEWLINE || p->toks[i].type == T_INDENT || p->toks[i].type == T_DEDENT))
        i--;
    *end_lineno = p->toks[i].end_lineno;
    *end_col = p->toks[i].end_col;
}

void set_loc(Parser *p, int start, int *lineno, int *col, int *end_lineno, int *end_col)
{
    Token *s = &p->toks[start];
    *lineno = s->lineno;
    *col = s->col;
    set_end(p, end_lineno, end_col);
}

Expr *new_expr(Parser *p, ExprKind kind, int start)
{
    Expr *e = arena_alloc(p->arena, sizeof *e);
    e->kind = kind;
    set_loc(p, start, &e->lineno, &e->col_offset, &e->end_lineno, &e->end_col_offset);
    return e;
}

Stmt *new_stmt(Parser *p, StmtKind kind, int start)
{
    Stmt *s = arena_alloc(p->arena, sizeof *s);
    s->kind = kind;
    set_loc(p, start, &s->lineno, &s->col_offset, &s->end_lineno, &s->end_col_offset);
    return s;
}

Pattern *new_pattern(Parser *p, PatternKind kind, int start)
{
    Pattern *s = arena_alloc(p->arena, sizeof *s);
    s->kind = kind;
    set_loc(p, start, &s->lineno, &s->col_offset, &s->end_lineno, &s->end_col_offset);
    return s;
}

void list_init(NodeList *l)
{
    l->a = l->inline_buf;
    l->n = 0;
    l->cap = 8;
}

void list_push(NodeList *l, void *x)
{
    if (l->n == l->cap) {
        int cap = l->cap * 2;
        void **a = l->a == l->inline_buf ? malloc((size_t)cap * sizeof *a)
                                         : realloc(l->a, (size_t)cap * sizeof *a);
        if (!a) {
            fputs("stmpy: out of memory\n", stderr);
            abort();
        }
        if (l->a == l->inline_buf)
            memcpy(a, l->inline_buf, sizeof l->inline_buf);
        l->a = a;
        l->cap = cap;
    }
    l->a[l->n++] = x;
}

AstSeq *list_finish(Parser *p, NodeList *l)
{
    AstSeq *s = seq_new(p->arena, l->n);
    if (l->n)
        memcpy(s->a, l->a, (size_t)l->n * sizeof(void *));
    if (l->a != l->inline_buf)
        free(l->a);
    list_init(l);
    return s;
}

/* Identifiers are NFKC-normalised, as PEP 3131 requires. */
const char *normalize_identifier(Parser *p, const char *s, int n)
{
    int ascii = 1;
    for (int i = 0; i < n; i++)
        if ((unsigned char)s[i] >= 128)
            ascii = 0;
    if (ascii)
        return arena_strndup(p->arena, s, (size_t)n);
    uint32_t buf[256], *cps = n <= 256 ? buf : malloc((size_t)n * sizeof *cps);
    size_t k = 0;
    for (int i = 0; i < n;) {
        unsigned cp;
        i += utf8_decode(s + i, &cp);
        cps[k++] = cp;
    }
    size_t on;
    uint32_t *norm = uni_normalize(UNI_NFKC, cps, k, &on);
    if (cps != buf)
        free(cps);
    char *out = arena_alloc(p->arena, on * 4 + 1);
    size_t w = 0;
    for (size_t i = 0; i < on; i++)
        w += (size_t)utf8_encode(norm[i], out + w);
    free(norm);
    return out;
}

const char *tok_identifier(Parser *p, Token *t)
{
    return normalize_identifier(p, t->start, t->len);
}

/* ---- entry point ------------------------------------------------------- */

/* After a parser error CPython tokenizes the rest of the file: an error
   that its tokenizer raises on the spot wins over the parser's, and an
   unclosed bracket wins if it opened on an earlier line. */
static void check_rest_of_file(Parser *p)
{
    if (p->tok_failed || p->err->kind == ERR_MEMORY || p->indent_error)
        return;
    SyntaxErr later = {0};
    p->tok.err = &later;
    Token t;
    while (tok_next(&p->tok, &t) == 0 && t.type != T_ENDMARKER)
        ;
    if (p->tok.err_class == TOKERR_RAISED ||
        (p->tok.err_class == TOKERR_UNCLOSED && later.lineno < p->err->lineno))
        *p->err = later;
    p->tok.err = p->err;
}

/* The three start symbols share the set-up and the error epilogue. */
enum start_symbol { FILE_INPUT, SINGLE_INPUT, EVAL_INPUT };

static void *parse_start(Arena *arena, const Source *src, SyntaxErr *err, enum start_symbol start)
{
    Parser p = {0};
    p.arena = arena;
    p.src = src;
    p.err = err;
    tok_init(&p.tok, src, err);
    AstSeq *body = NULL;
    Expr *expr = NULL;
    if (start == EVAL_INPUT) {
        expr = parse_star_expressions(&p);
        while (expr && accept(&p, T_NEWLINE))
            ;
        if (expr && !p.failed && tk_type(&p) != T_ENDMARKER)
            invalid_syntax(&p);
        if (!expr && !p.failed)
            invalid_syntax(&p);
    } else {
        body = start == SINGLE_INPUT ? parse_single_statement(&p) : parse_statements(&p);
    }
    if (p.failed && err->kind == ERR_NONE) {
        p.failed = 0;
        invalid_syntax(&p);
    }
    if (p.failed && !p.tok_failed)
        check_rest_of_file(&p);
    free(p.toks);
    if (p.failed)
        return NULL;
    if (start == EVAL_INPUT)
        return expr;
    Module *m = arena_alloc(arena, sizeof *m);
    m->body = body;
    return m;
}

Module *parse_module(Arena *arena, const Source *src, SyntaxErr *err)
{
    return parse_start(arena, src, err, FILE_INPUT);
}

Module *parse_interactive(Arena *arena, const Source *src, SyntaxErr *err)
{
    return parse_start(arena, src, err, SINGLE_INPUT);
}

Expr *parse_eval_input(Arena *arena, const Source *src, SyntaxErr *err)
{
    return parse_start(arena, src, err, EVAL_INPUT);
}
