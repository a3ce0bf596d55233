/* The SyntaxWarnings of CPython 3.11's compiler: code that is valid but
 * almost surely a mistake ("is" with a literal, calling or subscripting a
 * literal, an assert of a tuple).  They go through the source's warning
 * hook at the current location; a hook that turns them into errors makes
 * them SyntaxErrors there, as CPython does.  The checks look at the
 * expressions as CPython's AST optimizer leaves them (constant folding
 * first), so `x is -1` and `(1, 2)(3)` count as literals.
 */
#include <stdarg.h>
#include <stdio.h>

#include "compiler/compile_internal.h"
#include "compiler/ast_nodes.h"

void compiler_warn(Compiler *c, const char *fmt, ...)
{
    if (c->failed)
        return;
    char msg[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    LineEntry l = c->u->loc;
    if (src_warn(c->src, c->err, WARN_SYNTAX, l.lineno, l.col, l.end_lineno, l.end_col, msg) < 0)
        c->failed = 1;
}

/* The Python type name of a constant. */
static const char *const_type_name(const ConstVal *v)
{
    switch (v->kind) {
    case CV_NONE: return "NoneType";
    case CV_TRUE: case CV_FALSE: return "bool";
    case CV_ELLIPSIS: return "ellipsis";
    case CV_INT: return "int";
    case CV_FLOAT: return "float";
    case CV_COMPLEX: return "complex";
    case CV_STR: return "str";
    case CV_BYTES: return "bytes";
    case CV_TUPLE: return "tuple";
    case CV_FROZENSET: return "frozenset";
    case CV_CODE: return "code";
    }
    return NULL;
}

/* The type an expression evaluates to when its syntax alone says so
   (displays, comprehensions, lambdas, f-strings, constants), else NULL;
   *k gets the folded constant, if any. */
static const char *inferred_type(Compiler *c, Expr *e, ConstVal **k)
{
    *k = const_fold_expr(c, e);
    if (*k)
        return const_type_name(*k);
    switch (e->kind) {
    case Expr_Tuple: return "tuple";
    case Expr_List: case Expr_ListComp: return "list";
    case Expr_Dict: case Expr_DictComp: return "dict";
    case Expr_Set: case Expr_SetComp: return "set";
    case Expr_GeneratorExp: return "generator";
    case Expr_Lambda: return "function";
    case Expr_JoinedStr: case Expr_FormattedValue: return "str";
    default: return NULL;
    }
}

/* A literal on either side of `is`: any constant but the singletons. */
static int is_literal(Compiler *c, Expr *e)
{
    ConstVal *k = const_fold_expr(c, e);
    return k && k->kind != CV_NONE && k->kind != CV_TRUE && k->kind != CV_FALSE && k->kind != CV_ELLIPSIS;
}

static void warn_is(Compiler *c, CmpOpKind op)
{
    compiler_warn(c, op == CmpOp_Is ? "\"is\" with a literal. Did you mean \"==\"?"
                                    : "\"is not\" with a literal. Did you mean \"!=\"?");
}

void warn_compare(Compiler *c, Expr *e)
{
    if (e == c->checked_compare)
        return;
    AstSeq *ops = e->v.Compare.ops, *cmps = e->v.Compare.comparators;
    int any_is = 0;
    SEQ_FOR(i, ops) {
        CmpOpKind op = (CmpOpKind)(intptr_t)SEQ_GET(ops, i);
        any_is |= op == CmpOp_Is || op == CmpOp_IsNot;
    }
    if (!any_is)    /* spares folding the operands of every comparison */
        return;
    int left = is_literal(c, e->v.Compare.left);
    SEQ_FOR(i, ops) {
        CmpOpKind op = (CmpOpKind)(intptr_t)SEQ_GET(ops, i);
        int right = is_literal(c, SEQ_GET(cmps, i));
        if ((op == CmpOp_Is || op == CmpOp_IsNot) && (left || right)) {
            warn_is(c, op);
            return;
        }
        left = right;
    }
}

/* `not a is b`: CPython folds it into `a is not b` (taking the comparison's
   location) before it checks, so the warning names the inverse operator. */
void warn_negated_compare(Compiler *c, Expr *e)
{
    if (e->kind != Expr_Compare || SEQ_LEN(e->v.Compare.ops) != 1)
        return;
    CmpOpKind op = (CmpOpKind)(intptr_t)SEQ_GET(e->v.Compare.ops, 0);
    if (op != CmpOp_Is && op != CmpOp_IsNot)
        return;
    c->checked_compare = e;
    if (is_literal(c, e->v.Compare.left) || is_literal(c, SEQ_GET(e->v.Compare.comparators, 0))) {
        LineEntry saved = c->u->loc;
        c_loc_expr(c, e);
        warn_is(c, op == CmpOp_Is ? CmpOp_IsNot : CmpOp_Is);
        c->u->loc = saved;
    }
}

/* Calling a literal, display or comprehension (a lambda may be called). */
void warn_call(Compiler *c, Expr *func)
{
    ConstVal *k;
    const char *t = inferred_type(c, func, &k);
    if (t && func->kind != Expr_Lambda)
        compiler_warn(c, "'%s' object is not callable; perhaps you missed a comma?", t);
}

/* Subscripting a value whose type has no __getitem__, or indexing a
   sequence with something that is no integer or slice. */
void warn_subscript(Compiler *c, Expr *e)
{
    Expr *value = e->v.Subscript.value, *index = e->v.Subscript.slice;
    ConstVal *k;
    const char *vt = inferred_type(c, value, &k);
    if (!vt)
        return;
    int unsubscriptable = k ? k->kind == CV_NONE || k->kind == CV_ELLIPSIS || k->kind == CV_INT
                                  || k->kind == CV_TRUE || k->kind == CV_FALSE || k->kind == CV_FLOAT
                                  || k->kind == CV_COMPLEX || k->kind == CV_FROZENSET
                            : value->kind == Expr_Set || value->kind == Expr_SetComp
                                  || value->kind == Expr_GeneratorExp || value->kind == Expr_Lambda;
    if (unsubscriptable) {
        compiler_warn(c, "'%s' object is not subscriptable; perhaps you missed a comma?", vt);
        return;
    }
    int sequence = k ? k->kind == CV_STR || k->kind == CV_BYTES || k->kind == CV_TUPLE
                     : value->kind == Expr_Tuple || value->kind == Expr_List || value->kind == Expr_ListComp
                           || value->kind == Expr_JoinedStr || value->kind == Expr_FormattedValue;
    if (!sequence)
        return;
    ConstVal *ik;
    const char *it = inferred_type(c, index, &ik);
    if (!it || !strcmp(it, "int") || !strcmp(it, "bool"))
        return;
    compiler_warn(c, "%s indices must be integers or slices, not %s; perhaps you missed a comma?", vt, it);
}

void warn_assert(Compiler *c, Stmt *s)
{
    Expr *test = s->v.Assert.test;
    ConstVal *k = const_fold_expr(c, test);
    int n = k ? (k->kind == CV_TUPLE ? k->v.tup.n : 0)
              : test->kind == Expr_Tuple ? SEQ_LEN(test->v.Tuple.elts) : 0;
    if (n > 0)
        compiler_warn(c, "assertion is always true, perhaps remove parentheses?");
}

static void rewarn_node(Compiler *c, void *node, AstFieldType type);

static void rewarn_fields(Compiler *c, void *node, const AstNodeInfo *info)
{
    for (int i = 0; i < info->nfields; i++) {
        const AstField *f = &info->fields[i];
        void *slot = *(void **)((char *)node + f->offset);
        if (f->type > AST_F_COMPREHENSION || !slot)
            continue;
        if (!f->seq) {
            rewarn_node(c, slot, f->type);
            continue;
        }
        AstSeq *s = slot;
        for (int k = 0; k < s->n; k++)
            if (s->a[k])
                rewarn_node(c, s->a[k], f->type);
    }
}

static void rewarn_node(Compiler *c, void *node, AstFieldType type)
{
    if (c->failed)
        return;
    switch (type) {
    case AST_F_EXPR: {
        Expr *e = node;
        LineEntry saved = c->u->loc;
        c_loc_expr(c, e);
        if (e->kind == Expr_Compare)
            warn_compare(c, e);
        else if (e->kind == Expr_Call)
            warn_call(c, e->v.Call.func);
        else if (e->kind == Expr_Subscript && e->v.Subscript.ctx == ExprContext_Load)
            warn_subscript(c, e);
        else if (e->kind == Expr_UnaryOp && e->v.UnaryOp.op == UnaryOp_Not)
            warn_negated_compare(c, e->v.UnaryOp.operand);
        c->u->loc = saved;
        rewarn_fields(c, e, &ast_expr_info[e->kind]);
        break;
    }
    case AST_F_KEYWORD:
        rewarn_fields(c, node, &ast_keyword_info);
        break;
    case AST_F_ARGUMENTS:
        rewarn_fields(c, node, &ast_arguments_info);
        break;
    case AST_F_COMPREHENSION:
        rewarn_fields(c, node, &ast_comprehension_info);
        break;
    default:
        break;
    }
}

/* CPython 3.11 compiles a while loop's test twice, before the body and
   after it, so its warnings come twice; stmpy compiles it once and
   repeats them with this. */
void warn_again(Compiler *c, Expr *e)
{
    rewarn_node(c, e, AST_F_EXPR);
}
