/*
** The gc module over libstm's collector.
**
** libstm collects by itself (young objects at commit or when the nursery
** fills, the whole heap when it has grown), and that cannot be turned
** off: memory is reclaimed that way, not only cycles.  So disable() only
** records the flag that isenabled() reports, and the thresholds and
** debug flags are stored and reported without changing when libstm
** collects.  collect() runs a major collection (whatever the generation)
** and returns 0: libstm does not count what it frees.  get_count() is
** (0, 0, 0) for the same reason; get_stats() counts libstm's minor
** collections as generation 0 and its major ones as generation 2.
**
** get_referents() reads an object's references through the collector's
** trace function, with the collector's internal vectors (list items, dict
** tables) looked through, so that it shows Python objects as CPython does.
** get_referrers(), get_objects() and freeze() walk the objects reachable
** from sys.modules, builtins and the running thread's state (frames,
** exceptions): libstm cannot list its heap, so objects only a C stack or
** another thread reaches are not seen.
**
** The flags are process-wide, as CPython's: C words, written in an
** inevitable transaction so that an aborted one cannot leave them changed.
*/
#include <stdlib.h>
#include <string.h>

#include "vm/buffer.h"
#include "vm/mod_os.h"
#include "vm/str_impl.h"

void vm_trace_object(Object *o, stm_visit_fn *visit, void *ctx);
void frames_drop_stale_slots(void);

static struct {
    _Atomic bool disabled;
    _Atomic intptr_t threshold[3];
    _Atomic intptr_t debug;
    _Atomic intptr_t frozen;
} gc_state = { .threshold = { 700, 10, 10 } };

enum {
    DEBUG_STATS = 1, DEBUG_COLLECTABLE = 2, DEBUG_UNCOLLECTABLE = 4, DEBUG_SAVEALL = 32,
    DEBUG_LEAK = DEBUG_COLLECTABLE | DEBUG_UNCOLLECTABLE | DEBUG_SAVEALL,
};

/* ---- what CPython would track -------------------------------------------------------- */

static bool is_tracked(Object *o);

/* Objects of the kinds CPython's collector knows (it may untrack some). */
static bool is_gc_kind(Object *o)
{
    if (is_small(o))
        return false;
    switch (layout_of(o)) {
    case L_BIGINT: case L_FLOAT: case L_COMPLEX: case L_STR: case L_BYTES: case L_PLAIN:
    case L_RANGE: case L_SLICE: case L_CODE: case L_ARRAY: case L_DICT_TABLE:
    case L_THREAD_STATE:
        return false;
    default:
        return !is_bytearray(o);
    }
}

/* CPython untracks a dict while its keys and values are all atoms or
   untracked tuples. */
static bool may_be_tracked(Object *o)
{
    return is_gc_kind(o) && (layout_of(o) != L_TUPLE || is_tracked(o));
}

static bool dict_tracked(Object *d)
{
    size_t pos = 0;
    Object *k, *v;
    while (dict_next(d, &pos, &k, &v))
        if (may_be_tracked(k) || may_be_tracked(v))
            return true;
    return false;
}

static bool is_tracked(Object *o)
{
    if (!is_gc_kind(o))
        return false;
    switch (layout_of(o)) {
    case L_TUPLE:
        return tuple_size(o) > 0;
    case L_TYPE:
        obj_read(o);
        return (((Type *)o)->flags & TF_HEAP) != 0;
    case L_DICT:
        return o->type != vm.t_dict || dict_tracked(o);
    default:
        return true;
    }
}

/* ---- references of one object ---------------------------------------------------------- */

typedef void RefFn(Object *ref, void *ctx);

typedef struct TraceCtx {
    RefFn *fn;
    void *ctx;
    stm_obj **type_slot;        /* skipped when it names a builtin type */
} TraceCtx;

static stm_obj **type_slot_of(Object *o)
{
    return (stm_obj **)((char *)stm_real_address((stm_obj *)o) + offsetof(struct RefsObject, type));
}

static void each_slot(stm_obj **slot, void *c)
{
    TraceCtx *t = c;
    Object *v = (Object *)*slot;
    if (slot == t->type_slot) {
        obj_read(v);
        if (!(((Type *)v)->flags & TF_HEAP))
            return;
    }
    /* The collector's vectors are no Python objects: show their items,
       small ints included (the collector skips those). */
    switch (layout_of(v)) {
    case L_ARRAY: {
        Array *a = (Array *)v;
        obj_read(v);
        for (size_t i = 0; i < a->capacity; i++)
            if (a->items[i])
                t->fn(a->items[i], t->ctx);
        break;
    }
    case L_DICT_TABLE: {
        DictTable *d = (DictTable *)v;
        obj_read(v);
        for (uint32_t i = 0; i < d->used; i++) {
            if (d->entries[i].key)
                t->fn(d->entries[i].key, t->ctx);
            if (d->entries[i].value)
                t->fn(d->entries[i].value, t->ctx);
        }
        break;
    }
    default:
        t->fn(v, t->ctx);
    }
}

