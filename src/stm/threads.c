/*
** Thread registration: every thread that touches the heap is known here,
** with the bounds of its C stack.
*/
#include "core.h"
#include <stdlib.h>
#include <string.h>

pthread_mutex_t threads_lock = PTHREAD_MUTEX_INITIALIZER;
struct stm_thread_private *all_threads;
__thread stm_thread *current_thread;

stm_thread *stm_current_thread(void) { return current_thread; }

void stm_set_stack_top(const void *top)
{
    STM_CHECK(current_thread, "stm_set_stack_top(): this thread is not registered");
    struct stm_thread_private *p = current_thread->priv;
    char here;
    STM_CHECK((const char *)top > &here && (const char *)top <= p->stack_high,
              "stm_set_stack_top(%p): not above the caller in this thread's stack", top);
    p->stack_high = (char *)top;
}

void stm_register_thread(stm_thread *tl)
{
    STM_CHECK(current_thread == NULL, "stm_register_thread(): this thread is already registered");
    struct stm_thread_private *p = calloc(1, sizeof *p);
    if (!p)
        stm_fatal("out of C memory registering a thread");
    pthread_attr_t attr;
    void *stack_addr;
    size_t stack_size;
    if (pthread_getattr_np(pthread_self(), &attr) != 0
        || pthread_attr_getstack(&attr, &stack_addr, &stack_size) != 0)
        stm_fatal("cannot find the bounds of this thread's stack");
    pthread_attr_destroy(&attr);
    p->stack_high = (char *)stack_addr + stack_size;
    p->tl = tl;
    p->state = THREAD_OUTSIDE;
    p->timing_state = STM_TIME_OUTSIDE_TRANSACTION;
    p->timing_since = stats_now();
    tl->priv = p;
    tl->atomic_depth = 0;
    current_thread = tl;
    pthread_mutex_lock(&threads_lock);
    p->next = all_threads;
    all_threads = p;
    pthread_mutex_unlock(&threads_lock);
}

void stm_unregister_thread(stm_thread *tl)
{
    STM_CHECK(tl == current_thread, "stm_unregister_thread() from another thread");
    struct stm_thread_private *p = tl->priv;
    STM_CHECK(!p->in_transaction, "stm_unregister_thread() inside a transaction");
    flavour_thread_exit(p);
    pthread_mutex_lock(&threads_lock);
    struct stm_thread_private **pp = &all_threads;
    while (*pp != p)
        pp = &(*pp)->next;
    *pp = p->next;
    pthread_mutex_unlock(&threads_lock);
    free(p);
    tl->priv = NULL;
    current_thread = NULL;
}
