/*
** The _io module, text side: TextIOWrapper, StringIO,
** IncrementalNewlineDecoder, and the standard streams (sys.stdin, stdout,
** stderr) with print()'s fast path into them.
**
** A TextIOWrapper keeps the text it decoded as the decoder gave it (line
** endings not translated) and translates when it hands text out, so that
** tell() can count the bytes not yet consumed by encoding them again.
*/
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "vm/codecs.h"
#include "vm/mod_io.h"

/* IO_BOM_DONE: the BOM of a UTF-16 or UTF-32 stream is read or written,
   the rest goes without (IO_BIG_ENDIAN: big-endian, as the BOM read said).
   IO_CODEC_KNOWN: the bits from IO_CODEC_SHIFT hold 1 + the codec of
   codecs.c that the encoding names (0: a codec of the registry). */
enum { IO_TRANSLATE = 0x2000, IO_PENDING_CR = 0x4000, IO_BOM_DONE = 0x8000,
       IO_BIG_ENDIAN = 0x10000, IO_CODEC_KNOWN = 0x20000 };
#define IO_CODEC_SHIFT 24
#define TEXT_CHUNK 8192

Object *getset_new(Type *owner, const char *name, Object *(*get)(Object *),
                   int (*set)(Object *, Object *));

/* ---- str helpers ------------------------------------------------------------------- */

static intptr_t find_char(Object *s, size_t from, size_t to, uint32_t c)
{
    if (from >= to)
        return -1;
    int kind = str_kind(s);
    uint32_t needle32 = c;
    uint16_t needle16 = (uint16_t)c;
    uint8_t needle8 = (uint8_t)c;
    const void *needle = kind == 1 ? (const void *)&needle8 : kind == 2 ? (const void *)&needle16
                                                                         : (const void *)&needle32;
    intptr_t r = kind_find((const char *)str_data(s) + from * (size_t)kind, to - from, needle, 1,
                           kind, false);
    return r < 0 ? -1 : r + (intptr_t)from;
}

/* s[from:to] with \r\n and \r turned into \n. */
static Object *translate_universal(Object *s, size_t from, size_t to)
{
    if (find_char(s, from, to, '\r') < 0)
        return str_substr(s, from, to);
    StrBuf b;
    if (sb_init(&b, to - from) < 0)
        return NULL;
    for (size_t i = from; i < to; i++) {
        uint32_t c = str_char(s, i);
        if (c == '\r') {
            c = '\n';
            if (i + 1 < to && str_char(s, i + 1) == '\n')
                i++;
        }
        if (sb_putc(&b, c) < 0) {
            sb_free(&b);
            return NULL;
        }
    }
    return sb_finish(&b);
}

static Object *str_replace_nl(Object *s, const char *nl)
{
    Object *a[2] = { vm.one_char['\n'], str_from_cstr(nl) };
    return a[1] ? io_call_method(s, "replace", a, 2) : NULL;
}

/* The end of the line that starts at `from` in s[..to): the index after
   its terminator, or -1 when the line may go on past `to` (a lone \r at
   the very end counts as unfinished unless `eof`). */
static intptr_t line_end(Object *s, size_t from, size_t to, int newline, bool eof)
{
    switch (newline) {
    case NL_LF: {
        intptr_t i = find_char(s, from, to, '\n');
        return i < 0 ? -1 : i + 1;
    }
    case NL_CR: {
        intptr_t i = find_char(s, from, to, '\r');
        return i < 0 ? -1 : i + 1;
    }
    case NL_CRLF:
        for (size_t i = from; i + 1 < to; i++) {
            intptr_t k = find_char(s, i, to - 1, '\r');
            if (k < 0)
                return -1;
            if (str_char(s, (size_t)k + 1) == '\n')
                return k + 2;
            i = (size_t)k;
        }
        return -1;
    default: {
        intptr_t lf = find_char(s, from, to, '\n');
        intptr_t cr = find_char(s, from, lf < 0 ? to : (size_t)lf, '\r');
        if (cr < 0)
            return lf < 0 ? -1 : lf + 1;
        if ((size_t)cr + 1 < to)
            return str_char(s, (size_t)cr + 1) == '\n' ? cr + 2 : cr + 1;
        return eof ? cr + 1 : -1;
    }
    }
}

static int newline_arg(Object *v, uint8_t *out)
{
    if (!v || v == None) {
        *out = NL_UNIVERSAL;
        return 0;
    }
    if (!is_str(v)) {
        raise(vm.e_TypeError, "newline must be str or None, not %s", type_name(type_of(v)));
        return -1;
    }
    if (str_len(v) == 0)
        *out = NL_UNTRANSLATED;
    else if (str_eq_cstr(v, "\n"))
        *out = NL_LF;
    else if (str_eq_cstr(v, "\r"))
        *out = NL_CR;
    else if (str_eq_cstr(v, "\r\n"))
        *out = NL_CRLF;
    else {
        Object *r = obj_repr(v);
        char b[100];
        raise(vm.e_ValueError, "illegal newline value: %s", r ? str_cstr(r, b, sizeof b) : "?");
        return -1;
    }
    return 0;
}

static const char *newline_out(int nl)
{
    return nl == NL_CR ? "\r" : nl == NL_CRLF ? "\r\n" : NULL;
}

/* ---- TextIOWrapper ---------------------------------------------------------------------- */

/* The buffer, when it is one of our buffered writers over a FileIO that
   is open: text is then encoded straight into its buffer. */
static Object *fast_buffer(Object *self)
{
    Object *b = io(self)->raw;
    if (!b || (!io_exact(b, io_types.BufferedWriter) && !io_exact(b, io_types.BufferedRandom)))
        return NULL;
    obj_read(b);
    Object *raw = io(b)->raw;
    if (!(io(b)->flags & IO_INITIALIZED) || !raw || !io_exact(raw, io_types.FileIO))
        return NULL;
    obj_read(raw);
    return io(raw)->fd >= 0 ? b : NULL;
}

static int text_check(Object *self)
{
    obj_read(self);
    IOObj *t = io(self);
    if (!(t->flags & IO_INITIALIZED) || !t->raw) {
        raise(vm.e_ValueError, t->flags & IO_DETACHED ? "underlying buffer has been detached"
                                                      : "I/O operation on uninitialized object");
        return -1;
    }
    return 0;
}

static int text_check_open(Object *self)
{
    if (text_check(self) < 0)
        return -1;
    if (fast_buffer(self))
        return 0;
    return io_check_closed_attr(io(self)->raw, "I/O operation on closed file.");
}

