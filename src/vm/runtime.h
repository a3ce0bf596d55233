/*
** Declarations shared by the builtin type implementations: constructors
** and accessors of the core objects.  (vm.h is the generic object API.)
*/
#ifndef STMPY_RUNTIME_H
#define STMPY_RUNTIME_H

#include <stdlib.h>

#include "vm/objects.h"

/* A C function exposed to Python.  `self` is the bound object for methods
   (args then holds only the arguments), the module for module functions. */
typedef Object *BuiltinFn(Object *self, Object *const *args, size_t nargs, Object *kwnames);

typedef struct MethodDef {
    const char *name;
    BuiltinFn *fn;
    int flags;
} MethodDef;
enum { METH_STATIC = 1, METH_CLASS = 2 };

/* Argument checking for builtins, with CPython's messages.  Return -1
   with TypeError set on mismatch. */
int args_no_kw(const char *fname, Object *kwnames);
int args_count(const char *fname, size_t nargs, size_t min, size_t max);
int args_exact(const char *fname, Object *kwnames, size_t nargs, size_t n);
/* Fills out[i] for each name in `names` (NULL-terminated) from the
   positional arguments and then the keywords; missing optional ones stay
   NULL.  `required` leading names must be given; `npositional` of them may
   be given by position only... see args.c. */
int args_parse(const char *fname, Object *const *args, size_t nargs, Object *kwnames,
               const char *const *names, size_t required, size_t max_positional,
               Object **out);

