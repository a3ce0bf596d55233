/*
** Frames: creation, and binding call arguments to parameters with
** CPython's rules and messages.
*/
#include <string.h>

#include "compiler/code.h"
#include "vm/runtime.h"
#include "vm/str_impl.h"

Frame *frame_new(Object *code, Object *func, Object *globals, Object *builtins, Object *locals)
{
    Code *c = (Code *)code;
    uint32_t n = (uint32_t)tuple_size(c->localsplus_names);
    size_t size = sizeof(struct Frame) + (n + c->stacksize) * sizeof(Object *);
    Frame *f = (Frame *)vm_alloc(size, L_FRAME, vm.t_frame);
    if (!f)
        return NULL;
    f->code = code;
    f->func = func;
    f->globals = globals;
    f->builtins = builtins;
    f->locals = locals;
    f->nlocalsplus = n;
    f->nslots = n + c->stacksize;
    return f;
}

static const char *fname(Object *func, char *buf, size_t size)
{
    return str_cstr(((Function *)func)->qualname, buf, size);
}

/* "'a'", "'a' and 'b'", "'a', 'b', and 'c'" */
static void name_list(char *out, size_t size, Object **names, int n)
{
    size_t k = 0;
    out[0] = 0;
    for (int i = 0; i < n; i++) {
        char nb[100];
        const char *sep = i == 0 ? "" : n == 2 ? " and " : i == n - 1 ? ", and " : ", ";
        k += (size_t)snprintf(out + k, size > k ? size - k : 0, "%s'%s'", sep,
                              str_cstr(names[i], nb, sizeof nb));
        if (k >= size)
            break;
    }
}

static int missing_args(Object *func, Frame *f, uint32_t from, uint32_t to, bool kwonly)
{
    Code *c = (Code *)f->code;
    Object *names[64];
    int n = 0;
    for (uint32_t i = from; i < to && n < 64; i++)
        if (!f->slots[i])
            names[n++] = tuple_get(c->localsplus_names, i);
    char list[1024], fb[200];
    name_list(list, sizeof list, names, n);
    raise(vm.e_TypeError, "%s() missing %d required %s argument%s: %s",
          fname(func, fb, sizeof fb), n, kwonly ? "keyword-only" : "positional",
          n == 1 ? "" : "s", list);
    return -1;
}

static int too_many_positional(Object *func, Frame *f, size_t given, size_t kwgiven)
{
    Code *c = (Code *)f->code;
    Function *fn = (Function *)func;
    size_t ndef = fn->defaults ? tuple_size(fn->defaults) : 0;
    size_t max = c->argcount, min = max - ndef;
    char fb[200], takes[100], kw[100] = "";
    if (min != max)
        snprintf(takes, sizeof takes, "from %zu to %zu positional arguments", min, max);
    else
        snprintf(takes, sizeof takes, "%zu positional argument%s", max, max == 1 ? "" : "s");
    if (kwgiven)
        snprintf(kw, sizeof kw, " positional argument%s (and %zu keyword-only argument%s)",
                 given == 1 ? "" : "s", kwgiven, kwgiven == 1 ? "" : "s");
    raise(vm.e_TypeError, "%s() takes %s but %zu%s %s given", fname(func, fb, sizeof fb),
          takes, given, kw, given == 1 && !kwgiven ? "was" : "were");
    return -1;
}

