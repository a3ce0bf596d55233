/*
** What the operating-system modules (posix, _io, time, errno, atexit,
** _signal: src/vm/mod_*.c) share: OSError construction, module building
** helpers, file names, and the system calls more than one of them makes.
*/
#ifndef STMPY_MOD_OS_H
#define STMPY_MOD_OS_H

#include <sys/types.h>

#include "vm/str_impl.h"

/* ---- errors --------------------------------------------------------------- */

/* Raises the OSError subclass CPython picks for errno `err` (FileNotFoundError
   for ENOENT, ...), with errno, strerror and filename (NULL: none) set. */
Object *raise_os_error(int err, Object *filename);
Object *raise_os_error2(int err, Object *filename, Object *filename2);
/* Called by exceptions_init: OSError's constructor, attributes and str. */
void oserror_init(void);

/* ---- effects -------------------------------------------------------------- */

/* Before a system call that cannot be undone (write, unlink, ...): the
   transaction must not abort after it. */
void os_irreversible(const char *why);
/* Output deferred to the commit (output_defer.c): output_defer() keeps a
   write to fd 1 or 2 of a transaction that may still abort (false: do it
   now); output_flush() writes what was kept, once the transaction can no
   longer abort; output_discard() drops it after an abort. */
bool output_defer(int fd, const void *p, size_t n);
bool output_pending(void);
void output_flush(void);
void output_discard(void);
/* Runs fn(arg) with the thread detached from the heap (it may block):
   fn must not touch heap objects. */
void *os_blocking(void *(*fn)(void *), void *arg);
/* After a call that failed: true if it ran out of file descriptors
   (EMFILE, ENFILE) and a collection may give some back (dropped files and
   sockets are closed by their finalizers), so that it is worth one more
   try; *collected says whether that was done already.  errno is kept. */
bool out_of_descriptors(bool *collected);
/* Runs the Python handlers of the signals that arrived; -1 with their
   exception (KeyboardInterrupt, ...) set.  Called after EINTR. */
int signals_check(void);

/* ---- building modules ------------------------------------------------------- */

Object *os_module_new(const char *name, const MethodDef *functions);
void os_module_add_int(Object *m, const char *name, int64_t v);
void os_module_add(Object *m, const char *name, Object *v);

/* An int argument (index protocol); -1 with TypeError/OverflowError. */
int os_arg_int(Object *v, int64_t *out);
/* The data of a bytes-like argument (bytes, bytearray); -1 with TypeError. */
int os_view_arg(Object *v, ByteView *out);
/* A path argument: str (encoded with the file-system encoding), bytes or
   an os.PathLike; *path is malloc'ed, NUL-terminated; -1 on error. */
int os_arg_path(const char *fname, Object *v, char **path);

/* ---- struct sequences (os.stat_result, time.struct_time, ...) ------------------ */

/* A tuple subclass named module.name whose first nseq of `fields` are its
   items; NULL names are unnamed sequence fields.  The caller keeps it
   alive (a root). */
Type *structseq_type(const char *module, const char *name, const char *const *fields,
                     size_t nfields, size_t nseq);
/* An instance from one value per field. */
Object *structseq_new(Type *t, Object *const *values);

/* ---- the file-system encoding ------------------------------------------------------ */

/* UTF-8 with surrogateescape, as CPython's on Linux. */
Object *fs_decode(const char *p, size_t n);
char *fs_encode(Object *s, size_t *len);      /* malloc'ed; NULL with an error */

/* ---- system calls shared by posix and _io ---------------------------------------------- */

/* read(2) into a fresh bytes object, the thread detached meanwhile. */
Object *os_read_bytes(int fd, size_t n);
/* write(2) of p[0..n), all of it when `all`: the count written, or -1 with
   OSError set. */
ssize_t os_write_all(int fd, const void *p, size_t n, bool all);

/* run.c's import, for modules that need another one. */
Object *import_name(Object *name, Object *fromlist, Object *level, Object *globals);

/* ---- what the interpreter calls ------------------------------------------------------- */

/* The modules, made when first imported. */
Object *posix_module_init(void);
Object *io_module_init(void);
Object *time_module_init(void);
Object *errno_module_init(void);
Object *atexit_module_init(void);
Object *signal_module_init(void);
/* Start-up (sys_module_init): sys.stdin/stdout/stderr, builtins.open,
   sys.getfilesystemencoding, SIGINT's handler. */
int os_startup(Object *sys_dict);
/* sys.flags from the command-line options (sys_module.c). */
int sys_set_flags(bool inspect, bool quiet, bool dev_mode);
int io_init_std(Object *sys_dict);
int signals_init(void);
/* print()'s fast path: writes s to file when it is a TextIOWrapper of
   ours: 0 done, 1 not one (call its write()), -1 error. */
int io_stdout_write(Object *file, Object *s);
/* Exit: the atexit calls, then sys.stdout and sys.stderr flushed. */
void atexit_run(void);
bool atexit_init(void);
void io_flush_std(void);

#endif
