/*
** The binary-trees benchmark twice: nodes from libstm (the collector
** reclaims them) and nodes from malloc/free.  Each runs in a child process
** of its own so that its peak RSS is its own.  Prints one table.
**
** usage: binary_trees [max_depth [rounds [threads]]]   (default 16 3)
**
** With a thread count, the libstm side runs each tree of the iterations
** in a transaction of its own, the trees shared out among that many
** threads, and the table adds the aborted transactions.
*/
#include "stm.h"
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

typedef STM_SEG struct gnode gnode;
struct gnode {
    struct stm_header hdr;
    gnode *left, *right;
    int64_t value;
};

struct mnode {
    struct mnode *left, *right;
    int64_t value;
};

static void trace(struct stm_header *obj, stm_visit_fn *visit, void *ctx)
{
    struct gnode *n = (struct gnode *)obj;
    visit((stm_obj **)&n->left, ctx);
    visit((stm_obj **)&n->right, ctx);
}

static gnode *g_make(int depth)
{
    gnode *l = NULL, *r = NULL;
    if (depth > 0) {
        l = g_make(depth - 1);
        r = g_make(depth - 1);
    }
    gnode *n = (gnode *)stm_allocate(sizeof(struct gnode), 1);
    if (!n) {
        fprintf(stderr, "heap exhausted\n");
        exit(1);
    }
    n->left = l;
    n->right = r;
    n->value = depth;
    return n;
}

static long g_check(gnode *n)
{
    return n->left ? 1 + g_check(n->left) + g_check(n->right) : 1;
}

static struct mnode *m_make(int depth)
{
    struct mnode *l = NULL, *r = NULL;
    if (depth > 0) {
        l = m_make(depth - 1);
        r = m_make(depth - 1);
    }
    struct mnode *n = malloc(sizeof *n);
    if (!n)
        exit(1);
    n->left = l;
    n->right = r;
    n->value = depth;
    return n;
}

static long m_check(struct mnode *n)
{
    return n->left ? 1 + m_check(n->left) + m_check(n->right) : 1;
}

static void m_free(struct mnode *n)
{
    if (n->left) {
        m_free(n->left);
        m_free(n->right);
    }
    free(n);
}

static long nodes_made;
static int nthreads;                 /* 0: one long transaction, no threads */

struct share {
    int max_depth;
    long next_item, total, nodes, commits, aborts;
    pthread_mutex_t lock;
};

/* Work item k is iteration k of the depth loop, counted over all depths. */
static int item_depth(int max_depth, long k)
{
    for (int d = 4; d <= max_depth; d += 2) {
        long iterations = 1L << (max_depth - d + 4);
        if (k < iterations)
            return d;
        k -= iterations;
    }
    return -1;
}

static void *gc_worker(void *arg)
{
    struct share *sh = arg;
    stm_thread tl;
    stm_register_thread(&tl);
    long total = 0, nodes = 0;
    for (;;) {
        long k = __atomic_fetch_add(&sh->next_item, 1, __ATOMIC_RELAXED);
        int d = item_depth(sh->max_depth, k);
        if (d < 0)
            break;
        stm_start_transaction(&tl);
        long t = g_check(g_make(d));
        stm_commit_transaction(&tl);
        total += t;
        nodes += 2L << d;
    }
    struct stm_stats st;
    stm_get_stats(&tl, &st);
    stm_unregister_thread(&tl);
    pthread_mutex_lock(&sh->lock);
    sh->total += total;
    sh->nodes += nodes;
    sh->commits += (long)st.count[STM_TIME_RUN_COMMITTED];
    for (int i = STM_TIME_RUN_ABORTED_WRITE_WRITE; i <= STM_TIME_RUN_ABORTED_OTHER; i++)
        sh->aborts += (long)st.count[i];
    pthread_mutex_unlock(&sh->lock);
    return NULL;
}

static long aborts_seen, commits_seen;

static long run_gc_threads(int max_depth)
{
    struct stm_config cfg = {.trace = trace};
    if (!stm_setup(&cfg))
        exit(1);
    stm_thread tl;
    stm_register_thread(&tl);
    stm_start_transaction(&tl);
    long total = g_check(g_make(max_depth + 1));
    /* A root: this thread's stack is not scanned while it is unregistered. */
    static gnode *long_lived;
    stm_add_root((stm_obj **)&long_lived);
    long_lived = g_make(max_depth);
    nodes_made += (2L << (max_depth + 1)) + (2L << max_depth);
    stm_commit_transaction(&tl);
    struct share sh = {.max_depth = max_depth, .lock = PTHREAD_MUTEX_INITIALIZER};
    pthread_t ids[64];
    /* Outside any transaction while the workers run: see stm.h. */
    stm_unregister_thread(&tl);
    for (int i = 0; i < nthreads; i++)
        pthread_create(&ids[i], NULL, gc_worker, &sh);
    for (int i = 0; i < nthreads; i++)
        pthread_join(ids[i], NULL);
    stm_register_thread(&tl);
    stm_start_transaction(&tl);
    total += sh.total + g_check(long_lived);
    stm_commit_transaction(&tl);
    stm_unregister_thread(&tl);
    nodes_made += sh.nodes;
    aborts_seen = sh.aborts;
    commits_seen = sh.commits;
    return total;
}

