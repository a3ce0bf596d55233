/*
** Set-up and tear-down of libstm, configuration from the environment, and
** the small utilities every other file uses.
*/
#include "core.h"
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct gc_state gc;

void stm_fatal(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("libstm: fatal: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    abort();
}

void wordvec_push(struct wordvec *v, uintptr_t x)
{
    if (v->count == v->capacity) {
        size_t cap = v->capacity ? v->capacity * 2 : 64;
        uintptr_t *items = realloc(v->items, cap * sizeof *items);
        if (!items)
            stm_fatal("out of C memory for internal bookkeeping");
        v->items = items;
        v->capacity = cap;
    }
    v->items[v->count++] = x;
}

void wordvec_shrink(struct wordvec *v)
{
    /* Only big vectors: their memory comes from mmap and goes back to the
       OS; small ones are not worth the realloc. */
    if (v->capacity < 65536 || v->count > v->capacity / 4)
        return;
    size_t cap = v->count * 2 > 64 ? v->count * 2 : 64;
    uintptr_t *items = realloc(v->items, cap * sizeof *items);
    if (items) {
        v->items = items;
        v->capacity = cap;
    }
}

void wordvec_free(struct wordvec *v)
{
    free(v->items);
    memset(v, 0, sizeof *v);
}

/* Parses "123", "64K", "512M", "64G".  Returns 0 if malformed. */
static size_t parse_size(const char *s)
{
    char *end;
    unsigned long long n = strtoull(s, &end, 10);
    switch (*end) {
    case 'k': case 'K': n <<= 10; end++; break;
    case 'm': case 'M': n <<= 20; end++; break;
    case 'g': case 'G': n <<= 30; end++; break;
    default: break;
    }
    return *end == '\0' ? (size_t)n : 0;
}

static bool setup_done;

bool stm_setup(const struct stm_config *config)
{
    STM_CHECK(!setup_done, "stm_setup() called twice");
    STM_CHECK(config && config->trace, "stm_setup(): the trace callback is required");
    memset(&gc, 0, sizeof gc);
    gc.client = *config;

    size_t size = config->heap_size ? config->heap_size : DEFAULT_HEAP_SIZE;
    const char *env = getenv("STM_HEAP_SIZE");
    if (env && !config->heap_size) {
        size = parse_size(env);
        if (size == 0) {
            fprintf(stderr, "libstm: bad STM_HEAP_SIZE '%s'\n", env);
            return false;
        }
    }
    if (size < 16 * BLOCK_SIZE)
        size = 16 * BLOCK_SIZE;
    gc.cfg.heap_size = size;

    env = getenv("STM_GC_STRESS");
    if (env && *env)
        gc.cfg.stress_every = strtoull(env, NULL, 10);
    int segs = config->segments;
    env = getenv("STM_SEGMENTS");
    if (env && *env && !segs)
        segs = atoi(env);
    if (segs <= 0)
        segs = (int)sysconf(_SC_NPROCESSORS_ONLN);
    gc.cfg.segments = segs < 1 ? 1 : segs > 64 ? 64 : segs;

    gc.major_threshold = MIN_MAJOR_THRESHOLD;
    if (!heap_reserve(size))
        return false;
    for (size_t i = 0; i < allocator_count(); i++) {
        struct allocator *a = allocator_at(i);
        a->block = (size_t)-1;
        a->stress_countdown = gc.cfg.stress_every;
    }
    stats_setup();
    flavour_setup();
    setup_done = true;
    return true;
}

int stm_segment_count(void) { return (int)allocator_count(); }

void stm_teardown(void)
{
    STM_CHECK(setup_done, "stm_teardown() without stm_setup()");
    STM_CHECK(all_threads == NULL, "stm_teardown() with threads still registered");
    flavour_teardown();
    for (size_t i = 0; i < heap.large.count; i++) {
        struct large_object *lo = (struct large_object *)heap.large.items[i];
        free(lo->cards);
        free(lo);
    }
    for (size_t i = 0; i < allocator_count(); i++) {
        struct allocator *a = allocator_at(i);
        wordvec_free(&a->young_holes);
        wordvec_free(&a->young_large);
        struct stm_segment_info *info = a->info;
        memset(a, 0, sizeof *a);
        a->info = info;
    }
    heap_release();
    wordvec_free(&gc.gray);
    wordvec_free(&gc.remembered);
    wordvec_free(&gc.promoted);
    wordvec_free(&gc.carded);
    wordvec_free(&gc.finalizable);
    wordvec_free(&gc.finalize_queue);
    wordvec_free(&gc.weakrefs);
    setup_done = false;
}
