/* Constant values and the folding CPython 3.11's AST optimizer does:
 * operators on constants (within its size limits, so that folding never
 * builds huge objects), tuples of constants, `__debug__`, indexing of
 * constant strings and tuples.  Anything that would raise is left to run
 * time. */
#include <gmp.h>
#include <math.h>
#include <string.h>

#include "compiler/compile_internal.h"

enum { MAX_INT_SIZE = 128, MAX_COLLECTION_SIZE = 256, MAX_STR_SIZE = 4096 };

ConstVal *cv_new(Compiler *c, ConstValKind kind)
{
    ConstVal *v = arena_alloc(c->arena, sizeof *v);
    v->kind = kind;
    return v;
}

ConstVal *cv_none(Compiler *c) { return cv_new(c, CV_NONE); }

static ConstVal *cv_bool(Compiler *c, int b) { return cv_new(c, b ? CV_TRUE : CV_FALSE); }

static ConstVal *cv_int_text(Compiler *c, const char *s)
{
    ConstVal *v = cv_new(c, CV_INT);
    v->v.i = s;
    return v;
}

ConstVal *cv_int(Compiler *c, long n)
{
    char buf[32];
    snprintf(buf, sizeof buf, "%ld", n);
    return cv_int_text(c, arena_strndup(c->arena, buf, strlen(buf)));
}

ConstVal *cv_str(Compiler *c, const char *s)
{
    ConstVal *v = cv_new(c, CV_STR);
    v->v.str.s = s;
    v->v.str.len = strlen(s);
    return v;
}

ConstVal *cv_tuple(Compiler *c, int n)
{
    ConstVal *v = cv_new(c, CV_TUPLE);
    v->v.tup.n = n;
    v->v.tup.items = arena_alloc(c->arena, sizeof(ConstVal *) * (n + 1));
    return v;
}

static ConstVal *cv_from_mpz(Compiler *c, const mpz_t z)
{
    size_t n = mpz_sizeinbase(z, 10) + 2;
    char *s = arena_alloc(c->arena, n);
    mpz_get_str(s, 10, z);
    return cv_int_text(c, s);
}

ConstVal *cv_from_ast(Compiler *c, const Constant *k)
{
    ConstVal *v;
    switch (k->kind) {
    case CONST_NONE: return cv_none(c);
    case CONST_TRUE: return cv_bool(c, 1);
    case CONST_FALSE: return cv_bool(c, 0);
    case CONST_ELLIPSIS: return cv_new(c, CV_ELLIPSIS);
    case CONST_INT: {
        const char *d = k->v.i.digits;
        if (k->v.i.base == 10) {
            while (d[0] == '0' && d[1])
                d++;
            return cv_int_text(c, d);
        }
        mpz_t z;
        mpz_init_set_str(z, d, k->v.i.base);
        v = cv_from_mpz(c, z);
        mpz_clear(z);
        return v;
    }
    case CONST_FLOAT:
        v = cv_new(c, CV_FLOAT);
        v->v.f = k->v.f;
        return v;
    case CONST_COMPLEX:
        v = cv_new(c, CV_COMPLEX);
        v->v.c.re = 0.0;
        v->v.c.im = k->v.f;
        return v;
    case CONST_STR:
    case CONST_BYTES:
        v = cv_new(c, k->kind == CONST_STR ? CV_STR : CV_BYTES);
        v->v.str.s = k->v.str.s;
        v->v.str.len = k->v.str.len;
        return v;
    }
    return cv_none(c);
}

static int str_eq(const char *a, const char *b) { return a == b || (a && b && !strcmp(a, b)); }

/* Structural equality, so that a body compiled twice (a finally block on
   its normal and exceptional paths) yields one constant, as in CPython. */
static int code_equal(const CodeUnit *a, const CodeUnit *b)
{
    if (a == b)
        return 1;
    if (!str_eq(a->name, b->name) || !str_eq(a->qualname, b->qualname) || a->flags != b->flags ||
        a->firstlineno != b->firstlineno || a->argcount != b->argcount ||
        a->posonlyargcount != b->posonlyargcount || a->kwonlyargcount != b->kwonlyargcount ||
        a->ncode != b->ncode || a->nconsts != b->nconsts || a->nnames != b->nnames ||
        a->nlocalsplus != b->nlocalsplus || a->nexc != b->nexc ||
        memcmp(a->code, b->code, sizeof(uint32_t) * a->ncode) ||
        memcmp(a->lines, b->lines, sizeof(LineEntry) * a->ncode) ||
        (a->nexc && memcmp(a->exctable, b->exctable, sizeof(ExcEntry) * a->nexc)) ||
        (a->nlocalsplus && memcmp(a->kinds, b->kinds, a->nlocalsplus)))
        return 0;
    for (int i = 0; i < a->nconsts; i++)
        if (!cv_equal(a->consts[i], b->consts[i]))
            return 0;
    for (int i = 0; i < a->nnames; i++)
        if (!str_eq(a->names[i], b->names[i]))
            return 0;
    for (int i = 0; i < a->nlocalsplus; i++)
        if (!str_eq(a->localsplus[i], b->localsplus[i]))
            return 0;
    return 1;
}

