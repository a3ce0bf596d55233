/*
** The itertools module.  Every iterator is an Iter (seq, aux, aux2 and
** three C integers); state that needs more references lives in a list
** held by aux or aux2, so that it is heap memory like the rest (rolled
** back on abort, traced by the collector).  The combinatoric iterators
** keep their index vectors as lists of small ints for the same reason.
*/
#include "vm/container.h"

enum {
    IT_COUNT, IT_CYCLE, IT_REPEAT, IT_ACCUMULATE, IT_CHAIN, IT_COMPRESS, IT_DROPWHILE,
    IT_FILTERFALSE, IT_GROUPBY, IT_GROUPER, IT_ISLICE, IT_PAIRWISE, IT_STARMAP,
    IT_TAKEWHILE, IT_TEE, IT_ZIP_LONGEST, IT_PRODUCT, IT_PERMUTATIONS, IT_COMBINATIONS,
    IT_CWR, IT_NTYPES
};
static Type *types[IT_NTYPES];

static Iter *iter_alloc(Object *cls)
{
    return (Iter *)vm_alloc(sizeof(struct Iter), L_ITER, (Type *)cls);
}

static inline Iter *it_write(Object *o)
{
    obj_write(o);
    return (Iter *)o;
}

static inline intptr_t small_at(Object *l, size_t i) { return small_value(list_get(l, i)); }
static inline void small_set(Object *l, size_t i, intptr_t v) { list_set(l, i, make_small(v)); }


/* ---- count ----------------------------------------------------------------------- */

static bool is_number(Object *v)
{
    Type *t = type_of(v);
    return is_small(v) || is_int(v) || is_float(v) || t == vm.t_complex || t->binary[NB_ADD];
}

static Object *count_new(Object *cls, Object *const *args, size_t nargs, Object *kw)
{
    static const char *const names[] = { "start", "step", NULL };
    Object *out[2];
    if (args_parse("count", args, nargs, kw, names, 0, 2, out) < 0)
        return NULL;
    Object *start = out[0] ? out[0] : make_small(0), *step = out[1] ? out[1] : make_small(1);
    if (!is_number(start) || !is_number(step) || is_str(start) || is_str(step))
        return raise(vm.e_TypeError, "a number is required");
    Iter *it = iter_alloc(cls);
    if (it) {
        it->seq = start;
        it->aux = step;
    }
    return (Object *)it;
}

static Object *count_next(Object *o)
{
    obj_read(o);
    Object *cur = ((Iter *)o)->seq;
    Object *nx = obj_binary(cur, ((Iter *)o)->aux, NB_ADD);
    if (!nx)
        return NULL;
    it_write(o)->seq = nx;
    return cur;
}

static Object *count_repr(Object *o)
{
    obj_read(o);
    Iter *it = (Iter *)o;
    Object *a = obj_repr(it->seq);
    if (!a)
        return NULL;
    char b1[200], b2[200];
    if (is_small(it->aux) && small_value(it->aux) == 1)
        return str_format("%s(%s)", type_bare_name(type_of(o)), str_cstr(a, b1, sizeof b1));
    Object *b = obj_repr(it->aux);
    return b ? str_format("%s(%s, %s)", type_bare_name(type_of(o)), str_cstr(a, b1, sizeof b1),
                          str_cstr(b, b2, sizeof b2)) : NULL;
}

/* ---- cycle, repeat ------------------------------------------------------------------ */

static Object *cycle_new(Object *cls, Object *const *args, size_t nargs, Object *kw)
{
    if (args_no_kw("cycle", kw) < 0 || args_count("cycle", nargs, 1, 1) < 0)
        return NULL;
    Object *src = obj_iter(args[0]), *saved = src ? list_new(0) : NULL;
    Iter *it = saved ? iter_alloc(cls) : NULL;
    if (it) {
        it->seq = src;
        it->aux = saved;
    }
    return (Object *)it;
}

static Object *cycle_next(Object *o)
{
    obj_read(o);
    Iter *it = (Iter *)o;
    if (!it->step) {
        Object *v = obj_next(it->seq);
        if (v)
            return list_append(it->aux, v) < 0 ? NULL : v;
        if (exc_occurred())
            return NULL;
        it_write(o)->step = 1;
    }
    size_t n = list_size(it->aux);
    if (n == 0)
        return NULL;
    size_t i = (size_t)it->index % n;
    it_write(o)->index = (intptr_t)((i + 1) % n);
    return list_get(it->aux, i);
}

