/*
** The _io module, binary side: the abstract bases (_IOBase, _RawIOBase,
** _BufferedIOBase, _TextIOBase), FileIO, BytesIO, the buffered streams
** and open().  The text side is in mod_io_text.c.
**
** All _io types share one layout (struct IOObj) so that classes may mix
** them.  Methods that CPython documents as calling other methods (IOBase's
** readline calls read, a BufferedReader calls its raw stream's readinto)
** call them through attribute look-up, so that Python subclasses can
** override them; when the other object is one of ours with nothing
** overridden, the C code is called directly.
*/
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "vm/eval.h"
#include "vm/buffer.h"
#include "vm/mod_io.h"

Object *weakref_new(Object *target);
Object *weakref_get(Object *ref);

struct IOTypes io_types;

/* ---- shared helpers -------------------------------------------------------------- */

Object *io_call_method(Object *obj, const char *name, Object *const *args, size_t nargs)
{
    Object *m = obj_getattr_cstr(obj, name);
    return m ? obj_call(m, args, nargs, NULL) : NULL;
}

Object *io_unsupported(const char *what)
{
    return raise(io_types.UnsupportedOperation, "%s", what);
}

bool io_exact(Object *o, Type *t)
{
    return !is_small(o) && o->type == t;
}

int io_check_closed_attr(Object *obj, const char *msg)
{
    Object *c = obj_getattr_cstr(obj, "closed");
    int t = c ? obj_truth(c) : -1;
    if (t > 0)
        raise(vm.e_ValueError, "%s", msg);
    return t ? -1 : 0;
}

int io_size_arg(Object *v, int64_t *out)
{
    if (!v || v == None) {
        *out = -1;
        return 0;
    }
    if (!is_int(v) && !type_of(v)->unary[UN_INDEX]) {
        raise(vm.e_TypeError, "argument should be integer or None, not '%s'", type_name(type_of(v)));
        return -1;
    }
    return os_arg_int(v, out);
}

/* Room for `need` bytes in a growable bytes buffer holding `used` bytes. */
int io_buf_reserve(Object *self, Object *STM_SEG *slot, size_t used, size_t need)
{
    Object *b = *slot;
    if (b && bytes_size(b) >= need)
        return 0;
    size_t cap = b ? bytes_size(b) * 2 : 64;
    while (cap < need)
        cap *= 2;
    Object *nb = bytes_new(NULL, cap);
    if (!nb)
        return -1;
    if (used)
        memcpy(bytes_wdata(nb), bytes_data(b), used);
    obj_write(self);
    *slot = nb;
    return 0;
}

/* Copies data into a growable buffer at `at` (which may extend it). */
static int buf_put(Object *self, Object *STM_SEG *slot, size_t used, size_t at, const void *data,
                   size_t n)
{
    if (io_buf_reserve(self, slot, used, at + n) < 0)
        return -1;
    obj_write(*slot);
    if (at > used)
        memset(bytes_wdata(*slot) + used, 0, at - used);
    memcpy(bytes_wdata(*slot) + at, data, n);
    return 0;
}

static Object *io_tp_new(Object *cls, Object *const *args, size_t nargs, Object *kwnames)
{
    IOObj *o = (IOObj *)vm_alloc(sizeof(struct IOObj), L_NATIVE, (Type *)cls);
    if (o)
        o->fd = -1;
    return (Object *)o;
}

/* ---- _IOBase --------------------------------------------------------------------- */

static Object *iobase_closed_get(Object *self)
{
    obj_read(self);
    return bool_obj(io(self)->flags & IO_CLOSED);
}

static int check_closed(Object *self)
{
    return io_check_closed_attr(self, "I/O operation on closed file.");
}

static Object *iobase_close(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    obj_read(self);
    if (io(self)->flags & IO_CLOSED)
        return None;
    Object *r = io_call_method(self, "flush", NULL, 0);
    obj_write(self);
    io(self)->flags |= IO_CLOSED;
    return r ? None : NULL;
}

/* The finalizer, CPython's: close() unless closed already, its errors
   dropped (CPython reports them in development mode only).  The types
   that own a descriptor or a buffer to flush are finalizable
   (TF_FINALIZE); StringIO and BytesIO, which own neither, are not, since
   every finalizable object costs the collector. */
static Object *iobase_del(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    Object *c = obj_getattr_cstr(self, "closed");
    if (c && obj_truth(c) == 0)
        io_call_method(self, "close", NULL, 0);
    exc_clear();
    return None;
}

static Object *iobase_flush(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    obj_read(self);
    if (io(self)->flags & IO_CLOSED)
        return raise(vm.e_ValueError, "I/O operation on closed file.");
    return None;
}

static Object *iobase_enter(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return check_closed(self) < 0 ? NULL : self;
}

static Object *iobase_exit(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return io_call_method(self, "close", NULL, 0);
}

static Object *iobase_false(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return check_closed(self) < 0 ? NULL : False_;
}

static Object *iobase_fileno(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return io_unsupported("fileno");
}

static Object *iobase_seek(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return io_unsupported("seek");
}

static Object *iobase_truncate(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return io_unsupported("truncate");
}

static Object *iobase_tell(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    Object *a[2] = { make_small(0), make_small(1) };
    return io_call_method(self, "seek", a, 2);
}

static Object *iobase_iter(Object *self)
{
    return check_closed(self) < 0 ? NULL : self;
}

static Object *iobase_next(Object *self)
{
    Object *line = io_call_method(self, "readline", NULL, 0);
    if (!line)
        return NULL;
    intptr_t n = obj_length(line);
    return n <= 0 ? NULL : line;
}

/* readline() over read(1), or peek() when there is one, as IOBase's. */
static Object *iobase_readline(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    int64_t limit = -1;
    if (args_no_kw("readline", kw) < 0 || args_count("readline", nargs, 0, 1) < 0
        || (nargs && io_size_arg(args[0], &limit) < 0))
        return NULL;
    Object *acc = list_new(0);
    int64_t total = 0;
    while (acc && (limit < 0 || total < limit)) {
        Object *one = make_small(1);
        Object *b = io_call_method(self, "read", &one, 1);
        if (!b)
            return NULL;
        if (b == None)
            break;
        if (!is_bytes(b))
            return raise(vm.e_OSError, "read() should have returned a bytes object, not '%s'",
                         type_name(type_of(b)));
        if (bytes_size(b) == 0)
            break;
        if (list_append(acc, b) < 0)
            return NULL;
        total += (int64_t)bytes_size(b);
        if (bytes_data(b)[bytes_size(b) - 1] == '\n')
            break;
    }
    return acc ? obj_call1(obj_getattr_cstr(bytes_new(NULL, 0), "join"), acc) : NULL;
}

Object *iobase_readlines(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    int64_t hint = -1;
    if (args_no_kw("readlines", kw) < 0 || args_count("readlines", nargs, 0, 1) < 0
        || (nargs && io_size_arg(args[0], &hint) < 0))
        return NULL;
    Object *it = obj_iter(self);
    Object *l = it ? list_new(0) : NULL;
    int64_t total = 0;
    while (l) {
        Object *line = obj_next(it);
        if (!line)
            return exc_occurred() ? NULL : l;
        if (list_append(l, line) < 0)
            return NULL;
        intptr_t n = obj_length(line);
        if (n < 0)
            return NULL;
        total += n;
        if (hint > 0 && total >= hint)
            break;
    }
    return l;
}

static Object *iobase_writelines(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("writelines", kw, nargs, 1) < 0 || check_closed(self) < 0)
        return NULL;
    Object *it = obj_iter(args[0]);
    if (!it)
        return NULL;
    for (Object *line; (line = obj_next(it));)
        if (!io_call_method(self, "write", &line, 1))
            return NULL;
    return exc_occurred() ? NULL : None;
}

static Object *iobase_check(Object *self, const char *what, const char *msg)
{
    Object *r = io_call_method(self, what, NULL, 0);
    if (!r)
        return NULL;
    if (r != True_)
        return io_unsupported(msg);
    return True_;
}

static Object *iobase_check_readable(Object *s, Object *const *a, size_t n, Object *kw)
{
    return iobase_check(s, "readable", "File or stream is not readable.");
}

static Object *iobase_check_writable(Object *s, Object *const *a, size_t n, Object *kw)
{
    return iobase_check(s, "writable", "File or stream is not writable.");
}

static Object *iobase_check_seekable(Object *s, Object *const *a, size_t n, Object *kw)
{
    return iobase_check(s, "seekable", "File or stream is not seekable.");
}

static Object *iobase_check_closed(Object *s, Object *const *a, size_t n, Object *kw)
{
    return check_closed(s) < 0 ? NULL : None;
}

/* ---- _RawIOBase -------------------------------------------------------------------- */

