/*
** Where stmpy's import statement (run.c) meets importlib.
**
** The import statement keeps its own loader in C: sys.modules, the C
** modules, then the source files along sys.path.  importlib is not
** imported at start-up (it would cost every program its compilation);
** once a program imports it, this file does what CPython's start-up does
** with it: sys.meta_path gets importlib's BuiltinImporter, FrozenImporter
** and PathFinder, sys.path_hooks its FileFinder hook, and every module
** already loaded from a file gets the __spec__ and __loader__ that
** importlib would have given it.  From then on, each module the import
** statement loads gets them too, and an import statement goes through
** importlib (sys.meta_path in order) whenever sys.meta_path holds a
** finder of the program's own.  docs/vm.md, "importlib".
*/
#include "vm/runtime.h"

Object *import_name(Object *name, Object *fromlist, Object *level, Object *globals);

static Object *loaded(const char *name)
{
    return dict_get_cstr(vm.modules, name);
}

/* importlib._bootstrap_external once importlib has tied it to
   _bootstrap (importlib/__init__.py), else NULL. */
static Object *bootstrap_external(void)
{
    Object *ext = loaded("importlib._bootstrap_external");
    if (!ext || is_small(ext) || layout_of(ext) != L_MODULE)
        return NULL;
    Object *b = dict_get_cstr(((ModuleObj *)ext)->dict, "_bootstrap");
    return b && !is_small(b) && layout_of(b) == L_MODULE ? ext : NULL;
}

/* The spec importlib's PathFinder would find for a module read from
   `file`, set on the module with importlib's own _init_module_attrs. */
static int give_spec(Object *ext, Object *m, Object *name, Object *file)
{
    Object *bootstrap = dict_get_cstr(((ModuleObj *)ext)->dict, "_bootstrap");
    Object *make = obj_getattr_cstr(ext, "spec_from_file_location");
    Object *init = make ? obj_getattr_cstr(bootstrap, "_init_module_attrs") : NULL;
    Object *args[2] = { name, file };
    Object *spec = init ? obj_call(make, args, 2, NULL) : NULL;
    if (!spec)
        return -1;
    if (spec == None)
        return 0;
    Object *a[2] = { spec, m };
    return obj_call(init, a, 2, NULL) ? 0 : -1;
}

int import_spec_set(Object *m, Object *name, const char *file)
{
    Object *ext = bootstrap_external();
    if (!ext)
        return 0;
    Object *f = str_from_cstr(file);
    return f ? give_spec(ext, m, name, f) : -1;
}

/* __main__ run by -m gets the spec runpy gives it: importlib's, under the
   module's own name (so importlib is loaded first, as runpy loads it). */
int import_spec_main(Object *m, const char *name, const char *file)
{
    Object *n = str_from_cstr(name);
    if (!n || !import_name(intern_cstr("importlib"), None, make_small(0), vm.builtins))
        return -1;
    Object *ext = bootstrap_external();
    Object *f = ext ? str_from_cstr(file) : NULL;
    return f ? give_spec(ext, m, n, f) : -1;
}

static int append_attr(Object *list, Object *from, const char *name)
{
    Object *v = obj_getattr_cstr(from, name);
    return v ? list_append(list, v) : -1;
}

/* Modules loaded before importlib: those read from a file get their spec
   now; the C modules got theirs from importlib's _setup(). */
static int backfill_specs(Object *ext)
{
    Object *items = list_from_iterable(vm.modules);
    if (!items)
        return -1;
    for (size_t i = 0; i < list_size(items); i++) {
        Object *name = list_get(items, i);
        Object *m = is_str(name) ? dict_get_str(vm.modules, name) : NULL;
        if (!m || is_small(m) || layout_of(m) != L_MODULE || str_eq_cstr(name, "__main__"))
            continue;
        Object *d = ((ModuleObj *)m)->dict;
        Object *spec = dict_get_cstr(d, "__spec__");
        Object *file = dict_get_cstr(d, "__file__");
        if ((spec && spec != None) || !file || !is_str(file))
            continue;
        /* Under its own name: sys.modules["os.path"] is posixpath. */
        Object *own = dict_get_cstr(d, "__name__");
        if (give_spec(ext, m, own && is_str(own) ? own : name, file) < 0)
            return -1;
    }
    return 0;
}

