/* Float/int/str formatting and float arithmetic against CPython 3.11:
 * the expected values are in tests/unit/numfmt_cases.txt, written by
 * tests/unit/gen_numfmt_cases.py (see there for the record format). */
#include "../stm/testlib.h"

#include <errno.h>
#include <gmp.h>
#include <inttypes.h>
#include <math.h>

#include "vm/float_hash.h"
#include "vm/float_hex.h"
#include "vm/float_ops.h"
#include "vm/float_parse.h"
#include "vm/float_repr.h"
#include "vm/float_round.h"
#include "vm/format_spec.h"

#define CASES_PATH "tests/unit/numfmt_cases.txt"
#define MAX_FIELDS 8

struct record {
    char *field[MAX_FIELDS];
    size_t len[MAX_FIELDS];
    int n;
    int line;
};

/* Undoes gen_numfmt_cases.py's esc() in place. */
static size_t unescape(char *s)
{
    char *w = s;
    for (char *r = s; *r; r++) {
        if (*r != '\\') {
            *w++ = *r;
            continue;
        }
        r++;
        if (*r == 't')
            *w++ = '\t';
        else if (*r == 'n')
            *w++ = '\n';
        else if (*r == 'x') {
            char hex[3] = {r[1], r[2], 0};
            *w++ = (char)strtol(hex, NULL, 16);
            r += 2;
        } else
            *w++ = *r;
    }
    *w = '\0';
    return (size_t)(w - s);
}

static int failures;

/* Calls check(rec) for every record of this kind; each returns 0 or prints
 * a mismatch and returns 1.  Fails the test if any mismatch or no case. */
static void for_each_case(char kind, int (*check)(const struct record *))
{
    FILE *f = fopen(CASES_PATH, "r");
    CHECK(f != NULL);
    char *line = NULL;
    size_t cap = 0;
    int count = 0, lineno = 0;
    while (getline(&line, &cap, f) > 0) {
        lineno++;
        if (line[0] != kind || line[1] != '\t')
            continue;
        line[strcspn(line, "\n")] = '\0';
        struct record rec = {.line = lineno};
        for (char *p = line; p && rec.n < MAX_FIELDS; rec.n++) {
            char *tab = strchr(p, '\t');
            if (tab)
                *tab = '\0';
            rec.field[rec.n] = p;
            rec.len[rec.n] = unescape(p);
            p = tab ? tab + 1 : NULL;
        }
        count++;
        if (check(&rec) && ++failures > 20)
            break;
    }
    free(line);
    fclose(f);
    printf("%c: %d cases, %d failures\n", kind, count, failures);
    CHECK(count > 0);
    CHECK_EQ(failures, 0);
}

static double to_double(const char *hex)
{
    uint64_t b = strtoull(hex, NULL, 16);
    double x;
    memcpy(&x, &b, sizeof x);
    return x;
}

static void bits_of(double x, char *out)
{
    uint64_t b;
    memcpy(&b, &x, sizeof b);
    sprintf(out, "%016" PRIx64, b);
}

static int mismatch(const struct record *r, const char *got, size_t got_len, const char *want)
{
    printf("line %d (%s", r->line, r->field[0]);
    for (int i = 1; i < r->n - 1; i++)
        printf(" |%s|", r->field[i]);
    printf("): got |%.*s| want |%s|\n", (int)got_len, got, want);
    return 1;
}

/* Compares a result (text or error) with the record's last field. */
static int expect(const struct record *r, int rc, const char *text, size_t len, const struct FmtError *err)
{
    const char *want = r->field[r->n - 1];
    size_t want_len = r->len[r->n - 1];
    char buf[1024];
    if (rc < 0) {
        const char *name = err->kind == FMT_VALUE_ERROR ? "ValueError"
                         : err->kind == FMT_OVERFLOW_ERROR ? "OverflowError" : "MemoryError";
        snprintf(buf, sizeof buf, "!%s:%s", name, err->msg.data ? err->msg.data : "");
        if (strcmp(buf, want) != 0)
            return mismatch(r, buf, strlen(buf), want);
        return 0;
    }
    if (want[0] != '=' || want_len - 1 != len || memcmp(want + 1, text, len) != 0)
        return mismatch(r, text, len, want);
    return 0;
}

