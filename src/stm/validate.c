/*
** The commit log and validation (STM flavour).
**
** A commit appends one entry: the old objects it wrote, as (reference,
** size), and the ranges of the objects it allocated that survived its
** commit-time collection (local_gc.c).  Segment 0 holds their committed
** bytes; an entry only says where to look.  Each segment imports the
** entries committed since it last validated, at its own validation
** points, so its memory changes only there (opacity); a running
** transaction that read (read marker) or write-locked an object of such an
** entry is doomed.  Importing skips the pages a segment still shares with
** the file (segment->private_pages): they have the bytes already, and a
** copy would make them private.
*/
#ifdef STM_FLAVOUR_STM
#include "core.h"
#include <stdlib.h>
#include <string.h>

struct log_entry {
    size_t nwritten;                /* pairs (object, size) */
    size_t nranges;                 /* pairs (start, end) */
    size_t capacity;                /* pairs that fit in items */
    struct log_entry *next_free;
    uintptr_t items[];
};

/* Entries freed by log_trim(), reused by the next commits: one malloc and
   free per commit made glibc grow and trim its heap all the time (page
   faults). */
#define SPARE_ENTRIES 4096
static struct log_entry *spare;
static size_t nspare;

static struct log_entry *entry_new(size_t pairs)
{
    struct log_entry *e = spare;
    if (e) {
        spare = e->next_free;
        nspare--;
        if (e->capacity >= pairs)
            return e;
    }
    size_t cap = pairs < 64 ? 64 : pairs;
    e = realloc(e, sizeof *e + cap * 2 * sizeof(uintptr_t));
    if (!e)
        stm_fatal("out of C memory for the commit log");
    e->capacity = cap;
    return e;
}

static void entry_free(struct log_entry *e)
{
    if (nspare >= SPARE_ENTRIES) {
        free(e);
        return;
    }
    e->next_free = spare;
    spare = e;
    nspare++;
}

static struct log_entry **entries;  /* entries[i] is log position first + i */
static size_t first, count, capacity;

size_t log_end(void) { return __atomic_load_n(&first, __ATOMIC_RELAXED) + count; }

void import_range(struct segment *s, uintptr_t start, size_t len)
{
    while (len) {
        size_t n = PAGE_SIZE_ - (start & (PAGE_SIZE_ - 1));
        if (n > len)
            n = len;
        /* A page s never wrote is the file's: it has the bytes already. */
        uint8_t *state = &s->private_pages[page_of(start)];
        if (*state != PAGE_SHARED) {
            memcpy(real_in(s->num, start), real_in(0, start), n);
            *state = PAGE_PRIVATE;
        }
        start += n;
        len -= n;
    }
}

bool validate_segment(struct segment *s)
{
    bool ok = true;
    uint8_t rv = s->info->read_version;
    size_t end = first + count;
    /* Nothing to import into a segment whose pages are all the file's,
       and no transaction to doom (an idle segment nobody used since the
       last collection, say). */
    if (!s->in_txn && !s->has_private) {
        s->validated = end;
        return !s->doomed;
    }
    for (size_t pos = s->validated; pos < end; pos++) {
        const struct log_entry *e = entries[pos - first];
        const uintptr_t *it = e->items;
        for (size_t i = 0; i < e->nwritten; i++, it += 2) {
            uintptr_t obj = it[0];
            if (s->in_txn && ok
                && (*read_marker(s, obj) == rv || *write_lock_of(obj) == s->num)) {
                ok = false;
                if (!s->doomed) {
                    s->doom_object = obj;
                    __atomic_store_n(&s->doomed, 1 + STM_EVENT_ABORT_WRITE_READ, __ATOMIC_RELEASE);
                }
            }
            import_range(s, obj, it[1]);
        }
        for (size_t i = 0; i < e->nranges; i++, it += 2)
            import_range(s, it[0], it[1] - it[0]);
    }
    s->validated = end;
    return ok && !s->doomed;
}

void log_publish(struct segment *s)
{
    size_t nw = s->write_set.count, npromoted = s->promoted.count;
    struct log_entry *e = entry_new(nw + npromoted);
    uintptr_t *it = e->items;
    for (size_t i = 0; i < nw; i++) {
        uintptr_t obj = s->write_set.items[i];
        struct stm_header *h = real_in(s->num, obj);
        size_t size = object_size_at(h, obj);
        h->stm_flags |= STM_FLAG_WRITE_BARRIER;
        /* The other running transactions keep seeing the version they
           may have read until they validate. */
        force_private(obj, size, s);
        memcpy(real_in(0, obj), h, size);
        *it++ = obj;
        *it++ = size;
    }
    /* The objects it allocated that survived (local_gc.c), adjacent ones
       as one range.  They are committed, so they need the barrier from now
       on.  No other segment can reach them yet: their pages need no forced
       copy. */
    size_t nr = 0;
    for (size_t i = 0; i < npromoted; i++) {
        uintptr_t obj = s->promoted.items[i];
        struct stm_header *h = real_in(s->num, obj);
        size_t size = object_size_at(h, obj);
        h->stm_flags |= STM_FLAG_WRITE_BARRIER;
        if (nr && it[-1] == obj) {
            it[-1] = obj + size;
        } else {
            *it++ = obj;
            *it++ = obj + size;
            nr++;
        }
    }
    for (uintptr_t *r = it - 2 * nr; r < it; r += 2)
        memcpy(real_in(0, r[0]), real_in(s->num, r[0]), r[1] - r[0]);
    e->nwritten = nw;
    e->nranges = nr;
    if (count == capacity) {
        size_t cap = capacity ? capacity * 2 : 256;
        struct log_entry **n = realloc(entries, cap * sizeof *n);
        if (!n)
            stm_fatal("out of C memory for the commit log");
        entries = n;
        capacity = cap;
    }
    entries[count++] = e;
    s->validated = first + count;
    for (size_t i = 0; i < nw; i++)
        __atomic_store_n(write_lock_of(s->write_set.items[i]), 0, __ATOMIC_RELEASE);
    s->write_set.count = 0;
    s->promoted.count = 0;
}

void log_trim(bool all)
{
    size_t upto = first + count;
    if (!all) {
        if (count < 1024)
            return;
        /* Idle segments import now, on their behalf, rather than hold
           the log back until their thread's next transaction. */
        for (int i = 1; i <= nsegments; i++) {
            struct segment *s = &segments[i];
            if (!s->in_txn)
                validate_segment(s);
            if (s->validated < upto)
                upto = s->validated;
        }
    }
    size_t n = upto - first;
    for (size_t i = 0; i < n; i++)
        entry_free(entries[i]);
    memmove(entries, entries + n, (count - n) * sizeof *entries);
    count -= n;
    first = upto;
    if (all)
        for (int i = 1; i <= nsegments; i++)
            segments[i].validated = first;
}
void log_teardown(void)
{
    log_trim(true);
    while (spare) {
        struct log_entry *e = spare;
        spare = e->next_free;
        free(e);
    }
    nspare = 0;
    free(entries);
    entries = NULL;
    first = count = capacity = 0;
}
#endif
