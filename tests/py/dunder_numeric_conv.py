# Conversion and unary dunders: __int__, __float__, __complex__, __index__,
# __bool__, __abs__, __neg__, __pos__, __invert__, __round__, __trunc__,
# __floor__, __ceil__, __bytes__, __str__/__repr__ fallbacks and their
# wrong-return-type errors.
import math

class Num:
    def __init__(self, v):
        self.v = v
    def __int__(self):
        return int(self.v)
    def __float__(self):
        return float(self.v)
    def __complex__(self):
        return complex(self.v, 1)
    def __index__(self):
        return int(self.v)
    def __abs__(self):
        return Num(abs(self.v))
    def __neg__(self):
        return Num(-self.v)
    def __pos__(self):
        return "positive"
    def __invert__(self):
        return "inverted"
    def __round__(self, n=None):
        return ("round", n)
    def __trunc__(self):
        return "trunc"
    def __floor__(self):
        return "floor"
    def __ceil__(self):
        return "ceil"
    def __bytes__(self):
        return b"bytes!"
    def __repr__(self):
        return "Num(%r)" % self.v
n = Num(3.7)
print(int(n), float(n), complex(n), abs(Num(-2)), -n, +n, ~n, round(n), round(n, 2), math.trunc(n), math.floor(n), math.ceil(n), bytes(n))
print(hex(Num(255)), [10, 20, 30][Num(1)], range(Num(3)))
class OnlyIndex:
    def __index__(self):
        return 7
print(int(OnlyIndex()), float(OnlyIndex()) if False else "", complex(OnlyIndex()) if False else "", bin(OnlyIndex()))
class OnlyFloat:
    def __float__(self):
        return 2.5
print(float(OnlyFloat()), complex(OnlyFloat()), math.sqrt(OnlyFloat()), round(2.5))
try:
    int(OnlyFloat())
except TypeError as e:
    print(type(e).__name__, e)
class Bad:
    def __int__(self):
        return "x"
    def __float__(self):
        return 1
    def __complex__(self):
        return 1.5
    def __index__(self):
        return 2.5
    def __str__(self):
        return 5
    def __repr__(self):
        return None
    def __bytes__(self):
        return "s"
    def __abs__(self):
        return "abs is free"
b = Bad()
for f in (int, float, complex, str, repr, bytes, abs, lambda x: [1][x], hex):
    try:
        print(repr(f(b)))
    except TypeError as e:
        print(type(e).__name__, e)
class NoConv:
    pass
for f in (int, float, complex, abs, round, math.floor, lambda x: -x, lambda x: ~x, lambda x: +x, bytes, len, hash if False else iter):
    try:
        print(f(NoConv()))
    except TypeError as e:
        print(type(e).__name__, e)
class StrOnly:
    def __str__(self):
        return "str only"
class ReprOnly:
    def __repr__(self):
        return "repr only"
print(str(StrOnly()), repr(StrOnly())[:10], str(ReprOnly()), repr(ReprOnly()), f"{ReprOnly()}", f"{StrOnly()!s}", "%s|%r" % (ReprOnly(), ReprOnly()))
print(format(ReprOnly()), [ReprOnly()], (StrOnly(),)[0].__str__(), str([StrOnly()])[:9])
