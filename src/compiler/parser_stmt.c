/* Statements: the statement dispatcher, blocks, and the simple statements
 * (assignment, expression statements, import, del, return, ...).
 * Compound statements are in parser_compound.c, match in
 * parser_pattern.c.
 */
#include <string.h>

#include "compiler/parser.h"

Stmt *parse_compound_stmt(Parser *p);
int at_compound_stmt(Parser *p);

static Expr *yield_or_star_expressions(Parser *p)
{
    return tk_type(p) == T_YIELD ? parse_yield_expr(p) : parse_star_expressions(p);
}

/* A token that closes an expression statement. */
static int at_stmt_end(Parser *p)
{
    TokType t = tk_type(p);
    return t == T_NEWLINE || t == T_SEMI;
}

static int augassign_op(TokType t)
{
    switch (t) {
    case T_PLUSEQUAL: return Operator_Add;
    case T_MINEQUAL: return Operator_Sub;
    case T_STAREQUAL: return Operator_Mult;
    case T_ATEQUAL: return Operator_MatMult;
    case T_SLASHEQUAL: return Operator_Div;
    case T_PERCENTEQUAL: return Operator_Mod;
    case T_AMPEREQUAL: return Operator_BitAnd;
    case T_VBAREQUAL: return Operator_BitOr;
    case T_CIRCUMFLEXEQUAL: return Operator_BitXor;
    case T_LEFTSHIFTEQUAL: return Operator_LShift;
    case T_RIGHTSHIFTEQUAL: return Operator_RShift;
    case T_DOUBLESTAREQUAL: return Operator_Pow;
    case T_DOUBLESLASHEQUAL: return Operator_FloorDiv;
    default: return -1;
    }
}

/* CPython first tries the element just before the first '=' as a
   mistyped comparison and words the error so. */
static int mistyped_comparison(Parser *p, Expr *first, int eq_pos)
{
    Expr *last = first;
    if (first->kind == Expr_Tuple && tk_at(p, eq_pos - 1)->type != T_RPAR && first->v.Tuple.elts->n)
        last = first->v.Tuple.elts->a[first->v.Tuple.elts->n - 1];
    return report_mistyped_equal(p, last, eq_pos);
}

static Stmt *annotated_assignment(Parser *p, int start, Expr *target)
{
    int paren = tk_at(p, start)->type == T_LPAR;
    TokType after = tk_peek_type(p, 1);
    if (target->kind != Expr_Name && target->kind != Expr_Attribute && target->kind != Expr_Subscript &&
        (!could_start_expression(after) || after == T_STAR))
        return invalid_syntax(p);
    switch (target->kind) {
    case Expr_Name: case Expr_Attribute: case Expr_Subscript:
        break;
    case Expr_Tuple:
        if (!paren)
            return error_at_expr(p, target->v.Tuple.elts->a[0], "only single target (not tuple) can be annotated");
        /* fall through */
    case Expr_List:
        return error_at_expr(p, target, "only single target (not %s) can be annotated", expr_name(target));
    default:
        return error_at_expr(p, target, "illegal target for annotation");
    }
    p->pos++;   /* : */
    Expr *ann = parse_expression(p);
    if (!ann)
        return NULL;
    Expr *value = NULL;
    if (accept(p, T_EQUAL)) {
        value = yield_or_star_expressions(p);
        if (!value)
            return NULL;
    }
    set_context(p, target, ExprContext_Store);
    Stmt *s = new_stmt(p, Stmt_AnnAssign, start);
    s->v.AnnAssign.target = target;
    s->v.AnnAssign.annotation = ann;
    s->v.AnnAssign.value = value;
    s->v.AnnAssign.simple = target->kind == Expr_Name && !paren;
    return s;
}

/* The first of targets[0..n) that cannot be assigned to, reported as
   CPython does; 0 if there is none.  yield_start: the token that starts
   targets[0], to tell "yield" from "(yield)". */
