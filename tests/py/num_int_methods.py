# int(): conversions from text in every base, Unicode digits and spaces,
# errors; methods and attributes; bin/oct/hex; round; subclasses; the
# digit limit.
import sys

def attempt(f):
    try:
        return repr(f())
    except Exception as e:
        return type(e).__name__ + ': ' + str(e)

texts = ['0', '-0', '+17', '  42  ', '1_000', '1__0', '_1', '1_', '0x1F', '0X_1f', '0o17', '0b101',
         '0b', '017', '00', '0_0', '12a', 'z', 'Z', '', ' ', '+', '-', '9' * 30, '-0x' + 'f' * 40,
         '\u0661\u0662\u0663', '\uff11\uff12', '\u3000 7 \u2003', '1\x00', '\t\n12\r\x0b\x0c',
         '0b1_0_1', '0o_7', 'abc_def', '1e5', '1.0', '\U0001d7d9', '\u00b2']
bases = [0, 2, 8, 10, 16, 36]
for t in texts:
    print(repr(t), [attempt(lambda: int(t, b)) for b in bases], attempt(lambda: int(t)))
for b in [1, 37, -1, 2**64]:
    print(b, attempt(lambda: int('10', b)))
print(attempt(lambda: int('10', base=3)), attempt(lambda: int(x=3)), attempt(lambda: int(base=3)))
print(attempt(lambda: int(10, 2)), attempt(lambda: int(None)), attempt(lambda: int([1])))
print(attempt(lambda: int(b'  12 ')), attempt(lambda: int(b'0x1f', 16)), attempt(lambda: int(b'\xff')))
print(attempt(lambda: int(1, 2, 3)), attempt(lambda: int('1', 10, base=2)))
print(attempt(lambda: int('x' * 300)))
for f in [0.0, -0.0, 0.5, -0.5, 1.9999, -1.9999, 1e15 + 0.5, 2.0**63, -2.0**64, 1e300,
          float('inf'), float('-inf'), float('nan')]:
    print(f, attempt(lambda: int(f)))

class WithInt:
    def __int__(self):
        return 42
class WithIndex:
    def __index__(self):
        return 7
class BadInt:
    def __int__(self):
        return 'x'
for o in [WithInt(), WithIndex(), BadInt()]:
    print(type(o).__name__, attempt(lambda: int(o)))
print(attempt(lambda: bin(WithIndex())), attempt(lambda: hex(WithInt())), attempt(lambda: oct(3.0)))

values = [0, 1, -1, 5, -5, 255, -256, 1023, 2**63, -2**63, 2**64 - 1, 10**30, -(10**30)]
for v in values:
    print(v, bin(v), oct(v), hex(v), v.bit_length(), v.bit_count(), v.as_integer_ratio(),
          v.conjugate(), v.real, v.imag, v.numerator, v.denominator, v.__sizeof__(),
          v.__getnewargs__(), v.__trunc__(), v.__floor__(), v.__ceil__(), v.__index__())
    for n in [1, 0, -1, -2, -3, -5, -30, -31]:
        print('  round', n, round(v, n), type(round(v, n)).__name__)
print(round(25, -1), round(35, -1), round(-25, -1), round(15, -1), round(5, None), round(7))
print(attempt(lambda: round(5, 'x')), attempt(lambda: (5).__round__(None)))

for v in [0, 1, -1, 127, 128, -128, -129, 255, 256, 65535, -32768, 2**63, -2**63, 2**100]:
    row = []
    for length in [0, 1, 2, 8, 9, 16]:
        for order in ['big', 'little']:
            for signed in [False, True]:
                row.append(attempt(lambda: v.to_bytes(length, order, signed=signed)))
    print(v, row)
print((1).to_bytes(), attempt(lambda: (1).to_bytes(-1, 'big')), attempt(lambda: (1).to_bytes(1, 'mid')))
for data in [b'', b'\x00', b'\x01', b'\xff', b'\x00\xff', b'\xff\x00', b'\x80' + b'\x00' * 10,
             bytes(range(20))]:
    print(data, [int.from_bytes(data, o, signed=s) for o in ['big', 'little'] for s in [False, True]])
print(int.from_bytes([1, 2, 3], 'little'), int.from_bytes((1, 0), 'big'),
      attempt(lambda: int.from_bytes('ab', 'big')), int.from_bytes(b'\x01\x02'))

class MyInt(int):
    def __repr__(self):
        return 'MyInt(%d)' % int(self)
m = MyInt(7)
print(m, repr(m), m + 1, type(m + 1).__name__, m * m, -m, int(m), type(int(m)).__name__,
      isinstance(m, int), m == 7, hash(m) == hash(7), MyInt('ff', 16), MyInt(), MyInt.from_bytes(b'\x02', 'big'),
      type(MyInt.from_bytes(b'\x02', 'big')).__name__, m.bit_length(), m.real, type(m.real).__name__)
class Rev(int):
    def __radd__(self, other):
        return 'radd'
    def __add__(self, other):
        return 'add'
print(Rev(1) + 1, 1 + Rev(1), super(Rev, Rev(3)).__add__(4))
print(bool(0), bool(5), bool(), bool([]), bool('x'), attempt(lambda: bool(1, 2)), attempt(lambda: bool(x=1)))
print(True.real, False.imag, True.numerator, True.bit_length(), True.__sizeof__(), False.__sizeof__(),
      repr(True), str(False), int(True), float(True), hash(True), True == 1, isinstance(True, int))

print(sys.get_int_max_str_digits())
big = 10 ** 5000
print(attempt(lambda: str(big)), attempt(lambda: int('1' * 5000)))
print(len(hex(big)), attempt(lambda: f'{big}'), attempt(lambda: repr(big)))
sys.set_int_max_str_digits(6000)
print(len(str(big)), len(str(int('7' * 5500))))
print(attempt(lambda: sys.set_int_max_str_digits(100)))
sys.set_int_max_str_digits(0)
print(len(str(10 ** 7000)))
sys.set_int_max_str_digits(4300)
print(int('1' * 4300) % 1000, attempt(lambda: int('1' * 4301)), int('f' * 5000, 16) % 1000)
