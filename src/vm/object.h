/*
** The VM's object model: what a Python value is in memory.
**
** A value is an `Object *`.  Either it is a tagged small int (low bit 1, the
** integer in the other 63 bits: no allocation, no barrier) or it points to
** a libstm heap object that starts with a struct stm_header followed by
** its Python type.  The header's stm_type holds the object's *layout*: the
** C shape the collector traces, which several Python types may share (all
** user classes' instances share one).
**
** Immutable objects (int, float, str, bytes, tuple, code, ...) are never
** written after they are built, so reading them needs no read barrier.
** Everything else is read through obj_read() and written through
** obj_write(), which are libstm's barriers (nothing in the GIL flavour).
**
** C functions that can fail return NULL (or -1) with the thread's current
** exception set, as in CPython.
*/
#ifndef STMPY_OBJECT_H
#define STMPY_OBJECT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "stm.h"

typedef STM_SEG struct Object Object;
typedef STM_SEG struct Type Type;

#define OBJECT_HEAD struct stm_header h; Type *type

struct Object {
    OBJECT_HEAD;
};

/* Layouts: the stm_type of every heap object. */
enum Layout {
    L_NONE_,            /* 0 is never used: catches unset headers */
    L_PLAIN,            /* header and type only (None, Ellipsis, object()) */
    L_BIGINT, L_FLOAT, L_COMPLEX, L_STR, L_BYTES,
    L_TUPLE, L_LIST, L_ARRAY,           /* L_ARRAY: a list's or dict's item vector */
    L_DICT, L_DICT_TABLE, L_SETOBJ,
    L_TYPE, L_INSTANCE, L_FUNCTION, L_BUILTIN, L_METHOD, L_CELL, L_CODE,
    L_FRAME, L_MODULE, L_EXCEPTION, L_RANGE, L_SLICE, L_ITER, L_PROPERTY,
    L_GENERATOR, L_THREAD_STATE, L_GETSET, L_TRACEBACK,
    L_NATIVE,           /* objects of C modules: struct Native */
    L_COUNT
};

/* ---- tagged small ints --------------------------------------------------- */

#define SMALL_MAX ((intptr_t)(((uintptr_t)1 << 62) - 1))
#define SMALL_MIN (-SMALL_MAX - 1)

static inline bool is_small(const Object *v) { return ((uintptr_t)v & 1) != 0; }
static inline intptr_t small_value(const Object *v) { return (intptr_t)v >> 1; }
static inline Object *make_small(intptr_t i) { return (Object *)(((uintptr_t)i << 1) | 1); }
static inline bool fits_small(intptr_t i) { return i >= SMALL_MIN && i <= SMALL_MAX; }

/* ---- barriers ------------------------------------------------------------ */

static inline void obj_read(Object *o) { stm_read((stm_obj *)o); }
static inline void obj_write(Object *o) { stm_write((stm_obj *)o); }

static inline enum Layout layout_of(const Object *o) { return (enum Layout)o->h.stm_type; }

#endif
