# dict views and set operations: keys/items views as sets, view
# liveness, mapping attribute, reversed views; set/frozenset operators and
# methods with every kind of iterable, comparisons, and the errors.
d = {"a": 1, "b": 2, "c": 3}
k, v, it = d.keys(), d.values(), d.items()
print(k, v, it, len(k), "a" in k, 2 in v, ("a", 1) in it, ("a", 2) in it)
d["d"] = 4
print(list(k), list(v), list(it), k.mapping is not None and dict(k.mapping) == d)
print(sorted(k & {"a", "z"}), sorted(k | ["x"]), sorted(k - {"a"}), sorted(k ^ {"a", "q"}), k == {"a", "b", "c", "d"})
print(sorted(it & {("a", 1), ("b", 9)}), sorted(it - {("a", 1)}), k <= {"a", "b", "c", "d", "e"}, k < k, k.isdisjoint(["z"]))
print(list(reversed(k)), list(reversed(v)), list(reversed(it))[:1], {1: 2}.keys() == {1: 3}.keys(), {1: 2}.items() == {1: 3}.items())
print(v == v, d.values() == d.values(), type(k).__name__, type(k - set()).__name__)
try:
    d.values() | {1}
except TypeError as e:
    print(type(e).__name__, e)
try:
    hash(k)
except TypeError as e:
    print(type(e).__name__, e)
try:
    {[1]: 2}
except TypeError as e:
    print(type(e).__name__, e)
it_k = iter(d)
d["e"] = 5
try:
    next(it_k)
except RuntimeError as e:
    print(type(e).__name__, e)
print({**d, "a": 0}, dict(d, b=0), d | {"z": 26}, {"z": 26} | d, dict.fromkeys("ab", []), dict([("x", 1)], y=2))
dd = dict(a=1)
print(dd.setdefault("a", 9), dd.setdefault("b"), dd.pop("b"), dd.pop("zz", "dflt"), dd.popitem(), dd)
for bad in (lambda: {}.popitem(), lambda: {}.pop("x"), lambda: dict([1, 2]), lambda: dict([(1, 2, 3)]), lambda: dict(1),
            lambda: {}.fromkeys(5), lambda: {}.update([1]), lambda: dict(a=1) | [("b", 2)]):
    try:
        print(bad())
    except (KeyError, TypeError, ValueError) as e:
        print(type(e).__name__, e)

s, t = {1, 2, 3}, {3, 4}
print(s | t, s & t, s - t, s ^ t, s <= {1, 2, 3, 4}, s < s, s >= {1}, s > set(), s == frozenset(s), s.isdisjoint({9}))
print(s.union([5], (6,), "a" if False else []), s.intersection(range(2, 10), [3, 2]), s.difference([1], {2}), s.symmetric_difference([1, 9]))
print(s.issubset(range(5)), s.issuperset([1, 1]), frozenset([1, 2]) | {3}, type(frozenset([1]) | {3}).__name__, type({3} | frozenset([1])).__name__)
u = set()
u.add(1); u.update([2, 3], {4}); u.discard(9); u.remove(1)
print(u, u.pop() in {2, 3, 4}, len(u))
u.intersection_update({2, 3, 5}); u.difference_update([3]); u.symmetric_difference_update({7})
print(sorted(u), u.copy() == u, u.copy() is u)
u.clear()
print(u, set("hello") == set("ohle"), sorted(frozenset("abc")), {frozenset({1}): "fs key"}[frozenset([1])])
for bad in (lambda: set().pop(), lambda: {1}.remove(2), lambda: {1} | [2], lambda: {1} < [1], lambda: set([[1]]),
            lambda: frozenset().add, lambda: {1} + {2}, lambda: {1}.update(5)):
    try:
        print(bad())
    except (KeyError, TypeError, AttributeError) as e:
        print(type(e).__name__, e)
print(sorted({1, 2} ^ {2, 3} | {9} & {9, 10} - {10}), {1, 2, 3} - {2} - {3}, set() == frozenset(), {()} == {()})
nested = {frozenset({1, 2}), frozenset({2, 1}), frozenset()}
print(len(nested), sorted(len(x) for x in nested), sorted(map(sorted, nested)))
class Key:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return self.v % 3
    def __eq__(self, o):
        return self.v == o.v
print(len({Key(1), Key(4), Key(1), Key(7)}), Key(4) in {Key(4)}, Key(5) in {Key(2)})
