/*
** Output of a transaction that may still abort.  In the STM flavour a
** write to the standard output or error (fd 1 or 2) by a transaction that
** is not inevitable is kept in a buffer of the thread's and written when
** the transaction commits, or thrown away if it aborts: printing does not
** make the transaction inevitable, and an aborted transaction's output
** never appears.  Each deferred write is made with one write call, as the
** program made it, so lines from different threads never mix within one.
** Anything else irreversible makes the transaction inevitable, and the
** buffer is written out at that point, keeping the order of effects.
**
** In the GIL flavour every transaction counts as inevitable: nothing is
** deferred.
*/
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "vm/mod_os.h"

/* Past this a transaction stops deferring: it becomes inevitable and
   writes what it has. */
#define DEFER_LIMIT (64 * 1024)

/* The deferred writes, each a Record followed by its bytes. */
typedef struct Record {
    int fd;
    size_t len;
} Record;

static __thread char *buffer;
static __thread size_t used, capacity;

static void write_fully(int fd, const char *p, size_t n)
{
    while (n) {
        ssize_t w = write(fd, p, n);
        if (w < 0)
            return;         /* as a failed write at exit: the bytes are dropped */
        p += w;
        n -= (size_t)w;
    }
}

void output_flush(void)
{
    for (size_t at = 0; at < used;) {
        Record r;
        memcpy(&r, buffer + at, sizeof r);
        write_fully(r.fd, buffer + at + sizeof r, r.len);
        at += sizeof r + r.len;
    }
    used = 0;
}

void output_discard(void)
{
    used = 0;
}

bool output_defer(int fd, const void *p, size_t n)
{
    if ((fd != 1 && fd != 2) || stm_is_inevitable(&vm_thread->stm))
        return false;
    size_t need = used + sizeof(Record) + n;
    if (need > DEFER_LIMIT)
        return false;
    if (need > capacity) {
        size_t cap = capacity ? capacity : 4096;
        while (cap < need)
            cap *= 2;
        char *nb = realloc(buffer, cap);
        if (!nb)
            return false;
        buffer = nb;
        capacity = cap;
    }
    Record r = { fd, n };
    memcpy(buffer + used, &r, sizeof r);
    memcpy(buffer + used + sizeof r, p, n);
    used = need;
    return true;
}

bool output_pending(void)
{
    return used != 0;
}
