/*
** The zlib module over the system's zlib: one-shot compress() and
** decompress(), streaming Compress and Decompress objects, crc32 and
** adler32, with CPython's errors ("Error -3 while decompressing data:
** ...").  A stream's z_stream lives in C memory, outside the heap: a
** transaction that touches one becomes inevitable first, so that it is
** never rolled back behind zlib's back.  Output is gathered in a malloc'ed
** buffer and copied into a bytes object at the end.  A stream is freed
** when it is finished (flush), or by its finalizer (zobj_finalize) after
** the collection that finds it dropped unfinished.
*/
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "vm/buffer.h"
#include "vm/mod_os.h"

Object *getset_new(Type *owner, const char *name, Object *(*get)(Object *),
                   int (*set)(Object *, Object *));

typedef STM_SEG struct ZObj ZObj;
struct ZObj {                   /* the Native layout */
    OBJECT_HEAD;
    Object *dict;
    Object *unused_data, *unconsumed_tail, *zdict;
    Object *refs_[NATIVE_REFS - 4];
    z_stream *zs;               /* NULL once finished */
    bool eof;
};

/* The module's error class and the two stream types, rooted together. */
static struct {
    Type *error, *compress, *decompress;
} zl;

static Object *zlib_error(z_stream *zs, int err, const char *what)
{
    const char *msg = err == Z_VERSION_ERROR ? "library version mismatch" : zs ? zs->msg : NULL;
    if (!msg) {
        switch (err) {
        case Z_BUF_ERROR: msg = "incomplete or truncated stream"; break;
        case Z_STREAM_ERROR: msg = "inconsistent stream state"; break;
        case Z_DATA_ERROR: msg = "invalid input data"; break;
        }
    }
    if (!msg)
        return raise(zl.error, "Error %d %s", err, what);
    return raise(zl.error, "Error %d %s: %.200s", err, what, msg);
}

/* ---- output buffers ----------------------------------------------------------------- */

struct Out {
    unsigned char *p;
    size_t len, cap, limit;     /* limit 0: none */
};

/* Points the stream's output at free room (at least some bytes, at most
   what the limit leaves); -1 with MemoryError. */
static int out_room(struct Out *o, z_stream *zs, size_t hint)
{
    o->len = (size_t)(zs->next_out - o->p);
    if (o->len == o->cap) {
        size_t ncap = o->cap ? o->cap * 2 : hint ? hint : 1;
        if (o->limit && ncap > o->limit)
            ncap = o->limit;
        unsigned char *np = realloc(o->p, ncap ? ncap : 1);
        if (!np) {
            raise_no_memory();
            return -1;
        }
        o->p = np;
        o->cap = ncap;
    }
    size_t room = o->cap - o->len;
    zs->next_out = o->p + o->len;
    zs->avail_out = room > UINT_MAX ? UINT_MAX : (uInt)room;
    return 0;
}

static bool out_full(const struct Out *o, const z_stream *zs)
{
    return o->limit && (size_t)(zs->next_out - o->p) >= o->limit;
}

static Object *out_bytes(struct Out *o, z_stream *zs)
{
    Object *r = bytes_new((const char *)o->p, (size_t)(zs->next_out - o->p));
    free(o->p);
    o->p = NULL;
    return r;
}

/* ---- arguments ----------------------------------------------------------------------------- */

static int int_opt(Object *v, int64_t *out, int64_t dflt)
{
    *out = dflt;
    if (!v)
        return 0;
    if (is_float(v)) {
        raise(vm.e_TypeError, "'float' object cannot be interpreted as an integer");
        return -1;
    }
    return os_arg_int(v, out);
}

/* A bytes-like argument copied to C memory (the stream code allocates
   while it reads it). */
static int data_arg(Object *v, unsigned char **p, size_t *n)
{
    Buffer b;
    if (buffer_get(v, &b, false) < 0)
        return -1;
    *p = malloc(b.len ? b.len : 1);
    if (!*p) {
        raise_no_memory();
        return -1;
    }
    memcpy(*p, b.data, b.len);
    *n = b.len;
    return 0;
}

static void feed(z_stream *zs, const unsigned char **in, size_t *left)
{
    if (zs->avail_in == 0 && *left) {
        uInt n = *left > UINT_MAX ? UINT_MAX : (uInt)*left;
        zs->next_in = (Bytef *)*in;
        zs->avail_in = n;
        *in += n;
        *left -= n;
    }
}

