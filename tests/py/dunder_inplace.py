class Acc:
    def __init__(self): self.items = []
    def __iadd__(self, o):
        self.items.append(o)
        return self
    def __repr__(self): return f"Acc{self.items}"
a = Acc()
b = a
a += 1
a += 2
print(a, a is b)
class OnlyAdd:
    def __init__(self, v): self.v = v
    def __add__(self, o): return OnlyAdd(self.v + o)
x = OnlyAdd(1)
y = x
x += 5
print(x.v, y.v, x is y)
class AllInplace:
    def __init__(self): self.log = []
    def __isub__(self, o): self.log.append("isub"); return self
    def __imul__(self, o): self.log.append("imul"); return self
    def __itruediv__(self, o): self.log.append("itruediv"); return self
    def __ifloordiv__(self, o): self.log.append("ifloordiv"); return self
    def __imod__(self, o): self.log.append("imod"); return self
    def __ipow__(self, o): self.log.append("ipow"); return self
    def __ilshift__(self, o): self.log.append("ilshift"); return self
    def __irshift__(self, o): self.log.append("irshift"); return self
    def __iand__(self, o): self.log.append("iand"); return self
    def __ior__(self, o): self.log.append("ior"); return self
    def __ixor__(self, o): self.log.append("ixor"); return self
    def __imatmul__(self, o): self.log.append("imatmul"); return self
z = AllInplace()
z -= 1; z *= 1; z /= 1; z //= 1; z %= 1; z **= 1; z <<= 1; z >>= 1; z &= 1; z |= 1; z ^= 1; z @= 1
print(z.log)
l = [1]
l2 = l
l += [2]
t = (1,)
t2 = t
t += (2,)
print(l is l2, t is t2, l, t)
class NI:
    def __iadd__(self, o): return NotImplemented
    def __radd__(self, o): return "radd"
n = 1
n += NI()
print(n)
try:
    q = object()
    q += 1
except TypeError as e:
    print(e)
