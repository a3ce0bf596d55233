/*
** Transactions of the STM flavour: start, abort and restart, safe points,
** atomic blocks and blocking calls.  Commit and inevitability are in
** commit.c, the write barrier in write_locks.c.
*/
#ifdef STM_FLAVOUR_STM
#include "core.h"
#include <sched.h>
#include <stdlib.h>
#include <string.h>

/* Held for microseconds by threads that run on other cores: spinning a
   little before sleeping in the kernel saves two context switches per
   contended acquisition (they were a fifth of the time of two threads
   committing small transactions). */
pthread_mutex_t commit_lock = PTHREAD_ADAPTIVE_MUTEX_INITIALIZER_NP;
struct segment *volatile inevitable_seg;
static uint64_t global_time;
static pthread_mutex_t heap_mutex = PTHREAD_ADAPTIVE_MUTEX_INITIALIZER_NP;
static pthread_mutex_t lists_mutex = PTHREAD_MUTEX_INITIALIZER;

void heap_lock(void) { pthread_mutex_lock(&heap_mutex); }
void heap_unlock(void) { pthread_mutex_unlock(&heap_mutex); }

void gc_list_push(struct wordvec *v, uintptr_t x)
{
    pthread_mutex_lock(&lists_mutex);
    wordvec_push(v, x);
    pthread_mutex_unlock(&lists_mutex);
}

void gc_list_push_pair(struct wordvec *v, uintptr_t x, uintptr_t y)
{
    pthread_mutex_lock(&lists_mutex);
    wordvec_push(v, x);
    wordvec_push(v, y);
    pthread_mutex_unlock(&lists_mutex);
}

void flavour_setup(void)
{
    inevitable_seg = NULL;
    global_time = 0;
    log_setup();
}

void flavour_teardown(void)
{
    log_teardown();
}

/* The objects allocated since the range began belong to the transaction. */
void close_alloc_range(struct segment *s)
{
    uintptr_t end = s->info->alloc_current;
    if (s->range_start && end > s->range_start) {
        wordvec_push(&s->new_ranges, s->range_start);
        wordvec_push(&s->new_ranges, end);
    }
    s->range_start = end;
}

/* Waits for a segment; the caller's frame and those above are scanned. */
static __attribute__((noinline)) void wait_for_segment(struct stm_thread_private *p)
{
    RECORD_STACK_LOW(p);
    if (p->seg) {
        thread_set_state(p, THREAD_PARKED);
        stats_switch(p, STM_TIME_WAIT_FREE_SEGMENT);
        segment_release(p);
    } else {
        thread_set_state(p, THREAD_PARKED);
    }
    segment_acquire(p);
}

/* Imports the news at a moment when no commit was writing segment 0, so
   that no object it imported is torn; under the commit lock if commits
   keep coming. */
static void import_quietly(struct segment *s)
{
    for (int tries = 0; tries < 8; tries++) {
        uint64_t seq = __atomic_load_n(&publish_seq, __ATOMIC_SEQ_CST);
        if (seq & 1) {
            sched_yield();
            continue;
        }
        validate_segment(s);
        __atomic_thread_fence(__ATOMIC_ACQUIRE);
        if (__atomic_load_n(&publish_seq, __ATOMIC_RELAXED) == seq)
            return;
    }
    pthread_mutex_lock(&commit_lock);
    validate_segment(s);
    pthread_mutex_unlock(&commit_lock);
}

static void begin_transaction(struct stm_thread_private *p)
{
    struct segment *s = p->seg;
    uint8_t rv = (uint8_t)(s->info->read_version + 1);
    if (rv == 0) {
        clear_read_markers(s);
        rv = 1;
    }
    s->info->read_version = rv;
    if (!p->retrying)
        p->start_time = __atomic_add_fetch(&global_time, 1, __ATOMIC_RELAXED);
    s->start_time = p->start_time;
    s->doomed = 0;
    /* A winner still writing the last transaction's may not be cut off. */
    while (__atomic_load_n(&s->other_state, __ATOMIC_ACQUIRE) == 1)
        sched_yield();
    __atomic_store_n(&s->other_state, 0, __ATOMIC_RELAXED);
    s->gc_special = false;
    /* Commits force this segment's pages private from now on, or are
       seen by the import below (validate.c, publish_seq). */
    __atomic_store_n(&s->in_txn, true, __ATOMIC_SEQ_CST);
    import_quietly(s);
    s->range_start = s->info->alloc_current;
    p->in_transaction = true;
    p->inevitable = false;
    p->retrying = false;
    stats_switch(p, -1);
}

