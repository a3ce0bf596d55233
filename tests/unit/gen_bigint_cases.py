#!/usr/bin/env python3
"""Writes tests/unit/bigint_cases.txt: CPython 3.11's int results for
test_bigint.c to compare with.  Run from the repository root.

    gen_bigint_cases.py [OUT [MAXBITS]]

writes elsewhere, with random operands of up to MAXBITS bits (default 2000),
for a heavier run: cc -DCASES_FILE='"OUT"' tests/unit/test_bigint.c ...

One case per line, fields separated by spaces.  Integers are hex ("-1f"),
doubles are float.hex(), strings and byte strings are hex-encoded bytes
("." when empty), and an error is "!" plus the bigint_err name without its
BIGINT_ prefix.  The first field names the kind of line:

  U a invert bit_length bit_count hash isqrt to_double to_int64 str oct k a<<k a>>k
  B a b a+b a-b a*b cmp(a,b) a&b a|b a^b gcd(a,b)
  D a b a//b a%b a/b
  P a e a**e
  M a e m pow(a,e,m)
  F double int(double)
  L limit a str(a)                     (int -> str under a digit limit)
  S base limit text int(text, base)    (text: "=" and printable text, or hex bytes;
                                        ESTRLIMIT_TO_INT:N carries the digit count)
  Y a length order signed a.to_bytes(length, order, signed=signed)
  Z bytes order signed int.from_bytes(bytes, order, signed=signed)
"""
import math
import random
import sys

OUT = sys.argv[1] if len(sys.argv) > 1 else "tests/unit/bigint_cases.txt"
MAXBITS = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
rng = random.Random(20261123)
sys.set_int_max_str_digits(0)


def h(x):
    return format(x, "x")


def hexbytes(b):
    return b.hex() if b else "."


def text_field(s):
    """Plain printable text is kept as it is after a "=", the rest hex-encoded."""
    if s and all("!" <= c <= "~" for c in s):
        return "=" + s
    return hexbytes(s.encode("latin-1"))


def err(name):
    return "!" + name


def rand_bits(bits):
    """A value of exactly `bits` bits, often with long runs of 0s or 1s,
    which are where carries and borrows go wrong."""
    if bits == 0:
        return 0
    style = rng.randrange(4)
    if style == 0:
        x = rng.getrandbits(bits)
    else:
        x, pos = 0, 0
        while pos < bits:
            run = rng.randrange(1, 130)
            if rng.randrange(2):
                x |= ((1 << run) - 1) << pos
            pos += run
        x &= (1 << bits) - 1
    return x | (1 << (bits - 1))


EDGE_BITS = [0, 1, 2, 31, 32, 33, 52, 53, 54, 62, 63, 64, 65, 127, 128, 129,
             191, 192, 193, 1023, 1024, 1025]


def rand_int(maxbits=MAXBITS):
    r = rng.random()
    if r < 0.15:
        base = 1 << rng.choice([63, 64, 128, 192, 256, 53, 1024, 32])
        x = base + rng.randrange(-3, 4)
    elif r < 0.25:
        x = rand_bits(rng.choice(EDGE_BITS))
    elif r < 0.55:
        x = rand_bits(rng.randrange(0, 200))
    else:
        # log-uniform sizes keep the file small while reaching maxbits
        x = rand_bits(int(math.exp(rng.uniform(0, math.log(maxbits)))))
    return -x if rng.randrange(2) else x


def try_(f):
    try:
        return f()
    except ZeroDivisionError as e:
        return err({"integer division or modulo by zero": "EDIVZERO",
                    "integer modulo by zero": "EMODZERO",
                    "division by zero": "ETRUEDIVZERO"}[str(e)])
    except OverflowError as e:
        return err({"integer division result too large for a float": "EDIVOVERFLOW",
                    "int too large to convert to float": "EFLOATOVERFLOW",
                    "cannot convert float infinity to integer": "EFLOATINF",
                    "int too big to convert": "ETOOBIG",
                    "can't convert negative int to unsigned": "ENEGUNSIGNED"}[str(e)])
    except ValueError as e:
        s = str(e)
        if s.startswith("Exceeds the limit") and "value has" in s:
            return err("ESTRLIMIT_TO_INT:" + s.split("value has ")[1].split()[0])
        if s.startswith("Exceeds the limit"):
            return err("ESTRLIMIT_TO_STR")
        if s.startswith("invalid literal"):
            return err("EINVALID")
        return err({"base is not invertible for the given modulus": "ENOTINVERTIBLE",
                    "pow() 3rd argument cannot be 0": "EPOWMODZERO",
                    "isqrt() argument must be nonnegative": "EISQRTNEG",
                    "cannot convert float NaN to integer": "EFLOATNAN"}[s])


def hexresult(f):
    r = try_(f)
    if isinstance(r, str):
        return r
    if isinstance(r, float):
        return r.hex()
    return h(r)


def to_int64(a):
    return str(a) if -2**63 <= a < 2**63 else err("EOVERFLOW")


