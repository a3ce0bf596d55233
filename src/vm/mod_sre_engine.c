/*
** The matcher of the _sre module: a backtracking interpreter of the code
** words that re/_compiler.py produces (opcode numbers of re/_constants.py,
** MAGIC 20220615).  It follows CPython's model: matching at a code
** position means matching the rest of the pattern, up to a SUCCESS, so
** BRANCH and the repeats try each choice by calling the matcher on the
** rest and restore the group marks when a choice fails.
**
** Choice points recurse in C; the depth is bounded by the thread's C stack
** budget and a pattern that goes deeper raises RecursionError instead of
** overflowing the stack.
*/
#include <string.h>

#include "vm/mod_sre.h"
#include "vm/unicodedb.h"

enum {
    OP_FAILURE, OP_SUCCESS, OP_ANY, OP_ANY_ALL, OP_ASSERT, OP_ASSERT_NOT, OP_AT, OP_BRANCH,
    OP_CATEGORY, OP_CHARSET, OP_BIGCHARSET, OP_GROUPREF, OP_GROUPREF_EXISTS, OP_IN, OP_INFO,
    OP_JUMP, OP_LITERAL, OP_MARK, OP_MAX_UNTIL, OP_MIN_UNTIL, OP_NOT_LITERAL, OP_NEGATE,
    OP_RANGE, OP_REPEAT, OP_REPEAT_ONE, OP_SUBPATTERN, OP_MIN_REPEAT_ONE, OP_ATOMIC_GROUP,
    OP_POSSESSIVE_REPEAT, OP_POSSESSIVE_REPEAT_ONE, OP_GROUPREF_IGNORE, OP_IN_IGNORE,
    OP_LITERAL_IGNORE, OP_NOT_LITERAL_IGNORE, OP_GROUPREF_LOC_IGNORE, OP_IN_LOC_IGNORE,
    OP_LITERAL_LOC_IGNORE, OP_NOT_LITERAL_LOC_IGNORE, OP_GROUPREF_UNI_IGNORE, OP_IN_UNI_IGNORE,
    OP_LITERAL_UNI_IGNORE, OP_NOT_LITERAL_UNI_IGNORE, OP_RANGE_UNI_IGNORE,
};

enum {
    AT_BEGINNING, AT_BEGINNING_LINE, AT_BEGINNING_STRING, AT_BOUNDARY, AT_NON_BOUNDARY,
    AT_END, AT_END_LINE, AT_END_STRING, AT_LOC_BOUNDARY, AT_LOC_NON_BOUNDARY,
    AT_UNI_BOUNDARY, AT_UNI_NON_BOUNDARY,
};

enum {
    CH_DIGIT, CH_NOT_DIGIT, CH_SPACE, CH_NOT_SPACE, CH_WORD, CH_NOT_WORD, CH_LINEBREAK,
    CH_NOT_LINEBREAK, CH_LOC_WORD, CH_LOC_NOT_WORD, CH_UNI_DIGIT, CH_UNI_NOT_DIGIT,
    CH_UNI_SPACE, CH_UNI_NOT_SPACE, CH_UNI_WORD, CH_UNI_NOT_WORD, CH_UNI_LINEBREAK,
    CH_UNI_NOT_LINEBREAK,
};

/* ---- characters ---------------------------------------------------------------- */

uint32_t sre_lower_ascii(uint32_t c) { return c < 128 && c >= 'A' && c <= 'Z' ? c + 32 : c; }
static uint32_t upper_ascii(uint32_t c) { return c >= 'a' && c <= 'z' ? c - 32 : c; }

/* CPython's simple case mappings are the first code point of the full
   ones, which is what its extended-case table keeps. */
uint32_t sre_lower_unicode(uint32_t c)
{
    uint32_t out[3];
    return uni_to_lower(c, out) > 0 ? out[0] : c;
}
uint32_t sre_upper_unicode(uint32_t c)
{
    uint32_t out[3];
    return uni_to_upper(c, out) > 0 ? out[0] : c;
}

