/* try/except/finally, except* and with-statements.  Handlers are set up
 * with SETUP_* pseudo-instructions that the assembler turns into the
 * exception table; the stack layouts are CPython 3.11's. */
#include "compiler/compile_internal.h"

void compile_try(Compiler *c, Stmt *s);
void compile_try_star(Compiler *c, Stmt *s);
void compile_with(Compiler *c, Stmt *s, int pos);
void compile_async_with(Compiler *c, Stmt *s, int pos);

/* The handler's own cleanup: restore the previous exception, re-raise. */
static void pop_except_and_reraise(Compiler *c)
{
    c_emit(c, OP_COPY, 3);
    c_emit(c, OP_POP_EXCEPT, 0);
    c_emit(c, OP_RERAISE, 1);
}

static void clear_handler_name(Compiler *c, const char *name)
{
    c_emit_none(c);
    compile_nameop(c, name, ExprContext_Store);
    compile_nameop(c, name, ExprContext_Del);
}

static void try_except(Compiler *c, Stmt *s)
{
    int body = c_new_label(c), except = c_new_label(c), end = c_new_label(c), cleanup = c_new_label(c);
    c_emit_jump(c, PSEUDO_SETUP_FINALLY, except);
    c_use_label(c, body);
    if (!c_push_fblock(c, FB_TRY_EXCEPT, body, -1, NULL))
        return;
    compile_stmts(c, s->v.Try.body);
    c_pop_fblock(c);
    c->u->artificial = 1;
    c_emit(c, PSEUDO_POP_BLOCK, 0);
    compile_stmts(c, s->v.Try.orelse);
    c->u->artificial = 1;
    c_emit_jump(c, PSEUDO_JUMP, end);
    int n = SEQ_LEN(s->v.Try.handlers);
    c_use_label(c, except);
    c->u->artificial = 1;
    c_emit_jump(c, PSEUDO_SETUP_CLEANUP, cleanup);
    c_emit(c, OP_PUSH_EXC_INFO, 0);
    if (!c_push_fblock(c, FB_EXCEPTION_HANDLER, -1, -1, NULL))
        return;
    for (int i = 0; i < n && !c->failed; i++) {
        ExceptHandler *h = SEQ_GET(s->v.Try.handlers, i);
        c_loc_to(c, h->lineno, h->col_offset, h->end_lineno, h->end_col_offset);
        if (!h->v.ExceptHandler.type && i < n - 1) {
            compiler_error(c, "default 'except:' must be last");
            return;
        }
        int next = c_new_label(c);
        if (h->v.ExceptHandler.type) {
            compile_expr(c, h->v.ExceptHandler.type);
            c_emit(c, OP_CHECK_EXC_MATCH, 0);
            c_emit_jump(c, OP_POP_JUMP_IF_FALSE, next);
        }
        const char *name = h->v.ExceptHandler.name;
        if (name) {
            int cleanup_end = c_new_label(c), cleanup_body = c_new_label(c);
            compile_nameop(c, name, ExprContext_Store);
            /* The body runs as `try: body finally: name = None; del name`. */
            c_emit_jump(c, PSEUDO_SETUP_CLEANUP, cleanup_end);
            c_use_label(c, cleanup_body);
            if (!c_push_fblock(c, FB_HANDLER_CLEANUP, cleanup_body, -1, name))
                return;
            compile_stmts(c, h->v.ExceptHandler.body);
            c_pop_fblock(c);
            c->u->artificial = 1;
            c_emit(c, PSEUDO_POP_BLOCK, 0);
            c_emit(c, PSEUDO_POP_BLOCK, 0);
            c_emit(c, OP_POP_EXCEPT, 0);
            clear_handler_name(c, name);
            c_emit_jump(c, PSEUDO_JUMP, end);
            c_use_label(c, cleanup_end);
            c->u->artificial = 1;
            clear_handler_name(c, name);
            c_emit(c, OP_RERAISE, 1);
        } else {
            int cleanup_body = c_new_label(c);
            c_emit(c, OP_POP_TOP, 0);
            c_use_label(c, cleanup_body);
            if (!c_push_fblock(c, FB_HANDLER_CLEANUP, cleanup_body, -1, NULL))
                return;
            compile_stmts(c, h->v.ExceptHandler.body);
            c_pop_fblock(c);
            c->u->artificial = 1;
            c_emit(c, PSEUDO_POP_BLOCK, 0);
            c_emit(c, OP_POP_EXCEPT, 0);
            c_emit_jump(c, PSEUDO_JUMP, end);
        }
        c_use_label(c, next);
    }
    c->u->artificial = 1;
    c_pop_fblock(c);
    c_emit(c, OP_RERAISE, 0);
    c_use_label(c, cleanup);
    pop_except_and_reraise(c);
    c_use_label(c, end);
}

