/*
** The _posixsubprocess module: fork_exec(), the fork and exec under
** subprocess.Popen.  Everything the child needs (argv, envp, the list of
** programs to try) is converted to C memory before the fork, so that the
** child runs only system calls until it execs: it must not touch the heap,
** which it shares with the parent's other threads' state.  A failure in
** the child is reported on errpipe_write as "OSError:<hex errno>:<where>",
** the form subprocess.py parses.
*/
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
/* <signal.h> declares raise(3), which the VM's raise() would clash with. */
#define raise c_raise
#include <signal.h>
#undef raise
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "vm/mod_os.h"

/* A NULL-terminated vector of malloc'ed strings. */
static void strv_free(char **v)
{
    for (size_t i = 0; v && v[i]; i++)
        free(v[i]);
    free(v);
}

/* The items of a sequence of paths (str, bytes, PathLike) as C strings. */
static char **strv_from(Object *seq, const char *what)
{
    Object *l = list_from_iterable(seq);
    if (!l)
        return NULL;
    size_t n = list_size(l);
    char **v = calloc(n + 1, sizeof *v);
    if (!v) {
        raise_no_memory();
        return NULL;
    }
    for (size_t i = 0; i < n; i++) {
        if (os_arg_path(what, list_get(l, i), &v[i]) < 0) {
            strv_free(v);
            return NULL;
        }
    }
    return v;
}

struct ChildPlan {
    char **argv, **exec_list, **envp;
    char *cwd;
    int *keep;                  /* pass_fds, sorted */
    size_t nkeep;
    int p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite, errpipe_read, errpipe_write;
    bool close_fds, restore_signals, call_setsid;
    int64_t pgid, gid, uid, umask;
    gid_t *groups;
    size_t ngroups;
    bool has_groups;
};

