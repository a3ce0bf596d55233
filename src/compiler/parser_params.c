/* Parameter lists of def and lambda: positional-only ('/'), keyword-only
 * (after '*'), defaults, annotations (def only; '*args: *Ts' included).
 */
#include "compiler/parser.h"

typedef struct ParamState {
    NodeList posonly, args, defaults, kwonly, kw_defaults;
    Arg *vararg, *kwarg;
    int seen_slash, seen_star;
} ParamState;

static Arg *param(Parser *p, int lambda, int star_annotation)
{
    int start = p->pos;
    if (tk_type(p) != T_NAME)
        return invalid_syntax(p);
    const char *name = tok_identifier(p, tk(p));
    p->pos++;
    Expr *ann = NULL;
    if (!lambda && accept(p, T_COLON)) {
        if (star_annotation && tk_type(p) == T_STAR)
            ann = parse_star_named_expression(p);
        else
            ann = parse_expression(p);
        if (!ann)
            return NULL;
    }
    Arg *a = arena_alloc(p->arena, sizeof *a);
    a->arg = name;
    a->annotation = ann;
    set_loc(p, start, &a->lineno, &a->col_offset, &a->end_lineno, &a->end_col_offset);
    return a;
}

static Expr *default_value(Parser *p, TokType closing)
{
    p->pos++;   /* = */
    if (tk_type(p) == T_COMMA || tk_type(p) == closing)
        return error_at_token(p, tk_at(p, p->pos - 1), "expected default value expression");
    return parse_expression(p);
}

/* One list entry; returns 0 on error. */
static int parameter(Parser *p, ParamState *st, int lambda, TokType closing)
{
    Token t = *tk(p);
    if (t.type == T_SLASH) {
        if (st->seen_slash) {
            error_at_token(p, &t, "/ may appear only once");
            return 0;
        }
        if (st->seen_star) {
            error_at_token(p, &t, "/ must be ahead of *");
            return 0;
        }
        if (st->args.n == 0) {
            error_at_token(p, &t, tk_peek_type(p, 1) == T_COMMA ? "at least one argument must precede /"
                                                                 : "invalid syntax");
            return 0;
        }
        p->pos++;
        if (tk_type(p) == T_STAR) {
            error_at_token(p, tk(p), "expected comma between / and *");
            return 0;
        }
        st->seen_slash = 1;
        for (int i = 0; i < st->args.n; i++)
            list_push(&st->posonly, st->args.a[i]);
        st->args.n = 0;
        return 1;
    }
    if (t.type == T_STAR) {
        if (st->seen_star) {
            error_at_token(p, &t, "* argument may appear only once");
            return 0;
        }
        p->pos++;
        st->seen_star = 1;
        if (tk_type(p) == T_COMMA || tk_type(p) == closing) {
            TokType after = tk_peek_type(p, 1);
            if (tk_type(p) == closing || after == closing || after == T_DOUBLESTAR) {
                error_at_token(p, &t, "named arguments must follow bare *");
                return 0;
            }
            return 1;
        }
        st->vararg = param(p, lambda, 1);
        if (!st->vararg)
            return 0;
        if (tk_type(p) == T_EQUAL) {
            syntax_error(p, "var-positional argument cannot have default value");
            return 0;
        }
        return 1;
    }
    if (t.type == T_DOUBLESTAR) {
        p->pos++;
        st->kwarg = param(p, lambda, 0);
        if (!st->kwarg)
            return 0;
        if (tk_type(p) == T_EQUAL) {
            syntax_error(p, "var-keyword argument cannot have default value");
            return 0;
        }
        if (tk_type(p) == T_COMMA && tk_peek_type(p, 1) != closing) {
            p->pos++;
            syntax_error(p, "arguments cannot follow var-keyword argument");
            return 0;
        }
        return 1;
    }
    Arg *a = param(p, lambda, 0);
    if (!a)
        return 0;
    Expr *d = NULL;
    if (tk_type(p) == T_EQUAL && !(d = default_value(p, closing)))
        return 0;
    if (st->seen_star) {
        list_push(&st->kwonly, a);
        list_push(&st->kw_defaults, d);
        return 1;
    }
    if (!d && st->defaults.n) {
        error_at_token(p, &t, "non-default argument follows default argument");
        return 0;
    }
    list_push(&st->args, a);
    if (d)
        list_push(&st->defaults, d);
    return 1;
}

Arguments *parse_parameters(Parser *p, int lambda, TokType closing)
{
    ParamState st = {0};
    list_init(&st.posonly);
    list_init(&st.args);
    list_init(&st.defaults);
    list_init(&st.kwonly);
    list_init(&st.kw_defaults);
    while (tk_type(p) != closing && !p->failed) {
        if (st.kwarg) {
            invalid_syntax(p);
            break;
        }
        if (!parameter(p, &st, lambda, closing))
            break;
        if (!accept(p, T_COMMA))
            break;
    }
    Arguments *a = arena_alloc(p->arena, sizeof *a);
    a->posonlyargs = list_finish(p, &st.posonly);
    a->args = list_finish(p, &st.args);
    a->defaults = list_finish(p, &st.defaults);
    a->kwonlyargs = list_finish(p, &st.kwonly);
    a->kw_defaults = list_finish(p, &st.kw_defaults);
    a->vararg = st.vararg;
    a->kwarg = st.kwarg;
    if (p->failed)
        return NULL;
    if (tk_type(p) != closing)
        return invalid_syntax(p);
    return a;
}
