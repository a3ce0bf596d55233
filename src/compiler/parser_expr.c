/* Expressions: from `expression` down to atoms, comprehensions and call
 * arguments.  Binary operators are parsed by loops (they are
 * left-associative), so only unary operators, parentheses and the like
 * recurse.
 */
#include <string.h>

#include "compiler/parser.h"

static Expr *atom(Parser *p);
static Expr *factor(Parser *p);
static Expr *lambdef(Parser *p);
static AstSeq *comprehension_clauses(Parser *p);
static Expr *named_expression(Parser *p, int hint);

int could_start_expression(TokType t)
{
    switch (t) {
    case T_NAME: case T_NUMBER: case T_STRING: case T_LPAR: case T_LSQB: case T_LBRACE:
    case T_MINUS: case T_PLUS: case T_TILDE: case T_NOT: case T_LAMBDA: case T_AWAIT:
    case T_TRUE: case T_FALSE: case T_NONE: case T_ELLIPSIS: case T_STAR:
        return 1;
    default:
        return 0;
    }
}

static Expr *name_expr(Parser *p, int start, ExprContext ctx)
{
    Token *t = tk_at(p, start);
    Expr *e = new_expr(p, Expr_Name, start);
    e->v.Name.id = tok_identifier(p, t);
    e->v.Name.ctx = ctx;
    return e;
}

static Expr *constant(Parser *p, int start, ConstKind kind)
{
    Expr *e = new_expr(p, Expr_Constant, start);
    e->v.Constant.value.kind = kind;
    return e;
}

/* The comma-separated rest of a tuple, list or set display whose first
   element is `first`; stops before `closing`. */
static AstSeq *display_elements(Parser *p, Expr *first, TokType closing)
{
    NodeList l;
    list_init(&l);
    list_push(&l, first);
    while (accept(p, T_COMMA)) {
        if (tk_type(p) == closing)
            break;
        Expr *e = parse_star_named_expression(p);
        if (!e) {
            list_finish(p, &l);
            return NULL;
        }
        list_push(&l, e);
    }
    return list_finish(p, &l);
}

/* "[x, y for ...]" */
static void *unparenthesized_target(Parser *p, AstSeq *elts)
{
    if (elts->n < 2 || (tk_type(p) != T_FOR && tk_type(p) != T_ASYNC))
        return NULL;
    Expr *first = elts->a[0], *last = elts->a[elts->n - 1];
    return syntax_error_at(p, first->lineno, first->col_offset, last->end_lineno, last->end_col_offset,
                           "did you forget parentheses around the comprehension target?");
}

static Expr *missing_comma_check(Parser *p, Expr *last, TokType closing)
{
    /* "[1 2]": CPython suggests the comma when the next token could start
       another element. */
    TokType t = tk_type(p);
    if (t != closing && t != T_COMMA && !p->failed &&
        (t == T_NAME || t == T_NUMBER || t == T_STRING || t == T_LPAR || t == T_LSQB ||
         t == T_LBRACE || t == T_TRUE || t == T_FALSE || t == T_NONE || t == T_ELLIPSIS ||
         t == T_TILDE || t == T_LAMBDA || t == T_NOT || t == T_AWAIT) &&
        last->kind != Expr_Starred) {
        /* The range runs from the previous element to the unexpected one. */
        int save = p->pos;
        Expr *next = parse_expression(p);
        if (next && !p->failed) {
            p->pos = save;
            return syntax_error_at(p, last->lineno, last->col_offset, next->end_lineno, next->end_col_offset,
                                   "invalid syntax. Perhaps you forgot a comma?");
        }
    }
    return NULL;
}

