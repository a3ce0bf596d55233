/*
** The big-integer library against CPython 3.11's results, read from
** tests/unit/bigint_cases.txt (written by gen_bigint_cases.py, whose
** docstring describes the format).  Values are read and printed here by a
** plain hex reader and writer of the test's own, so that the library's
** text conversions are checked rather than trusted.  Result buffers are
** malloc'ed at exactly the size the library asks for, so that ASan catches
** a size function that promises too little.
*/
#include "../stm/testlib.h"
#include "vm/bigint.h"

#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <time.h>

/* -DCASES_FILE=... runs a file made with other sizes (gen_bigint_cases.py -h) */
#ifndef CASES_FILE
#  define CASES_FILE "tests/unit/bigint_cases.txt"
#endif
#define MAX_FIELDS 16

static long checks, failures, lineno;

static void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        abort();
    return p;
}

static bigint_mut out(size_t limbs)
{
    return (bigint_mut){0, 0, xmalloc(limbs * sizeof(mp_limb_t))};
}

static int hexval(char c)
{
    return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}

/* "-1f" -> a value whose limbs the caller frees. */
static bigint_t parse_hex(const char *s)
{
    int sign = 1;
    if (*s == '-') {
        sign = -1;
        s++;
    }
    size_t len = strlen(s);
    mp_limb_t *d = calloc(len / 16 + 1, sizeof(mp_limb_t));
    for (size_t i = 0; i < len; i++)
        d[i / 16] |= (mp_limb_t)hexval(s[len - 1 - i]) << (4 * (i % 16));
    size_t n = len / 16 + 1;
    while (n && d[n - 1] == 0)
        n--;
    return (bigint_t){n ? sign : 0, n, d};
}

static char *to_hex(bigint_t a)
{
    char *s = xmalloc(a.n * 16 + 3), *p = s;
    if (a.sign < 0)
        *p++ = '-';
    bool started = false;
    for (size_t i = a.n; i-- > 0;)
        for (int j = 15; j >= 0; j--) {
            int v = (a.d[i] >> (4 * j)) & 15;
            if (v || started)
                *p++ = "0123456789abcdef"[v];
            started |= v != 0;
        }
    if (!started)
        *p++ = '0';
    *p = '\0';
    return s;
}

static const char *const err_names[] = {
    "OK", "ENOMEM", "EDIVZERO", "EMODZERO", "ETRUEDIVZERO", "EDIVOVERFLOW",
    "EFLOATOVERFLOW", "ENEGSHIFT", "EPOWMODZERO", "ENOTINVERTIBLE",
    "ENEGEXPONENT", "EFLOATINF", "EFLOATNAN", "EISQRTNEG", "EOVERFLOW",
    "ETOOBIG", "ENEGUNSIGNED", "ESTRLIMIT_TO_STR", "ESTRLIMIT_TO_INT",
    "EINVALID", "EBASE",
};

static void fail(const char *what, const char *got, const char *want)
{
    failures++;
    if (failures <= 20)
        printf("line %ld, %s: got %.200s, want %.200s\n", lineno, what, got, want);
}

/* want is an error ("!NAME", ":N" suffix ignored) or anything else when
** err must be 0.  Returns whether the caller should compare a value. */
static bool check_err(const char *what, int err, const char *want)
{
    checks++;
    const char *got = err_names[err];
    if (want[0] == '!') {
        size_t n = strcspn(want + 1, ":");
        if (strlen(got) != n || strncmp(got, want + 1, n) != 0)
            fail(what, got, want);
        return false;
    }
    if (err) {
        fail(what, got, want);
        return false;
    }
    return true;
}

static void check_big(const char *what, int err, bigint_mut *r, const char *want)
{
    if (!check_err(what, err, want))
        return;
    bigint_t v = bigint_view(r);
    bool normal = (v.n == 0) == (v.sign == 0) && (v.n == 0 || v.d[v.n - 1] != 0);
    char *got = to_hex(v);
    if (!normal || strcmp(got, want) != 0)
        fail(what, normal ? got : "(not normalized)", want);
    free(got);
}