static int text_configure(Object *self, Object *encoding, Object *errors, Object *newline)
{
    IOObj *t = io(self);
    if (encoding) {
        if (!is_str(encoding)) {
            raise(vm.e_TypeError, "TextIOWrapper() argument 'encoding' must be str or None, not %s",
                  type_name(type_of(encoding)));
            return -1;
        }
        if (str_eq_cstr(encoding, "locale"))
            encoding = str_from_cstr("UTF-8");
        if (!encoding || !codec_encode(vm.empty_str, encoding, NULL))
            return -1;
        IO_SET(self, encoding, encoding);
        obj_write(self);
        t->flags &= ~(uint32_t)(IO_CODEC_KNOWN | IO_BOM_DONE | IO_BIG_ENDIAN
                                | (0xfu << IO_CODEC_SHIFT));
    }
    if (errors) {
        if (!is_str(errors)) {
            raise(vm.e_TypeError, "TextIOWrapper() argument 'errors' must be str or None, not %s",
                  type_name(type_of(errors)));
            return -1;
        }
        IO_SET(self, errors, errors);
    }
    if (newline) {
        uint8_t nl;
        if (newline_arg(newline == None ? NULL : newline, &nl) < 0)
            return -1;
        obj_write(self);
        t->newline = nl;
    }
    return 0;
}

Object *text_wrapper_new(Object *buffer, Object *encoding, Object *errors, Object *newline,
                         bool line_buffering, bool write_through)
{
    Object *args[6] = { buffer, encoding ? encoding : None, errors ? errors : None,
                        newline ? newline : None, bool_obj(line_buffering), bool_obj(write_through) };
    return obj_call((Object *)io_types.TextIOWrapper, args, 6, NULL);
}

static int text_codec(Object *self);
static bool has_bom(int codec);

static int text_init(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    static const char *const names[] = { "buffer", "encoding", "errors", "newline",
                                         "line_buffering", "write_through", NULL };
    Object *a[6];
    if (args_parse("TextIOWrapper", args, nargs, kw, names, 1, 6, a) < 0)
        return -1;
    IOObj *t = io(self);
    obj_write(self);
    t->flags = 0;
    IO_SET(self, raw, a[0]);
    IO_SET(self, decoded, NULL);
    IO_SET(self, rbuf, NULL);
    t->pos = 0;
    IO_SET(self, encoding, str_from_cstr("UTF-8"));
    IO_SET(self, errors, intern_cstr("strict"));
    t->newline = NL_UNIVERSAL;
    if (!t->encoding
        || text_configure(self, a[1] && a[1] != None ? a[1] : NULL,
                          a[2] && a[2] != None ? a[2] : NULL, a[3] ? a[3] : None) < 0)
        return -1;
    int lb = a[4] ? obj_truth(a[4]) : 0, wt = a[5] ? obj_truth(a[5]) : 0;
    if (lb < 0 || wt < 0)
        return -1;
    obj_write(self);
    t->flags = IO_INITIALIZED | (lb ? IO_LINE_BUFFERING : 0) | (wt ? IO_WRITE_THROUGH : 0);
    /* A UTF-16 or UTF-32 stream that does not start at the beginning of its
       file (appending) writes no BOM, as CPython's. */
    if (has_bom(text_codec(self))) {
        Object *w = io_call_method(t->raw, "writable", NULL, 0);
        Object *sk = w == True_ ? io_call_method(t->raw, "seekable", NULL, 0) : w;
        Object *pos = sk == True_ ? io_call_method(t->raw, "tell", NULL, 0) : sk;
        if (!pos)
            return -1;
        if (sk == True_ && pos != make_small(0)) {
            obj_write(self);
            t->flags |= IO_BOM_DONE;
        }
    }
    return 0;
}

static void text_reset_read(Object *self)
{
    IOObj *t = io(self);
    obj_write(self);
    IO_SET(self, decoded, NULL);
    IO_SET(self, rbuf, NULL);
    t->pos = 0;
    t->flags &= ~(uint32_t)IO_EOF;
}

static size_t decoded_avail(IOObj *t)
{
    return t->decoded ? str_len(t->decoded) - (size_t)t->pos : 0;
}

/* The codec of codecs.c that the encoding names, or -1. */
static int text_codec(Object *self)
{
    IOObj *t = io(self);
    if (t->flags & IO_CODEC_KNOWN)
        return (int)((t->flags >> IO_CODEC_SHIFT) & 0xf) - 1;
    int c = codec_builtin_id(t->encoding);
    obj_write(self);
    t->flags |= IO_CODEC_KNOWN | ((uint32_t)(c + 1) << IO_CODEC_SHIFT);
    return c;
}

static bool has_bom(int codec) { return codec == C_UTF16 || codec == C_UTF32; }

/* UTF-16 or UTF-32 after the BOM: the variant of the byte order found. */
static int without_bom(IOObj *t, int codec)
{
    return codec + ((t->flags & IO_BIG_ENDIAN) ? 2 : 1);
}

/* The stream's decoder: a UTF-16 or UTF-32 stream reads the BOM once. */
static Object *text_decode(Object *self, const unsigned char *d, size_t n)
{
    IOObj *t = io(self);
    int codec = text_codec(self);
    if (!has_bom(codec))
        return codec_decode(d, n, t->encoding, t->errors);
    if (t->flags & IO_BOM_DONE)
        return codec_decode_id(without_bom(t, codec), d, n, t->errors, true, NULL, NULL);
    if (n == 0)
        return vm.empty_str;
    int bo = 0;
    Object *r = codec_decode_id(codec, d, n, t->errors, true, NULL, &bo);
    if (r) {
        obj_write(self);
        t->flags |= IO_BOM_DONE | (bo > 0 ? IO_BIG_ENDIAN : 0);
    }
    return r;
}

/* The stream's encoder: a UTF-16 or UTF-32 stream writes the BOM once;
   peek: only counting (tell()), no BOM. */
static Object *text_encode(Object *self, Object *text, bool peek)
{
    IOObj *t = io(self);
    int codec = text_codec(self);
    if (has_bom(codec)) {
        if (peek || (t->flags & IO_BOM_DONE))
            return codec_encode_id(without_bom(t, codec), text, t->errors);
        obj_write(self);
        t->flags |= IO_BOM_DONE;
    }
    return codec_encode(text, t->encoding, t->errors);
}

/* Whether ASCII text is its own encoding. */
static bool ascii_encodes_as_is(Object *self)
{
    int codec = text_codec(self);
    return codec == C_UTF8 || codec == C_ASCII || codec == C_LATIN1;
}

