/*
** list.sort and sorted(): a natural merge sort in the manner of timsort.
** Ascending and strictly descending runs are found (the latter reversed,
** which keeps the sort stable), short runs are extended to a minimum
** length by binary insertion, and runs are merged under timsort's stack
** invariants, so already ordered data costs n - 1 comparisons.  Only <
** is used, as in CPython, and equal items keep their order.
**
** During the sort the list is emptied, as CPython does: the key function
** or __lt__ then sees an empty list, and a change to the list is reported
** as "list modified during sort" afterwards.
*/
#include <stdlib.h>
#include <string.h>

#include "vm/runtime.h"

typedef struct { Object *key, *value; } Pair;

typedef int LessFn(Object *a, Object *b);   /* -1: error, else a < b */

static int less_generic(Object *a, Object *b) { return obj_richcompare_bool(a, b, CMP_LT); }

static int less_small(Object *a, Object *b) { return small_value(a) < small_value(b); }

static int less_float(Object *a, Object *b) { return float_value(a) < float_value(b); }

static int less_str(Object *a, Object *b)
{
    size_t na = str_len(a), nb = str_len(b), n = na < nb ? na : nb;
    for (size_t i = 0; i < n; i++) {
        uint32_t x = str_char(a, i), y = str_char(b, i);
        if (x != y)
            return x < y;
    }
    return na < nb;
}

/* The comparison for the keys: a direct one when they all have one type
   whose order is known here, so that the common cases skip dispatch. */
static LessFn *choose_less(Pair *a, size_t n)
{
    if (n == 0)
        return less_generic;
    bool small = true, flt = true, str = true;
    for (size_t i = 0; i < n && (small || flt || str); i++) {
        Object *k = a[i].key;
        small = small && is_small(k);
        flt = flt && !is_small(k) && k->type == vm.t_float;
        str = str && !is_small(k) && k->type == vm.t_str;
    }
    return small ? less_small : flt ? less_float : str ? less_str : less_generic;
}

typedef struct {
    Pair *a;
    Pair *tmp;
    LessFn *less;
} Sorter;

/* Sorts a[lo, hi) given that a[lo, start) is sorted. */
static int binary_insertion(Sorter *s, size_t lo, size_t hi, size_t start)
{
    Pair *a = s->a;
    for (size_t i = start; i < hi; i++) {
        Pair p = a[i];
        size_t l = lo, r = i;
        while (l < r) {
            size_t m = l + (r - l) / 2;
            int lt = s->less(p.key, a[m].key);
            if (lt < 0)
                return -1;
            if (lt)
                r = m;
            else
                l = m + 1;
        }
        memmove(&a[l + 1], &a[l], (i - l) * sizeof *a);
        a[l] = p;
    }
    return 0;
}

/* Length of the run starting at lo; a strictly descending one is
   reversed in place. */
static intptr_t count_run(Sorter *s, size_t lo, size_t hi)
{
    Pair *a = s->a;
    if (lo + 1 >= hi)
        return (intptr_t)(hi - lo);
    size_t i = lo + 1;
    int lt = s->less(a[i].key, a[lo].key);
    if (lt < 0)
        return -1;
    if (lt) {
        for (i++; i < hi; i++) {
            lt = s->less(a[i].key, a[i - 1].key);
            if (lt < 0)
                return -1;
            if (!lt)
                break;
        }
        for (size_t x = lo, y = i - 1; x < y; x++, y--) {
            Pair t = a[x];
            a[x] = a[y];
            a[y] = t;
        }
    } else {
        for (i++; i < hi; i++) {
            lt = s->less(a[i].key, a[i - 1].key);
            if (lt < 0)
                return -1;
            if (lt)
                break;
        }
    }
    return (intptr_t)(i - lo);
}

/* First index in a[lo, hi) whose key is > key (after the equal ones),
   found by galloping from the left then bisecting. */
static intptr_t gallop_right(Sorter *s, Object *key, size_t lo, size_t hi)
{
    Pair *a = s->a;
    size_t ofs = 1, last = lo;
    size_t probe = lo;
    while (probe < hi) {
        int lt = s->less(key, a[probe].key);
        if (lt < 0)
            return -1;
        if (lt)
            break;
        last = probe + 1;
        probe = lo + ofs;
        ofs = ofs * 2 + 1;
    }
    size_t l = last, r = probe < hi ? probe : hi;
    while (l < r) {
        size_t m = l + (r - l) / 2;
        int lt = s->less(key, a[m].key);
        if (lt < 0)
            return -1;
        if (lt)
            r = m;
        else
            l = m + 1;
    }
    return (intptr_t)l;
}

