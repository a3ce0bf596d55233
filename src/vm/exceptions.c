/*
** The builtin exception hierarchy: BaseException's behaviour (args,
** __str__, __repr__, __traceback__, __cause__, __context__, notes) and
** the printing of uncaught exceptions as CPython does it.
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "compiler/code.h"
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
    /* The group itself is reused only when each member went whole to
       the same side. */
    bool whole_match = true, whole_rest = true;
    for (size_t i = 0; i < n; i++) {
        Object *sm, *sr, *member = tuple_get(excs, i);
        if (split_rec(member, kind, cond, want_rest, &sm, &sr) < 0)
            return -1;
        if ((sm && list_append(ml, sm) < 0) || (sr && list_append(rl, sr) < 0))
            return -1;
        whole_match &= sm == member;
        whole_rest &= sr == member;
    }
    if (whole_match)
        *match = exc;
    else if (list_size(ml) && !(*match = eg_derive(exc, ml)))
        return -1;
    if (want_rest) {
        if (whole_rest)
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
        return raise(vm.e_TypeError, "BaseExceptionGroup.__new__() argument 1 must be str, not %s",
                     type_name(type_of(message)));
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
            Object *t = tuple_pack(1, exc);
            Object *g = t ? make_group(vm.e_BaseExceptionGroup, vm.empty_str, t) : NULL;
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

static Object *exc_str(Object *self);
static int exc_init_slot(Object *self, Object *const *args, size_t nargs, Object *kw);

/* The per-class fields that the constructor arguments give: ImportError
   takes name= and path= keywords, SyntaxError a details tuple. */
static int exc_set_fields(Object *e, Object *const *args, size_t nargs, Object *kwnames)
{
    Type *t = type_of(e);
    Object *STM_SEG *fields = ((Exception *)e)->fields;
    size_t nkw = kwnames ? tuple_size(kwnames) : 0;
    if (nkw && !type_is_subtype(t, vm.e_ImportError) && !type_is_subtype(t, vm.e_AttributeError)
        && !type_is_subtype(t, vm.e_NameError)) {
        raise(vm.e_TypeError, "%s() takes no keyword arguments", type_name(t));
        return -1;
    }
    obj_write(e);
    if (type_is_subtype(t, vm.e_StopIteration)) {
        fields[0] = nargs ? args[0] : None;
    } else if (type_is_subtype(t, vm.e_SystemExit)) {
        fields[0] = nargs == 0 ? None : nargs == 1 ? args[0] : ((Exception *)e)->args;
    } else if (type_is_subtype(t, vm.e_ImportError)) {
        fields[0] = nargs == 1 ? args[0] : None;
        fields[1] = fields[2] = None;
        for (size_t k = 0; k < nkw; k++) {
            Object *name = tuple_get(kwnames, k);
            char nb[100];
            if (str_eq_cstr(name, "name"))
                fields[1] = args[nargs + k];
            else if (str_eq_cstr(name, "path"))
                fields[2] = args[nargs + k];
            else {
                raise(vm.e_TypeError, "'%s' is an invalid keyword argument for %s()",
                      str_cstr(name, nb, sizeof nb), type_name(t));
                return -1;
            }
        }
    } else if (type_is_subtype(t, vm.e_SyntaxError)) {
        for (int i = 0; i < 8; i++)
            fields[i] = None;
        if (nargs >= 1)
            fields[0] = args[0];
        if (nargs == 2) {
            Object *d = args[1];
            if (is_small(d) || d->type != vm.t_tuple || tuple_size(d) < 4 || tuple_size(d) > 6) {
                raise(vm.e_TypeError, tuple_size(d) < 4 ? "tuple index out of range"
                                                        : "function takes at most 6 arguments (%zu given)",
                      is_small(d) || d->type != vm.t_tuple ? 0 : tuple_size(d));
                return -1;
            }
            for (size_t i = 0; i < tuple_size(d); i++)
                fields[1 + i] = tuple_get(d, i);
        }
    } else if (type_is_subtype(t, vm.e_AttributeError) || type_is_subtype(t, vm.e_NameError)) {
        /* name= for both, obj= for AttributeError only. */
        bool attr = type_is_subtype(t, vm.e_AttributeError);
        fields[0] = None;
        if (attr)
            fields[1] = None;
        for (size_t k = 0; k < nkw; k++) {
            Object *name = tuple_get(kwnames, k);
            char nb[100];
            if (str_eq_cstr(name, "name")) {
                fields[0] = args[nargs + k];
            } else if (attr && str_eq_cstr(name, "obj")) {
                fields[1] = args[nargs + k];
            } else {
                raise(vm.e_TypeError, "'%s' is an invalid keyword argument for %s()",
                      str_cstr(name, nb, sizeof nb), type_name(t));
                return -1;
            }
        }
    } else if ((type_is_subtype(t, vm.e_UnicodeDecodeError)
                || type_is_subtype(t, vm.e_UnicodeEncodeError)) && nargs != 5) {
        raise(vm.e_TypeError, "function takes exactly 5 arguments (%zu given)", nargs);
        return -1;
    } else if (type_is_subtype(t, vm.e_UnicodeDecodeError)
               || type_is_subtype(t, vm.e_UnicodeEncodeError)) {
        static const char *const names[] = { "encoding", "object", "start", "end", "reason" };
        for (int i = 0; i < 5; i++)
            if (obj_setattr(e, intern_cstr(names[i]), args[i]) < 0)
                return -1;
    } else if (type_is_subtype(t, vm.e_UnicodeTranslateError) && nargs == 4) {
        /* UnicodeTranslateError(object, start, end, reason): no encoding. */
        static const char *const names[] = { "object", "start", "end", "reason" };
        if (obj_setattr(e, intern_cstr("encoding"), None) < 0)
            return -1;
        for (int i = 0; i < 4; i++)
            if (obj_setattr(e, intern_cstr(names[i]), args[i]) < 0)
                return -1;
    }
    return 0;
}

/* UnicodeDecodeError(encoding, object, start, end, reason) and its
   encoding twin describe the failure from their attributes. */
static Object *unicode_error_str(Object *self)
{
    Object *args = ((Exception *)self)->args;
    bool translate = is_instance_of(self, vm.e_UnicodeTranslateError);
    if (tuple_size(args) != (translate ? 4 : 5))
        return exc_str(self);
    Object *enc = translate ? vm.empty_str : obj_getattr_cstr(self, "encoding");
    Object *obj = obj_getattr_cstr(self, "object");
    Object *st = obj_getattr_cstr(self, "start"), *en = obj_getattr_cstr(self, "end");
    Object *why = obj_getattr_cstr(self, "reason");
    int64_t start, end;
    if (!enc || !obj || !st || !en || !why || int_to_i64(st, &start) < 0 || int_to_i64(en, &end) < 0)
        return NULL;
    char eb[100], rb[400];
    str_cstr(enc, eb, sizeof eb);
    str_cstr(why, rb, sizeof rb);
    bool decode = is_instance_of(self, vm.e_UnicodeDecodeError);
    if (translate && end == start + 1 && is_str(obj) && start >= 0 && (size_t)start < str_len(obj)) {
        uint32_t c = str_char(obj, (size_t)start);
        char cb[16];
        snprintf(cb, sizeof cb, c < 0x100 ? "\\x%02x" : c < 0x10000 ? "\\u%04x" : "\\U%08x", c);
        return str_format("can't translate character '%s' in position %lld: %s", cb,
                          (long long)start, rb);
    }
    if (translate)
        return str_format("can't translate characters in position %lld-%lld: %s",
                          (long long)start, (long long)(end - 1), rb);
    if (end == start + 1) {
        if (decode && is_bytes(obj) && start >= 0 && (size_t)start < ((Bytes *)obj)->size)
            return str_format("'%s' codec can't decode byte 0x%02x in position %lld: %s", eb,
                              (unsigned char)((Bytes *)obj)->data[start], (long long)start, rb);
        if (!decode && is_str(obj) && start >= 0 && (size_t)start < str_len(obj)) {
            uint32_t c = str_char(obj, (size_t)start);
            char cb[16];
            snprintf(cb, sizeof cb, c < 0x100 ? "\\x%02x" : c < 0x10000 ? "\\u%04x" : "\\U%08x", c);
            return str_format("'%s' codec can't encode character '%s' in position %lld: %s", eb, cb,
                              (long long)start, rb);
        }
    }
    return str_format("'%s' codec can't %s in position %lld-%lld: %s", eb,
                      decode ? "decode bytes" : "encode characters", (long long)start,
                      (long long)(end - 1), rb);
}

static Object *exc_construct(Object *cls, Object *const *args, size_t nargs, Object *kwnames)
{
    Type *t = (Type *)cls;
    Object *a = tuple_from_array(args, nargs);
    if (!a)
        return NULL;
    Object *e = exception_new(t, a);
    /* Keywords are for the __init__ of a class that overrides it (as
       CPython's BaseException.__new__ ignores them). */
    if (kwnames && t->init != exc_init_slot)
        kwnames = NULL;
    if (!e || exc_set_fields(e, args, nargs, kwnames) < 0)
        return NULL;
    return e;
}

static Object *get_field(Object *self, int i)
{
    obj_read(self);
    Object *v = ((Exception *)self)->fields[i];
    return v ? v : None;
}
static Object *get_field1(Object *self) { return get_field(self, 1); }
static Object *get_field2(Object *self) { return get_field(self, 2); }
static Object *get_field3(Object *self) { return get_field(self, 3); }
static Object *get_field4(Object *self) { return get_field(self, 4); }
static Object *get_field5(Object *self) { return get_field(self, 5); }
static Object *get_field6(Object *self) { return get_field(self, 6); }
static Object *get_field7(Object *self) { return get_field(self, 7); }

static int set_field(Object *self, int i, Object *v)
{
    obj_write(self);
    ((Exception *)self)->fields[i] = v;
    return 0;
}
static int set_field0(Object *self, Object *v) { return set_field(self, 0, v); }
static int set_field1(Object *self, Object *v) { return set_field(self, 1, v); }
static int set_field2(Object *self, Object *v) { return set_field(self, 2, v); }
static int set_field3(Object *self, Object *v) { return set_field(self, 3, v); }
static int set_field4(Object *self, Object *v) { return set_field(self, 4, v); }
static int set_field5(Object *self, Object *v) { return set_field(self, 5, v); }
static int set_field6(Object *self, Object *v) { return set_field(self, 6, v); }
static int set_field7(Object *self, Object *v) { return set_field(self, 7, v); }

/* "msg (file.py, line 3)", with the file's base name. */
static Object *syntax_error_str(Object *self)
{
    Object *msg = get_field(self, 0), *file = get_field(self, 1), *line = get_field(self, 2);
    Object *m = obj_str(msg);
    if (!m)
        return NULL;
    bool has_file = is_str(file), has_line = is_int(line);
    if (!has_file && !has_line)
        return m;
    char mb[1000], fb[1000];
    str_cstr(m, mb, sizeof mb);
    const char *base = "";
    if (has_file) {
        str_cstr(file, fb, sizeof fb);
        base = strrchr(fb, '/') ? strrchr(fb, '/') + 1 : fb;
    }
    int64_t ln = 0;
    if (has_line && int_to_i64(line, &ln) < 0)
        return NULL;
    if (has_file && has_line)
        return str_format("%s (%s, line %lld)", mb, base, (long long)ln);
    if (has_file)
        return str_format("%s (%s)", mb, base);
    return str_format("%s (line %lld)", mb, (long long)ln);
}

static Object *import_error_str(Object *self)
{
    Object *msg = get_field(self, 0);
    return msg != None ? obj_str(msg) : exc_str(self);
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
    if (is_group(self))
        return None;
    return exc_set_fields(self, args, nargs, kw) < 0 ? NULL : None;
}

static int exc_init_slot(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return exc_init(self, args, nargs, kw) ? 0 : -1;
}

Object *getset_new(Type *owner, const char *name, Object *(*get)(Object *),
                   int (*set)(Object *, Object *));

void oserror_init(void);

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
    getset_new(vm.e_StopIteration, "value", get_field0, set_field0);
    getset_new(vm.e_SystemExit, "code", get_field0, set_field0);
    vm.e_UnicodeDecodeError->str = unicode_error_str;
    vm.e_UnicodeEncodeError->str = unicode_error_str;
    vm.e_UnicodeTranslateError->str = unicode_error_str;
    Type *ie = vm.e_ImportError;
    ie->str = import_error_str;
    getset_new(ie, "msg", get_field0, set_field0);
    getset_new(ie, "name", get_field1, set_field1);
    getset_new(ie, "path", get_field2, set_field2);
    getset_new(vm.e_NameError, "name", get_field0, set_field0);
    getset_new(vm.e_AttributeError, "name", get_field0, set_field0);
    getset_new(vm.e_AttributeError, "obj", get_field1, set_field1);
    Type *se = vm.e_SyntaxError;
    se->str = syntax_error_str;
    static const char *const se_names[] = { "msg", "filename", "lineno", "offset", "text",
                                            "end_lineno", "end_offset", "print_file_and_line" };
    Object *(*const se_get[])(Object *) = { get_field0, get_field1, get_field2, get_field3,
                                            get_field4, get_field5, get_field6, get_field7 };
    int (*const se_set[])(Object *, Object *) = { set_field0, set_field1, set_field2, set_field3,
                                                  set_field4, set_field5, set_field6, set_field7 };
    for (int i = 0; i < 8; i++)
        getset_new(se, se_names[i], se_get[i], se_set[i]);
    Type *g = vm.e_BaseExceptionGroup;
    /* ExceptionGroup derives from both BaseExceptionGroup and Exception. */
    Type *eg = vm.e_ExceptionGroup;
    eg->base = g;
    eg->bases = tuple_pack(2, (Object *)g, (Object *)vm.e_Exception);
    eg->mro = tuple_pack(5, (Object *)eg, (Object *)g, (Object *)vm.e_Exception,
                         (Object *)vm.e_BaseException, (Object *)vm.t_object);
    g->tp_new = eg_construct;
    g->str = eg_str;
    static const MethodDef eg_methods[] = {
        { "split", eg_split, 0 }, { "subgroup", eg_subgroup, 0 },
        { "derive", eg_derive_method, 0 }, { NULL, NULL, 0 },
    };
    type_add_methods(g, eg_methods);
    getset_new(g, "message", eg_message, NULL);
    getset_new(g, "exceptions", eg_exceptions, NULL);
    oserror_init();     /* OSError's errno, strerror, filename: mod_oserror.c */
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

/* Printing follows CPython's C printer (the default sys.excepthook):
   exception groups nest their members in boxes whose left edge is the
   margin "| ", indented two columns per level. */
typedef struct PrintCtx {
    FILE *out;
    int group_depth;
    bool need_close;
    int seen_depth;
} PrintCtx;

#define MAX_GROUP_WIDTH 15
#define MAX_GROUP_DEPTH 10
#define RECURSIVE_CUTOFF 3

static void write_indent(PrintCtx *c, int n)
{
    for (int i = 0; i < n; i++)
        fputc(' ', c->out);
}

static int exc_indent(PrintCtx *c) { return 2 * c->group_depth; }
static const char *exc_margin(PrintCtx *c) { return c->group_depth ? "| " : ""; }

static void write_margin(PrintCtx *c)
{
    write_indent(c, exc_indent(c));
    fputs(exc_margin(c), c->out);
}

/* Line `lineno` of a file, without its line end, in buf; the number of
   leading blanks, or -1 when there is no such line. */
static int source_line(Object *filename, int lineno, char *buf, size_t size)
{
    char path[4096];
    str_cstr(filename, path, sizeof path);
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    char line[4096];
    int n = 0, skipped = -1;
    while (fgets(line, sizeof line, f))
        if (++n == lineno) {
            char *p = line;
            while (*p == ' ' || *p == '\t' || *p == '\f')
                p++;
            size_t len = strlen(line);
            while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
                line[--len] = 0;
            snprintf(buf, size, "%s", line);
            skipped = (int)(p - line);
            break;
        }
    fclose(f);
    return skipped;
}

char *tb_caret_line(const char *line, size_t len, const LineEntry *pos);
bool code_position(Object *code, uint32_t pc, LineEntry *out);

/* The entry of one traceback level: file, line, function, the source line
   and the markers under the failing expression (tb_carets.c). */
static void print_tb_entry(PrintCtx *c, Traceback *t)
{
    Code *code = (Code *)((Frame *)t->frame)->code;
    int lineno = t->lineno;
    write_margin(c);
    fprintf(c->out, "  File \"");
    print_str(c->out, code->filename);
    fprintf(c->out, "\", line %d, in ", lineno);
    print_str(c->out, code->name);
    fputc('\n', c->out);
    char text[4096];
    int skipped = lineno > 0 ? source_line(code->filename, lineno, text, sizeof text) : -1;
    if (skipped < 0)
        return;
    write_margin(c);
    fprintf(c->out, "    %s\n", text + skipped);
    LineEntry pos;
    char *carets = t->lasti >= 0 && code_position((Object *)code, (uint32_t)t->lasti, &pos)
                   ? tb_caret_line(text, strlen(text), &pos) : NULL;
    if (carets) {
        write_margin(c);
        fprintf(c->out, "%s\n", carets);
        free(carets);
    }
}

static void print_repeats(PrintCtx *c, int count)
{
    if (count > RECURSIVE_CUTOFF) {
        write_margin(c);
        count -= RECURSIVE_CUTOFF;
        fprintf(c->out, "  [Previous line repeated %d more time%s]\n", count, count > 1 ? "s" : "");
    }
}

static void print_traceback(PrintCtx *c, Object *tb, const char *header_margin, const char *header)
{
    write_indent(c, exc_indent(c));
    fprintf(c->out, "%s%s", header_margin, header);
    Object *last_file = NULL, *last_name = NULL;
    int last_line = -1, count = 0;
    for (; tb && tb != None; tb = ((Traceback *)tb)->next) {
        Traceback *t = (Traceback *)tb;
        Code *code = (Code *)((Frame *)t->frame)->code;
        if (last_file && str_eq(code->filename, last_file) && t->lineno == last_line
            && str_eq(code->name, last_name)) {
            if (++count > RECURSIVE_CUTOFF)
                continue;
        } else {
            print_repeats(c, count);
            last_file = code->filename;
            last_name = code->name;
            last_line = t->lineno;
            count = 1;
        }
        print_tb_entry(c, t);
    }
    print_repeats(c, count);
}

static Object *exc_field(Object *exc, int i)
{
    Object *v = ((Exception *)exc)->fields[i];
    return v ? v : None;
}

/* A SyntaxError's location and the offending line with a caret. */
static void print_syntax_location(PrintCtx *c, Object *exc)
{
    Object *file = exc_field(exc, 1), *line = exc_field(exc, 2), *text = exc_field(exc, 4);
    int64_t lineno = 0, offset = 0, end_offset = 0;
    /* Without a line number there is no location to show. */
    if (!is_int(line) || int_to_i64(line, &lineno) < 0) {
        exc_clear();
        return;
    }
    if (is_int(exc_field(exc, 3)))
        int_to_i64(exc_field(exc, 3), &offset);
    if (is_int(exc_field(exc, 6)))
        int_to_i64(exc_field(exc, 6), &end_offset);
    exc_clear();
    write_margin(c);
    fprintf(c->out, "  File \"");
    if (is_str(file))
        print_str(c->out, file);
    else
        fputs("<string>", c->out);
    fprintf(c->out, "\", line %lld\n", (long long)lineno);
    if (!is_str(text))
        return;
    size_t n;
    char *u = str_to_utf8(text, &n);
    if (!u)
        return;
    char *p = u;
    while (*p == ' ' || *p == '\t' || *p == '\f')
        p++;
    int64_t skipped = p - u;
    size_t len = strlen(p);
    while (len && (p[len - 1] == '\n' || p[len - 1] == '\r'))
        p[--len] = 0;
    write_margin(c);
    fprintf(c->out, "    %s\n", p);
    if (offset >= 1) {
        int64_t col = offset - 1 - skipped, width = 1;
        if (exc_field(exc, 5) == line && end_offset > offset)
            width = end_offset - offset;
        if (col < 0)
            col = 0;
        if (col > (int64_t)len)
            col = (int64_t)len;
        write_margin(c);
        fputs("    ", c->out);
        for (int64_t i = 0; i < col; i++)
            fputc(' ', c->out);
        for (int64_t i = 0; i < width; i++)
            fputc('^', c->out);
        fputc('\n', c->out);
    }
    free(u);
}

static void print_notes(PrintCtx *c, Object *exc)
{
    Object *notes = notes_of(exc);
    if (!notes)
        return;
    /* Any sequence, a str included, is printed item by item. */
    Type *nt = type_of(notes);
    if (!nt->getitem || is_instance_of(notes, vm.t_dict)) {
        Object *r = obj_repr(notes);
        write_margin(c);
        if (r)
            print_str(c->out, r);
        else
            fputs("<__notes__ repr() failed>", c->out);
        exc_clear();
        fputc('\n', c->out);
        return;
    }
    Object *l = list_from_iterable(notes);
    for (size_t i = 0; l && i < list_size(l); i++) {
        Object *note = list_get(l, i);
        Object *s = is_str(note) ? note : obj_str(note);
        if (!s) {
            exc_clear();
            write_margin(c);
            fputs("<note str() failed>\n", c->out);
            continue;
        }
        size_t n;
        char *u = str_to_utf8(s, &n);
        if (!u)
            break;
        for (char *line = u, *end; line; line = end ? end + 1 : NULL) {
            end = strchr(line, '\n');
            write_margin(c);
            fwrite(line, 1, end ? (size_t)(end - line) : strlen(line), c->out);
            fputc('\n', c->out);
        }
        free(u);
    }
    exc_clear();
}

/* ---- "Did you mean" ---------------------------------------------------------------
   CPython 3.11 completes the message of an uncaught NameError or
   AttributeError with the nearest name in scope, by an edit distance where
   a change of case costs half a change. */
#define MOVE_COST 2
#define CASE_COST 1
#define MAX_SUGGEST_STRING 40
#define MAX_SUGGEST_ITEMS 750

static size_t substitution_cost(char a, char b)
{
    if ((a & 31) != (b & 31))
        return MOVE_COST;
    if (a == b)
        return 0;
    if (a >= 'A' && a <= 'Z')
        a += 'a' - 'A';
    if (b >= 'A' && b <= 'Z')
        b += 'a' - 'A';
    return a == b ? CASE_COST : MOVE_COST;
}

static size_t edit_distance(const char *a, size_t na, const char *b, size_t nb, size_t max_cost)
{
    while (na && nb && a[0] == b[0])
        a++, b++, na--, nb--;
    while (na && nb && a[na - 1] == b[nb - 1])
        na--, nb--;
    if (na == 0 || nb == 0)
        return (na + nb) * MOVE_COST;
    if (na > MAX_SUGGEST_STRING || nb > MAX_SUGGEST_STRING)
        return max_cost + 1;
    if (nb < na) {
        const char *t = a; a = b; b = t;
        size_t tn = na; na = nb; nb = tn;
    }
    if ((nb - na) * MOVE_COST > max_cost)
        return max_cost + 1;
    size_t row[MAX_SUGGEST_STRING];
    for (size_t i = 0; i < na; i++)
        row[i] = (i + 1) * MOVE_COST;
    size_t result = 0;
    for (size_t bi = 0; bi < nb; bi++) {
        size_t distance = result = bi * MOVE_COST, minimum = SIZE_MAX;
        for (size_t i = 0; i < na; i++) {
            size_t substitute = distance + substitution_cost(b[bi], a[i]);
            distance = row[i];
            size_t insert_delete = (result < distance ? result : distance) + MOVE_COST;
            result = insert_delete < substitute ? insert_delete : substitute;
            row[i] = result;
            if (result < minimum)
                minimum = result;
        }
        if (minimum > max_cost)
            return max_cost + 1;
    }
    return result;
}

/* The candidate of `names` (an iterable of str) nearest to name, or NULL. */
static Object *nearest_name(Object *names, Object *name)
{
    Object *l = list_from_iterable(names);
    if (!l || list_size(l) >= MAX_SUGGEST_ITEMS)
        return NULL;
    size_t nn;
    char *n = str_to_utf8(name, &nn);
    if (!n)
        return NULL;
    Object *best = NULL;
    size_t best_distance = SIZE_MAX;
    for (size_t i = 0; i < list_size(l); i++) {
        Object *item = list_get(l, i);
        if (!is_str(item) || str_eq(item, name))
            continue;
        size_t ni;
        char *it = str_to_utf8(item, &ni);
        if (!it)
            break;
        size_t max = (nn + ni + 3) * MOVE_COST / 6;
        if (best_distance - 1 < max)
            max = best_distance - 1;
        size_t d = edit_distance(n, nn, it, ni, max);
        free(it);
        if (d > max)
            continue;
        if (!best || d < best_distance) {
            best = item;
            best_distance = d;
        }
    }
    free(n);
    return best;
}

Object *frame_locals(Frame *f);

static Object *suggestion_for(Object *exc)
{
    Type *t = type_of(exc);
    Object *name = exc_field(exc, 0);
    if (!is_str(name))
        return NULL;
    if (type_is_subtype(t, vm.e_AttributeError)) {
        Object *obj = ((Exception *)exc)->fields[1];
        if (!obj)
            return NULL;
        Object *dir = dict_get_cstr(vm.builtins, "dir");
        Object *names = dir ? obj_call1(dir, obj) : NULL;
        return names ? nearest_name(names, name) : NULL;
    }
    if (t != vm.e_NameError)
        return NULL;
    /* The scopes of the frame that raised it: locals, globals, builtins. */
    Object *tb = exception_traceback(exc);
    if (tb == None)
        return NULL;
    while (((Traceback *)tb)->next)
        tb = ((Traceback *)tb)->next;
    Frame *f = (Frame *)((Traceback *)tb)->frame;
    Object *scopes[3] = { frame_locals(f), f->globals, f->builtins };
    for (int i = 0; i < 3; i++) {
        Object *s = scopes[i] ? nearest_name(scopes[i], name) : NULL;
        if (s)
            return s;
    }
    return NULL;
}

static void print_one(PrintCtx *c, Object *exc)
{
    Object *tb = exception_traceback(exc);
    if (tb != None) {
        const char *header = "Traceback (most recent call last):\n";
        const char *header_margin = exc_margin(c);
        if (is_group(exc)) {
            header = "Exception Group Traceback (most recent call last):\n";
            if (c->group_depth == 1)
                header_margin = "+ ";
        }
        print_traceback(c, tb, header_margin, header);
    }
    Type *t = type_of(exc);
    bool syntax = type_is_subtype(t, vm.e_SyntaxError);
    if (syntax)
        print_syntax_location(c, exc);
    write_margin(c);
    Object *mod = type_lookup(t, intern_cstr("__module__"));
    if (mod && is_str(mod) && !str_eq_cstr(mod, "builtins") && !str_eq_cstr(mod, "__main__")) {
        print_str(c->out, mod);
        fputc('.', c->out);
    }
    print_str(c->out, t->qualname);
    Object *s = syntax && is_str(exc_field(exc, 0)) ? exc_field(exc, 0) : obj_str(exc);
    if (!s) {
        exc_clear();
        fprintf(c->out, ": <exception str() failed>\n");
    } else {
        if (str_len(s)) {
            fprintf(c->out, ": ");
            print_str(c->out, s);
        }
        Object *suggestion = suggestion_for(exc);
        exc_clear();
        if (suggestion) {
            fprintf(c->out, ". Did you mean: '");
            print_str(c->out, suggestion);
            fputs("'?", c->out);
        }
        fputc('\n', c->out);
    }
    print_notes(c, exc);
}

static void print_recursive(PrintCtx *c, Object *exc);

static void print_chained(PrintCtx *c, Object *exc, const char *message)
{
    bool need_close = c->need_close;
    print_recursive(c, exc);
    c->need_close = need_close;
    write_margin(c);
    fputc('\n', c->out);
    write_margin(c);
    fputs(message, c->out);
    write_margin(c);
    fputc('\n', c->out);
}

static void print_group(PrintCtx *c, Object *exc)
{
    if (!is_group(exc)) {
        print_one(c, exc);
        return;
    }
    if (c->group_depth > MAX_GROUP_DEPTH) {
        write_margin(c);
        fprintf(c->out, "... (max_group_depth is %d)\n", MAX_GROUP_DEPTH);
        return;
    }
    if (c->group_depth == 0)
        c->group_depth++;
    print_one(c, exc);
    Object *excs = eg_excs(exc);
    size_t num = tuple_size(excs), n = num <= MAX_GROUP_WIDTH ? num : MAX_GROUP_WIDTH + 1;
    c->need_close = false;
    for (size_t i = 0; i < n; i++) {
        bool last = i == n - 1, truncated = i >= MAX_GROUP_WIDTH;
        if (last)
            c->need_close = true;
        write_indent(c, exc_indent(c));
        if (!truncated)
            fprintf(c->out, "%s+---------------- %zu ----------------\n", i == 0 ? "+-" : "  ", i + 1);
        else
            fprintf(c->out, "%s+---------------- ... ----------------\n", i == 0 ? "+-" : "  ");
        c->group_depth++;
        if (!truncated) {
            print_recursive(c, tuple_get(excs, i));
        } else {
            size_t more = num - MAX_GROUP_WIDTH;
            write_margin(c);
            fprintf(c->out, "and %zu more exception%s\n", more, more > 1 ? "s" : "");
        }
        if (last && c->need_close) {
            write_indent(c, exc_indent(c));
            fputs("+------------------------------------\n", c->out);
            c->need_close = false;
        }
        c->group_depth--;
    }
    if (c->group_depth == 1)
        c->group_depth--;
}

static void print_recursive(PrintCtx *c, Object *exc)
{
    Exception *e = (Exception *)exc;
    if (c->seen_depth < 100) {
        c->seen_depth++;
        if (e->cause && !is_small(e->cause) && layout_of(e->cause) == L_EXCEPTION)
            print_chained(c, e->cause,
                          "The above exception was the direct cause of the following exception:\n");
        else if (e->context && !e->suppress_context && !is_small(e->context)
                 && layout_of(e->context) == L_EXCEPTION)
            print_chained(c, e->context,
                          "During handling of the above exception, another exception occurred:\n");
        c->seen_depth--;
    }
    print_group(c, exc);
}

void print_exception(Object *exc)
{
    fflush(stdout);
    PrintCtx c = { .out = stderr };
    print_recursive(&c, exc);
    fflush(stderr);
}

/* For hooks that write to a Python file (threading.excepthook): the
   traceback into a C stream, e.g. an open_memstream(). */
void print_exception_to(FILE *out, Object *exc)
{
    PrintCtx c = { .out = out };
    print_recursive(&c, exc);
}
