/* Symbol tables: which scope every name of a module belongs to, decided
 * as CPython 3.11's symtable.c decides it (the flag and scope values are
 * CPython's too, so tests can compare with the `symtable` module).
 */
#ifndef STMPY_SYMTABLE_H
#define STMPY_SYMTABLE_H

#include "compiler/ast.h"
#include "compiler/syntax_error.h"

enum {
    DEF_GLOBAL = 1, DEF_LOCAL = 2, DEF_PARAM = 4, DEF_NONLOCAL = 8, DEF_USE = 16,
    DEF_FREE = 32, DEF_FREE_CLASS = 64, DEF_IMPORT = 128, DEF_ANNOT = 256,
    DEF_COMP_ITER = 512,
    DEF_BOUND = DEF_LOCAL | DEF_PARAM | DEF_IMPORT,
};

typedef enum {
    SC_NONE, SC_LOCAL, SC_GLOBAL_EXPLICIT, SC_GLOBAL_IMPLICIT, SC_FREE, SC_CELL,
} SymScopeKind;

/* BLOCK_ANNOTATION: an annotation under `from __future__ import
   annotations`, visited only for its errors (it is never compiled). */
typedef enum { BLOCK_FUNCTION, BLOCK_CLASS, BLOCK_MODULE, BLOCK_ANNOTATION } BlockType;
typedef enum { COMP_NONE, COMP_LIST, COMP_SET, COMP_DICT, COMP_GEN } CompKind;

typedef struct Symbol {
    const char *name;          /* mangled */
    int flags;                 /* DEF_* */
    SymScopeKind scope;
} Symbol;

/* An insertion-ordered set of names with a hash index. */
typedef struct NameTable {
    Symbol *syms;
    int n, cap;
    int *index;                /* open addressing, -1 empty; size hcap */
    int hcap;
} NameTable;

typedef struct Directive {
    const char *name;
    int lineno, col, end_lineno, end_col;
} Directive;

typedef struct SymScope SymScope;
struct SymScope {
    const char *name;
    BlockType type;
    const void *key;           /* the Stmt, Expr or Module that opened it */
    int lineno, col;
    SymScope *parent;
    SymScope **children;
    int nchildren, capchildren;
    NameTable symbols;
    const char **varnames;     /* parameters, in order */
    int nvarnames, capvarnames;
    Directive *directives;
    int ndirectives, capdirectives;
    CompKind comprehension;
    unsigned nested : 1, generator : 1, coroutine : 1, varargs : 1, varkeywords : 1,
        needs_class_closure : 1, comp_iter_target : 1;
    int comp_iter_expr;
};

typedef struct SymTable {
    Arena *arena;
    const Source *src;
    SyntaxErr *err;
    SymScope *top;
    SymScope *cur;
    NameTable *globals;        /* the module's symbols */
    const char *private_name;  /* enclosing class, for mangling */
    int future_annotations;
    int depth;                 /* nesting, limited as CPython limits it */
    int failed;
    /* scopes by key, for the compiler */
    SymScope **all;
    int nall, capall;
} SymTable;

/* Builds the table for a module (or an eval/interactive body given as a
   statement list or expression: pass what you have). */
SymTable *symtable_build(Arena *a, const Source *src, SyntaxErr *err, AstSeq *body, Expr *expr,
                         int future_annotations);
/* Releases what the table holds outside its Arena. */
void symtable_free(SymTable *st);
SymScope *symtable_lookup_scope(SymTable *st, const void *key);
Symbol *symtable_get(const SymScope *s, const char *name);
SymScopeKind symtable_scope_of(const SymScope *s, const char *name);
/* CPython's private-name mangling: __x inside class _C -> _C__x. */
const char *symtable_mangle(Arena *a, const char *private_name, const char *name);
/* Prints every scope, for tests (format shared with tests/compile/gen_symtable.py). */
void symtable_dump(FILE *out, const SymTable *st);

/* ---- internal to symtable*.c ------------------------------------------- */

typedef struct Loc {
    int lineno, col, end_lineno, end_col;
} Loc;

void symtable_error(SymTable *st, Loc l, const char *fmt, const char *name);
void symtable_analyze_block(SymTable *st, SymScope *ste, NameTable *bound, NameTable *free, NameTable *global);

/* Name tables; as sets, flags 1 marks a member (so removal needs no rehash). */
Symbol *nt_add(NameTable *t, const char *name);     /* adds with flags 0 if missing */
Symbol *nt_get(const NameTable *t, const char *name);
void nt_release(NameTable *t);
int nt_has(const NameTable *t, const char *name);
void nt_insert(NameTable *t, const char *name);
void nt_discard(NameTable *t, const char *name);
void nt_merge(NameTable *t, const NameTable *from);

#endif