static void dict_referents(Object *d, RefFn *fn, void *ctx)
{
    /* A dict whose keys are all str hides them, as CPython's does. */
    bool all_str = true;
    size_t pos = 0;
    Object *k, *v;
    while (all_str && dict_next(d, &pos, &k, &v))
        all_str = is_str(k);
    pos = 0;
    while (dict_next(d, &pos, &k, &v)) {
        if (!all_str)
            fn(k, ctx);
        fn(v, ctx);
    }
}

/* Calls fn on each object o refers to; allocates nothing. */
static void referents(Object *o, RefFn *fn, void *ctx)
{
    if (is_small(o))
        return;
    obj_read(o);
    switch (layout_of(o)) {
    case L_TUPLE:
        for (size_t i = tuple_size(o); i-- > 0;)
            fn(tuple_get(o, i), ctx);
        return;
    case L_LIST:
        for (size_t i = list_size(o); i-- > 0;)
            fn(list_get(o, i), ctx);
        return;
    case L_DICT:
        dict_referents(o, fn, ctx);
        if (((Dict *)o)->dict)
            fn(((Dict *)o)->dict, ctx);
        if (((Dict *)o)->extra)
            fn(((Dict *)o)->extra, ctx);
        break;
    case L_INSTANCE: {
        Instance *in = (Instance *)o;
        if (in->dict)
            dict_referents(in->dict, fn, ctx);
        if (in->slots) {
            Array *a = (Array *)in->slots;
            obj_read(in->slots);
            for (size_t i = 0; i < a->capacity; i++)
                if (a->items[i])
                    fn(a->items[i], ctx);
        }
        if (in->base_value)
            fn(in->base_value, ctx);
        break;
    }
    default: {
        TraceCtx t = { fn, ctx, type_slot_of(o) };
        vm_trace_object(o, each_slot, &t);
        return;
    }
    }
    obj_read((Object *)o->type);
    if (o->type->flags & TF_HEAP)
        fn((Object *)o->type, ctx);
}

/* ---- a walk over the reachable objects ------------------------------------------------------ */

/* Objects met, by address, and those still to look into.  Nothing is
   allocated on the heap during a walk, so no object moves meanwhile. */
typedef struct Walk {
    uintptr_t *seen;
    size_t nseen, cap;
    Object **todo;
    size_t ntodo, todo_cap;
    bool failed;
} Walk;

static bool seen_add(Walk *w, Object *o)
{
    if (2 * (w->nseen + 1) > w->cap) {
        size_t cap = w->cap ? w->cap * 2 : 1 << 14;
        uintptr_t *s = calloc(cap, sizeof *s);
        if (!s) {
            w->failed = true;
            return false;
        }
        for (size_t i = 0; i < w->cap; i++)
            if (w->seen[i]) {
                size_t j = (w->seen[i] >> 4) * 0x9E3779B97F4A7C15u & (cap - 1);
                while (s[j])
                    j = (j + 1) & (cap - 1);
                s[j] = w->seen[i];
            }
        free(w->seen);
        w->seen = s;
        w->cap = cap;
    }
    uintptr_t a = (uintptr_t)o;
    size_t j = (a >> 4) * 0x9E3779B97F4A7C15u & (w->cap - 1);
    while (w->seen[j]) {
        if (w->seen[j] == a)
            return false;
        j = (j + 1) & (w->cap - 1);
    }
    w->seen[j] = a;
    w->nseen++;
    return true;
}

static void walk_push(Object *o, void *c)
{
    Walk *w = c;
    if (is_small(o) || w->failed || !seen_add(w, o))
        return;
    if (w->ntodo == w->todo_cap) {
        size_t cap = w->todo_cap ? w->todo_cap * 2 : 1024;
        Object **t = realloc(w->todo, cap * sizeof *t);
        if (!t) {
            w->failed = true;
            return;
        }
        w->todo = t;
        w->todo_cap = cap;
    }
    w->todo[w->ntodo++] = o;
}

typedef bool WalkFn(Object *o, void *ctx);

