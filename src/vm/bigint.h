/*
** Arbitrary-precision integers with CPython 3.11's int semantics, over
** GMP's mpn layer.  The VM's int type wraps this; nothing here knows about
** Python objects.
**
** Representation: sign-magnitude.  A value is `sign` (-1, 0, 1) and `n`
** limbs, least significant first, normalized (top limb nonzero; n == 0 and
** sign == 0 for zero).
**
** Memory convention (the same for every function):
**   - Inputs are read-only views (bigint_t) of limbs the caller owns.
**   - Every result goes into a buffer the caller provides: a bigint_mut whose
**     `d` points to at least bigint_<op>_size(...) limbs (or bytes / chars
**     where stated).  The function sets `n` and `sign`; the limbs beyond `n`
**     are left unspecified.  The buffer must not overlap any input.
**   - A size function returns SIZE_MAX when the result could not fit in
**     memory at all; the caller reports MemoryError.
**   - Scratch memory is taken with malloc inside a call and freed before it
**     returns; failure gives BIGINT_ENOMEM.  GMP's own temporaries (large
**     mpn_mul/mpn_tdiv_qr, and the mpz values of pow and gcd) go through
**     GMP's allocator, which aborts on failure unless the VM installs its
**     own with mp_set_memory_functions.
** Caller-provided buffers rather than an allocation callback: the VM's
** allocator may run a collection that moves objects, and an allocation in
** the middle of an operation would leave the input pointers dangling.  The
** VM allocates the result object first, then takes the input pointers.
**
** Functions that can fail return 0 or a bigint_err; bigint_error_type() and
** bigint_error_message() give CPython's exception type and text.
*/
#ifndef STMPY_BIGINT_H
#define STMPY_BIGINT_H

#include <gmp.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct bigint_t {
    int sign;
    size_t n;
    const mp_limb_t *d;
} bigint_t;

typedef struct bigint_mut {
    int sign;
    size_t n;
    mp_limb_t *d;
} bigint_mut;

static inline bigint_t bigint_view(const bigint_mut *m)
{
    return (bigint_t){m->sign, m->n, m->d};
}

enum bigint_err {
    BIGINT_OK = 0,
    BIGINT_ENOMEM,             /* MemoryError */
    BIGINT_EDIVZERO,           /* ZeroDivisionError, "integer division or modulo by zero" */
    BIGINT_EMODZERO,           /* ZeroDivisionError, "integer modulo by zero" */
    BIGINT_ETRUEDIVZERO,       /* ZeroDivisionError, "division by zero" */
    BIGINT_EDIVOVERFLOW,       /* OverflowError, "integer division result too large for a float" */
    BIGINT_EFLOATOVERFLOW,     /* OverflowError, "int too large to convert to float" */
    BIGINT_ENEGSHIFT,          /* ValueError, "negative shift count" */
    BIGINT_EPOWMODZERO,        /* ValueError, "pow() 3rd argument cannot be 0" */
    BIGINT_ENOTINVERTIBLE,     /* ValueError, "base is not invertible for the given modulus" */
    BIGINT_ENEGEXPONENT,       /* not an error in Python: the caller computes a float power */
    BIGINT_EFLOATINF,          /* OverflowError, "cannot convert float infinity to integer" */
    BIGINT_EFLOATNAN,          /* ValueError, "cannot convert float NaN to integer" */
    BIGINT_EISQRTNEG,          /* ValueError, "isqrt() argument must be nonnegative" */
    BIGINT_EOVERFLOW,          /* OverflowError: does not fit the C type; the caller words it */
    BIGINT_ETOOBIG,            /* OverflowError, "int too big to convert" (to_bytes) */
    BIGINT_ENEGUNSIGNED,       /* OverflowError, "can't convert negative int to unsigned" */
    BIGINT_ESTRLIMIT_TO_STR,   /* ValueError, int -> str over the digit limit */
    BIGINT_ESTRLIMIT_TO_INT,   /* ValueError, str -> int over the digit limit; see bigint_from_str */
    BIGINT_EINVALID,           /* ValueError: invalid literal; the caller words it */
    BIGINT_EBASE,              /* ValueError, "int() base must be >= 2 and <= 36, or 0" */
};

enum bigint_exc { BIGINT_EXC_NONE, BIGINT_EXC_MEMORY, BIGINT_EXC_ZERODIVISION,
                  BIGINT_EXC_OVERFLOW, BIGINT_EXC_VALUE };

enum bigint_exc bigint_error_type(int err);
/* CPython's message for err.  The digit-limit messages need the limit and,
** for BIGINT_ESTRLIMIT_TO_INT, the digit count: they are formatted into
** buf (cap bytes); other messages are constants and buf is unused.
** Returns NULL for errors whose wording depends on the caller. */
const char *bigint_error_message(int err, char *buf, size_t cap,
                                 size_t limit, size_t ndigits);

/* The default of sys.get_int_max_str_digits(); 0 disables the limit. */
#define BIGINT_DEFAULT_MAX_STR_DIGITS 4300

/* ---- comparison, sign, copies -------------------------------------- */

int bigint_cmp(bigint_t a, bigint_t b);                 /* -1, 0, 1 */
size_t bigint_copy_size(bigint_t a);                    /* a.n */
void bigint_neg(bigint_mut *r, bigint_t a);
void bigint_abs(bigint_mut *r, bigint_t a);

/* ---- arithmetic ---------------------------------------------------- */

size_t bigint_add_size(size_t an, size_t bn);           /* also for sub */
void bigint_add(bigint_mut *r, bigint_t a, bigint_t b);
void bigint_sub(bigint_mut *r, bigint_t a, bigint_t b);

