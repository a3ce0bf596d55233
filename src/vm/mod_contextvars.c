/*
** The _contextvars module: ContextVar, Token and Context.
**
** A Context's mapping is a dict that is never changed once published:
** ContextVar.set() and reset() put a changed copy in its place, so
** Context.copy() shares the dict and stays a snapshot (CPython uses a
** HAMT for the same effect; contexts hold few variables, the copy is
** cheap).  The current context belongs to the thread: it is kept in the
** thread state's dict, made empty on first use, so that threads running
** at once in the STM flavour never share it through a C global.
*/
#include "vm/container.h"
#include "vm/runtime.h"

Object *getset_new(Type *owner, const char *name, Object *(*get)(Object *),
                   int (*set)(Object *, Object *));

typedef STM_SEG struct Ctx Ctx;
struct Ctx {                    /* an L_NATIVE object */
    OBJECT_HEAD;
    Object *dict;
    Object *vars;               /* dict: ContextVar -> value, never written */
    Object *refs_[NATIVE_REFS - 2];
    bool entered;
};

typedef STM_SEG struct Var Var;
struct Var {
    OBJECT_HEAD;
    Object *dict;
    Object *name;
    Object *def;                /* the default, NULL if none */
    Object *refs_[NATIVE_REFS - 3];
};

typedef STM_SEG struct Tok Tok;
struct Tok {
    OBJECT_HEAD;
    Object *dict;
    Object *ctx, *var;
    Object *old;                /* the value before set(), or MISSING */
    Object *refs_[NATIVE_REFS - 4];
    bool used;
};

/* Made at start-up: each global always names one committed object. */
static struct {
    Type *Context, *ContextVar, *Token;
    Object *missing;
} cv;

#define CURRENT_KEY "_contextvars.current"

static bool is_ctx(Object *v) { return !is_small(v) && type_of(v) == cv.Context; }
static bool is_var(Object *v) { return !is_small(v) && type_of(v) == cv.ContextVar; }

static Object *ctx_new(Object *vars)
{
    Ctx *c = (Ctx *)vm_alloc(sizeof(struct Ctx), L_NATIVE, cv.Context);
    if (!c)
        return NULL;
    c->vars = vars ? vars : dict_new();
    return c->vars ? (Object *)c : NULL;
}

static Object *ctx_vars(Object *c)
{
    obj_read(c);
    return ((Ctx *)c)->vars;
}

static Object *current_context(void)
{
    Object *d = thread_dict();
    if (!d)
        return NULL;
    Object *c = dict_get_cstr(d, CURRENT_KEY);
    if (c)
        return c;
    c = ctx_new(NULL);
    return c && dict_set_cstr(d, CURRENT_KEY, c) == 0 ? c : NULL;
}

static int set_current(Object *c)
{
    Object *d = thread_dict();
    return d ? dict_set_cstr(d, CURRENT_KEY, c) : -1;
}

/* A copy of c's mapping with var set to value (deleted if value is NULL). */
static int ctx_replace(Object *c, Object *var, Object *value)
{
    Object *vars = dict_new();
    if (!vars || dict_update(vars, ctx_vars(c)) < 0)
        return -1;
    if (value ? dict_set(vars, var, value) < 0 : dict_del(vars, var) < 0)
        return -1;
    obj_write(c);
    ((Ctx *)c)->vars = vars;
    return 0;
}

/* ---- Context -------------------------------------------------------------------- */

static Object *ctx_tp_new(Object *cls, Object *const *args, size_t nargs, Object *kw)
{
    if (nargs || (kw && tuple_size(kw)))
        return raise(vm.e_TypeError, "Context() does not accept any arguments");
    return ctx_new(NULL);
}

static Object *key_error_type(Object *key)
{
    Object *r = obj_repr(key);
    if (!r)
        return NULL;
    char b[200];
    return raise(vm.e_TypeError, "a ContextVar key was expected, got %s", str_cstr(r, b, sizeof b));
}

