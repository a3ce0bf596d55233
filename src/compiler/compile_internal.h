/* Shared by the compile_*.c files: the compiler state and the emission
 * primitives.  Code is emitted as a list of instructions per code unit
 * (with pseudo-instructions for jumps to labels and exception-handler
 * setup, as CPython's compiler does); compile_assemble.c turns that list
 * into a CodeUnit.
 */
#ifndef STMPY_COMPILE_INTERNAL_H
#define STMPY_COMPILE_INTERNAL_H

#include <string.h>

#include "compiler/compile.h"
#include "compiler/opcodes.h"
#include "compiler/symtable.h"

/* Pseudo-instructions: resolved or dropped by the assembler. */
enum {
    PSEUDO_JUMP = OP_COUNT,          /* -> JUMP_FORWARD / JUMP_BACKWARD */
    PSEUDO_JUMP_NO_INTERRUPT,        /* -> JUMP_FORWARD / JUMP_BACKWARD_NO_INTERRUPT */
    PSEUDO_SETUP_FINALLY,            /* push a handler (no lasti) */
    PSEUDO_SETUP_CLEANUP,            /* push a handler that also restores lasti */
    PSEUDO_SETUP_WITH,               /* like CLEANUP, for the with-statement's __exit__ */
    PSEUDO_POP_BLOCK,                /* pop the innermost handler */
    PSEUDO_COUNT,
};

/* Oparg encodings resolved at assembly, once all locals are known. */
enum { DEREF_FREE_BIT = 1 << 22 };   /* LOAD_DEREF etc.: free index, else cell index */

typedef struct Instr {
    int op, arg;
    int target;                      /* label, for jumps and SETUP_* */
    LineEntry loc;
} Instr;

typedef enum {
    FB_WHILE_LOOP, FB_FOR_LOOP, FB_TRY_EXCEPT, FB_FINALLY_TRY, FB_FINALLY_END, FB_WITH,
    FB_ASYNC_WITH, FB_HANDLER_CLEANUP, FB_POP_VALUE, FB_EXCEPTION_HANDLER,
    FB_EXCEPTION_GROUP_HANDLER, FB_ASYNC_COMPREHENSION_GENERATOR,
} FBlockType;

typedef struct FBlock {
    FBlockType type;
    int block, exit;                 /* labels (continue / break targets for loops) */
    const void *datum;               /* finally body, with statement, handler name */
} FBlock;

enum { CO_MAXBLOCKS = 20, STACK_USE_GUARDRAIL = 30 };

typedef enum {
    SCOPE_MODULE, SCOPE_CLASS, SCOPE_FUNCTION, SCOPE_ASYNC_FUNCTION, SCOPE_LAMBDA,
    SCOPE_COMPREHENSION,
} UnitScope;

typedef struct Unit Unit;
struct Unit {
    Unit *parent;
    SymScope *ste;
    UnitScope scope;
    const char *name, *qualname, *private_name;
    int firstlineno;
    int argcount, posonlyargcount, kwonlyargcount;

    Instr *instrs;
    int ninstrs, capinstrs;
    int *labels;                     /* label -> instruction index, -1 until placed */
    int nlabels, caplabels;

    ConstVal **consts;
    int nconsts, capconsts;
    const char **names;
    int nnames, capnames;
    const char **varnames;           /* fast locals, arguments first */
    int nvarnames, capvarnames;
    const char **cellvars, **freevars;
    int ncellvars, nfreevars;

    FBlock fblocks[CO_MAXBLOCKS];
    int nfblocks;

    int last_label;                  /* instruction index where a label was last placed */
    LineEntry loc;                   /* location given to new instructions */
    int artificial;                  /* new instructions copy the previous one's location */
};

typedef struct Compiler {
    Arena *arena;
    const Source *src;
    SyntaxErr *err;
    SymTable *st;
    Unit *u;
    int optimize;
    int interactive;
    int nestlevel;
    int future_flags;                /* CO_FUTURE_* */
    int future_lineno;               /* last line of the leading __future__ imports */
    int failed;
    const Expr *checked_compare;     /* already checked as its inverse, under `not` */
} Compiler;

