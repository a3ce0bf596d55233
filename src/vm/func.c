/*
** Functions written in Python, functions written in C, bound methods and
** cells: creation, calls and binding.
*/
#include <string.h>

#include "compiler/code.h"
#include "compiler/opcodes.h"
#include "vm/eval.h"
#include "vm/runtime.h"

Object *function_new(Object *code, Object *globals, Object *qualname)
{
    Function *f = (Function *)vm_alloc(sizeof(struct Function), L_FUNCTION, vm.t_function);
    if (!f)
        return NULL;
    Code *c = (Code *)code;
    f->code = code;
    f->globals = globals;
    f->name = c->name;
    f->qualname = qualname ? qualname : c->qualname;
    /* The compiler puts a function's docstring, or None, first among its
       constants. */
    Object *first = tuple_size(c->consts) ? tuple_get(c->consts, 0) : None;
    f->doc = is_str(first) ? first : None;
    Object *b = dict_get_cstr(globals, "__builtins__");
    if (b && !is_small(b) && b->type == vm.t_module)
        b = ((ModuleObj *)b)->dict;
    f->builtins = b && !is_small(b) && b->type == vm.t_dict ? b : vm.builtins;
    f->module = dict_get_cstr(globals, "__name__");
    return (Object *)f;
}

/* types.FunctionType(code, globals, name=None, argdefs=None, closure=None). */
static Object *function_tp_new(Object *cls, Object *const *args, size_t nargs, Object *kw)
{
    static const char *const names[] = { "code", "globals", "name", "argdefs", "closure", NULL };
    Object *a[5];
    if (args_parse("function", args, nargs, kw, names, 2, 5, a) < 0)
        return NULL;
    if (is_small(a[0]) || a[0]->type != vm.t_code)
        return raise(vm.e_TypeError, "function() argument 'code' must be code, not %s",
                     type_name(type_of(a[0])));
    if (is_small(a[1]) || !is_instance_of(a[1], vm.t_dict))
        return raise(vm.e_TypeError, "function() argument 'globals' must be dict, not %s",
                     type_name(type_of(a[1])));
    if (a[2] && a[2] != None && !is_str(a[2]))
        return raise(vm.e_TypeError, "arg 3 (name) must be None or string");
    if (a[3] && a[3] != None && (is_small(a[3]) || a[3]->type != vm.t_tuple))
        return raise(vm.e_TypeError, "arg 4 (defaults) must be None or tuple");
    size_t nfree = ((Code *)a[0])->nfrees;
    size_t nclosure = a[4] && a[4] != None && !is_small(a[4]) && a[4]->type == vm.t_tuple
                      ? tuple_size(a[4]) : 0;
    if (a[4] && a[4] != None && (is_small(a[4]) || a[4]->type != vm.t_tuple))
        return raise(vm.e_TypeError, "arg 5 (closure) must be tuple");
    if (nfree != nclosure) {
        char nb[200];
        return raise(vm.e_ValueError, "%s requires closure of length %zu, not %zu",
                     str_cstr(((Code *)a[0])->name, nb, sizeof nb), nfree, nclosure);
    }
    Object *f = function_new(a[0], a[1], NULL);
    if (!f)
        return NULL;
    Function *fn = (Function *)f;
    if (a[2] && a[2] != None)
        fn->name = a[2];
    if (a[3] && a[3] != None)
        fn->defaults = a[3];
    if (nclosure)
        fn->closure = a[4];
    return f;
}

/* MAKE_FUNCTION: the code object was popped; the other parts are on the
   stack below it, in the order CPython 3.11 pushes them. */