/* ---- checksums --------------------------------------------------------------------------- */

static Object *checksum(const char *fname, Object *const *args, size_t nargs, Object *kw,
                        uLong init, uLong (*fn)(uLong, const Bytef *, uInt))
{
    if (args_no_kw(fname, kw) < 0 || args_count(fname, nargs, 1, 2) < 0)
        return NULL;
    Buffer b;
    if (buffer_get(args[0], &b, false) < 0)
        return NULL;
    uLong v = init;
    if (nargs > 1) {
        /* Any int is taken modulo 2**32, as CPython's "I" format. */
        Object *m = is_int(args[1]) ? obj_binary(args[1], int_from_u64(0xffffffffu), NB_AND)
                                    : NULL;
        int64_t x;
        if (!m) {
            if (!exc_occurred())
                raise(vm.e_TypeError, "'%s' object cannot be interpreted as an integer",
                      type_name(type_of(args[1])));
            return NULL;
        }
        if (int_to_i64(m, &x) < 0)
            return NULL;
        v = (uLong)x;
        if (buffer_get(args[0], &b, false) < 0)
            return NULL;
    }
    const unsigned char *p = b.data;
    size_t n = b.len;
    while (n) {
        uInt k = n > UINT_MAX ? UINT_MAX : (uInt)n;
        v = fn(v, p, k);
        p += k;
        n -= k;
    }
    keep_alive(args[0]);
    return int_from_u64(v & 0xffffffffu);
}

static Object *zl_crc32(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return checksum("crc32", args, nargs, kw, 0, crc32);
}

static Object *zl_adler32(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return checksum("adler32", args, nargs, kw, 1, adler32);
}

/* ---- one-shot compress and decompress ------------------------------------------------------------ */

static Object *zl_compress(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    static const char *const names[] = { "", "level", "wbits", NULL };
    Object *a[3];
    int64_t level, wbits;
    if (nargs < 1)
        return raise(vm.e_TypeError, "compress() takes at least 1 positional argument (0 given)");
    if (args_parse("compress", args, nargs, kw, names, 1, 3, a) < 0
        || int_opt(a[1], &level, Z_DEFAULT_COMPRESSION) < 0
        || int_opt(a[2], &wbits, MAX_WBITS) < 0)
        return NULL;
    unsigned char *in;
    size_t left;
    if (data_arg(a[0], &in, &left) < 0)
        return NULL;
    z_stream zs = { 0 };
    int err = deflateInit2(&zs, (int)level, Z_DEFLATED, (int)wbits, 8, Z_DEFAULT_STRATEGY);
    if (err != Z_OK) {
        free(in);
        if (err == Z_MEM_ERROR)
            return raise(vm.e_MemoryError, "Out of memory while compressing data");
        if (err == Z_STREAM_ERROR)
            return raise(zl.error, "Bad compression level");
        deflateEnd(&zs);
        return zlib_error(&zs, err, "while compressing data");
    }
    struct Out o = { 0 };
    zs.next_out = o.p;
    const unsigned char *ip = in;
    int flush;
    do {
        feed(&zs, &ip, &left);
        flush = left ? Z_NO_FLUSH : Z_FINISH;
        do {
            if (out_room(&o, &zs, 16384) < 0) {
                deflateEnd(&zs);
                free(in);
                free(o.p);
                return NULL;
            }
            err = deflate(&zs, flush);
            if (err == Z_STREAM_ERROR) {
                deflateEnd(&zs);
                free(in);
                free(o.p);
                return zlib_error(&zs, err, "while compressing data");
            }
        } while (zs.avail_out == 0);
    } while (flush != Z_FINISH);
    deflateEnd(&zs);
    free(in);
    return out_bytes(&o, &zs);
}

