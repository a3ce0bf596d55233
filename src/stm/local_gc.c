/*
** Collections of one segment's young objects (STM flavour), run by the
** segment's own thread while the other threads go on running.
**
** The young objects of a running transaction are out of every other
** thread's reach: the only ways to them are its thread's stack and
** registers, its marker, the registered roots, the old objects it wrote
** (write set) and its survivors of earlier collections (promoted, written
** since without a barrier).  So its thread marks and sweeps them alone.
** It does so when the segment has handed out NURSERY_BYTES, and at every
** commit, which then publishes the survivors only.  Every committed object
** is therefore old (marked), and an old object references old objects or
** young objects of the one transaction that wrote it: no collection ever
** needs the other segments' commits to find young objects.
**
** Whose object is it: one allocator at a time cuts a block into holes, and
** the block goes back to the shared lists only after all its young holes
** were swept (block_meta.owner names the segment that cut it last).  So
** an unmarked object in a block this segment owns is one of its young
** objects, and the start and mark bits of that block change only by this
** thread.  Objects of other blocks are never marked, swept or read here.
**
** Weak references and finalizers are settled by stop-the-world collections
** only: a transaction that allocated or wrote a weak reference or
** registered a finalizer (s->gc_special) collects stop-the-world in its
** middle, and at commit marks all its young objects old without tracing
** (they wait for the next major collection).  So does a small commit when
** the last collections at commit found almost everything alive
** (PROMOTE_MAX_BYTES).
*/
#ifdef STM_FLAVOUR_STM
#include "core.h"
#include <string.h>

/* A collection in progress: the segment, and the range of addresses its
   young holes and large objects span (a quick test that rejects most
   words of a stack). */
struct marking {
    struct segment *s;
    uintptr_t lo, span;
};

/* Survived bytes a segment adds to gc.old_bytes at once.  The major
   collection's trigger lags by as much per segment. */
#define OLD_PENDING_MAX ((size_t)1 << 20)
/* A commit whose young objects are fewer bytes than this may skip the
   marking and keep them all, when the last collections at commit found
   nine tenths or more alive (objects made to be linked into the shared
   structure): the marking would find the same.  One commit in
   PROMOTE_CHECK collects anyway, to notice a change. */
#define PROMOTE_MAX_BYTES ((size_t)16 << 10)
#define PROMOTE_CHECK 16

static inline bool is_young_here(const struct marking *mk, uintptr_t obj)
{
    return obj - mk->lo < mk->span && heap.blocks[block_of(obj)].owner == mk->s->num
           && !is_marked(obj);
}

static inline void mark(struct marking *mk, uintptr_t obj)
{
    bit_set(heap.mark_bits, granule_of(obj));
    wordvec_push(&mk->s->gray, obj);
}

static void visit(stm_obj **slot, void *ctx)
{
    uintptr_t r = (uintptr_t)*slot;
    if (is_young_here(ctx, r))
        mark(ctx, r);
}

static void visit_ref(uintptr_t r, void *ctx)
{
    if (is_young_here(ctx, r))
        mark(ctx, r);
}

/* The unmarked young object of this segment that the word points into
   (conservative roots: interior pointers count), or 0. */
static inline uintptr_t young_object_at(const struct marking *mk, uintptr_t w)
{
    if (w - mk->lo >= mk->span)
        return 0;
    size_t b = block_of(w);
    const struct block_meta *m = &heap.blocks[b];
    if (m->owner != mk->s->num)
        return 0;
    uintptr_t obj;
    if (m->state == BLOCK_SMALL) {
        size_t first = granule_of(block_addr(b)) >> 3;
        size_t g = granule_of(w);
        size_t byte = g >> 3;
        uint8_t bits = heap.start_bits[byte] & (uint8_t)(0xffu >> (7 - (g & 7)));
        while (bits == 0) {
            if (byte == first)
                return 0;
            bits = heap.start_bits[--byte];
        }
        obj = (uintptr_t)heap.base + ((byte * 8 + 31 - (size_t)__builtin_clz(bits)) << GRANULE_SHIFT);
        /* A marked object is old: its header may be meaningful in another
           view only (an uncommitted survivor), so stop before reading it. */
        if (is_marked(obj))
            return 0;
        if (w >= obj + object_size_at(real_cur(obj), obj))
            return 0;
    } else if (m->state == BLOCK_LARGE_HEAD || m->state == BLOCK_LARGE_TAIL) {
        if (m->state == BLOCK_LARGE_TAIL)
            b -= m->head_distance;
        const struct large_object *lo = heap.blocks[b].large;
        obj = lo->start;
        if (w >= obj + lo->size || !bit_get(heap.start_bits, granule_of(obj)) || is_marked(obj))
            return 0;
    } else {
        return 0;
    }
    return obj;
}

static inline void visit_word(uintptr_t w, void *ctx)
{
    uintptr_t obj = young_object_at(ctx, w);
    if (obj)
        mark(ctx, obj);
}

