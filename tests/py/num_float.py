# float: repr, parsing, arithmetic with CPython's error cases, methods,
# rounding, hashing and comparisons.
def attempt(f):
    try:
        return repr(f())
    except Exception as e:
        return type(e).__name__ + ': ' + str(e)

reprs = [0.0, -0.0, 1.0, -1.5, 0.1, 0.2 + 0.1, 1 / 3, 2 / 3, 1e16, 1e15, 123456789012345678.0,
         1e-4, 1e-5, 0.0001234, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, 1e22,
         1e23, 9007199254740993.0, 0.3, 100.0, 1e100, 1.5e-7, float('inf'), float('-inf'),
         float('nan'), 3.141592653589793, 2.718281828459045, 1234.5678, 0.5, 1e-320]
for x in reprs:
    print(repr(x), str(x), x.hex(), x.is_integer(), attempt(lambda: x.as_integer_ratio()),
          attempt(lambda: int(x)), attempt(lambda: round(x)), attempt(lambda: x.__trunc__()),
          attempt(lambda: x.__floor__()), attempt(lambda: x.__ceil__()), x.conjugate(), x.real,
          x.imag, hash(x) if x == x else 'nan')

texts = ['1', '  -1.5  ', '+.5', '5.', '.', 'e5', '1e5', '1E-5', '1_000.5', '1__0', '_1', '1_',
         'inf', '-Infinity', 'nan', '-NaN', 'infinit', '0x10', '1e', '1e+', '1e400', '-1e400',
         '1e-400', '\u0661.\u0665', '\u2003 2.5\u3000', '', ' ', '1 2', '1.5j', '١٢٣', '0.1e-1_0',
         '12345678901234567890.123456789e-10', '4.9406564584124654e-324', '2.4703282292062328e-324']
for t in texts:
    print(repr(t), attempt(lambda: float(t)))
print(attempt(lambda: float(b' 2.5 ')), attempt(lambda: float(b'x')), attempt(lambda: float(None)),
      attempt(lambda: float([])), float(), float(10**20), attempt(lambda: float(10**400)), float(True))

class F:
    def __float__(self):
        return 2.5
class I:
    def __index__(self):
        return 3
class Bad:
    def __float__(self):
        return 1
for o in [F(), I(), Bad()]:
    print(type(o).__name__, attempt(lambda: float(o)))

vals = [0.0, -0.0, 1.0, -1.0, 2.5, -2.5, 7.0, 0.1, 1e300, -1e-300, float('inf'), float('-inf'),
        float('nan'), 3, -4, 0, 2**70]
ops = [('+', lambda a, b: a + b), ('-', lambda a, b: a - b), ('*', lambda a, b: a * b),
       ('/', lambda a, b: a / b), ('//', lambda a, b: a // b), ('%', lambda a, b: a % b),
       ('divmod', lambda a, b: divmod(a, b)), ('**', lambda a, b: a ** b),
       ('<', lambda a, b: a < b), ('==', lambda a, b: a == b), ('>=', lambda a, b: a >= b)]
for a in vals:
    for b in vals:
        if type(a) is int and type(b) is int:
            continue
        print(a, b, ' '.join(attempt(lambda: f(a, b)) for name, f in ops))
for a in [-8.0, -2.0, -0.5]:
    print(a, [attempt(lambda: a ** e) for e in [0.5, 1 / 3, -0.5, 2.0, -1.0, 1e300]])
print(attempt(lambda: 10.0 ** 400), attempt(lambda: 0.0 ** -1), attempt(lambda: (-0.0) ** -1.0),
      attempt(lambda: pow(2.0, 3, 5)), attempt(lambda: 2.0 ** 0.5))
for x in [0.5, 1.5, 2.5, -0.5, -1.5, 2.675, 1.005, 0.125, 0.375, 1e300, 1234.5678, -987.654321,
          5e-324, float('inf'), float('nan')]:
    print(x, [attempt(lambda: round(x, n)) for n in [0, 1, 2, 3, -1, -2, 5, 20, 400, -400]],
          attempt(lambda: round(x)), attempt(lambda: round(x, None)))
for s in ['0x1.8p1', '-0x1p-1074', '0x1.fffffffffffffp+1023', '0x1p1024', 'inf', ' 0X.8 ', '1.0',
          '0x1.0000000000000801p0', 'x', '0x', '-0x0p0', '0x1p-1080']:
    print(repr(s), attempt(lambda: float.fromhex(s)))
print(float.__getformat__('double'), float.__getformat__('float'), attempt(lambda: float.__getformat__('x')))
print((2.5).__getnewargs__(), attempt(lambda: float.fromhex(1)))

class MyFloat(float):
    pass
m = MyFloat(2.5)
print(m, repr(m), m + 1, type(m + 1).__name__, -m, m * 2, m == 2.5, hash(m) == hash(2.5),
      isinstance(m, float), type(MyFloat.fromhex('0x1p1')).__name__, MyFloat('1.5'), float(m),
      type(float(m)).__name__, int(m), round(m), m.real, m.is_integer(), MyFloat())

# hashes of floats equal to ints
for x in [0.0, -0.0, 1.0, -1.0, 0.5, 2.0**61, 2.0**62, 1e300, -1e300, 1e-300, 2.0**-40]:
    print(x, hash(x), hash(x) == hash(int(x)) if x == int(x) else '')
print(1e300 * 1e10, -1e300 * 1e10, (1e300 * 1e10) - (1e300 * 1e10))
print(sum([0.1] * 10), 0.1 * 3, 1 - 0.9, 2 ** 0.5, 10 / 4, 7 // 2.0, -7 % 2.5, 7.5 % -2)
import sys
print(sys.float_info, sys.int_info, sys.hash_info.modulus, sys.hash_info.inf, sys.hash_info.imag,
      sys.hash_info.width, sys.float_info.epsilon == 2.0 ** -52, sys.float_info[1])