static Object *rawiobase_readall(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    Object *chunks = list_new(0);
    while (chunks) {
        Object *n = make_small(8192);
        Object *b = io_call_method(self, "read", &n, 1);
        if (!b)
            return NULL;
        if (b == None) {
            if (list_size(chunks) == 0)
                return None;
            break;
        }
        if (!is_bytes(b))
            return raise(vm.e_TypeError, "read() should return bytes");
        if (bytes_size(b) == 0)
            break;
        if (list_append(chunks, b) < 0)
            return NULL;
    }
    return chunks ? obj_call1(obj_getattr_cstr(bytes_new(NULL, 0), "join"), chunks) : NULL;
}

/* read(n) over readinto() of a bytearray, as RawIOBase's. */
static Object *rawiobase_read(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    int64_t n = -1;
    if (args_no_kw("read", kw) < 0 || args_count("read", nargs, 0, 1) < 0
        || (nargs && io_size_arg(args[0], &n) < 0))
        return NULL;
    if (n < 0)
        return io_call_method(self, "readall", NULL, 0);
    Object *ba = obj_call1((Object *)vm.t_bytearray, make_small(n));
    Object *got = ba ? io_call_method(self, "readinto", &ba, 1) : NULL;
    if (!got || got == None)
        return got;
    Object *part = obj_getitem(ba, slice_new(make_small(0), got, None));
    return part ? obj_call1((Object *)vm.t_bytes, part) : NULL;
}

/* ---- FileIO ---------------------------------------------------------------------- */

static int fileio_check(Object *self)
{
    obj_read(self);
    if (io(self)->fd < 0) {
        raise(vm.e_ValueError, "I/O operation on closed file");
        return -1;
    }
    return 0;
}

static int fileio_check_mode(Object *self, uint32_t flag)
{
    if (fileio_check(self) < 0)
        return -1;
    if (!(io(self)->flags & flag)) {
        raise(io_types.UnsupportedOperation, "File not open for %s",
              flag == IO_READABLE ? "reading" : "writing");
        return -1;
    }
    return 0;
}

static int fileio_init(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    static const char *const names[] = { "file", "mode", "closefd", "opener", NULL };
    Object *a[4];
    if (args_parse("FileIO", args, nargs, kw, names, 1, 4, a) < 0)
        return -1;
    IOObj *f = io(self);
    obj_write(self);
    if (f->fd >= 0 && (f->flags & IO_CLOSEFD))
        close(f->fd);
    f->fd = -1;
    f->flags = 0;
    char mode[16] = "r";
    if (a[1])
        str_cstr(a[1], mode, sizeof mode);
    if (a[1] && !is_str(a[1])) {
        raise(vm.e_TypeError, "FileIO() argument 'mode' must be str, not %s", type_name(type_of(a[1])));
        return -1;
    }
    int oflags = 0;
    bool rwa = false, plus = false;
    uint32_t flags = 0;
    for (const char *m = mode; *m; m++) {
        switch (*m) {
        case 'r': case 'w': case 'a': case 'x':
            if (rwa)
                goto bad_mode;
            rwa = true;
            if (*m == 'r')
                flags |= IO_READABLE;
            else if (*m == 'w') {
                flags |= IO_WRITABLE;
                oflags |= O_CREAT | O_TRUNC;
            } else if (*m == 'a') {
                flags |= IO_WRITABLE | IO_APPENDING;
                oflags |= O_APPEND | O_CREAT;
            } else {
                flags |= IO_WRITABLE | IO_CREATED;
                oflags |= O_EXCL | O_CREAT;
            }
            break;
        case 'b':
            break;
        case '+':
            if (plus)
                goto bad_mode;
            flags |= IO_READABLE | IO_WRITABLE;
            plus = true;
            break;
        default:
            raise(vm.e_ValueError, "invalid mode: %s", mode);
            return -1;
        }
    }
    if (!rwa)
        goto bad_mode;
    oflags |= (flags & IO_READABLE) && (flags & IO_WRITABLE) ? O_RDWR
            : flags & IO_READABLE ? O_RDONLY : O_WRONLY;
    oflags |= O_CLOEXEC;
    bool closefd = !a[2] || obj_truth(a[2]) == 1;
    Object *file = a[0];
    int fd = -1;
    if (is_float(file)) {
        raise(vm.e_TypeError, "integer argument expected, got float");
        return -1;
    }
    if (is_int(file) && file != True_ && file != False_) {
        int64_t v;
        if (os_arg_int(file, &v) < 0)
            return -1;
        if (v < 0) {
            raise(vm.e_ValueError, "negative file descriptor");
            return -1;
        }
        fd = (int)v;
    } else {
        if (!closefd) {
            raise(vm.e_ValueError, "Cannot use closefd=False with file name");
            return -1;
        }
        os_irreversible("open");
        if (a[3] && a[3] != None) {
            Object *oa[2] = { file, make_small(oflags) };
            Object *r = obj_call(a[3], oa, 2, NULL);
            int64_t v;
            if (!r || os_arg_int(r, &v) < 0)
                return -1;
            if (v < 0) {
                raise(vm.e_ValueError, "opener returned %lld", (long long)v);
                return -1;
            }
            fd = (int)v;
        } else {
            char *path;
            if (os_arg_path("open", file, &path) < 0)
                return -1;
            bool collected = false;
            for (;;) {
                fd = open(path, oflags, 0666);
                if (fd >= 0 || (errno == EINTR ? signals_check() < 0 : !out_of_descriptors(&collected)))
                    break;
            }
            int err = errno;
            free(path);
            if (fd < 0) {
                if (!exc_occurred())
                    raise_os_error(err, file);
                return -1;
            }
        }
    }
    struct stat st;
    if (fstat(fd, &st) < 0) {
        int err = errno;
        if (closefd && !is_int(file))
            close(fd);
        raise_os_error(err, NULL);
        return -1;
    }
    if (S_ISDIR(st.st_mode)) {
        if (!is_int(file))
            close(fd);
        raise_os_error(EISDIR, file);
        return -1;
    }
    obj_write(self);
    f->fd = fd;
    f->flags = flags | (closefd ? IO_CLOSEFD : 0);
    f->bufsize = st.st_blksize > 1 ? (uint32_t)st.st_blksize : 8192;
    Object *d = instance_dict(self, true);
    if (!d || dict_set_cstr(d, "name", file) < 0)
        return -1;
    if (flags & IO_APPENDING)
        lseek(fd, 0, SEEK_END);
    return 0;
bad_mode:
    raise(vm.e_ValueError, "Must have exactly one of create/read/write/append mode and at most one plus");
    return -1;
}

static Object *fileio_readall_c(Object *self)
{
    int fd = io(self)->fd;
    struct stat st;
    size_t cap = 8192;
    off_t pos = lseek(fd, 0, SEEK_CUR);
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && pos >= 0 && st.st_size > pos)
        cap = (size_t)(st.st_size - pos) + 1;
    char *buf = malloc(cap);
    size_t len = 0;
    if (!buf)
        return raise_no_memory();
    os_irreversible("read");
    for (;;) {
        if (len == cap) {
            char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                return raise_no_memory();
            }
            buf = nb;
            cap *= 2;
        }
        ssize_t r = read(fd, buf + len, cap - len);
        if (r == 0)
            break;
        if (r < 0) {
            int err = errno;
            if (err == EINTR && signals_check() == 0)
                continue;
            Object *r = err != EAGAIN ? (exc_occurred() ? NULL : raise_os_error(err, NULL))
                      : len ? bytes_new(buf, len) : None;
            free(buf);
            return r;
        }
        len += (size_t)r;
    }
    Object *b = bytes_new(buf, len);
    free(buf);
    return b;
}

Object *fileio_read_n(Object *self, int64_t n)
{
    if (fileio_check_mode(self, IO_READABLE) < 0)
        return NULL;
    if (n < 0)
        return fileio_readall_c(self);
    Object *b = os_read_bytes(io(self)->fd, (size_t)n);
    if (!b && exc_matches(vm.e_BlockingIOError)) {
        exc_clear();
        return None;
    }
    return b;
}

static Object *fileio_read(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    int64_t n = -1;
    if (args_no_kw("read", kw) < 0 || args_count("read", nargs, 0, 1) < 0
        || (nargs && io_size_arg(args[0], &n) < 0))
        return NULL;
    return fileio_read_n(self, n);
}

static Object *fileio_readall(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("readall", kw, nargs, 0) < 0 || fileio_check_mode(self, IO_READABLE) < 0)
        return NULL;
    return fileio_readall_c(self);
}

/* The size in bytes of readinto()'s target, any writable buffer
   (bytearray, memoryview, array); -1 with CPython's TypeError. */
