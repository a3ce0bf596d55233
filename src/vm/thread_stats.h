/* Per-thread libstm statistics for STMPY_STATS=1 (thread_stats.c). */
#ifndef STMPY_THREAD_STATS_H
#define STMPY_THREAD_STATS_H

#include <stdbool.h>

#include "stm.h"

/* A thread that ends leaves its figures here (no-op unless enabled). */
void thread_stats_record(stm_thread *tl, unsigned long ident);
/* At exit: the main thread's figures, then every ended thread's. */
void thread_stats_print(stm_thread *main_tl);

#endif