Object *build_function(Object *code, Object *globals, uint32_t flags, Object *STM_SEG **spp)
{
    Object *STM_SEG *sp = *spp;
    Object *closure = (flags & MF_CLOSURE) ? *--sp : NULL;
    Object *annotations = (flags & MF_ANNOTATIONS) ? *--sp : NULL;
    Object *kwdefaults = (flags & MF_KWDEFAULTS) ? *--sp : NULL;
    Object *defaults = (flags & MF_DEFAULTS) ? *--sp : NULL;
    *spp = sp;
    Function *f = (Function *)function_new(code, globals, NULL);
    if (!f)
        return NULL;
    f->closure = closure;
    f->annotations = annotations;
    f->kwdefaults = kwdefaults;
    f->defaults = defaults;
    return (Object *)f;
}

Frame *function_frame(Object *func, Object *const *args, size_t nargs, Object *kwnames)
{
    Function *fn = (Function *)func;
    Frame *f = frame_new(fn->code, func, fn->globals, fn->builtins, NULL);
    if (!f)
        return NULL;
    if (frame_bind_args(f, func, args, nargs, kwnames) < 0)
        return NULL;
    return f;
}

/* Runs a frame in a nested loop (C called Python). */
/* Runs a frame in a loop of its own until it returns.  base: the loop
   is the thread's outermost (the main program, a thread's function) and
   may break transactions. */
static Object *run_frame(Frame *f, bool base, bool throwing)
{
    ThreadState *ts = thread_state();
    obj_write((Object *)ts);
    if (ts->depth + 1 > ts->recursion_limit)
        return raise(vm.e_RecursionError, "maximum recursion depth exceeded");
    ts->depth++;
    f->back = ts->frame;
    f->flags |= FRAME_ENTRY;
    ts->frame = (Object *)f;
    Object *r = eval_run(f, base, throwing);
    ts = thread_state();
    obj_write((Object *)ts);
    ts->depth--;
    return r;
}

static Object *run_nested(Frame *f, bool throwing)
{
    return run_frame(f, false, throwing);
}

Object *function_call(Object *func, Object *const *args, size_t nargs, Object *kwnames)
{
    Frame *f = function_frame(func, args, nargs, kwnames);
    return f ? run_nested(f, false) : NULL;
}

static Frame *code_frame(Object *code, Object *globals, Object *locals)
{
    Object *b = dict_get_cstr(globals, "__builtins__");
    if (b && !is_small(b) && b->type == vm.t_module)
        b = ((ModuleObj *)b)->dict;
    if (!b || is_small(b) || b->type != vm.t_dict)
        b = vm.builtins;
    return frame_new(code, NULL, globals, b, locals);
}

Object *eval_code(Object *code, Object *globals, Object *locals)
{
    Frame *f = code_frame(code, globals, locals);
    return f ? run_nested(f, false) : NULL;
}

/* The main program runs in a base loop, so that a busy main thread still
   breaks its transactions (and lets other threads run). */
Object *eval_main_code(Object *code, Object *globals)
{
    Frame *f = code_frame(code, globals, globals);
    return f ? run_frame(f, true, false) : NULL;
}

/* Resumes a generator's frame in a nested loop. */
Object *eval_resume(Frame *f)
{
    return run_nested(f, false);
}

/* A class body: its frame's locals are the class namespace; it returns
   the __class__ cell, if the body created one. */
Object *eval_class_body(Frame *f)
{
    return run_nested(f, false);
}

Object *eval_resume_with_exception(Frame *f)
{
    return run_nested(f, true);
}

static Object *function_get(Object *func, Object *obj, Type *owner)
{
    if (!obj || obj == None)
        return func;
    return method_new(func, obj);
}

static Object *function_repr(Object *func)
{
    char nb[200];
    return str_format("<function %s at %#lx>", str_cstr(((Function *)func)->qualname, nb, sizeof nb),
                      (unsigned long)(uintptr_t)func);
}

/* ---- builtin functions ---------------------------------------------------- */

Object *builtin_new(const char *name, BuiltinFn *fn, Object *self, Object *module)
{
    Builtin *b = (Builtin *)vm_alloc(sizeof(struct Builtin), L_BUILTIN, vm.t_builtin_function);
    if (!b)
        return NULL;
    b->name = intern_cstr(name);
    b->self = self;
    b->module = module;
    b->fn = (CallFn *)fn;
    return (Object *)b;
}

