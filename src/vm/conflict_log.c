/*
** Conflict reports.  STMPY_LOG=FILE appends one line per abort and per
** inevitable transaction to FILE; STMPY_CONFLICTS=1 prints a short line
** on stderr instead.  lib/stmlog.py reads the file and sums the time lost
** per place.
**
** A line is tab-separated: event kind, Python type of the object, seconds
** lost, this side's location, the other side's location (empty when
** unknown), the reason given for inevitability.  A location is the
** frames innermost first, `File "f.py", line 12, in g` each, joined by
** " <- ".
**
** The interpreter loop keeps the thread's libstm marker on its current
** frame and instruction; libstm asks for its description when the thread
** has lost, after the rollback but before anything else runs, so the
** frames are still readable.  Nothing here allocates: this runs outside
** any transaction.
*/
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/conflict_log.h"
#include "vm/runtime.h"

#define LOCATION_FRAMES 4

static FILE *log_file;
static bool live_report;
static pthread_mutex_t log_lock = PTHREAD_MUTEX_INITIALIZER;

int code_line_of(Object *code, uint32_t pc);

/* Instructions the compiler adds (cleanups, implicit returns) have no
   line: they belong to the closest one before them, or to the `def`. */
static int line_near(Object *code, uint32_t pc)
{
    int line = code_line_of(code, pc);
    while (line < 0 && pc > 0)
        line = code_line_of(code, --pc);
    return line >= 0 ? line : (int)((Code *)code)->firstlineno;
}

/* Appends `File "f.py", line 12, in g` to buf at k; false when full. */
static bool describe_place(Code *code, uint32_t pc, bool first, char *buf, size_t size,
                           size_t *k)
{
    char file[160], name[80];
    str_cstr(code->filename, file, sizeof file);
    str_cstr(code->name, name, sizeof name);
    int n = snprintf(buf + *k, size - *k, "%sFile \"%s\", line %d, in %s", first ? "" : " <- ",
                     file, line_near((Object *)code, pc), name);
    if (n < 0 || (size_t)n >= size - *k) {
        buf[*k] = 0;
        return false;
    }
    *k += (size_t)n;
    return true;
}

/* Two kinds of markers come back: this thread's own, a frame, described
   with its callers; and the code object that lasting_marker() kept for a
   write of another thread, whose frames are gone: one line. */
static void describe_marker(stm_obj *marker, uintptr_t position, char *buf, size_t size)
{
    size_t k = 0;
    buf[0] = 0;
    uint32_t pc = (uint32_t)position;
    if (!marker)
        return;
    if (((Object *)marker)->h.stm_type == L_CODE) {
        describe_place((Code *)marker, pc, true, buf, size, &k);
        return;
    }
    Frame *f = (Frame *)marker;
    for (int depth = 0; f && depth < LOCATION_FRAMES && k + 1 < size; depth++) {
        if (!describe_place((Code *)f->code, pc, depth == 0, buf, size, &k))
            break;
        f = (Frame *)f->back;
        /* A caller's pc is the instruction after its call. */
        pc = f && f->pc ? f->pc - 1 : 0;
    }
}

/* A write's frame dies with its call, long before another thread may
   conflict with the write: its code object stays. */
static stm_obj *lasting_marker(stm_obj *marker)
{
    return ((Object *)marker)->h.stm_type == L_FRAME ? (stm_obj *)((Frame *)marker)->code
                                                     : marker;
}

static const char *kind_name(enum stm_event_kind kind)
{
    switch (kind) {
    case STM_EVENT_ABORT_WRITE_WRITE: return "write-write";
    case STM_EVENT_ABORT_WRITE_READ: return "write-read";
    case STM_EVENT_ABORT_INEVITABLE: return "inevitable";
    case STM_EVENT_ABORT_OTHER: return "abort";
    case STM_EVENT_BECAME_INEVITABLE: return "became-inevitable";
    }
    return "?";
}

/* The Python type of the object, or what the internal vectors of
   containers (which have no type) belong to. */
static void type_of_event(const struct stm_event *ev, char *buf, size_t size)
{
    buf[0] = 0;
    if (!ev->object)
        return;
    Type *t = ((Object *)ev->object)->type;
    if (t)
        snprintf(buf, size, "%s", type_name(t));
    else if (ev->object_type == L_DICT_TABLE)
        snprintf(buf, size, "dict or set table");
    else if (ev->object_type == L_ARRAY)
        snprintf(buf, size, "list items");
}

static void on_event(const struct stm_event *ev)
{
    char type[80], here[sizeof ev->self_location];
    type_of_event(ev, type, sizeof type);
    /* libstm describes the loser of a conflict; a thread that becomes
       inevitable is running, and its marker says where. */
    const char *self = ev->self_location;
    if (!self[0] && ev->kind == STM_EVENT_BECAME_INEVITABLE) {
        describe_marker(vm_thread->stm.marker.object, vm_thread->stm.marker.position, here,
                        sizeof here);
        self = here;
    }
    pthread_mutex_lock(&log_lock);
    if (log_file) {
        fprintf(log_file, "%s\t%s\t%.6f\t%s\t%s\t%s\n", kind_name(ev->kind), type, ev->seconds,
                self, ev->other_location, ev->why ? ev->why : "");
        fflush(log_file);
    }
    if (live_report) {
        if (ev->kind == STM_EVENT_BECAME_INEVITABLE)
            fprintf(stderr, "stmpy: inevitable (%s) at %s\n", ev->why ? ev->why : "?", self);
        else
            fprintf(stderr, "stmpy: %s conflict on <%s>, %.3f ms lost, at %s%s%s\n",
                    kind_name(ev->kind), type, ev->seconds * 1e3, self,
                    ev->other_location[0] ? "; other side at " : "", ev->other_location);
    }
    pthread_mutex_unlock(&log_lock);
}

void conflict_log_configure(struct stm_config *cfg)
{
    const char *path = getenv("STMPY_LOG");
    const char *live = getenv("STMPY_CONFLICTS");
    live_report = live && *live && *live != '0';
    if (path && *path) {
        log_file = fopen(path, "w");
        if (!log_file)
            fprintf(stderr, "stmpy: cannot write the conflict log %s\n", path);
    }
    if (log_file || live_report) {
        cfg->describe_marker = describe_marker;
        cfg->lasting_marker = lasting_marker;
        cfg->on_event = on_event;
    }
}
