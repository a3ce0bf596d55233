/* Character names, for "\N{...}" escapes and the unicodedata module: see
 * tools/gen_unicodenames.py, which generates the tables, and
 * unicodedb_lookup.c, which searches them.
 */
#ifndef STMPY_UNICODEDB_NAMES_H
#define STMPY_UNICODEDB_NAMES_H

#include <stddef.h>
#include <stdint.h>

typedef struct UniNameRange {
    int prefix;
    uint32_t first, last;
} UniNameRange;

extern const char *const uni_rule_prefixes[];
extern const int uni_rule_prefix_count;
extern const UniNameRange uni_name_ranges[];
extern const int uni_name_range_count;
extern const char uni_name_blob[];
extern const uint32_t uni_name_offsets[];
extern const uint32_t uni_name_codes[];
extern const int uni_name_count;
extern const uint32_t uni_name_by_code[];
extern const int uni_name_by_code_count;

typedef struct UniNamedSequence {
    const char *name;
    uint32_t first, length;     /* in uni_named_sequence_cps */
} UniNamedSequence;
extern const UniNamedSequence uni_named_sequences[];
extern const int uni_named_sequence_count;
extern const uint32_t uni_named_sequence_cps[];

/* The code point named name[0..n) (any case), as "\N{name}" accepts it;
   returns 0 if there is none. */
int unicode_lookup_name(const char *name, size_t n, unsigned *cp);

/* The named sequence called name[0..n) (any case), as unicodedata.lookup()
   accepts it: 1 with its code points, 0 if there is none. */
int unicode_lookup_sequence(const char *name, size_t n, const uint32_t **cps, size_t *len);

/* The name of cp (NUL-terminated in buf), as unicodedata.name() gives it:
   its length, or 0 if cp has none. */
size_t unicode_name_of(uint32_t cp, char *buf, size_t size);

#endif