int cv_equal(const ConstVal *a, const ConstVal *b)
{
    if (a->kind != b->kind)
        return 0;
    switch (a->kind) {
    case CV_INT:
        return !strcmp(a->v.i, b->v.i);
    case CV_FLOAT:
        return !memcmp(&a->v.f, &b->v.f, sizeof(double));
    case CV_COMPLEX:
        return !memcmp(&a->v.c, &b->v.c, sizeof a->v.c);
    case CV_STR:
    case CV_BYTES:
        return a->v.str.len == b->v.str.len && !memcmp(a->v.str.s, b->v.str.s, a->v.str.len);
    case CV_TUPLE:
    case CV_FROZENSET:
        if (a->v.tup.n != b->v.tup.n)
            return 0;
        for (int i = 0; i < a->v.tup.n; i++)
            if (!cv_equal(a->v.tup.items[i], b->v.tup.items[i]))
                return 0;
        return 1;
    case CV_CODE:
        return code_equal(a->v.code, b->v.code);
    default:
        return 1;
    }
}

int cv_truth(const ConstVal *v)
{
    switch (v->kind) {
    case CV_NONE: case CV_FALSE: return 0;
    case CV_TRUE: case CV_ELLIPSIS: case CV_CODE: return 1;
    case CV_INT: return strcmp(v->v.i, "0") != 0;
    case CV_FLOAT: return v->v.f != 0.0;
    case CV_COMPLEX: return v->v.c.re != 0.0 || v->v.c.im != 0.0;
    case CV_STR: case CV_BYTES: return v->v.str.len != 0;
    case CV_TUPLE: case CV_FROZENSET: return v->v.tup.n != 0;
    }
    return -1;
}

/* ---- numbers ----------------------------------------------------------- */

static int is_intlike(const ConstVal *v) { return v->kind == CV_INT || v->kind == CV_TRUE || v->kind == CV_FALSE; }
static int is_number(const ConstVal *v) { return is_intlike(v) || v->kind == CV_FLOAT || v->kind == CV_COMPLEX; }

static void to_mpz(mpz_t z, const ConstVal *v)
{
    if (v->kind == CV_INT)
        mpz_init_set_str(z, v->v.i, 10);
    else
        mpz_init_set_si(z, v->kind == CV_TRUE);
}

/* The int as a double, or NAN when it does not convert exactly enough
   for folding to agree with CPython (which rounds correctly). */
static double to_double(const ConstVal *v)
{
    if (v->kind == CV_FLOAT)
        return v->v.f;
    mpz_t z;
    to_mpz(z, v);
    double d = mpz_sizeinbase(z, 2) <= 53 ? mpz_get_d(z) : NAN;
    mpz_clear(z);
    return d;
}

static ConstVal *cv_float(Compiler *c, double d)
{
    if (isnan(d) || isinf(d))
        return NULL;
    ConstVal *v = cv_new(c, CV_FLOAT);
    v->v.f = d;
    return v;
}

