/*
** __del__ methods and weak reference callbacks.  libstm queues an object
** whose class defines __del__ when a collection finds it unreachable, and
** a weakref with a callback when its referent dies (stm_next_finalizable);
** the collection itself only raises a flag and asks for a transaction
** break, at which the base interpreter loop runs them (eval.c): a point
** where no C code is half-way through anything.  Running them wherever
** pending signals are checked (C loops around blocking calls included)
** crashed asyncio under GC stress.  So, as in PyPy and unlike CPython's
** reference counting, they run after the next collection rather than at
** the moment of the last `del`; gc.collect() runs them before it returns.
** C code that needs dead memoryviews released at once (a bytearray
** about to resize) takes the queue itself: the views are released and
** the rest waits in `deferred` for the next break.
*/
#include <string.h>

#include "vm/buffer.h"
#include "vm/eval.h"
#include "vm/mod_io.h"
#include "vm/mod_os.h"
#include "vm/runtime.h"

Object *weakref_callback_of(Object *v);

static volatile int finalizers_due;
/* A list: objects taken off libstm's queue whose finalizer waits for the
   next transaction break (finalizers_release_views). */
static Object *deferred;

bool finalizers_setup(void)
{
    deferred = list_new(0);
    if (!deferred)
        return false;
    stm_add_root((stm_obj **)&deferred);
    return true;
}

/* libstm's on_finalizers_due: called in the middle of a collection. */
void finalizers_notice(void)
{
    finalizers_due = 1;
    stm_hint_commit_soon();
}

void finalizers_release_views(void)
{
    if (!finalizers_due)
        return;
    /* Taken off the queue: an abort would lose them. */
    os_irreversible("finalizers");
    stm_obj *o;
    while ((o = stm_next_finalizable()) != NULL) {
        Object *v = (Object *)o;
        if (layout_of(v) == L_NATIVE && is_memoryview(v))
            memoryview_release(v);
        else if (list_append(deferred, v) < 0)
            exc_clear();        /* out of memory: that finalizer is lost */
    }
}

static void finalize(Object *v)
{
    if (layout_of(v) == L_NATIVE && is_memoryview(v)) {
        memoryview_release(v);
        return;
    }
    if (layout_of(v) == L_GENERATOR) {
        if (generator_finalize(v) < 0)
            report_unraisable("Exception ignored in", v);
        return;
    }
    if (type_of(v)->finalize) {
        type_of(v)->finalize(v);
        return;
    }
    Object *callback = weakref_callback_of(v);
    if (callback) {
        if (!obj_call1(callback, v))
            report_unraisable("Exception ignored in", callback);
        return;
    }
    Object *del = type_lookup(type_of(v), intern_cstr("__del__"));
    if (del && !obj_call1(del, v))
        report_unraisable("Exception ignored in", del);
}

/* Dead C frames below the caller's are not scanned, but the frames pushed
   next over them (a collection's) do not overwrite every word, and the
   collector scans the stack conservatively: it would find objects that
   died in them and keep them one collection longer.  Zeroes them. */
__attribute__((noinline)) void scrub_stack(void)
{
    /* 64 KiB: the frames of an unoptimised build are large.  Less on a
       small thread stack (threading.stack_size() allows 32 KiB). */
    char here;
    size_t used = (size_t)(vm_thread->stack_high - &here);
    size_t room = vm_thread->stack_budget > used ? vm_thread->stack_budget - used : 0;
    size_t n = room / 2 < 65536 ? room / 2 : 65536;
    char *area = __builtin_alloca(n);
    memset(area, 0, n);
    __asm__ volatile("" : : "r"(area) : "memory");
}

/* Objects that die together are finalized outer I/O layer first, the
   order CPython's reference counting gives: a text file's close() flushes
   into its buffer, whose close() flushes into the raw file, which closes
   the descriptor last (libstm queues them in the order they were made,
   the raw file first). */
static int io_layer(Object *v)
{
    Type *t = type_of(v);
    if (io_types.BufferedIOBase && type_is_subtype(t, io_types.BufferedIOBase))
        return 1;
    if (io_types.RawIOBase && type_is_subtype(t, io_types.RawIOBase))
        return 2;
    return 0;
}

static __attribute__((noinline)) bool run_due(void)
{
    /* An object taken off the queue by a transaction that aborted would
       never be finalized. */
    os_irreversible("finalizers");
    /* The caller's exception, if any, is not the finalizers' business. */
    Object *saved = exc_fetch();
    stm_obj *o;
    while ((o = stm_next_finalizable()) != NULL) {
        if (list_append(deferred, (Object *)o) < 0) {
            exc_clear();
            finalize((Object *)o);      /* out of memory: in no order */
        }
    }
    /* What these finalizers defer waits for the next run. */
    Object *batch = deferred, *fresh = list_new(0);
    if (fresh)
        deferred = fresh;
    else
        exc_clear();
    size_t n = list_size(batch);
    for (int layer = 0; layer < 3; layer++)
        for (size_t i = 0; i < n && i < list_size(batch); i++)
            if (io_layer(list_get(batch, i)) == layer)
                finalize(list_get(batch, i));
    if (batch == deferred)
        list_delete_range(deferred, 0, n);
    if (saved)
        exc_restore(saved);
    return n > 0;
}

bool finalizers_run(void)
{
    if (!finalizers_due)
        return false;
    finalizers_due = 0;
    bool ran = run_due();
    if (ran)
        scrub_stack();      /* run_due()'s frame and the finalizers' */
    return ran;
}
