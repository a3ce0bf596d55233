/*
** Misuse of the API fails loudly in debug builds (STM_DEBUG: gil-debug and
** gil-asan): the process aborts with a message naming the mistake, instead
** of corrupting the heap later.  Each mistake runs in a grandchild whose
** stderr is captured, so that the message is checked too.  The optimised
** build only checks that correct use stays quiet.
*/
#include "testlib.h"
#include "testobj.h"
#include "testutil.h"
#include <errno.h>

static stm_thread main_tl;

static void begin(void)
{
    unsetenv("STM_GC_STRESS");
    test_setup(0);
    stm_register_thread(&main_tl);
}

static void correct_use_is_quiet(void)
{
    begin();
    stm_start_transaction(&main_tl);
    node *volatile n = new_node(NULL, NULL, 1);
    stm_atomic_enter(&main_tl);
    stm_commit_transaction(&main_tl);         /* a no-op inside the block */
    stm_atomic_leave(&main_tl);
    stm_collect_minor();
    stm_commit_transaction(&main_tl);
    stm_start_transaction(&main_tl);
    set_left(n, new_node(NULL, NULL, 2));
    CHECK_EQ(n->left->value, 2);
    stm_commit_transaction(&main_tl);
    stm_unregister_thread(&main_tl);
    stm_teardown();
}

#ifdef STM_DEBUG

/* Runs fn in a child; true if it died of SIGABRT after writing a line
   that contains `message` to stderr. */
static bool dies_with(void (*fn)(void), const char *message)
{
    int fds[2];
    CHECK(pipe(fds) == 0);
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        dup2(fds[1], 2);
        close(fds[0]);
        signal(SIGABRT, SIG_DFL);
        fn();
        _exit(0);
    }
    close(fds[1]);
    char buf[4096];
    size_t len = 0;
    for (;;) {
        ssize_t r = read(fds[0], buf + len, sizeof buf - 1 - len);
        if (r > 0)
            len += (size_t)r;
        else if (r == 0 || errno != EINTR || len == sizeof buf - 1)
            break;
    }
    buf[len] = '\0';
    close(fds[0]);
    int status;
    waitpid(pid, &status, 0);
    bool ok = WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT
              && strstr(buf, "libstm: fatal:") && strstr(buf, message);
    if (!ok)
        printf("expected an abort with \"%s\"; status %#x, stderr: %s\n", message, status, buf);
    return ok;
}

