/*
** The posix module: the system calls that os.py, posixpath.py, shutil
** and friends build on.  File names given as str are encoded with the
** file-system encoding and those read back are decoded with it; bytes in
** give bytes out, as in CPython.
*/
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
/* <signal.h> declares raise(3), which the VM's raise() would clash with. */
#define raise c_raise
#include <signal.h>
#undef raise
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/times.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <sysexits.h>
#include <time.h>
#include <unistd.h>

#include "vm/mod_os.h"

extern char **environ;

static Type *stat_result_type, *terminal_size_type, *times_result_type, *uname_result_type;
static Type *direntry_type, *scandir_iter_type;

/* ---- arguments ----------------------------------------------------------------- */

/* The arguments most path functions take: path, *, dir_fd=None,
   follow_symlinks=True. */
struct PathArgs {
    Object *obj;        /* as given: for error messages and the result's type */
    char *path;         /* NULL when obj is a file descriptor */
    int fd;             /* obj as a descriptor, or -1 */
    int dir_fd;         /* AT_FDCWD when not given */
    bool follow;
};

static void path_free(struct PathArgs *p)
{
    free(p->path);
    p->path = NULL;
}

/* Converts obj; fds are accepted only with allow_fd. */
static int path_conv(const char *fname, Object *obj, bool allow_fd, struct PathArgs *p)
{
    p->obj = obj;
    p->path = NULL;
    p->fd = -1;
    if (allow_fd && is_int(obj) && obj != True_ && obj != False_) {
        int64_t fd;
        if (os_arg_int(obj, &fd) < 0)
            return -1;
        p->fd = (int)fd;
        return 0;
    }
    return os_arg_path(fname, obj, &p->path);
}

static int opt_fd(Object *v, int *out)
{
    int64_t fd;
    if (!v || v == None)
        return 0;
    if (os_arg_int(v, &fd) < 0)
        return -1;
    *out = (int)fd;
    return 0;
}

/* f(path, ..., *, dir_fd=None, follow_symlinks=True): `names` lists every
   argument, the path first; keyword-only ones come after npos. */
static int parse_path_call(const char *fname, Object *const *args, size_t nargs, Object *kw,
                           const char *const *names, size_t required, size_t npos, bool allow_fd,
                           Object **out, struct PathArgs *p)
{
    if (args_parse(fname, args, nargs, kw, names, required, npos, out) < 0)
        return -1;
    p->dir_fd = AT_FDCWD;
    p->follow = true;
    size_t i = 0;
    for (; names[i]; i++) {
        if (!out[i])
            continue;
        if (!strcmp(names[i], "dir_fd") && opt_fd(out[i], &p->dir_fd) < 0)
            return -1;
        if (!strcmp(names[i], "follow_symlinks")) {
            int t = obj_truth(out[i]);
            if (t < 0)
                return -1;
            p->follow = t;
        }
    }
    return path_conv(fname, out[0], allow_fd, p);
}

static Object *path_error(int err, struct PathArgs *p)
{
    path_free(p);
    return raise_os_error(err, p->obj);
}

static Object *none_or_error(int r, struct PathArgs *p)
{
    int err = errno;
    if (r < 0)
        return path_error(err, p);
    path_free(p);
    return None;
}

/* A name read from the system, as str or as bytes like the argument. */
static Object *name_out(const char *s, size_t n, bool as_bytes)
{
    return as_bytes ? bytes_new(s, n) : fs_decode(s, n);
}

static int int_arg(const char *fname, Object *const *args, size_t nargs, Object *kw, size_t n,
                   int64_t *out)
{
    if (args_exact(fname, kw, nargs, n) < 0)
        return -1;
    for (size_t i = 0; i < n; i++)
        if (os_arg_int(args[i], &out[i]) < 0)
            return -1;
    return 0;
}

/* ---- stat ---------------------------------------------------------------------- */

static Object *time_float(struct timespec ts)
{
    return float_new((double)ts.tv_sec + ts.tv_nsec * 1e-9);
}

static Object *time_ns(struct timespec ts)
{
    Object *s = int_from_i64(ts.tv_sec);
    Object *b = s ? obj_binary(s, int_from_i64(1000000000), NB_MULTIPLY) : NULL;
    return b ? obj_binary(b, int_from_i64(ts.tv_nsec), NB_ADD) : NULL;
}

static Object *stat_result(const struct stat *st)
{
    Object *v[19] = {
        int_from_u64(st->st_mode), int_from_u64(st->st_ino), int_from_u64(st->st_dev),
        int_from_u64(st->st_nlink), int_from_u64(st->st_uid), int_from_u64(st->st_gid),
        int_from_i64(st->st_size), int_from_i64(st->st_atim.tv_sec),
        int_from_i64(st->st_mtim.tv_sec), int_from_i64(st->st_ctim.tv_sec),
        time_float(st->st_atim), time_float(st->st_mtim), time_float(st->st_ctim),
        time_ns(st->st_atim), time_ns(st->st_mtim), time_ns(st->st_ctim),
        int_from_i64(st->st_blksize), int_from_i64(st->st_blocks), int_from_u64(st->st_rdev),
    };
    for (int i = 0; i < 19; i++)
        if (!v[i])
            return NULL;
    return structseq_new(stat_result_type, v);
}

static Object *do_stat(const char *fname, Object *const *args, size_t nargs, Object *kw,
                       bool lstat_)
{
    static const char *const names[] = { "path", "dir_fd", "follow_symlinks", NULL };
    Object *out[3];
    struct PathArgs p;
    if (parse_path_call(fname, args, nargs, kw, names, 1, 1, !lstat_, out, &p) < 0)
        return NULL;
    struct stat st;
    int r = p.fd >= 0 ? fstat(p.fd, &st)
          : fstatat(p.dir_fd, p.path, &st, lstat_ || !p.follow ? AT_SYMLINK_NOFOLLOW : 0);
    if (r < 0)
        return path_error(errno, &p);
    path_free(&p);
    return stat_result(&st);
}

static Object *os_stat(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return do_stat("stat", args, nargs, kw, false);
}

static Object *os_lstat(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return do_stat("lstat", args, nargs, kw, true);
}

static Object *os_fstat(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    int64_t fd;
    struct stat st;
    if (int_arg("fstat", args, nargs, kw, 1, &fd) < 0)
        return NULL;
    if (fstat((int)fd, &st) < 0)
        return raise_os_error(errno, NULL);
    return stat_result(&st);
}

/* ---- files and directories ---------------------------------------------------------- */

static Object *os_access(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    static const char *const names[] = { "path", "mode", "dir_fd", "effective_ids",
                                         "follow_symlinks", NULL };
    Object *out[5];
    struct PathArgs p;
    int64_t mode;
    if (parse_path_call("access", args, nargs, kw, names, 2, 2, false, out, &p) < 0)
        return NULL;
    if (os_arg_int(out[1], &mode) < 0) {
        path_free(&p);
        return NULL;
    }
    int flags = (p.follow ? 0 : AT_SYMLINK_NOFOLLOW)
              | (out[3] && obj_truth(out[3]) == 1 ? AT_EACCESS : 0);
    int r = faccessat(p.dir_fd, p.path, (int)mode, flags);
    path_free(&p);
    return bool_obj(r == 0);
}

