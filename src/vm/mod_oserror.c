/*
** OSError as CPython has it (errno, strerror, filename, filename2, the
** errno-to-subclass mapping, "[Errno 2] No such file or directory: 'x'"),
** and the helpers the operating-system modules share.
*/
#include <errno.h>
#include <string.h>

#include "vm/mod_os.h"

/* Exception.fields of OSError and its subclasses. */
enum { F_ERRNO, F_STRERROR, F_FILENAME, F_FILENAME2 };

static Type *errno_subclass(int err)
{
    switch (err) {
    case EAGAIN: case EALREADY: case EINPROGRESS: return vm.e_BlockingIOError;
    case ECHILD: return vm.e_ChildProcessError;
    case EPIPE: case ESHUTDOWN: return vm.e_BrokenPipeError;
    case ECONNABORTED: return vm.e_ConnectionAbortedError;
    case ECONNREFUSED: return vm.e_ConnectionRefusedError;
    case ECONNRESET: return vm.e_ConnectionResetError;
    case EEXIST: return vm.e_FileExistsError;
    case ENOENT: return vm.e_FileNotFoundError;
    case EISDIR: return vm.e_IsADirectoryError;
    case ENOTDIR: return vm.e_NotADirectoryError;
    case EINTR: return vm.e_InterruptedError;
    case EACCES: case EPERM: return vm.e_PermissionError;
    case ESRCH: return vm.e_ProcessLookupError;
    case ETIMEDOUT: return vm.e_TimeoutError;
    default: return vm.e_OSError;
    }
}

/* Fills the attributes from the constructor's arguments; with a filename
   the args become (errno, strerror), as in CPython. */
static int oserror_fill(Object *e, Object *const *args, size_t nargs)
{
    Exception *x = (Exception *)e;
    if (nargs < 2 || nargs > 5)
        return 0;
    bool named = nargs >= 3 && args[2] != None;
    Object *short_args = named ? tuple_from_array(args, 2) : NULL;
    if (named && !short_args)
        return -1;
    obj_write(e);
    x->fields[F_ERRNO] = args[0];
    x->fields[F_STRERROR] = args[1];
    if (named) {
        x->fields[F_FILENAME] = args[2];
        if (nargs == 5)
            x->fields[F_FILENAME2] = args[4];
        x->args = short_args;
    }
    return 0;
}

static Object *oserror_new(Object *cls, Object *const *args, size_t nargs, Object *kwnames)
{
    Type *t = (Type *)cls;
    if (kwnames && tuple_size(kwnames))
        return raise(vm.e_TypeError, "%s() takes no keyword arguments", type_name(t));
    if (t == vm.e_OSError && nargs >= 2 && is_small(args[0]))
        t = errno_subclass((int)small_value(args[0]));
    Object *a = tuple_from_array(args, nargs);
    Object *e = a ? exception_new(t, a) : NULL;
    return e && oserror_fill(e, args, nargs) == 0 ? e : NULL;
}

/* The arguments were taken by __new__; __init__ does not reset them. */
static int oserror_init_slot(Object *self, Object *const *args, size_t nargs, Object *kwnames)
{
    return 0;
}

static Object *oserror_str(Object *self)
{
    Exception *x = (Exception *)self;
    obj_read(self);
    Object *err = x->fields[F_ERRNO], *msg = x->fields[F_STRERROR];
    Object *fn = x->fields[F_FILENAME], *fn2 = x->fields[F_FILENAME2];
    Object *parts[4];
    size_t n = 0;
    if (fn) {
        if (!(parts[n++] = obj_str(err ? err : None)) || !(parts[n++] = obj_str(msg ? msg : None))
            || !(parts[n++] = obj_repr(fn)) || (fn2 && !(parts[n++] = obj_repr(fn2))))
            return NULL;
    } else if (err && msg) {
        if (!(parts[n++] = obj_str(err)) || !(parts[n++] = obj_str(msg)))
            return NULL;
    } else {
        Object *a = x->args;
        if (tuple_size(a) == 0)
            return vm.empty_str;
        return obj_str(tuple_size(a) == 1 ? tuple_get(a, 0) : a);
    }
    static const char *const seps[] = { "[Errno ", "] ", ": ", " -> " };
    Object *s = vm.empty_str;
    for (size_t i = 0; i < n && s; i++) {
        Object *sep = str_from_cstr(seps[i]);
        s = sep ? str_concat(s, sep) : NULL;
        s = s ? str_concat(s, parts[i]) : NULL;
    }
    return s;
}