static Expr *paren_atom(Parser *p)
{
    int start = p->pos;
    p->pos++;   /* ( */
    if (accept(p, T_RPAR)) {
        Expr *e = new_expr(p, Expr_Tuple, start);
        e->v.Tuple.elts = seq_new(p->arena, 0);
        return e;
    }
    if (tk_type(p) == T_DOUBLESTAR)
        return error_at_token(p, tk(p), "cannot use double starred expression here");
    if (tk_type(p) == T_YIELD) {
        Expr *y = parse_yield_expr(p);
        if (!y || !expect(p, T_RPAR, NULL))
            return NULL;
        return y;
    }
    Expr *first = parse_star_named_expression(p);
    if (!first)
        return NULL;
    if (tk_type(p) == T_FOR || tk_type(p) == T_ASYNC) {
        if (first->kind == Expr_Starred)
            return error_at_expr(p, first, "iterable unpacking cannot be used in comprehension");
        AstSeq *gens = comprehension_clauses(p);
        if (!gens || !expect(p, T_RPAR, NULL))
            return NULL;
        Expr *e = new_expr(p, Expr_GeneratorExp, start);
        e->v.GeneratorExp.elt = first;
        e->v.GeneratorExp.generators = gens;
        return e;
    }
    if (accept(p, T_RPAR)) {
        if (first->kind == Expr_Starred)
            return error_at_expr(p, first, "cannot use starred expression here");
        return first;
    }
    if (tk_type(p) != T_COMMA) {
        if (first->kind == Expr_NamedExpr || tk_type(p) == T_COLONEQUAL || tk_type(p) == T_EQUAL)
            return invalid_syntax(p);
        missing_comma_check(p, first, T_RPAR);
        return invalid_syntax(p);
    }
    AstSeq *elts = display_elements(p, first, T_RPAR);
    if (!elts)
        return NULL;
    if (tk_type(p) != T_RPAR) {
        missing_comma_check(p, (Expr *)elts->a[elts->n - 1], T_RPAR);
        return invalid_syntax(p);
    }
    p->pos++;
    Expr *e = new_expr(p, Expr_Tuple, start);
    e->v.Tuple.elts = elts;
    return e;
}

static Expr *list_atom(Parser *p)
{
    int start = p->pos;
    p->pos++;
    if (accept(p, T_RSQB)) {
        Expr *e = new_expr(p, Expr_List, start);
        e->v.List.elts = seq_new(p->arena, 0);
        return e;
    }
    Expr *first = parse_star_named_expression(p);
    if (!first)
        return NULL;
    if (tk_type(p) == T_FOR || tk_type(p) == T_ASYNC) {
        if (first->kind == Expr_Starred)
            return error_at_expr(p, first, "iterable unpacking cannot be used in comprehension");
        AstSeq *gens = comprehension_clauses(p);
        if (!gens || !expect(p, T_RSQB, NULL))
            return NULL;
        Expr *e = new_expr(p, Expr_ListComp, start);
        e->v.ListComp.elt = first;
        e->v.ListComp.generators = gens;
        return e;
    }
    AstSeq *elts = display_elements(p, first, T_RSQB);
    if (!elts || unparenthesized_target(p, elts))
        return NULL;
    if (tk_type(p) != T_RSQB) {
        missing_comma_check(p, (Expr *)elts->a[elts->n - 1], T_RSQB);
        return invalid_syntax(p);
    }
    p->pos++;
    Expr *e = new_expr(p, Expr_List, start);
    e->v.List.elts = elts;
    return e;
}