static void check_str(const char *what, int err, const char *got, const char *want)
{
    if (check_err(what, err, want) && strcmp(got, want) != 0)
        fail(what, got, want);
}

static void check_int(const char *what, long long got, long long want)
{
    checks++;
    if (got != want) {
        char g[32], w[32];
        snprintf(g, sizeof g, "%lld", got);
        snprintf(w, sizeof w, "%lld", want);
        fail(what, g, w);
    }
}

static void check_double(const char *what, int err, double got, const char *want)
{
    if (!check_err(what, err, want))
        return;
    double w = strtod(want, NULL);
    if (memcmp(&got, &w, sizeof got) != 0) {
        char g[40];
        snprintf(g, sizeof g, "%a", got);
        fail(what, g, want);
    }
}

/* ---- one function per kind of line ---------------------------------- */

static char *to_text(bigint_t a, int base, bool prefix, size_t limit, int *err)
{
    char *s = xmalloc(bigint_to_str_size(a, base));
    size_t len;
    *err = bigint_to_str(s, &len, a, base, prefix, limit);
    if (!*err && len != strlen(s))
        *err = -1;
    return s;
}

static void check_parse(const char *what, const char *text, int base, const char *want)
{
    size_t len = strlen(text);
    bigint_mut r = out(bigint_from_str_size(len, base));
    check_big(what, bigint_from_str(&r, text, len, base, 0, NULL), &r, want);
    free(r.d);
}

static void check_text_roundtrip(bigint_t a, const char *ahex, int base, bool prefix)
{
    int err;
    char *s = to_text(a, base, prefix, 0, &err);
    check_err("to_str roundtrip", err, "");
    check_parse("from_str roundtrip", s, prefix ? 0 : base, ahex);
    free(s);
}

static char *binary_of(const char *hex)
{
    char *s = xmalloc(strlen(hex) * 4 + 2), *p = s;
    if (*hex == '-')
        *p++ = *hex++;
    bool started = false;
    for (; *hex; hex++)
        for (int j = 3; j >= 0; j--) {
            int bit = (hexval(*hex) >> j) & 1;
            started |= bit;
            if (started)
                *p++ = '0' + bit;
        }
    if (!started)
        *p++ = '0';
    *p = '\0';
    return s;
}

