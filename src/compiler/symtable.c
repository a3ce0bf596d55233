/* Symbol tables, built in two passes as CPython 3.11 does: this walk of
 * the tree records, per scope, how each name is used (DEF_* flags); then
 * symtable_analyze.c decides each name's scope and which locals must
 * become cells because an inner scope uses them.
 */
#include <stdlib.h>
#include <string.h>

#include "compiler/symtable.h"

#define GROW(arr, n, cap)                                                       \
    do {                                                                        \
        if ((n) == (cap)) {                                                     \
            (cap) = (cap) ? (cap) * 2 : 4;                                      \
            (arr) = realloc((arr), sizeof(*(arr)) * (cap));                     \
            if (!(arr))                                                         \
                abort();                                                        \
        }                                                                       \
    } while (0)

const char *symtable_mangle(Arena *a, const char *priv, const char *name)
{
    if (!priv || name[0] != '_' || name[1] != '_')
        return name;
    size_t n = strlen(name);
    if ((n >= 2 && name[n - 1] == '_' && name[n - 2] == '_') || strchr(name, '.'))
        return name;
    while (*priv == '_')
        priv++;
    if (!*priv)
        return name;
    size_t p = strlen(priv);
    char *r = arena_alloc(a, p + n + 2);
    r[0] = '_';
    memcpy(r + 1, priv, p);
    memcpy(r + 1 + p, name, n + 1);
    return r;
}

#define LOC(n) ((Loc){(n)->lineno, (n)->col_offset, (n)->end_lineno, (n)->end_col_offset})

void symtable_error(SymTable *st, Loc l, const char *fmt, const char *name)
{
    if (st->failed)
        return;
    st->failed = 1;
    err_set(st->err, st->src, ERR_SYNTAX, l.lineno, l.col, l.end_lineno, l.end_col, fmt, name);
}

static SymScope *enter_block(SymTable *st, const char *name, BlockType type, const void *key,
                             int lineno, int col)
{
    SymScope *s = arena_alloc(st->arena, sizeof *s);
    s->name = name;
    s->type = type;
    s->key = key;
    s->lineno = lineno;
    s->col = col;
    s->parent = st->cur;
    if (st->cur) {
        if (st->cur->nested || st->cur->type == BLOCK_FUNCTION)
            s->nested = 1;
        GROW(st->cur->children, st->cur->nchildren, st->cur->capchildren);
        st->cur->children[st->cur->nchildren++] = s;
    }
    GROW(st->all, st->nall, st->capall);
    st->all[st->nall++] = s;
    st->cur = s;
    return s;
}

static void exit_block(SymTable *st) { st->cur = st->cur->parent; }

static void add_def_in(SymTable *st, const char *name, int flag, SymScope *ste, Loc l)
{
    const char *mangled = symtable_mangle(st->arena, st->private_name, name);
    Symbol *sym = nt_get(&ste->symbols, mangled);
    int val = flag;
    if (sym) {
        if ((flag & DEF_PARAM) && (sym->flags & DEF_PARAM)) {
            symtable_error(st, l, "duplicate argument '%s' in function definition", name);
            return;
        }
        val |= sym->flags;
    }
    if (ste->comp_iter_target) {
        if (val & (DEF_GLOBAL | DEF_NONLOCAL)) {
            symtable_error(st, l, "comprehension inner loop cannot rebind assignment expression target '%s'",
                     name);
            return;
        }
        val |= DEF_COMP_ITER;
    }
    nt_add(&ste->symbols, mangled)->flags = val;
    if (flag & DEF_PARAM) {
        GROW(ste->varnames, ste->nvarnames, ste->capvarnames);
        ste->varnames[ste->nvarnames++] = mangled;
    } else if (flag & DEF_GLOBAL) {
        nt_add(st->globals, mangled)->flags |= flag;
    }
}

static void add_def(SymTable *st, const char *name, int flag, Loc l)
{
    add_def_in(st, name, flag, st->cur, l);
}

static int lookup_flags(SymTable *st, const char *name)
{
    Symbol *s = nt_get(&st->cur->symbols, symtable_mangle(st->arena, st->private_name, name));
    return s ? s->flags : 0;
}

