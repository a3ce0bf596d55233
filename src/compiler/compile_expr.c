/* Expressions, assignment targets, calls and conditional jumps. */
#include <string.h>

#include "compiler/compile_internal.h"

static void visit(Compiler *c, Expr *e);

void compile_expr(Compiler *c, Expr *e)
{
    if (c->failed)
        return;
    LineEntry saved = c->u->loc;
    int saved_art = c->u->artificial;
    c_loc_expr(c, e);
    visit(c, e);
    c->u->loc = saved;
    c->u->artificial = saved_art;
}

static int is_const(Compiler *c, Expr *e) { return const_fold_expr(c, e) != NULL; }

static int all_const(Compiler *c, AstSeq *elts, int from, int to)
{
    for (int i = from; i < to; i++) {
        Expr *e = SEQ_GET(elts, i);
        if (!e || e->kind == Expr_Starred || !is_const(c, e))
            return 0;
    }
    return 1;
}

static ConstVal *const_tuple(Compiler *c, AstSeq *elts, int from, int to)
{
    ConstVal *t = cv_tuple(c, to - from);
    for (int i = from; i < to; i++)
        t->v.tup.items[i - from] = const_fold_expr(c, SEQ_GET(elts, i));
    return t;
}

/* Builds a list, set or tuple from elements that may be starred. */
static void starunpack(Compiler *c, AstSeq *elts, int pushed, int build, int add, int extend, int tuple)
{
    int n = SEQ_LEN(elts);
    if (n > 2 && all_const(c, elts, 0, n)) {
        ConstVal *folded = const_tuple(c, elts, 0, n);
        if (tuple && !pushed) {
            c_emit_const(c, folded);
            return;
        }
        if (add == OP_SET_ADD)
            folded->kind = CV_FROZENSET;
        c_emit(c, build, pushed);
        c_emit_const(c, folded);
        c_emit(c, extend, 1);
        if (tuple)
            c_emit(c, OP_LIST_TO_TUPLE, 0);
        return;
    }
    int big = n + pushed > STACK_USE_GUARDRAIL, seen_star = 0;
    SEQ_FOR(i, elts) seen_star |= ((Expr *)SEQ_GET(elts, i))->kind == Expr_Starred;
    if (!seen_star && !big) {
        SEQ_FOR(i, elts) compile_expr(c, SEQ_GET(elts, i));
        c_emit(c, tuple ? OP_BUILD_TUPLE : build, n + pushed);
        return;
    }
    int built = 0;
    if (big) {
        c_emit(c, build, pushed);
        built = 1;
    }
    SEQ_FOR(i, elts) {
        Expr *e = SEQ_GET(elts, i);
        if (e->kind == Expr_Starred) {
            if (!built) {
                c_emit(c, build, i + pushed);
                built = 1;
            }
            compile_expr(c, e->v.Starred.value);
            c_emit(c, extend, 1);
        } else {
            compile_expr(c, e);
            if (built)
                c_emit(c, add, 1);
        }
    }
    if (tuple)
        c_emit(c, OP_LIST_TO_TUPLE, 0);
}

static void unpack_helper(Compiler *c, AstSeq *elts)
{
    int n = SEQ_LEN(elts), seen_star = 0;
    SEQ_FOR(i, elts) {
        Expr *e = SEQ_GET(elts, i);
        if (e->kind == Expr_Starred && !seen_star) {
            if (i >= (1 << 8) || n - i - 1 >= (1 << 16)) {
                compiler_error(c, "too many expressions in star-unpacking assignment");
                return;
            }
            c_emit(c, OP_UNPACK_EX, i + ((n - i - 1) << 8));
            seen_star = 1;
        } else if (e->kind == Expr_Starred) {
            compiler_error(c, "multiple starred expressions in assignment");
            return;
        }
    }
    if (!seen_star)
        c_emit(c, OP_UNPACK_SEQUENCE, n);
}

static void assignment_helper(Compiler *c, AstSeq *elts)
{
    unpack_helper(c, elts);
    SEQ_FOR(i, elts) {
        Expr *e = SEQ_GET(elts, i);
        compile_expr(c, e->kind == Expr_Starred ? e->v.Starred.value : e);
    }
}