static Object *repeat_new(Object *cls, Object *const *args, size_t nargs, Object *kw)
{
    static const char *const names[] = { "object", "times", NULL };
    Object *out[2];
    if (args_parse("repeat", args, nargs, kw, names, 1, 2, out) < 0)
        return NULL;
    intptr_t times = -1;
    if (out[1]) {
        if (index_to_ssize(out[1], &times, true) < 0)
            return NULL;
        if (times < 0)
            times = 0;
    }
    Iter *it = iter_alloc(cls);
    if (it) {
        it->seq = out[0];
        it->index = times;
    }
    return (Object *)it;
}

static Object *repeat_next(Object *o)
{
    obj_read(o);
    Iter *it = (Iter *)o;
    if (it->index == 0)
        return NULL;
    if (it->index > 0)
        it_write(o)->index--;
    return it->seq;
}

static Object *repeat_repr(Object *o)
{
    Iter *it = (Iter *)o;
    obj_read(o);
    Object *r = obj_repr(it->seq);
    char b[300];
    if (!r)
        return NULL;
    if (it->index < 0)
        return str_format("%s(%s)", type_bare_name(type_of(o)), str_cstr(r, b, sizeof b));
    return str_format("%s(%s, %zd)", type_bare_name(type_of(o)), str_cstr(r, b, sizeof b), it->index);
}

static Object *repeat_length_hint(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    obj_read(self);
    intptr_t n = ((Iter *)self)->index;
    if (n < 0)
        return raise(vm.e_TypeError, "len() of unsized object");
    return make_small(n);
}

/* ---- accumulate ------------------------------------------------------------------------ */

static Object *accumulate_new(Object *cls, Object *const *args, size_t nargs, Object *kw)
{
    static const char *const names[] = { "iterable", "func", "initial", NULL };
    Object *out[3];
    if (args_parse("accumulate", args, nargs, kw, names, 1, 2, out) < 0)
        return NULL;
    Object *src = obj_iter(out[0]);
    Iter *it = src ? iter_alloc(cls) : NULL;
    if (it) {
        it->seq = src;
        it->aux = out[1] && out[1] != None ? out[1] : NULL;
        if (out[2] && out[2] != None) {
            it->aux2 = out[2];
            it->index = 1;          /* yield the initial value first */
        }
    }
    return (Object *)it;
}

static Object *accumulate_next(Object *o)
{
    obj_read(o);
    Iter *it = (Iter *)o;
    if (it->index) {
        it_write(o)->index = 0;
        return it->aux2;
    }
    Object *v = obj_next(it->seq);
    if (!v)
        return NULL;
    if (it->aux2) {
        v = it->aux ? obj_call(it->aux, (Object *[]){ it->aux2, v }, 2, NULL)
                    : obj_binary(it->aux2, v, NB_ADD);
        if (!v)
            return NULL;
    }
    it_write(o)->aux2 = v;
    return v;
}

/* ---- chain ------------------------------------------------------------------------------- */

static Object *chain_make(Object *cls, Object *source)
{
    Object *src = obj_iter(source);
    Iter *it = src ? iter_alloc(cls) : NULL;
    if (it)
        it->seq = src;
    return (Object *)it;
}

static Object *chain_new(Object *cls, Object *const *args, size_t nargs, Object *kw)
{
    if (args_no_kw("chain", kw) < 0)
        return NULL;
    Object *t = tuple_from_array(args, nargs);
    return t ? chain_make(cls, t) : NULL;
}

static Object *chain_from_iterable(Object *cls, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("from_iterable", kw, nargs, 1) < 0)
        return NULL;
    return chain_make(cls, args[0]);
}

static Object *chain_next(Object *o)
{
    obj_read(o);
    Iter *it = (Iter *)o;
    for (;;) {
        if (!it->seq)
            return NULL;
        if (!it->aux) {
            Object *next_iterable = obj_next(it->seq);
            if (!next_iterable) {
                if (!exc_occurred())
                    it_write(o)->seq = NULL;
                return NULL;
            }
            Object *sub = obj_iter(next_iterable);
            if (!sub)
                return NULL;
            it_write(o)->aux = sub;
        }
        Object *v = obj_next(it->aux);
        if (v || exc_occurred())
            return v;
        it_write(o)->aux = NULL;
    }
}

/* ---- compress, dropwhile, takewhile, filterfalse, starmap, pairwise --------------------- */

