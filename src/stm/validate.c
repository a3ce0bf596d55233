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
    struct log_entry *next;         /* newer entry, NULL for the newest */
    size_t nwritten;                /* pairs (object, size) */
    size_t nranges;                 /* pairs (start, end) */
    bool has_markers;               /* then nwritten pairs (marker object,
                                       position) follow: where each was
                                       written */
    size_t capacity;                /* pairs that fit in items */
    uintptr_t items[];
};

/* Entries freed by log_trim(), reused by the next commits: one malloc and
   free per commit made glibc grow and trim its heap all the time (page
   faults).  Both lists are changed under the commit lock only. */
#define SPARE_ENTRIES 4096
static struct log_entry *spare;
static size_t nspare;

static struct log_entry *entry_new(size_t pairs)
{
    struct log_entry *e = spare;
    if (e) {
        spare = e->next;
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
    e->next = spare;
    spare = e;
    nspare++;
}

/* The log is a list from its oldest kept entry to its newest.  A segment's
   cursor is the newest entry it has imported: what follows is news to it.
   Entries are linked (release) only once complete and freed only when
   every cursor is past them, so a segment walks from its cursor without
   the commit lock.  The list always keeps one entry, for the cursors to
   point at. */
static struct log_entry *oldest, *newest;

void log_setup(void)
{
    oldest = newest = entry_new(0);
    oldest->next = NULL;
    oldest->nwritten = oldest->nranges = 0;
    oldest->has_markers = false;
    for (int i = 1; i <= nsegments; i++)
        segments[i].cursor = newest;
}

bool log_has_news(struct segment *s)
{
    return __atomic_load_n(&s->cursor->next, __ATOMIC_ACQUIRE) != NULL;
}

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

/* Where the commit that dooms s wrote the object (its marker object is
   alive: no collection since that commit, which would have emptied the
   log).  Described now, while the entry exists. */
static void describe_writer(struct segment *s, const uintptr_t *marker)
{
    char where[sizeof s->other_location];
    if (!marker_readable(marker[0]))
        return;
    gc.client.describe_marker((stm_obj *)marker[0], marker[1], where, sizeof where);
    set_other_location(s, where);
}

/* Without the commit lock, a commit may be copying an object into segment
   0 while s imports an older version of it: s's copy may be torn.  That
   commit's entry, linked after its copy, follows, so s's import of it puts
   the object right; callers validate once more under the commit lock
   before their transaction reads anything, or make sure that no commit
   ran meanwhile (import_quietly() in transaction.c). */
bool validate_segment(struct segment *s)
{
    pthread_mutex_lock(&s->import_lock);
    bool ok = true;
    uint8_t rv = s->info->read_version;
    /* Nothing to import into a segment whose pages are all the file's,
       and no transaction to doom (an idle segment nobody used since the
       last collection, say). */
    bool needed = s->in_txn || s->has_private;
    struct log_entry *e = s->cursor, *next;
    while ((next = __atomic_load_n(&e->next, __ATOMIC_ACQUIRE)) != NULL) {
        e = next;
        if (!needed)
            continue;
        const uintptr_t *it = e->items;
        size_t doomed_by = SIZE_MAX;
        for (size_t i = 0; i < e->nwritten; i++, it += 2) {
            uintptr_t obj = it[0];
            if (s->in_txn && ok
                && (*read_marker(s, obj) == rv || *write_lock_of(obj) == s->num)) {
                ok = false;
                if (!s->doomed) {
                    s->doom_object = obj;
                    doomed_by = i;
                    __atomic_store_n(&s->doomed, 1 + STM_EVENT_ABORT_WRITE_READ, __ATOMIC_RELEASE);
                }
            }
            import_range(s, obj, it[1]);
        }
        for (size_t i = 0; i < e->nranges; i++, it += 2)
            import_range(s, it[0], it[1] - it[0]);
        if (doomed_by != SIZE_MAX && e->has_markers)
            describe_writer(s, it + 2 * doomed_by);
    }
    __atomic_store_n(&s->cursor, e, __ATOMIC_RELEASE);
    pthread_mutex_unlock(&s->import_lock);
    return ok && !s->doomed;
}

/* The objects the transaction allocated that survived (local_gc.c),
   adjacent ones as one range, into segment 0.  No other segment can reach
   them before the entry that publishes them, and no entry names their
   memory (it was free since the last collection, which emptied the log):
   this needs no lock.  They stay in s->promoted, for a collection or an
   abort before the commit ends.  They are committed from now on: they
   need the barrier. */
void log_copy_promoted(struct segment *s)
{
    struct wordvec *ranges = &s->promoted_ranges;
    ranges->count = 0;
    for (size_t i = 0; i < s->promoted.count; i++) {
        uintptr_t obj = s->promoted.items[i];
        struct stm_header *h = real_in(s->num, obj);
        size_t size = object_size_at(h, obj);
        h->stm_flags |= STM_FLAG_WRITE_BARRIER;
        if (ranges->count && ranges->items[ranges->count - 1] == obj) {
            ranges->items[ranges->count - 1] = obj + size;
        } else {
            wordvec_push(ranges, obj);
            wordvec_push(ranges, obj + size);
        }
    }
    for (size_t i = 0; i < ranges->count; i += 2) {
        uintptr_t a = ranges->items[i];
        memcpy(real_in(0, a), real_in(s->num, a), ranges->items[i + 1] - a);
    }
}

uint64_t publish_seq;

void log_publish(struct segment *s)
{
    size_t nw = s->write_set.count, nr = s->promoted_ranges.count / 2;
    bool has_markers = s->write_markers.count == 2 * nw && nw;
    struct log_entry *e = entry_new(nw + nr + (has_markers ? nw : 0));
    uintptr_t *it = e->items;
    /* Odd while segment 0 changes, against a transaction starting now. */
    __atomic_store_n(&publish_seq, publish_seq + 1, __ATOMIC_SEQ_CST);
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
    memcpy(it, s->promoted_ranges.items, nr * 2 * sizeof *it);
    if (has_markers)
        memcpy(it + 2 * nr, s->write_markers.items, nw * 2 * sizeof *it);
    e->has_markers = has_markers;
    s->write_markers.count = 0;
    s->promoted_ranges.count = 0;
    s->promoted.count = 0;
    e->nwritten = nw;
    e->nranges = nr;
    e->next = NULL;
    __atomic_store_n(&newest->next, e, __ATOMIC_RELEASE);
    __atomic_store_n(&publish_seq, publish_seq + 1, __ATOMIC_RELEASE);
    newest = e;
    s->cursor = e;
    for (size_t i = 0; i < nw; i++)
        __atomic_store_n(write_lock_of(s->write_set.items[i]), 0, __ATOMIC_RELEASE);
    s->write_set.count = 0;
}

static unsigned commits_since_trim;

void log_trim(bool all)
{
    if (all) {
        /* After a collection: every segment is up to date or reshared. */
        for (int i = 1; i <= nsegments; i++)
            segments[i].cursor = newest;
    } else {
        if (++commits_since_trim < 1024)
            return;
        commits_since_trim = 0;
        /* Idle segments import now, on their behalf, rather than hold
           the log back until their thread's next transaction. */
        for (int i = 1; i <= nsegments; i++)
            if (!segments[i].in_txn)
                validate_segment(&segments[i]);
    }
    for (;;) {
        struct log_entry *e = oldest;
        if (e == newest)
            return;
        for (int i = 1; i <= nsegments; i++)
            if (__atomic_load_n(&segments[i].cursor, __ATOMIC_ACQUIRE) == e)
                return;
        oldest = e->next;
        entry_free(e);
    }
}

void log_teardown(void)
{
    while (oldest) {
        struct log_entry *e = oldest;
        oldest = e->next;
        free(e);
    }
    newest = NULL;
    while (spare) {
        struct log_entry *e = spare;
        spare = e->next;
        free(e);
    }
    nspare = 0;
    commits_since_trim = 0;
}
#endif
