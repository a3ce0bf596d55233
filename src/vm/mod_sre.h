/*
** The _sre module's matcher interface (mod_sre_engine.c), used by the
** Pattern, Match and Scanner objects of mod_sre.c.
*/
#ifndef STMPY_MOD_SRE_H
#define STMPY_MOD_SRE_H

#include "vm/str_impl.h"

#define SRE_MAXREPEAT 0xFFFFFFFFu

/* One match attempt over a subject's code units (bytes are kind 1).  The
   data pointer is a real address: nothing may allocate while it is used. */
typedef struct SreState {
    const void *data;
    int kind;
    intptr_t start, end;        /* where the attempt starts; endpos */
    intptr_t ptr;               /* where the match ended */
    const uint32_t *code;
    intptr_t *marks;            /* 2 per group, -1: unset */
    intptr_t nmarks, lastindex;
    bool match_all;             /* fullmatch: must end at end */
    bool must_advance;          /* an empty match at start is refused */
} SreState;

int sre_match_at(SreState *st, bool match_all);
int sre_search(SreState *st);
uint32_t sre_lower_ascii(uint32_t c);
uint32_t sre_lower_unicode(uint32_t c);
uint32_t sre_upper_unicode(uint32_t c);

#endif
