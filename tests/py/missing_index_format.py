# __missing__ on dict subclasses, __index__ in all the places that need
# an integer, and __format__ with format(), f-strings and str.format.

class Default(dict):
    def __missing__(self, key):
        print("missing", key)
        return key * 2
d = Default(a=1)
print(d["a"], d["bc"], d.get("zz"), "zz" in d, len(d))
print(d.setdefault("q", 5), d)

class Counting(dict):
    def __missing__(self, key):
        self[key] = 0
        return 0
c = Counting()
for w in "a b a c a".split():
    c[w] += 1
print(sorted(c.items()))

class NoMissing(dict):
    pass
try:
    NoMissing()["k"]
except KeyError as e:
    print(type(e).__name__, e)

class Raiser(dict):
    def __missing__(self, key):
        raise LookupError("custom " + key)
try:
    Raiser()["k"]
except LookupError as e:
    print(type(e).__name__, e)
print("{x} and {y}".format_map(Default(x="X")))

class Idx:
    def __init__(self, v):
        self.v = v
    def __index__(self):
        return self.v
i2 = Idx(2)
seq = [10, 20, 30, 40]
print(seq[i2], seq[Idx(-1)], seq[Idx(1):Idx(3)], "abcdef"[i2::i2], (1, 2, 3)[i2])
print(hex(Idx(255)), oct(Idx(8)), bin(Idx(5)), range(Idx(3))[-1], list(range(Idx(1), Idx(7), Idx(2))))
print([0] * Idx(3), "ab" * Idx(2), bytes(Idx(2)), int(Idx(7)) if hasattr(int, "__index__") else 0)
print(operator_index := __import__("operator").index(Idx(9)))
print(round(2.567, Idx(2)), round(1234, Idx(-2)))
seq[Idx(0)] = "first"
del seq[Idx(-1)]
print(seq)
print("%x %d %c" % (Idx(255), Idx(3), Idx(65)))
print(format(Idx(10).__index__(), "b"), chr(Idx(97)))
import struct
print(struct.pack("<h", Idx(7)))
class BadIdx:
    def __index__(self):
        return "no"
one, zero = 1.0, "0"
for f in (lambda: [1][BadIdx()], lambda: [1][one], lambda: "a"[zero], lambda: hex(1.5),
          lambda: range(1.5), lambda: [1, 2][None:1.5]):
    try:
        f()
    except TypeError as e:
        print(type(e).__name__, e)

class Money:
    def __init__(self, cents):
        self.cents = cents
    def __format__(self, spec):
        if spec == "":
            return str(self)
        if spec == "short":
            return "$%d" % (self.cents // 100)
        return format(self.cents / 100, spec)
    def __str__(self):
        return "Money(%d)" % self.cents
m = Money(12345)
print(format(m), format(m, "short"), format(m, ".3f"), f"{m}", f"{m:short}", f"{m:>12.1f}")
print("{0} {0:short} {0:,.2f}".format(m), "{!s:>12}".format(m), "{!r:.5}".format("abcdefgh"))
class NoFormat:
    pass
try:
    format(NoFormat(), "x")
except TypeError as e:
    print(type(e).__name__, e)
print(format(NoFormat(), "") == str(NoFormat()) or True)
class BadFormat:
    def __format__(self, spec):
        return 5
try:
    format(BadFormat())
except TypeError as e:
    print(type(e).__name__, e)
try:
    f"{BadFormat()}"
except TypeError as e:
    print(type(e).__name__, e)
for v, spec in [(3, "x"), ("s", "d"), (1.5, "d"), ([1], "s"), (None, ">5"), (True, "d"), (2, "s")]:
    try:
        print(repr(format(v, spec)))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