static void line_unary(char **f)
{
    bigint_t a = parse_hex(f[1]);
    const char *ahex = f[1];
    char *neg = xmalloc(strlen(ahex) + 2);
    strcpy(neg, a.sign > 0 ? "-" : "");
    strcat(neg, a.sign < 0 ? ahex + 1 : ahex);
    bigint_mut r = out(bigint_copy_size(a));
    bigint_neg(&r, a);
    check_big("neg", 0, &r, neg);
    free(neg);
    bigint_abs(&r, a);
    check_big("abs", 0, &r, a.sign < 0 ? ahex + 1 : ahex);
    free(r.d);

    r = out(bigint_invert_size(a.n));
    bigint_invert(&r, a);
    check_big("invert", 0, &r, f[2]);
    free(r.d);
    check_int("bit_length", bigint_bit_length(a), strtoll(f[3], NULL, 10));
    check_int("bit_count", bigint_bit_count(a), strtoll(f[4], NULL, 10));
    check_int("hash", bigint_hash(a), strtoll(f[5], NULL, 10));
    r = out(bigint_isqrt_size(a.n));
    check_big("isqrt", bigint_isqrt(&r, a), &r, f[6]);
    free(r.d);
    double d = 0;
    int err = bigint_to_double(a, &d);
    check_double("to_double", err, d, f[7]);

    int64_t v = 0;
    if (check_err("to_int64", bigint_to_int64(a, &v), f[8])) {
        check_int("to_int64", v, strtoll(f[8], NULL, 10));
        r = out(BIGINT_INT64_SIZE);
        bigint_from_int64(&r, v);
        check_big("from_int64", 0, &r, ahex);
        free(r.d);
    }
    uint64_t u = 0;
    int uerr = bigint_to_uint64(a, &u);
    check_int("to_uint64 err", uerr, a.sign < 0 ? BIGINT_ENEGUNSIGNED
                                     : bigint_bit_length(a) > 64 ? BIGINT_EOVERFLOW : 0);
    if (!uerr)
        check_int("to_uint64", u, strtoull(ahex, NULL, 16));

    char *s = to_text(a, 10, false, 0, &err);
    check_str("str", err, s, f[9]);
    free(s);
    s = to_text(a, 10, false, BIGINT_DEFAULT_MAX_STR_DIGITS, &err);
    size_t ndig = strlen(f[9]) - (a.sign < 0);
    check_str("str limited", err, s, ndig > BIGINT_DEFAULT_MAX_STR_DIGITS ? "!ESTRLIMIT_TO_STR" : f[9]);
    free(s);
    check_parse("from_str 10", f[9], 10, ahex);
    s = to_text(a, 8, true, 0, &err);
    check_str("oct", err, s, f[10]);
    free(s);
    check_parse("from_str oct", f[10], 0, ahex);
    s = to_text(a, 16, false, 0, &err);
    check_str("hex", err, s, ahex);
    free(s);
    char *bin = binary_of(ahex);
    s = to_text(a, 2, false, 0, &err);
    check_str("bin", err, s, bin);
    free(s);
    free(bin);
    for (int base = 2; base <= 36; base += 17)
        check_text_roundtrip(a, ahex, base, false);
    check_text_roundtrip(a, ahex, 16, true);
    check_text_roundtrip(a, ahex, 2, true);

    int64_t k = strtoll(f[11], NULL, 10);
    r = out(bigint_lshift_size(a, k));
    check_big("lshift", bigint_lshift(&r, a, k), &r, f[12]);
    free(r.d);
    r = out(bigint_rshift_size(a, k));
    check_big("rshift", bigint_rshift(&r, a, k), &r, f[13]);
    free(r.d);
    free((void *)a.d);
}

static void line_binary(char **f)
{
    bigint_t a = parse_hex(f[1]);
    bigint_t b = strcmp(f[1], f[2]) == 0 ? a : parse_hex(f[2]);
    bigint_mut r = out(bigint_add_size(a.n, b.n));
    bigint_add(&r, a, b);
    check_big("add", 0, &r, f[3]);
    bigint_sub(&r, a, b);
    check_big("sub", 0, &r, f[4]);
    free(r.d);
    r = out(bigint_mul_size(a.n, b.n));
    bigint_mul(&r, a, b);
    check_big("mul", 0, &r, f[5]);
    free(r.d);
    check_int("cmp", bigint_cmp(a, b), atoi(f[6]));
    r = out(bigint_bitwise_size(a.n, b.n));
    bigint_and(&r, a, b);
    check_big("and", 0, &r, f[7]);
    bigint_or(&r, a, b);
    check_big("or", 0, &r, f[8]);
    bigint_xor(&r, a, b);
    check_big("xor", 0, &r, f[9]);
    free(r.d);
    r = out(bigint_gcd_size(a.n, b.n));
    check_big("gcd", bigint_gcd(&r, a, b), &r, f[10]);
    free(r.d);
    if (b.d != a.d)
        free((void *)b.d);
    free((void *)a.d);
}

static void line_division(char **f)
{
    bigint_t a = parse_hex(f[1]), b = parse_hex(f[2]);
    bigint_mut q = out(bigint_floordiv_size(a.n, b.n)), r = out(bigint_mod_size(a.n, b.n));
    check_big("floordiv", bigint_floordiv(&q, a, b), &q, f[3]);
    check_big("mod", bigint_mod(&r, a, b), &r, f[4]);
    q.n = r.n = 0;
    int err = bigint_divmod(&q, &r, a, b);
    check_big("divmod q", err, &q, f[3]);
    check_big("divmod r", err, &r, b.n ? f[4] : f[3]);
    double d = 0;
    err = bigint_truediv(&d, a, b);
    check_double("truediv", err, d, f[5]);
    free(q.d);
    free(r.d);
    free((void *)a.d);
    free((void *)b.d);
}

