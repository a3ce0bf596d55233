/*
** libstm: a software transactional memory with a garbage collector built in.
**
** A C program that uses libstm keeps its shared data in objects allocated
** here, runs its code in transactions, and calls the barriers below before
** reading or writing an object.  It gets, in the STM flavour, threads that run
** in parallel while behaving as if one global lock serialised the
** transactions; in the GIL flavour, exactly that one global lock.  The API is
** the same in both, so a client is written once.  See docs/stm-core.md.
**
** Compile with exactly one of -DSTM_FLAVOUR_GIL or -DSTM_FLAVOUR_STM, and
** -DSTM_DEBUG to make misuse of this API fail loudly.
**
** Rules every client follows:
**  - Object references have type `stm_obj *` (or a client type declared with
**    STM_SEG, see below).  In the STM flavour they are offsets in the running
**    thread's segment and only mean something while a transaction runs; hand
**    object memory to ordinary C code (memcpy, libc) through
**    stm_real_address().
**  - Call stm_read(o) before reading and stm_write(o) before writing an
**    object that was not allocated by the running transaction (calling them
**    on young objects is harmless).  Before writing item `i` of a large
**    array object, stm_write_card(o, i) may replace stm_write(o).
**  - References may live anywhere on the C stack or in registers: the
**    collector finds them there (conservatively) and never moves an object.
**    A real address into an object (from stm_real_address()) found there
**    keeps the object alive too.
**    References kept in other C memory (globals, malloc'ed blocks) must be
**    registered with stm_add_root() or stm_add_root_range().  Such C memory
**    is not transactional: keep mutable shared state in heap objects.
*/
#ifndef STM_H
#define STM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#if defined(STM_FLAVOUR_STM) == defined(STM_FLAVOUR_GIL)
#  error "compile with exactly one of -DSTM_FLAVOUR_STM or -DSTM_FLAVOUR_GIL"
#endif

/* The address-space qualifier of object memory: references are %gs-relative
   in the STM flavour and plain pointers in the GIL flavour. */
#ifdef STM_FLAVOUR_STM
#  define STM_SEG __seg_gs
#else
#  define STM_SEG
#endif

struct stm_event;
struct stm_thread;

#define STM_LIKELY(x)   __builtin_expect(!!(x), 1)
#define STM_UNLIKELY(x) __builtin_expect(!!(x), 0)

/* ------------------------------------------------------------------ */
/* Objects                                                             */

/* Every object starts with this header.  Objects are 16-byte aligned and
   at least 16 bytes long; a client object type is a struct whose first
   member is a `struct stm_header`. */
struct stm_header {
    uint32_t stm_flags;     /* libstm's: flags, and the size in 16-byte
                               granules of a small object in bits 16-31 */
    uint32_t stm_type;      /* the client's (a type id), set by stm_allocate */
};

/* A reference to an object.  Client types are declared the same way:
       typedef STM_SEG struct my_node my_node;   ...   my_node *n; */
typedef STM_SEG struct stm_header stm_obj;

#define STM_ALIGN        16
#define STM_MIN_SIZE     16

/* Header flags.  Only STM_FLAG_WRITE_BARRIER is part of the inline fast
   path; the rest are listed so that the header is documented in one place. */
#define STM_FLAG_WRITE_BARRIER  0x01u  /* old object not yet written since the
                                          last collection or commit */
#define STM_FLAG_HAS_CARDS      0x02u  /* large array with a card table */
#define STM_FLAG_CARDS_DIRTY    0x04u  /* some card of it is marked */
#define STM_FLAG_FINALIZER      0x08u  /* registered with stm_enable_finalizer */
#define STM_FLAG_WEAKREF        0x10u  /* allocated by stm_allocate_weakref */
#define STM_FLAG_NOTIFY         0x20u  /* registered with stm_notify_cleared */
#define STM_SIZE_SHIFT          16     /* small objects: granules << 16 */

/* Per-segment state used by the inline fast paths.  A running thread owns
   one segment; in the GIL flavour there is exactly one. */