int frame_bind_args(Frame *f, Object *func, Object *const *args, size_t nargs, Object *kwnames)
{
    Code *c = (Code *)f->code;
    Function *fn = (Function *)func;
    uint32_t argc = c->argcount, kwonly = c->kwonlyargcount;
    uint32_t total = argc + kwonly;
    Object *STM_SEG *slots = f->slots;
    Object *varkw = NULL;
    uint32_t vararg_ix = total, varkw_ix = total + ((c->flags & CO_VARARGS) ? 1 : 0);
    size_t nkw = kwnames ? tuple_size(kwnames) : 0;

    if (c->flags & CO_VARKEYWORDS) {
        varkw = dict_new();
        if (!varkw)
            return -1;
        slots[varkw_ix] = varkw;
    }
    size_t npos = nargs < argc ? nargs : argc;
    for (size_t i = 0; i < npos; i++)
        slots[i] = args[i];
    if (c->flags & CO_VARARGS) {
        Object *rest = nargs > argc ? tuple_from_array(args + argc, nargs - argc) : vm.empty_tuple;
        if (!rest)
            return -1;
        slots[vararg_ix] = rest;
    } else if (nargs > argc) {
        size_t kwonly_given = 0;
        for (size_t k = 0; k < nkw; k++)
            for (uint32_t j = argc; j < total; j++)
                if (str_eq(tuple_get(kwnames, k), tuple_get(c->localsplus_names, j)))
                    kwonly_given++;
        return too_many_positional(func, f, nargs, kwonly_given);
    }

    for (size_t k = 0; k < nkw; k++) {
        Object *name = tuple_get(kwnames, k), *value = args[nargs + k];
        uint32_t j;
        for (j = c->posonlyargcount; j < total; j++)
            if (tuple_get(c->localsplus_names, j) == name)
                break;
        if (j == total)
            for (j = c->posonlyargcount; j < total; j++)
                if (str_eq(tuple_get(c->localsplus_names, j), name))
                    break;
        char fb[200], nb[100];
        if (j < total) {
            if (slots[j]) {
                raise(vm.e_TypeError, "%s() got multiple values for argument '%s'",
                      fname(func, fb, sizeof fb), str_cstr(name, nb, sizeof nb));
                return -1;
            }
            slots[j] = value;
            continue;
        }
        if (varkw) {
            if (dict_set(varkw, name, value) < 0)
                return -1;
            continue;
        }
        for (j = 0; j < c->posonlyargcount; j++)
            if (str_eq(tuple_get(c->localsplus_names, j), name)) {
                /* Name all positional-only parameters given by keyword. */
                char list[1000] = "";
                size_t len = 0;
                for (uint32_t p = 0; p < c->posonlyargcount; p++)
                    for (size_t q = 0; q < nkw; q++)
                        if (str_eq(tuple_get(c->localsplus_names, p), tuple_get(kwnames, q))) {
                            len += (size_t)snprintf(list + len, len < sizeof list ? sizeof list - len : 0,
                                                    "%s%s", len ? ", " : "",
                                                    str_cstr(tuple_get(kwnames, q), nb, sizeof nb));
                            break;
                        }
                raise(vm.e_TypeError, "%s() got some positional-only arguments passed as "
                      "keyword arguments: '%s'", fname(func, fb, sizeof fb), list);
                return -1;
            }
        raise(vm.e_TypeError, "%s() got an unexpected keyword argument '%s'",
              fname(func, fb, sizeof fb), str_cstr(name, nb, sizeof nb));
        return -1;
    }

    if (nargs < argc) {
        size_t ndef = fn->defaults ? tuple_size(fn->defaults) : 0;
        uint32_t first_default = argc - (uint32_t)ndef;
        for (uint32_t i = (uint32_t)nargs; i < argc; i++)
            if (!slots[i] && i >= first_default)
                slots[i] = tuple_get(fn->defaults, i - first_default);
        for (uint32_t i = (uint32_t)nargs; i < argc; i++)
            if (!slots[i])
                return missing_args(func, f, (uint32_t)nargs, argc, false);
    }
    if (kwonly) {
        for (uint32_t i = argc; i < total; i++) {
            if (slots[i])
                continue;
            if (fn->kwdefaults) {
                Object *d = dict_get_str(fn->kwdefaults, tuple_get(c->localsplus_names, i));
                if (d) {
                    slots[i] = d;
                    continue;
                }
            }
        }
        for (uint32_t i = argc; i < total; i++)
            if (!slots[i])
                return missing_args(func, f, argc, total, true);
    }
    return 0;
}

/* ---- frame and traceback attributes ----------------------------------------- */

Object *getset_new(Type *owner, const char *name, Object *(*get)(Object *),
                   int (*set)(Object *, Object *));
int code_line_of(Object *code, uint32_t pc);

/* The namespace of a frame: module and class bodies have one; a function
   frame gets a snapshot of its fast locals and cells. */
Object *frame_locals(Frame *f)
{
    obj_read((Object *)f);
    if (f->locals)
        return f->locals;
    Code *c = (Code *)f->code;
    Object *d = dict_new();
    const uint8_t STM_SEG *kinds = (const uint8_t STM_SEG *)((Bytes *)c->localsplus_kinds)->data;
    for (uint32_t i = 0; d && i < f->nlocalsplus; i++) {
        Object *v = f->slots[i];
        if (v && (kinds[i] & (CO_FAST_CELL | CO_FAST_FREE)) && !is_small(v) && v->type == vm.t_cell) {
            obj_read(v);
            v = ((Cell *)v)->value;
        }
        if (v && dict_set(d, tuple_get(c->localsplus_names, i), v) < 0)
            return NULL;
    }
    return d;
}

/* The collector traces the whole value stack of a frame (the running one
   saves its depth only at calls), so a value popped long ago keeps its
   object alive until the slot is reused.  Every frame of this thread's
   chain is waiting on a call, its depth saved: gc.collect() drops those
   stale slots first, so that `del x; gc.collect()` collects x. */
void frames_drop_stale_slots(void)
{
    for (Object *o = thread_state()->frame; o; ) {
        Frame *f = (Frame *)o;
        obj_read(o);
        uint32_t top = f->nlocalsplus + f->stack_depth;
        bool stale = false;
        for (uint32_t i = top; i < f->nslots && !stale; i++)
            stale = f->slots[i] != NULL;
        if (stale) {
            obj_write(o);
            for (uint32_t i = top; i < f->nslots; i++)
                f->slots[i] = NULL;
        }
        o = f->back;
    }
}

