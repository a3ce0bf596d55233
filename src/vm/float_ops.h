/* Float arithmetic whose Python semantics differ from C's: floor division
 * and modulo (the remainder takes the divisor's sign), **, and the
 * float methods is_integer and as_integer_ratio, all as CPython 3.11. */
#ifndef STMPY_FLOAT_OPS_H
#define STMPY_FLOAT_OPS_H

#include <stdbool.h>
#include <stdint.h>

/* Return codes; the messages are CPython's. */
enum {
    FLOAT_OP_OK = 0,
    FLOAT_OP_ZERO_DIVISION = -1,    /* ZeroDivisionError: see each function */
    FLOAT_OP_COMPLEX = -2,          /* negative ** fractional: the caller computes complex ** */
    FLOAT_OP_OVERFLOW = -3,         /* OverflowError(34, 'Numerical result out of range') */
    FLOAT_OP_DOMAIN = -4,           /* ValueError from libm's EDOM (not seen with glibc) */
    FLOAT_OP_INFINITE = -5,         /* OverflowError("cannot convert Infinity to integer ratio") */
    FLOAT_OP_NAN = -6,              /* ValueError("cannot convert NaN to integer ratio") */
};

/* divmod(v, w); zero w: ZeroDivisionError("float divmod()"). */
int float_divmod(double v, double w, double *floordiv, double *mod);
/* v // w; zero w: ZeroDivisionError("float floor division by zero"). */
int float_floordiv(double v, double w, double *out);
/* v % w; zero w: ZeroDivisionError("float modulo"). */
int float_mod(double v, double w, double *out);

/* v ** w; zero v with negative w: ZeroDivisionError("0.0 cannot be raised
 * to a negative power").  pow() with a third argument is the caller's
 * TypeError. */
int float_pow(double v, double w, double *out);

bool float_is_integer(double x);

/* x.as_integer_ratio() as x == mant * 2**exp2 with mant odd (or 0, with
 * exp2 0): the ratio is (mant << exp2, 1) for exp2 >= 0, else
 * (mant, 1 << -exp2), already in lowest terms. */
int float_as_integer_ratio(double x, int64_t *mant, int *exp2);

#endif
