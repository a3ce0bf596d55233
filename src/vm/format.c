/*
** format(), __format__ of object and str, f-string conversions, and
** str.format / str.format_map with the whole replacement-field grammar:
** nested fields in specs, attribute and index lookups, conversions.  The
** spec language itself is applied by format_spec.c (str) and by the
** numbers code through number_format (int, float, complex).
*/
#include <stdlib.h>
#include <string.h>

#include "vm/bigint.h"
#include "vm/format_spec.h"
#include "vm/str_impl.h"

/* Raises the error a format_spec.h function reported. */
static Object *raise_fmt(struct FmtError *err)
{
    if (err->kind == FMT_MEMORY_ERROR) {
        textbuf_free(&err->msg);
        return raise_no_memory();
    }
    Type *t = err->kind == FMT_OVERFLOW_ERROR ? vm.e_OverflowError : vm.e_ValueError;
    Object *msg = str_from_utf8(err->msg.data ? err->msg.data : "", err->msg.len);
    textbuf_free(&err->msg);
    if (!msg)
        return NULL;
    Object *a = tuple_pack(1, msg);
    return a ? raise_object(exception_new(t, a)) : NULL;
}

/* format(s, spec) for a str s: applied on its UTF-8 text. */
static Object *format_str_value(Object *s, Object *spec, Type *t)
{
    if (str_len(spec) == 0)
        return s;
    size_t n, sn;
    char *text = str_to_utf8(s, &n);
    if (!text)
        return NULL;
    char *sp = str_to_utf8(spec, &sn);
    if (!sp) {
        free(text);
        return NULL;
    }
    struct TextBuf out = TEXTBUF_INIT;
    struct FmtError err = { 0, TEXTBUF_INIT };
    int rc = format_str(&out, text, n, sp, sn, type_name(t), &err);
    free(text);
    free(sp);
    if (rc < 0) {
        textbuf_free(&out);
        return raise_fmt(&err);
    }
    Object *r = str_from_utf8(out.data ? out.data : "", out.len);
    textbuf_free(&out);
    return r;
}

static Object *object_format_impl(Object *v, Object *spec)
{
    if (str_len(spec) != 0)
        return raise(vm.e_TypeError, "unsupported format string passed to %s.__format__",
                     type_name(type_of(v)));
    return obj_str(v);
}

Object *str_dunder_format(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    self = str_unwrap(self);
    if (args_exact("__format__", kw, nargs, 1) < 0)
        return NULL;
    Object *spec = str_unwrap(args[0]);
    if (!spec)
        return raise(vm.e_TypeError, "__format__() argument must be str, not %s",
                     type_name(type_of(args[0])));
    return format_str_value(self, spec, vm.t_str);
}

static bool is_builtin_fn(Object *f, BuiltinFn *fn)
{
    return f && !is_small(f) && layout_of(f) == L_BUILTIN && (BuiltinFn *)((Builtin *)f)->fn == fn;
}

Object *obj_format(Object *v, Object *spec)
{
    if (!spec)
        spec = vm.empty_str;
    else if (!is_str(spec)) {
        Object *s = str_unwrap(spec);
        if (!s)
            return raise(vm.e_TypeError, "format() argument 2 must be str, not %s",
                         type_name(type_of(spec)));
        spec = s;
    }
    Type *t = type_of(v);
    if (t == vm.t_str)
        return format_str_value(v, spec, t);
    if (t == vm.t_int || t == vm.t_bool || t == vm.t_float || t == vm.t_complex)
        return str_len(spec) == 0 ? obj_str(v) : number_format(v, spec);
    Object *name = intern_cstr("__format__");
    Object *f = type_lookup(t, name);
    if (!f || f == type_lookup(vm.t_object, name))
        return object_format_impl(v, spec);
    if (is_builtin_fn(f, str_dunder_format))
        return format_str_value(str_unwrap(v), spec, t);
    Object *argv[2] = { v, spec };
    Object *r = obj_call(f, argv, 2, NULL);
    if (r && !str_unwrap(r))
        return raise(vm.e_TypeError, "__format__ must return a str, not %s",
                     type_name(type_of(r)));
    return r;
}

