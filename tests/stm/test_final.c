/*
** Finalizers and weak references.  An object with a finalizer that becomes
** unreachable is queued once, kept alive with what it references until the
** client takes it, and dies for real the next time it is unreachable.  A
** weak reference is cleared when its target dies, kept while it lives, and
** outlives the finalizer's resurrection as CPython's do.
**
** Objects expected to die are made in functions of their own and the stack
** is scrubbed before collecting: stale words left on the stack would keep
** them alive (the stack is scanned conservatively).
*/
#include "testlib.h"
#include "testobj.h"
#include "testutil.h"

static stm_thread main_tl;
/* Weak references and the odd strong one live here, a registered range. */
static stm_obj *slots[64];

/* Counts the collector's on_finalizers_due calls. */
static int due_notices;
static void count_notice(void) { due_notices++; }

static void begin(int stress_every)
{
    set_gc_stress(stress_every);
    struct stm_config cfg = {
        .trace = test_trace, .trace_items = test_trace_items, .on_finalizers_due = count_notice,
    };
    if (!stm_setup(&cfg))
        exit(2);
    due_notices = 0;
    stm_register_thread(&main_tl);
    stm_start_transaction(&main_tl);
    memset(slots, 0, sizeof slots);
    stm_add_root_range(slots, sizeof slots);
}

static void end(void)
{
    stm_remove_root_range(slots);
    stm_commit_transaction(&main_tl);
    stm_unregister_thread(&main_tl);
    stm_teardown();
}

static void age(void)
{
    stm_collect_minor();
    stm_commit_transaction(&main_tl);
    stm_start_transaction(&main_tl);
    stm_collect_minor();
}

static stm_obj *weak_target(int slot)
{
    return ((weak *)slots[slot])->target;
}

/* A finalizable node (value id) holding a child (value id * 10), watched
   by a weak reference in slots[id]. */
__attribute__((noinline)) static void make_finalizable(int id)
{
    node *n = new_node(new_node(NULL, NULL, id * 10), NULL, id);
    stm_enable_finalizer((stm_obj *)n);
    CHECK(n->hdr.stm_flags & STM_FLAG_FINALIZER);
    slots[id] = (stm_obj *)new_weak((stm_obj *)n);
}

/* Takes the due finalizers, expecting the ids in order, and checks that
   each still holds its child.  Returns nothing: the objects must not
   linger in the caller's frame. */
__attribute__((noinline)) static void expect_finalized(const int *ids, int n)
{
    for (int i = 0; i < n; i++) {
        node *f = (node *)stm_next_finalizable();
        CHECK(f != NULL);
        CHECK_EQ(f->value, ids[i]);
        CHECK(f->left && f->left->value == ids[i] * 10);
        CHECK(!(f->hdr.stm_flags & STM_FLAG_FINALIZER));
        /* resurrected: its weak reference still sees it */
        CHECK(weak_target(ids[i]) == (stm_obj *)f);
    }
    CHECK(stm_next_finalizable() == NULL);
}

static void finalizer_young(void)
{
    begin(0);
    make_finalizable(1);
    make_finalizable(2);
    node *volatile alive = new_node(NULL, NULL, 3);
    stm_enable_finalizer((stm_obj *)alive);
    CHECK(stm_next_finalizable() == NULL);
    scrub_stack();
    stm_collect_minor();
    /* the queue keeps them and their children alive until taken */
    for (int i = 0; i < 3; i++) {
        for (int k = 0; k < 50000; k++)
            CHECK(new_node(NULL, NULL, -1));
        stm_collect_minor();
    }
    stm_collect_major();
    expect_finalized((const int[]){1, 2}, 2);

    /* Taken and dropped: they die for real, once, with no second call. */
    scrub_stack();
    stm_collect_minor();
    CHECK(stm_next_finalizable() == NULL);
    stm_collect_major();
    CHECK(stm_next_finalizable() == NULL);
    CHECK(weak_target(1) == NULL);
    CHECK(weak_target(2) == NULL);

    /* the reachable one was never queued; now it is dropped as well */
    CHECK_EQ(alive->value, 3);
    alive = NULL;
    scrub_stack();
    stm_collect_major();
    node *f = (node *)stm_next_finalizable();
    CHECK(f && f->value == 3);
    CHECK(stm_next_finalizable() == NULL);
    end();
}

/* Old objects with a finalizer die in a major collection only; a minor
   one does not look at them. */
