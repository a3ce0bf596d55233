/* First contact: set-up, a transaction, allocation, collections. */
#include "testlib.h"
#include "testobj.h"

static node *tree(int depth)
{
    if (depth == 0)
        return new_node(NULL, NULL, 1);
    node *l = tree(depth - 1);
    node *r = tree(depth - 1);
    return new_node(l, r, depth);
}

static int64_t count(node *n)
{
    return n ? 1 + count(n->left) + count(n->right) : 0;
}

static void smoke(void)
{
    test_setup(0);
    stm_thread tl;
    stm_register_thread(&tl);
    stm_start_transaction(&tl);
    node *t = tree(12);
    stm_collect_minor();
    CHECK_EQ(count(t), 8191);
    for (int i = 0; i < 100; i++)
        tree(10);
    stm_collect_major();
    CHECK_EQ(count(t), 8191);
    struct stm_heap_info info;
    stm_heap_info(&info);
    CHECK(info.live_after_major >= 8191 * 32);
    CHECK(info.live_after_major < 8191 * 32 * 4);
    stm_commit_transaction(&tl);
    stm_unregister_thread(&tl);
    stm_teardown();
}

RUN_TESTS({"smoke", smoke, 0})