static Object *zl_decompress(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    static const char *const names[] = { "", "wbits", "bufsize", NULL };
    Object *a[3];
    int64_t wbits, bufsize;
    if (nargs < 1)
        return raise(vm.e_TypeError, "decompress() takes at least 1 positional argument (0 given)");
    if (args_parse("decompress", args, nargs, kw, names, 1, 3, a) < 0
        || int_opt(a[1], &wbits, MAX_WBITS) < 0 || int_opt(a[2], &bufsize, 16384) < 0)
        return NULL;
    if (bufsize < 0)
        return raise(vm.e_ValueError, "bufsize must be non-negative");
    unsigned char *in;
    size_t left;
    if (data_arg(a[0], &in, &left) < 0)
        return NULL;
    z_stream zs = { 0 };
    int err = inflateInit2(&zs, (int)wbits);
    if (err != Z_OK) {
        free(in);
        if (err == Z_MEM_ERROR)
            return raise(vm.e_MemoryError, "Out of memory while decompressing data");
        inflateEnd(&zs);
        return zlib_error(&zs, err, "while preparing to decompress data");
    }
    struct Out o = { 0 };
    zs.next_out = o.p;
    const unsigned char *ip = in;
    do {
        feed(&zs, &ip, &left);
        int flush = left ? Z_NO_FLUSH : Z_FINISH;
        do {
            if (out_room(&o, &zs, bufsize ? (size_t)bufsize : 1) < 0) {
                err = Z_MEM_ERROR;
                break;
            }
            err = inflate(&zs, flush);
            if (err != Z_OK && err != Z_BUF_ERROR && err != Z_STREAM_END)
                break;
        } while (zs.avail_out == 0);
        if (err != Z_OK && err != Z_BUF_ERROR)
            break;
    } while (left || zs.avail_in);
    free(in);
    if (err == Z_MEM_ERROR && !o.p) {
        inflateEnd(&zs);
        return NULL;
    }
    if (err != Z_STREAM_END) {
        /* Input used up without the end of the stream: truncated. */
        if (err == Z_OK)
            err = Z_BUF_ERROR;
        zlib_error(&zs, err, "while decompressing data");
        inflateEnd(&zs);
        free(o.p);
        return NULL;
    }
    inflateEnd(&zs);
    return out_bytes(&o, &zs);
}

/* ---- stream objects ----------------------------------------------------------------------------- */

/* Every live stream is linked from this global list: the collector's
   heap, where the objects that own streams live, is memory that leak
   checkers do not scan; a stream dropped unfinished stays allocated
   until its finalizer runs. */
struct Stream {
    z_stream zs;                /* first: a z_stream * is a struct Stream * */
    struct Stream *prev, *next;
};
static struct Stream live_streams = { .prev = &live_streams, .next = &live_streams };
static pthread_mutex_t live_lock = PTHREAD_MUTEX_INITIALIZER;

static z_stream *stream_new(void)
{
    struct Stream *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    pthread_mutex_lock(&live_lock);
    s->next = live_streams.next;
    s->prev = &live_streams;
    s->next->prev = s;
    live_streams.next = s;
    pthread_mutex_unlock(&live_lock);
    return &s->zs;
}

static void stream_free(z_stream *zs)
{
    struct Stream *s = (struct Stream *)zs;
    pthread_mutex_lock(&live_lock);
    s->prev->next = s->next;
    s->next->prev = s->prev;
    pthread_mutex_unlock(&live_lock);
    free(s);
}

static ZObj *zobj(Object *self, bool write)
{
    if (write)
        obj_write(self);
    else
        obj_read(self);
    return (ZObj *)self;
}

static Object *zobj_new(Type *t)
{
    Object *e = bytes_new("", 0);
    ZObj *z = e ? (ZObj *)vm_alloc(sizeof(struct ZObj), L_NATIVE, t) : NULL;
    if (!z)
        return NULL;
    z->unused_data = z->unconsumed_tail = e;
    z->zdict = None;
    z->zs = stream_new();
    if (!z->zs)
        return raise_no_memory();
    return (Object *)z;
}

static int set_dict(z_stream *zs, Object *zdict, bool deflating)
{
    Buffer b;
    if (buffer_get(zdict, &b, false) < 0)
        return -1;
    if (b.len > UINT_MAX) {
        raise(vm.e_OverflowError, "zdict length does not fit in an unsigned int");
        return -1;
    }
    int err = deflating ? deflateSetDictionary(zs, b.data, (uInt)b.len)
                        : inflateSetDictionary(zs, b.data, (uInt)b.len);
    if (err != Z_OK) {
        if (deflating)
            raise(vm.e_ValueError, "Invalid dictionary");
        else
            zlib_error(zs, err, "while setting zdict");
        return -1;
    }
    return 0;
}

