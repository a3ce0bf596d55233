/*
** The _transaction module: what lib/transaction.py builds the user's API
** on.  `atomic` and `exclusive_atomic` are context managers over libstm's
** atomic blocks (the transaction is not broken inside, so the block runs
** as one transaction: in the GIL flavour the lock is kept for its
** duration); `signals_enabled` lets a thread other than the main one run
** signal handlers.
*/
#include "vm/mod_os.h"

static Type *t_atomic, *t_signals_enabled;

/* An atomic context manager is a Native whose data[0] says whether it is
   the exclusive kind. */
static bool is_exclusive(Object *self)
{
    obj_read(self);
    return ((Native *)self)->data[0] != 0;
}

static Object *atomic_enter(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("__enter__", kw, nargs, 0) < 0)
        return NULL;
    stm_thread *tl = &vm_thread->stm;
    if (is_exclusive(self) && stm_atomic_depth(tl) > 0)
        return raise(vm.e_RuntimeError, "exclusive_atomic block can't be entered inside another atomic block");
    stm_atomic_enter(tl);
    return None;
}

static Object *atomic_exit(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_no_kw("__exit__", kw) < 0)
        return NULL;
    stm_thread *tl = &vm_thread->stm;
    if (stm_atomic_depth(tl) == 0)
        return raise(vm.e_RuntimeError, "atomic block exited more often than entered");
    stm_atomic_leave(tl);
#ifdef STM_FLAVOUR_STM
    /* What follows the block is another transaction: a block that was
       long is not lengthened further, and its writes reach the others.
       (With a GIL this would hand the lock over after every block.) */
    if (stm_atomic_depth(tl) == 0)
        stm_hint_commit_soon();
#endif
    return False_;
}

static Object *atomic_repr(Object *self)
{
    return str_from_cstr(is_exclusive(self) ? "<transaction.exclusive_atomic>" : "<transaction.atomic>");
}

static Object *signals_enter(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("__enter__", kw, nargs, 0) < 0)
        return NULL;
    ThreadState *ts = thread_state();
    obj_write((Object *)ts);
    ts->signals_enabled++;
    return None;
}

static Object *signals_exit(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_no_kw("__exit__", kw) < 0)
        return NULL;
    ThreadState *ts = thread_state();
    obj_write((Object *)ts);
    if (ts->signals_enabled == 0)
        return raise(vm.e_RuntimeError, "signals_enabled block exited more often than entered");
    ts->signals_enabled--;
    return False_;
}

static Object *tr_is_atomic(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("is_atomic", kw, nargs, 0) < 0)
        return NULL;
    return stm_atomic_depth(&vm_thread->stm) > 0 ? True_ : False_;
}

static Object *tr_getsegmentlimit(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("getsegmentlimit", kw, nargs, 0) < 0)
        return NULL;
    return make_small(stm_segment_count());
}

static Object *tr_hint_commit_soon(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("hint_commit_soon", kw, nargs, 0) < 0)
        return NULL;
    stm_hint_commit_soon();
    return None;
}

static Object *tr_is_inevitable(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("is_inevitable", kw, nargs, 0) < 0)
        return NULL;
    return stm_is_inevitable(&vm_thread->stm) ? True_ : False_;
}

static Type *context_type(Type **slot, const char *name, const MethodDef *methods)
{
    stm_add_root((stm_obj **)slot);
    Type *t = type_new_builtin(name, vm.t_object, L_NATIVE,
                               sizeof(struct Native) + sizeof(uint64_t), 0);
    dict_set_cstr(t->dict, "__module__", intern_cstr("transaction"));
    t->getattr = generic_getattr;
    type_inherit(t);
    type_add_methods(t, methods);
    *slot = t;
    return t;
}

static Object *context_new(Type *t, uint64_t data)
{
    Native *o = (Native *)vm_alloc(sizeof(struct Native) + sizeof(uint64_t), L_NATIVE, t);
    if (o)
        o->data[0] = data;
    return (Object *)o;
}

Object *transaction_module_init(void)
{
    static const MethodDef functions[] = {
        { "is_atomic", tr_is_atomic, 0 },
        { "getsegmentlimit", tr_getsegmentlimit, 0 },
        { "hint_commit_soon", tr_hint_commit_soon, 0 },
        { "is_inevitable", tr_is_inevitable, 0 },
        { NULL, NULL, 0 },
    };
    static const MethodDef atomic_methods[] = {
        { "__enter__", atomic_enter, 0 }, { "__exit__", atomic_exit, 0 }, { NULL, NULL, 0 },
    };
    static const MethodDef signals_methods[] = {
        { "__enter__", signals_enter, 0 }, { "__exit__", signals_exit, 0 }, { NULL, NULL, 0 },
    };
    /* The types are C globals: made by one transaction at a time, and one
       that is never rolled back. */
    os_irreversible("import _transaction");
    if (!t_atomic) {
        context_type(&t_atomic, "atomic", atomic_methods)->repr = atomic_repr;
        context_type(&t_signals_enabled, "signals_enabled", signals_methods);
    }
    Object *m = os_module_new("_transaction", functions);
    if (!m)
        return NULL;
    os_module_add(m, "atomic", context_new(t_atomic, 0));
    os_module_add(m, "exclusive_atomic", context_new(t_atomic, 1));
    os_module_add(m, "signals_enabled", context_new(t_signals_enabled, 0));
    os_module_add(m, "flavour", str_from_cstr(STM_FLAVOUR_NAME));
    return m;
}
