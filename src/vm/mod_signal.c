/*
** The _signal module.  The C handler only records the signal and asks
** the running transaction to end soon; the Python handler runs later in
** the main thread, between two instructions (signals_check) or when a
** blocking system call returns EINTR.  SIGINT's default handler raises
** KeyboardInterrupt, installed at start-up as CPython does.
*/
#include <errno.h>
#include <pthread.h>
#include <string.h>
#include <unistd.h>

#include "vm/mod_os.h"

/* <signal.h> declares raise(3), which the VM's raise() would clash with. */
#define raise c_raise
#include <signal.h>
#undef raise

volatile sig_atomic_t signals_pending;
static volatile sig_atomic_t pending[NSIG];
static pthread_t main_thread;
/* The Python handler of each signal (None: none was set from Python). */
static Object *handlers;
static Object *default_int_handler;

static void c_handler(int sig)
{
    pending[sig] = 1;
    signals_pending = 1;
    stm_hint_commit_soon();
}

/* Handlers run in the main thread, or in one inside a
   `with transaction.signals_enabled:` block. */
int signals_check(void)
{
    if (!signals_pending)
        return 0;
    if (!pthread_equal(pthread_self(), main_thread)) {
        obj_read((Object *)thread_state());
        if (!thread_state()->signals_enabled)
            return 0;
    }
    /* Taking a signal off the pending set cannot be rolled back. */
    os_irreversible("signal handler");
    signals_pending = 0;
    for (int sig = 1; sig < NSIG; sig++) {
        if (!pending[sig])
            continue;
        pending[sig] = 0;
        Object *h = handlers ? list_get(handlers, (size_t)sig) : None;
        if (is_small(h) || h == None)
            continue;
        Object *args[2] = { make_small(sig), None };
        if (!obj_call(h, args, 2, NULL)) {
            /* The others wait for the next check. */
            for (int k = sig + 1; k < NSIG; k++)
                if (pending[k])
                    signals_pending = 1;
            return -1;
        }
    }
    return 0;
}

static Object *sig_default_int_handler(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return raise_object((Object *)vm.e_KeyboardInterrupt);
}

static int signum_arg(Object *v, int *out)
{
    int64_t s;
    if (os_arg_int(v, &s) < 0)
        return -1;
    if (s < 1 || s >= NSIG) {
        raise(vm.e_ValueError, "signal number out of range");
        return -1;
    }
    *out = (int)s;
    return 0;
}

static Object *current(int sig)
{
    Object *h = list_get(handlers, (size_t)sig);
    if (h != None)
        return h;
    struct sigaction sa;
    sigaction(sig, NULL, &sa);
    return sa.sa_handler == SIG_IGN ? make_small(1) : sa.sa_handler == SIG_DFL ? make_small(0) : None;
}

static Object *sig_signal(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    int sig;
    if (args_exact("signal", kw, nargs, 2) < 0 || signum_arg(args[0], &sig) < 0)
        return NULL;
    if (!pthread_equal(pthread_self(), main_thread))
        return raise(vm.e_ValueError, "signal only works in main thread of the main interpreter");
    Object *h = args[1];
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    if (is_small(h) && (small_value(h) == 0 || small_value(h) == 1)) {
        sa.sa_handler = small_value(h) ? SIG_IGN : SIG_DFL;
    } else if (type_of(h)->call) {
        sa.sa_handler = c_handler;
    } else {
        return raise(vm.e_TypeError,
                     "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object");
    }
    if (sig == SIGKILL || sig == SIGSTOP)
        return raise_os_error(EINVAL, NULL);
    Object *old = current(sig);
    os_irreversible("signal");
    if (sigaction(sig, &sa, NULL) < 0)
        return raise_os_error(errno, NULL);
    list_set(handlers, (size_t)sig, sa.sa_handler == c_handler ? h : None);
    return old;
}

static Object *sig_getsignal(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    int sig;
    if (args_exact("getsignal", kw, nargs, 1) < 0 || signum_arg(args[0], &sig) < 0)
        return NULL;
    return current(sig);
}

