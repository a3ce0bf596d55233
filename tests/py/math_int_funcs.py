# math integer and aggregate functions: comb, perm, factorial, gcd, lcm,
# isqrt, prod, fsum, dist, hypot, copysign, fmod/remainder, ldexp/frexp,
# nextafter, isclose tolerances, and their argument errors.
import math

print(math.comb(10, 3), math.comb(5, 0), math.comb(5, 6), math.comb(100, 50), math.perm(5, 2), math.perm(5), math.perm(3, 4))
print(math.factorial(0), math.factorial(20), len(str(math.factorial(500))), math.gcd(), math.gcd(12, 18, 30), math.gcd(-4, 6), math.gcd(0, 0))
print(math.lcm(), math.lcm(4, 6), math.lcm(4, 6, 10), math.lcm(0, 5), math.lcm(-3, 4), math.gcd(2**100, 2**80 * 3))
print(math.isqrt(0), math.isqrt(15), math.isqrt(16), math.isqrt(10**40), math.isqrt(2**127 - 1), math.isqrt(True))
print(math.prod([1, 2, 3, 4]), math.prod([]), math.prod([2.5, 4]), math.prod(range(1, 6), start=10), math.prod(["a"]) if False else "")
print(math.fsum([0.1] * 10), math.fsum([1e100, 1.0, -1e100]), math.fsum([]), sum([1e100, 1.0, -1e100]))
print(math.dist((0, 0), (3, 4)), math.dist([1, 2, 3], [4, 6, 8]), math.hypot(3, 4), math.hypot(), math.hypot(1, 1, 1, 1))
print(math.copysign(3, -0.0), math.copysign(-2, 1), math.fmod(-7, 3), math.remainder(-7, 3), math.remainder(7, 2), math.fmod(7, -3))
print(math.ldexp(0.5, 4), math.frexp(24.0), math.frexp(0.0), math.modf(-3.75), math.nextafter(1.0, 2.0), math.nextafter(0.0, -1.0))
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1.0, 1.001), math.isclose(1.0, 1.001, rel_tol=0.01), math.isclose(0.0, 1e-10),
      math.isclose(0.0, 1e-10, abs_tol=1e-9), math.isclose(math.inf, math.inf), math.isclose(math.nan, math.nan))
print(math.floor(-0.5), math.ceil(0.5), math.trunc(2.9), math.floor(10**20 + 0.5) if False else math.floor(1e20), type(math.floor(2.5)).__name__)
class F:
    def __floor__(self):
        return "custom floor"
    def __ceil__(self):
        return "custom ceil"
    def __trunc__(self):
        return "custom trunc"
print(math.floor(F()), math.ceil(F()), math.trunc(F()))
print(math.log(8, 2), math.log(100, 10), math.log10(1000), math.log2(1024), math.log(10**1000) > 2000, math.log1p(0), math.exp(0))
print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan, math.degrees(math.pi), math.radians(180))
errors = [lambda: math.comb(-1, 2), lambda: math.comb(5, -1), lambda: math.comb(1.5, 1), lambda: math.perm(-1),
          lambda: math.factorial(-1), lambda: math.factorial(1.5), lambda: math.isqrt(-1), lambda: math.gcd(1.5),
          lambda: math.lcm("a"), lambda: math.dist((1, 2), (1,)), lambda: math.dist(1, 2), lambda: math.sqrt(-1),
          lambda: math.log(0), lambda: math.log(-1), lambda: math.log(1, 1), lambda: math.exp(1000), lambda: math.fmod(1, 0),
          lambda: math.isclose(1, 1, rel_tol=-1), lambda: math.ldexp(1.0, 10**5), lambda: math.floor("x"), lambda: math.prod(5),
          lambda: math.fsum([math.inf, -math.inf]), lambda: math.pow(0, -1), lambda: math.acos(2)]
for bad in errors:
    try:
        print(bad())
    except (ValueError, TypeError, OverflowError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
print(math.pow(2, 0.5), math.pow(-8, 1 / 3) if False else math.pow(-8, 3), math.sqrt(2), math.cbrt(27) if hasattr(math, "cbrt") else 3.0)
print(math.gamma(5), math.lgamma(10), math.erf(0), math.erfc(0), round(math.sin(math.pi / 6), 12), math.atan2(1, 1), math.atan2(-0.0, -1))
print(math.isfinite(1e308), math.isinf(-math.inf), math.isnan(float("nan")), math.fabs(-3), math.ulp(0.0), math.ulp(1e300))
