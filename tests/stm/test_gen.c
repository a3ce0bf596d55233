/*
** Generational behaviour: short-lived objects die in minor collections
** without the heap growing, and old objects written to point at young ones
** (through stm_write, the generational barrier) keep them alive.
*/
#include "testlib.h"
#include "testobj.h"
#include "testutil.h"

static stm_thread main_tl;

static void begin(int stress_every)
{
    set_gc_stress(stress_every);
    test_setup(0);
    stm_register_thread(&main_tl);
    stm_start_transaction(&main_tl);
}

static void next_transaction(void)
{
    stm_commit_transaction(&main_tl);
    stm_start_transaction(&main_tl);
}

/* Young objects promoted by a collection are written without barrier
   until the running transaction ends, and get their barrier flag in the
   first collection after that. */
static void age(void)
{
    stm_collect_minor();
    next_transaction();
    stm_collect_minor();
}

static void end(void)
{
    stm_commit_transaction(&main_tl);
    stm_unregister_thread(&main_tl);
    stm_teardown();
}

__attribute__((noinline)) static void churn(size_t n)
{
    for (size_t i = 0; i < n; i++)
        CHECK(new_node(NULL, NULL, -1));
}

/* ---- 100 M short-lived objects in bounded memory ---- */

#define KEEP 64

static void many_short_lived(void)
{
    begin(0);
    /* Debug builds allocate through the checked slow path: half as many. */
    const uint64_t n = BY_VARIANT(100000000, 50000000, 50000000);
    array *keep = new_array(KEEP);
    CHECK(keep);
    struct stm_heap_info before, after;
    stm_heap_info(&before);
    double t0 = now_seconds();
    for (uint64_t i = 0; i < n; i++) {
        node *x = new_node(NULL, NULL, (int64_t)i);
        if ((i & 1023) == 0) {
            set_item(keep, (i >> 10) % KEEP, (stm_obj *)x);
            /* as a client would: the transaction ends soon after each
               minor collection */
            if (stm_should_break(&main_tl))
                next_transaction();
        }
    }
    double seconds = now_seconds() - t0;
    stm_heap_info(&after);
    size_t minors = after.minor_collections - before.minor_collections;
    size_t majors = after.major_collections - before.major_collections;
    size_t rss = peak_rss();
    printf("%llu objects of %zu bytes: %.2f s, peak RSS %.1f MiB, %zu minor, %zu major\n",
           (unsigned long long)n, sizeof(struct node), seconds, (double)rss / (1 << 20),
           minors, majors);

    /* The live objects: the last KEEP that were kept, in order. */
    uint64_t last = (n - 1) >> 10;
    for (uint64_t k = 0; k < KEEP && k <= last; k++) {
        uint64_t j = last - k;
        node *x = (node *)keep->items[j % KEEP];
        CHECK(x && x->hdr.stm_type == T_NODE);
        CHECK_EQ(x->value, (int64_t)(j << 10));
    }
    CHECK(rss < ((size_t)64 << 20));
    /* A nursery of young data between minor collections (4 MiB in the
       GIL flavour, 16 MiB per segment in the STM flavour). */
    size_t bytes = n * sizeof(struct node);
#ifdef STM_FLAVOUR_STM
    CHECK(minors >= bytes / ((size_t)32 << 20));
#else
    CHECK(minors >= bytes / ((size_t)8 << 20));
#endif
    /* The live size never grows: majors only when the promoted survivors
       add up (a few KiB per minor). */
    CHECK(majors <= 4);
    end();
}

/* ---- old-to-young references through the write barrier ---- */

static node *tree(int depth)
{
    if (depth == 0)
        return new_node(NULL, NULL, 0);
    node *l = tree(depth - 1);
    node *r = tree(depth - 1);
    return new_node(l, r, depth);
}

static bool tree_ok(node *n, int depth)
{
    if (!n || n->hdr.stm_type != T_NODE || n->value != depth)
        return false;
    if (depth == 0)
        return n->left == NULL && n->right == NULL;
    return tree_ok(n->left, depth - 1) && tree_ok(n->right, depth - 1);
}

/* Takes any client reference type (plain pointers in the GIL flavour,
   %gs-relative ones in the STM flavour). */
#define is_old(obj) ((((stm_obj *)(obj))->stm_flags & STM_FLAG_WRITE_BARRIER) != 0)

/* The young subtree is referenced only from the old node once this
   returns (and scrub_stack() has run). */
__attribute__((noinline)) static void attach_young(node *old, int depth, int round)
{
    node *young = tree(depth);
    young->value = depth;
    CHECK(!is_old(young));
    stm_write((stm_obj *)old);
    old->left = young;
    old->value = round;
    /* A second write in the same cycle: the barrier is already off.  The
       allocation comes first: it is a safe point, where a collection may
       turn the barrier back on. */
    node *right = new_node(NULL, NULL, round);
    stm_write((stm_obj *)old);
    old->right = right;
}

