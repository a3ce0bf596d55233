/* UTF-8 helpers for the front end.  Text may hold lone surrogates encoded
 * as 3-byte sequences (WTF-8); utf8_validate rejects them as CPython's
 * strict decoder does, utf8_decode accepts them. */
#ifndef STMPY_UTF8_H
#define STMPY_UTF8_H

#include <stddef.h>

typedef struct Utf8Error {
    size_t start, end;         /* bad bytes [start, end) */
    unsigned char byte;
    const char *reason;
} Utf8Error;

/* Decodes one sequence of already validated text; returns its length. */
int utf8_decode(const char *s, unsigned *cp);
/* Encodes cp (surrogates included) into out; returns the length. */
int utf8_encode(unsigned cp, char *out);
/* 1 if s[0..n) is strict UTF-8, else 0 with the first error described. */
int utf8_validate(const char *s, size_t n, Utf8Error *err);
/* "(unicode error) 'utf-8' codec can't decode ..." as CPython words it. */
void utf8_error_message(const Utf8Error *err, char *buf, size_t size);

#endif
