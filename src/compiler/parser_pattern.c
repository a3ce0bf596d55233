/* The match statement and its patterns.  'match' and 'case' are soft
 * keywords: a line is a match statement only if it has the shape
 * "match <subject>: NEWLINE", which at_match_stmt() checks on the tokens.
 */
#include <string.h>

#include "compiler/parser.h"

static Pattern *pattern(Parser *p);
static Pattern *closed_pattern(Parser *p);

int at_match_stmt(Parser *p)
{
    TokType next = tk_peek_type(p, 1);
    if (!could_start_expression(next) || next == T_LAMBDA)
        return 0;
    int save_max = p->max_pos, depth = 0, found = 0;
    for (int i = p->pos + 1;; i++) {
        TokType t = tk_at(p, i)->type;
        if (t == T_LPAR || t == T_LSQB || t == T_LBRACE)
            depth++;
        else if ((t == T_RPAR || t == T_RSQB || t == T_RBRACE) && depth > 0)
            depth--;
        else if (t == T_COLON && depth == 0) {
            found = tk_at(p, i + 1)->type == T_NEWLINE;
            break;
        } else if (t == T_NEWLINE || t == T_ENDMARKER || t == T_ERRORTOKEN || t == T_INDENT ||
                   t == T_DEDENT)
            break;
    }
    p->max_pos = save_max;
    return found;
}

static Pattern *as_capture(Parser *p, int start, const char *name)
{
    Pattern *pt = new_pattern(p, Pattern_MatchAs, start);
    pt->v.MatchAs.name = name;
    return pt;
}

static int is_wildcard(Parser *p)
{
    return at_name(p, "_");
}

/* name_or_attr: NAME ('.' NAME)* as Name/Attribute loads. */
static Expr *name_or_attr(Parser *p)
{
    int start = p->pos;
    Expr *e = new_expr(p, Expr_Name, start);
    p->pos++;
    set_end(p, &e->end_lineno, &e->end_col_offset);
    e->v.Name.id = tok_identifier(p, tk_at(p, start));
    while (tk_type(p) == T_DOT) {
        p->pos++;
        if (tk_type(p) != T_NAME)
            return invalid_syntax(p);
        const char *attr = tok_identifier(p, tk(p));
        p->pos++;
        Expr *a = new_expr(p, Expr_Attribute, start);
        a->v.Attribute.value = e;
        a->v.Attribute.attr = attr;
        e = a;
    }
    return e;
}

static Expr *constant_node(Parser *p, int start, ConstKind kind)
{
    p->pos++;
    Expr *e = new_expr(p, Expr_Constant, start);
    e->v.Constant.value.kind = kind;
    return e;
}

static Expr *signed_number(Parser *p)
{
    int start = p->pos;
    int neg = accept(p, T_MINUS);
    if (tk_type(p) != T_NUMBER)
        return invalid_syntax(p);
    Token t = *tk(p);
    p->pos++;
    Expr *num = new_expr(p, Expr_Constant, p->pos - 1);
    if (parse_number(p, &t, &num->v.Constant.value) < 0)
        return NULL;
    if (!neg)
        return num;
    Expr *e = new_expr(p, Expr_UnaryOp, start);
    e->v.UnaryOp.op = UnaryOp_USub;
    e->v.UnaryOp.operand = num;
    return e;
}

/* literal_expr: numbers (complex sums included), strings, None/True/False.
   Returns an expression; *singleton is set for None/True/False. */
