/*
** Transactions that all write one object: T threads each increment one
** shared counter in separate transactions, and the final value is exact.
** In the STM flavour the threads conflict all the time: the contention
** policy must let every one of them finish.  With more threads than
** segments (32 threads on 2 segments) they queue for a segment.
*/
#include "testlib.h"
#include "testobj.h"
#include "testutil.h"
#include <stdatomic.h>

static stm_obj *g_counter;             /* a registered root */

struct worker {
    int increments;
    bool allocate;                      /* garbage and a kept node per step */
    uint64_t aborts;
};

static void *worker_main(void *arg)
{
    struct worker *w = arg;
    stm_thread tl;
    stm_register_thread(&tl);
    for (volatile int i = 0; i < w->increments; i++) {
        stm_start_transaction(&tl);
        node *c = (node *)g_counter;
        stm_read((stm_obj *)c);
        if (w->allocate) {
            /* the counter keeps the newest node: old-to-young references
               written by many threads */
            node *n = new_node(c->left, NULL, c->value);
            CHECK(n);
            for (int k = 0; k < 4; k++)
                CHECK(new_node(NULL, NULL, -1));
            stm_write((stm_obj *)c);
            c->left = n;
        }
        stm_write((stm_obj *)c);
        c->value++;
        stm_commit_transaction(&tl);
    }
    struct stm_stats st;
    stm_get_stats(&tl, &st);
    for (int k = STM_TIME_RUN_ABORTED_WRITE_WRITE; k <= STM_TIME_RUN_ABORTED_OTHER; k++)
        w->aborts += st.count[k];
    stm_unregister_thread(&tl);
    return NULL;
}

static void counter_case(int nthreads, int segments, int increments, bool allocate, int stress)
{
    set_gc_stress(stress);
    struct stm_config cfg = {.trace = test_trace, .segments = segments};
    CHECK(stm_setup(&cfg));
    stm_thread tl;
    stm_register_thread(&tl);
    stm_add_root(&g_counter);
    stm_start_transaction(&tl);
    g_counter = (stm_obj *)new_node(NULL, NULL, 0);
    stm_commit_transaction(&tl);
    /* A thread between two transactions still holds its segment (the GIL,
       in that flavour): this one leaves while it waits for the others. */
    stm_unregister_thread(&tl);

    struct worker w[64];
    pthread_t ids[64];
    for (int i = 0; i < nthreads; i++)
        w[i] = (struct worker){.increments = increments, .allocate = allocate};
    double t0 = now_seconds();
    start_threads(ids, nthreads, worker_main, w, sizeof w[0]);
    join_threads(ids, nthreads);
    double seconds = now_seconds() - t0;

    uint64_t aborts = 0;
    for (int i = 0; i < nthreads; i++)
        aborts += w[i].aborts;
    stm_register_thread(&tl);
    stm_start_transaction(&tl);
    node *c = (node *)g_counter;
    stm_read((stm_obj *)c);
    int64_t total = (int64_t)nthreads * increments;
    CHECK_EQ(c->value, total);
    if (allocate) {
        /* one kept node per increment, newest first, values descending */
        int64_t expect = total - 1;
        for (node *n = c->left; n; n = n->left, expect--) {
            stm_read((stm_obj *)n);
            CHECK_EQ(n->value, expect);
        }
        CHECK_EQ(expect, -1);
    }
    stm_commit_transaction(&tl);
    printf("%d threads on %d segments x %d increments: %.2f s, %llu aborts\n", nthreads,
           segments, increments, seconds, (unsigned long long)aborts);
    stm_remove_root(&g_counter);
    stm_unregister_thread(&tl);
    stm_teardown();
}

static void counter_4_threads(void)
{
    counter_case(4, 0, BY_VARIANT(100000, 20000, 5000), false, 0);
}
static void counter_allocating(void)
{
    counter_case(4, 0, BY_VARIANT(20000, 5000, 1000), true, 0);
}
static void counter_allocating_stress(void)
{
    counter_case(4, 0, BY_VARIANT(3000, 1000, 300), true, 7);
}
static void threads_32_on_2_segments(void)
{
    counter_case(32, 2, BY_VARIANT(1000, 300, 100), true, 0);
}

RUN_TESTS({"counter_4_threads", counter_4_threads, 0},
          {"counter_allocating", counter_allocating, 0},
          {"counter_allocating_stress", counter_allocating_stress, 0},
          {"threads_32_on_2_segments", threads_32_on_2_segments, 0})