static Object *builtin_call(Object *callable, Object *const *args, size_t nargs, Object *kwnames)
{
    Builtin *b = (Builtin *)callable;
    return ((BuiltinFn *)b->fn)(b->self, args, nargs, kwnames);
}

/* A method of a builtin type, called unbound: the first argument is self
   and must be an instance of the owner type. */
static Object *method_descr_call(Object *callable, Object *const *args, size_t nargs,
                                 Object *kwnames)
{
    Builtin *b = (Builtin *)callable;
    char nb[100];
    if (nargs < 1)
        return raise(vm.e_TypeError, "unbound method %s.%s() needs an argument",
                     type_name(b->owner), str_cstr(b->name, nb, sizeof nb));
    if (!is_instance_of(args[0], b->owner))
        return raise(vm.e_TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
                     str_cstr(b->name, nb, sizeof nb), type_name(b->owner),
                     type_name(type_of(args[0])));
    return ((BuiltinFn *)b->fn)(args[0], args + 1, nargs - 1, kwnames);
}

static Object *method_descr_get(Object *descr, Object *obj, Type *owner)
{
    if (!obj || obj == None)
        return descr;
    Builtin *d = (Builtin *)descr;
    Builtin *b = (Builtin *)builtin_new("", (BuiltinFn *)d->fn, obj, NULL);
    if (!b)
        return NULL;
    b->name = d->name;
    b->owner = d->owner;
    b->type = vm.t_builtin_method;
    return (Object *)b;
}

static Object *classmethod_descr_get(Object *descr, Object *obj, Type *owner)
{
    Builtin *d = (Builtin *)descr;
    Builtin *b = (Builtin *)builtin_new("", (BuiltinFn *)d->fn,
                                        (Object *)(owner ? owner : type_of(obj)), NULL);
    if (!b)
        return NULL;
    b->name = d->name;
    b->type = vm.t_builtin_method;
    return (Object *)b;
}

static Object *builtin_repr(Object *callable)
{
    Builtin *b = (Builtin *)callable;
    char nb[100];
    if (callable->type == vm.t_method_descriptor)
        return str_format("<method '%s' of '%s' objects>", str_cstr(b->name, nb, sizeof nb),
                          type_name(b->owner));
    if (callable->type == vm.t_wrapper_descriptor)
        return str_format("<slot wrapper '%s' of '%s' objects>", str_cstr(b->name, nb, sizeof nb),
                          type_name(b->owner));
    if (b->self && !is_small(b->self) && b->self->type != vm.t_module)
        return str_format("<built-in method %s of %s object at %#lx>",
                          str_cstr(b->name, nb, sizeof nb), type_name(type_of(b->self)),
                          (unsigned long)(uintptr_t)b->self);
    return str_format("<built-in function %s>", str_cstr(b->name, nb, sizeof nb));
}

/* ---- bound methods ------------------------------------------------------------ */

Object *method_new(Object *func, Object *self)
{
    Method *m = (Method *)vm_alloc(sizeof(struct Method), L_METHOD, vm.t_method);
    if (!m)
        return NULL;
    m->func = func;
    m->self = self;
    return (Object *)m;
}

static Object *method_call(Object *callable, Object *const *args, size_t nargs, Object *kwnames)
{
    Method *m = (Method *)callable;
    size_t total = nargs + (kwnames ? tuple_size(kwnames) : 0);
    Object *small[8], **argv = total + 1 <= 8 ? small : malloc((total + 1) * sizeof *argv);
    if (!argv)
        return raise_no_memory();
    argv[0] = m->self;
    if (total)
        memcpy(argv + 1, args, total * sizeof *argv);
    Object *r = obj_call(m->func, argv, nargs + 1, kwnames);
    if (argv != small)
        free(argv);
    keep_alive(callable);           /* holds argv[0], which no collector sees in malloc'd memory */
    return r;
}