static intptr_t readinto_size(Object *v)
{
    Buffer b;
    int r = buffer_try(v, &b, false);
    if (r < 0)
        return -1;
    if (r == 0 || b.readonly) {
        raise(vm.e_TypeError, "readinto() argument must be read-write bytes-like object, not %s",
              type_name(type_of(v)));
        return -1;
    }
    return (intptr_t)b.len;
}

/* Copies the bytes read into the target (its address taken again: the
   read allocated). */
static Object *readinto_fill(Object *v, Object *data)
{
    Buffer b;
    if (buffer_get(v, &b, true) < 0)
        return NULL;
    size_t n = bytes_size(data) < b.len ? bytes_size(data) : b.len;
    memcpy(b.data, bytes_data(data), n);
    keep_alive(v);
    return make_small((intptr_t)n);
}

static Object *fileio_readinto(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("readinto", kw, nargs, 1) < 0 || fileio_check_mode(self, IO_READABLE) < 0)
        return NULL;
    intptr_t n = readinto_size(args[0]);
    Object *b = n < 0 ? NULL : fileio_read_n(self, n);
    if (!b || b == None)
        return b;
    return readinto_fill(args[0], b);
}

Object *fileio_write_data(Object *self, const void *p, size_t n)
{
    if (fileio_check_mode(self, IO_WRITABLE) < 0)
        return NULL;
    ssize_t w = os_write_all(io(self)->fd, p, n, false);
    if (w < 0) {
        if (exc_matches(vm.e_BlockingIOError)) {
            exc_clear();
            return None;
        }
        return NULL;
    }
    return make_small(w);
}

static Object *fileio_write(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("write", kw, nargs, 1) < 0 || fileio_check_mode(self, IO_WRITABLE) < 0)
        return NULL;
    ByteView v;
    return os_view_arg(args[0], &v) < 0 ? NULL : fileio_write_data(self, v.data, v.size);
}

static int whence_arg(Object *v, int *out)
{
    int64_t w = 0;
    if (v && os_arg_int(v, &w) < 0)
        return -1;
    *out = (int)w;
    return 0;
}

static Object *fileio_seek(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    int64_t pos;
    int whence;
    if (args_no_kw("seek", kw) < 0 || args_count("seek", nargs, 1, 2) < 0 || fileio_check(self) < 0)
        return NULL;
    if (is_float(args[0]))
        return raise(vm.e_TypeError, "an integer is required");
    if (os_arg_int(args[0], &pos) < 0 || whence_arg(nargs > 1 ? args[1] : NULL, &whence) < 0)
        return NULL;
    os_irreversible("seek");
    off_t r = lseek(io(self)->fd, (off_t)pos, whence);
    return r < 0 ? raise_os_error(errno, NULL) : int_from_i64(r);
}

static Object *fileio_tell(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("tell", kw, nargs, 0) < 0 || fileio_check(self) < 0)
        return NULL;
    off_t r = lseek(io(self)->fd, 0, SEEK_CUR);
    return r < 0 ? raise_os_error(errno, NULL) : int_from_i64(r);
}

static Object *fileio_truncate(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_no_kw("truncate", kw) < 0 || args_count("truncate", nargs, 0, 1) < 0
        || fileio_check_mode(self, IO_WRITABLE) < 0)
        return NULL;
    int64_t size;
    if (nargs && args[0] != None) {
        if (os_arg_int(args[0], &size) < 0)
            return NULL;
    } else {
        size = lseek(io(self)->fd, 0, SEEK_CUR);
    }
    os_irreversible("truncate");
    if (ftruncate(io(self)->fd, (off_t)size) < 0)
        return raise_os_error(errno, NULL);
    return int_from_i64(size);
}

static Object *fileio_close(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    obj_read(self);
    IOObj *f = io(self);
    if (f->fd < 0)
        return None;
    int fd = f->fd;
    obj_write(self);
    f->fd = -1;
    f->flags |= IO_CLOSED;
    if (f->flags & IO_CLOSEFD) {
        os_irreversible("close");
        if (close(fd) < 0)
            return raise_os_error(errno, NULL);
    }
    return None;
}

static Object *fileio_seekable(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (fileio_check(self) < 0)
        return NULL;
    IOObj *f = io(self);
    if (!(f->flags & IO_SEEKABLE_KNOWN)) {
        bool ok = lseek(f->fd, 0, SEEK_CUR) >= 0;
        obj_write(self);
        f->flags |= IO_SEEKABLE_KNOWN | (ok ? IO_SEEKABLE : 0);
    }
    return bool_obj(f->flags & IO_SEEKABLE);
}

static Object *fileio_readable(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return fileio_check(self) < 0 ? NULL : bool_obj(io(self)->flags & IO_READABLE);
}

static Object *fileio_writable(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return fileio_check(self) < 0 ? NULL : bool_obj(io(self)->flags & IO_WRITABLE);
}

static Object *fileio_fileno(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return fileio_check(self) < 0 ? NULL : make_small(io(self)->fd);
}

static Object *fileio_isatty(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return fileio_check(self) < 0 ? NULL : bool_obj(isatty(io(self)->fd));
}

static const char *fileio_mode_str(Object *self)
{
    uint32_t f = io(self)->flags;
    bool plus = (f & IO_READABLE) && (f & IO_WRITABLE);
    if (f & IO_CREATED)
        return plus ? "xb+" : "xb";
    if (f & IO_APPENDING)
        return plus ? "ab+" : "ab";
    if (plus)
        return "rb+";
    return f & IO_READABLE ? "rb" : "wb";
}

static Object *fileio_mode_get(Object *self)
{
    obj_read(self);
    return str_from_cstr(fileio_mode_str(self));
}

static Object *fileio_closed_get(Object *self)
{
    obj_read(self);
    return bool_obj(io(self)->fd < 0);
}

static Object *fileio_closefd_get(Object *self)
{
    obj_read(self);
    return bool_obj(io(self)->flags & IO_CLOSEFD);
}

static Object *fileio_repr(Object *self)
{
    obj_read(self);
    char tn[100];
    const char *cls = str_cstr(type_of(self)->qualname, tn, sizeof tn);
    if (io(self)->fd < 0)
        return str_format("<_io.%s [closed]>", cls);
    Object *d = instance_dict(self, false);
    Object *name = d ? dict_get_cstr(d, "name") : NULL;
    Object *closefd = bool_obj(io(self)->flags & IO_CLOSEFD);
    Object *r = name ? obj_repr(name) : NULL;
    char nb[4096];
    if (!name)
        return str_format("<_io.%s fd=%d mode='%s' closefd=%s>", cls, io(self)->fd,
                          fileio_mode_str(self), closefd == True_ ? "True" : "False");
    if (!r)
        return NULL;
    return str_format("<_io.%s name=%s mode='%s' closefd=%s>", cls, str_cstr(r, nb, sizeof nb),
                      fileio_mode_str(self), closefd == True_ ? "True" : "False");
}

/* ---- BytesIO ----------------------------------------------------------------------- */

static int bytesio_check(Object *self)
{
    obj_read(self);
    if (io(self)->flags & IO_CLOSED) {
        raise(vm.e_ValueError, "I/O operation on closed file.");
        return -1;
    }
    return 0;
}

static int bytesio_write_data(Object *self, const void *p, size_t n)
{
    IOObj *b = io(self);
    size_t pos = (size_t)b->pos, len = (size_t)b->len;
    if (n == 0)
        return 0;
    if (buf_put(self, &b->rbuf, len, pos, p, n) < 0)
        return -1;
    obj_write(self);
    b->pos = (int64_t)(pos + n);
    if (b->pos > b->len)
        b->len = b->pos;
    return 0;
}

static int bytesio_init(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    static const char *const names[] = { "initial_bytes", NULL };
    Object *a[1];
    if (args_parse("BytesIO", args, nargs, kw, names, 0, 1, a) < 0)
        return -1;
    obj_write(self);
    io(self)->pos = io(self)->len = 0;
    io(self)->flags = IO_READABLE | IO_WRITABLE | IO_SEEKABLE;
    if (a[0] && a[0] != None) {
        ByteView v;
        if (os_view_arg(a[0], &v) < 0 || bytesio_write_data(self, v.data, v.size) < 0)
            return -1;
        obj_write(self);
        io(self)->pos = 0;
    }
    return 0;
}

static Object *bytesio_getvalue(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("getvalue", kw, nargs, 0) < 0 || bytesio_check(self) < 0)
        return NULL;
    IOObj *b = io(self);
    return bytes_new(b->len ? (const char *)bytes_data(b->rbuf) : NULL, (size_t)b->len);
}

/* getbuffer(): a read-only view of a copy of the contents (CPython's is a
   writable view of the buffer itself; pickle only reads it). */
