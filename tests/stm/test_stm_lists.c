/*
** Threads that allocate while others read: each thread owns a list whose
** head node holds its length (value) and a node holding the sum of its
** values (right).  A transaction prepends fresh nodes (allocating garbage
** as well), sometimes drops a prefix, and sometimes walks another
** thread's list checking, inside the transaction, that length and sum
** match its head (opacity).  More threads than segments; large
** transactions and the stress mode make collections happen in the middle
** of transactions, with young references in C locals and registers.  At
** the end every list matches what its thread committed.
**
** In the STM flavour this checks collections local to a segment (the
** survivors of a commit are published, garbage is not, and references
** from the stack keep young objects alive), and the import of other
** threads' new objects.
*/
#include "testlib.h"
#include "testobj.h"
#include "testutil.h"

enum { MAX_THREADS = 8, MAX_LEN = 3000 };

static stm_obj *g_lists;                /* array: one head per thread */

struct worker {
    int index, nthreads, steps, big_every;
    uint64_t seed;
    int64_t count, sum;                 /* of its list, as committed */
};

/* Builds k nodes; the ones kept are chained and returned (their sum in
   *sum); every other one is garbage at once. */
static node *make_chain(uint64_t *rng, int k, int64_t *sum)
{
    node *chain = NULL;
    *sum = 0;
    for (int i = 0; i < k; i++) {
        int64_t v = (int64_t)rng_below(rng, 1000);
        node *garbage = new_node(NULL, NULL, -v);
        CHECK(garbage && garbage->value == -v);
        chain = new_node(chain, NULL, v);
        CHECK(chain);
        *sum += v;
    }
    return chain;
}

static void check_list(node *head)
{
    stm_read((stm_obj *)head);
    node *sum_node = head->right;
    stm_read((stm_obj *)sum_node);
    int64_t count = 0, sum = 0;
    for (node *n = head->left; n; n = n->left) {
        stm_read((stm_obj *)n);
        count++;
        sum += n->value;
        CHECK(count <= MAX_LEN + 2000);
    }
    CHECK_EQ(count, head->value);
    CHECK_EQ(sum, sum_node->value);
}

static void *worker_main(void *arg)
{
    struct worker *w = arg;
    uint64_t rng = w->seed;
    stm_thread tl;
    stm_register_thread(&tl);
    for (volatile int step = 0; step < w->steps; step++) {
        uint64_t saved = rng;
        if (stm_start_transaction(&tl))
            rng = saved;
        array *lists = (array *)g_lists;
        stm_read((stm_obj *)lists);
        node *head = (node *)lists->items[w->index];
        stm_read((stm_obj *)head);
        node *sum_node = head->right;
        stm_read((stm_obj *)sum_node);
        /* Mostly small transactions; now and then one whose garbage
           fills a nursery or more. */
        bool big = w->big_every && rng_below(&rng, (uint64_t)w->big_every) == 0;
        int k = big ? 1000000 : 1 + (int)rng_below(&rng, 40);
        int64_t added;
        node *chain = make_chain(&rng, big ? 200 : k, &added);
        if (big) {
            /* The chain lives in a local only while the garbage piles up. */
            int64_t ignored;
            for (int i = 0; i < k / 200; i++)
                CHECK(make_chain(&rng, 100, &ignored));
        }
        int kept = big ? 200 : k;
        node *last = chain;
        while (last->left)
            last = last->left;
        last->left = head->left;
        int64_t count = head->value + kept, sum = sum_node->value + added;
        if (count > MAX_LEN || rng_below(&rng, 8) == 0) {
            /* drop a prefix */
            int64_t drop = (int64_t)rng_below(&rng, (uint64_t)count);
            node *n = chain;
            for (int64_t i = 0; i < drop; i++) {
                stm_read((stm_obj *)n);
                sum -= n->value;
                n = n->left;
            }
            chain = n;
            count -= drop;
        }
        stm_write((stm_obj *)head);
        head->left = chain;
        head->value = count;
        stm_write((stm_obj *)sum_node);
        sum_node->value = sum;
        if (rng_below(&rng, 4) == 0) {
            int other = (int)rng_below(&rng, (uint64_t)w->nthreads);
            check_list((node *)lists->items[other]);
        }
        if (rng_below(&rng, 500) == 0)
            stm_collect_major();
        stm_commit_transaction(&tl);
        w->count = count;
        w->sum = sum;
    }
    stm_unregister_thread(&tl);
    return NULL;
}

static void lists_case(int nthreads, int steps, int big_every, int stress)
{
    set_gc_stress(stress);
    test_setup(0);
    stm_thread tl;
    stm_register_thread(&tl);
    stm_add_root(&g_lists);
    stm_start_transaction(&tl);
    array *lists = new_array((uint64_t)nthreads);
    CHECK(lists);
    for (int i = 0; i < nthreads; i++)
        lists->items[i] = (stm_obj *)new_node(NULL, new_node(NULL, NULL, 0), 0);
    g_lists = (stm_obj *)lists;
    stm_commit_transaction(&tl);
    stm_unregister_thread(&tl);

    uint64_t seed = getenv("TEST_SEED") ? strtoull(getenv("TEST_SEED"), NULL, 10) : 4242;
    struct worker w[MAX_THREADS];
    pthread_t ids[MAX_THREADS];
    for (int i = 0; i < nthreads; i++)
        w[i] = (struct worker){.index = i, .nthreads = nthreads, .steps = steps,
                               .big_every = big_every, .seed = seed * 1000003 + (uint64_t)i + 1};
    start_threads(ids, nthreads, worker_main, w, sizeof w[0]);
    join_threads(ids, nthreads);

    stm_register_thread(&tl);
    stm_start_transaction(&tl);
    lists = (array *)g_lists;
    for (int i = 0; i < nthreads; i++) {
        node *head = (node *)lists->items[i];
        check_list(head);
        CHECK_EQ(head->value, w[i].count);
        CHECK_EQ(head->right->value, w[i].sum);
    }
    stm_collect_major();
    for (int i = 0; i < nthreads; i++)
        check_list((node *)lists->items[i]);
    stm_commit_transaction(&tl);
    stm_remove_root(&g_lists);
    stm_unregister_thread(&tl);
    stm_teardown();
}

static void lists_small(void) { lists_case(6, BY_VARIANT(20000, 4000, 1000), 0, 0); }
static void lists_big(void) { lists_case(4, BY_VARIANT(3000, 600, 150), 100, 0); }
static void lists_stress(void) { lists_case(6, BY_VARIANT(3000, 600, 150), 0, 7); }

RUN_TESTS({"lists_small", lists_small, 0},
          {"lists_big", lists_big, 0},
          {"lists_stress", lists_stress, 0})
