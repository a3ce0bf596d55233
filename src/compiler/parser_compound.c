/* Compound statements other than match: if, while, for, with, try,
 * function and class definitions with their decorators.
 */
#include "compiler/parser.h"

int at_match_stmt(Parser *p);

int at_compound_stmt(Parser *p)
{
    switch (tk_type(p)) {
    case T_DEF: case T_IF: case T_CLASS: case T_WITH: case T_FOR: case T_TRY: case T_WHILE:
    case T_AT: case T_ASYNC:
        return 1;
    default:
        return at_name(p, "match") && at_match_stmt(p);
    }
}

static void end_with(Parser *p, Stmt *s)
{
    set_block_end(p, &s->end_lineno, &s->end_col_offset);
}

static AstSeq *colon_block(Parser *p, const char *after, int line)
{
    if (!expect(p, T_COLON, ":"))
        return NULL;
    return parse_block(p, after, line);
}

/* if, elif, while, with and except say "expected ':'" only at the end of
   the line; elsewhere the error is plain invalid syntax. */
static AstSeq *soft_colon_block(Parser *p, const char *after, int line)
{
    if (tk_type(p) != T_COLON && tk_type(p) != T_NEWLINE)
        return invalid_syntax(p);
    return colon_block(p, after, line);
}

static AstSeq *else_block(Parser *p)
{
    int line = tk(p)->lineno;
    p->pos++;
    return colon_block(p, "'else' statement", line);
}

static Stmt *if_stmt(Parser *p, int is_elif)
{
    int start = p->pos++;
    int line = tk_at(p, start)->lineno;
    Expr *test = parse_named_expression(p);
    if (!test)
        return NULL;
    AstSeq *body = soft_colon_block(p, is_elif ? "'elif' statement" : "'if' statement", line);
    if (!body)
        return NULL;
    AstSeq *orelse = NULL;
    if (tk_type(p) == T_ELIF) {
        Stmt *elif = if_stmt(p, 1);
        if (!elif)
            return NULL;
        orelse = seq_new(p->arena, 1);
        orelse->a[0] = elif;
    } else if (tk_type(p) == T_ELSE) {
        if (!(orelse = else_block(p)))
            return NULL;
    } else {
        orelse = seq_new(p->arena, 0);
    }
    Stmt *s = new_stmt(p, Stmt_If, start);
    s->v.If.test = test;
    s->v.If.body = body;
    s->v.If.orelse = orelse;
    end_with(p, s);
    return s;
}

static Stmt *while_stmt(Parser *p)
{
    int start = p->pos++;
    int line = tk_at(p, start)->lineno;
    Expr *test = parse_named_expression(p);
    AstSeq *body = test ? soft_colon_block(p, "'while' statement", line) : NULL;
    if (!body)
        return NULL;
    AstSeq *orelse = tk_type(p) == T_ELSE ? else_block(p) : seq_new(p->arena, 0);
    if (!orelse)
        return NULL;
    Stmt *s = new_stmt(p, Stmt_While, start);
    s->v.While.test = test;
    s->v.While.body = body;
    s->v.While.orelse = orelse;
    end_with(p, s);
    return s;
}

static Stmt *for_stmt(Parser *p, int start, int is_async)
{
    int line = tk(p)->lineno;
    p->pos++;
    Expr *target = parse_star_targets_or_exprs(p);
    if (!target)
        return NULL;
    if (tk_type(p) != T_IN) {
        Expr *bad = invalid_target(target, ExprContext_Store);
        if (bad)
            return error_at_expr(p, bad, "cannot assign to %s", expr_name(bad));
        return invalid_syntax(p);
    }
    if (!set_context(p, target, ExprContext_Store))
        return NULL;
    p->pos++;
    Expr *iter = parse_star_expressions(p);
    AstSeq *body = iter ? colon_block(p, "'for' statement", line) : NULL;
    if (!body)
        return NULL;
    AstSeq *orelse = tk_type(p) == T_ELSE ? else_block(p) : seq_new(p->arena, 0);
    if (!orelse)
        return NULL;
    Stmt *s = new_stmt(p, is_async ? Stmt_AsyncFor : Stmt_For, start);
    s->v.For.target = target;
    s->v.For.iter = iter;
    s->v.For.body = body;
    s->v.For.orelse = orelse;
    end_with(p, s);
    return s;
}

