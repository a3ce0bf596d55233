/*
** The STM flavour's internal declarations (included by core.h).
**
** Address space: segment i (0..N) is the range [seg_base[i], seg_base[i] +
** seg_size).  Its first obj_start bytes are anonymous memory private to it
** (page 1 holds its struct stm_segment_info, then come its read markers,
** one byte per 16-byte granule of the object area at reference >> 4); the
** rest maps the heap file, a memfd: MAP_SHARED in segment 0 (the committed
** state), MAP_PRIVATE in the others (docs/stm-core.md, "How the segments'
** pages are kept apart").  A reference r means seg_base[i] + r in segment i.
*/
#ifndef STM_SEGMENTS_H
#define STM_SEGMENTS_H

#define MAX_SEGMENTS  64
#define RECENT_WRITES 32
#define PAGE_SIZE_    4096

struct segment {
    int num;                        /* 1..N */
    char *base;
    struct stm_segment_info *info;  /* its STM_SEGMENT, real address */
    struct stm_thread_private *owner;
    bool in_txn;                    /* set by its thread at start (against
                                       commits: publish_seq), cleared under
                                       the commit lock */
    int doomed;                     /* atomic: 1 + enum stm_event_kind */
    uintptr_t doom_object;
    uint64_t start_time;
    struct log_entry *cursor;       /* the newest log entry imported */
    pthread_mutex_t import_lock;    /* its thread, or a commit on its
                                       behalf (log_trim), imports */
    struct wordvec write_set;       /* old objects write-locked */
    struct wordvec write_markers;   /* (object, position) per write_set item,
                                       where the client describes markers */
    /* Its last first-writes, for a thread that loses a write-write
       conflict to it to say where it wrote (write_locks.c). */
    struct recent_write {
        unsigned seq;               /* odd while being written */
        uintptr_t object, marker, position;
    } recent_writes[RECENT_WRITES];
    unsigned recent_next;
    /* Where the other side of the conflict that doomed its transaction
       was, written once by the thread that found the conflict: state 0
       empty, 1 being written, 2 written (atomic). */
    int other_state;
    char other_location[256];
    struct wordvec new_ranges;      /* (start, end): allocated by the running
                                       transaction since the last collection */
    uintptr_t range_start;          /* start of the range being bumped */
    struct wordvec promoted;        /* the running transaction's survivors */
    struct wordvec promoted_ranges; /* (start, end): the same, at commit */
    struct wordvec gray;            /* local collections: marked, not traced */
    uint8_t *private_pages;         /* per page of the heap: PAGE_SHARED,
                                       certainly the file's (segment 0's);
                                       PAGE_MAYBE_PRIVATE, noted before the
                                       segment writes it; PAGE_PRIVATE,
                                       certainly its own copy */
    bool has_private;               /* some page is not PAGE_SHARED */
    /* Counted by its own collections (local_gc.c), not in gc's fields,
       whose cache line the threads would pass to and fro at every
       commit: its collections, and survived bytes not yet added to
       gc.old_bytes. */
    size_t minor_count, old_pending;
    /* Commits whose young objects mostly survive (local_gc.c): how many
       skipped the collection in a row, or -1 while they do not. */
    int promote_streak;
    bool gc_special;                /* the transaction made or wrote a weak
                                       reference or registered a finalizer:
                                       local collections leave it alone */
    struct allocator alloc;
} __attribute__((aligned(64)));  /* no false sharing between segments */

extern struct segment segments[MAX_SEGMENTS + 1];
extern int nsegments;
extern size_t seg_size;
extern __thread struct segment *my_seg;
extern uint8_t *write_locks;        /* per granule: segment holding it, or 0 */
extern struct segment *volatile inevitable_seg;
extern pthread_mutex_t commit_lock;

static inline uint8_t *write_lock_of(uintptr_t obj) { return &write_locks[granule_of(obj)]; }
enum { PAGE_SHARED, PAGE_MAYBE_PRIVATE, PAGE_PRIVATE };
static inline size_t page_of(uintptr_t ref) { return (ref - (uintptr_t)heap.base) / PAGE_SIZE_; }
/* Notes that segment s may write [start, start + len): importing a commit
   into s skips the pages it never wrote, which are segment 0's.  (A page
   known to be private may go back to "maybe": that costs a little time.) */
