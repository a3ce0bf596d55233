/*
** The heap's address range and its blocks: reservation, the side tables,
** handing out runs of free blocks, and giving memory back to the OS.
*/
#include "core.h"
#include <string.h>
#include <sys/mman.h>

struct heap heap;
uint8_t *_stm_start_bits_biased;

static void *reserve(size_t size)
{
    void *p = mmap(NULL, size, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    return p == MAP_FAILED ? NULL : p;
}

bool heap_reserve(size_t size)
{
    size = (size + BLOCK_SIZE - 1) & ~(BLOCK_SIZE - 1);
    memset(&heap, 0, sizeof heap);
#ifdef STM_FLAVOUR_STM
    if (!segments_map(size, gc.cfg.segments))
        return false;
#else
    char *raw = reserve(size + BLOCK_SIZE);
    if (!raw) {
        fprintf(stderr, "libstm: cannot reserve %zu bytes of address space "
                "for the heap (set STM_HEAP_SIZE lower)\n", size);
        return false;
    }
    heap.base = (char *)(((uintptr_t)raw + BLOCK_SIZE - 1) & ~(BLOCK_SIZE - 1));
#endif
    heap.nblocks = size >> BLOCK_SHIFT;
    heap.blocks = reserve(heap.nblocks * sizeof *heap.blocks);
    heap.line_marks = reserve(heap.nblocks * LINES_PER_BLOCK);
    heap.start_bits = reserve(size >> (GRANULE_SHIFT + 3));
    heap.mark_bits = reserve(size >> (GRANULE_SHIFT + 3));
    heap.free_map = reserve((heap.nblocks + 63) / 64 * 8);
    if (!heap.blocks || !heap.line_marks || !heap.start_bits || !heap.mark_bits
        || !heap.free_map) {
        fprintf(stderr, "libstm: cannot reserve the heap's side tables\n");
        return false;
    }
#ifdef STM_FLAVOUR_GIL
    /* Unmap the alignment slack so that the range is exactly the heap. */
    size_t head = (size_t)(heap.base - raw);
    if (head)
        munmap(raw, head);
    if (BLOCK_SIZE - head)
        munmap(heap.base + size, BLOCK_SIZE - head);
#endif
    _stm_start_bits_biased = heap.start_bits - ((uintptr_t)heap.base >> 7);
    return true;
}

void heap_release(void)
{
    size_t size = heap.nblocks << BLOCK_SHIFT;
#ifdef STM_FLAVOUR_STM
    segments_unmap();
#else
    munmap(heap.base, size);
#endif
    munmap(heap.blocks, heap.nblocks * sizeof *heap.blocks);
    munmap(heap.line_marks, heap.nblocks * LINES_PER_BLOCK);
    munmap(heap.start_bits, size >> (GRANULE_SHIFT + 3));
    munmap(heap.mark_bits, size >> (GRANULE_SHIFT + 3));
    munmap(heap.free_map, (heap.nblocks + 63) / 64 * 8);
    wordvec_free(&heap.recycle);
    wordvec_free(&heap.large);
    memset(&heap, 0, sizeof heap);
}

static inline bool block_is_free(size_t b) { return (heap.free_map[b >> 6] >> (b & 63)) & 1; }
static inline void set_free(size_t b) { heap.free_map[b >> 6] |= (uint64_t)1 << (b & 63); }
static inline void set_used(size_t b) { heap.free_map[b >> 6] &= ~((uint64_t)1 << (b & 63)); }

/* First free block at or after `from` below the frontier, or frontier. */
static size_t next_free(size_t from)
{
    size_t w = from >> 6;
    size_t nwords = (heap.frontier + 63) >> 6;
    if (w >= nwords)
        return heap.frontier;
    uint64_t bits = heap.free_map[w] & (~(uint64_t)0 << (from & 63));
    while (bits == 0) {
        if (++w >= nwords)
            return heap.frontier;
        bits = heap.free_map[w];
    }
    size_t b = (w << 6) + (size_t)__builtin_ctzll(bits);
    return b < heap.frontier ? b : heap.frontier;
}

static size_t find_run(size_t n)
{
    if (n == 1) {
        size_t b = next_free(heap.free_cursor);
        if (b == heap.frontier && heap.free_cursor != 0)
            b = next_free(0);
        if (b < heap.frontier) {
            heap.free_cursor = b + 1;
            return b;
        }
    } else {
        size_t b = next_free(0);
        while (b < heap.frontier) {
            size_t e = b + 1;
            while (e < heap.frontier && e - b < n && block_is_free(e))
                e++;
            if (e - b == n)
                return b;
            b = next_free(e);
        }
    }
    /* Grow into never-used address space, absorbing free blocks just below
       the frontier. */
    size_t start = heap.frontier;
    while (start > 0 && block_is_free(start - 1) && heap.frontier - (start - 1) <= n)
        start--;
    if (start + n > heap.nblocks)
        return (size_t)-1;
    for (size_t b = heap.frontier; b < start + n; b++)
        heap.blocks[b].zeroed = 1;       /* never touched: the kernel's zero pages */
    heap.frontier = start + n;
    return start;
}

size_t blocks_take(size_t n)
{
    size_t first = find_run(n);
    if (first == (size_t)-1)
        return first;
    for (size_t b = first; b < first + n; b++) {
        struct block_meta *m = &heap.blocks[b];
        if (!m->zeroed) {
            NOTE_WRITTEN(block_addr(b), BLOCK_SIZE);
            memset(real_cur(block_addr(b)), 0, BLOCK_SIZE);
        }
        m->zeroed = 0;
        set_used(b);
    }
    heap.used_blocks += n;
    return first;
}

void blocks_give_back(size_t first, size_t n)
{
    for (size_t b = first; b < first + n; b++) {
        struct block_meta *m = &heap.blocks[b];
        memset(m, 0, sizeof *m);
        memset(heap.line_marks + b * LINES_PER_BLOCK, 0, LINES_PER_BLOCK);
        set_free(b);
    }
    heap.used_blocks -= n;
    if (n > 1) {
        /* Large objects' memory goes back to the OS at once. */
        heap_discard(block_addr(first), n << BLOCK_SHIFT);
        for (size_t b = first; b < first + n; b++)
            heap.blocks[b].zeroed = 1;
    }
}

static bool free_and_dirty(size_t b)
{
    return block_is_free(b) && !heap.blocks[b].zeroed;
}

void blocks_trim(void)
{
    /* Keep a quarter of the used size (at least 8 MiB) ready for reuse and
       return the rest, highest addresses first. */
    size_t keep = heap.used_blocks / 4 + (((size_t)8 << 20) >> BLOCK_SHIFT);
    size_t dirty = 0;
    for (size_t b = 0; b < heap.frontier; b++)
        dirty += free_and_dirty(b);
    size_t b = heap.frontier;
    while (b > 0 && dirty > keep) {
        b--;
        if (!free_and_dirty(b))
            continue;
        size_t end = b + 1;
        dirty--;
        while (b > 0 && dirty > keep && free_and_dirty(b - 1)) {
            b--;
            dirty--;
        }
        heap_discard(block_addr(b), (end - b) << BLOCK_SHIFT);
        for (size_t i = b; i < end; i++)
            heap.blocks[i].zeroed = 1;
    }
}

#ifdef STM_FLAVOUR_GIL
void heap_discard(uintptr_t start, size_t size)
{
    madvise((void *)start, size, MADV_DONTNEED);
}
#endif
