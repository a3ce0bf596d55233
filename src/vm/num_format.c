/*
** format() for int, bool, float and complex: the spec is parsed and laid
** out by format_spec.h; this file picks the path per type, supplies the
** digits of big ints, and assembles complex numbers from their two parts
** (which the library formats as floats).
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "vm/float_repr.h"
#include "vm/format_spec.h"
#include "vm/num.h"

static Object *finish(struct TextBuf *out, int rc, struct FmtError *err)
{
    Object *r = NULL;
    if (rc == 0)
        r = str_from_utf8(out->data ? out->data : "", out->len);
    else if (err->kind == FMT_MEMORY_ERROR)
        raise_no_memory();
    else
        raise(err->kind == FMT_OVERFLOW_ERROR ? vm.e_OverflowError : vm.e_ValueError, "%s",
              err->msg.data ? err->msg.data : "invalid format");
    textbuf_free(out);
    textbuf_free(&err->msg);
    return r;
}

static int format_big_int(struct TextBuf *out, Object *x, const char *s, size_t len,
                          const char *tname, struct FmtError *err)
{
    struct FormatSpec fs;
    if (format_spec_parse(&fs, s, len, 'd', '>', tname, err) < 0)
        return -1;
    int base = format_int_base(&fs, tname, err);
    if (base < 0)
        return -1;
    if (base == 0) {
        bool of;
        double d = int_to_double(x, &of);
        if (of)
            return fmt_fail(err, FMT_OVERFLOW_ERROR, "int too large to convert to float");
        return format_float_spec(out, d, &fs, tname, err);
    }
    mp_limb_t bx;
    bigint_t v = int_view(x, &bx);
    bigint_t mag = { v.sign < 0 ? 1 : v.sign, v.n, v.d };
    size_t cap = bigint_to_str_size(mag, base);
    char *digits = cap == SIZE_MAX ? NULL : malloc(cap);
    if (!digits)
        return fmt_fail(err, FMT_MEMORY_ERROR, "out of memory");
    size_t nd;
    int e = bigint_to_str(digits, &nd, mag, base, false, base == 10 ? int_max_str_digits : 0);
    int rc;
    if (e) {
        char buf[300];
        const char *msg = bigint_error_message(e, buf, sizeof buf, int_max_str_digits, 0);
        rc = fmt_fail(err, e == BIGINT_ENOMEM ? FMT_MEMORY_ERROR : FMT_VALUE_ERROR, "%s",
                      msg ? msg : "out of memory");
    } else {
        rc = format_int_digits(out, v.sign < 0, digits, nd, &fs, err);
    }
    free(digits);
    return rc;
}

/* One part of a complex number, as a float with the spec's options but no
   width; type 0 without a precision is repr without the ".0". */
static int complex_part(struct TextBuf *out, double x, const struct FormatSpec *spec, char sign,
                        const char *tname, struct FmtError *err)
{
    struct FormatSpec p = *spec;
    p.width = -1;
    p.fill = ' ';
    p.align = '<';
    p.sign = sign;
    if (p.type == 0 && p.precision < 0) {
        int flags = (sign == '+' ? FLOAT_DTSF_SIGN : 0) | (p.no_neg_0 ? FLOAT_DTSF_NO_NEG_0 : 0)
                    | (p.alternate ? FLOAT_DTSF_ALT : 0);
        struct TextBuf t = TEXTBUF_INIT;
        int rc = (sign == ' ' && !signbit(x) ? textbuf_append_byte(out, ' ') : 0)
                 | float_to_string(&t, x, 'r', 0, flags);
        /* Separators go into the run of digits before the point. */
        size_t start = t.len && (t.data[0] == '-' || t.data[0] == '+'), end = start;
        while (rc == 0 && end < t.len && t.data[end] >= '0' && t.data[end] <= '9')
            end++;
        rc |= textbuf_append(out, t.data, start);
        for (size_t i = start; rc == 0 && i < end; i++) {
            rc |= textbuf_append_byte(out, t.data[i]);
            if (p.grouping && i + 1 < end && (end - i - 1) % 3 == 0)
                rc |= textbuf_append_byte(out, p.grouping);
        }
        rc |= textbuf_append(out, t.data + end, t.len - end);
        textbuf_free(&t);
        return rc < 0 ? fmt_fail(err, FMT_MEMORY_ERROR, "out of memory") : 0;
    }
    if (p.type == 0)
        p.type = 'g';
    return format_float_spec(out, x, &p, tname, err);
}

