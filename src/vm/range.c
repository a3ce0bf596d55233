/*
** range and slice.  Both are immutable and hold ints of any size; the
** arithmetic goes through the generic number operations so that ranges
** beyond the machine word behave as CPython's.  A range iterator counts
** with C integers when the whole range fits in small ints.
*/
#include "vm/container.h"

/* ---- int helpers: operands are ints, errors propagate as NULL / -1 ---------- */

static Object *add(Object *a, Object *b) { return a && b ? obj_binary(a, b, NB_ADD) : NULL; }
static Object *sub(Object *a, Object *b) { return a && b ? obj_binary(a, b, NB_SUBTRACT) : NULL; }
static Object *mul(Object *a, Object *b) { return a && b ? obj_binary(a, b, NB_MULTIPLY) : NULL; }
static Object *floordiv(Object *a, Object *b)
{
    return a && b ? obj_binary(a, b, NB_FLOOR_DIVIDE) : NULL;
}
static int cmp(Object *a, Object *b, CmpOp op)
{
    if (is_small(a) && is_small(b)) {
        intptr_t x = small_value(a), y = small_value(b);
        switch (op) {
        case CMP_LT: return x < y;
        case CMP_LE: return x <= y;
        case CMP_EQ: return x == y;
        case CMP_NE: return x != y;
        case CMP_GT: return x > y;
        default: return x >= y;
        }
    }
    return a && b ? obj_richcompare_bool(a, b, op) : -1;
}
static int is_neg(Object *a) { return cmp(a, make_small(0), CMP_LT); }

/* ---- range ------------------------------------------------------------------- */

static Object *range_make(Object *start, Object *stop, Object *step)
{
    /* length = max(0, (stop - start + step - sign(step)) // step) */
    int neg = is_neg(step);
    if (neg < 0)
        return NULL;
    Object *len = floordiv(sub(add(sub(stop, start), step), make_small(neg ? -1 : 1)), step);
    if (!len)
        return NULL;
    int lt = is_neg(len);
    if (lt < 0)
        return NULL;
    Range *r = (Range *)vm_alloc(sizeof(struct Range), L_RANGE, vm.t_range);
    if (!r)
        return NULL;
    r->start = start;
    r->stop = stop;
    r->step = step;
    r->length = lt ? make_small(0) : len;
    return (Object *)r;
}

static Object *range_tp_new(Object *cls, Object *const *args, size_t nargs, Object *kw)
{
    if (args_no_kw("range", kw) < 0)
        return NULL;
    if (nargs == 0)
        return raise(vm.e_TypeError, "range expected at least 1 argument, got 0");
    if (nargs > 3)
        return raise(vm.e_TypeError, "range expected at most 3 arguments, got %zu", nargs);
    Object *start = make_small(0), *stop, *step = make_small(1);
    if (nargs == 1) {
        stop = number_index(args[0]);
    } else {
        start = number_index(args[0]);
        stop = start ? number_index(args[1]) : NULL;
        if (nargs == 3 && stop)
            step = number_index(args[2]);
    }
    if (!start || !stop || !step)
        return NULL;
    int zero = obj_truth(step);
    if (zero < 0)
        return NULL;
    if (!zero)
        return raise(vm.e_ValueError, "range() arg 3 must not be zero");
    return range_make(start, stop, step);
}

static intptr_t range_length(Object *o)
{
    Object *len = ((Range *)o)->length;
    if (!is_small(len)) {
        raise(vm.e_OverflowError, "Python int too large to convert to C ssize_t");
        return -1;
    }
    return small_value(len);
}

static int range_truth(Object *o) { return obj_truth(((Range *)o)->length); }

static Object *range_item(Range *r, Object *i) { return add(r->start, mul(i, r->step)); }

/* CPython's slice.indices() on ints of any size: start, stop, step clipped
   to a sequence of the given length. */
