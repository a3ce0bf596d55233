/* Number and string literals: escape decoding, implicit concatenation and
 * its rules.  f-strings are handed to fstring.c.
 */
#include <stdlib.h>
#include <string.h>

#include "compiler/fstring.h"
#include "compiler/parser.h"
#include "compiler/utf8.h"
#include "vm/unicodedb_names.h"

int parse_number(Parser *p, Token *t, Constant *c)
{
    char buf[128];
    char *text = t->len < (int)sizeof buf ? buf : arena_alloc(p->arena, (size_t)t->len + 1);
    int n = 0;
    for (int i = 0; i < t->len; i++)
        if (t->start[i] != '_')
            text[n++] = t->start[i];
    text[n] = 0;
    char last = text[n - 1];
    int is_hex = n > 1 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X');
    if (last == 'j' || last == 'J') {
        text[n - 1] = 0;
        c->kind = CONST_COMPLEX;
        c->v.f = strtod(text, NULL);
        return 0;
    }
    if (!is_hex && (strchr(text, '.') || strchr(text, 'e') || strchr(text, 'E'))) {
        c->kind = CONST_FLOAT;
        c->v.f = strtod(text, NULL);
        return 0;
    }
    c->kind = CONST_INT;
    c->v.i.base = 10;
    const char *digits = text;
    if (n > 1 && text[0] == '0') {
        char b = (char)(text[1] | 32);
        if (b == 'x' || b == 'o' || b == 'b') {
            c->v.i.base = b == 'x' ? 16 : b == 'o' ? 8 : 2;
            digits = text + 2;
        }
    }
    c->v.i.digits = arena_strndup(p->arena, digits, strlen(digits));
    return 0;
}

