/*
** The stmpy command's modes, after src/stmpy.c has parsed the command
** line: a script, -c CMD, -m MOD (runpy's semantics), the program read
** from stdin, and the REPL (libedit's line editing when stdin is a
** terminal), which -i also starts after the program.
*/
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <sys/stat.h>
#include <unistd.h>

#include "compiler/parser.h"
#include "vm/eval.h"
#include "vm/main.h"
#include "vm/mod_os.h"
#include "vm/runtime.h"

Object *compile_source(const char *bytes, size_t n, const char *filename);
Object *compile_source_mode(const char *bytes, size_t n, const char *filename, const char *mode);
Object *run_file_in_module(const char *path, Object *module, bool main);
int handle_uncaught(void);
int import_spec_main(Object *m, const char *name, const char *file);
void atexit_run(void);
void thread_shutdown(void);
void io_flush_std(void);
extern bool io_std_unbuffered;     /* mod_io_text.c */
extern volatile int signals_pending;   /* mod_signal.c */

static Object *sys_get(const char *name)
{
    return dict_get_cstr(((ModuleObj *)vm.sys)->dict, name);
}

static int sys_set(const char *name, Object *v)
{
    return v ? dict_set_cstr(((ModuleObj *)vm.sys)->dict, name, v) : -1;
}

/* ---- sys settings from the command line ------------------------------------------ */

static Object *str_list(int n, char **items)
{
    Object *l = list_new(0);
    for (int i = 0; l && i < n; i++)
        if (list_append(l, str_from_cstr(items[i])) < 0)
            return NULL;
    return l;
}

/* sys.path[0]: the script's directory, the current directory for -m, ''
   otherwise, as CPython does. */
static int set_path0(const VmOptions *o)
{
    char buf[PATH_MAX];
    Object *p0;
    if (o->module) {
        if (!getcwd(buf, sizeof buf))
            return 0;
        p0 = str_from_cstr(buf);
    } else if (o->script && strcmp(o->script, "-")) {
        char *real = realpath(o->script, NULL);
        if (!real)
            return 0;
        struct stat st;
        char *slash = stat(real, &st) == 0 && S_ISDIR(st.st_mode) ? NULL : strrchr(real, '/');
        if (slash)
            *(slash == real ? slash + 1 : slash) = 0;
        p0 = str_from_cstr(real);
        free(real);
    } else {
        p0 = vm.empty_str;
    }
    Object *path = sys_get("path");
    if (!path || !p0 || is_small(path) || path->type != vm.t_list)
        return 0;
    Object *insert = obj_getattr_cstr(path, "insert");
    Object *args[2] = { make_small(0), p0 };
    return insert && obj_call(insert, args, 2, NULL) ? 0 : -1;
}

static int apply_options(const VmOptions *o)
{
    Object *x = dict_new();
    for (int i = 0; x && i < o->nxoptions; i++) {
        const char *eq = strchr(o->xoptions[i], '=');
        Object *k = eq ? str_from_utf8(o->xoptions[i], (size_t)(eq - o->xoptions[i]))
                       : str_from_cstr(o->xoptions[i]);
        if (!k || dict_set(x, k, eq ? str_from_cstr(eq + 1) : True_) < 0)
            return -1;
    }
    if (sys_set("_xoptions", x) < 0 || sys_set("warnoptions", str_list(o->nwarnoptions, o->warnoptions)) < 0
        || sys_set("orig_argv", str_list(o->orig_argc, o->orig_argv)) < 0)
        return -1;
    if (sys_set_flags(o->inspect, o->quiet, dict_get_cstr(x, "dev") != NULL) < 0)
        return -1;
    return set_path0(o);
}

/* ---- running code in __main__ ------------------------------------------------------- */

static Object *main_module(void)
{
    Object *m = module_new(intern_cstr("__main__"));
    if (!m || dict_set(vm.modules, intern_cstr("__main__"), m) < 0
        || dict_set_cstr(((ModuleObj *)m)->dict, "__builtins__", vm.builtins) < 0)
        return NULL;
    return m;
}