/* How much of d[0..n) can be decoded now: all of it but a UTF-8 sequence
   cut at the end (harmless for the one-byte codecs, whose bytes then only
   wait for the next chunk). */
static size_t complete_prefix(const unsigned char *d, size_t n)
{
    for (size_t back = 1; back <= 3 && back <= n; back++) {
        unsigned char c = d[n - back];
        if ((c & 0xc0) == 0x80)
            continue;
        size_t need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
        return need > back ? n - back : n;
    }
    return n;
}

/* Decodes more text, about `want` bytes (more than a chunk only when the
   caller needs that much, so that big reads do not grow the text a chunk
   at a time): 1 got some, 0 at end of file, -1 error. */
static int text_fill(Object *self, size_t want)
{
    IOObj *t = io(self);
    if (t->flags & IO_EOF)
        return 0;
    Object *chunk;
    bool big = want > TEXT_CHUNK;
    if (io_exact(t->raw, io_types.BufferedReader) || io_exact(t->raw, io_types.BufferedRandom)) {
        chunk = big ? buffered_read_n(t->raw, (int64_t)want) : buffered_read1_n(t->raw, TEXT_CHUNK);
    } else {
        Object *n = make_small(big ? (intptr_t)want : TEXT_CHUNK);
        chunk = big ? NULL : io_call_method(t->raw, "read1", &n, 1);
        if (big || (!chunk && exc_matches(vm.e_AttributeError))) {
            exc_clear();
            chunk = io_call_method(t->raw, "read", &n, 1);
        }
    }
    if (!chunk)
        return -1;
    if (chunk == None)
        return 0;
    if (!is_bytes(chunk)) {
        ByteView v;
        if (!byte_view(chunk, &v)) {
            raise(vm.e_TypeError, "underlying read1() should have returned a bytes-like object, not '%s'",
                  type_name(type_of(chunk)));
            return -1;
        }
        chunk = bytes_new((const char *)v.data, v.size);
        if (!chunk)
            return -1;
    }
    bool eof = bytes_size(chunk) == 0;
    Object *data = chunk;
    if (t->rbuf && bytes_size(t->rbuf)) {
        size_t a = bytes_size(t->rbuf), b = bytes_size(chunk);
        data = bytes_new(NULL, a + b);
        if (!data)
            return -1;
        memcpy(bytes_wdata(data), bytes_data(t->rbuf), a);
        memcpy(bytes_wdata(data) + a, bytes_data(chunk), b);
    }
    size_t n = bytes_size(data);
    size_t complete = eof ? n : complete_prefix(bytes_data(data), n);
    int codec = text_codec(self);
    if (!eof && codec >= C_UTF16) {
        /* Whole code units, and a UTF-16 pair whole: a last unit that may
           be a high surrogate (in either byte order) waits. */
        const unsigned char *d = bytes_data(data);
        complete = n - n % (codec >= C_UTF32 ? 4 : 2);
        if (codec < C_UTF32 && complete >= 2
            && ((d[complete - 1] & 0xfc) == 0xd8 || (d[complete - 2] & 0xfc) == 0xd8))
            complete -= 2;
    }
    Object *text = text_decode(self, bytes_data(data), complete);
    if (!text)
        return -1;
    Object *rest = complete == n ? NULL : bytes_new((const char *)bytes_data(data) + complete, n - complete);
    if (complete != n && !rest)
        return -1;
    Object *keep = t->decoded && decoded_avail(t)
                   ? str_substr(t->decoded, (size_t)t->pos, str_len(t->decoded)) : NULL;
    Object *all = keep ? str_concat(keep, text) : text;
    if (!all)
        return -1;
    obj_write(self);
    IO_SET(self, decoded, all);
    t->pos = 0;
    IO_SET(self, rbuf, rest);
    if (eof)
        t->flags |= IO_EOF;
    return eof ? 0 : 1;
}

/* Hands out decoded[pos:end], translated as the newline mode says. */
static Object *text_take(Object *self, size_t end)
{
    IOObj *t = io(self);
    size_t from = (size_t)t->pos;
    if (!t->decoded || end <= from)
        return vm.empty_str;
    Object *r = t->newline == NL_UNIVERSAL ? translate_universal(t->decoded, from, end)
                                           : str_substr(t->decoded, from, end);
    if (r) {
        obj_write(self);
        t->pos = (int64_t)end;
    }
    return r;
}

static int text_check_readable(Object *self)
{
    if (text_check_open(self) < 0)
        return -1;
    IOObj *t = io(self);
    if (io_exact(t->raw, io_types.BufferedReader) || io_exact(t->raw, io_types.BufferedRandom))
        return 0;
    Object *r = io_call_method(t->raw, "readable", NULL, 0);
    if (!r)
        return -1;
    if (r != True_) {
        io_unsupported("not readable");
        return -1;
    }
    return 0;
}

static Object *text_read(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    int64_t n = -1;
    if (args_no_kw("read", kw) < 0 || args_count("read", nargs, 0, 1) < 0
        || (nargs && io_size_arg(args[0], &n) < 0) || text_check_readable(self) < 0)
        return NULL;
    IOObj *t = io(self);
    if (n < 0) {
        /* All the rest in one read and one decoding. */
        Object *more = io_exact(t->raw, io_types.BufferedReader) || io_exact(t->raw, io_types.BufferedRandom)
                       ? buffered_read_n(t->raw, -1) : io_call_method(t->raw, "read", NULL, 0);
        if (!more)
            return NULL;
        ByteView v = { NULL, 0 };
        if (more != None && os_view_arg(more, &v) < 0)
            return NULL;
        if (t->rbuf) {
            size_t a = bytes_size(t->rbuf);
            Object *data = bytes_new(NULL, a + v.size);
            if (!data)
                return NULL;
            memcpy(bytes_wdata(data), bytes_data(t->rbuf), a);
            memcpy(bytes_wdata(data) + a, v.data, v.size);
            v.data = bytes_data(data);
            v.size = a + v.size;
        }
        Object *text = text_decode(self, v.data, v.size);
        if (text && decoded_avail(t)) {
            Object *rest = str_substr(t->decoded, (size_t)t->pos, str_len(t->decoded));
            text = rest ? str_concat(rest, text) : NULL;
        }
        if (text && t->newline == NL_UNIVERSAL)
            text = translate_universal(text, 0, str_len(text));
        if (text)
            text_reset_read(self);
        return text;
    }
    /* Enough text for n characters out, plus one to see past a \r. */
    while (decoded_avail(t) <= (size_t)n) {
        int r = text_fill(self, (size_t)n - decoded_avail(t) + 1);
        if (r < 0)
            return NULL;
        if (r == 0)
            break;
    }
    size_t end = (size_t)t->pos, len = t->decoded ? str_len(t->decoded) : 0;
    for (int64_t out = 0; out < n && end < len; out++) {
        if (t->newline == NL_UNIVERSAL && str_char(t->decoded, end) == '\r' && end + 1 < len
            && str_char(t->decoded, end + 1) == '\n')
            end++;
        end++;
    }
    return text_take(self, end);
}

