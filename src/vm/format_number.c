/* Applying a parsed spec to numbers: the text of the number is made first
 * (sign, digits before the point, point, the rest), then laid out with the
 * sign, prefix, padding and digit grouping as CPython's
 * calc_number_widths and fill_number do. */
#include "vm/format_spec.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "vm/float_repr.h"

static int no_memory(struct FmtError *err)
{
    return fmt_fail(err, FMT_MEMORY_ERROR, "out of memory");
}

/* The pieces of a number, before layout.  rem is what follows the point
 * (or, with no point, the digits: "inf", an exponent, a 'c' character);
 * rem_width is its length in code points. */
struct number {
    bool negative;
    const char *prefix;
    const char *digits;
    size_t ndigits;
    bool has_point;
    const char *rem;
    size_t rem_len, rem_width;
    int group;          /* digits per group; 0: no grouping */
    char sep;
    bool upper;         /* 'X': digits and prefix in upper case */
};

/* Writes the digits grouped from the right, left-padded with zeros (which
 * are grouped too) to at least min_width characters, backwards from
 * dst + total; with dst NULL it only counts.  Returns the length. */
static size_t group_digits(char *dst, size_t total, const struct number *num, int64_t min_width)
{
    int64_t width = min_width > 0 ? min_width : 0;
    int64_t remaining = (int64_t)num->ndigits;
    size_t count = 0, pos = total;
    bool first = true;
    for (;;) {
        int64_t want = remaining > width ? remaining : width;
        if (want < 1)
            want = 1;
        int64_t len = num->group && num->group < want ? num->group : want;
        int64_t chars = remaining < len ? remaining : len;
        int64_t zeros = len - chars;
        count += (size_t)(!first + zeros + chars);
        if (dst) {
            if (!first)
                dst[--pos] = num->sep;
            pos -= (size_t)chars;
            memcpy(dst + pos, num->digits + (remaining - chars), (size_t)chars);
            pos -= (size_t)zeros;
            memset(dst + pos, '0', (size_t)zeros);
        }
        first = false;
        remaining -= chars;
        width -= len;
        if (!num->group || (remaining <= 0 && width <= 0))
            break;
        width--;    /* the separator */
    }
    return count;
}

static int put_number(struct TextBuf *out, const struct number *num, const struct FormatSpec *spec,
                      struct FmtError *err)
{
    char sign = num->negative ? '-' : spec->sign == '+' ? '+' : spec->sign == ' ' ? ' ' : 0;
    size_t nprefix = num->prefix ? strlen(num->prefix) : 0;
    int64_t nondigit = (sign != 0) + (int64_t)nprefix + num->has_point + (int64_t)num->rem_width;
    int64_t min_width = spec->fill == '0' && spec->align == '=' ? spec->width - nondigit : 0;
    size_t grouped = num->ndigits ? group_digits(NULL, 0, num, min_width) : 0;
    int64_t pad = spec->width - (nondigit + (int64_t)grouped);
    int64_t lpad = 0, spad = 0, rpad = 0;
    if (pad > 0) {
        switch (spec->align) {
        case '<': rpad = pad; break;
        case '^': lpad = pad / 2; rpad = pad - lpad; break;
        case '=': spad = pad; break;
        default: lpad = pad; break;
        }
    }
    if (textbuf_append_cp(out, spec->fill, (size_t)lpad) < 0 ||
        (sign && textbuf_append_byte(out, sign) < 0))
        return no_memory(err);
    if (nprefix) {
        if (textbuf_append(out, num->prefix, nprefix) < 0)
            return no_memory(err);
        if (num->upper)
            out->data[out->len - 1] = 'X';
    }
    if (textbuf_append_cp(out, spec->fill, (size_t)spad) < 0 || textbuf_reserve(out, grouped) < 0)
        return no_memory(err);
    if (grouped) {
        char *g = out->data + out->len;
        group_digits(g, grouped, num, min_width);
        if (num->upper) {
            for (size_t i = 0; i < grouped; i++)
                if (g[i] >= 'a' && g[i] <= 'f')
                    g[i] = (char)(g[i] - 'a' + 'A');
        }
        out->len += grouped;
        out->data[out->len] = '\0';
    }
    if ((num->has_point && textbuf_append_byte(out, '.') < 0) ||
        textbuf_append(out, num->rem, num->rem_len) < 0 ||
        textbuf_append_cp(out, spec->fill, (size_t)rpad) < 0)
        return no_memory(err);
    return 0;
}