/* Exit status of an uncaught exception; with -i even SystemExit is only
   printed (CPython's rule), and the REPL follows. */
static int uncaught(bool inspect)
{
    if (inspect) {
        Object *e = exc_fetch();
        if (e) {
            print_exception(e);
            exc_clear();
        }
        return 1;
    }
    return handle_uncaught();
}

static int run_code(Object *code, Object *m, bool inspect)
{
    Object *r = code ? eval_main_code(code, ((ModuleObj *)m)->dict) : NULL;
    return r ? 0 : uncaught(inspect);
}

static int run_script(const char *path, Object *m, bool inspect)
{
    /* Only the script itself missing is reported this way: the same
       error raised by the program is an uncaught exception. */
    struct stat st;
    if (stat(path, &st) < 0) {
        fprintf(stderr, "stmpy: can't open file '%s': [Errno %d] %s\n", path, errno, strerror(errno));
        return 2;
    }
    char main_file[PATH_MAX + 16];
    if (S_ISDIR(st.st_mode)) {
        /* A directory runs its __main__.py (sys.path[0] is the directory). */
        size_t n = strlen(path);
        while (n > 1 && path[n - 1] == '/')
            n--;
        int k = snprintf(main_file, sizeof main_file, "%.*s/__main__.py", (int)n, path);
        if (k < 0 || (size_t)k >= sizeof main_file || stat(main_file, &st) < 0) {
            fprintf(stderr, "stmpy: can't find '__main__' module in '%s'\n", path);
            return 1;
        }
        path = main_file;
    }
    return run_file_in_module(path, m, true) ? 0 : uncaught(inspect);
}

/* The whole of fd 0, malloc'ed. */
static char *read_stdin(size_t *n)
{
    size_t cap = 65536, len = 0;
    char *buf = malloc(cap);
    for (;;) {
        if (!buf)
            return NULL;
        if (len == cap)
            buf = realloc(buf, cap *= 2);
        if (!buf)
            return NULL;
        ssize_t r = read(0, buf + len, cap - len);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            break;
        len += (size_t)r;
    }
    *n = len;
    return buf;
}

static int run_stdin(Object *m, bool inspect)
{
    size_t n;
    char *src = read_stdin(&n);
    if (!src) {
        fprintf(stderr, "stmpy: cannot read stdin\n");
        return 1;
    }
    Object *code = compile_source(src, n, "<stdin>");
    free(src);
    return run_code(code, m, inspect);
}

/* ---- -m MODULE --------------------------------------------------------------------- */

