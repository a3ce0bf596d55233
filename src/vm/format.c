/*
** format(), f-string conversions, str % args and str.format().  The
** format mini-language beyond the plain forms is not handled yet: specs
** other than empty raise ValueError until the numeric text library is
** wired in.
*/
#include <stdlib.h>
#include <string.h>

#include "vm/runtime.h"

Object *obj_format(Object *v, Object *spec)
{
    if (!spec)
        spec = vm.empty_str;
    Object *f = type_lookup(type_of(v), intern_cstr("__format__"));
    if (f && !is_small(f) && f->type == vm.t_function) {
        Object *argv[2] = { v, spec };
        Object *r = obj_call(f, argv, 2, NULL);
        if (r && !is_str(r))
            return raise(vm.e_TypeError, "__format__ must return a str, not %s",
                         type_name(type_of(r)));
        return r;
    }
    if (str_len(spec) == 0)
        return obj_str(v);
    char sb[100];
    return raise(vm.e_ValueError, "format spec '%s' is not supported yet",
                 str_cstr(spec, sb, sizeof sb));
}

Object *ascii_of(Object *v)
{
    Object *r = obj_repr(v);
    if (!r)
        return NULL;
    size_t n = str_len(r);
    uint32_t *buf = malloc((n * 10 + 1) * sizeof *buf);
    if (!buf)
        return raise_no_memory();
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t c = str_char(r, i);
        if (c < 128) {
            buf[k++] = c;
            continue;
        }
        char esc[12];
        int m = c < 256 ? snprintf(esc, sizeof esc, "\\x%02x", c)
              : c < 65536 ? snprintf(esc, sizeof esc, "\\u%04x", c)
              : snprintf(esc, sizeof esc, "\\U%08x", c);
        for (int j = 0; j < m; j++)
            buf[k++] = (unsigned char)esc[j];
    }
    Object *s = str_from_codepoints(buf, k);
    free(buf);
    return s;
}

Object *format_value(Object *v, int conversion, Object *spec)
{
    switch (conversion) {
    case FVC_STR: v = obj_str(v); break;
    case FVC_REPR: v = obj_repr(v); break;
    case FVC_ASCII: v = ascii_of(v); break;
    default: break;
    }
    if (!v)
        return NULL;
    if (is_str(v) && (!spec || str_len(spec) == 0))
        return v;
    return obj_format(v, spec);
}

/* str % args with the conversions %s %r %a %d %i %%; others raise. */
Object *str_percent_format(Object *fmt, Object *args)
{
    bool is_tuple = !is_small(args) && args->type == vm.t_tuple;
    size_t nargs = is_tuple ? tuple_size(args) : 1, argi = 0;
    Object *parts = list_new(0);
    size_t n = str_len(fmt), start = 0;
    for (size_t i = 0; i < n; i++) {
        if (str_char(fmt, i) != '%')
            continue;
        Object *lit = obj_getitem(fmt, slice_new(make_small((intptr_t)start), make_small((intptr_t)i), None));
        if (!lit || list_append(parts, lit) < 0)
            return NULL;
        if (i + 1 >= n)
            return raise(vm.e_ValueError, "incomplete format");
        uint32_t c = str_char(fmt, ++i);
        start = i + 1;
        if (c == '%') {
            list_append(parts, vm.one_char['%']);
            continue;
        }
        if (argi >= nargs)
            return raise(vm.e_TypeError, "not enough arguments for format string");
        Object *a = is_tuple ? tuple_get(args, argi++) : (argi++, args), *s;
        switch (c) {
        case 's': s = obj_str(a); break;
        case 'r': s = obj_repr(a); break;
        case 'a': s = ascii_of(a); break;
        case 'd': case 'i': case 'u':
            if (!is_int(a) && !is_float(a))
                return raise(vm.e_TypeError, "%%%c format: a real number is required, not %s",
                             (int)c, type_name(type_of(a)));
            s = is_float(a) ? obj_str(obj_unary(a, UN_INT)) : int_to_str(a);
            break;
        default:
            return raise(vm.e_ValueError, "unsupported format character '%c' (0x%x) at index %zu",
                         c < 128 ? (int)c : '?', c, i);
        }
        if (!s || list_append(parts, s) < 0)
            return NULL;
    }
    if (argi < nargs && (is_tuple || argi == 0))
        return raise(vm.e_TypeError, "not all arguments converted during string formatting");
    Object *lit = obj_getitem(fmt, slice_new(make_small((intptr_t)start), None, None));
    if (!lit || list_append(parts, lit) < 0)
        return NULL;
    return str_join(vm.empty_str, parts);
}

