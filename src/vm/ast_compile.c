/*
** compile() of an AST object: the _ast instances are turned back into the
** compiler's tree, driven by the same node tables (compiler/ast_nodes.c)
** that mod_ast.c uses the other way, and the tree is compiled as parsed
** source would be.  Malformed trees get CPython's TypeErrors: a missing
** required field, a value of the wrong kind, a node where another kind
** was expected.  The compiler trusts what the parser gives it, so the
** tree is also checked as CPython's validator does where a wrong tree
** would mislead it: the load/store/del context of every expression,
** None in lists, empty bodies.
**
** The tree keeps only what the parser can produce, so constants that
** source cannot spell are rebuilt as the expressions that fold into them:
** a negative int as -(n), a complex with a real part as real + imag*j, a
** tuple as a tuple display.
*/
#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "compiler/compile.h"
#include "vm/eval.h"
#include "vm/num.h"
#include "vm/runtime.h"

Object *import_name(Object *name, Object *fromlist, Object *level, Object *globals);
Object *code_from_unit(const CodeUnit *u);
void raise_syntax_error(const SyntaxErr *e, const Source *src);
int warnings_compile_hook(const Source *src, WarnCategory cat, int lineno, const char *msg);

enum { NSTMT = Stmt_Continue + 1, NEXPR = Expr_Slice + 1, NPATTERN = Pattern_MatchOr + 1 };

typedef struct Rev {
    Arena *arena;
    Object *ns;         /* the _ast module's dict */
    int ctx;            /* the context the next expression is in */
} Rev;

static void *node_from(Rev *rv, Object *o, AstFieldType type);

static Type *ast_class(Rev *rv, const char *name)
{
    Object *c = dict_get_cstr(rv->ns, name);
    return c && !is_small(c) && layout_of(c) == L_TYPE ? (Type *)c : NULL;
}

static bool is_a(Rev *rv, Object *o, const char *cls)
{
    Type *t = ast_class(rv, cls);
    return t && is_instance_of(o, t);
}

/* The attribute, or NULL with no exception when the node lacks it. */
static Object *field_of(Object *o, const char *name)
{
    Object *v = obj_getattr_cstr(o, name);
    if (!v && exc_matches(vm.e_AttributeError))
        exc_clear();
    return v;
}

static bool missing(const char *field, const char *owner)
{
    if (!exc_occurred())
        raise(vm.e_TypeError, "required field \"%s\" missing from %s", field, owner);
    return false;
}

static const char *identifier(Rev *rv, Object *v)
{
    if (!is_str(v)) {
        raise(vm.e_TypeError, "AST identifier must be of type str");
        return NULL;
    }
    size_t n;
    char *s = str_to_utf8(v, &n);
    if (!s)
        return NULL;
    char *copy = arena_strndup(rv->arena, s, n);
    free(s);
    return copy;
}

static bool int_field(Object *v, int *out)
{
    int64_t i;
    if (!is_int(v) || int_to_i64(v, &i) < 0 || i < INT32_MIN || i > INT32_MAX) {
        if (!exc_occurred())
            raise(vm.e_TypeError, "invalid integer value: %s", type_name(type_of(v)));
        return false;
    }
    *out = (int)i;
    return true;
}

/* An enum field (Load, Add, Eq...): the index of its class in names. */
static bool enum_field(Rev *rv, Object *v, AstFieldType type, int *out)
{
    static const struct { AstFieldType type; const char *base; const char *const *names; int n; }
    enums[] = {
        { AST_F_EXPR_CONTEXT, "expr_context", ast_expr_context_names, ExprContext_Del + 1 },
        { AST_F_BOOLOP, "boolop", ast_boolop_names, BoolOp_Or + 1 },
        { AST_F_OPERATOR, "operator", ast_operator_names, Operator_FloorDiv + 1 },
        { AST_F_UNARYOP, "unaryop", ast_unaryop_names, UnaryOp_USub + 1 },
        { AST_F_CMPOP, "cmpop", ast_cmpop_names, CmpOp_NotIn + 1 },
    };
    for (size_t e = 0; e < sizeof enums / sizeof enums[0]; e++) {
        if (enums[e].type != type)
            continue;
        for (int i = 0; i < enums[e].n; i++)
            if (is_a(rv, v, enums[e].names[i])) {
                *out = i;
                return true;
            }
        Object *r = obj_repr(v);
        char rb[200];
        raise(vm.e_TypeError, "expected some sort of %s, but got %s", enums[e].base,
              r ? str_cstr(r, rb, sizeof rb) : "?");
        return false;
    }
    return false;
}

