/*
** The _imp module: what Lib/importlib/_bootstrap.py and
** _bootstrap_external.py ask of the interpreter.  stmpy's `import`
** statement runs its own loader (run.c); importlib runs beside it, on
** its own finders and loaders, for importlib.import_module, find_spec,
** reload and the like (docs/vm.md, "importlib").
**
** stmpy has no frozen modules and loads no C extensions: the frozen
** queries answer "not frozen", and extension_suffixes() is empty, so
** that importlib's FileFinder never picks an ExtensionFileLoader.
*/
#include "vm/mod_os.h"

bool builtin_module_known(Object *name);

static Object *str_arg(const char *fname, Object *v)
{
    if (!is_str(v))
        return raise(vm.e_TypeError, "%s() argument must be str, not %s", fname,
                     type_name(type_of(v)));
    return v;
}

/* ---- the import lock ------------------------------------------------------------ */

/* The lock is a _thread.RLock, passed to these functions as their self:
   importlib only needs it to guard its own table of module locks. */

static Object *imp_acquire_lock(Object *lock, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("acquire_lock", kw, nargs, 0) < 0)
        return NULL;
    Object *acquire = obj_getattr_cstr(lock, "acquire");
    return acquire && obj_call0(acquire) ? None : NULL;
}

static Object *imp_release_lock(Object *lock, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("release_lock", kw, nargs, 0) < 0)
        return NULL;
    Object *owned = obj_getattr_cstr(lock, "_is_owned");
    Object *r = owned ? obj_call0(owned) : NULL;
    if (!r)
        return NULL;
    if (r != True_)
        return raise(vm.e_RuntimeError, "not holding the import lock");
    Object *release = obj_getattr_cstr(lock, "release");
    return release && obj_call0(release) ? None : NULL;
}

/* Held by any thread: by this one, or not free for the taking. */
static Object *imp_lock_held(Object *lock, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("lock_held", kw, nargs, 0) < 0)
        return NULL;
    Object *owned = obj_getattr_cstr(lock, "_is_owned");
    Object *r = owned ? obj_call0(owned) : NULL;
    if (!r || r == True_)
        return r;
    Object *acquire = obj_getattr_cstr(lock, "acquire");
    Object *got = acquire ? obj_call1(acquire, False_) : NULL;
    if (!got)
        return NULL;
    if (got == False_)
        return True_;
    Object *release = obj_getattr_cstr(lock, "release");
    return release && obj_call0(release) ? False_ : NULL;
}

/* ---- built-in modules ------------------------------------------------------------ */

/* 1 for a module built in C, -1 for sys and builtins, which cannot be
   made again, 0 for any other name. */
static Object *imp_is_builtin(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("is_builtin", kw, nargs, 1) < 0 || !str_arg("is_builtin", args[0]))
        return NULL;
    if (str_eq_cstr(args[0], "sys") || str_eq_cstr(args[0], "builtins"))
        return make_small(-1);
    return make_small(builtin_module_known(args[0]) ? 1 : 0);
}

/* A C module keeps its state in C: one module object per name, the one
   already in sys.modules when there is one. */
static Object *imp_create_builtin(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("create_builtin", kw, nargs, 1) < 0)
        return NULL;
    Object *name = obj_getattr_cstr(args[0], "name");
    if (!name)
        return NULL;
    if (!is_str(name))
        return raise(vm.e_TypeError, "name must be string, not %s", type_name(type_of(name)));
    Object *m = dict_get_str(vm.modules, name);
    if (m && (str_eq_cstr(name, "sys") || str_eq_cstr(name, "builtins") || builtin_module_known(name)))
        return m;
    m = builtin_module_find(name);
    return m || exc_occurred() ? m : None;
}

static Object *imp_exec_builtin(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return args_exact("exec_builtin", kw, nargs, 1) < 0 ? NULL : make_small(0);
}

/* ---- frozen modules: there are none ---------------------------------------------- */

