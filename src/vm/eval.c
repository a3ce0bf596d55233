/*
** The interpreter loop.
**
** Python-to-Python calls do not recurse in C: CALL pushes the callee's
** frame and the loop goes on with it; RETURN_VALUE pops it.  C code that
** calls Python (obj_call on a function) runs a nested loop that returns
** when its entry frame returns.  Only the base loop of a thread breaks
** transactions, between two instructions (see docs/vm.md).
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compiler/code.h"
#include "compiler/opcodes.h"
#include "vm/eval.h"
#include "vm/mod_os.h"
#include "vm/runtime.h"

/* Registers of the loop, reloaded from the frame after every switch. */
/* In the STM flavour the thread's libstm marker follows the running frame
   and instruction, for conflict reports (conflict_log.c). */
#ifdef STM_FLAVOUR_STM
#  define MARK_FRAME() (marker->object = (stm_obj *)f, marker->position = f->pc ? f->pc - 1 : 0)
#  define MARK_POSITION() (marker->position = instr_pc)
#else
#  define MARK_FRAME() ((void)0)
#  define MARK_POSITION() ((void)0)
#endif

#define LOAD_FRAME()                                                        \
    do {                                                                    \
        f = (Frame *)ts->frame;                                             \
        MARK_FRAME();                                                       \
        obj_write((Object *)f);                                             \
        code = (Code *)f->code;                                             \
        words = (const uint32_t STM_SEG *)((Bytes *)code->words)->data;     \
        consts = code->consts;                                              \
        names = code->names;                                                \
        locals = f->slots;                                                  \
        stack_base = locals + f->nlocalsplus;                               \
        sp = stack_base + f->stack_depth;                                   \
        pc = f->pc;                                                         \
    } while (0)

#define SAVE_FRAME()                                                        \
    do {                                                                    \
        f->pc = pc;                                                         \
        f->stack_depth = (uint32_t)(sp - stack_base);                       \
    } while (0)

#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define SECOND() (sp[-2])
#define PEEK(n) (sp[-(intptr_t)(n)])
#define SET_TOP(v) (sp[-1] = (v))
#define NAME(i) tuple_get(names, (i))
#define REAL(p) ((Object *const *)stm_real_address((const stm_obj *)(p)))

Object *function_call(Object *func, Object *const *args, size_t nargs, Object *kwnames);
int call_ex_frame(Object *callable, Object *args, Object *kwargs, Frame **out);
Frame *function_frame(Object *func, Object *const *args, size_t nargs, Object *kwnames);
Object *build_function(Object *code, Object *globals, uint32_t flags, Object *STM_SEG **spp);
Object *method_lookup(Object *obj, Object *name, bool *unbound);
Object *unpack_iterable(Object *v, size_t before, size_t after, Object *STM_SEG *dest);
Object *format_value(Object *v, int conversion, Object *spec);
Object *generator_new(Frame *f);
Object *get_awaitable(Object *o, int where);
Object *async_gen_wrap(Object *v);
Object *do_raise(Object *exc, Object *cause);
bool exception_matches(Object *exc, Object *type);
Object *import_name(Object *name, Object *fromlist, Object *level, Object *globals);
Object *import_from(Object *module, Object *name);
int import_star(Object *module, Object *locals);
Object *build_class_builtin(void);
void call_error_prefix(Object *callable);
extern volatile int signals_pending;
int signals_check(void);

static int find_handler(Code *code, uint32_t pc, ExcEntry *out)
{
    Bytes *t = (Bytes *)code->exctable;
    size_t n = t->size / sizeof(ExcEntry);
    const ExcEntry STM_SEG *e = (const ExcEntry STM_SEG *)t->data;
    /* Entries are ordered by start; the innermost covering one comes
       first in CPython's layout, so the first match wins. */
    for (size_t i = 0; i < n; i++) {
        if ((uint32_t)e[i].start <= pc && pc < (uint32_t)e[i].end) {
            *out = e[i];
            return 1;
        }
    }
    return 0;
}

int code_line_of(Object *code, uint32_t pc);

void traceback_add(Object *exc, Frame *f, uint32_t pc)
{
    if (is_small(exc) || layout_of(exc) != L_EXCEPTION)
        return;
    Traceback *tb = (Traceback *)vm_alloc(sizeof(struct Traceback), L_TRACEBACK, vm.t_traceback);
    if (!tb)
        return;
    Exception *e = (Exception *)exc;
    obj_read(exc);
    tb->next = e->traceback;
    tb->frame = (Object *)f;
    tb->lasti = (int32_t)pc;
    tb->lineno = code_line_of(f->code, pc);
    obj_write(exc);
    e->traceback = (Object *)tb;
}

static Object *name_error(Object *name)
{
    char nb[200];
    raise(vm.e_NameError, "name '%s' is not defined", str_cstr(name, nb, sizeof nb));
    Object *e = exc_occurred();
    if (e && !is_small(e) && layout_of(e) == L_EXCEPTION)
        ((Exception *)e)->fields[0] = name;
    return NULL;
}

static Object *unbound_local(Code *code, uint32_t i)
{
    char nb[200];
    return raise(vm.e_UnboundLocalError,
                 "cannot access local variable '%s' where it is not associated with a value",
                 str_cstr(tuple_get(code->localsplus_names, i), nb, sizeof nb));
}