static Object *text_readline_n(Object *self, int64_t limit)
{
    IOObj *t = io(self);
    size_t scan = (size_t)t->pos;
    for (;;) {
        size_t start = (size_t)t->pos, len = t->decoded ? str_len(t->decoded) : 0;
        bool eof = (t->flags & IO_EOF) != 0;
        intptr_t end = t->decoded ? line_end(t->decoded, scan, len, t->newline, eof) : -1;
        if (end >= 0 || eof || (limit >= 0 && len - start >= (size_t)limit)) {
            if (end < 0)
                end = (intptr_t)len;
            if (limit >= 0 && (size_t)end - start > (size_t)limit)
                end = (intptr_t)(start + (size_t)limit);
            return text_take(self, (size_t)end);
        }
        /* Filling keeps decoded[pos:] at the front; scanning resumes at
           the last character, a \r that a \n may follow. */
        size_t resume = len > start ? len - 1 - start : 0;
        int r = text_fill(self, TEXT_CHUNK);
        if (r < 0)
            return NULL;
        if (r == 0 && !(t->flags & IO_EOF))
            return text_take(self, t->decoded ? str_len(t->decoded) : 0);
        scan = (size_t)t->pos + resume;
    }
}

static Object *text_readline(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    int64_t limit = -1;
    if (args_no_kw("readline", kw) < 0 || args_count("readline", nargs, 0, 1) < 0
        || (nargs && io_size_arg(args[0], &limit) < 0) || text_check_readable(self) < 0)
        return NULL;
    return text_readline_n(self, limit);
}

static Object *text_next(Object *self)
{
    if (text_check_readable(self) < 0)
        return NULL;
    Object *line = text_readline_n(self, -1);
    return line && str_len(line) ? line : NULL;
}

/* The position of the next character to read, in bytes of the buffer. */
static Object *text_tell_c(Object *self)
{
    IOObj *t = io(self);
    Object *s = io_call_method(t->raw, "seekable", NULL, 0);
    if (!s)
        return NULL;
    if (s != True_)
        return io_unsupported("underlying stream is not seekable");
    if (!io_call_method(self, "flush", NULL, 0))
        return NULL;
    Object *p = io_call_method(t->raw, "tell", NULL, 0);
    int64_t pos;
    if (!p || os_arg_int(p, &pos) < 0)
        return NULL;
    if (t->rbuf)
        pos -= (int64_t)bytes_size(t->rbuf);
    if (decoded_avail(t)) {
        Object *rest = str_substr(t->decoded, (size_t)t->pos, str_len(t->decoded));
        Object *b = rest ? text_encode(self, rest, true) : NULL;
        if (!b)
            return NULL;
        pos -= (int64_t)bytes_size(b);
    }
    return int_from_i64(pos);
}

static Object *text_tell(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("tell", kw, nargs, 0) < 0 || text_check_open(self) < 0)
        return NULL;
    return text_tell_c(self);
}

static Object *text_seek(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    int64_t cookie, whence = 0;
    if (args_no_kw("seek", kw) < 0 || args_count("seek", nargs, 1, 2) < 0
        || text_check_open(self) < 0 || os_arg_int(args[0], &cookie) < 0
        || (nargs > 1 && os_arg_int(args[1], &whence) < 0))
        return NULL;
    IOObj *t = io(self);
    Object *s = io_call_method(t->raw, "seekable", NULL, 0);
    if (!s)
        return NULL;
    if (s != True_)
        return io_unsupported("underlying stream is not seekable");
    if (whence == 1) {
        if (cookie != 0)
            return io_unsupported("can't do nonzero cur-relative seeks");
        Object *p = text_tell_c(self);
        if (!p || os_arg_int(p, &cookie) < 0)
            return NULL;
        whence = 0;
    }
    if (!io_call_method(self, "flush", NULL, 0))
        return NULL;
    if (whence == 2) {
        if (cookie != 0)
            return io_unsupported("can't do nonzero end-relative seeks");
        text_reset_read(self);
        Object *a[2] = { make_small(0), make_small(2) };
        Object *r = io_call_method(t->raw, "seek", a, 2);
        /* Appending to a UTF-16 or UTF-32 text writes no second BOM. */
        if (r && r != make_small(0)) {
            obj_write(self);
            t->flags |= IO_BOM_DONE;
        }
        return r;
    }
    if (whence != 0)
        return raise(vm.e_ValueError, "invalid whence (%lld, should be 0, 1 or 2)", (long long)whence);
    if (cookie < 0)
        return raise(vm.e_ValueError, "negative seek position %lld", (long long)cookie);
    text_reset_read(self);
    if (cookie == 0) {
        /* Back at the start, a UTF-16 or UTF-32 stream has its BOM again. */
        obj_write(self);
        t->flags &= ~(uint32_t)(IO_BOM_DONE | IO_BIG_ENDIAN);
    }
    Object *c = int_from_i64(cookie);
    return c && io_call_method(t->raw, "seek", &c, 1) ? c : NULL;
}

static int text_flush_c(Object *self)
{
    Object *fb = fast_buffer(self);
    if (fb)
        return buffered_flush_writes(fb);
    return io_call_method(io(self)->raw, "flush", NULL, 0) ? 0 : -1;
}

/* Writes s: the one path of write() and print(). */
static Object *text_write_str(Object *self, Object *s)
{
    IOObj *t = io(self);
    Object *fb = fast_buffer(self);
    if (!fb && text_check_open(self) < 0)
        return NULL;
    if (decoded_avail(t) || t->rbuf) {
        /* Reading had gone ahead of the user: go back to where they are. */
        Object *p = text_tell_c(self);
        if (!p || !io_call_method(t->raw, "seek", &p, 1))
            return NULL;
        text_reset_read(self);
    }
    Object *text = s;
    bool has_lf = find_char(s, 0, str_len(s), '\n') >= 0;
    const char *nl = newline_out(t->newline);
    if (nl && has_lf && !(text = str_replace_nl(s, nl)))
        return NULL;
    Str *p = (Str *)text;
    if (fb) {
        if (!(io(fb)->flags & IO_WRITABLE))
            return io_unsupported("not writable");
        if (p->ascii && ascii_encodes_as_is(self)) {
            if (buffered_write_data(fb, str_data(text), p->length) < 0)
                return NULL;
        } else {
            Object *b = text_encode(self, text, false);
            if (!b || buffered_write_data(fb, bytes_data(b), bytes_size(b)) < 0)
                return NULL;
        }
    } else {
        Object *b = text_encode(self, text, false);
        if (!b || !io_call_method(t->raw, "write", &b, 1))
            return NULL;
    }
    if ((t->flags & IO_LINE_BUFFERING) && (has_lf || find_char(s, 0, str_len(s), '\r') >= 0)
        && text_flush_c(self) < 0)
        return NULL;
    return make_small((intptr_t)str_len(s));
}