/* CPython's start-up, done when the importlib package has been loaded. */
static int importlib_attach(void)
{
    Object *ext = bootstrap_external();
    if (!ext)
        return 0;
    Object *bootstrap = dict_get_cstr(((ModuleObj *)ext)->dict, "_bootstrap");
    Object *sysd = ((ModuleObj *)vm.sys)->dict;
    Object *meta = dict_get_cstr(sysd, "meta_path");
    Object *path_finder = obj_getattr_cstr(ext, "PathFinder");
    if (!path_finder)
        return -1;
    if (!meta || is_small(meta) || meta->type != vm.t_list)
        return 0;
    int has = obj_contains(meta, path_finder);
    if (has < 0)
        return -1;
    if (!has) {
        Object *install = obj_getattr_cstr(ext, "_install");
        if (!install || append_attr(meta, bootstrap, "BuiltinImporter") < 0
            || append_attr(meta, bootstrap, "FrozenImporter") < 0 || !obj_call1(install, bootstrap))
            return -1;
    }
    return backfill_specs(ext);
}

int import_loaded(Object *fullname)
{
    return str_eq_cstr(fullname, "importlib") ? importlib_attach() : 0;
}

/* A finder of the program's own in sys.meta_path: anything but
   importlib's three. */
static bool custom_finders(Object *ext)
{
    Object *meta = dict_get_cstr(((ModuleObj *)vm.sys)->dict, "meta_path");
    if (!meta || is_small(meta) || meta->type != vm.t_list || !list_size(meta))
        return false;
    Object *bootstrap = dict_get_cstr(((ModuleObj *)ext)->dict, "_bootstrap");
    Object *known[3] = {
        dict_get_cstr(((ModuleObj *)bootstrap)->dict, "BuiltinImporter"),
        dict_get_cstr(((ModuleObj *)bootstrap)->dict, "FrozenImporter"),
        dict_get_cstr(((ModuleObj *)ext)->dict, "PathFinder"),
    };
    for (size_t i = 0; i < list_size(meta); i++) {
        Object *f = list_get(meta, i);
        if (f != known[0] && f != known[1] && f != known[2])
            return true;
    }
    return false;
}

/* The import statement done by importlib: sys.meta_path in order. */
static Object *find_and_load(Object *ext, Object *fullname)
{
    Object *bootstrap = dict_get_cstr(((ModuleObj *)ext)->dict, "_bootstrap");
    Object *find = obj_getattr_cstr(bootstrap, "_find_and_load");
    Object *gcd = find ? obj_getattr_cstr(bootstrap, "_gcd_import") : NULL;
    Object *args[2] = { fullname, gcd };
    return gcd ? obj_call(find, args, 2, NULL) : NULL;
}

Object *import_by_finders(Object *fullname)
{
    Object *ext = bootstrap_external();
    if (!ext || !custom_finders(ext))
        return NULL;
    return find_and_load(ext, fullname);
}

/* A namespace package (PEP 420): the C loader found directories of that
   name but no module or regular package.  importlib's PathFinder builds
   it, with the _NamespacePath, loader and spec CPython gives it (loading
   importlib first, as CPython has it loaded all along). */
Object *import_namespace(Object *fullname)
{
    if (!import_name(intern_cstr("importlib"), None, make_small(0), vm.builtins))
        return NULL;
    Object *ext = bootstrap_external();
    return ext ? find_and_load(ext, fullname) : raise(vm.e_ImportError, "importlib is not set up");
}
