/* Symbol tables, built in two passes as CPython 3.11 does: a walk of the
 * tree that records, per scope, how each name is used (DEF_* flags), then
 * an analysis from the module down that decides each name's scope and
 * which locals must become cells because an inner scope uses them.
 */
#include <stdlib.h>
#include <string.h>

#include "compiler/symtable.h"

/* ---- name tables ------------------------------------------------------- */

static unsigned hash_str(const char *s)
{
    unsigned h = 2166136261u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

static int nt_find(const NameTable *t, const char *name)
{
    if (!t->hcap)
        return -1;
    for (unsigned i = hash_str(name) & (t->hcap - 1);; i = (i + 1) & (t->hcap - 1)) {
        int k = t->index[i];
        if (k < 0 || !strcmp(t->syms[k].name, name))
            return k;
    }
}

static void nt_reindex(NameTable *t)
{
    t->hcap = t->hcap ? t->hcap * 2 : 16;
    free(t->index);
    t->index = malloc(sizeof(int) * t->hcap);
    if (!t->index)
        abort();
    memset(t->index, 0xff, sizeof(int) * t->hcap);
    for (int k = 0; k < t->n; k++) {
        unsigned i = hash_str(t->syms[k].name) & (t->hcap - 1);
        while (t->index[i] >= 0)
            i = (i + 1) & (t->hcap - 1);
        t->index[i] = k;
    }
}

/* Returns the entry for name, adding it (flags 0) if missing. */
static Symbol *nt_add(NameTable *t, const char *name)
{
    int k = nt_find(t, name);
    if (k >= 0)
        return &t->syms[k];
    if (t->n == t->cap) {
        t->cap = t->cap ? t->cap * 2 : 8;
        t->syms = realloc(t->syms, sizeof(Symbol) * t->cap);
        if (!t->syms)
            abort();
    }
    k = t->n++;
    t->syms[k] = (Symbol){name, 0, SC_NONE};
    if (t->n * 2 > t->hcap)
        nt_reindex(t);
    else {
        unsigned i = hash_str(name) & (t->hcap - 1);
        while (t->index[i] >= 0)
            i = (i + 1) & (t->hcap - 1);
        t->index[i] = k;
    }
    return &t->syms[k];
}

static Symbol *nt_get(const NameTable *t, const char *name)
{
    int k = nt_find(t, name);
    return k >= 0 ? &t->syms[k] : NULL;
}

/* The analysis sets: a NameTable where flags==1 means "member" so that
   removal needs no rehash. */
static int set_has(const NameTable *t, const char *name)
{
    Symbol *s = t ? nt_get(t, name) : NULL;
    return s && s->flags;
}
static void set_add(NameTable *t, const char *name) { nt_add(t, name)->flags = 1; }
static void set_discard(NameTable *t, const char *name)
{
    Symbol *s = nt_get(t, name);
    if (s)
        s->flags = 0;
}
static void set_update(NameTable *t, const NameTable *from)
{
    for (int i = 0; i < from->n; i++)
        if (from->syms[i].flags)
            set_add(t, from->syms[i].name);
}
static void nt_release(NameTable *t)
{
    free(t->syms);
    free(t->index);
    memset(t, 0, sizeof *t);
}

/* ---- building ---------------------------------------------------------- */

#define GROW(arr, n, cap)                                                       \
    do {                                                                        \
        if ((n) == (cap)) {                                                     \
            (cap) = (cap) ? (cap) * 2 : 4;                                      \
            (arr) = realloc((arr), sizeof(*(arr)) * (cap));                     \
            if (!(arr))                                                         \
                abort();                                                        \
        }                                                                       \
    } while (0)

const char *mangle_name(Arena *a, const char *priv, const char *name)
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

typedef struct Loc {
    int lineno, col, end_lineno, end_col;
} Loc;
#define LOC(n) ((Loc){(n)->lineno, (n)->col_offset, (n)->end_lineno, (n)->end_col_offset})

static void st_error(SymTable *st, Loc l, const char *fmt, const char *name)
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
    const char *mangled = mangle_name(st->arena, st->private_name, name);
    Symbol *sym = nt_get(&ste->symbols, mangled);
    int val = flag;
    if (sym) {
        if ((flag & DEF_PARAM) && (sym->flags & DEF_PARAM)) {
            st_error(st, l, "duplicate argument '%s' in function definition", name);
            return;
        }
        val |= sym->flags;
    }
    if (ste->comp_iter_target) {
        if (val & (DEF_GLOBAL | DEF_NONLOCAL)) {
            st_error(st, l, "comprehension inner loop cannot rebind assignment expression target '%s'",
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
    Symbol *s = nt_get(&st->cur->symbols, mangle_name(st->arena, st->private_name, name));
    return s ? s->flags : 0;
}

static void record_directive(SymTable *st, const char *name, Loc l)
{
    SymScope *s = st->cur;
    GROW(s->directives, s->ndirectives, s->capdirectives);
    s->directives[s->ndirectives++] =
        (Directive){mangle_name(st->arena, st->private_name, name), l.lineno, l.col, l.end_lineno, l.end_col};
}

static void visit_expr(SymTable *st, Expr *e);
static void visit_stmt(SymTable *st, Stmt *s);

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
    /* Under `from __future__ import annotations` they are strings. */
    if (e && !st->future_annotations)
        visit_expr(st, e);
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
        st_error(st, LOC(a), "%s", "import * only allowed at module level");
    }
}

static void visit_pattern(SymTable *st, Pattern *p)
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
            st_error(st, LOC(s), msg, name);
            return;
        }
        add_def(st, name, is_global ? DEF_GLOBAL : DEF_NONLOCAL, LOC(s));
        record_directive(st, name, LOC(s));
    }
}

