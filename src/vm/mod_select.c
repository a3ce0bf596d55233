/*
** The select module: select(), poll objects and epoll objects, what
** selectors.py and subprocess's communicate() wait with.  The waits run
** with the thread detached from the heap (os_blocking): the descriptors
** are copied to C memory first and the results turned into objects after.
** A wait cut short by a signal runs the handlers and goes on with the
** time that is left, as CPython does (PEP 475).
*/
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/select.h>
#include <time.h>
#include <unistd.h>

#include "vm/mod_os.h"
#include "vm/num.h"

/* A poll or epoll object: the Native layout. */
typedef STM_SEG struct PollObj PollObj;
struct PollObj {
    OBJECT_HEAD;
    Object *dict;
    Object *fds;                /* poll: dict fd -> event mask */
    Object *refs_[NATIVE_REFS - 2];
    int epfd;                   /* epoll: -1 once closed */
};

static Type *t_poll, *t_epoll;

/* ---- arguments ------------------------------------------------------------------ */

/* An int, or an object with a fileno() method. */
static int fd_of(Object *v, int *fd)
{
    Object *n = v;
    if (!is_int(v)) {
        Object *f = obj_getattr_cstr(v, "fileno");
        if (!f) {
            exc_clear();
            raise(vm.e_TypeError, "argument must be an int, or have a fileno() method.");
            return -1;
        }
        if (!(n = obj_call0(f)))
            return -1;
        if (!is_int(n)) {
            raise(vm.e_TypeError, "fileno() returned a non-integer");
            return -1;
        }
    }
    int64_t i;
    if (int_to_i64(n, &i) < 0 || i > INT32_MAX || i < INT32_MIN) {
        exc_clear();
        raise(vm.e_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    if (i < 0) {
        raise(vm.e_ValueError, "file descriptor cannot be a negative integer (%d)", (int)i);
        return -1;
    }
    *fd = (int)i;
    return 0;
}

/* A timeout in seconds (None: forever, *secs < 0). */
static int timeout_secs(Object *v, double *secs, const char *type_msg)
{
    if (!v || v == None) {
        *secs = -1;
        return 0;
    }
    if (!is_int(v) && !is_float(v)) {
        Object *f = type_lookup(type_of(v), intern_cstr("__float__")) ? obj_unary(v, UN_FLOAT) : NULL;
        if (!f) {
            exc_clear();
            raise(vm.e_TypeError, "%s", type_msg);
            return -1;
        }
        v = f;
    }
    if (number_as_double(v, secs) < 0)
        return -1;
    if (isnan(*secs)) {
        raise(vm.e_ValueError, "Invalid value NaN (not a number)");
        return -1;
    }
    if (fabs(*secs) > 9.2e9) {
        raise(vm.e_OverflowError, "timestamp out of range for platform time_t");
        return -1;
    }
    return 0;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

/* Milliseconds left before deadline, rounded up (deadline < 0: -1). */
static int ms_left(double deadline)
{
    if (deadline < 0)
        return -1;
    double left = (deadline - now()) * 1000;
    return left <= 0 ? 0 : left > INT32_MAX ? INT32_MAX : (int)ceil(left);
}

/* ---- select() ---------------------------------------------------------------------- */

struct SelectArgs {
    int nfds;
    fd_set sets[3];
    double deadline;
    int r, err;
};

static void *select_blocking(void *arg)
{
    struct SelectArgs *a = arg;
    struct timeval tv, *tvp = NULL;
    if (a->deadline >= 0) {
        double left = a->deadline - now();
        if (left < 0)
            left = 0;
        tv.tv_sec = (time_t)left;
        tv.tv_usec = (suseconds_t)((left - (double)tv.tv_sec) * 1e6);
        tvp = &tv;
    }
    a->r = select(a->nfds, &a->sets[0], &a->sets[1], &a->sets[2], tvp);
    a->err = errno;
    return NULL;
}

static Object *sel_select(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_no_kw("select", kw) < 0 || args_count("select", nargs, 3, 4) < 0)
        return NULL;
    double secs;
    if (timeout_secs(nargs > 3 ? args[3] : NULL, &secs, "timeout must be a float or None") < 0)
        return NULL;
    if (secs < 0 && nargs > 3 && args[3] != None)
        return raise(vm.e_ValueError, "timeout must be non-negative");
    struct SelectArgs a = { .nfds = 0, .deadline = secs < 0 ? -1 : now() + secs };
    Object *lists[3];
    for (int k = 0; k < 3; k++) {
        Object *it = obj_iter(args[k]);
        if (!it) {
            exc_clear();
            return raise(vm.e_TypeError, "arguments 1-3 must be sequences");
        }
        if (!(lists[k] = list_from_iterable(it)))
            return NULL;
        FD_ZERO(&a.sets[k]);
        for (size_t i = 0; i < list_size(lists[k]); i++) {
            int fd;
            if (fd_of(list_get(lists[k], i), &fd) < 0)
                return NULL;
            if (fd >= FD_SETSIZE)
                return raise(vm.e_ValueError, "filedescriptor out of range in select()");
            FD_SET(fd, &a.sets[k]);
            if (fd >= a.nfds)
                a.nfds = fd + 1;
        }
    }
    fd_set saved[3];
    memcpy(saved, a.sets, sizeof saved);
    os_irreversible("select");
    for (;;) {
        os_blocking(select_blocking, &a);
        if (a.r >= 0 || a.err != EINTR)
            break;
        if (signals_check() < 0)
            return NULL;
        memcpy(a.sets, saved, sizeof saved);
    }
    if (a.r < 0)
        return raise_os_error(a.err, NULL);
    Object *res = tuple_new(3);
    if (!res)
        return NULL;
    for (int k = 0; k < 3; k++)
        tuple_init_item(res, (size_t)k, None);
    for (int k = 0; k < 3; k++) {
        Object *out = list_new(0);
        if (!out)
            return NULL;
        for (size_t i = 0; i < list_size(lists[k]); i++) {
            Object *v = list_get(lists[k], i);
            int fd;
            if (fd_of(v, &fd) < 0)
                return NULL;
            if (FD_ISSET(fd, &a.sets[k]) && list_append(out, v) < 0)
                return NULL;
        }
        obj_write(res);
        tuple_init_item(res, (size_t)k, out);
    }
    return res;
}

/* ---- poll objects ----------------------------------------------------------------------- */

static PollObj *poll_of(Object *self, bool write)
{
    if (write)
        obj_write(self);
    else
        obj_read(self);
    return (PollObj *)self;
}

static int mask_arg(Object *v, unsigned *mask)
{
    int64_t m;
    if (os_arg_int(v, &m) < 0)
        return -1;
    if (m < 0 || m > 0xffff) {
        raise(vm.e_OverflowError, m < 0 ? "can't convert negative int to unsigned"
                                        : "Python int too large for C unsigned short");
        return -1;
    }
    *mask = (unsigned)m;
    return 0;
}

static Object *poll_register(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_no_kw("register", kw) < 0 || args_count("register", nargs, 1, 2) < 0)
        return NULL;
    int fd;
    unsigned mask = POLLIN | POLLPRI | POLLOUT;
    if (fd_of(args[0], &fd) < 0 || (nargs > 1 && mask_arg(args[1], &mask) < 0))
        return NULL;
    return dict_set(poll_of(self, false)->fds, make_small(fd), make_small(mask)) < 0 ? NULL : None;
}

static Object *poll_modify(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("modify", kw, nargs, 2) < 0)
        return NULL;
    int fd;
    unsigned mask;
    if (fd_of(args[0], &fd) < 0 || mask_arg(args[1], &mask) < 0)
        return NULL;
    Object *d = poll_of(self, false)->fds, *old;
    int r = dict_lookup(d, make_small(fd), &old);
    if (r < 0)
        return NULL;
    if (r == 0)
        return raise_os_error(ENOENT, NULL);
    return dict_set(d, make_small(fd), make_small(mask)) < 0 ? NULL : None;
}

