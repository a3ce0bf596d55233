import cmath, math
names = ['acos', 'acosh', 'asin', 'asinh', 'atan', 'atanh', 'cos', 'cosh', 'exp', 'log', 'log10',
         'sin', 'sinh', 'sqrt', 'tan', 'tanh']
vals = [0.0, 0.5, 1.0, 1.5, 2.0, 3.7, 10.0, 1e-10, 1e-300, 5e-324, 1e10, 1e154, 1e200, 1e308, 700.0, 710.0, 0.9999999]
zs = []
for a in vals:
    for b in vals[::3]:
        for sa in (1, -1):
            for sb in (1, -1):
                zs.append(complex(sa * a, sb * b))
zs += [1j, -1j, 1 + 0j, -1 + 0j, complex(1, 1e-200), complex(1, -1e-170), complex(-1, 1e-160), 2 - 3j, 0.3 + 0.4j, 0.6 + 0.8j]
def fmt(z):
    if isinstance(z, complex):
        return '(%s, %s)' % (z.real.hex(), z.imag.hex())
    return z.hex()
for name in names:
    f = getattr(cmath, name)
    out = []
    for z in zs:
        try:
            out.append(fmt(f(z)))
        except (ValueError, OverflowError) as e:
            out.append(type(e).__name__)
    print(name, len(out))
    for i in range(0, len(out), 8):
        print(' '.join(out[i:i + 8]))
def call(f, *args):
    try:
        r = f(*args)
    except (ValueError, OverflowError) as e:
        return type(e).__name__
    return '[%s]' % ', '.join(map(fmt, r)) if isinstance(r, tuple) else fmt(r)
for z in zs[::3]:
    print(call(cmath.phase, z), call(cmath.polar, z), call(cmath.log, z, 2 + 1j), call(cmath.log, 3 - 1j, z))
for r in (0.0, 1.0, -2.0, 1e300):
    for phi in (0.0, -0.0, 1.0, -2.5, math.pi, 1e10):
        print(fmt(cmath.rect(r, phi)), end=' ')
print()
print(cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.nan, cmath.infj, cmath.nanj)
print(cmath.sqrt(-1), cmath.sqrt(4), cmath.exp(1j * cmath.pi), cmath.log(-1), cmath.log(100, 10), cmath.log10(1000))
print(cmath.isclose(1 + 1j, 1 + 1.0000000001j), cmath.isclose(1, 1.1, rel_tol=0.2), cmath.isclose(0, 1e-10, abs_tol=1e-9), cmath.isclose(complex('inf'), complex('inf')))
print(cmath.isfinite(1 + 2j), cmath.isinf(complex(1, math.inf)), cmath.isnan(complex(math.nan, 0)), cmath.isfinite(3), cmath.isnan(2.5))
class C:
    def __complex__(self): return 3 + 4j
class F:
    def __float__(self): return 2.0
class I:
    def __index__(self): return 9
print(cmath.sqrt(C()), cmath.sqrt(F()), cmath.sqrt(I()), cmath.polar(C()), cmath.rect(F(), I()))
for bad in [lambda: cmath.sqrt('a'), lambda: cmath.sqrt(), lambda: cmath.sqrt(1, 2), lambda: cmath.log(), lambda: cmath.log(1, 2, 3),
            lambda: cmath.rect(1), lambda: cmath.phase(), lambda: cmath.isclose(1), lambda: cmath.isclose(1, 2, 3),
            lambda: cmath.isclose(1, 2, rel_tol=-1), lambda: cmath.log(2, 1), lambda: cmath.log(0), lambda: cmath.exp(1000),
            lambda: cmath.sqrt(x=1), lambda: cmath.isinf('a'), lambda: cmath.rect('a', 1), lambda: cmath.sqrt(10 ** 400),
            lambda: cmath.atanh(1), lambda: cmath.cosh(1000 + 1j), lambda: cmath.polar(complex(1e308, 1.7e308)), lambda: cmath.rect(1, math.inf)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
