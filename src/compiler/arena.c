/* Bump allocation in large blocks; one free for a whole tree. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compiler/ast.h"

struct ArenaBlock {
    ArenaBlock *prev;
    max_align_t data[];
};

enum { BLOCK_SIZE = 64 * 1024 };

Arena *arena_new(void)
{
    Arena *a = calloc(1, sizeof *a);
    if (!a) {
        fputs("stmpy: out of memory\n", stderr);
        abort();
    }
    return a;
}

void arena_free(Arena *a)
{
    if (!a)
        return;
    ArenaBlock *b = a->block;
    while (b) {
        ArenaBlock *prev = b->prev;
        free(b);
        b = prev;
    }
    free(a);
}

void *arena_alloc(Arena *a, size_t size)
{
    size = (size + 15) & ~(size_t)15;
    if ((size_t)(a->end - a->next) < size) {
        size_t payload = size > BLOCK_SIZE / 2 ? size : BLOCK_SIZE;
        ArenaBlock *b = malloc(sizeof *b + payload);
        if (!b) {
            fputs("stmpy: out of memory\n", stderr);
            abort();
        }
        b->prev = a->block;
        a->block = b;
        a->next = (char *)b->data;
        a->end = a->next + payload;
    }
    void *p = a->next;
    a->next += size;
    memset(p, 0, size);
    return p;
}

char *arena_strndup(Arena *a, const char *s, size_t n)
{
    char *p = arena_alloc(a, n + 1);
    memcpy(p, s, n);
    return p;
}

AstSeq *seq_new(Arena *a, int n)
{
    AstSeq *s = arena_alloc(a, sizeof *s + (size_t)n * sizeof(void *));
    s->n = n;
    return s;
}