static Object *bytesio_getbuffer(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    Object *v = bytesio_getvalue(self, args, nargs, kw);
    return v ? obj_call1((Object *)memoryview_type(), v) : NULL;
}

static Object *bytesio_take(Object *self, int64_t n)
{
    IOObj *b = io(self);
    int64_t avail = b->len > b->pos ? b->len - b->pos : 0;
    if (n < 0 || n > avail)
        n = avail;
    Object *r = bytes_new(n ? (const char *)bytes_data(b->rbuf) + b->pos : NULL, (size_t)n);
    if (r) {
        obj_write(self);
        b->pos += n;
    }
    return r;
}

static Object *bytesio_read(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    int64_t n = -1;
    if (args_no_kw("read", kw) < 0 || args_count("read", nargs, 0, 1) < 0
        || (nargs && io_size_arg(args[0], &n) < 0) || bytesio_check(self) < 0)
        return NULL;
    return bytesio_take(self, n);
}

static Object *bytesio_readinto(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("readinto", kw, nargs, 1) < 0 || bytesio_check(self) < 0)
        return NULL;
    intptr_t n = readinto_size(args[0]);
    Object *b = n < 0 ? NULL : bytesio_take(self, n);
    return b ? readinto_fill(args[0], b) : NULL;
}

static Object *bytesio_readline(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    int64_t limit = -1;
    if (args_no_kw("readline", kw) < 0 || args_count("readline", nargs, 0, 1) < 0
        || (nargs && io_size_arg(args[0], &limit) < 0) || bytesio_check(self) < 0)
        return NULL;
    IOObj *b = io(self);
    int64_t n = 0, avail = b->len > b->pos ? b->len - b->pos : 0;
    if (avail) {
        const unsigned char *p = bytes_data(b->rbuf) + b->pos;
        const unsigned char *nl = memchr(p, '\n', (size_t)avail);
        n = nl ? nl - p + 1 : avail;
    }
    if (limit >= 0 && n > limit)
        n = limit;
    return bytesio_take(self, n);
}

static Object *bytesio_write(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("write", kw, nargs, 1) < 0 || bytesio_check(self) < 0)
        return NULL;
    ByteView v;
    if (os_view_arg(args[0], &v) < 0 || bytesio_write_data(self, v.data, v.size) < 0)
        return NULL;
    return make_small((intptr_t)v.size);
}

static Object *bytesio_seek(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    int64_t pos;
    int whence;
    if (args_no_kw("seek", kw) < 0 || args_count("seek", nargs, 1, 2) < 0
        || os_arg_int(args[0], &pos) < 0 || whence_arg(nargs > 1 ? args[1] : NULL, &whence) < 0
        || bytesio_check(self) < 0)
        return NULL;
    IOObj *b = io(self);
    if (whence == 0 && pos < 0)
        return raise(vm.e_ValueError, "negative seek value %lld", (long long)pos);
    if (whence == 1)
        pos += b->pos;
    else if (whence == 2)
        pos += b->len;
    else if (whence != 0)
        return raise(vm.e_ValueError, "invalid whence (%d, should be 0, 1 or 2)", whence);
    obj_write(self);
    b->pos = pos < 0 ? 0 : pos;
    return int_from_i64(b->pos);
}

static Object *bytesio_tell(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return bytesio_check(self) < 0 ? NULL : int_from_i64(io(self)->pos);
}

static Object *bytesio_truncate(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    int64_t size = -1;
    if (args_no_kw("truncate", kw) < 0 || args_count("truncate", nargs, 0, 1) < 0
        || (nargs && io_size_arg(args[0], &size) < 0) || bytesio_check(self) < 0)
        return NULL;
    IOObj *b = io(self);
    if (size < 0 && nargs && args[0] != None)
        return raise(vm.e_ValueError, "negative size value %lld", (long long)size);
    if (size < 0)
        size = b->pos;
    if (size < b->len) {
        obj_write(self);
        b->len = size;
    }
    return int_from_i64(size);
}

static Object *bytesio_true(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return bytesio_check(self) < 0 ? NULL : True_;
}

static Object *bytesio_close(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    obj_write(self);
    io(self)->flags |= IO_CLOSED;
    IO_SET(self, rbuf, NULL);
    return None;
}

static Object *bytesio_next(Object *self)
{
    if (bytesio_check(self) < 0)
        return NULL;
    Object *line = bytesio_readline(self, NULL, 0, NULL);
    return line && bytes_size(line) ? line : NULL;
}

/* ---- buffered streams ----------------------------------------------------------------- */

/* A BufferedReader keeps read-ahead in rbuf[pos..len); a BufferedWriter
   keeps pending writes in wbuf[0..len of wbuf) (IOObj.len).  A
   BufferedRandom does both, one at a time: writing drops the read-ahead
   (seeking the raw stream back), reading flushes the writes. */

static int buffered_check(Object *self, const char *msg)
{
    obj_read(self);
    IOObj *b = io(self);
    if (!(b->flags & IO_INITIALIZED) || !b->raw) {
        raise(vm.e_ValueError, b->flags & IO_DETACHED ? "raw stream has been detached"
                                                      : "I/O operation on uninitialized object");
        return -1;
    }
    if (msg) {
        if (io_exact(b->raw, io_types.FileIO)) {
            if (io(b->raw)->fd < 0) {
                raise(vm.e_ValueError, "%s", msg);
                return -1;
            }
            return 0;
        }
        return io_check_closed_attr(b->raw, msg);
    }
    return 0;
}

static int buffered_init(Object *self, Object *const *args, size_t nargs, Object *kw, const char *fname,
                         uint32_t mode)
{
    static const char *const names[] = { "raw", "buffer_size", NULL };
    Object *a[2];
    int64_t size = 8192;
    if (args_parse(fname, args, nargs, kw, names, 1, 2, a) < 0
        || (a[1] && os_arg_int(a[1], &size) < 0))
        return -1;
    if (size <= 0) {
        raise(vm.e_ValueError, "buffer size must be strictly positive");
        return -1;
    }
    if ((mode & IO_READABLE) && !iobase_check(a[0], "readable", "File or stream is not readable."))
        return -1;
    if ((mode & IO_WRITABLE) && !iobase_check(a[0], "writable", "File or stream is not writable."))
        return -1;
    IOObj *b = io(self);
    obj_write(self);
    IO_SET(self, raw, a[0]);
    b->bufsize = (uint32_t)size;
    IO_SET(self, rbuf, NULL);
    IO_SET(self, wbuf, NULL);
    b->pos = b->len = 0;
    b->flags = mode | IO_INITIALIZED;
    if (mode & IO_WRITABLE) {
        /* Weakly: a writer dropped unclosed is flushed by its finalizer. */
        Object *ref = weakref_new(self);
        return ref ? dict_set(io_types.writers, int_from_u64((uintptr_t)self), ref) : -1;
    }
    return 0;
}

static void forget_writer(Object *self)
{
    Object *key = int_from_u64((uintptr_t)self), *v;
    if (dict_lookup(io_types.writers, key, &v) == 1 && dict_del(io_types.writers, key) < 0)
        exc_clear();
}

void io_flush_writers(void)
{
    size_t pos = 0;
    Object *k, *ref;
    while (io_types.writers && dict_next(io_types.writers, &pos, &k, &ref)) {
        Object *w = weakref_get(ref);
        if (!w)
            continue;
        obj_read(w);
        Object *raw = io(w)->raw;
        bool open = raw && (!io_exact(raw, io_types.FileIO) || io(raw)->fd >= 0);
        if (open && buffered_flush_writes(w) < 0)
            exc_clear();
    }
}

static int bufreader_init(Object *s, Object *const *a, size_t n, Object *kw)
{
    return buffered_init(s, a, n, kw, "BufferedReader", IO_READABLE);
}

static int bufwriter_init(Object *s, Object *const *a, size_t n, Object *kw)
{
    return buffered_init(s, a, n, kw, "BufferedWriter", IO_WRITABLE);
}

static int bufrandom_init(Object *s, Object *const *a, size_t n, Object *kw)
{
    if (buffered_init(s, a, n, kw, "BufferedRandom", IO_READABLE | IO_WRITABLE) < 0)
        return -1;
    return iobase_check(io(s)->raw, "seekable", "File or stream is not seekable.") ? 0 : -1;
}

static size_t rbuf_avail(IOObj *b)
{
    return b->rbuf ? bytes_size(b->rbuf) - (size_t)b->pos : 0;
}

