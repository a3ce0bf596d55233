/*
** Marking and sweeping, minor and major.
**
** Minor: the roots are the stacks, the registered globals, the remembered
** set (old objects written since the last collection) and the dirty cards
** of large arrays; old objects count as marked already, so only young ones
** are traced.  The sweep then looks at the holes handed out since the last
** collection, nowhere else.  Major: all mark bits are cleared first and the
** whole heap is traced and swept.
**
** The client writes objects allocated by the running transaction with no
** barrier (stm.h), even after a collection promoted them.  So survivors of
** the running transaction keep their WRITE_BARRIER flag off while it runs:
** they sit in gc.promoted, which every minor collection traces, as it
** traces the remembered set.  When the transaction ends they get their
** flag back and move to the remembered set: the next minor collection
** traces them once more.  (GIL flavour: old objects the transaction wrote
** are kept the same way; the client calls stm_write() once per object and
** transaction.)
*/
#include "core.h"
#include <stdlib.h>
#include <string.h>

void gc_mark_precise(uintptr_t obj)
{
    STM_CHECK(in_heap(obj) && (obj & (STM_ALIGN - 1)) == 0
              && bit_get(heap.start_bits, granule_of(obj)),
              "the trace callback reported %p, which is not an object", (void *)obj);
    size_t g = granule_of(obj);
    if (bit_get(heap.mark_bits, g))
        return;
    bit_set(heap.mark_bits, g);
    wordvec_push(&gc.gray, obj);
}

static void visit_slot(stm_obj **slot, void *ctx)
{
    uintptr_t r = (uintptr_t)*slot;
    if (r)
        gc_mark_precise(r);
}

uintptr_t gc_find_object(uintptr_t addr)
{
    if (!in_heap(addr))
        return 0;
    size_t b = block_of(addr);
    switch (heap.blocks[b].state) {
    case BLOCK_LARGE_TAIL:
        b -= heap.blocks[b].head_distance;
        /* fall through */
    case BLOCK_LARGE_HEAD: {
        struct large_object *lo = heap.blocks[b].large;
        return addr < lo->start + lo->size && bit_get(heap.start_bits, granule_of(lo->start))
               ? lo->start : 0;
    }
    case BLOCK_SMALL: {
        size_t first = granule_of(block_addr(b));
        size_t g = granule_of(addr);
        /* Scan back, a byte of the start bitmap at a time. */
        uint8_t bits = heap.start_bits[g >> 3] & (uint8_t)(0xffu >> (7 - (g & 7)));
        size_t byte = g >> 3;
        while (bits == 0) {
            if (byte == first >> 3)
                return 0;
            bits = heap.start_bits[--byte];
        }
        uintptr_t obj = (uintptr_t)heap.base
                        + ((byte * 8 + 31 - (size_t)__builtin_clz(bits)) << GRANULE_SHIFT);
        return addr < obj + object_size(obj) ? obj : 0;
    }
    default:
        return 0;
    }
}

void gc_mark_conservative(uintptr_t word)
{
    uintptr_t obj = gc_find_object(word);
    if (obj)
        gc_mark_precise(obj);
}

#ifdef STM_FLAVOUR_STM
/* In this flavour the barrier flag only means "committed": a collection
   leaves it alone, and the running transactions' survivors are found in
   their allocation ranges afterwards (gc_stm.c). */
void gc_drain(void)
{
    while (gc.gray.count)
        trace_object(wordvec_pop(&gc.gray), visit_slot);
}
#else
void gc_drain(void)
{
    while (gc.gray.count) {
        struct stm_header *obj = (struct stm_header *)wordvec_pop(&gc.gray);
        /* A minor collection marks young objects only: they belong to the
           running transaction, or to one that ended since the last
           collection, and keep writing freely until the transaction ends.
           A major one fixes its young survivors up afterwards. */
        if (gc.major)
            obj->stm_flags |= STM_FLAG_WRITE_BARRIER;
        else
            wordvec_push(&gc.promoted, (uintptr_t)obj);
        gc.client.trace(obj, visit_slot, NULL);
    }
}

