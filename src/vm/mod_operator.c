/*
** The _operator module, as far as the library needs it in C:
** _compare_digest, the comparison in constant time that hmac and secrets
** use.  operator.py keeps its own Python definitions of the operators
** (it imports from _operator only what it finds there).
*/
#include <string.h>

#include "vm/buffer.h"
#include "vm/mod_os.h"

/* Compares every byte whatever the first difference, so that the time
   says nothing about where it is. */
static bool same_bytes(const unsigned char *a, size_t na, const unsigned char *b, size_t nb)
{
    unsigned char diff = na != nb;
    const unsigned char *x = na == nb ? a : b;
    for (size_t i = 0; i < nb; i++)
        diff |= (unsigned char)(x[i] ^ b[i]);
    return diff == 0;
}

static Object *op_compare_digest(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("_compare_digest", kw, nargs, 2) < 0)
        return NULL;
    Object *a = args[0], *b = args[1];
    if (is_str(a) && is_str(b)) {
        char *ua = NULL, *ub = NULL;
        for (size_t i = 0; i < str_len(a); i++)
            if (str_char(a, i) > 127)
                goto non_ascii;
        for (size_t i = 0; i < str_len(b); i++)
            if (str_char(b, i) > 127)
                goto non_ascii;
        size_t na, nb;
        ua = str_to_utf8(a, &na);
        ub = ua ? str_to_utf8(b, &nb) : NULL;
        if (!ub) {
            free(ua);
            return NULL;
        }
        bool r = same_bytes((unsigned char *)ua, na, (unsigned char *)ub, nb);
        free(ua);
        free(ub);
        return bool_obj(r);
    non_ascii:
        return raise(vm.e_TypeError, "comparing strings with non-ASCII characters is not supported");
    }
    Buffer ba, bb;
    int ra = buffer_try(a, &ba, false);
    int rb = ra >= 0 ? buffer_try(b, &bb, false) : -1;
    if (ra < 0 || rb < 0)
        return NULL;
    if (!ra && !rb)
        return raise(vm.e_TypeError,
                     "unsupported operand types(s) or combination of types: '%s' and '%s'",
                     type_name(type_of(a)), type_name(type_of(b)));
    /* The addresses again: buffer_try on b may have allocated. */
    if (buffer_get(a, &ba, false) < 0 || buffer_get(b, &bb, false) < 0)
        return NULL;
    bool r = same_bytes(ba.data, ba.len, bb.data, bb.len);
    keep_alive(a);
    keep_alive(b);
    return bool_obj(r);
}

Object *operator_module_init(void)
{
    static const MethodDef functions[] = {
        { "_compare_digest", op_compare_digest, 0 }, { NULL, NULL, 0 },
    };
    Object *m = os_module_new("_operator", functions);
    if (m)
        os_module_add(m, "__doc__", str_from_cstr("Operator interface.\n\nThis module exports "
                                                  "a set of functions implemented in C "
                                                  "corresponding\nto the intrinsic operators "
                                                  "of Python.  For example, operator.add(x, y)\nis equivalent to the expression x+y.  The "
                                                  "function names are those\nused for special "
                                                  "methods; variants without leading and "
                                                  "trailing\n'__' are also provided for "
                                                  "convenience."));
    return m;
}
