/*
** Contention policy for write-write conflicts (STM flavour).
**
** The inevitable transaction always wins; otherwise the older one (earlier
** start time) wins.  The loser aborts itself: if it is the other one, the
** winner marks it doomed and waits, at safe points, for the lock to be
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
    if (!win)
        abort_self(p, other_inevitable ? STM_EVENT_ABORT_INEVITABLE : STM_EVENT_ABORT_WRITE_WRITE, obj);
    int expected = 0;
    other->doom_object = obj;
    __atomic_compare_exchange_n(&other->doomed, &expected, 1 + STM_EVENT_ABORT_WRITE_WRITE,
                                false, __ATOMIC_ACQ_REL, __ATOMIC_RELAXED);
    stats_switch(p, STM_TIME_WAIT_OTHER);
    while (__atomic_load_n(write_lock_of(obj), __ATOMIC_ACQUIRE) == other->num) {
        poll_if_needed(p);
        sched_yield();
    }
    stats_switch(p, -1);
}
#endif