/* A registered root range: words visited in a loop of their own, not
   through a call each (a few thousand words at every commit). */
static void visit_words(const uintptr_t *p, const uintptr_t *end, void *ctx)
{
    for (; p < end; p++)
        visit_word(word_as_ref(*p), ctx);
}

#ifdef STM_DEBUG
/* Static ranges skipped by a transaction that was never inevitable must
   not name its young objects (stm_add_static_root_range's promise). */
static void check_static_words(const uintptr_t *p, const uintptr_t *end, void *ctx)
{
    for (; p < end; p++)
        STM_CHECK(!young_object_at(ctx, word_as_ref(*p)),
                  "static root range word %p names an object made by a transaction that is "
                  "not inevitable (stm_add_static_root_range)", (const void *)p);
}
#endif

/* The caller's registers are spilled into this frame, which is scanned. */
static __attribute__((noinline)) void mark_from_roots(struct marking *mk,
                                                     struct stm_thread_private *p,
                                                     char *client_sp)
{
    struct segment *s = mk->s;
    RECORD_STACK_LOW(p);
#ifdef STM_DEBUG
    /* Before anything is marked: a marked object would pass unseen. */
    if (!p->inevitable)
        roots_for_each(NULL, NULL, check_static_words, mk);
#endif
    const char *low = client_sp ? client_sp : p->stack_low;
    const uintptr_t *w = (const uintptr_t *)(((uintptr_t)low + 7) & ~(uintptr_t)7);
    for (; (const char *)(w + 1) <= p->stack_high; w++)
        visit_word(word_as_ref(*w), mk);
    visit_word((uintptr_t)p->tl->marker.object, mk);
    roots_for_each(visit_ref, visit_words, p->inevitable ? visit_words : NULL, mk);
    for (size_t i = 0; i < s->write_set.count; i++)
        gc.client.trace(real_cur(s->write_set.items[i]), visit, mk);
    for (size_t i = 0; i < s->promoted.count; i++)
        gc.client.trace(real_cur(s->promoted.items[i]), visit, mk);
    while (s->gray.count)
        gc.client.trace(real_cur(wordvec_pop(&s->gray)), visit, mk);
}

/* Moves the marked objects of the transaction's ranges to s->promoted
   (marking them all first if `all`); returns their total size. */
static size_t promote_ranges(struct segment *s, bool all)
{
    size_t bytes = 0;
    for (size_t k = 0; k < s->new_ranges.count; k += 2) {
        size_t g0 = granule_of(s->new_ranges.items[k]);
        size_t g1 = granule_of(s->new_ranges.items[k + 1]);
        /* A byte of the bitmaps at a time; the range's ends may cut one.
           Inside, eight bytes at a time where nothing survived (the
           common case: 64 granules, 1 KiB of young objects per test). */
        size_t first = g0 >> 3, whole_end = g1 >> 3;
        for (size_t i = first; i < (g1 + 7) >> 3; i++) {
            while (!all && i > first && i + 8 <= whole_end) {
                uint64_t starts, marks;
                memcpy(&starts, heap.start_bits + i, sizeof starts);
                memcpy(&marks, heap.mark_bits + i, sizeof marks);
                if (starts & marks)
                    break;
                i += 8;
            }
            uint8_t in = 0xff;
            if (i == g0 >> 3)
                in &= (uint8_t)(0xffu << (g0 & 7));
            if (i == g1 >> 3)
                in &= (uint8_t)~(0xffu << (g1 & 7));
            uint8_t bits = heap.start_bits[i] & in;
            if (all)
                heap.mark_bits[i] |= bits;
            else
                bits &= heap.mark_bits[i];
            while (bits) {
                unsigned b = (unsigned)__builtin_ctz(bits);
                bits &= (uint8_t)(bits - 1);
                uintptr_t obj = (uintptr_t)heap.base + ((i * 8 + b) << GRANULE_SHIFT);
                wordvec_push(&s->promoted, obj);
                bytes += object_size_at(real_cur(obj), obj);
            }
        }
    }
    s->new_ranges.count = 0;
    return bytes;
}

/* All the young objects sit in the hole the allocator is bumping through:
   drop the dead ones' start bits and move the bump pointer back to the end
   of the last object left.  The hole stays the allocator's, and young: its
   lines are counted when a later collection sweeps it whole. */
static void sweep_current_hole(struct allocator *a)
{
    uintptr_t hole = a->young_holes.items[0], cur = a->info->alloc_current;
    size_t first = granule_of(hole) >> 3, last = (granule_of(cur) + 7) >> 3;
    size_t top = first;            /* one past the last byte with a start bit */
    for (size_t i = first; i < last; i++) {
        uint8_t bits = heap.start_bits[i] & heap.mark_bits[i];
        heap.start_bits[i] = bits;
        if (bits)
            top = i + 1;
    }
    uintptr_t keep = hole;
    if (top > first) {
        uint8_t bits = heap.start_bits[top - 1];
        uintptr_t obj = (uintptr_t)heap.base
                        + (((top - 1) * 8 + 31 - (size_t)__builtin_clz(bits)) << GRANULE_SHIFT);
        keep = obj + object_size_at(real_cur(obj), obj);
    }
    if (keep < cur) {
        /* Handed out again, so zero again. */
        memset(real_cur(keep), 0, cur - keep);
        a->info->alloc_current = keep;
        a->info->alloc_end = gc.cfg.stress_every ? keep : a->hole_end;
    }
    a->young_bytes = 0;
}

