/*
** list.sort and sorted(): a stable merge sort on (key, value) pairs,
** comparing with < only, as CPython's sort does.
*/
#include <stdlib.h>
#include <string.h>

#include "vm/runtime.h"

typedef struct { Object *key, *value; } Pair;

/* -1: error; else whether b < a (so that a comes first when equal). */
static int less(Object *a, Object *b)
{
    return obj_richcompare_bool(a, b, CMP_LT);
}

static int merge_sort(Pair *a, Pair *tmp, size_t n)
{
    if (n < 2)
        return 0;
    size_t mid = n / 2;
    if (merge_sort(a, tmp, mid) < 0 || merge_sort(a + mid, tmp, n - mid) < 0)
        return -1;
    size_t i = 0, j = mid, k = 0;
    while (i < mid && j < n) {
        int lt = less(a[j].key, a[i].key);
        if (lt < 0)
            return -1;
        tmp[k++] = lt ? a[j++] : a[i++];
    }
    while (i < mid)
        tmp[k++] = a[i++];
    while (j < n)
        tmp[k++] = a[j++];
    memcpy(a, tmp, n * sizeof *a);
    return 0;
}

int list_sort(Object *l, Object *key, bool reverse)
{
    size_t n = list_size(l);
    /* The pairs live in malloc memory: register them so that keys made
       by the key function stay alive during the sort. */
    Pair *a = calloc(2 * n + 1, sizeof *a);
    if (!a) {
        raise_no_memory();
        return -1;
    }
    stm_add_root_range(a, (2 * n + 1) * sizeof *a);
    int r = 0;
    for (size_t i = 0; i < n; i++) {
        a[i].value = list_get(l, reverse ? n - 1 - i : i);
        a[i].key = key ? obj_call1(key, a[i].value) : a[i].value;
        a[n + i].key = a[n + i].value = NULL;
        if (!a[i].key) {
            r = -1;
            break;
        }
    }
    if (r == 0)
        r = merge_sort(a, a + n, n);
    if (r == 0)
        for (size_t i = 0; i < n; i++)
            list_set(l, i, a[reverse ? n - 1 - i : i].value);
    stm_remove_root_range(a);
    free(a);
    return r;
}