static int bad_target(Parser *p, Expr **targets, int n, int first_start)
{
    for (int i = 0; i < n; i++) {
        Expr *t = targets[i];
        if (!invalid_target(t, ExprContext_Store))
            continue;
        if ((t->kind == Expr_Yield || t->kind == Expr_YieldFrom) &&
            (i > 0 || tk_at(p, first_start)->type == T_YIELD)) {
            error_at_expr(p, t, "assignment to yield expression not possible");
            return 1;
        }
        set_context(p, t, ExprContext_Store);
        return 1;
    }
    return 0;
}

/* CPython reports a target that cannot be assigned to before it looks at
   what follows its '=', so a bad target wins over a bad right-hand side. */
static Stmt *assignment(Parser *p, int start, Expr *first)
{
    int first_eq = p->pos;
    if (invalid_target(first, ExprContext_Store)) {
        if (!mistyped_comparison(p, first, first_eq))
            bad_target(p, &first, 1, start);
        return NULL;
    }
    NodeList l;
    list_init(&l);
    list_push(&l, first);
    while (accept(p, T_EQUAL)) {
        Expr *e = yield_or_star_expressions(p);
        if (!e) {
            if (!p->tok_failed && !strcmp(p->err->msg, "invalid syntax")) {
                SyntaxErr generic = *p->err;
                p->failed = 0;
                if (!bad_target(p, (Expr **)l.a, l.n, start)) {
                    p->failed = 1;
                    *p->err = generic;
                }
            }
            list_finish(p, &l);
            return NULL;
        }
        list_push(&l, e);
    }
    AstSeq *all = list_finish(p, &l);
    int ntargets = all->n - 1;
    for (int i = 1; i < ntargets; i++)
        if (invalid_target(all->a[i], ExprContext_Store)) {
            if (!mistyped_comparison(p, first, first_eq))
                bad_target(p, (Expr **)all->a, ntargets, start);
            return NULL;
        }
    AstSeq *targets = seq_new(p->arena, ntargets);
    for (int i = 0; i < ntargets; i++) {
        set_context(p, all->a[i], ExprContext_Store);
        targets->a[i] = all->a[i];
    }
    Stmt *s = new_stmt(p, Stmt_Assign, start);
    s->v.Assign.targets = targets;
    s->v.Assign.value = all->a[ntargets];
    return s;
}

static Stmt *augmented_assignment(Parser *p, int start, Expr *target, int op)
{
    if (target->kind != Expr_Name && target->kind != Expr_Attribute && target->kind != Expr_Subscript)
        return error_at_expr(p, target, "'%s' is an illegal expression for augmented assignment",
                             expr_name(target));
    p->pos++;
    Expr *value = yield_or_star_expressions(p);
    if (!value)
        return NULL;
    set_context(p, target, ExprContext_Store);
    Stmt *s = new_stmt(p, Stmt_AugAssign, start);
    s->v.AugAssign.target = target;
    s->v.AugAssign.op = (OperatorKind)op;
    s->v.AugAssign.value = value;
    return s;
}

/* "print x": Python 2 habits get their own message. */
static void *legacy_statement(Parser *p, Expr *e)
{
    if (e->kind != Expr_Name || (strcmp(e->v.Name.id, "print") && strcmp(e->v.Name.id, "exec")) ||
        !could_start_expression(tk_type(p)) || tk_type(p) == T_LPAR || tk_type(p) == T_LSQB)
        return NULL;
    int save = p->pos;
    Expr *rest = parse_star_expressions(p);
    p->pos = save;
    if (!rest)
        return NULL;
    return syntax_error_at(p, e->lineno, e->col_offset, rest->end_lineno, rest->end_col_offset,
                           "Missing parentheses in call to '%s'. Did you mean %s(...)?", e->v.Name.id,
                           e->v.Name.id);
}

