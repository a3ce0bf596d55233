/* Expressions back to source text, as CPython's ast_unparse.c writes them:
 * the strings that `from __future__ import annotations` stores. */
#include <stdio.h>  /* before gmp.h, for mpz_out_str */
#include <gmp.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "compiler/compile_internal.h"

enum {
    PR_TUPLE, PR_TEST, PR_OR, PR_AND, PR_NOT, PR_CMP, PR_EXPR, PR_BOR = PR_EXPR, PR_BXOR, PR_BAND, PR_SHIFT,
    PR_ARITH, PR_TERM, PR_FACTOR, PR_POWER, PR_AWAIT, PR_ATOM,
};

static void expr(FILE *o, const Expr *e, int level);

static void open_if(FILE *o, int cond, const char *s)
{
    if (cond)
        fputs(s, o);
}

static void constant(FILE *o, const Constant *k)
{
    switch (k->kind) {
    case CONST_ELLIPSIS:
        fputs("...", o);
        return;
    case CONST_INT: {
        mpz_t z;
        mpz_init_set_str(z, k->v.i.digits, k->v.i.base);
        mpz_out_str(o, 10, z);
        mpz_clear(z);
        return;
    }
    case CONST_FLOAT:
    case CONST_COMPLEX:
        if (isinf(k->v.f)) {
            fputs(k->kind == CONST_COMPLEX ? "1e309j" : "1e309", o);
            return;
        }
        break;
    default:
        break;
    }
    ConstVal v = {0};
    switch (k->kind) {
    case CONST_NONE: v.kind = CV_NONE; break;
    case CONST_TRUE: v.kind = CV_TRUE; break;
    case CONST_FALSE: v.kind = CV_FALSE; break;
    case CONST_FLOAT: v.kind = CV_FLOAT, v.v.f = k->v.f; break;
    case CONST_COMPLEX: v.kind = CV_COMPLEX, v.v.c.im = k->v.f; break;
    case CONST_STR: case CONST_BYTES:
        v.kind = k->kind == CONST_STR ? CV_STR : CV_BYTES;
        v.v.str.s = k->v.str.s;
        v.v.str.len = k->v.str.len;
        break;
    default: break;
    }
    dis_const_repr(o, &v);
}

static void fstring_body(FILE *o, const Expr *e);

static void fstring_part(FILE *o, const Expr *e)
{
    if (e->kind == Expr_Constant && e->v.Constant.value.kind == CONST_STR) {
        const char *s = e->v.Constant.value.v.str.s;
        for (size_t i = 0; i < e->v.Constant.value.v.str.len; i++) {
            if (s[i] == '{' || s[i] == '}')
                fputc(s[i], o);
            fputc(s[i], o);
        }
    } else if (e->kind == Expr_JoinedStr) {
        fstring_body(o, e);
    } else if (e->kind == Expr_FormattedValue) {
        char *buf;
        size_t len;
        FILE *m = open_memstream(&buf, &len);
        expr(m, e->v.FormattedValue.value, PR_TEST + 1);
        fclose(m);
        fputc('{', o);
        if (buf[0] == '{')
            fputc(' ', o);
        fputs(buf, o);
        free(buf);
        if (e->v.FormattedValue.conversion > 0)
            fprintf(o, "!%c", e->v.FormattedValue.conversion);
        if (e->v.FormattedValue.format_spec) {
            fputc(':', o);
            fstring_part(o, e->v.FormattedValue.format_spec);
        }
        fputc('}', o);
    }
}

static void fstring_body(FILE *o, const Expr *e)
{
    if (e->kind != Expr_JoinedStr) {
        fstring_part(o, e);
        return;
    }
    SEQ_FOR(i, e->v.JoinedStr.values) fstring_part(o, SEQ_GET(e->v.JoinedStr.values, i));
}

static void fstring(FILE *o, const Expr *e)
{
    char *buf;
    size_t len;
    FILE *m = open_memstream(&buf, &len);
    fstring_body(m, e);
    fclose(m);
    fputc('f', o);
    dis_str_repr(o, buf, len, 0);
    free(buf);
}

