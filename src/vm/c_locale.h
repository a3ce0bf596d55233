/* Number <-> text conversions of the C library that ignore the process
 * locale, so that a program calling locale.setlocale() cannot make floats
 * print or parse with ',' as the decimal point. */
#ifndef STMPY_C_LOCALE_H
#define STMPY_C_LOCALE_H

#include <stddef.h>

/* strtod() of a plain decimal literal with '.' as the point. */
double c_strtod(const char *s);

/* snprintf(buf, size, fmt, prec, x) for a format such as "%.*f". */
int c_snprintf_prec(char *buf, size_t size, const char *fmt, int prec, double x);

#endif
