/* The compiler's core: code units and their scopes, instruction emission,
 * name resolution, frame blocks, future statements and the entry points.
 * The shapes of the emitted code follow CPython 3.11's compile.c.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "compiler/compile_internal.h"

#define GROW(arr, n, cap)                                                       \
    do {                                                                        \
        if ((n) == (cap)) {                                                     \
            (cap) = (cap) ? (cap) * 2 : 16;                                     \
            (arr) = realloc((arr), sizeof(*(arr)) * (cap));                     \
            if (!(arr))                                                         \
                abort();                                                        \
        }                                                                       \
    } while (0)

/* ---- errors ------------------------------------------------------------ */

static int verror(Compiler *c, int lineno, int col, int end_lineno, int end_col, const char *fmt, va_list ap)
{
    if (!c->failed) {
        char msg[400];
        vsnprintf(msg, sizeof msg, fmt, ap);
        err_set(c->err, c->src, ERR_SYNTAX, lineno, col, end_lineno, end_col, "%s", msg);
    }
    c->failed = 1;
    return 0;
}

int compiler_error(Compiler *c, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    LineEntry l = c->u->loc;
    verror(c, l.lineno, l.col, l.end_lineno, l.end_col, fmt, ap);
    va_end(ap);
    return 0;
}

int compiler_error_at(Compiler *c, int lineno, int col, int end_lineno, int end_col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    verror(c, lineno, col, end_lineno, end_col, fmt, ap);
    va_end(ap);
    return 0;
}

/* ---- emission ---------------------------------------------------------- */

void c_loc_to(Compiler *c, int lineno, int col, int end_lineno, int end_col)
{
    c->u->loc = (LineEntry){lineno, end_lineno, col, end_col};
    c->u->artificial = 0;
}
void c_loc_expr(Compiler *c, const Expr *e) { c_loc_to(c, e->lineno, e->col_offset, e->end_lineno, e->end_col_offset); }
void c_loc_stmt(Compiler *c, const Stmt *s) { c_loc_to(c, s->lineno, s->col_offset, s->end_lineno, s->end_col_offset); }

int c_new_label(Compiler *c)
{
    Unit *u = c->u;
    GROW(u->labels, u->nlabels, u->caplabels);
    u->labels[u->nlabels] = -1;
    return u->nlabels++;
}

void c_use_label(Compiler *c, int label)
{
    c->u->labels[label] = c->u->ninstrs;
    c->u->last_label = c->u->ninstrs;
}

static Instr *add_instr(Compiler *c, int op, int arg)
{
    Unit *u = c->u;
    GROW(u->instrs, u->ninstrs, u->capinstrs);
    Instr *in = &u->instrs[u->ninstrs++];
    in->op = op;
    in->arg = arg;
    in->target = -1;
    if (u->artificial && u->ninstrs > 1)
        in->loc = in[-1].loc;
    else
        in->loc = u->loc;
    return in;
}

/* BUILD_TUPLE of n constants in one basic block becomes one constant, as
   CPython's fold_tuple_on_constants makes it. */
static int fold_build_tuple(Compiler *c, int n)
{
    Unit *u = c->u;
    int first = u->ninstrs - n;
    if (first < 0 || u->last_label > first)
        return 0;
    for (int i = first; i < u->ninstrs; i++)
        if (u->instrs[i].op != OP_LOAD_CONST)
            return 0;
    ConstVal *t = cv_tuple(c, n);
    for (int i = 0; i < n; i++)
        t->v.tup.items[i] = u->consts[u->instrs[first + i].arg];
    u->ninstrs = first;
    add_instr(c, OP_LOAD_CONST, c_add_const(c, t));
    return 1;
}

void c_emit(Compiler *c, int op, int arg)
{
    if (op == OP_BUILD_TUPLE && fold_build_tuple(c, arg))
        return;
    add_instr(c, op, arg);
}

void c_emit_jump(Compiler *c, int op, int label) { add_instr(c, op, 0)->target = label; }

int c_add_const(Compiler *c, ConstVal *v)
{
    Unit *u = c->u;
    for (int i = 0; i < u->nconsts; i++)
        if (cv_equal(u->consts[i], v))
            return i;
    GROW(u->consts, u->nconsts, u->capconsts);
    u->consts[u->nconsts] = v;
    return u->nconsts++;
}

