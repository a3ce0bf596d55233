class A:
    def who(self):
        return "A"
class B(A):
    def who(self):
        return "B" + super().who()
class C(A):
    def who(self):
        return "C" + super().who()
class D(B, C):
    def who(self):
        return "D" + super().who()
print(D().who(), [k.__name__ for k in D.__mro__], D.mro() == list(D.__mro__))
print(issubclass(D, A), issubclass(A, D), issubclass(D, (int, C)), isinstance(D(), (B, int)))
class X: pass
class Y: pass
class AX(X, Y): pass
class BX(Y, X): pass
try:
    class Bad(AX, BX): pass
except TypeError as e:
    print(e)
try:
    class Dup(X, X): pass
except TypeError as e:
    print(e)
class Base:
    def __init__(self):
        self.log = ["Base"]
class Derived(Base):
    def __init__(self):
        super().__init__()
        self.log.append("Derived")
print(Derived().log, Derived.__base__.__name__, Derived.__subclasses__(), Base.__subclasses__())