static int slice_indices_obj(Object *slice, Object *length, Object **start, Object **stop,
                             Object **step)
{
    Slice *s = (Slice *)slice;
    Object *st = make_small(1);
    if (s->step != None) {
        st = number_index(s->step);
        if (!st)
            return -1;
        int z = obj_truth(st);
        if (z <= 0) {
            if (z == 0)
                raise(vm.e_ValueError, "slice step cannot be zero");
            return -1;
        }
    }
    int neg = is_neg(st);
    if (neg < 0)
        return -1;
    Object *lower = neg ? make_small(-1) : make_small(0);
    Object *upper = neg ? add(length, make_small(-1)) : length;
    if (!upper)
        return -1;
    Object *bounds[2] = { s->start, s->stop };
    Object *out[2];
    for (int k = 0; k < 2; k++) {
        Object *v = bounds[k];
        if (v == None) {
            out[k] = (k == 0) == (neg != 0) ? upper : lower;
            continue;
        }
        v = number_index(v);
        if (!v)
            return -1;
        int n = is_neg(v);
        if (n < 0)
            return -1;
        if (n) {
            v = add(v, length);
            int lt = cmp(v, lower, CMP_LT);
            if (lt < 0)
                return -1;
            if (lt)
                v = lower;
        } else {
            int gt = cmp(v, upper, CMP_GT);
            if (gt < 0)
                return -1;
            if (gt)
                v = upper;
        }
        out[k] = v;
    }
    *start = out[0];
    *stop = out[1];
    *step = st;
    return 0;
}

static Object *range_getitem(Object *o, Object *key)
{
    Range *r = (Range *)o;
    if (!is_small(key) && layout_of(key) == L_SLICE) {
        Object *start, *stop, *step;
        if (slice_indices_obj(key, r->length, &start, &stop, &step) < 0)
            return NULL;
        Object *nstep = mul(r->step, step);
        Object *nstart = range_item(r, start), *nstop = range_item(r, stop);
        return nstep && nstart && nstop ? range_make(nstart, nstop, nstep) : NULL;
    }
    if (!is_small(key) && !is_int(key) && !type_of(key)->unary[UN_INDEX])
        return raise(vm.e_TypeError, "range indices must be integers or slices, not %s",
                     type_name(type_of(key)));
    Object *i = number_index(key);
    if (!i)
        return NULL;
    int n = is_neg(i);
    if (n > 0)
        i = add(i, r->length);
    if (n < 0 || !i)
        return NULL;
    int lo = is_neg(i), hi = cmp(i, r->length, CMP_GE);
    if (lo < 0 || hi < 0)
        return NULL;
    if (lo || hi)
        return raise(vm.e_IndexError, "range object index out of range");
    return range_item(r, i);
}

static Object *range_repr(Object *o)
{
    Range *r = (Range *)o;
    Object *s1 = obj_repr(r->start), *s2 = s1 ? obj_repr(r->stop) : NULL;
    Object *s3 = s2 ? obj_repr(r->step) : NULL;
    if (!s3)
        return NULL;
    Object *parts = is_small(r->step) && small_value(r->step) == 1 ? tuple_pack(2, s1, s2)
                                                                    : tuple_pack(3, s1, s2, s3);
    Object *body = parts ? str_join(str_from_cstr(", "), parts) : NULL;
    return body ? str_concat(str_concat(str_from_cstr("range("), body), str_from_cstr(")")) : NULL;
}

/* The position of v in the range (an int), or NULL without error if absent. */
static Object *range_position(Range *r, Object *v)
{
    Object *off = sub(v, r->start);
    if (!off)
        return NULL;
    Object *q = floordiv(off, r->step);
    Object *m = q ? sub(off, mul(q, r->step)) : NULL;
    if (!m)
        return NULL;
    int z = obj_truth(m), lo = is_neg(q), hi = cmp(q, r->length, CMP_GE);
    if (z < 0 || lo < 0 || hi < 0)
        return NULL;
    return z || lo || hi ? NULL : q;
}

static bool exact_int(Object *v) { return is_small(v) || v->type == vm.t_int || v->type == vm.t_bool; }

static int range_contains(Object *o, Object *v)
{
    Range *r = (Range *)o;
    if (exact_int(v)) {
        Object *p = range_position(r, v);
        return p ? 1 : exc_occurred() ? -1 : 0;
    }
    Object *it = obj_iter(o);
    for (Object *x; it && (x = obj_next(it));) {
        int eq = obj_richcompare_bool(x, v, CMP_EQ);
        if (eq)
            return eq;
    }
    return exc_occurred() ? -1 : 0;
}

/* Equal as sequences: same length, and the same first item and step where
   they matter. */
