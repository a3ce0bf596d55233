/*
** Argument checking for functions written in C, with CPython's messages.
*/
#include <string.h>

#include "vm/runtime.h"

int args_no_kw(const char *fname, Object *kwnames)
{
    if (kwnames && tuple_size(kwnames)) {
        raise(vm.e_TypeError, "%s() takes no keyword arguments", fname);
        return -1;
    }
    return 0;
}

int args_count(const char *fname, size_t nargs, size_t min, size_t max)
{
    if (nargs >= min && nargs <= max)
        return 0;
    if (min == max) {
        if (min == 0)
            raise(vm.e_TypeError, "%s() takes no arguments (%zu given)", fname, nargs);
        else if (min == 1)
            raise(vm.e_TypeError, "%s() takes exactly one argument (%zu given)", fname, nargs);
        else
            raise(vm.e_TypeError, "%s expected %zu arguments, got %zu", fname, min, nargs);
    } else if (nargs < min) {
        raise(vm.e_TypeError, "%s expected at least %zu argument%s, got %zu", fname, min,
              min == 1 ? "" : "s", nargs);
    } else {
        raise(vm.e_TypeError, "%s expected at most %zu argument%s, got %zu", fname, max,
              max == 1 ? "" : "s", nargs);
    }
    return -1;
}

int args_exact(const char *fname, Object *kwnames, size_t nargs, size_t n)
{
    if (args_no_kw(fname, kwnames) < 0)
        return -1;
    return args_count(fname, nargs, n, n);
}

int args_parse(const char *fname, Object *const *args, size_t nargs, Object *kwnames,
               const char *const *names, size_t required, size_t max_positional, Object **out)
{
    size_t nnames = 0;
    while (names[nnames])
        nnames++;
    if (nargs > max_positional) {
        raise(vm.e_TypeError, "%s() takes at most %zu positional argument%s (%zu given)", fname,
              max_positional, max_positional == 1 ? "" : "s", nargs);
        return -1;
    }
    for (size_t i = 0; i < nnames; i++)
        out[i] = i < nargs ? args[i] : NULL;
    size_t nkw = kwnames ? tuple_size(kwnames) : 0;
    for (size_t k = 0; k < nkw; k++) {
        Object *name = tuple_get(kwnames, k);
        size_t i;
        for (i = 0; i < nnames; i++)
            if (str_eq_cstr(name, names[i]))
                break;
        char nb[100];
        if (i == nnames) {
            raise(vm.e_TypeError, "%s() got an unexpected keyword argument '%s'", fname,
                  str_cstr(name, nb, sizeof nb));
            return -1;
        }
        if (out[i]) {
            raise(vm.e_TypeError, "argument for %s() given by name ('%s') and position (%zu)",
                  fname, names[i], i + 1);
            return -1;
        }
        out[i] = args[nargs + k];
    }
    for (size_t i = 0; i < required; i++)
        if (!out[i]) {
            raise(vm.e_TypeError, "%s() missing required argument '%s' (pos %zu)", fname,
                  names[i], i + 1);
            return -1;
        }
    return 0;
}
