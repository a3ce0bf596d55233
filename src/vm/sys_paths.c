/*
** The parts of sys that describe the installation and the import
** machinery's state: prefixes, the executable, the importlib hooks, and
** the encoding and tracing queries that the standard library reads.
*/
#include <limits.h>
#include <string.h>
#include <unistd.h>

#include "vm/runtime.h"

static Object *sys_getdefaultencoding(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return args_exact("getdefaultencoding", kw, nargs, 0) < 0 ? NULL : intern_cstr("utf-8");
}

/* stmpy runs no tracing or profiling functions: None is the one value
   these accept, so that code which saves and restores them (doctest,
   threading) runs, and code that needs tracing learns it cannot. */
static Object *no_hook(const char *fname, Object *kw, size_t nargs, Object *const *args)
{
    if (args_exact(fname, kw, nargs, 1) < 0)
        return NULL;
    if (args[0] != None)
        return raise(vm.e_NotImplementedError, "stmpy does not run %s functions",
                     fname[3] == 't' ? "trace" : "profile");
    return None;
}

static Object *sys_settrace(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return no_hook("settrace", kw, nargs, args);
}

static Object *sys_setprofile(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return no_hook("setprofile", kw, nargs, args);
}

static Object *sys_gettrace(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return args_exact("gettrace", kw, nargs, 0) < 0 ? NULL : None;
}

static Object *sys_getprofile(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return args_exact("getprofile", kw, nargs, 0) < 0 ? NULL : None;
}

static Object *sys_is_finalizing(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return args_exact("is_finalizing", kw, nargs, 0) < 0 ? NULL : False_;
}

/* The installation prefix is where the standard library lives, less
   lib/python3.11; sysconfig and site build their paths from it. */
static Object *prefix_of(const char *stdlib)
{
    static const char tail[] = "/lib/python3.11";
    size_t n = strlen(stdlib);
    while (n > 1 && stdlib[n - 1] == '/')
        n--;
    size_t t = sizeof tail - 1;
    if (n > t && memcmp(stdlib + n - t, tail, t) == 0)
        return str_from_utf8(stdlib, n - t);
    while (n > 1 && stdlib[n - 1] != '/')
        n--;
    return str_from_utf8(stdlib, n > 1 ? n - 1 : n);
}

void sys_paths_init(Object *d, const char *stdlib)
{
    Object *prefix = prefix_of(stdlib);
    static const char *const prefixes[] = { "prefix", "base_prefix", "exec_prefix", "base_exec_prefix" };
    for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++)
        dict_set_cstr(d, prefixes[i], prefix);
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    Object *executable = n > 0 ? str_from_utf8(exe, (size_t)n) : vm.empty_str;
    dict_set_cstr(d, "executable", executable);
    dict_set_cstr(d, "_base_executable", executable);
    dict_set_cstr(d, "_stdlib_dir", str_from_cstr(stdlib));
    dict_set_cstr(d, "platlibdir", intern_cstr("lib"));
    dict_set_cstr(d, "abiflags", vm.empty_str);
    dict_set_cstr(d, "api_version", make_small(1013));
    dict_set_cstr(d, "float_repr_style", intern_cstr("short"));
    dict_set_cstr(d, "maxunicode", make_small(0x10ffff));
    dict_set_cstr(d, "copyright", str_from_cstr("stmpy runs the Python Standard Library, "
                                                "Copyright (c) Python Software Foundation."));
    /* No .pyc files are read or written (docs/vm.md, "importlib"). */
    dict_set_cstr(d, "pycache_prefix", None);
    dict_set_cstr(d, "dont_write_bytecode", True_);
    /* Empty until importlib is set up: the import statement does not go
       through them (run.c). */
    dict_set_cstr(d, "meta_path", list_new(0));
    dict_set_cstr(d, "path_hooks", list_new(0));
    dict_set_cstr(d, "path_importer_cache", dict_new());
    static const MethodDef functions[] = {
        { "getdefaultencoding", sys_getdefaultencoding, 0 },
        { "settrace", sys_settrace, 0 }, { "gettrace", sys_gettrace, 0 },
        { "setprofile", sys_setprofile, 0 }, { "getprofile", sys_getprofile, 0 },
        { "is_finalizing", sys_is_finalizing, 0 },
        { NULL, NULL, 0 },
    };
    for (const MethodDef *f = functions; f->name; f++)
        dict_set_cstr(d, f->name, builtin_new(f->name, f->fn, vm.sys, vm.sys));
}