void gc_transaction_ended(void)
{
    /* They may have been written with references to young objects and no
       barrier: the next minor collection traces them as written old
       objects.  Their barrier flag is back now, so that the next
       transaction's first write to them goes through stm_write() again. */
    for (size_t i = gc.remembered_ended; i < gc.remembered.count; i++)
        ((struct stm_header *)gc.remembered.items[i])->stm_flags |= STM_FLAG_WRITE_BARRIER;
    for (size_t i = 0; i < gc.promoted.count; i++) {
        ((struct stm_header *)gc.promoted.items[i])->stm_flags |= STM_FLAG_WRITE_BARRIER;
        wordvec_push(&gc.remembered, gc.promoted.items[i]);
    }
    gc.promoted.count = 0;
    gc.promoted_bytes = 0;
    gc.remembered_ended = gc.remembered.count;
}

/* Old objects the running transaction wrote keep their barrier flag off
   until it ends, as the objects it allocated do: the client calls
   stm_write() once per object and transaction (the VM's dispatch loop
   writes its frame's slots so), and a collection must not undo that. */
static void keep_written_objects(void)
{
    for (size_t i = gc.remembered_ended; i < gc.remembered.count; i++)
        wordvec_push(&gc.promoted, gc.remembered.items[i]);
    gc.remembered.count = gc.remembered_ended;
    gc.remembered_ended = 0;
}
#endif

/* Old objects written since the last collection may hold the only
   references to young ones. */
static void mark_from_written_objects(void)
{
#ifdef STM_FLAVOUR_STM
    gc_stm_mark_segments(false, visit_slot);
#else
    keep_written_objects();
    for (size_t i = 0; i < gc.remembered.count; i++) {
        struct stm_header *obj = (struct stm_header *)gc.remembered.items[i];
        gc.client.trace(obj, visit_slot, NULL);
        obj->stm_flags |= STM_FLAG_WRITE_BARRIER;
    }
    gc.remembered.count = 0;
    /* Written since they were promoted, without a barrier. */
    for (size_t i = 0; i < gc.promoted.count; i++)
        gc.client.trace((struct stm_header *)gc.promoted.items[i], visit_slot, NULL);
    for (size_t i = 0; i < gc.carded.count; i++) {
        struct stm_header *obj = (struct stm_header *)gc.carded.items[i];
        struct large_object *lo = heap.blocks[block_of((uintptr_t)obj)].large;
        for (size_t c = 0; c < lo->ncards; c++) {
            if (lo->cards[c]) {
                lo->cards[c] = 0;
                gc.client.trace_items(obj, c << STM_CARD_SHIFT, (c + 1) << STM_CARD_SHIFT,
                                      visit_slot, NULL);
            }
        }
        obj->stm_flags &= ~STM_FLAG_CARDS_DIRTY;
    }
    gc.carded.count = 0;
#endif
}

/* Keeps only the start bits of marked objects in [start, end), marks the
   lines they cover and returns their total size. */
size_t sweep_range(uintptr_t start, uintptr_t end)
{
    size_t live = 0;
    size_t first = granule_of(start) >> 3, last = granule_of(end) >> 3;
    /* Indexed from the heap's base: a range may start in the middle of a
       line (a hole cut where the bump pointer was). */
    uint8_t *lines = heap.line_marks;
    uintptr_t base = (uintptr_t)heap.base;
    for (size_t i = first; i < last; i++) {
        uint8_t bits = heap.start_bits[i] & heap.mark_bits[i];
        heap.start_bits[i] = bits;
        while (bits) {
            unsigned k = (unsigned)__builtin_ctz(bits);
            bits &= (uint8_t)(bits - 1);
            uintptr_t obj = (uintptr_t)heap.base + ((i * 8 + k) << GRANULE_SHIFT);
            size_t size = object_size(obj);
            live += size;
            size_t l0 = (obj - base) >> LINE_SHIFT, l1 = (obj + size - 1 - base) >> LINE_SHIFT;
            for (size_t l = l0; l <= l1; l++)
                lines[l] = 1;
        }
    }
    return live;
}