static inline void note_private(struct segment *s, uintptr_t start, size_t len)
{
    size_t p0 = page_of(start), p1 = page_of(start + len - 1);
    s->has_private = true;
    if (p0 == p1)
        s->private_pages[p0] = PAGE_MAYBE_PRIVATE;
    else
        memset(s->private_pages + p0, PAGE_MAYBE_PRIVATE, p1 - p0 + 1);
}
static inline uint8_t *read_marker(struct segment *s, uintptr_t obj)
{
    return (uint8_t *)s->base + (obj >> 4);
}

/* segments.c */
bool segments_map(size_t heap_size, int n);
void segments_unmap(void);
/* The caller is parked (stack recorded); returns running with a segment. */
void segment_acquire(struct stm_thread_private *p);
void segment_release(struct stm_thread_private *p);
bool segment_waiters(void);
/* Forces a private copy of the pages of [start, start + len) in every
   segment with a running transaction other than `except`. */
void force_private(uintptr_t start, size_t len, struct segment *except);
/* Drops the private pages of an idle segment: its view is segment 0's. */
void segment_reshare(struct segment *s);
void clear_read_markers(struct segment *s);

/* rendezvous.c: threads stop for a collection at safe points */
extern volatile int gc_requested;
void thread_set_running(struct stm_thread_private *p);
void thread_set_state(struct stm_thread_private *p, enum thread_state s);
/* Parks for a requested collection; aborts if the transaction is doomed. */
void stm_poll(struct stm_thread_private *p);
static inline void poll_if_needed(struct stm_thread_private *p)
{
    if (STM_UNLIKELY(gc_requested | (p->seg && __atomic_load_n(&p->seg->doomed, __ATOMIC_RELAXED))))
        stm_poll(p);
}

/* validate.c: the commit log */
void log_setup(void);
/* Odd while a commit writes segment 0: a transaction starts without the
   commit lock once it imported the news with this number even and
   unchanged (a seqlock). */
extern uint64_t publish_seq;
/* Whether entries were committed since s last validated. */
bool log_has_news(struct segment *s);
/* Imports the entries committed since s last validated; a transaction of
   s that read or wrote one of their objects is doomed.  Without the
   commit lock, the caller validates again under it before the
   transaction reads (validate.c). */
bool validate_segment(struct segment *s);
/* Copies the survivors of the committing transaction of s into segment 0
   (before the commit lock: nobody else can see them yet). */
void log_copy_promoted(struct segment *s);
/* Appends the committing transaction of s to the log and publishes its
   writes into segment 0.  Commit lock held. */
void log_publish(struct segment *s);
/* Frees the entries every segment has imported; after a collection, all. */
void log_trim(bool all);
void log_teardown(void);
/* Copies [start, start+len) from segment 0 into s, skipping the pages s
   shares with segment 0 (private_pages). */
void import_range(struct segment *s, uintptr_t start, size_t len);

/* Whether another thread's marker object can be read here: committed,
   as this segment sees it, and not freed since. */
static inline bool marker_readable(uintptr_t m)
{
    return m && in_heap(m) && bit_get(heap.start_bits, granule_of(m))
           && (((struct stm_header *)real_cur(m))->stm_flags & STM_FLAG_WRITE_BARRIER);
}

/* write_locks.c */
/* Describes where the transaction of s wrote obj, if it did so lately. */
bool describe_recent_write(struct segment *s, uintptr_t obj, char *buf, size_t size);

/* transaction.c */
/* Gives s's transaction the other side's location, unless it has one. */
void set_other_location(struct segment *s, const char *location);
__attribute__((noreturn)) void abort_self(struct stm_thread_private *p, int kind, uintptr_t obj);
void close_alloc_range(struct segment *s);
void validate_now(struct stm_thread_private *p);

/* local_gc.c: collections of one segment's young objects */
/* Collects the running transaction's young objects, its thread alone;
   the survivors go to s->promoted.  A transaction that s->gc_special
   marks keeps all its young objects instead (at commit; in its middle it
   collects stop-the-world).  The thread's stack is scanned from
   client_sp up, or from the caller's frame if NULL. */
void local_collect(struct stm_thread_private *p, char *client_sp);

/* contention.c */
void contention_write_write(struct stm_thread_private *p, uintptr_t obj, struct segment *other);

/* gc_stm.c: the STM side of a collection */
void gc_stm_prepare(void);
void gc_stm_mark_segments(bool major, stm_visit_fn *visit);
void gc_stm_after_sweep(bool major);
void trace_object(uintptr_t obj, stm_visit_fn *visit);

#endif
