/* Character names, for "\N{...}" escapes: see tools/gen_unicodenames.py,
 * which generates the tables, and unicodedb_lookup.c, which searches them.
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

/* The code point named name[0..n) (any case), as "\N{name}" accepts it;
   returns 0 if there is none. */
int unicode_lookup_name(const char *name, size_t n, unsigned *cp);

#endif
