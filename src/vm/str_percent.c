/*
** printf-style formatting: str % args and bytes % args, with CPython
** 3.11's results and messages.  One engine serves both: the format is
** read as code units (a bytes format is kind 1) and the output goes to a
** StrBuf (str) or a TextBuf of raw bytes.  Numbers are made as ASCII text
** first, then padded.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "vm/float_repr.h"
#include "vm/str_impl.h"

enum { F_LJUST = 1, F_SIGN = 2, F_BLANK = 4, F_ALT = 8, F_ZERO = 16 };

typedef struct Out {
    bool bytes;
    StrBuf sb;
    struct TextBuf tb;
} Out;

static int out_latin1(Out *o, const char *s, size_t n)
{
    if (o->bytes) {
        if (textbuf_append(&o->tb, s, n) < 0) {
            raise_no_memory();
            return -1;
        }
        return 0;
    }
    return sb_append_latin1(&o->sb, s, n);
}

static int out_fill(Out *o, uint32_t c, size_t n)
{
    if (!o->bytes)
        return sb_putc_n(&o->sb, c, n);
    if (textbuf_reserve(&o->tb, n) < 0) {
        raise_no_memory();
        return -1;
    }
    memset(o->tb.data + o->tb.len, (int)c, n);
    o->tb.len += n;
    o->tb.data[o->tb.len] = 0;
    return 0;
}

typedef struct Spec {
    int flags;
    intptr_t width, prec;       /* -1: not given */
    uint32_t type;              /* %i and %u are handled as %d */
    uint32_t given;             /* the conversion as written, for messages */
    bool bytes;
} Spec;

/* Writes text (a str, or bytes data when s is NULL) padded to the width;
   numeric text gets zeros after its sign and prefix with F_ZERO. */
static int out_padded(Out *o, const Spec *sp, Object *s, const char *raw, size_t len,
                      bool numeric)
{
    size_t width = sp->width > 0 ? (size_t)sp->width : 0;
    size_t padding = width > len ? width - len : 0;
    if (padding && !(sp->flags & F_LJUST)) {
        if (numeric && (sp->flags & F_ZERO)) {
            size_t head = 0;
            if (len && (raw[0] == '-' || raw[0] == '+' || raw[0] == ' '))
                head = 1;
            if ((sp->flags & F_ALT) && (sp->type == 'x' || sp->type == 'X' || sp->type == 'o'))
                head += 2;
            if (out_latin1(o, raw, head) < 0 || out_fill(o, '0', padding) < 0)
                return -1;
            return out_latin1(o, raw + head, len - head);
        }
        if (out_fill(o, ' ', padding) < 0)
            return -1;
    }
    int r = s ? sb_append(&o->sb, s, 0, len) : out_latin1(o, raw, len);
    if (r < 0)
        return -1;
    return padding && (sp->flags & F_LJUST) ? out_fill(o, ' ', padding) : 0;
}

static Object *wrong_type(const Spec *sp, Object *v)
{
    bool integer = sp->type == 'o' || sp->type == 'x' || sp->type == 'X';
    /* Messages name the conversion as written, except that bytes
       formatting names %i as %d. */
    return raise(vm.e_TypeError, "%%%c format: %s is required, not %s",
                 (char)(sp->bytes && sp->given == 'i' ? 'd' : sp->given),
                 integer ? "an integer" : "a real number", type_name(type_of(v)));
}

static Object *as_integer(const Spec *sp, Object *v)
{
    if (is_int(v))
        return v;
    Type *t = type_of(v);
    bool integer = sp->type == 'o' || sp->type == 'x' || sp->type == 'X';
    if (integer)
        return t->unary[UN_INDEX] ? number_index(v) : wrong_type(sp, v);
    if (is_float(v)) {
        double d = float_value(v);
        if (isnan(d))
            return raise(vm.e_ValueError, "cannot convert float NaN to integer");
        if (isinf(d))
            return raise(vm.e_OverflowError, "cannot convert float infinity to integer");
        return int_from_double(d);
    }
    if (t->unary[UN_INT])
        return obj_unary(v, UN_INT);
    if (t->unary[UN_INDEX])
        return number_index(v);
    return wrong_type(sp, v);
}