static bool is_ascii_digit(uint32_t c) { return c >= '0' && c <= '9'; }
static bool is_ascii_space(uint32_t c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
static bool is_ascii_word(uint32_t c)
{
    return c < 128 && (is_ascii_digit(c) || (c | 32) - 'a' < 26 || c == '_');
}
static bool is_uni_word(uint32_t c)
{
    return c == '_' || uni_has(c, UNI_F_ALPHA | UNI_F_DECIMAL | UNI_F_DIGIT | UNI_F_NUMERIC);
}

static bool category(uint32_t cat, uint32_t c)
{
    switch (cat) {
    case CH_DIGIT: return is_ascii_digit(c);
    case CH_NOT_DIGIT: return !is_ascii_digit(c);
    case CH_SPACE: return is_ascii_space(c);
    case CH_NOT_SPACE: return !is_ascii_space(c);
    case CH_WORD: case CH_LOC_WORD: return is_ascii_word(c);
    case CH_NOT_WORD: case CH_LOC_NOT_WORD: return !is_ascii_word(c);
    case CH_LINEBREAK: return c == '\n';
    case CH_NOT_LINEBREAK: return c != '\n';
    case CH_UNI_DIGIT: return uni_has(c, UNI_F_DECIMAL);
    case CH_UNI_NOT_DIGIT: return !uni_has(c, UNI_F_DECIMAL);
    case CH_UNI_SPACE: return uni_has(c, UNI_F_SPACE);
    case CH_UNI_NOT_SPACE: return !uni_has(c, UNI_F_SPACE);
    case CH_UNI_WORD: return is_uni_word(c);
    case CH_UNI_NOT_WORD: return !is_uni_word(c);
    case CH_UNI_LINEBREAK: return uni_has(c, UNI_F_LINEBREAK);
    case CH_UNI_NOT_LINEBREAK: return !uni_has(c, UNI_F_LINEBREAK);
    }
    return false;
}

/* Whether c is in the set that starts at `set` (ended by FAILURE). */
static bool in_charset(const uint32_t *set, uint32_t c)
{
    bool ok = true;
    for (;;) {
        switch (*set++) {
        case OP_FAILURE:
            return !ok;
        case OP_LITERAL:
            if (c == set[0])
                return ok;
            set++;
            break;
        case OP_CATEGORY:
            if (category(set[0], c))
                return ok;
            set++;
            break;
        case OP_CHARSET:
            if (c < 256 && (set[c >> 5] & (1u << (c & 31))))
                return ok;
            set += 8;
            break;
        case OP_RANGE:
            if (set[0] <= c && c <= set[1])
                return ok;
            set += 2;
            break;
        case OP_RANGE_UNI_IGNORE: {
            if (set[0] <= c && c <= set[1])
                return ok;
            uint32_t u = sre_upper_unicode(c);
            if (set[0] <= u && u <= set[1])
                return ok;
            set += 2;
            break;
        }
        case OP_NEGATE:
            ok = !ok;
            break;
        case OP_BIGCHARSET: {
            uint32_t count = *set++;
            if (c < 65536) {
                /* 256 block numbers packed in bytes, then the blocks */
                unsigned block = ((const unsigned char *)set)[c >> 8];
                const uint32_t *bits = set + 64 + block * 8;
                if (bits[(c & 255) >> 5] & (1u << (c & 31)))
                    return ok;
            }
            set += 64 + count * 8;
            break;
        }
        default:
            return false;
        }
    }
}

static bool in_charset_loc(const uint32_t *set, uint32_t c)
{
    if (in_charset(set, c))
        return true;
    uint32_t l = sre_lower_ascii(c), u = upper_ascii(c);
    return (l != c && in_charset(set, l)) || (u != c && in_charset(set, u));
}

/* ---- state ------------------------------------------------------------------------ */

static inline uint32_t ch_at(SreState *st, intptr_t i) { return kind_get(st->data, st->kind, (size_t)i); }

typedef struct Repeat {
    const uint32_t *pc;         /* the REPEAT word */
    intptr_t count, last_pos;
    struct Repeat *prev;
} Repeat;

static bool word_at(SreState *st, intptr_t i, int flavour)
{
    uint32_t c = ch_at(st, i);
    return flavour == 2 ? is_uni_word(c) : is_ascii_word(c);
}

static bool at(SreState *st, intptr_t pos, uint32_t code)
{
    int flavour = 0;
    switch (code) {
    case AT_BEGINNING: case AT_BEGINNING_STRING:
        return pos == 0;
    case AT_BEGINNING_LINE:
        return pos == 0 || ch_at(st, pos - 1) == '\n';
    case AT_END:
        return pos == st->end || (pos + 1 == st->end && ch_at(st, pos) == '\n');
    case AT_END_LINE:
        return pos == st->end || ch_at(st, pos) == '\n';
    case AT_END_STRING:
        return pos == st->end;
    case AT_UNI_BOUNDARY: case AT_UNI_NON_BOUNDARY:
        flavour = 2;
        break;
    default:
        break;
    }
    if (st->end == 0)
        return false;
    bool that = pos > 0 && word_at(st, pos - 1, flavour);
    bool this = pos < st->end && word_at(st, pos, flavour);
    bool boundary = code == AT_BOUNDARY || code == AT_LOC_BOUNDARY || code == AT_UNI_BOUNDARY;
    return boundary ? this != that : this == that;
}

/* One character against a single-character item (the body of REPEAT_ONE
   and friends): 1, 0, or -1 when the item is no single-character op. */
static int char_item(const uint32_t *item, uint32_t c)
{
    switch (item[0]) {
    case OP_ANY: return c != '\n';
    case OP_ANY_ALL: return 1;
    case OP_LITERAL: return c == item[1];
    case OP_NOT_LITERAL: return c != item[1];
    case OP_LITERAL_IGNORE: return sre_lower_ascii(c) == item[1];
    case OP_NOT_LITERAL_IGNORE: return sre_lower_ascii(c) != item[1];
    case OP_LITERAL_UNI_IGNORE: return sre_lower_unicode(c) == item[1];
    case OP_NOT_LITERAL_UNI_IGNORE: return sre_lower_unicode(c) != item[1];
    case OP_LITERAL_LOC_IGNORE:
        return c == item[1] || sre_lower_ascii(c) == item[1] || upper_ascii(c) == item[1];
    case OP_NOT_LITERAL_LOC_IGNORE:
        return !(c == item[1] || sre_lower_ascii(c) == item[1] || upper_ascii(c) == item[1]);
    case OP_CATEGORY: return category(item[1], c);
    case OP_IN: return in_charset(item + 2, c);
    case OP_IN_IGNORE: return in_charset(item + 2, sre_lower_ascii(c));
    case OP_IN_UNI_IGNORE: return in_charset(item + 2, sre_lower_unicode(c));
    case OP_IN_LOC_IGNORE: return in_charset_loc(item + 2, c);
    }
    return -1;
}

static int match(SreState *st, const uint32_t *pc, intptr_t pos, bool toplevel, Repeat *rep);

/* How many times, up to max, the item matches from pos on. */
static intptr_t count_item(SreState *st, const uint32_t *item, intptr_t pos, uint32_t max)
{
    intptr_t limit = st->end - pos;
    if (max != SRE_MAXREPEAT && (intptr_t)max < limit)
        limit = (intptr_t)max;
    intptr_t n = 0;
    if (char_item(item, 0) >= 0) {
        while (n < limit && char_item(item, ch_at(st, pos + n)) == 1)
            n++;
        return n;
    }
    /* Anything else is matched as a sub-pattern ended by SUCCESS. */
    while (n < limit) {
        int r = match(st, item, pos + n, false, NULL);
        if (r < 0)
            return -1;
        if (!r)
            break;
        n++;
    }
    return n;
}

static bool stack_exhausted(void)
{
    char probe;
    return (size_t)(vm_thread->stack_high - &probe) > vm_thread->stack_budget;
}

#define SAVE_MARKS(name) \
    intptr_t name[st->nmarks ? st->nmarks : 1]; \
    intptr_t name##_last = st->lastindex; \
    memcpy(name, st->marks, st->nmarks * sizeof(intptr_t))
#define RESTORE_MARKS(name) \
    (memcpy(st->marks, name, st->nmarks * sizeof(intptr_t)), st->lastindex = name##_last)

static bool group_span(SreState *st, uint32_t g, intptr_t *a, intptr_t *b)
{
    if (2 * g + 1 >= (uint32_t)st->nmarks)
        return false;
    *a = st->marks[2 * g];
    *b = st->marks[2 * g + 1];
    return *a >= 0 && *b >= 0 && *a <= *b;
}

static uint32_t fold(uint32_t op, uint32_t c)
{
    switch (op) {
    case OP_GROUPREF_IGNORE: case OP_GROUPREF_LOC_IGNORE: return sre_lower_ascii(c);
    case OP_GROUPREF_UNI_IGNORE: return sre_lower_unicode(c);
    }
    return c;
}

/* 1 when the rest of the pattern from pc matches at pos (st->ptr is then
   where it ended), 0 when not, -1 with an exception. */
static int match(SreState *st, const uint32_t *pc, intptr_t pos, bool toplevel, Repeat *rep)
{
    if (stack_exhausted()) {
        raise(vm.e_RecursionError, "maximum recursion depth exceeded in regular expression");
        return -1;
    }
    int r;
    for (;;) {
        uint32_t op = pc[0];
        switch (op) {
        case OP_FAILURE:
            return 0;
        case OP_SUCCESS:
            if (toplevel && ((st->match_all && pos != st->end)
                             || (st->must_advance && pos == st->start)))
                return 0;
            st->ptr = pos;
            return 1;
        case OP_INFO: case OP_JUMP:
            pc += 1 + pc[1];
            break;
        case OP_AT:
            if (!at(st, pos, pc[1]))
                return 0;
            pc += 2;
            break;
        case OP_ANY: case OP_ANY_ALL: case OP_LITERAL: case OP_NOT_LITERAL:
        case OP_LITERAL_IGNORE: case OP_NOT_LITERAL_IGNORE: case OP_LITERAL_UNI_IGNORE:
        case OP_NOT_LITERAL_UNI_IGNORE: case OP_LITERAL_LOC_IGNORE:
        case OP_NOT_LITERAL_LOC_IGNORE: case OP_CATEGORY:
            if (pos >= st->end || !char_item(pc, ch_at(st, pos)))
                return 0;
            pos++;
            pc += op <= OP_ANY_ALL ? 1 : 2;
            break;
        case OP_IN: case OP_IN_IGNORE: case OP_IN_UNI_IGNORE: case OP_IN_LOC_IGNORE:
            if (pos >= st->end || !char_item(pc, ch_at(st, pos)))
                return 0;
            pos++;
            pc += 1 + pc[1];
            break;
        case OP_MARK: {
            uint32_t i = pc[1];
            if (i & 1)
                st->lastindex = i / 2 + 1;
            if ((intptr_t)i < st->nmarks)
                st->marks[i] = pos;
            pc += 2;
            break;
        }
        case OP_GROUPREF: case OP_GROUPREF_IGNORE: case OP_GROUPREF_UNI_IGNORE:
        case OP_GROUPREF_LOC_IGNORE: {
            intptr_t a, b;
            if (!group_span(st, pc[1], &a, &b))
                return 0;
            if (b - a > st->end - pos)
                return 0;
            for (intptr_t k = 0; k < b - a; k++)
                if (fold(op, ch_at(st, a + k)) != fold(op, ch_at(st, pos + k)))
                    return 0;
            pos += b - a;
            pc += 2;
            break;
        }
        case OP_GROUPREF_EXISTS: {
            intptr_t a, b;
            pc = group_span(st, pc[1], &a, &b) ? pc + 3 : pc + 1 + pc[2];
            break;
        }
        case OP_ASSERT: case OP_ASSERT_NOT: {
            intptr_t back = (intptr_t)pc[2];
            bool ok = false;
            if (pos - back >= 0) {
                SAVE_MARKS(saved);
                r = match(st, pc + 3, pos - back, false, rep);
                if (r < 0)
                    return -1;
                ok = r == 1;
                if (op == OP_ASSERT_NOT || !ok)
                    RESTORE_MARKS(saved);
            }
            if (ok != (op == OP_ASSERT))
                return 0;
            pc += 1 + pc[1];
            break;
        }
        case OP_BRANCH: {
            SAVE_MARKS(saved);
            for (const uint32_t *alt = pc + 1; *alt; alt += *alt) {
                r = match(st, alt + 1, pos, toplevel, rep);
                if (r)
                    return r;
                RESTORE_MARKS(saved);
            }
            return 0;
        }
        case OP_REPEAT_ONE: case OP_MIN_REPEAT_ONE: case OP_POSSESSIVE_REPEAT_ONE: {
            uint32_t min = pc[2], max = pc[3];
            const uint32_t *tail = pc + 1 + pc[1];
            if ((intptr_t)min > st->end - pos)
                return 0;
            if (op == OP_MIN_REPEAT_ONE) {
                intptr_t n = min ? count_item(st, pc + 4, pos, min) : 0;
                if (n < 0)
                    return -1;
                if (n < (intptr_t)min)
                    return 0;
                SAVE_MARKS(saved);
                for (;;) {
                    r = match(st, tail, pos + n, toplevel, rep);
                    if (r)
                        return r;
                    RESTORE_MARKS(saved);
                    if (max != SRE_MAXREPEAT && n >= (intptr_t)max)
                        return 0;
                    intptr_t one = count_item(st, pc + 4, pos + n, 1);
                    if (one <= 0)
                        return (int)one;
                    n++;
                }
            }
            intptr_t n = count_item(st, pc + 4, pos, max);
            if (n < 0)
                return -1;
            if (n < (intptr_t)min)
                return 0;
            if (op == OP_POSSESSIVE_REPEAT_ONE) {
                pos += n;
                pc = tail;
                break;
            }
            SAVE_MARKS(saved);
            for (; n >= (intptr_t)min; n--) {
                r = match(st, tail, pos + n, toplevel, rep);
                if (r)
                    return r;
                RESTORE_MARKS(saved);
            }
            return 0;
        }
        case OP_REPEAT: {
            Repeat ctx = { pc, -1, -1, rep };
            return match(st, pc + 1 + pc[1], pos, toplevel, &ctx);
        }
        case OP_MAX_UNTIL: case OP_MIN_UNTIL: {
            if (!rep) {
                raise(vm.e_RuntimeError, "internal error in regular expression engine");
                return -1;
            }
            intptr_t count = rep->count + 1;
            uint32_t min = rep->pc[2], max = rep->pc[3];
            const uint32_t *body = rep->pc + 4;
            bool more = (max == SRE_MAXREPEAT || count < (intptr_t)max) && pos != rep->last_pos;
            if (count < (intptr_t)min) {
                rep->count = count;
                r = match(st, body, pos, toplevel, rep);
                if (r)
                    return r;
                rep->count = count - 1;
                return 0;
            }
            SAVE_MARKS(saved);
            for (int phase = 0; phase < 2; phase++) {
                if ((phase == 0) == (op == OP_MAX_UNTIL)) {
                    if (!more)
                        continue;
                    intptr_t old_last = rep->last_pos;
                    rep->count = count;
                    rep->last_pos = pos;
                    r = match(st, body, pos, toplevel, rep);
                    rep->last_pos = old_last;
                    rep->count = count - 1;
                } else {
                    r = match(st, pc + 1, pos, toplevel, rep->prev);
                }
                if (r)
                    return r;
                RESTORE_MARKS(saved);
            }
            return 0;
        }
        case OP_ATOMIC_GROUP: {
            r = match(st, pc + 2, pos, false, rep);
            if (r <= 0)
                return r;
            pos = st->ptr;
            pc += 1 + pc[1];
            break;
        }
        case OP_POSSESSIVE_REPEAT: {
            uint32_t min = pc[2], max = pc[3];
            intptr_t count = 0;
            while (max == SRE_MAXREPEAT || count < (intptr_t)max) {
                SAVE_MARKS(saved);
                r = match(st, pc + 4, pos, false, rep);
                if (r < 0)
                    return -1;
                if (!r) {
                    RESTORE_MARKS(saved);
                    break;
                }
                if (st->ptr == pos && count >= (intptr_t)min)
                    break;
                pos = st->ptr;
                count++;
            }
            if (count < (intptr_t)min)
                return 0;
            /* the skip leads to the body's SUCCESS */
            pc += 2 + pc[1];
            break;
        }
        default:
            raise(vm.e_NotImplementedError, "_sre: unsupported opcode %u", (unsigned)op);
            return -1;
        }
    }
}

static void reset(SreState *st)
{
    for (intptr_t i = 0; i < st->nmarks; i++)
        st->marks[i] = -1;
    st->lastindex = -1;
}

int sre_match_at(SreState *st, bool match_all)
{
    reset(st);
    st->match_all = match_all;
    if (st->start > st->end)
        return 0;
    return match(st, st->code, st->start, true, NULL);
}

int sre_search(SreState *st)
{
    st->match_all = false;
    for (intptr_t s = st->start; s <= st->end; s++) {
        reset(st);
        st->start = s;
        int r = match(st, st->code, s, true, NULL);
        if (r)
            return r;
        st->must_advance = false;
    }
    return 0;
}