static Object *poll_unregister(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("unregister", kw, nargs, 1) < 0)
        return NULL;
    int fd;
    if (fd_of(args[0], &fd) < 0)
        return NULL;
    return dict_del(poll_of(self, false)->fds, make_small(fd)) < 0 ? NULL : None;
}

struct PollArgs {
    struct pollfd *fds;
    size_t n;
    double deadline;
    int r, err;
};

static void *poll_blocking(void *arg)
{
    struct PollArgs *a = arg;
    a->r = poll(a->fds, a->n, ms_left(a->deadline));
    a->err = errno;
    return NULL;
}

static Object *poll_poll(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_no_kw("poll", kw) < 0 || args_count("poll", nargs, 0, 1) < 0)
        return NULL;
    double ms;
    if (timeout_secs(nargs ? args[0] : NULL, &ms, "timeout must be an integer or None") < 0)
        return NULL;
    Object *d = poll_of(self, false)->fds;
    struct PollArgs a = { .n = dict_size(d), .deadline = ms < 0 ? -1 : now() + ms / 1000 };
    a.fds = calloc(a.n ? a.n : 1, sizeof *a.fds);
    if (!a.fds)
        return raise_no_memory();
    size_t pos = 0, i = 0;
    Object *k, *v;
    while (dict_next(d, &pos, &k, &v) && i < a.n) {
        a.fds[i].fd = (int)small_value(k);
        a.fds[i++].events = (short)small_value(v);
    }
    os_irreversible("poll");
    for (;;) {
        os_blocking(poll_blocking, &a);
        if (a.r >= 0 || a.err != EINTR)
            break;
        if (signals_check() < 0) {
            free(a.fds);
            return NULL;
        }
    }
    if (a.r < 0) {
        free(a.fds);
        return raise_os_error(a.err, NULL);
    }
    Object *res = list_new(0);
    for (i = 0; res && i < a.n; i++) {
        if (!a.fds[i].revents)
            continue;
        Object *t = tuple_pack(2, make_small(a.fds[i].fd), make_small(a.fds[i].revents & 0xffff));
        if (!t || list_append(res, t) < 0)
            res = NULL;
    }
    free(a.fds);
    return res;
}

