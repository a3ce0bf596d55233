/* Looking up a character by name (case-insensitive, as CPython does for
 * "\N{...}"), and a character's name: the generated list, names made by
 * rule from a prefix and the code point in hex, and Hangul syllables, whose
 * names are made of the short names of their jamo.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/unicodedb_names.h"

static const char *const jamo_l[] = {"G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S",
                                     "SS", "", "J", "JJ", "C", "K", "T", "P", "H"};
static const char *const jamo_v[] = {"A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE",
                                     "OE", "YO", "U", "WEO", "WE", "WI", "YU", "EU", "YI", "I"};
static const char *const jamo_t[] = {"", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG",
                                     "LM", "LB", "LS", "LT", "LP", "LH", "M", "B", "BS", "S",
                                     "SS", "NG", "J", "C", "K", "T", "P", "H"};

static int hangul(const char *s, size_t n, unsigned *cp)
{
    for (int l = 0; l < 19; l++) {
        size_t ll = strlen(jamo_l[l]);
        if (ll > n || memcmp(s, jamo_l[l], ll))
            continue;
        for (int v = 0; v < 21; v++) {
            size_t vl = strlen(jamo_v[v]);
            if (ll + vl > n || memcmp(s + ll, jamo_v[v], vl))
                continue;
            for (int t = 0; t < 28; t++) {
                size_t tl = strlen(jamo_t[t]);
                if (ll + vl + tl == n && !memcmp(s + ll + vl, jamo_t[t], tl)) {
                    *cp = 0xAC00 + (unsigned)((l * 21 + v) * 28 + t);
                    return 1;
                }
            }
        }
    }
    return 0;
}

static int by_rule(const char *s, size_t n, unsigned *cp)
{
    for (int i = 0; i < uni_rule_prefix_count; i++) {
        size_t pl = strlen(uni_rule_prefixes[i]);
        if (n <= pl || n > pl + 6 || memcmp(s, uni_rule_prefixes[i], pl))
            continue;
        unsigned v = 0;
        for (size_t k = pl; k < n; k++) {
            if (!isxdigit((unsigned char)s[k]) || islower((unsigned char)s[k]))
                return 0;
            v = v * 16 + (unsigned)(isdigit((unsigned char)s[k]) ? s[k] - '0' : s[k] - 'A' + 10);
        }
        if (n - pl < 4)
            return 0;
        for (int r = 0; r < uni_name_range_count; r++)
            if (uni_name_ranges[r].prefix == i && v >= uni_name_ranges[r].first && v <= uni_name_ranges[r].last) {
                *cp = v;
                return 1;
            }
        return 0;
    }
    return 0;
}

static int listed(const char *s, size_t n, unsigned *cp)
{
    int lo = 0, hi = uni_name_count;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        const char *name = uni_name_blob + uni_name_offsets[mid];
        size_t len = (size_t)(strchr(name, '\n') - name);
        int c = memcmp(name, s, len < n ? len : n);
        if (!c)
            c = len < n ? -1 : len > n;
        if (!c) {
            *cp = uni_name_codes[mid];
            return 1;
        }
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

/* Listed names compare without regard to case; as in CPython, names made
   by rule (Hangul syllables, "CJK UNIFIED IDEOGRAPH-4E00", ...) must be
   upper case. */
int unicode_lookup_name(const char *name, size_t n, unsigned *cp)
{
    char buf[128];
    if (n >= sizeof buf)
        return 0;
    for (size_t i = 0; i < n; i++)
        buf[i] = (char)toupper((unsigned char)name[i]);
    static const char hangul_prefix[] = "HANGUL SYLLABLE ";
    size_t hp = sizeof hangul_prefix - 1;
    if (n > hp && !memcmp(name, hangul_prefix, hp))
        return hangul(name + hp, n - hp, cp);
    return by_rule(name, n, cp) || listed(buf, n, cp);
}

int unicode_lookup_sequence(const char *name, size_t n, const uint32_t **cps, size_t *len)
{
    int lo = 0, hi = uni_named_sequence_count;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        const UniNamedSequence *s = &uni_named_sequences[mid];
        size_t sl = strlen(s->name);
        int c = 0;
        for (size_t i = 0; i < sl && i < n && !c; i++)
            c = (unsigned char)s->name[i] - toupper((unsigned char)name[i]);
        if (!c)
            c = sl < n ? -1 : sl > n;
        if (!c) {
            *cps = &uni_named_sequence_cps[s->first];
            *len = s->length;
            return 1;
        }
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

size_t unicode_name_of(uint32_t cp, char *buf, size_t size)
{
    int n = 0;
    if (cp >= 0xAC00 && cp <= 0xD7A3) {
        unsigned s = cp - 0xAC00;
        n = snprintf(buf, size, "HANGUL SYLLABLE %s%s%s", jamo_l[s / (21 * 28)],
                     jamo_v[s % (21 * 28) / 28], jamo_t[s % 28]);
        return n > 0 && (size_t)n < size ? (size_t)n : 0;
    }
    for (int r = 0; r < uni_name_range_count; r++)
        if (cp >= uni_name_ranges[r].first && cp <= uni_name_ranges[r].last) {
            n = snprintf(buf, size, "%s%04X", uni_rule_prefixes[uni_name_ranges[r].prefix], cp);
            return n > 0 && (size_t)n < size ? (size_t)n : 0;
        }
    int lo = 0, hi = uni_name_by_code_count;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        uint32_t i = uni_name_by_code[mid];
        if (uni_name_codes[i] == cp) {
            const char *name = uni_name_blob + uni_name_offsets[i];
            size_t len = (size_t)(strchr(name, '\n') - name);
            if (len >= size)
                return 0;
            memcpy(buf, name, len);
            buf[len] = 0;
            return len;
        }
        if (uni_name_codes[i] < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}
