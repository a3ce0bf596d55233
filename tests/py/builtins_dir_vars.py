class A:
    cls_attr = 1
    def method(self): pass
a = A()
a.inst = 2
d = dir(a)
print("cls_attr" in d, "method" in d, "inst" in d, "__init__" in d, d == sorted(d))
print(vars(a), sorted(k for k in vars(A) if not k.startswith("_")))
import math
print("sqrt" in dir(math), "pi" in vars(math))
def f():
    x = 1
    y = 2
    return sorted(dir()), sorted(vars().keys()) if False else sorted(locals())
print(f())
try:
    vars(5)
except TypeError as e:
    print(e)
print("append" in dir([]), "__len__" in dir([]), "real" in dir(5))
print([n for n in dir() if not n.startswith("__")])
class WithDir:
    def __dir__(self): return ["z", "a", "m"]
print(dir(WithDir()))