static Object *sel_poll(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("poll", kw, nargs, 0) < 0)
        return NULL;
    Object *d = dict_new();
    Object *p = d ? vm_alloc(sizeof(struct PollObj), L_NATIVE, t_poll) : NULL;
    if (!p)
        return NULL;
    ((PollObj *)p)->fds = d;
    return p;
}

/* ---- epoll objects ---------------------------------------------------------------------- */

static int epoll_fd(Object *self)
{
    int fd = poll_of(self, false)->epfd;
    if (fd < 0)
        raise(vm.e_ValueError, "I/O operation on closed epoll object");
    return fd;
}

static Object *epoll_make(Type *t, int fd)
{
    Object *p = vm_alloc(t->instance_size, L_NATIVE, t);
    if (!p) {
        close(fd);
        return NULL;
    }
    ((PollObj *)p)->epfd = fd;
    return p;
}

static Object *epoll_tp_new(Object *cls, Object *const *args, size_t nargs, Object *kw)
{
    static const char *const names[] = { "sizehint", "flags", NULL };
    Object *a[2];
    int64_t sizehint = -1, flags = 0;
    if (args_parse("epoll", args, nargs, kw, names, 0, 2, a) < 0
        || (a[0] && os_arg_int(a[0], &sizehint) < 0) || (a[1] && os_arg_int(a[1], &flags) < 0))
        return NULL;
    if (sizehint == 0 || sizehint < -1)
        return raise(vm.e_ValueError, "negative sizehint");
    os_irreversible("epoll");
    int fd = epoll_create1(EPOLL_CLOEXEC);
    if (fd < 0)
        return raise_os_error(errno, NULL);
    return epoll_make((Type *)cls, fd);
}

