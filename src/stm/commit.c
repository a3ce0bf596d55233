/*
** Commit and inevitability (STM flavour).
**
** At most one transaction is inevitable, and while one is, the others
** wait before committing: so its view never changes under it and it never
** meets a conflict at validation; write-write conflicts it always wins
** (contention.c).  A commit validates and publishes under the commit
** lock, which also orders the log; no other thread is stopped.
*/
#ifdef STM_FLAVOUR_STM
#include "core.h"
#include <sched.h>

/* Waits (at a safe point) while another transaction is inevitable. */
static void wait_inevitable(struct stm_thread_private *p)
{
    struct segment *other = inevitable_seg;
    if (!other || other == p->seg)
        return;
    stats_switch(p, STM_TIME_WAIT_INEVITABLE);
    while ((other = inevitable_seg) && other != p->seg) {
        poll_if_needed(p);
        sched_yield();
    }
    stats_switch(p, -1);
}

/* The entry point, stm_commit_transaction below, passes the client's
   stack pointer with the client's callee-saved registers pushed below it. */
__attribute__((visibility("hidden"), used))
void commit_transaction(stm_thread *tl, char *client_sp)
{
    struct stm_thread_private *p = tl->priv;
    STM_CHECK(p && p->in_transaction, "stm_commit_transaction() outside a transaction");
    if (tl->atomic_depth > 0)
        return;
    struct segment *s = p->seg;
    /* Only the survivors are published, old from now on.  Commits make
       old objects too: a major collection may be due. */
    if (gc.old_bytes >= gc.major_threshold)
        gc_collect(true);
    local_collect(p, client_sp);
    /* What can be done without the commit lock: importing most of the
       news (a conflict found there aborts now) and copying the
       transaction's new objects into segment 0. */
    if (!validate_segment(s) && !p->inevitable)
        abort_self(p, s->doomed - 1, s->doom_object);
    size_t collections = gc.major_count + gc.minor_count;
    log_copy_promoted(s);
    for (;;) {
        poll_if_needed(p);
        wait_inevitable(p);
        pthread_mutex_lock(&commit_lock);
        if (!inevitable_seg || inevitable_seg == s)
            break;
        pthread_mutex_unlock(&commit_lock);
    }
    /* A collection while it waited changed what survives. */
    if (gc.major_count + gc.minor_count != collections)
        log_copy_promoted(s);
    /* An inevitable transaction meets no conflict here (nobody committed
       since it became inevitable); a doom that raced with it is void. */
    if (!validate_segment(s) && !p->inevitable) {
        pthread_mutex_unlock(&commit_lock);
        abort_self(p, s->doomed - 1, s->doom_object);
    }
    log_publish(s);
    s->in_txn = false;
    if (inevitable_seg == s)
        inevitable_seg = NULL;
    log_trim(false);
    pthread_mutex_unlock(&commit_lock);
    stats_end_run(p, STM_TIME_RUN_COMMITTED);
    p->in_transaction = false;
    p->inevitable = false;
    /* No conflict: longer transactions commit less often. */
    uint32_t budget = p->break_budget ? p->break_budget : BREAK_CHECK_INTERVAL;
    p->break_budget = budget < BREAK_BUDGET_MAX ? budget + budget / 16 + 1 : BREAK_BUDGET_MAX;
}

/* A commit collects the transaction's young objects, scanning its thread's
   stack for references.  It starts at the client's frame: libstm's own
   frames below it lie where the client's deeper calls ran during the
   transaction and hold stale references into the young objects, which
   would keep them (and all they reference) alive, old, published.  So
   the entry pushes the registers a callee must preserve, where the client
   may keep references, and calls commit_transaction() with the stack
   pointer below them (16-byte aligned for the call). */
__attribute__((naked)) void stm_commit_transaction(stm_thread *tl)
{
    __asm__("push %rbp\n\t"
            "push %rbx\n\t"
            "push %r12\n\t"
            "push %r13\n\t"
            "push %r14\n\t"
            "push %r15\n\t"
            "mov %rsp, %rsi\n\t"
            "sub $8, %rsp\n\t"
            "call commit_transaction\n\t"
            "add $56, %rsp\n\t"
            "ret");
}

void stm_become_inevitable(stm_thread *tl, const char *why)
{
    struct stm_thread_private *p = tl->priv;
    STM_CHECK(p && p->in_transaction, "stm_become_inevitable() outside a transaction");
    if (p->inevitable)
        return;
    struct segment *s = p->seg;
    for (;;) {
        poll_if_needed(p);
        wait_inevitable(p);
        pthread_mutex_lock(&commit_lock);
        if (!inevitable_seg)
            break;
        pthread_mutex_unlock(&commit_lock);
    }
    if (!validate_segment(s)) {
        pthread_mutex_unlock(&commit_lock);
        abort_self(p, s->doomed - 1, s->doom_object);
    }
    inevitable_seg = s;
    p->inevitable = true;
    /* Every other commit waits for this one: the next check ends it. */
    s->info->break_countdown = 1;
    pthread_mutex_unlock(&commit_lock);
    if (gc.client.on_event) {
        struct stm_event ev = {.kind = STM_EVENT_BECAME_INEVITABLE, .thread = tl, .why = why};
        gc.client.on_event(&ev);
    }
}

bool stm_is_inevitable(stm_thread *tl)
{
    return tl->priv && tl->priv->in_transaction && tl->priv->inevitable;
}
#endif
