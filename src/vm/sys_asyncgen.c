/*
** sys.get_asyncgen_hooks and sys.set_asyncgen_hooks, which asyncio's
** event loop swaps around run_forever().  The hooks are per thread, as in
** CPython, kept in the thread's ThreadState.dict.  An async generator
** calls firstiter when it is first iterated and keeps the finalizer,
** which its own finalizer calls (generator.c): asyncio's loop keeps its
** async generators in a weak set and closes them with aclose().
*/
#include "vm/mod_os.h"

/* Made at start-up (sys_asyncgen_init). */
static Type *hooks_type;

static const char *const keys[2] = {
    "sys.asyncgen_hooks.firstiter", "sys.asyncgen_hooks.finalizer",
};

Object *asyncgen_hook(bool finalizer)
{
    Object *d = thread_dict();
    Object *h = d ? dict_get_cstr(d, keys[finalizer]) : NULL;
    if (!d)
        exc_clear();
    return h && h != None ? h : NULL;
}

static Object *get_hooks(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("get_asyncgen_hooks", kw, nargs, 0) < 0)
        return NULL;
    Object *d = thread_dict();
    if (!d)
        return NULL;
    Object *v[2];
    for (int i = 0; i < 2; i++) {
        v[i] = dict_get_cstr(d, keys[i]);
        if (!v[i])
            v[i] = None;
    }
    return structseq_new(hooks_type, v);
}

/* set_asyncgen_hooks(firstiter=..., finalizer=...): a hook left out keeps
   its value. */
static Object *set_hooks(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    static const char *const names[] = { "firstiter", "finalizer", NULL };
    Object *a[2];
    if (args_parse("set_asyncgen_hooks", args, nargs, kw, names, 0, 2, a) < 0)
        return NULL;
    for (int i = 0; i < 2; i++)
        if (a[i] && a[i] != None && !type_of(a[i])->call)
            return raise(vm.e_TypeError, "callable %s expected, got %s", names[i],
                         type_name(type_of(a[i])));
    Object *d = thread_dict();
    if (!d)
        return NULL;
    for (int i = 0; i < 2; i++)
        if (a[i] && dict_set_cstr(d, keys[i], a[i]) < 0)
            return NULL;
    return None;
}

void sys_asyncgen_init(Object *sys_dict, Object *sys_module)
{
    static const char *const fields[] = { "firstiter", "finalizer" };
    stm_add_root((stm_obj **)&hooks_type);
    hooks_type = structseq_type("sys", "asyncgen_hooks", fields, 2, 2);
    dict_set_cstr(sys_dict, "get_asyncgen_hooks",
                  builtin_new("get_asyncgen_hooks", get_hooks, sys_module, sys_module));
    dict_set_cstr(sys_dict, "set_asyncgen_hooks",
                  builtin_new("set_asyncgen_hooks", set_hooks, sys_module, sys_module));
}
