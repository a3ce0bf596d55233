/*
** Several threads: more threads than cores allocate and keep structures
** while any of them may trigger a collection, which must find every
** thread's references on its parked stack.  Atomic blocks keep all other
** threads out, however the block's thread commits, blocks or collects.
*/
#include "testlib.h"
#include "testobj.h"
#include "testutil.h"

#define NTHREADS 8

static node *tree(int depth, int64_t tag)
{
    if (depth == 0)
        return new_node(NULL, NULL, tag);
    node *l = tree(depth - 1, tag);
    node *r = tree(depth - 1, tag);
    return new_node(l, r, tag);
}

static int64_t tree_count(node *n, int64_t tag)
{
    if (!n)
        return 0;
    if (n->hdr.stm_type != T_NODE || n->value != tag)
        return -1000000;
    return 1 + tree_count(n->left, tag) + tree_count(n->right, tag);
}

/* ---- many threads allocating ---- */

/* The structure each thread builds: a list of (tree, next) cells, the
   newest first; cell i holds value i and a tree tagged thread * 1e6 + i. */
struct worker {
    int index;
    int iterations;
    int tree_depth;
    int64_t collections_seen;
};

/* Finished structures, handed to the main thread through a root range. */
static stm_obj *results[NTHREADS];

static bool list_ok(node *list, int index, int count, int depth)
{
    int64_t expect = ((int64_t)2 << depth) - 1;
    for (int i = count - 1; i >= 0; i--) {
        if (!list || list->hdr.stm_type != T_NODE || list->value != i)
            return false;
        if (tree_count(list->left, (int64_t)index * 1000000 + i) != expect)
            return false;
        list = list->right;
    }
    return list == NULL;
}

static void *worker_main(void *arg)
{
    struct worker *w = arg;
    stm_thread tl;
    stm_register_thread(&tl);
    stm_start_transaction(&tl);
    node *list = NULL;
    for (int i = 0; i < w->iterations; i++) {
        node *t = tree(w->tree_depth, (int64_t)w->index * 1000000 + i);
        list = new_node(t, list, i);
        CHECK(list);
        for (int k = 0; k < 200; k++)
            CHECK(new_node(NULL, NULL, -1));          /* garbage */
        /* every thread triggers collections of its own */
        if (i % 37 == w->index)
            stm_collect_minor();
        if (i % 301 == w->index * 7)
            stm_collect_major();
        if (i % 100 == 99)
            CHECK(list_ok(list, w->index, i + 1, w->tree_depth));
        /* hand over often: the others' stacks are scanned while parked */
        if (stm_should_break(&tl) || i % 5 == 0) {
            stm_commit_transaction(&tl);
            stm_start_transaction(&tl);
        }
    }
    CHECK(list_ok(list, w->index, w->iterations, w->tree_depth));
    results[w->index] = (stm_obj *)list;
    stm_commit_transaction(&tl);
    stm_unregister_thread(&tl);
    return NULL;
}

static void many_threads_case(int stress_every)
{
    set_gc_stress(stress_every);
    test_setup(0);
    stm_add_root_range(results, sizeof results);
    struct worker workers[NTHREADS];
    int iterations = stress_every ? 60 : BY_VARIANT(2000, 1000, 600);
    for (int i = 0; i < NTHREADS; i++)
        workers[i] = (struct worker){.index = i, .iterations = iterations, .tree_depth = 4};
    pthread_t ids[NTHREADS];
    double t0 = now_seconds();
    start_threads(ids, NTHREADS, worker_main, workers, sizeof workers[0]);
    join_threads(ids, NTHREADS);

    stm_thread tl;
    stm_register_thread(&tl);
    stm_start_transaction(&tl);
    stm_collect_major();
    for (int i = 0; i < NTHREADS; i++)
        CHECK(list_ok((node *)results[i], i, iterations, 4));
    struct stm_heap_info info;
    stm_heap_info(&info);
    printf("%d threads x %d iterations: %.2f s, %zu minor, %zu major collections\n",
           NTHREADS, iterations, now_seconds() - t0, info.minor_collections,
           info.major_collections);
    CHECK(info.minor_collections > 0 && info.major_collections > 0);
    /* the structures are all that is live */
    size_t expect = (size_t)NTHREADS * iterations * 32 * sizeof(struct node);
    CHECK(info.live_after_major >= expect);
    CHECK(info.live_after_major < expect + expect / 2 + (1 << 20));
    stm_commit_transaction(&tl);
    stm_unregister_thread(&tl);
    stm_remove_root_range(results);
    stm_teardown();
}
static void many_threads(void) { many_threads_case(0); }
static void many_threads_stress(void) { many_threads_case(53); }

