/* Statements other than definitions, try and with (compile_def.c,
 * compile_try.c). */
#include <string.h>

#include "compiler/compile_internal.h"

void compile_try(Compiler *c, Stmt *s);
void compile_try_star(Compiler *c, Stmt *s);
void compile_with(Compiler *c, Stmt *s, int pos);
void compile_async_with(Compiler *c, Stmt *s, int pos);

static int find_ann(AstSeq *stmts)
{
    SEQ_FOR(i, stmts) {
        Stmt *s = SEQ_GET(stmts, i);
        switch (s->kind) {
        case Stmt_AnnAssign:
            return 1;
        case Stmt_For:
        case Stmt_AsyncFor:
            if (find_ann(s->v.For.body) || find_ann(s->v.For.orelse))
                return 1;
            break;
        case Stmt_While:
            if (find_ann(s->v.While.body) || find_ann(s->v.While.orelse))
                return 1;
            break;
        case Stmt_If:
            if (find_ann(s->v.If.body) || find_ann(s->v.If.orelse))
                return 1;
            break;
        case Stmt_With:
        case Stmt_AsyncWith:
            if (find_ann(s->v.With.body))
                return 1;
            break;
        case Stmt_Try:
        case Stmt_TryStar:
            if (find_ann(s->v.Try.body) || find_ann(s->v.Try.orelse) || find_ann(s->v.Try.finalbody))
                return 1;
            SEQ_FOR(k, s->v.Try.handlers) {
                ExceptHandler *h = SEQ_GET(s->v.Try.handlers, k);
                if (find_ann(h->v.ExceptHandler.body))
                    return 1;
            }
            break;
        case Stmt_Match:
            SEQ_FOR(k, s->v.Match.cases) {
                MatchCase *mc = SEQ_GET(s->v.Match.cases, k);
                if (find_ann(mc->body))
                    return 1;
            }
            break;
        default:
            break;
        }
    }
    return 0;
}

static int is_docstring(Stmt *s)
{
    return s->kind == Stmt_Expr && s->v.Expr.value->kind == Expr_Constant &&
           s->v.Expr.value->v.Constant.value.kind == CONST_STR;
}

void compile_body(Compiler *c, AstSeq *body, int docstring)
{
    int i = 0;
    if (c->u->scope == SCOPE_MODULE && SEQ_LEN(body))
        c_loc_stmt(c, SEQ_GET(body, 0));
    if (find_ann(body))
        c_emit(c, OP_SETUP_ANNOTATIONS, 0);
    if (docstring && SEQ_LEN(body) && is_docstring(SEQ_GET(body, 0)) && c->optimize < 2) {
        Stmt *s = SEQ_GET(body, 0);
        c_loc_stmt(c, s);
        compile_expr(c, s->v.Expr.value);
        compile_nameop(c, "__doc__", ExprContext_Store);
        i = 1;
    }
    for (; i < SEQ_LEN(body) && !c->failed; i++)
        compile_stmt(c, SEQ_GET(body, i));
}

void compile_stmts(Compiler *c, AstSeq *body)
{
    for (int i = 0; i < SEQ_LEN(body) && !c->failed; i++)
        compile_stmt(c, SEQ_GET(body, i));
}

static void compile_return(Compiler *c, Stmt *s)
{
    Expr *v = s->v.Return.value;
    int preserve_tos = v && v->kind != Expr_Constant;
    if (c->u->ste->type != BLOCK_FUNCTION) {
        compiler_error(c, "'return' outside function");
        return;
    }
    if (v && c->u->ste->coroutine && c->u->ste->generator) {
        compiler_error(c, "'return' with value in async generator");
        return;
    }
    if (preserve_tos)
        compile_expr(c, v);
    else if (v)
        c_loc_expr(c, v);
    if (!v || v->lineno != s->lineno)
        c_loc_stmt(c, s);
    if (!c_unwind_fblock_stack(c, preserve_tos, NULL))
        return;
    if (!v)
        c_emit_none(c);
    else if (!preserve_tos)
        c_emit_const(c, cv_from_ast(c, &v->v.Constant.value));
    c_emit(c, OP_RETURN_VALUE, 0);
}

