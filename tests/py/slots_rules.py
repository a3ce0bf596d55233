# __slots__: layouts, inheritance, conflicts with class variables, __dict__
# and __weakref__ slots, duplicates, errors on missing attributes.
import weakref

class A:
    __slots__ = ("x", "y")
a = A()
a.x = 1
print(a.x, hasattr(a, "y"), hasattr(a, "__dict__"), hasattr(a, "__weakref__"))
for name in ("y", "z"):
    try:
        getattr(a, name)
    except AttributeError as e:
        print(type(e).__name__, e)
try:
    a.z = 3
except AttributeError as e:
    print(type(e).__name__, e)
try:
    del a.y
except AttributeError as e:
    print(type(e).__name__, e)
try:
    weakref.ref(a)
except TypeError as e:
    print(type(e).__name__, e)
print(type(A.x).__name__, repr(A.x), A.x.__name__, A.x.__objclass__ is A)
print(A.x.__get__(a), A.__slots__)
A.x.__set__(a, 99)
print(a.x)

class B(A):
    __slots__ = ("z",)
b = B()
b.x, b.y, b.z = 1, 2, 3
print(b.x, b.y, b.z, hasattr(b, "__dict__"))

class WithDict(A):
    pass
w = WithDict()
w.anything = 5
print(w.__dict__, hasattr(w, "__weakref__"))

class Both:
    __slots__ = ("__dict__", "__weakref__", "v")
bo = Both()
bo.v = 1
bo.other = 2
print(bo.__dict__, weakref.ref(bo)() is bo)

for spec, base in [(("a", "a"), object), ("single", object), (["l1", "l2"], object),
                   ((), object), (iter(["it"]), object)]:
    K = type("K", (base,), {"__slots__": spec})
    print(sorted(k for k in K.__dict__ if not k.startswith("__")))

def attempt(label, make):
    try:
        make()
        print(label, "ok")
    except Exception as e:
        print(label, type(e).__name__, e)

attempt("conflict", lambda: type("C1", (), {"__slots__": ("x",), "x": 1}))
attempt("two dicts", lambda: type("C2", (), {"__slots__": ("__dict__", "__dict__")}))
attempt("dict again", lambda: type("C3", (WithDict,), {"__slots__": ("__dict__",)}))
attempt("weakref again", lambda: type("C4", (Both,), {"__slots__": ("__weakref__",)}))
attempt("non str", lambda: type("C5", (), {"__slots__": (1,)}))
attempt("not identifier", lambda: type("C6", (), {"__slots__": ("1a",)}))
attempt("int subclass slots", lambda: type("C7", (int,), {"__slots__": ("q",)}))
attempt("empty ok int", lambda: type("C8", (int,), {"__slots__": ()}))
attempt("redeclare base", lambda: type("C9", (A,), {"__slots__": ("x",)}))

class P1:
    __slots__ = ("a",)
class P2:
    __slots__ = ("b",)
attempt("layout", lambda: type("Mix", (P1, P2), {}))
class E1:
    __slots__ = ()
class E2:
    __slots__ = ()
attempt("empty mix", lambda: type("Mix2", (E1, E2), {}))
print(hasattr(type("Mix3", (E1, E2), {})(), "__dict__"))

# Private names are mangled.
class Priv:
    __slots__ = ("__secret", "_open")
    def __init__(self):
        self.__secret = "s"
    def get(self):
        return self.__secret
p = Priv()
print(p.get(), sorted(k for k in Priv.__dict__ if "secret" in k or "open" in k))

# Slots and class attributes via the metaclass-created type.
class Pt:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return "Pt(%r, %r)" % (self.x, self.y)
    def __eq__(self, other):
        return (self.x, self.y) == (other.x, other.y)
pts = [Pt(i, i * i) for i in range(4)]
print(pts, Pt(1, 1) == Pt(1, 1))
try:
    vars(pts[0])
except TypeError as e:
    print(type(e).__name__, e)
print(sorted(dir(pts[0]))[-3:])
