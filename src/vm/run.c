/*
** Running programs: compiling source into code objects, executing a
** module, importing modules from sys.path, and the top level that prints
** uncaught exceptions and turns SystemExit into an exit status.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "compiler/compile.h"
#include "compiler/parser.h"
#include "vm/eval.h"
#include "vm/runtime.h"

Object *code_from_unit(const CodeUnit *u);
int warnings_compile_hook(const Source *src, WarnCategory cat, int lineno, const char *msg);
void atexit_run(void);
void thread_shutdown(void);
void io_flush_std(void);


/* A SyntaxError instance with CPython's attributes, from the compiler's
   error record. */
void raise_syntax_error(const SyntaxErr *e, const Source *src)
{
    if (e->kind == ERR_RAISED)
        return;
    Type *t = e->kind == ERR_INDENTATION ? vm.e_IndentationError
            : e->kind == ERR_TAB ? vm.e_TabError
            : e->kind == ERR_MEMORY ? vm.e_MemoryError
            : e->kind == ERR_RECURSION ? vm.e_RecursionError : vm.e_SyntaxError;
    size_t len = 0;
    const char *line = e->has_text ? e->text : src_line(src, e->lineno, &len);
    if (e->has_text)
        len = strlen(e->text);
    Object *text = line ? str_from_utf8(line, len) : None;
    Object *details = tuple_pack(6, str_from_cstr(src->filename), make_small(e->lineno),
                                 make_small(e->offset), text, make_small(e->end_lineno),
                                 make_small(e->end_offset));
    Object *args = tuple_pack(2, str_from_cstr(e->msg), details);
    Object *exc = args ? exception_new(t, args) : NULL;
    if (!exc)
        return;
    Exception *x = (Exception *)exc;
    x->fields[0] = str_from_cstr(e->msg);
    x->fields[1] = str_from_cstr(src->filename);
    x->fields[2] = make_small(e->lineno);
    x->fields[3] = make_small(e->offset);
    x->fields[4] = text;
    x->fields[5] = make_small(e->end_lineno);
    x->fields[6] = make_small(e->end_offset);
    exc_restore(exc);
}

/* Source bytes -> code object, or NULL with SyntaxError set. */
Object *compile_source(const char *bytes, size_t n, const char *filename)
{
    SyntaxErr err;
    memset(&err, 0, sizeof err);
    Source src = { .filename = filename, .warn = warnings_compile_hook };
    size_t len;
    char *text = source_decode(bytes, n, &len, &err);
    if (!text) {
        raise_syntax_error(&err, &src);
        return NULL;
    }
    src.text = text;
    src.len = len;
    Arena *arena = arena_new();
    Object *code = NULL;
    Module *m = parse_module(arena, &src, &err);
    CodeUnit *u = m ? compile_module(arena, m, &src, &err, 0) : NULL;
    if (u)
        code = code_from_unit(u);
    else
        raise_syntax_error(&err, &src);
    arena_free(arena);
    free(text);
    return code;
}

/* compile()'s modes: 'exec', 'eval' and 'single', each with the parser's
   entry point for it. */
Object *compile_source_mode(const char *bytes, size_t n, const char *filename, const char *mode)
{
    SyntaxErr err;
    memset(&err, 0, sizeof err);
    Source src = { .filename = filename, .warn = warnings_compile_hook };
    size_t len;
    bool eval = !strcmp(mode, "eval"), single = !strcmp(mode, "single");
    /* eval() ignores leading blanks, as CPython does. */
    if (eval)
        while (n && (*bytes == ' ' || *bytes == '\t'))
            bytes++, n--;
    char *text = source_decode(bytes, n, &len, &err);
    if (!text) {
        raise_syntax_error(&err, &src);
        return NULL;
    }
    src.text = text;
    src.len = len;
    Arena *arena = arena_new();
    CodeUnit *u = NULL;
    if (eval) {
        Expr *e = parse_eval_input(arena, &src, &err);
        u = e ? compile_eval(arena, e, &src, &err, 0) : NULL;
    } else {
        Module *m = single ? parse_interactive(arena, &src, &err) : parse_module(arena, &src, &err);
        u = !m ? NULL : single ? compile_interactive(arena, m, &src, &err, 0)
                               : compile_module(arena, m, &src, &err, 0);
    }
    Object *code = NULL;
    if (u)
        code = code_from_unit(u);
    else
        raise_syntax_error(&err, &src);
    arena_free(arena);
    free(text);
    return code;
}

