#include "vm/float_hash.h"

#include <math.h>

int64_t float_hash(double x, bool *is_nan)
{
    *is_nan = isnan(x);
    if (*is_nan)
        return 0;
    if (isinf(x))
        return x > 0 ? FLOAT_HASH_INF : -FLOAT_HASH_INF;
    if (x == 0)
        return 0;
    /* |x| = m * 2**e with m a 53-bit integer.  As 2**61 = 1 (mod P),
     * multiplying by 2**e mod P is rotating m left by e mod 61 within 61
     * bits; m < P and is not all ones, so the result is already reduced. */
    int e;
    uint64_t m = (uint64_t)ldexp(frexp(fabs(x), &e), 53);
    e -= 53;
    int r = ((e % FLOAT_HASH_BITS) + FLOAT_HASH_BITS) % FLOAT_HASH_BITS;
    uint64_t h = ((m << r) & FLOAT_HASH_MODULUS) | (m >> (FLOAT_HASH_BITS - r));
    int64_t result = x < 0 ? -(int64_t)h : (int64_t)h;
    return result == -1 ? -2 : result;
}