static Object *compress_new(Object *cls, Object *const *args, size_t nargs, Object *kw)
{
    static const char *const names[] = { "data", "selectors", NULL };
    Object *out[2];
    if (args_parse("compress", args, nargs, kw, names, 2, 2, out) < 0)
        return NULL;
    Object *d = obj_iter(out[0]), *s = d ? obj_iter(out[1]) : NULL;
    Iter *it = s ? iter_alloc(cls) : NULL;
    if (it) {
        it->seq = d;
        it->aux = s;
    }
    return (Object *)it;
}

static Object *compress_next(Object *o)
{
    obj_read(o);
    Iter *it = (Iter *)o;
    for (;;) {
        Object *d = obj_next(it->seq);
        if (!d)
            return NULL;
        Object *s = obj_next(it->aux);
        if (!s)
            return NULL;
        int t = obj_truth(s);
        if (t < 0)
            return NULL;
        if (t)
            return d;
    }
}

/* predicate-and-iterable constructors: aux the function, seq the iterator. */
static Object *pred_new(Object *cls, Object *const *args, size_t nargs, Object *kw,
                        const char *name)
{
    if (args_no_kw(name, kw) < 0 || args_count(name, nargs, 2, 2) < 0)
        return NULL;
    Object *src = obj_iter(args[1]);
    Iter *it = src ? iter_alloc(cls) : NULL;
    if (it) {
        it->seq = src;
        it->aux = args[0];
    }
    return (Object *)it;
}

#define PRED_NEW(fn, name)                                                              \
    static Object *fn(Object *cls, Object *const *args, size_t nargs, Object *kw)       \
    {                                                                                   \
        return pred_new(cls, args, nargs, kw, name);                                    \
    }
PRED_NEW(dropwhile_new, "dropwhile")
PRED_NEW(takewhile_new, "takewhile")
PRED_NEW(filterfalse_new, "filterfalse")
PRED_NEW(starmap_new, "starmap")

/* -1 error, else the truth of pred(v). */
static int pred_true(Object *pred, Object *v)
{
    Object *r = pred == None ? v : obj_call1(pred, v);
    return r ? obj_truth(r) : -1;
}

static Object *dropwhile_next(Object *o)
{
    obj_read(o);
    Iter *it = (Iter *)o;
    for (;;) {
        Object *v = obj_next(it->seq);
        if (!v || it->step)
            return v;
        int t = pred_true(it->aux, v);
        if (t < 0)
            return NULL;
        if (!t) {
            it_write(o)->step = 1;
            return v;
        }
    }
}

static Object *takewhile_next(Object *o)
{
    obj_read(o);
    Iter *it = (Iter *)o;
    if (it->step)
        return NULL;
    Object *v = obj_next(it->seq);
    if (!v)
        return NULL;
    int t = pred_true(it->aux, v);
    if (t < 0)
        return NULL;
    if (t)
        return v;
    it_write(o)->step = 1;
    return NULL;
}

static Object *filterfalse_next(Object *o)
{
    obj_read(o);
    Iter *it = (Iter *)o;
    for (;;) {
        Object *v = obj_next(it->seq);
        if (!v)
            return NULL;
        int t = pred_true(it->aux, v);
        if (t < 0)
            return NULL;
        if (!t)
            return v;
    }
}

static Object *starmap_next(Object *o)
{
    obj_read(o);
    Iter *it = (Iter *)o;
    Object *v = obj_next(it->seq);
    if (!v)
        return NULL;
    Object *a = tuple_value(v);
    if (!a) {
        Object *l = list_from_iterable(v);
        a = l ? list_as_tuple(l) : NULL;
        if (!a)
            return NULL;
    }
    size_t n = tuple_size(a);
    Object *argv[n + 1];
    for (size_t i = 0; i < n; i++)
        argv[i] = tuple_get(a, i);
    return obj_call(it->aux, argv, n, NULL);
}

static Object *pairwise_new(Object *cls, Object *const *args, size_t nargs, Object *kw)
{
    if (args_no_kw("pairwise", kw) < 0 || args_count("pairwise", nargs, 1, 1) < 0)
        return NULL;
    Object *src = obj_iter(args[0]);
    Iter *it = src ? iter_alloc(cls) : NULL;
    if (it)
        it->seq = src;
    return (Object *)it;
}

static Object *pairwise_next(Object *o)
{
    obj_read(o);
    Iter *it = (Iter *)o;
    if (!it->seq)
        return NULL;
    Object *old = it->aux;
    if (!old) {
        old = obj_next(it->seq);
        if (!old) {
            if (!exc_occurred())
                it_write(o)->seq = NULL;
            return NULL;
        }
    }
    Object *v = obj_next(it->seq);
    if (!v) {
        if (!exc_occurred()) {
            it_write(o)->seq = NULL;
            it->aux = NULL;
        }
        return NULL;
    }
    it_write(o)->aux = v;
    return tuple_pack(2, old, v);
}