static Object *method_repr(Object *callable)
{
    Method *m = (Method *)callable;
    Object *fr = obj_repr(m->self);
    if (!fr)
        return NULL;
    char nb[200], sb[200];
    Object *qn = obj_getattr_cstr(m->func, "__qualname__");
    if (!qn)
        return NULL;
    return str_format("<bound method %s of %s>", str_cstr(qn, nb, sizeof nb),
                      str_cstr(fr, sb, sizeof sb));
}

/* ---- cells --------------------------------------------------------------------- */

Object *cell_new(Object *value)
{
    Cell *c = (Cell *)vm_alloc(sizeof(struct Cell), L_CELL, vm.t_cell);
    if (c)
        c->value = value;
    return (Object *)c;
}

/* ---- look-ups the loop needs ---------------------------------------------------- */

/* LOAD_METHOD: a plain function or method descriptor found on the type
   (and not shadowed by the instance) is returned unbound, so that the
   call needs no bound-method object. */
Object *method_lookup(Object *obj, Object *name, bool *unbound)
{
    Type *t = type_of(obj);
    *unbound = false;
    if (!t->getattr || t->getattr == generic_getattr) {
        Object *descr = type_lookup(t, name);
        if (descr && !is_small(descr)
            && (descr->type == vm.t_function || descr->type == vm.t_method_descriptor
                || descr->type == vm.t_wrapper_descriptor)) {
            Object *d = instance_dict(obj, false);
            if (!d || !dict_get_str(d, name)) {
                *unbound = true;
                return descr;
            }
        }
    }
    return obj_getattr(obj, name);
}

/* The special method `name` looked up on the type, bound to obj; a
   missing one raises CPython 3.11's error for with-statements. */
Object *special_lookup(Object *obj, const char *name, const char *partner)
{
    Object *n = intern_cstr(name);
    Object *descr = n ? type_lookup(type_of(obj), n) : NULL;
    if (!descr) {
        if (!exc_occurred())
            raise(vm.e_AttributeError, "__%s__", name + 2);
        if (exc_matches(vm.e_AttributeError)) {
            exc_clear();
            Type *t = type_of(obj);
            bool missed_exit = partner && !strcmp(name, "__exit__")
                               && type_lookup(t, intern_cstr(partner));
            raise(vm.e_TypeError, "'%s' object does not support the context manager protocol%s",
                  type_name(t), missed_exit ? " (missed __exit__ method)" : "");
        }
        return NULL;
    }
    Type *dt = type_of(descr);
    return dt->descr_get ? dt->descr_get(descr, obj, type_of(obj)) : descr;
}

/* How call errors name a callable: "mod.qualname()", as CPython's
   _PyObject_FunctionStr. */
Object *function_str(Object *func)
{
    Object *qn = obj_getattr_cstr(func, "__qualname__");
    if (!qn || !is_str(qn)) {
        exc_clear();
        Object *s = obj_str(func);
        return s ? str_concat(s, intern_cstr(" object")) : NULL;
    }
    Object *mod = obj_getattr_cstr(func, "__module__");
    if (!mod)
        exc_clear();
    Object *name = qn;
    if (mod && is_str(mod) && !str_eq_cstr(mod, "builtins")) {
        Object *dot = str_concat(mod, intern_cstr("."));
        name = dot ? str_concat(dot, qn) : NULL;
    }
    return name ? str_concat(name, intern_cstr("()")) : NULL;
}

/* Prefixes the TypeError in flight with the callable's name. */
void call_error_prefix(Object *callable)
{
    if (!exc_matches(vm.e_TypeError))
        return;
    Object *e = exc_fetch();
    Object *msg = obj_str(e), *fs = msg ? function_str(callable) : NULL;
    Object *sp = fs ? str_concat(fs, intern_cstr(" ")) : NULL;
    Object *full = sp ? str_concat(sp, msg) : NULL;
    if (!full) {
        exc_clear();
        exc_restore(e);
        return;
    }
    char buf[1000];
    raise(vm.e_TypeError, "%s", str_cstr(full, buf, sizeof buf));
}

