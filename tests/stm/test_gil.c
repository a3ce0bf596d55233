/*
** The GIL flavour's scheduling and statistics: two busy threads take turns
** at stm_should_break() points, each turn lasting about the switch
** interval (5 ms), and each thread's statistics show the time it ran and
** the time it waited for the other.
*/
#include "testlib.h"
#include "testobj.h"
#include "testutil.h"

#define SWITCHES 40

static volatile int turn_log[SWITCHES + 4];
static volatile int turns;
static struct stm_stats final_stats[2];
static double final_wall[2];

static void *alternator(void *arg)
{
    int id = *(int *)arg;
    stm_thread tl;
    stm_register_thread(&tl);
    double t0 = now_seconds();
    for (;;) {
        stm_start_transaction(&tl);
        if (turns >= SWITCHES) {
            stm_commit_transaction(&tl);
            break;
        }
        turn_log[turns++] = id;
        /* busy until told to let the other one in */
        while (!stm_should_break(&tl))
            ;
        stm_commit_transaction(&tl);
    }
    stm_get_stats(&tl, &final_stats[id]);
    final_wall[id] = now_seconds() - t0;
    stm_unregister_thread(&tl);
    return NULL;
}

static void two_threads_alternate(void)
{
    unsetenv("STM_GC_STRESS");
    test_setup(0);
    int ids[2] = {0, 1};
    pthread_t threads[2];
    double t0 = now_seconds();
    start_threads(threads, 2, alternator, ids, sizeof ids[0]);
    join_threads(threads, 2);
    double wall = now_seconds() - t0;

    /* Strict turns once both are in: the one that breaks hands over to
       the one waiting. */
    for (int i = 2; i < SWITCHES; i++)
        CHECK(turn_log[i] != turn_log[i - 1]);
    /* A turn ends only after the waiter has waited a switch interval. */
    double per_turn = wall / SWITCHES;
    printf("%d turns in %.3f s (%.1f ms each)\n", SWITCHES, wall, per_turn * 1e3);
    CHECK(per_turn >= 0.004);
    for (int id = 0; id < 2; id++) {
        const struct stm_stats *s = &final_stats[id], *other = &final_stats[1 - id];
        double run = s->seconds[STM_TIME_RUN_COMMITTED];
        double wait = s->seconds[STM_TIME_WAIT_FREE_SEGMENT];
        printf("thread %d: %llu runs %.3f s, %llu waits %.3f s, wall %.3f s\n", id,
               (unsigned long long)s->count[STM_TIME_RUN_COMMITTED], run,
               (unsigned long long)s->count[STM_TIME_WAIT_FREE_SEGMENT], wait,
               final_wall[id]);
        CHECK(s->count[STM_TIME_RUN_COMMITTED] >= SWITCHES / 2 - 1);
        CHECK(s->count[STM_TIME_WAIT_FREE_SEGMENT] >= SWITCHES / 2 - 2);
        /* each waited while the other ran */
        double other_run = other->seconds[STM_TIME_RUN_COMMITTED];
        CHECK(wait > 0.6 * other_run);
        CHECK(wait < 1.5 * other_run + 0.02);
        /* and run plus wait is where its time went */
        CHECK(run + wait > 0.6 * final_wall[id]);
        CHECK(run + wait < 1.1 * final_wall[id] + 0.01);
        for (int k = STM_TIME_RUN_ABORTED_WRITE_WRITE; k <= STM_TIME_RUN_ABORTED_OTHER; k++)
            CHECK_EQ(s->count[k], 0);
    }
    stm_teardown();
}

/* ---- a blocking call lets the other thread run ---- */

static volatile int other_ran;

static void *other_main(void *arg)
{
    stm_thread tl;
    stm_register_thread(&tl);
    stm_start_transaction(&tl);
    other_ran = 1;
    CHECK(new_node(NULL, NULL, 1));
    stm_commit_transaction(&tl);
    stm_unregister_thread(&tl);
    return arg;
}