#define MISUSE(name, message, ...)                                        \
    static void name##_body(void) { __VA_ARGS__ }                         \
    static void name(void) { CHECK(dies_with(name##_body, message)); }

MISUSE(commit_outside_transaction, "stm_commit_transaction() outside a transaction",
       begin();
       stm_commit_transaction(&main_tl);)

MISUSE(commit_twice, "stm_commit_transaction() outside a transaction",
       begin();
       stm_start_transaction(&main_tl);
       stm_commit_transaction(&main_tl);
       stm_commit_transaction(&main_tl);)

MISUSE(start_inside_transaction, "inside a transaction",
       begin();
       stm_start_transaction(&main_tl);
       stm_start_transaction(&main_tl);)

MISUSE(start_unregistered, "not registered",
       static stm_thread stranger;
       test_setup(0);
       stm_start_transaction(&stranger);)

MISUSE(register_twice, "already registered",
       static stm_thread second;
       begin();
       stm_register_thread(&second);)

MISUSE(unregister_in_transaction, "stm_unregister_thread() inside a transaction",
       begin();
       stm_start_transaction(&main_tl);
       stm_unregister_thread(&main_tl);)

MISUSE(atomic_leave_without_enter, "stm_atomic_leave() without stm_atomic_enter()",
       begin();
       stm_start_transaction(&main_tl);
       stm_atomic_leave(&main_tl);)

MISUSE(atomic_enter_outside, "stm_atomic_enter() outside a transaction",
       begin();
       stm_atomic_enter(&main_tl);)

MISUSE(collect_outside_transaction, "outside a transaction",
       begin();
       stm_start_transaction(&main_tl);
       stm_commit_transaction(&main_tl);
       stm_collect_minor();)

/* The fast path would succeed: the bump region of the last transaction is
   still open. */
MISUSE(allocate_after_commit, "stm_allocate() outside a transaction",
       begin();
       stm_start_transaction(&main_tl);
       CHECK(new_node(NULL, NULL, 1));
       stm_commit_transaction(&main_tl);
       new_node(NULL, NULL, 2);)

MISUSE(write_old_outside_transaction, "stm_write() outside a transaction",
       begin();
       stm_start_transaction(&main_tl);
       node *volatile n = new_node(NULL, NULL, 1);
       stm_collect_minor();
       stm_commit_transaction(&main_tl);
       stm_start_transaction(&main_tl);
       stm_collect_minor();
       stm_commit_transaction(&main_tl);
       stm_write((stm_obj *)n);)

/* A thread that never registered uses the heap while the registered one
   holds the lock between transactions. */
static node *volatile shared_node;

static void *stranger_allocates(void *arg)
{
    new_node(NULL, NULL, 3);
    return arg;
}

MISUSE(allocate_from_unregistered_thread, "stm_allocate() outside a transaction",
       begin();
       stm_start_transaction(&main_tl);
       shared_node = new_node(NULL, NULL, 1);
       pthread_t t;
       pthread_create(&t, NULL, stranger_allocates, NULL);
       pthread_join(t, NULL);)

static void *stranger_collects(void *arg)
{
    stm_collect_major();
    return arg;
}

MISUSE(collect_from_unregistered_thread, "outside a transaction",
       begin();
       stm_start_transaction(&main_tl);
       pthread_t t;
       pthread_create(&t, NULL, stranger_collects, NULL);
       pthread_join(t, NULL);)

#ifdef STM_FLAVOUR_GIL
MISUSE(abort_in_gil_flavour, "cannot undo",
       begin();
       stm_start_transaction(&main_tl);
       stm_abort_transaction(&main_tl);)
#  define ABORT_CASE {"abort_in_gil_flavour", abort_in_gil_flavour, 0},
#else
#  define ABORT_CASE
#endif

MISUSE(remove_unknown_root, "not a registered root",
       static stm_obj *slot;
       begin();
       stm_remove_root(&slot);)

MISUSE(remove_unknown_range, "not a registered range",
       static stm_obj *range[4];
       begin();
       stm_remove_root_range(range);)

MISUSE(setup_twice, "stm_setup() called twice",
       test_setup(0);
       test_setup(0);)

MISUSE(teardown_with_threads, "threads still registered",
       begin();
       stm_teardown();)

MISUSE(finalizer_twice, "stm_enable_finalizer() twice",
       begin();
       stm_start_transaction(&main_tl);
       node *n = new_node(NULL, NULL, 1);
       stm_enable_finalizer((stm_obj *)n);
       stm_enable_finalizer((stm_obj *)n);)

MISUSE(notify_not_weakref, "stm_notify_cleared() on an object that is not a weakref",
       begin();
       stm_start_transaction(&main_tl);
       stm_notify_cleared((stm_obj *)new_node(NULL, NULL, 1));)

MISUSE(weakref_bad_slot, "bad slot offset",
       begin();
       stm_start_transaction(&main_tl);
       stm_allocate_weakref(16, T_WEAK, 16);)

/* A trace callback that reports a word that is no object. */
static void bad_trace(struct stm_header *obj, stm_visit_fn *visit, void *ctx)
{
    static stm_obj *bogus;
    if (obj->stm_type == T_NODE) {
        bogus = (stm_obj *)(uintptr_t)((char *)obj + 8);
        visit(&bogus, ctx);
    }
}

MISUSE(trace_reports_non_object, "which is not an object",
       struct stm_config cfg = {.trace = bad_trace};
       CHECK(stm_setup(&cfg));
       stm_register_thread(&main_tl);
       stm_start_transaction(&main_tl);
       node *volatile n = new_node(NULL, NULL, 1);
       (void)n;
       stm_collect_minor();)

MISUSE(stack_top_below_caller, "not above the caller",
       begin();
       stm_set_stack_top((void *)16);)

#ifdef STM_FLAVOUR_STM
static stm_obj *static_slot[2];
/* Only the STM flavour skips static ranges, and checks them instead. */
MISUSE(static_range_names_young, "static root range",
       begin();
       stm_add_static_root_range(static_slot, sizeof static_slot);
       stm_start_transaction(&main_tl);
       static_slot[1] = (stm_obj *)new_node(NULL, NULL, 1);
       for (int i = 0; i < 1000000; i++)        /* until the nursery is collected */
           new_node(NULL, NULL, i);
       stm_commit_transaction(&main_tl);)
#  define STATIC_RANGE_CASE {"static_range_names_young", static_range_names_young, 0},
#else
#  define STATIC_RANGE_CASE
#endif

#define DEBUG_CASES                                                          \
    {"commit_outside_transaction", commit_outside_transaction, 0},           \
    {"commit_twice", commit_twice, 0},                                       \
    {"start_inside_transaction", start_inside_transaction, 0},               \
    {"start_unregistered", start_unregistered, 0},                           \
    {"register_twice", register_twice, 0},                                   \
    {"unregister_in_transaction", unregister_in_transaction, 0},             \
    {"atomic_leave_without_enter", atomic_leave_without_enter, 0},           \
    {"atomic_enter_outside", atomic_enter_outside, 0},                       \
    {"collect_outside_transaction", collect_outside_transaction, 0},         \
    {"allocate_after_commit", allocate_after_commit, 0},                     \
    {"write_old_outside_transaction", write_old_outside_transaction, 0},     \
    {"allocate_from_unregistered_thread", allocate_from_unregistered_thread, 0}, \
    {"collect_from_unregistered_thread", collect_from_unregistered_thread, 0}, \
    ABORT_CASE                                                               \
    {"remove_unknown_root", remove_unknown_root, 0},                         \
    {"remove_unknown_range", remove_unknown_range, 0},                       \
    {"setup_twice", setup_twice, 0},                                         \
    {"teardown_with_threads", teardown_with_threads, 0},                     \
    {"finalizer_twice", finalizer_twice, 0},                                 \
    {"notify_not_weakref", notify_not_weakref, 0},                           \
    {"weakref_bad_slot", weakref_bad_slot, 0},                               \
    {"trace_reports_non_object", trace_reports_non_object, 0},               \
    {"stack_top_below_caller", stack_top_below_caller, 0},                   \
    STATIC_RANGE_CASE
#else
#define DEBUG_CASES
#endif

#ifdef STM_FLAVOUR_GIL
/* Not a debug-only check: the GIL flavour can never undo a transaction. */
#define GIL_CASES {"abort_always_fatal", abort_always_fatal, SIGABRT},
static void abort_always_fatal(void)
{
    CHECK(freopen("/dev/null", "w", stderr));     /* the expected complaint */
    begin();
    stm_start_transaction(&main_tl);
    stm_abort_transaction(&main_tl);
}
#else
#define GIL_CASES
#endif

RUN_TESTS(DEBUG_CASES GIL_CASES
          {"correct_use_is_quiet", correct_use_is_quiet, 0})
