/* Exception types and messages for bigint_err codes. */
#include "bigint_internal.h"

#include <stdio.h>

enum bigint_exc bigint_error_type(int err)
{
    switch (err) {
    case BIGINT_OK:
    case BIGINT_ENEGEXPONENT:
        return BIGINT_EXC_NONE;
    case BIGINT_ENOMEM:
        return BIGINT_EXC_MEMORY;
    case BIGINT_EDIVZERO:
    case BIGINT_EMODZERO:
    case BIGINT_ETRUEDIVZERO:
        return BIGINT_EXC_ZERODIVISION;
    case BIGINT_EDIVOVERFLOW:
    case BIGINT_EFLOATOVERFLOW:
    case BIGINT_EFLOATINF:
    case BIGINT_EOVERFLOW:
    case BIGINT_ETOOBIG:
    case BIGINT_ENEGUNSIGNED:
        return BIGINT_EXC_OVERFLOW;
    default:
        return BIGINT_EXC_VALUE;
    }
}

#define LIMIT_HEAD "Exceeds the limit (%zu digits) for integer string conversion"
#define LIMIT_TAIL "; use sys.set_int_max_str_digits() to increase the limit"

const char *bigint_error_message(int err, char *buf, size_t cap,
                                 size_t limit, size_t ndigits)
{
    switch (err) {
    case BIGINT_EDIVZERO: return "integer division or modulo by zero";
    case BIGINT_EMODZERO: return "integer modulo by zero";
    case BIGINT_ETRUEDIVZERO: return "division by zero";
    case BIGINT_EDIVOVERFLOW: return "integer division result too large for a float";
    case BIGINT_EFLOATOVERFLOW: return "int too large to convert to float";
    case BIGINT_ENEGSHIFT: return "negative shift count";
    case BIGINT_EPOWMODZERO: return "pow() 3rd argument cannot be 0";
    case BIGINT_ENOTINVERTIBLE: return "base is not invertible for the given modulus";
    case BIGINT_EFLOATINF: return "cannot convert float infinity to integer";
    case BIGINT_EFLOATNAN: return "cannot convert float NaN to integer";
    case BIGINT_EISQRTNEG: return "isqrt() argument must be nonnegative";
    case BIGINT_ETOOBIG: return "int too big to convert";
    case BIGINT_ENEGUNSIGNED: return "can't convert negative int to unsigned";
    case BIGINT_EBASE: return "int() base must be >= 2 and <= 36, or 0";
    case BIGINT_ESTRLIMIT_TO_STR:
        snprintf(buf, cap, LIMIT_HEAD LIMIT_TAIL, limit);
        return buf;
    case BIGINT_ESTRLIMIT_TO_INT:
        snprintf(buf, cap, LIMIT_HEAD ": value has %zu digits" LIMIT_TAIL, limit, ndigits);
        return buf;
    default:
        return NULL;
    }
}