static Object *zl_compressobj(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    static const char *const names[] = { "level", "method", "wbits", "memLevel", "strategy",
                                         "zdict", NULL };
    Object *a[6];
    int64_t level, method, wbits, memlevel, strategy;
    if (args_parse("compressobj", args, nargs, kw, names, 0, 6, a) < 0
        || int_opt(a[0], &level, Z_DEFAULT_COMPRESSION) < 0
        || int_opt(a[1], &method, Z_DEFLATED) < 0 || int_opt(a[2], &wbits, MAX_WBITS) < 0
        || int_opt(a[3], &memlevel, 8) < 0 || int_opt(a[4], &strategy, Z_DEFAULT_STRATEGY) < 0)
        return NULL;
    Object *zdict = a[5] && a[5] != None ? a[5] : NULL;
    Buffer b;
    if (zdict && buffer_get(zdict, &b, false) < 0)
        return NULL;
    os_irreversible("zlib");
    Object *o = zobj_new(zl.compress);
    if (!o)
        return NULL;
    z_stream *zs = zobj(o, false)->zs;
    int err = deflateInit2(zs, (int)level, (int)method, (int)wbits, (int)memlevel, (int)strategy);
    if (err != Z_OK) {
        stream_free(zs);
        zobj(o, true)->zs = NULL;
        if (err == Z_MEM_ERROR)
            return raise(vm.e_MemoryError, "Can't allocate memory for compression object");
        if (err == Z_STREAM_ERROR)
            return raise(vm.e_ValueError, "Invalid initialization option");
        return zlib_error(NULL, err, "while creating compression object");
    }
    if (zdict && set_dict(zs, zdict, true) < 0)
        return NULL;
    return o;
}

static Object *zl_decompressobj(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    static const char *const names[] = { "wbits", "zdict", NULL };
    Object *a[2];
    int64_t wbits;
    if (args_parse("decompressobj", args, nargs, kw, names, 0, 2, a) < 0
        || int_opt(a[0], &wbits, MAX_WBITS) < 0)
        return NULL;
    Buffer b;
    if (a[1] && buffer_try(a[1], &b, false) <= 0) {
        if (!exc_occurred())
            raise(vm.e_TypeError, "zdict argument must support the buffer protocol");
        return NULL;
    }
    os_irreversible("zlib");
    Object *o = zobj_new(zl.decompress);
    if (!o)
        return NULL;
    if (a[1]) {
        obj_write(o);
        ((ZObj *)o)->zdict = a[1];
    }
    z_stream *zs = zobj(o, false)->zs;
    int err = inflateInit2(zs, (int)wbits);
    if (err != Z_OK) {
        stream_free(zs);
        zobj(o, true)->zs = NULL;
        if (err == Z_MEM_ERROR)
            return raise(vm.e_MemoryError, "Can't allocate memory for decompression object");
        if (err == Z_STREAM_ERROR)
            return raise(vm.e_ValueError, "Invalid initialization option");
        return zlib_error(NULL, err, "while creating decompression object");
    }
    /* A raw stream has no header to ask for its dictionary. */
    if (a[1] && wbits < 0 && set_dict(zs, a[1], false) < 0)
        return NULL;
    return o;
}

/* The stream of a live object; NULL with zlib's "inconsistent stream
   state" error once it was finished. */
static z_stream *live_stream(Object *self, const char *what)
{
    z_stream *zs = zobj(self, false)->zs;
    if (!zs)
        zlib_error(NULL, Z_STREAM_ERROR, what);
    return zs;
}

static void end_stream(Object *self, bool deflating)
{
    z_stream *zs = zobj(self, false)->zs;
    if (deflating)
        deflateEnd(zs);
    else
        inflateEnd(zs);
    stream_free(zs);
    zobj(self, true)->zs = NULL;
}

/* A stream dropped unfinished: its zlib state is freed after the next
   collection (the finalizer runs inevitable, as every use of a stream). */
static void zobj_finalize(Object *self)
{
    if (zobj(self, false)->zs)
        end_stream(self, type_of(self) == zl.compress);
}