/* main: the program itself, run in a base loop (eval_main_code). */
Object *run_file_in_module(const char *path, Object *module, bool main)
{
    size_t n;
    char *bytes = source_read_file(path, &n);
    if (!bytes)
        return raise(vm.e_FileNotFoundError, "[Errno 2] No such file or directory: '%s'", path);
    Object *code = compile_source(bytes, n, path);
    free(bytes);
    if (!code)
        return NULL;
    Object *d = ((ModuleObj *)module)->dict;
    if (dict_set_cstr(d, "__file__", str_from_cstr(path)) < 0
        || dict_set_cstr(d, "__builtins__", vm.builtins) < 0)
        return NULL;
    return main ? eval_main_code(code, d) : eval_code(code, d, d);
}

/* ---- import ------------------------------------------------------------------ */

static bool is_file(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

/* An attribute of what sys.modules holds, which need not be a module;
   NULL and no exception when it has none. */
static Object *module_attr(Object *m, Object *name)
{
    if (!is_small(m) && layout_of(m) == L_MODULE)
        return dict_get_str(((ModuleObj *)m)->dict, name);
    Object *v = obj_getattr(m, name);
    if (!v)
        exc_clear();
    return v;
}

int import_spec_set(Object *m, Object *name, const char *file);
int import_loaded(Object *fullname);
Object *import_by_finders(Object *fullname);
Object *import_namespace(Object *fullname);

static bool is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Finds and runs `fullname` (dotted) whose parent package, if any, is
   already imported; search in `path` (a list of directory names).  A
   directory of that name without __init__.py makes it a namespace
   package, unless a module or regular package comes later in `path`. */
static Object *load_module(Object *fullname, Object *path)
{
    char name[512], last[512];
    str_cstr(fullname, name, sizeof name);
    const char *dot = strrchr(name, '.');
    snprintf(last, sizeof last, "%s", dot ? dot + 1 : name);
    size_t n = list_size(path);
    bool portion = false;
    for (size_t i = 0; i < n; i++) {
        Object *dir = list_get(path, i);
        if (!is_str(dir))
            continue;
        char d[4096], file[5200], pkgdir[4700];
        str_cstr(dir, d, sizeof d);
        snprintf(pkgdir, sizeof pkgdir, "%s%s%s", d, *d ? "/" : "", last);
        snprintf(file, sizeof file, "%s/__init__.py", pkgdir);
        bool package = is_file(file);
        if (!package) {
            snprintf(file, sizeof file, "%s%s%s.py", d, *d ? "/" : "", last);
            if (!is_file(file)) {
                portion = portion || is_dir(pkgdir);
                continue;
            }
        }
        Object *m = module_new(fullname);
        if (!m)
            return NULL;
        Object *md = ((ModuleObj *)m)->dict;
        if (package) {
            Object *sub = list_new(0);
            if (!sub || list_append(sub, str_from_cstr(pkgdir)) < 0
                || dict_set_cstr(md, "__path__", sub) < 0
                || dict_set_cstr(md, "__package__", fullname) < 0)
                return NULL;
        } else {
            Object *pkg = dot ? str_from_utf8(name, (size_t)(dot - name)) : vm.empty_str;
            if (!pkg || dict_set_cstr(md, "__package__", pkg) < 0)
                return NULL;
        }
        if (dict_set(vm.modules, fullname, m) < 0)
            return NULL;
        if (import_spec_set(m, fullname, file) < 0 || !run_file_in_module(file, m, false)) {
            Object *e = exc_fetch();
            if (dict_del(vm.modules, fullname) < 0)
                exc_clear();
            exc_restore(e);
            return NULL;
        }
        if (import_loaded(fullname) < 0)
            return NULL;
        /* The module may have replaced itself in sys.modules. */
        Object *final = dict_get_str(vm.modules, fullname);
        return final ? final : m;
    }
    if (portion)
        return import_namespace(fullname);
    char b[512];
    raise(vm.e_ModuleNotFoundError, "No module named '%s'", str_cstr(fullname, b, sizeof b));
    Object *exc = exc_occurred();
    if (exc)
        ((Exception *)exc)->fields[1] = fullname;   /* ImportError.name */
    return NULL;
}

/* Imports one dotted name, each package first; returns the last module. */
static Object *import_dotted(Object *fullname)
{
    Object *m = dict_get_str(vm.modules, fullname);
    if (m)
        return m;
    m = import_by_finders(fullname);
    if (m || exc_occurred())
        return m;
    m = builtin_module_find(fullname);
    if (m || exc_occurred())
        return m;
    size_t n = str_len(fullname);
    Object *path = dict_get_cstr(((ModuleObj *)vm.sys)->dict, "path");
    for (size_t i = n; i > 0; i--) {
        if (str_char(fullname, i - 1) != '.')
            continue;
        Object *parent_name = obj_getitem(fullname, slice_new(make_small(0), make_small((intptr_t)i - 1), None));
        Object *parent = parent_name ? import_dotted(parent_name) : NULL;
        if (!parent)
            return NULL;
        m = dict_get_str(vm.modules, fullname);
        if (m)
            return m;
        Object *ppath = module_attr(parent, intern_cstr("__path__"));
        if (!ppath) {
            char b[512], p[512];
            return raise(vm.e_ModuleNotFoundError, "No module named '%s'; '%s' is not a package",
                         str_cstr(fullname, b, sizeof b), str_cstr(parent_name, p, sizeof p));
        }
        /* A package's __path__ may be any iterable of directory names. */
        if (is_small(ppath) || ppath->type != vm.t_list)
            ppath = list_from_iterable(ppath);
        m = ppath ? load_module(fullname, ppath) : NULL;
        if (m) {
            Object *last = obj_getitem(fullname, slice_new(make_small((intptr_t)i), None, None));
            if (!last || obj_setattr(parent, str_intern(last), m) < 0)
                return NULL;
        }
        return m;
    }
    if (!path || is_small(path) || path->type != vm.t_list)
        return raise(vm.e_ImportError, "sys.path must be a list of directory names");
    return load_module(fullname, path);
}

/* The package a relative import is relative to. */
static Object *resolve_name(Object *name, int64_t level, Object *globals)
{
    if (level == 0)
        return name;
    Object *pkg = dict_get_cstr(globals, "__package__");
    if (pkg && pkg != None && !is_str(pkg))
        return raise(vm.e_TypeError, "package must be a string");
    if (!pkg || pkg == None) {
        Object *modname = dict_get_cstr(globals, "__name__");
        if (!modname)
            return raise(vm.e_ImportError, "attempted relative import with no known parent package");
        if (!is_str(modname))
            return raise(vm.e_TypeError, "__name__ must be a string");
        pkg = modname;
        if (!dict_get_cstr(globals, "__path__")) {
            intptr_t i = (intptr_t)str_len(modname) - 1;
            while (i >= 0 && str_char(modname, (size_t)i) != '.')
                i--;
            if (i < 0)
                return raise(vm.e_ImportError, "attempted relative import with no known parent package");
            pkg = obj_getitem(modname, slice_new(make_small(0), make_small(i), None));
        }
    }
    if (!is_str(pkg) || str_len(pkg) == 0)
        return raise(vm.e_ImportError, "attempted relative import with no known parent package");
    Object *base = pkg;
    for (int64_t k = 1; k < level; k++) {
        intptr_t i = (intptr_t)str_len(base) - 1;
        while (i >= 0 && str_char(base, (size_t)i) != '.')
            i--;
        if (i < 0)
            return raise(vm.e_ImportError, "attempted relative import beyond top-level package");
        base = obj_getitem(base, slice_new(make_small(0), make_small(i), None));
    }
    if (str_len(name) == 0)
        return base;
    return str_concat(str_concat(base, vm.one_char['.']), name);
}

Object *import_name(Object *name, Object *fromlist, Object *level, Object *globals)
{
    int64_t lv = 0;
    if (level && int_to_i64(level, &lv) < 0)
        return NULL;
    Object *full = resolve_name(name, lv, globals);
    if (!full)
        return NULL;
    Object *m = import_dotted(full);
    if (!m)
        return NULL;
    bool has_from = fromlist && fromlist != None && obj_truth(fromlist) == 1;
    /* __import__ may be given any sequence: a list, typically. */
    if (has_from && (is_small(fromlist) || fromlist->type != vm.t_tuple)) {
        Object *l = list_from_iterable(fromlist);
        if (!l || !(fromlist = list_as_tuple(l)))
            return NULL;
    }
    if (has_from) {
        /* from package import submodule: load submodules named there. */
        Object *ppath = module_attr(m, intern_cstr("__path__"));
        for (size_t i = 0; ppath && i < tuple_size(fromlist); i++) {
            Object *item = tuple_get(fromlist, i);
            if (!is_str(item))
                return raise(vm.e_TypeError, "Item in ``from list'' must be str, not %s",
                             type_name(type_of(item)));
            if (str_eq_cstr(item, "*") || module_attr(m, item))
                continue;
            Object *sub = str_concat(str_concat(full, vm.one_char['.']), item);
            if (!sub || !import_dotted(sub)) {
                /* Only the submodule itself missing means "not a module". */
                Object *e = exc_occurred();
                if (!exc_matches(vm.e_ModuleNotFoundError) || !((Exception *)e)->fields[1]
                    || !is_str(((Exception *)e)->fields[1]) || !str_eq(((Exception *)e)->fields[1], sub))
                    return NULL;
                exc_clear();
            }
        }
        return m;
    }
    if (lv > 0 || str_len(name) == 0)
        return m;
    /* import a.b.c binds a: return the top package. */
    size_t n = str_len(full), i = 0;
    while (i < n && str_char(full, i) != '.')
        i++;
    if (i == n)
        return m;
    Object *top = obj_getitem(full, slice_new(make_small(0), make_small((intptr_t)i), None));
    return top ? dict_get_str(vm.modules, top) : NULL;
}

Object *import_from(Object *module, Object *name)
{
    Object *v = obj_getattr(module, name);
    if (v || !exc_matches(vm.e_AttributeError))
        return v;
    exc_clear();
    Object *mname = obj_getattr_cstr(module, "__name__");
    if (mname && is_str(mname)) {
        Object *full = str_concat(str_concat(mname, vm.one_char['.']), name);
        Object *m = full ? dict_get_str(vm.modules, full) : NULL;
        if (m)
            return m;
    } else {
        exc_clear();
    }
    char nb[200], mb[200], fb[1000];
    Object *file = !is_small(module) && layout_of(module) == L_MODULE
                   ? dict_get_cstr(((ModuleObj *)module)->dict, "__file__") : NULL;
    snprintf(fb, sizeof fb, "unknown location");
    if (file && is_str(file))
        str_cstr(file, fb, sizeof fb);
    raise(vm.e_ImportError, "cannot import name '%s' from '%s' (%s)", str_cstr(name, nb, sizeof nb),
          mname && is_str(mname) ? str_cstr(mname, mb, sizeof mb) : "<unknown module name>", fb);
    Object *e = exc_occurred();
    if (e) {
        ((Exception *)e)->fields[1] = mname && is_str(mname) ? mname : None;
        ((Exception *)e)->fields[2] = file ? file : None;
    }
    return NULL;
}

int import_star(Object *module, Object *locals)
{
    Object *d = module_attr(module, intern_cstr("__dict__"));
    if (!is_small(module) && layout_of(module) == L_MODULE)
        d = ((ModuleObj *)module)->dict;
    Object *all = module_attr(module, intern_cstr("__all__"));
    if (!all && (!d || is_small(d) || !type_is_subtype(d->type, vm.t_dict))) {
        raise(vm.e_ImportError, "from-import-* object has no __dict__ and no __all__");
        return -1;
    }
    if (all) {
        Object *it = obj_iter(all);
        for (Object *k; it && (k = obj_next(it));) {
            Object *v = obj_getattr(module, k);
            if (!v || obj_setitem(locals, k, v) < 0)
                return -1;
        }
        return exc_occurred() ? -1 : 0;
    }
    size_t pos = 0;
    Object *k, *v;
    while (dict_next(d, &pos, &k, &v)) {
        if (is_str(k) && str_len(k) && str_char(k, 0) == '_')
            continue;
        if (obj_setitem(locals, k, v) < 0)
            return -1;
    }
    return 0;
}

/* ---- the top level ---------------------------------------------------------------- */

/* Exit status for an uncaught exception (SystemExit's code), printing the
   traceback otherwise. */
int handle_uncaught(void)
{
    Object *exc = exc_fetch();
    if (!exc)
        return 0;
    if (is_instance_of(exc, vm.e_SystemExit)) {
        Object *code = ((Exception *)exc)->fields[0];
        if (!code || code == None)
            return 0;
        if (is_int(code)) {
            int64_t c;
            if (int_to_i64(code, &c) == 0)
                return (int)(c & 0xff);
            exc_clear();
            return 1;
        }
        Object *s = obj_str(code);
        if (s) {
            size_t n;
            char *u = str_to_utf8(s, &n);
            fflush(stdout);
            if (u) {
                fprintf(stderr, "%s\n", u);
                free(u);
            }
        }
        exc_clear();
        return 1;
    }
    print_exception(exc);
    exc_clear();
    return 1;
}

int vm_run_main(const char *path)
{
    Object *m = module_new(intern_cstr("__main__"));
    if (!m || dict_set(vm.modules, intern_cstr("__main__"), m) < 0)
        return handle_uncaught();
    /* Only the script itself missing is reported this way: the same
       error raised by the program is an uncaught exception. */
    FILE *script = fopen(path, "rb");
    if (!script) {
        fprintf(stderr, "stmpy: can't open file '%s': [Errno 2] No such file or directory\n", path);
        return 2;
    }
    fclose(script);
    Object *r = run_file_in_module(path, m, true);
    return r ? 0 : handle_uncaught();
}

/* vm_main, the command's modes (-c, -m, stdin, the REPL): cli.c. */
