/*
** The write barrier's slow path (STM flavour): the first write of an old
** object in a transaction takes the object's write lock, one byte per
** 16-byte granule in a table shared by all segments, so that two
** transactions never write one object, and objects sharing a cache line
** or a page never conflict.  The lock is held until commit or abort.
*/
#ifdef STM_FLAVOUR_STM
#include "core.h"

void _stm_write_slow(stm_obj *obj)
{
    struct stm_thread_private *p = current_thread ? current_thread->priv : NULL;
    STM_CHECK(p && p->in_transaction, "stm_write() outside a transaction");
    struct segment *s = p->seg;
    uintptr_t ref = (uintptr_t)obj;
    STM_CHECK(in_heap(ref) && bit_get(heap.start_bits, granule_of(ref)),
              "stm_write(%p): not an object", (void *)ref);
    uint8_t *lock = write_lock_of(ref);
    for (;;) {
        uint8_t prev = 0;
        if (__atomic_compare_exchange_n(lock, &prev, (uint8_t)s->num, false,
                                        __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
            break;
        if (prev == s->num)
            break;
        contention_write_write(p, ref, &segments[prev]);
    }
    if (p->timing_state == STM_TIME_WAIT_OTHER)
        stats_switch(p, -1);
    struct stm_header *h = real_cur(ref);
    size_t size = object_size_at(h, ref);
    note_private(s, ref, size);
    /* The commit copies the object into segment 0, whose lines are cold
       when the transaction writes scattered objects: fetch them now. */
    __builtin_prefetch(real_in(0, ref), 1, 1);
    __builtin_prefetch(real_in(0, ref + size - 1), 1, 1);
    if (h->stm_flags & STM_FLAG_WEAKREF)
        s->gc_special = true;
    h->stm_flags &= ~STM_FLAG_WRITE_BARRIER;
    wordvec_push(&s->write_set, ref);
    if (gc.client.describe_marker) {
        stm_thread *tl = current_thread;
        stm_obj *m = tl->marker.object;
        if (m && gc.client.lasting_marker)
            m = gc.client.lasting_marker(m);
        wordvec_push(&s->write_markers, (uintptr_t)m);
        wordvec_push(&s->write_markers, tl->marker.position);
        struct recent_write *r = &s->recent_writes[s->recent_next++ % RECENT_WRITES];
        __atomic_store_n(&r->seq, r->seq + 1, __ATOMIC_RELAXED);
        __atomic_thread_fence(__ATOMIC_RELEASE);
        __atomic_store_n(&r->object, ref, __ATOMIC_RELAXED);
        __atomic_store_n(&r->marker, (uintptr_t)m, __ATOMIC_RELAXED);
        __atomic_store_n(&r->position, tl->marker.position, __ATOMIC_RELAXED);
        __atomic_store_n(&r->seq, r->seq + 1, __ATOMIC_RELEASE);
    }
}

/* Read while s's thread runs on: a slot is used only if its sequence
   number was even and unchanged around the reads.  The marker object is
   alive (a collection would have stopped both threads, and the loser
   describes it before it returns to any safe point). */
bool describe_recent_write(struct segment *s, uintptr_t obj, char *buf, size_t size)
{
    for (unsigned i = 0; i < RECENT_WRITES; i++) {
        struct recent_write *r = &s->recent_writes[i];
        unsigned seq = __atomic_load_n(&r->seq, __ATOMIC_ACQUIRE);
        uintptr_t o = __atomic_load_n(&r->object, __ATOMIC_RELAXED);
        uintptr_t m = __atomic_load_n(&r->marker, __ATOMIC_RELAXED);
        uintptr_t pos = __atomic_load_n(&r->position, __ATOMIC_RELAXED);
        __atomic_thread_fence(__ATOMIC_ACQUIRE);
        if ((seq & 1) || __atomic_load_n(&r->seq, __ATOMIC_RELAXED) != seq)
            continue;
        if (o == obj && marker_readable(m)) {
            gc.client.describe_marker((stm_obj *)m, pos, buf, size);
            return true;
        }
    }
    return false;
}

void _stm_write_card_slow(stm_obj *obj, size_t index)
{
    /* No cards yet in this flavour: the whole array is written. */
    _stm_write_slow(obj);
}
#endif