static Object *c_compress(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("compress", kw, nargs, 1) < 0)
        return NULL;
    unsigned char *in;
    size_t left;
    if (data_arg(args[0], &in, &left) < 0)
        return NULL;
    os_irreversible("zlib");
    z_stream *zs = live_stream(self, "while compressing data");
    if (!zs) {
        free(in);
        return NULL;
    }
    /* Input a failed call left is freed: each call gives its own. */
    zs->avail_in = 0;
    struct Out o = { 0 };
    zs->next_out = o.p;
    const unsigned char *ip = in;
    int err = Z_OK;
    do {
        feed(zs, &ip, &left);
        do {
            if (out_room(&o, zs, 16384) < 0) {
                free(in);
                free(o.p);
                return NULL;
            }
            err = deflate(zs, Z_NO_FLUSH);
            if (err == Z_STREAM_ERROR) {
                free(in);
                free(o.p);
                return zlib_error(zs, err, "while compressing data");
            }
        } while (zs->avail_out == 0);
    } while (left);
    free(in);
    return out_bytes(&o, zs);
}

static Object *c_flush(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    int64_t mode = Z_FINISH;
    if (args_no_kw("flush", kw) < 0 || args_count("flush", nargs, 0, 1) < 0
        || (nargs && int_opt(args[0], &mode, Z_FINISH) < 0))
        return NULL;
    if (mode == Z_NO_FLUSH)
        return bytes_new("", 0);
    os_irreversible("zlib");
    z_stream *zs = live_stream(self, "while flushing");
    if (!zs)
        return NULL;
    struct Out o = { 0 };
    zs->next_out = o.p;
    zs->avail_in = 0;
    int err;
    do {
        if (out_room(&o, zs, 16384) < 0) {
            free(o.p);
            return NULL;
        }
        err = deflate(zs, (int)mode);
        if (err == Z_STREAM_ERROR) {
            free(o.p);
            return zlib_error(zs, err, "while flushing");
        }
    } while (zs->avail_out == 0);
    if (err == Z_STREAM_END && mode == Z_FINISH) {
        Object *r = out_bytes(&o, zs);
        end_stream(self, true);
        return r;
    }
    if (err != Z_OK && err != Z_BUF_ERROR) {
        free(o.p);
        return zlib_error(zs, err, "while flushing");
    }
    return out_bytes(&o, zs);
}

static Object *z_copy(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    bool deflating = type_of(self) == zl.compress;
    if (args_no_kw("copy", kw) < 0 || args_count("copy", nargs, 0, 1) < 0)
        return NULL;
    os_irreversible("zlib");
    z_stream *zs = zobj(self, false)->zs;
    if (!zs)
        return raise(vm.e_ValueError, "Inconsistent stream state");
    Object *o = zobj_new(type_of(self));
    if (!o)
        return NULL;
    z_stream *nz = zobj(o, false)->zs;
    int err = deflating ? deflateCopy(nz, zs) : inflateCopy(nz, zs);
    if (err != Z_OK) {
        stream_free(nz);
        zobj(o, true)->zs = NULL;
        if (err == Z_STREAM_ERROR)
            return raise(vm.e_ValueError, "Inconsistent stream state");
        if (err == Z_MEM_ERROR)
            return raise(vm.e_MemoryError, "Can't allocate memory for %scompression object",
                         deflating ? "" : "de");
        return zlib_error(zs, err, "while copying compression object");
    }
    ZObj *src = zobj(self, false);
    Object *ud = src->unused_data, *ut = src->unconsumed_tail, *zd = src->zdict;
    bool eof = src->eof;
    ZObj *dst = zobj(o, true);
    dst->unused_data = ud;
    dst->unconsumed_tail = ut;
    dst->zdict = zd;
    dst->eof = eof;
    return o;
}

/* What inflate left of the input: after the end of the stream it is
   unused_data (added to what was there), before it unconsumed_tail. */
static int save_input(Object *self, z_stream *zs, int err)
{
    if (err == Z_STREAM_END && zs->avail_in) {
        Object *old = zobj(self, false)->unused_data;
        size_t n = bytes_size(old);
        unsigned char *tmp = malloc(n + zs->avail_in);
        if (!tmp) {
            raise_no_memory();
            return -1;
        }
        memcpy(tmp, bytes_data(old), n);
        memcpy(tmp + n, zs->next_in, zs->avail_in);
        Object *nu = bytes_new((const char *)tmp, n + zs->avail_in);
        free(tmp);
        if (!nu)
            return -1;
        zobj(self, true)->unused_data = nu;
        zs->avail_in = 0;
    }
    if (zs->avail_in || bytes_size(zobj(self, false)->unconsumed_tail)) {
        Object *t = bytes_new((const char *)zs->next_in, zs->avail_in);
        if (!t)
            return -1;
        zobj(self, true)->unconsumed_tail = t;
    }
    /* The input is the caller's: the next call gives its own. */
    zs->avail_in = 0;
    return 0;
}

