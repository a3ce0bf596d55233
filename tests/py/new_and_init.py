class A:
    def __new__(cls, *args):
        print("new", cls.__name__, args)
        return super().__new__(cls)
    def __init__(self, x):
        print("init", x)
        self.x = x
a = A(5)
print(a.x)
class B:
    def __new__(cls):
        return 42
    def __init__(self):
        print("never")
print(B())
class C:
    def __init__(self):
        return 5
try:
    C()
except TypeError as e:
    print(e)
try:
    object(1)
except TypeError as e:
    print(e)
class D:
    pass
try:
    D(1, 2)
except TypeError as e:
    print(e)
class E:
    def __init__(self):
        pass
try:
    E(1)
except TypeError as e:
    print(e)
class F:
    def __new__(cls, v):
        o = object.__new__(cls)
        o.v = v
        return o
print(F(3).v)
try:
    object.__new__(int)
except TypeError as e:
    print(e)
try:
    int.__new__(str)
except TypeError as e:
    print(e)
class G(int):
    pass
o = object.__new__(A)
print(type(o).__name__, hasattr(o, "x"))
