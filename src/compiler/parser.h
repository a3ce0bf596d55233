/* The parser: tokens -> AST (see ast.h), by hand-written recursive
 * descent over Python 3.11's grammar.
 *
 * parse_module() is the entry point.  Everything below it is internal to
 * the parser_*.c files.
 */
#ifndef STMPY_PARSER_H
#define STMPY_PARSER_H

#include "compiler/ast.h"
#include "compiler/syntax_error.h"
#include "compiler/tokenizer.h"

/* Parses a whole file.  Returns the module body (in arena) or NULL with
   err set. */
Module *parse_module(Arena *arena, const Source *src, SyntaxErr *err);
/* compile(..., 'single'): exactly one statement (the REPL's input). */
Module *parse_interactive(Arena *arena, const Source *src, SyntaxErr *err);
/* compile(..., 'eval') and eval(): one expression list, returned as the
   expression (a Tuple if there are commas). */
Expr *parse_eval_input(Arena *arena, const Source *src, SyntaxErr *err);

/* ---- internal ---------------------------------------------------------- */

typedef struct Parser {
    Arena *arena;
    const Source *src;
    SyntaxErr *err;
    Tokenizer tok;
    Token *toks;
    int ntoks, cap;
    int pos;
    int max_pos;        /* furthest token looked at: where "invalid syntax" points */
    int depth;          /* C recursion guard */
    int failed;         /* an error is set: unwind */
    int tok_failed;     /* the tokenizer could go no further */
    int speculating;    /* inside invalid_syntax's look further ahead */
    int indent_error;   /* the error is a plain unexpected indent/unindent */
    int str_tok;        /* the string token whose escapes are being decoded */
    int escapes_checked; /* string tokens before this one had their escapes warned about */
} Parser;

/* What CPython's rules below an atom add to the nesting. */
enum { PARSER_MAX_DEPTH = 6000, PARSER_ATOM_DEPTH = 31 };

/* Tokens. */
Token *tk(Parser *p);                     /* the current token */
Token *tk_at(Parser *p, int i);           /* token i (fetching as needed) */
TokType tk_type(Parser *p);
TokType tk_peek_type(Parser *p, int ahead);
int accept(Parser *p, TokType t);         /* consume t if it is next */
Token *expect(Parser *p, TokType t, const char *what);
int at_name(Parser *p, const char *s);    /* a NAME token with this text (soft keywords) */
const char *tok_identifier(Parser *p, Token *t);
int enter_n(Parser *p, int n);            /* 0 when too deep (error set) */
static inline int enter(Parser *p) { return enter_n(p, 1); }
static inline void leave_n(Parser *p, int n) { p->depth -= n; }
static inline void leave(Parser *p) { leave_n(p, 1); }

/* Errors. */
void *syntax_error(Parser *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void *syntax_error_at(Parser *p, int lineno, int col, int end_lineno, int end_col, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
void *error_at_token(Parser *p, Token *t, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void *error_at_expr(Parser *p, Expr *e, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void *indentation_error(Parser *p, Token *t, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void *invalid_syntax(Parser *p);          /* generic error at the furthest token */

/* Node construction.  Positions run from token `start` to the last token
   consumed. */
Expr *new_expr(Parser *p, ExprKind kind, int start);
Stmt *new_stmt(Parser *p, StmtKind kind, int start);
Pattern *new_pattern(Parser *p, PatternKind kind, int start);
void set_end(Parser *p, int *end_lineno, int *end_col);
void set_block_end(Parser *p, int *end_lineno, int *end_col);
void set_loc(Parser *p, int start, int *lineno, int *col, int *end_lineno, int *end_col);

/* Growable lists, turned into AstSeq at the end. */
typedef struct NodeList {
    void **a;
    int n, cap;
    void *inline_buf[8];
} NodeList;
void list_init(NodeList *l);
void list_push(NodeList *l, void *x);
AstSeq *list_finish(Parser *p, NodeList *l);

/* Grammar pieces shared between files. */
AstSeq *parse_single_statement(Parser *p);
Expr *parse_expression(Parser *p);             /* expression */
Expr *parse_named_expression(Parser *p);       /* named_expression */
Expr *parse_star_expressions(Parser *p);       /* star_expressions: a tuple if commas */
Expr *parse_star_named_expression(Parser *p);
Expr *parse_star_targets_or_exprs(Parser *p);
Expr *parse_bitwise_or(Parser *p);
Expr *parse_disjunction(Parser *p);
Expr *parse_yield_expr(Parser *p);
Expr *parse_atom_strings(Parser *p);           /* one or more adjacent STRING tokens */
Expr *parse_primary(Parser *p);
Expr *parse_call(Parser *p, Expr *func, int start_tok);   /* at func's '(' */
Expr *parse_slices(Parser *p);
Arguments *parse_parameters(Parser *p, int lambda, TokType closing);
AstSeq *parse_statements(Parser *p);              /* the whole file */
AstSeq *parse_block(Parser *p, const char *after, int after_line);
Pattern *parse_patterns(Parser *p);
Stmt *parse_match_stmt(Parser *p);
int could_start_expression(TokType t);

/* Targets. */
int set_context(Parser *p, Expr *e, ExprContext ctx);   /* 0 and error if not a target */
const char *expr_name(const Expr *e);
Expr *invalid_target(Expr *e, ExprContext ctx);
/* "if x = 1": reports CPython's hint when expression a is followed by a
   stray '=' at token eq_pos; 0 if the hint does not apply. */
int report_mistyped_equal(Parser *p, Expr *a, int eq_pos);

/* Literals. */
Expr *concat_strings(Parser *p, int first, int last);
int parse_number(Parser *p, Token *t, Constant *c);
const char *normalize_identifier(Parser *p, const char *s, int n);

#endif