static Expr *literal_expr(Parser *p, int *singleton)
{
    int start = p->pos;
    *singleton = 0;
    switch (tk_type(p)) {
    case T_NONE: *singleton = 1; return constant_node(p, start, CONST_NONE);
    case T_TRUE: *singleton = 1; return constant_node(p, start, CONST_TRUE);
    case T_FALSE: *singleton = 1; return constant_node(p, start, CONST_FALSE);
    case T_STRING:
        return parse_atom_strings(p);
    default:
        break;
    }
    Expr *e = signed_number(p);
    if (!e)
        return NULL;
    TokType t = tk_type(p);
    if (t == T_PLUS || t == T_MINUS) {
        p->pos++;
        if (tk_type(p) != T_NUMBER)
            return invalid_syntax(p);
        Token n = *tk(p);
        p->pos++;
        Expr *imag = new_expr(p, Expr_Constant, p->pos - 1);
        if (parse_number(p, &n, &imag->v.Constant.value) < 0)
            return NULL;
        if (imag->v.Constant.value.kind != CONST_COMPLEX)
            return error_at_expr(p, imag, "imaginary number required in complex literal");
        Expr *real = e->kind == Expr_UnaryOp ? e->v.UnaryOp.operand : e;
        if (real->v.Constant.value.kind == CONST_COMPLEX)
            return error_at_expr(p, real, "real number required in complex literal");
        Expr *b = new_expr(p, Expr_BinOp, start);
        b->v.BinOp.left = e;
        b->v.BinOp.op = t == T_PLUS ? Operator_Add : Operator_Sub;
        b->v.BinOp.right = imag;
        e = b;
    }
    return e;
}

static Pattern *value_pattern(Parser *p, int start, Expr *e, int singleton)
{
    if (singleton) {
        Pattern *pt = new_pattern(p, Pattern_MatchSingleton, start);
        pt->v.MatchSingleton.value = e->v.Constant.value;
        return pt;
    }
    Pattern *pt = new_pattern(p, Pattern_MatchValue, start);
    pt->v.MatchValue.value = e;
    return pt;
}

static Pattern *star_pattern(Parser *p)
{
    int start = p->pos++;
    if (tk_type(p) != T_NAME)
        return invalid_syntax(p);
    const char *name = is_wildcard(p) ? NULL : tok_identifier(p, tk(p));
    p->pos++;
    Pattern *pt = new_pattern(p, Pattern_MatchStar, start);
    pt->v.MatchStar.name = name;
    return pt;
}

static Pattern *maybe_star_pattern(Parser *p)
{
    return tk_type(p) == T_STAR ? star_pattern(p) : pattern(p);
}

/* The items of a sequence pattern up to `closing`; *comma is set if one
   was seen (so "(x)" is a group but "(x,)" a sequence). */
static AstSeq *sequence_items(Parser *p, TokType closing, int *comma)
{
    NodeList l;
    list_init(&l);
    *comma = 0;
    while (tk_type(p) != closing) {
        Pattern *pt = maybe_star_pattern(p);
        if (!pt)
            break;
        list_push(&l, pt);
        if (!accept(p, T_COMMA))
            break;
        *comma = 1;
    }
    AstSeq *s = list_finish(p, &l);
    if (p->failed)
        return NULL;
    if (!expect(p, closing, NULL))
        return NULL;
    return s;
}

static Pattern *sequence_pattern(Parser *p)
{
    int start = p->pos;
    TokType closing = tk_type(p) == T_LPAR ? T_RPAR : T_RSQB;
    p->pos++;
    int comma;
    AstSeq *items = sequence_items(p, closing, &comma);
    if (!items)
        return NULL;
    if (closing == T_RPAR && items->n == 1 && !comma && ((Pattern *)items->a[0])->kind != Pattern_MatchStar)
        return items->a[0];
    Pattern *pt = new_pattern(p, Pattern_MatchSequence, start);
    pt->v.MatchSequence.patterns = items;
    return pt;
}