struct stm_segment_info {
    uintptr_t alloc_current;     /* bump pointer inside the current hole */
    uintptr_t alloc_end;
    int64_t   break_countdown;   /* stm_should_break(): slow path at 0 */
    uint8_t   read_version;      /* stored by stm_read() (STM flavour) */
    char     *segment_base;      /* real address of this segment's start */
    struct stm_thread *running_thread;
};

#ifdef STM_FLAVOUR_STM
/* Segment-local data lives at a fixed offset of every segment. */
#  define STM_SEGMENT_INFO_OFFSET 4096
#  define STM_SEGMENT ((struct stm_segment_info STM_SEG *)STM_SEGMENT_INFO_OFFSET)
#else
extern struct stm_segment_info stm_gil_segment;
#  define STM_SEGMENT (&stm_gil_segment)
#endif

/* ------------------------------------------------------------------ */
/* Set-up                                                              */

/* Callbacks from the collector into the client.  They get real addresses
   and must not allocate, take locks, or call back into libstm.  (libstm
   records each object's size itself, so the client need not tell it.) */
typedef void stm_visit_fn(stm_obj **slot, void *ctx);

struct stm_config {
    /* Calls visit() on every reference slot of the object. Required.
       The weak slot of a weakref object is not to be visited. */
    void (*trace)(struct stm_header *obj, stm_visit_fn *visit, void *ctx);
    /* For objects of at least STM_CARD_MIN_SIZE bytes: visits the slots of
       items [from, to) only, the unit being the client's item index as
       passed to stm_write_card().  Optional: without it, large objects are
       written and traced whole. */
    void (*trace_items)(struct stm_header *obj, size_t from, size_t to,
                        stm_visit_fn *visit, void *ctx);
    /* Writes a short description of a marker (where a thread is) into buf.
       Optional; used in conflict reports.  This callback and the next are
       called by a thread in its own segment: they get references, to be
       read as usual, and must not allocate or write. */
    void (*describe_marker)(stm_obj *marker, uintptr_t position, char *buf, size_t size);
    /* With describe_marker: the marker of each write is kept until the
       writer's commit has been imported by the others, to say where the
       other side wrote when one of them loses a conflict over it.  Returns
       the marker object to keep in its place: one that names the same
       place and lives as long as the program may (the code of a frame,
       say), or the marker itself.  Optional. */
    stm_obj *(*lasting_marker)(stm_obj *marker);
    /* Receives conflict and inevitability events (see stm_event). Optional.
       Called by the thread that lost, outside any transaction. */
    void (*on_event)(const struct stm_event *event);
    /* Called when a collection has queued objects for stm_next_finalizable(),
       by the collecting thread in the middle of the collection: it must
       only note that finalizers are due (set a flag).  Optional. */
    void (*on_finalizers_due)(void);

    /* Virtual size of the heap in bytes; 0 means the default (64 GiB, or
       the STM_HEAP_SIZE environment variable, which accepts K/M/G suffixes).
       Allocation fails (returns NULL) when live data would exceed it. */
    size_t heap_size;
    /* Number of segments (STM flavour; parallel transactions).  0 means the
       number of CPUs, or STM_SEGMENTS.  The GIL flavour has one. */
    int segments;
};

/* Must be called once, before any other function, by one thread.  Reads
   STM_GC_STRESS=N (collect every N allocations), STM_HEAP_SIZE and
   STM_SEGMENTS from the environment.  Returns false with a message on
   stderr if the heap cannot be reserved. */
bool stm_setup(const struct stm_config *config);
/* Frees everything; no thread may be registered any more. */
void stm_teardown(void);
/* How many transactions can run at once: the segments of the STM flavour,
   1 in the GIL flavour. */
int stm_segment_count(void);

/* ------------------------------------------------------------------ */
/* Threads                                                             */

/* Where a thread is, for conflict reports: the client stores e.g. its
   current code object and instruction offset here whenever it likes. */
struct stm_marker {
    stm_obj  *object;
    uintptr_t position;
};

/* Per-thread state, owned by the client (static, malloc'ed or on the
   thread's own stack) and registered by the thread itself.  Fields marked
   private are libstm's. */