static Object *text_write(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("write", kw, nargs, 1) < 0 || text_check(self) < 0)
        return NULL;
    Object *s = str_unwrap(args[0]);
    if (!s)
        return raise(vm.e_TypeError, "write() argument must be str, not %s",
                     type_name(type_of(args[0])));
    return text_write_str(self, s);
}

int io_stdout_write(Object *file, Object *s)
{
    if (!io_exact(file, io_types.TextIOWrapper))
        return 1;
    obj_read(file);
    if (!(io(file)->flags & IO_INITIALIZED) || !io(file)->raw)
        return 1;
    return text_write_str(file, s) ? 0 : -1;
}

static Object *text_flush(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (text_check_open(self) < 0)
        return NULL;
    return text_flush_c(self) < 0 ? NULL : None;
}

static Object *text_close(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (text_check(self) < 0)
        return NULL;
    IOObj *t = io(self);
    Object *c = obj_getattr_cstr(t->raw, "closed");
    int closed = c ? obj_truth(c) : -1;
    if (closed < 0)
        return NULL;
    if (closed)
        return None;
    Object *f = io_call_method(self, "flush", NULL, 0);
    Object *err = f ? NULL : exc_fetch();
    Object *r = io_call_method(t->raw, "close", NULL, 0);
    if (err) {
        exc_restore(err);
        return NULL;
    }
    return r ? None : NULL;
}

static Object *text_detach(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (text_check(self) < 0 || !io_call_method(self, "flush", NULL, 0))
        return NULL;
    Object *b = io(self)->raw;
    obj_write(self);
    IO_SET(self, raw, NULL);
    io(self)->flags |= IO_DETACHED;
    return b;
}

static Object *text_truncate(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_no_kw("truncate", kw) < 0 || args_count("truncate", nargs, 0, 1) < 0
        || text_check_open(self) < 0 || !io_call_method(self, "flush", NULL, 0))
        return NULL;
    Object *pos = nargs && args[0] != None ? args[0] : text_tell_c(self);
    if (!pos)
        return NULL;
    text_reset_read(self);
    return io_call_method(io(self)->raw, "truncate", &pos, 1);
}

static Object *text_reconfigure(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    static const char *const names[] = { "encoding", "errors", "newline", "line_buffering",
                                         "write_through", NULL };
    Object *a[5];
    if (args_parse("reconfigure", args, nargs, kw, names, 0, 0, a) < 0 || text_check(self) < 0)
        return NULL;
    if (text_flush_c(self) < 0)
        return NULL;
    Object *errors = a[1] && a[1] != None ? a[1] : NULL;
    if (a[0] && a[0] != None && !errors)
        errors = intern_cstr("strict");
    if (text_configure(self, a[0] && a[0] != None ? a[0] : NULL, errors, a[2]) < 0)
        return NULL;
    for (int i = 3; i < 5; i++) {
        if (!a[i] || a[i] == None)
            continue;
        int v = obj_truth(a[i]);
        if (v < 0)
            return NULL;
        uint32_t bit = i == 3 ? IO_LINE_BUFFERING : IO_WRITE_THROUGH;
        obj_write(self);
        io(self)->flags = v ? io(self)->flags | bit : io(self)->flags & ~bit;
    }
    return None;
}

