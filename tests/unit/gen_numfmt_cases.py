#!/usr/bin/env python3
"""Writes tests/unit/numfmt_cases.txt: expected results of CPython 3.11 for
float repr/format/parse/hex/round/hash/divmod/pow and int/str format, read
by tests/unit/test_numfmt.c.  Run from the repo root with CPython 3.11.

One case a line, fields separated by tabs; a field escapes backslash, tab,
newline and other control characters as \\\\, \\t, \\n, \\xHH.  Doubles are
16 hex digits of their bits.  A result is either "=text" or
"!ExceptionName:message".  Record kinds (first field):
  R bits repr            P bits %fmt result       F bits spec result
  I int spec result      T str spec result        V str bits|!err
  H bits hex             X str bits|!err          O bits ndigits bits|!err
  N bits bits|!err       A bits hash              M v w floordiv mod mod2|!err
  W v w bits|!err        Q bits num den is_integer|!err
"""
import math
import random
import struct
import sys

assert sys.version_info[:2] == (3, 11), "expected values must come from CPython 3.11"

rng = random.Random(20261123)
out = []


def esc(s):
    r = []
    for ch in s:
        if ch == '\\':
            r.append('\\\\')
        elif ch == '\t':
            r.append('\\t')
        elif ch == '\n':
            r.append('\\n')
        elif ord(ch) < 0x20 or ord(ch) == 0x7f:
            r.append('\\x%02x' % ord(ch))
        else:
            r.append(ch)
    return ''.join(r)


def bits(x):
    return '%016x' % struct.unpack('<Q', struct.pack('<d', x))[0]


def from_bits(b):
    return struct.unpack('<d', struct.pack('<Q', b))[0]


def result(fn):
    try:
        v = fn()
    except Exception as e:  # the exception is the expected value
        return '!%s:%s' % (type(e).__name__, e)
    return '=' + v if isinstance(v, str) else '=' + bits(v)


def emit(*fields):
    out.append('\t'.join(esc(str(f)) for f in fields))


# -- doubles to test --------------------------------------------------------
def random_double():
    k = rng.randrange(8)
    if k == 0:
        return from_bits(rng.getrandbits(64))
    if k == 1:
        return rng.uniform(-1e6, 1e6)
    if k == 2:
        return float('%.*e' % (rng.randrange(1, 6), rng.uniform(-10, 10) * 10.0 ** rng.randrange(-30, 30)))
    if k == 3:
        return rng.randrange(-10**6, 10**6) / rng.choice([1, 2, 4, 8, 10, 100, 1000, 1024])
    if k == 4:
        return float(rng.randrange(-10**17, 10**17))
    if k == 5:
        return math.ldexp(rng.random(), rng.randrange(-1075, 1025))
    if k == 6:
        return rng.choice([0.5, 1.5, 2.5, 0.125, 0.375, 2.675, 1.005, 0.045]) * 10.0 ** rng.randrange(-5, 6)
    return rng.random() * 10.0 ** rng.randrange(-20, 22)


SPECIAL = [0.0, -0.0, 1.0, -1.0, 0.1, 0.2, 0.3, 1e16, 1e15, 9999999999999998.0, 1e-4, 1e-5,
           1.5e-05, 123456789012345.0, 1234567890123456.0, 5e-324, -5e-324, 2.2250738585072014e-308,
           2.225073858507201e-308, 1.7976931348623157e308, float('inf'), float('-inf'),
           float('nan'), -float('nan'), 0.5, 1.5, 2.5, -2.5, 2.675, 1e22, 1e23, 2e16 + 8, 9.5, 99.5,
           0.05, 0.005, 1234.5678, 999999.5, 9.999999999999999e22, 1e300, 1e-300, 4.35, 0.15]
doubles = list(SPECIAL)
doubles += [math.ldexp(1.0, e) for e in range(-1074, 1024)]
doubles += [math.nextafter(math.ldexp(1.0, e), 0) for e in range(-1000, 1024, 7)]
doubles += [random_double() for _ in range(12000)]

# -- repr, %-format ---------------------------------------------------------
for x in doubles:
    emit('R', bits(x), '=' + repr(x))