/* Young objects in several holes or large ones: sweep as a minor
   collection does, for this allocator only, and start it afresh. */
static void sweep_all_holes(struct segment *s, struct allocator *a)
{
    /* sweep_range reads sizes in the view line_view names: this one. */
    for (size_t i = 0; i < a->young_holes.count; i += 2) {
        size_t l0 = (a->young_holes.items[i] - (uintptr_t)heap.base) >> LINE_SHIFT;
        size_t l1 = (a->young_holes.items[i + 1] - (uintptr_t)heap.base) >> LINE_SHIFT;
        memset(line_view + l0, s->num, l1 - l0);
    }
    /* The bits and line marks of these holes are this thread's: swept
       without the heap lock, which only the shared lists need. */
    for (size_t i = 0; i < a->young_holes.count; i += 2)
        sweep_range(a->young_holes.items[i], a->young_holes.items[i + 1]);
    heap_lock();
    size_t last_block = (size_t)-1;
    for (size_t i = 0; i < a->young_holes.count; i += 2) {
        size_t b = block_of(a->young_holes.items[i]);
        if (b != last_block && last_block != (size_t)-1)
            settle_block(last_block);
        last_block = b;
    }
    if (last_block != (size_t)-1)
        settle_block(last_block);
    for (size_t i = 0; i < a->young_large.count; i++) {
        struct large_object *lo = (struct large_object *)a->young_large.items[i];
        if (!is_marked(lo->start))
            free_large(lo);
    }
    /* Before another allocator can take the blocks settled above and
       sweep them with its own view. */
    for (size_t i = 0; i < a->young_holes.count; i += 2) {
        size_t l0 = (a->young_holes.items[i] - (uintptr_t)heap.base) >> LINE_SHIFT;
        size_t l1 = (a->young_holes.items[i + 1] - (uintptr_t)heap.base) >> LINE_SHIFT;
        memset(line_view + l0, 0, l1 - l0);
    }
    heap_unlock();
    alloc_reset_after_gc(a);
}

void local_collect(struct stm_thread_private *p, char *client_sp)
{
    struct segment *s = p->seg;
    struct allocator *a = &s->alloc;
    close_alloc_range(s);
    if (s->new_ranges.count == 0)
        return;
    size_t young = 0;
    for (size_t k = 0; k < s->new_ranges.count; k += 2)
        young += s->new_ranges.items[k + 1] - s->new_ranges.items[k];
    bool keep_all = client_sp && young < PROMOTE_MAX_BYTES && s->promote_streak >= 0
                    && s->promote_streak < PROMOTE_CHECK;
    size_t survived;
    if (s->gc_special || keep_all) {
        if (keep_all)
            s->promote_streak++;
        survived = promote_ranges(s, true);
    } else {
        int saved = p->timing_state;
        stats_switch(p, STM_TIME_MINOR_GC);
        struct marking mk = {.s = s, .lo = UINTPTR_MAX, .span = 0};
        uintptr_t hi = 0;
        for (size_t i = 0; i < a->young_holes.count; i += 2) {
            mk.lo = a->young_holes.items[i] < mk.lo ? a->young_holes.items[i] : mk.lo;
            hi = a->young_holes.items[i + 1] > hi ? a->young_holes.items[i + 1] : hi;
        }
        for (size_t i = 0; i < a->young_large.count; i++) {
            const struct large_object *lo = (const struct large_object *)a->young_large.items[i];
            mk.lo = lo->start < mk.lo ? lo->start : mk.lo;
            hi = lo->start + lo->size > hi ? lo->start + lo->size : hi;
        }
        mk.span = hi > mk.lo ? hi - mk.lo : 0;
        mark_from_roots(&mk, p, client_sp);
        survived = promote_ranges(s, false);
        if (a->young_large.count == 0 && a->young_holes.count == 2 && a->block != (size_t)-1
            && a->young_holes.items[1] == a->hole_end)
            sweep_current_hole(a);
        else
            sweep_all_holes(s, a);
        s->minor_count++;
        stats_switch(p, saved);
        if (client_sp)
            s->promote_streak = survived * 10 >= young * 9 ? 0 : -1;
    }
    s->old_pending += survived;
    if (s->old_pending >= OLD_PENDING_MAX) {
        __atomic_fetch_add(&gc.old_bytes, s->old_pending, __ATOMIC_RELAXED);
        s->old_pending = 0;
    }
    s->range_start = a->info->alloc_current;
}
#endif
