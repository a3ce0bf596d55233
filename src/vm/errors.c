/*
** The exception in flight: setting, testing and clearing it.  It lives in
** the thread's heap state, so an aborted transaction rolls it back too.
*/
#include <stdarg.h>
#include <string.h>

#include "vm/runtime.h"

void exception_set_context(Object *exc);

static void set_exc(Object *exc)
{
    if (exc)
        exception_set_context(exc);
    ThreadState *ts = thread_state();
    obj_write((Object *)ts);
    ts->exc = exc;
}

Object *raise_no_memory(void)
{
    set_exc(vm.memory_error);
    return NULL;
}

Object *raise(Type *type, const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    Object *msg = str_from_utf8(buf, strlen(buf));
    Object *args = msg ? tuple_pack(1, msg) : NULL;
    Object *exc = args ? exception_new(type, args) : NULL;
    if (!exc)
        return raise_no_memory();
    set_exc(exc);
    return NULL;
}

Object *raise_object(Object *v)
{
    Object *exc = v;
    if (!is_small(v) && layout_of(v) == L_TYPE) {
        exc = obj_call((Object *)v, NULL, 0, NULL);
        if (!exc)
            return NULL;
        if (!is_instance_of(exc, vm.e_BaseException))
            return raise(vm.e_TypeError,
                         "calling %s should have returned an instance of BaseException, not %s",
                         type_name((Type *)v), type_name(type_of(exc)));
    }
    set_exc(exc);
    return NULL;
}

Object *exc_occurred(void)
{
    ThreadState *ts = thread_state();
    obj_read((Object *)ts);
    return ts->exc;
}

bool exc_matches(Type *type)
{
    Object *e = exc_occurred();
    return e && is_instance_of(e, type);
}

Object *exc_fetch(void)
{
    Object *e = exc_occurred();
    if (e)
        set_exc(NULL);
    return e;
}

void exc_restore(Object *exc) { set_exc(exc); }
void exc_clear(void) { set_exc(NULL); }