Object *call_with_tuple_and_dict(Object *callable, Object *args, Object *kwargs)
{
    if (is_small(args) || args->type != vm.t_tuple) {
        Object *l = list_from_iterable(args);
        if (!l) {
            if (exc_matches(vm.e_TypeError) && !type_of(args)->iter && !type_of(args)->getitem) {
                exc_clear();
                raise(vm.e_TypeError, "argument after * must be an iterable, not %s",
                      type_name(type_of(args)));
                call_error_prefix(callable);
            }
            return NULL;
        }
        args = list_as_tuple(l);
        if (!args)
            return NULL;
    }
    size_t n = tuple_size(args), nkw = kwargs ? dict_size(kwargs) : 0;
    Object **argv = malloc((n + nkw + 1) * sizeof *argv);
    if (!argv)
        return raise_no_memory();
    for (size_t i = 0; i < n; i++)
        argv[i] = tuple_get(args, i);
    Object *kwnames = NULL;
    if (nkw) {
        kwnames = tuple_new(nkw);
        size_t pos = 0, i = 0;
        Object *k, *v;
        while (kwnames && dict_next(kwargs, &pos, &k, &v)) {
            if (!is_str(k)) {
                free(argv);
                return raise(vm.e_TypeError, "keywords must be strings");
            }
            tuple_init_item(kwnames, i, k);
            argv[n + i++] = v;
        }
        if (!kwnames) {
            free(argv);
            return NULL;
        }
    }
    Object *r = obj_call(callable, argv, n, kwnames);
    free(argv);
    /* The collector does not see malloc'd memory: args and kwargs keep
       argv's objects alive until the callee has them in its frame. */
    keep_alive(args);
    keep_alive(kwargs);
    return r;
}

/* ---- function attributes --------------------------------------------------- */

Object *getset_new(Type *owner, const char *name, Object *(*get)(Object *),
                   int (*set)(Object *, Object *));

#define FN(o) ((Function *)(o))

static Object *fn_get_name(Object *f) { obj_read(f); return FN(f)->name; }
static Object *fn_get_qualname(Object *f) { obj_read(f); return FN(f)->qualname; }
static Object *fn_get_doc(Object *f) { obj_read(f); return FN(f)->doc ? FN(f)->doc : None; }
static Object *fn_get_code(Object *f) { obj_read(f); return FN(f)->code; }
static Object *fn_get_globals(Object *f) { obj_read(f); return FN(f)->globals; }
static Object *fn_get_builtins(Object *f) { obj_read(f); return FN(f)->builtins; }
static Object *fn_get_module(Object *f) { obj_read(f); return FN(f)->module ? FN(f)->module : None; }

static Object *or_none(Object *v) { return v ? v : None; }
static Object *fn_get_defaults(Object *f) { obj_read(f); return or_none(FN(f)->defaults); }
static Object *fn_get_kwdefaults(Object *f) { obj_read(f); return or_none(FN(f)->kwdefaults); }
static Object *fn_get_closure(Object *f) { obj_read(f); return or_none(FN(f)->closure); }

static int fn_set_str(Object *f, Object *v, const char *what, bool qual)
{
    if (!is_str(v)) {
        raise(vm.e_TypeError, "%s must be set to a string object", what);
        return -1;
    }
    obj_write(f);
    if (qual)
        FN(f)->qualname = v;
    else
        FN(f)->name = v;
    return 0;
}
static int fn_set_name(Object *f, Object *v) { return fn_set_str(f, v, "__name__", false); }
static int fn_set_qualname(Object *f, Object *v) { return fn_set_str(f, v, "__qualname__", true); }
static int fn_set_doc(Object *f, Object *v) { obj_write(f); FN(f)->doc = v; return 0; }
static int fn_set_module(Object *f, Object *v) { obj_write(f); FN(f)->module = v; return 0; }

