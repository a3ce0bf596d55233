/*
** The _thread module: threads, locks, thread-local objects, and the
** pieces of CPython's _thread that Lib/threading.py builds on.
**
** Each thread is a pthread with its own VMThread and heap ThreadState; it
** runs its function in a base dispatch loop, the one that breaks
** transactions (and so, in the GIL flavour, lets the other threads run).
**
** A lock's state is a word in malloc'ed memory, not in the heap: a thread
** waits for it with a futex inside os_blocking(), holding no
** transaction (no GIL) meanwhile, and a waiter cannot read the heap.
** Taking and releasing a lock cannot be undone, so the transaction doing
** it becomes inevitable (nothing in the GIL flavour).  A word is reused
** once its lock object has died, which a weak reference tells: no thread
** can be waiting on it then, since a waiter holds the lock object.
*/
#include <errno.h>
#include <limits.h>
#include <linux/futex.h>
#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "vm/eval.h"
#include "vm/mod_os.h"
#include "vm/thread_stats.h"

/* <signal.h> declares raise(3), which the VM's raise() would clash with. */
#define raise c_raise
#include <signal.h>
#undef raise

void thread_attach(VMThread *t, const void *stack_top);
ThreadState *thread_state_new(void);
void transaction_start_inevitable(stm_thread *tl, const char *why);
Frame *function_frame(Object *func, Object *const *args, size_t nargs, Object *kwnames);

#define TIMEOUT_MAX 9223372036.0
#define MIN_STACK_SIZE 32768
#define DEFAULT_STACK_SIZE (16u << 20)

static Type *t_lock, *t_rlock, *t_local, *t_excepthook_args;
/* Threads started here and not yet finished: _count(), and whether the
   process may end under running threads (thread_others_running). */
static atomic_long running_threads;
static atomic_size_t new_stack_size;
static atomic_uint_fast64_t local_serial;

/* ---- lock words -------------------------------------------------------------- */

/* 0 free, 1 held, 2 held and maybe waited for (wake someone at release). */
typedef struct LockWord {
    atomic_int v;
} LockWord;

/* An RLock: the lock, its owner's ident and how many times it holds it. */
typedef struct RLockWord {
    LockWord lock;
    atomic_ulong owner;
    unsigned long count;
} RLockWord;

static long futex(atomic_int *addr, int op, int val, const struct timespec *until)
{
    return syscall(SYS_futex, addr, op | FUTEX_PRIVATE_FLAG, val, until, NULL,
                   FUTEX_BITSET_MATCH_ANY);
}

static bool lock_try(LockWord *l)
{
    int expected = 0;
    return atomic_compare_exchange_strong(&l->v, &expected, 1);
}

static void lock_release_word(LockWord *l)
{
    if (atomic_exchange(&l->v, 0) == 2)
        futex(&l->v, FUTEX_WAKE, 1, NULL);
}

enum { WAIT_ACQUIRED, WAIT_TIMEOUT, WAIT_INTERRUPTED };

struct LockWait {
    LockWord *lock;
    const struct timespec *until;       /* CLOCK_MONOTONIC; NULL: no limit */
    int result;
};

/* Runs detached from the heap (os_blocking).  A signal ends the
   wait so that the main thread can run its handlers. */
static void *lock_wait(void *arg)
{
    struct LockWait *w = arg;
    while (atomic_exchange(&w->lock->v, 2) != 0) {
        if (futex(&w->lock->v, FUTEX_WAIT_BITSET, 2, w->until) < 0) {
            if (errno == ETIMEDOUT) {
                w->result = WAIT_TIMEOUT;
                return NULL;
            }
            if (errno == EINTR) {
                w->result = WAIT_INTERRUPTED;
                return NULL;
            }
        }
    }
    w->result = WAIT_ACQUIRED;
    return NULL;
}

static void lock_effect(const char *why)
{
    os_irreversible(why);
}

/* Takes the lock, waiting at most `timeout` seconds (negative: no limit):
   1 taken, 0 not, -1 an exception (from a signal handler, or a wait that
   could never end). */