static void compile_break_continue(Compiler *c, int is_break)
{
    FBlock *loop = NULL;
    if (!c_unwind_fblock_stack(c, 0, &loop))
        return;
    if (!loop) {
        compiler_error(c, is_break ? "'break' outside loop" : "'continue' not properly in loop");
        return;
    }
    if (is_break) {
        if (!c_unwind_fblock(c, loop, 0))
            return;
        c_emit_jump(c, PSEUDO_JUMP, loop->exit);
    } else {
        c_emit_jump(c, PSEUDO_JUMP, loop->block);
    }
}

static void compile_if(Compiler *c, Stmt *s)
{
    int end = c_new_label(c);
    int next = SEQ_LEN(s->v.If.orelse) ? c_new_label(c) : end;
    compile_jump_if(c, s->v.If.test, next, 0);
    compile_stmts(c, s->v.If.body);
    if (SEQ_LEN(s->v.If.orelse)) {
        c->u->artificial = 1;
        c_emit_jump(c, PSEUDO_JUMP, end);
        c_use_label(c, next);
        compile_stmts(c, s->v.If.orelse);
    }
    c_use_label(c, end);
}

static void compile_for(Compiler *c, Stmt *s)
{
    int start = c_new_label(c), cleanup = c_new_label(c), end = c_new_label(c);
    if (!c_push_fblock(c, FB_FOR_LOOP, start, end, NULL))
        return;
    compile_iter_literal(c, s->v.For.iter);
    c_emit(c, OP_GET_ITER, 0);
    c_use_label(c, start);
    c_emit_jump(c, OP_FOR_ITER, cleanup);
    compile_expr(c, s->v.For.target);
    compile_stmts(c, s->v.For.body);
    c->u->artificial = 1;
    c_emit_jump(c, PSEUDO_JUMP, start);
    c_use_label(c, cleanup);
    c_pop_fblock(c);
    compile_stmts(c, s->v.For.orelse);
    c_use_label(c, end);
}

static void compile_async_for(Compiler *c, Stmt *s)
{
    if (c->u->scope != SCOPE_ASYNC_FUNCTION) {
        compiler_error(c, "'async for' outside async function");
        return;
    }
    int start = c_new_label(c), except = c_new_label(c), end = c_new_label(c);
    compile_expr(c, s->v.AsyncFor.iter);
    c_emit(c, OP_GET_AITER, 0);
    c_use_label(c, start);
    if (!c_push_fblock(c, FB_FOR_LOOP, start, end, NULL))
        return;
    c_emit_jump(c, PSEUDO_SETUP_FINALLY, except);
    c_emit(c, OP_GET_ANEXT, 0);
    c_emit_none(c);
    c_emit_yield_from(c);
    c_emit(c, PSEUDO_POP_BLOCK, 0);
    compile_expr(c, s->v.AsyncFor.target);
    compile_stmts(c, s->v.AsyncFor.body);
    c->u->artificial = 1;
    c_emit_jump(c, PSEUDO_JUMP, start);
    c_pop_fblock(c);
    c_use_label(c, except);
    /* END_ASYNC_FOR belongs to the `for`, not to the body. */
    c_loc_expr(c, s->v.AsyncFor.iter);
    c_emit(c, OP_END_ASYNC_FOR, 0);
    compile_stmts(c, s->v.AsyncFor.orelse);
    c_use_label(c, end);
}

/* Every backward edge is an unconditional JUMP_BACKWARD (so the VM's
   checks there see every loop iteration): the test is at the top. */
static void compile_while(Compiler *c, Stmt *s)
{
    int loop = c_new_label(c), end = c_new_label(c), anchor = c_new_label(c);
    c_use_label(c, loop);
    if (!c_push_fblock(c, FB_WHILE_LOOP, loop, end, NULL))
        return;
    compile_jump_if(c, s->v.While.test, anchor, 0);
    compile_stmts(c, s->v.While.body);
    c_loc_stmt(c, s);
    warn_again(c, s->v.While.test);
    c_emit_jump(c, PSEUDO_JUMP, loop);
    c_pop_fblock(c);
    c_use_label(c, anchor);
    compile_stmts(c, s->v.While.orelse);
    c_use_label(c, end);
}

