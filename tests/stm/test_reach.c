/*
** Allocation and reachability: what the collector must keep (graphs held
** by registered globals, C locals, registers only, interior pointers) and
** what it must give back (unreachable graphs).  Objects never move, so a
** reference held on the C stack keeps its address across collections.
** Each case also runs in GC stress mode, where a collection can strike at
** any allocation, e.g. half-way through building a tree.
*/
#include "testlib.h"
#include "testobj.h"
#include "testutil.h"
#include <pthread.h>
#include <stddef.h>

static int stress;              /* STM_GC_STRESS of the running case, 0 if off */
static stm_thread main_tl;

static void begin(int stress_every)
{
    stress = stress_every;
    set_gc_stress(stress_every);
    test_setup(0);
    stm_register_thread(&main_tl);
    stm_start_transaction(&main_tl);
}

static void end(void)
{
    stm_commit_transaction(&main_tl);
    stm_unregister_thread(&main_tl);
    stm_teardown();
}

/* A full binary tree whose node values are their heights: any node freed
   and reused, or zeroed, breaks the pattern. */
static node *tree(int depth)
{
    if (depth == 0)
        return new_node(NULL, NULL, 0);
    node *l = tree(depth - 1);
    node *r = tree(depth - 1);
    CHECK(l && r);
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

/* Short-lived garbage, so that memory freed by mistake gets reused and
   overwritten before the survivors are checked. */
__attribute__((noinline)) static void churn(void)
{
    size_t n = stress ? 20000 : BY_VARIANT(400000, 200000, 100000);
    for (size_t i = 0; i < n; i++) {
        node *x = new_node(NULL, NULL, -1);
        CHECK(x);
    }
}

static size_t live_after_major(void)
{
    struct stm_heap_info info;
    stm_collect_major();
    stm_heap_info(&info);
    return info.live_after_major;
}

/* ---- unreachable graphs are reclaimed ---- */

__attribute__((noinline)) static void make_garbage_graphs(void)
{
    for (int i = 0; i < 1000; i++)
        CHECK(tree(6));
    /* one connected graph, 2 MiB */
    CHECK(tree(16));
}

static void unreachable_reclaimed(void)
{
    begin(0);
    size_t before = live_after_major();
    struct stm_heap_info info;
    stm_heap_info(&info);
    size_t committed_before = info.committed;

    make_garbage_graphs();
    stm_heap_info(&info);
    size_t garbage = 1000 * 127 * sizeof(struct node) + 65535 * sizeof(struct node);
    CHECK(info.committed >= committed_before + garbage / 2);

    scrub_stack();
    size_t after = live_after_major();
    /* A stale word on the stack may keep a small tree alive; no more. */
    CHECK(after <= before + 64 * 1024);
    stm_heap_info(&info);
    CHECK(info.committed <= committed_before + garbage / 4);
    end();
}

/* Young garbage goes away in a minor collection already. */
static void unreachable_young_minor(void)
{
    begin(0);
    stm_collect_major();
    struct stm_heap_info before, after;
    stm_heap_info(&before);
    make_garbage_graphs();
    scrub_stack();
    stm_collect_minor();
    stm_heap_info(&after);
    CHECK_EQ(after.major_collections, before.major_collections);
    CHECK(after.committed <= before.committed + 256 * 1024);
    end();
}

/* ---- reachable from registered globals ---- */

static node *g_root;
static stm_obj *g_range[64];
static uintptr_t *g_addresses;      /* malloc'ed: not a root */

__attribute__((noinline)) static void fill_globals(void)
{
    g_root = tree(10);
    g_addresses[0] = (uintptr_t)g_root;
    for (int i = 0; i < 64; i++) {
        g_range[i] = (stm_obj *)tree(5);
        g_addresses[i + 1] = (uintptr_t)g_range[i];
    }
}

static void check_globals(void)
{
    CHECK_EQ((uintptr_t)g_root, g_addresses[0]);
    CHECK(tree_ok(g_root, 10));
    for (int i = 0; i < 64; i++) {
        CHECK_EQ((uintptr_t)g_range[i], g_addresses[i + 1]);
        CHECK(tree_ok((node *)g_range[i], 5));
    }
}

static void global_roots_case(int stress_every)
{
    begin(stress_every);
    g_addresses = calloc(65, sizeof *g_addresses);
    stm_add_root((stm_obj **)&g_root);
    stm_add_root_range(g_range, sizeof g_range);
    size_t empty = live_after_major();
    fill_globals();
    scrub_stack();
    churn();
    stm_collect_minor();
    check_globals();
    churn();
    stm_collect_major();
    check_globals();
    churn();
    check_globals();
    size_t held = live_after_major();
    CHECK(held >= empty + (2047 + 64 * 63) * sizeof(struct node));

    /* Unregistered, the globals keep nothing alive any more. */
    stm_remove_root((stm_obj **)&g_root);
    stm_remove_root_range(g_range);
    scrub_stack();
    CHECK(live_after_major() <= empty + 64 * 1024);
    g_root = NULL;
    memset(g_range, 0, sizeof g_range);
    free(g_addresses);
    end();
}
static void global_roots(void) { global_roots_case(0); }
static void global_roots_stress(void) { global_roots_case(7); }

/* ---- static root ranges: written by inevitable transactions only ---- */

static stm_obj *g_static[4];

static void static_range_case(int stress_every)
{
    begin(stress_every);
    stm_add_static_root_range(g_static, sizeof g_static);
    stm_become_inevitable(&main_tl, "setting a static root");
    for (int i = 0; i < 4; i++)
        g_static[i] = (stm_obj *)tree(6);
    stm_commit_transaction(&main_tl);
    /* Transactions that never become inevitable skip the range. */
    for (int round = 0; round < 3; round++) {
        stm_start_transaction(&main_tl);
        scrub_stack();
        churn();
        stm_collect_minor();
        for (int i = 0; i < 4; i++)
            CHECK(tree_ok((node *)g_static[i], 6));
        stm_commit_transaction(&main_tl);
    }
    stm_start_transaction(&main_tl);
    stm_collect_major();
    for (int i = 0; i < 4; i++)
        CHECK(tree_ok((node *)g_static[i], 6));
    stm_remove_root_range(g_static);
    memset(g_static, 0, sizeof g_static);
    end();
}
static void static_range(void) { static_range_case(0); }
static void static_range_stress(void) { static_range_case(7); }

/* ---- a thread whose stack scan stops above its start function ---- */

__attribute__((noinline)) static void hold_tree_and_collect(void)
{
    node *volatile local = tree(10);
    scrub_stack();
    churn();
    stm_collect_minor();
    stm_collect_major();
    churn();
    CHECK(tree_ok(local, 10));
}

static void *stack_top_thread(void *arg)
{
    stm_thread tl;
    stm_register_thread(&tl);
    stm_set_stack_top(__builtin_frame_address(0));
    stm_start_transaction(&tl);
    node *volatile mine = tree(8);
    hold_tree_and_collect();
    stm_commit_transaction(&tl);
    stm_start_transaction(&tl);
    churn();
    stm_collect_major();
    CHECK(tree_ok(mine, 8));
    stm_commit_transaction(&tl);
    stm_unregister_thread(&tl);
    return arg;
}

static void stack_top_case(int stress_every)
{
    set_gc_stress(stress_every);
    test_setup(0);
    pthread_t t;
    CHECK(pthread_create(&t, NULL, stack_top_thread, NULL) == 0);
    pthread_join(t, NULL);
    stm_teardown();
}
static void stack_top(void) { stack_top_case(0); }
static void stack_top_stress(void) { stack_top_case(5); }

/* ---- reachable from a C local variable ---- */

static void local_variable_case(int stress_every)
{
    begin(stress_every);
    node *volatile local = tree(12);
    uintptr_t address = (uintptr_t)local;
    scrub_stack();
    churn();
    stm_collect_minor();
    CHECK_EQ((uintptr_t)local, address);
    CHECK(tree_ok(local, 12));
    churn();
    stm_collect_major();
    churn();
    CHECK(tree_ok(local, 12));
    end();
}
static void local_variable(void) { local_variable_case(0); }
static void local_variable_stress(void) { local_variable_case(5); }

/* ---- reachable from a register only ---- */

__attribute__((noinline)) static node *make_tree_10(void) { return tree(10); }

/* rbx is callee-saved: the collector finds the value where its own frames
   spilled it.  The empty asm statements make the compiler believe the
   value changes, so it cannot keep or rematerialise a copy elsewhere. */
__attribute__((noinline)) static bool register_only(uintptr_t *address)
{
    register node *p __asm__("rbx") = make_tree_10();
    __asm__ volatile("" : "+r"(p));
    *address = (uintptr_t)p;
    __asm__ volatile("" : "+r"(p));
    scrub_stack();
    churn();
    __asm__ volatile("" : "+r"(p));
    stm_collect_minor();
    __asm__ volatile("" : "+r"(p));
    churn();
    __asm__ volatile("" : "+r"(p));
    stm_collect_major();
    __asm__ volatile("" : "+r"(p));
    churn();
    __asm__ volatile("" : "+r"(p));
    return (uintptr_t)p == *address && tree_ok(p, 10);
}

static void register_case(int stress_every)
{
    begin(stress_every);
    uintptr_t *address = malloc(sizeof *address);
    CHECK(register_only(address));
    free(address);
    end();
}
static void register_root(void) { register_case(0); }
static void register_root_stress(void) { register_case(3); }

/* ---- reachable through an interior pointer on the stack ---- */

__attribute__((noinline)) static char *make_interior_small(void)
{
    node *n = tree(8);
    return (char *)(uintptr_t)n + offsetof(struct node, value);
}

/* A pointer to the last byte of the object: still inside it. */
__attribute__((noinline)) static char *make_interior_last_byte(void)
{
    node *n = tree(4);
    return (char *)(uintptr_t)n + sizeof(struct node) - 1;
}

/* A large object's interior pointer lands in one of its tail blocks. */
#define BIG_LEN 40000
__attribute__((noinline)) static char *make_interior_large(void)
{
    array *a = new_array(BIG_LEN);
    CHECK(a);
    for (uint64_t i = 0; i < BIG_LEN; i += 1000)
        set_item(a, i, (stm_obj *)new_node(NULL, NULL, (int64_t)i));
    return (char *)(uintptr_t)&a->items[BIG_LEN - 3];
}

static bool big_ok(array *a)
{
    if (a->hdr.stm_type != T_ARRAY || a->length != BIG_LEN)
        return false;
    for (uint64_t i = 0; i < BIG_LEN; i++) {
        node *n = (node *)a->items[i];
        if (i % 1000 == 0 ? !n || n->value != (int64_t)i || n->hdr.stm_type != T_NODE : n != NULL)
            return false;
    }
    return true;
}

static void interior_case(int stress_every)
{
    begin(stress_every);
    char *volatile small = make_interior_small();
    char *volatile last = make_interior_last_byte();
    char *volatile large = make_interior_large();
    uintptr_t s0 = (uintptr_t)small, l0 = (uintptr_t)last, g0 = (uintptr_t)large;
    for (int round = 0; round < 2; round++) {
        scrub_stack();
        churn();
        if (round == 0)
            stm_collect_minor();
        else
            stm_collect_major();
        churn();
        CHECK_EQ((uintptr_t)small, s0);
        CHECK(tree_ok((node *)(uintptr_t)(small - offsetof(struct node, value)), 8));
        CHECK(tree_ok((node *)(uintptr_t)(last - (sizeof(struct node) - 1)), 4));
        CHECK(big_ok((array *)(uintptr_t)(large - offsetof(struct array, items)
                               - (BIG_LEN - 3) * sizeof(stm_obj *))));
    }
    CHECK_EQ((uintptr_t)last, l0);
    CHECK_EQ((uintptr_t)large, g0);
    end();
}
static void interior_pointer(void) { interior_case(0); }
static void interior_pointer_stress(void) { interior_case(11); }

/* C code that hands an object's bytes to libc keeps only their real
   address (stm_real_address() plus an offset): in the STM flavour that is
   not the reference, and must keep the object alive all the same.  The
   references themselves are kept scrambled, out of the collector's sight. */
#define SCRAMBLE 0x5a5a5a5a5a5a5a5aull
__attribute__((noinline)) static char *make_real_small(uintptr_t *scrambled)
{
    node *n = tree(8);
    *scrambled = (uintptr_t)n ^ SCRAMBLE;
    return (char *)stm_real_address((stm_obj *)n) + offsetof(struct node, value);
}

__attribute__((noinline)) static char *make_real_large(uintptr_t *scrambled)
{
    char *interior = make_interior_large();
    uintptr_t a = (uintptr_t)interior - offsetof(struct array, items)
                  - (BIG_LEN - 3) * sizeof(stm_obj *);
    *scrambled = a ^ SCRAMBLE;
    return (char *)stm_real_address((stm_obj *)a) + (interior - (char *)a);
}

static void real_address_case(int stress_every)
{
    begin(stress_every);
    uintptr_t small_ref, large_ref;
    char *volatile small = make_real_small(&small_ref);
    char *volatile large = make_real_large(&large_ref);
    for (int round = 0; round < 3; round++) {
        scrub_stack();
        churn();
        if (round == 0)
            stm_collect_minor();
        else if (round == 1)
            stm_collect_major();
        else {      /* the STM flavour's collection at commit */
            stm_commit_transaction(&main_tl);
            stm_start_transaction(&main_tl);
        }
        churn();
        CHECK(tree_ok((node *)(small_ref ^ SCRAMBLE), 8));
        CHECK(big_ok((array *)(large_ref ^ SCRAMBLE)));
    }
    CHECK(small && large);
    end();
}
static void real_address(void) { real_address_case(0); }
static void real_address_stress(void) { real_address_case(11); }

/* ---- a structure being built while collections strike ---- */

/* A list built front to back keeps only its head and tail on the stack;
   the links are written into old objects, through the write barrier. */
static void list_case(int stress_every)
{
    begin(stress_every);
    int64_t n = stress_every ? 20000 : BY_VARIANT(1000000, 300000, 100000);
    node *head = new_node(NULL, NULL, 0), *tail = head;
    for (int64_t i = 1; i < n; i++) {
        node *x = new_node(NULL, NULL, i);
        CHECK(x);
        set_left(tail, x);
        tail = x;
        if (i % 100000 == 0)
            stm_collect_minor();
    }
    stm_collect_major();
    int64_t i = 0;
    for (node *x = head; x; x = x->left, i++)
        CHECK_EQ(x->value, i);
    CHECK_EQ(i, n);
    end();
}
static void list_building(void) { list_case(0); }
static void list_building_stress(void) { list_case(13); }

RUN_TESTS({"unreachable_reclaimed", unreachable_reclaimed, 0},
          {"unreachable_young_minor", unreachable_young_minor, 0},
          {"global_roots", global_roots, 0},
          {"global_roots_stress", global_roots_stress, 0},
          {"local_variable", local_variable, 0},
          {"local_variable_stress", local_variable_stress, 0},
          {"register_root", register_root, 0},
          {"register_root_stress", register_root_stress, 0},
          {"interior_pointer", interior_pointer, 0},
          {"interior_pointer_stress", interior_pointer_stress, 0},
          {"real_address", real_address, 0},
          {"real_address_stress", real_address_stress, 0},
          {"list_building", list_building, 0},
          {"list_building_stress", list_building_stress, 0},
          {"static_range", static_range, 0},
          {"static_range_stress", static_range_stress, 0},
          {"stack_top", stack_top, 0},
          {"stack_top_stress", stack_top_stress, 0})