void c_emit_const(Compiler *c, ConstVal *v) { c_emit(c, OP_LOAD_CONST, c_add_const(c, v)); }
void c_emit_none(Compiler *c) { c_emit_const(c, cv_none(c)); }

int c_add_name(Compiler *c, const char *name)
{
    Unit *u = c->u;
    for (int i = 0; i < u->nnames; i++)
        if (!strcmp(u->names[i], name))
            return i;
    GROW(u->names, u->nnames, u->capnames);
    u->names[u->nnames] = name;
    return u->nnames++;
}

const char *compiler_mangle(Compiler *c, const char *name) { return symtable_mangle(c->arena, c->u->private_name, name); }

void c_emit_name(Compiler *c, int op, const char *name)
{
    int i = c_add_name(c, compiler_mangle(c, name));
    c_emit(c, op, op == OP_LOAD_GLOBAL ? i << 1 : i);
}

void c_emit_compare(Compiler *c, CmpOpKind op)
{
    switch (op) {
    case CmpOp_Is: c_emit(c, OP_IS_OP, 0); break;
    case CmpOp_IsNot: c_emit(c, OP_IS_OP, 1); break;
    case CmpOp_In: c_emit(c, OP_CONTAINS_OP, 0); break;
    case CmpOp_NotIn: c_emit(c, OP_CONTAINS_OP, 1); break;
    case CmpOp_Eq: c_emit(c, OP_COMPARE_OP, CMP_EQ); break;
    case CmpOp_NotEq: c_emit(c, OP_COMPARE_OP, CMP_NE); break;
    case CmpOp_Lt: c_emit(c, OP_COMPARE_OP, CMP_LT); break;
    case CmpOp_LtE: c_emit(c, OP_COMPARE_OP, CMP_LE); break;
    case CmpOp_Gt: c_emit(c, OP_COMPARE_OP, CMP_GT); break;
    case CmpOp_GtE: c_emit(c, OP_COMPARE_OP, CMP_GE); break;
    }
}

/* The delegation loop of `yield from` and `await`: the value to send is on
   top of the iterator. */
void c_emit_yield_from(Compiler *c)
{
    int start = c_new_label(c), exit = c_new_label(c);
    c_use_label(c, start);
    c_emit_jump(c, OP_SEND, exit);
    c_emit(c, OP_YIELD_VALUE, 0);
    c_emit_jump(c, PSEUDO_JUMP_NO_INTERRUPT, start);
    c_use_label(c, exit);
}

void c_emit_yield(Compiler *c)
{
    if (c->u->ste->generator && c->u->ste->coroutine)
        c_emit(c, OP_ASYNC_GEN_WRAP, 0);
    c_emit(c, OP_YIELD_VALUE, 0);
}

/* ---- names ------------------------------------------------------------- */

static int index_of(const char **v, int n, const char *name)
{
    for (int i = 0; i < n; i++)
        if (!strcmp(v[i], name))
            return i;
    return -1;
}

static int add_varname(Unit *u, const char *name)
{
    int i = index_of(u->varnames, u->nvarnames, name);
    if (i >= 0)
        return i;
    GROW(u->varnames, u->nvarnames, u->capvarnames);
    u->varnames[u->nvarnames] = name;
    return u->nvarnames++;
}

