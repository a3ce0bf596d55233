/* Symbol-table analysis, as CPython 3.11's symtable_analyze_block: from the module
 * down, decide each name's scope; on the way back up, turn locals that
 * inner scopes use into cells and pass free names through. */
#include <stdlib.h>
#include <string.h>

#include "compiler/symtable.h"

static void error_at_directive(SymTable *st, SymScope *ste, const char *msg, const char *name)
{
    for (int i = 0; i < ste->ndirectives; i++) {
        Directive *d = &ste->directives[i];
        if (!strcmp(d->name, name)) {
            symtable_error(st, (Loc){d->lineno, d->col, d->end_lineno, d->end_col}, msg, name);
            return;
        }
    }
    symtable_error(st, (Loc){ste->lineno, ste->col, ste->lineno, ste->col}, msg, name);
}

static void analyze_name(SymTable *st, SymScope *ste, Symbol *sym, NameTable *bound, NameTable *local,
                         NameTable *free, NameTable *global)
{
    const char *name = sym->name;
    int flags = sym->flags;
    if (flags & DEF_GLOBAL) {
        if (flags & DEF_NONLOCAL) {
            error_at_directive(st, ste, "name '%s' is nonlocal and global", name);
            return;
        }
        sym->scope = SC_GLOBAL_EXPLICIT;
        nt_insert(global, name);
        if (bound)
            nt_discard(bound, name);
        return;
    }
    if (flags & DEF_NONLOCAL) {
        if (!bound) {
            error_at_directive(st, ste, "nonlocal declaration not allowed at module level", name);
            return;
        }
        if (!nt_has(bound, name)) {
            error_at_directive(st, ste, "no binding for nonlocal '%s' found", name);
            return;
        }
        sym->scope = SC_FREE;
        nt_insert(free, name);
        return;
    }
    if (flags & DEF_BOUND) {
        sym->scope = SC_LOCAL;
        nt_insert(local, name);
        nt_discard(global, name);
        return;
    }
    if (bound && nt_has(bound, name)) {
        sym->scope = SC_FREE;
        nt_insert(free, name);
        return;
    }
    if (global && nt_has(global, name)) {
        sym->scope = SC_GLOBAL_IMPLICIT;
        return;
    }
    sym->scope = SC_GLOBAL_IMPLICIT;
}

static void copy_set(NameTable *to, const NameTable *from)
{
    if (from)
        nt_merge(to, from);
}

/* free: names free in this scope or below, for the caller. */
void symtable_analyze_block(SymTable *st, SymScope *ste, NameTable *bound, NameTable *free, NameTable *global)
{
    NameTable local = {0}, newglobal = {0}, newfree = {0}, newbound = {0}, allfree = {0};
    if (ste->type == BLOCK_CLASS) {
        copy_set(&newglobal, global);
        copy_set(&newbound, bound);
    }
    for (int i = 0; i < ste->symbols.n && !st->failed; i++)
        analyze_name(st, ste, &ste->symbols.syms[i], bound, &local, free, global);
    if (ste->type != BLOCK_CLASS) {
        if (ste->type == BLOCK_FUNCTION)
            nt_merge(&newbound, &local);
        copy_set(&newbound, bound);
        copy_set(&newglobal, global);
    } else {
        nt_insert(&newbound, "__class__");
    }
    for (int i = 0; i < ste->nchildren && !st->failed; i++) {
        SymScope *c = ste->children[i];
        NameTable tb = {0}, tf = {0}, tg = {0};
        copy_set(&tb, &newbound);
        copy_set(&tf, &newfree);
        copy_set(&tg, &newglobal);
        symtable_analyze_block(st, c, &tb, &tf, &tg);
        nt_merge(&allfree, &tf);
        nt_release(&tb);
        nt_release(&tf);
        nt_release(&tg);
    }
    nt_merge(&newfree, &allfree);
    if (ste->type == BLOCK_FUNCTION) {
        for (int i = 0; i < ste->symbols.n; i++) {
            Symbol *s = &ste->symbols.syms[i];
            if (s->scope == SC_LOCAL && nt_has(&newfree, s->name)) {
                s->scope = SC_CELL;
                nt_discard(&newfree, s->name);
            }
        }
    } else if (ste->type == BLOCK_CLASS && nt_has(&newfree, "__class__")) {
        nt_discard(&newfree, "__class__");
        ste->needs_class_closure = 1;
    }
    /* Names free below and not local here pass through this scope. */
    for (int i = 0; i < newfree.n; i++) {
        if (!newfree.syms[i].flags)
            continue;
        const char *name = newfree.syms[i].name;
        Symbol *s = nt_get(&ste->symbols, name);
        if (s) {
            if (ste->type == BLOCK_CLASS && (s->flags & (DEF_BOUND | DEF_GLOBAL)))
                s->flags |= DEF_FREE_CLASS;
            continue;
        }
        if (bound && !nt_has(bound, name))
            continue;
        s = nt_add(&ste->symbols, name);
        s->scope = SC_FREE;
    }
    nt_merge(free, &newfree);
    nt_release(&local);
    nt_release(&newglobal);
    nt_release(&newfree);
    nt_release(&newbound);
    nt_release(&allfree);
}

void symtable_free(SymTable *st)
{
    if (!st)
        return;
    for (int i = 0; i < st->nall; i++) {
        SymScope *s = st->all[i];
        nt_release(&s->symbols);
        free(s->children);
        free(s->varnames);
        free(s->directives);
    }
    free(st->all);
    st->all = NULL;
    st->nall = 0;
}

SymScope *symtable_lookup_scope(SymTable *st, const void *key)
{
    for (int i = 0; i < st->nall; i++)
        if (st->all[i]->key == key)
            return st->all[i];
    return NULL;
}

Symbol *symtable_get(const SymScope *s, const char *name) { return nt_get(&s->symbols, name); }

SymScopeKind symtable_scope_of(const SymScope *s, const char *name)
{
    Symbol *sym = nt_get(&s->symbols, name);
    return sym ? sym->scope : SC_NONE;
}

static int cmp_sym(const void *a, const void *b)
{
    return strcmp((*(Symbol *const *)a)->name, (*(Symbol *const *)b)->name);
}

static void dump_scope(FILE *out, const SymScope *s, int depth)
{
    static const char *const types[] = {"function", "class", "module", "annotation"};
    fprintf(out, "%*s%s %s %d%s\n", depth * 2, "", types[s->type], s->name, s->lineno,
            s->nested ? " nested" : "");
    Symbol **v = malloc(sizeof(Symbol *) * (s->symbols.n + 1));
    for (int i = 0; i < s->symbols.n; i++)
        v[i] = &s->symbols.syms[i];
    qsort(v, s->symbols.n, sizeof *v, cmp_sym);
    static const char *const scopes[] = {"none", "local", "global_explicit", "global_implicit", "free", "cell"};
    for (int i = 0; i < s->symbols.n; i++)
        fprintf(out, "%*s  %s %s %d\n", depth * 2, "", v[i]->name, scopes[v[i]->scope], v[i]->flags);
    free(v);
    if (s->type == BLOCK_FUNCTION) {
        fprintf(out, "%*s  params:", depth * 2, "");
        for (int i = 0; i < s->nvarnames; i++)
            fprintf(out, " %s", s->varnames[i]);
        fputc('\n', out);
    }
    for (int i = 0; i < s->nchildren; i++)
        dump_scope(out, s->children[i], depth + 1);
}

void symtable_dump(FILE *out, const SymTable *st) { dump_scope(out, st->top, 0); }