static size_t utf8_width(const char *s, size_t n)
{
    size_t w = 0;
    for (size_t i = 0; i < n; i++)
        w += ((unsigned char)s[i] & 0xc0) != 0x80;
    return w;
}

static int format_complex(struct TextBuf *out, double re, double im, const char *s, size_t len,
                          const char *tname, struct FmtError *err)
{
    struct FormatSpec fs;
    if (format_spec_parse(&fs, s, len, 0, '>', tname, err) < 0)
        return -1;
    if (fs.type > 127 || (fs.type && !strchr("eEfFgGn", (int)fs.type)))
        return fmt_unknown_type(err, fs.type, tname);
    if (fs.fill == '0')
        return fmt_fail(err, FMT_VALUE_ERROR, "Zero padding is not allowed in complex format specifier");
    if (fs.align == '=')
        return fmt_fail(err, FMT_VALUE_ERROR, "'=' alignment flag is not allowed in complex format specifier");
    bool parens = fs.type == 0;
    bool skip_re = parens && re == 0.0 && !signbit(re);
    struct TextBuf body = TEXTBUF_INIT;
    int rc = 0;
    if (parens && !skip_re)
        rc = textbuf_append_byte(&body, '(') < 0 ? fmt_fail(err, FMT_MEMORY_ERROR, "out of memory") : 0;
    if (rc == 0 && !skip_re)
        rc = complex_part(&body, re, &fs, fs.sign, tname, err);
    if (rc == 0)
        rc = complex_part(&body, im, &fs, skip_re ? fs.sign : '+', tname, err);
    if (rc == 0 && (textbuf_append_byte(&body, 'j') < 0
                    || (parens && !skip_re && textbuf_append_byte(&body, ')') < 0)))
        rc = fmt_fail(err, FMT_MEMORY_ERROR, "out of memory");
    if (rc == 0) {
        size_t w = utf8_width(body.data, body.len);
        size_t pad = fs.width > 0 && (size_t)fs.width > w ? (size_t)fs.width - w : 0;
        size_t left = fs.align == '<' ? 0 : fs.align == '^' ? pad / 2 : pad;
        if (textbuf_append_cp(out, fs.fill, left) < 0 || textbuf_append(out, body.data, body.len) < 0
            || textbuf_append_cp(out, fs.fill, pad - left) < 0)
            rc = fmt_fail(err, FMT_MEMORY_ERROR, "out of memory");
    }
    textbuf_free(&body);
    return rc;
}

Object *number_format(Object *v, Object *spec)
{
    size_t len;
    char *s = str_to_utf8(spec, &len);
    if (!s)
        return NULL;
    const char *tname = type_name(type_of(v));
    struct TextBuf out = TEXTBUF_INIT;
    struct FmtError err = { 0, TEXTBUF_INIT };
    Object *c = complex_unwrap(v), *f = float_unwrap(v), *x = int_value(v);
    int rc;
    if (len == 0 && (c || f || x)) {
        free(s);
        return obj_str(v);
    } else if (c) {
        rc = format_complex(&out, ((Complex *)c)->real, ((Complex *)c)->imag, s, len, tname, &err);
    } else if (f) {
        rc = format_float(&out, float_value(f), s, len, tname, &err);
    } else if (x && is_small(x)) {
        rc = format_int64(&out, small_value(x), s, len, tname, &err);
    } else if (x) {
        rc = format_big_int(&out, x, s, len, tname, &err);
    } else {
        free(s);
        return raise(vm.e_TypeError, "format() of '%s' is not a number", tname);
    }
    free(s);
    return finish(&out, rc, &err);
}