static int format_integer(Out *o, const Spec *sp, Object *v)
{
    v = as_integer(sp, v);
    if (!v)
        return -1;
    int base = sp->type == 'o' ? 8 : sp->type == 'x' || sp->type == 'X' ? 16 : 10;
    bool neg;
    size_t n;
    char *digits = int_digits(v, base, &neg, &n);
    if (!digits)
        return -1;
    struct TextBuf t = TEXTBUF_INIT;
    char sign = neg ? '-' : sp->flags & F_SIGN ? '+' : sp->flags & F_BLANK ? ' ' : 0;
    int rc = 0;
    if (sign)
        rc |= textbuf_append_byte(&t, sign);
    if ((sp->flags & F_ALT) && base != 10)
        rc |= textbuf_append(&t, base == 8 ? "0o" : sp->type == 'X' ? "0X" : "0x", 2);
    for (intptr_t z = sp->prec - (intptr_t)n; z > 0; z--)
        rc |= textbuf_append_byte(&t, '0');
    size_t at = t.len;
    rc |= textbuf_append(&t, digits, n);
    free(digits);
    if (rc < 0) {
        textbuf_free(&t);
        raise_no_memory();
        return -1;
    }
    if (sp->type == 'X')
        for (size_t i = at; i < t.len; i++)
            if (t.data[i] >= 'a')
                t.data[i] -= 32;
    rc = out_padded(o, sp, NULL, t.data, t.len, true);
    textbuf_free(&t);
    return rc;
}

static int format_real(Out *o, const Spec *sp, Object *v)
{
    double x;
    if (is_float(v)) {
        x = float_value(v);
    } else if (is_int(v)) {
        bool overflow;
        x = int_to_double(v, &overflow);
        if (overflow) {
            raise(vm.e_OverflowError, "int too large to convert to float");
            return -1;
        }
    } else if (type_of(v)->unary[UN_FLOAT]) {
        Object *f = obj_unary(v, UN_FLOAT);
        if (!f)
            return -1;
        if (!is_float(f)) {
            raise(vm.e_TypeError, "must be real number, not %s", type_name(type_of(v)));
            return -1;
        }
        x = float_value(f);
    } else {
        raise(vm.e_TypeError, sp->bytes ? "float argument required, not %s"
                                        : "must be real number, not %s", type_name(type_of(v)));
        return -1;
    }
    struct TextBuf t = TEXTBUF_INIT;
    int flags = (sp->flags & F_ALT ? FLOAT_DTSF_ALT : 0) | (sp->flags & F_SIGN ? FLOAT_DTSF_SIGN : 0);
    /* A blank goes where no sign is: reserve it, drop it if a sign came. */
    bool blank = (sp->flags & F_BLANK) != 0;
    if ((blank && textbuf_append_byte(&t, ' ') < 0)
        || float_to_string(&t, x, (char)sp->type, sp->prec < 0 ? 6 : (int)sp->prec, flags) < 0) {
        textbuf_free(&t);
        raise_no_memory();
        return -1;
    }
    size_t skip = blank && (t.data[1] == '-' || t.data[1] == '+');
    int rc = out_padded(o, sp, NULL, t.data + skip, t.len - skip, true);
    textbuf_free(&t);
    return rc;
}

/* %s %r %a and %c of str formatting. */
static int format_text(Out *o, Spec *sp, Object *v)
{
    Object *s;
    if (sp->type == 'c') {
        uint32_t c;
        Object *one = str_unwrap(v);
        if (one) {
            if (str_len(one) != 1)
                goto bad_c;
            c = str_char(one, 0);
        } else if (is_int(v) || type_of(v)->unary[UN_INDEX]) {
            int64_t x;
            Object *iv = is_int(v) ? v : number_index(v);
            if (!iv)
                return -1;
            if (int_to_i64(iv, &x) < 0 || x < 0 || x > 0x10ffff) {
                exc_clear();
                raise(vm.e_OverflowError, "%%c arg not in range(0x110000)");
                return -1;
            }
            c = (uint32_t)x;
        } else {
            goto bad_c;
        }
        s = str_from_char(c);
    } else {
        s = sp->type == 's' ? obj_str(v) : sp->type == 'r' ? obj_repr(v) : ascii_of(v);
        if (s)
            s = str_unwrap(s);
    }
    if (!s)
        return -1;
    size_t len = str_len(s);
    if (sp->type != 'c' && sp->prec >= 0 && (size_t)sp->prec < len)
        len = (size_t)sp->prec;
    return out_padded(o, sp, s, NULL, len, false);
bad_c:
    raise(vm.e_TypeError, "%%c requires int or char");
    return -1;
}