Object *ascii_of(Object *v)
{
    Object *r = obj_repr(v);
    if (!r)
        return NULL;
    r = str_unwrap(r);
    if (((Str *)r)->ascii)
        return r;
    size_t n = str_len(r);
    StrBuf b;
    if (sb_init(&b, n + 16) < 0)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        uint32_t c = str_char(r, i);
        int rc;
        if (c < 128) {
            rc = sb_putc(&b, c);
        } else {
            char esc[12];
            int m = c < 256 ? snprintf(esc, sizeof esc, "\\x%02x", c)
                  : c < 65536 ? snprintf(esc, sizeof esc, "\\u%04x", c)
                  : snprintf(esc, sizeof esc, "\\U%08x", c);
            rc = sb_append_latin1(&b, esc, (size_t)m);
        }
        if (rc < 0) {
            sb_free(&b);
            return NULL;
        }
    }
    return sb_finish(&b);
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

char *int_digits(Object *v, int base, bool *neg, size_t *len)
{
    while (!is_small(v) && layout_of(v) != L_BIGINT) {
        if (v == True_ || v == False_)
            v = make_small(v == True_);
        else if (layout_of(v) == L_INSTANCE && ((Instance *)v)->base_value)
            v = ((Instance *)v)->base_value;
        else if (!(v = number_index(v)))
            return NULL;
    }
    if (is_small(v)) {
        intptr_t x = small_value(v);
        uint64_t m = x < 0 ? -(uint64_t)x : (uint64_t)x;
        char tmp[72];
        size_t k = sizeof tmp;
        do {
            tmp[--k] = "0123456789abcdef"[m % (unsigned)base];
            m /= (unsigned)base;
        } while (m);
        *neg = x < 0;
        *len = sizeof tmp - k;
        char *r = malloc(*len + 1);
        if (!r)
            { raise_no_memory(); return NULL; }
        memcpy(r, tmp + k, *len);
        r[*len] = 0;
        return r;
    }
    BigInt *b = (BigInt *)v;
    bigint_t view = { 1, b->nlimbs,
                      (const mp_limb_t *)(stm_real_address((stm_obj *)b)
                                          + offsetof(struct BigInt, limbs)) };
    *neg = b->sign < 0;
    char *r = malloc(bigint_to_str_size(view, base));
    if (!r)
        { raise_no_memory(); return NULL; }
    if (bigint_to_str(r, len, view, base, false, base == 10 ? 4300 : 0) != BIGINT_OK) {
        free(r);
        { raise(vm.e_ValueError, "Exceeds the limit (4300 digits) for integer string "
                     "conversion; use sys.set_int_max_str_digits() to increase the limit"); return NULL; }
    }
    return r;
}

/* ---- str.format -------------------------------------------------------------------------- */

typedef struct FormatCtx {
    Object *const *args;
    size_t nargs;
    Object *kwnames;            /* str.format: keywords in args[nargs..] */
    Object *mapping;            /* format_map */
    intptr_t auto_index;        /* -1: manual numbering in use; -2: not decided */
} FormatCtx;

static Object *render(Object *fmt, size_t from, size_t to, FormatCtx *ctx, int depth);

static bool is_digit_cp(uint32_t c) { return c >= '0' && c <= '9'; }

/* A decimal index in s[from:to), or -1 if it is not all digits. */
static intptr_t parse_index(Object *s, size_t from, size_t to, bool *overflow)
{
    *overflow = false;
    if (from == to)
        return -1;
    intptr_t v = 0;
    for (size_t i = from; i < to; i++) {
        uint32_t c = str_char(s, i);
        if (!is_digit_cp(c))
            return -1;
        if (v > (INTPTR_MAX - 9) / 10) {
            *overflow = true;
            return -1;
        }
        v = v * 10 + (intptr_t)(c - '0');
    }
    return v;
}

static Object *lookup_arg(Object *name, intptr_t index, FormatCtx *ctx)
{
    if (index >= 0) {
        if (ctx->mapping || (size_t)index >= ctx->nargs) {
            if (ctx->mapping)
                return raise(vm.e_ValueError, "Format string contains positional fields");
            return raise(vm.e_IndexError,
                         "Replacement index %zd out of range for positional args tuple", index);
        }
        return ctx->args[index];
    }
    if (ctx->mapping)
        return obj_getitem(ctx->mapping, name);
    size_t nkw = ctx->kwnames ? tuple_size(ctx->kwnames) : 0;
    for (size_t k = 0; k < nkw; k++)
        if (str_eq(tuple_get(ctx->kwnames, k), name))
            return ctx->args[ctx->nargs + k];
    Object *a = tuple_pack(1, name);
    return a ? raise_object(exception_new(vm.e_KeyError, a)) : NULL;
}

