/*
** Randomized: threads mutate one object graph (allocations, field writes,
** dropped and re-pointed roots) and whoever sees that a collection
** happened checks every reachable object against a shadow model kept in
** malloc'ed memory, which the collector does not see.  Each node's value
** is its id; the shadow knows each id's edges and address.
**
** The seed of a run is fixed (TEST_SEED overrides it); the interleaving of
** the threads is not, so a failure prints the seed and the step.
*/
#include "testlib.h"
#include "testobj.h"
#include "testutil.h"

/* The shadow and the roots are plain C memory, serialised by the GIL; in
   the STM flavour, whose transactions run in parallel and may be redone,
   one thread keeps them exact (test_stm_*.c cover the parallel cases). */
#ifdef STM_FLAVOUR_GIL
#  define NTHREADS 4
#else
#  define NTHREADS 1
#endif
#define NROOTS 256
#define NONE (-1)

/* The graph's roots: a registered range. */
static stm_obj *roots[NROOTS];

/* The shadow, indexed by id.  Threads touch it only inside transactions,
   which the GIL serialises. */
static struct shadow {
    int64_t left, right;
    uintptr_t address;
} *shadow;
static int64_t n_ids, shadow_capacity;
static uint32_t *seen;                 /* per id: epoch of the last check */
static uint32_t epoch;
static size_t last_collections;
static uint64_t checks, run_seed;

static int64_t id_of(node *n) { return n ? n->value : NONE; }

static size_t collections(void)
{
    struct stm_heap_info info;
    stm_heap_info(&info);
    return info.minor_collections + info.major_collections;
}

static void fail(const char *what, int64_t id)
{
    printf("seed %llu: %s (id %lld)\n", (unsigned long long)run_seed, what, (long long)id);
    CHECK(0);
}

static node *new_graph_node(node *left, node *right)
{
    node *n = new_node(left, right, 0);
    CHECK(n);
    if (n_ids == shadow_capacity) {
        shadow_capacity = shadow_capacity ? shadow_capacity * 2 : 4096;
        shadow = realloc(shadow, (size_t)shadow_capacity * sizeof *shadow);
        seen = realloc(seen, (size_t)shadow_capacity * sizeof *seen);
        CHECK(shadow && seen);
    }
    int64_t id = n_ids++;
    n->value = id;
    shadow[id] = (struct shadow){id_of(left), id_of(right), (uintptr_t)n};
    seen[id] = 0;
    return n;
}

/* Depth-first over everything reachable from the roots. */
static size_t check_graph(void)
{
    static node **stack;
    static size_t stack_capacity;
    size_t count = 0, depth = 0;
    epoch++;
    for (int r = 0; r < NROOTS; r++) {
        if (!roots[r])
            continue;
        if (depth == stack_capacity) {
            stack_capacity = stack_capacity ? stack_capacity * 2 : 1024;
            stack = realloc(stack, stack_capacity * sizeof *stack);
            CHECK(stack);
        }
        stack[depth++] = (node *)roots[r];
        while (depth) {
            node *n = stack[--depth];
            if (n->hdr.stm_type != T_NODE)
                fail("not a node", NONE);
            int64_t id = n->value;
            if (id < 0 || id >= n_ids)
                fail("bad id", id);
            if (shadow[id].address != (uintptr_t)n)
                fail("object moved or id reused", id);
            if (seen[id] == epoch)
                continue;
            seen[id] = epoch;
            count++;
            if (id_of(n->left) != shadow[id].left || id_of(n->right) != shadow[id].right)
                fail("edges differ from the shadow", id);
            if (depth + 2 > stack_capacity) {
                stack_capacity *= 2;
                stack = realloc(stack, stack_capacity * sizeof *stack);
                CHECK(stack);
            }
            if (n->left)
                stack[depth++] = n->left;
            if (n->right)
                stack[depth++] = n->right;
        }
    }
    checks++;
    return count;
}

static void check_if_collected(void)
{
    size_t c = collections();
    if (c != last_collections) {
        last_collections = c;
        check_graph();
    }
}

/* A random reachable node, or NULL: a short random walk from a root. */
static node *pick(uint64_t *rng)
{
    node *n = (node *)roots[rng_below(rng, NROOTS)];
    int steps = (int)rng_below(rng, 6);
    for (int i = 0; i < steps && n; i++) {
        node *next = rng_below(rng, 2) ? n->left : n->right;
        if (!next)
            break;
        n = next;
    }
    return n;
}

static void set_edge(node *n, int which, node *target)
{
    stm_write((stm_obj *)n);
    if (which)
        n->right = target;
    else
        n->left = target;
    int64_t id = n->value;
    if (which)
        shadow[id].right = id_of(target);
    else
        shadow[id].left = id_of(target);
}