#define FIELD_ACCESSORS(name, idx)                                          \
    static Object *get_##name(Object *self)                                 \
    {                                                                       \
        obj_read(self);                                                     \
        Object *v = ((Exception *)self)->fields[idx];                       \
        return v ? v : None;                                                \
    }                                                                       \
    static int set_##name(Object *self, Object *v)                          \
    {                                                                       \
        obj_write(self);                                                    \
        ((Exception *)self)->fields[idx] = v;                               \
        return 0;                                                           \
    }
FIELD_ACCESSORS(errno, F_ERRNO)
FIELD_ACCESSORS(strerror, F_STRERROR)
FIELD_ACCESSORS(filename, F_FILENAME)
FIELD_ACCESSORS(filename2, F_FILENAME2)

Object *getset_new(Type *owner, const char *name, Object *(*get)(Object *),
                   int (*set)(Object *, Object *));

void oserror_init(void)
{
    Type *t = vm.e_OSError;
    t->tp_new = oserror_new;
    t->init = oserror_init_slot;
    t->str = oserror_str;
    getset_new(t, "errno", get_errno, set_errno);
    getset_new(t, "strerror", get_strerror, set_strerror);
    getset_new(t, "filename", get_filename, set_filename);
    getset_new(t, "filename2", get_filename2, set_filename2);
}

Object *raise_os_error2(int err, Object *filename, Object *filename2)
{
    Object *args[5] = { make_small(err), str_from_cstr(strerror(err)), filename ? filename : None,
                        None, filename2 };
    if (!args[1])
        return NULL;
    Object *e = oserror_new((Object *)errno_subclass(err), args, filename2 ? 5 : filename ? 3 : 2,
                            NULL);
    return e ? raise_object(e) : NULL;
}

Object *raise_os_error(int err, Object *filename)
{
    return raise_os_error2(err, filename, NULL);
}

/* ---- effects ----------------------------------------------------------------- */

void os_irreversible(const char *why)
{
    stm_become_inevitable(&vm_thread->stm, why);
    output_flush();
}

void *os_blocking(void *(*fn)(void *), void *arg)
{
    /* What the transaction printed appears before the wait, not after. */
    if (output_pending())
        os_irreversible("output before a blocking call");
    void *r = stm_blocking_call(&vm_thread->stm, fn, arg);
    /* The transaction ended in the middle of an instruction.  The
       interpreter loops write their frames' slots with no barrier, having
       passed it once per transaction, so every running frame passes it
       again in the new transaction (libstm re-arms the barrier of objects
       written by a transaction when it ends). */
    for (Object *f = thread_state()->frame; f; f = ((Frame *)f)->back)
        obj_write(f);
    return r;
}

bool out_of_descriptors(bool *collected)
{
    int err = errno;
    if ((err != EMFILE && err != ENFILE) || *collected)
        return false;
    *collected = true;
    collect_garbage();
    errno = err;
    return true;
}

/* ---- building modules ---------------------------------------------------------- */

Object *os_module_new(const char *name, const MethodDef *functions)
{
    Object *m = module_new(intern_cstr(name));
    if (!m)
        return NULL;
    Object *d = ((ModuleObj *)m)->dict;
    for (const MethodDef *f = functions; f && f->name; f++) {
        Object *fn = builtin_new(f->name, f->fn, m, m);
        if (!fn || dict_set_cstr(d, f->name, fn) < 0)
            return NULL;
    }
    return m;
}

void os_module_add(Object *m, const char *name, Object *v)
{
    if (v)
        dict_set_cstr(((ModuleObj *)m)->dict, name, v);
}

void os_module_add_int(Object *m, const char *name, int64_t v)
{
    os_module_add(m, name, int_from_i64(v));
}

