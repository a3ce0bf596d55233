/*
** The commit log and validation (STM flavour).
**
** A commit appends one entry: the old objects it wrote, as (reference,
** size), and the ranges of objects it allocated.  Segment 0 holds their
** committed bytes; an entry only says where to look.  Each segment imports
** the entries committed since it last validated, at its own validation
** points, so its memory changes only there (opacity); a running
** transaction that read (read marker) or write-locked an object of such an
** entry is doomed.  Importing copies only the bytes that differ, so pages a
** segment still shares with the file are never made private by it.
*/
#ifdef STM_FLAVOUR_STM
#include "core.h"
#include <stdlib.h>
#include <string.h>

struct log_entry {
    size_t nwritten;                /* pairs (object, size) */
    size_t nranges;                 /* pairs (start, end) */
    uintptr_t items[];
};

static struct log_entry **entries;  /* entries[i] is log position first + i */
static size_t first, count, capacity;

size_t log_end(void) { return __atomic_load_n(&first, __ATOMIC_RELAXED) + count; }

void import_range(struct segment *s, uintptr_t start, size_t len)
{
    while (len) {
        size_t n = PAGE_SIZE_ - (start & (PAGE_SIZE_ - 1));
        if (n > len)
            n = len;
        char *dst = real_in(s->num, start);
        const char *src = real_in(0, start);
        if (memcmp(dst, src, n) != 0)
            memcpy(dst, src, n);
        start += n;
        len -= n;
    }
}

bool validate_segment(struct segment *s)
{
    bool ok = true;
    uint8_t rv = s->info->read_version;
    size_t end = first + count;
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

static void set_barrier_flags(struct segment *s, uintptr_t start, uintptr_t end)
{
    for (size_t g = granule_of(start); g < granule_of(end); g++) {
        if ((g & 7) == 0 && heap.start_bits[g >> 3] == 0 && g + 8 <= granule_of(end)) {
            g += 7;
            continue;
        }
        if (bit_get(heap.start_bits, g)) {
            uintptr_t obj = (uintptr_t)heap.base + (g << GRANULE_SHIFT);
            ((struct stm_header *)real_in(s->num, obj))->stm_flags |= STM_FLAG_WRITE_BARRIER;
        }
    }
}

void log_publish(struct segment *s)
{
    close_alloc_range(s);
    size_t nw = s->write_set.count, npromoted = s->promoted.count;
    size_t nr = s->new_ranges.count / 2 + npromoted;
    struct log_entry *e = malloc(sizeof *e + (nw + nr) * 2 * sizeof(uintptr_t));
    if (!e)
        stm_fatal("out of C memory for the commit log");
    e->nwritten = nw;
    e->nranges = nr;
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
    for (size_t i = 0; i < s->new_ranges.count; i += 2) {
        uintptr_t start = s->new_ranges.items[i], end = s->new_ranges.items[i + 1];
        /* New objects are committed, so they need the barrier from now on.
           No other segment can reach them yet: their pages need no
           forced copy. */
        set_barrier_flags(s, start, end);
        memcpy(real_in(0, start), real_in(s->num, start), end - start);
        *it++ = start;
        *it++ = end;
    }
    for (size_t i = 0; i < npromoted; i++) {
        uintptr_t obj = s->promoted.items[i];
        struct stm_header *h = real_in(s->num, obj);
        size_t size = object_size_at(h, obj);
        h->stm_flags |= STM_FLAG_WRITE_BARRIER;
        memcpy(real_in(0, obj), h, size);
        *it++ = obj;
        *it++ = obj + size;
        /* Written without a barrier since they were promoted: they may
           hold the only references to young objects. */
        wordvec_push(&gc.remembered, obj);
    }
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
    for (size_t i = 0; i < nw; i++) {
        uintptr_t obj = s->write_set.items[i];
        wordvec_push(&gc.remembered, obj);
        __atomic_store_n(write_lock_of(obj), 0, __ATOMIC_RELEASE);
    }
    s->write_set.count = 0;
    s->new_ranges.count = 0;
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
        free(entries[i]);
    memmove(entries, entries + n, (count - n) * sizeof *entries);
    count -= n;
    first = upto;
    if (all)
        for (int i = 1; i <= nsegments; i++)
            segments[i].validated = first;
}
#endif
