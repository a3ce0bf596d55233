/* Python's round() for floats, with CPython 3.11's results. */
#ifndef STMPY_FLOAT_ROUND_H
#define STMPY_FLOAT_ROUND_H

#include <stdint.h>

enum {
    FLOAT_ROUND_OK = 0,
    FLOAT_ROUND_OVERFLOW = -1,  /* OverflowError("rounded value too large to represent") */
    FLOAT_ROUND_NO_MEMORY = -2,
};

/* round(x, ndigits): x rounded half-even, on its exact value, to a
 * multiple of 10**-ndigits, then read back as the nearest double.  NaN and
 * infinities come back unchanged; ndigits is clipped as CPython clips it
 * (the caller converts the Python int with PyNumber_AsSsize_t semantics). */
int float_round(double x, int64_t ndigits, double *out);

/* round(x) before its conversion to int: the nearest integer, ties to
 * even.  The caller raises OverflowError("cannot convert float infinity to
 * integer") or ValueError("cannot convert float NaN to integer"). */
double float_round_half_even(double x);

#endif