static void compile_sequence(Compiler *c, Expr *e, AstSeq *elts, ExprContext ctx, int tuple)
{
    if (ctx == ExprContext_Store) {
        assignment_helper(c, elts);
    } else if (ctx == ExprContext_Load) {
        starunpack(c, elts, 0, OP_BUILD_LIST, OP_LIST_APPEND, OP_LIST_EXTEND, tuple);
    } else {
        SEQ_FOR(i, elts) compile_expr(c, SEQ_GET(elts, i));
    }
}

/* Keys begin..end of a dict display without ** entries. */
static void subdict(Compiler *c, Expr *e, int begin, int end)
{
    AstSeq *keys = e->v.Dict.keys, *values = e->v.Dict.values;
    int n = end - begin, big = n * 2 > STACK_USE_GUARDRAIL;
    if (n > 1 && !big && all_const(c, keys, begin, end)) {
        for (int i = begin; i < end; i++)
            compile_expr(c, SEQ_GET(values, i));
        c_emit_const(c, const_tuple(c, keys, begin, end));
        c_emit(c, OP_BUILD_CONST_KEY_MAP, n);
        return;
    }
    if (big)
        c_emit(c, OP_BUILD_MAP, 0);
    for (int i = begin; i < end; i++) {
        compile_expr(c, SEQ_GET(keys, i));
        compile_expr(c, SEQ_GET(values, i));
        if (big)
            c_emit(c, OP_MAP_ADD, 1);
    }
    if (!big)
        c_emit(c, OP_BUILD_MAP, n);
}

static void compile_dict(Compiler *c, Expr *e)
{
    int n = SEQ_LEN(e->v.Dict.values), have_dict = 0, elements = 0;
    for (int i = 0; i < n; i++) {
        if (!SEQ_GET(e->v.Dict.keys, i)) {
            if (elements) {
                subdict(c, e, i - elements, i);
                if (have_dict)
                    c_emit(c, OP_DICT_UPDATE, 1);
                have_dict = 1;
                elements = 0;
            }
            if (!have_dict) {
                c_emit(c, OP_BUILD_MAP, 0);
                have_dict = 1;
            }
            compile_expr(c, SEQ_GET(e->v.Dict.values, i));
            c_emit(c, OP_DICT_UPDATE, 1);
        } else if (elements * 2 > STACK_USE_GUARDRAIL) {
            subdict(c, e, i - elements, i + 1);
            if (have_dict)
                c_emit(c, OP_DICT_UPDATE, 1);
            have_dict = 1;
            elements = 0;
        } else {
            elements++;
        }
    }
    if (elements) {
        subdict(c, e, n - elements, n);
        if (have_dict)
            c_emit(c, OP_DICT_UPDATE, 1);
        have_dict = 1;
    }
    if (!have_dict)
        c_emit(c, OP_BUILD_MAP, 0);
}

static void compile_compare(Compiler *c, Expr *e)
{
    AstSeq *ops = e->v.Compare.ops, *cmps = e->v.Compare.comparators;
    int n = SEQ_LEN(ops) - 1;
    warn_compare(c, e);
    compile_expr(c, e->v.Compare.left);
    if (n == 0) {
        compile_expr(c, SEQ_GET(cmps, 0));
        c_emit_compare(c, (CmpOpKind)(intptr_t)SEQ_GET(ops, 0));
        return;
    }
    int cleanup = c_new_label(c), end = c_new_label(c);
    for (int i = 0; i < n; i++) {
        compile_expr(c, SEQ_GET(cmps, i));
        c_emit(c, OP_SWAP, 2);
        c_emit(c, OP_COPY, 2);
        c_emit_compare(c, (CmpOpKind)(intptr_t)SEQ_GET(ops, i));
        c_emit_jump(c, OP_JUMP_IF_FALSE_OR_POP, cleanup);
    }
    compile_expr(c, SEQ_GET(cmps, n));
    c_emit_compare(c, (CmpOpKind)(intptr_t)SEQ_GET(ops, n));
    c_emit_jump(c, PSEUDO_JUMP, end);
    c_use_label(c, cleanup);
    c_emit(c, OP_SWAP, 2);
    c_emit(c, OP_POP_TOP, 0);
    c_use_label(c, end);
}