static Stmt *expression_statement(Parser *p)
{
    int start = p->pos;
    if (tk_type(p) == T_NAME && tk_peek_type(p, 1) == T_COLON) {
        Expr *target = parse_primary(p);
        return target ? annotated_assignment(p, start, target) : NULL;
    }
    Expr *first = yield_or_star_expressions(p);
    if (!first)
        return NULL;
    TokType t = tk_type(p);
    if (t == T_COLON)
        return annotated_assignment(p, start, first);
    if (t == T_EQUAL)
        return assignment(p, start, first);
    int op = augassign_op(t);
    if (op >= 0)
        return augmented_assignment(p, start, first, op);
    if (t == T_COLONEQUAL && first->kind != Expr_Name)
        return error_at_expr(p, first, "cannot use assignment expressions with %s", expr_name(first));
    if (!at_stmt_end(p)) {
        legacy_statement(p, first);
        return invalid_syntax(p);
    }
    Stmt *s = new_stmt(p, Stmt_Expr, start);
    s->v.Expr.value = first;
    return s;
}

/* dotted_name, joined with '.'; start is its first NAME. */
static const char *dotted_name(Parser *p)
{
    if (tk_type(p) != T_NAME)
        return invalid_syntax(p);
    const char *name = tok_identifier(p, tk(p));
    p->pos++;
    while (tk_type(p) == T_DOT && tk_peek_type(p, 1) == T_NAME) {
        p->pos++;
        const char *part = tok_identifier(p, tk(p));
        p->pos++;
        size_t a = strlen(name), b = strlen(part);
        char *joined = arena_alloc(p->arena, a + b + 2);
        memcpy(joined, name, a);
        joined[a] = '.';
        memcpy(joined + a + 1, part, b);
        name = joined;
    }
    return name;
}

static Alias *alias(Parser *p, int dotted)
{
    int start = p->pos;
    const char *name;
    if (dotted) {
        name = dotted_name(p);
    } else if (tk_type(p) == T_NAME) {
        name = tok_identifier(p, tk(p));
        p->pos++;
    } else {
        name = invalid_syntax(p);
    }
    if (!name)
        return NULL;
    const char *asname = NULL;
    if (accept(p, T_AS)) {
        if (tk_type(p) != T_NAME)
            return invalid_syntax(p);
        asname = tok_identifier(p, tk(p));
        p->pos++;
    }
    Alias *a = arena_alloc(p->arena, sizeof *a);
    a->name = name;
    a->asname = asname;
    set_loc(p, start, &a->lineno, &a->col_offset, &a->end_lineno, &a->end_col_offset);
    return a;
}

static Stmt *import_stmt(Parser *p)
{
    int start = p->pos++;
    NodeList l;
    list_init(&l);
    do {
        Alias *a = alias(p, 1);
        if (!a) {
            list_finish(p, &l);
            return NULL;
        }
        list_push(&l, a);
    } while (accept(p, T_COMMA));
    Stmt *s = new_stmt(p, Stmt_Import, start);
    s->v.Import.names = list_finish(p, &l);
    return s;
}

static Stmt *import_from(Parser *p)
{
    int start = p->pos++;
    int level = 0;
    for (;;) {
        if (accept(p, T_DOT))
            level++;
        else if (accept(p, T_ELLIPSIS))
            level += 3;
        else
            break;
    }
    const char *module = NULL;
    if (tk_type(p) != T_IMPORT || level == 0) {
        module = dotted_name(p);
        if (!module)
            return NULL;
    }
    if (!expect(p, T_IMPORT, NULL))
        return NULL;
    NodeList l;
    list_init(&l);
    if (tk_type(p) == T_STAR) {
        int s = p->pos++;
        Alias *a = arena_alloc(p->arena, sizeof *a);
        a->name = "*";
        set_loc(p, s, &a->lineno, &a->col_offset, &a->end_lineno, &a->end_col_offset);
        list_push(&l, a);
    } else {
        int paren = accept(p, T_LPAR);
        for (;;) {
            Alias *a = alias(p, 0);
            if (!a) {
                list_finish(p, &l);
                return NULL;
            }
            list_push(&l, a);
            if (!accept(p, T_COMMA))
                break;
            if (paren && tk_type(p) == T_RPAR)
                break;
            if (!paren && at_stmt_end(p)) {
                list_finish(p, &l);
                return syntax_error(p, "trailing comma not allowed without surrounding parentheses");
            }
        }
        if (paren && !expect(p, T_RPAR, NULL)) {
            list_finish(p, &l);
            return NULL;
        }
    }
    Stmt *s = new_stmt(p, Stmt_ImportFrom, start);
    s->v.ImportFrom.module = module;
    s->v.ImportFrom.names = list_finish(p, &l);
    s->v.ImportFrom.level = level;
    return s;
}

