/*
** Internal declarations shared by the files of libstm.
**
** Heap layout (docs/stm-core.md has the picture): one reserved range of
** virtual memory cut into 32 KiB blocks.  A small-object block is cut into
** 256 lines of 128 bytes; allocation bumps through runs of free lines
** ("holes").  An object of STM_CARD_MIN_SIZE bytes or more gets a run of
** whole blocks of its own.  Side tables, indexed by address, hold one start
** bit and one mark bit per 16-byte granule and one byte per line.
**
** Objects never move.  The mark bit is sticky: it stays set on every object
** that survived a collection, so "mark bit clear" means "young" between
** collections, and a minor collection marks young objects only.
*/
#ifndef STM_CORE_H
#define STM_CORE_H

#include "stm.h"
#include <pthread.h>
#include <stdatomic.h>

#define BLOCK_SHIFT      15
#define BLOCK_SIZE       ((size_t)1 << BLOCK_SHIFT)
#define LINE_SHIFT       7
#define LINE_SIZE        ((size_t)1 << LINE_SHIFT)
#define LINES_PER_BLOCK  (BLOCK_SIZE / LINE_SIZE)
#define GRANULE_SHIFT    4
#define LARGE_MIN        STM_CARD_MIN_SIZE    /* objects this big get blocks */

#define DEFAULT_HEAP_SIZE   ((size_t)64 << 30)
/* Young bytes between minor collections.  The STM flavour's are the
   segment's own, collected with nobody waiting, and a transaction's young
   objects that die before it commits are never published: a larger one
   lets bigger transactions end with their garbage still young. */
#ifdef STM_FLAVOUR_STM
#  define NURSERY_BYTES     ((size_t)16 << 20)
#else
#  define NURSERY_BYTES     ((size_t)4 << 20)
#endif
#define MIN_MAJOR_THRESHOLD ((size_t)8 << 20)
#define BREAK_CHECK_INTERVAL 4000             /* stm_should_break() calls */
/* The STM flavour's transaction length, in stm_should_break() calls,
   adapts per thread between these: halved by an abort, grown by 1/16
   by a commit. */
#define BREAK_BUDGET_MIN 64
#define BREAK_BUDGET_MAX 64000

/* ---- fatal errors and API misuse ---- */
__attribute__((noreturn, format(printf, 1, 2)))
void stm_fatal(const char *fmt, ...);
#ifdef STM_DEBUG
#  define STM_CHECK(cond, ...) do { if (!(cond)) stm_fatal(__VA_ARGS__); } while (0)
#else
#  define STM_CHECK(cond, ...) do { (void)sizeof(cond); } while (0)
#endif

/* ---- growable arrays of words ---- */
struct wordvec {
    uintptr_t *items;
    size_t count, capacity;
};
void wordvec_push(struct wordvec *v, uintptr_t x);
void wordvec_free(struct wordvec *v);
/* Gives back most of the memory of a vector much bigger than its content. */
void wordvec_shrink(struct wordvec *v);
static inline uintptr_t wordvec_pop(struct wordvec *v) { return v->items[--v->count]; }

/* ---- blocks (blocks.c) ---- */
enum block_state { BLOCK_FREE, BLOCK_SMALL, BLOCK_LARGE_HEAD, BLOCK_LARGE_TAIL };

struct large_object {
    uintptr_t start;
    size_t size;              /* bytes asked for, rounded to 16 */
    size_t nblocks;
    uint8_t *cards;           /* one byte per card, or NULL */
    size_t ncards;
    size_t index;             /* position in heap.large */
};

struct block_meta {
    uint8_t state;
    uint8_t zeroed;           /* every byte is known to be 0 */
    uint8_t recyclable;       /* queued in heap.recycle */
    uint8_t owner;            /* STM: the segment that cut it into holes last */
    uint16_t free_lines;      /* small blocks */
    uint32_t head_distance;   /* large tail: blocks back to its head */
    struct large_object *large;   /* large head */
};