/* Calls fn on every object reached; false if memory ran out. */
static bool walk(WalkFn *fn, void *ctx)
{
    Walk w = {0};
    walk_push(vm.modules, &w);
    walk_push(vm.builtins, &w);
    walk_push(vm.sys, &w);
    walk_push((Object *)thread_state(), &w);
    while (w.ntodo && !w.failed) {
        Object *o = w.todo[--w.ntodo];
        if (!fn(o, ctx))
            break;
        referents(o, walk_push, &w);
    }
    free(w.seen);
    free(w.todo);
    return !w.failed;
}

/* Objects found by a walk, kept in C memory until the result list is made:
   a minor collection first makes every object old, and old objects do not
   move, so the addresses stay valid across that allocation. */
typedef struct Found {
    Object **items;
    size_t n, cap;
    bool failed;
    Object *targets;            /* get_referrers: the tuple of objects */
    bool hit;
} Found;

static bool found_add(Found *f, Object *o)
{
    if (f->n == f->cap) {
        size_t cap = f->cap ? f->cap * 2 : 256;
        Object **a = realloc(f->items, cap * sizeof *a);
        if (!a) {
            f->failed = true;
            return false;
        }
        f->items = a;
        f->cap = cap;
    }
    f->items[f->n++] = o;
    return true;
}

static Object *found_list(Found *f)
{
    if (f->failed) {
        free(f->items);
        return raise_no_memory();
    }
    Object *l = list_new(f->n);
    if (l)
        for (size_t i = 0; i < f->n; i++)
            list_set(l, i, f->items[i]);
    free(f->items);
    return l;
}

static bool collect_tracked(Object *o, void *c)
{
    if (is_tracked(o))
        return found_add(c, o);
    return true;
}

static void match_target(Object *ref, void *c)
{
    Found *f = c;
    for (size_t i = 0; i < tuple_size(f->targets) && !f->hit; i++)
        f->hit = tuple_get(f->targets, i) == ref;
}

static bool collect_referrer(Object *o, void *c)
{
    Found *f = c;
    f->hit = false;
    referents(o, match_target, f);
    /* The arguments' own tuple is no referrer the caller wants. */
    if (f->hit && o != f->targets && is_tracked(o))
        return found_add(f, o);
    return true;
}

/* ---- the functions ----------------------------------------------------------------------------- */

static int generation_arg(Object *v, intptr_t *g)
{
    if (index_to_ssize(v, g, false) < 0)
        return -1;
    if (*g < 0 || *g > 2) {
        raise(vm.e_ValueError, "invalid generation");
        return -1;
    }
    return 0;
}

static int run_callbacks(Object *module, const char *phase, intptr_t gen)
{
    Object *cbs = dict_get_cstr(((ModuleObj *)module)->dict, "callbacks");
    if (!cbs || !is_instance_of(cbs, vm.t_list) || !list_size(cbs))
        return 0;
    Object *info = dict_new();
    Object *ph = str_from_cstr(phase);
    if (!info || !ph || dict_set_cstr(info, "generation", make_small(gen)) < 0
        || dict_set_cstr(info, "collected", make_small(0)) < 0
        || dict_set_cstr(info, "uncollectable", make_small(0)) < 0)
        return -1;
    /* A copy: a callback may change the list. */
    Object *l = list_from_iterable(cbs);
    if (!l)
        return -1;
    for (size_t i = 0; i < list_size(l); i++) {
        Object *args[2] = { ph, info };
        if (!obj_call(list_get(l, i), args, 2, NULL))
            return -1;
    }
    return 0;
}

static void *nothing(void *arg)
{
    return arg;
}

static Object *g_collect(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    static const char *const names[] = { "generation", NULL };
    Object *a[1];
    intptr_t gen = 2;
    if (args_parse("collect", args, nargs, kw, names, 0, 1, a) < 0
        || (a[0] && generation_arg(a[0], &gen) < 0))
        return NULL;
    if (run_callbacks(self, "start", gen) < 0)
        return NULL;
    collect_garbage();
    if (run_callbacks(self, "stop", gen) < 0)
        return NULL;
    return make_small(0);
}

void collect_garbage(void)
{
    /* __del__ methods and weakref callbacks run before collect() returns,
       as in CPython.  An object whose __del__ ran dies only at the next
       collection, and only then do weakref callbacks on it fire: a few
       more rounds let them, as long as finalizers keep running. */
    frames_drop_stale_slots();
    scrub_stack();
    /* In the STM flavour an object this transaction dropped is still
       referenced by the committed versions of what it wrote: commit
       first, as a blocking call does. */
    os_blocking(nothing, NULL);
    for (int round = 0; round < 4; round++) {
        stm_collect_major();
        if (!finalizers_run())
            break;
    }
}

