/* hash(float) as CPython 3.11 computes it (_Py_HashDouble): the value
 * reduced modulo the Mersenne prime 2**61 - 1, so that equal ints,
 * floats, Fractions and Decimals hash alike. */
#ifndef STMPY_FLOAT_HASH_H
#define STMPY_FLOAT_HASH_H

#include <stdbool.h>
#include <stdint.h>

#define FLOAT_HASH_BITS 61
#define FLOAT_HASH_MODULUS ((UINT64_C(1) << FLOAT_HASH_BITS) - 1)
#define FLOAT_HASH_INF 314159

/* hash(x); never -1.  For a NaN it returns 0 with *is_nan set: CPython
 * hashes NaNs by object identity (_Py_HashPointer), which is the caller's. */
int64_t float_hash(double x, bool *is_nan);

#endif