/* ---- groupby ------------------------------------------------------------------------------
   seq the iterator, aux the key function (NULL: identity), aux2 a list
   [tgtkey, currkey, currvalue, currgrouper] whose items may be NULL. */
enum { GB_TGT, GB_CURRKEY, GB_CURRVALUE, GB_GROUPER };

static Object *groupby_new(Object *cls, Object *const *args, size_t nargs, Object *kw)
{
    static const char *const names[] = { "iterable", "key", NULL };
    Object *out[2];
    if (args_parse("groupby", args, nargs, kw, names, 1, 2, out) < 0)
        return NULL;
    Object *src = obj_iter(out[0]), *st = src ? list_new(4) : NULL;
    Iter *it = st ? iter_alloc(cls) : NULL;
    if (!it)
        return NULL;
    for (size_t i = 0; i < 4; i++)
        list_set(st, i, NULL);
    it->seq = src;
    it->aux = out[1] && out[1] != None ? out[1] : NULL;
    it->aux2 = st;
    return (Object *)it;
}

static int groupby_step(Iter *g)
{
    Object *v = obj_next(g->seq);
    if (!v)
        return -1;
    Object *k = g->aux ? obj_call1(g->aux, v) : v;
    if (!k)
        return -1;
    list_set(g->aux2, GB_CURRVALUE, v);
    list_set(g->aux2, GB_CURRKEY, k);
    return 0;
}

static Object *groupby_next(Object *o)
{
    obj_read(o);
    Iter *g = (Iter *)o;
    Object *st = g->aux2;
    list_set(st, GB_GROUPER, NULL);
    for (;;) {
        Object *ck = list_get(st, GB_CURRKEY), *tk = list_get(st, GB_TGT);
        if (ck) {
            if (!tk)
                break;
            int eq = obj_richcompare_bool(tk, ck, CMP_EQ);
            if (eq < 0)
                return NULL;
            if (!eq)
                break;
        }
        if (groupby_step(g) < 0)
            return NULL;
    }
    Object *key = list_get(st, GB_CURRKEY);
    list_set(st, GB_TGT, key);
    Iter *gr = iter_alloc((Object *)types[IT_GROUPER]);
    if (!gr)
        return NULL;
    gr->seq = o;
    gr->aux = key;
    list_set(st, GB_GROUPER, (Object *)gr);
    return tuple_pack(2, key, (Object *)gr);
}

static Object *grouper_next(Object *o)
{
    Iter *gr = (Iter *)o;
    Iter *g = (Iter *)gr->seq;
    obj_read((Object *)g);
    Object *st = g->aux2;
    if (list_get(st, GB_GROUPER) != o)
        return NULL;
    if (!list_get(st, GB_CURRVALUE) && groupby_step(g) < 0)
        return NULL;
    int eq = obj_richcompare_bool(gr->aux, list_get(st, GB_CURRKEY), CMP_EQ);
    if (eq <= 0)
        return NULL;
    Object *v = list_get(st, GB_CURRVALUE);
    list_set(st, GB_CURRVALUE, NULL);
    return v;
}

/* ---- islice: index = items consumed, end = stop (-1: none), step; aux the
   next index to yield (a small int). */

static int islice_arg(Object *v, intptr_t *out, const char *msg)
{
    if (v == None)
        return 0;
    if (!(is_small(v) || is_int(v) || type_of(v)->unary[UN_INDEX])) {
        raise(vm.e_ValueError, "%s", msg);
        return -1;
    }
    if (index_to_ssize(v, out, true) < 0)
        return -1;
    if (*out < 0) {
        raise(vm.e_ValueError, "%s", msg);
        return -1;
    }
    return 1;
}

static Object *islice_new(Object *cls, Object *const *args, size_t nargs, Object *kw)
{
    if (args_no_kw("islice", kw) < 0 || args_count("islice", nargs, 2, 4) < 0)
        return NULL;
    intptr_t start = 0, stop = -1, step = 1;
    static const char stop_msg[] = "Stop argument for islice() must be None or an integer: "
                                   "0 <= x <= sys.maxsize.";
    static const char idx_msg[] = "Indices for islice() must be None or an integer: "
                                  "0 <= x <= sys.maxsize.";
    if (nargs == 2) {
        if (islice_arg(args[1], &stop, stop_msg) < 0)
            return NULL;
    } else {
        if (islice_arg(args[1], &start, idx_msg) < 0 || islice_arg(args[2], &stop, idx_msg) < 0)
            return NULL;
        if (nargs == 4) {
            int r = islice_arg(args[3], &step, "x");
            if (r < 0 || step == 0) {
                if (r < 0)
                    exc_clear();
                return raise(vm.e_ValueError,
                             "Step for islice() must be a positive integer or None.");
            }
        }
    }
    Object *src = obj_iter(args[0]);
    Iter *it = src ? iter_alloc(cls) : NULL;
    if (it) {
        it->seq = src;
        it->aux = make_small(start);
        it->end = stop;
        it->step = step;
    }
    return (Object *)it;
}