int format_float_spec(struct TextBuf *out, double x, const struct FormatSpec *spec,
                      const char *type_name, struct FmtError *err)
{
    char type = (char)spec->type;
    if (spec->type > 127 || (type && !strchr("eEfFgGn%", type)))
        return fmt_unknown_type(err, spec->type, type_name);
    if (spec->precision > INT_MAX)
        return fmt_fail(err, FMT_VALUE_ERROR, "precision too big");
    int flags = (spec->alternate ? FLOAT_DTSF_ALT : 0) | (spec->no_neg_0 ? FLOAT_DTSF_NO_NEG_0 : 0);
    int default_precision = 6;
    if (type == 0) {
        /* Like repr, or with a precision like 'g' keeping a ".0". */
        flags |= FLOAT_DTSF_ADD_DOT_0;
        type = spec->precision < 0 ? 'r' : 'g';
        default_precision = 0;
    } else if (type == 'n') {
        type = 'g';
    }
    bool percent = type == '%';
    if (percent) {
        type = 'f';
        x *= 100;
    }
    int precision = spec->precision < 0 ? default_precision : (int)spec->precision;

    struct TextBuf text = TEXTBUF_INIT;
    if (float_to_string(&text, x, type, precision, flags) < 0 ||
        (percent && textbuf_append_byte(&text, '%') < 0)) {
        textbuf_free(&text);
        return no_memory(err);
    }
    struct number num = {.negative = text.data[0] == '-', .sep = spec->grouping,
                         .group = spec->grouping ? 3 : 0};
    num.digits = text.data + num.negative;
    while (num.digits[num.ndigits] >= '0' && num.digits[num.ndigits] <= '9')
        num.ndigits++;
    num.has_point = num.digits[num.ndigits] == '.';
    num.rem = num.digits + num.ndigits + num.has_point;
    num.rem_len = num.rem_width = strlen(num.rem);
    int rc = put_number(out, &num, spec, err);
    textbuf_free(&text);
    return rc;
}

int format_float(struct TextBuf *out, double x, const char *spec, size_t len,
                 const char *type_name, struct FmtError *err)
{
    if (len == 0)
        return float_repr(out, x) < 0 ? no_memory(err) : 0;
    struct FormatSpec f;
    if (format_spec_parse(&f, spec, len, 0, '>', type_name, err) < 0)
        return -1;
    return format_float_spec(out, x, &f, type_name, err);
}

int format_int_base(const struct FormatSpec *spec, const char *type_name, struct FmtError *err)
{
    switch (spec->type) {
    case 'b': return 2;
    case 'o': return 8;
    case 'x': case 'X': return 16;
    case 'c': case 'd': case 'n': return 10;
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': return 0;
    default: return fmt_unknown_type(err, spec->type, type_name);
    }
}

/* The code point for 'c', with CPython's errors for ints out of range. */
static int char_code(bool negative, const char *digits, size_t n, uint32_t *cp, struct FmtError *err)
{
    uint64_t v = 0;
    bool too_big = n > 20;
    for (size_t i = 0; i < n && !too_big; i++) {
        uint64_t d = (uint64_t)(digits[i] - '0');
        too_big = v > (UINT64_MAX - d) / 10;
        v = v * 10 + d;
    }
    if (too_big || v > (uint64_t)INT64_MAX + negative)
        return fmt_fail(err, FMT_OVERFLOW_ERROR, "Python int too large to convert to C long");
    if ((negative && v) || v > 0x10FFFF)
        return fmt_fail(err, FMT_OVERFLOW_ERROR, "%%c arg not in range(0x110000)");
    *cp = (uint32_t)v;
    return 0;
}

int format_int_digits(struct TextBuf *out, bool negative, const char *digits, size_t ndigits,
                      const struct FormatSpec *spec, struct FmtError *err)
{
    if (spec->precision != -1)
        return fmt_fail(err, FMT_VALUE_ERROR, "Precision not allowed in integer format specifier");
    if (spec->no_neg_0)
        return fmt_fail(err, FMT_VALUE_ERROR,
                        "Negative zero coercion (z) not allowed in integer format specifier");
    struct number num = {.negative = negative, .digits = digits, .ndigits = ndigits, .rem = ""};
    struct TextBuf ch = TEXTBUF_INIT;
    if (spec->type == 'c') {
        if (spec->sign)
            return fmt_fail(err, FMT_VALUE_ERROR, "Sign not allowed with integer format specifier 'c'");
        if (spec->alternate)
            return fmt_fail(err, FMT_VALUE_ERROR,
                            "Alternate form (#) not allowed with integer format specifier 'c'");
        uint32_t cp = 0;
        if (char_code(negative, digits, ndigits, &cp, err) < 0)
            return -1;
        if (textbuf_append_cp(&ch, cp, 1) < 0)
            return no_memory(err);
        num = (struct number){.digits = "", .rem = ch.data, .rem_len = ch.len, .rem_width = 1};
    } else {
        if (spec->alternate) {
            switch (spec->type) {
            case 'b': num.prefix = "0b"; break;
            case 'o': num.prefix = "0o"; break;
            case 'x': case 'X': num.prefix = "0x"; break;
            }
        }
        num.upper = spec->type == 'X';
        num.sep = spec->grouping;
        num.group = !spec->grouping ? 0 : spec->grouping == '_' && spec->type != 'd' ? 4 : 3;
    }
    int rc = put_number(out, &num, spec, err);
    textbuf_free(&ch);
    return rc;
}

int format_int64(struct TextBuf *out, int64_t v, const char *spec, size_t len,
                 const char *type_name, struct FmtError *err)
{
    struct FormatSpec f = {.fill = ' ', .align = '>', .width = -1, .precision = -1, .type = 'd'};
    if (len > 0 && format_spec_parse(&f, spec, len, 'd', '>', type_name, err) < 0)
        return -1;
    int base = format_int_base(&f, type_name, err);
    if (base < 0)
        return -1;
    if (base == 0)
        return format_float_spec(out, (double)v, &f, type_name, err);
    uint64_t mag = v < 0 ? -(uint64_t)v : (uint64_t)v;
    char buf[65];
    size_t pos = sizeof buf;
    do {
        buf[--pos] = "0123456789abcdef"[mag % (unsigned)base];
        mag /= (unsigned)base;
    } while (mag);
    return format_int_digits(out, v < 0, buf + pos, sizeof buf - pos, &f, err);
}