static int fn_set_code(Object *f, Object *v)
{
    if (is_small(v) || v->type != vm.t_code) {
        raise(vm.e_TypeError, "__code__ must be set to a code object");
        return -1;
    }
    obj_read(f);
    size_t nfree = ((Code *)v)->nfrees, nclosure = FN(f)->closure ? tuple_size(FN(f)->closure) : 0;
    if (nfree != nclosure) {
        char nb[200];
        raise(vm.e_ValueError, "%s() requires a code object with %zu free vars, not %zu",
              str_cstr(FN(f)->name, nb, sizeof nb), nclosure, nfree);
        return -1;
    }
    obj_write(f);
    FN(f)->code = v;
    return 0;
}

static int fn_set_defaults(Object *f, Object *v)
{
    if (v != None && (is_small(v) || v->type != vm.t_tuple)) {
        raise(vm.e_TypeError, "__defaults__ must be set to a tuple object");
        return -1;
    }
    obj_write(f);
    FN(f)->defaults = v == None || tuple_size(v) == 0 ? NULL : v;
    return 0;
}

static int fn_set_kwdefaults(Object *f, Object *v)
{
    if (v != None && (is_small(v) || v->type != vm.t_dict)) {
        raise(vm.e_TypeError, "__kwdefaults__ must be set to a dict object");
        return -1;
    }
    obj_write(f);
    FN(f)->kwdefaults = v == None ? NULL : v;
    return 0;
}

/* MAKE_FUNCTION leaves the annotations as a flat tuple (name, value, ...);
   the dict is made the first time it is asked for. */
static Object *fn_get_annotations(Object *f)
{
    obj_read(f);
    Object *a = FN(f)->annotations;
    if (a && !is_small(a) && a->type == vm.t_dict)
        return a;
    Object *d = dict_new();
    if (!d)
        return NULL;
    if (a && !is_small(a) && a->type == vm.t_tuple)
        for (size_t i = 0; i + 1 < tuple_size(a); i += 2)
            if (dict_set(d, tuple_get(a, i), tuple_get(a, i + 1)) < 0)
                return NULL;
    obj_write(f);
    FN(f)->annotations = d;
    return d;
}

static int fn_set_annotations(Object *f, Object *v)
{
    if (v != None && (is_small(v) || v->type != vm.t_dict)) {
        raise(vm.e_TypeError, "__annotations__ must be set to a dict object");
        return -1;
    }
    obj_write(f);
    FN(f)->annotations = v == None ? NULL : v;
    return 0;
}

static Object *fn_get_dict(Object *f)
{
    return instance_dict(f, true);
}

static int fn_set_dict(Object *f, Object *v)
{
    if (is_small(v) || !is_instance_of(v, vm.t_dict)) {
        raise(vm.e_TypeError, "__dict__ must be set to a dictionary, not a '%s'",
              type_name(type_of(v)));
        return -1;
    }
    obj_write(f);
    FN(f)->dict = v;
    return 0;
}

/* ---- bound method attributes ----------------------------------------------- */

static Object *method_get_func(Object *m) { return ((Method *)m)->func; }
static Object *method_get_self(Object *m) { return ((Method *)m)->self; }

/* Attributes a bound method does not have are those of its function. */
static Object *method_getattr(Object *m, Object *name)
{
    Object *v = generic_getattr(m, name);
    if (v || exc_occurred())
        return v;
    return obj_getattr(((Method *)m)->func, name);
}

/* types.MethodType(function, instance) */
static Object *method_tp_new(Object *cls, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("method", kw, nargs, 2) < 0)
        return NULL;
    if (!type_of(args[0])->call)
        return raise(vm.e_TypeError, "first argument must be callable");
    if (args[1] == None)
        return raise(vm.e_TypeError, "instance must not be None");
    return method_new(args[0], args[1]);
}

