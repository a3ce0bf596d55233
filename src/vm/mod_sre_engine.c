/*
** The matcher of the _sre module: a backtracking interpreter of the code
** words that re/_compiler.py produces (opcode numbers of re/_constants.py,
** MAGIC 20220615).  It follows CPython's model: matching at a code
** position means matching the rest of the pattern, up to a SUCCESS, so
** BRANCH and the repeats push a choice point, try one choice on the rest
** of the pattern, and on failure restore the group marks and try the next.
**
** The choice points are kept in malloc'ed stacks, not in C frames, so a
** pattern backtracks as deep as memory allows without touching the C
** stack (only the rare complex item of REPEAT_ONE nests one call).
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

static int match(SreState *st, const uint32_t *pc, intptr_t pos, bool toplevel);

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
        int r = match(st, item, pos + n, false);
        if (r < 0)
            return -1;
        if (!r)
            break;
        n++;
    }
    return n;
}

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

/* The backtracking state lives in malloc'ed stacks, not in C frames, so
   that a pattern may backtrack as deep as memory allows. */
typedef struct Repeat {
    const uint32_t *pc;         /* the REPEAT word */
    intptr_t count, last_pos;
    intptr_t prev;              /* index of the enclosing repeat, -1: none */
} Repeat;

/* A choice point waiting for the result of the sub-match it started. */
typedef struct Choice {
    const uint32_t *pc;         /* the op that made it */
    intptr_t pos, rep;          /* position and repeat context at that op */
    intptr_t n;                 /* count, alternative offset or phase */
    intptr_t aux;               /* MAX/MIN_UNTIL: the count of this iteration */
    intptr_t last;              /* MAX/MIN_UNTIL: last_pos before the body */
    size_t marks_at;            /* its saved marks on the marks stack */
    size_t repeats_at;          /* repeats stack height to restore */
    bool toplevel;
} Choice;

typedef struct Stacks {
    Choice *ch;
    size_t nch, capch;
    intptr_t *marks;
    size_t nmarks, capmarks;
    Repeat *rep;
    size_t nrep, caprep;
    Choice ch0[8];
    intptr_t marks0[64];
    Repeat rep0[4];
} Stacks;

/* The stacks start in small buffers on the C stack (`first`), so that
   the many short match attempts of a search need no malloc. */
static bool grow(void **p, size_t *cap, size_t need, size_t size, void *first)
{
    if (need <= *cap)
        return true;
    size_t c = *cap * 2;
    while (c < need)
        c *= 2;
    void *q = *p == first ? malloc(c * size) : realloc(*p, c * size);
    if (!q)
        return false;
    if (*p == first)
        memcpy(q, first, *cap * size);
    *p = q;
    *cap = c;
    return true;
}

static void stacks_free(Stacks *k)
{
    if (k->ch != k->ch0)
        free(k->ch);
    if (k->marks != k->marks0)
        free(k->marks);
    if (k->rep != k->rep0)
        free(k->rep);
}

static bool save_marks(SreState *st, Stacks *k)
{
    if (!grow((void **)&k->marks, &k->capmarks, k->nmarks + st->nmarks + 1, sizeof(intptr_t),
              k->marks0))
        return false;
    memcpy(k->marks + k->nmarks, st->marks, st->nmarks * sizeof(intptr_t));
    k->marks[k->nmarks + st->nmarks] = st->lastindex;
    k->nmarks += st->nmarks + 1;
    return true;
}

static void restore_marks(SreState *st, Stacks *k, size_t at)
{
    memcpy(st->marks, k->marks + at, st->nmarks * sizeof(intptr_t));
    st->lastindex = k->marks[at + st->nmarks];
}

/* 1 when the pattern from pc matches at pos (st->ptr is then where it
   ended), 0 when not, -1 with an exception. */
