/* Double to decimal text, with CPython 3.11's results: repr()/str() of a
 * float and the conversions that format(), %-formatting and round() use.
 *
 * float_to_string is PyOS_double_to_string: code is one of
 *   'e' 'E'  precision digits after the point, exponent form
 *   'f' 'F'  precision digits after the point
 *   'g' 'G'  precision significant digits (0 means 1), '%g' rules
 *   'r'      shortest string that reads back as x (precision ignored)
 * and flags combine the FLOAT_DTSF_* bits.  Upper-case codes give "INF",
 * "NAN" and 'E'.  NaN never gets a '-' (CPython ignores its sign bit).
 * Rounding is round-half-even on the exact binary value.
 * Both functions append to out and return 0, or -1 if out of memory (or
 * if code is none of the above). */
#ifndef STMPY_FLOAT_REPR_H
#define STMPY_FLOAT_REPR_H

#include "vm/textbuf.h"

enum {
    FLOAT_DTSF_SIGN = 1,        /* '+' before non-negative numbers */
    FLOAT_DTSF_ADD_DOT_0 = 2,   /* "1.0" rather than "1" (repr, format '') */
    FLOAT_DTSF_ALT = 4,         /* '#': keep the point and trailing zeros */
    FLOAT_DTSF_NO_NEG_0 = 8,    /* 'z': no '-' on a result that shows 0 */
};

int float_to_string(struct TextBuf *out, double x, char code, int precision, int flags);

/* repr(x) and str(x): 'r' with FLOAT_DTSF_ADD_DOT_0. */
int float_repr(struct TextBuf *out, double x);

#endif
