/*
** Hash objects of the hashlib accelerators (_md5, _sha1, _sha256, _sha3):
** one Python type per algorithm, whose instances keep the algorithm's
** state in their own bytes (hash_object.c); the algorithms are plain C
** (digest_*.c, mod_sha3.c).
*/
#ifndef STMPY_HASH_OBJECT_H
#define STMPY_HASH_OBJECT_H

#include "vm/runtime.h"

#define HASH_STATE_MAX 432      /* bytes: Keccak's, the largest */

typedef struct HashAlgo {
    const char *name;
    uint16_t digest_size;       /* 0: an extendable output (shake) */
    uint16_t block_size;
    void (*init)(void *state, const struct HashAlgo *algo);
    void (*update)(void *state, const unsigned char *p, size_t n);
    /* Writes n bytes of digest from a copy of the state. */
    void (*final)(const void *state, unsigned char *out, size_t n);
    /* The digest size when the state chooses it (blake2), or NULL. */
    size_t (*size)(const void *state);
} HashAlgo;

/* The type of algo's hash objects, named module.<algo name>; tp_new
   (NULL: none) when the type is its own constructor (sha3). */
Type *hash_type(const char *module, const HashAlgo *algo, CallFn *tp_new);
/* fname(<argname>=b'', *, usedforsecurity=True): a new object of type t
   fed with the data. */
Object *hash_construct(const char *fname, Type *t, const HashAlgo *algo, const char *argname,
                       Object *const *args, size_t nargs, Object *kw);

/* An object of type t whose state is `state` (a whole HASH_STATE_MAX
   buffer, made by the caller), then fed with data (NULL: none). */
Object *hash_new_state(Type *t, const HashAlgo *algo, const void *state, Object *data);

#endif