def unary(a):
    k = rng.choice([0, 1, 63, 64, 65, rng.randrange(0, 300), rng.randrange(0, 5000)])
    return ["U", h(a), h(~a), str(a.bit_length()), str(abs(a).bit_count()),
            str(hash(a)), hexresult(lambda: math.isqrt(a)),
            hexresult(lambda: float(a)), to_int64(a), str(a), oct(a),
            str(k), h(a << k), h(a >> k)]


def binary(a, b):
    return ["B", h(a), h(b), h(a + b), h(a - b), h(a * b),
            str((a > b) - (a < b)), h(a & b), h(a | b), h(a ^ b),
            h(math.gcd(a, b))]


def division(a, b):
    return ["D", h(a), h(b), hexresult(lambda: a // b),
            hexresult(lambda: a % b), hexresult(lambda: a / b)]


def lines():
    for _ in range(650):
        yield unary(rand_int())
    for x in [0, 1, -1, 2**53 + 1, 2**54 + 2, 2**63 - 1, 2**63, -2**63,
              -2**63 - 1, 2**64 - 1, 2**64, -2**64, 2**1024 - 2**970,
              2**1024 - 2**970 - 1, -(2**1024 - 2**971), 2**1024, 10**4299,
              10**4300 - 1]:
        yield unary(x)
    # rounding to double: ties, just above and below
    for _ in range(200):
        bits = rng.randrange(54, 1030)
        m = rng.getrandbits(53) | 1 << 52
        shift = bits - 53
        x = (m << shift) + (rng.choice([0, 1, -1, 1 << (shift - 1)]) if shift > 1 else 0)
        yield unary(x if rng.randrange(2) else -x)
    for _ in range(700):
        yield binary(rand_int(), rand_int())
    for _ in range(60):
        a = rand_int()
        yield binary(a, a)
        yield binary(a, -a)
    for _ in range(1000):
        a, b = rand_int(), rand_int()
        yield division(a, b if b else 1)
    for _ in range(200):
        b = rand_int() or 3
        q = rand_int()
        yield division(q * b + rng.choice([0, 1, -1, b - 1, -b + 1]), b)
    for a in [0, 5, -5, 2**64, -2**64]:
        yield division(a, 0)
    # true division near overflow, underflow and the subnormal range
    for _ in range(400):
        b = rand_bits(rng.randrange(1, 800)) or 1
        target = rng.choice([1023, 1024, 1025, -1022, -1060, -1074, -1075,
                             -1076, -1090, 0, 52, 53, rng.randrange(-1100, 1100)])
        a = rand_bits(max(0, b.bit_length() + target + rng.randrange(-2, 3)))
        yield division(a * rng.choice([1, -1]), b * rng.choice([1, -1]))
    for _ in range(400):
        a = rand_int(400)
        e = rng.choice([0, 1, 2, 3, rng.randrange(0, 40), rng.randrange(0, 400 // max(1, a.bit_length()) + 2)])
        yield ["P", h(a), h(e), h(a ** e)]
    for a, e in [(0, 0), (0, 5), (1, 2**70), (-1, 2**70 + 1), (-1, 2**70), (0, 2**70),
                 (2, -1), (0, -1)]:
        yield ["P", h(a), h(e), err("ENEGEXPONENT") if e < 0 else h(a ** e)]
    for _ in range(800):
        a, e, m = rand_int(1200), rand_int(1200), rand_int(1200)
        if rng.randrange(4) == 0:
            m = rng.choice([0, 1, -1, 2, -2, 7, -7, 2**64, -(2**64 + 13)])
        if rng.randrange(4) == 0:
            e = rng.choice([0, -1, 1, -2, 2])
        yield ["M", h(a), h(e), h(m), hexresult(lambda: pow(a, e, m))]
    for x in [0.0, -0.0, 0.5, -0.999, 1.0, 2.0**53, 2.0**63, -2.0**63, 2.0**64,
              1.5 * 2**64, 1e308, -1e308, 5e-324, float("inf"), float("-inf"),
              float("nan")]:
        yield ["F", x.hex(), hexresult(lambda: int(x))]
    for _ in range(400):
        x = math.ldexp(rng.random(), rng.randrange(-10, 1024)) * rng.choice([1, -1])
        yield ["F", x.hex(), h(int(x))]
    for _ in range(40):
        limit = rng.randrange(640, 800)
        a = rand_bits(int(limit * 3.3219 + rng.randrange(-30, 30))) * rng.choice([1, -1])
        sys.set_int_max_str_digits(limit)
        yield ["L", str(limit), h(a), try_(lambda: str(a))]
        sys.set_int_max_str_digits(0)
    yield from parse_lines()
    yield from bytes_lines()


DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


def in_base(x, base):
    if x == 0:
        return "0"
    out = []
    while x:
        x, d = divmod(x, base)
        out.append(DIGITS[d])
    s = "".join(reversed(out))
    return "".join(c.upper() if rng.randrange(3) == 0 else c for c in s)


def underscored(s):
    out = []
    for i, c in enumerate(s):
        if i and rng.randrange(6) == 0:
            out.append("_")
        out.append(c)
    return "".join(out)


SPACES = [" ", "\t", "\n", "\v", "\f", "\r", "\x1c", "\x00"]
PREFIX = {16: "0x", 8: "0o", 2: "0b"}


def mutate(s):
    i = rng.randrange(len(s) + 1)
    junk = rng.choice(["_", "__", " ", "-", "+", "x", "0", ".", "\x00", "z", "0x", "08"])
    return s[:i] + junk + s[i:]


def literal(base):
    """A valid (mostly) literal for int(..., base)."""
    x = abs(rand_int(700))
    b = base or rng.choice([2, 8, 10, 16])
    digits = in_base(x, b)
    if rng.randrange(3) == 0:
        digits = underscored(digits)
    if rng.randrange(8) == 0:
        digits = "0" * rng.randrange(1, 4) + digits
    prefix = ""
    if b in PREFIX and (base == 0 or rng.randrange(3) == 0):
        prefix = PREFIX[b]
        if rng.randrange(2):
            prefix = prefix.upper()
        if rng.randrange(4) == 0:
            prefix += "_"
    sign = rng.choice(["", "", "-", "+"])
    lead = "".join(rng.choice(SPACES[:6]) for _ in range(rng.choice([0, 0, 1, 3])))
    trail = "".join(rng.choice(SPACES[:6]) for _ in range(rng.choice([0, 0, 1, 2])))
    return lead + sign + prefix + digits + trail


def parse_case(text, base, limit):
    sys.set_int_max_str_digits(limit)
    r = hexresult(lambda: int(text, base))
    sys.set_int_max_str_digits(0)
    return ["S", str(base), str(limit), text_field(text), r]


def parse_lines():
    bases = [0, 0, 10, 10, 16, 2, 8, 3, 7, 36, 32, 4]
    for _ in range(1800):
        base = rng.choice(bases + list(range(2, 37)))
        s = literal(base)
        if rng.randrange(4) == 0:
            s = mutate(s)
        yield parse_case(s, base, rng.choice([0, 4300, 4300]))
    fixed = ["", " ", "-", "+", "_", "0", "-0", "00", "0_0", "010", "0_7", "00_0", "0x",
             "0x_", "0x_1f", "0X1F", "0b", "0b1", "0o", "0o17", "0O17", "0b102",
             "1__2", "1_", "_1", "- 1", "+-1", "1 2", " \t+12 \n\v\f\r", "\x1c12",
             "12\x00", "0x1_f", "1e5", "٣", "0_", "0x__1", "0b_1_0", "-0x_1"]
    for s in fixed:
        for base in [0, 10, 16, 8, 2, 36]:
            if all(ord(c) < 256 for c in s):
                yield parse_case(s, base, 4300)
    for base in [1, 37, -1]:
        yield ["S", str(base), "4300", hexbytes(b"12"), err("EBASE")]
    # around the digit limit
    yield parse_case("1" * 4300, 10, 4300)
    yield parse_case("1" * 4301, 10, 4300)
    for n, base, limit in [(640, 10, 640), (641, 10, 640), (700, 36, 640),
                           (700, 16, 640), (700, 2, 640), (641, 7, 640),
                           (640, 7, 640), (700, 10, 0)]:
        s = "1" * n
        yield parse_case(s, base, limit)
        yield parse_case(s + "x", base, limit)
        yield parse_case(s + "__1", base, limit)
        yield parse_case("0" + s, 0, limit)
        yield parse_case("1_" + s, base, limit)
    for s in ["0" * 700, " -" + "9" * 641 + " ", "0x" + "f" * 700]:
        yield parse_case(s, 0, 640)


def bytes_lines():
    for _ in range(1200):
        a = rand_int(600)
        signed = rng.randrange(2)
        need = (a.bit_length() + 7 + signed) // 8
        length = max(0, need + rng.choice([0, 0, 1, -1, 3]))
        order = rng.choice(["little", "big"])
        r = try_(lambda: a.to_bytes(length, order, signed=bool(signed)))
        yield ["Y", h(a), str(length), order[0], str(signed),
               r if isinstance(r, str) else hexbytes(r)]
    for a, length in [(-128, 1), (-129, 1), (127, 1), (128, 1), (255, 1), (256, 1),
                      (0, 0), (-1, 0), (1, 0), (-2**63, 8), (2**63, 8), (-2**64, 8),
                      (-2**64, 9), (2**64 - 1, 8)]:
        for signed in [0, 1]:
            for order in ["little", "big"]:
                r = try_(lambda: a.to_bytes(length, order, signed=bool(signed)))
                yield ["Y", h(a), str(length), order[0], str(signed),
                       r if isinstance(r, str) else hexbytes(r)]
    for _ in range(1000):
        n = rng.choice([0, 1, 7, 8, 9, 16, rng.randrange(0, 80)])
        data = bytes(rng.choice([0, 0xff, rng.randrange(256)]) for _ in range(n))
        signed = rng.randrange(2)
        order = rng.choice(["little", "big"])
        yield ["Z", hexbytes(data), order[0], str(signed),
               h(int.from_bytes(data, order, signed=bool(signed)))]


def main():
    with open(OUT, "w") as f:
        for fields in lines():
            f.write(" ".join(fields) + "\n")


if __name__ == "__main__":
    main()