static int match(SreState *st, const uint32_t *pc, intptr_t pos, bool toplevel)
{
    Stacks k;
    k.ch = k.ch0;
    k.marks = k.marks0;
    k.rep = k.rep0;
    k.nch = k.nmarks = k.nrep = 0;
    k.capch = sizeof k.ch0 / sizeof k.ch0[0];
    k.capmarks = sizeof k.marks0 / sizeof k.marks0[0];
    k.caprep = sizeof k.rep0 / sizeof k.rep0[0];
    intptr_t rep = -1;
    Choice *c;
    int r;

/* Starts the sub-match at (PC, POS) with a choice point that resumes as
   its op says when the sub-match is decided. */
#define CALL(PC, POS, TOP, REP) \
    do { \
        const uint32_t *pc_ = (PC); \
        intptr_t pos_ = (POS), rep_ = (REP); \
        toplevel = (TOP); \
        pc = pc_; \
        pos = pos_; \
        rep = rep_; \
        goto dispatch; \
    } while (0)
#define PUSH(N, AUX, SAVE) \
    do { \
        if (!grow((void **)&k.ch, &k.capch, k.nch + 1, sizeof(Choice), k.ch0)) \
            goto nomem; \
        c = &k.ch[k.nch++]; \
        *c = (Choice){ pc, pos, rep, (N), (AUX), -1, k.nmarks, k.nrep, toplevel }; \
        if ((SAVE) && !save_marks(st, &k)) \
            goto nomem; \
    } while (0)
#define RETURN(R) do { r = (R); goto resume; } while (0)

dispatch:
    for (;;) {
        uint32_t op = pc[0];
        switch (op) {
        case OP_FAILURE:
            RETURN(0);
        case OP_SUCCESS:
            if (toplevel && ((st->match_all && pos != st->end)
                             || (st->must_advance && pos == st->start)))
                RETURN(0);
            st->ptr = pos;
            RETURN(1);
        case OP_INFO: case OP_JUMP:
            pc += 1 + pc[1];
            break;
        case OP_AT:
            if (!at(st, pos, pc[1]))
                RETURN(0);
            pc += 2;
            break;
        case OP_ANY: case OP_ANY_ALL: case OP_LITERAL: case OP_NOT_LITERAL:
        case OP_LITERAL_IGNORE: case OP_NOT_LITERAL_IGNORE: case OP_LITERAL_UNI_IGNORE:
        case OP_NOT_LITERAL_UNI_IGNORE: case OP_LITERAL_LOC_IGNORE:
        case OP_NOT_LITERAL_LOC_IGNORE: case OP_CATEGORY:
            if (pos >= st->end || !char_item(pc, ch_at(st, pos)))
                RETURN(0);
            pos++;
            pc += op <= OP_ANY_ALL ? 1 : 2;
            break;
        case OP_IN: case OP_IN_IGNORE: case OP_IN_UNI_IGNORE: case OP_IN_LOC_IGNORE:
            if (pos >= st->end || !char_item(pc, ch_at(st, pos)))
                RETURN(0);
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
            if (!group_span(st, pc[1], &a, &b) || b - a > st->end - pos)
                RETURN(0);
            for (intptr_t j = 0; j < b - a; j++)
                if (fold(op, ch_at(st, a + j)) != fold(op, ch_at(st, pos + j)))
                    RETURN(0);
            pos += b - a;
            pc += 2;
            break;
        }
        case OP_GROUPREF_EXISTS: {
            intptr_t a, b;
            pc = group_span(st, pc[1], &a, &b) ? pc + 3 : pc + 1 + pc[2];
            break;
        }
        case OP_ASSERT: case OP_ASSERT_NOT:
            if (pos - (intptr_t)pc[2] < 0) {
                if (op == OP_ASSERT)
                    RETURN(0);
                pc += 1 + pc[1];
                break;
            }
            PUSH(0, 0, true);
            CALL(pc + 3, pos - (intptr_t)pc[2], false, rep);
        case OP_BRANCH:
            if (!pc[1])
                RETURN(0);
            PUSH(1, 0, true);
            CALL(pc + 2, pos, toplevel, rep);
        case OP_REPEAT_ONE: case OP_POSSESSIVE_REPEAT_ONE: {
            uint32_t min = pc[2];
            if ((intptr_t)min > st->end - pos)
                RETURN(0);
            intptr_t n = count_item(st, pc + 4, pos, pc[3]);
            if (n < 0)
                goto error;
            if (n < (intptr_t)min)
                RETURN(0);
            if (op == OP_POSSESSIVE_REPEAT_ONE) {
                pos += n;
                pc += 1 + pc[1];
                break;
            }
            PUSH(n, 0, true);
            CALL(pc + 1 + pc[1], pos + n, toplevel, rep);
        }
        case OP_MIN_REPEAT_ONE: {
            uint32_t min = pc[2];
            if ((intptr_t)min > st->end - pos)
                RETURN(0);
            intptr_t n = min ? count_item(st, pc + 4, pos, min) : 0;
            if (n < 0)
                goto error;
            if (n < (intptr_t)min)
                RETURN(0);
            PUSH(n, 0, true);
            CALL(pc + 1 + pc[1], pos + n, toplevel, rep);
        }
        case OP_REPEAT: {
            PUSH(0, 0, false);
            if (!grow((void **)&k.rep, &k.caprep, k.nrep + 1, sizeof(Repeat), k.rep0))
                goto nomem;
            k.rep[k.nrep] = (Repeat){ pc, -1, -1, rep };
            CALL(pc + 1 + pc[1], pos, toplevel, (intptr_t)k.nrep++);
        }
        case OP_MAX_UNTIL: case OP_MIN_UNTIL: {
            if (rep < 0) {
                raise(vm.e_RuntimeError, "internal error in regular expression engine");
                goto error;
            }
            Repeat *rp = &k.rep[rep];
            intptr_t count = rp->count + 1;
            if (count < (intptr_t)rp->pc[2]) {
                rp->count = count;
                PUSH(-1, count, false);
                CALL(rp->pc + 4, pos, toplevel, rep);
            }
            /* phases: 0 tries one more iteration of the body for MAX_UNTIL,
               the tail for MIN_UNTIL; 1 the other one; 2 is the end */
            PUSH(0, count, true);
            goto until_phase;
        }
        case OP_ATOMIC_GROUP:
            PUSH(0, 0, false);
            CALL(pc + 2, pos, false, rep);
        case OP_POSSESSIVE_REPEAT:
            if (pc[3] == 0) {
                pc += 2 + pc[1];
                break;
            }
            PUSH(0, 0, true);
            CALL(pc + 4, pos, false, rep);
        default:
            raise(vm.e_NotImplementedError, "_sre: unsupported opcode %u", (unsigned)op);
            goto error;
        }
    }