static Object *range_richcompare(Object *a, Object *b, CmpOp op)
{
    if ((op != CMP_EQ && op != CMP_NE) || type_of(b) != vm.t_range)
        return NotImplemented;
    Range *x = (Range *)a, *y = (Range *)b;
    int eq = a == b ? 1 : cmp(x->length, y->length, CMP_EQ);
    if (eq > 0 && a != b && obj_truth(x->length)) {
        eq = cmp(x->start, y->start, CMP_EQ);
        if (eq > 0 && cmp(x->length, make_small(1), CMP_NE) > 0)
            eq = cmp(x->step, y->step, CMP_EQ);
    }
    if (eq < 0)
        return NULL;
    return bool_obj(op == CMP_EQ ? eq : !eq);
}

static int64_t range_hash(Object *o)
{
    Range *r = (Range *)o;
    Object *t;
    if (!obj_truth(r->length))
        t = tuple_pack(3, r->length, None, None);
    else if (cmp(r->length, make_small(1), CMP_EQ) > 0)
        t = tuple_pack(3, r->length, r->start, None);
    else
        t = tuple_pack(3, r->length, r->start, r->step);
    return t ? obj_hash(t) : -1;
}

static Object *range_iter_make(Object *start, Object *step, Object *len, Type *t)
{
    Object *last = add(start, mul(add(len, make_small(-1)), step));
    if (!last)
        return NULL;
    bool small = is_small(start) && is_small(step) && is_small(len) && is_small(last);
    /* Big: seq a range-like tuple (start, step, len), aux the position. */
    Object *big = small ? NULL : tuple_pack(3, start, step, len);
    if (!small && !big)
        return NULL;
    Iter *it = (Iter *)vm_alloc(sizeof(struct Iter), L_ITER, t);
    if (!it)
        return NULL;
    if (small) {
        it->index = small_value(start);
        it->step = small_value(step);
        it->end = small_value(len);
    } else {
        it->seq = big;
        it->aux = make_small(0);
    }
    return (Object *)it;
}

static Object *range_iter(Object *o)
{
    Range *r = (Range *)o;
    return range_iter_make(r->start, r->step, r->length, vm.t_range_iterator);
}

static Object *range_iter_next(Object *o)
{
    Iter *it = (Iter *)o;
    obj_read(o);
    if (it->seq) {
        Object *t = it->seq;
        int done = cmp(it->aux, tuple_get(t, 2), CMP_GE);
        if (done)
            return NULL;
        Object *v = add(tuple_get(t, 0), mul(it->aux, tuple_get(t, 1)));
        Object *nx = add(it->aux, make_small(1));
        if (!v || !nx)
            return NULL;
        obj_write(o);
        it->aux = nx;
        return v;
    }
    if (it->end <= 0)
        return NULL;
    obj_write(o);
    intptr_t v = it->index;
    it->index += it->step;
    it->end--;
    return make_small(v);
}

static Object *range_iter_length_hint(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    Iter *it = (Iter *)self;
    obj_read(self);
    if (it->seq)
        return sub(tuple_get(it->seq, 2), it->aux);
    return make_small(it->end > 0 ? it->end : 0);
}

static Object *m_reversed(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    Range *r = (Range *)self;
    Object *last = add(r->start, mul(add(r->length, make_small(-1)), r->step));
    Object *nstep = sub(make_small(0), r->step);
    return last && nstep ? range_iter_make(last, nstep, r->length, vm.t_range_iterator) : NULL;
}

static Object *m_count(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("count", kw, nargs, 1) < 0)
        return NULL;
    if (exact_int(args[0])) {
        int c = range_contains(self, args[0]);
        return c < 0 ? NULL : make_small(c);
    }
    intptr_t n = 0;
    Object *it = obj_iter(self);
    for (Object *x; it && (x = obj_next(it));) {
        int eq = obj_richcompare_bool(x, args[0], CMP_EQ);
        if (eq < 0)
            return NULL;
        n += eq;
    }
    return exc_occurred() ? NULL : make_small(n);
}

static Object *m_index(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("index", kw, nargs, 1) < 0)
        return NULL;
    if (exact_int(args[0])) {
        Object *p = range_position((Range *)self, args[0]);
        if (p || exc_occurred())
            return p;
    } else {
        intptr_t i = 0;
        Object *it = obj_iter(self);
        for (Object *x; it && (x = obj_next(it)); i++) {
            int eq = obj_richcompare_bool(x, args[0], CMP_EQ);
            if (eq < 0)
                return NULL;
            if (eq)
                return make_small(i);
        }
        if (exc_occurred())
            return NULL;
    }
    Object *r = obj_repr(args[0]);
    char b[200];
    return r ? raise(vm.e_ValueError, "%s is not in range", str_cstr(r, b, sizeof b)) : NULL;
}

