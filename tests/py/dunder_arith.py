class V:
    def __init__(self, v): self.v = v
    def __repr__(self): return f"V({self.v})"
    def __add__(self, o): return V(self.v + (o.v if isinstance(o, V) else o))
    def __radd__(self, o): return V(o + self.v)
    def __sub__(self, o): return V(self.v - o)
    def __rsub__(self, o): return V(o - self.v)
    def __mul__(self, o): return V(self.v * o)
    def __rmul__(self, o): return V(o * self.v)
    def __truediv__(self, o): return V(self.v / o)
    def __floordiv__(self, o): return V(self.v // o)
    def __mod__(self, o): return V(self.v % o)
    def __pow__(self, o, m=None): return V(pow(self.v, o, m))
    def __rpow__(self, o): return V(o ** self.v)
    def __matmul__(self, o): return "matmul"
    def __lshift__(self, o): return V(self.v << o)
    def __rshift__(self, o): return V(self.v >> o)
    def __and__(self, o): return V(self.v & o)
    def __or__(self, o): return V(self.v | o)
    def __xor__(self, o): return V(self.v ^ o)
    def __neg__(self): return V(-self.v)
    def __pos__(self): return V(+self.v)
    def __invert__(self): return V(~self.v)
    def __abs__(self): return V(abs(self.v))
    def __divmod__(self, o): return (self // o, self % o)
    def __int__(self): return int(self.v)
    def __float__(self): return float(self.v)
    def __index__(self): return int(self.v)
a = V(7)
print(a + 1, 1 + a, a + a, a - 2, 10 - a, a * 3, 3 * a, a / 2, a // 2, a % 4, a ** 2, 2 ** a, pow(a, 2, 5))
print(a @ a, a << 2, a >> 1, a & 3, a | 8, a ^ 1, -a, +a, ~a, abs(V(-3)), divmod(a, 2))
print(int(a), float(a), [0, 1, 2, 3, 4, 5, 6, 7, 8][a], hex(a), bin(V(5)), "ab"[V(1)])
try:
    a - "x"
except TypeError as e:
    print(e)
try:
    "x" @ a
except TypeError as e:
    print(e)
try:
    -object()
except TypeError as e:
    print(e)
try:
    object() + 1
except TypeError as e:
    print(e)
try:
    [] * 2.5
except TypeError as e:
    print(e)
