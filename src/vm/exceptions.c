/*
** The builtin exception hierarchy: BaseException's behaviour (args,
** __str__, __repr__, __traceback__, __cause__, __context__, notes) and
** the printing of uncaught exceptions as CPython does it.
*/
#include <string.h>

#include "vm/eval.h"
#include "vm/runtime.h"

Object *exception_new(Type *type, Object *args)
{
    Exception *e = (Exception *)vm_alloc(sizeof(struct Exception), L_EXCEPTION, type);
    if (e)
        e->args = args ? args : vm.empty_tuple;
    return (Object *)e;
}

bool is_exception_type(Object *v)
{
    return !is_small(v) && layout_of(v) == L_TYPE && type_is_subtype((Type *)v, vm.e_BaseException);
}

bool exception_type_check(Object *type)
{
    if (is_exception_type(type))
        return true;
    if (!is_small(type) && type->type == vm.t_tuple) {
        for (size_t i = 0; i < tuple_size(type); i++)
            if (!is_exception_type(tuple_get(type, i)))
                goto bad;
        return true;
    }
bad:
    raise(vm.e_TypeError, "catching classes that do not inherit from BaseException is not allowed");
    return false;
}

bool exception_matches(Object *exc, Object *type)
{
    if (!is_small(type) && type->type == vm.t_tuple) {
        for (size_t i = 0; i < tuple_size(type); i++)
            if (exception_matches(exc, tuple_get(type, i)))
                return true;
        return false;
    }
    return is_instance_of(exc, (Type *)type);
}

Object *exception_traceback(Object *exc)
{
    Object *tb = ((Exception *)exc)->traceback;
    return tb ? tb : None;
}

/* ---- exception groups -------------------------------------------------------------- */

#define EG_MESSAGE 0
#define EG_EXCEPTIONS 1

static bool is_group(Object *v)
{
    return !is_small(v) && is_instance_of(v, vm.e_BaseExceptionGroup);
}

static Object *eg_excs(Object *eg)
{
    obj_read(eg);
    Object *t = ((Exception *)eg)->fields[EG_EXCEPTIONS];
    return t ? t : vm.empty_tuple;
}

static Object *notes_of(Object *exc)
{
    Object *d = instance_dict(exc, false);
    return d ? dict_get_cstr(d, "__notes__") : NULL;
}

/* What a split keeps: instances of a type (or tuple of types), what a
   predicate accepts, or leaves whose identity is in a set. */
enum { MATCH_TYPE, MATCH_PREDICATE, MATCH_IDS };

static int split_matches(Object *exc, int kind, Object *cond)
{
    switch (kind) {
    case MATCH_TYPE:
        return exception_matches(exc, cond);
    case MATCH_PREDICATE: {
        Object *r = obj_call1(cond, exc);
        return r ? obj_truth(r) : -1;
    }
    default:
        return set_contains(cond, int_from_u64((uint64_t)(uintptr_t)exc));
    }
}

/* eg.derive(excs), with eg's traceback, cause, context and notes. */
static Object *eg_derive(Object *eg, Object *excs)
{
    Object *derive = obj_getattr_cstr(eg, "derive");
    Object *r = derive ? obj_call1(derive, excs) : NULL;
    if (!r)
        return NULL;
    if (!is_group(r))
        return raise(vm.e_TypeError, "derive must return an instance of BaseExceptionGroup");
    Exception *src = (Exception *)eg, *dst = (Exception *)r;
    obj_read(eg);
    obj_write(r);
    dst->traceback = src->traceback;
    dst->cause = src->cause;
    dst->context = src->context;
    dst->suppress_context = src->suppress_context;
    Object *notes = notes_of(eg);
    if (notes) {
        Object *copy = list_from_iterable(notes);
        if (!copy || obj_setattr(r, intern_cstr("__notes__"), copy) < 0)
            return NULL;
    }
    return r;
}

/* The part of `eg` (the whole of it, if it all goes one way) whose
   leaves match, and the rest when want_rest.  NULL: nothing. */