static void line_pow(char **f, bool with_mod)
{
    bigint_t a = parse_hex(f[1]), e = parse_hex(f[2]);
    bigint_t m = with_mod ? parse_hex(f[3]) : (bigint_t){0, 0, NULL};
    const bigint_t *mp = with_mod ? &m : NULL;
    bigint_mut r = out(bigint_pow_size(a, e, mp));
    check_big(with_mod ? "powmod" : "pow", bigint_pow(&r, a, e, mp), &r, f[with_mod ? 4 : 3]);
    free(r.d);
    free((void *)a.d);
    free((void *)e.d);
    free((void *)m.d);
}

static void line_from_double(char **f)
{
    double v = strtod(f[1], NULL);
    bigint_mut r = out(bigint_from_double_size(v));
    check_big("from_double", bigint_from_double(&r, v), &r, f[2]);
    free(r.d);
}

static void line_limit(char **f)
{
    bigint_t a = parse_hex(f[2]);
    int err;
    char *s = to_text(a, 10, false, strtoull(f[1], NULL, 10), &err);
    check_str("str with limit", err, s, f[3]);
    free(s);
    free((void *)a.d);
}

static unsigned char *unhex(const char *s, size_t *len)
{
    if (*s == '.')
        s++;
    *len = strlen(s) / 2;
    unsigned char *b = xmalloc(*len);
    for (size_t i = 0; i < *len; i++)
        b[i] = hexval(s[2 * i]) << 4 | hexval(s[2 * i + 1]);
    return b;
}

static void line_parse(char **f)
{
    int base = atoi(f[1]);
    size_t limit = strtoull(f[2], NULL, 10), len;
    char *text;
    if (f[3][0] == '=') {
        text = strdup(f[3] + 1);
        len = strlen(text);
    } else {
        text = (char *)unhex(f[3], &len);
    }
    bigint_mut r = out(base >= 0 ? bigint_from_str_size(len, base) : 1);
    size_t ndigits = 0;
    int err = bigint_from_str(&r, text, len, base, limit, &ndigits);
    check_big("from_str", err, &r, f[4]);
    if (err == BIGINT_ESTRLIMIT_TO_INT && strchr(f[4], ':'))
        check_int("digit count", ndigits, strtoll(strchr(f[4], ':') + 1, NULL, 10));
    free(r.d);
    free(text);
}

static void line_to_bytes(char **f)
{
    bigint_t a = parse_hex(f[1]);
    size_t len = strtoull(f[2], NULL, 10);
    unsigned char *b = xmalloc(len);
    int err = bigint_to_bytes(b, len, a, f[3][0] == 'l', f[4][0] == '1');
    if (check_err("to_bytes", err, f[5])) {
        char *got = xmalloc(2 * len + 2);
        strcpy(got, len ? "" : ".");
        for (size_t i = 0; i < len; i++)
            sprintf(got + 2 * i, "%02x", b[i]);
        if (strcmp(got, f[5]) != 0)
            fail("to_bytes", got, f[5]);
        free(got);
    }
    free(b);
    free((void *)a.d);
}

static void line_from_bytes(char **f)
{
    size_t len;
    unsigned char *b = unhex(f[1], &len);
    bigint_mut r = out(bigint_from_bytes_size(len));
    bigint_from_bytes(&r, b, len, f[2][0] == 'l', f[3][0] == '1');
    check_big("from_bytes", 0, &r, f[4]);
    free(r.d);
    free(b);
}

