/*
** The GIL flavour: transactions are runs of code under one global lock.
**
** The lock is a ticket lock, so threads get it in the order they asked.
** A waiter that has waited for a switch interval (5 ms, as CPython) asks
** the holder to let go; the holder sees it at its next stm_should_break()
** slow path, commits, and its next stm_start_transaction() hands over.
** A thread that commits keeps the lock until that next start, so no thread
** ever runs client code without it, and every thread not holding it is
** parked at a known stack pointer for the collector.
*/
#ifdef STM_FLAVOUR_GIL
#include "core.h"
#include <errno.h>
#include <time.h>

struct stm_segment_info stm_gil_segment;

static pthread_mutex_t gil_mutex = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t gil_cond;
static uint64_t next_ticket, now_serving;
static int waiting;                 /* threads waiting for the lock */
static int drop_request;            /* a waiter waited too long */
static int commit_soon;             /* stm_hint_commit_soon() */

#define SWITCH_INTERVAL_NS 5000000L

void flavour_setup(void)
{
    pthread_condattr_t attr;
    pthread_condattr_init(&attr);
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
    pthread_cond_init(&gil_cond, &attr);
    pthread_condattr_destroy(&attr);
    next_ticket = now_serving = 0;
    waiting = drop_request = commit_soon = 0;
    stm_gil_segment.break_countdown = BREAK_CHECK_INTERVAL;
}

void flavour_teardown(void)
{
    pthread_cond_destroy(&gil_cond);
}

static void set_state(struct stm_thread_private *p, enum thread_state s)
{
    __atomic_store_n(&p->state, s, __ATOMIC_RELEASE);
}

static void gil_release(void)
{
    pthread_mutex_lock(&gil_mutex);
    stm_gil_segment.running_thread = NULL;
    now_serving++;
    pthread_cond_broadcast(&gil_cond);
    pthread_mutex_unlock(&gil_mutex);
}

/* The caller has recorded its stack and is parked. */
static void gil_acquire(struct stm_thread_private *p)
{
    pthread_mutex_lock(&gil_mutex);
    uint64_t ticket = next_ticket++;
    if (ticket != now_serving) {
        if (p->timing_state != STM_TIME_WAIT_FREE_SEGMENT)
            stats_switch(p, STM_TIME_WAIT_FREE_SEGMENT);
        waiting++;
        while (ticket != now_serving) {
            struct timespec until;
            clock_gettime(CLOCK_MONOTONIC, &until);
            until.tv_nsec += SWITCH_INTERVAL_NS;
            if (until.tv_nsec >= 1000000000L) {
                until.tv_nsec -= 1000000000L;
                until.tv_sec++;
            }
            if (pthread_cond_timedwait(&gil_cond, &gil_mutex, &until) == ETIMEDOUT
                && ticket != now_serving) {
                __atomic_store_n(&drop_request, 1, __ATOMIC_RELAXED);
                __atomic_store_n(&stm_gil_segment.break_countdown, 0, __ATOMIC_RELAXED);
            }
        }
        waiting--;
    }
    stm_gil_segment.running_thread = p->tl;
    stm_gil_segment.break_countdown = BREAK_CHECK_INTERVAL;
    pthread_mutex_unlock(&gil_mutex);
    set_state(p, THREAD_RUNNING);
}

static bool others_waiting(void)
{
    return __atomic_load_n(&waiting, __ATOMIC_RELAXED) > 0;
}

__attribute__((noinline)) void _stm_start_transaction(stm_thread *tl)
{
    struct stm_thread_private *p = tl->priv;
    STM_CHECK(p && tl == current_thread, "stm_start_transaction(): thread not registered");
    STM_CHECK(!p->in_transaction, "stm_start_transaction() inside a transaction");
    if (p->state == THREAD_OUTSIDE || others_waiting()) {
        RECORD_STACK_LOW(p);
        bool holding = p->state == THREAD_RUNNING;
        set_state(p, THREAD_PARKED);
        if (holding) {
            /* Waiting starts with the hand-over, not when the scheduler
               next runs this thread (often a time slice later). */
            stats_switch(p, STM_TIME_WAIT_FREE_SEGMENT);
            gil_release();
        }
        gil_acquire(p);
    }
    p->in_transaction = true;
    p->inevitable = true;            /* nothing ever aborts here */
    stats_switch(p, -1);
}

void _stm_restart_transaction(stm_thread *tl)
{
    stm_fatal("a transaction restarted in the GIL flavour");
}