static void seq(FILE *o, AstSeq *s, int level)
{
    SEQ_FOR(i, s) {
        if (i)
            fputs(", ", o);
        expr(o, SEQ_GET(s, i), level);
    }
}

static void args(FILE *o, const Arguments *a)
{
    int first = 1, npos = SEQ_LEN(a->posonlyargs) + SEQ_LEN(a->args);
    int ndef = SEQ_LEN(a->defaults), di = npos - ndef;
    for (int i = 0; i < npos; i++) {
        Arg *arg = i < SEQ_LEN(a->posonlyargs) ? SEQ_GET(a->posonlyargs, i)
                                               : SEQ_GET(a->args, i - SEQ_LEN(a->posonlyargs));
        fprintf(o, "%s%s", first ? "" : ", ", arg->arg);
        first = 0;
        if (i >= di) {
            fputc('=', o);
            expr(o, SEQ_GET(a->defaults, i - di), PR_TEST);
        }
        if (i + 1 == SEQ_LEN(a->posonlyargs))
            fputs(", /", o);
    }
    if (a->vararg || SEQ_LEN(a->kwonlyargs)) {
        fprintf(o, "%s*%s", first ? "" : ", ", a->vararg ? a->vararg->arg : "");
        first = 0;
    }
    SEQ_FOR(i, a->kwonlyargs) {
        Arg *arg = SEQ_GET(a->kwonlyargs, i);
        fprintf(o, ", %s", arg->arg);
        Expr *d = i < SEQ_LEN(a->kw_defaults) ? SEQ_GET(a->kw_defaults, i) : NULL;
        if (d) {
            fputc('=', o);
            expr(o, d, PR_TEST);
        }
    }
    if (a->kwarg)
        fprintf(o, "%s**%s", first ? "" : ", ", a->kwarg->arg);
}

static void comprehensions(FILE *o, AstSeq *gens)
{
    SEQ_FOR(i, gens) {
        Comprehension *g = SEQ_GET(gens, i);
        fputs(g->is_async ? " async for " : " for ", o);
        expr(o, g->target, PR_TUPLE);
        fputs(" in ", o);
        expr(o, g->iter, PR_TEST + 1);
        SEQ_FOR(k, g->ifs) {
            fputs(" if ", o);
            expr(o, SEQ_GET(g->ifs, k), PR_TEST + 1);
        }
    }
}

