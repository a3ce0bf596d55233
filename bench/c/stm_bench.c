/*
** Transaction workloads for comparing the two flavours and thread counts.
** One run prints one line, "MODE THREADS SECONDS CHECKSUM COMMITS ABORTS
** MINOR_GCS MAJOR_GCS CPU_SECONDS" (CPU: user + system of the process
** while the threads ran: on a loaded machine, what the work cost);
** tools/runbench runs the modes several times in both flavours and makes
** the table (medians, ratios).
**
** usage: stm_bench MODE THREADS [SCALE]
**   trees        binary-trees: each tree of the iterations is one
**                transaction, the trees shared out among the threads
**                (SCALE: maximum depth, default 16)
**   independent  each thread owns 4096 nodes and updates random ones of
**                its own, 64 per transaction, replacing each node's
**                boxed value with a new object (SCALE: updates in
**                thousands, default 8000, shared out among the threads)
**   graph        one random graph of 65536 nodes, 4 edges each; a
**                transaction walks 64 edges, reading every node, writing
**                every one it leaves and re-pointing one edge in 16 at a
**                new node (SCALE: steps in thousands, default 4000,
**                shared out); with several threads the walks conflict
**   commits      tiny transactions: write one object of the thread's
**                own, commit (SCALE: commits in thousands, default 2000,
**                shared out among the threads)
** The work is the same whatever the thread count, so the wall time of
** THREADS=2 against THREADS=1 is the speedup.  STM_BENCH_STATS=1 prints each
** thread's libstm statistics on stderr.
*/
#include "stm.h"
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

enum { T_NODE = 1, T_BOX, T_ARRAY };

typedef STM_SEG struct node node;
struct node {
    struct stm_header hdr;
    node *edge[4];          /* trees: left, right */
    STM_SEG struct box *box;
    int64_t value;
};

typedef STM_SEG struct box box;
struct box {
    struct stm_header hdr;
    int64_t value;
};

typedef STM_SEG struct array array;
struct array {
    struct stm_header hdr;
    int64_t length;
    node *items[];
};

static void trace(struct stm_header *obj, stm_visit_fn *visit, void *ctx)
{
    if (obj->stm_type == T_NODE) {
        struct node *n = (struct node *)obj;
        for (int i = 0; i < 4; i++)
            visit((stm_obj **)&n->edge[i], ctx);
        visit((stm_obj **)&n->box, ctx);
    } else if (obj->stm_type == T_ARRAY) {
        struct array *a = (struct array *)obj;
        for (int64_t i = 0; i < a->length; i++)
            visit((stm_obj **)&a->items[i], ctx);
    }
}

static stm_obj *must(stm_obj *p)
{
    if (!p) {
        fprintf(stderr, "heap exhausted\n");
        exit(1);
    }
    return p;
}

static node *new_node(void) { return (node *)must(stm_allocate(sizeof(struct node), T_NODE)); }