static int validate_keywords(Compiler *c, AstSeq *kws)
{
    SEQ_FOR(i, kws) {
        Keyword *k = SEQ_GET(kws, i);
        if (!k->arg)
            continue;
        for (int j = i + 1; j < SEQ_LEN(kws); j++) {
            Keyword *o = SEQ_GET(kws, j);
            if (o->arg && !strcmp(k->arg, o->arg))
                return compiler_error_at(c, o->lineno, o->col_offset, o->end_lineno, o->end_col_offset,
                                         "keyword argument repeated: %s", k->arg);
        }
    }
    return 1;
}

static void kw_names(Compiler *c, AstSeq *kws, int begin, int end)
{
    ConstVal *t = cv_tuple(c, end - begin);
    for (int i = begin; i < end; i++)
        t->v.tup.items[i - begin] = cv_str(c, ((Keyword *)SEQ_GET(kws, i))->arg);
    c_emit(c, OP_KW_NAMES, c_add_const(c, t));
}

static void subkwargs(Compiler *c, AstSeq *kws, int begin, int end)
{
    int n = end - begin, big = n * 2 > STACK_USE_GUARDRAIL;
    if (n > 1 && !big) {
        for (int i = begin; i < end; i++)
            compile_expr(c, ((Keyword *)SEQ_GET(kws, i))->value);
        ConstVal *t = cv_tuple(c, n);
        for (int i = begin; i < end; i++)
            t->v.tup.items[i - begin] = cv_str(c, ((Keyword *)SEQ_GET(kws, i))->arg);
        c_emit_const(c, t);
        c_emit(c, OP_BUILD_CONST_KEY_MAP, n);
        return;
    }
    if (big)
        c_emit(c, OP_BUILD_MAP, 0);
    for (int i = begin; i < end; i++) {
        Keyword *k = SEQ_GET(kws, i);
        c_emit_const(c, cv_str(c, k->arg));
        compile_expr(c, k->value);
        if (big)
            c_emit(c, OP_MAP_ADD, 1);
    }
    if (!big)
        c_emit(c, OP_BUILD_MAP, n);
}

/* The callable (and NULL or self) and n extra positional arguments are on
   the stack. */
void compile_call_helper(Compiler *c, int n, AstSeq *args, AstSeq *kws)
{
    if (!validate_keywords(c, kws))
        return;
    int nargs = SEQ_LEN(args), nkw = SEQ_LEN(kws), simple = nargs + nkw * 2 <= STACK_USE_GUARDRAIL;
    SEQ_FOR(i, args) if (((Expr *)SEQ_GET(args, i))->kind == Expr_Starred) simple = 0;
    SEQ_FOR(i, kws) if (!((Keyword *)SEQ_GET(kws, i))->arg) simple = 0;
    if (simple) {
        SEQ_FOR(i, args) compile_expr(c, SEQ_GET(args, i));
        if (nkw) {
            SEQ_FOR(i, kws) compile_expr(c, ((Keyword *)SEQ_GET(kws, i))->value);
            kw_names(c, kws, 0, nkw);
        }
        c_emit(c, OP_CALL, n + nargs + nkw);
        return;
    }
    if (n == 0 && nargs == 1 && ((Expr *)SEQ_GET(args, 0))->kind == Expr_Starred)
        compile_expr(c, ((Expr *)SEQ_GET(args, 0))->v.Starred.value);
    else
        starunpack(c, args, n, OP_BUILD_LIST, OP_LIST_APPEND, OP_LIST_EXTEND, 1);
    if (nkw) {
        int have_dict = 0, nseen = 0;
        for (int i = 0; i < nkw; i++) {
            Keyword *k = SEQ_GET(kws, i);
            if (k->arg) {
                nseen++;
                continue;
            }
            if (nseen) {
                subkwargs(c, kws, i - nseen, i);
                if (have_dict)
                    c_emit(c, OP_DICT_MERGE, 1);
                have_dict = 1;
                nseen = 0;
            }
            if (!have_dict) {
                c_emit(c, OP_BUILD_MAP, 0);
                have_dict = 1;
            }
            compile_expr(c, k->value);
            c_emit(c, OP_DICT_MERGE, 1);
        }
        if (nseen) {
            subkwargs(c, kws, nkw - nseen, nkw);
            if (have_dict)
                c_emit(c, OP_DICT_MERGE, 1);
        }
    }
    c_emit(c, OP_CALL_FUNCTION_EX, nkw > 0);
}

