/* Text form of a tree, exactly as CPython 3.11's
 * ast.dump(tree, include_attributes=True) writes it, so that tests can
 * compare stmpy's trees with CPython's. */
#ifndef STMPY_AST_DUMP_H
#define STMPY_AST_DUMP_H

#include <stdio.h>

#include "compiler/ast.h"

void ast_dump_module(FILE *out, const Module *m);

#endif