static Object *os_chdir(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    static const char *const names[] = { "path", NULL };
    Object *out[1];
    struct PathArgs p;
    if (parse_path_call("chdir", args, nargs, kw, names, 1, 1, true, out, &p) < 0)
        return NULL;
    os_irreversible("chdir");
    return none_or_error(p.fd >= 0 ? fchdir(p.fd) : chdir(p.path), &p);
}

static Object *os_chmod(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    static const char *const names[] = { "path", "mode", "dir_fd", "follow_symlinks", NULL };
    Object *out[4];
    struct PathArgs p;
    int64_t mode;
    if (parse_path_call("chmod", args, nargs, kw, names, 2, 2, true, out, &p) < 0)
        return NULL;
    if (os_arg_int(out[1], &mode) < 0) {
        path_free(&p);
        return NULL;
    }
    os_irreversible("chmod");
    return none_or_error(p.fd >= 0 ? fchmod(p.fd, (mode_t)mode)
                         : fchmodat(p.dir_fd, p.path, (mode_t)mode, 0), &p);
}

static Object *os_mkdir(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    static const char *const names[] = { "path", "mode", "dir_fd", NULL };
    Object *out[3];
    struct PathArgs p;
    int64_t mode = 0777;
    if (parse_path_call("mkdir", args, nargs, kw, names, 1, 2, false, out, &p) < 0)
        return NULL;
    if (out[1] && os_arg_int(out[1], &mode) < 0) {
        path_free(&p);
        return NULL;
    }
    os_irreversible("mkdir");
    return none_or_error(mkdirat(p.dir_fd, p.path, (mode_t)mode), &p);
}

static Object *os_rmdir(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    static const char *const names[] = { "path", "dir_fd", NULL };
    Object *out[2];
    struct PathArgs p;
    if (parse_path_call("rmdir", args, nargs, kw, names, 1, 1, false, out, &p) < 0)
        return NULL;
    os_irreversible("rmdir");
    return none_or_error(unlinkat(p.dir_fd, p.path, AT_REMOVEDIR), &p);
}

static Object *os_unlink(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    static const char *const names[] = { "path", "dir_fd", NULL };
    Object *out[2];
    struct PathArgs p;
    if (parse_path_call("unlink", args, nargs, kw, names, 1, 1, false, out, &p) < 0)
        return NULL;
    os_irreversible("unlink");
    return none_or_error(unlinkat(p.dir_fd, p.path, 0), &p);
}

/* rename, replace, link, symlink: two paths. */
static Object *two_paths(const char *fname, Object *const *args, size_t nargs, Object *kw, int op)
{
    static const char *const names[] = { "src", "dst", "src_dir_fd", "dst_dir_fd", NULL };
    static const char *const sym_names[] = { "src", "dst", "target_is_directory", "dir_fd", NULL };
    Object *out[4];
    if (args_parse(fname, args, nargs, kw, op == 3 ? sym_names : names, 2, op == 3 ? 3 : 2, out) < 0)
        return NULL;
    int sfd = AT_FDCWD, dfd = AT_FDCWD;
    if ((op != 3 && opt_fd(out[2], &sfd) < 0) || opt_fd(out[3], &dfd) < 0)
        return NULL;
    struct PathArgs a, b;
    if (path_conv(fname, out[0], false, &a) < 0)
        return NULL;
    if (path_conv(fname, out[1], false, &b) < 0) {
        path_free(&a);
        return NULL;
    }
    os_irreversible(fname);
    int r = op == 3 ? symlinkat(a.path, dfd, b.path)
          : op == 2 ? linkat(sfd, a.path, dfd, b.path, 0)
          : renameat(sfd, a.path, dfd, b.path);
    int err = errno;
    path_free(&a);
    path_free(&b);
    return r < 0 ? raise_os_error2(err, out[0], out[1]) : None;
}

static Object *os_rename(Object *s, Object *const *a, size_t n, Object *kw) { return two_paths("rename", a, n, kw, 0); }
static Object *os_replace(Object *s, Object *const *a, size_t n, Object *kw) { return two_paths("replace", a, n, kw, 1); }
static Object *os_link(Object *s, Object *const *a, size_t n, Object *kw) { return two_paths("link", a, n, kw, 2); }
static Object *os_symlink(Object *s, Object *const *a, size_t n, Object *kw) { return two_paths("symlink", a, n, kw, 3); }

static Object *os_readlink(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    static const char *const names[] = { "path", "dir_fd", NULL };
    Object *out[2];
    struct PathArgs p;
    if (parse_path_call("readlink", args, nargs, kw, names, 1, 1, false, out, &p) < 0)
        return NULL;
    char buf[4096];
    ssize_t n = readlinkat(p.dir_fd, p.path, buf, sizeof buf);
    if (n < 0)
        return path_error(errno, &p);
    path_free(&p);
    return name_out(buf, (size_t)n, is_bytes(p.obj));
}

static Object *os_utime(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    static const char *const names[] = { "path", "times", "ns", "dir_fd", "follow_symlinks", NULL };
    Object *out[5];
    struct PathArgs p;
    if (parse_path_call("utime", args, nargs, kw, names, 1, 2, true, out, &p) < 0)
        return NULL;
    struct timespec ts[2] = { { 0, UTIME_NOW }, { 0, UTIME_NOW } };
    Object *times = out[1] && out[1] != None ? out[1] : NULL;
    if (times && out[2]) {
        path_free(&p);
        return raise(vm.e_ValueError, "utime: you may specify either 'times' or 'ns' but not both");
    }
    Object *src = times ? times : out[2];
    if (src) {
        if (is_small(src) || src->type != vm.t_tuple || tuple_size(src) != 2) {
            path_free(&p);
            return raise(vm.e_TypeError, "utime: '%s' must be a tuple of two %s", times ? "times" : "ns",
                         times ? "ints" : "ints");
        }
        for (int i = 0; i < 2; i++) {
            Object *v = tuple_get(src, (size_t)i);
            if (times) {
                double d;
                if (is_float(v))
                    d = float_value(v);
                else {
                    int64_t x;
                    if (os_arg_int(v, &x) < 0) {
                        path_free(&p);
                        return NULL;
                    }
                    d = (double)x;
                }
                ts[i].tv_sec = (time_t)d;
                if ((double)ts[i].tv_sec > d)
                    ts[i].tv_sec--;
                ts[i].tv_nsec = (long)((d - (double)ts[i].tv_sec) * 1e9);
            } else {
                Object *q = obj_binary(v, int_from_i64(1000000000), NB_FLOOR_DIVIDE);
                Object *r = q ? obj_binary(v, int_from_i64(1000000000), NB_REMAINDER) : NULL;
                int64_t a, b;
                if (!r || int_to_i64(q, &a) < 0 || int_to_i64(r, &b) < 0) {
                    path_free(&p);
                    return NULL;
                }
                ts[i].tv_sec = a;
                ts[i].tv_nsec = b;
            }
        }
    }
    os_irreversible("utime");
    return none_or_error(p.fd >= 0 ? futimens(p.fd, ts)
                         : utimensat(p.dir_fd, p.path, ts, p.follow ? 0 : AT_SYMLINK_NOFOLLOW), &p);
}