static void try_finally(Compiler *c, Stmt *s)
{
    int body = c_new_label(c), end = c_new_label(c), exit = c_new_label(c), cleanup = c_new_label(c);
    c_emit_jump(c, PSEUDO_SETUP_FINALLY, end);
    c_use_label(c, body);
    if (!c_push_fblock(c, FB_FINALLY_TRY, body, end, s->v.Try.finalbody))
        return;
    if (SEQ_LEN(s->v.Try.handlers))
        try_except(c, s);
    else
        compile_stmts(c, s->v.Try.body);
    if (c->failed)
        return;
    c->u->artificial = 1;
    c_emit(c, PSEUDO_POP_BLOCK, 0);
    c_pop_fblock(c);
    compile_stmts(c, s->v.Try.finalbody);
    c->u->artificial = 1;
    c_emit_jump(c, PSEUDO_JUMP, exit);
    c_use_label(c, end);
    c->u->artificial = 1;
    c_emit_jump(c, PSEUDO_SETUP_CLEANUP, cleanup);
    c_emit(c, OP_PUSH_EXC_INFO, 0);
    if (!c_push_fblock(c, FB_FINALLY_END, end, -1, NULL))
        return;
    compile_stmts(c, s->v.Try.finalbody);
    c_pop_fblock(c);
    c_emit(c, OP_RERAISE, 0);
    c_use_label(c, cleanup);
    pop_except_and_reraise(c);
    c_use_label(c, exit);
}

void compile_try(Compiler *c, Stmt *s)
{
    if (SEQ_LEN(s->v.Try.finalbody))
        try_finally(c, s);
    else
        try_except(c, s);
}

