/* float.hex() and float.fromhex() with CPython 3.11's results. */
#ifndef STMPY_FLOAT_HEX_H
#define STMPY_FLOAT_HEX_H

#include <stddef.h>

#include "vm/textbuf.h"

/* Appends x.hex(): "0x1.8000000000000p+1", "-0x0.0p+0", "inf", "nan".
 * 0, or -1 if out of memory. */
int float_to_hex(struct TextBuf *out, double x);

enum {
    FLOAT_FROMHEX_OK = 0,
    FLOAT_FROMHEX_INVALID = -1,     /* ValueError("invalid hexadecimal floating-point string") */
    FLOAT_FROMHEX_OVERFLOW = -2,    /* OverflowError("hexadecimal value too large to represent as a float") */
};

/* float.fromhex(s[0..len)), s as UTF-8: ASCII whitespace around, sign,
 * optional 0x, hex digits with an optional point, optional p exponent;
 * or inf/infinity/nan.  Rounds half-even; tiny values give +-0.0.
 * CPython's "hexadecimal string too long to convert" needs more than
 * 2**60 digits, so it cannot happen here. */
int float_from_hex(const char *s, size_t len, double *out);

#endif