static void record_directive(SymTable *st, const char *name, Loc l)
{
    SymScope *s = st->cur;
    GROW(s->directives, s->ndirectives, s->capdirectives);
    s->directives[s->ndirectives++] =
        (Directive){symtable_mangle(st->arena, st->private_name, name), l.lineno, l.col, l.end_lineno, l.end_col};
}

static void visit_expr(SymTable *st, Expr *e);
static void visit_stmt(SymTable *st, Stmt *s);

/* CPython gives up at 3 x its default recursion limit of 1000; so does
   stmpy, which also keeps the compiler's own recursion bounded. */
enum { MAX_NESTING = 3000 };

static int enter_node(SymTable *st, int lineno, int col)
{
    if (++st->depth <= MAX_NESTING)
        return 1;
    if (!st->failed) {
        st->failed = 1;
        err_set(st->err, st->src, ERR_RECURSION, lineno, col, lineno, col, "%s",
                "maximum recursion depth exceeded during compilation");
    }
    return 0;
}

static void visit_exprs(SymTable *st, AstSeq *seq)
{
    for (int i = 0; i < SEQ_LEN(seq) && !st->failed; i++)
        if (SEQ_GET(seq, i))
            visit_expr(st, SEQ_GET(seq, i));
}

static void visit_stmts(SymTable *st, AstSeq *seq)
{
    for (int i = 0; i < SEQ_LEN(seq) && !st->failed; i++)
        visit_stmt(st, SEQ_GET(seq, i));
}

static void visit_annotation(SymTable *st, Expr *e)
{
    if (!e)
        return;
    if (!st->future_annotations) {
        visit_expr(st, e);
        return;
    }
    /* They are strings then: their names bind nothing, but CPython still
       rejects yield, await and := in them.  The scope stays out of the tree. */
    SymScope *saved = st->cur;
    SymScope *ann = arena_alloc(st->arena, sizeof *ann);
    ann->name = "_annotation";
    ann->type = BLOCK_ANNOTATION;
    ann->key = e;
    ann->parent = saved;
    ann->nested = saved->nested || saved->type == BLOCK_FUNCTION;
    GROW(st->all, st->nall, st->capall);
    st->all[st->nall++] = ann;
    st->cur = ann;
    visit_expr(st, e);
    st->cur = saved;
}

static int not_in_annotation(SymTable *st, Expr *e, const char *what)
{
    if (st->cur->type != BLOCK_ANNOTATION)
        return 1;
    symtable_error(st, LOC(e), "'%s' can not be used within an annotation", what);
    return 0;
}

static void visit_arg_annotations(SymTable *st, AstSeq *args)
{
    for (int i = 0; i < SEQ_LEN(args); i++)
        visit_annotation(st, ((Arg *)SEQ_GET(args, i))->annotation);
}

static void visit_annotations(SymTable *st, Arguments *a, Expr *returns)
{
    visit_arg_annotations(st, a->posonlyargs);
    visit_arg_annotations(st, a->args);
    if (a->vararg)
        visit_annotation(st, a->vararg->annotation);
    if (a->kwarg)
        visit_annotation(st, a->kwarg->annotation);
    visit_arg_annotations(st, a->kwonlyargs);
    visit_annotation(st, returns);
}

static void visit_params(SymTable *st, AstSeq *args)
{
    for (int i = 0; i < SEQ_LEN(args); i++) {
        Arg *arg = SEQ_GET(args, i);
        add_def(st, arg->arg, DEF_PARAM, LOC(arg));
    }
}

static void visit_arguments(SymTable *st, Arguments *a)
{
    visit_params(st, a->posonlyargs);
    visit_params(st, a->args);
    visit_params(st, a->kwonlyargs);
    if (a->vararg) {
        add_def(st, a->vararg->arg, DEF_PARAM, LOC(a->vararg));
        st->cur->varargs = 1;
    }
    if (a->kwarg) {
        add_def(st, a->kwarg->arg, DEF_PARAM, LOC(a->kwarg));
        st->cur->varkeywords = 1;
    }
}

