# zlib: one-shot and streaming compression, checksums, wbits, errors.
import zlib

data = b"hello zlib " * 200 + bytes(range(256)) * 4
c = zlib.compress(data)
print(len(data), c[:2], zlib.decompress(c) == data)
for level in (0, 1, 6, 9, -1):
    print(level, zlib.decompress(zlib.compress(data, level)) == data)
print(zlib.compress(b"abc", level=9) == zlib.compress(b"abc", 9))
print(zlib.compress(b""), zlib.decompress(zlib.compress(b"")))
print(zlib.decompress(zlib.compress(data), bufsize=1) == data)
print(zlib.decompress(bytearray(zlib.compress(b"xyz"))), zlib.compress(memoryview(b"q")))

# wbits: zlib, raw deflate, gzip, and automatic header detection.
for wbits in (15, 9, -15, -9, 31, 25):
    co = zlib.compressobj(6, zlib.DEFLATED, wbits)
    blob = co.compress(data) + co.flush()
    print(wbits, blob[:2].hex() if wbits > 0 else "raw", zlib.decompress(blob, wbits) == data,
          zlib.decompress(blob, 47) == data if wbits > 0 else "-")
print(zlib.decompress(zlib.compress(data, wbits=31), 31) == data)

print(zlib.crc32(b""), zlib.crc32(b"hello"), zlib.crc32(b"world", zlib.crc32(b"hello ")),
      zlib.crc32(b"hello world"))
print(zlib.adler32(b""), zlib.adler32(b"hello"), zlib.adler32(b"x", 5), zlib.crc32(b"x", -1),
      zlib.crc32(b"x", 2**40), zlib.adler32(bytearray(b"ab")), zlib.crc32(memoryview(b"ab")))

# Streaming.
co = zlib.compressobj(level=9)
parts = [co.compress(data[i:i + 100]) for i in range(0, len(data), 100)]
parts.append(co.flush(zlib.Z_SYNC_FLUSH))
parts.append(co.compress(b"tail"))
parts.append(co.flush())
blob = b"".join(parts)
print(zlib.decompress(blob) == data + b"tail", co.flush(zlib.Z_NO_FLUSH))

do = zlib.decompressobj()
out = b""
for i in range(0, len(blob), 7):
    out += do.decompress(blob[i:i + 7])
out += do.flush()
print(out == data + b"tail", do.eof, do.unused_data, do.unconsumed_tail)

# max_length and unconsumed_tail.
do = zlib.decompressobj()
chunk = do.decompress(blob, 100)
print(len(chunk), len(do.unconsumed_tail) > 0, do.eof)
got = chunk
while do.unconsumed_tail:
    got += do.decompress(do.unconsumed_tail, 1000)
got += do.flush()
print(got == data + b"tail", do.eof)

# unused_data after the end of the stream.
do = zlib.decompressobj()
print(do.decompress(zlib.compress(b"first") + b"EXTRA"), do.unused_data, do.eof)
print(do.decompress(b"more"), do.unused_data)

# copy() in the middle of a stream.
co = zlib.compressobj()
head = co.compress(b"shared prefix ")
co2 = co.copy()
a = head + co.compress(b"one") + co.flush()
b = head + co2.compress(b"two") + co2.flush()
print(zlib.decompress(a), zlib.decompress(b))
do = zlib.decompressobj()
half = do.decompress(a[:10])
do2 = do.copy()
print(half + do.decompress(a[10:]), half + do2.decompress(a[10:]))

# Preset dictionaries.
zd = b"shared prefix one two three"
co = zlib.compressobj(zdict=zd)
blob = co.compress(b"shared prefix three") + co.flush()
print(zlib.decompressobj(zdict=zd).decompress(blob))
try:
    zlib.decompress(blob)
except zlib.error as e:
    print("error", e)
co = zlib.compressobj(wbits=-15, zdict=zd)
raw = co.compress(b"one two") + co.flush()
print(zlib.decompressobj(wbits=-15, zdict=zd).decompress(raw))

print(zlib.MAX_WBITS, zlib.DEFLATED, zlib.DEF_MEM_LEVEL, zlib.DEF_BUF_SIZE, zlib.Z_BEST_COMPRESSION,
      zlib.Z_BEST_SPEED, zlib.Z_DEFAULT_COMPRESSION, zlib.Z_FINISH, zlib.Z_SYNC_FLUSH,
      zlib.Z_FULL_FLUSH, zlib.Z_NO_FLUSH, zlib.Z_FILTERED, zlib.Z_HUFFMAN_ONLY, zlib.Z_RLE,
      zlib.Z_FIXED, zlib.Z_DEFAULT_STRATEGY, zlib.Z_BLOCK, zlib.Z_TREES, zlib.Z_PARTIAL_FLUSH,
      zlib.Z_NO_COMPRESSION)
print(type(zlib.ZLIB_VERSION).__name__, zlib.ZLIB_RUNTIME_VERSION.count(".") >= 2)
print(zlib.error.__mro__[1].__name__, zlib.error.__module__, zlib.error.__name__)
