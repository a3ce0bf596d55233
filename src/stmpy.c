/* The stmpy command.  main() only picks the mode; each mode is one
 * function.  For now the front end is all there is:
 *   stmpy --compile-only FILE...   parse each file, report syntax errors
 *   stmpy --ast-dump FILE          print the tree as CPython's ast.dump
 *   stmpy FILE [ARGS], stmpy -c CMD  run a program (src/vm/run.c)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compiler/ast_dump.h"
#include "compiler/compile.h"
#include "compiler/parser.h"
#include "vm/main.h"

static int usage(void)
{
    fputs("usage: stmpy --compile-only FILE...\n"
          "       stmpy --ast-dump FILE\n",
          stderr);
    return 2;
}


/* One parsed file.  `text` is the decoded source; the tree lives in
   `arena`. */
typedef struct Unit {
    Source src;
    char *text;
    Arena *arena;
    Module *module;
    SyntaxErr err;
} Unit;

/* Returns 0 if the file could not be read (message printed). */
static int parse_file(const char *path, Unit *u)
{
    memset(u, 0, sizeof *u);
    u->src.filename = path;
    size_t n;
    char *bytes = source_read_file(path, &n);
    if (!bytes) {
        fprintf(stderr, "stmpy: can't open file '%s'\n", path);
        return 0;
    }
    size_t len;
    u->text = source_decode(bytes, n, &len, &u->err);
    free(bytes);
    if (!u->text)
        return 1;
    u->src.text = u->text;
    u->src.len = len;
    u->arena = arena_new();
    u->module = parse_module(u->arena, &u->src, &u->err);
    return 1;
}

static void unit_free(Unit *u)
{
    if (u->arena)
        arena_free(u->arena);
    free(u->text);
}

/* A parsed module counts as compiled once the symbol table and the
   bytecode compiler accept it too (they report CPython's compile-time
   errors). */
static int check_module(Unit *u)
{
    return u->module && compile_module(u->arena, u->module, &u->src, &u->err, 0);
}

static int compile_only(int nfiles, char **files)
{
    int status = 0;
    for (int i = 0; i < nfiles; i++) {
        Unit u;
        if (!parse_file(files[i], &u)) {
            status = 1;
            continue;
        }
        if (!check_module(&u)) {
            err_print(&u.err, &u.src, stderr);
            status = 1;
        }
        unit_free(&u);
    }
    return status;
}

static int ast_dump(const char *file)
{
    Unit u;
    if (!parse_file(file, &u))
        return 1;
    int status = 0;
    if (u.module) {
        ast_dump_module(stdout, u.module);
    } else {
        err_print(&u.err, &u.src, stderr);
        status = 1;
    }
    unit_free(&u);
    return status;
}

int main(int argc, char **argv)
{
    if (argc >= 2 && (argv[1][0] != '-' || !strcmp(argv[1], "-c")))
        return vm_main(argc - 1, argv + 1);
    int r = compile_cli(argc, argv);
    if (r >= 0)
        return r;
    if (argc >= 3 && !strcmp(argv[1], "--compile-only"))
        return compile_only(argc - 2, argv + 2);
    if (argc == 3 && !strcmp(argv[1], "--ast-dump"))
        return ast_dump(argv[2]);
    return usage();
}