static void try_star_except(Compiler *c, Stmt *s)
{
    int body = c_new_label(c), except = c_new_label(c), orelse = c_new_label(c), end = c_new_label(c);
    int cleanup = c_new_label(c), reraise_star = c_new_label(c);
    c_emit_jump(c, PSEUDO_SETUP_FINALLY, except);
    c_use_label(c, body);
    if (!c_push_fblock(c, FB_TRY_EXCEPT, body, -1, NULL))
        return;
    compile_stmts(c, s->v.TryStar.body);
    c_pop_fblock(c);
    c->u->artificial = 1;
    c_emit(c, PSEUDO_POP_BLOCK, 0);
    c_emit_jump(c, PSEUDO_JUMP, orelse);
    int n = SEQ_LEN(s->v.TryStar.handlers);
    c_use_label(c, except);
    c->u->artificial = 1;
    c_emit_jump(c, PSEUDO_SETUP_CLEANUP, cleanup);
    c_emit(c, OP_PUSH_EXC_INFO, 0);
    if (!c_push_fblock(c, FB_EXCEPTION_GROUP_HANDLER, -1, -1, NULL))
        return;
    for (int i = 0; i < n && !c->failed; i++) {
        ExceptHandler *h = SEQ_GET(s->v.TryStar.handlers, i);
        c_loc_to(c, h->lineno, h->col_offset, h->end_lineno, h->end_col_offset);
        int next = c_new_label(c), except_with_error = c_new_label(c), no_match = c_new_label(c);
        if (i == 0) {
            /* [exc] -> [orig, [], exc]: the list collects what the handlers raise. */
            c_emit(c, OP_COPY, 1);
            c_emit(c, OP_BUILD_LIST, 0);
            c_emit(c, OP_SWAP, 2);
        }
        if (h->v.ExceptHandler.type) {
            compile_expr(c, h->v.ExceptHandler.type);
            c_emit(c, OP_CHECK_EG_MATCH, 0);
            c_emit(c, OP_COPY, 1);
            c_emit_jump(c, OP_POP_JUMP_IF_NONE, no_match);
        }
        int cleanup_end = c_new_label(c), cleanup_body = c_new_label(c);
        const char *name = h->v.ExceptHandler.name;
        if (name)
            compile_nameop(c, name, ExprContext_Store);
        else
            c_emit(c, OP_POP_TOP, 0);
        c_emit_jump(c, PSEUDO_SETUP_CLEANUP, cleanup_end);
        c_use_label(c, cleanup_body);
        if (!c_push_fblock(c, FB_HANDLER_CLEANUP, cleanup_body, -1, name))
            return;
        compile_stmts(c, h->v.ExceptHandler.body);
        c_pop_fblock(c);
        c_emit(c, PSEUDO_POP_BLOCK, 0);
        if (name)
            clear_handler_name(c, name);
        c_emit_jump(c, PSEUDO_JUMP, next);
        c_use_label(c, cleanup_end);
        if (name)
            clear_handler_name(c, name);
        c_emit(c, OP_LIST_APPEND, 3);
        c_emit(c, OP_POP_TOP, 0);
        c_emit_jump(c, PSEUDO_JUMP, except_with_error);
        c_use_label(c, next);
        c_emit(c, OP_NOP, 0);
        c_emit_jump(c, PSEUDO_JUMP, except_with_error);
        c_use_label(c, no_match);
        c_emit(c, OP_POP_TOP, 0);
        c_use_label(c, except_with_error);
        if (i == n - 1) {
            c_emit(c, OP_LIST_APPEND, 1);
            c_emit_jump(c, PSEUDO_JUMP, reraise_star);
        }
    }
    if (c->failed)
        return;
    c->u->artificial = 1;
    c_pop_fblock(c);
    int reraise = c_new_label(c);
    c_use_label(c, reraise_star);
    c_emit(c, OP_PREP_RERAISE_STAR, 0);
    c_emit(c, OP_COPY, 1);
    c_emit_jump(c, OP_POP_JUMP_IF_NOT_NONE, reraise);
    c_emit(c, OP_POP_TOP, 0);
    c_emit(c, PSEUDO_POP_BLOCK, 0);
    c_emit(c, OP_POP_EXCEPT, 0);
    c_emit_jump(c, PSEUDO_JUMP, end);
    c_use_label(c, reraise);
    c_emit(c, PSEUDO_POP_BLOCK, 0);
    c_emit(c, OP_SWAP, 2);
    c_emit(c, OP_POP_EXCEPT, 0);
    c_emit(c, OP_RERAISE, 0);
    c_use_label(c, cleanup);
    pop_except_and_reraise(c);
    c_use_label(c, orelse);
    compile_stmts(c, s->v.TryStar.orelse);
    c_use_label(c, end);
}

void compile_try_star(Compiler *c, Stmt *s)
{
    if (!SEQ_LEN(s->v.TryStar.finalbody)) {
        try_star_except(c, s);
        return;
    }
    int body = c_new_label(c), end = c_new_label(c), exit = c_new_label(c), cleanup = c_new_label(c);
    c_emit_jump(c, PSEUDO_SETUP_FINALLY, end);
    c_use_label(c, body);
    if (!c_push_fblock(c, FB_FINALLY_TRY, body, end, s->v.TryStar.finalbody))
        return;
    try_star_except(c, s);
    if (c->failed)
        return;
    c->u->artificial = 1;
    c_emit(c, PSEUDO_POP_BLOCK, 0);
    c_pop_fblock(c);
    compile_stmts(c, s->v.TryStar.finalbody);
    c->u->artificial = 1;
    c_emit_jump(c, PSEUDO_JUMP, exit);
    c_use_label(c, end);
    c->u->artificial = 1;
    c_emit_jump(c, PSEUDO_SETUP_CLEANUP, cleanup);
    c_emit(c, OP_PUSH_EXC_INFO, 0);
    if (!c_push_fblock(c, FB_FINALLY_END, end, -1, NULL))
        return;
    compile_stmts(c, s->v.TryStar.finalbody);
    c_pop_fblock(c);
    c_emit(c, OP_RERAISE, 0);
    c_use_label(c, cleanup);
    pop_except_and_reraise(c);
    c_use_label(c, exit);
}