static Object *ctx_getitem(Object *self, Object *key)
{
    if (!is_var(key))
        return key_error_type(key);
    Object *v;
    int r = dict_lookup(ctx_vars(self), key, &v);
    if (r < 0)
        return NULL;
    if (!r) {
        Object *args = tuple_pack(1, key);
        return args ? raise_object(exception_new(vm.e_KeyError, args)) : NULL;
    }
    return v;
}

static int ctx_contains(Object *self, Object *key)
{
    if (!is_var(key)) {
        key_error_type(key);
        return -1;
    }
    Object *v;
    return dict_lookup(ctx_vars(self), key, &v);
}

static intptr_t ctx_length(Object *self) { return (intptr_t)dict_size(ctx_vars(self)); }

static Object *ctx_iter(Object *self) { return obj_iter(ctx_vars(self)); }

static Object *ctx_richcompare(Object *a, Object *b, CmpOp op)
{
    if (!is_ctx(a) || !is_ctx(b) || (op != CMP_EQ && op != CMP_NE))
        return NotImplemented;
    return obj_richcompare(ctx_vars(a), ctx_vars(b), op);
}

static Object *ctx_get(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    static const char *const names[] = { "key", "default", NULL };
    Object *a[2];
    if (args_no_kw("get", kw) < 0 || args_parse("get", args, nargs, kw, names, 1, 2, a) < 0)
        return NULL;
    if (!is_var(a[0]))
        return key_error_type(a[0]);
    Object *v;
    int r = dict_lookup(ctx_vars(self), a[0], &v);
    if (r < 0)
        return NULL;
    return r ? v : a[1] ? a[1] : None;
}

static Object *ctx_view(Object *self, const char *method)
{
    Object *m = obj_getattr_cstr(ctx_vars(self), method);
    return m ? obj_call0(m) : NULL;
}

static Object *ctx_keys(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return args_exact("keys", kw, nargs, 0) < 0 ? NULL : ctx_view(self, "keys");
}

static Object *ctx_values(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return args_exact("values", kw, nargs, 0) < 0 ? NULL : ctx_view(self, "values");
}

static Object *ctx_items(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return args_exact("items", kw, nargs, 0) < 0 ? NULL : ctx_view(self, "items");
}

static Object *ctx_copy(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return args_exact("copy", kw, nargs, 0) < 0 ? NULL : ctx_new(ctx_vars(self));
}

static Object *ctx_run(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (nargs < 1)
        return raise(vm.e_TypeError, "run() missing 1 required positional argument");
    obj_read(self);
    if (((Ctx *)self)->entered)
        return raise(vm.e_RuntimeError, "cannot enter context: <_contextvars.Context object at %#lx> "
                     "is already entered", (unsigned long)(uintptr_t)self);
    Object *prev = current_context();
    if (!prev || set_current(self) < 0)
        return NULL;
    obj_write(self);
    ((Ctx *)self)->entered = true;
    Object *r = obj_call(args[0], args + 1, nargs - 1, kw);
    obj_write(self);
    ((Ctx *)self)->entered = false;
    /* The exception in flight, if any, must survive restoring the context. */
    Object *exc = r ? NULL : exc_fetch();
    int s = set_current(prev);
    if (exc)
        exc_restore(exc);
    return s < 0 ? NULL : r;
}

static Object *f_copy_context(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("copy_context", kw, nargs, 0) < 0)
        return NULL;
    Object *c = current_context();
    return c ? ctx_new(ctx_vars(c)) : NULL;
}

/* ---- ContextVar ---------------------------------------------------------------------- */

static Object *var_tp_new(Object *cls, Object *const *args, size_t nargs, Object *kw)
{
    static const char *const names[] = { "name", "default", NULL };
    Object *a[2];
    if (nargs < 1)
        return raise(vm.e_TypeError, "ContextVar() takes exactly 1 positional argument (0 given)");
    if (args_parse("ContextVar", args, nargs, kw, names, 1, 1, a) < 0)
        return NULL;
    if (!is_str(a[0]))
        return raise(vm.e_TypeError, "context variable name must be a str");
    Var *v = (Var *)vm_alloc(sizeof(struct Var), L_NATIVE, cv.ContextVar);
    if (!v)
        return NULL;
    v->name = a[0];
    v->def = a[1];
    return (Object *)v;
}