static WithItem *with_item(Parser *p)
{
    Expr *e = parse_expression(p);
    if (!e)
        return NULL;
    Expr *target = NULL;
    if (accept(p, T_AS)) {
        target = tk_type(p) == T_STAR ? parse_star_named_expression(p) : parse_bitwise_or(p);
        if (!target)
            return NULL;
        TokType t = tk_type(p);
        if (t != T_COMMA && t != T_COLON && t != T_RPAR && t != T_NEWLINE)
            return invalid_syntax(p);
        if (!set_context(p, target, ExprContext_Store))
            return NULL;
    }
    WithItem *w = arena_alloc(p->arena, sizeof *w);
    w->context_expr = e;
    w->optional_vars = target;
    return w;
}

/* with ( item, item, ) : -- tried first, as CPython does; NULL (and no
   error) when the parentheses turn out to belong to an expression. */
static AstSeq *parenthesized_with_items(Parser *p)
{
    int save = p->pos;
    SyntaxErr saved = *p->err;
    NodeList l;
    list_init(&l);
    p->pos++;
    for (;;) {
        WithItem *w = with_item(p);
        if (!w)
            break;
        list_push(&l, w);
        if (!accept(p, T_COMMA) || tk_type(p) == T_RPAR)
            break;
    }
    AstSeq *items = list_finish(p, &l);
    if (!p->failed && accept(p, T_RPAR) && tk_type(p) == T_COLON)
        return items;
    if (p->tok_failed)
        return NULL;
    p->failed = 0;
    *p->err = saved;
    p->pos = save;
    return NULL;
}

static Stmt *with_stmt(Parser *p, int start, int is_async)
{
    int line = tk(p)->lineno;
    p->pos++;
    AstSeq *items = tk_type(p) == T_LPAR ? parenthesized_with_items(p) : NULL;
    if (p->failed)
        return NULL;
    if (!items) {
        NodeList l;
        list_init(&l);
        do {
            WithItem *w = with_item(p);
            if (!w) {
                /* An expression that gave up without an error (a
                   conditional without `else` before `:`, say). */
                if (!p->failed)
                    invalid_syntax(p);
                return NULL;
            }
            list_push(&l, w);
        } while (accept(p, T_COMMA));
        items = list_finish(p, &l);
        if (p->failed)
            return NULL;
    }
    AstSeq *body = soft_colon_block(p, "'with' statement", line);
    if (!body)
        return NULL;
    Stmt *s = new_stmt(p, is_async ? Stmt_AsyncWith : Stmt_With, start);
    s->v.With.items = items;
    s->v.With.body = body;
    end_with(p, s);
    return s;
}

