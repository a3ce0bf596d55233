# Rich comparisons: reflection, NotImplemented, == fallback to identity,
# total ordering by hand, chained comparisons, sorting with __lt__ only,
# and the TypeError messages for unorderable types.

log = []
class C:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return "C%d" % self.v
    def __eq__(self, o):
        log.append(("eq", self, o))
        return self.v == o.v if isinstance(o, C) else NotImplemented
    def __lt__(self, o):
        log.append(("lt", self, o))
        return self.v < o.v if isinstance(o, C) else NotImplemented
    def __gt__(self, o):
        log.append(("gt", self, o))
        return self.v > o.v if isinstance(o, C) else NotImplemented
    __hash__ = None

a, b = C(1), C(2)
print(a < b, a > b, b < a, a == C(1), a != C(1), a != b)
print(log)
log.clear()
try:
    a <= b
except TypeError as e:
    print(type(e).__name__, e)
try:
    a < 1
except TypeError as e:
    print(type(e).__name__, e)
print(log)
print(a == 1, 1 == a, a != "x")

class OnlyLt:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        return self.v < o.v
    def __repr__(self):
        return "L%d" % self.v
items = [OnlyLt(v) for v in (5, 3, 9, 1)]
print(sorted(items), max(items), min(items))
print(OnlyLt(1) > OnlyLt(0))

class Sub(C):
    def __eq__(self, o):
        log.append(("Sub.eq", self, o))
        return "sub-eq"
    def __lt__(self, o):
        return "sub-lt"
    def __gt__(self, o):
        return "sub-gt"
log.clear()
print(C(1) == Sub(1), C(1) < Sub(1), C(1) > Sub(2))
print(log)

class NoEq:
    pass
x = NoEq()
print(x == x, x != x, x == NoEq(), x is x)
print(NotImplemented == NotImplemented)

def attempt(label, f):
    try:
        print(label, f())
    except TypeError as e:
        print(label, type(e).__name__, e)
attempt("int<str", lambda: 1 < "1")
attempt("list<tuple", lambda: [1] < (1,))
attempt("None<None", lambda: None < None)
attempt("dict<dict", lambda: {} < {})
attempt("complex<complex", lambda: 1j < 2j)
attempt("set<set", lambda: {1} < {1, 2})
attempt("obj>=obj", lambda: object() >= object())
attempt("tuple mixed", lambda: (1, "a") < (1, 2))
attempt("tuple ok", lambda: (1, "a") < (2, 1))
attempt("list elem", lambda: [1, 2] < [1, "x"])
attempt("sorted mixed", lambda: sorted([3, "a", 1]))
attempt("max mixed", lambda: max(1, "a"))
attempt("chain", lambda: 1 < 2 < 3 > 2 >= 2 == 2 != 3)
attempt("chain short", lambda: 1 > 2 < "a")
attempt("float nan", lambda: (float("nan") == float("nan"), float("nan") != float("nan")))
nan = float("nan")
attempt("nan identity list", lambda: ([nan] == [nan], nan in [nan]))
attempt("int float", lambda: (1 == 1.0, 2**53 + 1 == float(2**53 + 1), 10**400 > 1e308))
attempt("bool int", lambda: (True == 1, False < 1, True + True))
attempt("str cmp", lambda: ("a" < "b", "abc" < "abd", "Z" < "a", "" < "a", "é" > "z"))
attempt("bytes cmp", lambda: (b"a" < b"b", b"a" == "a"))
attempt("bytes<str", lambda: b"a" < "a")
attempt("list cmp", lambda: ([1, 2] < [1, 2, 0], [2] > [1, 9], [] == []))
attempt("frozenset eq", lambda: (frozenset({1}) == {1}, {1: 2}.keys() == {1}))

class Weird:
    def __eq__(self, o):
        return [1]
    def __bool__(self):
        raise RuntimeError("no bool")
print(Weird() == 1)
print([Weird()] == [Weird()] if False else "skip")
class Bad:
    def __eq__(self, o):
        raise ValueError("eq failed")
try:
    print(Bad() in [1, 2])
except ValueError as e:
    print(type(e).__name__, e)
b1 = Bad()
print(b1 in [b1], [b1] == [b1])