/* Errors: record at the current location (or e's) and mark failure. */
int compiler_error(Compiler *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int compiler_error_at(Compiler *c, int lineno, int col, int end_lineno, int end_col, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

/* Compile-time SyntaxWarnings at the current location (compile_warnings.c);
   one that the warning hook makes an error fails the compilation. */
void compiler_warn(Compiler *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void warn_compare(Compiler *c, Expr *e);
void warn_negated_compare(Compiler *c, Expr *e);
void warn_call(Compiler *c, Expr *func);
void warn_subscript(Compiler *c, Expr *e);
void warn_assert(Compiler *c, Stmt *s);
void warn_again(Compiler *c, Expr *e);

/* Emission. */
int c_new_label(Compiler *c);
void c_use_label(Compiler *c, int label);
void c_emit(Compiler *c, int op, int arg);
void c_emit_jump(Compiler *c, int op, int label);
void c_emit_const(Compiler *c, ConstVal *v);
void c_emit_none(Compiler *c);
void c_emit_name(Compiler *c, int op, const char *name);   /* mangles */
void c_emit_compare(Compiler *c, CmpOpKind op);
void c_emit_yield_from(Compiler *c);
void c_emit_yield(Compiler *c);
int c_add_const(Compiler *c, ConstVal *v);
int c_add_name(Compiler *c, const char *name);
void c_loc_expr(Compiler *c, const Expr *e);
void c_loc_stmt(Compiler *c, const Stmt *s);
void c_loc_to(Compiler *c, int lineno, int col, int end_lineno, int end_col);

/* Names. */
void compile_nameop(Compiler *c, const char *name, ExprContext ctx);
const char *compiler_mangle(Compiler *c, const char *name);

/* Frame blocks. */
int c_push_fblock(Compiler *c, FBlockType t, int block, int exit, const void *datum);
void c_pop_fblock(Compiler *c);
int c_unwind_fblock_stack(Compiler *c, int preserve_tos, FBlock **loop);
int c_unwind_fblock(Compiler *c, FBlock *info, int preserve_tos);

/* Units. */
void c_enter_scope(Compiler *c, const char *name, UnitScope scope, const void *key, int lineno);
CodeUnit *c_exit_scope(Compiler *c, int add_none);
void c_make_closure(Compiler *c, CodeUnit *co, int flags);

/* Constants (const_fold.c). */
ConstVal *cv_new(Compiler *c, ConstValKind kind);
ConstVal *cv_none(Compiler *c);
ConstVal *cv_int(Compiler *c, long v);
ConstVal *cv_str(Compiler *c, const char *s);
ConstVal *cv_from_ast(Compiler *c, const Constant *k);
int cv_equal(const ConstVal *a, const ConstVal *b);
int cv_truth(const ConstVal *v);            /* -1: unknown */
ConstVal *cv_tuple(Compiler *c, int n);
/* The constant value of an expression after CPython's AST-level folding
   (constants, tuples of constants, foldable operators), or NULL. */
ConstVal *const_fold_expr(Compiler *c, Expr *e);
/* '...' % (a, b) as the equivalent f-string, or NULL (compile_format.c). */
Expr *compile_format_to_fstring(Compiler *c, Expr *e);

/* Statement and expression compilers. */
void compile_stmt(Compiler *c, Stmt *s);
void compile_stmts(Compiler *c, AstSeq *body);
void compile_body(Compiler *c, AstSeq *body, int docstring);
void compile_expr(Compiler *c, Expr *e);
void compile_jump_if(Compiler *c, Expr *e, int label, int cond);
void compile_call_helper(Compiler *c, int n, AstSeq *args, AstSeq *keywords);
void compile_function(Compiler *c, Stmt *s, int is_async);
void compile_class(Compiler *c, Stmt *s);
void compile_lambda(Compiler *c, Expr *e);
void compile_comprehension(Compiler *c, Expr *e);
void compile_match(Compiler *c, Stmt *s);
void compile_annotation_value(Compiler *c, Expr *annotation);
int compile_default_arguments(Compiler *c, Arguments *a);
void compile_iter_literal(Compiler *c, Expr *e);

/* Annotations as strings (unparse.c), for `from __future__ import annotations`. */
const char *unparse_expr(Arena *a, const Expr *e);

/* Python's repr of constants (dis.c). */
void dis_const_repr(FILE *out, const ConstVal *v);
void dis_str_repr(FILE *out, const char *s, size_t len, int bytes);

/* Assembly (compile_assemble.c). */
CodeUnit *compile_assemble(Compiler *c, Unit *u, int flags);
int opcode_stack_effect(int op, int arg, int jump);

/* memcpy that tolerates a NULL source when there is nothing to copy. */
#define COPY_N(dst, src, nbytes) ((nbytes) != 0 ? memcpy((dst), (src), (nbytes)) : (dst))

#define SEQ_FOR(i, seq) for (int i = 0; i < SEQ_LEN(seq); i++)

#endif
