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

int exception_group_split(Object *eg, Object *type, Object **match, Object **rest)
{
    raise(vm.e_SystemError, "except* is not supported yet");
    return -1;
}

Object *exception_group_prep_reraise(Object *orig, Object *excs)
{
    return raise(vm.e_SystemError, "except* is not supported yet");
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
