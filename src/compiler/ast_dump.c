/* ast.dump(..., include_attributes=True), driven by the node descriptions
 * of ast_nodes.c.  Constants are written as Python's repr() writes them.
 */
#include <stdio.h>

#include <gmp.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "compiler/ast_dump.h"
#include "compiler/utf8.h"
#include "vm/unicodedb.h"

static void dump_node(FILE *out, const void *node, AstFieldType type);

static void repr_str(FILE *out, const char *s, size_t n)
{
    int quote = memchr(s, '\'', n) && !memchr(s, '"', n) ? '"' : '\'';
    fputc(quote, out);
    for (size_t i = 0; i < n;) {
        unsigned cp;
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            cp = c;
            i++;
        } else {
            i += (size_t)utf8_decode(s + i, &cp);
        }
        if (cp == (unsigned)quote || cp == '\\')
            fprintf(out, "\\%c", cp);
        else if (cp == '\t')
            fputs("\\t", out);
        else if (cp == '\n')
            fputs("\\n", out);
        else if (cp == '\r')
            fputs("\\r", out);
        else if (cp < 0x20 || cp == 0x7f)
            fprintf(out, "\\x%02x", cp);
        else if (cp < 0x7f)
            fputc((int)cp, out);
        else if (uni_has(cp, UNI_F_PRINTABLE)) {
            char buf[4];
            fwrite(buf, 1, (size_t)utf8_encode(cp, buf), out);
        } else if (cp < 0x100)
            fprintf(out, "\\x%02x", cp);
        else if (cp < 0x10000)
            fprintf(out, "\\u%04x", cp);
        else
            fprintf(out, "\\U%08x", cp);
    }
    fputc(quote, out);
}

static void repr_bytes(FILE *out, const char *s, size_t n)
{
    int quote = memchr(s, '\'', n) && !memchr(s, '"', n) ? '"' : '\'';
    fprintf(out, "b%c", quote);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == quote || c == '\\')
            fprintf(out, "\\%c", c);
        else if (c == '\t')
            fputs("\\t", out);
        else if (c == '\n')
            fputs("\\n", out);
        else if (c == '\r')
            fputs("\\r", out);
        else if (c < 0x20 || c >= 0x7f)
            fprintf(out, "\\x%02x", c);
        else
            fputc(c, out);
    }
    fputc(quote, out);
}

/* repr(float): the shortest digits that read back the same, in fixed
   notation unless the exponent is very large or small.  add_dot_0 is
   off for the parts of complex numbers. */
static void repr_float(FILE *out, double d, int add_dot_0)
{
    if (isinf(d)) {
        fputs(d > 0 ? "inf" : "-inf", out);
        return;
    }
    if (isnan(d)) {
        fputs("nan", out);
        return;
    }
    char buf[64];
    for (int prec = 0; prec < 17; prec++) {
        snprintf(buf, sizeof buf, "%.*e", prec, d);
        if (strtod(buf, NULL) == d)
            break;
    }
    char digits[32];
    int nd = 0;
    const char *p = buf;
    int neg = *p == '-';
    if (neg)
        p++;
    for (; *p && *p != 'e'; p++)
        if (*p != '.')
            digits[nd++] = *p;
    int exp = atoi(p + 1);
    while (nd > 1 && digits[nd - 1] == '0')
        nd--;
    int decpt = exp + 1;
    if (neg)
        fputc('-', out);
    if (decpt <= -4 || decpt > 16) {
        fputc(digits[0], out);
        if (nd > 1)
            fprintf(out, ".%.*s", nd - 1, digits + 1);
        fprintf(out, "e%c%02d", exp < 0 ? '-' : '+', abs(exp));
    } else if (decpt <= 0) {
        fputs("0.", out);
        for (int i = 0; i < -decpt; i++)
            fputc('0', out);
        fprintf(out, "%.*s", nd, digits);
    } else if (nd <= decpt) {
        fprintf(out, "%.*s", nd, digits);
        for (int i = nd; i < decpt; i++)
            fputc('0', out);
        if (add_dot_0)
            fputs(".0", out);
    } else {
        fprintf(out, "%.*s.%.*s", decpt, digits, nd - decpt, digits + decpt);
    }
}

static void repr_constant(FILE *out, const Constant *c)
{
    switch (c->kind) {
    case CONST_NONE: fputs("None", out); break;
    case CONST_TRUE: fputs("True", out); break;
    case CONST_FALSE: fputs("False", out); break;
    case CONST_ELLIPSIS: fputs("Ellipsis", out); break;
    case CONST_INT: {
        mpz_t z;
        mpz_init(z);
        mpz_set_str(z, c->v.i.digits, c->v.i.base);
        mpz_out_str(out, 10, z);
        mpz_clear(z);
        break;
    }
    case CONST_FLOAT: repr_float(out, c->v.f, 1); break;
    case CONST_COMPLEX:
        repr_float(out, c->v.f, 0);
        fputc('j', out);
        break;
    case CONST_STR: repr_str(out, c->v.str.s, c->v.str.len); break;
    case CONST_BYTES: repr_bytes(out, c->v.str.s, c->v.str.len); break;
    }
}