/* An attribute spanning lines: the instructions of its load, store,
   delete or method call start on its last line, at the name, so that a
   traceback shows the line of `.name` (CPython 3.11's
   update_start_location_to_match_attr). */
static void c_loc_attr(Compiler *c, const Expr *attr)
{
    LineEntry *l = &c->u->loc;
    if (l->lineno == attr->end_lineno)
        return;
    l->lineno = attr->end_lineno;
    int len = 0;   /* in characters, as CPython counts the name */
    for (const char *p = attr->v.Attribute.attr; *p; p++)
        len += ((unsigned char)*p & 0xC0) != 0x80;
    if (len <= attr->end_col_offset) {
        l->col = attr->end_col_offset - len;
    } else {
        l->col = -1;
        l->end_col = -1;
    }
    if (l->end_lineno < l->lineno)
        l->end_lineno = l->lineno;
    if (l->lineno == l->end_lineno && l->end_col < l->col)
        l->end_col = l->col;
}

static int try_method_call(Compiler *c, Expr *e)
{
    Expr *meth = e->v.Call.func;
    AstSeq *args = e->v.Call.args, *kws = e->v.Call.keywords;
    if (meth->kind != Expr_Attribute || meth->v.Attribute.ctx != ExprContext_Load)
        return 0;
    /* Like CPython 3.11: module.func() stays LOAD_ATTR when the base name
       is imported at module level. */
    Expr *base = meth->v.Attribute.value;
    if (base->kind == Expr_Name) {
        Symbol *sym = symtable_get(c->st->top, base->v.Name.id);
        if (sym && (sym->flags & DEF_IMPORT))
            return 0;
    }
    int nargs = SEQ_LEN(args), nkw = SEQ_LEN(kws);
    if (nargs + nkw + (nkw != 0) >= STACK_USE_GUARDRAIL)
        return 0;
    SEQ_FOR(i, args) if (((Expr *)SEQ_GET(args, i))->kind == Expr_Starred) return 0;
    SEQ_FOR(i, kws) if (!((Keyword *)SEQ_GET(kws, i))->arg) return 0;
    if (!validate_keywords(c, kws))
        return 1;
    compile_expr(c, meth->v.Attribute.value);
    c_loc_expr(c, meth);
    c_loc_attr(c, meth);
    c_emit_name(c, OP_LOAD_METHOD, meth->v.Attribute.attr);
    SEQ_FOR(i, args) compile_expr(c, SEQ_GET(args, i));
    if (nkw) {
        SEQ_FOR(i, kws) compile_expr(c, ((Keyword *)SEQ_GET(kws, i))->value);
        kw_names(c, kws, 0, nkw);
    }
    c_loc_expr(c, e);
    c_loc_attr(c, meth);
    c_emit(c, OP_CALL, nargs + nkw);
    return 1;
}

static void compile_call(Compiler *c, Expr *e)
{
    if (try_method_call(c, e))
        return;
    warn_call(c, e->v.Call.func);
    Unit *u = c->u;
    c_emit(c, OP_PUSH_NULL, 0);
    int at = u->ninstrs, nlabels = u->nlabels;
    compile_expr(c, e->v.Call.func);
    /* PUSH_NULL; LOAD_GLOBAL -> LOAD_GLOBAL with its push-NULL bit, unless
       something jumps to the LOAD_GLOBAL. */
    int merge = u->ninstrs > at && u->instrs[at].op == OP_LOAD_GLOBAL && !(u->instrs[at].arg & 1);
    for (int i = nlabels; i < u->nlabels && merge; i++)
        merge = u->labels[i] != at;
    if (merge) {
        u->instrs[at].arg |= 1;
        memmove(&u->instrs[at - 1], &u->instrs[at], sizeof(Instr) * (u->ninstrs - at));
        u->ninstrs--;
        for (int i = nlabels; i < u->nlabels; i++)
            if (u->labels[i] > at)
                u->labels[i]--;
        if (u->last_label > at)
            u->last_label--;
    }
    compile_call_helper(c, 0, e->v.Call.args, e->v.Call.keywords);
}

