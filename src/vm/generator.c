/*
** Generators: a generator owns its heap frame; next()/send() resume it in
** a nested loop until it yields or returns.
*/
#include "compiler/code.h"
#include "compiler/opcodes.h"
#include "vm/eval.h"
#include "vm/runtime.h"


/* Async generators: a Generator of their own type; asend()/athrow()/
   aclose() return awaitables (ASend) that resume it; the values it yields
   to its consumer come wrapped by ASYNC_GEN_WRAP, the others go on to
   whoever drives the awaitable.  The types are made at start-up (builtin
   types are roots). */
static Type *async_gen_type, *asend_type, *wrapped_type;

/* Generators, coroutines and async generators share the machinery;
   coroutines are not iterators. */
static bool gen_like(Object *o)
{
    return !is_small(o) && (o->type == vm.t_generator || o->type == vm.t_coroutine
                            || o->type == async_gen_type);
}

static bool is_coroutine(Object *o) { return !is_small(o) && o->type == vm.t_coroutine; }

Object *async_gen_wrap(Object *v)
{
    Cell *c = (Cell *)vm_alloc(sizeof(struct Cell), L_CELL, wrapped_type);
    if (c)
        c->value = v;
    return (Object *)c;
}

Object *generator_new(Frame *f)
{
    Code *c = (Code *)f->code;
    Type *t = c->flags & CO_COROUTINE ? vm.t_coroutine
              : c->flags & CO_ASYNC_GENERATOR ? async_gen_type : vm.t_generator;
    Generator *g = (Generator *)vm_alloc(sizeof(struct Generator), L_GENERATOR, t);
    if (!g)
        return NULL;
    g->frame = (Object *)f;
    g->code = f->code;
    g->name = c->name;
    g->qualname = c->qualname;
    f->generator = (Object *)g;
    return (Object *)g;
}

/* Once per generator: a second stm_enable_finalizer() is an error. */
static void register_finalizer(Generator *g)
{
    obj_read((Object *)g);
    if (g->close_when_dead)
        return;
    obj_write((Object *)g);
    g->close_when_dead = true;
    stm_enable_finalizer((stm_obj *)g);
}

/* A generator or coroutine suspended inside a try or with block runs the
   handler when it dies unfinished: close() throws GeneratorExit there, as
   CPython's finalizer does.  Registered at the first such suspension only:
   closing one suspended outside any handler does nothing but mark it
   finished, and every finalizable object costs the collector (and, in
   the STM flavour, makes its transaction's collections stop the world).
   Async generators are left to asyncio's hooks (sys.set_asyncgen_hooks). */
