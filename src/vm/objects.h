/*
** The C layouts of the builtin objects.  Each struct starts with
** OBJECT_HEAD.  Where a layout has a fixed number of references, they come
** first, right after the type pointer, and their count is the *_REFS
** constant next to the struct: the collector's trace (heap.c) relies on it.
*/
#ifndef STMPY_OBJECTS_H
#define STMPY_OBJECTS_H

#include "vm/vm.h"

struct RefsObject {
    OBJECT_HEAD;
    Object *refs[];
};

/* ---- numbers ------------------------------------------------------------- */

typedef STM_SEG struct BigInt BigInt;
struct BigInt {                 /* immutable; only for values outside SMALL_MIN..MAX */
    OBJECT_HEAD;
    int32_t sign;               /* -1 or 1 */
    uint32_t pad_;
    size_t nlimbs;              /* magnitude, least significant limb first */
    uint64_t limbs[];
};

typedef STM_SEG struct Float Float;
struct Float {
    OBJECT_HEAD;
    double value;
};

typedef STM_SEG struct Complex Complex;
struct Complex {
    OBJECT_HEAD;
    double real, imag;
};

/* ---- strings ------------------------------------------------------------- */

/* Immutable.  Code points are stored in 1, 2 or 4 bytes each, the
   smallest that fits them all (as CPython's PEP 393), then a NUL. */
typedef STM_SEG struct Str Str;
struct Str {
    OBJECT_HEAD;
    int64_t hash;               /* -1 until computed (written without barrier) */
    size_t length;              /* in code points */
    uint8_t kind;               /* 1, 2 or 4 */
    uint8_t ascii;              /* all code points < 128: data is UTF-8 too */
    uint8_t interned;
    uint8_t pad_[5];
    char data[];
};

typedef STM_SEG struct Bytes Bytes;
struct Bytes {                  /* immutable */
    OBJECT_HEAD;
    int64_t hash;
    size_t size;
    char data[];                /* size bytes, then a NUL */
};

/* ---- containers ---------------------------------------------------------- */

typedef STM_SEG struct Tuple Tuple;
struct Tuple {                  /* immutable once built */
    OBJECT_HEAD;
    size_t size;
    Object *items[];
};

/* A vector of references with no Python type: the storage of lists and of
   inline caches.  Large ones are written with stm_write_card(). */
typedef STM_SEG struct Array Array;
struct Array {
    OBJECT_HEAD;
    size_t capacity;
    Object *items[];
};

typedef STM_SEG struct List List;
#define LIST_REFS 2
struct List {
    OBJECT_HEAD;
    Array *items;               /* NULL when empty and never grown */
    Object *dict;               /* instances of list subclasses */
    size_t size;
};

/* Insertion-ordered hash table (dict and set): the entries in order of
   insertion, then the index table, int32 per slot (EMPTY, DELETED, or an
   entry number).  A deleted entry has key NULL. */
typedef struct DictEntry {
    Object *key;
    Object *value;              /* NULL in sets */
    int64_t hash;
} DictEntry;

typedef STM_SEG struct DictTable DictTable;
struct DictTable {
    OBJECT_HEAD;
    uint32_t nslots;            /* index slots, a power of two */
    uint32_t usable;            /* entries that fit: 2/3 of nslots */
    uint32_t used;              /* entries filled, deleted ones included */
    uint32_t live;              /* entries that hold a key */
    DictEntry entries[];        /* usable entries, then int32_t index[nslots] */
};
#define DICT_EMPTY (-1)
#define DICT_DELETED (-2)

typedef STM_SEG struct Dict Dict;
#define DICT_REFS 3
struct Dict {
    OBJECT_HEAD;
    DictTable *table;           /* NULL while empty */
    Object *dict;               /* instances of dict subclasses */
    Object *extra;              /* a C subclass's own reference: defaultdict's factory */
    uint64_t version;           /* bumped when the keys change, not on value updates */
};

typedef STM_SEG struct Set Set;
#define SET_REFS 2
struct Set {                    /* set and frozenset */
    OBJECT_HEAD;
    DictTable *table;
    Object *dict;
    int64_t hash;               /* frozenset: -1 until computed */
};

typedef STM_SEG struct Range Range;
#define RANGE_REFS 4
struct Range {                  /* immutable; ints, small or big */
    OBJECT_HEAD;
    Object *start, *stop, *step, *length;
};

typedef STM_SEG struct Slice Slice;
#define SLICE_REFS 3
struct Slice {
    OBJECT_HEAD;
    Object *start, *stop, *step;
};

/* Iterators over builtin sequences and the itertools-like builtins. */
typedef STM_SEG struct Iter Iter;
#define ITER_REFS 3
struct Iter {
    OBJECT_HEAD;
    Object *seq;                /* what is iterated; NULL once exhausted */
    Object *aux;                /* enumerate's count, map's function, ... */
    Object *aux2;
    intptr_t index, end, step;
};

/* ---- instances, functions, modules ---------------------------------------- */

typedef STM_SEG struct Instance Instance;
struct Instance {               /* instances of classes written in Python */
    OBJECT_HEAD;
    Object *dict;               /* the __dict__, NULL until needed */
    Object *slots;              /* Array of __slots__ values, or NULL */
    Object *base_value;         /* subclasses of int, str, ...: the value */
};

typedef STM_SEG struct Function Function;
#define FUNCTION_REFS 12
struct Function {
    OBJECT_HEAD;
    Object *code, *globals, *builtins, *name, *qualname, *defaults,
           *kwdefaults, *closure, *doc, *dict, *module, *annotations;
};

/* A function written in C.  `self` is bound for methods of builtin
   objects (bound at look-up); `fn` gets the callable itself first. */