void compile_nameop(Compiler *c, const char *name, ExprContext ctx)
{
    Unit *u = c->u;
    if (!strcmp(name, "__debug__")) {
        if (ctx == ExprContext_Store) {
            compiler_error(c, "cannot assign to __debug__");
            return;
        }
        if (ctx == ExprContext_Del) {
            compiler_error(c, "cannot delete __debug__");
            return;
        }
    }
    const char *mangled = compiler_mangle(c, name);
    SymScopeKind scope = symtable_scope_of(u->ste, mangled);
    enum { OP_KIND_NAME, OP_KIND_FAST, OP_KIND_GLOBAL, OP_KIND_DEREF } kind = OP_KIND_NAME;
    int deref = 0;
    switch (scope) {
    case SC_FREE:
        kind = OP_KIND_DEREF;
        deref = index_of(u->freevars, u->nfreevars, mangled) | DEREF_FREE_BIT;
        break;
    case SC_CELL:
        kind = OP_KIND_DEREF;
        deref = index_of(u->cellvars, u->ncellvars, mangled);
        break;
    case SC_LOCAL:
        if (u->ste->type == BLOCK_FUNCTION)
            kind = OP_KIND_FAST;
        break;
    case SC_GLOBAL_IMPLICIT:
        if (u->ste->type == BLOCK_FUNCTION)
            kind = OP_KIND_GLOBAL;
        break;
    case SC_GLOBAL_EXPLICIT:
        kind = OP_KIND_GLOBAL;
        break;
    case SC_NONE:
        break;
    }
    static const int ops[4][3] = {
        [OP_KIND_NAME] = {OP_LOAD_NAME, OP_STORE_NAME, OP_DELETE_NAME},
        [OP_KIND_FAST] = {OP_LOAD_FAST, OP_STORE_FAST, OP_DELETE_FAST},
        [OP_KIND_GLOBAL] = {OP_LOAD_GLOBAL, OP_STORE_GLOBAL, OP_DELETE_GLOBAL},
        [OP_KIND_DEREF] = {OP_LOAD_DEREF, OP_STORE_DEREF, OP_DELETE_DEREF},
    };
    int op = ops[kind][ctx];
    switch (kind) {
    case OP_KIND_DEREF:
        if (op == OP_LOAD_DEREF && u->ste->type == BLOCK_CLASS)
            op = OP_LOAD_CLASSDEREF;
        c_emit(c, op, deref);
        break;
    case OP_KIND_FAST:
        c_emit(c, op, add_varname(u, mangled));
        break;
    case OP_KIND_GLOBAL:
        c_emit(c, op, op == OP_LOAD_GLOBAL ? c_add_name(c, mangled) << 1 : c_add_name(c, mangled));
        break;
    case OP_KIND_NAME:
        c_emit(c, op, c_add_name(c, mangled));
        break;
    }
}

/* ---- frame blocks ------------------------------------------------------ */

int c_push_fblock(Compiler *c, FBlockType t, int block, int exit, const void *datum)
{
    Unit *u = c->u;
    if (u->nfblocks >= CO_MAXBLOCKS)
        return compiler_error(c, "too many statically nested blocks");
    u->fblocks[u->nfblocks++] = (FBlock){t, block, exit, datum};
    return 1;
}

void c_pop_fblock(Compiler *c) { c->u->nfblocks--; }

static void call_exit_with_nones(Compiler *c)
{
    c_emit_none(c);
    c_emit_none(c);
    c_emit_none(c);
    c_emit(c, OP_CALL, 2);
}

/* Emits what leaving fblock `info` early (return, break, continue) must do. */
int c_unwind_fblock(Compiler *c, FBlock *info, int preserve_tos)
{
    switch (info->type) {
    case FB_WHILE_LOOP:
    case FB_EXCEPTION_HANDLER:
    case FB_EXCEPTION_GROUP_HANDLER:
    case FB_ASYNC_COMPREHENSION_GENERATOR:
        return 1;
    case FB_FOR_LOOP:
        if (preserve_tos)
            c_emit(c, OP_SWAP, 2);
        c_emit(c, OP_POP_TOP, 0);
        return 1;
    case FB_TRY_EXCEPT:
        c_emit(c, PSEUDO_POP_BLOCK, 0);
        return 1;
    case FB_FINALLY_TRY:
        c_emit(c, PSEUDO_POP_BLOCK, 0);
        if (preserve_tos && !c_push_fblock(c, FB_POP_VALUE, -1, -1, NULL))
            return 0;
        compile_stmts(c, (AstSeq *)info->datum);
        if (preserve_tos)
            c_pop_fblock(c);
        c->u->artificial = 1;
        return !c->failed;
    case FB_FINALLY_END:
        if (preserve_tos)
            c_emit(c, OP_SWAP, 2);
        c_emit(c, OP_POP_TOP, 0);
        if (preserve_tos)
            c_emit(c, OP_SWAP, 2);
        c_emit(c, PSEUDO_POP_BLOCK, 0);
        c_emit(c, OP_POP_EXCEPT, 0);
        return 1;
    case FB_WITH:
    case FB_ASYNC_WITH:
        c_loc_stmt(c, info->datum);
        c_emit(c, PSEUDO_POP_BLOCK, 0);
        if (preserve_tos)
            c_emit(c, OP_SWAP, 2);
        call_exit_with_nones(c);
        if (info->type == FB_ASYNC_WITH) {
            c_emit(c, OP_GET_AWAITABLE, 2);
            c_emit_none(c);
            c_emit_yield_from(c);
        }
        c_emit(c, OP_POP_TOP, 0);
        c->u->artificial = 1;
        return 1;
    case FB_HANDLER_CLEANUP:
        if (info->datum)
            c_emit(c, PSEUDO_POP_BLOCK, 0);
        if (preserve_tos)
            c_emit(c, OP_SWAP, 2);
        c_emit(c, PSEUDO_POP_BLOCK, 0);
        c_emit(c, OP_POP_EXCEPT, 0);
        if (info->datum) {
            c_emit_none(c);
            compile_nameop(c, info->datum, ExprContext_Store);
            compile_nameop(c, info->datum, ExprContext_Del);
        }
        return 1;
    case FB_POP_VALUE:
        if (preserve_tos)
            c_emit(c, OP_SWAP, 2);
        c_emit(c, OP_POP_TOP, 0);
        return 1;
    }
    return 1;
}

