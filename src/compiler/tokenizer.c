/* The tokenizer.  It follows CPython 3.11's rules closely, down to the
 * order in which it notices errors, because which error a broken file
 * reports depends on it.
 */
#include <string.h>

#include "compiler/tokenizer.h"
#include "compiler/utf8.h"
#include "vm/unicodedb.h"

const char *const token_text[] = {
#define X(name, text) text,
    TOKEN_LIST(X)
#undef X
};

enum { TABSIZE = 8 };

void tok_init(Tokenizer *t, const Source *src, SyntaxErr *err)
{
    memset(t, 0, sizeof *t);
    t->src = src;
    t->err = err;
    t->cur = t->line_start = src->text;
    t->end = src->text + src->len;
    t->lineno = 1;
    t->atbol = 1;
    t->emitted_newline = 1;
}

int is_potential_identifier_start(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 128;
}

static int is_potential_identifier_char(int c)
{
    return is_potential_identifier_start(c) || (c >= '0' && c <= '9');
}

static int is_digit(int c) { return c >= '0' && c <= '9'; }
static int is_xdigit(int c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

/* Reads one byte; -1 at the end.  Keeps line bookkeeping. */
static int nextc(Tokenizer *t)
{
    if (t->cur >= t->end)
        return -1;
    int c = (unsigned char)*t->cur++;
    if (c == '\n') {
        t->lineno++;
        t->line_start = t->cur;
    }
    return c;
}

static void backup(Tokenizer *t, int c)
{
    if (c == -1)
        return;
    t->cur--;
    if (c == '\n') {
        t->lineno--;
        const char *p = t->cur;
        while (p > t->src->text && p[-1] != '\n')
            p--;
        t->line_start = p;
    }
}

static int peekc(Tokenizer *t)
{
    return t->cur < t->end ? (unsigned char)*t->cur : -1;
}

static int col_of(Tokenizer *t, const char *p) { return (int)(p - t->line_start); }

/* An error at the current position: CPython's offset counts the characters
   before the current position (so it points just past the culprit, or at
   it after a backup). */
static int error_here(Tokenizer *t, ErrKind kind, const char *msg)
{
    err_set(t->err, t->src, kind, t->lineno, col_of(t, t->cur) - 1, t->lineno,
            col_of(t, t->cur) - 1, "%s", msg);
    t->err->from_tokenizer = 1;
    t->err_class = TOKERR_RAISED;
    return -1;
}

static int error_at(Tokenizer *t, int lineno, int col, int end_col, const char *msg)
{
    err_set(t->err, t->src, ERR_SYNTAX, lineno, col, lineno, end_col, "%s", msg);
    t->err->from_tokenizer = 1;
    t->err_class = TOKERR_RAISED;
    return -1;
}

static int make(Tokenizer *t, Token *tok, TokType type, const char *start, int lineno, int col)
{
    tok->type = type;
    tok->start = start;
    tok->len = (int)(t->cur - start);
    tok->lineno = lineno;
    tok->col = col;
    tok->end_lineno = t->lineno;
    tok->end_col = col_of(t, t->cur);
    t->emitted_newline = type == T_NEWLINE;
    return 0;
}

/* Reports bad UTF-8 inside an identifier the way CPython does. */
static int check_utf8(Tokenizer *t, const char *s, const char *e, int lineno, int col)
{
    Utf8Error ue;
    if (utf8_validate(s, (size_t)(e - s), &ue))
        return 0;
    char msg[200];
    utf8_error_message(&ue, msg, sizeof msg);
    err_set(t->err, t->src, ERR_SYNTAX, lineno, col + (int)ue.start, lineno, -1, "%s", msg);
    t->err->from_tokenizer = 1;
    t->err_class = TOKERR_RAISED;
    return -1;
}

static int verify_identifier(Tokenizer *t, const char *start, int lineno, int col)
{
    if (check_utf8(t, start, t->cur, lineno, col))
        return -1;
    const char *p = start;
    int first = 1;
    while (p < t->cur) {
        unsigned cp;
        int n = utf8_decode(p, &cp);
        int ok = cp < 128 ? (cp == '_' || (cp | 32) - 'a' < 26u || (!first && is_digit((int)cp)))
                          : uni_has(cp, first ? UNI_F_XID_START : UNI_F_XID_CONTINUE);
        if (!ok) {
            t->cur = p + 1;
            char msg[80];
            if (uni_has(cp, UNI_F_PRINTABLE)) {
                char ch[5] = {0};
                memcpy(ch, p, (size_t)n);
                snprintf(msg, sizeof msg, "invalid character '%s' (U+%04X)", ch, cp);
            } else {
                snprintf(msg, sizeof msg, "invalid non-printable character U+%04X", cp);
            }
            return error_here(t, ERR_SYNTAX, msg);
        }
        first = 0;
        p += n;
    }
    return 0;
}

static TokType keyword(const char *s, int n)
{
    if (n < 2 || n > 8)
        return T_NAME;
    for (int k = T_FIRST_KEYWORD; k < T_COUNT; k++)
        if ((int)strlen(token_text[k]) == n && !memcmp(token_text[k], s, (size_t)n))
            return (TokType)k;
    return T_NAME;
}

/* "1if x else y": accepted with a SyntaxWarning, whose error form
   CPython places at the keyword's column counted from 0. */
static int warn_number(Tokenizer *t, const char *keyword, const char *kind)
{
    char msg[64];
    snprintf(msg, sizeof msg, "invalid %s literal", kind);
    int col = col_of(t, keyword) - 1;
    if (src_warn(t->src, t->err, WARN_SYNTAX, t->lineno, col, t->lineno, col, msg) == 0)
        return 0;
    t->err->from_tokenizer = 1;
    t->err_class = TOKERR_RAISED;
    return -1;
}

/* A numeric literal must not run into a name: "1abc" is an error, while
   "1if x else y" is still accepted (CPython only warns). */
static int verify_end_of_number(Tokenizer *t, int c, const char *kind)
{
    /* The keyword must not itself run into a name, except that CPython
       only looks one character ahead after an 'i'. */
    static const char *const words[] = {"and", "else", "for", "or", "not"};
    const char *p = t->cur - 1;
    if (c == 'i' && p + 1 < t->end && (p[1] == 'f' || p[1] == 'n' || p[1] == 's'))
        return warn_number(t, p, kind);
    for (size_t i = 0; c >= 0 && i < sizeof words / sizeof words[0]; i++) {
        size_t n = strlen(words[i]);
        if ((size_t)(t->end - p) > n && !memcmp(p, words[i], n) &&
            !is_potential_identifier_char((unsigned char)p[n]))
            return warn_number(t, p, kind);
    }
    /* Since 3.11.4 a non-ASCII character ends the number instead. */
    if (c >= 0 && c < 128 && is_potential_identifier_char(c)) {
        backup(t, c);
        char msg[64];
        snprintf(msg, sizeof msg, "invalid %s literal", kind);
        error_here(t, ERR_SYNTAX, msg);
        t->err->end_offset = t->err->offset;
        return -1;
    }
    return 0;
}

/* Digits with single underscores between them; returns the next char. */
static int decimal_tail(Tokenizer *t, int *failed)
{
    int c;
    for (;;) {
        do
            c = nextc(t);
        while (is_digit(c));
        if (c != '_')
            break;
        c = nextc(t);
        if (!is_digit(c)) {
            backup(t, c);
            error_here(t, ERR_SYNTAX, "invalid decimal literal");
            *failed = 1;
            return 0;
        }
    }
    return c;
}

static int radix_number(Tokenizer *t, int c, int (*valid)(int), const char *kind)
{
    c = nextc(t);
    do {
        if (c == '_')
            c = nextc(t);
        if (!valid(c)) {
            char msg[64];
            if (c >= 0 && is_digit(c) && strcmp(kind, "hexadecimal")) {
                snprintf(msg, sizeof msg, "invalid digit '%c' in %s literal", c, kind);
                return error_here(t, ERR_SYNTAX, msg);
            }
            backup(t, c);
            snprintf(msg, sizeof msg, "invalid %s literal", kind);
            return error_here(t, ERR_SYNTAX, msg);
        }
        do
            c = nextc(t);
        while (valid(c));
    } while (c == '_');
    if (c >= 0 && is_digit(c) && strcmp(kind, "hexadecimal")) {
        char msg[64];
        snprintf(msg, sizeof msg, "invalid digit '%c' in %s literal", c, kind);
        return error_here(t, ERR_SYNTAX, msg);
    }
    if (verify_end_of_number(t, c, kind))
        return -1;
    backup(t, c);
    return 0;
}

static int is_octal(int c) { return c >= '0' && c <= '7'; }
static int is_binary(int c) { return c == '0' || c == '1'; }

/* Scans a number whose first character c has been read. */
static int number(Tokenizer *t, int c)
{
    int failed = 0;
    if (c == '.')
        goto fraction_started;
    if (c == '0') {
        const char *zero = t->cur - 1;
        c = nextc(t);
        if (c == 'x' || c == 'X')
            return radix_number(t, c, is_xdigit, "hexadecimal");
        if (c == 'o' || c == 'O')
            return radix_number(t, c, is_octal, "octal");
        if (c == 'b' || c == 'B')
            return radix_number(t, c, is_binary, "binary");
        int nonzero = 0;
        for (;;) {
            if (c == '_') {
                c = nextc(t);
                if (!is_digit(c)) {
                    backup(t, c);
                    return error_here(t, ERR_SYNTAX, "invalid decimal literal");
                }
            }
            if (c != '0')
                break;
            c = nextc(t);
        }
        const char *zeros_end = t->cur;
        if (is_digit(c)) {
            nonzero = 1;
            c = decimal_tail(t, &failed);
            if (failed)
                return -1;
        }
        if (c == '.') {
            c = nextc(t);
            goto fraction;
        }
        if (c == 'e' || c == 'E')
            goto exponent;
        if (c == 'j' || c == 'J')
            goto imaginary;
        if (nonzero) {
            backup(t, c);
            error_at(t, t->lineno, col_of(t, zero), col_of(t, zeros_end) - 1,
                     "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers");
            return -1;
        }
        if (verify_end_of_number(t, c, "decimal"))
            return -1;
        backup(t, c);
        return 0;
    }
    c = decimal_tail(t, &failed);
    if (failed)
        return -1;
    if (c == '.') {
        c = nextc(t);
    fraction:
        if (is_digit(c)) {
            backup(t, c);
        fraction_started:
            c = decimal_tail(t, &failed);
            if (failed)
                return -1;
        }
    }
    if (c == 'e' || c == 'E') {
        int e;
    exponent:
        e = c;
        c = nextc(t);
        if (c == '+' || c == '-') {
            c = nextc(t);
            if (!is_digit(c)) {
                backup(t, c);
                return error_here(t, ERR_SYNTAX, "invalid decimal literal");
            }
        } else if (!is_digit(c)) {
            backup(t, c);
            if (verify_end_of_number(t, e, "decimal"))
                return -1;
            backup(t, e);
            return 0;
        }
        c = decimal_tail(t, &failed);
        if (failed)
            return -1;
    }
    if (c == 'j' || c == 'J') {
    imaginary:
        c = nextc(t);
        if (verify_end_of_number(t, c, "imaginary"))
            return -1;
    } else if (verify_end_of_number(t, c, "decimal")) {
        return -1;
    }
    backup(t, c);
    return 0;
}

/* Scans a string literal; the opening quote q has been read and start
   points at its prefix. */
static int string(Tokenizer *t, int q, const char *start, int lineno, const char *line_start)
{
    int quote_size = 1, end_quote_size = 0;
    int c = nextc(t);
    if (c == q) {
        c = nextc(t);
        if (c == q)
            quote_size = 3;
        else
            end_quote_size = 1;
    }
    if (c != q)
        backup(t, c);
    while (end_quote_size != quote_size) {
        c = nextc(t);
        if (c == -1 || (quote_size == 1 && c == '\n')) {
            /* The text ends with a newline, so both ways of running out
               leave lineno one past the last line seen. */
            int detected = t->lineno - 1;
            char msg[100];
            snprintf(msg, sizeof msg, "unterminated %sstring literal (detected at line %d)",
                     quote_size == 3 ? "triple-quoted " : "", detected);
            t->line_start = line_start;
            t->lineno = lineno;
            int col = (int)(start - line_start);
            return error_at(t, lineno, col, col, msg);
        }
        if (c == q) {
            end_quote_size++;
        } else {
            end_quote_size = 0;
            if (c == '\\')
                nextc(t);
        }
    }
    return 0;
}

static char closing_for(char open)
{
    return open == '(' ? ')' : open == '[' ? ']' : '}';
}

/* Measures the indentation of a new line and queues INDENT/DEDENT tokens
   or an indentation error.  Blank and comment-only lines do not count.
   Indentation cannot be continued with a backslash: the first backslash
   fixes the level (CPython 3.11.7 counts a nonzero one only). */
static int indentation(Tokenizer *t)
{
    int col = 0, altcol = 0, cont_col = 0, conts = 0;
    const char *p = t->cur, *line = t->line_start;
    for (; p < t->end; p++) {
        if (*p == ' ') {
            col++, altcol++;
        } else if (*p == '\t') {
            col = (col / TABSIZE + 1) * TABSIZE, altcol++;
        } else if (*p == '\f') {
            col = altcol = 0;
        } else if (*p == '\\' && p + 1 < t->end && p[1] == '\n') {
            cont_col = cont_col ? cont_col : col;
            p++;
            conts++;
            line = p + 1;
        } else {
            break;
        }
    }
    if (p == t->end || *p == '#' || *p == '\n') {
        t->blankline = 1;
        return 0;
    }
    t->blankline = 0;
    if (cont_col)
        col = altcol = cont_col;
    if (t->level > 0)
        return 0;
    if (col == t->indstack[t->indent]) {
        if (altcol != t->altstack[t->indent])
            goto tab_error;
    } else if (col > t->indstack[t->indent]) {
        if (t->indent + 1 >= TOK_MAXINDENT) {
            t->cur = p;
            err_set(t->err, t->src, ERR_INDENTATION, t->lineno, 0, t->lineno, -2,
                    "too many levels of indentation");
            t->err->from_tokenizer = 1;
            t->err_class = TOKERR_DEFERRED;
            return -1;
        }
        if (altcol <= t->altstack[t->indent])
            goto tab_error;
        t->pendin++;
        t->indent++;
        t->indstack[t->indent] = col;
        t->altstack[t->indent] = altcol;
    } else {
        while (t->indent > 0 && col < t->indstack[t->indent]) {
            t->pendin--;
            t->indent--;
        }
        if (col != t->indstack[t->indent]) {
            /* CPython has read the whole line by then and points past it. */
            const char *eol = memchr(p, '\n', (size_t)(t->end - p));
            err_set(t->err, t->src, ERR_INDENTATION, t->lineno + conts, (int)((eol ? eol : t->end) - line),
                    t->lineno + conts, -1, "unindent does not match any outer indentation level");
            t->err->from_tokenizer = 1;
            t->err_class = TOKERR_DEFERRED;
            t->pending_err = 1;
            return -1;
        }
        if (altcol != t->altstack[t->indent])
            goto tab_error;
    }
    return 0;
tab_error:
    err_set(t->err, t->src, ERR_TAB, t->lineno, 0, t->lineno, -2,
            "inconsistent use of tabs and spaces in indentation");
    t->err->from_tokenizer = 1;
    t->err_class = TOKERR_DEFERRED;
    t->pending_err = 1;
    return -1;
}

int tok_next(Tokenizer *t, Token *tok)
{
    if (t->err_class != TOKERR_NONE)
        return -1;
    int c;
again:
    if (t->atbol) {
        t->atbol = 0;
        if (indentation(t))
            return -1;
    }
    if (t->pendin != 0) {
        /* INDENT carries the indentation's width so that "unexpected
           indent" points where CPython points. */
        const char *p = t->cur;
        while (p < t->end && (*p == ' ' || *p == '\t' || *p == '\f'))
            p++;
        tok->start = p;
        tok->len = 0;
        tok->lineno = tok->end_lineno = t->lineno;
        tok->col = (int)(p - t->line_start) - 1;
        tok->end_col = -1;
        if (t->pendin < 0) {
            t->pendin++;
            tok->type = T_DEDENT;
        } else {
            t->pendin--;
            tok->type = T_INDENT;
        }
        t->emitted_newline = 0;
        return 0;
    }
    while (t->cur < t->end && (*t->cur == ' ' || *t->cur == '\t' || *t->cur == '\f'))
        t->cur++;
    const char *start = t->cur;
    int lineno = t->lineno, col = col_of(t, start);
    c = nextc(t);
    if (c == '#') {
        while ((c = nextc(t)) != -1 && c != '\n')
            ;
        backup(t, c);
        goto again;
    }
    if (c == -1) {
        if (t->level > 0) {
            int l = t->parenline[t->level - 1];
            char msg[64];
            snprintf(msg, sizeof msg, "'%c' was never closed", t->parenstack[t->level - 1]);
            error_at(t, l, t->parencol[t->level - 1], -2, msg);
            t->err_class = TOKERR_UNCLOSED;
            return -1;
        }
        if (!t->emitted_newline) {
            t->cur = t->end;
            return make(t, tok, T_NEWLINE, t->end, t->lineno, col_of(t, t->cur));
        }
        if (t->indent > 0) {
            t->indent--;
            tok->type = T_DEDENT;
            tok->start = t->end;
            tok->len = 0;
            tok->lineno = tok->end_lineno = t->lineno;
            tok->col = tok->end_col = 0;
            return 0;
        }
        t->eof = 1;
        return make(t, tok, T_ENDMARKER, t->end, t->lineno, 0);
    }
    if (is_potential_identifier_start(c)) {
        int saw_b = 0, saw_r = 0, saw_u = 0, saw_f = 0;
        for (;;) {
            if (!(saw_b || saw_u || saw_f) && (c == 'b' || c == 'B'))
                saw_b = 1;
            else if (!(saw_b || saw_u || saw_r || saw_f) && (c == 'u' || c == 'U'))
                saw_u = 1;
            else if (!(saw_r || saw_u) && (c == 'r' || c == 'R'))
                saw_r = 1;
            else if (!(saw_f || saw_b || saw_u) && (c == 'f' || c == 'F'))
                saw_f = 1;
            else
                break;
            c = nextc(t);
            if (c == '"' || c == '\'') {
                if (string(t, c, start, lineno, t->line_start))
                    return -1;
                return make(t, tok, T_STRING, start, lineno, col);
            }
        }
        int nonascii = 0;
        while (c >= 0 && is_potential_identifier_char(c)) {
            nonascii |= c >= 128;
            c = nextc(t);
        }
        backup(t, c);
        if (nonascii && verify_identifier(t, start, lineno, col))
            return -1;
        TokType kw = nonascii ? T_NAME : keyword(start, (int)(t->cur - start));
        return make(t, tok, kw, start, lineno, col);
    }
    if (c == '\n') {
        t->atbol = 1;
        if (t->blankline || t->level > 0)
            goto again;
        /* NEWLINE ends where it starts, as in CPython. */
        tok->type = T_NEWLINE;
        tok->start = start;
        tok->len = 1;
        tok->lineno = tok->end_lineno = lineno;
        tok->col = tok->end_col = col;
        t->emitted_newline = 1;
        return 0;
    }
    if (c == '.') {
        c = nextc(t);
        if (is_digit(c)) {
            backup(t, c);
            if (number(t, '.'))
                return -1;
            return make(t, tok, T_NUMBER, start, lineno, col);
        }
        if (c == '.') {
            c = nextc(t);
            if (c == '.')
                return make(t, tok, T_ELLIPSIS, start, lineno, col);
            backup(t, c);
            backup(t, '.');
        } else {
            backup(t, c);
        }
        return make(t, tok, T_DOT, start, lineno, col);
    }
    if (is_digit(c)) {
        if (number(t, c))
            return -1;
        return make(t, tok, T_NUMBER, start, lineno, col);
    }
    if (c == '"' || c == '\'') {
        if (string(t, c, start, lineno, t->line_start))
            return -1;
        return make(t, tok, T_STRING, start, lineno, col);
    }
    if (c == '\\') {
        c = nextc(t);
        if (c != '\n') {
            err_set(t->err, t->src, ERR_SYNTAX, lineno, col + 1, lineno, -2,
                    "unexpected character after line continuation character");
            t->err->from_tokenizer = 1;
            t->err_class = TOKERR_DEFERRED;
            return -1;
        }
        if (t->cur >= t->end) {
            err_set(t->err, t->src, ERR_SYNTAX, lineno, col + 1, lineno, -1,
                    "unexpected EOF while parsing");
            t->err->from_tokenizer = 1;
            t->err_class = TOKERR_DEFERRED;
            return -1;
        }
        goto again;
    }
    /* Operators: the longest match among three, two and one characters. */
    int c2 = peekc(t);
    int c3 = t->cur + 1 < t->end ? (unsigned char)t->cur[1] : -1;
    TokType type = T_ERRORTOKEN;
    int extra = 0;
    switch (c) {
    case '(': case '[': case '{':
        if (t->level >= TOK_MAXLEVEL)
            return error_here(t, ERR_SYNTAX, "too many nested parentheses");
        t->parenstack[t->level] = (char)c;
        t->parenline[t->level] = lineno;
        t->parencol[t->level] = col;
        t->level++;
        type = c == '(' ? T_LPAR : c == '[' ? T_LSQB : T_LBRACE;
        break;
    case ')': case ']': case '}': {
        if (t->level == 0) {
            char msg[32];
            snprintf(msg, sizeof msg, "unmatched '%c'", c);
            return error_at(t, lineno, col, col, msg);
        }
        char open = t->parenstack[--t->level];
        if (closing_for(open) != c) {
            char msg[120];
            if (t->parenline[t->level] != lineno)
                snprintf(msg, sizeof msg, "closing parenthesis '%c' does not match opening parenthesis '%c' on line %d",
                         c, open, t->parenline[t->level]);
            else
                snprintf(msg, sizeof msg, "closing parenthesis '%c' does not match opening parenthesis '%c'", c, open);
            return error_at(t, lineno, col, col, msg);
        }
        type = c == ')' ? T_RPAR : c == ']' ? T_RSQB : T_RBRACE;
        break;
    }
    case ':': if (c2 == '=') type = T_COLONEQUAL, extra = 1; else type = T_COLON; break;
    case ',': type = T_COMMA; break;
    case ';': type = T_SEMI; break;
    case '~': type = T_TILDE; break;
    case '+': if (c2 == '=') type = T_PLUSEQUAL, extra = 1; else type = T_PLUS; break;
    case '-':
        if (c2 == '=') type = T_MINEQUAL, extra = 1;
        else if (c2 == '>') type = T_RARROW, extra = 1;
        else type = T_MINUS;
        break;
    case '*':
        if (c2 == '*') {
            if (c3 == '=') type = T_DOUBLESTAREQUAL, extra = 2;
            else type = T_DOUBLESTAR, extra = 1;
        } else if (c2 == '=') type = T_STAREQUAL, extra = 1;
        else type = T_STAR;
        break;
    case '/':
        if (c2 == '/') {
            if (c3 == '=') type = T_DOUBLESLASHEQUAL, extra = 2;
            else type = T_DOUBLESLASH, extra = 1;
        } else if (c2 == '=') type = T_SLASHEQUAL, extra = 1;
        else type = T_SLASH;
        break;
    case '|': if (c2 == '=') type = T_VBAREQUAL, extra = 1; else type = T_VBAR; break;
    case '&': if (c2 == '=') type = T_AMPEREQUAL, extra = 1; else type = T_AMPER; break;
    case '^': if (c2 == '=') type = T_CIRCUMFLEXEQUAL, extra = 1; else type = T_CIRCUMFLEX; break;
    case '%': if (c2 == '=') type = T_PERCENTEQUAL, extra = 1; else type = T_PERCENT; break;
    case '@': if (c2 == '=') type = T_ATEQUAL, extra = 1; else type = T_AT; break;
    case '=': if (c2 == '=') type = T_EQEQUAL, extra = 1; else type = T_EQUAL; break;
    case '!': if (c2 == '=') type = T_NOTEQUAL, extra = 1; else type = T_EXCLAMATION; break;
    case '<':
        if (c2 == '<') {
            if (c3 == '=') type = T_LEFTSHIFTEQUAL, extra = 2;
            else type = T_LEFTSHIFT, extra = 1;
        } else if (c2 == '=') type = T_LESSEQUAL, extra = 1;
        else if (c2 == '>') type = T_LTGT, extra = 1;
        else type = T_LESS;
        break;
    case '>':
        if (c2 == '>') {
            if (c3 == '=') type = T_RIGHTSHIFTEQUAL, extra = 2;
            else type = T_RIGHTSHIFT, extra = 1;
        } else if (c2 == '=') type = T_GREATEREQUAL, extra = 1;
        else type = T_GREATER;
        break;
    default:
        if (c < 0x20 || c == 0x7f) {
            char msg[48];
            snprintf(msg, sizeof msg, "invalid non-printable character U+%04X", c);
            return error_here(t, ERR_SYNTAX, msg);
        }
        break;
    }
    t->cur += extra;
    return make(t, tok, type, start, lineno, col);
}