static Object *islice_next(Object *o)
{
    obj_read(o);
    Iter *it = (Iter *)o;
    if (!it->seq)
        return NULL;
    intptr_t next = small_value(it->aux), stop = it->end;
    while (it->index < next) {
        Object *v = obj_next(it->seq);
        if (!v)
            goto empty;
        it_write(o)->index++;
    }
    if (stop != -1 && it->index >= stop)
        goto empty;
    Object *v = obj_next(it->seq);
    if (!v)
        goto empty;
    it_write(o)->index++;
    intptr_t nn = next + it->step;
    if (nn < next || (stop != -1 && nn > stop))
        nn = stop;
    it->aux = make_small(nn);
    return v;
empty:
    if (!exc_occurred())
        it_write(o)->seq = NULL;
    return NULL;
}

/* ---- tee: a shared linked list of nodes [value, next]; each tee object
   holds the source iterator (seq) and the last node it consumed (aux). */

static Object *tee_from(Object *src, Object *node)
{
    Iter *t = iter_alloc((Object *)types[IT_TEE]);
    if (t) {
        t->seq = src;
        t->aux = node;
    }
    return (Object *)t;
}

static Object *tee_next(Object *o)
{
    obj_read(o);
    Iter *t = (Iter *)o;
    Object *node = t->aux, *next = list_get(node, 1);
    if (!next) {
        Object *v = obj_next(t->seq);
        if (!v)
            return NULL;
        next = list_new(2);
        if (!next)
            return NULL;
        list_set(next, 0, v);
        list_set(next, 1, NULL);
        list_set(node, 1, next);
    }
    it_write(o)->aux = next;
    return list_get(next, 0);
}

static Object *tee_copy(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    obj_read(self);
    return tee_from(((Iter *)self)->seq, ((Iter *)self)->aux);
}

static Object *tee_tp_new(Object *cls, Object *const *args, size_t nargs, Object *kw)
{
    if (args_no_kw("_tee", kw) < 0 || args_count("_tee", nargs, 1, 1) < 0)
        return NULL;
    if (type_of(args[0]) == types[IT_TEE])
        return tee_copy(args[0], NULL, 0, NULL);
    Object *src = obj_iter(args[0]), *node = src ? list_new(2) : NULL;
    if (!node)
        return NULL;
    list_set(node, 1, NULL);
    return tee_from(src, node);
}

static Object *f_tee(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_no_kw("tee", kw) < 0 || args_count("tee", nargs, 1, 2) < 0)
        return NULL;
    intptr_t n = 2;
    if (nargs == 2 && index_to_ssize(args[1], &n, false) < 0)
        return NULL;
    if (n < 0)
        return raise(vm.e_ValueError, "n must be >= 0");
    Object *r = tuple_new((size_t)n);
    if (!r || n == 0)
        return r;
    /* An iterator that can copy itself (a tee) is used as the first. */
    Object *first = obj_iter(args[0]);
    if (first && !type_lookup(type_of(first), intern_cstr("__copy__")))
        first = tee_tp_new((Object *)types[IT_TEE], &first, 1, NULL);
    if (!first)
        return NULL;
    tuple_fill(r, 0, first);
    for (intptr_t i = 1; i < n; i++) {
        Object *cm = obj_getattr_cstr(first, "__copy__");
        Object *c = cm ? obj_call0(cm) : NULL;
        if (!c)
            return NULL;
        tuple_fill(r, (size_t)i, c);
    }
    return r;
}

/* ---- zip_longest: seq a list of iterators (NULL once exhausted), aux the
   fill value, index the number still active. */