/* Returned by inflate_loop when a Python exception is set. */
#define Z_RAISED (-100)

/* inflate() until the input is used up, the output reaches o->limit or
   the stream ends; a dictionary is given when the stream asks for one. */
static int inflate_loop(Object *self, z_stream *zs, struct Out *o, const unsigned char **ip,
                        size_t *left, int flush, size_t hint)
{
    for (;;) {
        feed(zs, ip, left);
        if (out_room(o, zs, hint) < 0)
            return Z_RAISED;
        int err = inflate(zs, flush);
        if (err == Z_NEED_DICT) {
            Object *zd = zobj(self, false)->zdict;
            if (zd == None)
                return err;
            if (set_dict(zs, zd, false) < 0)
                return Z_RAISED;
            continue;
        }
        if (err != Z_OK && err != Z_BUF_ERROR)
            return err;
        if (out_full(o, zs) || (zs->avail_out && (err == Z_BUF_ERROR || (!zs->avail_in && !*left))))
            return err;
    }
}

static Object *d_decompress(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    static const char *const names[] = { "", "max_length", NULL };
    Object *a[2];
    int64_t max;
    if (nargs < 1)
        return raise(vm.e_TypeError, "decompress() takes at least 1 positional argument (0 given)");
    if (args_parse("decompress", args, nargs, kw, names, 1, 2, a) < 0
        || int_opt(a[1], &max, 0) < 0)
        return NULL;
    if (max < 0)
        return raise(vm.e_ValueError, "max_length must be non-negative");
    unsigned char *in;
    size_t left;
    if (data_arg(a[0], &in, &left) < 0)
        return NULL;
    os_irreversible("zlib");
    z_stream *zs = live_stream(self, "while decompressing data");
    if (!zs) {
        free(in);
        return NULL;
    }
    /* Input a failed call left is freed: each call gives its own. */
    zs->avail_in = 0;
    struct Out o = { .limit = (size_t)max };
    zs->next_out = o.p;
    const unsigned char *ip = in;
    size_t hint = max && max < 16384 ? (size_t)max : 16384;
    int err = inflate_loop(self, zs, &o, &ip, &left, Z_SYNC_FLUSH, hint);
    if (err == Z_RAISED) {
        free(in);
        free(o.p);
        return NULL;
    }
    /* The input not given to zlib yet follows what it has not read. */
    zs->avail_in += (uInt)left;
    int r = save_input(self, zs, err);
    free(in);
    if (r < 0) {
        free(o.p);
        return NULL;
    }
    if (err == Z_STREAM_END) {
        zobj(self, true)->eof = true;
    } else if (err != Z_OK && err != Z_BUF_ERROR) {
        free(o.p);
        return zlib_error(zs, err, "while decompressing data");
    }
    return out_bytes(&o, zs);
}

static Object *d_flush(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    int64_t length = 16384;
    if (args_no_kw("flush", kw) < 0 || args_count("flush", nargs, 0, 1) < 0
        || (nargs && int_opt(args[0], &length, 16384) < 0))
        return NULL;
    if (length <= 0)
        return raise(vm.e_ValueError, "length must be greater than zero");
    os_irreversible("zlib");
    z_stream *zs = live_stream(self, "while flushing");
    if (!zs)
        return NULL;
    zs->avail_in = 0;
    Object *tail = zobj(self, false)->unconsumed_tail;
    unsigned char *in;
    size_t left;
    if (data_arg(tail, &in, &left) < 0)
        return NULL;
    struct Out o = { 0 };
    zs->next_out = o.p;
    const unsigned char *ip = in;
    int err = inflate_loop(self, zs, &o, &ip, &left, Z_FINISH, (size_t)length);
    if (err == Z_RAISED) {
        free(in);
        free(o.p);
        return NULL;
    }
    int r = save_input(self, zs, err);
    free(in);
    if (r < 0) {
        free(o.p);
        return NULL;
    }
    Object *res = out_bytes(&o, zs);
    if (err == Z_STREAM_END) {
        zobj(self, true)->eof = true;
        end_stream(self, false);
    }
    return res;
}

