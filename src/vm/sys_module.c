/*
** The sys module: what programs and the import system read from it.
*/
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "vm/container.h"
#include "vm/mod_os.h"
#include "vm/runtime.h"

static Type *namespace_type, *version_info_type, *flags_type;

/* sys.flags, a struct sequence in CPython's field order, from the
   command-line options stmpy takes (-i, -q, -X dev).  dont_write_bytecode
   is 1, as -B would make it: stmpy writes no .pyc files; hash_randomization
   0: its str hashes are not randomized. */
int sys_set_flags(bool inspect, bool quiet, bool dev_mode)
{
    static const char *const names[] = {
        "debug", "inspect", "interactive", "optimize", "dont_write_bytecode",
        "no_user_site", "no_site", "ignore_environment", "verbose", "bytes_warning",
        "quiet", "hash_randomization", "isolated", "dev_mode", "utf8_mode",
        "warn_default_encoding", "safe_path", "int_max_str_digits",
    };
    enum { N = sizeof names / sizeof names[0] };
    if (!flags_type) {
        stm_add_root((stm_obj **)&flags_type);
        if (!(flags_type = structseq_type("sys", "flags", names, N, N)))
            return -1;
    }
    Object *v[N];
    for (size_t i = 0; i < N; i++)
        v[i] = make_small(0);
    v[1] = v[2] = make_small(inspect);
    v[4] = make_small(1);
    v[10] = make_small(quiet);
    v[13] = bool_obj(dev_mode);
    v[16] = False_;
    v[17] = make_small(-1);
    Object *flags = structseq_new(flags_type, v);
    return flags ? dict_set_cstr(((ModuleObj *)vm.sys)->dict, "flags", flags) : -1;
}

int os_startup(Object *sys_dict);
void sys_asyncgen_init(Object *sys_dict, Object *sys_module);
Object *builtin_module_names(void);

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

void io_flush_std(void);

/* sys.excepthook(type, value, traceback): the traceback as the top level
   prints it.  (threading falls back on it when its own hook fails.) */
static Object *sys_excepthook(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("excepthook", kw, nargs, 3) < 0)
        return NULL;
    io_flush_std();
    if (is_small(args[1]) || layout_of(args[1]) != L_EXCEPTION)
        fprintf(stderr, "TypeError: print_exception(): Exception expected for value, %s found\n",
                type_name(type_of(args[1])));
    else
        print_exception(args[1]);
    return None;
}

/* sys.displayhook: what the REPL and compile(..., 'single') print. */
static Object *sys_displayhook(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("displayhook", kw, nargs, 1) < 0)
        return NULL;
    Object *v = args[0];
    if (v == None)
        return None;
    if (dict_set_cstr(vm.builtins, "_", None) < 0)
        return NULL;
    Object *r = obj_repr(v);
    size_t n;
    char *u = r ? str_to_utf8(r, &n) : NULL;
    if (!u)
        return NULL;
    Object *out = dict_get_cstr(((ModuleObj *)vm.sys)->dict, "stdout");
    Object *w = out ? obj_getattr_cstr(out, "write") : NULL;
    if (w) {
        Object *line = str_from_utf8(u, n);
        Object *nl = line ? str_concat(line, intern_cstr("\n")) : NULL;
        free(u);
        if (!nl || !obj_call1(w, nl))
            return NULL;
    } else {
        if (out)
            exc_clear();
        fwrite(u, 1, n, stdout);
        fputc('\n', stdout);
        free(u);
    }
    return dict_set_cstr(vm.builtins, "_", v) < 0 ? NULL : None;
}

/* ---- types.SimpleNamespace (sys.implementation is one) ---------------------------- */

static Object *ns_new(Object *cls, Object *const *args, size_t nargs, Object *kw)
{
    return vm_alloc(sizeof(struct Instance), L_INSTANCE, (Type *)cls);
}

static int ns_init(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (nargs) {
        raise(vm.e_TypeError, "no positional arguments expected");
        return -1;
    }
    Object *d = instance_dict(self, true);
    if (!d)
        return -1;
    for (size_t i = 0; kw && i < tuple_size(kw); i++)
        if (dict_set(d, tuple_get(kw, i), args[i]) < 0)
            return -1;
    return 0;
}

static Object *ns_fields_repr(Object *self)
{
    Object *d = instance_dict(self, true);
    Object *parts = d ? list_new(0) : NULL;
    if (!parts)
        return NULL;
    size_t pos = 0;
    Object *k, *v;
    while (dict_next(d, &pos, &k, &v)) {
        Object *r = obj_repr(v);
        Object *eq = r ? str_concat(k, intern_cstr("=")) : NULL;
        Object *item = eq ? str_concat(eq, r) : NULL;
        if (!item || list_append(parts, item) < 0)
            return NULL;
    }
    return str_join(intern_cstr(", "), parts);
}

/* namespace(a=1, b=2); one that contains itself shows namespace(...). */
static Object *ns_repr(Object *self)
{
    Type *t = type_of(self);
    int g = repr_enter(self);
    if (g < 0)
        return NULL;
    Object *body = g ? intern_cstr("...") : ns_fields_repr(self);
    if (!g)
        repr_leave(self);
    Object *name = t == namespace_type ? intern_cstr("namespace") : t->name;
    Object *open = body ? str_concat(name, intern_cstr("(")) : NULL;
    Object *s = open ? str_concat(open, body) : NULL;
    return s ? str_concat(s, intern_cstr(")")) : NULL;
}