/* str.format with {}, {0}, {name}, attribute/index-free fields, !r/!s/!a
   and format specs passed to format(). */
Object *str_format_method(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    size_t n = str_len(self), auto_index = 0, start = 0;
    Object *parts = list_new(0);
    for (size_t i = 0; i < n; i++) {
        uint32_t c = str_char(self, i);
        if (c != '{' && c != '}')
            continue;
        Object *lit = obj_getitem(self, slice_new(make_small((intptr_t)start), make_small((intptr_t)i), None));
        if (!lit || list_append(parts, lit) < 0)
            return NULL;
        if (i + 1 < n && str_char(self, i + 1) == c) {
            list_append(parts, vm.one_char[c]);
            start = ++i + 1;
            continue;
        }
        if (c == '}')
            return raise(vm.e_ValueError, "Single '}' encountered in format string");
        size_t j = i + 1;
        while (j < n && str_char(self, j) != '}')
            j++;
        if (j >= n)
            return raise(vm.e_ValueError, "expected '}' before end of string");
        size_t name_end = i + 1;
        while (name_end < j && str_char(self, name_end) != '!' && str_char(self, name_end) != ':')
            name_end++;
        Object *name = obj_getitem(self, slice_new(make_small((intptr_t)i + 1), make_small((intptr_t)name_end), None));
        if (!name)
            return NULL;
        Object *v;
        if (str_len(name) == 0) {
            if (auto_index >= nargs)
                return raise(vm.e_IndexError, "Replacement index %zu out of range for positional args tuple", auto_index);
            v = args[auto_index++];
        } else if (str_char(name, 0) >= '0' && str_char(name, 0) <= '9') {
            Object *idx = int_from_text(str_cstr(name, (char[32]){0}, 32), 10);
            int64_t k;
            if (!idx || int_to_i64(idx, &k) < 0)
                return NULL;
            if ((size_t)k >= nargs)
                return raise(vm.e_IndexError, "Replacement index %lld out of range for positional args tuple", (long long)k);
            v = args[k];
        } else {
            v = NULL;
            size_t nkw = kw ? tuple_size(kw) : 0;
            for (size_t k = 0; k < nkw; k++)
                if (str_eq(tuple_get(kw, k), name))
                    v = args[nargs + k];
            if (!v) {
                Object *a = tuple_pack(1, name);
                return a ? raise_object(exception_new(vm.e_KeyError, a)) : NULL;
            }
        }
        int conv = 0;
        size_t p = name_end;
        if (p < j && str_char(self, p) == '!') {
            uint32_t cc = p + 1 < j ? str_char(self, p + 1) : 0;
            conv = cc == 's' ? FVC_STR : cc == 'r' ? FVC_REPR : cc == 'a' ? FVC_ASCII : -1;
            if (conv < 0)
                return raise(vm.e_ValueError, "Unknown conversion specifier %c", cc ? (int)cc : '?');
            p += 2;
        }
        Object *spec = NULL;
        if (p < j && str_char(self, p) == ':')
            spec = obj_getitem(self, slice_new(make_small((intptr_t)p + 1), make_small((intptr_t)j), None));
        Object *s = format_value(v, conv, spec);
        if (!s || list_append(parts, s) < 0)
            return NULL;
        i = j;
        start = j + 1;
    }
    Object *lit = obj_getitem(self, slice_new(make_small((intptr_t)start), None, None));
    if (!lit || list_append(parts, lit) < 0)
        return NULL;
    return str_join(vm.empty_str, parts);
}
