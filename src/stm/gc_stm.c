/*
** The STM flavour's part of a collection, which runs with every other
** thread parked (rendezvous.c).
**
** An object may look different in each segment, so the collector reads
** each one where it is meaningful: a running transaction's young objects
** and survivors (the lines of its allocation ranges) in its own segment,
** everything else in segment 0; an object write-locked by a running
** transaction also in the writer's segment (and segment 0, in case that
** transaction aborts).  For this to hold, every running transaction
** first imports the log (a transaction that conflicts is doomed and aborts
** when it resumes), so that its view differs from segment 0 only in what
** it wrote and allocated.  Idle segments get segment 0's view back by
** dropping their private pages, which also empties the log.
*/
#ifdef STM_FLAVOUR_STM
#include "core.h"
#include <string.h>

static struct wordvec viewed;      /* (start, end) ranges of line_view set */

static void set_view(uintptr_t start, uintptr_t end, uint8_t v)
{
    size_t l0 = (start - (uintptr_t)heap.base) >> LINE_SHIFT;
    size_t l1 = (end - 1 - (uintptr_t)heap.base) >> LINE_SHIFT;
    memset(line_view + l0, v, l1 - l0 + 1);
}

static void view_range(uintptr_t start, uintptr_t end, uint8_t v)
{
    set_view(start, end, v);
    wordvec_push(&viewed, start);
    wordvec_push(&viewed, end);
}

void gc_stm_prepare(void)
{
    pthread_mutex_lock(&commit_lock);
    for (int i = 1; i <= nsegments; i++) {
        struct segment *s = &segments[i];
        gc.old_bytes += s->old_pending;
        s->old_pending = 0;
        if (!s->in_txn)
            continue;
        validate_segment(s);
        close_alloc_range(s);
        for (size_t k = 0; k < s->new_ranges.count; k += 2)
            view_range(s->new_ranges.items[k], s->new_ranges.items[k + 1], (uint8_t)i);
        for (size_t k = 0; k < s->promoted.count; k++)
            view_range(s->promoted.items[k], s->promoted.items[k] + STM_ALIGN, (uint8_t)i);
    }
    pthread_mutex_unlock(&commit_lock);
}

void trace_object(uintptr_t obj, stm_visit_fn *visit)
{
    int v = view_of(obj);
    gc.client.trace(real_in(v, obj), visit, NULL);
    int w = *write_lock_of(obj);
    if (w) {
        if (w != v)
            gc.client.trace(real_in(w, obj), visit, NULL);
        if (v)
            gc.client.trace(real_in(0, obj), visit, NULL);
    }
}

void gc_stm_mark_segments(bool major, stm_visit_fn *visit)
{
    if (!major) {
        /* Old objects the running transactions wrote, and their survivors,
           written since without a barrier.  (Committed objects are all
           old and reference old objects only: local_gc.c.) */
        for (int i = 1; i <= nsegments; i++) {
            struct segment *s = &segments[i];
            if (!s->in_txn)
                continue;
            for (size_t k = 0; k < s->write_set.count; k++)
                trace_object(s->write_set.items[k], visit);
            for (size_t k = 0; k < s->promoted.count; k++)
                trace_object(s->promoted.items[k], visit);
        }
    }
    gc.remembered.count = 0;
}

void gc_stm_after_sweep(bool major)
{
    for (int i = 1; i <= nsegments; i++) {
        struct segment *s = &segments[i];
        if (!s->in_txn) {
            segment_reshare(s);
            continue;
        }
        /* An old object it wrote can die too, if no view reaches it. */
        size_t kept = 0;
        uintptr_t *markers = s->write_markers.count ? s->write_markers.items : NULL;
        for (size_t k = 0; k < s->write_set.count; k++) {
            uintptr_t obj = s->write_set.items[k];
            if (!is_marked(obj)) {
                *write_lock_of(obj) = 0;
                continue;
            }
            if (markers) {
                /* Markers are not roots: a dead one says nothing. */
                uintptr_t m = markers[2 * k];
                markers[2 * kept] = m && in_heap(m) && !is_marked(m) ? 0 : m;
                markers[2 * kept + 1] = markers[2 * k + 1];
            }
            s->write_set.items[kept++] = obj;
        }
        s->write_set.count = kept;
        if (markers)
            s->write_markers.count = 2 * kept;
        kept = 0;
        for (size_t k = 0; k < s->promoted.count; k++)
            if (is_marked(s->promoted.items[k]))
                s->promoted.items[kept++] = s->promoted.items[k];
        s->promoted.count = kept;
        /* The survivors of what it allocated stay its own until it
           commits; the ranges go, since their free lines may be reused. */
        for (size_t k = 0; k < s->new_ranges.count; k += 2) {
            size_t g0 = granule_of(s->new_ranges.items[k]);
            size_t g1 = granule_of(s->new_ranges.items[k + 1]);
            for (size_t g = g0; g < g1; g++) {
                if ((g & 7) == 0 && heap.start_bits[g >> 3] == 0 && g + 8 <= g1) {
                    g += 7;
                    continue;
                }
                if (bit_get(heap.start_bits, g) && bit_get(heap.mark_bits, g))
                    wordvec_push(&s->promoted, (uintptr_t)heap.base + (g << GRANULE_SHIFT));
            }
        }
        s->new_ranges.count = 0;
        s->range_start = 0;
    }
    for (size_t k = 0; k < viewed.count; k += 2)
        set_view(viewed.items[k], viewed.items[k + 1], 0);
    viewed.count = 0;
    if (major)
        wordvec_shrink(&viewed);
    log_trim(true);
}
#endif
