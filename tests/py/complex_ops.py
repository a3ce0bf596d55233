# complex: construction from strings and pairs, arithmetic including
# division and powers, abs/conjugate, repr of signed zeros/inf/nan,
# formatting, comparisons, and the error messages.
import cmath

for args in [(), (1,), (1, 2), (1.5, -0.0), ("1+2j",), ("  -3.5j ",), ("(1-1j)",), ("inf+nanj",), ("1e3-2.5e-2J",),
             (2j, 3j), (complex(1, 1), 1), ("j",), ("-j",), ("1_0+2_0j",)]:
    print(args, complex(*args))
for bad in [("1+",), ("j1",), ("1 + 2j",), ("1", 2), (1, "2"), ("",), ("1+2i",), ([],), ("((1+2j))",)]:
    try:
        complex(*bad)
    except (ValueError, TypeError) as e:
        print(bad, type(e).__name__, e)
a, b = 3 + 4j, 1 - 2j
print(a + b, a - b, a * b, a / b, a ** 2, a ** 0.5, a ** b, -a, +a, abs(a), a.conjugate(), a.real, a.imag)
print(a == 3 + 4j, a != b, a == complex(3, 4), 1 + 0j == 1, hash(1 + 0j) == hash(1), 2 ** (1 + 1j), (1j) ** 2, 0j ** 0)
print(1j * 1j, (1 + 2j) * 2, 2 * (1 + 2j), (1 + 2j) / 2, 1 / (1 + 1j), (-1) ** 0.5, pow(1j, 3))
for v in [0j, -0j, complex(-0.0, -0.0), complex(0.0, -0.0), 1e300j * 1e10, complex(float("nan"), 1), complex(1, float("inf")),
          1.5 + 2.25j, 1e-20j, -1 - 1j, complex(1e16, 1e-16)]:
    print(repr(v), str(v), format(v, ""), format(v, ".2f"), format(v, "^20.3g"), format(v, "+e"))
for bad in [lambda: (1 + 1j) < (2 + 2j), lambda: 1j // 1, lambda: 1j % 2, lambda: divmod(1j, 1), lambda: (1 + 1j) / 0,
            lambda: int(1j), lambda: float(1j), lambda: 0j ** -1, lambda: format(1j, "d"), lambda: format(1j, "=10"),
            lambda: round(1j), lambda: abs(complex(1e308, 1e308)), lambda: pow(1j, 2, 3)]:
    try:
        print(bad())
    except (TypeError, ZeroDivisionError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
print(cmath.sqrt(-1), cmath.phase(-1), cmath.polar(1j), cmath.rect(1, 0), cmath.isclose(cmath.exp(1j * cmath.pi), -1))
class C:
    def __complex__(self):
        return 2 + 3j
print(complex(C()), complex(1.5), complex(True), complex(10**20), (1 + 2j).__reduce__() if False else "")
class Idx:
    def __index__(self):
        return 4
print(complex(Idx()) if False else complex(4), sum([1j, 2, 3.5]), [1 + 1j] * 2, 1j in [1j], {1j: "k"}[1j])