/* ---- str ----------------------------------------------------------------- */
Object *str_from_utf8(const char *s, size_t n);      /* WTF-8 allowed */
Object *str_from_cstr(const char *s);
Object *str_from_latin1(const unsigned char *s, size_t n);
Object *str_from_codepoints(const uint32_t *cps, size_t n);
Object *str_format(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
Object *intern_cstr(const char *s);                  /* never fails after start-up */
Object *str_intern(Object *s);
/* UTF-8 encoding in a malloc'ed NUL-terminated buffer (surrogates as
   WTF-8); NULL with MemoryError. */
char *str_to_utf8(Object *s, size_t *len);
/* UTF-8 of an ASCII-only or short str for messages: truncated to fit buf. */
const char *str_cstr(Object *s, char *buf, size_t size);
static inline size_t str_len(Object *s) { return ((Str *)s)->length; }
static inline uint32_t str_char(Object *s, size_t i)
{
    Str *p = (Str *)s;
    switch (p->kind) {
    case 1: return ((uint8_t STM_SEG *)p->data)[i];
    case 2: return ((uint16_t STM_SEG *)p->data)[i];
    default: return ((uint32_t STM_SEG *)p->data)[i];
    }
}
bool str_eq(Object *a, Object *b);
bool str_eq_cstr(Object *a, const char *s);
int64_t str_hash(Object *s);
Object *str_concat(Object *a, Object *b);
Object *str_repr(Object *s);
static inline bool is_str(Object *v) { return !is_small(v) && layout_of(v) == L_STR; }

Object *str_join(Object *sep, Object *iterable);
bool str_is_identifier(Object *s);
/* The thread's C stack is nearly used up (deeply nested containers). */
bool stack_exhausted(void);

/* ---- bytes --------------------------------------------------------------- */
Object *bytes_new(const char *data, size_t n);
static inline bool is_bytes(Object *v) { return !is_small(v) && layout_of(v) == L_BYTES; }

/* ---- int and float -------------------------------------------------------- */
Object *int_from_i64(int64_t v);
Object *int_from_u64(uint64_t v);
Object *int_from_text(const char *digits, int base);   /* literal digits, no sign */
Object *int_from_double(double d);                     /* truncates */
/* 0 and *out set if v is an int (or bool) that fits, -1 with OverflowError
   otherwise. */
int int_to_i64(Object *v, int64_t *out);
bool is_int(Object *v);                               /* int, bool or subclass */
static inline bool is_exact_int(Object *v) { return is_small(v) || v->type == vm.t_int; }
Object *int_to_str(Object *v);
double int_to_double(Object *v, bool *overflow);
Object *float_new(double d);
static inline double float_value(Object *v) { return ((Float *)v)->value; }
static inline bool is_float(Object *v) { return !is_small(v) && layout_of(v) == L_FLOAT; }
/* Index protocol: v.__index__() as a C integer (clipped to intptr range
   when clip, else OverflowError). */
int index_to_ssize(Object *v, intptr_t *out, bool clip);
/* The count n of seq * n, for a sequence of `copy_bytes` bytes: 0 when
   negative or when the sequence is empty; OverflowError when n does not fit
   an index, MemoryError when the result could never be allocated. */
int repeat_count(Object *n, size_t copy_bytes, intptr_t *out);
Object *number_index(Object *v);

Array *array_new(size_t capacity);

/* marshal's view of a code object (code.c): its CODE_NOBJS objects and
   CODE_NINTS numbers, and a code object rebuilt from them (checked, its
   names interned), or NULL with ValueError. */
enum { CODE_NOBJS = 10, CODE_NINTS = 10 };
void code_parts(Object *code, Object **objs, uint32_t *ints);
Object *code_from_parts(Object *const *objs, const uint32_t *ints);

/* ---- tuple, list, dict ------------------------------------------------------ */
Object *tuple_new(size_t n);                           /* items NULL: fill before use */
Object *tuple_pack(size_t n, ...);
Object *tuple_from_array(Object *const *items, size_t n);
static inline size_t tuple_size(Object *t) { return ((Tuple *)t)->size; }
static inline Object *tuple_get(Object *t, size_t i) { return ((Tuple *)t)->items[i]; }
static inline void tuple_init_item(Object *t, size_t i, Object *v) { ((Tuple *)t)->items[i] = v; }

Object *list_new(size_t n);                            /* n items set to None */
int list_append(Object *l, Object *v);
/* The running thread's dict for per-thread data (ThreadState.dict). */
Object *thread_dict(void);
static inline size_t list_size(Object *l) { obj_read(l); return ((List *)l)->size; }
Object *list_get(Object *l, size_t i);
void list_set(Object *l, size_t i, Object *v);
Object *list_from_iterable(Object *it);
Object *list_as_tuple(Object *l);

Object *dict_new(void);
/* 1 found (*value set), 0 missing, -1 error (hashing or comparing). */
int dict_lookup(Object *d, Object *key, Object **value);
Object *dict_get_str(Object *d, Object *key);          /* str key: no error possible */
Object *dict_get_cstr(Object *d, const char *key);
int dict_set(Object *d, Object *key, Object *value);
int dict_set_cstr(Object *d, const char *key, Object *value);
int dict_del(Object *d, Object *key);                  /* KeyError if missing */
size_t dict_size(Object *d);
/* Iteration by position: returns false at the end. */
bool dict_next(Object *d, size_t *pos, Object **key, Object **value);
int dict_update(Object *d, Object *other);

/* ---- sets -------------------------------------------------------------------- */
Object *set_new(Type *t);
int set_add(Object *s, Object *key);
int set_contains(Object *s, Object *key);

/* ---- functions, cells, modules -------------------------------------------- */
Object *builtin_new(const char *name, BuiltinFn *fn, Object *self, Object *module);
Object *method_new(Object *func, Object *self);
Object *cell_new(Object *value);
Object *module_new(Object *name);
/* A module written in C (modules.c), created and put in sys.modules; NULL
   without error if there is none of that name. */
Object *builtin_module_find(Object *name);
Object *function_new(Object *code, Object *globals, Object *qualname);
Object *slice_new(Object *start, Object *stop, Object *step);

/* ---- exceptions ----------------------------------------------------------- */
Object *exception_new(Type *type, Object *args);
void exceptions_init(void);
bool is_exception_type(Object *v);
/* The traceback as CPython prints it, to stderr. */
void print_exception(Object *exc);
/* unraisable.c.  write_exception(): header, then the traceback of exc (or
   str(exc_type) if exc is no exception object) written to a Python file
   object; -1 with an exception set if writing fails.  report_unraisable():
   the exception in flight, which nobody can catch, printed as CPython's
   default sys.unraisablehook does ("PREFIX: repr(what)", or "PREFIX:"
   when what is NULL, then the traceback) on sys.stderr; cleared. */
int write_exception(Object *file, const char *header, Object *exc_type, Object *exc);
void report_unraisable(const char *prefix, Object *what);

/* ---- types ----------------------------------------------------------------- */
void type_add_methods(Type *t, const MethodDef *defs);
void type_set_doc(Type *t, const char *doc);
Object *type_repr(Object *t);
int type_ready_slots(Type *t);
void type_inherit(Type *t);
/* The object's __dict__ (created on demand if create), or NULL. */
Object *instance_dict(Object *o, bool create);   /* fills slots from dunders: classes written in Python */

/* Per-type initialisation, called by vm_init in this order. */
void object_type_init(void);
void int_type_init(void);
void float_type_init(void);
void str_type_init(void);
void bytes_type_init(void);
void tuple_type_init(void);
void list_type_init(void);
void dict_type_init(void);
void set_type_init(void);
void func_types_init(void);
void iter_types_init(void);
void misc_types_init(void);
void builtins_init(void);
void generator_type_init(void);
void super_type_init(void);

#endif
