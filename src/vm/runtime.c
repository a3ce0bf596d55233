/*
** Start-up: libstm, the main thread, the builtin types in dependency
** order, and the transaction breaks of the base loop.
*/
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "vm/eval.h"
#include "vm/mod_os.h"
#include "vm/runtime.h"
#include "vm/thread_stats.h"

struct VM vm;
__thread VMThread *vm_thread;
static VMThread main_thread;

bool vm_heap_setup(void);
Type *type_alloc_bare(void);
void type_fill_bare(Type *t, const char *name, Type *base, enum Layout layout, size_t size,
                    uint32_t flags);
void type_inherit_all(void);
void descr_types_init(void);
void code_type_init(void);
void frame_type_init(void);
void sys_module_init(int argc, char **argv);
bool builtin_modules_setup(void);

/* Also for the threads of _thread (mod_thread.c), which pass the frame
   of their start function: what is above it holds no references, and the
   collection at each commit scans the stack up to there only.  NULL: the
   whole stack. */
void thread_attach(VMThread *t, const void *stack_top)
{
    stm_register_thread(&t->stm);
    if (stack_top)
        stm_set_stack_top(stack_top);
    vm_thread = t;
    pthread_attr_t attr;
    void *addr;
    size_t size;
    pthread_getattr_np(pthread_self(), &attr);
    pthread_attr_getstack(&attr, &addr, &size);
    pthread_attr_destroy(&attr);
    t->stack_high = (char *)addr + size;
    /* Keep a margin for the C code that runs between checks. */
    t->stack_budget = size > (1u << 20) ? size - (512u << 10) : size / 2;
    stm_add_root((stm_obj **)&t->ts);
}

/* Also for the threads of _thread.  A transaction started outside the
   base loop has no C frame that outlives it for an abort to come back to:
   it runs inevitable until the base loop's first break. */
void transaction_start_inevitable(stm_thread *tl, const char *why)
{
    stm_start_transaction(tl);
    stm_become_inevitable(tl, why);
}

/* The running thread's dict for per-thread data (ThreadState.dict):
   threading.local, context variables, asyncgen hooks. */
Object *thread_dict(void)
{
    ThreadState *ts = thread_state();
    obj_read((Object *)ts);
    if (!ts->dict) {
        Object *d = dict_new();
        if (!d)
            return NULL;
        obj_write((Object *)ts);
        ts->dict = d;
    }
    return ts->dict;
}

ThreadState *thread_state_new(void)
{
    ThreadState *ts = (ThreadState *)stm_allocate(sizeof(struct ThreadState), L_THREAD_STATE);
    if (!ts)
        return NULL;
    ts->type = vm.t_thread_state;
    ts->recursion_limit = 1000;
    return ts;
}

