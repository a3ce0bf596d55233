/* Comprehensions and generator expressions: each is a nested function
 * called with the iterator of its first iterable (evaluated outside). */
#include "compiler/compile_internal.h"

static void comprehension_generator(Compiler *c, CompKind type, AstSeq *gens, int gen_index, int depth,
                                    Expr *elt, Expr *val);

static void comprehension_body(Compiler *c, CompKind type, AstSeq *gens, int gen_index, int depth, Expr *elt,
                               Expr *val)
{
    if (gen_index < SEQ_LEN(gens)) {
        comprehension_generator(c, type, gens, gen_index, depth, elt, val);
        return;
    }
    switch (type) {
    case COMP_GEN:
        compile_expr(c, elt);
        c_emit_yield(c);
        c_emit(c, OP_POP_TOP, 0);
        break;
    case COMP_LIST:
        compile_expr(c, elt);
        c_emit(c, OP_LIST_APPEND, depth + 1);
        break;
    case COMP_SET:
        compile_expr(c, elt);
        c_emit(c, OP_SET_ADD, depth + 1);
        break;
    case COMP_DICT:
        compile_expr(c, elt);
        compile_expr(c, val);
        c_emit(c, OP_MAP_ADD, depth + 1);
        break;
    case COMP_NONE:
        break;
    }
}

static void sync_generator(Compiler *c, CompKind type, AstSeq *gens, int gen_index, int depth, Expr *elt,
                           Expr *val)
{
    Comprehension *gen = SEQ_GET(gens, gen_index);
    int start = c_new_label(c), if_cleanup = c_new_label(c), anchor = c_new_label(c);
    int looping = 1;
    if (gen_index == 0) {
        c->u->argcount = 1;
        c_emit(c, OP_LOAD_FAST, 0);
    } else {
        /* `for y in [expr]` just binds y. */
        AstSeq *elts = gen->iter->kind == Expr_List    ? gen->iter->v.List.elts
                       : gen->iter->kind == Expr_Tuple ? gen->iter->v.Tuple.elts
                                                       : NULL;
        if (SEQ_LEN(elts) == 1 && ((Expr *)SEQ_GET(elts, 0))->kind != Expr_Starred) {
            compile_expr(c, SEQ_GET(elts, 0));
            looping = 0;
        } else {
            compile_iter_literal(c, gen->iter);
            c_emit(c, OP_GET_ITER, 0);
        }
    }
    if (looping) {
        depth++;
        c_use_label(c, start);
        c_emit_jump(c, OP_FOR_ITER, anchor);
    }
    compile_expr(c, gen->target);
    SEQ_FOR(i, gen->ifs) compile_jump_if(c, SEQ_GET(gen->ifs, i), if_cleanup, 0);
    comprehension_body(c, type, gens, gen_index + 1, depth, elt, val);
    c_use_label(c, if_cleanup);
    if (looping) {
        c_emit_jump(c, PSEUDO_JUMP, start);
        c_use_label(c, anchor);
    }
}

static void async_generator(Compiler *c, CompKind type, AstSeq *gens, int gen_index, int depth, Expr *elt,
                            Expr *val)
{
    Comprehension *gen = SEQ_GET(gens, gen_index);
    int start = c_new_label(c), except = c_new_label(c), if_cleanup = c_new_label(c);
    if (gen_index == 0) {
        c->u->argcount = 1;
        c_emit(c, OP_LOAD_FAST, 0);
    } else {
        compile_expr(c, gen->iter);
        c_emit(c, OP_GET_AITER, 0);
    }
    c_use_label(c, start);
    if (!c_push_fblock(c, FB_ASYNC_COMPREHENSION_GENERATOR, start, -1, NULL))
        return;
    c_emit_jump(c, PSEUDO_SETUP_FINALLY, except);
    c_emit(c, OP_GET_ANEXT, 0);
    c_emit_none(c);
    c_emit_yield_from(c);
    c_emit(c, PSEUDO_POP_BLOCK, 0);
    compile_expr(c, gen->target);
    SEQ_FOR(i, gen->ifs) compile_jump_if(c, SEQ_GET(gen->ifs, i), if_cleanup, 0);
    depth++;
    comprehension_body(c, type, gens, gen_index + 1, depth, elt, val);
    c_use_label(c, if_cleanup);
    c_emit_jump(c, PSEUDO_JUMP, start);
    c_pop_fblock(c);
    c_use_label(c, except);
    c_emit(c, OP_END_ASYNC_FOR, 0);
}

static void comprehension_generator(Compiler *c, CompKind type, AstSeq *gens, int gen_index, int depth,
                                    Expr *elt, Expr *val)
{
    Comprehension *gen = SEQ_GET(gens, gen_index);
    if (gen->is_async)
        async_generator(c, type, gens, gen_index, depth, elt, val);
    else
        sync_generator(c, type, gens, gen_index, depth, elt, val);
}

void compile_comprehension(Compiler *c, Expr *e)
{
    CompKind type;
    const char *name;
    AstSeq *gens;
    Expr *elt, *val = NULL;
    switch (e->kind) {
    case Expr_ListComp:
        type = COMP_LIST, name = "<listcomp>", gens = e->v.ListComp.generators, elt = e->v.ListComp.elt;
        break;
    case Expr_SetComp:
        type = COMP_SET, name = "<setcomp>", gens = e->v.SetComp.generators, elt = e->v.SetComp.elt;
        break;
    case Expr_DictComp:
        type = COMP_DICT, name = "<dictcomp>", gens = e->v.DictComp.generators, elt = e->v.DictComp.key;
        val = e->v.DictComp.value;
        break;
    default:
        type = COMP_GEN, name = "<genexpr>", gens = e->v.GeneratorExp.generators, elt = e->v.GeneratorExp.elt;
        break;
    }
    UnitScope outer_scope = c->u->scope;
    Comprehension *outermost = SEQ_GET(gens, 0);
    c_enter_scope(c, name, SCOPE_COMPREHENSION, e, e->lineno);
    c_loc_expr(c, e);
    int is_async_gen = c->u->ste->coroutine;
    if (is_async_gen && type != COMP_GEN && outer_scope != SCOPE_ASYNC_FUNCTION &&
        outer_scope != SCOPE_COMPREHENSION) {
        compiler_error(c, "asynchronous comprehension outside of an asynchronous function");
        c_exit_scope(c, 0);
        return;
    }
    if (type != COMP_GEN)
        c_emit(c, type == COMP_LIST ? OP_BUILD_LIST : type == COMP_SET ? OP_BUILD_SET : OP_BUILD_MAP, 0);
    comprehension_generator(c, type, gens, 0, 0, elt, val);
    if (type != COMP_GEN)
        c_emit(c, OP_RETURN_VALUE, 0);
    CodeUnit *co = c_exit_scope(c, type == COMP_GEN);
    if (!co)
        return;
    c_make_closure(c, co, 0);
    compile_iter_literal(c, outermost->iter);
    c_emit(c, outermost->is_async ? OP_GET_AITER : OP_GET_ITER, 0);
    c_emit(c, OP_CALL, 0);
    if (is_async_gen && type != COMP_GEN) {
        c_emit(c, OP_GET_AWAITABLE, 0);
        c_emit_none(c);
        c_emit_yield_from(c);
    }
}
