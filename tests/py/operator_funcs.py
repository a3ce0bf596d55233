# operator: function forms of every operator, itemgetter/attrgetter/
# methodcaller (multiple items, dotted names), in-place variants,
# length_hint, index, concat, and their errors.
import operator as op

print(op.add(1, 2), op.sub(5, 3), op.mul("a", 3), op.truediv(7, 2), op.floordiv(7, 2), op.mod(7, 3), op.pow(2, 5))
print(op.neg(5), op.pos(-5), op.abs(-3), op.invert(5), op.lshift(1, 4), op.rshift(64, 2), op.and_(12, 10), op.or_(12, 10), op.xor(12, 10))
print(op.lt(1, 2), op.le(2, 2), op.eq(1, 1.0), op.ne("a", "a"), op.gt(3, 2), op.ge(1, 2), op.not_(0), op.truth([]), op.is_(None, None), op.is_not(1, None))
print(op.concat([1], [2]), op.contains("abc", "b"), op.countOf([1, 2, 1], 1), op.indexOf("abc", "c"), op.matmul.__name__)
l = [1, 2, 3]
op.setitem(l, 0, 9)
op.delitem(l, 1)
print(l, op.getitem(l, -1), op.getitem("abcdef", slice(1, 4)))
x = [1]
print(op.iadd(x, [2]) is x, x, op.iadd(1, 2), op.imul("ab", 2), op.iconcat([1], (2,)), op.ior({1}, {2}))
print(op.itemgetter(1)("abc"), op.itemgetter(0, 2)("abc"), op.itemgetter("k")({"k": "v"}), op.itemgetter(slice(2))([1, 2, 3]))
class P:
    def __init__(self):
        self.name = "n"
        self.child = type("C", (), {"val": 42})()
    def greet(self, who, punct="!"):
        return "hi " + who + punct
obj = P()
print(op.attrgetter("name")(obj), op.attrgetter("name", "child.val")(obj), op.attrgetter("child.val")(obj))
print(op.methodcaller("greet", "bob")(obj), op.methodcaller("greet", "al", punct="?")(obj), op.methodcaller("upper")("x"))
print(repr(op.itemgetter(1, 2)), repr(op.attrgetter("a.b")), repr(op.methodcaller("m", 1, k=2)))
data = [("b", 2), ("a", 2), ("c", 1)]
print(sorted(data, key=op.itemgetter(1, 0)), max(data, key=op.itemgetter(1)), list(map(op.itemgetter(0), data)))
print(op.length_hint([1, 2]), op.length_hint(iter(range(5))), op.length_hint(object(), 7), op.index(5))
class Hint:
    def __length_hint__(self):
        return 11
print(op.length_hint(Hint()))
for bad in (lambda: op.itemgetter(5)([1]), lambda: op.attrgetter("zz")(obj), lambda: op.attrgetter(5),
            lambda: op.concat(1, 2), lambda: op.add(1, "a"), lambda: op.indexOf([1], 2),
            lambda: op.length_hint(5, "x")):
    try:
        print(bad())
    except (IndexError, AttributeError, TypeError, ValueError) as e:
        print(type(e).__name__, e)
from functools import reduce
print(reduce(op.mul, range(1, 6)), list(map(op.add, [1, 2], [10, 20])), list(map(op.neg, [1, -2])))
print(op.__lt__(1, 2), op.__add__("a", "b"), op.__getitem__([5], 0), op.call(len, "abc") if hasattr(op, "call") else "no call")