static Expr *dict_or_set_atom(Parser *p)
{
    int start = p->pos;
    p->pos++;
    if (accept(p, T_RBRACE)) {
        Expr *e = new_expr(p, Expr_Dict, start);
        e->v.Dict.keys = seq_new(p->arena, 0);
        e->v.Dict.values = seq_new(p->arena, 0);
        return e;
    }
    Expr *key = NULL, *value;
    if (accept(p, T_DOUBLESTAR)) {
        value = parse_bitwise_or(p);
        if (!value)
            return NULL;
    } else {
        key = parse_star_named_expression(p);
        if (!key)
            return NULL;
        if (!accept(p, T_COLON)) {
            /* A set. */
            if (tk_type(p) == T_FOR || tk_type(p) == T_ASYNC) {
                if (key->kind == Expr_Starred)
                    return error_at_expr(p, key, "iterable unpacking cannot be used in comprehension");
                AstSeq *gens = comprehension_clauses(p);
                if (!gens || !expect(p, T_RBRACE, NULL))
                    return NULL;
                Expr *e = new_expr(p, Expr_SetComp, start);
                e->v.SetComp.elt = key;
                e->v.SetComp.generators = gens;
                return e;
            }
            AstSeq *elts = display_elements(p, key, T_RBRACE);
            if (!elts || unparenthesized_target(p, elts))
                return NULL;
            if (tk_type(p) != T_RBRACE) {
                missing_comma_check(p, (Expr *)elts->a[elts->n - 1], T_RBRACE);
                return invalid_syntax(p);
            }
            p->pos++;
            Expr *e = new_expr(p, Expr_Set, start);
            e->v.Set.elts = elts;
            return e;
        }
        if (key->kind == Expr_Starred)
            return error_at_expr(p, key, "cannot use a starred expression in a dictionary value");
        if (tk_type(p) == T_STAR && !p->failed)
            return syntax_error(p, "cannot use a starred expression in a dictionary value");
        if (tk_type(p) == T_RBRACE || tk_type(p) == T_COMMA)
            return error_at_token(p, tk_at(p, p->pos - 1), "expression expected after dictionary key and ':'");
        value = parse_expression(p);
        if (!value)
            return NULL;
        if (tk_type(p) == T_FOR || tk_type(p) == T_ASYNC) {
            AstSeq *gens = comprehension_clauses(p);
            if (!gens || !expect(p, T_RBRACE, NULL))
                return NULL;
            Expr *e = new_expr(p, Expr_DictComp, start);
            e->v.DictComp.key = key;
            e->v.DictComp.value = value;
            e->v.DictComp.generators = gens;
            return e;
        }
    }
    NodeList keys, values;
    list_init(&keys);
    list_init(&values);
    list_push(&keys, key);
    list_push(&values, value);
    while (accept(p, T_COMMA)) {
        if (tk_type(p) == T_RBRACE)
            break;
        if (accept(p, T_DOUBLESTAR)) {
            value = parse_bitwise_or(p);
            key = NULL;
        } else {
            key = parse_expression(p);
            if (key && !accept(p, T_COLON)) {
                if (tk_type(p) == T_COMMA || tk_type(p) == T_RBRACE)
                    syntax_error_at(p, key->lineno, key->col_offset, key->end_lineno, -2,
                                    "':' expected after dictionary key");
                else
                    invalid_syntax(p);
                key = NULL;
                value = NULL;
            } else if (key) {
                if (tk_type(p) == T_RBRACE || tk_type(p) == T_COMMA)
                    error_at_token(p, tk_at(p, p->pos - 1), "expression expected after dictionary key and ':'");
                value = key && !p->failed ? parse_expression(p) : NULL;
            } else {
                value = NULL;
            }
        }
        if (!value) {
            list_finish(p, &keys);
            list_finish(p, &values);
            return NULL;
        }
        list_push(&keys, key);
        list_push(&values, value);
    }
    AstSeq *ks = list_finish(p, &keys), *vs = list_finish(p, &values);
    if (tk_type(p) != T_RBRACE && tk_type(p) != T_COMMA && !p->failed)
        missing_comma_check(p, vs->a[vs->n - 1], T_RBRACE);
    if (!expect(p, T_RBRACE, NULL))
        return NULL;
    Expr *e = new_expr(p, Expr_Dict, start);
    e->v.Dict.keys = ks;
    e->v.Dict.values = vs;
    return e;
}

static Expr *atom(Parser *p)
{
    /* The depth CPython would reach below here counts too. */
    if (!enter_n(p, PARSER_ATOM_DEPTH))
        return NULL;
    leave_n(p, PARSER_ATOM_DEPTH);
    int start = p->pos;
    Token *t = tk(p);
    switch (t->type) {
    case T_NAME:
        p->pos++;
        return name_expr(p, start, ExprContext_Load);
    case T_TRUE:
        p->pos++;
        return constant(p, start, CONST_TRUE);
    case T_FALSE:
        p->pos++;
        return constant(p, start, CONST_FALSE);
    case T_NONE:
        p->pos++;
        return constant(p, start, CONST_NONE);
    case T_ELLIPSIS:
        p->pos++;
        return constant(p, start, CONST_ELLIPSIS);
    case T_NUMBER: {
        p->pos++;
        Expr *e = new_expr(p, Expr_Constant, start);
        if (parse_number(p, t, &e->v.Constant.value) < 0)
            return NULL;
        return e;
    }
    case T_STRING:
        return parse_atom_strings(p);
    case T_LPAR:
        return paren_atom(p);
    case T_LSQB:
        return list_atom(p);
    case T_LBRACE:
        return dict_or_set_atom(p);
    default:
        return invalid_syntax(p);
    }
}