static void visit_function(SymTable *st, Stmt *s, const char *name, Arguments *args, AstSeq *body,
                           AstSeq *decorators, Expr *returns, int is_async)
{
    add_def(st, name, DEF_LOCAL, LOC(s));
    visit_exprs(st, args->defaults);
    visit_exprs(st, args->kw_defaults);
    visit_annotations(st, args, returns);
    visit_exprs(st, decorators);
    enter_block(st, name, BLOCK_FUNCTION, s, s->lineno, s->col_offset);
    if (is_async)
        st->cur->coroutine = 1;
    visit_arguments(st, args);
    visit_stmts(st, body);
    exit_block(st);
}

static void visit_alias(SymTable *st, Alias *a)
{
    const char *name = a->asname ? a->asname : a->name;
    const char *dot = strchr(name, '.');
    if (dot)
        name = arena_strndup(st->arena, name, dot - name);
    if (strcmp(name, "*")) {
        add_def(st, name, DEF_IMPORT, LOC(a));
    } else if (st->cur->type != BLOCK_MODULE) {
        symtable_error(st, LOC(a), "%s", "import * only allowed at module level");
    }
}

static void visit_pattern_inner(SymTable *st, Pattern *p);

static void visit_pattern(SymTable *st, Pattern *p)
{
    if (enter_node(st, p->lineno, p->col_offset))
        visit_pattern_inner(st, p);
    st->depth--;
}

static void visit_pattern_inner(SymTable *st, Pattern *p)
{
    switch (p->kind) {
    case Pattern_MatchValue:
        visit_expr(st, p->v.MatchValue.value);
        break;
    case Pattern_MatchSingleton:
        break;
    case Pattern_MatchSequence:
        for (int i = 0; i < SEQ_LEN(p->v.MatchSequence.patterns); i++)
            visit_pattern(st, SEQ_GET(p->v.MatchSequence.patterns, i));
        break;
    case Pattern_MatchStar:
        if (p->v.MatchStar.name)
            add_def(st, p->v.MatchStar.name, DEF_LOCAL, LOC(p));
        break;
    case Pattern_MatchMapping:
        visit_exprs(st, p->v.MatchMapping.keys);
        for (int i = 0; i < SEQ_LEN(p->v.MatchMapping.patterns); i++)
            visit_pattern(st, SEQ_GET(p->v.MatchMapping.patterns, i));
        if (p->v.MatchMapping.rest)
            add_def(st, p->v.MatchMapping.rest, DEF_LOCAL, LOC(p));
        break;
    case Pattern_MatchClass:
        visit_expr(st, p->v.MatchClass.cls);
        for (int i = 0; i < SEQ_LEN(p->v.MatchClass.patterns); i++)
            visit_pattern(st, SEQ_GET(p->v.MatchClass.patterns, i));
        for (int i = 0; i < SEQ_LEN(p->v.MatchClass.kwd_patterns); i++)
            visit_pattern(st, SEQ_GET(p->v.MatchClass.kwd_patterns, i));
        break;
    case Pattern_MatchAs:
        if (p->v.MatchAs.pattern)
            visit_pattern(st, p->v.MatchAs.pattern);
        if (p->v.MatchAs.name)
            add_def(st, p->v.MatchAs.name, DEF_LOCAL, LOC(p));
        break;
    case Pattern_MatchOr:
        for (int i = 0; i < SEQ_LEN(p->v.MatchOr.patterns); i++)
            visit_pattern(st, SEQ_GET(p->v.MatchOr.patterns, i));
        break;
    }
}

static void visit_global_nonlocal(SymTable *st, Stmt *s, AstSeq *names, int is_global)
{
    for (int i = 0; i < SEQ_LEN(names); i++) {
        const char *name = SEQ_GET(names, i);
        int cur = lookup_flags(st, name);
        if (cur & (DEF_PARAM | DEF_LOCAL | DEF_USE | DEF_ANNOT)) {
            const char *msg;
            if (cur & DEF_PARAM)
                msg = is_global ? "name '%s' is parameter and global" : "name '%s' is parameter and nonlocal";
            else if (cur & DEF_USE)
                msg = is_global ? "name '%s' is used prior to global declaration"
                                : "name '%s' is used prior to nonlocal declaration";
            else if (cur & DEF_ANNOT)
                msg = is_global ? "annotated name '%s' can't be global" : "annotated name '%s' can't be nonlocal";
            else
                msg = is_global ? "name '%s' is assigned to before global declaration"
                                : "name '%s' is assigned to before nonlocal declaration";
            symtable_error(st, LOC(s), msg, name);
            return;
        }
        add_def(st, name, is_global ? DEF_GLOBAL : DEF_NONLOCAL, LOC(s));
        record_directive(st, name, LOC(s));
    }
}