/* Builtin types: name, layout and flags; bases are object unless said. */
static void create_types(void)
{
    /* The five types needed to build types (names, dicts, MRO tuples)
       exist bare first. */
    vm.t_type = type_alloc_bare();
    vm.t_object = type_alloc_bare();
    vm.t_str = type_alloc_bare();
    vm.t_dict = type_alloc_bare();
    vm.t_tuple = type_alloc_bare();
    Type *bare[] = { vm.t_type, vm.t_object, vm.t_str, vm.t_dict, vm.t_tuple };
    for (int i = 0; i < 5; i++)
        bare[i]->type = vm.t_type;
    vm.empty_tuple = tuple_new(0);
    vm.empty_str = str_from_latin1((const unsigned char *)"", 0);
    vm.interned = dict_new();
    for (int c = 0; c < 256; c++) {
        unsigned char ch = (unsigned char)c;
        vm.one_char[c] = str_from_latin1(&ch, 1);
    }
    const uint32_t B = TF_BASETYPE;
    type_fill_bare(vm.t_object, "object", NULL, L_PLAIN, sizeof(struct Object), B);
    type_fill_bare(vm.t_type, "type", vm.t_object, L_TYPE, sizeof(struct Type), B | TF_TYPE_SUBCLASS);
    type_fill_bare(vm.t_str, "str", vm.t_object, L_INSTANCE, sizeof(struct Instance),
                   B | TF_STR_SUBCLASS);
    type_fill_bare(vm.t_dict, "dict", vm.t_object, L_DICT, sizeof(struct Dict), B | TF_DICT_SUBCLASS);
    type_fill_bare(vm.t_tuple, "tuple", vm.t_object, L_INSTANCE, sizeof(struct Instance),
                   B | TF_TUPLE_SUBCLASS);

#define T(field, name, base, layout, size, flags) \
    vm.t_##field = type_new_builtin(name, base, layout, size, flags)
    T(int, "int", vm.t_object, L_INSTANCE, sizeof(struct Instance), B | TF_INT_SUBCLASS);
    T(bool, "bool", vm.t_int, L_PLAIN, 0, 0);
    T(float, "float", vm.t_object, L_INSTANCE, sizeof(struct Instance), B);
    T(complex, "complex", vm.t_object, L_INSTANCE, sizeof(struct Instance), B);
    T(bytes, "bytes", vm.t_object, L_INSTANCE, sizeof(struct Instance), B);
    T(bytearray, "bytearray", vm.t_object, L_INSTANCE, sizeof(struct Instance), B);
    T(list, "list", vm.t_object, L_LIST, sizeof(struct List), B | TF_LIST_SUBCLASS);
    T(set, "set", vm.t_object, L_SETOBJ, sizeof(struct Set), B);
    T(frozenset, "frozenset", vm.t_object, L_SETOBJ, sizeof(struct Set), B);
    T(range, "range", vm.t_object, L_RANGE, 0, 0);
    T(slice, "slice", vm.t_object, L_SLICE, 0, 0);
    T(NoneType, "NoneType", vm.t_object, L_PLAIN, 0, 0);
    T(NotImplementedType, "NotImplementedType", vm.t_object, L_PLAIN, 0, 0);
    T(ellipsis, "ellipsis", vm.t_object, L_PLAIN, 0, 0);
    T(function, "function", vm.t_object, L_FUNCTION, 0, 0);
    T(builtin_function, "builtin_function_or_method", vm.t_object, L_BUILTIN, 0, 0);
    T(builtin_method, "builtin_function_or_method", vm.t_object, L_BUILTIN, 0, 0);
    T(method, "method", vm.t_object, L_METHOD, 0, 0);
    T(cell, "cell", vm.t_object, L_CELL, 0, 0);
    T(code, "code", vm.t_object, L_CODE, 0, 0);
    T(frame, "frame", vm.t_object, L_FRAME, 0, 0);
    T(module, "module", vm.t_object, L_MODULE, sizeof(struct ModuleObj), B);
    T(traceback, "traceback", vm.t_object, L_TRACEBACK, 0, 0);
    T(property, "property", vm.t_object, L_PROPERTY, sizeof(struct Property), B);
    T(staticmethod, "staticmethod", vm.t_object, L_PROPERTY, sizeof(struct Property), B);
    T(classmethod, "classmethod", vm.t_object, L_PROPERTY, sizeof(struct Property), B);
    T(super, "super", vm.t_object, L_PROPERTY, sizeof(struct Property), B);
    T(generator, "generator", vm.t_object, L_GENERATOR, 0, 0);
    T(coroutine, "coroutine", vm.t_object, L_GENERATOR, 0, 0);
    T(thread_state, "thread_state", vm.t_object, L_THREAD_STATE, 0, 0);
    T(list_iterator, "list_iterator", vm.t_object, L_ITER, 0, 0);
    T(tuple_iterator, "tuple_iterator", vm.t_object, L_ITER, 0, 0);
    T(range_iterator, "range_iterator", vm.t_object, L_ITER, 0, 0);
    T(str_iterator, "str_ascii_iterator", vm.t_object, L_ITER, 0, 0);
    T(dict_keyiterator, "dict_keyiterator", vm.t_object, L_ITER, 0, 0);
    T(dict_valueiterator, "dict_valueiterator", vm.t_object, L_ITER, 0, 0);
    T(dict_itemiterator, "dict_itemiterator", vm.t_object, L_ITER, 0, 0);
    T(set_iterator, "set_iterator", vm.t_object, L_ITER, 0, 0);
    T(seq_iterator, "iterator", vm.t_object, L_ITER, 0, 0);
    T(callable_iterator, "callable_iterator", vm.t_object, L_ITER, 0, 0);
    T(enumerate, "enumerate", vm.t_object, L_ITER, 0, B);
    T(zip, "zip", vm.t_object, L_ITER, 0, B);
    T(map, "map", vm.t_object, L_ITER, 0, B);
    T(filter, "filter", vm.t_object, L_ITER, 0, B);
    T(reversed, "reversed", vm.t_object, L_ITER, 0, B);
    T(dict_keys, "dict_keys", vm.t_object, L_ITER, 0, 0);
    T(dict_values, "dict_values", vm.t_object, L_ITER, 0, 0);
    T(dict_items, "dict_items", vm.t_object, L_ITER, 0, 0);
    T(wrapper_descriptor, "wrapper_descriptor", vm.t_object, L_BUILTIN, 0, 0);
    T(method_descriptor, "method_descriptor", vm.t_object, L_BUILTIN, 0, 0);
    T(getset_descriptor, "getset_descriptor", vm.t_object, L_GETSET, 0, 0);
    T(member_descriptor, "member_descriptor", vm.t_object, L_GETSET, 0, 0);
    T(mappingproxy, "mappingproxy", vm.t_object, L_ITER, 0, 0);
    T(classmethod_descriptor, "classmethod_descriptor", vm.t_object, L_BUILTIN, 0, 0);
    vm.t_getset = vm.t_getset_descriptor;
    T(array, "array", vm.t_object, L_ARRAY, 0, 0);
    T(dict_table, "dict_table", vm.t_object, L_DICT_TABLE, 0, 0);
#undef T

    vm.none = vm_alloc(sizeof(struct Object), L_PLAIN, vm.t_NoneType);
    vm.not_implemented = vm_alloc(sizeof(struct Object), L_PLAIN, vm.t_NotImplementedType);
    vm.ellipsis = vm_alloc(sizeof(struct Object), L_PLAIN, vm.t_ellipsis);
    vm.true_ = vm_alloc(sizeof(struct Object), L_PLAIN, vm.t_bool);
    vm.false_ = vm_alloc(sizeof(struct Object), L_PLAIN, vm.t_bool);

#define X(name, base) \
    vm.e_##name = type_new_builtin(#name, vm.e_##base ? vm.e_##base : vm.t_object, L_EXCEPTION, \
                                   sizeof(struct Exception), B | TF_HAS_DICT | TF_EXC_SUBCLASS);
    EXC_TYPES(X)