typedef struct stm_thread {
    struct stm_marker marker;       /* public, read by libstm */
    void *client_data;              /* public, never touched by libstm */
    int atomic_depth;               /* private: see stm_atomic_enter() */
    void *restart[5];               /* private: abort target (builtin setjmp) */
    struct stm_thread_private *priv;/* private */
} stm_thread;

/* Registers the calling thread; its C stack is scanned from now on.  The
   thread is outside any transaction afterwards. */
void stm_register_thread(stm_thread *tl);
/* The calling thread's stack above `top` holds no references: only the
   frames that started the thread, its thread-local storage and the like.
   The conservative scan of its stack, at every commit, stops there (by
   default it covers the whole stack, which for a thread made by
   pthread_create includes a few KiB of thread-local storage).  Call it
   after stm_register_thread(), with an address in the outermost frame
   that can hold references, such as __builtin_frame_address(0) of the
   thread's start function. */
void stm_set_stack_top(const void *top);
/* The thread must be outside any transaction (after a commit). */
void stm_unregister_thread(stm_thread *tl);
/* The calling thread's stm_thread, or NULL if it is not registered. */
stm_thread *stm_current_thread(void);

/* ------------------------------------------------------------------ */
/* Transactions                                                        */

/* Starts a transaction on the registered calling thread.  Evaluates to 0.
   If the transaction is later aborted (conflict, or stm_abort_transaction)
   its effects on the heap are undone and control comes back here as if the
   macro returned again, with a new transaction started, now evaluating to
   1.  So the caller's C frame must still be live during the transaction,
   and its local variables written since are indeterminate after a restart:
   reload them from the heap.  Never aborts in the GIL flavour. */
#define stm_start_transaction(tl)                                    \
    (_stm_start_transaction(tl),                                     \
     __builtin_setjmp((tl)->restart) ? (_stm_restart_transaction(tl), 1) : 0)

/* Commits the running transaction: its writes become visible to all.  A
   no-op inside an atomic block (the transaction goes on).  Between a commit
   and the next stm_start_transaction() the thread must not touch the heap
   and still counts as running (in the GIL flavour it keeps the lock unless
   another thread is waiting); a thread that has something else to do first
   uses stm_blocking_call(). */
void stm_commit_transaction(stm_thread *tl);

/* Aborts the running transaction and restarts it from its
   stm_start_transaction().  STM flavour only: the GIL flavour keeps no undo
   information and reports this as API misuse. */
__attribute__((noreturn)) void stm_abort_transaction(stm_thread *tl);

/* Makes the running transaction inevitable: it will not abort, and at most
   one transaction at a time is inevitable.  Call before any action that
   cannot be undone.  `why` appears in event reports. */
void stm_become_inevitable(stm_thread *tl, const char *why);
bool stm_is_inevitable(stm_thread *tl);

/* True when the client, at a point where it may end the transaction,
   should commit and start the next one: the transaction has run long
   enough, another thread waits, or a collection needs this thread.  Always
   false inside an atomic block.  Cheap: a decrement and a test. */
static inline bool stm_should_break(stm_thread *tl);
/* Asks for stm_should_break() to become true at the next call. */
void stm_hint_commit_soon(void);

/* Atomic blocks nest; while the depth is above zero the transaction is not
   broken: stm_commit_transaction() and stm_blocking_call() keep it running. */
void stm_atomic_enter(stm_thread *tl);
void stm_atomic_leave(stm_thread *tl);
static inline int stm_atomic_depth(stm_thread *tl) { return tl->atomic_depth; }

/* Runs fn(arg), a blocking call (lock wait, sleep, I/O) or long work that
   does not touch the heap, with the thread detached: its transaction
   commits first and the thread holds no segment (no GIL), so it blocks
   nobody.  fn must not touch the heap or call libstm.  Afterwards a new
   transaction runs; having no restart point of its own, it is inevitable
   until the next commit, which the client should make soon
   (stm_should_break() says so).  Inside an atomic block the transaction is
   made inevitable instead and goes on running during the call.  Returns
   fn's result. */
void *stm_blocking_call(stm_thread *tl, void *(*fn)(void *), void *arg);

/* A point where the thread may be paused (major collection) or, in the STM
   flavour, aborted.  Allocation and stm_should_break() are safe points too;
   a long loop that does neither calls this. */