static Object *zip_longest_new(Object *cls, Object *const *args, size_t nargs, Object *kw)
{
    Object *fill = None;
    size_t nkw = kw ? tuple_size(kw) : 0;
    for (size_t i = 0; i < nkw; i++) {
        if (!str_eq_cstr(tuple_get(kw, i), "fillvalue"))
            return raise(vm.e_TypeError, "zip_longest() got an unexpected keyword argument");
        fill = args[nargs + i];
    }
    Object *its = list_new(nargs);
    for (size_t i = 0; its && i < nargs; i++) {
        Object *it = obj_iter(args[i]);
        if (!it)
            return NULL;
        list_set(its, i, it);
    }
    Iter *z = its ? iter_alloc(cls) : NULL;
    if (z) {
        z->seq = its;
        z->aux = fill;
        z->index = (intptr_t)nargs;
    }
    return (Object *)z;
}

static Object *zip_longest_next(Object *o)
{
    obj_read(o);
    Iter *z = (Iter *)o;
    size_t n = list_size(z->seq);
    if (n == 0 || z->index == 0)
        return NULL;
    Object *r = tuple_new(n);
    if (!r)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        Object *it = list_get(z->seq, i), *v = NULL;
        if (it) {
            v = obj_next(it);
            if (!v) {
                if (exc_occurred())
                    return NULL;
                list_set(z->seq, i, NULL);
                if (--it_write(o)->index == 0)
                    return NULL;
            }
        }
        tuple_fill(r, i, v ? v : z->aux);
    }
    return r;
}

/* ---- the combinatoric iterators: seq the pool (a tuple, or a tuple of
   pools for product), aux the indices, aux2 the cycles (permutations),
   end = r, index 0 before the first result, step 1 once exhausted. */

static Object *pool_of(Object *iterable)
{
    Object *t = tuple_value(iterable);
    if (t)
        return t;
    Object *l = list_from_iterable(iterable);
    return l ? list_as_tuple(l) : NULL;
}

static Object *indices_new(size_t n, intptr_t first, intptr_t inc)
{
    Object *l = list_new(n);
    for (size_t i = 0; l && i < n; i++)
        small_set(l, i, first + (intptr_t)i * inc);
    return l;
}

static Object *pick(Object *pool, Object *indices, size_t r)
{
    Object *t = tuple_new(r);
    for (size_t i = 0; t && i < r; i++)
        tuple_init_item(t, i, tuple_get(pool, (size_t)small_at(indices, i)));
    return t;
}

static Object *combo_alloc(Object *cls, Object *pool, Object *indices, Object *cycles,
                           intptr_t r, bool empty)
{
    Iter *it = iter_alloc(cls);
    if (it) {
        it->seq = pool;
        it->aux = indices;
        it->aux2 = cycles;
        it->end = r;
        it->step = empty;
    }
    return (Object *)it;
}

/* r argument: None (default) or a non-negative int. */
static int r_arg(Object *v, intptr_t dflt, intptr_t *out)
{
    *out = dflt;
    if (!v || v == None)
        return 0;
    if (!is_int(v) && !is_small(v)) {
        raise(vm.e_TypeError, "Expected int as r");
        return -1;
    }
    if (index_to_ssize(v, out, true) < 0)
        return -1;
    if (*out < 0) {
        raise(vm.e_ValueError, "r must be non-negative");
        return -1;
    }
    return 0;
}

static Object *product_new(Object *cls, Object *const *args, size_t nargs, Object *kw)
{
    intptr_t repeat = 1;
    size_t nkw = kw ? tuple_size(kw) : 0;
    for (size_t i = 0; i < nkw; i++) {
        if (!str_eq_cstr(tuple_get(kw, i), "repeat"))
            return raise(vm.e_TypeError, "product() got an unexpected keyword argument");
        if (index_to_ssize(args[nargs + i], &repeat, true) < 0)
            return NULL;
        if (repeat < 0)
            return raise(vm.e_ValueError, "repeat argument cannot be negative");
    }
    size_t n = nargs * (size_t)repeat;
    Object *pools = tuple_new(n);
    bool empty = false;
    for (size_t i = 0; pools && i < nargs; i++) {
        Object *p = pool_of(args[i]);
        if (!p)
            return NULL;
        empty = empty || tuple_size(p) == 0;
        for (intptr_t k = 0; k < repeat; k++)
            tuple_fill(pools, (size_t)k * nargs + i, p);
    }
    Object *ind = pools ? indices_new(n, 0, 0) : NULL;
    return ind ? combo_alloc(cls, pools, ind, NULL, (intptr_t)n, empty) : NULL;
}

static Object *product_result(Object *pools, Object *ind, size_t n)
{
    Object *t = tuple_new(n);
    for (size_t i = 0; t && i < n; i++)
        tuple_init_item(t, i, tuple_get(tuple_get(pools, i), (size_t)small_at(ind, i)));
    return t;
}

