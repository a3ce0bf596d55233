# Binary operators: reflected methods, NotImplemented handling, subclass
# priority for reflected operators, in-place fallbacks, error messages.

class V:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return "V(%r)" % (self.v,)
    def __add__(self, o):
        print("V.__add__", o)
        if isinstance(o, V):
            return V(self.v + o.v)
        if isinstance(o, int):
            return V(self.v + o)
        return NotImplemented
    def __radd__(self, o):
        print("V.__radd__", o)
        if isinstance(o, int):
            return V(o + self.v)
        return NotImplemented
    def __sub__(self, o):
        return V(self.v - (o.v if isinstance(o, V) else o))
    def __rsub__(self, o):
        return V(o - self.v)
    def __mul__(self, o):
        return NotImplemented
    def __matmul__(self, o):
        return "matmul"
    def __rmatmul__(self, o):
        return "rmatmul"
    def __pow__(self, o, mod=None):
        return ("pow", o, mod)
    def __rpow__(self, o):
        return ("rpow", o)
    def __truediv__(self, o): return "truediv"
    def __rfloordiv__(self, o): return "rfloordiv"
    def __mod__(self, o): return "mod"
    def __rlshift__(self, o): return "rlshift"
    def __and__(self, o): return "and"
    def __ror__(self, o): return "ror"
    def __xor__(self, o): return "xor"
    def __rxor__(self, o): return "rxor"
    def __divmod__(self, o): return "divmod"
    def __rdivmod__(self, o): return "rdivmod"

print(V(1) + V(2))
print(V(1) + 5)
print(5 + V(1))
print(V(1) - 3, 10 - V(1))
print(V(2) @ 3, 3 @ V(2), V(2) ** 3, 2 ** V(3), pow(V(1), 2, 5))
print(V(1) / 2, 7 // V(1), V(1) % 2, 1 << V(1), V(1) & 1, 1 | V(1), V(1) ^ 1, 1 ^ V(1))
print(divmod(V(1), 2), divmod(2, V(1)))

def attempt(label, f):
    try:
        print(label, f())
    except TypeError as e:
        print(label, type(e).__name__, e)

attempt("add str", lambda: V(1) + "s")
attempt("mul", lambda: V(1) * 2)
attempt("rmul", lambda: 2 * V(1))
attempt("int+str", lambda: 1 + "a")
attempt("str+int", lambda: "a" + 1)
attempt("list+tuple", lambda: [1] + (2,))
attempt("None-1", lambda: None - 1)
attempt("dict|list", lambda: {} | [])
attempt("str*float", lambda: "a" * 2.0)
attempt("neg str", lambda: -"a")
attempt("invert float", lambda: ~1.5)
attempt("pos list", lambda: +[1])
attempt("lshift float", lambda: 1 << 1.0)
attempt("pow 3 args", lambda: pow(2.0, 3, 5))
attempt("matmul ints", lambda: 1 @ 2)
attempt("lt mixed", lambda: 1 < "a")
attempt("ge none", lambda: None >= None)

# A subclass's reflected method is tried first.
class W(V):
    def __radd__(self, o):
        print("W.__radd__", o)
        return "W wins"
print(V(1) + W(2))
class W2(V):
    pass
print(V(1) + W2(2))

# In-place operators fall back to the binary ones.
class Acc:
    def __init__(self):
        self.items = []
    def __iadd__(self, o):
        self.items.append(o)
        return self
    def __add__(self, o):
        return "plain add"
    def __isub__(self, o):
        return NotImplemented
    def __sub__(self, o):
        return "sub fallback"
a = Acc()
b = a
a += 1
a += 2
print(a is b, a.items)
a -= 1
print(a)
x = V(3)
x += 4
print(x)
x *= 1 if False else 1 and V(0) is None or 1
lst = [1]
lst2 = lst
lst += (2, 3)
print(lst is lst2, lst)
t = (1,)
t2 = t
t += (2,)
print(t is t2, t)
try:
    t += [3]
except TypeError as e:
    print(type(e).__name__, e)
s = "a"
s *= 3
print(s)
try:
    n = None
    n += 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    q = [1]
    q -= [1]
except TypeError as e:
    print(type(e).__name__, e)
try:
    q = {1}
    q += {2}
except TypeError as e:
    print(type(e).__name__, e)
q = {1, 2}
q |= {3}
q &= {2, 3}
q ^= {4}
q -= {2}
print(sorted(q))
d = {"a": 1}
d |= {"b": 2}
d |= [("c", 3)]
print(d)
