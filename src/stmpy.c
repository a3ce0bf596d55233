/* The stmpy command.  main() only picks the mode; each mode is one
 * function.
 *   stmpy [OPTIONS] [-c CMD | -m MOD | FILE | -] [ARGS]
 *                                  run a program, or the REPL (src/vm/cli.c);
 *                                  the options are CPython's -i -u -q -X -W
 *                                  -V -h (and -B -E -s -S, no-ops here)
 *   stmpy --compile-only FILE...   parse each file, report syntax errors
 *   stmpy --ast-dump FILE          print the tree as CPython's ast.dump
 *   stmpy --dis FILE, --symtable FILE, ...   the front end's views
 *                                  (src/compiler/cli_compile.c)
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
    fputs("usage: stmpy [option] ... [-c cmd | -m mod | file | -] [arg] ...\n"
          "Try `stmpy -h' for more information.\n",
          stderr);
    return 2;
}

static int help(void)
{
    fputs("usage: stmpy [option] ... [-c cmd | -m mod | file | -] [arg] ...\n"
          "Options (a subset of CPython 3.11's):\n"
          "-c cmd : program passed in as string (terminates option list)\n"
          "-h     : print this help message and exit (also -? or --help)\n"
          "-i     : inspect interactively after running script\n"
          "-m mod : run library module as a script (terminates option list)\n"
          "-q     : don't print version messages on interactive startup\n"
          "-u     : force the stdout and stderr streams to be unbuffered\n"
          "-V     : print the Python version number and exit (also --version)\n"
          "-W arg : warning control, added to sys.warnoptions\n"
          "-X opt : implementation-specific option, stored in sys._xoptions\n"
          "-B, -E, -s, -S : accepted; stmpy writes no .pyc files, reads no\n"
          "         PYTHON* variables, and has no site module anyway\n"
          "file   : program read from script file\n"
          "-      : program read from stdin (default; interactive mode if a tty)\n"
          "arg ...: arguments passed to program in sys.argv[1:]\n"
          "Front end (no program is run):\n"
          "--compile-only FILE..., --ast-dump FILE, --dis FILE, --symtable FILE\n",
          stdout);
    return 0;
}

static int version(void)
{
    printf("Python %s (stmpy)\n", STMPY_PYTHON_VERSION);
    return 0;
}

/* CPython's command line: options up to the first of -c CMD, -m MOD, FILE
   or "-", whose following words are the program's arguments. */
static int run_python(int argc, char **argv)
{
    VmOptions o = { .orig_argc = argc, .orig_argv = argv };
    char **xopts = calloc((size_t)argc, sizeof *xopts), **wopts = calloc((size_t)argc, sizeof *wopts);
    if (!xopts || !wopts)
        return 1;
    o.xoptions = xopts;
    o.warnoptions = wopts;
    int i = 1;
    for (; i < argc; i++) {
        char *a = argv[i];
        if (a[0] != '-' || !strcmp(a, "-")) {
            o.script = a;
            i++;
            break;
        }
        if (!strcmp(a, "--")) {
            if (++i < argc)
                o.script = argv[i++];
            break;
        }
        if (!strcmp(a, "--version"))
            return version();
        if (!strcmp(a, "--help"))
            return help();
        if (a[1] == '-') {
            fprintf(stderr, "unknown option %s\n", a);
            return usage();
        }
        bool done = false;
        for (int j = 1; a[j] && !done; j++) {
            char c = a[j];
            if (c == 'c' || c == 'm' || c == 'X' || c == 'W') {
                char *arg = a[j + 1] ? a + j + 1 : i + 1 < argc ? argv[++i] : NULL;
                if (!arg) {
                    fprintf(stderr, "Argument expected for the -%c option\n", c);
                    return usage();
                }
                if (c == 'c')
                    o.command = arg;
                else if (c == 'm')
                    o.module = arg;
                else if (c == 'X')
                    xopts[o.nxoptions++] = arg;
                else
                    wopts[o.nwarnoptions++] = arg;
                done = true;
                continue;
            }
            switch (c) {
            case 'i': o.inspect = true; break;
            case 'u': o.unbuffered = true; break;
            case 'q': o.quiet = true; break;
            case 'V': return version();
            case 'h': case '?': return help();
            case 'B': case 'E': case 's': case 'S': break;
            default:
                fprintf(stderr, "Unknown option: -%c\n", c);
                return usage();
            }
        }
        if (o.command || o.module) {
            i++;
            break;
        }
    }
    o.argc = argc - i;
    o.argv = argv + i;
    int r = vm_main(&o);
    free(xopts);
    free(wopts);
    return r;
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
    /* The front end's own commands: --compile-only, --ast-dump, --dis, ... */
    if (argc >= 2 && !strncmp(argv[1], "--", 2) && strcmp(argv[1], "--")
        && strcmp(argv[1], "--version") && strcmp(argv[1], "--help")) {
        int r = compile_cli(argc, argv);
        if (r >= 0)
            return r;
        if (argc >= 3 && !strcmp(argv[1], "--compile-only"))
            return compile_only(argc - 2, argv + 2);
        if (argc == 3 && !strcmp(argv[1], "--ast-dump"))
            return ast_dump(argv[2]);
    }
    return run_python(argc, argv);
}
