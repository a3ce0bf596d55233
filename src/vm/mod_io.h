/*
** What the two halves of the _io module (mod_io.c: binary streams,
** mod_io_text.c: text streams) share.
*/
#ifndef STMPY_MOD_IO_H
#define STMPY_MOD_IO_H

#include "vm/mod_os.h"

/* Every _io type has this one layout (L_NATIVE: a Native whose refs are
   the fields up to `errors`), so that classes may combine them freely
   (BufferedRandom is both a reader and a writer). */
typedef STM_SEG struct IOObj IOObj;
struct IOObj {
    OBJECT_HEAD;
    Object *dict;
    Object *raw;        /* Buffered*: the raw stream; TextIOWrapper: the buffer */
    Object *name;       /* BufferedRWPair: the writer */
    Object *rbuf;       /* bytes: BytesIO's contents, Buffered*'s read-ahead,
                           TextIOWrapper's bytes not decoded yet */
    Object *wbuf;       /* bytes: Buffered*'s pending writes; StringIO: list of
                           strs written at the end, not joined yet */
    Object *decoded;    /* str: TextIOWrapper's decoded text, StringIO's text */
    Object *encoding;   /* str */
    Object *errors;     /* str */
    int64_t pos;        /* BytesIO, StringIO, TextIOWrapper: index in the data;
                           Buffered*: read offset in rbuf */
    int64_t len;        /* BytesIO: length; Buffered*: bytes used in wbuf */
    int32_t fd;         /* FileIO */
    uint32_t flags;
    uint32_t bufsize;
    uint8_t newline;    /* enum Newline */
};
_Static_assert(offsetof(struct IOObj, pos) == offsetof(struct Native, data),
               "the references of an IOObj are a Native's");

enum IOFlags {
    IO_CLOSED = 1, IO_READABLE = 2, IO_WRITABLE = 4, IO_APPENDING = 8,
    IO_CREATED = 0x10, IO_CLOSEFD = 0x20, IO_SEEKABLE = 0x40, IO_SEEKABLE_KNOWN = 0x80,
    IO_LINE_BUFFERING = 0x100, IO_WRITE_THROUGH = 0x200, IO_DETACHED = 0x400,
    IO_INITIALIZED = 0x800, IO_EOF = 0x1000,
};

/* newline= of text streams. */
enum Newline { NL_UNIVERSAL, NL_UNTRANSLATED, NL_LF, NL_CR, NL_CRLF };

struct IOTypes {
    Type *UnsupportedOperation, *IOBase, *RawIOBase, *BufferedIOBase, *TextIOBase, *FileIO,
         *BytesIO, *BufferedReader, *BufferedWriter, *BufferedRandom, *BufferedRWPair,
         *StringIO, *TextIOWrapper, *IncrementalNewlineDecoder;
    Object *open;
    /* Buffered writers not closed yet, by address: flushed at exit, since
       nothing else flushes one that a program dropped unclosed. */
    Object *writers;
};
extern struct IOTypes io_types;      /* a root range */

static inline IOObj *io(Object *o) { return (IOObj *)o; }
/* Stores a reference into an _io object, the barrier after the value is
   computed: an allocation in between may collect, which resets it. */
#define IO_SET(o, field, v)                 \
    do {                                    \
        Object *v_ = (v);                   \
        obj_write(o);                       \
        io(o)->field = v_;                  \
    } while (0)
/* o's type is t itself (not a subclass, which may override methods). */
bool io_exact(Object *o, Type *t);
Object *io_call_method(Object *obj, const char *name, Object *const *args, size_t nargs);
Object *io_unsupported(const char *what);
/* ValueError(msg) when obj.closed is true. */
int io_check_closed_attr(Object *obj, const char *msg);
/* An optional size argument: None and absent give -1. */
int io_size_arg(Object *v, int64_t *out);
Type *io_new_type(const char *name, Type *base);
Object *iobase_readlines(Object *self, Object *const *args, size_t nargs, Object *kw);

Object *fileio_read_n(Object *self, int64_t n);
Object *buffered_read1_n(Object *self, int64_t n);
Object *buffered_read_n(Object *self, int64_t n);
int buffered_write_data(Object *self, const void *p, size_t n);
int buffered_flush_writes(Object *self);
/* Exit: every buffered writer still open writes what it holds. */
void io_flush_writers(void);

int io_types_init(void);      /* once: the types above */
int io_text_types_init(void);
Object *io_text_encoding(Object *self, Object *const *args, size_t nargs, Object *kw);

#endif
