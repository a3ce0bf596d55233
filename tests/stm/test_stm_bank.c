/*
** Transfers between 100 accounts: every transaction moves an amount from
** one account to another, and every tenth one instead sums all accounts
** and checks, inside the transaction, that the total never changed.  A
** transaction that saw a torn state would fail the check at once, even
** if it was later aborted (opacity).
*/
#include "testlib.h"
#include "testobj.h"
#include "testutil.h"

enum { ACCOUNTS = 100, START_BALANCE = 1000 };

static stm_obj *g_bank;                 /* array of account nodes */

struct worker {
    int index, steps;
    bool allocate;
};

static void *worker_main(void *arg)
{
    struct worker *w = arg;
    uint64_t rng = 77 + (uint64_t)w->index * 1000003;
    stm_thread tl;
    stm_register_thread(&tl);
    for (volatile int step = 0; step < w->steps; step++) {
        uint64_t saved = rng;
        if (stm_start_transaction(&tl))
            rng = saved;               /* redo the same transfer */
        array *bank = (array *)g_bank;
        stm_read((stm_obj *)bank);
        if (step % 10 == 0) {
            int64_t total = 0;
            for (int i = 0; i < ACCOUNTS; i++) {
                node *a = (node *)bank->items[i];
                stm_read((stm_obj *)a);
                total += a->value;
            }
            CHECK_EQ(total, (int64_t)ACCOUNTS * START_BALANCE);
        } else {
            int from = (int)rng_below(&rng, ACCOUNTS);
            int to = (int)((from + 1 + rng_below(&rng, ACCOUNTS - 1)) % ACCOUNTS);
            int64_t amount = (int64_t)rng_below(&rng, 50);
            node *a = (node *)bank->items[from], *b = (node *)bank->items[to];
            stm_read((stm_obj *)a);
            stm_read((stm_obj *)b);
            if (w->allocate) {
                /* a history record per transfer, kept by the payer */
                node *h = new_node(a->left, NULL, amount);
                CHECK(h);
                stm_write((stm_obj *)a);
                a->left = h;
            }
            stm_write((stm_obj *)a);
            a->value -= amount;
            stm_write((stm_obj *)b);
            b->value += amount;
        }
        stm_commit_transaction(&tl);
    }
    stm_unregister_thread(&tl);
    return NULL;
}

static void bank_case(int nthreads, int steps, bool allocate, int stress)
{
    set_gc_stress(stress);
    test_setup(0);
    stm_thread tl;
    stm_register_thread(&tl);
    stm_add_root(&g_bank);
    stm_start_transaction(&tl);
    array *bank = new_array(ACCOUNTS);
    CHECK(bank);
    for (int i = 0; i < ACCOUNTS; i++)
        bank->items[i] = (stm_obj *)new_node(NULL, NULL, START_BALANCE);
    g_bank = (stm_obj *)bank;
    stm_commit_transaction(&tl);
    stm_unregister_thread(&tl);

    struct worker w[16];
    pthread_t ids[16];
    for (int i = 0; i < nthreads; i++)
        w[i] = (struct worker){.index = i, .steps = steps, .allocate = allocate};
    start_threads(ids, nthreads, worker_main, w, sizeof w[0]);
    join_threads(ids, nthreads);

    stm_register_thread(&tl);
    stm_start_transaction(&tl);
    bank = (array *)g_bank;
    int64_t total = 0, history = 0;
    for (int i = 0; i < ACCOUNTS; i++) {
        node *a = (node *)bank->items[i];
        total += a->value;
        for (node *h = a->left; h; h = h->left)
            history += h->value;
    }
    CHECK_EQ(total, (int64_t)ACCOUNTS * START_BALANCE);
    if (allocate) {
        /* what was paid out is the sum of the records */
        int64_t paid = 0;
        for (int i = 0; i < ACCOUNTS; i++)
            paid += START_BALANCE - ((node *)bank->items[i])->value;
        CHECK(history >= 0);
        CHECK(history >= paid);
    }
    stm_commit_transaction(&tl);
    stm_remove_root(&g_bank);
    stm_unregister_thread(&tl);
    stm_teardown();
}

static void transfers(void) { bank_case(4, BY_VARIANT(200000, 40000, 10000), false, 0); }
static void transfers_allocating(void) { bank_case(4, BY_VARIANT(50000, 10000, 3000), true, 0); }
static void transfers_stress(void) { bank_case(4, BY_VARIANT(5000, 2000, 500), true, 5); }

RUN_TESTS({"transfers", transfers, 0},
          {"transfers_allocating", transfers_allocating, 0},
          {"transfers_stress", transfers_stress, 0})