for x in doubles[:6000]:
    code = rng.choice('eEfFgG')
    prec = rng.choice([0, 1, 2, 3, 5, 6, 10, 16, 17, 20, 30])
    if code in 'fF' and abs(x) > 1e30 and rng.random() < 0.8:
        prec = rng.choice([0, 2])
    fmt = '%' + rng.choice(['', '#']) + '.%d' % prec + code
    emit('P', bits(x), fmt, result(lambda: fmt % x))

# -- format() ---------------------------------------------------------------
def random_spec(types, text=False, integer=False):
    """Mostly valid specs; text and integer: leave out, mostly, what strs
    and ints refuse."""
    parts = []
    r = rng.random()
    if r < 0.3:
        parts.append(rng.choice(['', '*', 'é', '0', ' ', '€', '<', '=', '𝄞', 'x']) + rng.choice('<>^='))
    elif r < 0.5:
        parts.append(rng.choice('<>^='))
    if not text or rng.random() < 0.05:
        parts.append(rng.choice(['', '', '+', '-', ' ']))
        parts.append(rng.choice(['', '', '', 'z']) if not integer or rng.random() < 0.05 else '')
        parts.append(rng.choice(['', '', '#']))
    parts.append(rng.choice(['', '', '0']))
    parts.append(rng.choice(['', '', '1', '5', '8', '12', '15', '20', '30']))
    if not text or rng.random() < 0.05:
        parts.append(rng.choice(['', '', '', ',', '_']))
    parts.append(rng.choice(['', '', '.0', '.1', '.2', '.3', '.6', '.10', '.17', '.25']))
    parts.append(rng.choice(types))
    if integer and parts[-1] in ('', 'b', 'c', 'd', 'o', 'x', 'X', 'n') and rng.random() < 0.9:
        parts[-2] = ''
    if integer and parts[-1] == 'c' and rng.random() < 0.8:
        parts[1:4] = ['', '', '']
    if rng.random() < 0.02:
        parts.insert(rng.randrange(len(parts) + 1), rng.choice(['x', '.', ',', '9', 'zz', '##', 'é']))
    return ''.join(parts)


FLOAT_TYPES = ['', '', 'e', 'E', 'f', 'F', 'g', 'G', 'n', '%'] * 8 + ['d', 'x', 's', 'r', '\x01', 'é']
INT_TYPES = ['', '', 'b', 'c', 'd', 'o', 'x', 'X', 'n', 'e', 'f', 'g', '%', 'G', 'F', 'E'] * 4 + ['s', 'é']
STR_TYPES = ['', 's'] * 8 + ['d', 'x']

FIXED_FLOAT_SPECS = ['', 'abc', '.', ',_', '_,', 'x', '.3000000000f', '99999999999999999999',
                     '.99999999999999999999', '010', '0=12,', 'z.2f', '+', '#', '#.0f', '#.0e',
                     '#g', '#.3g', '.3', '.0', '.1', '.17', '.50f', '.400f', '.120e', 'n', ',.2%',
                     '_', '*^20,.3f', '012,.2f', '0<10', 'z', ',', ',g', '\x00', 'é^9', '=>8', '.1%']
for x in doubles[:3000] + SPECIAL:
    for spec in [''] + [random_spec(FLOAT_TYPES) for _ in range(4)]:
        emit('F', bits(x), spec, result(lambda: format(x, spec)))
for x in SPECIAL:
    for spec in FIXED_FLOAT_SPECS:
        emit('F', bits(x), spec, result(lambda: format(x, spec)))


def random_int():
    k = rng.randrange(6)
    if k == 0:
        return rng.randrange(-300, 300)
    if k == 1:
        return rng.randrange(-2**63, 2**63)
    if k == 2:
        return rng.randrange(-10**40, 10**40)
    if k == 3:
        return rng.choice([0, 1, -1, 65, 0x10ffff, 0x110000, 2**63 - 1, -2**63, 2**63, 2**64,
                           10**400, -10**400, 2**53 + 1, 1234567])
    if k == 4:
        return rng.randrange(0, 0x110000)
    return rng.randrange(-10**10, 10**10)


