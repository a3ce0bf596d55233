/* Applying a parsed spec to a str: truncation by precision, then padding,
 * both counted in code points of the UTF-8 text. */
#include "vm/format_spec.h"

static size_t count_code_points(const char *s, size_t n)
{
    size_t count = 0;
    for (size_t i = 0; i < n; i++)
        count += ((unsigned char)s[i] & 0xC0) != 0x80;
    return count;
}

/* Byte length of the first k code points of s[0..n). */
static size_t prefix_bytes(const char *s, size_t n, size_t k)
{
    size_t i = 0;
    for (; i < n; i++) {
        if (((unsigned char)s[i] & 0xC0) != 0x80) {
            if (k == 0)
                break;
            k--;
        }
    }
    return i;
}

int format_str_spec(struct TextBuf *out, const char *s, size_t n, const struct FormatSpec *spec,
                    const char *type_name, struct FmtError *err)
{
    if (spec->type != 's')
        return fmt_unknown_type(err, spec->type, type_name);
    if (spec->sign == ' ')
        return fmt_fail(err, FMT_VALUE_ERROR, "Space not allowed in string format specifier");
    if (spec->sign)
        return fmt_fail(err, FMT_VALUE_ERROR, "Sign not allowed in string format specifier");
    if (spec->no_neg_0)
        return fmt_fail(err, FMT_VALUE_ERROR,
                        "Negative zero coercion (z) not allowed in string format specifier");
    if (spec->alternate)
        return fmt_fail(err, FMT_VALUE_ERROR,
                        "Alternate form (#) not allowed in string format specifier");
    if (spec->align == '=')
        return fmt_fail(err, FMT_VALUE_ERROR,
                        "'=' alignment not allowed in string format specifier");

    size_t len = count_code_points(s, n);
    if (spec->precision >= 0 && (uint64_t)spec->precision < len) {
        len = (size_t)spec->precision;
        n = prefix_bytes(s, n, len);
    }
    size_t pad = spec->width > 0 && (uint64_t)spec->width > len ? (size_t)spec->width - len : 0;
    size_t lpad = spec->align == '>' ? pad : spec->align == '^' ? pad / 2 : 0;
    if (textbuf_append_cp(out, spec->fill, lpad) < 0 || textbuf_append(out, s, n) < 0 ||
        textbuf_append_cp(out, spec->fill, pad - lpad) < 0)
        return fmt_fail(err, FMT_MEMORY_ERROR, "out of memory");
    return 0;
}

int format_str(struct TextBuf *out, const char *s, size_t n, const char *spec, size_t len,
               const char *type_name, struct FmtError *err)
{
    if (len == 0)
        return textbuf_append(out, s, n) < 0 ? fmt_fail(err, FMT_MEMORY_ERROR, "out of memory") : 0;
    struct FormatSpec f;
    if (format_spec_parse(&f, spec, len, 's', '<', type_name, err) < 0)
        return -1;
    return format_str_spec(out, s, n, &f, type_name, err);
}
