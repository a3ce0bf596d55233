/* A growable UTF-8 byte buffer that the number and string formatters append
 * to.  data is kept NUL-terminated (when non-NULL) so results can be handed
 * to C string functions; len excludes that NUL.  Appending functions return
 * 0, or -1 when memory runs out (the buffer is then left as it was). */
#ifndef STMPY_TEXTBUF_H
#define STMPY_TEXTBUF_H

#include <stddef.h>
#include <stdint.h>

struct TextBuf {
    char *data;
    size_t len, cap;
};

#define TEXTBUF_INIT {NULL, 0, 0}

int textbuf_reserve(struct TextBuf *b, size_t extra);
int textbuf_append(struct TextBuf *b, const char *s, size_t n);
int textbuf_append_str(struct TextBuf *b, const char *s);
int textbuf_append_byte(struct TextBuf *b, char c);
/* count copies of code point cp, UTF-8 encoded (surrogates are encoded as
 * 3-byte sequences, as Python strings may hold them). */
int textbuf_append_cp(struct TextBuf *b, uint32_t cp, size_t count);
void textbuf_clear(struct TextBuf *b);
void textbuf_free(struct TextBuf *b);

#endif