static int split_rec(Object *exc, int kind, Object *cond, bool want_rest, Object **match,
                     Object **rest)
{
    *match = *rest = NULL;
    int m = split_matches(exc, kind, cond);
    if (m < 0)
        return -1;
    if (m) {
        *match = exc;
        return 0;
    }
    if (!is_group(exc)) {
        if (want_rest)
            *rest = exc;
        return 0;
    }
    Object *excs = eg_excs(exc);
    size_t n = tuple_size(excs);
    Object *ml = list_new(0), *rl = want_rest ? list_new(0) : NULL;
    if (!ml || (want_rest && !rl))
        return -1;
    for (size_t i = 0; i < n; i++) {
        Object *sm, *sr;
        if (split_rec(tuple_get(excs, i), kind, cond, want_rest, &sm, &sr) < 0)
            return -1;
        if ((sm && list_append(ml, sm) < 0) || (sr && list_append(rl, sr) < 0))
            return -1;
    }
    if (list_size(ml) == n)
        *match = exc;
    else if (list_size(ml) && !(*match = eg_derive(exc, ml)))
        return -1;
    if (want_rest) {
        if (list_size(rl) == n)
            *rest = exc;
        else if (list_size(rl) && !(*rest = eg_derive(exc, rl)))
            return -1;
    }
    return 0;
}

static int split_condition(Object *cond, int *kind)
{
    if (is_exception_type(cond)) {
        *kind = MATCH_TYPE;
        return 0;
    }
    if (!is_small(cond) && cond->type == vm.t_tuple) {
        for (size_t i = 0; i < tuple_size(cond); i++)
            if (!is_exception_type(tuple_get(cond, i)))
                goto bad;
        *kind = MATCH_TYPE;
        return 0;
    }
    if (type_of(cond)->call) {
        *kind = MATCH_PREDICATE;
        return 0;
    }
bad:
    raise(vm.e_TypeError, "expected a function, exception type or tuple of exception types");
    return -1;
}

static Object *eg_split(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    int kind;
    if (args_exact("split", kw, nargs, 1) < 0 || split_condition(args[0], &kind) < 0)
        return NULL;
    Object *m, *r;
    if (split_rec(self, kind, args[0], true, &m, &r) < 0)
        return NULL;
    return tuple_pack(2, m ? m : None, r ? r : None);
}

static Object *eg_subgroup(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    int kind;
    if (args_exact("subgroup", kw, nargs, 1) < 0 || split_condition(args[0], &kind) < 0)
        return NULL;
    Object *m, *r;
    if (split_rec(self, kind, args[0], false, &m, &r) < 0)
        return NULL;
    return m ? m : None;
}

static Object *make_group(Type *cls, Object *message, Object *excs);

static Object *eg_derive_method(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("derive", kw, nargs, 1) < 0)
        return NULL;
    obj_read(self);
    return make_group(vm.e_BaseExceptionGroup, ((Exception *)self)->fields[EG_MESSAGE], args[0]);
}

/* BaseExceptionGroup(message, excs): a BaseExceptionGroup of Exceptions
   only is an ExceptionGroup. */
static Object *make_group(Type *cls, Object *message, Object *excs)
{
    if (!is_str(message))
        return raise(vm.e_TypeError, "argument 1 must be str, not %s", type_name(type_of(message)));
    Object *seq = NULL;
    if (!is_small(excs) && (excs->type == vm.t_tuple || is_instance_of(excs, vm.t_list)))
        seq = list_from_iterable(excs);
    if (!seq)
        return exc_occurred() ? NULL
             : raise(vm.e_TypeError, "second argument (exceptions) must be a sequence");
    size_t n = list_size(seq);
    if (n == 0)
        return raise(vm.e_ValueError, "second argument (exceptions) must be a non-empty sequence");
    bool all_exceptions = true;
    for (size_t i = 0; i < n; i++) {
        Object *e = list_get(seq, i);
        if (!is_instance_of(e, vm.e_BaseException))
            return raise(vm.e_ValueError, "Item %zu of second argument (exceptions) is not an exception", i);
        if (!is_instance_of(e, vm.e_Exception))
            all_exceptions = false;
    }
    if (cls == vm.e_BaseExceptionGroup) {
        if (all_exceptions)
            cls = vm.e_ExceptionGroup;
    } else if (cls == vm.e_ExceptionGroup) {
        if (!all_exceptions)
            return raise(vm.e_TypeError, "Cannot nest BaseExceptions in an ExceptionGroup");
    } else if (!all_exceptions && type_is_subtype(cls, vm.e_Exception)) {
        return raise(vm.e_TypeError, "Cannot nest BaseExceptions in '%s'", type_name(cls));
    }
    Object *e = exception_new(cls, tuple_pack(2, message, excs));
    Object *t = e ? list_as_tuple(seq) : NULL;
    if (!t)
        return NULL;
    ((Exception *)e)->fields[EG_MESSAGE] = message;
    ((Exception *)e)->fields[EG_EXCEPTIONS] = t;
    return e;
}

