# __hash__ and __eq__: inheritance rules, __hash__ = None, unhashable
# errors, hash of numbers across types, dict/set behaviour with custom keys.

class Plain:
    pass
p = Plain()
print(hash(p) == hash(p), Plain.__hash__ is object.__hash__)

class EqOnly:
    def __eq__(self, o):
        return True
print(EqOnly.__hash__)
try:
    hash(EqOnly())
except TypeError as e:
    print(type(e).__name__, e)
try:
    {EqOnly(): 1}
except TypeError as e:
    print(type(e).__name__, e)
try:
    {EqOnly()}
except TypeError as e:
    print(type(e).__name__, e)

class EqAndHash:
    def __init__(self, k):
        self.k = k
    def __eq__(self, o):
        return isinstance(o, EqAndHash) and self.k == o.k
    def __hash__(self):
        return hash(self.k)
d = {EqAndHash(1): "one", EqAndHash(2): "two"}
print(d[EqAndHash(1)], EqAndHash(3) in d, len({EqAndHash(1), EqAndHash(1)}))

class Child(EqAndHash):
    def __eq__(self, o):
        return False
print(Child.__hash__)
class Child2(EqAndHash):
    pass
print(Child2.__hash__ is EqAndHash.__hash__, hash(Child2(5)) == hash(5))

class Unhash:
    __hash__ = None
try:
    hash(Unhash())
except TypeError as e:
    print(type(e).__name__, e)
import collections.abc
print(isinstance(Unhash(), collections.abc.Hashable), isinstance(Plain(), collections.abc.Hashable))

for v in ([], {}, set(), bytearray(), [1, [2]]):
    try:
        hash(v)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    hash((1, [2]))
except TypeError as e:
    print(type(e).__name__, e)
try:
    frozenset([[1]])
except TypeError as e:
    print(type(e).__name__, e)
try:
    {}[[1]]
except TypeError as e:
    print(type(e).__name__, e)

# Numbers that are equal hash equally.
vals = [0, 0.0, -0.0, False, 0j, 1, 1.0, True, 1 + 0j, 2**61 - 1, 2**61, -1, -2, 0.5, 1e100,
        10**100, -(2**64), 3.25]
for v in vals:
    print(repr(v), hash(v))
from fractions import Fraction
print(hash(Fraction(1, 2)) == hash(0.5))
print(hash(float("inf")), hash(float("-inf")), hash(-1) == hash(-2))
print(hash(()), hash((1, 2)), hash((1, (2, 3))), hash(frozenset()) , hash(None) == hash(None))
print(hash("") , hash(b"") , hash("abc") == hash("abc"), hash(b"abc") == hash(b"abc"))
print(len({1, 1.0, True}), {1: "a", 1.0: "b", True: "c"})
print(hash(range(3)) == hash(range(3)), hash(slice(1, 2)) if False else "slice")

# __hash__ returning non-int, or a huge int.
class BadHash:
    def __hash__(self):
        return "nope"
try:
    hash(BadHash())
except TypeError as e:
    print(type(e).__name__, e)
class BigHash:
    def __hash__(self):
        return 2**100
print(hash(BigHash()) == hash(2**100))
class BoolHash:
    def __hash__(self):
        return True
print(hash(BoolHash()))

# Mutating a key's hash after insertion.
class Mut:
    def __init__(self, h):
        self.h = h
    def __hash__(self):
        return self.h
    def __eq__(self, o):
        return self is o
m = Mut(1)
s = {m}
m.h = 2
print(m in s, m in list(s))