static int lock_acquire_timed(LockWord *l, double timeout)
{
    lock_effect("lock acquire");
    if (lock_try(l))
        return 1;
    if (timeout == 0)
        return 0;
    /* The holder cannot release it before the block ends: it would wait
       for the GIL, or for this inevitable transaction, forever. */
    if (timeout < 0 && stm_atomic_depth(&vm_thread->stm) > 0) {
        raise(vm.e_RuntimeError, "waiting for a lock held by another thread inside an atomic "
              "block would never end");
        return -1;
    }
    struct timespec until;
    if (timeout > 0) {
        clock_gettime(CLOCK_MONOTONIC, &until);
        double whole = floor(timeout);
        until.tv_sec += (time_t)whole;
        until.tv_nsec += (long)((timeout - whole) * 1e9);
        if (until.tv_nsec >= 1000000000) {
            until.tv_sec++;
            until.tv_nsec -= 1000000000;
        }
    }
    struct LockWait w = { l, timeout > 0 ? &until : NULL, WAIT_ACQUIRED };
    for (;;) {
        os_blocking(lock_wait, &w);
        if (w.result != WAIT_INTERRUPTED)
            return w.result == WAIT_ACQUIRED;
        if (signals_check() < 0)
            return -1;
        lock_effect("lock acquire");
    }
}

/* acquire(blocking=True, timeout=-1)'s arguments, checked as CPython's. */
static int acquire_args(Object *const *args, size_t nargs, Object *kwnames, double *timeout)
{
    static const char *const names[] = { "blocking", "timeout", NULL };
    Object *a[2];
    if (nargs > 2) {
        raise(vm.e_TypeError, "acquire() takes at most 2 arguments (%zu given)", nargs);
        return -1;
    }
    if (args_parse("acquire", args, nargs, kwnames, names, 0, 2, a) < 0)
        return -1;
    int blocking = 1;
    if (a[0] && (blocking = obj_truth(a[0])) < 0)
        return -1;
    double t = -1;
    if (a[1]) {
        if (is_float(a[1])) {
            t = float_value(a[1]);
        } else {
            int64_t i;
            Object *n = number_index(a[1]);
            if (!n || int_to_i64(n, &i) < 0)
                return -1;
            t = (double)i;
        }
        if (isnan(t) || fabs(t) * 1e9 >= 9.3e18) {
            raise(t != t ? vm.e_ValueError : vm.e_OverflowError,
                  t != t ? "Invalid value NaN (not a number)"
                         : "timestamp out of range for platform time_t");
            return -1;
        }
    }
    if (!blocking && t != -1) {
        raise(vm.e_ValueError, "can't specify a timeout for a non-blocking call");
        return -1;
    }
    if (t < 0 && t != -1) {
        raise(vm.e_ValueError, "timeout value must be positive");
        return -1;
    }
    if (t > TIMEOUT_MAX) {
        raise(vm.e_OverflowError, "timeout value is too large");
        return -1;
    }
    *timeout = blocking ? t : 0;
    return 0;
}

/* ---- _thread.lock ---------------------------------------------------------------- */

/* Every word ever allocated, with a weak reference to the lock object
   using it (NULL target: free).  The array is a root range, which keeps
   the weak reference objects alive. */
typedef struct WordEntry {
    Object *weak;
    RLockWord *word;
} WordEntry;
static WordEntry *words;
static size_t nwords, words_cap, sweep_pos;

/* A weak reference is a Native whose data[0], which the collector does not
   trace, is the weak slot. */
static Object *weak_ref_to(Object *target)
{
    Native *w = (Native *)stm_allocate_weakref(sizeof(struct Native) + sizeof(uint64_t), L_NATIVE,
                                               offsetof(struct Native, data));
    if (!w)
        return raise_no_memory();
    w->type = vm.t_object;
    w->data[0] = (uint64_t)(uintptr_t)target;
    return (Object *)w;
}

static bool weak_alive(Object *w)
{
    obj_read(w);
    return ((Native *)w)->data[0] != 0;
}

/* A zeroed word for the new lock object `owner`: a free one if the few
   entries looked at (round robin) include one, else a new one. */
static RLockWord *word_for(Object *owner)
{
    lock_effect("allocate_lock");
    Object *w = weak_ref_to(owner);
    if (!w)
        return NULL;
    for (size_t n = 0; n < nwords && n < 8; n++) {
        WordEntry *e = &words[sweep_pos++ % nwords];
        if (!weak_alive(e->weak)) {
            memset(e->word, 0, sizeof *e->word);
            e->weak = w;
            return e->word;
        }
    }
    if (nwords == words_cap) {
        size_t cap = words_cap ? words_cap * 2 : 64;
        WordEntry *a = calloc(cap, sizeof *a);
        if (!a)
            { raise_no_memory(); return NULL; }
        if (words) {
            memcpy(a, words, nwords * sizeof *a);
            stm_remove_root_range(words);
            free(words);
        }
        stm_add_root_range(a, cap * sizeof *a);
        words = a;
        words_cap = cap;
    }
    RLockWord *word = calloc(1, sizeof *word);
    if (!word)
        { raise_no_memory(); return NULL; }
    words[nwords++] = (WordEntry){ w, word };
    return word;
}