typedef STM_SEG struct Builtin Builtin;
#define BUILTIN_REFS 4
struct Builtin {
    OBJECT_HEAD;
    Object *name, *self, *module, *doc;
    CallFn *fn;
    Type *owner;                /* for method descriptors: the type they belong to */
    int flags;
};

typedef STM_SEG struct Method Method;
#define METHOD_REFS 2
struct Method {
    OBJECT_HEAD;
    Object *func, *self;
};

typedef STM_SEG struct Cell Cell;
#define CELL_REFS 1
struct Cell {
    OBJECT_HEAD;
    Object *value;              /* NULL: empty */
};

typedef STM_SEG struct ModuleObj ModuleObj;
#define MODULE_REFS 2
struct ModuleObj {
    OBJECT_HEAD;
    Object *dict, *name;
};

/* property, staticmethod, classmethod and the C descriptors. */
typedef STM_SEG struct Property Property;
#define PROPERTY_REFS 5
struct Property {
    OBJECT_HEAD;
    Object *fget, *fset, *fdel, *doc, *name;
};

typedef STM_SEG struct Exception Exception;
#define EXCEPTION_FIELDS 8
#define EXCEPTION_REFS (6 + EXCEPTION_FIELDS)
struct Exception {
    OBJECT_HEAD;
    Object *args, *traceback, *cause, *context, *dict, *notes;
    Object *fields[EXCEPTION_FIELDS];   /* per class: StopIteration.value, ... */
    bool suppress_context;
};

/* Objects of the builtin modules written in C (_io's streams, ...): the
   attribute dict of instances of Python subclasses, NATIVE_REFS - 1 more
   references, then plain C data that the collector does not look at. */
typedef STM_SEG struct Native Native;
#define NATIVE_REFS 8
struct Native {
    OBJECT_HEAD;
    Object *dict;
    Object *refs[NATIVE_REFS - 1];
    uint64_t data[];
};

/* ---- code, frames, generators, threads -------------------------------------- */

typedef STM_SEG struct Code Code;
#define CODE_REFS 12
struct Code {                   /* immutable, except the cache array */
    OBJECT_HEAD;
    Object *consts;             /* tuple */
    Object *names;              /* tuple of str */
    Object *localsplus_names;   /* tuple of str: locals, cells, frees */
    Object *localsplus_kinds;   /* bytes: CO_FAST_* per name */
    Object *filename, *name, *qualname;
    Object *words;              /* bytes: the instructions, uint32_t each */
    Object *linetable;          /* bytes: 4 int32 per word */
    Object *exctable;           /* bytes: 5 uint32 per entry */
    Object *caches;             /* Array, one slot per cache number (mutable) */
    Object *docstring;
    uint32_t argcount, posonlyargcount, kwonlyargcount, flags;
    uint32_t nlocals, ncells, nfrees, stacksize, firstlineno, nwords, ncaches;
};

typedef STM_SEG struct Frame Frame;
#define FRAME_REFS 8
struct Frame {
    OBJECT_HEAD;
    Object *back;               /* the caller's frame */
    Object *code, *func, *globals, *builtins;
    Object *locals;             /* module and class bodies: the namespace */
    Object *generator;          /* the generator that owns this frame */
    Object *kwnames;            /* pending KW_NAMES of the next CALL */
    uint32_t pc;                /* next instruction, while not running */
    uint32_t stack_depth;
    uint32_t nlocalsplus;
    uint32_t nslots;            /* locals, cells, frees and the stack's capacity */
    uint32_t flags;
    Object *slots[];            /* locals, cells, frees, then the value stack */
};
enum FrameFlags {
    FRAME_ENTRY = 1,            /* returning from it leaves the C loop */
};

typedef STM_SEG struct Generator Generator;
#define GENERATOR_REFS 6
struct Generator {
    OBJECT_HEAD;
    Object *frame;              /* NULL once finished */
    Object *name, *qualname, *code;
    Object *exc_state;          /* its handled exception while suspended */
    Object *finalizer;          /* async generators: the finalizer hook */
    bool running;
    bool hooks_done;            /* async generators: the hooks were looked at */
    bool close_when_dead;       /* registered with libstm as finalizable */
};

typedef STM_SEG struct ThreadState ThreadState;
#define THREAD_STATE_REFS 4
struct ThreadState {
    OBJECT_HEAD;
    Object *frame;              /* the running Python frame */
    Object *exc;                /* the exception in flight */
    Object *handled;            /* the exception being handled: sys.exception() */
    Object *dict;               /* threading.local storage and the like */
    uint32_t depth;             /* Python frames on this thread */
    uint32_t recursion_limit;
    uint32_t signals_enabled;   /* depth of transaction.signals_enabled blocks */
};

typedef STM_SEG struct Traceback Traceback;
#define TRACEBACK_REFS 2
struct Traceback {
    OBJECT_HEAD;
    Object *next, *frame;
    int32_t lasti, lineno;
};

/* A computed attribute of a builtin type (a getset descriptor). */
typedef STM_SEG struct GetSet GetSet;
#define GETSET_REFS 1
struct GetSet {
    OBJECT_HEAD;
    Object *name;
    Object *(*get)(Object *self);
    int (*set)(Object *self, Object *value);     /* NULL: read-only */
    Type *owner;
};

/* The C side of a thread: its libstm registration and its heap state. */
typedef struct VMThread {
    stm_thread stm;
    ThreadState *ts;            /* a registered root */
    char *stack_high;           /* top of this thread's C stack */
    size_t stack_budget;        /* C stack nested loops may use */
    bool yielded;               /* the last eval_run() left by a yield */
} VMThread;
extern __thread VMThread *vm_thread;
static inline ThreadState *thread_state(void) { return vm_thread->ts; }

#define TYPE_REFS 6             /* name, qualname, base, bases, mro, dict */

#endif
