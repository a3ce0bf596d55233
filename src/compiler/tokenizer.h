/* Python 3.11 tokenizer: decoded source text -> tokens.
 *
 * source_decode() turns the bytes of a file into the UTF-8 text that the
 * tokenizer reads (PEP 263 encoding declarations, BOM, newline
 * normalisation).  The tokenizer then yields one token per call, with
 * CPython's positions (1-based lines, 0-based byte columns).  Errors are
 * reported through the SyntaxErr given at init, with CPython's messages.
 */
#ifndef STMPY_TOKENIZER_H
#define STMPY_TOKENIZER_H

#include <stddef.h>

#include "compiler/syntax_error.h"

#define TOKEN_LIST(X) \
    X(ENDMARKER, "") X(NAME, "") X(NUMBER, "") X(STRING, "") \
    X(NEWLINE, "") X(INDENT, "") X(DEDENT, "") X(ERRORTOKEN, "") \
    X(LPAR, "(") X(RPAR, ")") X(LSQB, "[") X(RSQB, "]") X(COLON, ":") \
    X(COMMA, ",") X(SEMI, ";") X(PLUS, "+") X(MINUS, "-") X(STAR, "*") \
    X(SLASH, "/") X(VBAR, "|") X(AMPER, "&") X(LESS, "<") X(GREATER, ">") \
    X(EQUAL, "=") X(DOT, ".") X(PERCENT, "%") X(LBRACE, "{") X(RBRACE, "}") \
    X(EQEQUAL, "==") X(NOTEQUAL, "!=") X(LESSEQUAL, "<=") \
    X(GREATEREQUAL, ">=") X(TILDE, "~") X(CIRCUMFLEX, "^") \
    X(LEFTSHIFT, "<<") X(RIGHTSHIFT, ">>") X(DOUBLESTAR, "**") \
    X(PLUSEQUAL, "+=") X(MINEQUAL, "-=") X(STAREQUAL, "*=") \
    X(SLASHEQUAL, "/=") X(PERCENTEQUAL, "%=") X(AMPEREQUAL, "&=") \
    X(VBAREQUAL, "|=") X(CIRCUMFLEXEQUAL, "^=") X(LEFTSHIFTEQUAL, "<<=") \
    X(RIGHTSHIFTEQUAL, ">>=") X(DOUBLESTAREQUAL, "**=") \
    X(DOUBLESLASH, "//") X(DOUBLESLASHEQUAL, "//=") X(AT, "@") \
    X(ATEQUAL, "@=") X(RARROW, "->") X(ELLIPSIS, "...") \
    X(COLONEQUAL, ":=") X(EXCLAMATION, "!") X(LTGT, "<>") \
    X(FALSE, "False") X(NONE, "None") X(TRUE, "True") X(AND, "and") \
    X(AS, "as") X(ASSERT, "assert") X(ASYNC, "async") X(AWAIT, "await") \
    X(BREAK, "break") X(CLASS, "class") X(CONTINUE, "continue") \
    X(DEF, "def") X(DEL, "del") X(ELIF, "elif") X(ELSE, "else") \
    X(EXCEPT, "except") X(FINALLY, "finally") X(FOR, "for") \
    X(FROM, "from") X(GLOBAL, "global") X(IF, "if") X(IMPORT, "import") \
    X(IN, "in") X(IS, "is") X(LAMBDA, "lambda") X(NONLOCAL, "nonlocal") \
    X(NOT, "not") X(OR, "or") X(PASS, "pass") X(RAISE, "raise") \
    X(RETURN, "return") X(TRY, "try") X(WHILE, "while") X(WITH, "with") \
    X(YIELD, "yield")

typedef enum {
#define X(name, text) T_##name,
    TOKEN_LIST(X)
#undef X
    T_COUNT
} TokType;

#define T_FIRST_KEYWORD T_FALSE

extern const char *const token_text[];

typedef struct Token {
    TokType type;
    const char *start;     /* into the source text; len bytes */
    int len;
    int lineno, col, end_lineno, end_col;
} Token;

enum { TOK_MAXINDENT = 100, TOK_MAXLEVEL = 200 };

/* CPython raises some tokenizer errors on the spot and only reports others
   when the parser asks for the token; the difference decides which error a
   file with several reports (see parser.c). */
typedef enum {
    TOKERR_NONE,
    TOKERR_RAISED,          /* bad literal, bad character, unmatched bracket */
    TOKERR_DEFERRED,        /* indentation, line continuation */
    TOKERR_UNCLOSED,        /* end of file inside brackets */
} TokErrClass;

typedef struct Tokenizer {
    const Source *src;
    SyntaxErr *err;
    const char *cur, *end, *line_start;
    int lineno;
    int indent, indstack[TOK_MAXINDENT + 1], altstack[TOK_MAXINDENT + 1];
    int pendin;            /* >0: INDENTs to emit, <0: DEDENTs */
    int atbol;             /* at the beginning of a logical line */
    int blankline;
    int level;
    char parenstack[TOK_MAXLEVEL];
    int parenline[TOK_MAXLEVEL], parencol[TOK_MAXLEVEL];
    int emitted_newline;   /* the last token was NEWLINE (or none yet) */
    int eof;
    int pending_err;
    TokErrClass err_class; /* what kind of error stopped the tokenizer */
} Tokenizer;

/* Decodes file bytes into normalised UTF-8 text (malloc'd, NUL-terminated,
   always ending with "\n" unless empty).  Returns NULL and sets err on
   failure. */
char *source_decode(const char *bytes, size_t n, size_t *out_len, SyntaxErr *err);
/* The bytes of a file, malloc'ed; NULL if it cannot be read. */
char *source_read_file(const char *path, size_t *n);

void tok_init(Tokenizer *t, const Source *src, SyntaxErr *err);
/* Returns 0 with the next token, or -1 with err set. */
int tok_next(Tokenizer *t, Token *tok);

int is_potential_identifier_start(int c);

#endif