static void old_to_young_case(int stress_every)
{
    begin(stress_every);
    int rounds = stress_every ? 20 : 200;
    node *volatile old = new_node(NULL, NULL, -1);
    stm_collect_minor();
    /* promoted, but its own transaction still writes it freely */
    CHECK(!is_old(old));
    age();
    CHECK(is_old(old));
    for (int round = 0; round < rounds; round++) {
        attach_young(old, 6, round);
        scrub_stack();
        churn(stress_every ? 500 : 20000);
        if (round % 10 == 9)
            stm_collect_major();
        else
            stm_collect_minor();
        churn(stress_every ? 500 : 20000);
        /* Written by the running transaction: its barrier stays off until
           the commit, so that the client's later writes need none. */
        CHECK(!is_old(old));
        CHECK_EQ(old->value, round);
        CHECK(tree_ok(old->left, 6));
        CHECK(old->right && old->right->value == round);
        age();
        CHECK(is_old(old->left));
        CHECK(is_old(old));
    }
    end();
}
static void old_to_young(void) { old_to_young_case(0); }
static void old_to_young_stress(void) { old_to_young_case(9); }

/* A chain of old objects, each written in a different cycle, each holding
   the only reference to a young one created in that cycle. */
static void old_chain(void)
{
    begin(0);
    enum { N = 1000 };
    node *head = new_node(NULL, NULL, 0);
    node *tail = head;
    for (int i = 1; i < N; i++) {
        if (i % 7 == 0)
            stm_collect_minor();
        node *x = new_node(NULL, NULL, i);
        set_left(tail, x);          /* tail may be old or young here */
        tail = x;
        churn(100);
    }
    tail = NULL;
    scrub_stack();
    stm_collect_minor();
    churn(100000);
    stm_collect_major();
    int i = 0;
    for (node *x = head; x; x = x->left, i++)
        CHECK_EQ(x->value, i);
    CHECK_EQ(i, N);
    end();
}

/* A small (uncarded) array written through stm_write_card() falls back to
   the whole-object barrier. */
static void small_array_barrier(void)
{
    begin(0);
    array *volatile a = new_array(100);
    age();
    CHECK(is_old(a));
    for (int round = 0; round < 5; round++) {
        for (int i = 0; i < 100; i++)
            set_item(a, (uint64_t)i, (stm_obj *)new_node(NULL, NULL, round * 1000 + i));
        scrub_stack();
        churn(50000);
        stm_collect_minor();
        for (int i = 0; i < 100; i++)
            CHECK_EQ(((node *)a->items[i])->value, round * 1000 + i);
        next_transaction();
    }
    end();
}

/* ---- no barrier on objects of the running transaction ---- */

/* stm.h: an object allocated by the running transaction needs no barrier
   in that transaction, even when collections promote it in between (a VM
   fills a new tuple item by item, allocating each item first).  Here the
   containers are written with plain stores only, while each allocation may
   run a minor or a major collection. */
static void own_objects_case(int stress_every)
{
    begin(stress_every);
    int rounds = stress_every ? 3 : 10;
    enum { SMALL = 400, LARGE = 20000 };
    for (int round = 0; round < rounds; round++) {
        node *volatile n = new_node(NULL, NULL, round);
        array *volatile small = new_array(SMALL);
        array *volatile large = new_array(LARGE);
        for (int i = 0; i < LARGE; i++) {
            node *x = new_node(NULL, NULL, i);
            large->items[i] = (stm_obj *)x;
            if (i < SMALL)
                small->items[i] = (stm_obj *)new_node(NULL, NULL, -i);
            if (i % 97 == 0)
                n->left = new_node(NULL, NULL, i);
            if (i % 5000 == 4999)
                stm_collect_major();
            else if (i % 1000 == 999)
                stm_collect_minor();
        }
        scrub_stack();
        churn(stress_every ? 2000 : 200000);
        stm_collect_minor();
        for (int i = 0; i < LARGE; i++)
            CHECK_EQ(((node *)large->items[i])->value, i);
        for (int i = 0; i < SMALL; i++)
            CHECK_EQ(((node *)small->items[i])->value, -i);
        CHECK_EQ(n->left->value, (LARGE - 1) / 97 * 97);
        /* and once the transaction ended, they are ordinary old objects */
        age();
        CHECK(is_old(n) && is_old(small) && is_old(large));
    }
    end();
}
static void own_objects_no_barrier(void) { own_objects_case(0); }
static void own_objects_no_barrier_stress(void) { own_objects_case(17); }

/* A minor collection inside a transaction asks it to end soon: its
   promoted objects are traced again by every minor collection until then. */
static void break_after_collection(void)
{
    begin(0);
    node *volatile keep = new_node(NULL, NULL, 1);
    CHECK(!stm_should_break(&main_tl));
    stm_collect_minor();
    CHECK(stm_should_break(&main_tl));
    CHECK(!is_old(keep));
    age();
    CHECK(is_old(keep));
    stm_collect_minor();
    /* Fewer checks than a transaction's length budget (4000). */
    for (int i = 0; i < 1000; i++)
        CHECK(!stm_should_break(&main_tl));
    end();
}

RUN_TESTS({"many_short_lived", many_short_lived, 0},
          {"old_to_young", old_to_young, 0},
          {"old_to_young_stress", old_to_young_stress, 0},
          {"old_chain", old_chain, 0},
          {"small_array_barrier", small_array_barrier, 0},
          {"own_objects_no_barrier", own_objects_no_barrier, 0},
          {"own_objects_no_barrier_stress", own_objects_no_barrier_stress, 0},
          {"break_after_collection", break_after_collection, 0})