static Pattern *mapping_pattern(Parser *p)
{
    int start = p->pos++;
    NodeList keys, pats;
    list_init(&keys);
    list_init(&pats);
    const char *rest = NULL;
    while (tk_type(p) != T_RBRACE && !p->failed) {
        if (rest) {
            invalid_syntax(p);
            break;
        }
        if (accept(p, T_DOUBLESTAR)) {
            if (tk_type(p) != T_NAME || is_wildcard(p)) {
                error_at_token(p, tk(p), "invalid syntax");
                break;
            }
            rest = tok_identifier(p, tk(p));
            p->pos++;
        } else {
            int singleton;
            Expr *key = tk_type(p) == T_NAME ? name_or_attr(p) : literal_expr(p, &singleton);
            if (!key)
                break;
            if (key->kind == Expr_Name) {
                invalid_syntax(p);
                break;
            }
            if (!expect(p, T_COLON, NULL))
                break;
            Pattern *v = pattern(p);
            if (!v)
                break;
            list_push(&keys, key);
            list_push(&pats, v);
        }
        if (!accept(p, T_COMMA))
            break;
    }
    AstSeq *ks = list_finish(p, &keys), *ps = list_finish(p, &pats);
    if (p->failed || !expect(p, T_RBRACE, NULL))
        return NULL;
    Pattern *pt = new_pattern(p, Pattern_MatchMapping, start);
    pt->v.MatchMapping.keys = ks;
    pt->v.MatchMapping.patterns = ps;
    pt->v.MatchMapping.rest = rest;
    return pt;
}

static Pattern *class_pattern(Parser *p, int start, Expr *cls)
{
    p->pos++;   /* ( */
    NodeList pats, attrs, kpats;
    list_init(&pats);
    list_init(&attrs);
    list_init(&kpats);
    while (tk_type(p) != T_RPAR && !p->failed) {
        if (tk_type(p) == T_NAME && tk_peek_type(p, 1) == T_EQUAL) {
            list_push(&attrs, (void *)tok_identifier(p, tk(p)));
            p->pos += 2;
            Pattern *v = pattern(p);
            if (!v)
                break;
            list_push(&kpats, v);
        } else {
            Pattern *v = pattern(p);
            if (!v)
                break;
            if (attrs.n) {
                syntax_error_at(p, v->lineno, v->col_offset, v->end_lineno, v->end_col_offset,
                                "positional patterns follow keyword patterns");
                break;
            }
            list_push(&pats, v);
        }
        if (!accept(p, T_COMMA))
            break;
    }
    AstSeq *ps = list_finish(p, &pats), *as = list_finish(p, &attrs), *ks = list_finish(p, &kpats);
    if (p->failed || !expect(p, T_RPAR, NULL))
        return NULL;
    Pattern *pt = new_pattern(p, Pattern_MatchClass, start);
    pt->v.MatchClass.cls = cls;
    pt->v.MatchClass.patterns = ps;
    pt->v.MatchClass.kwd_attrs = as;
    pt->v.MatchClass.kwd_patterns = ks;
    return pt;
}

static Pattern *closed_pattern(Parser *p)
{
    int start = p->pos;
    if (!enter(p))
        return NULL;
    Pattern *pt = NULL;
    int singleton;
    switch (tk_type(p)) {
    case T_NAME: {
        if (tk_peek_type(p, 1) != T_DOT && tk_peek_type(p, 1) != T_LPAR) {
            const char *name = is_wildcard(p) ? NULL : tok_identifier(p, tk(p));
            p->pos++;
            pt = as_capture(p, start, name);
            break;
        }
        Expr *e = name_or_attr(p);
        if (!e)
            break;
        if (tk_type(p) == T_LPAR)
            pt = class_pattern(p, start, e);
        else
            pt = value_pattern(p, start, e, 0);
        break;
    }
    case T_LPAR: case T_LSQB:
        pt = sequence_pattern(p);
        break;
    case T_LBRACE:
        pt = mapping_pattern(p);
        break;
    case T_NUMBER: case T_MINUS: case T_STRING: case T_NONE: case T_TRUE: case T_FALSE: {
        Expr *e = literal_expr(p, &singleton);
        if (e)
            pt = value_pattern(p, start, e, singleton);
        break;
    }
    default:
        invalid_syntax(p);
        break;
    }
    leave(p);
    return pt;
}