static Object *os_getcwd_any(bool as_bytes)
{
    char buf[8192];
    if (!getcwd(buf, sizeof buf))
        return raise_os_error(errno, NULL);
    return name_out(buf, strlen(buf), as_bytes);
}

static Object *os_getcwd(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return args_exact("getcwd", kw, nargs, 0) < 0 ? NULL : os_getcwd_any(false);
}

static Object *os_getcwdb(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return args_exact("getcwdb", kw, nargs, 0) < 0 ? NULL : os_getcwd_any(true);
}

/* listdir(path='.'): a path or an open directory descriptor. */
static Object *os_listdir(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    static const char *const names[] = { "path", NULL };
    Object *out[1];
    if (args_parse("listdir", args, nargs, kw, names, 0, 1, out) < 0)
        return NULL;
    struct PathArgs p = { .obj = None, .fd = -1 };
    if (out[0] && out[0] != None && path_conv("listdir", out[0], true, &p) < 0)
        return NULL;
    DIR *d;
    if (p.fd >= 0) {
        int fd = dup(p.fd);
        d = fd < 0 ? NULL : fdopendir(fd);
        if (d)
            rewinddir(d);
        else if (fd >= 0)
            close(fd);
    } else {
        d = opendir(p.path ? p.path : ".");
    }
    if (!d)
        return path_error(errno, &p);
    bool as_bytes = is_bytes(p.obj);
    path_free(&p);
    Object *l = list_new(0);
    struct dirent *e;
    errno = 0;
    while (l && (e = readdir(d))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
            continue;
        Object *n = name_out(e->d_name, strlen(e->d_name), as_bytes);
        if (!n || list_append(l, n) < 0)
            l = NULL;
    }
    int err = errno;
    closedir(d);
    if (l && err)
        return raise_os_error(err, out[0]);
    return l;
}

/* ---- scandir ------------------------------------------------------------------------ */

/* A DirEntry is an instance of a class made here whose __dict__ holds
   name, path, and the C-side facts in private attributes. */
enum { DE_NAME, DE_PATH, DE_INO, DE_TYPE, DE_STAT, DE_LSTAT, DE_DIRFD, DE_COUNT };
static const char *const de_attrs[DE_COUNT] = { "name", "path", "_ino", "_d_type", "_stat",
                                                "_lstat", "_dir_fd" };

static Object *de_get(Object *self, int k)
{
    Object *d = instance_dict(self, false);
    Object *v = d ? dict_get_cstr(d, de_attrs[k]) : NULL;
    return v ? v : None;
}

static Object *de_stat_any(Object *self, bool follow)
{
    int k = follow ? DE_STAT : DE_LSTAT;
    Object *cached = de_get(self, k);
    if (cached != None)
        return cached;
    Object *path = de_get(self, DE_PATH);
    struct PathArgs p;
    Object *dirfd = de_get(self, DE_DIRFD);
    int fd = AT_FDCWD;
    if (dirfd != None && opt_fd(dirfd, &fd) < 0)
        return NULL;
    if (path_conv("stat", fd == AT_FDCWD ? path : de_get(self, DE_NAME), false, &p) < 0)
        return NULL;
    struct stat st;
    if (fstatat(fd, p.path, &st, follow ? 0 : AT_SYMLINK_NOFOLLOW) < 0) {
        path_free(&p);
        return raise_os_error(errno, path);
    }
    path_free(&p);
    Object *r = stat_result(&st);
    Object *d = instance_dict(self, true);
    if (!r || !d || dict_set_cstr(d, de_attrs[k], r) < 0)
        return NULL;
    return r;
}

static int de_follow(const char *fname, Object *const *args, size_t nargs, Object *kw, bool *follow)
{
    static const char *const names[] = { "follow_symlinks", NULL };
    Object *out[1];
    if (args_parse(fname, args, nargs, kw, names, 0, 0, out) < 0)
        return -1;
    int t = out[0] ? obj_truth(out[0]) : 1;
    if (t < 0)
        return -1;
    *follow = t;
    return 0;
}

static Object *de_stat(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    bool follow;
    return de_follow("stat", args, nargs, kw, &follow) < 0 ? NULL : de_stat_any(self, follow);
}

/* is_dir/is_file: from d_type when the directory told it, else stat;
   a missing file is neither. */
static Object *de_is(Object *self, Object *const *args, size_t nargs, Object *kw, const char *fname,
                     unsigned dtype, mode_t fmt)
{
    bool follow;
    if (de_follow(fname, args, nargs, kw, &follow) < 0)
        return NULL;
    Object *t = de_get(self, DE_TYPE);
    unsigned type = is_small(t) ? (unsigned)small_value(t) : DT_UNKNOWN;
    if (type != DT_UNKNOWN && !(follow && type == DT_LNK))
        return bool_obj(type == dtype);
    Object *st = de_stat_any(self, follow);
    if (!st) {
        if (!exc_matches(vm.e_FileNotFoundError))
            return NULL;
        exc_clear();
        return False_;
    }
    Object *mode = tuple_get(((Instance *)st)->base_value, 0);
    return bool_obj(((mode_t)small_value(mode) & S_IFMT) == fmt);
}

static Object *de_is_dir(Object *s, Object *const *a, size_t n, Object *kw)
{
    return de_is(s, a, n, kw, "is_dir", DT_DIR, S_IFDIR);
}

static Object *de_is_file(Object *s, Object *const *a, size_t n, Object *kw)
{
    return de_is(s, a, n, kw, "is_file", DT_REG, S_IFREG);
}

static Object *de_is_symlink(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("is_symlink", kw, nargs, 0) < 0)
        return NULL;
    Object *t = de_get(self, DE_TYPE);
    unsigned type = is_small(t) ? (unsigned)small_value(t) : DT_UNKNOWN;
    if (type != DT_UNKNOWN)
        return bool_obj(type == DT_LNK);
    Object *st = de_stat_any(self, false);
    if (!st) {
        if (!exc_matches(vm.e_FileNotFoundError))
            return NULL;
        exc_clear();
        return False_;
    }
    Object *mode = tuple_get(((Instance *)st)->base_value, 0);
    return bool_obj(((mode_t)small_value(mode) & S_IFMT) == S_IFLNK);
}

static Object *de_inode(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return args_exact("inode", kw, nargs, 0) < 0 ? NULL : de_get(self, DE_INO);
}

static Object *de_fspath(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return args_exact("__fspath__", kw, nargs, 0) < 0 ? NULL : de_get(self, DE_PATH);
}

static Object *de_repr(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    Object *r = obj_repr(de_get(self, DE_NAME));
    Object *pre = r ? str_from_cstr("<DirEntry ") : NULL;
    Object *s = pre ? str_concat(pre, r) : NULL;
    return s ? str_concat(s, vm.one_char['>']) : NULL;
}

