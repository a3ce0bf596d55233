/*
** Exceptions nobody can catch: raised by a finalizer, an atexit callback,
** a thread's outermost call or threading's shutdown.  They are printed as
** CPython's default sys.unraisablehook prints them, on sys.stderr:
** "Exception ignored in: <repr of what was called>" and the traceback.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/runtime.h"

void print_exception_to(FILE *out, Object *exc);

int write_exception(Object *file, const char *header, Object *exc_type, Object *exc)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    if (!m) {
        raise_no_memory();
        return -1;
    }
    fputs(header, m);
    if (!is_small(exc) && layout_of(exc) == L_EXCEPTION) {
        print_exception_to(m, exc);
    } else {
        Object *r = obj_str(exc_type);
        char *t = r ? str_to_utf8(r, NULL) : NULL;
        exc_clear();
        fprintf(m, "%s\n", t ? t : "<exception>");
        free(t);
    }
    fclose(m);
    Object *text = str_from_utf8(buf, len);
    free(buf);
    Object *w = text ? obj_getattr_cstr(file, "write") : NULL;
    if (!w || !obj_call1(w, text))
        return -1;
    Object *fl = obj_getattr_cstr(file, "flush");
    if (!fl || !obj_call0(fl))
        exc_clear();
    return 0;
}

void report_unraisable(const char *prefix, Object *what)
{
    Object *exc = exc_fetch();
    if (!exc)
        return;
    char *text = NULL;
    if (what) {
        Object *r = obj_repr(what);
        text = r ? str_to_utf8(r, NULL) : NULL;
        exc_clear();
    }
    size_t size = strlen(prefix) + (text ? strlen(text) : 0) + 32;
    char *header = malloc(size);
    if (!header) {
        free(text);
        return;
    }
    if (what)
        snprintf(header, size, "%s: %s\n", prefix, text ? text : "<object repr() failed>");
    else
        snprintf(header, size, "%s:\n", prefix);
    free(text);
    Object *file = dict_get_cstr(((ModuleObj *)vm.sys)->dict, "stderr");
    if (!file || file == None || write_exception(file, header, (Object *)type_of(exc), exc) < 0) {
        /* No sys.stderr to write to (or it failed): the C stream. */
        exc_clear();
        fputs(header, stderr);
        print_exception_to(stderr, exc);
    }
    free(header);
}