__attribute__((noinline)) void _stm_start_transaction(stm_thread *tl)
{
    struct stm_thread_private *p = tl->priv;
    STM_CHECK(p && tl == current_thread, "stm_start_transaction(): thread not registered");
    STM_CHECK(!p->in_transaction, "stm_start_transaction() inside a transaction");
    if (!p->seg || segment_waiters())
        wait_for_segment(p);
    poll_if_needed(p);
    begin_transaction(p);
}

void _stm_restart_transaction(stm_thread *tl)
{
    _stm_start_transaction(tl);
}

static void clear_bits(uint8_t *bits, size_t g0, size_t g1)
{
    for (size_t g = g0; g < g1; g++) {
        if ((g & 7) == 0 && g + 8 <= g1) {
            bits[g >> 3] = 0;
            g += 7;
        } else {
            bit_clear(bits, g);
        }
    }
}

static void report(struct stm_thread_private *p, int kind, uintptr_t obj, uint32_t type,
                   double seconds, const char *why)
{
    if (!gc.client.on_event)
        return;
    struct stm_event ev;
    memset(&ev, 0, sizeof ev);
    ev.kind = (enum stm_event_kind)kind;
    ev.thread = p->tl;
    ev.object = obj;
    ev.object_type = type;
    ev.seconds = seconds;
    ev.why = why;
    if (gc.client.describe_marker && p->tl->marker.object)
        gc.client.describe_marker(p->tl->marker.object, p->tl->marker.position, ev.self_location,
                                  sizeof ev.self_location);
    if (__atomic_load_n(&p->seg->other_state, __ATOMIC_ACQUIRE) == 2)
        memcpy(ev.other_location, p->seg->other_location, sizeof ev.other_location);
    gc.client.on_event(&ev);
}

void set_other_location(struct segment *s, const char *location)
{
    int empty = 0;
    if (!__atomic_compare_exchange_n(&s->other_state, &empty, 1, false, __ATOMIC_ACQUIRE,
                                     __ATOMIC_RELAXED))
        return;
    snprintf(s->other_location, sizeof s->other_location, "%s", location);
    __atomic_store_n(&s->other_state, 2, __ATOMIC_RELEASE);
}

void abort_self(struct stm_thread_private *p, int kind, uintptr_t obj)
{
    struct segment *s = p->seg;
    stm_thread *tl = p->tl;
    STM_CHECK(!p->inevitable, "an inevitable transaction aborted");
    /* Conflicts: shorter transactions lose less and collide less. */
    uint32_t budget = p->break_budget ? p->break_budget : BREAK_CHECK_INTERVAL;
    p->break_budget = budget / 2 > BREAK_BUDGET_MIN ? budget / 2 : BREAK_BUDGET_MIN;
    s->info->break_countdown = p->break_budget;
    uint32_t type = obj ? ((struct stm_header *)real_in(0, obj))->stm_type : 0;
    pthread_mutex_lock(&commit_lock);
    for (size_t i = 0; i < s->write_set.count; i++) {
        uintptr_t o = s->write_set.items[i];
        struct stm_header *h = real_in(0, o);
        memcpy(real_in(s->num, o), h, object_size_at(h, o));
        __atomic_store_n(write_lock_of(o), 0, __ATOMIC_RELEASE);
    }
    /* What it allocated never existed.  The allocator goes on past it, so
       the memory is reused only after the next collection's sweep. */
    close_alloc_range(s);
    for (size_t i = 0; i < s->new_ranges.count; i += 2) {
        size_t g0 = granule_of(s->new_ranges.items[i]), g1 = granule_of(s->new_ranges.items[i + 1]);
        clear_bits(heap.start_bits, g0, g1);
        clear_bits(heap.mark_bits, g0, g1);
    }
    for (size_t i = 0; i < s->promoted.count; i++) {
        size_t g = granule_of(s->promoted.items[i]);
        bit_clear(heap.start_bits, g);
        bit_clear(heap.mark_bits, g);
    }
    s->write_set.count = s->new_ranges.count = s->promoted.count = 0;
    s->promoted_ranges.count = s->write_markers.count = 0;
    s->in_txn = false;
    s->doomed = 0;
    validate_segment(s);
    pthread_mutex_unlock(&commit_lock);
    double lost = p->run_seconds + (p->timing_state < 0 ? stats_now() - p->timing_since : 0);
    stats_end_run(p, (enum stm_time)(STM_TIME_RUN_ABORTED_WRITE_WRITE + kind));
    p->in_transaction = false;
    p->retrying = true;
    tl->atomic_depth = 0;
    report(p, kind, obj, type, lost, NULL);
    __builtin_longjmp(tl->restart, 1);
}

