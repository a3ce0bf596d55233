# repr/str/ascii of nested and recursive containers, repr of special float
# values inside containers, ascii() escapes, chr/ord/hash errors, format()
# builtin fallbacks, id/hash consistency, and object() basics.
a = [1, "two", 3.0, None, True, (4,), {"k": [5]}, {6}, frozenset(), b"7", bytearray(b"8"), 9j, range(2), ..., NotImplemented]
print(repr(a))
print(str(a) == repr(a), str(tuple(a[:3])), repr(set()), repr(frozenset({1})), repr({1: {2: {3: {}}}}))
rec = [1]
rec.append(rec)
d = {"self": None}
d["self"] = d
d["list"] = rec
print(rec, d, repr([rec, rec]))
t = (rec,)
print(t, str([d]))
s = {"x": []}
s["x"].append(s)
print(s)
import collections
od = collections.OrderedDict(a=1)
od["me"] = od
print(od)
dq = collections.deque([1])
dq.append(dq)
print(dq)
print([float("inf"), float("-inf"), float("nan"), -0.0, 1e16, 1.5e-10, 123456789012345678.0])
print(ascii("héllo wörld"), ascii("\x00\n\t'\""), ascii("日本"), ascii("\U0001f600"), ascii(["é", b"\xff"]), ascii(5))
print(repr("it's"), repr('say "hi"'), repr("both ' and \""), repr("\\"), repr("\x7f\x80\u00a0\u200b"), repr("\ud800"))
print(chr(0), repr(chr(0x10FFFF)), ord("a"), ord("€"), ord("\U0001f600"), ord(b"a"), ord(bytearray(b"z")))
for bad in [lambda: chr(-1), lambda: chr(0x110000), lambda: chr(1.5), lambda: chr("a"), lambda: ord(""), lambda: ord("ab"),
            lambda: ord(b""), lambda: ord(5), lambda: hash([]), lambda: hash({}), lambda: id(), lambda: ascii()]:
    try:
        print(bad())
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__, e)
o = object()
print(type(o).__name__, o == o, o != object(), hash(o) == hash(o), id(o) == id(o), repr(o).startswith("<object object at 0x"))
try:
    o.x = 1
except AttributeError as e:
    print(type(e).__name__, e)
try:
    object(1)
except TypeError as e:
    print(type(e).__name__, e)
print(format(123), format(1.5), format("s"), format([1]), format(None), format(True), format(1 + 1j), format(b"x"))
print(format(5, ""), format(5, "03"), format("x", "^5"), format(2.5, "e"), format(7, "b"))
class Obj:
    pass
ob = Obj()
print(format(ob, "") == str(ob))
try:
    format(Obj(), "x")
except TypeError as e:
    print(type(e).__name__, e)
class R:
    def __repr__(self):
        return "R()"
print(str(R()), [R()], {R(): R()} if False else {1: R()}, (R(),), {R()} if False else "", f"{R()!r}", "%r" % R())
class Long:
    def __repr__(self):
        return "L" * 3
print([Long()] * 3, dict.fromkeys("ab", Long()))
print(repr(1_000_000), repr(0x10), repr(0o17), repr(0b11), repr(1e3), repr(1E-3), repr(.5), repr(5.), repr(1_0.0_1))
print(repr(-0), repr(+5), repr(- -3), repr(2**64), repr(-2**63), repr(True + 0), repr(int), repr(len), repr(None.__class__))
print(repr(type), repr(object), repr(Exception), repr(ValueError("x")), repr(KeyError(1, 2)), repr(StopIteration()))
