/*
** What codecs.c (the codecs written in C and the error handlers) and
** mod_codecs.c (the _codecs module: the registries, the escape and
** charmap codecs) share.
*/
#ifndef STMPY_CODECS_H
#define STMPY_CODECS_H

#include "vm/str_impl.h"

/* The codecs of codecs.c.  The byte codecs first: C_UTF16 and later are
   the wide ones. */
enum Codec { C_UTF8, C_ASCII, C_LATIN1, C_UTF16, C_UTF16LE, C_UTF16BE, C_UTF32, C_UTF32LE,
             C_UTF32BE };

/* The codec of codecs.c that this encoding name (NULL: UTF-8) names, or -1
   (no exception) when it is none of them. */
int codec_builtin_id(Object *encoding);

/* Decodes d[0..n) with a codec of codecs.c.  With !final, an incomplete
   sequence at the end is left undecoded and *consumed says how much was
   decoded (consumed may be NULL when final).  For C_UTF16 and C_UTF32,
   byteorder (may be NULL) is in/out as in CPython's *_ex_decode: 0 reads a
   BOM and reports the order found (-1 little, 1 big). */
Object *codec_decode_id(int codec, const unsigned char *d, size_t n, Object *errors, bool final,
                        size_t *consumed, int *byteorder);
Object *codec_encode_id(int codec, Object *s, Object *errors);

/* A new UnicodeDecodeError or UnicodeEncodeError (not raised) with
   CPython's arguments (encoding, object, start, end, reason). */
Object *codec_unicode_error(Type *t, const char *codec, Object *object, size_t start, size_t end,
                            const char *reason);

/* Decoding errors: applies the error handler named errors (NULL: strict)
   to the undecodable d[start:end): appends its replacement to b and sets
   *next to where decoding goes on.  0, or -1 with an exception. */
int codec_decode_handle(StrBuf *b, Object *errors, const char *codec, const unsigned char *d,
                        size_t n, size_t start, size_t end, const char *reason, size_t *next);

/* Encoding errors: the replacement that the handler named errors gives for
   the unencodable s[start:end), a str (to encode with the codec; the
   caller raises the encode error where it cannot) or bytes (output as
   they are), with *next where encoding goes on.  surrogatepass, which
   depends on the codec, raises the encode error.  NULL with an exception. */
Object *codec_encode_replacement(Object *errors, const char *codec, Object *s, size_t start,
                                 size_t end, const char *reason, size_t *next);
/* Raises the UnicodeEncodeError for s[start:end). */
Object *codec_encode_error(const char *codec, Object *s, size_t start, size_t end,
                           const char *reason);

/* ---- the registries (mod_codecs.c) ---------------------------------------- */

/* codecs.lookup(): the CodecInfo of a codec, through the search functions
   (importing the encodings package first) and the cache. */
Object *codec_lookup(Object *encoding);
/* codecs.lookup_error(): the handler registered under this name. */
Object *codec_lookup_error(Object *name);
/* str.encode and bytes.decode for the codecs that codecs.c does not know:
   through the registry, refusing codecs that are not text encodings. */
Object *codec_registry_encode_text(Object *s, Object *encoding, Object *errors);
Object *codec_registry_decode_text(const unsigned char *d, size_t n, Object *encoding,
                                   Object *errors);
/* The character's name in the Unicode database (buf of 128 bytes), or
   NULL if it has none. */
const char *codec_char_name(uint32_t c, char *buf);

#endif