static void finalizer_old(void)
{
    begin(0);
    for (int id = 1; id <= 5; id++)
        make_finalizable(id);
    /* keep 1..5 alive through a strong slot until they are old */
    for (int id = 1; id <= 5; id++)
        slots[10 + id] = weak_target(id);
    age();
    CHECK(slots[11]->stm_flags & STM_FLAG_WRITE_BARRIER);
    /* drop 2 and 4, in that order of registration */
    slots[12] = slots[14] = NULL;
    scrub_stack();
    stm_collect_minor();
    CHECK(stm_next_finalizable() == NULL);
    stm_collect_major();
    expect_finalized((const int[]){2, 4}, 2);
    scrub_stack();
    stm_collect_major();
    CHECK(weak_target(2) == NULL && weak_target(4) == NULL);
    for (int id = 1; id <= 5; id += 2)
        CHECK(weak_target(id) == slots[10 + id] && slots[10 + id] != NULL);
    /* the rest, later, in the order they died */
    slots[15] = NULL;
    scrub_stack();
    stm_collect_major();
    slots[11] = slots[13] = NULL;
    scrub_stack();
    stm_collect_major();
    expect_finalized((const int[]){5, 1, 3}, 3);
    end();
}

/* Many objects, random ones dropped: exactly the dropped ones are queued,
   whatever the kind of collection. */
enum { N_FINALIZABLE = 2000 };

__attribute__((noinline)) static void fill_finalizable(array *keep)
{
    for (int i = 0; i < N_FINALIZABLE; i++) {
        node *n = new_node(NULL, NULL, i);
        stm_enable_finalizer((stm_obj *)n);
        set_item(keep, (uint64_t)i, (stm_obj *)n);
    }
}

static void finalizer_many_case(int stress_every)
{
    begin(stress_every);
    enum { N = N_FINALIZABLE };
    array *volatile keep = new_array(N);
    fill_finalizable(keep);
    uint64_t rng = 42;
    char *dropped = calloc(N, 1);
    int ndropped = 0;
    for (int round = 0; round < 4; round++) {
        for (int k = 0; k < N / 8; k++) {
            int i = (int)rng_below(&rng, N);
            if (!dropped[i]) {
                dropped[i] = 1;
                ndropped++;
                set_item(keep, (uint64_t)i, NULL);
            }
        }
        scrub_stack();
        if (round % 2)
            stm_collect_major();
        else
            stm_collect_minor();
        if (round == 1)
            age();
    }
    /* Committed: in the STM flavour the committed version of `keep`
       holds on to its old items until then, in case of an abort. */
    age();
    scrub_stack();
    stm_collect_major();
    int got = 0;
    char *seen = calloc(N, 1);
    for (node *f; (f = (node *)stm_next_finalizable()) != NULL; got++) {
        CHECK(f->value >= 0 && f->value < N);
        CHECK(dropped[f->value]);
        CHECK(!seen[f->value]);
        seen[f->value] = 1;
    }
    CHECK_EQ(got, ndropped);
    free(dropped);
    free(seen);
    end();
}
static void finalizer_many(void) { finalizer_many_case(0); }
static void finalizer_many_stress(void) { finalizer_many_case(7); }

/* ---- weak references ---- */

__attribute__((noinline)) static void make_weak(int slot, int64_t value)
{
    slots[slot] = (stm_obj *)new_weak((stm_obj *)new_node(NULL, NULL, value));
}

static void weakref_young(void)
{
    begin(0);
    node *volatile strong = new_node(NULL, NULL, 7);
    slots[0] = (stm_obj *)new_weak((stm_obj *)strong);
    make_weak(1, 8);
    CHECK(slots[0]->stm_flags & STM_FLAG_WEAKREF);
    scrub_stack();
    stm_collect_minor();
    CHECK(weak_target(0) == (stm_obj *)strong);
    CHECK(weak_target(1) == NULL);
    stm_collect_major();
    CHECK(weak_target(0) == (stm_obj *)strong);
    CHECK_EQ(((node *)weak_target(0))->value, 7);
    end();
}

/* An old target survives minor collections even when unreachable: only a
   major one clears its weak reference. */
static void weakref_old(void)
{
    begin(0);
    make_weak(0, 1);
    slots[1] = weak_target(0);
    age();
    slots[1] = NULL;
    scrub_stack();
    stm_collect_minor();
    CHECK(weak_target(0) != NULL);
    CHECK_EQ(((node *)weak_target(0))->value, 1);
    stm_collect_major();
    CHECK(weak_target(0) == NULL);
    end();
}

/* An old weak reference re-pointed at a young target, with a write
   barrier as for any field. */