static void set_root(int r, node *n)
{
    roots[r] = (stm_obj *)n;
}

struct worker {
    int index;
    int steps;
};

static void one_step(uint64_t *rng)
{
    uint64_t op = rng_below(rng, 100);
    if (op < 25) {
        /* a new node, hung from a root or from a reachable node */
        node *a = rng_below(rng, 3) ? pick(rng) : NULL;
        node *b = rng_below(rng, 3) ? pick(rng) : NULL;
        node *n = new_graph_node(a, b);
        node *parent = pick(rng);
        if (parent && rng_below(rng, 2))
            set_edge(parent, (int)rng_below(rng, 2), n);
        else
            set_root((int)rng_below(rng, NROOTS), n);
    } else if (op < 55) {
        node *n = pick(rng);
        if (n)
            set_edge(n, (int)rng_below(rng, 2), rng_below(rng, 16) ? pick(rng) : NULL);
    } else if (op < 58) {
        set_root((int)rng_below(rng, NROOTS), NULL);
    } else if (op < 70) {
        node *n = pick(rng);
        if (n)
            set_root((int)rng_below(rng, NROOTS), n);
    } else if (op < 71) {
        stm_collect_minor();
    } else if (op == 71 && rng_below(rng, 10) == 0) {
        stm_collect_major();
    } else {
        /* garbage, some of it pointing into the graph */
        int n = (int)rng_below(rng, 20);
        for (int i = 0; i < n; i++)
            CHECK(new_node(pick(rng), NULL, -1));
    }
}

static void *worker_main(void *arg)
{
    struct worker *w = arg;
    uint64_t rng = run_seed * 0x9e3779b97f4a7c15ull + (uint64_t)w->index * 7919 + 1;
    stm_thread tl;
    stm_register_thread(&tl);
    stm_start_transaction(&tl);
    int until_break = 1 + (int)rng_below(&rng, 50);
    for (int step = 0; step < w->steps; step++) {
        one_step(&rng);
        check_if_collected();
        if (--until_break == 0 || stm_should_break(&tl)) {
            stm_commit_transaction(&tl);
            stm_start_transaction(&tl);
            until_break = 1 + (int)rng_below(&rng, 50);
        }
    }
    stm_commit_transaction(&tl);
    stm_unregister_thread(&tl);
    return NULL;
}

static void random_case(uint64_t seed, int stress_every)
{
    const char *env = getenv("TEST_SEED");
    run_seed = env ? strtoull(env, NULL, 10) : seed;
    set_gc_stress(stress_every);
    test_setup(0);
    stm_add_root_range(roots, sizeof roots);
    int steps = stress_every ? BY_VARIANT(20000, 10000, 5000) : BY_VARIANT(200000, 60000, 30000);
    struct worker workers[NTHREADS];
    for (int i = 0; i < NTHREADS; i++)
        workers[i] = (struct worker){.index = i, .steps = steps};
    pthread_t ids[NTHREADS];
    double t0 = now_seconds();
    start_threads(ids, NTHREADS, worker_main, workers, sizeof workers[0]);
    join_threads(ids, NTHREADS);

    /* Last, from a fresh thread: the whole graph, then how much is live. */
    stm_thread tl;
    stm_register_thread(&tl);
    stm_start_transaction(&tl);
    scrub_stack();
    stm_collect_major();
    size_t reachable = check_graph();
    struct stm_heap_info info;
    stm_heap_info(&info);
    printf("seed %llu: %d threads x %d steps, %lld nodes made, %zu reachable, %llu checks, "
           "%zu minor, %zu major, %.2f s\n", (unsigned long long)run_seed, NTHREADS, steps,
           (long long)n_ids, reachable, (unsigned long long)checks, info.minor_collections,
           info.major_collections, now_seconds() - t0);
    CHECK(checks >= 10);
    /* Unreachable nodes were reclaimed; stale words on the stacks may keep
       a few alive. */
    CHECK(info.live_after_major >= reachable * sizeof(struct node));
    CHECK(info.live_after_major <= reachable * sizeof(struct node) + (256 << 10));
    stm_commit_transaction(&tl);
    stm_unregister_thread(&tl);
    stm_remove_root_range(roots);
    stm_teardown();
}

static void random_1(void) { random_case(1, 0); }
static void random_2(void) { random_case(2, 0); }
static void random_3(void) { random_case(12345, 0); }
static void random_stress_1(void) { random_case(4, 29); }
static void random_stress_2(void) { random_case(5, 3); }

RUN_TESTS({"random_1", random_1, 0},
          {"random_2", random_2, 0},
          {"random_3", random_3, 0},
          {"random_stress_1", random_stress_1, 0},
          {"random_stress_2", random_stress_2, 0})