static long run_gc(int max_depth)
{
    if (nthreads)
        return run_gc_threads(max_depth);
    struct stm_config cfg = {.trace = trace};
    if (!stm_setup(&cfg))
        exit(1);
    stm_thread tl;
    stm_register_thread(&tl);
    stm_start_transaction(&tl);
    long total = g_check(g_make(max_depth + 1));
    gnode *long_lived = g_make(max_depth);
    nodes_made += (2L << (max_depth + 1)) + (2L << max_depth);
    for (int d = 4; d <= max_depth; d += 2) {
        long iterations = 1L << (max_depth - d + 4);
        for (long i = 0; i < iterations; i++) {
            total += g_check(g_make(d));
            nodes_made += 2L << d;
        }
    }
    total += g_check(long_lived);
    stm_commit_transaction(&tl);
    stm_unregister_thread(&tl);
    return total;
}

static long run_malloc(int max_depth)
{
    struct mnode *stretch = m_make(max_depth + 1);
    long total = m_check(stretch);
    m_free(stretch);
    struct mnode *long_lived = m_make(max_depth);
    nodes_made += (2L << (max_depth + 1)) + (2L << max_depth);
    for (int d = 4; d <= max_depth; d += 2) {
        long iterations = 1L << (max_depth - d + 4);
        for (long i = 0; i < iterations; i++) {
            struct mnode *t = m_make(d);
            total += m_check(t);
            m_free(t);
            nodes_made += 2L << d;
        }
    }
    total += m_check(long_lived);
    m_free(long_lived);
    return total;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

struct result {
    double seconds;
    long checksum, nodes;
    long peak_kib;
    long aborts, commits;
};

static struct result measure(long (*run)(int), int depth)
{
    int fds[2];
    if (pipe(fds) != 0)
        exit(1);
    pid_t pid = fork();
    if (pid == 0) {
        double t0 = now();
        struct result r = {0};
        r.checksum = run(depth);
        r.seconds = now() - t0;
        r.nodes = nodes_made;
        r.aborts = aborts_seen;
        r.commits = commits_seen;
        if (write(fds[1], &r, sizeof r) != sizeof r)
            _exit(1);
        _exit(0);
    }
    struct result r = {0};
    if (read(fds[0], &r, sizeof r) != sizeof r)
        fprintf(stderr, "benchmark child failed\n");
    int status;
    struct rusage ru;
    wait4(pid, &status, 0, &ru);
    r.peak_kib = ru.ru_maxrss;
    close(fds[0]);
    close(fds[1]);
    return r;
}

int main(int argc, char **argv)
{
    int depth = argc > 1 ? atoi(argv[1]) : 16;
    int rounds = argc > 2 ? atoi(argv[2]) : 3;
    nthreads = argc > 3 ? atoi(argv[3]) : 0;
    if (nthreads > 64)
        nthreads = 64;
    if (depth < 6)
        depth = 6;
    /* Alternate the two so that machine noise hits both alike; report medians. */
    double ts[2][rounds];
    struct result last[2];
    for (int i = 0; i < rounds; i++) {
        last[0] = measure(run_gc, depth);
        last[1] = measure(run_malloc, depth);
        ts[0][i] = last[0].seconds;
        ts[1][i] = last[1].seconds;
    }
    if (last[0].checksum != last[1].checksum) {
        fprintf(stderr, "checksums differ: %ld vs %ld\n", last[0].checksum, last[1].checksum);
        return 1;
    }
    const char *names[2] = {"libstm (" STM_FLAVOUR_NAME ")", "malloc/free"};
    double med[2];
    for (int k = 0; k < 2; k++) {
        for (int i = 1; i < rounds; i++)        /* insertion sort, tiny */
            for (int j = i; j > 0 && ts[k][j] < ts[k][j - 1]; j--) {
                double t = ts[k][j]; ts[k][j] = ts[k][j - 1]; ts[k][j - 1] = t;
            }
        med[k] = ts[k][rounds / 2];
    }
    printf("binary-trees depth %d, %ld nodes, median of %d\n", depth, last[0].nodes, rounds);
    printf("%-22s %10s %14s %12s\n", "allocator", "time (s)", "Mnodes/s", "peak RSS MiB");
    for (int k = 0; k < 2; k++)
        printf("%-22s %10.3f %14.1f %12.1f\n", names[k], med[k],
               (double)last[k].nodes / med[k] / 1e6, (double)last[k].peak_kib / 1024);
    printf("ratio libstm/malloc: time %.2f, peak RSS %.2f\n", med[0] / med[1],
           (double)last[0].peak_kib / (double)last[1].peak_kib);
    if (nthreads)
        printf("libstm: %d threads, %ld transactions committed, %ld aborted (%.2f%%)\n",
               nthreads, last[0].commits, last[0].aborts,
               100.0 * (double)last[0].aborts / (double)(last[0].commits + last[0].aborts));
    return 0;
}