static void *sleep_ms(void *arg)
{
    usleep((useconds_t)(uintptr_t)arg * 1000);
    return arg;
}

static void blocking_call_and_stats(void)
{
    unsetenv("STM_GC_STRESS");
    test_setup(0);
    stm_thread tl;
    stm_register_thread(&tl);
    stm_start_transaction(&tl);
    node *volatile mine = new_node(NULL, NULL, 5);

    /* The other thread waits for the lock this one holds... */
    pthread_t t;
    pthread_create(&t, NULL, other_main, NULL);
    usleep(20000);
    CHECK(!other_ran);
    /* ...and gets it while this one sleeps in a blocking call. */
    double t0 = now_seconds();
    CHECK(stm_blocking_call(&tl, sleep_ms, (void *)(uintptr_t)30) == (void *)(uintptr_t)30);
    CHECK(now_seconds() - t0 >= 0.029);
    CHECK(other_ran);
    CHECK_EQ(mine->value, 5);
    /* the transaction after a blocking call is to end soon */
    CHECK(stm_should_break(&tl));
    CHECK(!stm_should_break(&tl));
    stm_commit_transaction(&tl);
    stm_start_transaction(&tl);
    join_threads(&t, 1);      /* it has finished: it ran during the sleep */

    for (int i = 0; i < 3; i++)
        stm_collect_minor();
    for (int i = 0; i < 2; i++)
        stm_collect_major();
    stm_hint_commit_soon();
    CHECK(stm_should_break(&tl));
    CHECK(!stm_should_break(&tl));
    stm_commit_transaction(&tl);

    struct stm_stats s;
    stm_get_stats(&tl, &s);
    CHECK(s.seconds[STM_TIME_OUTSIDE_TRANSACTION] >= 0.029);
    CHECK(s.count[STM_TIME_OUTSIDE_TRANSACTION] >= 1);
    CHECK_EQ(s.count[STM_TIME_RUN_COMMITTED], 3);
    CHECK(s.seconds[STM_TIME_RUN_COMMITTED] >= 0.019);   /* it held the lock 20 ms */
    CHECK_EQ(s.count[STM_TIME_MINOR_GC], 3);
    CHECK_EQ(s.count[STM_TIME_MAJOR_GC], 2);
    CHECK(s.seconds[STM_TIME_MINOR_GC] > 0 && s.seconds[STM_TIME_MAJOR_GC] > 0);

    /* the table names every state */
    char *text = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&text, &size);
    stm_print_stats(f, "main", &s);
    fclose(f);
    CHECK(strstr(text, "main") && strstr(text, "run committed") && strstr(text, "minor gc"));
    for (int i = 0; i < STM_TIME_COUNT; i++)
        CHECK(strstr(text, stm_time_names[i]));
    free(text);
    stm_unregister_thread(&tl);
    stm_teardown();
}

/* A lone thread is never asked to break, except by a hint or after a
   collection (the GIL flavour has nobody to hand over to). */
static void lone_thread_runs_on(void)
{
    unsetenv("STM_GC_STRESS");
    test_setup(0);
    stm_thread tl;
    stm_register_thread(&tl);
    stm_start_transaction(&tl);
    CHECK(stm_current_thread() == &tl);
    for (int i = 0; i < 100000; i++)
        CHECK(!stm_should_break(&tl));
    /* nothing here can be undone: every transaction is inevitable */
    CHECK(stm_is_inevitable(&tl));
    stm_commit_transaction(&tl);
    stm_unregister_thread(&tl);
    CHECK(stm_current_thread() == NULL);
    stm_teardown();
}

RUN_TESTS({"two_threads_alternate", two_threads_alternate, 0},
          {"blocking_call_and_stats", blocking_call_and_stats, 0},
          {"lone_thread_runs_on", lone_thread_runs_on, 0})