static void *native_word(Object *o)
{
    return (void *)(uintptr_t)((Native *)o)->data[0];
}

static Object *native_with_word(Type *t)
{
    Native *o = (Native *)vm_alloc(sizeof(struct Native) + sizeof(uint64_t), L_NATIVE, t);
    RLockWord *word = o ? word_for((Object *)o) : NULL;
    if (!word)
        return NULL;
    o->data[0] = (uint64_t)(uintptr_t)word;
    return (Object *)o;
}

static Object *lock_new(void)
{
    return native_with_word(t_lock);
}

static LockWord *lockw(Object *self) { return native_word(self); }

static Object *lock_acquire(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    double timeout;
    if (acquire_args(args, nargs, kw, &timeout) < 0)
        return NULL;
    int r = lock_acquire_timed(lockw(self), timeout);
    return r < 0 ? NULL : bool_obj(r);
}

static Object *lock_enter(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return lock_acquire(self, NULL, 0, NULL);
}

static Object *lock_release(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    LockWord *l = lockw(self);
    if (atomic_load(&l->v) == 0)
        return raise(vm.e_RuntimeError, "release unlocked lock");
    lock_effect("lock release");
    lock_release_word(l);
    return None;
}

static Object *lock_locked(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("locked", kw, nargs, 0) < 0)
        return NULL;
    return bool_obj(atomic_load(&lockw(self)->v) != 0);
}

static Object *lock_at_fork_reinit(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    atomic_store(&lockw(self)->v, 0);
    return None;
}

static Object *lock_repr(Object *self)
{
    return str_format("<%s _thread.lock object at %#lx>",
                      atomic_load(&lockw(self)->v) ? "locked" : "unlocked",
                      (unsigned long)(uintptr_t)self);
}

static Object *lock_tp_new(Object *cls, Object *const *args, size_t nargs, Object *kw)
{
    return raise(vm.e_TypeError, "cannot create '_thread.lock' instances");
}

/* ---- _thread.RLock ------------------------------------------------------------- */

static unsigned long current_ident(void)
{
    return (unsigned long)pthread_self();
}

static RLockWord *rlockw(Object *self) { return native_word(self); }

static Object *rlock_tp_new(Object *cls, Object *const *args, size_t nargs, Object *kw)
{
    return native_with_word((Type *)cls);
}

static Object *rlock_acquire(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    double timeout;
    if (acquire_args(args, nargs, kw, &timeout) < 0)
        return NULL;
    RLockWord *r = rlockw(self);
    unsigned long me = current_ident();
    if (atomic_load(&r->owner) == me) {
        if (r->count == ULONG_MAX)
            return raise(vm.e_OverflowError, "Internal lock count overflowed");
        /* The count lives outside the heap: an abort after this would run
           the acquire again and count it twice (the lock is never freed). */
        lock_effect("lock acquire");
        r->count++;
        return True_;
    }
    int got = lock_acquire_timed(&r->lock, timeout);
    if (got <= 0)
        return got < 0 ? NULL : False_;
    atomic_store(&r->owner, me);
    r->count = 1;
    return True_;
}

static Object *rlock_enter(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return rlock_acquire(self, NULL, 0, NULL);
}

static Object *rlock_release(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    RLockWord *r = rlockw(self);
    if (r->count == 0 || atomic_load(&r->owner) != current_ident())
        return raise(vm.e_RuntimeError, "cannot release un-acquired lock");
    lock_effect("lock release");
    if (--r->count == 0) {
        atomic_store(&r->owner, 0);
        lock_release_word(&r->lock);
    }
    return None;
}

static Object *rlock_is_owned(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    RLockWord *r = rlockw(self);
    return bool_obj(r->count > 0 && atomic_load(&r->owner) == current_ident());
}

/* Condition.wait() gives the lock up whatever its depth, then restores it. */
static Object *rlock_release_save(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    RLockWord *r = rlockw(self);
    if (r->count == 0)
        return raise(vm.e_RuntimeError, "cannot release un-acquired lock");
    lock_effect("lock release");
    Object *state = tuple_pack(2, int_from_u64(r->count), int_from_u64(atomic_load(&r->owner)));
    if (!state)
        return NULL;
    r->count = 0;
    atomic_store(&r->owner, 0);
    lock_release_word(&r->lock);
    return state;
}

