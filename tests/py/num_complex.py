# complex: construction, repr, arithmetic, powers, comparisons, hashing
# and formatting.
def attempt(f):
    try:
        return repr(f())
    except Exception as e:
        return type(e).__name__ + ': ' + str(e)

inf, nan = float('inf'), float('nan')
vals = [0j, 1j, -1j, 1 + 2j, -3.5 + 0.25j, complex(-0.0, 0.0), complex(0.0, -0.0), complex(-0.0, -0.0),
        complex(1e300, 1e300), complex(inf, 1), complex(1, nan), complex(1e-320, 5), 2 + 0j]
for z in vals:
    print(repr(z), str(z), z.real, z.imag, z.conjugate(), attempt(lambda: abs(z)), bool(z),
          hash(z) if z == z else 'nan', -z, +z, z == z, z != 1, z.__getnewargs__())

ops = [('+', lambda a, b: a + b), ('-', lambda a, b: a - b), ('*', lambda a, b: a * b),
       ('/', lambda a, b: a / b), ('**', lambda a, b: a ** b), ('==', lambda a, b: a == b),
       ('!=', lambda a, b: a != b)]
others = [0j, 1j, 2 - 3j, -0.5 + 0.5j, 3, 0, -2.5, 1e300 + 1j, complex(0, -2)]
for a in vals[:9]:
    for b in others:
        print(repr(a), repr(b), ' '.join(attempt(lambda: f(a, b)) for name, f in ops))
        print('   r', ' '.join(attempt(lambda: f(b, a)) for name, f in ops))
for e in [0, 1, 2, 3, -1, -2, 10, 100, 101, 0.5, -0.5, 2.5, 1j, 1 + 1j]:
    print(e, attempt(lambda: (1 + 1j) ** e), attempt(lambda: 0j ** e), attempt(lambda: (2 - 1j) ** e))
print(attempt(lambda: 1j < 2j), attempt(lambda: 1j // 2), attempt(lambda: 1j % 2), attempt(lambda: pow(1j, 2, 3)),
      attempt(lambda: divmod(1j, 2)), attempt(lambda: int(1j)), attempt(lambda: float(1j)),
      attempt(lambda: (1e300 + 1e300j) ** 5.5))
print(1j == 1j, 1 + 0j == 1, 1 + 0j == 1.0, 2**53 + 1 + 0j == 2**53 + 1, 1j != 1, hash(3 + 0j) == hash(3),
      hash(0.5 + 0j) == hash(0.5))

strs = ['1', '1j', '-j', '+J', 'j', '1+2j', '1-2j', ' ( 3+4j ) ', '(1)', '1e3-1e-3j', 'inf+nanj',
        '-inf-infj', '1_0+2_0j', '1+', '+', '', '()', '(1+2j', '1 + 2j', '1+2', 'j1', '1jj',
        '\u0661+\u0662j', '  5  ', '1e+j', '.5j', '5.j', 'nanj', 'infj', '1+infj']
for s in strs:
    print(repr(s), attempt(lambda: complex(s)))
print(complex(), complex(2), complex(2, 3), complex(1.5, -0.0), complex(1j, 1j), complex(1 + 2j, 3 + 4j),
      complex(real=1, imag=2), complex(imag=3), complex(True, False), complex(2 ** 53 + 1))
print(attempt(lambda: complex('1', 2)), attempt(lambda: complex(1, '2')), attempt(lambda: complex(None)),
      attempt(lambda: complex(1, None)), attempt(lambda: complex(10 ** 400)))

class C:
    def __complex__(self):
        return 3 + 4j
class Fl:
    def __float__(self):
        return 1.5
class Bad:
    def __complex__(self):
        return 1
print(complex(C()), complex(Fl()), complex(Fl(), Fl()), attempt(lambda: complex(Bad())))
class MyComplex(complex):
    pass
m = MyComplex(1, 2)
print(m, repr(m), type(m).__name__, m + 1, type(m + 1).__name__, m.real, m.conjugate(), m == 1 + 2j,
      hash(m) == hash(1 + 2j), MyComplex('3j'), MyComplex())

specs = ['', '10', '<12', '^14', '>14', '*^16', '+', '-', ' ', '.2f', '.3e', '.4g', 'g', 'e', 'f',
         'E', 'F', 'G', '.0f', '#.0f', ',.2f', '_', '.3', '10.2', 'z.1f', 'n', '=10', '010', '0<10', '%', 'd', 'x']
for z in [1 + 2j, -1.5 - 2.25j, 1234567.5 + 0.001j, 1j, -1j, complex(-0.0, 2), complex(inf, nan), 0j]:
    print(repr(z), [attempt(lambda: format(z, s)) for s in specs])
