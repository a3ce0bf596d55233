# Numeric builtins: abs, divmod, pow (with modulus and negatives), round
# (ties to even, ndigits for ints and floats), sum with start and floats,
# min/max with key/default, hex/oct/bin, int conversions and their errors.

print(abs(-5), abs(5.5), abs(-0.0), abs(3 + 4j), abs(True), abs(-2**100))
class A:
    def __abs__(self):
        return "absolute"
print(abs(A()))
try:
    abs("x")
except TypeError as e:
    print(type(e).__name__, e)

for a, b in [(7, 2), (-7, 2), (7, -2), (-7, -2), (7.5, 2), (-7.5, 2), (1, 0.3), (2**70, 3), (0, 5)]:
    print("divmod", a, b, divmod(a, b), a // b, a % b)
for a, b in [(1, 0), (1.0, 0), (1, 0.0)]:
    try:
        divmod(a, b)
    except ZeroDivisionError as e:
        print(type(e).__name__, e)
try:
    divmod(1j, 1)
except TypeError as e:
    print(type(e).__name__, e)

print(pow(2, 10), pow(2, -1), pow(-8, 1 / 3) if False else pow(2.0, 0.5), pow(0, 0), pow(2, 100, 7))
print(pow(3, -1, 7), pow(38, -1, 97), pow(-2, 3, 5), pow(2, 3, -5), pow(5, 0, 1))
for args in [(2, -1, 4), (2, 3, 0), (2.0, 3, 5), (2, 0.5, 5), (0, -1)]:
    try:
        print(pow(*args))
    except (ValueError, TypeError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
print((-8) ** (1 / 3))
print(2 ** -2, (-2) ** 2, -2 ** 2, 2 ** 3 ** 2, 0.0 ** 0, 10 ** -1)

for v in [0.5, 1.5, 2.5, -0.5, -1.5, 2.675, 0.125, 1e20, -3.7]:
    print("round", v, round(v), round(v, 1), round(v, 2), type(round(v)).__name__)
for v, nd in [(1234, -2), (1250, -2), (1350, -2), (-1250, -2), (5, -1), (15, -1), (25, -1), (12345, 1),
              (2**70 + 5, -1), (123.456, -1), (123.456, 5), (0.5, None)]:
    print("round", v, nd, round(v, nd))
for bad in [(float("inf"),), (float("nan"),), ("1",), (1.5, 1.5)]:
    try:
        print(round(*bad))
    except (OverflowError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(round(float("inf"), 2), round(float("nan"), 1))
class R:
    def __round__(self, n=None):
        return ("rounded", n)
print(round(R()), round(R(), 3))

print(sum([1, 2, 3]), sum([1, 2], 10), sum([0.1] * 10), sum([[1], [2]], []), sum((1.5, 2)), sum([], 5))
print(sum(range(101)), sum([True, True, False]), sum([1, 2.5, 3j]), sum(x * x for x in range(4)))
for bad in [(["a", "b"], ""), ([1, "a"],), ([b"a"], b""), ([[1]],)]:
    try:
        print(sum(*bad))
    except TypeError as e:
        print(type(e).__name__, e)
print(sum([1, 2], start=100))
print(sum([1e100, 1.0, -1e100, 1.0]), sum([0.1, 0.2, 0.3]))

print(min(3, 1, 2), max(3, 1, 2), min([4, 5]), max("hello"), min("b", "a", key=str.upper))
print(max([], default="empty"), min((), default=None), max([1, -5, 3], key=abs), min({"a": 2, "b": 1}))
print(max([(1, "b"), (1, "a")]), min([3, 1, 2], key=lambda x: -x), max(1, 2, key=None))
stable = [("a", 1), ("b", 1), ("c", 0)]
print(max(stable, key=lambda t: t[1]), min(stable, key=lambda t: t[1]))
for args, kw in [((), {}), (([],), {}), ((1,), {}), ((1, 2), {"default": 0}), (([1],), {"bogus": 1})]:
    try:
        print(max(*args, **kw))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

for v in [0, 1, -1, 255, -255, 2**64, -(2**64) + 1]:
    print(hex(v), oct(v), bin(v), format(v, "#x"), format(v, "o"))
for bad in [1.5, "1", None]:
    try:
        hex(bad)
    except TypeError as e:
        print(type(e).__name__, e)
print(int("ff", 16), int("0xff", 0), int("-0b101", 0), int("z", 36), int(" 12 "), int("1_000"))
print(int(3.99), int(-3.99), int(True), int("10", base=8), int(b"42"), int(bytearray(b"7")))
for args in [("1.5",), ("0x10",), ("10", 1), ("10", 99), ("", 10), (" ",), ("1 2",), ("٣",), (1.5, 10), ([],),
             (float("inf"),), (float("nan"),), ("9" * 5000,)]:
    try:
        print(repr(int(*args))[:20])
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__, str(e)[:80])
print(float("1e3"), float(" -inf "), float("nan") != float("nan"), float("1_0.5"), float(7), float(True))
for bad in ["", "1e", "abc", "1_", "--1", "0x1"]:
    try:
        float(bad)
    except ValueError as e:
        print(type(e).__name__, e)