static Object *set_disabled(const char *name, Object *kw, size_t nargs, bool disabled)
{
    if (args_exact(name, kw, nargs, 0) < 0)
        return NULL;
    os_irreversible("gc flags");
    gc_state.disabled = disabled;
    return None;
}

static Object *g_enable(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return set_disabled("enable", kw, nargs, false);
}

static Object *g_disable(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return set_disabled("disable", kw, nargs, true);
}

static Object *g_isenabled(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return args_exact("isenabled", kw, nargs, 0) < 0 ? NULL : bool_obj(!gc_state.disabled);
}

static Object *g_get_count(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("get_count", kw, nargs, 0) < 0)
        return NULL;
    return tuple_pack(3, make_small(0), make_small(0), make_small(0));
}

static Object *g_get_threshold(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("get_threshold", kw, nargs, 0) < 0)
        return NULL;
    return tuple_pack(3, make_small(gc_state.threshold[0]), make_small(gc_state.threshold[1]),
                      make_small(gc_state.threshold[2]));
}

static Object *g_set_threshold(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_no_kw("set_threshold", kw) < 0)
        return NULL;
    if (nargs < 1 || nargs > 3)
        return raise(vm.e_TypeError, "set_threshold() takes %s %d argument%s (%zu given)",
                     nargs < 1 ? "at least" : "at most", nargs < 1 ? 1 : 3, nargs < 1 ? "" : "s",
                     nargs);
    intptr_t t[3];
    for (size_t i = 0; i < nargs; i++)
        if (index_to_ssize(args[i], &t[i], false) < 0)
            return NULL;
    os_irreversible("gc thresholds");
    for (size_t i = 0; i < nargs; i++)
        gc_state.threshold[i] = t[i];
    return None;
}

static Object *g_get_debug(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return args_exact("get_debug", kw, nargs, 0) < 0 ? NULL : make_small(gc_state.debug);
}

static Object *g_set_debug(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    intptr_t flags;
    if (args_exact("gc.set_debug", kw, nargs, 1) < 0 || index_to_ssize(args[0], &flags, false) < 0)
        return NULL;
    os_irreversible("gc debug flags");
    gc_state.debug = flags;
    return None;
}

static Object *g_get_stats(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("get_stats", kw, nargs, 0) < 0)
        return NULL;
    struct stm_heap_info h;
    stm_heap_info(&h);
    size_t counts[3] = { h.minor_collections, 0, h.major_collections };
    Object *l = list_new(3);
    if (!l)
        return NULL;
    for (int i = 0; i < 3; i++) {
        Object *d = dict_new();
        if (!d || dict_set_cstr(d, "collections", int_from_u64(counts[i])) < 0
            || dict_set_cstr(d, "collected", make_small(0)) < 0
            || dict_set_cstr(d, "uncollectable", make_small(0)) < 0)
            return NULL;
        list_set(l, (size_t)i, d);
    }
    return l;
}

static Object *g_is_tracked(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("gc.is_tracked", kw, nargs, 1) < 0)
        return NULL;
    return bool_obj(is_tracked(args[0]));
}

/* CPython says True only of objects its collector has finalized and that
   came back to life; libstm runs no finalizers of Python objects. */
static Object *g_is_finalized(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return args_exact("gc.is_finalized", kw, nargs, 1) < 0 ? NULL : False_;
}

typedef struct RefList {
    Object **items;
    size_t n;
} RefList;

static void count_ref(Object *ref, void *c) { ((RefList *)c)->n++; }

static void store_ref(Object *ref, void *c)
{
    RefList *r = c;
    r->items[r->n++] = ref;
}

static Object *g_get_referents(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_no_kw("get_referents", kw) < 0)
        return NULL;
    Object *result = list_new(0);
    for (size_t i = 0; result && i < nargs; i++) {
        if (!is_gc_kind(args[i]))
            continue;
        /* Counted first, then copied into a list made to size: nothing is
           allocated while the references are read. */
        RefList r = {0};
        referents(args[i], count_ref, &r);
        Object *part = list_new(r.n);
        if (!part)
            return NULL;
        r.items = malloc((r.n ? r.n : 1) * sizeof *r.items);
        if (!r.items)
            return raise_no_memory();
        size_t want = r.n;
        r.n = 0;
        referents(args[i], store_ref, &r);
        for (size_t k = 0; k < want && k < r.n; k++)
            list_set(part, k, r.items[k]);
        free(r.items);
        Object *m = obj_getattr_cstr(result, "extend");
        if (!m || !obj_call1(m, part))
            return NULL;
    }
    return result;
}

