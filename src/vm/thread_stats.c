/*
** STMPY_STATS=1: libstm's per-thread statistics (count and time in each
** state) printed on stderr at exit, for every thread that ran, the main
** thread first.  A thread's figures are taken when it ends, because its
** stm_thread is gone after that.
*/
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#include "vm/thread_stats.h"

typedef struct Finished {
    struct Finished *next;
    unsigned long ident;
    struct stm_stats stats;
} Finished;

static Finished *finished, **finished_tail = &finished;
static pthread_mutex_t finished_lock = PTHREAD_MUTEX_INITIALIZER;
static int enabled = -1;

static bool stats_enabled(void)
{
    if (enabled < 0) {
        const char *env = getenv("STMPY_STATS");
        enabled = env && *env && *env != '0';
    }
    return enabled;
}

void thread_stats_record(stm_thread *tl, unsigned long ident)
{
    if (!stats_enabled())
        return;
    Finished *f = malloc(sizeof *f);
    if (!f)
        return;
    f->next = NULL;
    f->ident = ident;
    stm_get_stats(tl, &f->stats);
    pthread_mutex_lock(&finished_lock);
    *finished_tail = f;
    finished_tail = &f->next;
    pthread_mutex_unlock(&finished_lock);
}

void thread_stats_print(stm_thread *main_tl)
{
    if (!stats_enabled())
        return;
    struct stm_stats st;
    stm_get_stats(main_tl, &st);
    char title[64];
    fprintf(stderr, "stmpy statistics (%s flavour):\n", STM_FLAVOUR_NAME);
    stm_print_stats(stderr, "main thread", &st);
    pthread_mutex_lock(&finished_lock);
    for (Finished *f = finished; f; f = f->next) {
        snprintf(title, sizeof title, "thread 0x%lx", f->ident);
        stm_print_stats(stderr, title, &f->stats);
    }
    pthread_mutex_unlock(&finished_lock);
}
