# zlib errors: CPython's exception types and messages.
import zlib


def t(f):
    try:
        print("ok", repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


good = zlib.compress(b"abcdef" * 10)
t(lambda: zlib.decompress(b"not zlib data"))
t(lambda: zlib.decompress(good[:-3]))
t(lambda: zlib.decompress(good[:5]))
t(lambda: zlib.decompress(b""))
t(lambda: zlib.decompress(good + b"trailing garbage"))
t(lambda: zlib.decompress(good, 99))
t(lambda: zlib.decompress(good, bufsize=-1))
t(lambda: zlib.decompress(good, -15))
t(lambda: zlib.compress(b"x", 12))
t(lambda: zlib.compress(b"x", wbits=1))
t(lambda: zlib.compress("text"))
t(lambda: zlib.compress(5))
t(lambda: zlib.compress(b"x", 1.5))
t(lambda: zlib.compress())
t(lambda: zlib.compressobj(12))
t(lambda: zlib.compressobj(method=9))
t(lambda: zlib.compressobj(zdict=5))
t(lambda: zlib.decompressobj(99))
t(lambda: zlib.decompressobj(zdict=5))
t(lambda: zlib.crc32("x"))
t(lambda: zlib.crc32(b"x", "y"))
t(lambda: zlib.adler32())
t(lambda: zlib.decompressobj().decompress(b"x", -1))
t(lambda: zlib.decompressobj().decompress(b"garbage!"))
t(lambda: zlib.decompressobj().flush(0))
t(lambda: zlib.decompressobj().flush(-5))
t(lambda: zlib.decompressobj().decompress("str"))
t(lambda: zlib.compressobj().compress("str"))

c = zlib.compressobj()
c.compress(b"x")
c.flush()
t(lambda: c.compress(b"y"))
t(lambda: c.flush())
t(lambda: c.flush(zlib.Z_NO_FLUSH))
t(lambda: c.copy())
d = zlib.decompressobj()
d.decompress(zlib.compress(b"abc"))
print(d.eof, d.flush(), d.eof)
t(lambda: d.decompress(b"zz"))
t(lambda: d.copy())
d = zlib.decompressobj()
print(d.decompress(good[:-4]), d.eof)
print(d.flush(), d.eof)
d = zlib.decompressobj()
print(d.decompress(good[:20])[:5], d.flush()[:5])
try:
    raise zlib.error("custom")
except Exception as e:
    print(type(e).__name__, e, isinstance(e, Exception))