static void visit_stmt_inner(SymTable *st, Stmt *s);

static void visit_stmt(SymTable *st, Stmt *s)
{
    if (enter_node(st, s->lineno, s->col_offset))
        visit_stmt_inner(st, s);
    st->depth--;
}

static void visit_stmt_inner(SymTable *st, Stmt *s)
{
    switch (s->kind) {
    case Stmt_FunctionDef:
        visit_function(st, s, s->v.FunctionDef.name, s->v.FunctionDef.args, s->v.FunctionDef.body,
                       s->v.FunctionDef.decorator_list, s->v.FunctionDef.returns, 0);
        break;
    case Stmt_AsyncFunctionDef:
        visit_function(st, s, s->v.AsyncFunctionDef.name, s->v.AsyncFunctionDef.args,
                       s->v.AsyncFunctionDef.body, s->v.AsyncFunctionDef.decorator_list,
                       s->v.AsyncFunctionDef.returns, 1);
        break;
    case Stmt_ClassDef: {
        add_def(st, s->v.ClassDef.name, DEF_LOCAL, LOC(s));
        visit_exprs(st, s->v.ClassDef.bases);
        for (int i = 0; i < SEQ_LEN(s->v.ClassDef.keywords); i++)
            visit_expr(st, ((Keyword *)SEQ_GET(s->v.ClassDef.keywords, i))->value);
        visit_exprs(st, s->v.ClassDef.decorator_list);
        enter_block(st, s->v.ClassDef.name, BLOCK_CLASS, s, s->lineno, s->col_offset);
        const char *saved = st->private_name;
        st->private_name = s->v.ClassDef.name;
        visit_stmts(st, s->v.ClassDef.body);
        st->private_name = saved;
        exit_block(st);
        break;
    }
    case Stmt_Return:
        if (s->v.Return.value)
            visit_expr(st, s->v.Return.value);
        break;
    case Stmt_Delete:
        visit_exprs(st, s->v.Delete.targets);
        break;
    case Stmt_Assign:
        visit_exprs(st, s->v.Assign.targets);
        visit_expr(st, s->v.Assign.value);
        break;
    case Stmt_AnnAssign: {
        Expr *t = s->v.AnnAssign.target;
        if (t->kind == Expr_Name) {
            int cur = lookup_flags(st, t->v.Name.id);
            if ((cur & (DEF_GLOBAL | DEF_NONLOCAL)) && st->cur != st->top && s->v.AnnAssign.simple) {
                symtable_error(st, LOC(s),
                         cur & DEF_GLOBAL ? "annotated name '%s' can't be global"
                                          : "annotated name '%s' can't be nonlocal",
                         t->v.Name.id);
                return;
            }
            if (s->v.AnnAssign.simple)
                add_def(st, t->v.Name.id, DEF_ANNOT | DEF_LOCAL, LOC(t));
            else if (s->v.AnnAssign.value)
                add_def(st, t->v.Name.id, DEF_LOCAL, LOC(t));
        } else {
            visit_expr(st, t);
        }
        visit_annotation(st, s->v.AnnAssign.annotation);
        if (s->v.AnnAssign.value)
            visit_expr(st, s->v.AnnAssign.value);
        break;
    }
    case Stmt_AugAssign:
        visit_expr(st, s->v.AugAssign.target);
        visit_expr(st, s->v.AugAssign.value);
        break;
    case Stmt_For:
    case Stmt_AsyncFor:
        visit_expr(st, s->v.For.target);
        visit_expr(st, s->v.For.iter);
        visit_stmts(st, s->v.For.body);
        visit_stmts(st, s->v.For.orelse);
        break;
    case Stmt_While:
        visit_expr(st, s->v.While.test);
        visit_stmts(st, s->v.While.body);
        visit_stmts(st, s->v.While.orelse);
        break;
    case Stmt_If:
        visit_expr(st, s->v.If.test);
        visit_stmts(st, s->v.If.body);
        visit_stmts(st, s->v.If.orelse);
        break;
    case Stmt_Match:
        visit_expr(st, s->v.Match.subject);
        for (int i = 0; i < SEQ_LEN(s->v.Match.cases) && !st->failed; i++) {
            MatchCase *mc = SEQ_GET(s->v.Match.cases, i);
            visit_pattern(st, mc->pattern);
            if (mc->guard)
                visit_expr(st, mc->guard);
            visit_stmts(st, mc->body);
        }
        break;
    case Stmt_Raise:
        if (s->v.Raise.exc) {
            visit_expr(st, s->v.Raise.exc);
            if (s->v.Raise.cause)
                visit_expr(st, s->v.Raise.cause);
        }
        break;
    case Stmt_Try:
    case Stmt_TryStar:
        visit_stmts(st, s->v.Try.body);
        visit_stmts(st, s->v.Try.orelse);
        for (int i = 0; i < SEQ_LEN(s->v.Try.handlers) && !st->failed; i++) {
            ExceptHandler *h = SEQ_GET(s->v.Try.handlers, i);
            if (h->v.ExceptHandler.type)
                visit_expr(st, h->v.ExceptHandler.type);
            if (h->v.ExceptHandler.name)
                add_def(st, h->v.ExceptHandler.name, DEF_LOCAL, LOC(h));
            visit_stmts(st, h->v.ExceptHandler.body);
        }
        visit_stmts(st, s->v.Try.finalbody);
        break;
    case Stmt_Assert:
        visit_expr(st, s->v.Assert.test);
        if (s->v.Assert.msg)
            visit_expr(st, s->v.Assert.msg);
        break;
    case Stmt_Import:
        for (int i = 0; i < SEQ_LEN(s->v.Import.names) && !st->failed; i++)
            visit_alias(st, SEQ_GET(s->v.Import.names, i));
        break;
    case Stmt_ImportFrom:
        for (int i = 0; i < SEQ_LEN(s->v.ImportFrom.names) && !st->failed; i++)
            visit_alias(st, SEQ_GET(s->v.ImportFrom.names, i));
        break;
    case Stmt_Global:
        visit_global_nonlocal(st, s, s->v.Global.names, 1);
        break;
    case Stmt_Nonlocal:
        visit_global_nonlocal(st, s, s->v.Nonlocal.names, 0);
        break;
    case Stmt_Expr:
        visit_expr(st, s->v.Expr.value);
        break;
    case Stmt_Pass:
    case Stmt_Break:
    case Stmt_Continue:
        break;
    case Stmt_With:
    case Stmt_AsyncWith:
        for (int i = 0; i < SEQ_LEN(s->v.With.items); i++) {
            WithItem *w = SEQ_GET(s->v.With.items, i);
            visit_expr(st, w->context_expr);
            if (w->optional_vars)
                visit_expr(st, w->optional_vars);
        }
        visit_stmts(st, s->v.With.body);
        break;
    }
}