static Object *product_next(Object *o)
{
    obj_read(o);
    Iter *it = (Iter *)o;
    if (it->step)
        return NULL;
    size_t n = (size_t)it->end;
    if (!it->index) {
        it_write(o)->index = 1;
        return product_result(it->seq, it->aux, n);
    }
    size_t i = n;
    while (i-- > 0) {
        intptr_t k = small_at(it->aux, i) + 1;
        if ((size_t)k < tuple_size(tuple_get(it->seq, i))) {
            small_set(it->aux, i, k);
            return product_result(it->seq, it->aux, n);
        }
        small_set(it->aux, i, 0);
    }
    it_write(o)->step = 1;
    return NULL;
}

static Object *combinatoric_new(Object *cls, Object *const *args, size_t nargs, Object *kw,
                                const char *name, int kind)
{
    static const char *const names[] = { "iterable", "r", NULL };
    Object *out[2];
    if (args_parse(name, args, nargs, kw, names, kind == IT_PERMUTATIONS ? 1 : 2, 2, out) < 0)
        return NULL;
    Object *pool = pool_of(out[0]);
    if (!pool)
        return NULL;
    intptr_t n = (intptr_t)tuple_size(pool), r;
    if (r_arg(out[1], n, &r) < 0)
        return NULL;
    switch (kind) {
    case IT_PERMUTATIONS: {
        Object *ind = indices_new((size_t)n, 0, 1);
        Object *cyc = ind ? indices_new((size_t)(r <= n ? r : 0), n, -1) : NULL;
        return cyc ? combo_alloc(cls, pool, ind, cyc, r, r > n) : NULL;
    }
    case IT_COMBINATIONS: {
        Object *ind = indices_new((size_t)r, 0, 1);
        return ind ? combo_alloc(cls, pool, ind, NULL, r, r > n) : NULL;
    }
    default: {
        Object *ind = indices_new((size_t)r, 0, 0);
        return ind ? combo_alloc(cls, pool, ind, NULL, r, n == 0 && r > 0) : NULL;
    }
    }
}

static Object *permutations_new(Object *cls, Object *const *args, size_t nargs, Object *kw)
{
    return combinatoric_new(cls, args, nargs, kw, "permutations", IT_PERMUTATIONS);
}
static Object *combinations_new(Object *cls, Object *const *args, size_t nargs, Object *kw)
{
    return combinatoric_new(cls, args, nargs, kw, "combinations", IT_COMBINATIONS);
}
static Object *cwr_new(Object *cls, Object *const *args, size_t nargs, Object *kw)
{
    return combinatoric_new(cls, args, nargs, kw, "combinations_with_replacement", IT_CWR);
}

static Object *permutations_next(Object *o)
{
    obj_read(o);
    Iter *it = (Iter *)o;
    if (it->step)
        return NULL;
    Object *ind = it->aux, *cyc = it->aux2;
    size_t n = tuple_size(it->seq), r = (size_t)it->end;
    if (!it->index) {
        it_write(o)->index = 1;
        return pick(it->seq, ind, r);
    }
    for (size_t i = r; i-- > 0;) {
        intptr_t c = small_at(cyc, i) - 1;
        if (c == 0) {
            /* Rotate indices[i:] left by one. */
            Object *first = list_get(ind, i);
            for (size_t j = i; j + 1 < n; j++)
                list_set(ind, j, list_get(ind, j + 1));
            list_set(ind, n - 1, first);
            small_set(cyc, i, (intptr_t)(n - i));
        } else {
            small_set(cyc, i, c);
            size_t j = n - (size_t)c;
            Object *t = list_get(ind, i);
            list_set(ind, i, list_get(ind, j));
            list_set(ind, j, t);
            return pick(it->seq, ind, r);
        }
    }
    it_write(o)->step = 1;
    return NULL;
}

static Object *combinations_next(Object *o)
{
    obj_read(o);
    Iter *it = (Iter *)o;
    if (it->step)
        return NULL;
    Object *ind = it->aux;
    size_t n = tuple_size(it->seq), r = (size_t)it->end;
    if (!it->index) {
        it_write(o)->index = 1;
        return pick(it->seq, ind, r);
    }
    size_t i = r;
    while (i-- > 0)
        if ((size_t)small_at(ind, i) != i + n - r)
            break;
    if (i == (size_t)-1) {
        it_write(o)->step = 1;
        return NULL;
    }
    small_set(ind, i, small_at(ind, i) + 1);
    for (size_t j = i + 1; j < r; j++)
        small_set(ind, j, small_at(ind, j - 1) + 1);
    return pick(it->seq, ind, r);
}

