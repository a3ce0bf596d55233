#include "vm/c_locale.h"

#include <locale.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static locale_t c_locale;
static pthread_once_t c_locale_once = PTHREAD_ONCE_INIT;

static void make_c_locale(void)
{
    c_locale = newlocale(LC_ALL_MASK, "C", (locale_t)0);
}

/* NULL when the C locale could not be made: then the process locale is
 * used, which is right unless the program changed LC_NUMERIC. */
static locale_t get_c_locale(void)
{
    pthread_once(&c_locale_once, make_c_locale);
    return c_locale;
}

double c_strtod(const char *s)
{
    locale_t c = get_c_locale();
    return c ? strtod_l(s, NULL, c) : strtod(s, NULL);
}

int c_snprintf_prec(char *buf, size_t size, const char *fmt, int prec, double x)
{
    locale_t c = get_c_locale();
    locale_t old = c ? uselocale(c) : (locale_t)0;
    int n = snprintf(buf, size, fmt, prec, x);
    if (c)
        uselocale(old);
    return n;
}