#define TEXT_FORWARD(name)                                                                 \
    static Object *text_##name(Object *self, Object *const *args, size_t nargs, Object *kw) \
    {                                                                                      \
        return text_check(self) < 0 ? NULL : io_call_method(io(self)->raw, #name, NULL, 0); \
    }
TEXT_FORWARD(fileno)
TEXT_FORWARD(isatty)
TEXT_FORWARD(readable)
TEXT_FORWARD(writable)
TEXT_FORWARD(seekable)

static Object *text_buffer_attr(Object *self, const char *name)
{
    return text_check(self) < 0 ? NULL : obj_getattr_cstr(io(self)->raw, name);
}

static Object *text_closed_get(Object *self) { return text_buffer_attr(self, "closed"); }
static Object *text_name_get(Object *self) { return text_buffer_attr(self, "name"); }

static Object *text_buffer_get(Object *self)
{
    return text_check(self) < 0 ? NULL : io(self)->raw;
}

static Object *text_encoding_get(Object *self)
{
    obj_read(self);
    return io(self)->encoding ? io(self)->encoding : None;
}

static Object *text_errors_get(Object *self)
{
    obj_read(self);
    return io(self)->errors ? io(self)->errors : None;
}

static Object *text_line_buffering_get(Object *self)
{
    obj_read(self);
    return bool_obj(io(self)->flags & IO_LINE_BUFFERING);
}

static Object *text_write_through_get(Object *self)
{
    obj_read(self);
    return bool_obj(io(self)->flags & IO_WRITE_THROUGH);
}

static Object *none_get(Object *self) { return None; }

static Object *text_repr(Object *self)
{
    char tn[100], b[4096];
    Object *s = str_format("<_io.%s", str_cstr(type_of(self)->qualname, tn, sizeof tn));
    Object *name = obj_getattr_cstr(self, "name");
    if (!name)
        exc_clear();
    Object *d = instance_dict(self, false);
    Object *mode = d ? dict_get_cstr(d, "mode") : NULL;
    Object *parts[3] = { name, mode, io(self)->encoding };
    static const char *const labels[3] = { " name=", " mode=", " encoding=" };
    for (int i = 0; i < 3 && s; i++) {
        if (!parts[i])
            continue;
        Object *r = obj_repr(parts[i]);
        Object *piece = r ? str_format("%s%s", labels[i], str_cstr(r, b, sizeof b)) : NULL;
        s = piece ? str_concat(s, piece) : NULL;
    }
    return s ? str_concat(s, vm.one_char['>']) : NULL;
}

/* ---- StringIO ---------------------------------------------------------------------------- */

/* The text is decoded[0:len]; writes at the end go to the list in wbuf
   and are joined when something reads. */

static int sio_check(Object *self)
{
    obj_read(self);
    if (!(io(self)->flags & IO_INITIALIZED)) {
        raise(vm.e_ValueError, "I/O operation on uninitialized object");
        return -1;
    }
    if (io(self)->flags & IO_CLOSED) {
        raise(vm.e_ValueError, "I/O operation on closed file");
        return -1;
    }
    return 0;
}

static Object *sio_text(Object *self)
{
    IOObj *t = io(self);
    if (t->wbuf) {
        Object *tail = str_join(vm.empty_str, t->wbuf);
        Object *all = tail ? str_concat(t->decoded, tail) : NULL;
        if (!all)
            return NULL;
        obj_write(self);
        IO_SET(self, decoded, all);
        IO_SET(self, wbuf, NULL);
    }
    return t->decoded;
}

static int sio_append(Object *self, Object *piece)
{
    if (!io(self)->wbuf) {
        Object *l = list_new(0);
        if (!l)
            return -1;
        IO_SET(self, wbuf, l);
    }
    return list_append(io(self)->wbuf, piece);
}

static int sio_write_c(Object *self, Object *s)
{
    IOObj *t = io(self);
    Object *text = s;
    if (t->newline == NL_UNIVERSAL) {
        text = translate_universal(s, 0, str_len(s));
    } else if (newline_out(t->newline) && find_char(s, 0, str_len(s), '\n') >= 0) {
        text = str_replace_nl(s, newline_out(t->newline));
    }
    if (!text)
        return -1;
    size_t n = str_len(text), pos = (size_t)t->pos, len = (size_t)t->len;
    if (n == 0)
        return 0;
    if (pos >= len) {
        if (pos > len) {
            /* Writing past the end pads with NULs, as CPython. */
            StrBuf b;
            if (sb_init(&b, pos - len) < 0)
                return -1;
            if (sb_putc_n(&b, 0, pos - len) < 0) {
                sb_free(&b);
                return -1;
            }
            Object *pad = sb_finish(&b);
            if (!pad || sio_append(self, pad) < 0)
                return -1;
        }
        if (sio_append(self, text) < 0)
            return -1;
    } else {
        Object *cur = sio_text(self);
        if (!cur)
            return -1;
        Object *head = str_substr(cur, 0, pos);
        Object *tail = pos + n < len ? str_substr(cur, pos + n, len) : vm.empty_str;
        Object *all = head && tail ? str_concat(head, text) : NULL;
        all = all ? str_concat(all, tail) : NULL;
        if (!all)
            return -1;
        IO_SET(self, decoded, all);
    }
    obj_write(self);
    t->pos = (int64_t)(pos + n);
    if (t->pos > t->len)
        t->len = t->pos;
    return 0;
}

static int sio_init(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    static const char *const names[] = { "initial_value", "newline", NULL };
    Object *a[2];
    if (args_parse("StringIO", args, nargs, kw, names, 0, 2, a) < 0)
        return -1;
    IOObj *t = io(self);
    uint8_t nl = NL_LF;
    if (a[1] && newline_arg(a[1], &nl) < 0)
        return -1;
    if (a[0] && a[0] != None && !is_str(a[0])) {
        raise(vm.e_TypeError, "initial_value must be str or None, not %s", type_name(type_of(a[0])));
        return -1;
    }
    obj_write(self);
    t->newline = nl;
    IO_SET(self, decoded, vm.empty_str);
    IO_SET(self, wbuf, NULL);
    t->pos = t->len = 0;
    t->flags = IO_INITIALIZED;
    if (a[0] && a[0] != None && sio_write_c(self, a[0]) < 0)
        return -1;
    obj_write(self);
    t->pos = 0;
    return 0;
}

static Object *sio_getvalue(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("getvalue", kw, nargs, 0) < 0 || sio_check(self) < 0)
        return NULL;
    return sio_text(self);
}

static Object *sio_take(Object *self, size_t end)
{
    Object *cur = sio_text(self);
    size_t from = (size_t)io(self)->pos;
    if (!cur)
        return NULL;
    if (end <= from)
        return vm.empty_str;
    Object *r = from == 0 && end == str_len(cur) ? cur : str_substr(cur, from, end);
    if (r) {
        obj_write(self);
        io(self)->pos = (int64_t)end;
    }
    return r;
}

static Object *sio_read(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    int64_t n = -1;
    if (args_no_kw("read", kw) < 0 || args_count("read", nargs, 0, 1) < 0
        || (nargs && io_size_arg(args[0], &n) < 0) || sio_check(self) < 0)
        return NULL;
    IOObj *t = io(self);
    int64_t end = n < 0 || t->pos + n > t->len ? t->len : t->pos + n;
    return sio_take(self, (size_t)end);
}

static Object *sio_readline_n(Object *self, int64_t limit)
{
    IOObj *t = io(self);
    Object *cur = sio_text(self);
    if (!cur)
        return NULL;
    size_t len = (size_t)t->len;
    if ((size_t)t->pos >= len)
        return vm.empty_str;
    /* After translation on write, newline=None text ends lines with \n. */
    int nl = t->newline == NL_UNIVERSAL ? NL_LF : t->newline;
    intptr_t end = line_end(cur, (size_t)t->pos, len, nl, true);
    if (end < 0)
        end = (intptr_t)len;
    if (limit >= 0 && end - t->pos > limit)
        end = t->pos + limit;
    return sio_take(self, (size_t)end);
}

static Object *sio_readline(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    int64_t limit = -1;
    if (args_no_kw("readline", kw) < 0 || args_count("readline", nargs, 0, 1) < 0
        || (nargs && io_size_arg(args[0], &limit) < 0) || sio_check(self) < 0)
        return NULL;
    return sio_readline_n(self, limit);
}

static Object *sio_next(Object *self)
{
    if (sio_check(self) < 0)
        return NULL;
    Object *line = sio_readline_n(self, -1);
    return line && str_len(line) ? line : NULL;
}

static Object *sio_write(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("write", kw, nargs, 1) < 0 || sio_check(self) < 0)
        return NULL;
    Object *s = str_unwrap(args[0]);
    if (!s)
        return raise(vm.e_TypeError, "string argument expected, got '%s'", type_name(type_of(args[0])));
    return sio_write_c(self, s) < 0 ? NULL : make_small((intptr_t)str_len(s));
}

