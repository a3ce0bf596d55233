/*
** Per-thread statistics: how many times and how long each thread was in
** each state.  Only the thread itself writes its figures.
*/
#include "core.h"
#include <cpuid.h>
#include <string.h>
#include <time.h>
#include <x86intrin.h>

const char *const stm_time_names[STM_TIME_COUNT] = {
    "outside transaction",
    "run committed",
    "run aborted write write",
    "run aborted write read",
    "run aborted inevitable",
    "run aborted other",
    "wait free segment",
    "wait write read",
    "wait inevitable",
    "wait other",
    "bookkeeping",
    "minor gc",
    "major gc",
    "sync pause",
};

static double monotonic(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Every transaction reads the clock twice or more, and clock_gettime()
   costs tens of nanoseconds in a VM: a third of a tiny transaction.  An
   invariant time-stamp counter, scaled against CLOCK_MONOTONIC once at
   set-up, costs a few. */
static double tsc_seconds;          /* per tick; 0: no invariant TSC */
static uint64_t tsc_at_setup;
static double seconds_at_setup;

void stats_setup(void)
{
    unsigned a, b, c, d;
    tsc_seconds = 0;
    if (!__get_cpuid(0x80000007, &a, &b, &c, &d) || !(d & (1u << 8)))
        return;
    double t0 = monotonic(), t1;
    uint64_t c0 = __rdtsc();
    do
        t1 = monotonic();
    while (t1 - t0 < 1e-3);
    uint64_t c1 = __rdtsc();
    tsc_seconds = (t1 - t0) / (double)(c1 - c0);
    tsc_at_setup = c1;
    seconds_at_setup = t1;
}

double stats_now(void)
{
    if (tsc_seconds > 0)
        return seconds_at_setup + (double)(int64_t)(__rdtsc() - tsc_at_setup) * tsc_seconds;
    return monotonic();
}

void stats_switch(struct stm_thread_private *p, int state)
{
    double now = stats_now();
    double elapsed = now - p->timing_since;
    if (p->timing_state < 0)
        p->run_seconds += elapsed;
    else
        p->stats.seconds[p->timing_state] += elapsed;
    p->timing_state = state;
    p->timing_since = now;
    if (state >= 0)
        p->stats.count[state]++;
}

void stats_end_run(struct stm_thread_private *p, enum stm_time state)
{
    double now = stats_now();
    p->run_seconds += now - p->timing_since;
    p->stats.seconds[state] += p->run_seconds;
    p->stats.count[state]++;
    p->run_seconds = 0;
    p->timing_since = now;
}

void stm_get_stats(stm_thread *tl, struct stm_stats *out)
{
    struct stm_thread_private *p = tl->priv;
    STM_CHECK(p, "stm_get_stats() on an unregistered thread");
    *out = p->stats;
    if (tl == current_thread && p->timing_state >= 0)
        out->seconds[p->timing_state] += stats_now() - p->timing_since;
}

void stm_print_stats(FILE *out, const char *title, const struct stm_stats *st)
{
    fprintf(out, "      %s:\n", title);
    for (int i = 0; i < STM_TIME_COUNT; i++)
        fprintf(out, "          %-26s %9llu %8.3f s\n", stm_time_names[i],
                (unsigned long long)st->count[i], st->seconds[i]);
}