void generator_close_when_dead(Object *gen)
{
    if (gen->type != async_gen_type)
        register_finalizer((Generator *)gen);
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
        raise(vm.e_ValueError, "%s already executing", is_coroutine(go) ? "coroutine" : "generator");
        return -1;
    }
    Frame *f = (Frame *)g->frame;
    if (!f && is_coroutine(go)) {
        raise(vm.e_RuntimeError, "cannot reuse already awaited coroutine");
        return -1;
    }
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
        raise(vm.e_TypeError, "can't send non-None value to a just-started %s",
              is_coroutine(go) ? "coroutine" : go->type == async_gen_type ? "async generator"
                                                                           : "generator");
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
    if (gen_like(receiver)) {
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
        raise(vm.e_RuntimeError, "%s raised StopIteration", is_coroutine(self) ? "coroutine" : "generator");
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
    if (gen_like(yf))
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
    if (gen_like(yf)) {
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
    /* Leave the SEND loop as SEND does when the iterator returns: with its
       value, or raising what the iterator raised (not throwing it into the
       finished iterator again). */
    bool stopped = exc_matches(vm.e_StopIteration);
    Object *err = exc_fetch(), *val = stopped ? ((Exception *)err)->fields[0] : NULL;
    Frame *f = (Frame *)g->frame;
    obj_write((Object *)f);
    const uint32_t STM_SEG *w = (const uint32_t STM_SEG *)((Bytes *)((Code *)f->code)->words)->data;
    f->stack_depth--;
    f->pc = INSTR_ARG(w[f->pc - 2]);
    int s = gen_resume(self, val ? val : None, stopped ? NULL : err, &r);
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

/* The exception that throw(type[, value[, traceback]]) raises. */
static Object *thrown_exception(Object *const *args, size_t nargs)
{
    Object *e = args[0];
    Object *val = nargs >= 2 ? args[1] : None, *tb = nargs >= 3 ? args[2] : None;
    if (tb != None && (is_small(tb) || tb->type != vm.t_traceback))
        return raise(vm.e_TypeError, "throw() third argument must be a traceback object");
    if (is_exception_type(e)) {
        /* (type, instance of it) throws that very instance, so that the
           traceback it carries goes on growing. */
        if (is_instance_of(val, (Type *)e))
            e = val;
        else if (val == None)
            e = obj_call0(e);
        else if (!is_small(val) && val->type == vm.t_tuple)
            e = call_with_tuple_and_dict(e, val, NULL);
        else
            e = obj_call1(e, val);
        if (!e)
            return NULL;
    } else if (!is_instance_of(e, vm.e_BaseException)) {
        return raise(vm.e_TypeError, "exceptions must be classes or instances deriving from "
                     "BaseException, not %s", type_name(type_of(e)));
    } else if (val != None) {
        return raise(vm.e_TypeError, "instance exception may not have a separate value");
    }
    if (tb != None && !is_small(e) && layout_of(e) == L_EXCEPTION) {
        obj_write(e);
        ((Exception *)e)->traceback = tb;
    }
    return e;
}

static Object *m_throw(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_no_kw("throw", kw) < 0 || args_count("throw", nargs, 1, 3) < 0)
        return NULL;
    Object *e = thrown_exception(args, nargs);
    return e ? gen_throw_exc(self, e) : NULL;
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

int generator_finalize(Object *gen)
{
    Generator *g = (Generator *)gen;
    obj_read(gen);
    if (gen->type != async_gen_type)
        return gen_close_impl(gen) ? 0 : -1;
    /* Unfinished: the loop that iterated it closes it (asyncio: a task
       running aclose()). */
    if (!g->frame || !g->finalizer)
        return 0;
    return obj_call1(g->finalizer, gen) ? 0 : -1;
}

static Object *gen_iter(Object *g) { return g; }

static Object *gen_repr(Object *g)
{
    char b[200];
    return str_format("<%s object %s at %#lx>", is_coroutine(g) ? "coroutine" : "generator",
                      str_cstr(((Generator *)g)->qualname, b, sizeof b), (unsigned long)(uintptr_t)g);
}

/* What `await o` iterates: a coroutine itself, a generator marked by
   types.coroutine, or the iterator o.__await__() returns.  `where` is
   GET_AWAITABLE's argument: 1 after __aenter__, 2 after __aexit__. */
Object *get_awaitable(Object *o, int where)
{
    if (is_coroutine(o)) {
        if (gen_yieldfrom(o))
            return raise(vm.e_RuntimeError, "coroutine is being awaited already");
        return o;
    }
    if (!is_small(o) && o->type == vm.t_generator
        && (((Code *)((Generator *)o)->code)->flags & CO_ITERABLE_COROUTINE))
        return o;
    Object *f = type_lookup(type_of(o), intern_cstr("__await__"));
    if (!f) {
        if (where)
            return raise(vm.e_TypeError, "'async with' received an object from __a%s__ that does "
                         "not implement __await__: %s", where == 1 ? "enter" : "exit",
                         type_name(type_of(o)));
        return raise(vm.e_TypeError, "object %s can't be used in 'await' expression",
                     type_name(type_of(o)));
    }
    Type *ft = type_of(f);
    Object *bound = ft->descr_get ? ft->descr_get(f, o, type_of(o)) : f;
    Object *r = bound ? obj_call0(bound) : NULL;
    if (!r)
        return NULL;
    if (is_coroutine(r) || (!is_small(r) && r->type == vm.t_generator
                            && (((Code *)((Generator *)r)->code)->flags & CO_ITERABLE_COROUTINE)))
        return raise(vm.e_TypeError, "__await__() returned a coroutine");
    if (!type_of(r)->next)
        return raise(vm.e_TypeError, "__await__() returned non-iterator of type '%s'",
                     type_name(type_of(r)));
    return r;
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
static Object *cr_await(Object *g)
{
    Object *yf = gen_yieldfrom(g);
    return yf ? yf : None;
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

/* ---- async generators -------------------------------------------------------- */

enum { AW_GEN, AW_ARG };                    /* ASend refs */
enum { AW_INIT, AW_ITER, AW_CLOSED };       /* data[0]: state */
enum { AW_SEND, AW_THROW, AW_CLOSE };       /* data[1]: what it does */

static Object *asend_new(Object *gen, Object *arg, int kind)
{
    Native *n = (Native *)vm_alloc(sizeof(struct Native) + 2 * sizeof(uint64_t), L_NATIVE, asend_type);
    if (!n)
        return NULL;
    n->refs[AW_GEN] = gen;
    n->refs[AW_ARG] = arg;
    n->data[0] = AW_INIT;
    n->data[1] = (uint64_t)kind;
    return (Object *)n;
}

/* What the awaitable gives its driver after the generator stepped:
   s and r as gen_resume's.  A wrapped value ends the await with it. */
static Object *asend_result(Object *self, int s, Object *r)
{
    Native *n = (Native *)self;
    int kind = (int)n->data[1];
    if (s == 1 && (is_small(r) || r->type != wrapped_type))
        return r;
    obj_write(self);
    n->data[0] = AW_CLOSED;
    if (s == 1) {
        if (kind == AW_CLOSE)
            return raise(vm.e_RuntimeError, "async generator ignored GeneratorExit");
        Object *v = ((Cell *)r)->value;
        Object *a = tuple_pack(1, v);
        Object *e = a ? exception_new(vm.e_StopIteration, a) : NULL;
        if (e)
            ((Exception *)e)->fields[0] = v;
        return e ? raise_object(e) : NULL;
    }
    if (s == 0)
        return kind == AW_CLOSE ? raise_object((Object *)vm.e_StopIteration)
                                : raise_object((Object *)vm.e_StopAsyncIteration);
    if (kind == AW_CLOSE && (exc_matches(vm.e_StopAsyncIteration) || exc_matches(vm.e_GeneratorExit))) {
        exc_clear();
        return raise_object((Object *)vm.e_StopIteration);
    }
    if (exc_matches(vm.e_StopIteration) || exc_matches(vm.e_StopAsyncIteration)) {
        Object *e = exc_fetch();
        raise(vm.e_RuntimeError, "async generator raised %s", type_name(type_of(e)));
        Exception *ne = (Exception *)exc_occurred();
        ne->cause = e;
        ne->suppress_context = true;
    }
    return NULL;
}

static Object *asend_step(Object *self, Object *v, Object *exc)
{
    Native *n = (Native *)self;
    obj_read(self);
    if (n->data[0] == AW_CLOSED)
        return raise(vm.e_RuntimeError, "cannot reuse already awaited __anext__()/asend()");
    Object *gen = n->refs[AW_GEN], *r;
    int s;
    if (n->data[0] == AW_INIT && !exc) {
        obj_write(self);
        n->data[0] = AW_ITER;
        int kind = (int)n->data[1];
        if (kind == AW_SEND) {
            s = gen_resume(gen, v == None ? n->refs[AW_ARG] : v, NULL, &r);
        } else {
            Object *e = kind == AW_CLOSE ? exception_new(vm.e_GeneratorExit, NULL) : n->refs[AW_ARG];
            if (!e)
                return NULL;
            /* athrow and aclose of a finished generator end at once. */
            obj_read(gen);
            if (!((Generator *)gen)->frame) {
                n->data[0] = AW_CLOSED;
                return raise_object((Object *)vm.e_StopIteration);
            }
            r = gen_throw_exc(gen, e);
            s = r ? 1 : exc_matches(vm.e_StopIteration) ? 0 : -1;
            if (s == 0) {
                Object *stop = exc_fetch(), *val = ((Exception *)stop)->fields[0];
                r = val ? val : None;
            }
        }
    } else if (exc) {
        r = gen_throw_exc(gen, exc);
        s = r ? 1 : exc_matches(vm.e_StopIteration) ? 0 : -1;
        if (s == 0)
            exc_clear();
    } else {
        s = gen_resume(gen, v, NULL, &r);
    }
    return asend_result(self, s, r);
}

static Object *asend_next(Object *self) { return asend_step(self, None, NULL); }
static Object *asend_iter(Object *self) { return self; }

static Object *m_asend_send(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return args_exact("send", kw, nargs, 1) < 0 ? NULL : asend_step(self, args[0], NULL);
}

static Object *m_asend_throw(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_no_kw("throw", kw) < 0 || args_count("throw", nargs, 1, 3) < 0)
        return NULL;
    Object *e = thrown_exception(args, nargs);
    return e ? asend_step(self, None, e) : NULL;
}

static Object *m_asend_close(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("close", kw, nargs, 0) < 0)
        return NULL;
    obj_write(self);
    ((Native *)self)->data[0] = AW_CLOSED;
    return None;
}

static Object *m_asend_await(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return args_exact("__await__", kw, nargs, 0) < 0 ? NULL : self;
}

/* CPython's async_gen_init_hooks: the first asend(), athrow(), aclose() or
   __anext__() keeps the thread's finalizer hook and calls its firstiter
   hook with the generator. */
static int init_hooks(Object *self)
{
    Generator *g = (Generator *)self;
    obj_read(self);
    if (g->hooks_done)
        return 0;
    obj_write(self);
    g->hooks_done = true;
    Object *fin = asyncgen_hook(true);
    if (fin) {
        g->finalizer = fin;
        register_finalizer(g);
    }
    Object *first = asyncgen_hook(false);
    return first && !obj_call1(first, self) ? -1 : 0;
}

static Object *m_asend(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("asend", kw, nargs, 1) < 0 || init_hooks(self) < 0)
        return NULL;
    return asend_new(self, args[0], AW_SEND);
}

static Object *m_anext(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("__anext__", kw, nargs, 0) < 0 || init_hooks(self) < 0)
        return NULL;
    return asend_new(self, None, AW_SEND);
}