static Object *sio_seek(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    int64_t pos, whence = 0;
    if (args_no_kw("seek", kw) < 0 || args_count("seek", nargs, 1, 2) < 0
        || os_arg_int(args[0], &pos) < 0 || (nargs > 1 && os_arg_int(args[1], &whence) < 0)
        || sio_check(self) < 0)
        return NULL;
    if (whence < 0 || whence > 2)
        return raise(vm.e_ValueError, "Invalid whence (%lld, should be 0, 1 or 2)", (long long)whence);
    if (whence == 0 && pos < 0)
        return raise(vm.e_ValueError, "Negative seek position %lld", (long long)pos);
    if (whence != 0 && pos != 0)
        return raise(vm.e_OSError, "Can't do nonzero cur-relative seeks");
    IOObj *t = io(self);
    obj_write(self);
    if (whence == 2)
        t->pos = t->len;
    else if (whence == 0)
        t->pos = pos;
    return int_from_i64(t->pos);
}

static Object *sio_tell(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return args_exact("tell", kw, nargs, 0) < 0 || sio_check(self) < 0 ? NULL : int_from_i64(io(self)->pos);
}

static Object *sio_truncate(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    int64_t size = -1;
    if (args_no_kw("truncate", kw) < 0 || args_count("truncate", nargs, 0, 1) < 0
        || (nargs && io_size_arg(args[0], &size) < 0) || sio_check(self) < 0)
        return NULL;
    IOObj *t = io(self);
    if (size < 0 && nargs && args[0] != None)
        return raise(vm.e_ValueError, "Negative size value %lld", (long long)size);
    if (size < 0)
        size = t->pos;
    if (size < t->len) {
        Object *cur = sio_text(self);
        Object *cut = cur ? str_substr(cur, 0, (size_t)size) : NULL;
        if (!cut)
            return NULL;
        obj_write(self);
        IO_SET(self, decoded, cut);
        t->len = size;
    }
    return int_from_i64(size);
}

static Object *sio_close(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    obj_write(self);
    io(self)->flags |= IO_CLOSED;
    IO_SET(self, decoded, NULL);
    IO_SET(self, wbuf, NULL);
    return None;
}

static Object *sio_true(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return sio_check(self) < 0 ? NULL : True_;
}

static Object *sio_closed_get(Object *self)
{
    obj_read(self);
    return bool_obj(io(self)->flags & IO_CLOSED);
}

static Object *sio_line_buffering_get(Object *self)
{
    return sio_check(self) < 0 ? NULL : False_;
}

/* ---- IncrementalNewlineDecoder ------------------------------------------------------------ */

static int nld_init(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    static const char *const names[] = { "decoder", "translate", "errors", NULL };
    Object *a[3];
    if (args_parse("IncrementalNewlineDecoder", args, nargs, kw, names, 2, 3, a) < 0)
        return -1;
    int tr = obj_truth(a[1]);
    if (tr < 0)
        return -1;
    obj_write(self);
    IO_SET(self, raw, a[0]);
    IO_SET(self, errors, a[2] ? a[2] : intern_cstr("strict"));
    io(self)->flags = IO_INITIALIZED | (tr ? IO_TRANSLATE : 0);
    return 0;
}

static Object *nld_decode(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    static const char *const names[] = { "input", "final", NULL };
    Object *a[2];
    if (args_parse("decode", args, nargs, kw, names, 1, 2, a) < 0)
        return NULL;
    int final = a[1] ? obj_truth(a[1]) : 0;
    if (final < 0)
        return NULL;
    IOObj *d = io(self);
    Object *out = a[0];
    if (d->raw && d->raw != None) {
        Object *da[2] = { a[0], bool_obj(final) };
        Object *m = obj_getattr_cstr(d->raw, "decode");
        out = m ? obj_call(m, da, 2, NULL) : NULL;
        if (!out)
            return NULL;
    }
    if (!is_str(out))
        return raise(vm.e_TypeError, "decoder should return a string result, not '%s'",
                     type_name(type_of(out)));
    obj_write(self);
    if ((d->flags & IO_PENDING_CR) && (str_len(out) || final)) {
        out = str_concat(vm.one_char['\r'], out);
        d->flags &= ~(uint32_t)IO_PENDING_CR;
        if (!out)
            return NULL;
    }
    size_t n = str_len(out);
    if (!final && n && str_char(out, n - 1) == '\r') {
        out = str_substr(out, 0, n - 1);
        d->flags |= IO_PENDING_CR;
        if (!out)
            return NULL;
    }
    return d->flags & IO_TRANSLATE ? translate_universal(out, 0, str_len(out)) : out;
}

static Object *nld_getstate(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    obj_read(self);
    Object *buf = bytes_new(NULL, 0);
    int64_t flag = 0;
    if (io(self)->raw && io(self)->raw != None) {
        Object *st = io_call_method(io(self)->raw, "getstate", NULL, 0);
        if (!st || is_small(st) || st->type != vm.t_tuple || tuple_size(st) != 2
            || os_arg_int(tuple_get(st, 1), &flag) < 0)
            return st ? raise(vm.e_TypeError, "illegal decoder state") : NULL;
        buf = tuple_get(st, 0);
    }
    flag = flag * 2 + ((io(self)->flags & IO_PENDING_CR) != 0);
    return tuple_pack(2, buf, int_from_i64(flag));
}

static Object *nld_setstate(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    int64_t flag;
    if (args_exact("setstate", kw, nargs, 1) < 0)
        return NULL;
    Object *st = args[0];
    if (is_small(st) || st->type != vm.t_tuple || tuple_size(st) != 2
        || os_arg_int(tuple_get(st, 1), &flag) < 0)
        return raise(vm.e_TypeError, "state argument must be a tuple");
    obj_write(self);
    io(self)->flags = (flag & 1) ? io(self)->flags | IO_PENDING_CR
                                 : io(self)->flags & ~(uint32_t)IO_PENDING_CR;
    if (io(self)->raw && io(self)->raw != None) {
        Object *sub = tuple_pack(2, tuple_get(st, 0), int_from_i64(flag >> 1));
        return sub && io_call_method(io(self)->raw, "setstate", &sub, 1) ? None : NULL;
    }
    return None;
}

static Object *nld_reset(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    obj_write(self);
    io(self)->flags &= ~(uint32_t)IO_PENDING_CR;
    if (io(self)->raw && io(self)->raw != None)
        return io_call_method(io(self)->raw, "reset", NULL, 0) ? None : NULL;
    return None;
}

/* ---- module functions and the standard streams ----------------------------------------------- */