static Object *eg_construct(Object *cls, Object *const *args, size_t nargs, Object *kwnames)
{
    Type *t = (Type *)cls;
    if (kwnames && tuple_size(kwnames))
        return raise(vm.e_TypeError, "%s() takes no keyword arguments", type_name(t));
    if (nargs != 2)
        return raise(vm.e_TypeError, "BaseExceptionGroup.__new__() takes exactly 2 arguments (%zu given)", nargs);
    Object *e = make_group(t, args[0], args[1]);
    if (e && nargs > 2) {
        obj_write(e);
        ((Exception *)e)->args = tuple_from_array(args, nargs);
    }
    return e;
}

static Object *eg_str(Object *self)
{
    obj_read(self);
    Object *msg = ((Exception *)self)->fields[EG_MESSAGE];
    size_t n = tuple_size(eg_excs(self));
    char mb[1000];
    return str_format("%s (%zu sub-exception%s)", msg ? str_cstr(msg, mb, sizeof mb) : "", n,
                      n == 1 ? "" : "s");
}

static Object *eg_message(Object *self)
{
    obj_read(self);
    Object *m = ((Exception *)self)->fields[EG_MESSAGE];
    return m ? m : None;
}

static Object *eg_exceptions(Object *self) { return eg_excs(self); }

/* CHECK_EG_MATCH: a naked exception that matches is wrapped in a group. */
int exception_group_split(Object *exc, Object *type, Object **match, Object **rest)
{
    if (exception_matches(exc, type)) {
        if (is_group(exc)) {
            *match = exc;
        } else {
            Object *l = list_new(0);
            Object *g = l && list_append(l, exc) == 0 ? make_group(vm.e_BaseExceptionGroup,
                                                                   vm.empty_str, l) : NULL;
            if (!g)
                return -1;
            ((Exception *)g)->traceback = ((Exception *)exc)->traceback;
            *match = g;
        }
        *rest = None;
        return 0;
    }
    if (is_group(exc)) {
        Object *m, *r;
        if (split_rec(exc, MATCH_TYPE, type, true, &m, &r) < 0)
            return -1;
        *match = m ? m : None;
        *rest = r ? r : None;
        return 0;
    }
    *match = *rest = None;
    return 0;
}

static int collect_leaf_ids(Object *exc, Object *ids)
{
    if (exc == None)
        return 0;
    if (!is_group(exc))
        return set_add(ids, int_from_u64((uint64_t)(uintptr_t)exc));
    Object *excs = eg_excs(exc);
    for (size_t i = 0; i < tuple_size(excs); i++)
        if (collect_leaf_ids(tuple_get(excs, i), ids) < 0)
            return -1;
    return 0;
}

static bool same_metadata(Object *a, Object *b)
{
    Exception *x = (Exception *)a, *y = (Exception *)b;
    obj_read(a);
    obj_read(b);
    return x->traceback == y->traceback && x->cause == y->cause && x->context == y->context
        && notes_of(a) == notes_of(b);
}

/* PREP_RERAISE_STAR: what leaves a try-except* statement, from the
   original group and the list of what each clause raised (and the
   unhandled rest, last). */
