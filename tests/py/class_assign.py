class A:
    def who(self): return "A"
class B:
    def who(self): return "B"
a = A()
print(a.who())
a.__class__ = B
print(a.who(), type(a).__name__, isinstance(a, B))
try:
    a.__class__ = int
except TypeError as e:
    print(e)
try:
    (1).__class__ = bool
except TypeError as e:
    print(e)
class S1:
    __slots__ = ("a",)
class S2:
    __slots__ = ("b",)
s = S1()
try:
    s.__class__ = S2
except TypeError as e:
    print(e)
