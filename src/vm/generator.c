/*
** Generators: a generator owns its heap frame; next()/send() resume it in
** a nested loop until it yields or returns.
*/
#include "compiler/code.h"
#include "compiler/opcodes.h"
#include "vm/eval.h"
#include "vm/runtime.h"


Object *generator_new(Frame *f)
{
    Generator *g = (Generator *)vm_alloc(sizeof(struct Generator), L_GENERATOR, vm.t_generator);
    if (!g)
        return NULL;
    Code *c = (Code *)f->code;
    g->frame = (Object *)f;
    g->code = f->code;
    g->name = c->name;
    g->qualname = c->qualname;
    f->generator = (Object *)g;
    return (Object *)g;
}

void generator_finished(Frame *f)
{
    Generator *g = (Generator *)f->generator;
    obj_write((Object *)g);
    g->frame = NULL;
}

/* A generator not yet run stopped right after its RETURN_GENERATOR. */
static bool gen_just_started(Frame *f)
{
    obj_read((Object *)f);
    const uint32_t STM_SEG *w = (const uint32_t STM_SEG *)((Bytes *)((Code *)f->code)->words)->data;
    return f->pc == 0 || INSTR_OP(w[f->pc - 1]) == OP_RETURN_GENERATOR;
}

/* Resumes g with `value` pushed (or exc raised inside it).  1: yielded
   *out; 0: returned *out; -1: error. */
static int gen_resume(Object *go, Object *value, Object *exc, Object **out)
{
    Generator *g = (Generator *)go;
    obj_read(go);
    if (g->running) {
        raise(vm.e_ValueError, "generator already executing");
        return -1;
    }
    Frame *f = (Frame *)g->frame;
    if (!f) {
        if (exc) {
            exc_restore(exc);
            return -1;
        }
        *out = None;
        return 0;
    }
    obj_write((Object *)f);
    if (gen_just_started(f) && value != None && !exc) {
        raise(vm.e_TypeError, "can't send non-None value to a just-started generator");
        return -1;
    }
    obj_write(go);
    g->running = true;
    if (exc) {
        /* Raise at the yield point: the loop unwinds from there. */
        f->slots[f->nlocalsplus + f->stack_depth] = None;
        f->stack_depth++;
    } else {
        f->slots[f->nlocalsplus + f->stack_depth] = value;
        f->stack_depth++;
    }
    /* The generator has its own handled exception (sys.exception()),
       swapped with the caller's while it runs. */
    ThreadState *ts = thread_state();
    obj_write((Object *)ts);
    Object *caller_handled = ts->handled;
    ts->handled = g->exc_state;
    Object *r;
    if (exc) {
        exc_restore(exc);
        r = eval_resume_with_exception(f);
    } else {
        r = eval_resume(f);
    }
    ts = thread_state();
    obj_write((Object *)ts);
    obj_write(go);
    g->exc_state = r && vm_thread->yielded ? ts->handled : NULL;
    ts->handled = caller_handled;
    g->running = false;
    if (!r)
        return -1;
    *out = r;
    return vm_thread->yielded ? 1 : 0;
}

/* The iterator slot: a return ends the iteration without an exception,
   its value dropped, as for-loops drop it. */
static Object *gen_next(Object *g)
{
    Object *r;
    int s = gen_resume(g, None, NULL, &r);
    if (s == 1)
        return r;
    if (s == 0)
        return NULL;
    if (exc_matches(vm.e_StopIteration)) {
        Object *e = exc_fetch();
        raise(vm.e_RuntimeError, "generator raised StopIteration");
        Exception *ne = (Exception *)exc_occurred();
        ne->cause = e;
        ne->suppress_context = true;
    }
    return NULL;
}

Object *generator_send_any(Object *receiver, Object *v, int *status)
{
    Object *r;
    if (!is_small(receiver) && receiver->type == vm.t_generator) {
        *status = gen_resume(receiver, v, NULL, &r);
        return r;
    }
    if (v == None) {
        r = obj_next(receiver);
    } else {
        Object *send = obj_getattr_cstr(receiver, "send");
        r = send ? obj_call1(send, v) : NULL;
    }
    if (r) {
        *status = 1;
        return r;
    }
    if (!exc_occurred()) {
        *status = 0;
        return None;
    }
    if (exc_matches(vm.e_StopIteration)) {
        Object *e = exc_fetch();
        Object *val = ((Exception *)e)->fields[0];
        *status = 0;
        return val ? val : None;
    }
    *status = -1;
    return NULL;
}

