/*
** Conflict detection and its policy: objects that share a cache line and
** a page never conflict; inevitable transactions run one at a time and
** never restart; an abort undoes the transaction's writes and is
** reported as an event with the thread's marker.
*/
#include "testlib.h"
#include "testobj.h"
#include "testutil.h"
#include <stdatomic.h>

enum { THREADS = 4 };
static stm_obj *g_objs;                 /* array of THREADS nodes */

static uint64_t aborts_of(stm_thread *tl)
{
    struct stm_stats st;
    stm_get_stats(tl, &st);
    uint64_t n = 0;
    for (int k = STM_TIME_RUN_ABORTED_WRITE_WRITE; k <= STM_TIME_RUN_ABORTED_OTHER; k++)
        n += st.count[k];
    return n;
}

static void make_objects(void)
{
    stm_thread tl;
    stm_register_thread(&tl);
    stm_add_root(&g_objs);
    stm_start_transaction(&tl);
    array *a = new_array(THREADS);
    /* allocated one after the other: 32-byte nodes, four to a cache line
       pair, all on one page */
    for (int i = 0; i < THREADS; i++)
        a->items[i] = (stm_obj *)new_node(NULL, NULL, 0);
    g_objs = (stm_obj *)a;
    stm_commit_transaction(&tl);
    stm_unregister_thread(&tl);
}

/* ---- no false conflicts ---- */

struct worker {
    int index, steps;
    uint64_t aborts;
};

static void *distinct_main(void *arg)
{
    struct worker *w = arg;
    stm_thread tl;
    stm_register_thread(&tl);
    for (volatile int i = 0; i < w->steps; i++) {
        stm_start_transaction(&tl);
        array *a = (array *)g_objs;
        stm_read((stm_obj *)a);
        node *n = (node *)a->items[w->index];
        stm_read((stm_obj *)n);
        stm_write((stm_obj *)n);
        n->value++;
        stm_commit_transaction(&tl);
    }
    w->aborts = aborts_of(&tl);
    stm_unregister_thread(&tl);
    return NULL;
}

static void no_false_conflicts(void)
{
    struct stm_config cfg = {.trace = test_trace, .segments = THREADS};
    CHECK(stm_setup(&cfg));
    make_objects();
    struct worker w[THREADS];
    pthread_t ids[THREADS];
    for (int i = 0; i < THREADS; i++)
        w[i] = (struct worker){.index = i, .steps = BY_VARIANT(200000, 30000, 10000)};
    start_threads(ids, THREADS, distinct_main, w, sizeof w[0]);
    join_threads(ids, THREADS);
    stm_thread tl;
    stm_register_thread(&tl);
    stm_start_transaction(&tl);
    array *a = (array *)g_objs;
    CHECK_EQ((uintptr_t)a->items[1] - (uintptr_t)a->items[0], sizeof(struct node));
    for (int i = 0; i < THREADS; i++) {
        CHECK_EQ(((node *)a->items[i])->value, w[i].steps);
        CHECK_EQ(w[i].aborts, 0);
    }
    stm_commit_transaction(&tl);
    stm_unregister_thread(&tl);
    stm_teardown();
}

/* ---- inevitable transactions run one at a time ---- */

static atomic_int inevitable_now, inevitable_max;
static atomic_long inevitable_restarts, inevitable_runs;

static void *inevitable_main(void *arg)
{
    struct worker *w = arg;
    stm_thread tl;
    stm_register_thread(&tl);
    for (volatile int i = 0; i < w->steps; i++) {
        volatile bool was_inevitable = false;
        if (stm_start_transaction(&tl) && was_inevitable)
            atomic_fetch_add(&inevitable_restarts, 1);
        array *a = (array *)g_objs;
        stm_read((stm_obj *)a);
        node *shared = (node *)a->items[0];
        if (i % 4 == w->index % 4) {
            stm_become_inevitable(&tl, "test");
            CHECK(stm_is_inevitable(&tl));
            was_inevitable = true;
            int now = atomic_fetch_add(&inevitable_now, 1) + 1;
            if (now > atomic_load(&inevitable_max))
                atomic_store(&inevitable_max, now);
            atomic_fetch_add(&inevitable_runs, 1);
        }
        stm_read((stm_obj *)shared);
        stm_write((stm_obj *)shared);
        shared->value++;
        for (volatile int k = 0; k < 200; k++)
            ;
        if (was_inevitable)
            atomic_fetch_sub(&inevitable_now, 1);
        stm_commit_transaction(&tl);
    }
    stm_unregister_thread(&tl);
    return NULL;
}

static void inevitable_serialised(void)
{
    test_setup(0);
    make_objects();
    struct worker w[THREADS];
    pthread_t ids[THREADS];
    int steps = BY_VARIANT(40000, 8000, 2000);
    for (int i = 0; i < THREADS; i++)
        w[i] = (struct worker){.index = i, .steps = steps};
    start_threads(ids, THREADS, inevitable_main, w, sizeof w[0]);
    join_threads(ids, THREADS);
    CHECK_EQ(atomic_load(&inevitable_max), 1);
    CHECK_EQ(atomic_load(&inevitable_restarts), 0);
    CHECK_EQ(atomic_load(&inevitable_runs), (long)THREADS * steps / 4);
    stm_thread tl;
    stm_register_thread(&tl);
    stm_start_transaction(&tl);
    CHECK_EQ(((node *)((array *)g_objs)->items[0])->value, (int64_t)THREADS * steps);
    stm_commit_transaction(&tl);
    stm_unregister_thread(&tl);
    stm_teardown();
}