/* ---- constants ------------------------------------------------------------------------- */

static Expr *new_expr(Rev *rv, ExprKind kind, const Expr *pos)
{
    Expr *e = arena_alloc(rv->arena, sizeof *e);
    e->kind = kind;
    e->lineno = pos->lineno;
    e->col_offset = pos->col_offset;
    e->end_lineno = pos->end_lineno;
    e->end_col_offset = pos->end_col_offset;
    return e;
}

static Expr *constant_expr(Rev *rv, Object *v, const Expr *pos);

static Expr *int_constant(Rev *rv, Object *v, const Expr *pos)
{
    Object *s = obj_str(v);
    if (!s)
        return NULL;
    size_t n;
    char *text = str_to_utf8(s, &n);
    if (!text)
        return NULL;
    bool negative = text[0] == '-';
    Expr *e = new_expr(rv, Expr_Constant, pos);
    e->v.Constant.value.kind = CONST_INT;
    e->v.Constant.value.v.i.digits = arena_strndup(rv->arena, text + negative, n - negative);
    e->v.Constant.value.v.i.base = 10;
    free(text);
    if (!negative)
        return e;
    Expr *neg = new_expr(rv, Expr_UnaryOp, pos);
    neg->v.UnaryOp.op = UnaryOp_USub;
    neg->v.UnaryOp.operand = e;
    return neg;
}

static Expr *float_constant(Rev *rv, double d, ConstKind kind, const Expr *pos)
{
    Expr *e = new_expr(rv, Expr_Constant, pos);
    e->v.Constant.value.kind = kind;
    e->v.Constant.value.v.f = d;
    return e;
}

static Expr *constant_expr(Rev *rv, Object *v, const Expr *pos)
{
    Constant *c;
    Expr *e;
    if (v == None || v == True_ || v == False_ || v == vm.ellipsis) {
        e = new_expr(rv, Expr_Constant, pos);
        e->v.Constant.value.kind = v == None ? CONST_NONE : v == True_ ? CONST_TRUE
                                 : v == False_ ? CONST_FALSE : CONST_ELLIPSIS;
        return e;
    }
    if (is_int(v) && !is_instance_of(v, vm.t_bool))
        return int_constant(rv, v, pos);
    Type *t = type_of(v);
    if (t == vm.t_float)
        return float_constant(rv, float_value(v), CONST_FLOAT, pos);
    if (t == vm.t_complex) {
        Complex *z = (Complex *)v;
        Expr *imag = float_constant(rv, z->imag, CONST_COMPLEX, pos);
        if (z->real == 0.0 && !signbit(z->real))
            return imag;
        Expr *sum = new_expr(rv, Expr_BinOp, pos);
        sum->v.BinOp.left = float_constant(rv, z->real, CONST_FLOAT, pos);
        sum->v.BinOp.op = Operator_Add;
        sum->v.BinOp.right = imag;
        return sum;
    }
    if (is_str(v) || is_bytes(v)) {
        e = new_expr(rv, Expr_Constant, pos);
        c = &e->v.Constant.value;
        size_t n;
        char *s;
        if (is_str(v)) {
            c->kind = CONST_STR;
            s = str_to_utf8(v, &n);
            if (!s)
                return NULL;
            c->v.str.s = arena_strndup(rv->arena, s, n);
            free(s);
        } else {
            c->kind = CONST_BYTES;
            n = ((Bytes *)v)->size;
            char *copy = arena_alloc(rv->arena, n + 1);
            for (size_t i = 0; i < n; i++)
                copy[i] = ((Bytes *)v)->data[i];
            c->v.str.s = copy;
        }
        c->v.str.len = n;
        return e;
    }
    if (t == vm.t_tuple) {
        e = new_expr(rv, Expr_Tuple, pos);
        e->v.Tuple.ctx = ExprContext_Load;
        e->v.Tuple.elts = seq_new(rv->arena, (int)tuple_size(v));
        for (size_t i = 0; i < tuple_size(v); i++)
            if (!(e->v.Tuple.elts->a[i] = constant_expr(rv, tuple_get(v, i), pos)))
                return NULL;
        return e;
    }
    raise(vm.e_TypeError, "got an invalid type in Constant: %s", type_name(t));
    return NULL;
}

/* ---- nodes ----------------------------------------------------------------------------- */