static int64_t method_hash(Object *m)
{
    int64_t a = obj_hash(((Method *)m)->self), b = a == -1 ? -1 : obj_hash(((Method *)m)->func);
    if (b == -1)
        return -1;
    int64_t h = a ^ b;
    return h == -1 ? -2 : h;
}

static Object *method_richcompare(Object *a, Object *b, CmpOp op)
{
    if ((op != CMP_EQ && op != CMP_NE) || is_small(b) || b->type != vm.t_method)
        return NotImplemented;
    Method *x = (Method *)a, *y = (Method *)b;
    int eq = x->self == y->self ? obj_richcompare_bool(x->func, y->func, CMP_EQ) : 0;
    if (eq < 0)
        return NULL;
    return bool_obj(op == CMP_EQ ? eq : !eq);
}

static Object *method_descr_get_self(Object *m, Object *obj, Type *owner)
{
    return m;
}

/* ---- builtin function attributes -------------------------------------------- */

/* Pickling names a builtin by its global name and a method as
   getattr(owner, name), as CPython's __reduce__ methods do. */
static Object *getattr_reduce(Object *owner, Object *name)
{
    Object *ga = dict_get_cstr(vm.builtins, "getattr");
    Object *args = ga && name ? tuple_pack(2, owner, name) : NULL;
    return args ? tuple_pack(2, ga, args) : NULL;
}

static Object *builtin_reduce(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("__reduce__", kw, nargs, 0) < 0)
        return NULL;
    Builtin *b = (Builtin *)self;
    Type *t = type_of(self);
    if (t == vm.t_method_descriptor || t == vm.t_classmethod_descriptor || t == vm.t_wrapper_descriptor)
        return getattr_reduce((Object *)b->owner, b->name);
    if (!b->self || (!is_small(b->self) && b->self->type == vm.t_module))
        return b->name;
    return getattr_reduce(b->self, b->name);
}

static Object *method_reduce(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("__reduce__", kw, nargs, 0) < 0)
        return NULL;
    Method *m = (Method *)self;
    return getattr_reduce(m->self, obj_getattr_cstr(m->func, "__name__"));
}

static Object *builtin_get_name(Object *b) { return ((Builtin *)b)->name; }
static Object *builtin_get_self(Object *b)
{
    Object *s = ((Builtin *)b)->self;
    return s ? s : None;
}
static Object *builtin_get_qualname(Object *b)
{
    Builtin *bb = (Builtin *)b;
    Object *self = bb->self;
    if (b->type == vm.t_method_descriptor || b->type == vm.t_classmethod_descriptor
        || b->type == vm.t_wrapper_descriptor)
    {
        Object *dot = str_concat(bb->owner->name, intern_cstr("."));
        return dot ? str_concat(dot, bb->name) : NULL;
    }
    if (self && !is_small(self) && self->type != vm.t_module) {
        Type *t = layout_of(self) == L_TYPE ? (Type *)self : type_of(self);
        Object *dot = str_concat(t->name, intern_cstr("."));
        return dot ? str_concat(dot, bb->name) : NULL;
    }
    return bb->name;
}
static Object *builtin_get_module(Object *b)
{
    Object *m = ((Builtin *)b)->module;
    if (m && !is_small(m) && m->type == vm.t_module)
        return ((ModuleObj *)m)->name;
    return m ? m : None;
}
static Object *builtin_get_doc(Object *b)
{
    Object *d = ((Builtin *)b)->doc;
    return d ? d : None;
}
static Object *builtin_get_objclass(Object *b) { return (Object *)((Builtin *)b)->owner; }

#undef FN

static Object *function_get_method(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_no_kw("__get__", kw) < 0 || args_count("__get__", nargs, 1, 2) < 0)
        return NULL;
    if (args[0] == None && (nargs < 2 || args[1] == None))
        return raise(vm.e_TypeError, "__get__(None, None) is invalid");
    return function_get(self, args[0], nargs > 1 && args[1] != None ? (Type *)args[1] : NULL);
}