static Object *m_aiter(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return args_exact("__aiter__", kw, nargs, 0) < 0 ? NULL : self;
}

static Object *m_athrow(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_no_kw("athrow", kw) < 0 || args_count("athrow", nargs, 1, 3) < 0)
        return NULL;
    Object *e = thrown_exception(args, nargs);
    return e && init_hooks(self) == 0 ? asend_new(self, e, AW_THROW) : NULL;
}

static Object *m_aclose(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("aclose", kw, nargs, 0) < 0 || init_hooks(self) < 0)
        return NULL;
    return asend_new(self, None, AW_CLOSE);
}

static Object *async_gen_repr(Object *g)
{
    char b[200];
    return str_format("<async_generator object %s at %#lx>",
                      str_cstr(((Generator *)g)->qualname, b, sizeof b), (unsigned long)(uintptr_t)g);
}

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

    Type *c = vm.t_coroutine;
    c->repr = gen_repr;
    type_add_methods(c, methods);
    getset_new(c, "cr_frame", gi_frame, NULL);
    getset_new(c, "cr_running", gi_running, NULL);
    getset_new(c, "cr_code", gi_code, NULL);
    getset_new(c, "cr_suspended", gi_suspended, NULL);
    getset_new(c, "cr_await", cr_await, NULL);
    getset_new(c, "__name__", gen_get_name, gen_set_name);
    getset_new(c, "__qualname__", gen_get_qualname, gen_set_qualname);

    Type *ag = async_gen_type = type_new_builtin("async_generator", vm.t_object, L_GENERATOR, 0, 0);
    ag->repr = async_gen_repr;
    static const MethodDef ag_methods[] = {
        { "asend", m_asend, 0 }, { "athrow", m_athrow, 0 }, { "aclose", m_aclose, 0 },
        { "__anext__", m_anext, 0 }, { "__aiter__", m_aiter, 0 }, { NULL, NULL, 0 },
    };
    type_add_methods(ag, ag_methods);
    getset_new(ag, "ag_frame", gi_frame, NULL);
    getset_new(ag, "ag_running", gi_running, NULL);
    getset_new(ag, "ag_code", gi_code, NULL);
    getset_new(ag, "ag_await", cr_await, NULL);
    getset_new(ag, "__name__", gen_get_name, gen_set_name);
    getset_new(ag, "__qualname__", gen_get_qualname, gen_set_qualname);

    Type *aw = asend_type = type_new_builtin("async_generator_asend", vm.t_object, L_NATIVE,
                                             sizeof(struct Native) + 2 * sizeof(uint64_t), 0);
    aw->iter = asend_iter;
    aw->next = asend_next;
    static const MethodDef aw_methods[] = {
        { "send", m_asend_send, 0 }, { "throw", m_asend_throw, 0 }, { "close", m_asend_close, 0 },
        { "__await__", m_asend_await, 0 }, { NULL, NULL, 0 },
    };
    type_add_methods(aw, aw_methods);
    wrapped_type = type_new_builtin("async_generator_wrapped_value", vm.t_object, L_CELL, 0, 0);
}