int c_unwind_fblock_stack(Compiler *c, int preserve_tos, FBlock **loop)
{
    Unit *u = c->u;
    if (u->nfblocks == 0)
        return 1;
    FBlock *top = &u->fblocks[u->nfblocks - 1];
    if (top->type == FB_EXCEPTION_GROUP_HANDLER)
        return compiler_error(c, "'break', 'continue' and 'return' cannot appear in an except* block");
    if (loop && (top->type == FB_WHILE_LOOP || top->type == FB_FOR_LOOP)) {
        *loop = top;
        return 1;
    }
    FBlock copy = *top;
    u->nfblocks--;
    if (!c_unwind_fblock(c, &copy, preserve_tos) || !c_unwind_fblock_stack(c, preserve_tos, loop))
        return 0;
    u->fblocks[u->nfblocks++] = copy;
    return 1;
}

/* ---- units ------------------------------------------------------------- */

static int cmp_str(const void *a, const void *b) { return strcmp(*(const char *const *)a, *(const char *const *)b); }

/* Names of the symbols with the given scope (or flag), sorted as CPython
   sorts cellvars and freevars. */
static const char **names_by_scope(Compiler *c, SymScope *ste, SymScopeKind scope, int flag, int *n)
{
    const char **v = arena_alloc(c->arena, sizeof(char *) * (ste->symbols.n + 1));
    int k = 0;
    for (int i = 0; i < ste->symbols.n; i++) {
        Symbol *s = &ste->symbols.syms[i];
        if (s->scope == scope || (flag && (s->flags & flag)))
            v[k++] = s->name;
    }
    qsort(v, k, sizeof *v, cmp_str);
    *n = k;
    return v;
}

static void set_qualname(Compiler *c)
{
    Unit *u = c->u, *parent = u->parent;
    if (u->scope == SCOPE_MODULE || !parent || parent->scope == SCOPE_MODULE) {
        u->qualname = u->name;
        return;
    }
    if (u->scope == SCOPE_FUNCTION || u->scope == SCOPE_ASYNC_FUNCTION || u->scope == SCOPE_CLASS) {
        const char *mangled = symtable_mangle(c->arena, parent->private_name, u->name);
        if (symtable_scope_of(parent->ste, mangled) == SC_GLOBAL_EXPLICIT) {
            u->qualname = u->name;
            return;
        }
    }
    int locals = parent->scope == SCOPE_FUNCTION || parent->scope == SCOPE_ASYNC_FUNCTION ||
                 parent->scope == SCOPE_LAMBDA;
    size_t n = strlen(parent->qualname) + strlen(u->name) + 12;
    char *q = arena_alloc(c->arena, n);
    snprintf(q, n, "%s%s.%s", parent->qualname, locals ? ".<locals>" : "", u->name);
    u->qualname = q;
}