static bool positions(Object *o, int *pos, const char *owner)
{
    static const char *const names[4] = { "lineno", "col_offset", "end_lineno", "end_col_offset" };
    for (int i = 0; i < 4; i++) {
        Object *v = field_of(o, names[i]);
        if (exc_occurred())
            return false;
        if (!v || v == None) {
            if (i < 2)
                return missing(names[i], owner);
            pos[i] = pos[i - 2];    /* end positions are optional */
            continue;
        }
        if (!int_field(v, &pos[i]))
            return false;
    }
    return true;
}

static bool field_value(Rev *rv, const AstField *f, Object *v, const char *owner, void *slot)
{
    switch (f->type) {
    case AST_F_IDENTIFIER: case AST_F_STRING:
        if (v == None && f->opt) {
            *(const char **)slot = NULL;
            return true;
        }
        return (*(const char **)slot = identifier(rv, v)) != NULL;
    case AST_F_INT:
        return int_field(v, (int *)slot);
    case AST_F_EXPR_CONTEXT: case AST_F_BOOLOP: case AST_F_OPERATOR: case AST_F_UNARYOP:
        return enum_field(rv, v, f->type, (int *)slot);
    case AST_F_CONSTANT:
        /* Constant.value: handled by node_from (it may become another node). */
        return true;
    default:
        if (v == None) {
            if (!f->opt)
                return missing(f->name, owner);
            *(void **)slot = NULL;
            return true;
        }
        return (*(void **)slot = node_from(rv, v, f->type)) != NULL;
    }
}

static bool seq_value(Rev *rv, const AstField *f, Object *v, const char *owner, AstSeq **slot)
{
    if (is_small(v) || v->type != vm.t_list) {
        raise(vm.e_TypeError, "%s field \"%s\" must be a list, not a %s", owner, f->name,
              type_name(type_of(v)));
        return false;
    }
    size_t n = list_size(v);
    AstSeq *s = seq_new(rv->arena, (int)n);
    for (size_t i = 0; i < n && i < list_size(v); i++) {
        Object *item = list_get(v, i);
        if (f->type == AST_F_CMPOP) {
            int op;
            if (!enum_field(rv, item, AST_F_CMPOP, &op))
                return false;
            s->a[i] = (void *)(intptr_t)op;
        } else if (f->type == AST_F_IDENTIFIER || f->type == AST_F_STRING) {
            if (!(s->a[i] = (void *)identifier(rv, item)))
                return false;
        } else if (item == None) {
            /* A ** entry's key; a keyword-only argument without default. */
            if ((strcmp(owner, "Dict") || strcmp(f->name, "keys"))
                && (strcmp(owner, "arguments") || strcmp(f->name, "kw_defaults"))) {
                raise(vm.e_ValueError, "None disallowed in %s list",
                      f->type == AST_F_EXPR ? "expression" : "statement");
                return false;
            }
            s->a[i] = NULL;
        } else {
            int ctx = rv->ctx;
            s->a[i] = node_from(rv, item, f->type);
            rv->ctx = ctx;
            if (!s->a[i])
                return false;
        }
    }
    *slot = s;
    return true;
}

/* The context of the expressions of a field of `owner`, whose own
   context (List, Tuple, Starred pass it on) is ctx. */
static int field_context(const char *owner, const char *field, int ctx)
{
    static const char *const stores[][2] = {
        { "Assign", "targets" }, { "AugAssign", "target" }, { "AnnAssign", "target" },
        { "For", "target" }, { "AsyncFor", "target" }, { "comprehension", "target" },
        { "withitem", "optional_vars" }, { "NamedExpr", "target" },
    };
    for (size_t i = 0; i < sizeof stores / sizeof stores[0]; i++)
        if (!strcmp(owner, stores[i][0]) && !strcmp(field, stores[i][1]))
            return ExprContext_Store;
    if (!strcmp(owner, "Delete"))
        return ExprContext_Del;
    if ((!strcmp(owner, "List") || !strcmp(owner, "Tuple")) && !strcmp(field, "elts"))
        return ctx;
    if (!strcmp(owner, "Starred") && !strcmp(field, "value"))
        return ctx;
    return ExprContext_Load;
}

/* Lists that may not be empty, as CPython checks: bodies of compound
   statements, and these. */
