/*
** The VM's internal API: everything the object implementations, the
** interpreter loop and the modules share.  See docs/vm.md.
*/
#ifndef STMPY_VM_H
#define STMPY_VM_H

#include <stdarg.h>
#include <stdio.h>

#include "vm/object.h"
#include "vm/type.h"

/* ---- the runtime's roots ----------------------------------------------------
   Every reference the VM keeps in C globals lives in this one struct, which
   is registered with libstm as a root range. */
struct VM {
#define BUILTIN_TYPES(X) \
    X(object) X(type) X(int) X(bool) X(float) X(complex) X(str) X(bytes) \
    X(bytearray) X(tuple) X(list) X(dict) X(set) X(frozenset) X(range) \
    X(slice) X(NoneType) X(NotImplementedType) X(ellipsis) X(function) \
    X(builtin_function) X(method) X(cell) X(code) X(frame) X(module) \
    X(traceback) X(property) X(staticmethod) X(classmethod) X(super) \
    X(generator) X(coroutine) X(thread_state) X(list_iterator) \
    X(tuple_iterator) X(range_iterator) X(str_iterator) X(dict_keyiterator) \
    X(dict_valueiterator) X(dict_itemiterator) X(set_iterator) \
    X(seq_iterator) X(callable_iterator) X(enumerate) X(zip) X(map) \
    X(filter) X(reversed) X(dict_keys) X(dict_values) X(dict_items) \
    X(wrapper_descriptor) X(method_descriptor) X(getset_descriptor) \
    X(member_descriptor) X(mappingproxy) X(classmethod_descriptor) \
    X(getset) X(array) X(dict_table) X(builtin_method)
#define X(name) Type *t_##name;
    BUILTIN_TYPES(X)
#undef X
    Object *none, *true_, *false_, *not_implemented, *ellipsis;
    Object *empty_tuple, *empty_str;
    Object *interned;        /* dict str -> str: identifiers and names */
    Object *builtins;        /* the builtins module's dict */
    Object *modules;         /* sys.modules */
    Object *sys;             /* the sys module */
    Object *one_char[256];   /* latin-1 strings of length 1 */
    Object *memory_error;    /* raised when even an exception cannot be made */
#define EXC_TYPES(X) \
    X(BaseException, BaseException) X(Exception, BaseException) \
    X(SystemExit, BaseException) X(KeyboardInterrupt, BaseException) \
    X(GeneratorExit, BaseException) X(BaseExceptionGroup, BaseException) \
    X(ExceptionGroup, Exception) \
    X(ArithmeticError, Exception) X(FloatingPointError, ArithmeticError) \
    X(OverflowError, ArithmeticError) X(ZeroDivisionError, ArithmeticError) \
    X(AssertionError, Exception) X(AttributeError, Exception) \
    X(BufferError, Exception) X(EOFError, Exception) \
    X(ImportError, Exception) X(ModuleNotFoundError, ImportError) \
    X(LookupError, Exception) X(IndexError, LookupError) X(KeyError, LookupError) \
    X(MemoryError, Exception) X(NameError, Exception) \
    X(UnboundLocalError, NameError) X(OSError, Exception) \
    X(BlockingIOError, OSError) X(ChildProcessError, OSError) \
    X(ConnectionError, OSError) X(BrokenPipeError, ConnectionError) \
    X(ConnectionAbortedError, ConnectionError) \
    X(ConnectionRefusedError, ConnectionError) \
    X(ConnectionResetError, ConnectionError) X(FileExistsError, OSError) \
    X(FileNotFoundError, OSError) X(InterruptedError, OSError) \
    X(IsADirectoryError, OSError) X(NotADirectoryError, OSError) \
    X(PermissionError, OSError) X(ProcessLookupError, OSError) \
    X(TimeoutError, OSError) X(ReferenceError, Exception) \
    X(RuntimeError, Exception) X(NotImplementedError, RuntimeError) \
    X(RecursionError, RuntimeError) X(StopAsyncIteration, Exception) \
    X(StopIteration, Exception) X(SyntaxError, Exception) \
    X(IndentationError, SyntaxError) X(TabError, IndentationError) \
    X(SystemError, Exception) X(TypeError, Exception) X(ValueError, Exception) \
    X(UnicodeError, ValueError) X(UnicodeDecodeError, UnicodeError) \
    X(UnicodeEncodeError, UnicodeError) X(UnicodeTranslateError, UnicodeError) \
    X(Warning, Exception) X(BytesWarning, Warning) \
    X(DeprecationWarning, Warning) X(EncodingWarning, Warning) \
    X(FutureWarning, Warning) X(ImportWarning, Warning) \
    X(PendingDeprecationWarning, Warning) X(ResourceWarning, Warning) \
    X(RuntimeWarning, Warning) X(SyntaxWarning, Warning) \
    X(UnicodeWarning, Warning) X(UserWarning, Warning)
#define X(name, base) Type *e_##name;
    EXC_TYPES(X)
#undef X
};
extern struct VM vm;