/* pc is the next instruction while the frame is not running: the one
   before it is the call or yield the frame is waiting on. */
int frame_lineno(Frame *f)
{
    obj_read((Object *)f);
    int line = code_line_of(f->code, f->pc ? f->pc - 1 : 0);
    return line < 0 ? (int)((Code *)f->code)->firstlineno : line;
}

#define FR(o) ((Frame *)(o))
static Object *f_code(Object *f) { obj_read(f); return FR(f)->code; }
static Object *f_globals(Object *f) { obj_read(f); return FR(f)->globals; }
static Object *f_builtins(Object *f) { obj_read(f); return FR(f)->builtins; }
static Object *f_locals(Object *f) { return frame_locals(FR(f)); }
static Object *f_lineno(Object *f) { return make_small(frame_lineno(FR(f))); }
static Object *f_lasti(Object *f) { obj_read(f); return make_small(FR(f)->pc ? 2 * (intptr_t)(FR(f)->pc - 1) : 0); }
static Object *f_back(Object *f)
{
    obj_read(f);
    return FR(f)->back ? FR(f)->back : None;
}
static Object *f_trace(Object *f) { return None; }
#undef FR

static Object *frame_repr(Object *f)
{
    char fb[400], nb[200];
    Code *c = (Code *)((Frame *)f)->code;
    return str_format("<frame at %#lx, file '%s', line %d, code %s>", (unsigned long)(uintptr_t)f,
                      str_cstr(c->filename, fb, sizeof fb), frame_lineno((Frame *)f),
                      str_cstr(c->name, nb, sizeof nb));
}

/* frame.clear(), which traceback.clear_frames() calls: drops what the
   frame's plain locals hold.  Cells and the value stack stay: a frame
   another thread still runs would not survive losing them. */
static Object *frame_clear(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("clear", kw, nargs, 0) < 0)
        return NULL;
    for (Object *f = thread_state()->frame; f; f = ((Frame *)f)->back) {
        obj_read(f);
        if (f == self)
            return raise(vm.e_RuntimeError, "cannot clear an executing frame");
    }
    Frame *fr = (Frame *)self;
    obj_read(self);
    Object *gen = fr->generator;
    if (gen) {
        obj_read(gen);
        if (((Generator *)gen)->running)
            return raise(vm.e_RuntimeError, "cannot clear an executing frame");
        Object *close = ((Generator *)gen)->frame ? obj_getattr_cstr(gen, "close") : NULL;
        if (((Generator *)gen)->frame && (!close || !obj_call0(close)))
            return NULL;
    }
    Object *kinds = ((Code *)fr->code)->localsplus_kinds;
    obj_write(self);
    for (size_t i = 0; i < fr->nlocalsplus && i < bytes_size(kinds); i++)
        if ((bytes_data(kinds)[i] & (CO_FAST_CELL | CO_FAST_FREE)) == 0)
            fr->slots[i] = NULL;
    return None;
}

#define TB(o) ((Traceback *)(o))
static Object *tb_next(Object *t) { obj_read(t); return TB(t)->next ? TB(t)->next : None; }
static Object *tb_frame(Object *t) { return TB(t)->frame; }
static Object *tb_lineno(Object *t) { return make_small(TB(t)->lineno); }
static Object *tb_lasti(Object *t) { return make_small(2 * (intptr_t)TB(t)->lasti); }
#undef TB

static int tb_set_next(Object *t, Object *v)
{
    if (v != None && (is_small(v) || v->type != vm.t_traceback)) {
        raise(vm.e_TypeError, "expected traceback object or None, got '%s'", type_name(type_of(v)));
        return -1;
    }
    for (Object *p = v; p != None && p; p = ((Traceback *)p)->next) {
        obj_read(p);
        if (p == t) {
            raise(vm.e_ValueError, "traceback loop detected");
            return -1;
        }
    }
    obj_write(t);
    ((Traceback *)t)->next = v == None ? NULL : v;
    return 0;
}

void frame_type_init(void)
{
    Type *t = vm.t_frame;
    t->repr = frame_repr;
    getset_new(t, "f_code", f_code, NULL);
    getset_new(t, "f_globals", f_globals, NULL);
    getset_new(t, "f_builtins", f_builtins, NULL);
    getset_new(t, "f_locals", f_locals, NULL);
    getset_new(t, "f_lineno", f_lineno, NULL);
    getset_new(t, "f_lasti", f_lasti, NULL);
    getset_new(t, "f_back", f_back, NULL);
    getset_new(t, "f_trace", f_trace, NULL);
    static const MethodDef methods[] = { { "clear", frame_clear, 0 }, { NULL, NULL, 0 } };
    type_add_methods(t, methods);
    t = vm.t_traceback;
    getset_new(t, "tb_next", tb_next, tb_set_next);
    getset_new(t, "tb_frame", tb_frame, NULL);
    getset_new(t, "tb_lineno", tb_lineno, NULL);
    getset_new(t, "tb_lasti", tb_lasti, NULL);
}