/* Call arguments after '('; builds the Call node. */
Expr *parse_call(Parser *p, Expr *func, int start_tok)
{
    int open = p->pos;
    p->pos++;
    NodeList args, kws;
    list_init(&args);
    list_init(&kws);
    int seen_keyword = 0, seen_dstar = 0, nargs = 0;
    while (tk_type(p) != T_RPAR && !p->failed) {
        int start = p->pos;
        Token tcopy = *tk(p), *t = &tcopy;
        if (t->type == T_STAR) {
            if (seen_dstar) {
                error_at_token(p, t, "iterable argument unpacking follows keyword argument unpacking");
                break;
            }
            p->pos++;
            Expr *v = parse_expression(p);
            if (!v)
                break;
            Expr *e = new_expr(p, Expr_Starred, start);
            e->v.Starred.value = v;
            e->v.Starred.ctx = ExprContext_Load;
            list_push(&args, e);
        } else if (t->type == T_DOUBLESTAR) {
            p->pos++;
            Expr *v = parse_expression(p);
            if (!v)
                break;
            Keyword *k = arena_alloc(p->arena, sizeof *k);
            k->value = v;
            set_loc(p, start, &k->lineno, &k->col_offset, &k->end_lineno, &k->end_col_offset);
            list_push(&kws, k);
            seen_dstar = 1;
        } else if ((t->type == T_NAME || t->type == T_TRUE || t->type == T_FALSE || t->type == T_NONE) &&
                   tk_peek_type(p, 1) == T_EQUAL) {
            if (t->type != T_NAME) {
                Token *eq = tk_at(p, start + 1);
                syntax_error_at(p, t->lineno, t->col, eq->end_lineno, eq->end_col, "cannot assign to %s",
                                token_text[t->type]);
                break;
            }
            p->pos += 2;
            Expr *v = parse_expression(p);
            if (!v)
                break;
            if (tk_type(p) == T_FOR || tk_type(p) == T_ASYNC) {
                syntax_error_at(p, t->lineno, t->col, tk_at(p, start + 1)->end_lineno,
                                tk_at(p, start + 1)->end_col,
                                "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
                break;
            }
            Keyword *k = arena_alloc(p->arena, sizeof *k);
            k->arg = tok_identifier(p, t);
            k->value = v;
            set_loc(p, start, &k->lineno, &k->col_offset, &k->end_lineno, &k->end_col_offset);
            list_push(&kws, k);
            seen_keyword = 1;
        } else {
            Expr *e = named_expression(p, 0);
            if (!e)
                break;
            if (tk_type(p) == T_FOR || tk_type(p) == T_ASYNC) {
                AstSeq *gens = comprehension_clauses(p);
                if (!gens)
                    break;
                if (nargs > 0 || kws.n > 0 || tk_type(p) != T_RPAR) {
                    Comprehension *last = gens->a[gens->n - 1];
                    Expr *end = last->ifs && last->ifs->n ? last->ifs->a[last->ifs->n - 1] : last->iter;
                    if (nargs == 0 && kws.n == 0 && tk_type(p) != T_COMMA) {
                        invalid_syntax(p);
                        break;
                    }
                    syntax_error_at(p, e->lineno, e->col_offset, end->end_lineno, end->end_col_offset,
                                    "Generator expression must be parenthesized");
                    break;
                }
                p->pos++;
                Expr *g = new_expr(p, Expr_GeneratorExp, open);
                g->v.GeneratorExp.elt = e;
                g->v.GeneratorExp.generators = gens;
                list_push(&args, g);
                Expr *call = new_expr(p, Expr_Call, start_tok);
                call->v.Call.func = func;
                call->v.Call.args = list_finish(p, &args);
                call->v.Call.keywords = list_finish(p, &kws);
                return call;
            }
            if (tk_type(p) == T_EQUAL) {
                Token *eq = tk(p);
                syntax_error_at(p, e->lineno, e->col_offset, eq->end_lineno, eq->end_col,
                                "expression cannot contain assignment, perhaps you meant \"==\"?");
                break;
            }
            if (seen_keyword || seen_dstar) {
                if (tk_type(p) == T_COMMA || tk_type(p) == T_RPAR)
                    syntax_error(p, seen_dstar ? "positional argument follows keyword argument unpacking"
                                               : "positional argument follows keyword argument");
                else
                    invalid_syntax(p);
                break;
            }
            list_push(&args, e);
        }
        nargs++;
        if (!accept(p, T_COMMA))
            break;
    }
    AstSeq *a = list_finish(p, &args), *k = list_finish(p, &kws);
    if (p->failed)
        return NULL;
    if (tk_type(p) != T_RPAR) {
        if (a->n)
            missing_comma_check(p, a->a[a->n - 1], T_RPAR);
        return invalid_syntax(p);
    }
    p->pos++;
    Expr *call = new_expr(p, Expr_Call, start_tok);
    call->v.Call.func = func;
    call->v.Call.args = a;
    call->v.Call.keywords = k;
    return call;
}

static Expr *slice_item(Parser *p)
{
    int start = p->pos;
    Expr *lower = NULL, *upper = NULL, *step = NULL;
    if (tk_type(p) == T_STAR) {
        p->pos++;
        Expr *v = parse_bitwise_or(p);
        if (!v)
            return NULL;
        Expr *e = new_expr(p, Expr_Starred, start);
        e->v.Starred.value = v;
        e->v.Starred.ctx = ExprContext_Load;
        return e;
    }
    if (tk_type(p) != T_COLON) {
        lower = parse_named_expression(p);
        if (!lower)
            return NULL;
        if (tk_type(p) != T_COLON)
            return lower;
    }
    p->pos++;   /* : */
    if (tk_type(p) != T_COLON && tk_type(p) != T_COMMA && tk_type(p) != T_RSQB) {
        upper = parse_expression(p);
        if (!upper)
            return NULL;
    }
    if (accept(p, T_COLON)) {
        if (tk_type(p) != T_COMMA && tk_type(p) != T_RSQB) {
            step = parse_expression(p);
            if (!step)
                return NULL;
        }
    }
    Expr *e = new_expr(p, Expr_Slice, start);
    e->v.Slice.lower = lower;
    e->v.Slice.upper = upper;
    e->v.Slice.step = step;
    return e;
}

Expr *parse_slices(Parser *p)
{
    int start = p->pos;
    Expr *first = slice_item(p);
    if (!first)
        return NULL;
    if (tk_type(p) != T_COMMA) {
        if (first->kind != Expr_Starred)
            return first;
    }
    NodeList l;
    list_init(&l);
    list_push(&l, first);
    while (accept(p, T_COMMA)) {
        if (tk_type(p) == T_RSQB)
            break;
        Expr *e = slice_item(p);
        if (!e) {
            list_finish(p, &l);
            return NULL;
        }
        list_push(&l, e);
    }
    Expr *t = new_expr(p, Expr_Tuple, start);
    t->v.Tuple.elts = list_finish(p, &l);
    t->v.Tuple.ctx = ExprContext_Load;
    return t;
}

/* primary: atom followed by calls, subscripts and attribute accesses. */
Expr *parse_primary(Parser *p)
{
    int start = p->pos;
    Expr *e = atom(p);
    while (e) {
        TokType t = tk_type(p);
        if (t == T_DOT) {
            p->pos++;
            Token *n = tk(p);
            if (n->type != T_NAME)
                return invalid_syntax(p);
            p->pos++;
            Expr *a = new_expr(p, Expr_Attribute, start);
            a->v.Attribute.value = e;
            a->v.Attribute.attr = tok_identifier(p, n);
            a->v.Attribute.ctx = ExprContext_Load;
            e = a;
        } else if (t == T_LPAR) {
            e = parse_call(p, e, start);
        } else if (t == T_LSQB) {
            p->pos++;
            Expr *s = parse_slices(p);
            if (!s || !expect(p, T_RSQB, NULL))
                return NULL;
            Expr *sub = new_expr(p, Expr_Subscript, start);
            sub->v.Subscript.value = e;
            sub->v.Subscript.slice = s;
            sub->v.Subscript.ctx = ExprContext_Load;
            e = sub;
        } else {
            break;
        }
    }
    return e;
}

/* power: ['await'] primary ['**' factor] */
static Expr *power(Parser *p)
{
    int start = p->pos;
    Expr *e;
    if (accept(p, T_AWAIT)) {
        Expr *v = parse_primary(p);
        if (!v)
            return NULL;
        e = new_expr(p, Expr_Await, start);
        e->v.Await.value = v;
    } else {
        e = parse_primary(p);
        if (!e)
            return NULL;
    }
    if (accept(p, T_DOUBLESTAR)) {
        if (!enter_n(p, 2))
            return NULL;
        Expr *r = factor(p);
        leave_n(p, 2);
        if (!r)
            return NULL;
        Expr *b = new_expr(p, Expr_BinOp, start);
        b->v.BinOp.left = e;
        b->v.BinOp.op = Operator_Pow;
        b->v.BinOp.right = r;
        e = b;
    }
    return e;
}

static Expr *factor(Parser *p)
{
    TokType t = tk_type(p);
    if (t != T_PLUS && t != T_MINUS && t != T_TILDE)
        return power(p);
    if (!enter(p))
        return NULL;
    int start = p->pos++;
    Expr *v = factor(p);
    leave(p);
    if (!v)
        return NULL;
    Expr *e = new_expr(p, Expr_UnaryOp, start);
    e->v.UnaryOp.op = t == T_PLUS ? UnaryOp_UAdd : t == T_MINUS ? UnaryOp_USub : UnaryOp_Invert;
    e->v.UnaryOp.operand = v;
    return e;
}

typedef Expr *(*SubParser)(Parser *);

static int binop_of(TokType t, int level)
{
    switch (level) {
    case 0:
        switch (t) {
        case T_STAR: return Operator_Mult;
        case T_SLASH: return Operator_Div;
        case T_DOUBLESLASH: return Operator_FloorDiv;
        case T_PERCENT: return Operator_Mod;
        case T_AT: return Operator_MatMult;
        default: return -1;
        }
    case 1: return t == T_PLUS ? Operator_Add : t == T_MINUS ? Operator_Sub : -1;
    case 2: return t == T_LEFTSHIFT ? Operator_LShift : t == T_RIGHTSHIFT ? Operator_RShift : -1;
    case 3: return t == T_AMPER ? Operator_BitAnd : -1;
    case 4: return t == T_CIRCUMFLEX ? Operator_BitXor : -1;
    default: return t == T_VBAR ? Operator_BitOr : -1;
    }
}

/* term, sum, shift_expr, bitwise_and, bitwise_xor, bitwise_or: levels 0-5. */
static Expr *binary(Parser *p, int level)
{
    int start = p->pos;
    Expr *e = level == 0 ? factor(p) : binary(p, level - 1);
    while (e) {
        int op = binop_of(tk_type(p), level);
        if (op < 0)
            break;
        p->pos++;
        Expr *r = level == 0 ? factor(p) : binary(p, level - 1);
        if (!r)
            return NULL;
        Expr *b = new_expr(p, Expr_BinOp, start);
        b->v.BinOp.left = e;
        b->v.BinOp.op = (OperatorKind)op;
        b->v.BinOp.right = r;
        e = b;
    }
    return e;
}

Expr *parse_bitwise_or(Parser *p)
{
    return binary(p, 5);
}

static int compare_op(Parser *p, CmpOpKind *op)
{
    switch (tk_type(p)) {
    case T_EQEQUAL: *op = CmpOp_Eq; return 1;
    case T_NOTEQUAL: *op = CmpOp_NotEq; return 1;
    case T_LESS: *op = CmpOp_Lt; return 1;
    case T_LESSEQUAL: *op = CmpOp_LtE; return 1;
    case T_GREATER: *op = CmpOp_Gt; return 1;
    case T_GREATEREQUAL: *op = CmpOp_GtE; return 1;
    case T_IN: *op = CmpOp_In; return 1;
    case T_IS:
        if (tk_peek_type(p, 1) == T_NOT) {
            p->pos++;
            *op = CmpOp_IsNot;
        } else {
            *op = CmpOp_Is;
        }
        return 1;
    case T_NOT:
        if (tk_peek_type(p, 1) == T_IN) {
            p->pos++;
            *op = CmpOp_NotIn;
            return 1;
        }
        return 0;
    default:
        return 0;
    }
}

static Expr *comparison(Parser *p)
{
    int start = p->pos;
    Expr *e = parse_bitwise_or(p);
    if (!e)
        return NULL;
    CmpOpKind op;
    if (!compare_op(p, &op))
        return e;
    NodeList ops, cmps;
    list_init(&ops);
    list_init(&cmps);
    do {
        p->pos++;
        Expr *r = parse_bitwise_or(p);
        if (!r) {
            list_finish(p, &ops);
            list_finish(p, &cmps);
            return NULL;
        }
        list_push(&ops, (void *)(intptr_t)op);
        list_push(&cmps, r);
    } while (compare_op(p, &op));
    Expr *c = new_expr(p, Expr_Compare, start);
    c->v.Compare.left = e;
    c->v.Compare.ops = list_finish(p, &ops);
    c->v.Compare.comparators = list_finish(p, &cmps);
    return c;
}

static Expr *inversion(Parser *p)
{
    if (tk_type(p) != T_NOT)
        return comparison(p);
    if (!enter(p))
        return NULL;
    int start = p->pos++;
    Expr *v = inversion(p);
    leave(p);
    if (!v)
        return NULL;
    Expr *e = new_expr(p, Expr_UnaryOp, start);
    e->v.UnaryOp.op = UnaryOp_Not;
    e->v.UnaryOp.operand = v;
    return e;
}

static Expr *boolop(Parser *p, int is_or)
{
    TokType kw = is_or ? T_OR : T_AND;
    int start = p->pos;
    Expr *e = is_or ? boolop(p, 0) : inversion(p);
    if (!e || tk_type(p) != kw)
        return e;
    NodeList l;
    list_init(&l);
    list_push(&l, e);
    while (accept(p, kw)) {
        Expr *r = is_or ? boolop(p, 0) : inversion(p);
        if (!r) {
            list_finish(p, &l);
            return NULL;
        }
        list_push(&l, r);
    }
    Expr *b = new_expr(p, Expr_BoolOp, start);
    b->v.BoolOp.op = is_or ? BoolOp_Or : BoolOp_And;
    b->v.BoolOp.values = list_finish(p, &l);
    return b;
}

Expr *parse_disjunction(Parser *p)
{
    return boolop(p, 1);
}

Expr *parse_expression(Parser *p)
{
    if (tk_type(p) == T_LAMBDA)
        return lambdef(p);
    if (!enter(p))
        return NULL;
    int start = p->pos;
    Expr *e = parse_disjunction(p);
    if (e && tk_type(p) == T_IF) {
        p->pos++;
        Expr *test = parse_disjunction(p);
        if (test && tk_type(p) != T_ELSE) {
            if (!p->failed && tk_type(p) != T_COLON)
                syntax_error_at(p, e->lineno, e->col_offset, test->end_lineno, test->end_col_offset,
                                "expected 'else' after 'if' expression");
            test = NULL;
        }
        Expr *orelse = test && accept(p, T_ELSE) ? parse_expression(p) : NULL;
        if (!orelse) {
            leave(p);
            return NULL;
        }
        Expr *c = new_expr(p, Expr_IfExp, start);
        c->v.IfExp.test = test;
        c->v.IfExp.body = e;
        c->v.IfExp.orelse = orelse;
        e = c;
    }
    leave(p);
    return e;
}

/* hint: whether a stray '=' gets CPython's "Maybe you meant '=='" hint;
   call arguments have their own message for it. */
static Expr *named_expression(Parser *p, int hint)
{
    if (tk_type(p) == T_NAME && tk_peek_type(p, 1) == T_COLONEQUAL) {
        int start = p->pos;
        Expr *target = name_expr(p, start, ExprContext_Store);
        p->pos++;
        target = new_expr(p, Expr_Name, start);
        target->v.Name.id = tok_identifier(p, tk_at(p, start));
        target->v.Name.ctx = ExprContext_Store;
        p->pos++;
        Expr *v = parse_expression(p);
        if (!v)
            return NULL;
        Expr *e = new_expr(p, Expr_NamedExpr, start);
        e->v.NamedExpr.target = target;
        e->v.NamedExpr.value = v;
        return e;
    }
    Expr *e = parse_expression(p);
    if (e && tk_type(p) == T_COLONEQUAL)
        return error_at_expr(p, e, "cannot use assignment expressions with %s", expr_name(e));
    if (hint && e && tk_type(p) == T_EQUAL && report_mistyped_equal(p, e, p->pos))
        return NULL;
    return e;
}

Expr *parse_named_expression(Parser *p)
{
    return named_expression(p, 1);
}

Expr *parse_star_named_expression(Parser *p)
{
    if (tk_type(p) == T_STAR) {
        int start = p->pos++;
        Expr *v = parse_bitwise_or(p);
        if (!v)
            return NULL;
        Expr *e = new_expr(p, Expr_Starred, start);
        e->v.Starred.value = v;
        e->v.Starred.ctx = ExprContext_Load;
        return e;
    }
    return parse_named_expression(p);
}

static Expr *star_expression(Parser *p)
{
    if (tk_type(p) == T_STAR) {
        int start = p->pos++;
        Expr *v = parse_bitwise_or(p);
        if (!v)
            return NULL;
        Expr *e = new_expr(p, Expr_Starred, start);
        e->v.Starred.value = v;
        e->v.Starred.ctx = ExprContext_Load;
        return e;
    }
    return parse_expression(p);
}

/* star_expressions: one expression, or a tuple if there is a comma. */
Expr *parse_star_expressions(Parser *p)
{
    int start = p->pos;
    Expr *first = star_expression(p);
    if (!first || tk_type(p) != T_COMMA)
        return first;
    NodeList l;
    list_init(&l);
    list_push(&l, first);
    while (accept(p, T_COMMA)) {
        if (!could_start_expression(tk_type(p)))
            break;
        Expr *e = star_expression(p);
        if (!e) {
            list_finish(p, &l);
            return NULL;
        }
        list_push(&l, e);
    }
    Expr *t = new_expr(p, Expr_Tuple, start);
    t->v.Tuple.elts = list_finish(p, &l);
    t->v.Tuple.ctx = ExprContext_Load;
    return t;
}

/* Targets of for loops and comprehensions: bitwise_or level items, so that
   the 'in' that follows is not taken for a comparison. */
Expr *parse_star_targets_or_exprs(Parser *p)
{
    int start = p->pos;
    NodeList l;
    list_init(&l);
    int comma = 0;
    for (;;) {
        int s = p->pos;
        Expr *e;
        if (accept(p, T_STAR)) {
            Expr *v = parse_bitwise_or(p);
            if (!v) {
                list_finish(p, &l);
                return NULL;
            }
            e = new_expr(p, Expr_Starred, s);
            e->v.Starred.value = v;
            e->v.Starred.ctx = ExprContext_Load;
        } else {
            e = parse_bitwise_or(p);
            if (!e) {
                list_finish(p, &l);
                return NULL;
            }
        }
        list_push(&l, e);
        if (tk_type(p) != T_COMMA)
            break;
        p->pos++;
        comma = 1;
        if (!could_start_expression(tk_type(p)))
            break;
    }
    if (!comma) {
        Expr *e = l.a[0];
        list_finish(p, &l);
        return e;
    }
    Expr *t = new_expr(p, Expr_Tuple, start);
    t->v.Tuple.elts = list_finish(p, &l);
    return t;
}

static AstSeq *comprehension_clauses(Parser *p)
{
    NodeList l;
    list_init(&l);
    while (tk_type(p) == T_FOR || (tk_type(p) == T_ASYNC && tk_peek_type(p, 1) == T_FOR)) {
        int is_async = accept(p, T_ASYNC);
        p->pos++;   /* for */
        Expr *target = parse_star_targets_or_exprs(p);
        if (!target)
            break;
        if (tk_type(p) != T_IN) {
            if (!p->failed)
                invalid_syntax(p);
            break;
        }
        if (!set_context(p, target, ExprContext_Store))
            break;
        p->pos++;
        Expr *iter = parse_disjunction(p);
        if (!iter)
            break;
        NodeList ifs;
        list_init(&ifs);
        while (accept(p, T_IF)) {
            Expr *c = parse_disjunction(p);
            if (!c)
                break;
            list_push(&ifs, c);
        }
        Comprehension *c = arena_alloc(p->arena, sizeof *c);
        c->target = target;
        c->iter = iter;
        c->ifs = list_finish(p, &ifs);
        c->is_async = is_async;
        if (p->failed)
            break;
        list_push(&l, c);
    }
    AstSeq *s = list_finish(p, &l);
    if (p->failed)
        return NULL;
    if (tk_type(p) == T_ASYNC && !p->failed)
        return invalid_syntax(p);
    return s;
}

static Expr *lambdef(Parser *p)
{
    int start = p->pos++;
    if (!enter_n(p, 2))
        return NULL;
    Arguments *args = parse_parameters(p, 1, T_COLON);
    Expr *body = NULL;
    if (args && expect(p, T_COLON, NULL))
        body = parse_expression(p);
    leave_n(p, 2);
    if (!body)
        return NULL;
    Expr *e = new_expr(p, Expr_Lambda, start);
    e->v.Lambda.args = args;
    e->v.Lambda.body = body;
    return e;
}

Expr *parse_yield_expr(Parser *p)
{
    int start = p->pos++;
    if (accept(p, T_FROM)) {
        Expr *v = parse_expression(p);
        if (!v)
            return NULL;
        Expr *e = new_expr(p, Expr_YieldFrom, start);
        e->v.YieldFrom.value = v;
        return e;
    }
    Expr *v = NULL;
    if (could_start_expression(tk_type(p))) {
        v = parse_star_expressions(p);
        if (!v)
            return NULL;
    }
    Expr *e = new_expr(p, Expr_Yield, start);
    e->v.Yield.value = v;
    return e;
}