static void child_write(int fd, const char *s)
{
    size_t n = strlen(s);
    while (n) {
        ssize_t w = write(fd, s, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return;
        s += w;
        n -= (size_t)w;
    }
}

/* "OSError:<hex>:<where>" with no allocation (the child may not call
   malloc after a fork of a threaded process). */
static void child_report(int fd, int err, const char *where)
{
    char buf[64] = "OSError:";
    char hex[17];
    int k = 0;
    unsigned v = (unsigned)err;
    do {
        hex[k++] = "0123456789abcdef"[v % 16];
        v /= 16;
    } while (v);
    size_t p = strlen(buf);
    while (k)
        buf[p++] = hex[--k];
    buf[p++] = ':';
    buf[p] = 0;
    child_write(fd, buf);
    child_write(fd, where);
}

static void close_other_fds(const struct ChildPlan *c)
{
    int start = 3;
    /* The kept ones are sorted: close the ranges between them. */
    for (size_t i = 0; i <= c->nkeep; i++) {
        int end = i < c->nkeep ? c->keep[i] : -1;
        if (end >= 0 && end < start)
            continue;
        unsigned hi = end < 0 ? ~0u : (unsigned)end - 1;
        if (end < 0 || end > start) {
            if (close_range((unsigned)start, hi, 0) < 0) {
                long max = sysconf(_SC_OPEN_MAX);
                for (long fd = start; fd <= (end < 0 ? max : end - 1); fd++)
                    close((int)fd);
            }
        }
        if (end >= 0)
            start = end + 1;
    }
}

/* Moves fd onto target, or clears close-on-exec when it already is it. */
static int move_fd(int fd, int target)
{
    if (fd == target) {
        int flags = fcntl(fd, F_GETFD);
        return flags < 0 ? -1 : fcntl(fd, F_SETFD, flags & ~FD_CLOEXEC);
    }
    return fd < 0 ? 0 : dup2(fd, target) < 0 ? -1 : 0;
}

static void child_exec(const struct ChildPlan *c)
{
    int err;
    /* subprocess.py reads "noexec" as a failed chdir (the file name in
       its error is then cwd), anything else as the program's. */
    const char *where = "";
    int c2pwrite = c->c2pwrite, errwrite = c->errwrite;
    if (c->p2cwrite != -1)
        close(c->p2cwrite);
    if (c->c2pread != -1)
        close(c->c2pread);
    if (c->errread != -1)
        close(c->errread);
    close(c->errpipe_read);
    /* dup2 onto 0 must not overwrite what goes onto 1 or 2 next. */
    if (c2pwrite == 0 && (c2pwrite = dup(c2pwrite)) < 0)
        goto fail;
    while (errwrite == 0 || errwrite == 1)
        if ((errwrite = dup(errwrite)) < 0)
            goto fail;
    if (move_fd(c->p2cread, 0) < 0 || move_fd(c2pwrite, 1) < 0 || move_fd(errwrite, 2) < 0)
        goto fail;
    /* errpipe_write stays close-on-exec: its closing tells the parent
       that the exec worked. */
    for (size_t i = 0; i < c->nkeep; i++) {
        if (c->keep[i] == c->errpipe_write)
            continue;
        int flags = fcntl(c->keep[i], F_GETFD);
        if (flags >= 0)
            fcntl(c->keep[i], F_SETFD, flags & ~FD_CLOEXEC);
    }
    if (c->cwd && chdir(c->cwd) < 0) {
        where = "noexec";
        goto fail;
    }
    if (c->umask >= 0)
        umask((mode_t)c->umask);
    if (c->restore_signals) {
        signal(SIGPIPE, SIG_DFL);
        signal(SIGXFSZ, SIG_DFL);
    }
    if (c->call_setsid && setsid() < 0)
        goto fail;
    if (c->pgid >= 0 && setpgid(0, (pid_t)c->pgid) < 0)
        goto fail;
    if (c->has_groups && setgroups(c->ngroups, c->groups) < 0)
        goto fail;
    if (c->gid >= 0 && setregid((gid_t)c->gid, (gid_t)c->gid) < 0)
        goto fail;
    if (c->uid >= 0 && setreuid((uid_t)c->uid, (uid_t)c->uid) < 0)
        goto fail;
    if (c->close_fds)
        close_other_fds(c);
    /* The error of the first program that exists but failed wins over
       "not found" from the later ones. */
    int saved = 0;
    for (size_t i = 0; c->exec_list[i]; i++) {
        if (c->envp)
            execve(c->exec_list[i], c->argv, c->envp);
        else
            execv(c->exec_list[i], c->argv);
        if (errno != ENOENT && errno != ENOTDIR && !saved)
            saved = errno;
    }
    err = saved ? saved : errno;
    child_report(c->errpipe_write, err, "");
    _exit(255);
fail:
    err = errno;
    child_report(c->errpipe_write, err, where);
    _exit(255);
}

static void plan_free(struct ChildPlan *c)
{
    strv_free(c->argv);
    strv_free(c->exec_list);
    strv_free(c->envp);
    free(c->cwd);
    free(c->keep);
    free(c->groups);
}

static int int_or_minus1(Object *v, int64_t *out)
{
    if (v == None) {
        *out = -1;
        return 0;
    }
    return os_arg_int(v, out);
}

static int fill_keep(struct ChildPlan *c, Object *fds)
{
    Object *t = list_from_iterable(fds);
    if (!t)
        return -1;
    c->nkeep = list_size(t);
    c->keep = malloc((c->nkeep + 1) * sizeof *c->keep);
    if (!c->keep) {
        raise_no_memory();
        return -1;
    }
    int64_t prev = -1;
    for (size_t i = 0; i < c->nkeep; i++) {
        Object *v = list_get(t, i);
        int64_t fd;
        if (!is_int(v) || int_to_i64(v, &fd) < 0 || fd < 0 || fd <= prev || fd > INT32_MAX) {
            exc_clear();
            raise(vm.e_ValueError, "bad value(s) in fds_to_keep");
            return -1;
        }
        c->keep[i] = (int)fd;
        prev = fd;
    }
    return 0;
}

static int fill_groups(struct ChildPlan *c, Object *groups)
{
    if (groups == None)
        return 0;
    Object *l = list_from_iterable(groups);
    if (!l)
        return -1;
    c->has_groups = true;
    c->ngroups = list_size(l);
    c->groups = malloc((c->ngroups + 1) * sizeof *c->groups);
    if (!c->groups) {
        raise_no_memory();
        return -1;
    }
    for (size_t i = 0; i < c->ngroups; i++) {
        int64_t g;
        if (os_arg_int(list_get(l, i), &g) < 0)
            return -1;
        c->groups[i] = (gid_t)g;
    }
    return 0;
}

static int fill_plan(struct ChildPlan *c, Object *const *a)
{
    int64_t fds[8];
    if (!(c->argv = a[0] == None ? calloc(1, sizeof(char *)) : strv_from(a[0], "fork_exec")))
        return -1;
    if (!(c->exec_list = strv_from(a[1], "fork_exec")))
        return -1;
    int t = obj_truth(a[2]);
    if (t < 0)
        return -1;
    c->close_fds = t;
    if (fill_keep(c, a[3]) < 0)
        return -1;
    if (a[4] != None && os_arg_path("fork_exec", a[4], &c->cwd) < 0)
        return -1;
    if (a[5] != None && !(c->envp = strv_from(a[5], "fork_exec")))
        return -1;
    for (int i = 0; i < 8; i++)
        if (os_arg_int(a[6 + i], &fds[i]) < 0)
            return -1;
    c->p2cread = (int)fds[0];
    c->p2cwrite = (int)fds[1];
    c->c2pread = (int)fds[2];
    c->c2pwrite = (int)fds[3];
    c->errread = (int)fds[4];
    c->errwrite = (int)fds[5];
    c->errpipe_read = (int)fds[6];
    c->errpipe_write = (int)fds[7];
    if (c->close_fds && c->errpipe_write < 3) {
        raise(vm.e_ValueError, "errpipe_write must be >= 3");
        return -1;
    }
    if ((t = obj_truth(a[14])) < 0)
        return -1;
    c->restore_signals = t;
    if ((t = obj_truth(a[15])) < 0)
        return -1;
    c->call_setsid = t;
    if (int_or_minus1(a[16], &c->pgid) < 0 || int_or_minus1(a[17], &c->gid) < 0
        || fill_groups(c, a[18]) < 0 || int_or_minus1(a[19], &c->uid) < 0
        || os_arg_int(a[20], &c->umask) < 0)
        return -1;
    return 0;
}

static Object *ps_fork_exec(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_no_kw("fork_exec", kw) < 0)
        return NULL;
    if (nargs != 23)
        return raise(vm.e_TypeError, "fork_exec() takes exactly 23 arguments (%zu given)", nargs);
    if (args[21] != None) {
#ifdef STM_FLAVOUR_STM
        /* The child would run Python code, whose commits would write the
           heap file it shares with the parent. */
        return raise(vm.e_RuntimeError, "preexec_fn is not supported by the STM flavour");
#else
        if (!type_of(args[21])->call)
            return raise(vm.e_TypeError, "preexec_fn must be callable");
#endif
    }
    struct ChildPlan c = { 0 };
    if (fill_plan(&c, args) < 0) {
        plan_free(&c);
        return NULL;
    }
    os_irreversible("fork_exec");
    fflush(NULL);
    pid_t pid = fork();
    if (pid == 0) {
        if (args[21] != None && !obj_call0(args[21])) {
            child_write(c.errpipe_write, "SubprocessError:0:Exception occurred in preexec_fn.");
            _exit(255);
        }
        child_exec(&c);
    }
    int err = errno;
    plan_free(&c);
    if (pid < 0)
        return raise_os_error(err, NULL);
    return make_small(pid);
}

Object *posixsubprocess_module_init(void)
{
    static const MethodDef functions[] = {
        { "fork_exec", ps_fork_exec, 0 },
        { NULL, NULL, 0 },
    };
    return os_module_new("_posixsubprocess", functions);
}