static void compile_formatted_value(Compiler *c, Expr *e)
{
    compile_expr(c, e->v.FormattedValue.value);
    int oparg;
    switch (e->v.FormattedValue.conversion) {
    case 's': oparg = FVC_STR; break;
    case 'r': oparg = FVC_REPR; break;
    case 'a': oparg = FVC_ASCII; break;
    default: oparg = FVC_NONE; break;
    }
    if (e->v.FormattedValue.format_spec) {
        compile_expr(c, e->v.FormattedValue.format_spec);
        oparg |= FVS_HAVE_SPEC;
    }
    c_emit(c, OP_FORMAT_VALUE, oparg);
}

static void compile_joined_str(Compiler *c, Expr *e)
{
    AstSeq *values = e->v.JoinedStr.values;
    int n = SEQ_LEN(values);
    if (n > STACK_USE_GUARDRAIL) {
        c_emit_const(c, cv_str(c, ""));
        c_emit_name(c, OP_LOAD_METHOD, "join");
        c_emit(c, OP_BUILD_LIST, 0);
        SEQ_FOR(i, values) {
            compile_expr(c, SEQ_GET(values, i));
            c_emit(c, OP_LIST_APPEND, 1);
        }
        c_emit(c, OP_CALL, 1);
        return;
    }
    SEQ_FOR(i, values) compile_expr(c, SEQ_GET(values, i));
    if (n != 1)
        c_emit(c, OP_BUILD_STRING, n);
}

static void compile_slice(Compiler *c, Expr *e)
{
    int n = 2;
    if (e->v.Slice.lower)
        compile_expr(c, e->v.Slice.lower);
    else
        c_emit_none(c);
    if (e->v.Slice.upper)
        compile_expr(c, e->v.Slice.upper);
    else
        c_emit_none(c);
    if (e->v.Slice.step) {
        compile_expr(c, e->v.Slice.step);
        n++;
    }
    c_emit(c, OP_BUILD_SLICE, n);
}

static int binop_arg(OperatorKind op)
{
    static const int map[] = {
        [Operator_Add] = NB_ADD, [Operator_Sub] = NB_SUBTRACT, [Operator_Mult] = NB_MULTIPLY,
        [Operator_MatMult] = NB_MATRIX_MULTIPLY, [Operator_Div] = NB_TRUE_DIVIDE, [Operator_Mod] = NB_REMAINDER,
        [Operator_Pow] = NB_POWER, [Operator_LShift] = NB_LSHIFT, [Operator_RShift] = NB_RSHIFT,
        [Operator_BitOr] = NB_OR, [Operator_BitXor] = NB_XOR, [Operator_BitAnd] = NB_AND,
        [Operator_FloorDiv] = NB_FLOOR_DIVIDE,
    };
    return map[op];
}

static void compile_boolop(Compiler *c, Expr *e)
{
    AstSeq *values = e->v.BoolOp.values;
    int end = c_new_label(c), n = SEQ_LEN(values) - 1;
    int is_and = e->v.BoolOp.op == BoolOp_And;
    int op = is_and ? OP_JUMP_IF_FALSE_OR_POP : OP_JUMP_IF_TRUE_OR_POP;
    for (int i = 0; i < n; i++) {
        /* A constant operand either decides the result (the rest is dead)
           or is skipped, as CPython's peephole leaves it. */
        ConstVal *k = const_fold_expr(c, SEQ_GET(values, i));
        int truth = k ? cv_truth(k) : -1;
        if (truth >= 0 && truth == is_and)
            continue;
        compile_expr(c, SEQ_GET(values, i));
        c_emit_jump(c, truth >= 0 ? PSEUDO_JUMP : op, end);
    }
    compile_expr(c, SEQ_GET(values, n));
    c_use_label(c, end);
}

/* `x in [a, b]` and `for x in [a, b]` build a tuple instead (and a
   frozenset constant for a constant set), as CPython's AST optimizer does. */
