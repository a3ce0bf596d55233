# struct: byte orders and alignment, every format character, repeat
# counts, pad bytes, strings and pascal strings, calcsize, pack_into/
# unpack_from with offsets, iter_unpack, Struct objects, range errors.
import struct

for fmt in ["b", "B", "h", "H", "i", "I", "l", "L", "q", "Q", "e", "f", "d", "?", "c", "x", "n", "N", "P",
            "@bi", "=bi", "<bi", ">bi", "!bi", "3s", "5p", "2h3x", "@hq", "=hq", "0i", "iic", "@ci"]:
    print(fmt, struct.calcsize(fmt))
vals = [("<b", -128), ("<B", 255), ("<h", -2), (">H", 513), ("<i", -(2**31)), (">I", 2**32 - 1), ("<q", -1), (">Q", 2**64 - 1),
        ("<e", 1.5), ("<f", 3.14), (">d", -0.1), ("?", True), ("?", 0), ("c", b"z"), ("<n", -5), ("<N", 5)]
for fmt, v in vals:
    try:
        packed = struct.pack(fmt, v)
        print(fmt, packed.hex(), struct.unpack(fmt, packed))
    except struct.error as e:
        print(fmt, "error", e)
print(struct.pack(">2h3s?", 1, -1, b"abcdef", 5), struct.pack("<5s", b"ab"), struct.pack("3p", b"abcd"), struct.pack("x3xc", b"q"))
print(struct.unpack("<hhl", bytes(range(8))), struct.unpack(">3sxh", b"abc\x00\x01\x02"), struct.unpack("5p", b"\x03abcd"))
buf = bytearray(12)
struct.pack_into("<hi", buf, 2, 7, -7)
print(buf.hex(), struct.unpack_from("<hi", buf, 2), struct.unpack_from("<i", buf, offset=4))
print(list(struct.iter_unpack("<h", b"\x01\x00\x02\x00\x03\x00")), list(struct.iter_unpack("<2B", b"abcd")))
s = struct.Struct(">iH")
print(s.format, s.size, s.pack(1, 2), s.unpack(b"\x00\x00\x00\x05\x00\x06"), s.unpack_from(b"xx\x00\x00\x00\x01\x00\x02", 2))
print(repr(s)[:20] if False else type(s).__name__)
print(struct.pack("<e", 65504.0), struct.unpack("<e", b"\x00\x7c"), struct.pack(">d", float("inf")).hex(), struct.unpack("<f", struct.pack("<f", 0.1))[0])
errors = [("<b", (128,)), ("<B", (-1,)), ("<h", (2**15,)), ("<H", (2**16,)), ("<i", ("x",)), ("<i", (1.5,)), ("<c", (b"ab",)),
          ("<c", ("a",)), ("<3s", ("abc",)), ("<i", ()), ("<i", (1, 2)), ("z", (1,)), ("<e", (1e6,)), ("<q", (2**63,)),
          ("<?", ()), ("<f", ("1.0",)), ("<n", (1,))]
for fmt, args in errors:
    try:
        print(fmt, struct.pack(fmt, *args))
    except (struct.error, TypeError, OverflowError) as e:
        print(fmt, args, type(e).__name__, e)
for fmt, data in [("<i", b"\x00"), ("<h", b"\x00\x00\x00"), ("<i", "abcd")]:
    try:
        print(struct.unpack(fmt, data))
    except (struct.error, TypeError) as e:
        print(fmt, type(e).__name__, e)
try:
    struct.pack_into("<i", bytearray(2), 0, 1)
except struct.error as e:
    print(type(e).__name__, e)
try:
    struct.unpack_from("<i", b"abc", 1)
except struct.error as e:
    print(type(e).__name__, e)
try:
    list(struct.iter_unpack("<i", b"abcde"))
except struct.error as e:
    print(type(e).__name__, e)
class Idx:
    def __index__(self):
        return 9
print(struct.pack("<B", Idx()), struct.pack("<?", []), struct.pack("<?", "x"), struct.pack(b"<h", 1))