resume:
    if (!k.nch) {
        stacks_free(&k);
        return r;
    }
    c = &k.ch[k.nch - 1];
    pc = c->pc;
    pos = c->pos;
    rep = c->rep;
    toplevel = c->toplevel;
    switch (pc[0]) {
    case OP_ASSERT: case OP_ASSERT_NOT: {
        bool ok = r == 1;
        if (pc[0] == OP_ASSERT_NOT || !ok)
            restore_marks(st, &k, c->marks_at);
        k.nmarks = c->marks_at;
        k.nch--;
        if (ok != (pc[0] == OP_ASSERT))
            RETURN(0);
        pc += 1 + pc[1];
        goto dispatch;
    }
    case OP_BRANCH: {
        if (r)
            break;
        restore_marks(st, &k, c->marks_at);
        const uint32_t *alt = pc + c->n;
        alt += *alt;
        if (!*alt)
            break;
        c->n = alt - pc;
        CALL(alt + 1, pos, toplevel, rep);
    }
    case OP_REPEAT_ONE:
        if (r)
            break;
        restore_marks(st, &k, c->marks_at);
        if (--c->n < (intptr_t)pc[2])
            break;
        CALL(pc + 1 + pc[1], pos + c->n, toplevel, rep);
    case OP_MIN_REPEAT_ONE: {
        if (r)
            break;
        restore_marks(st, &k, c->marks_at);
        if (pc[3] != SRE_MAXREPEAT && c->n >= (intptr_t)pc[3])
            break;
        intptr_t one = count_item(st, pc + 4, pos + c->n, 1);
        if (one < 0)
            goto error;
        if (!one)
            break;
        c->n++;
        CALL(pc + 1 + pc[1], pos + c->n, toplevel, rep);
    }
    case OP_REPEAT:
        break;
    case OP_MAX_UNTIL: case OP_MIN_UNTIL: {
        Repeat *rp = &k.rep[rep];
        if (c->n < 0) {
            if (!r)
                rp->count = c->aux - 1;
            break;
        }
        if ((c->n == 1) == (pc[0] == OP_MAX_UNTIL)) {
            /* the body was tried */
            rp->last_pos = c->last;
            rp->count = c->aux - 1;
        }
        if (r)
            break;
        restore_marks(st, &k, c->marks_at);
        goto until_phase;
    }
    case OP_ATOMIC_GROUP:
        k.nch--;
        if (r <= 0)
            RETURN(r);
        pos = st->ptr;
        pc += 1 + pc[1];
        goto dispatch;
    case OP_POSSESSIVE_REPEAT: {
        bool again = false;
        if (!r) {
            restore_marks(st, &k, c->marks_at);
        } else if (st->ptr != c->pos || c->n < (intptr_t)pc[2]) {
            c->pos = st->ptr;
            c->n++;
            again = pc[3] == SRE_MAXREPEAT || c->n < (intptr_t)pc[3];
        }
        if (again) {
            k.nmarks = c->marks_at;
            if (!save_marks(st, &k))
                goto nomem;
            CALL(pc + 4, c->pos, false, rep);
        }
        pos = c->pos;
        k.nmarks = c->marks_at;
        k.nch--;
        if (c->n < (intptr_t)pc[2])
            RETURN(0);
        pc += 2 + pc[1];
        goto dispatch;
    }
    }
    /* the choice point is done: r is its result */
    k.nmarks = c->marks_at;
    k.nrep = c->repeats_at;
    k.nch--;
    goto resume;