/* or_pattern ['as' NAME] */
static Pattern *pattern(Parser *p)
{
    int start = p->pos;
    Pattern *first = closed_pattern(p);
    if (!first)
        return NULL;
    if (tk_type(p) == T_VBAR) {
        NodeList l;
        list_init(&l);
        list_push(&l, first);
        while (accept(p, T_VBAR)) {
            Pattern *alt = closed_pattern(p);
            if (!alt) {
                list_finish(p, &l);
                return NULL;
            }
            list_push(&l, alt);
        }
        Pattern *o = new_pattern(p, Pattern_MatchOr, start);
        o->v.MatchOr.patterns = list_finish(p, &l);
        first = o;
    }
    if (accept(p, T_AS)) {
        if (tk_type(p) != T_NAME)
            return invalid_syntax(p);
        if (is_wildcard(p))
            return syntax_error(p, "cannot use '_' as a target");
        const char *name = tok_identifier(p, tk(p));
        p->pos++;
        Pattern *as = new_pattern(p, Pattern_MatchAs, start);
        as->v.MatchAs.pattern = first;
        as->v.MatchAs.name = name;
        first = as;
    }
    return first;
}

/* patterns: an open sequence ("case a, *b:") or one pattern. */
Pattern *parse_patterns(Parser *p)
{
    int start = p->pos;
    Pattern *first = maybe_star_pattern(p);
    if (!first)
        return NULL;
    if (tk_type(p) != T_COMMA && first->kind != Pattern_MatchStar)
        return first;
    NodeList l;
    list_init(&l);
    list_push(&l, first);
    while (accept(p, T_COMMA)) {
        if (tk_type(p) == T_COLON || tk_type(p) == T_IF)
            break;
        Pattern *pt = maybe_star_pattern(p);
        if (!pt) {
            list_finish(p, &l);
            return NULL;
        }
        list_push(&l, pt);
    }
    Pattern *s = new_pattern(p, Pattern_MatchSequence, start);
    s->v.MatchSequence.patterns = list_finish(p, &l);
    return s;
}

static MatchCase *case_block(Parser *p)
{
    int line = tk(p)->lineno;
    p->pos++;   /* case */
    Pattern *pt = parse_patterns(p);
    if (!pt)
        return NULL;
    Expr *guard = NULL;
    if (accept(p, T_IF) && !(guard = parse_named_expression(p)))
        return NULL;
    if (tk_type(p) != T_COLON && tk_type(p) != T_NEWLINE)
        return invalid_syntax(p);
    if (!expect(p, T_COLON, ":"))
        return NULL;
    AstSeq *body = parse_block(p, "'case' statement", line);
    if (!body)
        return NULL;
    MatchCase *c = arena_alloc(p->arena, sizeof *c);
    c->pattern = pt;
    c->guard = guard;
    c->body = body;
    return c;
}

Stmt *parse_match_stmt(Parser *p)
{
    int start = p->pos++;
    int line = tk_at(p, start)->lineno;
    Expr *subject = parse_star_named_expression(p);
    if (!subject)
        return NULL;
    if (tk_type(p) == T_COMMA) {
        NodeList l;
        list_init(&l);
        list_push(&l, subject);
        while (accept(p, T_COMMA) && tk_type(p) != T_COLON) {
            Expr *e = parse_star_named_expression(p);
            if (!e)
                break;
            list_push(&l, e);
        }
        AstSeq *elts = list_finish(p, &l);
        if (p->failed)
            return NULL;
        Expr *t = new_expr(p, Expr_Tuple, start + 1);
        t->v.Tuple.elts = elts;
        subject = t;
    }
    if (!expect(p, T_COLON, ":") || !expect(p, T_NEWLINE, NULL))
        return NULL;
    if (tk_type(p) != T_INDENT)
        return indentation_error(p, tk(p), "expected an indented block after 'match' statement on line %d", line);
    p->pos++;
    NodeList cases;
    list_init(&cases);
    while (at_name(p, "case") && !p->failed) {
        MatchCase *c = case_block(p);
        if (!c)
            break;
        list_push(&cases, c);
    }
    AstSeq *cs = list_finish(p, &cases);
    if (p->failed)
        return NULL;
    if (!cs->n || tk_type(p) != T_DEDENT)
        return invalid_syntax(p);
    p->pos++;
    Stmt *s = new_stmt(p, Stmt_Match, start);
    set_block_end(p, &s->end_lineno, &s->end_col_offset);
    s->v.Match.subject = subject;
    s->v.Match.cases = cs;
    return s;
}