/* Runs every line of the given kind; fails the test on any mismatch. */
static void run_cases(char kind)
{
    FILE *fp = fopen(CASES_FILE, "r");
    CHECK(fp != NULL);
    char *line = NULL;
    size_t cap = 0;
    long lines = 0;
    lineno = 0;
    while (getline(&line, &cap, fp) > 0) {
        lineno++;
        if (line[0] != kind)
            continue;
        char *f[MAX_FIELDS] = {0}, *save;
        int nf = 0;
        for (char *t = strtok_r(line, " \n", &save); t && nf < MAX_FIELDS;
             t = strtok_r(NULL, " \n", &save))
            f[nf++] = t;
        lines++;
        switch (kind) {
        case 'U': line_unary(f); break;
        case 'B': line_binary(f); break;
        case 'D': line_division(f); break;
        case 'P': line_pow(f, false); break;
        case 'M': line_pow(f, true); break;
        case 'F': line_from_double(f); break;
        case 'L': line_limit(f); break;
        case 'S': line_parse(f); break;
        case 'Y': line_to_bytes(f); break;
        case 'Z': line_from_bytes(f); break;
        }
    }
    free(line);
    fclose(fp);
    printf("%c: %ld cases, %ld checks, %ld failed\n", kind, lines, checks, failures);
    CHECK(lines > 0);
    CHECK_EQ(failures, 0);
}

static void unary_cases(void) { run_cases('U'); }
static void binary_cases(void) { run_cases('B'); }
static void division_cases(void) { run_cases('D'); }
static void pow_cases(void) { run_cases('P'); }
static void powmod_cases(void) { run_cases('M'); }
static void from_double_cases(void) { run_cases('F'); }
static void str_limit_cases(void) { run_cases('L'); }
static void parse_cases(void) { run_cases('S'); }
static void to_bytes_cases(void) { run_cases('Y'); }
static void from_bytes_cases(void) { run_cases('Z'); }

/* ---- cases written out by hand -------------------------------------- */

static void errors(void)
{
    mp_limb_t one_limb = 1;
    bigint_t one = {1, 1, &one_limb}, minus_one = {-1, 1, &one_limb}, zero = {0, 0, NULL};
    bigint_mut r = out(4);
    CHECK_EQ(bigint_lshift(&r, one, -1), BIGINT_ENEGSHIFT);
    CHECK_EQ(bigint_rshift(&r, one, -1), BIGINT_ENEGSHIFT);
    CHECK_EQ(bigint_rshift(&r, one, INT64_MAX), 0);
    CHECK_EQ(r.n, 0);
    CHECK_EQ(bigint_rshift(&r, minus_one, INT64_MAX), 0);
    CHECK(r.n == 1 && r.sign == -1 && r.d[0] == 1);
    CHECK_EQ(bigint_pow(&r, one, one, &zero), BIGINT_EPOWMODZERO);
    mp_limb_t big_limb = UINT64_MAX;
    bigint_t big_exp = {1, 1, &big_limb}, two = {1, 1, (mp_limb_t[]){2}};
    CHECK(bigint_pow_size(two, big_exp, NULL) == SIZE_MAX);
    CHECK_EQ(bigint_pow(&r, two, big_exp, NULL), BIGINT_ENOMEM);
    CHECK(bigint_pow_size(minus_one, big_exp, NULL) == 1);
    CHECK_EQ(bigint_pow(&r, minus_one, big_exp, NULL), 0);
    CHECK(r.sign == -1 && r.n == 1);
    CHECK_EQ(bigint_from_str(&r, "1", 1, 1, 0, NULL), BIGINT_EBASE);
    char text[16];
    size_t len;
    CHECK_EQ(bigint_to_str(text, &len, one, 37, false, 0), BIGINT_EBASE);
    double d;
    CHECK_EQ(bigint_truediv(&d, one, zero), BIGINT_ETRUEDIVZERO);
    free(r.d);
}

