/*
** A heap with a small size limit: allocation that cannot be satisfied even
** after a full collection returns NULL (so the client can raise
** MemoryError) and never crashes; once references are dropped and the heap
** collected, allocation works again.
*/
#include "testlib.h"
#include "testobj.h"
#include "testutil.h"

static stm_thread main_tl;
static node *g_list;                 /* a registered root */

static void begin(size_t heap_size)
{
    unsetenv("STM_GC_STRESS");
    unsetenv("STM_HEAP_SIZE");
    test_setup(heap_size);
    stm_register_thread(&main_tl);
    stm_start_transaction(&main_tl);
    g_list = NULL;
    stm_add_root((stm_obj **)&g_list);
}

static void end(void)
{
    stm_remove_root((stm_obj **)&g_list);
    stm_commit_transaction(&main_tl);
    stm_unregister_thread(&main_tl);
    stm_teardown();
}

/* Grows g_list until allocation fails; returns how many nodes it took. */
__attribute__((noinline)) static int64_t fill_heap(void)
{
    int64_t n = 0;
    for (;;) {
        node *x = new_node(g_list, NULL, n);
        if (!x)
            return n;
        g_list = x;
        n++;
        /* as a client would: commit when asked */
        if ((n & 1023) == 0 && stm_should_break(&main_tl)) {
            stm_commit_transaction(&main_tl);
            stm_start_transaction(&main_tl);
        }
    }
}

static bool list_ok(int64_t n)
{
    node *x = g_list;
    for (int64_t i = n - 1; i >= 0; i--, x = x->left)
        if (!x || x->value != i)
            return false;
    return x == NULL;
}

static void heap_limit_case(size_t heap_size)
{
    begin(heap_size);
    for (int round = 0; round < 3; round++) {
        int64_t n = fill_heap();
        size_t bytes = (size_t)n * sizeof(struct node);
        if (round == 0)
            printf("heap of %zu KiB: full after %lld nodes (%zu KiB)\n", heap_size >> 10,
                   (long long)n, bytes >> 10);
        CHECK(bytes >= heap_size / 2);
        CHECK(bytes <= heap_size);
        /* still full: small and large requests both fail cleanly */
        CHECK(new_node(NULL, NULL, 0) == NULL);
        CHECK(new_array(100000) == NULL);
        CHECK(new_array(heap_size) == NULL);
        CHECK(list_ok(n));

        g_list = NULL;
        scrub_stack();
        stm_collect_major();
        struct stm_heap_info info;
        stm_heap_info(&info);
        CHECK(info.live_after_major < heap_size / 8);
        /* room again, for small and large objects alike */
        array *a = new_array(100000);
        CHECK(a != NULL);
        CHECK(new_node(NULL, NULL, 1) != NULL);
        a = NULL;
        scrub_stack();
        stm_collect_major();
    }
    end();
}
static void heap_limit_4m(void) { heap_limit_case((size_t)4 << 20); }
static void heap_limit_16m(void) { heap_limit_case((size_t)16 << 20); }

/* Garbage alone never fills the heap, however much of it is made. */
static void garbage_fits(void)
{
    size_t heap_size = (size_t)4 << 20;
    begin(heap_size);
    size_t n = 20 * heap_size / sizeof(struct node);
    for (size_t i = 0; i < n; i++)
        CHECK(new_node(NULL, NULL, (int64_t)i) != NULL);
    for (int i = 0; i < 100; i++)
        CHECK(new_array(50000) != NULL);     /* 400 KB each */
    end();
}

/* The limit from the environment, as documented. */
static void heap_limit_from_env(void)
{
    unsetenv("STM_GC_STRESS");
    setenv("STM_HEAP_SIZE", "2M", 1);
    test_setup(0);
    stm_register_thread(&main_tl);
    stm_start_transaction(&main_tl);
    g_list = NULL;
    stm_add_root((stm_obj **)&g_list);
    int64_t n = fill_heap();
    CHECK((size_t)n * sizeof(struct node) <= (size_t)2 << 20);
    CHECK((size_t)n * sizeof(struct node) >= (size_t)1 << 20);
    end();
}

/* A malformed size is refused at set-up. */
static void heap_size_malformed(void)
{
    setenv("STM_HEAP_SIZE", "12Q", 1);
    struct stm_config cfg = {.trace = test_trace};
    CHECK(freopen("/dev/null", "w", stderr));     /* the expected complaint */
    CHECK(!stm_setup(&cfg));
}

RUN_TESTS({"heap_limit_4m", heap_limit_4m, 0},
          {"heap_limit_16m", heap_limit_16m, 0},
          {"garbage_fits", garbage_fits, 0},
          {"heap_limit_from_env", heap_limit_from_env, 0},
          {"heap_size_malformed", heap_size_malformed, 0})
