/* Assignment and deletion targets: setting the context of an expression
 * that turned out to be a target, and naming what is not one in CPython's
 * words ("cannot assign to function call").
 */
#include "compiler/parser.h"

const char *expr_name(const Expr *e)
{
    switch (e->kind) {
    case Expr_Attribute: return "attribute";
    case Expr_Subscript: return "subscript";
    case Expr_Starred: return "starred";
    case Expr_Name: return "name";
    case Expr_List: return "list";
    case Expr_Tuple: return "tuple";
    case Expr_Lambda: return "lambda";
    case Expr_Call: return "function call";
    case Expr_BoolOp: case Expr_BinOp: case Expr_UnaryOp: return "expression";
    case Expr_GeneratorExp: return "generator expression";
    case Expr_Yield: case Expr_YieldFrom: return "yield expression";
    case Expr_Await: return "await expression";
    case Expr_ListComp: return "list comprehension";
    case Expr_SetComp: return "set comprehension";
    case Expr_DictComp: return "dict comprehension";
    case Expr_Dict: return "dict literal";
    case Expr_Set: return "set display";
    case Expr_JoinedStr: case Expr_FormattedValue: return "f-string expression";
    case Expr_Compare: return "comparison";
    case Expr_IfExp: return "conditional expression";
    case Expr_NamedExpr: return "named expression";
    case Expr_Slice: return "slice";
    case Expr_Constant:
        switch (e->v.Constant.value.kind) {
        case CONST_NONE: return "None";
        case CONST_TRUE: return "True";
        case CONST_FALSE: return "False";
        case CONST_ELLIPSIS: return "ellipsis";
        default: return "literal";
        }
    }
    return "expression";
}

/* The first sub-expression that cannot be a target, or NULL. */
Expr *invalid_target(Expr *e, ExprContext ctx)
{
    switch (e->kind) {
    case Expr_Name: case Expr_Attribute: case Expr_Subscript:
        return NULL;
    case Expr_Starred:
        return ctx == ExprContext_Del ? e : invalid_target(e->v.Starred.value, ctx);
    case Expr_List: case Expr_Tuple: {
        AstSeq *elts = e->kind == Expr_List ? e->v.List.elts : e->v.Tuple.elts;
        for (int i = 0; i < SEQ_LEN(elts); i++) {
            Expr *bad = invalid_target(elts->a[i], ctx);
            if (bad)
                return bad;
        }
        return NULL;
    }
    default:
        return e;
    }
}

static void store_context(Expr *e, ExprContext ctx)
{
    switch (e->kind) {
    case Expr_Name: e->v.Name.ctx = ctx; break;
    case Expr_Attribute: e->v.Attribute.ctx = ctx; break;
    case Expr_Subscript: e->v.Subscript.ctx = ctx; break;
    case Expr_Starred:
        e->v.Starred.ctx = ctx;
        store_context(e->v.Starred.value, ctx);
        break;
    case Expr_List: case Expr_Tuple: {
        AstSeq *elts = e->kind == Expr_List ? e->v.List.elts : e->v.Tuple.elts;
        if (e->kind == Expr_List)
            e->v.List.ctx = ctx;
        else
            e->v.Tuple.ctx = ctx;
        for (int i = 0; i < SEQ_LEN(elts); i++)
            store_context(elts->a[i], ctx);
        break;
    }
    default:
        break;
    }
}

int set_context(Parser *p, Expr *e, ExprContext ctx)
{
    Expr *bad = invalid_target(e, ctx);
    if (bad) {
        error_at_expr(p, bad, ctx == ExprContext_Del ? "cannot delete %s" : "cannot assign to %s", expr_name(bad));
        return 0;
    }
    store_context(e, ctx);
    return 1;
}

/* Whether e can stand where CPython's grammar wants a bitwise_or: a
   comparison, boolean operator, 'not', lambda or conditional cannot
   unless parenthesized.  eq_pos is the token after e. */
static int is_bitwise_or_level(Parser *p, Expr *e, int eq_pos)
{
    Token *before = tk_at(p, eq_pos - 1);
    if (before->type == T_RPAR && (before->end_lineno != e->end_lineno || before->end_col != e->end_col_offset))
        return 1;
    switch (e->kind) {
    case Expr_Compare: case Expr_BoolOp: case Expr_Lambda: case Expr_IfExp: case Expr_Starred:
    case Expr_Yield: case Expr_YieldFrom: case Expr_NamedExpr:
        return 0;
    case Expr_UnaryOp:
        return e->v.UnaryOp.op != UnaryOp_Not;
    default:
        return 1;
    }
}

/* CPython's rule excludes what starts with a list, tuple or generator
   display, or with True, None or False. */
static int starts_with_display(Parser *p, Expr *e)
{
    for (;;) {
        if (e->kind == Expr_Attribute)
            e = e->v.Attribute.value;
        else if (e->kind == Expr_Subscript)
            e = e->v.Subscript.value;
        else if (e->kind == Expr_Call)
            e = e->v.Call.func;
        else
            break;
    }
    size_t len;
    const char *line = src_line(p->src, e->lineno, &len);
    int paren = line && (size_t)e->col_offset < len && line[e->col_offset] == '(';
    if (e->kind == Expr_Constant)
        return e->v.Constant.value.kind == CONST_TRUE || e->v.Constant.value.kind == CONST_FALSE ||
               e->v.Constant.value.kind == CONST_NONE;
    return e->kind == Expr_List || e->kind == Expr_GeneratorExp || (e->kind == Expr_Tuple && paren);
}

int report_mistyped_equal(Parser *p, Expr *a, int eq_pos)
{
    if (p->failed || tk_at(p, eq_pos + 1)->type == T_YIELD || !is_bitwise_or_level(p, a, eq_pos))
        return 0;
    int save = p->pos;
    SyntaxErr saved = *p->err;
    p->pos = eq_pos + 1;
    Expr *b = parse_bitwise_or(p);
    TokType after = tk_type(p);
    p->pos = save;
    if (p->failed) {
        if (p->tok_failed)
            return 1;
        p->failed = 0;
        *p->err = saved;
        /* CPython's parser settles for the part before the error. */
        if (!could_start_expression(tk_at(p, eq_pos + 1)->type) || tk_at(p, eq_pos + 1)->type == T_STAR ||
            tk_at(p, eq_pos + 1)->type == T_NOT || tk_at(p, eq_pos + 1)->type == T_LAMBDA)
            return 0;
        b = new_expr(p, Expr_Name, eq_pos + 1);
        b->end_lineno = tk_at(p, eq_pos + 1)->end_lineno;
        b->end_col_offset = tk_at(p, eq_pos + 1)->end_col;
        after = tk_at(p, eq_pos + 2)->type;
    }
    if (!b || after == T_EQUAL || after == T_COLONEQUAL)
        return 0;
    Token *lt = tk_at(p, eq_pos - 1);
    if (a->kind == Expr_Name && lt->type == T_NAME && lt->col == a->col_offset && lt->lineno == a->lineno) {
        syntax_error_at(p, a->lineno, a->col_offset, b->end_lineno, b->end_col_offset,
                        "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
        return 1;
    }
    if (starts_with_display(p, a))
        return 0;
    error_at_expr(p, a, "cannot assign to %s here. Maybe you meant '==' instead of '='?", expr_name(a));
    return 1;
}