struct heap {
    char *base;               /* aligned to BLOCK_SIZE */
    size_t nblocks;           /* blocks reserved */
    size_t frontier;          /* blocks ever handed out are below this */
    size_t used_blocks;       /* blocks not free */
    struct block_meta *blocks;
    uint8_t *line_marks;      /* per line: non-zero if a live object covers it */
    uint8_t *start_bits;      /* per granule: an object starts here */
    uint8_t *mark_bits;       /* per granule: marked (or old) */
    uint64_t *free_map;       /* per block below frontier: 1 if free */
    size_t free_cursor;       /* where the next free-block search starts */
    struct wordvec recycle;   /* small blocks with free lines */
    struct wordvec large;     /* struct large_object * */
};
extern struct heap heap;

bool heap_reserve(size_t size);
void heap_release(void);
/* A run of n free blocks (zero-filled), or (size_t)-1. */
size_t blocks_take(size_t n);
void blocks_give_back(size_t first, size_t n);
/* Returns free block memory to the OS. */
void blocks_trim(void);

/* References versus real addresses.  The heap's side tables, lists and
   block descriptors all hold references (in the STM flavour, offsets from a
   segment's base); memory is touched through a real address.  In the GIL
   flavour the two are the same and these helpers compile to nothing.
   real_cur(): the running thread's view.  gc_real(): the view a collection
   reads an object in (segments.h explains which one in the STM flavour). */
#ifdef STM_FLAVOUR_STM
extern char *seg_base[];               /* real base of segment 0..N */
extern uint8_t *line_view;             /* per line, during a collection: the
                                          segment whose view holds its objects */
extern __thread char *my_base;         /* base of the thread's segment */
extern char *all_base;                 /* the N+1 segments, contiguous */
extern size_t all_size, seg_size;
static inline void *real_cur(uintptr_t ref) { return my_base + ref; }
static inline void *real_in(int seg, uintptr_t ref) { return seg_base[seg] + ref; }
/* A word on a stack or in a root range, as the reference it may stand for.
   C code that handed an object to libc holds its real address
   (stm_real_address(), or a pointer into its data) and nothing else: that
   address keeps the object alive as the reference would. */
static inline uintptr_t word_as_ref(uintptr_t w)
{
    uintptr_t d = w - (uintptr_t)all_base;
    return d < all_size ? d % seg_size : w;
}
#else
static inline void *real_cur(uintptr_t ref) { return (void *)ref; }
static inline uintptr_t word_as_ref(uintptr_t w) { return w; }
#endif

static inline size_t block_of(uintptr_t addr) { return (addr - (uintptr_t)heap.base) >> BLOCK_SHIFT; }
static inline uintptr_t block_addr(size_t b) { return (uintptr_t)heap.base + (b << BLOCK_SHIFT); }
static inline size_t granule_of(uintptr_t addr) { return (addr - (uintptr_t)heap.base) >> GRANULE_SHIFT; }
static inline bool in_heap(uintptr_t addr)
{
    return addr - (uintptr_t)heap.base < (heap.frontier << BLOCK_SHIFT);
}
static inline bool bit_get(const uint8_t *bits, size_t i) { return (bits[i >> 3] >> (i & 7)) & 1; }
static inline void bit_set(uint8_t *bits, size_t i) { bits[i >> 3] |= (uint8_t)(1u << (i & 7)); }
static inline void bit_clear(uint8_t *bits, size_t i) { bits[i >> 3] &= (uint8_t)~(1u << (i & 7)); }
static inline bool is_marked(uintptr_t obj) { return bit_get(heap.mark_bits, granule_of(obj)); }
#ifdef STM_FLAVOUR_STM
static inline int view_of(uintptr_t obj)
{
    return line_view[(obj - (uintptr_t)heap.base) >> LINE_SHIFT];
}
static inline void *gc_real(uintptr_t obj) { return real_in(view_of(obj), obj); }
#else
static inline void *gc_real(uintptr_t obj) { return (void *)obj; }
#endif
/* Gives the memory of a range of free blocks back to the OS; it reads as
   zero afterwards (in every segment). */
void heap_discard(uintptr_t start, size_t size);