/* The scandir iterator: an instance whose "_dir" attribute is the DIR
   pointer as an int (0 once closed). */
static DIR *sd_dir(Object *self)
{
    Object *d = instance_dict(self, false);
    Object *v = d ? dict_get_cstr(d, "_dir") : NULL;
    int64_t p = 0;
    if (v && int_to_i64(v, &p) < 0)
        exc_clear();
    return (DIR *)(intptr_t)p;
}

static Object *sd_close(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    DIR *d = sd_dir(self);
    if (d) {
        closedir(d);
        dict_set_cstr(instance_dict(self, true), "_dir", make_small(0));
    }
    return None;
}

static Object *sd_next(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    DIR *d = sd_dir(self);
    Object *sd = instance_dict(self, true);
    for (;;) {
        struct dirent *e = NULL;
        if (d) {
            errno = 0;
            e = readdir(d);
            if (!e && errno) {
                int err = errno;
                sd_close(self, NULL, 0, NULL);
                return raise_os_error(err, dict_get_cstr(sd, "_path"));
            }
        }
        if (!e) {
            sd_close(self, NULL, 0, NULL);
            return raise_object((Object *)vm.e_StopIteration);
        }
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
            continue;
        Object *base = dict_get_cstr(sd, "_path");
        bool as_bytes = is_bytes(base);
        Object *name = name_out(e->d_name, strlen(e->d_name), as_bytes);
        Object *entry = name ? obj_call0((Object *)direntry_type) : NULL;
        Object *ed = entry ? instance_dict(entry, true) : NULL;
        if (!ed)
            return NULL;
        Object *dirfd = dict_get_cstr(sd, "_dir_fd");
        Object *path;
        if (dirfd && dirfd != None) {
            path = name;
        } else {
            /* path is the directory joined with the name, as given. */
            size_t blen = as_bytes ? bytes_size(base) : str_len(base);
            bool sep = blen && (as_bytes ? bytes_data(base)[blen - 1] != '/'
                                         : str_char(base, blen - 1) != '/');
            Object *slash = as_bytes ? bytes_new("/", 1) : vm.one_char['/'];
            if (as_bytes) {
                size_t nl = bytes_size(name);
                char *buf = malloc(blen + 1 + nl);
                if (!buf)
                    return raise_no_memory();
                memcpy(buf, bytes_data(base), blen);
                if (sep)
                    buf[blen] = '/';
                memcpy(buf + blen + sep, bytes_data(name), nl);
                path = bytes_new(buf, blen + sep + nl);
                free(buf);
            } else {
                path = sep ? str_concat(base, slash) : base;
                path = path ? str_concat(path, name) : NULL;
            }
        }
        if (!path || dict_set_cstr(ed, "name", name) < 0 || dict_set_cstr(ed, "path", path) < 0
            || dict_set_cstr(ed, "_ino", int_from_u64(e->d_ino)) < 0
            || dict_set_cstr(ed, "_d_type", make_small(e->d_type)) < 0
            || dict_set_cstr(ed, "_dir_fd", dirfd ? dirfd : None) < 0)
            return NULL;
        return entry;
    }
}

static Object *sd_iter(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return self;
}

/* The slots of the two classes, which calls from C find first. */
static Object *sd_iter_slot(Object *self) { return self; }

static Object *sd_next_slot(Object *self)
{
    Object *r = sd_next(self, NULL, 0, NULL);
    if (!r && exc_matches(vm.e_StopIteration))
        exc_clear();
    return r;
}

static Object *de_repr_slot(Object *self) { return de_repr(self, NULL, 0, NULL); }

static Object *sd_enter(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return self;
}

static Object *os_scandir(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    static const char *const names[] = { "path", NULL };
    Object *out[1];
    if (args_parse("scandir", args, nargs, kw, names, 0, 1, out) < 0)
        return NULL;
    Object *given = out[0] && out[0] != None ? out[0] : NULL;
    struct PathArgs p = { .obj = None, .fd = -1 };
    if (given && path_conv("scandir", given, true, &p) < 0)
        return NULL;
    DIR *d;
    if (p.fd >= 0) {
        int fd = dup(p.fd);
        d = fd < 0 ? NULL : fdopendir(fd);
        if (d)
            rewinddir(d);
        else if (fd >= 0)
            close(fd);
    } else {
        d = opendir(p.path ? p.path : ".");
    }
    if (!d)
        return path_error(errno, &p);
    path_free(&p);
    Object *it = obj_call0((Object *)scandir_iter_type);
    Object *sd = it ? instance_dict(it, true) : NULL;
    Object *base = given ? given : vm.one_char['.'];
    if (given && !is_str(given) && !is_bytes(given) && !is_int(given)) {
        Object *f = obj_getattr_cstr(given, "__fspath__");
        base = f ? obj_call0(f) : NULL;
    }
    if (!sd || !base || dict_set_cstr(sd, "_dir", int_from_u64((uintptr_t)d)) < 0
        || dict_set_cstr(sd, "_path", p.fd >= 0 ? vm.one_char['.'] : base) < 0
        || dict_set_cstr(sd, "_dir_fd", p.fd >= 0 ? given : None) < 0) {
        closedir(d);
        return NULL;
    }
    return it;
}

/* ---- file descriptors ------------------------------------------------------------- */

static Object *os_open(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    static const char *const names[] = { "path", "flags", "mode", "dir_fd", NULL };
    Object *out[4];
    struct PathArgs p;
    int64_t flags, mode = 0777;
    if (parse_path_call("open", args, nargs, kw, names, 2, 3, false, out, &p) < 0)
        return NULL;
    if (os_arg_int(out[1], &flags) < 0 || (out[2] && os_arg_int(out[2], &mode) < 0)) {
        path_free(&p);
        return NULL;
    }
    os_irreversible("open");
    int fd = openat(p.dir_fd, p.path, (int)flags | O_CLOEXEC, (mode_t)mode);
    if (fd < 0)
        return path_error(errno, &p);
    path_free(&p);
    return make_small(fd);
}

static Object *os_close(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    int64_t fd;
    if (int_arg("close", args, nargs, kw, 1, &fd) < 0)
        return NULL;
    os_irreversible("close");
    if (close((int)fd) < 0)
        return raise_os_error(errno, NULL);
    return None;
}

static Object *os_closerange(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    int64_t a[2];
    if (int_arg("closerange", args, nargs, kw, 2, a) < 0)
        return NULL;
    os_irreversible("close");
    for (int64_t fd = a[0]; fd < a[1]; fd++)
        close((int)fd);
    return None;
}

struct ReadArgs { int fd; void *buf; size_t n; ssize_t r; int err; };

static void *read_blocking(void *arg)
{
    struct ReadArgs *a = arg;
    a->r = read(a->fd, a->buf, a->n);
    a->err = errno;
    return NULL;
}

/* read(2) into a fresh bytes object, the thread detached meanwhile (a
   pipe or a terminal may block); EINTR runs the signal handlers. */
