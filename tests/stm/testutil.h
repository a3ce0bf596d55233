/*
** Helpers shared by the heavier libstm tests: sizing per build variant,
** stack scrubbing, memory figures, stress mode and thread plumbing.
*/
#ifndef TESTUTIL_H
#define TESTUTIL_H

#include "stm.h"
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* The debug build runs at -O0 and the ASan build several times slower
   still; the whole `make test` has to fit in a few minutes on two cores,
   so heavy loops shrink there.  The optimised build runs full size. */
#if defined(__SANITIZE_ADDRESS__)
#  define TEST_SLOW 2
#elif defined(STM_DEBUG)
#  define TEST_SLOW 1
#else
#  define TEST_SLOW 0
#endif
#define BY_VARIANT(full, debug, asan) \
    (TEST_SLOW == 0 ? (full) : TEST_SLOW == 1 ? (debug) : (asan))

/* Overwrites the unused stack below the caller (all of it: no ASan
   redzones are left unwritten), so that stale copies of
   references left there by earlier calls do not keep objects alive in
   tests that expect them to die (the stack is scanned conservatively). */
__attribute__((noinline, no_sanitize_address, unused)) static void scrub_stack(void)
{
    volatile uintptr_t buf[4096];
    for (size_t i = 0; i < sizeof buf / sizeof buf[0]; i++)
        buf[i] = 0;
    __asm__ volatile("" ::: "memory");
}

/* Resident set size now, in bytes (peak_rss() in testobj.h has the peak). */
static inline size_t current_rss(void)
{
    FILE *f = fopen("/proc/self/statm", "r");
    unsigned long size = 0, resident = 0;
    if (f) {
        if (fscanf(f, "%lu %lu", &size, &resident) != 2)
            resident = 0;
        fclose(f);
    }
    return (size_t)resident * (size_t)sysconf(_SC_PAGESIZE);
}

static inline double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Stress mode is read by stm_setup(), so it is set in the forked child
   before set-up and never leaks into the other cases. */
static inline void set_gc_stress(int every)
{
    if (every > 0) {
        char buf[32];
        snprintf(buf, sizeof buf, "%d", every);
        setenv("STM_GC_STRESS", buf, 1);
    } else {
        unsetenv("STM_GC_STRESS");
    }
}

/* A small deterministic generator: each thread of a randomized test owns
   one, seeded from the run's seed and its index. */
static inline uint64_t rng_next(uint64_t *s)
{
    uint64_t x = *s;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return *s = x;
}
static inline uint64_t rng_below(uint64_t *s, uint64_t n) { return rng_next(s) % n; }

static inline void start_threads(pthread_t *ids, int n, void *(*fn)(void *), void *args,
                                 size_t arg_size)
{
    for (int i = 0; i < n; i++)
        if (pthread_create(&ids[i], NULL, fn, (char *)args + (size_t)i * arg_size) != 0) {
            printf("pthread_create failed\n");
            exit(1);
        }
}

static inline void join_threads(pthread_t *ids, int n)
{
    for (int i = 0; i < n; i++)
        pthread_join(ids[i], NULL);
}

#endif