until_phase:
    /* c is the MAX/MIN_UNTIL choice point; c->n the phase to try next */
    {
        Repeat *rp = &k.rep[c->rep];
        intptr_t count = c->aux;
        const uint32_t *upc = c->pc;
        while (c->n < 2) {
            bool body = (c->n == 0) == (upc[0] == OP_MAX_UNTIL);
            c->n++;
            if (body) {
                uint32_t max = rp->pc[3];
                if ((max != SRE_MAXREPEAT && count >= (intptr_t)max) || c->pos == rp->last_pos)
                    continue;
                rp->count = count;
                c->last = rp->last_pos;
                rp->last_pos = c->pos;
                CALL(rp->pc + 4, c->pos, c->toplevel, c->rep);
            }
            CALL(upc + 1, c->pos, c->toplevel, rp->prev);
        }
        r = 0;
        k.nmarks = c->marks_at;
        k.nch--;
        goto resume;
    }

nomem:
    raise_no_memory();
error:
    stacks_free(&k);
    return -1;
#undef CALL
#undef PUSH
#undef RETURN
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
    return match(st, st->code, st->start, true);
}

int sre_search(SreState *st)
{
    st->match_all = false;
    /* A pattern that starts with one character test skips the positions
       where it fails without setting up a match there. */
    const uint32_t *first = st->code[0] == OP_INFO ? st->code + 1 + st->code[1] : st->code;
    while (first[0] == OP_MARK)
        first += 2;
    if ((first[0] == OP_REPEAT_ONE || first[0] == OP_MIN_REPEAT_ONE
         || first[0] == OP_POSSESSIVE_REPEAT_ONE) && first[2] >= 1)
        first += 4;
    bool filter = char_item(first, 0) >= 0;
    for (intptr_t s = st->start; s <= st->end; s++) {
        if (filter && (s == st->end || char_item(first, ch_at(st, s)) != 1)) {
            st->must_advance = false;
            continue;
        }
        reset(st);
        st->start = s;
        int r = match(st, st->code, s, true);
        if (r)
            return r;
        st->must_advance = false;
    }
    return 0;
}