static void compile_raise(Compiler *c, Stmt *s)
{
    int n = 0;
    if (s->v.Raise.exc) {
        compile_expr(c, s->v.Raise.exc);
        n++;
        if (s->v.Raise.cause) {
            compile_expr(c, s->v.Raise.cause);
            n++;
        }
    }
    c_emit(c, OP_RAISE_VARARGS, n);
}

static void compile_assert(Compiler *c, Stmt *s)
{
    warn_assert(c, s);
    if (c->optimize)
        return;
    int end = c_new_label(c);
    compile_jump_if(c, s->v.Assert.test, end, 1);
    c_emit(c, OP_LOAD_ASSERTION_ERROR, 0);
    if (s->v.Assert.msg) {
        compile_expr(c, s->v.Assert.msg);
        c_emit(c, OP_CALL, 0);
    }
    c_emit(c, OP_RAISE_VARARGS, 1);
    c_use_label(c, end);
}

static void compile_import(Compiler *c, Stmt *s)
{
    SEQ_FOR(i, s->v.Import.names) {
        Alias *a = SEQ_GET(s->v.Import.names, i);
        c_emit_const(c, cv_int(c, 0));
        c_emit_none(c);
        c_emit_name(c, OP_IMPORT_NAME, a->name);
        const char *dot = strchr(a->name, '.');
        if (!a->asname) {
            compile_nameop(c, dot ? arena_strndup(c->arena, a->name, dot - a->name) : a->name, ExprContext_Store);
            continue;
        }
        if (!dot) {
            compile_nameop(c, a->asname, ExprContext_Store);
            continue;
        }
        /* import a.b.c as d: d is the submodule, reached by attribute. */
        for (;;) {
            const char *start = dot + 1;
            dot = strchr(start, '.');
            const char *attr = dot ? arena_strndup(c->arena, start, dot - start) : start;
            c_emit_name(c, OP_IMPORT_FROM, attr);
            if (!dot)
                break;
            c_emit(c, OP_SWAP, 2);
            c_emit(c, OP_POP_TOP, 0);
        }
        compile_nameop(c, a->asname, ExprContext_Store);
        c_emit(c, OP_POP_TOP, 0);
    }
}

static void compile_import_from(Compiler *c, Stmt *s)
{
    AstSeq *names = s->v.ImportFrom.names;
    c_emit_const(c, cv_int(c, s->v.ImportFrom.level));
    ConstVal *t = cv_tuple(c, SEQ_LEN(names));
    SEQ_FOR(i, names) t->v.tup.items[i] = cv_str(c, ((Alias *)SEQ_GET(names, i))->name);
    c_emit_const(c, t);
    if (s->lineno > c->future_lineno && s->v.ImportFrom.module && !strcmp(s->v.ImportFrom.module, "__future__")) {
        compiler_error(c, "from __future__ imports must occur at the beginning of the file");
        return;
    }
    c_emit_name(c, OP_IMPORT_NAME, s->v.ImportFrom.module ? s->v.ImportFrom.module : "");
    SEQ_FOR(i, names) {
        Alias *a = SEQ_GET(names, i);
        if (i == 0 && a->name[0] == '*') {
            c_emit(c, OP_IMPORT_STAR, 0);
            return;
        }
        c_emit_name(c, OP_IMPORT_FROM, a->name);
        compile_nameop(c, a->asname ? a->asname : a->name, ExprContext_Store);
    }
    c_emit(c, OP_POP_TOP, 0);
}