Object *os_read_bytes(int fd, size_t n)
{
    struct ReadArgs a = { fd, malloc(n ? n : 1), n, 0, 0 };
    if (!a.buf)
        return raise_no_memory();
    os_irreversible("read");
    for (;;) {
        os_blocking(read_blocking, &a);
        if (a.r >= 0 || a.err != EINTR)
            break;
        if (signals_check() < 0) {
            free(a.buf);
            return NULL;
        }
    }
    Object *r = a.r < 0 ? raise_os_error(a.err, NULL) : bytes_new(a.buf, (size_t)a.r);
    free(a.buf);
    return r;
}

/* write(2) of all of p[0..n) unless an error stops it: the count written,
   or -1 with OSError set (also when nothing could be written). */
ssize_t os_write_all(int fd, const void *p, size_t n, bool all)
{
    size_t done = 0;
    if (output_defer(fd, p, n))
        return (ssize_t)n;
    os_irreversible("write");
    while (done < n) {
        ssize_t w = write(fd, (const char *)p + done, n - done);
        if (w < 0) {
            if (errno == EINTR) {
                if (signals_check() < 0)
                    return -1;
                continue;
            }
            if (errno == EAGAIN && done)
                return (ssize_t)done;
            raise_os_error(errno, NULL);
            return -1;
        }
        done += (size_t)w;
        if (!all)
            break;
    }
    return (ssize_t)done;
}

static Object *os_read(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    int64_t a[2];
    if (int_arg("read", args, nargs, kw, 2, a) < 0)
        return NULL;
    if (a[1] < 0)
        return raise_os_error(EINVAL, NULL);
    return os_read_bytes((int)a[0], (size_t)a[1]);
}

static Object *os_write(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    int64_t fd;
    if (args_exact("write", kw, nargs, 2) < 0 || os_arg_int(args[0], &fd) < 0)
        return NULL;
    ByteView v;
    if (os_view_arg(args[1], &v) < 0)
        return NULL;
    ssize_t w = os_write_all((int)fd, v.data, v.size, false);
    return w < 0 ? NULL : make_small(w);
}

static Object *os_lseek(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    int64_t a[3];
    if (int_arg("lseek", args, nargs, kw, 3, a) < 0)
        return NULL;
    os_irreversible("lseek");
    off_t r = lseek((int)a[0], (off_t)a[1], (int)a[2]);
    return r < 0 ? raise_os_error(errno, NULL) : int_from_i64(r);
}

static Object *os_dup(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    int64_t fd;
    if (int_arg("dup", args, nargs, kw, 1, &fd) < 0)
        return NULL;
    os_irreversible("dup");
    int r = fcntl((int)fd, F_DUPFD_CLOEXEC, 0);
    return r < 0 ? raise_os_error(errno, NULL) : make_small(r);
}

static Object *os_dup2(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    static const char *const names[] = { "fd", "fd2", "inheritable", NULL };
    Object *out[3];
    int64_t a, b;
    if (args_parse("dup2", args, nargs, kw, names, 2, 3, out) < 0 || os_arg_int(out[0], &a) < 0
        || os_arg_int(out[1], &b) < 0)
        return NULL;
    bool inheritable = !out[2] || obj_truth(out[2]) == 1;
    os_irreversible("dup2");
    int r = dup3((int)a, (int)b, inheritable ? 0 : O_CLOEXEC);
    if (r < 0 && errno == EINVAL && a == b)
        r = (int)b;
    return r < 0 ? raise_os_error(errno, NULL) : make_small(r);
}

static Object *os_pipe(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    int fds[2];
    if (args_exact("pipe", kw, nargs, 0) < 0)
        return NULL;
    os_irreversible("pipe");
    if (pipe2(fds, O_CLOEXEC) < 0)
        return raise_os_error(errno, NULL);
    return tuple_pack(2, make_small(fds[0]), make_small(fds[1]));
}

static Object *os_isatty(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    int64_t fd;
    if (int_arg("isatty", args, nargs, kw, 1, &fd) < 0)
        return NULL;
    return bool_obj(isatty((int)fd));
}

static Object *os_fsync(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    int64_t fd;
    if (args_exact("fsync", kw, nargs, 1) < 0)
        return NULL;
    if (!is_int(args[0])) {
        Object *f = obj_getattr_cstr(args[0], "fileno");
        Object *r = f ? obj_call0(f) : NULL;
        if (!r || os_arg_int(r, &fd) < 0)
            return NULL;
    } else if (os_arg_int(args[0], &fd) < 0) {
        return NULL;
    }
    os_irreversible("fsync");
    return fsync((int)fd) < 0 ? raise_os_error(errno, NULL) : None;
}

static Object *os_ftruncate(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    int64_t a[2];
    if (int_arg("ftruncate", args, nargs, kw, 2, a) < 0)
        return NULL;
    os_irreversible("ftruncate");
    return ftruncate((int)a[0], (off_t)a[1]) < 0 ? raise_os_error(errno, NULL) : None;
}

static Object *os_truncate(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    static const char *const names[] = { "path", "length", NULL };
    Object *out[2];
    struct PathArgs p;
    int64_t len;
    if (parse_path_call("truncate", args, nargs, kw, names, 2, 2, true, out, &p) < 0)
        return NULL;
    if (os_arg_int(out[1], &len) < 0) {
        path_free(&p);
        return NULL;
    }
    os_irreversible("truncate");
    return none_or_error(p.fd >= 0 ? ftruncate(p.fd, (off_t)len) : truncate(p.path, (off_t)len), &p);
}

static Object *fd_flag(Object *const *args, size_t nargs, Object *kw, const char *fname, int get,
                       int set, int bit, bool nonblock)
{
    int64_t a[2];
    if (int_arg(fname, args, nargs, kw, get ? 1 : 2, a) < 0)
        return NULL;
    int flags = fcntl((int)a[0], get ? get : nonblock ? F_GETFL : F_GETFD);
    if (flags < 0)
        return raise_os_error(errno, NULL);
    if (get)
        return bool_obj(!(flags & bit));
    os_irreversible(fname);
    /* inheritable and blocking are the absence of the flag. */
    flags = a[1] ? flags & ~bit : flags | bit;
    return fcntl((int)a[0], set, flags) < 0 ? raise_os_error(errno, NULL) : None;
}

static Object *os_get_inheritable(Object *s, Object *const *a, size_t n, Object *kw)
{
    return fd_flag(a, n, kw, "get_inheritable", F_GETFD, 0, FD_CLOEXEC, false);
}
static Object *os_set_inheritable(Object *s, Object *const *a, size_t n, Object *kw)
{
    return fd_flag(a, n, kw, "set_inheritable", 0, F_SETFD, FD_CLOEXEC, false);
}
static Object *os_get_blocking(Object *s, Object *const *a, size_t n, Object *kw)
{
    return fd_flag(a, n, kw, "get_blocking", F_GETFL, 0, O_NONBLOCK, true);
}
static Object *os_set_blocking(Object *s, Object *const *a, size_t n, Object *kw)
{
    return fd_flag(a, n, kw, "set_blocking", 0, F_SETFL, O_NONBLOCK, true);
}

/* ---- processes ---------------------------------------------------------------------- */