/* %s %b %r %a and %c of bytes formatting. */
static int format_bytes_text(Out *o, Spec *sp, Object *v)
{
    ByteView bv;
    unsigned char ch;
    if (sp->type == 'c') {
        if (is_int(v)) {
            int64_t x;
            if (int_to_i64(v, &x) < 0 || x < 0 || x > 255) {
                exc_clear();
                raise(vm.e_OverflowError, "%%c arg not in range(256)");
                return -1;
            }
            ch = (unsigned char)x;
        } else if (byte_view(v, &bv) && bv.size == 1) {
            ch = bv.data[0];
        } else {
            raise(vm.e_TypeError, "%%c requires an integer in range(256) or a single byte");
            return -1;
        }
        bv.data = &ch;
        bv.size = 1;
    } else if (sp->type == 'r' || sp->type == 'a') {
        Object *s = ascii_of(v);
        if (!s)
            return -1;
        bv.data = str_data(s);
        bv.size = str_len(s);
    } else if (!byte_view(v, &bv)) {
        Object *f = type_lookup(type_of(v), intern_cstr("__bytes__"));
        if (!f) {
            raise(vm.e_TypeError, "%%b requires a bytes-like object, or an object that "
                  "implements __bytes__, not '%s'", type_name(type_of(v)));
            return -1;
        }
        Object *b = obj_call1(f, v);
        if (!b)
            return -1;
        if (!is_bytes(b)) {
            raise(vm.e_TypeError, "__bytes__ returned non-bytes (type %s)",
                  type_name(type_of(b)));
            return -1;
        }
        bv.data = bytes_data(b);
        bv.size = bytes_size(b);
    }
    size_t len = bv.size;
    if (sp->type != 'c' && sp->prec >= 0 && (size_t)sp->prec < len)
        len = (size_t)sp->prec;
    return out_padded(o, sp, NULL, (const char *)bv.data, len, false);
}