void compile_iter_literal(Compiler *c, Expr *e)
{
    if (e->kind == Expr_List && e->v.List.ctx == ExprContext_Load) {
        int starred = 0;
        SEQ_FOR(i, e->v.List.elts) starred |= ((Expr *)SEQ_GET(e->v.List.elts, i))->kind == Expr_Starred;
        if (!starred) {
            LineEntry saved = c->u->loc;
            c_loc_expr(c, e);
            if (all_const(c, e->v.List.elts, 0, SEQ_LEN(e->v.List.elts)))
                c_emit_const(c, const_tuple(c, e->v.List.elts, 0, SEQ_LEN(e->v.List.elts)));
            else
                starunpack(c, e->v.List.elts, 0, OP_BUILD_LIST, OP_LIST_APPEND, OP_LIST_EXTEND, 1);
            c->u->loc = saved;
            return;
        }
    }
    if (e->kind == Expr_Set && all_const(c, e->v.Set.elts, 0, SEQ_LEN(e->v.Set.elts))) {
        LineEntry saved = c->u->loc;
        c_loc_expr(c, e);
        ConstVal *t = const_tuple(c, e->v.Set.elts, 0, SEQ_LEN(e->v.Set.elts));
        t->kind = CV_FROZENSET;
        c_emit_const(c, t);
        c->u->loc = saved;
        return;
    }
    compile_expr(c, e);
}

