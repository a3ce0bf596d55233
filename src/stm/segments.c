/*
** Segments (STM flavour): the heap file mapped N+1 times, handing segments
** to threads, %gs, and keeping each segment's pages apart.
**
** A thread keeps its segment from one transaction to the next unless
** another thread waits for one: then it queues again, in ticket order, so
** that more threads than segments all make progress.
*/
#ifdef STM_FLAVOUR_STM
#include "core.h"
#include <asm/prctl.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#define MIN_OBJ_START ((size_t)16 << 30)

#ifndef HWCAP2_FSGSBASE
#  define HWCAP2_FSGSBASE (1 << 1)
#endif

struct segment segments[MAX_SEGMENTS + 1];
int nsegments;
size_t seg_size;
char *seg_base[MAX_SEGMENTS + 1];
__thread struct segment *my_seg;
__thread char *my_base;
uint8_t *write_locks;
uint8_t *line_view;

char *all_base;                   /* the N+1 segments, contiguous */
size_t all_size;
static int heap_fd = -1;
static size_t obj_start;
static bool use_wrgsbase;

static pthread_mutex_t seg_mutex = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t seg_cond = PTHREAD_COND_INITIALIZER;
static uint64_t next_ticket, serving;
static int nfree, waiting;

static void *reserve(size_t size)
{
    void *p = mmap(NULL, size, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    return p == MAP_FAILED ? NULL : p;
}

bool segments_map(size_t heap_size, int n)
{
    /* Objects live above seg_size / 16, so that the read markers (ref >> 4)
       and the segment info at 4096 sit below them; and above 16 GiB, so
       that the small integers on a stack never look like references to
       the conservative scan. */
    obj_start = (heap_size / 15 + 2 * BLOCK_SIZE) & ~(BLOCK_SIZE - 1);
    if (obj_start < MIN_OBJ_START)
        obj_start = MIN_OBJ_START;
    seg_size = obj_start + heap_size;
    nsegments = n;
    all_size = seg_size * (size_t)(n + 1);
    all_base = reserve(all_size);
    heap_fd = memfd_create("libstm-heap", MFD_CLOEXEC);
    if (!all_base || heap_fd < 0 || ftruncate(heap_fd, (off_t)heap_size) != 0) {
        fprintf(stderr, "libstm: cannot reserve %zu bytes of address space for %d "
                "segments (set STM_HEAP_SIZE or STM_SEGMENTS lower)\n", all_size, n);
        return false;
    }
    for (int i = 0; i <= n; i++) {
        char *base = all_base + seg_size * (size_t)i;
        int flags = (i == 0 ? MAP_SHARED : MAP_PRIVATE) | MAP_FIXED | MAP_NORESERVE;
        if (mmap(base + obj_start, heap_size, PROT_READ | PROT_WRITE, flags, heap_fd, 0)
            == MAP_FAILED) {
            fprintf(stderr, "libstm: cannot map segment %d of the heap\n", i);
            return false;
        }
        seg_base[i] = base;
        if (i == 0)
            continue;
        struct segment *s = &segments[i];
        memset(s, 0, sizeof *s);
        s->num = i;
        s->base = base;
        s->info = (struct stm_segment_info *)(base + STM_SEGMENT_INFO_OFFSET);
        s->info->segment_base = base;
        s->info->break_countdown = BREAK_CHECK_INTERVAL;
        s->alloc.info = s->info;
        pthread_mutex_init(&s->import_lock, NULL);
    }
    heap.base = (char *)obj_start;
    for (int i = 1; i <= n; i++)
        if (!(segments[i].private_pages = reserve(heap_size / PAGE_SIZE_)))
            return false;
    write_locks = reserve(heap_size >> GRANULE_SHIFT);
    line_view = reserve(heap_size >> LINE_SHIFT);
    if (!write_locks || !line_view) {
        fprintf(stderr, "libstm: cannot reserve the write lock table\n");
        return false;
    }
    use_wrgsbase = (getauxval(AT_HWCAP2) & HWCAP2_FSGSBASE) != 0;
    next_ticket = serving = 0;
    nfree = n;
    waiting = 0;
    return true;
}

void segments_unmap(void)
{
    size_t heap_size = seg_size - obj_start;
    munmap(all_base, all_size);
    munmap(write_locks, heap_size >> GRANULE_SHIFT);
    munmap(line_view, heap_size >> LINE_SHIFT);
    close(heap_fd);
    for (int i = 1; i <= nsegments; i++) {
        struct segment *s = &segments[i];
        wordvec_free(&s->write_set);
        wordvec_free(&s->write_markers);
        wordvec_free(&s->new_ranges);
        wordvec_free(&s->promoted);
        wordvec_free(&s->promoted_ranges);
        wordvec_free(&s->gray);
        munmap(s->private_pages, heap_size / PAGE_SIZE_);
    }
    heap_fd = -1;
}

size_t allocator_count(void) { return (size_t)nsegments; }
struct allocator *allocator_at(size_t i) { return &segments[i + 1].alloc; }

static void set_gs(char *base)
{
    if (use_wrgsbase)
        __asm__ volatile("wrgsbase %0" : : "r"(base) : "memory");
    else if (syscall(SYS_arch_prctl, ARCH_SET_GS, base) != 0)
        stm_fatal("cannot set the %%gs base");
}

void segment_acquire(struct stm_thread_private *p)
{
    pthread_mutex_lock(&seg_mutex);
    uint64_t ticket = next_ticket++;
    if (ticket != serving || nfree == 0) {
        if (p->timing_state != STM_TIME_WAIT_FREE_SEGMENT)
            stats_switch(p, STM_TIME_WAIT_FREE_SEGMENT);
        waiting++;
        while (ticket != serving || nfree == 0)
            pthread_cond_wait(&seg_cond, &seg_mutex);
        waiting--;
    }
    serving++;
    struct segment *s = p->last_seg;
    if (!s || s->owner) {
        s = NULL;
        for (int i = 1; i <= nsegments && !s; i++)
            if (!segments[i].owner)
                s = &segments[i];
    }
    nfree--;
    s->owner = p;
    pthread_cond_broadcast(&seg_cond);
    pthread_mutex_unlock(&seg_mutex);
    p->seg = s;
    my_seg = s;
    my_base = s->base;
    if (p->last_seg != s)
        set_gs(s->base);
    p->last_seg = s;
    thread_set_running(p);
}

void segment_release(struct stm_thread_private *p)
{
    pthread_mutex_lock(&seg_mutex);
    p->seg->owner = NULL;
    nfree++;
    pthread_cond_broadcast(&seg_cond);
    pthread_mutex_unlock(&seg_mutex);
    p->seg = NULL;
}

bool segment_waiters(void)
{
    return __atomic_load_n(&waiting, __ATOMIC_RELAXED) > 0;
}

void force_private(uintptr_t start, size_t len, struct segment *except)
{
    uintptr_t first = start & ~(uintptr_t)(PAGE_SIZE_ - 1);
    for (int i = 1; i <= nsegments; i++) {
        struct segment *s = &segments[i];
        if (s == except || !__atomic_load_n(&s->in_txn, __ATOMIC_SEQ_CST))
            continue;
        /* A locked add of 0 is a write that changes nothing, even if the
           owner writes the same word at the same time: the kernel copies
           the page for that segment alone. */
        for (uintptr_t pg = first; pg < start + len; pg += PAGE_SIZE_) {
            uint8_t *state = &s->private_pages[page_of(pg)];
            if (*state != PAGE_PRIVATE) {
                __atomic_fetch_add((uint64_t *)(s->base + pg), 0, __ATOMIC_RELAXED);
                *state = PAGE_PRIVATE;
                s->has_private = true;
            }
        }
    }
}

void segment_reshare(struct segment *s)
{
    madvise(s->base + obj_start, heap.frontier << BLOCK_SHIFT, MADV_DONTNEED);
    memset(s->private_pages, 0, (heap.frontier << BLOCK_SHIFT) / PAGE_SIZE_);
    s->has_private = false;
}

void clear_read_markers(struct segment *s)
{
    madvise(s->base + (obj_start >> 4), (heap.frontier << BLOCK_SHIFT) >> 4, MADV_DONTNEED);
}

void heap_discard(uintptr_t start, size_t size)
{
    /* Punching the hole in the file frees the memory; the private views
       drop their copies and read the hole's zeros. */
    madvise(seg_base[0] + start, size, MADV_REMOVE);
    size_t p0 = (start - (uintptr_t)heap.base) / PAGE_SIZE_;
    for (int i = 1; i <= nsegments; i++) {
        madvise(seg_base[i] + start, size, MADV_DONTNEED);
        memset(segments[i].private_pages + p0, 0, size / PAGE_SIZE_);
    }
}
#endif