static ExceptHandler *except_clause(Parser *p, int *star)
{
    int start = p->pos++;
    int line = tk_at(p, start)->lineno;
    *star = accept(p, T_STAR);
    Expr *type = NULL;
    const char *name = NULL;
    if (*star && tk_type(p) == T_COLON)
        return syntax_error(p, "expected one or more exception types");
    if (tk_type(p) != T_COLON) {
        type = parse_expression(p);
        if (!type)
            return NULL;
        if (tk_type(p) == T_COMMA) {
            int save = p->pos;
            p->pos++;
            Expr *rest = parse_star_expressions(p);
            p->pos = save;
            if (rest)
                return syntax_error_at(p, type->lineno, type->col_offset, rest->end_lineno, rest->end_col_offset,
                                       "multiple exception types must be parenthesized");
            return NULL;
        }
        if (accept(p, T_AS)) {
            if (tk_type(p) != T_NAME)
                return invalid_syntax(p);
            name = tok_identifier(p, tk(p));
            p->pos++;
        }
    }
    AstSeq *body = soft_colon_block(p, *star ? "'except*' statement" : "'except' statement", line);
    if (!body)
        return NULL;
    ExceptHandler *h = arena_alloc(p->arena, sizeof *h);
    h->kind = ExceptHandler_ExceptHandler;
    set_loc(p, start, &h->lineno, &h->col_offset, &h->end_lineno, &h->end_col_offset);
    set_block_end(p, &h->end_lineno, &h->end_col_offset);
    h->v.ExceptHandler.type = type;
    h->v.ExceptHandler.name = name;
    h->v.ExceptHandler.body = body;
    return h;
}

static Stmt *try_stmt(Parser *p)
{
    int start = p->pos++;
    AstSeq *body = colon_block(p, "'try' statement", tk_at(p, start)->lineno);
    if (!body)
        return NULL;
    if (tk_type(p) != T_EXCEPT && tk_type(p) != T_FINALLY)
        return syntax_error(p, "expected 'except' or 'finally' block");
    NodeList l;
    list_init(&l);
    int any_star = -1;
    while (tk_type(p) == T_EXCEPT) {
        int except_pos = p->pos, star;
        ExceptHandler *h = except_clause(p, &star);
        if (!h)
            break;
        if (any_star >= 0 && star != any_star) {
            Token *t = tk_at(p, except_pos), *end = tk_at(p, except_pos + star);
            syntax_error_at(p, t->lineno, t->col, end->end_lineno, end->end_col,
                            "cannot have both 'except' and 'except*' on the same 'try'");
            break;
        }
        any_star = star;
        list_push(&l, h);
    }
    AstSeq *handlers = list_finish(p, &l);
    if (p->failed)
        return NULL;
    AstSeq *orelse = seq_new(p->arena, 0), *finalbody = seq_new(p->arena, 0);
    if (handlers->n && tk_type(p) == T_ELSE && !(orelse = else_block(p)))
        return NULL;
    if (tk_type(p) == T_FINALLY) {
        int line = tk(p)->lineno;
        p->pos++;
        if (!(finalbody = colon_block(p, "'finally' statement", line)))
            return NULL;
    }
    Stmt *s = new_stmt(p, any_star == 1 ? Stmt_TryStar : Stmt_Try, start);
    s->v.Try.body = body;
    s->v.Try.handlers = handlers;
    s->v.Try.orelse = orelse;
    s->v.Try.finalbody = finalbody;
    end_with(p, s);
    return s;
}

static Stmt *function_def(Parser *p, int start, int is_async, AstSeq *decorators)
{
    int line = tk(p)->lineno;
    p->pos++;
    if (tk_type(p) != T_NAME)
        return invalid_syntax(p);
    const char *name = tok_identifier(p, tk(p));
    p->pos++;
    if (!expect(p, T_LPAR, "("))
        return NULL;
    Arguments *args = parse_parameters(p, 0, T_RPAR);
    if (!args || !expect(p, T_RPAR, NULL))
        return NULL;
    Expr *returns = NULL;
    if (accept(p, T_RARROW) && !(returns = parse_expression(p)))
        return NULL;
    AstSeq *body = colon_block(p, "function definition", line);
    if (!body)
        return NULL;
    Stmt *s = new_stmt(p, is_async ? Stmt_AsyncFunctionDef : Stmt_FunctionDef, start);
    s->v.FunctionDef.name = name;
    s->v.FunctionDef.args = args;
    s->v.FunctionDef.body = body;
    s->v.FunctionDef.decorator_list = decorators;
    s->v.FunctionDef.returns = returns;
    end_with(p, s);
    return s;
}

