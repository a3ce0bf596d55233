# C3 linearisation: diamond and complex hierarchies, __mro__/mro(),
# inconsistent orders, duplicate bases, and mro() overridden by a metaclass.

def names(cls):
    return [c.__name__ for c in cls.__mro__]

class O: pass
class A(O): pass
class B(O): pass
class C(O): pass
class D(O): pass
class E(O): pass
class K1(A, B, C): pass
class K2(D, B, E): pass
class K3(D, A): pass
class Z(K1, K2, K3): pass
for k in (K1, K2, K3, Z):
    print(k.__name__, names(k))

class F: pass
class G(F): pass
print(names(G), G.mro() == list(G.__mro__), type(G.__mro__).__name__)

def attempt(label, bases):
    try:
        k = type(label, bases, {})
        print(label, names(k))
    except TypeError as e:
        print(label, type(e).__name__, e)

class X: pass
class Y: pass
class XY(X, Y): pass
class YX(Y, X): pass
attempt("cross", (XY, YX))
attempt("base before derived", (X, XY))
attempt("derived then base", (XY, X))
attempt("dup", (X, X))
attempt("object first", (object, X))
attempt("object last", (X, object))
attempt("int and str", (int, str))
attempt("int and bool", (bool,))
attempt("three", (X, Y, F))

try:
    class Bad(A, K1): pass
except TypeError as e:
    print("Bad", e)

class Reverse(type):
    def mro(cls):
        return [cls] + list(reversed(type.mro(cls)[1:]))
class R1: 
    def who(self): return "R1"
class R2:
    def who(self): return "R2"
class R(R1, R2, metaclass=Reverse):
    pass
print(names(R), R().who())

# super() follows the MRO of the instance's class, not the defining one.
trail = []
class P:
    def go(self):
        trail.append("P")
class Q(P):
    def go(self):
        trail.append("Q")
        super().go()
class S(P):
    def go(self):
        trail.append("S")
        super().go()
class T(Q, S):
    def go(self):
        trail.append("T")
        super().go()
T().go()
print(trail)
trail.clear()
Q().go()
print(trail)

# __bases__ assignment changes the MRO.
class M1:
    def f(self): return "M1"
class M2:
    def f(self): return "M2"
class N(M1): pass
n = N()
print(n.f(), names(N))
N.__bases__ = (M2,)
print(n.f(), names(N), N.__base__.__name__)
try:
    N.__bases__ = ()
except TypeError as e:
    print(type(e).__name__, e)
try:
    N.__bases__ = (N,)
except TypeError as e:
    print(type(e).__name__, e)
print(object.__mro__, type.__mro__, bool.__mro__)
