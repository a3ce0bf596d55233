def f(a, b=2, *, c):
    pass
def g(a, /, b):
    pass
def h(a, b):
    pass
def k(**kw):
    pass
def m():
    pass
cases = [
    lambda: f(),
    lambda: f(1),
    lambda: f(1, 2, 3, c=1),
    lambda: f(1, c=1, d=2),
    lambda: f(1, a=2, c=3),
    lambda: g(a=1, b=2),
    lambda: h(1),
    lambda: h(),
    lambda: h(1, 2, 3),
    lambda: m(1),
    lambda: m(x=1),
    lambda: k(1),
    lambda: h(1, **{"b": 2, "a": 3}),
    lambda: h(*1),
    lambda: h(**1),
    lambda: h(1, **{1: 2}),
    lambda: f(1, **{"c": 1}, c=2),
    lambda: (lambda x, y, z: 0)(),
    lambda: (lambda *, x, y: 0)(),
    lambda: (lambda a, b=1, *, c: 0)(1, 2, 3, 4),
]
for c in cases:
    try:
        c()
    except TypeError as e:
        print(e)
class K:
    def meth(self, x):
        pass
try:
    K().meth()
except TypeError as e:
    print(e)
try:
    K().meth(1, 2)
except TypeError as e:
    print(e)
try:
    K.meth()
except TypeError as e:
    print(e)