static Object *rlock_acquire_restore(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("_acquire_restore", kw, nargs, 1) < 0)
        return NULL;
    Object *state = args[0];
    if (is_small(state) || state->type != vm.t_tuple || tuple_size(state) != 2)
        return raise(vm.e_TypeError, "_acquire_restore() argument 1 must be tuple");
    int64_t count, owner;
    if (int_to_i64(tuple_get(state, 0), &count) < 0 || int_to_i64(tuple_get(state, 1), &owner) < 0)
        return NULL;
    RLockWord *r = rlockw(self);
    if (lock_acquire_timed(&r->lock, -1) < 0)
        return NULL;
    atomic_store(&r->owner, (unsigned long)owner);
    r->count = (unsigned long)count;
    return None;
}

static Object *rlock_at_fork_reinit(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    RLockWord *r = rlockw(self);
    atomic_store(&r->lock.v, 0);
    atomic_store(&r->owner, 0);
    r->count = 0;
    return None;
}

static Object *rlock_repr(Object *self)
{
    RLockWord *r = rlockw(self);
    /* CPython's tp_name: "_thread.RLock", a subclass's bare name. */
    return str_format("<%s %s object owner=%lu count=%lu at %#lx>",
                      atomic_load(&r->lock.v) ? "locked" : "unlocked", type_name(type_of(self)),
                      atomic_load(&r->owner), r->count, (unsigned long)(uintptr_t)self);
}

/* ---- threads ----------------------------------------------------------------------- */

/* What a new thread owns: its VMThread, and until it has picked it up,
   the (function, args, kwargs) tuple it runs, kept alive as a root. */
typedef struct NewThread {
    VMThread vmt;
    Object *boot;
} NewThread;

/* Where the thread state's dict keeps the lock _set_sentinel() gave the
   thread, which holds it: released when the thread ends, which is how
   threading's join() learns of it.  (local objects use int keys there.) */
#define SENTINEL_KEY "_thread._set_sentinel"

/* A frame for callable(*args, **kwargs), args a tuple and kwargs a dict or
   NULL, when callable is a Python function or a method of one, so that
   the call runs in the caller's loop without recursing in C: 1 and *out
   set, 0 if the call is of another kind, -1 with an exception.  (eval.c's
   CALL_FUNCTION_EX, and new threads' base loops.) */
int call_ex_frame(Object *callable, Object *args, Object *kwargs, Frame **out)
{
    Object *self = NULL, *func = callable;
    if (!is_small(func) && func->type == vm.t_method) {
        obj_read(func);
        self = ((Method *)func)->self;
        func = ((Method *)func)->func;
    }
    if (is_small(func) || func->type != vm.t_function || is_small(args)
        || args->type != vm.t_tuple || (kwargs && (is_small(kwargs) || kwargs->type != vm.t_dict)))
        return 0;
    size_t nkw = kwargs ? dict_size(kwargs) : 0;
    size_t pos = 0;
    Object *key, *value;
    while (nkw && dict_next(kwargs, &pos, &key, &value))
        if (!is_str(key))
            return 0;
    size_t npos = tuple_size(args) + (self != NULL);
    Object *argv = tuple_new(npos + nkw);
    Object *kwnames = nkw ? tuple_new(nkw) : NULL;
    if (!argv || (nkw && !kwnames))
        return -1;
    size_t i = 0, k = 0;
    if (self)
        tuple_init_item(argv, i++, self);
    for (size_t j = 0; j < tuple_size(args); j++)
        tuple_init_item(argv, i++, tuple_get(args, j));
    pos = 0;
    while (nkw && dict_next(kwargs, &pos, &key, &value)) {
        tuple_init_item(kwnames, k++, key);
        tuple_init_item(argv, i++, value);
    }
    Object *const *items = (Object *const *)((char *)stm_real_address((stm_obj *)argv)
                                             + offsetof(struct Tuple, items));
    *out = function_frame(func, items, npos, kwnames);
    keep_alive(argv);
    return *out ? 1 : -1;
}

/* Calls callable(*args, **kwargs) as a thread's outermost call: a Python
   function runs in a base loop, which breaks transactions. */