/* Merges the sorted runs a[lo, mid) and a[mid, hi). */
static int merge(Sorter *s, size_t lo, size_t mid, size_t hi)
{
    Pair *a = s->a;
    /* Items of the left run not greater than the right run's first stay. */
    intptr_t k = gallop_right(s, a[mid].key, lo, mid);
    if (k < 0)
        return -1;
    lo = (size_t)k;
    if (lo == mid)
        return 0;
    size_t n = mid - lo;
    memcpy(s->tmp, &a[lo], n * sizeof *a);
    size_t i = 0, j = mid, w = lo;
    while (i < n && j < hi) {
        int lt = s->less(a[j].key, s->tmp[i].key);
        if (lt < 0) {
            /* The left run's remaining items fill the gap exactly (it
               ends at j): nothing is lost. */
            memcpy(&a[w], &s->tmp[i], (n - i) * sizeof *a);
            return -1;
        }
        a[w++] = lt ? a[j++] : s->tmp[i++];
    }
    memcpy(&a[w], &s->tmp[i], (n - i) * sizeof *a);
    return 0;
}

static size_t min_run(size_t n)
{
    size_t r = 0;
    while (n >= 64) {
        r |= n & 1;
        n >>= 1;
    }
    return n + r;
}

static int timsort(Sorter *s, size_t n)
{
    size_t minrun = min_run(n);
    size_t base[90], len[90];
    int top = 0;
    for (size_t lo = 0; lo < n;) {
        intptr_t run = count_run(s, lo, n);
        if (run < 0)
            return -1;
        if ((size_t)run < minrun) {
            size_t force = n - lo < minrun ? n - lo : minrun;
            if (binary_insertion(s, lo, lo + force, lo + (size_t)run) < 0)
                return -1;
            run = (intptr_t)force;
        }
        base[top] = lo;
        len[top++] = (size_t)run;
        lo += (size_t)run;
        /* Keep len[i-2] > len[i-1] + len[i] and len[i-1] > len[i]. */
        while (top > 1) {
            int m = top - 2;
            if ((m > 0 && len[m - 1] <= len[m] + len[m + 1])
                || (m > 1 && len[m - 2] <= len[m - 1] + len[m])) {
                if (len[m - 1] < len[m + 1])
                    m--;
            } else if (len[m] > len[m + 1]) {
                break;
            }
            if (merge(s, base[m], base[m + 1], base[m + 1] + len[m + 1]) < 0)
                return -1;
            len[m] += len[m + 1];
            for (int i = m + 1; i < top - 1; i++) {
                base[i] = base[i + 1];
                len[i] = len[i + 1];
            }
            top--;
        }
    }
    while (top > 1) {
        int m = top - 2;
        if (m > 0 && len[m - 1] < len[m + 1])
            m--;
        if (merge(s, base[m], base[m + 1], base[m + 1] + len[m + 1]) < 0)
            return -1;
        len[m] += len[m + 1];
        for (int i = m + 1; i < top - 1; i++) {
            base[i] = base[i + 1];
            len[i] = len[i + 1];
        }
        top--;
    }
    return 0;
}

int list_sort(Object *l, Object *key, bool reverse)
{
    List *lp = (List *)l;
    obj_read(l);
    size_t n = lp->size;
    Array *items = lp->items;
    /* Pairs and merge space live in malloc memory, registered as roots so
       that the keys made by the key function stay alive. */
    size_t bytes = (2 * n + 1) * sizeof(Pair);
    Pair *a = calloc(2 * n + 1, sizeof *a);
    if (!a) {
        raise_no_memory();
        return -1;
    }
    stm_add_root_range(a, bytes);
    if (n)
        obj_read((Object *)items);
    for (size_t i = 0; i < n; i++)
        a[i].value = items->items[reverse ? n - 1 - i : i];
    obj_write(l);
    lp->items = NULL;
    lp->size = 0;
    int r = 0;
    for (size_t i = 0; i < n && key; i++) {
        a[i].key = obj_call1(key, a[i].value);
        if (!a[i].key) {
            r = -1;
            break;
        }
    }
    if (!key)
        for (size_t i = 0; i < n; i++)
            a[i].key = a[i].value;
    if (r == 0) {
        Sorter s = { a, a + n, choose_less(a, n) };
        r = timsort(&s, n);
    }
    /* The items go back whatever happened (CPython's list then holds a
       permutation of them too); the order is kept reversed when reverse. */
    obj_read(l);
    bool modified = lp->items != NULL || lp->size != 0;
    obj_write(l);
    lp->items = items;
    lp->size = n;
    for (size_t i = 0; i < n; i++) {
        stm_write_card((stm_obj *)items, i);
        items->items[i] = a[reverse ? n - 1 - i : i].value;
    }
    stm_remove_root_range(a);
    free(a);
    if (r == 0 && modified) {
        raise(vm.e_ValueError, "list modified during sort");
        return -1;
    }
    return r;
}
