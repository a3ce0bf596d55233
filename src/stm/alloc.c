/*
** The allocation slow path: finding the next hole of free lines, large
** objects, weak references, and the GC stress mode.
**
** The inline fast path in stm.h bumps STM_SEGMENT->alloc_current up to
** alloc_end.  In stress mode alloc_end is kept equal to alloc_current so
** that every allocation comes here and can be counted.
*/
#include "core.h"
#include <stdlib.h>
#include <string.h>

#define NO_BLOCK ((size_t)-1)

#ifdef STM_FLAVOUR_GIL
struct allocator alloc = {.info = &stm_gil_segment};
size_t allocator_count(void) { return 1; }
struct allocator *allocator_at(size_t i) { return &alloc; }
#endif

static void start_hole(struct allocator *a, uintptr_t start, uintptr_t end)
{
    NOTE_WRITTEN(start, end - start);
    if (!a->block_is_fresh)
        memset(real_cur(start), 0, end - start);
    wordvec_push(&a->young_holes, start);
    wordvec_push(&a->young_holes, end);
    a->young_bytes += end - start;
#ifdef STM_FLAVOUR_STM
    close_alloc_range(my_seg);
    my_seg->range_start = start;
#endif
    a->info->alloc_current = start;
    a->hole_end = end;
}

/* The blocks [b, b + n) are the calling segment's to cut (local_gc.c). */
static inline void set_owner(size_t b, size_t n)
{
#ifdef STM_FLAVOUR_STM
    for (size_t i = b; i < b + n; i++)
        heap.blocks[i].owner = (uint8_t)my_seg->num;
#endif
}

/* Moves the allocator to the next hole; false if the heap is full. */
static bool next_hole(struct allocator *a)
{
    for (;;) {
        if (a->block != NO_BLOCK) {
            const uint8_t *marks = heap.line_marks + a->block * LINES_PER_BLOCK;
            size_t l = a->next_line;
            while (l < LINES_PER_BLOCK && marks[l])
                l++;
            if (l < LINES_PER_BLOCK) {
                size_t e = l;
                while (e < LINES_PER_BLOCK && !marks[e])
                    e++;
                a->next_line = e;
                uintptr_t base = block_addr(a->block);
                start_hole(a, base + (l << LINE_SHIFT), base + (e << LINE_SHIFT));
                return true;
            }
            a->block = NO_BLOCK;
        }
        heap_lock();
        while (heap.recycle.count) {
            size_t b = wordvec_pop(&heap.recycle);
            heap.blocks[b].recyclable = 0;
            if (heap.blocks[b].state == BLOCK_SMALL && heap.blocks[b].free_lines) {
                a->block = b;
                a->next_line = 0;
                a->block_is_fresh = false;
                set_owner(b, 1);
                break;
            }
        }
        if (a->block != NO_BLOCK) {
            heap_unlock();
            continue;
        }
        size_t b = blocks_take(1);
        if (b != NO_BLOCK) {
            heap.blocks[b].state = BLOCK_SMALL;
            heap.blocks[b].free_lines = LINES_PER_BLOCK;
            set_owner(b, 1);
        }
        heap_unlock();
        if (b == NO_BLOCK)
            return false;
        a->block = b;
        a->next_line = 0;
        a->block_is_fresh = true;
    }
}

void alloc_reset_after_gc(struct allocator *a)
{
    a->block = NO_BLOCK;
    a->hole_end = 0;
    a->young_bytes = 0;
    a->young_holes.count = 0;
    a->young_large.count = 0;
    a->info->alloc_current = 0;
    a->info->alloc_end = 0;
}

/* The nursery is full.  In the STM flavour the thread collects its own
   transaction's young objects and nobody waits (local_gc.c), unless a
   major collection is due or weak references or finalizers are involved. */
static void collect_young(void)
{
#ifdef STM_FLAVOUR_STM
    if (gc.old_bytes < gc.major_threshold && !my_seg->gc_special) {
        local_collect(current_thread->priv, NULL);
        return;
    }
#endif
    gc_collect(false);
}

/* Allocations until the next stress collection: the configured count,
   or more while the running transaction has promoted many objects, which
   every collection traces again (collect.c, local_gc.c); otherwise a
   transaction that builds a big structure takes quadratic time. */
static uint64_t stress_interval(void)
{
#ifdef STM_FLAVOUR_STM
    size_t promoted = my_seg->promoted.count;
#else
    size_t promoted = gc.promoted.count;
#endif
    return promoted / 4 > gc.cfg.stress_every ? promoted / 4 : gc.cfg.stress_every;
}

/* Collects if the stress mode or the amount of young data asks for it. */
static void maybe_collect(struct allocator *a)
{
    if (gc.cfg.stress_every) {
        if (--a->stress_countdown == 0) {
            a->stress_countdown = stress_interval();
            uint64_t n = __atomic_add_fetch(&gc.stress_collections, 1, __ATOMIC_RELAXED);
#ifdef STM_FLAVOUR_STM
            /* Every other minor one local to the segment. */
            if (n % 8 != 0 && n % 2 == 1) {
                collect_young();
                return;
            }
#endif
            gc_collect(n % 8 == 0);
        }
    } else if (a->young_bytes >= nursery_bytes() || gc.old_bytes >= gc.major_threshold) {
        collect_young();
    }
}