Object *exception_group_prep_reraise(Object *orig, Object *excs)
{
    size_t n = list_size(excs);
    if (n == 0)
        return None;
    if (!is_group(orig))
        return list_get(excs, 0);
    Object *raised = list_new(0), *reraised_ids = set_new(vm.t_set);
    if (!raised || !reraised_ids)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        Object *e = list_get(excs, i);
        if (e == None)
            continue;
        if (same_metadata(e, orig)) {
            if (collect_leaf_ids(e, reraised_ids) < 0)
                return NULL;
        } else if (list_append(raised, e) < 0) {
            return NULL;
        }
    }
    Object *reraised = NULL, *unused;
    if (split_rec(orig, MATCH_IDS, reraised_ids, false, &reraised, &unused) < 0)
        return NULL;
    if (list_size(raised) == 0)
        return reraised ? reraised : None;
    if (reraised && list_append(raised, reraised) < 0)
        return NULL;
    if (list_size(raised) == 1)
        return list_get(raised, 0);
    return make_group(vm.e_BaseExceptionGroup, vm.empty_str, raised);
}

/* raise exc [from cause]: classes are instantiated; the exception being
   handled becomes the new one's __context__. */
Object *do_raise(Object *exc, Object *cause)
{
    Object *value = exc;
    if (is_exception_type(exc)) {
        value = obj_call0(exc);
        if (!value)
            return NULL;
        if (!is_instance_of(value, vm.e_BaseException))
            return raise(vm.e_TypeError,
                         "calling %s should have returned an instance of BaseException, not %s",
                         type_name((Type *)exc), type_name(type_of(value)));
    } else if (!is_instance_of(exc, vm.e_BaseException)) {
        return raise(vm.e_TypeError, "exceptions must derive from BaseException");
    }
    if (cause) {
        Object *c = cause;
        if (is_exception_type(cause)) {
            c = obj_call0(cause);
            if (!c)
                return NULL;
        } else if (cause == None) {
            c = NULL;
        } else if (!is_instance_of(cause, vm.e_BaseException)) {
            return raise(vm.e_TypeError, "exception causes must derive from BaseException");
        }
        Exception *e = (Exception *)value;
        obj_write(value);
        e->cause = c;
        e->suppress_context = true;
    }
    exc_restore(value);
    return NULL;
}

/* The handled exception becomes the context of a new one: done when an
   exception is raised while another is being handled. */
void exception_set_context(Object *exc)
{
    ThreadState *ts = thread_state();
    Object *h = ts->handled;
    if (!h || h == exc || is_small(exc) || layout_of(exc) != L_EXCEPTION)
        return;
    /* Avoid cycles, as CPython does. */
    for (Object *o = h; o; o = ((Exception *)o)->context) {
        if (o == exc)
            return;
        if (layout_of(o) != L_EXCEPTION)
            break;
    }
    Exception *e = (Exception *)exc;
    obj_read(exc);
    if (!e->context) {
        obj_write(exc);
        e->context = h;
    }
}

/* ---- BaseException's slots and methods ------------------------------------------ */

static Object *exc_construct(Object *cls, Object *const *args, size_t nargs, Object *kwnames)
{
    Type *t = (Type *)cls;
    if (kwnames && tuple_size(kwnames)) {
        char nb[100];
        return raise(vm.e_TypeError, "%s() takes no keyword arguments",
                     str_cstr(t->name, nb, sizeof nb));
    }
    Object *a = tuple_from_array(args, nargs);
    if (!a)
        return NULL;
    Object *e = exception_new(t, a);
    if (!e)
        return NULL;
    if (type_is_subtype(t, vm.e_StopIteration))
        ((Exception *)e)->fields[0] = nargs ? args[0] : None;
    if (type_is_subtype(t, vm.e_SystemExit))
        ((Exception *)e)->fields[0] = nargs == 0 ? None : nargs == 1 ? args[0] : a;
    return e;
}

static Object *exc_str(Object *self)
{
    Object *args = ((Exception *)self)->args;
    size_t n = tuple_size(args);
    if (n == 0)
        return vm.empty_str;
    if (n == 1)
        return obj_str(tuple_get(args, 0));
    return obj_str(args);
}

static Object *keyerror_str(Object *self)
{
    Object *args = ((Exception *)self)->args;
    if (tuple_size(args) == 1)
        return obj_repr(tuple_get(args, 0));
    return exc_str(self);
}