/* Threads that come and go while others hold references. */
static void *short_lived_main(void *arg)
{
    struct worker *w = arg;
    for (int round = 0; round < 3; round++) {
        stm_thread tl;
        stm_register_thread(&tl);
        stm_start_transaction(&tl);
        node *t = tree(6, w->index);
        for (int k = 0; k < 2000; k++)
            CHECK(new_node(NULL, NULL, -1));
        stm_collect_minor();
        CHECK_EQ(tree_count(t, w->index), 127);
        stm_commit_transaction(&tl);
        stm_unregister_thread(&tl);
    }
    return NULL;
}

static pthread_t come_and_go_ids[NTHREADS];

static void *join_all(void *arg)
{
    join_threads(come_and_go_ids, NTHREADS);
    return arg;
}

static void threads_come_and_go(void)
{
    set_gc_stress(0);
    test_setup(0);
    stm_thread tl;
    stm_register_thread(&tl);
    stm_start_transaction(&tl);
    node *volatile mine = tree(8, 99);
    struct worker workers[NTHREADS];
    for (int i = 0; i < NTHREADS; i++)
        workers[i] = (struct worker){.index = 100 + i};
    /* The others run while this thread waits in a blocking call, parked
       with its tree on the stack. */
    start_threads(come_and_go_ids, NTHREADS, short_lived_main, workers, sizeof workers[0]);
    stm_blocking_call(&tl, join_all, NULL);
    CHECK_EQ(tree_count(mine, 99), 511);
    stm_collect_major();
    CHECK_EQ(tree_count(mine, 99), 511);
    stm_commit_transaction(&tl);
    stm_unregister_thread(&tl);
    stm_teardown();
}

/* ---- a parked thread's reference in a register only ---- */

static volatile int parked_phase;

static void *wait_for_collections(void *arg)
{
    parked_phase = 1;
    while (parked_phase != 2)
        usleep(1000);
    return arg;
}

__attribute__((noinline)) static node *make_tree_77(void) { return tree(8, 77); }

/* rbx is callee-saved: while this thread is parked in the blocking call,
   the only copy of the reference is where libstm spilled the registers. */
__attribute__((noinline)) static int64_t hold_in_register_while_parked(stm_thread *tl)
{
    register node *p __asm__("rbx") = make_tree_77();
    __asm__ volatile("" : "+r"(p));
    scrub_stack();
    __asm__ volatile("" : "+r"(p));
    stm_blocking_call(tl, wait_for_collections, NULL);
    __asm__ volatile("" : "+r"(p));
    return tree_count(p, 77);
}

static void *parked_holder_main(void *arg)
{
    stm_thread tl;
    stm_register_thread(&tl);
    stm_start_transaction(&tl);
    CHECK_EQ(hold_in_register_while_parked(&tl), 511);
    stm_commit_transaction(&tl);
    stm_unregister_thread(&tl);
    return arg;
}

static void *sleep_1ms(void *arg)
{
    usleep(1000);
    return arg;
}