static Stmt *names_stmt(Parser *p, StmtKind kind)
{
    int start = p->pos++;
    NodeList l;
    list_init(&l);
    do {
        if (tk_type(p) != T_NAME) {
            list_finish(p, &l);
            return invalid_syntax(p);
        }
        list_push(&l, (void *)tok_identifier(p, tk(p)));
        p->pos++;
    } while (accept(p, T_COMMA));
    Stmt *s = new_stmt(p, kind, start);
    if (kind == Stmt_Global)
        s->v.Global.names = list_finish(p, &l);
    else
        s->v.Nonlocal.names = list_finish(p, &l);
    return s;
}

static Stmt *del_stmt(Parser *p)
{
    int start = p->pos++;
    NodeList l;
    list_init(&l);
    for (;;) {
        Expr *e = tk_type(p) == T_STAR ? parse_star_named_expression(p) : parse_expression(p);
        if (!e)
            break;
        list_push(&l, e);
        if (!accept(p, T_COMMA) || at_stmt_end(p))
            break;
    }
    AstSeq *targets = list_finish(p, &l);
    if (p->failed)
        return NULL;
    if (!at_stmt_end(p))
        return invalid_syntax(p);
    for (int i = 0; i < targets->n; i++)
        if (!set_context(p, targets->a[i], ExprContext_Del))
            return NULL;
    Stmt *s = new_stmt(p, Stmt_Delete, start);
    s->v.Delete.targets = targets;
    return s;
}

static Stmt *simple_stmt(Parser *p)
{
    int start = p->pos;
    Stmt *s;
    Expr *e = NULL, *e2 = NULL;
    switch (tk_type(p)) {
    case T_PASS:
        p->pos++;
        return new_stmt(p, Stmt_Pass, start);
    case T_BREAK:
        p->pos++;
        return new_stmt(p, Stmt_Break, start);
    case T_CONTINUE:
        p->pos++;
        return new_stmt(p, Stmt_Continue, start);
    case T_RETURN:
        p->pos++;
        if (!at_stmt_end(p) && !(e = parse_star_expressions(p)))
            return NULL;
        s = new_stmt(p, Stmt_Return, start);
        s->v.Return.value = e;
        return s;
    case T_RAISE:
        p->pos++;
        if (!at_stmt_end(p)) {
            if (!(e = parse_expression(p)))
                return NULL;
            if (accept(p, T_FROM) && !(e2 = parse_expression(p)))
                return NULL;
        }
        s = new_stmt(p, Stmt_Raise, start);
        s->v.Raise.exc = e;
        s->v.Raise.cause = e2;
        return s;
    case T_GLOBAL:
        return names_stmt(p, Stmt_Global);
    case T_NONLOCAL:
        return names_stmt(p, Stmt_Nonlocal);
    case T_DEL:
        return del_stmt(p);
    case T_ASSERT:
        p->pos++;
        if (!(e = parse_expression(p)))
            return NULL;
        if (accept(p, T_COMMA) && !(e2 = parse_expression(p)))
            return NULL;
        s = new_stmt(p, Stmt_Assert, start);
        s->v.Assert.test = e;
        s->v.Assert.msg = e2;
        return s;
    case T_IMPORT:
        return import_stmt(p);
    case T_FROM:
        return import_from(p);
    default:
        return expression_statement(p);
    }
}