#define SIMPLE_ID(fn, call)                                                        \
    static Object *os_##fn(Object *self, Object *const *args, size_t nargs, Object *kw) \
    {                                                                              \
        return args_exact(#fn, kw, nargs, 0) < 0 ? NULL : int_from_i64((int64_t)call()); \
    }
SIMPLE_ID(getpid, getpid)
SIMPLE_ID(getppid, getppid)
SIMPLE_ID(getuid, getuid)
SIMPLE_ID(geteuid, geteuid)
SIMPLE_ID(getgid, getgid)
SIMPLE_ID(getegid, getegid)
SIMPLE_ID(getpgrp, getpgrp)
SIMPLE_ID(setsid, setsid)

static Object *os_kill(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    int64_t a[2];
    if (int_arg("kill", args, nargs, kw, 2, a) < 0)
        return NULL;
    os_irreversible("kill");
    if (kill((pid_t)a[0], (int)a[1]) < 0)
        return raise_os_error(errno, NULL);
    /* A signal sent to ourselves is handled before kill() returns. */
    return signals_check() < 0 ? NULL : None;
}

static Object *os_exit_now(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    int64_t code;
    if (int_arg("_exit", args, nargs, kw, 1, &code) < 0)
        return NULL;
    _exit((int)code);
}

/* The hooks of register_at_fork: lists made at start-up and only changed
   in place (roots), so that the globals always name committed objects. */
static Object *fork_hooks[3];   /* before, after_in_child, after_in_parent */

bool fork_hooks_setup(void)
{
    for (int i = 0; i < 3; i++) {
        if (fork_hooks[i])
            continue;
        stm_add_root((stm_obj **)&fork_hooks[i]);
        if (!(fork_hooks[i] = list_new(0)))
            return false;
    }
    return true;
}

/* Calls the hooks of one kind (the "before" ones last registered first);
   their exceptions are printed and ignored. */
static void run_fork_hooks(int kind)
{
    Object *l = fork_hooks[kind];
    size_t n = l ? list_size(l) : 0;
    for (size_t k = 0; k < n; k++) {
        Object *f = list_get(l, kind == 0 ? n - 1 - k : k);
        if (!obj_call0(f)) {
            Object *e = exc_fetch();
            if (e)
                print_exception(e);
        }
    }
}

static Object *os_register_at_fork(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    static const char *const names[] = { "before", "after_in_child", "after_in_parent", NULL };
    Object *a[3];
    if (args_parse("register_at_fork", args, nargs, kw, names, 0, 0, a) < 0)
        return NULL;
    if (!a[0] && !a[1] && !a[2])
        return raise(vm.e_TypeError, "At least one argument is required.");
    for (int i = 0; i < 3; i++)
        if (a[i] && a[i] != None && !type_of(a[i])->call)
            return raise(vm.e_TypeError, "'%s' must be callable, not %s", names[i],
                         type_name(type_of(a[i])));
    for (int i = 0; i < 3; i++)
        if (a[i] && a[i] != None && list_append(fork_hooks[i], a[i]) < 0)
            return NULL;
    return None;
}

static Object *os_fork(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("fork", kw, nargs, 0) < 0)
        return NULL;
    os_irreversible("fork");
    run_fork_hooks(0);
    fflush(NULL);
    pid_t pid = fork();
    if (pid >= 0)
        run_fork_hooks(pid == 0 ? 1 : 2);
    return pid < 0 ? raise_os_error(errno, NULL) : make_small(pid);
}

struct WaitArgs { pid_t pid; int status; int options; pid_t r; int err; };

static void *waitpid_blocking(void *arg)
{
    struct WaitArgs *a = arg;
    a->r = waitpid(a->pid, &a->status, a->options);
    a->err = errno;
    return NULL;
}

static Object *os_waitpid(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    int64_t a[2];
    if (int_arg("waitpid", args, nargs, kw, 2, a) < 0)
        return NULL;
    struct WaitArgs w = { (pid_t)a[0], 0, (int)a[1], 0, 0 };
    os_irreversible("waitpid");
    for (;;) {
        os_blocking(waitpid_blocking, &w);
        if (w.r >= 0 || w.err != EINTR)
            break;
        if (signals_check() < 0)
            return NULL;
    }
    if (w.r < 0)
        return raise_os_error(w.err, NULL);
    return tuple_pack(2, make_small(w.r), make_small(w.status));
}

#define WAIT_MACRO(name, expr)                                                      \
    static Object *os_##name(Object *self, Object *const *args, size_t nargs, Object *kw) \
    {                                                                               \
        int64_t st;                                                                 \
        if (int_arg(#name, args, nargs, kw, 1, &st) < 0)                            \
            return NULL;                                                            \
        int status = (int)st;                                                       \
        return expr;                                                                \
    }
WAIT_MACRO(WIFEXITED, bool_obj(WIFEXITED(status)))
WAIT_MACRO(WEXITSTATUS, make_small(WEXITSTATUS(status)))
WAIT_MACRO(WIFSIGNALED, bool_obj(WIFSIGNALED(status)))
WAIT_MACRO(WTERMSIG, make_small(WTERMSIG(status)))
WAIT_MACRO(WIFSTOPPED, bool_obj(WIFSTOPPED(status)))
WAIT_MACRO(WSTOPSIG, make_small(WSTOPSIG(status)))

static Object *os_waitstatus_to_exitcode(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    int64_t st;
    if (int_arg("waitstatus_to_exitcode", args, nargs, kw, 1, &st) < 0)
        return NULL;
    int status = (int)st;
    if (WIFEXITED(status))
        return make_small(WEXITSTATUS(status));
    if (WIFSIGNALED(status))
        return make_small(-WTERMSIG(status));
    return raise(vm.e_ValueError, "invalid wait status: %d", status);
}

/* ---- environment and system information ------------------------------------------------ */

static Object *os_putenv(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("putenv", kw, nargs, 2) < 0)
        return NULL;
    char *k, *v;
    if (os_arg_path("putenv", args[0], &k) < 0)
        return NULL;
    if (os_arg_path("putenv", args[1], &v) < 0) {
        free(k);
        return NULL;
    }
    if (!*k || strchr(k, '=')) {
        free(k);
        free(v);
        return raise(vm.e_ValueError, "illegal environment variable name");
    }
    int r = setenv(k, v, 1);
    free(k);
    free(v);
    return r < 0 ? raise_os_error(errno, NULL) : None;
}

static Object *os_unsetenv(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    char *k;
    if (args_exact("unsetenv", kw, nargs, 1) < 0 || os_arg_path("unsetenv", args[0], &k) < 0)
        return NULL;
    int r = unsetenv(k);
    free(k);
    return r < 0 ? raise_os_error(errno, NULL) : None;
}

static Object *os_strerror(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    int64_t code;
    if (int_arg("strerror", args, nargs, kw, 1, &code) < 0)
        return NULL;
    return str_from_cstr(strerror((int)code));
}

static Object *os_umask(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    int64_t mask;
    if (int_arg("umask", args, nargs, kw, 1, &mask) < 0)
        return NULL;
    os_irreversible("umask");
    return make_small(umask((mode_t)mask));
}

static Object *os_urandom(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    int64_t n;
    if (int_arg("urandom", args, nargs, kw, 1, &n) < 0)
        return NULL;
    if (n < 0)
        return raise(vm.e_ValueError, "negative argument not allowed");
    char *buf = malloc((size_t)n + 1);
    if (!buf)
        return raise_no_memory();
    for (size_t got = 0; got < (size_t)n;) {
        ssize_t r = getrandom(buf + got, (size_t)n - got, 0);
        if (r < 0 && errno != EINTR) {
            free(buf);
            return raise_os_error(errno, NULL);
        }
        if (r > 0)
            got += (size_t)r;
    }
    Object *b = bytes_new(buf, (size_t)n);
    free(buf);
    return b;
}

static Object *os_cpu_count(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("cpu_count", kw, nargs, 0) < 0)
        return NULL;
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? None : make_small(n);
}