static bool body_required(const char *owner, const char *field)
{
    static const char *const lists[][2] = {
        { "Match", "cases" }, { "Delete", "targets" }, { "Assign", "targets" },
        { "With", "items" }, { "AsyncWith", "items" }, { "Import", "names" },
        { "ImportFrom", "names" }, { "Global", "names" }, { "Nonlocal", "names" },
    };
    for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++)
        if (!strcmp(owner, lists[i][0]) && !strcmp(field, lists[i][1]))
            return true;
    return !strcmp(field, "body") && strcmp(owner, "Module") && strcmp(owner, "Interactive");
}

static bool shape_error(const char *msg)
{
    raise(vm.e_ValueError, "%s", msg);
    return false;
}

/* What the compiler relies on beyond each field's own kind: lists that
   go in pairs, at least one generator or comparison. */
static bool expr_shape_ok(const Expr *e)
{
    switch (e->kind) {
    case Expr_BoolOp:
        return SEQ_LEN(e->v.BoolOp.values) >= 2 || shape_error("BoolOp with less than 2 values");
    case Expr_Compare:
        if (!SEQ_LEN(e->v.Compare.comparators))
            return shape_error("Compare with no comparators");
        return SEQ_LEN(e->v.Compare.ops) == SEQ_LEN(e->v.Compare.comparators)
               || shape_error("Compare has a different number of comparators and operands");
    case Expr_Dict:
        return SEQ_LEN(e->v.Dict.keys) == SEQ_LEN(e->v.Dict.values)
               || shape_error("Dict doesn't have the same number of keys as values");
    case Expr_ListComp: case Expr_SetComp: case Expr_GeneratorExp:
        return SEQ_LEN(e->v.ListComp.generators) || shape_error("comprehension with no generators");
    case Expr_DictComp:
        return SEQ_LEN(e->v.DictComp.generators) || shape_error("comprehension with no generators");
    default:
        return true;
    }
}

static bool stmt_shape_ok(const Stmt *s)
{
    switch (s->kind) {
    case Stmt_Try: case Stmt_TryStar:
        if (!SEQ_LEN(s->v.Try.handlers) && !SEQ_LEN(s->v.Try.finalbody))
            return shape_error("Try has neither except handlers nor finalbody");
        return SEQ_LEN(s->v.Try.handlers) || !SEQ_LEN(s->v.Try.orelse)
               || shape_error("Try has orelse but no except handlers");
    case Stmt_Raise:
        return s->v.Raise.exc || !s->v.Raise.cause || shape_error("Raise with cause but no exception");
    default:
        return true;
    }
}

static bool pattern_shape_ok(const Pattern *p)
{
    switch (p->kind) {
    case Pattern_MatchMapping:
        return SEQ_LEN(p->v.MatchMapping.keys) == SEQ_LEN(p->v.MatchMapping.patterns)
               || shape_error("MatchMapping doesn't have the same number of keys as patterns");
    case Pattern_MatchClass:
        return SEQ_LEN(p->v.MatchClass.kwd_attrs) == SEQ_LEN(p->v.MatchClass.kwd_patterns)
               || shape_error("MatchClass doesn't have the same number of keyword attributes as patterns");
    case Pattern_MatchOr:
        return SEQ_LEN(p->v.MatchOr.patterns) >= 2 || shape_error("MatchOr requires at least 2 patterns");
    default:
        return true;
    }
}

static bool arguments_shape_ok(const Arguments *a)
{
    if (SEQ_LEN(a->defaults) > SEQ_LEN(a->posonlyargs) + SEQ_LEN(a->args))
        return shape_error("more positional defaults than args on arguments");
    return SEQ_LEN(a->kw_defaults) == SEQ_LEN(a->kwonlyargs)
           || shape_error("length of kw_defaults is not the same as kwonlyargs");
}

/* Fills a node of the class `info` names from o's attributes; ctx is the
   node's own context. */
static bool fill(Rev *rv, Object *o, const AstNodeInfo *info, void *node, int ctx)
{
    for (int i = 0; i < info->nfields; i++) {
        const AstField *f = &info->fields[i];
        rv->ctx = field_context(info->name, f->name, ctx);
        Object *v = field_of(o, f->name);
        if (exc_occurred())
            return false;
        if (!v) {
            if (!f->opt || f->seq)
                return missing(f->name, info->name);
            v = None;
        }
        void *slot = (char *)node + f->offset;
        if (f->seq ? !seq_value(rv, f, v, info->name, (AstSeq **)slot)
                   : !field_value(rv, f, v, info->name, slot))
            return false;
        if (f->seq && f->type != AST_F_EXPR && !SEQ_LEN(*(AstSeq **)slot)
            && body_required(info->name, f->name)) {
            raise(vm.e_ValueError, "empty %s on %s", f->name, info->name);
            return false;
        }
    }
    return true;
}