static Object *free_var_error(Code *code, uint32_t i)
{
    char nb[200];
    return raise(vm.e_NameError,
                 "cannot access free variable '%s' where it is not associated with a value in "
                 "enclosing scope", str_cstr(tuple_get(code->localsplus_names, i), nb, sizeof nb));
}

/* Looks a name up in a namespace that may be any mapping (class bodies
   with __prepare__).  1 found, 0 missing, -1 error. */
static int mapping_lookup(Object *ns, Object *name, Object **out)
{
    if (!is_small(ns) && ns->type == vm.t_dict) {
        *out = dict_get_str(ns, name);
        return *out != NULL;
    }
    *out = obj_getitem(ns, name);
    if (*out)
        return 1;
    if (exc_matches(vm.e_KeyError)) {
        exc_clear();
        return 0;
    }
    return -1;
}

bool stack_exhausted(void)
{
    char probe;
    return (size_t)(vm_thread->stack_high - &probe) > vm_thread->stack_budget;
}

/* Runs frames from `entry` (already pushed as the thread's current
   frame) until it returns.  base: this is the thread's outermost loop,
   allowed to break transactions. */
Object *eval_run(Frame *entry, bool base, bool throwing)
{
    ThreadState *ts = thread_state();
    Frame *f;
    Code *code;
    const uint32_t STM_SEG *words;
    Object *consts, *names;
    Object *STM_SEG *locals, *STM_SEG *stack_base, *STM_SEG *sp;
    uint32_t pc, instr_pc = 0, oparg;
    Object *result = NULL;
    bool yielded = false;
#ifdef STM_FLAVOUR_STM
    /* The C caller's frame is the marker's again when this loop returns. */
    struct stm_marker *marker = &vm_thread->stm.marker, caller_marker = *marker;
#endif

    if (stack_exhausted()) {
        raise(vm.e_RecursionError, "maximum recursion depth exceeded");
        obj_write((Object *)ts);
        ts->frame = entry->back;
        return NULL;
    }
    static const void *const labels[OP_COUNT] = {
#define LABEL(name, a, c, j) [OP_##name] = &&op_##name,
        OPCODE_LIST(LABEL)
#undef LABEL
    };

    (void)entry;
    LOAD_FRAME();
    if (throwing) {
        /* generator.throw(): raise at the yield the frame stopped at. */
        instr_pc = pc - 1;
        goto error;
    }

#ifdef STM_DEBUG
/* The compiler's stack size bounds every instruction's pushes; a bad one
   would overwrite the next object's header. */
#  define CHECK_STACK()                                                     \
    do {                                                                    \
        if (sp < stack_base || sp > locals + f->nslots) {                   \
            fprintf(stderr, "stmpy: value stack out of bounds at instruction %u\n", \
                    instr_pc);                                              \
            abort();                                                        \
        }                                                                   \
    } while (0)
#else
#  define CHECK_STACK() ((void)0)
#endif

#define DISPATCH()                                                          \
    do {                                                                    \
        CHECK_STACK();                                                      \
        instr_pc = pc;                                                      \
        MARK_POSITION();                                                    \
        uint32_t w_ = words[pc++];                                          \
        oparg = INSTR_ARG(w_);                                              \
        goto *labels[INSTR_OP(w_)];                                         \
    } while (0)
#define SKIP_CACHE() (pc++)
/* Runs the new frame nf (its back link set) in this loop: a Python call. */
#define ENTER_FRAME(nf)                                                     \
    do {                                                                    \
        obj_write((Object *)ts);                                            \
        if (++ts->depth > ts->recursion_limit) {                            \
            ts->depth--;                                                    \
            raise(vm.e_RecursionError, "maximum recursion depth exceeded"); \
            goto error;                                                     \
        }                                                                   \
        ts->frame = (Object *)(nf);                                         \
        LOAD_FRAME();                                                       \
        CHECK_BREAK();                                                      \
        DISPATCH();                                                         \
    } while (0)
/* Only the base loop breaks transactions: its C frame outlives every
   transaction it starts, so an abort can come back into it. */
#define CHECK_BREAK()                                                       \
    do {                                                                    \
        if (base && stm_should_break(&vm_thread->stm))                      \
            goto transaction_break;                                         \
    } while (0)

    DISPATCH();

op_NOP:
    DISPATCH();

op_EXTENDED_ARG: {
    uint32_t w = words[pc++];
    oparg = (oparg << 24) | INSTR_ARG(w);
    goto *labels[INSTR_OP(w)];
}

op_POP_TOP:
    sp--;
    DISPATCH();

op_PUSH_NULL:
    PUSH(NULL);
    DISPATCH();

op_COPY: {
    Object *v = PEEK(oparg);
    PUSH(v);
    DISPATCH();
}

op_SWAP: {
    Object *t = TOP();
    SET_TOP(PEEK(oparg));
    PEEK(oparg) = t;
    DISPATCH();
}

op_LOAD_CONST:
    PUSH(tuple_get(consts, oparg));
    DISPATCH();

op_LOAD_FAST: {
    Object *v = locals[oparg];
    if (STM_UNLIKELY(!v)) {
        unbound_local(code, oparg);
        goto error;
    }
    PUSH(v);
    DISPATCH();
}

op_STORE_FAST:
    locals[oparg] = POP();
    DISPATCH();

op_DELETE_FAST:
    if (!locals[oparg]) {
        unbound_local(code, oparg);
        goto error;
    }
    locals[oparg] = NULL;
    DISPATCH();

op_MAKE_CELL: {
    Object *c = cell_new(locals[oparg]);
    if (!c)
        goto error;
    locals[oparg] = c;
    DISPATCH();
}

op_COPY_FREE_VARS: {
    Function *fn = (Function *)f->func;
    Object *closure = fn->closure;
    uint32_t off = f->nlocalsplus - oparg;
    for (uint32_t i = 0; i < oparg; i++)
        locals[off + i] = tuple_get(closure, i);
    DISPATCH();
}

op_LOAD_CLOSURE:
    PUSH(locals[oparg]);
    DISPATCH();

op_LOAD_DEREF: {
    Cell *c = (Cell *)locals[oparg];
    obj_read((Object *)c);
    Object *v = c->value;
    if (!v) {
        if (oparg < code->nlocals)
            unbound_local(code, oparg);
        else
            free_var_error(code, oparg);
        goto error;
    }
    PUSH(v);
    DISPATCH();
}

op_LOAD_CLASSDEREF: {
    Object *name = tuple_get(code->localsplus_names, oparg), *v;
    int r = mapping_lookup(f->locals, name, &v);
    if (r < 0)
        goto error;
    if (!r) {
        Cell *c = (Cell *)locals[oparg];
        obj_read((Object *)c);
        v = c->value;
        if (!v) {
            free_var_error(code, oparg);
            goto error;
        }
    }
    PUSH(v);
    DISPATCH();
}

op_STORE_DEREF: {
    Cell *c = (Cell *)locals[oparg];
    obj_write((Object *)c);
    c->value = POP();
    DISPATCH();
}

op_DELETE_DEREF: {
    Cell *c = (Cell *)locals[oparg];
    obj_read((Object *)c);
    if (!c->value) {
        unbound_local(code, oparg);
        goto error;
    }
    obj_write((Object *)c);
    c->value = NULL;
    DISPATCH();
}

op_LOAD_NAME: {
    Object *name = NAME(oparg), *v;
    if (!f->locals) {
        raise(vm.e_SystemError, "no locals when loading name");
        goto error;
    }
    int r = mapping_lookup(f->locals, name, &v);
    if (r < 0)
        goto error;
    if (!r && !(v = dict_get_str(f->globals, name)) && !(v = dict_get_str(f->builtins, name))) {
        name_error(name);
        goto error;
    }
    PUSH(v);
    DISPATCH();
}

op_STORE_NAME: {
    Object *v = POP();
    Object *ns = f->locals;
    int r = !is_small(ns) && ns->type == vm.t_dict ? dict_set(ns, NAME(oparg), v)
                                                    : obj_setitem(ns, NAME(oparg), v);
    if (r < 0)
        goto error;
    DISPATCH();
}

op_DELETE_NAME: {
    Object *name = NAME(oparg);
    if (obj_setitem(f->locals, name, NULL) < 0) {
        if (exc_matches(vm.e_KeyError)) {
            exc_clear();
            name_error(name);
        }
        goto error;
    }
    DISPATCH();
}

op_LOAD_GLOBAL: {
    Object *name = NAME(oparg >> 1);
    SKIP_CACHE();
    Object *v = dict_get_str(f->globals, name);
    if (!v && !(v = dict_get_str(f->builtins, name))) {
        name_error(name);
        goto error;
    }
    if (oparg & 1)
        PUSH(NULL);
    PUSH(v);
    DISPATCH();
}

op_STORE_GLOBAL:
    if (dict_set(f->globals, NAME(oparg), POP()) < 0)
        goto error;
    DISPATCH();

op_DELETE_GLOBAL:
    if (dict_del(f->globals, NAME(oparg)) < 0) {
        if (exc_matches(vm.e_KeyError)) {
            exc_clear();
            name_error(NAME(oparg));
        }
        goto error;
    }
    DISPATCH();

op_LOAD_ATTR: {
    SKIP_CACHE();
    Object *v = obj_getattr(TOP(), NAME(oparg));
    if (!v)
        goto error;
    SET_TOP(v);
    DISPATCH();
}

op_LOAD_METHOD: {
    SKIP_CACHE();
    Object *owner = TOP();
    bool unbound;
    Object *m = method_lookup(owner, NAME(oparg), &unbound);
    if (!m)
        goto error;
    if (unbound) {
        SET_TOP(m);
        PUSH(owner);
    } else {
        SET_TOP(NULL);
        PUSH(m);
    }
    DISPATCH();
}

op_STORE_ATTR: {
    SKIP_CACHE();
    Object *owner = POP(), *v = POP();
    if (obj_setattr(owner, NAME(oparg), v) < 0)
        goto error;
    DISPATCH();
}

op_DELETE_ATTR: {
    Object *owner = POP();
    if (obj_setattr(owner, NAME(oparg), NULL) < 0)
        goto error;
    DISPATCH();
}

op_UNARY_POSITIVE:
op_UNARY_NEGATIVE:
op_UNARY_INVERT: {
    uint32_t op = INSTR_OP(words[instr_pc]);
    Object *v = TOP();
    if (op == OP_UNARY_NEGATIVE && is_small(v) && small_value(v) != SMALL_MIN) {
        SET_TOP(make_small(-small_value(v)));
        DISPATCH();
    }
    Object *r = obj_unary(v, op == OP_UNARY_POSITIVE ? UN_POS
                             : op == OP_UNARY_NEGATIVE ? UN_NEG : UN_INVERT);
    if (!r)
        goto error;
    SET_TOP(r);
    DISPATCH();
}

op_UNARY_NOT: {
    int t = obj_truth(TOP());
    if (t < 0)
        goto error;
    SET_TOP(bool_obj(!t));
    DISPATCH();
}

op_BINARY_OP: {
    Object *b = POP(), *a = TOP(), *r;
    if (is_small(a) && is_small(b)) {
        intptr_t x = small_value(a), y = small_value(b), z;
        switch (oparg) {
        case NB_ADD: case NB_INPLACE + NB_ADD:
            if (!__builtin_add_overflow(x, y, &z) && fits_small(z)) {
                SET_TOP(make_small(z));
                DISPATCH();
            }
            break;
        case NB_SUBTRACT: case NB_INPLACE + NB_SUBTRACT:
            if (!__builtin_sub_overflow(x, y, &z) && fits_small(z)) {
                SET_TOP(make_small(z));
                DISPATCH();
            }
            break;
        default:
            break;
        }
    }
    r = obj_binary(a, b, (BinOp)oparg);
    if (!r)
        goto error;
    SET_TOP(r);
    DISPATCH();
}

op_COMPARE_OP: {
    Object *b = POP(), *a = TOP(), *r;
    if (is_small(a) && is_small(b)) {
        intptr_t x = small_value(a), y = small_value(b);
        bool c;
        switch (oparg) {
        case CMP_LT: c = x < y; break;
        case CMP_LE: c = x <= y; break;
        case CMP_EQ: c = x == y; break;
        case CMP_NE: c = x != y; break;
        case CMP_GT: c = x > y; break;
        default: c = x >= y; break;
        }
        SET_TOP(bool_obj(c));
        DISPATCH();
    }
    r = obj_richcompare(a, b, (CmpOp)oparg);
    if (!r)
        goto error;
    SET_TOP(r);
    DISPATCH();
}

op_IS_OP: {
    Object *b = POP(), *a = TOP();
    SET_TOP(bool_obj((a == b) ^ (oparg != 0)));
    DISPATCH();
}

op_CONTAINS_OP: {
    Object *container = POP(), *item = TOP();
    int r = obj_contains(container, item);
    if (r < 0)
        goto error;
    SET_TOP(bool_obj(r ^ (oparg != 0)));
    DISPATCH();
}

op_BINARY_SUBSCR: {
    SKIP_CACHE();
    Object *key = POP(), *v = obj_getitem(TOP(), key);
    if (!v)
        goto error;
    SET_TOP(v);
    DISPATCH();
}

op_STORE_SUBSCR: {
    Object *key = POP(), *container = POP(), *v = POP();
    if (obj_setitem(container, key, v) < 0)
        goto error;
    DISPATCH();
}

op_DELETE_SUBSCR: {
    Object *key = POP(), *container = POP();
    if (obj_setitem(container, key, NULL) < 0)
        goto error;
    DISPATCH();
}

op_BUILD_SLICE: {
    Object *step = oparg == 3 ? POP() : None;
    Object *stop = POP(), *start = TOP();
    Object *s = slice_new(start, stop, step);
    if (!s)
        goto error;
    SET_TOP(s);
    DISPATCH();
}

op_BUILD_TUPLE: {
    Object *t = tuple_from_array(REAL(sp - oparg), oparg);
    if (!t)
        goto error;
    sp -= oparg;
    PUSH(t);
    DISPATCH();
}

op_BUILD_LIST: {
    Object *l = list_new(0);
    if (!l || list_reserve(l, oparg) < 0)
        goto error;
    for (uint32_t i = 0; i < oparg; i++)
        list_append(l, PEEK(oparg - i));
    sp -= oparg;
    PUSH(l);
    DISPATCH();
}

op_BUILD_SET: {
    Object *s = set_new(vm.t_set);
    if (!s)
        goto error;
    for (uint32_t i = 0; i < oparg; i++)
        if (set_add(s, PEEK(oparg - i)) < 0)
            goto error;
    sp -= oparg;
    PUSH(s);
    DISPATCH();
}

op_BUILD_MAP: {
    Object *d = dict_new();
    if (!d)
        goto error;
    for (uint32_t i = 0; i < oparg; i++)
        if (dict_set(d, PEEK(2 * (oparg - i)), PEEK(2 * (oparg - i) - 1)) < 0)
            goto error;
    sp -= 2 * oparg;
    PUSH(d);
    DISPATCH();
}

op_BUILD_CONST_KEY_MAP: {
    Object *keys = TOP();
    Object *d = dict_new();
    if (!d)
        goto error;
    for (uint32_t i = 0; i < oparg; i++)
        if (dict_set(d, tuple_get(keys, i), PEEK(oparg + 1 - i)) < 0)
            goto error;
    sp -= oparg + 1;
    PUSH(d);
    DISPATCH();
}

op_BUILD_STRING: {
    Object *s = vm.empty_str;
    for (uint32_t i = 0; i < oparg; i++) {
        s = str_concat(s, PEEK(oparg - i));
        if (!s)
            goto error;
    }
    sp -= oparg;
    PUSH(s);
    DISPATCH();
}

op_FORMAT_VALUE: {
    Object *spec = (oparg & FVS_HAVE_SPEC) ? POP() : NULL;
    Object *r = format_value(TOP(), (int)(oparg & FVC_MASK), spec);
    if (!r)
        goto error;
    SET_TOP(r);
    DISPATCH();
}

op_LIST_APPEND:
    if (list_append(PEEK(oparg + 1), TOP()) < 0)
        goto error;
    sp--;
    DISPATCH();

op_SET_ADD:
    if (set_add(PEEK(oparg + 1), TOP()) < 0)
        goto error;
    sp--;
    DISPATCH();

op_MAP_ADD:
    if (dict_set(PEEK(oparg + 2), SECOND(), TOP()) < 0)
        goto error;
    sp -= 2;
    DISPATCH();

op_LIST_EXTEND: {
    Object *it = POP(), *l = PEEK(oparg);
    if (list_extend(l, it) < 0) {
        if (exc_matches(vm.e_TypeError) && !type_of(it)->iter && !type_of(it)->getitem) {
            exc_clear();
            raise(vm.e_TypeError, "Value after * must be an iterable, not %s",
                  type_name(type_of(it)));
        }
        goto error;
    }
    DISPATCH();
}

op_SET_UPDATE: {
    Object *it = POP(), *s = PEEK(oparg);
    if (set_update(s, it) < 0)
        goto error;
    DISPATCH();
}

op_DICT_UPDATE:
op_DICT_MERGE: {
    Object *other = POP(), *d = PEEK(oparg);
    if (INSTR_OP(words[instr_pc]) == OP_DICT_UPDATE
        && (is_small(other) || !type_lookup(type_of(other), intern_cstr("keys")))) {
        raise(vm.e_TypeError, "'%s' object is not a mapping", type_name(type_of(other)));
        goto error;
    }
    if (dict_merge_from(d, other, INSTR_OP(words[instr_pc]) == OP_DICT_MERGE,
                        sp, stack_base) < 0) {
        if (INSTR_OP(words[instr_pc]) == OP_DICT_MERGE)
            call_error_prefix(PEEK(oparg + 2));
        goto error;
    }
    DISPATCH();
}

op_LIST_TO_TUPLE: {
    Object *t = list_as_tuple(TOP());
    if (!t)
        goto error;
    SET_TOP(t);
    DISPATCH();
}

op_UNPACK_SEQUENCE: {
    Object *v = POP();
    if (!is_small(v) && (v->type == vm.t_tuple) && tuple_size(v) == oparg) {
        for (uint32_t i = 0; i < oparg; i++)
            PUSH(tuple_get(v, oparg - 1 - i));
        DISPATCH();
    }
    if (!unpack_iterable(v, oparg, (uint32_t)-1, sp))
        goto error;
    sp += oparg;
    DISPATCH();
}

op_UNPACK_EX: {
    Object *v = POP();
    uint32_t before = oparg & 0xff, after = oparg >> 8;
    if (!unpack_iterable(v, before, after, sp))
        goto error;
    sp += before + 1 + after;
    DISPATCH();
}

op_GET_ITER: {
    Object *it = obj_iter(TOP());
    if (!it)
        goto error;
    SET_TOP(it);
    DISPATCH();
}

op_FOR_ITER: {
    Object *it = TOP();
    Object *v = type_of(it)->next(it);
    if (v) {
        PUSH(v);
        DISPATCH();
    }
    if (exc_occurred()) {
        if (!exc_matches(vm.e_StopIteration))
            goto error;
        exc_clear();
    }
    sp--;
    pc = oparg;
    DISPATCH();
}

op_JUMP_FORWARD:
    pc = oparg;
    DISPATCH();

op_JUMP_BACKWARD:
    pc = oparg;
    CHECK_BREAK();
    /* Python signal handlers (Ctrl-C's KeyboardInterrupt) run here: mod_signal.c. */
    if (STM_UNLIKELY(signals_pending) && signals_check() < 0)
        goto error;
    DISPATCH();

transaction_break:
    /* The frame records where to resume; an abort rolls the heap back to
       this commit and comes back out of stm_start_transaction() with
       every C local stale, so everything is reloaded from the thread
       state either way. */
    SAVE_FRAME();
    /* Deferred output is written by the transaction made inevitable just
       before it commits: outputs come out in the order of the commits. */
    if (output_pending())
        os_irreversible("output at commit");
    stm_commit_transaction(&vm_thread->stm);
    bool restarted = stm_start_transaction(&vm_thread->stm);
    ts = thread_state();
    LOAD_FRAME();
    if (restarted) {
        output_discard();
        instr_pc = pc;
    }
    if (STM_UNLIKELY(signals_pending) && signals_check() < 0)
        goto error;
    /* __del__ methods and weakref callbacks: here, with the frame saved
       and no C code half-way through anything. */
    finalizers_run();
    DISPATCH();

op_JUMP_BACKWARD_NO_INTERRUPT:
    pc = oparg;
    DISPATCH();

op_POP_JUMP_IF_FALSE: {
    Object *v = POP();
    if (v == False_) {
        pc = oparg;
    } else if (v != True_) {
        int t = obj_truth(v);
        if (t < 0)
            goto error;
        if (!t)
            pc = oparg;
    }
    DISPATCH();
}

op_POP_JUMP_IF_TRUE: {
    Object *v = POP();
    if (v == True_) {
        pc = oparg;
    } else if (v != False_) {
        int t = obj_truth(v);
        if (t < 0)
            goto error;
        if (t)
            pc = oparg;
    }
    DISPATCH();
}

op_POP_JUMP_IF_NONE:
    if (POP() == None)
        pc = oparg;
    DISPATCH();

op_POP_JUMP_IF_NOT_NONE:
    if (POP() != None)
        pc = oparg;
    DISPATCH();

op_JUMP_IF_FALSE_OR_POP: {
    int t = obj_truth(TOP());
    if (t < 0)
        goto error;
    if (!t)
        pc = oparg;
    else
        sp--;
    DISPATCH();
}

op_JUMP_IF_TRUE_OR_POP: {
    int t = obj_truth(TOP());
    if (t < 0)
        goto error;
    if (t)
        pc = oparg;
    else
        sp--;
    DISPATCH();
}

op_KW_NAMES:
    f->kwnames = tuple_get(consts, oparg);
    DISPATCH();

op_CALL: {
    SKIP_CACHE();
    Object *STM_SEG *callbase = sp - oparg - 2;
    Object *callable;
    Object *STM_SEG *args;
    size_t nargs;
    if (callbase[0]) {
        callable = callbase[0];
        args = callbase + 1;
        nargs = oparg + 1;
    } else {
        callable = callbase[1];
        args = callbase + 2;
        nargs = oparg;
        if (!is_small(callable) && callable->type == vm.t_method) {
            /* A bound method: call its function with self first, without
               building a new argument vector. */
            Method *m = (Method *)callable;
            callbase[0] = callable = m->func;
            callbase[1] = m->self;
            args = callbase + 1;
            nargs++;
        }
    }
    Object *kw = f->kwnames;
    if (kw) {
        f->kwnames = NULL;
        nargs -= tuple_size(kw);
    }
    if (!is_small(callable) && callable->type == vm.t_function) {
        Frame *nf = function_frame(callable, REAL(args), nargs, kw);
        if (!nf)
            goto error;
        sp = callbase;
        SAVE_FRAME();
        nf->back = (Object *)f;
        ENTER_FRAME(nf);
    }
    SAVE_FRAME();
    Object *r = obj_call(callable, REAL(args), nargs, kw);
    sp = callbase;
    if (!r)
        goto error;
    PUSH(r);
    /* After a C call: the end of an atomic block or a blocking call asks
       for a break, best taken at once. */
    CHECK_BREAK();
    DISPATCH();
}

op_CALL_FUNCTION_EX: {
    Object *kwargs = (oparg & 1) ? POP() : NULL;
    Object *cargs = POP(), *callable = POP();
    sp--;                                  /* the NULL below the callable */
    SAVE_FRAME();
    /* f(*args, **kw) of a Python function goes on in this loop as CALL
       does (threading.Thread.run calls its target so). */
    Frame *nf;
    int is_py = call_ex_frame(callable, cargs, kwargs, &nf);
    if (is_py < 0)
        goto error;
    if (is_py) {
        nf->back = (Object *)f;
        ENTER_FRAME(nf);
    }
    Object *r = call_with_tuple_and_dict(callable, cargs, kwargs);
    if (!r)
        goto error;
    PUSH(r);
    DISPATCH();
}

op_MAKE_FUNCTION: {
    Object *codeobj = POP();
    Object *fn = build_function(codeobj, f->globals, oparg, &sp);
    if (!fn)
        goto error;
    PUSH(fn);
    DISPATCH();
}

op_LOAD_BUILD_CLASS: {
    Object *bc = dict_get_cstr(f->builtins, "__build_class__");
    if (!bc) {
        raise(vm.e_NameError, "__build_class__ not found");
        goto error;
    }
    PUSH(bc);
    DISPATCH();
}

op_LOAD_ASSERTION_ERROR:
    PUSH((Object *)vm.e_AssertionError);
    DISPATCH();

op_SETUP_ANNOTATIONS: {
    Object *ann, *name = intern_cstr("__annotations__");
    int r = mapping_lookup(f->locals, name, &ann);
    if (r < 0)
        goto error;
    if (!r) {
        Object *d = dict_new();
        if (!d || obj_setitem(f->locals, name, d) < 0)
            goto error;
    }
    DISPATCH();
}

op_PRINT_EXPR: {
    Object *v = POP();
    Object *hook = dict_get_cstr(((ModuleObj *)vm.sys)->dict, "displayhook");
    if (!hook) {
        raise(vm.e_RuntimeError, "lost sys.displayhook");
        goto error;
    }
    SAVE_FRAME();
    if (!obj_call1(hook, v))
        goto error;
    DISPATCH();
}

op_IMPORT_NAME: {
    Object *fromlist = POP(), *level = TOP();
    SAVE_FRAME();
    Object *m = import_name(NAME(oparg), fromlist, level, f->globals);
    if (!m)
        goto error;
    SET_TOP(m);
    DISPATCH();
}

op_IMPORT_FROM: {
    Object *v = import_from(TOP(), NAME(oparg));
    if (!v)
        goto error;
    PUSH(v);
    DISPATCH();
}

op_IMPORT_STAR: {
    Object *m = POP();
    if (import_star(m, f->locals) < 0)
        goto error;
    DISPATCH();
}

op_RETURN_VALUE: {
    Object *v = POP();
    SAVE_FRAME();
    obj_write((Object *)ts);
    ts->frame = f->back;
    if (f->generator)
        generator_finished(f);
    if (f->flags & FRAME_ENTRY) {
        result = v;
        goto leave;
    }
    ts->depth--;
    LOAD_FRAME();
    PUSH(v);
    CHECK_BREAK();
    DISPATCH();
}

op_RETURN_GENERATOR: {
    /* The frame becomes the generator's: hand the generator to the
       caller; the frame resumes after this instruction when sent to. */
    Object *gen = generator_new(f);
    if (!gen)
        goto error;
    SAVE_FRAME();                         /* the first send pushes the value POP_TOP pops */
    obj_write((Object *)ts);
    ts->frame = f->back;
    if (f->flags & FRAME_ENTRY) {
        f->flags &= ~(uint32_t)FRAME_ENTRY;
        result = gen;
        goto leave;
    }
    ts->depth--;
    LOAD_FRAME();
    PUSH(gen);
    DISPATCH();
}

op_YIELD_VALUE: {
    Object *v = POP();
    SAVE_FRAME();
    ExcEntry handler;
    if (find_handler((Code *)f->code, instr_pc, &handler))
        generator_close_when_dead(f->generator);
    obj_write((Object *)ts);
    ts->frame = f->back;
    /* Generators are resumed by a nested loop (generator.c): a yield
       always leaves it. */
    result = v;
    yielded = true;
    goto leave;
}

op_GET_YIELD_FROM_ITER: {
    Object *v = TOP();
    if (is_small(v) || v->type != vm.t_generator) {
        Object *it = obj_iter(v);
        if (!it)
            goto error;
        SET_TOP(it);
    }
    DISPATCH();
}

op_SEND: {
    Object *v = POP(), *receiver = TOP();
    SAVE_FRAME();
    int status;
    Object *r = generator_send_any(receiver, v, &status);
    if (status < 0)
        goto error;
    if (status == 0) {                     /* the sub-iterator returned r */
        SET_TOP(r);
        pc = oparg;
        DISPATCH();
    }
    PUSH(r);
    DISPATCH();
}

op_RAISE_VARARGS: {
    Object *cause = oparg == 2 ? POP() : NULL;
    Object *exc = oparg >= 1 ? POP() : NULL;
    if (!exc) {
        Object *h = ts->handled;
        if (!h || h == None) {
            raise(vm.e_RuntimeError, "No active exception to reraise");
            goto error;
        }
        exc_restore(h);
        goto exception_unwind;
    }
    do_raise(exc, cause);
    goto error;
}

op_PUSH_EXC_INFO: {
    Object *exc = TOP();
    obj_write((Object *)ts);
    SET_TOP(ts->handled ? ts->handled : None);
    ts->handled = exc;
    PUSH(exc);
    DISPATCH();
}

op_POP_EXCEPT: {
    Object *prev = POP();
    obj_write((Object *)ts);
    ts->handled = prev == None ? NULL : prev;
    DISPATCH();
}

op_CHECK_EXC_MATCH: {
    Object *type = POP();
    if (!exception_type_check(type))
        goto error;
    Object *match = bool_obj(exception_matches(TOP(), type));
    PUSH(match);
    DISPATCH();
}

op_CHECK_EG_MATCH: {
    Object *type = POP(), *eg = TOP();
    if (!exception_type_check(type))
        goto error;
    bool is_tuple = !is_small(type) && type->type == vm.t_tuple;
    for (size_t i = 0; i < (is_tuple ? tuple_size(type) : 1); i++) {
        Object *t = is_tuple ? tuple_get(type, i) : type;
        if (type_is_subtype((Type *)t, vm.e_BaseExceptionGroup)) {
            raise(vm.e_TypeError,
                  "catching ExceptionGroup with except* is not allowed. Use except instead.");
            goto error;
        }
    }
    Object *match, *rest;
    if (exception_group_split(eg, type, &match, &rest) < 0)
        goto error;
    if (match == None) {
        PUSH(None);
        DISPATCH();
    }
    /* The clause handles the matching part: it is what sys.exception()
       reports inside it. */
    SET_TOP(rest);
    PUSH(match);
    obj_write((Object *)ts);
    ts->handled = match;
    DISPATCH();
}

op_PREP_RERAISE_STAR: {
    Object *excs = POP(), *orig = TOP();
    Object *r = exception_group_prep_reraise(orig, excs);
    if (!r)
        goto error;
    SET_TOP(r);
    DISPATCH();
}

op_RERAISE:
    /* The handler search uses this instruction's position; the traceback
       already has the frame's entry from the first raise. */
    exc_restore(POP());
    goto exception_unwind;

op_BEFORE_WITH: {
    Object *mgr = TOP();
    Object *exit = special_lookup(mgr, "__exit__", "__enter__");
    if (!exit)
        goto error;
    Object *enter = special_lookup(mgr, "__enter__", NULL);
    if (!enter)
        goto error;
    SET_TOP(exit);
    SAVE_FRAME();
    Object *r = obj_call0(enter);
    if (!r)
        goto error;
    PUSH(r);
    DISPATCH();
}

op_WITH_EXCEPT_START: {
    /* Stack: exit, lasti, prev_exc, exc */
    Object *exc = TOP(), *exit = PEEK(4);
    Object *argv[3] = { (Object *)type_of(exc), exc, exception_traceback(exc) };
    SAVE_FRAME();
    Object *r = obj_call(exit, argv, 3, NULL);
    if (!r)
        goto error;
    PUSH(r);
    DISPATCH();
}

op_GET_LEN: {
    intptr_t n = obj_length(TOP());
    if (n < 0)
        goto error;
    PUSH(make_small(n));
    DISPATCH();
}

op_MATCH_MAPPING: {
    Object *r = bool_obj(match_is_mapping(TOP()));
    PUSH(r);
    DISPATCH();
}

op_MATCH_SEQUENCE: {
    Object *r = bool_obj(match_is_sequence(TOP()));
    PUSH(r);
    DISPATCH();
}

op_MATCH_KEYS: {
    Object *r = match_keys(SECOND(), TOP());
    if (!r)
        goto error;
    PUSH(r);
    DISPATCH();
}

op_MATCH_CLASS: {
    Object *kwnames = POP(), *cls = POP(), *subject = TOP();
    Object *r = match_class(subject, cls, oparg, kwnames);
    if (!r)
        goto error;
    SET_TOP(r);
    DISPATCH();
}

op_GET_AWAITABLE: {
    SAVE_FRAME();
    Object *r = get_awaitable(TOP(), (int)oparg);
    if (!r)
        goto error;
    SET_TOP(r);
    DISPATCH();
}

op_GET_AITER: {
    Object *o = TOP();
    Object *meth = type_lookup(type_of(o), intern_cstr("__aiter__"));
    if (!meth) {
        raise(vm.e_TypeError, "'async for' requires an object with __aiter__ method, got %s",
              type_name(type_of(o)));
        goto error;
    }
    SAVE_FRAME();
    Object *it = obj_call1(meth, o);
    if (!it)
        goto error;
    if (!type_lookup(type_of(it), intern_cstr("__anext__"))) {
        raise(vm.e_TypeError, "'async for' received an object from __aiter__ that does not "
              "implement __anext__: %s", type_name(type_of(it)));
        goto error;
    }
    SET_TOP(it);
    DISPATCH();
}

op_GET_ANEXT: {
    Object *it = TOP();
    Object *meth = type_lookup(type_of(it), intern_cstr("__anext__"));
    if (!meth) {
        raise(vm.e_TypeError, "'async for' requires an iterator with __anext__ method, got %s",
              type_name(type_of(it)));
        goto error;
    }
    SAVE_FRAME();
    Object *next = obj_call1(meth, it);
    if (!next)
        goto error;
    Object *aw = get_awaitable(next, 0);
    if (!aw) {
        if (exc_matches(vm.e_TypeError)) {
            exc_clear();
            raise(vm.e_TypeError, "'async for' received an invalid object from __anext__: %s",
                  type_name(type_of(next)));
        }
        goto error;
    }
    PUSH(aw);
    DISPATCH();
}

op_BEFORE_ASYNC_WITH: {
    Object *mgr = TOP();
    Object *enter = type_lookup(type_of(mgr), intern_cstr("__aenter__"));
    Object *exit = type_lookup(type_of(mgr), intern_cstr("__aexit__"));
    if (!enter || !exit) {
        raise(vm.e_TypeError, "'%s' object does not support the asynchronous context manager "
              "protocol%s", type_name(type_of(mgr)), enter ? " (missed __aexit__ method)" : "");
        goto error;
    }
    Type *et = type_of(exit);
    exit = et->descr_get ? et->descr_get(exit, mgr, type_of(mgr)) : exit;
    if (!exit)
        goto error;
    SET_TOP(exit);
    SAVE_FRAME();
    Object *r = obj_call1(enter, mgr);
    if (!r)
        goto error;
    PUSH(r);
    DISPATCH();
}

op_END_ASYNC_FOR: {
    /* Stack: the async iterator, the exception that ended __anext__. */
    Object *exc = POP();
    if (is_instance_of(exc, vm.e_StopAsyncIteration)) {
        (void)POP();
        DISPATCH();
    }
    exc_restore(exc);
    goto exception_unwind;
}

op_ASYNC_GEN_WRAP: {
    /* The value an async generator yields to its consumer, told apart
       from what its awaits yield. */
    Object *w = async_gen_wrap(TOP());
    if (!w)
        goto error;
    SET_TOP(w);
    DISPATCH();
}

error:
    /* An instruction failed: the exception is in flight.  Record this
       frame in its traceback, then unwind. */
    traceback_add(exc_occurred(), f, instr_pc);
exception_unwind: {
    ExcEntry h;
    for (;;) {
        if (find_handler(code, instr_pc, &h)) {
            Object *exc = exc_fetch();
            sp = stack_base + h.depth;
            if (h.lasti)
                PUSH(make_small(instr_pc));
            PUSH(exc);
            pc = (uint32_t)h.target;
            DISPATCH();
        }
        /* No handler here: leave the frame. */
        SAVE_FRAME();
        obj_write((Object *)ts);
        ts->frame = f->back;
        if (f->generator)
            generator_finished(f);
        if (f->flags & FRAME_ENTRY) {
            result = NULL;
            goto leave;
        }
        ts->depth--;
        LOAD_FRAME();
        instr_pc = pc - 1;
        traceback_add(exc_occurred(), f, instr_pc);
    }
}

leave:
    /* The transaction this loop started last must not abort once its C
       frame is gone: the caller ends it as an inevitable one. */
    if (base)
        os_irreversible("end of a base loop");
#ifdef STM_FLAVOUR_STM
    *marker = caller_marker;
#endif
    vm_thread->yielded = yielded;
    return result;
}