static void visit_stmt(SymTable *st, Stmt *s)
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
        if (s->v.Return.value) {
            visit_expr(st, s->v.Return.value);
            st->cur->returns_value = 1;
        }
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
                st_error(st, LOC(s),
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
                st_error(st, LOC(e), "assignment expression cannot rebind comprehension iteration variable '%s'",
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
        st_error(st, LOC(e), "%s", "assignment expression within a comprehension cannot be used in a class body");
        return;
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

static void visit_expr(SymTable *st, Expr *e)
{
    if (st->failed)
        return;
    switch (e->kind) {
    case Expr_NamedExpr:
        if (st->cur->comp_iter_expr > 0) {
            st_error(st, LOC(e), "%s", "assignment expression cannot be used in a comprehension iterable expression");
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
            st_error(st, LOC(e), "%s", what[st->cur->comprehension]);
        }
        break;
    case Expr_Await:
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

/* ---- analysis ---------------------------------------------------------- */

static void error_at_directive(SymTable *st, SymScope *ste, const char *msg, const char *name)
{
    for (int i = 0; i < ste->ndirectives; i++) {
        Directive *d = &ste->directives[i];
        if (!strcmp(d->name, name)) {
            st_error(st, (Loc){d->lineno, d->col, d->end_lineno, d->end_col}, msg, name);
            return;
        }
    }
    st_error(st, (Loc){ste->lineno, ste->col, ste->lineno, ste->col}, msg, name);
}

static void analyze_name(SymTable *st, SymScope *ste, Symbol *sym, NameTable *bound, NameTable *local,
                         NameTable *free, NameTable *global)
{
    const char *name = sym->name;
    int flags = sym->flags;
    if (flags & DEF_GLOBAL) {
        if (flags & DEF_NONLOCAL) {
            error_at_directive(st, ste, "name '%s' is nonlocal and global", name);
            return;
        }
        sym->scope = SC_GLOBAL_EXPLICIT;
        set_add(global, name);
        if (bound)
            set_discard(bound, name);
        return;
    }
    if (flags & DEF_NONLOCAL) {
        if (!bound) {
            error_at_directive(st, ste, "%s", "nonlocal declaration not allowed at module level");
            return;
        }
        if (!set_has(bound, name)) {
            error_at_directive(st, ste, "no binding for nonlocal '%s' found", name);
            return;
        }
        sym->scope = SC_FREE;
        ste->free = 1;
        set_add(free, name);
        return;
    }
    if (flags & DEF_BOUND) {
        sym->scope = SC_LOCAL;
        set_add(local, name);
        set_discard(global, name);
        return;
    }
    if (bound && set_has(bound, name)) {
        sym->scope = SC_FREE;
        ste->free = 1;
        set_add(free, name);
        return;
    }
    if (global && set_has(global, name)) {
        sym->scope = SC_GLOBAL_IMPLICIT;
        return;
    }
    if (ste->nested)
        ste->free = 1;
    sym->scope = SC_GLOBAL_IMPLICIT;
}

static void copy_set(NameTable *to, const NameTable *from)
{
    if (from)
        set_update(to, from);
}

/* free: names free in this scope or below, for the caller. */
static void analyze_block(SymTable *st, SymScope *ste, NameTable *bound, NameTable *free, NameTable *global)
{
    NameTable local = {0}, newglobal = {0}, newfree = {0}, newbound = {0}, allfree = {0};
    if (ste->type == BLOCK_CLASS) {
        copy_set(&newglobal, global);
        copy_set(&newbound, bound);
    }
    for (int i = 0; i < ste->symbols.n && !st->failed; i++)
        analyze_name(st, ste, &ste->symbols.syms[i], bound, &local, free, global);
    if (ste->type != BLOCK_CLASS) {
        if (ste->type == BLOCK_FUNCTION)
            set_update(&newbound, &local);
        copy_set(&newbound, bound);
        copy_set(&newglobal, global);
    } else {
        set_add(&newbound, "__class__");
    }
    for (int i = 0; i < ste->nchildren && !st->failed; i++) {
        SymScope *c = ste->children[i];
        NameTable tb = {0}, tf = {0}, tg = {0};
        copy_set(&tb, &newbound);
        copy_set(&tf, &newfree);
        copy_set(&tg, &newglobal);
        analyze_block(st, c, &tb, &tf, &tg);
        set_update(&allfree, &tf);
        if (c->free || c->child_free)
            ste->child_free = 1;
        nt_release(&tb);
        nt_release(&tf);
        nt_release(&tg);
    }
    set_update(&newfree, &allfree);
    if (ste->type == BLOCK_FUNCTION) {
        for (int i = 0; i < ste->symbols.n; i++) {
            Symbol *s = &ste->symbols.syms[i];
            if (s->scope == SC_LOCAL && set_has(&newfree, s->name)) {
                s->scope = SC_CELL;
                set_discard(&newfree, s->name);
            }
        }
    } else if (ste->type == BLOCK_CLASS && set_has(&newfree, "__class__")) {
        set_discard(&newfree, "__class__");
        ste->needs_class_closure = 1;
    }
    /* Names free below and not local here pass through this scope. */
    for (int i = 0; i < newfree.n; i++) {
        if (!newfree.syms[i].flags)
            continue;
        const char *name = newfree.syms[i].name;
        Symbol *s = nt_get(&ste->symbols, name);
        if (s) {
            if (ste->type == BLOCK_CLASS && (s->flags & (DEF_BOUND | DEF_GLOBAL)))
                s->flags |= DEF_FREE_CLASS;
            continue;
        }
        if (bound && !set_has(bound, name))
            continue;
        s = nt_add(&ste->symbols, name);
        s->scope = SC_FREE;
    }
    set_update(free, &newfree);
    nt_release(&local);
    nt_release(&newglobal);
    nt_release(&newfree);
    nt_release(&newbound);
    nt_release(&allfree);
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
        analyze_block(st, st->top, NULL, &free, &global);
        nt_release(&free);
        nt_release(&global);
    }
    if (st->failed) {
        symtable_free(st);
        return NULL;
    }
    return st;
}

void symtable_free(SymTable *st)
{
    if (!st)
        return;
    for (int i = 0; i < st->nall; i++) {
        SymScope *s = st->all[i];
        nt_release(&s->symbols);
        free(s->children);
        free(s->varnames);
        free(s->directives);
    }
    free(st->all);
    st->all = NULL;
    st->nall = 0;
}

SymScope *symtable_lookup_scope(SymTable *st, const void *key)
{
    for (int i = 0; i < st->nall; i++)
        if (st->all[i]->key == key)
            return st->all[i];
    return NULL;
}

Symbol *symtable_get(const SymScope *s, const char *name) { return nt_get(&s->symbols, name); }

SymScopeKind symtable_scope_of(const SymScope *s, const char *name)
{
    Symbol *sym = nt_get(&s->symbols, name);
    return sym ? sym->scope : SC_NONE;
}

static int cmp_sym(const void *a, const void *b)
{
    return strcmp((*(Symbol *const *)a)->name, (*(Symbol *const *)b)->name);
}

static void dump_scope(FILE *out, const SymScope *s, int depth)
{
    static const char *const types[] = {"function", "class", "module"};
    fprintf(out, "%*s%s %s %d%s\n", depth * 2, "", types[s->type], s->name, s->lineno,
            s->nested ? " nested" : "");
    Symbol **v = malloc(sizeof(Symbol *) * (s->symbols.n + 1));
    for (int i = 0; i < s->symbols.n; i++)
        v[i] = &s->symbols.syms[i];
    qsort(v, s->symbols.n, sizeof *v, cmp_sym);
    static const char *const scopes[] = {"none", "local", "global_explicit", "global_implicit", "free", "cell"};
    for (int i = 0; i < s->symbols.n; i++)
        fprintf(out, "%*s  %s %s %d\n", depth * 2, "", v[i]->name, scopes[v[i]->scope], v[i]->flags);
    free(v);
    if (s->type == BLOCK_FUNCTION) {
        fprintf(out, "%*s  params:", depth * 2, "");
        for (int i = 0; i < s->nvarnames; i++)
            fprintf(out, " %s", s->varnames[i]);
        fputc('\n', out);
    }
    for (int i = 0; i < s->nchildren; i++)
        dump_scope(out, s->children[i], depth + 1);
}

void symtable_dump(FILE *out, const SymTable *st) { dump_scope(out, st->top, 0); }