static Object *var_lookup(Object *self, Object *dflt)
{
    Object *c = current_context();
    if (!c)
        return NULL;
    Object *v;
    int r = dict_lookup(ctx_vars(c), self, &v);
    if (r < 0)
        return NULL;
    if (r)
        return v;
    if (dflt)
        return dflt;
    obj_read(self);
    if (((Var *)self)->def)
        return ((Var *)self)->def;
    Object *args = tuple_pack(1, self);
    return args ? raise_object(exception_new(vm.e_LookupError, args)) : NULL;
}

static Object *var_get(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_no_kw("get", kw) < 0 || args_count("get", nargs, 0, 1) < 0)
        return NULL;
    return var_lookup(self, nargs ? args[0] : NULL);
}

static Object *var_set(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("set", kw, nargs, 1) < 0)
        return NULL;
    Object *c = current_context();
    if (!c)
        return NULL;
    Object *old;
    int r = dict_lookup(ctx_vars(c), self, &old);
    if (r < 0)
        return NULL;
    Tok *t = (Tok *)vm_alloc(sizeof(struct Tok), L_NATIVE, cv.Token);
    if (!t)
        return NULL;
    t->ctx = c;
    t->var = self;
    t->old = r ? old : cv.missing;
    return ctx_replace(c, self, args[0]) < 0 ? NULL : (Object *)t;
}

static Object *token_error(Type *t, Object *tok, const char *what)
{
    Object *r = obj_repr(tok);
    if (!r)
        return NULL;
    char b[300];
    return raise(t, "%s %s", str_cstr(r, b, sizeof b), what);
}

static Object *var_reset(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("reset", kw, nargs, 1) < 0)
        return NULL;
    Object *tok = args[0];
    if (is_small(tok) || type_of(tok) != cv.Token) {
        Object *r = obj_repr(tok);
        char b[200];
        return r ? raise(vm.e_TypeError, "expected an instance of Token, got %s",
                         str_cstr(r, b, sizeof b)) : NULL;
    }
    obj_read(tok);
    Tok *t = (Tok *)tok;
    if (t->used)
        return token_error(vm.e_RuntimeError, tok, "has already been used once");
    if (t->var != self)
        return token_error(vm.e_ValueError, tok, "was created by a different ContextVar");
    Object *c = current_context();
    if (!c)
        return NULL;
    if (t->ctx != c)
        return token_error(vm.e_ValueError, tok, "was created in a different Context");
    obj_write(tok);
    t->used = true;
    return ctx_replace(c, self, t->old == cv.missing ? NULL : t->old) < 0 ? NULL : None;
}

static Object *var_name(Object *self)
{
    obj_read(self);
    return ((Var *)self)->name;
}

static Object *var_repr(Object *self)
{
    obj_read(self);
    Var *v = (Var *)self;
    Object *name = obj_repr(v->name);
    Object *def = v->def ? obj_repr(v->def) : NULL;
    if (!name || (v->def && !def))
        return NULL;
    char nb[200], db[200];
    if (def)
        return str_format("<ContextVar name=%s default=%s at %#lx>", str_cstr(name, nb, sizeof nb),
                          str_cstr(def, db, sizeof db), (unsigned long)(uintptr_t)self);
    return str_format("<ContextVar name=%s at %#lx>", str_cstr(name, nb, sizeof nb), (unsigned long)(uintptr_t)self);
}

/* ---- Token --------------------------------------------------------------------------- */

static Object *tok_tp_new(Object *cls, Object *const *args, size_t nargs, Object *kw)
{
    return raise(vm.e_RuntimeError, "Tokens can only be created by ContextVars");
}

