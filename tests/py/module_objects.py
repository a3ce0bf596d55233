import sys
M = type(sys)
m = M("dyn", "the doc")
print(m.__name__, m.__doc__, type(m).__name__, m.__dict__["__name__"])
m.x = 5
print(m.x, "x" in dir(m))
m.__getattr__ = lambda name: "lazy " + name
print(m.anything)
try:
    del m.nothing
except AttributeError as e:
    print(e)
class Sub(M):
    pass
s = Sub("subm")
print(s.__name__, isinstance(s, M))
try:
    M()
except TypeError as e:
    print(e)
print(sys.__name__, sys.modules["sys"] is sys, type(sys.implementation).__name__)
