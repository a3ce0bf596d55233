/* Name tables: insertion-ordered string sets with a hash index, for the
 * symbol tables and the sets their analysis passes around. */
#include <stdlib.h>
#include <string.h>

#include "compiler/symtable.h"

static unsigned hash_str(const char *s)
{
    unsigned h = 2166136261u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

static int nt_find(const NameTable *t, const char *name)
{
    if (!t->hcap)
        return -1;
    for (unsigned i = hash_str(name) & (t->hcap - 1);; i = (i + 1) & (t->hcap - 1)) {
        int k = t->index[i];
        if (k < 0 || !strcmp(t->syms[k].name, name))
            return k;
    }
}

static void nt_reindex(NameTable *t)
{
    t->hcap = t->hcap ? t->hcap * 2 : 16;
    free(t->index);
    t->index = malloc(sizeof(int) * t->hcap);
    if (!t->index)
        abort();
    memset(t->index, 0xff, sizeof(int) * t->hcap);
    for (int k = 0; k < t->n; k++) {
        unsigned i = hash_str(t->syms[k].name) & (t->hcap - 1);
        while (t->index[i] >= 0)
            i = (i + 1) & (t->hcap - 1);
        t->index[i] = k;
    }
}

/* Returns the entry for name, adding it (flags 0) if missing. */
Symbol *nt_add(NameTable *t, const char *name)
{
    int k = nt_find(t, name);
    if (k >= 0)
        return &t->syms[k];
    if (t->n == t->cap) {
        t->cap = t->cap ? t->cap * 2 : 8;
        t->syms = realloc(t->syms, sizeof(Symbol) * t->cap);
        if (!t->syms)
            abort();
    }
    k = t->n++;
    t->syms[k] = (Symbol){name, 0, SC_NONE};
    if (t->n * 2 > t->hcap)
        nt_reindex(t);
    else {
        unsigned i = hash_str(name) & (t->hcap - 1);
        while (t->index[i] >= 0)
            i = (i + 1) & (t->hcap - 1);
        t->index[i] = k;
    }
    return &t->syms[k];
}

Symbol *nt_get(const NameTable *t, const char *name)
{
    int k = nt_find(t, name);
    return k >= 0 ? &t->syms[k] : NULL;
}

/* The analysis sets: a NameTable where flags==1 means "member" so that
   removal needs no rehash. */
int nt_has(const NameTable *t, const char *name)
{
    Symbol *s = t ? nt_get(t, name) : NULL;
    return s && s->flags;
}
void nt_insert(NameTable *t, const char *name) { nt_add(t, name)->flags = 1; }
void nt_discard(NameTable *t, const char *name)
{
    Symbol *s = nt_get(t, name);
    if (s)
        s->flags = 0;
}
void nt_merge(NameTable *t, const NameTable *from)
{
    for (int i = 0; i < from->n; i++)
        if (from->syms[i].flags)
            nt_insert(t, from->syms[i].name);
}
void nt_release(NameTable *t)
{
    free(t->syms);
    free(t->index);
    memset(t, 0, sizeof *t);
}

