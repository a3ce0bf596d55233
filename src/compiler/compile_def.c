/* Function, lambda and class definitions: defaults, annotations,
 * decorators, closures and the class body protocol. */
#include <stdbool.h>
#include <string.h>

#include "compiler/compile_internal.h"

static int is_docstring(Stmt *s)
{
    return s->kind == Stmt_Expr && s->v.Expr.value->kind == Expr_Constant &&
           s->v.Expr.value->v.Constant.value.kind == CONST_STR;
}

int compile_default_arguments(Compiler *c, Arguments *a)
{
    int flags = 0;
    if (SEQ_LEN(a->defaults)) {
        SEQ_FOR(i, a->defaults) compile_expr(c, SEQ_GET(a->defaults, i));
        c_emit(c, OP_BUILD_TUPLE, SEQ_LEN(a->defaults));
        flags |= MF_DEFAULTS;
    }
    int n = 0;
    ConstVal *keys = cv_tuple(c, SEQ_LEN(a->kwonlyargs));
    SEQ_FOR(i, a->kwonlyargs) {
        Expr *d = i < SEQ_LEN(a->kw_defaults) ? SEQ_GET(a->kw_defaults, i) : NULL;
        if (!d)
            continue;
        Arg *arg = SEQ_GET(a->kwonlyargs, i);
        keys->v.tup.items[n++] = cv_str(c, compiler_mangle(c, arg->arg));
        compile_expr(c, d);
    }
    if (n) {
        keys->v.tup.n = n;
        c_emit_const(c, keys);
        c_emit(c, OP_BUILD_CONST_KEY_MAP, n);
        flags |= MF_KWDEFAULTS;
    }
    return flags;
}

void compile_annotation_value(Compiler *c, Expr *ann)
{
    if (c->future_flags & CO_FUTURE_ANNOTATIONS) {
        c_emit_const(c, cv_str(c, unparse_expr(c->arena, ann)));
    } else if (ann->kind == Expr_Starred) {
        /* *args: *Ts */
        compile_expr(c, ann->v.Starred.value);
        c_emit(c, OP_UNPACK_SEQUENCE, 1);
    } else {
        compile_expr(c, ann);
    }
}

static void arg_annotation(Compiler *c, const char *name, Expr *ann, int *n)
{
    if (!ann)
        return;
    c_emit_const(c, cv_str(c, compiler_mangle(c, name)));
    compile_annotation_value(c, ann);
    *n += 1;
}

static void arg_annotations(Compiler *c, AstSeq *args, int *n)
{
    SEQ_FOR(i, args) {
        Arg *a = SEQ_GET(args, i);
        arg_annotation(c, a->arg, a->annotation, n);
    }
}

/* A tuple (name, value, name, value...) for MAKE_FUNCTION, or 0. */
static int compile_annotations(Compiler *c, Arguments *a, Expr *returns)
{
    int n = 0;
    arg_annotations(c, a->args, &n);
    arg_annotations(c, a->posonlyargs, &n);
    if (a->vararg)
        arg_annotation(c, a->vararg->arg, a->vararg->annotation, &n);
    arg_annotations(c, a->kwonlyargs, &n);
    if (a->kwarg)
        arg_annotation(c, a->kwarg->arg, a->kwarg->annotation, &n);
    arg_annotation(c, "return", returns, &n);
    if (!n)
        return 0;
    c_emit(c, OP_BUILD_TUPLE, n * 2);
    return MF_ANNOTATIONS;
}

static void compile_decorators(Compiler *c, AstSeq *decos)
{
    SEQ_FOR(i, decos) {
        Expr *d = SEQ_GET(decos, i);
        c_loc_expr(c, d);
        compile_expr(c, d);
    }
}

/* Each decorator was pushed before the function: CALL 0 with the
   decorator in the "self" slot calls it with the function as argument. */
static void apply_decorators(Compiler *c, AstSeq *decos)
{
    for (int i = SEQ_LEN(decos) - 1; i >= 0; i--) {
        Expr *d = SEQ_GET(decos, i);
        c_loc_expr(c, d);
        c_emit(c, OP_CALL, 0);
    }
}

/* A parameter named __debug__ would assign to it. */
static bool check_debug_args(Compiler *c, Arguments *a)
{
    AstSeq *seqs[3] = { a->posonlyargs, a->args, a->kwonlyargs };
    Arg *single[2] = { a->vararg, a->kwarg };
    bool bad = false;
    for (int k = 0; k < 3; k++)
        SEQ_FOR(i, seqs[k]) {
            if (!strcmp(((Arg *)SEQ_GET(seqs[k], i))->arg, "__debug__"))
                bad = true;
        }
    for (int k = 0; k < 2; k++)
        if (single[k] && !strcmp(single[k]->arg, "__debug__"))
            bad = true;
    if (bad)
        compiler_error(c, "cannot assign to __debug__");
    return !bad;
}