int os_arg_int(Object *v, int64_t *out)
{
    if (is_small(v)) {
        *out = small_value(v);
        return 0;
    }
    if (is_float(v)) {
        raise(vm.e_TypeError, "'float' object cannot be interpreted as an integer");
        return -1;
    }
    Object *i = number_index(v);
    return i ? int_to_i64(i, out) : -1;
}

int os_view_arg(Object *v, ByteView *out)
{
    if (byte_view(v, out))
        return 0;
    raise(vm.e_TypeError, "a bytes-like object is required, not '%s'", type_name(type_of(v)));
    return -1;
}

int os_arg_path(const char *fname, Object *v, char **path)
{
    Object *p = v;
    if (!is_str(p) && !is_bytes(p)) {
        Object *f = type_lookup(type_of(v), intern_cstr("__fspath__"));
        if (!f) {
            raise(vm.e_TypeError, "%s: path should be string, bytes or os.PathLike, not %s", fname,
                  type_name(type_of(v)));
            return -1;
        }
        Object *m = obj_getattr_cstr(v, "__fspath__");
        p = m ? obj_call0(m) : NULL;
        if (!p)
            return -1;
        if (!is_str(p) && !is_bytes(p)) {
            raise(vm.e_TypeError, "expected %s.__fspath__() to return str or bytes, not %s",
                  type_name(type_of(v)), type_name(type_of(p)));
            return -1;
        }
    }
    size_t n;
    if (is_bytes(p)) {
        n = bytes_size(p);
        *path = malloc(n + 1);
        if (!*path) {
            raise_no_memory();
            return -1;
        }
        memcpy(*path, bytes_data(p), n);
        (*path)[n] = 0;
    } else if (!(*path = fs_encode(p, &n))) {
        return -1;
    }
    if (strlen(*path) != n) {
        free(*path);
        raise(vm.e_ValueError, "%s: embedded null character in path", fname);
        return -1;
    }
    return 0;
}

/* ---- the file-system encoding ------------------------------------------------------ */

static Object *fs_errors(void)
{
    return intern_cstr("surrogateescape");
}

Object *fs_decode(const char *p, size_t n)
{
    return codec_decode((const unsigned char *)p, n, NULL, fs_errors());
}

char *fs_encode(Object *s, size_t *len)
{
    Object *b = codec_encode(s, NULL, fs_errors());
    if (!b)
        return NULL;
    char *r = malloc(bytes_size(b) + 1);
    if (!r)
        { raise_no_memory(); return NULL; }
    memcpy(r, bytes_data(b), bytes_size(b));
    r[bytes_size(b)] = 0;
    *len = bytes_size(b);
    return r;
}

static Object *sys_getfilesystemencoding(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return args_exact("getfilesystemencoding", kw, nargs, 0) < 0 ? NULL : str_from_cstr("utf-8");
}

static Object *sys_getfilesystemencodeerrors(Object *self, Object *const *args, size_t nargs,
                                             Object *kw)
{
    return args_exact("getfilesystemencodeerrors", kw, nargs, 0) < 0 ? NULL : fs_errors();
}

/* os.walk, shutil and others announce events; there are no audit hooks. */
static Object *sys_audit(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (nargs < 1 || !is_str(args[0]))
        return raise(vm.e_TypeError, "audit() missing 1 required positional argument: 'event'");
    return None;
}

/* ---- start-up ------------------------------------------------------------------------ */

int os_startup(Object *sys_dict)
{
    static const MethodDef functions[] = {
        { "getfilesystemencoding", sys_getfilesystemencoding, 0 },
        { "getfilesystemencodeerrors", sys_getfilesystemencodeerrors, 0 },
        { "audit", sys_audit, 0 },
        { NULL, NULL, 0 },
    };
    for (const MethodDef *f = functions; f->name; f++)
        if (dict_set_cstr(sys_dict, f->name, builtin_new(f->name, f->fn, vm.sys, vm.sys)) < 0)
            return -1;
    if (io_init_std(sys_dict) < 0)
        return -1;
    return signals_init();
}
