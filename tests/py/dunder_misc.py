class O:
    def __init__(self, v): self.v = v
    def __repr__(self): return "O-repr"
    def __str__(self): return "O-str"
    def __hash__(self): return self.v
    def __eq__(self, o): return isinstance(o, O) and o.v == self.v
    def __call__(self, *a, **k): return ("called", a, k)
    def __bool__(self): return self.v != 0
    def __format__(self, spec): return "fmt:" + spec
    def __round__(self, n=None): return ("round", n)
    def __trunc__(self): return 99
    def __floor__(self): return 1
    def __ceil__(self): return 2
    def __enter__(self): return self
    def __exit__(self, *a): return False
    def __dir__(self): return ["b", "a"]
    def __sizeof__(self): return 123
o = O(5)
print(repr(o), str(o), o, [o], hash(o), o(1, k=2), bool(O(0)), f"{o:xy}", round(o), round(o, 2))
import math
print(math.trunc(o), math.floor(o), math.ceil(o), dir(o), {o: 1}[O(5)], callable(o), callable(O), callable(3))
class NoStr:
    def __repr__(self): return "only repr"
print(str(NoStr()), "%s" % NoStr(), f"{NoStr()}")
class BadRepr:
    def __repr__(self): return 5
try:
    repr(BadRepr())
except TypeError as e:
    print(e)
class BadHash:
    def __hash__(self): return "x"
try:
    hash(BadHash())
except TypeError as e:
    print(e)
class BigHash:
    def __hash__(self): return 2 ** 100
print(hash(BigHash()) == hash(2 ** 100))
try:
    three = 3
    three()
except TypeError as e:
    print(e)