void func_types_init(void)
{
    Type *t = vm.t_function;
    t->tp_new = function_tp_new;
    t->call = function_call;
    t->descr_get = function_get;
    t->repr = function_repr;
    t->getattr = generic_getattr;
    t->setattr = generic_setattr;
    t->flags |= TF_HAS_DICT;
    getset_new(t, "__name__", fn_get_name, fn_set_name);
    getset_new(t, "__qualname__", fn_get_qualname, fn_set_qualname);
    getset_new(t, "__doc__", fn_get_doc, fn_set_doc);
    getset_new(t, "__code__", fn_get_code, fn_set_code);
    getset_new(t, "__globals__", fn_get_globals, NULL);
    getset_new(t, "__builtins__", fn_get_builtins, NULL);
    getset_new(t, "__module__", fn_get_module, fn_set_module);
    getset_new(t, "__defaults__", fn_get_defaults, fn_set_defaults);
    getset_new(t, "__kwdefaults__", fn_get_kwdefaults, fn_set_kwdefaults);
    getset_new(t, "__closure__", fn_get_closure, NULL);
    getset_new(t, "__annotations__", fn_get_annotations, fn_set_annotations);
    getset_new(t, "__dict__", fn_get_dict, fn_set_dict);
    static const MethodDef fn_methods[] = { { "__get__", function_get_method, 0 }, { NULL, NULL, 0 } };
    type_add_methods(t, fn_methods);

    vm.t_builtin_function->call = builtin_call;
    vm.t_builtin_function->repr = builtin_repr;
    vm.t_builtin_method->call = builtin_call;
    vm.t_builtin_method->repr = builtin_repr;
    vm.t_method_descriptor->call = method_descr_call;
    vm.t_method_descriptor->descr_get = method_descr_get;
    vm.t_method_descriptor->repr = builtin_repr;
    vm.t_wrapper_descriptor->call = method_descr_call;
    vm.t_wrapper_descriptor->descr_get = method_descr_get;
    vm.t_wrapper_descriptor->repr = builtin_repr;
    vm.t_classmethod_descriptor->call = builtin_call;
    vm.t_classmethod_descriptor->descr_get = classmethod_descr_get;

    vm.t_method->call = method_call;
    vm.t_method->repr = method_repr;
    vm.t_method->getattr = method_getattr;
    vm.t_method->tp_new = method_tp_new;
    vm.t_method->hash = method_hash;
    vm.t_method->richcompare = method_richcompare;
    vm.t_method->descr_get = method_descr_get_self;
    getset_new(vm.t_method, "__func__", method_get_func, NULL);
    getset_new(vm.t_method, "__self__", method_get_self, NULL);

    Type *bts[] = { vm.t_builtin_function, vm.t_builtin_method, vm.t_method_descriptor,
                    vm.t_classmethod_descriptor, vm.t_wrapper_descriptor };
    static const MethodDef reduce_builtin[] = { { "__reduce__", builtin_reduce, 0 }, { NULL, NULL, 0 } };
    static const MethodDef reduce_method[] = { { "__reduce__", method_reduce, 0 }, { NULL, NULL, 0 } };
    type_add_methods(vm.t_method, reduce_method);
    for (size_t i = 0; i < sizeof bts / sizeof bts[0]; i++) {
        type_add_methods(bts[i], reduce_builtin);
        getset_new(bts[i], "__name__", builtin_get_name, NULL);
        getset_new(bts[i], "__qualname__", builtin_get_qualname, NULL);
        getset_new(bts[i], "__doc__", builtin_get_doc, NULL);
        if (i < 2) {
            getset_new(bts[i], "__self__", builtin_get_self, NULL);
            getset_new(bts[i], "__module__", builtin_get_module, NULL);
        } else {
            getset_new(bts[i], "__objclass__", builtin_get_objclass, NULL);
        }
    }
}