static Object *call_in_base_loop(Object *callable, Object *args, Object *kwargs)
{
    Frame *f;
    int r = call_ex_frame(callable, args, kwargs, &f);
    if (r <= 0)
        return r < 0 ? NULL : call_with_tuple_and_dict(callable, args, kwargs);
    ThreadState *ts = thread_state();
    obj_write((Object *)ts);
    ts->depth++;
    f->back = ts->frame;
    f->flags |= FRAME_ENTRY;
    ts->frame = (Object *)f;
    Object *result = eval_run(f, true, false);
    ts = thread_state();
    obj_write((Object *)ts);
    ts->depth--;
    return result;
}

static Object *sys_stderr(void)
{
    Object *f = dict_get_cstr(((ModuleObj *)vm.sys)->dict, "stderr");
    return f ? f : None;
}

/* An exception that left a thread started by start_new_thread(): ignored
   if SystemExit, printed as sys.unraisablehook does otherwise. */
static void report_thread_exception(Object *func)
{
    if (exc_matches(vm.e_SystemExit))
        exc_clear();
    else
        report_unraisable("Exception ignored in thread started by", func);
}

static void *thread_main(void *arg)
{
    NewThread *nt = arg;
    VMThread *t = &nt->vmt;
    thread_attach(t, __builtin_frame_address(0));
    transaction_start_inevitable(&t->stm, "thread start");
    t->ts = thread_state_new();
    Object *boot = nt->boot;
    stm_remove_root((stm_obj **)&nt->boot);
    if (t->ts) {
        Object *func = tuple_get(boot, 0), *kwargs = tuple_get(boot, 2);
        if (!call_in_base_loop(func, tuple_get(boot, 1), kwargs == None ? NULL : kwargs))
            report_thread_exception(func);
    } else {
        fputs("Fatal: no memory for a new thread's state\n", stderr);
    }
    Object *sentinel = t->ts && t->ts->dict ? dict_get_cstr(t->ts->dict, SENTINEL_KEY) : NULL;
    if (sentinel && atomic_load(&lockw(sentinel)->v)) {
        lock_effect("thread exit");
        lock_release_word(lockw(sentinel));
    }
    atomic_fetch_sub(&running_threads, 1);
    stm_remove_root((stm_obj **)&t->ts);
    stm_commit_transaction(&t->stm);
    thread_stats_record(&t->stm, (unsigned long)pthread_self());
    stm_unregister_thread(&t->stm);
    free(nt);
    return NULL;
}

/* Asynchronous signals are for the main thread (CPython runs the handlers
   there): a new thread starts with them blocked, so that they interrupt
   the main thread's waits rather than a worker's. */
static void block_async_signals(sigset_t *old)
{
    sigset_t set;
    sigfillset(&set);
    static const int sync_signals[] = { SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGTRAP, SIGSYS, SIGABRT };
    for (size_t i = 0; i < sizeof sync_signals / sizeof sync_signals[0]; i++)
        sigdelset(&set, sync_signals[i]);
    pthread_sigmask(SIG_BLOCK, &set, old);
}

static Object *th_start_new_thread(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_no_kw("start_new_thread", kw) < 0 || args_count("start_new_thread", nargs, 2, 3) < 0)
        return NULL;
    if (!type_of(args[0])->call)
        return raise(vm.e_TypeError, "first arg must be callable");
    if (is_small(args[1]) || !type_is_subtype(type_of(args[1]), vm.t_tuple))
        return raise(vm.e_TypeError, "2nd arg must be a tuple");
    Object *kwargs = nargs > 2 ? args[2] : None;
    if (kwargs != None && (is_small(kwargs) || !type_is_subtype(type_of(kwargs), vm.t_dict)))
        return raise(vm.e_TypeError, "optional 3rd arg must be a dictionary");
    Object *targs = args[1]->type == vm.t_tuple ? args[1] : list_as_tuple(list_from_iterable(args[1]));
    /* Before the first effect an abort could not undo. */
    lock_effect("start_new_thread");
    NewThread *nt = calloc(1, sizeof *nt);
    if (!targs || !nt) {
        free(nt);
        return targs ? raise_no_memory() : NULL;
    }
    nt->boot = tuple_pack(3, args[0], targs, kwargs);
    if (!nt->boot) {
        free(nt);
        return NULL;
    }
    stm_add_root((stm_obj **)&nt->boot);
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    size_t size = atomic_load(&new_stack_size);
    pthread_attr_setstacksize(&attr, size ? size : DEFAULT_STACK_SIZE);
    sigset_t old;
    block_async_signals(&old);
    atomic_fetch_add(&running_threads, 1);
    pthread_t th;
    int err = pthread_create(&th, &attr, thread_main, nt);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    pthread_attr_destroy(&attr);
    if (err) {
        atomic_fetch_sub(&running_threads, 1);
        stm_remove_root((stm_obj **)&nt->boot);
        free(nt);
        return raise(vm.e_RuntimeError, "can't start new thread");
    }
    return int_from_u64((unsigned long)th);
}