static void error_messages(void)
{
    char buf[200];
    CHECK(strcmp(bigint_error_message(BIGINT_ESTRLIMIT_TO_INT, buf, sizeof buf, 4300, 5000),
                 "Exceeds the limit (4300 digits) for integer string conversion: value has "
                 "5000 digits; use sys.set_int_max_str_digits() to increase the limit") == 0);
    CHECK(strcmp(bigint_error_message(BIGINT_ESTRLIMIT_TO_STR, buf, sizeof buf, 4300, 0),
                 "Exceeds the limit (4300 digits) for integer string conversion; "
                 "use sys.set_int_max_str_digits() to increase the limit") == 0);
    CHECK(strcmp(bigint_error_message(BIGINT_ENOTINVERTIBLE, NULL, 0, 0, 0),
                 "base is not invertible for the given modulus") == 0);
    CHECK(bigint_error_message(BIGINT_EINVALID, NULL, 0, 0, 0) == NULL);
    CHECK_EQ(bigint_error_type(BIGINT_EMODZERO), BIGINT_EXC_ZERODIVISION);
    CHECK_EQ(bigint_error_type(BIGINT_ETOOBIG), BIGINT_EXC_OVERFLOW);
    CHECK_EQ(bigint_error_type(BIGINT_EFLOATNAN), BIGINT_EXC_VALUE);
    CHECK_EQ(bigint_error_type(BIGINT_ENOMEM), BIGINT_EXC_MEMORY);
}

static double seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
}

/* 10**100000 to text and back: must be subquadratic, and the default limit
** must refuse it before doing the work. */
static void big_decimal(void)
{
    bigint_t ten = {1, 1, (mp_limb_t[]){10}}, e = {1, 1, (mp_limb_t[]){100000}};
    bigint_mut p = out(bigint_pow_size(ten, e, NULL));
    CHECK_EQ(bigint_pow(&p, ten, e, NULL), 0);
    bigint_t v = bigint_view(&p);
    char *s = xmalloc(bigint_to_str_size(v, 10));
    size_t len;
    double t0 = seconds();
    CHECK_EQ(bigint_to_str(s, &len, v, 10, false, 0), 0);
    double t1 = seconds();
    CHECK_EQ(len, 100001);
    CHECK(s[0] == '1' && s[1] == '0' && s[100000] == '0');
    bigint_mut q = out(bigint_from_str_size(len, 10));
    CHECK_EQ(bigint_from_str(&q, s, len, 10, 0, NULL), 0);
    double t2 = seconds();
    CHECK_EQ(bigint_cmp(bigint_view(&q), v), 0);
    CHECK_EQ(bigint_to_str(s, &len, v, 10, false, BIGINT_DEFAULT_MAX_STR_DIGITS),
             BIGINT_ESTRLIMIT_TO_STR);
    size_t nd = 0;
    CHECK_EQ(bigint_from_str(&q, s, 100001, 10, BIGINT_DEFAULT_MAX_STR_DIGITS, &nd),
             BIGINT_ESTRLIMIT_TO_INT);
    CHECK_EQ(nd, 100001);
    printf("10**100000: to str %.3f s, from str %.3f s\n", t1 - t0, t2 - t1);
    CHECK(t1 - t0 < 2.0 && t2 - t1 < 2.0);
    free(s);
    free(p.d);
    free(q.d);
}

RUN_TESTS({"unary_cases", unary_cases, 0},
          {"binary_cases", binary_cases, 0},
          {"division_cases", division_cases, 0},
          {"pow_cases", pow_cases, 0},
          {"powmod_cases", powmod_cases, 0},
          {"from_double_cases", from_double_cases, 0},
          {"str_limit_cases", str_limit_cases, 0},
          {"parse_cases", parse_cases, 0},
          {"to_bytes_cases", to_bytes_cases, 0},
          {"from_bytes_cases", from_bytes_cases, 0},
          {"errors", errors, 0},
          {"error_messages", error_messages, 0},
          {"big_decimal", big_decimal, 0})
