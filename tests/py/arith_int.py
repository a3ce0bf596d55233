print(1 + 2, 7 - 10, 6 * 7, 7 / 2, 7 // 2, -7 // 2, 7 % 3, -7 % 3, 7 % -3, 2 ** 10, 2 ** -1)
print(divmod(17, 5), divmod(-17, 5), abs(-4), -(-3), +5, ~5, ~-1)
print(1 << 70, (1 << 70) >> 68, 0xff & 0x0f, 0xf0 | 0x0f, 0xff ^ 0x0f)
big = 10 ** 30
print(big, big + 1, big * big, big // 7, big % 7, -big, big - big)
print(2 ** 62, 2 ** 63, -(2 ** 62), (2 ** 62 - 1) + 1, 4611686018427387903 * 2)
print(int("123"), int("-0x10", 16), int("z", 36), int(3.9), int(-3.9), int(True))
print(round(7), round(1234, -2), round(1250, -2), round(1350, -2), round(-1250, -2), round(15, -1), round(25, -1))
print(pow(3, 4), pow(3, 4, 5), pow(2, -1, 7), pow(10, 20, 7))
print(True + True, True * 3, False - 1, bool(0), bool(-1))
print(max(3, 9, 2), min([4, 1, 8]), sum([1, 2, 3]), sum(range(101)), sum([1, 2], 10))
for a, b in [(5, 0), (5.0, 0)]:
    try:
        a / b
    except ZeroDivisionError as e:
        print(type(e).__name__, e)
try:
    5 // 0
except ZeroDivisionError as e:
    print(e)
try:
    5 % 0
except ZeroDivisionError as e:
    print(e)
print(hex(255), oct(8), bin(5), hex(-255), int.bit_length(1023))
print(0 == 0.0, 1 == 1.0, 10**20 == 1e20, hash(1) == hash(1.0))
