import operator
print(operator.add(1, 2), operator.mul(3, 4), operator.itemgetter(1)([5, 6]), operator.attrgetter("real")(3))
print(operator.neg(5), operator.not_(0), operator.contains([1], 1), operator.getitem({"a": 1}, "a"))
print(sorted([(1, "b"), (0, "c")], key=operator.itemgetter(1)), operator.methodcaller("upper")("x"))
print(operator.eq(1, 1), operator.lt(2, 1), operator.index(5), operator.concat([1], [2]))
class V:
    def __init__(self, v): self.v = v
    def __iadd__(self, o): self.v += o; return self
v = V(1)
operator.iadd(v, 5)
print(v.v, operator.truth([]), operator.is_(None, None))