void stm_safe_point(stm_thread *tl);

/* ------------------------------------------------------------------ */
/* Allocation and barriers                                             */

/* Returns a zero-filled object of `size` bytes (rounded up to 16) whose
   stm_type is `type`, or NULL when the heap is exhausted even after a full
   collection.  The object is young: it needs no barrier in this
   transaction.  A safe point. */
static inline stm_obj *stm_allocate(size_t size, uint32_t type);

/* As stm_allocate; the reference at byte `slot_offset` of the object is
   weak: the collector sets it to NULL once its target is unreachable.  The
   trace callback must not visit that slot. */
stm_obj *stm_allocate_weakref(size_t size, uint32_t type, size_t slot_offset);

/* Before an object dies, keep it (and what it references) alive once more
   and queue it for the client's finalizer.  Each registration fires once. */
void stm_enable_finalizer(stm_obj *obj);
/* When the collector clears the weak slot of this weakref object (its
   target died) and the weakref itself is still alive, queue the weakref
   for stm_next_finalizable() (the client's weakref callback).  Fires once;
   call it right after stm_allocate_weakref(). */
void stm_notify_cleared(stm_obj *weakref);
/* Next object due: one registered with stm_enable_finalizer() that died,
   or a weakref registered with stm_notify_cleared() whose target died, in
   the order the collections found them; NULL when none is.  Call with a
   transaction running; the object is an ordinary live object again. */
stm_obj *stm_next_finalizable(void);

static inline void stm_read(stm_obj *obj);
static inline void stm_write(stm_obj *obj);
/* Objects of at least this size get a card table when trace_items is set. */
#define STM_CARD_MIN_SIZE   8192
#define STM_CARD_SHIFT      7        /* items per card: 128 */
static inline void stm_write_card(stm_obj *obj, size_t index);

/* Real address of object memory, for ordinary C code.  Valid until the
   running transaction ends. */
static inline void *stm_real_address(const stm_obj *obj);

/* Registers C memory holding references: one slot, or a range scanned
   conservatively (any word that looks like a reference keeps its object
   alive).  Unregister before freeing the memory.  Thread-safe, inside or
   outside transactions. */
void stm_add_root(stm_obj **slot);
void stm_remove_root(stm_obj **slot);
void stm_add_root_range(const void *start, size_t size);
/* As stm_add_root_range(), for C memory that only start-up code (outside
   transactions) and inevitable transactions write, such as globals naming
   long-lived objects.  Such slots cannot name the young objects of a
   transaction that never became inevitable, so the collection at its
   commit skips them: in the STM flavour that scan was a large part of a
   small transaction's cost.  Debug builds check the promise. */
void stm_add_static_root_range(const void *start, size_t size);
void stm_remove_root_range(const void *start);     /* either kind */

/* Collects now: minor (young objects only) or major (whole heap, returning
   free memory to the OS).  A safe point. */
void stm_collect_minor(void);
void stm_collect_major(void);

/* Heap figures in bytes, for tests and statistics. */
struct stm_heap_info {
    size_t live_after_major;     /* live bytes at the end of the last major GC */
    size_t committed;            /* bytes of heap memory currently in use */
    size_t minor_collections;
    size_t major_collections;
};
void stm_heap_info(struct stm_heap_info *out);

/* ------------------------------------------------------------------ */
/* Statistics and events                                               */

enum stm_time {
    STM_TIME_OUTSIDE_TRANSACTION,
    STM_TIME_RUN_COMMITTED,
    STM_TIME_RUN_ABORTED_WRITE_WRITE,
    STM_TIME_RUN_ABORTED_WRITE_READ,
    STM_TIME_RUN_ABORTED_INEVITABLE,
    STM_TIME_RUN_ABORTED_OTHER,
    STM_TIME_WAIT_FREE_SEGMENT,
    STM_TIME_WAIT_WRITE_READ,
    STM_TIME_WAIT_INEVITABLE,
    STM_TIME_WAIT_OTHER,
    STM_TIME_BOOKKEEPING,
    STM_TIME_MINOR_GC,
    STM_TIME_MAJOR_GC,
    STM_TIME_SYNC_PAUSE,
    STM_TIME_COUNT
};
extern const char *const stm_time_names[STM_TIME_COUNT];