FIXED_INT_SPECS = ['', 'c', '012,', '#x', '#X', '_x', '_b', '#_o', '.2', 'zd', '+c', '#c',
                   ',x', '_n', 'n', '0=20_', ',.2f', '.3000000000f', '%', 'e', '\x01', '-^#20_X']
for _ in range(6000):
    v = random_int()
    spec = rng.choice(FIXED_INT_SPECS) if rng.random() < 0.1 else random_spec(INT_TYPES, integer=True)
    emit('I', v, spec, result(lambda: format(v, spec)))

STRS = ['', 'a', 'abc', 'hello world', 'é', 'naïve café', '日本語テキスト', '𝄞𝄞x', 'tab\there', 'x' * 40]
FIXED_STR_SPECS = ['', '+', ' ', 'z', '#', '=', ',', '_', '05', '<05', '.2', '10.3', '^9', 'é>7',
                   'd', '.0', '.', '𝄞^11.4', '\x01', 'é']
for _ in range(3000):
    s = rng.choice(STRS)
    spec = rng.choice(FIXED_STR_SPECS) if rng.random() < 0.1 else random_spec(STR_TYPES, text=True)
    emit('T', s, spec, result(lambda: format(s, spec)))

# -- float() ----------------------------------------------------------------
def mangle(s):
    k = rng.randrange(10)
    if k == 0:
        return rng.choice([' ', '\t', '\n ', '\x0b', '\x0c\r', '\x1c']) + s + rng.choice(['', ' ', '\n', '\x1f'])
    if k == 1 and len(s) > 1:
        i = rng.randrange(len(s) + 1)
        return s[:i] + '_' + s[i:]
    if k == 2:
        return s.upper()
    if k == 3:
        return rng.choice(['+', '-', '--', '+-']) + s
    if k == 4 and s:
        i = rng.randrange(len(s))
        return s[:i] + s[i + 1:]
    if k == 5:
        return ''.join(c + '_' if c.isdigit() and rng.random() < 0.3 else c for c in s).rstrip('_')
    return s


PARSE_FIXED = ['', ' ', '1', '1.', '.5', '.', '-.5e3', '1e', '1e+', '1e5', '1E-5', 'e5', '1_0', '1__0',
               '_1', '1_', '1_.5', '1._5', '1.5_', '1e1_0', '1e_10', '0x10', '0x1p3', 'inf', '-inf',
               '+inf', 'Infinity', '-iNfInItY', 'infinit', 'infinityy', 'nan', '-NaN', '+nan', 'nan0',
               'in f', '1 0', '\x001', '1\x00', ' 1.5 ', '\t\n-2.5e-3\r\x0b\x0c', '1e400', '-1e400',
               '1e-400', '-1e-400', '4.9e-324', '2.4703282292062328e-324', '2.4703282292062327e-324',
               '1.7976931348623158e308', '1.7976931348623159e308', '0' * 400 + '1', '1' + '0' * 400,
               '0.' + '0' * 400 + '1e400', '123456789012345678901234567890', '+-1', '1.2.3', '١',
               '1e5.5', '+', '-', '++1', 'i', 'n', '1d5', '1f', '0_0', '0_.0', '00.0_0e0_0']
parse_inputs = PARSE_FIXED + [mangle(repr(x)) for x in doubles[:4000]]
parse_inputs += [mangle(rng.choice(PARSE_FIXED)) for _ in range(500)]
for s in parse_inputs:
    if all(ord(c) < 128 for c in s):
        emit('V', s, result(lambda: float(s)))

# -- hex, fromhex -----------------------------------------------------------
for x in doubles[:5000]:
    emit('H', bits(x), '=' + x.hex())