static int expect_text(const struct record *r, const char *text)
{
    return expect(r, 0, text, strlen(text), NULL);
}

static int expect_bits(const struct record *r, double x)
{
    char b[20];
    bits_of(x, b);
    return expect_text(r, b);
}

static int expect_error(const struct record *r, const char *error)
{
    const char *want = r->field[r->n - 1];
    if (strcmp(want, error) != 0)
        return mismatch(r, error, strlen(error), want);
    return 0;
}

/* -- repr, %-format, format() -------------------------------------------- */

static int check_repr(const struct record *r)
{
    struct TextBuf b = TEXTBUF_INIT;
    CHECK(float_repr(&b, to_double(r->field[1])) == 0);
    int bad = expect(r, 0, b.data, b.len, NULL);
    textbuf_free(&b);
    return bad;
}

static int check_percent(const struct record *r)
{
    const char *fmt = r->field[2] + 1;
    int flags = 0;
    if (*fmt == '#') {
        flags = FLOAT_DTSF_ALT;
        fmt++;
    }
    char *code;
    int prec = (int)strtol(fmt + 1, &code, 10);
    struct TextBuf b = TEXTBUF_INIT;
    CHECK(float_to_string(&b, to_double(r->field[1]), *code, prec, flags) == 0);
    int bad = expect(r, 0, b.data, b.len, NULL);
    textbuf_free(&b);
    return bad;
}

static int check_format_float(const struct record *r)
{
    struct TextBuf b = TEXTBUF_INIT;
    struct FmtError err = {0};
    int rc = format_float(&b, to_double(r->field[1]), r->field[2], r->len[2], "float", &err);
    int bad = expect(r, rc, b.data, b.len, &err);
    textbuf_free(&b);
    textbuf_free(&err.msg);
    return bad;
}

/* The int path a VM with big ints takes: parse, ask the base, supply
 * digits (or a double). */
static int format_big(struct TextBuf *out, const char *dec, const char *spec, size_t len,
                      struct FmtError *err)
{
    mpz_t v;
    mpz_init_set_str(v, dec, 10);
    int rc;
    struct FormatSpec f;
    if (len == 0) {
        rc = textbuf_append_str(out, dec);
    } else if ((rc = format_spec_parse(&f, spec, len, 'd', '>', "int", err)) == 0) {
        int base = format_int_base(&f, "int", err);
        if (base < 0) {
            rc = -1;
        } else if (base == 0) {
            double x = strtod(dec, NULL);
            rc = isinf(x) ? fmt_fail(err, FMT_OVERFLOW_ERROR, "int too large to convert to float")
                          : format_float_spec(out, x, &f, "int", err);
        } else {
            char *digits = mpz_get_str(NULL, base, v);
            bool neg = digits[0] == '-';
            rc = format_int_digits(out, neg, digits + neg, strlen(digits + neg), &f, err);
            free(digits);
        }
    }
    mpz_clear(v);
    return rc;
}

static int check_format_int(const struct record *r)
{
    struct TextBuf b = TEXTBUF_INIT;
    struct FmtError err = {0};
    int rc = format_big(&b, r->field[1], r->field[2], r->len[2], &err);
    int bad = expect(r, rc, b.data, b.len, &err);
    errno = 0;
    char *end;
    long long v = strtoll(r->field[1], &end, 10);
    if (!bad && errno == 0 && *end == '\0') {
        textbuf_clear(&b);
        rc = format_int64(&b, v, r->field[2], r->len[2], "int", &err);
        bad = expect(r, rc, b.data, b.len, &err);
    }
    textbuf_free(&b);
    textbuf_free(&err.msg);
    return bad;
}

static int check_format_str(const struct record *r)
{
    struct TextBuf b = TEXTBUF_INIT;
    struct FmtError err = {0};
    int rc = format_str(&b, r->field[1], r->len[1], r->field[2], r->len[2], "str", &err);
    int bad = expect(r, rc, b.data, b.len, &err);
    textbuf_free(&b);
    textbuf_free(&err.msg);
    return bad;
}

