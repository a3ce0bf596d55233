/*
** The sys module: what programs and the import system read from it.
*/
#include <stdint.h>
#include <string.h>
#include <unistd.h>

#include "vm/runtime.h"

#ifndef STMPY_STDLIB
#  define STMPY_STDLIB "/usr/lib/python3.11"
#endif

static Object *sys_exit(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_no_kw("exit", kw) < 0 || args_count("exit", nargs, 0, 1) < 0)
        return NULL;
    Object *a = nargs ? tuple_pack(1, args[0]) : vm.empty_tuple;
    Object *e = a ? exception_new(vm.e_SystemExit, a) : NULL;
    if (e)
        ((Exception *)e)->fields[0] = nargs ? args[0] : None;
    return e ? raise_object(e) : NULL;
}

static Object *sys_getrecursionlimit(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("getrecursionlimit", kw, nargs, 0) < 0)
        return NULL;
    return make_small(thread_state()->recursion_limit);
}

static Object *sys_setrecursionlimit(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("setrecursionlimit", kw, nargs, 1) < 0)
        return NULL;
    if (!is_int(args[0]))
        return raise(vm.e_TypeError, "'%s' object cannot be interpreted as an integer",
                     type_name(type_of(args[0])));
    int64_t n;
    if (int_to_i64(args[0], &n) < 0)
        return NULL;
    if (n < 1)
        return raise(vm.e_ValueError, "recursion limit must be greater or equal than 1");
    ThreadState *ts = thread_state();
    if ((uint64_t)n <= ts->depth)
        return raise(vm.e_RecursionError,
                     "cannot set the recursion limit to %lld at the recursion depth %u: the limit is too low",
                     (long long)n, ts->depth);
    obj_write((Object *)ts);
    ts->recursion_limit = n > UINT32_MAX ? UINT32_MAX : (uint32_t)n;
    return None;
}

static Object *sys_intern(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("intern", kw, nargs, 1) < 0)
        return NULL;
    if (!is_str(args[0]))
        return raise(vm.e_TypeError, "intern() argument must be str, not %s",
                     type_name(type_of(args[0])));
    return str_intern(args[0]);
}

Object *exception_traceback(Object *exc);

static Object *sys_exception(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("exception", kw, nargs, 0) < 0)
        return NULL;
    Object *h = thread_state()->handled;
    return h ? h : None;
}

static Object *sys_exc_info(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("exc_info", kw, nargs, 0) < 0)
        return NULL;
    Object *h = thread_state()->handled;
    if (!h || h == None)
        return tuple_pack(3, None, None, None);
    return tuple_pack(3, (Object *)type_of(h), h, exception_traceback(h));
}

static Object *sys_getframe(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_no_kw("_getframe", kw) < 0 || args_count("_getframe", nargs, 0, 1) < 0)
        return NULL;
    int64_t depth = 0;
    if (nargs && int_to_i64(args[0], &depth) < 0)
        return NULL;
    Object *f = thread_state()->frame;
    for (; f && depth > 0; depth--) {
        obj_read(f);
        f = ((Frame *)f)->back;
    }
    if (!f)
        return raise(vm.e_ValueError, "call stack is not deep enough");
    return f;
}

void sys_module_init(int argc, char **argv)
{
    Object *m = module_new(intern_cstr("sys"));
    Object *d = ((ModuleObj *)m)->dict;
    vm.sys = m;
    vm.modules = dict_new();
    dict_set_cstr(vm.modules, "sys", m);
    Object *bm = module_new(intern_cstr("builtins"));
    ((ModuleObj *)bm)->dict = vm.builtins;
    dict_set_cstr(vm.modules, "builtins", bm);
    dict_set_cstr(d, "modules", vm.modules);
    Object *av = list_new(0);
    for (int i = 0; i < argc; i++)
        list_append(av, str_from_cstr(argv[i]));
    dict_set_cstr(d, "argv", av);
    Object *path = list_new(0);
    const char *lib = getenv("STMPY_STDLIB");
    list_append(path, str_from_cstr(lib ? lib : STMPY_STDLIB));
    dict_set_cstr(d, "path", path);
    dict_set_cstr(d, "maxsize", int_from_i64(INT64_MAX));
    dict_set_cstr(d, "byteorder", str_from_cstr("little"));
    dict_set_cstr(d, "platform", str_from_cstr("linux"));
    dict_set_cstr(d, "version", str_from_cstr("3.11.0 (stmpy)"));
    dict_set_cstr(d, "version_info", tuple_pack(5, make_small(3), make_small(11), make_small(0),
                                                str_from_cstr("final"), make_small(0)));
    dict_set_cstr(d, "hexversion", make_small(0x030b00f0));
    static const MethodDef functions[] = {
        { "exit", sys_exit, 0 },
        { "getrecursionlimit", sys_getrecursionlimit, 0 },
        { "setrecursionlimit", sys_setrecursionlimit, 0 },
        { "intern", sys_intern, 0 },
        { "exception", sys_exception, 0 },
        { "exc_info", sys_exc_info, 0 },
        { "_getframe", sys_getframe, 0 },
        { NULL, NULL, 0 },
    };
    for (const MethodDef *f = functions; f->name; f++)
        dict_set_cstr(d, f->name, builtin_new(f->name, f->fn, m, m));
}