static Object *epoll_ctl_call(Object *self, Object *const *args, size_t nargs, Object *kw,
                              const char *fname, int op)
{
    static const char *const names[] = { "fd", "eventmask", NULL };
    Object *a[2];
    size_t n = op == EPOLL_CTL_DEL ? 1 : 2;
    int fd;
    int64_t mask = EPOLLIN | EPOLLPRI | EPOLLOUT;
    if (args_parse(fname, args, nargs, kw, names, op == EPOLL_CTL_MOD ? 2 : 1, n, a) < 0
        || fd_of(a[0], &fd) < 0 || (a[1] && os_arg_int(a[1], &mask) < 0))
        return NULL;
    int epfd = epoll_fd(self);
    if (epfd < 0)
        return NULL;
    struct epoll_event ev = { .events = (uint32_t)mask, .data.fd = fd };
    os_irreversible(fname);
    if (epoll_ctl(epfd, op, fd, &ev) < 0)
        return raise_os_error(errno, NULL);
    return None;
}

static Object *epoll_register(Object *s, Object *const *a, size_t n, Object *kw)
{
    return epoll_ctl_call(s, a, n, kw, "register", EPOLL_CTL_ADD);
}
static Object *epoll_modify(Object *s, Object *const *a, size_t n, Object *kw)
{
    return epoll_ctl_call(s, a, n, kw, "modify", EPOLL_CTL_MOD);
}
static Object *epoll_unregister(Object *s, Object *const *a, size_t n, Object *kw)
{
    return epoll_ctl_call(s, a, n, kw, "unregister", EPOLL_CTL_DEL);
}

struct EpollArgs {
    int epfd, max;
    struct epoll_event *evs;
    double deadline;
    int r, err;
};

static void *epoll_blocking(void *arg)
{
    struct EpollArgs *a = arg;
    a->r = epoll_wait(a->epfd, a->evs, a->max, ms_left(a->deadline));
    a->err = errno;
    return NULL;
}

static Object *epoll_poll(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    static const char *const names[] = { "timeout", "maxevents", NULL };
    Object *a[2];
    double secs;
    int64_t max = -1;
    if (args_parse("poll", args, nargs, kw, names, 0, 2, a) < 0
        || timeout_secs(a[0], &secs, "timeout must be an integer or None") < 0
        || (a[1] && os_arg_int(a[1], &max) < 0))
        return NULL;
    int epfd = epoll_fd(self);
    if (epfd < 0)
        return NULL;
    if (max == -1)
        max = FD_SETSIZE - 1;
    else if (max < 1 || max > INT32_MAX)
        return raise(vm.e_ValueError, "maxevents must be greater than 0, got %lld", (long long)max);
    struct EpollArgs w = { epfd, (int)max, malloc((size_t)max * sizeof(struct epoll_event)),
                           secs < 0 ? -1 : now() + secs, 0, 0 };
    if (!w.evs)
        return raise_no_memory();
    os_irreversible("epoll");
    for (;;) {
        os_blocking(epoll_blocking, &w);
        if (w.r >= 0 || w.err != EINTR)
            break;
        if (signals_check() < 0) {
            free(w.evs);
            return NULL;
        }
    }
    if (w.r < 0) {
        free(w.evs);
        return raise_os_error(w.err, NULL);
    }
    Object *res = list_new(0);
    for (int i = 0; res && i < w.r; i++) {
        Object *t = tuple_pack(2, make_small(w.evs[i].data.fd), int_from_u64(w.evs[i].events));
        if (!t || list_append(res, t) < 0)
            res = NULL;
    }
    free(w.evs);
    return res;
}

static Object *epoll_close(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("close", kw, nargs, 0) < 0)
        return NULL;
    PollObj *p = poll_of(self, true);
    if (p->epfd >= 0) {
        os_irreversible("close");
        close(p->epfd);
        p->epfd = -1;
    }
    return None;
}

static Object *epoll_fileno(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("fileno", kw, nargs, 0) < 0)
        return NULL;
    int fd = epoll_fd(self);
    return fd < 0 ? NULL : make_small(fd);
}

