/* Conflict reports: STMPY_LOG=FILE and STMPY_CONFLICTS=1 (conflict_log.c). */
#ifndef STMPY_CONFLICT_LOG_H
#define STMPY_CONFLICT_LOG_H

#include "stm.h"

/* Installs libstm's marker and event callbacks if either is asked for. */
void conflict_log_configure(struct stm_config *cfg);

#endif