/* ---- allocation (alloc.c) ---- */
struct allocator {
    struct stm_segment_info *info;  /* the segment's bump pointer (real address) */
    size_t block;             /* block being cut into holes, or (size_t)-1 */
    size_t next_line;         /* where to look for the next hole in it */
    uintptr_t hole_end;       /* true end of the current hole */
    size_t young_bytes;       /* handed out since the last collection */
    struct wordvec young_holes;   /* pairs (start, end) */
    struct wordvec young_large;   /* struct large_object * */
    uint64_t stress_countdown;
    bool block_is_fresh;      /* block came zeroed from blocks_take */
};
/* One allocator per segment, so that the side tables' bytes of a hole are
   written by one thread only. */
#ifdef STM_FLAVOUR_STM
#  define ALLOC (&my_seg->alloc)
#else
extern struct allocator alloc;
#  define ALLOC (&alloc)
#endif
size_t allocator_count(void);
struct allocator *allocator_at(size_t i);
void alloc_reset_after_gc(struct allocator *a);
/* Serialises the allocators' use of the shared block lists (STM flavour). */
void heap_lock(void);
void heap_unlock(void);

/* ---- collection (collect.c, roots.c, finalize.c) ---- */
struct gc_state {
    struct config_values {
        size_t heap_size;
        uint64_t stress_every;        /* STM_GC_STRESS, 0 if off */
        int segments;                 /* STM flavour: running transactions */
    } cfg;
    struct stm_config client;
    uint64_t stress_collections;
    size_t old_bytes;                 /* estimate of bytes in old objects */
    size_t major_threshold;
    size_t live_after_major;
    size_t minor_count, major_count;
    size_t promoted_bytes;            /* GIL: of gc.promoted, after the last collection */
    struct wordvec gray;              /* objects marked, not yet traced */
    struct wordvec remembered;        /* old objects written since the last GC */
    size_t remembered_ended;          /* GIL: those before this index were
                                         written by transactions now ended */
    struct wordvec promoted;          /* survivors allocated (or, GIL, old
                                         objects written) by the running
                                         transaction: no barrier flag yet */
    struct wordvec carded;            /* large objects with dirty cards */
    struct wordvec finalizable;       /* objects with a finalizer pending death */
    struct wordvec finalize_queue;    /* dead ones, for stm_next_finalizable */
    struct wordvec weakrefs;
    bool collecting;
    bool major;                       /* the collection running is major */
};
extern struct gc_state gc;

/* Young bytes before the next minor collection.  In the GIL flavour
   every minor collection traces what the running transaction promoted
   (collect.c): a nursery at least twice that keeps a long transaction's
   collections linear in what it allocates, not quadratic (ast.parse of a
   large file is one transaction). */
static inline size_t nursery_bytes(void)
{
#ifdef STM_FLAVOUR_GIL
    return gc.promoted_bytes * 2 > NURSERY_BYTES ? gc.promoted_bytes * 2 : NURSERY_BYTES;
#else
    return NURSERY_BYTES;
#endif
}

void gc_collect(bool major);
/* Marks the object containing the word, if any (conservative root). */
void gc_mark_conservative(uintptr_t word);
void gc_mark_precise(uintptr_t obj);
void gc_drain(void);
/* Finds the start of the object containing addr, or 0. */
uintptr_t gc_find_object(uintptr_t addr);
void roots_mark_all(void);
/* Calls slot_fn on the reference in every registered slot (non-null),
   range_fn on the whole words of every registered range and
   static_range_fn on those of every static range; a NULL function skips
   its kind. */
void roots_for_each(void (*slot_fn)(uintptr_t ref, void *ctx),
                    void (*range_fn)(const uintptr_t *from, const uintptr_t *to, void *ctx),
                    void (*static_range_fn)(const uintptr_t *from, const uintptr_t *to, void *ctx),
                    void *ctx);
/* Sweeping, shared by whole-heap and (STM) one-segment collections. */
size_t sweep_range(uintptr_t start, uintptr_t end);
void settle_block(size_t b);
void free_large(struct large_object *lo);
#ifdef STM_FLAVOUR_GIL
/* The running transaction ends: the objects it allocated will need the
   write barrier after the next collection. */