static void compile_augassign(Compiler *c, Stmt *s)
{
    Expr *e = s->v.AugAssign.target;
    c_loc_expr(c, e);
    switch (e->kind) {
    case Expr_Attribute:
        compile_expr(c, e->v.Attribute.value);
        c_emit(c, OP_COPY, 1);
        c_loc_to(c, e->end_lineno, e->col_offset, e->end_lineno, e->end_col_offset);
        c_emit_name(c, OP_LOAD_ATTR, e->v.Attribute.attr);
        break;
    case Expr_Subscript:
        compile_expr(c, e->v.Subscript.value);
        compile_expr(c, e->v.Subscript.slice);
        c_emit(c, OP_COPY, 2);
        c_emit(c, OP_COPY, 2);
        c_emit(c, OP_BINARY_SUBSCR, 0);
        break;
    case Expr_Name:
        compile_nameop(c, e->v.Name.id, ExprContext_Load);
        break;
    default:
        compiler_error(c, "illegal expression for augmented assignment");
        return;
    }
    c_loc_stmt(c, s);
    compile_expr(c, s->v.AugAssign.value);
    c_loc_stmt(c, s);
    static const int inplace[] = {
        [Operator_Add] = NB_ADD, [Operator_Sub] = NB_SUBTRACT, [Operator_Mult] = NB_MULTIPLY,
        [Operator_MatMult] = NB_MATRIX_MULTIPLY, [Operator_Div] = NB_TRUE_DIVIDE, [Operator_Mod] = NB_REMAINDER,
        [Operator_Pow] = NB_POWER, [Operator_LShift] = NB_LSHIFT, [Operator_RShift] = NB_RSHIFT,
        [Operator_BitOr] = NB_OR, [Operator_BitXor] = NB_XOR, [Operator_BitAnd] = NB_AND,
        [Operator_FloorDiv] = NB_FLOOR_DIVIDE,
    };
    c_emit(c, OP_BINARY_OP, inplace[s->v.AugAssign.op] + NB_INPLACE);
    c_loc_expr(c, e);
    switch (e->kind) {
    case Expr_Attribute:
        c_loc_to(c, e->end_lineno, e->col_offset, e->end_lineno, e->end_col_offset);
        c_emit(c, OP_SWAP, 2);
        c_emit_name(c, OP_STORE_ATTR, e->v.Attribute.attr);
        break;
    case Expr_Subscript:
        c_emit(c, OP_SWAP, 3);
        c_emit(c, OP_SWAP, 2);
        c_emit(c, OP_STORE_SUBSCR, 0);
        break;
    default:
        compile_nameop(c, e->v.Name.id, ExprContext_Store);
        break;
    }
}

/* Evaluates (and drops) an expression only for its side effects. */
static void check_ann_expr(Compiler *c, Expr *e)
{
    compile_expr(c, e);
    c_emit(c, OP_POP_TOP, 0);
}

static void check_ann_subscr(Compiler *c, Expr *e)
{
    if (e->kind == Expr_Slice) {
        if (e->v.Slice.lower)
            check_ann_expr(c, e->v.Slice.lower);
        if (e->v.Slice.upper)
            check_ann_expr(c, e->v.Slice.upper);
        if (e->v.Slice.step)
            check_ann_expr(c, e->v.Slice.step);
    } else if (e->kind == Expr_Tuple) {
        SEQ_FOR(i, e->v.Tuple.elts) check_ann_subscr(c, SEQ_GET(e->v.Tuple.elts, i));
    } else {
        check_ann_expr(c, e);
    }
}