/* send(): a return raises StopIteration carrying the value. */
Object *generator_send(Object *self, Object *v)
{
    Object *r;
    int s = gen_resume(self, v, NULL, &r);
    if (s == 1)
        return r;
    if (s == 0) {
        Object *a = tuple_pack(1, r);
        Object *e = a ? exception_new(vm.e_StopIteration, r == None ? vm.empty_tuple : a) : NULL;
        if (e)
            ((Exception *)e)->fields[0] = r;
        return e ? raise_object(e) : NULL;
    }
    if (exc_matches(vm.e_StopIteration)) {
        Object *e = exc_fetch();
        raise(vm.e_RuntimeError, "generator raised StopIteration");
        Exception *ne = (Exception *)exc_occurred();
        ne->cause = e;
        ne->suppress_context = true;
    }
    return NULL;
}

static Object *m_send(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return args_exact("send", kw, nargs, 1) < 0 ? NULL : generator_send(self, args[0]);
}

/* The iterator a generator suspended in `yield from` delegates to: the
   frame stopped after the YIELD_VALUE of a SEND loop, the iterator on top
   of its stack. */
static Object *gen_yieldfrom(Object *go)
{
    Generator *g = (Generator *)go;
    obj_read(go);
    Frame *f = (Frame *)g->frame;
    if (!f)
        return NULL;
    obj_read((Object *)f);
    Code *c = (Code *)f->code;
    const uint32_t STM_SEG *w = (const uint32_t STM_SEG *)((Bytes *)c->words)->data;
    if (f->pc < 2 || f->pc >= c->nwords || f->stack_depth == 0
        || INSTR_OP(w[f->pc]) != OP_JUMP_BACKWARD_NO_INTERRUPT || INSTR_OP(w[f->pc - 1]) != OP_YIELD_VALUE
        || INSTR_OP(w[f->pc - 2]) != OP_SEND)
        return NULL;
    return f->slots[f->nlocalsplus + f->stack_depth - 1];
}

static Object *gen_close_impl(Object *self);

/* Closes an iterator a `yield from` delegates to. */
static int close_iter(Object *yf)
{
    if (!is_small(yf) && yf->type == vm.t_generator)
        return gen_close_impl(yf) ? 0 : -1;
    Object *close = obj_getattr_cstr(yf, "close");
    if (!close) {
        if (!exc_matches(vm.e_AttributeError))
            return -1;
        exc_clear();
        return 0;
    }
    return obj_call0(close) ? 0 : -1;
}

static Object *gen_result(int s, Object *r)
{
    if (s == 1)
        return r;
    if (s == 0) {
        Object *a = tuple_pack(1, r);
        Object *x = a ? exception_new(vm.e_StopIteration, r == None ? vm.empty_tuple : a) : NULL;
        if (x)
            ((Exception *)x)->fields[0] = r;
        return x ? raise_object(x) : NULL;
    }
    return NULL;
}

static Object *gen_throw_exc(Object *self, Object *e);

/* throw() into a generator that delegates: the sub-iterator gets the
   exception first; if it returns, its value ends the `yield from`. */
static Object *gen_throw_delegate(Object *self, Object *yf, Object *e)
{
    Generator *g = (Generator *)self;
    obj_write(self);
    g->running = true;
    Object *r;
    if (!is_small(yf) && yf->type == vm.t_generator) {
        r = gen_throw_exc(yf, e);
    } else {
        Object *meth = obj_getattr_cstr(yf, "throw");
        if (!meth) {
            g->running = false;
            if (!exc_matches(vm.e_AttributeError))
                return NULL;
            exc_clear();
            return NULL;
        }
        r = obj_call1(meth, e);
    }
    obj_write(self);
    g->running = false;
    if (r)
        return r;
    if (!exc_matches(vm.e_StopIteration))
        return gen_throw_exc(self, exc_fetch());
    Object *stop = exc_fetch(), *val = ((Exception *)stop)->fields[0];
    /* Leave the SEND loop as SEND does when the iterator returns. */
    Frame *f = (Frame *)g->frame;
    obj_write((Object *)f);
    const uint32_t STM_SEG *w = (const uint32_t STM_SEG *)((Bytes *)((Code *)f->code)->words)->data;
    f->stack_depth--;
    f->pc = INSTR_ARG(w[f->pc - 2]);
    int s = gen_resume(self, val ? val : None, NULL, &r);
    return gen_result(s, r);
}

