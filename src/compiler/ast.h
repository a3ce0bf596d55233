/* The abstract syntax tree, as Python 3.11's `ast` module defines it.
 *
 * Node kinds, field names and field order are CPython's (see
 * tools/gen_ast.py, which generates ast_nodes.h), and so are the position
 * conventions: lines are 1-based, column offsets are 0-based byte offsets
 * into the UTF-8 source line, end positions are exclusive.
 *
 * Every node, sequence and string of a tree lives in one Arena and is freed
 * with it.
 */
#ifndef STMPY_AST_H
#define STMPY_AST_H

#include <stddef.h>
#include <stdint.h>

/* A bump allocator: many small allocations, freed all at once. */
typedef struct ArenaBlock ArenaBlock;
typedef struct Arena {
    ArenaBlock *block;
    char *next, *end;
} Arena;

Arena *arena_new(void);
void arena_free(Arena *a);
void *arena_alloc(Arena *a, size_t size);          /* zeroed, never NULL (aborts) */
char *arena_strndup(Arena *a, const char *s, size_t n);

/* A sequence of nodes (or of small enum values stored as intptr_t). */
typedef struct AstSeq {
    int n;
    void *a[];
} AstSeq;

#define SEQ_LEN(s) ((s) ? (s)->n : 0)
#define SEQ_GET(s, i) ((s)->a[i])

/* Literal values.  Ints stay text (digits without prefix or underscores,
   in `base`) for the VM to turn into small or big ints.  Strings are
   UTF-8 except that lone surrogates (from "\ud800" escapes) are encoded
   as their 3-byte generalized UTF-8 form (WTF-8); `len` is in bytes and
   the data may contain NULs.  Bytes are raw. */
typedef enum {
    CONST_NONE, CONST_TRUE, CONST_FALSE, CONST_ELLIPSIS,
    CONST_INT, CONST_FLOAT, CONST_COMPLEX, CONST_STR, CONST_BYTES,
} ConstKind;

typedef struct Constant {
    ConstKind kind;
    union {
        struct { const char *digits; int base; } i;
        double f;                       /* float, or the imaginary part */
        struct { const char *s; size_t len; } str;
    } v;
} Constant;

#include "compiler/ast_nodes.h"

typedef struct Module {
    AstSeq *body;
} Module;

AstSeq *seq_new(Arena *a, int n);

#endif