static ConstVal *fold_int_binop(Compiler *c, OperatorKind op, const ConstVal *l, const ConstVal *r)
{
    mpz_t a, b, z;
    to_mpz(a, l);
    to_mpz(b, r);
    mpz_init(z);
    ConstVal *res = NULL;
    size_t abits = mpz_sgn(a) ? mpz_sizeinbase(a, 2) : 0, bbits = mpz_sgn(b) ? mpz_sizeinbase(b, 2) : 0;
    switch (op) {
    case Operator_Add: mpz_add(z, a, b); goto done;
    case Operator_Sub: mpz_sub(z, a, b); goto done;
    case Operator_Mult:
        if (abits && bbits && abits + bbits > MAX_INT_SIZE)
            break;
        mpz_mul(z, a, b);
        goto done;
    case Operator_FloorDiv:
        if (!mpz_sgn(b))
            break;
        mpz_fdiv_q(z, a, b);
        goto done;
    case Operator_Mod:
        if (!mpz_sgn(b))
            break;
        mpz_fdiv_r(z, a, b);
        if (mpz_sgn(z) && mpz_sgn(z) != mpz_sgn(b))
            mpz_add(z, z, b);
        goto done;
    case Operator_Pow:
        if (mpz_sgn(b) < 0) {
            double x = to_double(l), y = to_double(r);
            if (!isnan(x) && !isnan(y) && x != 0.0)
                res = cv_float(c, pow(x, y));
            break;
        }
        if (mpz_sgn(a) && mpz_sgn(b) > 0) {
            if (!mpz_fits_ulong_p(b) || abits > MAX_INT_SIZE / mpz_get_ui(b))
                break;
        }
        mpz_pow_ui(z, a, mpz_sgn(b) ? mpz_get_ui(b) : 0);
        goto done;
    case Operator_LShift:
        if (mpz_sgn(b) < 0)
            break;
        if (mpz_sgn(a)) {
            if (!mpz_fits_ulong_p(b) || mpz_get_ui(b) > MAX_INT_SIZE || abits > MAX_INT_SIZE - mpz_get_ui(b))
                break;
        }
        mpz_mul_2exp(z, a, mpz_sgn(a) ? mpz_get_ui(b) : 0);
        goto done;
    case Operator_RShift:
        if (mpz_sgn(b) < 0)
            break;
        mpz_fdiv_q_2exp(z, a, mpz_fits_ulong_p(b) ? mpz_get_ui(b) : ~0ul >> 1);
        goto done;
    case Operator_BitAnd: mpz_and(z, a, b); goto done;
    case Operator_BitOr: mpz_ior(z, a, b); goto done;
    case Operator_BitXor: mpz_xor(z, a, b); goto done;
    case Operator_Div: {
        double x = to_double(l), y = to_double(r);
        if (!isnan(x) && !isnan(y) && y != 0.0)
            res = cv_float(c, x / y);
        break;
    }
    case Operator_MatMult:
        break;
    }
    goto out;
done:
    res = cv_from_mpz(c, z);
out:
    mpz_clear(a);
    mpz_clear(b);
    mpz_clear(z);
    return res;
}

static ConstVal *fold_float_binop(Compiler *c, OperatorKind op, double x, double y)
{
    switch (op) {
    case Operator_Add: return cv_float(c, x + y);
    case Operator_Sub: return cv_float(c, x - y);
    case Operator_Mult: return cv_float(c, x * y);
    case Operator_Div: return y == 0.0 ? NULL : cv_float(c, x / y);
    case Operator_Mod:
    case Operator_FloorDiv: {
        if (y == 0.0)
            return NULL;
        /* Python's float divmod: the remainder takes the divisor's sign. */
        double mod = fmod(x, y), div = (x - mod) / y;
        if (mod) {
            if ((y < 0) != (mod < 0)) {
                mod += y;
                div -= 1.0;
            }
        } else {
            mod = copysign(0.0, y);
        }
        if (op == Operator_Mod)
            return cv_float(c, mod);
        double floordiv;
        if (div) {
            floordiv = floor(div);
            if (div - floordiv > 0.5)
                floordiv += 1.0;
        } else {
            floordiv = copysign(0.0, x / y);
        }
        return cv_float(c, floordiv);
    }
    case Operator_Pow:
        if ((x == 0.0 && y < 0) || (x < 0 && y != floor(y)))
            return NULL;
        return cv_float(c, pow(x, y));
    default:
        return NULL;
    }
}

static ConstVal *fold_complex_binop(Compiler *c, OperatorKind op, const ConstVal *l, const ConstVal *r)
{
    double ar = l->kind == CV_COMPLEX ? l->v.c.re : to_double(l), ai = l->kind == CV_COMPLEX ? l->v.c.im : 0.0;
    double br = r->kind == CV_COMPLEX ? r->v.c.re : to_double(r), bi = r->kind == CV_COMPLEX ? r->v.c.im : 0.0;
    if (isnan(ar) || isnan(br))
        return NULL;
    ConstVal *v = cv_new(c, CV_COMPLEX);
    switch (op) {
    case Operator_Add: v->v.c.re = ar + br, v->v.c.im = ai + bi; break;
    case Operator_Sub: v->v.c.re = ar - br, v->v.c.im = ai - bi; break;
    case Operator_Mult: v->v.c.re = ar * br - ai * bi, v->v.c.im = ar * bi + ai * br; break;
    default: return NULL;
    }
    if (isnan(v->v.c.re) || isnan(v->v.c.im) || isinf(v->v.c.re) || isinf(v->v.c.im))
        return NULL;
    return v;
}

/* ---- sequences --------------------------------------------------------- */

