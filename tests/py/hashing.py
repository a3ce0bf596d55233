print(hash(1) == hash(1.0) == hash(True), hash("a") == hash("a"), hash((1, 2)) == hash((1, 2)))
print(hash(-1), hash(-2), hash(0), hash(2 ** 61 - 1), hash(2 ** 61), hash(1.5), hash(-0.0))
class C:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __hash__(self): return hash(self.v)
s = {C(1), C(1), C(2)}
print(len(s))
class NoHash:
    def __eq__(self, o): return True
try:
    {NoHash()}
except TypeError as e:
    print(e)
try:
    hash([])
except TypeError as e:
    print(e)
try:
    hash({})
except TypeError as e:
    print(e)
print(hash(frozenset([1, 2])) == hash(frozenset([2, 1])), type(hash("x")).__name__)
d = {}
for k in [1, 1.0, True, "1", (1,), None, frozenset()]:
    d[k] = repr(k)
print(d)
