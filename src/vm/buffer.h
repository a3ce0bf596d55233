/*
** The internal buffer protocol: raw access to the bytes behind bytes,
** bytearray and memoryview objects, for memoryview itself, the _struct
** module and the bytes methods.  Data addresses are real addresses
** (stm_real_address), valid until the next allocation or the end of the
** transaction: take them again after anything that may allocate.
*/
#ifndef STMPY_BUFFER_H
#define STMPY_BUFFER_H

#include "vm/runtime.h"

typedef struct Buffer {
    Object *obj;            /* the object that owns the memory */
    unsigned char *data;
    size_t len;             /* in bytes */
    size_t itemsize;
    char format;            /* a native struct format character */
    bool readonly;
} Buffer;

/* A contiguous buffer of v.  Fails with TypeError when v has none ("a
   bytes-like object is required, not 'T'"), with TypeError when writable
   is asked of read-only memory, with BufferError for a strided view and
   ValueError for a released one. */
int buffer_get(Object *v, Buffer *out, bool writable);
/* As buffer_get, but false without an exception when v has no buffer at
   all; the other failures still raise and return -1.  1: *out is set. */
int buffer_try(Object *v, Buffer *out, bool writable);

/* Exporters written in C modules (array.array): L_NATIVE objects whose
   data a view finds again at each access, as a bytearray's.  export()
   counts the views that hold the object (it must not resize meanwhile). */
typedef struct BufferExporter {
    bool (*is)(Object *v);
    unsigned char *(*data)(Object *v, bool write, size_t *size);
    void (*export)(Object *v, int delta);
    char (*format)(Object *v, size_t *itemsize);
} BufferExporter;
/* Registered once, at start-up or under inevitability; e stays valid. */
void buffer_add_exporter(const BufferExporter *e);

/* The memoryview type, made on the first call. */
Type *memoryview_type(void);
bool is_memoryview(Object *v);
/* As memoryview.release(): gives back the view's export at once. */
void memoryview_release(Object *v);

/* bytearray's count of exports (bytearray.c): a bytearray with exports
   cannot change its size. */
void bytearray_export(Object *ba, int delta);
/* Gives back the exports of views that became garbage without release():
   collects, then releases the views the collector queued as dead.  (A view
   that exports a bytearray is registered with stm_enable_finalizer; the
   finalizer queue is drained here and when such a view is made, so
   another user of finalizers would have to share one dispatcher.)  Best
   effort: a stale reference in a C stack or an old frame slot keeps a
   view alive. */
void buffer_release_dead_views(void);

/* The 64 bits of an int value (int_value's result): 0 when it fits in
   int64 or uint64, *neg telling which; -1 otherwise, without exception. */
int int_bits64(Object *iv, uint64_t *bits, bool *neg);

#endif