static int small_count(const ConstVal *v, long *n)
{
    if (!is_intlike(v))
        return 0;
    mpz_t z;
    to_mpz(z, v);
    int ok = mpz_fits_slong_p(z);
    *n = ok ? mpz_get_si(z) : 0;
    mpz_clear(z);
    return ok;
}

static ConstVal *repeat(Compiler *c, const ConstVal *seq, long n)
{
    /* An empty sequence repeated any number of times is itself: no loop
       of n empty copies (n may be in the billions). */
    if (n < 0 || (seq->kind == CV_TUPLE ? (size_t)seq->v.tup.n : seq->v.str.len) == 0)
        n = 0;
    if (seq->kind == CV_TUPLE) {
        if (seq->v.tup.n && n > MAX_COLLECTION_SIZE / seq->v.tup.n)
            return NULL;
        ConstVal *t = cv_tuple(c, seq->v.tup.n * n);
        for (long i = 0; i < n; i++)
            memcpy(t->v.tup.items + i * seq->v.tup.n, seq->v.tup.items, sizeof(ConstVal *) * seq->v.tup.n);
        return t;
    }
    size_t len = seq->v.str.len;
    if (len && (size_t)n > MAX_STR_SIZE / len)
        return NULL;
    if (seq->kind == CV_STR) {
        /* MAX_STR_SIZE counts characters; bytes are an upper bound, so
           recount for non-ASCII text. */
        size_t chars = 0;
        for (size_t i = 0; i < len; i++)
            chars += (seq->v.str.s[i] & 0xc0) != 0x80;
        if (chars && (size_t)n > MAX_STR_SIZE / chars)
            return NULL;
    }
    char *s = arena_alloc(c->arena, len * n + 1);
    for (long i = 0; i < n; i++)
        COPY_N(s + i * len, seq->v.str.s, len);
    ConstVal *v = cv_new(c, seq->kind);
    v->v.str.s = s;
    v->v.str.len = len * n;
    return v;
}

static ConstVal *concat(Compiler *c, const ConstVal *a, const ConstVal *b)
{
    if (a->kind == CV_TUPLE) {
        ConstVal *t = cv_tuple(c, a->v.tup.n + b->v.tup.n);
        memcpy(t->v.tup.items, a->v.tup.items, sizeof(ConstVal *) * a->v.tup.n);
        memcpy(t->v.tup.items + a->v.tup.n, b->v.tup.items, sizeof(ConstVal *) * b->v.tup.n);
        return t;
    }
    char *s = arena_alloc(c->arena, a->v.str.len + b->v.str.len + 1);
    COPY_N(s, a->v.str.s, a->v.str.len);
    COPY_N(s + a->v.str.len, b->v.str.s, b->v.str.len);
    ConstVal *v = cv_new(c, a->kind);
    v->v.str.s = s;
    v->v.str.len = a->v.str.len + b->v.str.len;
    return v;
}

static int is_seq(const ConstVal *v) { return v->kind == CV_STR || v->kind == CV_BYTES || v->kind == CV_TUPLE; }

static int is_bool(const ConstVal *v) { return v->kind == CV_TRUE || v->kind == CV_FALSE; }

static ConstVal *fold_binop(Compiler *c, OperatorKind op, const ConstVal *l, const ConstVal *r)
{
    /* bool's &, | and ^ give bools (True & True is True, not 1). */
    if (is_bool(l) && is_bool(r)) {
        int x = l->kind == CV_TRUE, y = r->kind == CV_TRUE;
        if (op == Operator_BitAnd)
            return cv_bool(c, x & y);
        if (op == Operator_BitOr)
            return cv_bool(c, x | y);
        if (op == Operator_BitXor)
            return cv_bool(c, x ^ y);
    }
    if (is_intlike(l) && is_intlike(r))
        return fold_int_binop(c, op, l, r);
    if (is_number(l) && is_number(r)) {
        if (l->kind == CV_COMPLEX || r->kind == CV_COMPLEX)
            return fold_complex_binop(c, op, l, r);
        double x = to_double(l), y = to_double(r);
        if (isnan(x) || isnan(y))
            return NULL;
        return fold_float_binop(c, op, x, y);
    }
    long n;
    if (op == Operator_Add && is_seq(l) && l->kind == r->kind)
        return concat(c, l, r);
    if (op == Operator_Mult && is_seq(l) && small_count(r, &n))
        return repeat(c, l, n);
    if (op == Operator_Mult && is_seq(r) && small_count(l, &n))
        return repeat(c, r, n);
    return NULL;
}