void c_enter_scope(Compiler *c, const char *name, UnitScope scope, const void *key, int lineno)
{
    Unit *u = calloc(1, sizeof *u);
    if (!u)
        abort();
    u->parent = c->u;
    u->scope = scope;
    u->name = name;
    u->ste = symtable_lookup_scope(c->st, key);
    u->firstlineno = lineno;
    u->private_name = c->u ? c->u->private_name : NULL;
    for (int i = 0; i < u->ste->nvarnames; i++)
        add_varname(u, u->ste->varnames[i]);
    u->cellvars = names_by_scope(c, u->ste, SC_CELL, 0, &u->ncellvars);
    if (u->ste->needs_class_closure) {
        /* The implicit __class__ cell: a class body has no other cells. */
        u->cellvars = arena_alloc(c->arena, sizeof(char *));
        u->cellvars[0] = "__class__";
        u->ncellvars = 1;
    }
    u->freevars = names_by_scope(c, u->ste, SC_FREE, DEF_FREE_CLASS, &u->nfreevars);
    u->loc = (LineEntry){lineno, lineno, -1, -1};
    c->u = u;
    if (scope != SCOPE_MODULE)
        c->nestlevel++;
    set_qualname(c);
}

static void free_unit(Unit *u)
{
    free(u->instrs);
    free(u->labels);
    free(u->consts);
    free(u->names);
    free(u->varnames);
    free(u);
}

static int code_flags(Compiler *c)
{
    SymScope *ste = c->u->ste;
    int flags = 0;
    if (ste->type == BLOCK_FUNCTION) {
        flags |= CO_NEWLOCALS | CO_OPTIMIZED;
        if (ste->nested)
            flags |= CO_NESTED;
        if (ste->generator && !ste->coroutine)
            flags |= CO_GENERATOR;
        if (!ste->generator && ste->coroutine)
            flags |= CO_COROUTINE;
        if (ste->generator && ste->coroutine)
            flags |= CO_ASYNC_GENERATOR;
        if (ste->varargs)
            flags |= CO_VARARGS;
        if (ste->varkeywords)
            flags |= CO_VARKEYWORDS;
    }
    return flags | c->future_flags;
}

/* Finishes the current unit: assembles it and returns to the parent. */
CodeUnit *c_exit_scope(Compiler *c, int add_none)
{
    Unit *u = c->u;
    CodeUnit *co = NULL;
    if (!c->failed) {
        if (add_none) {
            u->artificial = 1;
            c_emit_none(c);
            c_emit(c, OP_RETURN_VALUE, 0);
        }
        co = compile_assemble(c, u, code_flags(c));
    }
    c->u = u->parent;
    if (u->scope != SCOPE_MODULE)
        c->nestlevel--;
    free_unit(u);
    return c->failed ? NULL : co;
}

/* Pushes the function made from co: its closure tuple (cells of the
   current unit, or its own free variables, by name), then the code. */
void c_make_closure(Compiler *c, CodeUnit *co, int flags)
{
    if (!co)
        return;
    Unit *u = c->u;
    if (co->nfrees) {
        for (int i = co->nlocalsplus - co->nfrees; i < co->nlocalsplus; i++) {
            const char *name = co->localsplus[i];
            int arg;
            int k = index_of(u->cellvars, u->ncellvars, name);
            if (k >= 0 && (symtable_scope_of(u->ste, name) == SC_CELL ||
                           (u->scope == SCOPE_CLASS && !strcmp(name, "__class__"))))
                arg = k;
            else {
                k = index_of(u->freevars, u->nfreevars, name);
                if (k < 0) {
                    compiler_error(c, "internal error: no closure cell for '%s'", name);
                    return;
                }
                arg = k | DEREF_FREE_BIT;
            }
            c_emit(c, OP_LOAD_CLOSURE, arg);
        }
        c_emit(c, OP_BUILD_TUPLE, co->nfrees);
        flags |= MF_CLOSURE;
    }
    ConstVal *v = cv_new(c, CV_CODE);
    v->v.code = co;
    c_emit_const(c, v);
    c_emit(c, OP_MAKE_FUNCTION, flags);
}

/* ---- future statements ------------------------------------------------- */

static int is_docstring(Stmt *s)
{
    return s->kind == Stmt_Expr && s->v.Expr.value->kind == Expr_Constant &&
           s->v.Expr.value->v.Constant.value.kind == CONST_STR;
}

