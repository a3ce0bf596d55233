/*
** Allocates N short-lived 32-byte objects while keeping a small rolling
** window of them alive, and reports the rate, the peak RSS and the number
** of collections: the generational collector's basic promise.
**
** usage: short_lived [count]        (default 100 000 000)
*/
#include "stm.h"
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

typedef STM_SEG struct cell cell;
struct cell {
    struct stm_header hdr;
    cell *next;
    int64_t value;
    int64_t pad;
};

static void trace(struct stm_header *obj, stm_visit_fn *visit, void *ctx)
{
    visit((stm_obj **)&((struct cell *)obj)->next, ctx);
}

#define WINDOW 1024
static stm_obj *window[WINDOW];

int main(int argc, char **argv)
{
    long count = argc > 1 ? atol(argv[1]) : 100000000L;
    struct stm_config cfg = {.trace = trace};
    if (!stm_setup(&cfg))
        return 1;
    stm_add_root_range(window, sizeof window);
    stm_thread tl;
    stm_register_thread(&tl);
    stm_start_transaction(&tl);

    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    int64_t sum = 0;
    cell *prev = NULL;
    for (long i = 0; i < count; i++) {
        cell *c = (cell *)stm_allocate(sizeof(struct cell), 1);
        if (!c)
            return 1;
        c->value = i;
        c->next = prev;             /* a short chain: the young die young */
        prev = (i & 15) ? c : NULL;
        if ((i & 1023) == 0)
            window[(i >> 10) % WINDOW] = (stm_obj *)c;
        sum += c->value;
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) * 1e-9;

    struct stm_heap_info info;
    stm_heap_info(&info);
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("short-lived objects: %ld allocations of 32 bytes in %.3f s (%.1f M/s)\n",
           count, secs, (double)count / secs / 1e6);
    printf("peak RSS %.1f MiB, %zu minor and %zu major collections (checksum %lld)\n",
           (double)ru.ru_maxrss / 1024, info.minor_collections, info.major_collections,
           (long long)sum);
    stm_commit_transaction(&tl);
    stm_unregister_thread(&tl);
    stm_remove_root_range(window);
    stm_teardown();
    return 0;
}