static Object *percent_format(Object *fmt, const void *fd, int kind, size_t n, Object *args,
                              bool bytes, bool bytearray)
{
    Out o = { bytes, { 0 }, TEXTBUF_INIT };
    if (!bytes && sb_init(&o.sb, n + 16) < 0)
        return NULL;
    Type *at = type_of(args);
    Object *tuple = NULL;
    if (type_is_subtype(at, vm.t_tuple))
        tuple = layout_of(args) == L_TUPLE ? args : ((Instance *)args)->base_value;
    size_t nargs = tuple ? tuple_size(tuple) : 1, argi = 0;
    /* Anything subscriptable may serve %(key)s, as CPython's
       PyMapping_Check decides; only the format's own type is excluded. */
    Object *dict = NULL;
    ByteView unused;
    if (!tuple && at->getitem && !(bytes ? byte_view(args, &unused) : str_unwrap(args) != NULL))
        dict = args;
    size_t lit = 0, i = 0;
    while (i < n) {
        if (kind_get(fd, kind, i) != '%') {
            i++;
            continue;
        }
        if (bytes ? out_latin1(&o, (const char *)fd + lit, i - lit) < 0
                  : sb_append(&o.sb, fmt, lit, i) < 0)
            goto fail;
        i++;
        if (i < n && kind_get(fd, kind, i) == '%') {
            if (out_latin1(&o, "%", 1) < 0)
                goto fail;
            lit = ++i;
            continue;
        }
        Object *arg_from_key = NULL;
        if (i < n && kind_get(fd, kind, i) == '(') {
            if (!dict) {
                raise(vm.e_TypeError, "format requires a mapping");
                goto fail;
            }
            size_t kstart = ++i;
            int level = 1;
            while (i < n && level > 0) {
                uint32_t c = kind_get(fd, kind, i++);
                level += c == '(' ? 1 : c == ')' ? -1 : 0;
            }
            if (level > 0) {
                raise(vm.e_ValueError, "incomplete format key");
                goto fail;
            }
            Object *key = bytes ? bytes_new((const char *)fd + kstart, i - 1 - kstart)
                                : str_substr(fmt, kstart, i - 1);
            if (!key || !(arg_from_key = obj_getitem(dict, key)))
                goto fail;
            /* A keyed field takes no positional argument: the count
               check at the end must not fire. */
            tuple = NULL;
            nargs = 0;
            argi = 1;
        }
        Spec sp = { 0, -1, -1, 0, 0, bytes };
        for (; i < n; i++) {
            uint32_t c = kind_get(fd, kind, i);
            int f = c == '-' ? F_LJUST : c == '+' ? F_SIGN : c == ' ' ? F_BLANK
                  : c == '#' ? F_ALT : c == '0' ? F_ZERO : 0;
            if (!f)
                break;
            sp.flags |= f;
        }
#define NEXT_ARG(dst)                                                                     \
        do {                                                                              \
            if (argi >= nargs) {                                                          \
                raise(vm.e_TypeError, "not enough arguments for format string");          \
                goto fail;                                                                \
            }                                                                             \
            dst = tuple ? tuple_get(tuple, argi) : args;                                  \
            argi++;                                                                       \
        } while (0)
        for (int part = 0; part < 2; part++) {
            intptr_t *dst = part ? &sp.prec : &sp.width;
            if (part) {
                if (i >= n || kind_get(fd, kind, i) != '.')
                    break;
                i++;
                *dst = 0;
            }
            if (i < n && kind_get(fd, kind, i) == '*') {
                Object *w;
                NEXT_ARG(w);
                int64_t x;
                if (!is_int(w)) {
                    raise(vm.e_TypeError, "* wants int");
                    goto fail;
                }
                if (int_to_i64(w, &x) < 0)
                    goto fail;
                if (x < 0) {
                    if (part)
                        x = 0;
                    else {
                        sp.flags |= F_LJUST;
                        x = -x;
                    }
                }
                *dst = (intptr_t)x;
                i++;
                continue;
            }
            intptr_t v = part ? 0 : -1;
            while (i < n && kind_get(fd, kind, i) >= '0' && kind_get(fd, kind, i) <= '9') {
                intptr_t d = (intptr_t)(kind_get(fd, kind, i++) - '0');
                if (v < 0)
                    v = 0;
                if (v > (INTPTR_MAX - d) / 10) {
                    raise(vm.e_ValueError, part ? "precision too big" : "width too big");
                    goto fail;
                }
                v = v * 10 + d;
            }
            *dst = v;
        }
        while (i < n && (kind_get(fd, kind, i) == 'h' || kind_get(fd, kind, i) == 'l'
                         || kind_get(fd, kind, i) == 'L'))
            i++;
        if (i >= n) {
            raise(vm.e_ValueError, "incomplete format");
            goto fail;
        }
        sp.type = sp.given = kind_get(fd, kind, i);
        Object *v = arg_from_key;
        if (!v)
            NEXT_ARG(v);
#undef NEXT_ARG
        int rc;
        switch (sp.type) {
        case 'd': case 'i': case 'u': case 'o': case 'x': case 'X':
            if (sp.type == 'i' || sp.type == 'u')
                sp.type = 'd';
            rc = format_integer(&o, &sp, v);
            break;
        case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
            rc = format_real(&o, &sp, v);
            break;
        case 's': case 'r': case 'a': case 'c':
            rc = bytes ? format_bytes_text(&o, &sp, v) : format_text(&o, &sp, v);
            break;
        case 'b':
            if (bytes) {
                rc = format_bytes_text(&o, &sp, v);
                break;
            }
            /* fall through */
        default: {
            uint32_t c = sp.type;
            raise(vm.e_ValueError, "unsupported format character '%c' (0x%x) at index %zu",
                  c >= 32 && c < 127 ? (char)c : '?', c, i);
            goto fail;
        }
        }
        if (rc < 0)
            goto fail;
        lit = ++i;
    }
    if (argi < nargs && !dict) {
        raise(vm.e_TypeError, "not all arguments converted during %s formatting",
              bytes ? "bytes" : "string");
        goto fail;
    }
    if (bytes) {
        if (out_latin1(&o, (const char *)fd + lit, n - lit) < 0)
            goto fail;
        Object *r = bytearray ? bytearray_from_data((unsigned char *)o.tb.data, o.tb.len)
                              : bytes_new(o.tb.data, o.tb.len);
        textbuf_free(&o.tb);
        return r;
    }
    if (sb_append(&o.sb, fmt, lit, n) < 0)
        goto fail;
    return sb_finish(&o.sb);
fail:
    if (bytes)
        textbuf_free(&o.tb);
    else
        sb_free(&o.sb);
    return NULL;
}

Object *str_percent_format(Object *fmt, Object *args)
{
    return percent_format(fmt, str_data(fmt), str_kind(fmt), str_len(fmt), args, false, false);
}

Object *bytes_percent_format(Object *fmt, Object *args, bool bytearray)
{
    ByteView v;
    byte_view(fmt, &v);
    return percent_format(fmt, v.data, 1, v.size, args, true, bytearray);
}