/* simple_stmts: simple_stmt (';' simple_stmt)* [';'] NEWLINE */
static int simple_stmts(Parser *p, NodeList *out)
{
    for (;;) {
        Stmt *s = simple_stmt(p);
        if (!s)
            return 0;
        list_push(out, s);
        if (accept(p, T_NEWLINE))
            return 1;
        if (!accept(p, T_SEMI)) {
            invalid_syntax(p);
            return 0;
        }
        if (accept(p, T_NEWLINE))
            return 1;
    }
}

static int statement(Parser *p, NodeList *out)
{
    if (tk_type(p) == T_INDENT || tk_type(p) == T_DEDENT) {
        invalid_syntax(p);
        return 0;
    }
    if (!enter(p))
        return 0;
    int ok;
    if (at_compound_stmt(p)) {
        Stmt *s = parse_compound_stmt(p);
        if (s)
            list_push(out, s);
        ok = s != NULL;
    } else {
        ok = simple_stmts(p, out);
    }
    leave(p);
    if (!ok && !p->failed)
        invalid_syntax(p);
    return ok;
}

AstSeq *parse_statements(Parser *p)
{
    NodeList l;
    list_init(&l);
    while (tk_type(p) != T_ENDMARKER && !p->failed)
        if (!statement(p, &l))
            break;
    AstSeq *body = list_finish(p, &l);
    return p->failed ? NULL : body;
}

/* single_input (the REPL, compile(..., 'single')): one statement, which
   may be a compound one or several simple ones on a line, then blank
   lines and the end. */
AstSeq *parse_single_statement(Parser *p)
{
    NodeList l;
    list_init(&l);
    while (accept(p, T_NEWLINE))
        ;
    if (tk_type(p) != T_ENDMARKER && !statement(p, &l))
        return NULL;
    while (accept(p, T_NEWLINE))
        ;
    if (!p->failed && tk_type(p) != T_ENDMARKER) {
        syntax_error(p, "multiple statements found while compiling a single statement");
        return NULL;
    }
    AstSeq *body = list_finish(p, &l);
    return p->failed ? NULL : body;
}

/* block: NEWLINE INDENT statements DEDENT | simple_stmts.  `after` names
   the statement for CPython's "expected an indented block" message. */
AstSeq *parse_block(Parser *p, const char *after, int after_line)
{
    NodeList l;
    list_init(&l);
    if (accept(p, T_NEWLINE)) {
        if (tk_type(p) != T_INDENT) {
            Token at = *tk(p);
            if (at.start == p->src->text + p->src->len && p->src->len) {
                /* At the end of the file CPython points past the last line. */
                const char *last = p->src->text + p->src->len - 1, *ls = last;
                while (ls > p->src->text && ls[-1] != '\n')
                    ls--;
                at.lineno = 1;
                for (const char *q = p->src->text; q < ls; q++)
                    at.lineno += *q == '\n';
                at.end_lineno = at.lineno;
                at.col = at.end_col = (int)(last - ls);
            }
            if (!p->failed)
                indentation_error(p, &at, "expected an indented block after %s on line %d", after, after_line);
            return NULL;
        }
        p->pos++;
        do {
            if (!statement(p, &l))
                break;
        } while (tk_type(p) != T_DEDENT && !p->failed);
        if (!p->failed)
            p->pos++;
    } else if (at_compound_stmt(p) || tk_type(p) == T_INDENT || tk_type(p) == T_DEDENT) {
        invalid_syntax(p);
    } else {
        simple_stmts(p, &l);
    }
    AstSeq *body = list_finish(p, &l);
    return p->failed ? NULL : body;
}
