/*
** Root finding: registered global slots and ranges, and the C stacks and
** saved registers of every registered thread, scanned conservatively.
*/
#include "core.h"

static struct wordvec root_slots;       /* stm_obj ** */
static struct wordvec root_ranges;      /* pairs (start, size) */

void stm_add_root(stm_obj **slot) { wordvec_push(&root_slots, (uintptr_t)slot); }

void stm_remove_root(stm_obj **slot)
{
    for (size_t i = 0; i < root_slots.count; i++) {
        if (root_slots.items[i] == (uintptr_t)slot) {
            root_slots.items[i] = root_slots.items[--root_slots.count];
            return;
        }
    }
    STM_CHECK(0, "stm_remove_root(%p): not a registered root", (void *)slot);
}

void stm_add_root_range(const void *start, size_t size)
{
    wordvec_push(&root_ranges, (uintptr_t)start);
    wordvec_push(&root_ranges, size);
}

void stm_remove_root_range(const void *start)
{
    for (size_t i = 0; i < root_ranges.count; i += 2) {
        if (root_ranges.items[i] == (uintptr_t)start) {
            root_ranges.items[i] = root_ranges.items[root_ranges.count - 2];
            root_ranges.items[i + 1] = root_ranges.items[root_ranges.count - 1];
            root_ranges.count -= 2;
            return;
        }
    }
    STM_CHECK(0, "stm_remove_root_range(%p): not a registered range", start);
}

/* Stacks hold ASan's redzones and other frames' dead slots: read them raw. */
__attribute__((no_sanitize_address, no_sanitize("undefined")))
static void scan_words(const char *start, const char *end)
{
    const uintptr_t *p = (const uintptr_t *)(((uintptr_t)start + 7) & ~(uintptr_t)7);
    for (; (const char *)(p + 1) <= end; p++) {
        uintptr_t w = *p;
        if (in_heap(w))
            gc_mark_conservative(w);
    }
}

__attribute__((noinline)) void roots_mark_all(void)
{
    struct stm_thread_private *self = current_thread->priv;
    RECORD_STACK_LOW(self);
    for (size_t i = 0; i < root_slots.count; i++) {
        uintptr_t r = (uintptr_t) * (stm_obj **)root_slots.items[i];
        if (r)
            gc_mark_precise(r);
    }
    for (size_t i = 0; i < root_ranges.count; i += 2) {
        const char *start = (const char *)root_ranges.items[i];
        scan_words(start, start + root_ranges.items[i + 1]);
    }
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