/* The next .attr or [key] part of a field name at s[*i] (before to):
   *key is the attribute name or the key (an int when all digits).
   Returns 1, 0 at the end, -1 with ValueError. */
static int next_part(Object *s, size_t *i, size_t to, bool *is_attr, Object **key)
{
    if (*i >= to)
        return 0;
    uint32_t c = str_char(s, (*i)++);
    size_t from = *i, j = from;
    bool overflow;
    if (c == '.') {
        while (j < to && str_char(s, j) != '.' && str_char(s, j) != '[')
            j++;
        if (j == from) {
            raise(vm.e_ValueError, "Empty attribute in format string");
            return -1;
        }
        *is_attr = true;
        *key = str_substr(s, from, j);
        *i = j;
        return *key ? 1 : -1;
    }
    if (c != '[') {
        raise(vm.e_ValueError, "Only '.' or '[' may follow ']' in format field specifier");
        return -1;
    }
    while (j < to && str_char(s, j) != ']')
        j++;
    if (j == to) {
        raise(vm.e_ValueError, "Missing ']' in format string");
        return -1;
    }
    if (j == from) {
        raise(vm.e_ValueError, "Empty attribute in format string");
        return -1;
    }
    intptr_t k = parse_index(s, from, j, &overflow);
    if (overflow) {
        raise(vm.e_ValueError, "Too many decimal digits in format string");
        return -1;
    }
    *is_attr = false;
    *key = k >= 0 ? make_small(k) : str_substr(s, from, j);
    *i = j + 1;
    if (*i < to && str_char(s, *i) != '.' && str_char(s, *i) != '[') {
        raise(vm.e_ValueError, "Only '.' or '[' may follow ']' in format field specifier");
        return -1;
    }
    return *key ? 1 : -1;
}

/* The object a field name designates: arg_name then .attr and [key]
   parts. */
static Object *resolve_field(Object *s, size_t from, size_t to, FormatCtx *ctx)
{
    size_t i = from;
    while (i < to && str_char(s, i) != '.' && str_char(s, i) != '[')
        i++;
    bool overflow;
    intptr_t index = parse_index(s, from, i, &overflow);
    if (overflow)
        return raise(vm.e_ValueError, "Too many decimal digits in format string");
    Object *obj;
    if (from == i) {
        if (ctx->auto_index == -1)
            return raise(vm.e_ValueError, "cannot switch from manual field specification to "
                         "automatic field numbering");
        if (ctx->auto_index < 0)
            ctx->auto_index = 0;
        obj = lookup_arg(NULL, ctx->auto_index++, ctx);
    } else {
        if (index >= 0) {
            if (ctx->auto_index >= 0)
                return raise(vm.e_ValueError, "cannot switch from automatic field numbering to "
                             "manual field specification");
            ctx->auto_index = -1;
        }
        Object *name = index >= 0 ? NULL : str_substr(s, from, i);
        if (index < 0 && !name)
            return NULL;
        obj = lookup_arg(name, index, ctx);
    }
    bool is_attr;
    Object *key;
    int r;
    while (obj && (r = next_part(s, &i, to, &is_attr, &key)) != 0) {
        if (r < 0)
            return NULL;
        obj = is_attr ? obj_getattr(obj, key) : obj_getitem(obj, key);
    }
    return obj;
}

/* A replacement field as the parser found it. */
typedef struct Field {
    size_t name_from, name_to, spec_from, spec_to, end;   /* end: after the '}' */
    uint32_t conv;                                          /* 0: none */
    bool expand;                                            /* the spec holds fields */
} Field;

/* Parses the field that starts after the '{' at s[i], as CPython 3.11's
   markup iterator does (hence its particular messages). */
