/* String literal pieces shared by parser_string.c (plain literals and
 * concatenation) and fstring.c (f-strings, which Python 3.11 parses
 * inside the STRING token, re-running the parser on each expression).
 */
#ifndef STMPY_FSTRING_H
#define STMPY_FSTRING_H

#include "compiler/parser.h"

typedef struct StrBuf {
    char *data;
    size_t len, cap;
} StrBuf;

/* The parts of one STRING token: prefix flags and the text between the
   quotes. */
typedef struct StrToken {
    const char *body;
    size_t len;
    int is_bytes, is_raw, is_f, is_u;
} StrToken;

void sbuf_put(StrBuf *b, const char *s, size_t n);
void *string_error(Parser *p, const char *msg);
int decode_escapes(Parser *p, const char *s, size_t n, int is_bytes, StrBuf *out);
void split_string_token(const Token *t, StrToken *st);

/* Builds the JoinedStr for tokens first..last (at least one an f-string);
   e is a node already spanning them whose position the parts share. */
Expr *fstring_concat(Parser *p, int first, int last, Expr *e);

#endif