/* A named expression inside a comprehension binds in the nearest
   enclosing function or module scope. */
static void extend_namedexpr_scope(SymTable *st, Expr *e)
{
    const char *target = e->v.Name.id;
    for (SymScope *ste = st->cur; ste; ste = ste->parent) {
        if (ste->comprehension) {
            Symbol *sym = nt_get(&ste->symbols, target);
            if (sym && (sym->flags & DEF_COMP_ITER)) {
                symtable_error(st, LOC(e), "assignment expression cannot rebind comprehension iteration variable '%s'",
                         target);
                return;
            }
            continue;
        }
        if (ste->type == BLOCK_FUNCTION) {
            Symbol *sym = nt_get(&ste->symbols, target);
            add_def(st, target, sym && (sym->flags & DEF_GLOBAL) ? DEF_GLOBAL : DEF_NONLOCAL, LOC(e));
            record_directive(st, target, LOC(e));
            add_def_in(st, target, DEF_LOCAL, ste, LOC(e));
            return;
        }
        if (ste->type == BLOCK_MODULE) {
            add_def(st, target, DEF_GLOBAL, LOC(e));
            record_directive(st, target, LOC(e));
            add_def_in(st, target, DEF_GLOBAL, ste, LOC(e));
            return;
        }
        if (ste->type == BLOCK_CLASS) {
            symtable_error(st, LOC(e), "%s", "assignment expression within a comprehension cannot be used in a class body");
            return;
        }
    }
}