void gc_transaction_ended(void);
#endif
void finalize_after_marking(void);

/* The size of the object at reference obj whose header is at real address h. */
static inline size_t object_size_at(const struct stm_header *h, uintptr_t obj)
{
    uint32_t granules = h->stm_flags >> STM_SIZE_SHIFT;
    if (granules)
        return (size_t)granules << GRANULE_SHIFT;
    return heap.blocks[block_of(obj)].large->size;
}
/* During a collection. */
static inline size_t object_size(uintptr_t obj)
{
    uint32_t granules = ((struct stm_header *)gc_real(obj))->stm_flags >> STM_SIZE_SHIFT;
    if (granules)
        return (size_t)granules << GRANULE_SHIFT;
    return heap.blocks[block_of(obj)].large->size;
}

/* ---- threads (threads.c) ---- */
enum thread_state {
    THREAD_OUTSIDE,     /* registered, holds no references */
    THREAD_RUNNING,     /* in a transaction, or between commit and start */
    THREAD_PARKED,      /* waiting or in stm_blocking_call: stack recorded */
};

struct stm_thread_private {
    stm_thread *tl;
#ifdef STM_FLAVOUR_STM
    struct segment *seg;            /* held, or NULL */
    struct segment *last_seg;       /* %gs points there */
    uint64_t start_time;            /* kept across retries: see contention.c */
    bool retrying;
    uint32_t break_budget;          /* checks per transaction; 0: not set yet */
#endif
    struct stm_thread_private *next;
    enum thread_state state;
    bool in_transaction;
    bool inevitable;
    char *stack_high;               /* first byte above the stack */
    char *stack_low;                /* recorded when parked */
    /* statistics */
    int timing_state;               /* enum stm_time, or -1 for running */
    double timing_since;
    double run_seconds;             /* of the transaction in progress */
    struct stm_stats stats;
};

extern pthread_mutex_t threads_lock;
extern struct stm_thread_private *all_threads;
extern __thread stm_thread *current_thread;

/* Records the caller's stack pointer after spilling the callee-saved
   registers onto the stack, so that a conservative scan from it sees them. */
#define RECORD_STACK_LOW(priv)                                      \
    do {                                                            \
        __builtin_unwind_init();                                    \
        char *sp_;                                                  \
        __asm__ volatile("mov %%rsp, %0" : "=r"(sp_));              \
        (priv)->stack_low = sp_;                                    \
    } while (0)

/* ---- statistics (stats.c) ---- */
void stats_setup(void);
double stats_now(void);
/* Leaves the current timing state for `state` (-1: running a transaction). */
void stats_switch(struct stm_thread_private *p, int state);
/* Ends the transaction's running time as `state` (committed or aborted). */
void stats_end_run(struct stm_thread_private *p, enum stm_time state);

/* ---- transactions, flavour specific (gil.c, or stm.h's files) ---- */
void flavour_setup(void);
void flavour_teardown(void);
void flavour_thread_exit(struct stm_thread_private *p);
/* A collection runs between these two, with every other thread parked;
   false if another thread collected meanwhile (the caller retries). */
bool flavour_gc_begin(struct stm_thread_private *p);
void flavour_gc_end(struct stm_thread_private *p);
/* The objects of a weak reference or finalizer's slot have changed: bring
   every view of it in line (STM flavour; nothing in the GIL flavour). */
bool flavour_clear_flag(uintptr_t obj, uint32_t flag);      /* was it set? */
bool flavour_clear_weak_slot(uintptr_t w, size_t offset);  /* cleared? */
/* Shared lists pushed to from running transactions. */
void gc_list_push(struct wordvec *v, uintptr_t x);
void gc_list_push_pair(struct wordvec *v, uintptr_t x, uintptr_t y);

#ifdef STM_FLAVOUR_STM
#  include <string.h>
#  include "segments.h"
/* The running thread's segment is about to write [start, start + len). */
#  define NOTE_WRITTEN(start, len) note_private(my_seg, (start), (len))
#else
#  define NOTE_WRITTEN(start, len) ((void)0)
#endif

#endif