Object *io_text_encoding(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    static const char *const names[] = { "encoding", "stacklevel", NULL };
    Object *a[2];
    if (args_parse("text_encoding", args, nargs, kw, names, 1, 2, a) < 0)
        return NULL;
    return a[0] != None ? a[0] : str_from_cstr("locale");
}

int io_text_types_init(void)
{
    Type *t = io_types.TextIOWrapper = io_new_type("TextIOWrapper", io_types.TextIOBase);
    static const MethodDef text[] = {
        { "read", text_read, 0 }, { "readline", text_readline, 0 }, { "write", text_write, 0 },
        { "tell", text_tell, 0 }, { "seek", text_seek, 0 }, { "flush", text_flush, 0 },
        { "close", text_close, 0 }, { "detach", text_detach, 0 }, { "truncate", text_truncate, 0 },
        { "reconfigure", text_reconfigure, 0 }, { "fileno", text_fileno, 0 },
        { "isatty", text_isatty, 0 }, { "readable", text_readable, 0 },
        { "writable", text_writable, 0 }, { "seekable", text_seekable, 0 }, { NULL, NULL, 0 },
    };
    type_add_methods(t, text);
    type_inherit(t);
    t->flags |= TF_FINALIZE;        /* closes (flushes) when dropped: mod_io.c's iobase_del */
    t->init = text_init;
    t->next = text_next;
    t->repr = text_repr;
    getset_new(t, "closed", text_closed_get, NULL);
    getset_new(t, "name", text_name_get, NULL);
    getset_new(t, "buffer", text_buffer_get, NULL);
    getset_new(t, "encoding", text_encoding_get, NULL);
    getset_new(t, "errors", text_errors_get, NULL);
    getset_new(t, "line_buffering", text_line_buffering_get, NULL);
    getset_new(t, "write_through", text_write_through_get, NULL);
    getset_new(t, "newlines", none_get, NULL);

    t = io_types.StringIO = io_new_type("StringIO", io_types.TextIOBase);
    static const MethodDef sio[] = {
        { "getvalue", sio_getvalue, 0 }, { "read", sio_read, 0 }, { "readline", sio_readline, 0 },
        { "write", sio_write, 0 }, { "seek", sio_seek, 0 }, { "tell", sio_tell, 0 },
        { "truncate", sio_truncate, 0 }, { "close", sio_close, 0 }, { "readable", sio_true, 0 },
        { "writable", sio_true, 0 }, { "seekable", sio_true, 0 }, { NULL, NULL, 0 },
    };
    type_add_methods(t, sio);
    type_inherit(t);
    t->init = sio_init;
    t->next = sio_next;
    getset_new(t, "closed", sio_closed_get, NULL);
    getset_new(t, "line_buffering", sio_line_buffering_get, NULL);
    getset_new(t, "newlines", none_get, NULL);

    t = io_types.IncrementalNewlineDecoder = io_new_type("IncrementalNewlineDecoder", vm.t_object);
    static const MethodDef nld[] = {
        { "decode", nld_decode, 0 }, { "getstate", nld_getstate, 0 },
        { "setstate", nld_setstate, 0 }, { "reset", nld_reset, 0 }, { NULL, NULL, 0 },
    };
    type_add_methods(t, nld);
    type_inherit(t);
    t->init = nld_init;
    getset_new(t, "newlines", none_get, NULL);
    return 0;
}

/* -u (src/vm/cli.c): stdout and stderr write through to their FileIO. */
bool io_std_unbuffered;

/* A standard stream over fd, or None when fd is not open, as CPython. */
static Object *std_stream(int fd, bool write, const char *name, const char *errors)
{
    struct stat st;
    if (fstat(fd, &st) < 0)
        return None;
    Object *fa[3] = { make_small(fd), str_from_cstr(write ? "wb" : "rb"), False_ };
    Object *raw = obj_call((Object *)io_types.FileIO, fa, 3, NULL);
    Object *d = raw ? instance_dict(raw, true) : NULL;
    if (!d || dict_set_cstr(d, "name", str_from_cstr(name)) < 0)
        return NULL;
    Object *ba[2] = { raw, make_small(8192) };
    bool unbuffered = write && io_std_unbuffered;
    Object *buf = unbuffered ? raw
                : obj_call((Object *)(write ? io_types.BufferedWriter : io_types.BufferedReader), ba, 2,
                           NULL);
    bool tty = isatty(fd);
    Object *t = buf ? text_wrapper_new(buf, str_from_cstr("utf-8"), str_from_cstr(errors),
                                       str_from_cstr("\n"), tty || fd == 2, unbuffered)
                    : NULL;
    Object *td = t ? instance_dict(t, true) : NULL;
    if (!td || dict_set_cstr(td, "mode", str_from_cstr(write ? "w" : "r")) < 0)
        return NULL;
    return t;
}

/* CPython uses surrogateescape on the standard streams under the C and
   POSIX locales (C.UTF-8 included), strict otherwise. */
static const char *std_errors(void)
{
    const char *loc = getenv("LC_ALL");
    if (!loc || !*loc)
        loc = getenv("LC_CTYPE");
    if (!loc || !*loc)
        loc = getenv("LANG");
    if (!loc || !*loc || !strcmp(loc, "C") || !strcmp(loc, "POSIX") || !strncmp(loc, "C.", 2))
        return "surrogateescape";
    return "strict";
}

int io_init_std(Object *sys_dict)
{
    if (io_types_init() < 0)
        return -1;
    const char *errors = std_errors();
    Object *in = std_stream(0, false, "<stdin>", errors);
    Object *out = in ? std_stream(1, true, "<stdout>", errors) : NULL;
    Object *err = out ? std_stream(2, true, "<stderr>", "backslashreplace") : NULL;
    if (!err)
        return -1;
    static const char *const names[3][2] = { { "stdin", "__stdin__" }, { "stdout", "__stdout__" },
                                             { "stderr", "__stderr__" } };
    Object *streams[3] = { in, out, err };
    for (int i = 0; i < 3; i++)
        if (dict_set_cstr(sys_dict, names[i][0], streams[i]) < 0
            || dict_set_cstr(sys_dict, names[i][1], streams[i]) < 0)
            return -1;
    return dict_set_cstr(vm.builtins, "open", io_types.open) < 0 ? -1 : 0;
}

void io_flush_std(void)
{
    io_flush_writers();
    static const char *const names[2] = { "stdout", "stderr" };
    for (int i = 0; i < 2; i++) {
        Object *s = vm.sys ? dict_get_cstr(((ModuleObj *)vm.sys)->dict, names[i]) : NULL;
        if (!s || s == None)
            continue;
        if (!io_call_method(s, "flush", NULL, 0))
            exc_clear();
    }
}