#undef X
    vm.memory_error = exception_new(vm.e_MemoryError, NULL);
}

bool vm_init(int argc, char **argv)
{
    if (!vm_heap_setup())
        return false;
    thread_attach(&main_thread, NULL);
    transaction_start_inevitable(&main_thread.stm, "interpreter start-up");
    main_thread.ts = thread_state_new();
    if (!main_thread.ts)
        return false;
    create_types();
    main_thread.ts->type = vm.t_thread_state;
    object_type_init();
    int_type_init();
    float_type_init();
    str_type_init();
    tuple_type_init();
    list_type_init();
    dict_type_init();
    set_type_init();
    func_types_init();
    iter_types_init();
    misc_types_init();
    generator_type_init();
    super_type_init();
    descr_types_init();
    code_type_init();
    frame_type_init();
    exceptions_init();
    type_inherit_all();
    builtins_init();
    sys_module_init(argc, argv);
    if (!atexit_init() || !finalizers_setup() || !builtin_modules_setup())
        return false;
    return !exc_occurred();
}

bool thread_others_running(void);

void vm_exit(void)
{
    fflush(stdout);
    fflush(stderr);
    /* Daemon threads still running are abandoned: keeping the transaction
       open keeps them off the heap while the process ends. */
    if (!thread_others_running())
        stm_commit_transaction(&main_thread.stm);
    output_flush();
    thread_stats_print(&main_thread.stm);
}