static stm_obj *allocate_large(size_t size, uint32_t type)
{
    size_t n = (size + BLOCK_SIZE - 1) >> BLOCK_SHIFT;
    if (n > heap.nblocks)
        return NULL;
    if (ALLOC->young_bytes + (n << BLOCK_SHIFT) >= nursery_bytes())
        collect_young();
    heap_lock();
    size_t b = blocks_take(n);
    heap_unlock();
    if (b == NO_BLOCK) {
        gc_collect(true);
        heap_lock();
        b = blocks_take(n);
        heap_unlock();
        if (b == NO_BLOCK)
            return NULL;
    }
    struct allocator *a = ALLOC;
    struct large_object *lo = calloc(1, sizeof *lo);
    if (!lo)
        stm_fatal("out of C memory for a large object's descriptor");
    lo->start = block_addr(b);
    lo->size = size;
    lo->nblocks = n;
    heap_lock();
    lo->index = heap.large.count;
    heap.blocks[b].state = BLOCK_LARGE_HEAD;
    heap.blocks[b].large = lo;
    set_owner(b, n);
    for (size_t i = 1; i < n; i++) {
        heap.blocks[b + i].state = BLOCK_LARGE_TAIL;
        heap.blocks[b + i].head_distance = (uint32_t)i;
    }
    wordvec_push(&heap.large, (uintptr_t)lo);
    heap_unlock();
    wordvec_push(&a->young_large, (uintptr_t)lo);
    a->young_bytes += n << BLOCK_SHIFT;
#ifdef STM_FLAVOUR_STM
    wordvec_push(&my_seg->new_ranges, lo->start);
    wordvec_push(&my_seg->new_ranges, lo->start + size);
#endif
    NOTE_WRITTEN(lo->start, size);

    stm_obj *obj = (stm_obj *)lo->start;
    if (gc.client.trace_items) {
        lo->ncards = ((size / sizeof(void *)) >> STM_CARD_SHIFT) + 1;
        lo->cards = calloc(lo->ncards, 1);
        if (!lo->cards)
            stm_fatal("out of C memory for a card table");
        obj->stm_flags = STM_FLAG_HAS_CARDS;
    }
    bit_set(heap.start_bits, granule_of(lo->start));
    obj->stm_type = type;
    return obj;
}

stm_obj *_stm_allocate_slow(size_t size, uint32_t type)
{
    STM_CHECK(current_thread && current_thread->priv->in_transaction,
              "stm_allocate() outside a transaction");
    STM_CHECK(!gc.collecting, "stm_allocate() from a GC callback");
#ifdef STM_FLAVOUR_STM
    poll_if_needed(current_thread->priv);
#endif
    size = size < STM_MIN_SIZE ? STM_MIN_SIZE : (size + STM_ALIGN - 1) & ~(size_t)(STM_ALIGN - 1);
    if (size >= LARGE_MIN || size == 0)
        return size >= LARGE_MIN ? allocate_large(size, type) : NULL;
    struct allocator *a = ALLOC;
    maybe_collect(a);
    bool collected_for_space = false;
    while (a->info->alloc_current + size > a->hole_end) {
        /* The rest of a hole too small for this object is left unused: it
           does not count towards the nursery.  Counted, an object of a few
           KiB skipping the small holes of a fragmented heap collected
           again and again, each collection giving the same holes back, and
           never reached a free block (compiling the standard library file
           after file hung). */
        if (a->hole_end > a->info->alloc_current)
            a->young_bytes -= a->hole_end - a->info->alloc_current;
        if (a->young_bytes >= nursery_bytes())
            collect_young();
        if (!next_hole(a)) {
            if (collected_for_space)
                return NULL;
            gc_collect(true);
            collected_for_space = true;
        }
    }
    uintptr_t p = a->info->alloc_current;
    a->info->alloc_current = p + size;
    a->info->alloc_end = gc.cfg.stress_every ? p + size : a->hole_end;
    bit_set(heap.start_bits, granule_of(p));
    stm_obj *obj = (stm_obj *)p;
    obj->stm_flags = (uint32_t)(size << (STM_SIZE_SHIFT - 4));
    obj->stm_type = type;
    return obj;
}

stm_obj *stm_allocate_weakref(size_t size, uint32_t type, size_t slot_offset)
{
    STM_CHECK(slot_offset >= sizeof(struct stm_header) && slot_offset % sizeof(void *) == 0
              && slot_offset + sizeof(void *) <= size,
              "stm_allocate_weakref(): bad slot offset %zu for size %zu", slot_offset, size);
    stm_obj *obj = stm_allocate(size, type);
    if (obj) {
#ifdef STM_FLAVOUR_STM
        my_seg->gc_special = true;
#endif
        obj->stm_flags |= STM_FLAG_WEAKREF;
        gc_list_push_pair(&gc.weakrefs, (uintptr_t)obj, slot_offset);
    }
    return obj;
}
