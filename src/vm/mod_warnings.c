/*
** The _warnings module, reduced to warn(): importlib's bootstrap imports
** _warnings as a built-in module and calls its warn().  Lib/warnings.py
** keeps its own filters and registries (its pure-Python fallback, taken
** because this module has no `filters`), and warn() here hands over to
** it: a C function adds no frame, so `stacklevel` counts the same frames
** as it would on CPython.  The compiler's warnings come here too
** (warnings_compile_hook).
*/
#include "compiler/syntax_error.h"
#include "vm/mod_os.h"

static Object *warnings_warn(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    static const char *const names[] = { "message", "category", "stacklevel", "source", NULL };
    Object *a[4];
    if (args_parse("warn", args, nargs, kw, names, 1, 4, a) < 0)
        return NULL;
    Object *mod = import_name(intern_cstr("warnings"), NULL, NULL, NULL);
    Object *warn = mod ? obj_getattr_cstr(mod, "warn") : NULL;
    if (!warn)
        return NULL;
    Object *call[4] = { a[0], a[1] ? a[1] : None, a[2] ? a[2] : make_small(1), a[3] ? a[3] : None };
    return obj_call(warn, call, 4, NULL);
}

/* Source.warn for code compiled by the VM: warnings.warn_explicit() with
   the file's name and line and no module (so the filters match the name
   less ".py"), as CPython's compiler warns.  1 when the filters made the
   warning an error of its own category, which the compiler then reports
   as a SyntaxError; -1 with any other exception left set. */
int warnings_compile_hook(const Source *src, WarnCategory cat, int lineno, const char *msg)
{
    Type *t = cat == WARN_DEPRECATION ? vm.e_DeprecationWarning : vm.e_SyntaxWarning;
    Object *mod = import_name(intern_cstr("warnings"), NULL, NULL, NULL);
    Object *warn = mod ? obj_getattr_cstr(mod, "warn_explicit") : NULL;
    Object *text = warn ? str_from_cstr(msg) : NULL;
    Object *file = text ? str_from_cstr(src->filename) : NULL;
    Object *args[4] = { text, (Object *)t, file, make_small(lineno) };
    if (file && obj_call(warn, args, 4, NULL))
        return 0;
    if (exc_matches(t)) {
        exc_clear();
        return 1;
    }
    return -1;
}

Object *warnings_module_init(void)
{
    static const MethodDef functions[] = {
        { "warn", warnings_warn, 0 }, { NULL, NULL, 0 },
    };
    return os_module_new("_warnings", functions);
}