void compile_function(Compiler *c, Stmt *s, int is_async)
{
    const char *name = s->v.FunctionDef.name;
    Arguments *args = s->v.FunctionDef.args;
    AstSeq *body = s->v.FunctionDef.body, *decos = s->v.FunctionDef.decorator_list;
    c_loc_stmt(c, s);
    if (!check_debug_args(c, args))
        return;
    compile_decorators(c, decos);
    int firstlineno = s->lineno;
    if (SEQ_LEN(decos))
        firstlineno = ((Expr *)SEQ_GET(decos, 0))->lineno;
    c_loc_stmt(c, s);
    int flags = compile_default_arguments(c, args);
    flags |= compile_annotations(c, args, s->v.FunctionDef.returns);
    if (c->failed)
        return;
    c_enter_scope(c, name, is_async ? SCOPE_ASYNC_FUNCTION : SCOPE_FUNCTION, s, firstlineno);
    int has_doc = SEQ_LEN(body) && is_docstring(SEQ_GET(body, 0)) && c->optimize < 2;
    if (has_doc) {
        Constant *k = &((Stmt *)SEQ_GET(body, 0))->v.Expr.value->v.Constant.value;
        c_add_const(c, cv_from_ast(c, k));
    } else {
        c_add_const(c, cv_none(c));
    }
    c->u->argcount = SEQ_LEN(args->args);
    c->u->posonlyargcount = SEQ_LEN(args->posonlyargs);
    c->u->kwonlyargcount = SEQ_LEN(args->kwonlyargs);
    for (int i = has_doc ? 1 : 0; i < SEQ_LEN(body) && !c->failed; i++)
        compile_stmt(c, SEQ_GET(body, i));
    CodeUnit *co = c_exit_scope(c, 1);
    if (!co)
        return;
    c_loc_stmt(c, s);
    c_make_closure(c, co, flags);
    apply_decorators(c, decos);
    c_loc_stmt(c, s);
    compile_nameop(c, name, ExprContext_Store);
}

void compile_lambda(Compiler *c, Expr *e)
{
    Arguments *args = e->v.Lambda.args;
    if (!check_debug_args(c, args))
        return;
    int flags = compile_default_arguments(c, args);
    if (c->failed)
        return;
    c_enter_scope(c, "<lambda>", SCOPE_LAMBDA, e, e->lineno);
    /* None first, so that a lambda never has a docstring. */
    c_add_const(c, cv_none(c));
    c->u->argcount = SEQ_LEN(args->args);
    c->u->posonlyargcount = SEQ_LEN(args->posonlyargs);
    c->u->kwonlyargcount = SEQ_LEN(args->kwonlyargs);
    c_loc_expr(c, e->v.Lambda.body);
    compile_expr(c, e->v.Lambda.body);
    /* Even a generator lambda returns its body's value, as in CPython. */
    c_emit(c, OP_RETURN_VALUE, 0);
    CodeUnit *co = c_exit_scope(c, 0);
    if (!co)
        return;
    c_loc_expr(c, e);
    c_make_closure(c, co, flags);
}

void compile_class(Compiler *c, Stmt *s)
{
    const char *name = s->v.ClassDef.name;
    AstSeq *decos = s->v.ClassDef.decorator_list;
    compile_decorators(c, decos);
    int firstlineno = s->lineno;
    if (SEQ_LEN(decos))
        firstlineno = ((Expr *)SEQ_GET(decos, 0))->lineno;
    c_enter_scope(c, name, SCOPE_CLASS, s, firstlineno);
    c->u->private_name = name;
    /* The prologue is at the first line (the first decorator's). */
    compile_nameop(c, "__name__", ExprContext_Load);
    compile_nameop(c, "__module__", ExprContext_Store);
    c_emit_const(c, cv_str(c, c->u->qualname));
    compile_nameop(c, "__qualname__", ExprContext_Store);
    compile_body(c, s->v.ClassDef.body, 1);
    if (c->failed) {
        c_exit_scope(c, 0);
        return;
    }
    c->u->artificial = 1;
    if (c->u->ste->needs_class_closure) {
        c_emit(c, OP_LOAD_CLOSURE, 0);
        c_emit(c, OP_COPY, 1);
        compile_nameop(c, "__classcell__", ExprContext_Store);
    } else {
        c_emit_none(c);
    }
    c_emit(c, OP_RETURN_VALUE, 0);
    CodeUnit *co = c_exit_scope(c, 0);
    if (!co)
        return;
    c_loc_stmt(c, s);
    c_emit(c, OP_PUSH_NULL, 0);
    c_emit(c, OP_LOAD_BUILD_CLASS, 0);
    c_make_closure(c, co, 0);
    c_emit_const(c, cv_str(c, name));
    compile_call_helper(c, 2, s->v.ClassDef.bases, s->v.ClassDef.keywords);
    apply_decorators(c, decos);
    c_loc_stmt(c, s);
    compile_nameop(c, name, ExprContext_Store);
}