static Object *ns_richcompare(Object *a, Object *b, CmpOp op)
{
    Type *nt = namespace_type;
    if ((op != CMP_EQ && op != CMP_NE) || !is_instance_of(b, nt))
        return NotImplemented;
    Object *da = instance_dict(a, true), *db = instance_dict(b, true);
    return da && db ? obj_richcompare(da, db, op) : NULL;
}

/* __repr__ in the type's own dict: pprint dispatches on type(x).__repr__. */
static Object *ns_m_repr(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return args_exact("__repr__", kw, nargs, 0) < 0 ? NULL : ns_repr(self);
}

static void namespace_type_init(void)
{
    Type *t = type_new_builtin("SimpleNamespace", vm.t_object, L_INSTANCE, sizeof(struct Instance),
                               TF_HAS_DICT | TF_BASETYPE);
    t->qualname = t->name;
    t->tp_new = ns_new;
    t->init = ns_init;
    t->repr = ns_repr;
    t->richcompare = ns_richcompare;
    t->hash = NULL;
    type_inherit(t);
    t->hash = NULL;
    dict_set_cstr(t->dict, "__module__", intern_cstr("types"));
    dict_set_cstr(t->dict, "__hash__", None);
    static const MethodDef methods[] = { { "__repr__", ns_m_repr, 0 }, { NULL, NULL, 0 } };
    type_add_methods(t, methods);
    namespace_type = t;
}

/* int_methods.c */
Object *sys_get_int_max_str_digits(Object *self, Object *const *args, size_t nargs, Object *kw);
Object *sys_set_int_max_str_digits(Object *self, Object *const *args, size_t nargs, Object *kw);
int num_sys_info_init(Object *sys_dict);
void sys_paths_init(Object *sys_dict, const char *stdlib);

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
    const char *own = getenv("STMPY_LIB");
    list_append(path, str_from_cstr(own ? own : STMPY_LIBDIR));
    const char *lib = getenv("STMPY_STDLIB");
    list_append(path, str_from_cstr(lib ? lib : STMPY_STDLIB));
    dict_set_cstr(d, "path", path);
    sys_paths_init(d, lib ? lib : STMPY_STDLIB);
    dict_set_cstr(d, "maxsize", int_from_i64(INT64_MAX));
    num_sys_info_init(d);
    dict_set_cstr(d, "byteorder", str_from_cstr("little"));
    dict_set_cstr(d, "platform", str_from_cstr("linux"));
    dict_set_cstr(d, "version", str_from_cstr("3.11.0 (stmpy)"));
    /* A struct sequence: sys.version_info.major, as much code reads it. */
    static const char *const version_fields[] = { "major", "minor", "micro", "releaselevel", "serial" };
    Object *version[] = { make_small(3), make_small(11), make_small(0), str_from_cstr("final"),
                          make_small(0) };
    version_info_type = structseq_type("sys", "version_info", version_fields, 5, 5);
    if (version_info_type) {
        stm_add_root((stm_obj **)&version_info_type);
        dict_set_cstr(d, "version_info", structseq_new(version_info_type, version));
    }
    dict_set_cstr(d, "hexversion", make_small(0x030b00f0));
    namespace_type_init();
    Object *impl = ns_new((Object *)namespace_type, NULL, 0, NULL);
    Object *impl_dict = impl ? instance_dict(impl, true) : NULL;
    if (impl_dict) {
        dict_set_cstr(impl_dict, "name", intern_cstr("stmpy"));
        dict_set_cstr(impl_dict, "cache_tag", None);
        dict_set_cstr(impl_dict, "version", dict_get_cstr(d, "version_info"));
        dict_set_cstr(impl_dict, "hexversion", make_small(0x030b00f0));
        dict_set_cstr(impl_dict, "_multiarch", intern_cstr("x86_64-linux-gnu"));
        dict_set_cstr(d, "implementation", impl);
    }
    sys_set_flags(false, false, false);
    static const MethodDef functions[] = {
        { "exit", sys_exit, 0 },
        { "getrecursionlimit", sys_getrecursionlimit, 0 },
        { "setrecursionlimit", sys_setrecursionlimit, 0 },
        { "intern", sys_intern, 0 },
        { "get_int_max_str_digits", sys_get_int_max_str_digits, 0 },
        { "set_int_max_str_digits", sys_set_int_max_str_digits, 0 },
        { "exception", sys_exception, 0 },
        { "exc_info", sys_exc_info, 0 },
        { "_getframe", sys_getframe, 0 },
        { "displayhook", sys_displayhook, 0 },
        { "__displayhook__", sys_displayhook, 0 },
        { "excepthook", sys_excepthook, 0 },
        { "__excepthook__", sys_excepthook, 0 },
        { NULL, NULL, 0 },
    };
    for (const MethodDef *f = functions; f->name; f++)
        dict_set_cstr(d, f->name, builtin_new(f->name, f->fn, m, m));
    /* sys.stdin/stdout/stderr, builtins.open, the file-system encoding,
       SIGINT: mod_oserror.c. */
    os_startup(d);
    sys_asyncgen_init(d, m);
    dict_set_cstr(d, "builtin_module_names", builtin_module_names());
}