static Object *no_frozen(Object *name)
{
    char b[300];
    raise(vm.e_ImportError, "No such frozen object named '%s'", str_cstr(name, b, sizeof b));
    Object *e = exc_occurred();
    if (e)
        ((Exception *)e)->fields[1] = name;   /* ImportError.name */
    return NULL;
}

static Object *imp_is_frozen(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("is_frozen", kw, nargs, 1) < 0 || !str_arg("is_frozen", args[0]))
        return NULL;
    return False_;
}

static Object *imp_is_frozen_package(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("is_frozen_package", kw, nargs, 1) < 0 || !str_arg("is_frozen_package", args[0]))
        return NULL;
    return no_frozen(args[0]);
}

static Object *imp_find_frozen(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    static const char *const names[] = { "", "withdata", NULL };
    Object *a[2];
    if (args_parse("find_frozen", args, nargs, kw, names, 1, 2, a) < 0 || !str_arg("find_frozen", a[0]))
        return NULL;
    return None;
}

static Object *imp_get_frozen_object(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    static const char *const names[] = { "", "", NULL };
    Object *a[2];
    if (args_parse("get_frozen_object", args, nargs, kw, names, 1, 2, a) < 0
        || !str_arg("get_frozen_object", a[0]))
        return NULL;
    return no_frozen(a[0]);
}

static Object *imp_init_frozen(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("init_frozen", kw, nargs, 1) < 0 || !str_arg("init_frozen", args[0]))
        return NULL;
    return None;
}

static Object *imp_frozen_module_names(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return args_exact("_frozen_module_names", kw, nargs, 0) < 0 ? NULL : vm.empty_tuple;
}

/* ---- extension modules: none can be loaded ------------------------------------------ */

static Object *imp_extension_suffixes(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return args_exact("extension_suffixes", kw, nargs, 0) < 0 ? NULL : list_new(0);
}

static Object *no_extensions(Object *spec)
{
    Object *origin = obj_getattr_cstr(spec, "origin");
    Object *r = origin ? obj_repr(origin) : NULL;
    char b[1000];
    return r ? raise(vm.e_ImportError, "stmpy cannot load C extension modules: %s",
                     str_cstr(r, b, sizeof b)) : NULL;
}

static Object *imp_create_dynamic(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_no_kw("create_dynamic", kw) < 0 || args_count("create_dynamic", nargs, 1, 2) < 0)
        return NULL;
    return no_extensions(args[0]);
}

static Object *imp_exec_dynamic(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("exec_dynamic", kw, nargs, 1) < 0)
        return NULL;
    Object *spec = obj_getattr_cstr(args[0], "__spec__");
    return spec ? no_extensions(spec) : NULL;
}

/* ---- code and .pyc support ------------------------------------------------------------ */

/* Code objects are immutable but for this renaming, which CPython does in
   place for code loaded from a .pyc that moved; the nested code objects
   are the constants that are code. */
static void code_set_filename(Object *code, Object *old, Object *name)
{
    Code *c = (Code *)code;
    if (!str_eq(c->filename, old))
        return;
    obj_write(code);
    c->filename = name;
    for (size_t i = 0; i < tuple_size(c->consts); i++) {
        Object *k = tuple_get(c->consts, i);
        if (!is_small(k) && k->type == vm.t_code)
            code_set_filename(k, old, name);
    }
}

static Object *imp_fix_co_filename(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("_fix_co_filename", kw, nargs, 2) < 0)
        return NULL;
    if (is_small(args[0]) || args[0]->type != vm.t_code)
        return raise(vm.e_TypeError, "_fix_co_filename() argument 1 must be code, not %s",
                     type_name(type_of(args[0])));
    if (!is_str(args[1]))
        return raise(vm.e_TypeError, "_fix_co_filename() argument 2 must be str, not %s",
                     type_name(type_of(args[1])));
    Object *old = ((Code *)args[0])->filename;
    if (!str_eq(old, args[1]))
        code_set_filename(args[0], old, args[1]);
    return None;
}

static inline uint64_t rotl(uint64_t x, int b) { return (x << b) | (x >> (64 - b)); }