/* Recounts a small block's free lines and files it as free or recyclable. */
void settle_block(size_t b)
{
    const uint8_t *marks = heap.line_marks + b * LINES_PER_BLOCK;
    size_t free_lines = 0;
    for (size_t l = 0; l < LINES_PER_BLOCK; l++)
        free_lines += marks[l] == 0;
    struct block_meta *m = &heap.blocks[b];
    if (free_lines == LINES_PER_BLOCK) {
        blocks_give_back(b, 1);
        return;
    }
    m->free_lines = (uint16_t)free_lines;
    /* Swept: no allocator's young objects are left in it (STM: a thread
       that cut it must not take the next cutter's objects for its own). */
    m->owner = 0;
    if (free_lines && !m->recyclable) {
        m->recyclable = 1;
        wordvec_push(&heap.recycle, b);
    }
}

void free_large(struct large_object *lo)
{
    struct large_object *moved = (struct large_object *)heap.large.items[--heap.large.count];
    heap.large.items[lo->index] = (uintptr_t)moved;
    moved->index = lo->index;
    bit_clear(heap.start_bits, granule_of(lo->start));
    blocks_give_back(block_of(lo->start), lo->nblocks);
    free(lo->cards);
    free(lo);
}

static void minor_collection(void)
{
    roots_mark_all();
    mark_from_written_objects();
    gc_drain();
    finalize_after_marking();

    size_t survived = 0;
    for (size_t a = 0; a < allocator_count(); a++) {
        struct allocator *al = allocator_at(a);
        size_t last_block = (size_t)-1;
        for (size_t i = 0; i < al->young_holes.count; i += 2) {
            uintptr_t start = al->young_holes.items[i], end = al->young_holes.items[i + 1];
            survived += sweep_range(start, end);
            size_t b = block_of(start);
            if (b != last_block && last_block != (size_t)-1)
                settle_block(last_block);
            last_block = b;
        }
        if (last_block != (size_t)-1)
            settle_block(last_block);
        for (size_t i = 0; i < al->young_large.count; i++) {
            struct large_object *lo = (struct large_object *)al->young_large.items[i];
            if (is_marked(lo->start))
                survived += lo->nblocks << BLOCK_SHIFT;
            else
                free_large(lo);
        }
    }
    gc.old_bytes += survived;
}

#ifdef STM_FLAVOUR_GIL
/* After a major collection's marking: the survivors allocated by the
   running transaction (promoted before, or young now) lose the barrier
   flag that marking gave them, and the dead ones leave gc.promoted. */
static void keep_barriers_off(void)
{
    size_t kept = 0;
    for (size_t i = 0; i < gc.promoted.count; i++) {
        uintptr_t obj = gc.promoted.items[i];
        if (is_marked(obj)) {
            ((struct stm_header *)obj)->stm_flags &= ~STM_FLAG_WRITE_BARRIER;
            gc.promoted.items[kept++] = obj;
        }
    }
    gc.promoted.count = kept;
    for (size_t i = 0; i < alloc.young_holes.count; i += 2) {
        size_t first = granule_of(alloc.young_holes.items[i]) >> 3;
        size_t last = granule_of(alloc.young_holes.items[i + 1]) >> 3;
        for (size_t j = first; j < last; j++) {
            uint8_t bits = heap.start_bits[j] & heap.mark_bits[j];
            while (bits) {
                unsigned k = (unsigned)__builtin_ctz(bits);
                bits &= (uint8_t)(bits - 1);
                uintptr_t obj = (uintptr_t)heap.base + ((j * 8 + k) << GRANULE_SHIFT);
                ((struct stm_header *)obj)->stm_flags &= ~STM_FLAG_WRITE_BARRIER;
                wordvec_push(&gc.promoted, obj);
            }
        }
    }
    for (size_t i = 0; i < alloc.young_large.count; i++) {
        struct large_object *lo = (struct large_object *)alloc.young_large.items[i];
        if (is_marked(lo->start)) {
            ((struct stm_header *)lo->start)->stm_flags &= ~STM_FLAG_WRITE_BARRIER;
            wordvec_push(&gc.promoted, lo->start);
        }
    }
}
#endif