HEX_FIXED = ['0x1p0', '0X1P0', '1p0', '0x.8p1', '0x1.', '0x.', '.', '0x', '0', '-0x0p0', 'inf', '-Infinity',
             'nan', ' 0x1p-1074 ', '0x1p-1075', '0x1.000001p-1075', '0x1p-1076', '0x3p-1076',
             '0x1.fffffffffffff8p1023', '0x1.fffffffffffff7ffp1023', '0x1p1024', '0x1p+99999999999999999999',
             '0x0p99999999999999999999', '0x1p-99999999999999999999', '0x1.8p', '0x1.8pz', '0x1.8p+',
             '0x1g', '0x1_0p0', '1.2.3', '0x' + 'f' * 300 + 'p-1200', '0x0.' + '0' * 300 + '1p1200',
             '0x1.0000000000000800000000001p0', '0x1.00000000000008p0', '0x1.00000000000018p0',
             '0x1.0000000000000fp0', '0x10000000000000080p-64', '+0x1p1', '--0x1p1', ' \t0xap-2\n',
             '0x1p-1022', '0x0.fffffffffffffp-1022', '0x0.00000000000008p-1022', '0x1.fffffffffffffp-1023',
             '\x000x1', '0x1\x00', 'infinit', '0xinf', '1e5']
hex_inputs = HEX_FIXED + [mangle(x.hex()) for x in doubles[:3000]]
hex_inputs += ['0x%x.%xp%d' % (rng.getrandbits(rng.randrange(1, 90)), rng.getrandbits(rng.randrange(1, 90)),
                               rng.randrange(-1200, 1100)) for _ in range(1500)]
for s in hex_inputs:
    if all(ord(c) < 128 for c in s):
        emit('X', s, result(lambda: float.fromhex(s)))

# -- round, hash, divmod, pow, as_integer_ratio -----------------------------
for x in doubles[:5000]:
    n = rng.choice([0, 1, 2, 3, 5, 10, 15, 17, 20, 100, 300, 323, 324, 1000, -1, -2, -3, -5, -10, -20,
                    -100, -300, -308, -309, -1000, rng.randrange(-320, 330)])
    emit('O', bits(x), n, result(lambda: round(x, n)))
    emit('N', bits(x), result(lambda: float(round(x))))
for x in [2.675, 0.125, 0.375, 2.5, 3.5, -2.5, 1.7976931348623157e308, 5e-324, 0.5, 1.5, 1e-5, 123.456]:
    for n in range(-310, 330, 7):
        emit('O', bits(x), n, result(lambda: round(x, n)))
for x in doubles:
    if not math.isnan(x):
        emit('A', bits(x), hash(x))

pair_pool = [0.0, -0.0, 1.0, -1.0, 2.0, -2.0, 0.5, -0.5, 3.0, 1e308, -1e308, 5e-324, float('inf'),
             float('-inf'), float('nan'), 1e-300, 7.0, -7.0, 0.1, 1.0 / 3]
pairs = [(a, b) for a in pair_pool for b in pair_pool]
pairs += [(random_double(), random_double()) for _ in range(4000)]
pairs += [(random_double(), rng.choice(pair_pool)) for _ in range(1000)]
pairs += [(rng.choice(pair_pool), random_double()) for _ in range(1000)]
for v, w in pairs:
    def dm():
        q, m = divmod(v, w)
        return '%s %s %s' % (bits(q), bits(m), bits(v % w))
    emit('M', bits(v), bits(w), result(dm))
pow_pool = pair_pool + [0.5, 2.5, -3.0, 1e10, -1e10, 1e-10, 2.0 ** 53, -(2.0 ** 53), 1023.0, 1024.0, -1075.0]
pow_pairs = [(a, b) for a in pow_pool for b in pow_pool]
pow_pairs += [(random_double(), rng.choice(pow_pool)) for _ in range(1000)]
pow_pairs += [(rng.uniform(-10, 10), rng.choice([rng.uniform(-50, 50), float(rng.randrange(-400, 400))]))
              for _ in range(2000)]
for v, w in pow_pairs:
    def pw():
        try:
            r = v ** w
        except OverflowError as e:  # from complex ** complex
            if str(e) == 'complex exponentiation':
                r = 1j
            else:
                raise
        if isinstance(r, complex):
            raise ArithmeticError('complex')
        return r
    emit('W', bits(v), bits(w), result(pw))
for x in SPECIAL + doubles[len(SPECIAL):2200:10] + doubles[-3000:]:
    def ratio():
        n, d = x.as_integer_ratio()
        return '%d %d %d' % (n, d, x.is_integer())
    emit('Q', bits(x), result(ratio))

with open('tests/unit/numfmt_cases.txt', 'w', encoding='utf-8') as f:
    f.write('\n'.join(out) + '\n')
print(len(out), 'cases')