static void expr(FILE *o, const Expr *e, int level)
{
    static const char *const binop[] = {" + ", " - ", " * ", " @ ", " / ", " % ", " ** ",
                                        " << ", " >> ", " | ", " ^ ", " & ", " // "};
    static const int binpr[] = {PR_ARITH, PR_ARITH, PR_TERM, PR_TERM, PR_TERM, PR_TERM, PR_POWER,
                                PR_SHIFT, PR_SHIFT, PR_BOR, PR_BXOR, PR_BAND, PR_TERM};
    static const char *const cmp[] = {" == ", " != ", " < ", " <= ", " > ", " >= ", " is ", " is not ", " in ", " not in "};
    switch (e->kind) {
    case Expr_BoolOp: {
        int pr = e->v.BoolOp.op == BoolOp_And ? PR_AND : PR_OR;
        open_if(o, level > pr, "(");
        SEQ_FOR(i, e->v.BoolOp.values) {
            if (i)
                fputs(pr == PR_AND ? " and " : " or ", o);
            expr(o, SEQ_GET(e->v.BoolOp.values, i), pr + 1);
        }
        open_if(o, level > pr, ")");
        break;
    }
    case Expr_NamedExpr:
        open_if(o, level > PR_TUPLE, "(");
        expr(o, e->v.NamedExpr.target, PR_ATOM);
        fputs(" := ", o);
        expr(o, e->v.NamedExpr.value, PR_ATOM);
        open_if(o, level > PR_TUPLE, ")");
        break;
    case Expr_BinOp: {
        int pr = binpr[e->v.BinOp.op], rassoc = e->v.BinOp.op == Operator_Pow;
        open_if(o, level > pr, "(");
        expr(o, e->v.BinOp.left, pr + rassoc);
        fputs(binop[e->v.BinOp.op], o);
        expr(o, e->v.BinOp.right, pr + !rassoc);
        open_if(o, level > pr, ")");
        break;
    }
    case Expr_UnaryOp: {
        static const char *const ops[] = {"~", "not ", "+", "-"};
        int pr = e->v.UnaryOp.op == UnaryOp_Not ? PR_NOT : PR_FACTOR;
        open_if(o, level > pr, "(");
        fputs(ops[e->v.UnaryOp.op], o);
        expr(o, e->v.UnaryOp.operand, pr);
        open_if(o, level > pr, ")");
        break;
    }
    case Expr_Lambda: {
        open_if(o, level > PR_TEST, "(");
        const Arguments *a = e->v.Lambda.args;
        int has = SEQ_LEN(a->posonlyargs) || SEQ_LEN(a->args) || a->vararg || SEQ_LEN(a->kwonlyargs) || a->kwarg;
        fputs(has ? "lambda " : "lambda", o);
        args(o, a);
        fputs(": ", o);
        expr(o, e->v.Lambda.body, PR_TEST);
        open_if(o, level > PR_TEST, ")");
        break;
    }
    case Expr_IfExp:
        open_if(o, level > PR_TEST, "(");
        expr(o, e->v.IfExp.body, PR_TEST + 1);
        fputs(" if ", o);
        expr(o, e->v.IfExp.test, PR_TEST + 1);
        fputs(" else ", o);
        expr(o, e->v.IfExp.orelse, PR_TEST);
        open_if(o, level > PR_TEST, ")");
        break;
    case Expr_Dict:
        fputc('{', o);
        SEQ_FOR(i, e->v.Dict.values) {
            if (i)
                fputs(", ", o);
            Expr *k = SEQ_GET(e->v.Dict.keys, i);
            if (k) {
                expr(o, k, PR_TEST);
                fputs(": ", o);
                expr(o, SEQ_GET(e->v.Dict.values, i), PR_TEST);
            } else {
                fputs("**", o);
                expr(o, SEQ_GET(e->v.Dict.values, i), PR_EXPR);
            }
        }
        fputc('}', o);
        break;
    case Expr_Set:
        if (!SEQ_LEN(e->v.Set.elts)) {
            fputs("{*()}", o);
            break;
        }
        fputc('{', o);
        seq(o, e->v.Set.elts, PR_TEST);
        fputc('}', o);
        break;
    case Expr_ListComp:
        fputc('[', o);
        expr(o, e->v.ListComp.elt, PR_TEST);
        comprehensions(o, e->v.ListComp.generators);
        fputc(']', o);
        break;
    case Expr_SetComp:
        fputc('{', o);
        expr(o, e->v.SetComp.elt, PR_TEST);
        comprehensions(o, e->v.SetComp.generators);
        fputc('}', o);
        break;
    case Expr_DictComp:
        fputc('{', o);
        expr(o, e->v.DictComp.key, PR_TEST);
        fputs(": ", o);
        expr(o, e->v.DictComp.value, PR_TEST);
        comprehensions(o, e->v.DictComp.generators);
        fputc('}', o);
        break;
    case Expr_GeneratorExp:
        fputc('(', o);
        expr(o, e->v.GeneratorExp.elt, PR_TEST);
        comprehensions(o, e->v.GeneratorExp.generators);
        fputc(')', o);
        break;
    case Expr_Await:
        open_if(o, level > PR_AWAIT, "(");
        fputs("await ", o);
        expr(o, e->v.Await.value, PR_ATOM);
        open_if(o, level > PR_AWAIT, ")");
        break;
    case Expr_Yield:
        if (!e->v.Yield.value) {
            fputs("(yield)", o);
            break;
        }
        fputs("(yield ", o);
        expr(o, e->v.Yield.value, PR_TEST);
        fputc(')', o);
        break;
    case Expr_YieldFrom:
        fputs("(yield from ", o);
        expr(o, e->v.YieldFrom.value, PR_TEST);
        fputc(')', o);
        break;
    case Expr_Compare:
        open_if(o, level > PR_CMP, "(");
        expr(o, e->v.Compare.left, PR_CMP + 1);
        SEQ_FOR(i, e->v.Compare.ops) {
            fputs(cmp[(intptr_t)SEQ_GET(e->v.Compare.ops, i)], o);
            expr(o, SEQ_GET(e->v.Compare.comparators, i), PR_CMP + 1);
        }
        open_if(o, level > PR_CMP, ")");
        break;
    case Expr_Call: {
        expr(o, e->v.Call.func, PR_ATOM);
        AstSeq *a = e->v.Call.args, *kw = e->v.Call.keywords;
        if (SEQ_LEN(a) == 1 && !SEQ_LEN(kw) && ((Expr *)SEQ_GET(a, 0))->kind == Expr_GeneratorExp) {
            expr(o, SEQ_GET(a, 0), PR_TEST);
            break;
        }
        fputc('(', o);
        seq(o, a, PR_TEST);
        SEQ_FOR(i, kw) {
            Keyword *k = SEQ_GET(kw, i);
            if (i || SEQ_LEN(a))
                fputs(", ", o);
            if (k->arg)
                fprintf(o, "%s=", k->arg);
            else
                fputs("**", o);
            expr(o, k->value, PR_TEST);
        }
        fputc(')', o);
        break;
    }
    case Expr_FormattedValue:
    case Expr_JoinedStr:
        fstring(o, e);
        break;
    case Expr_Constant:
        constant(o, &e->v.Constant.value);
        break;
    case Expr_Attribute: {
        const Expr *v = e->v.Attribute.value;
        expr(o, v, PR_ATOM);
        fputs(v->kind == Expr_Constant && v->v.Constant.value.kind == CONST_INT ? " ." : ".", o);
        fputs(e->v.Attribute.attr, o);
        break;
    }
    case Expr_Subscript:
        expr(o, e->v.Subscript.value, PR_ATOM);
        fputc('[', o);
        expr(o, e->v.Subscript.slice, PR_TUPLE);
        fputc(']', o);
        break;
    case Expr_Starred:
        fputc('*', o);
        expr(o, e->v.Starred.value, PR_EXPR);
        break;
    case Expr_Name:
        fputs(e->v.Name.id, o);
        break;
    case Expr_List:
        fputc('[', o);
        seq(o, e->v.List.elts, PR_TEST);
        fputc(']', o);
        break;
    case Expr_Tuple: {
        int n = SEQ_LEN(e->v.Tuple.elts);
        if (!n) {
            fputs("()", o);
            break;
        }
        open_if(o, level > PR_TUPLE, "(");
        seq(o, e->v.Tuple.elts, PR_TEST);
        if (n == 1)
            fputc(',', o);
        open_if(o, level > PR_TUPLE, ")");
        break;
    }
    case Expr_Slice:
        if (e->v.Slice.lower)
            expr(o, e->v.Slice.lower, PR_TEST);
        fputc(':', o);
        if (e->v.Slice.upper)
            expr(o, e->v.Slice.upper, PR_TEST);
        if (e->v.Slice.step) {
            fputc(':', o);
            expr(o, e->v.Slice.step, PR_TEST);
        }
        break;
    }
}

const char *unparse_expr(Arena *a, const Expr *e)
{
    char *buf;
    size_t len;
    FILE *m = open_memstream(&buf, &len);
    expr(m, e, PR_TEST);
    fclose(m);
    const char *r = arena_strndup(a, buf, len);
    free(buf);
    return r;
}
