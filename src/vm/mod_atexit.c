/*
** The atexit module.  The registered calls run in reverse order at
** interpreter exit (atexit_run, called by vm_main before the streams are
** flushed), each error printed and passed over, as CPython does.
*/
#include "vm/eval.h"
#include "vm/mod_os.h"

/* A list of (func, args tuple, kwargs dict or None), made at start-up and
   only ever changed in place: threads of the STM flavour read this global
   outside any transaction's tracking, so it must always name the same
   committed object. */
static Object *calls;

static Object *ae_register(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (nargs < 1)
        return raise(vm.e_TypeError, "register() takes at least 1 argument (0 given)");
    if (!type_of(args[0])->call)
        return raise(vm.e_TypeError, "the first argument must be callable");
    size_t nkw = kw ? tuple_size(kw) : 0;
    Object *kwargs = None;
    if (nkw) {
        kwargs = dict_new();
        for (size_t i = 0; kwargs && i < nkw; i++)
            if (dict_set(kwargs, tuple_get(kw, i), args[nargs + i]) < 0)
                return NULL;
    }
    Object *pos = tuple_from_array(args + 1, nargs - 1);
    Object *entry = pos && kwargs ? tuple_pack(3, args[0], pos, kwargs) : NULL;
    return entry && list_append(calls, entry) == 0 ? args[0] : NULL;
}

static Object *ae_unregister(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("unregister", kw, nargs, 1) < 0)
        return NULL;
    for (size_t i = list_size(calls); i-- > 0;) {
        if (i >= list_size(calls))
            continue;
        int eq = obj_richcompare_bool(tuple_get(list_get(calls, i), 0), args[0], CMP_EQ);
        if (eq < 0 || (eq && i < list_size(calls) && list_delete_range(calls, i, i + 1) < 0))
            return NULL;
    }
    return None;
}

static Object *ae_clear(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("_clear", kw, nargs, 0) < 0)
        return NULL;
    return list_delete_range(calls, 0, list_size(calls)) < 0 ? NULL : None;
}

static Object *ae_ncallbacks(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return args_exact("_ncallbacks", kw, nargs, 0) < 0 ? NULL : make_small((intptr_t)list_size(calls));
}

void atexit_run(void)
{
    while (calls && list_size(calls)) {
        size_t n = list_size(calls);
        Object *e = list_get(calls, n - 1);
        if (list_delete_range(calls, n - 1, n) < 0)
            return;
        Object *kwargs = tuple_get(e, 2);
        if (!call_with_tuple_and_dict(tuple_get(e, 0), tuple_get(e, 1), kwargs == None ? NULL : kwargs)) {
            if (exc_matches(vm.e_SystemExit))
                exc_clear();
            else
                report_unraisable("Exception ignored in atexit callback", tuple_get(e, 0));
        }
    }
}

static Object *ae_run_exitfuncs(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("_run_exitfuncs", kw, nargs, 0) < 0)
        return NULL;
    atexit_run();
    return None;
}

bool atexit_init(void)
{
    stm_add_root((stm_obj **)&calls);
    calls = list_new(0);
    return calls != NULL;
}

Object *atexit_module_init(void)
{
    static const MethodDef functions[] = {
        { "register", ae_register, 0 }, { "unregister", ae_unregister, 0 },
        { "_clear", ae_clear, 0 }, { "_ncallbacks", ae_ncallbacks, 0 },
        { "_run_exitfuncs", ae_run_exitfuncs, 0 }, { NULL, NULL, 0 },
    };
    return os_module_new("atexit", functions);
}