static Object *sig_raise_signal(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    int sig;
    if (args_exact("raise_signal", kw, nargs, 1) < 0 || signum_arg(args[0], &sig) < 0)
        return NULL;
    os_irreversible("raise_signal");
    if (pthread_kill(pthread_self(), sig) != 0)
        return raise_os_error(errno, NULL);
    return signals_check() < 0 ? NULL : None;
}

static Object *sig_alarm(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    int64_t s;
    if (args_exact("alarm", kw, nargs, 1) < 0 || os_arg_int(args[0], &s) < 0)
        return NULL;
    os_irreversible("alarm");
    return make_small(alarm((unsigned)s));
}

static Object *sig_strsignal(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    int sig;
    if (args_exact("strsignal", kw, nargs, 1) < 0 || signum_arg(args[0], &sig) < 0)
        return NULL;
    const char *s = strsignal(sig);
    return s ? str_from_cstr(s) : None;
}

static Object *sig_valid_signals(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    Object *s = set_new(vm.t_set);
    for (int sig = 1; s && sig < NSIG; sig++)
        if ((sig < 32 || sig >= SIGRTMIN) && set_add(s, make_small(sig)) < 0)
            return NULL;
    return s;
}

/* At start-up: Ctrl-C raises KeyboardInterrupt from then on. */
int signals_init(void)
{
    main_thread = pthread_self();
    /* Rooted before they are set: the second allocation may collect. */
    stm_add_root((stm_obj **)&handlers);
    stm_add_root((stm_obj **)&default_int_handler);
    handlers = list_new(NSIG);
    default_int_handler = builtin_new("default_int_handler", sig_default_int_handler, NULL, NULL);
    if (!handlers || !default_int_handler)
        return -1;
    struct sigaction sa;
    sigaction(SIGINT, NULL, &sa);
    if (sa.sa_handler == SIG_DFL) {
        memset(&sa, 0, sizeof sa);
        sigemptyset(&sa.sa_mask);
        sa.sa_handler = c_handler;
        sigaction(SIGINT, &sa, NULL);
        list_set(handlers, SIGINT, default_int_handler);
    }
    /* Writing to a closed pipe raises BrokenPipeError instead of killing. */
    signal(SIGPIPE, SIG_IGN);
    signal(SIGXFSZ, SIG_IGN);
    return 0;
}

Object *signal_module_init(void)
{
    static const MethodDef functions[] = {
        { "signal", sig_signal, 0 }, { "getsignal", sig_getsignal, 0 },
        { "raise_signal", sig_raise_signal, 0 }, { "alarm", sig_alarm, 0 },
        { "strsignal", sig_strsignal, 0 }, { "valid_signals", sig_valid_signals, 0 },
        { NULL, NULL, 0 },
    };
    Object *m = os_module_new("_signal", functions);
    if (!m)
        return NULL;
    os_module_add(m, "default_int_handler", default_int_handler);
    os_module_add_int(m, "SIG_DFL", 0);
    os_module_add_int(m, "SIG_IGN", 1);
    os_module_add_int(m, "NSIG", NSIG);
#define C(name) os_module_add_int(m, #name, name);
    C(SIGHUP) C(SIGINT) C(SIGQUIT) C(SIGILL) C(SIGTRAP) C(SIGABRT) C(SIGIOT) C(SIGBUS)
    C(SIGFPE) C(SIGKILL) C(SIGUSR1) C(SIGSEGV) C(SIGUSR2) C(SIGPIPE) C(SIGALRM) C(SIGTERM)
    C(SIGSTKFLT) C(SIGCHLD) C(SIGCONT) C(SIGSTOP) C(SIGTSTP) C(SIGTTIN) C(SIGTTOU) C(SIGURG)
    C(SIGXCPU) C(SIGXFSZ) C(SIGVTALRM) C(SIGPROF) C(SIGWINCH) C(SIGIO) C(SIGPOLL) C(SIGPWR)
    C(SIGSYS) C(SIG_BLOCK) C(SIG_UNBLOCK) C(SIG_SETMASK)
#undef C
    os_module_add_int(m, "SIGRTMIN", SIGRTMIN);
    os_module_add_int(m, "SIGRTMAX", SIGRTMAX);
    return m;
}
