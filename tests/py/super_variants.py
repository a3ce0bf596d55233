class A:
    def f(self):
        return "A.f"
    @classmethod
    def c(cls):
        return "A.c " + cls.__name__
    @staticmethod
    def s():
        return "A.s"
class B(A):
    def f(self):
        return "B>" + super(B, self).f()
    @classmethod
    def c(cls):
        return "B>" + super().c()
    def g(self):
        return super().s()
b = B()
print(b.f(), B.c(), b.c(), b.g(), super(B, b).f())
sp = super(B, b)
print(type(sp).__name__, sp.__thisclass__.__name__, sp.__self__ is b)
try:
    super(int, b)
except TypeError as e:
    print(e)
class C(B):
    def f(self):
        return "C>" + super().f()
print(C().f())
def no_class():
    super()
try:
    no_class()
except RuntimeError as e:
    print(e)
class D:
    def __init__(self):
        super().__init__()
print(type(D()).__name__)