static void visit_comprehension(SymTable *st, Expr *e, const char *name, CompKind kind, AstSeq *gens,
                                Expr *elt, Expr *value)
{
    Comprehension *outer = SEQ_GET(gens, 0);
    st->cur->comp_iter_expr++;
    visit_expr(st, outer->iter);
    st->cur->comp_iter_expr--;
    if (st->failed)
        return;
    enter_block(st, name, BLOCK_FUNCTION, e, e->lineno, e->col_offset);
    st->cur->comprehension = kind;
    if (outer->is_async)
        st->cur->coroutine = 1;
    add_def(st, ".0", DEF_PARAM, LOC(e));
    st->cur->comp_iter_target = 1;
    visit_expr(st, outer->target);
    st->cur->comp_iter_target = 0;
    visit_exprs(st, outer->ifs);
    for (int i = 1; i < SEQ_LEN(gens) && !st->failed; i++) {
        Comprehension *c = SEQ_GET(gens, i);
        st->cur->comp_iter_target = 1;
        visit_expr(st, c->target);
        st->cur->comp_iter_target = 0;
        st->cur->comp_iter_expr++;
        visit_expr(st, c->iter);
        st->cur->comp_iter_expr--;
        visit_exprs(st, c->ifs);
        if (c->is_async)
            st->cur->coroutine = 1;
    }
    if (value && !st->failed)
        visit_expr(st, value);
    if (!st->failed)
        visit_expr(st, elt);
    int is_gen = kind == COMP_GEN;
    st->cur->generator = is_gen;
    int is_async = st->cur->coroutine && !is_gen;
    exit_block(st);
    if (is_async)
        st->cur->coroutine = 1;
}

static void visit_expr_inner(SymTable *st, Expr *e);

static void visit_expr(SymTable *st, Expr *e)
{
    if (enter_node(st, e->lineno, e->col_offset) && !st->failed)
        visit_expr_inner(st, e);
    st->depth--;
}

