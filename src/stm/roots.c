/*
** Root finding: registered global slots and ranges, and the C stacks and
** saved registers of every registered thread, scanned conservatively.
*/
#include "core.h"

static struct wordvec root_slots;       /* stm_obj ** */
static struct wordvec root_ranges;      /* pairs (start, size) */
static struct wordvec static_ranges;    /* the same, stm_add_static_root_range() */
/* A thread outside any transaction (starting, exiting) may register roots
   while another one collects: the vectors can be reallocated under the
   collector's feet without this lock. */
static pthread_mutex_t roots_lock = PTHREAD_MUTEX_INITIALIZER;

void stm_add_root(stm_obj **slot)
{
    pthread_mutex_lock(&roots_lock);
    wordvec_push(&root_slots, (uintptr_t)slot);
    pthread_mutex_unlock(&roots_lock);
}

void stm_remove_root(stm_obj **slot)
{
    pthread_mutex_lock(&roots_lock);
    size_t i = 0;
    while (i < root_slots.count && root_slots.items[i] != (uintptr_t)slot)
        i++;
    bool found = i < root_slots.count;
    if (found)
        root_slots.items[i] = root_slots.items[--root_slots.count];
    pthread_mutex_unlock(&roots_lock);
    STM_CHECK(found, "stm_remove_root(%p): not a registered root", (void *)slot);
}

static void add_range(struct wordvec *v, const void *start, size_t size)
{
    pthread_mutex_lock(&roots_lock);
    wordvec_push(v, (uintptr_t)start);
    wordvec_push(v, size);
    pthread_mutex_unlock(&roots_lock);
}

void stm_add_root_range(const void *start, size_t size)
{
    add_range(&root_ranges, start, size);
}

void stm_add_static_root_range(const void *start, size_t size)
{
    add_range(&static_ranges, start, size);
}

static bool remove_range(struct wordvec *v, const void *start)
{
    for (size_t i = 0; i < v->count; i += 2) {
        if (v->items[i] == (uintptr_t)start) {
            v->items[i] = v->items[v->count - 2];
            v->items[i + 1] = v->items[v->count - 1];
            v->count -= 2;
            return true;
        }
    }
    return false;
}

void stm_remove_root_range(const void *start)
{
    pthread_mutex_lock(&roots_lock);
    bool found = remove_range(&root_ranges, start) || remove_range(&static_ranges, start);
    pthread_mutex_unlock(&roots_lock);
    STM_CHECK(found, "stm_remove_root_range(%p): not a registered range", start);
}

/* Stacks hold ASan's redzones and other frames' dead slots: read them raw. */
__attribute__((no_sanitize_address, no_sanitize("undefined")))
static void scan_words(const char *start, const char *end)
{
    const uintptr_t *p = (const uintptr_t *)(((uintptr_t)start + 7) & ~(uintptr_t)7);
    for (; (const char *)(p + 1) <= end; p++) {
        uintptr_t w = word_as_ref(*p);
        if (in_heap(w))
            gc_mark_conservative(w);
    }
}

static void each_range(const struct wordvec *v,
                       void (*range_fn)(const uintptr_t *from, const uintptr_t *to, void *ctx),
                       void *ctx)
{
    for (size_t i = 0; i < v->count; i += 2) {
        const uintptr_t *p = (const uintptr_t *)((v->items[i] + 7) & ~(uintptr_t)7);
        uintptr_t end = v->items[i] + v->items[i + 1];
        range_fn(p, (const uintptr_t *)(end & ~(uintptr_t)7), ctx);
    }
}

void roots_for_each(void (*slot_fn)(uintptr_t ref, void *ctx),
                    void (*range_fn)(const uintptr_t *from, const uintptr_t *to, void *ctx),
                    void (*static_range_fn)(const uintptr_t *from, const uintptr_t *to, void *ctx),
                    void *ctx)
{
    pthread_mutex_lock(&roots_lock);
    for (size_t i = 0; slot_fn && i < root_slots.count; i++) {
        uintptr_t r = (uintptr_t) * (stm_obj **)root_slots.items[i];
        if (r)
            slot_fn(r, ctx);
    }
    if (range_fn)
        each_range(&root_ranges, range_fn, ctx);
    if (static_range_fn)
        each_range(&static_ranges, static_range_fn, ctx);
    pthread_mutex_unlock(&roots_lock);
}

__attribute__((noinline)) void roots_mark_all(void)
{
    struct stm_thread_private *self = current_thread->priv;
    RECORD_STACK_LOW(self);
    pthread_mutex_lock(&roots_lock);
    for (size_t i = 0; i < root_slots.count; i++) {
        uintptr_t r = (uintptr_t) * (stm_obj **)root_slots.items[i];
        if (r)
            gc_mark_precise(r);
    }
    for (size_t i = 0; i < root_ranges.count; i += 2) {
        const char *start = (const char *)root_ranges.items[i];
        scan_words(start, start + root_ranges.items[i + 1]);
    }
    for (size_t i = 0; i < static_ranges.count; i += 2) {
        const char *start = (const char *)static_ranges.items[i];
        scan_words(start, start + static_ranges.items[i + 1]);
    }
    pthread_mutex_unlock(&roots_lock);
    pthread_mutex_lock(&threads_lock);
    for (struct stm_thread_private *p = all_threads; p; p = p->next) {
        if (p->state == THREAD_OUTSIDE)
            continue;
        STM_CHECK(p == self || p->state == THREAD_PARKED,
                  "collection while another thread runs unparked");
        scan_words(p->stack_low, p->stack_high);
        uintptr_t marker = (uintptr_t)p->tl->marker.object;
        if (marker)
            gc_mark_conservative(marker);
    }
    pthread_mutex_unlock(&threads_lock);
}