/* Writes the pending bytes to the raw stream. */
int buffered_flush_writes(Object *self)
{
    IOObj *b = io(self);
    obj_read(self);
    size_t done = 0, n = b->wbuf ? (size_t)b->len : 0;
    while (done < n) {
        Object *r;
        if (io_exact(b->raw, io_types.FileIO)) {
            r = fileio_write_data(b->raw, bytes_data(b->wbuf) + done, n - done);
        } else {
            Object *chunk = bytes_new((const char *)bytes_data(b->wbuf) + done, n - done);
            r = chunk ? io_call_method(b->raw, "write", &chunk, 1) : NULL;
        }
        if (!r)
            break;
        if (r == None) {
            raise(vm.e_BlockingIOError, "write could not complete without blocking");
            break;
        }
        int64_t w;
        if (os_arg_int(r, &w) < 0)
            break;
        if (w < 0 || (size_t)w > n - done) {
            raise(vm.e_OSError, "raw write() returned invalid length %lld (should have been between 0 and %zu)",
                  (long long)w, n - done);
            break;
        }
        done += (size_t)w;
    }
    if (done) {
        obj_write(self);
        if (done < n) {
            obj_write(b->wbuf);
            memmove(bytes_wdata(b->wbuf), bytes_data(b->wbuf) + done, n - done);
        }
        b->len = (int64_t)(n - done);
    }
    return done == n ? 0 : -1;
}

/* Forgets the read-ahead, moving the raw stream back to where the reader
   is, so that a write or a seek starts at the right place. */
static int buffered_drop_reads(Object *self)
{
    IOObj *b = io(self);
    size_t avail = rbuf_avail(b);
    obj_write(self);
    IO_SET(self, rbuf, NULL);
    b->pos = 0;
    if (!avail)
        return 0;
    Object *a[2] = { int_from_i64(-(int64_t)avail), make_small(1) };
    return io_call_method(b->raw, "seek", a, 2) ? 0 : -1;
}

static Object *raw_read(Object *raw, int64_t n)
{
    if (io_exact(raw, io_types.FileIO))
        return fileio_read_n(raw, n);
    /* A raw stream without readall (a BytesIO) reads all through read(). */
    Object *a = make_small(n);
    Object *r = n >= 0 ? io_call_method(raw, "read", &a, 1)
                : type_lookup(type_of(raw), intern_cstr("readall")) ? io_call_method(raw, "readall", NULL, 0)
                : io_call_method(raw, "read", NULL, 0);
    if (r && r != None && !is_bytes(r))
        return raise(vm.e_TypeError, "read() should return bytes");
    return r;
}

/* Reads more into the read-ahead: false at end of file (or nothing
   available now), -1 on error. */
static int buffered_fill(Object *self)
{
    IOObj *b = io(self);
    if (b->wbuf && b->len && buffered_flush_writes(self) < 0)
        return -1;
    Object *chunk = raw_read(b->raw, b->bufsize);
    if (!chunk)
        return -1;
    if (chunk == None || bytes_size(chunk) == 0)
        return 0;
    size_t avail = rbuf_avail(b);
    obj_write(self);
    if (avail) {
        Object *joined = bytes_new(NULL, avail + bytes_size(chunk));
        if (!joined)
            return -1;
        memcpy(bytes_wdata(joined), bytes_data(b->rbuf) + b->pos, avail);
        memcpy(bytes_wdata(joined) + avail, bytes_data(chunk), bytes_size(chunk));
        chunk = joined;
    }
    IO_SET(self, rbuf, chunk);
    b->pos = 0;
    return 1;
}

static Object *rbuf_take(Object *self, size_t n)
{
    IOObj *b = io(self);
    Object *r = bytes_new((const char *)bytes_data(b->rbuf) + b->pos, n);
    if (r) {
        obj_write(self);
        b->pos += (int64_t)n;
    }
    return r;
}

Object *buffered_read_n(Object *self, int64_t n)
{
    if (buffered_check(self, "read of closed file") < 0)
        return NULL;
    IOObj *b = io(self);
    if (!(b->flags & IO_READABLE))
        return io_unsupported("read");
    if (b->wbuf && b->len && buffered_flush_writes(self) < 0)
        return NULL;
    if (n < 0) {
        Object *rest = raw_read(b->raw, -1);
        size_t avail = rbuf_avail(b);
        if (!rest || (rest == None && !avail))
            return rest;
        size_t rn = rest == None ? 0 : bytes_size(rest);
        Object *r = bytes_new(NULL, avail + rn);
        if (!r)
            return NULL;
        if (avail)
            memcpy(bytes_wdata(r), bytes_data(b->rbuf) + b->pos, avail);
        if (rn)
            memcpy(bytes_wdata(r) + avail, bytes_data(rest), rn);
        obj_write(self);
        IO_SET(self, rbuf, NULL);
        b->pos = 0;
        return r;
    }
    size_t avail = rbuf_avail(b);
    if ((size_t)n > avail + b->bufsize) {
        /* A big read: what is buffered, then the raw stream straight into
           the result, not a buffer's worth at a time. */
        char *buf = malloc((size_t)n);
        if (!buf)
            return raise_no_memory();
        size_t got = avail;
        if (avail)
            memcpy(buf, bytes_data(b->rbuf) + b->pos, avail);
        IO_SET(self, rbuf, NULL);
        b->pos = 0;
        while (got < (size_t)n) {
            Object *chunk = raw_read(b->raw, n - (int64_t)got);
            if (!chunk) {
                free(buf);
                return NULL;
            }
            if (chunk == None || bytes_size(chunk) == 0)
                break;
            size_t c = bytes_size(chunk) < (size_t)n - got ? bytes_size(chunk) : (size_t)n - got;
            memcpy(buf + got, bytes_data(chunk), c);
            got += c;
        }
        Object *r = bytes_new(buf, got);
        free(buf);
        return r;
    }
    while (rbuf_avail(b) < (size_t)n) {
        int more = buffered_fill(self);
        if (more < 0)
            return NULL;
        if (!more)
            break;
    }
    avail = rbuf_avail(b);
    return rbuf_take(self, avail < (size_t)n ? avail : (size_t)n);
}

static Object *buffered_read(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    int64_t n = -1;
    if (args_no_kw("read", kw) < 0 || args_count("read", nargs, 0, 1) < 0
        || (nargs && io_size_arg(args[0], &n) < 0))
        return NULL;
    if (n < -1)
        return raise(vm.e_ValueError, "read length must be non-negative or -1");
    return buffered_read_n(self, n);
}

Object *buffered_read1_n(Object *self, int64_t n)
{
    if (buffered_check(self, "read of closed file") < 0)
        return NULL;
    IOObj *b = io(self);
    if (!(b->flags & IO_READABLE))
        return io_unsupported("read");
    if (n < 0)
        n = b->bufsize;
    if (!rbuf_avail(b) && buffered_fill(self) < 0)
        return NULL;
    size_t avail = rbuf_avail(b);
    return rbuf_take(self, avail < (size_t)n ? avail : (size_t)n);
}

static Object *buffered_read1(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    int64_t n = -1;
    if (args_no_kw("read1", kw) < 0 || args_count("read1", nargs, 0, 1) < 0
        || (nargs && io_size_arg(args[0], &n) < 0))
        return NULL;
    return buffered_read1_n(self, n);
}

static Object *buffered_readinto_common(Object *self, Object *const *args, size_t nargs,
                                        Object *kw, const char *fname, bool one)
{
    if (args_exact(fname, kw, nargs, 1) < 0)
        return NULL;
    intptr_t n = readinto_size(args[0]);
    Object *b = n < 0 ? NULL : one ? buffered_read1_n(self, n) : buffered_read_n(self, n);
    if (!b || b == None)
        return b;
    return readinto_fill(args[0], b);
}

static Object *buffered_readinto(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return buffered_readinto_common(self, args, nargs, kw, "readinto", false);
}

static Object *buffered_readinto1(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return buffered_readinto_common(self, args, nargs, kw, "readinto1", true);
}

static Object *buffered_peek(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (buffered_check(self, "peek of closed file") < 0)
        return NULL;
    IOObj *b = io(self);
    if (!rbuf_avail(b) && buffered_fill(self) < 0)
        return NULL;
    size_t avail = rbuf_avail(b);
    return bytes_new(avail ? (const char *)bytes_data(b->rbuf) + b->pos : NULL, avail);
}

static Object *buffered_readline(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    int64_t limit = -1;
    if (args_no_kw("readline", kw) < 0 || args_count("readline", nargs, 0, 1) < 0
        || (nargs && io_size_arg(args[0], &limit) < 0)
        || buffered_check(self, "readline of closed file") < 0)
        return NULL;
    IOObj *b = io(self);
    if (!(b->flags & IO_READABLE))
        return io_unsupported("read");
    size_t scanned = 0;
    for (;;) {
        size_t avail = rbuf_avail(b);
        const unsigned char *p = avail ? bytes_data(b->rbuf) + b->pos : NULL;
        const unsigned char *nl = avail > scanned ? memchr(p + scanned, '\n', avail - scanned) : NULL;
        size_t n = nl ? (size_t)(nl - p) + 1 : avail;
        if (limit >= 0 && n >= (size_t)limit)
            return rbuf_take(self, (size_t)limit);
        if (nl)
            return rbuf_take(self, n);
        scanned = avail;
        int more = buffered_fill(self);
        if (more < 0)
            return NULL;
        if (!more)
            return rbuf_take(self, rbuf_avail(b));
    }
}