void stm_abort_transaction(stm_thread *tl)
{
    STM_CHECK(tl->priv && tl->priv->in_transaction, "stm_abort_transaction() outside a transaction");
    STM_CHECK(!tl->priv->inevitable, "stm_abort_transaction() in an inevitable transaction");
    abort_self(tl->priv, STM_EVENT_ABORT_OTHER, 0);
}

void validate_now(struct stm_thread_private *p)
{
    struct segment *s = p->seg;
    if (!log_has_news(s))
        return;
    pthread_mutex_lock(&commit_lock);
    validate_segment(s);
    pthread_mutex_unlock(&commit_lock);
    poll_if_needed(p);
}

bool _stm_should_break_slow(stm_thread *tl)
{
    struct stm_thread_private *p = tl->priv;
    struct segment *s = p->seg;
    s->info->break_countdown = p->break_budget ? p->break_budget : BREAK_CHECK_INTERVAL;
    poll_if_needed(p);
    /* A transaction ends after its budget of checks (the commit
       validates it): its writes must reach the others, and the longer it
       runs the more a conflict costs. */
    return tl->atomic_depth == 0;
}

void stm_hint_commit_soon(void)
{
    struct segment *s = my_seg;
    if (s)
        s->info->break_countdown = 0;
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
    poll_if_needed(tl->priv);
    validate_now(tl->priv);
}

__attribute__((noinline))
void *stm_blocking_call(stm_thread *tl, void *(*fn)(void *), void *arg)
{
    struct stm_thread_private *p = tl->priv;
    STM_CHECK(p && p->in_transaction, "stm_blocking_call() outside a transaction");
    if (tl->atomic_depth > 0) {
        stm_become_inevitable(tl, "blocking call in an atomic block");
        return fn(arg);
    }
    stm_commit_transaction(tl);
    RECORD_STACK_LOW(p);
    thread_set_state(p, THREAD_PARKED);
    stats_switch(p, STM_TIME_OUTSIDE_TRANSACTION);
    segment_release(p);
    void *result = fn(arg);
    segment_acquire(p);
    poll_if_needed(p);
    begin_transaction(p);
    stm_become_inevitable(tl, "after a blocking call");
    stm_hint_commit_soon();
    return result;
}

void flavour_thread_exit(struct stm_thread_private *p)
{
    thread_set_state(p, THREAD_OUTSIDE);
    if (p->seg)
        segment_release(p);
}

bool flavour_clear_flag(uintptr_t obj, uint32_t flag)
{
    /* Young objects of a running transaction exist in its view only;
       committed ones in segment 0 and in every running segment's view. */
    int v = view_of(obj);
    bool was_set = false;
    for (int i = v; i <= (v ? v : nsegments); i++) {
        if (i && !v && !segments[i].in_txn)
            continue;
        struct stm_header *h = real_in(i, obj);
        if (h->stm_flags & flag) {
            if (i)
                note_private(&segments[i], obj, sizeof(struct stm_header));
            h->stm_flags &= ~flag;
            was_set = true;
        }
    }
    return was_set;
}

bool flavour_clear_weak_slot(uintptr_t w, size_t offset)
{
    int v = view_of(w);
    bool cleared = false;
    for (int i = v; i <= (v ? v : nsegments); i++) {
        if (i && !v && !segments[i].in_txn)
            continue;
        uintptr_t *slot = real_in(i, w + offset);
        if (*slot && in_heap(*slot) && !is_marked(*slot)) {
            if (i)
                note_private(&segments[i], w + offset, sizeof *slot);
            *slot = 0;
            cleared = true;
        }
    }
    return cleared;
}
#endif
