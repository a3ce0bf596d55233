/*
** Finalizers and weak references, settled between marking and sweeping.
**
** Objects with a finalizer that marking did not reach are kept alive, with
** everything they reference, and queued for the client; weak references
** are settled after that, so a weakref to such an object stays valid until
** the object really dies (CPython's order when a refcount drops to zero).
*/
#include "core.h"

void stm_enable_finalizer(stm_obj *obj)
{
#ifdef STM_FLAVOUR_STM
    /* The flag is part of the object: written like any other field. */
    stm_write(obj);
    my_seg->gc_special = true;
#endif
    struct stm_header *h = stm_real_address(obj);
    STM_CHECK(!(h->stm_flags & STM_FLAG_FINALIZER), "stm_enable_finalizer() twice on one object");
    h->stm_flags |= STM_FLAG_FINALIZER;
    gc_list_push(&gc.finalizable, (uintptr_t)obj);
}

void stm_notify_cleared(stm_obj *weakref)
{
    struct stm_header *h = stm_real_address(weakref);
    STM_CHECK(h->stm_flags & STM_FLAG_WEAKREF, "stm_notify_cleared() on an object that is not a weakref");
    STM_CHECK(!(h->stm_flags & STM_FLAG_NOTIFY), "stm_notify_cleared() twice on one weakref");
#ifdef STM_FLAVOUR_STM
    stm_write(weakref);
    h = stm_real_address(weakref);
#endif
    h->stm_flags |= STM_FLAG_NOTIFY;
}

stm_obj *stm_next_finalizable(void)
{
    heap_lock();
    if (gc.finalize_queue.count == 0) {
        heap_unlock();
        return NULL;
    }
    uintptr_t obj = gc.finalize_queue.items[0];
    /* First in, first out: finalizers run in the order objects died. */
    for (size_t i = 1; i < gc.finalize_queue.count; i++)
        gc.finalize_queue.items[i - 1] = gc.finalize_queue.items[i];
    gc.finalize_queue.count--;
    heap_unlock();
    return (stm_obj *)obj;
}

void finalize_after_marking(void)
{
    /* The queue is a root: its objects wait for their finalizer. */
    for (size_t i = 0; i < gc.finalize_queue.count; i++)
        gc_mark_precise(gc.finalize_queue.items[i]);
    gc_drain();

    size_t kept = 0, first_new = gc.finalize_queue.count;
    for (size_t i = 0; i < gc.finalizable.count; i++) {
        uintptr_t obj = gc.finalizable.items[i];
        if (!bit_get(heap.start_bits, granule_of(obj)))
            continue;                       /* allocated by an aborted transaction */
        if (is_marked(obj))
            gc.finalizable.items[kept++] = obj;
        else
            wordvec_push(&gc.finalize_queue, obj);
    }
    gc.finalizable.count = kept;
    for (size_t i = first_new; i < gc.finalize_queue.count; i++) {
        uintptr_t obj = gc.finalize_queue.items[i];
        flavour_clear_flag(obj, STM_FLAG_FINALIZER);
        gc_mark_precise(obj);
    }
    gc_drain();

    /* Pairs (weakref object, offset of its weak slot). */
    kept = 0;
    for (size_t i = 0; i < gc.weakrefs.count; i += 2) {
        uintptr_t w = gc.weakrefs.items[i], offset = gc.weakrefs.items[i + 1];
        if (!is_marked(w))
            continue;                       /* the weakref itself died */
        if (flavour_clear_weak_slot(w, offset) && flavour_clear_flag(w, STM_FLAG_NOTIFY))
            wordvec_push(&gc.finalize_queue, w);
        gc.weakrefs.items[kept++] = w;
        gc.weakrefs.items[kept++] = offset;
    }
    gc.weakrefs.count = kept;
    if (gc.finalize_queue.count > first_new && gc.client.on_finalizers_due)
        gc.client.on_finalizers_due();
}