/* "class C(x for x in y)": invalid syntax at the 'for'. */
static void *bare_generator_argument(Parser *p, int from)
{
    int depth = 0;
    for (int i = from;; i++) {
        TokType t = tk_at(p, i)->type;
        if (t == T_LPAR || t == T_LSQB || t == T_LBRACE)
            depth++;
        else if (t == T_RPAR || t == T_RSQB || t == T_RBRACE)
            depth--;
        else if (depth == 0 && (t == T_FOR || t == T_ASYNC))
            return error_at_token(p, tk_at(p, i), "invalid syntax");
    }
}

static Stmt *class_def(Parser *p, AstSeq *decorators)
{
    int start = p->pos++;
    int line = tk_at(p, start)->lineno;
    if (tk_type(p) != T_NAME)
        return invalid_syntax(p);
    int name_pos = p->pos++;
    const char *name = tok_identifier(p, tk_at(p, name_pos));
    AstSeq *bases = seq_new(p->arena, 0), *keywords = seq_new(p->arena, 0);
    if (tk_type(p) == T_LPAR) {
        Expr *func = new_expr(p, Expr_Name, name_pos);
        Expr *call = parse_call(p, func, name_pos);
        if (!call)
            return NULL;
        Expr *g = call->v.Call.args->n == 1 ? call->v.Call.args->a[0] : NULL;
        Token *open = tk_at(p, name_pos + 1);
        if (g && g->kind == Expr_GeneratorExp && g->lineno == open->lineno && g->col_offset == open->col)
            return bare_generator_argument(p, name_pos + 2);
        bases = call->v.Call.args;
        keywords = call->v.Call.keywords;
    }
    AstSeq *body = colon_block(p, "class definition", line);
    if (!body)
        return NULL;
    Stmt *s = new_stmt(p, Stmt_ClassDef, start);
    s->v.ClassDef.name = name;
    s->v.ClassDef.bases = bases;
    s->v.ClassDef.keywords = keywords;
    s->v.ClassDef.body = body;
    s->v.ClassDef.decorator_list = decorators;
    end_with(p, s);
    return s;
}

static Stmt *async_stmt(Parser *p, AstSeq *decorators)
{
    int start = p->pos++;
    switch (tk_type(p)) {
    case T_DEF: return function_def(p, start, 1, decorators ? decorators : seq_new(p->arena, 0));
    case T_FOR: if (!decorators) return for_stmt(p, start, 1); break;
    case T_WITH: if (!decorators) return with_stmt(p, start, 1); break;
    default: break;
    }
    return invalid_syntax(p);
}

static Stmt *decorated(Parser *p)
{
    NodeList l;
    list_init(&l);
    while (accept(p, T_AT)) {
        Expr *e = parse_named_expression(p);
        if (!e || !expect(p, T_NEWLINE, NULL))
            break;
        list_push(&l, e);
    }
    AstSeq *decorators = list_finish(p, &l);
    if (p->failed)
        return NULL;
    switch (tk_type(p)) {
    case T_DEF: return function_def(p, p->pos, 0, decorators);
    case T_CLASS: return class_def(p, decorators);
    case T_ASYNC: return async_stmt(p, decorators);
    default: return invalid_syntax(p);
    }
}

Stmt *parse_compound_stmt(Parser *p)
{
    switch (tk_type(p)) {
    case T_DEF: return function_def(p, p->pos, 0, seq_new(p->arena, 0));
    case T_AT: return decorated(p);
    case T_CLASS: return class_def(p, seq_new(p->arena, 0));
    case T_ASYNC: return async_stmt(p, NULL);
    case T_IF: return if_stmt(p, 0);
    case T_WHILE: return while_stmt(p);
    case T_FOR: return for_stmt(p, p->pos, 0);
    case T_WITH: return with_stmt(p, p->pos, 0);
    case T_TRY: return try_stmt(p);
    default: return parse_match_stmt(p);
    }
}