static Object *cwr_next(Object *o)
{
    obj_read(o);
    Iter *it = (Iter *)o;
    if (it->step)
        return NULL;
    Object *ind = it->aux;
    size_t n = tuple_size(it->seq), r = (size_t)it->end;
    if (!it->index) {
        it_write(o)->index = 1;
        return pick(it->seq, ind, r);
    }
    size_t i = r;
    while (i-- > 0)
        if ((size_t)small_at(ind, i) != n - 1)
            break;
    if (i == (size_t)-1) {
        it_write(o)->step = 1;
        return NULL;
    }
    intptr_t v = small_at(ind, i) + 1;
    for (size_t j = i; j < r; j++)
        small_set(ind, j, v);
    return pick(it->seq, ind, r);
}

/* ---- the module ---------------------------------------------------------------------- */

static const struct {
    const char *name;
    CallFn *tp_new;
    Object *(*next)(Object *);
} defs[IT_NTYPES] = {
    [IT_COUNT] = { "count", count_new, count_next },
    [IT_CYCLE] = { "cycle", cycle_new, cycle_next },
    [IT_REPEAT] = { "repeat", repeat_new, repeat_next },
    [IT_ACCUMULATE] = { "accumulate", accumulate_new, accumulate_next },
    [IT_CHAIN] = { "chain", chain_new, chain_next },
    [IT_COMPRESS] = { "compress", compress_new, compress_next },
    [IT_DROPWHILE] = { "dropwhile", dropwhile_new, dropwhile_next },
    [IT_FILTERFALSE] = { "filterfalse", filterfalse_new, filterfalse_next },
    [IT_GROUPBY] = { "groupby", groupby_new, groupby_next },
    [IT_GROUPER] = { "_grouper", NULL, grouper_next },
    [IT_ISLICE] = { "islice", islice_new, islice_next },
    [IT_PAIRWISE] = { "pairwise", pairwise_new, pairwise_next },
    [IT_STARMAP] = { "starmap", starmap_new, starmap_next },
    [IT_TAKEWHILE] = { "takewhile", takewhile_new, takewhile_next },
    [IT_TEE] = { "_tee", tee_tp_new, tee_next },
    [IT_ZIP_LONGEST] = { "zip_longest", zip_longest_new, zip_longest_next },
    [IT_PRODUCT] = { "product", product_new, product_next },
    [IT_PERMUTATIONS] = { "permutations", permutations_new, permutations_next },
    [IT_COMBINATIONS] = { "combinations", combinations_new, combinations_next },
    [IT_CWR] = { "combinations_with_replacement", cwr_new, cwr_next },
};

Object *itertools_module_init(void)
{
    Object *name = intern_cstr("itertools");
    Object *m = module_new(name);
    if (!m)
        return NULL;
    Object *d = ((ModuleObj *)m)->dict;
    for (int i = 0; i < IT_NTYPES; i++) {
        if (!types[i]) {
            stm_add_root((stm_obj **)&types[i]);
            Type *t = type_new_builtin(defs[i].name, vm.t_object, L_ITER, sizeof(struct Iter),
                                       i == IT_GROUPER || i == IT_TEE ? 0 : TF_BASETYPE);
            t->tp_new = defs[i].tp_new;
            t->next = defs[i].next;
            iter_type_add_methods(t);
            type_inherit(t);
            dict_set_cstr(t->dict, "__module__", name);
            types[i] = t;
        }
        if (dict_set_cstr(d, defs[i].name, (Object *)types[i]) < 0)
            return NULL;
    }
    types[IT_COUNT]->repr = count_repr;
    types[IT_REPEAT]->repr = repeat_repr;
    static const MethodDef chain_methods[] = {
        { "from_iterable", chain_from_iterable, METH_CLASS },
        { "__class_getitem__", class_getitem, METH_CLASS },
        { NULL, NULL, 0 },
    };
    type_add_methods(types[IT_CHAIN], chain_methods);
    static const MethodDef repeat_methods[] = {
        { "__length_hint__", repeat_length_hint, 0 },
        { NULL, NULL, 0 },
    };
    type_add_methods(types[IT_REPEAT], repeat_methods);
    static const MethodDef tee_methods[] = {
        { "__copy__", tee_copy, 0 },
        { NULL, NULL, 0 },
    };
    type_add_methods(types[IT_TEE], tee_methods);
    Object *tee = builtin_new("tee", f_tee, m, m);
    if (!tee || dict_set_cstr(d, "tee", tee) < 0)
        return NULL;
    return m;
}