static Object *os_fspath(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    static const char *const names[] = { "path", NULL };
    Object *out[1];
    if (args_parse("fspath", args, nargs, kw, names, 1, 1, out) < 0)
        return NULL;
    Object *v = out[0];
    if (is_str(v) || is_bytes(v))
        return v;
    if (!type_lookup(type_of(v), intern_cstr("__fspath__")))
        return raise(vm.e_TypeError, "expected str, bytes or os.PathLike object, not %s",
                     type_name(type_of(v)));
    Object *f = obj_getattr_cstr(v, "__fspath__");
    Object *r = f ? obj_call0(f) : NULL;
    if (r && !is_str(r) && !is_bytes(r))
        return raise(vm.e_TypeError, "expected %s.__fspath__() to return str or bytes, not %s",
                     type_name(type_of(v)), type_name(type_of(r)));
    return r;
}

static Object *os_uname(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    struct utsname u;
    if (args_exact("uname", kw, nargs, 0) < 0)
        return NULL;
    if (uname(&u) < 0)
        return raise_os_error(errno, NULL);
    Object *v[5] = { fs_decode(u.sysname, strlen(u.sysname)), fs_decode(u.nodename, strlen(u.nodename)),
                     fs_decode(u.release, strlen(u.release)), fs_decode(u.version, strlen(u.version)),
                     fs_decode(u.machine, strlen(u.machine)) };
    for (int i = 0; i < 5; i++)
        if (!v[i])
            return NULL;
    return structseq_new(uname_result_type, v);
}

static Object *os_times(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    struct tms t;
    if (args_exact("times", kw, nargs, 0) < 0)
        return NULL;
    clock_t c = times(&t);
    if (c == (clock_t)-1)
        return raise_os_error(errno, NULL);
    double tick = (double)sysconf(_SC_CLK_TCK);
    Object *v[5] = { float_new((double)t.tms_utime / tick), float_new((double)t.tms_stime / tick),
                     float_new((double)t.tms_cutime / tick), float_new((double)t.tms_cstime / tick),
                     float_new((double)c / tick) };
    for (int i = 0; i < 5; i++)
        if (!v[i])
            return NULL;
    return structseq_new(times_result_type, v);
}

static Object *os_get_terminal_size(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    int64_t fd = 1;
    if (args_no_kw("get_terminal_size", kw) < 0 || args_count("get_terminal_size", nargs, 0, 1) < 0
        || (nargs && os_arg_int(args[0], &fd) < 0))
        return NULL;
    struct winsize w;
    if (ioctl((int)fd, TIOCGWINSZ, &w) < 0)
        return raise_os_error(errno, NULL);
    Object *v[2] = { make_small(w.ws_col), make_small(w.ws_row) };
    return structseq_new(terminal_size_type, v);
}

struct SystemArgs { const char *cmd; int r; };

static void *system_blocking(void *arg)
{
    struct SystemArgs *a = arg;
    a->r = system(a->cmd);
    return NULL;
}

static Object *os_system(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    static const char *const names[] = { "command", NULL };
    Object *out[1];
    char *cmd;
    if (args_parse("system", args, nargs, kw, names, 1, 1, out) < 0
        || os_arg_path("system", out[0], &cmd) < 0)
        return NULL;
    os_irreversible("system");
    fflush(NULL);
    /* The command may run for long: other threads go on meanwhile. */
    struct SystemArgs a = { cmd, 0 };
    os_blocking(system_blocking, &a);
    free(cmd);
    return make_small(a.r);
}

/* environ: bytes keys and values, as CPython's posix.environ. */
static Object *make_environ(void)
{
    Object *d = dict_new();
    for (char **e = environ; d && e && *e; e++) {
        const char *eq = strchr(*e, '=');
        if (!eq)
            continue;
        Object *k = bytes_new(*e, (size_t)(eq - *e));
        Object *v = k ? bytes_new(eq + 1, strlen(eq + 1)) : NULL;
        if (!v)
            return NULL;
        /* The first definition wins, as in CPython. */
        Object *old;
        int r = dict_lookup(d, k, &old);
        if (r < 0 || (r == 0 && dict_set(d, k, v) < 0))
            return NULL;
    }
    return d;
}

static const MethodDef posix_functions[] = {
    { "stat", os_stat, 0 }, { "lstat", os_lstat, 0 }, { "fstat", os_fstat, 0 },
    { "access", os_access, 0 }, { "chdir", os_chdir, 0 }, { "chmod", os_chmod, 0 },
    { "mkdir", os_mkdir, 0 }, { "rmdir", os_rmdir, 0 }, { "unlink", os_unlink, 0 },
    { "remove", os_unlink, 0 }, { "rename", os_rename, 0 }, { "replace", os_replace, 0 },
    { "link", os_link, 0 }, { "symlink", os_symlink, 0 }, { "readlink", os_readlink, 0 },
    { "utime", os_utime, 0 }, { "getcwd", os_getcwd, 0 }, { "getcwdb", os_getcwdb, 0 },
    { "listdir", os_listdir, 0 }, { "scandir", os_scandir, 0 },
    { "open", os_open, 0 }, { "close", os_close, 0 }, { "closerange", os_closerange, 0 },
    { "read", os_read, 0 }, { "write", os_write, 0 }, { "lseek", os_lseek, 0 },
    { "dup", os_dup, 0 }, { "dup2", os_dup2, 0 }, { "pipe", os_pipe, 0 },
    { "isatty", os_isatty, 0 }, { "fsync", os_fsync, 0 }, { "ftruncate", os_ftruncate, 0 },
    { "truncate", os_truncate, 0 },
    { "get_inheritable", os_get_inheritable, 0 }, { "set_inheritable", os_set_inheritable, 0 },
    { "get_blocking", os_get_blocking, 0 }, { "set_blocking", os_set_blocking, 0 },
    { "getpid", os_getpid, 0 }, { "getppid", os_getppid, 0 }, { "getuid", os_getuid, 0 },
    { "geteuid", os_geteuid, 0 }, { "getgid", os_getgid, 0 }, { "getegid", os_getegid, 0 },
    { "getpgrp", os_getpgrp, 0 }, { "setsid", os_setsid, 0 },
    { "kill", os_kill, 0 }, { "_exit", os_exit_now, 0 }, { "fork", os_fork, 0 },
    { "waitpid", os_waitpid, 0 }, { "WIFEXITED", os_WIFEXITED, 0 },
    { "WEXITSTATUS", os_WEXITSTATUS, 0 }, { "WIFSIGNALED", os_WIFSIGNALED, 0 },
    { "WTERMSIG", os_WTERMSIG, 0 }, { "WIFSTOPPED", os_WIFSTOPPED, 0 },
    { "WSTOPSIG", os_WSTOPSIG, 0 }, { "waitstatus_to_exitcode", os_waitstatus_to_exitcode, 0 },
    { "putenv", os_putenv, 0 }, { "unsetenv", os_unsetenv, 0 }, { "strerror", os_strerror, 0 },
    { "umask", os_umask, 0 }, { "urandom", os_urandom, 0 }, { "cpu_count", os_cpu_count, 0 },
    { "fspath", os_fspath, 0 }, { "uname", os_uname, 0 }, { "times", os_times, 0 },
    { "get_terminal_size", os_get_terminal_size, 0 }, { "system", os_system, 0 },
    { "register_at_fork", os_register_at_fork, 0 },
    { NULL, NULL, 0 },
};