static void dump_value(FILE *out, const AstField *f, const char *slot)
{
    switch (f->type) {
    case AST_F_IDENTIFIER: case AST_F_STRING: {
        const char *s = *(const char *const *)slot;
        if (s)
            repr_str(out, s, strlen(s));
        else
            fputs("None", out);
        break;
    }
    case AST_F_CONSTANT: repr_constant(out, (const Constant *)slot); break;
    case AST_F_INT: fprintf(out, "%d", *(const int *)slot); break;
    case AST_F_EXPR_CONTEXT: fprintf(out, "%s()", ast_expr_context_names[*(const int *)slot]); break;
    case AST_F_BOOLOP: fprintf(out, "%s()", ast_boolop_names[*(const int *)slot]); break;
    case AST_F_OPERATOR: fprintf(out, "%s()", ast_operator_names[*(const int *)slot]); break;
    case AST_F_UNARYOP: fprintf(out, "%s()", ast_unaryop_names[*(const int *)slot]); break;
    case AST_F_CMPOP: fprintf(out, "%s()", ast_cmpop_names[*(const int *)slot]); break;
    default: dump_node(out, *(void *const *)slot, f->type); break;
    }
}

/* Elements of sequences of enums and strings are stored in the pointer
   slots themselves. */
static void dump_seq_item(FILE *out, const AstField *f, void *item)
{
    if (f->type == AST_F_CMPOP) {
        fprintf(out, "%s()", ast_cmpop_names[(intptr_t)item]);
    } else if (f->type == AST_F_IDENTIFIER || f->type == AST_F_STRING) {
        repr_str(out, item, strlen(item));
    } else if (!item) {
        fputs("None", out);
    } else {
        dump_node(out, item, f->type);
    }
}

typedef struct Pos {
    int lineno, col, end_lineno, end_col;
} Pos;
#define POS(n) (&(Pos){(n)->lineno, (n)->col_offset, (n)->end_lineno, (n)->end_col_offset})

static void dump_fields(FILE *out, const void *node, const AstNodeInfo *info, const Pos *pos)
{
    fprintf(out, "%s(", info->name);
    const char *sep = "";
    for (int i = 0; i < info->nfields; i++) {
        const AstField *f = &info->fields[i];
        const char *slot = (const char *)node + f->offset;
        if (f->seq) {
            const AstSeq *s = *(AstSeq *const *)slot;
            fprintf(out, "%s%s=[", sep, f->name);
            for (int k = 0; k < SEQ_LEN(s); k++) {
                if (k)
                    fputs(", ", out);
                dump_seq_item(out, f, s->a[k]);
            }
            fputc(']', out);
        } else {
            if (f->opt && f->type != AST_F_INT && !*(void *const *)slot)
                continue;
            fprintf(out, "%s%s=", sep, f->name);
            dump_value(out, f, slot);
        }
        sep = ", ";
    }
    if (pos)
        fprintf(out, "%slineno=%d, col_offset=%d, end_lineno=%d, end_col_offset=%d", sep, pos->lineno, pos->col,
                pos->end_lineno, pos->end_col);
    fputc(')', out);
}

static void dump_node(FILE *out, const void *node, AstFieldType type)
{
    switch (type) {
    case AST_F_EXPR: {
        const Expr *e = node;
        dump_fields(out, e, &ast_expr_info[e->kind], POS(e));
        break;
    }
    case AST_F_STMT: {
        const Stmt *s = node;
        dump_fields(out, s, &ast_stmt_info[s->kind], POS(s));
        break;
    }
    case AST_F_PATTERN: {
        const Pattern *pt = node;
        dump_fields(out, pt, &ast_pattern_info[pt->kind], POS(pt));
        break;
    }
    case AST_F_EXCEPTHANDLER: {
        const ExceptHandler *h = node;
        dump_fields(out, h, &ast_excepthandler_info[h->kind], POS(h));
        break;
    }
    case AST_F_ARG: dump_fields(out, node, &ast_arg_info, POS((const Arg *)node)); break;
    case AST_F_KEYWORD: dump_fields(out, node, &ast_keyword_info, POS((const Keyword *)node)); break;
    case AST_F_ALIAS: dump_fields(out, node, &ast_alias_info, POS((const Alias *)node)); break;
    case AST_F_ARGUMENTS: dump_fields(out, node, &ast_arguments_info, NULL); break;
    case AST_F_WITHITEM: dump_fields(out, node, &ast_withitem_info, NULL); break;
    case AST_F_MATCH_CASE: dump_fields(out, node, &ast_match_case_info, NULL); break;
    case AST_F_COMPREHENSION: dump_fields(out, node, &ast_comprehension_info, NULL); break;
    default: break;
    }
}

void ast_dump_module(FILE *out, const Module *m)
{
    fputs("Module(body=[", out);
    for (int i = 0; i < SEQ_LEN(m->body); i++) {
        if (i)
            fputs(", ", out);
        dump_node(out, m->body->a[i], AST_F_STMT);
    }
    fputs("], type_ignores=[])\n", out);
}