static int parse_field(Object *s, size_t i, size_t to, Field *f)
{
    int kind = str_kind(s);
    const void *d = str_data(s);
    f->name_from = i;
    f->conv = 0;
    f->expand = false;
    uint32_t c = 0;
    for (;;) {
        if (i >= to) {
            raise(vm.e_ValueError, "expected '}' before end of string");
            return -1;
        }
        c = kind_get(d, kind, i++);
        if (c == '{') {
            raise(vm.e_ValueError, "unexpected '{' in field name");
            return -1;
        }
        if (c == '[') {
            while (i < to && kind_get(d, kind, i) != ']')
                i++;
            if (i < to)
                i++;
            continue;
        }
        if (c == '!' || c == ':' || c == '}')
            break;
    }
    f->name_to = i - 1;
    if (c == '!') {
        if (i >= to) {
            raise(vm.e_ValueError, "end of string while looking for conversion specifier");
            return -1;
        }
        f->conv = kind_get(d, kind, i++);
        if (i >= to) {
            raise(vm.e_ValueError, "unmatched '{' in format spec");
            return -1;
        }
        c = kind_get(d, kind, i++);
        if (c != ':' && c != '}') {
            raise(vm.e_ValueError, "expected ':' after conversion specifier");
            return -1;
        }
    }
    f->spec_from = f->spec_to = i;
    if (c == '}') {
        f->end = i;
        return 0;
    }
    int level = 1;
    while (i < to) {
        c = kind_get(d, kind, i++);
        if (c == '{') {
            level++;
            f->expand = true;
        } else if (c == '}' && --level == 0) {
            f->spec_to = i - 1;
            f->end = i;
            return 0;
        }
    }
    raise(vm.e_ValueError, "unmatched '{' in format spec");
    return -1;
}

static int render_field(Object *s, const Field *f, FormatCtx *ctx, int depth, StrBuf *out)
{
    Object *obj = resolve_field(s, f->name_from, f->name_to, ctx);
    if (!obj)
        return -1;
    switch (f->conv) {
    case 0: break;
    case 'r': obj = obj_repr(obj); break;
    case 's': obj = obj_str(obj); break;
    case 'a': obj = ascii_of(obj); break;
    default:
        if (f->conv < 128)
            raise(vm.e_ValueError, "Unknown conversion specifier %c", (char)f->conv);
        else
            raise(vm.e_ValueError, "Unknown conversion specifier \\x%x", f->conv);
        return -1;
    }
    if (!obj)
        return -1;
    Object *spec = f->expand ? render(s, f->spec_from, f->spec_to, ctx, depth - 1)
                             : str_substr(s, f->spec_from, f->spec_to);
    if (!spec)
        return -1;
    Object *r = obj_format(obj, spec);
    if (!r)
        return -1;
    return sb_append_str(out, str_unwrap(r));
}

/* Formats fmt[from:to); depth counts the nesting of specs left. */
static Object *render(Object *fmt, size_t from, size_t to, FormatCtx *ctx, int depth)
{
    if (depth <= 0)
        return raise(vm.e_ValueError, "Max string recursion exceeded");
    StrBuf b;
    if (sb_init(&b, to - from + 16) < 0)
        return NULL;
    int kind = str_kind(fmt);
    const void *d = str_data(fmt);
    size_t i = from, lit = from;
    while (i < to) {
        uint32_t c = kind_get(d, kind, i);
        if (c != '{' && c != '}') {
            i++;
            continue;
        }
        if (sb_append(&b, fmt, lit, i) < 0)
            goto fail;
        bool doubled = i + 1 < to && kind_get(d, kind, i + 1) == c;
        if (doubled) {
            if (sb_putc(&b, c) < 0)
                goto fail;
            i += 2;
            lit = i;
            continue;
        }
        if (c == '}') {
            raise(vm.e_ValueError, "Single '}' encountered in format string");
            goto fail;
        }
        if (i + 1 == to) {
            raise(vm.e_ValueError, "Single '{' encountered in format string");
            goto fail;
        }
        Field f;
        if (parse_field(fmt, i + 1, to, &f) < 0 || render_field(fmt, &f, ctx, depth, &b) < 0)
            goto fail;
        i = lit = f.end;
    }
    if (sb_append(&b, fmt, lit, to) < 0)
        goto fail;
    return sb_finish(&b);
fail:
    sb_free(&b);
    return NULL;
}

Object *str_format_method(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    FormatCtx ctx = { args, nargs, kw, NULL, -2 };
    return render(self, 0, str_len(self), &ctx, 2);
}