static Object *buffered_next(Object *self)
{
    Object *line = buffered_readline(self, NULL, 0, NULL);
    return line && bytes_size(line) ? line : NULL;
}

int buffered_write_data(Object *self, const void *p, size_t n)
{
    IOObj *b = io(self);
    if (rbuf_avail(b) && buffered_drop_reads(self) < 0)
        return -1;
    size_t used = b->wbuf ? (size_t)b->len : 0;
    /* Big writes go straight through once the pending bytes are out. */
    if (used + n > b->bufsize) {
        if (used && buffered_flush_writes(self) < 0)
            return -1;
        if (n >= b->bufsize) {
            Object *chunk = bytes_new(p, n);
            if (!chunk)
                return -1;
            obj_write(self);
            IO_SET(self, wbuf, chunk);
            b->len = (int64_t)n;
            return buffered_flush_writes(self);
        }
        used = 0;
    }
    if (!b->wbuf || bytes_size(b->wbuf) < b->bufsize) {
        Object *nb = bytes_new(NULL, b->bufsize);
        if (!nb)
            return -1;
        if (used)
            memcpy(bytes_wdata(nb), bytes_data(b->wbuf), used);
        obj_write(self);
        IO_SET(self, wbuf, nb);
    }
    obj_write(b->wbuf);
    memcpy(bytes_wdata(b->wbuf) + used, p, n);
    obj_write(self);
    b->len = (int64_t)(used + n);
    return 0;
}

static Object *buffered_write(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("write", kw, nargs, 1) < 0 || buffered_check(self, "write to closed file") < 0)
        return NULL;
    if (!(io(self)->flags & IO_WRITABLE))
        return io_unsupported("write");
    ByteView v;
    if (os_view_arg(args[0], &v) < 0 || buffered_write_data(self, v.data, v.size) < 0)
        return NULL;
    return make_small((intptr_t)v.size);
}

static Object *buffered_flush(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (buffered_check(self, "flush of closed file") < 0)
        return NULL;
    if (buffered_flush_writes(self) < 0)
        return NULL;
    if ((io(self)->flags & IO_WRITABLE) && !io_exact(io(self)->raw, io_types.FileIO))
        return io_call_method(io(self)->raw, "flush", NULL, 0);
    return None;
}

static Object *buffered_tell(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (buffered_check(self, "I/O operation on closed file") < 0)
        return NULL;
    IOObj *b = io(self);
    Object *r = io_call_method(b->raw, "tell", NULL, 0);
    int64_t pos;
    if (!r || os_arg_int(r, &pos) < 0)
        return NULL;
    pos -= (int64_t)rbuf_avail(b);
    if (b->wbuf)
        pos += b->len;
    return int_from_i64(pos < 0 ? 0 : pos);
}

static Object *buffered_seek(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_no_kw("seek", kw) < 0 || args_count("seek", nargs, 1, 2) < 0
        || buffered_check(self, "seek of closed file") < 0)
        return NULL;
    int64_t pos;
    int whence;
    if (os_arg_int(args[0], &pos) < 0 || whence_arg(nargs > 1 ? args[1] : NULL, &whence) < 0)
        return NULL;
    if (whence < 0 || whence > 2)
        return raise(vm.e_ValueError, "whence value %d unsupported", whence);
    if (buffered_flush_writes(self) < 0)
        return NULL;
    IOObj *b = io(self);
    if (whence == 1)
        pos -= (int64_t)rbuf_avail(b);
    obj_write(self);
    IO_SET(self, rbuf, NULL);
    b->pos = 0;
    Object *a[2] = { int_from_i64(pos), make_small(whence) };
    return io_call_method(b->raw, "seek", a, 2);
}

static Object *buffered_truncate(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (buffered_check(self, "truncate of closed file") < 0)
        return NULL;
    if (!(io(self)->flags & IO_WRITABLE))
        return io_unsupported("truncate");
    if (buffered_flush_writes(self) < 0)
        return NULL;
    Object *pos = nargs && args[0] != None ? args[0] : buffered_tell(self, NULL, 0, NULL);
    if (!pos || buffered_drop_reads(self) < 0)
        return NULL;
    return io_call_method(io(self)->raw, "truncate", &pos, 1);
}

static Object *buffered_close(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (buffered_check(self, NULL) < 0)
        return NULL;
    IOObj *b = io(self);
    Object *c = obj_getattr_cstr(b->raw, "closed");
    int closed = c ? obj_truth(c) : -1;
    if (closed < 0)
        return NULL;
    if (closed)
        return None;
    forget_writer(self);
    Object *fr = buffered_flush_writes(self) < 0 ? NULL : None;
    Object *err = fr ? NULL : exc_fetch();
    obj_write(self);
    IO_SET(self, rbuf, NULL);
    b->pos = 0;
    Object *r = io_call_method(b->raw, "close", NULL, 0);
    if (err) {
        exc_restore(err);
        return NULL;
    }
    return r ? None : NULL;
}

static Object *buffered_detach(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (buffered_check(self, NULL) < 0 || buffered_flush_writes(self) < 0)
        return NULL;
    IOObj *b = io(self);
    Object *raw = b->raw;
    forget_writer(self);
    IO_SET(self, raw, NULL);
    b->flags |= IO_DETACHED;
    return raw;
}

/* Methods and attributes that ask the raw stream. */
#define RAW_FORWARD(name, check)                                                          \
    static Object *buffered_##name(Object *self, Object *const *args, size_t nargs, Object *kw) \
    {                                                                                     \
        if (buffered_check(self, check) < 0)                                              \
            return NULL;                                                                  \
        return io_call_method(io(self)->raw, #name, NULL, 0);                              \
    }
RAW_FORWARD(fileno, NULL)
RAW_FORWARD(isatty, "I/O operation on closed file")
RAW_FORWARD(seekable, "I/O operation on closed file")

static Object *buffered_readable(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (buffered_check(self, "I/O operation on closed file") < 0)
        return NULL;
    return (io(self)->flags & IO_READABLE) ? io_call_method(io(self)->raw, "readable", NULL, 0) : False_;
}

static Object *buffered_writable(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (buffered_check(self, "I/O operation on closed file") < 0)
        return NULL;
    return (io(self)->flags & IO_WRITABLE) ? io_call_method(io(self)->raw, "writable", NULL, 0) : False_;
}

static Object *buffered_attr(Object *self, const char *name)
{
    return buffered_check(self, NULL) < 0 ? NULL : obj_getattr_cstr(io(self)->raw, name);
}

static Object *buffered_closed_get(Object *self) { return buffered_attr(self, "closed"); }
static Object *buffered_name_get(Object *self) { return buffered_attr(self, "name"); }
static Object *buffered_mode_get(Object *self) { return buffered_attr(self, "mode"); }

static Object *buffered_raw_get(Object *self)
{
    obj_read(self);
    return io(self)->raw ? io(self)->raw : None;
}

static Object *buffered_repr(Object *self)
{
    char tn[100], nb[4096];
    const char *cls = str_cstr(type_of(self)->qualname, tn, sizeof tn);
    Object *name = buffered_name_get(self);
    if (!name) {
        if (!exc_matches(vm.e_AttributeError) && !exc_matches(vm.e_ValueError))
            return NULL;
        exc_clear();
        return str_format("<_io.%s>", cls);
    }
    Object *r = obj_repr(name);
    return r ? str_format("<_io.%s name=%s>", cls, str_cstr(r, nb, sizeof nb)) : NULL;
}

/* BufferedRWPair(reader, writer): two buffered streams behind one object;
   raw holds the reader's, name the writer's. */
static int rwpair_init(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_no_kw("BufferedRWPair", kw) < 0 || args_count("BufferedRWPair", nargs, 2, 3) < 0)
        return -1;
    Object *ra[2] = { args[0], nargs > 2 ? args[2] : make_small(8192) };
    Object *wa[2] = { args[1], ra[1] };
    Object *r = obj_call((Object *)io_types.BufferedReader, ra, 2, NULL);
    Object *w = r ? obj_call((Object *)io_types.BufferedWriter, wa, 2, NULL) : NULL;
    if (!w)
        return -1;
    obj_write(self);
    IO_SET(self, raw, r);
    IO_SET(self, name, w);
    return 0;
}