static void visit(Compiler *c, Expr *e)
{
    Unit *u = c->u;
    if (e->kind != Expr_Constant) {
        ConstVal *k = (e->kind == Expr_Tuple || e->kind == Expr_BinOp || e->kind == Expr_UnaryOp ||
                       e->kind == Expr_Name || e->kind == Expr_Subscript)
                          ? const_fold_expr(c, e)
                          : NULL;
        if (k) {
            c_emit_const(c, k);
            return;
        }
    }
    switch (e->kind) {
    case Expr_NamedExpr:
        compile_expr(c, e->v.NamedExpr.value);
        c_emit(c, OP_COPY, 1);
        compile_expr(c, e->v.NamedExpr.target);
        break;
    case Expr_BoolOp:
        compile_boolop(c, e);
        break;
    case Expr_BinOp: {
        Expr *js = compile_format_to_fstring(c, e);
        if (js) {
            compile_joined_str(c, js);
            break;
        }
        compile_expr(c, e->v.BinOp.left);
        compile_expr(c, e->v.BinOp.right);
        c_emit(c, OP_BINARY_OP, binop_arg(e->v.BinOp.op));
        break;
    }
    case Expr_UnaryOp: {
        Expr *o = e->v.UnaryOp.operand;
        if (e->v.UnaryOp.op == UnaryOp_Not && o->kind == Expr_Compare && SEQ_LEN(o->v.Compare.ops) == 1) {
            CmpOpKind op = (CmpOpKind)(intptr_t)SEQ_GET(o->v.Compare.ops, 0);
            CmpOpKind inv = op == CmpOp_In ? CmpOp_NotIn : op == CmpOp_NotIn ? CmpOp_In
                          : op == CmpOp_Is ? CmpOp_IsNot : op == CmpOp_IsNot ? CmpOp_Is : op;
            if (inv != op) {
                warn_negated_compare(c, o);
                compile_expr(c, o->v.Compare.left);
                Expr *r = SEQ_GET(o->v.Compare.comparators, 0);
                if (op == CmpOp_In || op == CmpOp_NotIn)
                    compile_iter_literal(c, r);
                else
                    compile_expr(c, r);
                c_emit_compare(c, inv);
                break;
            }
        }
        compile_expr(c, o);
        static const int ops[] = {[UnaryOp_Invert] = OP_UNARY_INVERT, [UnaryOp_Not] = OP_UNARY_NOT,
                                  [UnaryOp_UAdd] = OP_UNARY_POSITIVE, [UnaryOp_USub] = OP_UNARY_NEGATIVE};
        c_emit(c, ops[e->v.UnaryOp.op], 0);
        break;
    }
    case Expr_Lambda:
        compile_lambda(c, e);
        break;
    case Expr_IfExp: {
        int end = c_new_label(c), next = c_new_label(c);
        compile_jump_if(c, e->v.IfExp.test, next, 0);
        compile_expr(c, e->v.IfExp.body);
        c_emit_jump(c, PSEUDO_JUMP, end);
        c_use_label(c, next);
        compile_expr(c, e->v.IfExp.orelse);
        c_use_label(c, end);
        break;
    }
    case Expr_Dict:
        compile_dict(c, e);
        break;
    case Expr_Set:
        starunpack(c, e->v.Set.elts, 0, OP_BUILD_SET, OP_SET_ADD, OP_SET_UPDATE, 0);
        break;
    case Expr_GeneratorExp:
    case Expr_ListComp:
    case Expr_SetComp:
    case Expr_DictComp:
        compile_comprehension(c, e);
        break;
    case Expr_Yield:
        if (u->ste->type != BLOCK_FUNCTION) {
            compiler_error(c, "'yield' outside function");
            return;
        }
        if (e->v.Yield.value)
            compile_expr(c, e->v.Yield.value);
        else
            c_emit_none(c);
        c_emit_yield(c);
        break;
    case Expr_YieldFrom:
        if (u->ste->type != BLOCK_FUNCTION) {
            compiler_error(c, "'yield' outside function");
            return;
        }
        if (u->scope == SCOPE_ASYNC_FUNCTION) {
            compiler_error(c, "'yield from' inside async function");
            return;
        }
        compile_expr(c, e->v.YieldFrom.value);
        c_emit(c, OP_GET_YIELD_FROM_ITER, 0);
        c_emit_none(c);
        c_emit_yield_from(c);
        break;
    case Expr_Await:
        if (u->ste->type != BLOCK_FUNCTION) {
            compiler_error(c, "'await' outside function");
            return;
        }
        if (u->scope != SCOPE_ASYNC_FUNCTION && u->scope != SCOPE_COMPREHENSION) {
            compiler_error(c, "'await' outside async function");
            return;
        }
        compile_expr(c, e->v.Await.value);
        c_emit(c, OP_GET_AWAITABLE, 0);
        c_emit_none(c);
        c_emit_yield_from(c);
        break;
    case Expr_Compare:
        if (SEQ_LEN(e->v.Compare.ops) == 1) {
            CmpOpKind op = (CmpOpKind)(intptr_t)SEQ_GET(e->v.Compare.ops, 0);
            if (op == CmpOp_In || op == CmpOp_NotIn) {
                compile_expr(c, e->v.Compare.left);
                compile_iter_literal(c, SEQ_GET(e->v.Compare.comparators, 0));
                c_emit_compare(c, op);
                break;
            }
        }
        compile_compare(c, e);
        break;
    case Expr_Call:
        compile_call(c, e);
        break;
    case Expr_FormattedValue:
        compile_formatted_value(c, e);
        break;
    case Expr_JoinedStr:
        compile_joined_str(c, e);
        break;
    case Expr_Constant:
        c_emit_const(c, cv_from_ast(c, &e->v.Constant.value));
        break;
    case Expr_Attribute:
        if (e->v.Attribute.ctx != ExprContext_Load && !strcmp(e->v.Attribute.attr, "__debug__")) {
            compiler_error(c, e->v.Attribute.ctx == ExprContext_Store ? "cannot assign to __debug__"
                                                                      : "cannot delete __debug__");
            return;
        }
        compile_expr(c, e->v.Attribute.value);
        c_loc_attr(c, e);
        c_emit_name(c, e->v.Attribute.ctx == ExprContext_Load    ? OP_LOAD_ATTR
                     : e->v.Attribute.ctx == ExprContext_Store ? OP_STORE_ATTR
                                                               : OP_DELETE_ATTR,
                  e->v.Attribute.attr);
        break;
    case Expr_Subscript:
        if (e->v.Subscript.ctx == ExprContext_Load)
            warn_subscript(c, e);
        compile_expr(c, e->v.Subscript.value);
        compile_expr(c, e->v.Subscript.slice);
        c_emit(c, e->v.Subscript.ctx == ExprContext_Load    ? OP_BINARY_SUBSCR
                : e->v.Subscript.ctx == ExprContext_Store ? OP_STORE_SUBSCR
                                                          : OP_DELETE_SUBSCR,
             0);
        break;
    case Expr_Starred:
        compiler_error(c, e->v.Starred.ctx == ExprContext_Store ? "starred assignment target must be in a list or tuple"
                                                                : "can't use starred expression here");
        break;
    case Expr_Slice:
        compile_slice(c, e);
        break;
    case Expr_Name:
        compile_nameop(c, e->v.Name.id, e->v.Name.ctx);
        break;
    case Expr_List:
        compile_sequence(c, e, e->v.List.elts, e->v.List.ctx, 0);
        break;
    case Expr_Tuple:
        compile_sequence(c, e, e->v.Tuple.elts, e->v.Tuple.ctx, 1);
        break;
    }
}

