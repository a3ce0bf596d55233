/* A disassembler in the spirit of `python3 -m dis`, for tests and for
 * looking at what the compiler produced. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "compiler/compile_internal.h"

/* Python's repr of a float: the shortest digits that round-trip, in fixed
   notation when the exponent is in [-4, 16), with ".0" for integral
   values in fixed notation when add_dot_0. */
static void float_repr(char *out, size_t n, double d, int add_dot_0)
{
    if (isnan(d)) {
        snprintf(out, n, "nan");
        return;
    }
    if (isinf(d)) {
        snprintf(out, n, d > 0 ? "inf" : "-inf");
        return;
    }
    char buf[64];
    int prec;
    for (prec = 1; prec <= 17; prec++) {
        snprintf(buf, sizeof buf, "%.*e", prec - 1, d);
        if (strtod(buf, NULL) == d)
            break;
    }
    /* buf: [-]D.DDDDe[+-]XX */
    int neg = buf[0] == '-';
    char *p = buf + neg;
    char digits[32];
    int nd = 0;
    for (; *p && *p != 'e'; p++)
        if (*p != '.')
            digits[nd++] = *p;
    while (nd > 1 && digits[nd - 1] == '0')
        nd--;
    digits[nd] = 0;
    int exp = atoi(p + 1);
    char *o = out;
    size_t left = n;
#define PUT(...) do { int w_ = snprintf(o, left, __VA_ARGS__); o += w_; left -= w_; } while (0)
    if (neg)
        PUT("-");
    if (exp < -4 || exp >= 16) {
        PUT("%c", digits[0]);
        if (nd > 1)
            PUT(".%s", digits + 1);
        PUT("e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
    } else if (exp < 0) {
        PUT("0.");
        for (int i = 0; i < -exp - 1; i++)
            PUT("0");
        PUT("%s", digits);
    } else {
        for (int i = 0; i <= exp; i++)
            PUT("%c", i < nd ? digits[i] : '0');
        if (nd > exp + 1)
            PUT(".%s", digits + exp + 1);
        else if (add_dot_0)
            PUT(".0");
    }
#undef PUT
}

void dis_str_repr(FILE *out, const char *s, size_t len, int bytes)
{
    int has_sq = memchr(s, '\'', len) != NULL, has_dq = memchr(s, '"', len) != NULL;
    char q = has_sq && !has_dq ? '"' : '\'';
    if (bytes)
        fputc('b', out);
    fputc(q, out);
    for (size_t i = 0; i < len; i++) {
        unsigned char ch = s[i];
        if (ch == q || ch == '\\')
            fprintf(out, "\\%c", ch);
        else if (ch == '\n')
            fputs("\\n", out);
        else if (ch == '\r')
            fputs("\\r", out);
        else if (ch == '\t')
            fputs("\\t", out);
        else if (ch < 0x20 || ch == 0x7f || (bytes && ch >= 0x80))
            fprintf(out, "\\x%02x", ch);
        else if (ch == 0xed && i + 2 < len && (unsigned char)s[i + 1] >= 0xa0) {
            /* a lone surrogate (WTF-8) */
            unsigned cp = ((ch & 0x0f) << 12) | ((s[i + 1] & 0x3f) << 6) | (s[i + 2] & 0x3f);
            fprintf(out, "\\u%04x", cp);
            i += 2;
        } else if (ch == 0xc2 && i + 1 < len && (unsigned char)s[i + 1] < 0xa0) {
            fprintf(out, "\\x%02x", (unsigned char)s[i + 1]);
            i++;
        } else
            fputc(ch, out);
    }
    fputc(q, out);
}

void dis_const_repr(FILE *out, const ConstVal *v)
{
    char buf[80], buf2[80];
    switch (v->kind) {
    case CV_NONE: fputs("None", out); break;
    case CV_TRUE: fputs("True", out); break;
    case CV_FALSE: fputs("False", out); break;
    case CV_ELLIPSIS: fputs("Ellipsis", out); break;
    case CV_INT: fputs(v->v.i, out); break;
    case CV_FLOAT:
        float_repr(buf, sizeof buf, v->v.f, 1);
        fputs(buf, out);
        break;
    case CV_COMPLEX:
        float_repr(buf2, sizeof buf2, v->v.c.im, 0);
        if (v->v.c.re == 0.0 && !signbit(v->v.c.re)) {
            fprintf(out, "%sj", buf2);
        } else {
            float_repr(buf, sizeof buf, v->v.c.re, 0);
            fprintf(out, "(%s%s%sj)", buf, v->v.c.im >= 0 || isnan(v->v.c.im) ? "+" : "", buf2);
        }
        break;
    case CV_STR:
    case CV_BYTES:
        dis_str_repr(out, v->v.str.s, v->v.str.len, v->kind == CV_BYTES);
        break;
    case CV_TUPLE:
    case CV_FROZENSET:
        fputs(v->kind == CV_TUPLE ? "(" : "frozenset({", out);
        for (int i = 0; i < v->v.tup.n; i++) {
            if (i)
                fputs(", ", out);
            dis_const_repr(out, v->v.tup.items[i]);
        }
        fputs(v->kind == CV_TUPLE ? (v->v.tup.n == 1 ? ",)" : ")") : "})", out);
        break;
    case CV_CODE:
        fprintf(out, "<code object %s, file \"%s\", line %d>", v->v.code->name, v->v.code->filename,
                v->v.code->firstlineno);
        break;
    }
}

static const char *const binop_names[] = {
    "+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^",
    "+=", "&=", "//=", "<<=", "@=", "*=", "%=", "|=", "**=", ">>=", "-=", "/=", "^=",
};
static const char *const cmp_names[] = {"<", "<=", "==", "!=", ">", ">="};

static void print_flags(FILE *out, int flags)
{
    static const struct { int bit; const char *name; } names[] = {
        {CO_OPTIMIZED, "OPTIMIZED"}, {CO_NEWLOCALS, "NEWLOCALS"}, {CO_VARARGS, "VARARGS"},
        {CO_VARKEYWORDS, "VARKEYWORDS"}, {CO_NESTED, "NESTED"}, {CO_GENERATOR, "GENERATOR"},
        {CO_COROUTINE, "COROUTINE"}, {CO_ITERABLE_COROUTINE, "ITERABLE_COROUTINE"},
        {CO_ASYNC_GENERATOR, "ASYNC_GENERATOR"}, {CO_FUTURE_ANNOTATIONS, "FUTURE_ANNOTATIONS"},
        {CO_FUTURE_BARRY_AS_BDFL, "FUTURE_BARRY_AS_BDFL"},
    };
    int first = 1;
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (flags & names[i].bit) {
            fprintf(out, "%s%s", first ? "" : "|", names[i].name);
            first = 0;
        }
    if (first)
        fputs("0", out);
}

static void dis_one(FILE *out, const CodeUnit *c)
{
    fprintf(out, "Disassembly of <code object %s, file \"%s\", line %d>:\n", c->name, c->filename, c->firstlineno);
    fprintf(out, "# qualname %s, flags ", c->qualname);
    print_flags(out, c->flags);
    fprintf(out, ", args %d/%d/%d, stacksize %d, caches %d\n", c->argcount, c->posonlyargcount, c->kwonlyargcount,
            c->stacksize, c->ncaches);
    if (c->nlocalsplus) {
        fputs("# localsplus:", out);
        for (int i = 0; i < c->nlocalsplus; i++) {
            int k = c->kinds[i];
            fprintf(out, " %s(%s%s%s)", c->localsplus[i], (k & CO_FAST_LOCAL) ? "local" : "",
                    (k & CO_FAST_LOCAL) && (k & CO_FAST_CELL) ? "+" : "", (k & CO_FAST_CELL) ? "cell"
                                                                          : (k & CO_FAST_FREE) ? "free" : "");
        }
        fputc('\n', out);
    }
    char *is_target = calloc(c->ncode + 1, 1);
    for (int i = 0; i < c->ncode;) {
        unsigned op = INSTR_OP(c->code[i]);
        unsigned arg = INSTR_ARG(c->code[i]);
        int j = i;
        while (op == OP_EXTENDED_ARG && j + 1 < c->ncode) {
            j++;
            arg = (arg << 24) | INSTR_ARG(c->code[j]);
            op = INSTR_OP(c->code[j]);
        }
        if (op < OP_COUNT && opcode_info[op].is_jump && arg < (unsigned)c->ncode)
            is_target[arg] = 1;
        i = j + 1 + (op < OP_COUNT && opcode_info[op].has_cache);
    }
    for (int e = 0; e < c->nexc; e++)
        if (c->exctable[e].target < c->ncode)
            is_target[c->exctable[e].target] = 1;
    int lastline = -2;
    for (int i = 0; i < c->ncode;) {
        int start = i;
        unsigned op = INSTR_OP(c->code[i]);
        unsigned arg = INSTR_ARG(c->code[i]);
        while (op == OP_EXTENDED_ARG && i + 1 < c->ncode) {
            i++;
            arg = (arg << 24) | INSTR_ARG(c->code[i]);
            op = INSTR_OP(c->code[i]);
        }
        int line = c->lines[start].lineno;
        if (line != lastline && start > 0)
            fputc('\n', out);
        if (line != lastline && line >= 0)
            fprintf(out, "%4d ", line);
        else
            fputs("     ", out);
        lastline = line;
        fprintf(out, "%s %5d ", is_target[start] ? ">>" : "  ", start);
        if (op >= OP_COUNT) {
            fprintf(out, "<%u>\n", op);
            i++;
            continue;
        }
        const OpcodeInfo *info = &opcode_info[op];
        if (!info->has_arg) {
            fprintf(out, "%s", info->name);
        } else {
            fprintf(out, "%-24s %4u", info->name, arg);
            switch (op) {
            case OP_LOAD_CONST:
            case OP_KW_NAMES:
                fputs(" (", out);
                if (arg < (unsigned)c->nconsts)
                    dis_const_repr(out, c->consts[arg]);
                fputs(")", out);
                break;
            case OP_LOAD_GLOBAL:
                if ((arg >> 1) < (unsigned)c->nnames)
                    fprintf(out, " (%s%s)", (arg & 1) ? "NULL + " : "", c->names[arg >> 1]);
                break;
            case OP_LOAD_NAME: case OP_STORE_NAME: case OP_DELETE_NAME: case OP_LOAD_ATTR: case OP_STORE_ATTR:
            case OP_DELETE_ATTR: case OP_STORE_GLOBAL: case OP_DELETE_GLOBAL: case OP_IMPORT_NAME:
            case OP_IMPORT_FROM: case OP_LOAD_METHOD:
                if (arg < (unsigned)c->nnames)
                    fprintf(out, " (%s)", c->names[arg]);
                break;
            case OP_LOAD_FAST: case OP_STORE_FAST: case OP_DELETE_FAST: case OP_LOAD_DEREF: case OP_STORE_DEREF:
            case OP_DELETE_DEREF: case OP_LOAD_CLASSDEREF: case OP_LOAD_CLOSURE: case OP_MAKE_CELL:
                if (arg < (unsigned)c->nlocalsplus)
                    fprintf(out, " (%s)", c->localsplus[arg]);
                break;
            case OP_COMPARE_OP:
                if (arg < 6)
                    fprintf(out, " (%s)", cmp_names[arg]);
                break;
            case OP_BINARY_OP:
                if (arg < 26)
                    fprintf(out, " (%s)", binop_names[arg]);
                break;
            case OP_FORMAT_VALUE: {
                static const char *const conv[] = {"", "str", "repr", "ascii"};
                if (arg & FVC_MASK)
                    fprintf(out, " (%s%s)", conv[arg & FVC_MASK], (arg & FVS_HAVE_SPEC) ? ", with format" : "");
                else if (arg & FVS_HAVE_SPEC)
                    fputs(" (with format)", out);
                break;
            }
            case OP_MAKE_FUNCTION: {
                static const char *const mf[] = {"defaults", "kwdefaults", "annotations", "closure"};
                int first = 1;
                for (int b = 0; b < 4; b++)
                    if (arg & (1u << b)) {
                        fprintf(out, "%s%s", first ? " (" : ", ", mf[b]);
                        first = 0;
                    }
                if (!first)
                    fputs(")", out);
                break;
            }
            default:
                if (info->is_jump)
                    fprintf(out, " (to %u)", arg);
                break;
            }
        }
        i++;
        if (info->has_cache && i < c->ncode) {
            fprintf(out, " [cache %u]", c->code[i]);
            i++;
        }
        fputc('\n', out);
    }
    free(is_target);
    if (c->nexc) {
        fputs("ExceptionTable:\n", out);
        for (int e = 0; e < c->nexc; e++) {
            const ExcEntry *x = &c->exctable[e];
            fprintf(out, "  %d to %d -> %d [%d]%s\n", x->start, x->end, x->target, x->depth, x->lasti ? " lasti" : "");
        }
    }
}

void dis_code(FILE *out, const CodeUnit *c)
{
    dis_one(out, c);
    for (int i = 0; i < c->nconsts; i++)
        if (c->consts[i]->kind == CV_CODE) {
            fputc('\n', out);
            dis_code(out, c->consts[i]->v.code);
        }
}
