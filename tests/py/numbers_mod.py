# numbers: the numeric tower ABCs for builtin types, registering a class,
# implementing Integral by subclassing (mixin methods), and Complex/Real
# abstract method lists.
import numbers
from fractions import Fraction
from decimal import Decimal

values = [1, True, 2.5, 3j, Fraction(1, 3), Decimal("1.5"), "s", None]
for v in values:
    print(type(v).__name__, [isinstance(v, c) for c in
                             (numbers.Number, numbers.Complex, numbers.Real, numbers.Rational, numbers.Integral)])
print(issubclass(int, numbers.Integral), issubclass(float, numbers.Rational), issubclass(complex, numbers.Real))
print(sorted(numbers.Integral.__abstractmethods__)[:8])
print(sorted(numbers.Complex.__abstractmethods__))

class MyInt(numbers.Integral):
    def __init__(self, v):
        self.v = int(v)
    def __int__(self):
        return self.v
    def __index__(self):
        return self.v
    def __repr__(self):
        return "MyInt(%d)" % self.v
    def _w(op):
        def f(self, *others):
            return MyInt(op(self.v, *[int(o) for o in others]))
        return f
    import operator as _op
    __add__ = _w(_op.add); __radd__ = _w(lambda a, b: b + a)
    __sub__ = _w(_op.sub); __rsub__ = _w(lambda a, b: b - a)
    __mul__ = _w(_op.mul); __rmul__ = _w(lambda a, b: b * a)
    __truediv__ = lambda self, o: self.v / int(o)
    __rtruediv__ = lambda self, o: int(o) / self.v
    __floordiv__ = _w(_op.floordiv); __rfloordiv__ = _w(lambda a, b: b // a)
    __mod__ = _w(_op.mod); __rmod__ = _w(lambda a, b: b % a)
    __pow__ = lambda self, e, m=None: MyInt(pow(self.v, int(e), m))
    __rpow__ = _w(lambda a, b: b ** a)
    __lshift__ = _w(_op.lshift); __rlshift__ = _w(lambda a, b: b << a)
    __rshift__ = _w(_op.rshift); __rrshift__ = _w(lambda a, b: b >> a)
    __and__ = _w(_op.and_); __rand__ = _w(lambda a, b: b & a)
    __or__ = _w(_op.or_); __ror__ = _w(lambda a, b: b | a)
    __xor__ = _w(_op.xor); __rxor__ = _w(lambda a, b: b ^ a)
    __neg__ = _w(_op.neg); __pos__ = _w(_op.pos); __abs__ = _w(abs); __invert__ = _w(_op.invert)
    __lt__ = lambda self, o: self.v < int(o)
    __le__ = lambda self, o: self.v <= int(o)
    __eq__ = lambda self, o: self.v == int(o)
    __hash__ = lambda self: hash(self.v)
    __trunc__ = lambda self: self.v
    __floor__ = lambda self: self.v
    __ceil__ = lambda self: self.v
    __round__ = lambda self, n=None: self.v
    del _w, _op
m = MyInt(7)
print(m + 1, 2 * m, m // 2, m % 4, -m, m ** 2, float(m), m.numerator, m.denominator, complex(m), m.real, m.imag)
print(m.conjugate(), isinstance(m, numbers.Rational), [10, 20, 30, 40, 50, 60, 70, 80][m], hex(m), m > 3)
try:
    numbers.Integral()
except TypeError as e:
    print(type(e).__name__, e)
class Registered:
    pass
numbers.Real.register(Registered)
print(isinstance(Registered(), numbers.Complex), isinstance(Registered(), numbers.Rational))
print(Fraction(3, 4).numerator, (2.5).as_integer_ratio(), (5).numerator, (5).denominator, (3j).real)
print(numbers.Number.__hash__, hash(Fraction(1, 2)) == hash(0.5), hash(Decimal("0.5")) == hash(0.5))