static Object *epoll_enter(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return epoll_fd(self) < 0 ? NULL : self;
}

static Object *epoll_exit(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return epoll_close(self, args, 0, NULL);
}

static Object *epoll_fromfd(Object *cls, Object *const *args, size_t nargs, Object *kw)
{
    int64_t fd;
    if (args_exact("fromfd", kw, nargs, 1) < 0 || os_arg_int(args[0], &fd) < 0)
        return NULL;
    return epoll_make((Type *)cls, (int)fd);
}

static Object *epoll_closed(Object *self)
{
    return bool_obj(poll_of(self, false)->epfd < 0);
}

/* ---- the module ---------------------------------------------------------------------- */

Object *getset_new(Type *owner, const char *name, Object *(*get)(Object *),
                   int (*set)(Object *, Object *));

static Type *select_class(const char *name, const MethodDef *methods)
{
    Type *t = type_new_builtin(name, vm.t_object, L_NATIVE, sizeof(struct PollObj), 0);
    dict_set_cstr(t->dict, "__module__", str_from_cstr("select"));
    t->getattr = generic_getattr;
    type_add_methods(t, methods);
    type_inherit(t);
    return t;
}

static bool select_setup(void)
{
    if (t_poll)
        return true;
    /* Globals naming heap objects are set once, under inevitability. */
    os_irreversible("select types");
    /* Inevitable transactions run one at a time: another thread may have
       made them while this one waited. */
    if (t_poll)
        return true;
    static const MethodDef poll_methods[] = {
        { "register", poll_register, 0 }, { "modify", poll_modify, 0 },
        { "unregister", poll_unregister, 0 }, { "poll", poll_poll, 0 }, { NULL, NULL, 0 },
    };
    static const MethodDef epoll_methods[] = {
        { "register", epoll_register, 0 }, { "modify", epoll_modify, 0 },
        { "unregister", epoll_unregister, 0 }, { "poll", epoll_poll, 0 },
        { "close", epoll_close, 0 }, { "fileno", epoll_fileno, 0 },
        { "__enter__", epoll_enter, 0 }, { "__exit__", epoll_exit, 0 },
        { "fromfd", epoll_fromfd, METH_CLASS }, { NULL, NULL, 0 },
    };
    stm_add_root((stm_obj **)&t_epoll);
    t_epoll = select_class("epoll", epoll_methods);
    t_epoll->flags |= TF_BASETYPE;
    t_epoll->tp_new = epoll_tp_new;
    getset_new(t_epoll, "closed", epoll_closed, NULL);
    stm_add_root((stm_obj **)&t_poll);
    t_poll = select_class("poll", poll_methods);
    return true;
}

Object *select_module_init(void)
{
    static const MethodDef functions[] = {
        { "select", sel_select, 0 }, { "poll", sel_poll, 0 }, { NULL, NULL, 0 },
    };
    if (!select_setup())
        return NULL;
    Object *m = os_module_new("select", functions);
    if (!m)
        return NULL;
    os_module_add(m, "error", (Object *)vm.e_OSError);
    os_module_add(m, "epoll", (Object *)t_epoll);
#define C(name) os_module_add_int(m, #name, name);
    C(POLLIN) C(POLLPRI) C(POLLOUT) C(POLLERR) C(POLLHUP) C(POLLNVAL) C(POLLRDNORM)
    C(POLLRDBAND) C(POLLWRNORM) C(POLLWRBAND) C(POLLMSG) C(POLLRDHUP) C(PIPE_BUF)
    C(EPOLLIN) C(EPOLLOUT) C(EPOLLPRI) C(EPOLLERR) C(EPOLLHUP) C(EPOLLRDHUP) C(EPOLLET)
    C(EPOLLONESHOT) C(EPOLLEXCLUSIVE) C(EPOLLRDNORM) C(EPOLLRDBAND) C(EPOLLWRNORM)
    C(EPOLLWRBAND) C(EPOLLMSG) C(EPOLL_CLOEXEC)
#undef C
    return m;
}
