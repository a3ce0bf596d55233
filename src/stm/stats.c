/*
** Per-thread statistics: how many times and how long each thread was in
** each state.  Only the thread itself writes its figures.
*/
#include "core.h"
#include <string.h>
#include <time.h>

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

double stats_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
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
