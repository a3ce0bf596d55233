/*
** The _heapq module: the heap operations of heapq.py on a list, in C
** (heapq.py keeps its Python versions for what is not found here).  Items
** are compared with `<` only; a comparison may run Python code that
** changes the list, which is then an error, as in CPython.
*/
#include "vm/eval.h"
#include "vm/mod_os.h"

static bool is_list(Object *v)
{
    return !is_small(v) && type_is_subtype(v->type, vm.t_list);
}

/* The heap argument of fname, its only one when `only`. */
static int check_heap(const char *fname, Object *heap, bool only)
{
    if (!is_list(heap)) {
        raise(vm.e_TypeError, "%s() argument %smust be list, not %s", fname, only ? "" : "1 ",
              type_name(type_of(heap)));
        return -1;
    }
    return 0;
}

/* a < b, or b < a for the max-heap variants. */
static int less(Object *a, Object *b, bool max)
{
    return max ? obj_richcompare_bool(b, a, CMP_LT) : obj_richcompare_bool(a, b, CMP_LT);
}

static int changed(Object *heap, size_t n)
{
    if (list_size(heap) != n) {
        raise(vm.e_RuntimeError, "list changed size during iteration");
        return -1;
    }
    return 0;
}

/* Moves the item at pos up towards start while it is smaller than its
   parent. */
static int sift_down(Object *heap, size_t start, size_t pos, bool max)
{
    size_t n = list_size(heap);
    Object *item = list_get(heap, pos);
    while (pos > start) {
        size_t parent = (pos - 1) >> 1;
        Object *p = list_get(heap, parent);
        int lt = less(item, p, max);
        if (lt < 0 || changed(heap, n) < 0)
            return -1;
        if (!lt)
            break;
        /* Items may have moved during the comparison: swap what is there. */
        p = list_get(heap, parent);
        item = list_get(heap, pos);
        list_set(heap, parent, item);
        list_set(heap, pos, p);
        pos = parent;
    }
    return 0;
}

/* Moves the smaller child up until pos is a leaf, then the item there
   down to its place (the bottom-up variant: fewer comparisons). */
static int sift_up(Object *heap, size_t pos, bool max)
{
    size_t n = list_size(heap), start = pos, limit = n >> 1;
    while (pos < limit) {
        size_t child = 2 * pos + 1;
        if (child + 1 < n) {
            int lt = less(list_get(heap, child), list_get(heap, child + 1), max);
            if (lt < 0 || changed(heap, n) < 0)
                return -1;
            if (!lt)
                child++;
        }
        Object *c = list_get(heap, child), *p = list_get(heap, pos);
        list_set(heap, child, p);
        list_set(heap, pos, c);
        pos = child;
    }
    return sift_down(heap, start, pos, max);
}

static Object *hq_heappush(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("heappush", kw, nargs, 2) < 0 || check_heap("heappush", args[0], false) < 0
        || list_append(args[0], args[1]) < 0
        || sift_down(args[0], 0, list_size(args[0]) - 1, false) < 0)
        return NULL;
    return None;
}

static Object *pop(Object *heap, bool max)
{
    size_t n = list_size(heap);
    if (n == 0)
        return raise(vm.e_IndexError, "index out of range");
    Object *last = list_get(heap, n - 1);
    if (list_delete_range(heap, n - 1, n) < 0)
        return NULL;
    if (n == 1)
        return last;
    Object *top = list_get(heap, 0);
    list_set(heap, 0, last);
    return sift_up(heap, 0, max) < 0 ? NULL : top;
}

static Object *hq_heappop(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_no_kw("heappop", kw) < 0 || args_count("_heapq.heappop", nargs, 1, 1) < 0
        || check_heap("heappop", args[0], true) < 0)
        return NULL;
    return pop(args[0], false);
}

static Object *replace(Object *heap, Object *item, bool max)
{
    if (list_size(heap) == 0)
        return raise(vm.e_IndexError, "index out of range");
    Object *top = list_get(heap, 0);
    list_set(heap, 0, item);
    return sift_up(heap, 0, max) < 0 ? NULL : top;
}

static Object *hq_heapreplace(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("heapreplace", kw, nargs, 2) < 0 || check_heap("heapreplace", args[0], false) < 0)
        return NULL;
    return replace(args[0], args[1], false);
}

static Object *hq_heappushpop(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("heappushpop", kw, nargs, 2) < 0 || check_heap("heappushpop", args[0], false) < 0)
        return NULL;
    Object *heap = args[0], *item = args[1];
    if (list_size(heap) == 0)
        return item;
    int lt = less(list_get(heap, 0), item, false);
    if (lt < 0)
        return NULL;
    if (!lt)
        return item;
    if (list_size(heap) == 0)
        return raise(vm.e_IndexError, "index out of range");
    return replace(heap, item, false);
}

static Object *heapify(Object *heap, bool max)
{
    for (size_t i = list_size(heap) / 2; i-- > 0;)
        if (sift_up(heap, i, max) < 0)
            return NULL;
    return None;
}

static Object *hq_heapify(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_no_kw("heapify", kw) < 0 || args_count("_heapq.heapify", nargs, 1, 1) < 0
        || check_heap("heapify", args[0], true) < 0)
        return NULL;
    return heapify(args[0], false);
}

static Object *hq_heappop_max(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_no_kw("_heappop_max", kw) < 0 || args_count("_heapq._heappop_max", nargs, 1, 1) < 0
        || check_heap("_heappop_max", args[0], true) < 0)
        return NULL;
    return pop(args[0], true);
}

static Object *hq_heapreplace_max(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("_heapreplace_max", kw, nargs, 2) < 0 || check_heap("_heapreplace_max", args[0], false) < 0)
        return NULL;
    return replace(args[0], args[1], true);
}

static Object *hq_heapify_max(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_no_kw("_heapify_max", kw) < 0 || args_count("_heapq._heapify_max", nargs, 1, 1) < 0
        || check_heap("_heapify_max", args[0], true) < 0)
        return NULL;
    return heapify(args[0], true);
}

Object *heapq_module_init(void)
{
    static const MethodDef functions[] = {
        { "heappush", hq_heappush, 0 }, { "heappop", hq_heappop, 0 },
        { "heapreplace", hq_heapreplace, 0 }, { "heappushpop", hq_heappushpop, 0 },
        { "heapify", hq_heapify, 0 }, { "_heappop_max", hq_heappop_max, 0 },
        { "_heapreplace_max", hq_heapreplace_max, 0 }, { "_heapify_max", hq_heapify_max, 0 },
        { NULL, NULL, 0 },
    };
    Object *m = os_module_new("_heapq", functions);
    if (m)
        os_module_add(m, "__about__", str_from_cstr("Heap queues"));
    return m;
}
