# int arithmetic, bitwise operations, comparisons and hashes over a table
# of small, boundary and big values.
def attempt(f):
    try:
        return repr(f())
    except Exception as e:
        return type(e).__name__ + ': ' + str(e)

values = [0, 1, -1, 2, -2, 3, 7, -7, 10, 255, -256, 2**31, -2**31, 2**62 - 1, -2**62,
          2**62, 2**63, -2**63 - 1, 2**64, 10**20, -10**20, 3**50, -(7**40), 2**200 + 1,
          -(2**130) + 5, True, False]

ops = [
    ('+', lambda a, b: a + b), ('-', lambda a, b: a - b), ('*', lambda a, b: a * b),
    ('//', lambda a, b: a // b), ('%', lambda a, b: a % b), ('/', lambda a, b: a / b),
    ('&', lambda a, b: a & b), ('|', lambda a, b: a | b), ('^', lambda a, b: a ^ b),
    ('divmod', lambda a, b: divmod(a, b)),
    ('<', lambda a, b: a < b), ('<=', lambda a, b: a <= b), ('==', lambda a, b: a == b),
    ('!=', lambda a, b: a != b), ('>', lambda a, b: a > b), ('>=', lambda a, b: a >= b),
]
for a in values:
    for b in values:
        row = [attempt(lambda: f(a, b)) for name, f in ops]
        print(a, b, ' '.join(row))

for a in values:
    print(a, attempt(lambda: -a), attempt(lambda: +a), attempt(lambda: ~a), attempt(lambda: abs(a)),
          hash(a), bool(a), str(a), repr(a), attempt(lambda: float(a)), a.bit_length(),
          a.bit_count(), attempt(lambda: int(a)))

shifts = [0, 1, 5, 31, 32, 63, 64, 65, 100, 200, -1, 2**70]
for a in values:
    print(a, [attempt(lambda: a << s) for s in shifts[:9]])
    print(a, [attempt(lambda: a >> s) for s in shifts])

exps = [0, 1, 2, 3, 10, 31, 64, 100, -1, -2, -10]
for a in [0, 1, -1, 2, -2, 3, 10, -7, 2**40, 10**20]:
    print(a, [attempt(lambda: a ** e) for e in exps])

mods = [1, 2, 7, -7, 10**9 + 7, 2**64, -(2**70) + 3]
for a in [0, 1, -1, 3, 12345, -98765, 2**100 + 7]:
    for e in [0, 1, 5, 100, 2**65 + 1, -1, -3]:
        print(a, e, [attempt(lambda: pow(a, e, m)) for m in mods])
print(attempt(lambda: pow(3, 4, 0)), attempt(lambda: pow(2, -1, 4)), attempt(lambda: pow(2.0, 3, 5)))
print(attempt(lambda: 1 << -1), attempt(lambda: 1 >> -1), attempt(lambda: 0 ** -1))
print(attempt(lambda: 1 // 0), attempt(lambda: 1 % 0), attempt(lambda: 1 / 0), attempt(lambda: divmod(1, 0)))
print(attempt(lambda: (10**400) / 1), attempt(lambda: 10**400 / 10**399), attempt(lambda: float(10**400)))
print(attempt(lambda: (2**1100) / (3**600)), 2**60 / 3, (2**53 + 1) / 1, (-(2**80) - 1) / 7)
print(attempt(lambda: (10**400) ** -1), attempt(lambda: 2 ** -1100))

# true division is correctly rounded
import_free = [(1, 3), (2**53 + 1, 2), (10**30, 7), (-(10**25), 3**20), (2**1023 * 3, 2**1023)]
for a, b in import_free:
    print(a, b, a / b, b / a)

# exact comparisons with floats
floats = [0.0, -0.0, 0.5, 1.0, -1.5, 2.0**53, 2.0**53 + 2, 2.0**63, 2.0**64, 1e20, -1e20, 1e300,
          float('inf'), float('-inf'), float('nan')]
ints = [0, 1, -1, 2**53, 2**53 + 1, 2**63 - 1, 2**63, 2**64 + 1, 10**20, -10**20, 10**300, 10**400]
for f in floats:
    print(f, [(i < f, i == f, i > f, f <= i) for i in ints])

# hashes agree between int and float and respect the modulus
for v in [2**61 - 2, 2**61 - 1, 2**61, 2**61 + 1, -(2**61), 2**122, 10**100, -(10**100), -1, -2]:
    print(v, hash(v), hash(float(v)) == hash(v) if abs(v) < 2**1000 and float(v) == v else '')

# in-place operators and bool arithmetic
x = 5
x += 2**70
x -= 1
x *= -3
x //= 7
x %= 10**15
x **= 2
x <<= 3
x >>= 1
x &= 2**60 - 1
x |= 12
x ^= 99
print(x)
t, f = True, False
print(t + 1, t * 10, t - f, -t, ~f, t & t, t | f, t ^ t,
      type(t & t).__name__, type(t & 1).__name__, t // 1, t / 2, t ** 10)
