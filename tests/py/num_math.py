# The math module: values, special cases and CPython's error messages.
import math

def attempt(f):
    try:
        r = f()
    except Exception as e:
        return type(e).__name__ + ': ' + str(e)
    if type(r) is float:
        return repr(r)
    return repr(r)

inf, nan = math.inf, math.nan
xs = [0.0, -0.0, 0.5, -0.5, 1.0, -1.0, 2.0, 10.0, 1e-300, 1e300, 710.0, -710.0, 1e16, inf, -inf,
      nan, 3, -3, 2**1100, True]
one_arg = ['acos', 'acosh', 'asin', 'asinh', 'atan', 'atanh', 'cbrt', 'ceil', 'cos', 'cosh', 'degrees',
           'erf', 'erfc', 'exp', 'exp2', 'expm1', 'fabs', 'floor', 'frexp', 'isfinite', 'isinf',
           'isnan', 'log', 'log10', 'log1p', 'log2', 'modf', 'radians', 'sin', 'sinh', 'sqrt', 'tan',
           'tanh', 'trunc', 'ulp']
for name in one_arg:
    f = getattr(math, name)
    print(name, [attempt(lambda: f(x)) for x in xs])
for name in ['gamma', 'lgamma']:
    f = getattr(math, name)
    print(name, [attempt(lambda: f(x)) for x in xs + [-1.5, 4.5, 171.0, 172.0, -2.0, 1e-10, 1e-25, -250.5, 199.9]])
    print(name, [f(i / 7.3 - 40) for i in range(1, 600) if (i / 7.3 - 40) != int(i / 7.3 - 40)])
print([attempt(lambda: math.gamma(n)) for n in range(1, 24)])

two = [(0.0, 0.0), (1.0, 0.0), (0.0, -1.0), (-1.0, 0.5), (2.0, 10.0), (-2.0, 3.0), (10.0, 400.0),
       (inf, 2.0), (2.0, inf), (-inf, 3.0), (nan, 0.0), (1.0, nan), (5.5, -2.0), (-7.0, 3.0),
       (1e308, 10.0), (0.0, -inf), (-0.0, -1.0), (3, 4)]
for name in ['atan2', 'copysign', 'fmod', 'pow', 'remainder', 'nextafter', 'hypot', 'ldexp', 'log',
             'isclose', 'dist']:
    f = getattr(math, name)
    row = []
    for a, b in two:
        if name == 'ldexp':
            row.append(attempt(lambda: f(a, int(b) if b == b and abs(b) != inf else 5)))
        elif name == 'dist':
            row.append(attempt(lambda: f((a, b), (b, a))))
        else:
            row.append(attempt(lambda: f(a, b)))
    print(name, row)
print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
print(math.hypot(), math.hypot(3), math.hypot(3, 4, 12), math.hypot(1e-320, 1e-320), math.hypot(1e308, 1e308),
      math.hypot(*range(50)), math.hypot(0.1, 0.2, 0.3), math.hypot(inf, nan), math.hypot(nan, 1))
print(math.dist((1, 2, 3), (4, 6, 8)), math.dist([0.5], [1.5]), attempt(lambda: math.dist((1,), (1, 2))))
print(math.fsum([0.1] * 10), math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]),
      math.fsum([]), math.fsum([2.0**53, 1.0, 2.0**-53]), math.fsum(range(100)),
      math.fsum([1e308, 1e308, -1e308]) if False else attempt(lambda: math.fsum([1e308, 1e308, -1e308])),
      attempt(lambda: math.fsum([inf, -inf])), math.fsum([inf, 1.0]), math.fsum([nan, 1.0]),
      math.fsum([0.3] * 3 + [-0.9]), math.fsum([1.0, 1e-16, 1e-16]), attempt(lambda: math.fsum(['a'])))
vals = [1e16, 1.0, -1e16, 3.3, 1e-20, 5e-324, 0.1, 0.7, -0.4]
for k in range(1, len(vals) + 1):
    print(math.fsum(vals[:k]), math.fsum(vals[-k:]))
print(math.gcd(), math.gcd(0), math.gcd(-12), math.gcd(12, 18), math.gcd(2**100, 6**50, 10**30),
      math.gcd(-4, 6, -8), math.lcm(), math.lcm(4, 6), math.lcm(-4, 6), math.lcm(0, 5), math.lcm(2**64, 3**40, 12),
      attempt(lambda: math.gcd(1.5)), attempt(lambda: math.lcm('a')))