static int parse_future(Compiler *c, AstSeq *body)
{
    int i = 0, done = 0, prev_line = 0;
    if (SEQ_LEN(body) && is_docstring(SEQ_GET(body, 0)))
        i++;
    for (; i < SEQ_LEN(body); i++) {
        Stmt *s = SEQ_GET(body, i);
        if (done && s->lineno > prev_line)
            return 1;
        prev_line = s->lineno;
        if (s->kind != Stmt_ImportFrom || !s->v.ImportFrom.module || strcmp(s->v.ImportFrom.module, "__future__")) {
            done = 1;
            continue;
        }
        if (done)
            return compiler_error_at(c, s->lineno, s->col_offset - 1, s->lineno, s->col_offset - 1,
                                     "from __future__ imports must occur at the beginning of the file");
        SEQ_FOR(k, s->v.ImportFrom.names) {
            Alias *a = SEQ_GET(s->v.ImportFrom.names, k);
            static const char *const ignored[] = {"nested_scopes", "generators", "division", "absolute_import",
                                                  "with_statement", "print_function", "unicode_literals",
                                                  "generator_stop"};
            int ok = 0;
            for (size_t j = 0; j < sizeof ignored / sizeof *ignored; j++)
                ok |= !strcmp(a->name, ignored[j]);
            if (ok)
                continue;
            if (!strcmp(a->name, "annotations"))
                c->future_flags |= CO_FUTURE_ANNOTATIONS;
            else if (!strcmp(a->name, "barry_as_FLUFL"))
                c->future_flags |= CO_FUTURE_BARRY_AS_BDFL;
            else if (!strcmp(a->name, "braces"))
                return compiler_error_at(c, s->lineno, s->col_offset, s->lineno, -1, "not a chance");
            else
                return compiler_error_at(c, s->lineno, s->col_offset, s->lineno, -1,
                                         "future feature %.100s is not defined", a->name);
        }
        c->future_lineno = s->lineno;
    }
    return 1;
}

/* ---- entry points ------------------------------------------------------ */

typedef enum { MODE_EXEC, MODE_SINGLE, MODE_EVAL } Mode;

static CodeUnit *compile_top(Arena *a, AstSeq *body, Expr *expr, const Source *src, SyntaxErr *err,
                             int optimize, Mode mode)
{
    Compiler comp = {0}, *c = &comp;
    Unit dummy = {0};
    c->arena = a;
    c->src = src;
    c->err = err;
    c->optimize = optimize;
    c->interactive = mode == MODE_SINGLE;
    c->future_lineno = -1;
    c->u = &dummy;              /* for error locations before the module unit exists */
    if (mode != MODE_EVAL && !parse_future(c, body))
        return NULL;
    c->u = NULL;
    c->st = symtable_build(a, src, err, body, expr, c->future_flags & CO_FUTURE_ANNOTATIONS);
    if (!c->st)
        return NULL;
    /* The module scope is keyed by NULL in the symbol table. */
    c_enter_scope(c, "<module>", SCOPE_MODULE, NULL, 1);
    switch (mode) {
    case MODE_EXEC:
        compile_body(c, body, 1);
        break;
    case MODE_SINGLE:
        compile_body(c, body, 0);
        break;
    case MODE_EVAL:
        c_loc_expr(c, expr);
        compile_expr(c, expr);
        c_emit(c, OP_RETURN_VALUE, 0);
        break;
    }
    CodeUnit *co = c_exit_scope(c, mode != MODE_EVAL);
    symtable_free(c->st);
    return co;
}

CodeUnit *compile_module(Arena *a, Module *m, const Source *src, SyntaxErr *err, int optimize)
{
    return compile_top(a, m->body, NULL, src, err, optimize, MODE_EXEC);
}

CodeUnit *compile_interactive(Arena *a, Module *m, const Source *src, SyntaxErr *err, int optimize)
{
    return compile_top(a, m->body, NULL, src, err, optimize, MODE_SINGLE);
}

CodeUnit *compile_eval(Arena *a, Expr *e, const Source *src, SyntaxErr *err, int optimize)
{
    return compile_top(a, NULL, e, src, err, optimize, MODE_EVAL);
}