static Object *get_start(Object *o) { return ((Range *)o)->start; }
static Object *get_stop(Object *o) { return ((Range *)o)->stop; }
static Object *get_step(Object *o) { return ((Range *)o)->step; }

/* ---- slice ------------------------------------------------------------------------ */

static Object *slice_tp_new(Object *cls, Object *const *args, size_t nargs, Object *kw)
{
    if (args_no_kw("slice", kw) < 0)
        return NULL;
    if (nargs == 0)
        return raise(vm.e_TypeError, "slice expected at least 1 argument, got 0");
    if (nargs > 3)
        return raise(vm.e_TypeError, "slice expected at most 3 arguments, got %zu", nargs);
    if (nargs == 1)
        return slice_new(None, args[0], None);
    return slice_new(args[0], args[1], nargs == 3 ? args[2] : None);
}

static Object *slice_as_tuple(Object *s)
{
    Slice *sl = (Slice *)s;
    return tuple_pack(3, sl->start, sl->stop, sl->step);
}

static Object *slice_richcompare(Object *a, Object *b, CmpOp op)
{
    if (type_of(b) != vm.t_slice)
        return NotImplemented;
    Object *x = slice_as_tuple(a), *y = slice_as_tuple(b);
    return x && y ? obj_richcompare(x, y, op) : NULL;
}

static Object *m_indices(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("indices", kw, nargs, 1) < 0)
        return NULL;
    Object *len = number_index(args[0]);
    if (!len)
        return NULL;
    if (is_neg(len))
        return raise(vm.e_ValueError, "length should not be negative");
    Object *start, *stop, *step;
    if (slice_indices_obj(self, len, &start, &stop, &step) < 0)
        return NULL;
    return tuple_pack(3, start, stop, step);
}

/* range(start, stop, step) again, for pickle and copy. */
static Object *m_range_reduce(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("__reduce__", kw, nargs, 0) < 0)
        return NULL;
    Range *r = (Range *)self;
    Object *a = tuple_pack(3, r->start, r->stop, r->step);
    return a ? tuple_pack(2, (Object *)vm.t_range, a) : NULL;
}

static Object *m_slice_reduce(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    Object *t = slice_as_tuple(self);
    return t ? tuple_pack(2, (Object *)vm.t_slice, t) : NULL;
}

static Object *get_sstart(Object *o) { return ((Slice *)o)->start; }
static Object *get_sstop(Object *o) { return ((Slice *)o)->stop; }
static Object *get_sstep(Object *o) { return ((Slice *)o)->step; }

Object *getset_new(Type *owner, const char *name, Object *(*get)(Object *),
                   int (*set)(Object *, Object *));

void range_types_init(void)
{
    Type *r = vm.t_range;
    r->tp_new = range_tp_new;
    r->length = range_length;
    r->truth = range_truth;
    r->getitem = range_getitem;
    r->repr = range_repr;
    r->contains = range_contains;
    r->iter = range_iter;
    r->richcompare = range_richcompare;
    r->hash = range_hash;
    vm.t_range_iterator->next = range_iter_next;
    static const MethodDef methods[] = {
        { "__reversed__", m_reversed, 0 }, { "count", m_count, 0 }, { "index", m_index, 0 },
        { "__reduce__", m_range_reduce, 0 }, { NULL, NULL, 0 },
    };
    type_add_methods(r, methods);
    getset_new(r, "start", get_start, NULL);
    getset_new(r, "stop", get_stop, NULL);
    getset_new(r, "step", get_step, NULL);
    static const MethodDef iter_methods[] = {
        { "__length_hint__", range_iter_length_hint, 0 },
        { NULL, NULL, 0 },
    };
    type_add_methods(vm.t_range_iterator, iter_methods);

    Type *s = vm.t_slice;
    s->tp_new = slice_tp_new;
    s->richcompare = slice_richcompare;
    static const MethodDef slice_methods[] = {
        { "indices", m_indices, 0 }, { "__reduce__", m_slice_reduce, 0 },
        { NULL, NULL, 0 },
    };
    type_add_methods(s, slice_methods);
    getset_new(s, "start", get_sstart, NULL);
    getset_new(s, "stop", get_sstop, NULL);
    getset_new(s, "step", get_sstep, NULL);
}
