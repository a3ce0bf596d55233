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

struct allocator alloc;

#define NO_BLOCK ((size_t)-1)

static bool block_is_fresh;       /* alloc.block came zeroed from blocks_take */

static void start_hole(uintptr_t start, uintptr_t end)
{
    if (!block_is_fresh)
        memset((void *)start, 0, end - start);
    wordvec_push(&alloc.young_holes, start);
    wordvec_push(&alloc.young_holes, end);
    alloc.young_bytes += end - start;
    STM_SEGMENT->alloc_current = start;
    alloc.hole_end = end;
}

/* Moves the allocator to the next hole; false if the heap is full. */
static bool next_hole(void)
{
    for (;;) {
        if (alloc.block != NO_BLOCK) {
            const uint8_t *marks = heap.line_marks + alloc.block * LINES_PER_BLOCK;
            size_t l = alloc.next_line;
            while (l < LINES_PER_BLOCK && marks[l])
                l++;
            if (l < LINES_PER_BLOCK) {
                size_t e = l;
                while (e < LINES_PER_BLOCK && !marks[e])
                    e++;
                alloc.next_line = e;
                uintptr_t base = block_addr(alloc.block);
                start_hole(base + (l << LINE_SHIFT), base + (e << LINE_SHIFT));
                return true;
            }
            alloc.block = NO_BLOCK;
        }
        while (heap.recycle.count) {
            size_t b = wordvec_pop(&heap.recycle);
            heap.blocks[b].recyclable = 0;
            if (heap.blocks[b].state == BLOCK_SMALL && heap.blocks[b].free_lines) {
                alloc.block = b;
                alloc.next_line = 0;
                block_is_fresh = false;
                break;
            }
        }
        if (alloc.block != NO_BLOCK)
            continue;
        size_t b = blocks_take(1);
        if (b == NO_BLOCK)
            return false;
        heap.blocks[b].state = BLOCK_SMALL;
        heap.blocks[b].free_lines = LINES_PER_BLOCK;
        alloc.block = b;
        alloc.next_line = 0;
        block_is_fresh = true;
    }
}

void alloc_reset_after_gc(void)
{
    alloc.block = NO_BLOCK;
    alloc.hole_end = 0;
    alloc.young_bytes = 0;
    alloc.young_holes.count = 0;
    alloc.young_large.count = 0;
    STM_SEGMENT->alloc_current = 0;
    STM_SEGMENT->alloc_end = 0;
}

/* Collects if the stress mode or the amount of young data asks for it. */
static void maybe_collect(void)
{
    if (gc.cfg.stress_every) {
        if (--gc.stress_countdown == 0) {
            gc.stress_countdown = gc.cfg.stress_every;
            gc_collect(++gc.stress_collections % 8 == 0);
        }
    } else if (alloc.young_bytes >= NURSERY_BYTES) {
        gc_collect(false);
    }
}

static stm_obj *allocate_large(size_t size, uint32_t type)
{
    size_t n = (size + BLOCK_SIZE - 1) >> BLOCK_SHIFT;
    if (n > heap.nblocks)
        return NULL;
    if (alloc.young_bytes + (n << BLOCK_SHIFT) >= NURSERY_BYTES)
        gc_collect(false);
    size_t b = blocks_take(n);
    if (b == NO_BLOCK) {
        gc_collect(true);
        b = blocks_take(n);
        if (b == NO_BLOCK)
            return NULL;
    }
    struct large_object *lo = calloc(1, sizeof *lo);
    if (!lo)
        stm_fatal("out of C memory for a large object's descriptor");
    lo->start = block_addr(b);
    lo->size = size;
    lo->nblocks = n;
    lo->index = heap.large.count;
    heap.blocks[b].state = BLOCK_LARGE_HEAD;
    heap.blocks[b].large = lo;
    for (size_t i = 1; i < n; i++) {
        heap.blocks[b + i].state = BLOCK_LARGE_TAIL;
        heap.blocks[b + i].head_distance = (uint32_t)i;
    }
    wordvec_push(&heap.large, (uintptr_t)lo);
    wordvec_push(&alloc.young_large, (uintptr_t)lo);
    alloc.young_bytes += n << BLOCK_SHIFT;

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
    size = size < STM_MIN_SIZE ? STM_MIN_SIZE : (size + STM_ALIGN - 1) & ~(size_t)(STM_ALIGN - 1);
    if (size >= LARGE_MIN || size == 0)
        return size >= LARGE_MIN ? allocate_large(size, type) : NULL;
    maybe_collect();
    bool collected_for_space = false;
    while (STM_SEGMENT->alloc_current + size > alloc.hole_end) {
        if (alloc.young_bytes >= NURSERY_BYTES)
            gc_collect(false);
        if (!next_hole()) {
            if (collected_for_space)
                return NULL;
            gc_collect(true);
            collected_for_space = true;
        }
    }
    uintptr_t p = STM_SEGMENT->alloc_current;
    STM_SEGMENT->alloc_current = p + size;
    STM_SEGMENT->alloc_end = gc.cfg.stress_every ? p + size : alloc.hole_end;
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
        obj->stm_flags |= STM_FLAG_WEAKREF;
        wordvec_push(&gc.weakrefs, (uintptr_t)stm_real_address(obj));
        wordvec_push(&gc.weakrefs, slot_offset);
    }
    return obj;
}