static bool is_file(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

static bool is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Looks for `last` in the directories of `path` (a list, or a namespace
   package's _NamespacePath): a package directory (*package set), a .py
   file, or else a directory without __init__.py (a namespace package,
   *package set); the file's name in out. */
static bool find_in(Object *path, const char *last, char *out, size_t size, bool *package)
{
    if (path && !is_small(path) && path->type != vm.t_list && !(path = list_from_iterable(path)))
        exc_clear();
    size_t n = path && !is_small(path) && path->type == vm.t_list ? list_size(path) : 0;
    bool portion = false;
    char first_portion[PATH_MAX + 64];
    for (size_t i = 0; i < n; i++) {
        Object *dir = list_get(path, i);
        if (!is_str(dir))
            continue;
        char d[PATH_MAX];
        str_cstr(dir, d, sizeof d);
        const char *sep = *d ? "/" : "";
        int k = snprintf(out, size, "%s%s%s/__init__.py", d, sep, last);
        if (k > 0 && (size_t)k < size && is_file(out)) {
            out[k - (int)strlen("/__init__.py")] = 0;
            *package = true;
            return true;
        }
        k = snprintf(out, size, "%s%s%s.py", d, sep, last);
        if (k > 0 && (size_t)k < size && is_file(out)) {
            *package = false;
            return true;
        }
        if (!portion) {
            k = snprintf(first_portion, sizeof first_portion, "%s%s%s", d, sep, last);
            portion = k > 0 && (size_t)k < size && is_dir(first_portion);
        }
    }
    if (portion) {
        snprintf(out, size, "%s", first_portion);
        *package = true;
    }
    return portion;
}

/* runpy's _run_module_as_main: the parent packages are imported, a package
   runs its __main__ submodule, and the module runs as __main__ with
   sys.argv[0] set to its file and the module's spec. */
static int run_module(const char *name, Object *m, bool inspect)
{
    char mod[1024], file[PATH_MAX + 64];
    snprintf(mod, sizeof mod, "%s", name);
    if (!*mod || *mod == '.') {
        fprintf(stderr, "stmpy: Relative module names not supported\n");
        return 1;
    }
    for (int depth = 0;; depth++) {
        char *dot = strrchr(mod, '.');
        Object *path;
        if (dot) {
            Object *parent = str_from_utf8(mod, (size_t)(dot - mod));
            Object *pm = parent ? import_name(parent, None, make_small(0), ((ModuleObj *)m)->dict) : NULL;
            pm = pm ? dict_get_str(vm.modules, parent) : NULL;
            if (!pm) {
                Object *e = exc_fetch();
                Object *s = e ? obj_str(e) : NULL;
                char msg[600];
                fprintf(stderr, "stmpy: Error while finding module specification for '%s' (%s: %s)\n", mod,
                        e ? type_name(type_of(e)) : "ImportError", s ? str_cstr(s, msg, sizeof msg) : "");
                exc_clear();
                return 1;
            }
            path = obj_getattr_cstr(pm, "__path__");
            if (!path) {
                exc_clear();
                fprintf(stderr, "stmpy: Error while finding module specification for '%s' "
                                "(ModuleNotFoundError: __path__ attribute not found on '%.*s' while "
                                "trying to find '%s')\n", mod, (int)(dot - mod), mod, mod);
                return 1;
            }
        } else {
            path = sys_get("path");
        }
        bool package;
        if (!find_in(path, dot ? dot + 1 : mod, file, sizeof file, &package)) {
            if (depth > 0) {
                mod[strlen(mod) - strlen(".__main__")] = 0;
                fprintf(stderr, "stmpy: No module named %s.__main__; '%s' is a package and cannot be "
                                "directly executed\n", mod, mod);
            } else {
                fprintf(stderr, "stmpy: No module named %s\n", mod);
            }
            return 1;
        }
        if (package) {
            if (depth > 0) {
                fprintf(stderr, "stmpy: Cannot use package as __main__ module\n");
                return 1;
            }
            /* The package itself is imported, then its __main__ runs. */
            if (!import_name(str_from_cstr(mod), None, make_small(0), ((ModuleObj *)m)->dict))
                return uncaught(inspect);
            size_t len = strlen(mod);
            snprintf(mod + len, sizeof mod - len, ".__main__");
            continue;
        }
        break;
    }
    char *dot = strrchr(mod, '.');
    Object *d = ((ModuleObj *)m)->dict;
    Object *av = sys_get("argv");
    if (av && !is_small(av) && av->type == vm.t_list && list_size(av))
        list_set(av, 0, str_from_cstr(file));
    if (dict_set_cstr(d, "__package__", dot ? str_from_utf8(mod, (size_t)(dot - mod)) : vm.empty_str) < 0
        || import_spec_main(m, mod, file) < 0)
        return uncaught(inspect);
    return run_file_in_module(file, m, true) ? 0 : uncaught(inspect);
}

/* ---- the REPL ------------------------------------------------------------------------- */

enum { LINE_OK, LINE_EOF, LINE_INTERRUPT };
/* cli_edit.c: libedit, kept apart (its header's names clash with the VM's). */
void edit_init(void);
int edit_line(const char *prompt, char **out);

typedef struct PlainRead {
    char *buf;
    int err;
} PlainRead;

static void *read_plain(void *arg)
{
    PlainRead *r = arg;
    size_t cap = 0;
    errno = 0;
    ssize_t n = getline(&r->buf, &cap, stdin);
    r->err = errno;
    if (n < 0) {
        free(r->buf);
        r->buf = NULL;
    } else if (n && r->buf[n - 1] == '\n') {
        r->buf[n - 1] = 0;
    }
    return NULL;
}

/* One line without line editing; the prompt goes to stderr, as CPython
   writes it.  A signal (Ctrl-C) runs its Python handler as in edit_line. */
static int plain_line(const char *prompt, char **out)
{
    fputs(prompt, stderr);
    fflush(stderr);
    for (;;) {
        PlainRead r = { NULL, 0 };
        os_blocking(read_plain, &r);
        if (r.buf) {
            *out = r.buf;
            return LINE_OK;
        }
        if (r.err != EINTR && !signals_pending)
            return LINE_EOF;
        clearerr(stdin);
        if (signals_check() < 0)
            return LINE_INTERRUPT;
    }
}

static bool blank_line(const char *s)
{
    while (*s == ' ' || *s == '\t' || *s == '\f' || *s == '\r')
        s++;
    return !*s;
}

/* Whether the input so far is a whole statement: 1 run it, 0 read more.
   Compound statements end at a blank line; input cut short by the end of
   the text (open brackets, open triple-quoted strings, a missing block)
   asks for more.  Errors of any other kind are reported when compiling
   (1). */
static int input_complete(const char *text, size_t len, int nlines, bool last_blank)
{
    SyntaxErr err;
    memset(&err, 0, sizeof err);
    Source src = { .filename = "<stdin>", .text = text, .len = len };
    Arena *arena = arena_new();
    Module *mod = parse_interactive(arena, &src, &err);
    int r = 1;
    if (mod) {
        const Stmt *s = SEQ_LEN(mod->body) ? SEQ_GET(mod->body, 0) : NULL;
        bool compound = false;
        if (s) {
            switch (s->kind) {
            case Stmt_FunctionDef: case Stmt_AsyncFunctionDef: case Stmt_ClassDef:
            case Stmt_For: case Stmt_AsyncFor: case Stmt_While: case Stmt_If:
            case Stmt_With: case Stmt_AsyncWith: case Stmt_Match: case Stmt_Try: case Stmt_TryStar:
                compound = true;
                break;
            default:
                break;
            }
        }
        r = compound && !last_blank ? 0 : 1;
    } else if (strstr(err.msg, "was never closed") || strstr(err.msg, "unterminated triple-quoted")
               || strstr(err.msg, "unexpected EOF")) {
        r = 0;
    } else if (!last_blank && (err.lineno > nlines || strstr(err.msg, "expected an indented block"))) {
        r = 0;
    }
    arena_free(arena);
    return r;
}

static char *prompt_text(const char *name, const char *dflt)
{
    Object *p = sys_get(name);
    Object *s = p ? obj_str(p) : NULL;
    size_t n;
    char *u = s ? str_to_utf8(s, &n) : NULL;
    if (!u) {
        exc_clear();
        u = strdup(dflt);
    }
    return u;
}

/* Prints the exception in flight as the REPL does; SystemExit ends the
   REPL with its status (returned, else -1). */
static int repl_error(void)
{
    Object *e = exc_occurred();
    if (e && is_instance_of(e, vm.e_SystemExit))
        return handle_uncaught();
    e = exc_fetch();
    if (!e)
        return -1;
    exc_clear();
    sys_set("last_type", (Object *)type_of(e));
    sys_set("last_value", e);
    sys_set("last_traceback", exception_traceback(e));
    print_exception(e);
    return -1;
}

static int repl(Object *m, bool tty)
{
    Object *d = ((ModuleObj *)m)->dict;
    if ((!sys_get("ps1") && sys_set("ps1", str_from_cstr(">>> ")) < 0)
        || (!sys_get("ps2") && sys_set("ps2", str_from_cstr("... ")) < 0))
        return handle_uncaught();
    if (tty)
        edit_init();
    for (;;) {
        char *buf = NULL;
        size_t len = 0;
        int nlines = 0;
        bool run = false;
        while (!run) {
            io_flush_std();
            char *prompt = prompt_text(nlines ? "ps2" : "ps1", nlines ? "... " : ">>> ");
            char *line = NULL;
            int st = tty ? edit_line(prompt, &line) : plain_line(prompt, &line);
            free(prompt);
            if (st == LINE_EOF) {
                free(buf);
                fputc('\n', tty ? stdout : stderr);
                return 0;
            }
            if (st == LINE_INTERRUPT) {
                exc_clear();
                fputs("\nKeyboardInterrupt\n", stderr);
                fflush(stderr);
                break;
            }
            bool blank = blank_line(line);
            if (!nlines && blank) {
                free(line);
                break;
            }
            size_t n = strlen(line);
            char *nb = realloc(buf, len + n + 2);
            if (!nb) {
                free(line);
                break;
            }
            buf = nb;
            memcpy(buf + len, line, n);
            len += n;
            buf[len++] = '\n';
            buf[len] = 0;
            free(line);
            nlines++;
            run = input_complete(buf, len, nlines, blank);
        }
        if (!run) {
            free(buf);
            continue;
        }
        Object *code = compile_source_mode(buf, len, "<stdin>", "single");
        free(buf);
        Object *r = code ? eval_main_code(code, d) : NULL;
        if (!r) {
            int status = repl_error();
            if (status >= 0)
                return status;
        }
    }
}

static void banner(void)
{
    fprintf(stderr, "Python %s (stmpy) on linux\n", STMPY_PYTHON_VERSION);
}

/* ---- the command ---------------------------------------------------------------------- */

int vm_main(const VmOptions *o)
{
    io_std_unbuffered = o->unbuffered;
    /* sys.argv: ['-c', args...], ['-m', args...] until the module is found,
       [FILE, args...], or [''] (stdin, the REPL). */
    int argc = o->argc + 1;
    char **argv = malloc((size_t)argc * sizeof *argv);
    if (!argv)
        return 1;
    argv[0] = o->command ? "-c" : o->module ? "-m" : o->script ? (char *)o->script : "";
    for (int i = 0; i < o->argc; i++)
        argv[i + 1] = o->argv[i];
    bool ok = vm_init(argc, argv);
    free(argv);
    if (!ok) {
        fprintf(stderr, "stmpy: cannot start the interpreter\n");
        return 1;
    }
    Object *m = apply_options(o) == 0 ? main_module() : NULL;
    if (!m)
        return handle_uncaught();
    bool from_stdin = !o->command && !o->module && (!o->script || !strcmp(o->script, "-"));
    bool tty = isatty(0);
    int status = 0;
    if (o->command)
        status = run_code(compile_source(o->command, strlen(o->command), "<string>"), m, o->inspect);
    else if (o->module)
        status = run_module(o->module, m, o->inspect);
    else if (!from_stdin)
        status = run_script(o->script, m, o->inspect);
    /* Line editing when both ends are a terminal, as CPython's readline. */
    bool edit = tty && isatty(1);
    if (from_stdin && (o->inspect || tty)) {
        if (!o->quiet)
            banner();
        status = repl(m, edit);
    } else if (from_stdin) {
        status = run_stdin(m, false);
    } else if (o->inspect) {
        status = repl(m, edit);
    }
    /* threading's non-daemon threads are joined (mod_thread.c), then
       atexit's calls, then the buffered standard streams: mod_atexit.c,
       mod_io_text.c. */
    thread_shutdown();
    atexit_run();
    io_flush_std();
    vm_exit();
    return status;
}