/* The kind of o among the classes of `infos`, or -1 with TypeError. */
static int kind_of(Rev *rv, Object *o, const AstNodeInfo *infos, int n, const char *base)
{
    for (int k = 0; k < n; k++)
        if (is_a(rv, o, infos[k].name))
            return k;
    Object *r = obj_repr(o);
    char rb[200];
    raise(vm.e_TypeError, "expected some sort of %s, but got %s", base, r ? str_cstr(r, rb, sizeof rb) : "?");
    return -1;
}

/* An expression where `want` says (a target is Store or Del). */
static bool context_ok(const Expr *e, int want)
{
    int has;
    switch (e->kind) {
    case Expr_Name: has = e->v.Name.ctx; break;
    case Expr_Attribute: has = e->v.Attribute.ctx; break;
    case Expr_Subscript: has = e->v.Subscript.ctx; break;
    case Expr_Starred: has = e->v.Starred.ctx; break;
    case Expr_List: has = e->v.List.ctx; break;
    case Expr_Tuple: has = e->v.Tuple.ctx; break;
    default:
        if (want == ExprContext_Load)
            return true;
        raise(vm.e_ValueError, "expression which can't be assigned to in %s context",
              ast_expr_context_names[want]);
        return false;
    }
    if (has == want)
        return true;
    raise(vm.e_ValueError, "expression must have %s context but has %s instead",
          ast_expr_context_names[want], ast_expr_context_names[has]);
    return false;
}

#define SET_POS(n, p) ((n)->lineno = (p)[0], (n)->col_offset = (p)[1], \
                       (n)->end_lineno = (p)[2], (n)->end_col_offset = (p)[3])

/* A node of a class without subclasses (arg, keyword, ...) of `size`
   bytes; its four position ints start at pos_offset (-1: it has none). */
static void *plain_node(Rev *rv, Object *o, const AstNodeInfo *info, size_t size,
                        ptrdiff_t pos_offset)
{
    if (kind_of(rv, o, info, 1, info->name) < 0)
        return NULL;
    void *n = arena_alloc(rv->arena, size);
    if (pos_offset >= 0 && !positions(o, (int *)((char *)n + pos_offset), info->name))
        return NULL;
    return fill(rv, o, info, n, ExprContext_Load) ? n : NULL;
}

static void *node_from(Rev *rv, Object *o, AstFieldType type)
{
    if (stack_exhausted()) {
        raise(vm.e_RecursionError, "maximum recursion depth exceeded during ast construction");
        return NULL;
    }
    int pos[4];
    switch (type) {
    case AST_F_EXPR: {
        int want = rv->ctx;
        int k = kind_of(rv, o, ast_expr_info, NEXPR, "expr");
        if (k < 0 || !positions(o, pos, "expr"))
            return NULL;
        Expr *e = arena_alloc(rv->arena, sizeof *e);
        e->kind = (ExprKind)k;
        SET_POS(e, pos);
        if (!fill(rv, o, &ast_expr_info[k], e, want) || !context_ok(e, want) || !expr_shape_ok(e))
            return NULL;
        if (k == Expr_Constant) {
            Object *v = field_of(o, "value");
            if (!v) {
                missing("value", "Constant");
                return NULL;
            }
            Expr *c = constant_expr(rv, v, e);
            if (c && c->kind == Expr_Constant)
                c->v.Constant.kind = e->v.Constant.kind;
            return c;
        }
        return e;
    }
    case AST_F_STMT: {
        int k = kind_of(rv, o, ast_stmt_info, NSTMT, "stmt");
        if (k < 0 || !positions(o, pos, "stmt"))
            return NULL;
        Stmt *s = arena_alloc(rv->arena, sizeof *s);
        s->kind = (StmtKind)k;
        SET_POS(s, pos);
        return fill(rv, o, &ast_stmt_info[k], s, ExprContext_Load) && stmt_shape_ok(s) ? s : NULL;
    }
    case AST_F_PATTERN: {
        int k = kind_of(rv, o, ast_pattern_info, NPATTERN, "pattern");
        if (k < 0 || !positions(o, pos, "pattern"))
            return NULL;
        Pattern *p = arena_alloc(rv->arena, sizeof *p);
        p->kind = (PatternKind)k;
        SET_POS(p, pos);
        return fill(rv, o, &ast_pattern_info[k], p, ExprContext_Load) && pattern_shape_ok(p) ? p : NULL;
    }
    case AST_F_EXCEPTHANDLER: {
        int k = kind_of(rv, o, ast_excepthandler_info, 1, "excepthandler");
        if (k < 0 || !positions(o, pos, "excepthandler"))
            return NULL;
        ExceptHandler *h = arena_alloc(rv->arena, sizeof *h);
        SET_POS(h, pos);
        return fill(rv, o, &ast_excepthandler_info[k], h, ExprContext_Load) ? h : NULL;
    }
    case AST_F_ARG: return plain_node(rv, o, &ast_arg_info, sizeof(Arg), offsetof(Arg, lineno));
    case AST_F_KEYWORD:
        return plain_node(rv, o, &ast_keyword_info, sizeof(Keyword), offsetof(Keyword, lineno));
    case AST_F_ALIAS: return plain_node(rv, o, &ast_alias_info, sizeof(Alias), offsetof(Alias, lineno));
    case AST_F_ARGUMENTS: {
        Arguments *n = plain_node(rv, o, &ast_arguments_info, sizeof(Arguments), -1);
        return n && arguments_shape_ok(n) ? n : NULL;
    }
    case AST_F_WITHITEM: return plain_node(rv, o, &ast_withitem_info, sizeof(WithItem), -1);
    case AST_F_MATCH_CASE: return plain_node(rv, o, &ast_match_case_info, sizeof(MatchCase), -1);
    case AST_F_COMPREHENSION:
        return plain_node(rv, o, &ast_comprehension_info, sizeof(Comprehension), -1);
    default:
        raise(vm.e_SystemError, "bad AST field type %d", (int)type);
        return NULL;
    }
}