static ConstVal *fold_unaryop(Compiler *c, UnaryOpKind op, const ConstVal *v)
{
    if (op == UnaryOp_Not) {
        int t = cv_truth(v);
        return t < 0 ? NULL : cv_bool(c, !t);
    }
    if (is_intlike(v)) {
        mpz_t z;
        to_mpz(z, v);
        if (op == UnaryOp_USub)
            mpz_neg(z, z);
        else if (op == UnaryOp_Invert)
            mpz_com(z, z);
        ConstVal *r = cv_from_mpz(c, z);
        mpz_clear(z);
        return r;
    }
    if (op == UnaryOp_Invert)
        return NULL;
    if (v->kind == CV_FLOAT) {
        ConstVal *r = cv_new(c, CV_FLOAT);
        r->v.f = op == UnaryOp_USub ? -v->v.f : v->v.f;
        return r;
    }
    if (v->kind == CV_COMPLEX) {
        ConstVal *r = cv_new(c, CV_COMPLEX);
        r->v.c.re = op == UnaryOp_USub ? -v->v.c.re : v->v.c.re;
        r->v.c.im = op == UnaryOp_USub ? -v->v.c.im : v->v.c.im;
        return r;
    }
    return NULL;
}

/* Byte offset of the i-th code point of a WTF-8 string, or -1. */
static long char_offset(const char *s, size_t len, long i, size_t *clen)
{
    size_t nchars = 0;
    for (size_t k = 0; k < len; k++)
        nchars += (s[k] & 0xc0) != 0x80;
    if (i < 0)
        i += nchars;
    if (i < 0 || (size_t)i >= nchars)
        return -1;
    size_t k = 0;
    for (long seen = -1;; k++) {
        if ((s[k] & 0xc0) != 0x80 && ++seen == i)
            break;
    }
    size_t e = k + 1;
    while (e < len && (s[e] & 0xc0) == 0x80)
        e++;
    *clen = e - k;
    return k;
}

static ConstVal *fold_subscript(Compiler *c, const ConstVal *v, const ConstVal *idx)
{
    long i;
    if (!small_count(idx, &i))
        return NULL;
    if (v->kind == CV_TUPLE) {
        if (i < 0)
            i += v->v.tup.n;
        return i >= 0 && i < v->v.tup.n ? v->v.tup.items[i] : NULL;
    }
    if (v->kind == CV_BYTES) {
        if (i < 0)
            i += v->v.str.len;
        return i >= 0 && (size_t)i < v->v.str.len ? cv_int(c, (unsigned char)v->v.str.s[i]) : NULL;
    }
    if (v->kind == CV_STR) {
        size_t clen;
        long off = char_offset(v->v.str.s, v->v.str.len, i, &clen);
        if (off < 0)
            return NULL;
        ConstVal *r = cv_new(c, CV_STR);
        r->v.str.s = v->v.str.s + off;
        r->v.str.len = clen;
        return r;
    }
    return NULL;
}

ConstVal *const_fold_expr(Compiler *c, Expr *e)
{
    switch (e->kind) {
    case Expr_Constant:
        return cv_from_ast(c, &e->v.Constant.value);
    case Expr_Name:
        if (e->v.Name.ctx == ExprContext_Load && !strcmp(e->v.Name.id, "__debug__"))
            return cv_bool(c, !c->optimize);
        return NULL;
    case Expr_Tuple: {
        if (e->v.Tuple.ctx != ExprContext_Load)
            return NULL;
        ConstVal *t = cv_tuple(c, SEQ_LEN(e->v.Tuple.elts));
        SEQ_FOR(i, e->v.Tuple.elts) {
            Expr *x = SEQ_GET(e->v.Tuple.elts, i);
            if (x->kind == Expr_Starred || !(t->v.tup.items[i] = const_fold_expr(c, x)))
                return NULL;
        }
        return t;
    }
    case Expr_UnaryOp: {
        ConstVal *v = const_fold_expr(c, e->v.UnaryOp.operand);
        return v ? fold_unaryop(c, e->v.UnaryOp.op, v) : NULL;
    }
    case Expr_BinOp: {
        ConstVal *l = const_fold_expr(c, e->v.BinOp.left);
        if (!l)
            return NULL;
        ConstVal *r = const_fold_expr(c, e->v.BinOp.right);
        return r ? fold_binop(c, e->v.BinOp.op, l, r) : NULL;
    }
    case Expr_Subscript: {
        if (e->v.Subscript.ctx != ExprContext_Load)
            return NULL;
        ConstVal *v = const_fold_expr(c, e->v.Subscript.value);
        if (!v)
            return NULL;
        ConstVal *i = const_fold_expr(c, e->v.Subscript.slice);
        return i ? fold_subscript(c, v, i) : NULL;
    }
    default:
        return NULL;
    }
}