struct stm_stats {
    uint64_t count[STM_TIME_COUNT];
    double   seconds[STM_TIME_COUNT];
};
/* Statistics of a thread so far (it may be the calling thread). */
void stm_get_stats(stm_thread *tl, struct stm_stats *out);
/* Prints them as a table, one line per state. */
void stm_print_stats(FILE *out, const char *title, const struct stm_stats *st);

enum stm_event_kind {
    STM_EVENT_ABORT_WRITE_WRITE,
    STM_EVENT_ABORT_WRITE_READ,
    STM_EVENT_ABORT_INEVITABLE,
    STM_EVENT_ABORT_OTHER,
    STM_EVENT_BECAME_INEVITABLE,
};
struct stm_event {
    enum stm_event_kind kind;
    stm_thread *thread;          /* the thread that lost or became inevitable */
    uintptr_t object;            /* the object of the conflict, as a reference value */
    uint32_t object_type;        /* its stm_type */
    double seconds;              /* time lost (aborts) */
    const char *why;             /* reason given to stm_become_inevitable */
    char self_location[256];     /* describe_marker() of this side */
    char other_location[256];    /* of the other side, where known, else "" */
};

/* ------------------------------------------------------------------ */
/* Inline fast paths; the functions named _stm_* are libstm's internals. */

void _stm_start_transaction(stm_thread *tl);
void _stm_restart_transaction(stm_thread *tl);
bool _stm_should_break_slow(stm_thread *tl);
stm_obj *_stm_allocate_slow(size_t size, uint32_t type);
void _stm_write_slow(stm_obj *obj);
void _stm_write_card_slow(stm_obj *obj, size_t index);
extern uint8_t *_stm_start_bits_biased;     /* 1 bit per 16 bytes of heap */

static inline bool stm_should_break(stm_thread *tl)
{
    if (STM_LIKELY(--STM_SEGMENT->break_countdown > 0))
        return false;
    return _stm_should_break_slow(tl);
}

static inline stm_obj *stm_allocate(size_t size, uint32_t type)
{
#ifdef STM_DEBUG
    /* The slow path checks that a transaction runs on this thread; the
       fast path would succeed anywhere the bump region is still open. */
    return _stm_allocate_slow(size, type);
#endif
    size = size < STM_MIN_SIZE ? STM_MIN_SIZE
                               : (size + (STM_ALIGN - 1)) & ~(size_t)(STM_ALIGN - 1);
    uintptr_t p = STM_SEGMENT->alloc_current;
    if (STM_LIKELY(p + size <= STM_SEGMENT->alloc_end)) {
        STM_SEGMENT->alloc_current = p + size;
        _stm_start_bits_biased[p >> 7] |= (uint8_t)(1u << ((p >> 4) & 7));
        stm_obj *obj = (stm_obj *)p;
        obj->stm_flags = (uint32_t)(size << (STM_SIZE_SHIFT - 4));
        obj->stm_type = type;
        return obj;
    }
    return _stm_allocate_slow(size, type);
}

static inline void stm_read(stm_obj *obj)
{
#ifdef STM_FLAVOUR_STM
    ((uint8_t STM_SEG *)((uintptr_t)obj >> 4))[0] = STM_SEGMENT->read_version;
#else
    (void)obj;
#endif
}

static inline void stm_write(stm_obj *obj)
{
    if (STM_UNLIKELY(obj->stm_flags & STM_FLAG_WRITE_BARRIER))
        _stm_write_slow(obj);
}

static inline void stm_write_card(stm_obj *obj, size_t index)
{
    if (STM_UNLIKELY(obj->stm_flags & STM_FLAG_WRITE_BARRIER))
        _stm_write_card_slow(obj, index);
}

static inline void *stm_real_address(const stm_obj *obj)
{
#ifdef STM_FLAVOUR_STM
    return STM_SEGMENT->segment_base + (uintptr_t)obj;
#else
    return (void *)obj;
#endif
}

#endif /* STM_H */
