# float methods (is_integer, as_integer_ratio, hex/fromhex, conjugate),
# repr of tricky values, the format mini-language for floats (every type,
# alignment, sign, grouping, precision, z and # flags), and parsing errors.
import math

for v in [0.0, -0.0, 1.5, -2.0, 0.1, 1e300, 5e-324, 2.0**53, float("inf"), float("nan")]:
    info = [v.is_integer()]
    try:
        info.append(v.as_integer_ratio())
    except (OverflowError, ValueError) as e:
        info.append(type(e).__name__ + ": " + str(e))
    info += [v.hex(), v.conjugate(), v.real, v.imag]
    print(repr(v), info)
for h in ["0x1.8p1", "-0x1p-1074", "0x.8", "inf", "-nan", "0x1.fffffffffffffp+1023", " 0X1P2 ", "1"]:
    print(h, float.fromhex(h))
for bad in ["0x1p99999", "0xg", ""]:
    try:
        float.fromhex(bad)
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
for v in [0.1 + 0.2, 1 / 3, 2 / 3, 1e16, 1e15, 123456789.123456789, 1e-5, 1e-4, 0.0001234, 1e22, 1e23, 9007199254740993.0]:
    print(repr(v), str(v), format(v, ""), format(v, "g"), format(v, ".17g"))
specs = ["f", ".0f", ".3f", "e", ".2e", "E", "g", ".2g", "G", "%", ".1%", "10.2f", "<10.1f", "^10.1f", ">+10.1f",
         "=+10.1f", " .2f", "+.2e", ",.2f", "_.3f", "012.3f", "#.0f", "#g", "#.3g", "z.1f", "n", ".3n", "*^12.2e"]
for v in [0.0, -0.0, 1.0, -1.25, 3.14159, 1234567.891, 1e-7, 2.5e10, -0.0001, float("inf"), float("nan")]:
    print(repr(v), [format(v, s) for s in specs])
for v, s in [(1.5, "d"), (1.5, "x"), (1.5, "c"), (1.5, "s"), (1.5, ",_f"), (1.5, "=s"), (1.5, ".-1f"), (1.5, "10.2.3f")]:
    try:
        print(format(v, s))
    except ValueError as e:
        print(type(e).__name__, e)
print(float(" 1.5 "), float("1_000.5"), float("-1E-3"), float("+inf"), float("-Infinity"), float("nAn"), float(".5"), float("5."))
for bad in ["1.2.3", "1e", "e5", "inf1", "1_", "_1", "1__0", "0x10", "١.٥" if False else "a", "", " "]:
    try:
        float(bad)
    except ValueError as e:
        print(type(e).__name__, e)
print(float("١٢.٥"), math.fsum([0.1] * 10), sum([0.1] * 10), 0.1 * 3 == 0.3, math.isclose(0.1 * 3, 0.3))
print(1e308 * 10, -1e308 * 10, 1e-320, 2.0 ** -1074, 2.0 ** 1023 * 2 if False else 2.0 ** 1023, math.ulp(1.0))
try:
    2.0 ** 1024
except OverflowError as e:
    print(type(e).__name__, e)
try:
    1.0 / 0
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    1.0 % 0.0
except ZeroDivisionError as e:
    print(type(e).__name__, e)
print(-7.5 // 2, -7.5 % 2, 7.5 % -2, divmod(-7.5, 2), 5.0 // 0.1, 5.0 % 0.1, (-0.0) % 5, 0.0 % -5)
print(round(2.5), round(3.5), round(-2.5), round(0.125, 2), round(0.375, 2), round(1.005, 2), round(2.675, 2), round(1e300, -299))
print(int(1.9), int(-1.9), math.trunc(-1.9), math.floor(-1.1), math.ceil(-1.9), float(2**53 + 1), 2**53 + 1.0 == 2**53)
print(float.__getformat__("double"), (1.0).__trunc__(), (2.5).__round__(), (2.5).__round__(0), float.__new__(float, "2"))
print(3.0 == 3, 3.5 > 3, 2**60 + 0.5 > 2**60, float("nan") in [float("nan")], hash(1.0) == hash(1), hash(-0.0) == hash(0.0))