/* After WITH_EXCEPT_START: swallow the exception if __exit__ returned true. */
static void with_except_finish(Compiler *c, int cleanup)
{
    int exit = c_new_label(c);
    c_emit_jump(c, OP_POP_JUMP_IF_TRUE, exit);
    c_emit(c, OP_RERAISE, 2);
    c_use_label(c, cleanup);
    pop_except_and_reraise(c);
    c_use_label(c, exit);
    c_emit(c, OP_POP_TOP, 0);
    c_emit(c, PSEUDO_POP_BLOCK, 0);
    c_emit(c, OP_POP_EXCEPT, 0);
    c_emit(c, OP_POP_TOP, 0);
    c_emit(c, OP_POP_TOP, 0);
}

static void with_common(Compiler *c, Stmt *s, int pos, int is_async)
{
    WithItem *item = SEQ_GET(s->v.With.items, pos);
    int block = c_new_label(c), final = c_new_label(c), exit = c_new_label(c), cleanup = c_new_label(c);
    compile_expr(c, item->context_expr);
    if (is_async) {
        c_emit(c, OP_BEFORE_ASYNC_WITH, 0);
        c_emit(c, OP_GET_AWAITABLE, 1);
        c_emit_none(c);
        c_emit_yield_from(c);
    } else {
        c_emit(c, OP_BEFORE_WITH, 0);
    }
    c_emit_jump(c, PSEUDO_SETUP_WITH, final);
    c_use_label(c, block);
    if (!c_push_fblock(c, is_async ? FB_ASYNC_WITH : FB_WITH, block, final, s))
        return;
    if (item->optional_vars)
        compile_expr(c, item->optional_vars);
    else
        c_emit(c, OP_POP_TOP, 0);
    if (pos + 1 == SEQ_LEN(s->v.With.items))
        compile_stmts(c, s->v.With.body);
    else
        with_common(c, s, pos + 1, is_async);
    if (c->failed)
        return;
    c->u->artificial = 1;
    c_emit(c, PSEUDO_POP_BLOCK, 0);
    c_pop_fblock(c);
    c_loc_stmt(c, s);
    c_emit_none(c);
    c_emit_none(c);
    c_emit_none(c);
    c_emit(c, OP_CALL, 2);
    if (is_async) {
        c_emit(c, OP_GET_AWAITABLE, 2);
        c_emit_none(c);
        c_emit_yield_from(c);
    }
    c_emit(c, OP_POP_TOP, 0);
    c_emit_jump(c, PSEUDO_JUMP, exit);
    c_use_label(c, final);
    c_emit_jump(c, PSEUDO_SETUP_CLEANUP, cleanup);
    c_emit(c, OP_PUSH_EXC_INFO, 0);
    c_emit(c, OP_WITH_EXCEPT_START, 0);
    if (is_async) {
        c_emit(c, OP_GET_AWAITABLE, 2);
        c_emit_none(c);
        c_emit_yield_from(c);
    }
    with_except_finish(c, cleanup);
    c_use_label(c, exit);
}

void compile_with(Compiler *c, Stmt *s, int pos) { with_common(c, s, pos, 0); }

void compile_async_with(Compiler *c, Stmt *s, int pos)
{
    if (c->u->scope != SCOPE_ASYNC_FUNCTION) {
        compiler_error(c, "'async with' outside async function");
        return;
    }
    with_common(c, s, pos, 1);
}