/* A list of statements: the body of a Module or Interactive. */
static AstSeq *body_of(Rev *rv, Object *o, const char *owner)
{
    static const AstField body = { "body", AST_F_STMT, 1, 0, 0 };
    Object *v = field_of(o, "body");
    if (!v) {
        missing("body", owner);
        return NULL;
    }
    AstSeq *s;
    return seq_value(rv, &body, v, owner, &s) ? s : NULL;
}

static Object *ast_namespace(void)
{
    Object *mod = import_name(intern_cstr("_ast"), None, make_small(0), vm.builtins);
    return mod ? ((ModuleObj *)mod)->dict : NULL;
}

/* Whether o is an instance of ast.AST: 1, 0, or -1 with an exception. */
int is_ast_object(Object *o)
{
    Object *ns = ast_namespace();
    if (!ns)
        return -1;
    Rev rv = { NULL, ns, ExprContext_Load };
    return is_a(&rv, o, "AST");
}

/* compile(tree, filename, mode): the code of an ast.Module (exec),
   ast.Expression (eval) or ast.Interactive (single). */
Object *compile_ast_object(Object *tree, const char *filename, const char *mode)
{
    Object *ns = ast_namespace();
    if (!ns)
        return NULL;
    Rev rv = { arena_new(), ns, ExprContext_Load };
    bool eval = !strcmp(mode, "eval"), single = !strcmp(mode, "single");
    const char *want = eval ? "Expression" : single ? "Interactive" : "Module";
    Object *code = NULL;
    SyntaxErr err;
    memset(&err, 0, sizeof err);
    Source src = { .filename = filename, .text = "", .len = 0, .warn = warnings_compile_hook };
    if (!is_a(&rv, tree, want)) {
        raise(vm.e_TypeError, "expected %s node, got %s", want, type_name(type_of(tree)));
    } else if (eval) {
        Object *body = field_of(tree, "body");
        Expr *e = body ? node_from(&rv, body, AST_F_EXPR) : NULL;
        if (!body)
            missing("body", "Expression");
        CodeUnit *u = e ? compile_eval(rv.arena, e, &src, &err, 0) : NULL;
        code = u ? code_from_unit(u) : NULL;
        if (e && !u)
            raise_syntax_error(&err, &src);
    } else {
        Module m = { body_of(&rv, tree, want) };
        CodeUnit *u = NULL;
        if (m.body || !exc_occurred()) {
            u = single ? compile_interactive(rv.arena, &m, &src, &err, 0)
                       : compile_module(rv.arena, &m, &src, &err, 0);
            if (!u)
                raise_syntax_error(&err, &src);
        }
        code = u ? code_from_unit(u) : NULL;
    }
    arena_free(rv.arena);
    return code;
}