#ifdef STM_FLAVOUR_STM
/* ---- an abort undoes the writes and is reported ---- */

static int events_seen;
static struct stm_event last_event;

static void on_event(const struct stm_event *ev)
{
    if (ev->kind != STM_EVENT_BECAME_INEVITABLE) {
        events_seen++;
        last_event = *ev;
    }
}

static void describe(stm_obj *marker, uintptr_t position, char *buf, size_t size)
{
    snprintf(buf, size, "node %lld at %lu", (long long)((node *)marker)->value,
             (unsigned long)position);
}

static void abort_undoes_writes(void)
{
    struct stm_config cfg = {.trace = test_trace, .on_event = on_event,
                             .describe_marker = describe};
    CHECK(stm_setup(&cfg));
    make_objects();
    stm_thread tl;
    stm_register_thread(&tl);
    volatile int attempt = 0;
    if (stm_start_transaction(&tl))
        CHECK_EQ(attempt, 1);
    array *a = (array *)g_objs;
    node *n = (node *)a->items[2];
    CHECK_EQ(n->value, 0);               /* the write below was undone */
    node *young = new_node(NULL, NULL, 7);
    tl.marker.object = (stm_obj *)young;
    tl.marker.position = 42;
    if (attempt++ == 0) {
        stm_write((stm_obj *)n);
        n->value = 99;
        stm_write((stm_obj *)a);
        a->items[3] = (stm_obj *)young;
        stm_abort_transaction(&tl);
    }
    CHECK(a->items[3] != (stm_obj *)young);
    tl.marker.object = NULL;
    stm_commit_transaction(&tl);
    CHECK_EQ(events_seen, 1);
    CHECK_EQ(last_event.kind, STM_EVENT_ABORT_OTHER);
    CHECK(last_event.thread == &tl);
    CHECK(strcmp(last_event.self_location, "node 7 at 42") == 0);
    struct stm_stats st;
    stm_get_stats(&tl, &st);
    CHECK_EQ(st.count[STM_TIME_RUN_ABORTED_OTHER], 1);
    stm_unregister_thread(&tl);
    stm_teardown();
}
/* ---- a write-read conflict names where the winner wrote ---- */

static atomic_int stage;

static void wait_stage(int n)
{
    while (atomic_load(&stage) < n)
        sched_yield();
}

/* Writes node 0 with its marker on node 1 (value 5), position 77. */
static void *winner_main(void *arg)
{
    (void)arg;
    stm_thread tl;
    stm_register_thread(&tl);
    wait_stage(1);
    stm_start_transaction(&tl);
    array *a = (array *)g_objs;
    stm_read((stm_obj *)a);
    node *n = (node *)a->items[0];
    tl.marker.object = a->items[1];
    tl.marker.position = 77;
    stm_write((stm_obj *)n);
    n->value = 1234;
    tl.marker.object = NULL;
    stm_commit_transaction(&tl);
    atomic_store(&stage, 2);
    stm_unregister_thread(&tl);
    return NULL;
}

static void write_read_names_writer(void)
{
    struct stm_config cfg = {.trace = test_trace, .on_event = on_event,
                             .describe_marker = describe};
    CHECK(stm_setup(&cfg));
    make_objects();
    events_seen = 0;
    atomic_store(&stage, 0);
    stm_thread tl;
    stm_register_thread(&tl);
    stm_start_transaction(&tl);
    array *a = (array *)g_objs;
    stm_read((stm_obj *)a);
    stm_write((stm_obj *)a->items[1]);
    ((node *)a->items[1])->value = 5;
    stm_commit_transaction(&tl);
    pthread_t winner;
    pthread_create(&winner, NULL, winner_main, NULL);
    volatile int attempt = 0;
    stm_start_transaction(&tl);
    a = (array *)g_objs;
    stm_read((stm_obj *)a);
    node *n = (node *)a->items[0];
    stm_read((stm_obj *)n);
    int64_t seen = n->value;
    if (attempt++ == 0) {
        CHECK_EQ(seen, 0);
        /* The winner commits while this transaction holds its read; the
           safe point validates, finds the conflict and restarts. */
        atomic_store(&stage, 1);
        wait_stage(2);
        stm_safe_point(&tl);
        CHECK(0);
    }
    CHECK_EQ(seen, 1234);
    stm_commit_transaction(&tl);
    CHECK_EQ(events_seen, 1);
    CHECK_EQ(last_event.kind, STM_EVENT_ABORT_WRITE_READ);
    CHECK(strcmp(last_event.other_location, "node 5 at 77") == 0);
    pthread_join(winner, NULL);
    stm_unregister_thread(&tl);
    stm_teardown();
}
#  define STM_CASES {"abort_undoes_writes", abort_undoes_writes, 0}, \
                    {"write_read_names_writer", write_read_names_writer, 0},
#else
#  define STM_CASES
#endif

RUN_TESTS(STM_CASES
          {"no_false_conflicts", no_false_conflicts, 0},
          {"inevitable_serialised", inevitable_serialised, 0})
