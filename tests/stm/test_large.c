/*
** Large objects: an array of millions of references lives in blocks of its
** own, is never copied, is written through card marking so that a minor
** collection traces only the dirty cards, and gives its memory back to the
** OS when it dies.
*/
#include "testlib.h"
#include "testobj.h"
#include "testutil.h"

static stm_thread main_tl;

static void begin(struct stm_config *cfg)
{
    unsetenv("STM_GC_STRESS");
    if (cfg) {
        if (!stm_setup(cfg))
            exit(2);
    } else {
        test_setup(0);
    }
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

/* An untraced 16-byte object: the smallest there is. */
typedef STM_SEG struct boxed boxed;
struct boxed {
    struct stm_header hdr;
    int64_t value;
};

static inline boxed *new_boxed(int64_t value)
{
    boxed *b = (boxed *)stm_allocate(sizeof(struct boxed), T_BYTES);
    CHECK(b);
    b->value = value;
    return b;
}

/* Takes any client reference type (plain pointers in the GIL flavour,
   %gs-relative ones in the STM flavour). */
#define is_old(obj) ((((stm_obj *)(obj))->stm_flags & STM_FLAG_WRITE_BARRIER) != 0)

/* Item i holds a boxed value i * 3 + round, or what `patched` says. */
static void check_items(array *a, uint64_t n, int64_t round)
{
    CHECK_EQ(a->length, n);
    CHECK_EQ(a->hdr.stm_type, T_ARRAY);
    for (uint64_t i = 0; i < n; i++) {
        boxed *b = (boxed *)a->items[i];
        if (!b || b->hdr.stm_type != T_BYTES || b->value != (int64_t)i * 3 + round) {
            printf("item %llu wrong\n", (unsigned long long)i);
            CHECK(0);
        }
    }
}

__attribute__((noinline)) static array *make_array(uint64_t n)
{
    array *a = new_array(n);
    CHECK(a);
    return a;
}

/* The big array lives in a registered global and every step that touches
   it runs in a function of its own: when it is dropped, no register or
   stack slot of the test still holds it. */
static array *g_big;
static uintptr_t g_big_address;       /* scrambled: not a reference */
#define SCRAMBLE 0x5a5a5a5aul
enum { WRITES = 10 };

__attribute__((noinline)) static void big_create(uint64_t n)
{
    g_big = make_array(n);
    g_big_address = (uintptr_t)g_big ^ SCRAMBLE;
    CHECK(g_big->hdr.stm_flags & STM_FLAG_HAS_CARDS);
}

__attribute__((noinline)) static void big_fill(uint64_t n)
{
    CHECK(is_old(g_big));
    for (uint64_t i = 0; i < n; i++) {
        set_item(g_big, i, (stm_obj *)new_boxed((int64_t)i * 3));
        if ((i & 1023) == 0 && stm_should_break(&main_tl))
            next_transaction();
    }
}

__attribute__((noinline)) static void big_check(uint64_t n)
{
    CHECK_EQ((uintptr_t)g_big ^ SCRAMBLE, g_big_address);
    check_items(g_big, n, 0);
}

/* Rewrites a few items with value + delta. */
__attribute__((noinline)) static void big_rewrite_few(uint64_t n, int64_t delta)
{
    for (int k = 0; k < WRITES; k++) {
        uint64_t i = (uint64_t)k * (n / WRITES) + 77;
        CHECK_EQ(((boxed *)g_big->items[i])->value, (int64_t)i * 3 + (delta ? 0 : 1));
        set_item(g_big, i, (stm_obj *)new_boxed((int64_t)i * 3 + delta));
    }
}

static void large_array(void)
{
    begin(NULL);
    const uint64_t n = BY_VARIANT(4000000, 2000000, 1000000);
    size_t array_bytes = sizeof(struct array) + n * sizeof(stm_obj *);
    struct stm_heap_info info;
    stm_add_root((stm_obj **)&g_big);

    stm_collect_major();
    size_t rss_empty = current_rss();
    big_create(n);
    stm_heap_info(&info);
    CHECK(info.committed >= array_bytes);

    /* Old and still empty: every item written from now on goes through a
       card, and the minor collections during the fill find the young
       objects through the dirty cards alone. */
    age();
    size_t minors_before = info.minor_collections;
    double t0 = now_seconds();
    big_fill(n);
    double fill_seconds = now_seconds() - t0;
    stm_heap_info(&info);
    CHECK(info.minor_collections > minors_before + 2);
    stm_collect_minor();
    big_check(n);
    stm_collect_major();
    big_check(n);
    next_transaction();

    /* A minor collection with nothing written traces no item. */
    traced_items = 0;
    stm_collect_minor();
    CHECK_EQ(traced_items, 0);

    /* A few items rewritten: only their cards are traced. */
    big_rewrite_few(n, 1);
    traced_items = 0;
    stm_collect_minor();
    size_t traced = traced_items;
    printf("array of %llu items (%.1f MiB): filled in %.2f s; minor collection after %d "
           "writes traced %zu items\n", (unsigned long long)n,
           (double)array_bytes / (1 << 20), fill_seconds, WRITES, traced);
#ifdef STM_FLAVOUR_GIL
    /* The STM flavour has no cards yet: it writes and traces arrays whole. */
    CHECK(traced >= WRITES);
    CHECK(traced <= WRITES << STM_CARD_SHIFT);
#endif
    big_rewrite_few(n, 0);
    stm_collect_minor();
    big_check(n);

    /* Dropped: the array's blocks go back to the OS at once, its items'
       blocks with the trimming after the major collection. */
    size_t rss_full = current_rss();
    stm_heap_info(&info);
    size_t committed_full = info.committed;
    g_big = NULL;
    scrub_stack();
    stm_collect_major();
    stm_heap_info(&info);
    size_t rss_freed = current_rss();
    printf("RSS: empty %.1f MiB, full %.1f MiB, freed %.1f MiB; committed %.1f -> %.1f MiB\n",
           (double)rss_empty / (1 << 20), (double)rss_full / (1 << 20),
           (double)rss_freed / (1 << 20), (double)committed_full / (1 << 20),
           (double)info.committed / (1 << 20));
    CHECK(info.committed + array_bytes <= committed_full);
    CHECK(info.live_after_major < 1 << 20);
    CHECK(rss_freed + array_bytes <= rss_full);
    stm_remove_root((stm_obj **)&g_big);
    end();
}

/* Young when filled: no barrier at all, and the array is traced whole by
   the minor collection that promotes it. */
static void young_large_array(void)
{
    begin(NULL);
    const uint64_t n = 200000;
    array *volatile a = make_array(n);
    CHECK(!is_old(a));
    for (uint64_t i = 0; i < n; i++) {
        boxed *b = new_boxed((int64_t)i * 3 + 2);
        a->items[i] = (stm_obj *)b;
    }
    /* the fill itself ran minor collections (4 MiB of young data) */
    check_items(a, n, 2);
    scrub_stack();
    stm_collect_minor();
    check_items(a, n, 2);
    age();
    CHECK(is_old(a));
    stm_collect_major();
    check_items(a, n, 2);
    end();
}

/* Large objects that die young are freed by the next minor collection. */
static void large_garbage(void)
{
    begin(NULL);
    struct stm_heap_info info;
    stm_collect_major();
    stm_heap_info(&info);
    size_t base = info.committed;
    size_t rss0 = current_rss();
    for (int i = 0; i < 200; i++) {
        array *a = new_array(100000 + (uint64_t)i);      /* ~800 KB each */
        CHECK(a);
        a->items[99999] = (stm_obj *)new_boxed(i);
    }
    scrub_stack();
    stm_collect_minor();
    stm_heap_info(&info);
    /* A stale copy of `a` on the stack (at -O0 its slot still holds the
       array before) can promote one array at each collection in the loop;
       the STM flavour's come every 16 MiB of young data (its nursery), the
       GIL flavour's every 4 MiB or twice what the transaction promoted
       (those stale arrays, at -O0). */
#ifdef STM_FLAVOUR_STM
    CHECK(info.committed <= base + ((size_t)16 << 20));
#else
    CHECK(info.committed <= base + ((size_t)12 << 20));
#endif
    CHECK(current_rss() <= rss0 + ((size_t)16 << 20));
    CHECK(peak_rss() <= rss0 + ((size_t)64 << 20));
    end();
}

/* Without trace_items there are no cards: writes log the whole array. */
static void untraced_items(struct stm_header *obj, stm_visit_fn *visit, void *ctx)
{
    test_trace(obj, visit, ctx);
}

static void large_without_cards(void)
{
    struct stm_config cfg = {.trace = untraced_items};
    begin(&cfg);
    const uint64_t n = 100000;
    array *volatile a = make_array(n);
    CHECK(!(a->hdr.stm_flags & STM_FLAG_HAS_CARDS));
    age();
    CHECK(is_old(a));
    for (int round = 0; round < 3; round++) {
        for (uint64_t i = 0; i < n; i++)
            set_item(a, i, (stm_obj *)new_boxed((int64_t)i * 3 + round));
        scrub_stack();
        stm_collect_minor();
        check_items(a, n, round);
    }
    stm_collect_major();
    check_items(a, n, 2);
    end();
}

/* Cards right at the end of the array, and items past the last full card. */
static void last_card(void)
{
    begin(NULL);
    const uint64_t n = (1 << STM_CARD_SHIFT) * 100 + 5;
    array *volatile a = make_array(n);
    for (uint64_t i = 0; i < n; i++)
        a->items[i] = (stm_obj *)new_boxed((int64_t)i * 3);
    age();
    for (uint64_t i = n - 10; i < n; i++)
        set_item(a, i, (stm_obj *)new_boxed((int64_t)i * 3 + 1));
    traced_items = 0;
    scrub_stack();
    stm_collect_minor();
    CHECK(traced_items <= 2 << STM_CARD_SHIFT);
    for (uint64_t i = n - 10; i < n; i++)
        CHECK_EQ(((boxed *)a->items[i])->value, (int64_t)i * 3 + 1);
    end();
}

RUN_TESTS({"large_array", large_array, 0},
          {"young_large_array", young_large_array, 0},
          {"large_garbage", large_garbage, 0},
          {"large_without_cards", large_without_cards, 0},
          {"last_card", last_card, 0})