static void major_collection(void)
{
    memset(heap.mark_bits, 0, (heap.frontier << BLOCK_SHIFT) >> (GRANULE_SHIFT + 3));
    for (size_t i = 0; i < gc.carded.count; i++) {
        struct stm_header *obj = (struct stm_header *)gc.carded.items[i];
        struct large_object *lo = heap.blocks[block_of((uintptr_t)obj)].large;
        memset(lo->cards, 0, lo->ncards);
        obj->stm_flags &= ~STM_FLAG_CARDS_DIRTY;
    }
    gc.carded.count = 0;
#ifdef STM_FLAVOUR_GIL
    keep_written_objects();
#endif
    gc.remembered.count = 0;      /* every marked object gets its barrier back */

    roots_mark_all();
    gc_drain();
    finalize_after_marking();
#ifdef STM_FLAVOUR_GIL
    keep_barriers_off();
#endif

    size_t live = 0;
    heap.recycle.count = 0;
    for (size_t b = 0; b < heap.frontier; b++) {
        struct block_meta *m = &heap.blocks[b];
        if (m->state != BLOCK_SMALL)
            continue;
        m->recyclable = 0;
        memset(heap.line_marks + b * LINES_PER_BLOCK, 0, LINES_PER_BLOCK);
        live += sweep_range(block_addr(b), block_addr(b + 1));
        settle_block(b);
    }
    for (size_t i = heap.large.count; i-- > 0;) {
        struct large_object *lo = (struct large_object *)heap.large.items[i];
        if (is_marked(lo->start))
            live += lo->nblocks << BLOCK_SHIFT;
        else
            free_large(lo);
    }
    gc.live_after_major = live;
    gc.old_bytes = live;
    gc.major_threshold = live + live / 2 > MIN_MAJOR_THRESHOLD ? live + live / 2 : MIN_MAJOR_THRESHOLD;
    blocks_trim();
    /* Marking a big structure or promoting one leaves these lists large. */
    wordvec_shrink(&gc.gray);
    wordvec_shrink(&gc.remembered);
    wordvec_shrink(&gc.promoted);
}

void gc_collect(bool major)
{
    STM_CHECK(!gc.collecting, "collection requested from inside a collection");
    struct stm_thread_private *p = current_thread ? current_thread->priv : NULL;
    STM_CHECK(p && p->in_transaction, "collection outside a transaction");
    if (!flavour_gc_begin(p))
        return;
    if (gc.old_bytes >= gc.major_threshold)
        major = true;
    gc.collecting = true;
    gc.major = major;
    stats_switch(p, major ? STM_TIME_MAJOR_GC : STM_TIME_MINOR_GC);
    if (major) {
        major_collection();
        gc.major_count++;
    } else {
        minor_collection();
        gc.minor_count++;
    }
#ifdef STM_FLAVOUR_STM
    gc_stm_after_sweep(major);
#endif
    for (size_t a = 0; a < allocator_count(); a++)
        alloc_reset_after_gc(allocator_at(a));
#ifdef STM_FLAVOUR_GIL
    /* Every minor collection traces gc.promoted again: ask the client to
       end the transaction soon, so that the list stays short; until it
       does, the nursery grows with it. */
    if (gc.promoted.count)
        STM_SEGMENT->break_countdown = 0;
    gc.promoted_bytes = 0;
    for (size_t i = 0; i < gc.promoted.count; i++)
        gc.promoted_bytes += object_size(gc.promoted.items[i]);
#endif
    stats_switch(p, -1);
    gc.collecting = false;
    flavour_gc_end(p);
}

void stm_collect_minor(void) { gc_collect(false); }
void stm_collect_major(void) { gc_collect(true); }

void stm_heap_info(struct stm_heap_info *out)
{
    out->live_after_major = gc.live_after_major;
    out->committed = heap.used_blocks << BLOCK_SHIFT;
    out->minor_collections = gc.minor_count;
#ifdef STM_FLAVOUR_STM
    for (int i = 1; i <= nsegments; i++)
        out->minor_collections += __atomic_load_n(&segments[i].minor_count, __ATOMIC_RELAXED);
#endif
    out->major_collections = gc.major_count;
}
