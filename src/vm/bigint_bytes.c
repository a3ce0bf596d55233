/* int.to_bytes and int.from_bytes. */
#include "bigint_internal.h"

static bool fits(bigint_t a, size_t len, bool is_signed)
{
    uint64_t bits = bigint_bit_length(a);
    uint64_t room = len > UINT64_MAX / 8 ? UINT64_MAX : (uint64_t)len * 8;
    if (!is_signed)
        return bits <= room;
    /* CPython stores no sign bit for -1, so it fits even zero bytes */
    if (bits < room || bits == 0 || (a.sign < 0 && bits == 1))
        return true;
    /* -2**(8*len-1) is the one value that uses all bits */
    return a.sign < 0 && bits == room && bigint_bit_count(a) == 1;
}

int bigint_to_bytes(unsigned char *out, size_t len, bigint_t a,
                    bool little_endian, bool is_signed)
{
    if (a.sign < 0 && !is_signed)
        return BIGINT_ENEGUNSIGNED;
    if (!fits(a, len, is_signed))
        return BIGINT_ETOOBIG;
    /* a negative value is written as ~|a| + 1, the +1 carried upwards */
    unsigned carry = 1;
    for (size_t i = 0; i < len; i++) {
        size_t limb = i / sizeof(mp_limb_t);
        unsigned char byte = limb < a.n ? a.d[limb] >> (8 * (i % sizeof(mp_limb_t))) : 0;
        if (a.sign < 0) {
            byte = ~byte + carry;
            carry = carry && byte == 0;
        }
        out[little_endian ? i : len - 1 - i] = byte;
    }
    return BIGINT_OK;
}

size_t bigint_from_bytes_size(size_t len)
{
    return len / sizeof(mp_limb_t) + 1;
}

void bigint_from_bytes(bigint_mut *r, const unsigned char *in, size_t len,
                       bool little_endian, bool is_signed)
{
    size_t w = (len + sizeof(mp_limb_t) - 1) / sizeof(mp_limb_t);
    memset(r->d, 0, w * sizeof(mp_limb_t));
    for (size_t i = 0; i < len; i++) {
        mp_limb_t byte = in[little_endian ? i : len - 1 - i];
        r->d[i / sizeof(mp_limb_t)] |= byte << (8 * (i % sizeof(mp_limb_t)));
    }
    unsigned char top = len ? in[little_endian ? len - 1 : 0] : 0;
    if (!is_signed || !(top & 0x80)) {
        bigint_finish(r, w, 1);
        return;
    }
    unsigned used = len % sizeof(mp_limb_t) * 8;
    if (used)
        r->d[w - 1] |= ~(mp_limb_t)0 << used;
    mp_limb_t carry = 1;
    for (size_t i = 0; i < w; i++) {
        r->d[i] = ~r->d[i] + carry;
        carry = carry && r->d[i] == 0;
    }
    bigint_finish(r, w, -1);
}