#define None (vm.none)
#define True_ (vm.true_)
#define False_ (vm.false_)
#define NotImplemented (vm.not_implemented)

static inline Type *type_of(Object *v) { return is_small(v) ? vm.t_int : v->type; }
static inline Object *bool_obj(bool b) { return b ? True_ : False_; }

/* ---- start-up ------------------------------------------------------------ */

/* Sets libstm up and builds the builtin types and modules.  false (with a
   message on stderr) when the heap cannot be reserved. */
bool vm_init(int argc, char **argv);
void vm_exit(void);

/* ---- allocation ---------------------------------------------------------- */

/* A new zeroed object of `size` bytes with this layout and type, or NULL
   with MemoryError set. */
Object *vm_alloc(size_t size, enum Layout layout, Type *type);

/* finalizers.c: __del__ methods and weakref callbacks that collections
   found due.  finalizers_run() runs them (at transaction breaks and in
   gc.collect()); true if there were any.  finalizers_release_views()
   releases dead memoryviews now and defers the rest. */
bool finalizers_setup(void);
void finalizers_notice(void);
bool finalizers_run(void);
void finalizers_release_views(void);
void scrub_stack(void);
/* gc.collect(): collects and runs the finalizers due, a few rounds.
   Also what a call that ran out of file descriptors (EMFILE) does before
   it tries again: files and sockets dropped unclosed wait for a
   collection to be closed, as in PyPy, not for their last reference. */
void collect_garbage(void);

/* Keeps v alive up to this point.  In the STM flavour a C pointer into an
   object (stm_real_address) is not a reference the collector sees: code
   that holds only such a pointer across an allocation says so with this. */
static inline void keep_alive(Object *v) { __asm__ volatile("" : : "g"(v) : "memory"); }

/* ---- exceptions -----------------------------------------------------------
   The exception in flight is the thread's; these set it and return NULL so
   that `return raise_type_error(...)` reads naturally. */
Object *raise(Type *type, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
Object *raise_object(Object *exc);           /* an instance, or a class to call */
Object *raise_no_memory(void);
Object *exc_occurred(void);                 /* the exception in flight or NULL */
bool exc_matches(Type *type);               /* in flight and an instance of type */
Object *exc_fetch(void);                    /* takes it: no exception in flight after */
void exc_restore(Object *exc);
void exc_clear(void);

/* ---- generic operations (object_ops.c) ----------------------------------- */

Object *obj_repr(Object *v);
Object *obj_str(Object *v);
int64_t obj_hash(Object *v);                 /* -1: error */
Object *obj_richcompare(Object *a, Object *b, CmpOp op);
int obj_richcompare_bool(Object *a, Object *b, CmpOp op);   /* identity first */
int obj_truth(Object *v);
Object *obj_getattr(Object *v, Object *name);
Object *obj_getattr_cstr(Object *v, const char *name);
int obj_setattr(Object *v, Object *name, Object *value);
Object *obj_call(Object *callable, Object *const *args, size_t nargs, Object *kwnames);
Object *obj_call0(Object *callable);
Object *obj_call1(Object *callable, Object *arg);
Object *obj_binary(Object *a, Object *b, BinOp op);
Object *obj_unary(Object *a, enum UnaryOp op);
Object *obj_getitem(Object *v, Object *key);
int obj_setitem(Object *v, Object *key, Object *value);
int obj_contains(Object *container, Object *item);
intptr_t obj_length(Object *v);
Object *obj_iter(Object *v);
Object *obj_next(Object *it);                /* NULL and no exception: exhausted */
bool is_instance_of(Object *v, Type *t);     /* type_of(v) is t or a subtype */
bool type_is_subtype(Type *a, Type *b);
const char *type_name(Type *t);              /* UTF-8, valid while t lives; dotted for a C module's type */
const char *type_bare_name(Type *t);         /* its __name__ alone, as reprs show it */

/* ---- types (type.c) ------------------------------------------------------ */

Type *type_new_builtin(const char *name, Type *base, enum Layout layout, size_t size,
                       uint32_t flags);
Object *type_lookup(Type *t, Object *name);  /* along the MRO; NULL if absent, no error */
void type_add_method(Type *t, const char *name, CallFn *fn, int flags, const char *doc);
Object *generic_getattr(Object *self, Object *name);
int generic_setattr(Object *self, Object *name, Object *value);
/* The same with `d` (or NULL) as the instance's dict. */
Object *generic_getattr_in(Object *self, Object *name, Object *d);
int generic_setattr_in(Object *self, Object *name, Object *value, Object *d);

#endif
