/*
** Modules written in C: the import system asks here, after sys.modules
** and before sys.path, for a module by name.  Each entry creates its
** module; the module is then kept in sys.modules like any other.
*/
#include "vm/runtime.h"

Object *math_module_init(void);
Object *posix_module_init(void);
Object *io_module_init(void);
Object *time_module_init(void);
Object *errno_module_init(void);
Object *atexit_module_init(void);
Object *signal_module_init(void);
Object *thread_module_init(void);
Object *transaction_module_init(void);
Object *itertools_module_init(void);
Object *collections_module_init(void);
Object *weakref_module_init(void);
Object *string_module_init(void);
Object *struct_module_init(void);
Object *sre_module_init(void);
Object *codecs_module_init(void);
Object *random_module_init(void);
Object *sha512_module_init(void);
Object *ast_module_init(void);
Object *posixsubprocess_module_init(void);
Object *select_module_init(void);
Object *array_module_init(void);
Object *zlib_module_init(void);
Object *csv_module_init(void);
Object *sha3_module_init(void);
Object *md5_module_init(void);
Object *sha1_module_init(void);
Object *sha256_module_init(void);
Object *operator_module_init(void);
Object *blake2_module_init(void);
Object *heapq_module_init(void);
Object *bisect_module_init(void);
Object *imp_module_init(void);
Object *warnings_module_init(void);
Object *marshal_module_init(void);
Object *binascii_module_init(void);
Object *contextvars_module_init(void);
Object *gc_module_init(void);
Object *unicodedata_module_init(void);
Object *cmath_module_init(void);
Object *socket_module_init(void);

static const struct {
    const char *name;
    Object *(*init)(void);
} builtin_modules[] = {
    { "math", math_module_init },
    { "posix", posix_module_init },
    { "_io", io_module_init },
    { "time", time_module_init },
    { "errno", errno_module_init },
    { "atexit", atexit_module_init },
    { "_signal", signal_module_init },
    { "_thread", thread_module_init },
    { "_transaction", transaction_module_init },
    { "itertools", itertools_module_init },
    { "_collections", collections_module_init },
    { "_weakref", weakref_module_init },
    { "_string", string_module_init },
    { "_struct", struct_module_init },
    { "_sre", sre_module_init },
    { "_codecs", codecs_module_init },
    { "_random", random_module_init },
    { "_sha512", sha512_module_init },
    { "_ast", ast_module_init },
    { "_posixsubprocess", posixsubprocess_module_init },
    { "select", select_module_init },
    { "array", array_module_init },
    { "zlib", zlib_module_init },
    { "_csv", csv_module_init },
    { "_sha3", sha3_module_init },
    { "_md5", md5_module_init },
    { "_sha1", sha1_module_init },
    { "_sha256", sha256_module_init },
    { "_operator", operator_module_init },
    { "_blake2", blake2_module_init },
    { "_heapq", heapq_module_init },
    { "_bisect", bisect_module_init },
    { "_imp", imp_module_init },
    { "_warnings", warnings_module_init },
    { "marshal", marshal_module_init },
    { "binascii", binascii_module_init },
    { "_contextvars", contextvars_module_init },
    { "gc", gc_module_init },
    { "unicodedata", unicodedata_module_init },
    { "cmath", cmath_module_init },
    { "_socket", socket_module_init },
};

bool codecs_setup(void);
bool random_setup(void);
bool sha512_setup(void);
bool fork_hooks_setup(void);
bool contextvars_setup(void);

/* What some of these modules keep in C globals, made at start-up: such a
   global must always name one committed object (STM flavour). */
bool builtin_modules_setup(void)
{
    return codecs_setup() && random_setup() && sha512_setup() && fork_hooks_setup()
           && contextvars_setup();
}

Object *builtin_module_find(Object *name)
{
    for (size_t i = 0; i < sizeof builtin_modules / sizeof builtin_modules[0]; i++) {
        if (!str_eq_cstr(name, builtin_modules[i].name))
            continue;
        Object *m = builtin_modules[i].init();
        if (m && dict_set(vm.modules, name, m) < 0)
            return NULL;
        return m;
    }
    return NULL;
}

bool builtin_module_known(Object *name)
{
    for (size_t i = 0; i < sizeof builtin_modules / sizeof builtin_modules[0]; i++)
        if (str_eq_cstr(name, builtin_modules[i].name))
            return true;
    return false;
}

/* sys.builtin_module_names: os.py looks for posix there. */
Object *builtin_module_names(void)
{
    size_t n = sizeof builtin_modules / sizeof builtin_modules[0];
    Object *t = tuple_new(n + 2);
    if (!t)
        return NULL;
    tuple_init_item(t, 0, intern_cstr("builtins"));
    tuple_init_item(t, 1, intern_cstr("sys"));
    for (size_t i = 0; i < n; i++)
        tuple_init_item(t, i + 2, intern_cstr(builtin_modules[i].name));
    return t;
}