static Object *exc_repr(Object *self)
{
    Object *args = ((Exception *)self)->args;
    Type *t = type_of(self);
    char nb[200];
    const char *name = str_cstr(t->name, nb, sizeof nb);
    if (tuple_size(args) == 1) {
        Object *r = obj_repr(tuple_get(args, 0));
        if (!r)
            return NULL;
        Object *pre = str_format("%s(", name);
        Object *s = pre ? str_concat(pre, r) : NULL;
        Object *close = str_from_cstr(")");
        return s && close ? str_concat(s, close) : NULL;
    }
    Object *r = obj_repr(args);
    if (!r)
        return NULL;
    Object *pre = str_from_cstr(name);
    return pre ? str_concat(pre, r) : NULL;
}

static Object *get_args(Object *self) { return ((Exception *)self)->args; }
static Object *get_traceback(Object *self) { return exception_traceback(self); }
static Object *get_cause(Object *self)
{
    Object *c = ((Exception *)self)->cause;
    return c ? c : None;
}
static Object *get_context(Object *self)
{
    Object *c = ((Exception *)self)->context;
    return c ? c : None;
}
static Object *get_suppress(Object *self) { return bool_obj(((Exception *)self)->suppress_context); }
static Object *get_field0(Object *self)
{
    Object *v = ((Exception *)self)->fields[0];
    return v ? v : None;
}

static int set_args(Object *self, Object *v)
{
    Object *t = list_from_iterable(v);
    if (!t || !(t = list_as_tuple(t)))
        return -1;
    obj_write(self);
    ((Exception *)self)->args = t;
    return 0;
}
static int set_traceback(Object *self, Object *v)
{
    if (v != None && (is_small(v) || v->type != vm.t_traceback)) {
        raise(vm.e_TypeError, "__traceback__ must be a traceback or None");
        return -1;
    }
    obj_write(self);
    ((Exception *)self)->traceback = v == None ? NULL : v;
    return 0;
}
static int set_cause(Object *self, Object *v)
{
    if (v != None && !is_instance_of(v, vm.e_BaseException)) {
        raise(vm.e_TypeError, "exception cause must be None or derive from BaseException");
        return -1;
    }
    obj_write(self);
    ((Exception *)self)->cause = v == None ? NULL : v;
    ((Exception *)self)->suppress_context = true;
    return 0;
}
static int set_context(Object *self, Object *v)
{
    if (v != None && !is_instance_of(v, vm.e_BaseException)) {
        raise(vm.e_TypeError, "exception context must be None or derive from BaseException");
        return -1;
    }
    obj_write(self);
    ((Exception *)self)->context = v == None ? NULL : v;
    return 0;
}
static int set_suppress(Object *self, Object *v)
{
    int t = obj_truth(v);
    if (t < 0)
        return -1;
    obj_write(self);
    ((Exception *)self)->suppress_context = t;
    return 0;
}

static Object *exc_with_traceback(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("with_traceback", kw, nargs, 1) < 0 || set_traceback(self, args[0]) < 0)
        return NULL;
    return self;
}

static Object *exc_add_note(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("add_note", kw, nargs, 1) < 0)
        return NULL;
    if (!is_str(args[0]))
        return raise(vm.e_TypeError, "note must be a str, not '%s'", type_name(type_of(args[0])));
    Object *notes = obj_getattr_cstr(self, "__notes__");
    if (!notes) {
        if (!exc_matches(vm.e_AttributeError))
            return NULL;
        exc_clear();
        notes = list_new(0);
        if (!notes || obj_setattr(self, intern_cstr("__notes__"), notes) < 0)
            return NULL;
    }
    if (is_small(notes) || notes->type != vm.t_list)
        return raise(vm.e_TypeError, "Cannot add note: __notes__ is not a list");
    return list_append(notes, args[0]) < 0 ? NULL : None;
}

static Object *exc_init(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    Object *a = tuple_from_array(args, nargs);
    if (!a)
        return NULL;
    obj_write(self);
    ((Exception *)self)->args = a;
    return None;
}

static int exc_init_slot(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return exc_init(self, args, nargs, kw) ? 0 : -1;
}

Object *getset_new(Type *owner, const char *name, Object *(*get)(Object *),
                   int (*set)(Object *, Object *));