static Object *get_unused_data(Object *self) { return zobj(self, false)->unused_data; }
static Object *get_unconsumed_tail(Object *self) { return zobj(self, false)->unconsumed_tail; }
static Object *get_eof(Object *self) { return bool_obj(zobj(self, false)->eof); }

/* ---- the module -------------------------------------------------------------------------------- */

static Type *zlib_class(const char *name, const MethodDef *methods)
{
    Type *t = type_new_builtin(name, vm.t_object, L_NATIVE, sizeof(struct ZObj), 0);
    dict_set_cstr(t->dict, "__module__", str_from_cstr("zlib"));
    t->getattr = generic_getattr;
    type_add_methods(t, methods);
    type_inherit(t);
    t->flags |= TF_FINALIZE;
    t->finalize = zobj_finalize;
    return t;
}

static bool zlib_setup(void)
{
    if (zl.error)
        return true;
    /* The globals name committed objects: set under inevitability. */
    os_irreversible("zlib types");
    /* Inevitable transactions run one at a time: another thread may have
       made them while this one waited. */
    if (zl.error)
        return true;
    Object *ns = dict_new();
    if (!ns || dict_set_cstr(ns, "__module__", str_from_cstr("zlib")) < 0)
        return false;
    Object *args[3] = { str_from_cstr("error"), tuple_pack(1, (Object *)vm.e_Exception), ns };
    Object *err = args[0] && args[1] ? obj_call((Object *)vm.t_type, args, 3, NULL) : NULL;
    if (!err)
        return false;
    static const MethodDef c_methods[] = {
        { "compress", c_compress, 0 }, { "flush", c_flush, 0 }, { "copy", z_copy, 0 },
        { "__copy__", z_copy, 0 }, { "__deepcopy__", z_copy, 0 }, { NULL, NULL, 0 },
    };
    static const MethodDef d_methods[] = {
        { "decompress", d_decompress, 0 }, { "flush", d_flush, 0 }, { "copy", z_copy, 0 },
        { "__copy__", z_copy, 0 }, { "__deepcopy__", z_copy, 0 }, { NULL, NULL, 0 },
    };
    Type *c = zlib_class("Compress", c_methods);
    Type *d = zlib_class("Decompress", d_methods);
    getset_new(d, "unused_data", get_unused_data, NULL);
    getset_new(d, "unconsumed_tail", get_unconsumed_tail, NULL);
    getset_new(d, "eof", get_eof, NULL);
    stm_add_root_range(&zl, sizeof zl);
    zl.compress = c;
    zl.decompress = d;
    zl.error = (Type *)err;
    return true;
}

Object *zlib_module_init(void)
{
    static const MethodDef functions[] = {
        { "compress", zl_compress, 0 }, { "decompress", zl_decompress, 0 },
        { "compressobj", zl_compressobj, 0 }, { "decompressobj", zl_decompressobj, 0 },
        { "crc32", zl_crc32, 0 }, { "adler32", zl_adler32, 0 }, { NULL, NULL, 0 },
    };
    if (!zlib_setup())
        return NULL;
    Object *m = os_module_new("zlib", functions);
    if (!m)
        return NULL;
    os_module_add(m, "error", (Object *)zl.error);
    os_module_add(m, "ZLIB_VERSION", str_from_cstr(ZLIB_VERSION));
    os_module_add(m, "ZLIB_RUNTIME_VERSION", str_from_cstr(zlibVersion()));
    os_module_add_int(m, "DEFLATED", Z_DEFLATED);
    os_module_add_int(m, "DEF_MEM_LEVEL", 8);
    os_module_add_int(m, "DEF_BUF_SIZE", 16384);
#define C(name) os_module_add_int(m, #name, name);
    C(MAX_WBITS) C(Z_NO_COMPRESSION) C(Z_BEST_SPEED) C(Z_BEST_COMPRESSION)
    C(Z_DEFAULT_COMPRESSION) C(Z_FILTERED) C(Z_HUFFMAN_ONLY) C(Z_RLE) C(Z_FIXED)
    C(Z_DEFAULT_STRATEGY) C(Z_NO_FLUSH) C(Z_PARTIAL_FLUSH) C(Z_SYNC_FLUSH) C(Z_FULL_FLUSH)
    C(Z_FINISH) C(Z_BLOCK) C(Z_TREES)
#undef C
    return m;
}