void stm_abort_transaction(stm_thread *tl)
{
    stm_fatal("stm_abort_transaction(): the GIL flavour cannot undo a transaction");
}

void stm_commit_transaction(stm_thread *tl)
{
    struct stm_thread_private *p = tl->priv;
    STM_CHECK(p && p->in_transaction, "stm_commit_transaction() outside a transaction");
    if (tl->atomic_depth > 0)
        return;
    stats_end_run(p, STM_TIME_RUN_COMMITTED);
    p->in_transaction = false;
    gc_transaction_ended();
}

void stm_become_inevitable(stm_thread *tl, const char *why)
{
    STM_CHECK(tl->priv && tl->priv->in_transaction, "stm_become_inevitable() outside a transaction");
}

bool stm_is_inevitable(stm_thread *tl)
{
    return tl->priv && tl->priv->in_transaction;
}

bool _stm_should_break_slow(stm_thread *tl)
{
    stm_gil_segment.break_countdown = BREAK_CHECK_INTERVAL;
    if (tl->atomic_depth > 0)
        return false;
    /* gc.promoted: objects the transaction allocated that a collection kept;
       each minor collection traces them again until the transaction ends. */
    if (__atomic_exchange_n(&drop_request, 0, __ATOMIC_RELAXED) | commit_soon
        | (gc.promoted.count > 0)) {
        commit_soon = 0;
        return true;
    }
    return false;
}

void stm_hint_commit_soon(void)
{
    commit_soon = 1;
    stm_gil_segment.break_countdown = 0;
}

void stm_atomic_enter(stm_thread *tl)
{
    STM_CHECK(tl->priv && tl->priv->in_transaction, "stm_atomic_enter() outside a transaction");
    tl->atomic_depth++;
}

void stm_atomic_leave(stm_thread *tl)
{
    STM_CHECK(tl->atomic_depth > 0, "stm_atomic_leave() without stm_atomic_enter()");
    tl->atomic_depth--;
}

void stm_safe_point(stm_thread *tl)
{
    STM_CHECK(tl->priv && tl->priv->in_transaction, "stm_safe_point() outside a transaction");
}

__attribute__((noinline))
void *stm_blocking_call(stm_thread *tl, void *(*fn)(void *), void *arg)
{
    struct stm_thread_private *p = tl->priv;
    STM_CHECK(p && p->in_transaction, "stm_blocking_call() outside a transaction");
    if (tl->atomic_depth > 0)
        return fn(arg);              /* an atomic block keeps the lock */
    stats_end_run(p, STM_TIME_RUN_COMMITTED);
    p->in_transaction = false;
    gc_transaction_ended();
    RECORD_STACK_LOW(p);
    set_state(p, THREAD_PARKED);
    stats_switch(p, STM_TIME_OUTSIDE_TRANSACTION);
    gil_release();
    void *result = fn(arg);
    gil_acquire(p);
    p->in_transaction = true;
    stats_switch(p, -1);
    stm_hint_commit_soon();
    return result;
}

void flavour_thread_exit(struct stm_thread_private *p)
{
    /* Outside before letting go: the next holder may collect at once and
       must not take this thread for one running unparked. */
    bool holding = p->state == THREAD_RUNNING;
    set_state(p, THREAD_OUTSIDE);
    if (holding)
        gil_release();
}

/* One thread runs: a collection needs nobody else to stop, and every
   object has one version. */
bool flavour_gc_begin(struct stm_thread_private *p) { return true; }
void flavour_gc_end(struct stm_thread_private *p) {}
void heap_lock(void) {}
void heap_unlock(void) {}
void gc_list_push(struct wordvec *v, uintptr_t x) { wordvec_push(v, x); }
void gc_list_push_pair(struct wordvec *v, uintptr_t x, uintptr_t y)
{
    wordvec_push(v, x);
    wordvec_push(v, y);
}

bool flavour_clear_flag(uintptr_t obj, uint32_t flag)
{
    struct stm_header *h = (struct stm_header *)obj;
    bool was_set = h->stm_flags & flag;
    h->stm_flags &= ~flag;
    return was_set;
}

bool flavour_clear_weak_slot(uintptr_t w, size_t offset)
{
    uintptr_t *slot = (uintptr_t *)(w + offset);
    if (!*slot || is_marked(*slot))
        return false;
    *slot = 0;
    return true;
}
#endif