size_t bigint_mul_size(size_t an, size_t bn);
void bigint_mul(bigint_mut *r, bigint_t a, bigint_t b);

/* Floor division and modulo (Python's // and %): the remainder takes the
** divisor's sign.  Either of divmod's q and r may be NULL. */
size_t bigint_floordiv_size(size_t an, size_t bn);
size_t bigint_mod_size(size_t an, size_t bn);
int bigint_divmod(bigint_mut *q, bigint_mut *r, bigint_t a, bigint_t b);
int bigint_floordiv(bigint_mut *q, bigint_t a, bigint_t b);
int bigint_mod(bigint_mut *r, bigint_t a, bigint_t b);

/* a / b correctly rounded (round-half-even), as int.__truediv__. */
int bigint_truediv(double *out, bigint_t a, bigint_t b);

/* base ** exp, or pow(base, exp, mod) when mod is not NULL.  Without mod a
** negative exp gives BIGINT_ENEGEXPONENT (Python returns a float).  With mod
** a negative exp uses the modular inverse, and a negative mod gives a
** result in (mod, 0]. */
size_t bigint_pow_size(bigint_t base, bigint_t exp, const bigint_t *mod);
int bigint_pow(bigint_mut *r, bigint_t base, bigint_t exp, const bigint_t *mod);

/* ---- bits ---------------------------------------------------------- */

/* Shift counts are nonnegative Python ints reduced by the caller: a count
** over INT64_MAX shifts everything out (right) or gives MemoryError (left,
** through the size function's SIZE_MAX). */
size_t bigint_lshift_size(bigint_t a, int64_t count);
size_t bigint_rshift_size(bigint_t a, int64_t count);
int bigint_lshift(bigint_mut *r, bigint_t a, int64_t count);
int bigint_rshift(bigint_mut *r, bigint_t a, int64_t count);   /* floors */

/* Two's-complement semantics with infinite sign extension, as Python's. */
size_t bigint_bitwise_size(size_t an, size_t bn);
void bigint_and(bigint_mut *r, bigint_t a, bigint_t b);
void bigint_or(bigint_mut *r, bigint_t a, bigint_t b);
void bigint_xor(bigint_mut *r, bigint_t a, bigint_t b);
size_t bigint_invert_size(size_t an);
void bigint_invert(bigint_mut *r, bigint_t a);          /* ~a == -a - 1 */

uint64_t bigint_bit_length(bigint_t a);                 /* of |a| */
uint64_t bigint_bit_count(bigint_t a);                  /* of |a| */

/* ---- conversions --------------------------------------------------- */

#define BIGINT_INT64_SIZE 1
void bigint_from_int64(bigint_mut *r, int64_t v);
void bigint_from_uint64(bigint_mut *r, uint64_t v);
int bigint_to_int64(bigint_t a, int64_t *out);          /* BIGINT_EOVERFLOW */
int bigint_to_uint64(bigint_t a, uint64_t *out);        /* BIGINT_EOVERFLOW, BIGINT_ENEGUNSIGNED */

int bigint_to_double(bigint_t a, double *out);          /* correctly rounded */
size_t bigint_from_double_size(double v);
int bigint_from_double(bigint_mut *r, double v);        /* truncates */

/* hash(int): |a| mod 2**61-1 with a's sign, -1 becoming -2. */
int64_t bigint_hash(bigint_t a);

/* ---- number theory -------------------------------------------------- */

size_t bigint_gcd_size(size_t an, size_t bn);
int bigint_gcd(bigint_mut *r, bigint_t a, bigint_t b);  /* math.gcd: >= 0 */
size_t bigint_isqrt_size(size_t an);
int bigint_isqrt(bigint_mut *r, bigint_t a);            /* math.isqrt */

/* ---- text ------------------------------------------------------------ */

/* Characters needed by bigint_to_str, counting sign, prefix and the NUL. */
size_t bigint_to_str_size(bigint_t a, int base);
/* a in base 2..36 (lowercase letters), with a "0b"/"0o"/"0x" prefix after
** the sign when prefix is set (bases 2, 8, 16).  Bases that are not powers
** of two are refused with BIGINT_ESTRLIMIT_TO_STR beyond max_digits digits
** (0: no limit), other bases with BIGINT_EBASE.  Writes a NUL-terminated
** string; *len gets its length. */
int bigint_to_str(char *buf, size_t *len, bigint_t a, int base, bool prefix,
                  size_t max_digits);

/* Limbs needed by bigint_from_str for a len-byte string. */
size_t bigint_from_str_size(size_t len, int base);
/* Parses s[0..len) as int(s, base) does, base 0 or 2..36.  The text must be
** ASCII: the caller first maps Unicode digits and spaces to ASCII, as
** CPython does.  Errors: BIGINT_EINVALID (the caller raises "invalid literal
** for int() with base N: ..."), BIGINT_EBASE, BIGINT_ESTRLIMIT_TO_INT (for
** bases that are not powers of two, beyond max_digits digits; *ndigits then
** holds the count for the message), BIGINT_ENOMEM.  ndigits may be NULL. */
int bigint_from_str(bigint_mut *r, const char *s, size_t len, int base,
                    size_t max_digits, size_t *ndigits);

/* ---- bytes ----------------------------------------------------------- */

/* int.to_bytes(len, byteorder, signed=...) into out[0..len). */
int bigint_to_bytes(unsigned char *out, size_t len, bigint_t a,
                    bool little_endian, bool is_signed);
size_t bigint_from_bytes_size(size_t len);
void bigint_from_bytes(bigint_mut *r, const unsigned char *in, size_t len,
                       bool little_endian, bool is_signed);

#endif
