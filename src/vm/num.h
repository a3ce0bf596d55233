/*
** What the number types (int.c, int_methods.c, float.c, complex.c,
** num_format.c, mod_math.c) share beyond runtime.h.  Int values are small
** (tagged) or BigInt objects; the big-int arithmetic is bigint.h's, which
** works on views of limbs, so a small value is viewed through a one-limb
** buffer of the caller's.
*/
#ifndef STMPY_NUM_H
#define STMPY_NUM_H

#include "vm/bigint.h"
#include "vm/runtime.h"

/* sys.get_int_max_str_digits(); 0: no limit. */
extern size_t int_max_str_digits;

/* The int value of v (small or BigInt) for int, bool and int subclasses;
   NULL (no exception) for anything else. */
Object *int_value(Object *v);

/* A view of an int value (small or BigInt); buf holds a small value's limb. */
bigint_t int_view(Object *x, mp_limb_t *buf);

/* A BigInt with room for n limbs, and its limbs as a result buffer. */
BigInt *int_alloc(size_t n);
bigint_mut int_mut(BigInt *b);
/* The int that r (the result buffer of b) holds: small when it fits. */
Object *int_finish(BigInt *b, const bigint_mut *r);
/* Raises the exception of a bigint_err; returns NULL. */
Object *int_raise(int err);
int int_sign(Object *x);                   /* of an int value: -1, 0, 1 */
int int_compare(Object *x, Object *y);     /* int values: -1, 0, 1 */

/* Int arithmetic on int values (small or BigInt). */
Object *int_add_values(Object *x, Object *y);
Object *int_sub_values(Object *x, Object *y);
Object *int_mul_values(Object *x, Object *y);
Object *int_floordiv_values(Object *x, Object *y);
Object *int_mod_values(Object *x, Object *y);
Object *int_neg_value(Object *x);
Object *int_pow_mod(Object *x, Object *y, Object *mod);   /* mod may be NULL */
Object *int_rshift_values(Object *x, Object *y);
Object *int_lshift_values(Object *x, Object *y);

/* str(v) in base 2, 8, 10 or 16 with the 0b/0o/0x prefix when asked. */
Object *int_to_base(Object *v, int base, bool prefix);
/* int(s, base) from ASCII text (already mapped from Unicode). */
Object *int_parse_ascii(const char *s, size_t len, int base, Object *orig);
/* int(x) for an object that is not a str: __int__, __index__, __trunc__,
   bytes. */
Object *int_from_object(Object *v);
Object *int_from_str_obj(Object *s, int base);

/* float */
Object *float_unwrap(Object *v);           /* a Float for floats and subclasses, else NULL */
Object *float_repr_of(double d);
/* v as a double: float, int (OverflowError if too big) -> 1; other -> 0. */
int number_as_double(Object *v, double *out);
/* A real argument as double, as PyFloat_AsDouble: floats, ints,
   __float__, __index__; "must be real number, not T" otherwise
   (mod_math.c). */
int real_arg(Object *v, double *out);
/* float(v) for any object, as the float constructor. */
Object *float_from_object(Object *v);
/* x ** y for doubles with Python's errors; may give a complex. */
Object *float_power(double x, double y);
/* Maps Unicode digits and spaces of str s to ASCII for the parsers:
   malloc'ed, NUL-terminated; NULL with *bad set if a character cannot be
   mapped (MemoryError raised if out of memory, *bad false). */
char *num_ascii_of_str(Object *s, size_t *len, bool *bad);

/* complex */
Object *complex_new(double re, double im);
Object *complex_unwrap(Object *v);         /* a Complex for complex and subclasses */
Object *complex_power(double ar, double ai, double br, double bi);
void complex_type_init(void);

/* format(v, spec) for int, bool, float and complex (and subclasses). */
Object *number_format(Object *v, Object *spec);

/* float vs int comparison, exact; f a Float, i an int of any kind. */
Object *float_compare_int(Object *f, Object *i, CmpOp op);
/* divmod() of two ints / two reals; NotImplemented for other types. */
Object *int_divmod_obj(Object *a, Object *b);
Object *float_divmod_obj(Object *a, Object *b);

/* Common comparison result. */
Object *num_cmp_result(int c, CmpOp op);
Object *number_round(Object *v, Object *ndigits);

/* Adds the number builtins (round, bin, oct, hex) to the builtins module. */
void number_builtins_init(Object *builtins_module);

#endif