bool thread_others_running(void)
{
    return atomic_load(&running_threads) > 0;
}

static Object *th_get_ident(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("get_ident", kw, nargs, 0) < 0)
        return NULL;
    return int_from_u64(current_ident());
}

static Object *th_get_native_id(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("get_native_id", kw, nargs, 0) < 0)
        return NULL;
    return int_from_i64(gettid());
}

static Object *th_count(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("_count", kw, nargs, 0) < 0)
        return NULL;
    return int_from_i64(atomic_load(&running_threads));
}

static Object *th_allocate_lock(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("allocate_lock", kw, nargs, 0) < 0)
        return NULL;
    return lock_new();
}

static Object *th_set_sentinel(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("_set_sentinel", kw, nargs, 0) < 0)
        return NULL;
    Object *l = lock_new();
    Object *d = l ? thread_dict() : NULL;
    /* The caller takes it; a second call forgets the first lock, as
       CPython does. */
    if (!d || dict_set_cstr(d, SENTINEL_KEY, l) < 0)
        return NULL;
    return l;
}

static Object *th_stack_size(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_no_kw("stack_size", kw) < 0 || args_count("stack_size", nargs, 0, 1) < 0)
        return NULL;
    size_t old = atomic_load(&new_stack_size);
    if (nargs == 0)
        return int_from_u64(old);
    int64_t size;
    Object *n = number_index(args[0]);
    if (!n || int_to_i64(n, &size) < 0)
        return NULL;
    if (size < 0)
        return raise(vm.e_ValueError, "size must be 0 or a positive value");
    if (size != 0 && size < MIN_STACK_SIZE)
        return raise(vm.e_ValueError, "size not valid: %lld bytes", (long long)size);
    atomic_store(&new_stack_size, (size_t)size);
    return int_from_u64(old);
}

static Object *th_exit(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("exit", kw, nargs, 0) < 0)
        return NULL;
    return raise_object((Object *)vm.e_SystemExit);
}

static Object *th_daemon_threads_allowed(Object *self, Object *const *args, size_t nargs,
                                         Object *kw)
{
    return True_;
}

/* Simulates the signal's arrival in the main thread, whose thread id is
   the process id: its handler runs there, as for a real one; nothing
   happens if Python installed no handler. */
static Object *th_interrupt_main(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    static const char *const names[] = { "signum", NULL };
    Object *a[1];
    if (args_parse("interrupt_main", args, nargs, kw, names, 0, 1, a) < 0)
        return NULL;
    int64_t sig = SIGINT;
    if (a[0] && os_arg_int(a[0], &sig) < 0)
        return NULL;
    if (sig < 1 || sig >= NSIG)
        return raise(vm.e_ValueError, "signal number out of range");
    struct sigaction sa;
    sigaction((int)sig, NULL, &sa);
    if (sa.sa_handler == SIG_DFL || sa.sa_handler == SIG_IGN)
        return None;
    lock_effect("interrupt_main");
    if (syscall(SYS_tgkill, getpid(), getpid(), (int)sig) < 0)
        return raise_os_error(errno, NULL);
    return signals_check() < 0 ? NULL : None;
}

/* ---- threading.excepthook ------------------------------------------------------------ */

/* _excepthook(args): prints "Exception in thread NAME:" and the traceback
   to sys.stderr (or the thread's _stderr when that is None), nothing for
   SystemExit. */