/* -- parsing, hex --------------------------------------------------------- */

static int check_parse(const struct record *r)
{
    double x;
    if (float_from_string(r->field[1], r->len[1], &x) < 0) {
        if (strncmp(r->field[2], "!ValueError:could not convert string to float: ", 47) != 0)
            return mismatch(r, "(error)", 7, r->field[2]);
        return 0;
    }
    return expect_bits(r, x);
}

static int check_hex(const struct record *r)
{
    struct TextBuf b = TEXTBUF_INIT;
    CHECK(float_to_hex(&b, to_double(r->field[1])) == 0);
    int bad = expect(r, 0, b.data, b.len, NULL);
    textbuf_free(&b);
    return bad;
}

static int check_fromhex(const struct record *r)
{
    double x;
    int rc = float_from_hex(r->field[1], r->len[1], &x);
    if (rc == FLOAT_FROMHEX_INVALID)
        return expect_error(r, "!ValueError:invalid hexadecimal floating-point string");
    if (rc == FLOAT_FROMHEX_OVERFLOW)
        return expect_error(r, "!OverflowError:hexadecimal value too large to represent as a float");
    return expect_bits(r, x);
}

/* -- round, hash, divmod, pow, as_integer_ratio --------------------------- */

static int check_round(const struct record *r)
{
    double x;
    int rc = float_round(to_double(r->field[1]), strtoll(r->field[2], NULL, 10), &x);
    if (rc == FLOAT_ROUND_OVERFLOW)
        return expect_error(r, "!OverflowError:rounded value too large to represent");
    CHECK_EQ(rc, FLOAT_ROUND_OK);
    return expect_bits(r, x);
}

static int check_round_int(const struct record *r)
{
    double x = to_double(r->field[1]);
    if (isinf(x))
        return expect_error(r, "!OverflowError:cannot convert float infinity to integer");
    if (isnan(x))
        return expect_error(r, "!ValueError:cannot convert float NaN to integer");
    /* float(round(x)) loses the sign of a zero: the int in between has none. */
    return expect_bits(r, float_round_half_even(x) + 0.0);
}

static int check_hash(const struct record *r)
{
    bool is_nan;
    char buf[32];
    snprintf(buf, sizeof buf, "%" PRId64, float_hash(to_double(r->field[1]), &is_nan));
    CHECK(!is_nan);
    if (strcmp(buf, r->field[2]) != 0)
        return mismatch(r, buf, strlen(buf), r->field[2]);
    return 0;
}

static int check_divmod(const struct record *r)
{
    double v = to_double(r->field[1]), w = to_double(r->field[2]), q, m, m2, q2;
    int rc = float_divmod(v, w, &q, &m);
    if (rc == FLOAT_OP_ZERO_DIVISION) {
        CHECK_EQ(float_mod(v, w, &m2), FLOAT_OP_ZERO_DIVISION);
        CHECK_EQ(float_floordiv(v, w, &q2), FLOAT_OP_ZERO_DIVISION);
        return expect_error(r, "!ZeroDivisionError:float divmod()");
    }
    CHECK_EQ(float_mod(v, w, &m2), FLOAT_OP_OK);
    CHECK_EQ(float_floordiv(v, w, &q2), FLOAT_OP_OK);
    char a[20], b[20], c[20], d[20], buf[80];
    bits_of(q, a);
    bits_of(m, b);
    bits_of(m2, c);
    bits_of(q2, d);
    CHECK(strcmp(a, d) == 0);
    snprintf(buf, sizeof buf, "%s %s %s", a, b, c);
    return expect_text(r, buf);
}

static int check_pow(const struct record *r)
{
    double x;
    switch (float_pow(to_double(r->field[1]), to_double(r->field[2]), &x)) {
    case FLOAT_OP_OK:
        return expect_bits(r, x);
    case FLOAT_OP_ZERO_DIVISION:
        return expect_error(r, "!ZeroDivisionError:0.0 cannot be raised to a negative power");
    case FLOAT_OP_COMPLEX:
        return expect_error(r, "!ArithmeticError:complex");
    case FLOAT_OP_OVERFLOW:
        return expect_error(r, "!OverflowError:(34, 'Numerical result out of range')");
    default:
        return expect_error(r, "(domain error)");
    }
}