void exceptions_init(void)
{
    Type *b = vm.e_BaseException;
    b->tp_new = exc_construct;
    b->init = exc_init_slot;
    b->str = exc_str;
    b->repr = exc_repr;
    b->getattr = generic_getattr;
    b->setattr = generic_setattr;
    vm.e_KeyError->str = keyerror_str;
    static const MethodDef methods[] = {
        { "with_traceback", exc_with_traceback, 0 },
        { "add_note", exc_add_note, 0 },
        { "__init__", exc_init, 0 },
        { NULL, NULL, 0 },
    };
    type_add_methods(b, methods);
    getset_new(b, "args", get_args, set_args);
    getset_new(b, "__traceback__", get_traceback, set_traceback);
    getset_new(b, "__cause__", get_cause, set_cause);
    getset_new(b, "__context__", get_context, set_context);
    getset_new(b, "__suppress_context__", get_suppress, set_suppress);
    getset_new(vm.e_StopIteration, "value", get_field0, NULL);
    getset_new(vm.e_SystemExit, "code", get_field0, NULL);
}

/* ---- printing uncaught exceptions ------------------------------------------------ */

int code_line_of(Object *code, uint32_t pc);

static void print_str(FILE *out, Object *s)
{
    size_t n;
    char *u = str_to_utf8(s, &n);
    if (u) {
        fwrite(u, 1, n, out);
        free(u);
    }
}

/* The source line, stripped, as the traceback module shows it. */
static void print_source_line(FILE *out, Object *filename, int lineno)
{
    char path[4096];
    str_cstr(filename, path, sizeof path);
    FILE *f = fopen(path, "r");
    if (!f)
        return;
    char line[4096];
    int n = 0;
    while (fgets(line, sizeof line, f))
        if (++n == lineno) {
            char *p = line;
            while (*p == ' ' || *p == '\t' || *p == '\f')
                p++;
            size_t len = strlen(p);
            while (len && (p[len - 1] == '\n' || p[len - 1] == '\r' || p[len - 1] == ' '))
                p[--len] = 0;
            fprintf(out, "    %s\n", p);
            break;
        }
    fclose(f);
}

static void print_one(FILE *out, Object *exc)
{
    Object *tb = exception_traceback(exc);
    if (tb != None) {
        fprintf(out, "Traceback (most recent call last):\n");
        for (; tb && tb != None; tb = ((Traceback *)tb)->next) {
            Traceback *t = (Traceback *)tb;
            Frame *fr = (Frame *)t->frame;
            Code *c = (Code *)fr->code;
            fprintf(out, "  File \"");
            print_str(out, c->filename);
            fprintf(out, "\", line %d, in ", t->lineno);
            print_str(out, c->name);
            fprintf(out, "\n");
            if (t->lineno > 0)
                print_source_line(out, c->filename, t->lineno);
        }
    }
    Type *t = type_of(exc);
    Object *mod = type_lookup(t, intern_cstr("__module__"));
    if (mod && is_str(mod) && !str_eq_cstr(mod, "builtins") && !str_eq_cstr(mod, "__main__")) {
        print_str(out, mod);
        fputc('.', out);
    }
    print_str(out, t->qualname);
    Object *s = obj_str(exc);
    if (!s) {
        exc_clear();
        fprintf(out, ": <exception str() failed>\n");
        return;
    }
    if (str_len(s)) {
        fprintf(out, ": ");
        print_str(out, s);
    }
    fputc('\n', out);
}

static void print_chain(FILE *out, Object *exc, int depth)
{
    Exception *e = (Exception *)exc;
    if (depth < 100) {
        if (e->cause) {
            print_chain(out, e->cause, depth + 1);
            fprintf(out, "\nThe above exception was the direct cause of the following exception:\n\n");
        } else if (e->context && !e->suppress_context) {
            print_chain(out, e->context, depth + 1);
            fprintf(out, "\nDuring handling of the above exception, another exception occurred:\n\n");
        }
    }
    print_one(out, exc);
}

void print_exception(Object *exc)
{
    fflush(stdout);
    print_chain(stderr, exc, 0);
    fflush(stderr);
}
