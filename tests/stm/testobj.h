/*
** The object model of libstm's C tests: a few object types, their trace
** callbacks, and helpers to set libstm up with them.
*/
#ifndef TESTOBJ_H
#define TESTOBJ_H

#include "stm.h"
#include <stdlib.h>
#include <sys/resource.h>

enum { T_NODE = 1, T_ARRAY, T_BYTES, T_WEAK };

typedef STM_SEG struct node node;
struct node {
    struct stm_header hdr;
    node *left, *right;
    int64_t value;
};

typedef STM_SEG struct array array;
struct array {
    struct stm_header hdr;
    uint64_t length;
    stm_obj *items[];
};

typedef STM_SEG struct weak weak;
struct weak {
    struct stm_header hdr;
    stm_obj *target;             /* the weak slot */
};
#define WEAK_SLOT_OFFSET 8

/* Counters the tests look at. */
static size_t traced_items;          /* slots visited through trace_items */

static void test_trace(struct stm_header *obj, stm_visit_fn *visit, void *ctx)
{
    switch (obj->stm_type) {
    case T_NODE: {
        struct node *n = (struct node *)obj;
        visit((stm_obj **)&n->left, ctx);
        visit((stm_obj **)&n->right, ctx);
        break;
    }
    case T_ARRAY: {
        struct array *a = (struct array *)obj;
        for (uint64_t i = 0; i < a->length; i++)
            visit(&a->items[i], ctx);
        break;
    }
    default:
        break;
    }
}

static void test_trace_items(struct stm_header *obj, size_t from, size_t to,
                             stm_visit_fn *visit, void *ctx)
{
    struct array *a = (struct array *)obj;
    if (to > a->length)
        to = a->length;
    for (size_t i = from; i < to; i++) {
        traced_items++;
        visit(&a->items[i], ctx);
    }
}

static inline void test_setup(size_t heap_size)
{
    struct stm_config cfg = {
        .trace = test_trace,
        .trace_items = test_trace_items,
        .heap_size = heap_size,
    };
    if (!stm_setup(&cfg))
        exit(2);
}

static inline node *new_node(node *left, node *right, int64_t value)
{
    node *n = (node *)stm_allocate(sizeof(struct node), T_NODE);
    if (n) {
        n->left = left;
        n->right = right;
        n->value = value;
    }
    return n;
}

static inline array *new_array(uint64_t length)
{
    array *a = (array *)stm_allocate(sizeof(struct array) + length * sizeof(stm_obj *), T_ARRAY);
    if (a)
        a->length = length;
    return a;
}

static inline void set_item(array *a, uint64_t i, stm_obj *v)
{
    stm_write_card((stm_obj *)a, i);
    a->items[i] = v;
}

static inline void set_left(node *n, node *v)
{
    stm_write((stm_obj *)n);
    n->left = v;
}

static inline weak *new_weak(stm_obj *target)
{
    weak *w = (weak *)stm_allocate_weakref(sizeof(struct weak), T_WEAK, WEAK_SLOT_OFFSET);
    if (w)
        w->target = target;
    return w;
}

/* Peak resident set size of this process, in bytes. */
static inline size_t peak_rss(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (size_t)ru.ru_maxrss * 1024;
}

#endif