/* A growable byte buffer in malloc'd memory. */
void sbuf_put(StrBuf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 64;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *d = realloc(b->data, cap);
        if (!d) {
            fputs("stmpy: out of memory\n", stderr);
            abort();
        }
        b->data = d;
        b->cap = cap;
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = 0;
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

void *string_error(Parser *p, const char *msg)
{
    return syntax_error(p, "%s", msg);
}

/* Where CPython's escape decoder reports an escape: it sees the text with
   every non-ASCII character spelled as a 10-byte "\UXXXXXXXX". */
static size_t escape_position(const char *start, const char *at)
{
    size_t pos = 0;
    for (const char *q = start; q < at; q++) {
        unsigned char c = (unsigned char)*q;
        pos += c < 0x80 ? 1 : c >= 0xC0 ? 10 : 0;
    }
    return pos;
}

/* The DeprecationWarning for the first invalid escape of a string token
   (at, just past its backslash); once per token, however often the
   parser backtracks over it.  -1 when it became an error. */
static int warn_bad_escape(Parser *p, const char *at)
{
    if (p->str_tok < p->escapes_checked)
        return 0;
    p->escapes_checked = p->str_tok + 1;
    const Token *t = &p->toks[p->str_tok];
    char msg[64];
    if (*at >= '4' && *at <= '7')
        snprintf(msg, sizeof msg, "invalid octal escape sequence '\\%.3s'", at);
    else
        snprintf(msg, sizeof msg, "invalid escape sequence '\\%c'", *at);
    /* The error form of a token over several lines ends, for CPython, no
       further than the length of its first line. */
    int end_col = t->end_col;
    size_t first_len;
    if (t->end_lineno != t->lineno && src_line(p->src, t->lineno, &first_len) && end_col > (int)first_len)
        end_col = (int)first_len;
    if (src_warn(p->src, p->err, WARN_DEPRECATION, t->lineno, t->col, t->end_lineno, end_col, msg) < 0) {
        p->failed = 1;
        return -1;
    }
    return 0;
}

/* Decodes the escapes of a str or bytes literal body into out.  Returns
   -1 with an error set. */
int decode_escapes(Parser *p, const char *s, size_t n, int is_bytes, StrBuf *out)
{
    const char *start = s;
    const char *end = s + n;
    while (s < end) {
        if (*s != '\\') {
            const char *run = s;
            while (s < end && *s != '\\')
                s++;
            if (!is_bytes) {
                Utf8Error ue;
                if (!utf8_validate(run, (size_t)(s - run), &ue)) {
                    char msg[200];
                    /* CPython decodes each run of non-ASCII bytes on its own. */
                    const char *bad = run + ue.start;
                    const char *r = bad;
                    while (r > run && ((unsigned char)r[-1] & 0x80))
                        r--;
                    Utf8Error rel = ue;
                    rel.start = (size_t)(bad - r);
                    rel.end = rel.start + (ue.end - ue.start);
                    utf8_error_message(&rel, msg, sizeof msg);
                    string_error(p, msg);
                    return -1;
                }
            }
            sbuf_put(out, run, (size_t)(s - run));
            continue;
        }
        const char *esc = s;
        s++;
        size_t pos = escape_position(start, esc);
        char msg[200];
        if (s >= end) {
            /* Only f-string pieces can end in a backslash: it stays, and
               before a field's '{' it is an invalid escape. */
            if (*end == '{' && warn_bad_escape(p, end) < 0)
                return -1;
            sbuf_put(out, "\\", 1);
            break;
        }
        char c = *s++;
        char tmp[8];
        unsigned cp;
        switch (c) {
        case '\n': break;
        case '\\': sbuf_put(out, "\\", 1); break;
        case '\'': sbuf_put(out, "'", 1); break;
        case '"': sbuf_put(out, "\"", 1); break;
        case 'a': sbuf_put(out, "\a", 1); break;
        case 'b': sbuf_put(out, "\b", 1); break;
        case 'f': sbuf_put(out, "\f", 1); break;
        case 'n': sbuf_put(out, "\n", 1); break;
        case 'r': sbuf_put(out, "\r", 1); break;
        case 't': sbuf_put(out, "\t", 1); break;
        case 'v': sbuf_put(out, "\v", 1); break;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7':
            cp = (unsigned)(c - '0');
            for (int k = 0; k < 2 && s < end && *s >= '0' && *s <= '7'; k++)
                cp = cp * 8 + (unsigned)(*s++ - '0');
            if (cp > 0377 && warn_bad_escape(p, esc + 1) < 0)
                return -1;
            if (is_bytes) {
                tmp[0] = (char)(cp & 0xFF);
                sbuf_put(out, tmp, 1);
            } else {
                sbuf_put(out, tmp, (size_t)utf8_encode(cp, tmp));
            }
            break;
        case 'x': case 'u': case 'U': {
            int digits = c == 'x' ? 2 : c == 'u' ? 4 : 8;
            if (is_bytes && c != 'x') {
                if (warn_bad_escape(p, esc + 1) < 0)
                    return -1;
                sbuf_put(out, esc, 2);
                break;
            }
            cp = 0;
            int k = 0;
            for (; k < digits && s < end && hexval(*s) >= 0; k++)
                cp = cp * 16 + (unsigned)hexval(*s++);
            if (k < digits) {
                if (is_bytes)
                    snprintf(msg, sizeof msg, "(value error) invalid \\x escape at position %zu", pos);
                else
                    snprintf(msg, sizeof msg,
                             "(unicode error) 'unicodeescape' codec can't decode bytes in position %zu-%zu: truncated \\%c%s escape",
                             pos, pos + (size_t)k + 1, c, c == 'x' ? "XX" : c == 'u' ? "XXXX" : "XXXXXXXX");
                string_error(p, msg);
                return -1;
            }
            if (is_bytes) {
                tmp[0] = (char)cp;
                sbuf_put(out, tmp, 1);
            } else {
                if (cp > 0x10FFFF) {
                    snprintf(msg, sizeof msg,
                             "(unicode error) 'unicodeescape' codec can't decode bytes in position %zu-%zu: illegal Unicode character",
                             pos, pos + 9);
                    string_error(p, msg);
                    return -1;
                }
                sbuf_put(out, tmp, (size_t)utf8_encode(cp, tmp));
            }
            break;
        }
        case 'N':
            if (!is_bytes) {
                const char *name = s + 1, *close = s < end && *s == '{' ? memchr(name, '}', (size_t)(end - name)) : NULL;
                if (!close || close == name) {
                    size_t last = s >= end || *s != '{' ? 1 : close ? (size_t)(close - esc) : (size_t)(end - esc) - 1;
                    snprintf(msg, sizeof msg,
                             "(unicode error) 'unicodeescape' codec can't decode bytes in position %zu-%zu: malformed \\N character escape",
                             pos, pos + last);
                    string_error(p, msg);
                    return -1;
                }
                if (!unicode_lookup_name(name, (size_t)(close - name), &cp)) {
                    snprintf(msg, sizeof msg,
                             "(unicode error) 'unicodeescape' codec can't decode bytes in position %zu-%zu: unknown Unicode character name",
                             pos, pos + (size_t)(close - esc));
                    string_error(p, msg);
                    return -1;
                }
                s = close + 1;
                sbuf_put(out, tmp, (size_t)utf8_encode(cp, tmp));
                break;
            }
            /* not an escape in bytes */
            /* fall through */
        default:
            /* Unknown escapes stay as they are, with a warning, except
               before a non-ASCII character (CPython's decoder has spelled
               it as an escape of its own by then). */
            if ((unsigned char)c < 0x80 && warn_bad_escape(p, esc + 1) < 0)
                return -1;
            sbuf_put(out, esc, 2);
            if ((unsigned char)c >= 0x80) {
                /* keep the rest of a multi-byte character intact */
                while (s < end && ((unsigned char)*s & 0xC0) == 0x80)
                    sbuf_put(out, s++, 1);
            }
            break;
        }
    }
    return 0;
}

void split_string_token(const Token *t, StrToken *st)
{
    const char *s = t->start;
    int i = 0;
    memset(st, 0, sizeof *st);
    while (s[i] != '\'' && s[i] != '"') {
        char c = (char)(s[i] | 32);
        if (c == 'b') st->is_bytes = 1;
        if (c == 'r') st->is_raw = 1;
        if (c == 'f') st->is_f = 1;
        if (c == 'u') st->is_u = 1;
        i++;
    }
    int q = t->len - i >= 6 && s[i + 1] == s[i] && s[i + 2] == s[i] ? 3 : 1;
    st->body = s + i + q;
    st->len = (size_t)(t->len - i - 2 * q);
}

/* One or more adjacent string tokens form one literal. */
Expr *parse_atom_strings(Parser *p)
{
    int first = p->pos;
    while (tk_type(p) == T_STRING)
        p->pos++;
    return concat_strings(p, first, p->pos - 1);
}

Expr *concat_strings(Parser *p, int first, int last)
{
    int bytes = -1, any_f = 0;
    for (int i = first; i <= last; i++) {
        StrToken st;
        split_string_token(&p->toks[i], &st);
        if (bytes >= 0 && bytes != st.is_bytes)
            return syntax_error(p, "cannot mix bytes and nonbytes literals");
        bytes = st.is_bytes;
        any_f |= st.is_f;
    }
    Expr *e = new_expr(p, Expr_Constant, first);
    if (bytes) {
        StrBuf b = {0};
        for (int i = first; i <= last && !p->failed; i++) {
            StrToken st;
            split_string_token(&p->toks[i], &st);
            for (size_t k = 0; k < st.len; k++)
                if ((unsigned char)st.body[k] >= 0x80) {
                    error_at_token(p, &p->toks[i], "bytes can only contain ASCII literal characters");
                    break;
                }
            if (p->failed)
                break;
            p->str_tok = i;
            if (st.is_raw)
                sbuf_put(&b, st.body, st.len);
            else
                decode_escapes(p, st.body, st.len, 1, &b);
        }
        sbuf_put(&b, "", 0);
        e->v.Constant.value.kind = CONST_BYTES;
        e->v.Constant.value.v.str.s = arena_strndup(p->arena, b.data, b.len);
        e->v.Constant.value.v.str.len = b.len;
        free(b.data);
        return p->failed ? NULL : e;
    }
    if (any_f)
        return fstring_concat(p, first, last, e);
    StrBuf b = {0};
    for (int i = first; i <= last && !p->failed; i++) {
        StrToken st;
        split_string_token(&p->toks[i], &st);
        if (st.is_raw || !memchr(st.body, '\\', st.len)) {
            Utf8Error ue;
            if (!utf8_validate(st.body, st.len, &ue)) {
                char msg[200];
                utf8_error_message(&ue, msg, sizeof msg);
                string_error(p, msg);
                break;
            }
            sbuf_put(&b, st.body, st.len);
        } else {
            p->str_tok = i;
            decode_escapes(p, st.body, st.len, 0, &b);
        }
    }
    sbuf_put(&b, "", 0);
    e->v.Constant.value.kind = CONST_STR;
    e->v.Constant.value.v.str.s = arena_strndup(p->arena, b.data, b.len);
    e->v.Constant.value.v.str.len = b.len;
    if (*p->toks[first].start == 'u')
        e->v.Constant.kind = "u";
    free(b.data);
    return p->failed ? NULL : e;
}