static void compile_annassign(Compiler *c, Stmt *s)
{
    Expr *t = s->v.AnnAssign.target;
    if (s->v.AnnAssign.value) {
        compile_expr(c, s->v.AnnAssign.value);
        compile_expr(c, t);
    }
    switch (t->kind) {
    case Expr_Name:
        if (!strcmp(t->v.Name.id, "__debug__")) {
            compiler_error(c, "cannot assign to __debug__");
            return;
        }
        if (s->v.AnnAssign.simple && (c->u->scope == SCOPE_MODULE || c->u->scope == SCOPE_CLASS)) {
            compile_annotation_value(c, s->v.AnnAssign.annotation);
            c_emit_name(c, OP_LOAD_NAME, "__annotations__");
            c_emit_const(c, cv_str(c, compiler_mangle(c, t->v.Name.id)));
            c_emit(c, OP_STORE_SUBSCR, 0);
        }
        break;
    case Expr_Attribute:
        if (!strcmp(t->v.Attribute.attr, "__debug__")) {
            compiler_error(c, "cannot assign to __debug__");
            return;
        }
        if (!s->v.AnnAssign.value)
            check_ann_expr(c, t->v.Attribute.value);
        break;
    case Expr_Subscript:
        if (!s->v.AnnAssign.value) {
            check_ann_expr(c, t->v.Subscript.value);
            check_ann_subscr(c, t->v.Subscript.slice);
        }
        break;
    default:
        compiler_error(c, "invalid node type for annotated assignment");
        return;
    }
    if (!s->v.AnnAssign.simple && !(c->future_flags & CO_FUTURE_ANNOTATIONS) &&
        (c->u->scope == SCOPE_MODULE || c->u->scope == SCOPE_CLASS))
        check_ann_expr(c, s->v.AnnAssign.annotation);
}

static void compile_expr_stmt(Compiler *c, Stmt *s)
{
    Expr *v = s->v.Expr.value;
    if (c->interactive && c->nestlevel == 0) {
        compile_expr(c, v);
        c_emit(c, OP_PRINT_EXPR, 0);
        return;
    }
    if (v->kind == Expr_Constant) {
        c_emit(c, OP_NOP, 0);
        return;
    }
    compile_expr(c, v);
    c->u->artificial = 1;
    c_emit(c, OP_POP_TOP, 0);
}

void compile_stmt(Compiler *c, Stmt *s)
{
    if (c->failed)
        return;
    c_loc_stmt(c, s);
    switch (s->kind) {
    case Stmt_FunctionDef:
        compile_function(c, s, 0);
        break;
    case Stmt_AsyncFunctionDef:
        compile_function(c, s, 1);
        break;
    case Stmt_ClassDef:
        compile_class(c, s);
        break;
    case Stmt_Return:
        compile_return(c, s);
        break;
    case Stmt_Delete:
        SEQ_FOR(i, s->v.Delete.targets) compile_expr(c, SEQ_GET(s->v.Delete.targets, i));
        break;
    case Stmt_Assign: {
        int n = SEQ_LEN(s->v.Assign.targets);
        compile_expr(c, s->v.Assign.value);
        for (int i = 0; i < n; i++) {
            if (i < n - 1)
                c_emit(c, OP_COPY, 1);
            compile_expr(c, SEQ_GET(s->v.Assign.targets, i));
        }
        break;
    }
    case Stmt_AugAssign:
        compile_augassign(c, s);
        break;
    case Stmt_AnnAssign:
        compile_annassign(c, s);
        break;
    case Stmt_For:
        compile_for(c, s);
        break;
    case Stmt_AsyncFor:
        compile_async_for(c, s);
        break;
    case Stmt_While:
        compile_while(c, s);
        break;
    case Stmt_If:
        compile_if(c, s);
        break;
    case Stmt_With:
        compile_with(c, s, 0);
        break;
    case Stmt_AsyncWith:
        compile_async_with(c, s, 0);
        break;
    case Stmt_Match:
        compile_match(c, s);
        break;
    case Stmt_Raise:
        compile_raise(c, s);
        break;
    case Stmt_Try:
        compile_try(c, s);
        break;
    case Stmt_TryStar:
        compile_try_star(c, s);
        break;
    case Stmt_Assert:
        compile_assert(c, s);
        break;
    case Stmt_Import:
        compile_import(c, s);
        break;
    case Stmt_ImportFrom:
        compile_import_from(c, s);
        break;
    case Stmt_Global:
    case Stmt_Nonlocal:
        break;
    case Stmt_Expr:
        compile_expr_stmt(c, s);
        break;
    case Stmt_Pass:
        c_emit(c, OP_NOP, 0);
        break;
    case Stmt_Break:
        compile_break_continue(c, 1);
        break;
    case Stmt_Continue:
        compile_break_continue(c, 0);
        break;
    }
}
