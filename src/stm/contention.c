/*
** Contention policy for write-write conflicts (STM flavour).
**
** The inevitable transaction always wins; otherwise the older one (earlier
** start time) wins.  The loser aborts itself: if it is the other one, the
** winner marks it doomed and retries, at safe points, until the lock is
** released.  An aborted transaction keeps its start time when it retries,
** so it becomes the oldest eventually: no starvation, no livelock.
*/
#ifdef STM_FLAVOUR_STM
#include "core.h"
#include <sched.h>

void contention_write_write(struct stm_thread_private *p, uintptr_t obj, struct segment *other)
{
    struct segment *me = p->seg;
    bool other_inevitable = inevitable_seg == other;
    bool win = p->inevitable || (!other_inevitable && me->start_time < other->start_time);
    if (!win) {
        char there[sizeof me->other_location];
        if (gc.client.describe_marker && describe_recent_write(other, obj, there, sizeof there))
            set_other_location(me, there);
        abort_self(p, other_inevitable ? STM_EVENT_ABORT_INEVITABLE : STM_EVENT_ABORT_WRITE_WRITE, obj);
    }
    /* It will report this thread as the other side. */
    stm_thread *tl = p->tl;
    if (gc.client.describe_marker && tl->marker.object
        && __atomic_load_n(&other->other_state, __ATOMIC_RELAXED) == 0) {
        char here[sizeof other->other_location];
        gc.client.describe_marker(tl->marker.object, tl->marker.position, here, sizeof here);
        set_other_location(other, here);
    }
    /* Doomed again on every retry: the other may have aborted, restarted
       and taken the lock again before this thread saw it free. */
    int expected = 0;
    other->doom_object = obj;
    __atomic_compare_exchange_n(&other->doomed, &expected, 1 + STM_EVENT_ABORT_WRITE_WRITE,
                                false, __ATOMIC_ACQ_REL, __ATOMIC_RELAXED);
    if (p->timing_state != STM_TIME_WAIT_OTHER)
        stats_switch(p, STM_TIME_WAIT_OTHER);
    poll_if_needed(p);
    sched_yield();
}
#endif