static Object *th_excepthook(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("_excepthook", kw, nargs, 1) < 0)
        return NULL;
    Object *a = args[0];
    if (is_small(a) || type_of(a) != t_excepthook_args)
        return raise(vm.e_TypeError, "_thread._excepthook argument type must be ExceptHookArgs");
    Object *exc_type = obj_getattr_cstr(a, "exc_type");
    Object *exc_value = exc_type ? obj_getattr_cstr(a, "exc_value") : NULL;
    Object *thread = exc_value ? obj_getattr_cstr(a, "thread") : NULL;
    if (!thread)
        return NULL;
    if (exc_type == (Object *)vm.e_SystemExit)
        return None;
    Object *file = sys_stderr();
    if (file == None) {
        if (thread == None)
            return None;
        file = obj_getattr_cstr(thread, "_stderr");
        if (!file)
            return NULL;
        if (file == None)
            return None;
    }
    Object *name = thread != None ? obj_getattr_cstr(thread, "name") : int_from_u64(current_ident());
    Object *text = name ? obj_str(name) : NULL;
    char *s = text ? str_to_utf8(text, NULL) : NULL;
    if (!s)
        return NULL;
    size_t n = strlen(s) + 40;
    char *header = malloc(n);
    if (!header) {
        free(s);
        return raise_no_memory();
    }
    snprintf(header, n, "Exception in thread %s:\n", s);
    free(s);
    int r = write_exception(file, header, exc_type, exc_value);
    free(header);
    return r < 0 ? NULL : None;
}

/* ---- _thread._local ------------------------------------------------------------------- */

/* A local object keeps its constructor's arguments in refs[0] and refs[1]
   and a serial number in data[0]; each thread keeps its attributes in its
   ThreadState's dict under that number, which, unlike the object's
   address, is never reused.  Threads never write the object itself: in
   the STM flavour they would all conflict on it. */
static Object *local_tp_new(Object *cls, Object *const *args, size_t nargs, Object *kw)
{
    Type *t = (Type *)cls;
    bool has_args = nargs || (kw && tuple_size(kw));
    if (has_args) {
        Object *init = type_lookup(t, intern_cstr("__init__"));
        Object *base_init = type_lookup(vm.t_object, intern_cstr("__init__"));
        if (init == base_init)
            return raise(vm.e_TypeError, "Initialization arguments are not supported");
    }
    Native *o = (Native *)vm_alloc(sizeof(struct Native) + sizeof(uint64_t), L_NATIVE, t);
    if (!o)
        return NULL;
    o->refs[0] = tuple_from_array(args, nargs);
    o->refs[1] = kw && tuple_size(kw) ? dict_new() : None;
    if (!o->refs[0] || !o->refs[1])
        return NULL;
    for (size_t i = 0; kw && i < tuple_size(kw); i++)
        if (dict_set(o->refs[1], tuple_get(kw, i), args[nargs + i]) < 0)
            return NULL;
    o->data[0] = atomic_fetch_add(&local_serial, 1) + 1;
    Object *d = dict_new();
    Object *td = d ? thread_dict() : NULL;
    if (!td)
        return NULL;
    if (dict_set(td, int_from_u64(o->data[0]), d) < 0)
        return NULL;
    return (Object *)o;
}

/* The running thread's dict for the object, created and filled by
   calling __init__ again with the original arguments the first time this
   thread sees the object. */
static Object *local_dict(Object *self)
{
    Native *o = (Native *)self;
    obj_read(self);
    Object *td = thread_dict();
    Object *key = td ? int_from_u64(o->data[0]) : NULL;
    Object *d = NULL;
    int found = key ? dict_lookup(td, key, &d) : -1;
    if (found < 0)
        return NULL;
    if (found)
        return d;
    d = dict_new();
    if (!d || dict_set(td, key, d) < 0)
        return NULL;
    Object *init = type_lookup(type_of(self), intern_cstr("__init__"));
    if (init == type_lookup(vm.t_object, intern_cstr("__init__")))
        return d;
    Object *bound = obj_getattr_cstr(self, "__init__");
    Object *r = bound ? call_with_tuple_and_dict(bound, o->refs[0],
                                                 o->refs[1] == None ? NULL : o->refs[1]) : NULL;
    if (!r) {
        Object *e = exc_fetch();
        if (dict_del(td, key) < 0)
            exc_clear();
        exc_restore(e);
        return NULL;
    }
    return d;
}

static Object *local_getattr(Object *self, Object *name)
{
    Object *d = local_dict(self);
    if (!d)
        return NULL;
    if (is_str(name) && str_eq_cstr(name, "__dict__"))
        return d;
    return generic_getattr_in(self, name, d);
}

static int local_setattr(Object *self, Object *name, Object *value)
{
    if (is_str(name) && str_eq_cstr(name, "__dict__")) {
        raise(vm.e_AttributeError, "'%s' object attribute '__dict__' is read-only",
              type_name(type_of(self)));
        return -1;
    }
    Object *d = local_dict(self);
    return d ? generic_setattr_in(self, name, value, d) : -1;
}

/* ---- the module ------------------------------------------------------------------------------ */

