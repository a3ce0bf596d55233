/*
** exit, quit and help: the builtins that CPython's site module adds (its
** _sitebuiltins.py).  stmpy runs no site module at start-up, so they are
** made here, as instances of two small types named as CPython's are.
*/
#include "vm/mod_os.h"

/* Quitter: `name` and `eof` in its __dict__, as _sitebuiltins keeps them. */
static Object *quitter_repr(Object *self)
{
    Object *d = instance_dict(self, true);
    Object *name = d ? dict_get_cstr(d, "name") : NULL, *eof = d ? dict_get_cstr(d, "eof") : NULL;
    Object *n = name ? obj_str(name) : NULL, *e = n && eof ? obj_str(eof) : NULL;
    char nb[100], eb[100];
    return e ? str_format("Use %s() or %s to exit", str_cstr(n, nb, sizeof nb), str_cstr(e, eb, sizeof eb))
             : NULL;
}

/* exit(code=None): closes sys.stdin, as a REPL reading it would stop,
   then raises SystemExit(code). */
static Object *quitter_call(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    static const char *const names[] = { "code", NULL };
    Object *code[1];
    if (args_parse("__call__", args, nargs, kw, names, 0, 1, code) < 0)
        return NULL;
    Object *in = dict_get_cstr(((ModuleObj *)vm.sys)->dict, "stdin");
    Object *close = in ? obj_getattr_cstr(in, "close") : NULL;
    if (!close || !obj_call0(close))
        exc_clear();
    Object *a = tuple_pack(1, code[0] ? code[0] : None);
    Object *e = a ? exception_new(vm.e_SystemExit, a) : NULL;
    if (e)
        ((Exception *)e)->fields[0] = code[0] ? code[0] : None;
    return e ? raise_object(e) : NULL;
}

static Object *helper_repr(Object *self)
{
    return str_from_cstr("Type help() for interactive help, or help(object) for help about object.");
}

/* help(...) is pydoc's, imported on the first call. */
static Object *helper_call(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    Object *pydoc = import_name(intern_cstr("pydoc"), NULL, NULL, NULL);
    Object *help = pydoc ? obj_getattr_cstr(pydoc, "help") : NULL;
    return help ? obj_call(help, args, nargs, kw) : NULL;
}

static Type *site_type(const char *name, UnaryFn *repr, CallFn *call)
{
    Type *t = type_new_builtin(name, vm.t_object, L_INSTANCE, sizeof(struct Instance), TF_HAS_DICT);
    t->qualname = t->name;
    t->repr = repr;
    t->call = call;
    type_inherit(t);
    dict_set_cstr(t->dict, "__module__", intern_cstr("_sitebuiltins"));
    return t;
}

static Object *quitter_new(Type *t, const char *name)
{
    Object *q = vm_alloc(sizeof(struct Instance), L_INSTANCE, t);
    Object *d = q ? instance_dict(q, true) : NULL;
    if (!d || dict_set_cstr(d, "name", intern_cstr(name)) < 0
        || dict_set_cstr(d, "eof", intern_cstr("Ctrl-D (i.e. EOF)")) < 0)
        return NULL;
    return q;
}

void builtins_site_init(Object *builtins)
{
    Type *quitter = site_type("Quitter", quitter_repr, quitter_call);
    Type *helper = site_type("_Helper", helper_repr, helper_call);
    dict_set_cstr(builtins, "exit", quitter_new(quitter, "exit"));
    dict_set_cstr(builtins, "quit", quitter_new(quitter, "quit"));
    dict_set_cstr(builtins, "help", vm_alloc(sizeof(struct Instance), L_INSTANCE, helper));
}
