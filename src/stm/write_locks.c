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
    note_private(s, ref, object_size_at(h, ref));
    if (h->stm_flags & STM_FLAG_WEAKREF)
        s->gc_special = true;
    h->stm_flags &= ~STM_FLAG_WRITE_BARRIER;
    wordvec_push(&s->write_set, ref);
}

void _stm_write_card_slow(stm_obj *obj, size_t index)
{
    /* No cards yet in this flavour: the whole array is written. */
    _stm_write_slow(obj);
}
#endif