#define PAIR_FORWARD(name, side)                                                          \
    static Object *rwpair_##name(Object *self, Object *const *args, size_t nargs, Object *kw) \
    {                                                                                     \
        obj_read(self);                                                                   \
        Object *s_ = io(self)->side;                                                      \
        if (!s_)                                                                          \
            return raise(vm.e_ValueError, "I/O operation on uninitialized object");       \
        Object *m = obj_getattr_cstr(s_, #name);                                          \
        return m ? obj_call(m, args, nargs, kw) : NULL;                                   \
    }
PAIR_FORWARD(read, raw)
PAIR_FORWARD(read1, raw)
PAIR_FORWARD(peek, raw)
PAIR_FORWARD(readline, raw)
PAIR_FORWARD(readable, raw)
PAIR_FORWARD(write, name)
PAIR_FORWARD(flush, name)
PAIR_FORWARD(writable, name)
PAIR_FORWARD(isatty, name)

static Object *rwpair_close(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    obj_read(self);
    Object *w = io_call_method(io(self)->name, "close", NULL, 0);
    Object *err = w ? NULL : exc_fetch();
    Object *r = io_call_method(io(self)->raw, "close", NULL, 0);
    if (err) {
        exc_restore(err);
        return NULL;
    }
    return r;
}

static Object *rwpair_closed_get(Object *self)
{
    obj_read(self);
    return obj_getattr_cstr(io(self)->name, "closed");
}

/* ---- open() ---------------------------------------------------------------------------- */

Object *text_wrapper_new(Object *buffer, Object *encoding, Object *errors, Object *newline,
                         bool line_buffering, bool write_through);

static Object *io_open(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    static const char *const names[] = { "file", "mode", "buffering", "encoding", "errors",
                                         "newline", "closefd", "opener", NULL };
    Object *a[8];
    if (args_parse("open", args, nargs, kw, names, 1, 8, a) < 0)
        return NULL;
    Object *file = a[0];
    char mode[32] = "r";
    if (a[1]) {
        if (!is_str(a[1]))
            return raise(vm.e_TypeError, "open() argument 'mode' must be str, not %s",
                         type_name(type_of(a[1])));
        str_cstr(a[1], mode, sizeof mode);
    }
    int64_t buffering = -1;
    if (a[2] && os_arg_int(a[2], &buffering) < 0)
        return NULL;
    if (!is_str(file) && !is_bytes(file) && !is_int(file)
        && !type_lookup(type_of(file), intern_cstr("__fspath__"))) {
        Object *r = obj_repr(file);
        char rb[200];
        return r ? raise(vm.e_TypeError, "invalid file: %s", str_cstr(r, rb, sizeof rb)) : NULL;
    }
    bool creating = false, reading = false, writing = false, appending = false, updating = false;
    bool text = false, binary = false;
    for (const char *m = mode; *m; m++) {
        const char *dup = strchr(m + 1, *m);
        if (!strchr("xrwabt+", *m) || dup)
            return raise(vm.e_ValueError, "invalid mode: '%s'", mode);
        switch (*m) {
        case 'x': creating = true; break;
        case 'r': reading = true; break;
        case 'w': writing = true; break;
        case 'a': appending = true; break;
        case '+': updating = true; break;
        case 't': text = true; break;
        case 'b': binary = true; break;
        }
    }
    if (text && binary)
        return raise(vm.e_ValueError, "can't have text and binary mode at once");
    if (creating + reading + writing + appending > 1)
        return raise(vm.e_ValueError, "must have exactly one of create/read/write/append mode");
    if (!(creating || reading || writing || appending))
        return raise(vm.e_ValueError, "Must have exactly one of create/read/write/append mode and at most one plus");
    Object *encoding = a[3] && a[3] != None ? a[3] : NULL;
    Object *errors = a[4] && a[4] != None ? a[4] : NULL;
    Object *newline = a[5] && a[5] != None ? a[5] : NULL;
    if (binary && encoding)
        return raise(vm.e_ValueError, "binary mode doesn't take an encoding argument");
    if (binary && errors)
        return raise(vm.e_ValueError, "binary mode doesn't take an errors argument");
    if (binary && newline)
        return raise(vm.e_ValueError, "binary mode doesn't take a newline argument");
    if (binary && buffering == 1) {
        Object *w = import_name(intern_cstr("warnings"), None, make_small(0), vm.builtins);
        Object *warn = w ? obj_getattr_cstr(w, "warn") : NULL;
        Object *msg = str_from_cstr("line buffering (buffering=1) isn't supported in binary mode, the default buffer size will be used");
        Object *wa[2] = { msg, (Object *)vm.e_RuntimeWarning };
        if (!warn || !obj_call(warn, wa, 2, NULL))
            exc_clear();
    }
    char rawmode[8], *r = rawmode;
    *r++ = creating ? 'x' : reading ? 'r' : writing ? 'w' : 'a';
    if (updating)
        *r++ = '+';
    *r = 0;
    Object *fa[4] = { file, str_from_cstr(rawmode), a[6] ? a[6] : True_, a[7] ? a[7] : None };
    Object *raw = obj_call((Object *)io_types.FileIO, fa, 4, NULL);
    if (!raw)
        return NULL;
    bool line_buffering = false;
    bool tty = isatty(io(raw)->fd);
    if (buffering == 1 || (buffering < 0 && tty)) {
        buffering = -1;
        line_buffering = true;
    }
    if (buffering < 0)
        buffering = io(raw)->bufsize ? io(raw)->bufsize : 8192;
    if (buffering == 0) {
        if (binary)
            return raw;
        fileio_close(raw, NULL, 0, NULL);
        return raise(vm.e_ValueError, "can't have unbuffered text I/O");
    }
    Type *bt = updating ? io_types.BufferedRandom
             : creating || writing || appending ? io_types.BufferedWriter : io_types.BufferedReader;
    Object *ba[2] = { raw, make_small(buffering) };
    Object *buffer = obj_call((Object *)bt, ba, 2, NULL);
    if (!buffer) {
        Object *e = exc_fetch();
        fileio_close(raw, NULL, 0, NULL);
        exc_restore(e);
        return NULL;
    }
    if (binary)
        return buffer;
    Object *t = text_wrapper_new(buffer, encoding, errors, newline, line_buffering, false);
    Object *d = t ? instance_dict(t, true) : NULL;
    if (!d || dict_set_cstr(d, "mode", a[1] ? a[1] : str_from_cstr("r")) < 0)
        return NULL;
    return t;
}

static Object *io_open_code(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    static const char *const names[] = { "path", NULL };
    Object *a[1];
    if (args_parse("open_code", args, nargs, kw, names, 1, 1, a) < 0)
        return NULL;
    if (!is_str(a[0]))
        return raise(vm.e_TypeError, "open_code() argument 'path' must be str, not %s",
                     type_name(type_of(a[0])));
    Object *oa[2] = { a[0], str_from_cstr("rb") };
    return io_open(NULL, oa, 2, NULL);
}

/* ---- the module ---------------------------------------------------------------------------- */

Object *getset_new(Type *owner, const char *name, Object *(*get)(Object *),
                   int (*set)(Object *, Object *));

Type *io_new_type(const char *name, Type *base)
{
    Type *t = type_new_builtin(name, base, L_NATIVE, sizeof(struct IOObj), TF_BASETYPE | TF_HAS_DICT);
    dict_set_cstr(t->dict, "__module__", str_from_cstr("_io"));
    t->tp_new = io_tp_new;
    return t;
}

/* UnsupportedOperation derives from OSError and ValueError, whose layouts
   the class machinery would see as conflicting: built by hand. */
static Type *make_unsupported(void)
{
    Type *t = type_new_builtin("UnsupportedOperation", vm.e_OSError, L_EXCEPTION,
                               sizeof(struct Exception), TF_BASETYPE | TF_HEAP | TF_HAS_DICT
                               | TF_EXC_SUBCLASS);
    Object *oserr_mro = vm.e_OSError->mro;
    size_t n = tuple_size(oserr_mro);
    Object *mro = tuple_new(n + 2);
    tuple_init_item(mro, 0, (Object *)t);
    /* UnsupportedOperation, OSError, ValueError, Exception, BaseException, object */
    tuple_init_item(mro, 1, (Object *)vm.e_OSError);
    tuple_init_item(mro, 2, (Object *)vm.e_ValueError);
    for (size_t i = 1; i < n; i++)
        tuple_init_item(mro, i + 2, tuple_get(oserr_mro, i));
    t->mro = mro;
    t->bases = tuple_pack(2, (Object *)vm.e_OSError, (Object *)vm.e_ValueError);
    dict_set_cstr(t->dict, "__module__", str_from_cstr("io"));
    type_inherit(t);
    return t;
}

static void finish_type(Type *t, const MethodDef *methods)
{
    type_add_methods(t, methods);
    type_inherit(t);
}

int io_types_init(void)
{
    if (io_types.IOBase)
        return 0;
    stm_add_root_range(&io_types, sizeof io_types);
    io_types.open = builtin_new("open", io_open, NULL, NULL);
    io_types.writers = dict_new();
    io_types.UnsupportedOperation = make_unsupported();

    Type *t = io_types.IOBase = io_new_type("_IOBase", vm.t_object);
    static const MethodDef iobase[] = {
        { "close", iobase_close, 0 }, { "flush", iobase_flush, 0 },
        { "__del__", iobase_del, 0 }, { "__enter__", iobase_enter, 0 }, { "__exit__", iobase_exit, 0 },
        { "readable", iobase_false, 0 }, { "writable", iobase_false, 0 },
        { "seekable", iobase_false, 0 }, { "isatty", iobase_false, 0 },
        { "fileno", iobase_fileno, 0 }, { "seek", iobase_seek, 0 }, { "tell", iobase_tell, 0 },
        { "truncate", iobase_truncate, 0 }, { "readline", iobase_readline, 0 },
        { "readlines", iobase_readlines, 0 }, { "writelines", iobase_writelines, 0 },
        { "_checkClosed", iobase_check_closed, 0 }, { "_checkReadable", iobase_check_readable, 0 },
        { "_checkWritable", iobase_check_writable, 0 },
        { "_checkSeekable", iobase_check_seekable, 0 }, { NULL, NULL, 0 },
    };
    finish_type(t, iobase);
    t->iter = iobase_iter;
    t->next = iobase_next;
    getset_new(t, "closed", iobase_closed_get, NULL);

    t = io_types.RawIOBase = io_new_type("_RawIOBase", io_types.IOBase);
    static const MethodDef rawbase[] = {
        { "read", rawiobase_read, 0 }, { "readall", rawiobase_readall, 0 }, { NULL, NULL, 0 },
    };
    finish_type(t, rawbase);
    io_types.BufferedIOBase = io_new_type("_BufferedIOBase", io_types.IOBase);
    finish_type(io_types.BufferedIOBase, (const MethodDef[]){ { NULL, NULL, 0 } });
    io_types.TextIOBase = io_new_type("_TextIOBase", io_types.IOBase);
    finish_type(io_types.TextIOBase, (const MethodDef[]){ { NULL, NULL, 0 } });

    t = io_types.FileIO = io_new_type("FileIO", io_types.RawIOBase);
    static const MethodDef fileio[] = {
        { "read", fileio_read, 0 }, { "readall", fileio_readall, 0 },
        { "readinto", fileio_readinto, 0 }, { "write", fileio_write, 0 },
        { "seek", fileio_seek, 0 }, { "tell", fileio_tell, 0 },
        { "truncate", fileio_truncate, 0 }, { "close", fileio_close, 0 },
        { "seekable", fileio_seekable, 0 }, { "readable", fileio_readable, 0 },
        { "writable", fileio_writable, 0 }, { "fileno", fileio_fileno, 0 },
        { "isatty", fileio_isatty, 0 }, { NULL, NULL, 0 },
    };
    finish_type(t, fileio);
    t->flags |= TF_FINALIZE;
    t->init = fileio_init;
    t->repr = fileio_repr;
    getset_new(t, "mode", fileio_mode_get, NULL);
    getset_new(t, "closed", fileio_closed_get, NULL);
    getset_new(t, "closefd", fileio_closefd_get, NULL);

    t = io_types.BytesIO = io_new_type("BytesIO", io_types.BufferedIOBase);
    static const MethodDef bytesio[] = {
        { "getvalue", bytesio_getvalue, 0 }, { "getbuffer", bytesio_getbuffer, 0 },
        { "read", bytesio_read, 0 },
        { "read1", bytesio_read, 0 }, { "readline", bytesio_readline, 0 },
        { "readinto", bytesio_readinto, 0 },
        { "write", bytesio_write, 0 }, { "seek", bytesio_seek, 0 }, { "tell", bytesio_tell, 0 },
        { "truncate", bytesio_truncate, 0 }, { "readable", bytesio_true, 0 },
        { "writable", bytesio_true, 0 }, { "seekable", bytesio_true, 0 },
        { "close", bytesio_close, 0 }, { "flush", iobase_flush, 0 }, { NULL, NULL, 0 },
    };
    finish_type(t, bytesio);
    t->init = bytesio_init;
    t->next = bytesio_next;

    static const MethodDef buffered[] = {
        { "read", buffered_read, 0 }, { "read1", buffered_read1, 0 },
        { "readinto", buffered_readinto, 0 }, { "readinto1", buffered_readinto1, 0 },
        { "peek", buffered_peek, 0 }, { "readline", buffered_readline, 0 },
        { "write", buffered_write, 0 }, { "flush", buffered_flush, 0 },
        { "tell", buffered_tell, 0 }, { "seek", buffered_seek, 0 },
        { "truncate", buffered_truncate, 0 }, { "close", buffered_close, 0 },
        { "detach", buffered_detach, 0 }, { "fileno", buffered_fileno, 0 },
        { "isatty", buffered_isatty, 0 }, { "seekable", buffered_seekable, 0 },
        { "readable", buffered_readable, 0 }, { "writable", buffered_writable, 0 },
        { NULL, NULL, 0 },
    };
    static const struct { const char *name; Type **slot; int (*init)(Object *, Object *const *, size_t, Object *); } bt[] = {
        { "BufferedReader", &io_types.BufferedReader, bufreader_init },
        { "BufferedWriter", &io_types.BufferedWriter, bufwriter_init },
        { "BufferedRandom", &io_types.BufferedRandom, bufrandom_init },
    };
    for (size_t i = 0; i < 3; i++) {
        t = *bt[i].slot = io_new_type(bt[i].name, io_types.BufferedIOBase);
        finish_type(t, buffered);
        t->flags |= TF_FINALIZE;
        t->init = bt[i].init;
        t->repr = buffered_repr;
        t->next = buffered_next;
        getset_new(t, "closed", buffered_closed_get, NULL);
        getset_new(t, "name", buffered_name_get, NULL);
        getset_new(t, "mode", buffered_mode_get, NULL);
        getset_new(t, "raw", buffered_raw_get, NULL);
    }

    t = io_types.BufferedRWPair = io_new_type("BufferedRWPair", io_types.BufferedIOBase);
    static const MethodDef rwpair[] = {
        { "read", rwpair_read, 0 }, { "read1", rwpair_read1, 0 }, { "peek", rwpair_peek, 0 },
        { "readline", rwpair_readline, 0 }, { "readable", rwpair_readable, 0 },
        { "write", rwpair_write, 0 }, { "flush", rwpair_flush, 0 },
        { "writable", rwpair_writable, 0 }, { "isatty", rwpair_isatty, 0 },
        { "close", rwpair_close, 0 }, { NULL, NULL, 0 },
    };
    finish_type(t, rwpair);
    t->flags |= TF_FINALIZE;
    t->init = rwpair_init;
    getset_new(t, "closed", rwpair_closed_get, NULL);

    if (!io_types.open || !io_types.writers || io_text_types_init() < 0)
        return -1;
    return exc_occurred() ? -1 : 0;
}

Object *io_module_init(void)
{
    static const MethodDef functions[] = { { "open_code", io_open_code, 0 }, { NULL, NULL, 0 } };
    if (io_types_init() < 0)
        return NULL;
    Object *m = os_module_new("_io", functions);
    if (!m)
        return NULL;
    os_module_add_int(m, "DEFAULT_BUFFER_SIZE", 8192);
    os_module_add(m, "open", io_types.open);
    os_module_add(m, "UnsupportedOperation", (Object *)io_types.UnsupportedOperation);
    os_module_add(m, "BlockingIOError", (Object *)vm.e_BlockingIOError);
#define T(field, name) os_module_add(m, name, (Object *)io_types.field);
    T(IOBase, "_IOBase") T(RawIOBase, "_RawIOBase") T(BufferedIOBase, "_BufferedIOBase")
    T(TextIOBase, "_TextIOBase") T(FileIO, "FileIO") T(BytesIO, "BytesIO")
    T(BufferedReader, "BufferedReader") T(BufferedWriter, "BufferedWriter")
    T(BufferedRandom, "BufferedRandom") T(BufferedRWPair, "BufferedRWPair")
    T(StringIO, "StringIO") T(TextIOWrapper, "TextIOWrapper")
    T(IncrementalNewlineDecoder, "IncrementalNewlineDecoder")
#undef T
    os_module_add(m, "text_encoding", builtin_new("text_encoding", io_text_encoding, m, m));
    return m;
}