static int check_ratio(const struct record *r)
{
    double x = to_double(r->field[1]);
    int64_t mant;
    int exp2;
    int rc = float_as_integer_ratio(x, &mant, &exp2);
    if (rc == FLOAT_OP_INFINITE)
        return expect_error(r, "!OverflowError:cannot convert Infinity to integer ratio");
    if (rc == FLOAT_OP_NAN)
        return expect_error(r, "!ValueError:cannot convert NaN to integer ratio");
    mpz_t num, den;
    mpz_init_set_si(num, mant);
    mpz_init_set_ui(den, 1);
    if (exp2 >= 0)
        mpz_mul_2exp(num, num, (mp_bitcnt_t)exp2);
    else
        mpz_mul_2exp(den, den, (mp_bitcnt_t)-exp2);
    char *n = mpz_get_str(NULL, 10, num), *d = mpz_get_str(NULL, 10, den);
    size_t len = strlen(n) + strlen(d) + 8;
    char *buf = malloc(len);
    snprintf(buf, len, "%s %s %d", n, d, float_is_integer(x));
    int bad = expect_text(r, buf);
    free(buf);
    free(n);
    free(d);
    mpz_clears(num, den, NULL);
    return bad;
}

static void test_repr(void) { for_each_case('R', check_repr); }
static void test_percent(void) { for_each_case('P', check_percent); }
static void test_format_float(void) { for_each_case('F', check_format_float); }
static void test_format_int(void) { for_each_case('I', check_format_int); }
static void test_format_str(void) { for_each_case('T', check_format_str); }
static void test_parse(void) { for_each_case('V', check_parse); }
static void test_hex(void) { for_each_case('H', check_hex); }
static void test_fromhex(void) { for_each_case('X', check_fromhex); }
static void test_round(void) { for_each_case('O', check_round); }
static void test_round_int(void) { for_each_case('N', check_round_int); }
static void test_hash(void) { for_each_case('A', check_hash); }
static void test_divmod(void) { for_each_case('M', check_divmod); }
static void test_pow(void) { for_each_case('W', check_pow); }
static void test_ratio(void) { for_each_case('Q', check_ratio); }

/* NaN hashes by identity, which the caller supplies. */
static void test_hash_nan(void)
{
    bool is_nan;
    float_hash(NAN, &is_nan);
    CHECK(is_nan);
    CHECK_EQ(float_hash(-1.0, &is_nan), -2);
    CHECK(!is_nan);
}

static void test_textbuf(void)
{
    struct TextBuf b = TEXTBUF_INIT;
    CHECK_EQ(textbuf_append_cp(&b, 0x1D11E, 1000), 0);
    CHECK_EQ(b.len, 4000);
    CHECK_EQ(textbuf_append_cp(&b, 0xE9, 1), 0);
    CHECK(strcmp(b.data + 4000, "\xc3\xa9") == 0);
    textbuf_clear(&b);
    CHECK_EQ(b.len, 0);
    CHECK_EQ(textbuf_append_cp(&b, 0xD800, 1), 0);  /* a lone surrogate, WTF-8 style */
    CHECK(strcmp(b.data, "\xed\xa0\x80") == 0);
    textbuf_free(&b);
}

RUN_TESTS({"repr", test_repr, 0}, {"percent", test_percent, 0}, {"format_float", test_format_float, 0},
          {"format_int", test_format_int, 0}, {"format_str", test_format_str, 0},
          {"parse", test_parse, 0}, {"hex", test_hex, 0}, {"fromhex", test_fromhex, 0},
          {"round", test_round, 0}, {"round_int", test_round_int, 0}, {"hash", test_hash, 0},
          {"hash_nan", test_hash_nan, 0}, {"divmod", test_divmod, 0}, {"pow", test_pow, 0},
          {"ratio", test_ratio, 0}, {"textbuf", test_textbuf, 0})
