/* The compiler's output: one CodeUnit per code object, all in the Arena of
 * the tree it was compiled from.  It knows nothing of the VM; the VM turns
 * a CodeUnit (and its nested ones) into its own code objects.
 */
#ifndef STMPY_CODE_H
#define STMPY_CODE_H

#include <stddef.h>
#include <stdint.h>

#include "compiler/ast.h"

typedef struct CodeUnit CodeUnit;

typedef enum {
    CV_NONE, CV_TRUE, CV_FALSE, CV_ELLIPSIS,
    CV_INT,        /* decimal text, optional leading '-' (folding normalises) */
    CV_FLOAT, CV_COMPLEX, CV_STR, CV_BYTES, CV_TUPLE, CV_FROZENSET, CV_CODE,
} ConstValKind;

typedef struct ConstVal ConstVal;
struct ConstVal {
    ConstValKind kind;
    union {
        const char *i;                                  /* CV_INT */
        double f;                                       /* CV_FLOAT */
        struct { double re, im; } c;                    /* CV_COMPLEX */
        struct { const char *s; size_t len; } str;      /* CV_STR (WTF-8), CV_BYTES */
        struct { int n; ConstVal **items; } tup;        /* CV_TUPLE, CV_FROZENSET */
        CodeUnit *code;                                 /* CV_CODE */
    } v;
};

/* Kinds of localsplus entries, as CPython 3.11's CO_FAST_* bits. */
enum { CO_FAST_LOCAL = 0x20, CO_FAST_CELL = 0x40, CO_FAST_FREE = 0x80 };

enum {
    CO_OPTIMIZED = 0x1, CO_NEWLOCALS = 0x2, CO_VARARGS = 0x4, CO_VARKEYWORDS = 0x8,
    CO_NESTED = 0x10, CO_GENERATOR = 0x20, CO_NOFREE = 0x40, CO_COROUTINE = 0x80,
    CO_ITERABLE_COROUTINE = 0x100, CO_ASYNC_GENERATOR = 0x200,
    CO_FUTURE_DIVISION = 0x20000, CO_FUTURE_ABSOLUTE_IMPORT = 0x40000,
    CO_FUTURE_WITH_STATEMENT = 0x80000, CO_FUTURE_PRINT_FUNCTION = 0x100000,
    CO_FUTURE_UNICODE_LITERALS = 0x200000, CO_FUTURE_BARRY_AS_BDFL = 0x400000,
    CO_FUTURE_GENERATOR_STOP = 0x800000, CO_FUTURE_ANNOTATIONS = 0x1000000,
};

/* One exception-table entry: instructions [start, end) (word indexes) jump
   to `target` with the value stack popped to `depth` items, then (if lasti)
   the offset of the raising instruction pushed, then the exception. */
typedef struct ExcEntry {
    int start, end, target, depth, lasti;
} ExcEntry;

/* Source span of the instruction that a word belongs to; lineno -1 when
   the instruction has none (CPython's None). */
typedef struct LineEntry {
    int lineno, end_lineno, col, end_col;
} LineEntry;

struct CodeUnit {
    const char *name, *qualname, *filename;
    int firstlineno;
    int flags;
    int argcount, posonlyargcount, kwonlyargcount;
    int stacksize;
    int ncaches;

    uint32_t *code;
    int ncode;                  /* words */
    LineEntry *lines;           /* ncode entries */

    ConstVal **consts;
    int nconsts;
    const char **names;
    int nnames;

    /* localsplus: locals (arguments first), then cells not also locals,
       then free variables; kinds are CO_FAST_* (a cell argument is
       LOCAL|CELL). */
    const char **localsplus;
    unsigned char *kinds;
    int nlocalsplus, nlocals, ncells, nfrees;

    ExcEntry *exctable;
    int nexc;
};

#endif