static void weakref_repointed(void)
{
    begin(0);
    make_weak(0, 1);
    age();
    for (int round = 0; round < 5; round++) {
        node *volatile target = new_node(NULL, NULL, 100 + round);
        weak *w = (weak *)slots[0];
        stm_write((stm_obj *)w);
        w->target = (stm_obj *)target;
        stm_collect_minor();
        CHECK(weak_target(0) == (stm_obj *)target);
        target = NULL;
        scrub_stack();
        stm_collect_major();
        CHECK(weak_target(0) == NULL);
    }
    end();
}

/* Many weak references, a random half of their targets kept. */
static void weakref_many_case(int stress_every)
{
    begin(stress_every);
    enum { N = 3000 };
    array *volatile weaks = new_array(N);
    array *volatile strong = new_array(N);
    for (int i = 0; i < N; i++) {
        node *t = new_node(NULL, NULL, i);
        set_item(weaks, (uint64_t)i, (stm_obj *)new_weak((stm_obj *)t));
        if (i % 2)
            set_item(strong, (uint64_t)i, (stm_obj *)t);
    }
    scrub_stack();
    stm_collect_minor();
    stm_collect_major();
    int stale = 0;
    for (int i = 0; i < N; i++) {
        node *t = (node *)((weak *)weaks->items[i])->target;
        if (i % 2) {
            CHECK(t == (node *)strong->items[i]);
            CHECK_EQ(t->value, i);
        } else if (t) {
            stale++;            /* a stale stack word kept it: rare */
        }
    }
    CHECK(stale <= 3);
    end();
}
static void weakref_many(void) { weakref_many_case(0); }
static void weakref_many_stress(void) { weakref_many_case(5); }

/* ---- weak references that report their clearing (weakref callbacks) ---- */

__attribute__((noinline)) static void make_notifying(int slot, node *target)
{
    weak *w = new_weak((stm_obj *)target);
    stm_notify_cleared((stm_obj *)w);
    CHECK(w->hdr.stm_flags & STM_FLAG_NOTIFY);
    slots[slot] = (stm_obj *)w;
}

__attribute__((noinline)) static void make_notifying_to_new(int slot, int64_t value)
{
    make_notifying(slot, new_node(NULL, NULL, value));
}

/* Only the weakrefs whose target died, that are alive themselves, are
   queued, once, after a notice. */
static void weakref_notify(void)
{
    begin(0);
    node *volatile kept = new_node(NULL, NULL, 1);
    make_notifying(0, (node *)kept);        /* target kept */
    make_notifying_to_new(1, 2);            /* target dies */
    make_notifying_to_new(2, 3);            /* the weakref dies first */
    slots[2] = NULL;
    make_weak(3, 4);                        /* no notification asked */
    scrub_stack();
    stm_collect_major();
    CHECK(weak_target(0) == (stm_obj *)kept);
    CHECK(weak_target(1) == NULL && weak_target(3) == NULL);
    CHECK_EQ(due_notices, 1);
    CHECK(stm_next_finalizable() == slots[1]);
    CHECK(!(slots[1]->stm_flags & STM_FLAG_NOTIFY));
    CHECK(stm_next_finalizable() == NULL);
    stm_collect_major();
    CHECK_EQ(due_notices, 1);
    CHECK(stm_next_finalizable() == NULL);
    kept = NULL;
    scrub_stack();
    stm_collect_major();
    CHECK_EQ(due_notices, 2);
    CHECK(stm_next_finalizable() == slots[0]);
    CHECK(stm_next_finalizable() == NULL);
    end();
}

/* A target with a finalizer is resurrected first: its weakref is queued
   only when it dies for real, after the finalizer was taken. */
static void weakref_notify_after_finalizer(void)
{
    begin(0);
    make_finalizable(5);
    stm_notify_cleared(slots[5]);
    scrub_stack();
    stm_collect_major();
    const int ids[] = { 5 };
    expect_finalized(ids, 1);
    scrub_stack();
    stm_collect_major();
    CHECK(weak_target(5) == NULL);
    CHECK(stm_next_finalizable() == slots[5]);
    CHECK(stm_next_finalizable() == NULL);
    end();
}

RUN_TESTS({"finalizer_young", finalizer_young, 0},
          {"finalizer_old", finalizer_old, 0},
          {"finalizer_many", finalizer_many, 0},
          {"finalizer_many_stress", finalizer_many_stress, 0},
          {"weakref_young", weakref_young, 0},
          {"weakref_old", weakref_old, 0},
          {"weakref_repointed", weakref_repointed, 0},
          {"weakref_many", weakref_many, 0},
          {"weakref_many_stress", weakref_many_stress, 0},
          {"weakref_notify", weakref_notify, 0},
          {"weakref_notify_after_finalizer", weakref_notify_after_finalizer, 0})
