/*
** The interpreter loop and what it needs from the rest of the VM.
*/
#ifndef STMPY_EVAL_H
#define STMPY_EVAL_H

#include "vm/objects.h"

/* Runs from `entry`, already the thread's current frame, until it returns
   or yields (vm_thread->yielded tells which).  NULL: an exception. */
Object *eval_run(Frame *entry, bool base, bool throwing);
Object *eval_resume(Frame *f);
Object *eval_class_body(Frame *f);
Object *eval_resume_with_exception(Frame *f);
/* Runs a module or class body: a frame with locals as its namespace. */
Object *eval_code(Object *code, Object *globals, Object *locals);
/* The same for the main program: its loop may break transactions. */
Object *eval_main_code(Object *code, Object *globals);
Frame *frame_new(Object *code, Object *func, Object *globals, Object *builtins, Object *locals);
int frame_bind_args(Frame *f, Object *func, Object *const *args, size_t nargs, Object *kwnames);
void traceback_add(Object *exc, Frame *f, uint32_t pc);

Object *call_with_tuple_and_dict(Object *callable, Object *args, Object *kwargs);
Object *special_lookup(Object *obj, const char *name, const char *missing_partner);
int list_reserve(Object *l, size_t need);
int list_extend(Object *l, Object *iterable);
int list_delete_range(Object *l, size_t from, size_t to);
int set_update(Object *s, Object *iterable);
int dict_merge_from(Object *d, Object *other, bool reject_duplicates,
                    Object *STM_SEG *sp, Object *STM_SEG *stack_base);
void generator_finished(Frame *f);
void generator_close_when_dead(Object *gen);
/* sys_asyncgen.c: this thread's firstiter or finalizer hook, or NULL. */
Object *asyncgen_hook(bool finalizer);
/* The finalizer of a generator (finalizers.c): close() it, or call an
   async generator's finalizer hook; -1 with an exception set. */
int generator_finalize(Object *gen);
/* Sends v into a generator or iterator: 1 and the yielded value, 0 and the
   return value, -1 on error. */
Object *generator_send_any(Object *receiver, Object *v, int *status);
bool exception_type_check(Object *type);
int exception_group_split(Object *eg, Object *type, Object **match, Object **rest);
Object *exception_group_prep_reraise(Object *orig, Object *excs);
Object *exception_traceback(Object *exc);
bool match_is_mapping(Object *v);
bool match_is_sequence(Object *v);
Object *match_keys(Object *subject, Object *keys);
Object *match_class(Object *subject, Object *cls, uint32_t npos, Object *kwnames);

#endif
