# int methods: to_bytes/from_bytes (orders, signed, lengths, overflow),
# bit_length, bit_count, as_integer_ratio, conjugate/real/imag, is_integer-
# free checks, big numbers, base conversions and the int() parsing errors.
for v in [0, 1, 127, 128, 255, 256, -1, -128, -129, 2**63, -(2**63), 2**64 - 1, 10**30]:
    out = []
    for length, order, signed in [(2, "big", False), (2, "little", True), (16, "big", True), (9, "little", False)]:
        try:
            out.append(v.to_bytes(length, order, signed=signed).hex())
        except OverflowError as e:
            out.append("OverflowError: " + str(e))
    print(v, out)
print((1024).to_bytes(2), (0).to_bytes(0, "big"), (5).to_bytes(length=3, byteorder="little"))
for data in [b"", b"\x00", b"\xff", b"\x7f\xff", b"\x80\x00", b"\x01\x00\x00\x00\x00\x00\x00\x00\x00", bytearray(b"\x12\x34")]:
    print(data, int.from_bytes(data, "big"), int.from_bytes(data, "little"), int.from_bytes(data, "big", signed=True),
          int.from_bytes(data, "little", signed=True))
print(int.from_bytes([1, 2, 3], "big"), int.from_bytes(iter([255]), "little", signed=True), int.from_bytes(b"\x01\x02"))
class MyInt(int):
    pass
print(type(MyInt.from_bytes(b"\x05", "big")).__name__, MyInt.from_bytes(b"\x05", "big"))
for bad in [lambda: (1).to_bytes(1, "middle"), lambda: (-1).to_bytes(1, "big"), lambda: (256).to_bytes(1, "big"),
            lambda: (1).to_bytes(-1, "big"), lambda: int.from_bytes("str", "big"), lambda: int.from_bytes(b"\x01", "sideways"),
            lambda: int.from_bytes([256], "big"), lambda: (1).to_bytes(1.5, "big")]:
    try:
        print(bad())
    except (ValueError, OverflowError, TypeError) as e:
        print(type(e).__name__, e)

for v in [0, 1, -1, 7, 8, 255, -256, 2**100, -(2**100) + 1, 12345678901234567890]:
    print(v, v.bit_length(), v.bit_count(), v.as_integer_ratio(), v.conjugate(), v.real, v.imag, v.numerator, v.denominator)
print(True.bit_length(), True.as_integer_ratio(), (5).__index__(), (-5).__abs__(), int.__neg__(3))

big = 3 ** 200
print(big, len(str(big)), big % 1000007, big // 7 ** 50, -big // 10**90, big >> 300, big << 3 == big * 8, big & 0xffff)
print(hex(big)[:20], oct(-big)[:20], bin(big).count("1"), (2**521 - 1) % 1000000007, pow(3, 10**6, 10**9 + 7))
print((-7) // 2, (-7) % 2, 7 // -2, 7 % -2, (-7) >> 1, -(7 >> 1), ~0, ~-1, -7 & 0xff, -1 ^ 5)
print(int("  -0x_1f  ".strip().replace("_", ""), 16), int("0b_1010", 0), int("0o777", 0), int("+1_2_3"), int("١٢٣"))
print(int("z", 36), int("Z", 36), int("10", 2), int("777", 8), int("-ff", 16), int("0", 0), int("00", 0))
for text, base in [("12", 3), ("0x", 16), ("0b2", 0), ("1_", 10), ("_1", 10), ("1__2", 10), ("08", 0), ("1.0", 10),
                   ("", 10), ("  ", 10), ("+-1", 10), ("0o8", 0), ("abc", 10), ("10", 37), ("10", 1), ("\x00", 10)]:
    try:
        print(repr(text), base, int(text, base))
    except ValueError as e:
        print(repr(text), base, type(e).__name__, e)
print(int(1e20), int(-1.5e3), int(2.9999999999999996), int("9" * 50) + 1 == 10 ** 50)
for bad in [float("inf"), float("nan")]:
    try:
        int(bad)
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
print(format(10**25, ","), format(-(10**20), "_x"), f"{2**64:e}", f"{255:08b}", f"{-255:#010x}", f"{10**6:>15,}")
print(divmod(10**40 + 3, 10**20), pow(10**20, 2), (10**20) ** 0.5, 10**40 / 10**20, 10**400 // 10**399)
try:
    10**400 / 3.0
except OverflowError as e:
    print(type(e).__name__, e)
try:
    float(10**400)
except OverflowError as e:
    print(type(e).__name__, e)
print(round(10**20 + 5, -1), round(-15, -1), round(25, -1), abs(-10**30), (10**30).__hash__() == hash(10**30))
