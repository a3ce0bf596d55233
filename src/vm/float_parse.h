/* float(str) parsing with CPython 3.11's grammar:
 *   [ws] [+|-] (digits [. [digits]] | . digits) [(e|E) [+|-] digits] [ws]
 *   [ws] [+|-] (inf | infinity | nan) [ws]        (any case)
 * where ws is ASCII whitespace and '_' may stand only between two digits.
 * Hexadecimal is refused.  Out-of-range values give +-inf or +-0.0, as in
 * CPython; "-nan" gives a NaN with its sign bit set.
 *
 * The caller does what PyFloat_FromString does before this: map non-ASCII
 * Unicode whitespace to ' ' and Unicode decimal digits to ASCII digits.
 * Any other non-ASCII byte makes the parse fail.  On failure the caller
 * raises ValueError("could not convert string to float: %R") with the repr
 * of the original object. */
#ifndef STMPY_FLOAT_PARSE_H
#define STMPY_FLOAT_PARSE_H

#include <stddef.h>

/* 0 and *out set, or -1 if s[0..len) is not a float literal.  s may hold
 * NUL bytes (which make it invalid). */
int float_from_string(const char *s, size_t len, double *out);

#endif