#define SIPROUND                                                          \
    do {                                                                  \
        v0 += v1; v1 = rotl(v1, 13); v1 ^= v0; v0 = rotl(v0, 32);         \
        v2 += v3; v3 = rotl(v3, 16); v3 ^= v2;                            \
        v0 += v3; v3 = rotl(v3, 21); v3 ^= v0;                            \
        v2 += v1; v1 = rotl(v1, 17); v1 ^= v2; v2 = rotl(v2, 32);         \
    } while (0)

/* SipHash-1-3 keyed with (key, 0): the hash that hash-based .pyc files
   record, so the same as CPython's for the same key and source. */
static uint64_t siphash13(uint64_t k0, const unsigned char *p, size_t n)
{
    uint64_t k1 = 0;
    uint64_t v0 = k0 ^ 0x736f6d6570736575ull, v1 = k1 ^ 0x646f72616e646f6dull;
    uint64_t v2 = k0 ^ 0x6c7967656e657261ull, v3 = k1 ^ 0x7465646279746573ull;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t m = 0;
        for (int j = 7; j >= 0; j--)
            m = m << 8 | p[i + (size_t)j];
        v3 ^= m;
        SIPROUND;
        v0 ^= m;
    }
    uint64_t b = (uint64_t)n << 56;
    for (size_t j = 0; i + j < n; j++)
        b |= (uint64_t)p[i + j] << (8 * j);
    v3 ^= b;
    SIPROUND;
    v0 ^= b;
    v2 ^= 0xff;
    SIPROUND;
    SIPROUND;
    SIPROUND;
    return v0 ^ v1 ^ v2 ^ v3;
}

static Object *imp_source_hash(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    static const char *const names[] = { "key", "source", NULL };
    Object *a[2];
    if (args_parse("source_hash", args, nargs, kw, names, 2, 2, a) < 0)
        return NULL;
    int64_t key;
    ByteView src;
    if (os_arg_int(a[0], &key) < 0 || os_view_arg(a[1], &src) < 0)
        return NULL;
    uint64_t h = siphash13((uint64_t)key, src.data, src.size);
    keep_alive(a[1]);
    char out[8];
    for (int i = 0; i < 8; i++)
        out[i] = (char)(h >> (8 * i));
    return bytes_new(out, sizeof out);
}

Object *imp_module_init(void)
{
    static const MethodDef functions[] = {
        { "is_builtin", imp_is_builtin, 0 }, { "create_builtin", imp_create_builtin, 0 },
        { "exec_builtin", imp_exec_builtin, 0 }, { "is_frozen", imp_is_frozen, 0 },
        { "is_frozen_package", imp_is_frozen_package, 0 }, { "find_frozen", imp_find_frozen, 0 },
        { "get_frozen_object", imp_get_frozen_object, 0 }, { "init_frozen", imp_init_frozen, 0 },
        { "_frozen_module_names", imp_frozen_module_names, 0 },
        { "extension_suffixes", imp_extension_suffixes, 0 },
        { "create_dynamic", imp_create_dynamic, 0 }, { "exec_dynamic", imp_exec_dynamic, 0 },
        { "_fix_co_filename", imp_fix_co_filename, 0 }, { "source_hash", imp_source_hash, 0 },
        { NULL, NULL, 0 },
    };
    Object *m = os_module_new("_imp", functions);
    Object *thread = m ? import_name(intern_cstr("_thread"), NULL, NULL, NULL) : NULL;
    Object *rlock = thread ? obj_getattr_cstr(thread, "RLock") : NULL;
    Object *lock = rlock ? obj_call0(rlock) : NULL;
    if (!lock)
        return NULL;
    static const MethodDef lock_functions[] = {
        { "acquire_lock", imp_acquire_lock, 0 }, { "release_lock", imp_release_lock, 0 },
        { "lock_held", imp_lock_held, 0 }, { NULL, NULL, 0 },
    };
    for (const MethodDef *f = lock_functions; f->name; f++)
        os_module_add(m, f->name, builtin_new(f->name, f->fn, lock, m));
    os_module_add(m, "check_hash_based_pycs", intern_cstr("default"));
    return m;
}
