/* Syntax errors as CPython reports them: SyntaxError, IndentationError or
 * TabError, with CPython's positions (1-based line; 1-based character
 * offsets, where CPython may also use 0 and -1 for "none") and the source
 * line.
 */
#ifndef STMPY_SYNTAX_ERROR_H
#define STMPY_SYNTAX_ERROR_H

#include <stdio.h>

typedef enum {
    ERR_NONE, ERR_SYNTAX, ERR_INDENTATION, ERR_TAB, ERR_RECURSION, ERR_MEMORY,
    ERR_RAISED,                /* the warning hook raised its own exception, left set */
} ErrKind;

typedef struct SyntaxErr {
    ErrKind kind;
    char msg[400];
    int lineno, offset, end_lineno, end_offset;
    int from_tokenizer;        /* raised by the tokenizer: outranks parser errors */
    int has_text;              /* text replaces the source line (f-string expressions) */
    char text[256];
} SyntaxErr;

typedef enum { WARN_SYNTAX, WARN_DEPRECATION } WarnCategory;

struct Source;
/* Where compile-time warnings go (SyntaxWarning, DeprecationWarning, as
   CPython's tokenizer, parser and compiler emit them): returns 0 to go
   on, 1 when the warning is to become a SyntaxError at its location, -1
   when it raised another exception, which the hook's owner reports. */
typedef int (*WarnHook)(const struct Source *src, WarnCategory cat, int lineno, const char *msg);

typedef struct Source {
    const char *filename;
    const char *text;          /* decoded UTF-8, newlines normalised to \n */
    size_t len;
    WarnHook warn;             /* NULL: warnings are dropped */
    int warn_line_shift;       /* added to the lines warn() is told: for an
                                  f-string's expression, parsed on its own */
} Source;

/* Byte column -> 1-based character offset within line `lineno`. */
int src_char_offset(const Source *src, int lineno, int byte_col);
const char *src_line(const Source *src, int lineno, size_t *len);

/* Records an error unless one is already set.  Columns are 0-based byte
   columns; end_col < 0 is passed through as CPython's "no end" marker
   (end_col == -1 gives -1, -2 gives 0). */
void err_set(SyntaxErr *err, const Source *src, ErrKind kind, int lineno, int col,
             int end_lineno, int end_col, const char *fmt, ...)
    __attribute__((format(printf, 8, 9)));

/* Reports a warning located like an error (same columns as err_set):
   returns 0 to go on, -1 with err set when the compilation must stop. */
int src_warn(const Source *src, SyntaxErr *err, WarnCategory cat, int lineno, int col,
             int end_lineno, int end_col, const char *msg);

/* Prints the error the way CPython's default excepthook does. */
void err_print(const SyntaxErr *err, const Source *src, FILE *out);
const char *err_kind_name(ErrKind kind);

#endif
