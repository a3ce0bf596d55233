/* Developer options of the stmpy command for the compiler:
 *   --symtable FILE          the symbol tables (format of tests/compile/gen_symtable.py)
 *   --dis [-O|-OO] FILE      disassembly of the compiled module
 *   --dis-eval FILE          ... of FILE's one expression compiled in eval mode
 *   --dis-single FILE        ... of FILE compiled as REPL input (single mode)
 *   --compile FILE...        compile only; one line per file that fails
 * A compile-time error prints "SyntaxError: MSG (LINE:OFFSET)" on stdout,
 * the form the tests compare with CPython's. */
#include <stdlib.h>
#include <string.h>

#include "compiler/compile.h"
#include "compiler/parser.h"
#include "compiler/symtable.h"

typedef struct Loaded {
    Source src;
    char *text;
    Arena *arena;
    Module *module;
    SyntaxErr err;
} Loaded;


static int load(const char *path, Loaded *l)
{
    memset(l, 0, sizeof *l);
    l->src.filename = path;
    size_t n, len;
    char *bytes = source_read_file(path, &n);
    if (!bytes) {
        fprintf(stderr, "stmpy: can't open file '%s'\n", path);
        return 0;
    }
    l->text = source_decode(bytes, n, &len, &l->err);
    free(bytes);
    l->arena = arena_new();
    if (!l->text)
        return 1;
    l->src.text = l->text;
    l->src.len = len;
    l->module = parse_module(l->arena, &l->src, &l->err);
    return 1;
}

static void unload(Loaded *l)
{
    arena_free(l->arena);
    free(l->text);
}

static void print_error(FILE *out, const SyntaxErr *e)
{
    if (e->kind == ERR_RECURSION || e->kind == ERR_MEMORY)
        fprintf(out, "%s: %s\n", err_kind_name(e->kind), e->msg);
    else
        fprintf(out, "%s: %s (%d:%d)\n", err_kind_name(e->kind), e->msg, e->lineno, e->offset);
}

static int has_future_annotations(Module *m)
{
    for (int i = 0; i < SEQ_LEN(m->body); i++) {
        Stmt *s = SEQ_GET(m->body, i);
        if (s->kind != Stmt_ImportFrom || !s->v.ImportFrom.module || strcmp(s->v.ImportFrom.module, "__future__"))
            continue;
        for (int k = 0; k < SEQ_LEN(s->v.ImportFrom.names); k++)
            if (!strcmp(((Alias *)SEQ_GET(s->v.ImportFrom.names, k))->name, "annotations"))
            return 1;
    }
    return 0;
}

static int cli_symtable(const char *path)
{
    Loaded l;
    if (!load(path, &l))
        return 1;
    int status = 0;
    if (l.module) {
        SymTable *st = symtable_build(l.arena, &l.src, &l.err, l.module->body, NULL,
                                      has_future_annotations(l.module));
        if (st)
            symtable_dump(stdout, st);
        symtable_free(st);
    }
    if (l.err.kind != ERR_NONE) {
        print_error(stdout, &l.err);
        status = 1;
    }
    unload(&l);
    return status;
}

static int cli_dis(const char *path, int optimize)
{
    Loaded l;
    if (!load(path, &l))
        return 1;
    int status = 0;
    CodeUnit *co = l.module ? compile_module(l.arena, l.module, &l.src, &l.err, optimize) : NULL;
    if (co)
        dis_code(stdout, co);
    else {
        print_error(stdout, &l.err);
        status = 1;
    }
    unload(&l);
    return status;
}

/* --dis-eval: the file holds one expression; --dis-single: REPL input. */
static int cli_dis_mode(const char *path, int eval)
{
    Loaded l;
    if (!load(path, &l))
        return 1;
    int status = 0;
    CodeUnit *co = NULL;
    if (l.module && eval) {
        Stmt *s = SEQ_LEN(l.module->body) == 1 ? SEQ_GET(l.module->body, 0) : NULL;
        if (s && s->kind == Stmt_Expr)
            co = compile_eval(l.arena, s->v.Expr.value, &l.src, &l.err, 0);
        else
            err_set(&l.err, &l.src, ERR_SYNTAX, 1, 0, 1, -1, "invalid syntax");
    } else if (l.module) {
        co = compile_interactive(l.arena, l.module, &l.src, &l.err, 0);
    }
    if (co)
        dis_code(stdout, co);
    else {
        print_error(stdout, &l.err);
        status = 1;
    }
    unload(&l);
    return status;
}

static int cli_compile(int n, char **files)
{
    int status = 0;
    for (int i = 0; i < n; i++) {
        Loaded l;
        if (!load(files[i], &l)) {
            status = 1;
            continue;
        }
        if (!l.module || !compile_module(l.arena, l.module, &l.src, &l.err, 0)) {
            printf("%s: ", files[i]);
            print_error(stdout, &l.err);
            status = 1;
        }
        unload(&l);
    }
    return status;
}

int compile_cli(int argc, char **argv)
{
    if (argc == 3 && !strcmp(argv[1], "--symtable"))
        return cli_symtable(argv[2]);
    if (argc == 3 && !strcmp(argv[1], "--dis"))
        return cli_dis(argv[2], 0);
    if (argc == 4 && !strcmp(argv[1], "--dis") && (!strcmp(argv[2], "-O") || !strcmp(argv[2], "-OO")))
        return cli_dis(argv[3], argv[2][2] ? 2 : 1);
    if (argc == 3 && (!strcmp(argv[1], "--dis-eval") || !strcmp(argv[1], "--dis-single")))
        return cli_dis_mode(argv[2], !strcmp(argv[1], "--dis-eval"));
    if (argc >= 3 && !strcmp(argv[1], "--compile"))
        return cli_compile(argc - 2, argv + 2);
    return -1;
}