static Object *g_get_referrers(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_no_kw("get_referrers", kw) < 0)
        return NULL;
    Object *targets = tuple_from_array(args, nargs);
    if (!targets)
        return NULL;
    stm_collect_minor();
    Found f = { .targets = targets };
    if (!walk(collect_referrer, &f))
        f.failed = true;
    keep_alive(targets);
    return found_list(&f);
}

static Object *g_get_objects(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    static const char *const names[] = { "generation", NULL };
    Object *a[1];
    if (args_parse("get_objects", args, nargs, kw, names, 0, 1, a) < 0)
        return NULL;
    if (a[0] && a[0] != None) {
        intptr_t g;
        if (index_to_ssize(a[0], &g, false) < 0)
            return NULL;
        if (g >= 3)
            return raise(vm.e_ValueError, "generation parameter must be less than the number of "
                         "available generations (3)");
        if (g < -1)
            return raise(vm.e_ValueError, "generation parameter cannot be negative");
    }
    stm_collect_minor();
    Found f = {0};
    if (!walk(collect_tracked, &f))
        f.failed = true;
    return found_list(&f);
}

static bool count_tracked(Object *o, void *c)
{
    if (is_tracked(o))
        ++*(intptr_t *)c;
    return true;
}

static Object *g_freeze(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("freeze", kw, nargs, 0) < 0)
        return NULL;
    intptr_t n = 0;
    if (!walk(count_tracked, &n))
        return raise_no_memory();
    os_irreversible("gc.freeze");
    gc_state.frozen = n;
    return None;
}

static Object *g_unfreeze(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("unfreeze", kw, nargs, 0) < 0)
        return NULL;
    os_irreversible("gc.unfreeze");
    gc_state.frozen = 0;
    return None;
}

static Object *g_get_freeze_count(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return args_exact("get_freeze_count", kw, nargs, 0) < 0 ? NULL : make_small(gc_state.frozen);
}

Object *gc_module_init(void)
{
    Object *m = module_new(intern_cstr("gc"));
    if (!m)
        return NULL;
    Object *d = ((ModuleObj *)m)->dict;
    static const MethodDef functions[] = {
        { "collect", g_collect, 0 }, { "enable", g_enable, 0 }, { "disable", g_disable, 0 },
        { "isenabled", g_isenabled, 0 }, { "get_count", g_get_count, 0 },
        { "get_threshold", g_get_threshold, 0 }, { "set_threshold", g_set_threshold, 0 },
        { "get_debug", g_get_debug, 0 }, { "set_debug", g_set_debug, 0 },
        { "get_stats", g_get_stats, 0 }, { "is_tracked", g_is_tracked, 0 },
        { "is_finalized", g_is_finalized, 0 }, { "get_referents", g_get_referents, 0 },
        { "get_referrers", g_get_referrers, 0 }, { "get_objects", g_get_objects, 0 },
        { "freeze", g_freeze, 0 }, { "unfreeze", g_unfreeze, 0 },
        { "get_freeze_count", g_get_freeze_count, 0 }, { NULL, NULL, 0 },
    };
    for (const MethodDef *f = functions; f->name; f++)
        if (dict_set_cstr(d, f->name, builtin_new(f->name, f->fn, m, m)) < 0)
            return NULL;
    static const struct { const char *name; int v; } constants[] = {
        { "DEBUG_STATS", DEBUG_STATS }, { "DEBUG_COLLECTABLE", DEBUG_COLLECTABLE },
        { "DEBUG_UNCOLLECTABLE", DEBUG_UNCOLLECTABLE }, { "DEBUG_SAVEALL", DEBUG_SAVEALL },
        { "DEBUG_LEAK", DEBUG_LEAK },
    };
    for (size_t i = 0; i < sizeof constants / sizeof constants[0]; i++)
        if (dict_set_cstr(d, constants[i].name, make_small(constants[i].v)) < 0)
            return NULL;
    Object *garbage = list_new(0), *callbacks = list_new(0);
    if (!garbage || !callbacks || dict_set_cstr(d, "garbage", garbage) < 0
        || dict_set_cstr(d, "callbacks", callbacks) < 0)
        return NULL;
    return m;
}
