/*
** Opacity: writers keep a.value + b.value == 0 (two objects, one page),
** readers check it in every transaction, millions of times, with a pause
** between the two reads.  A reader must never see a torn pair, not even
** in a transaction that is later aborted.
*/
#include "testlib.h"
#include "testobj.h"
#include "testutil.h"

static stm_obj *g_pair;                 /* node: left = a, right = b */
static volatile int stop;

static void *writer_main(void *arg)
{
    uint64_t rng = (uintptr_t)arg;
    stm_thread tl;
    stm_register_thread(&tl);
    while (!stop) {
        int64_t x = (int64_t)rng_below(&rng, 1000000);
        stm_start_transaction(&tl);
        node *p = (node *)g_pair;
        stm_read((stm_obj *)p);
        stm_write((stm_obj *)p->left);
        p->left->value = x;
        stm_write((stm_obj *)p->right);
        p->right->value = -x;
        stm_commit_transaction(&tl);
    }
    stm_unregister_thread(&tl);
    return NULL;
}

struct reader {
    long transactions;
    long torn;
};

static void *reader_main(void *arg)
{
    struct reader *r = arg;
    stm_thread tl;
    stm_register_thread(&tl);
    for (volatile long i = 0; i < r->transactions; i++) {
        stm_start_transaction(&tl);
        node *p = (node *)g_pair;
        stm_read((stm_obj *)p);
        node *a = p->left, *b = p->right;
        stm_read((stm_obj *)a);
        int64_t x = a->value;
        for (volatile int k = 0; k < (int)(i & 63); k++)
            ;
        stm_read((stm_obj *)b);
        if (x + b->value != 0)
            r->torn++;
        if ((i & 255) == 0)
            stm_safe_point(&tl);
        stm_commit_transaction(&tl);
    }
    stm_unregister_thread(&tl);
    return NULL;
}

static void opacity(void)
{
    test_setup(0);
    stm_thread tl;
    stm_register_thread(&tl);
    stm_add_root(&g_pair);
    stm_start_transaction(&tl);
    g_pair = (stm_obj *)new_node(new_node(NULL, NULL, 0), new_node(NULL, NULL, 0), 0);
    stm_commit_transaction(&tl);
    stm_unregister_thread(&tl);

    enum { WRITERS = 1, READERS = 1 };
    pthread_t w[WRITERS], rd[READERS];
    struct reader r[READERS];
    for (int i = 0; i < READERS; i++)
        r[i] = (struct reader){.transactions = BY_VARIANT(3000000, 300000, 50000)};
    for (int i = 0; i < WRITERS; i++)
        CHECK(pthread_create(&w[i], NULL, writer_main, (void *)(uintptr_t)(i + 1)) == 0);
    start_threads(rd, READERS, reader_main, r, sizeof r[0]);
    join_threads(rd, READERS);
    stop = 1;
    join_threads(w, WRITERS);
    for (int i = 0; i < READERS; i++)
        CHECK_EQ(r[i].torn, 0);
    stm_remove_root(&g_pair);
    stm_teardown();
}

RUN_TESTS({"opacity", opacity, 0})
