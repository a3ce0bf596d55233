/*
** Write barrier slow paths.  The first write to an old object since the
** last collection records it in the remembered set, the GC's old-to-young
** roots.  The STM flavour's slow path is in write_locks.c.
*/
#ifdef STM_FLAVOUR_GIL
#include "core.h"

void _stm_write_slow(stm_obj *obj)
{
    struct stm_header *h = stm_real_address(obj);
    STM_CHECK(current_thread && current_thread->priv->in_transaction,
              "stm_write() outside a transaction");
    h->stm_flags &= ~STM_FLAG_WRITE_BARRIER;
    wordvec_push(&gc.remembered, (uintptr_t)h);
}

void _stm_write_card_slow(stm_obj *obj, size_t index)
{
    struct stm_header *h = stm_real_address(obj);
    if (!(h->stm_flags & STM_FLAG_HAS_CARDS)) {
        _stm_write_slow(obj);
        return;
    }
    STM_CHECK(current_thread && current_thread->priv->in_transaction,
              "stm_write_card() outside a transaction");
    struct large_object *lo = heap.blocks[block_of((uintptr_t)h)].large;
    size_t card = index >> STM_CARD_SHIFT;
    if (card >= lo->ncards) {
        _stm_write_slow(obj);
        return;
    }
    lo->cards[card] = 1;
    if (!(h->stm_flags & STM_FLAG_CARDS_DIRTY)) {
        h->stm_flags |= STM_FLAG_CARDS_DIRTY;
        wordvec_push(&gc.carded, (uintptr_t)h);
    }
}
#endif
