/*
** The _bisect module: bisect_left/right and insort_left/right (with lo,
** hi and key) over any sequence, list items read directly.
*/
#include "vm/mod_os.h"

static bool is_exact_list(Object *v) { return !is_small(v) && v->type == vm.t_list; }

static Object *item(Object *seq, intptr_t i)
{
    if (is_exact_list(seq)) {
        if ((size_t)i < list_size(seq))
            return list_get(seq, (size_t)i);
        return raise(vm.e_IndexError, "list index out of range");
    }
    return obj_getitem(seq, make_small(i));
}

/* The insertion point of x in seq[lo:hi] (right: after equal items). */
static intptr_t search(Object *seq, Object *x, intptr_t lo, intptr_t hi, Object *key, bool right)
{
    while (lo < hi) {
        intptr_t mid = (intptr_t)(((size_t)lo + (size_t)hi) / 2);
        Object *v = item(seq, mid);
        if (v && key && key != None)
            v = obj_call1(key, v);
        if (!v)
            return -1;
        int lt = right ? obj_richcompare_bool(x, v, CMP_LT) : obj_richcompare_bool(v, x, CMP_LT);
        if (lt < 0)
            return -1;
        if (right == (lt != 0))
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}

/* f(a, x, lo=0, hi=len(a), *, key=None): the bounds and the key. */
static int bisect_args(const char *fname, Object *const *args, size_t nargs, Object *kw,
                       Object **a, intptr_t *lo, intptr_t *hi, Object **key)
{
    static const char *const names[] = { "a", "x", "lo", "hi", "key", NULL };
    for (size_t k = 0; kw && k < tuple_size(kw); k++) {
        Object *name = tuple_get(kw, k);
        size_t i = 0;
        while (names[i] && !str_eq_cstr(name, names[i]))
            i++;
        if (!names[i]) {
            char nb[100];
            raise(vm.e_TypeError, "'%s' is an invalid keyword argument for %s()",
                  str_cstr(name, nb, sizeof nb), fname);
            return -1;
        }
    }
    if (args_parse(fname, args, nargs, kw, names, 2, 4, a) < 0)
        return -1;
    *lo = 0;
    *hi = -1;
    *key = a[4];
    if (a[2] && index_to_ssize(a[2], lo, false) < 0)
        return -1;
    if (*lo < 0) {
        raise(vm.e_ValueError, "lo must be non-negative");
        return -1;
    }
    if (a[3] && a[3] != None && index_to_ssize(a[3], hi, false) < 0)
        return -1;
    if (*hi == -1 && (*hi = obj_length(a[0])) < 0)
        return -1;
    return 0;
}

static Object *do_bisect(const char *fname, Object *const *args, size_t nargs, Object *kw,
                         bool right)
{
    Object *a[5], *key;
    intptr_t lo, hi;
    if (bisect_args(fname, args, nargs, kw, a, &lo, &hi, &key) < 0)
        return NULL;
    intptr_t r = search(a[0], a[1], lo, hi, key, right);
    return r < 0 ? NULL : make_small(r);
}

static Object *do_insort(const char *fname, Object *const *args, size_t nargs, Object *kw,
                         bool right)
{
    Object *a[5], *key;
    intptr_t lo, hi;
    if (bisect_args(fname, args, nargs, kw, a, &lo, &hi, &key) < 0)
        return NULL;
    Object *kx = key && key != None ? obj_call1(key, a[1]) : a[1];
    if (!kx)
        return NULL;
    intptr_t r = search(a[0], kx, lo, hi, key, right);
    if (r < 0)
        return NULL;
    Object *insert = obj_getattr_cstr(a[0], "insert");
    Object *call[2] = { make_small(r), a[1] };
    return insert && obj_call(insert, call, 2, NULL) ? None : NULL;
}

static Object *b_bisect_right(Object *s, Object *const *a, size_t n, Object *kw)
{
    return do_bisect("bisect_right", a, n, kw, true);
}
static Object *b_bisect_left(Object *s, Object *const *a, size_t n, Object *kw)
{
    return do_bisect("bisect_left", a, n, kw, false);
}
static Object *b_insort_right(Object *s, Object *const *a, size_t n, Object *kw)
{
    return do_insort("insort_right", a, n, kw, true);
}
static Object *b_insort_left(Object *s, Object *const *a, size_t n, Object *kw)
{
    return do_insort("insort_left", a, n, kw, false);
}

Object *bisect_module_init(void)
{
    static const MethodDef functions[] = {
        { "bisect_right", b_bisect_right, 0 }, { "bisect_left", b_bisect_left, 0 },
        { "insort_right", b_insort_right, 0 }, { "insort_left", b_insort_left, 0 },
        { NULL, NULL, 0 },
    };
    return os_module_new("_bisect", functions);
}