static void parked_register_root(void)
{
    set_gc_stress(0);
    test_setup(0);
    stm_thread tl;
    stm_register_thread(&tl);
    pthread_t t;
    pthread_create(&t, NULL, parked_holder_main, NULL);
    stm_start_transaction(&tl);
    while (parked_phase != 1)
        stm_blocking_call(&tl, sleep_1ms, NULL);
    /* the other thread is parked: collect and reuse the memory */
    for (int round = 0; round < 3; round++) {
        for (int k = 0; k < 100000; k++)
            CHECK(new_node(NULL, NULL, -1));
        stm_collect_minor();
        stm_collect_major();
    }
    parked_phase = 2;
    stm_commit_transaction(&tl);
    stm_unregister_thread(&tl);     /* lets the other one back in */
    join_threads(&t, 1);
    stm_teardown();
}

#ifdef STM_FLAVOUR_GIL
/* ---- atomic blocks ---- */

static volatile int shared_owner;      /* which thread wrote last */
static volatile int stop_writers;
static volatile long writes_done;

static void *writer_main(void *arg)
{
    int id = *(int *)arg;
    stm_thread tl;
    stm_register_thread(&tl);
    while (!stop_writers) {
        stm_start_transaction(&tl);
        shared_owner = id;
        writes_done++;
        CHECK(new_node(NULL, NULL, id));
        stm_commit_transaction(&tl);
    }
    stm_unregister_thread(&tl);
    return NULL;
}

static void *sleep_2ms(void *arg)
{
    usleep(2000);
    return arg;
}

static void atomic_excludes_others(void)
{
    set_gc_stress(0);
    test_setup(0);
    stm_thread tl;
    stm_register_thread(&tl);
    enum { WRITERS = 3 };
    int ids[WRITERS];
    pthread_t threads[WRITERS];
    for (int i = 0; i < WRITERS; i++)
        ids[i] = i + 1;
    start_threads(threads, WRITERS, writer_main, ids, sizeof ids[0]);
    /* Wait until the writers are busy. */
    while (writes_done < 1000)
        usleep(1000);

    stm_start_transaction(&tl);
    stm_atomic_enter(&tl);
    stm_atomic_enter(&tl);
    CHECK_EQ(stm_atomic_depth(&tl), 2);
    shared_owner = 0;
    long before = writes_done;
    for (int depth = 2; depth >= 1; depth--) {
        for (int k = 0; k < 20; k++) {
            /* none of these lets another thread in */
            stm_commit_transaction(&tl);
            for (int j = 0; j < 10000; j++)
                CHECK(!stm_should_break(&tl));
            CHECK(stm_blocking_call(&tl, sleep_2ms, &tl) == &tl);
            for (int j = 0; j < 20000; j++)
                CHECK(new_node(NULL, NULL, j));
            if (k % 5 == 0)
                stm_collect_minor();
            stm_safe_point(&tl);
            CHECK_EQ(shared_owner, 0);
            CHECK_EQ(writes_done, before);
        }
        stm_atomic_leave(&tl);
        CHECK_EQ(stm_atomic_depth(&tl), depth - 1);
    }
    /* Out of the block, a blocking call lets the writers in again. */
    while (writes_done < before + 100)
        stm_blocking_call(&tl, sleep_2ms, NULL);
    stm_commit_transaction(&tl);
    CHECK(shared_owner != 0);
    stop_writers = 1;
    /* after a commit this thread keeps the lock until it leaves */
    stm_unregister_thread(&tl);
    join_threads(threads, WRITERS);
    stm_teardown();
}
#endif

RUN_TESTS({"many_threads", many_threads, 0},
          {"many_threads_stress", many_threads_stress, 0},
          {"threads_come_and_go", threads_come_and_go, 0},
          {"parked_register_root", parked_register_root, 0},
#ifdef STM_FLAVOUR_GIL
          /* A GIL property: in the STM flavour an atomic block is isolated
             from the others, which go on running in parallel. */
          {"atomic_excludes_others", atomic_excludes_others, 0}
#endif
          )
