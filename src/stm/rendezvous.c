/*
** Stopping the world (STM flavour).  A collection needs every thread at a
** point where its references are on its recorded stack: parked.  The
** collector asks, interrupts every segment (its next stm_should_break()
** or allocation takes the slow path), and waits until it is the only
** running thread.  A parked thread only runs again once no collection is
** requested, so a thread coming back from a blocking call or getting a
** segment waits for the collection to end.
*/
#ifdef STM_FLAVOUR_STM
#include "core.h"
#include <time.h>

volatile int gc_requested;
static pthread_mutex_t sync_mutex = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t sync_cond = PTHREAD_COND_INITIALIZER;
static int n_running;

void thread_set_running(struct stm_thread_private *p)
{
    pthread_mutex_lock(&sync_mutex);
    while (gc_requested)
        pthread_cond_wait(&sync_cond, &sync_mutex);
    STM_CHECK(p->state != THREAD_RUNNING, "thread already running");
    p->state = THREAD_RUNNING;
    n_running++;
    pthread_mutex_unlock(&sync_mutex);
}

void thread_set_state(struct stm_thread_private *p, enum thread_state st)
{
    pthread_mutex_lock(&sync_mutex);
    if (p->state == THREAD_RUNNING)
        n_running--;
    p->state = st;
    if (st == THREAD_RUNNING)
        n_running++;
    pthread_cond_broadcast(&sync_cond);
    pthread_mutex_unlock(&sync_mutex);
}

/* The caller's frame and everything above it are scanned while it waits. */
static __attribute__((noinline)) void park_for_gc(struct stm_thread_private *p)
{
    RECORD_STACK_LOW(p);
    int saved = p->timing_state;
    stats_switch(p, STM_TIME_SYNC_PAUSE);
    pthread_mutex_lock(&sync_mutex);
    n_running--;
    p->state = THREAD_PARKED;
    pthread_cond_broadcast(&sync_cond);
    while (gc_requested)
        pthread_cond_wait(&sync_cond, &sync_mutex);
    p->state = THREAD_RUNNING;
    n_running++;
    pthread_mutex_unlock(&sync_mutex);
    stats_switch(p, saved);
}

void stm_poll(struct stm_thread_private *p)
{
    if (gc_requested)
        park_for_gc(p);
    struct segment *s = p->seg;
    if (s && s->in_txn && !p->inevitable) {
        int d = __atomic_load_n(&s->doomed, __ATOMIC_ACQUIRE);
        if (d)
            abort_self(p, d - 1, s->doom_object);
    }
}

static void interrupt_all(void)
{
    for (int i = 1; i <= nsegments; i++) {
        struct stm_segment_info *info = segments[i].info;
        __atomic_store_n(&info->break_countdown, 0, __ATOMIC_RELAXED);
        __atomic_store_n(&info->alloc_end, 0, __ATOMIC_RELAXED);
    }
}

bool flavour_gc_begin(struct stm_thread_private *p)
{
    pthread_mutex_lock(&sync_mutex);
    if (gc_requested) {
        pthread_mutex_unlock(&sync_mutex);
        stm_poll(p);
        return false;
    }
    gc_requested = 1;
    while (n_running > 1) {
        /* An interrupt can be lost to the owner's own decrement: repeat. */
        interrupt_all();
        struct timespec until;
        clock_gettime(CLOCK_REALTIME, &until);
        until.tv_nsec += 1000000;
        if (until.tv_nsec >= 1000000000L) {
            until.tv_nsec -= 1000000000L;
            until.tv_sec++;
        }
        pthread_cond_timedwait(&sync_cond, &sync_mutex, &until);
    }
    pthread_mutex_unlock(&sync_mutex);
    gc_stm_prepare();
    return true;
}

void flavour_gc_end(struct stm_thread_private *p)
{
    for (int i = 1; i <= nsegments; i++) {
        struct segment *s = &segments[i];
        s->info->break_countdown = s->promoted.count ? 0 : BREAK_CHECK_INTERVAL;
    }
    pthread_mutex_lock(&sync_mutex);
    gc_requested = 0;
    pthread_cond_broadcast(&sync_cond);
    pthread_mutex_unlock(&sync_mutex);
    stm_poll(p);            /* the collection may have doomed this thread */
}
#endif