static uint64_t rnd(uint64_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

/* ---- shared plumbing ---- */

struct worker {
    pthread_t id;
    int index, nthreads;
    long work;               /* this thread's share */
    int64_t checksum;
    long commits, aborts;
    bool wrong;              /* a result that must not depend on threads */
};

static char mode[32];
static long scale;
static array *shared_graph;   /* a registered root */

static void count_stats(stm_thread *tl, struct worker *w)
{
    struct stm_stats st;
    stm_get_stats(tl, &st);
    w->commits = (long)st.count[STM_TIME_RUN_COMMITTED];
    if (getenv("STM_BENCH_STATS")) {
        char title[32];
        snprintf(title, sizeof title, "thread %d", w->index);
        stm_print_stats(stderr, title, &st);
    }
    for (int k = STM_TIME_RUN_ABORTED_WRITE_WRITE; k <= STM_TIME_RUN_ABORTED_OTHER; k++)
        w->aborts += (long)st.count[k];
}

/* ---- trees ---- */

static node *make_tree(int depth)
{
    node *l = NULL, *r = NULL;
    if (depth > 0) {
        l = make_tree(depth - 1);
        r = make_tree(depth - 1);
    }
    node *n = new_node();
    n->edge[0] = l;
    n->edge[1] = r;
    n->value = depth;
    return n;
}

static long check_tree(node *n)
{
    return n->edge[0] ? 1 + check_tree(n->edge[0]) + check_tree(n->edge[1]) : 1;
}

static long next_tree;

static int tree_depth(long k)
{
    for (int d = 4; d <= scale; d += 2) {
        long iterations = 1L << (scale - d + 4);
        if (k < iterations)
            return d;
        k -= iterations;
    }
    return -1;
}

static void run_trees(stm_thread *tl, struct worker *w)
{
    for (;;) {
        int d = tree_depth(__atomic_fetch_add(&next_tree, 1, __ATOMIC_RELAXED));
        if (d < 0)
            break;
        stm_start_transaction(tl);
        w->checksum += check_tree(make_tree(d));
        stm_commit_transaction(tl);
    }
}

/* ---- independent ---- */

#define OWN_NODES 4096
#define UPDATES_PER_TXN 64

static void run_independent(stm_thread *tl, struct worker *w)
{
    /* The thread's own nodes, kept in an array on its stack (scanned). */
    array *own;
    stm_start_transaction(tl);
    own = (array *)must(stm_allocate(sizeof(struct array) + OWN_NODES * sizeof(node *), T_ARRAY));
    own->length = OWN_NODES;
    for (int i = 0; i < OWN_NODES; i++)
        own->items[i] = new_node();
    stm_commit_transaction(tl);
    uint64_t seed = 0x9e3779b97f4a7c15ull * (uint64_t)(w->index + 1);
    for (long done = 0; done < w->work; done += UPDATES_PER_TXN) {
        stm_start_transaction(tl);
        uint64_t s = seed;        /* reloaded on a restart */
        for (int k = 0; k < UPDATES_PER_TXN; k++) {
            stm_read((stm_obj *)own);
            node *n = own->items[rnd(&s) % OWN_NODES];
            stm_read((stm_obj *)n);
            box *old = n->box;
            int64_t v = 1;
            if (old) {
                stm_read((stm_obj *)old);
                v += old->value;
            }
            box *b = (box *)must(stm_allocate(sizeof(struct box), T_BOX));
            b->value = v;
            stm_write((stm_obj *)n);
            n->box = b;
            n->value++;
        }
        stm_commit_transaction(tl);
        seed = s;
    }
    stm_start_transaction(tl);
    int64_t sum = 0;
    for (int i = 0; i < OWN_NODES; i++) {
        node *n = own->items[i];
        w->wrong |= n->box ? n->box->value != n->value : n->value != 0;
        sum += n->value;
    }
    stm_commit_transaction(tl);
    w->wrong |= sum != (w->work + UPDATES_PER_TXN - 1) / UPDATES_PER_TXN * UPDATES_PER_TXN;
    w->checksum = sum;
}

/* ---- graph ---- */

#define GRAPH_NODES 65536
#define STEPS_PER_TXN 64

static void build_graph(void)
{
    uint64_t s = 12345;
    shared_graph = (array *)must(stm_allocate(sizeof(struct array) + GRAPH_NODES * sizeof(node *), T_ARRAY));
    shared_graph->length = GRAPH_NODES;
    for (int i = 0; i < GRAPH_NODES; i++)
        shared_graph->items[i] = new_node();
    for (int i = 0; i < GRAPH_NODES; i++) {
        node *n = shared_graph->items[i];
        for (int e = 0; e < 4; e++)
            n->edge[e] = shared_graph->items[rnd(&s) % GRAPH_NODES];
    }
}

static void run_graph(stm_thread *tl, struct worker *w)
{
    uint64_t seed = 0x2545f4914f6cdd1dull * (uint64_t)(w->index + 1);
    for (long done = 0; done < w->work; done += STEPS_PER_TXN) {
        stm_start_transaction(tl);
        uint64_t s = seed;
        stm_read((stm_obj *)shared_graph);
        node *n = shared_graph->items[rnd(&s) % GRAPH_NODES];
        for (int k = 0; k < STEPS_PER_TXN; k++) {
            stm_read((stm_obj *)n);
            uint64_t r = rnd(&s);
            node *next = n->edge[r & 3];
            stm_write((stm_obj *)n);
            n->value++;
            if ((r >> 8) % 16 == 0) {
                /* A fresh node, linked to where the walk goes on. */
                node *f = new_node();
                for (int e = 0; e < 4; e++)
                    f->edge[e] = next;
                f->value = 1;
                n->edge[(r >> 2) & 3] = f;
            }
            n = next;
        }
        stm_commit_transaction(tl);
        seed = s;
    }
    w->checksum = 0;
}

static int64_t graph_sum(void)
{
    /* Every step adds one to the node it leaves (fresh nodes start at 1
       and are counted only if still linked from the array's nodes). */
    int64_t sum = 0;
    for (int i = 0; i < GRAPH_NODES; i++)
        sum += shared_graph->items[i]->value;
    return sum;
}

/* ---- commits ---- */

static void run_commits(stm_thread *tl, struct worker *w)
{
    box *own;
    stm_start_transaction(tl);
    own = (box *)must(stm_allocate(sizeof(struct box), T_BOX));
    stm_commit_transaction(tl);
    for (long i = 0; i < w->work; i++) {
        stm_start_transaction(tl);
        stm_write((stm_obj *)own);
        own->value++;
        stm_commit_transaction(tl);
    }
    stm_start_transaction(tl);
    w->checksum = own->value;
    w->wrong = own->value != w->work;
    stm_commit_transaction(tl);
}

static void *worker_main(void *arg)
{
    struct worker *w = arg;
    stm_thread tl;
    stm_register_thread(&tl);
    if (!strcmp(mode, "trees"))
        run_trees(&tl, w);
    else if (!strcmp(mode, "independent"))
        run_independent(&tl, w);
    else if (!strcmp(mode, "graph"))
        run_graph(&tl, w);
    else
        run_commits(&tl, w);
    count_stats(&tl, w);
    stm_unregister_thread(&tl);
    return NULL;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static double cpu_seconds(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec)
           + (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) * 1e-6;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: stm_bench trees|independent|graph|commits THREADS [SCALE]\n");
        return 2;
    }
    snprintf(mode, sizeof mode, "%s", argv[1]);
    int nthreads = atoi(argv[2]);
    if (nthreads < 1 || nthreads > 64)
        nthreads = 1;
    bool trees = !strcmp(mode, "trees"), graph = !strcmp(mode, "graph");
    long dflt = trees ? 16 : !strcmp(mode, "independent") ? 8000
              : graph ? 4000 : 2000;
    scale = argc > 3 ? atol(argv[3]) : dflt;
    long total = trees ? 0 : scale * 1000;

    struct stm_config cfg = {.trace = trace};
    if (!stm_setup(&cfg))
        return 1;
    stm_add_root((stm_obj **)&shared_graph);
    stm_thread tl;
    if (graph) {
        stm_register_thread(&tl);
        stm_start_transaction(&tl);
        build_graph();
        stm_commit_transaction(&tl);
        stm_unregister_thread(&tl);
    }

    struct worker ws[64];
    memset(ws, 0, sizeof ws);
    double t0 = now(), cpu0 = cpu_seconds();
    for (int i = 0; i < nthreads; i++) {
        ws[i].index = i;
        ws[i].nthreads = nthreads;
        ws[i].work = total / nthreads + (i < total % nthreads);
        pthread_create(&ws[i].id, NULL, worker_main, &ws[i]);
    }
    int64_t checksum = 0;
    long commits = 0, aborts = 0;
    bool wrong = false;
    for (int i = 0; i < nthreads; i++) {
        pthread_join(ws[i].id, NULL);
        checksum += ws[i].checksum;
        commits += ws[i].commits;
        aborts += ws[i].aborts;
        wrong |= ws[i].wrong;
    }
    double secs = now() - t0, cpu = cpu_seconds() - cpu0;

    if (graph) {
        stm_register_thread(&tl);
        stm_start_transaction(&tl);
        checksum = graph_sum();
        stm_commit_transaction(&tl);
        stm_unregister_thread(&tl);
    }
    if (wrong) {
        fprintf(stderr, "stm_bench %s: wrong checksum %lld\n", mode, (long long)checksum);
        return 1;
    }
    struct stm_heap_info info;
    stm_heap_info(&info);
    printf("%s %d %.4f %lld %ld %ld %zu %zu %.4f\n", mode, nthreads, secs, (long long)checksum,
           commits, aborts, info.minor_collections, info.major_collections, cpu);
    stm_remove_root((stm_obj **)&shared_graph);
    return 0;
}