print([math.factorial(n) for n in range(15)], math.factorial(50), math.factorial(True),
      attempt(lambda: math.factorial(-1)), attempt(lambda: math.factorial(1.0)),
      attempt(lambda: math.factorial(2**70)), len(str(math.factorial(1000))))
print([math.comb(10, k) for k in range(12)], math.comb(100, 50), math.comb(5, 0), math.comb(2**70, 2),
      attempt(lambda: math.comb(-1, 2)), attempt(lambda: math.comb(5, -2)), attempt(lambda: math.comb(5.0, 2)))
print([math.perm(6, k) for k in range(8)], math.perm(5), math.perm(5, None), math.perm(30, 10),
      attempt(lambda: math.perm(-3)), attempt(lambda: math.perm(3, -1)))
print([math.isqrt(n) for n in [0, 1, 2, 3, 4, 15, 16, 17, 10**20, 2**127, 10**50 + 1]],
      attempt(lambda: math.isqrt(-1)), attempt(lambda: math.isqrt(2.0)), math.isqrt(True))
print(math.prod([1, 2, 3, 4]), math.prod([]), math.prod([2.5, 4]), math.prod(range(1, 30)),
      math.prod([2, 3], start=10), math.prod(['ab'], start=3) if False else math.prod([3], start='ab'))
print(math.log(8, 2), math.log(100, 10), math.log(10**1000), math.log(10**1000, 10), math.log2(2**1000 + 1),
      math.log10(10**500), attempt(lambda: math.log(0)), attempt(lambda: math.log(-1)),
      attempt(lambda: math.log(-(10**400))), attempt(lambda: math.log(2, 1)), attempt(lambda: math.log(1, 0)),
      attempt(lambda: math.log(0.0)), math.log(inf), attempt(lambda: math.log(-inf)), math.log1p(-0.5),
      attempt(lambda: math.log1p(-1)), math.log(True, 2) if False else math.log(2, True + 1))
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1.0, 1.1), math.isclose(1.0, 1.1, rel_tol=0.2),
      math.isclose(0.0, 1e-10, abs_tol=1e-9), math.isclose(inf, inf), math.isclose(inf, -inf),
      math.isclose(nan, nan), attempt(lambda: math.isclose(1, 2, rel_tol=-1)), attempt(lambda: math.isclose(1)))
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5), math.floor(7), math.ceil(2**80), math.trunc(True),
      attempt(lambda: math.floor(inf)), attempt(lambda: math.ceil(nan)), attempt(lambda: math.trunc('x')),
      attempt(lambda: math.floor('x')), math.floor(1e300) == 10**300 // 1 or True, type(math.floor(2.5)).__name__)
class Num:
    def __float__(self):
        return 4.0
    def __floor__(self):
        return 'floor!'
print(math.sqrt(Num()), math.floor(Num()), attempt(lambda: math.sqrt('4')), attempt(lambda: math.sqrt(10**400)),
      attempt(lambda: math.sqrt()), attempt(lambda: math.pow(1)), attempt(lambda: math.ldexp(1.0, 2.0)),
      math.ldexp(1.0, 10**30) if False else attempt(lambda: math.ldexp(1.0, 10**30)), math.ldexp(1.0, -10**30),
      math.ldexp(0.5, 1025) if False else attempt(lambda: math.ldexp(0.5, 1025)), math.ldexp(-0.0, 5))
print(math.frexp(0.0), math.frexp(-8.0), math.frexp(5e-324), math.modf(-3.25), math.modf(inf), math.modf(-inf))
print(math.nextafter(1.0, 2.0), math.nextafter(0.0, -1.0), math.nextafter(1.0, 1.0), math.ulp(0.0), math.ulp(1e308),
      math.ulp(-1.0), math.ulp(1.7976931348623157e308))
print(math.pow(2, 0.5), math.pow(-8, 1 / 3) if False else attempt(lambda: math.pow(-8, 1 / 3)),
      attempt(lambda: math.pow(0.0, -1.0)), attempt(lambda: math.pow(10.0, 400.0)), math.pow(1.0, nan),
      math.pow(nan, 0.0), math.pow(-1.0, inf), math.pow(0.5, -inf), math.pow(-inf, 3), math.pow(-inf, -3))
print(math.copysign(1, -0.0), math.fabs(-3), math.degrees(math.pi), math.radians(180), math.exp(1), math.expm1(1e-10),
      math.erf(0.5), math.erfc(0.5), math.atan2(1, 1), math.cbrt(27), math.cbrt(-8), math.exp2(10))
