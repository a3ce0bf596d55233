/* Bytecode compiler: AST -> CodeUnit (code.h).
 *
 * optimize is -O's level: 1 drops asserts, 2 also docstrings.  On a
 * compile-time SyntaxError these return NULL with err set.
 */
#ifndef STMPY_COMPILE_H
#define STMPY_COMPILE_H

#include <stdio.h>

#include "compiler/ast.h"
#include "compiler/code.h"
#include "compiler/syntax_error.h"

/* exec mode: a module body. */
CodeUnit *compile_module(Arena *a, Module *m, const Source *src, SyntaxErr *err, int optimize);
/* single mode (REPL): like a module, but expression statements print their
   value (PRINT_EXPR). */
CodeUnit *compile_interactive(Arena *a, Module *m, const Source *src, SyntaxErr *err, int optimize);
/* eval mode: one expression whose value the code returns. */
CodeUnit *compile_eval(Arena *a, Expr *e, const Source *src, SyntaxErr *err, int optimize);

/* Disassembly in the spirit of `python3 -m dis`, recursing into nested code. */
void dis_code(FILE *out, const CodeUnit *c);

/* The developer options --symtable FILE and --dis FILE (and --ast-free
   variants of them); returns the exit status, or -1 when argv[1] is not
   one of them. */
int compile_cli(int argc, char **argv);

#endif