Object *str_format_map(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("format_map", kw, nargs, 1) < 0)
        return NULL;
    FormatCtx ctx = { NULL, 0, NULL, args[0], -2 };
    return render(self, 0, str_len(self), &ctx, 2);
}

/* ---- the _string module (string.Formatter's parser) ------------------------------ */

static Object *string_arg(const char *fname, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact(fname, kw, nargs, 1) < 0)
        return NULL;
    Object *s = str_unwrap(args[0]);
    return s ? s : raise(vm.e_TypeError, "expected str, got %s", type_name(type_of(args[0])));
}

static int add_piece(Object *list, Object *lit, Object *name, Object *spec, Object *conv)
{
    Object *t = lit ? tuple_pack(4, lit, name, spec, conv) : NULL;
    return t ? list_append(list, t) : -1;
}

/* formatter_parser(s): (literal, field_name, format_spec, conversion) per
   piece, as str.format parses s. */
static Object *string_formatter_parser(Object *self, Object *const *args, size_t nargs,
                                       Object *kw)
{
    Object *s = string_arg("formatter_parser", args, nargs, kw);
    Object *out = s ? list_new(0) : NULL;
    if (!out)
        return NULL;
    size_t n = str_len(s), i = 0, lit = 0;
    while (i < n) {
        uint32_t c = str_char(s, i);
        if (c != '{' && c != '}') {
            i++;
            continue;
        }
        if (i + 1 < n && str_char(s, i + 1) == c) {
            if (add_piece(out, str_substr(s, lit, i + 1), None, None, None) < 0)
                return NULL;
            i = lit = i + 2;
            continue;
        }
        if (c == '}')
            return raise(vm.e_ValueError, "Single '}' encountered in format string");
        if (i + 1 == n)
            return raise(vm.e_ValueError, "Single '{' encountered in format string");
        Field f;
        if (parse_field(s, i + 1, n, &f) < 0)
            return NULL;
        Object *name = str_substr(s, f.name_from, f.name_to);
        Object *spec = str_substr(s, f.spec_from, f.spec_to);
        Object *conv = f.conv ? str_from_char(f.conv) : None;
        if (!name || !spec || !conv || add_piece(out, str_substr(s, lit, i), name, spec, conv) < 0)
            return NULL;
        i = lit = f.end;
    }
    if (lit < n && add_piece(out, str_substr(s, lit, n), None, None, None) < 0)
        return NULL;
    return obj_iter(out);
}

/* formatter_field_name_split(name): (first, iterator of (is_attr, key)). */
static Object *string_field_name_split(Object *self, Object *const *args, size_t nargs,
                                       Object *kw)
{
    Object *s = string_arg("formatter_field_name_split", args, nargs, kw);
    Object *rest = s ? list_new(0) : NULL;
    if (!rest)
        return NULL;
    size_t n = str_len(s), i = 0;
    while (i < n && str_char(s, i) != '.' && str_char(s, i) != '[')
        i++;
    bool overflow, is_attr;
    intptr_t index = parse_index(s, 0, i, &overflow);
    if (overflow)
        return raise(vm.e_ValueError, "Too many decimal digits in format string");
    Object *first = index >= 0 ? make_small(index) : str_substr(s, 0, i), *key;
    int r;
    while ((r = next_part(s, &i, n, &is_attr, &key)) != 0) {
        Object *t = r > 0 ? tuple_pack(2, bool_obj(is_attr), key) : NULL;
        if (!t || list_append(rest, t) < 0)
            return NULL;
    }
    Object *it = first ? obj_iter(rest) : NULL;
    return it ? tuple_pack(2, first, it) : NULL;
}

Object *string_module_init(void)
{
    static const MethodDef functions[] = {
        { "formatter_parser", string_formatter_parser, 0 },
        { "formatter_field_name_split", string_field_name_split, 0 },
        { NULL, NULL, 0 },
    };
    Object *m = module_new(intern_cstr("_string"));
    if (!m)
        return NULL;
    for (const MethodDef *f = functions; f->name; f++) {
        Object *fn = builtin_new(f->name, f->fn, m, m);
        if (!fn || dict_set_cstr(((ModuleObj *)m)->dict, f->name, fn) < 0)
            return NULL;
    }
    return m;
}