static void visit_expr_inner(SymTable *st, Expr *e)
{
    switch (e->kind) {
    case Expr_NamedExpr:
        if (!not_in_annotation(st, e, "named expression"))
            return;
        if (st->cur->comp_iter_expr > 0) {
            symtable_error(st, LOC(e), "%s", "assignment expression cannot be used in a comprehension iterable expression");
            return;
        }
        if (st->cur->comprehension) {
            extend_namedexpr_scope(st, e->v.NamedExpr.target);
            if (st->failed)
                return;
        }
        visit_expr(st, e->v.NamedExpr.value);
        visit_expr(st, e->v.NamedExpr.target);
        break;
    case Expr_BoolOp:
        visit_exprs(st, e->v.BoolOp.values);
        break;
    case Expr_BinOp:
        visit_expr(st, e->v.BinOp.left);
        visit_expr(st, e->v.BinOp.right);
        break;
    case Expr_UnaryOp:
        visit_expr(st, e->v.UnaryOp.operand);
        break;
    case Expr_Lambda: {
        Arguments *a = e->v.Lambda.args;
        visit_exprs(st, a->defaults);
        visit_exprs(st, a->kw_defaults);
        enter_block(st, "lambda", BLOCK_FUNCTION, e, e->lineno, e->col_offset);
        visit_arguments(st, a);
        visit_expr(st, e->v.Lambda.body);
        exit_block(st);
        break;
    }
    case Expr_IfExp:
        visit_expr(st, e->v.IfExp.test);
        visit_expr(st, e->v.IfExp.body);
        visit_expr(st, e->v.IfExp.orelse);
        break;
    case Expr_Dict:
        visit_exprs(st, e->v.Dict.keys);
        visit_exprs(st, e->v.Dict.values);
        break;
    case Expr_Set:
        visit_exprs(st, e->v.Set.elts);
        break;
    case Expr_GeneratorExp:
        visit_comprehension(st, e, "genexpr", COMP_GEN, e->v.GeneratorExp.generators, e->v.GeneratorExp.elt, NULL);
        break;
    case Expr_ListComp:
        visit_comprehension(st, e, "listcomp", COMP_LIST, e->v.ListComp.generators, e->v.ListComp.elt, NULL);
        break;
    case Expr_SetComp:
        visit_comprehension(st, e, "setcomp", COMP_SET, e->v.SetComp.generators, e->v.SetComp.elt, NULL);
        break;
    case Expr_DictComp:
        visit_comprehension(st, e, "dictcomp", COMP_DICT, e->v.DictComp.generators, e->v.DictComp.key,
                            e->v.DictComp.value);
        break;
    case Expr_Yield:
    case Expr_YieldFrom:
        if (!not_in_annotation(st, e, "yield expression"))
            return;
        if (e->v.Yield.value)
            visit_expr(st, e->v.Yield.value);
        st->cur->generator = 1;
        if (st->cur->comprehension) {
            static const char *const what[] = {
                [COMP_LIST] = "'yield' inside list comprehension",
                [COMP_SET] = "'yield' inside set comprehension",
                [COMP_DICT] = "'yield' inside dict comprehension",
                [COMP_GEN] = "'yield' inside generator expression",
            };
            symtable_error(st, LOC(e), "%s", what[st->cur->comprehension]);
        }
        break;
    case Expr_Await:
        if (!not_in_annotation(st, e, "await expression"))
            return;
        visit_expr(st, e->v.Await.value);
        st->cur->coroutine = 1;
        break;
    case Expr_Compare:
        visit_expr(st, e->v.Compare.left);
        visit_exprs(st, e->v.Compare.comparators);
        break;
    case Expr_Call:
        visit_expr(st, e->v.Call.func);
        visit_exprs(st, e->v.Call.args);
        for (int i = 0; i < SEQ_LEN(e->v.Call.keywords); i++)
            visit_expr(st, ((Keyword *)SEQ_GET(e->v.Call.keywords, i))->value);
        break;
    case Expr_FormattedValue:
        visit_expr(st, e->v.FormattedValue.value);
        if (e->v.FormattedValue.format_spec)
            visit_expr(st, e->v.FormattedValue.format_spec);
        break;
    case Expr_JoinedStr:
        visit_exprs(st, e->v.JoinedStr.values);
        break;
    case Expr_Constant:
        break;
    case Expr_Attribute:
        visit_expr(st, e->v.Attribute.value);
        break;
    case Expr_Subscript:
        visit_expr(st, e->v.Subscript.value);
        visit_expr(st, e->v.Subscript.slice);
        break;
    case Expr_Starred:
        visit_expr(st, e->v.Starred.value);
        break;
    case Expr_Slice:
        if (e->v.Slice.lower)
            visit_expr(st, e->v.Slice.lower);
        if (e->v.Slice.upper)
            visit_expr(st, e->v.Slice.upper);
        if (e->v.Slice.step)
            visit_expr(st, e->v.Slice.step);
        break;
    case Expr_Name:
        add_def(st, e->v.Name.id, e->v.Name.ctx == ExprContext_Load ? DEF_USE : DEF_LOCAL, LOC(e));
        if (e->v.Name.ctx == ExprContext_Load && st->cur->type == BLOCK_FUNCTION &&
            !strcmp(e->v.Name.id, "super"))
            add_def(st, "__class__", DEF_USE, LOC(e));
        break;
    case Expr_List:
        visit_exprs(st, e->v.List.elts);
        break;
    case Expr_Tuple:
        visit_exprs(st, e->v.Tuple.elts);
        break;
    }
}

SymTable *symtable_build(Arena *a, const Source *src, SyntaxErr *err, AstSeq *body, Expr *expr,
                         int future_annotations)
{
    SymTable *st = arena_alloc(a, sizeof *st);
    st->arena = a;
    st->src = src;
    st->err = err;
    st->future_annotations = future_annotations;
    st->top = enter_block(st, "top", BLOCK_MODULE, NULL, 0, 0);
    st->globals = &st->top->symbols;
    if (body)
        visit_stmts(st, body);
    if (expr)
        visit_expr(st, expr);
    if (!st->failed) {
        NameTable free = {0}, global = {0};
        symtable_analyze_block(st, st->top, NULL, &free, &global);
        nt_release(&free);
        nt_release(&global);
    }
    if (st->failed) {
        symtable_free(st);
        return NULL;
    }
    return st;
}