static Type *new_type(Type **slot, const char *name, uint32_t flags)
{
    stm_add_root((stm_obj **)slot);
    Type *t = type_new_builtin(name, vm.t_object, L_NATIVE,
                               sizeof(struct Native) + sizeof(uint64_t), flags);
    dict_set_cstr(t->dict, "__module__", intern_cstr("_thread"));
    *slot = t;
    return t;
}

static void thread_types_init(void)
{
    Type *l = new_type(&t_lock, "lock", 0);
    l->tp_new = lock_tp_new;
    l->repr = lock_repr;
    l->getattr = generic_getattr;
    type_inherit(l);
    static const MethodDef lock_methods[] = {
        { "acquire", lock_acquire, 0 }, { "acquire_lock", lock_acquire, 0 },
        { "release", lock_release, 0 }, { "release_lock", lock_release, 0 },
        { "locked", lock_locked, 0 }, { "locked_lock", lock_locked, 0 },
        { "__enter__", lock_enter, 0 }, { "__exit__", lock_release, 0 },
        { "_at_fork_reinit", lock_at_fork_reinit, 0 },
        { NULL, NULL, 0 },
    };
    type_add_methods(l, lock_methods);

    Type *r = new_type(&t_rlock, "RLock", TF_BASETYPE);
    r->tp_new = rlock_tp_new;
    r->repr = rlock_repr;
    r->getattr = generic_getattr;
    type_inherit(r);
    static const MethodDef rlock_methods[] = {
        { "acquire", rlock_acquire, 0 }, { "release", rlock_release, 0 },
        { "__enter__", rlock_enter, 0 }, { "__exit__", rlock_release, 0 },
        { "_is_owned", rlock_is_owned, 0 }, { "_release_save", rlock_release_save, 0 },
        { "_acquire_restore", rlock_acquire_restore, 0 },
        { "_at_fork_reinit", rlock_at_fork_reinit, 0 },
        { NULL, NULL, 0 },
    };
    type_add_methods(r, rlock_methods);

    Type *lo = new_type(&t_local, "_local", TF_BASETYPE | TF_HAS_DICT);
    lo->tp_new = local_tp_new;
    lo->getattr = local_getattr;
    lo->setattr = local_setattr;
    type_inherit(lo);

    static const char *const fields[] = { "exc_type", "exc_value", "exc_traceback", "thread" };
    stm_add_root((stm_obj **)&t_excepthook_args);
    t_excepthook_args = structseq_type("_thread", "_ExceptHookArgs", fields, 4, 4);
}

Object *thread_module_init(void)
{
    static const MethodDef functions[] = {
        { "start_new_thread", th_start_new_thread, 0 }, { "start_new", th_start_new_thread, 0 },
        { "allocate_lock", th_allocate_lock, 0 }, { "allocate", th_allocate_lock, 0 },
        { "get_ident", th_get_ident, 0 }, { "get_native_id", th_get_native_id, 0 },
        { "_count", th_count, 0 }, { "stack_size", th_stack_size, 0 },
        { "_set_sentinel", th_set_sentinel, 0 }, { "exit", th_exit, 0 },
        { "exit_thread", th_exit, 0 }, { "interrupt_main", th_interrupt_main, 0 },
        { "daemon_threads_allowed", th_daemon_threads_allowed, 0 },
        { "_excepthook", th_excepthook, 0 },
        { NULL, NULL, 0 },
    };
    if (!t_lock)
        thread_types_init();
    Object *m = os_module_new("_thread", functions);
    if (!m)
        return NULL;
    os_module_add(m, "LockType", (Object *)t_lock);
    os_module_add(m, "RLock", (Object *)t_rlock);
    os_module_add(m, "_local", (Object *)t_local);
    os_module_add(m, "_ExceptHookArgs", (Object *)t_excepthook_args);
    os_module_add(m, "error", (Object *)vm.e_RuntimeError);
    os_module_add(m, "TIMEOUT_MAX", float_new(TIMEOUT_MAX));
    return m;
}

/* At exit, before atexit's calls, as CPython: threading._shutdown() joins
   the non-daemon threads, if threading was imported. */
void thread_shutdown(void)
{
    Object *threading = dict_get_cstr(vm.modules, "threading");
    if (!threading)
        return;
    Object *fn = obj_getattr_cstr(threading, "_shutdown");
    if (!fn || !obj_call0(fn)) {
        io_flush_std();
        report_unraisable("Exception ignored on threading shutdown", NULL);
    }
}