static Type *root_type(Type **slot, Type *t)
{
    *slot = t;
    stm_add_root((stm_obj **)slot);
    return t;
}

/* A class made here, its methods written in C. */
static Type *plain_class(const char *name, const MethodDef *methods)
{
    Object *ns = dict_new();
    if (!ns || dict_set_cstr(ns, "__module__", str_from_cstr("posix")) < 0)
        return NULL;
    Object *args[3] = { str_from_cstr(name), tuple_pack(1, (Object *)vm.t_object), ns };
    Object *t = args[0] && args[1] ? obj_call((Object *)vm.t_type, args, 3, NULL) : NULL;
    if (!t)
        return NULL;
    type_add_methods((Type *)t, methods);
    type_ready_slots((Type *)t);
    return (Type *)t;
}

Object *posix_module_init(void)
{
    Object *m = os_module_new("posix", posix_functions);
    if (!m)
        return NULL;
    static const char *const stat_fields[] = {
        "st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size", NULL, NULL, NULL,
        "st_atime", "st_mtime", "st_ctime", "st_atime_ns", "st_mtime_ns", "st_ctime_ns",
        "st_blksize", "st_blocks", "st_rdev",
    };
    static const char *const ts_fields[] = { "columns", "lines" };
    static const char *const times_fields[] = { "user", "system", "children_user",
                                                "children_system", "elapsed" };
    static const char *const uname_fields[] = { "sysname", "nodename", "release", "version",
                                                "machine" };
    static const MethodDef de_methods[] = {
        { "stat", de_stat, 0 }, { "is_dir", de_is_dir, 0 }, { "is_file", de_is_file, 0 },
        { "is_symlink", de_is_symlink, 0 }, { "inode", de_inode, 0 },
        { "__fspath__", de_fspath, 0 }, { "__repr__", de_repr, 0 }, { NULL, NULL, 0 },
    };
    static const MethodDef sd_methods[] = {
        { "__next__", sd_next, 0 }, { "__iter__", sd_iter, 0 }, { "close", sd_close, 0 },
        { "__enter__", sd_enter, 0 }, { "__exit__", sd_close, 0 }, { NULL, NULL, 0 },
    };
    if (!stat_result_type) {
        if (!root_type(&stat_result_type, structseq_type("os", "stat_result", stat_fields, 19, 10))
            || !root_type(&terminal_size_type, structseq_type("os", "terminal_size", ts_fields, 2, 2))
            || !root_type(&times_result_type, structseq_type("posix", "times_result", times_fields, 5, 5))
            || !root_type(&uname_result_type, structseq_type("posix", "uname_result", uname_fields, 5, 5))
            || !root_type(&direntry_type, plain_class("DirEntry", de_methods))
            || !root_type(&scandir_iter_type, plain_class("ScandirIterator", sd_methods)))
            return NULL;
        direntry_type->repr = de_repr_slot;
        scandir_iter_type->iter = sd_iter_slot;
        scandir_iter_type->next = sd_next_slot;
    }
    os_module_add(m, "stat_result", (Object *)stat_result_type);
    os_module_add(m, "terminal_size", (Object *)terminal_size_type);
    os_module_add(m, "times_result", (Object *)times_result_type);
    os_module_add(m, "uname_result", (Object *)uname_result_type);
    os_module_add(m, "DirEntry", (Object *)direntry_type);
    os_module_add(m, "error", (Object *)vm.e_OSError);
    os_module_add(m, "environ", make_environ());
    static const char *const have[] = { "HAVE_FACCESSAT", "HAVE_FCHDIR", "HAVE_FCHMOD",
                                        "HAVE_FCHMODAT", "HAVE_FDOPENDIR", "HAVE_FSTATAT",
                                        "HAVE_FTRUNCATE", "HAVE_FUTIMENS", "HAVE_LINKAT",
                                        "HAVE_LSTAT", "HAVE_MKDIRAT", "HAVE_OPENAT",
                                        "HAVE_READLINKAT", "HAVE_RENAMEAT", "HAVE_SYMLINKAT",
                                        "HAVE_UNLINKAT", "HAVE_UTIMENSAT" };
    Object *hl = list_new(0);
    for (size_t i = 0; hl && i < sizeof have / sizeof have[0]; i++)
        list_append(hl, str_from_cstr(have[i]));
    os_module_add(m, "_have_functions", hl);
#define C(name) os_module_add_int(m, #name, name);
    C(F_OK) C(R_OK) C(W_OK) C(X_OK)
    C(O_RDONLY) C(O_WRONLY) C(O_RDWR) C(O_APPEND) C(O_CREAT) C(O_EXCL) C(O_TRUNC)
    C(O_NONBLOCK) C(O_NDELAY) C(O_SYNC) C(O_DSYNC) C(O_RSYNC) C(O_NOCTTY) C(O_CLOEXEC)
    C(O_DIRECTORY) C(O_NOFOLLOW) C(O_ACCMODE) C(O_ASYNC) C(O_DIRECT) C(O_LARGEFILE)
    C(O_NOATIME) C(O_PATH) C(O_TMPFILE)
    C(SEEK_SET) C(SEEK_CUR) C(SEEK_END) C(SEEK_DATA) C(SEEK_HOLE)
    C(WNOHANG) C(WUNTRACED) C(WCONTINUED) C(WEXITED) C(WSTOPPED) C(WNOWAIT)
    C(EX_OK) C(EX_USAGE) C(EX_DATAERR) C(EX_NOINPUT) C(EX_NOUSER) C(EX_NOHOST)
    C(EX_UNAVAILABLE) C(EX_SOFTWARE) C(EX_OSERR) C(EX_OSFILE) C(EX_CANTCREAT) C(EX_IOERR)
    C(EX_TEMPFAIL) C(EX_PROTOCOL) C(EX_NOPERM) C(EX_CONFIG)
    C(F_LOCK) C(F_TLOCK) C(F_ULOCK) C(F_TEST)
#undef C
    return m;
}