static Object *gen_throw_exc(Object *self, Object *e)
{
    Object *yf = gen_yieldfrom(self);
    if (yf) {
        if (is_instance_of(e, vm.e_GeneratorExit)) {
            Generator *g = (Generator *)self;
            obj_write(self);
            g->running = true;
            int err = close_iter(yf);
            obj_write(self);
            g->running = false;
            if (err < 0)
                e = exc_fetch();
        } else {
            Object *r = gen_throw_delegate(self, yf, e);
            if (r || exc_occurred())
                return r;
        }
    }
    Object *r;
    int s = gen_resume(self, None, e, &r);
    return gen_result(s, r);
}

static Object *m_throw(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_no_kw("throw", kw) < 0 || args_count("throw", nargs, 1, 3) < 0)
        return NULL;
    Object *e = args[0];
    if (is_exception_type(e)) {
        e = nargs >= 2 && args[1] != None ? obj_call1(e, args[1]) : obj_call0(e);
        if (!e)
            return NULL;
    } else if (!is_instance_of(e, vm.e_BaseException)) {
        return raise(vm.e_TypeError, "exceptions must be classes or instances deriving from "
                     "BaseException, not %s", type_name(type_of(e)));
    }
    return gen_throw_exc(self, e);
}

static Object *m_close(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("close", kw, nargs, 0) < 0)
        return NULL;
    return gen_close_impl(self);
}

static Object *gen_close_impl(Object *self)
{
    Generator *g = (Generator *)self;
    obj_read(self);
    Object *yf = gen_yieldfrom(self);
    Object *sub_error = NULL;
    if (yf) {
        obj_write(self);
        g->running = true;
        if (close_iter(yf) < 0)
            sub_error = exc_fetch();
        obj_write(self);
        g->running = false;
    }
    if (!g->frame || gen_just_started((Frame *)g->frame)) {
        obj_write(self);
        g->frame = NULL;
        return None;
    }
    Object *e = sub_error ? sub_error : exception_new(vm.e_GeneratorExit, NULL);
    Object *r;
    int s = e ? gen_resume(self, None, e, &r) : -1;
    if (s == 1)
        return raise(vm.e_RuntimeError, "generator ignored GeneratorExit");
    if (s < 0 && (exc_matches(vm.e_GeneratorExit) || exc_matches(vm.e_StopIteration))) {
        exc_clear();
        return None;
    }
    return s < 0 ? NULL : None;
}

static Object *gen_iter(Object *g) { return g; }

static Object *gen_repr(Object *g)
{
    char b[200];
    return str_format("<generator object %s at %#lx>",
                      str_cstr(((Generator *)g)->qualname, b, sizeof b), (unsigned long)(uintptr_t)g);
}

Object *getset_new(Type *owner, const char *name, Object *(*get)(Object *),
                   int (*set)(Object *, Object *));

#define GEN(o) ((Generator *)(o))
static Object *gi_frame(Object *g) { obj_read(g); return GEN(g)->frame ? GEN(g)->frame : None; }
static Object *gi_running(Object *g) { obj_read(g); return bool_obj(GEN(g)->running); }
static Object *gi_code(Object *g) { return GEN(g)->code; }
static Object *gi_suspended(Object *g)
{
    obj_read(g);
    Frame *f = (Frame *)GEN(g)->frame;
    return bool_obj(f && !GEN(g)->running && !gen_just_started(f));
}
static Object *gen_get_name(Object *g) { obj_read(g); return GEN(g)->name; }
static Object *gen_get_qualname(Object *g) { obj_read(g); return GEN(g)->qualname; }

static int gen_set_name(Object *g, Object *v)
{
    if (!is_str(v)) {
        raise(vm.e_TypeError, "__name__ must be set to a string object");
        return -1;
    }
    obj_write(g);
    GEN(g)->name = v;
    return 0;
}

static int gen_set_qualname(Object *g, Object *v)
{
    if (!is_str(v)) {
        raise(vm.e_TypeError, "__qualname__ must be set to a string object");
        return -1;
    }
    obj_write(g);
    GEN(g)->qualname = v;
    return 0;
}
#undef GEN

void generator_type_init(void)
{
    Type *t = vm.t_generator;
    t->iter = gen_iter;
    t->next = gen_next;
    t->repr = gen_repr;
    static const MethodDef methods[] = {
        { "send", m_send, 0 }, { "throw", m_throw, 0 }, { "close", m_close, 0 },
        { NULL, NULL, 0 },
    };
    type_add_methods(t, methods);
    getset_new(t, "gi_frame", gi_frame, NULL);
    getset_new(t, "gi_running", gi_running, NULL);
    getset_new(t, "gi_code", gi_code, NULL);
    getset_new(t, "gi_suspended", gi_suspended, NULL);
    getset_new(t, "__name__", gen_get_name, gen_set_name);
    getset_new(t, "__qualname__", gen_get_qualname, gen_set_qualname);
}