/* Jumps to label when e's truth equals cond, else falls through. */
void compile_jump_if(Compiler *c, Expr *e, int label, int cond)
{
    if (c->failed)
        return;
    /* Jumps keep the caller's location (the statement's), except that a
       comparison leaves its own location in force after it, for the rest
       of the statement (LOAD_ASSERTION_ERROR, RAISE_VARARGS, ...), as in
       CPython 3.11. */
    LineEntry saved = c->u->loc;
    ConstVal *k = const_fold_expr(c, e);
    int truth = k ? cv_truth(k) : -1;
    if (truth >= 0) {
        if (truth == cond)
            c_emit_jump(c, PSEUDO_JUMP, label);
        c->u->loc = saved;
        return;
    }
    switch (e->kind) {
    case Expr_UnaryOp:
        if (e->v.UnaryOp.op == UnaryOp_Not) {
            warn_negated_compare(c, e->v.UnaryOp.operand);
            compile_jump_if(c, e->v.UnaryOp.operand, label, !cond);
            return;
        }
        break;
    case Expr_BoolOp: {
        AstSeq *s = e->v.BoolOp.values;
        int n = SEQ_LEN(s) - 1, cond2 = e->v.BoolOp.op == BoolOp_Or;
        int next2 = label;
        if (!cond2 != !cond)
            next2 = c_new_label(c);
        for (int i = 0; i < n; i++)
            compile_jump_if(c, SEQ_GET(s, i), next2, cond2);
        compile_jump_if(c, SEQ_GET(s, n), label, cond);
        if (next2 != label)
            c_use_label(c, next2);
        return;
    }
    case Expr_IfExp: {
        int end = c_new_label(c), next2 = c_new_label(c);
        compile_jump_if(c, e->v.IfExp.test, next2, 0);
        compile_jump_if(c, e->v.IfExp.body, label, cond);
        c_emit_jump(c, PSEUDO_JUMP, end);
        c_use_label(c, next2);
        compile_jump_if(c, e->v.IfExp.orelse, label, cond);
        c_use_label(c, end);
        return;
    }
    case Expr_Compare: {
        AstSeq *ops = e->v.Compare.ops, *cmps = e->v.Compare.comparators;
        int n = SEQ_LEN(ops) - 1;
        c_loc_expr(c, e);
        if (n == 0) {
            CmpOpKind op = (CmpOpKind)(intptr_t)SEQ_GET(ops, 0);
            Expr *r = SEQ_GET(cmps, 0);
            if ((op == CmpOp_Is || op == CmpOp_IsNot) && r->kind == Expr_Constant &&
                r->v.Constant.value.kind == CONST_NONE) {
                /* x is None: the dedicated jumps, as CPython's peephole makes them. */
                compile_expr(c, e->v.Compare.left);
                c_emit_jump(c, (op == CmpOp_Is) == cond ? OP_POP_JUMP_IF_NONE : OP_POP_JUMP_IF_NOT_NONE, label);
                return;
            }
            break;
        }
        warn_compare(c, e);
        int cleanup = c_new_label(c), end = c_new_label(c);
        compile_expr(c, e->v.Compare.left);
        for (int i = 0; i < n; i++) {
            compile_expr(c, SEQ_GET(cmps, i));
            c_emit(c, OP_SWAP, 2);
            c_emit(c, OP_COPY, 2);
            c_emit_compare(c, (CmpOpKind)(intptr_t)SEQ_GET(ops, i));
            c_emit_jump(c, OP_POP_JUMP_IF_FALSE, cleanup);
        }
        compile_expr(c, SEQ_GET(cmps, n));
        c_emit_compare(c, (CmpOpKind)(intptr_t)SEQ_GET(ops, n));
        c_emit_jump(c, cond ? OP_POP_JUMP_IF_TRUE : OP_POP_JUMP_IF_FALSE, label);
        c_emit_jump(c, PSEUDO_JUMP, end);
        c_use_label(c, cleanup);
        c_emit(c, OP_POP_TOP, 0);
        if (!cond)
            c_emit_jump(c, PSEUDO_JUMP, label);
        c_use_label(c, end);
        return;
    }
    default:
        break;
    }
    compile_expr(c, e);
    c_emit_jump(c, cond ? OP_POP_JUMP_IF_TRUE : OP_POP_JUMP_IF_FALSE, label);
}