static Object *tok_var(Object *self)
{
    obj_read(self);
    return ((Tok *)self)->var;
}

static Object *tok_old_value(Object *self)
{
    obj_read(self);
    return ((Tok *)self)->old;
}

static Object *tok_repr(Object *self)
{
    obj_read(self);
    Tok *t = (Tok *)self;
    Object *var = obj_repr(t->var);
    if (!var)
        return NULL;
    char b[300];
    return str_format("<Token%s var=%s at %#lx>", t->used ? " used" : "", str_cstr(var, b, sizeof b),
                      (unsigned long)(uintptr_t)self);
}

static Object *missing_repr(Object *self) { return str_from_cstr("<Token.MISSING>"); }

/* ---- the module -------------------------------------------------------------------------- */

static Type *new_type(const char *name, size_t size)
{
    Type *t = type_new_builtin(name, vm.t_object, L_NATIVE, size, 0);
    dict_set_cstr(t->dict, "__module__", intern_cstr("_contextvars"));
    t->getattr = generic_getattr;
    return t;
}

bool contextvars_setup(void)
{
    if (cv.Context)
        return true;
    stm_add_root_range(&cv, sizeof cv);

    Type *m = new_type("Token.MISSING", sizeof(struct Native));
    m->repr = missing_repr;
    type_inherit(m);
    cv.missing = vm_alloc(sizeof(struct Native), L_NATIVE, m);

    Type *c = new_type("Context", sizeof(struct Ctx));
    c->tp_new = ctx_tp_new;
    c->getitem = ctx_getitem;
    c->contains = ctx_contains;
    c->length = ctx_length;
    c->iter = ctx_iter;
    c->richcompare = ctx_richcompare;
    static const MethodDef ctx_methods[] = {
        { "run", ctx_run, 0 }, { "copy", ctx_copy, 0 }, { "get", ctx_get, 0 },
        { "keys", ctx_keys, 0 }, { "values", ctx_values, 0 }, { "items", ctx_items, 0 },
        { NULL, NULL, 0 },
    };
    type_add_methods(c, ctx_methods);
    type_inherit(c);
    c->hash = NULL;
    dict_set_cstr(c->dict, "__hash__", None);

    Type *v = new_type("ContextVar", sizeof(struct Var));
    v->tp_new = var_tp_new;
    v->repr = var_repr;
    static const MethodDef var_methods[] = {
        { "get", var_get, 0 }, { "set", var_set, 0 }, { "reset", var_reset, 0 },
        { "__class_getitem__", class_getitem, METH_CLASS }, { NULL, NULL, 0 },
    };
    type_add_methods(v, var_methods);
    getset_new(v, "name", var_name, NULL);
    type_inherit(v);

    Type *t = new_type("Token", sizeof(struct Tok));
    t->tp_new = tok_tp_new;
    t->repr = tok_repr;
    static const MethodDef tok_methods[] = {
        { "__class_getitem__", class_getitem, METH_CLASS }, { NULL, NULL, 0 },
    };
    type_add_methods(t, tok_methods);
    getset_new(t, "var", tok_var, NULL);
    getset_new(t, "old_value", tok_old_value, NULL);
    dict_set_cstr(t->dict, "MISSING", cv.missing);
    type_inherit(t);

    cv.Context = c;
    cv.ContextVar = v;
    cv.Token = t;
    return cv.missing != NULL;
}

Object *contextvars_module_init(void)
{
    if (!contextvars_setup())
        return NULL;
    Object *m = module_new(intern_cstr("_contextvars"));
    if (!m)
        return NULL;
    Object *d = ((ModuleObj *)m)->dict;
    if (dict_set_cstr(d, "copy_context", builtin_new("copy_context", f_copy_context, m, m)) < 0
        || dict_set_cstr(d, "Context", (Object *)cv.Context) < 0
        || dict_set_cstr(d, "ContextVar", (Object *)cv.ContextVar) < 0
        || dict_set_cstr(d, "Token", (Object *)cv.Token) < 0)
        return NULL;
    return m;
}
