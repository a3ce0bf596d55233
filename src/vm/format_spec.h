/* The format mini-language of format() and str.format():
 *     [[fill]align][sign][z][#][0][width][grouping][.precision][type]
 * parsed and applied to floats, ints and strs with CPython 3.11's results
 * and error messages.  Specs and strings are UTF-8; widths, precisions
 * and fills count code points.  Locale-dependent parts ('n') behave as in
 * the C locale: no grouping, '.' as the decimal point.
 *
 * Functions append to out and return 0, or -1 with *err set: its kind
 * says which exception to raise, its msg (owned, NUL-terminated) the
 * message.  err->msg must start as TEXTBUF_INIT or a buffer to reuse;
 * release it with textbuf_free.  type_name is the object's type name as
 * it appears in messages ("float", "int", "str" or a subclass name). */
#ifndef STMPY_FORMAT_SPEC_H
#define STMPY_FORMAT_SPEC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "vm/textbuf.h"

enum fmt_error_kind {
    FMT_VALUE_ERROR = 1,
    FMT_OVERFLOW_ERROR,
    FMT_MEMORY_ERROR,
};

struct FmtError {
    enum fmt_error_kind kind;
    struct TextBuf msg;
};

struct FormatSpec {
    uint32_t fill;          /* code point; ' ' unless given */
    char align;             /* '<' '>' '^' '=' */
    char sign;              /* 0, '+', '-', ' ' */
    bool no_neg_0;          /* 'z' */
    bool alternate;         /* '#' */
    char grouping;          /* 0, ',' or '_' */
    int64_t width;          /* -1 if not given */
    int64_t precision;      /* -1 if not given */
    uint32_t type;          /* code point; the default type if not given */
};

/* Parses spec[0..len) with the defaults of the object kind: str uses
 * ('s', '<'), int ('d', '>'), float (0, '>').  Checks what CPython checks
 * while parsing (syntax, number sizes, grouping against the type); the
 * per-kind checks come when the spec is applied. */
int format_spec_parse(struct FormatSpec *spec, const char *s, size_t len, uint32_t default_type,
                      char default_align, const char *type_name, struct FmtError *err);

/* format(x, spec) for a float; an empty spec gives repr(x).  float_spec
 * takes a parsed spec (and also serves ints formatted with e E f F g G %,
 * after the caller converts them to double). */
int format_float(struct TextBuf *out, double x, const char *spec, size_t len,
                 const char *type_name, struct FmtError *err);
int format_float_spec(struct TextBuf *out, double x, const struct FormatSpec *spec,
                      const char *type_name, struct FmtError *err);

/* format(v, spec) for an int small enough for int64_t. */
int format_int64(struct TextBuf *out, int64_t v, const char *spec, size_t len,
                 const char *type_name, struct FmtError *err);

/* For ints of any size, in two steps.  format_int_base checks the spec's
 * type and says what the caller must supply: 2, 8, 10 or 16 for digits in
 * that base (10 also for 'c', whose code point the digits give), or 0:
 * convert the int to double (raising OverflowError("int too large to
 * convert to float") if it does not fit) and call format_float_spec.
 * Then format_int_digits takes the magnitude as lower-case digits with no
 * prefix and no leading zeros ("0" for zero).  An empty spec is str(v):
 * the caller writes the decimal digits itself. */
int format_int_base(const struct FormatSpec *spec, const char *type_name, struct FmtError *err);
int format_int_digits(struct TextBuf *out, bool negative, const char *digits, size_t ndigits,
                      const struct FormatSpec *spec, struct FmtError *err);

/* format(s, spec) for a str given as UTF-8 s[0..n); an empty spec copies s. */
int format_str(struct TextBuf *out, const char *s, size_t n, const char *spec, size_t len,
               const char *type_name, struct FmtError *err);
int format_str_spec(struct TextBuf *out, const char *s, size_t n, const struct FormatSpec *spec,
                    const char *type_name, struct FmtError *err);

/* Sets *err and returns -1; used by the formatters, and open to callers
 * that raise the same messages. */
int fmt_fail(struct FmtError *err, enum fmt_error_kind kind, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* ValueError("Unknown format code ..."), as CPython words it. */
int fmt_unknown_type(struct FmtError *err, uint32_t type, const char *type_name);

#endif
