# Pseudo-random ints and floats (from a fixed linear congruential
# generator) through arithmetic, text conversions, hashing, comparisons
# and rounding: thousands of cases checked against CPython.
state = 12345

def rand(bits):
    global state
    r = 0
    for _ in range((bits + 31) // 32):
        state = (state * 6364136223846793005 + 1442695040888963407) % 2**64
        r = (r << 32) | (state >> 32)
    return r >> ((bits + 31) // 32 * 32 - bits)

def rand_int():
    size = [3, 20, 62, 63, 64, 65, 100, 200, 700][rand(4) % 9]
    v = rand(size)
    return -v if rand(1) else v

def rand_float():
    kind = rand(3)
    if kind == 0:
        return rand_int() / (rand(20) + 1)
    bits = rand(64)
    exp = rand(11)
    if exp == 2047:
        exp = 1000
    m = bits & (2**52 - 1)
    v = (1 + m / 2**52) * 2.0 ** (exp - 1023)
    return -v if bits >> 63 else v

def attempt(f):
    try:
        return repr(f())
    except Exception as e:
        return type(e).__name__

for i in range(400):
    a, b = rand_int(), rand_int()
    s = rand(7)
    print(a + b, a - b, a * b, attempt(lambda: a // b), attempt(lambda: a % b), attempt(lambda: a / b),
          a & b, a | b, a ^ b, ~a, a >> s, a << (s % 70), hash(a), a < b, a == b, abs(a),
          pow(a, 3), attempt(lambda: pow(a, s, b)), a.bit_length(), hex(a), oct(b), bin(s),
          attempt(lambda: float(a)), int(str(a)) == a, int(hex(a), 16) == a, round(a, -(s % 20)),
          format(a, ',') if abs(a) < 10**100 else '', format(a, '_x'))

for i in range(600):
    x, y = rand_float(), rand_float()
    n = rand_int()
    nd = rand(5) - 8
    print(repr(x), str(y), x.hex(), float(repr(x)) == x, float.fromhex(x.hex()) == x, hash(x),
          attempt(lambda: x + y), attempt(lambda: x * y), attempt(lambda: x / y), attempt(lambda: x // y),
          attempt(lambda: x % y), attempt(lambda: x ** 0.5), attempt(lambda: round(x, nd)),
          attempt(lambda: round(x)), attempt(lambda: int(x)), x < n, x == n, x > n, n <= x,
          attempt(lambda: x.as_integer_ratio()), format(x, '.3e'), format(x, '.12g'), format(x, ',.2f')
          if abs(x) < 1e30 else '', attempt(lambda: n / x if x else 0), attempt(lambda: x + n))
